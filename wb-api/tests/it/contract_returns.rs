//! Contract tests of the returns section against WB's spec snapshot.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::str::FromStr;

use crate::common::*;
use futures::TryStreamExt;
use market_core::Error;
use rust_decimal::Decimal;
use serde_json::{Value, json};
use wb_api::ids::NmId;
use wb_api::models::returns::*;
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const OP_LIST: &str = "GET /api/v1/claims";
const OP_ANSWER: &str = "PATCH /api/v1/claim";

#[test]
fn responses_decode_strictly() {
    assert_responses_decode::<ClaimsResponse>(OP_LIST);
}

#[test]
fn the_example_inside_the_schema_decodes_with_exact_values() {
    // WB put this example under the schema, where the harness does not look.
    let ex = spec().response_schema(OP_LIST)["example"].clone();
    assert!(ex.is_object(), "the spec's claims example moved");
    let r: ClaimsResponse = decode(OP_LIST, "schema example", &ex);
    assert_eq!(r.total, 31);
    let c = &r.claims[0];
    assert_eq!(c.id, "fe3e9337-e9f9-423c-8930-946a8ebef80");
    assert_eq!(c.nm_id, NmId(196320101));
    assert_eq!(c.price, Decimal::from(157));
    assert_eq!(c.currency_code, "643");
    assert_eq!((c.claim_type, c.status, c.status_ex), (1, 2, 8));
    assert_eq!(
        c.dt.unwrap().to_rfc3339(),
        "2025-03-26T17:06:12.245611+00:00"
    );
    assert_eq!(
        c.delivery_dt.unwrap().to_rfc3339(),
        "2025-04-09T14:36:07+00:00"
    );
    assert!(
        c.origin_id_info
            .as_deref()
            .unwrap()
            .starts_with("IMEI 359889346153011")
    );
    assert_eq!(
        c.claim_actions(),
        [ClaimAction::Autorefund1, ClaimAction::Approve1]
    );
    assert_eq!(c.photos.len(), 2);
    assert_eq!(c.video_paths.len(), 1);
}

#[test]
fn claim_actions_name_what_wb_documents() {
    // The spec types `action` as a free string and lists the values in prose only.
    assert_eq!(
        ClaimAction::KNOWN,
        [
            "approve1",
            "approve2",
            "autorefund1",
            "reject1",
            "reject2",
            "reject3",
            "rejectcustom",
            "approvecc1",
            "confirmreturngoodcc1"
        ]
    );
    let ex = spec().response_schema(OP_LIST)["example"]["claims"][0]["actions"].clone();
    for a in ex.as_array().unwrap() {
        assert!(
            ClaimAction::KNOWN.contains(&a.as_str().unwrap()),
            "{a} is not known"
        );
    }
    let req = spec().request_schema(OP_ANSWER);
    assert_eq!(req["properties"]["action"]["type"], "string");
}

fn claim(i: usize) -> Value {
    json!({"id": format!("c-{i}"), "claim_type": 1, "status": 0, "status_ex": 0, "nm_id": 100 + i,
        "user_comment": "broken", "wb_comment": null, "dt": "2024-03-26T17:06:12.245611",
        "imt_name": null, "order_dt": "2024-03-20T05:18:56", "dt_update": "2024-03-26T17:06:12.245611",
        "photos": [], "video_paths": [], "actions": ["approve1", "rejectcustom"], "price": 157.5,
        "currency_code": "643", "srid": format!("s{i}")})
}

fn claims_page(from: usize, n: usize, total: usize) -> ResponseTemplate {
    let claims: Vec<Value> = (from..from + n).map(claim).collect();
    ResponseTemplate::new(200).set_body_json(json!({"claims": claims, "total": total}))
}

#[tokio::test]
async fn claims_page_sends_every_filter() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v1/claims"))
        .respond_with(claims_page(0, 1, 1))
        .mount(&server)
        .await;
    let wb = client(&server);
    let page = wb
        .returns()
        .claims(
            &ClaimsQuery::archived()
                .with_id("fe3e9337-e9f9-423c-8930-946a8ebef80")
                .with_nm_id(196320101)
                .with_page(50, 100),
        )
        .await
        .unwrap();
    let c = &page.claims[0];
    assert_eq!(c.price, Decimal::from_str("157.5").unwrap());
    assert_eq!(c.wb_comment, "");
    assert_eq!(c.imt_name, "");
    assert_eq!(
        c.order_dt.unwrap().to_rfc3339(),
        "2024-03-20T05:18:56+00:00"
    );
    let (r, _) = &sent(&server).await[0];
    assert_eq!(
        r.url.query(),
        Some(
            "is_archive=true&id=fe3e9337-e9f9-423c-8930-946a8ebef80&limit=50&offset=100&nm_id=196320101"
        )
    );
    assert_requests_match_spec(&server, OP_LIST).await;
}

