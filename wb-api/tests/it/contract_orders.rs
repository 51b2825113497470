//! Contract tests of the orders section (FBS assembly tasks) against the WB spec snapshot.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;

use crate::common::*;
use chrono::{DateTime, Duration, NaiveDate, Utc};
use futures::TryStreamExt;
use market_core::{Currency, Error};
use rust_decimal::Decimal;
use serde_json::{Map, Value, json};
use wb_api::OrderId;
use wb_api::api::orders::{ORDERS_STATUS_MAX, ORDERS_STICKERS_MAX};
use wb_api::models::common::{CargoType, StickerType};
use wb_api::models::orders::*;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request as WireRequest, Respond, ResponseTemplate};

const NEW: &str = "GET /api/v3/orders/new";
const LIST: &str = "GET /api/v3/orders";
const STATUS: &str = "POST /api/v3/orders/status";
const RESHIPMENT: &str = "GET /api/v3/supplies/orders/reshipment";
const CANCEL: &str = "PATCH /api/v3/orders/{orderId}/cancel";
const STICKERS: &str = "POST /api/v3/orders/stickers";
const META: &str = "POST /api/marketplace/v3/orders/meta";
const META_DELETE: &str = "DELETE /api/v3/orders/{orderId}/meta";
const SGTIN: &str = "PUT /api/v3/orders/{orderId}/meta/sgtin";
const UIN: &str = "PUT /api/v3/orders/{orderId}/meta/uin";
const IMEI: &str = "PUT /api/v3/orders/{orderId}/meta/imei";
const GTIN: &str = "PUT /api/v3/orders/{orderId}/meta/gtin";
const EXPIRATION: &str = "PUT /api/v3/orders/{orderId}/meta/expiration";

/// The PNG of the spec's sticker example, base64.
fn spec_sticker_file() -> String {
    spec().response_schema(STICKERS)["properties"]["stickers"]["items"]["properties"]["file"]
        ["example"]
        .as_str()
        .unwrap()
        .to_owned()
}

/// An instance of a schema built from the spec's per-property examples (WB puts its examples
/// on properties): a property's `example` (even `null`), else its object or array built the
/// same way, else the first enum value; properties with nothing to show are left out.
fn from_examples(schema: &Value) -> Value {
    let (s, _) = spec().resolve(schema);
    if let Some(e) = s.as_object().and_then(|o| o.get("example")) {
        return e.clone();
    }
    if let Some(props) = s.get("properties").and_then(Value::as_object) {
        let mut obj = Map::new();
        for (k, v) in props {
            let built = from_examples(v);
            let explicit_null = spec()
                .resolve(v)
                .0
                .as_object()
                .is_some_and(|o| o.contains_key("example"));
            if !built.is_null() || explicit_null {
                obj.insert(k.clone(), built);
            }
        }
        return Value::Object(obj);
    }
    if let Some(items) = s.get("items") {
        let item = from_examples(items);
        return if item.is_null() {
            json!([])
        } else {
            json!([item])
        };
    }
    s.get("enum")
        .and_then(|e| e.get(0))
        .cloned()
        .unwrap_or(Value::Null)
}

/// A server answering `method` + `path` with `status` and no body.
async fn serve_empty(m: &str, p: &str, status: u16) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method(m))
        .and(path(p))
        .respond_with(ResponseTemplate::new(status))
        .mount(&server)
        .await;
    server
}

fn is_validation(e: &Error) -> bool {
    matches!(e, Error::Validation { .. })
}

fn ids(range: std::ops::Range<i64>) -> Vec<OrderId> {
    range.map(OrderId).collect()
}

fn query_of(r: &WireRequest, name: &str) -> Option<String> {
    r.url
        .query_pairs()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.into_owned())
}

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

// ---------------------------------------------------------------------------------------------
// Responses, enums, money.

#[test]
fn responses_decode_strictly() {
    assert_responses_decode::<NewOrdersResponse>(NEW);
    assert_responses_decode::<OrdersResponse>(LIST);
    assert_responses_decode::<OrderStatusesResponse>(STATUS);
    assert_responses_decode::<ReshipmentResponse>(RESHIPMENT);
    assert_responses_decode::<StickersResponse>(STICKERS);
    assert_responses_decode::<OrdersMetaResponse>(META);
    // The examples WB puts on the properties decode too.
    for (op, what) in [
        (NEW, "NewOrdersResponse"),
        (LIST, "OrdersResponse"),
        (STATUS, "OrderStatusesResponse"),
        (STICKERS, "StickersResponse"),
        (META, "OrdersMetaResponse"),
    ] {
        let ex = from_examples(spec().response_schema(op));
        match what {
            "NewOrdersResponse" => drop(decode::<NewOrdersResponse>(op, what, &ex)),
            "OrdersResponse" => drop(decode::<OrdersResponse>(op, what, &ex)),
            "OrderStatusesResponse" => drop(decode::<OrderStatusesResponse>(op, what, &ex)),
            "StickersResponse" => drop(decode::<StickersResponse>(op, what, &ex)),
            _ => drop(decode::<OrdersMetaResponse>(op, what, &ex)),
        }
    }
}

