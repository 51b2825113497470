//! Idempotent order import: poll a channel's orders into the seller's system, creating each
//! order once and reporting each status change, however often, with whatever overlap and from
//! however many importers the import runs, and whatever step of it fails or crashes.
//!
//! - The [`LinkStore`] remembers, per channel and marketplace order id, a [`LinkState`]: a
//!   *pending* [`Claim`] (the intent to create the order, recorded before the sink is called)
//!   or a [`Link`] to the seller's own id of the order with the last status the seller's system
//!   was told. [`MemoryLinkStore`] keeps them in memory; `SqliteLinkStore` (feature `sqlite`)
//!   in a file, which is what a service that has nothing else should use.
//! - The [`OrderSink`] is the seller's system. It stores each order with its [`ImportKey`] (the
//!   channel and the marketplace order id) and can look an order up by that key.
//! - The [`OrderImporter`] streams the orders whose status changed in a window from a
//!   [`Marketplace`], re-reads the orders it knows are still open where the channel cannot
//!   filter by change time, and for each order creates it, reports its new status, or leaves
//!   it alone.
//!
//! # Never two orders in the seller's system
//!
//! Creating an order takes three steps, in this order:
//! 1. *claim*: an atomic insert-if-absent of a pending [`Claim`] into the link store. Of two
//!    importers that see the same new order, only the one whose claim was inserted goes on:
//!    the claim is the lock.
//! 2. *create*: [`OrderSink::create`] with the order's [`ImportKey`].
//! 3. *link*: the pending claim is replaced by the [`Link`] with the seller's id.
//!
//! A crash or error between the steps leaves a pending claim, which the next import
//! *reconciles*: it asks the seller's system with [`OrderSink::find`] (authoritative, since
//! the sink stores the key with the order) and links the order found without creating it
//! again. Only when nothing is found, and the claim is older than the importer's lease (its
//! holder may still be creating) or was released after the sink refused the order, does it
//! take the claim over (atomically, so again only one importer) and create the order.
//!
//! Status changes are delivered at least once: a crash between notifying the sink and storing
//! the status repeats the notification.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use async_trait::async_trait;
use chrono::{DateTime, TimeDelta, Utc};
use futures::StreamExt;
use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::ids::{LocalId, OrderId};
use crate::marketplace::{Capability, Marketplace};
use crate::model::{MarketplaceKind, Order, OrderQuery, OrderStatus, TimeWindow};

/// The idempotency key of an imported order: the channel and the marketplace order id.
///
/// Its string form (`Display`, [`ImportKey::as_string`]) is stable, `<channel>:<order id>`
/// such as `ozon:12345-0001-1`, with the channel's [`MarketplaceKind::as_str`]. An
/// [`OrderSink`] stores it with the order (an external-id column with a unique index is
/// ideal) and looks it up in [`OrderSink::find`].
///
/// ```
/// use market_core::helpers::ImportKey;
/// use market_core::MarketplaceKind;
///
/// let key = ImportKey::new(MarketplaceKind::Ozon, "12345-0001-1");
/// assert_eq!(key.to_string(), "ozon:12345-0001-1");
/// assert_eq!(key.order_id().as_str(), "12345-0001-1");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ImportKey {
    marketplace: MarketplaceKind,
    order_id: OrderId,
}

impl ImportKey {
    /// The key of order `order_id` of channel `marketplace`.
    pub fn new(marketplace: MarketplaceKind, order_id: impl Into<OrderId>) -> Self {
        Self {
            marketplace,
            order_id: order_id.into(),
        }
    }

    /// The channel.
    pub fn marketplace(&self) -> &MarketplaceKind {
        &self.marketplace
    }

    /// The marketplace order id.
    pub fn order_id(&self) -> &OrderId {
        &self.order_id
    }

    /// The stable string form, `<channel>:<order id>`.
    pub fn as_string(&self) -> String {
        self.to_string()
    }
}

impl fmt::Display for ImportKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.marketplace.as_str(), self.order_id)
    }
}

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

/// An importer's recorded intent to create an order in the seller's system: the lock that
/// keeps two importers from creating the same order.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Claim {
    /// Who claimed, unique per claim (an importer instance and a counter).
    pub token: String,
    /// When the claim was made; after the importer's lease it may be taken over.
    pub claimed_at: DateTime<Utc>,
    /// The status of the order the claimant creates: what the seller's system will know.
    pub status: OrderStatus,
    /// True when the claimant gave up after the sink refused the order: any importer may take
    /// the claim over at once (after asking the sink whether the order exists after all).
    pub released: bool,
}

/// What the link store holds for one marketplace order.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LinkState {
    /// An importer claimed the order and is creating it, or crashed or failed while doing so.
    Pending(Claim),
    /// The order exists in the seller's system.
    Linked(Link),
}

