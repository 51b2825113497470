//! The conformance suite: the same scenarios, through the `Marketplace` trait, against every
//! client and its local sandbox. A client joins with one line at the bottom
//! (`conformance!(module_name, SubjectType);`) and an implementation of [`Subject`].
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashSet;
use std::sync::Mutex;

use async_trait::async_trait;
use chrono::TimeDelta;
use futures::TryStreamExt;
use market::core::helpers::{ImportKey, MemoryLinkStore, OrderImporter, OrderSink};
use market::core::sandbox::{FaultPlan, RequestLog};
use market::core::{
    CancelReason, Capability, LabelFormat, Lifecycle, LocalId, Marketplace, Order, OrderId,
    OrderQuery, OrderStatus, PriceUpdate, RejectionStage, StockUpdate, TimeWindow, WarehouseId,
};
use rust_decimal::Decimal;

/// One client under test with its sandbox.
#[async_trait]
pub trait Subject: Sized + Send + Sync {
    /// Starts a sandbox with `orders` orders in the last week and the given faults.
    async fn start(orders: usize, faults: FaultPlan) -> Self;
    /// The client, seen through the trait.
    fn marketplace(&self) -> &dyn Marketplace;
    /// The sandbox's request log.
    fn requests(&self) -> &RequestLog;
    /// "METHOD /path" of the stock update operation.
    fn stock_update_path(&self) -> &'static str;
    /// The vendor's maximum items per stock update.
    fn stock_batch_max(&self) -> usize;
    /// Offer ids of the sandbox catalogue.
    fn offers(&self) -> Vec<String>;
    /// The stock the sandbox holds.
    fn stock(&self, offer: &str, warehouse: &WarehouseId) -> Option<i64>;
    /// The price the sandbox holds.
    fn price(&self, offer: &str) -> Option<Decimal>;
    /// How many orders the sandbox holds.
    fn order_count(&self) -> usize;
    /// Creates new orders awaiting packaging.
    fn add_orders(&self, n: usize) -> Vec<OrderId>;
    /// How many faults the sandbox has injected.
    fn faults_injected(&self) -> usize;
}

/// Retries with short delays: the sandboxes' faults are answered at once.
fn fast_retry() -> market::core::transport::RetryPolicy {
    market::core::transport::RetryPolicy {
        initial_delay: std::time::Duration::from_millis(5),
        max_delay: std::time::Duration::from_millis(50),
        ..Default::default()
    }
}

fn window() -> TimeWindow {
    TimeWindow::last(TimeDelta::days(8))
}

pub async fn stocks_round_trip<S: Subject>() {
    let s = S::start(10, FaultPlan::none()).await;
    let m = s.marketplace();
    assert!(m.capabilities().supports(Capability::Stocks));
    let warehouse = m
        .warehouses()
        .await
        .unwrap()
        .into_iter()
        .find(|w| w.active)
        .unwrap()
        .id;
    let offers = s.offers();
    let updates: Vec<StockUpdate> = offers
        .iter()
        .take(3)
        .enumerate()
        .map(|(i, o)| StockUpdate::new(o.as_str(), warehouse.clone(), 10 + i as i64))
        .collect();
    let report = m.update_stocks(&updates).await.unwrap();
    assert!(report.is_complete_success(), "{report:?}");
    for u in &updates {
        assert_eq!(s.stock(u.offer_id.as_str(), &warehouse), Some(u.quantity));
    }
}

pub async fn prices_round_trip<S: Subject>() {
    let s = S::start(10, FaultPlan::none()).await;
    let offer = s.offers().remove(0);
    // 25 % off 1600: a selling price every channel can reach exactly (WB sets prices as a
    // whole-rouble full price and a whole-percent discount).
    let price = Decimal::from(1200);
    let report = s
        .marketplace()
        .update_prices(&[PriceUpdate::new(offer.as_str(), price)
            .with_old_price(Decimal::from(1600))
            .with_min_price(Decimal::from(1000))])
        .await
        .unwrap();
    assert!(report.is_complete_success(), "{report:?}");
    assert_eq!(s.price(&offer), Some(price));
}

pub async fn orders_stream_across_pages<S: Subject>() {
    let s = S::start(1_100, FaultPlan::none()).await;
    let orders: Vec<Order> = s
        .marketplace()
        .orders(OrderQuery::window(window()))
        .try_collect()
        .await
        .unwrap();
    let ids: HashSet<&OrderId> = orders.iter().map(|o| &o.id).collect();
    assert_eq!(ids.len(), orders.len(), "no order twice");
    assert_eq!(orders.len(), s.order_count());
    assert!(orders.len() > 1_000, "more than one page");
    for o in &orders {
        assert!(!o.status.raw.is_empty());
        assert!(
            o.lines.iter().all(|l| l.unit_price > Decimal::ZERO),
            "{:?}",
            o.id
        );
    }
}

