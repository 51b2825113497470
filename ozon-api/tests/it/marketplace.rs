//! `impl market_core::Marketplace for ozon_api::Client`, driven through the trait object against
//! a mock Ozon: what each unified call sends (checked against the spec snapshot) and how Ozon's
//! answers come back in the seller's model.

use std::collections::{BTreeMap, BTreeSet};
use std::str::FromStr;

use crate::common::*;
use chrono::{DateTime, TimeDelta, Utc};
use futures::TryStreamExt;
use market_core::{
    Attribute, AttributeValue, Barcode, CancelReason, Capability, Card, CardImportState,
    CategoryRef, Currency, DeliveryScheme, Dimensions, Error, ItemKey, LabelFormat, Lifecycle,
    Marketplace, MarketplaceKind, Order, OrderId, OrderQuery, Package, PriceUpdate, RejectionStage,
    ReturnQuery, StockUpdate, TaskId, TimeWindow, Variant,
};
use ozon_api::marketplace::{lifecycle, order_from_fbs_posting};
use ozon_api::models::common::PostingStatus;
use ozon_api::models::fbs::FbsPosting;
use rust_decimal::Decimal;
use serde_json::{Value, json};
use wiremock::matchers::{body_partial_json, method, path};
use wiremock::{Mock, MockServer, Request as WireRequest, Respond, ResponseTemplate};

const POSTING_FBS_LIST: &str = "/v4/posting/fbs/list";
const POSTING_FBO_LIST: &str = "/v3/posting/fbo/list";
const POSTING_FBS_GET: &str = "/v3/posting/fbs/get";
const POSTING_FBO_GET: &str = "/v2/posting/fbo/get";
const POSTING_FBS_SHIP: &str = "/v4/posting/fbs/ship";
const POSTING_FBS_DELIVERING: &str = "/v2/fbs/posting/delivering";
const POSTING_FBS_CANCEL: &str = "/v2/posting/fbs/cancel";
const PACKAGE_LABEL: &str = "/v2/posting/fbs/package-label";
const STOCKS: &str = "/v2/products/stocks";
const PRICES: &str = "/v1/product/import/prices";
const PRODUCT_IMPORT: &str = "/v3/product/import";
const IMPORT_INFO: &str = "/v1/product/import/info";
const RETURNS: &str = "/v1/returns/list";
const WAREHOUSES: &str = "/v2/warehouse/list";

// ---------------------------------------------------------------------------------------------
// Helpers.
// ---------------------------------------------------------------------------------------------

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn window(since: &str, until: &str) -> TimeWindow {
    TimeWindow::new(t(since), t(until)).unwrap()
}

/// Answers `POST p` with `body`.
async fn on(server: &MockServer, p: &str, body: Value) {
    Mock::given(method("POST"))
        .and(path(p))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(server)
        .await;
}

/// Answers `POST p` whose body contains `partial` with `body`.
async fn on_body(server: &MockServer, p: &str, partial: Value, body: Value) {
    Mock::given(method("POST"))
        .and(path(p))
        .and(body_partial_json(partial))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(server)
        .await;
}

/// Answers `POST p` with an Ozon error body.
async fn fail(server: &MockServer, p: &str, status: u16, code: i64, message: &str) {
    Mock::given(method("POST"))
        .and(path(p))
        .respond_with(
            ResponseTemplate::new(status)
                .set_body_json(json!({"code": code, "message": message, "details": []})),
        )
        .mount(server)
        .await;
}

/// The paths of the requests received, in order.
async fn paths(server: &MockServer) -> Vec<String> {
    sent(server)
        .await
        .into_iter()
        .map(|(r, _)| r.url.path().to_owned())
        .collect()
}

/// The bodies of the requests received on `p`, in order.
async fn bodies(server: &MockServer, p: &str) -> Vec<Value> {
    sent(server)
        .await
        .into_iter()
        .filter(|(r, _)| r.url.path() == p)
        .map(|(_, b)| b)
        .collect()
}

/// Like `assert_requests_match_spec`, for the requests on `p` of a server that also received
/// requests on other paths.
async fn assert_path_matches_spec(server: &MockServer, p: &str) {
    let requests: Vec<_> = sent(server)
        .await
        .into_iter()
        .filter(|(r, _)| r.url.path() == p)
        .collect();
    assert!(!requests.is_empty(), "no request reached {p}");
    assert!(!spec().is_deprecated(p), "{p} is deprecated in the spec");
    for (r, body) in requests {
        assert_eq!(r.method.as_str(), "POST", "{p}");
        assert_eq!(r.headers.get("client-id").unwrap(), CLIENT_ID);
        assert_eq!(r.headers.get("api-key").unwrap(), API_KEY);
        assert_eq!(r.headers.get("content-type").unwrap(), "application/json");
        let problems = spec().check_request(p, &body);
        assert!(
            problems.is_empty(),
            "request to {p} does not match the spec: {problems:#?}\nbody: {body}"
        );
    }
}

/// The lifecycle the module documentation gives each Ozon status, written out independently.
fn documented(status: &str) -> Option<Lifecycle> {
    Some(match status {
        "awaiting_registration" | "acceptance_in_progress" | "awaiting_verification" => {
            Lifecycle::Pending
        }
        "awaiting_approve" => Lifecycle::AwaitingConfirmation,
        "awaiting_packaging" => Lifecycle::AwaitingPackaging,
        "awaiting_deliver" | "not_accepted" => Lifecycle::AwaitingShipment,
        "delivering" | "driver_pickup" | "sent_by_seller" | "arbitration"
        | "client_arbitration" => Lifecycle::InDelivery,
        "delivered" => Lifecycle::Delivered,
        "cancelled" | "cancelled_from_split_pending" => Lifecycle::Cancelled,
        _ => return None,
    })
}

/// An FBS posting of the list, from the spec's example with these values.
fn fbs_posting(number: &str, status: &str, tpl: &str, price: Value, currency: &str) -> Value {
    let mut p = spec().response_example(POSTING_FBS_LIST).unwrap()["postings"][0].clone();
    p["posting_number"] = json!(number);
    p["order_number"] = json!(number.rsplit_once('-').unwrap().0);
    p["status"] = json!(status);
    p["tpl_integration_type"] = json!(tpl);
    // One line, with the values the tests check (not the example's).
    let mut line = p["products"][0].clone();
    line["offer_id"] = json!("205953");
    line["sku"] = json!(358924380);
    line["quantity"] = json!(1);
    // Since v4 a line's price is an object: the amount (a string in the spec) and the currency.
    line["price"] = json!({"amount": price, "currency": currency});
    p["products"] = json!([line]);
    p["delivery_method"]["warehouse_id"] = json!(21321684811000_i64);
    p
}

/// An FBO posting of the list, from the spec's example with these values.
fn fbo_posting(number: &str, status: &str, price: Value) -> Value {
    let mut p = spec().response_example(POSTING_FBO_LIST).unwrap()["postings"][0].clone();
    p["posting_number"] = json!(number);
    p["order_number"] = json!(number.rsplit_once('-').unwrap().0);
    p["status"] = json!(status);
    p["created_at"] = json!("2021-09-01T00:23:45.607Z");
    let mut line = p["products"][0].clone();
    line["offer_id"] = json!("978-5-906864-56-7");
    line["sku"] = json!(160249683);
    line["quantity"] = json!(1);
    line["price"] = json!({"amount": price, "currency": "RUB"});
    p["products"] = json!([line]);
    p
}

/// A page of the v4 FBS list: `has_next` with the cursor of the next page (`""` on the last).
fn fbs_page(next: Option<&str>, postings: Vec<Value>) -> Value {
    json!({"cursor": next.unwrap_or(""), "has_next": next.is_some(), "postings": postings})
}

/// A page of the v3 FBO list.
fn fbo_page(next: Option<&str>, postings: Vec<Value>) -> Value {
    json!({"cursor": next.unwrap_or(""), "has_next": next.is_some(), "postings": postings})
}

/// An FBS posting detail, from the spec's example, with two lines: 2 x `250-7898-1` (SKU
/// 180550365) and 1 x `250-7898-2` (SKU 180550366).
fn fbs_detail(number: &str, status: &str, tpl: &str) -> Value {
    let mut r = spec().response_example(POSTING_FBS_GET).unwrap();
    let p = &mut r["result"];
    p["posting_number"] = json!(number);
    p["order_number"] = json!(number.rsplit_once('-').unwrap().0);
    p["status"] = json!(status);
    p["tpl_integration_type"] = json!(tpl);
    let mut first = p["products"][0].clone();
    first["offer_id"] = json!("250-7898-1");
    first["sku"] = json!(180550365);
    first["price"] = json!("279.0000");
    first["quantity"] = json!(2);
    let mut second = first.clone();
    second["offer_id"] = json!("250-7898-2");
    second["sku"] = json!(180550366);
    second["price"] = json!("315.5000");
    second["quantity"] = json!(1);
    p["products"] = json!([first, second]);
    r
}

