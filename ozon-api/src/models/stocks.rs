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
    /// The outcome per product-warehouse pair (required: a 200 without it is a decode
    /// error).
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
    /// The seller's warehouse, by its id in `/v2/warehouse/list`.
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
    /// Why Ozon did not update the pair.
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
        /// Archived automatically.
        AutoArchived = "AUTO_ARCHIVED",
        /// Archived by the seller.
        ManualArchived = "MANUAL_ARCHIVED",
        /// Archived automatically for the season.
        SeasonalAutoArchived = "SEASONAL_AUTO_ARCHIVED",
        /// Visible, with stock on Ozon's (FBO) warehouses.
        VisibleWithFboStock = "VISIBLE_WITH_FBO_STOCK",
    }
}

/// `POST /v4/product/info/stocks` request (schema `v4GetProductInfoStocksRequest`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct StocksInfoRequest {
    /// The page cursor; empty for the first page.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub cursor: String,
    /// Which products' stocks to read.
    pub filter: StocksInfoFilter,
    /// Items a page, 1 to 1000.
    pub limit: i32,
}

/// The filter of [`StocksInfoRequest`] (schema `v4GetProductInfoStocksRequestFilter`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct StocksInfoFilter {
    /// Only these articles.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub offer_id: Vec<String>,
    /// Only these product ids.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        with = "market_core::wire::id_strings"
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
pub struct StocksInfoResponse {
    /// The cursor of the next page; empty on the last.
    #[serde(default)]
    pub cursor: String,
    /// Products (required: a 200 without the page is a decode error, not a last page).
    pub items: Vec<StocksInfoItem>,
    /// Products matching the filter.
    #[serde(default)]
    pub total: i32,
}

/// Stocks of one product (schema `v4GetProductInfoStocksResponseItem`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct StocksInfoItem {
    /// The seller's article.
    #[serde(default)]
    pub offer_id: String,
    /// Ozon's product id.
    #[serde(default)]
    pub product_id: ProductId,
    /// Stock per scheme.
    #[serde(default)]
    pub stocks: Vec<StocksInfoStock>,
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
pub struct StocksInfoStock {
    /// Units on hand.
    #[serde(default)]
    pub present: i32,
    /// Units reserved.
    #[serde(default)]
    pub reserved: i32,
    /// The shipment type the stock is for; `None` when Ozon sends none.
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

/// `POST /v2/product/info/stocks-by-warehouse/fbs` request (schema
/// `v2GetProductInfoStocksByWarehouseFbsRequestV2`): by SKU or by article (one of the two),
/// cursor paging.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct StocksByWarehouseRequest {
    /// Where the page starts: empty for the first page, then the previous answer's `cursor`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub cursor: String,
    /// Rows a page, 1 to [`crate::api::stocks::STOCKS_BY_WAREHOUSE_FBS_PAGE_MAX`].
    pub limit: i64,
    /// Articles, at most [`crate::api::stocks::STOCKS_BY_WAREHOUSE_FBS_MAX`] (instead of `sku`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub offer_id: Vec<String>,
    /// SKUs, at most [`crate::api::stocks::STOCKS_BY_WAREHOUSE_FBS_MAX`] (instead of `offer_id`).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        with = "market_core::wire::id_strings"
    )]
    pub sku: Vec<Sku>,
}

/// `POST /v2/product/info/stocks-by-warehouse/fbs` response (schema
/// `v2GetProductInfoStocksByWarehouseFbsResponseV2`); `products` is required.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct StocksByWarehouseResponse {
    /// Where the next page starts.
    #[serde(default)]
    pub cursor: String,
    /// True when more rows follow.
    #[serde(default)]
    pub has_next: bool,
    /// Stock per product and warehouse.
    pub products: Vec<StocksByWarehouseProduct>,
}

/// One product at one warehouse (schema `v2GetProductInfoStocksByWarehouseFbsResponseV2Product`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct StocksByWarehouseProduct {
    /// Units available to sell.
    #[serde(default)]
    pub free_stock: i64,
    /// The seller's article.
    #[serde(default)]
    pub offer_id: String,
    /// Units on hand.
    #[serde(default)]
    pub present: i64,
    /// Ozon's product id.
    #[serde(default)]
    pub product_id: ProductId,
    /// Units reserved.
    #[serde(default)]
    pub reserved: i64,
    /// Ozon's SKU.
    #[serde(default)]
    pub sku: Sku,
    /// The seller's warehouse, by its id in `/v2/warehouse/list`.
    #[serde(default)]
    pub warehouse_id: WarehouseId,
    /// The name of the seller's warehouse.
    #[serde(default)]
    pub warehouse_name: String,
}

