//! Wire types of the products section: the product list, product info, card import and its
//! status, attribute and picture updates, archiving, deletion, and the upload limits.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::ids::{
    AttributeId, DescriptionCategoryId, DictionaryValueId, ImportTaskId, ProductId, Sku, TypeId,
};

market_core::impl_open_enum!(
    ColorIndex,
    ProductErrorLevel,
    ProductPromotionType,
    SourceShipmentType
);

use market_core::wire::de::{one_or_many, open_enum};

// ---------------------------------------------------------------------------------------------
// /v3/product/list

market_core::wire_enum! {
    /// Product visibility filter of the product list (schema
    /// `productv3GetProductListRequestFilterFilterVisibility`).
    pub enum ProductVisibility {
        /// All products but archived.
        All = "ALL",
        /// Visible to buyers.
        Visible = "VISIBLE",
        /// Hidden from buyers.
        Invisible = "INVISIBLE",
        /// Without stock.
        EmptyStock = "EMPTY_STOCK",
        /// Not moderated.
        NotModerated = "NOT_MODERATED",
        /// Moderated.
        Moderated = "MODERATED",
        /// Visible but not for sale (disabled).
        Disabled = "DISABLED",
        /// Failed to be created.
        StateFailed = "STATE_FAILED",
        /// Ready to be supplied.
        ReadyToSupply = "READY_TO_SUPPLY",
        /// Validation pending.
        ValidationStatePending = "VALIDATION_STATE_PENDING",
        /// Validation failed.
        ValidationStateFail = "VALIDATION_STATE_FAIL",
        /// Validation passed.
        ValidationStateSuccess = "VALIDATION_STATE_SUCCESS",
        /// To be supplied.
        ToSupply = "TO_SUPPLY",
        /// On sale.
        InSale = "IN_SALE",
        /// Removed from sale.
        RemovedFromSale = "REMOVED_FROM_SALE",
        /// Overpriced.
        Overpriced = "OVERPRICED",
        /// Critically overpriced.
        CriticallyOverpriced = "CRITICALLY_OVERPRICED",
        /// Without a barcode.
        EmptyBarcode = "EMPTY_BARCODE",
        /// With a barcode.
        BarcodeExists = "BARCODE_EXISTS",
        /// In quarantine after a price change.
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

/// `POST /v3/product/list` request (schema `productv3GetProductListRequest`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ProductListRequest {
    /// Which products to list.
    #[serde(default)]
    pub filter: ProductListFilter,
    /// The `last_id` of the previous page; empty for the first page.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub last_id: String,
    /// Products a page, 1 to [`crate::api::products::PRODUCT_LIST_PAGE_MAX`].
    pub limit: i64,
}

/// The filter of [`ProductListRequest`] (schema `productv3GetProductListRequestFilter`).
///
/// Give one group of ids at most (articles or product ids), up to
/// [`crate::api::products::PRODUCT_LIST_FILTER_MAX`] of them.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ProductListFilter {
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
    /// Only products of this visibility (Ozon's default: all but archived).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visibility: Option<ProductVisibility>,
}

impl ProductListFilter {
    /// Products of one visibility.
    pub fn visibility(visibility: ProductVisibility) -> Self {
        Self {
            visibility: Some(visibility),
            ..Self::default()
        }
    }

    /// Products with these articles.
    pub fn offer_ids(offer_ids: impl IntoIterator<Item = impl Into<String>>) -> Self {
        Self {
            offer_id: offer_ids.into_iter().map(Into::into).collect(),
            ..Self::default()
        }
    }

    /// Products with these product ids.
    pub fn product_ids(product_ids: impl IntoIterator<Item = impl Into<ProductId>>) -> Self {
        Self {
            product_id: product_ids.into_iter().map(Into::into).collect(),
            ..Self::default()
        }
    }
}

/// `POST /v3/product/list` response (schema `productv3GetProductListResponse`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ProductListResponse {
    /// The page (required: a 200 without it is a decode error, not a last page).
    pub result: ProductListResult,
}

/// A page of the product list (schema `productv3GetProductListResponseResult`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ProductListResult {
    /// Products (required, as the page itself).
    pub items: Vec<ProductListItem>,
    /// What to send as `last_id` for the next page.
    #[serde(default)]
    pub last_id: String,
    /// Products matching the filter.
    #[serde(default)]
    pub total: i32,
}

/// One product of the list (schema `productv3GetProductListResponseItem`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ProductListItem {
    /// True when archived.
    #[serde(default)]
    pub archived: bool,
    /// True when there is stock on FBO warehouses.
    #[serde(default)]
    pub has_fbo_stocks: bool,
    /// True when there is stock on FBS warehouses.
    #[serde(default)]
    pub has_fbs_stocks: bool,
    /// True for a discounted (marked-down) product.
    #[serde(default)]
    pub is_discounted: bool,
    /// The seller's article.
    #[serde(default)]
    pub offer_id: String,
    /// Ozon's product id.
    #[serde(default)]
    pub product_id: ProductId,
    /// Quants (economy products): a list since the 2026-06 spec (one object before; both
    /// are read).
    #[serde(default, deserialize_with = "one_or_many")]
    pub quants: Vec<ProductListQuant>,
}

