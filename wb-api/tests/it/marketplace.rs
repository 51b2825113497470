//! `impl market_core::Marketplace for wb_api::Client`, through the trait object, against a
//! mock server: the status table, order mapping, stock and price batches, supplies, labels,
//! returns and what WB does not offer.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common::{assert_requests_match_spec, client, sent, spec};
use chrono::{DateTime, TimeZone, Utc};
use futures::StreamExt;
use market_core::{
    CancelReason, Capability, DeliveryScheme, Error, ItemKey, LabelFormat, Lifecycle, Marketplace,
    MarketplaceKind, OrderId, OrderQuery, PriceUpdate, RejectionStage, ReturnQuery, StockUpdate,
    TimeWindow,
};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use wb_api::marketplace::{SUPPLY_NAME, lifecycle, supply_name};
use wb_api::models::orders::{SupplierStatus as S, WbStatus as W};
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const ORDERS_LIST: &str = "GET /api/v3/orders";
const ORDERS_STATUS: &str = "POST /api/v3/orders/status";
const STOCKS_UPDATE: &str = "PUT /api/v3/stocks/{warehouseId}";
const PRICES_UPLOAD: &str = "POST /api/v2/upload/task";
const SUPPLIES_LIST: &str = "GET /api/v3/supplies";
const SUPPLY_CREATE: &str = "POST /api/v3/supplies";
const SUPPLY_ADD_ORDERS: &str = "PATCH /api/marketplace/v3/supplies/{supplyId}/orders";
const SUPPLY_DELIVER: &str = "PATCH /api/v3/supplies/{supplyId}/deliver";
const ORDER_CANCEL: &str = "PATCH /api/v3/orders/{orderId}/cancel";
const STICKERS: &str = "POST /api/v3/orders/stickers";
const CLAIMS: &str = "GET /api/v1/claims";

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn window() -> TimeWindow {
    TimeWindow::new(t("2026-01-01T00:00:00Z"), t("2026-01-10T00:00:00Z")).unwrap()
}

async fn mount(server: &MockServer, m: &str, p: &str, response: ResponseTemplate) {
    Mock::given(method(m))
        .and(path(p))
        .respond_with(response)
        .mount(server)
        .await;
}

fn ok(body: Value) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(body)
}

fn no_content() -> ResponseTemplate {
    ResponseTemplate::new(204)
}

/// Matches a concrete path against a template with `{params}`.
fn path_matches(template: &str, actual: &str) -> bool {
    let t: Vec<&str> = template.split('/').collect();
    let a: Vec<&str> = actual.split('/').collect();
    t.len() == a.len() && t.iter().zip(&a).all(|(t, a)| t.starts_with('{') || t == a)
}

/// As `assert_requests_match_spec`, for a server that received several operations: each
/// request is matched to one of `ops` and checked against it (auth, query, body).
async fn assert_each_request_matches(server: &MockServer, ops: &[&str]) {
    let requests = sent(server).await;
    assert!(!requests.is_empty(), "no request reached the server");
    for (r, body) in requests {
        let op = ops
            .iter()
            .find(|op| {
                let (m, p) = op.split_once(' ').unwrap();
                r.method.as_str() == m && path_matches(p, r.url.path())
            })
            .unwrap_or_else(|| panic!("{} {} is none of {ops:?}", r.method, r.url.path()));
        assert!(!spec().is_deprecated(op), "{op} is deprecated");
        assert_eq!(
            r.headers.get("authorization").unwrap(),
            crate::common::TOKEN
        );
        let mut problems = spec().check_query(op, r.url.query_pairs());
        if !r.body.is_empty() {
            problems.extend(spec().check_request(op, &body));
        }
        assert!(problems.is_empty(), "{op}: {problems:#?}\nbody: {body}");
    }
}

/// The requests received as `"METHOD /path"` in order.
async fn calls(server: &MockServer) -> Vec<String> {
    sent(server)
        .await
        .iter()
        .map(|(r, _)| format!("{} {}", r.method, r.url.path()))
        .collect()
}

/// A WB assembly task (with the fields the mapping reads).
fn wb_order(id: i64, supply: Option<&str>) -> Value {
    let mut o = json!({
        "id": id,
        "rid": format!("rid-{id}"),
        "orderUid": format!("uid-{id}"),
        "article": format!("ART-{id}"),
        "nmId": 100_000 + id,
        "chrtId": 200_000 + id,
        "warehouseId": 507,
        "createdAt": "2026-01-02T03:04:05Z",
        "price": 150000,
        "convertedPrice": 150000,
        "currencyCode": 643,
        "convertedCurrencyCode": 643,
        "cargoType": 1,
        "deliveryType": "fbs",
        "skus": ["2000000000001"],
    });
    if let Some(s) = supply {
        o["supplyId"] = json!(s);
    }
    o
}

fn status(id: i64, supplier: &str, wb: &str) -> Value {
    json!({"id": id, "supplierStatus": supplier, "wbStatus": wb})
}

// ---------------------------------------------------------------------------------------------
// 1. The status table.

