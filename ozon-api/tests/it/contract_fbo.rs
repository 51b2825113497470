//! Contract tests of the FBO postings section against the Ozon spec snapshot.

use crate::common::*;
use chrono::{DateTime, Utc};
use futures::TryStreamExt;
use ozon_api::api::fbo::*;
use ozon_api::models::common::*;
use ozon_api::models::fbo::*;
use ozon_api::{PostingNumber, ProductId, Sku, WarehouseId};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use wiremock::matchers::body_partial_json;
use wiremock::{Mock, MockServer, ResponseTemplate};

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// Replaces the harness's `"text"` in the product price (a money string) and the status (an
/// enum the spec types as a plain string) with wire-like values.
fn patch_typed_strings(v: &mut Value) -> usize {
    let mut n = 0;
    match v {
        Value::Object(m) => {
            for (k, x) in m.iter_mut() {
                if x == "text" && (k == "price" || k == "amount") {
                    *x = json!("480.000000");
                    n += 1;
                } else if x == "text" && k == "status" {
                    *x = json!("delivered");
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

fn assert_responses_decode_typed<T: serde::de::DeserializeOwned>(p: &str) -> T {
    let s = spec();
    if let Some(example) = s.response_example(p) {
        decode::<T>(p, "vendor example", &example);
    }
    let mut max = s.maximal(s.response_schema(p));
    assert!(patch_typed_strings(&mut max) >= 2, "{p}: price and status");
    decode::<T>(p, "maximal instance", &max)
}

/// An FBO posting as the v3 list sends it, with the given product price amount.
fn list_posting(number: &str, amount: Value) -> Value {
    json!({
        "additional_data": [],
        "analytics_data": {"city": "", "delivery_type": "PVZ", "is_legal": false, "is_premium": false,
                           "payment_type_group_name": "Карты оплаты", "warehouse_id": 17717042026000i64,
                           "warehouse_name": "РОСТОВ-НА-ДОНУ_РФЦ"},
        "cancel_reason_id": 0,
        "created_at": "2021-09-01T00:23:45.607000Z",
        "in_process_at": null,
        "order_id": 354680487,
        "order_number": "16965409-0014",
        "posting_number": number,
        "products": [{"digital_codes": [], "is_marketplace_buyout": false,
                      "name": "Книга", "offer_id": "978-5-906864-56-7",
                      "price": {"amount": amount, "currency": "RUB"}, "quantity": 1,
                      "sku": 160249683}],
        "status": "delivered",
        "substatus": "posting_delivered"
    })
}

/// An FBO posting as Ozon's `get` sends it, with the given product price.
fn posting(number: &str, price: Value) -> Value {
    json!({
        "additional_data": [],
        "analytics_data": {"city": "", "delivery_type": "PVZ", "is_legal": false, "is_premium": false,
                           "payment_type_group_name": "Карты оплаты", "warehouse_id": 17717042026000i64,
                           "warehouse_name": "РОСТОВ-НА-ДОНУ_РФЦ"},
        "cancel_reason_id": 0,
        "created_at": "2021-09-01T00:23:45.607000Z",
        "financial_data": {"cluster_from": "", "cluster_to": "", "products": [{
            "actions": ["Системная виртуальная скидка селлера"], "commission_amount": 12.15,
            "commission_percent": 15, "commissions_currency_code": "RUB", "currency_code": "RUB",
            "old_price": 115, "payout": 68.85, "price": 81, "product_id": 160249683, "quantity": 0,
            "total_discount_percent": 29.57, "total_discount_value": 34}]},
        "in_process_at": null,
        "legal_info": null,
        "order_id": 354680487,
        "order_number": "16965409-0014",
        "posting_number": number,
        "products": [{"currency_code": "RUB", "digital_codes": [], "is_marketplace_buyout": false,
                      "name": "Книга", "offer_id": "978-5-906864-56-7", "price": price, "quantity": 1,
                      "sku": 160249683}],
        "status": "delivered"
    })
}

fn window() -> FboPostingListFilter {
    FboPostingListFilter::new(t("2021-09-01T00:00:00Z"), t("2021-11-17T10:44:12.828Z"))
}

fn is_validation(e: &market_core::Error) -> bool {
    matches!(e, market_core::Error::Validation { .. })
}

#[test]
fn responses_decode_strictly() {
    assert_responses_decode_typed::<FboPostingListResponse>("/v3/posting/fbo/list");
    assert_responses_decode_typed::<FboPostingResponse>("/v2/posting/fbo/get");
}

#[test]
fn the_vendor_example_decodes_to_the_values_it_shows() {
    let p = "/v2/posting/fbo/get";
    let r: FboPostingResponse = decode(p, "vendor example", &spec().response_example(p).unwrap());
    let posting = r.result;
    assert_eq!(
        posting.posting_number,
        PostingNumber::new("50520644-0012-7")
    );
    assert_eq!(posting.status, PostingStatus::Delivered);
    assert_eq!(posting.created_at, t("2021-09-01T00:34:56.563Z"));
    assert_eq!(posting.in_process_at, Some(t("2021-09-01T00:34:56.103Z")));
    assert_eq!(posting.products[0].price, Decimal::new(13700, 2));
    assert_eq!(posting.products[0].sku, Sku(254665483));
    let fin = &posting
        .financial_data
        .into_typed()
        .unwrap()
        .unwrap()
        .products[0];
    assert_eq!(fin.payout, Decimal::new(1233, 1));
    assert_eq!(fin.commission_amount, Decimal::new(137, 1));
    assert_eq!(fin.product_id, ProductId(254665483));
    assert_eq!(
        posting.analytics_data.unwrap().warehouse_id,
        WarehouseId(15431806189000)
    );
}

#[test]
fn fbo_statuses_are_known_to_the_shared_status() {
    // The FBO status is described with a subset of the FBS values; every one is known.
    for s in [
        "awaiting_packaging",
        "awaiting_deliver",
        "delivering",
        "delivered",
        "cancelled",
    ] {
        assert!(PostingStatus::KNOWN.contains(&s), "{s}");
    }
    let st = spec().schema("v2FboPosting")["properties"]["status"].clone();
    assert_eq!(
        st,
        json!({"type": "string"}),
        "the spec now says more: use it"
    );
}

#[tokio::test]
async fn list_stream_follows_the_cursor_until_has_next_is_false() {
    let server = MockServer::start().await;
    let page = |n: usize, from: usize| {
        (from..from + n)
            .map(|i| list_posting(&format!("F-{i}"), json!("81.00")))
            .collect::<Vec<_>>()
    };
    Mock::given(body_partial_json(json!({"cursor": "c2"})))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"cursor": "", "has_next": false, "postings": page(2, 100)})),
        )
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(wiremock::matchers::any())
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"cursor": "c2", "has_next": true, "postings": page(100, 0)})),
        )
        .with_priority(2)
        .mount(&server)
        .await;
    let ozon = client(&server);
    let all: Vec<FboListPosting> = ozon
        .fbo()
        .list_stream(
            window().with_status(PostingStatus::Delivered),
            FboPostingWith::all(),
        )
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 102);
    assert_eq!(all[101].posting_number.as_str(), "F-101");
    assert_eq!(all[0].products[0].price.amount, Decimal::new(81, 0));
    assert_eq!(all[0].in_process_at, None);
    let requests = sent(&server).await;
    assert_eq!(requests.len(), 2, "stops when has_next is false");
    let body = &requests[0].1;
    assert!(body.get("cursor").is_none(), "the first page has no cursor");
    assert_eq!(requests[1].1["cursor"], "c2");
    assert_eq!(body["limit"], POSTING_FBO_LIST_PAGE_MAX);
    assert_eq!(body["filter"]["statuses"], json!(["delivered"]));
    assert_eq!(body["filter"]["to"], "2021-11-17T10:44:12.828Z");
    assert_eq!(
        body["with"],
        json!({"analytics_data": true, "financial_data": true, "legal_info": true})
    );
    assert_requests_match_spec(&server, "/v3/posting/fbo/list").await;
}

