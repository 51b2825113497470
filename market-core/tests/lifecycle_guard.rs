//! The lifecycle guard: passes on a clean snapshot, fails on each kind of doctoring, and reads
//! the real committed Ozon snapshot the way the vendor crates' guard tests do.
#![cfg(feature = "contract")]
#![allow(clippy::unwrap_used)]

use chrono::NaiveDate;
use market_core::contract::lifecycle::{GuardKind, guard};
use market_core::transport::Operation;
use serde_json::{Value, json};

static FBS_LIST: Operation = Operation::post("posting_fbs_list", "/v4/posting/fbs/list");
static WAREHOUSES: Operation = Operation::post("warehouse_list", "/v2/warehouse/list");
static OFFERS: Operation = Operation::get("campaign_offers", "/v2/campaigns/{campaignId}/offers");

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 8, 1).unwrap()
}

/// A clean prose-free snapshot with the three operations.
fn clean() -> Value {
    json!({
        "openapi": "3.0.0",
        "info": {"title": "t", "version": "1"},
        "paths": {
            "/v4/posting/fbs/list": {"post": {"operationId": "PostingFbsList", "responses": {}}},
            "/v2/warehouse/list": {"post": {"operationId": "WarehouseListV2", "responses": {}}},
            "/v2/campaigns/{id}/offers": {"get": {"operationId": "getOffers", "responses": {}}}
        }
    })
}

fn ops() -> Vec<&'static Operation> {
    vec![&FBS_LIST, &WAREHOUSES, &OFFERS]
}

#[test]
fn a_clean_snapshot_passes_and_parameter_names_do_not_matter() {
    assert_eq!(guard(&[clean()], &ops(), today()), vec![]);
}

#[test]
fn a_deprecated_flag_fails_naming_the_operation() {
    let mut doc = clean();
    doc["paths"]["/v2/warehouse/list"]["post"]["deprecated"] = json!(true);
    let problems = guard(&[doc], &ops(), today());
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].name, "warehouse_list");
    assert_eq!(problems[0].kind, GuardKind::Deprecated);
    let text = problems[0].to_string();
    assert!(
        text.contains("warehouse_list (POST /v2/warehouse/list)"),
        "{text}"
    );
}

#[test]
fn a_shutdown_sentence_in_a_full_vendor_description_fails_with_date_and_successor() {
    let mut doc = clean();
    // Ozon's wording, as in its 2026-06 spec for /v3/posting/fbs/list.
    doc["paths"]["/v4/posting/fbs/list"]["post"]["description"] = json!(
        "<aside class=\"warning\">\nС 1 июня 2026 года метод будет отключён. Переключитесь на \
         <a href=\"#operation/PostingFbsListV5\">/v5/posting/fbs/list</a>.\n</aside>\n"
    );
    let problems = guard(&[doc], &ops(), today());
    assert_eq!(problems.len(), 1);
    assert_eq!(
        problems[0].kind,
        GuardKind::ShutdownAnnounced {
            date: NaiveDate::from_ymd_opt(2026, 6, 1),
            successor: Some("/v5/posting/fbs/list".into()),
            past: true,
            phrase: "С 1 июня 2026 года метод будет отключён.".into(),
        }
    );
    let text = problems[0].to_string();
    assert!(text.contains("switched off since 2026-06-01"), "{text}");
    assert!(text.contains("successor /v5/posting/fbs/list"), "{text}");
}

#[test]
fn an_x_market_shutdown_in_a_snapshot_fails_and_a_future_date_is_not_past() {
    let mut doc = clean();
    doc["paths"]["/v2/campaigns/{id}/offers"]["get"]["x-market-shutdown"] =
        json!({"date": "2027-04-05", "successor": null, "phrase": "x"});
    let problems = guard(&[doc], &ops(), today());
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].name, "campaign_offers");
    assert!(matches!(
        problems[0].kind,
        GuardKind::ShutdownAnnounced {
            past: false,
            successor: None,
            ..
        }
    ));
    assert!(
        problems[0]
            .to_string()
            .contains("shutdown announced for 2027-04-05")
    );
}

#[test]
fn a_removed_path_or_method_fails_as_missing() {
    let mut doc = clean();
    doc["paths"]
        .as_object_mut()
        .unwrap()
        .remove("/v4/posting/fbs/list");
    // The path stays but only with another method.
    doc["paths"]["/v2/warehouse/list"] = json!({"get": {"responses": {}}});
    let problems = guard(&[doc], &ops(), today());
    let missing: Vec<&str> = problems
        .iter()
        .filter(|p| p.kind == GuardKind::Missing)
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(missing, ["posting_fbs_list", "warehouse_list"]);
    assert!(
        problems[0]
            .to_string()
            .contains("not in the vendor's current spec")
    );
}

#[test]
fn operations_are_found_across_several_documents() {
    let mut a = clean();
    let mut b = clean();
    a["paths"]
        .as_object_mut()
        .unwrap()
        .remove("/v2/warehouse/list");
    b["paths"]
        .as_object_mut()
        .unwrap()
        .remove("/v4/posting/fbs/list");
    assert_eq!(guard(&[a, b], &ops(), today()), vec![]);
}

/// The committed Ozon 2026-06 snapshot: the methods Ozon switched off are caught, their
/// successors are clean.
#[test]
fn the_real_ozon_snapshot_flags_the_old_posting_lists() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../ozon-api/spec/seller-api.2026-06.json"
    );
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    static OLD: Operation = Operation::post("old_fbs_list", "/v3/posting/fbs/list");
    static OLD_WH: Operation = Operation::post("old_warehouses", "/v1/warehouse/list");
    static GONE: Operation = Operation::post("sent_by_seller", "/v2/fbs/posting/sent-by-seller");
    let problems = guard(
        std::slice::from_ref(&doc),
        &[&OLD, &OLD_WH, &GONE, &FBS_LIST, &WAREHOUSES],
        today(),
    );
    let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(
        problems
            .iter()
            .any(|p| p.name == "old_fbs_list" && p.kind == GuardKind::Deprecated)
    );
    assert!(
        text.iter().any(|t| t.starts_with("old_fbs_list")
            && t.contains("switched off since 2026-06-01")
            && t.contains("successor /v4/posting/fbs/list")),
        "{text:#?}"
    );
    assert!(
        text.iter().any(|t| t.starts_with("old_warehouses")
            && t.contains("2026-04-07")
            && t.contains("successor /v2/warehouse/list")),
        "{text:#?}"
    );
    assert!(
        text.iter()
            .any(|t| t.starts_with("sent_by_seller") && t.contains("not in")),
        "{text:#?}"
    );
    assert!(
        !problems
            .iter()
            .any(|p| p.name == "posting_fbs_list" || p.name == "warehouse_list"),
        "{text:#?}"
    );
}
