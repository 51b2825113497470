//! Contract tests of the warehouses section against the Ozon spec snapshot.

use crate::common::*;
use futures::TryStreamExt;
use ozon_api::WarehouseId;
use ozon_api::api::warehouses::{DELIVERY_METHOD_LIST_PAGE_MAX, WAREHOUSE_LIST_PAGE_MAX};
use ozon_api::ids::DeliveryMethodId;
use ozon_api::models::warehouses::*;
use serde_json::{Value, json};
use wiremock::{Mock, MockServer, ResponseTemplate};

#[test]
fn responses_decode_strictly() {
    // Ozon's own example of /v2/warehouse/list writes `"has_next": "string"` for a boolean
    // (its schema says boolean): the maximal instance is checked, the example with the flag
    // mended.
    let p = "/v2/warehouse/list";
    let mut example = spec().response_example(p).unwrap();
    assert_eq!(
        example["has_next"], "string",
        "the example was fixed: decode it as is"
    );
    example["has_next"] = json!(false);
    let r: WarehouseListResponse = decode(p, "vendor example", &example);
    assert_eq!(r.warehouses[0].warehouse_id, WarehouseId(20605650762000));
    assert_eq!(
        r.warehouses[0].first_mile.as_ref().unwrap().first_mile_type,
        Some(FirstMileType::PickUp)
    );
    assert_eq!(r.warehouses[0].status, Some(WarehouseStatus::Created));
    assert!(r.warehouses[0].is_rfbs);
    let max = spec().maximal(spec().response_schema(p));
    decode::<WarehouseListResponse>(p, "maximal instance", &max);
    assert_responses_decode::<DeliveryMethodListResponse>("/v2/delivery-method/list");
}

#[test]
fn enums_match_the_spec() {
    let s = spec();
    assert_enum(
        Weekday::KNOWN,
        s.property_enum("WarehouseListV2ResponseWarehouse", "working_days"),
        "working_days",
    );
    assert_enum(
        FirstMileType::KNOWN,
        s.enum_values("FirstMileTypeEnum"),
        "first mile type",
    );
    assert_enum(
        CarriageLabelType::KNOWN,
        s.enum_values("WarehouseCarriageLabelTypeEnum"),
        "carriage label type",
    );
    assert_enum(
        DeliveryMethodStatus::KNOWN,
        s.property_enum("DeliveryMethodListV2RequestFilter", "status"),
        "delivery method status",
    );
}

#[test]
fn statuses_the_spec_lists_only_in_prose_keep_unknown_values_even_when_strict() {
    let w: Warehouse = decode(
        "/v2/warehouse/list",
        "a warehouse",
        &json!({"status": "disabled_due_to_limit"}),
    );
    assert_eq!(w.status, Some(WarehouseStatus::DisabledDueToLimit));
    let w: Warehouse = decode(
        "/v2/warehouse/list",
        "a warehouse",
        &json!({"status": "moved"}),
    );
    assert_eq!(w.status, Some(WarehouseStatus::Unknown("moved".into())));
    // Enums the schema declares stay strict under `strict`.
    if market_core::wire::STRICT {
        let bad = serde_json::from_value::<FirstMile>(json!({"type": "TELEPORT"}));
        assert!(bad.is_err());
    }
}

fn warehouse(id: i64, rfbs: bool) -> Value {
    json!({"warehouse_id": id, "name": format!("W{id}"), "is_rfbs": rfbs, "status": "created",
           "first_mile": {"type": "DROP_OFF", "dropoff_point_id": "1020002075314000"},
           "working_days": ["MONDAY", "FRIDAY"]})
}