impl LinkState {
    /// The link, once the order exists in the seller's system.
    pub fn link(&self) -> Option<&Link> {
        match self {
            Self::Linked(link) => Some(link),
            Self::Pending(_) => None,
        }
    }

    /// True for a pending claim and for a link whose last status is not final: what
    /// [`LinkStore::open_orders`] lists.
    pub fn is_open(&self) -> bool {
        match self {
            Self::Pending(_) => true,
            Self::Linked(link) => !link.last_status.lifecycle.is_final(),
        }
    }
}

/// What [`LinkStore::insert`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InsertOutcome {
    /// The entry was stored.
    Inserted,
    /// An entry was already stored for the order (by another importer, or an earlier run); it
    /// is returned and was not replaced.
    Exists(LinkState),
}

/// Where the links between marketplace orders and the seller's records are kept: a table with
/// a unique key on `(marketplace, order id)` in production (`SqliteLinkStore` under the
/// `sqlite` feature), [`MemoryLinkStore`] in tests.
///
/// [`insert`](LinkStore::insert) and [`replace`](LinkStore::replace) must be atomic, also
/// between processes sharing the store: the importer's guarantee that no order is created
/// twice rests on them.
#[async_trait]
pub trait LinkStore: Send + Sync {
    /// The entry of a marketplace order, if any.
    async fn get(
        &self,
        marketplace: &MarketplaceKind,
        external: &OrderId,
    ) -> Result<Option<LinkState>>;

    /// Stores an entry if none exists for the order, atomically: of two concurrent inserts of
    /// the same order exactly one answers [`InsertOutcome::Inserted`], the other gets the
    /// winner's entry.
    async fn insert(
        &self,
        marketplace: &MarketplaceKind,
        external: &OrderId,
        state: LinkState,
    ) -> Result<InsertOutcome>;

    /// Replaces the entry of the order with `new` if it is still `expected` (compare and swap,
    /// atomically); answers whether it did. No entry is not `expected`.
    async fn replace(
        &self,
        marketplace: &MarketplaceKind,
        external: &OrderId,
        expected: &LinkState,
        new: LinkState,
    ) -> Result<bool>;

    /// The open entries of a channel ([`LinkState::is_open`]): every pending claim and every
    /// link whose last status is not final, in any order. The importer re-reads these orders
    /// where the channel cannot list status changes, and finishes pending claims whatever
    /// window they fell in.
    async fn open_orders(&self, marketplace: &MarketplaceKind)
    -> Result<Vec<(OrderId, LinkState)>>;
}

#[async_trait]
impl<T: LinkStore + ?Sized> LinkStore for Arc<T> {
    async fn get(
        &self,
        marketplace: &MarketplaceKind,
        external: &OrderId,
    ) -> Result<Option<LinkState>> {
        (**self).get(marketplace, external).await
    }

    async fn insert(
        &self,
        marketplace: &MarketplaceKind,
        external: &OrderId,
        state: LinkState,
    ) -> Result<InsertOutcome> {
        (**self).insert(marketplace, external, state).await
    }

    async fn replace(
        &self,
        marketplace: &MarketplaceKind,
        external: &OrderId,
        expected: &LinkState,
        new: LinkState,
    ) -> Result<bool> {
        (**self).replace(marketplace, external, expected, new).await
    }

    async fn open_orders(
        &self,
        marketplace: &MarketplaceKind,
    ) -> Result<Vec<(OrderId, LinkState)>> {
        (**self).open_orders(marketplace).await
    }
}

type LinkMap = HashMap<(MarketplaceKind, OrderId), LinkState>;

/// A [`LinkStore`] in memory, for tests and single-process tools (links are lost on exit).
#[derive(Debug, Default)]
pub struct MemoryLinkStore {
    links: Mutex<LinkMap>,
}

impl MemoryLinkStore {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    /// How many orders have an entry (linked or pending).
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    /// True when no order has an entry.
    pub fn is_empty(&self) -> bool {
        self.lock().is_empty()
    }

    /// How many orders are pending (claimed, not linked).
    pub fn pending(&self) -> usize {
        self.lock()
            .values()
            .filter(|s| matches!(s, LinkState::Pending(_)))
            .count()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, LinkMap> {
        // A panic elsewhere while holding the lock cannot leave the map half-updated: every
        // critical section is a single map operation.
        self.links.lock().unwrap_or_else(|e| e.into_inner())
    }
}

#[async_trait]
impl LinkStore for MemoryLinkStore {
    async fn get(
        &self,
        marketplace: &MarketplaceKind,
        external: &OrderId,
    ) -> Result<Option<LinkState>> {
        Ok(self
            .lock()
            .get(&(marketplace.clone(), external.clone()))
            .cloned())
    }

