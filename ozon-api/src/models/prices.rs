//! Wire types of the prices section: price update, price information.
//!
//! Money is [`Decimal`]. The price update sends it as strings, as the spec types those fields;
//! answers are read whether Ozon sends strings or numbers.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::ids::ProductId;

use market_core::wire::de;

market_core::wire_enum! {
    /// Switches a price setting on or off, or leaves it as is (the enums of
    /// `auto_action_enabled`, `auto_add_to_ozon_actions_list_enabled`, `price_strategy_enabled`
    /// of schema `productImportProductsPricesRequestPrice`).
    pub enum PriceToggle {
        /// Leave the setting unchanged (Ozon's default).
        Unchanged = "UNKNOWN",
        /// Turn it on.
        Enabled = "ENABLED",
        /// Turn it off.
        Disabled = "DISABLED",
    }
}

/// `POST /v1/product/import/prices` request (schema `productImportProductsPricesRequest`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ImportPricesRequest {
    /// Prices, at most [`crate::api::prices::PRICES_UPDATE_MAX`].
    pub prices: Vec<ImportPricesRequestPrice>,
}

/// The price of one product (schema `productImportProductsPricesRequestPrice`).
///
/// Give `offer_id` or `product_id`; when both are given Ozon uses `offer_id`. Options left
/// `None` are not sent and leave Ozon's value unchanged.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ImportPricesRequestPrice {
    /// Turns automatic application of Ozon's promotions on or off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_action_enabled: Option<PriceToggle>,
    /// Turns automatic addition to promotions on or off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_add_to_ozon_actions_list_enabled: Option<PriceToggle>,
    /// The currency of the prices; it must be the account's (`RUB`, `BYN`, `KZT`, `EUR`,
    /// `USD`, `CNY`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_code: Option<String>,
    /// Whether Ozon may manage elastic boosting through the price.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manage_elastic_boosting_through_price: Option<bool>,
    /// The lowest price promotions may bring the product to.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "rust_decimal::serde::str_option::serialize",
        deserialize_with = "market_core::wire::de::opt_decimal"
    )]
    pub min_price: Option<Decimal>,
    /// Whether Ozon respects `min_price` when adding the product to promotions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_price_for_auto_actions_enabled: Option<bool>,
    /// The cost price.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "rust_decimal::serde::str_option::serialize",
        deserialize_with = "market_core::wire::de::opt_decimal"
    )]
    pub net_price: Option<Decimal>,
    /// The seller's article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offer_id: Option<String>,
    /// The price before discounts (struck through); `0` removes it.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "rust_decimal::serde::str_option::serialize",
        deserialize_with = "market_core::wire::de::opt_decimal"
    )]
    pub old_price: Option<Decimal>,
    /// The price buyers pay, discounts included.
    #[serde(
        serialize_with = "rust_decimal::serde::str::serialize",
        deserialize_with = "market_core::wire::de::decimal"
    )]
    pub price: Decimal,
    /// Turns automatic price strategies on or off (`DISABLED` removes the product from its
    /// strategy).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price_strategy_enabled: Option<PriceToggle>,
    /// Ozon's product id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_id: Option<ProductId>,
    /// For an economy product sharing its article with a regular one: `1` for the regular
    /// product, the quant size for the economy one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quant_size: Option<i64>,
    /// The VAT rate as a fraction (`0`, `0.05`, `0.07`, `0.1`, `0.2`).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "rust_decimal::serde::str_option::serialize",
        deserialize_with = "market_core::wire::de::opt_decimal"
    )]
    pub vat: Option<Decimal>,
}

impl ImportPricesRequestPrice {
    /// A price by article.
    pub fn by_offer(offer_id: impl Into<String>, price: Decimal) -> Self {
        Self {
            offer_id: Some(offer_id.into()),
            price,
            ..Self::default()
        }
    }

    /// A price by Ozon product id.
    pub fn by_product(product_id: impl Into<ProductId>, price: Decimal) -> Self {
        Self {
            product_id: Some(product_id.into()),
            price,
            ..Self::default()
        }
    }

    /// Sets the price before discounts (`0` removes it).
    pub fn with_old_price(mut self, old_price: Decimal) -> Self {
        self.old_price = Some(old_price);
        self
    }

    /// Sets the minimum price.
    pub fn with_min_price(mut self, min_price: Decimal) -> Self {
        self.min_price = Some(min_price);
        self
    }

    /// Sets the cost price.
    pub fn with_net_price(mut self, net_price: Decimal) -> Self {
        self.net_price = Some(net_price);
        self
    }

    /// Sets the currency code.
    pub fn with_currency(mut self, currency_code: impl Into<String>) -> Self {
        self.currency_code = Some(currency_code.into());
        self
    }