/// A quant of a listed product (schema `productv3GetProductListResponseItemQuant`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ProductListQuant {
    /// The economy product id.
    #[serde(default)]
    pub quant_code: String,
    /// The quant size.
    #[serde(default)]
    pub quant_size: i64,
}

// ---------------------------------------------------------------------------------------------
// /v3/product/info/list

/// `POST /v3/product/info/list` request (schema `v3GetProductInfoListRequest`).
///
/// [`ProductsApi::info_list`](crate::api::products::ProductsApi::info_list) takes any number of
/// ids of the three kinds and sends each kind separately, at most
/// [`crate::api::products::PRODUCT_INFO_LIST_MAX`] ids a request.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ProductInfoListRequest {
    /// Articles.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub offer_id: Vec<String>,
    /// Product ids.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        with = "market_core::wire::id_strings"
    )]
    pub product_id: Vec<ProductId>,
    /// SKUs.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        with = "market_core::wire::id_strings"
    )]
    pub sku: Vec<Sku>,
}

impl ProductInfoListRequest {
    /// Products by article.
    pub fn offer_ids(offer_ids: impl IntoIterator<Item = impl Into<String>>) -> Self {
        Self {
            offer_id: offer_ids.into_iter().map(Into::into).collect(),
            ..Self::default()
        }
    }

    /// Products by product id.
    pub fn product_ids(product_ids: impl IntoIterator<Item = impl Into<ProductId>>) -> Self {
        Self {
            product_id: product_ids.into_iter().map(Into::into).collect(),
            ..Self::default()
        }
    }

    /// Products by SKU.
    pub fn skus(skus: impl IntoIterator<Item = impl Into<Sku>>) -> Self {
        Self {
            sku: skus.into_iter().map(Into::into).collect(),
            ..Self::default()
        }
    }

    /// How many ids the request names.
    pub fn len(&self) -> usize {
        self.offer_id.len() + self.product_id.len() + self.sku.len()
    }

    /// True when no id is named.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// `POST /v3/product/info/list` response (schema `v3GetProductInfoListResponse`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ProductInfoListResponse {
    /// The products (required: a 200 without the list is a decode error).
    pub items: Vec<ProductInfo>,
}

/// Everything about one product (schema `v3GetProductInfoListResponseItem`).
///
/// Ozon's own 2026-06 example of this answer breaks its schema in five places (`vat: "20%"`,
/// `color_index: "RED"`, promotion type `"DISCOUNT"`, shipment type `"EXPRESS"`, error level
/// `"ERROR"`): those fields are read leniently, in strict mode too (unknown enum values are
/// kept as `Unknown`, a VAT in percent is read as a fraction), so a real answer in either
/// spelling decodes.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ProductInfo {
    /// Where the product can be sold, per SKU and source.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub availabilities: Vec<ProductAvailability>,
    /// Every barcode of the product.
    #[serde(default)]
    pub barcodes: Vec<String>,
    /// The marketing colour image.
    #[serde(default)]
    pub color_image: Vec<String>,
    /// Commissions per sales scheme.
    #[serde(default)]
    pub commissions: Vec<ProductCommission>,
    /// When the product was created.
    #[serde(default)]
    pub created_at: DateTime<Utc>,
    /// The currency of the prices.
    #[serde(default)]
    pub currency_code: String,
    /// Ozon's category id; use it with `/v1/description-category/attribute` and
    /// `/v1/description-category/attribute/values`.
    #[serde(default)]
    pub description_category_id: DescriptionCategoryId,
    /// Stock of the discounted product on Ozon's warehouses.
    #[serde(default)]
    pub discounted_fbo_stocks: i32,
    /// Errors of creation or validation.
    #[serde(default)]
    pub errors: Vec<ProductInfoError>,
    /// True when discounted twins of the product are on Ozon's warehouses.
    #[serde(default)]
    pub has_discounted_fbo_item: bool,
    /// Ozon's product id.
    #[serde(default)]
    pub id: ProductId,
    /// Image URLs, in the order shown.
    #[serde(default)]
    pub images: Vec<String>,
    /// 360° image URLs.
    #[serde(default)]
    pub images360: Vec<String>,
    /// True when archived by the seller.
    #[serde(default)]
    pub is_archived: bool,
    /// True when archived by Ozon automatically.
    #[serde(default)]
    pub is_autoarchived: bool,
    /// True when the seller created it as a discounted product.
    #[serde(default)]
    pub is_discounted: bool,
    /// True for a bulky product (KGT).
    #[serde(default)]
    pub is_kgt: bool,
    /// True when prepayment is possible (deprecated by Ozon).
    #[serde(default)]
    pub is_prepayment_allowed: bool,
    /// True for a super product.
    #[serde(default)]
    pub is_super: bool,
    /// The minimum price after promotions.
    #[serde(default, deserialize_with = "market_core::wire::de::opt_decimal")]
    pub min_price: Option<Decimal>,
    /// The model the product belongs to.
    #[serde(default)]
    pub model_info: ProductModelInfo,
    /// The product's name.
    #[serde(default)]
    pub name: String,
    /// The seller's article.
    #[serde(default)]
    pub offer_id: String,
    /// The price before discounts (shown struck through).
    #[serde(default, deserialize_with = "market_core::wire::de::opt_decimal")]
    pub old_price: Option<Decimal>,
    /// The price with discounts, shown on the card.
    #[serde(default, deserialize_with = "market_core::wire::de::opt_decimal")]
    pub price: Option<Decimal>,
    /// The product's price indexes: its price against the market's.
    #[serde(default)]
    pub price_indexes: ProductPriceIndexes,
    /// The main image.
    #[serde(default)]
    pub primary_image: Vec<String>,
    /// The promotions the product takes part in.
    #[serde(default)]
    pub promotions: Vec<ProductPromotion>,
    /// Ozon's SKU.
    #[serde(default)]
    pub sku: Sku,
    /// How the product was created, per scheme.
    #[serde(default)]
    pub sources: Vec<ProductSource>,
    /// The product's statuses (creation, moderation, validation).
    #[serde(default)]
    pub statuses: ProductStatuses,
    /// The product's stock by scheme.
    #[serde(default)]
    pub stocks: ProductStocks,
    /// The product type.
    #[serde(default)]
    pub type_id: TypeId,
    /// When the product was last updated.
    #[serde(default)]
    pub updated_at: DateTime<Utc>,
    /// The VAT rate as a fraction (`0.2` for 20%; `"20%"` is read as `0.2`).
    #[serde(default, deserialize_with = "market_core::wire::de::opt_fraction")]
    pub vat: Option<Decimal>,
    /// Visibility settings.
    #[serde(default)]
    pub visibility_details: ProductVisibilityDetails,
    /// The product's volumetric weight.
    #[serde(default)]
    pub volume_weight: f64,
}