#[tokio::test]
async fn a_cursor_that_does_not_move_is_an_error_not_a_loop() {
    let server = serve(
        "/v3/posting/fbo/list",
        json!({"cursor": "same", "has_next": true, "postings": [list_posting("1-1-1", json!("1"))]}),
    )
    .await;
    let ozon = client(&server);
    let r: Result<Vec<FboListPosting>, _> = ozon
        .fbo()
        .list_stream(window(), FboPostingWith::default())
        .try_collect()
        .await;
    assert!(r.is_err());
    assert!(sent(&server).await.len() <= 3);
}

#[tokio::test]
async fn a_200_without_the_postings_list_is_an_error() {
    let server = serve(
        "/v3/posting/fbo/list",
        json!({"cursor": "", "has_next": false}),
    )
    .await;
    let ozon = client(&server);
    let r: Result<Vec<FboListPosting>, _> = ozon
        .fbo()
        .list_stream(window(), FboPostingWith::default())
        .try_collect()
        .await;
    let err = r.unwrap_err();
    assert!(matches!(err, market_core::Error::Decode { .. }), "{err}");
}

#[tokio::test]
async fn a_price_as_string_and_as_number_decode_to_the_same_decimal() {
    let server = serve(
        "/v3/posting/fbo/list",
        json!({"postings": [list_posting("1-1-1", json!("480.000000")), list_posting("1-1-2", json!(480))]}),
    )
    .await;
    let ozon = client(&server);
    let r = ozon
        .fbo()
        .list(&FboPostingListRequest::new(window(), 10))
        .await
        .unwrap();
    assert_eq!(
        r.postings[0].products[0].price,
        r.postings[1].products[0].price
    );
    assert_eq!(r.postings[1].products[0].price.amount, Decimal::new(480, 0));
    assert_requests_match_spec(&server, "/v3/posting/fbo/list").await;
}

