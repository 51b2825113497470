//! Contract tests of the warehouses section against the WB spec snapshot.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;

use crate::common::*;
use market_core::transport::{HttpSettings, RetryPolicy};
use serde_json::{Value, json};
use wb_api::api::warehouses::{WAREHOUSE_CREATE, WAREHOUSES_LIST};
use wb_api::ids::OfficeId;
use wb_api::limits::groups;
use wb_api::models::warehouses::*;
use wb_api::{Client, Host, WarehouseId};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

/// A client whose marketplace section alone reaches the mock server: a call on any other
/// section's host fails, which proves the section of each method.
fn marketplace_client(server: &MockServer) -> Client {
    Client::builder(TOKEN)
        .base_url("http://127.0.0.1:9")
        .host_url(Host::Marketplace, server.uri())
        .retry(RetryPolicy {
            max_attempts: 1,
            jitter: false,
            ..RetryPolicy::default()
        })
        .http(HttpSettings {
            connect_timeout: None,
            request_timeout: None,
            pool_idle_timeout: None,
            ..HttpSettings::default()
        })
        .without_rate_limits()
        .build()
        .unwrap()
}

async fn answer(m: &str, p: &str, status: u16, body: Option<Value>) -> MockServer {
    let server = MockServer::start().await;
    let mut template = ResponseTemplate::new(status);
    if let Some(b) = body {
        template = template.set_body_json(b);
    }
    Mock::given(method(m))
        .and(path(p))
        .respond_with(template)
        .mount(&server)
        .await;
    server
}

/// The integer enum values of a property of a named schema.
fn int_enum(schema: &str, property: &str) -> BTreeSet<String> {
    spec().schema(schema)["properties"][property]["enum"]
        .as_array()
        .unwrap_or_else(|| panic!("{schema}.{property} is not an enum"))
        .iter()
        .map(|v| v.as_i64().unwrap().to_string())
        .collect()
}

fn known(values: &[i64]) -> Vec<String> {
    values.iter().map(i64::to_string).collect()
}

#[test]
fn responses_decode_strictly() {
    assert_responses_decode::<Vec<Office>>("GET /api/v3/offices");
    assert_responses_decode::<Vec<Warehouse>>("GET /api/v3/warehouses");
    assert_responses_decode::<CreateWarehouseResponse>("POST /api/v3/warehouses");
}

#[test]
fn enums_match_the_spec() {
    let cargo = known(CargoType::KNOWN);
    let delivery = known(DeliveryType::KNOWN);
    let cargo: Vec<&str> = cargo.iter().map(String::as_str).collect();
    let delivery: Vec<&str> = delivery.iter().map(String::as_str).collect();
    for schema in ["Office", "Warehouse"] {
        assert_enum(&delivery, int_enum(schema, "deliveryType"), schema);
    }
    assert_enum(&cargo, int_enum("Warehouse", "cargoType"), "Warehouse");
    // 2026-08 lists 1 and 3 for an office's cargo type (no more 2); the type is shared with
    // the warehouses, which still take 2, so an office's values are a part of it.
    let office = int_enum("Office", "cargoType");
    assert_eq!(office, BTreeSet::from(["1".to_owned(), "3".to_owned()]));
    assert!(office.iter().all(|c| cargo.contains(&c.as_str())));
}

#[test]
fn unknown_enum_values_are_kept_or_refused_under_strict() {
    let v: Result<CargoType, _> = serde_json::from_value(json!(9));
    if market_core::wire::STRICT {
        assert!(v.is_err());
    } else {
        assert_eq!(v.unwrap(), CargoType::Unknown(9));
    }
    let d: DeliveryType = serde_json::from_value(json!(5)).unwrap();
    assert_eq!(d, DeliveryType::ClickAndCollect);
    assert_eq!(serde_json::to_value(d).unwrap(), json!(5));
}

#[test]
fn a_maximal_request_round_trips() {
    for op in [
        "POST /api/v3/warehouses",
        "PUT /api/v3/warehouses/{warehouseId}",
    ] {
        let ex = spec().maximal(spec().request_schema(op));
        let req: WarehouseRequest = decode(op, "maximal request", &ex);
        assert_eq!(serde_json::to_value(&req).unwrap(), ex);
    }
}

