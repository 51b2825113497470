//! Contract tests of the prices section (updateBusinessPrices, getDefaultPrices, updatePrices,
//! getPricesByOfferIds, getBusinessQuarantineOffers, confirmBusinessPrices,
//! getCampaignQuarantineOffers, confirmCampaignPrices) against the Yandex Market spec snapshot.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::str::FromStr;

use crate::common::*;
use chrono::{TimeZone, Utc};
use futures::TryStreamExt;
use market_core::transport::Operation;
use market_core::{BatchReport, Error, RejectionStage};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use wiremock::{MockServer, Request as WireRequest, Respond, ResponseTemplate};
use yandex_market_api::api::prices::*;
use yandex_market_api::limits::{self, Tier};
use yandex_market_api::models::common::EmptyResponse;
use yandex_market_api::models::prices::*;
use yandex_market_api::{BusinessId, CampaignId};

const BUSINESS: BusinessId = BusinessId(777);
const CAMPAIGN: CampaignId = CampaignId(4242);

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn ok() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({"status": "OK"}))
}

/// Answers with a function of the request (its JSON body and query).
struct Answer<F>(F);

impl<F> Respond for Answer<F>
where
    F: Fn(&Value, &[(String, String)]) -> ResponseTemplate + Send + Sync + 'static,
{
    fn respond(&self, r: &WireRequest) -> ResponseTemplate {
        let body = serde_json::from_slice(&r.body).unwrap_or(Value::Null);
        let query: Vec<(String, String)> = r.url.query_pairs().into_owned().collect();
        (self.0)(&body, &query)
    }
}

fn query<'q>(query: &'q [(String, String)], name: &str) -> Option<&'q str> {
    query
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

fn rejection<'r>(report: &'r BatchReport<String>, key: &str) -> &'r market_core::Rejection<String> {
    report
        .rejected
        .iter()
        .find(|r| r.key == key)
        .unwrap_or_else(|| panic!("{key} is not rejected: {report:?}"))
}

fn offer_ids_of(body: &Value, field: &str) -> Vec<String> {
    body[field]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o.get("offerId").unwrap_or(o).as_str().unwrap().to_owned())
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Shapes.
// ---------------------------------------------------------------------------------------------

#[test]
fn responses_decode_strictly() {
    assert_responses_decode::<GetDefaultPricesResponse>("getDefaultPrices");
    assert_sparse_responses_decode::<GetDefaultPricesResponse>("getDefaultPrices");
    assert_responses_decode::<GetPricesByOfferIdsResponse>("getPricesByOfferIds");
    assert_sparse_responses_decode::<GetPricesByOfferIdsResponse>("getPricesByOfferIds");
    for op in ["getBusinessQuarantineOffers", "getCampaignQuarantineOffers"] {
        assert_responses_decode::<GetQuarantineOffersResponse>(op);
        assert_sparse_responses_decode::<GetQuarantineOffersResponse>(op);
    }
    for op in [
        "updateBusinessPrices",
        "updatePrices",
        "confirmBusinessPrices",
        "confirmCampaignPrices",
    ] {
        assert_responses_decode::<EmptyResponse>(op);
        assert_sparse_responses_decode::<EmptyResponse>(op);
        // The error bodies decode too (their `errors` become rejections).
        for status in ["400", "420", "500"] {
            let _: EmptyResponse = decode(op, status, &spec().error_instance(op, status));
        }
    }
}

#[test]
fn the_maximal_answers_carry_their_values() {
    let v: GetDefaultPricesResponse = decode(
        "getDefaultPrices",
        "maximal",
        &spec().maximal(spec().response_schema("getDefaultPrices")),
    );
    let offer = &v.result.unwrap().offers[0];
    let price = offer.price.as_ref().unwrap();
    assert!(price.value.is_some() && price.discount_base.is_some());
    assert!(price.minimum_for_bestseller.is_some() && price.updated_at.is_some());
    assert_eq!(price.currency_id, Some(CurrencyType::Rur));
    let v: GetQuarantineOffersResponse = decode(
        "getBusinessQuarantineOffers",
        "maximal",
        &spec().maximal(spec().response_schema("getBusinessQuarantineOffers")),
    );
    let offer = &v.result.unwrap().offers[0];
    assert_eq!(offer.verdicts.len(), 1);
    assert_eq!(
        offer.verdicts[0].verdict_type,
        Some(QuarantineVerdictType::PriceChange)
    );
    assert!(offer.current_price.is_some() && offer.last_valid_price.is_some());
}

#[test]
fn enums_match_the_spec() {
    assert_enum(
        QuarantineVerdictType::KNOWN,
        spec().enum_values("PriceQuarantineVerdictType"),
        "PriceQuarantineVerdictType",
    );
    assert_enum(
        QuarantineVerdictParamName::KNOWN,
        spec().enum_values("PriceQuarantineVerdictParamNameType"),
        "PriceQuarantineVerdictParamNameType",
    );
    assert_enum(
        CurrencyType::KNOWN,
        spec().enum_values("CurrencyType"),
        "CurrencyType",
    );
    assert_enum(
        OfferCardStatus::KNOWN,
        spec().property_enum("GetQuarantineOffersRequest", "cardStatuses"),
        "GetQuarantineOffersRequest.cardStatuses",
    );
    assert_eq!(
        spec().property_enum("PriceDTO", "currencyId"),
        spec().enum_values("CurrencyType")
    );
    assert_eq!(
        spec().property_enum("PriceQuarantineVerdictDTO", "type"),
        spec().enum_values("PriceQuarantineVerdictType")
    );
    // VatType is an open integer in the spec: the constants are the codes its text lists.
    assert_eq!(spec().schema("VatType")["type"], "integer");
    assert!(spec().schema("VatType").get("enum").is_none());
    let codes: Vec<i32> = Vat::KNOWN.iter().map(|v| v.0).collect();
    assert_eq!(codes, [2, 5, 6, 7, 10, 11, 14]);
    assert_eq!(serde_json::to_value(Vat::VAT_22).unwrap(), json!(14));
}