#[test]
fn lifecycle_maps_the_two_wb_statuses() {
    use Lifecycle::*;
    let u = || S::Unknown("teleported".into());
    let cases: Vec<(Option<S>, Option<W>, Lifecycle)> = vec![
        (Some(S::New), Some(W::Waiting), AwaitingConfirmation),
        (Some(S::New), None, AwaitingConfirmation),
        (Some(S::Confirm), Some(W::Waiting), AwaitingShipment),
        (Some(S::Complete), Some(W::Waiting), InDelivery),
        (Some(S::Complete), Some(W::Sorted), InDelivery),
        (None, Some(W::ReadyForPickup), InDelivery),
        (None, Some(W::SentToCarrier), InDelivery),
        (None, Some(W::AcceptedByCarrier), InDelivery),
        (None, Some(W::PostponedDelivery), InDelivery),
        (Some(S::Complete), Some(W::Sold), Delivered),
        (None, Some(W::Sold), Delivered),
        // A cancellation wins over everything.
        (Some(S::Cancel), Some(W::Sold), Cancelled),
        (Some(S::Cancel), Some(W::Waiting), Cancelled),
        (Some(S::Cancel), None, Cancelled),
        (Some(S::New), Some(W::Canceled), Cancelled),
        (Some(S::Confirm), Some(W::CanceledByClient), Cancelled),
        (Some(S::New), Some(W::DeclinedByClient), Cancelled),
        (Some(S::Complete), Some(W::Defect), Cancelled),
        (Some(u()), Some(W::Canceled), Cancelled),
        // What the table does not name.
        (None, None, Unknown),
        (None, Some(W::Waiting), Unknown),
        (Some(u()), None, Unknown),
        (Some(u()), Some(W::Waiting), Unknown),
        (None, Some(W::Unknown("lost".into())), Unknown),
    ];
    for (supplier, wb, want) in cases {
        assert_eq!(
            lifecycle(supplier.as_ref(), wb.as_ref()),
            want,
            "{supplier:?} / {wb:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// 2. Orders.

/// Two pages of orders (1, 2 then 3) and `statuses` for them.
async fn orders_server(statuses: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v3/orders"))
        .and(query_param("next", "0"))
        .respond_with(ok(json!({
            "next": 500,
            "orders": [wb_order(1, None), wb_order(2, Some("WB-GI-1"))],
        })))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v3/orders"))
        .and(query_param("next", "500"))
        .respond_with(ok(json!({"next": 0, "orders": [wb_order(3, None)]})))
        .mount(&server)
        .await;
    mount(&server, "POST", "/api/v3/orders/status", statuses).await;
    server
}

fn three_statuses() -> ResponseTemplate {
    ok(json!({"orders": [
        status(1, "new", "waiting"),
        status(2, "confirm", "waiting"),
        status(3, "cancel", "sold"),
    ]}))
}

#[tokio::test]
async fn orders_page_by_next_then_read_statuses_and_map() {
    let server = orders_server(three_statuses()).await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    let orders: Vec<_> = m
        .orders(OrderQuery::window(window()))
        .map(Result::unwrap)
        .collect()
        .await;

    // Two list pages, then one status call for every id.
    assert_eq!(
        calls(&server).await,
        [
            "GET /api/v3/orders",
            "GET /api/v3/orders",
            "POST /api/v3/orders/status"
        ]
    );
    let requests = sent(&server).await;
    let q = |i: usize, k: &str| {
        requests[i]
            .0
            .url
            .query_pairs()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.into_owned())
    };
    assert_eq!(q(0, "next").as_deref(), Some("0"));
    assert_eq!(q(1, "next").as_deref(), Some("500"));
    let from = window().since.timestamp().to_string();
    let to = window().until.timestamp().to_string();
    for i in 0..2 {
        assert_eq!(q(i, "dateFrom"), Some(from.clone()));
        assert_eq!(q(i, "dateTo"), Some(to.clone()));
    }
    assert_eq!(requests[2].1, json!({"orders": [1, 2, 3]}));
    assert_each_request_matches(&server, &[ORDERS_LIST, ORDERS_STATUS]).await;

    let ids: Vec<&str> = orders.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, ["1", "2", "3"]);
    let o = &orders[0];
    assert_eq!(o.marketplace, MarketplaceKind::Wildberries);
    assert_eq!(o.parent_id.as_deref(), Some("uid-1"));
    assert_eq!(o.scheme, DeliveryScheme::Fbs);
    assert_eq!(o.warehouse_id.as_ref().unwrap().as_str(), "507");
    assert_eq!(o.created_at, t("2026-01-02T03:04:05Z"));
    assert_eq!(o.currency, market_core::Currency::Rub);
    assert_eq!(o.lines.len(), 1);
    let line = &o.lines[0];
    assert_eq!(line.offer_id.as_str(), "ART-1");
    assert_eq!(line.sku.as_ref().unwrap().as_str(), "100001");
    assert_eq!(line.quantity, 1);
    // 150000 kopecks are 1500.00 roubles.
    assert_eq!(line.unit_price, Decimal::new(150000, 2));
    assert_eq!(line.unit_price, Decimal::from(1500));
    assert_eq!(o.total(), Some(Decimal::from(1500)));
    assert_eq!(o.raw["id"], json!(1));

    let statuses: Vec<(Lifecycle, &str)> = orders
        .iter()
        .map(|o| (o.status.lifecycle, o.status.raw.as_str()))
        .collect();
    assert_eq!(
        statuses,
        [
            (Lifecycle::AwaitingConfirmation, "new/waiting"),
            (Lifecycle::AwaitingShipment, "confirm/waiting"),
            (Lifecycle::Cancelled, "cancel/sold"),
        ]
    );
}

#[tokio::test]
async fn an_order_wb_gives_no_status_for_is_unknown() {
    let server = orders_server(ok(json!({"orders": [status(1, "new", "waiting")]}))).await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    let orders: Vec<_> = m
        .orders(OrderQuery::window(window()))
        .map(Result::unwrap)
        .collect()
        .await;
    assert_eq!(orders.len(), 3);
    assert_eq!(orders[1].status.lifecycle, Lifecycle::Unknown);
    assert_eq!(orders[1].status.raw, "/");
}

#[tokio::test]
async fn the_status_filter_keeps_only_the_states_asked_for() {
    let server = orders_server(three_statuses()).await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    let query = OrderQuery::window(window())
        .with_statuses([Lifecycle::AwaitingShipment, Lifecycle::Cancelled]);
    let ids: Vec<String> = m
        .orders(query)
        .map(|o| o.unwrap().id.into_inner())
        .collect()
        .await;
    assert_eq!(ids, ["2", "3"]);

    // Another scheme: nothing is asked of WB.
    let fbo = OrderQuery::window(window()).with_schemes([DeliveryScheme::Fbo]);
    let before = sent(&server).await.len();
    assert_eq!(m.orders(fbo).count().await, 0);
    assert_eq!(sent(&server).await.len(), before);
}

#[tokio::test]
async fn a_failed_status_call_yields_the_orders_unread_then_the_error() {
    let server = orders_server(
        ResponseTemplate::new(400)
            .set_body_json(json!({"code": "IncorrectRequest", "message": "bad"})),
    )
    .await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    // Even under a status filter: an order whose status is unknown is not dropped.
    let query = OrderQuery::window(window()).with_statuses([Lifecycle::Cancelled]);
    let items: Vec<_> = m.orders(query).collect().await;
    assert_eq!(items.len(), 4, "three orders, then the error: {items:?}");
    for o in &items[..3] {
        let o = o.as_ref().unwrap();
        assert_eq!(o.status.lifecycle, Lifecycle::Unknown);
        assert_eq!(o.status.raw, wb_api::marketplace::STATUS_UNREAD);
    }
    match &items[3] {
        Err(Error::Api(e)) => assert_eq!(e.status, 400),
        other => panic!("expected the status call's error, got {other:?}"),
    }
}

#[tokio::test]
async fn a_failing_later_page_yields_the_orders_of_the_pages_before_it() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v3/orders"))
        .and(query_param("next", "0"))
        .respond_with(ok(json!({
            "next": 500,
            "orders": [wb_order(1, None), wb_order(2, None)],
        })))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v3/orders"))
        .and(query_param("next", "500"))
        .respond_with(ResponseTemplate::new(500).set_body_json(json!({"title": "internal"})))
        .mount(&server)
        .await;
    mount(&server, "POST", "/api/v3/orders/status", three_statuses()).await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    let items: Vec<_> = m.orders(OrderQuery::window(window())).collect().await;
    assert_eq!(items.len(), 3, "{items:?}");
    let first: Vec<(String, Lifecycle)> = items[..2]
        .iter()
        .map(|o| {
            let o = o.as_ref().unwrap();
            (o.id.as_str().to_owned(), o.status.lifecycle)
        })
        .collect();
    assert_eq!(
        first,
        [
            ("1".to_owned(), Lifecycle::AwaitingConfirmation),
            ("2".to_owned(), Lifecycle::AwaitingShipment)
        ]
    );
    assert_eq!(items[2].as_ref().unwrap_err().status(), Some(500));
}

