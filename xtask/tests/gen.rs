//! The generator on a tiny WB-like document: what it writes for each schema feature, the
//! naming and money rules, the override file, and the committed WB files being current.
#![allow(clippy::unwrap_used, clippy::panic)]

use serde_json::{Value, json};
use xtask::cli::{Vendor, generate};
use xtask::r#gen::wb::{HandWritten, Overrides, SECTIONS, generate_section, is_money};

fn doc() -> Value {
    json!({
        "openapi": "3.0.1",
        "info": {"title": "Tiny", "version": "1"},
        "paths": {
            "/api/v1/tariffs/box": {
                "servers": [{"url": "https://common-api.wildberries.ru"}],
                "get": {
                    "parameters": [
                        {"in": "query", "name": "date", "required": true, "schema": {"type": "string", "format": "date"}},
                        {"in": "query", "name": "sort", "schema": {"type": "string", "enum": ["date", "category"]}}
                    ],
                    "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/BoxResponse"}}}}},
                    "x-readonly-method": true,
                    "x-wb-rate-limits": {"scope": "Request limit per one seller account:", "limits": [
                        {"type": "Personal", "limit": "60 requests", "period": "1 min", "burst": "5 requests"},
                        {"type": "Service", "limit": "60 requests", "period": "1 min", "burst": "5 requests"},
                        {"type": "Base with secret", "limit": "60 requests", "period": "1 min", "burst": "5 requests"},
                        {"type": "Base", "limit": "1 request", "period": "1 h", "burst": "1 request"}
                    ]}
                }
            },
            "/api/v1/reports/{reportId}": {
                "servers": [{"url": "https://finance-api.wildberries.ru"}],
                "post": {
                    "parameters": [{"in": "path", "name": "reportId", "required": true, "schema": {"type": "integer", "format": "int64"}}],
                    "requestBody": {"content": {"application/json": {"schema": {
                        "type": "object",
                        "required": ["limit"],
                        "properties": {"limit": {"type": "integer"}, "filter": {"type": "object", "properties": {"nmId": {"type": "integer"}}}}
                    }}}},
                    "responses": {
                        "200": {"content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/models.Row"}}}}},
                        "204": {}
                    },
                    "x-readonly-method": false,
                    "x-wb-rate-limits": {"scope": "Request limit per one seller account:", "limits": [
                        {"limit": "1 request", "period": "1 min", "burst": "1 request"}
                    ]}
                }
            },
            "/api/v3/declared": {
                "servers": [{"url": "https://common-api.wildberries.ru"}],
                "get": {"responses": {}, "x-readonly-method": true, "x-wb-rate-limits": {"limits": []}}
            }
        },
        "components": {"schemas": {
            "BoxResponse": {"type": "object", "properties": {"response": {"$ref": "#/components/schemas/models.BoxResponse"}}},
            "models.BoxResponse": {"type": "object", "properties": {
                "data": {"oneOf": [
                    {"type": "object", "properties": {"kgvpA": {"type": "number"}, "list": {"type": "array", "items": {"type": "object", "properties": {"a": {"type": "string"}}}}}},
                    {"type": "object", "properties": {"kgvpB": {"type": "number"}, "list": {"type": "array", "items": {"type": "object", "properties": {"b": {"type": "integer"}}}}}}
                ]},
                "status": {"type": "string", "enum": ["active", "inactive", ""]},
                "extra": {"type": "object", "additionalProperties": {"type": "integer"}}
            }},
            "models.Row": {"type": "object", "required": ["retailAmount", "forPay", "dt"], "properties": {
                "retailAmount": {"type": "string", "example": "367"},
                "forPay": {"type": "number"},
                "deliveryAmount": {"type": "integer"},
                "commissionPercent": {"type": "number"},
                "warehouseName": {"type": "string", "example": "1 039"},
                "dt": {"type": "string", "format": "date-time"},
                "rrdId": {"type": "integer", "format": "int64"},
                "fromId": {"type": "integer", "format": "uint64"},
                "type": {"type": "string", "nullable": true},
                "nmIDs": {"type": "array", "items": {"type": "integer"}},
                "nmIds": {"type": "array", "items": {"type": "integer"}},
                "mode": {"type": "string", "enum": ["fast", "slow"]},
                "order": {"$ref": "#/components/schemas/RowMode"}
            }},
            "RowMode": {"type": "string", "enum": ["asc", "desc"], "example": "asc"}
        }}
    })
}