/// `POST /v1/analytics/stocks` request (schema `v1AnalyticsStocksRequest`): stock analytics
/// of Ozon's (FBO) warehouses for at most 100 SKUs. Give `cluster_ids` or
/// `macrolocal_cluster_ids`, not both.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct AnalyticsStocksRequest {
    /// Only these clusters (sent as strings).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        with = "market_core::wire::id_strings"
    )]
    pub cluster_ids: Vec<i64>,
    /// Only products with these tags (`ECONOM`, `NOVEL`, `DISCOUNT`, `FBS_RETURN`, `SUPER`,
    /// `ITEM_ATTRIBUTE_NONE`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub item_tags: Vec<String>,
    /// Only these macro-local clusters (sent as strings).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        with = "market_core::wire::id_strings"
    )]
    pub macrolocal_cluster_ids: Vec<i64>,
    /// The SKUs, 1 to [`crate::api::stocks::ANALYTICS_STOCKS_MAX`] (required).
    #[serde(with = "market_core::wire::id_strings")]
    pub skus: Vec<Sku>,
    /// Only these liquidity grades (`DEFICIT`, `POPULAR`, ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub turnover_grades: Vec<String>,
    /// Only these warehouses (sent as strings).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        with = "market_core::wire::id_strings"
    )]
    pub warehouse_ids: Vec<WarehouseId>,
}

/// `POST /v1/analytics/stocks` response (schema `v1AnalyticsStocksResponse`); `items` is
/// required.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct AnalyticsStocksResponse {
    /// One row per SKU, cluster and warehouse.
    pub items: Vec<AnalyticsStocksItem>,
}

/// Stock of one SKU at one Ozon warehouse (schema `v1AnalyticsStocksResponseItem`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct AnalyticsStocksItem {
    /// Average daily sales over 28 days, all clusters.
    #[serde(default)]
    pub ads: f64,
    /// Average daily sales over 28 days in the cluster.
    #[serde(default)]
    pub ads_cluster: f64,
    /// Units available to sell ("Доступно к продаже").
    #[serde(default)]
    pub available_stock_count: i64,
    /// The cluster's id (details from `/v1/cluster/list`).
    #[serde(default)]
    pub cluster_id: i64,
    /// The cluster's name.
    #[serde(default)]
    pub cluster_name: String,
    /// Days without sales, all clusters.
    #[serde(default)]
    pub days_without_sales: i64,
    /// How many days the product has not sold in the cluster.
    #[serde(default)]
    pub days_without_sales_cluster: i64,
    /// Surplus from supplies that may be taken away.
    #[serde(default)]
    pub excess_stock_count: i64,
    /// Units whose shelf life is running out.
    #[serde(default)]
    pub expiring_stock_count: i64,
    /// Days the stock lasts, all clusters.
    #[serde(default)]
    pub idc: f64,
    /// Days the stock lasts in the cluster.
    #[serde(default)]
    pub idc_cluster: f64,
    /// The product's tags.
    #[serde(default)]
    pub item_tags: Vec<String>,
    /// The macro-local cluster.
    #[serde(default)]
    pub macrolocal_cluster_id: i64,
    /// The product's name.
    #[serde(default)]
    pub name: String,
    /// The seller's article.
    #[serde(default)]
    pub offer_id: String,
    /// Units being checked.
    #[serde(default)]
    pub other_stock_count: i64,
    /// Units in supply requests.
    #[serde(default)]
    pub requested_stock_count: i64,
    /// Units being returned by buyers.
    #[serde(default)]
    pub return_from_customer_stock_count: i64,
    /// Units being prepared for removal at the seller's request.
    #[serde(default)]
    pub return_to_seller_stock_count: i64,
    /// Ozon's SKU.
    #[serde(default)]
    pub sku: Sku,
    /// Defective stock that may be taken away.
    #[serde(default)]
    pub stock_defect_stock_count: i64,
    /// Defective supply that may be taken away.
    #[serde(default)]
    pub transit_defect_stock_count: i64,
    /// Units in supplies on their way.
    #[serde(default)]
    pub transit_stock_count: i64,
    /// The liquidity grade, all clusters.
    #[serde(default)]
    pub turnover_grade: String,
    /// The liquidity grade in the cluster.
    #[serde(default)]
    pub turnover_grade_cluster: String,
    /// Units being prepared for sale ("Готовим к продаже").
    #[serde(default)]
    pub valid_stock_count: i64,
    /// Marked units waiting for the seller.
    #[serde(default)]
    pub waiting_docs_stock_count: i64,
    /// The Ozon warehouse (FBO) holding the stock.
    #[serde(default)]
    pub warehouse_id: WarehouseId,
    /// The warehouse's name.
    #[serde(default)]
    pub warehouse_name: String,
}
