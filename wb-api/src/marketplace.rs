//! `impl market_core::Marketplace for Client`: Wildberries seen through the seller's model.
//!
//! | trait | WB |
//! |---|---|
//! | warehouses | `GET /api/v3/warehouses` (seller warehouses, FBS) |
//! | update_stocks | `PUT /api/v3/stocks/{warehouseId}`: the offer id is the size's **barcode** |
//! | update_prices | `POST /api/v2/upload/task`: the offer id is the seller's article (**vendorCode**), a size's **barcode** or the **nmID**, resolved to the nmID through the cards list (read once, again when an id is unknown); WB's price is the full (strike-through) price in whole roubles and the selling price is reached with a whole-percent discount |
//! | publish_cards | `POST /content/v2/cards/upload`: one card per [`market_core::Card`] (its variants become sizes); a task per 100 articles; an article that is a card already is refused (WB's upload only creates) |
//! | card_import_status | a card found in the cards list is accepted; one in `POST /content/v2/cards/error/list` is rejected with WB's messages; else pending |
//! | orders | `GET /api/v3/orders` by the window, statuses from `POST /api/v3/orders/status` |
//! | confirm_order | adds a new order (`GET /api/v3/orders/new`) to our open supply of its warehouse, `market-rs <warehouse>` (created when none is open) |
//! | ship_order | delivers the order's supply (every order in it goes with it); an order in no supply is added to the open one first |
//! | cancel_order | `PATCH /api/v3/orders/{orderId}/cancel` |
//! | label | the order's sticker (`POST /api/v3/orders/stickers`, SVG 58x40) |
//! | returns | buyer claims (`GET /api/v1/claims`, open then archived) |
//!
//! Not offered through the trait: packing (WB has no packing step). Card images are uploaded
//! with [`crate::api::content::ContentApi::save_media`] once the card has its nmID.

use std::collections::{HashMap, HashSet};

use async_trait::async_trait;
use chrono::{DateTime, TimeDelta, Utc};
use futures::stream::{self, BoxStream, StreamExt, TryStreamExt};
use market_core::batch::{chunks, failed_chunk, is_host_down};
use market_core::{
    AttributeValue, BatchReport, CancelReason, Capabilities, Capability, Card, CardImportState,
    CardImportStatus, CardSubmission, Currency, DeliveryScheme, Error, ItemKey, Label, LabelFormat,
    Lifecycle, Marketplace, MarketplaceKind, Order, OrderId as CoreOrderId, OrderLine, OrderQuery,
    OrderStatus as CoreStatus, PriceUpdate, Rejection, RejectionStage, Result, Return, ReturnLine,
    ReturnQuery, StockUpdate, TaskId, Warehouse,
};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::Client;
use crate::api::orders::ORDERS_STATUS_MAX;
use crate::ids::{CharcId, ChrtId, NmId, OrderId, SubjectId, SupplyId, WarehouseId};
use crate::models::common::StickerType;
use crate::models::content::{
    Card as WbCard, CardToCreate, CardVariant, CardsFilter, CharacteristicValue,
    Dimensions as WbDimensions, NewSize,
};
use crate::models::orders::{
    ORDERS_WINDOW_MAX_DAYS, Order as WbOrder, OrderStatus, OrdersWindow, StickerSize,
    SupplierStatus, WbStatus,
};
use crate::models::prices::GoodPrice;
use crate::models::returns::{Claim, ClaimsQuery};
use crate::models::stocks::StockItem;

/// How far back `order(id)` and `ship_order` look for an order (WB has no single-order read).
pub const LOOKUP_WINDOW: TimeDelta = TimeDelta::days(30);

/// How far back [`Marketplace::refresh_orders`] scans the orders list for the orders it
/// re-reads: WB's `GET /api/v3/orders` covers orders created in the last 3 months.
pub const REFRESH_LOOKBACK: TimeDelta = TimeDelta::days(90);

/// The raw status ([`market_core::OrderStatus::raw`]) of an order whose WB statuses could not
/// be read (the status lookup failed): its lifecycle is [`Lifecycle::Unknown`], and the stream
/// that yields it ends with the lookup's error right after. (An order WB answered without a
/// status has the raw status `/`.)
pub const STATUS_UNREAD: &str = "unread";

/// The ids of a status request tried again after a larger one failed.
pub const STATUS_RETRY_BATCH: usize = 100;

/// The name given to supplies this client creates.
pub const SUPPLY_NAME: &str = "market-rs";

/// Maps WB's two statuses onto the unified lifecycle.
///
/// | WB | lifecycle |
/// |---|---|
/// | wbStatus `canceled`, `canceled_by_client`, `declined_by_client`, `defect`, or supplierStatus `cancel` | Cancelled |
/// | wbStatus `sold` | Delivered |
/// | supplierStatus `new` | AwaitingConfirmation (add it to a supply) |
/// | supplierStatus `confirm` (in a supply, to hand over) | AwaitingShipment |
/// | supplierStatus `complete` (supply delivered), or wbStatus `sorted`, `ready_for_pickup`, `sent_to_carrier`, `accepted_by_carrier`, `postponed_delivery` | InDelivery |
/// | anything else | Unknown |
pub fn lifecycle(supplier: Option<&SupplierStatus>, wb: Option<&WbStatus>) -> Lifecycle {
    match (supplier, wb) {
        (
            _,
            Some(
                WbStatus::Canceled
                | WbStatus::CanceledByClient
                | WbStatus::DeclinedByClient
                | WbStatus::Defect,
            ),
        )
        | (Some(SupplierStatus::Cancel), _) => Lifecycle::Cancelled,
        (_, Some(WbStatus::Sold)) => Lifecycle::Delivered,
        (Some(SupplierStatus::New), _) => Lifecycle::AwaitingConfirmation,
        (Some(SupplierStatus::Confirm), _) => Lifecycle::AwaitingShipment,
        (Some(SupplierStatus::Complete), _)
        | (
            _,
            Some(
                WbStatus::Sorted
                | WbStatus::ReadyForPickup
                | WbStatus::SentToCarrier
                | WbStatus::AcceptedByCarrier
                | WbStatus::PostponedDelivery,
            ),
        ) => Lifecycle::InDelivery,
        _ => Lifecycle::Unknown,
    }
}

