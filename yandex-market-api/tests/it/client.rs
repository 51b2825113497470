//! The Yandex Market client core: the Api-Key header, the error body, HTTP 420 with
//! `X-RateLimit-Resource-*`, quotas per method (requests and items), the 512 KB body limit,
//! secrets kept out of errors and `Debug`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::Duration;

use chrono::{TimeZone, Utc};
use market_core::transport::{HttpSettings, Operation, RetryPolicy};
use market_core::{ApiErrorKind, Error};
use serde_json::{Value, json};
use tokio::time::Instant;
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};
use yandex_market_api::Client;
use yandex_market_api::limits::{self, Counts, Tier};

const KEY: &str = "ACMA:secret-api-key-value:0000";

static PING: Operation = Operation::get("getCampaigns", "/v2/campaigns").in_group("getCampaigns");
static STOCKS: Operation =
    Operation::put("updateStocks", "/v2/campaigns/{campaignId}/offers/stocks")
        .in_group("updateStocks");

fn builder(server: &MockServer) -> yandex_market_api::ClientBuilder {
    Client::builder(KEY)
        .base_url(server.uri())
        .retry(RetryPolicy {
            max_attempts: 3,
            initial_delay: Duration::from_millis(10),
            jitter: false,
            ..RetryPolicy::default()
        })
        .http(HttpSettings {
            connect_timeout: None,
            request_timeout: None,
            pool_idle_timeout: None,
            ..HttpSettings::default()
        })
}

fn ok() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({"status": "OK"}))
}

#[tokio::test]
async fn the_key_goes_in_api_key_and_the_default_host_is_the_partner_api() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v2/campaigns"))
        .and(header("api-key", KEY))
        .respond_with(ok())
        .expect(1)
        .mount(&server)
        .await;
    let ym = builder(&server).build().unwrap();
    ym.transport().send(PING.request()).await.unwrap();
    let production = Client::new(KEY).unwrap();
    assert_eq!(
        production.transport().base_url().as_str(),
        "https://api.partner.market.yandex.ru/"
    );
    assert!(Client::new("  ").is_err(), "an empty key is refused");
}

#[tokio::test]
async fn the_error_body_keeps_every_code_and_message() {
    let server = MockServer::start().await;
    Mock::given(path("/v2/campaigns"))
        .respond_with(
            ResponseTemplate::new(400)
                .insert_header("X-Market-Request-ID", "req-42")
                .set_body_json(json!({
                    "status": "ERROR",
                    "errors": [
                        {"code": "BAD_REQUEST", "message": "limit must be <= 100"},
                        {"code": "INVALID_PAGE_TOKEN"}
                    ]
                })),
        )
        .mount(&server)
        .await;
    let ym = builder(&server).build().unwrap();
    let e = ym.transport().send(PING.request()).await.unwrap_err();
    let api = e.api().unwrap();
    assert_eq!(api.kind, ApiErrorKind::BadRequest);
    assert_eq!(api.code.as_deref(), Some("BAD_REQUEST"));
    assert_eq!(
        api.message,
        "BAD_REQUEST: limit must be <= 100; INVALID_PAGE_TOKEN"
    );
    assert_eq!(api.request_id.as_deref(), Some("req-42"));
    assert_eq!(
        server.received_requests().await.unwrap().len(),
        1,
        "a 400 is not retried"
    );
}

#[tokio::test(start_paused = true)]
async fn a_420_waits_until_the_quota_is_whole_then_succeeds() {
    let server = MockServer::start().await;
    let until = Utc::now() + chrono::TimeDelta::seconds(30);
    Mock::given(path("/v2/campaigns"))
        .respond_with(
            ResponseTemplate::new(420)
                .insert_header("X-RateLimit-Resource-Limit", "1000")
                .insert_header("X-RateLimit-Resource-Remaining", "0")
                .insert_header("X-RateLimit-Resource-Until", until.to_rfc2822().as_str())
                .set_body_json(json!({
                    "status": "ERROR",
                    "errors": [{"code": "LIMIT_EXCEEDED", "message": "too many requests"}]
                })),
        )
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(path("/v2/campaigns"))
        .respond_with(ok())
        .mount(&server)
        .await;
    let ym = builder(&server).build().unwrap();
    let start = Instant::now();
    ym.transport().send(PING.request()).await.unwrap();
    let waited = start.elapsed();
    assert!(
        waited >= Duration::from_secs(28) && waited <= Duration::from_secs(31),
        "waited {waited:?} for X-RateLimit-Resource-Until"
    );
    assert_eq!(server.received_requests().await.unwrap().len(), 2);
}

