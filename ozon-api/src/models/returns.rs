//! Wire types of the returns section: FBO and FBS returns.
//!
//! Ozon sends the int64 fields of these answers as strings (`"3058"`) and money as strings or
//! numbers; both are read.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::ids::{PostingNumber, Sku, WarehouseId};
use market_core::wire::de;

market_core::wire_enum! {
    /// Delivery scheme filter (`return_schema` of schema `GetReturnsListRequestFilter`; values
    /// from the schema's prose).
    pub enum ReturnSchema {
        /// Returns of FBS postings.
        Fbs = "FBS",
        /// Returns of FBO postings.
        Fbo = "FBO",
    }
}

market_core::wire_enum! {
    /// Return status (`visual_status_name` of schema `GetReturnsListRequestFilter` and
    /// `sys_name` of schema `GetReturnsListResponseVisualStatus`; values from the prose, so
    /// unknown values are always kept in answers).
    pub enum ReturnVisualStatus {
        /// A dispute with the buyer is open.
        DisputeOpened = "DisputeOpened",
        /// Awaiting the seller's approval.
        OnSellerApproval = "OnSellerApproval",
        /// At the pick-up point.
        ArrivedAtReturnPlace = "ArrivedAtReturnPlace",
        /// Awaiting the seller's clarification.
        OnSellerClarification = "OnSellerClarification",
        /// Awaiting the seller's clarification after a partial compensation.
        OnSellerClarificationAfterPartialCompensation =
            "OnSellerClarificationAfterPartialCompensation",
        /// A partial compensation was offered.
        OfferedPartialCompensation = "OfferedPartialCompensation",
        /// The refund was approved.
        ReturnMoneyApproved = "ReturnMoneyApproved",
        /// Part of the money was refunded.
        PartialCompensationReturned = "PartialCompensationReturned",
        /// Rejected without a dispute.
        CancelledDisputeNotOpen = "CancelledDisputeNotOpen",
        /// The request was rejected.
        Rejected = "Rejected",
        /// The request was rejected by Ozon.
        CrmRejected = "CrmRejected",
        /// The request was cancelled.
        Cancelled = "Cancelled",
        /// The request was approved.
        Approved = "Approved",
    }
}

market_core::wire_enum! {
    /// Return type (`type` of schema `GetReturnsListResponseReturnsItem`; values from the
    /// prose, so unknown values are always kept).
    pub enum ReturnType {
        /// Cancelled before delivery.
        Cancellation = "Cancellation",
        /// Refused in full at delivery.
        FullReturn = "FullReturn",
        /// Refused in part at delivery.
        PartialReturn = "PartialReturn",
        /// Returned by the buyer after delivery.
        ClientReturn = "ClientReturn",
        /// A technical return (Ozon's `Unknown`).
        Technical = "Unknown",
    }
}

market_core::impl_open_enum!(ReturnVisualStatus, ReturnType);

/// `POST /v1/returns/list` request (schema `v1GetReturnsListRequest`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ReturnsListRequest {
    /// Which returns to list; `None` sends no filter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filter: Option<ReturnsFilter>,
    /// The id of the last return of the previous page; `0` for the first page.
    #[serde(default, deserialize_with = "de::int64")]
    pub last_id: i64,
    /// Returns a page, 1 to [`crate::api::returns::RETURNS_LIST_PAGE_MAX`].
    pub limit: i32,
}