/// The raw status kept on the unified order: `supplierStatus/wbStatus`.
fn raw_status(s: Option<&OrderStatus>) -> String {
    let supplier = s
        .and_then(|s| s.supplier_status.as_ref())
        .map_or("", |v| v.as_str());
    let wb = s
        .and_then(|s| s.wb_status.as_ref())
        .map_or("", |v| v.as_str());
    format!("{supplier}/{wb}")
}

/// An order whose statuses could not be read: lifecycle unknown, raw status
/// [`STATUS_UNREAD`].
fn order_status_unread(o: &WbOrder) -> Order {
    let mut order = order_from_order(o, None);
    order.status = CoreStatus::new(Lifecycle::Unknown, STATUS_UNREAD);
    order
}

/// Whether a failed status request may succeed as smaller requests: not when the account,
/// the quota or the connection is the problem.
fn smaller_may_help(e: &Error) -> bool {
    match e {
        Error::Api(api) => matches!(
            api.kind,
            market_core::ApiErrorKind::Server | market_core::ApiErrorKind::BadRequest
        ),
        Error::Decode { .. } | Error::Timeout { .. } => true,
        _ => false,
    }
}

/// A WB assembly task (with its statuses, when known) as an [`Order`].
pub fn order_from_order(o: &WbOrder, status: Option<&OrderStatus>) -> Order {
    let lifecycle = lifecycle(
        status.and_then(|s| s.supplier_status.as_ref()),
        status.and_then(|s| s.wb_status.as_ref()),
    );
    Order {
        marketplace: MarketplaceKind::Wildberries,
        id: CoreOrderId::new(o.id.to_string()),
        parent_id: Some(o.order_uid.clone()).filter(|u| !u.is_empty()),
        scheme: DeliveryScheme::Fbs,
        status: CoreStatus::new(lifecycle, raw_status(status)),
        created_at: o.created_at,
        updated_at: None,
        ship_by: None,
        warehouse_id: Some(o.warehouse_id.to_string().into()),
        currency: if o.currency_code == 643 || o.currency_code == 0 {
            Currency::Rub
        } else {
            Currency::Other(o.currency_code.to_string())
        },
        lines: vec![OrderLine {
            offer_id: o.article.as_str().into(),
            sku: Some(o.nm_id.to_string().into()),
            name: None,
            quantity: 1,
            unit_price: o.price_amount(),
        }],
        raw: serde_json::to_value(o).unwrap_or_default(),
    }
}

/// A WB claim as a [`Return`].
pub fn return_from_claim(c: &Claim) -> Return {
    Return {
        id: c.id.as_str().into(),
        order_id: Some(c.srid.clone())
            .filter(|s| !s.is_empty())
            .map(Into::into),
        scheme: None,
        status: c.status.to_string(),
        created_at: c.dt,
        lines: vec![ReturnLine {
            offer_id: None,
            sku: Some(c.nm_id.to_string().into()),
            quantity: 1,
            reason: Some(c.user_comment.clone()).filter(|s| !s.is_empty()),
        }],
        raw: serde_json::to_value(c).unwrap_or_default(),
    }
}

fn wb_order_id(id: &CoreOrderId) -> Result<OrderId> {
    id.as_str()
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .map(OrderId)
        .ok_or_else(|| {
            Error::validation(
                format!("order {id}"),
                "not a WB assembly task id (a positive number)",
            )
        })
}

/// WB's full price (whole roubles) and whole-percent discount that reach `price` (from
/// `old_price` when set): the selling price WB shows is `full × (100 − discount) / 100`,
/// which is `price` when it is reachable in whole percent, else the nearest to it.
/// `u` has passed [`PriceUpdate::validate`].
fn price_update_to_good_price(u: &PriceUpdate, nm: NmId) -> std::result::Result<GoodPrice, String> {
    let full = u
        .old_price
        .filter(|o| *o > Decimal::ZERO)
        .unwrap_or(u.price);
    let discount = if full > u.price {
        let ratio = u.price.checked_div(full).ok_or("price ratio overflows")?;
        let percent = (Decimal::ONE - ratio)
            .checked_mul(Decimal::from(100))
            .ok_or("discount overflows")?
            .round();
        percent.to_i32().ok_or("discount out of range")?
    } else {
        0
    };
    if !(0..=99).contains(&discount) {
        return Err(format!("a discount of {discount} % is outside WB's 0..=99"));
    }
    let full = full.round_dp(0);
    if full < Decimal::ONE {
        return Err("WB's price is in whole roubles and must be at least 1".into());
    }
    Ok(GoodPrice::new(nm, full, discount))
}

