//! One resilient HTTP transport shared by every vendor crate.
//!
//! A vendor crate implements [`Vendor`] (its name, auth headers, error shape, rate-limit
//! headers), declares each endpoint once as an [`Operation`], and calls
//! [`Transport::json`] or [`Transport::send`]. The transport then:
//!
//! - waits for the (account, limit group) rate limiter, counting requests or items;
//! - sends over one pooled `reqwest::Client` (rustls, gzip, timeouts, a User-Agent naming the
//!   vendor crate and market-core);
//! - classifies the answer through the vendor hook and retries 429/5xx/connection failures with
//!   exponential backoff and full jitter, honouring `Retry-After` and vendor hints, bounded by
//!   attempts and total time, and never repeating a non-idempotent operation the server may
//!   have seen;
//! - counts every wait (the limiters' and the server's hints, each bounded) against the call's
//!   budget ([`RetryPolicy::max_elapsed`]): a wait that would overrun it fails at once with an
//!   over-quota [`ApiError`] saying when to try again, instead of sleeping;
//! - reads at most the operation's [`Operation::max_response_bytes`] of a body (counted after
//!   decompression), and sends an idempotent read once more when its body is cut;
//! - decodes JSON naming the offending field, and records a `tracing` span per call and per
//!   attempt; request ids and quoted bodies pass through [`Vendor::redact`] first.

mod operation;
mod rate_limit;
mod retry;

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use http::{HeaderMap, HeaderName, HeaderValue, StatusCode};
use serde::Serialize;
use serde::de::DeserializeOwned;
use tokio::time::Instant;
use tracing::Instrument;
use url::Url;

pub use operation::{DEFAULT_MAX_RESPONSE_BYTES, Operation};
pub use rate_limit::{LimitRegistry, MAX_PAUSE, QuotaUnit, RateFeedback, RateLimit, TokioClock};
pub use retry::{MAX_RETRY_AFTER, RetryPolicy, parse_retry_after, retry_after, seconds_header};

use crate::error::{ApiError, ApiErrorKind, Error, Result, excerpt, redacted_excerpt};
use crate::model::MarketplaceKind;

/// The limit group name under which [`Vendor::account_rate_limit`] is kept.
pub const ACCOUNT_GROUP: &str = "__account__";

/// The most bytes of a body quoted in an error.
pub const EXCERPT_LEN: usize = 512;

/// What a vendor crate tells the transport about its vendor.
///
/// Only [`Vendor::kind`] and [`Vendor::authorize`] are required; the defaults fit a vendor that
/// answers 429 when over quota, sends `Retry-After`, and puts a JSON `message` in error bodies.
pub trait Vendor: fmt::Debug + Send + Sync + 'static {
    /// Which marketplace this is; its [`MarketplaceKind::name`] names the vendor in errors and
    /// logs, the same name orders carry.
    fn kind(&self) -> MarketplaceKind;

    /// The vendor's name in logs and errors: [`MarketplaceKind::name`] of [`Vendor::kind`]. A
    /// vendor of kind [`MarketplaceKind::Other`] overrides it with its own static name.
    fn name(&self) -> &'static str {
        self.kind().name()
    }

    /// Adds the vendor's auth headers to a request. Mark secret values with
    /// [`HeaderValue::set_sensitive`] so that they never appear in `Debug` output.
    fn authorize(&self, headers: &mut HeaderMap) -> Result<()>;

    /// An account label for the rate limiter (never a secret): requests of the same account
    /// share its quota. Defaults to the vendor name.
    fn account(&self) -> String {
        self.name().to_owned()
    }

    /// A quota over every request of the account, on top of the group's (Ozon: 50 requests a
    /// second across all methods). `None` means none.
    fn account_rate_limit(&self) -> Option<RateLimit> {
        None
    }

    /// The documented quota of a limit group; `None` means unlimited.
    fn rate_limit(&self, group: &str) -> Option<RateLimit> {
        let _ = group;
        None
    }

    /// Extra quota units charged to `op`'s limit group when the server refuses a request with
    /// this (non-success) `status`, on top of the request itself. WB counts "one request with a
    /// 4XX response code as 10 requests": its hook answers 9 for those. The limiter takes the
    /// extra units before the group's next request, so a run of refusals slows down instead of
    /// ending in over-quota answers. Defaults to none.
    fn refusal_cost(&self, op: &Operation, status: StatusCode) -> u32 {
        let _ = (op, status);
        0
    }

    /// How long to wait before repeating a request refused as [`ApiErrorKind::Busy`] when the
    /// server gives no hint. Defaults to 2 s. The transport bounds it by [`MAX_PAUSE`].
    fn busy_delay(&self) -> Duration {
        Duration::from_secs(2)
    }

    /// True when `status` (with this body) is a success for `op`. Defaults to 2xx.
    fn is_success(&self, op: &Operation, status: StatusCode, body: &[u8]) -> bool {
        let _ = (op, body);
        status.is_success()
    }

    /// Classifies an error answer. The default: 429 over quota, 5xx server error, 401/403/
    /// 404/409 by name, any other status a bad request.
    fn classify(&self, status: StatusCode, headers: &HeaderMap, body: &[u8]) -> ApiErrorKind {
        let _ = (headers, body);
        default_classify(status)
    }

    /// The vendor's error code and message from an error body. The default reads a JSON
    /// object's `code` and `message` (or `error`, `errorMessage`, `detail`, `title`), or quotes
    /// the body.
    fn error_details(&self, status: StatusCode, body: &[u8]) -> (Option<String>, String) {
        default_error_details(status, body)
    }

    /// Every error the vendor lists by field in an error body (RetailCRM's `errors`), for
    /// [`ApiError::fields`]; the default lists none. Like [`Vendor::error_details`], it sees
    /// the body with secrets removed; the transport keeps at most
    /// [`crate::error::FIELD_ERRORS_MAX`] entries and redacts each again.
    fn field_errors(&self, status: StatusCode, body: &[u8]) -> Vec<crate::FieldError> {
        let _ = (status, body);
        Vec::new()
    }

    /// How long the server asked to wait. The default reads `Retry-After` (at most
    /// [`MAX_RETRY_AFTER`], an hour). Whatever a hook returns, the transport bounds it by
    /// [`MAX_PAUSE`] (a day) before waiting, pausing the group or reporting it; read vendor
    /// headers with [`seconds_header`] / [`parse_retry_after`] or `Duration::try_from_secs_f64`
    /// and checked arithmetic, so that no value can panic.
    fn retry_after(&self, headers: &HeaderMap) -> Option<Duration> {
        retry_after(headers)
    }

    /// What the response headers say about the quota. The default reads nothing. Its
    /// `reset_after` is bounded by [`MAX_PAUSE`] in the transport.
    fn rate_feedback(&self, headers: &HeaderMap) -> Option<RateFeedback> {
        let _ = headers;
        None
    }

    /// Removes secrets from text taken from a server's answer (a vendor may echo the key in
    /// an error message) before it goes into an [`Error`]. The default returns it unchanged;
    /// clients holding a key replace it.
    ///
    /// The transport applies it to every request id ([`Vendor::request_id`],
    /// [`Vendor::body_request_id`]) before it reaches a [`Response`], an error or a span, and
    /// to an error body *before* [`Vendor::error_details`] and [`Vendor::body_request_id`] see
    /// it, so that an excerpt cut from it cannot keep part of a secret.
    fn redact(&self, text: String) -> String {
        text
    }

    /// The vendor's request id from an error body, for vendors that put it there (WB's
    /// `requestId`); used when the headers carry none. The default reads nothing.
    fn body_request_id(&self, body: &[u8]) -> Option<String> {
        let _ = body;
        None
    }

    /// The vendor's request id. The default reads `X-Request-Id`.
    fn request_id(&self, headers: &HeaderMap) -> Option<String> {
        header_str(headers, "x-request-id")
    }

    /// The largest request body the vendor accepts, in bytes (Yandex Market: 512 KB); a
    /// larger body is refused with [`Error::Validation`] before anything is sent. The
    /// default: no limit.
    fn max_body_bytes(&self) -> Option<usize> {
        None
    }
}