#[test]
fn operations_without_a_body_answer_204_in_the_spec() {
    for op in [CANCEL, META_DELETE, SGTIN, UIN, IMEI, GTIN, EXPIRATION] {
        let r = &spec().operation(op)["responses"];
        assert!(r["204"].is_object(), "{op}: {r}");
        assert!(r["200"].is_null(), "{op}");
        assert!(spec().response(op, "204")["content"].is_null(), "{op}");
        assert_eq!(spec().server(op), "https://marketplace-api.wildberries.ru");
    }
}

fn inline_enum(v: &Value) -> BTreeSet<String> {
    v["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| match x {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        })
        .collect()
}

#[test]
fn enums_match_the_spec() {
    let s = spec();
    let status = &s.response_schema(STATUS)["properties"]["orders"]["items"]["properties"];
    assert_enum(
        SupplierStatus::KNOWN,
        inline_enum(&status["supplierStatus"]),
        "supplierStatus",
    );
    assert_enum(
        WbStatus::KNOWN,
        inline_enum(&status["wbStatus"]),
        "wbStatus",
    );
    for schema in ["OrderNew", "orders-fbs::Order"] {
        assert_enum(
            DeliveryType::KNOWN,
            s.property_enum(schema, "deliveryType"),
            "deliveryType",
        );
        // Orders have cargo types 1..3; the known set adds the supplies' 0 (unset).
        let cargo = inline_enum(&s.schema(schema)["properties"]["cargoType"]);
        let known: BTreeSet<String> = CargoType::KNOWN.iter().map(|c| c.to_string()).collect();
        assert!(cargo.is_subset(&known), "{schema}.cargoType: {cargo:?}");
        assert_eq!(cargo.len(), 3);
    }
    let params = s.parameters(STICKERS);
    let param = |name: &str| {
        params
            .iter()
            .find(|p| p["name"] == name)
            .unwrap_or_else(|| panic!("no {name}"))["schema"]
            .clone()
    };
    assert_enum(StickerType::KNOWN, inline_enum(&param("type")), "type");
    let widths: BTreeSet<String> = StickerSize::ALL
        .iter()
        .map(|z| z.width().to_string())
        .collect();
    let heights: BTreeSet<String> = StickerSize::ALL
        .iter()
        .map(|z| z.height().to_string())
        .collect();
    assert_eq!(widths, inline_enum(&param("width")));
    assert_eq!(heights, inline_enum(&param("height")));
    // The deletable metadata keys are the enum of the delete's required `key` parameter.
    let key = s
        .parameters(META_DELETE)
        .into_iter()
        .find(|p| p["name"] == "key")
        .unwrap();
    assert_eq!(key["in"], "query");
    assert_eq!(key["required"], json!(true));
    assert_enum(MetaKey::KNOWN, inline_enum(&key["schema"]), "meta keys");
}

#[test]
fn cargo_types_read_their_codes() {
    let c: CargoType = serde_json::from_value(json!(2)).unwrap();
    assert_eq!(c, CargoType::Oversized);
    assert_eq!(serde_json::to_value(CargoType::Large).unwrap(), json!(3));
    let unknown = serde_json::from_value::<CargoType>(json!(9));
    if market_core::wire::STRICT {
        assert!(unknown.is_err());
    } else {
        assert_eq!(unknown.unwrap(), CargoType::Unknown(9));
    }
}

#[test]
fn money_is_minor_units_read_as_decimal_amounts_on_the_spec_examples() {
    let order_ex = from_examples(&spec().schema_ref("orders-fbs::Order"));
    assert_eq!(order_ex["price"], json!(1014));
    let order: Order = decode(LIST, "Order example", &order_ex);
    assert_eq!(order.price, 1014);
    assert_eq!(order.price_amount(), Decimal::new(1014, 2));
    assert_eq!(order.price_amount().to_string(), "10.14");
    assert_eq!(order.converted_price_amount().to_string(), "283.22");
    assert_eq!(order.scan_price_amount(), Some(Decimal::new(15, 0)));
    assert_eq!(order.currency(), Currency::Byn);
    assert_eq!(order.converted_currency(), Currency::Rub);
    assert_eq!(order.id, OrderId(13833711));
    assert_eq!(order.supply_id.unwrap().as_str(), "WB-GI-92937123");
    assert_eq!(order.created_at, t("2022-05-04T07:56:29Z"));

    let new_ex = from_examples(&spec().schema_ref("orders-fbs::OrderNew"));
    let new: NewOrder = decode(NEW, "OrderNew example", &new_ex);
    assert_eq!(new.price_amount().to_string(), "10.14");
    assert_eq!(new.final_price_amount().to_string(), "10.14");
    assert_eq!(new.converted_price_amount().to_string(), "283.22");
    assert_eq!(new.converted_final_price_amount().to_string(), "10.14");
    assert_eq!(new.sale_price_amount(), Some(Decimal::new(504600, 2)));
    assert_eq!(new.sale_price_amount().unwrap().to_string(), "5046.00");
    assert_eq!(new.scan_price, None, "the spec's example is null");
    assert_eq!(new.scan_price_amount(), None);
    assert_eq!(
        new.delivery_date(),
        Some(NaiveDate::from_ymd_opt(2024, 5, 17).unwrap())
    );
    assert_eq!(
        new.seller_delivery_date(),
        Some(NaiveDate::from_ymd_opt(2025, 6, 2).unwrap())
    );
    assert_eq!(new.required_meta, ["uin"]);
    assert_eq!(new.optional_meta, ["sgtin"]);
    assert_eq!(new.address.unwrap().latitude, 40.20192);
    // Negative and fractional minor units stay exact.
    let o = Order {
        price: -5,
        ..Order::default()
    };
    assert_eq!(o.price_amount().to_string(), "-0.05");
}

// ---------------------------------------------------------------------------------------------
// Operations.

#[tokio::test]
async fn list_new_reads_new_assembly_tasks() {
    let mut body = from_examples(spec().response_schema(NEW));
    body["orders"][0]["cargoType"] = json!(2);
    let server = serve(NEW, body).await;
    let orders = client(&server).orders().list_new().await.unwrap();
    assert_requests_match_spec(&server, NEW).await;
    assert_eq!(orders.len(), 1);
    let o = &orders[0];
    assert_eq!(o.id, OrderId(13833711));
    assert_eq!(o.nm_id.0, 123456789);
    assert_eq!(o.warehouse_id.0, 658434);
    assert_eq!(o.cargo_type, CargoType::Oversized);
    assert_eq!(o.delivery_type, Some(DeliveryType::Fbs));
    assert_eq!(o.price_amount(), Decimal::new(1014, 2));
    assert_eq!(o.created_at, t("2022-05-04T07:56:29Z"));
    assert_eq!(o.skus, ["6665956397512"]);
}

#[tokio::test]
async fn list_sends_the_window_and_cursor_and_reads_a_page() {
    let body = from_examples(spec().response_schema(LIST));
    let server = serve(LIST, body).await;
    let from = t("2026-01-01T00:00:00Z");
    let to = from + Duration::days(30);
    let page = client(&server)
        .orders()
        .list(
            &OrdersQuery::first(500)
                .with_next(42)
                .with_window(OrdersWindow::between(from, to)),
        )
        .await
        .unwrap();
    assert_requests_match_spec(&server, LIST).await;
    let (r, _) = &sent(&server).await[0];
    assert_eq!(query_of(r, "limit").as_deref(), Some("500"));
    assert_eq!(query_of(r, "next").as_deref(), Some("42"));
    assert_eq!(query_of(r, "dateFrom"), Some(from.timestamp().to_string()));
    assert_eq!(query_of(r, "dateTo"), Some(to.timestamp().to_string()));
    assert_eq!(page.next, 13833711);
    assert_eq!(page.orders[0].id, OrderId(13833711));
    assert_eq!(
        page.orders[0].converted_price_amount().to_string(),
        "283.22"
    );
}

#[tokio::test]
async fn list_without_a_window_sends_no_dates() {
    let server = serve(LIST, json!({"next": 0, "orders": []})).await;
    let page = client(&server)
        .orders()
        .list(&OrdersQuery::first(1000))
        .await
        .unwrap();
    assert!(page.orders.is_empty());
    assert_requests_match_spec(&server, LIST).await;
    let (r, _) = &sent(&server).await[0];
    assert_eq!(query_of(r, "dateFrom"), None);
    assert_eq!(query_of(r, "dateTo"), None);
}

#[tokio::test]
async fn list_rejects_bad_windows_and_limits_before_sending() {
    let server = serve(LIST, json!({"next": 0, "orders": []})).await;
    let wb = client(&server);
    let from = t("2026-01-01T00:00:00Z");
    let bad = [
        // 30 days and one second.
        OrdersQuery::first(10).with_window(OrdersWindow::between(
            from,
            from + Duration::days(30) + Duration::seconds(1),
        )),
        // Backwards.
        OrdersQuery::first(10).with_window(OrdersWindow::between(from, from - Duration::hours(1))),
        // From 31 days ago to now.
        OrdersQuery::first(10).with_window(OrdersWindow::since(Utc::now() - Duration::days(31))),
        // Negative time.
        OrdersQuery::first(10).with_window(OrdersWindow {
            date_from: Some(-1),
            date_to: None,
        }),
        OrdersQuery::first(0),
        OrdersQuery::first(1001),
        OrdersQuery::first(10).with_next(-1),
    ];
    for q in bad {
        let e = wb.orders().list(&q).await.unwrap_err();
        assert!(is_validation(&e), "{q:?}: {e}");
    }
    let e = wb
        .orders()
        .list_stream(OrdersWindow::between(from, from + Duration::days(31)))
        .try_collect::<Vec<_>>()
        .await
        .unwrap_err();
    assert!(is_validation(&e), "{e}");
    assert!(e.to_string().contains("30 days"), "{e}");
    assert!(sent(&server).await.is_empty(), "nothing may be sent");

    // Exactly 30 days, and since 29 days ago, are fine.
    wb.orders()
        .list(
            &OrdersQuery::first(10)
                .with_window(OrdersWindow::between(from, from + Duration::days(30))),
        )
        .await
        .unwrap();
    wb.orders()
        .list(
            &OrdersQuery::first(10)
                .with_window(OrdersWindow::since(Utc::now() - Duration::days(29))),
        )
        .await
        .unwrap();
    assert_eq!(sent(&server).await.len(), 2);
}

fn order_json(id: i64) -> Value {
    json!({
        "id": id,
        "rid": format!("rid-{id}"),
        "createdAt": "2026-01-02T03:04:05Z",
        "price": 150000,
        "convertedPrice": 150000,
        "currencyCode": 643,
        "convertedCurrencyCode": 643,
        "cargoType": 1,
        "deliveryType": "fbs",
        "skus": ["2000000000001"],
        "offices": null,
        "address": null,
    })
}

/// Pages of orders by `next`: cursor 0 -> ids 1..=1000 (next 1000), 1000 -> 1001..=2000
/// (next 2000), 2000 -> the last `tail` orders (next 2000 + tail), then empty pages.
struct OrderPages {
    tail: i64,
}

impl Respond for OrderPages {
    fn respond(&self, r: &WireRequest) -> ResponseTemplate {
        let next: i64 = query_of(r, "next").unwrap().parse().unwrap();
        let limit: i64 = query_of(r, "limit").unwrap().parse().unwrap();
        let count = match next {
            n if n < 2000 => limit,
            2000 => self.tail,
            _ => 0,
        };
        let orders: Vec<Value> = (next + 1..=next + count).map(order_json).collect();
        ResponseTemplate::new(200).set_body_json(json!({"next": next + count, "orders": orders}))
    }
}

#[tokio::test]
async fn list_stream_pages_by_next_to_the_end() {
    // The stream passes `next` back until a page is empty or `next` is 0.
    for (tail, requests) in [(7i64, 4usize), (0, 3)] {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path("/api/v3/orders"))
            .respond_with(OrderPages { tail })
            .mount(&server)
            .await;
        let from = t("2026-01-01T00:00:00Z");
        let window = OrdersWindow::between(from, from + Duration::days(10));
        let orders: Vec<Order> = client(&server)
            .orders()
            .list_stream(window)
            .try_collect()
            .await
            .unwrap();
        assert_eq!(orders.len() as i64, 2000 + tail);
        assert_eq!(orders.first().unwrap().id, OrderId(1));
        assert_eq!(orders.last().unwrap().id, OrderId(2000 + tail));
        assert_eq!(orders[0].price_amount().to_string(), "1500.00");
        let got = sent(&server).await;
        assert_eq!(got.len(), requests, "tail {tail}");
        let cursors: Vec<String> = got
            .iter()
            .map(|(r, _)| query_of(r, "next").unwrap())
            .collect();
        let mut expected = vec!["0", "1000", "2000"];
        if tail > 0 {
            expected.push("2007");
        }
        assert_eq!(cursors, expected);
        for (r, _) in &got {
            assert_eq!(query_of(r, "limit").as_deref(), Some("1000"));
            assert_eq!(query_of(r, "dateFrom"), Some(from.timestamp().to_string()));
        }
        assert_requests_match_spec(&server, LIST).await;
    }
}

