//! Wire types of the stocks section: FBS stock update, stock info, stocks per FBS warehouse,
//! FBO stocks on Ozon's warehouses.

use serde::{Deserialize, Serialize};

use crate::ids::{ProductId, Sku, WarehouseId};

/// `POST /v2/products/stocks` request (schema `productv2ProductsStocksRequest`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ProductsStocksRequest {
    /// Stock per product and warehouse, at most [`crate::api::stocks::STOCKS_UPDATE_MAX`].
    pub stocks: Vec<ProductsStocksRequestStock>,
}

/// One product-warehouse stock (schema `productv2ProductsStocksRequestStock`).
///
/// Give `offer_id` or `product_id`; when both are given Ozon uses `offer_id`. (The schema marks
/// `product_id` required, while the method's own text says either identifies the product; this
/// crate follows the text.)
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ProductsStocksRequestStock {
    /// The seller's article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offer_id: Option<String>,
    /// Ozon's product id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_id: Option<ProductId>,
    /// Units available, not counting reserved ones.
    pub stock: i64,
    /// The FBS warehouse.
    pub warehouse_id: WarehouseId,
}

impl ProductsStocksRequestStock {
    /// A stock by article.
    pub fn by_offer(
        offer_id: impl Into<String>,
        warehouse_id: impl Into<WarehouseId>,
        stock: i64,
    ) -> Self {
        Self {
            offer_id: Some(offer_id.into()),
            product_id: None,
            stock,
            warehouse_id: warehouse_id.into(),
        }
    }

    /// A stock by Ozon product id.
    pub fn by_product(
        product_id: impl Into<ProductId>,
        warehouse_id: impl Into<WarehouseId>,
        stock: i64,
    ) -> Self {
        Self {
            offer_id: None,
            product_id: Some(product_id.into()),
            stock,
            warehouse_id: warehouse_id.into(),
        }
    }
}

/// `POST /v2/products/stocks` response (schema `productv2ProductsStocksResponse`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ProductsStocksResponse {
    /// The outcome per product-warehouse pair.
    #[serde(default)]
    pub result: Vec<ProductsStocksResponseResult>,
}

/// The outcome for one pair (schema `productv2ProductsStocksResponseResult`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ProductsStocksResponseResult {
    /// Why the stock was not updated.
    #[serde(default)]
    pub errors: Vec<ProductsStocksResponseError>,
    /// The seller's article.
    #[serde(default)]
    pub offer_id: String,
    /// Ozon's product id.
    #[serde(default)]
    pub product_id: ProductId,
    /// True when the stock was updated.
    #[serde(default)]
    pub updated: bool,
    /// The warehouse.
    #[serde(default)]
    pub warehouse_id: WarehouseId,
}

/// A per-item error (schema `productv2ProductsStocksResponseError`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ProductsStocksResponseError {
    /// Ozon's error code (`TOO_MANY_REQUESTS`, `NOT_FOUND`, ...).
    #[serde(default)]
    pub code: String,
    /// The message.
    #[serde(default)]
    pub message: String,
}

