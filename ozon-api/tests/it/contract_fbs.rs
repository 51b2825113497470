//! Contract tests of the FBS postings section against the Ozon spec snapshot.

use crate::common::*;
use chrono::{DateTime, Utc};
use futures::TryStreamExt;
use market_core::RejectionStage;
use ozon_api::api::fbs::*;
use ozon_api::ids::DeliveryMethodId;
use ozon_api::models::common::*;
use ozon_api::models::fbs::*;
use ozon_api::{PostingNumber, Sku, WarehouseId};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use wiremock::matchers::{body_partial_json, method, path};
use wiremock::{Mock, MockServer, Request as WireRequest, Respond, ResponseTemplate};

// ---------------------------------------------------------------------------------------------
// Helpers.
// ---------------------------------------------------------------------------------------------

/// Fields the spec types as plain strings that this crate reads as money or as the status
/// enum: the harness fills plain strings with `"text"`, which neither can be.
const MONEY_STRINGS: &[&str] = &[
    "price",
    "amount",
    "current_tariff_charge",
    "next_tariff_charge",
    "delivery_price",
];

/// Replaces the harness's `"text"` in money-string and status fields with wire-like values;
/// returns how many were replaced.
fn patch_typed_strings(v: &mut Value) -> usize {
    let mut n = 0;
    match v {
        Value::Object(m) => {
            for (k, x) in m.iter_mut() {
                if x == "text" && MONEY_STRINGS.contains(&k.as_str()) {
                    *x = json!("480.000000");
                    n += 1;
                } else if x == "text" && k == "status" {
                    *x = json!("awaiting_packaging");
                    n += 1;
                } else if x == "text" && k == "substatus" {
                    *x = json!("posting_created");
                    n += 1;
                } else if x == "text" && k == "tpl_integration_type" {
                    *x = json!("ozon");
                    n += 1;
                } else {
                    n += patch_typed_strings(x);
                }
            }
        }
        Value::Array(a) => {
            for x in a {
                n += patch_typed_strings(x);
            }
        }
        _ => {}
    }
    n
}

/// As `assert_responses_decode`, with the maximal instance's money strings and status filled
/// with wire-like values (the vendor example is decoded as is).
fn assert_responses_decode_typed<T: serde::de::DeserializeOwned>(p: &str) -> T {
    let s = spec();
    if let Some(example) = s.response_example(p) {
        decode::<T>(p, "vendor example", &example);
    }
    let mut max = s.maximal(s.response_schema(p));
    assert!(
        patch_typed_strings(&mut max) > 0,
        "{p}: nothing to patch; use assert_responses_decode"
    );
    decode::<T>(p, "maximal instance", &max)
}

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// A v4 list posting as Ozon sends it, with the given product price amount.
fn posting(number: &str, amount: Value) -> Value {
    json!({
        "addressee": null,
        "analytics_data": null,
        "available_actions": ["ship", "cancel"],
        "barcodes": null,
        "cancellation": {"affect_cancellation_rating": false, "cancel_reason": "", "cancel_reason_id": 0,
                         "cancellation_initiator": "", "cancellation_type": "", "cancelled_after_ship": false},
        "customer": null,
        "delivering_date": null,
        "delivery_method": {"id": 21321684811000i64, "name": "Ozon", "tpl_provider": "Ozon Логистика",
                            "tpl_provider_id": 24, "warehouse": "Main", "warehouse_id": 21321684811000i64},
        "financial_data": null,
        "in_process_at": "2022-05-13T07:07:32Z",
        "is_express": false,
        "is_multibox": false,
        "legal_info": null,
        "multi_box_qty": 0,
        "optional": {"products_with_possible_mandatory_mark": []},
        "order_id": 680420041,
        "order_number": "05708065-0029",
        "parent_posting_number": "",
        "pickup_code_verified_at": null,
        "posting_number": number,
        "products": [{"imei": [], "is_blr_traceable": false, "is_marketplace_buyout": false,
                      "name": "Конструктор", "offer_id": "205953",
                      "price": {"amount": amount, "currency": "RUB"}, "quantity": 2, "sku": 358924380}],
        "prr_option": "",
        "quantum_id": 0,
        "requirements": {"products_requiring_gtd": ["358924380"], "products_requiring_country": []},
        "shipment_date": "2022-05-13T10:00:00Z",
        "status": "awaiting_packaging",
        "substatus": "posting_created",
        "tariffication": {"current_tariff_rate": 0, "current_tariff_type": "", "next_tariff_rate": 0},
        "tpl_integration_type": "ozon",
        "tracking_number": ""
    })
}

fn window() -> FbsPostingListFilter {
    FbsPostingListFilter::new(t("2024-01-01T00:00:00Z"), t("2024-02-01T00:00:00Z"))
}

fn is_validation(e: &market_core::Error) -> bool {
    matches!(e, market_core::Error::Validation { .. })
}

// ---------------------------------------------------------------------------------------------
// Decoding and enums.
// ---------------------------------------------------------------------------------------------

#[test]
fn responses_decode_strictly() {
    assert_responses_decode_typed::<FbsPostingListResponse>("/v4/posting/fbs/list");
    assert_responses_decode_typed::<FbsUnfulfilledListResponse>("/v4/posting/fbs/unfulfilled/list");
    assert_responses_decode_typed::<FbsPostingGetResponse>("/v3/posting/fbs/get");
    assert_responses_decode_typed::<ShipResponse>("/v4/posting/fbs/ship");
    assert_responses_decode::<ShipPackageResponse>("/v4/posting/fbs/ship/package");
    assert_responses_decode::<BooleanResponse>("/v2/posting/fbs/cancel");
    assert_responses_decode::<CancelReasonListResponse>("/v2/posting/fbs/cancel-reason/list");
    assert_responses_decode::<CancelReasonResponse>("/v1/posting/fbs/cancel-reason");
    assert_responses_decode::<BooleanResponse>("/v2/posting/fbs/awaiting-delivery");
    assert_responses_decode::<MoveStatusResponse>("/v2/fbs/posting/delivering");
    assert_responses_decode::<MoveStatusResponse>("/v2/fbs/posting/last-mile");
    assert_responses_decode::<MoveStatusResponse>("/v2/fbs/posting/delivered");
    assert_responses_decode::<MoveStatusResponse>("/v2/fbs/posting/tracking-number/set");
}

