//! Yandex Market's error body: `{"status": "ERROR", "errors": [{"code", "message"}]}`, in an
//! error answer or (for a read) in a 200, and its per-item form in write answers.

use http::StatusCode;
use market_core::{BatchReport, RejectionStage};

use crate::models::common::{ApiStatus, EmptyResponse};

/// Reads Yandex Market's error body `{"status": "ERROR", "errors": [{"code", "message"}]}`:
/// the first error's code, and every error's `code: message` joined. Other bodies fall back
/// to market-core's reading.
pub fn error_details(status: StatusCode, body: &[u8]) -> (Option<String>, String) {
    #[derive(serde::Deserialize)]
    struct Body {
        #[serde(default)]
        errors: Option<Vec<Item>>,
    }
    #[derive(serde::Deserialize)]
    struct Item {
        #[serde(default)]
        code: Option<String>,
        #[serde(default)]
        message: Option<String>,
    }
    let errors = serde_json::from_slice::<Body>(body)
        .ok()
        .and_then(|b| b.errors)
        .filter(|e| !e.is_empty());
    let Some(errors) = errors else {
        return market_core::transport::default_error_details(status, body);
    };
    let code = errors.iter().find_map(|e| e.code.clone());
    let message = errors
        .iter()
        .map(|e| match (&e.code, &e.message) {
            (Some(c), Some(m)) => format!("{c}: {m}"),
            (Some(c), None) => c.clone(),
            (None, Some(m)) => m.clone(),
            (None, None) => String::new(),
        })
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("; ");
    let message = if message.is_empty() {
        status.canonical_reason().unwrap_or("error").to_owned()
    } else {
        message
    };
    (code, message)
}

/// True when a JSON body is Yandex Market's answer envelope saying `"status": "ERROR"`
/// (looked for as text first, so a usual answer costs one scan).
pub(crate) fn says_error(body: &[u8]) -> bool {
    #[derive(serde::Deserialize)]
    struct Envelope {
        #[serde(default)]
        status: Option<String>,
    }
    body.windows(7).any(|w| w == b"\"ERROR\"")
        && serde_json::from_slice::<Envelope>(body)
            .ok()
            .and_then(|e| e.status)
            .is_some_and(|s| s == "ERROR")
}

/// The outcome of a write whose answer is Yandex Market's envelope for the whole request
/// (`{"status": "OK"}` or `{"status": "ERROR", "errors": [...]}`): every key accepted, or, when
/// the answer says `ERROR`, every key rejected with the answer's errors (the first code, every
/// `code: message`), as [`BatchReport::record`] reads a vendor's error list. An `ERROR` without
/// errors rejects them with the code `ERROR`.
pub(crate) fn envelope_report(keys: Vec<String>, answer: &EmptyResponse) -> BatchReport<String> {
    let mut report = BatchReport::new();
    if answer.status != Some(ApiStatus::Error) {
        report.accepted = keys;
        return report;
    }
    let errors: Vec<(&str, &str)> = answer
        .errors
        .iter()
        .flatten()
        .map(|e| (e.code.as_str(), e.message.as_deref().unwrap_or("")))
        .filter(|(c, m)| !c.trim().is_empty() || !m.trim().is_empty())
        .collect();
    for key in keys {
        if errors.is_empty() {
            report.reject(
                key,
                RejectionStage::Vendor,
                Some("ERROR".into()),
                "Yandex Market answered ERROR without details",
            );
        } else {
            report.record(key, false, errors.iter().copied(), None);
        }
    }
    report
}
