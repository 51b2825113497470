//! The lifecycle guard: no operation the crate calls is removed, deprecated or announced for
//! shutdown in WB's current spec snapshot (`spec/2026-08`), and a doctored copy names the
//! operation it concerns.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::NaiveDate;
use market_core::contract::lifecycle::{GuardKind, guard};
use serde_json::{Value, json};
use wb_api::api::OPERATIONS;

fn snapshot() -> Vec<Value> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/spec/2026-08");
    let mut names: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    names.sort();
    names
        .iter()
        .map(|p| serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap())
        .collect()
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 8, 20).unwrap()
}

/// The document and the operation object of `name` in `docs`.
fn op_mut<'a>(docs: &'a mut [Value], name: &str) -> &'a mut Value {
    let op = OPERATIONS.iter().find(|o| o.name == name).unwrap();
    let m = op.method.as_str().to_ascii_lowercase();
    docs.iter_mut()
        .map(|d| &mut d["paths"][op.path][m.as_str()])
        .find(|o| o.is_object())
        .unwrap()
}

#[test]
fn no_operation_we_call_is_removed_deprecated_or_switched_off() {
    // The hand-written operations and the generated ones (wb_api::generated).
    let all = wb_api::generated::ALL_OPERATIONS.as_slice();
    assert!(all.len() > OPERATIONS.len());
    let problems = guard(&snapshot(), all, today());
    let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(problems.is_empty(), "{text:#?}");
}

#[test]
fn a_deprecated_operation_is_named() {
    let mut docs = snapshot();
    op_mut(&mut docs, "stocks_update")["deprecated"] = json!(true);
    let problems = guard(&docs, OPERATIONS, today());
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].name, "stocks_update");
    assert_eq!(problems[0].kind, GuardKind::Deprecated);
}

#[test]
fn an_announced_shutdown_is_named_with_its_date_and_successor() {
    let mut docs = snapshot();
    op_mut(&mut docs, "orders_new")["x-market-shutdown"] = json!({
        "date": "2026-07-01",
        "successor": "/api/marketplace/v3/orders/new",
        "phrase": "will be disabled"
    });
    let problems = guard(&docs, OPERATIONS, today());
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].name, "orders_new");
    match &problems[0].kind {
        GuardKind::ShutdownAnnounced {
            date,
            successor,
            past,
            ..
        } => {
            assert_eq!(*date, NaiveDate::from_ymd_opt(2026, 7, 1));
            assert_eq!(successor.as_deref(), Some("/api/marketplace/v3/orders/new"));
            assert!(*past);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_removed_path_is_named() {
    let mut docs = snapshot();
    for d in &mut docs {
        if let Some(paths) = d["paths"].as_object_mut() {
            paths.remove("/api/analytics/v1/stocks-report/wb-warehouses");
        }
    }
    let problems = guard(&docs, OPERATIONS, today());
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].name, "stocks_report_wb_warehouses");
    assert_eq!(problems[0].kind, GuardKind::Missing);
}

#[test]
fn the_old_statistics_stock_report_would_be_named_as_missing() {
    static OLD: market_core::transport::Operation =
        market_core::transport::Operation::get("statistics_stocks", "/api/v1/supplier/stocks");
    let problems = guard(&snapshot(), &[&OLD], today());
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].kind, GuardKind::Missing);
}
