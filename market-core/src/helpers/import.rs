//! Idempotent order import: poll a channel's orders into the seller's system, creating each
//! order once and reporting each status change once, however often and with whatever overlap
//! the import runs.
//!
//! The [`LinkStore`] remembers, per channel and marketplace order id, the seller's own id of the
//! order and the last status seen. The [`OrderSink`] is the seller's system. The
//! [`OrderImporter`] streams the orders of a window from a [`Marketplace`] and, for each order,
//! creates it, reports its new status, or leaves it alone.
//!
//! Delivery to the sink is at least once for status changes (a crash between notifying the sink
//! and storing the status repeats the notification) and once for creation as long as the link
//! store works: a concurrent importer that loses the race to link an order is told so in
//! [`ImportReport::duplicates`], with the local id it created in vain.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use chrono::{DateTime, TimeDelta, Utc};
use futures::StreamExt;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::ids::{LocalId, OrderId};
use crate::marketplace::Marketplace;
use crate::model::{MarketplaceKind, Order, OrderQuery, OrderStatus, TimeWindow};

/// What the link store keeps about one imported order.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Link {
    /// The seller's own id of the order.
    pub local_id: LocalId,
    /// The status the seller's system was last told about.
    pub last_status: OrderStatus,
}

impl Link {
    /// A link to `local_id` with the status the seller's system knows.
    pub fn new(local_id: impl Into<LocalId>, last_status: OrderStatus) -> Self {
        Self {
            local_id: local_id.into(),
            last_status,
        }
    }
}

/// What [`LinkStore::insert`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InsertOutcome {
    /// The link was stored.
    Inserted,
    /// A link was already stored for the order (by another importer); it is returned and was
    /// not replaced.
    AlreadyLinked(Link),
}

/// Where the links between marketplace orders and the seller's records are kept (a database
/// table with a unique key on `(marketplace, external)` in production; [`MemoryLinkStore`] in
/// tests).
#[async_trait]
pub trait LinkStore: Send + Sync {
    /// The link of a marketplace order, if it was imported.
    async fn get(&self, marketplace: &MarketplaceKind, external: &OrderId) -> Result<Option<Link>>;

    /// Stores a link if none exists for the order, atomically: of two concurrent inserts of
    /// the same order exactly one answers [`InsertOutcome::Inserted`].
    async fn insert(
        &self,
        marketplace: &MarketplaceKind,
        external: &OrderId,
        link: Link,
    ) -> Result<InsertOutcome>;

    /// Records the status the seller's system was last told about.
    async fn update_status(
        &self,
        marketplace: &MarketplaceKind,
        external: &OrderId,
        status: OrderStatus,
    ) -> Result<()>;
}

#[async_trait]
impl<T: LinkStore + ?Sized> LinkStore for Arc<T> {
    async fn get(&self, marketplace: &MarketplaceKind, external: &OrderId) -> Result<Option<Link>> {
        (**self).get(marketplace, external).await
    }

    async fn insert(
        &self,
        marketplace: &MarketplaceKind,
        external: &OrderId,
        link: Link,
    ) -> Result<InsertOutcome> {
        (**self).insert(marketplace, external, link).await
    }

    async fn update_status(
        &self,
        marketplace: &MarketplaceKind,
        external: &OrderId,
        status: OrderStatus,
    ) -> Result<()> {
        (**self).update_status(marketplace, external, status).await
    }
}

/// A [`LinkStore`] in memory, for tests and single-process tools (links are lost on exit).
#[derive(Debug, Default)]
pub struct MemoryLinkStore {
    links: Mutex<HashMap<(MarketplaceKind, OrderId), Link>>,
}