#[tokio::test]
async fn a_bad_window_or_limit_is_rejected_before_sending() {
    let server = MockServer::start().await;
    let ozon = client(&server);
    let a = t("2024-01-01T00:00:00Z");
    for r in [
        FboPostingListRequest::new(FboPostingListFilter::new(a, a), 10),
        FboPostingListRequest::new(FboPostingListFilter::new(t("2024-03-01T00:00:00Z"), a), 10),
        FboPostingListRequest::new(FboPostingListFilter::new(a, t("2025-03-01T00:00:00Z")), 10),
        FboPostingListRequest::new(window(), 0),
        FboPostingListRequest::new(window(), POSTING_FBO_LIST_PAGE_MAX + 1),
    ] {
        let err = ozon.fbo().list(&r).await.unwrap_err();
        assert!(is_validation(&err), "{r:?}: {err}");
    }
    assert!(is_validation(
        &ozon
            .fbo()
            .get(&FboPostingGetRequest::new(""))
            .await
            .unwrap_err()
    ));
    assert!(sent(&server).await.is_empty());
}

#[tokio::test]
async fn get_decodes_one_posting() {
    let server = serve(
        "/v2/posting/fbo/get",
        json!({"result": posting("50520644-0012-7", json!("137.00"))}),
    )
    .await;
    let ozon = client(&server);
    let mut request = FboPostingGetRequest::new("50520644-0012-7").with(FboPostingWith {
        analytics_data: true,
        financial_data: true,
        legal_info: false,
    });
    request.translit = true;
    let p = ozon.fbo().get(&request).await.unwrap();
    assert_eq!(p.posting_number.as_str(), "50520644-0012-7");
    assert_eq!(p.products[0].price, Decimal::new(13700, 2));
    assert_eq!(p.created_at, t("2021-09-01T00:23:45.607Z"));
    assert_eq!(
        p.financial_data.into_typed().unwrap().unwrap().products[0].total_discount_percent,
        Decimal::new(2957, 2)
    );
    let (_, body) = sent(&server).await.pop().unwrap();
    assert_eq!(
        body,
        json!({"posting_number": "50520644-0012-7", "translit": true,
               "with": {"analytics_data": true, "financial_data": true, "legal_info": false}})
    );
    assert_requests_match_spec(&server, "/v2/posting/fbo/get").await;
}