// ---------------------------------------------------------------------------------------------
// 1. Lifecycle.
// ---------------------------------------------------------------------------------------------

#[test]
fn lifecycle_follows_the_documented_table_for_every_known_status() {
    for wire in PostingStatus::KNOWN {
        let expected = documented(wire)
            .unwrap_or_else(|| panic!("status {wire} is known but not in the documented table"));
        assert_eq!(
            lifecycle(&PostingStatus::from_wire(wire)),
            expected,
            "status {wire}"
        );
    }
    // The table names no status the library does not know.
    let table = [
        "awaiting_registration",
        "acceptance_in_progress",
        "awaiting_verification",
        "awaiting_approve",
        "awaiting_packaging",
        "awaiting_deliver",
        "not_accepted",
        "delivering",
        "driver_pickup",
        "sent_by_seller",
        "arbitration",
        "client_arbitration",
        "delivered",
        "cancelled",
        "cancelled_from_split_pending",
    ];
    let known: BTreeSet<&str> = PostingStatus::KNOWN.iter().copied().collect();
    assert_eq!(known, table.into_iter().collect::<BTreeSet<_>>());
    assert_eq!(
        lifecycle(&PostingStatus::from_wire("posting_teleported")),
        Lifecycle::Unknown
    );
}

#[test]
fn an_unknown_status_maps_to_unknown_and_keeps_the_raw_status() {
    let posting = FbsPosting {
        posting_number: "05708065-0029-1".into(),
        status: PostingStatus::from_wire("posting_teleported"),
        ..FbsPosting::default()
    };
    let order = order_from_fbs_posting(&posting);
    assert_eq!(order.status.lifecycle, Lifecycle::Unknown);
    assert_eq!(order.status.raw, "posting_teleported");
}

#[tokio::test]
async fn orders_carry_the_documented_lifecycle_and_the_raw_status_of_every_known_status() {
    let server = MockServer::start().await;
    let postings: Vec<Value> = PostingStatus::KNOWN
        .iter()
        .enumerate()
        .map(|(i, s)| {
            fbs_posting(
                &format!("1000{i:02}-0001-1"),
                s,
                "ozon",
                json!("100"),
                "RUB",
            )
        })
        .collect();
    on(&server, POSTING_FBS_LIST, fbs_page(None, postings)).await;
    on(&server, POSTING_FBO_LIST, fbo_page(None, vec![])).await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    let orders: Vec<Order> = m
        .orders(OrderQuery::window(window(
            "2024-05-01T00:00:00Z",
            "2024-05-31T00:00:00Z",
        )))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(orders.len(), PostingStatus::KNOWN.len());
    for (order, wire) in orders.iter().zip(PostingStatus::KNOWN) {
        assert_eq!(order.status.raw, *wire);
        assert_eq!(Some(order.status.lifecycle), documented(wire), "{wire}");
    }
}

#[tokio::test]
async fn an_unknown_status_from_ozon_is_kept_raw_or_refused_under_strict() {
    let server = MockServer::start().await;
    let posting = fbs_posting(
        "05708065-0029-1",
        "posting_teleported",
        "ozon",
        json!("1390.000000"),
        "RUB",
    );
    on(&server, POSTING_FBS_LIST, fbs_page(None, vec![posting])).await;
    on(&server, POSTING_FBO_LIST, fbo_page(None, vec![])).await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    let result: Result<Vec<Order>, Error> = m
        .orders(
            OrderQuery::window(window("2024-05-01T00:00:00Z", "2024-05-31T00:00:00Z"))
                .with_schemes([DeliveryScheme::Fbs]),
        )
        .try_collect()
        .await;
    if market_core::wire::STRICT {
        // Contract builds deny values the library does not know.
        assert!(matches!(result, Err(Error::Decode { .. })), "{result:?}");
    } else {
        let orders = result.unwrap();
        assert_eq!(orders.len(), 1);
        assert_eq!(orders[0].status.lifecycle, Lifecycle::Unknown);
        assert_eq!(orders[0].status.raw, "posting_teleported");
    }
}

// ---------------------------------------------------------------------------------------------
// 2. Orders.
// ---------------------------------------------------------------------------------------------

/// FBS: page 1 (no cursor; has_next, cursor "p2") with an FBS posting priced "480.000000" and
/// one priced 480; page 2 (cursor "p2") with an rFBS posting priced 480.5 in BYN. FBO: one
/// last page.
async fn orders_server() -> MockServer {
    let server = MockServer::start().await;
    let mut a = fbs_posting(
        "05708065-0029-1",
        "awaiting_packaging",
        "ozon",
        json!("480.000000"),
        "RUB",
    );
    a["in_process_at"] = json!("2024-05-13T07:07:32Z");
    a["shipment_date"] = json!("2024-05-14T10:00:00Z");
    a["products"][0]["quantity"] = json!(2);
    let mut b = fbs_posting(
        "05708066-0031-1",
        "awaiting_deliver",
        "ozon",
        json!(480),
        "RUB",
    );
    b["in_process_at"] = json!("2024-05-14T08:00:00Z");
    b["shipment_date"] = json!("2024-05-15T10:00:00Z");
    let mut c = fbs_posting(
        "05708067-0032-1",
        "delivering",
        "non_integrated",
        json!(480.5),
        "BYN",
    );
    c["in_process_at"] = json!("2024-05-20T09:30:00Z");
    c["shipment_date"] = json!("2024-05-21T10:00:00Z");
    c["delivery_method"]["warehouse_id"] = json!(1020000177886000_i64);
    c["products"][0]["offer_id"] = json!("205954");
    c["products"][0]["sku"] = json!(358924381);
    // The page asked for with the cursor is mounted first: it wins over the first page's mock.
    on_body(
        &server,
        POSTING_FBS_LIST,
        json!({"cursor": "p2"}),
        fbs_page(None, vec![c]),
    )
    .await;
    on(&server, POSTING_FBS_LIST, fbs_page(Some("p2"), vec![a, b])).await;
    let d = fbo_posting("16965409-0014-1", "delivered", json!("81.00"));
    on(&server, POSTING_FBO_LIST, fbo_page(None, vec![d])).await;
    server
}

fn may() -> TimeWindow {
    window("2024-05-01T00:00:00Z", "2024-05-31T00:00:00Z")
}

