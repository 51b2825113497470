//! [`Client`] and [`ClientBuilder`]: credentials, base URL, transport settings.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use http::{HeaderMap, HeaderValue, StatusCode};
use market_core::client::{ClientSettings, env_var};
use market_core::transport::{
    MAX_PAUSE, Operation, RateFeedback, RateLimit, Transport, Vendor, redact_secret,
};
use market_core::{ApiErrorKind, Error, Result};
use secrecy::{ExposeSecret, SecretString};

use crate::{error, limits};

/// Ozon's production host.
pub const DEFAULT_BASE_URL: &str = "https://api-seller.ozon.ru";

/// The environment variable holding the `Client-Id`.
pub const ENV_CLIENT_ID: &str = "OZON_CLIENT_ID";
/// The environment variable holding the `Api-Key`.
pub const ENV_API_KEY: &str = "OZON_API_KEY";
/// The environment variable overriding the base URL (read by
/// [`ClientSettings::from_env`]).
pub const ENV_BASE_URL: &str = "OZON_BASE_URL";

/// The Ozon side of the transport: auth headers, limits, error shape.
#[derive(Clone)]
pub(crate) struct OzonVendor {
    client_id: String,
    api_key: Arc<SecretString>,
    /// The account label: [`ClientSettings::account`], else the `Client-Id`.
    account: String,
}

impl fmt::Debug for OzonVendor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("OzonVendor")
            .field("client_id", &self.client_id)
            .field("api_key", &"[REDACTED]")
            .finish()
    }
}

impl Vendor for OzonVendor {
    fn kind(&self) -> market_core::MarketplaceKind {
        market_core::MarketplaceKind::Ozon
    }

    fn authorize(&self, headers: &mut HeaderMap) -> Result<()> {
        let id = HeaderValue::from_str(&self.client_id)
            .map_err(|_| Error::Config("Client-Id is not a valid header value".into()))?;
        let mut key = HeaderValue::from_str(self.api_key.expose_secret())
            .map_err(|_| Error::Config("Api-Key is not a valid header value".into()))?;
        key.set_sensitive(true);
        headers.insert("client-id", id);
        headers.insert("api-key", key);
        Ok(())
    }

    fn account(&self) -> String {
        self.account.clone()
    }

    fn account_rate_limit(&self) -> Option<RateLimit> {
        Some(limits::account())
    }

    fn rate_limit(&self, group: &str) -> Option<RateLimit> {
        limits::group(group)
    }

    /// Ozon's product methods (`/v3/product/import`, `/v1/product/import-by-sku`,
    /// `/v1/product/attributes/update`...) answer 429 over their item quota with
    /// `Item-Retry-After`, in minutes (see [`item_retry_after`]); elsewhere the standard
    /// `Retry-After` is read.
    /// Either is capped at [`MAX_PAUSE`]: a huge or odd value (`18446744073709551615`,
    /// `1e19`, a date in year 9999) is a day's wait, never an overflow.
    fn retry_after(&self, headers: &HeaderMap) -> Option<Duration> {
        item_retry_after(headers)
            .or_else(|| market_core::transport::retry_after(headers))
            .map(|wait| wait.min(MAX_PAUSE))
    }

    /// `Item-Rate-Limit-Remaining` (operations left until the quota resets) with
    /// `Item-Retry-After` as the time to that reset. Ozon gives no reset time without
    /// `Item-Retry-After`: then only the count is reported and nothing is paused (the next
    /// request meets Ozon's 429, which carries the exact wait).
    fn rate_feedback(&self, headers: &HeaderMap) -> Option<RateFeedback> {
        let remaining = market_core::transport::header_str(headers, ITEM_RATE_LIMIT_REMAINING)
            .and_then(|v| v.trim().parse::<u64>().ok());
        let reset_after = item_retry_after(headers);
        if remaining.is_none() && reset_after.is_none() {
            return None;
        }
        Some(RateFeedback {
            remaining,
            reset_after,
            ..RateFeedback::default()
        })
    }

    /// A 2xx is a success unless its body is Ozon's error object (`rpcStatus`: `code` and
    /// `message`, optionally `details`, nothing else), which Ozon and its proxies sometimes
    /// send with 200 (`{"code": 13, "message": "internal error", "details": []}`): that body is
    /// an [`market_core::ApiError`] with Ozon's code and message, never an empty page. No
    /// success answer of the spec has that shape.
    fn is_success(&self, op: &Operation, status: StatusCode, body: &[u8]) -> bool {
        let _ = op;
        status.is_success() && error::error_code(body).is_none()
    }

    /// Non-2xx answers by status; a 2xx carrying Ozon's error object by its gRPC code
    /// (`8` over quota, `2`/`4`/`13`/`14` server failures, `16` unauthenticated, `7`
    /// permission denied, `5` not found, `6`/`9`/`10` conflicts, the rest bad requests).
    fn classify(&self, status: StatusCode, headers: &HeaderMap, body: &[u8]) -> ApiErrorKind {
        let _ = headers;
        error::classify(status, body)
    }

    /// `X-O3-Trace-Id`, else `X-Request-Id`; a server, proxy or firewall that echoes the
    /// `Api-Key` there gets it replaced before the id is cut to [`REQUEST_ID_MAX`](error::REQUEST_ID_MAX) bytes, so
    /// neither the key nor its first characters reach errors or logs.
    fn request_id(&self, headers: &HeaderMap) -> Option<String> {
        error::request_id(headers, |id| self.redact(id))
    }

