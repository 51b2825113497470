//! [`Client`] and [`ClientBuilder`]: the account's address, the API key, transport settings;
//! the RetailCRM side of the transport (`X-API-KEY`, the error body, 503 as over quota, HTTP
//! 460 partial batch failures).

use std::fmt;
use std::sync::Arc;

use http::{HeaderMap, HeaderValue, StatusCode};
use market_core::client::{ClientSettings, env_var};
use market_core::transport::{
    Operation, RateLimit, Transport, Vendor, default_classify, redact_secret,
};
use market_core::{ApiErrorKind, Error, MarketplaceKind, Result};
use secrecy::{ExposeSecret, SecretString};

use crate::limits;

/// The environment variable holding the API key.
pub const ENV_API_KEY: &str = "RETAILCRM_API_KEY";
/// The environment variable holding the account: its subdomain (`myshop` for
/// `https://myshop.retailcrm.ru`) or its full address (`https://myshop.simla.com`).
pub const ENV_URL: &str = "RETAILCRM_URL";
/// The prefix of the shared settings' variables (`RETAILCRM_BASE_URL`, `RETAILCRM_ACCOUNT`).
pub const ENV_PREFIX: &str = "RETAILCRM";

/// The HTTP status of a batch upload that saved some items and refused others.
pub const PARTIAL_FAILURE: u16 = 460;

/// The RetailCRM side of the transport.
#[derive(Clone)]
pub(crate) struct RcVendor {
    api_key: Arc<SecretString>,
    account: String,
}

impl fmt::Debug for RcVendor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RcVendor")
            .field("account", &self.account)
            .field("api_key", &"[REDACTED]")
            .finish()
    }
}

impl Vendor for RcVendor {
    fn kind(&self) -> MarketplaceKind {
        MarketplaceKind::RetailCrm
    }

    fn authorize(&self, headers: &mut HeaderMap) -> Result<()> {
        let mut value = HeaderValue::from_str(self.api_key.expose_secret()).map_err(|_| {
            Error::Config("the RetailCRM API key is not a valid header value".into())
        })?;
        value.set_sensitive(true);
        headers.insert("x-api-key", value);
        Ok(())
    }

    fn account(&self) -> String {
        self.account.clone()
    }

    fn rate_limit(&self, group: &str) -> Option<RateLimit> {
        limits::limit(group)
    }

    /// A 2xx is a success unless its body says `"success": false`; HTTP 460 is the answer of
    /// a batch upload that saved part of its items, read by the method as per-item outcomes.
    fn is_success(&self, op: &Operation, status: StatusCode, body: &[u8]) -> bool {
        if status.as_u16() == PARTIAL_FAILURE {
            return crate::api::PARTIAL_UPLOADS.contains(&op.name);
        }
        status.is_success() && !crate::error::says_failure(body)
    }

    /// 503 (and 429) is RetailCRM's "over the request limit", with no hint of how long to
    /// wait: refused unprocessed, retried after a backoff. A 2xx saying `success: false` is
    /// a refusal of the request as sent.
    fn classify(&self, status: StatusCode, _: &HeaderMap, _: &[u8]) -> ApiErrorKind {
        match status.as_u16() {
            503 | 429 => ApiErrorKind::RateLimited,
            s if (200..300).contains(&s) => ApiErrorKind::BadRequest,
            _ => default_classify(status),
        }
    }

    fn error_details(&self, status: StatusCode, body: &[u8]) -> (Option<String>, String) {
        crate::error::error_details(status, body)
    }

    fn field_errors(&self, _status: StatusCode, body: &[u8]) -> Vec<market_core::FieldError> {
        crate::error::field_errors(body)
    }

    fn redact(&self, text: String) -> String {
        redact_secret(text, &self.api_key)
    }
}

/// The production address of an account: `https://<account>.retailcrm.ru` for a bare
/// subdomain; a full `http(s)://` address is used as is.
pub fn account_url(account: &str) -> Result<String> {
    let account = account.trim();
    if account.contains("://") {
        return Ok(account.to_owned());
    }
    let valid = !account.is_empty()
        && account.len() <= 63
        && account
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-')
        && !account.starts_with('-')
        && !account.ends_with('-');
    if !valid {
        return Err(Error::Config(format!(
            "{account:?} is not a RetailCRM account: give its subdomain (myshop) or its address (https://myshop.retailcrm.ru)"
        )));
    }
    Ok(format!(
        "https://{}.retailcrm.ru",
        account.to_ascii_lowercase()
    ))
}

/// A client of one RetailCRM account (one API key). Cheap to clone. `Debug` never shows the
/// key, nor does any error: a key the server echoes is replaced by `[REDACTED]`.
///
/// ```
/// let crm = retailcrm_api::Client::new("myshop", "api-key")?;
/// assert_eq!(crm.transport().base_url().as_str(), "https://myshop.retailcrm.ru/");
/// assert!(!format!("{crm:?}").contains("api-key"));
/// # Ok::<(), retailcrm_api::Error>(())
/// ```
#[derive(Clone)]
pub struct Client {
    pub(crate) transport: Transport,
    account: String,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("retailcrm_api::Client")
            .field("account", &self.account)
            .field("base_url", &self.transport.base_url().as_str())
            .finish_non_exhaustive()
    }
}

impl Client {
    /// A client of `account` (its subdomain, or its full address) with default settings.
    pub fn new(account: impl Into<String>, api_key: impl Into<String>) -> Result<Self> {
        Self::builder(account, api_key).build()
    }

    /// A builder for `account` (its subdomain, or its full address).
    pub fn builder(account: impl Into<String>, api_key: impl Into<String>) -> ClientBuilder {
        ClientBuilder {
            crm: account.into(),
            api_key: SecretString::from(api_key.into()),
            settings: ClientSettings::new(),
        }
    }

    /// A builder from `RETAILCRM_URL` and `RETAILCRM_API_KEY` (then `RETAILCRM_BASE_URL`,
    /// `RETAILCRM_ACCOUNT` for the shared settings); `None` unless both are set.
    pub fn from_env() -> Option<ClientBuilder> {
        let key = env_var(ENV_API_KEY)?;
        let url = env_var(ENV_URL)?;
        Some(Self::builder(url, key).settings(ClientSettings::from_env(ENV_PREFIX)))
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

/// Builds a [`Client`]: the account and key, plus the shared settings of every vendor client.
pub struct ClientBuilder {
    crm: String,
    api_key: SecretString,
    settings: ClientSettings,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("retailcrm_api::ClientBuilder")
            .field("crm", &self.crm)
            .field("settings", &self.settings)
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    market_core::client_settings!();

    /// Builds the client. Fails on an empty key or an account that is neither a subdomain
    /// nor an address.
    pub fn build(self) -> Result<Client> {
        if self.api_key.expose_secret().trim().is_empty() {
            return Err(Error::Config("the RetailCRM API key is empty".into()));
        }
        let default_url = account_url(&self.crm)?;
        let account = match self.settings.account_label() {
            Some(label) => label.to_owned(),
            None => url::Url::parse(&default_url)
                .ok()
                .and_then(|u| u.host_str().map(str::to_owned))
                .unwrap_or_else(|| MarketplaceKind::RetailCrm.name().to_owned()),
        };
        let vendor = RcVendor {
            api_key: Arc::new(self.api_key),
            account: account.clone(),
        };
        let transport = self.settings.transport(
            vendor,
            &default_url,
            env!("CARGO_PKG_NAME"),
            env!("CARGO_PKG_VERSION"),
        )?;
        Ok(Client { transport, account })
    }
}