// ---------------------------------------------------------------------------------------------
// 3. Stocks.

fn stock_key(offer: &str, warehouse: &str) -> ItemKey {
    ItemKey::stock(offer, warehouse)
}

#[tokio::test]
async fn stocks_go_by_size_of_the_barcode_to_each_warehouse_and_bad_items_stay_local() {
    // WB refuses stock by barcode (`SKUUploadDisabled`): each barcode is sent as its size
    // (`chrtId`, read from the cards list; `cards_page` gives nmID + 2).
    let server = MockServer::start().await;
    mount(
        &server,
        "POST",
        "/content/v2/get/cards/list",
        cards_page(&[
            (1, "A1", &["2000000000001"]),
            (2, "A2", &["2000000000002"]),
            (3, "A3", &["2000000000003"]),
            (4, "A4", &["2000000000004"]),
            (5, "A5", &["2000000000005"]),
        ]),
    )
    .await;
    mount(&server, "PUT", "/api/v3/stocks/507", no_content()).await;
    mount(&server, "PUT", "/api/v3/stocks/608", no_content()).await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    let updates = [
        StockUpdate::new("2000000000001", "507", 5),
        StockUpdate::new("2000000000002", "507", 0),
        StockUpdate::new("2000000000003", "608", 7),
        StockUpdate::new("2000000000004", "main", 1),
        StockUpdate::new("2000000000005", "507", -1),
    ];
    let report = m.update_stocks(&updates).await.unwrap();

    let mut requests: Vec<(String, Value)> = sent(&server)
        .await
        .into_iter()
        .map(|(r, b)| (r.url.path().to_owned(), b))
        .filter(|(p, _)| p.starts_with("/api/v3/stocks"))
        .collect();
    requests.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        requests,
        [
            (
                "/api/v3/stocks/507".to_owned(),
                json!({"stocks": [
                    {"chrtId": 3, "amount": 5},
                    {"chrtId": 4, "amount": 0},
                ]})
            ),
            (
                "/api/v3/stocks/608".to_owned(),
                json!({"stocks": [{"chrtId": 5, "amount": 7}]})
            ),
        ]
    );
    assert_each_request_matches(&server, &[STOCKS_UPDATE, "POST /content/v2/get/cards/list"]).await;

    let mut accepted = report.accepted.clone();
    accepted.sort();
    assert_eq!(
        accepted,
        [
            stock_key("2000000000001", "507"),
            stock_key("2000000000002", "507"),
            stock_key("2000000000003", "608"),
        ]
    );
    assert_eq!(report.rejected.len(), 2);
    for (key, needle) in [
        (stock_key("2000000000004", "main"), "warehouse"),
        (stock_key("2000000000005", "507"), "negative"),
    ] {
        let r = report
            .rejected
            .iter()
            .find(|r| r.key == key)
            .unwrap_or_else(|| panic!("{key} not rejected: {report:?}"));
        assert_eq!(r.stage, RejectionStage::Validation);
        assert!(r.message.contains(needle), "{}", r.message);
    }
}

#[tokio::test]
async fn a_409_conflict_comes_back_under_the_original_key() {
    let server = MockServer::start().await;
    mount(
        &server,
        "POST",
        "/content/v2/get/cards/list",
        cards_page(&[
            (1, "A1", &["2000000000001"]),
            (2, "A2", &["2000000000002"]),
            (3, "A3", &["2000000000003"]),
            (4, "A4", &["2000000000004"]),
            (5, "A5", &["2000000000005"]),
        ]),
    )
    .await;
    mount(
        &server,
        "PUT",
        "/api/v3/stocks/507",
        ResponseTemplate::new(409).set_body_json(json!([{
            "code": "SubjectFBSRestriction",
            "message": "The product category cannot be sold with 'Delivery By Supplier'.",
            "data": [{"chrtId": 4, "amount": 3}],
        }])),
    )
    .await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    let report = m
        .update_stocks(&[
            StockUpdate::new("2000000000001", " 507 ", 1),
            StockUpdate::new("2000000000002", " 507 ", 3),
        ])
        .await
        .unwrap();
    assert_eq!(
        sent(&server)
            .await
            .iter()
            .filter(|(r, _)| r.url.path() == "/api/v3/stocks/507")
            .count(),
        2,
        "the unnamed item is sent once more alone (this server refuses it again)"
    );
    assert!(
        report.accepted.is_empty(),
        "a 409 refuses the whole request"
    );
    assert_eq!(report.rejected.len(), 2);
    let named = report
        .rejected
        .iter()
        .find(|r| r.key == stock_key("2000000000002", " 507 "))
        .expect("the refused barcode under its original key");
    assert_eq!(named.stage, RejectionStage::Vendor);
    assert_eq!(named.code.as_deref(), Some("SubjectFBSRestriction"));
    let other = report
        .rejected
        .iter()
        .find(|r| r.key == stock_key("2000000000001", " 507 "))
        .expect("the other item under its original key");
    assert_eq!(other.stage, RejectionStage::Vendor);
}

