//! Wire types of the warehouses section: FBS/rFBS warehouses and their delivery methods
//! (`/v2/warehouse/list`, `/v2/delivery-method/list`, both cursor-paged).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::{DeliveryMethodId, WarehouseId};
use market_core::wire::de;

market_core::wire_enum! {
    /// A working day of a warehouse (the item enum of `working_days`, schema
    /// `WarehouseListV2ResponseWarehouse`).
    pub enum Weekday {
        /// Not given.
        Unspecified = "UNSPECIFIED",
        /// Monday.
        Monday = "MONDAY",
        /// Tuesday.
        Tuesday = "TUESDAY",
        /// Wednesday.
        Wednesday = "WEDNESDAY",
        /// Thursday.
        Thursday = "THURSDAY",
        /// Friday.
        Friday = "FRIDAY",
        /// Saturday.
        Saturday = "SATURDAY",
        /// Sunday.
        Sunday = "SUNDAY",
    }
}

market_core::wire_enum! {
    /// How goods reach Ozon from the warehouse (schema `FirstMileTypeEnum`).
    pub enum FirstMileType {
        /// Not given.
        Unspecified = "UNSPECIFIED",
        /// Ozon picks them up.
        PickUp = "PICK_UP",
        /// The seller brings them to a drop-off point.
        DropOff = "DROP_OFF",
    }
}

market_core::wire_enum! {
    /// The carriage label type (schema `WarehouseCarriageLabelTypeEnum`).
    pub enum CarriageLabelType {
        /// Not given.
        Unspecified = "UNSPECIFIED",
        /// A big label.
        Big = "BIG",
        /// A small label.
        Small = "SMALL",
    }
}

market_core::wire_enum! {
    /// Warehouse status (`status` of schema `WarehouseListV2ResponseWarehouse`; the schema types
    /// it as a free string without values, so unknown values are always kept; these are the
    /// values of the 2025-09 list method and of the v2 example).
    pub enum WarehouseStatus {
        /// Being activated.
        New = "new",
        /// Active.
        Created = "created",
        /// Archived.
        Disabled = "disabled",
        /// Blocked.
        Blocked = "blocked",
        /// Paused because of the postings limit.
        DisabledDueToLimit = "disabled_due_to_limit",
        /// In error.
        Error = "error",
    }
}

market_core::wire_enum! {
    /// Delivery method status (`status` of schemas `DeliveryMethodListV2RequestFilter` and
    /// `DeliveryMethodListV2ResponseDeliveryMethod`; values from their descriptions).
    pub enum DeliveryMethodStatus {
        /// Created.
        New = "NEW",
        /// Being edited.
        Edited = "EDITED",
        /// Active.
        Active = "ACTIVE",
        /// Inactive.
        Disabled = "DISABLED",
        /// Being checked.
        Waiting = "WAITING",
        /// Broken.
        Broken = "BROKEN",
    }
}

market_core::impl_open_enum!(WarehouseStatus, DeliveryMethodStatus);

/// `POST /v2/warehouse/list` request (schema `v2WarehouseListV2Request`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct WarehouseListRequest {
    /// Warehouses a page, 1 to [`crate::api::warehouses::WAREHOUSE_LIST_PAGE_MAX`].
    pub limit: i64,
    /// Where the page starts: empty for the first page, then the previous answer's `cursor`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub cursor: String,
    /// Only these warehouses (at most 200; sent as strings).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        with = "market_core::wire::id_strings"
    )]
    pub warehouse_ids: Vec<WarehouseId>,
}

/// `POST /v2/warehouse/list` response (schema `v2WarehouseListV2Response`); `warehouses` is
/// required: a 200 without the list is a decode error.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct WarehouseListResponse {
    /// Where the next page starts.
    #[serde(default)]
    pub cursor: String,
    /// The warehouses of this page.
    pub warehouses: Vec<Warehouse>,
    /// True when more warehouses follow.
    #[serde(default)]
    pub has_next: bool,
}