#[tokio::test]
async fn orders_stream_fbs_pages_then_fbo_postings_mapped_to_orders() {
    let server = orders_server().await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    let orders: Vec<Order> = m
        .orders(OrderQuery::window(may()))
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<&str> = orders.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "05708065-0029-1",
            "05708066-0031-1",
            "05708067-0032-1",
            "16965409-0014-1"
        ]
    );

    // FBS paged by cursor over two pages, then FBO; has_next false ends each.
    assert_eq!(
        paths(&server).await,
        [POSTING_FBS_LIST, POSTING_FBS_LIST, POSTING_FBO_LIST]
    );
    let fbs = bodies(&server, POSTING_FBS_LIST).await;
    assert!(
        fbs[0].get("cursor").is_none(),
        "the first page has no cursor"
    );
    assert_eq!(fbs[1]["cursor"], "p2");
    for b in &fbs {
        assert_eq!(t(b["filter"]["since"].as_str().unwrap()), may().since);
        assert_eq!(t(b["filter"]["to"].as_str().unwrap()), may().until);
    }
    let fbo = bodies(&server, POSTING_FBO_LIST).await;
    assert!(fbo[0].get("cursor").is_none());
    assert_eq!(t(fbo[0]["filter"]["since"].as_str().unwrap()), may().since);
    assert_eq!(t(fbo[0]["filter"]["to"].as_str().unwrap()), may().until);
    assert_path_matches_spec(&server, POSTING_FBS_LIST).await;
    assert_path_matches_spec(&server, POSTING_FBO_LIST).await;

    // FBS, price as "480.000000".
    let a = &orders[0];
    assert_eq!(a.marketplace, MarketplaceKind::Ozon);
    assert_eq!(a.parent_id.as_deref(), Some("05708065-0029"));
    assert_eq!(a.scheme, DeliveryScheme::Fbs);
    assert_eq!(a.status.lifecycle, Lifecycle::AwaitingPackaging);
    assert_eq!(a.status.raw, "awaiting_packaging");
    assert_eq!(a.created_at, t("2024-05-13T07:07:32Z"));
    assert_eq!(a.ship_by, Some(t("2024-05-14T10:00:00Z")));
    assert_eq!(
        a.warehouse_id.as_ref().map(|w| w.as_str()),
        Some("21321684811000")
    );
    assert_eq!(a.currency, Currency::Rub);
    assert_eq!(a.lines.len(), 1);
    assert_eq!(a.lines[0].offer_id.as_str(), "205953");
    assert_eq!(
        a.lines[0].sku.as_ref().map(|s| s.as_str()),
        Some("358924380")
    );
    assert_eq!(a.lines[0].quantity, 2);
    assert_eq!(a.lines[0].unit_price, dec("480"));
    assert_eq!(a.total(), Some(dec("960")));
    assert_eq!(a.raw["posting_number"], "05708065-0029-1");
    assert_eq!(a.raw["order_number"], "05708065-0029");
    assert_eq!(a.raw["status"], "awaiting_packaging");
    assert_eq!(a.raw["products"][0]["offer_id"], "205953");
    assert_eq!(a.raw["delivery_method"]["warehouse_id"], 21321684811000_i64);

    // FBS, price as the number 480.
    let b = &orders[1];
    assert_eq!(b.scheme, DeliveryScheme::Fbs);
    assert_eq!(b.status.lifecycle, Lifecycle::AwaitingShipment);
    assert_eq!(b.status.raw, "awaiting_deliver");
    assert_eq!(b.created_at, t("2024-05-14T08:00:00Z"));
    assert_eq!(b.ship_by, Some(t("2024-05-15T10:00:00Z")));
    assert_eq!(b.lines[0].unit_price, dec("480"));

    // rFBS (the seller delivers), price as the number 480.5, in BYN.
    let c = &orders[2];
    assert_eq!(c.parent_id.as_deref(), Some("05708067-0032"));
    assert_eq!(c.scheme, DeliveryScheme::Dbs);
    assert_eq!(c.status.lifecycle, Lifecycle::InDelivery);
    assert_eq!(c.status.raw, "delivering");
    assert_eq!(c.created_at, t("2024-05-20T09:30:00Z"));
    assert_eq!(c.ship_by, Some(t("2024-05-21T10:00:00Z")));
    assert_eq!(
        c.warehouse_id.as_ref().map(|w| w.as_str()),
        Some("1020000177886000")
    );
    assert_eq!(c.currency, Currency::Byn);
    assert_eq!(c.lines[0].offer_id.as_str(), "205954");
    assert_eq!(
        c.lines[0].sku.as_ref().map(|s| s.as_str()),
        Some("358924381")
    );
    assert_eq!(c.lines[0].quantity, 1);
    assert_eq!(c.lines[0].unit_price, dec("480.5"));
    assert_eq!(c.raw["tpl_integration_type"], "non_integrated");

    // FBO: created_at from created_at (not in_process_at), no ship-by date.
    let d = &orders[3];
    assert_eq!(d.parent_id.as_deref(), Some("16965409-0014"));
    assert_eq!(d.scheme, DeliveryScheme::Fbo);
    assert_eq!(d.status.lifecycle, Lifecycle::Delivered);
    assert_eq!(d.status.raw, "delivered");
    assert_eq!(d.created_at, t("2021-09-01T00:23:45.607Z"));
    assert_eq!(d.ship_by, None);
    assert_eq!(d.currency, Currency::Rub);
    assert_eq!(d.lines[0].offer_id.as_str(), "978-5-906864-56-7");
    assert_eq!(
        d.lines[0].sku.as_ref().map(|s| s.as_str()),
        Some("160249683")
    );
    assert_eq!(d.lines[0].quantity, 1);
    assert_eq!(d.lines[0].unit_price, dec("81"));
    assert_eq!(d.raw["posting_number"], "16965409-0014-1");
    assert_eq!(d.raw["products"][0]["offer_id"], "978-5-906864-56-7");
}

#[tokio::test]
async fn orders_with_statuses_yield_only_matching_lifecycles() {
    let server = orders_server().await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    let orders: Vec<Order> = m
        .orders(
            OrderQuery::window(may())
                .with_statuses([Lifecycle::AwaitingPackaging, Lifecycle::Delivered]),
        )
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<&str> = orders.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, ["05708065-0029-1", "16965409-0014-1"]);
    assert!(orders.iter().all(|o| matches!(
        o.status.lifecycle,
        Lifecycle::AwaitingPackaging | Lifecycle::Delivered
    )));

    let orders: Vec<Order> = m
        .orders(OrderQuery::window(may()).with_statuses([Lifecycle::Cancelled]))
        .try_collect()
        .await
        .unwrap();
    assert!(orders.is_empty(), "{orders:?}");
}

#[tokio::test]
async fn orders_of_the_fbo_scheme_make_no_fbs_request() {
    let server = orders_server().await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    let orders: Vec<Order> = m
        .orders(OrderQuery::window(may()).with_schemes([DeliveryScheme::Fbo]))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(orders.len(), 1);
    assert_eq!(orders[0].id.as_str(), "16965409-0014-1");
    assert!(bodies(&server, POSTING_FBS_LIST).await.is_empty());
    assert_eq!(paths(&server).await, [POSTING_FBO_LIST]);
    assert_requests_match_spec(&server, POSTING_FBO_LIST).await;
}

#[tokio::test]
async fn orders_of_the_fbs_or_dbs_scheme_make_no_fbo_request_and_split_fbs_from_rfbs() {
    let server = orders_server().await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    let fbs: Vec<Order> = m
        .orders(OrderQuery::window(may()).with_schemes([DeliveryScheme::Fbs]))
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<&str> = fbs.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, ["05708065-0029-1", "05708066-0031-1"]);
    assert_eq!(paths(&server).await, [POSTING_FBS_LIST, POSTING_FBS_LIST]);
    assert_requests_match_spec(&server, POSTING_FBS_LIST).await;

    let dbs: Vec<Order> = m
        .orders(OrderQuery::window(may()).with_schemes([DeliveryScheme::Dbs]))
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<&str> = dbs.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, ["05708067-0032-1"]);
    assert!(bodies(&server, POSTING_FBO_LIST).await.is_empty());
}

#[tokio::test]
async fn a_window_longer_than_365_days_is_split_into_consecutive_requests() {
    let server = MockServer::start().await;
    on(&server, POSTING_FBS_LIST, fbs_page(None, vec![])).await;
    on(&server, POSTING_FBO_LIST, fbo_page(None, vec![])).await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    let w = window("2023-01-01T00:00:00Z", "2025-03-01T00:00:00Z");
    let orders: Vec<Order> = m.orders(OrderQuery::window(w)).try_collect().await.unwrap();
    assert!(orders.is_empty());
    assert_eq!(
        paths(&server).await,
        [
            POSTING_FBS_LIST,
            POSTING_FBS_LIST,
            POSTING_FBS_LIST,
            POSTING_FBO_LIST,
            POSTING_FBO_LIST,
            POSTING_FBO_LIST
        ]
    );
    for p in [POSTING_FBS_LIST, POSTING_FBO_LIST] {
        let windows: Vec<(DateTime<Utc>, DateTime<Utc>)> = bodies(&server, p)
            .await
            .iter()
            .map(|b| {
                assert!(b.get("cursor").is_none(), "{p}: one page per window");
                (
                    t(b["filter"]["since"].as_str().unwrap()),
                    t(b["filter"]["to"].as_str().unwrap()),
                )
            })
            .collect();
        assert_eq!(windows.len(), 3, "{p}");
        assert_eq!(windows[0].0, w.since, "{p}");
        assert_eq!(windows[2].1, w.until, "{p}");
        for pair in windows.windows(2) {
            assert_eq!(pair[0].1, pair[1].0, "{p}: windows are not consecutive");
        }
        for (since, to) in &windows {
            assert!(since < to, "{p}");
            assert!(*to - *since <= TimeDelta::days(365), "{p}: {since} to {to}");
        }
        assert_path_matches_spec(&server, p).await;
    }
}

/// Answers FBO list and get requests like Ozon: the `analytics_data` block (which carries the
/// warehouse) only when the request asks for it with `with.analytics_data`.
struct FboAsOzon;

impl Respond for FboAsOzon {
    fn respond(&self, request: &WireRequest) -> ResponseTemplate {
        let body: Value = serde_json::from_slice(&request.body).unwrap();
        let asked = body["with"]["analytics_data"] == json!(true);
        let mut posting = if request.url.path() == POSTING_FBO_LIST {
            fbo_posting("16965409-0014-1", "delivered", json!("81.00"))
        } else {
            // `/v2/posting/fbo/get` keeps the v2 posting shape (a price string per line).
            let mut p = spec().response_example(POSTING_FBO_GET).unwrap()["result"].clone();
            p["posting_number"] = json!("16965409-0014-1");
            p["status"] = json!("delivered");
            p
        };
        posting["analytics_data"]["warehouse_id"] = json!(17717042026000_i64);
        if !asked {
            posting["analytics_data"] = Value::Null;
        }
        let answer = if request.url.path() == POSTING_FBO_LIST {
            fbo_page(None, vec![posting])
        } else {
            json!({ "result": posting })
        };
        ResponseTemplate::new(200).set_body_json(answer)
    }
}

