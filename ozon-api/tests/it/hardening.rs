//! Issue 11 for Ozon: a 200 without the page is an error (item 1), paging that goes round in
//! circles ends with an error (item 10), odd rate-limit hints never panic (item 7), extreme
//! server values never panic (item 8), and an echoed key never reaches an error (item 14).

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use crate::common::{API_KEY, client};
use chrono::{TimeDelta, Utc};
use futures::{StreamExt, TryStreamExt};
use market_core::transport::MAX_PAUSE;
use market_core::transport::Operation;
use market_core::{ApiErrorKind, Error, Marketplace, OrderQuery, ReturnQuery, TimeWindow};
use ozon_api::Sku;
use ozon_api::models::categories::{
    GetAttributeValuesRequest, GetAttributesRequest, SearchAttributeValuesRequest,
};
use ozon_api::models::fbo::{FboPostingListFilter, FboPostingWith};
use ozon_api::models::fbs::{
    FbsPostingGetRequest, FbsPostingListFilter, FbsPostingWith, FbsUnfulfilledListFilter,
};
use ozon_api::models::prices::PricesFilter;
use ozon_api::models::products::{
    DailyQuota, ProductInfoListRequest, ProductListFilter, ProductVisibility,
};
use ozon_api::models::stocks::{AnalyticsStocksRequest, StocksInfoFilter};
use ozon_api::{Client, api};
use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

fn window() -> (chrono::DateTime<Utc>, chrono::DateTime<Utc>) {
    let to = Utc::now();
    (to - TimeDelta::days(7), to)
}

/// Every list operation of the crate: its path, its operation, and a body whose list is
/// `null`.
static LIST_OPERATIONS: &[(&str, &Operation, &str)] = &[
    (
        "/v4/posting/fbs/list",
        &api::fbs::POSTING_FBS_LIST,
        r#"{"postings": null, "has_next": false, "cursor": ""}"#,
    ),
    (
        "/v4/posting/fbs/unfulfilled/list",
        &api::fbs::POSTING_FBS_UNFULFILLED_LIST,
        r#"{"postings": null, "has_next": false, "cursor": "", "count": 0}"#,
    ),
    (
        "/v3/posting/fbo/list",
        &api::fbo::POSTING_FBO_LIST,
        r#"{"postings": null, "has_next": false, "cursor": ""}"#,
    ),
    (
        "/v1/returns/list",
        &api::returns::RETURNS_LIST,
        r#"{"returns": null, "has_next": false}"#,
    ),
    (
        "/v3/product/list",
        &api::products::PRODUCT_LIST,
        r#"{"result": {"items": null, "last_id": "", "total": 0}}"#,
    ),
    (
        "/v3/product/info/list",
        &api::products::PRODUCT_INFO_LIST,
        r#"{"items": null}"#,
    ),
    (
        "/v4/product/info/stocks",
        &api::stocks::STOCKS_INFO,
        r#"{"items": null, "cursor": "", "total": 0}"#,
    ),
    (
        "/v2/product/info/stocks-by-warehouse/fbs",
        &api::stocks::STOCKS_BY_WAREHOUSE_FBS,
        r#"{"products": null, "has_next": false, "cursor": ""}"#,
    ),
    (
        "/v1/analytics/stocks",
        &api::stocks::ANALYTICS_STOCKS,
        r#"{"items": null}"#,
    ),
    (
        "/v5/product/info/prices",
        &api::prices::PRICES_INFO,
        r#"{"items": null, "cursor": "", "total": 0}"#,
    ),
    (
        "/v2/warehouse/list",
        &api::warehouses::WAREHOUSE_LIST,
        r#"{"warehouses": null, "has_next": false, "cursor": ""}"#,
    ),
    (
        "/v2/delivery-method/list",
        &api::warehouses::DELIVERY_METHOD_LIST,
        r#"{"delivery_methods": null, "has_next": false, "cursor": ""}"#,
    ),
    (
        "/v1/description-category/tree",
        &api::categories::CATEGORY_TREE,
        r#"{"result": null}"#,
    ),
    (
        "/v1/description-category/attribute",
        &api::categories::CATEGORY_ATTRIBUTES,
        r#"{"result": null}"#,
    ),
    (
        "/v1/description-category/attribute/values",
        &api::categories::ATTRIBUTE_VALUES,
        r#"{"result": null, "has_next": false}"#,
    ),
    (
        "/v1/description-category/attribute/values/search",
        &api::categories::ATTRIBUTE_VALUES_SEARCH,
        r#"{"result": null}"#,
    ),
    (
        "/v2/posting/fbs/cancel-reason/list",
        &api::fbs::POSTING_FBS_CANCEL_REASON_LIST,
        r#"{"result": null}"#,
    ),
    (
        "/v3/posting/fbs/get",
        &api::fbs::POSTING_FBS_GET,
        r#"{"result": null}"#,
    ),
];

