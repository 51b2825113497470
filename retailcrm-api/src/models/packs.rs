//! Packs: an order item's shipment from a store.

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

/// RetailCRM `PackAnswer`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PackAnswer {
    /// `success`.
    pub success: bool,
    /// `pack`.
    pub pack: Pack,
}

/// RetailCRM `Pack`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Pack {
    /// `id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<PackId>,
    /// `purchasePrice`.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_decimal",
        serialize_with = "market_core::wire::ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub purchase_price: Option<Decimal>,
    /// `quantity`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<i64>,
    /// `unit`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Unit>,
    /// `store`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub store: Option<serde_json::Value>,
    /// `item`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<PackItem>,
    /// `shipmentDate`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipment_date: Option<NaiveDate>,
    /// `invoiceNumber`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_number: Option<String>,
    /// `deliveryNoteNumber`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_note_number: Option<String>,
}

/// RetailCRM `PackItem`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PackItem {
    /// `id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<OrderItemId>,
    /// `externalIds`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_ids: Option<Vec<CodeValue>>,
    /// `order`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<OrderRef>,
    /// `offer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offer: Option<ItemOffer>,
}

/// RetailCRM `PacksPage`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PacksPage {
    /// `success`.
    pub success: bool,
    /// `pagination`.
    pub pagination: Pagination,
    /// `packs`.
    pub packs: Vec<Pack>,
}

/// RetailCRM `PacksHistoryPage`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PacksHistoryPage {
    /// `success`.
    pub success: bool,
    /// `generatedAt`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generated_at: Option<CrmTime>,
    /// `history`.
    pub history: Vec<PackHistoryRecord>,
    /// `pagination`.
    pub pagination: Pagination,
}

/// RetailCRM `PackHistoryRecord`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PackHistoryRecord {
    /// `id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<HistoryId>,
    /// `createdAt`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<CrmTime>,
    /// `created`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<bool>,
    /// `field`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// `newValue`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_value: Option<serde_json::Value>,
    /// `pack`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pack: Option<Pack>,
    /// `source`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// `user`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<UserRef>,
    /// `deleted`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted: Option<bool>,
    /// `oldValue`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_value: Option<serde_json::Value>,
    /// `apiKey`: which key made the change, when an API key did (`current`: this key).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_key: Option<HistoryApiKey>,
}
