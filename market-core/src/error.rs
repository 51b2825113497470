//! The one error type of every client.
//!
//! Per-item rejections in batch operations are data ([`crate::BatchReport`]), not errors: an
//! [`Error`] means the call as a whole failed.

use std::time::Duration;

use crate::model::MarketplaceKind;

/// The result type of the whole library.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Why a call failed.
///
/// Displays never carry credentials: headers are not printed, URLs are stripped from transport
/// errors, and body excerpts are bounded.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The vendor answered with an error status.
    #[error("{0}")]
    Api(Box<ApiError>),
    /// The request did not complete: connection refused or reset, TLS failure, body cut.
    #[error("{vendor} {operation}: transport error: {message}")]
    Transport {
        /// The vendor (`MarketplaceKind::name`: `ozon`, `wildberries`, `yandex_market`, ...).
        vendor: &'static str,
        /// The operation's name (`Operation::name`, e.g. `stocks_update`).
        operation: &'static str,
        /// What happened (without the URL).
        message: String,
        /// True when the request provably never reached the server (connection not made).
        not_sent: bool,
        /// The underlying error, its URL removed.
        #[source]
        source: Option<reqwest::Error>,
    },
    /// The request, or the whole retry budget, ran out of time.
    #[error("{vendor} {operation}: timed out after {elapsed:?}")]
    Timeout {
        /// The vendor (`MarketplaceKind::name`: `ozon`, `wildberries`, `yandex_market`, ...).
        vendor: &'static str,
        /// The operation's name (`Operation::name`, e.g. `stocks_update`).
        operation: &'static str,
        /// Time spent, including retries.
        elapsed: Duration,
    },
    /// The vendor's answer could not be decoded into the expected type.
    #[error(
        "{vendor} {operation}: cannot decode response at `{path}`: {message}; body starts: {excerpt}"
    )]
    Decode {
        /// The vendor (`MarketplaceKind::name`: `ozon`, `wildberries`, `yandex_market`, ...).
        vendor: &'static str,
        /// The operation's name (`Operation::name`, e.g. `stocks_update`).
        operation: &'static str,
        /// The JSON path of the offending field (`result.items[3].price`).
        path: String,
        /// The decoder's message.
        message: String,
        /// The first bytes of the body (bounded), for diagnosis.
        excerpt: String,
    },
    /// The answer's body is larger than the operation reads
    /// ([`crate::transport::Operation::max_response_bytes`]): it was not read further, and the
    /// call is not repeated.
    #[error(
        "{vendor} {operation}: the response body exceeds the cap of {limit} bytes; not read (an operation that returns more raises its max_response_bytes)"
    )]
    ResponseTooLarge {
        /// The vendor (`MarketplaceKind::name`: `ozon`, `wildberries`, `yandex_market`, ...).
        vendor: &'static str,
        /// The operation's name (`Operation::name`, e.g. `stocks_update`).
        operation: &'static str,
        /// The cap, in bytes (after decompression).
        limit: usize,
    },
    /// The caller's input is invalid; nothing was sent.
    #[error("invalid input{}: {message}", item.as_deref().map(|i| format!(" ({i})")).unwrap_or_default())]
    Validation {
        /// The offending item (its key), when the problem is one item's.
        item: Option<String>,
        /// What is wrong.
        message: String,
    },
    /// The marketplace has no such operation.
    #[error("{marketplace} does not support {operation}")]
    Unsupported {
        /// The channel that lacks the operation.
        marketplace: MarketplaceKind,
        /// The `Marketplace` method asked for (`publish_cards`, `confirm_order`, ...).
        operation: &'static str,
    },
    /// The client is misconfigured (bad base URL, header value, TLS setup).
    #[error("configuration error: {0}")]
    Config(String),

    /// A vendor task (a report, a label file, an import) that the vendor says failed
    /// ([`crate::task::poll`]).
    #[error("{vendor} {operation}: task {task} failed{}: {message}", code.as_deref().map(|c| format!(" [{c}]")).unwrap_or_default())]
    TaskFailed {
        /// The vendor.
        vendor: &'static str,
        /// The operation that reads the task's state.
        operation: &'static str,
        /// The task's id as the vendor gave it.
        task: String,
        /// The vendor's error code, when it gives one.
        code: Option<String>,
        /// What the vendor said, or what the caller made of its state.
        message: String,
    },
}