/// Which nmID each of the seller's ids names: the article (`vendorCode`) and every size's
/// barcode, read from the cards list.
#[derive(Debug, Clone, Default)]
pub struct CardIndex {
    by_vendor_code: HashMap<String, NmId>,
    by_barcode: HashMap<String, NmId>,
    nm_ids: HashSet<NmId>,
    /// The size (`chrtId`) of each barcode: WB takes stock by size only.
    size_by_barcode: HashMap<String, ChrtId>,
    /// The size of each card that has exactly one.
    only_size: HashMap<NmId, ChrtId>,
}

impl CardIndex {
    /// Indexes cards.
    pub fn from_cards<'c>(cards: impl IntoIterator<Item = &'c WbCard>) -> Self {
        let mut index = Self::default();
        for card in cards {
            index.add(card);
        }
        index
    }

    fn add(&mut self, card: &WbCard) {
        self.nm_ids.insert(card.nm_id);
        if !card.vendor_code.is_empty() {
            self.by_vendor_code
                .insert(card.vendor_code.clone(), card.nm_id);
        }
        for size in &card.sizes {
            for sku in &size.skus {
                self.by_barcode.insert(sku.clone(), card.nm_id);
                self.size_by_barcode.insert(sku.clone(), size.chrt_id);
            }
        }
        if let [only] = card.sizes.as_slice() {
            self.only_size.insert(card.nm_id, only.chrt_id);
        }
    }

    /// The size (`chrtId`) `offer` names: a barcode's size, else the only size of the card a
    /// seller's article or nmID names.
    pub fn resolve_size(&self, offer: &str) -> Option<ChrtId> {
        let offer = offer.trim();
        self.size_by_barcode.get(offer).copied().or_else(|| {
            self.resolve(offer)
                .and_then(|nm| self.only_size.get(&nm).copied())
        })
    }

    /// The nmID `offer` names: a seller's article first, then a barcode, then an nmID of an
    /// indexed card.
    pub fn resolve(&self, offer: &str) -> Option<NmId> {
        let offer = offer.trim();
        self.by_vendor_code
            .get(offer)
            .or_else(|| self.by_barcode.get(offer))
            .copied()
            .or_else(|| {
                offer
                    .parse::<i64>()
                    .ok()
                    .map(NmId)
                    .filter(|n| self.nm_ids.contains(n))
            })
    }

    /// How many cards are indexed.
    pub fn len(&self) -> usize {
        self.nm_ids.len()
    }

    /// True when no card is indexed.
    pub fn is_empty(&self) -> bool {
        self.nm_ids.is_empty()
    }
}

/// WB's answer to a price upload that changes nothing (the ambiguous "item Nos. are
/// specified incorrectly, or ... already set" is not taken for it).
const PRICES_ALREADY_SET: &str = "The specified prices and discounts are already set";

/// The prefix of the task ids [`Marketplace::publish_cards`] returns.
const CARD_TASK_PREFIX: &str = "wb-cards:";

/// Articles per card task.
const CARD_TASK_SIZE: usize = 100;

fn card_task_articles(task: &TaskId) -> Result<Vec<String>> {
    task.offers(CARD_TASK_PREFIX).ok_or_else(|| {
        Error::validation(
            format!("task {task}"),
            "not a WB card task (returned by publish_cards)",
        )
    })
}

/// Centimetres from millimetres, rounded up (WB takes whole centimetres).
fn cm(mm: u32) -> i64 {
    i64::from(mm.div_ceil(10))
}

/// A seller's card as a WB card to create: the article, name, brand, description,
/// characteristics (attribute ids are WB characteristic ids), packed dimensions, and a size
/// per variant (or one size with the card's barcodes and price).
pub fn card_to_card_to_create(card: &Card) -> std::result::Result<CardToCreate, String> {
    if card.offer_id.as_str().trim().is_empty() {
        return Err("the card has no article (offer id)".into());
    }
    let subject: i64 = card
        .category
        .id
        .as_str()
        .trim()
        .parse()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| {
            format!(
                "category {} is not a WB subject id (a positive number)",
                card.category.id
            )
        })?;
    let mut v = CardVariant::new(card.offer_id.as_str()).with_title(card.name.as_str());
    if let Some(b) = &card.brand {
        v = v.with_brand(b.as_str());
    }
    if let Some(d) = &card.description {
        v = v.with_description(d.as_str());
    }
    if let Some(d) = &card.dimensions {
        v = v.with_dimensions(WbDimensions::new(
            cm(d.length_mm),
            cm(d.width_mm),
            cm(d.height_mm),
            Decimal::new(i64::from(d.weight_g), 3),
        ));
    }
    for a in &card.attributes {
        let id: i64 =
            a.id.as_str()
                .trim()
                .parse()
                .map_err(|_| format!("attribute {} is not a WB characteristic id", a.id))?;
        let value = match a.values.as_slice() {
            [AttributeValue::Number(n)] => CharacteristicValue::number(CharcId(id), *n),
            values => CharacteristicValue::strings(
                CharcId(id),
                values.iter().map(|v| match v {
                    AttributeValue::Text(t) => t.clone(),
                    AttributeValue::Number(n) => n.normalize().to_string(),
                    AttributeValue::Bool(b) => if *b { "Да" } else { "Нет" }.to_owned(),
                    AttributeValue::Dictionary { id, value } => {
                        value.clone().unwrap_or_else(|| id.clone())
                    }
                }),
            ),
        };
        v = v.with_characteristic(value);
    }
    let barcodes = |codes: &[market_core::Barcode]| -> Vec<String> {
        codes.iter().map(|b| b.as_str().to_owned()).collect()
    };
    if card.variants.is_empty() {
        v = v.with_size(NewSize {
            skus: barcodes(&card.barcodes),
            price: card.price,
            ..NewSize::default()
        });
    } else {
        for variant in &card.variants {
            v = v.with_size(NewSize {
                skus: barcodes(&variant.barcodes),
                tech_size: variant.size.clone(),
                price: card.price,
                ..NewSize::default()
            });
        }
    }
    Ok(CardToCreate::new(SubjectId(subject), vec![v]))
}

