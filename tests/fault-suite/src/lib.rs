//! The fault suite's machinery, shared by the small run in `tests/reliability.rs` and the long
//! run in `benches/reliability.rs`: each client drives its vendor's emulator through many
//! import rounds and writes while the emulator misbehaves (over-quota answers with odd hints,
//! 5xx, cut bodies, answers slower than the client's timeout after the server acted, 200s
//! without data, pages that said more follow answered again for the next cursor), and the suite
//! counts what a seller would lose:
//!
//! - orders in the emulator vs orders created in the seller's system (lost), and orders created
//!   twice (duplicates);
//! - cancellations by the buyer of day-old orders that never reached the seller's system, and
//!   other status changes missed;
//! - non-idempotent writes the emulator received more than once (repeated after it acted);
//! - panics, and the longest stall (the longest wait for the next order of a stream or for a
//!   write to answer), against the call budget.
//!
//! A crate of its own (`market-fault-suite`, not published) so that the test and the bench
//! import it. Test machinery: it unwraps and panics where a target is missed.
#![deny(missing_docs)]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout
)]

use std::collections::{HashMap, HashSet};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use async_trait::async_trait;
use chrono::{DateTime, TimeDelta, Utc};
use futures::StreamExt;
use futures::stream::BoxStream;
use market_core::helpers::{
    ImportKey, ImportReport, MemoryLinkStore, OrderImporter, OrderSink, next_window,
};
use market_core::sandbox::{FaultKind, FaultPlan, Faults, RequestLog};
use market_core::transport::{HttpSettings, RetryPolicy};
use market_core::{
    Capabilities, Lifecycle, LocalId, Marketplace, MarketplaceKind, Order, OrderId, OrderQuery,
    OrderStatus, TimeWindow,
};

/// How long the client waits for an answer; the emulator's slow answers take longer, after
/// acting.
const REQUEST_TIMEOUT: Duration = Duration::from_millis(400);
const SLOW_ANSWER: Duration = Duration::from_millis(600);

/// Short backoff (the emulator answers at once) and a budget the stall is measured against.
fn retry() -> RetryPolicy {
    RetryPolicy {
        initial_delay: Duration::from_millis(5),
        max_delay: Duration::from_millis(50),
        max_elapsed: Duration::from_secs(30),
        ..RetryPolicy::default()
    }
}

fn http() -> HttpSettings {
    HttpSettings {
        request_timeout: Some(REQUEST_TIMEOUT),
        ..HttpSettings::default()
    }
}

/// Every kind of fault, at rates that leave most calls working.
fn faults(seed: u64) -> FaultPlan {
    FaultPlan {
        slow: (0.02, SLOW_ANSWER),
        ..FaultPlan::random(0.05, 0.05, 0.03, seed).with_bad_pages(0.01, 0.01)
    }
}

/// True when an answer says more pages follow (Ozon `has_next`, WB `next`, Yandex Market
/// `nextPageToken`): only such answers are replayed, as a server ignoring the next cursor
/// would. A plausible last page answered to a new query is a lie no client can detect.
fn more_pages(body: &[u8]) -> bool {
    fn walk(v: &serde_json::Value) -> bool {
        match v {
            serde_json::Value::Object(map) => map.iter().any(|(k, v)| match (k.as_str(), v) {
                ("has_next", serde_json::Value::Bool(b)) => *b,
                ("nextPageToken", serde_json::Value::String(s)) => !s.is_empty(),
                ("next", serde_json::Value::Number(n)) => n.as_i64().is_some_and(|n| n > 0),
                _ => walk(v),
            }),
            _ => false,
        }
    }
    serde_json::from_slice(body).is_ok_and(|v| walk(&v))
}