/// Where a product can be sold (schema `GetProductInfoListResponseAvailability`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ProductAvailability {
    /// The availability, as Ozon spells it.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub availability: String,
    /// Why it is (not) available.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub reasons: Vec<AvailabilityReason>,
    /// Ozon's SKU.
    #[serde(default)]
    pub sku: Sku,
    /// The source (scheme) it applies to.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub source: String,
}

/// A reason of an availability (schema `AvailabilityReason`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct AvailabilityReason {
    /// The reason for people.
    #[serde(default)]
    pub human_text: ReasonHumanText,
    /// The reason id.
    #[serde(default)]
    pub id: i64,
}

/// The text of a reason (schema `ReasonHumanText`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ReasonHumanText {
    /// The reason, as text.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub text: String,
}

/// A commission of one sales scheme (schema `GetProductInfoListResponseCommission`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ProductCommission {
    /// The delivery cost.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub delivery_amount: Decimal,
    /// The commission, in percent.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub percent: Decimal,
    /// The return cost.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub return_amount: Decimal,
    /// The sales scheme.
    #[serde(default)]
    pub sale_schema: String,
    /// The commission amount.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub value: Decimal,
}

market_core::wire_enum! {
    /// How serious a product error is (schema `ErrorErrorLevel`).
    pub enum ProductErrorLevel {
        /// Not stated.
        Unspecified = "ERROR_LEVEL_UNSPECIFIED",
        /// Critical: the product cannot be sold.
        Error = "ERROR_LEVEL_ERROR",
        /// A warning: the product can be sold.
        Warning = "ERROR_LEVEL_WARNING",
        /// Critical, Ozon's internal.
        Internal = "ERROR_LEVEL_INTERNAL",
    }
}

/// An error of creation or validation (schema `GetProductInfoListResponseError`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ProductInfoError {
    /// The attribute at fault.
    #[serde(default)]
    pub attribute_id: AttributeId,
    /// The error code.
    #[serde(default)]
    pub code: String,
    /// The field at fault.
    #[serde(default)]
    pub field: String,
    /// How serious it is (unknown values kept, even under `strict`: Ozon's example sends
    /// `"ERROR"`).
    #[serde(default, deserialize_with = "open_enum")]
    pub level: Option<ProductErrorLevel>,
    /// The product status in which it occurred.
    #[serde(default)]
    pub state: String,
    /// Readable texts.
    #[serde(default)]
    pub texts: ProductErrorTexts,
}

/// Readable texts of an error (schema `ErrorHumanTexts`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ProductErrorTexts {
    /// The name of the attribute the error is in.
    #[serde(default)]
    pub attribute_name: String,
    /// The error's description.
    #[serde(default)]
    pub description: String,
    /// Ozon's error code.
    #[serde(default)]
    pub hint_code: String,
    /// The error's text.
    #[serde(default)]
    pub message: String,
    /// The parameters at fault.
    #[serde(default)]
    pub params: Vec<ProductErrorParam>,
    /// A short description of the error.
    #[serde(default)]
    pub short_description: String,
}

/// A parameter at fault (schema `HumanTextsParam`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ProductErrorParam {
    /// The parameter name.
    #[serde(default)]
    pub name: String,
    /// The parameter's value.
    #[serde(default)]
    pub value: String,
}

/// The model of a product (schema `GetProductInfoListResponseModelInfo`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ProductModelInfo {
    /// Products of the model.
    #[serde(default)]
    pub count: i64,
    /// The id of the product's model.
    #[serde(default)]
    pub model_id: i64,
}