impl Client {
    /// Reads the whole cards list into the index the trait's prices use.
    pub async fn refresh_card_index(&self) -> Result<usize> {
        let cards: Vec<WbCard> = self
            .content()
            .cards_stream(CardsFilter::default())
            .try_collect()
            .await?;
        let index = CardIndex::from_cards(&cards);
        let n = index.len();
        *self
            .card_index
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = Some(index);
        Ok(n)
    }

    /// Runs `f` on the card index, when this client has one.
    fn with_card_index<R>(&self, f: impl FnOnce(&mut CardIndex) -> R) -> Option<R> {
        self.card_index
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .as_mut()
            .map(f)
    }

    /// The cards some articles (`vendorCode`) already are, by article, from the card index
    /// (read from the cards list when this client has none yet).
    async fn cards_of_articles<'a>(
        &self,
        articles: impl Iterator<Item = &'a str>,
    ) -> Result<HashMap<String, NmId>> {
        let articles: Vec<&str> = articles.map(str::trim).collect();
        let lookup = |index: &mut CardIndex| {
            articles
                .iter()
                .filter_map(|a| {
                    index
                        .by_vendor_code
                        .get(*a)
                        .map(|nm| ((*a).to_owned(), *nm))
                })
                .collect::<HashMap<_, _>>()
        };
        if let Some(found) = self.with_card_index(lookup) {
            return Ok(found);
        }
        self.refresh_card_index().await?;
        Ok(self.with_card_index(lookup).unwrap_or_default())
    }

    /// The size (`chrtId`) of each offer id (a barcode, or the article or nmID of a card with
    /// one size): the cards list is read on first use, and again when an id is not in it. Ids
    /// still unknown are left out.
    pub async fn resolve_sizes(&self, offers: &[&str]) -> Result<HashMap<String, ChrtId>> {
        self.resolve_with(offers, CardIndex::resolve_size).await
    }

    /// The nmID of each offer id (a seller's article, a barcode or an nmID): the cards list
    /// is read on first use, and again when an id is not in it. Ids still unknown are left out.
    pub async fn resolve_nm_ids(&self, offers: &[&str]) -> Result<HashMap<String, NmId>> {
        self.resolve_with(offers, CardIndex::resolve).await
    }

    /// Looks each offer id up in the card index with `find`, reading the cards list on first
    /// use and again when an id is not found.
    async fn resolve_with<T>(
        &self,
        offers: &[&str],
        find: impl Fn(&CardIndex, &str) -> Option<T>,
    ) -> Result<HashMap<String, T>> {
        let lookup = |index: &mut CardIndex| {
            offers
                .iter()
                .filter_map(|o| find(index, o).map(|v| ((*o).to_owned(), v)))
                .collect::<HashMap<_, _>>()
        };
        if let Some(found) = self.with_card_index(lookup)
            && found.len() == offers.iter().collect::<HashSet<_>>().len()
        {
            return Ok(found);
        }
        self.refresh_card_index().await?;
        Ok(self.with_card_index(lookup).unwrap_or_default())
    }
}

impl Client {
    /// The statuses of a page of orders, by id.
    async fn statuses_of(&self, orders: &[WbOrder]) -> Result<HashMap<OrderId, OrderStatus>> {
        let ids: Vec<OrderId> = orders.iter().map(|o| o.id).collect();
        match self.read_statuses(ids).await {
            (statuses, None) => Ok(statuses),
            (_, Some(e)) => Err(e),
        }
    }

    /// Reads the statuses of `ids` (ids that are not positive are not asked for) in requests
    /// of [`ORDERS_STATUS_MAX`]. A request that fails for a reason smaller requests may not
    /// share (a server error, a refusal of the request, an answer that does not decode, a
    /// timeout) is tried again as requests of [`STATUS_RETRY_BATCH`] ids. Returns every
    /// status read and the error that stopped the reading, if one did (the ids after it are
    /// not read).
    async fn read_statuses(
        &self,
        ids: Vec<OrderId>,
    ) -> (HashMap<OrderId, OrderStatus>, Option<Error>) {
        let ids: Vec<OrderId> = ids.into_iter().filter(|id| id.0 > 0).collect();
        let mut out = HashMap::with_capacity(ids.len());
        for chunk in chunks(ids, ORDERS_STATUS_MAX) {
            let first = match self.orders().statuses(chunk.clone()).await {
                Ok(statuses) => {
                    out.extend(statuses.into_iter().map(|s| (s.id, s)));
                    continue;
                }
                Err(e) => e,
            };
            if chunk.len() <= STATUS_RETRY_BATCH || !smaller_may_help(&first) {
                return (out, Some(first));
            }
            tracing::warn!(
                error = %first,
                ids = chunk.len(),
                "WB status lookup failed; trying smaller requests"
            );
            for small in chunks(chunk, STATUS_RETRY_BATCH) {
                match self.orders().statuses(small).await {
                    Ok(statuses) => out.extend(statuses.into_iter().map(|s| (s.id, s))),
                    Err(e) => return (out, Some(e)),
                }
            }
        }
        (out, None)
    }

