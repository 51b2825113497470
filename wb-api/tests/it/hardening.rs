//! Answers that must fail loudly, never quietly (issue 11): a 200 without its page or with
//! WB's error shape, cursors that loop, absurd rate-limit headers, a token echoed by a server,
//! and extreme amounts in the order mapping.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::future::Future;
use std::pin::Pin;

use crate::common::{TOKEN, client};
use chrono::{TimeZone, Utc};
use futures::{StreamExt, TryStreamExt};
use market_core::{Error, Marketplace, OrderId as CoreOrderId};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use wb_api::api::statistics::DateMode;
use wb_api::ids::{NmId, OrderId, SupplyId, UploadId};
use wb_api::models::common::StickerType;
use wb_api::models::content::CardsFilter;
use wb_api::models::orders::{OrdersWindow, StickerSize};
use wb_api::models::returns::ClaimsQuery;
use wb_api::models::stocks::StockItem;
use wiremock::matchers::{any, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

type Call = for<'a> fn(
    &'a wb_api::Client,
) -> Pin<Box<dyn Future<Output = Result<usize, Error>> + Send + 'a>>;

/// Collects a stream's items (the count) or its first error.
async fn count<T>(
    s: futures::stream::BoxStream<'_, market_core::Result<T>>,
) -> Result<usize, Error> {
    s.try_collect::<Vec<T>>().await.map(|v| v.len())
}

fn window() -> OrdersWindow {
    let now = Utc::now();
    OrdersWindow::between(now - chrono::TimeDelta::days(1), now)
}