    async fn insert(
        &self,
        marketplace: &MarketplaceKind,
        external: &OrderId,
        state: LinkState,
    ) -> Result<InsertOutcome> {
        use std::collections::hash_map::Entry;
        match self.lock().entry((marketplace.clone(), external.clone())) {
            Entry::Occupied(existing) => Ok(InsertOutcome::Exists(existing.get().clone())),
            Entry::Vacant(slot) => {
                slot.insert(state);
                Ok(InsertOutcome::Inserted)
            }
        }
    }

    async fn replace(
        &self,
        marketplace: &MarketplaceKind,
        external: &OrderId,
        expected: &LinkState,
        new: LinkState,
    ) -> Result<bool> {
        match self
            .lock()
            .get_mut(&(marketplace.clone(), external.clone()))
        {
            Some(current) if current == expected => {
                *current = new;
                Ok(true)
            }
            _ => Ok(false),
        }
    }

    async fn open_orders(
        &self,
        marketplace: &MarketplaceKind,
    ) -> Result<Vec<(OrderId, LinkState)>> {
        let mut open: Vec<_> = self
            .lock()
            .iter()
            .filter(|((kind, _), state)| kind == marketplace && state.is_open())
            .map(|((_, id), state)| (id.clone(), state.clone()))
            .collect();
        open.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(open)
    }
}

/// The seller's system, as the importer sees it.
#[async_trait]
pub trait OrderSink: Send + Sync {
    /// Creates the seller's record of a new order and returns its id.
    ///
    /// The record must keep `key` (an external-id column, say) so that
    /// [`find`](OrderSink::find) sees it from the moment the record exists. Where the seller's
    /// system can enforce it (a unique index on the key), answering the existing record's id
    /// for a key already stored makes creation idempotent even against a crashed importer
    /// whose lease ran out in the middle of a create.
    ///
    /// An error means the order was not created; if it may have been (a timeout), that is
    /// fine too: before creating again the importer always asks [`find`](OrderSink::find).
    async fn create(&self, order: &Order, key: &ImportKey) -> Result<LocalId>;

    /// The seller's record created for `key`, if any. Authoritative: the importer links the
    /// record found instead of creating one, and creates when this answers `None` for a claim
    /// it holds, so it must see every record [`create`](OrderSink::create) made.
    async fn find(&self, key: &ImportKey) -> Result<Option<LocalId>>;

    /// Tells the seller's system that a known order changed status (`order.status` is the new
    /// one, `previous` the one it was last told).
    async fn status_changed(
        &self,
        local: &LocalId,
        order: &Order,
        previous: &OrderStatus,
    ) -> Result<()>;
}

/// An order created in the seller's system in vain: another importer linked the same
/// marketplace order to another record (possible only when a claim's lease ran out while its
/// holder was still creating, or when the sink's [`OrderSink::find`] missed a record). The
/// seller may delete (or merge) the `unlinked` record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Duplicate {
    /// The marketplace order.
    pub order_id: OrderId,
    /// The record this import created or found, which no link points to.
    pub unlinked: LocalId,
    /// The record the link store keeps for the order.
    pub linked: LocalId,
}

/// What one import did, order by order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ImportReport {
    /// Orders created in the seller's system, with their local ids.
    pub created: Vec<(OrderId, LocalId)>,
    /// Orders a failed or crashed earlier import had created without linking them: found in
    /// the seller's system by their [`ImportKey`] and linked, not created again.
    pub reconciled: Vec<(OrderId, LocalId)>,
    /// Known orders whose status change the seller's system was told about.
    pub status_changed: Vec<OrderId>,
    /// Known orders with no change.
    pub unchanged: usize,
    /// Orders another importer claimed within its lease and has not linked yet: left to it (a
    /// later import finishes them if it does not, whatever window they fall in).
    pub in_progress: Vec<OrderId>,
    /// Orders created in vain (see [`Duplicate`]).
    pub duplicates: Vec<Duplicate>,
    /// Orders that failed (sink or link store error), with the error; the next import retries
    /// them.
    pub failed: Vec<(OrderId, String)>,
    /// The error that ended the order stream, or the re-reading of open orders, early, if
    /// any; everything before it was imported.
    pub stream_error: Option<String>,
}

impl ImportReport {
    /// How many orders the import saw.
    pub fn seen(&self) -> usize {
        self.created.len()
            + self.reconciled.len()
            + self.status_changed.len()
            + self.unchanged
            + self.in_progress.len()
            + self.duplicates.len()
            + self.failed.len()
    }

    /// True when no order failed and the streams were read to their end. Orders
    /// [`in_progress`](ImportReport::in_progress) elsewhere do not make an import incomplete:
    /// their claims stay open, and a later import finishes them.
    pub fn is_complete(&self) -> bool {
        self.failed.is_empty() && self.stream_error.is_none()
    }