    /// Orders of the page with their statuses, in the page's order: every order is there,
    /// those whose status could not be read marked [`STATUS_UNREAD`], then the lookup's
    /// error if it failed.
    async fn with_statuses(&self, orders: Vec<WbOrder>) -> Vec<Result<Order>> {
        let (statuses, failure) = self
            .read_statuses(orders.iter().map(|o| o.id).collect())
            .await;
        let mut out: Vec<Result<Order>> = orders
            .iter()
            .map(|o| {
                Ok(match statuses.get(&o.id) {
                    Some(s) => order_from_order(o, Some(s)),
                    None if failure.is_some() => order_status_unread(o),
                    None => order_from_order(o, None),
                })
            })
            .collect();
        out.extend(failure.map(Err));
        out
    }

    /// [`Marketplace::refresh_orders`]: statuses by [`ORDERS_STATUS_MAX`], then one scan of
    /// the orders list, newest window first, until every order WB gave a status for is found
    /// (or [`REFRESH_LOOKBACK`] is covered).
    async fn refresh(&self, ids: Vec<CoreOrderId>) -> Vec<Result<Order>> {
        let mut wanted: Vec<OrderId> = Vec::with_capacity(ids.len());
        let mut unique = HashSet::with_capacity(ids.len());
        for id in &ids {
            match wb_order_id(id) {
                Ok(w) => {
                    if unique.insert(w) {
                        wanted.push(w);
                    }
                }
                Err(_) => tracing::warn!(order = %id, "not a WB assembly task id; skipped"),
            }
        }
        let (statuses, mut failure) = self.read_statuses(wanted.clone()).await;
        // WB answers statuses for the tasks it knows; the others are skipped.
        let mut missing: HashSet<OrderId> = wanted
            .iter()
            .copied()
            .filter(|id| statuses.contains_key(id))
            .collect();
        let mut found: HashMap<OrderId, WbOrder> = HashMap::with_capacity(missing.len());
        let now = Utc::now();
        let oldest = now - REFRESH_LOOKBACK;
        let span = TimeDelta::days(ORDERS_WINDOW_MAX_DAYS);
        let mut end = now;
        'windows: while !missing.is_empty() && end > oldest {
            let start = (end - span).max(oldest);
            let mut list = self.orders().list_stream(OrdersWindow::between(start, end));
            while let Some(item) = list.next().await {
                match item {
                    Ok(o) => {
                        if missing.remove(&o.id) {
                            found.insert(o.id, o);
                            if missing.is_empty() {
                                break 'windows;
                            }
                        }
                    }
                    Err(e) => {
                        match &failure {
                            Some(_) => tracing::warn!(error = %e, "WB order scan failed too"),
                            None => failure = Some(e),
                        }
                        break 'windows;
                    }
                }
            }
            // The next window overlaps this one by a second: WB's bounds are whole seconds.
            end = start + TimeDelta::seconds(1);
            if start <= oldest {
                break;
            }
        }
        if failure.is_none() && !missing.is_empty() {
            tracing::warn!(
                orders = missing.len(),
                "WB gave statuses of orders older than its orders list covers; skipped"
            );
        }
        let mut out: Vec<Result<Order>> = wanted
            .iter()
            .filter_map(|id| found.get(id))
            .map(|o| Ok(order_from_order(o, statuses.get(&o.id))))
            .collect();
        out.extend(failure.map(Err));
        out
    }

    /// Finds an order of the last [`LOOKUP_WINDOW`].
    async fn find_order(&self, id: OrderId) -> Result<WbOrder> {
        let now = Utc::now();
        let mut stream = self
            .orders()
            .list_stream(OrdersWindow::between(now - LOOKUP_WINDOW, now));
        while let Some(o) = stream.try_next().await? {
            if o.id == id {
                return Ok(o);
            }
        }
        Err(Error::validation(
            format!("order {id}"),
            "not found among WB's orders of the last 30 days",
        ))
    }

    /// Our open supply (not yet delivered) for a warehouse, or a new one: WB takes the
    /// orders of one warehouse only into a supply, so ours are named per warehouse.
    async fn open_supply(&self, warehouse: WarehouseId) -> Result<SupplyId> {
        let name = supply_name(warehouse);
        let mut supplies = self.supplies().list_stream();
        let mut open = None;
        while let Some(s) = supplies.try_next().await? {
            if !s.done && s.name == name {
                open = Some(s.id);
            }
        }
        match open {
            Some(id) => Ok(id),
            None => self.supplies().create(&name).await,
        }
    }

    /// Adds an order to our open supply of its warehouse; that supply.
    async fn add_to_our_supply(
        &self,
        id: &CoreOrderId,
        order: OrderId,
        warehouse: WarehouseId,
    ) -> Result<SupplyId> {
        let supply = self.open_supply(warehouse).await?;
        let report = self.supplies().add_orders(&supply, vec![order]).await?;
        match report.rejected.first() {
            Some(r) => Err(Error::validation(
                format!("order {id}"),
                format!(
                    "WB did not add it to supply {supply}: {}{}",
                    r.code
                        .as_deref()
                        .map(|c| format!("{c}: "))
                        .unwrap_or_default(),
                    r.message
                ),
            )),
            None => Ok(supply),
        }
    }
}

/// The name of the supply this client fills for a warehouse: `market-rs <warehouse id>`.
pub fn supply_name(warehouse: WarehouseId) -> String {
    format!("{SUPPLY_NAME} {warehouse}")
}