/// Every list (or paged) read of the crate: its operation name, a call through the client,
/// and the answer that is its list set to `null` (`None` where WB's schema allows `null`).
fn list_reads() -> Vec<(&'static str, Call, Option<Value>)> {
    vec![
        (
            "orders_new",
            |c| Box::pin(async { c.orders().list_new().await.map(|v| v.len()) }),
            Some(json!({"orders": null})),
        ),
        (
            "orders_list",
            |c| Box::pin(count(c.orders().list_stream(window()))),
            Some(json!({"next": 0, "orders": null})),
        ),
        (
            "orders_status",
            |c| Box::pin(async { c.orders().statuses(vec![OrderId(1)]).await.map(|v| v.len()) }),
            Some(json!({"orders": null})),
        ),
        (
            "orders_reshipment",
            |c| Box::pin(async { c.orders().reshipment().await.map(|v| v.len()) }),
            Some(json!({"orders": null})),
        ),
        (
            "orders_stickers",
            |c| {
                Box::pin(async {
                    c.orders()
                        .stickers(vec![OrderId(1)], StickerType::Svg, StickerSize::W58H40)
                        .await
                        .map(|v| v.len())
                })
            },
            Some(json!({"stickers": null})),
        ),
        (
            "orders_meta",
            |c| Box::pin(async { c.orders().meta(vec![OrderId(1)]).await.map(|v| v.len()) }),
            Some(json!({"orders": null})),
        ),
        (
            "supplies_list",
            |c| Box::pin(count(c.supplies().list_stream())),
            Some(json!({"next": 0, "supplies": null})),
        ),
        (
            "supply_order_ids",
            |c| {
                Box::pin(async {
                    c.supplies()
                        .order_ids(&SupplyId::from("WB-GI-1"))
                        .await
                        .map(|v| v.len())
                })
            },
            Some(json!({"orderIds": null})),
        ),
        (
            "stocks_read",
            |c| {
                Box::pin(async {
                    c.stocks()
                        .read(
                            507,
                            vec![wb_api::api::stocks::StockKey::of(&StockItem::chrt(1, 0))],
                        )
                        .await
                        .map(|v| v.len())
                })
            },
            Some(json!({"stocks": null})),
        ),
        (
            "prices_goods_list",
            |c| Box::pin(count(c.prices().goods_stream())),
            Some(json!({"data": {"listGoods": null}, "error": false, "errorText": ""})),
        ),
        (
            "prices_goods_by_nm",
            |c| Box::pin(async { c.prices().goods_by_nm(vec![NmId(1)]).await.map(|v| v.len()) }),
            Some(json!({"data": {"listGoods": null}, "error": false, "errorText": ""})),
        ),
        (
            "prices_history_goods",
            |c| Box::pin(count(c.prices().history_goods_stream(UploadId(1)))),
            Some(json!({"data": null, "error": false, "errorText": ""})),
        ),
        (
            "prices_buffer_goods",
            |c| {
                Box::pin(async {
                    c.prices()
                        .buffer_goods(UploadId(1), 10, 0)
                        .await
                        .map(|r| r.data.map_or(0, |d| d.buffer_goods.len()))
                })
            },
            None,
        ),
        (
            "prices_sizes",
            |c| {
                Box::pin(async {
                    c.prices()
                        .sizes(NmId(1), 10, 0)
                        .await
                        .map(|r| r.data.list_goods.len())
                })
            },
            None,
        ),
        (
            "prices_quarantine",
            |c| {
                Box::pin(async {
                    c.prices()
                        .quarantine(10, 0)
                        .await
                        .map(|r| r.data.map_or(0, |d| d.quarantine_goods.len()))
                })
            },
            Some(json!({"data": {"quarantineGoods": null}, "error": false, "errorText": ""})),
        ),
        (
            "cards_list",
            |c| Box::pin(count(c.content().cards_stream(CardsFilter::default()))),
            Some(json!({"cards": null, "cursor": {"total": 0}})),
        ),
        (
            "card_errors",
            |c| Box::pin(count(c.content().card_errors_stream(true))),
            Some(
                json!({"data": {"cursor": {"next": false}, "items": null}, "error": false, "errorText": ""}),
            ),
        ),
        (
            "subjects",
            |c| Box::pin(count(c.content().subjects_stream(None, None))),
            Some(json!({"data": null, "error": false, "errorText": ""})),
        ),
        (
            "parent_categories",
            |c| Box::pin(async { c.content().parent_categories().await.map(|v| v.len()) }),
            Some(json!({"data": null, "error": false, "errorText": ""})),
        ),
        (
            "directory_colors",
            |c| Box::pin(async { c.content().colors().await.map(|v| v.len()) }),
            Some(json!({"data": null, "error": false, "errorText": ""})),
        ),
        (
            "claims",
            |c| Box::pin(count(c.returns().claims_stream(ClaimsQuery::open()))),
            Some(json!({"claims": null, "total": 0})),
        ),
        (
            "statistics_orders",
            |c| {
                Box::pin(async {
                    c.statistics()
                        .orders(
                            Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
                            DateMode::ChangedSince,
                        )
                        .await
                        .map(|v| v.len())
                })
            },
            Some(Value::Null),
        ),
        (
            "statistics_sales",
            |c| {
                Box::pin(async {
                    c.statistics()
                        .sales(
                            Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
                            DateMode::ChangedSince,
                        )
                        .await
                        .map(|v| v.len())
                })
            },
            Some(Value::Null),
        ),
        (
            "warehouses_list",
            |c| Box::pin(async { c.warehouses().list().await.map(|v| v.len()) }),
            Some(Value::Null),
        ),
        (
            "offices",
            |c| Box::pin(async { c.warehouses().offices().await.map(|v| v.len()) }),
            Some(Value::Null),
        ),
        (
            "stocks_report_wb_warehouses",
            |c| {
                Box::pin(count(
                    c.analytics().wb_warehouses_stocks_stream(Vec::new(), 100),
                ))
            },
            Some(json!({"data": {"items": null}})),
        ),
    ]
}

/// WB's error shapes (and others' seen from proxies) answered with HTTP 200.
fn error_shapes() -> Vec<Value> {
    vec![
        json!({"status": "ERROR", "errors": [{"code": "INTERNAL", "message": "internal error"}]}),
        json!({"error": true, "errorText": "internal error", "additionalErrors": null, "data": null}),
        json!({"title": "internal server error", "detail": "try later", "code": "internal",
               "requestId": "0f3c", "origin": "api", "status": 500, "statusText": "Internal Server Error"}),
        json!({"code": "InternalServerError", "message": "internal error"}),
    ]
}