#[tokio::test]
async fn list_stream_stops_on_a_zero_cursor() {
    let server = MockServer::start().await;
    let orders: Vec<Value> = (1..=1000).map(order_json).collect();
    Mock::given(method("GET"))
        .and(path("/api/v3/orders"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"next": 0, "orders": orders})),
        )
        .mount(&server)
        .await;
    let all: Vec<Order> = client(&server)
        .orders()
        .list_stream(OrdersWindow::default())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 1000);
    assert_eq!(sent(&server).await.len(), 1);
}

/// Answers a status request with a status per id (even ids `sold`, odd `waiting`).
struct Statuses;

impl Respond for Statuses {
    fn respond(&self, r: &WireRequest) -> ResponseTemplate {
        let body: Value = serde_json::from_slice(&r.body).unwrap();
        let orders: Vec<Value> = body["orders"]
            .as_array()
            .unwrap()
            .iter()
            .map(|id| {
                let even = id.as_i64().unwrap() % 2 == 0;
                json!({
                    "id": id,
                    "supplierStatus": if even { "complete" } else { "confirm" },
                    "wbStatus": if even { "sold" } else { "waiting" },
                })
            })
            .collect();
        ResponseTemplate::new(200).set_body_json(json!({ "orders": orders }))
    }
}

#[tokio::test]
async fn statuses_split_at_the_spec_maximum() {
    assert_eq!(
        spec().request_schema(STATUS)["properties"]["orders"]["maxItems"],
        json!(ORDERS_STATUS_MAX)
    );
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/v3/orders/status"))
        .respond_with(Statuses)
        .mount(&server)
        .await;
    let wb = client(&server);
    let statuses = wb.orders().statuses(ids(1..2501)).await.unwrap();
    let sizes: Vec<usize> = sent(&server)
        .await
        .iter()
        .map(|(_, b)| b["orders"].as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, [1000, 1000, 500]);
    assert_requests_match_spec(&server, STATUS).await;
    assert_eq!(statuses.len(), 2500);
    assert_eq!(statuses[0].id, OrderId(1));
    assert_eq!(statuses[0].supplier_status, Some(SupplierStatus::Confirm));
    assert_eq!(statuses[0].wb_status, Some(WbStatus::Waiting));
    assert_eq!(statuses[2499].id, OrderId(2500));
    assert_eq!(statuses[2499].wb_status, Some(WbStatus::Sold));
    assert_eq!(
        statuses[2499].supplier_status,
        Some(SupplierStatus::Complete)
    );

    for bad in [vec![], vec![OrderId(5), OrderId(0)], vec![OrderId(-3)]] {
        let e = wb.orders().statuses(bad).await.unwrap_err();
        assert!(is_validation(&e), "{e}");
    }
    assert_eq!(sent(&server).await.len(), 3, "invalid ids are not sent");
}

