//! Real Yandex Market answers (not the spec's examples) as a second source of truth: bodies
//! other clients recorded from the live API, stored under `tests/fixtures/real/` (sources in
//! `tests/fixtures/real/SOURCE.md`, personal data trimmed). Each decision the crate takes from
//! a vendor string (order status and substatus, delivery model, answer status, error code) is
//! tested on such a body and on its lower-case variant, which must read the same (in strict
//! mode too: the wire enums match case-insensitively).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common::{client, decode, mount, sent_to, spec};
use market_core::{DeliveryScheme, Error, Lifecycle, Marketplace, OrderId, PriceUpdate};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use wiremock::{MockServer, ResponseTemplate};
use yandex_market_api::marketplace::lifecycle;
use yandex_market_api::models::common::{ApiErrorCode, CurrencyType, error_code};
use yandex_market_api::models::orders::{
    Order, OrderDeliveryPartnerType, OrderDeliveryType, OrderStatus, OrderSubstatus,
    UpdateOrderStatusResponse,
};
use yandex_market_api::models::prices::BusinessOfferPrice;
use yandex_market_api::{BusinessId, CampaignClient, CampaignId};

const BUSINESS: BusinessId = BusinessId(11);
const CAMPAIGN: CampaignId = CampaignId(21);

fn fixture(name: &str) -> Value {
    let path = format!("{}/tests/fixtures/real/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The real order (`GET /v2/campaigns/{campaignId}/orders`, an `OrderDTO`).
fn real_order() -> Value {
    fixture("get_orders_fbs_processing.json")["orders"][0].clone()
}

/// Lower-cases the string values of these keys, wherever they are.
fn lower(v: &Value, keys: &[&str]) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .map(|(k, x)| match x {
                    Value::String(s) if keys.contains(&k.as_str()) => {
                        (k.clone(), Value::String(s.to_lowercase()))
                    }
                    _ => (k.clone(), lower(x, keys)),
                })
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(|x| lower(x, keys)).collect()),
        other => other.clone(),
    }
}

/// The vendor's enum strings of an order.
const ORDER_ENUMS: &[&str] = &[
    "status",
    "substatus",
    "currency",
    "paymentType",
    "paymentMethod",
    "vat",
    "type",
    "deliveryPartnerType",
    "taxSystem",
    "requiredInstanceTypes",
];

/// The real order is an `OrderDTO` to the letter: it decodes in strict mode (no field the spec
/// lacks, every enum value known), with its money, dates and ids.
#[test]
fn a_real_order_decodes_strictly_as_the_spec_s_order() {
    let answer = json!({ "order": real_order() });
    let got: UpdateOrderStatusResponse = decode("updateOrderStatus", "real order", &answer);
    let o = got.order.unwrap();
    assert_eq!(o.id.get(), 457_047_911);
    assert_eq!(
        (&o.status, &o.substatus),
        (&OrderStatus::Processing, &OrderSubstatus::Started)
    );
    assert_eq!(o.currency, CurrencyType::Rur);
    assert_eq!(o.items_total, Decimal::new(20_320, 0));
    assert_eq!(
        o.creation_date.to_rfc3339(),
        "2024-05-12T20:07:08+00:00",
        "DD-MM-YYYY HH:MM:SS in Moscow time"
    );
    let line = &o.items[0];
    assert_eq!(line.offer_id, "TH202-20-245-45-103Y");
    assert_eq!((line.count, line.price), (2, Decimal::new(10_160, 0)));
    assert_eq!(o.delivery.kind, OrderDeliveryType::Delivery);
    assert_eq!(
        o.delivery.delivery_partner_type,
        OrderDeliveryPartnerType::YandexMarket
    );
    let shipment = &o.delivery.shipments[0];
    assert_eq!(
        shipment.shipment_date,
        chrono::NaiveDate::from_ymd_opt(2024, 5, 14)
    );
    assert_eq!(
        lifecycle(&o.status, &o.substatus),
        Lifecycle::AwaitingPackaging
    );
}

/// The same order with every enum string in lower case reads as the same order, in strict
/// mode too, and its status maps to the same lifecycle step.
#[test]
fn the_real_order_in_lower_case_reads_the_same() {
    let upper: Order = decode("updateOrderStatus", "real order", &real_order());
    let lowered = lower(&real_order(), ORDER_ENUMS);
    assert_eq!(lowered["status"], "processing");
    assert_eq!(lowered["delivery"]["deliveryPartnerType"], "yandex_market");
    let low: Order = decode("updateOrderStatus", "lower-case order", &lowered);
    assert_eq!(low, upper);
    assert_eq!(
        lifecycle(&low.status, &low.substatus),
        lifecycle(&upper.status, &upper.substatus)
    );
}