market_core::wire_enum! {
    /// The price index colour (schema `PriceIndexesColorIndex`).
    pub enum ColorIndex {
        /// Not stated.
        Unspecified = "COLOR_INDEX_UNSPECIFIED",
        /// No index.
        WithoutIndex = "COLOR_INDEX_WITHOUT_INDEX",
        /// Super favourable.
        Super = "COLOR_INDEX_SUPER",
        /// Favourable.
        Green = "COLOR_INDEX_GREEN",
        /// Moderate.
        Yellow = "COLOR_INDEX_YELLOW",
        /// Unfavourable.
        Red = "COLOR_INDEX_RED",
    }
}

/// Price indexes of a product (schema `GetProductInfoListResponsePriceIndexes`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ProductPriceIndexes {
    /// The index colour (unknown values kept, even under `strict`: Ozon's example sends
    /// `"RED"`).
    #[serde(default, deserialize_with = "open_enum")]
    pub color_index: Option<ColorIndex>,
    /// Competitors' prices on other marketplaces.
    #[serde(default)]
    pub external_index_data: PriceIndexData,
    /// Competitors' prices on Ozon.
    #[serde(default)]
    pub ozon_index_data: PriceIndexData,
    /// The seller's own prices on other marketplaces.
    #[serde(default)]
    pub self_marketplaces_index_data: PriceIndexData,
}

/// One price index (schemas `PriceIndexesIndexDataExternal`, `PriceIndexesIndexDataOzon` and
/// `PriceIndexesIndexDataSelf`, which have the same fields).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PriceIndexData {
    /// The lowest price compared with.
    #[serde(default, deserialize_with = "market_core::wire::de::opt_decimal")]
    pub minimal_price: Option<Decimal>,
    /// The currency of `minimal_price` (an ISO 4217 code such as `RUB`).
    #[serde(default)]
    pub minimal_price_currency: String,
    /// The index value.
    #[serde(default)]
    pub price_index_value: f64,
}

market_core::wire_enum! {
    /// A promotion type in product info (schema `v3GetProductInfoListResponsePromotionType`).
    pub enum ProductPromotionType {
        /// Unknown.
        Unspecified = "UNSPECIFIED",
        /// "Points for reviews".
        ReviewsPromo = "REVIEWS_PROMO",
    }
}

/// A promotion of a product (schema `v3GetProductInfoListResponsePromotion`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ProductPromotion {
    /// True when the promotion is on.
    #[serde(default)]
    pub is_enabled: bool,
    /// The promotion type (unknown values kept, even under `strict`: Ozon's example sends
    /// `"DISCOUNT"`).
    #[serde(default, rename = "type", deserialize_with = "open_enum")]
    pub kind: Option<ProductPromotionType>,
}

market_core::wire_enum! {
    /// The packaging type of a source (schema `SourceShipmentType`).
    pub enum SourceShipmentType {
        /// Not stated.
        Unspecified = "SHIPMENT_TYPE_UNSPECIFIED",
        /// An ordinary product.
        General = "SHIPMENT_TYPE_GENERAL",
        /// A box.
        Box = "SHIPMENT_TYPE_BOX",
        /// A pallet.
        Pallet = "SHIPMENT_TYPE_PALLET",
    }
}

/// How a product was created for one scheme (schema `GetProductInfoListResponseSource`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ProductSource {
    /// When it was created.
    #[serde(default)]
    pub created_at: Option<DateTime<Utc>>,
    /// The quant code.
    #[serde(default)]
    pub quant_code: String,
    /// The packaging type (unknown values kept, even under `strict`: Ozon's example sends
    /// `"EXPRESS"`).
    #[serde(default, deserialize_with = "open_enum")]
    pub shipment_type: Option<SourceShipmentType>,
    /// Ozon's SKU for this scheme.
    #[serde(default)]
    pub sku: Sku,
    /// The scheme: `SDS` (FBO and FBS with one SKU), `FBO` or `FBS`.
    #[serde(default)]
    pub source: String,
}

/// Statuses of a product (schema `GetProductInfoListResponseStatuses`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ProductStatuses {
    /// True when created correctly.
    #[serde(default)]
    pub is_created: bool,
    /// The moderation status.
    #[serde(default)]
    pub moderate_status: String,
    /// The product status.
    #[serde(default)]
    pub status: String,
    /// The description of the product's status.
    #[serde(default)]
    pub status_description: String,
    /// The status in which an error occurred.
    #[serde(default)]
    pub status_failed: String,
    /// The name of the product's status.
    #[serde(default)]
    pub status_name: String,
    /// A longer description of the status (Ozon's tooltip).
    #[serde(default)]
    pub status_tooltip: String,
    /// When the status last changed.
    #[serde(default)]
    pub status_updated_at: Option<DateTime<Utc>>,
    /// The status of the product's validation.
    #[serde(default)]
    pub validation_status: String,
}

/// Stock of a product (schema `GetProductInfoListResponseStocks`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ProductStocks {
    /// True when there is stock on some warehouse.
    #[serde(default)]
    pub has_stock: bool,
    /// Stock per scheme.
    #[serde(default)]
    pub stocks: Vec<ProductStock>,
}

