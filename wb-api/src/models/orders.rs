//! Wire types of the orders section: FBS assembly tasks (WB's "orders"), their statuses,
//! stickers and metadata.
//!
//! WB sends the order prices as integers in minor units (the amount multiplied by 100: kopecks
//! for roubles); the fields keep the wire integers and the `*_amount` accessors give
//! [`Decimal`] amounts in the currency's major unit.

use chrono::{DateTime, NaiveDate, Utc};
use market_core::Currency;
use market_core::wire::Lenient;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::ids::{ChrtId, NmId, OfficeId, OrderId, SupplyId, WarehouseId};
use crate::models::common::{CargoType, StickerType};

/// The longest window of `GET /api/v3/orders`, in days.
pub const ORDERS_WINDOW_MAX_DAYS: i64 = 30;

/// Minor units (WB's "multiplied by 100") as a decimal amount in the major unit.
fn minor(units: i64) -> Decimal {
    Decimal::new(units, 2)
}

/// A WB ISO 4217 numeric currency code as a [`Currency`]; unknown codes are kept as digits.
pub fn currency_of(code: i32) -> Currency {
    match code {
        643 => Currency::Rub,
        933 => Currency::Byn,
        398 => Currency::Kzt,
        860 => Currency::Uzs,
        51 => Currency::Amd,
        417 => Currency::Kgs,
        156 => Currency::Cny,
        840 => Currency::Usd,
        978 => Currency::Eur,
        other => Currency::Other(other.to_string()),
    }
}

/// Parses WB's `dd.mm.yyyy` dates.
pub fn parse_wb_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%d.%m.%Y").ok()
}

market_core::wire_enum! {
    /// The delivery type of an order (`deliveryType`).
    pub enum DeliveryType {
        /// Delivered by the seller to a WB warehouse (FBS).
        Fbs = "fbs",
    }
}

/// The buyer's address of an order (inline schema of `OrderNew.address` and `Order.address`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OrderAddress {
    /// The full delivery address.
    #[serde(default)]
    pub full_address: String,
    /// Latitude.
    #[serde(default)]
    pub latitude: f64,
    /// Longitude.
    #[serde(default)]
    pub longitude: f64,
}

/// Options of an order (inline schema of `OrderNew.options` and `Order.options`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OrderOptions {
    /// True for a B2B sale (`isB2B`; the 2025-12 spec spelt it `isB2b`, still read).
    #[serde(default, rename = "isB2B", alias = "isB2b")]
    pub is_b2b: bool,
}

/// `GET /api/v3/orders/new` response (inline schema).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct NewOrdersResponse {
    /// The new assembly tasks (required: an answer without them is an error, not "none").
    pub orders: Vec<NewOrder>,
}

