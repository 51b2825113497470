//! Corporate customers. The snapshot has no example answer of this section, so these types
//! keep every member they do not name in `more` instead of refusing it under `strict`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::ids::{CorporateCustomerId, HistoryId, UserId};
use crate::models::{CrmTime, CustomFields, HistoryApiKey, Pagination, UploadedRef};

/// A corporate customer (a company buying through its contact persons).
///
/// Spec: `CustomerCorporate` (PHP client `Model\Entity\CustomersCorporate\CustomerCorporate`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CorporateCustomer {
    /// The internal id (`None` when creating).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<CorporateCustomerId>,
    /// The integration's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// The company's display name in the CRM.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nick_name: Option<String>,
    /// The site's code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
    /// The responsible manager.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manager_id: Option<UserId>,
    /// When it was created, in the account's time zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<CrmTime>,
    /// Marked as important.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vip: Option<bool>,
    /// Marked as a bad customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bad: Option<bool>,
    /// Custom fields by code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_fields: Option<CustomFields>,
    /// Every other member, as sent.
    #[serde(flatten)]
    pub more: BTreeMap<String, serde_json::Value>,
}

/// A page of `customers-corporate`.
///
/// Spec: `CustomersCorporateResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CorporateCustomersPage {
    /// `true`.
    pub success: bool,
    /// The page counter.
    pub pagination: Pagination,
    /// The customers of the page.
    pub customers_corporate: Vec<CorporateCustomer>,
}

/// One corporate customer.
///
/// Spec: `CustomersCorporateGetResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CorporateCustomerAnswer {
    /// `true`.
    pub success: bool,
    /// The customer.
    pub customer_corporate: CorporateCustomer,
}

/// A record of `customers-corporate/history`.
///
/// Spec: `CustomerCorporateHistory`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CorporateHistoryRecord {
    /// The record's id: the cursor of the history.
    #[serde(default)]
    pub id: Option<HistoryId>,
    /// When the change was made.
    #[serde(default)]
    pub created_at: Option<CrmTime>,
    /// The changed field's name.
    #[serde(default)]
    pub field: Option<String>,
    /// Who made it: `user`, `api`, `rule`, ...
    #[serde(default)]
    pub source: Option<String>,
    /// Which key made it, when an API key did (`current`: this key).
    #[serde(default)]
    pub api_key: Option<HistoryApiKey>,
    /// The value before.
    #[serde(default)]
    pub old_value: Option<serde_json::Value>,
    /// The value after.
    #[serde(default)]
    pub new_value: Option<serde_json::Value>,
    /// The customer as changed.
    #[serde(default)]
    pub customer_corporate: Option<CorporateCustomer>,
    /// Every other member, as sent.
    #[serde(flatten)]
    pub more: BTreeMap<String, serde_json::Value>,
}

/// A page of `customers-corporate/history`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CorporateHistoryPage {
    /// `true`.
    pub success: bool,
    /// The records of the page.
    pub history: Vec<CorporateHistoryRecord>,
    /// The page counter.
    pub pagination: Pagination,
}

/// The answer of `customers-corporate/upload` (HTTP 200, or 460 when some failed).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CorporateUploaded {
    /// `false` on a partial failure.
    pub success: bool,
    /// The customers saved.
    #[serde(default)]
    pub uploaded_customers: Vec<UploadedRef>,
    /// The customers refused.
    #[serde(default)]
    pub failed_customers: Vec<UploadedRef>,
    /// The message of a partial failure.
    #[serde(default)]
    pub error_msg: Option<String>,
    /// The field errors of a partial failure.
    #[serde(default)]
    pub errors: Option<crate::error::Errors>,
}