#[test]
fn the_vendor_examples_decode_to_the_values_they_show() {
    let s = spec();
    let list: FbsPostingListResponse = decode(
        "/v4/posting/fbs/list",
        "vendor example",
        &s.response_example("/v4/posting/fbs/list").unwrap(),
    );
    let p = &list.postings[0];
    assert!(!list.has_next);
    assert!(!list.cursor.is_empty());
    assert_eq!(p.posting_number, PostingNumber::new("0208245774-0029-1"));
    assert_eq!(p.status, PostingStatus::AwaitingPackaging);
    assert_eq!(p.substatus, PostingSubstatus::Created);
    assert_eq!(p.tpl_integration_type, TplIntegrationType::Ozon);
    assert_eq!(p.products[0].price.amount, Decimal::new(1299000, 2));
    assert_eq!(p.products[0].price.currency, "RUB");
    assert_eq!(p.products[0].sku, Sku(1904686181));
    // The tariffication is an object since 2026.
    let tariff = p.tariffication.typed().unwrap().as_ref().unwrap();
    assert_eq!(
        tariff.current_tariff_charge.as_ref().unwrap().amount,
        Decimal::new(100, 0)
    );
    let fin = p.financial_data.typed().unwrap().as_ref().unwrap();
    assert_eq!(fin.products[0].commission.as_ref().unwrap().percent, 10);
    assert_eq!(fin.products[0].product_id, Sku(1904686181));

    let unfulfilled: FbsUnfulfilledListResponse = decode(
        "/v4/posting/fbs/unfulfilled/list",
        "vendor example",
        &s.response_example("/v4/posting/fbs/unfulfilled/list")
            .unwrap(),
    );
    assert!(!unfulfilled.postings.is_empty());

    // The detail's tariffication is an object too.
    let detail: FbsPostingGetResponse = decode(
        "/v3/posting/fbs/get",
        "vendor example",
        &s.response_example("/v3/posting/fbs/get").unwrap(),
    );
    assert!(detail.result.tariffication.typed().is_some());

    // The transitions' `error` is typed as a string but the examples send `[]` and `null`.
    let moved: MoveStatusResponse = decode(
        "/v2/fbs/posting/delivering",
        "vendor example",
        &s.response_example("/v2/fbs/posting/delivering").unwrap(),
    );
    assert_eq!(moved.result[0].error, "");
    assert!(moved.result[0].result);
}

/// The values of the posting status as the original spec's descriptions name them (of the
/// list filters and of the posting `status` fields); the snapshot keeps no descriptions.
const STATUSES_NAMED_BY_THE_SPEC: &[&str] = &[
    "awaiting_registration",
    "acceptance_in_progress",
    "awaiting_approve",
    "awaiting_packaging",
    "awaiting_deliver",
    "awaiting_verification",
    "arbitration",
    "client_arbitration",
    "delivering",
    "driver_pickup",
    "delivered",
    "cancelled",
    "cancelled_from_split_pending",
    "not_accepted",
    "sent_by_seller",
];

#[test]
fn posting_status_matches_the_spec() {
    let s = spec();
    for (schema, prop) in [
        ("posting.v4.PostingFbsListResponse.Postings", "status"),
        (
            "posting.v4.PostingFbsUnfulfilledListResponse.Postings",
            "status",
        ),
        ("v2FboPosting", "status"),
        ("posting.v3.PostingFboListResponse.Postings", "status"),
    ] {
        let p = &s.schema(schema)["properties"][prop];
        if p.get("enum").is_some() {
            // The day the spec declares the enum, it is the truth.
            assert_enum(
                PostingStatus::KNOWN,
                s.property_enum(schema, prop),
                "posting status",
            );
        } else {
            assert_eq!(p["type"], "string", "{schema}.{prop}");
        }
    }
    assert_enum(
        PostingStatus::KNOWN,
        STATUSES_NAMED_BY_THE_SPEC
            .iter()
            .map(|s| s.to_string())
            .collect(),
        "posting status",
    );
    // The raw value stays reachable.
    let st: PostingStatus = serde_json::from_str("\"driver_pickup\"").unwrap();
    assert_eq!(st.as_str(), "driver_pickup");
}

#[test]
fn sort_direction_matches_the_vendor_examples() {
    let s = spec();
    for p in ["/v4/posting/fbs/list", "/v4/posting/fbs/unfulfilled/list"] {
        let dir = s.request_example(p).unwrap()["sort_dir"].clone();
        let d: SortDirection = serde_json::from_value(dir).unwrap();
        assert_eq!(d, SortDirection::Asc);
    }
}

/// `v` with every `$ref` replaced by the schema it names (a reference cycle is left as is).
fn resolved(v: &Value) -> Value {
    fn go(v: &Value, seen: &mut Vec<String>) -> Value {
        match v {
            Value::Object(m) => {
                if let Some(Value::String(r)) = m.get("$ref") {
                    let name = r.rsplit('/').next().unwrap().to_owned();
                    if seen.contains(&name) {
                        return v.clone();
                    }
                    seen.push(name.clone());
                    let out = go(spec().schema(&name), seen);
                    seen.pop();
                    return out;
                }
                Value::Object(m.iter().map(|(k, x)| (k.clone(), go(x, seen))).collect())
            }
            Value::Array(a) => Value::Array(a.iter().map(|x| go(x, seen)).collect()),
            other => other.clone(),
        }
    }
    go(v, &mut Vec::new())
}

// ---------------------------------------------------------------------------------------------
// `tariffication`: an object since the 2026-06 spec, a list before.
// ---------------------------------------------------------------------------------------------

/// The 2025-09 shape of `tariffication` (a list, as the old snapshot's example sends it).
fn tariffication_as_a_list() -> Value {
    json!([{"current_tariff_charge": "", "current_tariff_charge_currency_code": "",
            "current_tariff_rate": 0, "current_tariff_type": "", "next_tariff_charge": "",
            "next_tariff_charge_currency_code": "", "next_tariff_rate": 0,
            "next_tariff_starts_at": "2023-11-13T08:05:57.657Z", "next_tariff_type": ""}])
}

/// A page of three postings whose `tariffication` has the old (list) shape.
fn page_with_list_tariffication() -> Value {
    let postings: Vec<Value> = [
        ("1-1-1", json!("480.000000")),
        ("1-1-2", json!(480.5)),
        ("1-1-3", json!("99")),
    ]
    .into_iter()
    .map(|(n, amount)| {
        let mut p = posting(n, amount);
        p["tariffication"] = tariffication_as_a_list();
        p
    })
    .collect();
    json!({"cursor": "", "has_next": false, "postings": postings})
}

