//! `impl market_core::Marketplace for CampaignClient`: one Yandex Market campaign (shop) seen
//! through the seller's model. Catalogue and prices belong to the business, stocks and orders
//! to the campaign.
//!
//! | trait | Yandex Market |
//! |---|---|
//! | warehouses | `getPagedWarehouses` for the campaign with their status (inactive when switched off by the seller; placement type from `getCampaign`) |
//! | update_stocks | `updateStocks`: the offer id is the seller's SKU (`offerId`); stocks are per campaign, so the warehouse id is optional and, when given, must be one of the campaign's (read once per client) |
//! | update_prices | `updateBusinessPrices`: `price` → `value`, `old_price` → `discountBase` (a whole number above the price), in roubles; `min_price` is not sent (YM has no such field) |
//! | publish_cards | `updateOfferMappings`: YM checks synchronously (per-offer errors; a request with an offer in error saves nothing, so the offers held back only for that are sent once more on their own); a task per 200 offers follows the cards |
//! | card_import_status | `getOfferCardsContentStatus`: a card that exists or that YM will create is accepted, one with errors (or needing content) rejected with YM's messages, one being checked pending |
//! | orders | `getBusinessOrders` for the campaign: changes (`WindowBasis::StatusChanged`) by update time (`updateDateFrom/To`), a creation window by Moscow creation days (30 a request) then creation time; an order that cannot be read or mapped (money overflowing, a date beyond chrono) is an error item and the stream goes on; `ship_by` is the end of the shipment day (Moscow; none on the last day chrono knows); test orders too (after the real ones) with [`CampaignClient::with_fake_orders`] |
//! | refresh_orders | `getBusinessOrders` by `orderIds`, 50 a request |
//! | order | `getBusinessOrders` by `orderIds` |
//! | pack_order | `setOrderBoxLayout`: one box per package, lines by the order's items (no packages: one box with every line) |
//! | ship_order | `updateOrderStatus` to `PROCESSING/READY_TO_SHIP` (DBS: `DELIVERY`) |
//! | cancel_order | `updateOrderStatus` to `CANCELLED/SHOP_FAILED` |
//! | label | `generateOrderLabels` (PDF, all boxes) |
//! | confirm_order | `updateOrderStatus` from `PROCESSING/AWAIT_CONFIRMATION` to `PROCESSING/STARTED`; an order already past it (most FBS orders arrive `STARTED`) is left alone |
//! | returns | `getReturns` of the window's days (YM filters by update date), then by update time (creation time when there is none) |

use std::collections::{HashMap, HashSet};

use async_trait::async_trait;
use chrono::{DateTime, Days, NaiveDate, NaiveTime, TimeDelta, Utc};
use futures::stream::{BoxStream, StreamExt, TryStreamExt};
use market_core::batch::convert_each;
use market_core::{
    AttributeValue, BatchReport, CancelReason, Capabilities, Capability, Card, CardImportState,
    CardImportStatus, CardSubmission, Currency, DeliveryScheme, Error, ItemKey, Label, Lifecycle,
    Marketplace, MarketplaceKind, Order, OrderId as CoreOrderId, OrderLine, OrderQuery,
    OrderStatus as CoreStatus, Package, PriceUpdate, Rejection, RejectionStage, Result, Return,
    ReturnLine, ReturnQuery, StockUpdate, TaskId, Warehouse, WindowBasis,
};
use rust_decimal::Decimal;

use crate::api::offers::PageQuery;
use crate::client::CampaignClient;
use crate::ids::{CampaignId, OrderId};
use crate::models::campaigns::PlacementType;
use crate::models::offers::{
    GetOfferCardsContentStatusRequest, OfferCard, OfferCardStatus, ParameterValue, UpdateOffer,
    UpdateOfferMapping,
};
use crate::models::orders::{
    BusinessOrder, BusinessOrdersRequest, OrderBox, OrderBoxItem, OrderDatesFilter, OrderStatus,
    OrderStatusChange, OrderSubstatus, SellingProgramType, SetOrderBoxLayoutRequest,
};
use crate::models::prices::BusinessOfferPrice;
use crate::models::returns::ReturnsFilter;
use crate::models::stocks::StockUpdate as YmStock;
use crate::models::warehouses::{PagedWarehousesRequest, WarehouseComponent, WarehouseStatusType};

/// The prefix of the task ids [`Marketplace::publish_cards`] returns.
const CARD_TASK_PREFIX: &str = "ym-cards:";

/// Offers per card task (the card status read's maximum per request).
const CARD_TASK_SIZE: usize = 200;