/// Stock of one scheme (schema `GetProductInfoListResponseStocksStock`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ProductStock {
    /// Units on hand.
    #[serde(default)]
    pub present: i32,
    /// Units reserved.
    #[serde(default)]
    pub reserved: i32,
    /// Ozon's SKU.
    #[serde(default)]
    pub sku: Sku,
    /// The sales scheme.
    #[serde(default)]
    pub source: String,
}

/// Visibility settings of a product (schema `GetProductInfoListResponseVisibilityDetails`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ProductVisibilityDetails {
    /// True when a price is set.
    #[serde(default)]
    pub has_price: bool,
    /// True when there is stock.
    #[serde(default)]
    pub has_stock: bool,
}

// ---------------------------------------------------------------------------------------------
// /v3/product/import

market_core::wire_enum! {
    /// The currency of a card's prices; must match the account's settlement currency. Values
    /// from the field's description (the spec types it as a plain string).
    pub enum CurrencyCode {
        /// Russian rouble (Ozon's default).
        Rub = "RUB",
        /// Belarusian rouble.
        Byn = "BYN",
        /// Tenge.
        Kzt = "KZT",
        /// Euro.
        Eur = "EUR",
        /// US dollar.
        Usd = "USD",
        /// Yuan.
        Cny = "CNY",
    }
}

market_core::wire_enum! {
    /// The unit of package dimensions. Values from the field's description (the spec types it
    /// as a plain string).
    pub enum DimensionUnit {
        /// Millimetres.
        Millimetres = "mm",
        /// Centimetres.
        Centimetres = "cm",
        /// Inches.
        Inches = "in",
    }
}

market_core::wire_enum! {
    /// The unit of package weight. Values from the field's description (the spec types it as
    /// a plain string).
    pub enum WeightUnit {
        /// Grams.
        Grams = "g",
        /// Kilograms.
        Kilograms = "kg",
        /// Pounds.
        Pounds = "lb",
    }
}

market_core::wire_enum! {
    /// Whether a product needs a marking code (schema `v3ServiceType`).
    pub enum ServiceType {
        /// With a code.
        IsCodeService = "IS_CODE_SERVICE",
        /// Without a code.
        IsNoCodeService = "IS_NO_CODE_SERVICE",
    }
}

market_core::wire_enum! {
    /// What to do with a promotion on import (`operation` of schema
    /// `ImportProductRequestPromotion`).
    pub enum PromotionOperation {
        /// Change nothing (Ozon's default).
        Keep = "UNKNOWN",
        /// Turn it on.
        Enable = "ENABLE",
        /// Turn it off.
        Disable = "DISABLE",
    }
}

market_core::wire_enum! {
    /// A promotion on import (`type` of schema `ImportProductRequestPromotion`).
    pub enum ImportPromotionType {
        /// "Points for reviews".
        ReviewsPromo = "REVIEWS_PROMO",
    }
}

/// `POST /v3/product/import` request (schema `v3ImportProductsRequest`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ProductImportRequest {
    /// Cards, at most [`crate::api::products::PRODUCT_IMPORT_MAX`].
    pub items: Vec<ProductImportItem>,
}

/// One card to create or update (schema `v3ImportProductsRequestItem`).
///
/// An update replaces the card: send everything about the product. Dimensions and weight must
/// be real (not 0) and come with their units.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ProductImportItem {
    /// Attributes (characteristics) of the category and type.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<ProductAttribute>,
    /// The product's barcode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub barcode: Option<String>,
    /// The marketing colour image URL (JPG).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color_image: Option<String>,
    /// Attributes with nested attributes (videos, video cover, ...).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub complex_attributes: Vec<ComplexAttribute>,
    /// The currency of the prices (Ozon's default: RUB).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<CurrencyCode>,
    /// Package depth, in `dimension_unit`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub depth: Option<i32>,
    /// The description category (from the category tree).
    pub description_category_id: DescriptionCategoryId,
    /// The unit of `depth`, `width` and `height`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dimension_unit: Option<DimensionUnit>,
    /// Geographic restrictions.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub geo_names: Vec<String>,
    /// Package height, in `dimension_unit`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height: Option<i32>,
    /// Image URLs (JPG or PNG) in display order; up to 15, or 14 with `primary_image`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub images: Vec<String>,
    /// 360° image URLs, up to 70.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub images360: Vec<String>,
    /// The name, up to 500 characters.
    #[serde(default)]
    pub name: String,
    /// A new category, to move the product.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_description_category_id: Option<DescriptionCategoryId>,
    /// The seller's article, up to 50 characters.
    #[serde(default)]
    pub offer_id: String,
    /// The price before discounts (shown struck through).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::str_option"
    )]
    pub old_price: Option<Decimal>,
    /// PDF documents.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pdf_list: Vec<ImportPdf>,
    /// The price with discounts, shown on the card.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        with = "rust_decimal::serde::str_option"
    )]
    pub price: Option<Decimal>,
    /// The main image URL (otherwise the first of `images`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub primary_image: Option<String>,
    /// Promotions to switch.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub promotions: Vec<ImportPromotion>,
    /// Whether the product needs a marking code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service_type: Option<ServiceType>,
    /// The product type (from the category tree).
    pub type_id: TypeId,
    /// The VAT rate as a fraction: `0`, `0.05`, `0.07`, `0.1`, `0.2`, ... (sent as `"0.1"`).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "market_core::wire::ser::opt_decimal_plain",
        deserialize_with = "market_core::wire::de::opt_decimal"
    )]
    pub vat: Option<Decimal>,
    /// Package weight, in `weight_unit`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<i32>,
    /// The unit of `weight`: `g`, `kg` or `lb`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight_unit: Option<WeightUnit>,
    /// Package width, in `dimension_unit`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<i32>,
}

