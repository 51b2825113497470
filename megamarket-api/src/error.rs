//! Megamarket's answer envelope read as a verdict: `{"success": 1|0, "meta": {}, "data":
//! {...}, "error": [{"code", "message"}]}`.
//!
//! Megamarket answers HTTP 200 to most failed calls: the verdict is in the body. A call
//! failed when `success` is not 1, or when a write's `data.result` is there and is not 1.
//! `error` comes as a list of `{code, message}` (some clients also saw a single object, and
//! per-item entries naming `shipmentId`, `itemIndex`, `offerId` or `boxCode`); every shape is
//! read, none panics.

use http::StatusCode;
use serde_json::Value;

/// One entry of the envelope's `error`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ErrorEntry {
    /// Megamarket's error code, as text (`code`, sent as a string or a number).
    pub code: Option<String>,
    /// The message (`message`, else `description`).
    pub message: Option<String>,
    /// The shipment the entry is about, when it names one (`shipmentId`).
    pub shipment_id: Option<String>,
    /// The item of the shipment, when it names one (`itemIndex`).
    pub item_index: Option<String>,
    /// The offer, when it names one (`offerId`).
    pub offer_id: Option<String>,
}

impl ErrorEntry {
    /// `code: message`, or whichever of the two there is.
    pub fn text(&self) -> String {
        match (&self.code, &self.message) {
            (Some(c), Some(m)) => format!("{c}: {m}"),
            (Some(c), None) => c.clone(),
            (None, Some(m)) => m.clone(),
            (None, None) => String::new(),
        }
    }
}

/// What an answer's envelope says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Verdict {
    /// `success` read as a flag (`1`, `true` or `"1"` is true); `None` when absent.
    pub success: Option<bool>,
    /// `data.result`, when the data has one (write methods).
    pub result: Option<i64>,
    /// The entries of `error`.
    pub errors: Vec<ErrorEntry>,
}

impl Verdict {
    /// True when the envelope reports a failure: `success` is not 1, or `data.result` is
    /// there and is not 1.
    pub fn failed(&self) -> bool {
        self.success != Some(true) || self.result.is_some_and(|r| r != 1)
    }
}

fn text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn flag(v: &Value) -> Option<bool> {
    match v {
        Value::Bool(b) => Some(*b),
        Value::Number(n) => Some(n.as_f64() == Some(1.0)),
        Value::String(s) => Some(matches!(s.trim(), "1" | "true")),
        Value::Null => None,
        _ => Some(false),
    }
}

fn entry(v: &Value) -> Option<ErrorEntry> {
    match v {
        Value::Object(map) => {
            let get = |k: &str| map.get(k).and_then(text);
            let e = ErrorEntry {
                code: get("code"),
                message: get("message").or_else(|| get("description")),
                shipment_id: get("shipmentId"),
                item_index: get("itemIndex"),
                offer_id: get("offerId"),
            };
            (e != ErrorEntry::default()).then_some(e)
        }
        other => text(other).map(|m| ErrorEntry {
            message: Some(m),
            ..ErrorEntry::default()
        }),
    }
}

/// Reads the envelope of a JSON answer; `None` when the body is not a JSON object (a PDF, an
/// HTML error page, nothing).
pub fn verdict(body: &[u8]) -> Option<Verdict> {
    let first = body.iter().find(|b| !b.is_ascii_whitespace())?;
    if *first != b'{' {
        return None;
    }
    let Ok(Value::Object(map)) = serde_json::from_slice::<Value>(body) else {
        return None;
    };
    let errors = match map.get("error") {
        Some(Value::Array(items)) => items.iter().filter_map(entry).collect(),
        Some(v) => entry(v).into_iter().collect(),
        None => Vec::new(),
    };
    let result = map
        .get("data")
        .and_then(|d| d.get("result"))
        .and_then(|r| match r {
            Value::Number(n) => n.as_i64(),
            Value::Bool(b) => Some(i64::from(*b)),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        });
    Some(Verdict {
        success: map.get("success").and_then(flag),
        result,
        errors,
    })
}

/// Megamarket's code and message from an answer: the first error's code, and every error's
/// `code: message` joined with `"; "`; for a `success: 1` answer whose `data.result` is not
/// 1, a message saying so (code `result_<n>`). Other bodies fall back to market-core's
/// reading.
pub fn error_details(status: StatusCode, body: &[u8]) -> (Option<String>, String) {
    let Some(v) = verdict(body) else {
        return market_core::transport::default_error_details(status, body);
    };
    let code = v.errors.iter().find_map(|e| e.code.clone());
    let message = v
        .errors
        .iter()
        .map(ErrorEntry::text)
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("; ");
    if !message.is_empty() {
        return (code, message);
    }
    match (v.success, v.result) {
        (Some(true), Some(r)) if r != 1 => (
            Some(format!("result_{r}")),
            format!(
                "Megamarket answered success 1 with data.result {r}: the request was not applied"
            ),
        ),
        (Some(true), _) => (
            code,
            status.canonical_reason().unwrap_or("error").to_owned(),
        ),
        (None, _) if status.is_success() => (
            Some("no_verdict".into()),
            format!(
                "Megamarket answered without `success`: {}",
                market_core::error::excerpt(body, market_core::transport::EXCERPT_LEN)
            ),
        ),
        (None, _) => market_core::transport::default_error_details(status, body),
        (Some(false), _) => (
            code.or_else(|| Some("success_0".into())),
            "Megamarket answered success 0 without an error message".to_owned(),
        ),
    }
}