fn overrides() -> Overrides {
    Overrides::parse(
        "# a comment\n\
         type wb-tariffs models.BoxResponse BoxResponseBody\n\
         op POST /api/v1/reports/{reportId} report_rows  # the rule's name is long\n",
    )
    .unwrap()
}

fn hand() -> HandWritten {
    HandWritten {
        operations: [("GET /api/v3/declared".to_owned(), "stocks".to_owned())].into(),
        groups: ["stocks".to_owned()].into(),
    }
}

fn generated() -> xtask::r#gen::wb::SectionOut {
    generate_section(
        &doc(),
        SECTIONS[0],
        &hand(),
        &overrides(),
        &mut Default::default(),
    )
    .unwrap()
}

#[test]
fn every_schema_feature_becomes_the_crate_style() {
    let out = generated();
    let src = &out.source;
    let names: Vec<&str> = out.ops.iter().map(|o| o.name.as_str()).collect();
    // The declared operation is left to the hand-written code; the override names one.
    assert_eq!(names, ["report_rows", "tariffs_box"]);
    for want in [
        // Statics with their group and retry class.
        "pub static TARIFFS_BOX: Operation = Operation::get(\"tariffs_box\", \"/api/v1/tariffs/box\").in_group(\"tariffs_box\");",
        ".in_group(\"report_rows\").non_idempotent();",
        // Components named by the rule and the override; inline objects after parent + field.
        "pub struct BoxResponse {",
        "pub struct BoxResponseBody {",
        "pub struct BoxResponseBodyData {",
        "pub struct BoxResponseBodyDataList {",
        "pub struct Row {",
        "pub struct ReportRowsRequest {",
        "pub struct ReportRowsRequestFilter {",
        "pub struct TariffsBoxQuery {",
        // oneOf of objects: every variant's fields, none required, nested objects merged.
        "pub kgvp_a: Option<f64>,",
        "pub kgvp_b: Option<f64>,",
        "pub a: Option<String>,",
        "pub b: Option<i64>,",
        // Enums keep unknown values (wire_enum!), the empty value has a name.
        "market_core::wire_enum! {",
        "Empty = \"\",",
        "pub status: Option<BoxResponseBodyStatus>,",
        // additionalProperties: a map.
        "pub extra: Option<BTreeMap<String, i64>>,",
        // Money: strings with a numeric example and numbers, by name; counts and shares not.
        "deserialize_with = \"market_core::wire::de::decimal\"",
        "pub retail_amount: Decimal,",
        "serialize_with = \"market_core::wire::ser::number\"",
        "pub for_pay: Decimal,",
        "pub delivery_amount: Option<i64>,",
        "pub commission_percent: Option<f64>,",
        "pub warehouse_name: Option<String>,",
        // Formats: date-time through the wire helper, int64, uint64, date; keywords; nullable.
        "deserialize_with = \"market_core::wire::de::opt_time\"",
        "pub dt: Option<DateTime<Utc>>,",
        "pub rrd_id: Option<i64>,",
        "pub from_id: Option<u64>,",
        "pub date: NaiveDate,",
        "pub r#type: Option<String>,",
        // Two wire names of one snake_case; an inline enum whose name a component holds.
        "pub nm_ids: Option<Vec<i64>>,",
        "pub nm_ids_2: Option<Vec<i64>>,",
        "pub mode: Option<RowMode2>,",
        "pub order: Option<RowMode>,",
        // Strict under the feature, wire names kept.
        "#[cfg_attr(feature = \"strict\", serde(deny_unknown_fields))]",
        "rename = \"retailAmount\"",
        // Methods: path parameters, query, body, 204 as None, the host of the server URL.
        "pub async fn report_rows(&self, report_id: i64, body: &ReportRowsRequest) -> Result<Option<Vec<Row>>>",
        ".path_param(\"reportId\", report_id).json(body)?",
        "self.client.transport(Host::Finance)",
        "request = request.query(\"date\", query.date);",
        "if let Some(v) = &query.sort {",
        "pub async fn tariffs_box(&self, query: &TariffsBoxQuery) -> Result<BoxResponse>",
        "pub fn tariffs(&self) -> TariffsApi<'_>",
    ] {
        let flat: String = src.split_whitespace().collect::<Vec<_>>().join(" ");
        let want_flat: String = want.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(&want_flat), "missing {want:?} in\n{src}");
    }
    // A struct with a required enum cannot derive Default; the others do.
    assert!(src.contains("Default"), "{src}");
    assert_eq!(out.money_strings, ["retailAmount"]);
    // The limit groups: a row for every token, the base one where it differs.
    let tb = out.ops.iter().find(|o| o.name == "tariffs_box").unwrap();
    assert_eq!(
        (
            tb.group.full.count,
            tb.group.full.seconds,
            tb.group.full.burst
        ),
        (60, 60, 5)
    );
    assert_eq!(tb.group.base.map(|b| (b.count, b.seconds)), Some((1, 3600)));
    assert_eq!(tb.host, "Common");
    // Tests: strict decoding, the request checked, the answer written back.
    assert!(
        out.tests.contains("fn tariffs_box_responses_decode()"),
        "{}",
        out.tests
    );
    assert!(
        out.tests.contains("fn report_rows_request_matches_spec()"),
        "{}",
        out.tests
    );
}