#[test]
fn the_typed_tariffication_is_the_object_of_the_2026_spec() {
    let s = spec();
    for schema in [
        "posting.v4.PostingFbsListResponse.Postings",
        "v3FbsPostingDetail",
    ] {
        let t = &resolved(s.schema(schema))["properties"]["tariffication"];
        assert_eq!(t["type"], "object", "{schema}");
        assert!(
            t["properties"]["current_tariff_rate"].is_object(),
            "{schema}"
        );
    }
    let p: FbsPosting = serde_json::from_value(posting("1-1-1", json!("1"))).unwrap();
    assert!(p.tariffication.typed().unwrap().is_some());
}

/// Strict (contract) mode: the old list shape fails the page and the error names the field.
#[cfg(feature = "strict")]
#[tokio::test]
async fn strict_a_tariffication_of_another_shape_fails_naming_the_field() {
    let server = serve("/v4/posting/fbs/list", page_with_list_tariffication()).await;
    let err = client(&server)
        .fbs()
        .list(&FbsPostingListRequest::new(window(), 100))
        .await
        .unwrap_err();
    match &err {
        market_core::Error::Decode { path, .. } => {
            assert_eq!(path, "postings[0].tariffication", "{err}");
        }
        other => panic!("expected a decode error, got {other:?}"),
    }
    assert!(
        err.to_string().contains("postings[0].tariffication"),
        "{err}"
    );
}

/// Tolerant (default) mode: the old list shape is kept as raw JSON and every posting of the
/// page still reads right: ids, status, lines, prices, dates.
#[cfg(not(feature = "strict"))]
#[tokio::test]
async fn tolerant_a_tariffication_of_another_shape_loses_no_posting() {
    let server = serve("/v4/posting/fbs/list", page_with_list_tariffication()).await;
    let postings: Vec<FbsPosting> = client(&server)
        .fbs()
        .list_stream(window(), FbsPostingWith::default())
        .try_collect()
        .await
        .unwrap();
    let numbers: Vec<&str> = postings.iter().map(|p| p.posting_number.as_str()).collect();
    assert_eq!(numbers, ["1-1-1", "1-1-2", "1-1-3"]);
    let prices: Vec<Decimal> = postings
        .iter()
        .map(|p| p.products[0].price.amount)
        .collect();
    assert_eq!(
        prices,
        [
            Decimal::new(480, 0),
            Decimal::new(4805, 1),
            Decimal::new(99, 0)
        ]
    );
    for p in &postings {
        assert_eq!(p.order_id, 680420041);
        assert_eq!(p.order_number, "05708065-0029");
        assert_eq!(p.status, PostingStatus::AwaitingPackaging);
        assert_eq!(p.substatus, PostingSubstatus::Created);
        assert_eq!(p.tpl_integration_type, TplIntegrationType::Ozon);
        assert_eq!(p.in_process_at, Some(t("2022-05-13T07:07:32Z")));
        assert_eq!(p.shipment_date, Some(t("2022-05-13T10:00:00Z")));
        let line = &p.products[0];
        assert_eq!(
            (line.offer_id.as_str(), line.sku, line.quantity),
            ("205953", Sku(358924380), 2)
        );
        assert_eq!(line.price.currency, "RUB");
        // The changed field is kept verbatim, not typed.
        assert!(p.tariffication.typed().is_none());
        assert_eq!(p.tariffication.raw(), Some(&tariffication_as_a_list()));
    }
    // The same through the unified trait: three orders with their lines and prices.
    let ozon = client(&server);
    let m: &dyn market_core::Marketplace = &ozon;
    let orders: Vec<market_core::Order> = m
        .orders(
            market_core::OrderQuery::window(
                market_core::TimeWindow::new(t("2024-01-01T00:00:00Z"), t("2024-02-01T00:00:00Z"))
                    .unwrap(),
            )
            .with_schemes([market_core::DeliveryScheme::Fbs]),
        )
        .try_collect()
        .await
        .unwrap();
    assert_eq!(orders.len(), 3);
    assert_eq!(orders[1].id.as_str(), "1-1-2");
    assert_eq!(orders[1].lines[0].unit_price, Decimal::new(4805, 1));
    assert_eq!(orders[1].lines[0].quantity, 2);
    assert_eq!(orders[1].created_at, t("2022-05-13T07:07:32Z"));
}

