//! RetailCRM as the order desk, against the emulator: codes checked before anything is sent,
//! an order created once under its import key, status changes, the batched upload.

use std::collections::{BTreeMap, HashMap};

use chrono::Utc;
use market_core::helpers::{ImportKey, OrderSink};
use market_core::model::{Currency, DeliveryScheme, Lifecycle, OrderLine, OrderStatus};
use market_core::{MarketplaceKind, OfferId, OrderId};
use retailcrm_api::desk::{DeskMapping, OrderDesk};
use retailcrm_api::models::By;
use retailcrm_api::sandbox::{Sandbox, SandboxConfig};
use rust_decimal::Decimal;

fn mapping() -> DeskMapping {
    DeskMapping {
        site: "shop".into(),
        statuses: BTreeMap::from([
            (Lifecycle::AwaitingPackaging, "new".to_owned()),
            (Lifecycle::AwaitingShipment, "assembling".to_owned()),
            (Lifecycle::Cancelled, "cancel-other".to_owned()),
        ]),
        order_method: Some("marketplace".into()),
        delivery_types: HashMap::from([(DeliveryScheme::Fbs, "courier".to_owned())]),
        payment_type: Some("bank-card".into()),
        ..DeskMapping::default()
    }
}

fn order(id: &str, sku: &str, lifecycle: Lifecycle) -> market_core::Order {
    market_core::Order {
        marketplace: MarketplaceKind::Ozon,
        id: OrderId::from(id),
        parent_id: None,
        scheme: DeliveryScheme::Fbs,
        status: OrderStatus::new(lifecycle, "awaiting_packaging"),
        created_at: Utc::now(),
        updated_at: None,
        ship_by: None,
        warehouse_id: None,
        currency: Currency::Rub,
        lines: vec![OrderLine {
            offer_id: OfferId::from(sku),
            sku: None,
            name: Some("Product".into()),
            quantity: 2,
            unit_price: Decimal::new(49950, 2),
        }],
        raw: serde_json::Value::Null,
    }
}

fn key(id: &str) -> ImportKey {
    ImportKey::new(MarketplaceKind::Ozon, id)
}

async fn sandbox() -> Sandbox {
    Sandbox::start_with(SandboxConfig {
        rate_limits: false,
        ..SandboxConfig::default()
    })
    .await
}

#[tokio::test]
async fn an_unknown_code_is_refused_before_anything_is_sent() {
    let sandbox = sandbox().await;
    let mut bad = mapping();
    bad.statuses
        .insert(Lifecycle::Delivered, "no-such-status".into());
    bad.payment_type = Some("crypto".into());
    let err = OrderDesk::open(sandbox.client().unwrap(), bad)
        .await
        .unwrap_err();
    let text = err.to_string();
    assert!(text.contains("status \"no-such-status\""), "{text}");
    assert!(text.contains("payment type \"crypto\""), "{text}");
    assert_eq!(sandbox.requests().count("POST /api/v5/orders/create"), 0);
}

#[tokio::test]
async fn an_order_is_created_once_under_its_import_key() {
    let sandbox = sandbox().await;
    let desk = OrderDesk::open(sandbox.client().unwrap(), mapping())
        .await
        .unwrap();
    let o = order("0123-1", "SKU-0001", Lifecycle::AwaitingPackaging);
    assert_eq!(desk.find(&key("0123-1")).await.unwrap(), None);
    let first = desk.create(&o, &key("0123-1")).await.unwrap();
    // A repeat (an importer that crashed before storing the link) finds the same order.
    let again = desk.create(&o, &key("0123-1")).await.unwrap();
    assert_eq!(first, again);
    assert_eq!(
        desk.find(&key("0123-1")).await.unwrap(),
        Some(first.clone())
    );
    assert_eq!(sandbox.order_count(), 1);

    let crm = desk
        .client()
        .orders_get(&By::external("ozon:0123-1"), None)
        .await
        .unwrap();
    assert_eq!(crm.status.as_deref(), Some("new"));
    assert_eq!(crm.order_method.as_deref(), Some("marketplace"));
    assert_eq!(crm.delivery.unwrap().code.as_deref(), Some("courier"));
    let item = &crm.items.unwrap()[0];
    assert_eq!(item.initial_price, Some(Decimal::new(49950, 2)));
    assert_eq!(item.quantity, Some(Decimal::from(2)));
    let payment = crm.payments.unwrap().values().next().cloned().unwrap();
    assert_eq!(payment.amount, Some(Decimal::new(99900, 2)));

    let cancelled = order("0123-1", "SKU-0001", Lifecycle::Cancelled);
    let previous = OrderStatus::new(Lifecycle::AwaitingPackaging, "awaiting_packaging");
    desk.status_changed(&first, &cancelled, &previous)
        .await
        .unwrap();
    assert_eq!(
        sandbox.order_status("ozon:0123-1").as_deref(),
        Some("cancel-other")
    );
}