/// BUG (wb-api/src/marketplace.rs, `update_stocks`, the `.await?` after
/// `self.stocks().update(warehouse, ...)`): a warehouse id that parses as a number but is not
/// positive ("0", "-5") passes the local check in `update_stocks`, then `StocksApi::update`
/// refuses it with `Err(Validation)` and the `?` fails the whole call: the other warehouses'
/// items (possibly already sent) are lost from the report. Expected: an `Ok` report with the
/// item rejected (stage Validation) under its key and the others accepted.
#[tokio::test]
async fn a_non_positive_warehouse_is_rejected_per_item() {
    let server = MockServer::start().await;
    mount(
        &server,
        "POST",
        "/content/v2/get/cards/list",
        cards_page(&[
            (1, "A1", &["2000000000001"]),
            (2, "A2", &["2000000000002"]),
            (3, "A3", &["2000000000003"]),
            (4, "A4", &["2000000000004"]),
            (5, "A5", &["2000000000005"]),
        ]),
    )
    .await;
    mount(&server, "PUT", "/api/v3/stocks/507", no_content()).await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    let report = m
        .update_stocks(&[
            StockUpdate::new("2000000000001", "507", 1),
            StockUpdate::new("2000000000002", "0", 1),
        ])
        .await
        .expect("per-item problems are data, not an error");
    assert_eq!(report.accepted, [stock_key("2000000000001", "507")]);
    assert_eq!(report.rejected.len(), 1);
    assert_eq!(report.rejected[0].key, stock_key("2000000000002", "0"));
    assert_eq!(report.rejected[0].stage, RejectionStage::Validation);
    assert_eq!(
        calls(&server).await,
        ["POST /content/v2/get/cards/list", "PUT /api/v3/stocks/507"]
    );
}

// ---------------------------------------------------------------------------------------------
// 4. Prices.

fn task_created() -> ResponseTemplate {
    ok(json!({"data": {"id": 123456, "alreadyExists": false}, "error": false, "errorText": ""}))
}

/// A cards list answer (one page, the last) with `(nmID, vendorCode, barcodes)`.
fn cards_page(cards: &[(i64, &str, &[&str])]) -> ResponseTemplate {
    let cards: Vec<Value> = cards
        .iter()
        .map(|(nm, vc, skus)| {
            json!({
                "nmID": nm, "imtID": nm + 1, "vendorCode": vc, "subjectID": 105,
                "updatedAt": "2026-01-01T00:00:00Z",
                "sizes": [{"chrtID": nm + 2, "techSize": "0", "skus": skus}],
            })
        })
        .collect();
    let total = cards.len();
    ok(
        json!({"cards": cards, "cursor": {"updatedAt": "2026-01-01T00:00:00Z", "nmID": 1, "total": total}}),
    )
}

#[tokio::test]
async fn prices_go_by_article_barcode_or_nm_id_as_full_price_and_discount() {
    let server = MockServer::start().await;
    mount(
        &server,
        "POST",
        "/content/v2/get/cards/list",
        cards_page(&[
            (100001, "ART-1", &["2000000000011"]),
            (100002, "ART-2", &["2000000000022", "2000000000023"]),
            (100004, "ART-4", &[]),
        ]),
    )
    .await;
    mount(&server, "POST", "/api/v2/upload/task", task_created()).await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    let report = m
        .update_prices(&[
            PriceUpdate::new("ART-1", Decimal::from(900)).with_old_price(Decimal::from(1000)),
            PriceUpdate::new("2000000000022", Decimal::from(900)),
            PriceUpdate::new("ART-3", Decimal::from(900)),
            PriceUpdate::new("100004", Decimal::new(7500, 1)).with_old_price(Decimal::from(1000)),
            // The second size of card 100002: that card is priced already in this call.
            PriceUpdate::new("2000000000023", Decimal::from(800)),
        ])
        .await
        .unwrap();

    assert_eq!(
        calls(&server).await,
        [
            "POST /content/v2/get/cards/list",
            "POST /api/v2/upload/task"
        ],
        "the index is read once, then one upload"
    );
    let requests = sent(&server).await;
    assert_eq!(
        requests[1].1,
        json!({"data": [
            {"nmID": 100001, "price": 1000, "discount": 10},
            {"nmID": 100002, "price": 900, "discount": 0},
            {"nmID": 100004, "price": 1000, "discount": 25},
        ]})
    );
    assert_each_request_matches(&server, &[PRICES_UPLOAD, "POST /content/v2/get/cards/list"]).await;

    assert_eq!(
        report.accepted,
        [
            ItemKey::offer("ART-1"),
            ItemKey::offer("2000000000022"),
            ItemKey::offer("100004")
        ]
    );
    let rejected: Vec<(&str, RejectionStage)> = report
        .rejected
        .iter()
        .map(|r| (r.key.offer_id.as_str(), r.stage))
        .collect();
    assert_eq!(
        rejected,
        [
            ("ART-3", RejectionStage::Validation),
            ("2000000000023", RejectionStage::Validation)
        ]
    );
    assert!(report.rejected[0].message.contains("no WB card"));

    // A second call finds everything in the index: no cards list read.
    m.update_prices(&[PriceUpdate::new("ART-2", Decimal::from(500))])
        .await
        .unwrap();
    let seen = calls(&server).await;
    assert_eq!(seen.len(), 3, "{seen:?}");
    assert_eq!(seen[2], "POST /api/v2/upload/task");
    // An id the index does not know makes it read the cards list again (a new card).
    let report = m
        .update_prices(&[PriceUpdate::new("ART-9", Decimal::from(500))])
        .await
        .unwrap();
    assert_eq!(report.rejected.len(), 1);
    let seen = calls(&server).await;
    assert_eq!(seen.len(), 4, "{seen:?}");
    assert_eq!(seen[3], "POST /content/v2/get/cards/list");
}

#[tokio::test]
async fn a_price_wb_says_is_already_set_is_accepted_whatever_the_case_of_its_text() {
    for text in [
        "The specified prices and discounts are already set",
        "the specified prices and discounts are ALREADY SET",
    ] {
        let server = MockServer::start().await;
        mount(
            &server,
            "POST",
            "/content/v2/get/cards/list",
            cards_page(&[(100001, "ART-1", &["2000000000011"])]),
        )
        .await;
        mount(
            &server,
            "POST",
            "/api/v2/upload/task",
            ResponseTemplate::new(400)
                .set_body_json(json!({"data": null, "error": true, "errorText": text})),
        )
        .await;
        let client = client(&server);
        let m: &dyn Marketplace = &client;
        let report = m
            .update_prices(&[PriceUpdate::new("ART-1", Decimal::from(900))])
            .await
            .unwrap();
        assert_eq!(report.accepted.len(), 1, "{text}: {report:?}");
        assert!(report.rejected.is_empty(), "{text}: {report:?}");
    }
    // The ambiguous answer (maybe the ids are wrong) is not taken as success.
    let server = MockServer::start().await;
    mount(
        &server,
        "POST",
        "/content/v2/get/cards/list",
        cards_page(&[(100001, "ART-1", &["2000000000011"])]),
    )
    .await;
    mount(
        &server,
        "POST",
        "/api/v2/upload/task",
        ResponseTemplate::new(400).set_body_json(json!({"data": null, "error": true,
            "errorText": "All item Nos. are specified incorrectly, or the specified prices and discounts are already set"})),
    )
    .await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    let report = m
        .update_prices(&[PriceUpdate::new("ART-1", Decimal::from(900))])
        .await
        .unwrap();
    assert!(report.accepted.is_empty(), "{report:?}");
    assert_eq!(report.rejected.len(), 1);
}