#[tokio::test]
async fn fbo_orders_carry_the_warehouse_they_ship_from() {
    let server = MockServer::start().await;
    for p in [POSTING_FBO_LIST, POSTING_FBO_GET] {
        Mock::given(method("POST"))
            .and(path(p))
            .respond_with(FboAsOzon)
            .mount(&server)
            .await;
    }
    fail(&server, POSTING_FBS_GET, 404, 5, "Posting not found").await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    let orders: Vec<Order> = m
        .orders(OrderQuery::window(may()).with_schemes([DeliveryScheme::Fbo]))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(
        orders[0].warehouse_id.as_ref().map(|w| w.as_str()),
        Some("17717042026000"),
        "orders(): the FBO warehouse is lost"
    );
    let order = m.order(&OrderId::new("16965409-0014-1")).await.unwrap();
    assert_eq!(order.scheme, DeliveryScheme::Fbo);
    assert_eq!(
        order.warehouse_id.as_ref().map(|w| w.as_str()),
        Some("17717042026000"),
        "order(): the FBO warehouse is lost"
    );
}

// ---------------------------------------------------------------------------------------------
// 3. One order.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn order_is_found_among_fbs_postings() {
    let server = serve(
        POSTING_FBS_GET,
        spec().response_example(POSTING_FBS_GET).unwrap(),
    )
    .await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    let order = m.order(&OrderId::new("0132112277-0101-1")).await.unwrap();
    // The values of Ozon's 2026-06 example.
    assert_eq!(order.id.as_str(), "0132112277-0101-1");
    assert_eq!(order.parent_id.as_deref(), Some("0132112277-0101"));
    assert_eq!(order.scheme, DeliveryScheme::Fbs);
    assert_eq!(order.status.lifecycle, Lifecycle::AwaitingPackaging);
    assert_eq!(order.status.raw, "awaiting_packaging");
    assert_eq!(order.created_at, t("2026-03-30T11:26:00Z"));
    assert_eq!(order.ship_by, Some(t("2026-03-31T09:00:00Z")));
    assert_eq!(
        order.warehouse_id.as_ref().map(|w| w.as_str()),
        Some("1020005003107121")
    );
    assert_eq!(order.lines[0].offer_id.as_str(), "SK-58 (малиновый)");
    assert_eq!(
        order.lines[0].sku.as_ref().map(|s| s.as_str()),
        Some("827098843")
    );
    assert_eq!(order.lines[0].unit_price, dec("1530"));
    assert_eq!(order.raw["posting_number"], "0132112277-0101-1");
    assert_eq!(
        bodies(&server, POSTING_FBS_GET).await[0]["posting_number"],
        "0132112277-0101-1"
    );
    assert_requests_match_spec(&server, POSTING_FBS_GET).await;
}

#[tokio::test]
async fn order_falls_back_to_fbo_when_fbs_answers_not_found() {
    let server = MockServer::start().await;
    fail(&server, POSTING_FBS_GET, 404, 5, "Posting not found").await;
    on(
        &server,
        POSTING_FBO_GET,
        spec().response_example(POSTING_FBO_GET).unwrap(),
    )
    .await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    let order = m.order(&OrderId::new("50520644-0012-7")).await.unwrap();
    assert_eq!(paths(&server).await, [POSTING_FBS_GET, POSTING_FBO_GET]);
    assert_eq!(order.id.as_str(), "50520644-0012-7");
    assert_eq!(order.parent_id.as_deref(), Some("50520644-0012"));
    assert_eq!(order.scheme, DeliveryScheme::Fbo);
    assert_eq!(order.status.lifecycle, Lifecycle::Delivered);
    assert_eq!(order.created_at, t("2021-09-01T00:34:56.563Z"));
    assert_eq!(order.lines[0].offer_id.as_str(), "PS1033");
    assert_eq!(order.lines[0].unit_price, dec("137"));
    assert_eq!(
        bodies(&server, POSTING_FBO_GET).await[0]["posting_number"],
        "50520644-0012-7"
    );
    assert_path_matches_spec(&server, POSTING_FBS_GET).await;
    assert_path_matches_spec(&server, POSTING_FBO_GET).await;
}

#[tokio::test]
async fn order_returns_the_fbs_error_when_both_lookups_fail() {
    let server = MockServer::start().await;
    fail(&server, POSTING_FBS_GET, 404, 5, "fbs: posting not found").await;
    fail(&server, POSTING_FBO_GET, 404, 5, "fbo: posting not found").await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    let err = m.order(&OrderId::new("50520644-0012-7")).await.unwrap_err();
    let api = err.api().unwrap_or_else(|| panic!("{err:?}"));
    assert_eq!(api.operation, "posting_fbs_get");
    assert_eq!(api.status, 404);
    assert_eq!(api.message, "fbs: posting not found");
    assert_eq!(api.code.as_deref(), Some("5"));
    assert_eq!(paths(&server).await, [POSTING_FBS_GET, POSTING_FBO_GET]);
}

#[tokio::test]
async fn order_does_not_fall_back_when_fbs_refuses_the_credentials() {
    let server = MockServer::start().await;
    fail(&server, POSTING_FBS_GET, 403, 7, "Api-Key is not valid").await;
    on(
        &server,
        POSTING_FBO_GET,
        spec().response_example(POSTING_FBO_GET).unwrap(),
    )
    .await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    let err = m.order(&OrderId::new("50520644-0012-7")).await.unwrap_err();
    assert_eq!(err.status(), Some(403));
    assert_eq!(paths(&server).await, [POSTING_FBS_GET]);
}

// ---------------------------------------------------------------------------------------------
// 4. Stocks.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn update_stocks_sends_by_offer_and_warehouse_and_reports_under_the_original_keys() {
    let server = serve(
        STOCKS,
        json!({"result": [
            {"errors": [], "offer_id": "PH11042", "product_id": 118597312, "updated": true,
             "warehouse_id": 22142605386000_i64},
            {"errors": [{"code": "TOO_MANY_REQUESTS",
                         "message": "stock of this product-warehouse pair was updated less than 30 s ago"}],
             "offer_id": "PH11043", "product_id": 118597313, "updated": false,
             "warehouse_id": 22142605386000_i64}
        ]}),
    )
    .await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    let missing_warehouse = StockUpdate {
        offer_id: "PH11046".into(),
        warehouse_id: None,
        quantity: 1,
    };
    let updates = [
        StockUpdate::new("PH11042", "22142605386000", 100),
        // The warehouse as a spreadsheet gives it, with spaces: sent as the number, reported
        // under the text given.
        StockUpdate::new("PH11043", " 22142605386000 ", 5),
        StockUpdate::new("PH11044", "main-warehouse", 3),
        StockUpdate::new("PH11045", "22142605386000", -2),
        missing_warehouse.clone(),
    ];
    let report = m.update_stocks(&updates).await.unwrap();

    let sent = bodies(&server, STOCKS).await;
    assert_eq!(sent.len(), 1);
    assert_eq!(
        sent[0],
        json!({"stocks": [
            {"offer_id": "PH11042", "stock": 100, "warehouse_id": 22142605386000_i64},
            {"offer_id": "PH11043", "stock": 5, "warehouse_id": 22142605386000_i64}
        ]})
    );
    assert_requests_match_spec(&server, STOCKS).await;

    assert_eq!(report.len(), updates.len());
    assert_eq!(
        report.accepted,
        [ItemKey::stock("PH11042", "22142605386000")]
    );
    let rejected: BTreeMap<ItemKey, _> =
        report.rejected.iter().map(|r| (r.key.clone(), r)).collect();
    assert_eq!(rejected.len(), 4);

    // Ozon's per-item TOO_MANY_REQUESTS (a pair updated less than 30 s ago) is no rejection of
    // the item but a deferral: send it again after 30 s.
    let vendor = rejected[&ItemKey::stock("PH11043", " 22142605386000 ")];
    assert_eq!(vendor.stage, RejectionStage::RetryLater);
    assert_eq!(vendor.code.as_deref(), Some("TOO_MANY_REQUESTS"));
    assert_eq!(vendor.retry_after, Some(std::time::Duration::from_secs(30)));
    assert!(vendor.message.contains("30 s"), "{}", vendor.message);
    let later: Vec<&ItemKey> = report.retry_later().map(|r| &r.key).collect();
    assert_eq!(later, [&ItemKey::stock("PH11043", " 22142605386000 ")]);

    for key in [
        ItemKey::stock("PH11044", "main-warehouse"),
        ItemKey::stock("PH11045", "22142605386000"),
        missing_warehouse.key(),
    ] {
        let r = rejected
            .get(&key)
            .unwrap_or_else(|| panic!("{key} is not rejected: {report:?}"));
        assert_eq!(r.stage, RejectionStage::Validation, "{key}");
    }
    assert_eq!(missing_warehouse.key().warehouse_id, None);
}

/// Answers a stock update with "updated" for every item sent.
struct StocksEcho;

impl Respond for StocksEcho {
    fn respond(&self, request: &WireRequest) -> ResponseTemplate {
        let body: Value = serde_json::from_slice(&request.body).unwrap();
        let result: Vec<Value> = body["stocks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                json!({"errors": [], "offer_id": s["offer_id"], "product_id": 0,
                       "updated": true, "warehouse_id": s["warehouse_id"]})
            })
            .collect();
        ResponseTemplate::new(200).set_body_json(json!({ "result": result }))
    }
}

