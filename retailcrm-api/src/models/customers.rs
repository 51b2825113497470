//! Individual customers, their history, notes and uploads.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::Errors;
use crate::ids::*;
use crate::models::*;

/// Spec: `Customer`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Customer {
    /// `type`: its kind, as a code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    /// `id`: the CRM's internal id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<CustomerId>,
    /// `isContact`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_contact: Option<bool>,
    /// `createdAt`: when it was created, in the account's time zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<CrmTime>,
    /// `managerId`: the responsible user (manager).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manager_id: Option<UserId>,
    /// `vip`: marked as important.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vip: Option<bool>,
    /// `bad`: marked as a bad customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bad: Option<bool>,
    /// `site`: the site's code (the store front the entity belongs to).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
    /// `contragent`: the legal side: individual or company with its details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contragent: Option<Contragent>,
    /// `tags`: tags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<Tag>>,
    /// `marginSumm`: the margin of the orders.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_decimal",
        serialize_with = "market_core::wire::ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub margin_summ: Option<Decimal>,
    /// `totalSumm`: the total to pay: items after discounts plus delivery.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_decimal",
        serialize_with = "market_core::wire::ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub total_summ: Option<Decimal>,
    /// `averageSumm`: the average order total.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_decimal",
        serialize_with = "market_core::wire::ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub average_summ: Option<Decimal>,
    /// `ordersCount`: orders made.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub orders_count: Option<i64>,
    /// `costSumm`: the costs of the orders.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_decimal",
        serialize_with = "market_core::wire::ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub cost_summ: Option<Decimal>,
    /// `customFields`: custom fields by code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_fields: Option<CustomFields>,
    /// `personalDiscount`: the personal discount, percent.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_decimal",
        serialize_with = "market_core::wire::ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub personal_discount: Option<Decimal>,
    /// `cumulativeDiscount`: the cumulative discount, percent.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_decimal",
        serialize_with = "market_core::wire::ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub cumulative_discount: Option<Decimal>,
    /// `address`: the address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
    /// `segments`: the segments the customer is in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub segments: Option<Vec<Segment>>,
    /// `firstName`: given name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// `lastName`: family name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// `patronymic`: patronymic.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patronymic: Option<String>,
    /// `sex`: `male` or `female`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sex: Option<String>,
    /// `presumableSex`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presumable_sex: Option<String>,
    /// `email`: e-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// `phones`: phone numbers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phones: Option<Vec<Phone>>,
    /// `externalId`: the integration's own id (`by=externalId` names an entity by it).
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

/// Spec: `Segment`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Segment {
    /// `id`: the CRM's internal id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// `code`: the tenant's code, unique in its book (what other entities refer to it by).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `name`: the display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `createdAt`: when it was created, in the account's time zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<CrmTime>,
    /// `isDynamic`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_dynamic: Option<bool>,
    /// `customersCount`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customers_count: Option<i64>,
    /// `active`: whether it is in use; inactive entries stay for old records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
}

/// Spec: `CustomersPage`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CustomersPage {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    pub success: bool,
    /// `pagination`: the page counter.
    pub pagination: Pagination,
    /// `customers`.
    pub customers: Vec<Customer>,
}

/// Spec: `CustomerSubscription`, as the snapshot\'s example answers hold it.
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

/// Spec: `Subscription`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Subscription {
    /// `id`: the CRM's internal id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// `channel`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
    /// `name`: the display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `code`: the tenant's code, unique in its book (what other entities refer to it by).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `active`: whether it is in use; inactive entries stay for old records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// `autoSubscribe`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_subscribe: Option<bool>,
    /// `ordering`: the sort position in the CRM interface (smaller first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ordering: Option<i64>,
}

/// Spec: `MgCustomer`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct MgCustomer {
    /// `id`: the CRM's internal id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// `externalId`: the integration's own id (`by=externalId` names an entity by it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<i64>,
    /// `mgChannel`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mg_channel: Option<MgChannel>,
}

/// Spec: `CustomerAnswer`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CustomerAnswer {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    pub success: bool,
    /// `customer`: the customer.
    pub customer: Customer,
}

/// Spec: `Tag`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Tag {
    /// `name`: the display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `color`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
    /// `attached`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attached: Option<bool>,
}

/// Spec: `CustomersHistoryPage`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CustomersHistoryPage {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    pub success: bool,
    /// `generatedAt`: when the server built the answer, in the account's time zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generated_at: Option<CrmTime>,
    /// `history`: the history records, oldest first.
    pub history: Vec<CustomerHistoryRecord>,
    /// `pagination`: the page counter.
    pub pagination: Pagination,
}

/// Spec: `CustomerHistoryRecord`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CustomerHistoryRecord {
    /// `id`: the CRM's internal id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<HistoryId>,
    /// `createdAt`: when it was created, in the account's time zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<CrmTime>,
    /// `source`: who made the change: `user`, `api`, `rule`, `code`, ....
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// `field`: the changed field's API name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// `oldValue`: the field's value before the change (its shape depends on the field).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_value: Option<serde_json::Value>,
    /// `newValue`: the field's value after the change (its shape depends on the field).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_value: Option<serde_json::Value>,
    /// `customer`: the customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<Customer>,
    /// `created`: true on the record of the creation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<bool>,
    /// `apiKey`: which API key made the change, when one did (`current`: this key).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_key: Option<HistoryApiKey>,
    /// `user`: the user who made the change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<UserRef>,
    /// `address`: the address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
    /// `deleted`: true on the record of the deletion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deleted: Option<bool>,
}

/// Spec: `NotesPage`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct NotesPage {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    pub success: bool,
    /// `pagination`: the page counter.
    pub pagination: Pagination,
    /// `notes`.
    pub notes: Vec<Note>,
}

/// Spec: `Note`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Note {
    /// `customer`: the customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<CustomerRef>,
    /// `id`: the CRM's internal id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<NoteId>,
    /// `text`: the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// `createdAt`: when it was created, in the account's time zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<CrmTime>,
}

/// Spec: `CustomersUploaded`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CustomersUploaded {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    pub success: bool,
    /// `uploadedCustomers`: the customers saved: id and external id.
    #[serde(default)]
    pub uploaded_customers: Vec<UploadedRef>,
    /// `failedCustomers`: the customers refused, by external id.
    #[serde(default)]
    pub failed_customers: Vec<UploadedRef>,
    /// `errorMsg`: the message of a (partial) failure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_msg: Option<String>,
    /// `errors`: field errors of a (partial) failure, by field or as a list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Errors>,
}
