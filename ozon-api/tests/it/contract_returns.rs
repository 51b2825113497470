//! Contract tests of the returns section against the Ozon spec snapshot.

use crate::common::*;
use chrono::{DateTime, TimeZone, Utc};
use futures::TryStreamExt;
use market_core::Error;
use ozon_api::models::returns::*;
use ozon_api::{PostingNumber, Sku, WarehouseId};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use wiremock::{Mock, MockServer, ResponseTemplate};

const P: &str = "/v1/returns/list";

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn at(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

#[test]
fn responses_decode_strictly() {
    assert_responses_decode::<ReturnsListResponse>(P);
}

#[test]
fn the_vendor_example_decodes_with_exact_money_times_and_ids() {
    let ex = spec().response_example(P).unwrap();
    let r: ReturnsListResponse = decode(P, "vendor example", &ex);
    assert!(!r.has_next);
    let item = &r.returns[0];
    assert_eq!(item.id, 1000015552);
    assert_eq!(item.company_id, 3058);
    assert_eq!(item.order_id, 24540784250);
    assert_eq!(item.clearing_id, 21190893156000);
    assert_eq!(item.return_clearing_id, None);
    let compensation = item.compensation_status.as_ref().unwrap();
    assert_eq!(
        compensation.change_moment,
        Some(at("2025-11-06T16:06:56.639Z"))
    );
    let cs = compensation.status.as_ref().unwrap();
    assert_eq!((cs.id, cs.sys_name.as_str()), (2, "Received"));
    assert_eq!(item.exemplars[0].id, 1019562967545956);
    assert_eq!(item.posting_number, PostingNumber::new("58544282-0057-1"));
    assert_eq!(item.kind, Some(ReturnType::FullReturn));
    assert_eq!(item.scheme(), Some(ReturnSchema::Fbs));
    let place = item.place.as_ref().unwrap();
    assert_eq!(place.id, WarehouseId(23869688194000));
    let product = item.product.as_ref().unwrap();
    assert_eq!(product.sku, Sku(1100526203));
    assert_eq!(product.price.as_ref().unwrap().price, dec("3318"));
    assert_eq!(product.commission.as_ref().unwrap().price, dec("2312"));
    assert_eq!(product.commission_percent, Some(dec("1.2")));
    let storage = item.storage.as_ref().unwrap();
    assert_eq!(storage.sum.as_ref().unwrap().price, dec("1231"));
    assert_eq!(storage.days, 0);
    assert_eq!(
        storage.arrived_moment,
        Some(at("2024-07-29T06:15:48.998146Z"))
    );
    assert_eq!(
        storage.utilization_forecast(),
        Some(at("2024-07-29T06:15:48.998146Z"))
    );
    let visual = item.visual.as_ref().unwrap();
    let status = visual.status.as_ref().unwrap();
    assert_eq!(
        status.sys_name,
        Some(ReturnVisualStatus::ArrivedAtReturnPlace)
    );
    assert_eq!(status.id, 3);
    assert!(item.additional_info.as_ref().unwrap().is_opened);
    assert_eq!(
        item.logistic.as_ref().unwrap().return_date,
        Some(at("2024-07-29T06:15:48.998146Z"))
    );
}

#[test]
fn statuses_and_types_from_prose_keep_unknown_values_even_when_strict() {
    let r: ReturnItem = decode(
        P,
        "a return",
        &json!({"type": "Unknown", "visual": {"status": {"sys_name": "Teleported"}}, "schema": "FBO"}),
    );
    assert_eq!(r.kind, Some(ReturnType::Technical));
    assert_eq!(
        r.visual.clone().unwrap().status.unwrap().sys_name,
        Some(ReturnVisualStatus::Unknown("Teleported".into()))
    );
    assert_eq!(r.scheme(), Some(ReturnSchema::Fbo));
    let r: ReturnItem = decode(
        P,
        "a return",
        &json!({"type": "Exchange", "schema": "rFBS"}),
    );
    assert_eq!(r.kind, Some(ReturnType::Unknown("Exchange".into())));
    assert_eq!(r.scheme(), None);
}

#[test]
fn the_vendor_request_example_decodes_and_is_sent_back_as_the_schema_types_it() {
    let ex = spec().request_example(P).unwrap();
    let req: ReturnsListRequest = decode(P, "request example", &ex);
    let filter = req.filter.as_ref().unwrap();
    // The example sends the int64 filters as strings; the schema types them as integers.
    assert_eq!(filter.order_id, Some(7000123456));
    assert_eq!(filter.warehouse_id, Some(WarehouseId(3000007863)));
    assert_eq!(filter.return_schema, Some(ReturnSchema::Fbs));
    assert_eq!(
        filter.visual_status_name,
        Some(ReturnVisualStatus::ArrivedAtReturnPlace)
    );
    assert_eq!(filter.posting_numbers.len(), 2);
    assert_eq!(
        filter.logistic_return_date.as_ref().unwrap().time_from,
        Some(at("2026-02-01T00:00:00Z"))
    );
    let back = serde_json::to_value(&req).unwrap();
    assert_eq!(back["filter"]["warehouse_id"], 3000007863i64);
    assert_eq!(back["filter"]["order_id"], 7000123456i64);
    assert_eq!(
        back["filter"]["logistic_return_date"]["time_from"],
        "2026-02-01T00:00:00Z"
    );
    // The filter the 2026-06 spec added is sent as the integer it types.
    let mut with_compensation = req.clone();
    with_compensation
        .filter
        .as_mut()
        .unwrap()
        .compensation_status_id = Some(2);
    let body = serde_json::to_value(&with_compensation).unwrap();
    assert_eq!(body["filter"]["compensation_status_id"], 2);
    assert!(spec().check_request(P, &body).is_empty());
    let problems = spec().check_request(P, &back);
    assert!(problems.is_empty(), "{problems:#?}");
}

fn returns(ids: std::ops::RangeInclusive<i64>) -> Vec<Value> {
    ids.map(|id| {
        json!({
            "id": id.to_string(),
            "company_id": "3058",
            "schema": "Fbs",
            "type": "ClientReturn",
            "posting_number": format!("58544282-0057-{id}"),
            "product": {"sku": "1100526203", "offer_id": "81451", "quantity": 1,
                        "price": {"currency_code": "RUB", "price": 3318.5}},
            "return_clearing_id": null
        })
    })
    .collect()
}

#[tokio::test]
async fn returns_page_by_last_id_to_the_end() {
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::body_partial_json(
        json!({"last_id": 500}),
    ))
    .respond_with(
        ResponseTemplate::new(200)
            .set_body_json(json!({"has_next": false, "returns": returns(501..=502)})),
    )
    .mount(&server)
    .await;
    Mock::given(wiremock::matchers::body_partial_json(json!({"last_id": 0})))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"has_next": true, "returns": returns(1..=500)})),
        )
        .mount(&server)
        .await;
    let ozon = client(&server);
    let from = Utc.with_ymd_and_hms(2024, 7, 1, 0, 0, 0).unwrap();
    let to = Utc.with_ymd_and_hms(2024, 7, 31, 23, 59, 59).unwrap();
    let filter = ReturnsFilter::default()
        .with_schema(ReturnSchema::Fbs)
        .with_return_date(TimeRange::new(from, to))
        .with_status(ReturnVisualStatus::ArrivedAtReturnPlace)
        .with_warehouse(23869688194000)
        .with_postings(vec![PostingNumber::new("58544282-0057-1")]);
    let all: Vec<ReturnItem> = ozon
        .returns()
        .list_stream(Some(filter))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 502);
    assert_eq!(all[501].id, 502);
    assert_eq!(
        all[0]
            .product
            .as_ref()
            .unwrap()
            .price
            .as_ref()
            .unwrap()
            .price,
        dec("3318.5")
    );
    assert_eq!(all[0].kind, Some(ReturnType::ClientReturn));

    let requests = sent(&server).await;
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[0].1["last_id"], 0);
    assert_eq!(requests[1].1["last_id"], 500);
    assert_eq!(requests[0].1["limit"], 500);
    assert_eq!(
        requests[0].1["filter"],
        json!({
            "logistic_return_date": {"time_from": "2024-07-01T00:00:00Z", "time_to": "2024-07-31T23:59:59Z"},
            "posting_numbers": ["58544282-0057-1"],
            "return_schema": "FBS",
            "visual_status_name": "ArrivedAtReturnPlace",
            "warehouse_id": 23869688194000i64
        })
    );
    assert_requests_match_spec(&server, P).await;
}

