//! Wire types shared by two or more sections: the posting status and sort direction (FBS,
//! FBO, delivery methods), and the money, financial data, legal details, cancellation and
//! key-value blocks of FBS and FBO postings.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use market_core::wire::de;

use crate::ids::{ProductId, Sku};

market_core::wire_enum! {
    /// Posting status (FBS and FBO). The spec types `status` as a plain string; these are the
    /// values its descriptions of the status filters and of the posting `status` fields name.
    pub enum PostingStatus {
        /// Awaiting registration.
        AwaitingRegistration = "awaiting_registration",
        /// Acceptance in progress.
        AcceptanceInProgress = "acceptance_in_progress",
        /// Awaiting confirmation.
        AwaitingApprove = "awaiting_approve",
        /// Awaiting packaging (to be shipped by the seller).
        AwaitingPackaging = "awaiting_packaging",
        /// Packaged, awaiting handover to delivery.
        AwaitingDeliver = "awaiting_deliver",
        /// Created, awaiting verification.
        AwaitingVerification = "awaiting_verification",
        /// In arbitration.
        Arbitration = "arbitration",
        /// In the buyer's delivery arbitration.
        ClientArbitration = "client_arbitration",
        /// Being delivered.
        Delivering = "delivering",
        /// With the driver.
        DriverPickup = "driver_pickup",
        /// Delivered.
        Delivered = "delivered",
        /// Cancelled.
        Cancelled = "cancelled",
        /// Cancelled because the posting was split.
        CancelledFromSplitPending = "cancelled_from_split_pending",
        /// Not accepted at the sorting centre.
        NotAccepted = "not_accepted",
        /// Sent by the seller (first-mile sellers abroad).
        SentBySeller = "sent_by_seller",
    }
}

impl Default for PostingStatus {
    /// An absent status: `Unknown("")`.
    fn default() -> Self {
        Self::Unknown(String::new())
    }
}

market_core::wire_enum! {
    /// Sort direction of posting lists (the spec types `dir` as a plain string; its examples
    /// send `"ASC"`).
    pub enum SortDirection {
        /// Oldest first.
        Asc = "ASC",
        /// Newest first.
        Desc = "DESC",
    }
}

/// An amount of money as the v4 posting list sends it: the amount as a string and its
/// currency (schema `money.postingMoney`, also `money.Money.*` in the tariffication).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PostingMoney {
    /// The amount (sent as a string, `"1390.00"`; numbers are accepted too).
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub amount: Decimal,
    /// The currency code (`RUB`, ...).
    #[serde(default, deserialize_with = "de::nullable")]
    pub currency: String,
}

/// An order from an external platform (schema
/// `posting.v4.PostingFbsListResponse.Postings.ExternalOrder`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ExternalOrder {
    /// True when the order came from an external platform.
    #[serde(default)]
    pub is_external: bool,
    /// The platform's name.
    #[serde(default, deserialize_with = "de::nullable")]
    pub platform_name: String,
}

/// Financial data of a listed posting (schema
/// `posting.v4.PostingFbsListResponse.Postings.FinancialData`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct FbsListFinancialData {
    /// Region code the order leaves from.
    #[serde(default, deserialize_with = "de::nullable")]
    pub cluster_from: String,
    /// Region code the order goes to.
    #[serde(default, deserialize_with = "de::nullable")]
    pub cluster_to: String,
    /// Per product.
    #[serde(default, deserialize_with = "de::nullable")]
    pub products: Vec<FbsListFinancialProduct>,
}

/// Financial data of one product (schema
/// `posting.v4.PostingFbsListResponse.Postings.FinancialData.Products`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct FbsListFinancialProduct {
    /// Promotions.
    #[serde(default, deserialize_with = "de::nullable")]
    pub actions: Vec<String>,
    /// The commission Ozon charges for the product; `None` when Ozon sends none.
    #[serde(default)]
    pub commission: Option<FbsListCommission>,
    /// The price the buyer pays.
    #[serde(default)]
    pub customer_price: Option<PostingMoney>,
    /// The price before discounts.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub old_price: Decimal,
    /// The payout to the seller.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub payout: Decimal,
    /// The price with promotions (but Ozon's own).
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub price: Decimal,
    /// Ozon's SKU (the spec calls it `product_id`).
    #[serde(default)]
    pub product_id: Sku,
    /// Units.
    #[serde(default)]
    pub quantity: i64,
    /// Discount percentage.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub total_discount_percent: Decimal,
    /// Discount amount.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub total_discount_value: Decimal,
}