/// An FBS or rFBS warehouse (schema `WarehouseListV2ResponseWarehouse`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Warehouse {
    /// Where the warehouse is.
    #[serde(default)]
    pub address_info: Option<WarehouseAddressInfo>,
    /// The type of the carriage's label; `None` when Ozon sends none.
    #[serde(default)]
    pub carriage_label_type: Option<CarriageLabelType>,
    /// A comment for the courier.
    #[serde(default)]
    pub courier_comment: String,
    /// Phones for the courier.
    #[serde(default)]
    pub courier_phones: Vec<String>,
    /// When the warehouse was created.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub created_at: Option<DateTime<Utc>>,
    /// Time to ship, in minutes.
    #[serde(default, deserialize_with = "de::int64")]
    pub cut_in_time: i64,
    /// How goods reach Ozon from the warehouse (pick-up or drop-off); `None` when Ozon omits it.
    #[serde(default)]
    pub first_mile: Option<FirstMile>,
    /// Trusted acceptance is on.
    #[serde(default)]
    pub has_entrusted_acceptance: bool,
    /// A minimum postings limit applies.
    #[serde(default)]
    pub has_postings_limit: bool,
    /// Automatic assembly is on.
    #[serde(default)]
    pub is_auto_assembly: bool,
    /// Comfort delivery (from 60 minutes).
    #[serde(default)]
    pub is_comfort: bool,
    /// Express delivery (at most 60 minutes).
    #[serde(default)]
    pub is_express: bool,
    /// Takes bulky goods.
    #[serde(default)]
    pub is_kgt: bool,
    /// Works as rFBS (the seller delivers).
    #[serde(default)]
    pub is_rfbs: bool,
    /// Waybill printing is on.
    #[serde(default)]
    pub is_waybill_enabled: bool,
    /// The fewest postings one shipment may carry.
    #[serde(default)]
    pub min_postings_limit: i32,
    /// The warehouse's name.
    #[serde(default)]
    pub name: String,
    /// When the seller paused the warehouse (rFBS); `None` when active.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub pause_at: Option<DateTime<Utc>>,
    /// The warehouse's phone.
    #[serde(default)]
    pub phone: String,
    /// The postings limit; `-1` for none.
    #[serde(default)]
    pub postings_limit: i32,
    /// The shortest assembly time, in minutes.
    #[serde(default, deserialize_with = "de::int64")]
    pub sla_cut_in: i64,
    /// The warehouse's status; `None` when Ozon sends none.
    #[serde(default, deserialize_with = "de::open_enum")]
    pub status: Option<WarehouseStatus>,
    /// The warehouse's working days and hours; `None` when Ozon omits them.
    #[serde(default)]
    pub timetable: Option<WarehouseTimetable>,
    /// When the warehouse was last updated.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub updated_at: Option<DateTime<Utc>>,
    /// The warehouse's id: stock updates, postings and delivery methods name the warehouse by it.
    #[serde(default)]
    pub warehouse_id: WarehouseId,
    /// The warehouse type, as Ozon writes it.
    #[serde(default)]
    pub warehouse_type: String,
    /// Pick list printing is on.
    #[serde(default)]
    pub with_item_list: bool,
    /// The days the warehouse works (`MONDAY` to `SUNDAY`).
    #[serde(default)]
    pub working_days: Vec<Weekday>,
}

/// Where a warehouse is (schema `WarehouseAddressInfo`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct WarehouseAddressInfo {
    /// The warehouse's address.
    #[serde(default)]
    pub address: String,
    /// Latitude in decimal degrees; 0 when Ozon gives none.
    #[serde(default)]
    pub latitude: f64,
    /// Longitude in decimal degrees; 0 when Ozon gives none.
    #[serde(default)]
    pub longitude: f64,
    /// The time zone (`UTC+03:00`).
    #[serde(default)]
    pub utc: String,
}

/// The first mile of a warehouse (schema `WarehouseFirstMile`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct FirstMile {
    /// The drop-off point.
    #[serde(default)]
    pub dropoff_point_id: String,
    /// The warehouse's settings are being changed.
    #[serde(default)]
    pub first_mile_is_changing: bool,
    /// Start of the time slot (`20:59`).
    #[serde(default)]
    pub timeslot_from: String,
    /// The time slot.
    #[serde(default, deserialize_with = "de::int64")]
    pub timeslot_id: i64,
    /// End of the time slot.
    #[serde(default)]
    pub timeslot_to: String,
    /// Pick-up or drop-off.
    #[serde(default, rename = "type")]
    pub first_mile_type: Option<FirstMileType>,
}

/// A warehouse's timetable (schema `WarehouseTimetable`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct WarehouseTimetable {
    /// When the warehouse starts working.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub timetable_from: Option<DateTime<Utc>>,
    /// When it stops.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub timetable_to: Option<DateTime<Utc>>,
    /// The warehouse's working hours.
    #[serde(default)]
    pub working_hours: Vec<WorkingHours>,
}

/// Working hours (schema `TimetableWorkingHours`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct WorkingHours {
    /// When the working day starts.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub time_from: Option<DateTime<Utc>>,
    /// When the working day ends.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub time_to: Option<DateTime<Utc>>,
}

/// `POST /v2/delivery-method/list` request (schema `v2DeliveryMethodListV2Request`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct DeliveryMethodListRequest {
    /// Where the page starts: empty for the first page, then the previous answer's `cursor`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub cursor: String,
    /// Which delivery methods to list; `None` sends no filter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filter: Option<DeliveryMethodFilter>,
    /// Methods a page, 1 to [`crate::api::warehouses::DELIVERY_METHOD_LIST_PAGE_MAX`].
    pub limit: i64,
    /// Sort direction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort_dir: Option<crate::models::common::SortDirection>,
}