/// The default classification of an error status.
pub fn default_classify(status: StatusCode) -> ApiErrorKind {
    match status.as_u16() {
        429 => ApiErrorKind::RateLimited,
        401 => ApiErrorKind::Unauthorized,
        403 => ApiErrorKind::Forbidden,
        404 => ApiErrorKind::NotFound,
        409 => ApiErrorKind::Conflict,
        s if s >= 500 => ApiErrorKind::Server,
        _ => ApiErrorKind::BadRequest,
    }
}

/// The default reading of an error body: `code` and `message`-like fields of a JSON object,
/// or a bounded quote of the body.
pub fn default_error_details(status: StatusCode, body: &[u8]) -> (Option<String>, String) {
    if let Ok(serde_json::Value::Object(map)) = serde_json::from_slice::<serde_json::Value>(body) {
        let text = |v: &serde_json::Value| match v {
            serde_json::Value::String(s) => Some(s.clone()),
            serde_json::Value::Number(n) => Some(n.to_string()),
            _ => None,
        };
        let code = map.get("code").and_then(text);
        let message = [
            "message",
            "error",
            "errorMessage",
            "errorMsg",
            "detail",
            "title",
        ]
        .iter()
        .find_map(|k| map.get(*k).and_then(text));
        if code.is_some() || message.is_some() {
            return (code, message.unwrap_or_else(|| excerpt(body, EXCERPT_LEN)));
        }
    }
    let quoted = excerpt(body, EXCERPT_LEN);
    let message = if quoted.trim().is_empty() {
        status.canonical_reason().unwrap_or("error").to_owned()
    } else {
        quoted
    };
    (None, message)
}

/// A header's value as text.
pub fn header_str(headers: &HeaderMap, name: &str) -> Option<String> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
}

/// The body of a request, serialised once so that retries resend the same bytes.
#[derive(Clone, Default)]
pub enum Body {
    /// No body.
    #[default]
    Empty,
    /// A JSON document.
    Json(Bytes),
    /// A form (`application/x-www-form-urlencoded`).
    Form(String),
    /// Raw bytes with a content type.
    Raw {
        /// The `Content-Type`.
        content_type: HeaderValue,
        /// The bytes.
        bytes: Bytes,
    },
}

impl Body {
    /// The body's length in bytes.
    pub fn len(&self) -> usize {
        match self {
            Self::Empty => 0,
            Self::Json(b) => b.len(),
            Self::Form(f) => f.len(),
            Self::Raw { bytes, .. } => bytes.len(),
        }
    }

    /// True when there is no body.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl fmt::Debug for Body {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => f.write_str("Empty"),
            Self::Json(b) => write!(f, "Json({} bytes)", b.len()),
            Self::Form(s) => write!(f, "Form({} bytes)", s.len()),
            Self::Raw { bytes, .. } => write!(f, "Raw({} bytes)", bytes.len()),
        }
    }
}

/// One call of an [`Operation`]: the operation itself, the rendered path (or a full URL),
/// query, body and weight.
///
/// Made with [`Operation::request`], so that a request names its operation once: the method,
/// path, limit group, retry rule and body cap the transport applies are all that operation's.
///
/// ```
/// use market_core::transport::Operation;
///
/// static OFFER: Operation = Operation::get("offer", "/v1/offers/{offerId}");
/// let request = OFFER.request().path_param("offerId", "A 1").query("lang", "ru");
/// assert_eq!(request.operation().name, "offer");
/// assert_eq!(request.path(), "/v1/offers/A%201");
/// ```
#[derive(Clone)]
pub struct Request {
    op: &'static Operation,
    path: String,
    url: Option<Url>,
    query: Vec<(String, String)>,
    headers: HeaderMap,
    body: Body,
    weight: u32,
}

