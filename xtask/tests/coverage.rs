//! The coverage command: classification on a small document, the exclusion file's rules,
//! and the real crates against their current snapshots.
#![allow(clippy::unwrap_used, clippy::panic)]

use market_core::transport::Operation;
use serde_json::json;
use xtask::cli::{Vendor, coverage_report};
use xtask::coverage::{Class, coverage, crate_coverage, declared, parse_exclusions, section};

static LIST: Operation = Operation::get("list", "/v1/items/{id}");

fn doc() -> serde_json::Value {
    json!({
        "openapi": "3.0.0",
        "info": {"title": "Items", "version": "1"},
        "paths": {
            "/v1/items/{itemId}": {"get": {"responses": {}}},
            "/v1/items/old": {"get": {"deprecated": true, "responses": {}}},
            "/v1/items/soon": {"post": {
                "description": "Метод устаревает и будет отключён 7 апреля 2026 года.",
                "responses": {}
            }},
            "/v1/partner/report": {"post": {"responses": {}}},
            "/v1/items/new": {"post": {"responses": {}}, "get": {"responses": {}}}
        }
    })
}

fn class_of(cov: &xtask::coverage::Coverage, method: &str, path: &str) -> Class {
    cov.entries
        .iter()
        .find(|e| e.method == method && e.path == path)
        .unwrap_or_else(|| panic!("no {method} {path}"))
        .class
        .clone()
}

#[test]
fn every_operation_is_declared_retired_excluded_or_missing() {
    let exclusions = parse_exclusions(
        "# partner methods\nPOST /v1/partner/report  # partner-only, not for sellers\n",
    )
    .unwrap();
    let cov = coverage(&[doc()], &[&LIST], &exclusions).unwrap();
    assert_eq!(cov.entries.len(), 6);
    // Parameter names do not matter: {id} declares {itemId}.
    assert_eq!(class_of(&cov, "GET", "/v1/items/{itemId}"), Class::Declared);
    assert_eq!(class_of(&cov, "GET", "/v1/items/old"), Class::Retired);
    assert_eq!(class_of(&cov, "POST", "/v1/items/soon"), Class::Retired);
    assert_eq!(
        class_of(&cov, "POST", "/v1/partner/report"),
        Class::Excluded("partner-only, not for sellers".into())
    );
    assert_eq!(class_of(&cov, "POST", "/v1/items/new"), Class::Missing);
    assert_eq!(class_of(&cov, "GET", "/v1/items/new"), Class::Missing);
    // One declared of three callable.
    assert_eq!(cov.per_mille(), 333);
    let md = cov.to_markdown("Items", true);
    assert!(
        md.contains("6 operations: 1 declared, 2 missing, 2 retired"),
        "{md}"
    );
    assert!(md.contains("Coverage 33.3% of the 3 callable"), "{md}");
    assert!(md.contains("- `POST /v1/items/new` (items)"), "{md}");
    assert!(cov.unknown.is_empty());
}

#[test]
fn an_exclusion_needs_a_reason_and_a_live_undeclared_operation() {
    let err = parse_exclusions("POST /v1/partner/report\n").unwrap_err();
    assert!(err.contains("no reason"), "{err}");
    let err = parse_exclusions("POST  # reason\n").unwrap_err();
    assert!(err.contains("expected"), "{err}");

    let gone = parse_exclusions("GET /v9/gone  # old\n").unwrap();
    let err = coverage(&[doc()], &[&LIST], &gone).unwrap_err();
    assert!(err.contains("no such operation"), "{err}");

    let declared = parse_exclusions("GET /v1/items/{x}  # why\n").unwrap();
    let err = coverage(&[doc()], &[&LIST], &declared).unwrap_err();
    assert!(err.contains("declares it"), "{err}");

    let twice = parse_exclusions("POST /v1/items/new # a\nPOST /v1/items/new # b\n").unwrap();
    let err = coverage(&[doc()], &[&LIST], &twice).unwrap_err();
    assert!(err.contains("twice"), "{err}");
}

#[test]
fn a_declared_operation_the_snapshot_lacks_is_reported() {
    static GONE: Operation = Operation::post("gone", "/v1/gone");
    let cov = coverage(&[doc()], &[&LIST, &GONE], &[]).unwrap();
    assert_eq!(cov.unknown, vec!["POST /v1/gone".to_owned()]);
}

#[test]
fn sections_come_from_tags_titles_or_the_resource_in_the_path() {
    let op = json!({"tags": ["FBS"]});
    assert_eq!(section(false, &doc(), &op, "/v3/posting/fbs/list"), "FBS");
    let bare = json!({});
    assert_eq!(section(true, &doc(), &bare, "/api/v3/orders"), "Items");
    assert_eq!(
        section(false, &doc(), &bare, "/v3/posting/fbs/list"),
        "posting"
    );
    assert_eq!(
        section(
            false,
            &doc(),
            &bare,
            "/v2/campaigns/{campaignId}/offers/update"
        ),
        "offers"
    );
    assert_eq!(
        section(false, &doc(), &bare, "/v2/campaigns/{campaignId}"),
        "campaigns"
    );
    assert_eq!(
        section(false, &doc(), &bare, "/v2/campaigns/{c}/orders/{o}/boxes"),
        "orders"
    );
    assert_eq!(section(false, &doc(), &bare, "/"), "-");
}

#[test]
fn the_crates_against_their_current_snapshots() {
    for vendor in [Vendor::Ozon, Vendor::Wb, Vendor::YandexMarket] {
        let cov = crate_coverage(vendor, None).unwrap();
        // Every declared operation is in the snapshot and counted once.
        assert!(cov.unknown.is_empty(), "{vendor:?}: {:?}", cov.unknown);
        let mut keys: Vec<_> = declared(vendor)
            .iter()
            .map(|op| {
                (
                    op.method.as_str().to_owned(),
                    market_core::contract::lifecycle::path_key(op.path),
                )
            })
            .collect();
        keys.sort();
        keys.dedup();
        assert_eq!(cov.count(&Class::Declared), keys.len(), "{vendor:?}");
    }
    // The snapshots' sizes, as the issue counts them.
    let total = |v| crate_coverage(v, None).unwrap().entries.len();
    assert_eq!(total(Vendor::Ozon), 460);
    assert_eq!(total(Vendor::Wb), 286);
    assert_eq!(total(Vendor::YandexMarket), 160);
}

#[test]
fn a_minimum_below_the_coverage_fails_the_command() {
    let report = coverage_report(Some(Vendor::Wb), None, false, Some(1)).unwrap();
    assert!(report.contains("## Wildberries coverage"), "{report}");
    let err = coverage_report(Some(Vendor::Wb), None, false, Some(100)).unwrap_err();
    assert!(err.contains("Wildberries is below 100%"), "{err}");
}