#[tokio::test]
async fn only_invalid_prices_send_nothing() {
    let server = MockServer::start().await;
    mount(&server, "POST", "/api/v2/upload/task", task_created()).await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    let report = m
        .update_prices(&[
            PriceUpdate::new("", Decimal::from(900)),
            // The old price must be above the price.
            PriceUpdate::new("100001", Decimal::from(900)).with_old_price(Decimal::from(800)),
            PriceUpdate::new("100002", Decimal::ZERO),
        ])
        .await
        .unwrap();
    assert!(sent(&server).await.is_empty(), "not even the cards list");
    assert!(report.accepted.is_empty());
    let keys: Vec<&str> = report
        .rejected
        .iter()
        .map(|r| r.key.offer_id.as_str())
        .collect();
    assert_eq!(keys, ["", "100001", "100002"]);
    assert!(
        report
            .rejected
            .iter()
            .all(|r| r.stage == RejectionStage::Validation)
    );
}

// ---------------------------------------------------------------------------------------------
// 5. Confirm, ship, cancel.

fn supply(id: &str, name: &str, done: bool) -> Value {
    json!({"id": id, "name": name, "done": done, "createdAt": "2026-01-02T00:00:00Z"})
}

/// The name of our supply for warehouse 507.
const OURS: &str = "market-rs 507";

#[test]
fn our_supplies_are_named_per_warehouse() {
    assert_eq!(supply_name(wb_api::WarehouseId(507)), OURS);
    assert!(OURS.starts_with(SUPPLY_NAME));
}

async fn supplies_server(supplies: Vec<Value>) -> MockServer {
    let server = MockServer::start().await;
    mount(
        &server,
        "GET",
        "/api/v3/orders/new",
        ok(json!({"orders": [wb_order(5632423, None)]})),
    )
    .await;
    mount(
        &server,
        "GET",
        "/api/v3/supplies",
        ok(json!({"next": 0, "supplies": supplies})),
    )
    .await;
    mount(
        &server,
        "POST",
        "/api/v3/supplies",
        ResponseTemplate::new(201).set_body_json(json!({"id": "WB-GI-7777"})),
    )
    .await;
    Mock::given(method("PATCH"))
        .and(path_regex_orders())
        .respond_with(no_content())
        .mount(&server)
        .await;
    server
}

fn path_regex_orders() -> wiremock::matchers::PathRegexMatcher {
    wiremock::matchers::path_regex(r"^/api/marketplace/v3/supplies/[^/]+/orders$")
}

#[tokio::test]
async fn confirm_creates_a_supply_when_none_of_ours_is_open() {
    // Ours but delivered, ours for another warehouse, and someone else's open supply: none
    // is used.
    let server = supplies_server(vec![
        supply("WB-GI-1", OURS, true),
        supply("WB-GI-4", "market-rs 508", false),
        supply("WB-GI-2", "manual", false),
    ])
    .await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    m.confirm_order(&OrderId::new("5632423")).await.unwrap();
    assert_eq!(
        calls(&server).await,
        [
            "GET /api/v3/orders/new",
            "GET /api/v3/supplies",
            "POST /api/v3/supplies",
            "PATCH /api/marketplace/v3/supplies/WB-GI-7777/orders",
        ]
    );
    let requests = sent(&server).await;
    assert_eq!(requests[2].1, json!({"name": OURS}));
    assert_eq!(requests[3].1, json!({"orders": [5632423]}));
    assert_each_request_matches(
        &server,
        &[
            "GET /api/v3/orders/new",
            SUPPLIES_LIST,
            SUPPLY_CREATE,
            SUPPLY_ADD_ORDERS,
        ],
    )
    .await;
}

#[tokio::test]
async fn confirm_uses_our_open_supply() {
    let server = supplies_server(vec![
        supply("WB-GI-1", OURS, true),
        supply("WB-GI-3", OURS, false),
    ])
    .await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    m.confirm_order(&OrderId::new("5632423")).await.unwrap();
    assert_eq!(
        calls(&server).await,
        [
            "GET /api/v3/orders/new",
            "GET /api/v3/supplies",
            "PATCH /api/marketplace/v3/supplies/WB-GI-3/orders",
        ]
    );
    assert_each_request_matches(
        &server,
        &["GET /api/v3/orders/new", SUPPLIES_LIST, SUPPLY_ADD_ORDERS],
    )
    .await;
    // An order that is not new is not confirmed, and no supply is touched.
    let e = m.confirm_order(&OrderId::new("999")).await.unwrap_err();
    assert!(matches!(e, Error::Validation { .. }), "{e:?}");
    assert_eq!(calls(&server).await.len(), 4);
}

#[tokio::test]
async fn confirm_with_a_bad_id_sends_nothing() {
    let server = supplies_server(vec![]).await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    for bad in ["abc", "0", "-3", ""] {
        let e = m.confirm_order(&OrderId::new(bad)).await.unwrap_err();
        assert!(matches!(e, Error::Validation { .. }), "{bad}: {e:?}");
    }
    assert!(sent(&server).await.is_empty());
}