    /// Sets the VAT rate (a fraction: `0.2` is 20%).
    pub fn with_vat(mut self, vat: Decimal) -> Self {
        self.vat = Some(vat);
        self
    }

    /// Turns automatic application of promotions on or off.
    pub fn with_auto_action(mut self, toggle: PriceToggle) -> Self {
        self.auto_action_enabled = Some(toggle);
        self
    }

    /// Turns automatic addition to promotions on or off.
    pub fn with_auto_add_to_ozon_actions(mut self, toggle: PriceToggle) -> Self {
        self.auto_add_to_ozon_actions_list_enabled = Some(toggle);
        self
    }

    /// Turns automatic price strategies on or off.
    pub fn with_price_strategy(mut self, toggle: PriceToggle) -> Self {
        self.price_strategy_enabled = Some(toggle);
        self
    }

    /// Sets whether promotions respect the minimum price.
    pub fn with_min_price_for_auto_actions(mut self, enabled: bool) -> Self {
        self.min_price_for_auto_actions_enabled = Some(enabled);
        self
    }

    /// Sets whether Ozon may manage elastic boosting through the price.
    pub fn with_elastic_boosting(mut self, enabled: bool) -> Self {
        self.manage_elastic_boosting_through_price = Some(enabled);
        self
    }

    /// Sets the quant size (economy products sharing an article).
    pub fn with_quant_size(mut self, quant_size: i64) -> Self {
        self.quant_size = Some(quant_size);
        self
    }
}

/// `POST /v1/product/import/prices` response (schema `productImportProductsPricesResponse`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ImportPricesResponse {
    /// The outcome per product (required: a 200 without it is a decode error).
    pub result: Vec<ImportPricesResult>,
}

/// The outcome for one product (schema `productImportProductsPricesResponseProcessResult`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ImportPricesResult {
    /// Why the price was not updated.
    #[serde(default)]
    pub errors: Vec<ImportPricesError>,
    /// The seller's article.
    #[serde(default)]
    pub offer_id: String,
    /// Ozon's product id.
    #[serde(default)]
    pub product_id: ProductId,
    /// True when the price was updated.
    #[serde(default)]
    pub updated: bool,
}

/// A per-item error (schema `productImportProductsPricesResponseError`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ImportPricesError {
    /// Ozon's error code.
    #[serde(default)]
    pub code: String,
    /// Why Ozon did not update the item.
    #[serde(default)]
    pub message: String,
}

market_core::wire_enum! {
    /// Product visibility filter (schema `productv5GetProductListRequestFilterFilterVisibility`).
    pub enum PricesVisibility {
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

/// `POST /v5/product/info/prices` request (schema `productv5GetProductInfoPricesV5Request`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PricesInfoRequest {
    /// The page cursor; empty for the first page.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub cursor: String,
    /// Which products' prices to read.
    pub filter: PricesFilter,
    /// Items a page, 1 to [`crate::api::prices::PRICES_INFO_PAGE_MAX`].
    pub limit: i32,
}

/// The filter of [`PricesInfoRequest`] (schema `productv5Filter`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PricesFilter {
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
    pub visibility: Option<PricesVisibility>,
}

/// `POST /v5/product/info/prices` response (schema `productv5GetProductInfoPricesV5Response`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PricesInfoResponse {
    /// The cursor of the next page; empty on the last.
    #[serde(default)]
    pub cursor: String,
    /// Products (required: a 200 without the page is a decode error, not a last page).
    pub items: Vec<ProductPriceInfo>,
    /// Products matching the filter.
    #[serde(default)]
    pub total: i32,
}

/// Prices of one product (schema `productGetProductInfoPricesV5ResponseItem`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ProductPriceInfo {
    /// The largest acquiring fee.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub acquiring: Decimal,
    /// Ozon's commissions.
    #[serde(default)]
    pub commissions: PriceCommissions,
    /// Promotions.
    #[serde(default)]
    pub marketing_actions: PriceMarketing,
    /// The seller's article.
    #[serde(default)]
    pub offer_id: String,
    /// The product's prices (current, old, minimum, ...).
    #[serde(default)]
    pub price: ItemPrice,
    /// The product's price indexes: its price against the market's.
    #[serde(default)]
    pub price_indexes: PriceIndexes,
    /// Ozon's product id.
    #[serde(default)]
    pub product_id: ProductId,
    /// The volumetric weight.
    #[serde(default)]
    pub volume_weight: f64,
}