/// A new assembly task (schema `OrderNew`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct NewOrder {
    /// The buyer's address, when WB gives one.
    #[serde(default)]
    pub address: Option<OrderAddress>,
    /// The seller's article.
    #[serde(default)]
    pub article: String,
    /// The cargo type.
    #[serde(default)]
    pub cargo_type: CargoType,
    /// The size of the card.
    #[serde(default)]
    pub chrt_id: ChrtId,
    /// The colour code (colourable goods only).
    #[serde(default)]
    pub color_code: String,
    /// The buyer's comment.
    #[serde(default)]
    pub comment: String,
    /// ISO 4217 numeric code of the seller's country currency.
    #[serde(default)]
    pub converted_currency_code: i32,
    /// Amount the buyer pays, in the seller's currency, in minor units (kopecks for roubles).
    #[serde(default)]
    pub converted_final_price: i64,
    /// Price after all discounts but the WB wallet's, in the seller's currency, in minor units.
    #[serde(default)]
    pub converted_price: i64,
    /// When the task was created.
    #[serde(default)]
    pub created_at: DateTime<Utc>,
    /// `1` for a cross-border order, `0` otherwise (2026-08).
    #[serde(default)]
    pub cross_border_type: i32,
    /// ISO 4217 numeric code of the sale currency.
    #[serde(default)]
    pub currency_code: i32,
    /// Planned delivery date (`dd.mm.yyyy`), for oversized goods.
    #[serde(default)]
    pub ddate: String,
    /// The delivery type.
    #[serde(default)]
    pub delivery_type: Option<DeliveryType>,
    /// Amount the buyer pays, in the sale currency, in minor units (kopecks for roubles).
    #[serde(default)]
    pub final_price: i64,
    /// The assembly task.
    #[serde(default)]
    pub id: OrderId,
    /// Whether the task may be handed over at a pickup point (2026-08).
    #[serde(default)]
    pub is_pickup_point_shipment_allowed: bool,
    /// True when ordered with zero stock (can be cancelled without a fine).
    #[serde(default)]
    pub is_zero_order: bool,
    /// WB's article.
    #[serde(default)]
    pub nm_id: NmId,
    /// The WB office the seller warehouse is bound to.
    #[serde(default)]
    pub office_id: OfficeId,
    /// Offices to bring the goods to.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub offices: Vec<String>,
    /// Metadata that may be added (`sgtin`, ...).
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub optional_meta: Vec<String>,
    /// Order options.
    #[serde(default)]
    pub options: OrderOptions,
    /// Groups the tasks of one buyer's cart.
    #[serde(default)]
    pub order_uid: String,
    /// Price after all discounts but the WB wallet's, in the sale currency, in minor units.
    #[serde(default)]
    pub price: i64,
    /// Metadata required before the supply can be delivered (`uin`, ...).
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub required_meta: Vec<String>,
    /// WB's unique order id (`srid` in other methods).
    #[serde(default)]
    pub rid: String,
    /// Seller's price after the seller's discount, in the sale currency, in minor units.
    #[serde(default)]
    pub sale_price: Option<i64>,
    /// Acceptance price in kopecks; always null in this method.
    #[serde(default, deserialize_with = "market_core::wire::de::opt_decimal")]
    pub scan_price: Option<Decimal>,
    /// Recommended date (`dd.mm.yyyy`) to bring oversized goods, when given.
    #[serde(default)]
    pub seller_date: Option<String>,
    /// Barcodes.
    #[serde(default)]
    pub skus: Vec<String>,
    /// The seller warehouse that received the task.
    #[serde(default)]
    pub warehouse_id: WarehouseId,
}

impl NewOrder {
    /// `price` as an amount in the sale currency ([`Self::currency`]).
    pub fn price_amount(&self) -> Decimal {
        minor(self.price)
    }

    /// `finalPrice` as an amount in the sale currency.
    pub fn final_price_amount(&self) -> Decimal {
        minor(self.final_price)
    }

    /// `convertedPrice` as an amount in the seller's currency ([`Self::converted_currency`]).
    pub fn converted_price_amount(&self) -> Decimal {
        minor(self.converted_price)
    }

    /// `convertedFinalPrice` as an amount in the seller's currency.
    pub fn converted_final_price_amount(&self) -> Decimal {
        minor(self.converted_final_price)
    }

    /// `salePrice` as an amount in the sale currency.
    pub fn sale_price_amount(&self) -> Option<Decimal> {
        self.sale_price.map(minor)
    }

    /// `scanPrice` (kopecks) in roubles.
    pub fn scan_price_amount(&self) -> Option<Decimal> {
        self.scan_price
            .and_then(|k| k.checked_div(Decimal::ONE_HUNDRED))
    }

    /// The sale currency.
    pub fn currency(&self) -> Currency {
        currency_of(self.currency_code)
    }

    /// The seller's country currency.
    pub fn converted_currency(&self) -> Currency {
        currency_of(self.converted_currency_code)
    }

    /// `ddate` parsed, when it is a `dd.mm.yyyy` date.
    pub fn delivery_date(&self) -> Option<NaiveDate> {
        parse_wb_date(&self.ddate)
    }

