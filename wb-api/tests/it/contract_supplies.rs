//! Contract tests of the supplies section (FBS) against the WB spec snapshot.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;

use crate::common::*;
use chrono::{DateTime, Utc};
use futures::TryStreamExt;
use market_core::{Error, RejectionStage};
use serde_json::{Map, Value, json};
use wb_api::api::supplies::{SUPPLY_ADD_ORDERS_MAX, SUPPLY_NAME_MAX};
use wb_api::ids::OfficeId;
use wb_api::models::common::{CargoType, StickerType};
use wb_api::models::supplies::*;
use wb_api::{OrderId, SupplyId};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request as WireRequest, Respond, ResponseTemplate};

const CREATE: &str = "POST /api/v3/supplies";
const LIST: &str = "GET /api/v3/supplies";
const ADD: &str = "PATCH /api/marketplace/v3/supplies/{supplyId}/orders";
const GET: &str = "GET /api/v3/supplies/{supplyId}";
const DELETE: &str = "DELETE /api/v3/supplies/{supplyId}";
const ORDER_IDS: &str = "GET /api/marketplace/v3/supplies/{supplyId}/order-ids";
const DELIVER: &str = "PATCH /api/v3/supplies/{supplyId}/deliver";
const BARCODE: &str = "GET /api/v3/supplies/{supplyId}/barcode";

const SUPPLY: &str = "WB-GI-1234567";