/// The Moscow calendar day of a time (Yandex Market gives days in Moscow time, UTC+3); the
/// UTC day at the very end of chrono's range, where three hours more do not exist.
pub(crate) fn moscow_day(t: DateTime<Utc>) -> NaiveDate {
    t.checked_add_signed(TimeDelta::hours(3))
        .unwrap_or(t)
        .date_naive()
}

/// The start of a Moscow calendar day; `None` before the start of chrono's range.
fn moscow_midnight(d: NaiveDate) -> Option<DateTime<Utc>> {
    d.and_time(NaiveTime::MIN)
        .checked_sub_signed(TimeDelta::hours(3))
        .map(|t| t.and_utc())
}

/// The end of a Moscow shipment day (the start of the next), the trait's `ship_by`; `None`
/// for a day at the end of chrono's range (`+262142-12-31`), which is no deadline anyone
/// can keep.
fn ship_by(day: NaiveDate) -> Option<DateTime<Utc>> {
    moscow_midnight(day.checked_add_days(Days::new(1))?)
}

/// The creation-day filters of a window `[since, until)`: the Moscow days it touches, at
/// most [`ORDERS_WINDOW_DAYS_MAX`](crate::api::orders::ORDERS_WINDOW_DAYS_MAX) days a filter
/// (`creationDateTo` excluded, as the spec has it).
fn creation_days(since: DateTime<Utc>, until: DateTime<Utc>) -> Vec<OrderDatesFilter> {
    let step = Days::new(crate::api::orders::ORDERS_WINDOW_DAYS_MAX.unsigned_abs());
    let first = moscow_day(since);
    let last = moscow_day(until);
    let end = last
        .checked_add_days(Days::new(1))
        .unwrap_or(last)
        .max(first);
    let mut out = Vec::new();
    let mut from = first;
    loop {
        let to = from.checked_add_days(step).unwrap_or(end).min(end);
        out.push(OrderDatesFilter {
            creation_date_from: Some(from),
            creation_date_to: Some(to),
            ..OrderDatesFilter::default()
        });
        if to <= from || to >= end {
            return out;
        }
        from = to;
    }
}

/// Maps Yandex Market's status and substatus onto the unified lifecycle.
///
/// | status / substatus | lifecycle |
/// |---|---|
/// | `PLACING`, `RESERVED`, `UNPAID`, `PENDING` | Pending |
/// | `PROCESSING` / `AWAIT_CONFIRMATION` | AwaitingConfirmation |
/// | `PROCESSING` / `STARTED`, `PACKAGING` and any other substatus | AwaitingPackaging |
/// | `PROCESSING` / `READY_TO_SHIP` | AwaitingShipment |
/// | `PROCESSING` / `SHIPPED`, `DELIVERY`, `PICKUP` | InDelivery |
/// | `DELIVERED` | Delivered |
/// | `CANCELLED` | Cancelled |
/// | `RETURNED`, `PARTIALLY_RETURNED` | Returned |
/// | anything else | Unknown |
pub fn lifecycle(status: &OrderStatus, substatus: &OrderSubstatus) -> Lifecycle {
    match status {
        OrderStatus::Placing
        | OrderStatus::Reserved
        | OrderStatus::Unpaid
        | OrderStatus::Pending => Lifecycle::Pending,
        OrderStatus::Processing => match substatus {
            OrderSubstatus::AwaitConfirmation => Lifecycle::AwaitingConfirmation,
            OrderSubstatus::ReadyToShip => Lifecycle::AwaitingShipment,
            OrderSubstatus::Shipped => Lifecycle::InDelivery,
            _ => Lifecycle::AwaitingPackaging,
        },
        OrderStatus::Delivery | OrderStatus::Pickup => Lifecycle::InDelivery,
        OrderStatus::Delivered => Lifecycle::Delivered,
        OrderStatus::Cancelled => Lifecycle::Cancelled,
        OrderStatus::Returned | OrderStatus::PartiallyReturned => Lifecycle::Returned,
        _ => Lifecycle::Unknown,
    }
}

fn scheme_of(program: Option<&SellingProgramType>) -> DeliveryScheme {
    match program {
        Some(SellingProgramType::Fby) => DeliveryScheme::Fby,
        Some(SellingProgramType::Dbs) => DeliveryScheme::Dbs,
        Some(SellingProgramType::Express) => DeliveryScheme::Express,
        Some(SellingProgramType::Fbs) | None => DeliveryScheme::Fbs,
        Some(other) => DeliveryScheme::Other(other.as_str().to_owned()),
    }
}

fn placement_scheme(p: Option<&PlacementType>) -> DeliveryScheme {
    match p {
        Some(PlacementType::Fby) => DeliveryScheme::Fby,
        Some(PlacementType::Dbs) => DeliveryScheme::Dbs,
        Some(PlacementType::Fbs) | None => DeliveryScheme::Fbs,
        Some(other) => DeliveryScheme::Other(other.as_str().to_owned()),
    }
}

