//! [`Client`], [`ClientBuilder`] (the API key and tier, and market-core's shared
//! [`ClientSettings`]) and [`Client::from_env`]; the Yandex Market side of the transport: the
//! `Api-Key` header, HTTP 420, the `X-RateLimit-Resource-*` headers, and the error body read by
//! [`crate::error`].

use std::collections::HashSet;
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use http::{HeaderMap, HeaderValue, StatusCode};
use market_core::client::{ClientSettings, env_var};
use market_core::transport::{
    Operation, RateFeedback, RateLimit, Transport, Vendor, default_classify, header_str,
    redact_secret,
};
use market_core::{ApiErrorKind, Error, Result};
use secrecy::{ExposeSecret, SecretString};

use crate::ids::{BusinessId, CampaignId};
use crate::limits::{self, PARALLEL_PER_LOGIN, Tier};

/// The production host.
pub const PRODUCTION_URL: &str = "https://api.partner.market.yandex.ru";

/// The environment variable holding the API key.
pub const ENV_API_KEY: &str = "YM_API_KEY";
/// The environment variable holding the business id.
pub const ENV_BUSINESS_ID: &str = "YM_BUSINESS_ID";
/// The environment variable holding the campaign id.
pub const ENV_CAMPAIGN_ID: &str = "YM_CAMPAIGN_ID";
/// The environment variable aiming the client at another host (an emulator, a proxy).
pub const ENV_BASE_URL: &str = "YM_BASE_URL";

/// Yandex Market's status for a spent quota (HTTP 420, "Enhance Your Calm").
pub const RATE_LIMITED: u16 = 420;

/// The Yandex Market side of the transport.
#[derive(Clone)]
pub(crate) struct YmVendor {
    api_key: Arc<SecretString>,
    account: String,
    tier: Tier,
}

impl fmt::Debug for YmVendor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("YmVendor")
            .field("account", &self.account)
            .field("tier", &self.tier)
            .field("api_key", &"[REDACTED]")
            .finish()
    }
}

/// The longest wait taken from `X-RateLimit-Resource-Until` (Yandex Market's longest quota
/// window is an hour); a later time is read as this.
pub const UNTIL_MAX: Duration = Duration::from_secs(3600);

/// Reads `X-RateLimit-Resource-Until`: an HTTP date, an RFC 3339 time, or seconds; the time
/// left until it, from `now`, at most [`UNTIL_MAX`]. A time already past, a negative or NaN
/// number, or a value that cannot be read, gives `None` (the normal backoff then applies);
/// any later time or larger number (year 9999, `18446744073709551615`, `1e19`, `inf`) is
/// [`UNTIL_MAX`]. Never panics.
pub fn until(headers: &HeaderMap, now: DateTime<Utc>) -> Option<Duration> {
    let raw = header_str(headers, "x-ratelimit-resource-until")?;
    let at = DateTime::parse_from_rfc2822(&raw)
        .or_else(|_| DateTime::parse_from_rfc3339(&raw))
        .map(|t| t.with_timezone(&Utc))
        .ok();
    let wait = match at {
        Some(at) => (at - now).to_std().ok(),
        None => raw
            .parse::<f64>()
            .ok()
            .filter(|s| !s.is_nan())
            .and_then(|s| Duration::try_from_secs_f64(s.min(UNTIL_MAX.as_secs_f64())).ok()),
    }?;
    (!wait.is_zero()).then(|| wait.min(UNTIL_MAX))
}

/// True unless `X-RateLimit-Resource-Remaining` says quota is left: Yandex Market sends the
/// `X-RateLimit-Resource-*` headers on every answer of a limited method, and `-Until` is a
/// reason to wait only when the quota is spent.
fn quota_spent(headers: &HeaderMap) -> bool {
    header_str(headers, "x-ratelimit-resource-remaining")
        .and_then(|v| v.parse::<u64>().ok())
        .is_none_or(|n| n == 0)
}

impl Vendor for YmVendor {
    fn kind(&self) -> market_core::MarketplaceKind {
        market_core::MarketplaceKind::YandexMarket
    }

    fn authorize(&self, headers: &mut HeaderMap) -> Result<()> {
        let mut value = HeaderValue::from_str(self.api_key.expose_secret()).map_err(|_| {
            Error::Config("the Yandex Market API key is not a valid header value".into())
        })?;
        value.set_sensitive(true);
        headers.insert("api-key", value);
        Ok(())
    }

    fn account(&self) -> String {
        self.account.clone()
    }

    /// Two requests in flight per login, across all methods.
    fn account_rate_limit(&self) -> Option<RateLimit> {
        Some(RateLimit::per(u32::MAX, Duration::from_secs(1)).max_concurrent(PARALLEL_PER_LOGIN))
    }