/// One vendor's client and emulator, as the suite drives them.
#[async_trait]
pub trait Channel: Send + Sync + Sized + 'static {
    /// The vendor, for the figures.
    const NAME: &'static str;
    /// Starts an emulator with no orders, no rate limiting of its own (the faults provide the
    /// refusals) and the given faults, and a client of it.
    async fn start(plan: FaultPlan) -> Self;
    /// The client, through the trait the importer uses.
    fn marketplace(&self) -> &dyn Marketplace;
    /// The emulator's fault switch: the suite turns faults on for the faulty rounds.
    fn faults(&self) -> &Faults;
    /// The emulator's request log, where repeated writes are counted.
    fn requests(&self) -> &RequestLog;
    /// Creates an order (FBS, awaiting packaging) created at `at`.
    fn add_order_at(&self, at: DateTime<Utc>) -> OrderId;
    /// The buyer cancels the order now; false when the emulator does not let it.
    fn cancel_by_buyer(&self, id: &OrderId) -> bool;
    /// The emulator moves its own side on (handed over, delivered).
    fn advance(&self);
    /// The emulator says the order is cancelled.
    fn is_cancelled(&self, id: &OrderId) -> bool;
    /// The non-idempotent write the suite makes through the trait, as `"METHOD /path"` in the
    /// request log, if the trait makes one for this vendor.
    fn write_path(&self) -> Option<&'static str>;
    /// Makes the suite's write for one open order (which may or may not use the write path).
    async fn write(&self, id: &OrderId) -> market_core::Result<()>;
    /// How many requests of the write path the emulator acted on: by default one per write
    /// the suite made.
    fn acted_writes(&self, writes: usize) -> usize {
        writes
    }
}

/// The seller's system: counts creations per import key.
#[derive(Default)]
struct Erp {
    created: Mutex<HashMap<String, Vec<LocalId>>>,
    status: Mutex<HashMap<OrderId, OrderStatus>>,
    next: AtomicU64,
}

#[async_trait]
impl OrderSink for Erp {
    async fn create(&self, order: &Order, key: &ImportKey) -> market_core::Result<LocalId> {
        let local = LocalId::new(format!("erp-{}", self.next.fetch_add(1, Ordering::SeqCst)));
        self.created
            .lock()
            .unwrap()
            .entry(key.as_string())
            .or_default()
            .push(local.clone());
        self.status
            .lock()
            .unwrap()
            .insert(order.id.clone(), order.status.clone());
        Ok(local)
    }

    async fn find(&self, key: &ImportKey) -> market_core::Result<Option<LocalId>> {
        Ok(self
            .created
            .lock()
            .unwrap()
            .get(&key.as_string())
            .and_then(|v| v.first().cloned()))
    }

    async fn status_changed(
        &self,
        _local: &LocalId,
        order: &Order,
        _previous: &OrderStatus,
    ) -> market_core::Result<()> {
        self.status
            .lock()
            .unwrap()
            .insert(order.id.clone(), order.status.clone());
        Ok(())
    }
}

/// The marketplace as the importer sees it, timing the wait for each next order.
struct Timed<'a> {
    inner: &'a dyn Marketplace,
    longest: Arc<Mutex<Duration>>,
}

impl Timed<'_> {
    fn timed<'s>(
        &'s self,
        stream: BoxStream<'s, market_core::Result<Order>>,
    ) -> BoxStream<'s, market_core::Result<Order>> {
        let longest = self.longest.clone();
        let mut last = Instant::now();
        stream
            .map(move |item| {
                let gap = last.elapsed();
                last = Instant::now();
                let mut l = longest.lock().unwrap();
                *l = (*l).max(gap);
                item
            })
            .boxed()
    }
}

#[async_trait]
impl Marketplace for Timed<'_> {
    fn kind(&self) -> MarketplaceKind {
        self.inner.kind()
    }
    fn account(&self) -> &str {
        self.inner.account()
    }
    fn capabilities(&self) -> Capabilities {
        self.inner.capabilities()
    }
    fn orders(&self, query: OrderQuery) -> BoxStream<'_, market_core::Result<Order>> {
        self.timed(self.inner.orders(query))
    }
    async fn order(&self, id: &OrderId) -> market_core::Result<Order> {
        self.inner.order(id).await
    }
    fn refresh_orders(&self, ids: Vec<OrderId>) -> BoxStream<'_, market_core::Result<Order>> {
        self.timed(self.inner.refresh_orders(ids))
    }
}