/// Calls the operation at `p` the way a user would (the stream where there is one) and
/// returns how many items it read.
async fn call(ozon: &Client, p: &str) -> market_core::Result<usize> {
    let (since, to) = window();
    match p {
        "/v4/posting/fbs/list" => {
            count(ozon.fbs().list_stream(
                FbsPostingListFilter::new(since, to),
                FbsPostingWith::default(),
            ))
            .await
        }
        "/v4/posting/fbs/unfulfilled/list" => {
            count(ozon.fbs().unfulfilled_stream(
                FbsUnfulfilledListFilter::by_cutoff(since, to),
                FbsPostingWith::default(),
            ))
            .await
        }
        "/v3/posting/fbo/list" => {
            count(ozon.fbo().list_stream(
                FboPostingListFilter::new(since, to),
                FboPostingWith::default(),
            ))
            .await
        }
        "/v1/returns/list" => count(ozon.returns().list_stream(None)).await,
        "/v3/product/list" => {
            count(
                ozon.products()
                    .list_stream(ProductListFilter::visibility(ProductVisibility::All)),
            )
            .await
        }
        "/v3/product/info/list" => ozon
            .products()
            .info_list(ProductInfoListRequest::skus([Sku(1)]))
            .await
            .map(|v| v.len()),
        "/v4/product/info/stocks" => {
            count(ozon.stocks().info_stream(StocksInfoFilter::default())).await
        }
        "/v2/product/info/stocks-by-warehouse/fbs" => ozon
            .stocks()
            .by_warehouse_fbs(vec![Sku(1)])
            .await
            .map(|v| v.len()),
        "/v1/analytics/stocks" => ozon
            .stocks()
            .analytics(&AnalyticsStocksRequest {
                skus: vec![Sku(1)],
                ..AnalyticsStocksRequest::default()
            })
            .await
            .map(|v| v.len()),
        "/v5/product/info/prices" => {
            count(ozon.prices().info_stream(PricesFilter::default())).await
        }
        "/v2/warehouse/list" => count(ozon.warehouses().list_stream()).await,
        "/v2/delivery-method/list" => count(ozon.warehouses().delivery_methods_stream(None)).await,
        "/v1/description-category/tree" => ozon.categories().tree(None).await.map(|v| v.len()),
        "/v1/description-category/attribute" => ozon
            .categories()
            .attributes(&GetAttributesRequest::new(17028922, 91565))
            .await
            .map(|v| v.len()),
        "/v1/description-category/attribute/values" => {
            count(
                ozon.categories()
                    .attribute_values_stream(GetAttributeValuesRequest::new(17028922, 91565, 85)),
            )
            .await
        }
        "/v1/description-category/attribute/values/search" => ozon
            .categories()
            .search_attribute_values(&SearchAttributeValuesRequest::new(
                17028922, 91565, 85, "Sam",
            ))
            .await
            .map(|v| v.len()),
        "/v2/posting/fbs/cancel-reason/list" => ozon.fbs().cancel_reasons().await.map(|v| v.len()),
        "/v3/posting/fbs/get" => ozon
            .fbs()
            .get(&FbsPostingGetRequest::new("57195475-0050-3"))
            .await
            .map(|_| 1),
        other => panic!("no call for {other}"),
    }
}

