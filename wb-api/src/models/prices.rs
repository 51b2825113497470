//! Wire types of the prices section: price and discount upload tasks, their state and per-goods
//! details, goods with prices, sizes with prices, goods in quarantine.
//!
//! Prices are whole roubles (or the seller's currency, `currencyIsoCode4217`) and are
//! [`Decimal`] here. The uploads send them as JSON integers, as the spec types them; a price
//! that is not a whole number is refused before sending.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::ids::{ChrtId, NmId, UploadId};

/// `POST /api/v2/upload/task` request (schema `SupplierTaskRequest`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PriceUploadRequest {
    /// Goods with their price and/or discount, at most
    /// [`crate::api::prices::PRICES_UPLOAD_MAX`].
    pub data: Vec<GoodPrice>,
}

/// One good's new price and discount (schema `Good`). Give a price, a discount or both.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct GoodPrice {
    /// WB's article.
    #[serde(rename = "nmID")]
    pub nm_id: NmId,
    /// The price before discount, a positive whole number in the goods' currency.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "market_core::wire::ser::opt_whole_number",
        deserialize_with = "market_core::wire::de::opt_decimal"
    )]
    pub price: Option<Decimal>,
    /// The seller's discount, percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discount: Option<i32>,
}

impl GoodPrice {
    /// A new price and discount.
    pub fn new(nm_id: impl Into<NmId>, price: Decimal, discount: i32) -> Self {
        Self {
            nm_id: nm_id.into(),
            price: Some(price),
            discount: Some(discount),
        }
    }

    /// A new price, the discount unchanged.
    pub fn price(nm_id: impl Into<NmId>, price: Decimal) -> Self {
        Self {
            nm_id: nm_id.into(),
            price: Some(price),
            discount: None,
        }
    }

    /// A new discount, the price unchanged.
    pub fn discount(nm_id: impl Into<NmId>, discount: i32) -> Self {
        Self {
            nm_id: nm_id.into(),
            price: None,
            discount: Some(discount),
        }
    }
}

/// `POST /api/v2/upload/task/size` request (schema `SupplierTaskRequestSize`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct SizePriceUploadRequest {
    /// Sizes with their price, at most [`crate::api::prices::PRICES_UPLOAD_MAX`].
    pub data: Vec<SizePrice>,
}

/// One size's new price (schema `SizeGoodReq`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct SizePrice {
    /// WB's article.
    #[serde(rename = "nmID")]
    pub nm_id: NmId,
    /// The size (`sizeID` here, `chrtID` in the content methods).
    #[serde(rename = "sizeID")]
    pub size_id: ChrtId,
    /// The price before discount, a positive whole number in the goods' currency.
    #[serde(
        serialize_with = "market_core::wire::ser::whole_number",
        deserialize_with = "market_core::wire::de::decimal"
    )]
    pub price: Decimal,
}

impl SizePrice {
    /// A new price of one size.
    pub fn new(nm_id: impl Into<NmId>, size_id: impl Into<ChrtId>, price: Decimal) -> Self {
        Self {
            nm_id: nm_id.into(),
            size_id: size_id.into(),
            price,
        }
    }
}

/// `POST /api/v2/upload/task` and `/task/size` response, 200 and 208 (schemas `TaskCreated` and
/// `RequestAlreadyExistsError`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct TaskCreated {
    /// The task.
    #[serde(default)]
    pub data: Option<TaskCreatedData>,
    /// True when WB refused the request.
    #[serde(default)]
    pub error: bool,
    /// WB's text (`This task already exists` for a repeated upload).
    #[serde(default, deserialize_with = "market_core::wire::de::null_as_empty")]
    pub error_text: String,
}

/// The task of [`TaskCreated`] (`data` of schema `TaskCreated`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct TaskCreatedData {
    /// The upload task.
    #[serde(default)]
    pub id: UploadId,
    /// True when the same upload already existed (WB answers 208 and the existing task).
    #[serde(default)]
    pub already_exists: bool,
}

/// `GET /api/v2/history/tasks` response (response `ResponseTaskHistory`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct TaskHistoryResponse {
    /// The processed task; `None` when WB has none with this id (the key is required: an
    /// answer without it is an error).
    #[serde(deserialize_with = "market_core::wire::de::present")]
    pub data: Option<TaskMetadata>,
    /// True when WB refused the request.
    #[serde(default)]
    pub error: bool,
    /// WB's error text.
    #[serde(default, deserialize_with = "market_core::wire::de::null_as_empty")]
    pub error_text: String,
}