impl fmt::Debug for Request {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Request")
            .field("operation", &self.op.name)
            .field("path", &self.path)
            .field("url", &self.url.as_ref().map(shown_url))
            .field("query", &self.query)
            .field("headers", &self.headers)
            .field("body", &self.body)
            .field("weight", &self.weight)
            .finish()
    }
}

impl Request {
    /// A request of `op` with its path template as is ([`Operation::request`]).
    fn of(op: &'static Operation) -> Self {
        Self {
            op,
            path: op.path.to_owned(),
            url: None,
            query: Vec::new(),
            headers: HeaderMap::new(),
            body: Body::Empty,
            weight: 1,
        }
    }

    /// The operation this request calls.
    pub fn operation(&self) -> &'static Operation {
        self.op
    }

    /// Sends the request to `url` instead of the operation's path below the base URL: for a
    /// file the vendor links to (a label on its CDN). The URL's own query is kept, and
    /// [`Request::query`] pairs are added to it; its fragment is dropped.
    ///
    /// The vendor's credentials ([`Vendor::authorize`]) and the client-side quotas go only
    /// with a URL on the base URL's origin (scheme, host and port): another host is not the
    /// vendor's API, so it gets no key and spends no quota. Retries, timeouts, the body cap
    /// and error handling are the transport's, as for any request.
    ///
    /// Fails with [`Error::Validation`] unless the URL is `http` or `https`.
    pub fn absolute_url(mut self, mut url: Url) -> Result<Self> {
        if !matches!(url.scheme(), "http" | "https") {
            return Err(Error::Validation {
                item: None,
                message: format!(
                    "{}: a {} URL; only http and https are fetched",
                    self.op.name,
                    url.scheme()
                ),
            });
        }
        url.set_fragment(None);
        self.url = Some(url);
        Ok(self)
    }

    /// Fills the `{name}` placeholder of the path with `value`, percent-encoded.
    pub fn path_param(mut self, name: &str, value: impl fmt::Display) -> Self {
        let encoded: String =
            url::form_urlencoded::byte_serialize(value.to_string().as_bytes()).collect();
        self.path = self
            .path
            .replace(&format!("{{{name}}}"), &encoded.replace('+', "%20"));
        self
    }

    /// Adds a query parameter.
    pub fn query(mut self, name: impl Into<String>, value: impl fmt::Display) -> Self {
        self.query.push((name.into(), value.to_string()));
        self
    }

    /// Adds a header for this request only.
    pub fn header(mut self, name: HeaderName, value: HeaderValue) -> Self {
        self.headers.insert(name, value);
        self
    }

    /// Sets a JSON body.
    pub fn json<T: Serialize + ?Sized>(mut self, body: &T) -> Result<Self> {
        let bytes = serde_json::to_vec(body).map_err(|e| Error::Validation {
            item: None,
            message: format!("cannot encode request body: {e}"),
        })?;
        self.body = Body::Json(Bytes::from(bytes));
        Ok(self)
    }

    /// Sets a form body.
    pub fn form<T: Serialize + ?Sized>(mut self, body: &T) -> Result<Self> {
        let text = serde_urlencoded_like(body)?;
        self.body = Body::Form(text);
        Ok(self)
    }

    /// Sets a raw body.
    pub fn raw(mut self, content_type: HeaderValue, bytes: Bytes) -> Self {
        self.body = Body::Raw {
            content_type,
            bytes,
        };
        self
    }

    /// Sets how many items the request carries, for quotas that count items.
    pub fn weight(mut self, items: usize) -> Self {
        self.weight = u32::try_from(items).unwrap_or(u32::MAX).max(1);
        self
    }

    /// The rendered path.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The body.
    pub fn body(&self) -> &Body {
        &self.body
    }
}

/// Encodes a flat serialisable value as a form, through `serde_json`.
fn serde_urlencoded_like<T: Serialize + ?Sized>(body: &T) -> Result<String> {
    let value = serde_json::to_value(body).map_err(|e| Error::Validation {
        item: None,
        message: format!("cannot encode form body: {e}"),
    })?;
    let serde_json::Value::Object(map) = value else {
        return Err(Error::Validation {
            item: None,
            message: "a form body must be an object".into(),
        });
    };
    let mut form = url::form_urlencoded::Serializer::new(String::new());
    for (k, v) in map {
        match v {
            serde_json::Value::Null => {}
            serde_json::Value::String(s) => {
                form.append_pair(&k, &s);
            }
            other => {
                form.append_pair(&k, &other.to_string());
            }
        }
    }
    Ok(form.finish())
}

/// A successful answer.
///
/// Its `Debug` shows the header names, not their values, and the body's length, not its
/// bytes: a server may echo a key in either.
#[derive(Clone)]
pub struct Response {
    /// The HTTP status.
    pub status: StatusCode,
    /// The headers.
    pub headers: HeaderMap,
    /// The body.
    pub body: Bytes,
    /// The vendor's request id, if it sent one.
    pub request_id: Option<String>,
}

impl fmt::Debug for Response {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Response")
            .field("status", &self.status)
            .field("headers", &self.headers.keys().collect::<Vec<_>>())
            .field("body", &format_args!("{} bytes", self.body.len()))
            .field("request_id", &self.request_id)
            .finish()
    }
}

/// Timeouts and identity of the HTTP client.
#[derive(Debug, Clone)]
pub struct HttpSettings {
    /// Time to establish a connection (`None`: no limit).
    pub connect_timeout: Option<Duration>,
    /// Time for one attempt, from sending to the end of the body (`None`: no limit).
    pub request_timeout: Option<Duration>,
    /// How long idle pooled connections are kept (`None`: forever).
    pub pool_idle_timeout: Option<Duration>,
    /// The User-Agent.
    pub user_agent: String,
}