/// The real order in the business-level shape the crate reads (`BusinessOrderDTO` of
/// `POST /v1/businesses/{businessId}/orders`). No real body of that newer method is public:
/// this is the real order's ids, line, money and statuses carried over into that shape
/// (a realistic variant, not a recorded answer).
fn business_order(status: &str, substatus: &str, program: &str) -> Value {
    let real = real_order();
    let item = &real["items"][0];
    json!({
        "orderId": real["id"],
        "campaignId": CAMPAIGN.0,
        "programType": program,
        "status": status,
        "substatus": substatus,
        "creationDate": "2024-05-12T23:07:08+03:00",
        "updateDate": "2024-05-12T23:07:08+03:00",
        "paymentType": real["paymentType"],
        "paymentMethod": real["paymentMethod"],
        "fake": real["fake"],
        "items": [{
            "id": item["id"],
            "offerId": item["offerId"],
            "offerName": item["offerName"],
            "count": item["count"],
            "prices": {"payment": {"value": 20320.0, "currencyId": real["currency"]}}
        }],
        "delivery": {
            "type": real["delivery"]["type"],
            "serviceName": real["delivery"]["serviceName"],
            "deliveryServiceId": real["delivery"]["deliveryServiceId"],
            "deliveryPartnerType": real["delivery"]["deliveryPartnerType"],
            "dates": {"fromDate": "2024-05-18"},
            "shipment": {"id": 451_737_186, "shipmentDate": "2024-05-14"}
        }
    })
}

async fn serving(order: Value) -> (MockServer, CampaignClient) {
    let server = MockServer::start().await;
    mount(
        &server,
        "getBusinessOrders",
        ResponseTemplate::new(200).set_body_json(json!({ "orders": [order] })),
    )
    .await;
    let answer = spec().maximal(spec().response_schema("updateOrderStatus"));
    mount(
        &server,
        "updateOrderStatus",
        ResponseTemplate::new(200).set_body_json(answer),
    )
    .await;
    let shop = client(&server).campaign(BUSINESS, CAMPAIGN);
    (server, shop)
}

/// The trait's mapping of the order does not depend on the case of the vendor's strings:
/// status, substatus, delivery model, currency.
#[tokio::test]
async fn the_trait_maps_a_lower_case_order_like_the_upper_case_one() {
    let id = OrderId::new("457047911");
    let (_s1, upper) = serving(business_order("PROCESSING", "STARTED", "FBS")).await;
    let mut low_order = lower(
        &business_order("processing", "started", "fbs"),
        &[
            "paymentType",
            "paymentMethod",
            "type",
            "deliveryPartnerType",
            "currencyId",
        ],
    );
    low_order["items"][0]["prices"]["payment"]["currencyId"] = json!("rur");
    let (_s2, low) = serving(low_order).await;
    let a = Marketplace::order(&upper, &id).await.unwrap();
    let b = Marketplace::order(&low, &id).await.unwrap();
    assert_eq!(a.status.lifecycle, Lifecycle::AwaitingPackaging);
    assert_eq!(a.scheme, DeliveryScheme::Fbs);
    assert_eq!(b.status.lifecycle, a.status.lifecycle);
    assert_eq!(b.scheme, a.scheme);
    assert_eq!(b.currency, a.currency);
    assert_eq!(b.lines, a.lines);
    assert_eq!(b.total(), a.total());
}

/// `confirm` accepts an order awaiting confirmation whatever the case of its substatus.
#[tokio::test]
async fn confirm_reads_a_lower_case_await_confirmation() {
    let (server, shop) = serving(business_order("processing", "await_confirmation", "fbs")).await;
    Marketplace::confirm_order(&shop, &OrderId::new("457047911"))
        .await
        .unwrap();
    let changes = sent_to(&server, "updateOrderStatus").await;
    assert_eq!(changes.len(), 1, "the order is accepted");
    assert_eq!(
        changes[0].1,
        json!({"order": {"status": "PROCESSING", "substatus": "STARTED"}})
    );
}

/// `ship` follows the delivery model whatever its case: DBS goes into delivery, FBY is
/// refused, FBS is made ready to ship.
#[tokio::test]
async fn ship_reads_the_delivery_model_case_insensitively() {
    let id = OrderId::new("457047911");
    for (program, want) in [
        ("dbs", Some(json!({"order": {"status": "DELIVERY"}}))),
        ("Fby", None),
        (
            "fbs",
            Some(json!({"order": {"status": "PROCESSING", "substatus": "READY_TO_SHIP"}})),
        ),
    ] {
        let (server, shop) = serving(business_order("processing", "started", program)).await;
        let got = Marketplace::ship_order(&shop, &id).await;
        let changes = sent_to(&server, "updateOrderStatus").await;
        match want {
            Some(body) => {
                got.unwrap();
                assert_eq!(changes.len(), 1, "{program}");
                assert_eq!(changes[0].1, body, "{program}");
            }
            None => {
                assert!(
                    matches!(got, Err(Error::Validation { .. })),
                    "{program}: {got:?}"
                );
                assert!(changes.is_empty(), "{program}");
            }
        }
    }
}

