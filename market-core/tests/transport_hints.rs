//! Server hints (Retry-After, quota resets, busy delays) are bounded, never panic, and every
//! limiter wait counts against the call's retry budget (issue 11, items 6 and 7). On tokio's
//! paused clock, against wiremock.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::time::Duration;

use common::{TestVendor, policy};
use http::{HeaderMap, StatusCode};
use market_core::transport::{
    HttpSettings, MAX_PAUSE, MAX_RETRY_AFTER, Operation, RateFeedback, RateLimit, RetryPolicy,
    Transport, Vendor, seconds_header,
};
use market_core::{ApiError, ApiErrorKind, Error};
use serde_json::json;
use tokio::time::Instant;
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

static READ: Operation = Operation::post("read", "/v1/read");
static LIMITED: Operation = Operation::post("limited", "/v1/limited").in_group("limited");

const BUDGET: Duration = Duration::from_secs(600);

fn ok() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({"result": "ok"}))
}

async fn received(server: &MockServer) -> usize {
    server.received_requests().await.unwrap().len()
}

/// A vendor with WB-style hint headers and hooks that may return anything at all.
#[derive(Debug, Clone)]
struct Hinted {
    inner: TestVendor,
    /// Read `X-Ratelimit-Retry` (seconds) before `Retry-After`, as WB's crate does.
    wb_retry: bool,
    /// What `busy_delay` answers.
    busy: Duration,
    /// When set, `retry_after` and `rate_feedback` answer this, whatever the headers say.
    forced: Option<Duration>,
}

impl Hinted {
    fn new(inner: TestVendor) -> Self {
        Self {
            inner,
            wb_retry: false,
            busy: Duration::from_secs(2),
            forced: None,
        }
    }
}

impl Vendor for Hinted {
    fn kind(&self) -> market_core::MarketplaceKind {
        market_core::MarketplaceKind::Other("test".into())
    }
    fn name(&self) -> &'static str {
        "test"
    }
    fn authorize(&self, headers: &mut HeaderMap) -> market_core::Result<()> {
        self.inner.authorize(headers)
    }
    fn account(&self) -> String {
        self.inner.account()
    }
    fn account_rate_limit(&self) -> Option<RateLimit> {
        self.inner.account_rate_limit()
    }
    fn rate_limit(&self, group: &str) -> Option<RateLimit> {
        self.inner.rate_limit(group)
    }
    fn classify(&self, status: StatusCode, headers: &HeaderMap, body: &[u8]) -> ApiErrorKind {
        self.inner.classify(status, headers, body)
    }
    fn busy_delay(&self) -> Duration {
        self.busy
    }
    fn retry_after(&self, headers: &HeaderMap) -> Option<Duration> {
        if self.forced.is_some() {
            return self.forced;
        }
        let wb = self
            .wb_retry
            .then(|| seconds_header(headers, "x-ratelimit-retry"))
            .flatten();
        wb.or_else(|| market_core::transport::retry_after(headers))
    }
    fn rate_feedback(&self, headers: &HeaderMap) -> Option<RateFeedback> {
        match self.forced {
            Some(d) => Some(RateFeedback {
                remaining: Some(0),
                reset_after: Some(d),
                ..RateFeedback::default()
            }),
            None => self.inner.rate_feedback(headers),
        }
    }
}

fn build(vendor: impl Vendor, base: &str, retry: RetryPolicy) -> Transport {
    Transport::builder(vendor, base)
        .unwrap()
        .retry(retry)
        .http(HttpSettings {
            connect_timeout: None,
            request_timeout: None,
            pool_idle_timeout: None,
            ..Default::default()
        })
        .build()
        .unwrap()
}

fn api(err: &Error) -> &ApiError {
    err.api()
        .unwrap_or_else(|| panic!("expected an API error, got {err:?}"))
}

/// A server answering the first request with `first` and every later one with 200.
async fn once_then_ok(first: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(first)
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(ok())
        .mount(&server)
        .await;
    server
}

/// One absurd hint on a 429: the call fails at once with the hint bounded by `cap`, the next
/// call of the group fails at once too (not sent, saying when), and once the bounded hint has
/// passed the group works again.
async fn absurd_hint_is_bounded(vendor: Hinted, first: ResponseTemplate, cap: Duration) {
    let server = once_then_ok(first).await;
    let t = build(vendor, &server.uri(), policy(5));
    let start = Instant::now();

    let err = t.send(LIMITED.request()).await.unwrap_err();
    let e = api(&err);
    assert_eq!(e.kind, ApiErrorKind::RateLimited);
    assert_eq!(e.retry_after, Some(cap), "the hint is bounded");
    assert_eq!(start.elapsed(), Duration::ZERO, "slept on an absurd hint");

    let err = t.send(LIMITED.request()).await.unwrap_err();
    let e = api(&err);
    assert_eq!(e.code.as_deref(), Some("quota_paused"), "{err}");
    assert_eq!(e.retry_after, Some(cap));
    assert!(e.retryable);
    assert_eq!(received(&server).await, 1, "a paused group sends nothing");
    assert_eq!(start.elapsed(), Duration::ZERO);

    // Other groups go on.
    t.send(READ.request()).await.unwrap();
    // Once the bounded pause is over, the group works again.
    tokio::time::advance(cap).await;
    t.send(LIMITED.request()).await.unwrap();
    assert_eq!(received(&server).await, 3);
}

