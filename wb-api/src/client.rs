//! [`Client`] and [`ClientBuilder`]: the token, the host of each API section, transport settings.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use http::{HeaderMap, HeaderValue, StatusCode};
use market_core::client::{ClientSettings, env_var};
use market_core::transport::{
    RateFeedback, RateLimit, Transport, Vendor, header_str, redact_secret, seconds_header,
};
use market_core::{Error, Result};
use secrecy::{ExposeSecret, SecretString};

use crate::error::{
    PER_ITEM_409, error_details, is_envelope_refusal, is_error_shape, is_store_processing,
};
use crate::limits::TokenType;

/// A WB host: each API section is served from its own (`Client::transport` picks one).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Host {
    /// Cards, categories, dictionaries, media (`content-api`).
    Content,
    /// Prices and discounts (`discounts-prices-api`).
    Prices,
    /// FBS: seller warehouses, stocks, orders, supplies, stickers (`marketplace-api`).
    Marketplace,
    /// Buyer claims (returns) (`returns-api`).
    Returns,
    /// Statistics: orders and sales reports (`statistics-api`).
    Statistics,
    /// Analytics: the stock report of WB's warehouses (`seller-analytics-api`).
    Analytics,
    /// Tariffs, seller info, subscriptions, news (`common-api`).
    Common,
    /// The balance, sales and acquiring reports (`finance-api`).
    Finance,
    /// Accounting documents (`documents-api`).
    Documents,
    /// The seller's rating (`feedbacks-api`).
    Feedbacks,
    /// Users of the seller account and their access (`user-management-api`).
    UserManagement,
    /// FBW supplies to WB's warehouses (`supplies-api`).
    Supplies,
    /// Advertising campaigns (`advert-api`).
    Advert,
    /// Media campaigns (`advert-media-api`).
    AdvertMedia,
    /// The promotions calendar (`dp-calendar-api`).
    Calendar,
    /// Chats with buyers (`buyer-chat-api`).
    BuyerChat,
}

/// How many hosts WB has ([`Host::ALL`]).
const HOSTS: usize = 16;

impl Host {
    /// Every section.
    pub const ALL: [Host; HOSTS] = [
        Self::Content,
        Self::Prices,
        Self::Marketplace,
        Self::Returns,
        Self::Statistics,
        Self::Analytics,
        Self::Common,
        Self::Finance,
        Self::Documents,
        Self::Feedbacks,
        Self::UserManagement,
        Self::Supplies,
        Self::Advert,
        Self::AdvertMedia,
        Self::Calendar,
        Self::BuyerChat,
    ];

    /// The production host.
    pub fn production_url(self) -> &'static str {
        match self {
            Self::Content => "https://content-api.wildberries.ru",
            Self::Prices => "https://discounts-prices-api.wildberries.ru",
            Self::Marketplace => "https://marketplace-api.wildberries.ru",
            Self::Returns => "https://returns-api.wildberries.ru",
            Self::Statistics => "https://statistics-api.wildberries.ru",
            Self::Analytics => "https://seller-analytics-api.wildberries.ru",
            Self::Common => "https://common-api.wildberries.ru",
            Self::Finance => "https://finance-api.wildberries.ru",
            Self::Documents => "https://documents-api.wildberries.ru",
            Self::Feedbacks => "https://feedbacks-api.wildberries.ru",
            Self::UserManagement => "https://user-management-api.wildberries.ru",
            Self::Supplies => "https://supplies-api.wildberries.ru",
            Self::Advert => "https://advert-api.wildberries.ru",
            Self::AdvertMedia => "https://advert-media-api.wildberries.ru",
            Self::Calendar => "https://dp-calendar-api.wildberries.ru",
            Self::BuyerChat => "https://buyer-chat-api.wildberries.ru",
        }
    }

    /// WB's sandbox host, where WB has one (content, prices, statistics).
    pub fn sandbox_url(self) -> Option<&'static str> {
        match self {
            Self::Content => Some("https://content-api-sandbox.wildberries.ru"),
            Self::Prices => Some("https://discounts-prices-api-sandbox.wildberries.ru"),
            Self::Statistics => Some("https://statistics-api-sandbox.wildberries.ru"),
            Self::Marketplace
            | Self::Returns
            | Self::Analytics
            | Self::Common
            | Self::Finance
            | Self::Documents
            | Self::Feedbacks
            | Self::UserManagement
            | Self::Supplies
            | Self::Advert
            | Self::AdvertMedia
            | Self::Calendar
            | Self::BuyerChat => None,
        }
    }

    fn index(self) -> usize {
        match self {
            Self::Content => 0,
            Self::Prices => 1,
            Self::Marketplace => 2,
            Self::Returns => 3,
            Self::Statistics => 4,
            Self::Analytics => 5,
            Self::Common => 6,
            Self::Finance => 7,
            Self::Documents => 8,
            Self::Feedbacks => 9,
            Self::UserManagement => 10,
            Self::Supplies => 11,
            Self::Advert => 12,
            Self::AdvertMedia => 13,
            Self::Calendar => 14,
            Self::BuyerChat => 15,
        }
    }
}

