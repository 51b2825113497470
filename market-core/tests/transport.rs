//! The transport against a local wiremock server, on tokio's paused clock.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::time::Duration;

use common::{KEY, TestVendor, transport};
use market_core::transport::{Operation, RateLimit};
use market_core::{ApiErrorKind, Error};
use serde_json::json;
use tokio::time::Instant;
use wiremock::matchers::{header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

static READ: Operation = Operation::post("read", "/v1/read");
static CREATE: Operation = Operation::post("create", "/v1/create").non_idempotent();
static LIMITED: Operation = Operation::post("limited", "/v1/limited").in_group("limited");

fn ok() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({"result": "ok"}))
}

async fn received(server: &MockServer) -> usize {
    server.received_requests().await.unwrap().len()
}

#[tokio::test(start_paused = true)]
async fn a_429_with_retry_after_is_retried_after_exactly_that_delay() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/read"))
        .respond_with(
            ResponseTemplate::new(429)
                .insert_header("Retry-After", "7")
                .set_body_json(json!({"code": 8, "message": "too many requests"})),
        )
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v1/read"))
        .respond_with(ok())
        .mount(&server)
        .await;
    let vendor = TestVendor::new();
    let t = transport(&vendor, &server.uri(), 5);

    let start = Instant::now();
    let v: serde_json::Value = t.json(READ.request()).await.unwrap();
    assert_eq!(v["result"], "ok");
    let times = vendor.times();
    assert_eq!(times.len(), 2);
    assert_eq!(
        times[1] - times[0],
        Duration::from_secs(7),
        "waited exactly Retry-After"
    );
    assert_eq!(start.elapsed(), Duration::from_secs(7));
}

#[tokio::test(start_paused = true)]
async fn retry_after_as_an_http_date_is_honoured() {
    let server = MockServer::start().await;
    let at = std::time::SystemTime::now() + Duration::from_secs(30);
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(429).insert_header("Retry-After", httpdate::fmt_http_date(at)),
        )
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(ok())
        .mount(&server)
        .await;
    let vendor = TestVendor::new();
    let t = transport(&vendor, &server.uri(), 3);
    let _: serde_json::Value = t.json(READ.request()).await.unwrap();
    let times = vendor.times();
    let waited = times[1] - times[0];
    // HTTP dates have one-second resolution.
    assert!(
        waited >= Duration::from_secs(28) && waited <= Duration::from_secs(30),
        "waited {waited:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn a_503_is_retried_to_the_limit_then_a_typed_error() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(503)
                .insert_header("x-request-id", "req-42")
                .set_body_string("upstream unavailable"),
        )
        .mount(&server)
        .await;
    let vendor = TestVendor::new();
    let t = transport(&vendor, &server.uri(), 4);
    let start = Instant::now();
    let err = t.send(READ.request()).await.unwrap_err();
    assert_eq!(received(&server).await, 4);
    // Backoff without jitter: 1 + 2 + 4 seconds.
    assert_eq!(start.elapsed(), Duration::from_secs(7));
    let api = err.api().expect("an API error");
    assert_eq!(api.status, 503);
    assert_eq!(api.kind, ApiErrorKind::Server);
    assert!(api.retryable);
    assert_eq!(api.request_id.as_deref(), Some("req-42"));
    assert_eq!(api.message, "upstream unavailable");
    assert_eq!(api.operation, "read");
}

