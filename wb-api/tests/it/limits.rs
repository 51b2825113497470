//! WB's limit table, retry classes and 4XX cost, checked against the 2026-08 spec snapshot
//! (`spec/2026-08/*.json`: `x-wb-rate-limits`, `x-readonly-method`, `x-market-4xx-cost`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeMap;
use std::time::Duration;

use http::StatusCode;
use market_core::transport::{Operation, RateLimit};
use serde_json::Value;
use wb_api::api::OPERATIONS;
use wb_api::limits::{self, TokenType};

fn snapshot() -> Vec<Value> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/spec/2026-08");
    let mut docs = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            docs.push(serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap());
        }
    }
    assert!(docs.len() >= 10, "the 2026-08 snapshot is in spec/2026-08");
    docs
}

fn spec_op<'a>(docs: &'a [Value], op: &Operation) -> &'a Value {
    let m = op.method.as_str().to_ascii_lowercase();
    docs.iter()
        .map(|d| &d["paths"][op.path][m.as_str()])
        .find(|o| o.is_object())
        .unwrap_or_else(|| {
            panic!(
                "{} {} {} is not in the snapshot",
                op.name, op.method, op.path
            )
        })
}

/// "300 requests" -> 300; "1 min" -> 60 s, "6 s", "2 h".
fn count(text: &str) -> u32 {
    text.split_whitespace().next().unwrap().parse().unwrap()
}

fn period(text: &str) -> Duration {
    let mut it = text.split_whitespace();
    let n: u64 = it.next().unwrap().parse().unwrap();
    let unit = match it.next().unwrap() {
        "s" | "sec" => 1,
        "min" => 60,
        "h" | "hour" | "hours" => 3600,
        "day" | "days" => 86_400,
        other => panic!("unknown unit {other} in {text:?}"),
    };
    Duration::from_secs(n * unit)
}

/// The spec's limit for a token type: the row of that type, else the row without a type.
fn spec_limit(op: &Value, token: TokenType) -> RateLimit {
    let rows = op["x-wb-rate-limits"]["limits"].as_array().unwrap();
    let row = rows
        .iter()
        .find(|r| r["type"] == token.spec_row())
        .or_else(|| rows.iter().find(|r| r.get("type").is_none()))
        .unwrap_or_else(|| panic!("no row for {token:?}"));
    RateLimit::per(
        count(row["limit"].as_str().unwrap()),
        period(row["period"].as_str().unwrap()),
    )
    .with_burst(count(row["burst"].as_str().unwrap()))
}

#[test]
fn every_operation_has_the_spec_limit_for_every_token_type() {
    let docs = snapshot();
    let mut mismatches = Vec::new();
    for op in OPERATIONS {
        let spec = spec_op(&docs, op);
        for token in TokenType::ALL {
            let ours = limits::limit(op.limit_group, token)
                .unwrap_or_else(|| panic!("{}: group {} has no limit", op.name, op.limit_group));
            let theirs = spec_limit(spec, token);
            if ours != theirs {
                mismatches.push(format!(
                    "{} ({:?}, group {}): ours {}/{:?} burst {}, spec {}/{:?} burst {}",
                    op.name,
                    token,
                    op.limit_group,
                    ours.count,
                    ours.period,
                    ours.burst,
                    theirs.count,
                    theirs.period,
                    theirs.burst
                ));
            }
        }
    }
    assert!(mismatches.is_empty(), "{mismatches:#?}");
}