/// The environment variable holding the token.
pub const ENV_TOKEN: &str = "WB_API_TOKEN";
/// The environment variable aiming every host at one base URL (an emulator, a proxy).
pub const ENV_BASE_URL: &str = "WB_BASE_URL";
/// The account label when none is set.
pub const DEFAULT_ACCOUNT: &str = "wb";

/// The WB side of the transport: auth header, limits, error shapes, rate-limit headers.
#[derive(Clone)]
pub(crate) struct WbVendor {
    token: Arc<SecretString>,
    account: String,
    token_type: TokenType,
}

impl fmt::Debug for WbVendor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("WbVendor")
            .field("account", &self.account)
            .field("token_type", &self.token_type)
            .field("token", &"[REDACTED]")
            .finish()
    }
}

impl Vendor for WbVendor {
    fn kind(&self) -> market_core::MarketplaceKind {
        market_core::MarketplaceKind::Wildberries
    }

    fn is_success(
        &self,
        op: &market_core::transport::Operation,
        status: StatusCode,
        body: &[u8],
    ) -> bool {
        if status.is_success() {
            // A read answered 200 with WB's error shape instead of its data is an error,
            // never an empty page.
            return !(is_read(op) && is_error_shape(body));
        }
        status == StatusCode::CONFLICT
            && PER_ITEM_409.contains(&op.name)
            && !is_store_processing(body)
    }

    /// 409 `StoreIsProcessing` is [`ApiErrorKind::Busy`](market_core::ApiErrorKind::Busy):
    /// retried after a pause; anything else as usual.
    fn classify(
        &self,
        status: StatusCode,
        headers: &HeaderMap,
        body: &[u8],
    ) -> market_core::ApiErrorKind {
        let _ = headers;
        if status.is_success() {
            // A 2xx read carrying an error shape. WB's envelope `{"error": true, ...}` is its
            // documented refusal of the request as sent; any other shape means the server (or
            // something in the path) failed to give the data, and a read may be repeated.
            return if is_envelope_refusal(body) {
                market_core::ApiErrorKind::BadRequest
            } else {
                market_core::ApiErrorKind::Server
            };
        }
        if status == StatusCode::CONFLICT && is_store_processing(body) {
            return market_core::ApiErrorKind::Busy;
        }
        market_core::transport::default_classify(status)
    }

    /// WB counts a 4XX answer as 10 requests in the sections that say so.
    fn refusal_cost(&self, op: &market_core::transport::Operation, status: StatusCode) -> u32 {
        crate::limits::refusal_cost(op.limit_group, status)
    }

    fn account_rate_limit(&self) -> Option<RateLimit> {
        crate::limits::account_limit(self.token_type)
    }

    fn authorize(&self, headers: &mut HeaderMap) -> Result<()> {
        let mut value = HeaderValue::from_str(self.token.expose_secret())
            .map_err(|_| Error::Config("the WB token is not a valid header value".into()))?;
        value.set_sensitive(true);
        headers.insert(http::header::AUTHORIZATION, value);
        Ok(())
    }

    fn account(&self) -> String {
        self.account.clone()
    }