async fn ship_server(orders: Vec<Value>) -> MockServer {
    let server = MockServer::start().await;
    mount(
        &server,
        "GET",
        "/api/v3/orders",
        ok(json!({"next": 0, "orders": orders})),
    )
    .await;
    Mock::given(method("PATCH"))
        .and(wiremock::matchers::path_regex(
            r"^/api/v3/supplies/[^/]+/deliver$",
        ))
        .respond_with(no_content())
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn ship_delivers_the_supply_of_the_order() {
    let server = ship_server(vec![
        wb_order(1, Some("WB-GI-1")),
        wb_order(2, Some("WB-GI-2")),
    ])
    .await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    m.ship_order(&OrderId::new("2")).await.unwrap();
    assert_eq!(
        calls(&server).await,
        [
            "GET /api/v3/orders",
            "PATCH /api/v3/supplies/WB-GI-2/deliver"
        ]
    );
    let (list, _) = &sent(&server).await[0];
    let from: i64 = list
        .url
        .query_pairs()
        .find(|(k, _)| k == "dateFrom")
        .unwrap()
        .1
        .parse()
        .unwrap();
    let age = Utc::now().timestamp() - from;
    assert!(
        (30 * 86_400 - 60..=30 * 86_400 + 60).contains(&age),
        "{age}"
    );
    assert_each_request_matches(&server, &[ORDERS_LIST, SUPPLY_DELIVER]).await;
}

#[tokio::test]
async fn ship_of_an_unknown_or_bad_order_delivers_nothing() {
    let server = ship_server(vec![wb_order(1, Some("WB-GI-1"))]).await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    for id in ["3", "x", "-1"] {
        let e = m.ship_order(&OrderId::new(id)).await.unwrap_err();
        assert!(matches!(e, Error::Validation { .. }), "{id}: {e:?}");
    }
    assert!(
        calls(&server)
            .await
            .iter()
            .all(|c| c == "GET /api/v3/orders"),
        "nothing delivered"
    );
}

#[tokio::test]
async fn ship_of_an_order_in_no_supply_adds_it_to_ours_then_delivers() {
    let server = MockServer::start().await;
    // The first read finds the order in no supply; after the add, it is in WB-GI-9.
    Mock::given(method("GET"))
        .and(path("/api/v3/orders"))
        .respond_with(ok(json!({"next": 0, "orders": [wb_order(1, None)]})))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    mount(
        &server,
        "GET",
        "/api/v3/orders",
        ok(json!({"next": 0, "orders": [wb_order(1, Some("WB-GI-9"))]})),
    )
    .await;
    mount(
        &server,
        "GET",
        "/api/v3/orders/new",
        ok(json!({"orders": [wb_order(1, None)]})),
    )
    .await;
    mount(
        &server,
        "GET",
        "/api/v3/supplies",
        ok(json!({"next": 0, "supplies": [
            {"id": "WB-GI-9", "name": OURS, "done": false, "createdAt": "2026-01-01T00:00:00Z", "cargoType": 0}
        ]})),
    )
    .await;
    Mock::given(method("PATCH"))
        .and(path("/api/marketplace/v3/supplies/WB-GI-9/orders"))
        .respond_with(no_content())
        .mount(&server)
        .await;
    Mock::given(method("PATCH"))
        .and(path("/api/v3/supplies/WB-GI-9/deliver"))
        .respond_with(no_content())
        .mount(&server)
        .await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    m.ship_order(&OrderId::new("1")).await.unwrap();
    let calls = calls(&server).await;
    assert_eq!(
        calls
            .iter()
            .filter(|c| c.contains("/orders") && c.starts_with("PATCH"))
            .count(),
        1,
        "{calls:?}"
    );
    assert_eq!(
        calls.last().unwrap(),
        "PATCH /api/v3/supplies/WB-GI-9/deliver"
    );
}

#[tokio::test]
async fn cancel_patches_the_order() {
    let server = MockServer::start().await;
    mount(
        &server,
        "PATCH",
        "/api/v3/orders/5632423/cancel",
        no_content(),
    )
    .await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    m.cancel_order(&OrderId::new("5632423"), &CancelReason::out_of_stock())
        .await
        .unwrap();
    assert_eq!(sent(&server).await.len(), 1);
    assert_requests_match_spec(&server, ORDER_CANCEL).await;

    for bad in ["WB-5", "0", "1.5"] {
        let e = m
            .cancel_order(&OrderId::new(bad), &CancelReason::out_of_stock())
            .await
            .unwrap_err();
        assert!(matches!(e, Error::Validation { .. }), "{bad}: {e:?}");
    }
    assert_eq!(sent(&server).await.len(), 1, "nothing sent for bad ids");
}

// ---------------------------------------------------------------------------------------------
// 6. Labels.

const SVG: &str = r#"<svg xmlns="http://www.w3.org/2000/svg" width="580" height="400"></svg>"#;
const SVG_BASE64: &str = "PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSI1ODAiIGhlaWdodD0iNDAwIj48L3N2Zz4=";

#[tokio::test]
async fn label_is_the_decoded_svg_sticker() {
    let server = MockServer::start().await;
    mount(
        &server,
        "POST",
        "/api/v3/orders/stickers",
        ok(json!({"stickers": [{
            "orderId": 5346346,
            "partA": "231648",
            "partB": "9753",
            "barcode": "!uKEtQZVx",
            "file": SVG_BASE64,
        }]})),
    )
    .await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    let label = m.label(&OrderId::new("5346346")).await.unwrap();
    assert_eq!(label.format, LabelFormat::Svg);
    assert_eq!(label.order_id.as_str(), "5346346");
    assert_eq!(&label.bytes[..], SVG.as_bytes());
    assert_eq!(LabelFormat::sniff(&label.bytes), Some(LabelFormat::Svg));

    let requests = sent(&server).await;
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].1, json!({"orders": [5346346]}));
    let query: Vec<(String, String)> = requests[0]
        .0
        .url
        .query_pairs()
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    for (k, v) in [("type", "svg"), ("width", "58"), ("height", "40")] {
        assert!(
            query.contains(&(k.to_owned(), v.to_owned())),
            "{k}={v} not in {query:?}"
        );
    }
    assert_requests_match_spec(&server, STICKERS).await;
}

// ---------------------------------------------------------------------------------------------
// 7. Returns.

fn claim(id: &str, nm: i64, dt: &str, comment: &str) -> Value {
    json!({
        "id": id,
        "claim_type": 1,
        "status": 2,
        "status_ex": 8,
        "nm_id": nm,
        "imt_name": "Кабель 0.5 м",
        "user_comment": comment,
        "wb_comment": null,
        "dt": dt,
        "order_dt": "2025-12-20T05:18:56",
        "dt_update": dt,
        "photos": [],
        "video_paths": [],
        "actions": ["autorefund1"],
        "price": 157,
        "currency_code": "643",
        "srid": format!("srid-{id}"),
    })
}