#[test]
fn the_output_is_valid_rust() {
    let out = generated();
    let root = xtask::coverage::repo_root();
    let formatted = xtask::r#gen::rustfmt(&out.source, &root).unwrap();
    assert!(formatted.starts_with("//! @generated by cargo xtask gen wb — do not edit\n"));
    assert!(xtask::r#gen::rustfmt("fn broken( {", &root).is_err());
}

#[test]
fn a_name_clash_asks_for_an_override() {
    let err = generate_section(
        &doc(),
        SECTIONS[0],
        &hand(),
        &Overrides::default(),
        &mut Default::default(),
    )
    .unwrap_err();
    assert!(
        err.contains("BoxResponse") && err.contains("override"),
        "{err}"
    );
    // A limit group of the hand-written table is not taken.
    let taken = HandWritten {
        groups: ["tariffs_box".to_owned()].into(),
        ..hand()
    };
    let err = generate_section(
        &doc(),
        SECTIONS[0],
        &taken,
        &overrides(),
        &mut Default::default(),
    )
    .unwrap_err();
    assert!(
        err.contains("tariffs_box") && err.contains("hand-written"),
        "{err}"
    );
    assert!(Overrides::parse("rename x y").is_err());
}

#[test]
fn the_money_rule() {
    let num = json!({"type": "number"});
    let numeric_text = json!({"type": "string", "example": "376.99"});
    let text = json!({"type": "string", "example": "Комиссия"});
    assert!(is_money("wb-tariffs", "ppvzSalesCommission", &numeric_text));
    assert!(is_money("wb-tariffs", "retailPriceWithDisc", &numeric_text));
    assert!(is_money("wb-tariffs", "penalty", &numeric_text));
    assert!(is_money(
        "financial-reports-and-accounting",
        "for_withdraw",
        &num
    ));
    assert!(is_money(
        "financial-reports-and-accounting",
        "current",
        &num
    ));
    assert!(!is_money("analytics", "current", &num));
    assert!(!is_money("wb-tariffs", "saleInvoiceCostPricePerc", &num));
    assert!(is_money("wb-tariffs", "acquiringFee", &numeric_text));
    assert!(!is_money("wb-tariffs", "paymentProcessing", &text));
    assert!(!is_money("wb-tariffs", "commissionPercent", &num));
    assert!(!is_money("wb-tariffs", "kgvpMarketplace", &num));
    assert!(!is_money(
        "wb-tariffs",
        "deliveryAmount",
        &json!({"type": "integer"})
    ));
    assert!(!is_money("wb-tariffs", "totalCommissionRate", &num));
    assert!(!is_money(
        "wb-tariffs",
        "retailAmount",
        &json!({"type": "string"})
    ));
}

#[test]
fn the_committed_wb_files_are_current() {
    let report = generate(Vendor::Wb, true).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        report.contains("unchanged wb-api/src/generated/mod.rs"),
        "{report}"
    );
}