#[tokio::test]
async fn claims_stream_pages_by_200_until_the_total() {
    let server = MockServer::start().await;
    Mock::given(query_param("offset", "0"))
        .respond_with(claims_page(0, 200, 450))
        .mount(&server)
        .await;
    Mock::given(query_param("offset", "200"))
        .respond_with(claims_page(200, 200, 450))
        .mount(&server)
        .await;
    Mock::given(query_param("offset", "400"))
        .respond_with(claims_page(400, 50, 450))
        .mount(&server)
        .await;
    let wb = client(&server);
    let all: Vec<Claim> = wb
        .returns()
        .claims_stream(ClaimsQuery::open().with_page(5, 999))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 450);
    assert_eq!(all[449].id, "c-449");
    let queries: Vec<String> = sent(&server)
        .await
        .iter()
        .map(|(r, _)| r.url.query().unwrap().to_owned())
        .collect();
    assert_eq!(
        queries,
        [
            "is_archive=false&limit=200&offset=0",
            "is_archive=false&limit=200&offset=200",
            "is_archive=false&limit=200&offset=400"
        ],
        "the total ends the stream without a further request"
    );
    assert_requests_match_spec(&server, OP_LIST).await;
}

#[tokio::test]
async fn claims_stream_stops_on_an_empty_page() {
    let server = MockServer::start().await;
    Mock::given(query_param("offset", "0"))
        .respond_with(claims_page(0, 200, 1000))
        .mount(&server)
        .await;
    Mock::given(query_param("offset", "200"))
        .respond_with(claims_page(0, 0, 1000))
        .mount(&server)
        .await;
    let wb = client(&server);
    let all: Vec<Claim> = wb
        .returns()
        .claims_stream(ClaimsQuery::open())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 200);
    assert_eq!(sent(&server).await.len(), 2);
}

#[tokio::test]
async fn answering_a_claim_sends_the_action_and_comment() {
    let server = MockServer::start().await;
    Mock::given(method("PATCH"))
        .and(path("/api/v1/claim"))
        .respond_with(ResponseTemplate::new(200))
        .mount(&server)
        .await;
    let wb = client(&server);
    wb.returns()
        .answer(&ClaimAnswer::reject_with(
            "fe3e9337-e9f9-423c-8930-946a8ebef80",
            "Фото не имеет отношения к товару в заявке",
        ))
        .await
        .unwrap();
    wb.returns()
        .answer(&ClaimAnswer::new("c-2", ClaimAction::Approve1))
        .await
        .unwrap();
    let requests = sent(&server).await;
    assert_eq!(
        requests[0].1,
        json!({"id": "fe3e9337-e9f9-423c-8930-946a8ebef80", "action": "rejectcustom",
               "comment": "Фото не имеет отношения к товару в заявке"})
    );
    assert_eq!(requests[1].1, json!({"id": "c-2", "action": "approve1"}));
    assert_requests_match_spec(&server, OP_ANSWER).await;
}

#[tokio::test]
async fn a_refused_answer_is_an_error_and_not_repeated() {
    let server = MockServer::start().await;
    Mock::given(method("PATCH"))
        .respond_with(ResponseTemplate::new(500).set_body_string("oops"))
        .mount(&server)
        .await;
    let wb = client(&server);
    let err = wb
        .returns()
        .answer(&ClaimAnswer::new("c-1", ClaimAction::Approve2))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(500));
    assert_eq!(
        sent(&server).await.len(),
        1,
        "a claim answer is not retried"
    );
}

#[tokio::test]
async fn bad_queries_and_answers_are_rejected_before_sending() {
    let server = MockServer::start().await;
    let wb = client(&server);
    let r = wb.returns();
    for q in [
        ClaimsQuery::open().with_page(0, 0),
        ClaimsQuery::open().with_page(201, 0),
        ClaimsQuery::open().with_id(" "),
        ClaimsQuery::open().with_nm_id(0),
    ] {
        let err = r.claims(&q).await.unwrap_err();
        assert!(matches!(err, Error::Validation { .. }), "{q:?}: {err}");
    }
    for (a, why) in [
        (ClaimAnswer::new("", ClaimAction::Approve1), "empty"),
        (
            ClaimAnswer::new("c", ClaimAction::RejectCustom),
            "needs a comment",
        ),
        (ClaimAnswer::reject_with("c", "too short"), "characters"),
        (
            ClaimAnswer::reject_with("c", "x".repeat(1001)),
            "characters",
        ),
        (
            ClaimAnswer::new("c", ClaimAction::Approve1).with_comment("a long enough comment"),
            "takes no comment",
        ),
    ] {
        let err = r.answer(&a).await.unwrap_err();
        assert!(err.to_string().contains(why), "{a:?}: {err}");
    }
    // Ten characters, counted as characters rather than bytes.
    wb_api::api::returns::validate_answer(&ClaimAnswer::reject_with("c", "Фото плохо")).unwrap();
    wb_api::api::returns::validate_answer(
        &ClaimAnswer::new("c", ClaimAction::ApproveCc1).with_comment("+7 900 000-00-00"),
    )
    .unwrap();
    assert!(sent(&server).await.is_empty());
}