    fn stop(&mut self, message: String) {
        self.stream_error = Some(match self.stream_error.take() {
            Some(first) => format!("{first}; {message}"),
            None => message,
        });
    }
}

/// The most errors one listing may yield before the importer stops reading it.
pub const MAX_STREAM_ERRORS: usize = 100;

/// How an order came to the importer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    /// Listed by [`Marketplace::orders`]: may be created.
    Listing,
    /// Re-read by [`Marketplace::refresh_orders`]: only known orders are handled.
    Refresh,
}

/// How a pending claim ended in a link.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Completion {
    Created,
    Reconciled,
}

/// Imports the orders of a channel into the seller's system, idempotently.
///
/// # The polling pattern
///
/// Poll again and again, each window starting a little before the end of the last complete
/// one ([`next_window`] with an overlap of some minutes, so an order the channel indexed late
/// is still seen; the link store makes seeing an order twice harmless). After an incomplete
/// import ([`ImportReport::is_complete`] false), poll from the same start again: an order
/// whose claim could not even be recorded is only seen again through its window.
///
/// Each import asks for the orders whose *status changed* in the window
/// ([`OrderQuery::changes`]), so the cancellation of an order created days ago is seen. A
/// channel that cannot filter so (without [`Capability::OrderChanges`]) lists by creation
/// time instead, and the cancellation would be missed once the window has moved past the
/// order's creation; for such channels the importer also re-reads, with
/// [`Marketplace::refresh_orders`], every order it linked whose last status is not final
/// ([`Lifecycle::is_final`](crate::Lifecycle::is_final)) and that the window did not list.
/// Whatever the channel, it re-reads the orders with a pending claim too, so an order whose
/// creation failed or crashed is finished whatever window it fell in.
///
/// The link store must therefore offer, besides `get`: an atomic insert-if-absent (the claim
/// that keeps two importers from creating one order), an atomic compare-and-swap, and the list
/// of a channel's open entries (see [`LinkStore`]). The sink must store each order's
/// [`ImportKey`] and find orders by it (see [`OrderSink`]).
///
/// # Example
///
/// A channel that lists orders by creation only; an order created 26 hours ago is imported,
/// then cancelled, and the next poll (of the last minutes) reports the cancellation.
///
/// ```
/// use std::sync::Mutex;
///
/// use chrono::{Duration, Utc};
/// use futures::stream::{self, BoxStream, StreamExt};
/// use market_core::helpers::{ImportKey, MemoryLinkStore, OrderImporter, OrderSink, next_window};
/// use market_core::{
///     Capabilities, Capability, Currency, DeliveryScheme, Error, Lifecycle, LocalId,
///     Marketplace, MarketplaceKind, Order, OrderId, OrderQuery, OrderStatus, Result,
///     TimeWindow,
/// };
///
/// /// A channel without `Capability::OrderChanges`: it lists orders by creation time.
/// struct Shop(Mutex<Vec<Order>>);
///
/// impl Shop {
///     fn orders_now(&self) -> Vec<Order> {
///         self.0.lock().map(|o| o.clone()).unwrap_or_default()
///     }
/// }
///
/// #[async_trait::async_trait]
/// impl Marketplace for Shop {
///     fn kind(&self) -> MarketplaceKind { MarketplaceKind::Other("shop".into()) }
///     fn account(&self) -> &str { "main" }
///     fn capabilities(&self) -> Capabilities { Capabilities::of(&[Capability::Orders]) }
///     fn orders(&self, query: OrderQuery) -> BoxStream<'_, Result<Order>> {
///         let w = query.window;
///         let listed = self.orders_now().into_iter()
///             .filter(move |o| o.created_at >= w.since && o.created_at < w.until);
///         stream::iter(listed.map(Ok)).boxed()
///     }
///     // What the default `refresh_orders` reads the open orders with.
///     async fn order(&self, id: &OrderId) -> Result<Order> {
///         self.orders_now().into_iter().find(|o| &o.id == id)
///             .ok_or_else(|| Error::validation(id, "no such order"))
///     }
/// }
///
/// /// The seller's system: keeps each order's import key, and the statuses it was told.
/// #[derive(Default)]
/// struct Erp(Mutex<Vec<(ImportKey, OrderStatus)>>);
///
/// #[async_trait::async_trait]
/// impl OrderSink for Erp {
///     async fn create(&self, order: &Order, key: &ImportKey) -> Result<LocalId> {
///         let mut book = self.0.lock().map_err(|_| Error::Config("erp poisoned".into()))?;
///         book.push((key.clone(), order.status.clone()));
///         Ok(LocalId::new(format!("erp-{}", book.len())))
///     }
///     async fn find(&self, key: &ImportKey) -> Result<Option<LocalId>> {
///         let book = self.0.lock().map_err(|_| Error::Config("erp poisoned".into()))?;
///         Ok(book.iter().position(|(k, _)| k == key)
///             .map(|i| LocalId::new(format!("erp-{}", i + 1))))
///     }
///     async fn status_changed(&self, _: &LocalId, order: &Order, _: &OrderStatus) -> Result<()> {
///         let mut book = self.0.lock().map_err(|_| Error::Config("erp poisoned".into()))?;
///         for (key, status) in book.iter_mut() {
///             if key.order_id() == &order.id {
///                 *status = order.status.clone();
///             }
///         }
///         Ok(())
///     }
/// }
///
/// # tokio::runtime::Builder::new_current_thread().enable_all().build()?.block_on(async {
/// let order = Order {
///     marketplace: MarketplaceKind::Other("shop".into()),
///     id: "1001".into(),
///     parent_id: None,
///     scheme: DeliveryScheme::Fbs,
///     status: OrderStatus::new(Lifecycle::AwaitingPackaging, "new"),
///     created_at: Utc::now() - Duration::hours(26),
///     updated_at: None,
///     ship_by: None,
///     warehouse_id: None,
///     currency: Currency::Rub,
///     lines: vec![],
///     raw: serde_json::Value::Null,
/// };
/// let shop = Shop(Mutex::new(vec![order]));
/// let erp = Erp::default();
/// let importer = OrderImporter::new(MemoryLinkStore::new());
/// let overlap = Duration::minutes(10);
///
/// // The first poll covers the last two days: the order is created.
/// let mut window = TimeWindow::last(Duration::days(2));
/// let report = importer.import(&shop, window, &erp).await?;
/// assert_eq!(report.created.len(), 1);
/// // The same window again creates nothing.
/// let report = importer.import(&shop, window, &erp).await?;
/// assert!(report.created.is_empty() && report.is_complete());
///
/// // The buyer cancels the day-old order.
/// if let Ok(mut orders) = shop.0.lock() {
///     orders[0].status = OrderStatus::new(Lifecycle::Cancelled, "cancelled");
/// }
///
/// // The next poll: from `overlap` before the end of the last complete window, up to now.
/// // The order is not in it, but it is open, so the importer re-reads it.
/// window = next_window(&window, Utc::now(), overlap);
/// let report = importer.import(&shop, window, &erp).await?;
/// assert_eq!(report.status_changed, vec![OrderId::from("1001")]);
/// let book = erp.0.lock().map(|b| b.clone()).unwrap_or_default();
/// assert_eq!(book[0].1.lifecycle, Lifecycle::Cancelled);
/// # Ok::<(), market_core::Error>(())
/// # })?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug)]
pub struct OrderImporter<S: LinkStore> {
    store: S,
    lease: TimeDelta,
    instance: String,
    claims: AtomicU64,
}

