//! Contract tests of the returns section (getReturns, getReturn, getReturnApplication,
//! getReturnAvailableDecisions, submitReturnDecision) against the Yandex Market spec snapshot.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::str::FromStr;

use crate::common::*;
use chrono::{NaiveDate, TimeZone, Utc};
use futures::TryStreamExt;
use market_core::Error;
use rust_decimal::Decimal;
use serde_json::{Value, json};
use wiremock::matchers::{query_param, query_param_is_missing};
use wiremock::{MockServer, ResponseTemplate};
use yandex_market_api::api::returns::*;
use yandex_market_api::limits::{self, Tier};
use yandex_market_api::models::campaigns::CurrencyType;
use yandex_market_api::models::common::EmptyResponse;
use yandex_market_api::models::returns::*;
use yandex_market_api::{BusinessId, CampaignId, MarketSku, OrderId, ReturnId};

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn a_return(id: i64, order: i64) -> Value {
    json!({
        "id": id,
        "orderId": order,
        "creationDate": "2026-11-20T14:30:30+03:00",
        "updateDate": "2026-11-21T09:00:00+03:00",
        "pickupTillDate": "2026-12-01T18:00:00+03:00",
        "refundStatus": "REFUNDED",
        "shipmentStatus": "READY_FOR_PICKUP",
        "shipmentRecipientType": "SHOP",
        "refundAmount": 1234,
        "amount": {"value": 1234.56, "currencyId": "RUR"},
        "returnType": "RETURN",
        "fastReturn": false,
        "logisticPickupPoint": {
            "id": 501, "name": "ПВЗ", "instruction": "вход со двора", "type": "PICKUP_POINT",
            "logisticPartnerId": 9,
            "address": {"country": "Россия", "postcode": "123518", "city": "Москва",
                        "street": "Стрелецкая улица", "house": "9к2"}
        },
        "items": [{
            "marketSku": 100500,
            "shopSku": "SKU-1",
            "count": 2,
            "decisions": [{
                "returnItemId": 777,
                "count": 1,
                "comment": "не подошёл",
                "reasonType": "DOES_NOT_FIT",
                "subreasonType": "USER_CHANGED_MIND",
                "decisionType": "REFUND_MONEY",
                "refundAmount": 617,
                "amount": {"value": 617.28, "currencyId": "RUR"},
                "partnerCompensation": 0,
                "partnerCompensationAmount": {"value": 0.1, "currencyId": "RUR"},
                "images": ["https://example.invalid/1.jpg"]
            }],
            "instances": [{"status": "RECEIVED", "stockType": "FIT", "cis": "010460", "imei": "35-209900"}],
            "tracks": [{"trackCode": "TRACK-1"}]
        }]
    })
}

fn returns_page(returns: Vec<Value>, next: Option<&str>) -> ResponseTemplate {
    let mut result = json!({ "returns": returns });
    if let Some(n) = next {
        result["paging"] = json!({ "nextPageToken": n });
    }
    ResponseTemplate::new(200).set_body_json(json!({"status": "OK", "result": result}))
}

#[test]
fn responses_decode_strictly() {
    assert_responses_decode::<ReturnsResponse>("getReturns");
    assert_sparse_responses_decode::<ReturnsResponse>("getReturns");
    assert_responses_decode::<ReturnResponse>("getReturn");
    assert_sparse_responses_decode::<ReturnResponse>("getReturn");
    assert_responses_decode::<AvailableDecisionsResponse>("getReturnAvailableDecisions");
    assert_sparse_responses_decode::<AvailableDecisionsResponse>("getReturnAvailableDecisions");
    assert_responses_decode::<EmptyResponse>("submitReturnDecision");
}

