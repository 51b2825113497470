//! Wire types of the FBS postings section: posting lists and details, shipping (packaging),
//! cancellation and its reasons, status transitions, tracking numbers.
//!
//! The status, sort direction, money, financial, legal and cancellation blocks it shares with
//! the FBO section are in [`crate::models::common`].

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use market_core::wire::{Lenient, de};

use crate::ids::{DeliveryMethodId, PostingNumber, Sku, WarehouseId};
use crate::models::common::{
    AdditionalDataItem, Cancellation, ExternalOrder, FbsListFinancialData, LegalInfo,
    PostingFinancialData, PostingMoney, PostingStatus, SortDirection,
};

market_core::wire_enum! {
    /// Posting substatus (the spec types `substatus` as a plain string; these are the values
    /// its description names). [`PostingSubstatus::ShipFailed`] follows a `ship` that Ozon
    /// answered with 200 but could not assemble.
    pub enum PostingSubstatus {
        /// Acceptance in progress.
        AcceptanceInProgress = "posting_acceptance_in_progress",
        /// In arbitration.
        InArbitration = "posting_in_arbitration",
        /// Created.
        Created = "posting_created",
        /// In carriage.
        InCarriage = "posting_in_carriage",
        /// Not added to a carriage.
        NotInCarriage = "posting_not_in_carriage",
        /// Registered.
        Registered = "posting_registered",
        /// Being handed to delivery (or to the courier).
        TransferringToDelivery = "posting_transferring_to_delivery",
        /// Awaiting passport data.
        AwaitingPassportData = "posting_awaiting_passport_data",
        /// Awaiting registration.
        AwaitingRegistration = "posting_awaiting_registration",
        /// Registration failed.
        RegistrationError = "posting_registration_error",
        /// Created (split pending).
        SplitPending = "posting_split_pending",
        /// Cancelled.
        Canceled = "posting_canceled",
        /// In the buyer's delivery arbitration.
        InClientArbitration = "posting_in_client_arbitration",
        /// Delivered.
        Delivered = "posting_delivered",
        /// Received.
        Received = "posting_received",
        /// Conditionally delivered.
        ConditionallyDelivered = "posting_conditionally_delivered",
        /// The courier is on the way.
        InCourierService = "posting_in_courier_service",
        /// At the pickup point.
        InPickupPoint = "posting_in_pickup_point",
        /// On the way to the city.
        OnWayToCity = "posting_on_way_to_city",
        /// On the way to the pickup point.
        OnWayToPickupPoint = "posting_on_way_to_pickup_point",
        /// Returned to the warehouse.
        ReturnedToWarehouse = "posting_returned_to_warehouse",
        /// Being handed to the delivery service.
        TransferredToCourierService = "posting_transferred_to_courier_service",
        /// With the driver.
        DriverPickUp = "posting_driver_pick_up",
        /// Not accepted at the sorting centre.
        NotInSortCenter = "posting_not_in_sort_center",
        /// Assembly failed: pack the posting again.
        ShipFailed = "ship_failed",
    }
}

impl Default for PostingSubstatus {
    /// An absent substatus: `Unknown("")`.
    fn default() -> Self {
        Self::Unknown(String::new())
    }
}

market_core::wire_enum! {
    /// How a posting's delivery service is integrated with Ozon (`tpl_integration_type`).
    /// Ozon's real postings write `"Ozon"` where the spec lists `ozon`: values are matched
    /// without regard to case.
    pub enum TplIntegrationType {
        /// Delivered by Ozon.
        Ozon = "ozon",
        /// Delivered by an integrated service.
        ThreePlTracking = "3pl_tracking",
        /// Delivered by a third-party service.
        NonIntegrated = "non_integrated",
        /// Delivered by an Ozon partner.
        Aggregator = "aggregator",
        /// The Russian Post scheme (Ozon's spelling).
        Hybryd = "hybryd",
    }
}

impl Default for TplIntegrationType {
    /// An absent integration type: `Unknown("")`.
    fn default() -> Self {
        Self::Unknown(String::new())
    }
}

impl TplIntegrationType {
    /// True when someone other than Ozon delivers (rFBS): any known type but Ozon's own, or an
    /// unknown non-empty one. An absent type reads as Ozon's delivery.
    pub fn seller_delivers(&self) -> bool {
        match self {
            Self::Ozon => false,
            Self::Unknown(s) => !s.is_empty(),
            _ => true,
        }
    }

    /// True when the seller reports delivery statuses (a third-party service that is not
    /// integrated with Ozon).
    pub fn seller_reports_delivery(&self) -> bool {
        matches!(self, Self::NonIntegrated)
    }
}

market_core::object_only!(FbsListTariffication, FbsTariffication);

// ---------------------------------------------------------------------------------------------
// Requests of the lists and of the detail.
// ---------------------------------------------------------------------------------------------

/// Extra blocks to include in list responses (schemas `posting.v4.PostingFbsListRequest.With`
/// and `posting.v4.PostingFbsUnfulfilledListRequest.With`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct FbsPostingWith {
    /// Include `analytics_data`.
    #[serde(default)]
    pub analytics_data: bool,
    /// Include `barcodes`.
    #[serde(default)]
    pub barcodes: bool,
    /// Include `financial_data`.
    #[serde(default)]
    pub financial_data: bool,
    /// Include `legal_info`.
    #[serde(default)]
    pub legal_info: bool,
}

impl FbsPostingWith {
    /// Every block.
    pub fn all() -> Self {
        Self {
            analytics_data: true,
            barcodes: true,
            financial_data: true,
            legal_info: true,
        }
    }
}

/// Extra blocks to include in a posting's detail (schema `postingv3FbsPostingWithParamsExamplars`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct FbsPostingWithExemplars {
    /// Include `analytics_data`.
    #[serde(default)]
    pub analytics_data: bool,
    /// Include `barcodes`.
    #[serde(default)]
    pub barcodes: bool,
    /// Include `financial_data`.
    #[serde(default)]
    pub financial_data: bool,
    /// Include `legal_info`.
    #[serde(default)]
    pub legal_info: bool,
    /// Include `product_exemplars`.
    #[serde(default)]
    pub product_exemplars: bool,
    /// Include `related_postings`.
    #[serde(default)]
    pub related_postings: bool,
    /// Transliterate addresses from Cyrillic to Latin.
    #[serde(default)]
    pub translit: bool,
}

impl FbsPostingWithExemplars {
    /// Every block, without transliteration.
    pub fn all() -> Self {
        Self {
            analytics_data: true,
            barcodes: true,
            financial_data: true,
            legal_info: true,
            product_exemplars: true,
            related_postings: true,
            translit: false,
        }
    }
}

/// `POST /v4/posting/fbs/list` request (schema `posting.v4.PostingFbsListRequest`).
///
/// Cursor paging: the first page has an empty `cursor`; each answer's `cursor` asks for the
/// next page while `has_next` is true.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct FbsPostingListRequest {
    /// Where the page starts: empty for the first page, then the previous answer's `cursor`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub cursor: String,
    /// The filter (the time window is required).
    pub filter: FbsPostingListFilter,
    /// Postings a page, 1 to [`crate::api::fbs::POSTING_FBS_LIST_PAGE_MAX`].
    pub limit: i64,
    /// Sort direction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort_dir: Option<SortDirection>,
    /// Transliterate addresses from Cyrillic to Latin.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub translit: bool,
    /// Extra blocks to include.
    #[serde(default)]
    pub with: FbsPostingWith,
}

