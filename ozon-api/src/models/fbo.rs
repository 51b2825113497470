//! Wire types of the FBO postings section: the posting list and a posting's detail.
//!
//! The status, sort direction, money, legal details and key-value items are the FBS section's
//! types (the schemas are shared or identical).

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::ids::{PostingNumber, Sku, WarehouseId};
use crate::models::fbs::de;
pub use crate::models::fbs::{
    AdditionalDataItem, LegalInfo, PostingFinancialData, PostingFinancialDataProduct,
    PostingStatus, SortDirection,
};

/// Extra blocks to include in FBO responses (schema `postingFboPostingWithParams`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct FboPostingWith {
    /// Include `analytics_data`.
    #[serde(default)]
    pub analytics_data: bool,
    /// Include `financial_data`.
    #[serde(default)]
    pub financial_data: bool,
    /// Include `legal_info`.
    #[serde(default)]
    pub legal_info: bool,
}

impl FboPostingWith {
    /// Every block.
    pub fn all() -> Self {
        Self {
            analytics_data: true,
            financial_data: true,
            legal_info: true,
        }
    }
}

/// `POST /v2/posting/fbo/list` request (schema `postingGetFboPostingListRequest`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct FboPostingListRequest {
    /// Sort direction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dir: Option<SortDirection>,
    /// The filter (the time window is required).
    pub filter: FboPostingListFilter,
    /// Postings a page, 1 to [`crate::api::fbo::FBO_LIST_PAGE_MAX`].
    pub limit: i64,
    /// Postings to skip, at most [`crate::api::fbo::FBO_LIST_OFFSET_MAX`].
    #[serde(default)]
    pub offset: i64,
    /// Transliterate addresses from Cyrillic to Latin.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub translit: bool,
    /// Extra blocks to include.
    #[serde(default)]
    pub with: FboPostingWith,
}

impl FboPostingListRequest {
    /// The first page of at most `limit` postings matching `filter`.
    pub fn new(filter: FboPostingListFilter, limit: i64) -> Self {
        Self {
            dir: None,
            filter,
            limit,
            offset: 0,
            translit: false,
            with: FboPostingWith::default(),
        }
    }
}

/// The filter of [`FboPostingListRequest`] (schema `postingGetFboPostingListRequestFilter`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct FboPostingListFilter {
    /// Start of the window (at most a year before `to`).
    pub since: DateTime<Utc>,
    /// Only this status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<PostingStatus>,
    /// End of the window.
    pub to: DateTime<Utc>,
}

impl FboPostingListFilter {
    /// Postings created between `since` and `to`.
    pub fn new(since: DateTime<Utc>, to: DateTime<Utc>) -> Self {
        Self {
            since,
            status: None,
            to,
        }
    }

    /// Only this status.
    pub fn with_status(mut self, status: PostingStatus) -> Self {
        self.status = Some(status);
        self
    }
}

/// `POST /v2/posting/fbo/list` response (schema `v2FboPostingListResponse`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct FboPostingListResponse {
    /// The page of postings (no "has next" flag: a short page is the last).
    #[serde(default, deserialize_with = "de::nullable")]
    pub result: Vec<FboPosting>,
}

/// `POST /v2/posting/fbo/get` request (schema `postingGetFboPostingRequest`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct FboPostingGetRequest {
    /// The posting.
    pub posting_number: PostingNumber,
    /// Transliterate addresses from Cyrillic to Latin.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub translit: bool,
    /// Extra blocks to include.
    #[serde(default)]
    pub with: FboPostingWith,
}

impl FboPostingGetRequest {
    /// A posting, without extra blocks.
    pub fn new(posting_number: impl Into<PostingNumber>) -> Self {
        Self {
            posting_number: posting_number.into(),
            translit: false,
            with: FboPostingWith::default(),
        }
    }

    /// With these extra blocks.
    pub fn with(mut self, with: FboPostingWith) -> Self {
        self.with = with;
        self
    }
}

/// `POST /v2/posting/fbo/get` response (schema `v2FboPostingResponse`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct FboPostingResponse {
    /// The posting.
    #[serde(default)]
    pub result: FboPosting,
}

/// An FBO posting (schema `v2FboPosting`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct FboPosting {
    /// Additional key-value data.
    #[serde(default, deserialize_with = "de::nullable")]
    pub additional_data: Vec<AdditionalDataItem>,
    /// Analytics, when asked for (`with.analytics_data`).
    #[serde(default)]
    pub analytics_data: Option<FboPostingAnalyticsData>,
    /// The cancellation reason id; 0 if not cancelled.
    #[serde(default)]
    pub cancel_reason_id: i64,
    /// When the posting was created.
    #[serde(default)]
    pub created_at: DateTime<Utc>,
    /// Prices, discounts, commissions and payout, when asked for (`with.financial_data`).
    #[serde(default)]
    pub financial_data: Option<PostingFinancialData>,
    /// When processing began.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub in_process_at: Option<DateTime<Utc>>,
    /// The buyer's legal details, when asked for (`with.legal_info`).
    #[serde(default)]
    pub legal_info: Option<LegalInfo>,
    /// The order.
    #[serde(default)]
    pub order_id: i64,
    /// The order number.
    #[serde(default, deserialize_with = "de::nullable")]
    pub order_number: String,
    /// The posting number.
    #[serde(default)]
    pub posting_number: PostingNumber,
    /// The products.
    #[serde(default, deserialize_with = "de::nullable")]
    pub products: Vec<FboPostingProduct>,
    /// The status; [`PostingStatus::as_str`] gives Ozon's own spelling.
    #[serde(default)]
    pub status: PostingStatus,
}

/// Analytics of an FBO posting (schema `FboPostingFboPostingAnalyticsData`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct FboPostingAnalyticsData {
    /// Delivery city.
    #[serde(default, deserialize_with = "de::nullable")]
    pub city: String,
    /// Delivery type (`PVZ`, `Courier`, ...).
    #[serde(default, deserialize_with = "de::nullable")]
    pub delivery_type: String,
    /// True when the buyer is a legal entity.
    #[serde(default)]
    pub is_legal: bool,
    /// True for a Premium subscriber.
    #[serde(default)]
    pub is_premium: bool,
    /// Payment method group.
    #[serde(default, deserialize_with = "de::nullable")]
    pub payment_type_group_name: String,
    /// The Ozon warehouse.
    #[serde(default)]
    pub warehouse_id: WarehouseId,
    /// The warehouse name.
    #[serde(default, deserialize_with = "de::nullable")]
    pub warehouse_name: String,
}

/// A product of an FBO posting (schema `v2PostingProduct`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct FboPostingProduct {
    /// The currency of the price.
    #[serde(default, deserialize_with = "de::nullable")]
    pub currency_code: String,
    /// Activation codes of services and digital goods.
    #[serde(default, deserialize_with = "de::nullable")]
    pub digital_codes: Vec<String>,
    /// True for a marketplace buyout.
    #[serde(default)]
    pub is_marketplace_buyout: bool,
    /// The name.
    #[serde(default, deserialize_with = "de::nullable")]
    pub name: String,
    /// The seller's article.
    #[serde(default, deserialize_with = "de::nullable")]
    pub offer_id: String,
    /// The price (sent as a string, `"81.00"`).
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub price: Decimal,
    /// Units.
    #[serde(default)]
    pub quantity: i64,
    /// Ozon's SKU.
    #[serde(default)]
    pub sku: Sku,
}
