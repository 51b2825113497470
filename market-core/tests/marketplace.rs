//! The Marketplace trait: object safety, capabilities, typed Unsupported defaults.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use async_trait::async_trait;
use chrono::TimeDelta;
use futures::StreamExt;
use market_core::{
    BatchReport, CancelReason, Capabilities, Capability, Error, Marketplace, MarketplaceKind,
    OrderId, OrderQuery, ReturnQuery, StockUpdate, TaskId, TimeWindow, Warehouse,
};

/// A channel that only does stocks.
struct StocksOnly;

#[async_trait]
impl Marketplace for StocksOnly {
    fn kind(&self) -> MarketplaceKind {
        MarketplaceKind::Other("stocks-only".into())
    }
    fn account(&self) -> &str {
        "acc"
    }
    fn capabilities(&self) -> Capabilities {
        Capabilities::of(&[Capability::Stocks])
    }
    async fn update_stocks(&self, updates: &[StockUpdate]) -> market_core::Result<BatchReport> {
        let mut r = BatchReport::new();
        for u in updates {
            r.accept(u.key());
        }
        Ok(r)
    }
}

/// A channel that does nothing but say who it is.
struct Nothing(MarketplaceKind);

#[async_trait]
impl Marketplace for Nothing {
    fn kind(&self) -> MarketplaceKind {
        self.0.clone()
    }
    fn account(&self) -> &str {
        "acc"
    }
    fn capabilities(&self) -> Capabilities {
        Capabilities::NONE
    }
}

fn unsupported(e: Error, op: &str) {
    match e {
        Error::Unsupported { operation, .. } => assert_eq!(operation, op),
        other => panic!("expected Unsupported({op}), got {other:?}"),
    }
}

#[tokio::test]
async fn channels_live_in_one_list_and_unsupported_calls_are_typed_errors() {
    let channels: Vec<Box<dyn Marketplace>> = vec![
        Box::new(StocksOnly),
        Box::new(Nothing(MarketplaceKind::Megamarket)),
    ];
    let stock = [StockUpdate::new("A", "W", 1)];
    let window = TimeWindow::last(TimeDelta::hours(1));
    let id = OrderId::from("1");
    for ch in &channels {
        let caps = ch.capabilities();
        match ch.update_stocks(&stock).await {
            Ok(r) => {
                assert!(caps.supports(Capability::Stocks));
                assert_eq!(r.accepted.len(), 1);
            }
            Err(e) => {
                assert!(!caps.supports(Capability::Stocks));
                unsupported(e, "update_stocks");
            }
        }
        unsupported(ch.warehouses().await.unwrap_err(), "warehouses");
        unsupported(ch.update_prices(&[]).await.unwrap_err(), "update_prices");
        unsupported(ch.publish_cards(&[]).await.unwrap_err(), "publish_cards");
        unsupported(
            ch.card_import_status(&TaskId::from("t")).await.unwrap_err(),
            "card_import_status",
        );
        unsupported(ch.order(&id).await.unwrap_err(), "order");
        unsupported(ch.confirm_order(&id).await.unwrap_err(), "confirm_order");
        unsupported(ch.pack_order(&id, &[]).await.unwrap_err(), "pack_order");
        unsupported(ch.ship_order(&id).await.unwrap_err(), "ship_order");
        unsupported(
            ch.cancel_order(&id, &CancelReason::out_of_stock())
                .await
                .unwrap_err(),
            "cancel_order",
        );
        unsupported(ch.label(&id).await.unwrap_err(), "label");
        let orders: Vec<_> = ch.orders(OrderQuery::window(window)).collect().await;
        assert_eq!(orders.len(), 1);
        unsupported(orders.into_iter().next().unwrap().unwrap_err(), "orders");
        let returns: Vec<_> = ch.returns(ReturnQuery { window }).collect().await;
        unsupported(returns.into_iter().next().unwrap().unwrap_err(), "returns");
    }
    let err = channels[1].warehouses().await.unwrap_err();
    assert_eq!(err.to_string(), "megamarket does not support warehouses");
    let _: Option<Warehouse> = None;
}