    /// `sellerDate` parsed, when it is a `dd.mm.yyyy` date.
    pub fn seller_delivery_date(&self) -> Option<NaiveDate> {
        self.seller_date.as_deref().and_then(parse_wb_date)
    }
}

/// The time window of `GET /api/v3/orders` (`dateFrom`, `dateTo`, Unix seconds); WB answers at
/// most [`ORDERS_WINDOW_MAX_DAYS`] days at once and defaults to the last 30 days.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct OrdersWindow {
    /// The start (`dateFrom`), Unix seconds; WB's default is 30 days before the request.
    pub date_from: Option<i64>,
    /// The end (`dateTo`), Unix seconds.
    pub date_to: Option<i64>,
}

impl OrdersWindow {
    /// From `from` to `to`.
    pub fn between(from: DateTime<Utc>, to: DateTime<Utc>) -> Self {
        Self {
            date_from: Some(from.timestamp()),
            date_to: Some(to.timestamp()),
        }
    }

    /// From `from` to now.
    pub fn since(from: DateTime<Utc>) -> Self {
        Self {
            date_from: Some(from.timestamp()),
            date_to: None,
        }
    }

    /// Checks the window against WB's rules at `now` (Unix seconds): no negative times, the
    /// start not after the end, at most [`ORDERS_WINDOW_MAX_DAYS`] days.
    pub fn validate(&self, now: i64) -> Result<(), String> {
        let max = ORDERS_WINDOW_MAX_DAYS * 86_400;
        for (name, v) in [("dateFrom", self.date_from), ("dateTo", self.date_to)] {
            if let Some(v) = v
                && v < 0
            {
                return Err(format!("{name} {v} is negative"));
            }
        }
        let (Some(from), to) = (self.date_from, self.date_to) else {
            return Ok(());
        };
        let to_or_now = to.unwrap_or(now);
        if from > to_or_now {
            return Err(format!(
                "dateFrom {from} is after {} {to_or_now}",
                if to.is_some() { "dateTo" } else { "now" }
            ));
        }
        if to_or_now - from > max {
            return Err(format!(
                "the window {from}..{to_or_now} is longer than {ORDERS_WINDOW_MAX_DAYS} days"
            ));
        }
        Ok(())
    }
}

/// `GET /api/v3/orders` query parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrdersQuery {
    /// Orders a page, 1 to 1000.
    pub limit: i64,
    /// The paging cursor: 0 for the first page, then the answer's `next`.
    pub next: i64,
    /// The time window.
    pub window: OrdersWindow,
}

impl OrdersQuery {
    /// The first page of `limit` orders over WB's default window.
    pub fn first(limit: i64) -> Self {
        Self {
            limit,
            next: 0,
            window: OrdersWindow::default(),
        }
    }

    /// Sets the cursor.
    pub fn with_next(mut self, next: i64) -> Self {
        self.next = next;
        self
    }

    /// Sets the window.
    pub fn with_window(mut self, window: OrdersWindow) -> Self {
        self.window = window;
        self
    }
}

/// `GET /api/v3/orders` response (inline schema).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct OrdersResponse {
    /// The cursor of the next page (schema `Next`; required, as the list).
    pub next: i64,
    /// The assembly tasks (required: a page without them is an error, not the last page).
    pub orders: Vec<Order>,
}