/// The operation an error names, with the vendor (`wildberries`).
fn names(e: &Error) -> Option<(&'static str, &'static str)> {
    match e {
        Error::Api(a) => Some((a.vendor, a.operation)),
        Error::Decode {
            vendor, operation, ..
        } => Some((vendor, operation)),
        _ => None,
    }
}

async fn answer_everything(server: &MockServer, body: &Value) {
    server.reset().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(server)
        .await;
}

#[tokio::test]
async fn a_200_without_the_page_or_with_an_error_shape_is_an_error_for_every_list_read() {
    let server = MockServer::start().await;
    let wb = client(&server);
    for (op, call, null_list) in list_reads() {
        let mut bodies = vec![json!({})];
        bodies.extend(error_shapes());
        bodies.extend(null_list);
        for body in bodies {
            answer_everything(&server, &body).await;
            match call(&wb).await {
                Ok(n) => panic!("{op}: {body} read as a page of {n} items"),
                Err(e) => assert_eq!(names(&e), Some(("wildberries", op)), "{op}: {body}: {e}"),
            }
        }
    }
}

#[tokio::test]
async fn an_error_shape_on_a_200_keeps_wb_s_code_and_message() {
    let server = MockServer::start().await;
    let wb = client(&server);
    answer_everything(
        &server,
        &json!({"code": "InternalServerError", "message": "internal error"}),
    )
    .await;
    let e = wb.orders().list_new().await.unwrap_err();
    let api = e.api().expect("an API error");
    assert_eq!(api.status, 200);
    assert_eq!(api.code.as_deref(), Some("InternalServerError"));
    assert_eq!(api.message, "internal error");
    answer_everything(
        &server,
        &json!({"error": true, "errorText": "goods not found"}),
    )
    .await;
    let e = wb.prices().goods(10, 0).await.unwrap_err();
    assert!(e.to_string().contains("goods not found"), "{e}");
}

#[tokio::test]
async fn an_empty_list_is_still_an_empty_page() {
    let server = MockServer::start().await;
    let wb = client(&server);
    answer_everything(&server, &json!({"next": 0, "orders": []})).await;
    assert_eq!(count(wb.orders().list_stream(window())).await.unwrap(), 0);
    answer_everything(
        &server,
        &json!({"data": {"listGoods": []}, "error": false, "errorText": ""}),
    )
    .await;
    assert_eq!(count(wb.prices().goods_stream()).await.unwrap(), 0);
    // WB's schema allows `null` for the sizes of a good: none.
    answer_everything(
        &server,
        &json!({"data": {"listGoods": null}, "error": false, "errorText": ""}),
    )
    .await;
    assert_eq!(
        wb.prices()
            .sizes(NmId(1), 10, 0)
            .await
            .unwrap()
            .data
            .list_goods
            .len(),
        0
    );
}

// ---------------------------------------------------------------------------------------------
// Looping cursors.

fn order(id: i64) -> Value {
    json!({
        "id": id, "rid": format!("rid-{id}"), "orderUid": format!("uid-{id}"),
        "article": format!("ART-{id}"), "nmId": 100_000 + id, "chrtId": 200_000 + id,
        "warehouseId": 507, "createdAt": "2026-01-02T03:04:05Z", "price": 150000,
        "convertedPrice": 150000, "currencyCode": 643, "convertedCurrencyCode": 643,
        "cargoType": 1, "deliveryType": "fbs", "skus": ["2000000000001"],
    })
}

async fn page(server: &MockServer, p: &str, cursor: &str, body: Value) {
    Mock::given(method("GET"))
        .and(path(p))
        .and(query_param("next", cursor))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(server)
        .await;
}

