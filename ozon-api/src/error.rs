//! Ozon's error bodies: the reader of their code, message and request id, the test that tells
//! Ozon's error object from data in a 2xx answer, and Ozon's per-item error codes.
//!
//! Ozon answers errors with its `rpcStatus` object (`{"code": 3, "message": "...",
//! "details": []}`), on error statuses and, from Ozon and its proxies, sometimes with 200.
//! Batch methods answer 200 with per-item `errors[]` of `code` and `message`.

use http::{HeaderMap, StatusCode};
use market_core::ApiErrorKind;
use market_core::transport::{EXCERPT_LEN, default_classify, default_error_details};

/// The longest request id kept (after the key is redacted): Ozon's trace ids are 16 to 32
/// characters.
pub const REQUEST_ID_MAX: usize = 128;

/// The largest body read as a possible error object on a 2xx (Ozon's are a few hundred bytes).
const ERROR_OBJECT_MAX: usize = 4096;

/// Ozon's per-item code for "updated too recently" (a stock pair within 30 s): the item is
/// to be sent again later, nothing is wrong with it.
pub const TOO_MANY_REQUESTS: &str = "TOO_MANY_REQUESTS";

/// Ozon's error code when `body` is Ozon's error object (`rpcStatus`): a JSON object with an
/// integer `code` and a string `message`, at most `details` besides (an array or null).
/// `None` for anything else, including every success answer of the spec.
pub fn error_code(body: &[u8]) -> Option<i64> {
    if body.len() > ERROR_OBJECT_MAX {
        return None;
    }
    let first = body.iter().find(|b| !b.is_ascii_whitespace())?;
    if *first != b'{' {
        return None;
    }
    let serde_json::Value::Object(map) = serde_json::from_slice(body).ok()? else {
        return None;
    };
    let code = map.get("code")?.as_i64()?;
    map.get("message")?.as_str()?;
    let only_status = map.iter().all(|(k, v)| match k.as_str() {
        "code" | "message" => true,
        "details" => v.is_array() || v.is_null(),
        _ => false,
    });
    only_status.then_some(code)
}

/// Non-2xx answers by status; a 2xx carrying Ozon's error object by its gRPC code (`8` over
/// quota, `2`/`4`/`13`/`14` server failures, `16` unauthenticated, `7` permission denied, `5`
/// not found, `6`/`9`/`10` conflicts, the rest bad requests).
pub fn classify(status: StatusCode, body: &[u8]) -> ApiErrorKind {
    if !status.is_success() {
        return default_classify(status);
    }
    match error_code(body) {
        Some(8) => ApiErrorKind::RateLimited,
        Some(2 | 4 | 13 | 14) => ApiErrorKind::Server,
        Some(16) => ApiErrorKind::Unauthorized,
        Some(7) => ApiErrorKind::Forbidden,
        Some(5) => ApiErrorKind::NotFound,
        Some(6 | 9 | 10) => ApiErrorKind::Conflict,
        _ => ApiErrorKind::BadRequest,
    }
}

/// Ozon's `code` and `message` (or a quote of the body), each cut to [`EXCERPT_LEN`] bytes.
/// The caller redacts secrets in `body` first.
pub fn error_details(status: StatusCode, body: &[u8]) -> (Option<String>, String) {
    let (code, message) = default_error_details(status, body);
    let code = code.map(|c| market_core::error::excerpt(c.as_bytes(), EXCERPT_LEN));
    let message = market_core::error::excerpt(message.as_bytes(), EXCERPT_LEN);
    (code, message)
}

/// `X-O3-Trace-Id`, else `X-Request-Id`, passed through `redact` and then cut to
/// [`REQUEST_ID_MAX`] bytes.
pub fn request_id(headers: &HeaderMap, redact: impl Fn(String) -> String) -> Option<String> {
    let id = market_core::transport::header_str(headers, "x-o3-trace-id")
        .or_else(|| market_core::transport::header_str(headers, "x-request-id"))?;
    Some(market_core::error::excerpt(
        redact(id).as_bytes(),
        REQUEST_ID_MAX,
    ))
}

/// Whether a per-item code is Ozon's [`TOO_MANY_REQUESTS`], whatever its case: the item is
/// deferred in the batch report, not rejected.
pub fn too_many_requests(code: &str) -> bool {
    code.trim().eq_ignore_ascii_case(TOO_MANY_REQUESTS)
}
