//! Contract tests of the analytics section (the stock report of WB's warehouses) against WB's
//! 2026-08 spec snapshot.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common::*;
use serde_json::json;
use wb_api::models::analytics::*;
use wb_api::{ChrtId, NmId};

const REPORT: &str = "POST /api/analytics/v1/stocks-report/wb-warehouses";

#[test]
fn responses_decode_strictly() {
    assert_responses_decode::<InventoryWbEnvelope>(REPORT);
}

#[test]
fn the_maximal_request_round_trips() {
    let max = spec().maximal(spec().request_schema(REPORT));
    let request: InventoryRequest = decode(REPORT, "maximal request", &max);
    assert_eq!(serde_json::to_value(&request).unwrap(), max);
}

#[tokio::test]
async fn a_page_is_asked_for_as_the_spec_says_and_read() {
    // The 2026-08 spec gives no example of this answer: a maximal instance stands for it.
    assert!(spec().response_example(REPORT).is_none());
    let example = spec().maximal(spec().response_schema(REPORT));
    let server = serve(REPORT, example.clone()).await;
    let rows = client(&server)
        .analytics()
        .wb_warehouses_stocks(&InventoryRequest {
            nm_ids: vec![NmId(123456789)],
            chrt_ids: vec![ChrtId(987654321)],
            limit: Some(100),
            offset: Some(0),
        })
        .await
        .unwrap();
    assert_requests_match_spec(&server, REPORT).await;
    let (_, body) = &sent(&server).await[0];
    assert_eq!(
        body,
        &json!({"nmIds": [123456789], "chrtIds": [987654321], "limit": 100, "offset": 0})
    );
    let items = example["data"]["items"].as_array().unwrap();
    assert_eq!(rows.len(), items.len());
    assert_eq!(rows[0].nm_id.0, items[0]["nmId"].as_i64().unwrap());
    assert_eq!(rows[0].quantity, items[0]["quantity"].as_i64().unwrap());
}