#[tokio::test(start_paused = true)]
async fn a_400_is_never_retried_and_carries_the_vendor_code_and_message() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(400).set_body_json(json!({
            "code": 3, "message": "offer_id is required", "details": []
        })))
        .mount(&server)
        .await;
    for status in [400u16, 401, 403, 404, 409] {
        server.reset().await;
        Mock::given(method("POST"))
            .respond_with(ResponseTemplate::new(status).set_body_json(json!({
                "code": 3, "message": "offer_id is required"
            })))
            .mount(&server)
            .await;
        let vendor = TestVendor::new();
        let t = transport(&vendor, &server.uri(), 5);
        let err = t.send(READ.request()).await.unwrap_err();
        assert_eq!(
            received(&server).await,
            1,
            "status {status} must not be retried"
        );
        let api = err.api().unwrap();
        assert_eq!(api.code.as_deref(), Some("3"));
        assert_eq!(api.message, "offer_id is required");
        assert!(!api.retryable);
        let kind = match status {
            400 => ApiErrorKind::BadRequest,
            401 => ApiErrorKind::Unauthorized,
            403 => ApiErrorKind::Forbidden,
            404 => ApiErrorKind::NotFound,
            _ => ApiErrorKind::Conflict,
        };
        assert_eq!(api.kind, kind);
    }
}

#[tokio::test(start_paused = true)]
async fn a_non_idempotent_call_is_not_repeated_after_the_server_may_have_seen_it() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/create"))
        .respond_with(ResponseTemplate::new(500))
        .mount(&server)
        .await;
    let vendor = TestVendor::new();
    let t = transport(&vendor, &server.uri(), 5);
    let err = t.send(CREATE.request()).await.unwrap_err();
    assert_eq!(err.status(), Some(500));
    assert_eq!(received(&server).await, 1);
    assert_eq!(vendor.attempts(), 1);
}

#[tokio::test(start_paused = true)]
async fn a_non_idempotent_call_refused_over_quota_is_repeated() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "2"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(ok())
        .mount(&server)
        .await;
    let vendor = TestVendor::new();
    let t = transport(&vendor, &server.uri(), 5);
    t.send(CREATE.request()).await.unwrap();
    assert_eq!(received(&server).await, 2);
}

/// A port nothing listens on: the connection is refused, so the request provably never left.
async fn refused_url() -> String {
    let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = l.local_addr().unwrap().port();
    drop(l);
    format!("http://127.0.0.1:{port}")
}

#[tokio::test(start_paused = true)]
async fn connection_failures_are_retried_even_for_non_idempotent_calls() {
    let vendor = TestVendor::new();
    let t = transport(&vendor, &refused_url().await, 3);
    let err = t.send(CREATE.request()).await.unwrap_err();
    assert_eq!(vendor.attempts(), 3, "not sent, so safe to repeat");
    match err {
        Error::Transport {
            not_sent,
            vendor,
            operation,
            ..
        } => {
            assert!(not_sent);
            assert_eq!((vendor, operation), ("test", "create"));
        }
        other => panic!("expected a transport error, got {other:?}"),
    }
}

/// A server that answers every request with a body cut short, and counts connections.
async fn cut_body_server() -> (String, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let count = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let c = count.clone();
    tokio::spawn(async move {
        loop {
            let Ok((mut sock, _)) = listener.accept().await else {
                return;
            };
            c.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let mut buf = vec![0u8; 4096];
            let _ = sock.read(&mut buf).await;
            let _ = sock
                .write_all(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{\"result\":")
                .await;
            let _ = sock.shutdown().await;
        }
    });
    (format!("http://{addr}"), count)
}

#[tokio::test(start_paused = true)]
async fn a_cut_body_is_retried_for_reads_only() {
    let (url, count) = cut_body_server().await;
    let vendor = TestVendor::new();
    let t = transport(&vendor, &url, 3);
    let err = t.send(READ.request()).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::Transport {
                not_sent: false,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(vendor.attempts(), 3);

    let vendor = TestVendor::new();
    let t = transport(&vendor, &url, 3);
    let before = count.load(std::sync::atomic::Ordering::SeqCst);
    let err = t.send(CREATE.request()).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::Transport {
                not_sent: false,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(vendor.attempts(), 1);
    assert_eq!(count.load(std::sync::atomic::Ordering::SeqCst) - before, 1);
}

#[tokio::test(start_paused = true)]
async fn the_retry_budget_bounds_total_time() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "100"))
        .mount(&server)
        .await;
    let vendor = TestVendor::new();
    let t = market_core::transport::Transport::builder(vendor.clone(), &server.uri())
        .unwrap()
        .retry(market_core::transport::RetryPolicy {
            max_elapsed: Duration::from_secs(60),
            ..common::policy(10)
        })
        .http(market_core::transport::HttpSettings {
            connect_timeout: None,
            request_timeout: None,
            pool_idle_timeout: None,
            ..Default::default()
        })
        .build()
        .unwrap();
    let start = Instant::now();
    let err = t.send(READ.request()).await.unwrap_err();
    assert_eq!(
        start.elapsed(),
        Duration::ZERO,
        "a 100 s wait does not fit a 60 s budget"
    );
    let api = err.api().unwrap();
    assert_eq!(api.kind, ApiErrorKind::RateLimited);
    assert_eq!(api.retry_after, Some(Duration::from_secs(100)));
    assert_eq!(received(&server).await, 1);
}