pub async fn an_order_moves_through_its_statuses<S: Subject>() {
    let s = S::start(5, FaultPlan::none()).await;
    let m = s.marketplace();
    let ids = s.add_orders(2);
    let first = m.order(&ids[0]).await.unwrap();
    if m.capabilities().supports(Capability::ConfirmOrder) {
        // A channel with an accept step: the order awaits it, or the channel accepted it
        // itself (Yandex Market's FBS orders); confirming is then harmless.
        assert!(
            matches!(
                first.status.lifecycle,
                Lifecycle::AwaitingConfirmation | Lifecycle::AwaitingPackaging
            ),
            "{:?}",
            first.status
        );
        m.confirm_order(&ids[0]).await.unwrap();
        let confirmed = m.order(&ids[0]).await.unwrap().status.lifecycle;
        assert!(
            matches!(
                confirmed,
                Lifecycle::AwaitingPackaging | Lifecycle::AwaitingShipment
            ),
            "{confirmed:?}"
        );
    } else {
        assert_eq!(first.status.lifecycle, Lifecycle::AwaitingPackaging);
    }
    m.ship_order(&ids[0]).await.unwrap();
    let shipped = m.order(&ids[0]).await.unwrap().status.lifecycle;
    assert!(
        matches!(shipped, Lifecycle::AwaitingShipment | Lifecycle::InDelivery),
        "{shipped:?}"
    );
    let label = m.label(&ids[0]).await.unwrap();
    assert!(
        matches!(
            label.format,
            LabelFormat::Pdf | LabelFormat::Png | LabelFormat::Svg | LabelFormat::Zpl
        ),
        "{:?}",
        label.format
    );
    assert_eq!(
        LabelFormat::sniff(&label.bytes),
        Some(label.format),
        "the bytes are what the label says they are"
    );
    m.cancel_order(&ids[1], &CancelReason::out_of_stock())
        .await
        .unwrap();
    assert_eq!(
        m.order(&ids[1]).await.unwrap().status.lifecycle,
        Lifecycle::Cancelled
    );
}

pub async fn batch_limits_split<S: Subject>() {
    let s = S::start(5, FaultPlan::none()).await;
    let m = s.marketplace();
    let warehouse = m
        .warehouses()
        .await
        .unwrap()
        .into_iter()
        .find(|w| w.active)
        .unwrap()
        .id;
    let offers = s.offers();
    let max = s.stock_batch_max();
    let n = max * 2 + 7;
    let mut updates: Vec<StockUpdate> = (0..n)
        .map(|i| StockUpdate::new(offers[i % offers.len()].as_str(), warehouse.clone(), 1))
        .collect();
    updates.push(StockUpdate::new("NEGATIVE", warehouse.clone(), -5));
    let before = s.requests().count(s.stock_update_path());
    let report = m.update_stocks(&updates).await.unwrap();
    assert_eq!(s.requests().count(s.stock_update_path()) - before, 3);
    assert_eq!(report.len(), n + 1);
    let local: Vec<_> = report
        .rejected
        .iter()
        .filter(|r| r.stage == RejectionStage::Validation)
        .collect();
    assert_eq!(local.len(), 1);
    assert_eq!(local[0].key.offer_id.as_str(), "NEGATIVE");
}

/// A sink that counts creations per order and keeps each one's import key.
#[derive(Default)]
struct CountingSink {
    created: Mutex<Vec<OrderId>>,
    keys: Mutex<Vec<(ImportKey, LocalId)>>,
}

#[async_trait]
impl OrderSink for CountingSink {
    async fn create(&self, order: &Order, key: &ImportKey) -> market::Result<LocalId> {
        let mut c = self.created.lock().unwrap();
        c.push(order.id.clone());
        let local = LocalId::new(format!("local-{}", c.len()));
        self.keys.lock().unwrap().push((key.clone(), local.clone()));
        Ok(local)
    }
    async fn find(&self, key: &ImportKey) -> market::Result<Option<LocalId>> {
        let keys = self.keys.lock().unwrap();
        Ok(keys.iter().find(|(k, _)| k == key).map(|(_, l)| l.clone()))
    }
    async fn status_changed(&self, _: &LocalId, _: &Order, _: &OrderStatus) -> market::Result<()> {
        Ok(())
    }
}

