//! The contract harness reads the Yandex Market spec snapshot and checks requests as it should.
//! These tests do not use the client: they test the harness itself.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;

use crate::common::{
    API_KEY, NO_JSON_RESPONSE, OPERATIONS, assert_enum, assert_requests_match_spec, decode,
    error_response, http_date, mock, sent, sent_to, serve, spec,
};
use market_core::reexports::reqwest;
use serde_json::{Value, json};
use wiremock::{MockServer, ResponseTemplate};

#[test]
fn the_snapshot_holds_exactly_the_43_operations_none_deprecated() {
    assert_eq!(OPERATIONS.len(), 43);
    let ours: BTreeSet<&str> = OPERATIONS.iter().copied().collect();
    let theirs: BTreeSet<&str> = spec().operation_ids().into_iter().collect();
    assert_eq!(ours, theirs);
    for op in OPERATIONS {
        assert_eq!(spec().operation(op)["operationId"], *op);
        assert!(!spec().is_deprecated(op), "{op} is deprecated");
        // The same operation by "METHOD /path".
        let (m, p) = spec().locate(op);
        assert_eq!(spec().operation_id(&format!("{m} {p}")), *op);
        assert!(
            spec().operation(op)["responses"]["420"].is_object(),
            "{op}: no 420"
        );
    }
    assert_eq!(
        spec().locate("getBusinessOrders"),
        ("POST", "/v1/businesses/{businessId}/orders")
    );
    assert_eq!(
        spec().locate("updateStocks"),
        ("PUT", "/v2/campaigns/{campaignId}/offers/stocks")
    );
    assert_eq!(
        spec().locate("getStocks"),
        ("POST", "/v2/campaigns/{campaignId}/offers/stocks")
    );
    assert_eq!(spec().server(), "https://api.partner.market.yandex.ru");
}

/// `yandex_market_api::api::OPERATIONS` (what the guard and the drift report read) is the
/// contract tests' list, each entry at the spec's method and path, in its own limit group, with
/// its row in the quota table: the three lists cannot drift apart.
#[test]
fn the_crate_operation_list_is_the_contract_list_and_the_quota_table() {
    use yandex_market_api::api::OPERATIONS as CRATE_OPERATIONS;
    use yandex_market_api::limits;
    let ids: Vec<&str> = CRATE_OPERATIONS
        .iter()
        .map(|op| crate::common::spec_id(op))
        .collect();
    let unique: BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(
        unique.len(),
        ids.len(),
        "an operation is listed twice: {ids:?}"
    );
    let contract: BTreeSet<&str> = OPERATIONS.iter().copied().collect();
    assert_eq!(
        unique, contract,
        "api::OPERATIONS vs tests/common OPERATIONS"
    );
    let quotas: BTreeSet<&str> = limits::table().iter().map(|l| l.operation).collect();
    assert_eq!(unique, quotas, "api::OPERATIONS vs limits::table()");
    for op in CRATE_OPERATIONS {
        let (m, p) = spec().locate(crate::common::spec_id(op));
        assert_eq!(op.method.as_str(), m, "{}", crate::common::spec_id(op));
        assert_eq!(op.path, p, "{}", crate::common::spec_id(op));
        assert_eq!(
            op.name,
            crate::common::rule_name(op),
            "{}",
            crate::common::spec_id(op)
        );
    }
}

#[test]
#[should_panic(expected = "is not in the spec snapshot")]
fn an_unknown_operation_is_named() {
    spec().operation("getOrders");
}

