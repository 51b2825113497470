//! Contract tests of the stocks section against the Ozon spec snapshot.

use crate::common::*;
use futures::TryStreamExt;
use market_core::RejectionStage;
use ozon_api::models::stocks::*;
use ozon_api::{Sku, WarehouseId};
use serde_json::{Value, json};
use wiremock::{Mock, MockServer, Request as WireRequest, Respond, ResponseTemplate};

#[test]
fn responses_decode_strictly() {
    assert_responses_decode::<ProductsStocksResponse>("/v2/products/stocks");
    assert_responses_decode::<StocksInfoResponse>("/v4/product/info/stocks");
    assert_responses_decode::<StocksByWarehouseResponse>(
        "/v2/product/info/stocks-by-warehouse/fbs",
    );
    assert_responses_decode::<AnalyticsStocksResponse>("/v1/analytics/stocks");
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
    // TOO_MANY_REQUESTS inside the 200 is not a rejection: the pair is deferred for 30 s.
    assert!(rejected.contains(&(
        "offer BAD-1 at warehouse 22142605386000".into(),
        RejectionStage::RetryLater,
        Some("TOO_MANY_REQUESTS".into())
    )));
    let later: Vec<_> = report.retry_later().collect();
    assert_eq!(later.len(), 1);
    assert_eq!(
        later[0].retry_after,
        Some(std::time::Duration::from_secs(30))
    );
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
    let filter = StocksInfoFilter {
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
async fn stocks_by_warehouse_sends_skus_as_strings_in_chunks_of_1000_and_follows_the_cursor() {
    let server = MockServer::start().await;
    let row = |sku: i64| json!({"sku": sku, "offer_id": "A", "present": 3, "reserved": 1, "free_stock": 2, "product_id": 2, "warehouse_id": 3, "warehouse_name": "Main"});
    Mock::given(wiremock::matchers::body_partial_json(
        json!({"cursor": "p2"}),
    ))
    .respond_with(
        ResponseTemplate::new(200)
            .set_body_json(json!({"cursor": "", "has_next": false, "products": [row(2)]})),
    )
    .with_priority(1)
    .mount(&server)
    .await;
    Mock::given(wiremock::matchers::path(
        "/v2/product/info/stocks-by-warehouse/fbs",
    ))
    .respond_with(
        ResponseTemplate::new(200)
            .set_body_json(json!({"cursor": "p2", "has_next": true, "products": [row(1)]})),
    )
    .with_priority(2)
    .mount(&server)
    .await;
    let ozon = client(&server);
    let rows = ozon
        .stocks()
        .by_warehouse_fbs((1..=1001).map(Sku).collect())
        .await
        .unwrap();
    assert_eq!(rows.len(), 4, "two pages for each of the two chunks");
    assert_eq!(rows[0].free_stock, 2);
    let requests = sent(&server).await;
    assert_eq!(requests.len(), 4);
    assert_eq!(requests[0].1["sku"].as_array().unwrap().len(), 1000);
    assert_eq!(requests[0].1["sku"][0], "1");
    assert_eq!(requests[0].1["limit"], 1000);
    assert_eq!(requests[1].1["cursor"], "p2");
    assert_eq!(requests[2].1["sku"].as_array().unwrap().len(), 1);
    assert_requests_match_spec(&server, "/v2/product/info/stocks-by-warehouse/fbs").await;
}

#[tokio::test]
async fn fbo_stocks_come_from_the_analytics_successor_in_chunks_of_100() {
    let server = serve(
        "/v1/analytics/stocks",
        json!({"items": [{"sku": 7, "offer_id": "A7", "available_stock_count": 4, "warehouse_id": 15431806189000i64, "warehouse_name": "Хоругвино", "turnover_grade": "POPULAR"}]}),
    )
    .await;
    let ozon = client(&server);
    let rows = ozon
        .stocks()
        .on_ozon_warehouses((1..=101).map(Sku).collect())
        .await
        .unwrap();
    assert_eq!(rows.len(), 2, "one row per chunk's answer");
    assert_eq!(rows[0].available_stock_count, 4);
    let requests = sent(&server).await;
    assert_eq!(requests[0].1["skus"].as_array().unwrap().len(), 100);
    assert_eq!(requests[1].1["skus"], json!(["101"]));
    assert_requests_match_spec(&server, "/v1/analytics/stocks").await;
}

#[tokio::test]
async fn a_200_without_the_rows_is_an_error() {
    let server = serve(
        "/v2/product/info/stocks-by-warehouse/fbs",
        json!({"cursor": "", "has_next": false}),
    )
    .await;
    let ozon = client(&server);
    let err = ozon
        .stocks()
        .by_warehouse_fbs(vec![Sku(1)])
        .await
        .unwrap_err();
    assert!(matches!(err, market_core::Error::Decode { .. }), "{err}");
}

#[tokio::test]
async fn a_bad_limit_is_rejected_before_sending() {
    let server = MockServer::start().await;
    let ozon = client(&server);
    let err = ozon
        .stocks()
        .info(&StocksInfoRequest {
            limit: 5000,
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert!(matches!(err, market_core::Error::Validation { .. }));
    assert!(sent(&server).await.is_empty());
}
