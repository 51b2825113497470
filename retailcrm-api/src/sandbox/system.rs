//! The unversioned methods and the settings.

use market_core::sandbox::{Answer, Call};
use serde_json::json;

use super::ok;
use super::state::State;

/// The answer of a system method, or `None` for another operation.
pub(super) fn handle(state: &mut State, call: &Call<'_>) -> Option<Answer> {
    Some(match call.op.name {
        "api_versions" => ok(200, json!({ "versions": ["3.0", "4.0", "5.0"] })),
        "credentials" => ok(
            200,
            json!({
                "credentials": crate::api::OPERATIONS.iter().map(|op| op.path).collect::<Vec<_>>(),
                "siteAccess": "access_full",
                "sitesAvailable": state.sites.keys().collect::<Vec<_>>(),
            }),
        ),
        "system_info" => ok(
            200,
            json!({ "systemVersion": "sandbox", "publicUrl": "http://sandbox", "technicalUrl": "http://sandbox" }),
        ),
        "settings" => ok(
            200,
            json!({ "settings": {
                "default_currency": { "value": "RUB", "updated_at": "2024-01-01 00:00:00" },
                "system_language": { "value": "RU", "updated_at": "2024-01-01 00:00:00" },
                "timezone": { "value": "Europe/Moscow", "updated_at": "2024-01-01 00:00:00" },
            } }),
        ),
        "statistic_update" => ok(200, json!({})),
        _ => return None,
    })
}