/// Operations WB gives one shared limit ("for all inventory methods") share a group; an
/// operation with a limit of its own has a group of its own.
#[test]
fn groups_follow_the_spec_scopes() {
    let docs = snapshot();
    let mut by_scope: BTreeMap<String, Vec<&Operation>> = BTreeMap::new();
    let mut by_group: BTreeMap<&str, Vec<&Operation>> = BTreeMap::new();
    for op in OPERATIONS {
        let scope = spec_op(&docs, op)["x-wb-rate-limits"]["scope"]
            .as_str()
            .unwrap()
            .trim()
            .to_owned();
        let shared = scope != "Request limit per one seller account:";
        let key = if shared {
            scope
        } else {
            format!("own: {}", op.name)
        };
        by_scope.entry(key).or_default().push(op);
        by_group.entry(op.limit_group).or_default().push(op);
    }
    // WB's spec gives the card limits and the card error list one scope ("the following
    // methods: getting limits for the listings, getting failed listings with errors") but
    // different rows (100 a minute and 10 a minute): each keeps the row of its own method.
    let split_scopes = ["card_errors", "cards_limits"];
    for (scope, ops) in &by_scope {
        let groups: Vec<&str> = ops.iter().map(|o| o.limit_group).collect();
        if ops.iter().any(|o| split_scopes.contains(&o.name)) {
            continue;
        }
        assert!(
            groups.windows(2).all(|w| w[0] == w[1]),
            "{scope}: one WB limit, groups {groups:?}"
        );
    }
    for (group, ops) in &by_group {
        let scopes: Vec<&String> = by_scope
            .iter()
            .filter(|(_, v)| v.iter().any(|o| o.limit_group == *group))
            .map(|(k, _)| k)
            .collect();
        assert_eq!(
            scopes.len(),
            1,
            "group {group} mixes WB limits: {scopes:?} ({:?})",
            ops.iter().map(|o| o.name).collect::<Vec<_>>()
        );
    }
}