fn max_items(op: &str, field: &str) -> usize {
    let (props, _) = spec().object_view(spec().request_schema(op));
    let (s, _) = spec().resolve(&props[field]);
    s["maxItems"].as_u64().unwrap() as usize
}

fn limit_max(op: &str) -> u32 {
    let p = spec()
        .parameters(op)
        .into_iter()
        .find(|p| p["name"] == "limit")
        .unwrap();
    p["schema"]["maximum"].as_u64().unwrap() as u32
}

#[test]
fn operations_are_the_spec_operations_with_their_quotas_and_maxima() {
    let ops: [(&Operation, usize); 8] = [
        (
            &BUSINESS_PRICES_UPDATE,
            max_items("updateBusinessPrices", "offers"),
        ),
        (
            &DEFAULT_PRICES_GET,
            max_items("getDefaultPrices", "offerIds"),
        ),
        (&PRICES_UPDATE, max_items("updatePrices", "offers")),
        (
            &PRICES_BY_OFFER_IDS_GET,
            max_items("getPricesByOfferIds", "offerIds"),
        ),
        (
            &BUSINESS_QUARANTINE_OFFERS_GET,
            max_items("getBusinessQuarantineOffers", "offerIds"),
        ),
        (
            &BUSINESS_PRICES_CONFIRM,
            max_items("confirmBusinessPrices", "offerIds"),
        ),
        (
            &CAMPAIGN_QUARANTINE_OFFERS_GET,
            max_items("getCampaignQuarantineOffers", "offerIds"),
        ),
        (
            &CAMPAIGN_PRICES_CONFIRM,
            max_items("confirmCampaignPrices", "offerIds"),
        ),
    ];
    for (op, max) in ops {
        let (m, p) = spec().locate(crate::common::spec_id(op));
        assert_eq!(op.method.as_str(), m, "{}", crate::common::spec_id(op));
        assert_eq!(op.path, p, "{}", crate::common::spec_id(op));
        assert_eq!(op.name, crate::common::rule_name(op));
        assert!(
            op.idempotent,
            "{}: setting or confirming a price repeats safely",
            crate::common::spec_id(op)
        );
        assert_eq!(op.batch_max, Some(max), "{}", crate::common::spec_id(op));
        assert!(
            limits::limit(op.limit_group, Tier::Base).is_some(),
            "{}",
            crate::common::spec_id(op)
        );
    }
    assert_eq!(BUSINESS_PRICES_UPDATE_MAX, 500);
    assert_eq!(PRICES_UPDATE_MAX, 2000);
    assert_eq!(DEFAULT_PRICES_GET_MAX, 200);
    assert_eq!(PRICES_BY_OFFER_IDS_GET_MAX, 500);
    assert_eq!(BUSINESS_PRICES_CONFIRM_MAX, 200);
    assert_eq!(CAMPAIGN_PRICES_CONFIRM_MAX, 200);
    assert_eq!(limit_max("getDefaultPrices"), DEFAULT_PRICES_GET_PAGE_MAX);
    assert_eq!(
        limit_max("getPricesByOfferIds"),
        PRICES_BY_OFFER_IDS_GET_PAGE_MAX
    );
    assert_eq!(
        limit_max("getBusinessQuarantineOffers"),
        BUSINESS_QUARANTINE_OFFERS_GET_PAGE_MAX
    );
    assert_eq!(
        limit_max("getCampaignQuarantineOffers"),
        CAMPAIGN_QUARANTINE_OFFERS_GET_PAGE_MAX
    );
    let (props, _) = spec().object_view(spec().schema("UpdateBusinessPricesDTO"));
    assert_eq!(
        props["minimumForBestseller"]["maximum"].as_u64(),
        Some(100_000_000)
    );
    assert_eq!(MINIMUM_FOR_BESTSELLER_MAX, Decimal::from(100_000_000));
    // The item-counted quotas are the ones weighed.
    for (op, counts) in [
        ("updateBusinessPrices", "req.offers"),
        ("updatePrices", "req.offers"),
        ("confirmBusinessPrices", "req.offerIds"),
        ("confirmCampaignPrices", "req.offerIds"),
        ("getDefaultPrices", "resp.result.offers"),
        ("getPricesByOfferIds", "resp.result.offers"),
    ] {
        let row = limits::table().iter().find(|l| l.operation == op).unwrap();
        assert_eq!(row.counts, limits::Counts::Items(counts), "{op}");
    }
}