#[test]
fn every_ref_resolves() {
    fn walk(v: &Value, refs: &mut BTreeSet<String>) {
        match v {
            Value::Object(m) => {
                if let Some(r) = m.get("$ref").and_then(Value::as_str) {
                    refs.insert(r.to_owned());
                }
                m.values().for_each(|x| walk(x, refs));
            }
            Value::Array(a) => a.iter().for_each(|x| walk(x, refs)),
            _ => {}
        }
    }
    let mut refs = BTreeSet::new();
    walk(&spec().docs()[0], &mut refs);
    assert!(refs.len() > 300, "{}", refs.len());
    for r in refs {
        let reference = json!({ "$ref": r });
        let (target, name) = spec().resolve(&reference);
        assert!(target.is_object(), "{r} does not resolve");
        assert!(name.is_some());
    }
    // A response by reference, then its schema by reference.
    let (resp, name) = spec().resolve(&spec().operation("getReturns")["responses"]["420"]);
    assert_eq!(name, Some("420"));
    assert_eq!(
        resp["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/ApiLimitErrorResponse"
    );
}

#[test]
fn every_operation_has_a_200_json_schema_or_says_why_not() {
    let mut without = BTreeSet::new();
    for op in OPERATIONS {
        assert!(
            spec().operation(op)["responses"]["200"].is_object(),
            "{op}: no 200"
        );
        let schema = spec().response_schema(op);
        if schema.is_object() {
            let max = spec().maximal(schema);
            assert!(max.is_object(), "{op}: {max}");
        } else {
            without.insert(*op);
        }
        assert!(
            spec().request_schema(op).is_object() || !spec().body_required(op),
            "{op}: a required body without a JSON schema"
        );
    }
    let listed: BTreeSet<&str> = NO_JSON_RESPONSE.iter().map(|(o, _)| *o).collect();
    assert_eq!(without, listed);
    for op in [
        "generateOrderLabels",
        "generateOrderLabel",
        "getReturnApplication",
    ] {
        assert!(
            spec().response(op, "200")["content"]["application/pdf"].is_object(),
            "{op}"
        );
    }
    assert!(spec().response("updateOrderItems", "200")["content"].is_null());
}

#[test]
fn every_operation_has_its_quota_row() {
    for op in OPERATIONS {
        let row = spec().limit(op);
        let (m, p) = spec().locate(op);
        assert_eq!(row["method"], m, "{op}");
        assert_eq!(row["path"], p, "{op}");
        assert!(row["resourceLimit"]["none"]["amount"].is_u64(), "{op}");
    }
    assert_eq!(
        spec().limit("updateStocks")["bodyArrayLimits"]["skus"]["maxItems"],
        2000
    );
    assert_eq!(spec().limits()["globalLimits"]["rateLimitStatus"], 420);
}

#[test]
fn maximal_instances_fill_every_field_with_yandex_formats() {
    let max = spec().maximal(spec().response_schema("getBusinessOrders"));
    let order = &max["orders"][0];
    assert_eq!(order["status"], "PLACING");
    assert_eq!(order["creationDate"], "2026-11-23T10:15:30Z");
    assert_eq!(order["delivery"]["dates"]["fromTime"], "09:00");
    assert_eq!(order["items"][0]["id"], 7);
    assert!(max["paging"]["nextPageToken"].is_string(), "{max}");

    // allOf over ApiResponse: the envelope and the result merged.
    let max = spec().maximal(spec().response_schema("getReturns"));
    assert_eq!(max["status"], "OK");
    assert!(max["result"]["returns"][0]["id"].is_i64(), "{max}");

    // The custom date formats.
    let dto = spec().maximal(&json!({"$ref": "#/components/schemas/DateDdMmYyyy"}));
    assert_eq!(dto, "23-11-2026");

    // Field examples from the vendor.
    let ex = spec().example_instance(spec().response_schema("getBusinessOrders"));
    assert_eq!(ex["orders"][0]["creationDate"], "2020-02-02T14:30:30+03:00");

    // Only required fields.
    let min = spec().minimal(spec().response_schema("getBusinessOrders"));
    assert!(min["orders"][0].get("notes").is_none(), "{min}");
    assert!(min["orders"][0]["orderId"].is_i64(), "{min}");
    assert!(min.get("paging").is_none(), "{min}");

    // Nullable fields null.
    let nulls = spec().nulls_instance(spec().response_schema("getBusinessOrders"));
    assert!(
        nulls["orders"][0]["items"][0]["instances"].is_null(),
        "{nulls}"
    );

    let empty = spec().maximal(spec().response_schema("updateStocks"));
    assert_eq!(empty, json!({"status": "OK"}));

    let err = spec().error_instance("updateStocks", "420");
    assert_eq!(err["status"], "ERROR");
    assert!(err["errors"][0]["code"].is_string(), "{err}");
}

#[test]
fn nested_all_of_is_flattened_for_the_request_checker() {
    let op = "updateBusinessPrices";
    let ok = json!({"offers": [{"offerId": "A-1", "price": {
        "value": 100, "currencyId": "RUR", "discountBase": 120, "minimumForBestseller": 90
    }}]});
    assert_eq!(spec().check_request(op, &ok), Vec::<String>::new());
    let bad = json!({"offers": [{"offerId": "A-1", "price": {"value": 100, "vat": 1}}]});
    let problems = spec().check_request(op, &bad);
    assert!(
        problems.iter().any(|p| p.contains("price.vat")),
        "{problems:?}"
    );
    assert!(
        problems.iter().any(|p| p.contains("price.currencyId")),
        "{problems:?}"
    );
}

#[test]
fn the_request_checker_catches_unknown_mistyped_missing_and_oversized() {
    let op = "updateStocks";
    let ok = json!({"skus": [{"sku": "A-1", "items": [{"count": 5}]}]});
    assert_eq!(spec().check_request(op, &ok), Vec::<String>::new());
    let bad = json!({"skus": [{"sku": 5, "items": [{"count": "x", "extra": 1}]}]});
    let problems = spec().check_request(op, &bad);
    assert_eq!(problems.len(), 3, "{problems:?}");
    let missing = json!({"skus": [{"items": [{"count": 1}]}]});
    assert_eq!(
        spec().check_request(op, &missing),
        ["skus[].sku: required but not sent"]
    );
    let two_items = json!({"skus": [{"sku": "A", "items": [{"count": 1}, {"count": 2}]}]});
    assert_eq!(
        spec().check_request(op, &two_items),
        ["skus[].items: 2 items, at most 1"]
    );
    let skus: Vec<Value> = (0..2001)
        .map(|i| json!({"sku": format!("S{i}"), "items": [{"count": 1}]}))
        .collect();
    assert_eq!(
        spec().check_request(op, &json!({ "skus": skus })),
        ["skus: 2001 items, at most 2000"]
    );
    let negative = json!({"skus": [{"sku": "A", "items": [{"count": -1}]}]});
    assert_eq!(
        spec().check_request(op, &negative),
        ["skus[].items[].count: -1 is below 0"]
    );
    let empty = json!({"skus": []});
    assert_eq!(
        spec().check_request(op, &empty),
        ["skus: 0 items, at least 1"]
    );
}

#[test]
fn the_query_checker_knows_aliases_arrays_bounds_and_deprecations() {
    let op = "getReturns";
    let check = |pairs: &[(&str, &str)]| spec().check_query(op, pairs.iter().copied());
    assert_eq!(
        check(&[
            ("pageToken", "abc"),
            ("limit", "100"),
            ("statuses", "STARTED_BY_USER,REFUNDED"),
            ("orderIds", "1"),
            ("orderIds", "2"),
            ("fromDate", "2026-11-01"),
        ]),
        Vec::<String>::new()
    );
    assert_eq!(check(&[("page_token", "abc")]), Vec::<String>::new());
    assert_eq!(
        check(&[("bogus", "1")]),
        ["query bogus: not a parameter of getReturns"]
    );
    assert_eq!(
        check(&[("limit", "101")]),
        ["query limit=101: 101 is above 100"]
    );
    assert_eq!(
        check(&[("limit", "1"), ("limit", "2")]),
        ["query limit: sent 2 times"]
    );
    assert_eq!(
        check(&[("pageToken", "")]),
        ["query pageToken: sent empty; omit it instead"]
    );
    assert_eq!(
        check(&[("from_date", "2026-11-01")]),
        ["query from_date: deprecated in the spec"]
    );
    assert_eq!(
        check(&[("fromDate", "01-11-2026")]),
        ["query fromDate=01-11-2026: not a YYYY-MM-DD date"]
    );
    assert!(check(&[("statuses", "NOPE")])[0].contains("not one of"));
    assert!(check(&[("type", "NOPE")])[0].contains("not one of"));
    assert_eq!(
        spec().check_path(op, "/v2/campaigns/12/returns"),
        Vec::<String>::new()
    );
    assert_eq!(
        spec().check_path(op, "/v2/campaigns/x/returns"),
        ["path campaignId=x: not an integer"]
    );
    assert_eq!(
        spec().check_path(op, "/v2/campaigns/0/returns"),
        ["path campaignId=0: 0 is below 1"]
    );
}

#[test]
fn strict_decoding_of_an_instance() {
    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Empty {
        status: String,
    }
    let v: Empty = decode(
        "updateStocks",
        "maximal",
        &spec().maximal(spec().response_schema("updateStocks")),
    );
    assert_eq!(v.status, "OK");
    assert_enum(
        &["OK", "ERROR"],
        spec().enum_values("ApiResponseStatusType"),
        "ApiResponseStatusType",
    );
    let statuses = spec().property_enum("BusinessOrderDTO", "status");
    assert!(statuses.contains("PROCESSING"), "{statuses:?}");
}

#[test]
#[should_panic(expected = "enum values differ")]
fn assert_enum_names_a_difference() {
    assert_enum(
        &["OK"],
        spec().enum_values("ApiResponseStatusType"),
        "ApiResponseStatusType",
    );
}

#[test]
fn http_dates_are_rfc_1123() {
    let t = std::time::UNIX_EPOCH + std::time::Duration::from_secs(784_111_777);
    assert_eq!(http_date(t), "Sun, 06 Nov 1994 08:49:37 GMT");
    let t = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_795_436_130);
    assert_eq!(http_date(t), "Mon, 23 Nov 2026 12:15:30 GMT");
    let t = std::time::UNIX_EPOCH + std::time::Duration::from_secs(951_782_400);
    assert_eq!(http_date(t), "Tue, 29 Feb 2000 00:00:00 GMT");
}

