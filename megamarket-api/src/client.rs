//! [`Client`] and [`ClientBuilder`]: the token, the host, transport settings; the Megamarket
//! side of the transport (the envelope verdict, redaction of the token).

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use http::{HeaderMap, StatusCode};
use market_core::client::{ClientSettings, env_var};
use market_core::transport::{
    Operation, RateLimit, Transport, Vendor, default_classify, redact_secret,
};
use market_core::{ApiErrorKind, Error, MarketplaceKind, Result};
use secrecy::{ExposeSecret, SecretString};
use serde::Serialize;

use crate::feed::FeedTarget;
use crate::ids::MerchantId;
use crate::limits::Quotas;
use crate::models::common::Envelope;

/// The production host.
pub const PRODUCTION_URL: &str = "https://api.megamarket.tech";
/// Megamarket's test host (an account there is opened by Megamarket's support).
pub const TEST_URL: &str = "https://api-test.megamarket.tech";

/// The environment variable holding the API token.
pub const ENV_TOKEN: &str = "MEGAMARKET_TOKEN";
/// The environment variable holding the merchant id (optional: box codes need it).
pub const ENV_MERCHANT_ID: &str = "MEGAMARKET_MERCHANT_ID";
/// The prefix of the shared settings' variables (`MEGAMARKET_BASE_URL`,
/// `MEGAMARKET_ACCOUNT`).
pub const ENV_PREFIX: &str = "MEGAMARKET";

/// The Megamarket side of the transport.
#[derive(Clone)]
pub(crate) struct MmVendor {
    token: Arc<SecretString>,
    account: String,
    quotas: Arc<Quotas>,
}

impl fmt::Debug for MmVendor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MmVendor")
            .field("account", &self.account)
            .field("token", &"[REDACTED]")
            .finish()
    }
}

impl Vendor for MmVendor {
    fn kind(&self) -> MarketplaceKind {
        MarketplaceKind::Megamarket
    }

    /// Nothing: the token travels in the body (`data.token`), not in a header.
    fn authorize(&self, _: &mut HeaderMap) -> Result<()> {
        Ok(())
    }

    fn account(&self) -> String {
        self.account.clone()
    }

    fn account_rate_limit(&self) -> Option<RateLimit> {
        Some(
            RateLimit::per(u32::MAX, Duration::from_secs(1))
                .max_concurrent(self.quotas.parallel.max(1)),
        )
    }

    fn rate_limit(&self, group: &str) -> Option<RateLimit> {
        self.quotas.limit(group)
    }

    /// A 2xx whose envelope does not say `success: 1`, or whose `data.result` is there and
    /// is not 1, is a failure: Megamarket answers 200 to failed calls. A 2xx that is not a
    /// JSON object (the PDF of `sticker/print`) is a success.
    fn is_success(&self, _: &Operation, status: StatusCode, body: &[u8]) -> bool {
        status.is_success() && !crate::error::verdict(body).is_some_and(|v| v.failed())
    }

    /// A refusal in a 200 (`success: 0`, or `data.result` not 1) is a bad request, never
    /// retried: the call was processed and refused. A 200 whose JSON carries no verdict at
    /// all (`{}`, a proxy's page) is the server failing to answer, retried where the
    /// operation allows it; so is HTTP 408, a server-side timeout.
    fn classify(&self, status: StatusCode, _: &HeaderMap, body: &[u8]) -> ApiErrorKind {
        match status.as_u16() {
            408 => ApiErrorKind::Server,
            s if (200..300).contains(&s) => match crate::error::verdict(body) {
                Some(v) if v.success.is_none() && v.errors.is_empty() => ApiErrorKind::Server,
                _ => ApiErrorKind::BadRequest,
            },
            _ => default_classify(status),
        }
    }

    /// The envelope's errors (the body already has the token taken out by the transport).
    fn error_details(&self, status: StatusCode, body: &[u8]) -> (Option<String>, String) {
        crate::error::error_details(status, body)
    }

    fn redact(&self, text: String) -> String {
        redact_secret(text, &self.token)
    }
}

/// A client of the Megamarket merchant API for one token.
///
/// Every call is a `POST` of the envelope `{"meta": {}, "data": {"token": ..., ...}}`; the
/// token is kept as a secret and never shows in `Debug`, logs or errors. Cheap to clone.
///
/// ```no_run
/// # async fn run() -> market_core::Result<()> {
/// use megamarket_api::{Client, MerchantId};
/// let mm = Client::builder("token").merchant_id(MerchantId(12345)).build()?;
/// let shipments = mm.order_get(&["900000000001".into()]).await?;
/// # let _ = shipments;
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Client {
    pub(crate) transport: Transport,
    token: Arc<SecretString>,
    account: String,
    merchant_id: Option<MerchantId>,
    pub(crate) quotas: Arc<Quotas>,
    pub(crate) feed: Option<Arc<FeedTarget>>,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("megamarket_api::Client")
            .field("account", &self.account)
            .field("merchant_id", &self.merchant_id)
            .field("feed", &self.feed.as_ref().map(|f| f.path()))
            .field("base_url", &self.transport.base_url().as_str())
            .finish_non_exhaustive()
    }
}

