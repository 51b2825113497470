//! Fakes shared by the importer tests: a channel, the seller's system, a failing link store.

#![allow(clippy::unwrap_used, dead_code)]

use std::collections::{HashMap, HashSet};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use chrono::{DateTime, Utc};
use futures::StreamExt;
use futures::stream::{self, BoxStream};
use market_core::helpers::{ImportKey, InsertOutcome, LinkState, LinkStore};
use market_core::{
    Capabilities, Capability, Currency, DeliveryScheme, Error, Lifecycle, LocalId, Marketplace,
    MarketplaceKind, Order, OrderId, OrderQuery, OrderStatus, Result, WindowBasis,
};

pub fn kind() -> MarketplaceKind {
    MarketplaceKind::Other("fake".into())
}

pub fn status(lifecycle: Lifecycle, raw: &str) -> OrderStatus {
    OrderStatus::new(lifecycle, raw)
}

pub fn fresh() -> OrderStatus {
    status(Lifecycle::AwaitingPackaging, "awaiting_packaging")
}

pub fn cancelled() -> OrderStatus {
    status(Lifecycle::Cancelled, "cancelled")
}

/// An order created at `created_at`, whose status last changed then too.
pub fn order_at(id: &str, created_at: DateTime<Utc>) -> Order {
    Order {
        marketplace: kind(),
        id: OrderId::from(id),
        parent_id: None,
        scheme: DeliveryScheme::Fbs,
        status: fresh(),
        created_at,
        updated_at: Some(created_at),
        ship_by: None,
        warehouse_id: None,
        currency: Currency::Rub,
        lines: vec![],
        raw: serde_json::Value::Null,
    }
}

pub fn ids(list: &[&str]) -> Vec<OrderId> {
    list.iter().map(|s| OrderId::from(*s)).collect()
}

fn fake_error(operation: &'static str, message: &str) -> Error {
    Error::Transport {
        vendor: "fake",
        operation,
        message: message.into(),
        not_sent: false,
        source: None,
    }
}

/// A channel over a list of orders (`updated_at` is the time of the last status change).
///
/// With `lists_changes` it says [`Capability::OrderChanges`] and filters a
/// [`WindowBasis::StatusChanged`] query by change time; without it, it filters every query by
/// creation time, like WB's FBS list. `order()` (what the default `refresh_orders` uses)
/// counts its reads and fails for the ids in `fail_reads`.
#[derive(Default)]
pub struct Channel {
    pub lists_changes: bool,
    pub orders: Mutex<Vec<Order>>,
    pub queries: Mutex<Vec<OrderQuery>>,
    pub reads: Mutex<Vec<OrderId>>,
    pub fail_reads: Mutex<HashSet<OrderId>>,
    pub fail_listing: Mutex<bool>,
    /// Orders the listing cannot read: an error item in their place, and the listing goes on.
    pub unreadable: Mutex<HashSet<OrderId>>,
    /// List in reverse on every second query (two importers then cross in the middle).
    pub reverse_odd_queries: bool,
}

impl Channel {
    pub fn new(lists_changes: bool, orders: Vec<Order>) -> Self {
        Self {
            lists_changes,
            orders: Mutex::new(orders),
            ..Self::default()
        }
    }

    /// Moves an order to `status` at `at`.
    pub fn change(&self, id: &str, status: OrderStatus, at: DateTime<Utc>) {
        for o in self.orders.lock().unwrap().iter_mut() {
            if o.id.as_str() == id {
                o.status = status.clone();
                o.updated_at = Some(at);
            }
        }
    }

    pub fn reads(&self) -> Vec<OrderId> {
        self.reads.lock().unwrap().clone()
    }
}

#[async_trait::async_trait]
impl Marketplace for Channel {
    fn kind(&self) -> MarketplaceKind {
        kind()
    }

    fn account(&self) -> &str {
        "test"
    }

    fn capabilities(&self) -> Capabilities {
        let caps = Capabilities::of(&[Capability::Orders]);
        if self.lists_changes {
            caps.with(Capability::OrderChanges)
        } else {
            caps
        }
    }

    fn orders(&self, query: OrderQuery) -> BoxStream<'_, Result<Order>> {
        let reverse = {
            let mut queries = self.queries.lock().unwrap();
            queries.push(query.clone());
            self.reverse_odd_queries && queries.len().is_multiple_of(2)
        };
        if *self.fail_listing.lock().unwrap() {
            return stream::iter([Err(fake_error("orders", "listing is down"))]).boxed();
        }
        let by_change = self.lists_changes && query.basis == WindowBasis::StatusChanged;
        let w = query.window;
        let listed: Vec<_> = self
            .orders
            .lock()
            .unwrap()
            .iter()
            .filter(|o| {
                let t = if by_change {
                    o.updated_at.unwrap_or(o.created_at)
                } else {
                    o.created_at
                };
                t >= w.since && t < w.until
            })
            .cloned()
            .map(|o| {
                if self.unreadable.lock().unwrap().contains(&o.id) {
                    Err(fake_error("orders", "an order that cannot be read"))
                } else {
                    Ok(o)
                }
            })
            .collect();
        let mut listed: Vec<_> = listed;
        if reverse {
            listed.reverse();
        }
        stream::iter(listed).boxed()
    }

    async fn order(&self, id: &OrderId) -> Result<Order> {
        self.reads.lock().unwrap().push(id.clone());
        if self.fail_reads.lock().unwrap().contains(id) {
            return Err(fake_error("order", "status read failed"));
        }
        self.orders
            .lock()
            .unwrap()
            .iter()
            .find(|o| &o.id == id)
            .cloned()
            .ok_or_else(|| Error::validation(id, "no such order"))
    }
}