#[tokio::test]
async fn returns_read_open_then_archived_claims_in_the_window() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v1/claims"))
        .and(query_param("is_archive", "false"))
        .respond_with(ok(json!({"total": 2, "claims": [
            claim("open-in", 196320101, "2026-01-05T17:06:12.245611", "Длина провода не та"),
            claim("open-before", 196320102, "2025-12-31T23:59:59", "too early"),
        ]})))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v1/claims"))
        .and(query_param("is_archive", "true"))
        .respond_with(ok(json!({"total": 2, "claims": [
            claim("archived-in", 196320103, "2026-01-01T00:00:00", ""),
            claim("archived-after", 196320104, "2026-01-10T00:00:00", "at the end"),
        ]})))
        .mount(&server)
        .await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    let returns: Vec<_> = m
        .returns(ReturnQuery { window: window() })
        .map(Result::unwrap)
        .collect()
        .await;

    let archive: Vec<String> = sent(&server)
        .await
        .iter()
        .map(|(r, _)| {
            r.url
                .query_pairs()
                .find(|(k, _)| k == "is_archive")
                .unwrap()
                .1
                .into_owned()
        })
        .collect();
    assert_eq!(archive, ["false", "true"]);
    assert_requests_match_spec(&server, CLAIMS).await;

    let ids: Vec<&str> = returns.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["open-in", "archived-in"]);
    let r = &returns[0];
    assert_eq!(
        r.created_at,
        Some(
            Utc.with_ymd_and_hms(2026, 1, 5, 17, 6, 12).unwrap()
                + chrono::Duration::microseconds(245_611)
        )
    );
    assert_eq!(r.lines.len(), 1);
    assert_eq!(r.lines[0].sku.as_ref().unwrap().as_str(), "196320101");
    assert_eq!(r.lines[0].reason.as_deref(), Some("Длина провода не та"));
    assert_eq!(r.lines[0].quantity, 1);
    assert_eq!(r.status, "2");
    assert_eq!(r.order_id.as_ref().unwrap().as_str(), "srid-open-in");
    assert_eq!(
        returns[1].lines[0].sku.as_ref().unwrap().as_str(),
        "196320103"
    );
    assert_eq!(
        returns[1].lines[0].reason, None,
        "an empty comment is no reason"
    );
}

// ---------------------------------------------------------------------------------------------
// 8. Identity.

#[tokio::test]
async fn identity_capabilities_and_what_wb_does_not_offer() {
    let server = MockServer::start().await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    assert_eq!(m.kind(), MarketplaceKind::Wildberries);
    let caps = m.capabilities();
    for c in [
        Capability::Warehouses,
        Capability::Stocks,
        Capability::Prices,
        Capability::Orders,
        Capability::ConfirmOrder,
        Capability::ShipOrder,
        Capability::CancelOrder,
        Capability::Labels,
        Capability::Returns,
    ] {
        assert!(caps.supports(c), "{c:?}");
    }
    assert!(caps.supports(Capability::Cards));
    assert!(!caps.supports(Capability::PackOrder));

    let e = m.pack_order(&OrderId::new("1"), &[]).await.unwrap_err();
    assert!(
        matches!(
            e,
            Error::Unsupported {
                operation: "pack_order",
                ..
            }
        ),
        "{e:?}"
    );
    assert!(sent(&server).await.is_empty());
}

// ---------------------------------------------------------------------------------------------
// Cards.

fn core_card(article: &str, subject: &str) -> market_core::Card {
    let mut card = market_core::Card::new(
        article,
        "Мяч футбольный",
        market_core::CategoryRef {
            id: subject.into(),
            type_id: None,
            name: None,
        },
    );
    card.brand = Some("Бренд".into());
    card.dimensions = Some(market_core::Dimensions {
        length_mm: 221,
        width_mm: 220,
        height_mm: 90,
        weight_g: 450,
    });
    card.attributes = vec![
        market_core::Attribute {
            id: "14177449".into(),
            name: None,
            values: vec![market_core::AttributeValue::Text("белый".into())],
        },
        market_core::Attribute {
            id: "88952".into(),
            name: None,
            values: vec![market_core::AttributeValue::Number(Decimal::new(450, 0))],
        },
    ];
    card.barcodes = vec!["2000000000099".into()];
    card.price = Some(Decimal::from(1500));
    card
}

#[tokio::test]
async fn cards_are_uploaded_as_wb_cards_and_tasks_name_the_articles() {
    let server = MockServer::start().await;
    // BALL-0 is a card already: refused with the way to change it, not uploaded.
    mount(
        &server,
        "POST",
        "/content/v2/get/cards/list",
        cards_page(&[(300000, "BALL-0", &["2000000000098"])]),
    )
    .await;
    mount(
        &server,
        "POST",
        "/content/v2/cards/upload",
        ok(json!({"data": null, "error": false, "errorText": "", "additionalErrors": null})),
    )
    .await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    let submission = m
        .publish_cards(&[
            core_card("BALL-1", "105"),
            core_card("BALL-2", "not-a-subject"),
            core_card("BALL-0", "105"),
        ])
        .await
        .unwrap();
    assert_eq!(submission.report.accepted, [ItemKey::offer("BALL-1")]);
    let rejected: Vec<(&str, Option<&str>)> = submission
        .report
        .rejected
        .iter()
        .map(|r| (r.key.offer_id.as_str(), r.code.as_deref()))
        .collect();
    assert_eq!(
        rejected,
        [("BALL-2", Some("validation")), ("BALL-0", Some("exists"))]
    );
    assert!(submission.report.rejected[1].message.contains("300000"));
    assert_eq!(submission.tasks.len(), 1);

    let requests: Vec<_> = sent(&server)
        .await
        .into_iter()
        .filter(|(r, _)| r.url.path() == "/content/v2/cards/upload")
        .collect();
    assert_eq!(requests.len(), 1);
    assert_eq!(
        requests[0].1,
        json!([{
            "subjectID": 105,
            "variants": [{
                "vendorCode": "BALL-1",
                "title": "Мяч футбольный",
                "brand": "Бренд",
                "dimensions": {"length": 23, "width": 22, "height": 9, "weightBrutto": 0.45},
                "characteristics": [
                    {"id": 14177449, "value": ["белый"]},
                    {"id": 88952, "value": 450}
                ],
                "sizes": [{"skus": ["2000000000099"], "price": 1500}]
            }]
        }])
    );
    assert_each_request_matches(
        &server,
        &[
            "POST /content/v2/cards/upload",
            "POST /content/v2/get/cards/list",
        ],
    )
    .await;
}