#[tokio::test(start_paused = true)]
async fn a_retry_after_of_a_billion_seconds_pauses_the_group_an_hour_at_most() {
    let vendor = Hinted::new(TestVendor::with_limit(RateLimit::per_second(100)));
    absurd_hint_is_bounded(
        vendor,
        ResponseTemplate::new(429).insert_header("Retry-After", "1000000000"),
        MAX_RETRY_AFTER,
    )
    .await;
}

#[tokio::test(start_paused = true)]
async fn a_retry_after_date_in_year_9999_pauses_the_group_an_hour_at_most() {
    let vendor = Hinted::new(TestVendor::with_limit(RateLimit::per_second(100)));
    absurd_hint_is_bounded(
        vendor,
        ResponseTemplate::new(429).insert_header("Retry-After", "Fri, 31 Dec 9999 23:59:59 GMT"),
        MAX_RETRY_AFTER,
    )
    .await;
}

#[tokio::test(start_paused = true)]
async fn a_wb_style_retry_header_of_a_billion_seconds_pauses_the_group_a_day_at_most() {
    let mut vendor = Hinted::new(TestVendor::with_limit(RateLimit::per_second(100)));
    vendor.wb_retry = true;
    absurd_hint_is_bounded(
        vendor,
        ResponseTemplate::new(429).insert_header("X-Ratelimit-Retry", "1000000000"),
        MAX_PAUSE,
    )
    .await;
}

#[tokio::test(start_paused = true)]
async fn a_vendor_hook_returning_the_largest_duration_is_bounded_by_the_transport() {
    let mut vendor = Hinted::new(TestVendor::with_limit(RateLimit::per_second(100)));
    vendor.forced = Some(Duration::MAX);
    absurd_hint_is_bounded(vendor, ResponseTemplate::new(429), MAX_PAUSE).await;
}

#[tokio::test(start_paused = true)]
async fn a_huge_reset_on_a_success_pauses_the_group_a_day_at_most_then_it_works() {
    let server = once_then_ok(
        ok().insert_header("x-ratelimit-remaining", "0")
            .insert_header("x-ratelimit-reset", "1e19"),
    )
    .await;
    let vendor = TestVendor::with_limit(RateLimit::per_second(100));
    let t = build(vendor, &server.uri(), policy(5));
    let start = Instant::now();
    t.send(LIMITED.request()).await.unwrap();
    let err = t.send(LIMITED.request()).await.unwrap_err();
    let e = api(&err);
    assert_eq!(e.code.as_deref(), Some("quota_paused"));
    assert_eq!(e.retry_after, Some(MAX_PAUSE));
    assert_eq!(start.elapsed(), Duration::ZERO);
    tokio::time::advance(MAX_PAUSE).await;
    t.send(LIMITED.request()).await.unwrap();
    assert_eq!(received(&server).await, 2);
}

#[tokio::test(start_paused = true)]
async fn retry_after_3600_with_a_600_s_budget_fails_fast_saying_when() {
    let server =
        once_then_ok(ResponseTemplate::new(429).insert_header("Retry-After", "3600")).await;
    let vendor = TestVendor::with_limit(RateLimit::per_second(100));
    let t = build(vendor.clone(), &server.uri(), policy(5));
    let start = Instant::now();
    for call in 0..2 {
        let err = match t.send(LIMITED.request()).await {
            Err(e) => e,
            Ok(r) => panic!(
                "call {call} succeeded after {:?} and {} attempts: {r:?}",
                start.elapsed(),
                vendor.attempts()
            ),
        };
        let e = api(&err);
        assert_eq!(e.kind, ApiErrorKind::RateLimited, "call {call}");
        assert_eq!(
            e.retry_after,
            Some(Duration::from_secs(3600)),
            "call {call}"
        );
        assert!(start.elapsed() < Duration::from_secs(1), "call {call}");
    }
    assert_eq!(received(&server).await, 1);
}