/// A product's commission (schema
/// `posting.v4.PostingFbsListResponse.Postings.FinancialData.Products.Commission`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct FbsListCommission {
    /// The commission's amount.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub amount: Decimal,
    /// The currency of `amount` (an ISO 4217 code such as `RUB`).
    #[serde(default, deserialize_with = "de::nullable")]
    pub currency: String,
    /// The percentage.
    #[serde(default)]
    pub percent: i64,
}

/// Cancellation details (schema `v3Cancellation`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Cancellation {
    /// True when the cancellation counts against the seller's rating.
    #[serde(default)]
    pub affect_cancellation_rating: bool,
    /// The reason's text.
    #[serde(default, deserialize_with = "de::nullable")]
    pub cancel_reason: String,
    /// The id of the reason the posting was cancelled for (see
    /// `/v2/posting/fbs/cancel-reason/list`).
    #[serde(default)]
    pub cancel_reason_id: i64,
    /// Who cancelled, as Ozon words it.
    #[serde(default, deserialize_with = "de::nullable")]
    pub cancellation_initiator: String,
    /// Cancellation type: `seller`, `client`/`customer`, `ozon`, `system`, `delivery`.
    #[serde(default, deserialize_with = "de::nullable")]
    pub cancellation_type: String,
    /// True when cancelled after shipping.
    #[serde(default)]
    pub cancelled_after_ship: bool,
}

/// Money of a posting (schemas `v3PostingFinancialData` and `v2PostingFinancialData`, identical).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PostingFinancialData {
    /// The shipping cluster.
    #[serde(default, deserialize_with = "de::nullable")]
    pub cluster_from: String,
    /// The delivery cluster.
    #[serde(default, deserialize_with = "de::nullable")]
    pub cluster_to: String,
    /// Per product.
    #[serde(default, deserialize_with = "de::nullable")]
    pub products: Vec<PostingFinancialDataProduct>,
}

/// Money of one product of a posting (schema `PostingFinancialDataProduct`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PostingFinancialDataProduct {
    /// Promotions applied.
    #[serde(default, deserialize_with = "de::nullable")]
    pub actions: Vec<String>,
    /// The commission charged for the product.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub commission_amount: Decimal,
    /// The commission percentage.
    #[serde(default)]
    pub commission_percent: i64,
    /// The code of the currency the commissions were calculated in.
    #[serde(default, deserialize_with = "de::nullable")]
    pub commissions_currency_code: String,
    /// The currency of the prices.
    #[serde(default, deserialize_with = "de::nullable")]
    pub currency_code: String,
    /// The currency of the buyer's price.
    #[serde(default, deserialize_with = "de::nullable")]
    pub customer_currency_code: String,
    /// The buyer's price.
    #[serde(default, deserialize_with = "market_core::wire::de::opt_decimal")]
    pub customer_price: Option<Decimal>,
    /// The price before discounts.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub old_price: Decimal,
    /// The payout to the seller.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub payout: Decimal,
    /// The price after discounts.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub price: Decimal,
    /// Ozon's product id.
    #[serde(default)]
    pub product_id: ProductId,
    /// Units.
    #[serde(default)]
    pub quantity: i64,
    /// The discount percentage.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub total_discount_percent: Decimal,
    /// The discount amount.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub total_discount_value: Decimal,
}

/// The buyer's legal details (schema `v2FboSinglePostingLegalInfo`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct LegalInfo {
    /// The buyer's company name.
    #[serde(default, deserialize_with = "de::nullable")]
    pub company_name: String,
    /// Taxpayer number (INN).
    #[serde(default, deserialize_with = "de::nullable")]
    pub inn: String,
    /// Registration reason code (KPP).
    #[serde(default, deserialize_with = "de::nullable")]
    pub kpp: String,
}

/// A key-value pair (schemas `v3AdditionalDataItem` and `v2AdditionalDataItem`, identical).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct AdditionalDataItem {
    /// The name of the extra field.
    #[serde(default, deserialize_with = "de::nullable")]
    pub key: String,
    /// The extra field's value, as text.
    #[serde(default, deserialize_with = "de::nullable")]
    pub value: String,
}
