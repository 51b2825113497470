//! The conformance suite: the same scenarios, through the `Marketplace` trait, against every
//! client and its local sandbox. A client joins with one line at the bottom
//! (`conformance!(module_name, SubjectType);`) and an implementation of [`Subject`].
//!
//! A channel that lacks a capability (Megamarket lists no warehouses) is held to its
//! `capabilities()`: the method answers `Unsupported`, and the scenarios go on without it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashSet;
use std::sync::Mutex;

use async_trait::async_trait;
use chrono::TimeDelta;
use futures::TryStreamExt;
use market::core::helpers::{ImportKey, MemoryLinkStore, OrderImporter, OrderSink};
use market::core::sandbox::{FaultPlan, RequestLog};
use market::core::{
    CancelReason, Capability, Error, LabelFormat, Lifecycle, LocalId, Marketplace, Order, OrderId,
    OrderQuery, OrderStatus, PriceUpdate, RejectionStage, ReturnQuery, StockUpdate, TaskId,
    TimeWindow, WarehouseId,
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
    /// The warehouse to stock on a channel that lists none (its stock is per offer).
    fn unlisted_warehouse(&self) -> WarehouseId {
        WarehouseId::new("default")
    }
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

/// The warehouse to stock: the first active one the channel lists, or, on a channel that
/// claims no warehouse list, the subject's own after checking the list answers `Unsupported`.
async fn a_warehouse<S: Subject>(s: &S) -> WarehouseId {
    let m = s.marketplace();
    if m.capabilities().supports(Capability::Warehouses) {
        m.warehouses()
            .await
            .unwrap()
            .into_iter()
            .find(|w| w.active)
            .unwrap()
            .id
    } else {
        let answer = m.warehouses().await;
        assert!(
            matches!(answer, Err(Error::Unsupported { .. })),
            "{answer:?}"
        );
        s.unlisted_warehouse()
    }
}

fn unsupported<T: std::fmt::Debug>(answer: market::Result<T>, operation: &str) -> bool {
    match answer {
        Err(Error::Unsupported { operation: op, .. }) => {
            assert_eq!(op, operation, "the error names the method");
            true
        }
        _ => false,
    }
}

/// What a channel claims and what it answers agree: a method whose capability is not claimed
/// answers `Unsupported` (naming the channel and the method); a read whose capability is
/// claimed does not.
pub async fn capabilities_match_the_answers<S: Subject>() {
    let s = S::start(5, FaultPlan::none()).await;
    let m = s.marketplace();
    let caps = m.capabilities();
    for capability in [
        Capability::Stocks,
        Capability::Prices,
        Capability::Orders,
        Capability::Labels,
    ] {
        assert!(
            caps.supports(capability),
            "{:?} lacks {capability:?}",
            m.kind()
        );
    }
    let warehouses = unsupported(m.warehouses().await, "warehouses");
    assert_eq!(
        warehouses,
        !caps.supports(Capability::Warehouses),
        "warehouses against {caps:?}"
    );
    let returns = m.returns(ReturnQuery { window: window() }).try_next().await;
    assert_eq!(
        unsupported(returns, "returns"),
        !caps.supports(Capability::Returns),
        "returns against {caps:?}"
    );
    // Writes are only called where the capability is not claimed (nothing is sent then).
    if !caps.supports(Capability::Cards) {
        assert!(unsupported(m.publish_cards(&[]).await, "publish_cards"));
        let status = m.card_import_status(&TaskId::new("1")).await;
        assert!(unsupported(status, "card_import_status"));
    }
    let id = s.add_orders(1).remove(0);
    if !caps.supports(Capability::ConfirmOrder) {
        assert!(unsupported(m.confirm_order(&id).await, "confirm_order"));
    }
    if !caps.supports(Capability::PackOrder) {
        assert!(unsupported(m.pack_order(&id, &[]).await, "pack_order"));
    }
    if !caps.supports(Capability::ShipOrder) {
        assert!(unsupported(m.ship_order(&id).await, "ship_order"));
    }
    if !caps.supports(Capability::CancelOrder) {
        let reason = CancelReason::out_of_stock();
        assert!(unsupported(
            m.cancel_order(&id, &reason).await,
            "cancel_order"
        ));
    }
}

pub async fn stocks_round_trip<S: Subject>() {
    let s = S::start(10, FaultPlan::none()).await;
    let m = s.marketplace();
    assert!(m.capabilities().supports(Capability::Stocks));
    let warehouse = a_warehouse(&s).await;
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
    let warehouse = a_warehouse(&s).await;
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
            #[tokio::test(flavor = "multi_thread")]
            async fn capabilities_match_the_answers() {
                super::capabilities_match_the_answers::<$subject>().await
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

// ---- Megamarket ----------------------------------------------------------------------------

struct Megamarket {
    sandbox: market::megamarket::sandbox::Sandbox,
    client: market::megamarket::Client,
}

impl Megamarket {
    fn add(&self, created: chrono::DateTime<chrono::Utc>) -> OrderId {
        use market::megamarket::sandbox::NewShipment;
        let offers = self.sandbox.offers();
        let n = self.sandbox.state().shipments.len();
        let offer = offers[n % offers.len()].as_str();
        let id = self
            .sandbox
            .add_shipment(NewShipment::fbs(&[(offer, 1 + (n % 3) as u32, 990)]).at(created));
        OrderId::new(id.as_str())
    }
}

#[async_trait]
impl Subject for Megamarket {
    async fn start(orders: usize, faults: FaultPlan) -> Self {
        use market::megamarket::sandbox::{Sandbox, SandboxConfig};
        let sandbox = Sandbox::start(SandboxConfig {
            faults,
            catalogue: (1..=20).map(|i| format!("SKU-{i}")).collect(),
            ..SandboxConfig::default()
        })
        .await;
        // The client's quotas for Megamarket (5 order calls a second, 20 shipments an
        // `order/get`) are the crate's conservative choices, not Megamarket's (it publishes
        // none), and the emulator enforces none: the suite runs without the rate limits and
        // reads 100 shipments a call, or the 1 s waits of the injected 429s add up to minutes.
        let client = sandbox
            .client_builder()
            .retry(fast_retry())
            .without_rate_limits()
            .quotas(market::megamarket::Quotas::default().order_get_max(100))
            .build()
            .unwrap();
        let subject = Self { sandbox, client };
        // Spread over the last week, oldest first, whole minutes apart.
        let now = chrono::Utc::now();
        for i in 0..orders {
            let age = TimeDelta::minutes(((orders - i) * 7 * 24 * 60 / (orders + 1)) as i64);
            subject.add(now - age);
        }
        subject
    }
    fn marketplace(&self) -> &dyn Marketplace {
        &self.client
    }
    fn requests(&self) -> &RequestLog {
        self.sandbox.shell().requests()
    }
    fn stock_update_path(&self) -> &'static str {
        "POST /api/merchantIntegration/v1/offerService/stock/update"
    }
    fn stock_batch_max(&self) -> usize {
        market::megamarket::api::offers::STOCK_UPDATE_MAX
    }
    fn offers(&self) -> Vec<String> {
        self.sandbox.offers()
    }
    fn stock(&self, offer: &str, _warehouse: &WarehouseId) -> Option<i64> {
        // One stock per offer on Megamarket: the warehouse is not sent.
        self.sandbox.state().stocks.get(offer).copied()
    }
    fn price(&self, offer: &str) -> Option<Decimal> {
        self.sandbox.state().prices.get(offer).copied()
    }
    fn order_count(&self) -> usize {
        self.sandbox.state().shipments.len()
    }
    fn faults_injected(&self) -> usize {
        self.sandbox.shell().faults().injected()
    }
    fn add_orders(&self, n: usize) -> Vec<OrderId> {
        (0..n).map(|_| self.add(chrono::Utc::now())).collect()
    }
}

conformance!(megamarket, Megamarket);

/// Megamarket claims cards only with a feed target: without one `publish_cards` answers
/// `Unsupported` (checked by the scenario above); with one it writes the feed.
#[tokio::test(flavor = "multi_thread")]
async fn megamarket_claims_cards_with_a_feed_target_only() {
    let s = <Megamarket as Subject>::start(0, FaultPlan::none()).await;
    assert!(!s.marketplace().capabilities().supports(Capability::Cards));
    let dir = std::env::temp_dir().join(format!("conformance-mm-feed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("feed.xml");
    let shop =
        market::core::feed::Shop::new("Shop", "Shop LLC", "https://shop.example/".parse().unwrap());
    let with_feed = s
        .sandbox
        .client_builder()
        .feed(market::megamarket::FeedTarget::new(&path, shop))
        .build()
        .unwrap();
    assert!(with_feed.capabilities().supports(Capability::Cards));
    let submission = with_feed.publish_cards(&[]).await.unwrap();
    assert!(submission.tasks.is_empty());
    assert!(path.exists(), "the feed is written");
    let _ = std::fs::remove_dir_all(&dir);
}