impl FbsPostingListRequest {
    /// The first page of at most `limit` postings matching `filter`.
    pub fn new(filter: FbsPostingListFilter, limit: i64) -> Self {
        Self {
            cursor: String::new(),
            filter,
            limit,
            sort_dir: None,
            translit: false,
            with: FbsPostingWith::default(),
        }
    }
}

/// The filter of [`FbsPostingListRequest`] (schema `posting.v4.PostingFbsListRequest.Filter`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct FbsPostingListFilter {
    /// Only these delivery methods (at most 1000; sent as strings, as the spec types them).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        with = "market_core::wire::id_strings"
    )]
    pub delivery_method_ids: Vec<DeliveryMethodId>,
    /// Only traceable (`true`) or untraceable (`false`) products.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_blr_traceable: Option<bool>,
    /// Only postings whose status last changed in this window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_changed_status_date: Option<StatusChangeWindow>,
    /// Only this order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_id: Option<i64>,
    /// Only these order numbers (at most 100).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub order_numbers: Vec<String>,
    /// Only these delivery services (at most 1000; sent as strings).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        with = "market_core::wire::id_strings"
    )]
    pub provider_ids: Vec<i64>,
    /// Start of the window (at most a year before `to`).
    pub since: DateTime<Utc>,
    /// Only these statuses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statuses: Vec<PostingStatus>,
    /// End of the window.
    pub to: DateTime<Utc>,
    /// Only these warehouses (at most 1000; sent as strings).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        with = "market_core::wire::id_strings"
    )]
    pub warehouse_ids: Vec<WarehouseId>,
}

impl FbsPostingListFilter {
    /// Postings processed between `since` and `to`.
    pub fn new(since: DateTime<Utc>, to: DateTime<Utc>) -> Self {
        Self {
            delivery_method_ids: Vec::new(),
            is_blr_traceable: None,
            last_changed_status_date: None,
            order_id: None,
            order_numbers: Vec::new(),
            provider_ids: Vec::new(),
            since,
            statuses: Vec::new(),
            to,
            warehouse_ids: Vec::new(),
        }
    }

    /// Only this status (added to the statuses asked for).
    pub fn with_status(mut self, status: PostingStatus) -> Self {
        self.statuses.push(status);
        self
    }

    /// Only these warehouses.
    pub fn with_warehouses(mut self, ids: impl IntoIterator<Item = WarehouseId>) -> Self {
        self.warehouse_ids = ids.into_iter().collect();
        self
    }

    /// Only these delivery methods.
    pub fn with_delivery_methods(
        mut self,
        ids: impl IntoIterator<Item = DeliveryMethodId>,
    ) -> Self {
        self.delivery_method_ids = ids.into_iter().collect();
        self
    }

    /// Only these delivery services.
    pub fn with_providers(mut self, ids: impl IntoIterator<Item = i64>) -> Self {
        self.provider_ids = ids.into_iter().collect();
        self
    }

    /// Only this order.
    pub fn with_order(mut self, order_id: i64) -> Self {
        self.order_id = Some(order_id);
        self
    }

    /// Only postings whose status last changed between `from` and `to`.
    pub fn with_status_changed(mut self, from: DateTime<Utc>, to: DateTime<Utc>) -> Self {
        self.last_changed_status_date = Some(StatusChangeWindow {
            from: Some(from),
            to: Some(to),
        });
        self
    }
}

/// A window of the last status change (schemas
/// `posting.v4.PostingFbsListRequest.Filter.LastChangedStatusDate` and its unfulfilled twin).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct StatusChangeWindow {
    /// Start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<DateTime<Utc>>,
    /// End.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<DateTime<Utc>>,
}

/// `POST /v4/posting/fbs/list` response (schema `posting.v4.PostingFbsListResponse`).
///
/// `postings` is required here: a 200 without the list is a decode error, never an empty
/// last page.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct FbsPostingListResponse {
    /// Where the next page starts.
    #[serde(default, deserialize_with = "de::nullable")]
    pub cursor: String,
    /// True when more postings follow (ask again with `cursor`).
    #[serde(default)]
    pub has_next: bool,
    /// The postings of this page.
    pub postings: Vec<FbsPosting>,
}

/// `POST /v4/posting/fbs/unfulfilled/list` request (schema
/// `posting.v4.PostingFbsUnfulfilledListRequest`). Cursor paging as in
/// [`FbsPostingListRequest`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct FbsUnfulfilledListRequest {
    /// Where the page starts: empty for the first page, then the previous answer's `cursor`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub cursor: String,
    /// The filter (one window: cut-off or delivering date).
    pub filter: FbsUnfulfilledListFilter,
    /// Postings a page, 1 to [`crate::api::fbs::POSTING_FBS_LIST_PAGE_MAX`].
    pub limit: i64,
    /// Sort direction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort_dir: Option<SortDirection>,
    /// Transliterate addresses from Cyrillic to Latin.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub translit: bool,
    /// Extra blocks to include.
    #[serde(default)]
    pub with: FbsPostingWith,
}

impl FbsUnfulfilledListRequest {
    /// The first page of at most `limit` postings matching `filter`.
    pub fn new(filter: FbsUnfulfilledListFilter, limit: i64) -> Self {
        Self {
            cursor: String::new(),
            filter,
            limit,
            sort_dir: None,
            translit: false,
            with: FbsPostingWith::default(),
        }
    }
}

/// The filter of [`FbsUnfulfilledListRequest`] (schema
/// `posting.v4.PostingFbsUnfulfilledListRequest.Filter`).
///
/// Give exactly one window: the cut-off (`cutoff_from`/`cutoff_to`, when the posting must be
/// packed) or the delivering date (`delivering_date_from`/`delivering_date_to`); Ozon answers
/// an error for both at once.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct FbsUnfulfilledListFilter {
    /// Start of the cut-off window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cutoff_from: Option<DateTime<Utc>>,
    /// End of the cut-off window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cutoff_to: Option<DateTime<Utc>>,
    /// Start of the delivering-date window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivering_date_from: Option<DateTime<Utc>>,
    /// End of the delivering-date window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivering_date_to: Option<DateTime<Utc>>,
    /// Only these delivery methods (sent as strings).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        with = "market_core::wire::id_strings"
    )]
    pub delivery_method_ids: Vec<DeliveryMethodId>,
    /// Only postings whose status last changed in this window.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_changed_status_date: Option<StatusChangeWindow>,
    /// Only these delivery services (sent as strings).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        with = "market_core::wire::id_strings"
    )]
    pub provider_ids: Vec<i64>,
    /// Only these statuses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statuses: Vec<PostingStatus>,
    /// Only these warehouses (sent as strings).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        with = "market_core::wire::id_strings"
    )]
    pub warehouse_ids: Vec<WarehouseId>,
}

impl FbsUnfulfilledListFilter {
    /// Postings to be packed between `from` and `to`.
    pub fn by_cutoff(from: DateTime<Utc>, to: DateTime<Utc>) -> Self {
        Self {
            cutoff_from: Some(from),
            cutoff_to: Some(to),
            ..Self::default()
        }
    }

