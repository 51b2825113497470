//! The envelope every call shares: `{"meta": {}, "data": {"token": ..., ...}}` out,
//! `{"success": 1, "meta": {}, "data": {...}, "error": [...]}` back.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// The `meta` object: empty in requests; in answers whatever Megamarket puts there
/// (`requestId`, `source` were seen), kept as is.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Meta {
    /// Every field of the object.
    #[serde(flatten)]
    pub fields: Map<String, Value>,
}

/// A request envelope: `meta` and the method's `data` with the token added. Not `Debug`: it
/// holds the token.
#[derive(Serialize)]
pub struct Envelope<'a, T> {
    /// Always `{}`.
    pub meta: Meta,
    /// The token and the method's fields.
    pub data: WithToken<'a, T>,
}

impl<'a, T> Envelope<'a, T> {
    /// The envelope of `data` sent with `token`.
    pub fn new(token: &'a str, data: &'a T) -> Self {
        Self {
            meta: Meta::default(),
            data: WithToken { token, body: data },
        }
    }
}

/// The `data` of a request: `token` and the method's own fields beside it.
#[derive(Serialize)]
pub struct WithToken<'a, T> {
    /// The merchant's API token.
    pub token: &'a str,
    /// The method's fields.
    #[serde(flatten)]
    pub body: &'a T,
}

/// A request envelope as Megamarket (or the emulator) reads it: `meta` and `data`, the token
/// inside `data`.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Incoming<T> {
    /// The `meta` object.
    #[serde(default)]
    pub meta: Meta,
    /// The token and the method's fields.
    pub data: IncomingData<T>,
}

/// The `data` of an [`Incoming`] request.
#[derive(Clone, Deserialize)]
pub struct IncomingData<T> {
    /// The token (`None` when the request has none).
    #[serde(default)]
    pub token: Option<String>,
    /// The method's fields.
    #[serde(flatten)]
    pub body: T,
}

impl<T: std::fmt::Debug> std::fmt::Debug for IncomingData<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("IncomingData")
            .field("token", &self.token.as_ref().map(|_| "[REDACTED]"))
            .field("body", &self.body)
            .finish()
    }
}

/// An answer envelope whose verdict the transport has read (a failure never gets here): the
/// method's `data`, required (an answer without it is a decode error, never an empty result).
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Answer<T> {
    /// `1` (read by [`crate::error::verdict`] before this is decoded).
    #[serde(default)]
    pub success: Value,
    /// The `meta` object.
    #[serde(default)]
    pub meta: Meta,
    /// The method's result.
    pub data: T,
    /// The `error` list (empty or absent on success).
    #[serde(default)]
    pub error: Value,
}

/// The `data` of a write that answers `{"result": 1}` (`order/confirm`, `order/packing`, ...).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct WriteResult {
    /// `1` when the request was applied (the transport turns any other value into an error).
    #[serde(default, deserialize_with = "market_core::wire::de::opt_int64")]
    pub result: Option<i64>,
}
