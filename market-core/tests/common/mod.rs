//! Shared test vendor (included with `mod common;`).
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::sync::{Arc, Mutex};
use std::time::Duration;

use http::{HeaderMap, HeaderValue};
use market_core::Result;
use market_core::transport::{
    RateFeedback, RateLimit, RetryPolicy, Transport, Vendor, redact_secret, seconds_header,
};
use secrecy::SecretString;

pub const KEY: &str = "sk-live-SECRET-0123456789";

/// A vendor that counts attempts (authorize runs once per attempt, right before sending) and
/// records the virtual time of each.
#[derive(Debug, Clone)]
pub struct TestVendor {
    pub key: Arc<SecretString>,
    pub sends: Arc<Mutex<Vec<tokio::time::Instant>>>,
    pub limit: Option<RateLimit>,
    pub account_limit: Option<RateLimit>,
    pub refusals: Arc<std::sync::atomic::AtomicUsize>,
    /// Extra units a 4xx costs (WB: a 4xx counts as 10 requests, so 9 extra).
    pub refusal_cost_4xx: u32,
    /// A 409 means "busy, try again in a few seconds" (WB's `StoreIsProcessing`).
    pub busy_on_409: bool,
    /// A 409 is an answer to read (WB's per-item conflicts on a stock update), not an error.
    pub accept_409: bool,
}

impl TestVendor {
    pub fn new() -> Self {
        Self {
            key: Arc::new(SecretString::from(KEY)),
            sends: Arc::default(),
            limit: None,
            account_limit: None,
            refusals: Arc::default(),
            refusal_cost_4xx: 0,
            busy_on_409: false,
            accept_409: false,
        }
    }

    pub fn with_limit(limit: RateLimit) -> Self {
        Self {
            limit: Some(limit),
            ..Self::new()
        }
    }

    pub fn attempts(&self) -> usize {
        self.sends.lock().unwrap().len()
    }

    pub fn times(&self) -> Vec<tokio::time::Instant> {
        self.sends.lock().unwrap().clone()
    }
}

impl Vendor for TestVendor {
    fn kind(&self) -> market_core::MarketplaceKind {
        market_core::MarketplaceKind::Other("test".into())
    }
    fn name(&self) -> &'static str {
        "test"
    }

    fn authorize(&self, headers: &mut HeaderMap) -> Result<()> {
        use secrecy::ExposeSecret;
        self.sends.lock().unwrap().push(tokio::time::Instant::now());
        let mut v = HeaderValue::from_str(self.key.expose_secret())
            .map_err(|e| market_core::Error::Config(e.to_string()))?;
        v.set_sensitive(true);
        headers.insert("api-key", v);
        Ok(())
    }

    fn account(&self) -> String {
        "acc-1".into()
    }

    fn account_rate_limit(&self) -> Option<RateLimit> {
        self.account_limit
    }

    fn rate_limit(&self, group: &str) -> Option<RateLimit> {
        (group == "limited").then_some(self.limit).flatten()
    }

    fn rate_feedback(&self, headers: &HeaderMap) -> Option<RateFeedback> {
        let remaining = headers
            .get("x-ratelimit-remaining")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse().ok());
        let reset_after = seconds_header(headers, "x-ratelimit-reset");
        (remaining.is_some() || reset_after.is_some()).then_some(RateFeedback {
            remaining,
            reset_after,
            ..RateFeedback::default()
        })
    }

    fn classify(
        &self,
        status: http::StatusCode,
        headers: &HeaderMap,
        body: &[u8],
    ) -> market_core::ApiErrorKind {
        let _ = (headers, body);
        self.refusals
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        if self.busy_on_409 && status.as_u16() == 409 {
            return market_core::ApiErrorKind::Busy;
        }
        market_core::transport::default_classify(status)
    }

    fn is_success(
        &self,
        _op: &market_core::transport::Operation,
        status: http::StatusCode,
        _body: &[u8],
    ) -> bool {
        status.is_success() || (self.accept_409 && status.as_u16() == 409)
    }

    fn refusal_cost(
        &self,
        _op: &market_core::transport::Operation,
        status: http::StatusCode,
    ) -> u32 {
        if status.is_client_error() {
            self.refusal_cost_4xx
        } else {
            0
        }
    }

    fn redact(&self, text: String) -> String {
        redact_secret(text, &self.key)
    }
}

/// Exact delays, no timers of reqwest's own (they would fire under tokio's paused clock).
pub fn policy(max_attempts: u32) -> RetryPolicy {
    RetryPolicy {
        max_attempts,
        initial_delay: Duration::from_secs(1),
        max_delay: Duration::from_secs(8),
        max_elapsed: Duration::from_secs(600),
        jitter: false,
    }
}

pub fn transport(vendor: &TestVendor, base: &str, max_attempts: u32) -> Transport {
    Transport::builder(vendor.clone(), base)
        .unwrap()
        .retry(policy(max_attempts))
        .http(market_core::transport::HttpSettings {
            connect_timeout: None,
            request_timeout: None,
            pool_idle_timeout: None,
            ..Default::default()
        })
        .user_agent("test-api", "9.9.9")
        .build()
        .unwrap()
}

/// A vendor reading its request id from `header` (WB/Ozon/Yandex Market style names) and
/// from the body's `requestId`, redacting the test key.
#[derive(Debug, Clone)]
pub struct Echo {
    pub inner: TestVendor,
    pub header: &'static str,
}

impl Vendor for Echo {
    fn kind(&self) -> market_core::MarketplaceKind {
        market_core::MarketplaceKind::Other("test".into())
    }
    fn name(&self) -> &'static str {
        "test"
    }
    fn authorize(&self, headers: &mut HeaderMap) -> Result<()> {
        self.inner.authorize(headers)
    }
    fn classify(
        &self,
        status: http::StatusCode,
        headers: &HeaderMap,
        body: &[u8],
    ) -> market_core::ApiErrorKind {
        self.inner.classify(status, headers, body)
    }
    fn request_id(&self, headers: &HeaderMap) -> Option<String> {
        market_core::transport::header_str(headers, self.header)
    }
    fn body_request_id(&self, body: &[u8]) -> Option<String> {
        let v: serde_json::Value = serde_json::from_slice(body).ok()?;
        v.get("requestId")?.as_str().map(str::to_owned)
    }
    fn redact(&self, text: String) -> String {
        self.inner.redact(text)
    }
}

/// A transport for `vendor` with `attempts` tries and no timeouts.
pub fn build_echo(vendor: impl Vendor, base: &str, attempts: u32) -> Transport {
    Transport::builder(vendor, base)
        .unwrap()
        .retry(policy(attempts))
        .http(market_core::transport::HttpSettings {
            connect_timeout: None,
            request_timeout: None,
            pool_idle_timeout: None,
            ..Default::default()
        })
        .build()
        .unwrap()
}