/// Ozon's commissions on a product (schema `ItemCommissionsv5`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PriceCommissions {
    /// FBO: last-mile delivery.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub fbo_deliv_to_customer_amount: Decimal,
    /// FBO: highest main-route cost.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub fbo_direct_flow_trans_max_amount: Decimal,
    /// FBO: lowest main-route cost.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub fbo_direct_flow_trans_min_amount: Decimal,
    /// FBO: return and cancellation fee.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub fbo_return_flow_amount: Decimal,
    /// FBS: last-mile delivery.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub fbs_deliv_to_customer_amount: Decimal,
    /// FBS: highest main-route cost.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub fbs_direct_flow_trans_max_amount: Decimal,
    /// FBS: lowest main-route cost.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub fbs_direct_flow_trans_min_amount: Decimal,
    /// FBS: highest first-mile fee.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub fbs_first_mile_max_amount: Decimal,
    /// FBS: lowest first-mile fee.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub fbs_first_mile_min_amount: Decimal,
    /// FBS: return and cancellation fee.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub fbs_return_flow_amount: Decimal,
    /// FBO sales commission, percent.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub sales_percent_fbo: Decimal,
    /// FBP (fulfilment by a partner) sales commission, percent.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub sales_percent_fbp: Decimal,
    /// FBS sales commission, percent.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub sales_percent_fbs: Decimal,
    /// rFBS sales commission, percent.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub sales_percent_rfbs: Decimal,
}

/// Promotions of a product (schema `ItemMarketing`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PriceMarketing {
    /// Seller promotions.
    #[serde(default)]
    pub actions: Vec<MarketingAction>,
    /// Start of the current period of the promotions.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub current_period_from: Option<DateTime<Utc>>,
    /// End of the current period of the promotions.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub current_period_to: Option<DateTime<Utc>>,
    /// True when Ozon's promotions may apply to the product.
    #[serde(default)]
    pub ozon_actions_exist: bool,
}

/// One seller promotion (schema `MarketingAction`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct MarketingAction {
    /// Start of the promotion.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub date_from: Option<DateTime<Utc>>,
    /// End of the promotion.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub date_to: Option<DateTime<Utc>>,
    /// The promotion's name.
    #[serde(default)]
    pub title: String,
    /// The discount (an integer since the 2026-06 spec, a string before: both are read).
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub value: Decimal,
}

/// The prices of a product (schema `ItemPricev5`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ItemPrice {
    /// True when promotions apply automatically.
    #[serde(default)]
    pub auto_action_enabled: bool,
    /// True when the product is added to promotions automatically.
    #[serde(default)]
    pub auto_add_to_ozon_actions_list_enabled: bool,
    /// The currency of the prices.
    #[serde(default)]
    pub currency_code: String,
    /// The price with the seller's promotions applied.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub marketing_seller_price: Decimal,
    /// The minimum price after promotions.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub min_price: Decimal,
    /// The cost price.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub net_price: Decimal,
    /// The price before discounts (`0` when none).
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub old_price: Decimal,
    /// The price, discounts included.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub price: Decimal,
    /// The supplier's retail price.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub retail_price: Decimal,
    /// The VAT rate as a fraction.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub vat: Decimal,
}

market_core::wire_enum! {
    /// How attractive the price is (the enum of `color_index`, schema
    /// `GetProductInfoPricesResponseItemPriceIndexes`).
    pub enum ColorIndex {
        /// No index.
        WithoutIndex = "WITHOUT_INDEX",
        /// Attractive.
        Green = "GREEN",
        /// Moderate.
        Yellow = "YELLOW",
        /// Unattractive.
        Red = "RED",
        /// Super attractive.
        Super = "SUPER",
    }
}

/// Price indexes of a product (schema `GetProductInfoPricesResponseItemPriceIndexes`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PriceIndexes {
    /// The overall index.
    #[serde(default)]
    pub color_index: Option<ColorIndex>,
    /// Against competitors' prices elsewhere.
    #[serde(default)]
    pub external_index_data: PriceIndexData,
    /// Against similar products on Ozon.
    #[serde(default)]
    pub ozon_index_data: PriceIndexData,
    /// Against the seller's own prices elsewhere.
    #[serde(default)]
    pub self_marketplaces_index_data: PriceIndexData,
}

/// One price index (schemas `PriceIndexesIndexExternalData`, `PriceIndexesIndexOzonData` and
/// `PriceIndexesIndexSelfData`, which are identical).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PriceIndexData {
    /// The lowest compared price (a number since the 2026-06 spec, a string before: both
    /// are read).
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub min_price: Decimal,
    /// The currency of `min_price` (an ISO 4217 code such as `RUB`).
    #[serde(default)]
    pub min_price_currency: String,
    /// The index value.
    #[serde(default)]
    pub price_index_value: f64,
}
