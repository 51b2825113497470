//! Shapes every section shares: the response envelope, page tokens, the error body.

use serde::{Deserialize, Serialize};

market_core::wire_enum! {
    /// The status of an answer (`ApiResponseStatusType`).
    pub enum ApiStatus {
        /// Success.
        Ok = "OK",
        /// Error.
        Error = "ERROR",
    }
}

/// The paging block of a list answer (schemas `PackagingForwardScrollingPagerDTO` and
/// `PackagingScrollingPagerDTO`): the token of the next page, absent on the last page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct Pager {
    /// The token of the next page; `None` (or empty) on the last page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page_token: Option<String>,
    /// The token of the previous page (deprecated by the vendor; read only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prev_page_token: Option<String>,
}

impl Pager {
    /// The next page's token, `None` at the end (an empty token also ends the list).
    pub fn next(&self) -> Option<&str> {
        self.next_page_token.as_deref().filter(|t| !t.is_empty())
    }
}

/// An error of an answer (schema `ApiErrorDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ApiErrorItem {
    /// The error code.
    #[serde(default)]
    pub code: String,
    /// The message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// An answer without a result (schema `EmptyApiResponse`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct EmptyResponse {
    /// `OK` or `ERROR`.
    #[serde(default)]
    pub status: Option<ApiStatus>,
    /// Errors, when `status` is `ERROR`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ApiErrorItem>>,
}