impl Default for HttpSettings {
    fn default() -> Self {
        Self {
            connect_timeout: Some(Duration::from_secs(10)),
            request_timeout: Some(Duration::from_secs(60)),
            pool_idle_timeout: Some(Duration::from_secs(90)),
            user_agent: format!("market-core/{}", env!("CARGO_PKG_VERSION")),
        }
    }
}

impl HttpSettings {
    /// A `reqwest::Client` with these settings (gzip on, rustls), to share between the
    /// transports of one vendor client.
    pub fn client(&self) -> Result<reqwest::Client> {
        let mut b = reqwest::Client::builder()
            .user_agent(self.user_agent.clone())
            .gzip(true)
            .pool_idle_timeout(self.pool_idle_timeout);
        if let Some(t) = self.connect_timeout {
            b = b.connect_timeout(t);
        }
        if let Some(t) = self.request_timeout {
            b = b.timeout(t);
        }
        b.build()
            .map_err(|e| Error::Config(format!("cannot build the HTTP client: {e}")))
    }

    /// The same settings with the User-Agent of a vendor crate
    /// (`ozon-api/0.1.0 market-core/0.1.0`).
    pub fn for_crate(mut self, name: &str, version: &str) -> Self {
        self.user_agent = format!("{name}/{version} market-core/{}", env!("CARGO_PKG_VERSION"));
        self
    }
}

/// Builds a [`Transport`].
pub struct TransportBuilder {
    vendor: Arc<dyn Vendor>,
    base_url: Url,
    retry: RetryPolicy,
    http: HttpSettings,
    limits: Option<Arc<LimitRegistry>>,
    rate_limits: bool,
    client: Option<reqwest::Client>,
}

impl fmt::Debug for TransportBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TransportBuilder")
            .field("vendor", &self.vendor)
            .field("base_url", &shown_url(&self.base_url))
            .field("retry", &self.retry)
            .field("http", &self.http)
            .field("rate_limits", &self.rate_limits)
            .finish_non_exhaustive()
    }
}

impl TransportBuilder {
    /// Sets the retry policy.
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Sets timeouts and User-Agent.
    pub fn http(mut self, settings: HttpSettings) -> Self {
        self.http = settings;
        self
    }

    /// Names the client in the User-Agent: `"{name}/{version} market-core/{core}"`.
    pub fn user_agent(mut self, name: &str, version: &str) -> Self {
        self.http = self.http.for_crate(name, version);
        self
    }

    /// Sets the connect timeout.
    pub fn connect_timeout(mut self, timeout: Option<Duration>) -> Self {
        self.http.connect_timeout = timeout;
        self
    }

    /// Sets the per-attempt timeout.
    pub fn request_timeout(mut self, timeout: Option<Duration>) -> Self {
        self.http.request_timeout = timeout;
        self
    }

    /// Shares a rate-limit registry with other transports of the same account.
    pub fn limits(mut self, registry: Arc<LimitRegistry>) -> Self {
        self.limits = Some(registry);
        self
    }

    /// Turns client-side rate limiting off (the server's 429s are still honoured).
    pub fn without_rate_limits(mut self) -> Self {
        self.rate_limits = false;
        self
    }

    /// Uses a ready `reqwest::Client` (its own timeouts and TLS settings then apply).
    pub fn reqwest_client(mut self, client: reqwest::Client) -> Self {
        self.client = Some(client);
        self
    }

    /// Builds the transport.
    pub fn build(self) -> Result<Transport> {
        let client = match self.client {
            Some(c) => c,
            None => self.http.client()?,
        };
        Ok(Transport {
            inner: Arc::new(Inner {
                account: self.vendor.account(),
                vendor: self.vendor,
                base_url: self.base_url,
                retry: self.retry,
                limits: self.limits.unwrap_or_default(),
                rate_limits: self.rate_limits,
                client,
            }),
        })
    }
}

struct Inner {
    vendor: Arc<dyn Vendor>,
    account: String,
    base_url: Url,
    retry: RetryPolicy,
    limits: Arc<LimitRegistry>,
    rate_limits: bool,
    client: reqwest::Client,
}

/// The HTTP core of a vendor client. Cheap to clone (one shared pool and limiter set).
#[derive(Clone)]
pub struct Transport {
    inner: Arc<Inner>,
}

impl fmt::Debug for Transport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Transport")
            .field("vendor", &self.inner.vendor)
            .field("account", &self.inner.account)
            .field("base_url", &shown_url(&self.inner.base_url))
            .field("retry", &self.inner.retry)
            .finish_non_exhaustive()
    }
}

/// A URL as it may be shown (`Debug`, errors): user info (`user:password@`, credentials a
/// proxy takes) replaced by `REDACTED`.
fn shown_url(url: &Url) -> String {
    if url.username().is_empty() && url.password().is_none() {
        return url.as_str().to_owned();
    }
    let mut shown = url.clone();
    // Only URLs that cannot have user info refuse these, and this one has some.
    let _ = shown.set_password(None);
    let _ = shown.set_username("REDACTED");
    shown.as_str().to_owned()
}

/// A URL string that did not parse, as it may be shown: anything between `://` and the last
/// `@` of the authority (user info) replaced by `REDACTED`.
fn hide_userinfo(raw: &str) -> std::borrow::Cow<'_, str> {
    let start = raw.find("://").map_or(0, |i| i + 3);
    let rest = &raw[start..];
    let authority_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..authority_end].rfind('@') {
        Some(at) => format!("{}REDACTED{}", &raw[..start], &rest[at..]).into(),
        None => raw.into(),
    }
}

/// How one attempt ended.
enum Attempt {
    Done(Response),
    Failed {
        error: Error,
        may_retry: bool,
        wait: Option<Duration>,
    },
}