#[async_trait]
impl Marketplace for Client {
    fn kind(&self) -> MarketplaceKind {
        MarketplaceKind::Wildberries
    }

    fn account(&self) -> &str {
        Client::account(self)
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities::of(&[
            Capability::Warehouses,
            Capability::Stocks,
            Capability::Prices,
            Capability::Cards,
            Capability::Orders,
            Capability::ConfirmOrder,
            Capability::ShipOrder,
            Capability::CancelOrder,
            Capability::Labels,
            Capability::Returns,
        ])
    }

    async fn warehouses(&self) -> Result<Vec<Warehouse>> {
        Ok(self
            .warehouses()
            .list()
            .await?
            .into_iter()
            .map(|w| Warehouse {
                id: w.id.to_string().into(),
                name: w.name.clone(),
                scheme: DeliveryScheme::Fbs,
                active: !w.is_deleting,
                address: None,
                raw: serde_json::to_value(&w).unwrap_or_default(),
            })
            .collect())
    }

    async fn update_stocks(&self, updates: &[StockUpdate]) -> Result<BatchReport> {
        let mut report = BatchReport::new();
        let mut by_warehouse: HashMap<WarehouseId, Vec<(ItemKey, StockItem)>> = HashMap::new();
        // WB takes stock by size (`chrtId`) only: a stock sent by barcode is refused
        // (`SKUUploadDisabled`). Barcodes and single-size articles are read as sizes.
        let wanted: Vec<&str> = updates
            .iter()
            .filter(|u| u.validate(true).is_ok())
            .map(|u| u.offer_id.as_str())
            .collect();
        let sizes = if wanted.is_empty() {
            HashMap::new()
        } else {
            self.resolve_sizes(&wanted).await?
        };
        for u in updates {
            let parsed = u.validate(true).and_then(|()| {
                u.warehouse_id
                    .as_ref()
                    .and_then(|w| w.as_str().trim().parse::<WarehouseId>().ok())
                    .filter(|w| w.0 > 0)
                    .ok_or_else(|| {
                        "the warehouse id is not a WB warehouse id (a positive number)".to_owned()
                    })
                    .and_then(|w| {
                        sizes
                            .get(u.offer_id.as_str())
                            .map(|c| (w, *c))
                            .ok_or_else(|| {
                                "no WB size has this barcode (or the card of this article has \
                                 several sizes): WB takes stock by size (chrtId)"
                                    .to_owned()
                            })
                    })
            });
            // Two updates of one size at one warehouse (a barcode and its article, or the
            // same barcode twice): WB would get the size twice and the two answers could not
            // be told apart, so the second is turned down here.
            let parsed = parsed.and_then(|(w, chrt)| {
                let taken = by_warehouse
                    .get(&w)
                    .is_some_and(|items| items.iter().any(|(_, i)| i.chrt_id == chrt));
                if taken {
                    Err(format!(
                        "another update in this call already sets the stock of WB size {chrt} \
                         at warehouse {w}"
                    ))
                } else {
                    Ok((w, chrt))
                }
            });
            match parsed {
                Ok((w, chrt)) => by_warehouse
                    .entry(w)
                    .or_default()
                    .push((u.key(), StockItem::chrt(chrt, u.quantity))),
                Err(m) => report.reject_invalid(u.key(), m),
            }
        }
        // Once a warehouse's request could not be sent (host down, credentials refused), the
        // other warehouses' items are not sent either: one warehouse's retries, not one each.
        let mut stop: Option<String> = None;
        for (warehouse, items) in by_warehouse {
            let keys: HashMap<ChrtId, ItemKey> =
                items.iter().map(|(k, i)| (i.chrt_id, k.clone())).collect();
            let all_keys: Vec<ItemKey> = items.iter().map(|(k, _)| k.clone()).collect();
            if let Some(reason) = &stop {
                for k in all_keys {
                    report.not_sent_item(
                        k,
                        Some("not_sent".into()),
                        format!("not sent: an earlier warehouse's request was not sent: {reason}"),
                    );
                }
                continue;
            }
            let sent = match self
                .stocks()
                .update(warehouse, items.into_iter().map(|(_, i)| i).collect())
                .await
            {
                Ok(sent) => sent,
                // A refusal of one warehouse's items must not lose the other warehouses'.
                Err(e) => {
                    if is_host_down(&e) {
                        stop = Some(e.to_string());
                    }
                    report.merge(failed_chunk(all_keys, &e));
                    continue;
                }
            };
            // Each item of this warehouse exactly once, under the caller's key.
            let sent = BatchReport::settle(
                &all_keys,
                sent.map_keys(|k| {
                    keys.get(&k.chrt_id)
                        .cloned()
                        .unwrap_or_else(|| ItemKey::stock(k.to_string(), warehouse.to_string()))
                }),
            );
            if let Some(r) = sent.not_sent().next() {
                stop = Some(
                    r.message
                        .strip_prefix("not sent: ")
                        .unwrap_or(&r.message)
                        .to_owned(),
                );
            }
            report.merge(sent);
        }
        Ok(report)
    }