fn limits(scope: &str, per_minute: u32) -> Value {
    json!({"scope": scope, "limits": [
        {"limit": format!("{per_minute} requests"), "period": "1 min", "burst": "5 requests"}
    ]})
}

fn op(readonly: bool, scope: &str, per_minute: u32) -> Value {
    json!({
        "responses": {"200": {"content": {"application/json": {"schema": {"type": "object", "properties": {"ok": {"type": "boolean"}}}}}}},
        "x-readonly-method": readonly,
        "x-wb-rate-limits": limits(scope, per_minute)
    })
}

#[test]
fn versions_shared_scopes_files_and_left_out_operations() {
    const SHARED: &str =
        "Request limit per one seller account for all methods in the FBS category:";
    const OWN: &str = "Request limit per one seller account:";
    let server = json!([{"url": "https://marketplace-api.wildberries.ru"}]);
    let doc = json!({
        "openapi": "3.0.1",
        "info": {"title": "Tiny", "version": "1"},
        "paths": {
            "/adv/v0/stats": {"servers": server, "post": op(true, OWN, 5)},
            "/adv/v1/stats": {"servers": server, "post": op(true, OWN, 5)},
            "/api/v3/passes": {"servers": server, "get": op(true, SHARED, 300)},
            "/api/v3/passes/offices": {"servers": server, "get": op(true, SHARED, 10)},
            "/api/v3/report/file": {"servers": server, "get": {
                "responses": {"200": {"content": {"application/zip": {"schema": {"type": "string", "format": "binary"}}}}},
                "x-readonly-method": true,
                "x-wb-rate-limits": limits(OWN, 1)
            }},
            "/api/v3/media": {"servers": server, "post": {
                "requestBody": {"content": {"multipart/form-data": {"schema": {"type": "object"}}}},
                "responses": {"200": {}},
                "x-readonly-method": false,
                "x-wb-rate-limits": limits(OWN, 1)
            }},
            "/api/v3/odd": {"servers": server, "get": op(true, OWN, 1)},
            "/api/v3/old": {"servers": server, "get": {"deprecated": true, "responses": {}}},
            "/api/v3/soon": {"servers": server, "post": {
                "description": "Метод устаревает и будет отключён 7 апреля 2026 года.",
                "responses": {}
            }}
        }
    });
    let overrides =
        Overrides::parse("skip GET /api/v3/odd its example contradicts its schema\n").unwrap();
    // The hand-written FBS methods hold the shared scope with their group `fbs`.
    let hand_group = xtask::r#gen::wb::Group {
        name: "fbs".into(),
        full: xtask::r#gen::wb::Row {
            count: 300,
            seconds: 60,
            burst: 5,
        },
        base: None,
        four_xx_cost: 1,
        hand: true,
    };
    let mut shared = [(SHARED.trim().to_owned(), hand_group)].into();
    let hand = HandWritten {
        groups: ["fbs".to_owned()].into(),
        ..HandWritten::default()
    };
    let out = generate_section(&doc, SECTIONS[0], &hand, &overrides, &mut shared).unwrap();
    let by_name = |n: &str| {
        out.ops
            .iter()
            .find(|o| o.name == n)
            .unwrap_or_else(|| panic!("no {n}: {:?}", out.ops))
    };
    // Named alike by the rule: the version tells them apart.
    by_name("adv_stats_v0");
    by_name("adv_stats_v1");
    // The shared scope's hand-written group, unless the rows differ.
    assert_eq!(by_name("passes").group.name, "fbs");
    assert!(by_name("passes").group.hand);
    assert_eq!(by_name("passes_offices").group.name, "passes_offices");
    // A file answer comes back as its bytes.
    let flat: String = out.source.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("pub async fn report_file(&self) -> Result<bytes::Bytes>"),
        "{}",
        out.source
    );
    // Left out, with the reason.
    assert_eq!(
        out.skipped,
        [
            "`POST /api/v3/media`: a non-JSON request body",
            "`GET /api/v3/odd`: its example contradicts its schema",
        ]
    );
    // Left out too: hand-written, deprecated, announced off (the coverage's "retired").
    let names: Vec<&str> = out.ops.iter().map(|o| o.name.as_str()).collect();
    for gone in ["media_create", "odd", "old", "soon", "soon_create"] {
        assert!(!names.contains(&gone), "{names:?}");
    }
}