/// A read (`x-readonly-method: true`) is repeated after a server error; a write is repeated
/// only when it sets a value (so the same request twice leaves the same state).
#[test]
fn retry_classes_follow_x_readonly_method() {
    // Writes that set a state: sending them twice leaves what sending them once does.
    const SET_TO_WRITES: &[&str] = &[
        // Stock of sizes at a warehouse set to the amounts sent.
        "stocks_update",
        // Stock records deleted: deleting them again changes nothing.
        "stocks_delete",
        // Cards overwritten with the content sent.
        "cards_update",
        // A card's media replaced by the links sent.
        "media_save",
        // Cards moved to / back from the trash.
        "cards_trash",
        "cards_recover",
        // Prices and discounts set to the values sent (a second task sets the same).
        "prices_upload",
        "prices_upload_size",
        // A warehouse's name and office set; a warehouse deleted.
        "warehouse_update",
        "warehouse_delete",
        // Order cancelled; label identifiers set or deleted.
        "order_cancel",
        "order_meta_delete",
        "order_meta_sgtin",
        "order_meta_uin",
        "order_meta_imei",
        "order_meta_gtin",
        "order_meta_expiration",
        // Orders put into a supply; a supply deleted; a supply handed over.
        "supply_add_orders",
        "supply_delete",
        "supply_deliver",
        // Barcodes generated: a read of new barcodes WB reserves, safe to ask again.
        "barcodes",
    ];
    let docs = snapshot();
    let mut problems = Vec::new();
    for op in OPERATIONS {
        let readonly = spec_op(&docs, op)["x-readonly-method"]
            .as_bool()
            .unwrap_or_else(|| panic!("{}: no x-readonly-method", op.name));
        if readonly && !op.idempotent {
            problems.push(format!("{}: a read marked non-idempotent", op.name));
        }
        if !readonly && op.idempotent && !SET_TO_WRITES.contains(&op.name) {
            problems.push(format!(
                "{}: a write marked idempotent but not on the list of set-to writes",
                op.name
            ));
        }
    }
    for name in SET_TO_WRITES {
        assert!(
            OPERATIONS.iter().any(|o| o.name == *name),
            "{name} is not an operation"
        );
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

/// `x-market-4xx-cost` (derived from "One request with 4XX response codes is counted as 10
/// requests") is what the client charges.
#[test]
fn a_4xx_costs_what_the_spec_says() {
    let docs = snapshot();
    for op in OPERATIONS {
        let spec = spec_op(&docs, op);
        let cost = spec["x-market-4xx-cost"].as_u64().unwrap_or(1) as u32;
        let group = limits::group(op.limit_group).unwrap();
        assert_eq!(group.four_xx_cost, cost, "{}", op.name);
        let extra = cost - 1;
        assert_eq!(
            limits::refusal_cost(op.limit_group, StatusCode::BAD_REQUEST),
            extra,
            "{}",
            op.name
        );
        assert_eq!(
            limits::refusal_cost(op.limit_group, StatusCode::CONFLICT),
            extra
        );
        assert_eq!(
            limits::refusal_cost(op.limit_group, StatusCode::TOO_MANY_REQUESTS),
            0
        );
        assert_eq!(
            limits::refusal_cost(op.limit_group, StatusCode::INTERNAL_SERVER_ERROR),
            0
        );
    }
}

#[test]
fn the_test_token_is_limited_to_one_request_a_second_for_the_account() {
    assert_eq!(
        limits::account_limit(TokenType::Test),
        Some(RateLimit::per_second(1).with_burst(1))
    );
    assert_eq!(limits::account_limit(TokenType::Personal), None);
    assert_eq!(
        limits::limit(wb_api::limits::groups::PRICES, TokenType::Test),
        limits::limit(wb_api::limits::groups::PRICES, TokenType::Personal)
    );
    assert_ne!(
        limits::limit(wb_api::limits::groups::PRICES, TokenType::Base),
        limits::limit(wb_api::limits::groups::PRICES, TokenType::Personal)
    );
}

/// WB's bucket for a group (capacity = burst, refilled at count/period), charged 10 for each
/// 4XX answer: replays the virtual times at which the client's requests went out and returns
/// the first request WB would have answered 429.
fn first_over_quota(times: &[Duration], limit: RateLimit, cost: f64) -> Option<usize> {
    let capacity = f64::from(limit.burst);
    let rate = f64::from(limit.count) / limit.period.as_secs_f64();
    let mut tokens = capacity;
    let mut at = Duration::ZERO;
    for (i, t) in times.iter().enumerate() {
        tokens = (tokens + (t.saturating_sub(at)).as_secs_f64() * rate).min(capacity);
        at = *t;
        // A millisecond of slack for rounding.
        if tokens < 1.0 - rate * 0.001 {
            return Some(i);
        }
        tokens -= cost;
    }
    None
}

/// HTTP settings for a paused clock: no timeout fires while the clock jumps.
fn no_timeouts() -> market_core::transport::HttpSettings {
    market_core::transport::HttpSettings {
        connect_timeout: None,
        request_timeout: None,
        pool_idle_timeout: None,
        ..Default::default()
    }
}

#[tokio::test(start_paused = true)]
async fn a_run_of_4xx_answers_is_paced_to_what_wb_counts() {
    use wiremock::matchers::method;
    use wiremock::{Mock, MockServer, ResponseTemplate};
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(400).set_body_json(
            serde_json::json!({"code": "IncorrectRequestBody", "message": "bad body"}),
        ))
        .mount(&server)
        .await;
    let wb = wb_api::Client::builder("token")
        .base_url(server.uri())
        .retry(market_core::transport::RetryPolicy::never())
        .http(no_timeouts())
        .build()
        .unwrap();
    let start = tokio::time::Instant::now();
    let mut times = Vec::new();
    for i in 0..12 {
        let e = wb
            .stocks()
            .read(1, vec![wb_api::api::stocks::StockKey::chrt(i + 1)])
            .await
            .unwrap_err();
        assert_eq!(e.status(), Some(400));
        // The server answers at once in virtual time: the call's end is its send time.
        times.push(start.elapsed());
    }
    let limit = limits::limit(wb_api::limits::groups::STOCKS, TokenType::Personal).unwrap();
    assert_eq!(first_over_quota(&times, limit, 10.0), None, "{times:?}");
    // Unpaced (every request at once), WB would refuse the third.
    assert_eq!(
        first_over_quota(&[Duration::ZERO; 12], limit, 10.0),
        Some(2)
    );
    // The 12th refusal needs 110 spent plus one: 20 at once and 5 a second, 18.2 s.
    assert!(times[11] >= Duration::from_millis(18_100), "{times:?}");
    assert_eq!(server.received_requests().await.unwrap().len(), 12);
}

#[tokio::test(start_paused = true)]
async fn the_stock_report_is_paced_to_three_requests_a_minute() {
    use wiremock::matchers::{method, path};
    use wiremock::{Mock, MockServer, ResponseTemplate};
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/analytics/v1/stocks-report/wb-warehouses"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(serde_json::json!({"data": {"items": []}})),
        )
        .mount(&server)
        .await;
    let wb = wb_api::Client::builder("token")
        .base_url(server.uri())
        .http(no_timeouts())
        .build()
        .unwrap();
    let start = tokio::time::Instant::now();
    let mut times = Vec::new();
    for _ in 0..4 {
        wb.analytics()
            .wb_warehouses_stocks(&wb_api::models::analytics::InventoryRequest::default())
            .await
            .unwrap();
        times.push(start.elapsed());
    }
    // WB's row: 3 a minute, burst 1 — one request every 20 s.
    let limit = limits::limit(wb_api::limits::groups::STOCKS_REPORT, TokenType::Personal).unwrap();
    assert_eq!(first_over_quota(&times, limit, 1.0), None, "{times:?}");
    assert!(times[0] < Duration::from_secs(1), "{times:?}");
    assert!(times[3] >= Duration::from_millis(59_900), "{times:?}");
    assert_eq!(server.received_requests().await.unwrap().len(), 4);
}