impl ProductImportItem {
    /// A card with its article, name, category, type and price; add the rest with `with_*`.
    pub fn new(
        offer_id: impl Into<String>,
        name: impl Into<String>,
        description_category_id: impl Into<DescriptionCategoryId>,
        type_id: impl Into<TypeId>,
        price: Decimal,
    ) -> Self {
        Self {
            offer_id: offer_id.into(),
            name: name.into(),
            description_category_id: description_category_id.into(),
            type_id: type_id.into(),
            price: Some(price),
            ..Self::default()
        }
    }

    /// Sets the package dimensions.
    pub fn with_dimensions(
        mut self,
        depth: i32,
        width: i32,
        height: i32,
        unit: DimensionUnit,
    ) -> Self {
        self.depth = Some(depth);
        self.width = Some(width);
        self.height = Some(height);
        self.dimension_unit = Some(unit);
        self
    }

    /// Sets the package weight.
    pub fn with_weight(mut self, weight: i32, unit: WeightUnit) -> Self {
        self.weight = Some(weight);
        self.weight_unit = Some(unit);
        self
    }

    /// Adds an attribute.
    pub fn with_attribute(mut self, attribute: ProductAttribute) -> Self {
        self.attributes.push(attribute);
        self
    }

    /// Sets the images (URLs, in display order).
    pub fn with_images(mut self, images: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.images = images.into_iter().map(Into::into).collect();
        self
    }

    /// Sets the price before discounts.
    pub fn with_old_price(mut self, old_price: Decimal) -> Self {
        self.old_price = Some(old_price);
        self
    }

    /// Sets the VAT rate (a fraction: `0.2` for 20%).
    pub fn with_vat(mut self, vat: Decimal) -> Self {
        self.vat = Some(vat);
        self
    }

    /// Sets the currency of the prices.
    pub fn with_currency(mut self, currency: CurrencyCode) -> Self {
        self.currency_code = Some(currency);
        self
    }

    /// Sets the barcode.
    pub fn with_barcode(mut self, barcode: impl Into<String>) -> Self {
        self.barcode = Some(barcode.into());
        self
    }
}

/// An attribute value of a card (schemas `v3ImportProductsRequestAttribute` and
/// `v1ProductUpdateAttributesRequestAttribute`, which have the same fields).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ProductAttribute {
    /// The complex attribute this one is nested in; 0 when none.
    #[serde(default)]
    pub complex_id: i64,
    /// The attribute.
    pub id: AttributeId,
    /// The attribute's values (several for a multi-value attribute).
    #[serde(default)]
    pub values: Vec<ProductAttributeValue>,
}

impl ProductAttribute {
    /// An attribute with one free-text value.
    pub fn text(id: impl Into<AttributeId>, value: impl Into<String>) -> Self {
        Self {
            complex_id: 0,
            id: id.into(),
            values: vec![ProductAttributeValue {
                dictionary_value_id: None,
                value: value.into(),
            }],
        }
    }

    /// An attribute with one dictionary value (its id and text).
    pub fn dictionary(
        id: impl Into<AttributeId>,
        dictionary_value_id: impl Into<DictionaryValueId>,
        value: impl Into<String>,
    ) -> Self {
        Self {
            complex_id: 0,
            id: id.into(),
            values: vec![ProductAttributeValue {
                dictionary_value_id: Some(dictionary_value_id.into()),
                value: value.into(),
            }],
        }
    }

    /// Nests the attribute in a complex attribute.
    pub fn in_complex(mut self, complex_id: i64) -> Self {
        self.complex_id = complex_id;
        self
    }
}

/// One value of an attribute (schemas `v3ImportProductsRequestDictionaryValue` and
/// `v1ProductUpdateAttributesRequestValue`, which have the same fields).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ProductAttributeValue {
    /// The dictionary value, for dictionary attributes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dictionary_value_id: Option<DictionaryValueId>,
    /// The value as text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub value: String,
}

/// A set of nested attributes (schema `v3ImportProductsRequestComplexAttribute`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ComplexAttribute {
    /// The nested attributes, each with its `complex_id`.
    #[serde(default)]
    pub attributes: Vec<ProductAttribute>,
}

/// A PDF document of a card (schema `ImportProductsRequestPdfList`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ImportPdf {
    /// The position of the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index: Option<i64>,
    /// The file name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The file URL.
    #[serde(default)]
    pub src_url: String,
}