#[tokio::test]
async fn a_peak_goes_fifty_orders_a_request_and_a_bad_order_is_named_by_its_key() {
    let sandbox = sandbox().await;
    let desk = OrderDesk::open(sandbox.client().unwrap(), mapping())
        .await
        .unwrap();
    let mut orders: Vec<_> = (0..120)
        .map(|i| {
            let id = format!("peak-{i}");
            (
                order(&id, "SKU-0002", Lifecycle::AwaitingPackaging),
                key(&id),
            )
        })
        .collect();
    orders[7].0.lines[0].offer_id = OfferId::from("UNKNOWN");
    let report = desk.upload(&orders).await;
    assert_eq!(report.accepted.len(), 119);
    assert_eq!(report.rejected.len(), 1);
    assert_eq!(report.rejected[0].key, "ozon:peak-7");
    assert_eq!(sandbox.requests().count("POST /api/v5/orders/upload"), 3);
    assert_eq!(sandbox.order_count(), 119);
    // Sent again: nothing is created twice.
    let again = desk.upload(&orders[..10]).await;
    assert!(again.accepted.is_empty());
    assert_eq!(sandbox.order_count(), 119);
}

/// A channel that records what it was asked to do.
#[derive(Default)]
struct Recorder(std::sync::Mutex<Vec<(String, String)>>);

#[async_trait::async_trait]
impl market_core::Marketplace for Recorder {
    fn kind(&self) -> MarketplaceKind {
        MarketplaceKind::Ozon
    }
    fn account(&self) -> &str {
        "recorder"
    }
    fn capabilities(&self) -> market_core::Capabilities {
        market_core::Capabilities::NONE
    }
    async fn cancel_order(
        &self,
        id: &OrderId,
        _: &market_core::model::CancelReason,
    ) -> market_core::Result<()> {
        self.0
            .lock()
            .unwrap()
            .push(("cancel".into(), id.to_string()));
        Ok(())
    }
    async fn ship_order(&self, id: &OrderId) -> market_core::Result<()> {
        self.0.lock().unwrap().push(("ship".into(), id.to_string()));
        Ok(())
    }
}

#[tokio::test]
async fn a_managers_status_change_reaches_the_marketplace_once() {
    use retailcrm_api::desk::{DeskAction, StatusRelay};
    let sandbox = sandbox().await;
    let desk = OrderDesk::open(sandbox.client().unwrap(), mapping())
        .await
        .unwrap();
    for id in ["a-1", "a-2"] {
        desk.create(
            &order(id, "SKU-0001", Lifecycle::AwaitingPackaging),
            &key(id),
        )
        .await
        .unwrap();
    }
    let relay = StatusRelay::new(
        sandbox.client().unwrap(),
        HashMap::from([
            ("cancel-other".to_owned(), DeskAction::Cancel),
            ("send-to-delivery".to_owned(), DeskAction::Ship),
        ]),
    );
    let shop = Recorder::default();
    // The desk's own writes are not relayed back.
    let first = relay.run(None, &[&shop]).await.unwrap();
    assert!(first.relayed.is_empty());
    assert!(first.last_id.is_some());

    assert!(sandbox.manager_sets_status("ozon:a-1", "cancel-other"));
    assert!(sandbox.manager_sets_status("ozon:a-2", "assembling"));
    assert!(sandbox.manager_sets_status("ozon:a-2", "send-to-delivery"));
    let second = relay.run(first.last_id, &[&shop]).await.unwrap();
    assert_eq!(second.relayed.len(), 2);
    assert!(second.relayed.iter().all(|r| r.outcome.is_ok()));
    assert_eq!(
        *shop.0.lock().unwrap(),
        [
            ("cancel".to_owned(), "a-1".to_owned()),
            ("ship".to_owned(), "a-2".to_owned())
        ]
    );
    // Run again from the stored id: nothing is applied twice.
    let third = relay.run(second.last_id, &[&shop]).await.unwrap();
    assert!(third.relayed.is_empty());
    assert_eq!(shop.0.lock().unwrap().len(), 2);
}

/// The peak of a sale: 800 orders into the emulator under its 10 requests a second, with
/// the client's limiter on. They go in 16 requests of 50, none refused with a 503.
#[tokio::test]
async fn eight_hundred_orders_arrive_in_sixteen_requests_under_the_limit() {
    let sandbox = Sandbox::start_with(SandboxConfig {
        offers: 5,
        ..SandboxConfig::default()
    })
    .await;
    let desk = OrderDesk::open(sandbox.client().unwrap(), mapping())
        .await
        .unwrap();
    let orders: Vec<_> = (0..800)
        .map(|i| {
            let id = format!("sale-{i}");
            (
                order(&id, "SKU-0003", Lifecycle::AwaitingPackaging),
                key(&id),
            )
        })
        .collect();
    let started = std::time::Instant::now();
    let report = desk.upload(&orders).await;
    let elapsed = started.elapsed();
    assert_eq!(report.accepted.len(), 800, "{:?}", report.rejected.first());
    assert_eq!(sandbox.order_count(), 800);
    // Every request was admitted at once: a 503 would have been retried and counted twice.
    assert_eq!(sandbox.requests().count("POST /api/v5/orders/upload"), 16);
    eprintln!("800 orders in 16 requests, {elapsed:?}");
}
