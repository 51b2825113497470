//! Packs: an order item's shipment from a store.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::ids::*;
use crate::models::*;

/// Spec: `PackAnswer`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PackAnswer {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    pub success: bool,
    /// `pack`: the pack.
    pub pack: Pack,
}

/// Spec: `Pack`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Pack {
    /// `id`: the CRM's internal id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<PackId>,
    /// `purchasePrice`: the purchase (cost) price, in the account currency.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_decimal",
        serialize_with = "market_core::wire::ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub purchase_price: Option<Decimal>,
    /// `quantity`: units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<i64>,
    /// `unit`: the unit of measure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Unit>,
    /// `store`: the store's code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub store: Option<serde_json::Value>,
    /// `item`: the order position.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<PackItem>,
    /// `shipmentDate`: the day of shipment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipment_date: Option<NaiveDate>,
    /// `invoiceNumber`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_number: Option<String>,
    /// `deliveryNoteNumber`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_note_number: Option<String>,
}

/// Spec: `PackItem`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PackItem {
    /// `id`: the CRM's internal id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<OrderItemId>,
    /// `externalIds`: external ids of other systems, by code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_ids: Option<Vec<CodeValue>>,
    /// `order`: the order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<OrderRef>,
    /// `offer`: the trade offer of the position.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offer: Option<ItemOffer>,
}

/// Spec: `PacksPage`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PacksPage {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    pub success: bool,
    /// `pagination`: the page counter.
    pub pagination: Pagination,
    /// `packs`.
    pub packs: Vec<Pack>,
}

/// Spec: `PacksHistoryPage`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PacksHistoryPage {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    pub success: bool,
    /// `generatedAt`: when the server built the answer, in the account's time zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generated_at: Option<CrmTime>,
    /// `history`: the history records, oldest first.
    pub history: Vec<PackHistoryRecord>,
    /// `pagination`: the page counter.
    pub pagination: Pagination,
}

/// Spec: `PackHistoryRecord`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PackHistoryRecord {
    /// `id`: the CRM's internal id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<HistoryId>,
    /// `createdAt`: when it was created, in the account's time zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<CrmTime>,
    /// `created`: true on the record of the creation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<bool>,
    /// `field`: the changed field's API name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// `newValue`: the field's value after the change (its shape depends on the field).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_value: Option<serde_json::Value>,
    /// `pack`: the pack.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pack: Option<Pack>,
    /// `source`: who made the change: `user`, `api`, `rule`, `code`, ....
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// `user`: the user who made the change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<UserRef>,
    /// `deleted`: true on the record of the deletion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted: Option<bool>,
    /// `oldValue`: the field's value before the change (its shape depends on the field).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_value: Option<serde_json::Value>,
    /// `apiKey`: which key made the change, when an API key did (`current`: this key).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_key: Option<HistoryApiKey>,
}