impl Transport {
    /// Starts a builder for `vendor` at `base_url` (any URL: production, the vendor's sandbox,
    /// a local emulator, a proxy with a path prefix).
    pub fn builder(vendor: impl Vendor, base_url: &str) -> Result<TransportBuilder> {
        let mut base_url = Url::parse(base_url).map_err(|e| {
            Error::Config(format!(
                "invalid base URL {:?}: {e}",
                hide_userinfo(base_url)
            ))
        })?;
        if !matches!(base_url.scheme(), "http" | "https") {
            return Err(Error::Config(format!(
                "base URL must be http or https, not {}",
                base_url.scheme()
            )));
        }
        base_url.set_query(None);
        base_url.set_fragment(None);
        Ok(TransportBuilder {
            vendor: Arc::new(vendor),
            base_url,
            retry: RetryPolicy::default(),
            http: HttpSettings::default(),
            limits: None,
            rate_limits: true,
            client: None,
        })
    }

    /// The vendor hook.
    pub fn vendor(&self) -> &dyn Vendor {
        self.inner.vendor.as_ref()
    }

    /// The base URL.
    pub fn base_url(&self) -> &Url {
        &self.inner.base_url
    }

    /// The rate-limit registry (to share with another transport of the same account).
    pub fn limits(&self) -> Arc<LimitRegistry> {
        self.inner.limits.clone()
    }

    /// The full URL of a path below the base URL.
    pub fn url(&self, path: &str) -> Result<Url> {
        let base = self.inner.base_url.as_str().trim_end_matches('/');
        let path = path.trim_start_matches('/');
        Url::parse(&format!("{base}/{path}"))
            .map_err(|e| Error::Config(format!("invalid URL for path {path:?}: {e}")))
    }

    /// Sends `request` (of the operation it was made from, [`Operation::request`]) and
    /// decodes the JSON answer into `T`.
    ///
    /// A success whose JSON ends early (a body cut by the network or a proxy, read as "EOF
    /// while parsing") is sent once more when the operation is idempotent, within the call's
    /// attempts and budget; a second cut fails with the decode error.
    ///
    /// The operation is named once, by the request: one operation's path cannot go out with
    /// another's method, limit group or retry rule.
    ///
    /// ```compile_fail,E0061
    /// # use market_core::transport::{Operation, Transport};
    /// # static READ: Operation = Operation::get("read", "/v1/read");
    /// # static CREATE: Operation = Operation::post("create", "/v1/create").non_idempotent();
    /// # async fn call(transport: &Transport) -> market_core::Result<()> {
    /// let _: serde_json::Value = transport.json(&READ, CREATE.request()).await?;
    /// # Ok(()) }
    /// ```
    ///
    /// ```no_run
    /// # use market_core::transport::{Operation, Transport};
    /// # static READ: Operation = Operation::get("read", "/v1/read");
    /// # async fn call(transport: &Transport) -> market_core::Result<()> {
    /// let answer: serde_json::Value = transport.json(READ.request().query("id", 7)).await?;
    /// # Ok(()) }
    /// ```
    pub async fn json<T: DeserializeOwned>(&self, request: Request) -> Result<T> {
        let op = request.op;
        let span = self.call_span(op);
        async move {
            let mut call = start_call(&self.inner.retry);
            let result = self.json_call(op, &request, &mut call).await;
            finish_call(result.as_ref().map(|(status, _)| *status));
            result.map(|(_, value)| value)
        }
        .instrument(span)
        .await
    }

    async fn json_call<T: DeserializeOwned, S: Iterator<Item = Duration>>(
        &self,
        op: &Operation,
        request: &Request,
        call: &mut Call<S>,
    ) -> Result<(StatusCode, T)> {
        let response = self.send_with_retries(op, request, call).await?;
        match serde_json::from_slice::<T>(&response.body) {
            Ok(value) => Ok((response.status, value)),
            Err(e) if e.is_eof() && op.idempotent => {
                let error = self
                    .decode::<T>(op, &response.body)
                    .err()
                    .unwrap_or_else(|| self.cut_json_error(op, &e));
                // Once only, on the call's own schedule and budget.
                let Some(base) = call.schedule.next() else {
                    return Err(error);
                };
                let delay = self.inner.retry.jittered(base);
                if call.started.elapsed().saturating_add(delay) > self.inner.retry.max_elapsed {
                    return Err(error);
                }
                tracing::debug!(
                    attempt = call.attempt,
                    delay_ms = delay.as_millis() as u64,
                    error = %error,
                    "the JSON answer ends early (a cut body); sending once more"
                );
                tokio::time::sleep(delay).await;
                let response = self.send_with_retries(op, request, call).await?;
                self.decode(op, &response.body)
                    .map(|value| (response.status, value))
            }
            Err(_) => self
                .decode(op, &response.body)
                .map(|value| (response.status, value)),
        }
    }

    /// A decode error for a cut JSON body, should the path-tracking decoder accept it.
    fn cut_json_error(&self, op: &Operation, e: &serde_json::Error) -> Error {
        Error::Decode {
            vendor: self.inner.vendor.name(),
            operation: op.name,
            path: ".".into(),
            message: self.inner.vendor.redact(e.to_string()),
            excerpt: String::new(),
        }
    }

    /// Decodes a JSON body into `T`, naming the offending field on failure. The error's
    /// message and excerpt pass through [`Vendor::redact`], the excerpt before it is cut.
    pub fn decode<T: DeserializeOwned>(&self, op: &Operation, body: &[u8]) -> Result<T> {
        let vendor = self.inner.vendor.as_ref();
        decode_json_with(vendor.name(), op.name, body, |text| vendor.redact(text))
    }

    /// Sends `request` (of the operation it was made from, [`Operation::request`]) with rate
    /// limiting and retries, and returns the successful answer.
    pub async fn send(&self, request: Request) -> Result<Response> {
        let op = request.op;
        let span = self.call_span(op);
        async move {
            let mut call = start_call(&self.inner.retry);
            let result = self.send_with_retries(op, &request, &mut call).await;
            finish_call(result.as_ref().map(|r| r.status));
            result
        }
        .instrument(span)
        .await
    }

