//! The account's settings.

use serde::{Deserialize, Serialize};

use crate::models::*;

/// Spec: `SettingsAnswer`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct SettingsAnswer {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    pub success: bool,
    /// `settings`.
    pub settings: Settings,
}

/// Spec: `Settings`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Settings {
    /// `default_currency`.
    #[serde(
        rename = "default_currency",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub default_currency: Option<SettingValue>,
    /// `system_language`.
    #[serde(
        rename = "system_language",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub system_language: Option<SettingValue>,
    /// `timezone`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timezone: Option<SettingValue>,
    /// `work_times`.
    #[serde(
        rename = "work_times",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub work_times: Option<Vec<WorkTime>>,
    /// `mg`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mg: Option<MgSettings>,
}

/// Spec: `SettingValue`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct SettingValue {
    /// `value`: the value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// `updated_at`.
    #[serde(
        rename = "updated_at",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub updated_at: Option<CrmTime>,
}

/// Spec: `WorkTime`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct WorkTime {
    /// `day_type`.
    #[serde(rename = "day_type", default, skip_serializing_if = "Option::is_none")]
    pub day_type: Option<String>,
    /// `start_time`.
    #[serde(
        rename = "start_time",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub start_time: Option<String>,
    /// `end_time`.
    #[serde(rename = "end_time", default, skip_serializing_if = "Option::is_none")]
    pub end_time: Option<String>,
    /// `lunch_start_time`.
    #[serde(
        rename = "lunch_start_time",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub lunch_start_time: Option<String>,
    /// `lunch_end_time`.
    #[serde(
        rename = "lunch_end_time",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub lunch_end_time: Option<String>,
}

/// The messenger (MessageGateway) settings.
///
/// Spec: `settings.mg`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct MgSettings {
    /// `order_creation`: where orders made from chats go.
    #[serde(
        rename = "order_creation",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub order_creation: Option<MgOrderCreation>,
}

/// Where orders made from chats go: the default, and per channel id.
///
/// Spec: `settings.mg.order_creation`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct MgOrderCreation {
    /// For every channel without its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<MgOrderDefaults>,
    /// Per channel, by the channel's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channels: Option<Keyed<MgOrderDefaults>>,
}

/// The site, order type and order method of orders made from chats.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct MgOrderDefaults {
    /// The site's code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
    /// The order type's code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_type: Option<String>,
    /// The order method's code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_method: Option<String>,
}