#[tokio::test(start_paused = true)]
async fn the_rate_limiter_reaches_its_quota_and_never_exceeds_it() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ok())
        .mount(&server)
        .await;
    // 10 requests a second, burst 5.
    let vendor = TestVendor::with_limit(RateLimit::per_second(10).with_burst(5));
    let t = transport(&vendor, &server.uri(), 1);
    let n = 45;
    let start = Instant::now();
    let calls = (0..n).map(|_| t.send(LIMITED.request()));
    for r in futures::future::join_all(calls).await {
        r.unwrap();
    }
    let elapsed = start.elapsed();
    // (N - burst) / Q = 40 / 10 = 4 s, within one interval (0.1 s).
    let expected = Duration::from_secs(4);
    assert!(
        elapsed >= expected && elapsed <= expected + Duration::from_millis(100),
        "took {elapsed:?}"
    );
    // In every window of length w there are at most burst + w * Q sends.
    let times = vendor.times();
    assert_eq!(times.len(), n);
    for (i, a) in times.iter().enumerate() {
        for w_ms in [100u64, 500, 1000, 2000] {
            let w = Duration::from_millis(w_ms);
            let in_window = times[i..].iter().filter(|b| **b - *a < w).count();
            let allowed = 5 + (w_ms as usize * 10).div_ceil(1000);
            assert!(
                in_window <= allowed,
                "{in_window} sends in {w:?} after send {i}"
            );
        }
    }
}

#[tokio::test(start_paused = true)]
async fn item_quotas_count_items() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ok())
        .mount(&server)
        .await;
    // 100 items a minute (Yandex Market style); each request carries 50.
    let vendor = TestVendor::with_limit(RateLimit::per_minute(100).counting_items());
    let t = transport(&vendor, &server.uri(), 1);
    let start = Instant::now();
    for _ in 0..4 {
        t.send(LIMITED.request().weight(50)).await.unwrap();
    }
    // Two requests fit the burst; the next 100 items take one more minute.
    assert_eq!(start.elapsed(), Duration::from_secs(60));
}

#[tokio::test(start_paused = true)]
async fn a_spent_quota_reported_by_headers_pauses_the_group() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(
            ok().insert_header("x-ratelimit-remaining", "0")
                .insert_header("x-ratelimit-reset", "12"),
        )
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(ok())
        .mount(&server)
        .await;
    let vendor = TestVendor::with_limit(RateLimit::per_second(100));
    let t = transport(&vendor, &server.uri(), 1);
    let start = Instant::now();
    t.send(LIMITED.request()).await.unwrap();
    assert_eq!(start.elapsed(), Duration::ZERO);
    t.send(LIMITED.request()).await.unwrap();
    assert_eq!(
        start.elapsed(),
        Duration::from_secs(12),
        "waited for the reset"
    );
}