#[test]
fn schemas_modelled_by_one_type_are_identical() {
    let s = spec();
    for (a, b) in [
        ("v3PostingFinancialData", "v2PostingFinancialDataFBO"),
        ("v3AdditionalDataItem", "v2AdditionalDataItem"),
        (
            "v2MovePostingToAwaitingDeliveryRequest",
            "postingFbsPostingDeliveringRequest",
        ),
        (
            "postingFbsPostingDeliveringRequest",
            "postingFbsPostingLastMileRequest",
        ),
        (
            "postingFbsPostingDeliveringRequest",
            "postingFbsPostingDeliveredRequest",
        ),
        (
            "posting.v4.PostingFbsListResponse.Postings",
            "posting.v4.PostingFbsUnfulfilledListResponse.Postings",
        ),
    ] {
        // Compared with every `$ref` replaced by what it names: the v4 lists name their
        // sub-schemas differently but define them alike.
        assert_eq!(
            resolved(s.schema(a))["properties"],
            resolved(s.schema(b))["properties"],
            "{a} and {b} differ"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Lists.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn a_price_as_string_and_as_number_decode_to_the_same_decimal() {
    let server = serve(
        "/v4/posting/fbs/list",
        json!({"has_next": false, "postings": [
            posting("1-1-1", json!("480.000000")),
            posting("1-1-2", json!(480)),
            posting("1-1-3", json!(480.0)),
        ]}),
    )
    .await;
    let ozon = client(&server);
    let page = ozon
        .fbs()
        .list(&FbsPostingListRequest::new(window(), 100))
        .await
        .unwrap();
    let prices: Vec<Decimal> = page
        .postings
        .iter()
        .map(|p| p.products[0].price.amount)
        .collect();
    assert_eq!(prices, [Decimal::new(480, 0); 3]);
    assert_eq!(
        prices[0].to_string(),
        "480.000000",
        "the wire scale is kept"
    );
    let p = &page.postings[0];
    assert_eq!(p.shipment_date, Some(t("2022-05-13T10:00:00Z")));
    assert_eq!(p.delivering_date, None);
    assert_eq!(p.pickup_code_verified_at, None);
    assert_eq!(
        p.requirements.as_ref().unwrap().products_requiring_gtd,
        [Sku(358924380)]
    );
    assert_requests_match_spec(&server, "/v4/posting/fbs/list").await;
}

#[tokio::test]
async fn list_stream_follows_the_cursor_until_has_next_is_false() {
    let server = MockServer::start().await;
    Mock::given(body_partial_json(json!({"cursor": "next-2"})))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "cursor": "", "has_next": false, "postings": [posting("3-3-3", json!("10.5"))]})))
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(path("/v4/posting/fbs/list"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"cursor": "next-2",
            "has_next": true, "postings": [posting("1-1-1", json!("1")), posting("2-2-2", json!("2"))]})))
        .with_priority(2)
        .mount(&server)
        .await;
    let ozon = client(&server);
    let filter = window()
        .with_status(PostingStatus::AwaitingPackaging)
        .with_warehouses([WarehouseId(22142605386000)])
        .with_delivery_methods([DeliveryMethodId(21321684811000)])
        .with_status_changed(t("2024-01-10T00:00:00Z"), t("2024-01-20T00:00:00Z"));
    let all: Vec<FbsPosting> = ozon
        .fbs()
        .list_stream(filter, FbsPostingWith::all())
        .try_collect()
        .await
        .unwrap();
    let numbers: Vec<&str> = all.iter().map(|p| p.posting_number.as_str()).collect();
    assert_eq!(numbers, ["1-1-1", "2-2-2", "3-3-3"]);
    assert_eq!(all[2].products[0].price.amount, Decimal::new(105, 1));

    let requests = sent(&server).await;
    assert_eq!(requests.len(), 2, "stops after has_next = false");
    assert!(requests[0].1.get("cursor").is_none());
    assert_eq!(requests[1].1["cursor"], "next-2");
    let body = &requests[0].1;
    assert_eq!(body["limit"], POSTING_FBS_LIST_PAGE_MAX);
    assert_eq!(body["sort_dir"], "ASC");
    assert_eq!(body["filter"]["since"], "2024-01-01T00:00:00Z");
    assert_eq!(body["filter"]["statuses"], json!(["awaiting_packaging"]));
    assert_eq!(body["filter"]["warehouse_ids"], json!(["22142605386000"]));
    assert_eq!(
        body["filter"]["delivery_method_ids"],
        json!(["21321684811000"])
    );
    assert_eq!(body["with"]["financial_data"], true);
    assert_requests_match_spec(&server, "/v4/posting/fbs/list").await;
}

#[tokio::test]
async fn a_cursor_that_does_not_move_or_an_empty_cursor_with_more_pages_is_an_error() {
    for cursor in ["same", ""] {
        let server = serve(
            "/v4/posting/fbs/list",
            json!({"cursor": cursor, "has_next": true, "postings": [posting("1-1-1", json!("1"))]}),
        )
        .await;
        let ozon = client(&server);
        let r: Result<Vec<FbsPosting>, _> = ozon
            .fbs()
            .list_stream(window(), FbsPostingWith::default())
            .try_collect()
            .await;
        assert!(r.is_err(), "{cursor:?}");
        assert!(
            sent(&server).await.len() <= 3,
            "{cursor:?}: no endless loop"
        );
    }
}

#[tokio::test]
async fn a_200_without_the_postings_list_is_an_error_not_an_empty_page() {
    for p in ["/v4/posting/fbs/list", "/v4/posting/fbs/unfulfilled/list"] {
        let server = serve(p, json!({"cursor": "", "has_next": false})).await;
        let ozon = client(&server);
        let r: Result<Vec<FbsPosting>, _> = if p.contains("unfulfilled") {
            ozon.fbs()
                .unfulfilled_stream(
                    FbsUnfulfilledListFilter::by_cutoff(
                        t("2024-01-01T00:00:00Z"),
                        t("2024-01-08T00:00:00Z"),
                    ),
                    FbsPostingWith::default(),
                )
                .try_collect()
                .await
        } else {
            ozon.fbs()
                .list_stream(window(), FbsPostingWith::default())
                .try_collect()
                .await
        };
        let err = r.unwrap_err();
        assert!(
            matches!(err, market_core::Error::Decode { .. }),
            "{p}: {err}"
        );
    }
}

#[tokio::test]
async fn a_bad_window_or_limit_is_rejected_before_sending() {
    let server = MockServer::start().await;
    let ozon = client(&server);
    let fbs = ozon.fbs();
    let same = t("2024-01-01T00:00:00Z");
    let cases = [
        FbsPostingListRequest::new(FbsPostingListFilter::new(same, same), 100),
        FbsPostingListRequest::new(
            FbsPostingListFilter::new(t("2024-02-01T00:00:00Z"), same),
            100,
        ),
        FbsPostingListRequest::new(
            FbsPostingListFilter::new(same, t("2025-06-01T00:00:00Z")),
            100,
        ),
        FbsPostingListRequest::new(window(), 0),
        FbsPostingListRequest::new(window(), POSTING_FBS_LIST_PAGE_MAX + 1),
    ];
    for c in &cases {
        let err = fbs.list(c).await.unwrap_err();
        assert!(is_validation(&err), "{c:?}: {err}");
    }
    let err = fbs
        .list(&FbsPostingListRequest::new(
            FbsPostingListFilter::new(t("2024-02-01T00:00:00Z"), same),
            100,
        ))
        .await
        .unwrap_err();
    assert!(err.to_string().contains("not before"), "{err}");
    // The stream reports the same error, without sending.
    let streamed: Result<Vec<_>, _> = fbs
        .list_stream(
            FbsPostingListFilter::new(same, same),
            FbsPostingWith::default(),
        )
        .try_collect()
        .await;
    assert!(is_validation(&streamed.unwrap_err()));
    assert!(sent(&server).await.is_empty());
}

