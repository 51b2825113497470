//! The operations against the inventory of `spec/endpoints.json`: every operation this crate
//! calls is one of the 187, with the same method and path, named by the naming rule.

use std::collections::BTreeSet;

use retailcrm_api::api::OPERATIONS;

fn normalise(path: &str) -> String {
    path.split('/')
        .map(|s| if s.starts_with('{') { "{}" } else { s })
        .collect::<Vec<_>>()
        .join("/")
}

fn inventory() -> BTreeSet<(String, String)> {
    let text = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/spec/endpoints.json")).unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&text).unwrap();
    assert_eq!(doc["count"], 187);
    doc["endpoints"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["method"].as_str().unwrap().to_owned(),
                normalise(e["path"].as_str().unwrap()),
            )
        })
        .collect()
}

#[test]
fn every_operation_is_in_the_inventory() {
    let inventory = inventory();
    assert_eq!(inventory.len(), 187);
    for op in OPERATIONS {
        let key = (op.method.as_str().to_owned(), normalise(op.path));
        assert!(
            inventory.contains(&key),
            "{} {} is not in the inventory",
            op.method,
            op.path
        );
    }
}

#[test]
fn every_operation_of_the_inventory_is_called() {
    let called: BTreeSet<(String, String)> = OPERATIONS
        .iter()
        .map(|op| (op.method.as_str().to_owned(), normalise(op.path)))
        .collect();
    let missing: Vec<_> = inventory().difference(&called).cloned().collect();
    assert!(missing.is_empty(), "not called: {missing:?}");
    assert_eq!(OPERATIONS.len(), 187);
}

#[test]
fn operations_are_unique_and_named_in_snake_case() {
    let mut names = BTreeSet::new();
    let mut routes = BTreeSet::new();
    for op in OPERATIONS {
        assert!(names.insert(op.name), "{} twice", op.name);
        assert!(
            routes.insert((op.method.as_str(), normalise(op.path))),
            "{} {} twice",
            op.method,
            op.path
        );
        assert!(
            op.name.chars().all(|c| c.is_ascii_lowercase() || c == '_'),
            "{}",
            op.name
        );
        let group = if op.path.starts_with("/api/v5/telephony/") {
            "telephony"
        } else {
            "general"
        };
        assert_eq!(op.limit_group, group, "{}", op.name);
    }
}

#[test]
fn batch_uploads_are_bounded() {
    let batched = |name: &str| {
        retailcrm_api::api::PARTIAL_UPLOADS.contains(&name)
            || name == "store_inventories_upload"
            || name == "store_prices_upload"
    };
    assert_eq!(OPERATIONS.iter().filter(|op| batched(op.name)).count(), 6);
    for op in OPERATIONS.iter().filter(|op| batched(op.name)) {
        assert!(op.batch_max.is_some(), "{} has no batch maximum", op.name);
    }
    assert_eq!(retailcrm_api::api::orders::ORDERS_UPLOAD_MAX, 50);
}

#[test]
fn page_sizes_are_the_ones_the_conventions_name() {
    let text = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/spec/endpoints.json")).unwrap();
    let doc: serde_json::Value = serde_json::from_slice(&text).unwrap();
    let pagination = doc["conventions"]["pagination"].as_str().unwrap();
    assert!(pagination.contains("limit in {20,50,100}"), "{pagination}");
    let sizes: Vec<u32> = [20, 50, 100]
        .into_iter()
        .map(|n| retailcrm_api::PageSize::try_from(n).unwrap().get())
        .collect();
    assert_eq!(sizes, [20, 50, 100]);
    let partial = doc["conventions"]["partialBatchFailure"].as_str().unwrap();
    for path in [
        "orders/upload",
        "customers/upload",
        "customers-corporate/upload",
        "costs/upload",
    ] {
        assert!(partial.contains(path), "{path}");
        let name = path.replace(['/', '-'], "_");
        assert!(
            retailcrm_api::api::PARTIAL_UPLOADS.contains(&name.as_str()),
            "{name}"
        );
    }
}