    /// True when `request` goes to the base URL's origin: a path below it, or a full URL
    /// ([`Request::absolute_url`]) with the same scheme, host and port.
    fn on_own_origin(&self, request: &Request) -> bool {
        request
            .url
            .as_ref()
            .is_none_or(|url| url.origin() == self.inner.base_url.origin())
    }

    fn call_span(&self, op: &Operation) -> tracing::Span {
        let vendor = self.inner.vendor.name();
        tracing::info_span!(
            "market.call",
            vendor,
            operation = op.name,
            attempts = tracing::field::Empty,
            status = tracing::field::Empty,
        )
    }

    async fn send_with_retries<S: Iterator<Item = Duration>>(
        &self,
        op: &Operation,
        request: &Request,
        call: &mut Call<S>,
    ) -> Result<Response> {
        let inner = &self.inner;
        if let Some(max) = inner.vendor.max_body_bytes() {
            let len = request.body.len();
            if len > max {
                return Err(Error::Validation {
                    item: None,
                    message: format!(
                        "{}: the request body is {len} bytes, over the vendor's maximum of {max}; send fewer items",
                        op.name
                    ),
                });
            }
        }
        // A full URL on another origin is not the vendor's API: it spends no quota.
        let limited = inner.rate_limits && self.on_own_origin(request);
        let limiter = match inner.vendor.rate_limit(op.limit_group) {
            Some(spec) if limited => Some(inner.limits.group(&inner.account, op.limit_group, spec)),
            _ => None,
        };
        let account_limiter = match inner.vendor.account_rate_limit() {
            Some(spec) if limited => Some(inner.limits.group(&inner.account, ACCOUNT_GROUP, spec)),
            _ => None,
        };
        loop {
            call.attempt += 1;
            let attempt = call.attempt;
            // Every limiter wait counts against the call's budget: one that would end after
            // it (a group the server paused for hours, a quota of one request an hour) fails
            // now, saying when to try again, instead of sleeping past the budget.
            // The group first: a group waiting out its quota (minutes, for some vendors) must
            // not hold one of the account's few in-flight slots meanwhile.
            let permit = match &limiter {
                Some(l) => Some(
                    l.acquire(request.weight, call.deadline)
                        .await
                        .map_err(|b| self.blocked(op, op.limit_group, b))?,
                ),
                None => None,
            };
            let account_permit = match &account_limiter {
                Some(l) => Some(
                    l.acquire(1, call.deadline)
                        .await
                        .map_err(|b| self.blocked(op, ACCOUNT_GROUP, b))?,
                ),
                None => None,
            };
            let outcome = self.attempt(op, request, attempt, limiter.as_deref()).await;
            drop(permit);
            drop(account_permit);
            tracing::Span::current().record("attempts", attempt);
            let (error, wait) = match outcome {
                Attempt::Done(response) => return Ok(response),
                Attempt::Failed {
                    error,
                    may_retry: false,
                    ..
                } => return Err(error),
                Attempt::Failed {
                    error,
                    may_retry: true,
                    wait,
                } => (error, wait),
            };
            let Some(base) = call.schedule.next() else {
                return Err(error);
            };
            let delay = wait.unwrap_or_else(|| inner.retry.jittered(base));
            if call.started.elapsed().saturating_add(delay) > inner.retry.max_elapsed {
                return Err(error);
            }
            tracing::debug!(attempt, delay_ms = delay.as_millis() as u64, error = %error, "retrying");
            tokio::time::sleep(delay).await;
        }
    }

    /// The error of a call whose permit would come only after its budget: never sent.
    fn blocked(&self, op: &Operation, group: &str, blocked: rate_limit::Blocked) -> Error {
        let vendor = self.inner.vendor.name();
        let group = if group == ACCOUNT_GROUP {
            "account's".to_owned()
        } else {
            format!("{group:?} group's")
        };
        let (code, message, retry_after) = match blocked {
            rate_limit::Blocked::Paused(wait) => (
                "quota_paused",
                format!(
                    "the vendor paused the {group} quota for {} s more, beyond the call's retry budget; not sent",
                    wait.as_secs_f64().ceil()
                ),
                Some(wait),
            ),
            rate_limit::Blocked::Quota(wait) => (
                "budget_exceeded",
                format!(
                    "the {group} quota frees this request only in {} s, beyond the call's retry budget; not sent",
                    wait.as_secs_f64().ceil()
                ),
                Some(wait),
            ),
            rate_limit::Blocked::Slots => (
                "budget_exceeded",
                format!(
                    "the in-flight slots of the {group} quota stayed taken past the call's retry budget; not sent"
                ),
                None,
            ),
        };
        let mut e = ApiError::new(vendor, op.name, 429, ApiErrorKind::RateLimited)
            .with_code(code)
            .with_message(message);
        e.retry_after = retry_after;
        e.into()
    }