#[tokio::test]
async fn offices_are_read_from_the_marketplace_host() {
    let server = answer(
        "GET",
        "/api/v3/offices",
        200,
        Some(json!([
            {"address": "ул. Троицкая, Подольск", "name": "Коледино", "city": "Москва", "id": 15,
             "longitude": 37.588898, "latitude": 55.386871, "cargoType": 3, "deliveryType": 6,
             "federalDistrict": null, "selected": true},
            {"address": "a", "name": "b", "city": "c", "id": "16", "longitude": 1, "latitude": 2.5,
             "cargoType": 1, "deliveryType": 1, "federalDistrict": "Центральный", "selected": false}
        ])),
    )
    .await;
    let wb = marketplace_client(&server);
    let offices = wb.warehouses().offices().await.unwrap();
    assert_eq!(offices.len(), 2);
    assert_eq!(offices[0].id, OfficeId(15));
    assert_eq!(offices[0].cargo_type, Some(CargoType::Large));
    assert_eq!(offices[0].delivery_type, Some(DeliveryType::ExpressDbs));
    assert_eq!(offices[0].federal_district, None);
    assert!(offices[0].selected);
    assert_eq!(offices[0].latitude, 55.386871);
    assert_eq!(offices[1].id, OfficeId(16), "an id sent as a string");
    assert_eq!(offices[1].federal_district.as_deref(), Some("Центральный"));
    assert_requests_match_spec(&server, "GET /api/v3/offices").await;
}

#[tokio::test]
async fn list_returns_the_seller_warehouses() {
    let server = answer(
        "GET",
        "/api/v3/warehouses",
        200,
        Some(json!([
            {"name": "Склад", "officeId": 15, "id": 1, "cargoType": 2, "deliveryType": 1,
             "isDeleting": false, "isProcessing": true},
            {"name": "Второй", "officeId": 16, "id": 22}
        ])),
    )
    .await;
    let wb = marketplace_client(&server);
    let list = wb.warehouses().list().await.unwrap();
    assert_eq!(
        list[0],
        Warehouse {
            name: "Склад".into(),
            office_id: OfficeId(15),
            id: WarehouseId(1),
            cargo_type: Some(CargoType::Oversized),
            delivery_type: Some(DeliveryType::Fbs),
            is_deleting: false,
            is_processing: true,
        }
    );
    assert_eq!(list[1].id, WarehouseId(22));
    assert_eq!(list[1].cargo_type, None, "absent fields stay absent");
    assert_requests_match_spec(&server, "GET /api/v3/warehouses").await;
}

#[tokio::test]
async fn create_sends_name_and_office_and_returns_the_id() {
    let server = answer("POST", "/api/v3/warehouses", 201, Some(json!({"id": 2}))).await;
    let wb = marketplace_client(&server);
    let created = wb
        .warehouses()
        .create(&WarehouseRequest::new("Склад Коледино", 15))
        .await
        .unwrap();
    assert_eq!(created.id, WarehouseId(2));
    let requests = sent(&server).await;
    assert_eq!(
        requests[0].1,
        json!({"name": "Склад Коледино", "officeId": 15})
    );
    assert_requests_match_spec(&server, "POST /api/v3/warehouses").await;
}

#[tokio::test]
async fn create_is_not_repeated_after_a_server_error_but_a_read_is() {
    assert!(!WAREHOUSE_CREATE.idempotent);
    assert!(WAREHOUSES_LIST.idempotent);
    assert_eq!(WAREHOUSE_CREATE.limit_group, groups::WAREHOUSES);
    let server = MockServer::start().await;
    Mock::given(path("/api/v3/warehouses"))
        .respond_with(ResponseTemplate::new(500))
        .mount(&server)
        .await;
    let wb = client(&server); // two attempts
    let err = wb
        .warehouses()
        .create(&WarehouseRequest::new("A", 1))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(500));
    assert_eq!(sent(&server).await.len(), 1, "a create is sent once");
    wb.warehouses().list().await.unwrap_err();
    assert_eq!(sent(&server).await.len(), 3, "a read is retried");
}

#[tokio::test]
async fn update_puts_to_the_warehouse_and_accepts_204() {
    let server = answer("PUT", "/api/v3/warehouses/7", 204, None).await;
    let wb = marketplace_client(&server);
    wb.warehouses()
        .update(7, &WarehouseRequest::new("Новое имя", 16))
        .await
        .unwrap();
    let requests = sent(&server).await;
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].1, json!({"name": "Новое имя", "officeId": 16}));
    assert_requests_match_spec(&server, "PUT /api/v3/warehouses/{warehouseId}").await;
}

