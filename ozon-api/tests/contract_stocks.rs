//! Contract tests of the stocks section against the Ozon spec snapshot.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;
use futures::TryStreamExt;
use market_core::RejectionStage;
use ozon_api::models::stocks::*;
use ozon_api::{Sku, WarehouseId};
use serde_json::{Value, json};
use wiremock::{Mock, MockServer, Request as WireRequest, Respond, ResponseTemplate};

#[test]
fn responses_decode_strictly() {
    assert_responses_decode::<ProductsStocksResponse>("/v2/products/stocks");
    assert_responses_decode::<GetProductInfoStocksResponse>("/v4/product/info/stocks");
    assert_responses_decode::<GetProductInfoStocksByWarehouseFbsResponse>(
        "/v1/product/info/stocks-by-warehouse/fbs",
    );
    assert_responses_decode::<StockOnWarehouseResponse>("/v2/analytics/stock_on_warehouses");
}

#[test]
fn enums_match_the_spec() {
    let s = spec();
    assert_enum(
        Visibility::KNOWN,
        s.enum_values("v4Visibility"),
        "v4Visibility",
    );
    assert_enum(
        StockShipmentType::KNOWN,
        s.enum_values("StockShipmentType"),
        "StockShipmentType",
    );
    assert_enum(
        StockWarehouseType::KNOWN,
        s.enum_values("AnalyticsGetStockOnWarehousesRequestWarehouseType"),
        "warehouse type",
    );
}

#[test]
fn the_vendor_request_example_round_trips() {
    let ex = spec().request_example("/v2/products/stocks").unwrap();
    let req: ProductsStocksRequest = decode("/v2/products/stocks", "request example", &ex);
    assert_eq!(serde_json::to_value(&req).unwrap(), ex);
}

/// Answers a stock update per item: offers starting with "BAD" get Ozon's error, the rest are
/// updated.
struct StockUpdates;

impl Respond for StockUpdates {
    fn respond(&self, request: &WireRequest) -> ResponseTemplate {
        let body: Value = serde_json::from_slice(&request.body).unwrap();
        let result: Vec<Value> = body["stocks"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| {
                let offer = s["offer_id"].as_str().unwrap_or_default();
                let bad = offer.starts_with("BAD");
                json!({
                    "offer_id": offer,
                    "product_id": s.get("product_id").cloned().unwrap_or(json!(777)),
                    "warehouse_id": s["warehouse_id"],
                    "updated": !bad,
                    "errors": if bad { json!([{"code": "TOO_MANY_REQUESTS", "message": "wait 30 s"}]) } else { json!([]) },
                })
            })
            .collect();
        ResponseTemplate::new(200).set_body_json(json!({ "result": result }))
    }
}

#[tokio::test]
async fn stock_update_splits_at_100_validates_and_merges_per_item_errors() {
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::path("/v2/products/stocks"))
        .respond_with(StockUpdates)
        .mount(&server)
        .await;
    let ozon = client(&server);
    let mut items: Vec<_> = (0..250)
        .map(|i| ProductsStocksRequestStock::by_offer(format!("OFFER-{i}"), 22142605386000, i))
        .collect();
    items.push(ProductsStocksRequestStock::by_offer(
        "BAD-1",
        22142605386000,
        5,
    ));
    items.push(ProductsStocksRequestStock::by_offer(
        "NEG",
        22142605386000,
        -1,
    ));
    items.push(ProductsStocksRequestStock {
        offer_id: None,
        product_id: None,
        stock: 1,
        warehouse_id: WarehouseId(1),
    });
    items.push(ProductsStocksRequestStock::by_offer("NOWH", 0, 1));
    items.push(ProductsStocksRequestStock::by_product(
        313455276,
        22142605386000,
        3,
    ));
    let report = ozon.stocks().update(items).await.unwrap();

    let requests = sent(&server).await;
    let sizes: Vec<usize> = requests
        .iter()
        .map(|(_, b)| b["stocks"].as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, [100, 100, 52]);
    assert_requests_match_spec(&server, "/v2/products/stocks").await;

    assert_eq!(report.len(), 255);
    assert_eq!(report.accepted.len(), 251);
    let rejected: Vec<(String, RejectionStage, Option<String>)> = report
        .rejected
        .iter()
        .map(|r| (r.key.to_string(), r.stage, r.code.clone()))
        .collect();
    assert!(rejected.contains(&(
        "offer NEG at warehouse 22142605386000".into(),
        RejectionStage::Validation,
        Some("validation".into())
    )));
    assert!(rejected.contains(&(
        "unidentified product at warehouse 1".into(),
        RejectionStage::Validation,
        Some("validation".into())
    )));
    assert!(rejected.contains(&(
        "offer NOWH at warehouse 0".into(),
        RejectionStage::Validation,
        Some("validation".into())
    )));
    assert!(rejected.contains(&(
        "offer BAD-1 at warehouse 22142605386000".into(),
        RejectionStage::Vendor,
        Some("TOO_MANY_REQUESTS".into())
    )));
    let bad = report
        .rejected
        .iter()
        .find(|r| r.key.offer_id.as_deref() == Some("BAD-1"))
        .unwrap();
    assert_eq!(bad.message, "TOO_MANY_REQUESTS: wait 30 s");
    // The item sent by product id is matched back by product id.
    assert!(
        report
            .accepted
            .iter()
            .any(|k| k.product_id == Some(ozon_api::ProductId(313455276)))
    );
}