/// An assembly task (schema `Order`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct Order {
    /// The buyer's address, when WB gives one.
    #[serde(default)]
    pub address: Option<OrderAddress>,
    /// The seller's article.
    #[serde(default)]
    pub article: String,
    /// The cargo type.
    #[serde(default)]
    pub cargo_type: CargoType,
    /// The size of the card.
    #[serde(default)]
    pub chrt_id: ChrtId,
    /// The colour code (colourable goods only).
    #[serde(default)]
    pub color_code: String,
    /// The buyer's comment.
    #[serde(default)]
    pub comment: String,
    /// ISO 4217 numeric code of the seller's country currency.
    #[serde(default)]
    pub converted_currency_code: i32,
    /// Price after all discounts but the WB wallet's, in the seller's currency, in minor units.
    #[serde(default)]
    pub converted_price: i64,
    /// When the task was created.
    #[serde(default)]
    pub created_at: DateTime<Utc>,
    /// `1` for a cross-border order, `0` otherwise (2026-08).
    #[serde(default)]
    pub cross_border_type: i32,
    /// ISO 4217 numeric code of the sale currency.
    #[serde(default)]
    pub currency_code: i32,
    /// The delivery type.
    #[serde(default)]
    pub delivery_type: Option<DeliveryType>,
    /// The assembly task.
    #[serde(default)]
    pub id: OrderId,
    /// True when ordered with zero stock (can be cancelled without a fine).
    #[serde(default)]
    pub is_zero_order: bool,
    /// WB's article.
    #[serde(default)]
    pub nm_id: NmId,
    /// The WB office the seller warehouse is bound to.
    #[serde(default)]
    pub office_id: OfficeId,
    /// Offices to bring the goods to.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub offices: Vec<String>,
    /// Order options.
    #[serde(default)]
    pub options: OrderOptions,
    /// Groups the tasks of one buyer's cart.
    #[serde(default)]
    pub order_uid: String,
    /// Price after all discounts but the WB wallet's, in the sale currency, in minor units.
    #[serde(default)]
    pub price: i64,
    /// WB's unique order id (`srid` in other methods).
    #[serde(default)]
    pub rid: String,
    /// Acceptance price in kopecks, once WB has accepted the order.
    #[serde(default, deserialize_with = "market_core::wire::de::opt_decimal")]
    pub scan_price: Option<Decimal>,
    /// Barcodes.
    #[serde(default)]
    pub skus: Vec<String>,
    /// The supply the task is in, if any.
    #[serde(default)]
    pub supply_id: Option<SupplyId>,
    /// The seller warehouse that received the task.
    #[serde(default)]
    pub warehouse_id: WarehouseId,
}

impl Order {
    /// `price` as an amount in the sale currency ([`Self::currency`]).
    pub fn price_amount(&self) -> Decimal {
        minor(self.price)
    }

    /// `convertedPrice` as an amount in the seller's currency ([`Self::converted_currency`]).
    pub fn converted_price_amount(&self) -> Decimal {
        minor(self.converted_price)
    }

    /// `scanPrice` (kopecks) in roubles.
    pub fn scan_price_amount(&self) -> Option<Decimal> {
        self.scan_price
            .and_then(|k| k.checked_div(Decimal::ONE_HUNDRED))
    }

    /// The sale currency.
    pub fn currency(&self) -> Currency {
        currency_of(self.currency_code)
    }

    /// The seller's country currency.
    pub fn converted_currency(&self) -> Currency {
        currency_of(self.converted_currency_code)
    }
}

/// `POST /api/v3/orders/status` request (inline schema).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct OrderStatusesRequest {
    /// The assembly tasks, 1 to [`crate::api::orders::ORDERS_STATUS_MAX`].
    pub orders: Vec<OrderId>,
}

/// `POST /api/v3/orders/status` response (inline schema).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct OrderStatusesResponse {
    /// The status of each task (required).
    pub orders: Vec<OrderStatus>,
}

/// The statuses of one assembly task (inline schema of the status response).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OrderStatus {
    /// The assembly task.
    #[serde(default)]
    pub id: OrderId,
    /// Whether the seller can still cancel the task (2026-08).
    #[serde(default)]
    pub is_cancellable: bool,
    /// The status the seller's actions set.
    #[serde(default)]
    pub supplier_status: Option<SupplierStatus>,
    /// WB's status.
    #[serde(default)]
    pub wb_status: Option<WbStatus>,
}