    async fn update_prices(&self, updates: &[PriceUpdate]) -> Result<BatchReport> {
        let mut report = BatchReport::new();
        let mut items = Vec::new();
        let mut keys: HashMap<NmId, ItemKey> = HashMap::new();
        let checked: Vec<std::result::Result<(), String>> =
            updates.iter().map(|u| u.validate(None)).collect();
        let wanted: Vec<&str> = updates
            .iter()
            .zip(&checked)
            .filter(|(_, c)| c.is_ok())
            .map(|(u, _)| u.offer_id.as_str())
            .collect();
        let nm_ids = if wanted.is_empty() {
            HashMap::new()
        } else {
            self.resolve_nm_ids(&wanted).await?
        };
        for (u, check) in updates.iter().zip(checked) {
            let priced = check.and_then(|()| {
                let nm = nm_ids
                    .get(u.offer_id.as_str())
                    .copied()
                    .ok_or_else(|| "no WB card has this article, barcode or nmID".to_owned())?;
                if keys.contains_key(&nm) {
                    return Err(format!(
                        "another update in this call already prices card {nm} (WB prices per card)"
                    ));
                }
                price_update_to_good_price(u, nm)
            });
            match priced {
                Ok(g) => {
                    keys.insert(g.nm_id, u.key());
                    items.push(g);
                }
                Err(m) => report.reject_invalid(u.key(), m),
            }
        }
        if !items.is_empty() {
            let sent_keys: Vec<ItemKey> = items
                .iter()
                .filter_map(|g: &GoodPrice| keys.get(&g.nm_id).cloned())
                .collect();
            let mut sent = self.prices().upload(items).await?;
            // WB refuses an upload that changes nothing: those prices are in force.
            let (in_force, refused): (Vec<_>, Vec<_>) = std::mem::take(&mut sent.report.rejected)
                .into_iter()
                .partition(|r| {
                    // WB's wording, compared ignoring case (its texts change case between
                    // spec versions).
                    let text = r.message.to_lowercase();
                    text.contains(&PRICES_ALREADY_SET.to_lowercase())
                        && !text.contains("specified incorrectly")
                });
            sent.report.rejected = refused;
            sent.report
                .accepted
                .extend(in_force.into_iter().map(|r| r.key));
            // Each price sent exactly once, under the caller's key.
            report.merge(BatchReport::settle(
                &sent_keys,
                sent.report.map_keys(|nm| {
                    keys.get(&nm)
                        .cloned()
                        .unwrap_or_else(|| ItemKey::offer(nm.to_string()))
                }),
            ));
        }
        Ok(report)
    }

    /// Uploads the cards (WB creates them asynchronously); the tasks name the articles sent.
    async fn publish_cards(&self, cards: &[Card]) -> Result<CardSubmission> {
        let mut report = BatchReport::new();
        let mut items = Vec::with_capacity(cards.len());
        // WB's upload only creates cards: an article that is a card already would be listed
        // as an error by WB and left unchanged, so it is refused here with the way to go.
        let existing = if cards.is_empty() {
            HashMap::new()
        } else {
            self.cards_of_articles(cards.iter().map(|c| c.offer_id.as_str()))
                .await?
        };
        for card in cards {
            if let Some(nm) = existing.get(card.offer_id.as_str().trim()) {
                report.reject(
                    card.key(),
                    RejectionStage::Validation,
                    Some("exists".into()),
                    format!(
                        "article {} is WB card {nm} already: WB's upload only creates cards; change it with content().update",
                        card.offer_id
                    ),
                );
                continue;
            }
            match card_to_card_to_create(card) {
                Ok(item) => items.push(item),
                Err(message) => report.reject_invalid(card.key(), message),
            }
        }
        let mut tasks = Vec::new();
        if !items.is_empty() {
            let sent = self.content().upload(items).await?;
            let accepted: Vec<String> = sent.accepted.clone();
            tasks = accepted
                .chunks(CARD_TASK_SIZE)
                .map(|c| TaskId::of_offers(CARD_TASK_PREFIX, c))
                .collect();
            report.merge(sent.map_keys(ItemKey::offer));
        }
        Ok(CardSubmission { tasks, report })
    }

    /// A card in the cards list is accepted; one in WB's error list is rejected with WB's
    /// messages; the rest are pending.
    async fn card_import_status(&self, task: &TaskId) -> Result<CardImportStatus> {
        let articles = card_task_articles(task)?;
        let wanted: HashSet<&str> = articles.iter().map(String::as_str).collect();
        let mut errors: HashMap<String, Vec<String>> = HashMap::new();
        let mut batches = self.content().card_errors_stream(false);
        while let Some(batch) = batches.try_next().await? {
            for (article, messages) in batch.errors {
                if wanted.contains(article.as_str()) {
                    errors.entry(article).or_default().extend(messages);
                }
            }
        }
        let mut report = BatchReport::new();
        let mut pending = false;
        for article in &articles {
            let found = self
                .content()
                .cards(&crate::models::content::CardsListRequest::first(
                    CardsFilter::default().with_text_search(article.as_str()),
                    crate::api::content::CARDS_LIST_PAGE_MAX,
                ))
                .await?
                .cards
                .into_iter()
                .find(|c| &c.vendor_code == article);
            let key = ItemKey::offer(article.as_str());
            match (found, errors.remove(article)) {
                (Some(card), _) => {
                    self.with_card_index(|index| index.add(&card));
                    report.accept(key);
                }
                (None, Some(messages)) => report.rejected.push(Rejection {
                    key,
                    stage: RejectionStage::Vendor,
                    retry_after: None,
                    code: None,
                    message: messages.join("; "),
                }),
                (None, None) => pending = true,
            }
        }
        Ok(CardImportStatus {
            task_id: task.clone(),
            state: if pending {
                CardImportState::Pending
            } else {
                CardImportState::Done
            },
            report,
        })
    }