market_core::wire_enum! {
    /// Product visibility filter (schema `v4Visibility`).
    pub enum Visibility {
        /// All products but archived.
        All = "ALL",
        /// Visible to buyers.
        Visible = "VISIBLE",
        /// Hidden from buyers.
        Invisible = "INVISIBLE",
        /// Out of stock.
        EmptyStock = "EMPTY_STOCK",
        /// Not moderated.
        NotModerated = "NOT_MODERATED",
        /// Moderated.
        Moderated = "MODERATED",
        /// Disabled.
        Disabled = "DISABLED",
        /// Failed to create.
        StateFailed = "STATE_FAILED",
        /// Ready to supply.
        ReadyToSupply = "READY_TO_SUPPLY",
        /// Validation pending.
        ValidationStatePending = "VALIDATION_STATE_PENDING",
        /// Validation failed.
        ValidationStateFail = "VALIDATION_STATE_FAIL",
        /// Validation passed.
        ValidationStateSuccess = "VALIDATION_STATE_SUCCESS",
        /// To supply.
        ToSupply = "TO_SUPPLY",
        /// On sale.
        InSale = "IN_SALE",
        /// Removed from sale.
        RemovedFromSale = "REMOVED_FROM_SALE",
        /// Banned.
        Banned = "BANNED",
        /// Overpriced.
        Overpriced = "OVERPRICED",
        /// Critically overpriced.
        CriticallyOverpriced = "CRITICALLY_OVERPRICED",
        /// No barcode.
        EmptyBarcode = "EMPTY_BARCODE",
        /// Has a barcode.
        BarcodeExists = "BARCODE_EXISTS",
        /// In quarantine.
        Quarantine = "QUARANTINE",
        /// Archived.
        Archived = "ARCHIVED",
        /// Overpriced, with stock.
        OverpricedWithStock = "OVERPRICED_WITH_STOCK",
        /// Partially approved.
        PartialApproved = "PARTIAL_APPROVED",
    }
}

/// `POST /v4/product/info/stocks` request (schema `v4GetProductInfoStocksRequest`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct GetProductInfoStocksRequest {
    /// The page cursor; empty for the first page.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub cursor: String,
    /// The filter.
    pub filter: GetProductInfoStocksRequestFilter,
    /// Items a page, 1 to 1000.
    pub limit: i32,
}

/// The filter of [`GetProductInfoStocksRequest`] (schema `v4GetProductInfoStocksRequestFilter`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct GetProductInfoStocksRequestFilter {
    /// Only these articles.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub offer_id: Vec<String>,
    /// Only these product ids.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        with = "crate::ids::as_strings"
    )]
    pub product_id: Vec<ProductId>,
    /// Only products of this visibility.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visibility: Option<Visibility>,
    /// Only products with quants.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub with_quant: Option<FilterWithQuant>,
}

/// Quant filter (schema `FilterWithQuant`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct FilterWithQuant {
    /// Active quants.
    #[serde(default)]
    pub created: bool,
    /// Quants being created or active.
    #[serde(default)]
    pub exists: bool,
}

/// `POST /v4/product/info/stocks` response (schema `v4GetProductInfoStocksResponse`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct GetProductInfoStocksResponse {
    /// The cursor of the next page; empty on the last.
    #[serde(default)]
    pub cursor: String,
    /// Products.
    #[serde(default)]
    pub items: Vec<GetProductInfoStocksResponseItem>,
    /// Products matching the filter.
    #[serde(default)]
    pub total: i32,
}

/// Stocks of one product (schema `v4GetProductInfoStocksResponseItem`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct GetProductInfoStocksResponseItem {
    /// The seller's article.
    #[serde(default)]
    pub offer_id: String,
    /// Ozon's product id.
    #[serde(default)]
    pub product_id: ProductId,
    /// Stock per scheme.
    #[serde(default)]
    pub stocks: Vec<GetProductInfoStocksResponseStock>,
}

market_core::wire_enum! {
    /// Shipment type (schema `StockShipmentType`).
    pub enum StockShipmentType {
        /// Ordinary goods.
        General = "SHIPMENT_TYPE_GENERAL",
        /// Boxes.
        Box = "SHIPMENT_TYPE_BOX",
        /// Pallets.
        Pallet = "SHIPMENT_TYPE_PALLET",
    }
}

/// Stock of one scheme (schema `GetProductInfoStocksResponseStock`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct GetProductInfoStocksResponseStock {
    /// Units on hand.
    #[serde(default)]
    pub present: i32,
    /// Units reserved.
    #[serde(default)]
    pub reserved: i32,
    /// Shipment type.
    #[serde(default)]
    pub shipment_type: Option<StockShipmentType>,
    /// Ozon's SKU.
    #[serde(default)]
    pub sku: Sku,
    /// The scheme: `fbs`, `fbo`, `crossborder`.
    #[serde(default, rename = "type")]
    pub kind: String,
    /// Warehouses holding the stock.
    #[serde(default)]
    pub warehouse_ids: Vec<WarehouseId>,
}