#[tokio::test]
async fn delete_deletes_the_warehouse() {
    let server = answer("DELETE", "/api/v3/warehouses/7", 204, None).await;
    let wb = marketplace_client(&server);
    wb.warehouses().delete(WarehouseId(7)).await.unwrap();
    let requests = sent(&server).await;
    assert_eq!(requests.len(), 1);
    assert!(requests[0].0.body.is_empty());
    assert_requests_match_spec(&server, "DELETE /api/v3/warehouses/{warehouseId}").await;
}

#[tokio::test]
async fn invalid_input_is_rejected_before_sending() {
    let server = MockServer::start().await;
    let wb = client(&server);
    let w = wb.warehouses();
    let long = "я".repeat(201);
    let cases = [
        w.create(&WarehouseRequest::new("", 15)).await.unwrap_err(),
        w.create(&WarehouseRequest::new("   ", 15))
            .await
            .unwrap_err(),
        w.create(&WarehouseRequest::new(long.as_str(), 15))
            .await
            .unwrap_err(),
        w.create(&WarehouseRequest::new("A", 0)).await.unwrap_err(),
        w.update(0, &WarehouseRequest::new("A", 1))
            .await
            .unwrap_err(),
        w.update(5, &WarehouseRequest::new("", 1))
            .await
            .unwrap_err(),
        w.delete(-3).await.unwrap_err(),
    ];
    for err in &cases {
        assert!(
            matches!(err, market_core::Error::Validation { item: Some(_), .. }),
            "{err}"
        );
    }
    assert!(
        cases[6].to_string().contains("warehouse -3"),
        "{}",
        cases[6]
    );
    assert!(
        cases[2].to_string().contains("201 characters"),
        "{}",
        cases[2]
    );
    assert!(sent(&server).await.is_empty());
    // 200 characters is still fine.
    let ok = WarehouseRequest::new("я".repeat(200), 15);
    assert!(wb_api::api::warehouses::validate_warehouse(&ok).is_ok());
}

#[tokio::test]
async fn the_newer_wb_error_form_gives_code_message_and_request_id() {
    let server = answer(
        "GET",
        "/api/v3/warehouses",
        401,
        Some(json!({
            "title": "unauthorized",
            "detail": "token problem; token is malformed",
            "code": "07e4668e--a53a3d31f8b0-[UK-oWaVDUqNrKG]",
            "requestId": "7b80742415072fe8b6b7f7761f1d1211",
            "origin": "s2s-api-auth-catalog",
            "status": 401,
            "statusText": "Unauthorized",
            "timestamp": "2024-09-30T06:52:38Z"
        })),
    )
    .await;
    let wb = marketplace_client(&server);
    let err = wb.warehouses().list().await.unwrap_err();
    let api = err.api().unwrap();
    assert_eq!(api.status, 401);
    assert_eq!(api.kind, market_core::ApiErrorKind::Unauthorized);
    assert_eq!(
        api.code.as_deref(),
        Some("07e4668e--a53a3d31f8b0-[UK-oWaVDUqNrKG]")
    );
    assert_eq!(
        api.message,
        "unauthorized: token problem; token is malformed"
    );
    assert_eq!(
        api.request_id.as_deref(),
        Some("7b80742415072fe8b6b7f7761f1d1211")
    );
    assert_eq!(api.operation, "warehouses_list");
}

#[tokio::test]
async fn the_older_wb_error_form_gives_the_error_text() {
    let server = answer(
        "POST",
        "/api/v3/warehouses",
        400,
        Some(json!({"error": true, "errorText": "Некорректное имя склада", "additionalErrors": null})),
    )
    .await;
    let wb = marketplace_client(&server);
    let err = wb
        .warehouses()
        .create(&WarehouseRequest::new("A", 1))
        .await
        .unwrap_err();
    let api = err.api().unwrap();
    assert_eq!(api.status, 400);
    assert_eq!(api.code, None);
    assert_eq!(api.message, "Некорректное имя склада");
    assert_eq!(api.operation, "warehouse_create");
}

#[tokio::test]
async fn the_marketplace_error_form_gives_wb_code() {
    let example = spec().response_examples("PUT /api/v3/warehouses/{warehouseId}", "400");
    let invalid = example
        .iter()
        .find(|e| e["code"] == "WarehouseNameInvalid")
        .unwrap()
        .clone();
    let server = answer("PUT", "/api/v3/warehouses/3", 400, Some(invalid)).await;
    let wb = marketplace_client(&server);
    let err = wb
        .warehouses()
        .update(3, &WarehouseRequest::new("A", 1))
        .await
        .unwrap_err();
    let api = err.api().unwrap();
    assert_eq!(api.code.as_deref(), Some("WarehouseNameInvalid"));
    assert_eq!(api.message, "Incorrect warehouse name");
}