/// How much work a run does.
#[derive(Debug, Clone, Copy)]
pub struct Scale {
    /// Orders in the emulator before the first import, created over the last three days.
    pub orders: usize,
    /// Import rounds under faults.
    pub rounds: usize,
    /// New orders per round.
    pub new_per_round: usize,
    /// Buyer cancellations of day-old orders per round.
    pub cancels_per_round: usize,
    /// Writes per round.
    pub writes_per_round: usize,
}

/// What a run counted.
#[derive(Debug, Default)]
pub struct Figures {
    vendor: &'static str,
    operations: usize,
    faults: usize,
    orders_in_emulator: usize,
    created_in_erp: usize,
    lost: usize,
    duplicates: usize,
    cancellations: usize,
    missed_cancellations: usize,
    missed_status_changes: usize,
    writes: usize,
    repeated_writes: Option<usize>,
    panics: usize,
    longest_stall: Duration,
    incomplete_rounds: usize,
}

impl Figures {
    /// Prints the figures as one line on stdout.
    pub fn print(&self) {
        println!(
            "{:<14} ops {:>6}  faults {:>5}  orders {:>5}  created {:>5}  lost {}  dup {}  \
             cancelled {:>4} (missed {})  missed changes {}  writes {:>4} repeated {}  \
             panics {}  longest stall {:.2} s  incomplete rounds {}",
            self.vendor,
            self.operations,
            self.faults,
            self.orders_in_emulator,
            self.created_in_erp,
            self.lost,
            self.duplicates,
            self.cancellations,
            self.missed_cancellations,
            self.missed_status_changes,
            self.writes,
            self.repeated_writes
                .map_or_else(|| "n/a".to_owned(), |n| n.to_string()),
            self.panics,
            self.longest_stall.as_secs_f64(),
            self.incomplete_rounds,
        );
    }

    /// Panics, with the figures, when a target is missed: anything lost, duplicated, missed or
    /// repeated, a panic, a stall past the call budget, or a run that injected no fault.
    pub fn assert_targets(&self) {
        assert_eq!(self.lost, 0, "{self:?}");
        assert_eq!(self.duplicates, 0, "{self:?}");
        assert_eq!(self.missed_cancellations, 0, "{self:?}");
        assert_eq!(self.missed_status_changes, 0, "{self:?}");
        assert_eq!(self.repeated_writes.unwrap_or(0), 0, "{self:?}");
        assert_eq!(self.panics, 0, "{self:?}");
        assert!(self.longest_stall <= retry().max_elapsed, "{self:?}");
        assert!(self.faults > 0, "the run injected no fault: {self:?}");
    }
}

/// One import round in its own task, so that a panic is counted rather than fatal.
async fn import_round<C: Channel>(
    channel: &Arc<C>,
    importer: &Arc<OrderImporter<MemoryLinkStore>>,
    erp: &Arc<Erp>,
    window: TimeWindow,
    longest: &Arc<Mutex<Duration>>,
) -> Option<ImportReport> {
    let (channel, importer, erp, longest) = (
        channel.clone(),
        importer.clone(),
        erp.clone(),
        longest.clone(),
    );
    let task = tokio::spawn(async move {
        let timed = Timed {
            inner: channel.marketplace(),
            longest,
        };
        importer.import(&timed, window, &*erp).await
    });
    match task.await {
        Ok(report) => Some(report.unwrap()),
        Err(e) if e.is_panic() => None,
        Err(e) => panic!("import task failed: {e}"),
    }
}