/// An instance of a schema built from the spec's per-property examples (see
/// `contract_orders.rs`).
fn from_examples(schema: &Value) -> Value {
    let (s, _) = spec().resolve(schema);
    if let Some(e) = s.as_object().and_then(|o| o.get("example")) {
        return e.clone();
    }
    if let Some(props) = s.get("properties").and_then(Value::as_object) {
        let mut obj = Map::new();
        for (k, v) in props {
            let built = from_examples(v);
            if !built.is_null() {
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

async fn serve_status(m: &str, p: &str, status: u16, body: Option<Value>) -> MockServer {
    let server = MockServer::start().await;
    let mut t = ResponseTemplate::new(status);
    if let Some(b) = body {
        t = t.set_body_json(b);
    }
    Mock::given(method(m))
        .and(path(p))
        .respond_with(t)
        .mount(&server)
        .await;
    server
}

fn is_validation(e: &Error) -> bool {
    matches!(e, Error::Validation { .. })
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

fn supply_id() -> SupplyId {
    SupplyId::new(SUPPLY)
}

#[test]
fn responses_decode_strictly() {
    assert_responses_decode::<CreateSupplyResponse>(CREATE);
    assert_responses_decode::<SuppliesResponse>(LIST);
    assert_responses_decode::<Supply>(GET);
    assert_responses_decode::<SupplyOrderIds>(ORDER_IDS);
    assert_responses_decode::<SupplyBarcodeResponse>(BARCODE);
    let _: SuppliesResponse = decode(
        LIST,
        "examples",
        &from_examples(spec().response_schema(LIST)),
    );
    let _: SupplyBarcodeResponse = decode(
        BARCODE,
        "examples",
        &from_examples(spec().response_schema(BARCODE)),
    );
    // A supply not yet closed nor scanned has nulls.
    let open: Supply = decode(
        GET,
        "open supply",
        &json!({"id": SUPPLY, "done": false, "createdAt": "2026-01-01T10:00:00Z",
                "closedAt": null, "scanDt": null, "destinationOfficeId": null,
                "cargoType": 0, "name": "x"}),
    );
    assert_eq!(open.closed_at, None);
    assert_eq!(open.destination_office_id, None);
    assert_eq!(open.cargo_type, CargoType::Unset);
}

#[test]
fn operations_without_a_body_answer_204_in_the_spec() {
    for op in [ADD, DELETE, DELIVER] {
        let r = &spec().operation(op)["responses"];
        assert!(r["204"].is_object(), "{op}: {r}");
        assert!(r["200"].is_null(), "{op}");
        assert!(spec().response(op, "204")["content"].is_null(), "{op}");
    }
    assert!(spec().operation(CREATE)["responses"]["201"].is_object());
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
    let cargo = inline_enum(&spec().schema("Supply")["properties"]["cargoType"]);
    let known: BTreeSet<String> = CargoType::KNOWN.iter().map(|c| c.to_string()).collect();
    assert_eq!(cargo, known, "Supply.cargoType");
    let params = spec().parameters(BARCODE);
    let ty = params.iter().find(|p| p["name"] == "type").unwrap();
    assert_enum(
        StickerType::KNOWN,
        inline_enum(&ty["schema"]),
        "barcode type",
    );
}

#[tokio::test]
async fn create_posts_the_name_and_returns_the_id() {
    let server = serve_status(
        "POST",
        "/api/v3/supplies",
        201,
        Some(json!({"id": "WB-GI-7654321"})),
    )
    .await;
    let wb = client(&server);
    let id = wb.supplies().create("Тестовая поставка").await.unwrap();
    assert_eq!(id, SupplyId::new("WB-GI-7654321"));
    assert_requests_match_spec(&server, CREATE).await;
    assert_eq!(
        sent(&server).await[0].1,
        json!({"name": "Тестовая поставка"})
    );
    let max = spec().request_schema(CREATE)["properties"]["name"]["maxLength"]
        .as_u64()
        .unwrap() as usize;
    assert_eq!(max, SUPPLY_NAME_MAX);
    // 128 Cyrillic letters are 128 characters (256 bytes): fine.
    wb.supplies().create(&"я".repeat(max)).await.unwrap();
    for bad in [String::new(), "   ".into(), "я".repeat(max + 1)] {
        let e = wb.supplies().create(&bad).await.unwrap_err();
        assert!(is_validation(&e), "{e}");
    }
    assert_eq!(sent(&server).await.len(), 2);
}

#[tokio::test]
async fn create_is_not_repeated_after_a_server_error_but_reads_are() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(500))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .respond_with(ResponseTemplate::new(500))
        .mount(&server)
        .await;
    let wb = client(&server);
    assert!(wb.supplies().create("a").await.is_err());
    assert_eq!(sent(&server).await.len(), 1, "a supply is created once");
    assert!(wb.supplies().get(&supply_id()).await.is_err());
    assert_eq!(sent(&server).await.len(), 3, "a read is retried");
}

#[tokio::test]
async fn list_reads_a_page() {
    let body = from_examples(spec().response_schema(LIST));
    let server = serve(LIST, body).await;
    let page = client(&server).supplies().list(1000, 0).await.unwrap();
    assert_requests_match_spec(&server, LIST).await;
    let (r, _) = &sent(&server).await[0];
    assert_eq!(query_of(r, "limit").as_deref(), Some("1000"));
    assert_eq!(query_of(r, "next").as_deref(), Some("0"));
    assert_eq!(page.next, 13833711);
    let s = &page.supplies[0];
    assert_eq!(s.id, supply_id());
    assert_eq!(s.name, "My test supply");
    assert_eq!(s.created_at, t("2022-05-04T07:56:29Z"));
    assert_eq!(s.cross_border_type, Some(1));
    assert!(s.is_pickup_point_shipment_allowed);
    assert_eq!(s.recommended_wh_id, Some(123569));
    assert_eq!(s.closed_at, Some(t("2022-05-04T07:56:29Z")));
    assert_eq!(s.scan_dt, Some(t("2022-05-04T07:56:29Z")));
    assert_eq!(s.destination_office_id, Some(OfficeId(123)));
    assert_eq!(s.cargo_type, CargoType::Unset);
}

#[tokio::test]
async fn list_rejects_bad_limits_before_sending() {
    let server = serve(LIST, json!({"next": 0, "supplies": []})).await;
    let wb = client(&server);
    for (limit, next) in [(0, 0), (1001, 0), (10, -1)] {
        let e = wb.supplies().list(limit, next).await.unwrap_err();
        assert!(is_validation(&e), "{e}");
    }
    assert!(sent(&server).await.is_empty());
}

fn supply_json(n: i64) -> Value {
    json!({
        "id": format!("WB-GI-{n}"),
        "name": format!("supply {n}"),
        "done": n % 2 == 0,
        "createdAt": "2026-01-02T03:04:05Z",
        "closedAt": null,
        "scanDt": null,
        "cargoType": 1,
        "destinationOfficeId": null,
    })
}

/// Pages of supplies by `next`: 0 -> 1..=1000 (next 1000), 1000 -> 1001..=2000, then `tail`,
/// then empty pages.
struct SupplyPages {
    tail: i64,
}

impl Respond for SupplyPages {
    fn respond(&self, r: &WireRequest) -> ResponseTemplate {
        let next: i64 = query_of(r, "next").unwrap().parse().unwrap();
        let limit: i64 = query_of(r, "limit").unwrap().parse().unwrap();
        let count = match next {
            n if n < 2000 => limit,
            2000 => self.tail,
            _ => 0,
        };
        let supplies: Vec<Value> = (next + 1..=next + count).map(supply_json).collect();
        ResponseTemplate::new(200)
            .set_body_json(json!({"next": next + count, "supplies": supplies}))
    }
}

#[tokio::test]
async fn list_stream_pages_by_next_to_the_end() {
    // The stream passes `next` back until a page is empty or `next` is 0.
    for (tail, cursors) in [
        (3i64, &["0", "1000", "2000", "2003"][..]),
        (0, &["0", "1000", "2000"][..]),
    ] {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path("/api/v3/supplies"))
            .respond_with(SupplyPages { tail })
            .mount(&server)
            .await;
        let all: Vec<Supply> = client(&server)
            .supplies()
            .list_stream()
            .try_collect()
            .await
            .unwrap();
        assert_eq!(all.len() as i64, 2000 + tail);
        assert_eq!(all[0].id, SupplyId::new("WB-GI-1"));
        assert_eq!(
            all.last().unwrap().id,
            SupplyId::new(format!("WB-GI-{}", 2000 + tail))
        );
        assert_eq!(all[0].cargo_type, CargoType::Small);
        let got = sent(&server).await;
        let sent_cursors: Vec<String> = got
            .iter()
            .map(|(r, _)| query_of(r, "next").unwrap())
            .collect();
        assert_eq!(sent_cursors, cursors, "tail {tail}");
        assert_requests_match_spec(&server, LIST).await;
    }
}

/// Answers add-orders with 204, or WB's 409 when the chunk carries order 150.
struct AddOrders;

impl Respond for AddOrders {
    fn respond(&self, r: &WireRequest) -> ResponseTemplate {
        let body: Value = serde_json::from_slice(&r.body).unwrap();
        if body["orders"].as_array().unwrap().contains(&json!(150)) {
            ResponseTemplate::new(409).set_body_json(json!({
                "code": "FailedToAddSupplyOrder",
                "message": "Не удалось закрепить сборочное задание за поставкой"
            }))
        } else {
            ResponseTemplate::new(204)
        }
    }
}

#[tokio::test]
async fn add_orders_splits_at_100_and_reports_per_order() {
    assert_eq!(
        spec().request_schema(ADD)["properties"]["orders"]["maxItems"],
        json!(SUPPLY_ADD_ORDERS_MAX)
    );
    let server = MockServer::start().await;
    Mock::given(method("PATCH"))
        .and(path(format!(
            "/api/marketplace/v3/supplies/{SUPPLY}/orders"
        )))
        .respond_with(AddOrders)
        .mount(&server)
        .await;
    let wb = client(&server);
    let mut ids: Vec<OrderId> = (1..=250).map(OrderId).collect();
    ids.push(OrderId(0));
    let report = wb.supplies().add_orders(&supply_id(), ids).await.unwrap();
    assert_requests_match_spec(&server, ADD).await;
    let sizes: Vec<usize> = sent(&server)
        .await
        .iter()
        .map(|(_, b)| b["orders"].as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, [100, 100, 50]);
    assert_eq!(report.len(), 251);
    assert_eq!(report.accepted.len(), 150);
    assert!(report.accepted.contains(&OrderId(1)));
    assert!(report.accepted.contains(&OrderId(250)));
    let zero = report
        .rejected
        .iter()
        .find(|r| r.key == OrderId(0))
        .unwrap();
    assert_eq!(zero.stage, RejectionStage::Validation);
    let r150 = report
        .rejected
        .iter()
        .find(|r| r.key == OrderId(150))
        .unwrap();
    assert_eq!(r150.stage, RejectionStage::Request);
    assert!(
        r150.code.as_deref() == Some("FailedToAddSupplyOrder"),
        "{r150:?}"
    );
    assert_eq!(
        report
            .rejected
            .iter()
            .filter(|r| r.stage == RejectionStage::Request)
            .count(),
        100
    );

    for (id, ids) in [
        (supply_id(), vec![]),
        (SupplyId::new(" "), vec![OrderId(1)]),
    ] {
        let e = wb.supplies().add_orders(&id, ids).await.unwrap_err();
        assert!(is_validation(&e), "{e}");
    }
    assert_eq!(sent(&server).await.len(), 3);
}

#[tokio::test]
async fn get_reads_a_supply() {
    let body = from_examples(spec().response_schema(GET));
    let server = serve(&format!("GET /api/v3/supplies/{SUPPLY}"), body).await;
    let s = client(&server).supplies().get(&supply_id()).await.unwrap();
    assert_requests_match_spec(&server, GET).await;
    assert_eq!(s.id, supply_id());
    assert_eq!(s.created_at, t("2022-05-04T07:56:29Z"));
    assert!(!s.done);
    assert_eq!(s.cross_border_type, Some(1));
    assert!(s.is_pickup_point_shipment_allowed);
    assert_eq!(s.recommended_wh_id, Some(123569));
}

#[tokio::test]
async fn delete_deletes_the_supply() {
    let server = serve_status("DELETE", &format!("/api/v3/supplies/{SUPPLY}"), 204, None).await;
    let wb = client(&server);
    wb.supplies().delete(&supply_id()).await.unwrap();
    assert_requests_match_spec(&server, DELETE).await;
    assert!(is_validation(
        &wb.supplies().delete(&SupplyId::new("")).await.unwrap_err()
    ));
    assert_eq!(sent(&server).await.len(), 1);
}

#[tokio::test]
async fn delete_surfaces_a_supply_with_orders() {
    let server = serve_status(
        "DELETE",
        &format!("/api/v3/supplies/{SUPPLY}"),
        409,
        Some(json!({"code": "SupplyHasOrders", "message": "..."})),
    )
    .await;
    let e = client(&server)
        .supplies()
        .delete(&supply_id())
        .await
        .unwrap_err();
    let Error::Api(api) = e else { panic!("{e}") };
    assert_eq!(api.code.as_deref(), Some("SupplyHasOrders"));
}

#[tokio::test]
async fn order_ids_reads_the_supplys_orders() {
    let body = from_examples(spec().response_schema(ORDER_IDS));
    let server = serve(
        &format!("GET /api/marketplace/v3/supplies/{SUPPLY}/order-ids"),
        body,
    )
    .await;
    let ids = client(&server)
        .supplies()
        .order_ids(&supply_id())
        .await
        .unwrap();
    assert_requests_match_spec(&server, ORDER_IDS).await;
    assert_eq!(ids, [132334, 203984, 403543, 598349].map(OrderId).to_vec());
}

#[tokio::test]
async fn deliver_patches_the_supply() {
    let server = serve_status(
        "PATCH",
        &format!("/api/v3/supplies/{SUPPLY}/deliver"),
        204,
        None,
    )
    .await;
    client(&server)
        .supplies()
        .deliver(&supply_id())
        .await
        .unwrap();
    assert_requests_match_spec(&server, DELIVER).await;
}

#[tokio::test]
async fn barcode_decodes_the_file_in_the_format_asked() {
    let body = from_examples(spec().response_schema(BARCODE));
    assert_eq!(body["file"], json!("U3dhZ2dlciByb2Nrcw=="));
    let server = serve(&format!("GET /api/v3/supplies/{SUPPLY}/barcode"), body).await;
    let wb = client(&server);
    let b = wb
        .supplies()
        .barcode(&supply_id(), StickerType::Zplv)
        .await
        .unwrap();
    assert_requests_match_spec(&server, BARCODE).await;
    let (r, _) = &sent(&server).await[0];
    assert_eq!(query_of(r, "type").as_deref(), Some("zplv"));
    assert_eq!(b.format, StickerType::Zplv);
    assert_eq!(b.barcode, "WB-GI-12345678");
    assert_eq!(b.bytes, b"Swagger rocks");
    let e = wb
        .supplies()
        .barcode(&supply_id(), StickerType::Unknown("pdf".into()))
        .await
        .unwrap_err();
    assert!(is_validation(&e));
    assert_eq!(sent(&server).await.len(), 1);
}

#[tokio::test]
async fn a_barcode_that_is_not_base64_is_a_decode_error() {
    let server = serve(
        &format!("GET /api/v3/supplies/{SUPPLY}/barcode"),
        json!({"barcode": "x", "file": "%%%"}),
    )
    .await;
    let e = client(&server)
        .supplies()
        .barcode(&supply_id(), StickerType::Png)
        .await
        .unwrap_err();
    let Error::Decode { path, .. } = &e else {
        panic!("{e}")
    };
    assert_eq!(path, "file");
}