async fn count<T>(
    stream: futures::stream::BoxStream<'_, market_core::Result<T>>,
) -> market_core::Result<usize> {
    let items: Vec<T> = stream.try_collect().await?;
    Ok(items.len())
}

async fn serving(p: &str, body: &str) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(p))
        .respond_with(ResponseTemplate::new(200).set_body_raw(body.to_owned(), "application/json"))
        .mount(&server)
        .await;
    server
}

// ---------------------------------------------------------------------------------------------
// Item 1: a 200 without the page.

#[tokio::test]
async fn every_list_operation_fails_on_a_200_without_its_list_naming_ozon_and_the_operation() {
    for (p, operation, null_list) in LIST_OPERATIONS {
        for body in ["{}", null_list] {
            let server = serving(p, body).await;
            let ozon = client(&server);
            let result = call(&ozon, p).await;
            match result {
                Err(Error::Decode {
                    vendor,
                    operation: op,
                    ..
                }) => {
                    assert_eq!(vendor, "ozon", "{p} {body}");
                    assert_eq!(op, operation.name, "{p} {body}");
                    assert_eq!(operation.path, *p);
                }
                other => panic!("{p} answered {body}: expected a decode error, got {other:?}"),
            }
        }
    }
}

#[tokio::test]
async fn ozon_s_error_object_on_a_200_is_an_api_error_with_ozon_s_code_and_message() {
    let body = r#"{"code": 13, "message": "internal error", "details": []}"#;
    for (p, operation, _) in LIST_OPERATIONS {
        let server = serving(p, body).await;
        let ozon = client(&server);
        let err = call(&ozon, p).await.unwrap_err();
        let api = err.api().unwrap_or_else(|| panic!("{p}: {err:?}"));
        assert_eq!(api.vendor, "ozon");
        assert_eq!(api.operation, operation.name, "{p}");
        assert_eq!(api.status, 200);
        assert_eq!(api.code.as_deref(), Some("13"), "{p}");
        assert_eq!(api.message, "internal error", "{p}");
        // gRPC 13 is INTERNAL: a server failure, retried for these reads (2 attempts here).
        assert_eq!(api.kind, ApiErrorKind::Server, "{p}");
        assert!(api.retryable);
        assert_eq!(server.received_requests().await.unwrap().len(), 2, "{p}");
    }
}