#[tokio::test]
async fn unfulfilled_stream_follows_the_cursor() {
    let server = MockServer::start().await;
    let page = |n: usize, from: usize| {
        (from..from + n)
            .map(|i| posting(&format!("U-{i}"), json!("5")))
            .collect::<Vec<_>>()
    };
    Mock::given(body_partial_json(json!({"cursor": "u2"})))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"count": 3, "cursor": "", "has_next": false, "postings": page(3, 100)}),
        ))
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(path("/v4/posting/fbs/unfulfilled/list"))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"count": 100, "cursor": "u2", "has_next": true, "postings": page(100, 0)}),
        ))
        .with_priority(2)
        .mount(&server)
        .await;
    let ozon = client(&server);
    let filter =
        FbsUnfulfilledListFilter::by_cutoff(t("2024-01-01T00:00:00Z"), t("2024-01-08T00:00:00Z"))
            .with_status(PostingStatus::AwaitingPackaging)
            .with_warehouses([WarehouseId(15110442724000)]);
    let all: Vec<FbsPosting> = ozon
        .fbs()
        .unfulfilled_stream(filter, FbsPostingWith::default())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 103);
    assert_eq!(all[102].posting_number.as_str(), "U-102");
    let requests = sent(&server).await;
    assert_eq!(requests.len(), 2);
    assert_eq!(
        requests[0].1["filter"]["cutoff_from"],
        "2024-01-01T00:00:00Z"
    );
    assert_eq!(
        requests[0].1["filter"]["warehouse_ids"],
        json!(["15110442724000"])
    );
    assert_requests_match_spec(&server, "/v4/posting/fbs/unfulfilled/list").await;
}

#[tokio::test]
async fn unfulfilled_takes_exactly_one_window() {
    let server = serve(
        "/v4/posting/fbs/unfulfilled/list",
        json!({"count": 0, "cursor": "", "has_next": false, "postings": []}),
    )
    .await;
    let ozon = client(&server);
    let fbs = ozon.fbs();
    let (a, b) = (t("2024-01-01T00:00:00Z"), t("2024-01-02T00:00:00Z"));
    let both = FbsUnfulfilledListFilter {
        delivering_date_from: Some(a),
        delivering_date_to: Some(b),
        ..FbsUnfulfilledListFilter::by_cutoff(a, b)
    };
    for f in [
        both,
        FbsUnfulfilledListFilter::default(),
        FbsUnfulfilledListFilter {
            cutoff_from: Some(a),
            ..Default::default()
        },
        FbsUnfulfilledListFilter::by_cutoff(b, a),
    ] {
        let err = fbs
            .unfulfilled(&FbsUnfulfilledListRequest::new(f.clone(), 100))
            .await
            .unwrap_err();
        assert!(is_validation(&err), "{f:?}");
    }
    assert!(sent(&server).await.is_empty());

    // By delivering date only: no cut-off is sent (the v4 schema no longer requires one).
    fbs.unfulfilled(&FbsUnfulfilledListRequest::new(
        FbsUnfulfilledListFilter::by_delivering_date(a, b),
        100,
    ))
    .await
    .unwrap();
    let (_, body) = sent(&server).await.pop().unwrap();
    assert_eq!(
        body["filter"]["delivering_date_from"],
        "2024-01-01T00:00:00Z"
    );
    assert!(body["filter"].get("cutoff_from").is_none());
    let problems = spec().check_request("/v4/posting/fbs/unfulfilled/list", &body);
    assert!(problems.is_empty(), "{problems:#?}");
}

// ---------------------------------------------------------------------------------------------
// Detail.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn get_decodes_the_detail() {
    let mut detail = posting("57195475-0050-3", json!("279.0000"));
    let d = detail.as_object_mut().unwrap();
    d.remove("quantum_id"); // not in the detail schema
    d.insert(
        "prr_option".into(),
        json!({"code": "lift", "currency_code": "RUB", "floor": "5", "price": "150.50"}),
    );
    d.insert("delivery_price".into(), json!(""));
    d.insert(
        "previous_substatus".into(),
        json!("posting_transferring_to_delivery"),
    );
    d.insert("provider_status".into(), json!(""));
    d.insert(
        "additional_data".into(),
        json!([{"key": "k", "value": "v"}]),
    );
    d.insert("courier".into(), json!(null));
    d.insert(
        "related_postings".into(),
        json!({"related_posting_numbers": ["57195475-0050-4"]}),
    );
    d.insert("product_exemplars".into(), json!({"products": [{"sku": 180550365, "exemplars": [
        {"exemplar_id": 9, "gtd": "", "is_gtd_absent": true, "is_rnpt_absent": true, "mandatory_mark": "010", "rnpt": ""}]}]}));
    d.insert("products".into(), json!([{"currency_code": "RUB", "dimensions": {"height": "40.00", "length": "240.00", "weight": "260", "width": "140.00"},
        "is_blr_traceable": false, "is_marketplace_buyout": false, "jw_uin": null, "mandatory_mark": [], "name": "Кофе",
        "offer_id": "250-7898-1", "price": "279.0000", "quantity": 1, "sku": 180550365}]));
    d.insert("status".into(), json!("delivered"));
    let server = serve("/v3/posting/fbs/get", json!({"result": detail})).await;
    let ozon = client(&server);
    let got = ozon
        .fbs()
        .get(&FbsPostingGetRequest::new("57195475-0050-3").with(FbsPostingWithExemplars::all()))
        .await
        .unwrap();
    assert_eq!(got.status, PostingStatus::Delivered);
    assert_eq!(got.products[0].price, Decimal::new(279, 0));
    assert!(got.products[0].jw_uin.is_empty(), "null reads as empty");
    assert_eq!(got.prr_option.unwrap().price, Some(Decimal::new(15050, 2)));
    assert_eq!(got.delivery_price, None);
    assert_eq!(
        got.related_postings.unwrap().related_posting_numbers,
        [PostingNumber::new("57195475-0050-4")]
    );
    assert_eq!(
        got.product_exemplars.unwrap().products[0].exemplars[0].exemplar_id,
        9
    );
    let (_, body) = sent(&server).await.pop().unwrap();
    assert_eq!(body["with"]["product_exemplars"], true);
    assert_requests_match_spec(&server, "/v3/posting/fbs/get").await;

    let err = ozon
        .fbs()
        .get(&FbsPostingGetRequest::new(" "))
        .await
        .unwrap_err();
    assert!(is_validation(&err));
    assert_eq!(sent(&server).await.len(), 1);
}

// ---------------------------------------------------------------------------------------------
// Shipping.
// ---------------------------------------------------------------------------------------------

