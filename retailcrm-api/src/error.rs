//! RetailCRM's error body, `{"success": false, "errorMsg": "...", "errors": {field: message} |
//! [message]}`, read whole: the message and every field error by name. HTML error pages (a
//! proxy's or the server's 502/503 page) are read as their title.

use std::collections::BTreeMap;
use std::fmt;

use http::StatusCode;
use serde::{Deserialize, Serialize};

/// The `errors` member of an error body: field errors keyed by the field's name
/// (`{"managerId": "Something went wrong"}`), or a list of messages
/// (`["items[0].offer.id: Offer with id 123 not found."]`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Errors {
    /// Messages keyed by the field (or by the item's index) they are about.
    Fields(BTreeMap<String, String>),
    /// Messages without a key (`field: message` text, as the server wrote it).
    List(Vec<String>),
}

impl Default for Errors {
    fn default() -> Self {
        Self::List(Vec::new())
    }
}

impl Errors {
    /// Every error as `(field, message)`; the field is empty for a list entry with no
    /// `name: ` prefix, and the prefix before `": "` otherwise.
    pub fn pairs(&self) -> Vec<(String, String)> {
        match self {
            Self::Fields(map) => map.iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
            Self::List(list) => list
                .iter()
                .map(|m| match m.split_once(": ") {
                    Some((field, message)) if !field.contains(' ') => {
                        (field.to_owned(), message.to_owned())
                    }
                    _ => (String::new(), m.clone()),
                })
                .collect(),
        }
    }

    /// The message of one field, by name.
    pub fn field(&self, name: &str) -> Option<String> {
        self.pairs()
            .into_iter()
            .find(|(f, _)| f == name)
            .map(|(_, m)| m)
    }

    /// True when there is no error.
    pub fn is_empty(&self) -> bool {
        match self {
            Self::Fields(m) => m.is_empty(),
            Self::List(l) => l.is_empty(),
        }
    }
}

impl fmt::Display for Errors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut first = true;
        for (field, message) in self.pairs() {
            if !first {
                f.write_str("; ")?;
            }
            first = false;
            if field.is_empty() {
                f.write_str(&message)?;
            } else {
                write!(f, "{field}: {message}")?;
            }
        }
        Ok(())
    }
}

/// RetailCRM's error body.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ErrorBody {
    /// `false` in every error body.
    #[serde(default)]
    pub success: bool,
    /// The message (`"Order is not loaded"`, `"Errors in the input parameters"`).
    #[serde(default)]
    pub error_msg: Option<String>,
    /// The field errors, when the server names them.
    #[serde(default, deserialize_with = "errors_or_empty")]
    pub errors: Errors,
}

/// `errors` may also be `null` or `{}`: both read as no error.
fn errors_or_empty<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Errors, D::Error> {
    Ok(Option::<Errors>::deserialize(d)
        .ok()
        .flatten()
        .unwrap_or_default())
}

impl ErrorBody {
    /// Reads an error body; `None` for anything else (an HTML page, a success).
    pub fn parse(body: &[u8]) -> Option<Self> {
        #[derive(Deserialize)]
        struct Probe {
            success: Option<bool>,
            #[serde(rename = "errorMsg")]
            error_msg: Option<serde_json::Value>,
        }
        let probe: Probe = serde_json::from_slice(body).ok()?;
        if probe.success == Some(true) && probe.error_msg.is_none() {
            return None;
        }
        serde_json::from_slice(body).ok()
    }

    /// The message with every field error: `errorMsg (field: message; field: message)`.
    pub fn text(&self) -> String {
        let msg = self.error_msg.clone().unwrap_or_default();
        match (msg.is_empty(), self.errors.is_empty()) {
            (_, true) => msg,
            (true, false) => self.errors.to_string(),
            (false, false) => format!("{msg} ({})", self.errors),
        }
    }
}

/// The longest error message kept, in characters: every field error is in
/// [`market_core::ApiError::fields`] anyway.
pub const MESSAGE_MAX_CHARS: usize = 2048;

/// `text` cut to [`MESSAGE_MAX_CHARS`] characters, marked with `…` when cut.
fn bounded(text: String) -> String {
    if text.chars().count() <= MESSAGE_MAX_CHARS {
        return text;
    }
    let mut cut = market_core::error::truncate_chars(&text, MESSAGE_MAX_CHARS - 1);
    cut.push('…');
    cut
}

/// The title (else the first text) of an HTML page, bounded.
fn html_title(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    let trimmed = lower.trim_start();
    if !(trimmed.starts_with('<') && (lower.contains("<html") || lower.contains("<!doctype"))) {
        return None;
    }
    let title = lower
        .find("<title>")
        .and_then(|start| {
            let from = start + "<title>".len();
            lower[from..]
                .find("</title>")
                .and_then(|end| text.get(from..from + end))
        })
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|t| !t.is_empty());
    Some(
        title
            .unwrap_or_else(|| "an HTML page".to_owned())
            .chars()
            .take(200)
            .collect(),
    )
}

/// Reads an error answer: `errorMsg` with every field error, an HTML page's title, or
/// market-core's default reading. The code is `errorMsg` is not a code: RetailCRM has none, so
/// the code is the HTTP status's class for HTML pages and `None` otherwise.
pub fn error_details(status: StatusCode, body: &[u8]) -> (Option<String>, String) {
    if let Some(parsed) = ErrorBody::parse(body) {
        let text = parsed.text();
        if !text.is_empty() {
            return (None, bounded(text));
        }
    }
    if let Some(title) = std::str::from_utf8(body).ok().and_then(html_title) {
        return (
            Some("html_page".to_owned()),
            format!("HTTP {} with an HTML page: {title}", status.as_u16()),
        );
    }
    market_core::transport::default_error_details(status, body)
}

/// The field errors of an error body, by name ([`Errors::pairs`]), for
/// [`market_core::ApiError::fields`]: `err.api().and_then(|a| a.field("customer.email"))`.
pub fn field_errors(body: &[u8]) -> Vec<market_core::FieldError> {
    ErrorBody::parse(body)
        .map(|b| {
            b.errors
                .pairs()
                .into_iter()
                .take(market_core::error::FIELD_ERRORS_MAX)
                .map(|(field, message)| market_core::FieldError::new(field, message))
                .collect()
        })
        .unwrap_or_default()
}

/// True when a 2xx body says `"success": false` (checked as text first, so a usual answer
/// costs one scan).
pub(crate) fn says_failure(body: &[u8]) -> bool {
    #[derive(Deserialize)]
    struct Probe {
        success: Option<bool>,
    }
    body.windows(7).any(|w| w == b"success")
        && serde_json::from_slice::<Probe>(body)
            .ok()
            .and_then(|p| p.success)
            == Some(false)
}

/// A validation error about the request as a whole: [`market_core::Error::invalid`].
pub(crate) fn invalid(message: impl Into<String>) -> market_core::Error {
    market_core::Error::invalid(message)
}
