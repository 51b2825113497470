//! Through the emulator (issue 11): an order cancelled long after the poll window passed it is
//! seen by `refresh_orders`, in few requests; and `orders()` yields every order it read before
//! an error (a failed status lookup).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::{TimeDelta, Utc};
use futures::StreamExt;
use market_core::sandbox::{Fault, FaultPlan};
use market_core::transport::RetryPolicy;
use market_core::{
    CancelReason, Capability, Lifecycle, Marketplace, OrderId as CoreOrderId, OrderQuery,
    TimeWindow,
};
use wb_api::marketplace::STATUS_UNREAD;
use wb_api::models::orders::OrdersWindow;
use wb_api::sandbox::{Sandbox, SandboxConfig};

const LIST: &str = "GET /api/v3/orders";
const STATUS: &str = "POST /api/v3/orders/status";

fn last(hours: i64) -> TimeWindow {
    let now = Utc::now();
    TimeWindow::new(now - TimeDelta::hours(hours), now + TimeDelta::minutes(1)).unwrap()
}

fn core_id(id: wb_api::ids::OrderId) -> CoreOrderId {
    CoreOrderId::new(id.0.to_string())
}

#[tokio::test]
async fn a_day_old_order_cancelled_after_the_window_passed_it_is_seen_by_refresh_orders() {
    let sandbox = Sandbox::start().await;
    let wb = sandbox.client().unwrap();
    let m: &dyn Marketplace = &wb;
    // WB cannot filter by status-change time: the importer must re-read open orders.
    assert!(!m.capabilities().supports(Capability::OrderChanges));

    let old = sandbox
        .add_order_created(Utc::now() - TimeDelta::hours(26))
        .unwrap();
    let id = core_id(old);
    m.cancel_order(&id, &CancelReason::out_of_stock())
        .await
        .unwrap();

    // A poll of the last day by creation time cannot see it.
    let polled: Vec<_> = m.orders(OrderQuery::window(last(24))).collect().await;
    assert!(polled.iter().all(|o| o.as_ref().unwrap().id != id));

    let (lists, statuses) = (
        sandbox.requests().count(LIST),
        sandbox.requests().count(STATUS),
    );
    let refreshed: Vec<_> = m.refresh_orders(vec![id.clone()]).collect().await;
    assert_eq!(refreshed.len(), 1, "{refreshed:?}");
    let order = refreshed[0].as_ref().unwrap();
    assert_eq!(order.id, id);
    assert_eq!(order.status.lifecycle, Lifecycle::Cancelled);
    assert_eq!(order.status.raw, "cancel/canceled");
    assert_eq!(sandbox.requests().count(STATUS) - statuses, 1);
    // One 30-day window of the list: its pages, not one scan per id.
    assert!(sandbox.requests().count(LIST) - lists <= 2);
}

#[tokio::test]
async fn refresh_orders_of_2500_ids_takes_a_few_requests() {
    let sandbox = Sandbox::start_with(SandboxConfig {
        orders: 2500,
        ..SandboxConfig::default()
    })
    .await;
    let wb = sandbox.client().unwrap();
    let now = Utc::now();
    let all: Vec<wb_api::ids::OrderId> = wb
        .orders()
        .list_stream(OrdersWindow::between(now - TimeDelta::days(10), now))
        .map(|o| o.unwrap().id)
        .collect()
        .await;
    assert_eq!(all.len(), 2500);
    let before = sandbox.requests().total();
    let mut ids: Vec<CoreOrderId> = all.iter().copied().map(core_id).collect();
    // Ids WB does not know, and one that is not WB's: skipped.
    ids.push(CoreOrderId::new("1"));
    ids.push(CoreOrderId::new("not-a-task"));

    let m: &dyn Marketplace = &wb;
    let refreshed: Vec<_> = m.refresh_orders(ids).collect().await;
    let requests = sandbox.requests().total() - before;
    assert_eq!(refreshed.len(), 2500);
    for o in &refreshed {
        let o = o.as_ref().unwrap();
        let wb_id = wb_api::ids::OrderId(o.id.as_str().parse().unwrap());
        let (supplier, wb_status) = sandbox.order_status(wb_id).unwrap();
        assert_eq!(o.status.raw, format!("{supplier}/{wb_status}"));
    }
    // 3 status requests (1000 ids each) and the 3 pages (+1 empty) of one list window,
    // where `order()` one by one would take thousands.
    assert_eq!(sandbox.requests().count(STATUS), 3);
    assert!(requests <= 8, "{requests} requests for 2500 ids");
}