#[tokio::test]
async fn a_next_cursor_cycling_yields_each_page_once_then_an_error() {
    let server = MockServer::start().await;
    // 0 -> 111 -> 222 -> 111 -> ...
    page(
        &server,
        "/api/v3/orders",
        "0",
        json!({"next": 111, "orders": [order(1)]}),
    )
    .await;
    page(
        &server,
        "/api/v3/orders",
        "111",
        json!({"next": 222, "orders": [order(2)]}),
    )
    .await;
    page(
        &server,
        "/api/v3/orders",
        "222",
        json!({"next": 111, "orders": [order(3)]}),
    )
    .await;
    let wb = client(&server);
    let items: Vec<_> = wb.orders().list_stream(window()).collect().await;
    let ids: Vec<i64> = items
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .map(|o| o.id.0)
        .collect();
    assert_eq!(ids, [1, 2, 3], "each page once");
    assert!(
        matches!(items.last(), Some(Err(_))),
        "then an error: {items:?}"
    );
    assert_eq!(items.len(), 4);
    assert!(server.received_requests().await.unwrap().len() <= 4);
}

#[tokio::test]
async fn a_server_ignoring_the_cursor_yields_the_page_once_then_an_error() {
    let server = MockServer::start().await;
    // Every cursor answers the same page with a new `next`: only the signature catches it.
    let mut n = 0;
    for cursor in ["0", "1", "2", "3", "4"] {
        n += 1;
        page(
            &server,
            "/api/v3/orders",
            cursor,
            json!({"next": n, "orders": [order(1), order(2)]}),
        )
        .await;
        page(&server, "/api/v3/supplies", cursor, json!({"next": n, "supplies": [
            {"id": "WB-GI-1", "name": "a", "done": false, "createdAt": "2026-01-02T03:04:05Z", "cargoType": 0}
        ]})).await;
    }
    let wb = client(&server);
    let items: Vec<_> = wb.orders().list_stream(window()).collect().await;
    assert_eq!(items.len(), 3, "{items:?}");
    assert!(items[..2].iter().all(Result::is_ok));
    assert!(items[2].is_err());
    let supplies: Vec<_> = wb.supplies().list_stream().collect().await;
    assert_eq!(supplies.len(), 2, "{supplies:?}");
    assert!(supplies[0].is_ok() && supplies[1].is_err());

    // Offset paging: claims with the same page at every offset.
    let server = MockServer::start().await;
    let claim = |id: &str| {
        json!({"id": id, "claim_type": 1, "status": 1, "status_ex": 1, "nm_id": 1,
        "imt_name": "", "user_comment": "", "wb_comment": "", "dt": "2026-01-02T03:04:05",
        "order_dt": "2026-01-01T03:04:05", "dt_update": "2026-01-02T03:04:05", "photos": [],
        "video_paths": [], "actions": [], "price": 1, "currency_code": "643", "srid": "s"})
    };
    let full: Vec<Value> = (0..200).map(|i| claim(&format!("c-{i}"))).collect();
    Mock::given(method("GET"))
        .and(path("/api/v1/claims"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"claims": full, "total": 100000})),
        )
        .mount(&server)
        .await;
    let wb = client(&server);
    let claims: Vec<_> = wb
        .returns()
        .claims_stream(ClaimsQuery::open())
        .collect()
        .await;
    assert_eq!(claims.len(), 201);
    assert!(claims[200].is_err());
    assert_eq!(server.received_requests().await.unwrap().len(), 2);
}

// ---------------------------------------------------------------------------------------------
// Rate-limit headers.