#[tokio::test]
async fn warehouse_list_follows_the_cursor_to_the_end() {
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::body_partial_json(
        json!({"cursor": "w2"}),
    ))
    .respond_with(ResponseTemplate::new(200).set_body_json(
        json!({"cursor": "", "has_next": false, "warehouses": [warehouse(3, true)]}),
    ))
    .with_priority(1)
    .mount(&server)
    .await;
    Mock::given(wiremock::matchers::path("/v2/warehouse/list"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"cursor": "w2", "has_next": true,
                   "warehouses": [warehouse(1, false), warehouse(2, false)]})),
        )
        .with_priority(2)
        .mount(&server)
        .await;
    let ozon = client(&server);
    let all = ozon.warehouses().list().await.unwrap();
    let ids: Vec<WarehouseId> = all.iter().map(|w| w.warehouse_id).collect();
    assert_eq!(ids, [WarehouseId(1), WarehouseId(2), WarehouseId(3)]);
    assert_eq!(all[0].working_days, [Weekday::Monday, Weekday::Friday]);
    assert_eq!(
        all[0].first_mile.as_ref().unwrap().first_mile_type,
        Some(FirstMileType::DropOff)
    );
    let requests = sent(&server).await;
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[0].1, json!({"limit": WAREHOUSE_LIST_PAGE_MAX}));
    assert_eq!(requests[1].1["cursor"], "w2");
    assert_requests_match_spec(&server, "/v2/warehouse/list").await;
}

#[tokio::test]
async fn a_200_without_the_warehouses_is_an_error() {
    let server = serve("/v2/warehouse/list", json!({"has_next": false})).await;
    let err = client(&server).warehouses().list().await.unwrap_err();
    assert!(matches!(err, market_core::Error::Decode { .. }), "{err}");
}

#[tokio::test]
async fn delivery_methods_follow_the_cursor_until_has_next_is_false() {
    let server = MockServer::start().await;
    let method = |id: i64| json!({"id": id, "name": format!("M{id}"), "status": "ACTIVE", "warehouse_id": 7, "provider_id": 24, "tpl_integration_type": "aggregator"});
    Mock::given(wiremock::matchers::body_partial_json(
        json!({"cursor": "m2"}),
    ))
    .respond_with(
        ResponseTemplate::new(200).set_body_json(
            json!({"cursor": "", "has_next": false, "delivery_methods": [method(3)]}),
        ),
    )
    .with_priority(1)
    .mount(&server)
    .await;
    Mock::given(wiremock::matchers::path("/v2/delivery-method/list"))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"cursor": "m2", "has_next": true, "delivery_methods": [method(1), method(2)]}),
        ))
        .with_priority(2)
        .mount(&server)
        .await;
    let ozon = client(&server);
    let filter = DeliveryMethodFilter::warehouse(WarehouseId(7))
        .with_status(DeliveryMethodStatus::Active)
        .with_provider(24);
    let all: Vec<DeliveryMethod> = ozon
        .warehouses()
        .delivery_methods_stream(Some(filter))
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<DeliveryMethodId> = all.iter().map(|m| m.id).collect();
    assert_eq!(
        ids,
        [
            DeliveryMethodId(1),
            DeliveryMethodId(2),
            DeliveryMethodId(3)
        ]
    );
    let requests = sent(&server).await;
    assert_eq!(requests.len(), 2);
    assert_eq!(
        requests[0].1["filter"],
        json!({"provider_ids": ["24"], "status": ["ACTIVE"], "warehouse_ids": ["7"]})
    );
    assert_eq!(requests[0].1["limit"], DELIVERY_METHOD_LIST_PAGE_MAX);
    assert_requests_match_spec(&server, "/v2/delivery-method/list").await;
}

#[tokio::test]
async fn a_bad_page_size_is_rejected_before_sending() {
    let server = MockServer::start().await;
    let ozon = client(&server);
    for limit in [0, DELIVERY_METHOD_LIST_PAGE_MAX + 1] {
        let err = ozon
            .warehouses()
            .delivery_methods(&DeliveryMethodListRequest {
                cursor: String::new(),
                filter: None,
                limit,
                sort_dir: None,
            })
            .await
            .unwrap_err();
        assert!(matches!(err, market_core::Error::Validation { .. }));
    }
    let err = ozon
        .warehouses()
        .page(&WarehouseListRequest {
            limit: WAREHOUSE_LIST_PAGE_MAX + 1,
            cursor: String::new(),
            warehouse_ids: Vec::new(),
        })
        .await
        .unwrap_err();
    assert!(matches!(err, market_core::Error::Validation { .. }));
    assert!(sent(&server).await.is_empty());
}