/// Answers `/v3/posting/fbs/get` with the posting asked for, packed, in `substatus` (a
/// posting number listed in `failed` gets `ship_failed` instead).
async fn mount_get_after_packing(server: &MockServer, failed: &'static [&'static str]) {
    Mock::given(method("POST"))
        .and(path("/v3/posting/fbs/get"))
        .respond_with(move |r: &WireRequest| {
            let body: Value = serde_json::from_slice(&r.body).unwrap();
            let number = body["posting_number"].as_str().unwrap().to_owned();
            let substatus = if failed.contains(&number.as_str()) {
                "ship_failed"
            } else {
                "posting_created"
            };
            ResponseTemplate::new(200).set_body_json(json!({"result": {
                "posting_number": number,
                "status": if failed.contains(&number.as_str()) { "awaiting_packaging" } else { "awaiting_deliver" },
                "substatus": substatus,
                "tpl_integration_type": "ozon"
            }}))
        })
        .mount(server)
        .await;
}

/// The paths the server was asked, in order.
async fn paths(server: &MockServer) -> Vec<String> {
    sent(server)
        .await
        .iter()
        .map(|(r, _)| r.url.path().to_owned())
        .collect()
}

fn ship_answer() -> Value {
    json!({"additional_data": [{"posting_number": "89491381-0072-1", "products": [
        {"currency_code": "RUB", "mandatory_mark": ["123"], "name": "x", "offer_id": "17125",
         "price": "2000", "quantity": 1, "sku": 149618972}]}],
        "result": ["89491381-0072-1", "89491381-0072-2"]})
}

#[tokio::test]
async fn ship_sends_the_packages_shape_the_spec_asks() {
    let server = serve("/v4/posting/fbs/ship", ship_answer()).await;
    mount_get_after_packing(&server, &[]).await;
    let ozon = client(&server);
    let request = ShipRequest::new(
        "89491381-0072-1",
        vec![
            ShipPackage::new(vec![ShipPackageProduct::new(185479045, 1)]),
            ShipPackage::new(vec![
                ShipPackageProduct::new(185479045, 1),
                ShipPackageProduct::new(185479046, 3),
            ]),
        ],
    )
    .with_additional_data();
    let response = ozon.fbs().ship(&request).await.unwrap();
    assert_eq!(
        response.result,
        [
            PostingNumber::new("89491381-0072-1"),
            PostingNumber::new("89491381-0072-2")
        ]
    );
    assert_eq!(
        response.additional_data[0].products[0].price,
        Decimal::new(2000, 0)
    );
    // Ozon's 200 does not guarantee the assembly: every posting the answer names is read again.
    assert_eq!(
        paths(&server).await,
        [
            "/v4/posting/fbs/ship",
            "/v3/posting/fbs/get",
            "/v3/posting/fbs/get"
        ]
    );
    let requests = sent(&server).await;
    assert_eq!(requests[1].1["posting_number"], "89491381-0072-1");
    assert_eq!(requests[2].1["posting_number"], "89491381-0072-2");
    let (_, postings) = ozon.fbs().ship_checked(&request).await.unwrap();
    assert_eq!(postings.len(), 2);
    assert_eq!(postings[0].substatus, PostingSubstatus::Created);
    assert_eq!(postings[0].status, PostingStatus::AwaitingDeliver);
    let body = requests[0].1.clone();
    assert_eq!(
        body,
        json!({
            "packages": [
                {"products": [{"product_id": 185479045, "quantity": 1}]},
                {"products": [{"product_id": 185479045, "quantity": 1}, {"product_id": 185479046, "quantity": 3}]}
            ],
            "posting_number": "89491381-0072-1",
            "with": {"additional_data": true}
        })
    );
    let problems = spec().check_request("/v4/posting/fbs/ship", &body);
    assert!(problems.is_empty(), "{problems:#?}");
}

#[tokio::test]
async fn ship_answered_200_with_ship_failed_on_reading_back_is_a_conflict_naming_ozon_s_substatus()
{
    let server = serve("/v4/posting/fbs/ship", ship_answer()).await;
    mount_get_after_packing(&server, &["89491381-0072-2"]).await;
    let ozon = client(&server);
    let request = ShipRequest::new(
        "89491381-0072-1",
        vec![ShipPackage::new(vec![ShipPackageProduct::new(
            185479045, 1,
        )])],
    );
    let err = ozon.fbs().ship(&request).await.unwrap_err();
    let market_core::Error::Api(api) = &err else {
        panic!("expected an API error, got {err:?}");
    };
    assert_eq!(api.vendor, "ozon");
    assert_eq!(api.operation, "posting_fbs_ship");
    assert_eq!(api.status, 200);
    assert_eq!(api.kind, market_core::ApiErrorKind::Conflict);
    assert_eq!(api.code.as_deref(), Some("ship_failed"));
    assert!(api.message.contains("89491381-0072-2"), "{}", api.message);
    assert!(!api.retryable);
    // The ship itself was sent once, never repeated.
    assert_eq!(
        paths(&server)
            .await
            .iter()
            .filter(|p| *p == "/v4/posting/fbs/ship")
            .count(),
        1
    );

    // Ozon writing the substatus in capitals is the same failure.
    let server = serve("/v4/posting/fbs/ship", json!({"result": ["1-1-1"]})).await;
    Mock::given(method("POST"))
        .and(path("/v3/posting/fbs/get"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"result": {
            "posting_number": "1-1-1", "status": "awaiting_packaging", "substatus": "SHIP_FAILED"}})))
        .mount(&server)
        .await;
    let err = client(&server)
        .fbs()
        .ship(&ShipRequest::new(
            "1-1-1",
            vec![ShipPackage::new(vec![ShipPackageProduct::new(5, 1)])],
        ))
        .await
        .unwrap_err();
    assert!(
        matches!(&err, market_core::Error::Api(a) if a.code.as_deref() == Some("ship_failed")),
        "{err:?}"
    );
}

#[tokio::test]
async fn ship_package_reads_the_posting_formed_back_and_fails_on_ship_failed() {
    let server = serve(
        "/v4/posting/fbs/ship/package",
        json!({"result": "89491381-0072-2"}),
    )
    .await;
    mount_get_after_packing(&server, &["89491381-0072-2"]).await;
    let err = client(&server)
        .fbs()
        .ship_package(&ShipPackageRequest::new(
            "89491381-0072-1",
            vec![ShipPackageRequestProduct::new(185479045, 2)],
        ))
        .await
        .unwrap_err();
    let market_core::Error::Api(api) = &err else {
        panic!("expected an API error, got {err:?}");
    };
    assert_eq!(api.operation, "posting_fbs_ship_package");
    assert_eq!(api.code.as_deref(), Some("ship_failed"));
    assert_eq!(api.kind, market_core::ApiErrorKind::Conflict);
    assert_eq!(
        sent(&server).await[1].1["posting_number"],
        "89491381-0072-2",
        "the posting formed is the one read back"
    );
}