/// What the vendor said when it refused a call.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ApiError {
    /// The vendor (`MarketplaceKind::name`: `ozon`, `wildberries`, `yandex_market`, ...).
    pub vendor: &'static str,
    /// The operation's name (`Operation::name`, e.g. `stocks_update`).
    pub operation: &'static str,
    /// The HTTP status.
    pub status: u16,
    /// The class the vendor hook gave the answer.
    pub kind: ApiErrorKind,
    /// The vendor's error code (Ozon `code`, Yandex Market `errors[].code`, RetailCRM
    /// `errorMsg` key...), when it sends one.
    pub code: Option<String>,
    /// The vendor's message, or a bounded excerpt of the body.
    pub message: String,
    /// The vendor's request id (`X-Request-Id`, `X-Market-Request-ID`, ...), for support tickets.
    pub request_id: Option<String>,
    /// Whether repeating the same call later may succeed.
    pub retryable: bool,
    /// How long the vendor asked to wait, if it said.
    pub retry_after: Option<Duration>,
    /// Every error the vendor listed beside its message, by the field it is about (RetailCRM's
    /// `errors: {"customer.email": "..."}`); empty when the vendor lists none. At most
    /// [`FIELD_ERRORS_MAX`] entries, each message at most [`FIELD_MESSAGE_MAX_CHARS`]
    /// characters, secrets removed as from the message.
    pub fields: Vec<FieldError>,
}

/// The most field errors an [`ApiError`] keeps (a hostile server may list millions).
pub const FIELD_ERRORS_MAX: usize = 100;

/// The longest field name or message an [`ApiError`] keeps, in characters.
pub const FIELD_MESSAGE_MAX_CHARS: usize = 512;

/// One error a vendor listed in a refusal, by the field it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// The field as the vendor names it (`customer.email`, `items[0].offer.id`, `0` for the
    /// first item of a batch); empty when the vendor gave a message without a field.
    pub field: String,
    /// The vendor's message about it.
    pub message: String,
}

impl FieldError {
    /// A field error, both parts cut to [`FIELD_MESSAGE_MAX_CHARS`] characters.
    pub fn new(field: impl Into<String>, message: impl Into<String>) -> Self {
        Self {
            field: truncate_chars(&field.into(), FIELD_MESSAGE_MAX_CHARS),
            message: truncate_chars(&message.into(), FIELD_MESSAGE_MAX_CHARS),
        }
    }
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.field.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.field, self.message)
        }
    }
}

impl ApiError {
    /// A refusal the vendor's answer carries although its status does not say so: a 200 with
    /// the vendor's error body, or a write that answered 200 and then read back as failed
    /// (Ozon's `ship_failed`). Retryable as its `kind` is (see [`ApiErrorKind`]).
    ///
    /// ```
    /// use market_core::{ApiError, ApiErrorKind};
    ///
    /// let e = ApiError::new("ozon", "posting_fbs_ship", 200, ApiErrorKind::Conflict)
    ///     .with_code("ship_failed")
    ///     .with_message("the posting could not be assembled");
    /// assert!(!e.retryable);
    /// assert_eq!(e.to_string(), "ozon posting_fbs_ship: HTTP 200 [ship_failed]: the posting could not be assembled");
    /// ```
    pub fn new(
        vendor: &'static str,
        operation: &'static str,
        status: u16,
        kind: ApiErrorKind,
    ) -> Self {
        Self {
            vendor,
            operation,
            status,
            kind,
            code: None,
            message: String::new(),
            request_id: None,
            retryable: kind.is_retryable(),
            retry_after: None,
            fields: Vec::new(),
        }
    }

    /// The vendor's message about `field`, when it named that field.
    ///
    /// ```
    /// use market_core::{ApiError, ApiErrorKind};
    ///
    /// let e = ApiError::new("retailcrm", "orders_create", 400, ApiErrorKind::BadRequest)
    ///     .with_field("customer.email", "This value is not a valid email address.");
    /// assert_eq!(e.field("customer.email"), Some("This value is not a valid email address."));
    /// assert_eq!(e.field("status"), None);
    /// ```
    pub fn field(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|f| f.field == name)
            .map(|f| f.message.as_str())
    }

    /// Adds an error about `field` (see [`FieldError::new`]); past [`FIELD_ERRORS_MAX`]
    /// entries, nothing is added.
    pub fn with_field(mut self, field: impl Into<String>, message: impl Into<String>) -> Self {
        if self.fields.len() < FIELD_ERRORS_MAX {
            self.fields.push(FieldError::new(field, message));
        }
        self
    }

    /// Sets the vendor's code.
    pub fn with_code(mut self, code: impl Into<String>) -> Self {
        self.code = Some(code.into());
        self
    }

    /// Sets the vendor's message.
    pub fn with_message(mut self, message: impl Into<String>) -> Self {
        self.message = message.into();
        self
    }

    /// Sets the vendor's request id.
    pub fn with_request_id(mut self, id: impl Into<String>) -> Self {
        self.request_id = Some(id.into());
        self
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} {}: HTTP {}",
            self.vendor, self.operation, self.status
        )?;
        if let Some(code) = &self.code {
            write!(f, " [{code}]")?;
        }
        write!(f, ": {}", self.message)?;
        if let Some(id) = &self.request_id {
            write!(f, " (request id {id})")?;
        }
        Ok(())
    }
}