/// A processed upload task (schema `SupplierTaskMetadata`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct TaskMetadata {
    /// The task.
    #[serde(default, rename = "uploadID")]
    pub upload_id: UploadId,
    /// The state: 3 processed without errors, 4 cancelled, 5 processed with errors in some
    /// goods, 6 processed with errors in every good (see [`TaskMetadata::is_done`]).
    #[serde(default)]
    pub status: i64,
    /// When the task was uploaded.
    #[serde(default, deserialize_with = "market_core::wire::de::opt_time")]
    pub upload_date: Option<DateTime<Utc>>,
    /// When the new prices take effect.
    #[serde(default, deserialize_with = "market_core::wire::de::opt_time")]
    pub activation_date: Option<DateTime<Utc>>,
    /// Goods in the task.
    #[serde(default)]
    pub over_all_goods_number: i64,
    /// Goods updated without errors.
    #[serde(default)]
    pub success_goods_number: i64,
}

impl TaskMetadata {
    /// Status: processed, every good updated.
    pub const PROCESSED: i64 = 3;
    /// Status: cancelled.
    pub const CANCELLED: i64 = 4;
    /// Status: processed, some goods have errors.
    pub const PARTLY_FAILED: i64 = 5;
    /// Status: processed, every good has errors.
    pub const FAILED: i64 = 6;

    /// True when WB has finished with the task (any of the four documented states).
    pub fn is_done(&self) -> bool {
        matches!(
            self.status,
            Self::PROCESSED | Self::CANCELLED | Self::PARTLY_FAILED | Self::FAILED
        )
    }

    /// True when some goods were not updated (their errors come from the per-goods details).
    pub fn has_errors(&self) -> bool {
        matches!(self.status, Self::PARTLY_FAILED | Self::FAILED)
    }
}

/// `GET /api/v2/history/goods/task` response (response `ResponseGoodHistories`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct GoodsHistoryResponse {
    /// The page; `None` for `null` (the key is required).
    #[serde(deserialize_with = "market_core::wire::de::present")]
    pub data: Option<GoodsHistoryData>,
    /// True when WB refused the request (not in this schema; WB's other answers carry it).
    #[serde(default)]
    pub error: bool,
    /// WB's error text (not in this schema; WB's other answers carry it).
    #[serde(default, deserialize_with = "market_core::wire::de::null_as_empty")]
    pub error_text: String,
}

/// The page of [`GoodsHistoryResponse`] (`data` of response `ResponseGoodHistories`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct GoodsHistoryData {
    /// The task.
    #[serde(default, rename = "uploadID")]
    pub upload_id: UploadId,
    /// The goods of the task, with WB's error per good (required; `null`, which WB's schema
    /// allows here, reads as none).
    #[serde(deserialize_with = "market_core::wire::de::nullable")]
    pub history_goods: Vec<GoodHistory>,
}

/// One good (or size) of a processed task (schema `GoodHistory`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct GoodHistory {
    /// WB's article.
    #[serde(default, rename = "nmID")]
    pub nm_id: NmId,
    /// The seller's article.
    #[serde(default)]
    pub vendor_code: String,
    /// The size, for per-size prices.
    #[serde(default, rename = "sizeID")]
    pub size_id: ChrtId,
    /// The size's name.
    #[serde(default)]
    pub tech_size_name: String,
    /// The price sent, before discount.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub price: Decimal,
    /// The currency (ISO 4217 letter code).
    #[serde(default, rename = "currencyIsoCode4217")]
    pub currency_iso_code_4217: String,
    /// The discount sent, percent.
    #[serde(default)]
    pub discount: i64,
    /// The WB Club discount, percent, if any.
    #[serde(default)]
    pub club_discount: Option<i64>,
    /// The state: 2 updated, 3 not updated because of an error (see [`GoodHistory::failed`]).
    #[serde(default)]
    pub status: i64,
    /// Why the good was not updated; empty when it was.
    #[serde(default, deserialize_with = "market_core::wire::de::null_as_empty")]
    pub error_text: String,
}

impl GoodHistory {
    /// Status: updated.
    pub const UPDATED: i64 = 2;
    /// Status: not updated, see `error_text`.
    pub const ERROR: i64 = 3;

    /// True when WB did not apply this good's price or discount.
    pub fn failed(&self) -> bool {
        self.status == Self::ERROR || !self.error_text.is_empty()
    }
}

/// `GET /api/v2/buffer/tasks` response (response `ResponseTaskBuffer`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct BufferTaskResponse {
    /// The task in processing; `None` when none has this id (the key is required: an answer
    /// without it is an error).
    #[serde(deserialize_with = "market_core::wire::de::present")]
    pub data: Option<BufferTaskMetadata>,
    /// True when WB refused the request.
    #[serde(default)]
    pub error: bool,
    /// WB's error text.
    #[serde(default, deserialize_with = "market_core::wire::de::null_as_empty")]
    pub error_text: String,
}

