//! The unversioned methods (`/api/api-versions`, `/api/credentials`, `/api/system-info`), the
//! account's settings and the statistics refresh.

use market_core::Result;
use market_core::transport::Operation;

use super::get;
use crate::Client;
use crate::models::{Ack, ApiVersions, Credentials, SettingsAnswer, SystemInfo};

/// `GET /api/api-versions`: the API versions the account serves.
pub static API_VERSIONS: Operation = get("api_versions", "/api/api-versions");
/// `GET /api/credentials`: the methods and sites the key reaches.
pub static CREDENTIALS: Operation = get("credentials", "/api/credentials");
/// `GET /api/system-info`: the CRM's version and addresses.
pub static SYSTEM_INFO: Operation = get("system_info", "/api/system-info");
/// `GET /api/v5/settings`: currency, language, time zone, working hours.
pub static SETTINGS: Operation = get("settings", "/api/v5/settings");
/// `GET /api/v5/statistic/update`: asks the CRM to refresh its statistics.
pub static STATISTIC_UPDATE: Operation = get("statistic_update", "/api/v5/statistic/update");

impl Client {
    /// The API versions the account serves.
    pub async fn api_versions(&self) -> Result<ApiVersions> {
        self.transport.json(API_VERSIONS.request()).await
    }

    /// The methods and sites this API key reaches.
    pub async fn credentials(&self) -> Result<Credentials> {
        self.transport.json(CREDENTIALS.request()).await
    }

    /// The CRM's version and addresses.
    pub async fn system_info(&self) -> Result<SystemInfo> {
        self.transport.json(SYSTEM_INFO.request()).await
    }

    /// The account's settings (currency, language, time zone of every `CrmTime`, hours).
    pub async fn settings(&self) -> Result<SettingsAnswer> {
        self.transport.json(SETTINGS.request()).await
    }

    /// Asks the CRM to refresh its statistics.
    pub async fn statistic_update(&self) -> Result<Ack> {
        self.transport.json(STATISTIC_UPDATE.request()).await
    }
}