#[test]
fn enums_match_the_spec() {
    for (known, name) in [
        (RefundStatus::KNOWN, "RefundStatusType"),
        (ReturnShipmentStatus::KNOWN, "ReturnShipmentStatusType"),
        (ReturnType::KNOWN, "ReturnType"),
        (ReturnDecisionType::KNOWN, "ReturnDecisionType"),
        (
            ReturnRequestDecisionType::KNOWN,
            "ReturnRequestDecisionType",
        ),
        (ReturnDecisionReason::KNOWN, "ReturnDecisionReasonType"),
        (
            ReturnDecisionSubreason::KNOWN,
            "ReturnDecisionSubreasonType",
        ),
        (
            ReturnRequestDecisionReason::KNOWN,
            "ReturnRequestDecisionReasonType",
        ),
        (ReturnInstanceStatus::KNOWN, "ReturnInstanceStatusType"),
        (ReturnInstanceStockType::KNOWN, "ReturnInstanceStockType"),
        (LogisticPointType::KNOWN, "LogisticPointType"),
        (RecipientType::KNOWN, "RecipientType"),
    ] {
        assert_enum(known, spec().enum_values(name), name);
    }
    // The vendor's own UNKNOWN is a known value, not an unlisted one.
    let s: RefundStatus = serde_json::from_value(json!("UNKNOWN")).unwrap();
    assert_eq!(s, RefundStatus::Unspecified);
    // The query filters take the same values.
    let query_enum = |name: &str| {
        let p = spec()
            .parameters("getReturns")
            .into_iter()
            .find(|p| p["name"] == name)
            .unwrap();
        let schema = if p["schema"]["items"].is_object() {
            p["schema"]["items"].clone()
        } else {
            p["schema"].clone()
        };
        let (s, _) = spec().resolve(&schema);
        s["enum"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap().to_owned())
            .collect::<std::collections::BTreeSet<_>>()
    };
    assert_eq!(
        query_enum("statuses"),
        spec().enum_values("RefundStatusType")
    );
    assert_eq!(
        query_enum("shipmentStatuses"),
        spec().enum_values("ReturnShipmentStatusType")
    );
    assert_eq!(query_enum("type"), spec().enum_values("ReturnType"));
}

#[test]
fn operations_and_maxima_are_the_spec_ones() {
    for op in [
        &RETURNS_GET,
        &RETURN_GET,
        &RETURN_APPLICATION_GET,
        &RETURN_AVAILABLE_DECISIONS_GET,
        &RETURN_DECISION_SUBMIT,
    ] {
        let (m, p) = spec().locate(crate::common::spec_id(op));
        assert_eq!((op.method.as_str(), op.path), (m, p));
        assert_eq!(op.name, crate::common::rule_name(op));
        assert!(limits::limit(op.limit_group, Tier::Base).is_some());
        assert_eq!(
            op.idempotent,
            crate::common::spec_id(op) != "submitReturnDecision",
            "{}",
            crate::common::spec_id(op)
        );
    }
    let param = |name: &str| {
        spec()
            .parameters("getReturns")
            .into_iter()
            .find(|p| p["name"] == name)
            .unwrap()
    };
    assert_eq!(
        param("orderIds")["schema"]["maxItems"].as_u64(),
        Some(RETURNS_GET_MAX as u64)
    );
    assert_eq!(
        param("limit")["schema"]["maximum"].as_u64(),
        Some(u64::from(RETURNS_GET_PAGE_MAX))
    );
    // The snake-case dates are deprecated: fromDate/toDate are sent.
    assert_eq!(param("from_date")["deprecated"], json!(true));
    assert_eq!(param("to_date")["deprecated"], json!(true));
    assert!(param("fromDate")["deprecated"].is_null());
}