    /// Postings to be handed to delivery between `from` and `to`.
    pub fn by_delivering_date(from: DateTime<Utc>, to: DateTime<Utc>) -> Self {
        Self {
            delivering_date_from: Some(from),
            delivering_date_to: Some(to),
            ..Self::default()
        }
    }

    /// Only this status (added to the statuses asked for).
    pub fn with_status(mut self, status: PostingStatus) -> Self {
        self.statuses.push(status);
        self
    }

    /// Only these warehouses.
    pub fn with_warehouses(mut self, ids: impl IntoIterator<Item = WarehouseId>) -> Self {
        self.warehouse_ids = ids.into_iter().collect();
        self
    }

    /// Only these delivery methods.
    pub fn with_delivery_methods(
        mut self,
        ids: impl IntoIterator<Item = DeliveryMethodId>,
    ) -> Self {
        self.delivery_method_ids = ids.into_iter().collect();
        self
    }
}

/// `POST /v4/posting/fbs/unfulfilled/list` response (schema
/// `posting.v4.PostingFbsUnfulfilledListResponse`); `postings` is required.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct FbsUnfulfilledListResponse {
    /// Postings in the answer.
    #[serde(default)]
    pub count: i64,
    /// Where the next page starts.
    #[serde(default, deserialize_with = "de::nullable")]
    pub cursor: String,
    /// True when more postings follow.
    #[serde(default)]
    pub has_next: bool,
    /// The postings of this page.
    pub postings: Vec<FbsPosting>,
}

/// `POST /v3/posting/fbs/get` request (schema `postingv3GetFbsPostingRequest`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct FbsPostingGetRequest {
    /// Ozon's posting number (`57195475-0050-3`: the order number and the shipment's index).
    pub posting_number: PostingNumber,
    /// Extra blocks to include.
    #[serde(default)]
    pub with: FbsPostingWithExemplars,
}

impl FbsPostingGetRequest {
    /// A posting, without extra blocks.
    pub fn new(posting_number: impl Into<PostingNumber>) -> Self {
        Self {
            posting_number: posting_number.into(),
            with: FbsPostingWithExemplars::default(),
        }
    }

    /// With these extra blocks.
    pub fn with(mut self, with: FbsPostingWithExemplars) -> Self {
        self.with = with;
        self
    }
}

/// `POST /v3/posting/fbs/get` response (schema `v3GetFbsPostingResponseV3`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct FbsPostingGetResponse {
    /// The posting (required: a 200 without it is a decode error, not an empty posting).
    pub result: FbsPostingDetail,
}

// ---------------------------------------------------------------------------------------------
// Postings.
// ---------------------------------------------------------------------------------------------

/// An FBS posting in a list (schemas `posting.v4.PostingFbsListResponse.Postings` and
/// `posting.v4.PostingFbsUnfulfilledListResponse.Postings`, identical).
///
/// Fields the seller's model needs (number, status, products, prices, dates) are typed; blocks
/// whose shape Ozon has changed before (`tariffication`, a list until 2026) are
/// [`Lenient`]: in tolerant mode another shape is kept as raw JSON with a warning instead of
/// failing the page.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct FbsPosting {
    /// The recipient's contacts, when Ozon shares them.
    #[serde(default)]
    pub addressee: Option<Addressee>,
    /// Analytics, when asked for (`with.analytics_data`).
    #[serde(default)]
    pub analytics_data: Option<FbsPostingAnalyticsData>,
    /// Actions available on the posting (`ship`, `cancel`, `set_track_number`, ...).
    #[serde(default, deserialize_with = "de::nullable")]
    pub available_actions: Vec<String>,
    /// Barcodes, when asked for (`with.barcodes`).
    #[serde(default)]
    pub barcodes: Option<Barcodes>,
    /// Cancellation details.
    #[serde(default)]
    pub cancellation: Option<Cancellation>,
    /// The cargo place the posting is in.
    #[serde(default)]
    pub container: Lenient<Option<PostingContainer>>,
    /// Cargo place sorting: `SORT` or `NON-SORT`.
    #[serde(default, deserialize_with = "de::nullable")]
    pub container_sort_type: String,
    /// The buyer, when Ozon shares them.
    #[serde(default)]
    pub customer: Option<Customer>,
    /// When the posting was handed to delivery.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub delivering_date: Option<DateTime<Utc>>,
    /// How the posting is delivered (method, warehouse, carrier); `None` when Ozon omits it.
    #[serde(default)]
    pub delivery_method: Option<DeliveryMethod>,
    /// The scheme of the SKU (`SDS`, `FBO`, `FBS`, `Crossborder`).
    #[serde(default, deserialize_with = "de::nullable")]
    pub delivery_schema: String,
    /// Where the posting goes.
    #[serde(default)]
    pub destination_place_id: i64,
    /// The destination's name.
    #[serde(default, deserialize_with = "de::nullable")]
    pub destination_place_name: String,
    /// An order from an external platform.
    #[serde(default)]
    pub external_order: Option<ExternalOrder>,
    /// Prices, discounts, commissions and payout, when asked for (`with.financial_data`).
    #[serde(default)]
    pub financial_data: Lenient<Option<FbsListFinancialData>>,
    /// When processing began.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub in_process_at: Option<DateTime<Utc>>,
    /// True for "pick up from the shop".
    #[serde(default)]
    pub is_click_and_collect: bool,
    /// True for Ozon Express delivery.
    #[serde(default)]
    pub is_express: bool,
    /// True when a multi-box product needs its box count before packaging.
    #[serde(default)]
    pub is_multibox: bool,
    /// True for a re-sorted product.
    #[serde(default)]
    pub is_presortable: bool,
    /// The buyer's legal details, when asked for (`with.legal_info`).
    #[serde(default)]
    pub legal_info: Option<LegalInfo>,
    /// Boxes the multi-box product is packed in.
    #[serde(default)]
    pub multi_box_qty: i32,
    /// Products with extra characteristics.
    #[serde(default)]
    pub optional: Option<FbsPostingOptional>,
    /// Ozon's numeric id of the order the posting belongs to.
    #[serde(default)]
    pub order_id: i64,
    /// The order number (`57195475-0050`): the posting number without its last part; the postings
    /// of one order share it.
    #[serde(default, deserialize_with = "de::nullable")]
    pub order_number: String,
    /// The posting this one was split from; empty if none.
    #[serde(default, deserialize_with = "de::nullable")]
    pub parent_posting_number: String,
    /// When the courier's code was verified.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub pickup_code_verified_at: Option<DateTime<Utc>>,
    /// Ozon's posting number (`57195475-0050-3`: the order number and the shipment's index).
    #[serde(default)]
    pub posting_number: PostingNumber,
    /// The posting's lines, one per product.
    #[serde(default, deserialize_with = "de::nullable")]
    pub products: Vec<FbsListPostingProduct>,
    /// Loading service code (`lift`, `stairs`, `none`, `delivery_default`).
    #[serde(default, deserialize_with = "de::nullable")]
    pub prr_option: String,
    /// The economy-product (quant) id.
    #[serde(default)]
    pub quantum_id: i64,
    /// True when traceability attributes must be filled.
    #[serde(default)]
    pub require_blr_traceable_attrs: bool,
    /// Products needing more data before the posting can move on.
    #[serde(default)]
    pub requirements: Option<FbsPostingRequirements>,
    /// When the posting must be packed by (Ozon's recommended time).
    #[serde(default, deserialize_with = "de::opt_time")]
    pub shipment_date: Option<DateTime<Utc>>,
    /// When the posting must be shipped by without delay.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub shipment_date_without_delay: Option<DateTime<Utc>>,
    /// The status; [`PostingStatus::as_str`] gives Ozon's own spelling.
    #[serde(default)]
    pub status: PostingStatus,
    /// The substatus ([`PostingSubstatus::ShipFailed`] after a failed assembly).
    #[serde(default)]
    pub substatus: PostingSubstatus,
    /// Tariffication of the shipment (an object since 2026; a list before).
    #[serde(default)]
    pub tariffication: Lenient<Option<FbsListTariffication>>,
    /// The steps of the posting's tariff; kept as raw JSON when Ozon changes its shape
    /// ([`Lenient`]).
    #[serde(default)]
    pub tariffication_steps: Lenient<Vec<TarifficationStep>>,
    /// How the delivery service is integrated; decides who delivers.
    #[serde(default)]
    pub tpl_integration_type: TplIntegrationType,
    /// The posting's tracking number at its delivery service.
    #[serde(default, deserialize_with = "de::nullable")]
    pub tracking_number: String,
    /// The posting's volumetric weight.
    #[serde(default)]
    pub volume_weight: f64,
}