#[tokio::test]
async fn card_status_accepts_found_cards_rejects_listed_errors_and_waits_for_the_rest() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/content/v2/get/cards/list"))
        .respond_with(cards_page(&[]))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    mount(
        &server,
        "POST",
        "/content/v2/cards/upload",
        ok(json!({"data": null, "error": false, "errorText": "", "additionalErrors": null})),
    )
    .await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    let submission = m
        .publish_cards(&[
            core_card("BALL-1", "105"),
            core_card("BALL-2", "105"),
            core_card("BALL-3", "105"),
        ])
        .await
        .unwrap();
    let task = submission.tasks[0].clone();

    // WB: BALL-1 became a card, BALL-2 failed, BALL-3 is still being made.
    Mock::given(method("POST"))
        .and(path("/content/v2/get/cards/list"))
        .and(wiremock::matchers::body_partial_json(
            json!({"settings": {"filter": {"textSearch": "BALL-1"}}}),
        ))
        .respond_with(cards_page(&[(300001, "BALL-1", &["2000000000099"])]))
        .mount(&server)
        .await;
    mount(
        &server,
        "POST",
        "/content/v2/get/cards/list",
        cards_page(&[]),
    )
    .await;
    mount(
        &server,
        "POST",
        "/content/v2/cards/error/list",
        ok(json!({
            "data": {
                "items": [{
                    "batchUUID": "b-1",
                    "vendorCodes": ["BALL-2", "OTHER"],
                    "errors": {"BALL-2": ["Недопустимый предмет", "Нет фото"], "OTHER": ["x"]},
                    "subjects": {}, "brands": {}
                }],
                "cursor": {"next": false, "updatedAt": null, "batchUUID": ""}
            },
            "error": false, "errorText": "", "additionalErrors": null
        })),
    )
    .await;
    let status = m.card_import_status(&task).await.unwrap();
    assert_eq!(status.state, market_core::CardImportState::Pending);
    assert_eq!(status.report.accepted, [ItemKey::offer("BALL-1")]);
    assert_eq!(status.report.rejected.len(), 1);
    let r = &status.report.rejected[0];
    assert_eq!(r.key, ItemKey::offer("BALL-2"));
    assert_eq!(r.stage, RejectionStage::Vendor);
    assert_eq!(r.message, "Недопустимый предмет; Нет фото");

    let e = m
        .card_import_status(&market_core::TaskId::new("12345"))
        .await
        .unwrap_err();
    assert!(matches!(e, Error::Validation { .. }), "{e:?}");
}

// ---- Every stock update exactly once; a down host stops early (issue 11, items 11, 12) ----

/// Each key of `report` once, and exactly the keys of `updates`.
fn assert_each_update_once(report: &market_core::BatchReport, updates: &[StockUpdate]) {
    let mut seen = std::collections::HashSet::new();
    for k in report
        .accepted
        .iter()
        .chain(report.rejected.iter().map(|r| &r.key))
    {
        assert!(seen.insert(k.clone()), "{k} reported twice: {report:?}");
    }
    let wanted: std::collections::HashSet<ItemKey> = updates.iter().map(|u| u.key()).collect();
    assert_eq!(seen, wanted);
}

#[tokio::test]
async fn two_updates_of_one_size_at_one_warehouse_are_each_reported_once() {
    let server = MockServer::start().await;
    mount(
        &server,
        "POST",
        "/content/v2/get/cards/list",
        cards_page(&[(1, "A1", &["2000000000001"]), (2, "A2", &["2000000000002"])]),
    )
    .await;
    mount(&server, "PUT", "/api/v3/stocks/507", no_content()).await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    // The same size (chrtID 3) by barcode at "507" and at " 507 ": one warehouse.
    let updates = [
        StockUpdate::new("2000000000001", "507", 5),
        StockUpdate::new("2000000000001", " 507 ", 6),
        StockUpdate::new("2000000000002", "507", 1),
    ];
    let report = m.update_stocks(&updates).await.unwrap();
    assert_each_update_once(&report, &updates);
    let bodies: Vec<Value> = sent(&server)
        .await
        .into_iter()
        .filter(|(r, _)| r.url.path() == "/api/v3/stocks/507")
        .map(|(_, b)| b)
        .collect();
    assert_eq!(
        bodies,
        [json!({"stocks": [{"chrtId": 3, "amount": 5}, {"chrtId": 4, "amount": 1}]})],
        "the size once, with the first update's amount"
    );
    let mut accepted = report.accepted.clone();
    accepted.sort();
    assert_eq!(
        accepted,
        [
            stock_key("2000000000001", "507"),
            stock_key("2000000000002", "507")
        ]
    );
    let second = &report.rejected[0];
    assert_eq!(second.key, stock_key("2000000000001", " 507 "));
    assert_eq!(second.stage, RejectionStage::Validation);
    assert!(
        second.message.contains("already sets"),
        "{}",
        second.message
    );
}

#[tokio::test(start_paused = true)]
async fn a_down_host_stops_after_the_first_warehouse_and_every_item_is_not_sent_once() {
    // Sizes are read from the content section (up); the marketplace section's port refuses.
    let server = MockServer::start().await;
    mount(
        &server,
        "POST",
        "/content/v2/get/cards/list",
        cards_page(&[
            (1, "A1", &["2000000000001"]),
            (2, "A2", &["2000000000002"]),
            (3, "A3", &["2000000000003"]),
        ]),
    )
    .await;
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let refused = format!("http://127.0.0.1:{}", listener.local_addr().unwrap().port());
    drop(listener);
    let client = wb_api::Client::builder(crate::common::TOKEN)
        .base_url(server.uri())
        .host_url(wb_api::Host::Marketplace, refused)
        .retry(market_core::transport::RetryPolicy {
            max_attempts: 2,
            jitter: false,
            ..Default::default()
        })
        .http(market_core::transport::HttpSettings {
            connect_timeout: None,
            request_timeout: None,
            pool_idle_timeout: None,
            ..Default::default()
        })
        .without_rate_limits()
        .build()
        .unwrap();
    let m: &dyn Marketplace = &client;
    let mut updates = Vec::new();
    for w in ["507", "608", "709", "810"] {
        for b in ["2000000000001", "2000000000002", "2000000000003"] {
            updates.push(StockUpdate::new(b, w, 1));
        }
    }
    let report = m.update_stocks(&updates).await.unwrap();
    assert_each_update_once(&report, &updates);
    assert!(report.accepted.is_empty());
    assert_eq!(report.not_sent().count(), updates.len(), "{report:?}");
    // One warehouse's request was tried (it carries the transport's error); the three others
    // were never sent because of it.
    let tried: std::collections::HashSet<_> = report
        .rejected
        .iter()
        .filter(|r| r.code.as_deref() == Some("transport"))
        .map(|r| r.key.warehouse_id.clone())
        .collect();
    assert_eq!(tried.len(), 1, "{report:?}");
    let skipped: Vec<_> = report
        .rejected
        .iter()
        .filter(|r| r.code.as_deref() == Some("not_sent"))
        .collect();
    assert_eq!(skipped.len(), 9);
    assert!(
        skipped
            .iter()
            .all(|r| r.message.starts_with("not sent: ") && !tried.contains(&r.key.warehouse_id))
    );
}