impl Client {
    /// A production client with default settings.
    pub fn new(token: impl Into<String>) -> Result<Self> {
        Self::builder(token).build()
    }

    /// A builder.
    pub fn builder(token: impl Into<String>) -> ClientBuilder {
        ClientBuilder {
            token: SecretString::from(token.into()),
            merchant_id: None,
            quotas: Quotas::default(),
            feed: None,
            settings: ClientSettings::new(),
        }
    }

    /// A builder from `MEGAMARKET_TOKEN` (and `MEGAMARKET_MERCHANT_ID`,
    /// `MEGAMARKET_BASE_URL`, `MEGAMARKET_ACCOUNT`); `None` without a token. A merchant id
    /// that is not a number is left out (box codes then need [`ClientBuilder::merchant_id`]).
    pub fn from_env() -> Option<ClientBuilder> {
        let token = env_var(ENV_TOKEN)?;
        let mut b = Self::builder(token).settings(ClientSettings::from_env(ENV_PREFIX));
        if let Some(id) = env_var(ENV_MERCHANT_ID).and_then(|v| v.parse::<i64>().ok()) {
            b = b.merchant_id(MerchantId(id));
        }
        Some(b)
    }

    /// The account label (never the token).
    pub fn account(&self) -> &str {
        &self.account
    }

    /// The merchant id, when set.
    pub fn merchant_id(&self) -> Option<MerchantId> {
        self.merchant_id
    }

    /// Where `publish_cards` writes the catalogue feed, when set.
    pub fn feed_target(&self) -> Option<&FeedTarget> {
        self.feed.as_deref()
    }

    /// The limits the client keeps to.
    pub fn quotas(&self) -> &Quotas {
        &self.quotas
    }

    /// The transport.
    pub fn transport(&self) -> &Transport {
        &self.transport
    }

    /// The request envelope of `data`, the token added to it.
    pub(crate) fn envelope<'a, T: Serialize>(&'a self, data: &'a T) -> Envelope<'a, T> {
        Envelope::new(self.token.expose_secret(), data)
    }

    /// Calls `op` with `data` in the envelope and decodes the answer's envelope.
    pub(crate) async fn call<T, R>(&self, op: &'static Operation, data: &T) -> Result<R>
    where
        T: Serialize,
        R: serde::de::DeserializeOwned,
    {
        let request = op.request().json(&self.envelope(data))?;
        let answer: crate::models::common::Answer<R> = self.transport.json(request).await?;
        Ok(answer.data)
    }
}

/// Builds a [`Client`].
pub struct ClientBuilder {
    token: SecretString,
    merchant_id: Option<MerchantId>,
    quotas: Quotas,
    feed: Option<FeedTarget>,
    settings: ClientSettings,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("megamarket_api::ClientBuilder")
            .field("merchant_id", &self.merchant_id)
            .field("settings", &self.settings)
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    market_core::client_settings!();

    /// The seller's merchant id: box codes (`<merchantId>*<orderCode>*<n>`) are made from it
    /// when the trait packs an order.
    pub fn merchant_id(mut self, id: MerchantId) -> Self {
        self.merchant_id = Some(id);
        self
    }

    /// The limits to keep to (all chosen defaults: Megamarket publishes none).
    pub fn quotas(mut self, quotas: Quotas) -> Self {
        self.quotas = quotas;
        self
    }

    /// Where [`crate::Marketplace::publish_cards`] writes the catalogue feed (Megamarket
    /// takes cards as a YML feed the seller hosts, not through the API); with it the client
    /// claims [`market_core::Capability::Cards`].
    pub fn feed(mut self, target: FeedTarget) -> Self {
        self.feed = Some(target);
        self
    }

    /// Builds the client.
    pub fn build(self) -> Result<Client> {
        if self.token.expose_secret().trim().is_empty() {
            return Err(Error::Config("the Megamarket token is empty".into()));
        }
        let token = Arc::new(self.token);
        let quotas = Arc::new(self.quotas);
        let account = self
            .settings
            .account_label()
            .unwrap_or(MarketplaceKind::Megamarket.name())
            .to_owned();
        let vendor = MmVendor {
            token: Arc::clone(&token),
            account: account.clone(),
            quotas: Arc::clone(&quotas),
        };
        let transport = self.settings.transport(
            vendor,
            PRODUCTION_URL,
            env!("CARGO_PKG_NAME"),
            env!("CARGO_PKG_VERSION"),
        )?;
        Ok(Client {
            transport,
            token,
            account,
            merchant_id: self.merchant_id,
            quotas,
            feed: self.feed.map(Arc::new),
        })
    }
}