/// An upload task in processing (schema `SupplierTaskMetadataBuffer`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct BufferTaskMetadata {
    /// The task.
    #[serde(default, rename = "uploadID")]
    pub upload_id: UploadId,
    /// The state: 1 in processing.
    #[serde(default)]
    pub status: i64,
    /// When the task was uploaded.
    #[serde(default, deserialize_with = "market_core::wire::de::opt_time")]
    pub upload_date: Option<DateTime<Utc>>,
    /// When the new prices take effect.
    #[serde(default, deserialize_with = "market_core::wire::de::opt_time")]
    pub activation_date: Option<DateTime<Utc>>,
    /// Goods in the task.
    #[serde(default)]
    pub over_all_goods_number: i64,
    /// Goods processed without errors so far.
    #[serde(default)]
    pub success_goods_number: i64,
}

/// `GET /api/v2/buffer/goods/task` response (response `ResponseGoodBufferHistories`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct BufferGoodsResponse {
    /// The page; `None` for `null` (the key is required).
    #[serde(deserialize_with = "market_core::wire::de::present")]
    pub data: Option<BufferGoodsData>,
    /// True when WB refused the request.
    #[serde(default)]
    pub error: bool,
    /// WB's error text.
    #[serde(default, deserialize_with = "market_core::wire::de::null_as_empty")]
    pub error_text: String,
}

/// The page of [`BufferGoodsResponse`] (`data` of response `ResponseGoodBufferHistories`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct BufferGoodsData {
    /// The task, if WB names it.
    #[serde(default, rename = "uploadID")]
    pub upload_id: Option<UploadId>,
    /// The goods of the task (required; `null`, which WB's schema allows here, reads as
    /// none).
    #[serde(deserialize_with = "market_core::wire::de::nullable")]
    pub buffer_goods: Vec<GoodBufferHistory>,
}

/// One good (or size) of a task in processing (schema `GoodBufferHistory`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct GoodBufferHistory {
    /// WB's article.
    #[serde(default, rename = "nmID")]
    pub nm_id: NmId,
    /// The seller's article.
    #[serde(default)]
    pub vendor_code: String,
    /// The size, for per-size prices.
    #[serde(default, rename = "sizeID")]
    pub size_id: ChrtId,
    /// The size's name.
    #[serde(default)]
    pub tech_size_name: String,
    /// The price sent, before discount.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub price: Decimal,
    /// The currency (ISO 4217 letter code).
    #[serde(default, rename = "currencyIsoCode4217")]
    pub currency_iso_code_4217: String,
    /// The discount sent, percent.
    #[serde(default)]
    pub discount: i64,
    /// The WB Club discount, percent.
    #[serde(default)]
    pub club_discount: i64,
    /// The state: 1 in processing.
    #[serde(default)]
    pub status: i64,
    /// WB's error for this good; empty when none.
    #[serde(default, deserialize_with = "market_core::wire::de::null_as_empty")]
    pub error_text: String,
}

/// `GET` and `POST /api/v2/list/goods/filter` response (response `ResponseGoodsLists`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct GoodsListResponse {
    /// The page (required).
    pub data: GoodsListData,
    /// True when WB refused the request.
    #[serde(default)]
    pub error: bool,
    /// WB's error text.
    #[serde(default, deserialize_with = "market_core::wire::de::null_as_empty")]
    pub error_text: String,
}

/// The page of [`GoodsListResponse`] (`data` of response `ResponseGoodsLists`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct GoodsListData {
    /// The goods; empty past the last page (required, not `null`).
    pub list_goods: Vec<GoodsList>,
}

/// A good with its prices (schema `GoodsList`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct GoodsList {
    /// WB's article.
    #[serde(default, rename = "nmID")]
    pub nm_id: NmId,
    /// The seller's article.
    #[serde(default)]
    pub vendor_code: String,
    /// The sizes with their prices.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub sizes: Vec<GoodsListSize>,
    /// The currency (ISO 4217 letter code).
    #[serde(default, rename = "currencyIsoCode4217")]
    pub currency_iso_code_4217: String,
    /// The seller's discount, percent.
    #[serde(default)]
    pub discount: i64,
    /// The WB Club discount, percent.
    #[serde(default)]
    pub club_discount: i64,
    /// True when sizes can have their own prices (`/api/v2/upload/task/size`).
    #[serde(default)]
    pub editable_size_price: bool,
    /// True when WB marks the good as slow-selling.
    #[serde(default)]
    pub is_bad_turnover: bool,
    /// The wholesale discount levels, when set (2026-08).
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub wholesale_discount_threshold: Vec<WholesaleDiscountLevel>,
}

/// A wholesale discount level (schema `WholesaleDiscountThresholdRes`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct WholesaleDiscountLevel {
    /// The level's number.
    #[serde(default)]
    pub level: i64,
    /// The least quantity the level applies to.
    #[serde(default)]
    pub min_quantity: i64,
    /// The discount, percent.
    #[serde(default)]
    pub wholesale_discount: i64,
}