/// Runs the suite on one vendor: `scale.orders` orders over the last three days, then
/// `scale.rounds` faulty import rounds (each with new orders, cancellations by buyers and
/// writes), then three clean rounds; `seed` picks the faults.
pub async fn run<C: Channel>(scale: Scale, seed: u64) -> Figures {
    let channel = Arc::new(C::start(FaultPlan::none()).await);
    let mut figures = Figures {
        vendor: C::NAME,
        ..Figures::default()
    };
    let started = Utc::now();
    // Every order with its creation time.
    let mut ids: Vec<(OrderId, DateTime<Utc>)> = (0..scale.orders)
        .map(|i| {
            let at = started - TimeDelta::minutes(((i * 37) % (72 * 60)) as i64 + 1);
            (channel.add_order_at(at), at)
        })
        .collect();
    let importer = Arc::new(OrderImporter::new(MemoryLinkStore::new()));
    let erp = Arc::new(Erp::default());
    let longest = Arc::new(Mutex::new(Duration::ZERO));
    let mut cancelled: HashSet<OrderId> = HashSet::new();
    let mut written: HashSet<OrderId> = HashSet::new();
    let mut window = TimeWindow::new(started - TimeDelta::days(4), Utc::now()).unwrap();
    let mut rng = market_core::sandbox::SeededRng::new(seed);

    channel.faults().set(faults(seed));
    channel.faults().replay_when(more_pages);
    let rounds = scale.rounds + 3;
    for round in 0..rounds {
        let clean = round >= scale.rounds;
        if clean && round == scale.rounds {
            // The last rounds run without faults: what failed before must catch up now.
            channel.faults().set(FaultPlan::none());
        }
        if !clean {
            ids.extend((0..scale.new_per_round).map(|_| {
                let at = Utc::now();
                (channel.add_order_at(at), at)
            }));
            // Buyers cancel orders more than a day old: created long before the poll window.
            let day_ago = Utc::now() - TimeDelta::hours(24);
            let old: Vec<&OrderId> = ids
                .iter()
                .filter(|(id, at)| {
                    *at < day_ago && !cancelled.contains(id) && !written.contains(id)
                })
                .map(|(id, _)| id)
                .collect();
            for _ in 0..scale.cancels_per_round {
                if let Some(id) = rng.pick(&old).map(|id| (*id).clone())
                    && channel.cancel_by_buyer(&id)
                {
                    cancelled.insert(id);
                }
            }
            channel.advance();
            for _ in 0..scale.writes_per_round {
                let open: Vec<&OrderId> = ids
                    .iter()
                    .map(|(id, _)| id)
                    .filter(|id| !cancelled.contains(*id) && !written.contains(*id))
                    .collect();
                let Some(id) = rng.pick(&open).map(|id| (*id).clone()) else {
                    break;
                };
                written.insert(id.clone());
                figures.writes += 1;
                let t = Instant::now();
                // A failed write (a fault) is the caller's to handle; the suite only checks
                // that it was not repeated behind the caller's back.
                let _ = channel.write(&id).await;
                let mut l = longest.lock().unwrap();
                *l = (*l).max(t.elapsed());
            }
        }
        match import_round(&channel, &importer, &erp, window, &longest).await {
            None => figures.panics += 1,
            Some(report) => {
                if report.is_complete() {
                    window = next_window(&window, Utc::now(), TimeDelta::minutes(5));
                } else {
                    // An incomplete round keeps its start: the next one reads it again.
                    figures.incomplete_rounds += 1;
                    if clean {
                        println!(
                            "{}: clean round {round} incomplete: {:?} {:?}",
                            C::NAME,
                            report.stream_error,
                            report.failed.first()
                        );
                    }
                    window = TimeWindow::new(window.since, Utc::now()).unwrap_or(window);
                }
            }
        }
    }

    figures.operations = channel.requests().total();
    figures.faults = channel.faults().injected();
    figures.orders_in_emulator = ids.len();
    let created = erp.created.lock().unwrap().clone();
    figures.created_in_erp = created.len();
    figures.duplicates = created.values().filter(|v| v.len() > 1).count();
    let status = erp.status.lock().unwrap().clone();
    let lost: Vec<String> = ids
        .iter()
        .filter(|(id, _)| !status.contains_key(id))
        .map(|(id, at)| {
            format!(
                "{id} created {} min before the end",
                (Utc::now() - *at).num_minutes()
            )
        })
        .collect();
    if !lost.is_empty() {
        println!("{}: lost {:?}", C::NAME, &lost[..lost.len().min(20)]);
    }
    figures.lost = lost.len();
    figures.cancellations = cancelled.len();
    figures.missed_cancellations = cancelled
        .iter()
        .filter(|id| channel.is_cancelled(id))
        .filter(|id| status.get(*id).map(|s| s.lifecycle) != Some(Lifecycle::Cancelled))
        .count();
    // Every other order: the ERP knows the status a clean read gives now.
    let now: Vec<Order> = channel
        .marketplace()
        .refresh_orders(ids.iter().map(|(id, _)| id.clone()).collect())
        .filter_map(|r| async move { r.ok() })
        .collect()
        .await;
    figures.missed_status_changes = now
        .iter()
        .filter(|o| status.get(&o.id).is_some_and(|s| s != &o.status))
        .count();
    // Requests the emulator refused unprocessed (over quota) may be repeated; any other extra
    // request of a non-idempotent write is a repeat after the server may have acted (a 5xx
    // counts as acted: the client cannot know otherwise).
    figures.repeated_writes = channel.write_path().map(|path| {
        let url_path = path.split_once(' ').map_or(path, |(_, p)| p);
        let refused = channel
            .faults()
            .injected_on(url_path, FaultKind::RateLimited);
        channel
            .requests()
            .count(path)
            .saturating_sub(refused)
            .saturating_sub(channel.acted_writes(figures.writes))
    });
    figures.longest_stall = *longest.lock().unwrap();
    figures
}