market_core::wire_enum! {
    /// The seller-side status of an assembly task (`supplierStatus`).
    pub enum SupplierStatus {
        /// New.
        New = "new",
        /// Being assembled (added to a supply).
        Confirm = "confirm",
        /// In delivery (the supply was delivered).
        Complete = "complete",
        /// Cancelled by the seller.
        Cancel = "cancel",
    }
}

market_core::wire_enum! {
    /// WB's status of an assembly task (`wbStatus`).
    pub enum WbStatus {
        /// In progress.
        Waiting = "waiting",
        /// Sorted.
        Sorted = "sorted",
        /// Received by the buyer.
        Sold = "sold",
        /// Cancelled.
        Canceled = "canceled",
        /// Refused by the buyer on receipt.
        CanceledByClient = "canceled_by_client",
        /// Cancelled by the buyer before assembly.
        DeclinedByClient = "declined_by_client",
        /// Cancelled as defective.
        Defect = "defect",
        /// Arrived at the pickup point.
        ReadyForPickup = "ready_for_pickup",
        /// Delivery postponed.
        PostponedDelivery = "postponed_delivery",
        /// Handed to the carrier in the seller's country.
        AcceptedByCarrier = "accepted_by_carrier",
        /// Sent to the carrier's warehouse in the seller's country.
        SentToCarrier = "sent_to_carrier",
    }
}

/// `GET /api/v3/supplies/orders/reshipment` response (inline schema).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ReshipmentResponse {
    /// The tasks to ship again (required).
    pub orders: Vec<ReshipmentOrder>,
}

/// An assembly task to ship again (inline schema of the reshipment response).
///
/// The spec leaves both fields untyped; a number or a numeric string is read, anything else
/// is `None`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ReshipmentOrder {
    /// The assembly task.
    #[serde(
        rename = "orderID",
        default,
        deserialize_with = "market_core::wire::de::or_none"
    )]
    pub order_id: Option<OrderId>,
    /// The supply it was in.
    #[serde(
        rename = "supplyID",
        default,
        deserialize_with = "market_core::wire::de::opt_text"
    )]
    pub supply_id: Option<SupplyId>,
}

/// A sticker size (`width` and `height` query parameters of `POST /api/v3/orders/stickers`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum StickerSize {
    /// 58x40 (580x400 px).
    #[default]
    W58H40,
    /// 40x30 (400x300 px).
    W40H30,
}

impl StickerSize {
    /// Every size.
    pub const ALL: [StickerSize; 2] = [Self::W58H40, Self::W40H30];

    /// The `width` parameter.
    pub fn width(self) -> i64 {
        match self {
            Self::W58H40 => 58,
            Self::W40H30 => 40,
        }
    }

    /// The `height` parameter.
    pub fn height(self) -> i64 {
        match self {
            Self::W58H40 => 40,
            Self::W40H30 => 30,
        }
    }
}

/// `POST /api/v3/orders/stickers` request (inline schema).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct StickersRequest {
    /// The assembly tasks, 1 to [`crate::api::orders::ORDERS_STICKERS_MAX`].
    pub orders: Vec<OrderId>,
}

/// `POST /api/v3/orders/stickers` response (inline schema).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct StickersResponse {
    /// One sticker per task (required).
    pub stickers: Vec<Sticker>,
}

/// A sticker as WB sends it (inline schema of the stickers response).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct Sticker {
    /// The encoded value of the sticker.
    #[serde(default)]
    pub barcode: String,
    /// The file, base64.
    #[serde(default)]
    pub file: String,
    /// The assembly task.
    #[serde(default)]
    pub order_id: OrderId,
    /// The first part of the sticker id.
    #[serde(default)]
    pub part_a: String,
    /// The second part of the sticker id.
    #[serde(default)]
    pub part_b: String,
}