/// The case that overran the budget: a call already waiting for its permit when another call
/// of the group is told to wait an hour. It must fail as soon as it knows, not sleep an hour.
#[tokio::test(start_paused = true)]
async fn a_call_waiting_for_its_permit_when_the_group_is_paused_fails_within_its_budget() {
    let server =
        once_then_ok(ResponseTemplate::new(429).insert_header("Retry-After", "3600")).await;
    // One request in flight at a time: the second call waits for the first one's slot.
    let vendor = TestVendor::with_limit(RateLimit::per_second(100).max_concurrent(1));
    let t = build(vendor.clone(), &server.uri(), policy(5));
    let start = Instant::now();
    let (first, second) = tokio::join!(t.send(LIMITED.request()), t.send(LIMITED.request()),);
    let (first, second) = (first.unwrap_err(), second.unwrap_err());
    assert_eq!(api(&first).retry_after, Some(Duration::from_secs(3600)));
    let e = api(&second);
    assert_eq!(e.code.as_deref(), Some("quota_paused"), "{second}");
    let wait = e.retry_after.unwrap();
    assert!(
        wait > Duration::from_secs(3590) && wait <= Duration::from_secs(3600),
        "{wait:?}"
    );
    assert!(
        start.elapsed() < Duration::from_secs(10),
        "overran: {:?}",
        start.elapsed()
    );
    assert_eq!(vendor.attempts(), 1, "the second call was not sent");
}

/// The same when the waiting call was held by the group's own pace (a token-bucket wait).
#[tokio::test(start_paused = true)]
async fn a_call_pacing_for_its_quota_when_the_group_is_paused_fails_within_its_budget() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "3600"))
        .mount(&server)
        .await;
    // One request every 10 s: the second call paces for 10 s, and meanwhile the first call's
    // answer pauses the group for an hour.
    let vendor = TestVendor::with_limit(RateLimit::per(1, Duration::from_secs(10)));
    let t = build(vendor.clone(), &server.uri(), policy(5));
    let start = Instant::now();
    let first = t.send(LIMITED.request());
    let second = async {
        tokio::task::yield_now().await;
        t.send(LIMITED.request()).await
    };
    // Keeps the paused clock from jumping ahead while the first answer is on its way.
    let spin = async {
        while vendor.refusals.load(std::sync::atomic::Ordering::SeqCst) == 0 {
            tokio::task::yield_now().await;
        }
    };
    let (first, second, ()) = tokio::join!(first, second, spin);
    assert_eq!(
        api(&first.unwrap_err()).retry_after,
        Some(Duration::from_secs(3600))
    );
    let second = second.unwrap_err();
    let e = api(&second);
    assert_eq!(e.code.as_deref(), Some("quota_paused"), "{second}");
    assert!(e.retry_after.unwrap() > Duration::from_secs(3500));
    assert!(
        start.elapsed() <= Duration::from_secs(10),
        "overran: {:?}",
        start.elapsed()
    );
    assert_eq!(vendor.attempts(), 1);
}

#[tokio::test(start_paused = true)]
async fn a_token_bucket_wait_longer_than_the_budget_fails_at_once_saying_when() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ok())
        .mount(&server)
        .await;
    // A documented quota of one request an hour.
    let vendor = TestVendor::with_limit(RateLimit::per(1, Duration::from_secs(3600)));
    let t = build(vendor, &server.uri(), policy(5));
    let start = Instant::now();
    t.send(LIMITED.request()).await.unwrap();
    let err = t.send(LIMITED.request()).await.unwrap_err();
    let e = api(&err);
    assert_eq!(e.kind, ApiErrorKind::RateLimited);
    assert_eq!(e.code.as_deref(), Some("budget_exceeded"), "{err}");
    assert_eq!(e.retry_after, Some(Duration::from_secs(3600)));
    assert!(e.retryable);
    assert_eq!(start.elapsed(), Duration::ZERO);
    assert_eq!(received(&server).await, 1);
    // When the hint has passed, the call goes.
    tokio::time::advance(Duration::from_secs(3600)).await;
    t.send(LIMITED.request()).await.unwrap();
    // A wait that fits the budget is still waited.
    let vendor = TestVendor::with_limit(RateLimit::per(1, Duration::from_secs(60)));
    let t = build(vendor, &server.uri(), policy(5));
    let start = Instant::now();
    t.send(LIMITED.request()).await.unwrap();
    t.send(LIMITED.request()).await.unwrap();
    assert_eq!(start.elapsed(), Duration::from_secs(60));
}

#[tokio::test(start_paused = true)]
async fn an_account_limiter_wait_counts_against_the_budget() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ok())
        .mount(&server)
        .await;
    let mut inner = TestVendor::new();
    inner.account_limit = Some(RateLimit::per(1, Duration::from_secs(3600)));
    let t = build(inner, &server.uri(), policy(5));
    let start = Instant::now();
    t.send(READ.request()).await.unwrap();
    let err = t.send(READ.request()).await.unwrap_err();
    let e = api(&err);
    assert_eq!(e.code.as_deref(), Some("budget_exceeded"), "{err}");
    assert_eq!(e.retry_after, Some(Duration::from_secs(3600)));
    assert!(err.to_string().contains("account"), "{err}");
    assert_eq!(start.elapsed(), Duration::ZERO);
    assert_eq!(received(&server).await, 1);
}