/// How a vendor's error answer is to be treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ApiErrorKind {
    /// Over quota (Ozon/WB 429, Yandex Market 420, RetailCRM 503): the request was refused
    /// unprocessed, so it is safe to repeat even when it creates something.
    RateLimited,
    /// The server failed (5xx other than a quota answer): it may or may not have acted.
    Server,
    /// Credentials missing or wrong (401).
    Unauthorized,
    /// Credentials lack the right (403).
    Forbidden,
    /// The object does not exist (404).
    NotFound,
    /// A conflicting state (409): e.g. an order already shipped.
    Conflict,
    /// Any other refusal of the request as sent (400, 422...).
    BadRequest,
    /// The vendor refused the request unprocessed because the resource is busy with an earlier
    /// request (WB's 409 `StoreIsProcessing`: "try again after a few seconds"): retried after
    /// a pause, whatever the operation does, since nothing was done.
    Busy,
}

impl ApiErrorKind {
    /// True when the vendor refused the request without processing it (over quota, busy):
    /// sending it again is safe whatever the operation does.
    pub fn is_unprocessed(self) -> bool {
        matches!(self, Self::RateLimited | Self::Busy)
    }

    /// True when repeating the call later may succeed: refused unprocessed, or a server
    /// failure.
    pub fn is_retryable(self) -> bool {
        self.is_unprocessed() || self == Self::Server
    }
}

impl Error {
    /// The vendor's answer, if this is one.
    pub fn api(&self) -> Option<&ApiError> {
        match self {
            Self::Api(e) => Some(e),
            _ => None,
        }
    }

    /// The HTTP status, if the vendor answered.
    pub fn status(&self) -> Option<u16> {
        self.api().map(|e| e.status)
    }

    /// Whether repeating the call later may succeed.
    pub fn is_retryable(&self) -> bool {
        match self {
            Self::Api(e) => e.retryable,
            Self::Transport { .. } | Self::Timeout { .. } => true,
            _ => false,
        }
    }

    /// A validation error about the request as a whole (no single item to name): a bad time
    /// window, a missing setting, an empty list where one is required.
    pub fn invalid(message: impl Into<String>) -> Self {
        Self::Validation {
            item: None,
            message: message.into(),
        }
    }

    /// A validation error about one item.
    pub fn validation(item: impl std::fmt::Display, message: impl Into<String>) -> Self {
        Self::Validation {
            item: Some(item.to_string()),
            message: message.into(),
        }
    }

    /// An unsupported-operation error.
    pub fn unsupported(marketplace: MarketplaceKind, operation: &'static str) -> Self {
        Self::Unsupported {
            marketplace,
            operation,
        }
    }

    /// A short code for reports: the vendor code, `http_<status>`, or the variant name.
    pub fn code(&self) -> String {
        match self {
            Self::Api(e) => e
                .code
                .clone()
                .unwrap_or_else(|| format!("http_{}", e.status)),
            Self::Transport { .. } => "transport".into(),
            Self::Timeout { .. } => "timeout".into(),
            Self::Decode { .. } => "decode".into(),
            Self::ResponseTooLarge { .. } => "response_too_large".into(),
            Self::Validation { .. } => "validation".into(),
            Self::Unsupported { .. } => "unsupported".into(),
            Self::Config(_) => "config".into(),
            Self::TaskFailed { code, .. } => code.clone().unwrap_or_else(|| "task_failed".into()),
        }
    }
}

impl From<ApiError> for Error {
    fn from(e: ApiError) -> Self {
        Self::Api(Box::new(e))
    }
}

/// Cuts `body` to at most `max` bytes of text (at a character boundary) for error messages.
///
/// Text from a server may carry a secret: cut it with [`redacted_excerpt`], which removes
/// secrets before cutting (a secret cut in two is no longer found whole).
pub fn excerpt(body: &[u8], max: usize) -> String {
    cut(String::from_utf8_lossy(body).into_owned(), max)
}