impl MemoryLinkStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    /// How many orders are linked.
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    /// True when no order is linked.
    pub fn is_empty(&self) -> bool {
        self.lock().is_empty()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<(MarketplaceKind, OrderId), Link>> {
        // A panic elsewhere while holding the lock cannot leave the map half-updated: every
        // critical section is a single map operation.
        self.links.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[async_trait]
impl LinkStore for MemoryLinkStore {
    async fn get(&self, marketplace: &MarketplaceKind, external: &OrderId) -> Result<Option<Link>> {
        Ok(self
            .lock()
            .get(&(marketplace.clone(), external.clone()))
            .cloned())
    }

    async fn insert(
        &self,
        marketplace: &MarketplaceKind,
        external: &OrderId,
        link: Link,
    ) -> Result<InsertOutcome> {
        use std::collections::hash_map::Entry;
        match self.lock().entry((marketplace.clone(), external.clone())) {
            Entry::Occupied(existing) => Ok(InsertOutcome::AlreadyLinked(existing.get().clone())),
            Entry::Vacant(slot) => {
                slot.insert(link);
                Ok(InsertOutcome::Inserted)
            }
        }
    }

    async fn update_status(
        &self,
        marketplace: &MarketplaceKind,
        external: &OrderId,
        status: OrderStatus,
    ) -> Result<()> {
        match self
            .lock()
            .get_mut(&(marketplace.clone(), external.clone()))
        {
            Some(link) => {
                link.last_status = status;
                Ok(())
            }
            None => Err(Error::validation(
                format!("{marketplace} order {external}"),
                "no link stored for this order",
            )),
        }
    }
}

/// The seller's system, as the importer sees it.
#[async_trait]
pub trait OrderSink: Send + Sync {
    /// Creates the seller's record of a new order and returns its id.
    async fn create(&self, order: &Order) -> Result<LocalId>;

    /// Tells the seller's system that a known order changed status (`order.status` is the new
    /// one, `previous` the one it was last told).
    async fn status_changed(
        &self,
        local: &LocalId,
        order: &Order,
        previous: &OrderStatus,
    ) -> Result<()>;
}

/// An order created in the seller's system in vain: a concurrent importer linked the same
/// marketplace order first. The seller may delete (or merge) the `unlinked` record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Duplicate {
    /// The marketplace order.
    pub order_id: OrderId,
    /// The record this import created, which no link points to.
    pub unlinked: LocalId,
    /// The record the link store keeps for the order.
    pub linked: LocalId,
}

/// What one import did, order by order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    /// Orders created in the seller's system, with their local ids.
    pub created: Vec<(OrderId, LocalId)>,
    /// Known orders whose status change the seller's system was told about.
    pub status_changed: Vec<OrderId>,
    /// Known orders with no change.
    pub unchanged: usize,
    /// Orders created in vain because a concurrent importer linked them first.
    pub duplicates: Vec<Duplicate>,
    /// Orders that failed (sink or link store error), with the error; the next import retries
    /// them.
    pub failed: Vec<(OrderId, String)>,
    /// The error that ended the order stream early, if any; everything before it was imported.
    pub stream_error: Option<String>,
}

impl ImportReport {
    /// How many orders the import saw.
    pub fn seen(&self) -> usize {
        self.created.len()
            + self.status_changed.len()
            + self.unchanged
            + self.duplicates.len()
            + self.failed.len()
    }

    /// True when no order failed and the stream was read to its end.
    pub fn is_complete(&self) -> bool {
        self.failed.is_empty() && self.stream_error.is_none()
    }
}