#[tokio::test(start_paused = true)]
async fn a_420_that_persists_is_a_rate_limited_error_with_the_vendor_code() {
    let server = MockServer::start().await;
    Mock::given(path("/v2/campaigns"))
        .respond_with(ResponseTemplate::new(420).set_body_json(json!({
            "status": "ERROR",
            "errors": [{"code": "LIMIT_EXCEEDED", "message": "quota"}]
        })))
        .mount(&server)
        .await;
    let ym = builder(&server).build().unwrap();
    let e = ym.transport().send(PING.request()).await.unwrap_err();
    let api = e.api().unwrap();
    assert_eq!(api.status, 420);
    assert_eq!(api.kind, ApiErrorKind::RateLimited);
    assert_eq!(api.code.as_deref(), Some("LIMIT_EXCEEDED"));
    assert_eq!(server.received_requests().await.unwrap().len(), 3);
}

#[test]
fn until_reads_http_dates_rfc3339_and_seconds() {
    use yandex_market_api::client::until;
    let now = Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap();
    let mut h = http::HeaderMap::new();
    let mut set = |v: &str| {
        h.insert("x-ratelimit-resource-until", v.parse().unwrap());
        until(&h, now)
    };
    assert_eq!(
        set("Mon, 23 Nov 2026 12:00:40 +0000"),
        Some(Duration::from_secs(40))
    );
    assert_eq!(
        set("2026-11-23T15:01:00+03:00"),
        Some(Duration::from_secs(60))
    );
    assert_eq!(
        set("2026-11-23T11:00:00Z"),
        None,
        "a time in the past: the normal backoff applies"
    );
    assert_eq!(set("7"), Some(Duration::from_secs(7)));
    assert_eq!(set("soon"), None);
    assert_eq!(
        set("1e30"),
        Some(Duration::from_secs(3600)),
        "no overflow, capped"
    );
    assert_eq!(set("-5"), None);
    assert_eq!(
        set("Tue, 23 Nov 2027 12:00:00 +0000"),
        Some(Duration::from_secs(3600)),
        "a far-future time is capped at an hour"
    );
}

#[tokio::test(start_paused = true)]
async fn item_counted_quotas_pace_by_items() {
    // updateStocks: 100,000 SKUs a minute. Three requests of 50,000 SKUs: the third waits.
    let server = MockServer::start().await;
    Mock::given(path("/v2/campaigns/7/offers/stocks"))
        .respond_with(ok())
        .mount(&server)
        .await;
    let ym = builder(&server).build().unwrap();
    let start = Instant::now();
    for _ in 0..3 {
        ym.transport()
            .send(STOCKS.request().path_param("campaignId", 7).weight(50_000))
            .await
            .unwrap();
    }
    let waited = start.elapsed();
    assert!(
        waited >= Duration::from_secs(29) && waited <= Duration::from_secs(31),
        "the third 50,000 waited for half a minute of quota: {waited:?}"
    );
}

