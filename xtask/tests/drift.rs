//! The drift command on the real committed snapshot pairs.
#![allow(clippy::unwrap_used, clippy::panic)]

use std::path::{Path, PathBuf};

use xtask::cli::{Vendor, drift_report, read_ops_file};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn ozon_report() -> String {
    let r = root();
    let uses = read_ops_file(&r.join("xtask/tests/fixtures/ozon-ops-2025-09.txt")).unwrap();
    drift_report(
        Vendor::Ozon,
        &r.join("ozon-api/spec/history/seller-api.2025-09.json"),
        &r.join("ozon-api/spec/seller-api.2026-06.json"),
        &uses,
    )
    .unwrap()
}

fn line_of<'a>(report: &'a str, needle: &str) -> &'a str {
    report
        .lines()
        .find(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("no line with {needle} in\n{report}"))
}

#[test]
fn ozon_2025_09_to_2026_06_names_the_migrated_methods() {
    let report = ozon_report();
    for (path, date, successor) in [
        ("/v3/posting/fbs/list", "2026-06-01", "/v4/posting/fbs/list"),
        (
            "/v3/posting/fbs/unfulfilled/list",
            "2026-06-01",
            "/v4/posting/fbs/unfulfilled/list",
        ),
        ("/v2/posting/fbo/list", "2026-06-01", "/v3/posting/fbo/list"),
        ("/v1/warehouse/list", "2026-04-07", "/v2/warehouse/list"),
        (
            "/v1/product/info/stocks-by-warehouse/fbs",
            "2026-04-07",
            "/v2/product/info/stocks-by-warehouse/fbs",
        ),
        (
            "/v1/delivery-method/list",
            "2026-04-07",
            "/v2/delivery-method/list",
        ),
    ] {
        // In the crate's section and in the list of notices, marked new.
        let used = line_of(&report, &format!("- `POST {path}` ("));
        assert!(
            used.contains(&format!("shutdown {date}, successor `{successor}`")),
            "{used}"
        );
        let announced = line_of(&report, &format!("- `POST {path}`: shutdown"));
        assert!(announced.contains("(new)"), "{announced}");
    }
    let gone = line_of(&report, "- `POST /v2/fbs/posting/sent-by-seller` (");
    assert!(gone.contains("**removed**"), "{gone}");
    let removed_section = report
        .split("## Removed operations")
        .nth(1)
        .and_then(|s| s.split("## ").next())
        .unwrap();
    assert!(removed_section.contains("- `POST /v2/fbs/posting/sent-by-seller`"));
    let stock = line_of(&report, "- `POST /v2/analytics/stock_on_warehouses`: ");
    assert!(
        stock.contains("shutdown announced without a date, successor `/v1/analytics/stocks`"),
        "{stock}"
    );
    // The FBS posting's tariffication turned from a list into an object.
    assert!(
        report.contains("response 200 `result.postings[].tariffication`: retyped array -> object"),
        "{report}"
    );
}

#[test]
fn wb_2025_12_to_2026_08_names_the_removed_supplier_stocks() {
    let r = root();
    let uses = read_ops_file(&r.join("xtask/tests/fixtures/wb-ops-2025-12.txt")).unwrap();
    let report = drift_report(
        Vendor::Wb,
        &r.join("wb-api/spec/history/2025-12"),
        &r.join("wb-api/spec/2026-08"),
        &uses,
    )
    .unwrap();
    let used = line_of(&report, "- `GET /api/v1/supplier/stocks` (");
    assert!(used.contains("**removed**"), "{used}");
    assert!(
        report.contains("\n- `GET /api/v1/supplier/stocks`\n"),
        "{report}"
    );
}

#[test]
fn the_operations_the_crates_call_today_are_live_in_the_current_snapshots() {
    use xtask::cli::crate_operations;
    let r = root();
    for (vendor, old, new) in [
        (
            Vendor::Ozon,
            "ozon-api/spec/history/seller-api.2025-09.json",
            "ozon-api/spec/seller-api.2026-06.json",
        ),
        (
            Vendor::Wb,
            "wb-api/spec/history/2025-12",
            "wb-api/spec/2026-08",
        ),
    ] {
        let uses = crate_operations(vendor);
        assert!(uses.len() > 30, "{vendor:?}: {} operations", uses.len());
        let report = drift_report(vendor, &r.join(old), &r.join(new), &uses).unwrap();
        for u in &uses {
            let line = line_of(&report, &format!("- `{} {}` (", u.method, u.path));
            for bad in ["**removed**", "**deprecated**", "**shutdown"] {
                assert!(!line.contains(bad), "{vendor:?}: {line}");
            }
        }
    }
    // The Ozon crate now calls the successors, which the old snapshot did not have.
    let uses = crate_operations(Vendor::Ozon);
    let report = drift_report(
        Vendor::Ozon,
        &r.join("ozon-api/spec/history/seller-api.2025-09.json"),
        &r.join("ozon-api/spec/seller-api.2026-06.json"),
        &uses,
    )
    .unwrap();
    assert!(
        report.contains("- `POST /v4/posting/fbs/list` ("),
        "{report}"
    );
    assert!(
        !report.contains("- `POST /v3/posting/fbs/list` ("),
        "{report}"
    );
}
