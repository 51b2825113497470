//! The Yandex Market generator on a tiny Yandex-Market-like document: naming, sections, read
//! and write classes, quotas, item weights, the `result` rule, the money rule, deprecated
//! parameters, and the committed files being current.
#![allow(clippy::unwrap_used, clippy::panic)]

use serde_json::{Value, json};
use xtask::cli::{Vendor, generate};
use xtask::r#gen::ym::{
    SECTIONS, generate_section, is_money, is_money_in, is_read, limit, rule_name, section_of,
};
use xtask::r#gen::{HandWritten, Overrides};

fn quota(amount: u32, period: &str) -> Value {
    json!({"amount": amount, "period": period, "period-duration": 1})
}

fn doc() -> Value {
    json!({
        "openapi": "3.0.1",
        "info": {"title": "Tiny", "version": "1"},
        "servers": [{"url": "https://api.partner.market.yandex.ru"}],
        "paths": {
            "/v2/reports/info/{reportId}": {
                "get": {
                    "operationId": "getReportInfo",
                    "parameters": [
                        {"in": "path", "name": "reportId", "required": true, "schema": {"type": "string"}},
                        {"in": "query", "name": "page", "deprecated": true, "schema": {"type": "integer"}},
                        {"in": "query", "name": "sourceType", "schema": {"type": "string", "enum": ["UNKNOWN", "API"]}}
                    ],
                    "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/GetReportInfoResponse"}}}}},
                    "x-resource-limit-config": {"none": quota(100, "minutes"), "medium": quota(200, "minutes"), "path": "resp"}
                }
            },
            "/v2/reports/united-netting/generate": {
                "post": {
                    "operationId": "generateUnitedNettingReport",
                    "requestBody": {"content": {"application/json": {"schema": {
                        "type": "object",
                        "required": ["offerIds"],
                        "properties": {
                            "offerIds": {"type": "array", "items": {"type": "string"}},
                            "price": {"type": "object", "properties": {
                                "value": {"type": "number"},
                                "currencyId": {"type": "string"}
                            }},
                            "totalCount": {"type": "number"},
                            "region": {"$ref": "#/components/schemas/RegionDTO"}
                        }
                    }}}},
                    "responses": {"200": {"content": {"application/json": {"schema": {"type": "object", "properties": {"status": {"type": "string"}}}}}}},
                    "x-resource-limit-config": {"none": quota(10, "hours"), "medium": quota(10, "hours"), "path": "req.offerIds", "parallel-limit-value": 3}
                }
            },
            "/v2/reports/list": {
                "get": {
                    "operationId": "getReportsList",
                    "parameters": [
                        {"in": "query", "name": "limit", "schema": {"type": "integer", "default": 25, "maximum": 50}}
                    ],
                    "responses": {"200": {"content": {"application/json": {"schema": {"type": "object", "properties": {"reports": {"type": "array", "items": {"type": "string"}}}}}}}},
                    "x-resource-limit-config": {"none": quota(1000, "hours"), "medium": quota(1000, "hours"), "path": "resp.reports"}
                }
            },
            "/v2/reports/old/generate": {
                "post": {
                    "operationId": "generateOldReport",
                    "deprecated": true,
                    "responses": {"200": {}},
                    "x-resource-limit-config": {"none": quota(1, "hours"), "medium": quota(1, "hours"), "path": "resp"}
                }
            },
            "/v2/reports/declared/generate": {
                "post": {
                    "operationId": "generateDeclaredReport",
                    "responses": {"200": {}},
                    "x-resource-limit-config": {"none": quota(1, "hours"), "medium": quota(1, "hours"), "path": "resp"}
                }
            }
        },
        "components": {"schemas": {
            "GetReportInfoResponse": {"type": "object", "properties": {
                "status": {"type": "string"},
                "result": {"type": "object", "properties": {"fileUrl": {"type": "string"}}}
            }},
            "RegionDTO": {"type": "object", "required": ["id"], "properties": {
                "id": {"type": "integer", "format": "int64"},
                "parent": {"$ref": "#/components/schemas/RegionDTO"}
            }}
        }}
    })
}

fn hand() -> HandWritten {
    HandWritten {
        operations: [(
            "POST /v2/reports/declared/generate".to_owned(),
            "generateDeclaredReport".to_owned(),
        )]
        .into(),
        groups: ["generateDeclaredReport".to_owned()].into(),
    }
}