#[tokio::test(start_paused = true)]
async fn a_429_pauses_other_calls_of_the_group_too() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "5"))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(ok())
        .mount(&server)
        .await;
    let vendor = TestVendor::with_limit(RateLimit::per_second(100));
    let t = transport(&vendor, &server.uri(), 3);
    let start = Instant::now();
    let first = t.send(LIMITED.request());
    let second = async {
        // Starts 1 s after the 429 was handled, while the group is paused. (Spinning keeps
        // the paused clock from jumping ahead while the first answer is on its way.)
        while vendor.refusals.load(std::sync::atomic::Ordering::SeqCst) == 0 {
            tokio::task::yield_now().await;
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
        t.send(LIMITED.request()).await
    };
    let (a, b) = tokio::join!(first, second);
    a.unwrap();
    b.unwrap();
    let offsets: Vec<Duration> = vendor.times().iter().map(|t| *t - start).collect();
    assert_eq!(offsets.len(), 3);
    assert_eq!(offsets[0], Duration::ZERO);
    // Neither call is sent before the 5 s the server asked for.
    assert_eq!(offsets[1], Duration::from_secs(5));
    assert_eq!(offsets[2], Duration::from_secs(5));
}

#[tokio::test(start_paused = true)]
async fn requests_carry_user_agent_auth_query_and_encoded_path() {
    static GET_ONE: Operation =
        Operation::get("get_one", "/v2/campaigns/{campaignId}/orders/{orderId}");
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/prefix/v2/campaigns/12/orders/A%2FB%20C"))
        .and(query_param("limit", "50"))
        .and(header("api-key", KEY))
        .and(header(
            "user-agent",
            format!("test-api/9.9.9 market-core/{}", env!("CARGO_PKG_VERSION")).as_str(),
        ))
        .respond_with(ok())
        .mount(&server)
        .await;
    let vendor = TestVendor::new();
    let t = transport(&vendor, &format!("{}/prefix/", server.uri()), 1);
    let req = GET_ONE
        .request()
        .path_param("campaignId", 12)
        .path_param("orderId", "A/B C")
        .query("limit", 50);
    let v: serde_json::Value = t.json(req).await.unwrap();
    assert_eq!(v["result"], "ok");
}

#[tokio::test(start_paused = true)]
async fn decode_errors_name_the_field_and_quote_a_bounded_excerpt() {
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Item {
        price: rust_decimal::Decimal,
    }
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Answer {
        items: Vec<Item>,
    }
    let server = MockServer::start().await;
    let long = "x".repeat(5000);
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "items": [{"price": "1.5"}, {"price": {"bad": true}}], "pad": long
        })))
        .mount(&server)
        .await;
    let vendor = TestVendor::new();
    let t = transport(&vendor, &server.uri(), 3);
    let err = t.json::<Answer>(READ.request()).await.unwrap_err();
    match &err {
        Error::Decode { path, excerpt, .. } => {
            assert_eq!(path, "items[1].price");
            assert!(excerpt.len() <= market_core::transport::EXCERPT_LEN + 3);
        }
        other => panic!("expected a decode error, got {other:?}"),
    }
    assert_eq!(received(&server).await, 1, "decode errors are not retried");
}

#[tokio::test(start_paused = true)]
async fn the_key_never_appears_in_debug_display_or_errors() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(401).set_body_json(json!({
            "code": 16, "message": format!("Api-Key {KEY} is invalid")
        })))
        .mount(&server)
        .await;
    let vendor = TestVendor::new();
    let t = transport(&vendor, &server.uri(), 3);
    let err = t.send(READ.request()).await.unwrap_err();
    let texts = [
        format!("{t:?}"),
        format!("{vendor:?}"),
        format!("{err}"),
        format!("{err:?}"),
    ];
    for text in texts {
        assert!(!text.contains(KEY), "leaked in: {text}");
        assert!(!text.contains("SECRET"), "leaked in: {text}");
    }
    assert!(err.to_string().contains("[REDACTED] is invalid"));

    // Transport errors too: reqwest's message has its URL removed.
    let t = transport(&vendor, &refused_url().await, 1);
    let err = t
        .send(READ.request().query("apiKey", KEY))
        .await
        .unwrap_err();
    assert!(!format!("{err} {err:?}").contains(KEY));
}

