//! WB's error bodies: the reader of their code, message and request id, and the tests that tell
//! an error shape from data in a 2xx answer and a busy warehouse from a per-item conflict.

use http::StatusCode;

/// Reads WB's error bodies: the newer `{title, detail, code, requestId, origin, status}`, the
/// older `{error: true, errorText, additionalErrors}`, and the marketplace's `{code, message}`.
pub fn error_details(status: StatusCode, body: &[u8]) -> (Option<String>, String) {
    let Ok(serde_json::Value::Object(map)) = serde_json::from_slice::<serde_json::Value>(body)
    else {
        return market_core::transport::default_error_details(status, body);
    };
    let text = |k: &str| {
        map.get(k)
            .and_then(|v| match v {
                serde_json::Value::String(s) => Some(s.clone()),
                serde_json::Value::Number(n) => Some(n.to_string()),
                _ => None,
            })
            .filter(|s| !s.is_empty())
    };
    if map.contains_key("title") || map.contains_key("detail") {
        let title = text("title");
        let message = match (text("title"), text("detail")) {
            (Some(t), Some(d)) => format!("{t}: {d}"),
            (t, d) => t.or(d).unwrap_or_default(),
        };
        return (text("code").or(title), message);
    }
    if let Some(error_text) = text("errorText") {
        let extra = map
            .get("additionalErrors")
            .filter(|v| !v.is_null())
            .map(|v| format!(" ({v})"))
            .unwrap_or_default();
        return (None, format!("{error_text}{extra}"));
    }
    market_core::transport::default_error_details(status, body)
}

/// Operations whose 409 answer carries per-item data (which items conflicted), handed back
/// to the section method as an answer rather than an error (WB's stock update and delete),
/// unless it is [`STORE_IS_PROCESSING`].
pub const PER_ITEM_409: &[&str] = &["stocks_update", "stocks_delete"];

/// WB's code of a 409 refusing a stock update or delete because the warehouse is being updated
/// or deleted: "try again after a few seconds" (nothing was done).
pub const STORE_IS_PROCESSING: &str = "StoreIsProcessing";

/// True when a body is WB's `StoreIsProcessing` error: `{code}` or `[{code}, ...]` (the code
/// compared without regard to case).
pub fn is_store_processing(body: &[u8]) -> bool {
    let Ok(v) = serde_json::from_slice::<serde_json::Value>(body) else {
        return false;
    };
    let is = |e: &serde_json::Value| {
        e.get("code")
            .and_then(serde_json::Value::as_str)
            .is_some_and(|c| c.trim().eq_ignore_ascii_case(STORE_IS_PROCESSING))
    };
    match &v {
        serde_json::Value::Array(items) => !items.is_empty() && items.iter().all(is),
        other => is(other),
    }
}

/// True when a body is WB's envelope with `"error": true` (content and prices).
pub(crate) fn is_envelope_refusal(body: &[u8]) -> bool {
    serde_json::from_slice::<serde_json::Value>(body)
        .ok()
        .and_then(|v| v.get("error").cloned())
        == Some(serde_json::Value::Bool(true))
}

/// True when a (2xx) body is one of WB's error shapes rather than data:
/// `{"error": true, "errorText": ...}` (content and prices), `{"status": "ERROR", ...}`,
/// `{"title", "detail", "requestId"/"origin"/"statusText"/"code", ...}` (the newer error
/// object), or the marketplace's `{"code": "...", "message": "..."}`. No data answer of the
/// operations in [`crate::api::READS`] has any of these at its top level.
pub fn is_error_shape(body: &[u8]) -> bool {
    let Ok(serde_json::Value::Object(map)) = serde_json::from_slice::<serde_json::Value>(body)
    else {
        return false;
    };
    let has = |k: &str| map.get(k).is_some_and(|v| !v.is_null());
    let is_str = |k: &str| map.get(k).is_some_and(serde_json::Value::is_string);
    if map.get("error") == Some(&serde_json::Value::Bool(true)) {
        return true;
    }
    if map
        .get("status")
        .and_then(serde_json::Value::as_str)
        .is_some_and(|s| s.trim().eq_ignore_ascii_case("error"))
    {
        return true;
    }
    if (is_str("title") || is_str("detail"))
        && (has("requestId") || has("origin") || has("statusText") || has("code"))
    {
        return true;
    }
    is_str("code") && is_str("message")
}