/// A product of an FBS posting in a list (schema
/// `posting.v4.PostingFbsListResponse.Postings.Products`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct FbsListPostingProduct {
    /// IMEIs of mobile devices.
    #[serde(default, deserialize_with = "de::nullable")]
    pub imei: Vec<String>,
    /// True when the product is traceable.
    #[serde(default)]
    pub is_blr_traceable: bool,
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
    /// The colour.
    #[serde(default, deserialize_with = "de::nullable")]
    pub product_color: String,
    /// Units.
    #[serde(default)]
    pub quantity: i32,
    /// Ozon's SKU.
    #[serde(default)]
    pub sku: Sku,
    /// The weight in its package.
    #[serde(default)]
    pub weight: f64,
}

/// The cargo place of a posting (schemas `posting.v4.PostingFbsListResponse.Postings.Container`
/// and the v3 detail's twin).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PostingContainer {
    /// `BOX` or `PALLET`.
    #[serde(default, deserialize_with = "de::nullable")]
    pub cargo_type: String,
    /// When the cargo place was made, in the warehouse's time zone (as Ozon writes it).
    #[serde(default, deserialize_with = "de::nullable")]
    pub container_date: String,
    /// The cargo place.
    #[serde(default)]
    pub container_id: i64,
    /// Its sequence number.
    #[serde(default)]
    pub container_number: i32,
}

/// Tariffication of a listed posting (schema
/// `posting.v4.PostingFbsListResponse.Postings.Tariffication`).
///
/// Read only from a JSON object: the list Ozon sent before 2026 is another shape (serde would
/// otherwise read a list positionally into the fields), which [`Lenient`] keeps raw.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(remote = "Self")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct FbsListTariffication {
    /// The current discount or surcharge.
    #[serde(default)]
    pub current_tariff_charge: Option<PostingMoney>,
    /// The current minimal discount or surcharge.
    #[serde(default)]
    pub current_tariff_min_charge: Option<PostingMoney>,
    /// The current percentage.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub current_tariff_rate: Decimal,
    /// The current type: discount or surcharge.
    #[serde(default, deserialize_with = "de::nullable")]
    pub current_tariff_type: String,
    /// The next discount or surcharge.
    #[serde(default)]
    pub next_tariff_charge: Option<PostingMoney>,
    /// The next minimal discount or surcharge.
    #[serde(default)]
    pub next_tariff_min_charge: Option<PostingMoney>,
    /// The next percentage.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub next_tariff_rate: Decimal,
    /// When the next tariff applies.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub next_tariff_starts_at: Option<DateTime<Utc>>,
    /// The next type: discount or surcharge.
    #[serde(default, deserialize_with = "de::nullable")]
    pub next_tariff_type: String,
}

/// A step of the tariffication (schema
/// `posting.v4.PostingFbsListResponse.Postings.TarifficationStep`, also in the v3 detail).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct TarifficationStep {
    /// The minimal discount or surcharge.
    #[serde(default)]
    pub min_charge: Option<PostingMoney>,
    /// The discount or surcharge.
    #[serde(default)]
    pub tariff_charge: Option<PostingMoney>,
    /// When the step ends.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub tariff_deadline_at: Option<DateTime<Utc>>,
    /// The percentage.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub tariff_rate: Decimal,
    /// The type.
    #[serde(default, deserialize_with = "de::nullable")]
    pub tariff_type: String,
}