/// The filter of [`DeliveryMethodListRequest`] (schema `DeliveryMethodListV2RequestFilter`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct DeliveryMethodFilter {
    /// Only these methods (at most 100; sent as strings).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        with = "market_core::wire::id_strings"
    )]
    pub delivery_method_ids: Vec<DeliveryMethodId>,
    /// Only these delivery services (at most 100; sent as strings).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        with = "market_core::wire::id_strings"
    )]
    pub provider_ids: Vec<i64>,
    /// Only these statuses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub status: Vec<DeliveryMethodStatus>,
    /// Only these warehouses (at most 100; sent as strings).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        with = "market_core::wire::id_strings"
    )]
    pub warehouse_ids: Vec<WarehouseId>,
}

impl DeliveryMethodFilter {
    /// Methods of one warehouse.
    pub fn warehouse(id: WarehouseId) -> Self {
        Self {
            warehouse_ids: vec![id],
            ..Self::default()
        }
    }

    /// Only this status (added to those asked for).
    pub fn with_status(mut self, status: DeliveryMethodStatus) -> Self {
        self.status.push(status);
        self
    }

    /// Only this delivery service (added to those asked for).
    pub fn with_provider(mut self, provider_id: i64) -> Self {
        self.provider_ids.push(provider_id);
        self
    }
}

/// `POST /v2/delivery-method/list` response (schema `v2DeliveryMethodListV2Response`);
/// `delivery_methods` is required.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct DeliveryMethodListResponse {
    /// Where the next page starts.
    #[serde(default)]
    pub cursor: String,
    /// True when more methods follow.
    #[serde(default)]
    pub has_next: bool,
    /// The delivery methods of this page.
    pub delivery_methods: Vec<DeliveryMethod>,
}

/// A delivery method of a warehouse (schema `DeliveryMethodListV2ResponseDeliveryMethod`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct DeliveryMethod {
    /// When it was created.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub created_at: Option<DateTime<Utc>>,
    /// The assembly cut-off.
    #[serde(default)]
    pub cutoff: String,
    /// The method.
    #[serde(default)]
    pub id: DeliveryMethodId,
    /// Ozon Express is available.
    #[serde(default)]
    pub is_express: bool,
    /// The delivery method's name.
    #[serde(default)]
    pub name: String,
    /// The delivery service.
    #[serde(default, deserialize_with = "de::int64")]
    pub provider_id: i64,
    /// The shortest assembly time, in minutes.
    #[serde(default, deserialize_with = "de::int64")]
    pub sla_cut_in: i64,
    /// The method's status: `NEW`, `EDITED` (being edited), `ACTIVE`, `DISABLED`, `WAITING` (under
    /// review) or `BROKEN` (with an error).
    #[serde(default, deserialize_with = "de::open_enum")]
    pub status: Option<DeliveryMethodStatus>,
    /// The delivery service's template.
    #[serde(default, deserialize_with = "de::int64")]
    pub template_id: i64,
    /// The drop-off point.
    #[serde(default)]
    pub tpl_dropoff_point: Option<DropOffPoint>,
    /// How the delivery service is integrated (`aggregator`, `3pl_tracking`,
    /// `non_integrated`, `hybrid`), as Ozon writes it; this crate decides nothing from it.
    #[serde(default)]
    pub tpl_integration_type: String,
    /// When it was last updated.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub updated_at: Option<DateTime<Utc>>,
    /// The seller's warehouse, by its id in `/v2/warehouse/list`.
    #[serde(default)]
    pub warehouse_id: WarehouseId,
}

/// A drop-off point (schema `warehouse.v2.DeliveryMethodListV2Response.DeliveryMethod.TPLDropOffPoint`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct DropOffPoint {
    /// The drop-off point's address.
    #[serde(default)]
    pub address: String,
    /// The drop-off point's coordinates; `None` when Ozon gives none.
    #[serde(default)]
    pub address_coordinates: Option<Coordinates>,
    /// The point's code at the carrier.
    #[serde(default)]
    pub code: String,
    /// The delivery method's name.
    #[serde(default)]
    pub name: String,
}

/// Coordinates (schema `...TPLDropOffPoint.AddressCoordinates`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Coordinates {
    /// Latitude in decimal degrees; 0 when Ozon gives none.
    #[serde(default)]
    pub latitude: f64,
    /// Longitude in decimal degrees; 0 when Ozon gives none.
    #[serde(default)]
    pub longitude: f64,
}