/// One size of a [`GoodsList`] (`sizes[]` of schema `GoodsList`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct GoodsListSize {
    /// The size (`chrtID` in the content methods).
    #[serde(default, rename = "sizeID")]
    pub size_id: ChrtId,
    /// The price before discount.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub price: Decimal,
    /// The price after the seller's discount.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub discounted_price: Decimal,
    /// The price after the seller's and the WB Club discounts.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub club_discounted_price: Decimal,
    /// The size's name.
    #[serde(default)]
    pub tech_size_name: String,
}

/// `POST /api/v2/list/goods/filter` request (request body `FilterPost`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct GoodsFilterRequest {
    /// WB's articles, 1 to [`crate::api::prices::PRICES_GOODS_BY_NM_MAX`].
    pub nm_list: Vec<NmId>,
}

/// `GET /api/v2/list/goods/size/nm` response (response `ResponseSizeLists`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct SizeGoodsResponse {
    /// The page (required).
    pub data: SizeGoodsData,
    /// True when WB refused the request.
    #[serde(default)]
    pub error: bool,
    /// WB's error text.
    #[serde(default, deserialize_with = "market_core::wire::de::null_as_empty")]
    pub error_text: String,
}

/// The page of [`SizeGoodsResponse`] (`data` of response `ResponseSizeLists`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct SizeGoodsData {
    /// The sizes (required; `null`, which WB's schema allows here, reads as none).
    #[serde(deserialize_with = "market_core::wire::de::nullable")]
    pub list_goods: Vec<SizeGood>,
}

/// One size of a good with its prices (schema `SizeGood`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct SizeGood {
    /// WB's article.
    #[serde(default, rename = "nmID")]
    pub nm_id: NmId,
    /// The size (`chrtID` in the content methods).
    #[serde(default, rename = "sizeID")]
    pub size_id: ChrtId,
    /// The seller's article.
    #[serde(default)]
    pub vendor_code: String,
    /// The size's name.
    #[serde(default)]
    pub tech_size_name: String,
    /// The price before discount.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub price: Decimal,
    /// The price after the seller's discount.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub discounted_price: Decimal,
    /// The price after the seller's and the WB Club discounts.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub club_discounted_price: Decimal,
    /// The currency (ISO 4217 letter code).
    #[serde(default, rename = "currencyIsoCode4217")]
    pub currency_iso_code_4217: String,
    /// The seller's discount, percent.
    #[serde(default)]
    pub discount: i64,
    /// The WB Club discount, percent.
    #[serde(default)]
    pub club_discount: i64,
    /// True when sizes can have their own prices.
    #[serde(default)]
    pub editable_size_price: bool,
    /// True when WB marks the good as slow-selling.
    #[serde(default)]
    pub is_bad_turnover: bool,
}

/// `GET /api/v2/quarantine/goods` response (response `ResponseQuarantineGoods`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct QuarantineResponse {
    /// The page; `None` when WB sends `null` (the key is required: an answer without it is
    /// an error).
    #[serde(deserialize_with = "market_core::wire::de::present")]
    pub data: Option<QuarantineData>,
    /// True when WB refused the request.
    #[serde(default)]
    pub error: bool,
    /// WB's error text.
    #[serde(default, deserialize_with = "market_core::wire::de::null_as_empty")]
    pub error_text: String,
}

/// The page of [`QuarantineResponse`] (`data` of response `ResponseQuarantineGoods`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct QuarantineData {
    /// The goods in quarantine (required, not `null`).
    pub quarantine_goods: Vec<QuarantineGood>,
}

/// A good held in quarantine: its new price was at least three times lower than the old one
/// (schema `QuarantineGoods`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct QuarantineGood {
    /// WB's article.
    #[serde(default, rename = "nmID")]
    pub nm_id: NmId,
    /// The size, for goods priced per size.
    #[serde(default, rename = "sizeID")]
    pub size_id: Option<ChrtId>,
    /// The size's name.
    #[serde(default)]
    pub tech_size_name: String,
    /// The currency (ISO 4217 letter code).
    #[serde(default, rename = "currencyIsoCode4217")]
    pub currency_iso_code_4217: String,
    /// The new price before discount, which WB did not apply.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub new_price: Decimal,
    /// The new discount, percent.
    #[serde(default)]
    pub new_discount: i64,
    /// The price before discount the good still sells at.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub old_price: Decimal,
    /// The discount the good still sells at, percent.
    #[serde(default)]
    pub old_discount: i64,
    /// The difference between the new and the old discounted prices (negative: cheaper).
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub price_diff: Decimal,
}