#[tokio::test]
async fn reshipment_reads_order_and_supply_ids() {
    let example = spec().response_example(RESHIPMENT).unwrap();
    let server = serve("GET /api/v3/supplies/orders/reshipment", example).await;
    let orders = client(&server).orders().reshipment().await.unwrap();
    assert_requests_match_spec(&server, RESHIPMENT).await;
    assert_eq!(orders.len(), 1);
    assert_eq!(orders[0].order_id, Some(OrderId(5632423)));
    assert_eq!(
        orders[0].supply_id.as_ref().unwrap().as_str(),
        "WB-GI-1234567"
    );
    // The spec leaves both untyped: a numeric string is read too.
    let r: ReshipmentResponse =
        serde_json::from_value(json!({"orders": [{"orderID": "77", "supplyID": "WB-GI-1"}]}))
            .unwrap();
    assert_eq!(r.orders[0].order_id, Some(OrderId(77)));
}

#[tokio::test]
async fn cancel_patches_the_order() {
    let server = serve_empty("PATCH", "/api/v3/orders/5632423/cancel", 204).await;
    let wb = client(&server);
    wb.orders().cancel(OrderId(5632423)).await.unwrap();
    assert_requests_match_spec(&server, CANCEL).await;
    assert!(is_validation(
        &wb.orders().cancel(OrderId(0)).await.unwrap_err()
    ));
    assert_eq!(sent(&server).await.len(), 1);
}