/// A Yandex Market order as an [`Order`]. A line's unit price is what the buyer paid for all
/// its units (`payment` + `cashback`, YM gives totals per line) divided by the count;
/// Yandex Market's subsidies to the seller are in `raw`.
///
/// The arithmetic is checked: a line whose money overflows (`payment + cashback` beyond
/// [`Decimal::MAX`]) or whose count is no whole number of units (negative, or beyond `u32`)
/// makes the order an [`Error::Decode`] naming it, rather than a made-up amount or a panic.
/// A shipment day at the end of chrono's range leaves `ship_by` empty.
pub fn order_from_business_order(o: &BusinessOrder) -> Result<Order> {
    let bad = |i: usize, field: &str, message: String| Error::Decode {
        vendor: market_core::MarketplaceKind::YandexMarket.name(),
        operation: crate::api::orders::BUSINESS_ORDERS_GET.name,
        path: format!("order {}: items[{i}].{field}", o.order_id),
        message,
        excerpt: String::new(),
    };
    let lines = o
        .items
        .iter()
        .enumerate()
        .map(|(n, i)| {
            let money = |v: Option<&crate::models::common::CurrencyValue>| {
                v.map_or(Decimal::ZERO, |v| v.value)
            };
            let total = match &i.prices {
                Some(p) => money(p.payment.as_ref())
                    .checked_add(money(p.cashback.as_ref()))
                    .ok_or_else(|| {
                        bad(
                            n,
                            "prices",
                            "payment + cashback overflows a decimal".to_owned(),
                        )
                    })?,
                None => Decimal::ZERO,
            };
            let quantity = u32::try_from(i.count)
                .map_err(|_| bad(n, "count", format!("{} is not a number of units", i.count)))?;
            let unit_price = total
                .checked_div(Decimal::from(quantity.max(1)))
                .ok_or_else(|| bad(n, "prices", "the unit price overflows".to_owned()))?
                .round_dp(2);
            Ok(OrderLine {
                offer_id: i.offer_id.as_str().into(),
                sku: None,
                name: Some(i.offer_name.clone()).filter(|n| !n.is_empty()),
                quantity,
                unit_price,
            })
        })
        .collect::<Result<Vec<_>>>()?;
    let currency = o
        .items
        .iter()
        .filter_map(|i| i.prices.as_ref()?.payment.as_ref())
        .map(|v| v.currency_id.as_str().to_owned())
        .next()
        .map_or(Currency::Rub, |c| {
            if c.eq_ignore_ascii_case("RUR") || c.eq_ignore_ascii_case("RUB") {
                Currency::Rub
            } else {
                Currency::Other(c)
            }
        });
    Ok(Order {
        marketplace: MarketplaceKind::YandexMarket,
        id: CoreOrderId::new(o.order_id.to_string()),
        parent_id: o.external_order_id.clone().filter(|s| !s.is_empty()),
        scheme: scheme_of(o.program_type.as_ref()),
        status: CoreStatus::new(
            lifecycle(&o.status, &o.substatus),
            format!("{}/{}", o.status.as_str(), o.substatus.as_str()),
        ),
        created_at: o.creation_date,
        updated_at: o.update_date,
        ship_by: o
            .delivery
            .shipment
            .as_ref()
            .and_then(|s| ship_by(s.shipment_date)),
        warehouse_id: o
            .delivery
            .warehouse_id
            .clone()
            .filter(|w| !w.is_empty())
            .map(Into::into),
        currency,
        lines,
        raw: serde_json::to_value(o).unwrap_or_default(),
    })
}

/// A Yandex Market return as a [`Return`].
pub fn return_from_return(r: &crate::models::returns::Return) -> Return {
    Return {
        id: r.id.to_string().into(),
        order_id: Some(CoreOrderId::new(r.order_id.to_string())),
        scheme: None,
        status: r
            .refund_status
            .as_ref()
            .map(|s| s.as_str().to_owned())
            .unwrap_or_default(),
        created_at: r.creation_date,
        lines: r
            .items
            .iter()
            .map(|i| ReturnLine {
                offer_id: Some(i.shop_sku.as_str().into()).filter(|_| !i.shop_sku.is_empty()),
                sku: i.market_sku.map(|s| s.to_string().into()),
                quantity: u32::try_from(i.count).unwrap_or(0),
                reason: i
                    .decisions
                    .iter()
                    .find_map(|d| d.comment.clone())
                    .filter(|c| !c.is_empty()),
            })
            .collect(),
        raw: serde_json::to_value(r).unwrap_or_default(),
    }
}

