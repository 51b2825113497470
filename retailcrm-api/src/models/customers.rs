//! Individual customers, their history, notes and uploads.

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

/// RetailCRM `Customer`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Customer {
    /// `type`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    /// `id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<CustomerId>,
    /// `isContact`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_contact: Option<bool>,
    /// `createdAt`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<CrmTime>,
    /// `managerId`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manager_id: Option<UserId>,
    /// `vip`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vip: Option<bool>,
    /// `bad`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bad: Option<bool>,
    /// `site`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
    /// `contragent`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contragent: Option<Contragent>,
    /// `tags`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    /// `marginSumm`.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_decimal",
        serialize_with = "market_core::wire::ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub margin_summ: Option<Decimal>,
    /// `totalSumm`.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_decimal",
        serialize_with = "market_core::wire::ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub total_summ: Option<Decimal>,
    /// `averageSumm`.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_decimal",
        serialize_with = "market_core::wire::ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub average_summ: Option<Decimal>,
    /// `ordersCount`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub orders_count: Option<i64>,
    /// `costSumm`.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_decimal",
        serialize_with = "market_core::wire::ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub cost_summ: Option<Decimal>,
    /// `customFields`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_fields: Option<CustomFields>,
    /// `personalDiscount`.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_decimal",
        serialize_with = "market_core::wire::ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub personal_discount: Option<Decimal>,
    /// `cumulativeDiscount`.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_decimal",
        serialize_with = "market_core::wire::ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub cumulative_discount: Option<Decimal>,
    /// `address`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
    /// `segments`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segments: Option<Vec<Segment>>,
    /// `firstName`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// `lastName`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// `patronymic`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patronymic: Option<String>,
    /// `sex`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sex: Option<String>,
    /// `presumableSex`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presumable_sex: Option<String>,
    /// `email`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// `phones`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phones: Option<Vec<Phone>>,
    /// `externalId`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// `customerSubscriptions`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_subscriptions: Option<Vec<CustomerSubscription>>,
    /// `mgCustomers`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mg_customers: Option<Vec<MgCustomer>>,
    /// `emailMarketingUnsubscribedAt`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email_marketing_unsubscribed_at: Option<CrmTime>,
}

/// RetailCRM `Segment`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Segment {
    /// `id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// `code`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `createdAt`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<CrmTime>,
    /// `isDynamic`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_dynamic: Option<bool>,
    /// `customersCount`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customers_count: Option<i64>,
    /// `active`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
}

/// RetailCRM `CustomersPage`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CustomersPage {
    /// `success`.
    pub success: bool,
    /// `pagination`.
    pub pagination: Pagination,
    /// `customers`.
    pub customers: Vec<Customer>,
}

/// RetailCRM `CustomerSubscription`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CustomerSubscription {
    /// `subscription`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subscription: Option<Subscription>,
    /// `subscribed`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subscribed: Option<bool>,
    /// `changedAt`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changed_at: Option<CrmTime>,
}

/// RetailCRM `Subscription`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Subscription {
    /// `id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// `channel`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    /// `name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `code`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `active`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// `autoSubscribe`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_subscribe: Option<bool>,
    /// `ordering`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ordering: Option<i64>,
}

/// RetailCRM `MgCustomer`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct MgCustomer {
    /// `id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// `externalId`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<i64>,
    /// `mgChannel`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mg_channel: Option<MgChannel>,
}

/// RetailCRM `CustomerAnswer`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CustomerAnswer {
    /// `success`.
    pub success: bool,
    /// `customer`.
    pub customer: Customer,
}

/// RetailCRM `Tag`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Tag {
    /// `name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `color`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
    /// `attached`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attached: Option<bool>,
}

/// RetailCRM `CustomersHistoryPage`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CustomersHistoryPage {
    /// `success`.
    pub success: bool,
    /// `generatedAt`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generated_at: Option<CrmTime>,
    /// `history`.
    pub history: Vec<CustomerHistoryRecord>,
    /// `pagination`.
    pub pagination: Pagination,
}

/// RetailCRM `CustomerHistoryRecord`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CustomerHistoryRecord {
    /// `id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<HistoryId>,
    /// `createdAt`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<CrmTime>,
    /// `source`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// `field`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// `oldValue`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_value: Option<serde_json::Value>,
    /// `newValue`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_value: Option<serde_json::Value>,
    /// `customer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<Customer>,
    /// `created`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<bool>,
    /// `apiKey`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_key: Option<HistoryApiKey>,
    /// `user`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<UserRef>,
    /// `address`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
    /// `deleted`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted: Option<bool>,
}

/// RetailCRM `NotesPage`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct NotesPage {
    /// `success`.
    pub success: bool,
    /// `pagination`.
    pub pagination: Pagination,
    /// `notes`.
    pub notes: Vec<Note>,
}

/// RetailCRM `Note`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Note {
    /// `customer`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<CustomerRef>,
    /// `id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<NoteId>,
    /// `text`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// `createdAt`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<CrmTime>,
}

/// RetailCRM `CustomersUploaded`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CustomersUploaded {
    /// `success`.
    pub success: bool,
    /// `uploadedCustomers`.
    #[serde(default)]
    pub uploaded_customers: Vec<UploadedRef>,
    /// `failedCustomers`.
    #[serde(default)]
    pub failed_customers: Vec<UploadedRef>,
    /// `errorMsg`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_msg: Option<String>,
    /// `errors`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Errors>,
}
