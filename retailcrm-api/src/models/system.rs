//! The unversioned methods (`/api/api-versions`, `/api/credentials`, `/api/system-info`).

use serde::{Deserialize, Serialize};

/// The API versions the account serves.
///
/// Spec: `ApiVersionsResponse` (`versions`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ApiVersions {
    /// `true`.
    pub success: bool,
    /// Versions as `"5.0"`, `"4.0"`, ...
    pub versions: Vec<String>,
}

/// What the API key may call.
///
/// Spec: `Credentials` (`credentials`, `siteAccess`, `sitesAvailable`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Credentials {
    /// `true`.
    pub success: bool,
    /// The methods the key may call, as `/api/orders` paths.
    pub credentials: Vec<String>,
    /// `access_full` or `access_selective`: whether the key reaches every site.
    #[serde(default)]
    pub site_access: Option<String>,
    /// The site codes the key reaches.
    #[serde(default)]
    pub sites_available: Vec<String>,
}

/// The CRM's version and addresses.
///
/// Spec: `SystemInfoResponse`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct SystemInfo {
    /// `true`.
    pub success: bool,
    /// The CRM's release, as text.
    #[serde(default)]
    pub system_version: Option<String>,
    /// The account's public address.
    #[serde(default)]
    pub public_url: Option<String>,
    /// The account's technical address (`https://<account>.retailcrm.ru`).
    #[serde(default)]
    pub technical_url: Option<String>,
}