#[tokio::test]
async fn ozon_s_error_codes_on_a_200_are_classified_and_a_bad_request_is_not_retried() {
    let cases = [
        (3, ApiErrorKind::BadRequest, 1),
        (5, ApiErrorKind::NotFound, 1),
        (7, ApiErrorKind::Forbidden, 1),
        (16, ApiErrorKind::Unauthorized, 1),
        (14, ApiErrorKind::Server, 2),
    ];
    for (code, kind, requests) in cases {
        let body = format!(r#"{{"code": {code}, "message": "m{code}"}}"#);
        let server = serving("/v4/posting/fbs/list", &body).await;
        let ozon = client(&server);
        let err = call(&ozon, "/v4/posting/fbs/list").await.unwrap_err();
        let api = err.api().unwrap();
        assert_eq!(api.kind, kind, "code {code}");
        assert_eq!(api.message, format!("m{code}"));
        assert_eq!(
            server.received_requests().await.unwrap().len(),
            requests,
            "code {code}"
        );
    }
}

#[tokio::test]
async fn a_success_that_merely_has_a_code_field_is_still_a_success() {
    // Report creation answers `{"code": "<report code>"}`: a string code and no message.
    let server = serving(
        "/v4/posting/fbs/list",
        r#"{"postings": [], "has_next": false, "cursor": "", "code": 13, "message": "x"}"#,
    )
    .await;
    let ozon = client(&server);
    // An object with more than Ozon's error fields is not the error shape (strict mode
    // refuses the unknown fields, which is still not an empty page).
    let result = call(&ozon, "/v4/posting/fbs/list").await;
    if cfg!(feature = "strict") {
        assert!(matches!(result, Err(Error::Decode { .. })), "{result:?}");
    } else {
        assert_eq!(result.unwrap(), 0);
    }
}

#[tokio::test]
async fn the_order_and_return_streams_end_with_an_error_not_silently_on_an_empty_200() {
    for (p, body) in [
        ("/v4/posting/fbs/list", "{}"),
        (
            "/v4/posting/fbs/list",
            r#"{"code":13,"message":"internal error","details":[]}"#,
        ),
        (
            "/v4/posting/fbs/list",
            r#"{"postings": null, "has_next": false}"#,
        ),
    ] {
        let server = serving(p, body).await;
        // The FBO list answers properly (empty): only the FBS part is broken.
        Mock::given(method("POST"))
            .and(path("/v3/posting/fbo/list"))
            .respond_with(
                ResponseTemplate::new(200)
                    .set_body_json(json!({"postings": [], "has_next": false, "cursor": ""})),
            )
            .mount(&server)
            .await;
        let ozon = client(&server);
        let m: &dyn Marketplace = &ozon;
        let (since, until) = window();
        let results: Vec<_> = m
            .orders(OrderQuery::window(TimeWindow::new(since, until).unwrap()))
            .collect()
            .await;
        assert!(
            results.iter().any(|r| r.is_err()),
            "{body}: the import would be reported complete: {results:?}"
        );
    }
    let server = serving("/v1/returns/list", "{}").await;
    let ozon = client(&server);
    let m: &dyn Marketplace = &ozon;
    let (since, until) = window();
    let results: Vec<_> = m
        .returns(ReturnQuery {
            window: TimeWindow::new(since, until).unwrap(),
        })
        .collect()
        .await;
    assert!(
        matches!(results.as_slice(), [Err(Error::Decode { .. })]),
        "{results:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// Item 10: a server that ignores the cursor.

/// Answers the same non-empty page with `has_next: true` forever, with a new cursor each time
/// (`cursor_moves`) or the same one.
struct SamePage {
    body: Value,
    cursor_key: &'static str,
    cursor_moves: bool,
    n: AtomicUsize,
}

impl Respond for SamePage {
    fn respond(&self, _: &Request) -> ResponseTemplate {
        let n = self.n.fetch_add(1, Ordering::SeqCst);
        let mut body = self.body.clone();
        if self.cursor_moves {
            body[self.cursor_key] = json!(format!("cursor-{n}"));
        }
        ResponseTemplate::new(200).set_body_json(body)
    }
}

async fn same_page(p: &str, body: Value, cursor_key: &'static str, moves: bool) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(p))
        .respond_with(SamePage {
            body,
            cursor_key,
            cursor_moves: moves,
            n: AtomicUsize::new(0),
        })
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn a_page_served_forever_is_yielded_once_then_an_error() {
    let fbs = json!({"postings": [{"posting_number": "1-1"}, {"posting_number": "1-2"}],
        "has_next": true, "cursor": "c"});
    let fbo = json!({"postings": [{"posting_number": "2-1"}], "has_next": true, "cursor": "c"});
    let warehouses = json!({"warehouses": [{"warehouse_id": 7}], "has_next": true, "cursor": "c"});
    let methods = json!({"delivery_methods": [{"id": 9}], "has_next": true, "cursor": "c"});
    let stocks = json!({"items": [{"product_id": 5}], "cursor": "c", "total": 9});
    let prices = json!({"items": [{"product_id": 5}], "cursor": "c", "total": 9});
    let by_wh =
        json!({"products": [{"sku": 1, "warehouse_id": 7}], "has_next": true, "cursor": "c"});
    let products = json!({"result": {"items": [{"product_id": 5}], "last_id": "c", "total": 9}});
    let cases: Vec<(&str, Value, &str)> = vec![
        ("/v4/posting/fbs/list", fbs.clone(), "cursor"),
        ("/v4/posting/fbs/unfulfilled/list", fbs, "cursor"),
        ("/v3/posting/fbo/list", fbo, "cursor"),
        ("/v2/warehouse/list", warehouses, "cursor"),
        ("/v2/delivery-method/list", methods, "cursor"),
        ("/v4/product/info/stocks", stocks, "cursor"),
        ("/v5/product/info/prices", prices, "cursor"),
        ("/v2/product/info/stocks-by-warehouse/fbs", by_wh, "cursor"),
        ("/v3/product/list", products, "last_id"),
    ];
    for (p, body, cursor_key) in cases {
        for moves in [false, true] {
            // The product list's cursor sits inside `result`: it never moves here.
            if moves && cursor_key == "last_id" {
                continue;
            }
            let server = same_page(p, body.clone(), cursor_key, moves).await;
            let ozon = client(&server);
            let served = tokio::time::timeout(Duration::from_secs(20), call(&ozon, p))
                .await
                .unwrap_or_else(|_| panic!("{p} (cursor moves: {moves}) lists forever"));
            let err = served.unwrap_err();
            assert!(matches!(err, Error::Decode { .. }), "{p}: {err:?}");
            assert_eq!(
                server.received_requests().await.unwrap().len(),
                2,
                "{p} (cursor moves: {moves}): the page once, the repeat refused"
            );
        }
    }
}

#[tokio::test]
async fn the_fbs_stream_yields_the_page_once_then_the_error() {
    let body = json!({"postings": [{"posting_number": "1-1"}, {"posting_number": "1-2"}],
        "has_next": true, "cursor": "c"});
    let server = same_page("/v4/posting/fbs/list", body, "cursor", true).await;
    let ozon = client(&server);
    let (since, to) = window();
    let results: Vec<_> = ozon
        .fbs()
        .list_stream(
            FbsPostingListFilter::new(since, to),
            FbsPostingWith::default(),
        )
        .collect()
        .await;
    let numbers: Vec<String> = results
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .map(|p| p.posting_number.to_string())
        .collect();
    assert_eq!(numbers, ["1-1", "1-2"]);
    assert_eq!(results.len(), 3);
    assert!(results[2].is_err());
}

#[tokio::test]
async fn returns_and_attribute_values_that_come_back_the_same_end_with_an_error() {
    // last_id paging takes the next cursor from the page's last item: the same page is the
    // same cursor, caught as a repeat.
    let server = same_page(
        "/v1/returns/list",
        json!({"returns": [{"id": 11}, {"id": 12}], "has_next": true}),
        "unused",
        false,
    )
    .await;
    let ozon = client(&server);
    assert!(call(&ozon, "/v1/returns/list").await.is_err());
    assert_eq!(server.received_requests().await.unwrap().len(), 2);
    let server = same_page(
        "/v1/description-category/attribute/values",
        json!({"result": [{"id": 1, "value": "a"}], "has_next": true}),
        "unused",
        false,
    )
    .await;
    let ozon = client(&server);
    assert!(
        call(&ozon, "/v1/description-category/attribute/values")
            .await
            .is_err()
    );
    assert_eq!(server.received_requests().await.unwrap().len(), 2);
}

// ---------------------------------------------------------------------------------------------
// Item 7: odd rate-limit hints.

#[tokio::test(start_paused = true)]
async fn huge_or_odd_retry_hints_fail_the_call_without_a_panic_and_are_capped() {
    let hints: &[(&str, &str)] = &[
        ("retry-after", "18446744073709551615"),
        ("retry-after", "1e19"),
        ("retry-after", "Fri, 31 Dec 9999 23:59:59 GMT"),
        ("item-retry-after", "18446744073709551615"),
        ("item-retry-after", "1e19"),
        ("item-retry-after", "NaN"),
        ("item-retry-after", "-5"),
    ];
    for (name, value) in hints {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .and(path("/v2/warehouse/list"))
            .respond_with(
                ResponseTemplate::new(429)
                    .insert_header(*name, *value)
                    .set_body_json(json!({"code": 8, "message": "too many requests"})),
            )
            .mount(&server)
            .await;
        let ozon = client(&server);
        let err = ozon.warehouses().list().await.unwrap_err();
        let api = err.api().unwrap();
        assert_eq!(api.kind, ApiErrorKind::RateLimited, "{name}: {value}");
        assert!(
            api.retry_after.is_none_or(|d| d <= MAX_PAUSE),
            "{name}: {value}: {:?}",
            api.retry_after
        );
    }
}

#[tokio::test(start_paused = true)]
async fn odd_quota_headers_on_a_success_do_not_panic() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v2/warehouse/list"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("item-retry-after", "1e19")
                .insert_header("item-rate-limit-remaining", "18446744073709551616")
                .insert_header("retry-after", "18446744073709551615")
                .set_body_json(json!({"warehouses": [], "has_next": false, "cursor": ""})),
        )
        .mount(&server)
        .await;
    let ozon = client(&server);
    assert!(ozon.warehouses().list().await.unwrap().is_empty());
}

// ---------------------------------------------------------------------------------------------
// Item 8: extreme values from the server.

#[test]
fn a_daily_quota_with_extreme_counters_does_not_overflow() {
    let q = DailyQuota {
        limit: i64::MIN,
        usage: i64::MAX,
        ..DailyQuota::default()
    };
    assert_eq!(q.remaining(), 0);
    let q = DailyQuota {
        limit: i64::MAX,
        usage: i64::MIN,
        ..DailyQuota::default()
    };
    assert_eq!(q.remaining(), i64::MAX);
}

#[tokio::test]
async fn postings_with_extreme_amounts_quantities_and_dates_map_without_a_panic() {
    let max = "79228162514264337593543950335";
    let posting = |number: &str, price: &str, quantity: i64, at: &str| {
        json!({
            "posting_number": number,
            "order_number": "1",
            "status": "awaiting_packaging",
            "in_process_at": at,
            "shipment_date": at,
            "products": [
                {"offer_id": "A", "sku": 1, "name": "a", "quantity": quantity,
                 "price": {"amount": price, "currency": "RUB"}},
                {"offer_id": "B", "sku": 2, "name": "b", "quantity": quantity,
                 "price": {"amount": price, "currency": "RUB"}}
            ]
        })
    };
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v4/posting/fbs/list"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "postings": [
                posting("1-1", max, 2_147_483_647, "9999-12-31T23:59:59Z"),
                posting("1-2", max, 0, "0001-01-01T00:00:00Z"),
            ],
            "has_next": false,
            "cursor": ""
        })))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v3/posting/fbo/list"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "postings": [], "has_next": false, "cursor": ""
        })))
        .mount(&server)
        .await;
    let ozon = client(&server);
    let m: &dyn Marketplace = &ozon;
    let (since, until) = window();
    let results: Vec<_> = m
        .orders(OrderQuery::window(TimeWindow::new(since, until).unwrap()))
        .collect()
        .await;
    let orders: Vec<_> = results.into_iter().map(|r| r.unwrap()).collect();
    assert_eq!(orders.len(), 2);
    assert_eq!(orders[0].lines[0].unit_price, rust_decimal::Decimal::MAX);
    assert_eq!(orders[0].lines[0].quantity, 2_147_483_647);
    // The sum overflows Decimal: no total, no panic.
    assert_eq!(orders[0].total(), None);
}