#[tokio::test]
async fn update_stocks_of_150_items_takes_two_requests() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(STOCKS))
        .respond_with(StocksEcho)
        .mount(&server)
        .await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    let updates: Vec<StockUpdate> = (0..150)
        .map(|i| StockUpdate::new(format!("SKU-{i:03}"), "22142605386000", i))
        .collect();
    let report = m.update_stocks(&updates).await.unwrap();
    let sent = bodies(&server, STOCKS).await;
    let sizes: Vec<usize> = sent
        .iter()
        .map(|b| b["stocks"].as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, [100, 50]);
    assert_eq!(sent[1]["stocks"][0]["offer_id"], "SKU-100");
    assert_eq!(sent[1]["stocks"][0]["stock"], 100);
    assert!(report.is_complete_success(), "{:?}", report.rejected);
    let accepted: BTreeSet<ItemKey> = report.accepted.into_iter().collect();
    let given: BTreeSet<ItemKey> = updates.iter().map(StockUpdate::key).collect();
    assert_eq!(accepted, given);
    assert_requests_match_spec(&server, STOCKS).await;
}

// ---------------------------------------------------------------------------------------------
// 5. Prices.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn update_prices_sends_strings_in_roubles_and_reports_by_offer() {
    let server = serve(
        PRICES,
        json!({"result": [
            {"errors": [], "offer_id": "PH8865", "product_id": 1386, "updated": true},
            {"errors": [{"code": "PRODUCT_IS_NOT_CREATED", "message": "product is not created yet"}],
             "offer_id": "PH8866", "product_id": 0, "updated": false}
        ]}),
    )
    .await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    let updates = [
        PriceUpdate::new("PH8865", dec("1448"))
            .with_old_price(dec("1990"))
            .with_min_price(dec("800")),
        PriceUpdate::new("PH8866", dec("999.90")),
        PriceUpdate::new("PH8867", dec("500")).with_min_price(dec("600")),
    ];
    let report = m.update_prices(&updates).await.unwrap();

    let sent = bodies(&server, PRICES).await;
    assert_eq!(sent.len(), 1);
    assert_eq!(
        sent[0],
        json!({"prices": [
            {"currency_code": "RUB", "min_price": "800", "offer_id": "PH8865",
             "old_price": "1990", "price": "1448"},
            {"currency_code": "RUB", "offer_id": "PH8866", "price": "999.90"}
        ]})
    );
    assert_requests_match_spec(&server, PRICES).await;

    assert_eq!(report.len(), 3);
    assert_eq!(report.accepted, [ItemKey::offer("PH8865")]);
    let rejected: BTreeMap<ItemKey, _> =
        report.rejected.iter().map(|r| (r.key.clone(), r)).collect();
    let local = rejected[&ItemKey::offer("PH8867")];
    assert_eq!(local.stage, RejectionStage::Validation);
    assert!(local.message.contains("min"), "{}", local.message);
    let vendor = rejected[&ItemKey::offer("PH8866")];
    assert_eq!(vendor.stage, RejectionStage::Vendor);
    assert_eq!(vendor.code.as_deref(), Some("PRODUCT_IS_NOT_CREATED"));
}

// ---------------------------------------------------------------------------------------------
// 6. Cards.
// ---------------------------------------------------------------------------------------------

fn category() -> CategoryRef {
    CategoryRef {
        id: "17028922".into(),
        type_id: Some("91565".into()),
        name: Some("Комбинезоны детские".into()),
    }
}

fn attribute(id: &str, values: Vec<AttributeValue>) -> Attribute {
    Attribute {
        id: id.into(),
        name: None,
        values,
    }
}

fn full_card() -> Card {
    let mut card = Card::new("143210608", "Комбинезон детский зимний", category());
    card.attributes = vec![
        attribute(
            "9048",
            vec![AttributeValue::Text("Комбинезон Снежок".into())],
        ),
        attribute("4383", vec![AttributeValue::Number(dec("0.350"))]),
        attribute("9163", vec![AttributeValue::Bool(true)]),
        attribute(
            "8229",
            vec![AttributeValue::Dictionary {
                id: "95911".into(),
                value: Some("Комбинезон детский".into()),
            }],
        ),
    ];
    card.images = vec![
        url::Url::parse("https://cdn1.ozone.ru/s3/multimedia-1/6077810406.jpg").unwrap(),
        url::Url::parse("https://cdn1.ozone.ru/s3/multimedia-1/6077810407.jpg").unwrap(),
    ];
    card.barcodes = vec![Barcode::new("4600000000012"), Barcode::new("4600000000029")];
    card.dimensions = Some(Dimensions {
        length_mm: 300,
        width_mm: 200,
        height_mm: 50,
        weight_g: 350,
    });
    card.vat = Some(dec("0.20"));
    card.price = Some(dec("1990"));
    card
}

#[tokio::test]
async fn publish_cards_maps_a_card_to_an_import_item_and_rejects_what_ozon_cannot_take() {
    let server = serve(
        PRODUCT_IMPORT,
        spec().response_example(PRODUCT_IMPORT).unwrap(),
    )
    .await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;

    let mut with_variants = Card::new("V-1", "Футболка", category());
    with_variants.price = Some(dec("500"));
    with_variants.variants = vec![Variant {
        offer_id: "V-1-XL".into(),
        size: Some("XL".into()),
        color: None,
        barcodes: vec![],
    }];
    let mut without_price = Card::new("NP-1", "Шапка", category());
    without_price.price = None;
    let mut without_type = Card::new(
        "NT-1",
        "Шарф",
        CategoryRef {
            id: "17028922".into(),
            type_id: None,
            name: None,
        },
    );
    without_type.price = Some(dec("700"));
    let mut bad_category = Card::new(
        "NC-1",
        "Варежки",
        CategoryRef {
            id: "kids-clothes".into(),
            type_id: Some("91565".into()),
            name: None,
        },
    );
    bad_category.price = Some(dec("300"));

    let cards = [
        full_card(),
        with_variants,
        without_price,
        without_type,
        bad_category,
    ];
    let submission = m.publish_cards(&cards).await.unwrap();

    assert_eq!(submission.tasks, [TaskId::new("172549793")]);
    assert_eq!(submission.report.accepted, [ItemKey::offer("143210608")]);
    let rejected: BTreeSet<ItemKey> = submission
        .report
        .rejected
        .iter()
        .map(|r| {
            assert_eq!(r.stage, RejectionStage::Validation, "{}", r.key);
            r.key.clone()
        })
        .collect();
    let expected: BTreeSet<ItemKey> = ["V-1", "NP-1", "NT-1", "NC-1"]
        .into_iter()
        .map(ItemKey::offer)
        .collect();
    assert_eq!(rejected, expected);

    let sent = bodies(&server, PRODUCT_IMPORT).await;
    assert_eq!(sent.len(), 1);
    let items = sent[0]["items"].as_array().unwrap();
    assert_eq!(items.len(), 1);
    let item = &items[0];
    assert_eq!(item["offer_id"], "143210608");
    assert_eq!(item["name"], "Комбинезон детский зимний");
    assert_eq!(item["description_category_id"], 17028922);
    assert_eq!(item["type_id"], 91565);
    assert_eq!(item["price"], "1990");
    assert_eq!(item["vat"], "0.2");
    assert_eq!(item["barcode"], "4600000000012");
    assert_eq!(
        item["images"],
        json!([
            "https://cdn1.ozone.ru/s3/multimedia-1/6077810406.jpg",
            "https://cdn1.ozone.ru/s3/multimedia-1/6077810407.jpg"
        ])
    );
    assert_eq!(item["depth"], 300);
    assert_eq!(item["width"], 200);
    assert_eq!(item["height"], 50);
    assert_eq!(item["dimension_unit"], "mm");
    assert_eq!(item["weight"], 350);
    assert_eq!(item["weight_unit"], "g");
    assert_eq!(
        item["attributes"],
        json!([
            {"complex_id": 0, "id": 9048, "values": [{"value": "Комбинезон Снежок"}]},
            {"complex_id": 0, "id": 4383, "values": [{"value": "0.35"}]},
            {"complex_id": 0, "id": 9163, "values": [{"value": "true"}]},
            {"complex_id": 0, "id": 8229,
             "values": [{"dictionary_value_id": 95911, "value": "Комбинезон детский"}]}
        ])
    );
    assert_requests_match_spec(&server, PRODUCT_IMPORT).await;
}