#[tokio::test(start_paused = true)]
async fn a_timed_out_attempt_is_retried_for_reads_and_not_for_creates() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ok().set_delay(Duration::from_secs(3600)))
        .mount(&server)
        .await;
    let build = |vendor: &TestVendor| {
        market_core::transport::Transport::builder(vendor.clone(), &server.uri())
            .unwrap()
            .retry(common::policy(3))
            .http(market_core::transport::HttpSettings {
                connect_timeout: None,
                request_timeout: Some(Duration::from_secs(10)),
                pool_idle_timeout: None,
                ..Default::default()
            })
            .build()
            .unwrap()
    };
    let vendor = TestVendor::new();
    let start = Instant::now();
    let err = build(&vendor).send(READ.request()).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::Timeout {
                operation: "read",
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err.is_retryable());
    assert_eq!(vendor.attempts(), 3);
    // Three 10 s attempts and backoffs of 1 s and 2 s.
    assert_eq!(start.elapsed(), Duration::from_secs(33));

    let vendor = TestVendor::new();
    let err = build(&vendor).send(CREATE.request()).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::Timeout {
                operation: "create",
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(
        vendor.attempts(),
        1,
        "the server may have seen it: not repeated"
    );
}

/// A vendor that signals "over quota" as Yandex Market does: 420 and an "until" HTTP date.
#[derive(Debug, Clone)]
struct QuotaBy420(TestVendor);

impl market_core::transport::Vendor for QuotaBy420 {
    fn kind(&self) -> market_core::MarketplaceKind {
        market_core::MarketplaceKind::Other("ym-like".into())
    }
    fn name(&self) -> &'static str {
        "ym-like"
    }
    fn authorize(&self, headers: &mut http::HeaderMap) -> market_core::Result<()> {
        self.0.authorize(headers)
    }
    fn classify(&self, status: http::StatusCode, _: &http::HeaderMap, _: &[u8]) -> ApiErrorKind {
        match status.as_u16() {
            420 => ApiErrorKind::RateLimited,
            _ => market_core::transport::default_classify(status),
        }
    }
    fn retry_after(&self, headers: &http::HeaderMap) -> Option<Duration> {
        let until = market_core::transport::header_str(headers, "x-ratelimit-resource-until")?;
        market_core::transport::parse_retry_after(&until, std::time::SystemTime::now())
    }
}

#[tokio::test(start_paused = true)]
async fn a_vendor_hook_can_make_420_the_over_quota_signal() {
    let server = MockServer::start().await;
    let until = httpdate::fmt_http_date(std::time::SystemTime::now() + Duration::from_secs(20));
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(420).insert_header("X-RateLimit-Resource-Until", until.as_str()),
        )
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(ok())
        .mount(&server)
        .await;
    let inner = TestVendor::new();
    let t = market_core::transport::Transport::builder(QuotaBy420(inner.clone()), &server.uri())
        .unwrap()
        .retry(common::policy(3))
        .http(market_core::transport::HttpSettings {
            connect_timeout: None,
            request_timeout: None,
            pool_idle_timeout: None,
            ..Default::default()
        })
        .build()
        .unwrap();
    // Even an operation that creates something: a quota refusal is unprocessed.
    t.send(CREATE.request()).await.unwrap();
    let times = inner.times();
    assert_eq!(times.len(), 2);
    let waited = times[1] - times[0];
    assert!(
        waited >= Duration::from_secs(18) && waited <= Duration::from_secs(20),
        "{waited:?}"
    );
}

#[tokio::test(start_paused = true)]
async fn an_account_wide_limit_applies_on_top_of_the_group_limit() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ok())
        .mount(&server)
        .await;
    // Group: 100/s; account: 2/s with burst 2, shared by every operation.
    let vendor = TestVendor {
        account_limit: Some(RateLimit::per_second(2)),
        ..TestVendor::with_limit(RateLimit::per_second(100))
    };
    let t = transport(&vendor, &server.uri(), 1);
    let start = Instant::now();
    for _ in 0..3 {
        t.send(LIMITED.request()).await.unwrap();
        t.send(READ.request()).await.unwrap();
    }
    // Six requests, burst 2, then one every 0.5 s.
    assert_eq!(start.elapsed(), Duration::from_secs(2));
}