fn no_retries(sandbox: &Sandbox) -> wb_api::Client {
    sandbox
        .client_builder()
        .retry(RetryPolicy::never())
        .build()
        .unwrap()
}

#[tokio::test]
async fn a_failed_status_lookup_yields_every_order_read_then_the_error() {
    let sandbox = Sandbox::start_with(SandboxConfig {
        orders: 300,
        faults: FaultPlan::schedule([Some(Fault::ServerError), None, Some(Fault::ServerError)])
            .on_path("/api/v3/orders/status"),
        ..SandboxConfig::default()
    })
    .await;
    let wb = no_retries(&sandbox);
    let m: &dyn Marketplace = &wb;
    let items: Vec<_> = m.orders(OrderQuery::window(last(24 * 8))).collect().await;
    // The 300 ids failed; again as 100s: the first 100 read, the next failed.
    assert_eq!(sandbox.requests().count(STATUS), 3);
    assert_eq!(items.len(), 301, "every order, then the error");
    let err = items.last().unwrap().as_ref().unwrap_err();
    assert_eq!(err.status(), Some(500));
    let orders: Vec<_> = items[..300].iter().map(|o| o.as_ref().unwrap()).collect();
    for o in &orders[..100] {
        let wb_id = wb_api::ids::OrderId(o.id.as_str().parse().unwrap());
        let (supplier, wb_status) = sandbox.order_status(wb_id).unwrap();
        assert_eq!(o.status.raw, format!("{supplier}/{wb_status}"));
    }
    for o in &orders[100..] {
        assert_eq!(o.status.lifecycle, Lifecycle::Unknown);
        assert_eq!(o.status.raw, STATUS_UNREAD, "never a status as if known");
    }
}

#[tokio::test]
async fn a_status_lookup_that_succeeds_in_smaller_requests_is_no_error() {
    let sandbox = Sandbox::start_with(SandboxConfig {
        orders: 300,
        faults: FaultPlan::schedule([Some(Fault::ServerError)]).on_path("/api/v3/orders/status"),
        ..SandboxConfig::default()
    })
    .await;
    let wb = no_retries(&sandbox);
    let m: &dyn Marketplace = &wb;
    let items: Vec<_> = m.orders(OrderQuery::window(last(24 * 8))).collect().await;
    assert_eq!(items.len(), 300);
    assert!(
        items
            .iter()
            .all(|o| o.as_ref().unwrap().status.raw != STATUS_UNREAD)
    );
    assert_eq!(sandbox.requests().count(STATUS), 4);
}

#[tokio::test]
async fn a_failing_second_page_yields_the_first_then_the_error() {
    let sandbox = Sandbox::start_with(SandboxConfig {
        orders: 1500,
        // List page 1, its status lookup, then list page 2 fails.
        faults: FaultPlan::schedule([None, None, Some(Fault::ServerError)])
            .on_path("/api/v3/orders"),
        ..SandboxConfig::default()
    })
    .await;
    let wb = no_retries(&sandbox);
    let m: &dyn Marketplace = &wb;
    let items: Vec<_> = m.orders(OrderQuery::window(last(24 * 8))).collect().await;
    assert_eq!(items.len(), 1001);
    assert!(items[..1000].iter().all(Result::is_ok));
    assert_eq!(items[1000].as_ref().unwrap_err().status(), Some(500));
}

#[tokio::test]
async fn a_200_without_data_or_a_replayed_page_fails_the_listing() {
    let sandbox = Sandbox::start_with(SandboxConfig {
        orders: 1500,
        faults: FaultPlan::schedule([Some(Fault::EmptyOk)]).on_path("/api/v3/orders"),
        ..SandboxConfig::default()
    })
    .await;
    let wb = no_retries(&sandbox);
    let now = Utc::now();
    let window = OrdersWindow::between(now - TimeDelta::days(10), now);
    let items: Vec<_> = wb.orders().list_stream(window).collect().await;
    assert_eq!(items.len(), 1);
    assert!(items[0].is_err(), "{{}} is no empty last page");

    // The second page answered with the first one again.
    sandbox
        .faults()
        .set(FaultPlan::schedule([None, Some(Fault::Replay)]).on_path("/api/v3/orders"));
    let items: Vec<_> = wb.orders().list_stream(window).collect().await;
    assert_eq!(items.len(), 1001);
    assert!(items[1000].is_err());
}