#[tokio::test]
async fn absurd_rate_limit_headers_never_panic() {
    let odd = [
        "1e19",
        "18446744073709551615",
        "-1",
        "NaN",
        "inf",
        "1e400",
        "99999999999999999999999",
        "",
        "soon",
    ];
    for value in odd {
        let server = MockServer::start().await;
        // A successful answer with the odd headers.
        Mock::given(method("GET"))
            .and(path("/api/v3/warehouses"))
            .respond_with(
                ResponseTemplate::new(200)
                    .set_body_json(json!([]))
                    .insert_header("x-ratelimit-reset", value)
                    .insert_header("x-ratelimit-remaining", value)
                    .insert_header("x-ratelimit-limit", value)
                    .insert_header("x-ratelimit-retry", value)
                    .insert_header("retry-after", value),
            )
            .mount(&server)
            .await;
        // A 429 with them.
        Mock::given(method("GET"))
            .and(path("/api/v3/offices"))
            .respond_with(
                ResponseTemplate::new(429)
                    .set_body_json(
                        json!({"title": "too many requests", "detail": "x", "requestId": "r"}),
                    )
                    .insert_header("x-ratelimit-reset", value)
                    .insert_header("x-ratelimit-retry", value)
                    .insert_header("retry-after", value),
            )
            .mount(&server)
            .await;
        // With the client's rate limiter on, so the feedback reaches it.
        let wb = wb_api::Client::builder(TOKEN)
            .base_url(server.uri())
            .retry(market_core::transport::RetryPolicy {
                max_attempts: 2,
                initial_delay: std::time::Duration::from_millis(1),
                max_elapsed: std::time::Duration::from_secs(2),
                jitter: false,
                ..Default::default()
            })
            .build()
            .unwrap();
        wb.warehouses()
            .list()
            .await
            .unwrap_or_else(|e| panic!("{value}: {e}"));
        let e = wb.warehouses().offices().await.unwrap_err();
        assert_eq!(e.status(), Some(429), "{value}: {e}");
        if let Some(wait) = e.api().and_then(|a| a.retry_after) {
            assert!(
                wait <= market_core::transport::MAX_PAUSE,
                "{value}: {wait:?}"
            );
        }
        // The group's next call answers (or fails fast), it does not hang or panic.
        let next =
            tokio::time::timeout(std::time::Duration::from_secs(5), wb.warehouses().list()).await;
        assert!(next.is_ok(), "{value}: the next call hung");
    }
}

// ---------------------------------------------------------------------------------------------
// Secrets echoed by a server.

#[tokio::test]
async fn a_token_echoed_in_request_ids_or_bodies_never_reaches_the_error() {
    let server = MockServer::start().await;
    // The token straddles the 512-byte excerpt limit of a body that is not WB's error shape.
    let mut long = "x".repeat(500);
    long.push_str(TOKEN);
    long.push_str(&"y".repeat(100));
    Mock::given(method("GET"))
        .and(path("/api/v3/warehouses"))
        .respond_with(ResponseTemplate::new(500).set_body_string(long))
        .mount(&server)
        .await;
    // WB's error object with the token as its requestId, and a header echoing it.
    Mock::given(method("GET"))
        .and(path("/api/v3/offices"))
        .respond_with(
            ResponseTemplate::new(400)
                .set_body_json(
                    json!({"title": "bad", "detail": format!("token {TOKEN}"), "requestId": TOKEN}),
                )
                .insert_header("x-request-id", format!("req-{TOKEN}").as_str()),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v3/orders/new"))
        .respond_with(
            ResponseTemplate::new(400)
                .set_body_json(json!({"title": "bad", "detail": "x", "requestId": TOKEN})),
        )
        .mount(&server)
        .await;
    let wb = client(&server);
    let head = &TOKEN[..12];
    for e in [
        wb.warehouses().list().await.unwrap_err(),
        wb.warehouses().offices().await.unwrap_err(),
        wb.orders().list_new().await.unwrap_err(),
    ] {
        let text = format!("{e} {e:?}");
        assert!(!text.contains(head), "a piece of the token in {text}");
        if let Some(api) = e.api() {
            let id = api.request_id.as_deref().unwrap_or("");
            assert!(!id.contains(head), "{id}");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Extreme amounts in the order mapping.

#[tokio::test]
async fn extreme_prices_and_dates_map_without_panicking() {
    let server = MockServer::start().await;
    let mut huge = order(1);
    huge["price"] = json!(i64::MAX);
    huge["convertedPrice"] = json!(i64::MIN);
    huge["scanPrice"] = json!("79228162514264337593543950335");
    let mut odd_date = order(2);
    odd_date["createdAt"] = json!("+262142-12-31T23:59:59Z");
    Mock::given(method("GET"))
        .and(path("/api/v3/orders"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"next": 0, "orders": [huge, order(3)]})),
        )
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/v3/orders/status"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"orders": [
            {"id": 1, "supplierStatus": "new", "wbStatus": "waiting"},
            {"id": 3, "supplierStatus": "new", "wbStatus": "waiting"}
        ]})))
        .mount(&server)
        .await;
    let wb = client(&server);
    let m: &dyn Marketplace = &wb;
    let query = market_core::OrderQuery::window(
        market_core::TimeWindow::new(Utc::now() - chrono::TimeDelta::days(1), Utc::now()).unwrap(),
    );
    let orders: Vec<_> = m.orders(query.clone()).collect().await;
    let first = orders[0].as_ref().unwrap();
    assert_eq!(first.lines[0].unit_price, Decimal::new(i64::MAX, 2));
    assert_eq!(first.total(), Some(Decimal::new(i64::MAX, 2)));
    assert!(orders[1].is_ok());
    // chrono's last year maps; a date past it is a decode error naming the operation.
    server.reset().await;
    let mut past_range = order(4);
    past_range["createdAt"] = json!("+262143-01-01T00:00:00Z");
    Mock::given(method("GET"))
        .and(path("/api/v3/orders"))
        .and(query_param("next", "0"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"next": 9, "orders": [odd_date]})),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v3/orders"))
        .and(query_param("next", "9"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"next": 0, "orders": [past_range]})),
        )
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/v3/orders/status"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"orders": []})))
        .mount(&server)
        .await;
    let items: Vec<_> = m.orders(query).collect().await;
    assert_eq!(items.len(), 2, "{items:?}");
    assert_eq!(items[0].as_ref().unwrap().id, CoreOrderId::new("2"));
    assert_eq!(
        names(items[1].as_ref().unwrap_err()),
        Some(("wildberries", "orders_list"))
    );
}