    async fn attempt(
        &self,
        op: &Operation,
        request: &Request,
        attempt: u32,
        limiter: Option<&rate_limit::GroupLimiter>,
    ) -> Attempt {
        let inner = &self.inner;
        let vendor = inner.vendor.name();
        let span = tracing::debug_span!(
            "market.attempt",
            vendor,
            operation = op.name,
            attempt,
            status = tracing::field::Empty,
            latency_ms = tracing::field::Empty,
            request_id = tracing::field::Empty,
        );
        let started = Instant::now();
        let result = self.exchange(op, request).instrument(span.clone()).await;
        span.record("latency_ms", started.elapsed().as_millis() as u64);
        let (status, headers, body) = match result {
            Ok(parts) => parts,
            Err(error) => {
                let may_retry = match &error {
                    Error::Transport { not_sent, .. } => op.idempotent || *not_sent,
                    Error::Timeout { .. } => op.idempotent,
                    _ => false,
                };
                return Attempt::Failed {
                    error,
                    may_retry,
                    wait: None,
                };
            }
        };
        span.record("status", status.as_u16());
        // A proxy or server may echo the key in its request id: redacted before it is kept.
        let request_id = inner
            .vendor
            .request_id(&headers)
            .map(|id| inner.vendor.redact(id));
        if let Some(id) = &request_id {
            span.record("request_id", id.as_str());
        }
        // Every duration a server sends is bounded (MAX_PAUSE) before it is used or reported.
        let feedback = inner.vendor.rate_feedback(&headers).map(|mut fb| {
            fb.reset_after = fb.reset_after.map(bounded_hint);
            fb
        });
        if let (Some(l), Some(fb)) = (limiter, &feedback) {
            l.feedback(fb);
        }
        // What the vendor counts a refusal as is charged whether or not the answer is read as
        // a success (WB's per-item 409 on a stock update is both).
        if !status.is_success()
            && let Some(l) = limiter
        {
            l.charge(inner.vendor.refusal_cost(op, status));
        }
        if inner.vendor.is_success(op, status, &body) {
            return Attempt::Done(Response {
                status,
                headers,
                body,
                request_id,
            });
        }
        let kind = inner.vendor.classify(status, &headers, &body);
        // The hooks that quote the body see it with secrets removed, so that no cut they make
        // (an excerpt) can keep part of a secret.
        let safe_body = redacted_body(inner.vendor.as_ref(), &body);
        let request_id = request_id.or_else(|| {
            inner
                .vendor
                .body_request_id(&safe_body)
                .map(|id| inner.vendor.redact(id))
        });
        let (code, message) = inner.vendor.error_details(status, &safe_body);
        let message = inner.vendor.redact(message);
        let code = code.map(|c| inner.vendor.redact(c));
        let fields = inner
            .vendor
            .field_errors(status, &safe_body)
            .into_iter()
            .take(crate::error::FIELD_ERRORS_MAX)
            .map(|f| {
                crate::FieldError::new(inner.vendor.redact(f.field), inner.vendor.redact(f.message))
            })
            .collect();
        let retry_after = inner
            .vendor
            .retry_after(&headers)
            .map(bounded_hint)
            .or_else(|| {
                feedback
                    .and_then(|f| f.reset_after)
                    .filter(|_| kind == ApiErrorKind::RateLimited)
            });
        let retry_after = match kind {
            ApiErrorKind::Busy => {
                Some(retry_after.unwrap_or_else(|| bounded_hint(inner.vendor.busy_delay())))
            }
            _ => retry_after,
        };
        let retryable = kind.is_retryable();
        if kind == ApiErrorKind::RateLimited
            && let (Some(l), Some(wait)) = (limiter, retry_after)
        {
            // The quota is spent for the whole group, not only for this call.
            l.pause_for(wait);
        }
        let may_retry = match kind {
            // Over quota or busy: refused unprocessed, safe to repeat whatever the operation does.
            k if k.is_unprocessed() => true,
            // The server may have acted before failing: only repeat what is idempotent.
            ApiErrorKind::Server => op.idempotent,
            _ => false,
        };
        tracing::debug!(parent: &span, attempt, status = status.as_u16(), ?kind, "vendor refused");
        Attempt::Failed {
            error: Error::from(ApiError {
                vendor,
                operation: op.name,
                status: status.as_u16(),
                kind,
                code,
                message,
                request_id,
                retryable,
                retry_after,
                fields,
            }),
            may_retry,
            wait: retry_after,
        }
    }

    /// One HTTP exchange: build, authorise, send, read the whole body (at most the
    /// operation's `max_response_bytes`).
    async fn exchange(
        &self,
        op: &Operation,
        request: &Request,
    ) -> Result<(StatusCode, HeaderMap, Bytes)> {
        let inner = &self.inner;
        let vendor = inner.vendor.name();
        let url = match &request.url {
            Some(url) => url.clone(),
            None => self.url(&request.path)?,
        };
        let mut headers = request.headers.clone();
        // The vendor's credentials go to its own origin only, never to a host it links to.
        if self.on_own_origin(request) {
            inner.vendor.authorize(&mut headers)?;
        }
        let mut builder = inner
            .client
            .request(op.method.clone(), url)
            .headers(headers);
        if !request.query.is_empty() {
            builder = builder.query(&request.query);
        }
        builder = match &request.body {
            Body::Empty => builder,
            Body::Json(bytes) => builder
                .header(http::header::CONTENT_TYPE, "application/json")
                .body(bytes.clone()),
            Body::Form(text) => builder
                .header(
                    http::header::CONTENT_TYPE,
                    "application/x-www-form-urlencoded",
                )
                .body(text.clone()),
            Body::Raw {
                content_type,
                bytes,
            } => builder
                .header(http::header::CONTENT_TYPE, content_type.clone())
                .body(bytes.clone()),
        };
        let started = Instant::now();
        let response = builder
            .send()
            .await
            .map_err(|e| transport_error(vendor, op.name, e, started.elapsed()))?;
        let mut response = response;
        let status = response.status();
        let headers = std::mem::take(response.headers_mut());
        let body = read_body(response, vendor, op).await.map_err(|e| match e {
            BodyError::Read(e) => transport_error(vendor, op.name, e, started.elapsed()),
            BodyError::TooLarge => Error::ResponseTooLarge {
                vendor,
                operation: op.name,
                limit: op.max_response_bytes,
            },
        })?;
        Ok((status, headers, body))
    }
}

/// Why a body could not be read whole.
enum BodyError {
    Read(reqwest::Error),
    TooLarge,
}