#[tokio::test(start_paused = true)]
async fn a_group_waiting_for_its_quota_does_not_hold_an_account_slot() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ok())
        .mount(&server)
        .await;
    // Group "limited": 1 a minute; the account: one request in flight at a time.
    let vendor = TestVendor {
        account_limit: Some(RateLimit::per(u32::MAX, Duration::from_secs(1)).max_concurrent(1)),
        ..TestVendor::with_limit(RateLimit::per_minute(1))
    };
    let t = transport(&vendor, &server.uri(), 1);
    t.send(LIMITED.request()).await.unwrap();
    let start = Instant::now();
    let waiting = {
        let t = t.clone();
        tokio::spawn(async move { t.send(LIMITED.request()).await })
    };
    tokio::task::yield_now().await;
    // Another operation goes at once, though the limited one waits a minute for its quota.
    // (Attempt times, not elapsed time: a paused clock jumps ahead while a socket is awaited.)
    t.send(READ.request()).await.unwrap();
    waiting.await.unwrap().unwrap();
    let times = vendor.times();
    assert_eq!(times.len(), 3);
    assert!(
        times[1] - start < Duration::from_secs(1),
        "the other operation was sent after {:?}",
        times[1] - start
    );
    assert!(
        times[2] - start >= Duration::from_secs(59),
        "{:?}",
        times[2] - start
    );
}

#[tokio::test(start_paused = true)]
async fn a_refusal_the_vendor_counts_as_ten_requests_is_paid_before_the_next_request() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(400).set_body_json(json!({"message": "bad"})))
        .mount(&server)
        .await;
    // One request a second, burst 1; a 4xx costs 9 units more (10 in all).
    let mut vendor = TestVendor::with_limit(RateLimit::per_second(1).with_burst(1));
    vendor.refusal_cost_4xx = 9;
    let t = transport(&vendor, &server.uri(), 1);
    for _ in 0..3 {
        let err = t.send(LIMITED.request()).await.unwrap_err();
        assert_eq!(err.status(), Some(400));
    }
    let times = vendor.times();
    assert_eq!(times.len(), 3);
    // Each refusal cost 10 units at one a second: the next request waited 10 s, not 1 s.
    assert_eq!(times[1] - times[0], Duration::from_secs(10));
    assert_eq!(times[2] - times[1], Duration::from_secs(10));

    // A 4xx the vendor hook reads as an answer (per-item conflicts) costs the same.
    server.reset().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(409).set_body_json(json!([{"code": "NotFound"}])))
        .mount(&server)
        .await;
    let mut answered = TestVendor::with_limit(RateLimit::per_second(1).with_burst(1));
    answered.refusal_cost_4xx = 9;
    answered.accept_409 = true;
    let t = transport(&answered, &server.uri(), 1);
    for _ in 0..2 {
        let r = t.send(LIMITED.request()).await.unwrap();
        assert_eq!(r.status.as_u16(), 409);
    }
    let times = answered.times();
    assert_eq!(times[1] - times[0], Duration::from_secs(10));

    // The same vendor without the extra cost paces refusals at the plain rate.
    server.reset().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(400).set_body_json(json!({"message": "bad"})))
        .mount(&server)
        .await;
    let plain = TestVendor::with_limit(RateLimit::per_second(1).with_burst(1));
    let t = transport(&plain, &server.uri(), 1);
    for _ in 0..3 {
        t.send(LIMITED.request()).await.unwrap_err();
    }
    let times = plain.times();
    assert_eq!(times[1] - times[0], Duration::from_secs(1));
}