/// The filter of [`ReturnsListRequest`] (schema `GetReturnsListRequestFilter`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ReturnsFilter {
    /// Only this return label barcode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub barcode: Option<String>,
    /// Only returns in this compensation status (the `id` of
    /// [`ReturnCompensationStatus::status`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compensation_status_id: Option<i32>,
    /// Only returns the buyer handed back in this period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logistic_return_date: Option<TimeRange>,
    /// Only this article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offer_id: Option<String>,
    /// Only this order.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_int64"
    )]
    pub order_id: Option<i64>,
    /// Only these postings, at most [`crate::api::returns::RETURNS_POSTINGS_MAX`].
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub posting_numbers: Vec<PostingNumber>,
    /// Only products with this name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product_name: Option<String>,
    /// Only this delivery scheme.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub return_schema: Option<ReturnSchema>,
    /// Only returns whose storage billing started in this period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub storage_tariffication_start_date: Option<TimeRange>,
    /// Only returns whose status changed in this period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visual_status_change_moment: Option<TimeRange>,
    /// Only returns in this status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visual_status_name: Option<ReturnVisualStatus>,
    /// Only this warehouse.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warehouse_id: Option<WarehouseId>,
}

impl ReturnsFilter {
    /// Only this delivery scheme.
    pub fn with_schema(mut self, schema: ReturnSchema) -> Self {
        self.return_schema = Some(schema);
        self
    }

    /// Only returns the buyer handed back in this period.
    pub fn with_return_date(mut self, range: TimeRange) -> Self {
        self.logistic_return_date = Some(range);
        self
    }

    /// Only returns whose storage billing started in this period.
    pub fn with_storage_start(mut self, range: TimeRange) -> Self {
        self.storage_tariffication_start_date = Some(range);
        self
    }

    /// Only returns whose status changed in this period.
    pub fn with_status_change(mut self, range: TimeRange) -> Self {
        self.visual_status_change_moment = Some(range);
        self
    }

    /// Only returns in this status.
    pub fn with_status(mut self, status: ReturnVisualStatus) -> Self {
        self.visual_status_name = Some(status);
        self
    }

    /// Only these postings.
    pub fn with_postings(mut self, postings: Vec<PostingNumber>) -> Self {
        self.posting_numbers = postings;
        self
    }

    /// Only this warehouse.
    pub fn with_warehouse(mut self, warehouse_id: impl Into<WarehouseId>) -> Self {
        self.warehouse_id = Some(warehouse_id.into());
        self
    }

    /// Only this article.
    pub fn with_offer(mut self, offer_id: impl Into<String>) -> Self {
        self.offer_id = Some(offer_id.into());
        self
    }
}

/// A period (schemas `v1TimeRange_return_date`, `v1TimeRange_storage_tariffication` and
/// `v1TimeRange_visual_status`, which are identical).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct TimeRange {
    /// The start.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_time"
    )]
    pub time_from: Option<DateTime<Utc>>,
    /// The end.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "de::opt_time"
    )]
    pub time_to: Option<DateTime<Utc>>,
}

impl TimeRange {
    /// The period from `from` to `to`.
    pub fn new(from: DateTime<Utc>, to: DateTime<Utc>) -> Self {
        Self {
            time_from: Some(from),
            time_to: Some(to),
        }
    }
}

/// `POST /v1/returns/list` response (schema `v1GetReturnsListResponse`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ReturnsListResponse {
    /// True when more pages follow.
    #[serde(default)]
    pub has_next: bool,
    /// Returns (required: a 200 without the page is a decode error, not a last page).
    pub returns: Vec<ReturnItem>,
}