/// Reads a body of at most `op.max_response_bytes` (after decompression: reqwest's gzip
/// decoder yields decoded chunks): refused from its `Content-Length` when that is larger,
/// else counted chunk by chunk, so that an endless or inflating body stops at the cap.
async fn read_body(
    mut response: reqwest::Response,
    vendor: &'static str,
    op: &Operation,
) -> std::result::Result<Bytes, BodyError> {
    let cap = op.max_response_bytes;
    let declared = response.content_length();
    if declared.is_some_and(|n| n > cap as u64) {
        tracing::debug!(
            vendor,
            operation = op.name,
            declared,
            cap,
            "response body over the cap"
        );
        return Err(BodyError::TooLarge);
    }
    // One chunk (the usual small answer) is kept as is; more are joined in one buffer.
    let mut first: Option<Bytes> = None;
    let mut joined: Option<bytes::BytesMut> = None;
    let mut total: usize = 0;
    while let Some(chunk) = response.chunk().await.map_err(BodyError::Read)? {
        total = total.saturating_add(chunk.len());
        if total > cap {
            tracing::debug!(
                vendor,
                operation = op.name,
                read = total,
                cap,
                "response body over the cap"
            );
            return Err(BodyError::TooLarge);
        }
        if let Some(buf) = joined.as_mut() {
            buf.extend_from_slice(&chunk);
        } else if let Some(head) = first.take() {
            let hint = declared.map_or(0, |n| usize::try_from(n).unwrap_or(cap));
            let mut buf = bytes::BytesMut::with_capacity(hint.max(total));
            buf.extend_from_slice(&head);
            buf.extend_from_slice(&chunk);
            joined = Some(buf);
        } else {
            first = Some(chunk);
        }
    }
    Ok(match (joined, first) {
        (Some(buf), _) => buf.freeze(),
        (None, Some(one)) => one,
        (None, None) => Bytes::new(),
    })
}

/// The state of one call across its attempts: its start, its deadline (the retry budget),
/// the attempts made and the backoff schedule left.
struct Call<S> {
    started: Instant,
    deadline: Option<Instant>,
    attempt: u32,
    schedule: S,
}

/// A call starting now under `policy`.
fn start_call(policy: &RetryPolicy) -> Call<impl Iterator<Item = Duration> + use<>> {
    let started = Instant::now();
    Call {
        started,
        deadline: started.checked_add(policy.max_elapsed),
        attempt: 0,
        schedule: policy.schedule(),
    }
}

/// Records how a call ended on its span, and logs a failure.
fn finish_call(result: std::result::Result<StatusCode, &Error>) {
    let span = tracing::Span::current();
    match result {
        Ok(status) => {
            span.record("status", status.as_u16());
        }
        Err(e) => {
            if let Some(s) = e.status() {
                span.record("status", s);
            }
            tracing::warn!(error = %e, "call failed");
        }
    }
}

/// A duration a server sent (a retry hint, a quota reset, a busy delay), bounded by
/// [`MAX_PAUSE`]: no answer can make a call or a limit group wait longer than a day, nor
/// overflow a clock.
fn bounded_hint(wait: Duration) -> Duration {
    wait.min(MAX_PAUSE)
}

/// An error body with the vendor's secrets removed (error path only).
fn redacted_body(vendor: &dyn Vendor, body: &[u8]) -> Bytes {
    Bytes::from(
        vendor
            .redact(String::from_utf8_lossy(body).into_owned())
            .into_bytes(),
    )
}

/// Maps a reqwest error, removing its URL (it may carry a key in a query string).
fn transport_error(
    vendor: &'static str,
    operation: &'static str,
    e: reqwest::Error,
    elapsed: Duration,
) -> Error {
    let e = e.without_url();
    if e.is_timeout() {
        return Error::Timeout {
            vendor,
            operation,
            elapsed,
        };
    }
    let not_sent = e.is_connect();
    let mut message = e.to_string();
    let mut source = std::error::Error::source(&e);
    while let Some(s) = source {
        message.push_str(": ");
        message.push_str(&s.to_string());
        source = s.source();
    }
    Error::Transport {
        vendor,
        operation,
        message,
        not_sent,
        source: Some(e),
    }
}

/// Decodes JSON into `T`, naming the offending field path on failure.
///
/// The error quotes the body as is: a caller holding a secret the body may echo uses
/// [`decode_json_with`] (as [`Transport::decode`] does).
pub fn decode_json<T: DeserializeOwned>(
    vendor: &'static str,
    operation: &'static str,
    body: &[u8],
) -> Result<T> {
    decode_json_with(vendor, operation, body, |text| text)
}

/// Like [`decode_json`], passing the error's path, message and excerpt through `redact`
/// ([`Vendor::redact`]), the excerpt before it is cut to [`EXCERPT_LEN`].
pub fn decode_json_with<T: DeserializeOwned>(
    vendor: &'static str,
    operation: &'static str,
    body: &[u8],
    redact: impl Fn(String) -> String,
) -> Result<T> {
    // Fast path: plain serde_json. Only on failure decode again, tracking the path, to name
    // the offending field (path tracking costs on every field, so not on the happy path).
    if let Ok(value) = serde_json::from_slice::<T>(body) {
        return Ok(value);
    }
    let mut de = serde_json::Deserializer::from_slice(body);
    let value = serde_path_to_error::deserialize::<_, T>(&mut de).map_err(|e| Error::Decode {
        vendor,
        operation,
        path: redact(e.path().to_string()),
        message: redact(e.inner().to_string()),
        excerpt: redacted_excerpt(body, EXCERPT_LEN, &redact),
    })?;
    de.end().map_err(|e| Error::Decode {
        vendor,
        operation,
        path: ".".into(),
        message: redact(e.to_string()),
        excerpt: redacted_excerpt(body, EXCERPT_LEN, &redact),
    })?;
    Ok(value)
}

/// Replaces every occurrence of `secret` in `text` with `[REDACTED]`: the usual body of
/// [`Vendor::redact`] for a client holding one key.
pub fn redact_secret(text: String, secret: &secrecy::SecretString) -> String {
    use secrecy::ExposeSecret;
    let s = secret.expose_secret();
    if s.is_empty() || !text.contains(s) {
        text
    } else {
        text.replace(s, "[REDACTED]")
    }
}