#[tokio::test]
async fn mocks_match_templates_and_requests_are_checked() {
    let server = serve(
        "getReturns",
        json!({"status": "OK", "result": {"returns": []}}),
    )
    .await;
    let http = reqwest::Client::new();
    let resp = http
        .get(format!("{}/v2/campaigns/12/returns", server.uri()))
        .header("Api-Key", API_KEY)
        .query(&[("limit", "50"), ("pageToken", "t1")])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 200);
    // Another operation's path: not matched by this mock.
    let other = http
        .get(format!("{}/v2/campaigns/12/settings", server.uri()))
        .send()
        .await
        .unwrap();
    assert_eq!(other.status().as_u16(), 404);
    assert_eq!(sent(&server).await.len(), 2);
    assert_eq!(sent_to(&server, "getReturns").await.len(), 1);
    assert_requests_match_spec(&server, "getReturns").await;

    // A body checked against the schema, on an operation sharing its path with another.
    let server = MockServer::start().await;
    mock("updateStocks")
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"status": "OK"})))
        .mount(&server)
        .await;
    let body = json!({"skus": [{"sku": "A-1", "items": [{"count": 3}]}]});
    let resp = http
        .put(format!("{}/v2/campaigns/5/offers/stocks", server.uri()))
        .header("Api-Key", API_KEY)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 200);
    assert_requests_match_spec(&server, "updateStocks").await;
}

