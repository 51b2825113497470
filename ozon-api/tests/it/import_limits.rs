//! Ozon's item quota of the product methods: over it, `/v3/product/import` answers 429 with
//! `Item-Retry-After` (minutes until the quota is renewed; for the daily quota, the time until
//! 03:00 Moscow time) and `Item-Rate-Limit-Remaining` (operations left until that renewal).
//! The client waits what Ozon asks when that fits the retry budget, fails at once with the
//! wait otherwise, and never reads a wait longer than a day. All on tokio's paused clock.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use http::{HeaderMap, HeaderValue};
use market_core::transport::{HttpSettings, Request, RetryPolicy};
use market_core::{ApiErrorKind, Error, RejectionStage};
use ozon_api::Client;
use ozon_api::api::products::PRODUCT_IMPORT;
use ozon_api::models::products::ProductImportItem;
use rust_decimal::Decimal;
use serde_json::json;
use tokio::time::Instant;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request as WireRequest, Respond, ResponseTemplate};

const IMPORT: &str = "/v3/product/import";
const DAY: Duration = Duration::from_secs(24 * 60 * 60);

/// The default retry budget (2 minutes), exact delays.
fn policy() -> RetryPolicy {
    RetryPolicy {
        max_attempts: 3,
        jitter: false,
        ..RetryPolicy::default()
    }
}

fn client(server: &MockServer) -> Client {
    client_with(server, policy())
}

fn client_with(server: &MockServer, retry: RetryPolicy) -> Client {
    Client::builder("836252", "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0")
        .base_url(server.uri())
        .retry(retry)
        .http(HttpSettings {
            connect_timeout: None,
            request_timeout: None,
            pool_idle_timeout: None,
            ..HttpSettings::default()
        })
        .build()
        .unwrap()
}

fn card(offer: &str) -> ProductImportItem {
    ProductImportItem::new(
        offer,
        format!("Комплект защитных плёнок {offer}"),
        17028922,
        91565,
        Decimal::new(100050, 2),
    )
}

/// Ozon's 429 of the item quota: the spec's example body and the two headers.
fn over_quota(retry_after_minutes: &str, remaining: &str) -> ResponseTemplate {
    ResponseTemplate::new(429)
        .insert_header("Item-Retry-After", retry_after_minutes)
        .insert_header("Item-Rate-Limit-Remaining", remaining)
        .set_body_json(json!({
            "code": "RESOURCE_EXHAUSTED",
            "message": "You have reached operation items limits. Retry after 120 seconds. Remaining 10 items"
        }))
}

fn task(id: i64) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({"result": {"task_id": id}}))
}

/// Answers the first `refusals` requests with `refusal`, then a task.
struct RefuseThenAccept {
    seen: AtomicUsize,
    refusals: usize,
    refusal: ResponseTemplate,
}

impl Respond for RefuseThenAccept {
    fn respond(&self, _: &WireRequest) -> ResponseTemplate {
        if self.seen.fetch_add(1, Ordering::SeqCst) < self.refusals {
            self.refusal.clone()
        } else {
            task(172549793)
        }
    }
}

async fn server_refusing(refusals: usize, refusal: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(IMPORT))
        .respond_with(RefuseThenAccept {
            seen: AtomicUsize::new(0),
            refusals,
            refusal,
        })
        .mount(&server)
        .await;
    server
}

async fn requests(server: &MockServer) -> usize {
    server.received_requests().await.unwrap().len()
}

fn import_request() -> Request {
    PRODUCT_IMPORT
        .request()
        .json(&json!({"items": [{"offer_id": "OF-1"}]}))
        .unwrap()
}

fn rate_limited(
    result: market_core::Result<market_core::transport::Response>,
) -> Box<market_core::ApiError> {
    match result {
        Err(Error::Api(e)) => e,
        Err(other) => panic!("not an API error: {other:?}"),
        Ok(r) => panic!("succeeded with {}", r.status),
    }
}

#[tokio::test(start_paused = true)]
async fn a_429_with_item_retry_after_of_one_minute_is_retried_after_exactly_60_s() {
    let server = server_refusing(1, over_quota("1", "0")).await;
    let ozon = client(&server);
    let started = Instant::now();
    let submission = ozon.products().import(vec![card("OF-1")]).await.unwrap();
    assert_eq!(started.elapsed(), Duration::from_secs(60));
    assert_eq!(requests(&server).await, 2);
    assert_eq!(submission.report.accepted, ["OF-1".to_owned()]);
    assert!(
        submission.report.rejected.is_empty(),
        "{:?}",
        submission.report
    );
    assert_eq!(submission.tasks.len(), 1);
}