    fn rate_limit(&self, group: &str) -> Option<RateLimit> {
        limits::limit(group, self.tier)
    }

    /// A 2xx is a success, except the answer of a read (an operationId `get...`) whose body says
    /// `"status": "ERROR"`: a 200 carrying Yandex Market's error shape is an error with
    /// Yandex Market's code and message, never a page without data.
    fn is_success(&self, op: &Operation, status: StatusCode, body: &[u8]) -> bool {
        status.is_success() && !(is_read(op) && crate::error::says_error(body))
    }

    /// HTTP 420 is Yandex Market's "quota spent", retried like a 429; a 2xx that says
    /// `ERROR` (see [`Vendor::is_success`]) is the server failing to give the data, and a
    /// read is safe to repeat.
    fn classify(&self, status: StatusCode, _: &HeaderMap, _: &[u8]) -> ApiErrorKind {
        if status.as_u16() == RATE_LIMITED {
            ApiErrorKind::RateLimited
        } else if status.is_success() {
            ApiErrorKind::Server
        } else {
            default_classify(status)
        }
    }

    /// Yandex Market's error body, read after the key is taken out of it: a message cut to a
    /// bounded length never keeps the first characters of a key echoed across the cut.
    fn error_details(&self, status: StatusCode, body: &[u8]) -> (Option<String>, String) {
        let secret = self.api_key.expose_secret();
        match std::str::from_utf8(body) {
            Ok(text) if !secret.is_empty() && text.contains(secret) => {
                crate::error::error_details(status, self.redact(text.to_owned()).as_bytes())
            }
            _ => crate::error::error_details(status, body),
        }
    }

    /// `X-RateLimit-Resource-Until` (when the quota is whole again) when the quota is spent,
    /// else `Retry-After`.
    fn retry_after(&self, headers: &HeaderMap) -> Option<Duration> {
        quota_spent(headers)
            .then(|| until(headers, Utc::now()))
            .flatten()
            .or_else(|| market_core::transport::retry_after(headers))
    }

    /// `X-RateLimit-Resource-Remaining` and `-Until`.
    fn rate_feedback(&self, headers: &HeaderMap) -> Option<RateFeedback> {
        let remaining =
            header_str(headers, "x-ratelimit-resource-remaining").and_then(|v| v.parse().ok());
        let reset_after = until(headers, Utc::now());
        // `-Limit` is the quota of a window whose length the headers do not give: the
        // documented quota (and tier) stays; `-Remaining` and `-Until` steer the limiter.
        (remaining.is_some() || reset_after.is_some()).then_some(RateFeedback {
            remaining,
            reset_after,
            ..RateFeedback::default()
        })
    }

    /// `X-Market-Request-Id` (else `X-Request-Id`), with the key taken out: a proxy or a
    /// firewall may echo it there, and the request id goes into errors and logs.
    fn request_id(&self, headers: &HeaderMap) -> Option<String> {
        header_str(headers, "x-market-request-id")
            .or_else(|| header_str(headers, "x-request-id"))
            .map(|id| self.redact(id))
    }

    fn redact(&self, text: String) -> String {
        redact_secret(text, &self.api_key)
    }

    fn max_body_bytes(&self) -> Option<usize> {
        Some(limits::MAX_BODY_BYTES)
    }
}

/// A client of the Yandex Market Partner API for one API key.
///
/// The key gives access to a business and its campaigns; methods take the
/// [`BusinessId`] or [`CampaignId`] they act on. [`Client::campaign`] binds one campaign
/// (and its business) for the [`market_core::Marketplace`] trait. Cheap to clone. `Debug`
/// never shows the key.
///
/// ```no_run
/// # async fn run() -> market_core::Result<()> {
/// use yandex_market_api::{BusinessId, CampaignId, Client};
/// let ym = Client::new("api-key")?;
/// let settings = ym.transport().base_url().as_str().to_owned();
/// let shop = ym.campaign(BusinessId(100), CampaignId(200));
/// # let _ = (settings, shop);
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Client {
    transport: Transport,
    account: String,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("yandex_market_api::Client")
            .field("account", &self.account)
            .field("base_url", &self.transport.base_url().as_str())
            .finish_non_exhaustive()
    }
}

impl Client {
    /// A production client with default settings.
    pub fn new(api_key: impl Into<String>) -> Result<Self> {
        Self::builder(api_key).build()
    }

    /// A builder.
    pub fn builder(api_key: impl Into<String>) -> ClientBuilder {
        ClientBuilder {
            api_key: SecretString::from(api_key.into()),
            tier: Tier::Base,
            settings: ClientSettings::new(),
        }
    }