#[tokio::test(start_paused = true)]
async fn a_busy_refusal_is_repeated_after_a_pause_even_for_a_non_idempotent_call() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(409).set_body_json(json!({
            "code": "StoreIsProcessing", "message": "try again after a few seconds"
        })))
        .up_to_n_times(2)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(ok())
        .mount(&server)
        .await;
    let mut vendor = TestVendor::new();
    vendor.busy_on_409 = true;
    let t = transport(&vendor, &server.uri(), 5);
    t.send(CREATE.request()).await.unwrap();
    let times = vendor.times();
    assert_eq!(times.len(), 3);
    // The default pause (2 s) each time, not the backoff schedule (1 s, 2 s).
    assert_eq!(times[1] - times[0], Duration::from_secs(2));
    assert_eq!(times[2] - times[1], Duration::from_secs(2));

    // Out of attempts, the error says busy and retryable.
    server.reset().await;
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(409).set_body_json(json!({"code": "StoreIsProcessing"})),
        )
        .mount(&server)
        .await;
    let t = transport(&vendor, &server.uri(), 2);
    let err = t.send(CREATE.request()).await.unwrap_err();
    let api = err.api().unwrap();
    assert_eq!(api.kind, ApiErrorKind::Busy);
    assert!(api.retryable);
    assert_eq!(api.retry_after, Some(Duration::from_secs(2)));

    // A plain 409 (conflict) is still never repeated.
    let plain = TestVendor::new();
    let t = transport(&plain, &server.uri(), 5);
    let err = t.send(READ.request()).await.unwrap_err();
    assert_eq!(err.api().unwrap().kind, ApiErrorKind::Conflict);
    assert_eq!(plain.attempts(), 1);
}

#[tokio::test(start_paused = true)]
async fn a_quota_pause_longer_than_the_retry_budget_fails_at_once_instead_of_sleeping() {
    let server = MockServer::start().await;
    // A daily quota spent: the server says come back in a billion seconds.
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(429)
                .insert_header("x-ratelimit-remaining", "0")
                .insert_header("x-ratelimit-reset", "1000000000"),
        )
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(ok())
        .mount(&server)
        .await;
    let vendor = TestVendor::with_limit(RateLimit::per_second(100));
    let t = transport(&vendor, &server.uri(), 5);
    let start = Instant::now();
    let err = t.send(LIMITED.request()).await.unwrap_err();
    assert_eq!(err.api().unwrap().kind, ApiErrorKind::RateLimited);
    assert_eq!(start.elapsed(), Duration::ZERO, "slept on an absurd hint");
    // The next call of the group is not sent: it fails at once, saying how long the pause is
    // (capped at a day).
    let err = t.send(LIMITED.request()).await.unwrap_err();
    let api = err.api().unwrap();
    assert_eq!(api.code.as_deref(), Some("quota_paused"));
    assert_eq!(api.retry_after, Some(market_core::transport::MAX_PAUSE));
    assert!(api.retryable);
    assert_eq!(received(&server).await, 1);
    assert_eq!(start.elapsed(), Duration::ZERO);
    // Other groups are not affected.
    t.send(READ.request()).await.unwrap();
}

#[tokio::test(start_paused = true)]
async fn a_request_sends_its_operations_method_and_path_in_its_group() {
    static REMOVE: Operation = Operation::delete("remove", "/v1/things/{id}").in_group("limited");
    let server = MockServer::start().await;
    Mock::given(method("DELETE"))
        .and(path("/v1/things/7"))
        .respond_with(ok())
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v1/read"))
        .respond_with(ok())
        .mount(&server)
        .await;
    // One request a minute in the "limited" group; the default group has no quota.
    let vendor = TestVendor::with_limit(RateLimit::per_minute(1));
    let t = transport(&vendor, &server.uri(), 1);

    let request = REMOVE.request().path_param("id", 7);
    assert!(std::ptr::eq(request.operation(), &REMOVE));
    let start = Instant::now();
    let v: serde_json::Value = t.json(request).await.unwrap();
    assert_eq!(v["result"], "ok");
    let got = server.received_requests().await.unwrap();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].method.as_str(), "DELETE");
    assert_eq!(got[0].url.path(), "/v1/things/7");
    assert_eq!(start.elapsed(), Duration::ZERO);

    // The quota of REMOVE's group is spent: its next request waits a minute...
    t.send(REMOVE.request().path_param("id", 7)).await.unwrap();
    assert_eq!(start.elapsed(), Duration::from_secs(60));
    // ...while an operation of another group does not wait.
    t.send(READ.request()).await.unwrap();
    assert_eq!(start.elapsed(), Duration::from_secs(60));
    assert_eq!(
        t.limits().current("acc-1", "limited"),
        Some(RateLimit::per_minute(1))
    );
    assert_eq!(t.limits().current("acc-1", "default"), None);
    assert_eq!(received(&server).await, 3);
}