#[tokio::test]
async fn cancel_surfaces_wb_conflicts() {
    let server = MockServer::start().await;
    Mock::given(method("PATCH"))
        .respond_with(
            ResponseTemplate::new(409).set_body_json(
                json!({"code": "StatusMismatch", "message": "Несоответствие статусов"}),
            ),
        )
        .mount(&server)
        .await;
    let e = client(&server)
        .orders()
        .cancel(OrderId(1))
        .await
        .unwrap_err();
    let Error::Api(api) = e else { panic!("{e}") };
    assert_eq!(api.status, 409);
    assert_eq!(api.code.as_deref(), Some("StatusMismatch"));
}

/// Answers a sticker request with one sticker per id, its file `file`.
struct Stickers {
    file: String,
}

impl Respond for Stickers {
    fn respond(&self, r: &WireRequest) -> ResponseTemplate {
        let body: Value = serde_json::from_slice(&r.body).unwrap();
        let stickers: Vec<Value> = body["orders"]
            .as_array()
            .unwrap()
            .iter()
            .map(|id| {
                json!({
                    "orderId": id,
                    "partA": "231648",
                    "partB": "9753",
                    "barcode": format!("!{id}"),
                    "file": self.file,
                })
            })
            .collect();
        ResponseTemplate::new(200).set_body_json(json!({ "stickers": stickers }))
    }
}