/// The seller's system: never idempotent by itself (every `create` makes a new record), so a
/// second creation of one order shows; keeps each record's key for `find`.
#[derive(Default)]
pub struct Sink {
    pub records: Mutex<HashMap<ImportKey, Vec<LocalId>>>,
    pub next: AtomicUsize,
    pub changes: Mutex<Vec<(LocalId, OrderId, OrderStatus, OrderStatus)>>,
    pub fail_create: Mutex<HashSet<OrderId>>,
    pub fail_find: Mutex<bool>,
    /// Yield to other tasks inside each call, so that concurrent importers interleave.
    pub yields: bool,
}

impl Sink {
    pub fn yielding() -> Self {
        Self {
            yields: true,
            ..Self::default()
        }
    }

    /// How many records were created per order.
    pub fn creations(&self) -> HashMap<OrderId, usize> {
        self.records
            .lock()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.order_id().clone(), v.len()))
            .collect()
    }

    /// Panics when an order was created twice.
    pub fn assert_no_double(&self, context: &str) {
        for (id, n) in self.creations() {
            assert!(n <= 1, "{context}: order {id} created {n} times");
        }
    }

    pub fn total(&self) -> usize {
        self.creations().values().sum()
    }

    pub fn changes(&self) -> Vec<(LocalId, OrderId, OrderStatus, OrderStatus)> {
        self.changes.lock().unwrap().clone()
    }

    async fn pause(&self) {
        if self.yields {
            tokio::task::yield_now().await;
        }
    }
}

#[async_trait::async_trait]
impl market_core::helpers::OrderSink for Sink {
    async fn create(&self, order: &Order, key: &ImportKey) -> Result<LocalId> {
        self.pause().await;
        assert_eq!(
            key,
            &ImportKey::new(order.marketplace.clone(), order.id.clone())
        );
        if self.fail_create.lock().unwrap().contains(&order.id) {
            return Err(Error::validation(&order.id, "erp is down"));
        }
        let n = self.next.fetch_add(1, Ordering::SeqCst);
        let local = LocalId::new(format!("ERP-{n}"));
        self.records
            .lock()
            .unwrap()
            .entry(key.clone())
            .or_default()
            .push(local.clone());
        self.pause().await;
        Ok(local)
    }

    async fn find(&self, key: &ImportKey) -> Result<Option<LocalId>> {
        self.pause().await;
        if *self.fail_find.lock().unwrap() {
            return Err(Error::validation(key, "erp lookup is down"));
        }
        Ok(self
            .records
            .lock()
            .unwrap()
            .get(key)
            .and_then(|r| r.first().cloned()))
    }

    async fn status_changed(
        &self,
        local: &LocalId,
        order: &Order,
        previous: &OrderStatus,
    ) -> Result<()> {
        self.pause().await;
        self.changes.lock().unwrap().push((
            local.clone(),
            order.id.clone(),
            previous.clone(),
            order.status.clone(),
        ));
        Ok(())
    }
}

/// When a [`FlakyStore`] call fails.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// The call fails without doing anything.
    Before,
    /// The call does its work, then reports an error (a commit whose answer was lost).
    After,
}

/// A link store that fails its `fail_at`-th call (counting from 0), in the given way.
pub struct FlakyStore<S> {
    pub inner: S,
    pub calls: AtomicUsize,
    pub fail_at: Mutex<Option<(usize, Failure)>>,
}

impl<S> FlakyStore<S> {
    pub fn new(inner: S) -> Self {
        Self {
            inner,
            calls: AtomicUsize::new(0),
            fail_at: Mutex::new(None),
        }
    }

    /// Fails call `index` of the calls from now on.
    pub fn fail(&self, index: usize, how: Failure) {
        self.calls.store(0, Ordering::SeqCst);
        *self.fail_at.lock().unwrap() = Some((index, how));
    }

    pub fn heal(&self) {
        *self.fail_at.lock().unwrap() = None;
    }

    pub fn calls(&self) -> usize {
        self.calls.load(Ordering::SeqCst)
    }

    fn failing(&self) -> Option<Failure> {
        let n = self.calls.fetch_add(1, Ordering::SeqCst);
        match *self.fail_at.lock().unwrap() {
            Some((index, how)) if index == n => Some(how),
            _ => None,
        }
    }
}

fn store_down() -> Error {
    fake_error("link store", "link store is down")
}

async fn run<T>(failure: Option<Failure>, call: impl Future<Output = Result<T>>) -> Result<T> {
    match failure {
        None => call.await,
        Some(Failure::Before) => Err(store_down()),
        Some(Failure::After) => {
            let _ = call.await;
            Err(store_down())
        }
    }
}

#[async_trait::async_trait]
impl<S: LinkStore> LinkStore for FlakyStore<S> {
    async fn get(&self, m: &MarketplaceKind, id: &OrderId) -> Result<Option<LinkState>> {
        run(self.failing(), self.inner.get(m, id)).await
    }

    async fn insert(
        &self,
        m: &MarketplaceKind,
        id: &OrderId,
        state: LinkState,
    ) -> Result<InsertOutcome> {
        run(self.failing(), self.inner.insert(m, id, state)).await
    }

    async fn replace(
        &self,
        m: &MarketplaceKind,
        id: &OrderId,
        expected: &LinkState,
        new: LinkState,
    ) -> Result<bool> {
        run(self.failing(), self.inner.replace(m, id, expected, new)).await
    }

    async fn open_orders(&self, m: &MarketplaceKind) -> Result<Vec<(OrderId, LinkState)>> {
        run(self.failing(), self.inner.open_orders(m)).await
    }
}