#[tokio::test]
async fn card_import_status_maps_imported_failed_and_pending_items() {
    let server = serve(
        IMPORT_INFO,
        json!({"result": {"items": [
            {"errors": [], "offer_id": "143210608", "product_id": 137285792, "status": "imported"},
            {"errors": [{"attribute_id": 85, "attribute_name": "Бренд",
                         "code": "REQUIRED_ATTRIBUTE_MISSING",
                         "description": "Заполните обязательную характеристику «Бренд»",
                         "field": "attribute", "level": "error", "message": "", "state": "imported"}],
             "offer_id": "143210609", "product_id": 0, "status": "failed"},
            {"errors": [], "offer_id": "143210610", "product_id": 0, "status": "pending"}
        ], "total": 3}}),
    )
    .await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    let status = m
        .card_import_status(&TaskId::new("172549793"))
        .await
        .unwrap();
    assert_eq!(status.task_id, TaskId::new("172549793"));
    assert_eq!(status.state, CardImportState::Pending);
    assert_eq!(status.report.accepted, [ItemKey::offer("143210608")]);
    assert_eq!(status.report.rejected.len(), 1);
    let r = &status.report.rejected[0];
    assert_eq!(r.key, ItemKey::offer("143210609"));
    assert_eq!(r.stage, RejectionStage::Vendor);
    assert_eq!(r.code.as_deref(), Some("REQUIRED_ATTRIBUTE_MISSING"));
    assert!(
        r.message
            .contains("Заполните обязательную характеристику «Бренд»"),
        "{}",
        r.message
    );
    assert_eq!(
        bodies(&server, IMPORT_INFO).await[0],
        json!({"task_id": 172549793})
    );
    assert_requests_match_spec(&server, IMPORT_INFO).await;
}

#[tokio::test]
async fn an_imported_card_with_an_error_level_error_in_any_case_is_rejected() {
    // Ozon's spec example spells the level "ERROR"; other answers "error". An item reported
    // imported with an error-level problem is not a success, whatever the case; a warning is.
    let server = serve(
        IMPORT_INFO,
        json!({"result": {"items": [
            {"errors": [{"code": "IMAGE_TOO_SMALL", "field": "images", "level": "ERROR",
                         "description": "image too small", "state": "imported"}],
             "offer_id": "A-1", "product_id": 1, "status": "imported"},
            {"errors": [{"code": "DESCRIPTION_SHORT", "field": "description", "level": "Warning",
                         "description": "short", "state": "imported"}],
             "offer_id": "A-2", "product_id": 2, "status": "imported"}
        ], "total": 2}}),
    )
    .await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    let status = m
        .card_import_status(&TaskId::new("172549793"))
        .await
        .unwrap();
    assert_eq!(status.report.accepted, [ItemKey::offer("A-2")]);
    assert_eq!(status.report.rejected.len(), 1);
    assert_eq!(status.report.rejected[0].key, ItemKey::offer("A-1"));
    assert_eq!(
        status.report.rejected[0].code.as_deref(),
        Some("IMAGE_TOO_SMALL")
    );
}

#[tokio::test]
async fn card_import_status_is_done_when_nothing_is_pending() {
    let server = serve(IMPORT_INFO, spec().response_example(IMPORT_INFO).unwrap()).await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    let status = m
        .card_import_status(&TaskId::new("172549793"))
        .await
        .unwrap();
    assert_eq!(status.state, CardImportState::Done);
    assert_eq!(status.report.accepted, [ItemKey::offer("143210608")]);
    assert!(status.report.rejected.is_empty());

    let err = m
        .card_import_status(&TaskId::new("task-abc"))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Validation { .. }), "{err:?}");
    assert_eq!(sent(&server).await.len(), 1);
}

// ---------------------------------------------------------------------------------------------
// 7. Packing.
// ---------------------------------------------------------------------------------------------

const POSTING: &str = "57195475-0050-3";

fn ship_answer() -> Value {
    json!({"additional_data": [], "result": [POSTING]})
}

#[tokio::test]
async fn pack_order_maps_offers_to_the_postings_skus() {
    let server = MockServer::start().await;
    on(
        &server,
        POSTING_FBS_GET,
        fbs_detail(POSTING, "awaiting_packaging", "ozon"),
    )
    .await;
    on(&server, POSTING_FBS_SHIP, ship_answer()).await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    let packages = [
        Package {
            items: vec![("250-7898-1".into(), 1)],
        },
        Package {
            items: vec![("250-7898-1".into(), 1), ("250-7898-2".into(), 1)],
        },
    ];
    m.pack_order(&OrderId::new(POSTING), &packages)
        .await
        .unwrap();
    // The posting is read, packed, and read back (Ozon's 200 does not guarantee assembly).
    assert_eq!(
        paths(&server).await,
        [POSTING_FBS_GET, POSTING_FBS_SHIP, POSTING_FBS_GET]
    );
    assert_eq!(
        bodies(&server, POSTING_FBS_SHIP).await[0],
        json!({"packages": [
            {"products": [{"product_id": 180550365, "quantity": 1}]},
            {"products": [{"product_id": 180550365, "quantity": 1},
                          {"product_id": 180550366, "quantity": 1}]}
        ], "posting_number": POSTING})
    );
    assert_eq!(
        bodies(&server, POSTING_FBS_GET).await[0]["posting_number"],
        POSTING
    );
    assert_path_matches_spec(&server, POSTING_FBS_GET).await;
    assert_path_matches_spec(&server, POSTING_FBS_SHIP).await;
}

#[tokio::test]
async fn pack_order_and_ship_order_report_ship_failed_after_ozon_s_200() {
    let mut failed = fbs_detail(POSTING, "awaiting_packaging", "ozon");
    failed["result"]["substatus"] = json!("ship_failed");
    for ship in [false, true] {
        let server = MockServer::start().await;
        detail_then(
            &server,
            fbs_detail(POSTING, "awaiting_packaging", "ozon"),
            failed.clone(),
        )
        .await;
        on(&server, POSTING_FBS_SHIP, ship_answer()).await;
        let client = client(&server);
        let m: &dyn Marketplace = &client;
        let err = if ship {
            m.ship_order(&OrderId::new(POSTING)).await.unwrap_err()
        } else {
            m.pack_order(&OrderId::new(POSTING), &[]).await.unwrap_err()
        };
        let api = err.api().unwrap_or_else(|| panic!("{err:?}"));
        assert_eq!(api.code.as_deref(), Some("ship_failed"), "ship={ship}");
        assert_eq!(api.kind, market_core::ApiErrorKind::Conflict);
        assert_eq!(api.status, 200);
        assert!(api.message.contains(POSTING), "{}", api.message);
        // Nothing after the failed read-back: no delivering, no second ship.
        assert_eq!(
            paths(&server).await,
            [POSTING_FBS_GET, POSTING_FBS_SHIP, POSTING_FBS_GET],
            "ship={ship}"
        );
    }
}

#[tokio::test]
async fn pack_order_with_an_offer_not_in_the_posting_ships_nothing() {
    let server = MockServer::start().await;
    on(
        &server,
        POSTING_FBS_GET,
        fbs_detail(POSTING, "awaiting_packaging", "ozon"),
    )
    .await;
    on(&server, POSTING_FBS_SHIP, ship_answer()).await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    let packages = [Package {
        items: vec![("250-7898-1".into(), 1), ("NOT-IN-POSTING".into(), 1)],
    }];
    let err = m
        .pack_order(&OrderId::new(POSTING), &packages)
        .await
        .unwrap_err();
    match &err {
        Error::Validation { item, .. } => {
            assert!(
                item.as_deref().unwrap_or("").contains("NOT-IN-POSTING"),
                "{err:?}"
            );
        }
        other => panic!("expected a validation error, got {other:?}"),
    }
    assert_eq!(paths(&server).await, [POSTING_FBS_GET]);
}

#[tokio::test]
async fn pack_order_without_packages_ships_one_package_with_every_product() {
    let server = MockServer::start().await;
    on(
        &server,
        POSTING_FBS_GET,
        fbs_detail(POSTING, "awaiting_packaging", "ozon"),
    )
    .await;
    on(&server, POSTING_FBS_SHIP, ship_answer()).await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    m.pack_order(&OrderId::new(POSTING), &[]).await.unwrap();
    assert_eq!(
        bodies(&server, POSTING_FBS_SHIP).await,
        [json!({"packages": [
            {"products": [{"product_id": 180550365, "quantity": 2},
                          {"product_id": 180550366, "quantity": 1}]}
        ], "posting_number": POSTING})]
    );
    assert_path_matches_spec(&server, POSTING_FBS_SHIP).await;
}

// ---------------------------------------------------------------------------------------------
// 8. Shipping.
// ---------------------------------------------------------------------------------------------

/// The first `/v3/posting/fbs/get` answers `first`, later ones `then`.
async fn detail_then(server: &MockServer, first: Value, then: Value) {
    Mock::given(method("POST"))
        .and(path(POSTING_FBS_GET))
        .respond_with(ResponseTemplate::new(200).set_body_json(first))
        .up_to_n_times(1)
        .with_priority(1)
        .mount(server)
        .await;
    on(server, POSTING_FBS_GET, then).await;
}