async fn sticker_server(file: String) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/v3/orders/stickers"))
        .respond_with(Stickers { file })
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn stickers_split_at_100_and_decode_the_png_of_the_spec() {
    assert_eq!(
        spec().request_schema(STICKERS)["properties"]["orders"]["maxItems"],
        json!(ORDERS_STICKERS_MAX)
    );
    let server = sticker_server(spec_sticker_file()).await;
    let stickers = client(&server)
        .orders()
        .stickers(ids(1..151), StickerType::Png, StickerSize::W58H40)
        .await
        .unwrap();
    assert_requests_match_spec(&server, STICKERS).await;
    let got = sent(&server).await;
    let sizes: Vec<usize> = got
        .iter()
        .map(|(_, b)| b["orders"].as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, [100, 50]);
    for (r, _) in &got {
        assert_eq!(query_of(r, "type").as_deref(), Some("png"));
        assert_eq!(query_of(r, "width").as_deref(), Some("58"));
        assert_eq!(query_of(r, "height").as_deref(), Some("40"));
    }
    assert_eq!(stickers.len(), 150);
    let s = &stickers[149];
    assert_eq!(s.order_id, OrderId(150));
    assert_eq!(s.format, StickerType::Png);
    assert_eq!((s.part_a.as_str(), s.part_b.as_str()), ("231648", "9753"));
    assert_eq!(s.barcode, "!150");
    assert_eq!(&s.bytes[..8], b"\x89PNG\r\n\x1a\n");
    assert_eq!(&s.bytes[12..16], b"IHDR");
    assert!(s.bytes.len() > 400, "{}", s.bytes.len());
}

#[tokio::test]
async fn stickers_in_svg_and_zpl_decode_to_their_text() {
    // base64 of `<svg xmlns="http://www.w3.org/2000/svg"/>`, unpadded URL-safe text too.
    let svg = "PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciLz4=";
    let server = sticker_server(svg.into()).await;
    let stickers = client(&server)
        .orders()
        .stickers(vec![OrderId(9)], StickerType::Svg, StickerSize::W40H30)
        .await
        .unwrap();
    assert_requests_match_spec(&server, STICKERS).await;
    let (r, _) = &sent(&server).await[0];
    assert_eq!(query_of(r, "type").as_deref(), Some("svg"));
    assert_eq!(query_of(r, "width").as_deref(), Some("40"));
    assert_eq!(query_of(r, "height").as_deref(), Some("30"));
    assert_eq!(stickers[0].format, StickerType::Svg);
    assert_eq!(
        stickers[0].bytes,
        b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>"
    );

    let zpl = "XlhBXkZPMTAsMTBeRkRIZWxsb15GU15YWg"; // "^XA^FO10,10^FDHello^FS^XZ", unpadded
    let server = sticker_server(zpl.into()).await;
    let stickers = client(&server)
        .orders()
        .stickers(vec![OrderId(9)], StickerType::Zplh, StickerSize::W58H40)
        .await
        .unwrap();
    assert_eq!(stickers[0].format, StickerType::Zplh);
    assert_eq!(stickers[0].bytes, b"^XA^FO10,10^FDHello^FS^XZ");
}

#[tokio::test]
async fn a_sticker_that_is_not_base64_is_a_decode_error_naming_it() {
    let server = sticker_server("not base64!".into()).await;
    let e = client(&server)
        .orders()
        .stickers(
            vec![OrderId(1), OrderId(2)],
            StickerType::Png,
            StickerSize::W58H40,
        )
        .await
        .unwrap_err();
    let Error::Decode { path, .. } = &e else {
        panic!("{e}")
    };
    assert_eq!(path, "stickers[0].file");
}

#[tokio::test]
async fn stickers_reject_bad_input_before_sending() {
    let server = sticker_server(spec_sticker_file()).await;
    let wb = client(&server);
    for (ids, format) in [
        (vec![], StickerType::Png),
        (vec![OrderId(0)], StickerType::Png),
        (vec![OrderId(1)], StickerType::Unknown("pdf".into())),
    ] {
        let e = wb
            .orders()
            .stickers(ids, format, StickerSize::W58H40)
            .await
            .unwrap_err();
        assert!(is_validation(&e), "{e}");
    }
    assert!(sent(&server).await.is_empty());
}

/// Answers a metadata request with each id and metadata entries: the spec's example entry
/// (an unset `uin`) and set values of the other kinds.
struct Metas;

impl Respond for Metas {
    fn respond(&self, r: &WireRequest) -> ResponseTemplate {
        let body: Value = serde_json::from_slice(&r.body).unwrap();
        let example = from_examples(&spec().schema_ref("orders-fbs::MetaDetails"));
        assert_eq!(
            example,
            json!([{"decision": "uinMaySell", "key": "uin", "value": null}])
        );
        let mut details = example.as_array().unwrap().clone();
        details.extend([
            json!({"key": "sgtin", "value": "123456789012345"}),
            json!({"key": "sgtin", "value": "223456789012345"}),
            json!({"key": "IMEI", "value": "123456789012345"}),
            json!({"key": "expiration", "value": "12.09.2030"}),
        ]);
        let orders: Vec<Value> = body["orders"]
            .as_array()
            .unwrap()
            .iter()
            .map(|id| json!({"id": id, "metaDetails": details}))
            .collect();
        ResponseTemplate::new(200).set_body_json(json!({ "orders": orders }))
    }
}