/// An FBS posting's detail (schema `v3FbsPostingDetail`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct FbsPostingDetail {
    /// Additional key-value data.
    #[serde(default, deserialize_with = "de::nullable")]
    pub additional_data: Vec<AdditionalDataItem>,
    /// The recipient's contacts, when Ozon shares them.
    #[serde(default)]
    pub addressee: Option<Addressee>,
    /// Analytics, when asked for.
    #[serde(default)]
    pub analytics_data: Option<FbsPostingAnalyticsData>,
    /// Actions available on the posting.
    #[serde(default, deserialize_with = "de::nullable")]
    pub available_actions: Vec<String>,
    /// Barcodes, when asked for.
    #[serde(default)]
    pub barcodes: Option<Barcodes>,
    /// Cancellation details.
    #[serde(default)]
    pub cancellation: Option<Cancellation>,
    /// The cargo place the posting is in.
    #[serde(default)]
    pub container: Lenient<Option<PostingContainer>>,
    /// Cargo place sorting: `SORT` or `NON-SORT`.
    #[serde(default, deserialize_with = "de::nullable")]
    pub container_sort_type: String,
    /// The courier who collects the posting; `None` when Ozon names none.
    #[serde(default)]
    pub courier: Option<Courier>,
    /// The buyer, when Ozon shares them.
    #[serde(default)]
    pub customer: Option<Customer>,
    /// When the posting was handed to delivery.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub delivering_date: Option<DateTime<Utc>>,
    /// How the posting is delivered (method, warehouse, carrier); `None` when Ozon omits it.
    #[serde(default)]
    pub delivery_method: Option<DeliveryMethod>,
    /// Delivery cost; `None` when Ozon sends none.
    #[serde(default, deserialize_with = "market_core::wire::de::opt_decimal")]
    pub delivery_price: Option<Decimal>,
    /// Where the posting goes. Not in the `v3FbsPostingDetail` schema but in Ozon's own
    /// example of `/v3/posting/fbs/get` (as in the v4 lists): read when sent.
    #[serde(default)]
    pub destination_place_id: i64,
    /// The destination's name (in the vendor example, not in the schema).
    #[serde(default, deserialize_with = "de::nullable")]
    pub destination_place_name: String,
    /// When the posting was actually delivered.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub fact_delivery_date: Option<DateTime<Utc>>,
    /// Prices, discounts, commissions and payout, when asked for.
    #[serde(default)]
    pub financial_data: Lenient<Option<PostingFinancialData>>,
    /// When processing began.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub in_process_at: Option<DateTime<Utc>>,
    /// True for "pick up from the shop" (in the vendor example, not in the schema).
    #[serde(default)]
    pub is_click_and_collect: bool,
    /// True for Ozon Express delivery.
    #[serde(default)]
    pub is_express: bool,
    /// True when a multi-box product needs its box count before packaging.
    #[serde(default)]
    pub is_multibox: bool,
    /// True for a re-sorted product (in the vendor example, not in the schema).
    #[serde(default)]
    pub is_presortable: bool,
    /// The buyer's legal details, when asked for.
    #[serde(default)]
    pub legal_info: Option<LegalInfo>,
    /// Boxes the multi-box product is packed in.
    #[serde(default)]
    pub multi_box_qty: i32,
    /// Products with extra characteristics.
    #[serde(default)]
    pub optional: Option<FbsPostingOptional>,
    /// Ozon's numeric id of the order the posting belongs to.
    #[serde(default)]
    pub order_id: i64,
    /// The order number (`57195475-0050`): the posting number without its last part; the postings
    /// of one order share it.
    #[serde(default, deserialize_with = "de::nullable")]
    pub order_number: String,
    /// The posting this one was split from; empty if none.
    #[serde(default, deserialize_with = "de::nullable")]
    pub parent_posting_number: String,
    /// When the courier's code was verified.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub pickup_code_verified_at: Option<DateTime<Utc>>,
    /// Ozon's posting number (`57195475-0050-3`: the order number and the shipment's index).
    #[serde(default)]
    pub posting_number: PostingNumber,
    /// The previous substatus as Ozon spells it.
    #[serde(default, deserialize_with = "de::nullable")]
    pub previous_substatus: String,
    /// Product exemplars, when asked for (`with.product_exemplars`).
    #[serde(default)]
    pub product_exemplars: Option<ProductExemplars>,
    /// The posting's lines, one per product.
    #[serde(default, deserialize_with = "de::nullable")]
    pub products: Vec<PostingProductDetail>,
    /// The delivery service's own status.
    #[serde(default, deserialize_with = "de::nullable")]
    pub provider_status: String,
    /// The loading service.
    #[serde(default)]
    pub prr_option: Option<PrrOption>,
    /// Related postings, when asked for (`with.related_postings`).
    #[serde(default)]
    pub related_postings: Option<RelatedPostings>,
    /// Postings related by weight.
    #[serde(default, deserialize_with = "de::nullable")]
    pub related_weight_postings: Vec<String>,
    /// True when traceability attributes must be filled.
    #[serde(default)]
    pub require_blr_traceable_attrs: bool,
    /// Products needing more data before the posting can move on.
    #[serde(default)]
    pub requirements: Option<FbsPostingRequirements>,
    /// When the posting must be packed by.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub shipment_date: Option<DateTime<Utc>>,
    /// When the posting must be shipped by without delay.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub shipment_date_without_delay: Option<DateTime<Utc>>,
    /// The status; [`PostingStatus::as_str`] gives Ozon's own spelling.
    #[serde(default)]
    pub status: PostingStatus,
    /// The substatus: [`PostingSubstatus::ShipFailed`] when packaging failed after a `ship`
    /// that Ozon answered with 200.
    #[serde(default)]
    pub substatus: PostingSubstatus,
    /// Tariffication of the shipment (an object since 2026; a list before).
    #[serde(default)]
    pub tariffication: Lenient<Option<FbsTariffication>>,
    /// The steps of the posting's tariff; kept as raw JSON when Ozon changes its shape
    /// ([`Lenient`]).
    #[serde(default)]
    pub tariffication_steps: Lenient<Vec<TarifficationStep>>,
    /// How the delivery service is integrated; decides who delivers.
    #[serde(default)]
    pub tpl_integration_type: TplIntegrationType,
    /// The posting's tracking number at its delivery service.
    #[serde(default, deserialize_with = "de::nullable")]
    pub tracking_number: String,
}

/// The recipient's contacts (schemas `v3AddresseeFbsLists` and `v3Addressee`, identical).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Addressee {
    /// The addressee's name.
    #[serde(default, deserialize_with = "de::nullable")]
    pub name: String,
    /// The addressee's phone.
    #[serde(default, deserialize_with = "de::nullable")]
    pub phone: String,
    /// The recipient's PIN code (detail only).
    #[serde(default, deserialize_with = "de::nullable")]
    pub pin: String,
}

/// The buyer (schemas `v3CustomerFbsLists` and `v3Customer`, identical).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Customer {
    /// The delivery address.
    #[serde(default)]
    pub address: Option<Address>,
    /// The buyer's e-mail (v4 lists).
    #[serde(default, deserialize_with = "de::nullable")]
    pub customer_email: String,
    /// The buyer id.
    #[serde(default)]
    pub customer_id: i64,
    /// The buyer's name.
    #[serde(default, deserialize_with = "de::nullable")]
    pub name: String,
    /// The buyer's phone.
    #[serde(default, deserialize_with = "de::nullable")]
    pub phone: String,
}

/// A delivery address (schema `v3Address`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Address {
    /// The address line.
    #[serde(default, deserialize_with = "de::nullable")]
    pub address_tail: String,
    /// The city of delivery.
    #[serde(default, deserialize_with = "de::nullable")]
    pub city: String,
    /// The buyer's comment.
    #[serde(default, deserialize_with = "de::nullable")]
    pub comment: String,
    /// The country of delivery.
    #[serde(default, deserialize_with = "de::nullable")]
    pub country: String,
    /// The district of delivery.
    #[serde(default, deserialize_with = "de::nullable")]
    pub district: String,
    /// Latitude in decimal degrees; 0 when Ozon gives none.
    #[serde(default)]
    pub latitude: f64,
    /// Longitude in decimal degrees; 0 when Ozon gives none.
    #[serde(default)]
    pub longitude: f64,
    /// The pick-up point code at the delivery service.
    #[serde(default, deserialize_with = "de::nullable")]
    pub provider_pvz_code: String,
    /// The pick-up point code.
    #[serde(default)]
    pub pvz_code: i64,
    /// The region of delivery.
    #[serde(default, deserialize_with = "de::nullable")]
    pub region: String,
    /// Postcode.
    #[serde(default, deserialize_with = "de::nullable")]
    pub zip_code: String,
}

/// Analytics of an FBS posting (schema `v3FbsPostingAnalyticsData`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct FbsPostingAnalyticsData {
    /// Delivery city.
    #[serde(default, deserialize_with = "de::nullable")]
    pub city: String,
    /// Start of delivery (Ozon Delivery postings).
    #[serde(default, deserialize_with = "de::opt_time")]
    pub client_delivery_date_begin: Option<DateTime<Utc>>,
    /// The date by which the order will be delivered (Ozon Delivery postings).
    #[serde(default, deserialize_with = "de::opt_time")]
    pub client_delivery_date_end: Option<DateTime<Utc>>,
    /// Start of the delivery window.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub delivery_date_begin: Option<DateTime<Utc>>,
    /// End of the delivery window.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub delivery_date_end: Option<DateTime<Utc>>,
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
    /// Delivery region.
    #[serde(default, deserialize_with = "de::nullable")]
    pub region: String,
    /// The delivery service.
    #[serde(default, deserialize_with = "de::nullable")]
    pub tpl_provider: String,
    /// The delivery service id.
    #[serde(default)]
    pub tpl_provider_id: i64,
    /// The warehouse name.
    #[serde(default, deserialize_with = "de::nullable")]
    pub warehouse: String,
    /// The Ozon warehouse (FBO) holding the stock.
    #[serde(default)]
    pub warehouse_id: WarehouseId,
}