// ---- the vendors ---------------------------------------------------------------------------

/// Ozon: the client and its emulator.
pub struct Ozon {
    sandbox: ozon_api::sandbox::Sandbox,
    client: ozon_api::Client,
}

#[async_trait]
impl Channel for Ozon {
    const NAME: &'static str = "Ozon";
    async fn start(plan: FaultPlan) -> Self {
        use ozon_api::sandbox::{Sandbox, SandboxConfig};
        let sandbox = Sandbox::start_with(SandboxConfig {
            fbs_orders: 0,
            fbo_orders: 0,
            new_orders_per_poll: 0,
            rate_limits: false,
            faults: plan,
            ..SandboxConfig::default()
        })
        .await;
        let client = sandbox
            .client_builder()
            .retry(retry())
            .http(http())
            .build()
            .unwrap();
        Self { sandbox, client }
    }
    fn marketplace(&self) -> &dyn Marketplace {
        &self.client
    }
    fn faults(&self) -> &Faults {
        self.sandbox.faults()
    }
    fn requests(&self) -> &RequestLog {
        self.sandbox.requests()
    }
    fn add_order_at(&self, at: DateTime<Utc>) -> OrderId {
        OrderId::new(self.sandbox.add_order_at(at).as_str())
    }
    fn cancel_by_buyer(&self, id: &OrderId) -> bool {
        self.sandbox
            .cancel_by_buyer(&ozon_api::PostingNumber::new(id.as_str()))
    }
    fn advance(&self) {
        self.sandbox.advance();
    }
    fn is_cancelled(&self, id: &OrderId) -> bool {
        self.sandbox
            .posting_status(id.as_str())
            .is_some_and(|s| s == ozon_api::models::common::PostingStatus::Cancelled)
    }
    fn write_path(&self) -> Option<&'static str> {
        Some("POST /v4/posting/fbs/ship")
    }
    async fn write(&self, id: &OrderId) -> market_core::Result<()> {
        self.client.ship_order(id).await
    }
}

/// Yandex Market: one campaign's client and the emulator.
pub struct Ym {
    sandbox: yandex_market_api::sandbox::Sandbox,
    shop: yandex_market_api::CampaignClient,
}

impl Ym {
    fn id(id: &OrderId) -> yandex_market_api::OrderId {
        yandex_market_api::OrderId(id.as_str().parse().unwrap())
    }
}