#[test]
fn capabilities_are_a_set() {
    let caps =
        Capabilities::of(&[Capability::Stocks, Capability::Labels]).with(Capability::Returns);
    assert!(caps.supports(Capability::Stocks));
    assert!(caps.supports(Capability::Labels));
    assert!(caps.supports(Capability::Returns));
    assert!(!caps.supports(Capability::Prices));
    assert_eq!(caps.iter().count(), 3);
    assert_eq!(format!("{caps:?}"), "{Stocks, Labels, Returns}");
    for c in Capability::ALL {
        assert!(Capabilities::of(&Capability::ALL).supports(c));
        assert!(!Capabilities::NONE.supports(c));
    }
}

#[test]
fn model_validation_names_the_problem() {
    use market_core::PriceUpdate;
    use rust_decimal::Decimal;
    let d = |s: &str| s.parse::<Decimal>().unwrap();
    assert!(PriceUpdate::new("A", d("100")).validate(None).is_ok());
    assert!(
        PriceUpdate::new("A", d("0"))
            .validate(None)
            .unwrap_err()
            .contains("not above zero")
    );
    assert!(
        PriceUpdate::new("", d("1"))
            .validate(None)
            .unwrap_err()
            .contains("offer id")
    );
    assert!(
        PriceUpdate::new("A", d("10"))
            .validate(Some(d("20")))
            .unwrap_err()
            .contains("floor 20")
    );
    assert!(
        PriceUpdate::new("A", d("100"))
            .with_old_price(d("90"))
            .validate(None)
            .unwrap_err()
            .contains("old price 90")
    );
    assert!(
        PriceUpdate::new("A", d("100"))
            .with_min_price(d("120"))
            .validate(None)
            .unwrap_err()
            .contains("min price 120")
    );
    assert!(
        PriceUpdate::new("A", d("100"))
            .with_old_price(d("120"))
            .with_min_price(d("80"))
            .validate(None)
            .is_ok()
    );
    assert!(StockUpdate::new("A", "W", 0).validate(true).is_ok());
    assert!(StockUpdate::new("A", "W", -1).validate(true).is_err());
}

#[test]
fn orders_serialise_with_exact_money_and_raw_status() {
    use market_core::{Currency, DeliveryScheme, Lifecycle, Order, OrderLine, OrderStatus};
    use rust_decimal::Decimal;
    let order = Order {
        marketplace: MarketplaceKind::Ozon,
        id: "0123-1".into(),
        parent_id: Some("0123".into()),
        scheme: DeliveryScheme::Fbs,
        status: OrderStatus::new(Lifecycle::AwaitingPackaging, "awaiting_packaging"),
        created_at: "2026-11-01T10:00:00Z".parse().unwrap(),
        updated_at: None,
        ship_by: None,
        warehouse_id: Some("22".into()),
        currency: Currency::Rub,
        lines: vec![
            OrderLine {
                offer_id: "A".into(),
                sku: Some("1".into()),
                name: None,
                quantity: 2,
                unit_price: "480.10".parse().unwrap(),
            },
            OrderLine {
                offer_id: "B".into(),
                sku: None,
                name: None,
                quantity: 1,
                unit_price: Decimal::new(1, 2),
            },
        ],
        raw: serde_json::json!({"posting_number": "0123-1"}),
    };
    assert_eq!(
        order.total().map(|t| t.to_string()).as_deref(),
        Some("960.21")
    );
    let json = serde_json::to_value(&order).unwrap();
    assert_eq!(json["status"]["raw"], "awaiting_packaging");
    assert_eq!(json["status"]["lifecycle"], "awaiting_packaging");
    assert_eq!(json["lines"][0]["unit_price"], "480.10");
    let back: Order = serde_json::from_value(json).unwrap();
    assert_eq!(back, order);
}
