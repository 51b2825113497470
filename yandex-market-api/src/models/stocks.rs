//! Models of the stocks section: setting a shop's stocks (`updateStocks`) and reading them per
//! warehouse (`getStocks`).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::WarehouseId;
use crate::models::common::{ApiStatus, Pager};

market_core::wire_enum! {
    /// A kind of stock on a warehouse (schema `WarehouseStockType`).
    pub enum WarehouseStockType {
        /// Sellable: available or already reserved.
        Fit = "FIT",
        /// Reserved for orders.
        Freeze = "FREEZE",
        /// Available to order.
        Available = "AVAILABLE",
        /// Temporarily not for sale (being moved, for example).
        Quarantine = "QUARANTINE",
        /// To be disposed of.
        Utilization = "UTILIZATION",
        /// Defective.
        Defect = "DEFECT",
        /// Past its expiry date.
        Expired = "EXPIRED",
    }
}

market_core::wire_enum! {
    /// A turnover grade (schema `TurnoverType`).
    pub enum TurnoverType {
        /// Low: 120 days or more.
        Low = "LOW",
        /// Almost low: 100 to 119 days.
        AlmostLow = "ALMOST_LOW",
        /// High: 45 to 99 days.
        High = "HIGH",
        /// Very high: under 45 days.
        VeryHigh = "VERY_HIGH",
        /// No sales.
        NoSales = "NO_SALES",
        /// Storage of this category is free.
        FreeStore = "FREE_STORE",
    }
}

/// Request of `updateStocks` (schema `UpdateStocksRequest`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct UpdateStocksRequest {
    /// The stocks, one entry per SKU (each SKU once), at most
    /// [`crate::api::stocks::STOCKS_UPDATE_MAX`].
    pub skus: Vec<StockUpdate>,
}

/// The stock of one SKU (schema `UpdateStockDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct StockUpdate {
    /// The seller's SKU (`offerId`), exactly as in the catalogue.
    pub sku: String,
    /// The stock: exactly one entry.
    pub items: Vec<StockUpdateItem>,
}

impl StockUpdate {
    /// A SKU's available count, dated now by Yandex Market.
    pub fn new(sku: impl Into<String>, count: i64) -> Self {
        Self {
            sku: sku.into(),
            items: vec![StockUpdateItem {
                count,
                updated_at: None,
            }],
        }
    }

    /// Dates the stock (when it was last counted).
    pub fn with_updated_at(mut self, at: DateTime<Utc>) -> Self {
        for item in &mut self.items {
            item.updated_at = Some(at);
        }
        self
    }
}

/// The stock of a SKU (schema `UpdateStockItemDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct StockUpdateItem {
    /// Units available, 0 to [`crate::api::stocks::COUNT_MAX`].
    pub count: i64,
    /// When the stock was counted; Yandex Market uses the time of the request when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
}

/// Request of `getStocks` (schema `GetWarehouseStocksRequest`).
///
/// Asking by `offer_ids` returns those SKUs whole (archived ones included), without pages:
/// `archived`, a page token and a page size are then not sent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct GetStocksRequest {
    /// Only this warehouse.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stocks_warehouse_id: Option<WarehouseId>,
    /// FBY and LaaS, with `stocks_warehouse_id`: `true` only SKUs in stock, `false` only SKUs
    /// out of stock.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub has_stocks: Option<bool>,
    /// FBY and LaaS: add the turnover (`false` by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub with_turnover: Option<bool>,
    /// `true`: archived SKUs only; otherwise SKUs not in the archive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived: Option<bool>,
    /// Only these SKUs, at most [`crate::api::stocks::STOCKS_GET_MAX`] a request (more are split
    /// by `list_stream`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offer_ids: Option<Vec<String>>,
}

impl GetStocksRequest {
    /// Only this warehouse.
    pub fn with_warehouse(mut self, warehouse: WarehouseId) -> Self {
        self.stocks_warehouse_id = Some(warehouse);
        self
    }

    /// Only SKUs in stock (`true`) or out of stock (`false`) at the warehouse.
    pub fn with_has_stocks(mut self, has_stocks: bool) -> Self {
        self.has_stocks = Some(has_stocks);
        self
    }

    /// Adds the turnover (FBY, LaaS).
    pub fn with_turnover(mut self, with_turnover: bool) -> Self {
        self.with_turnover = Some(with_turnover);
        self
    }

    /// Archived SKUs (`true`) or not archived ones (`false`).
    pub fn with_archived(mut self, archived: bool) -> Self {
        self.archived = Some(archived);
        self
    }

    /// Only these SKUs.
    pub fn with_offer_ids<S: Into<String>>(mut self, ids: impl IntoIterator<Item = S>) -> Self {
        self.offer_ids = Some(ids.into_iter().map(Into::into).collect());
        self
    }
}

/// Answer of `getStocks` (schema `GetWarehouseStocksResponse`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct GetStocksResponse {
    /// `OK` or `ERROR`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ApiStatus>,
    /// One page of stocks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<WarehouseStocks>,
}

/// One page of stocks, per warehouse (schema `GetWarehouseStocksDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct WarehouseStocks {
    /// The next page's token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paging: Option<Pager>,
    /// The warehouses and their SKUs (required: an answer without it is an error, not an empty page).
    pub warehouses: Vec<WarehouseOffers>,
}

/// The stocks of SKUs on one warehouse (schema `WarehouseOffersDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct WarehouseOffers {
    /// The warehouse: Yandex Market's for FBY and LaaS; the seller's or a Yandex Market
    /// returns warehouse for FBS.
    #[serde(default)]
    pub warehouse_id: WarehouseId,
    /// The SKUs.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub offers: Vec<WarehouseOffer>,
}

/// The stocks of one SKU on a warehouse (schema `WarehouseOfferDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct WarehouseOffer {
    /// The seller's SKU.
    #[serde(default)]
    pub offer_id: String,
    /// The turnover (when asked for).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub turnover_summary: Option<Turnover>,
    /// The stock per kind.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub stocks: Vec<WarehouseStock>,
    /// When the stock was last updated.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_time",
        skip_serializing_if = "Option::is_none"
    )]
    pub updated_at: Option<DateTime<Utc>>,
}

impl WarehouseOffer {
    /// The count of one kind of stock, if the answer gives it.
    pub fn count(&self, kind: &WarehouseStockType) -> Option<i64> {
        self.stocks
            .iter()
            .find(|s| s.stock_type.as_ref() == Some(kind))
            .map(|s| s.count)
    }
}

/// One kind of stock (schema `WarehouseStockDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct WarehouseStock {
    /// The kind.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub stock_type: Option<WarehouseStockType>,
    /// The units.
    #[serde(default)]
    pub count: i64,
}

/// A SKU's turnover (schema `TurnoverDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct Turnover {
    /// The grade.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub turnover: Option<TurnoverType>,
    /// Days it takes to sell the stock on average.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub turnover_days: Option<f64>,
}

/// One SKU's stocks on one warehouse, as `list_stream` yields them (not a vendor schema: a
/// [`WarehouseOffer`] with the warehouse of its [`WarehouseOffers`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct OfferStocks {
    /// The warehouse.
    pub warehouse_id: WarehouseId,
    /// The SKU's stocks there.
    pub offer: WarehouseOffer,
}