#[tokio::test(start_paused = true)]
async fn a_fractional_item_retry_after_is_minutes_too() {
    let server = server_refusing(1, over_quota("0.5", "3")).await;
    let ozon = client(&server);
    let started = Instant::now();
    let response = ozon.transport().send(import_request()).await.unwrap();
    assert_eq!(response.status, 200);
    assert_eq!(started.elapsed(), Duration::from_secs(30));
    assert_eq!(requests(&server).await, 2);
}

#[tokio::test(start_paused = true)]
async fn an_absurd_item_retry_after_fails_at_once_with_the_wait_capped_to_a_day() {
    let server = server_refusing(usize::MAX, over_quota("100000000", "0")).await;
    let ozon = client(&server);
    let started = Instant::now();
    let e = rate_limited(ozon.transport().send(import_request()).await);
    // No sleep at all: the wait is beyond the retry budget, so the error comes back at once.
    assert_eq!(started.elapsed(), Duration::ZERO);
    assert_eq!(requests(&server).await, 1);
    assert_eq!(e.kind, ApiErrorKind::RateLimited);
    assert_eq!(e.status, 429);
    assert_eq!(e.operation, "product_import");
    assert_eq!(e.code.as_deref(), Some("RESOURCE_EXHAUSTED"));
    assert!(e.retryable);
    assert_eq!(e.retry_after, Some(DAY));

    // The quota is spent for the day: the group is paused, so the card import that follows is
    // not even sent. Its items come back as to be sent again after the pause, not rejected, and
    // there is no hours-long sleep either.
    let started = Instant::now();
    let submission = ozon.products().import(vec![card("OF-2")]).await.unwrap();
    assert_eq!(started.elapsed(), Duration::ZERO);
    assert_eq!(requests(&server).await, 1, "sent during the pause");
    assert!(submission.tasks.is_empty());
    assert_eq!(submission.report.rejected.len(), 1);
    let deferred = &submission.report.rejected[0];
    assert_eq!(deferred.key, "OF-2");
    assert_eq!(deferred.stage, RejectionStage::RetryLater);
    assert_eq!(deferred.code.as_deref(), Some("quota_paused"));
    assert_eq!(deferred.retry_after, Some(DAY));
    // Attribute updates share the quota and the pause.
    let e = ozon
        .transport()
        .send(
            ozon_api::api::products::PRODUCT_ATTRIBUTES_UPDATE
                .request()
                .json(&json!({"items": []}))
                .unwrap(),
        )
        .await;
    assert_eq!(rate_limited(e).code.as_deref(), Some("quota_paused"));
}

#[tokio::test(start_paused = true)]
async fn a_refused_import_chunk_is_deferred_with_ozon_s_wait() {
    // Refused with a wait the budget cannot cover, on a fresh client (no pause yet).
    let server = server_refusing(usize::MAX, over_quota("3", "0")).await;
    let ozon = client(&server);
    let submission = ozon.products().import(vec![card("OF-3")]).await.unwrap();
    assert!(submission.tasks.is_empty());
    let deferred = &submission.report.rejected[0];
    assert_eq!(deferred.stage, RejectionStage::RetryLater);
    assert_eq!(deferred.code.as_deref(), Some("RESOURCE_EXHAUSTED"));
    assert_eq!(deferred.retry_after, Some(Duration::from_secs(180)));
}

#[tokio::test(start_paused = true)]
async fn a_wait_beyond_the_retry_budget_is_given_back_not_slept() {
    // Three minutes: more than the two-minute budget of the call.
    let server = server_refusing(usize::MAX, over_quota("3", "0")).await;
    let ozon = client(&server);
    let started = Instant::now();
    let e = rate_limited(ozon.transport().send(import_request()).await);
    assert_eq!(started.elapsed(), Duration::ZERO);
    assert_eq!(requests(&server).await, 1);
    assert_eq!(e.kind, ApiErrorKind::RateLimited);
    assert_eq!(e.retry_after, Some(Duration::from_secs(180)));
}

