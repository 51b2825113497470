//! Wire types of the statistics section: orders and sales reports.
//!
//! WB's statistics give times in Moscow time (UTC+3) without an offset
//! (`"2023-07-05T11:13:35"`); they are read here as [`DateTime<Utc>`] by taking the offset
//! into account ([`moscow_to_utc`]), and `dateFrom` is written back in Moscow time
//! ([`utc_to_moscow`]). Money is [`Decimal`], in roubles.

use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeDelta, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::ids::NmId;

/// Moscow time's offset from UTC.
const MOSCOW: TimeDelta = TimeDelta::hours(3);

/// A Moscow wall-clock time as a UTC instant.
pub fn moscow_to_utc(moscow: NaiveDateTime) -> DateTime<Utc> {
    moscow
        .checked_sub_signed(MOSCOW)
        .unwrap_or(moscow)
        .and_utc()
}

/// A UTC instant as Moscow wall-clock time.
pub fn utc_to_moscow(t: DateTime<Utc>) -> NaiveDateTime {
    let naive = t.naive_utc();
    naive.checked_add_signed(MOSCOW).unwrap_or(naive)
}

/// The start of a Moscow day (midnight, UTC+3) as a UTC instant: the `dateFrom` of "that day".
pub fn moscow_day_start(date: NaiveDate) -> DateTime<Utc> {
    moscow_to_utc(date.and_time(chrono::NaiveTime::MIN))
}

market_core::wire_enum! {
    /// Where the good was stored (`warehouseType` of schemas `OrdersItem` and `SalesItem`).
    pub enum WarehouseType {
        /// A WB warehouse (FBO).
        Wb = "Склад WB",
        /// The seller's warehouse (FBS).
        Seller = "Склад продавца",
    }
}

/// `GET /api/v1/supplier/orders` row: one unit ordered (schema `OrdersItem`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OrderRow {
    /// When the order was placed (what `dateFrom` means with `flag=1`).
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::local_time::<3, _>"
    )]
    pub date: DateTime<Utc>,
    /// When the row last changed (what `dateFrom` means with `flag=0`); the next page's
    /// `dateFrom`.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::local_time::<3, _>"
    )]
    pub last_change_date: DateTime<Utc>,
    /// The warehouse shipped from.
    #[serde(default)]
    pub warehouse_name: String,
    /// Whose warehouse it is.
    #[serde(default)]
    pub warehouse_type: Option<WarehouseType>,
    /// The country.
    #[serde(default)]
    pub country_name: String,
    /// The federal district.
    #[serde(default)]
    pub oblast_okrug_name: String,
    /// The region.
    #[serde(default)]
    pub region_name: String,
    /// The seller's article.
    #[serde(default)]
    pub supplier_article: String,
    /// WB's article.
    #[serde(default)]
    pub nm_id: NmId,
    /// The barcode.
    #[serde(default)]
    pub barcode: String,
    /// The category.
    #[serde(default)]
    pub category: String,
    /// The subject.
    #[serde(default)]
    pub subject: String,
    /// The brand.
    #[serde(default)]
    pub brand: String,
    /// The size.
    #[serde(default)]
    pub tech_size: String,
    /// The supply the unit came with.
    #[serde(default, rename = "incomeID")]
    pub income_id: i64,
    /// Supply contract.
    #[serde(default)]
    pub is_supply: bool,
    /// Consignment contract.
    #[serde(default)]
    pub is_realization: bool,
    /// The price before any discount.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub total_price: Decimal,
    /// The seller's discount, percent.
    #[serde(default)]
    pub discount_percent: i64,
    /// WB's discount, percent.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub spp: Decimal,
    /// The price after every discount but the WB Wallet one.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub finished_price: Decimal,
    /// The price after the seller's discount (`totalPrice * (1 - discountPercent/100)`).
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub price_with_disc: Decimal,
    /// True when the order was cancelled.
    #[serde(default)]
    pub is_cancel: bool,
    /// When the order was cancelled; `None` if it was not (WB sends `0001-01-01T00:00:00`).
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_local_time::<3, _>"
    )]
    pub cancel_date: Option<DateTime<Utc>>,
    /// The sticker id.
    #[serde(default)]
    pub sticker: String,
    /// The buyer's basket: orders of one purchase share it.
    #[serde(default)]
    pub g_number: String,
    /// The order's unique id (`rid` in the marketplace API).
    #[serde(default)]
    pub srid: String,
}