#[tokio::test(start_paused = true)]
async fn in_flight_slots_held_past_the_budget_fail_the_waiting_call() {
    // Not a pooled server: the request abandoned at its timeout may reach the server later, and
    // must not reach another test's.
    let server = MockServer::builder().start().await;
    Mock::given(method("POST"))
        .respond_with(ok().set_delay(Duration::from_secs(3600)))
        .mount(&server)
        .await;
    let vendor = TestVendor::with_limit(RateLimit::per_second(100).max_concurrent(1));
    // The slow call holds the group's only slot until its 100 s timeout; the waiting call's
    // budget ends at 60 s, so when it gets the slot it is not sent.
    let t = Transport::builder(vendor.clone(), &server.uri())
        .unwrap()
        .retry(RetryPolicy {
            max_elapsed: Duration::from_secs(60),
            ..policy(1)
        })
        .http(HttpSettings {
            connect_timeout: None,
            request_timeout: Some(Duration::from_secs(100)),
            pool_idle_timeout: None,
            ..Default::default()
        })
        .build()
        .unwrap();
    let start = Instant::now();
    let slow = t.send(LIMITED.request());
    let waiting = async {
        tokio::task::yield_now().await;
        let r = t.send(LIMITED.request()).await;
        (r, start.elapsed())
    };
    let (slow, (waiting, waited)) = tokio::join!(slow, waiting);
    assert!(matches!(slow, Err(Error::Timeout { .. })), "{slow:?}");
    let err = waiting.unwrap_err();
    assert_eq!(api(&err).code.as_deref(), Some("budget_exceeded"), "{err}");
    assert_eq!(
        waited,
        Duration::from_secs(100),
        "failed when it got the slot"
    );
    assert_eq!(vendor.attempts(), 1);
}

#[tokio::test(start_paused = true)]
async fn an_absurd_busy_delay_is_bounded() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(409))
        .mount(&server)
        .await;
    let mut inner = TestVendor::new();
    inner.busy_on_409 = true;
    let mut vendor = Hinted::new(inner);
    vendor.busy = Duration::MAX;
    let t = build(vendor, &server.uri(), policy(5));
    let start = Instant::now();
    let err = t.send(READ.request()).await.unwrap_err();
    let e = api(&err);
    assert_eq!(e.kind, ApiErrorKind::Busy);
    assert_eq!(e.retry_after, Some(MAX_PAUSE));
    assert_eq!(start.elapsed(), Duration::ZERO);
}

/// Item 7: no rate-limit header value makes the transport panic, on a limited group or not,
/// on a refusal or on a success; the hint reported is bounded.
#[tokio::test(start_paused = true)]
async fn no_hint_value_panics() {
    let values = [
        "18446744073709551615",
        "18446744073709551616",
        "99999999999999999999999999999",
        "1e19",
        "1e308",
        "1e400",
        "inf",
        "-inf",
        "-1",
        "-1e19",
        "NaN",
        "Fri, 31 Dec 9999 23:59:59 GMT",
        "Mon, 01 Jan 0001 00:00:00 GMT",
        "",
        "0x7fffffffffffffff",
    ];
    for value in values {
        for (status, op) in [(429, &LIMITED), (429, &READ), (200, &LIMITED), (503, &READ)] {
            let server = MockServer::start().await;
            Mock::given(method("POST"))
                .respond_with(
                    ResponseTemplate::new(status)
                        .set_body_json(json!({"result": "ok"}))
                        .insert_header("Retry-After", value)
                        .insert_header("X-Ratelimit-Retry", value)
                        .insert_header("X-Ratelimit-Remaining", "0")
                        .insert_header("X-Ratelimit-Reset", value),
                )
                .mount(&server)
                .await;
            let mut vendor = Hinted::new(TestVendor::with_limit(RateLimit::per_second(100)));
            vendor.wb_retry = true;
            let t = build(vendor, &server.uri(), policy(3));
            let started = Instant::now();
            let first = t.send(op.request()).await;
            let second = t.send(op.request()).await;
            for outcome in [first, second] {
                if let Err(err) = outcome
                    && let Some(e) = err.api()
                {
                    assert!(
                        e.retry_after.is_none_or(|d| d <= MAX_PAUSE),
                        "{value} {status}: {:?}",
                        e.retry_after
                    );
                }
            }
            assert!(
                started.elapsed() <= BUDGET,
                "{value} {status}: {:?}",
                started.elapsed()
            );
        }
    }
}