/// A seller's card as a Yandex Market offer: article, name, category (the card's category
/// id is Yandex Market's `marketCategoryId`), pictures, brand (`vendor`), description,
/// barcodes, dimensions (cm, kg), parameters (attribute ids are YM parameter ids) and the
/// price (`basicPrice`).
pub fn card_to_update_offer_mapping(
    card: &Card,
) -> std::result::Result<UpdateOfferMapping, String> {
    let category: i64 = card
        .category
        .id
        .as_str()
        .trim()
        .parse()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| {
            format!(
                "category {} is not a Yandex Market category id (a positive number)",
                card.category.id
            )
        })?;
    let mut offer = UpdateOffer::create(
        card.offer_id.as_str(),
        card.name.as_str(),
        category,
        card.images.iter().map(|u| u.to_string()),
        card.brand.clone().unwrap_or_default(),
        card.description.clone().unwrap_or_default(),
    );
    if card.brand.is_none() {
        offer.vendor = None;
    }
    if card.description.is_none() {
        offer.description = None;
    }
    offer.barcodes = card
        .barcodes
        .iter()
        .chain(card.variants.iter().flat_map(|v| v.barcodes.iter()))
        .map(|b| b.as_str().to_owned())
        .collect();
    if let Some(d) = &card.dimensions {
        offer.weight_dimensions = Some(crate::models::offers::WeightDimensions {
            length: Decimal::new(i64::from(d.length_mm), 1),
            width: Decimal::new(i64::from(d.width_mm), 1),
            height: Decimal::new(i64::from(d.height_mm), 1),
            weight: Decimal::new(i64::from(d.weight_g), 3),
        });
    }
    for a in &card.attributes {
        let id: i64 =
            a.id.as_str()
                .trim()
                .parse()
                .map_err(|_| format!("attribute {} is not a Yandex Market parameter id", a.id))?;
        for v in &a.values {
            offer.parameter_values.push(match v {
                AttributeValue::Text(t) => ParameterValue::text(id, t.as_str()),
                AttributeValue::Number(n) => ParameterValue::text(id, n.normalize().to_string()),
                AttributeValue::Bool(b) => ParameterValue::text(id, b.to_string()),
                AttributeValue::Dictionary {
                    id: value_id,
                    value,
                } => ParameterValue {
                    parameter_id: id.into(),
                    unit_id: None,
                    value_id: value_id.trim().parse().ok(),
                    value: value.clone(),
                },
            });
        }
    }
    if let Some(price) = card.price {
        offer.basic_price = Some(crate::models::offers::PriceWithDiscount::rub(price));
    }
    Ok(UpdateOfferMapping::new(offer))
}

/// What a card status says about the card.
fn card_outcome(card: &OfferCard) -> Option<std::result::Result<(), String>> {
    let messages = || {
        let text: Vec<String> = card
            .errors
            .iter()
            .filter_map(|e| e.message.clone())
            .collect();
        if text.is_empty() {
            card.card_status
                .as_ref()
                .map_or_else(String::new, |s| s.as_str().to_owned())
        } else {
            text.join("; ")
        }
    };
    match card.card_status.as_ref()? {
        OfferCardStatus::HasCardCanNotUpdate
        | OfferCardStatus::HasCardCanUpdate
        | OfferCardStatus::NoCardMarketWillCreate
        | OfferCardStatus::NoCardAddToCampaign => Some(Ok(())),
        OfferCardStatus::HasCardCanUpdateErrors
        | OfferCardStatus::NoCardErrors
        | OfferCardStatus::NoCardNeedContent => Some(Err(messages())),
        OfferCardStatus::HasCardCanUpdateProcessing | OfferCardStatus::NoCardProcessing => None,
        _ => None,
    }
}

/// `Ok` unless the offer (trimmed, as Yandex Market reads it) is among `seen` already.
fn first_entry(seen: &HashMap<String, ItemKey>, offer_id: &str) -> std::result::Result<(), String> {
    if seen.contains_key(offer_id.trim()) {
        Err("the offer appears more than once; only its first entry is sent".into())
    } else {
        Ok(())
    }
}

fn ym_order_id(id: &CoreOrderId) -> Result<OrderId> {
    id.as_str()
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .map(OrderId)
        .ok_or_else(|| {
            Error::validation(
                format!("order {id}"),
                "not a Yandex Market order id (a positive number)",
            )
        })
}

impl CampaignClient {
    /// The ids of the campaign's warehouses, read once per client (the warehouse list has a
    /// quota of 100 an hour).
    async fn warehouse_ids(&self) -> Result<&HashSet<String>> {
        self.warehouse_ids
            .get_or_try_init(|| async {
                Ok(self
                    .campaign_warehouses()
                    .await?
                    .into_iter()
                    .map(|w| w.id.to_string())
                    .collect())
            })
            .await
    }