/// `GET /api/v1/supplier/sales` row: one unit sold or returned (schema `SalesItem`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct SaleRow {
    /// When the sale happened (what `dateFrom` means with `flag=1`).
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::local_time::<3, _>"
    )]
    pub date: DateTime<Utc>,
    /// When the row last changed (what `dateFrom` means with `flag=0`); the next page's
    /// `dateFrom`.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::local_time::<3, _>"
    )]
    pub last_change_date: DateTime<Utc>,
    /// The warehouse shipped from.
    #[serde(default)]
    pub warehouse_name: String,
    /// Whose warehouse it is.
    #[serde(default)]
    pub warehouse_type: Option<WarehouseType>,
    /// The country.
    #[serde(default)]
    pub country_name: String,
    /// The federal district.
    #[serde(default)]
    pub oblast_okrug_name: String,
    /// The region.
    #[serde(default)]
    pub region_name: String,
    /// The seller's article.
    #[serde(default)]
    pub supplier_article: String,
    /// WB's article.
    #[serde(default)]
    pub nm_id: NmId,
    /// The barcode.
    #[serde(default)]
    pub barcode: String,
    /// The category.
    #[serde(default)]
    pub category: String,
    /// The subject.
    #[serde(default)]
    pub subject: String,
    /// The brand.
    #[serde(default)]
    pub brand: String,
    /// The size.
    #[serde(default)]
    pub tech_size: String,
    /// The supply the unit came with.
    #[serde(default, rename = "incomeID")]
    pub income_id: i64,
    /// Supply contract.
    #[serde(default)]
    pub is_supply: bool,
    /// Consignment contract.
    #[serde(default)]
    pub is_realization: bool,
    /// The price before any discount.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub total_price: Decimal,
    /// The seller's discount, percent.
    #[serde(default)]
    pub discount_percent: i64,
    /// WB's discount, percent.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub spp: Decimal,
    /// The discount for paying with WB Wallet, roubles.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub payment_sale_amount: Decimal,
    /// What WB pays the seller.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub for_pay: Decimal,
    /// The price the buyer paid, after every discount.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub finished_price: Decimal,
    /// The price after the seller's discount, from which `forPay` is computed.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub price_with_disc: Decimal,
    /// The sale's id: `S...` a sale, `R...` a return to a WB warehouse.
    #[serde(default, rename = "saleID")]
    pub sale_id: String,
    /// The sticker id.
    #[serde(default)]
    pub sticker: String,
    /// The buyer's basket: orders of one purchase share it.
    #[serde(default)]
    pub g_number: String,
    /// The order's unique id (`rid` in the marketplace API).
    #[serde(default)]
    pub srid: String,
}

impl SaleRow {
    /// True for a return (`saleID` starting with `R`), false for a sale.
    pub fn is_return(&self) -> bool {
        self.sale_id.starts_with('R')
    }
}

/// A statistics row that carries `lastChangeDate`, the key of WB's `dateFrom` paging.
pub trait LastChange {
    /// When the row last changed.
    fn last_change(&self) -> DateTime<Utc>;
}

impl LastChange for OrderRow {
    fn last_change(&self) -> DateTime<Utc> {
        self.last_change_date
    }
}

impl LastChange for SaleRow {
    fn last_change(&self) -> DateTime<Utc> {
        self.last_change_date
    }
}