#[tokio::test(start_paused = true)]
async fn a_second_refusal_whose_wait_no_longer_fits_ends_the_call() {
    // 1 minute, then 1 minute again: the second wait would end after the 2-minute budget
    // (60 s slept + the exchange), so the second 429 comes back with its wait.
    let server = server_refusing(usize::MAX, over_quota("1", "0")).await;
    let ozon = client_with(
        &server,
        RetryPolicy {
            max_elapsed: Duration::from_secs(90),
            ..policy()
        },
    );
    let started = Instant::now();
    let e = rate_limited(ozon.transport().send(import_request()).await);
    assert_eq!(started.elapsed(), Duration::from_secs(60));
    assert_eq!(requests(&server).await, 2);
    assert_eq!(e.retry_after, Some(Duration::from_secs(60)));
}

fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
    let mut h = HeaderMap::new();
    for (name, value) in pairs {
        h.insert(*name, HeaderValue::from_str(value).unwrap());
    }
    h
}

#[test]
fn item_retry_after_is_read_in_minutes_and_bounded_by_a_day() {
    let ozon = Client::new("836252", "key").unwrap();
    let vendor = ozon.transport().vendor();
    let wait = |pairs: &[(&'static str, &str)]| vendor.retry_after(&headers(pairs));
    assert_eq!(
        wait(&[("Item-Retry-After", "1")]),
        Some(Duration::from_secs(60))
    );
    assert_eq!(
        wait(&[("item-retry-after", " 2 ")]),
        Some(Duration::from_secs(120))
    );
    assert_eq!(
        wait(&[("Item-Retry-After", "0.5")]),
        Some(Duration::from_secs(30))
    );
    // The daily quota: until 03:00 Moscow time, at most a day.
    assert_eq!(wait(&[("Item-Retry-After", "1440")]), Some(DAY));
    assert_eq!(wait(&[("Item-Retry-After", "100000000")]), Some(DAY));
    assert_eq!(wait(&[("Item-Retry-After", "1e300")]), Some(DAY));
    // Not a wait: ignored (the standard header is still read).
    assert_eq!(wait(&[("Item-Retry-After", "-1")]), None);
    assert_eq!(wait(&[("Item-Retry-After", "NaN")]), None);
    assert_eq!(wait(&[("Item-Retry-After", "soon")]), None);
    assert_eq!(
        wait(&[("Item-Retry-After", "soon"), ("Retry-After", "7")]),
        Some(Duration::from_secs(7))
    );
    // Item-Retry-After wins over Retry-After: it is the item quota's own answer.
    assert_eq!(
        wait(&[("Item-Retry-After", "2"), ("Retry-After", "7")]),
        Some(Duration::from_secs(120))
    );
    assert_eq!(wait(&[("Retry-After", "7")]), Some(Duration::from_secs(7)));
    assert_eq!(wait(&[]), None);
}

#[test]
fn item_rate_limit_remaining_is_reported_with_the_reset_when_ozon_gives_one() {
    let ozon = Client::new("836252", "key").unwrap();
    let vendor = ozon.transport().vendor();
    let feedback = |pairs: &[(&'static str, &str)]| vendor.rate_feedback(&headers(pairs));

    let spent = feedback(&[
        ("Item-Rate-Limit-Remaining", "0"),
        ("Item-Retry-After", "2"),
    ])
    .unwrap();
    assert_eq!(spent.remaining, Some(0));
    assert_eq!(spent.reset_after, Some(Duration::from_secs(120)));
    // No limit is announced: the documented quota stays.
    assert_eq!(spent.limit, None);
    assert_eq!(spent.limit_count, None);
    assert_eq!(spent.limit_burst, None);

    // No reset given: the count alone, nothing to pause on.
    let no_reset = feedback(&[("Item-Rate-Limit-Remaining", "0")]).unwrap();
    assert_eq!(no_reset.remaining, Some(0));
    assert_eq!(no_reset.reset_after, None);

    let left = feedback(&[("item-rate-limit-remaining", "10")]).unwrap();
    assert_eq!(left.remaining, Some(10));

    assert_eq!(feedback(&[("Item-Rate-Limit-Remaining", "many")]), None);
    assert_eq!(feedback(&[]), None);
    assert_eq!(feedback(&[("Retry-After", "7")]), None);
}