    /// The campaign's warehouses.
    async fn campaign_warehouses(
        &self,
    ) -> Result<Vec<crate::models::warehouses::WarehouseDetails>> {
        self.client
            .warehouses()
            .list_stream(
                self.business,
                PagedWarehousesRequest::default()
                    .with_campaign_ids([self.campaign])
                    .with_components([WarehouseComponent::Status]),
            )
            .try_filter(|w| futures::future::ready(w.campaign_id == self.campaign))
            .try_collect()
            .await
    }

    /// One order of this campaign.
    async fn find(&self, id: &CoreOrderId) -> Result<BusinessOrder> {
        let order = ym_order_id(id)?;
        self.client
            .orders()
            .get(self.business, order)
            .await?
            .filter(|o| o.campaign_id == self.campaign)
            .ok_or_else(|| {
                Error::validation(
                    format!("order {id}"),
                    format!("not an order of campaign {}", self.campaign),
                )
            })
    }

    /// The current state of up to 50 orders of the campaign (real ones, then test ones among
    /// those not found when test orders are read), mapped; orders not found are left out.
    async fn current(&self, ids: Vec<OrderId>, campaign: CampaignId) -> Result<Vec<Result<Order>>> {
        let mut found: Vec<Result<BusinessOrder>> = Vec::new();
        let mut missing = ids;
        for fake in [false, true] {
            if missing.is_empty() || (fake && !self.fake_orders) {
                break;
            }
            let mut filter = BusinessOrdersRequest::new().with_order_ids(missing.iter().copied());
            if fake {
                filter = filter.with_fake(true);
            }
            let orders: Vec<Result<BusinessOrder>> = self
                .client
                .orders()
                .order_items(self.business, filter)
                .try_collect()
                .await?;
            let seen: HashSet<OrderId> = orders.iter().flatten().map(|o| o.order_id).collect();
            missing.retain(|i| !seen.contains(i));
            found.extend(
                orders
                    .into_iter()
                    .filter(|o| o.as_ref().map_or(true, |o| o.campaign_id == campaign)),
            );
        }
        Ok(found
            .into_iter()
            .map(|o| o.and_then(|o| order_from_business_order(&o)))
            .collect())
    }

    async fn set_status(&self, id: &CoreOrderId, change: OrderStatusChange) -> Result<()> {
        self.client
            .orders()
            .update_status(self.campaign, ym_order_id(id)?, change)
            .await
            .map(|_| ())
    }
}

#[async_trait]
impl Marketplace for CampaignClient {
    fn kind(&self) -> MarketplaceKind {
        MarketplaceKind::YandexMarket
    }

    fn account(&self) -> &str {
        self.client.account()
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities::of(&[
            Capability::Warehouses,
            Capability::Stocks,
            Capability::Prices,
            Capability::Cards,
            Capability::Orders,
            Capability::ConfirmOrder,
            Capability::PackOrder,
            Capability::ShipOrder,
            Capability::CancelOrder,
            Capability::Labels,
            Capability::Returns,
            Capability::OrderChanges,
        ])
    }

    async fn warehouses(&self) -> Result<Vec<Warehouse>> {
        let scheme = placement_scheme(
            self.client
                .campaigns()
                .get(self.campaign)
                .await?
                .placement_type
                .as_ref(),
        );
        Ok(self
            .campaign_warehouses()
            .await?
            .into_iter()
            .map(|w| Warehouse {
                id: w.id.to_string().into(),
                name: w.name.clone(),
                scheme: scheme.clone(),
                active: !matches!(
                    w.status.as_ref().and_then(|s| s.status.as_ref()),
                    Some(WarehouseStatusType::DisabledManually)
                ),
                address: None,
                raw: serde_json::to_value(&w).unwrap_or_default(),
            })
            .collect())
    }

