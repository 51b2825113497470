//! `Marketplace` for a RetailCRM site, against the emulator: stores as warehouses, stocks
//! and prices per item, orders in the seller's model.

use chrono::{Duration, Utc};
use futures::TryStreamExt;
use market_core::model::{Lifecycle, OrderQuery, RejectionStage, TimeWindow};
use market_core::{Capability, Marketplace, OfferId, PriceUpdate, StockUpdate, WarehouseId};
use retailcrm_api::models::{ItemOffer, Order, OrderItem};
use retailcrm_api::sandbox::{Sandbox, SandboxConfig};
use rust_decimal::Decimal;

async fn sandbox() -> Sandbox {
    Sandbox::start_with(SandboxConfig {
        rate_limits: false,
        ..SandboxConfig::default()
    })
    .await
}

fn stock(offer: &str, store: Option<&str>, quantity: i64) -> StockUpdate {
    StockUpdate {
        offer_id: OfferId::from(offer),
        warehouse_id: store.map(WarehouseId::from),
        quantity,
    }
}

#[tokio::test]
async fn stores_are_warehouses_and_stocks_are_set_per_item() {
    let sandbox = sandbox().await;
    let channel = sandbox.client().unwrap().channel("shop", "base");
    assert!(channel.capabilities().supports(Capability::Stocks));
    let warehouses = channel.warehouses().await.unwrap();
    let ids: Vec<&str> = warehouses.iter().map(|w| w.id.as_str()).collect();
    assert_eq!(ids, ["main", "second"]);
    let report = channel
        .update_stocks(&[
            stock("SKU-0001", Some("main"), 3),
            stock("SKU-0001", Some("second"), 4),
            stock("SKU-0002", None, 1),
            stock("NOPE", Some("main"), 1),
        ])
        .await
        .unwrap();
    assert_eq!(report.accepted.len(), 2);
    assert_eq!(report.rejected.len(), 2);
    let stage = |offer: &str| {
        report
            .rejected
            .iter()
            .find(|r| r.key.offer_id.as_str() == offer)
            .map(|r| r.stage)
    };
    assert_eq!(stage("SKU-0002"), Some(RejectionStage::Validation));
    assert_eq!(stage("NOPE"), Some(RejectionStage::Vendor));
    assert_eq!(sandbox.stock("SKU-0001", "main"), Some(Decimal::from(3)));
    assert_eq!(sandbox.stock("SKU-0001", "second"), Some(Decimal::from(4)));
}

#[tokio::test]
async fn prices_are_set_for_the_channels_price_type() {
    let sandbox = sandbox().await;
    let channel = sandbox.client().unwrap().channel("shop", "base");
    let update = PriceUpdate::new("SKU-0004", Decimal::new(77700, 2));
    let report = channel.update_prices(&[update]).await.unwrap();
    assert_eq!(report.accepted.len(), 1);
    assert_eq!(
        sandbox.price("SKU-0004", "base"),
        Some(Decimal::new(77700, 2))
    );
}

#[tokio::test]
async fn orders_read_in_the_sellers_model() {
    let sandbox = sandbox().await;
    let client = sandbox.client().unwrap();
    let order = Order {
        external_id: Some("web-1".into()),
        status: Some("assembling".into()),
        items: Some(vec![OrderItem {
            offer: Some(ItemOffer {
                external_id: Some("SKU-0005".into()),
                ..ItemOffer::default()
            }),
            quantity: Some(Decimal::from(3)),
            initial_price: Some(Decimal::new(1050, 1)),
            ..OrderItem::default()
        }]),
        ..Order::default()
    };
    let id = client
        .orders_create(&order, Some("shop"))
        .await
        .unwrap()
        .id
        .unwrap();
    let channel = client.channel("shop", "base");
    let query = OrderQuery::window(TimeWindow {
        since: Utc::now() - Duration::hours(1),
        until: Utc::now() + Duration::hours(1),
    });
    let orders: Vec<_> = channel.orders(query).try_collect().await.unwrap();
    assert_eq!(orders.len(), 1);
    let o = &orders[0];
    assert_eq!(o.id.as_str(), id.to_string());
    assert_eq!(o.status.lifecycle, Lifecycle::AwaitingPackaging);
    assert_eq!(o.status.raw, "assembling");
    assert_eq!(o.lines[0].offer_id.as_str(), "SKU-0005");
    assert_eq!(o.lines[0].quantity, 3);
    assert_eq!(o.lines[0].unit_price, Decimal::new(1050, 1));
    let one = channel.order(&o.id).await.unwrap();
    assert_eq!(one.lines.len(), 1);
}
