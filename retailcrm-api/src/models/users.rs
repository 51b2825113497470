//! Users (managers) and their groups.

use serde::{Deserialize, Serialize};

use crate::ids::*;
use crate::models::*;

/// Spec: `UserAnswer`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct UserAnswer {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    pub success: bool,
    /// `user`: the user who made the change.
    pub user: User,
}

/// Spec: `User`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct User {
    /// `id`: the CRM's internal id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<UserId>,
    /// `createdAt`: when it was created, in the account's time zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<CrmTime>,
    /// `active`: whether it is in use; inactive entries stay for old records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// `email`: e-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// `firstName`: given name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// `status`: the status code (the tenant's `reference/statuses` for orders).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// `online`: whether the user is online.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub online: Option<bool>,
    /// `isAdmin`: whether the user is an administrator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_admin: Option<bool>,
    /// `isManager`: whether the user is a manager.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_manager: Option<bool>,
    /// `groups`: the groups it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub groups: Option<Vec<UserGroup>>,
    /// `mgUserId`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mg_user_id: Option<i64>,
    /// `senderEmail`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender_email: Option<String>,
    /// `senderName`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender_name: Option<String>,
}

/// Spec: `UserGroup`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct UserGroup {
    /// `id`: the CRM's internal id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// `name`: the display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `code`: the tenant's code, unique in its book (what other entities refer to it by).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `isManager`: whether the user is a manager.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_manager: Option<bool>,
    /// `isPosManager`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_pos_manager: Option<bool>,
    /// `isDeliveryMen`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_delivery_men: Option<bool>,
    /// `deliveryTypes`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_types: Option<Vec<serde_json::Value>>,
    /// `breakdownOrderTypes`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub breakdown_order_types: Option<Vec<String>>,
    /// `breakdownSites`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub breakdown_sites: Option<Vec<String>>,
    /// `breakdownOrderMethods`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub breakdown_order_methods: Option<Vec<String>>,
    /// `grantedOrderTypes`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub granted_order_types: Option<Vec<String>>,
    /// `grantedSites`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub granted_sites: Option<Vec<String>>,
}

/// Spec: `UsersPage`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct UsersPage {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    pub success: bool,
    /// `pagination`: the page counter.
    pub pagination: Pagination,
    /// `users`.
    pub users: Vec<User>,
}

/// Spec: `UserGroupsPage`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct UserGroupsPage {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    pub success: bool,
    /// `pagination`: the page counter.
    pub pagination: Pagination,
    /// `groups`: the groups it belongs to.
    pub groups: Vec<UserGroup>,
}