/// Posting barcodes (schema `v3Barcodes`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Barcodes {
    /// The lower barcode on the label.
    #[serde(default, deserialize_with = "de::nullable")]
    pub lower_barcode: String,
    /// The upper barcode on the label.
    #[serde(default, deserialize_with = "de::nullable")]
    pub upper_barcode: String,
}

/// The delivery method (schema `v3DeliveryMethod`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct DeliveryMethod {
    /// The delivery method id.
    #[serde(default)]
    pub id: DeliveryMethodId,
    /// The delivery method's name.
    #[serde(default, deserialize_with = "de::nullable")]
    pub name: String,
    /// The delivery service.
    #[serde(default, deserialize_with = "de::nullable")]
    pub tpl_provider: String,
    /// The delivery service id.
    #[serde(default)]
    pub tpl_provider_id: i64,
    /// The warehouse name.
    #[serde(default, deserialize_with = "de::nullable")]
    pub warehouse: String,
    /// The seller's warehouse, by its id in `/v2/warehouse/list`.
    #[serde(default)]
    pub warehouse_id: WarehouseId,
}

/// Products with extra characteristics (schema `v3FbsPostingDetailOptional`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct FbsPostingOptional {
    /// Products that may need a mandatory mark (the spec gives no item type; kept as JSON).
    #[serde(default, deserialize_with = "de::nullable")]
    pub products_with_possible_mandatory_mark: Vec<serde_json::Value>,
}

/// Products needing more data before the posting moves on, by SKU (schema
/// `v3FbsPostingRequirementsV3`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct FbsPostingRequirements {
    /// Whose country of origin must be changed.
    #[serde(default, deserialize_with = "de::nullable")]
    pub products_requiring_change_country: Vec<Sku>,
    /// Whose country of origin must be given.
    #[serde(default, deserialize_with = "de::nullable")]
    pub products_requiring_country: Vec<Sku>,
    /// Whose customs declaration number (GTD) must be given.
    #[serde(default, deserialize_with = "de::nullable")]
    pub products_requiring_gtd: Vec<Sku>,
    /// Whose IMEI must be given.
    #[serde(default, deserialize_with = "de::nullable")]
    pub products_requiring_imei: Vec<Sku>,
    /// Whose jewellery id (UIN) must be given.
    #[serde(default, deserialize_with = "de::nullable")]
    pub products_requiring_jw_uin: Vec<Sku>,
    /// Not in the schema but in every Ozon example (an older name of the jewellery list).
    #[serde(default, deserialize_with = "de::nullable")]
    pub products_requiring_jwn: Vec<Sku>,
    /// Whose "Chestny ZNAK" mark must be given.
    #[serde(default, deserialize_with = "de::nullable")]
    pub products_requiring_mandatory_mark: Vec<Sku>,
    /// Whose batch registration number (RNPT) must be given.
    #[serde(default, deserialize_with = "de::nullable")]
    pub products_requiring_rnpt: Vec<Sku>,
    /// Whose weight must be given.
    #[serde(default, deserialize_with = "de::nullable")]
    pub products_requiring_weight: Vec<Sku>,
}

/// Tariffication of a shipment (schema `v3FbsTariffication`).
///
/// Read only from a JSON object: the list Ozon sent before 2026 is another shape (serde would
/// otherwise read a list positionally into the fields), which [`Lenient`] keeps raw.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(remote = "Self")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct FbsTariffication {
    /// The current discount or surcharge amount; `None` when Ozon sends `""`.
    #[serde(default, deserialize_with = "market_core::wire::de::opt_decimal")]
    pub current_tariff_charge: Option<Decimal>,
    /// The currency of the current tariff's charge.
    #[serde(default, deserialize_with = "de::nullable")]
    pub current_tariff_charge_currency_code: String,
    /// The current percentage.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub current_tariff_rate: Decimal,
    /// The current type: discount or surcharge.
    #[serde(default, deserialize_with = "de::nullable")]
    pub current_tariff_type: String,
    /// The next discount or surcharge amount; `None` when Ozon sends `""`.
    #[serde(default, deserialize_with = "market_core::wire::de::opt_decimal")]
    pub next_tariff_charge: Option<Decimal>,
    /// The currency of the next tariff's charge.
    #[serde(default, deserialize_with = "de::nullable")]
    pub next_tariff_charge_currency_code: String,
    /// The next percentage.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub next_tariff_rate: Decimal,
    /// When the next tariff applies.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub next_tariff_starts_at: Option<DateTime<Utc>>,
    /// The next type: discount or surcharge.
    #[serde(default, deserialize_with = "de::nullable")]
    pub next_tariff_type: String,
}

/// The courier (schema `FbsPostingDetailCourier`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Courier {
    /// The courier's car model.
    #[serde(default, deserialize_with = "de::nullable")]
    pub car_model: String,
    /// The courier's car registration number.
    #[serde(default, deserialize_with = "de::nullable")]
    pub car_number: String,
    /// The courier's full name.
    #[serde(default, deserialize_with = "de::nullable")]
    pub name: String,
    /// The courier's phone; Ozon documents that it always sends `""`.
    #[serde(default, deserialize_with = "de::nullable")]
    pub phone: String,
}

/// Product exemplars of a posting (schema `v3FbsPostingProductExemplarsV3`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ProductExemplars {
    /// Per product.
    #[serde(default, deserialize_with = "de::nullable")]
    pub products: Vec<ExemplarProduct>,
}

/// Exemplars of one product (schema `v3FbsPostingExemplarProductV3`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ExemplarProduct {
    /// Per-exemplar information (marks, IMEIs, weight).
    #[serde(default, deserialize_with = "de::nullable")]
    pub exemplars: Vec<ExemplarInfo>,
    /// Ozon's SKU.
    #[serde(default)]
    pub sku: Sku,
}

/// One exemplar (schema `v3FbsPostingProductExemplarInfoV3`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ExemplarInfo {
    /// Ozon's id of the exemplar (one unit of the product).
    #[serde(default)]
    pub exemplar_id: i64,
    /// Customs declaration number (GTD).
    #[serde(default, deserialize_with = "de::nullable")]
    pub gtd: String,
    /// True when the GTD is declared absent.
    #[serde(default)]
    pub is_gtd_absent: bool,
    /// True when the RNPT is declared absent.
    #[serde(default)]
    pub is_rnpt_absent: bool,
    /// The "Chestny ZNAK" mark.
    #[serde(default, deserialize_with = "de::nullable")]
    pub mandatory_mark: String,
    /// Batch registration number (RNPT).
    #[serde(default, deserialize_with = "de::nullable")]
    pub rnpt: String,
    /// The IMEIs of a mobile device.
    #[serde(default, deserialize_with = "de::nullable")]
    pub imei: Vec<String>,
    /// The exemplar's actual weight.
    #[serde(default)]
    pub weight: f64,
}