#[tokio::test]
async fn list_stream_pages_to_the_end_with_the_filters() {
    let server = MockServer::start().await;
    mock("getReturns")
        .and(query_param_is_missing("pageToken"))
        .respond_with(returns_page(
            vec![a_return(1, 11), a_return(2, 12)],
            Some("r2"),
        ))
        .mount(&server)
        .await;
    mock("getReturns")
        .and(query_param("pageToken", "r2"))
        .respond_with(returns_page(vec![a_return(3, 13)], Some("r3")))
        .mount(&server)
        .await;
    mock("getReturns")
        .and(query_param("pageToken", "r3"))
        .respond_with(returns_page(vec![a_return(4, 11)], Some("")))
        .mount(&server)
        .await;
    let ym = client(&server);
    let filter = ReturnsFilter::default()
        .with_order_ids([OrderId(11), OrderId(12), OrderId(13), OrderId(11)])
        .with_statuses([RefundStatus::Refunded, RefundStatus::WaitingForDecision])
        .with_shipment_statuses([ReturnShipmentStatus::ReadyForPickup])
        .with_type(ReturnType::Return)
        .with_dates(
            NaiveDate::from_ymd_opt(2026, 11, 1),
            NaiveDate::from_ymd_opt(2026, 11, 30),
        );
    let all: Vec<Return> = ym
        .returns()
        .list_stream(CampaignId(21), filter)
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<ReturnId> = all.iter().map(|r| r.id).collect();
    assert_eq!(
        ids,
        [1, 2, 3, 4].map(ReturnId),
        "an empty token ends the list"
    );
    let r = &all[0];
    assert_eq!(r.order_id, OrderId(11));
    let amount = r.amount.as_ref().unwrap();
    assert_eq!(amount.value, dec("1234.56"));
    assert_eq!(amount.value.to_string(), "1234.56");
    assert_eq!(amount.currency_id, CurrencyType::Rur);
    assert_eq!(
        r.creation_date,
        Some(Utc.with_ymd_and_hms(2026, 11, 20, 11, 30, 30).unwrap())
    );
    assert_eq!(r.return_type, Some(ReturnType::Return));
    assert_eq!(r.refund_status, Some(RefundStatus::Refunded));
    let requests = sent_to(&server, "getReturns").await;
    assert_eq!(requests.len(), 3);
    for (req, _) in &requests {
        assert_eq!(req.url.path(), "/v2/campaigns/21/returns");
        let q: std::collections::BTreeMap<String, String> =
            req.url.query_pairs().into_owned().collect();
        assert_eq!(q["orderIds"], "11,12,13");
        assert_eq!(q["statuses"], "REFUNDED,WAITING_FOR_DECISION");
        assert_eq!(q["shipmentStatuses"], "READY_FOR_PICKUP");
        assert_eq!(q["type"], "RETURN");
        assert_eq!(q["fromDate"], "2026-11-01");
        assert_eq!(q["toDate"], "2026-11-30");
        assert_eq!(q["limit"], "100");
    }
    assert_requests_match_spec(&server, "getReturns").await;
}

#[tokio::test]
async fn list_stream_asks_for_more_than_50_orders_50_at_a_time() {
    let server = serve(
        "getReturns",
        json!({"status": "OK", "result": {"returns": [a_return(1, 1)]}}),
    )
    .await;
    let ym = client(&server);
    let filter = ReturnsFilter::default().with_order_ids((1..=120).map(OrderId));
    let all: Vec<Return> = ym
        .returns()
        .list_stream(CampaignId(21), filter)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 3);
    let sizes: Vec<usize> = sent(&server)
        .await
        .iter()
        .map(|(r, _)| {
            r.url
                .query_pairs()
                .find(|(k, _)| k == "orderIds")
                .unwrap()
                .1
                .split(',')
                .count()
        })
        .collect();
    assert_eq!(sizes, [50, 50, 20]);
    assert_requests_match_spec(&server, "getReturns").await;
}

#[tokio::test]
async fn list_refuses_bad_filters_before_sending() {
    let server = serve(
        "getReturns",
        json!({"status": "OK", "result": {"returns": []}}),
    )
    .await;
    let ym = client(&server);
    let d = |day| NaiveDate::from_ymd_opt(2026, 11, day);
    let cases = [
        (
            ReturnsFilter::default().with_order_ids((1..=51).map(OrderId)),
            None,
        ),
        (ReturnsFilter::default().with_dates(d(20), d(10)), None),
        (ReturnsFilter::default(), Some(0)),
        (ReturnsFilter::default(), Some(101)),
    ];
    for (filter, limit) in cases {
        let e = ym
            .returns()
            .list(CampaignId(21), &filter, None, limit)
            .await
            .unwrap_err();
        assert!(matches!(e, Error::Validation { .. }), "{filter:?}: {e:?}");
    }
    assert!(sent(&server).await.is_empty());
    let page = ym
        .returns()
        .list(
            CampaignId(21),
            &ReturnsFilter::default(),
            Some("t"),
            Some(5),
        )
        .await
        .unwrap();
    assert!(page.returns.is_empty());
    assert_eq!(
        sent(&server).await[0].0.url.query(),
        Some("pageToken=t&limit=5")
    );
    assert_requests_match_spec(&server, "getReturns").await;
}