#[tokio::test(start_paused = true)]
async fn an_absolute_url_gets_credentials_and_quota_only_on_the_own_origin() {
    static FILE: Operation = Operation::get("file", "{file}").in_group("limited");
    let api = MockServer::start().await;
    let cdn = MockServer::start().await;
    for server in [&api, &cdn] {
        Mock::given(method("GET"))
            .and(path("/s3/a.pdf"))
            .respond_with(
                ResponseTemplate::new(200).set_body_raw(b"%PDF-1.4".to_vec(), "application/pdf"),
            )
            .mount(server)
            .await;
    }
    let vendor = TestVendor::with_limit(RateLimit::per_minute(1));
    let t = transport(&vendor, &format!("{}/prefix/", api.uri()), 1);
    let start = Instant::now();

    // Another origin: sent as given (query byte for byte, fragment dropped), no key, no quota.
    let cdn_url = url::Url::parse(&format!(
        "{}/s3/a.pdf?X-Amz-Credential=a%2Fb&X-Amz-Signature=ff#page=2",
        cdn.uri()
    ))
    .unwrap();
    for _ in 0..3 {
        let r = t
            .send(FILE.request().absolute_url(cdn_url.clone()).unwrap())
            .await
            .unwrap();
        assert_eq!(r.body.as_ref(), b"%PDF-1.4");
    }
    assert_eq!(start.elapsed(), Duration::ZERO, "no quota spent off-origin");
    let got = cdn.received_requests().await.unwrap();
    assert_eq!(got.len(), 3);
    for r in &got {
        assert_eq!(r.url.path(), "/s3/a.pdf");
        assert_eq!(
            r.url.query(),
            Some("X-Amz-Credential=a%2Fb&X-Amz-Signature=ff")
        );
        assert!(
            r.headers.get("api-key").is_none(),
            "the key left its origin"
        );
    }
    assert_eq!(vendor.attempts(), 0);
    assert_eq!(t.limits().current("acc-1", "limited"), None);

    // The base URL's origin (not below its path prefix): the key goes, the quota counts.
    let api_url = url::Url::parse(&format!("{}/s3/a.pdf", api.uri())).unwrap();
    t.send(FILE.request().absolute_url(api_url.clone()).unwrap())
        .await
        .unwrap();
    assert_eq!(start.elapsed(), Duration::ZERO);
    t.send(FILE.request().absolute_url(api_url).unwrap())
        .await
        .unwrap();
    assert_eq!(
        start.elapsed(),
        Duration::from_secs(60),
        "the group's quota"
    );
    let got = api.received_requests().await.unwrap();
    assert_eq!(got.len(), 2);
    assert_eq!(got[0].url.path(), "/s3/a.pdf");
    assert_eq!(got[0].headers.get("api-key").unwrap(), KEY);
    assert_eq!(vendor.attempts(), 2);

    // Only http(s) is fetched.
    let ftp = url::Url::parse("ftp://cdn.example/a.pdf").unwrap();
    let err = FILE.request().absolute_url(ftp).unwrap_err();
    assert!(matches!(err, Error::Validation { .. }), "{err:?}");
}
