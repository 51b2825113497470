//! Wire types of the FBO postings section: the posting list and a posting's detail.
//!
//! The status, sort direction, money, legal details and key-value items are shared with the
//! FBS section ([`crate::models::common`]; the schemas are shared or identical).

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::ids::{PostingNumber, Sku, WarehouseId};
use crate::models::common::{
    AdditionalDataItem, Cancellation, ExternalOrder, FbsListFinancialData, LegalInfo,
    PostingFinancialData, PostingMoney, PostingStatus, SortDirection,
};
use market_core::wire::Lenient;
use market_core::wire::de;

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

/// `POST /v3/posting/fbo/list` request (schema `posting.v3.PostingFboListRequest`).
///
/// Cursor paging: the first page has an empty `cursor`; each answer's `cursor` asks for the
/// next page while `has_next` is true.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct FboPostingListRequest {
    /// Where the page starts: empty for the first page, then the previous answer's `cursor`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub cursor: String,
    /// The filter (the time window).
    pub filter: FboPostingListFilter,
    /// Postings a page, 1 to [`crate::api::fbo::POSTING_FBO_LIST_PAGE_MAX`].
    pub limit: i64,
    /// Sort direction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort_dir: Option<SortDirection>,
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
            cursor: String::new(),
            filter,
            limit,
            sort_dir: None,
            translit: false,
            with: FboPostingWith::default(),
        }
    }
}

/// The filter of [`FboPostingListRequest`] (schema `posting.v3.PostingFboListRequest.Filter`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct FboPostingListFilter {
    /// Only these order numbers (at most 1000).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub order_numbers: Vec<String>,
    /// Only these postings (at most 1000).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub posting_numbers: Vec<PostingNumber>,
    /// Start of the window (at most a year before `to`).
    pub since: DateTime<Utc>,
    /// Only these statuses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statuses: Vec<PostingStatus>,
    /// End of the window.
    pub to: DateTime<Utc>,
}

impl FboPostingListFilter {
    /// Postings created between `since` and `to`.
    pub fn new(since: DateTime<Utc>, to: DateTime<Utc>) -> Self {
        Self {
            order_numbers: Vec::new(),
            posting_numbers: Vec::new(),
            since,
            statuses: Vec::new(),
            to,
        }
    }

    /// Only this status (added to the statuses asked for).
    pub fn with_status(mut self, status: PostingStatus) -> Self {
        self.statuses.push(status);
        self
    }
}

/// `POST /v3/posting/fbo/list` response (schema `posting.v3.PostingFboListResponse`);
/// `postings` is required: a 200 without the list is a decode error.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct FboPostingListResponse {
    /// Where the next page starts.
    #[serde(default, deserialize_with = "de::nullable")]
    pub cursor: String,
    /// True when more postings follow.
    #[serde(default)]
    pub has_next: bool,
    /// The postings of this page.
    pub postings: Vec<FboListPosting>,
}

/// An FBO posting in the list (schema `posting.v3.PostingFboListResponse.Postings`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct FboListPosting {
    /// Additional key-value data.
    #[serde(default, deserialize_with = "de::nullable")]
    pub additional_data: Vec<AdditionalDataItem>,
    /// Analytics, when asked for (`with.analytics_data`).
    #[serde(default)]
    pub analytics_data: Option<FboPostingAnalyticsData>,
    /// The cancellation reason id; 0 if not cancelled.
    #[serde(default)]
    pub cancel_reason_id: i64,
    /// Cancellation details.
    #[serde(default)]
    pub cancellation: Option<Cancellation>,
    /// When the posting was created.
    #[serde(default)]
    pub created_at: DateTime<Utc>,
    /// An order from an external platform.
    #[serde(default)]
    pub external_order: Option<ExternalOrder>,
    /// Prices, discounts, commissions and payout, when asked for (`with.financial_data`).
    #[serde(default)]
    pub financial_data: Lenient<Option<FbsListFinancialData>>,
    /// When processing began.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub in_process_at: Option<DateTime<Utc>>,
    /// The buyer's legal details, when asked for (`with.legal_info`).
    #[serde(default)]
    pub legal_info: Option<LegalInfo>,
    /// Ozon's numeric id of the order the posting belongs to.
    #[serde(default)]
    pub order_id: i64,
    /// The order number (`57195475-0050`): the posting number without its last part; the postings
    /// of one order share it.
    #[serde(default, deserialize_with = "de::nullable")]
    pub order_number: String,
    /// Ozon's posting number (`57195475-0050-3`: the order number and the shipment's index).
    #[serde(default)]
    pub posting_number: PostingNumber,
    /// The posting's lines, one per product.
    #[serde(default, deserialize_with = "de::nullable")]
    pub products: Vec<FboListPostingProduct>,
    /// The status; [`PostingStatus::as_str`] gives Ozon's own spelling.
    #[serde(default)]
    pub status: PostingStatus,
    /// The substatus as Ozon spells it.
    #[serde(default, deserialize_with = "de::nullable")]
    pub substatus: String,
}