#[test]
fn names_sections_and_read_classes() {
    assert_eq!(rule_name("getReportInfo"), "report_info_get");
    assert_eq!(rule_name("searchRegionsByName"), "regions_by_name_search");
    assert_eq!(rule_name("putBidsForBusiness"), "bids_for_business_put");
    assert!(is_read("getReportInfo") && is_read("downloadShipmentAct"));
    assert!(!is_read("generateUnitedNettingReport") && !is_read("putBidsForCampaign"));
    assert_eq!(
        section_of("/v2/reports/info/{reportId}").unwrap().module,
        "reports"
    );
    assert_eq!(
        section_of("/v2/campaigns/{campaignId}/first-mile/shipments")
            .unwrap()
            .module,
        "shipments"
    );
    assert_eq!(section_of("/v2/regions").unwrap().module, "general");
    assert!(section_of("/v2/nowhere").is_none());
}

#[test]
fn the_money_rule() {
    assert!(is_money("reports", "price", &json!({"type": "number"})));
    assert!(is_money(
        "reports",
        "buyerTotal",
        &json!({"type": "number"})
    ));
    // Integers are counts, percents in hundredths, ids.
    assert!(!is_money("reports", "total", &json!({"type": "integer"})));
    assert!(!is_money(
        "reports",
        "totalCount",
        &json!({"type": "number"})
    ));
    assert!(!is_money(
        "reports",
        "pricePercent",
        &json!({"type": "number"})
    ));
    let price = json!({"properties": {"value": {}, "currencyId": {}}});
    assert!(is_money_in(&price, "value", &json!({"type": "number"})));
    assert!(!is_money_in(
        &json!({"properties": {"value": {}}}),
        "value",
        &json!({"type": "number"})
    ));
}

#[test]
fn quotas_come_from_the_resource_limit_config() {
    let d = doc();
    let l = limit(
        &d["paths"]["/v2/reports/united-netting/generate"]["post"],
        "x",
    )
    .unwrap();
    assert_eq!((l.none.amount, l.none.seconds), (10, 3600));
    assert_eq!(l.path, "req.offerIds");
    assert_eq!(l.parallel, Some(3));
    assert!(limit(&json!({}), "x").is_err());
}

#[test]
fn a_section_is_generated_in_the_crate_style() {
    let out = generate_section(&doc(), SECTIONS[0], &hand(), &Overrides::default()).unwrap();
    let names: Vec<&str> = out.ops.iter().map(|o| o.name.as_str()).collect();
    // Deprecated and hand-written operations are left alone.
    assert_eq!(
        names,
        [
            "report_info_get",
            "reports_list_get",
            "united_netting_report_generate"
        ]
    );
    let src = &out.source;
    for want in [
        "pub static REPORT_INFO_GET: Operation =",
        ".in_group(\"getReportInfo\");",
        ".in_group(\"generateUnitedNettingReport\").non_idempotent();",
        ".weight(body.offer_ids.len())",
        // Items returned: the page size asked for, else the default.
        ".weight(query.limit.and_then(|l| usize::try_from(l).ok()).unwrap_or(25))",
        "if response.result.is_none() {",
        "UnknownValue = \"UNKNOWN\"",
        "pub parent: Option<Box<RegionDto>>,",
        "deserialize_with = \"market_core::wire::de::opt_decimal\"",
        "pub fn reports(&self) -> ReportsApi<'_>",
    ] {
        assert!(src.contains(want), "{want}\n{src}");
    }
    // The deprecated `page` is not offered; `totalCount` is not money.
    assert!(!src.contains("pub page:"), "{src}");
    assert!(src.contains("pub total_count: Option<f64>"), "{src}");
    assert!(out.tests.contains("fn report_info_get_responses_decode()"));
    assert!(
        out.tests
            .contains("fn united_netting_report_generate_request_matches_spec()")
    );
    let root = xtask::coverage::repo_root();
    let formatted = xtask::r#gen::rustfmt(src, &root).unwrap();
    assert!(
        formatted.starts_with("//! @generated by cargo xtask gen yandex-market — do not edit\n")
    );
}

#[test]
fn an_override_names_or_skips_an_operation() {
    let o = Overrides::parse(
        "op GET /v2/reports/info/{reportId} report_info\n\
         skip POST /v2/reports/united-netting/generate not today\n",
    )
    .unwrap();
    let out = generate_section(&doc(), SECTIONS[0], &hand(), &o).unwrap();
    let names: Vec<&str> = out.ops.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(names, ["report_info", "reports_list_get"]);
    assert_eq!(
        out.skipped,
        ["`POST /v2/reports/united-netting/generate`: not today"]
    );
}

#[test]
fn the_committed_yandex_market_files_are_current() {
    let report = generate(Vendor::YandexMarket, true).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        report.contains("unchanged yandex-market-api/src/generated/mod.rs"),
        "{report}"
    );
}