/// A product of a posting's detail (schema `v3PostingProductDetail`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PostingProductDetail {
    /// The currency of the price.
    #[serde(default, deserialize_with = "de::nullable")]
    pub currency_code: String,
    /// Package dimensions and weight.
    #[serde(default)]
    pub dimensions: Option<Dimensions>,
    /// True when the product needs IMEIs.
    #[serde(default)]
    pub has_imei: bool,
    /// True when the product is traceable.
    #[serde(default)]
    pub is_blr_traceable: bool,
    /// True for a marketplace buyout.
    #[serde(default)]
    pub is_marketplace_buyout: bool,
    /// True when the weight must be given.
    #[serde(default)]
    pub is_weight_needed: bool,
    /// Jewellery ids (UIN); the spec's type is `array of strings`.
    #[serde(default, deserialize_with = "de::nullable")]
    pub jw_uin: Vec<String>,
    /// Mandatory marks (deprecated by Ozon).
    #[serde(default, deserialize_with = "de::nullable")]
    pub mandatory_mark: Vec<String>,
    /// The product's name.
    #[serde(default, deserialize_with = "de::nullable")]
    pub name: String,
    /// The seller's article.
    #[serde(default, deserialize_with = "de::nullable")]
    pub offer_id: String,
    /// The price after discounts (sent as a string).
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub price: Decimal,
    /// Units.
    #[serde(default)]
    pub quantity: i32,
    /// Ozon's SKU.
    #[serde(default)]
    pub sku: Sku,
    /// The largest weight allowed.
    #[serde(default)]
    pub weight_max: f64,
    /// The smallest weight allowed.
    #[serde(default)]
    pub weight_min: f64,
}

/// Package dimensions, as Ozon sends them (strings such as `"40.00"`; schema `v3Dimensions`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Dimensions {
    /// The height of the package, as Ozon writes it (a string).
    #[serde(default, deserialize_with = "de::nullable")]
    pub height: String,
    /// The length of the product, as Ozon writes it (a string).
    #[serde(default, deserialize_with = "de::nullable")]
    pub length: String,
    /// The weight of the product in its package, as Ozon writes it (a string).
    #[serde(default, deserialize_with = "de::nullable")]
    pub weight: String,
    /// The width of the package, as Ozon writes it (a string).
    #[serde(default, deserialize_with = "de::nullable")]
    pub width: String,
}

/// The loading service of a bulky posting (schema `FbsPostingDetailPrrOption`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PrrOption {
    /// Service code: `lift`, `stairs`, `none`, `delivery_default`.
    #[serde(default, deserialize_with = "de::nullable")]
    pub code: String,
    /// The currency of the price.
    #[serde(default, deserialize_with = "de::nullable")]
    pub currency_code: String,
    /// The floor the goods are to be carried up to.
    #[serde(default, deserialize_with = "de::nullable")]
    pub floor: String,
    /// What Ozon pays the seller for the service; `None` when Ozon sends `""`.
    #[serde(default, deserialize_with = "market_core::wire::de::opt_decimal")]
    pub price: Option<Decimal>,
}

/// Related postings (schema `v3FbsPostingDetailRelatedPostings`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct RelatedPostings {
    /// Their numbers.
    #[serde(default, deserialize_with = "de::nullable")]
    pub related_posting_numbers: Vec<PostingNumber>,
}

// ---------------------------------------------------------------------------------------------
// Shipping.
// ---------------------------------------------------------------------------------------------

/// `POST /v4/posting/fbs/ship` request (schema `fbsv4FbsPostingShipV4Request`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ShipRequest {
    /// The packages: one posting each; several split the order.
    pub packages: Vec<ShipPackage>,
    /// The posting to ship.
    pub posting_number: PostingNumber,
    /// Extra data to return.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub with: Option<ShipWith>,
}

impl ShipRequest {
    /// Ships `posting_number` as these packages.
    pub fn new(posting_number: impl Into<PostingNumber>, packages: Vec<ShipPackage>) -> Self {
        Self {
            packages,
            posting_number: posting_number.into(),
            with: None,
        }
    }

    /// Asks for the products' additional data in the answer.
    pub fn with_additional_data(mut self) -> Self {
        self.with = Some(ShipWith {
            additional_data: true,
        });
        self
    }
}

/// One package of [`ShipRequest`] (schema `FbsPostingShipV4RequestPackage`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ShipPackage {
    /// The products in the package.
    pub products: Vec<ShipPackageProduct>,
}

impl ShipPackage {
    /// A package of these products.
    pub fn new(products: Vec<ShipPackageProduct>) -> Self {
        Self { products }
    }
}

/// A product in a package (schema `FbsPostingShipV4RequestPackageProduct`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ShipPackageProduct {
    /// The product's Ozon SKU (the field is named `product_id`; Ozon describes it as the SKU).
    pub product_id: Sku,
    /// Units.
    pub quantity: i32,
}

impl ShipPackageProduct {
    /// `quantity` units of `sku`.
    pub fn new(sku: impl Into<Sku>, quantity: i32) -> Self {
        Self {
            product_id: sku.into(),
            quantity,
        }
    }
}

/// Extra data of [`ShipRequest`] (schema `FbsPostingShipV4RequestWith`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ShipWith {
    /// Return the products' additional data.
    #[serde(default)]
    pub additional_data: bool,
}

/// `POST /v4/posting/fbs/ship` response (schema `fbsv4FbsPostingShipV4Response`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ShipResponse {
    /// Products per resulting posting, when asked for.
    #[serde(default, deserialize_with = "de::nullable")]
    pub additional_data: Vec<ShipAdditionalData>,
    /// The postings the order became.
    #[serde(default, deserialize_with = "de::nullable")]
    pub result: Vec<PostingNumber>,
}

/// Products of one resulting posting (schema `FbsPostingShipV4ResponseShipAdditionalData`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ShipAdditionalData {
    /// Ozon's posting number (`57195475-0050-3`: the order number and the shipment's index).
    #[serde(default)]
    pub posting_number: PostingNumber,
    /// The posting's lines, one per product.
    #[serde(default, deserialize_with = "de::nullable")]
    pub products: Vec<ShippedProduct>,
}

/// A product of a resulting posting (schema `fbsv4PostingProductDetailWithoutDimensions`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ShippedProduct {
    /// The currency of the price.
    #[serde(default, deserialize_with = "de::nullable")]
    pub currency_code: String,
    /// The product's marks of the mandatory "Честный ЗНАК" marking.
    #[serde(default, deserialize_with = "de::nullable")]
    pub mandatory_mark: Vec<String>,
    /// The product's name.
    #[serde(default, deserialize_with = "de::nullable")]
    pub name: String,
    /// The seller's article.
    #[serde(default, deserialize_with = "de::nullable")]
    pub offer_id: String,
    /// The price (sent as a string).
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub price: Decimal,
    /// Units.
    #[serde(default)]
    pub quantity: i32,
    /// Ozon's SKU.
    #[serde(default)]
    pub sku: Sku,
}

/// `POST /v4/posting/fbs/ship/package` request (schema `v4FbsPostingShipPackageV4Request`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ShipPackageRequest {
    /// The posting to split.
    pub posting_number: PostingNumber,
    /// The products packed now; the rest stay in the original posting.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub products: Vec<ShipPackageRequestProduct>,
}