#[tokio::test]
async fn ship_is_not_retried_and_bad_packages_are_not_sent() {
    assert!(!POSTING_FBS_SHIP.idempotent && !POSTING_FBS_SHIP_PACKAGE.idempotent);
    assert!(!POSTING_FBS_TRACKING_NUMBER_SET.idempotent);
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(500).set_body_json(json!({"code": 13, "message": "internal"})),
        )
        .mount(&server)
        .await;
    let ozon = client(&server);
    let fbs = ozon.fbs();
    let bad = [
        ShipRequest::new("1-1-1", vec![]),
        ShipRequest::new("1-1-1", vec![ShipPackage::new(vec![])]),
        ShipRequest::new(
            "1-1-1",
            vec![ShipPackage::new(vec![ShipPackageProduct::new(5, 0)])],
        ),
        ShipRequest::new(
            "",
            vec![ShipPackage::new(vec![ShipPackageProduct::new(5, 1)])],
        ),
    ];
    for r in &bad {
        assert!(is_validation(&fbs.ship(r).await.unwrap_err()), "{r:?}");
    }
    assert!(is_validation(
        &fbs.ship_package(&ShipPackageRequest::new("1-1-1", vec![]))
            .await
            .unwrap_err()
    ));
    assert!(sent(&server).await.is_empty());

    let ok = ShipRequest::new(
        "1-1-1",
        vec![ShipPackage::new(vec![ShipPackageProduct::new(5, 1)])],
    );
    assert!(fbs.ship(&ok).await.is_err());
    assert_eq!(
        sent(&server).await.len(),
        1,
        "a 500 on shipping is not retried"
    );
    // In contrast, an idempotent call on the same server is retried once (two attempts).
    assert!(fbs.cancel(&CancelRequest::new("1-1-1", 352)).await.is_err());
    assert_eq!(sent(&server).await.len(), 3);
}

#[tokio::test]
async fn ship_package_sends_exemplar_ids_as_strings() {
    let server = serve(
        "/v4/posting/fbs/ship/package",
        json!({"result": "89491381-0072-2"}),
    )
    .await;
    mount_get_after_packing(&server, &[]).await;
    let ozon = client(&server);
    let response = ozon
        .fbs()
        .ship_package(&ShipPackageRequest::new(
            "89491381-0072-1",
            vec![ShipPackageRequestProduct::new(185479045, 2).with_exemplars([11, 12])],
        ))
        .await
        .unwrap();
    assert_eq!(response.result, "89491381-0072-2");
    assert_eq!(
        paths(&server).await,
        ["/v4/posting/fbs/ship/package", "/v3/posting/fbs/get"]
    );
    let (_, body) = sent(&server).await.remove(0);
    assert_eq!(
        body,
        json!({"posting_number": "89491381-0072-1", "products": [
            {"exemplarsIds": ["11", "12"], "product_id": 185479045, "quantity": 2}]})
    );
    let problems = spec().check_request("/v4/posting/fbs/ship/package", &body);
    assert!(problems.is_empty(), "{problems:#?}");
}

// ---------------------------------------------------------------------------------------------
// Cancellation.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn cancel_sends_the_reason_and_needs_a_message_for_other() {
    let server = serve("/v2/posting/fbs/cancel", json!({"result": true})).await;
    let ozon = client(&server);
    let fbs = ozon.fbs();
    assert!(
        fbs.cancel(&CancelRequest::new("33920113-1231-1", 352))
            .await
            .unwrap()
    );
    for bad in [
        CancelRequest::new("33920113-1231-1", CANCEL_REASON_OTHER),
        CancelRequest::new("33920113-1231-1", 0),
        CancelRequest::new("", 352),
    ] {
        assert!(
            is_validation(&fbs.cancel(&bad).await.unwrap_err()),
            "{bad:?}"
        );
    }
    assert!(
        fbs.cancel(
            &CancelRequest::new("33920113-1231-1", CANCEL_REASON_OTHER)
                .with_message("Product is out of stock")
        )
        .await
        .unwrap()
    );
    let bodies: Vec<Value> = sent(&server).await.into_iter().map(|(_, b)| b).collect();
    assert_eq!(
        bodies,
        [
            json!({"cancel_reason_id": 352, "posting_number": "33920113-1231-1"}),
            json!({"cancel_reason_id": 402, "cancel_reason_message": "Product is out of stock", "posting_number": "33920113-1231-1"}),
        ]
    );
    assert_requests_match_spec(&server, "/v2/posting/fbs/cancel").await;
}

#[tokio::test]
async fn cancel_reason_list_decodes() {
    let server = serve(
        "/v2/posting/fbs/cancel-reason/list",
        json!({"result": [
            {"id": 352, "is_available_for_cancellation": true, "title": "Товар закончился", "type_id": "seller"},
            {"id": 401, "is_available_for_cancellation": false, "title": "Отменено арбитражем", "type_id": "seller"}
        ]}),
    )
    .await;
    let ozon = client(&server);
    let reasons = ozon.fbs().cancel_reasons().await.unwrap();
    assert_eq!(reasons.len(), 2);
    assert_eq!(reasons[0].id, 352);
    assert!(reasons[0].is_available_for_cancellation);
    assert!(!reasons[1].is_available_for_cancellation);
    assert_eq!(reasons[1].title, "Отменено арбитражем");
    assert_eq!(reasons[1].type_id, "seller");
    let (_, body) = sent(&server).await.pop().unwrap();
    assert_eq!(body, json!({}));
    assert_requests_match_spec(&server, "/v2/posting/fbs/cancel-reason/list").await;
}

#[tokio::test]
async fn cancel_reasons_for_postings_decode_per_posting() {
    let server = serve(
        "/v1/posting/fbs/cancel-reason",
        json!({"result": [
            {"posting_number": "73837363-0010-3", "reasons": [{"id": 352, "title": "Нет товара", "type_id": "seller"}]},
            {"posting_number": "73837363-0010-4", "reasons": []}
        ]}),
    )
    .await;
    let ozon = client(&server);
    let reasons = ozon
        .fbs()
        .cancel_reasons_for(vec!["73837363-0010-3".into(), "73837363-0010-4".into()])
        .await
        .unwrap();
    assert_eq!(reasons[0].posting_number.as_str(), "73837363-0010-3");
    assert_eq!(reasons[0].reasons[0].id, 352);
    assert!(reasons[1].reasons.is_empty());
    let (_, body) = sent(&server).await.pop().unwrap();
    assert_eq!(
        body["related_posting_numbers"],
        json!(["73837363-0010-3", "73837363-0010-4"])
    );
    assert_requests_match_spec(&server, "/v1/posting/fbs/cancel-reason").await;
    assert!(is_validation(
        &ozon.fbs().cancel_reasons_for(vec![]).await.unwrap_err()
    ));
}