/// Imports the orders of a channel into the seller's system, idempotently.
///
/// # Example
///
/// ```
/// use futures::stream::{self, BoxStream, StreamExt};
/// use market_core::helpers::{MemoryLinkStore, OrderImporter, OrderSink};
/// use market_core::{
///     Capabilities, Currency, DeliveryScheme, Lifecycle, LocalId, Marketplace, MarketplaceKind,
///     Order, OrderQuery, OrderStatus, Result, TimeWindow,
/// };
///
/// struct Shop(Vec<Order>);
///
/// #[async_trait::async_trait]
/// impl Marketplace for Shop {
///     fn kind(&self) -> MarketplaceKind { MarketplaceKind::Other("shop".into()) }
///     fn account(&self) -> &str { "main" }
///     fn capabilities(&self) -> Capabilities { Capabilities::NONE }
///     fn orders(&self, _query: OrderQuery) -> BoxStream<'_, Result<Order>> {
///         stream::iter(self.0.clone().into_iter().map(Ok)).boxed()
///     }
/// }
///
/// struct Erp;
///
/// #[async_trait::async_trait]
/// impl OrderSink for Erp {
///     async fn create(&self, order: &Order) -> Result<LocalId> {
///         Ok(LocalId::new(format!("erp-{}", order.id)))
///     }
///     async fn status_changed(&self, _: &LocalId, _: &Order, _: &OrderStatus) -> Result<()> {
///         Ok(())
///     }
/// }
///
/// # tokio::runtime::Builder::new_current_thread().build()?.block_on(async {
/// let order = Order {
///     marketplace: MarketplaceKind::Other("shop".into()),
///     id: "1001".into(),
///     parent_id: None,
///     scheme: DeliveryScheme::Fbs,
///     status: OrderStatus::new(Lifecycle::AwaitingPackaging, "new"),
///     created_at: chrono::Utc::now(),
///     updated_at: None,
///     ship_by: None,
///     warehouse_id: None,
///     currency: Currency::Rub,
///     lines: vec![],
///     raw: serde_json::Value::Null,
/// };
/// let shop = Shop(vec![order]);
/// let importer = OrderImporter::new(MemoryLinkStore::new());
/// let window = TimeWindow::last(chrono::Duration::hours(1));
///
/// let first = importer.import(&shop, window, &Erp).await?;
/// assert_eq!(first.created.len(), 1);
/// // Importing the same window again creates nothing.
/// let second = importer.import(&shop, window, &Erp).await?;
/// assert!(second.created.is_empty());
/// assert_eq!(second.unchanged, 1);
/// # Ok::<(), market_core::Error>(())
/// # })?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Default)]
pub struct OrderImporter<S: LinkStore> {
    store: S,
}

impl<S: LinkStore> OrderImporter<S> {
    /// An importer keeping its links in `store`.
    pub fn new(store: S) -> Self {
        Self { store }
    }

    /// The link store.
    pub fn store(&self) -> &S {
        &self.store
    }

    /// Gives the link store back.
    pub fn into_store(self) -> S {
        self.store
    }

    /// The query an import asks for: every order of the window, of every status and scheme,
    /// so that an order that moved on between two polls is not missed.
    ///
    /// # Example
    ///
    /// ```
    /// use market_core::helpers::{MemoryLinkStore, OrderImporter};
    /// use market_core::TimeWindow;
    ///
    /// let window = TimeWindow::last(chrono::Duration::hours(1));
    /// let query = OrderImporter::<MemoryLinkStore>::query_for(window);
    /// assert!(query.statuses.is_empty() && query.schemes.is_empty());
    /// ```
    pub fn query_for(window: TimeWindow) -> OrderQuery {
        OrderQuery::window(window)
    }

    /// Imports the orders of `window` from `marketplace` into `sink`.
    ///
    /// For each order streamed: an order not linked yet is created in the sink and then linked
    /// (if a concurrent importer linked it in between, it is reported in
    /// [`ImportReport::duplicates`]); a linked order whose status (lifecycle or the vendor's
    /// raw status) differs from the one stored is reported to the sink and the new status
    /// stored; any other order is counted unchanged.
    ///
    /// A failure with one order (sink or link store) is recorded in [`ImportReport::failed`]
    /// and the import goes on with the next order; nothing is stored for it, so the next import
    /// retries it. An error from the stream ends the import: it is returned in
    /// [`ImportReport::stream_error`] with everything done before it.
    ///
    /// # Errors
    ///
    /// None at present: every failure is reported in the [`ImportReport`]. The `Result` is
    /// kept for failures that would prevent any attempt.
    pub async fn import(
        &self,
        marketplace: &dyn Marketplace,
        window: TimeWindow,
        sink: &dyn OrderSink,
    ) -> Result<ImportReport> {
        let kind = marketplace.kind();
        let mut report = ImportReport::default();
        let mut orders = marketplace.orders(Self::query_for(window));
        while let Some(item) = orders.next().await {
            match item {
                Ok(order) => self.import_one(&kind, &order, sink, &mut report).await,
                Err(e) => {
                    tracing::warn!(
                        marketplace = %kind,
                        error = %e,
                        "order stream failed; import stopped"
                    );
                    report.stream_error = Some(e.to_string());
                    break;
                }
            }
        }
        tracing::info!(
            marketplace = %kind,
            created = report.created.len(),
            status_changed = report.status_changed.len(),
            unchanged = report.unchanged,
            duplicates = report.duplicates.len(),
            failed = report.failed.len(),
            stream_error = report.stream_error.is_some(),
            "order import finished"
        );
        Ok(report)
    }