// ---- generated reads (wb_api::generated) -------------------------------------------------------

#[test]
fn no_data_answer_of_a_generated_read_looks_like_an_error() {
    // The error-shape check runs on every 200 of a read: it must never take WB's own data for
    // an error. Every example and the maximal instance of each generated read's answer.
    let spec = crate::common::spec();
    let mut checked = 0;
    for op in wb_api::generated::OPERATIONS
        .iter()
        .filter(|op| op.idempotent)
    {
        let key = format!("{} {}", op.method.as_str(), op.path);
        let status = spec.success_status(&key);
        let mut answers = spec.response_examples(&key, status);
        let schema = spec.response_schema(&key);
        if !schema.is_null() {
            // With the feedback sections' envelope flag `error` false, as on WB's data.
            answers.push(crate::generated::data_answer(spec.maximal(schema)));
        }
        for answer in answers {
            let bytes = serde_json::to_vec(&answer).unwrap();
            assert!(
                !wb_api::error::is_error_shape(&bytes),
                "{}: {answer}",
                op.name
            );
            checked += 1;
        }
    }
    assert!(checked > 150, "only {checked} answers checked");
}

#[tokio::test]
async fn a_generated_read_answered_200_in_an_error_shape_is_an_error() {
    let server = MockServer::start().await;
    let wb = client(&server);
    for body in error_shapes() {
        answer_everything(&server, &body).await;
        let query = wb_api::generated::tariffs::TariffsBoxQuery {
            date: "2026-12-07".into(),
        };
        match wb.tariffs().tariffs_box(&query).await {
            Ok(answer) => panic!("{body} read as {answer:?}"),
            Err(e) => {
                // WB's refusal, not a decoding failure (strict) or an empty answer (tolerant).
                assert_eq!(e.status(), Some(200), "{body}: {e}");
                assert_eq!(
                    names(&e),
                    Some(("wildberries", "tariffs_box")),
                    "{body}: {e}"
                );
            }
        }
    }
}