#[tokio::test]
async fn stock_info_pages_by_cursor_to_the_end() {
    let server = MockServer::start().await;
    let item = |o: &str| json!({"offer_id": o, "product_id": 1, "stocks": [{"present": 5, "reserved": 1, "sku": 9, "type": "fbs", "warehouse_ids": ["22"], "shipment_type": "SHIPMENT_TYPE_GENERAL"}]});
    Mock::given(wiremock::matchers::body_partial_json(
        json!({"limit": 1000, "filter": {"visibility": "ALL"}}),
    ))
    .and(wiremock::matchers::body_string_contains(
        "\"cursor\":\"c2\"",
    ))
    .respond_with(
        ResponseTemplate::new(200)
            .set_body_json(json!({"cursor": "", "items": [item("C")], "total": 3})),
    )
    .mount(&server)
    .await;
    Mock::given(wiremock::matchers::path("/v4/product/info/stocks"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(
                json!({"cursor": "c2", "items": [item("A"), item("B")], "total": 3}),
            ),
        )
        .mount(&server)
        .await;
    let ozon = client(&server);
    let filter = GetProductInfoStocksRequestFilter {
        visibility: Some(Visibility::All),
        ..Default::default()
    };
    let items: Vec<_> = ozon
        .stocks()
        .info_stream(filter)
        .try_collect()
        .await
        .unwrap();
    let offers: Vec<&str> = items.iter().map(|i| i.offer_id.as_str()).collect();
    assert_eq!(offers, ["A", "B", "C"]);
    assert_eq!(items[0].stocks[0].warehouse_ids, [WarehouseId(22)]);
    assert_eq!(sent(&server).await.len(), 2);
    assert_requests_match_spec(&server, "/v4/product/info/stocks").await;
}

#[tokio::test]
async fn stocks_by_warehouse_sends_skus_as_strings_in_chunks_of_500() {
    let server = serve(
        "/v1/product/info/stocks-by-warehouse/fbs",
        json!({"result": [{"sku": 1, "present": 3, "reserved": 1, "product_id": 2, "warehouse_id": 3, "warehouse_name": "Main"}]}),
    )
    .await;
    let ozon = client(&server);
    let rows = ozon
        .stocks()
        .by_warehouse_fbs((1..=501).map(Sku).collect())
        .await
        .unwrap();
    assert_eq!(rows.len(), 2, "one row per chunk's answer");
    let requests = sent(&server).await;
    assert_eq!(requests[0].1["sku"].as_array().unwrap().len(), 500);
    assert_eq!(requests[0].1["sku"][0], "1");
    assert_requests_match_spec(&server, "/v1/product/info/stocks-by-warehouse/fbs").await;
}

#[tokio::test]
async fn fbo_stocks_page_by_offset() {
    let server = MockServer::start().await;
    let rows = |n: usize| {
        (0..n)
            .map(|i| json!({"sku": i, "item_code": format!("A{i}"), "free_to_sell_amount": 1}))
            .collect::<Vec<_>>()
    };
    Mock::given(wiremock::matchers::body_partial_json(
        json!({"offset": 1000}),
    ))
    .respond_with(ResponseTemplate::new(200).set_body_json(json!({"result": {"rows": rows(3)}})))
    .mount(&server)
    .await;
    Mock::given(wiremock::matchers::body_partial_json(json!({"offset": 0})))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"result": {"rows": rows(1000)}})),
        )
        .mount(&server)
        .await;
    let ozon = client(&server);
    let all: Vec<_> = ozon
        .stocks()
        .on_warehouses_stream(Some(StockWarehouseType::All))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 1003);
    assert_requests_match_spec(&server, "/v2/analytics/stock_on_warehouses").await;
}

#[tokio::test]
async fn a_bad_limit_is_rejected_before_sending() {
    let server = MockServer::start().await;
    let ozon = client(&server);
    let err = ozon
        .stocks()
        .info(&GetProductInfoStocksRequest {
            limit: 5000,
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert!(matches!(err, market_core::Error::Validation { .. }));
    assert!(sent(&server).await.is_empty());
}