impl<S: LinkStore + Default> Default for OrderImporter<S> {
    fn default() -> Self {
        Self::new(S::default())
    }
}

impl<S: LinkStore> OrderImporter<S> {
    /// How long a claim protects an order being created by its holder, unless
    /// [`with_lease`](OrderImporter::with_lease) says otherwise: ten minutes. It must be
    /// longer than the sink takes to create an order.
    pub const DEFAULT_LEASE_SECS: i64 = 600;

    /// An importer keeping its links in `store`.
    pub fn new(store: S) -> Self {
        Self {
            store,
            lease: TimeDelta::seconds(Self::DEFAULT_LEASE_SECS),
            instance: format!("{:016x}", fastrand::u64(..)),
            claims: AtomicU64::new(0),
        }
    }

    /// Sets the lease: how long a pending claim of another importer (or of a crashed run) is
    /// left alone when the seller's system does not have the order yet. After it, the claim
    /// is taken over and the order created. A negative lease counts as zero.
    pub fn with_lease(mut self, lease: TimeDelta) -> Self {
        self.lease = lease.max(TimeDelta::zero());
        self
    }

    /// The lease (see [`with_lease`](OrderImporter::with_lease)).
    pub fn lease(&self) -> TimeDelta {
        self.lease
    }

    /// The link store.
    pub fn store(&self) -> &S {
        &self.store
    }

    /// Gives the link store back.
    pub fn into_store(self) -> S {
        self.store
    }

    /// The query an import asks for: every order of every status and scheme whose status
    /// changed in the window ([`OrderQuery::changes`]), so that an order that moved on between
    /// two polls is not missed.
    ///
    /// # Example
    ///
    /// ```
    /// use market_core::helpers::{MemoryLinkStore, OrderImporter};
    /// use market_core::{TimeWindow, WindowBasis};
    ///
    /// let window = TimeWindow::last(chrono::Duration::hours(1));
    /// let query = OrderImporter::<MemoryLinkStore>::query_for(window);
    /// assert!(query.statuses.is_empty() && query.schemes.is_empty());
    /// assert_eq!(query.basis, WindowBasis::StatusChanged);
    /// ```
    pub fn query_for(window: TimeWindow) -> OrderQuery {
        OrderQuery::changes(window)
    }