/// The most bytes past the cut that [`redacted_excerpt`] searches for a secret starting before
/// it: longer than any key or token (WB's are JWTs of about a kilobyte).
const REDACT_WINDOW: usize = 64 * 1024;

/// Like [`excerpt`], but passes the text through `redact` (a vendor's
/// [`crate::transport::Vendor::redact`]) *before* cutting it, so that a secret straddling the
/// cut keeps none of its characters. Only the first `max` + 64 KiB bytes are read.
pub fn redacted_excerpt(body: &[u8], max: usize, redact: impl FnOnce(String) -> String) -> String {
    let window = &body[..body.len().min(max.saturating_add(REDACT_WINDOW))];
    cut(redact(String::from_utf8_lossy(window).into_owned()), max)
}

/// The first `max` characters of `s` (all of it when shorter): for vendor text kept in
/// errors and reports, bounded by characters, not bytes.
pub fn truncate_chars(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => s[..i].to_owned(),
        None => s.to_owned(),
    }
}

/// Cuts `text` to at most `max` bytes at a character boundary, marking the cut with `…`.
fn cut(mut text: String, max: usize) -> String {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while end > 0 && !text.is_char_boundary(end) {
        end -= 1;
    }
    text.truncate(end);
    text.push('…');
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excerpt_is_bounded_and_cuts_at_char_boundary() {
        let body = "ошибка".repeat(100);
        let e = excerpt(body.as_bytes(), 7);
        assert!(e.len() <= 7 + '…'.len_utf8());
        assert!(e.starts_with("ошиб".get(..6).unwrap_or("")));
        assert_eq!(excerpt(b"short", 100), "short");
    }

    #[test]
    fn a_secret_straddling_the_cut_keeps_none_of_its_characters() {
        let key = "sk-live-SECRET-0123456789";
        let redact = |t: String| t.replace(key, "[REDACTED]");
        for offset in [500, 505, 511, 512, 513] {
            let body = format!("{}{key} trailing", "x".repeat(offset));
            let e = redacted_excerpt(body.as_bytes(), 512, redact);
            assert!(!e.contains("sk-"), "offset {offset}: {e}");
            assert!(e.len() <= 512 + '…'.len_utf8(), "offset {offset}");
            // The plain cut keeps the key's first characters: the reason for redacting first.
            if offset < 509 {
                assert!(excerpt(body.as_bytes(), 512).contains("sk-"));
            }
        }
        assert_eq!(redacted_excerpt(b"short", 100, redact), "short");
        // A key past the window is never in the excerpt anyway.
        let far = format!("{}{key}", "y".repeat(200_000));
        assert!(!redacted_excerpt(far.as_bytes(), 512, redact).contains("sk-"));
    }

    #[test]
    fn field_errors_are_bounded_in_number_and_length() {
        let mut e = ApiError::new("x", "op", 400, ApiErrorKind::BadRequest);
        for i in 0..FIELD_ERRORS_MAX + 5 {
            e = e.with_field(format!("f{i}"), "bad");
        }
        assert_eq!(e.fields.len(), FIELD_ERRORS_MAX);
        assert_eq!(e.field("f0"), Some("bad"));
        assert_eq!(e.field(&format!("f{FIELD_ERRORS_MAX}")), None);
        let long = FieldError::new("é".repeat(600), "ж".repeat(1000));
        assert_eq!(long.field.chars().count(), FIELD_MESSAGE_MAX_CHARS);
        assert_eq!(long.message.chars().count(), FIELD_MESSAGE_MAX_CHARS);
        assert_eq!(FieldError::new("", "no field").to_string(), "no field");
        assert_eq!(FieldError::new("a.b", "bad").to_string(), "a.b: bad");
    }

    #[test]
    fn api_error_display_names_vendor_code_and_request_id() {
        let e = Error::from(ApiError {
            vendor: "ozon",
            operation: "stocks_update",
            status: 400,
            kind: ApiErrorKind::BadRequest,
            code: Some("3".into()),
            message: "invalid offer".into(),
            request_id: Some("req-1".into()),
            retryable: false,
            retry_after: None,
            fields: Vec::new(),
        });
        assert_eq!(
            e.to_string(),
            "ozon stocks_update: HTTP 400 [3]: invalid offer (request id req-1)"
        );
        assert_eq!(e.code(), "3");
        assert!(!e.is_retryable());
    }
}