/// A sticker with its file decoded (what [`crate::api::orders::OrdersApi::stickers`] returns).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StickerFile {
    /// The assembly task.
    pub order_id: OrderId,
    /// The encoded value of the sticker.
    pub barcode: String,
    /// The first part of the sticker id.
    pub part_a: String,
    /// The second part of the sticker id.
    pub part_b: String,
    /// The format asked for.
    pub format: StickerType,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

/// Decodes standard or URL-safe base64, padded or not, ignoring whitespace; `None` on any
/// other character or a dangling symbol.
pub(crate) fn decode_base64(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 3);
    let mut acc: u32 = 0;
    let mut bits: u32 = 0;
    let mut symbols: usize = 0;
    let mut padding = false;
    for c in text.bytes() {
        let v = match c {
            b'A'..=b'Z' => c - b'A',
            b'a'..=b'z' => c - b'a' + 26,
            b'0'..=b'9' => c - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b'=' => {
                padding = true;
                continue;
            }
            b' ' | b'\n' | b'\r' | b'\t' => continue,
            _ => return None,
        };
        if padding {
            return None;
        }
        symbols += 1;
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push(((acc >> bits) & 0xff) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    (symbols % 4 != 1).then_some(out)
}

/// `POST /api/marketplace/v3/orders/meta` request (schema `v3.GetMetaMultiRequest`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct OrdersMetaRequest {
    /// The assembly tasks, at most [`crate::api::orders::ORDERS_META_MAX`].
    pub orders: Vec<OrderId>,
}

/// `POST /api/marketplace/v3/orders/meta` response (schema `v3.OrdersMetaAPI`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct OrdersMetaResponse {
    /// The metadata of each task (required).
    pub orders: Vec<OrderMeta>,
}

/// The metadata of one assembly task (schema `v3.OrderMetaAPI`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct OrderMeta {
    /// The assembly task.
    #[serde(default)]
    pub id: OrderId,
    /// Its metadata, one entry per kind the task can have (2026-08; the 2025-12 answer was an
    /// object `meta`). See [`OrderMeta::meta`].
    #[serde(
        default,
        rename = "metaDetails",
        deserialize_with = "market_core::wire::de::nullable"
    )]
    pub meta_details: Vec<MetaDetail>,
}

/// One metadata entry of a task (item of schema `MetaDetails`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct MetaDetail {
    /// The kind (`uin`, `imei`, `gtin`, `sgtin`, `expiration`, `customsDeclaration`...).
    #[serde(default)]
    pub key: String,
    /// The value, `None` when not set yet. A string in WB's 2026-08 spec; kept as raw JSON
    /// (with a warning) if WB sends another shape (a list of codes has been seen in other
    /// clients' fixtures), so a changed value never fails the whole metadata answer.
    #[serde(default)]
    pub value: Option<Lenient<String>>,
    /// WB's decision about the value (such as `uinMaySell`), when given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<String>,
}

impl MetaDetail {
    /// The value as text, when it is one.
    pub fn text(&self) -> Option<&str> {
        self.value.as_ref()?.typed().map(String::as_str)
    }

    /// The value's codes: the text, or each string of a list.
    pub fn codes(&self) -> Vec<String> {
        match self.value.as_ref() {
            Some(Lenient::Typed(t)) => vec![t.clone()],
            Some(Lenient::Raw(serde_json::Value::Array(items))) => items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect(),
            _ => Vec::new(),
        }
    }
}

impl OrderMeta {
    /// The entries of a kind (compared case-insensitively).
    pub fn details(&self, key: &str) -> impl Iterator<Item = &MetaDetail> {
        self.meta_details
            .iter()
            .filter(move |d| d.key.trim().eq_ignore_ascii_case(key))
    }