#[tokio::test]
async fn get_reads_one_return_with_items_and_decisions() {
    let server = serve(
        "getReturn",
        json!({"status": "OK", "result": a_return(7, 70)}),
    )
    .await;
    let ym = client(&server);
    let r = ym
        .returns()
        .get(CampaignId(21), OrderId(70), ReturnId(7))
        .await
        .unwrap();
    assert_eq!(r.id, ReturnId(7));
    assert_eq!(r.refund_amount, Some(1234));
    assert_eq!(
        r.shipment_status,
        Some(ReturnShipmentStatus::ReadyForPickup)
    );
    assert_eq!(r.shipment_recipient_type, Some(RecipientType::Shop));
    let point = r.logistic_pickup_point.as_ref().unwrap();
    assert_eq!(point.point_type, Some(LogisticPointType::PickupPoint));
    assert_eq!(
        point.address.as_ref().unwrap().house.as_deref(),
        Some("9к2")
    );
    let item = &r.items[0];
    assert_eq!(item.market_sku, Some(MarketSku(100500)));
    assert_eq!(item.shop_sku, "SKU-1");
    assert_eq!(item.count, 2);
    let decision = &item.decisions[0];
    assert_eq!(decision.return_item_id, Some(777));
    assert_eq!(decision.amount.as_ref().unwrap().value, dec("617.28"));
    assert_eq!(
        decision.partner_compensation_amount.as_ref().unwrap().value,
        dec("0.1")
    );
    assert_eq!(decision.reason_type, Some(ReturnDecisionReason::DoesNotFit));
    assert_eq!(
        decision.subreason_type,
        Some(ReturnDecisionSubreason::UserChangedMind)
    );
    assert_eq!(
        item.instances[0].stock_type,
        Some(ReturnInstanceStockType::Fit)
    );
    assert_eq!(item.tracks[0].track_code.as_deref(), Some("TRACK-1"));
    assert_eq!(
        sent(&server).await[0].0.url.path(),
        "/v2/campaigns/21/orders/70/returns/7"
    );
    assert_requests_match_spec(&server, "getReturn").await;
}

#[tokio::test]
async fn application_is_a_file_with_its_content_type() {
    let pdf = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n".to_vec();
    let server = serve_with(
        "getReturnApplication",
        ResponseTemplate::new(200).set_body_raw(pdf.clone(), "application/pdf"),
    )
    .await;
    let ym = client(&server);
    let file = ym
        .returns()
        .application(CampaignId(21), OrderId(70), ReturnId(7))
        .await
        .unwrap();
    assert_eq!(file.content_type, "application/pdf");
    assert_eq!(file.bytes.as_ref(), pdf.as_slice());
    assert_eq!(
        sent(&server).await[0].0.url.path(),
        "/v2/campaigns/21/orders/70/returns/7/application"
    );
    assert_requests_match_spec(&server, "getReturnApplication").await;
    assert!(
        spec().response("getReturnApplication", "200")["content"]["application/pdf"].is_object()
    );
}

#[tokio::test]
async fn available_decisions_post_the_return_and_read_the_bounds() {
    let server = serve(
        "getReturnAvailableDecisions",
        json!({"status": "OK", "result": {"availableDecisions": [
            {"decisionType": "REFUND_MONEY"},
            {"decisionType": "DECLINE_REFUND",
             "decisionReasonTypes": ["MECHANICAL_DAMAGE", "DEVICE_ACTIVATED"]},
            {"decisionType": "PARTIAL_MONEY_REFUND", "partialCompensationBounds": {
                "minAmount": {"value": 10.5, "currencyId": "RUR"},
                "maxAmount": {"value": "999.99", "currencyId": "RUR"},
                "maxPercent": 30
            }}
        ]}}),
    )
    .await;
    let ym = client(&server);
    let decisions = ym
        .returns()
        .available_decisions(BusinessId(900), CampaignId(21), ReturnId(7))
        .await
        .unwrap();
    assert_eq!(decisions.len(), 3);
    assert_eq!(
        decisions[1].decision_reason_types,
        [
            ReturnRequestDecisionReason::MechanicalDamage,
            ReturnRequestDecisionReason::DeviceActivated
        ]
    );
    let bounds = decisions[2].partial_compensation_bounds.as_ref().unwrap();
    assert_eq!(bounds.min_amount.value, dec("10.5"));
    assert_eq!(bounds.max_amount.value, dec("999.99"));
    assert_eq!(bounds.max_percent, 30);
    let (r, body) = &sent(&server).await[0];
    assert_eq!(r.url.path(), "/v1/businesses/900/returns/decisions");
    assert_eq!(body, &json!({"campaignId": 21, "returnId": 7}));
    assert_requests_match_spec(&server, "getReturnAvailableDecisions").await;
}