/// A product of a listed FBO posting (schema
/// `posting.v3.PostingFboListResponse.Postings.Products`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct FboListPostingProduct {
    /// Activation codes of services and digital goods.
    #[serde(default, deserialize_with = "de::nullable")]
    pub digital_codes: Vec<String>,
    /// True for a marketplace buyout.
    #[serde(default)]
    pub is_marketplace_buyout: bool,
    /// The product's name.
    #[serde(default, deserialize_with = "de::nullable")]
    pub name: String,
    /// The seller's article.
    #[serde(default, deserialize_with = "de::nullable")]
    pub offer_id: String,
    /// The price and its currency.
    #[serde(default)]
    pub price: PostingMoney,
    /// Units.
    #[serde(default)]
    pub quantity: i64,
    /// Ozon's SKU.
    #[serde(default)]
    pub sku: Sku,
}

/// `POST /v2/posting/fbo/get` request (schema `postingGetFboPostingRequest`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct FboPostingGetRequest {
    /// Ozon's posting number (`57195475-0050-3`: the order number and the shipment's index).
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
    /// The posting (required: a 200 without it is a decode error, not an empty posting).
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
    /// When the posting was actually delivered. Read leniently (a value that is no date-time
    /// is `None`): Ozon's own example sends `"string"` here.
    #[serde(default, deserialize_with = "de::lenient_time")]
    pub fact_delivery_date: Option<DateTime<Utc>>,
    /// Prices, discounts, commissions and payout, when asked for (`with.financial_data`).
    #[serde(default)]
    pub financial_data: Lenient<Option<PostingFinancialData>>,
    /// When processing began.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub in_process_at: Option<DateTime<Utc>>,
    /// The buyer's legal details, when asked for (`with.legal_info`).
    #[serde(default)]
    pub legal_info: Option<LegalInfo>,
    /// Ozon's numeric id of the order the posting belongs to.
    #[serde(default)]
    pub order_id: i64,
    /// The order number (`57195475-0050`): the posting number without its last part; the postings
    /// of one order share it.
    #[serde(default, deserialize_with = "de::nullable")]
    pub order_number: String,
    /// Ozon's posting number (`57195475-0050-3`: the order number and the shipment's index).
    #[serde(default)]
    pub posting_number: PostingNumber,
    /// The posting's lines, one per product.
    #[serde(default, deserialize_with = "de::nullable")]
    pub products: Vec<FboPostingProduct>,
    /// The status; [`PostingStatus::as_str`] gives Ozon's own spelling.
    #[serde(default)]
    pub status: PostingStatus,
    /// The substatus as Ozon spells it.
    #[serde(default, deserialize_with = "de::nullable")]
    pub substatus: String,
}

/// Analytics of an FBO posting (schemas `FboPostingFboPostingAnalyticsData` and
/// `posting.v3.PostingFboListResponse.Postings.AnalyticsData`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct FboPostingAnalyticsData {
    /// Delivery city.
    #[serde(default, deserialize_with = "de::nullable")]
    pub city: String,
    /// Start of delivery (Ozon Delivery postings).
    #[serde(default, deserialize_with = "de::opt_time")]
    pub client_delivery_date_begin: Option<DateTime<Utc>>,
    /// The date by which the order will be delivered (Ozon Delivery postings).
    #[serde(default, deserialize_with = "de::opt_time")]
    pub client_delivery_date_end: Option<DateTime<Utc>>,
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
    /// The name of the Ozon warehouse the posting ships from.
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
    /// The product's name.
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
