//! The contract harness reads WB's current snapshot (`spec/2026-08`, 13 sections), checks
//! requests as it should, and every operation the crate calls has its contract checks.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};

use crate::common::spec;
use serde_json::json;
use wb_api::api::OPERATIONS;

#[test]
fn every_operation_we_call_resolves_with_its_host_and_a_maximal_instance() {
    for op in OPERATIONS {
        let name = format!("{} {}", op.method, op.path);
        let _ = spec().operation(&name);
        assert!(
            spec().server(&name).starts_with("https://"),
            "{name}: {}",
            spec().server(&name)
        );
        let _ = spec().maximal(spec().response_schema(&name));
    }
    let max = spec().maximal(spec().response_schema("GET /api/v3/orders"));
    assert!(max["orders"][0]["id"].is_number(), "{max}");
}

#[test]
fn a_reference_resolves_in_its_own_section() {
    // `Order` is a schema of three sections; the FBS orders' one has `supplyId`, the others
    // do not.
    let max = spec().maximal(spec().response_schema("GET /api/v3/orders"));
    assert!(max["orders"][0].get("supplyId").is_some(), "{max}");
    assert!(max["orders"][0].get("srid").is_none(), "{max}");
}

#[test]
fn the_request_checker_catches_unknown_and_mistyped_fields() {
    let op = "PUT /api/v3/stocks/{warehouseId}";
    let ok = json!({"stocks": [{"chrtId": 12345678, "amount": 10}]});
    assert!(
        spec().check_request(op, &ok).is_empty(),
        "{:?}",
        spec().check_request(op, &ok)
    );
    let bad = json!({"stocks": [{"chrtId": "5", "amount": "x", "sku": "B"}]});
    assert_eq!(
        spec().check_request(op, &bad).len(),
        3,
        "{:?}",
        spec().check_request(op, &bad)
    );
    let url = url::Url::parse("https://x/api/v3/orders?limit=10&next=0&bogus=1").unwrap();
    let problems = spec().check_query("GET /api/v3/orders", url.query_pairs());
    assert_eq!(
        problems,
        ["query bogus: not a parameter of GET /api/v3/orders"]
    );
    let url = url::Url::parse("https://x/api/v3/orders?next=0").unwrap();
    assert!(
        spec()
            .check_query("GET /api/v3/orders", url.query_pairs())
            .iter()
            .any(|p| p.contains("limit"))
    );
    // The meta delete's `key` is required since 2026-08.
    let url = url::Url::parse("https://x/api/v3/orders/1/meta").unwrap();
    assert_eq!(
        spec().check_query("DELETE /api/v3/orders/{orderId}/meta", url.query_pairs()),
        ["query key: required but not sent"]
    );
}

/// The second argument of each call to `function` in `source`, resolved through the file's
/// `const NAME: &str = "METHOD /path";` lines.
fn calls(source: &str, function: &str) -> BTreeSet<String> {
    let consts: BTreeMap<&str, &str> = source
        .lines()
        .filter_map(|l| l.trim().strip_prefix("const "))
        .filter_map(|l| {
            let (name, rest) = l.split_once(": &str = \"")?;
            Some((name.trim(), rest.strip_suffix("\";")?))
        })
        .collect();
    let mut out = BTreeSet::new();
    for (i, _) in source.match_indices(function) {
        let rest = &source[i + function.len()..];
        // Skip a turbofish: the arguments start after `>(`, or at `(`.
        let start = match rest.strip_prefix("::<") {
            Some(r) => i + function.len() + 3 + r.find(">(").unwrap() + 2,
            None if rest.starts_with('(') => i + function.len() + 1,
            None => continue,
        };
        let end = start + source[start..].find(')').unwrap();
        let arg = source[start..end].rsplit(',').next().unwrap().trim();
        let arg = arg.trim_start_matches('&');
        let value = match arg.strip_prefix('"') {
            Some(lit) => lit.trim_end_matches('"').to_owned(),
            None => match consts.get(arg) {
                Some(v) => (*v).to_owned(),
                None => continue,
            },
        };
        out.insert(value);
    }
    out
}

#[test]
fn every_operation_we_call_has_its_contract_checks() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/it");
    let mut requests = BTreeSet::new();
    let mut responses = BTreeSet::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        if !(name.starts_with("contract_") && name.ends_with(".rs")) {
            continue;
        }
        let source = std::fs::read_to_string(&path).unwrap();
        requests.extend(calls(&source, "assert_requests_match_spec"));
        requests.extend(calls(&source, "assert_requests_to_match_spec"));
        responses.extend(calls(&source, "assert_responses_decode"));
    }
    let mut missing = Vec::new();
    for op in OPERATIONS {
        let name = format!("{} {}", op.method, op.path);
        if !requests.contains(&name) {
            missing.push(format!("{name}: no request checked against the spec"));
        }
        // A JSON success body is decoded strictly (examples and a maximal instance).
        let has_body = ["200", "201", "202"].iter().any(|c| {
            !spec().operation(&name)["responses"][*c].is_null()
                && !spec().response(&name, c)["content"]["application/json"].is_null()
        });
        if has_body && !responses.contains(&name) {
            missing.push(format!("{name}: its answer is not decoded strictly"));
        }
    }
    assert!(missing.is_empty(), "{missing:#?}");
}