    async fn update_stocks(&self, updates: &[StockUpdate]) -> Result<BatchReport> {
        let known: Option<&HashSet<String>> = if updates.iter().any(|u| u.warehouse_id.is_some()) {
            Some(self.warehouse_ids().await?)
        } else {
            None
        };
        let mut keys: HashMap<String, ItemKey> = HashMap::new();
        let (converted, mut report) = convert_each(updates, StockUpdate::key, |u| {
            // The warehouse is optional: Yandex Market keeps one stock per campaign.
            u.validate(false)
                .and_then(|()| match (&u.warehouse_id, known) {
                    (Some(w), Some(known)) if !known.contains(w.as_str().trim()) => Err(format!(
                        "warehouse {w} is not a warehouse of campaign {} (Yandex Market keeps stocks per campaign)",
                        self.campaign
                    )),
                    _ => Ok(()),
                })
                .and_then(|()| first_entry(&keys, u.offer_id.as_str()))
                .map(|()| {
                    keys.insert(u.offer_id.as_str().trim().to_owned(), u.key());
                    YmStock::new(u.offer_id.as_str(), u.quantity)
                })
        });
        let (sent_keys, items): (Vec<ItemKey>, Vec<YmStock>) = converted.into_iter().unzip();
        if !items.is_empty() {
            let sent = self.client.stocks().update(self.campaign, items).await?;
            // Each item sent exactly once, under the caller's key.
            report.merge(BatchReport::settle(
                &sent_keys,
                sent.map_keys(|sku| {
                    keys.get(sku.trim())
                        .cloned()
                        .unwrap_or_else(|| ItemKey::offer(sku))
                }),
            ));
        }
        Ok(report)
    }

    async fn update_prices(&self, updates: &[PriceUpdate]) -> Result<BatchReport> {
        let mut keys: HashMap<String, ItemKey> = HashMap::new();
        let (converted, mut report) = convert_each(updates, PriceUpdate::key, |u| {
            u.validate(None)
                .and_then(|()| first_entry(&keys, u.offer_id.as_str()))
                .map(|()| {
                    let mut price = BusinessOfferPrice::rub(u.offer_id.as_str(), u.price);
                    if let Some(old) = u.old_price.filter(|o| *o > u.price) {
                        price = price.with_discount_base(old);
                    }
                    keys.insert(u.offer_id.as_str().trim().to_owned(), u.key());
                    price
                })
        });
        let (sent_keys, items): (Vec<ItemKey>, Vec<BusinessOfferPrice>) =
            converted.into_iter().unzip();
        if !items.is_empty() {
            let sent = self
                .client
                .prices()
                .update_business_prices(self.business, items)
                .await?;
            // Each price sent exactly once, under the caller's key.
            report.merge(BatchReport::settle(
                &sent_keys,
                sent.map_keys(|offer| {
                    keys.get(offer.trim())
                        .cloned()
                        .unwrap_or_else(|| ItemKey::offer(offer))
                }),
            ));
        }
        Ok(report)
    }

    async fn publish_cards(&self, cards: &[Card]) -> Result<CardSubmission> {
        let (converted, mut report) = convert_each(cards, Card::key, card_to_update_offer_mapping);
        let items: Vec<UpdateOfferMapping> = converted.into_iter().map(|(_, item)| item).collect();
        let mut tasks = Vec::new();
        if !items.is_empty() {
            let by_offer: HashMap<String, UpdateOfferMapping> = items
                .iter()
                .map(|m| (m.offer.offer_id.clone(), m.clone()))
                .collect();
            let mut sent = self
                .client
                .offers()
                .update(self.business, items)
                .await?
                .report;
            // Yandex Market saves nothing of a request with an offer in error: the offers held
            // back only for that go once more, on their own.
            let (held, refused): (Vec<_>, Vec<_>) = std::mem::take(&mut sent.rejected)
                .into_iter()
                .partition(|r| r.code.as_deref() == Some(crate::api::offers::NOT_APPLIED));
            sent.rejected = refused;
            let again: Vec<UpdateOfferMapping> = held
                .iter()
                .filter_map(|r| by_offer.get(&r.key).cloned())
                .collect();
            if again.len() == held.len() && !again.is_empty() {
                sent.merge(
                    self.client
                        .offers()
                        .update(self.business, again)
                        .await?
                        .report,
                );
            } else {
                sent.rejected.extend(held);
            }
            tasks = sent
                .accepted
                .chunks(CARD_TASK_SIZE)
                .map(|c| TaskId::of_offers(CARD_TASK_PREFIX, c))
                .collect();
            report.merge(sent.map_keys(ItemKey::offer));
        }
        Ok(CardSubmission { tasks, report })
    }