#[tokio::test]
#[should_panic(expected = "does not match updateStocks")]
async fn a_bad_body_fails_the_request_check() {
    let server = serve("updateStocks", json!({"status": "OK"})).await;
    reqwest::Client::new()
        .put(format!("{}/v2/campaigns/5/offers/stocks", server.uri()))
        .header("Api-Key", API_KEY)
        .json(&json!({"skus": [{"sku": "A-1", "count": 3}]}))
        .send()
        .await
        .unwrap();
    assert_requests_match_spec(&server, "updateStocks").await;
}

#[tokio::test]
#[should_panic(expected = "the api-key header")]
async fn a_missing_api_key_fails_the_request_check() {
    let server = serve("getCampaigns", json!({"campaigns": []})).await;
    reqwest::Client::new()
        .get(format!("{}/v2/campaigns", server.uri()))
        .send()
        .await
        .unwrap();
    assert_requests_match_spec(&server, "getCampaigns").await;
}

#[tokio::test]
async fn error_responses_follow_the_spec() {
    let server = MockServer::start().await;
    mock("getCampaigns")
        .respond_with(error_response("getCampaigns", 420))
        .mount(&server)
        .await;
    let resp = reqwest::Client::new()
        .get(format!("{}/v2/campaigns", server.uri()))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 420);
    assert!(resp.headers().get("x-ratelimit-resource-until").is_some());
    let body: Value = resp.json().await.unwrap();
    assert_eq!(body["status"], "ERROR");
    assert!(body["errors"][0]["code"].is_string(), "{body}");
}