pub async fn every_order_is_imported_exactly_once_under_faults<S: Subject>() {
    use market::core::sandbox::Fault;
    // Each kind of fault for sure, then random ones, over a two-page order list.
    let plan = FaultPlan {
        schedule: vec![
            Some(Fault::RateLimited),
            Some(Fault::ServerError),
            None,
            Some(Fault::CutBody),
            Some(Fault::ServerError),
        ],
        ..FaultPlan::random(0.15, 0.15, 0.1, 2026)
    };
    let s = S::start(1_100, plan).await;
    s.add_orders(20);
    let expected = s.order_count();
    let importer = OrderImporter::new(MemoryLinkStore::new());
    let sink = CountingSink::default();
    let mut polls = 0;
    loop {
        polls += 1;
        let report = importer
            .import(s.marketplace(), window(), &sink)
            .await
            .unwrap();
        if report.stream_error.is_none() && report.failed.is_empty() {
            break;
        }
        assert!(polls < 50, "the import never completed: {report:?}");
    }
    // Once more after a clean poll: nothing new.
    let again = importer
        .import(s.marketplace(), window(), &sink)
        .await
        .unwrap();
    assert!(again.created.is_empty());
    assert!(
        s.faults_injected() >= 4,
        "the faults did happen: {}",
        s.faults_injected()
    );
    // A cut body no longer ends a poll by itself (the transport re-reads it once), so the
    // import may complete in one poll; the faults above did happen either way.
    let created = sink.created.lock().unwrap();
    let distinct: HashSet<&OrderId> = created.iter().collect();
    assert_eq!(distinct.len(), created.len(), "an order was created twice");
    assert_eq!(created.len(), expected, "every order was imported");
}

macro_rules! conformance {
    ($name:ident, $subject:ty) => {
        mod $name {
            use super::*;
            #[tokio::test(flavor = "multi_thread")]
            async fn stocks_round_trip() {
                super::stocks_round_trip::<$subject>().await
            }
            #[tokio::test(flavor = "multi_thread")]
            async fn prices_round_trip() {
                super::prices_round_trip::<$subject>().await
            }
            #[tokio::test(flavor = "multi_thread")]
            async fn orders_stream_across_pages() {
                super::orders_stream_across_pages::<$subject>().await
            }
            #[tokio::test(flavor = "multi_thread")]
            async fn an_order_moves_through_its_statuses() {
                super::an_order_moves_through_its_statuses::<$subject>().await
            }
            #[tokio::test(flavor = "multi_thread")]
            async fn batch_limits_split() {
                super::batch_limits_split::<$subject>().await
            }
            #[tokio::test(flavor = "multi_thread")]
            async fn every_order_is_imported_exactly_once_under_faults() {
                super::every_order_is_imported_exactly_once_under_faults::<$subject>().await
            }
        }
    };
}

// ---- Ozon ---------------------------------------------------------------------------------

struct Ozon {
    sandbox: market::ozon::sandbox::Sandbox,
    client: market::ozon::Client,
}

#[async_trait]
impl Subject for Ozon {
    async fn start(orders: usize, faults: FaultPlan) -> Self {
        use market::ozon::sandbox::{Sandbox, SandboxConfig};
        let sandbox = Sandbox::start_with(SandboxConfig {
            fbs_orders: orders,
            fbo_orders: orders / 10,
            // The batch scenario needs more distinct offers than two requests hold: the client
            // turns down a second update of the same offer and warehouse in one call.
            products: 2 * market::ozon::api::stocks::STOCKS_UPDATE_MAX + 100,
            faults,
            ..SandboxConfig::default()
        })
        .await;
        let client = sandbox
            .client_builder()
            .retry(fast_retry())
            .build()
            .unwrap();
        Self { sandbox, client }
    }
    fn marketplace(&self) -> &dyn Marketplace {
        &self.client
    }
    fn requests(&self) -> &RequestLog {
        self.sandbox.requests()
    }
    fn stock_update_path(&self) -> &'static str {
        "POST /v2/products/stocks"
    }
    fn stock_batch_max(&self) -> usize {
        market::ozon::api::stocks::STOCKS_UPDATE_MAX
    }
    fn offers(&self) -> Vec<String> {
        self.sandbox.offers()
    }
    fn stock(&self, offer: &str, warehouse: &WarehouseId) -> Option<i64> {
        self.sandbox.stock(offer, warehouse.as_str().parse().ok()?)
    }
    fn price(&self, offer: &str) -> Option<Decimal> {
        self.sandbox.price(offer)
    }
    fn order_count(&self) -> usize {
        self.sandbox.posting_count()
    }
    fn faults_injected(&self) -> usize {
        self.sandbox.faults().injected()
    }
    fn add_orders(&self, n: usize) -> Vec<OrderId> {
        self.sandbox
            .add_orders(n)
            .into_iter()
            .map(|p| OrderId::new(p.as_str()))
            .collect()
    }
}