    /// A builder from `YM_API_KEY`, with the shared settings of
    /// [`ClientSettings::from_env`]`("YM")` (`YM_BASE_URL`, `YM_ACCOUNT`); `None` without a
    /// key. The business and campaign come from [`ids_from_env`].
    pub fn from_env() -> Option<ClientBuilder> {
        let key = env_var(ENV_API_KEY)?;
        Some(Self::builder(key).settings(ClientSettings::from_env("YM")))
    }

    /// The account label (never the key).
    pub fn account(&self) -> &str {
        &self.account
    }

    /// The transport.
    pub fn transport(&self) -> &Transport {
        &self.transport
    }
}

/// `YM_BUSINESS_ID` and `YM_CAMPAIGN_ID`, when both are set; an error when one is not a
/// number.
pub fn ids_from_env() -> Result<Option<(BusinessId, CampaignId)>> {
    let read = |name: &str| -> Result<Option<i64>> {
        match std::env::var(name) {
            Ok(v) if !v.trim().is_empty() => v
                .trim()
                .parse()
                .map(Some)
                .map_err(|_| Error::Config(format!("{name} is not a number: {v:?}"))),
            _ => Ok(None),
        }
    };
    Ok(match (read(ENV_BUSINESS_ID)?, read(ENV_CAMPAIGN_ID)?) {
        (Some(b), Some(c)) => Some((BusinessId(b), CampaignId(c))),
        _ => None,
    })
}

/// Builds a [`Client`]: the API key, the cabinet's quota tier, and the settings every vendor
/// client shares ([`ClientSettings`]: server, account label, retries, timeouts, rate limits).
pub struct ClientBuilder {
    api_key: SecretString,
    tier: Tier,
    settings: ClientSettings,
}

/// The account label when none is set.
const DEFAULT_ACCOUNT: &str = "yandex-market";

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("yandex_market_api::ClientBuilder")
            .field(
                "account",
                &self.settings.account_label().unwrap_or(DEFAULT_ACCOUNT),
            )
            .field(
                "base_url",
                &self.settings.base_url_override().unwrap_or(PRODUCTION_URL),
            )
            .field("tier", &self.tier)
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    market_core::client_settings!();

    /// The cabinet's quota tier (default [`Tier::Base`]).
    pub fn tier(mut self, tier: Tier) -> Self {
        self.tier = tier;
        self
    }

    /// Builds the client.
    pub fn build(self) -> Result<Client> {
        if self.api_key.expose_secret().trim().is_empty() {
            return Err(Error::Config("the Yandex Market API key is empty".into()));
        }
        let account = self
            .settings
            .account_label()
            .unwrap_or(DEFAULT_ACCOUNT)
            .to_owned();
        let vendor = YmVendor {
            api_key: Arc::new(self.api_key),
            account: account.clone(),
            tier: self.tier,
        };
        let transport = self.settings.transport(
            vendor,
            PRODUCTION_URL,
            env!("CARGO_PKG_NAME"),
            env!("CARGO_PKG_VERSION"),
        )?;
        Ok(Client { transport, account })
    }
}

/// One campaign (shop) of a business, bound for the [`market_core::Marketplace`] trait:
/// catalogue and prices act on the business, stocks and orders on the campaign.
#[derive(Debug, Clone)]
pub struct CampaignClient {
    /// The client every call goes through (cheap to clone, shares the transport).
    pub client: Client,
    /// The business owning the campaign.
    pub business: BusinessId,
    /// The campaign (shop) stocks and orders act on; it belongs to [`Self::business`].
    pub campaign: CampaignId,
    /// Whether the trait's order reads include Yandex Market's test orders (`fake`), which
    /// are hidden otherwise; see [`CampaignClient::with_fake_orders`].
    pub fake_orders: bool,
    /// The campaign's warehouse ids, read once.
    pub(crate) warehouse_ids: Arc<tokio::sync::OnceCell<HashSet<String>>>,
}

impl CampaignClient {
    /// Includes test orders (made in the seller cabinet, `fake = true`) in the trait's order
    /// reads, after the real ones: Yandex Market has no sandbox, so this is how an
    /// integration is tried.
    pub fn with_fake_orders(mut self) -> Self {
        self.fake_orders = true;
        self
    }
}

impl Client {
    /// Binds one campaign of a business (for the [`market_core::Marketplace`] trait).
    pub fn campaign(&self, business: BusinessId, campaign: CampaignId) -> CampaignClient {
        CampaignClient {
            client: self.clone(),
            business,
            campaign,
            fake_orders: false,
            warehouse_ids: Arc::default(),
        }
    }
}

/// True for the operations that read data ([`crate::api::is_read_id`] of the `operationId`):
/// a 200 of theirs that says `ERROR` carries no data and is an error.
fn is_read(op: &Operation) -> bool {
    crate::api::is_read_id(crate::api::spec_id(op))
}