#[tokio::test]
async fn meta_splits_at_100_and_reads_every_kind() {
    assert_eq!(
        spec().schema("v3.GetMetaMultiRequest")["properties"]["orders"]["maxItems"],
        json!(100)
    );
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/marketplace/v3/orders/meta"))
        .respond_with(Metas)
        .mount(&server)
        .await;
    let wb = client(&server);
    let metas = wb.orders().meta(ids(1..251)).await.unwrap();
    assert_requests_match_spec(&server, META).await;
    let sizes: Vec<usize> = sent(&server)
        .await
        .iter()
        .map(|(_, b)| b["orders"].as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, [100, 100, 50]);
    assert_eq!(metas.len(), 250);
    let m = &metas[249];
    assert_eq!(m.id, OrderId(250));
    let meta = m.meta();
    assert_eq!(
        meta.sgtin.as_ref().unwrap().value.as_deref(),
        Some(&["123456789012345".to_owned(), "223456789012345".to_owned()][..])
    );
    assert_eq!(
        meta.imei.as_ref().unwrap().value.as_deref(),
        Some("123456789012345")
    );
    assert_eq!(
        meta.expiration_date(),
        Some(NaiveDate::from_ymd_opt(2030, 9, 12).unwrap())
    );
    assert_eq!(meta.uin, Some(MetaText { value: None }));
    assert_eq!(
        m.details("uin").next().unwrap().decision.as_deref(),
        Some("uinMaySell")
    );
    // A kind WB leaves out cannot be set; a null value is not set yet.
    let partial: OrdersMetaResponse = serde_json::from_value(
        json!({"orders": [{"id": 1, "metaDetails": [{"key": "uin", "value": null}]}]}),
    )
    .unwrap();
    let meta = partial.orders[0].meta();
    assert_eq!(meta.uin, Some(MetaText { value: None }));
    assert_eq!(meta.imei, None);
    assert_eq!(meta.sgtin, None);
    assert!(is_validation(&wb.orders().meta(vec![]).await.unwrap_err()));
}

#[tokio::test]
async fn delete_meta_sends_one_key() {
    let server = serve_empty("DELETE", "/api/v3/orders/5632423/meta", 204).await;
    let wb = client(&server);
    wb.orders()
        .delete_meta(OrderId(5632423), MetaKey::Sgtin)
        .await
        .unwrap();
    assert_requests_match_spec(&server, META_DELETE).await;
    let (r, _) = &sent(&server).await[0];
    assert_eq!(query_of(r, "key").as_deref(), Some("sgtin"));
    let e = wb
        .orders()
        .delete_meta(OrderId(5632423), MetaKey::Unknown("expiration".into()))
        .await
        .unwrap_err();
    assert!(is_validation(&e));
    assert_eq!(sent(&server).await.len(), 1);
}

async fn put_server(kind: &str) -> MockServer {
    serve_empty("PUT", &format!("/api/v3/orders/5632423/meta/{kind}"), 204).await
}

#[tokio::test]
async fn set_sgtins_sends_the_codes_and_checks_the_count() {
    let server = put_server("sgtin").await;
    let wb = client(&server);
    let order = OrderId(5632423);
    wb.orders()
        .set_sgtins(order, vec!["1234567890123456".into(), "x2".into()])
        .await
        .unwrap();
    assert_requests_match_spec(&server, SGTIN).await;
    assert_eq!(
        sent(&server).await[0].1,
        json!({"sgtins": ["1234567890123456", "x2"]})
    );
    let max = spec().request_schema(SGTIN)["properties"]["sgtins"]["maxItems"]
        .as_u64()
        .unwrap() as usize;
    let too_many: Vec<String> = (0..=max).map(|i| format!("code{i}")).collect();
    for bad in [vec![], too_many, vec![" ".into()]] {
        assert!(is_validation(
            &wb.orders().set_sgtins(order, bad).await.unwrap_err()
        ));
    }
    assert_eq!(sent(&server).await.len(), 1);
}

