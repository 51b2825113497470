//! Incremental polling through the emulator: an order placed a day ago and cancelled now is a
//! change of the last hour (Yandex Market filters orders by update time), not an order placed
//! in it; a 200 without the page and a page served again are errors, never a quiet end.
#![cfg(feature = "sandbox")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::{TimeDelta, Utc};
use futures::TryStreamExt;
use market_core::sandbox::{Fault, FaultPlan};
use market_core::{Capability, Error, Lifecycle, Marketplace, Order, OrderQuery, TimeWindow};
use yandex_market_api::models::orders::BusinessOrdersRequest;
use yandex_market_api::sandbox::{SANDBOX_BUSINESS_ID, Sandbox, SandboxConfig};

fn config() -> SandboxConfig {
    SandboxConfig {
        orders: 0,
        fake_orders: 0,
        rate_limits: false,
        ..SandboxConfig::default()
    }
}

async fn read(shop: &dyn Marketplace, query: OrderQuery) -> Vec<Order> {
    shop.orders(query).try_collect().await.unwrap()
}

#[tokio::test]
async fn a_day_old_order_cancelled_now_is_a_change_of_the_last_hour() {
    let s = Sandbox::start_with(config()).await;
    let shop = s.campaign().unwrap();
    assert!(Marketplace::capabilities(&shop).supports(Capability::OrderChanges));
    let id = s
        .add_order_created_at(Utc::now() - TimeDelta::hours(26))
        .unwrap();
    let hour = TimeDelta::hours(1);
    // Untouched for 26 hours: not a change of the last hour.
    assert!(
        read(&shop, OrderQuery::changes(TimeWindow::last(hour)))
            .await
            .is_empty()
    );
    assert!(s.cancel_by_buyer(id));
    assert!(s.order_updated_at(id).unwrap() > Utc::now() - hour);

    let changed = read(&shop, OrderQuery::changes(TimeWindow::last(hour))).await;
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert_eq!(changed[0].id.as_str(), id.to_string());
    assert_eq!(changed[0].status.lifecycle, Lifecycle::Cancelled);
    assert_eq!(changed[0].status.raw, "CANCELLED/USER_CHANGED_MIND");

    // Placed 26 hours ago: not an order of a creation window of the last hour, but one of
    // the last two days.
    assert!(
        read(&shop, OrderQuery::window(TimeWindow::last(hour)))
            .await
            .is_empty()
    );
    let placed = read(
        &shop,
        OrderQuery::window(TimeWindow::last(TimeDelta::hours(48))),
    )
    .await;
    assert_eq!(placed.len(), 1);
    assert_eq!(placed[0].status.lifecycle, Lifecycle::Cancelled);

    // The re-read of known orders sees the cancellation too.
    let refreshed: Vec<Order> =
        Marketplace::refresh_orders(&shop, vec![market_core::OrderId::new(id.to_string())])
            .try_collect()
            .await
            .unwrap();
    assert_eq!(refreshed.len(), 1);
    assert_eq!(refreshed[0].status.lifecycle, Lifecycle::Cancelled);
}

#[tokio::test]
async fn a_200_without_the_orders_is_an_error_not_an_empty_last_page() {
    let s = Sandbox::start_with(config()).await;
    s.add_orders(3);
    let shop = s.campaign().unwrap();
    s.faults().set(FaultPlan::schedule([Some(Fault::EmptyOk)]));
    let e = shop
        .orders(OrderQuery::changes(TimeWindow::last(TimeDelta::hours(1))))
        .try_collect::<Vec<_>>()
        .await
        .unwrap_err();
    match e {
        Error::Decode {
            vendor, operation, ..
        } => {
            assert_eq!(vendor, "yandex_market");
            assert_eq!(operation, "business_orders_get");
        }
        other => panic!("{other:?}"),
    }
    // The fault spent, the same read finds the three orders.
    let orders = read(
        &shop,
        OrderQuery::changes(TimeWindow::last(TimeDelta::hours(1))),
    )
    .await;
    assert_eq!(orders.len(), 3);
}

#[tokio::test]
async fn a_page_served_again_whatever_the_token_is_an_error() {
    let s = Sandbox::start_with(config()).await;
    s.add_orders(120);
    let ym = s.client().unwrap();
    // The first page, then the first page again whatever the token says.
    s.faults()
        .set(FaultPlan::schedule([None, Some(Fault::Replay)]));
    let mut stream = ym
        .orders()
        .list_stream(SANDBOX_BUSINESS_ID, BusinessOrdersRequest::new());
    let mut read = 0;
    let e = loop {
        match stream.try_next().await {
            Ok(Some(_)) => read += 1,
            Ok(None) => panic!("the listing ended after {read} orders"),
            Err(e) => break e,
        }
    };
    assert_eq!(read, 50, "the first page's orders, once");
    assert!(matches!(e, Error::Decode { .. }), "{e:?}");
    assert!(e.to_string().contains("already"), "{e}");
}
