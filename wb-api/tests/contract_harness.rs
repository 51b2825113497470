//! The contract harness reads every WB spec snapshot and checks requests as it should.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::spec;
use serde_json::json;

#[test]
fn every_snapshot_operation_resolves_and_builds_a_maximal_instance() {
    for op in [
        "GET /api/v3/orders",
        "PUT /api/v3/stocks/{warehouseId}",
        "POST /content/v2/get/cards/list",
        "GET /api/v1/claims",
        "GET /api/v1/supplier/orders",
    ] {
        let _ = spec().operation(op);
        assert!(spec().server(op).starts_with("https://"), "{op}");
    }
    let max = spec().maximal(spec().response_schema("GET /api/v3/orders"));
    assert!(max["orders"].is_array(), "{max}");
}

#[test]
fn the_request_checker_catches_unknown_and_mistyped_fields() {
    let op = "PUT /api/v3/stocks/{warehouseId}";
    let ok = json!({"stocks": [{"sku": "BarcodeTest123", "amount": 10}]});
    assert!(
        spec().check_request(op, &ok).is_empty(),
        "{:?}",
        spec().check_request(op, &ok)
    );
    let bad = json!({"stocks": [{"sku": 5, "amount": "x", "extra": 1}]});
    assert_eq!(
        spec().check_request(op, &bad).len(),
        3,
        "{:?}",
        spec().check_request(op, &bad)
    );
    let url = url::Url::parse("https://x/api/v3/orders?limit=10&next=0&bogus=1").unwrap();
    let problems = spec().check_query("GET /api/v3/orders", &url);
    assert_eq!(
        problems,
        ["query bogus: not a parameter of GET /api/v3/orders"]
    );
    let url = url::Url::parse("https://x/api/v3/orders?next=0").unwrap();
    assert!(
        spec()
            .check_query("GET /api/v3/orders", &url)
            .iter()
            .any(|p| p.contains("limit"))
    );
}