conformance!(ozon, Ozon);

// ---- Wildberries ---------------------------------------------------------------------------

struct Wb {
    sandbox: market::wb::sandbox::Sandbox,
    client: market::wb::Client,
}

#[async_trait]
impl Subject for Wb {
    async fn start(orders: usize, faults: FaultPlan) -> Self {
        use market::wb::sandbox::{Sandbox, SandboxConfig};
        let sandbox = Sandbox::start_with(SandboxConfig {
            orders,
            // More size barcodes than two stock requests hold (a size twice in one call is
            // turned down by the client).
            cards: 2 * market::wb::api::stocks::STOCKS_UPDATE_MAX + 100,
            faults,
            ..SandboxConfig::default()
        })
        .await;
        let client = sandbox
            .client_builder()
            .retry(fast_retry())
            .build()
            .unwrap();
        Self { sandbox, client }
    }
    fn marketplace(&self) -> &dyn Marketplace {
        &self.client
    }
    fn requests(&self) -> &RequestLog {
        self.sandbox.requests()
    }
    fn stock_update_path(&self) -> &'static str {
        "PUT /api/v3/stocks/{warehouseId}"
    }
    fn stock_batch_max(&self) -> usize {
        market::wb::api::stocks::STOCKS_UPDATE_MAX
    }
    fn offers(&self) -> Vec<String> {
        // The size barcodes: WB's stock key, and a price key the client resolves to the card.
        self.sandbox.barcodes()
    }
    fn stock(&self, offer: &str, warehouse: &WarehouseId) -> Option<i64> {
        self.sandbox.stock(
            offer,
            market::wb::WarehouseId(warehouse.as_str().parse().ok()?),
        )
    }
    fn price(&self, offer: &str) -> Option<Decimal> {
        self.sandbox.selling_price(self.sandbox.nm_id_of(offer)?)
    }
    fn order_count(&self) -> usize {
        self.sandbox.order_count()
    }
    fn faults_injected(&self) -> usize {
        self.sandbox.faults().injected()
    }
    fn add_orders(&self, n: usize) -> Vec<OrderId> {
        self.sandbox
            .add_orders(n)
            .into_iter()
            .map(|o| OrderId::new(o.to_string()))
            .collect()
    }
}

conformance!(wb, Wb);

// ---- Yandex Market -------------------------------------------------------------------------

struct Ym {
    sandbox: market::yandex_market::sandbox::Sandbox,
    shop: market::yandex_market::CampaignClient,
}

#[async_trait]
impl Subject for Ym {
    async fn start(orders: usize, faults: FaultPlan) -> Self {
        use market::yandex_market::sandbox::{
            SANDBOX_BUSINESS_ID, SANDBOX_CAMPAIGN_ID, Sandbox, SandboxConfig,
        };
        let sandbox = Sandbox::start_with(SandboxConfig {
            orders,
            // Yandex Market refuses a SKU twice in one stock request: the batch scenario
            // needs more offers than two requests hold.
            offers: 2 * market::yandex_market::api::stocks::STOCKS_UPDATE_MAX + 100,
            faults,
            ..SandboxConfig::default()
        })
        .await;
        let shop = sandbox
            .client_builder()
            .retry(fast_retry())
            .build()
            .unwrap()
            .campaign(SANDBOX_BUSINESS_ID, SANDBOX_CAMPAIGN_ID);
        Self { sandbox, shop }
    }
    fn marketplace(&self) -> &dyn Marketplace {
        &self.shop
    }
    fn requests(&self) -> &RequestLog {
        self.sandbox.requests()
    }
    fn stock_update_path(&self) -> &'static str {
        "PUT /v2/campaigns/{campaignId}/offers/stocks"
    }
    fn stock_batch_max(&self) -> usize {
        market::yandex_market::api::stocks::STOCKS_UPDATE_MAX
    }
    fn offers(&self) -> Vec<String> {
        self.sandbox.offers()
    }
    fn stock(&self, offer: &str, _warehouse: &WarehouseId) -> Option<i64> {
        // Stocks are per campaign on Yandex Market.
        self.sandbox.stock(offer)
    }
    fn price(&self, offer: &str) -> Option<Decimal> {
        self.sandbox.price(offer)
    }
    fn order_count(&self) -> usize {
        self.sandbox.order_count()
    }
    fn faults_injected(&self) -> usize {
        self.sandbox.faults().injected()
    }
    fn add_orders(&self, n: usize) -> Vec<OrderId> {
        self.sandbox
            .add_orders(n)
            .into_iter()
            .map(|o| OrderId::new(o.to_string()))
            .collect()
    }
}

conformance!(yandex_market, Ym);