    async fn card_import_status(&self, task: &TaskId) -> Result<CardImportStatus> {
        let offers = task.offers(CARD_TASK_PREFIX).ok_or_else(|| {
            Error::validation(
                format!("task {task}"),
                "not a Yandex Market card task (returned by publish_cards)",
            )
        })?;
        let cards: Vec<OfferCard> = self
            .client
            .offers()
            .cards_stream(
                self.business,
                GetOfferCardsContentStatusRequest::by_offer_ids(offers.iter().cloned()),
                PageQuery::first(),
            )
            .try_collect()
            .await?;
        let mut report = BatchReport::new();
        let mut pending = false;
        for offer in &offers {
            let key = ItemKey::offer(offer.as_str());
            match cards
                .iter()
                .find(|c| c.offer_id.trim() == offer.trim())
                .and_then(card_outcome)
            {
                Some(Ok(())) => report.accept(key),
                Some(Err(message)) => report.rejected.push(Rejection {
                    key,
                    stage: RejectionStage::Vendor,
                    retry_after: None,
                    code: None,
                    message,
                }),
                None => pending = true,
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

    /// [`WindowBasis::StatusChanged`]: the orders Yandex Market updated in the window
    /// (`updateDateFrom`/`updateDateTo`, times, any length), so a cancellation of an order
    /// placed long ago is seen. [`WindowBasis::Created`]: the orders placed in the window,
    /// asked by Moscow creation days (`creationDateFrom`/`creationDateTo`, at most 30 days a
    /// request, so a longer window is read in parts) and kept by their creation time.
    fn orders(&self, query: OrderQuery) -> BoxStream<'_, Result<Order>> {
        let window = query.window;
        let filters: Vec<OrderDatesFilter> = match query.basis {
            WindowBasis::StatusChanged => vec![OrderDatesFilter {
                update_date_from: Some(window.since),
                update_date_to: Some(window.until),
                ..OrderDatesFilter::default()
            }],
            _ => creation_days(window.since, window.until),
        };
        let by_creation = query.basis != WindowBasis::StatusChanged;
        let mut streams = Vec::new();
        for fake in [false, true] {
            // `fake: true` reads only the test orders: read them after the real ones.
            if fake && !self.fake_orders {
                continue;
            }
            for dates in &filters {
                let mut filter = BusinessOrdersRequest::new()
                    .with_campaign_ids([self.campaign])
                    .with_dates(dates.clone());
                if fake {
                    filter = filter.with_fake(true);
                }
                streams.push(self.client.orders().order_items(self.business, filter));
            }
        }
        // A page not read ends the stream; an order not decoded or not mapped is an error
        // item, and the orders after it still come.
        crate::api::campaigns::chain_until_error(streams)
            .map(|o| {
                o.and_then(|o| o)
                    .and_then(|o| order_from_business_order(&o))
            })
            .try_filter(move |o| {
                futures::future::ready(
                    (!by_creation || (o.created_at >= window.since && o.created_at < window.until))
                        && query.wants_status(o.status.lifecycle)
                        && query.wants_scheme(&o.scheme),
                )
            })
            .boxed()
    }

    /// The orders' current state through the `orderIds` filter of `getBusinessOrders`, 50 a
    /// request (real orders, then test orders among the ones not found); an order of another
    /// campaign, or one Yandex Market does not know, is skipped.
    fn refresh_orders(&self, ids: Vec<CoreOrderId>) -> BoxStream<'_, Result<Order>> {
        let ids: Result<Vec<OrderId>> = ids.iter().map(ym_order_id).collect();
        let ids = match ids {
            Ok(ids) => ids,
            Err(e) => return futures::stream::once(async move { Err(e) }).boxed(),
        };
        let mut unique = HashSet::new();
        let ids: Vec<OrderId> = ids.into_iter().filter(|i| unique.insert(*i)).collect();
        let campaign = self.campaign;
        let chunks: Vec<Vec<OrderId>> = ids
            .chunks(crate::api::orders::ORDERS_FILTER_IDS_MAX)
            .map(<[OrderId]>::to_vec)
            .collect();
        futures::stream::iter(chunks)
            .then(move |chunk| async move { self.current(chunk, campaign).await })
            .scan(false, |failed, item| {
                // End after the first error: the caller retries the rest next time.
                if *failed {
                    return futures::future::ready(None);
                }
                *failed = item.is_err();
                futures::future::ready(Some(item))
            })
            .flat_map(|chunk| match chunk {
                Ok(orders) => futures::stream::iter(orders).boxed(),
                Err(e) => futures::stream::once(async move { Err(e) }).boxed(),
            })
            .boxed()
    }

    async fn order(&self, id: &CoreOrderId) -> Result<Order> {
        order_from_business_order(&self.find(id).await?)
    }

    /// Confirms an order awaiting the seller's confirmation; an order already accepted (FBS
    /// orders usually arrive `PROCESSING/STARTED`) needs nothing.
    async fn confirm_order(&self, id: &CoreOrderId) -> Result<()> {
        let order = self.find(id).await?;
        match (&order.status, &order.substatus) {
            (OrderStatus::Processing, OrderSubstatus::AwaitConfirmation) => {
                self.set_status(
                    id,
                    OrderStatusChange::to(OrderStatus::Processing, OrderSubstatus::Started),
                )
                .await
            }
            (OrderStatus::Processing, _) => Ok(()),
            (status, substatus) => Err(Error::validation(
                format!("order {id}"),
                format!(
                    "{}/{} cannot be confirmed",
                    status.as_str(),
                    substatus.as_str()
                ),
            )),
        }
    }

    /// One box per package (a package's lines name the order's offers); no packages: one box
    /// with every line.
    async fn pack_order(&self, id: &CoreOrderId, packages: &[Package]) -> Result<()> {
        let order = self.find(id).await?;
        if packages.is_empty() {
            // The trait's "no packages": one box holding every line.
            let all = order
                .items
                .iter()
                .map(|i| OrderBoxItem::whole(i.id, i32::try_from(i.count).unwrap_or(i32::MAX)))
                .collect();
            return self
                .client
                .orders()
                .set_boxes(
                    self.campaign,
                    order.order_id,
                    &SetOrderBoxLayoutRequest::new(vec![OrderBox::new(all)]),
                )
                .await
                .map(|_| ());
        }
        let mut boxes = Vec::with_capacity(packages.len());
        for (n, p) in packages.iter().enumerate() {
            let mut items = Vec::with_capacity(p.items.len());
            for (offer, count) in &p.items {
                let line = order
                    .items
                    .iter()
                    .find(|i| i.offer_id.trim() == offer.as_str().trim())
                    .ok_or_else(|| {
                        Error::validation(
                            format!("order {id}"),
                            format!("package {}: offer {offer} is not in the order", n + 1),
                        )
                    })?;
                items.push(OrderBoxItem::whole(
                    line.id,
                    i32::try_from(*count).unwrap_or(i32::MAX),
                ));
            }
            boxes.push(OrderBox::new(items));
        }
        self.client
            .orders()
            .set_boxes(
                self.campaign,
                order.order_id,
                &SetOrderBoxLayoutRequest::new(boxes),
            )
            .await
            .map(|_| ())
    }

    /// FBS/Express: ready to ship (Yandex Market marks it shipped at hand-over); DBS: in
    /// delivery; FBY: refused (Yandex Market ships those itself).
    async fn ship_order(&self, id: &CoreOrderId) -> Result<()> {
        let order = self.find(id).await?;
        let change = match order.program_type {
            Some(SellingProgramType::Dbs) => OrderStatusChange::new(OrderStatus::Delivery),
            Some(SellingProgramType::Fby) => {
                return Err(Error::validation(
                    format!("order {id}"),
                    "an FBY order is shipped by Yandex Market from its warehouse",
                ));
            }
            _ => OrderStatusChange::to(OrderStatus::Processing, OrderSubstatus::ReadyToShip),
        };
        self.set_status(id, change).await
    }

    /// `CANCELLED/SHOP_FAILED` (the seller cannot fulfil it); the reason is not sent (YM
    /// takes none).
    async fn cancel_order(&self, id: &CoreOrderId, reason: &CancelReason) -> Result<()> {
        let _ = reason;
        self.set_status(
            id,
            OrderStatusChange::to(OrderStatus::Cancelled, OrderSubstatus::ShopFailed),
        )
        .await
    }

    async fn label(&self, id: &CoreOrderId) -> Result<Label> {
        let mut label = self
            .client
            .labels()
            .order_labels(self.campaign, ym_order_id(id)?, None)
            .await?;
        label.order_id = id.clone();
        Ok(label)
    }

    fn returns(&self, query: ReturnQuery) -> BoxStream<'_, Result<Return>> {
        let window = query.window;
        let filter = ReturnsFilter {
            from_date: Some(moscow_day(window.since)),
            to_date: Some(moscow_day(window.until)),
            ..ReturnsFilter::default()
        };
        self.client
            .returns()
            .list_stream(self.campaign, filter)
            .try_filter(move |r| {
                futures::future::ready(
                    r.update_date
                        .or(r.creation_date)
                        .is_none_or(|d| d >= window.since && d < window.until),
                )
            })
            .map_ok(|r| return_from_return(&r))
            .boxed()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moscow_days() {
        let t = DateTime::parse_from_rfc3339("2026-11-23T22:30:00Z")
            .map(|t| t.with_timezone(&Utc))
            .unwrap_or_default();
        assert_eq!(
            moscow_day(t),
            NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default()
        );
        let d = NaiveDate::from_ymd_opt(2026, 11, 24).unwrap_or_default();
        assert_eq!(
            moscow_midnight(d).map(|t| t.to_rfc3339()).as_deref(),
            Some("2026-11-23T21:00:00+00:00")
        );
        assert_eq!(ship_by(NaiveDate::MAX), None);
        assert_eq!(moscow_midnight(NaiveDate::MIN), None);
        assert_eq!(
            moscow_day(DateTime::<Utc>::MAX_UTC),
            DateTime::<Utc>::MAX_UTC.date_naive()
        );
    }
}