    /// Orders created in the window (WB cannot filter by status-change time: see
    /// [`Marketplace::refresh_orders`]), a page of the list then the statuses of its orders.
    ///
    /// Every order read is yielded before an error: when a later page fails, the orders of
    /// the pages before it come first; when the status lookup fails (after a second try in
    /// smaller requests), the orders whose status was not read are yielded marked
    /// [`STATUS_UNREAD`] (lifecycle [`Lifecycle::Unknown`], whatever the status filter asks),
    /// then the error ends the stream.
    fn orders(&self, query: OrderQuery) -> BoxStream<'_, Result<Order>> {
        if !query.wants_scheme(&DeliveryScheme::Fbs) {
            return stream::empty().boxed();
        }
        let window = OrdersWindow::between(query.window.since, query.window.until);
        self.orders()
            .list_stream(window)
            .chunks(crate::api::orders::ORDERS_STATUS_MAX)
            .then(move |chunk| async move {
                let mut orders: Vec<WbOrder> = Vec::with_capacity(chunk.len());
                let mut failure = None;
                for item in chunk {
                    match item {
                        Ok(o) => orders.push(o),
                        Err(e) => {
                            failure = Some(e);
                            break;
                        }
                    }
                }
                let mut out = self.with_statuses(orders).await;
                out.extend(failure.map(Err));
                out
            })
            .flat_map(stream::iter)
            .filter(move |r| {
                let keep = match r {
                    Ok(o) => {
                        o.status.raw == STATUS_UNREAD || query.wants_status(o.status.lifecycle)
                    }
                    Err(_) => true,
                };
                futures::future::ready(keep)
            })
            .scan(false, |failed, item| {
                // Nothing after an error: the orders read before it are all yielded.
                if *failed {
                    return futures::future::ready(None);
                }
                *failed = item.is_err();
                futures::future::ready(Some(item))
            })
            .boxed()
    }

    /// Re-reads known orders: their statuses through `POST /api/v3/orders/status` (1000 ids a
    /// request), their details from one scan of `GET /api/v3/orders`, newest 30 days first,
    /// stopping once every order WB gave a status for is found ([`REFRESH_LOOKBACK`] at
    /// most). Requests grow with ids / 1000 and with list pages, not with ids. Ids WB gives
    /// no status for, ids that are not WB's, and orders older than the list covers are
    /// skipped. Every order read is yielded, then the error if one came.
    fn refresh_orders(&self, ids: Vec<CoreOrderId>) -> BoxStream<'_, Result<Order>> {
        stream::once(self.refresh(ids))
            .flat_map(stream::iter)
            .boxed()
    }

    async fn order(&self, id: &CoreOrderId) -> Result<Order> {
        let order = self.find_order(wb_order_id(id)?).await?;
        let statuses = self.statuses_of(std::slice::from_ref(&order)).await?;
        Ok(order_from_order(&order, statuses.get(&order.id)))
    }

    /// Adds a new order to our open supply of its warehouse (created when there is none).
    async fn confirm_order(&self, id: &CoreOrderId) -> Result<()> {
        let order = wb_order_id(id)?;
        let warehouse = self
            .orders()
            .list_new()
            .await?
            .into_iter()
            .find(|o| o.id == order)
            .map(|o| o.warehouse_id)
            .ok_or_else(|| {
                Error::validation(
                    format!("order {id}"),
                    "not among WB's new orders (already confirmed, cancelled, or unknown)",
                )
            })?;
        self.add_to_our_supply(id, order, warehouse)
            .await
            .map(|_| ())
    }

    /// Delivers the supply holding the order (WB ships supplies, so every order in it goes);
    /// an order not yet in a supply is first added to the open one, as `confirm_order` does.
    async fn ship_order(&self, id: &CoreOrderId) -> Result<()> {
        let order = self.find_order(wb_order_id(id)?).await?;
        let supply = match order.supply_id.filter(|s| !s.as_str().is_empty()) {
            Some(s) => s,
            None => {
                self.add_to_our_supply(id, order.id, order.warehouse_id)
                    .await?
            }
        };
        self.supplies().deliver(&supply).await
    }

    async fn cancel_order(&self, id: &CoreOrderId, reason: &CancelReason) -> Result<()> {
        let _ = reason; // WB's cancel takes no reason.
        self.orders().cancel(wb_order_id(id)?).await
    }

    async fn label(&self, id: &CoreOrderId) -> Result<Label> {
        let files = self
            .orders()
            .stickers(
                vec![wb_order_id(id)?],
                StickerType::Svg,
                StickerSize::W58H40,
            )
            .await?;
        let file = files
            .into_iter()
            .next()
            .ok_or_else(|| Error::validation(format!("order {id}"), "WB returned no sticker"))?;
        Ok(Label {
            order_id: id.clone(),
            format: match file.format {
                StickerType::Png => LabelFormat::Png,
                StickerType::Zplv | StickerType::Zplh => LabelFormat::Zpl,
                _ => LabelFormat::Svg,
            },
            bytes: file.bytes.into(),
        })
    }

    fn returns(&self, query: ReturnQuery) -> BoxStream<'_, Result<Return>> {
        let window = query.window;
        let in_window = move |c: &Claim| {
            c.dt.is_none_or(|d: DateTime<Utc>| d >= window.since && d < window.until)
        };
        self.returns()
            .claims_stream(ClaimsQuery::open())
            .chain(self.returns().claims_stream(ClaimsQuery::archived()))
            .try_filter(move |c| futures::future::ready(in_window(c)))
            .map_ok(|c| return_from_claim(&c))
            .boxed()
    }
}