impl ShipPackageRequest {
    /// Packs these products of `posting_number` as one package.
    pub fn new(
        posting_number: impl Into<PostingNumber>,
        products: Vec<ShipPackageRequestProduct>,
    ) -> Self {
        Self {
            posting_number: posting_number.into(),
            products,
        }
    }
}

/// A product of [`ShipPackageRequest`] (schema `v4FbsPostingShipPackageV4RequestProduct`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ShipPackageRequestProduct {
    /// Exemplar ids (sent as strings, as the spec types them).
    #[serde(
        default,
        rename = "exemplarsIds",
        skip_serializing_if = "Vec::is_empty",
        with = "market_core::wire::id_strings"
    )]
    pub exemplars_ids: Vec<i64>,
    /// The product's SKU (the field is named `product_id`; Ozon describes it as the SKU).
    pub product_id: Sku,
    /// Units.
    pub quantity: i32,
}

impl ShipPackageRequestProduct {
    /// `quantity` units of `sku`.
    pub fn new(sku: impl Into<Sku>, quantity: i32) -> Self {
        Self {
            exemplars_ids: Vec::new(),
            product_id: sku.into(),
            quantity,
        }
    }

    /// With these exemplars.
    pub fn with_exemplars(mut self, ids: impl IntoIterator<Item = i64>) -> Self {
        self.exemplars_ids = ids.into_iter().collect();
        self
    }
}

/// `POST /v4/posting/fbs/ship/package` response (schema `v4FbsPostingShipPackageV4Response`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ShipPackageResponse {
    /// The posting numbers formed by the packaging, as Ozon sends them (one string).
    #[serde(default, deserialize_with = "de::nullable")]
    pub result: String,
}

// ---------------------------------------------------------------------------------------------
// Cancellation.
// ---------------------------------------------------------------------------------------------

/// `POST /v2/posting/fbs/cancel` request (schema `postingCancelFbsPostingRequest`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CancelRequest {
    /// The reason (see [`crate::api::fbs::FbsApi::cancel_reasons_for`]).
    pub cancel_reason_id: i64,
    /// Free text; required for reason [`crate::api::fbs::CANCEL_REASON_OTHER`].
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub cancel_reason_message: String,
    /// Ozon's posting number (`57195475-0050-3`: the order number and the shipment's index).
    pub posting_number: PostingNumber,
}

impl CancelRequest {
    /// Cancels `posting_number` for `reason_id`.
    pub fn new(posting_number: impl Into<PostingNumber>, reason_id: i64) -> Self {
        Self {
            cancel_reason_id: reason_id,
            cancel_reason_message: String::new(),
            posting_number: posting_number.into(),
        }
    }

    /// With a message.
    pub fn with_message(mut self, message: impl Into<String>) -> Self {
        self.cancel_reason_message = message.into();
        self
    }
}

/// A yes/no answer (schema `postingBooleanResponse`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct BooleanResponse {
    /// True on success.
    #[serde(default)]
    pub result: bool,
}

/// `POST /v2/posting/fbs/cancel-reason/list` response (schema `postingCancelReasonListResponse`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CancelReasonListResponse {
    /// The reasons (required: a 200 without the list is a decode error).
    pub result: Vec<CancelReason>,
}

/// A cancellation reason (schema `postingCancelReason`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CancelReason {
    /// The reason id.
    #[serde(default)]
    pub id: i64,
    /// True when the seller may cancel for this reason.
    #[serde(default)]
    pub is_available_for_cancellation: bool,
    /// The reason's text.
    #[serde(default, deserialize_with = "de::nullable")]
    pub title: String,
    /// Who cancels: `buyer` or `seller`.
    #[serde(default, deserialize_with = "de::nullable")]
    pub type_id: String,
}

/// `POST /v1/posting/fbs/cancel-reason` request (schema `postingCancelReasonRequest`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CancelReasonRequest {
    /// The numbers of the related postings.
    pub related_posting_numbers: Vec<PostingNumber>,
}

/// `POST /v1/posting/fbs/cancel-reason` response (schema `postingCancelReasonResponse`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CancelReasonResponse {
    /// Reasons per posting (required: a 200 without the list is a decode error).
    pub result: Vec<RelatedPostingCancelReason>,
}

/// The reasons one posting may be cancelled for (schema `relatedPostingCancelReason`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct RelatedPostingCancelReason {
    /// Ozon's posting number (`57195475-0050-3`: the order number and the shipment's index).
    #[serde(default)]
    pub posting_number: PostingNumber,
    /// The cancellation reasons that apply, with their details.
    #[serde(default, deserialize_with = "de::nullable")]
    pub reasons: Vec<RelatedCancelReason>,
}

/// A reason one posting may be cancelled for (schema `relatedPostingCancelReasons`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct RelatedCancelReason {
    /// The reason id.
    #[serde(default)]
    pub id: i64,
    /// The reason's text.
    #[serde(default, deserialize_with = "de::nullable")]
    pub title: String,
    /// Who cancels: `buyer` or `seller`.
    #[serde(default, deserialize_with = "de::nullable")]
    pub type_id: String,
}

// ---------------------------------------------------------------------------------------------
// Status transitions and tracking numbers.
// ---------------------------------------------------------------------------------------------

/// A list of postings to move (schemas `v2MovePostingToAwaitingDeliveryRequest`,
/// `postingFbsPostingDeliveringRequest`, `postingFbsPostingLastMileRequest`,
/// `postingFbsPostingDeliveredRequest`, `postingFbsPostingSentbysellerRequest`, identical).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PostingNumbersRequest {
    /// The postings to act on, by number.
    pub posting_number: Vec<PostingNumber>,
}

/// Per-posting outcomes of a transition (schemas `postingFbsPostingMoveStatusResponse` and
/// `postingFbsPostingSentbysellerResponse`, identical).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct MoveStatusResponse {
    /// One per posting (required: a 200 without it is a decode error).
    pub result: Vec<MoveStatus>,
}

/// The outcome for one posting (schemas `FbsPostingMoveStatusResponseMoveStatus` and
/// `postingFbsPostingSentbysellerResponseItem`, identical).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct MoveStatus {
    /// Why it failed; empty on success (Ozon also sends `null` and `[]`).
    #[serde(default, deserialize_with = "de::text_or_list")]
    pub error: String,
    /// Ozon's posting number (`57195475-0050-3`: the order number and the shipment's index).
    #[serde(default)]
    pub posting_number: PostingNumber,
    /// True when the posting moved.
    #[serde(default)]
    pub result: bool,
}

/// `POST /v2/fbs/posting/tracking-number/set` request (schema
/// `postingFbsPostingTrackingNumberSetRequest`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct TrackingNumberSetRequest {
    /// Posting-tracking number pairs.
    pub tracking_numbers: Vec<TrackingNumber>,
}

/// A posting's tracking number (schema `FbsPostingTrackingNumberSetRequestTrackingNumber`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct TrackingNumber {
    /// Ozon's posting number (`57195475-0050-3`: the order number and the shipment's index).
    pub posting_number: PostingNumber,
    /// The posting's tracking number at its delivery service.
    pub tracking_number: String,
}

impl TrackingNumber {
    /// `tracking_number` for `posting_number`.
    pub fn new(
        posting_number: impl Into<PostingNumber>,
        tracking_number: impl Into<String>,
    ) -> Self {
        Self {
            posting_number: posting_number.into(),
            tracking_number: tracking_number.into(),
        }
    }
}