/// A real error body of a rejected price update (`BAD_REQUEST` per unknown offer): as an
/// HTTP 400 the offers are rejected with the vendor's code and messages; as a 200 whose `status` says
/// `ERROR` (in any case) the offers are rejected with that code, never reported accepted.
#[tokio::test]
async fn a_real_price_update_error_rejects_the_offers() {
    let body = fixture("error_bad_request_price_update.json");
    let offers = || {
        vec![BusinessOfferPrice::new(
            "SKU-1",
            Decimal::new(1000, 0),
            CurrencyType::Rur,
        )]
    };
    let server = MockServer::start().await;
    mount(
        &server,
        "updateBusinessPrices",
        ResponseTemplate::new(400).set_body_json(&body),
    )
    .await;
    let report = client(&server)
        .prices()
        .update_business_prices(BUSINESS, offers())
        .await
        .unwrap();
    assert!(report.accepted.is_empty(), "{report:?}");
    assert_eq!(report.rejected[0].code.as_deref(), Some("BAD_REQUEST"));
    assert!(
        report.rejected[0]
            .message
            .contains("Unable to find mapping for marketSku"),
        "{report:?}"
    );
    for status in ["ERROR", "error", "Error"] {
        let mut answer = body.clone();
        answer["status"] = json!(status);
        let server = MockServer::start().await;
        mount(
            &server,
            "updateBusinessPrices",
            ResponseTemplate::new(200).set_body_json(&answer),
        )
        .await;
        let report = client(&server)
            .prices()
            .update_business_prices(BUSINESS, offers())
            .await
            .unwrap();
        assert!(report.accepted.is_empty(), "{status}: {report:?}");
        assert_eq!(report.rejected.len(), 1, "{status}");
        assert_eq!(report.rejected[0].code.as_deref(), Some("BAD_REQUEST"));
    }
    // Through the trait too.
    let server = MockServer::start().await;
    let mut answer = body.clone();
    answer["status"] = json!("error");
    mount(
        &server,
        "updateBusinessPrices",
        ResponseTemplate::new(200).set_body_json(&answer),
    )
    .await;
    let shop = client(&server).campaign(BUSINESS, CAMPAIGN);
    let report =
        Marketplace::update_prices(&shop, &[PriceUpdate::new("SKU-1", Decimal::new(1000, 0))])
            .await
            .unwrap();
    assert!(report.accepted.is_empty(), "{report:?}");
}

/// Real error bodies: a 400 with code `OTHER` (a product refused for a missing barcode), and
/// a 403 with an extra `error` object the spec does not describe (read in strict mode as well:
/// the error reader ignores fields it does not use). Their codes read as the spec's, in any
/// case.
#[tokio::test]
async fn real_error_bodies_give_the_vendor_s_code() {
    for (file, status, want) in [
        ("error_other_offer_mapping.json", 400, ApiErrorCode::Other),
        ("error_forbidden_token.json", 403, ApiErrorCode::Forbidden),
    ] {
        let body = fixture(file);
        for code_case in [false, true] {
            let mut b = body.clone();
            if code_case {
                b = lower(&b, &["code"]);
            }
            let server = MockServer::start().await;
            mount(
                &server,
                "getCampaigns",
                ResponseTemplate::new(status).set_body_json(&b),
            )
            .await;
            let e = client(&server)
                .campaigns()
                .list(None, None)
                .await
                .unwrap_err();
            assert_eq!(
                error_code(&e),
                Some(want.clone()),
                "{file} {code_case}: {e:?}"
            );
            match &e {
                Error::Api(api) => assert_eq!(api.status, status),
                other => panic!("{other:?}"),
            }
        }
    }
}

/// `LIMIT_EXCEEDED` in lower case (a realistic variant: no real body of it is public) still
/// reads as the spec's code; the retry decision itself rests on HTTP 420, not on the code.
#[test]
fn a_lower_case_limit_code_reads_as_the_spec_s() {
    assert_eq!(
        ApiErrorCode::from_wire("limit_exceeded"),
        ApiErrorCode::LimitExceeded
    );
    assert_eq!(
        ApiErrorCode::from_wire("LIMIT_EXCEEDED"),
        ApiErrorCode::LimitExceeded
    );
}
