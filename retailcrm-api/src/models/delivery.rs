//! Delivery integration: shipments and cost calculation.

#[allow(unused_imports)]
use chrono::NaiveDate;
#[allow(unused_imports)]
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

#[allow(unused_imports)]
use crate::error::Errors;
#[allow(unused_imports)]
use crate::ids::*;
#[allow(unused_imports)]
use crate::models::*;

/// RetailCRM `DeliveryCalculation`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct DeliveryCalculation {
    /// `success`.
    pub success: bool,
    /// `calculations`.
    pub calculations: Vec<DeliveryCost>,
}

/// RetailCRM `DeliveryCost`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct DeliveryCost {
    /// `code`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `available`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub available: Option<bool>,
    /// `cost`.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_decimal",
        serialize_with = "market_core::wire::ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub cost: Option<Decimal>,
}

/// RetailCRM `ShipmentSaved`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ShipmentSaved {
    /// `success`.
    pub success: bool,
    /// `id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// `status`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
}

/// RetailCRM `ShipmentAnswer`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ShipmentAnswer {
    /// `success`.
    pub success: bool,
    /// `deliveryShipment`.
    pub delivery_shipment: Shipment,
}

/// RetailCRM `Shipment`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Shipment {
    /// `integrationCode`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integration_code: Option<String>,
    /// `id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// `externalId`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// `deliveryType`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_type: Option<String>,
    /// `store`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub store: Option<String>,
    /// `managerId`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manager_id: Option<i64>,
    /// `status`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// `date`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// `time`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<TimeInterval>,
    /// `orders`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub orders: Option<Vec<OrderRef>>,
    /// `extraData`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extra_data: Option<CustomFields>,
}

/// RetailCRM `TimeInterval`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct TimeInterval {
    /// `from`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// `to`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
}

/// RetailCRM `ShipmentsPage`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ShipmentsPage {
    /// `success`.
    pub success: bool,
    /// `pagination`.
    pub pagination: Pagination,
    /// `deliveryShipments`.
    pub delivery_shipments: Vec<Shipment>,
}