    fn rate_limit(&self, group: &str) -> Option<RateLimit> {
        crate::limits::limit(group, self.token_type)
    }

    /// WB's code and message, read from the body with the token already removed, so that
    /// no excerpt cut from it keeps a piece of the token.
    fn error_details(&self, status: StatusCode, body: &[u8]) -> (Option<String>, String) {
        let body = self.redact_body(body);
        error_details(status, &body)
    }

    /// `X-Ratelimit-Retry` (seconds to wait after a 429), else `Retry-After`.
    fn retry_after(&self, headers: &HeaderMap) -> Option<Duration> {
        seconds_header(headers, "x-ratelimit-retry")
            .or_else(|| market_core::transport::retry_after(headers))
    }

    /// `X-Ratelimit-Remaining`, `X-Ratelimit-Reset` (seconds until the quota is whole) and
    /// `X-Ratelimit-Limit` (the bucket's size: the group's burst).
    fn rate_feedback(&self, headers: &HeaderMap) -> Option<RateFeedback> {
        let remaining = header_str(headers, "x-ratelimit-remaining").and_then(|v| v.parse().ok());
        let reset_after = seconds_header(headers, "x-ratelimit-reset");
        // WB counts by token bucket: its limit header is the bucket's size (the burst).
        let limit_burst = header_str(headers, "x-ratelimit-limit")
            .and_then(|v| v.parse().ok())
            .filter(|n| *n > 0);
        (remaining.is_some() || reset_after.is_some() || limit_burst.is_some()).then_some(
            RateFeedback {
                remaining,
                reset_after,
                limit_burst,
                ..RateFeedback::default()
            },
        )
    }

    /// The body's `requestId`, without the token should a server or proxy echo it there.
    fn body_request_id(&self, body: &[u8]) -> Option<String> {
        let v: serde_json::Value = serde_json::from_slice(body).ok()?;
        let id = v.get("requestId")?.as_str()?;
        Some(self.redact(id.to_owned()))
    }

    /// `X-Request-Id`, without the token should a server or proxy echo it there.
    fn request_id(&self, headers: &HeaderMap) -> Option<String> {
        header_str(headers, "x-request-id").map(|id| self.redact(id))
    }

    fn redact(&self, text: String) -> String {
        redact_secret(text, &self.token)
    }
}

impl WbVendor {
    /// The body with every occurrence of the token replaced (bodies that are not UTF-8 are
    /// read lossily: an error message is text).
    fn redact_body(&self, body: &[u8]) -> Vec<u8> {
        let text = String::from_utf8_lossy(body);
        if !text.contains(self.token.expose_secret()) {
            return body.to_vec();
        }
        redact_secret(text.into_owned(), &self.token).into_bytes()
    }
}

/// The names of the operations that read data: [`crate::api::READS`] and every generated
/// operation WB marks read-only ([`crate::generated::OPERATIONS`] that are idempotent). A
/// 200 of theirs must carry the data. A set, built once: the lookup is on every success.
static READ_NAMES: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| {
        crate::api::READS
            .iter()
            .map(|op| op.name)
            .chain(
                crate::generated::OPERATIONS
                    .iter()
                    .filter(|op| op.idempotent)
                    .map(|op| op.name),
            )
            .collect()
    });

/// True for the operations that read data ([`READ_NAMES`]): a 200 of theirs must carry it.
fn is_read(op: &market_core::transport::Operation) -> bool {
    READ_NAMES.contains(op.name)
}