    /// Imports the orders whose status changed in `window` from `marketplace` into `sink`,
    /// then re-reads the open orders the window did not list (see the
    /// [type's documentation](OrderImporter)).
    ///
    /// For each order: an order without an entry is claimed, created in the sink with its
    /// [`ImportKey`] and linked; an order with a pending claim is reconciled (linked if the
    /// sink finds it, created if the claim is stale or released, else left
    /// [`in_progress`](ImportReport::in_progress)); a linked order whose status (lifecycle or
    /// the vendor's raw status) differs from the one stored is reported to the sink and the
    /// new status stored; any other order is counted unchanged. Re-read orders are handled
    /// the same way, except that an order without an entry is never created from a re-read.
    ///
    /// A failure with one order (sink or link store) is recorded in [`ImportReport::failed`]
    /// and the import goes on with the next order; the next import retries it. An error from
    /// the order stream is recorded in [`ImportReport::stream_error`] and the import reads on
    /// for as long as the stream goes on (a channel yields an order it could not decode as an
    /// error item and the orders after it; streams built on `paginate` end after their error),
    /// up to [`MAX_STREAM_ERRORS`]; an error from the re-reading ends the re-reading. Either
    /// way the report is incomplete and everything read was imported.
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
        let mut seen = HashSet::new();
        {
            let mut orders = marketplace.orders(Self::query_for(window));
            let mut errors = 0usize;
            while let Some(item) = orders.next().await {
                match item {
                    Ok(order) => {
                        seen.insert(order.id.clone());
                        self.import_one(&kind, &order, Source::Listing, sink, &mut report)
                            .await;
                    }
                    Err(e) => {
                        // A stream that goes on after an error (one order the channel could
                        // not read) must not hide the orders behind it; a stream that ends
                        // after its error just ends. A hostile stream of errors is cut off.
                        errors += 1;
                        tracing::warn!(
                            marketplace = %kind,
                            error = %e,
                            "order stream yielded an error"
                        );
                        if errors == 1 {
                            report.stop(e.to_string());
                        }
                        if errors >= MAX_STREAM_ERRORS {
                            report
                                .stop(format!("{errors} errors: too many errors; listing stopped"));
                            break;
                        }
                    }
                }
            }
        }
        self.refresh(marketplace, &kind, &seen, sink, &mut report)
            .await;
        tracing::info!(
            marketplace = %kind,
            created = report.created.len(),
            reconciled = report.reconciled.len(),
            status_changed = report.status_changed.len(),
            unchanged = report.unchanged,
            in_progress = report.in_progress.len(),
            duplicates = report.duplicates.len(),
            failed = report.failed.len(),
            stream_error = report.stream_error.is_some(),
            "order import finished"
        );
        Ok(report)
    }

    /// Re-reads the open orders the listing did not yield: pending claims always, and linked
    /// orders that are not final where the channel cannot list status changes.
    async fn refresh(
        &self,
        marketplace: &dyn Marketplace,
        kind: &MarketplaceKind,
        seen: &HashSet<OrderId>,
        sink: &dyn OrderSink,
        report: &mut ImportReport,
    ) {
        let lists_changes = marketplace
            .capabilities()
            .supports(Capability::OrderChanges);
        let open = match self.store.open_orders(kind).await {
            Ok(open) => open,
            Err(e) => {
                tracing::warn!(marketplace = %kind, error = %e, "open orders not listed");
                report.stop(format!("link store: open orders not listed: {e}"));
                return;
            }
        };
        let ids: Vec<OrderId> = open
            .into_iter()
            .filter(|(id, state)| {
                !seen.contains(id)
                    && match state {
                        LinkState::Pending(_) => true,
                        LinkState::Linked(_) => !lists_changes,
                    }
            })
            .map(|(id, _)| id)
            .collect();
        if ids.is_empty() {
            return;
        }
        tracing::debug!(marketplace = %kind, orders = ids.len(), "re-reading open orders");
        let mut wanted: HashSet<OrderId> = ids.iter().cloned().collect();
        let mut orders = marketplace.refresh_orders(ids);
        while let Some(item) = orders.next().await {
            match item {
                // Each asked-for order once; anything else the channel volunteers is ignored.
                Ok(order) if wanted.remove(&order.id) => {
                    self.import_one(kind, &order, Source::Refresh, sink, report)
                        .await;
                }
                Ok(_) => {}
                Err(e) => {
                    tracing::warn!(
                        marketplace = %kind,
                        error = %e,
                        "re-reading open orders failed; stopped"
                    );
                    report.stop(format!("re-reading open orders: {e}"));
                    break;
                }
            }
        }
    }

    async fn import_one(
        &self,
        kind: &MarketplaceKind,
        order: &Order,
        source: Source,
        sink: &dyn OrderSink,
        report: &mut ImportReport,
    ) {
        let id = &order.id;
        let outcome = match self.store.get(kind, id).await {
            Err(e) => Err(format!("link store: {e}")),
            Ok(None) if source == Source::Refresh => Ok(()),
            Ok(None) => self.claim_and_create(kind, order, sink, report).await,
            Ok(Some(LinkState::Linked(link))) => {
                self.sync_status(kind, order, &link, sink, report, true)
                    .await
            }
            Ok(Some(LinkState::Pending(claim))) => {
                self.reconcile(kind, order, &claim, sink, report).await
            }
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

    fn new_claim(&self, order: &Order) -> Claim {
        let n = self.claims.fetch_add(1, Ordering::Relaxed);
        Claim {
            token: format!("{}-{n}", self.instance),
            claimed_at: Utc::now(),
            status: order.status.clone(),
            released: false,
        }
    }

    /// True when the claim's holder is presumed gone: released, or older than the lease.
    fn is_stale(&self, claim: &Claim) -> bool {
        claim.released || Utc::now().signed_duration_since(claim.claimed_at) >= self.lease
    }

    /// Step 1 for a new order: record the intent, then create.
    async fn claim_and_create(
        &self,
        kind: &MarketplaceKind,
        order: &Order,
        sink: &dyn OrderSink,
        report: &mut ImportReport,
    ) -> std::result::Result<(), String> {
        let claim = self.new_claim(order);
        let inserted = self
            .store
            .insert(kind, &order.id, LinkState::Pending(claim.clone()))
            .await
            .map_err(|e| format!("link store: intent to create not recorded: {e}"))?;
        match inserted {
            InsertOutcome::Inserted => self.create_claimed(kind, order, &claim, sink, report).await,
            InsertOutcome::Exists(LinkState::Linked(link)) => {
                self.sync_status(kind, order, &link, sink, report, true)
                    .await
            }
            InsertOutcome::Exists(LinkState::Pending(other)) => {
                self.reconcile(kind, order, &other, sink, report).await
            }
        }
    }

    /// Steps 2 and 3 under a claim this importer holds (and whose order it knows is absent
    /// from the seller's system): create, then link.
    async fn create_claimed(
        &self,
        kind: &MarketplaceKind,
        order: &Order,
        claim: &Claim,
        sink: &dyn OrderSink,
        report: &mut ImportReport,
    ) -> std::result::Result<(), String> {
        let key = ImportKey::new(kind.clone(), order.id.clone());
        match sink.create(order, &key).await {
            Ok(local) => {
                self.complete(
                    kind,
                    order,
                    claim,
                    &claim.status,
                    local,
                    Completion::Created,
                    sink,
                    report,
                )
                .await
            }
            Err(e) => {
                self.release(kind, &order.id, claim).await;
                Err(e.to_string())
            }
        }
    }

    /// Gives a claim up so that the next import may retry at once (it asks the sink first).
    async fn release(&self, kind: &MarketplaceKind, id: &OrderId, claim: &Claim) {
        let released = Claim {
            released: true,
            ..claim.clone()
        };
        let expected = LinkState::Pending(claim.clone());
        if let Err(e) = self
            .store
            .replace(kind, id, &expected, LinkState::Pending(released))
            .await
        {
            // The claim stays; it is taken over once the lease has run out.
            tracing::warn!(marketplace = %kind, order = %id, error = %e, "claim not released");
        }
    }

    /// A pending claim found for an order: link it if the sink has the order, take it over
    /// and create if it is stale, or leave it to its holder.
    async fn reconcile(
        &self,
        kind: &MarketplaceKind,
        order: &Order,
        claim: &Claim,
        sink: &dyn OrderSink,
        report: &mut ImportReport,
    ) -> std::result::Result<(), String> {
        let key = ImportKey::new(kind.clone(), order.id.clone());
        if !self.is_stale(claim) {
            // Its holder may be creating it right now, or may have crashed after creating.
            return match sink.find(&key).await {
                Err(e) => Err(format!("sink lookup of {key}: {e}")),
                Ok(Some(local)) => {
                    self.complete(
                        kind,
                        order,
                        claim,
                        &claim.status,
                        local,
                        Completion::Reconciled,
                        sink,
                        report,
                    )
                    .await
                }
                Ok(None) => {
                    report.in_progress.push(order.id.clone());
                    Ok(())
                }
            };
        }
        let mine = self.new_claim(order);
        let taken = self
            .store
            .replace(
                kind,
                &order.id,
                &LinkState::Pending(claim.clone()),
                LinkState::Pending(mine.clone()),
            )
            .await
            .map_err(|e| format!("link store: stale claim not taken over: {e}"))?;
        if !taken {
            // Another importer took it over (or linked it) first.
            report.in_progress.push(order.id.clone());
            return Ok(());
        }
        match sink.find(&key).await {
            Err(e) => {
                self.release(kind, &order.id, &mine).await;
                Err(format!("sink lookup of {key}: {e}"))
            }
            // Created by the previous holder, with the status it had claimed with.
            Ok(Some(local)) => {
                self.complete(
                    kind,
                    order,
                    &mine,
                    &claim.status,
                    local,
                    Completion::Reconciled,
                    sink,
                    report,
                )
                .await
            }
            Ok(None) => self.create_claimed(kind, order, &mine, sink, report).await,
        }
    }

    /// Step 3: replaces the pending claim `held` with the link to `local` (which the seller's
    /// system knows with status `known`), then reports a later status, if any.
    #[allow(clippy::too_many_arguments)]
    async fn complete(
        &self,
        kind: &MarketplaceKind,
        order: &Order,
        held: &Claim,
        known: &OrderStatus,
        local: LocalId,
        how: Completion,
        sink: &dyn OrderSink,
        report: &mut ImportReport,
    ) -> std::result::Result<(), String> {
        let id = &order.id;
        let unlinked = |e: &dyn fmt::Display| {
            format!(
                "in the seller's system as {local} but the link was not stored: {e}; \
                 the next import links it"
            )
        };
        let ours = Link::new(local.clone(), known.clone());
        let mut expected = LinkState::Pending(held.clone());
        let mut current = None;
        // A few rounds: the entry changes under us only by another importer's single steps.
        for _ in 0..4 {
            let stored = self
                .store
                .replace(kind, id, &expected, LinkState::Linked(ours.clone()))
                .await
                .map_err(|e| unlinked(&e))?;
            if stored {
                current = Some(ours.clone());
                break;
            }
            match self.store.get(kind, id).await.map_err(|e| unlinked(&e))? {
                // Another importer linked the same record (it reconciled ours).
                Some(LinkState::Linked(existing)) if existing.local_id == local => {
                    current = Some(existing);
                    break;
                }
                Some(LinkState::Linked(existing)) => {
                    tracing::warn!(
                        marketplace = %kind,
                        order = %id,
                        unlinked = %local,
                        linked = %existing.local_id,
                        "order linked to another record; this one is in vain"
                    );
                    report.duplicates.push(Duplicate {
                        order_id: id.clone(),
                        unlinked: local,
                        linked: existing.local_id,
                    });
                    return Ok(());
                }
                // Our claim was taken over after its lease: the record exists, link it.
                Some(pending @ LinkState::Pending(_)) => expected = pending,
                None => {
                    let inserted = self
                        .store
                        .insert(kind, id, LinkState::Linked(ours.clone()))
                        .await
                        .map_err(|e| unlinked(&e))?;
                    match inserted {
                        InsertOutcome::Inserted => {
                            current = Some(ours.clone());
                            break;
                        }
                        // Handled by the next round's look-up.
                        InsertOutcome::Exists(_) => {}
                    }
                }
            }
        }
        let Some(current) = current else {
            return Err(unlinked(
                &"the entry kept changing under concurrent importers",
            ));
        };
        match how {
            Completion::Created => report.created.push((id.clone(), local)),
            Completion::Reconciled => report.reconciled.push((id.clone(), local)),
        }
        // A reconciled order may have moved on since its holder created it.
        self.sync_status(kind, order, &current, sink, report, false)
            .await
    }

    /// A linked order: tells the sink about a new status and stores it.
    async fn sync_status(
        &self,
        kind: &MarketplaceKind,
        order: &Order,
        link: &Link,
        sink: &dyn OrderSink,
        report: &mut ImportReport,
        count: bool,
    ) -> std::result::Result<(), String> {
        if link.last_status == order.status {
            if count {
                report.unchanged += 1;
            }
            return Ok(());
        }
        sink.status_changed(&link.local_id, order, &link.last_status)
            .await
            .map_err(|e| e.to_string())?;
        let new = Link::new(link.local_id.clone(), order.status.clone());
        // `false`: a concurrent import stored a status first; the sink was told either way.
        self.store
            .replace(
                kind,
                &order.id,
                &LinkState::Linked(link.clone()),
                LinkState::Linked(new),
            )
            .await
            .map_err(|e| format!("status change reported to the sink but not stored: {e}"))?;
        if count {
            report.status_changed.push(order.id.clone());
        }
        Ok(())
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