#[tokio::test]
async fn an_empty_page_ends_the_stream_even_if_has_next_says_otherwise() {
    let server = serve(P, json!({"has_next": true, "returns": []})).await;
    let all: Vec<ReturnItem> = client(&server)
        .returns()
        .list_stream(None)
        .try_collect()
        .await
        .unwrap();
    assert!(all.is_empty());
    assert_eq!(sent(&server).await.len(), 1);
    assert_requests_match_spec(&server, P).await;
}

#[tokio::test]
async fn bad_returns_requests_are_rejected_before_sending() {
    let server = MockServer::start().await;
    let ozon = client(&server);
    let from = Utc.with_ymd_and_hms(2024, 7, 2, 0, 0, 0).unwrap();
    let to = Utc.with_ymd_and_hms(2024, 7, 1, 0, 0, 0).unwrap();
    let postings: Vec<PostingNumber> = (0..51)
        .map(|i| PostingNumber::new(format!("1-{i}")))
        .collect();
    let bad = [
        ReturnsListRequest {
            limit: 501,
            ..Default::default()
        },
        ReturnsListRequest {
            limit: 0,
            ..Default::default()
        },
        ReturnsListRequest {
            limit: 10,
            filter: Some(ReturnsFilter::default().with_postings(postings)),
            ..Default::default()
        },
        ReturnsListRequest {
            limit: 10,
            filter: Some(ReturnsFilter::default().with_status_change(TimeRange::new(from, to))),
            ..Default::default()
        },
    ];
    for request in bad {
        let err = ozon.returns().list(&request).await.unwrap_err();
        assert!(matches!(err, Error::Validation { .. }), "{err:?}");
    }
    assert!(sent(&server).await.is_empty());
}