/// A promotion switch of a card (schema `ImportProductRequestPromotion`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ImportPromotion {
    /// What to do.
    pub operation: PromotionOperation,
    /// Which promotion.
    #[serde(rename = "type")]
    pub kind: ImportPromotionType,
}

/// `POST /v3/product/import` response (schema `v3ImportProductsResponse`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ProductImportResponse {
    /// The task.
    #[serde(default)]
    pub result: ProductImportResult,
}

/// The import task (schema `v3ImportProductsResponseResult`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ProductImportResult {
    /// The task id, for `/v1/product/import/info`.
    #[serde(default)]
    pub task_id: ImportTaskId,
}

// ---------------------------------------------------------------------------------------------
// /v1/product/import/info

/// `POST /v1/product/import/info` request (schema `productGetImportProductsInfoRequest`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ImportInfoRequest {
    /// The task from `/v3/product/import` or `/v1/product/attributes/update`.
    pub task_id: ImportTaskId,
}

/// `POST /v1/product/import/info` response (schema `productGetImportProductsInfoResponse`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ImportInfoResponse {
    /// The task's items.
    #[serde(default)]
    pub result: ImportInfoResult,
}

/// The status of an import task (schema `productGetImportProductsInfoResponseResult`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ImportInfoResult {
    /// One entry per card of the task.
    #[serde(default)]
    pub items: Vec<ImportInfoItem>,
    /// How many cards the task has.
    #[serde(default)]
    pub total: i32,
}

impl ImportInfoResult {
    /// True when no card of the task is still queued.
    pub fn is_finished(&self) -> bool {
        !self
            .items
            .iter()
            .any(|i| i.status_kind() == ImportItemStatus::Pending)
    }
}

market_core::wire_enum! {
    /// The import status of one card. Values from the field's description (the spec types
    /// `status` as a plain string): see [`ImportInfoItem::status_kind`].
    pub enum ImportItemStatus {
        /// Queued.
        Pending = "pending",
        /// Imported.
        Imported = "imported",
        /// Imported with errors.
        Failed = "failed",
        /// Not updated: the request changed nothing.
        Skipped = "skipped",
    }
}

/// The status of one card of a task (schema `GetImportProductsInfoResponseResultItem`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ImportInfoItem {
    /// What went wrong.
    #[serde(default)]
    pub errors: Vec<ImportItemError>,
    /// The seller's article.
    #[serde(default)]
    pub offer_id: String,
    /// Ozon's product id (0 until created).
    #[serde(default)]
    pub product_id: ProductId,
    /// The status as sent: `pending`, `imported`, `failed` or `skipped`.
    #[serde(default)]
    pub status: String,
}

impl ImportInfoItem {
    /// The status, parsed (unknown values kept verbatim).
    pub fn status_kind(&self) -> ImportItemStatus {
        ImportItemStatus::from_wire(&self.status)
    }
}

/// An error of one card (schema `v1ItemError`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ImportItemError {
    /// The attribute at fault.
    #[serde(default)]
    pub attribute_id: AttributeId,
    /// The name of the attribute the error is in.
    #[serde(default)]
    pub attribute_name: String,
    /// The error code.
    #[serde(default)]
    pub code: String,
    /// A readable description.
    #[serde(default)]
    pub description: String,
    /// The field at fault.
    #[serde(default)]
    pub field: String,
    /// The error level.
    #[serde(default)]
    pub level: String,
    /// A technical message.
    #[serde(default)]
    pub message: String,
    /// The product state in which it occurred.
    #[serde(default)]
    pub state: String,
}

// ---------------------------------------------------------------------------------------------
// /v1/product/attributes/update

/// `POST /v1/product/attributes/update` request (schema `v1ProductUpdateAttributesRequest`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct UpdateAttributesRequest {
    /// Products and their attributes.
    pub items: Vec<UpdateAttributesItem>,
}

/// The attributes of one product (schema `v1ProductUpdateAttributesRequestItem`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct UpdateAttributesItem {
    /// The attributes to set.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attributes: Vec<ProductAttribute>,
    /// The seller's article.
    pub offer_id: String,
}

impl UpdateAttributesItem {
    /// New attributes of a product.
    pub fn new(offer_id: impl Into<String>, attributes: Vec<ProductAttribute>) -> Self {
        Self {
            attributes,
            offer_id: offer_id.into(),
        }
    }
}

/// `POST /v1/product/attributes/update` response (schema `v1ProductUpdateAttributesResponse`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct UpdateAttributesResponse {
    /// The task, for `/v1/product/import/info`.
    #[serde(default)]
    pub task_id: ImportTaskId,
}

// ---------------------------------------------------------------------------------------------
// /v1/product/pictures/import

/// `POST /v1/product/pictures/import` request (schema `productv1ProductImportPicturesRequest`).
///
/// Each call replaces all pictures of the product: send every image it should have.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ImportPicturesRequest {
    /// The marketing colour image URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color_image: Option<String>,
    /// Image URLs in display order, the first one main; up to 15.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub images: Vec<String>,
    /// 360° image URLs, up to 70.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub images360: Vec<String>,
    /// The product's id in Ozon (`product_id`).
    pub product_id: ProductId,
}