/// A client of the Wildberries seller APIs for one seller account (one token).
///
/// Each API section has its own host; all share one connection pool and one set of rate
/// limiters. Cheap to clone. `Debug` never shows the token.
///
/// ```no_run
/// # async fn run() -> market_core::Result<()> {
/// let wb = wb_api::Client::new("token")?;
/// let warehouses = wb.warehouses().list().await?;
/// # let _ = warehouses;
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Client {
    transports: Arc<[Transport; HOSTS]>,
    /// The seller's articles and barcodes by nmID, read from the cards list on demand (the
    /// trait's prices are keyed by the seller's ids; WB's by nmID).
    pub(crate) card_index: Arc<std::sync::Mutex<Option<crate::marketplace::CardIndex>>>,
    account: String,
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hosts: Vec<&str> = self
            .transports
            .iter()
            .map(|t| t.base_url().as_str())
            .collect();
        f.debug_struct("wb_api::Client")
            .field("account", &self.account)
            .field("hosts", &hosts)
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
            settings: ClientSettings::new(),
            hosts: Default::default(),
            token_type: TokenType::default(),
        }
    }

    /// A builder from `WB_API_TOKEN`, with the shared settings of the environment
    /// (`WB_BASE_URL` for every host, `WB_ACCOUNT`); `None` without a token.
    pub fn from_env() -> Option<ClientBuilder> {
        let token = env_var(ENV_TOKEN)?;
        Some(Self::builder(token).settings(ClientSettings::from_env("WB")))
    }

    /// The account label (never the token).
    pub fn account(&self) -> &str {
        &self.account
    }

    /// The transport of a host.
    pub fn transport(&self, host: Host) -> &Transport {
        &self.transports[host.index()]
    }
}

/// Builds a [`Client`]: the token, the token type, a host per section, and the settings every
/// vendor client shares ([`ClientSettings`]).
pub struct ClientBuilder {
    token: SecretString,
    settings: ClientSettings,
    /// Hosts set one by one ([`ClientBuilder::host_url`], [`ClientBuilder::sandbox`]): they
    /// win over the settings' base URL, which wins over the production host.
    hosts: [Option<String>; HOSTS],
    token_type: TokenType,
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("wb_api::ClientBuilder")
            .field("settings", &self.settings)
            .field("urls", &self.urls())
            .finish_non_exhaustive()
    }
}

impl ClientBuilder {
    market_core::client_settings!();

    /// Aims one host at a URL (an emulator, a proxy); it wins over
    /// [`base_url`](Self::base_url).
    pub fn host_url(mut self, host: Host, url: impl Into<String>) -> Self {
        self.hosts[host.index()] = Some(url.into());
        self
    }

    /// Uses WB's sandbox hosts where WB has them (content, prices, statistics; a sandbox token
    /// is needed). Marketplace and returns keep their hosts.
    pub fn sandbox(mut self) -> Self {
        for host in Host::ALL {
            if let Some(url) = host.sandbox_url() {
                self.hosts[host.index()] = Some(url.to_owned());
            }
        }
        self
    }

    /// The kind of token the client holds (default [`TokenType::Personal`]): it picks WB's
    /// limit row of each method ([`crate::limits`]). A base token has much lower limits on
    /// many methods (2 an hour on some content methods); the sandbox's test token
    /// ([`TokenType::Test`]) reads the personal rows and sends at most one request a second
    /// for the whole account, as WB's sandbox allows.
    pub fn token_type(mut self, token_type: TokenType) -> Self {
        self.token_type = token_type;
        self
    }

    /// The URL of each host, in [`Host::ALL`] order.
    fn urls(&self) -> [String; HOSTS] {
        Host::ALL.map(|host| match &self.hosts[host.index()] {
            Some(url) => url.clone(),
            None => self
                .settings
                .base_url_override()
                .unwrap_or(host.production_url())
                .to_owned(),
        })
    }

    /// Builds the client.
    pub fn build(self) -> Result<Client> {
        if self.token.expose_secret().trim().is_empty() {
            return Err(Error::Config("the WB token is empty".into()));
        }
        let account = self
            .settings
            .account_label()
            .unwrap_or(DEFAULT_ACCOUNT)
            .to_owned();
        let urls = self.urls();
        let vendor = WbVendor {
            token: Arc::new(self.token),
            account: account.clone(),
            token_type: self.token_type,
        };
        let urls: Vec<&str> = urls.iter().map(String::as_str).collect();
        let transports = self.settings.transports(
            vendor,
            &urls,
            env!("CARGO_PKG_NAME"),
            env!("CARGO_PKG_VERSION"),
        )?;
        let transports: [Transport; HOSTS] = transports
            .try_into()
            .map_err(|_| Error::Config("one transport per WB host was not built".into()))?;
        Ok(Client {
            transports: Arc::new(transports),
            card_index: Arc::default(),
            account,
        })
    }
}
