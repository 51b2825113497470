//! Users (managers) and their groups.

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

/// RetailCRM `UserAnswer`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct UserAnswer {
    /// `success`.
    pub success: bool,
    /// `user`.
    pub user: User,
}

/// RetailCRM `User`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct User {
    /// `id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<UserId>,
    /// `createdAt`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<CrmTime>,
    /// `active`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// `email`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// `firstName`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// `status`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// `online`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub online: Option<bool>,
    /// `isAdmin`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_admin: Option<bool>,
    /// `isManager`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_manager: Option<bool>,
    /// `groups`.
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

/// RetailCRM `UserGroup`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct UserGroup {
    /// `id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// `name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `code`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `isManager`.
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

/// RetailCRM `UsersPage`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct UsersPage {
    /// `success`.
    pub success: bool,
    /// `pagination`.
    pub pagination: Pagination,
    /// `users`.
    pub users: Vec<User>,
}

/// RetailCRM `UserGroupsPage`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct UserGroupsPage {
    /// `success`.
    pub success: bool,
    /// `pagination`.
    pub pagination: Pagination,
    /// `groups`.
    pub groups: Vec<UserGroup>,
}