#[test]
fn request_models_round_trip_the_spec_instances() {
    for op in [
        "getDefaultPrices",
        "getPricesByOfferIds",
        "getBusinessQuarantineOffers",
    ] {
        let max = spec().maximal(spec().request_schema(op));
        let json = match op {
            "getDefaultPrices" => {
                serde_json::to_value(decode::<GetDefaultPricesRequest>(op, "request", &max))
            }
            "getPricesByOfferIds" => {
                serde_json::to_value(decode::<GetPricesByOfferIdsRequest>(op, "request", &max))
            }
            _ => serde_json::to_value(decode::<GetQuarantineOffersRequest>(op, "request", &max)),
        }
        .unwrap();
        assert_eq!(json, max, "{op}");
        assert!(spec().check_request(op, &json).is_empty(), "{op}");
    }
    let confirm = ConfirmPricesRequest {
        offer_ids: vec!["A".into(), "B".into()],
    };
    let body = serde_json::to_value(&confirm).unwrap();
    assert_eq!(body, json!({"offerIds": ["A", "B"]}));
    assert!(
        spec()
            .check_request("confirmBusinessPrices", &body)
            .is_empty()
    );
    // The update bodies: every field the schema has, none it lacks.
    let business = UpdateBusinessPricesRequest {
        offers: vec![
            BusinessOfferPrice::rub("SKU-1", dec("1299.99"))
                .with_discount_base(dec("1500"))
                .with_minimum_for_bestseller(dec("1100.5")),
        ],
    };
    let body = serde_json::to_value(&business).unwrap();
    assert_eq!(
        body,
        json!({"offers": [{"offerId": "SKU-1", "price": {
            "value": 1299.99, "currencyId": "RUR", "discountBase": 1500,
            "minimumForBestseller": 1100.5}}]})
    );
    assert!(
        spec()
            .check_request("updateBusinessPrices", &body)
            .is_empty()
    );
    let (props, _) = spec().object_view(spec().schema("UpdateBusinessPricesDTO"));
    let ours: Vec<&String> = body["offers"][0]["price"]
        .as_object()
        .unwrap()
        .keys()
        .collect();
    let theirs: Vec<&String> = props.keys().collect();
    let mut ours = ours;
    ours.sort();
    let mut theirs = theirs;
    theirs.sort();
    assert_eq!(ours, theirs);
    let campaign = UpdatePricesRequest {
        offers: vec![
            OfferPrice::rub("SKU-1", dec("10"))
                .with_discount_base(dec("12"))
                .with_vat(Vat::VAT_22),
        ],
    };
    let body = serde_json::to_value(&campaign).unwrap();
    assert_eq!(
        body,
        json!({"offers": [{"offerId": "SKU-1", "price": {
            "value": 10, "currencyId": "RUR", "discountBase": 12, "vat": 14}}]})
    );
    assert!(spec().check_request("updatePrices", &body).is_empty());
}

// ---------------------------------------------------------------------------------------------
// Money.
// ---------------------------------------------------------------------------------------------