#[async_trait]
impl Channel for Ym {
    const NAME: &'static str = "Yandex Market";
    async fn start(plan: FaultPlan) -> Self {
        use yandex_market_api::sandbox::{
            SANDBOX_BUSINESS_ID, SANDBOX_CAMPAIGN_ID, Sandbox, SandboxConfig,
        };
        let sandbox = Sandbox::start_with(SandboxConfig {
            orders: 0,
            fake_orders: 0,
            new_orders_per_poll: 0,
            rate_limits: false,
            faults: plan,
            ..SandboxConfig::default()
        })
        .await;
        let shop = sandbox
            .client_builder()
            .retry(retry())
            .http(http())
            .build()
            .unwrap()
            .campaign(SANDBOX_BUSINESS_ID, SANDBOX_CAMPAIGN_ID);
        Self { sandbox, shop }
    }
    fn marketplace(&self) -> &dyn Marketplace {
        &self.shop
    }
    fn faults(&self) -> &Faults {
        self.sandbox.faults()
    }
    fn requests(&self) -> &RequestLog {
        self.sandbox.requests()
    }
    fn add_order_at(&self, at: DateTime<Utc>) -> OrderId {
        let id = self.sandbox.add_order_created_at(at).unwrap();
        OrderId::new(id.0.to_string())
    }
    fn cancel_by_buyer(&self, id: &OrderId) -> bool {
        self.sandbox.cancel_by_buyer(Self::id(id))
    }
    fn advance(&self) {
        self.sandbox.advance();
    }
    fn is_cancelled(&self, id: &OrderId) -> bool {
        self.sandbox
            .order_status(Self::id(id))
            .is_some_and(|(status, _)| status == "CANCELLED")
    }
    fn write_path(&self) -> Option<&'static str> {
        // Every order write of Yandex Market is a status PUT, idempotent by the vendor's
        // semantics: repeating one after the server acted is harmless, so none is counted.
        None
    }
    async fn write(&self, id: &OrderId) -> market_core::Result<()> {
        self.shop.ship_order(id).await
    }
}

/// Wildberries: the client and its emulator.
pub struct Wb {
    sandbox: wb_api::sandbox::Sandbox,
    client: wb_api::Client,
}

impl Wb {
    fn id(id: &OrderId) -> wb_api::OrderId {
        wb_api::OrderId(id.as_str().parse().unwrap())
    }
}

#[async_trait]
impl Channel for Wb {
    const NAME: &'static str = "Wildberries";
    async fn start(plan: FaultPlan) -> Self {
        use wb_api::sandbox::{Sandbox, SandboxConfig};
        let sandbox = Sandbox::start_with(SandboxConfig {
            orders: 0,
            new_orders_per_poll: 0,
            rate_limits: false,
            faults: plan,
            ..SandboxConfig::default()
        })
        .await;
        let client = sandbox
            .client_builder()
            .retry(retry())
            .http(http())
            .build()
            .unwrap();
        Self { sandbox, client }
    }
    fn marketplace(&self) -> &dyn Marketplace {
        &self.client
    }
    fn faults(&self) -> &Faults {
        self.sandbox.faults()
    }
    fn requests(&self) -> &RequestLog {
        self.sandbox.requests()
    }
    fn add_order_at(&self, at: DateTime<Utc>) -> OrderId {
        OrderId::new(self.sandbox.add_order_created(at).unwrap().0.to_string())
    }
    fn cancel_by_buyer(&self, id: &OrderId) -> bool {
        self.sandbox.cancel_by_buyer(Self::id(id))
    }
    fn advance(&self) {
        self.sandbox.advance();
    }
    fn is_cancelled(&self, id: &OrderId) -> bool {
        self.sandbox
            .order_status(Self::id(id))
            .is_some_and(|(supplier, wb)| {
                supplier == "cancel" || wb.contains("cancel") || wb.contains("declined")
            })
    }
    fn write_path(&self) -> Option<&'static str> {
        // Confirming adds the order to the open supply, creating one (the non-idempotent
        // call) when there is none.
        Some("POST /api/v3/supplies")
    }
    async fn write(&self, id: &OrderId) -> market_core::Result<()> {
        self.client.confirm_order(id).await
    }
    fn acted_writes(&self, _writes: usize) -> usize {
        self.sandbox.supply_count()
    }
}

/// Megamarket: the client and its emulator. Orders are FBS shipments confirmed by the seller
/// (awaiting packing); the suite's write is `ship_order` (packing, safe to repeat, then
/// `order/shipping`, which is not).
pub struct Megamarket {
    sandbox: megamarket_api::sandbox::Sandbox,
    client: megamarket_api::Client,
    next_offer: AtomicU64,
    /// Writes that sent at least one `order/shipping` (a write may fail before it, reading
    /// or packing the shipment).
    shipping_writes: AtomicU64,
}

