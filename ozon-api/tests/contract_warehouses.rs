//! Contract tests of the warehouses section against the Ozon spec snapshot.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::*;
use futures::TryStreamExt;
use ozon_api::WarehouseId;
use ozon_api::ids::DeliveryMethodId;
use ozon_api::models::warehouses::*;
use serde_json::json;
use wiremock::{Mock, MockServer, ResponseTemplate};

#[test]
fn responses_decode_strictly() {
    assert_responses_decode::<WarehouseListResponse>("/v1/warehouse/list");
    assert_responses_decode::<DeliveryMethodListResponse>("/v1/delivery-method/list");
}

#[test]
fn enums_match_the_spec() {
    let s = spec();
    assert_enum(
        Weekday::KNOWN,
        s.property_enum("WarehouseListResponseWarehouse", "working_days"),
        "working_days",
    );
    assert_enum(
        FirstMileType::KNOWN,
        s.property_enum("WarehouseFirstMileType", "first_mile_type"),
        "first_mile_type",
    );
}

#[test]
fn statuses_the_spec_lists_only_in_prose_keep_unknown_values_even_when_strict() {
    let w: Warehouse = decode(
        "/v1/warehouse/list",
        "a warehouse",
        &json!({"status": "disabled_due_to_limit"}),
    );
    assert_eq!(w.status, Some(WarehouseStatus::DisabledDueToLimit));
    let w: Warehouse = decode(
        "/v1/warehouse/list",
        "a warehouse",
        &json!({"status": "moved"}),
    );
    assert_eq!(w.status, Some(WarehouseStatus::Unknown("moved".into())));
    let m: DeliveryMethod = decode(
        "/v1/delivery-method/list",
        "a method",
        &json!({"status": "ARCHIVED"}),
    );
    assert_eq!(
        m.status,
        Some(DeliveryMethodStatus::Unknown("ARCHIVED".into()))
    );
    // Enums the schema declares stay strict under `strict`.
    if market_core::wire::STRICT {
        let bad = serde_json::from_value::<FirstMile>(json!({"first_mile_type": "Teleport"}));
        assert!(bad.is_err());
    }
}

#[tokio::test]
async fn warehouse_list_reads_the_complete_model() {
    let server = serve(
        "/v1/warehouse/list",
        json!({"result": [{
            "warehouse_id": "22142605386000",
            "name": "Main",
            "is_rfbs": false,
            "is_kgt": true,
            "can_print_act_in_advance": true,
            "first_mile_type": {
                "dropoff_point_id": "1234",
                "dropoff_timeslot_id": "7",
                "first_mile_is_changing": false,
                "first_mile_type": "DropOff"
            },
            "has_postings_limit": true,
            "postings_limit": -1,
            "min_postings_limit": 10,
            "min_working_days": 5,
            "is_timetable_editable": true,
            "status": "created",
            "working_days": ["1", "2", "3", "4", "5"],
            "has_entrusted_acceptance": false,
            "is_economy": false,
            "is_karantin": false
        }]}),
    )
    .await;
    let ozon = client(&server);
    let list = ozon.warehouses().list().await.unwrap();
    assert_eq!(list.len(), 1);
    let w = &list[0];
    assert_eq!(w.warehouse_id, WarehouseId(22142605386000));
    assert_eq!(w.status, Some(WarehouseStatus::Created));
    assert_eq!(
        w.first_mile_type.first_mile_type,
        Some(FirstMileType::DropOff)
    );
    assert_eq!(w.first_mile_type.dropoff_timeslot_id, 7);
    assert_eq!(w.postings_limit, -1);
    assert_eq!(
        w.working_days,
        [
            Weekday::Monday,
            Weekday::Tuesday,
            Weekday::Wednesday,
            Weekday::Thursday,
            Weekday::Friday
        ]
    );
    assert!(w.is_kgt);
    let requests = sent(&server).await;
    assert_eq!(requests[0].1, json!({}));
    assert_requests_match_spec(&server, "/v1/warehouse/list").await;
}

#[test]
fn the_vendor_delivery_method_request_example_round_trips() {
    let p = "/v1/delivery-method/list";
    let ex = spec().request_example(p).unwrap();
    let req: DeliveryMethodListRequest = decode(p, "request example", &ex);
    assert_eq!(serde_json::to_value(&req).unwrap(), ex);
    let filter = req.filter.unwrap();
    assert_eq!(filter.status, Some(DeliveryMethodStatus::Active));
    assert_eq!(filter.warehouse_id, Some(WarehouseId(15588127982000)));
}

#[tokio::test]
async fn delivery_methods_page_by_offset_until_has_next_is_false() {
    let server = MockServer::start().await;
    let methods = |from: i64, n: i64| {
        (from..from + n)
            .map(|i| {
                json!({
                    "id": i + 1,
                    "company_id": 1,
                    "created_at": "2019-04-04T15:22:31.048202Z",
                    "updated_at": "2021-08-15T10:21:44.854209Z",
                    "cutoff": "13:00",
                    "name": format!("Method {i}"),
                    "provider_id": 24,
                    "sla_cut_in": 1440,
                    "status": "ACTIVE",
                    "template_id": 0,
                    "warehouse_id": 15588127982000i64
                })
            })
            .collect::<Vec<_>>()
    };
    Mock::given(wiremock::matchers::body_partial_json(json!({"offset": 50})))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"has_next": false, "result": methods(50, 3)})),
        )
        .mount(&server)
        .await;
    Mock::given(wiremock::matchers::body_partial_json(json!({"offset": 0})))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"has_next": true, "result": methods(0, 50)})),
        )
        .mount(&server)
        .await;
    let ozon = client(&server);
    let filter = DeliveryMethodFilter::default()
        .with_warehouse(15588127982000)
        .with_provider(24)
        .with_status(DeliveryMethodStatus::Active);
    let all: Vec<_> = ozon
        .warehouses()
        .delivery_methods_stream(Some(filter))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 53);
    assert_eq!(all[52].id, DeliveryMethodId(53));
    assert_eq!(all[0].status, Some(DeliveryMethodStatus::Active));
    assert_eq!(all[0].sla_cut_in, 1440);
    assert_eq!(
        all[0].created_at.unwrap().to_rfc3339(),
        "2019-04-04T15:22:31.048202+00:00"
    );
    let requests = sent(&server).await;
    assert_eq!(requests.len(), 2);
    assert_eq!(
        requests[0].1,
        json!({"filter": {"provider_id": 24, "status": "ACTIVE", "warehouse_id": 15588127982000i64}, "limit": 50, "offset": 0})
    );
    assert_requests_match_spec(&server, "/v1/delivery-method/list").await;
}

#[tokio::test]
async fn a_bad_delivery_method_page_is_rejected_before_sending() {
    let server = MockServer::start().await;
    let ozon = client(&server);
    for (limit, offset) in [(0, 0), (51, 0), (10, -1)] {
        let err = ozon
            .warehouses()
            .delivery_methods(&DeliveryMethodListRequest {
                filter: None,
                limit,
                offset,
            })
            .await
            .unwrap_err();
        assert!(matches!(err, market_core::Error::Validation { .. }));
    }
    assert!(sent(&server).await.is_empty());
}
