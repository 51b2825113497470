//! The [`Marketplace`] trait: one interface over every channel.

use async_trait::async_trait;
use futures::StreamExt;
use futures::stream::BoxStream;

use crate::error::{Error, Result};
use crate::ids::{OrderId, TaskId};
use crate::model::{
    BatchReport, CancelReason, Card, CardImportStatus, CardSubmission, Label, MarketplaceKind,
    Order, OrderQuery, Package, PriceUpdate, Return, ReturnQuery, StockUpdate, Warehouse,
};

/// One thing a channel can do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Capability {
    /// [`Marketplace::warehouses`].
    Warehouses,
    /// [`Marketplace::update_stocks`].
    Stocks,
    /// [`Marketplace::update_prices`].
    Prices,
    /// [`Marketplace::publish_cards`] and [`Marketplace::card_import_status`].
    Cards,
    /// [`Marketplace::orders`] and [`Marketplace::order`].
    Orders,
    /// [`Marketplace::confirm_order`].
    ConfirmOrder,
    /// [`Marketplace::pack_order`].
    PackOrder,
    /// [`Marketplace::ship_order`].
    ShipOrder,
    /// [`Marketplace::cancel_order`].
    CancelOrder,
    /// [`Marketplace::label`].
    Labels,
    /// [`Marketplace::returns`].
    Returns,
    /// [`Marketplace::orders`] honours [`WindowBasis::StatusChanged`]: it filters by the time
    /// of the last status change, so a poll sees every change. Without it, an importer also
    /// re-reads the orders that are not final with [`Marketplace::refresh_orders`].
    ///
    /// [`WindowBasis::StatusChanged`]: crate::model::WindowBasis::StatusChanged
    OrderChanges,
}

impl Capability {
    /// Every capability, in declaration order.
    pub const ALL: [Capability; 12] = [
        Self::Warehouses,
        Self::Stocks,
        Self::Prices,
        Self::Cards,
        Self::Orders,
        Self::ConfirmOrder,
        Self::PackOrder,
        Self::ShipOrder,
        Self::CancelOrder,
        Self::Labels,
        Self::Returns,
        Self::OrderChanges,
    ];

    const fn bit(self) -> u32 {
        1 << (self as u32)
    }
}

/// The set of [`Capability`] a client supports.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Capabilities(u32);

impl Capabilities {
    /// No capability.
    pub const NONE: Self = Self(0);

    /// A set from a list.
    pub const fn of(list: &[Capability]) -> Self {
        let mut bits = 0;
        let mut i = 0;
        while i < list.len() {
            bits |= list[i].bit();
            i += 1;
        }
        Self(bits)
    }

    /// This set and one more capability.
    pub const fn with(self, capability: Capability) -> Self {
        Self(self.0 | capability.bit())
    }

    /// True when the set holds `capability`.
    pub const fn supports(self, capability: Capability) -> bool {
        self.0 & capability.bit() != 0
    }

    /// The capabilities in the set.
    pub fn iter(self) -> impl Iterator<Item = Capability> {
        Capability::ALL
            .into_iter()
            .filter(move |c| self.supports(*c))
    }
}

impl std::fmt::Debug for Capabilities {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

/// One seller account on one channel, seen through the seller's model.
///
/// The trait is object safe, so a service can hold every channel in one list:
///
/// ```
/// use market_core::{Capabilities, Capability, Marketplace, MarketplaceKind};
///
/// struct Shop;
///
/// #[async_trait::async_trait]
/// impl Marketplace for Shop {
///     fn kind(&self) -> MarketplaceKind { MarketplaceKind::Other("shop".into()) }
///     fn account(&self) -> &str { "main" }
///     fn capabilities(&self) -> Capabilities { Capabilities::NONE }
/// }
///
/// # tokio::runtime::Builder::new_current_thread().build()?.block_on(async {
/// let channels: Vec<Box<dyn Marketplace>> = vec![Box::new(Shop)];
/// for channel in &channels {
///     if !channel.capabilities().supports(Capability::Stocks) {
///         // Every operation a channel lacks answers a typed error, never a panic.
///         let result = channel.update_stocks(&[]).await;
///         assert!(matches!(result, Err(market_core::Error::Unsupported { .. })));
///     }
/// }
/// # Ok::<(), market_core::Error>(())
/// # })?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// Every method has a default body that returns [`Error::Unsupported`]; a client overrides what
/// its vendor offers and lists it in [`Marketplace::capabilities`].
///
/// Batch methods (`update_stocks`, `update_prices`, `publish_cards`) split their input at the
/// vendor's maximum, reject invalid items locally with their key and send the rest, and return
/// a [`BatchReport`] in which every item given appears exactly once, accepted or rejected. They
/// return `Err` only when nothing could be attempted (unsupported, misconfigured client).
#[async_trait]
pub trait Marketplace: Send + Sync {
    /// The channel.
    fn kind(&self) -> MarketplaceKind;