    /// Ozon's `code` and `message` (or a quote of the body), with the `Api-Key` replaced in the
    /// whole body before anything is cut to [`EXCERPT_LEN`](market_core::transport::EXCERPT_LEN) bytes: a key straddling the limit
    /// never keeps its first characters.
    fn error_details(&self, status: StatusCode, body: &[u8]) -> (Option<String>, String) {
        let body = self.redact(String::from_utf8_lossy(body).into_owned());
        error::error_details(status, body.as_bytes())
    }

    fn redact(&self, text: String) -> String {
        redact_secret(text, &self.api_key)
    }
}

/// The header with the minutes until the item quota of Ozon's product methods resets.
const ITEM_RETRY_AFTER: &str = "item-retry-after";
/// The header with the operations left until that reset.
const ITEM_RATE_LIMIT_REMAINING: &str = "item-rate-limit-remaining";
/// `Item-Retry-After` (minutes, whole or fractional) as a wait; `None` when absent or not a
/// non-negative number. Ozon's spec: "time in minutes until the limit is renewed; for the
/// daily limit, the time until 03:00 Moscow time", so never more than a day: a larger value
/// is read as [`MAX_PAUSE`] (a day, far beyond any retry budget, so the call fails at once
/// with this wait rather than sleeping).
fn item_retry_after(headers: &HeaderMap) -> Option<Duration> {
    let minutes = market_core::transport::header_str(headers, ITEM_RETRY_AFTER)?
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|m| m.is_finite() && *m >= 0.0)?;
    let max_minutes = MAX_PAUSE.as_secs_f64() / 60.0;
    Duration::try_from_secs_f64(minutes.min(max_minutes) * 60.0)
        .ok()
        .map(|wait| wait.min(MAX_PAUSE))
}

/// A client of the Ozon Seller API for one seller account (`Client-Id`).
///
/// Cheap to clone; clones share the connection pool and rate limiters. `Debug` shows the
/// `Client-Id` and never the key.
///
/// ```no_run
/// # async fn run() -> market_core::Result<()> {
/// let ozon = ozon_api::Client::new("123456", "api-key")?;
/// let stock = ozon.stocks().by_warehouse_fbs(vec![ozon_api::Sku(1826363)]).await?;
/// for row in stock {
///     println!("{} at {}: {} free", row.sku, row.warehouse_name, row.present - row.reserved);
/// }
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Client {
    pub(crate) transport: Transport,
    client_id: String,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ozon_api::Client")
            .field("client_id", &self.client_id)
            .field("base_url", &self.transport.base_url().as_str())
            .finish_non_exhaustive()
    }
}

impl Client {
    /// A client for production with default settings.
    pub fn new(client_id: impl Into<String>, api_key: impl Into<String>) -> Result<Self> {
        Self::builder(client_id, api_key).build()
    }

    /// A builder.
    pub fn builder(client_id: impl Into<String>, api_key: impl Into<String>) -> ClientBuilder {
        ClientBuilder {
            client_id: client_id.into(),
            api_key: SecretString::from(api_key.into()),
            settings: ClientSettings::new(),
        }
    }

    /// A builder from `OZON_CLIENT_ID` and `OZON_API_KEY`, with the shared settings of
    /// [`ClientSettings::from_env`] (`OZON_BASE_URL`, `OZON_ACCOUNT`); `None` when the
    /// credentials are not set.
    pub fn from_env() -> Option<ClientBuilder> {
        let id = env_var(ENV_CLIENT_ID)?;
        let key = env_var(ENV_API_KEY)?;
        Some(Self::builder(id, key).settings(ClientSettings::from_env("OZON")))
    }

    /// The seller account.
    pub fn client_id(&self) -> &str {
        &self.client_id
    }

    /// The transport (for operations this crate does not wrap yet).
    pub fn transport(&self) -> &Transport {
        &self.transport
    }
}

/// Builds a [`Client`]: the credentials, and the settings every vendor client shares
/// ([`ClientSettings`]: server, account label, retries, timeouts, rate limits).
pub struct ClientBuilder {
    client_id: String,
    api_key: SecretString,
    settings: ClientSettings,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ozon_api::ClientBuilder")
            .field("client_id", &self.client_id)
            .field(
                "base_url",
                &self
                    .settings
                    .base_url_override()
                    .unwrap_or(DEFAULT_BASE_URL),
            )
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    market_core::client_settings!();

    /// Builds the client.
    pub fn build(self) -> Result<Client> {
        if self.client_id.trim().is_empty() {
            return Err(Error::Config("Client-Id is empty".into()));
        }
        if self.api_key.expose_secret().trim().is_empty() {
            return Err(Error::Config("Api-Key is empty".into()));
        }
        let vendor = OzonVendor {
            account: self
                .settings
                .account_label()
                .unwrap_or(&self.client_id)
                .to_owned(),
            client_id: self.client_id.clone(),
            api_key: Arc::new(self.api_key),
        };
        let transport = self.settings.transport(
            vendor,
            DEFAULT_BASE_URL,
            env!("CARGO_PKG_NAME"),
            env!("CARGO_PKG_VERSION"),
        )?;
        Ok(Client {
            transport,
            client_id: self.client_id,
        })
    }
}