/// Two `sales` calls by a client of `token`: when each ended (virtual time) and how, and
/// how many requests reached WB.
async fn two_sales_calls(token: TokenType) -> (Vec<(Duration, market_core::Result<()>)>, usize) {
    use wiremock::matchers::{method, path};
    use wiremock::{Mock, MockServer, ResponseTemplate};
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v1/supplier/sales"))
        .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!([])))
        .mount(&server)
        .await;
    let wb = wb_api::Client::builder("token")
        .base_url(server.uri())
        .token_type(token)
        .http(no_timeouts())
        .build()
        .unwrap();
    let start = tokio::time::Instant::now();
    let mut calls = Vec::new();
    for _ in 0..2 {
        let result = wb
            .statistics()
            .sales(
                chrono::Utc::now() - chrono::Duration::days(1),
                wb_api::api::statistics::DateMode::ChangedSince,
            )
            .await
            .map(|_| ());
        calls.push((start.elapsed(), result));
    }
    (calls, server.received_requests().await.unwrap().len())
}

#[tokio::test(start_paused = true)]
async fn the_client_keeps_to_the_row_of_its_token_type() {
    // WB's sales report: one a minute for personal tokens, one in two hours for base ones.
    let (personal, sent) = two_sales_calls(TokenType::Personal).await;
    assert_eq!(sent, 2);
    assert!(personal.iter().all(|(_, r)| r.is_ok()), "{personal:?}");
    let at = personal[1].0;
    assert!(
        at >= Duration::from_secs(59) && at < Duration::from_secs(61),
        "{at:?}"
    );
    // A base token's second call would wait two hours, past the call's budget: it fails at
    // once, unsent, saying when the quota frees it.
    let (base, sent) = two_sales_calls(TokenType::Base).await;
    assert_eq!(sent, 1);
    assert!(base[0].1.is_ok());
    let (at, result) = &base[1];
    assert!(*at < Duration::from_secs(1), "{at:?}");
    let err = result.as_ref().unwrap_err();
    assert_eq!(err.status(), Some(429));
    assert_eq!(
        err.api().and_then(|a| a.retry_after),
        Some(Duration::from_secs(2 * 3600))
    );
}