impl Megamarket {
    fn with_shipment<T>(
        &self,
        id: &OrderId,
        f: impl FnOnce(&mut megamarket_api::sandbox::state::Shipment) -> T,
    ) -> Option<T> {
        let mut state = self.sandbox.state();
        state
            .shipments
            .get_mut(&megamarket_api::ShipmentId(id.as_str().to_owned()))
            .map(f)
    }
}

#[async_trait]
impl Channel for Megamarket {
    const NAME: &'static str = "Megamarket";
    async fn start(plan: FaultPlan) -> Self {
        use megamarket_api::sandbox::{Sandbox, SandboxConfig};
        let sandbox = Sandbox::start(SandboxConfig {
            rate_limits: false,
            faults: plan,
            ..SandboxConfig::default()
        })
        .await;
        let client = sandbox
            .client_builder()
            .retry(retry())
            .http(http())
            .build()
            .unwrap();
        Self {
            sandbox,
            client,
            next_offer: AtomicU64::new(0),
            shipping_writes: AtomicU64::new(0),
        }
    }
    fn marketplace(&self) -> &dyn Marketplace {
        &self.client
    }
    fn faults(&self) -> &Faults {
        self.sandbox.shell().faults()
    }
    fn requests(&self) -> &RequestLog {
        self.sandbox.shell().requests()
    }
    fn add_order_at(&self, at: DateTime<Utc>) -> OrderId {
        use megamarket_api::models::orders::ShipmentStatus;
        use megamarket_api::sandbox::NewShipment;
        let offers = self.sandbox.offers();
        let n = self.next_offer.fetch_add(1, Ordering::SeqCst) as usize;
        let offer = offers[n % offers.len()].clone();
        let id = self
            .sandbox
            .add_shipment(NewShipment::fbs(&[(offer.as_str(), 1, 990)]).at(at));
        let id = OrderId::new(id.0.as_str());
        self.with_shipment(&id, |s| {
            for item in &mut s.items {
                item.status = ShipmentStatus::Confirmed;
            }
        });
        id
    }
    fn cancel_by_buyer(&self, id: &OrderId) -> bool {
        use megamarket_api::models::orders::ShipmentStatus;
        self.with_shipment(id, |s| {
            if s.status() != ShipmentStatus::Confirmed {
                return false;
            }
            for item in &mut s.items {
                item.status = ShipmentStatus::CustomerCanceled;
            }
            true
        })
        .unwrap_or(false)
    }
    fn advance(&self) {
        use megamarket_api::models::orders::ShipmentStatus;
        let mut state = self.sandbox.state();
        for s in state.shipments.values_mut() {
            for item in &mut s.items {
                if item.status == ShipmentStatus::Shipped {
                    item.status = ShipmentStatus::Delivered;
                }
            }
        }
    }
    fn is_cancelled(&self, id: &OrderId) -> bool {
        use megamarket_api::models::orders::ShipmentStatus;
        self.with_shipment(id, |s| {
            matches!(
                s.status(),
                ShipmentStatus::CustomerCanceled | ShipmentStatus::MerchantCanceled
            )
        })
        .unwrap_or(false)
    }
    fn write_path(&self) -> Option<&'static str> {
        Some("POST /api/market/v1/orderService/order/shipping")
    }
    async fn write(&self, id: &OrderId) -> market_core::Result<()> {
        // Writes run one at a time and nothing else ships: the log's count before and after
        // says whether this write sent `order/shipping`; a second one would be the repeat.
        let path = "POST /api/market/v1/orderService/order/shipping";
        let before = self.requests().count(path);
        let result = self.client.ship_order(id).await;
        if self.requests().count(path) > before {
            self.shipping_writes.fetch_add(1, Ordering::SeqCst);
        }
        result
    }
    fn acted_writes(&self, _writes: usize) -> usize {
        self.shipping_writes.load(Ordering::SeqCst) as usize
    }
}