/// `POST /v1/product/pictures/import` response (schema `productv1ProductInfoPicturesResponse`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ImportPicturesResponse {
    /// The pictures.
    #[serde(default)]
    pub result: ImportPicturesResult,
}

/// The pictures taken (schema `productv1ProductInfoPicturesResponseResult`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ImportPicturesResult {
    /// One per image.
    #[serde(default)]
    pub pictures: Vec<ProductPicture>,
}

/// One picture of a product (schema `productProductInfoPicturesResponsePicture`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ProductPicture {
    /// True for a 360° image.
    #[serde(default)]
    pub is_360: bool,
    /// True for the colour sample.
    #[serde(default)]
    pub is_color: bool,
    /// True for the main image.
    #[serde(default)]
    pub is_primary: bool,
    /// The product's id in Ozon (`product_id`).
    #[serde(default)]
    pub product_id: ProductId,
    /// The upload state (`imported` right after the import: not processed yet).
    #[serde(default)]
    pub state: String,
    /// The image URL.
    #[serde(default)]
    pub url: String,
}

// ---------------------------------------------------------------------------------------------
// /v1/product/archive, /v1/product/unarchive

/// `POST /v1/product/archive` and `POST /v1/product/unarchive` request (schemas
/// `productProductArchiveRequest` and `productProductUnarchiveRequest`, which have the same
/// fields).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ArchiveRequest {
    /// Product ids, at most [`crate::api::products::PRODUCT_ARCHIVE_MAX`].
    pub product_id: Vec<ProductId>,
}

/// `POST /v1/product/archive` and `/v1/product/unarchive` response (schema
/// `productBooleanResponse`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct BooleanResponse {
    /// True when the request was processed.
    #[serde(default)]
    pub result: bool,
}

// ---------------------------------------------------------------------------------------------
// /v2/products/delete

/// `POST /v2/products/delete` request (schema `productv2DeleteProductsRequest`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct DeleteProductsRequest {
    /// Products, at most [`crate::api::products::PRODUCTS_DELETE_MAX`].
    pub products: Vec<DeleteProduct>,
}

/// One product to delete (schema `DeleteProductsRequestProduct`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct DeleteProduct {
    /// The seller's article.
    pub offer_id: String,
}

/// `POST /v2/products/delete` response (schema `productv2DeleteProductsResponse`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct DeleteProductsResponse {
    /// The outcome per product.
    #[serde(default)]
    pub status: Vec<DeleteStatus>,
}

/// The outcome of one deletion (schema `DeleteProductsResponseDeleteStatus`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct DeleteStatus {
    /// Why it was not deleted.
    #[serde(default)]
    pub error: String,
    /// True when deleted.
    #[serde(default)]
    pub is_deleted: bool,
    /// The seller's article.
    #[serde(default)]
    pub offer_id: String,
}

// ---------------------------------------------------------------------------------------------
// /v4/product/info/limit

/// An empty request body (schema `v1Empty`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct EmptyRequest {}

/// `POST /v4/product/info/limit` response (schema `v4GetUploadQuotaResponse`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct UploadQuotaResponse {
    /// Cards that can be created a day.
    #[serde(default)]
    pub daily_create: DailyQuota,
    /// Cards that can be updated a day.
    #[serde(default)]
    pub daily_update: DailyQuota,
    /// The rate limit of product operations.
    #[serde(default)]
    pub operation_limits: OperationLimits,
    /// Cards the account can hold.
    #[serde(default)]
    pub total: TotalQuota,
}

/// A daily limit (schemas `GetUploadQuotaResponseDailyCreate` and
/// `GetUploadQuotaResponseDailyUpdate`, which have the same fields).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct DailyQuota {
    /// Cards allowed a day.
    #[serde(default)]
    pub limit: i64,
    /// When the day's counter resets (UTC).
    #[serde(default)]
    pub reset_at: Option<DateTime<Utc>>,
    /// Cards counted today.
    #[serde(default)]
    pub usage: i64,
}

impl DailyQuota {
    /// Cards still allowed today.
    pub fn remaining(&self) -> i64 {
        self.limit.saturating_sub(self.usage).max(0)
    }
}

market_core::wire_enum! {
    /// The kind of an operation limit (schema
    /// `product.v4.GetUploadQuotaResponse.OperationLimits.LimitType.Enum`).
    pub enum OperationLimitType {
        /// Not stated.
        Unspecified = "UNSPECIFIED",
        /// Operations a minute.
        RateLimitPerMinute = "RATE_LIMIT_PER_MINUTE",
    }
}

/// The rate limit of product operations (schema
/// `product.v4.GetUploadQuotaResponse.OperationLimits`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct OperationLimits {
    /// Operations allowed per period of `limit_type`.
    #[serde(default)]
    pub limit: i64,
    /// The period of the limit.
    #[serde(default)]
    pub limit_type: Option<OperationLimitType>,
}

/// The assortment limit (schema `GetUploadQuotaResponseTotal`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct TotalQuota {
    /// Cards the account can hold.
    #[serde(default)]
    pub limit: i64,
    /// Cards it holds.
    #[serde(default)]
    pub usage: i64,
}