// ---------------------------------------------------------------------------------------------
// Transitions and tracking numbers.
// ---------------------------------------------------------------------------------------------

/// Answers a transition per posting: numbers starting with "BAD" fail with Ozon's error, the
/// others move (with `error` sent as `[]`, as Ozon's examples do).
struct Moves;

impl Respond for Moves {
    fn respond(&self, request: &WireRequest) -> ResponseTemplate {
        let body: Value = serde_json::from_slice(&request.body).unwrap();
        let numbers: Vec<String> = match body.get("tracking_numbers") {
            Some(t) => t
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x["posting_number"].as_str().unwrap().to_owned())
                .collect(),
            None => body["posting_number"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x.as_str().unwrap().to_owned())
                .collect(),
        };
        let result: Vec<Value> = numbers
            .iter()
            .map(|n| {
                if n.starts_with("BAD") {
                    json!({"error": "POSTING_NOT_FOUND", "posting_number": n, "result": false})
                } else {
                    json!({"error": [], "posting_number": n, "result": true})
                }
            })
            .collect();
        ResponseTemplate::new(200).set_body_json(json!({ "result": result }))
    }
}

async fn moves_server() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(Moves)
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn transitions_return_per_posting_results() {
    for p in [
        "/v2/fbs/posting/delivering",
        "/v2/fbs/posting/last-mile",
        "/v2/fbs/posting/delivered",
    ] {
        let server = moves_server().await;
        let ozon = client(&server);
        let fbs = ozon.fbs();
        let postings: Vec<PostingNumber> =
            vec!["48173252-0033-2".into(), "BAD-1".into(), "".into()];
        let report = match p {
            "/v2/fbs/posting/delivering" => fbs.delivering(postings).await,
            "/v2/fbs/posting/last-mile" => fbs.last_mile(postings).await,
            _ => fbs.delivered(postings).await,
        }
        .unwrap();
        assert_eq!(
            report.accepted,
            [PostingNumber::new("48173252-0033-2")],
            "{p}"
        );
        assert_eq!(report.rejected.len(), 2, "{p}");
        let bad = report
            .rejected
            .iter()
            .find(|r| r.key.as_str() == "BAD-1")
            .unwrap();
        assert_eq!(bad.stage, RejectionStage::Vendor);
        assert_eq!(bad.code.as_deref(), Some("POSTING_NOT_FOUND"));
        let empty = report
            .rejected
            .iter()
            .find(|r| r.key.as_str().is_empty())
            .unwrap();
        assert_eq!(empty.stage, RejectionStage::Validation);
        let requests = sent(&server).await;
        assert_eq!(requests.len(), 1, "{p}: no documented maximum, one request");
        assert_eq!(
            requests[0].1,
            json!({"posting_number": ["48173252-0033-2", "BAD-1"]})
        );
        assert_requests_match_spec(&server, p).await;
    }
}

#[tokio::test]
async fn a_transition_reads_a_null_error_as_success() {
    let server = serve(
        "/v2/fbs/posting/delivered",
        json!({"result": [{"error": null, "posting_number": "47173252-0073-1", "result": true}]}),
    )
    .await;
    let ozon = client(&server);
    let report = ozon
        .fbs()
        .delivered(vec!["47173252-0073-1".into()])
        .await
        .unwrap();
    assert!(report.is_complete_success());
    assert_eq!(report.accepted.len(), 1);
}

#[tokio::test]
async fn awaiting_delivery_splits_at_100() {
    let server = MockServer::start().await;
    Mock::given(body_partial_json(json!({"posting_number": ["P-200"]})))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"result": false})))
        .mount(&server)
        .await;
    Mock::given(path("/v2/posting/fbs/awaiting-delivery"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"result": true})))
        .mount(&server)
        .await;
    let ozon = client(&server);
    let mut postings: Vec<PostingNumber> = (0..205)
        .map(|i| PostingNumber::new(format!("P-{i}")))
        .collect();
    postings.push(PostingNumber::new(""));
    let report = ozon.fbs().awaiting_delivery(postings).await.unwrap();
    let sizes: Vec<usize> = sent(&server)
        .await
        .iter()
        .map(|(_, b)| b["posting_number"].as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, [100, 100, 5]);
    assert_eq!(report.len(), 206);
    assert_eq!(report.accepted.len(), 200);
    // The last chunk was answered `false`: its five postings, plus the empty one.
    assert_eq!(report.rejected.len(), 6);
    assert!(
        report
            .rejected
            .iter()
            .any(|r| r.key.as_str() == "P-204" && r.stage == RejectionStage::Vendor)
    );
    assert_requests_match_spec(&server, "/v2/posting/fbs/awaiting-delivery").await;
}

#[tokio::test]
async fn tracking_numbers_split_at_20_with_per_posting_results() {
    let server = moves_server().await;
    let ozon = client(&server);
    let mut items: Vec<TrackingNumber> = (0..44)
        .map(|i| TrackingNumber::new(format!("T-{i}"), format!("TRK{i}")))
        .collect();
    items.push(TrackingNumber::new("BAD-7", "TRK"));
    items.push(TrackingNumber::new("T-100", " "));
    let report = ozon.fbs().set_tracking_numbers(items).await.unwrap();
    let requests = sent(&server).await;
    let sizes: Vec<usize> = requests
        .iter()
        .map(|(_, b)| b["tracking_numbers"].as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, [20, 20, 5]);
    assert_eq!(
        requests[0].1["tracking_numbers"][0],
        json!({"posting_number": "T-0", "tracking_number": "TRK0"})
    );
    assert_eq!(report.accepted.len(), 44);
    let rejected: Vec<(&str, RejectionStage)> = report
        .rejected
        .iter()
        .map(|r| (r.key.as_str(), r.stage))
        .collect();
    assert!(rejected.contains(&("BAD-7", RejectionStage::Vendor)));
    assert!(rejected.contains(&("T-100", RejectionStage::Validation)));
    assert_requests_match_spec(&server, "/v2/fbs/posting/tracking-number/set").await;
}