    async fn import_one(
        &self,
        kind: &MarketplaceKind,
        order: &Order,
        sink: &dyn OrderSink,
        report: &mut ImportReport,
    ) {
        let id = &order.id;
        let outcome = match self.store.get(kind, id).await {
            Err(e) => Err(format!("link store: {e}")),
            Ok(None) => self.create(kind, order, sink, report).await,
            Ok(Some(link)) if link.last_status == order.status => {
                report.unchanged += 1;
                Ok(())
            }
            Ok(Some(link)) => self.change_status(kind, order, &link, sink, report).await,
        };
        if let Err(message) = outcome {
            tracing::warn!(
                marketplace = %kind,
                order = %id,
                error = %message,
                "order import failed"
            );
            report.failed.push((id.clone(), message));
        }
    }

    async fn change_status(
        &self,
        kind: &MarketplaceKind,
        order: &Order,
        link: &Link,
        sink: &dyn OrderSink,
        report: &mut ImportReport,
    ) -> std::result::Result<(), String> {
        sink.status_changed(&link.local_id, order, &link.last_status)
            .await
            .map_err(|e| e.to_string())?;
        self.store
            .update_status(kind, &order.id, order.status.clone())
            .await
            .map_err(|e| format!("status change reported to the sink but not stored: {e}"))?;
        report.status_changed.push(order.id.clone());
        Ok(())
    }

    async fn create(
        &self,
        kind: &MarketplaceKind,
        order: &Order,
        sink: &dyn OrderSink,
        report: &mut ImportReport,
    ) -> std::result::Result<(), String> {
        let local = sink.create(order).await.map_err(|e| e.to_string())?;
        let link = Link::new(local.clone(), order.status.clone());
        match self.store.insert(kind, &order.id, link).await {
            Ok(InsertOutcome::Inserted) => {
                report.created.push((order.id.clone(), local));
                Ok(())
            }
            Ok(InsertOutcome::AlreadyLinked(existing)) => {
                tracing::warn!(
                    marketplace = %kind,
                    order = %order.id,
                    unlinked = %local,
                    linked = %existing.local_id,
                    "order linked by a concurrent import; local record created in vain"
                );
                report.duplicates.push(Duplicate {
                    order_id: order.id.clone(),
                    unlinked: local,
                    linked: existing.local_id,
                });
                Ok(())
            }
            Err(e) => Err(format!(
                "created locally as {local} but the link was not stored: {e}"
            )),
        }
    }
}

/// The window of the next poll: from `overlap` before the end of the previous window up to
/// `now`.
///
/// Starting before the previous end lets the next poll see orders the channel indexed late;
/// the link store makes seeing an order twice harmless. A negative overlap counts as zero (a
/// gap would lose orders). When `now` is not after the start (a clock stepped back, or no
/// overlap and no time passed), the window ends one second after its start, so it is never
/// empty or inverted.
///
/// # Example
///
/// ```
/// use chrono::{Duration, TimeZone, Utc};
/// use market_core::helpers::next_window;
/// use market_core::TimeWindow;
///
/// let t = |h| Utc.with_ymd_and_hms(2025, 1, 1, h, 0, 0).single().unwrap_or_default();
/// let previous = TimeWindow::new(t(10), t(11)).ok_or("empty window")?;
/// let next = next_window(&previous, t(12), Duration::minutes(10));
/// assert_eq!(next.since, t(11) - Duration::minutes(10));
/// assert_eq!(next.until, t(12));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn next_window(previous: &TimeWindow, now: DateTime<Utc>, overlap: TimeDelta) -> TimeWindow {
    let overlap = overlap.max(TimeDelta::zero());
    let since = previous
        .until
        .checked_sub_signed(overlap)
        .unwrap_or(DateTime::<Utc>::MIN_UTC);
    let earliest_end = since
        .checked_add_signed(TimeDelta::seconds(1))
        .unwrap_or(DateTime::<Utc>::MAX_UTC);
    TimeWindow {
        since,
        until: now.max(earliest_end),
    }
}