fn delivering_answer(ok: bool) -> Value {
    if ok {
        json!({"result": [{"error": [], "posting_number": POSTING, "result": true}]})
    } else {
        json!({"result": [{"error": "POSTING_HAS_WRONG_STATUS", "posting_number": POSTING,
                           "result": false}]})
    }
}

#[tokio::test]
async fn ship_order_packs_an_unpacked_fbs_posting() {
    let server = MockServer::start().await;
    detail_then(
        &server,
        fbs_detail(POSTING, "awaiting_packaging", "ozon"),
        fbs_detail(POSTING, "awaiting_deliver", "ozon"),
    )
    .await;
    on(&server, POSTING_FBS_SHIP, ship_answer()).await;
    on(&server, POSTING_FBS_DELIVERING, delivering_answer(true)).await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    m.ship_order(&OrderId::new(POSTING)).await.unwrap();
    assert_eq!(
        paths(&server).await,
        [POSTING_FBS_GET, POSTING_FBS_SHIP, POSTING_FBS_GET]
    );
    assert_eq!(
        bodies(&server, POSTING_FBS_SHIP).await[0]["packages"],
        json!([{"products": [{"product_id": 180550365, "quantity": 2},
                             {"product_id": 180550366, "quantity": 1}]}])
    );
    assert_path_matches_spec(&server, POSTING_FBS_SHIP).await;
}

#[tokio::test]
async fn ship_order_moves_an_rfbs_posting_awaiting_delivery_to_delivering() {
    let server = MockServer::start().await;
    on(
        &server,
        POSTING_FBS_GET,
        fbs_detail(POSTING, "awaiting_deliver", "non_integrated"),
    )
    .await;
    on(&server, POSTING_FBS_SHIP, ship_answer()).await;
    on(&server, POSTING_FBS_DELIVERING, delivering_answer(true)).await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    m.ship_order(&OrderId::new(POSTING)).await.unwrap();
    assert_eq!(
        paths(&server).await,
        [POSTING_FBS_GET, POSTING_FBS_DELIVERING]
    );
    assert_eq!(
        bodies(&server, POSTING_FBS_DELIVERING).await[0],
        json!({"posting_number": [POSTING]})
    );
    assert_path_matches_spec(&server, POSTING_FBS_DELIVERING).await;
}

#[tokio::test]
async fn ship_order_packs_then_delivers_an_unpacked_rfbs_posting() {
    let server = MockServer::start().await;
    detail_then(
        &server,
        fbs_detail(POSTING, "awaiting_packaging", "non_integrated"),
        fbs_detail(POSTING, "awaiting_deliver", "non_integrated"),
    )
    .await;
    on(&server, POSTING_FBS_SHIP, ship_answer()).await;
    on(&server, POSTING_FBS_DELIVERING, delivering_answer(true)).await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    m.ship_order(&OrderId::new(POSTING)).await.unwrap();
    assert_eq!(
        paths(&server).await,
        [
            POSTING_FBS_GET,
            POSTING_FBS_SHIP,
            POSTING_FBS_GET,
            POSTING_FBS_DELIVERING
        ]
    );
}

#[tokio::test]
async fn ship_order_reports_a_refused_rfbs_transition() {
    let server = MockServer::start().await;
    on(
        &server,
        POSTING_FBS_GET,
        fbs_detail(POSTING, "awaiting_deliver", "non_integrated"),
    )
    .await;
    on(&server, POSTING_FBS_DELIVERING, delivering_answer(false)).await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    let err = m.ship_order(&OrderId::new(POSTING)).await.unwrap_err();
    assert!(
        matches!(&err, Error::Validation { message, .. } if message.contains("POSTING_HAS_WRONG_STATUS")),
        "{err:?}"
    );
}

#[tokio::test]
async fn ship_order_writes_nothing_for_packed_fbs_or_delivered_postings() {
    for (status, tpl) in [
        ("awaiting_deliver", "ozon"),
        ("delivered", "ozon"),
        ("delivering", "non_integrated"),
    ] {
        let server = MockServer::start().await;
        on(&server, POSTING_FBS_GET, fbs_detail(POSTING, status, tpl)).await;
        on(&server, POSTING_FBS_SHIP, ship_answer()).await;
        on(&server, POSTING_FBS_DELIVERING, delivering_answer(true)).await;
        let client = client(&server);
        let m: &dyn Marketplace = &client;
        m.ship_order(&OrderId::new(POSTING))
            .await
            .unwrap_or_else(|e| panic!("{status}/{tpl}: {e:?}"));
        assert_eq!(paths(&server).await, [POSTING_FBS_GET], "{status}/{tpl}");
    }
}

#[tokio::test]
async fn ship_order_refuses_a_cancelled_posting() {
    let server = MockServer::start().await;
    on(
        &server,
        POSTING_FBS_GET,
        fbs_detail(POSTING, "cancelled", "ozon"),
    )
    .await;
    on(&server, POSTING_FBS_SHIP, ship_answer()).await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    let err = m.ship_order(&OrderId::new(POSTING)).await.unwrap_err();
    assert!(matches!(err, Error::Validation { .. }), "{err:?}");
    assert_eq!(paths(&server).await, [POSTING_FBS_GET]);
}

// ---------------------------------------------------------------------------------------------
// 9. Cancelling.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn cancel_order_sends_reason_352_with_the_message_by_default() {
    let server = serve(POSTING_FBS_CANCEL, json!({"result": true})).await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    m.cancel_order(
        &OrderId::new("33920113-1231-1"),
        &CancelReason::out_of_stock(),
    )
    .await
    .unwrap();
    assert_eq!(
        bodies(&server, POSTING_FBS_CANCEL).await,
        [
            json!({"cancel_reason_id": 352, "cancel_reason_message": "out of stock",
                "posting_number": "33920113-1231-1"})
        ]
    );
    assert_requests_match_spec(&server, POSTING_FBS_CANCEL).await;
}

#[tokio::test]
async fn cancel_order_uses_a_given_reason_and_refuses_a_non_numeric_one() {
    let server = serve(POSTING_FBS_CANCEL, json!({"result": true})).await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    let reason = CancelReason {
        code: Some("358".into()),
        message: None,
    };
    m.cancel_order(&OrderId::new("33920113-1231-1"), &reason)
        .await
        .unwrap();
    assert_eq!(
        bodies(&server, POSTING_FBS_CANCEL).await,
        [json!({"cancel_reason_id": 358, "posting_number": "33920113-1231-1"})]
    );
    assert_requests_match_spec(&server, POSTING_FBS_CANCEL).await;

    let reason = CancelReason {
        code: Some("out_of_stock".into()),
        message: None,
    };
    let err = m
        .cancel_order(&OrderId::new("33920113-1231-1"), &reason)
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Validation { .. }), "{err:?}");
    assert_eq!(sent(&server).await.len(), 1, "the invalid reason was sent");
}

#[tokio::test]
async fn cancel_order_fails_when_ozon_answers_false() {
    let server = serve(POSTING_FBS_CANCEL, json!({"result": false})).await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    let err = m
        .cancel_order(
            &OrderId::new("33920113-1231-1"),
            &CancelReason::out_of_stock(),
        )
        .await
        .unwrap_err();
    assert!(
        matches!(&err, Error::Validation { item: Some(i), .. } if i.contains("33920113-1231-1")),
        "{err:?}"
    );
    assert_eq!(sent(&server).await.len(), 1);
}

// ---------------------------------------------------------------------------------------------
// 10. Labels.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn label_returns_the_pdf() {
    let pdf = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<</Type/Catalog>>\nendobj\n%%EOF\n".to_vec();
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(PACKAGE_LABEL))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("content-type", "application/pdf")
                .set_body_bytes(pdf.clone()),
        )
        .mount(&server)
        .await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    let label = m.label(&OrderId::new("48173252-0034-4")).await.unwrap();
    assert_eq!(label.format, LabelFormat::Pdf);
    assert_eq!(label.order_id.as_str(), "48173252-0034-4");
    assert_eq!(label.bytes.as_ref(), pdf.as_slice());
    assert_eq!(
        bodies(&server, PACKAGE_LABEL).await,
        [json!({"posting_number": ["48173252-0034-4"]})]
    );
    assert_requests_match_spec(&server, PACKAGE_LABEL).await;
}