/// One return (schema `GetReturnsListResponseReturnsItem`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ReturnItem {
    /// Opened, super-economy.
    #[serde(default)]
    pub additional_info: Option<ReturnAdditionalInfo>,
    /// The barcode of the original posting.
    #[serde(default, deserialize_with = "de::int64")]
    pub clearing_id: i64,
    /// The seller's id.
    #[serde(default, deserialize_with = "de::int64")]
    pub company_id: i64,
    /// The state of the compensation for the return, when there is one.
    #[serde(default)]
    pub compensation_status: Option<ReturnCompensationStatus>,
    /// The returned items.
    #[serde(default)]
    pub exemplars: Vec<ReturnExemplar>,
    /// The return id (the paging key).
    #[serde(default, deserialize_with = "de::int64")]
    pub id: i64,
    /// Logistics dates.
    #[serde(default)]
    pub logistic: Option<ReturnLogistic>,
    /// Ozon's numeric id of the order the posting belongs to.
    #[serde(default, deserialize_with = "de::int64")]
    pub order_id: i64,
    /// The order number (`57195475-0050`): the posting number without its last part; the postings
    /// of one order share it.
    #[serde(default)]
    pub order_number: String,
    /// Where the return is now.
    #[serde(default)]
    pub place: Option<ReturnPlace>,
    /// Ozon's posting number (`57195475-0050-3`: the order number and the shipment's index).
    #[serde(default)]
    pub posting_number: PostingNumber,
    /// The returned product; `None` when Ozon omits it.
    #[serde(default)]
    pub product: Option<ReturnProduct>,
    /// The return barcode of the original posting, if any.
    #[serde(default, deserialize_with = "de::opt_int64")]
    pub return_clearing_id: Option<i64>,
    /// Why the product was returned or the order cancelled.
    #[serde(default)]
    pub return_reason_name: String,
    /// The delivery scheme as sent (`"Fbs"`, `"Fbo"`; see [`ReturnItem::scheme`]).
    #[serde(default)]
    pub schema: String,
    /// The previous id of the return.
    #[serde(default, deserialize_with = "de::int64")]
    pub source_id: i64,
    /// Storage at the return place.
    #[serde(default)]
    pub storage: Option<ReturnStorage>,
    /// Where the return is going.
    #[serde(default)]
    pub target_place: Option<ReturnPlace>,
    /// The return type.
    #[serde(default, rename = "type", deserialize_with = "de::open_enum")]
    pub kind: Option<ReturnType>,
    /// The status.
    #[serde(default)]
    pub visual: Option<ReturnVisual>,
}

impl ReturnItem {
    /// The delivery scheme, whatever the case Ozon writes it in.
    pub fn scheme(&self) -> Option<ReturnSchema> {
        match self.schema.to_ascii_uppercase().as_str() {
            "FBS" => Some(ReturnSchema::Fbs),
            "FBO" => Some(ReturnSchema::Fbo),
            _ => None,
        }
    }
}

/// The compensation of a return (schema `GetReturnsListResponseCompensation`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ReturnCompensationStatus {
    /// When the compensation status last changed.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub change_moment: Option<DateTime<Utc>>,
    /// The compensation's status; `None` when Ozon sends none.
    #[serde(default)]
    pub status: Option<CompensationStatus>,
}

/// A compensation status (schema `GetReturnsListResponseCompensationStatus`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CompensationStatus {
    /// The status for people.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub display_name: String,
    /// The status id (the filter's `compensation_status_id`).
    #[serde(default)]
    pub id: i32,
    /// The status's system name (`Received`, ...), as Ozon spells it.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub sys_name: String,
}

/// Extra flags of a return (schema `GetReturnsListResponseAdditionalInfo`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ReturnAdditionalInfo {
    /// True when the return was opened.
    #[serde(default)]
    pub is_opened: bool,
    /// True when the product is super-economy.
    #[serde(default)]
    pub is_super_econom: bool,
}

/// One returned item (schema `GetReturnsListResponseExemplar`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ReturnExemplar {
    /// The item id.
    #[serde(default, deserialize_with = "de::int64")]
    pub id: i64,
}

/// Logistics dates of a return (schema `GetReturnsListResponseLogistic`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ReturnLogistic {
    /// The return label barcode.
    #[serde(default)]
    pub barcode: String,
    /// When the seller was compensated.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub cancelled_with_compensation_moment: Option<DateTime<Utc>>,
    /// When the return reached fulfilment or was handed to the seller.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub final_moment: Option<DateTime<Utc>>,
    /// When the buyer handed the product back.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub return_date: Option<DateTime<Utc>>,
    /// When the order was put on technical return.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub technical_return_moment: Option<DateTime<Utc>>,
}