#[tokio::test]
async fn submit_decision_sends_money_as_a_number_and_is_not_repeated() {
    let server = serve("submitReturnDecision", json!({"status": "OK"})).await;
    let ym = client(&server);
    ym.returns()
        .submit_decision(
            CampaignId(21),
            OrderId(70),
            ReturnId(7),
            vec![
                ReturnItemDecision::new(777, ReturnRequestDecisionType::PartialMoneyRefund)
                    .with_compensation(BasePrice::rub(dec("150.50")))
                    .with_comment("частичный возврат"),
                ReturnItemDecision::new(778, ReturnRequestDecisionType::DeclineRefund)
                    .with_reason(ReturnRequestDecisionReason::MechanicalDamage)
                    .with_comment("царапины на корпусе"),
                ReturnItemDecision::new(779, ReturnRequestDecisionType::PartialMoneyRefund)
                    .with_compensation(BasePrice::rub(dec("100"))),
            ],
        )
        .await
        .unwrap();
    let (r, body) = &sent(&server).await[0];
    assert_eq!(
        r.url.path(),
        "/v2/campaigns/21/orders/70/returns/7/decision/submit"
    );
    assert_eq!(
        body,
        &json!({"returnItemDecisions": [
            {"returnItemId": 777, "decisionType": "PARTIAL_MONEY_REFUND",
             "comment": "частичный возврат",
             "compensation": {"value": 150.5, "currencyId": "RUR"}},
            {"returnItemId": 778, "decisionType": "DECLINE_REFUND",
             "decisionReasonType": "MECHANICAL_DAMAGE", "comment": "царапины на корпусе"},
            {"returnItemId": 779, "decisionType": "PARTIAL_MONEY_REFUND",
             "compensation": {"value": 100, "currencyId": "RUR"}},
        ]})
    );
    assert!(body["returnItemDecisions"][0]["compensation"]["value"].is_number());
    assert_requests_match_spec(&server, "submitReturnDecision").await;

    // A server error after the request reached Yandex Market: not repeated.
    let failing = serve_with(
        "submitReturnDecision",
        error_response("submitReturnDecision", 500),
    )
    .await;
    let e = client(&failing)
        .returns()
        .submit_decision(
            CampaignId(21),
            OrderId(70),
            ReturnId(7),
            vec![ReturnItemDecision::new(
                777,
                ReturnRequestDecisionType::RefundMoney,
            )],
        )
        .await
        .unwrap_err();
    assert_eq!(e.status(), Some(500));
    assert_eq!(
        sent(&failing).await.len(),
        1,
        "a non-idempotent call is sent once"
    );
}

#[tokio::test]
async fn submit_decision_refuses_invalid_decisions_before_sending() {
    let server = serve("submitReturnDecision", json!({"status": "OK"})).await;
    let ym = client(&server);
    let cases = [
        vec![],
        vec![
            ReturnItemDecision::new(1, ReturnRequestDecisionType::RefundMoney)
                .with_compensation(BasePrice::rub(dec("10"))),
        ],
        vec![
            ReturnItemDecision::new(1, ReturnRequestDecisionType::PartialMoneyRefund)
                .with_compensation(BasePrice::rub(dec("0"))),
        ],
        vec![
            ReturnItemDecision::new(1, ReturnRequestDecisionType::PartialMoneyRefund)
                .with_compensation(BasePrice::rub(dec("-5"))),
        ],
    ];
    for decisions in cases {
        let e = ym
            .returns()
            .submit_decision(CampaignId(21), OrderId(70), ReturnId(7), decisions.clone())
            .await
            .unwrap_err();
        assert!(
            matches!(e, Error::Validation { .. }),
            "{decisions:?}: {e:?}"
        );
    }
    assert!(sent(&server).await.is_empty());
}

#[tokio::test]
async fn submit_decision_answered_error_is_an_error() {
    let server = serve(
        "submitReturnDecision",
        json!({"status": "ERROR", "errors": [{"code": "DECISION_NOT_ALLOWED", "message": "too late"}]}),
    )
    .await;
    let ym = client(&server);
    let e = ym
        .returns()
        .submit_decision(
            CampaignId(21),
            OrderId(70),
            ReturnId(7),
            vec![ReturnItemDecision::new(
                1,
                ReturnRequestDecisionType::Replace,
            )],
        )
        .await
        .unwrap_err();
    assert!(
        e.to_string().contains("DECISION_NOT_ALLOWED: too late"),
        "{e}"
    );
}