#[tokio::test]
async fn an_amount_beyond_decimal_is_an_error_item_not_a_panic() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v4/posting/fbs/list"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "postings": [{"posting_number": "1-1", "products": [
                {"offer_id": "A", "sku": 1, "quantity": 1,
                 "price": {"amount": "1e40", "currency": "RUB"}}
            ]}],
            "has_next": false,
            "cursor": ""
        })))
        .mount(&server)
        .await;
    let ozon = client(&server);
    let (since, to) = window();
    let results: Vec<_> = ozon
        .fbs()
        .list_stream(
            FbsPostingListFilter::new(since, to),
            FbsPostingWith::default(),
        )
        .collect()
        .await;
    match results.as_slice() {
        [Err(Error::Decode { path, .. })] => {
            assert_eq!(path, "postings[0].products[0].price.amount")
        }
        other => panic!("{other:?}"),
    }
}

// ---------------------------------------------------------------------------------------------
// Item 14: the key echoed by a server.

#[tokio::test]
async fn a_key_echoed_in_the_trace_id_or_straddling_the_excerpt_limit_never_reaches_the_error() {
    let prefix = &API_KEY[..8];
    for (status, header) in [
        (400, "x-o3-trace-id"),
        (500, "x-request-id"),
        (200, "x-o3-trace-id"),
    ] {
        let server = MockServer::start().await;
        // A message whose key starts a few bytes before the 512-byte excerpt limit.
        let message = format!("{}{API_KEY} tail", "x".repeat(505));
        let body = json!({"code": 3, "message": message, "details": []});
        Mock::given(method("POST"))
            .and(path("/v2/warehouse/list"))
            .respond_with(
                ResponseTemplate::new(status)
                    .insert_header(header, format!("trace-{API_KEY}").as_str())
                    .set_body_json(body),
            )
            .mount(&server)
            .await;
        let ozon = client(&server);
        let err = ozon.warehouses().list().await.unwrap_err();
        let text = format!("{err} {err:?}");
        assert!(!text.contains(prefix), "{status} {header}: {text}");
        let api = err.api().unwrap();
        assert_eq!(api.request_id.as_deref(), Some("trace-[REDACTED]"));
        assert!(
            api.message.len() <= 512 + '…'.len_utf8(),
            "{}",
            api.message.len()
        );
        assert!(api.message.contains("[REDACTED]") || !api.message.contains(prefix));
    }
}

#[tokio::test]
async fn a_key_in_a_200_that_is_not_json_never_reaches_the_decode_error() {
    let body = format!("{}{API_KEY}", "<html>".repeat(84));
    let server = serving("/v2/warehouse/list", &body).await;
    let ozon = client(&server);
    let err = ozon.warehouses().list().await.unwrap_err();
    assert!(matches!(err, Error::Decode { .. }), "{err:?}");
    let text = format!("{err} {err:?}");
    assert!(!text.contains(&API_KEY[..8]), "{text}");
}

#[tokio::test]
async fn a_key_in_a_label_answer_that_is_not_a_pdf_never_reaches_the_error() {
    let body = format!("{}{API_KEY} tail", "x".repeat(505));
    let server = serving("/v2/posting/fbs/package-label", &body).await;
    let ozon = client(&server);
    let err = ozon
        .labels()
        .package_label(&[ozon_api::PostingNumber::new("57195475-0050-3")])
        .await
        .unwrap_err();
    match &err {
        Error::Decode { excerpt, .. } => assert!(excerpt.starts_with("xxxx"), "{excerpt}"),
        other => panic!("{other:?}"),
    }
    let text = format!("{err} {err:?}");
    assert!(!text.contains(&API_KEY[..8]), "{text}");
}
