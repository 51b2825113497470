//! Wire types of the warehouses section: FBS/rFBS warehouses and their delivery methods.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::{DeliveryMethodId, WarehouseId};
use crate::models::prices::de;

market_core::wire_enum! {
    /// A working day of a warehouse, Monday `1` to Sunday `7` (the item enum of `working_days`,
    /// schema `WarehouseListResponseWarehouse`).
    pub enum Weekday {
        /// Monday.
        Monday = "1",
        /// Tuesday.
        Tuesday = "2",
        /// Wednesday.
        Wednesday = "3",
        /// Thursday.
        Thursday = "4",
        /// Friday.
        Friday = "5",
        /// Saturday.
        Saturday = "6",
        /// Sunday.
        Sunday = "7",
    }
}

market_core::wire_enum! {
    /// How goods reach Ozon from the warehouse (the enum of `first_mile_type`, schema
    /// `WarehouseFirstMileType`).
    pub enum FirstMileType {
        /// The seller brings them to a drop-off point.
        DropOff = "DropOff",
        /// Ozon picks them up.
        Pickup = "Pickup",
    }
}

market_core::wire_enum! {
    /// Warehouse status (`status` of schema `WarehouseListResponseWarehouse`; the schema types
    /// it as a free string and lists the values in prose, so unknown values are always kept).
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
    /// Delivery method status (`status` of schemas `DeliveryMethodListRequestFilter` and
    /// `DeliveryMethodListResponseDeliveryMethod`; free strings in the schema, values from its
    /// prose, so unknown values are always kept in answers).
    pub enum DeliveryMethodStatus {
        /// Created.
        New = "NEW",
        /// Being edited.
        Edited = "EDITED",
        /// Active.
        Active = "ACTIVE",
        /// Inactive.
        Disabled = "DISABLED",
    }
}

de::impl_open_enum!(WarehouseStatus, DeliveryMethodStatus);

/// `POST /v1/warehouse/list` response (schema `warehouseWarehouseListResponse`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct WarehouseListResponse {
    /// The seller's FBS and rFBS warehouses.
    #[serde(default)]
    pub result: Vec<Warehouse>,
}

/// One FBS or rFBS warehouse (schema `WarehouseListResponseWarehouse`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Warehouse {
    /// True when the acceptance act can be printed in advance.
    #[serde(default)]
    pub can_print_act_in_advance: bool,
    /// The first mile.
    #[serde(default)]
    pub first_mile_type: FirstMile,
    /// True when trusted acceptance is on.
    #[serde(default)]
    pub has_entrusted_acceptance: bool,
    /// True when the warehouse has a minimum postings limit.
    #[serde(default)]
    pub has_postings_limit: bool,
    /// True when the warehouse works with economy products.
    #[serde(default)]
    pub is_economy: bool,
    /// True when the warehouse is closed for quarantine.
    #[serde(default)]
    pub is_karantin: bool,
    /// True when the warehouse takes bulky goods.
    #[serde(default)]
    pub is_kgt: bool,
    /// True when the warehouse works under rFBS.
    #[serde(default)]
    pub is_rfbs: bool,
    /// True when the timetable may be changed.
    #[serde(default)]
    pub is_timetable_editable: bool,
    /// The lowest possible postings limit of one supply.
    #[serde(default)]
    pub min_postings_limit: i32,
    /// Working days of the warehouse (a count).
    #[serde(default, deserialize_with = "de::int64")]
    pub min_working_days: i64,
    /// The name.
    #[serde(default)]
    pub name: String,
    /// The postings limit; `-1` when there is none.
    #[serde(default)]
    pub postings_limit: i32,
    /// The status.
    #[serde(default, deserialize_with = "de::open_enum")]
    pub status: Option<WarehouseStatus>,
    /// The warehouse id.
    #[serde(default)]
    pub warehouse_id: WarehouseId,
    /// The days the warehouse works.
    #[serde(default)]
    pub working_days: Vec<Weekday>,
}

/// The first mile of a warehouse (schema `WarehouseFirstMileType`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct FirstMile {
    /// The drop-off point.
    #[serde(default)]
    pub dropoff_point_id: String,
    /// The drop-off time slot.
    #[serde(default, deserialize_with = "de::int64")]
    pub dropoff_timeslot_id: i64,
    /// True while the first-mile settings are being changed.
    #[serde(default)]
    pub first_mile_is_changing: bool,
    /// Drop-off or pick-up.
    #[serde(default)]
    pub first_mile_type: Option<FirstMileType>,
}

/// `POST /v1/delivery-method/list` request (schema `warehouseDeliveryMethodListRequest`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct DeliveryMethodListRequest {
    /// The filter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub filter: Option<DeliveryMethodFilter>,
    /// Items a page, 1 to [`crate::api::warehouses::DELIVERY_METHODS_PAGE_MAX`].
    pub limit: i64,
    /// Items to skip.
    #[serde(default)]
    pub offset: i64,
}

/// The filter of [`DeliveryMethodListRequest`] (schema `DeliveryMethodListRequestFilter`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct DeliveryMethodFilter {
    /// Only this delivery service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider_id: Option<i64>,
    /// Only methods in this status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<DeliveryMethodStatus>,
    /// Only this warehouse.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warehouse_id: Option<WarehouseId>,
}

impl DeliveryMethodFilter {
    /// Only this warehouse.
    pub fn with_warehouse(mut self, warehouse_id: impl Into<WarehouseId>) -> Self {
        self.warehouse_id = Some(warehouse_id.into());
        self
    }

    /// Only this delivery service.
    pub fn with_provider(mut self, provider_id: i64) -> Self {
        self.provider_id = Some(provider_id);
        self
    }

    /// Only methods in this status.
    pub fn with_status(mut self, status: DeliveryMethodStatus) -> Self {
        self.status = Some(status);
        self
    }
}

/// `POST /v1/delivery-method/list` response (schema `warehouseDeliveryMethodListResponse`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct DeliveryMethodListResponse {
    /// True when more pages follow.
    #[serde(default)]
    pub has_next: bool,
    /// Delivery methods.
    #[serde(default)]
    pub result: Vec<DeliveryMethod>,
}

/// One delivery method of a warehouse (schema `DeliveryMethodListResponseDeliveryMethod`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct DeliveryMethod {
    /// The seller's id.
    #[serde(default, deserialize_with = "de::int64")]
    pub company_id: i64,
    /// When the method was created.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub created_at: Option<DateTime<Utc>>,
    /// The time of day by which orders must be packed (`"13:00"`).
    #[serde(default)]
    pub cutoff: String,
    /// The delivery method id.
    #[serde(default)]
    pub id: DeliveryMethodId,
    /// The name.
    #[serde(default)]
    pub name: String,
    /// The delivery service.
    #[serde(default, deserialize_with = "de::int64")]
    pub provider_id: i64,
    /// The least time to pack an order, minutes.
    #[serde(default, deserialize_with = "de::int64")]
    pub sla_cut_in: i64,
    /// The status.
    #[serde(default, deserialize_with = "de::open_enum")]
    pub status: Option<DeliveryMethodStatus>,
    /// The delivery service's product id.
    #[serde(default, deserialize_with = "de::int64")]
    pub template_id: i64,
    /// When the method was last changed.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub updated_at: Option<DateTime<Utc>>,
    /// The warehouse.
    #[serde(default)]
    pub warehouse_id: WarehouseId,
}