// ---------------------------------------------------------------------------------------------
// 11. Returns.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn returns_are_listed_by_return_date_and_mapped() {
    let mut answer = spec().response_example(RETURNS).unwrap();
    // The example gives every logistic moment the same time; make the return date stand out.
    answer["returns"][0]["logistic"]["return_date"] = json!("2024-07-20T10:00:00Z");
    let mut fbo = answer["returns"][0].clone();
    fbo["id"] = json!("1000015553");
    fbo["schema"] = json!("Fbo");
    fbo["posting_number"] = json!("16965409-0014-1");
    fbo["product"]["offer_id"] = json!("978-5-906864-56-7");
    fbo["product"]["sku"] = json!("160249683");
    fbo["product"]["quantity"] = json!(2);
    answer["returns"].as_array_mut().unwrap().push(fbo);
    let server = serve(RETURNS, answer).await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    let w = window("2024-07-01T00:00:00Z", "2024-08-01T00:00:00Z");
    let returns: Vec<market_core::Return> = m
        .returns(ReturnQuery { window: w })
        .try_collect()
        .await
        .unwrap();

    let sent = bodies(&server, RETURNS).await;
    assert_eq!(sent.len(), 1);
    let range = &sent[0]["filter"]["logistic_return_date"];
    assert_eq!(t(range["time_from"].as_str().unwrap()), w.since);
    assert_eq!(t(range["time_to"].as_str().unwrap()), w.until);
    assert_eq!(sent[0]["last_id"], 0);
    assert_requests_match_spec(&server, RETURNS).await;

    assert_eq!(returns.len(), 2);
    let r = &returns[0];
    assert_eq!(r.id.as_str(), "1000015552");
    assert_eq!(
        r.order_id.as_ref().map(|o| o.as_str()),
        Some("58544282-0057-1")
    );
    assert_eq!(r.scheme, Some(DeliveryScheme::Fbs));
    assert_eq!(r.status, "ArrivedAtReturnPlace");
    assert_eq!(r.created_at, Some(t("2024-07-20T10:00:00Z")));
    assert_eq!(r.lines.len(), 1);
    let line = &r.lines[0];
    assert_eq!(line.offer_id.as_ref().map(|o| o.as_str()), Some("81451"));
    assert_eq!(line.sku.as_ref().map(|s| s.as_str()), Some("1100526203"));
    assert_eq!(line.quantity, 1);
    assert_eq!(
        line.reason.as_deref(),
        Some("Покупатель отказался при вручении: недоволен качеством товара")
    );
    assert_eq!(r.raw["posting_number"], "58544282-0057-1");

    let r = &returns[1];
    assert_eq!(r.id.as_str(), "1000015553");
    assert_eq!(
        r.order_id.as_ref().map(|o| o.as_str()),
        Some("16965409-0014-1")
    );
    assert_eq!(r.scheme, Some(DeliveryScheme::Fbo));
    assert_eq!(
        r.lines[0].offer_id.as_ref().map(|o| o.as_str()),
        Some("978-5-906864-56-7")
    );
    assert_eq!(r.lines[0].quantity, 2);
}

// ---------------------------------------------------------------------------------------------
// 12. Identity, capabilities, what Ozon lacks; warehouses.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn confirm_order_is_unsupported_and_capabilities_list_everything_else() {
    let server = MockServer::start().await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    assert_eq!(m.kind(), MarketplaceKind::Ozon);
    assert_eq!(m.account(), CLIENT_ID);
    let caps = m.capabilities();
    // No confirm step at Ozon; and no `OrderChanges`: the FBO list cannot filter by status
    // change (the importer re-reads open orders through the batched `refresh_orders`).
    for c in Capability::ALL {
        let expected = !matches!(c, Capability::ConfirmOrder | Capability::OrderChanges);
        assert_eq!(caps.supports(c), expected, "{c:?}");
    }
    let err = m.confirm_order(&OrderId::new(POSTING)).await.unwrap_err();
    match err {
        Error::Unsupported {
            marketplace,
            operation,
        } => {
            assert_eq!(marketplace, MarketplaceKind::Ozon);
            assert_eq!(operation, "confirm_order");
        }
        other => panic!("expected Unsupported, got {other:?}"),
    }
    assert!(sent(&server).await.is_empty());
}

#[tokio::test]
async fn warehouses_map_rfbs_to_dbs_and_status_to_active() {
    let s = spec();
    let mut fbs = s.maximal(s.response_schema(WAREHOUSES))["warehouses"][0].clone();
    fbs["warehouse_id"] = json!(22142605386000_i64);
    fbs["name"] = json!("Стим Тойс Нахабино");
    fbs["is_rfbs"] = json!(false);
    fbs["status"] = json!("created");
    let mut rfbs = fbs.clone();
    rfbs["warehouse_id"] = json!(1020000177886000_i64);
    rfbs["name"] = json!("Свой склад");
    rfbs["is_rfbs"] = json!(true);
    rfbs["status"] = json!("disabled");
    let server = serve(
        WAREHOUSES,
        json!({"cursor": "", "has_next": false, "warehouses": [fbs, rfbs]}),
    )
    .await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    let warehouses = m.warehouses().await.unwrap();
    assert_eq!(warehouses.len(), 2);
    assert_eq!(warehouses[0].id.as_str(), "22142605386000");
    assert_eq!(warehouses[0].name, "Стим Тойс Нахабино");
    assert_eq!(warehouses[0].scheme, DeliveryScheme::Fbs);
    assert!(warehouses[0].active);
    assert_eq!(warehouses[1].id.as_str(), "1020000177886000");
    assert_eq!(warehouses[1].scheme, DeliveryScheme::Dbs);
    assert!(!warehouses[1].active);
    assert_eq!(warehouses[1].raw["warehouse_id"], 1020000177886000_i64);
}

// ---------------------------------------------------------------------------------------------
// Every item exactly once (issue 11, item 12).
// ---------------------------------------------------------------------------------------------

/// Each key of `report` once, and exactly the keys of `updates`.
fn assert_each_update_once(report: &market_core::BatchReport, updates: &[StockUpdate]) {
    let mut seen = BTreeSet::new();
    for k in report
        .accepted
        .iter()
        .chain(report.rejected.iter().map(|r| &r.key))
    {
        assert!(seen.insert(k.clone()), "{k} reported twice: {report:?}");
    }
    let wanted: BTreeSet<ItemKey> = updates.iter().map(StockUpdate::key).collect();
    assert_eq!(seen, wanted);
}

#[tokio::test]
async fn two_updates_of_one_pair_are_each_reported_once_under_their_own_key() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(STOCKS))
        .respond_with(StocksEcho)
        .mount(&server)
        .await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    // One pair: the warehouse with and without spaces.
    let updates = [
        StockUpdate::new("PH11042", "22142605386000", 100),
        StockUpdate::new("PH11042", " 22142605386000 ", 7),
    ];
    let report = m.update_stocks(&updates).await.unwrap();
    assert_each_update_once(&report, &updates);
    let sent = bodies(&server, STOCKS).await;
    assert_eq!(
        sent,
        [json!({"stocks": [
            {"offer_id": "PH11042", "stock": 100, "warehouse_id": 22142605386000_i64}
        ]})],
        "the pair once, with the first update's stock"
    );
    assert_eq!(
        report.accepted,
        [ItemKey::stock("PH11042", "22142605386000")]
    );
    let second = &report.rejected[0];
    assert_eq!(second.key, ItemKey::stock("PH11042", " 22142605386000 "));
    assert_eq!(second.stage, RejectionStage::Validation);
    assert!(
        second.message.contains("already sets"),
        "{}",
        second.message
    );
}

#[tokio::test]
async fn an_answer_naming_an_item_twice_or_one_never_sent_reports_each_update_once() {
    let w = 22142605386000_i64;
    let server = serve(
        STOCKS,
        json!({"result": [
            {"errors": [], "offer_id": "PH1", "product_id": 1, "updated": true, "warehouse_id": w},
            {"errors": [{"code": "NOT_FOUND", "message": "product not found"}],
             "offer_id": "PH1", "product_id": 1, "updated": false, "warehouse_id": w},
            {"errors": [], "offer_id": "PH2", "product_id": 2, "updated": true, "warehouse_id": w},
            {"errors": [], "offer_id": "PH2", "product_id": 2, "updated": true, "warehouse_id": w},
            {"errors": [], "offer_id": "GHOST", "product_id": 9, "updated": true, "warehouse_id": w}
        ]}),
    )
    .await;
    let client = client(&server);
    let m: &dyn Marketplace = &client;
    let updates = [
        StockUpdate::new("PH1", "22142605386000", 1),
        StockUpdate::new("PH2", "22142605386000", 2),
        StockUpdate::new("PH3", "22142605386000", 3),
    ];
    let report = m.update_stocks(&updates).await.unwrap();
    assert_each_update_once(&report, &updates);
    assert_eq!(report.accepted, [ItemKey::stock("PH2", "22142605386000")]);
    let ph1 = report
        .rejected
        .iter()
        .find(|r| r.key.offer_id.as_str() == "PH1")
        .unwrap();
    assert_eq!(ph1.code.as_deref(), Some("NOT_FOUND"));
    assert!(ph1.message.contains("accepted"), "{}", ph1.message);
    let ph3 = report
        .rejected
        .iter()
        .find(|r| r.key.offer_id.as_str() == "PH3")
        .unwrap();
    assert_eq!(ph3.code.as_deref(), Some("no_outcome"));
    assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
    assert_eq!(report.warnings[0].key.offer_id.as_str(), "GHOST");
}