#[test]
fn money_goes_out_as_exact_json_numbers() {
    let text = |d: Decimal| {
        serde_json::to_string(&BusinessOfferPrice::rub("A", d).price)
            .unwrap()
            .split(',')
            .next()
            .unwrap()
            .to_owned()
    };
    assert_eq!(text(dec("1299.99")), r#"{"value":1299.99"#);
    // Decimal arithmetic has no float noise, and none is added on the way out.
    assert_eq!(text(dec("0.1") + dec("0.2")), r#"{"value":0.3"#);
    assert_eq!(text(dec("1300.00")), r#"{"value":1300"#);
    assert_eq!(text(dec("1299.90")), r#"{"value":1299.9"#);
    assert_eq!(text(dec("0.01")), r#"{"value":0.01"#);
    assert_eq!(text(dec("99999999.99")), r#"{"value":99999999.99"#);
    assert_eq!(
        text(dec("9999999999999.99")),
        r#"{"value":9999999999999.99"#
    );
    // Every cent amount up to 100,000 reads back exactly.
    for cents in (1..10_000_000i64).step_by(997) {
        let d = Decimal::new(cents, 2);
        let n = market_core::wire::exact_number::number(&d).unwrap();
        assert_eq!(Decimal::from_str(&n.to_string()).unwrap(), d, "{d}");
    }
    // An amount a JSON number cannot carry exactly is refused, never rounded.
    let long = dec("1234567890123456.78");
    assert!(!market_core::wire::exact_number::is_exact(&long));
    assert!(serde_json::to_string(&BusinessOfferPrice::rub("A", long)).is_err());
    // Read back: numbers, strings and floats give the exact decimal.
    let p: Price =
        serde_json::from_value(json!({"value": 1299.99, "discountBase": "1500"})).unwrap();
    assert_eq!(p.value, Some(dec("1299.99")));
    assert_eq!(p.discount_base, Some(dec("1500")));
}

#[tokio::test]
async fn the_body_on_the_wire_holds_1299_99_exactly() {
    let server = serve("updateBusinessPrices", json!({"status": "OK"})).await;
    let ym = client(&server);
    let report = ym
        .prices()
        .update_business_prices(
            BUSINESS,
            vec![BusinessOfferPrice::rub("SKU-1", dec("1299.99")).with_discount_base(dec("1500"))],
        )
        .await
        .unwrap();
    assert_eq!(report.accepted, ["SKU-1"]);
    let requests = server.received_requests().await.unwrap();
    let raw = String::from_utf8(requests[0].body.clone()).unwrap();
    assert!(raw.contains(r#""value":1299.99"#), "{raw}");
    assert!(raw.contains(r#""discountBase":1500"#), "{raw}");
    assert!(!raw.contains("1299.98999"), "{raw}");
}

// ---------------------------------------------------------------------------------------------
// updateBusinessPrices.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn update_business_prices_sends_what_the_spec_asks() {
    let server = serve("updateBusinessPrices", json!({"status": "OK"})).await;
    let ym = client(&server);
    let report = ym
        .prices()
        .update_business_prices(
            BUSINESS,
            vec![
                BusinessOfferPrice::rub("SKU-1", dec("499"))
                    .with_discount_base(dec("600"))
                    .with_minimum_for_bestseller(dec("450.50")),
                BusinessOfferPrice::new("SKU-2", dec("12.5"), CurrencyType::Byn),
            ],
        )
        .await
        .unwrap();
    assert!(report.is_complete_success());
    assert_eq!(report.accepted, ["SKU-1", "SKU-2"]);
    assert_requests_match_spec(&server, "updateBusinessPrices").await;
    let (r, body) = sent(&server).await.remove(0);
    assert_eq!(r.url.path(), "/v2/businesses/777/offer-prices/updates");
    assert_eq!(
        body,
        json!({"offers": [
            {"offerId": "SKU-1", "price": {"value": 499, "currencyId": "RUR",
                "discountBase": 600, "minimumForBestseller": 450.5}},
            {"offerId": "SKU-2", "price": {"value": 12.5, "currencyId": "BYN"}},
        ]})
    );
}

#[tokio::test]
async fn a_thousand_and_one_prices_go_in_three_requests_with_bad_ones_held_back() {
    let server = serve("updateBusinessPrices", json!({"status": "OK"})).await;
    let ym = client(&server);
    let mut offers: Vec<BusinessOfferPrice> = (0..1001)
        .map(|i| BusinessOfferPrice::rub(format!("SKU-{i}"), Decimal::new(10_000 + i, 2)))
        .collect();
    offers.insert(300, BusinessOfferPrice::rub("ZERO", Decimal::ZERO));
    offers.push(BusinessOfferPrice::rub("NEGATIVE", dec("-5")));
    let report = ym
        .prices()
        .update_business_prices(BUSINESS, offers)
        .await
        .unwrap();
    let requests = sent_to(&server, "updateBusinessPrices").await;
    let sizes: Vec<usize> = requests
        .iter()
        .map(|(_, b)| b["offers"].as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, [500, 500, 1]);
    assert_requests_match_spec(&server, "updateBusinessPrices").await;
    let all: Vec<String> = requests
        .iter()
        .flat_map(|(_, b)| offer_ids_of(b, "offers"))
        .collect();
    assert!(!all.iter().any(|id| id == "ZERO" || id == "NEGATIVE"));
    assert_eq!(all.len(), 1001);
    assert_eq!(report.accepted.len(), 1001);
    assert_eq!(report.rejected.len(), 2);
    for key in ["ZERO", "NEGATIVE"] {
        let r = rejection(&report, key);
        assert_eq!(r.stage, RejectionStage::Validation);
        assert!(r.message.contains("not above 0"), "{}", r.message);
    }
}

#[tokio::test]
async fn a_refused_chunk_is_reported_for_its_offers_only() {
    let server = MockServer::start().await;
    let refusal = spec().error_instance("updateBusinessPrices", "400");
    let code = refusal["errors"][0]["code"].as_str().unwrap().to_owned();
    let answer = refusal.clone();
    mock("updateBusinessPrices")
        .respond_with(Answer(move |body: &Value, _: &[(String, String)]| {
            if offer_ids_of(body, "offers")
                .iter()
                .any(|id| id == "SKU-600")
            {
                ResponseTemplate::new(400).set_body_json(answer.clone())
            } else {
                ok()
            }
        }))
        .mount(&server)
        .await;
    let ym = client(&server);
    let offers: Vec<BusinessOfferPrice> = (0..1200)
        .map(|i| BusinessOfferPrice::rub(format!("SKU-{i}"), dec("100")))
        .collect();
    let report = ym
        .prices()
        .update_business_prices(BUSINESS, offers)
        .await
        .unwrap();
    // Three requests went (500, 500, 200); the second was refused, once (a 400 is final).
    assert_eq!(sent_to(&server, "updateBusinessPrices").await.len(), 3);
    assert_eq!(report.rejected.len(), 500);
    assert_eq!(report.accepted.len(), 700);
    for i in 500..1000 {
        let r = rejection(&report, &format!("SKU-{i}"));
        assert_eq!(r.stage, RejectionStage::Vendor);
        assert_eq!(r.code.as_deref(), Some(code.as_str()));
        assert!(r.message.contains("HTTP 400"), "{}", r.message);
    }
    assert!(report.accepted.contains(&"SKU-0".to_owned()));
    assert!(report.accepted.contains(&"SKU-1199".to_owned()));
}

#[tokio::test]
async fn an_error_status_in_a_200_answer_rejects_that_chunk() {
    let server = serve(
        "updateBusinessPrices",
        json!({"status": "ERROR", "errors": [{"code": "LOCKED", "message": "busy"}]}),
    )
    .await;
    let ym = client(&server);
    let report = ym
        .prices()
        .update_business_prices(BUSINESS, vec![BusinessOfferPrice::rub("A", dec("1"))])
        .await
        .unwrap();
    let r = rejection(&report, "A");
    assert_eq!(r.stage, RejectionStage::Vendor);
    assert_eq!(r.code.as_deref(), Some("LOCKED"));
    assert_eq!(r.message, "LOCKED: busy");
}

#[tokio::test]
async fn invalid_business_prices_are_rejected_before_sending() {
    let server = serve("updateBusinessPrices", json!({"status": "OK"})).await;
    let ym = client(&server);
    let cases = vec![
        (BusinessOfferPrice::rub("", dec("10")), "empty"),
        (BusinessOfferPrice::rub("   ", dec("10")), "empty"),
        (
            BusinessOfferPrice::rub("x".repeat(256), dec("10")),
            "256 characters",
        ),
        (
            BusinessOfferPrice::rub("NL\nSKU", dec("10")),
            "control character",
        ),
        (BusinessOfferPrice::rub("P0", dec("0")), "not above 0"),
        (
            BusinessOfferPrice::rub("P3", dec("10.999")),
            "3 decimal places",
        ),
        (
            BusinessOfferPrice::rub("DB-EQ", dec("10")).with_discount_base(dec("10")),
            "is not above the price",
        ),
        (
            BusinessOfferPrice::rub("DB-LOW", dec("10")).with_discount_base(dec("9")),
            "is not above the price",
        ),
        (
            BusinessOfferPrice::rub("DB-FRAC", dec("10")).with_discount_base(dec("12.5")),
            "decimal places, at most 0",
        ),
        (
            BusinessOfferPrice::rub("MB-HIGH", dec("10"))
                .with_minimum_for_bestseller(dec("100000000.01")),
            "above 100000000",
        ),
        (
            BusinessOfferPrice::rub("MB-ZERO", dec("10")).with_minimum_for_bestseller(dec("0")),
            "not above 0",
        ),
    ];
    let keys: Vec<String> = cases.iter().map(|(o, _)| o.offer_id.clone()).collect();
    let report = ym
        .prices()
        .update_business_prices(BUSINESS, cases.iter().map(|(o, _)| o.clone()).collect())
        .await
        .unwrap();
    assert!(report.accepted.is_empty());
    for ((_, why), key) in cases.iter().zip(&keys) {
        let r = rejection(&report, key);
        assert_eq!(r.stage, RejectionStage::Validation, "{key}");
        assert!(r.message.contains(why), "{key}: {}", r.message);
    }
    assert!(
        sent(&server).await.is_empty(),
        "nothing valid, nothing sent"
    );
    // A bad business id fails the call.
    let e = ym
        .prices()
        .update_business_prices(BusinessId(0), vec![BusinessOfferPrice::rub("A", dec("1"))])
        .await
        .unwrap_err();
    assert!(matches!(e, Error::Validation { .. }), "{e}");
}

#[tokio::test]
async fn a_repeated_offer_is_sent_once() {
    let server = serve("updateBusinessPrices", json!({"status": "OK"})).await;
    let ym = client(&server);
    let report = ym
        .prices()
        .update_business_prices(
            BUSINESS,
            vec![
                BusinessOfferPrice::rub("A", dec("1")),
                BusinessOfferPrice::rub(" A ", dec("2")),
                BusinessOfferPrice::rub("B", dec("3")),
            ],
        )
        .await
        .unwrap();
    let (_, body) = sent(&server).await.remove(0);
    assert_eq!(offer_ids_of(&body, "offers"), ["A", "B"]);
    assert_eq!(report.accepted, ["A", "B"]);
    assert!(rejection(&report, " A ").message.contains("more than once"));
}

// ---------------------------------------------------------------------------------------------
// getDefaultPrices.
// ---------------------------------------------------------------------------------------------

fn default_price(id: &str, value: f64) -> Value {
    json!({"offerId": id, "price": {"value": value, "currencyId": "RUR",
        "updatedAt": "2025-03-01T10:00:00+03:00"}})
}

#[tokio::test]
async fn default_prices_stream_pages_over_three_pages_to_the_end() {
    let server = MockServer::start().await;
    mock("getDefaultPrices")
        .respond_with(Answer(|_: &Value, q: &[(String, String)]| {
            let (offers, next) = match query(q, "pageToken") {
                None => (
                    vec![default_price("A", 1299.99), default_price("B", 10.0)],
                    Some("t2"),
                ),
                Some("t2") => (vec![default_price("C", 0.3)], Some("t3")),
                Some("t3") => (vec![default_price("D", 5.0)], None),
                Some(other) => panic!("unexpected token {other}"),
            };
            let paging = next.map_or(json!({}), |n| json!({"nextPageToken": n}));
            ResponseTemplate::new(200).set_body_json(
                json!({"status": "OK", "result": {"offers": offers, "paging": paging}}),
            )
        }))
        .mount(&server)
        .await;
    let ym = client(&server);
    let all: Vec<OfferDefaultPrice> = ym
        .prices()
        .default_prices_stream(
            BUSINESS,
            GetDefaultPricesRequest::default().with_archived(false),
        )
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<&str> = all.iter().map(|o| o.offer_id.as_str()).collect();
    assert_eq!(ids, ["A", "B", "C", "D"]);
    let a = all[0].price.as_ref().unwrap();
    assert_eq!(a.value, Some(dec("1299.99")));
    assert_eq!(all[2].price.as_ref().unwrap().value, Some(dec("0.3")));
    assert_eq!(
        a.updated_at,
        Some(Utc.with_ymd_and_hms(2025, 3, 1, 7, 0, 0).unwrap())
    );
    let requests = sent_to(&server, "getDefaultPrices").await;
    assert_eq!(requests.len(), 3, "three pages, no more");
    let tokens: Vec<Option<String>> = requests
        .iter()
        .map(|(r, _)| {
            r.url
                .query_pairs()
                .find(|(k, _)| k == "pageToken")
                .map(|(_, v)| v.into_owned())
        })
        .collect();
    assert_eq!(tokens, [None, Some("t2".into()), Some("t3".into())]);
    for (r, body) in &requests {
        assert_eq!(
            query(
                &r.url.query_pairs().into_owned().collect::<Vec<_>>(),
                "limit"
            ),
            Some("500")
        );
        assert_eq!(body, &json!({"archived": false}));
    }
    assert_requests_match_spec(&server, "getDefaultPrices").await;
}

#[tokio::test]
async fn default_prices_by_offer_ids_split_at_200() {
    let server = MockServer::start().await;
    mock("getDefaultPrices")
        .respond_with(Answer(|body: &Value, _: &[(String, String)]| {
            let offers: Vec<Value> = body["offerIds"]
                .as_array()
                .unwrap()
                .iter()
                .map(|id| default_price(id.as_str().unwrap(), 1.0))
                .collect();
            ResponseTemplate::new(200)
                .set_body_json(json!({"status": "OK", "result": {"offers": offers}}))
        }))
        .mount(&server)
        .await;
    let ym = client(&server);
    let ids: Vec<String> = (0..450).map(|i| format!("S{i}")).collect();
    let all: Vec<OfferDefaultPrice> = ym
        .prices()
        .default_prices_stream(
            BUSINESS,
            GetDefaultPricesRequest::default().with_offer_ids(ids.clone()),
        )
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 450);
    let requests = sent_to(&server, "getDefaultPrices").await;
    let sizes: Vec<usize> = requests
        .iter()
        .map(|(_, b)| b["offerIds"].as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, [200, 200, 50]);
    assert_requests_match_spec(&server, "getDefaultPrices").await;
    // One page call takes at most 200 SKUs, and a page size within 1..=500.
    let e = ym
        .prices()
        .default_prices(
            BUSINESS,
            &GetDefaultPricesRequest::default().with_offer_ids(ids),
            None,
            None,
        )
        .await
        .unwrap_err();
    assert!(e.to_string().contains("at most 200"), "{e}");
    let e = ym
        .prices()
        .default_prices(
            BUSINESS,
            &GetDefaultPricesRequest::default(),
            None,
            Some(501),
        )
        .await
        .unwrap_err();
    assert!(matches!(e, Error::Validation { .. }), "{e}");
    let e = ym
        .prices()
        .default_prices(
            BUSINESS,
            &GetDefaultPricesRequest::default().with_offer_ids(Vec::<String>::new()),
            None,
            None,
        )
        .await
        .unwrap_err();
    assert!(matches!(e, Error::Validation { .. }), "{e}");
    assert_eq!(sent_to(&server, "getDefaultPrices").await.len(), 3);
}

// ---------------------------------------------------------------------------------------------
// updatePrices and getPricesByOfferIds.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn update_campaign_prices_splits_at_2000() {
    let server = serve("updatePrices", json!({"status": "OK"})).await;
    let ym = client(&server);
    let mut offers: Vec<OfferPrice> = (0..2001)
        .map(|i| OfferPrice::rub(format!("S{i}"), dec("99.90")).with_vat(Vat::VAT_20))
        .collect();
    offers.push(OfferPrice {
        offer_id: "NO-PRICE".into(),
        price: Price::default(),
    });
    let report = ym
        .prices()
        .update_campaign_prices(CAMPAIGN, offers)
        .await
        .unwrap();
    let requests = sent_to(&server, "updatePrices").await;
    let sizes: Vec<usize> = requests
        .iter()
        .map(|(_, b)| b["offers"].as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, [2000, 1]);
    assert_eq!(
        requests[0].0.url.path(),
        "/v2/campaigns/4242/offer-prices/updates"
    );
    assert_eq!(
        requests[1].1,
        json!({"offers": [{"offerId": "S2000", "price": {"value": 99.9, "currencyId": "RUR", "vat": 7}}]})
    );
    assert_requests_match_spec(&server, "updatePrices").await;
    assert_eq!(report.accepted.len(), 2001);
    let r = rejection(&report, "NO-PRICE");
    assert_eq!(r.stage, RejectionStage::Validation);
    assert!(r.message.contains("no price"), "{}", r.message);
}

fn campaign_price(id: &str) -> Value {
    json!({"offerId": id, "price": {"value": 1299.99, "discountBase": 1500, "currencyId": "RUR",
        "vat": 14}, "updatedAt": "2025-03-01T07:00:00Z"})
}

#[tokio::test]
async fn campaign_prices_page_by_token_and_read_exact_money() {
    let server = MockServer::start().await;
    mock("getPricesByOfferIds")
        .respond_with(Answer(|_: &Value, q: &[(String, String)]| {
            let (offers, paging) = match query(q, "pageToken") {
                None => (vec![campaign_price("A")], json!({"nextPageToken": "n2"})),
                Some("n2") => (vec![campaign_price("B")], json!({"nextPageToken": "n3"})),
                _ => (vec![campaign_price("C")], json!({"nextPageToken": ""})),
            };
            ResponseTemplate::new(200).set_body_json(
                json!({"status": "OK", "result": {"offers": offers, "paging": paging}}),
            )
        }))
        .mount(&server)
        .await;
    let ym = client(&server);
    let all: Vec<CampaignOfferPrice> = ym
        .prices()
        .campaign_prices_stream(CAMPAIGN, GetPricesByOfferIdsRequest::default())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 3, "an empty token ends the list");
    let p = all[0].price.as_ref().unwrap();
    assert_eq!(p.value, Some(dec("1299.99")));
    assert_eq!(p.discount_base, Some(dec("1500")));
    assert_eq!(p.vat, Some(Vat::VAT_22));
    assert_eq!(
        all[0].updated_at,
        Some(Utc.with_ymd_and_hms(2025, 3, 1, 7, 0, 0).unwrap())
    );
    assert_eq!(sent_to(&server, "getPricesByOfferIds").await.len(), 3);
    assert_requests_match_spec(&server, "getPricesByOfferIds").await;
}

#[tokio::test]
async fn campaign_prices_by_offer_ids_are_whole_and_split_at_500() {
    let server = MockServer::start().await;
    mock("getPricesByOfferIds")
        .respond_with(Answer(|body: &Value, _: &[(String, String)]| {
            let offers: Vec<Value> = body["offerIds"]
                .as_array()
                .unwrap()
                .iter()
                .map(|id| campaign_price(id.as_str().unwrap()))
                .collect();
            // A token in an answer by SKUs is not followed.
            ResponseTemplate::new(200).set_body_json(
                json!({"status": "OK", "result": {"offers": offers, "paging": {"nextPageToken": "x"}}}),
            )
        }))
        .mount(&server)
        .await;
    let ym = client(&server);
    let ids: Vec<String> = (0..501).map(|i| format!("S{i}")).collect();
    let all: Vec<CampaignOfferPrice> = ym
        .prices()
        .campaign_prices_stream(
            CAMPAIGN,
            GetPricesByOfferIdsRequest::default().with_offer_ids(ids),
        )
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 501);
    let requests = sent_to(&server, "getPricesByOfferIds").await;
    assert_eq!(requests.len(), 2);
    for (r, _) in &requests {
        assert!(
            r.url.query().is_none(),
            "no page token or size by SKUs: {}",
            r.url
        );
    }
    assert_requests_match_spec(&server, "getPricesByOfferIds").await;
    let e = ym
        .prices()
        .campaign_prices(
            CAMPAIGN,
            &GetPricesByOfferIdsRequest::default().with_offer_ids(["A"]),
            Some("tok"),
            None,
        )
        .await
        .unwrap_err();
    assert!(e.to_string().contains("whole"), "{e}");
    assert_eq!(sent_to(&server, "getPricesByOfferIds").await.len(), 2);
}

// ---------------------------------------------------------------------------------------------
// Quarantine.
// ---------------------------------------------------------------------------------------------

fn quarantined(id: &str) -> Value {
    json!({"offerId": id, "verdicts": [{"type": "LOW_PRICE", "params": [
        {"name": "CURRENT_PRICE", "value": "99.5"},
        {"name": "MIN_PRICE", "value": "120"},
        {"name": "CURRENCY", "value": "RUR"}]}]})
}

#[tokio::test]
async fn business_quarantine_streams_every_page() {
    let server = MockServer::start().await;
    mock("getBusinessQuarantineOffers")
        .respond_with(Answer(|_: &Value, q: &[(String, String)]| {
            let (offers, paging) = match query(q, "pageToken") {
                None => (
                    vec![quarantined("A"), quarantined("B")],
                    json!({"nextPageToken": "q2"}),
                ),
                Some("q2") => (vec![quarantined("C")], json!({"nextPageToken": "q3"})),
                _ => (vec![quarantined("D")], json!({})),
            };
            ResponseTemplate::new(200).set_body_json(
                json!({"status": "OK", "result": {"offers": offers, "paging": paging}}),
            )
        }))
        .mount(&server)
        .await;
    let ym = client(&server);
    let request = GetQuarantineOffersRequest::default()
        .with_card_statuses([OfferCardStatus::HasCardCanUpdate])
        .with_category_ids([91491])
        .with_vendor_names(["Acme"])
        .with_tags(["sale"]);
    let all: Vec<QuarantineOffer> = ym
        .prices()
        .business_quarantine_stream(BUSINESS, request)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 4);
    let a = &all[0];
    assert_eq!(
        a.verdicts[0].verdict_type,
        Some(QuarantineVerdictType::LowPrice)
    );
    assert_eq!(
        a.param_decimal(&QuarantineVerdictParamName::CurrentPrice),
        Some(dec("99.5"))
    );
    assert_eq!(
        a.param_decimal(&QuarantineVerdictParamName::MinPrice),
        Some(dec("120"))
    );
    assert_eq!(a.param_decimal(&QuarantineVerdictParamName::Currency), None);
    let requests = sent_to(&server, "getBusinessQuarantineOffers").await;
    assert_eq!(requests.len(), 3);
    assert_eq!(
        requests[0].1,
        json!({"cardStatuses": ["HAS_CARD_CAN_UPDATE"], "categoryIds": [91491],
            "vendorNames": ["Acme"], "tags": ["sale"]})
    );
    assert_requests_match_spec(&server, "getBusinessQuarantineOffers").await;
}

#[tokio::test]
async fn campaign_quarantine_reads_a_page_and_refuses_mixed_filters() {
    let server = serve(
        "getCampaignQuarantineOffers",
        json!({"status": "OK", "result": {"offers": [quarantined("A")]}}),
    )
    .await;
    let ym = client(&server);
    let page = ym
        .prices()
        .campaign_quarantine(
            CAMPAIGN,
            &GetQuarantineOffersRequest::default().with_offer_ids(["A", "B"]),
            None,
            Some(50),
        )
        .await
        .unwrap();
    assert_eq!(page.offers[0].offer_id, "A");
    assert!(page.paging.is_none());
    let (r, body) = sent(&server).await.remove(0);
    assert_eq!(r.url.path(), "/v2/campaigns/4242/price-quarantine");
    assert_eq!(body, json!({"offerIds": ["A", "B"]}));
    assert_requests_match_spec(&server, "getCampaignQuarantineOffers").await;
    // An empty filter is always sent as a body (the spec requires one).
    ym.prices()
        .campaign_quarantine(CAMPAIGN, &GetQuarantineOffersRequest::default(), None, None)
        .await
        .unwrap();
    assert_requests_match_spec(&server, "getCampaignQuarantineOffers").await;
    let mixed = GetQuarantineOffersRequest::default()
        .with_offer_ids(["A"])
        .with_tags(["t"]);
    let e = ym
        .prices()
        .campaign_quarantine(CAMPAIGN, &mixed, None, None)
        .await
        .unwrap_err();
    assert!(
        e.to_string().contains("cannot go with the other filters"),
        "{e}"
    );
    let e = ym
        .prices()
        .campaign_quarantine_stream(CAMPAIGN, mixed)
        .try_collect::<Vec<_>>()
        .await
        .unwrap_err();
    assert!(matches!(e, Error::Validation { .. }), "{e}");
    let e = ym
        .prices()
        .campaign_quarantine(
            CAMPAIGN,
            &GetQuarantineOffersRequest::default(),
            None,
            Some(201),
        )
        .await
        .unwrap_err();
    assert!(matches!(e, Error::Validation { .. }), "{e}");
    assert_eq!(sent(&server).await.len(), 2);
}

#[tokio::test]
async fn quarantine_stream_splits_offer_ids_at_200() {
    let server = MockServer::start().await;
    mock("getCampaignQuarantineOffers")
        .respond_with(Answer(|body: &Value, _: &[(String, String)]| {
            let offers: Vec<Value> = body["offerIds"]
                .as_array()
                .unwrap()
                .iter()
                .map(|id| quarantined(id.as_str().unwrap()))
                .collect();
            ResponseTemplate::new(200)
                .set_body_json(json!({"status": "OK", "result": {"offers": offers}}))
        }))
        .mount(&server)
        .await;
    let ym = client(&server);
    let ids: Vec<String> = (0..401).map(|i| format!("Q{i}")).collect();
    let all: Vec<QuarantineOffer> = ym
        .prices()
        .campaign_quarantine_stream(
            CAMPAIGN,
            GetQuarantineOffersRequest::default().with_offer_ids(ids),
        )
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 401);
    let sizes: Vec<usize> = sent_to(&server, "getCampaignQuarantineOffers")
        .await
        .iter()
        .map(|(_, b)| b["offerIds"].as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, [200, 200, 1]);
    assert_requests_match_spec(&server, "getCampaignQuarantineOffers").await;
}

#[tokio::test]
async fn confirm_business_prices_splits_at_200() {
    let server = serve("confirmBusinessPrices", json!({"status": "OK"})).await;
    let ym = client(&server);
    let mut ids: Vec<String> = (0..450).map(|i| format!("C{i}")).collect();
    ids.push(String::new());
    ids.push("C7".into());
    let report = ym
        .prices()
        .confirm_business_prices(BUSINESS, ids)
        .await
        .unwrap();
    let requests = sent_to(&server, "confirmBusinessPrices").await;
    let sizes: Vec<usize> = requests
        .iter()
        .map(|(_, b)| b["offerIds"].as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, [200, 200, 50]);
    assert_eq!(
        requests[0].0.url.path(),
        "/v2/businesses/777/price-quarantine/confirm"
    );
    assert_eq!(requests[2].1["offerIds"][49], "C449");
    assert_requests_match_spec(&server, "confirmBusinessPrices").await;
    assert_eq!(report.accepted.len(), 450);
    assert_eq!(rejection(&report, "").stage, RejectionStage::Validation);
    assert!(rejection(&report, "C7").message.contains("more than once"));
}

#[tokio::test]
async fn confirm_campaign_prices_reports_a_refused_chunk() {
    let server = MockServer::start().await;
    let refusal = spec().error_instance("confirmCampaignPrices", "400");
    mock("confirmCampaignPrices")
        .respond_with(Answer(move |body: &Value, _: &[(String, String)]| {
            if body["offerIds"][0] == "K0" {
                ok()
            } else {
                ResponseTemplate::new(400).set_body_json(refusal.clone())
            }
        }))
        .mount(&server)
        .await;
    let ym = client(&server);
    let ids: Vec<String> = (0..250).map(|i| format!("K{i}")).collect();
    let report = ym
        .prices()
        .confirm_campaign_prices(CAMPAIGN, ids)
        .await
        .unwrap();
    assert_eq!(report.accepted.len(), 200);
    assert_eq!(report.rejected.len(), 50);
    assert_eq!(rejection(&report, "K249").stage, RejectionStage::Vendor);
    let requests = sent_to(&server, "confirmCampaignPrices").await;
    assert_eq!(requests.len(), 2);
    assert_eq!(
        requests[0].0.url.path(),
        "/v2/campaigns/4242/price-quarantine/confirm"
    );
    assert_requests_match_spec(&server, "confirmCampaignPrices").await;
}

#[tokio::test]
async fn a_server_failure_fails_only_its_chunk_at_the_request_stage() {
    let server = MockServer::start().await;
    let failure = spec().error_instance("confirmBusinessPrices", "500");
    mock("confirmBusinessPrices")
        .respond_with(Answer(move |body: &Value, _: &[(String, String)]| {
            if body["offerIds"][0] == "K0" {
                ResponseTemplate::new(500).set_body_json(failure.clone())
            } else {
                ok()
            }
        }))
        .mount(&server)
        .await;
    let ym = client(&server);
    let ids: Vec<String> = (0..201).map(|i| format!("K{i}")).collect();
    let report = ym
        .prices()
        .confirm_business_prices(BUSINESS, ids)
        .await
        .unwrap();
    assert_eq!(report.accepted, ["K200"]);
    assert_eq!(report.rejected.len(), 200);
    assert_eq!(rejection(&report, "K0").stage, RejectionStage::Request);
}