/// A warehouse or pick-up point (schemas `GetReturnsListResponsePlace_now` and
/// `GetReturnsListResponsePlace_target`, which are identical).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ReturnPlace {
    /// The address of the place.
    #[serde(default)]
    pub address: String,
    /// The warehouse id.
    #[serde(default)]
    pub id: WarehouseId,
    /// The place's name.
    #[serde(default)]
    pub name: String,
}

/// The returned product (schema `GetReturnsListResponseProduct`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ReturnProduct {
    /// Ozon's commission.
    #[serde(default)]
    pub commission: Option<ReturnMoney>,
    /// Ozon's commission, percent.
    #[serde(default, deserialize_with = "market_core::wire::de::opt_decimal")]
    pub commission_percent: Option<Decimal>,
    /// The product name.
    #[serde(default)]
    pub name: String,
    /// The seller's article.
    #[serde(default)]
    pub offer_id: String,
    /// The product's price; `None` when Ozon omits it.
    #[serde(default)]
    pub price: Option<ReturnMoney>,
    /// The price without Ozon's commission.
    #[serde(default)]
    pub price_without_commission: Option<ReturnMoney>,
    /// Units returned.
    #[serde(default)]
    pub quantity: i32,
    /// Ozon's SKU.
    #[serde(default)]
    pub sku: Sku,
}

/// An amount with its currency (schemas `seller_returnsv1Money_commission`,
/// `seller_returnsv1Money_product`, `seller_returnsv1Money_without_commission`,
/// `seller_returnsv1Money_storage` and `seller_returnsv1Money_utilization`, which are
/// identical).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ReturnMoney {
    /// The currency (`RUB`).
    #[serde(default)]
    pub currency_code: String,
    /// The amount.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub price: Decimal,
}

/// Storage of a return awaiting the seller (schema `GetReturnsListResponseStorage`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ReturnStorage {
    /// When the return was ready to hand over.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub arrived_moment: Option<DateTime<Utc>>,
    /// Days the return has been waiting.
    #[serde(default, deserialize_with = "de::int64")]
    pub days: i64,
    /// The storage charge.
    #[serde(default)]
    pub sum: Option<ReturnMoney>,
    /// The first billed day of storage.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub tariffication_first_date: Option<DateTime<Utc>>,
    /// When storage billing starts.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub tariffication_start_date: Option<DateTime<Utc>>,
    /// The planned disposal date, as sent (a free string in the spec; see
    /// [`ReturnStorage::utilization_forecast`]).
    #[serde(default, deserialize_with = "market_core::wire::de::null_as_empty")]
    pub utilization_forecast_date: String,
    /// The disposal charge.
    #[serde(default)]
    pub utilization_sum: Option<ReturnMoney>,
}

impl ReturnStorage {
    /// The planned disposal date, when `utilization_forecast_date` is an RFC 3339 time.
    pub fn utilization_forecast(&self) -> Option<DateTime<Utc>> {
        DateTime::parse_from_rfc3339(self.utilization_forecast_date.trim())
            .ok()
            .map(|t| t.with_timezone(&Utc))
    }
}

/// The status of a return (schema `GetReturnsListResponseVisual`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ReturnVisual {
    /// When the status last changed.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub change_moment: Option<DateTime<Utc>>,
    /// The return's status as Ozon shows it to the seller; `None` when Ozon sends none.
    #[serde(default)]
    pub status: Option<ReturnVisualStatusInfo>,
}

/// A return status (schema `GetReturnsListResponseVisualStatus`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ReturnVisualStatusInfo {
    /// The status as shown to the seller.
    #[serde(default)]
    pub display_name: String,
    /// The status id.
    #[serde(default)]
    pub id: i32,
    /// The status's system name.
    #[serde(default, deserialize_with = "de::open_enum")]
    pub sys_name: Option<ReturnVisualStatus>,
}