    /// A label of the seller account (Ozon Client-Id, Yandex Market campaign, RetailCRM site),
    /// never a secret.
    fn account(&self) -> &str;

    /// What this client can do.
    fn capabilities(&self) -> Capabilities;

    /// The seller's warehouses on this channel.
    async fn warehouses(&self) -> Result<Vec<Warehouse>> {
        Err(Error::unsupported(self.kind(), "warehouses"))
    }

    /// Sets the stock of offers.
    async fn update_stocks(&self, updates: &[StockUpdate]) -> Result<BatchReport> {
        let _ = updates;
        Err(Error::unsupported(self.kind(), "update_stocks"))
    }

    /// Sets the prices of offers.
    async fn update_prices(&self, updates: &[PriceUpdate]) -> Result<BatchReport> {
        let _ = updates;
        Err(Error::unsupported(self.kind(), "update_prices"))
    }

    /// Creates or updates product cards. Vendors that import asynchronously return tasks to
    /// follow with [`Marketplace::card_import_status`].
    async fn publish_cards(&self, cards: &[Card]) -> Result<CardSubmission> {
        let _ = cards;
        Err(Error::unsupported(self.kind(), "publish_cards"))
    }

    /// The outcome of a card import task.
    async fn card_import_status(&self, task: &TaskId) -> Result<CardImportStatus> {
        let _ = task;
        Err(Error::unsupported(self.kind(), "card_import_status"))
    }

    /// Streams the orders matching `query`, fetching pages lazily.
    fn orders(&self, query: OrderQuery) -> BoxStream<'_, Result<Order>> {
        let _ = query;
        let err = Error::unsupported(self.kind(), "orders");
        Box::pin(futures::stream::once(async move { Err(err) }))
    }

    /// One order by id.
    async fn order(&self, id: &OrderId) -> Result<Order> {
        let _ = id;
        Err(Error::unsupported(self.kind(), "order"))
    }

    /// Re-reads the current state of known orders (an importer passes the ones that are not
    /// final yet), so that a channel that cannot filter orders by status-change time still
    /// reports every change. Yields the orders it could read, in any order; an order the
    /// channel no longer knows is skipped; an error ends the stream after everything read
    /// before it.
    ///
    /// The default reads the orders one by one with [`Marketplace::order`]; channels with a
    /// batch status method override it.
    fn refresh_orders(&self, ids: Vec<OrderId>) -> BoxStream<'_, Result<Order>> {
        Box::pin(
            futures::stream::iter(ids)
                .then(move |id| async move { self.order(&id).await })
                .scan(false, |failed, item| {
                    // End after the first error: the caller retries the rest next time.
                    if *failed {
                        return futures::future::ready(None);
                    }
                    *failed = item.is_err();
                    futures::future::ready(Some(item))
                }),
        )
    }

    /// Accepts a new order (where the vendor asks the seller to confirm).
    async fn confirm_order(&self, id: &OrderId) -> Result<()> {
        let _ = id;
        Err(Error::unsupported(self.kind(), "confirm_order"))
    }

    /// Packs an order into packages; an empty list means one package with every line.
    async fn pack_order(&self, id: &OrderId, packages: &[Package]) -> Result<()> {
        let _ = (id, packages);
        Err(Error::unsupported(self.kind(), "pack_order"))
    }

    /// Marks an order handed over for delivery (or delivering, for DBS).
    async fn ship_order(&self, id: &OrderId) -> Result<()> {
        let _ = id;
        Err(Error::unsupported(self.kind(), "ship_order"))
    }

    /// Cancels an order by the seller.
    async fn cancel_order(&self, id: &OrderId, reason: &CancelReason) -> Result<()> {
        let _ = (id, reason);
        Err(Error::unsupported(self.kind(), "cancel_order"))
    }

    /// The shipping label of an order.
    async fn label(&self, id: &OrderId) -> Result<Label> {
        let _ = id;
        Err(Error::unsupported(self.kind(), "label"))
    }

    /// Streams the returns matching `query`, fetching pages lazily.
    fn returns(&self, query: ReturnQuery) -> BoxStream<'_, Result<Return>> {
        let _ = query;
        let err = Error::unsupported(self.kind(), "returns");
        Box::pin(futures::stream::once(async move { Err(err) }))
    }
}