#[tokio::test]
async fn a_body_over_512_kb_is_refused_before_sending() {
    let server = MockServer::start().await;
    Mock::given(path("/v2/campaigns/7/offers/stocks"))
        .respond_with(ok())
        .mount(&server)
        .await;
    let ym = builder(&server).build().unwrap();
    let big: Vec<Value> = (0..20_000)
        .map(|i| json!({"sku": format!("OFFER-{i:08}"), "items": [{"count": 1}]}))
        .collect();
    let body = json!({ "skus": big });
    assert!(serde_json::to_vec(&body).unwrap().len() > 512 * 1024);
    let e = ym
        .transport()
        .send(
            STOCKS
                .request()
                .path_param("campaignId", 7)
                .json(&body)
                .unwrap(),
        )
        .await
        .unwrap_err();
    assert!(matches!(e, Error::Validation { .. }), "{e:?}");
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn the_key_never_reaches_errors_or_debug() {
    let server = MockServer::start().await;
    Mock::given(path("/v2/campaigns"))
        .respond_with(ResponseTemplate::new(401).set_body_json(json!({
            "status": "ERROR",
            "errors": [{"code": "UNAUTHORIZED", "message": format!("bad key {KEY}")}]
        })))
        .mount(&server)
        .await;
    let ym = builder(&server).build().unwrap();
    let e = ym.transport().send(PING.request()).await.unwrap_err();
    assert_eq!(e.api().unwrap().kind, ApiErrorKind::Unauthorized);
    for text in [
        e.to_string(),
        format!("{e:?}"),
        format!("{ym:?}"),
        format!("{:?}", builder(&server)),
    ] {
        assert!(!text.contains("secret-api-key"), "{text}");
    }
}

#[test]
fn the_quota_table_is_the_spec_s() {
    let snapshot: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/spec/limits.trimmed.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let ops = snapshot["operations"].as_array().unwrap();
    let seconds = |q: &Value| {
        let unit = match q["period"].as_str().unwrap() {
            "seconds" => 1,
            "minutes" => 60,
            "hours" => 3600,
            "days" => 86_400,
            other => panic!("{other}"),
        };
        unit * q["period-duration"].as_u64().unwrap()
    };
    assert_eq!(
        limits::table().len(),
        ops.len(),
        "one row per kept operation"
    );
    for l in limits::table() {
        let op = ops
            .iter()
            .find(|o| o["operationId"] == l.operation)
            .unwrap_or_else(|| panic!("{} is not in the spec", l.operation));
        let rl = &op["resourceLimit"];
        match (l.counts, rl["path"].as_str().unwrap()) {
            (Counts::Requests, "resp") => {}
            (Counts::Items(p), q) if p == q => {}
            (c, q) => panic!("{}: {c:?} but the spec counts {q}", l.operation),
        }
        for (quota, tier) in [(&l.none, "none"), (&l.medium, "medium")] {
            assert_eq!(
                u64::from(quota.amount),
                rl[tier]["amount"].as_u64().unwrap(),
                "{} {tier}",
                l.operation
            );
            assert_eq!(quota.seconds, seconds(&rl[tier]), "{} {tier}", l.operation);
        }
        assert_eq!(
            l.parallel.map(u64::from),
            rl["parallel-limit-value"].as_u64(),
            "{}",
            l.operation
        );
    }
    let stocks = limits::limit("updateStocks", Tier::Base).unwrap();
    assert_eq!(stocks.unit, market_core::transport::QuotaUnit::Items);
    let medium = limits::limit("getOfferMappings", Tier::Medium).unwrap();
    assert_eq!(medium.count, 600);
}

#[tokio::test(start_paused = true)]
async fn a_5xx_with_quota_left_is_retried_after_the_backoff_not_the_window() {
    let server = MockServer::start().await;
    let until = Utc::now() + chrono::TimeDelta::seconds(600);
    Mock::given(path("/v2/campaigns"))
        .respond_with(
            ResponseTemplate::new(500)
                .insert_header("X-RateLimit-Resource-Remaining", "900")
                .insert_header("X-RateLimit-Resource-Until", until.to_rfc2822().as_str()),
        )
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(path("/v2/campaigns"))
        .respond_with(ok())
        .mount(&server)
        .await;
    let ym = builder(&server).build().unwrap();
    let start = Instant::now();
    ym.transport().send(PING.request()).await.unwrap();
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "quota was left: no wait for the window, {:?}",
        start.elapsed()
    );
    assert_eq!(server.received_requests().await.unwrap().len(), 2);
}

#[test]
fn the_error_code_enum_is_the_spec_s() {
    use yandex_market_api::models::common::ApiErrorCode;
    let spec: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/spec/openapi.trimmed.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let values: Vec<&str> = spec["components"]["schemas"]["ApiErrorCodeType"]["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(ApiErrorCode::KNOWN, values.as_slice());
    assert_eq!(
        ApiErrorCode::from_wire("NEW_CODE_2027"),
        ApiErrorCode::Unknown("NEW_CODE_2027".into()),
        "a code this version does not know is kept"
    );
}

#[tokio::test]
async fn a_failed_call_s_code_reads_as_the_typed_code() {
    use yandex_market_api::models::common::{ApiErrorCode, error_code};
    let server = MockServer::start().await;
    Mock::given(path("/v2/campaigns"))
        .respond_with(ResponseTemplate::new(400).set_body_json(json!({
            "status": "ERROR",
            "errors": [{"code": "STATUS_NOT_ALLOWED", "message": "no"}]
        })))
        .mount(&server)
        .await;
    let ym = builder(&server).build().unwrap();
    let e = ym.transport().send(PING.request()).await.unwrap_err();
    assert_eq!(error_code(&e), Some(ApiErrorCode::StatusNotAllowed));
    assert_eq!(
        error_code(&Error::Config("x".into())),
        None,
        "not an answer of Yandex Market"
    );
}