#[tokio::test]
async fn set_uin_imei_and_gtin_check_their_lengths() {
    let order = OrderId(5632423);
    for (kind, op, good, bad) in [
        ("uin", UIN, "1234567890123456", "123456789012345"),
        ("imei", IMEI, "123456789012345", "1234567890123456"),
        ("gtin", GTIN, "1234567890123", "123456789012"),
    ] {
        let len = spec().request_schema(op)["properties"][kind]["minLength"]
            .as_u64()
            .unwrap() as usize;
        assert_eq!(good.len(), len, "{kind}");
        let server = put_server(kind).await;
        let wb = client(&server);
        let orders = wb.orders();
        let call = |v: &'static str| async move {
            match kind {
                "uin" => orders.set_uin(order, v).await,
                "imei" => orders.set_imei(order, v).await,
                _ => orders.set_gtin(order, v).await,
            }
        };
        call(good).await.unwrap();
        // Each operation named as such (the coverage guard of `contract_harness` reads it).
        match kind {
            "uin" => assert_requests_match_spec(&server, UIN).await,
            "imei" => assert_requests_match_spec(&server, IMEI).await,
            _ => assert_requests_match_spec(&server, GTIN).await,
        }
        assert_eq!(sent(&server).await[0].1, json!({ kind: good }));
        assert!(is_validation(&call(bad).await.unwrap_err()), "{kind}");
        assert_eq!(sent(&server).await.len(), 1, "{kind}");
    }
}

#[tokio::test]
async fn set_expiration_sends_a_dd_mm_yyyy_date() {
    let server = put_server("expiration").await;
    let wb = client(&server);
    wb.orders()
        .set_expiration(
            OrderId(5632423),
            NaiveDate::from_ymd_opt(2030, 9, 2).unwrap(),
        )
        .await
        .unwrap();
    assert_requests_match_spec(&server, EXPIRATION).await;
    assert_eq!(
        sent(&server).await[0].1,
        json!({"expiration": "02.09.2030"})
    );
    let ex = from_examples(spec().request_schema(EXPIRATION));
    assert_eq!(
        serde_json::to_value(ExpirationRequest::new(
            parse_wb_date(ex["expiration"].as_str().unwrap()).unwrap()
        ))
        .unwrap(),
        ex
    );
}

#[test]
fn request_examples_round_trip() {
    for (op, ty) in [
        (STATUS, "status"),
        (STICKERS, "stickers"),
        (META, "meta"),
        (SGTIN, "sgtin"),
        (UIN, "uin"),
        (IMEI, "imei"),
        (GTIN, "gtin"),
    ] {
        let ex = from_examples(spec().request_schema(op));
        let back = match ty {
            "status" => serde_json::to_value(decode::<OrderStatusesRequest>(op, ty, &ex)),
            "stickers" => serde_json::to_value(decode::<StickersRequest>(op, ty, &ex)),
            "meta" => serde_json::to_value(decode::<OrdersMetaRequest>(op, ty, &ex)),
            "sgtin" => serde_json::to_value(decode::<SgtinsRequest>(op, ty, &ex)),
            "uin" => serde_json::to_value(decode::<UinRequest>(op, ty, &ex)),
            "imei" => serde_json::to_value(decode::<ImeiRequest>(op, ty, &ex)),
            _ => serde_json::to_value(decode::<GtinRequest>(op, ty, &ex)),
        }
        .unwrap();
        assert_eq!(back, ex, "{op}");
        assert!(spec().check_request(op, &back).is_empty(), "{op}");
    }
}

#[test]
fn wb_dates_and_currencies() {
    assert_eq!(
        parse_wb_date("17.05.2024"),
        NaiveDate::from_ymd_opt(2024, 5, 17)
    );
    assert_eq!(parse_wb_date("2024-05-17"), None);
    assert_eq!(currency_of(643), Currency::Rub);
    assert_eq!(currency_of(398), Currency::Kzt);
    assert_eq!(currency_of(1), Currency::Other("1".into()));
}

/// WB's 2026-08 spec types a metadata value as a string; a list of codes (seen in other
/// clients' fixtures) must not fail the whole answer in tolerant mode, and must be named in
/// strict mode.
#[test]
fn a_metadata_value_of_another_shape_keeps_the_answer() {
    let body = json!({"orders": [
        {"id": 7, "metaDetails": [
            {"key": "sgtin", "value": ["123456789012345", "223456789012345"]},
            {"key": "imei", "value": "356938035643809"}
        ]},
        {"id": 8, "metaDetails": [{"key": "uin", "value": "1234567890123456"}]}
    ]});
    let bytes = serde_json::to_vec(&body).unwrap();
    let decoded =
        market_core::transport::decode_json::<OrdersMetaResponse>("wb", "orders_meta", &bytes);
    if market_core::wire::STRICT {
        let e = decoded.unwrap_err().to_string();
        assert!(e.contains("orders[0].metaDetails[0].value"), "{e}");
    } else {
        let r = decoded.unwrap();
        assert_eq!(r.orders.len(), 2);
        let meta = r.orders[0].meta();
        assert_eq!(
            meta.sgtin.unwrap().value.unwrap(),
            ["123456789012345", "223456789012345"]
        );
        assert_eq!(meta.imei.unwrap().value.as_deref(), Some("356938035643809"));
        assert_eq!(
            r.orders[1].meta().uin.unwrap().value.as_deref(),
            Some("1234567890123456")
        );
    }
}