/// `POST /v1/product/info/stocks-by-warehouse/fbs` request (schema
/// `productsv1GetProductInfoStocksByWarehouseFbsRequest`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct GetProductInfoStocksByWarehouseFbsRequest {
    /// SKUs, at most [`crate::api::stocks::STOCKS_BY_WAREHOUSE_MAX`].
    #[serde(with = "crate::ids::as_strings")]
    pub sku: Vec<Sku>,
}

/// `POST /v1/product/info/stocks-by-warehouse/fbs` response (schema
/// `productsv1GetProductInfoStocksByWarehouseFbsResponse`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct GetProductInfoStocksByWarehouseFbsResponse {
    /// Stock per SKU and warehouse.
    #[serde(default)]
    pub result: Vec<GetProductInfoStocksByWarehouseFbsResponseResult>,
}

/// One SKU at one warehouse (schema `productsv1GetProductInfoStocksByWarehouseFbsResponseResult`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct GetProductInfoStocksByWarehouseFbsResponseResult {
    /// Ozon's SKU.
    #[serde(default)]
    pub sku: Sku,
    /// Units on hand.
    #[serde(default)]
    pub present: i64,
    /// Ozon's product id.
    #[serde(default)]
    pub product_id: ProductId,
    /// Units reserved.
    #[serde(default)]
    pub reserved: i64,
    /// The warehouse.
    #[serde(default)]
    pub warehouse_id: WarehouseId,
    /// The warehouse name.
    #[serde(default)]
    pub warehouse_name: String,
}

market_core::wire_enum! {
    /// Warehouse type filter (schema `AnalyticsGetStockOnWarehousesRequestWarehouseType`).
    pub enum StockWarehouseType {
        /// All warehouses.
        All = "ALL",
        /// Express dark stores only.
        ExpressDarkStore = "EXPRESS_DARK_STORE",
        /// All but express dark stores.
        NotExpressDarkStore = "NOT_EXPRESS_DARK_STORE",
    }
}

/// `POST /v2/analytics/stock_on_warehouses` request (schema `analyticsStockOnWarehouseRequest`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct StockOnWarehouseRequest {
    /// Rows a page, 1 to 1000.
    pub limit: i64,
    /// Rows to skip.
    #[serde(default)]
    pub offset: i64,
    /// Which warehouses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warehouse_type: Option<StockWarehouseType>,
}

/// `POST /v2/analytics/stock_on_warehouses` response (schema `analyticsStockOnWarehouseResponse`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct StockOnWarehouseResponse {
    /// The page.
    #[serde(default)]
    pub result: StockOnWarehouseResponseResult,
}

/// The page (schema `analyticsStockOnWarehouseResponseResult`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct StockOnWarehouseResponseResult {
    /// Rows: one SKU at one Ozon warehouse.
    #[serde(default)]
    pub rows: Vec<StockOnWarehouseResultRow>,
}

/// FBO stock of one SKU at one Ozon warehouse (schema `analyticsStockOnWarehouseResultRows`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct StockOnWarehouseResultRow {
    /// Units available to sell.
    #[serde(default)]
    pub free_to_sell_amount: i64,
    /// The seller's article.
    #[serde(default)]
    pub item_code: String,
    /// The product name.
    #[serde(default)]
    pub item_name: String,
    /// Units on their way to the warehouse.
    #[serde(default)]
    pub promised_amount: i64,
    /// Units reserved.
    #[serde(default)]
    pub reserved_amount: i64,
    /// Ozon's SKU.
    #[serde(default)]
    pub sku: Sku,
    /// The warehouse name.
    #[serde(default)]
    pub warehouse_name: String,
}