    /// The metadata by kind. A kind without an entry cannot be set on the task; an entry
    /// without a value can but is not set yet. Marking codes gather every `sgtin` entry.
    pub fn meta(&self) -> Meta {
        let text = |key: &str| {
            let mut found = self.details(key).peekable();
            found.peek()?;
            Some(MetaText {
                value: found.find_map(|d| d.text().map(str::to_owned)),
            })
        };
        let sgtin = {
            let found: Vec<&MetaDetail> = self.details("sgtin").collect();
            (!found.is_empty()).then(|| {
                let codes: Vec<String> = found.iter().flat_map(|d| d.codes()).collect();
                MetaCodes {
                    value: (!codes.is_empty()).then_some(codes),
                }
            })
        };
        Meta {
            expiration: text("expiration"),
            gtin: text("gtin"),
            imei: text("imei"),
            sgtin,
            uin: text("uin"),
            customs_declaration: text("customsDeclaration"),
        }
    }
}

/// Metadata of an assembly task by kind, read from its [`MetaDetail`]s by [`OrderMeta::meta`].
/// A missing entry means the task cannot have that metadata; a present entry with no value
/// means it can but has none yet.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Meta {
    /// Best-before date (`dd.mm.yyyy`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expiration: Option<MetaText>,
    /// GTIN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gtin: Option<MetaText>,
    /// IMEI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub imei: Option<MetaText>,
    /// Chestny ZNAK marking codes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sgtin: Option<MetaCodes>,
    /// UIN.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uin: Option<MetaText>,
    /// Customs declaration number (2026-08).
    #[serde(
        default,
        rename = "customsDeclaration",
        skip_serializing_if = "Option::is_none"
    )]
    pub customs_declaration: Option<MetaText>,
}

impl Meta {
    /// The best-before date, when set and a `dd.mm.yyyy` date.
    pub fn expiration_date(&self) -> Option<NaiveDate> {
        self.expiration
            .as_ref()
            .and_then(|e| e.value.as_deref())
            .and_then(parse_wb_date)
    }
}

/// One text metadata value (`uin`, `imei`, `gtin`, `expiration`, `customsDeclaration`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct MetaText {
    /// The value, `None` when not set.
    #[serde(default)]
    pub value: Option<String>,
}

/// Marking codes (the `sgtin` entries).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct MetaCodes {
    /// The codes, `None` when not set.
    #[serde(default)]
    pub value: Option<Vec<String>>,
}

market_core::wire_enum! {
    /// A metadata key that can be deleted (`key` of `DELETE /api/v3/orders/{orderId}/meta`).
    pub enum MetaKey {
        /// IMEI.
        Imei = "imei",
        /// UIN.
        Uin = "uin",
        /// GTIN.
        Gtin = "gtin",
        /// Marking codes.
        Sgtin = "sgtin",
        /// Customs declaration number (2026-08).
        CustomsDeclaration = "customsDeclaration",
    }
}

/// `PUT /api/v3/orders/{orderId}/meta/sgtin` request (inline schema).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct SgtinsRequest {
    /// Marking codes, 1 to [`crate::api::orders::ORDER_META_SGTIN_MAX`].
    pub sgtins: Vec<String>,
}

/// `PUT /api/v3/orders/{orderId}/meta/uin` request (inline schema).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct UinRequest {
    /// The UIN, 16 characters.
    pub uin: String,
}

/// `PUT /api/v3/orders/{orderId}/meta/imei` request (inline schema).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ImeiRequest {
    /// The IMEI, 15 characters.
    pub imei: String,
}

/// `PUT /api/v3/orders/{orderId}/meta/gtin` request (inline schema).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct GtinRequest {
    /// The GTIN, 13 characters.
    pub gtin: String,
}

/// `PUT /api/v3/orders/{orderId}/meta/expiration` request (inline schema).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ExpirationRequest {
    /// The best-before date, `dd.mm.yyyy`.
    pub expiration: String,
}

impl ExpirationRequest {
    /// A request for `date`.
    pub fn new(date: NaiveDate) -> Self {
        Self {
            expiration: date.format("%d.%m.%Y").to_string(),
        }
    }
}
