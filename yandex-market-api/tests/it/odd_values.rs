//! Server answers with odd values never panic: an order whose money overflows a `Decimal`
//! (`payment + cashback` near `Decimal::MAX`) or whose dates lie at the edge of chrono's range
//! (`shipmentDate: "+262142-12-31"`) becomes an error item or a `None` field with its reason,
//! and the orders around it still arrive; rate-limit headers with huge, negative or
//! non-numeric values are read as no hint (or the one-hour cap), never a panic.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common::{client, mount};
use futures::StreamExt;
use market_core::{Error, Marketplace, OrderQuery, TimeWindow};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use wiremock::{MockServer, ResponseTemplate};
use yandex_market_api::{BusinessId, CampaignId};

const BUSINESS: BusinessId = BusinessId(11);
const CAMPAIGN: CampaignId = CampaignId(21);

/// An order of the campaign, changed on 2024-05-01.
fn order(id: i64) -> Value {
    json!({
        "orderId": id,
        "campaignId": CAMPAIGN.0,
        "programType": "FBS",
        "status": "PROCESSING",
        "substatus": "STARTED",
        "creationDate": "2024-05-01T10:00:00+03:00",
        "updateDate": "2024-05-01T11:30:00+03:00",
        "paymentType": "PREPAID",
        "paymentMethod": "YANDEX",
        "fake": false,
        "items": [{
            "id": id * 10,
            "offerId": "SKU-1",
            "offerName": "Kettle",
            "count": 2,
            "prices": {
                "payment": {"value": 2599.5, "currencyId": "RUR"},
                "cashback": {"value": 0.5, "currencyId": "RUR"}
            }
        }],
        "delivery": {
            "type": "DELIVERY",
            "warehouseId": "3000001",
            "shipment": {"id": 555, "shipmentDate": "2024-05-02"}
        }
    })
}

/// What the trait's order stream yields for a page of `orders`: every item, errors included
/// (the stream is read to its end, not stopped at the first error).
async fn stream_of(orders: Vec<Value>) -> Vec<market_core::Result<market_core::Order>> {
    let server = MockServer::start().await;
    mount(
        &server,
        "getBusinessOrders",
        ResponseTemplate::new(200).set_body_json(json!({ "orders": orders })),
    )
    .await;
    let shop = client(&server).campaign(BUSINESS, CAMPAIGN);
    let window = TimeWindow::new(
        "2024-05-01T00:00:00Z".parse().unwrap(),
        "2024-05-08T00:00:00Z".parse().unwrap(),
    )
    .unwrap();
    Marketplace::orders(&shop, OrderQuery::changes(window))
        .collect()
        .await
}

fn ids(items: &[market_core::Result<market_core::Order>]) -> Vec<String> {
    items
        .iter()
        .map(|r| match r {
            Ok(o) => o.id.as_str().to_owned(),
            Err(_) => "error".to_owned(),
        })
        .collect()
}

#[tokio::test]
async fn a_line_whose_payment_and_cashback_overflow_is_an_error_item() {
    let mut bad = order(2);
    bad["items"][0]["prices"] = json!({
        "payment": {"value": "79228162514264337593543950335", "currencyId": "RUR"},
        "cashback": {"value": "1", "currencyId": "RUR"}
    });
    let got = stream_of(vec![order(1), bad, order(3)]).await;
    assert_eq!(ids(&got), ["1", "error", "3"], "{got:?}");
    match &got[1] {
        Err(Error::Decode {
            vendor,
            operation,
            path,
            message,
            ..
        }) => {
            assert_eq!(*vendor, "yandex_market");
            assert_eq!(*operation, "business_orders_get");
            assert!(path.contains('2'), "the order is named: {path}");
            assert!(message.contains("overflow"), "{message}");
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn a_huge_count_or_price_never_panics() {
    // The biggest count with the biggest payment, and a negative count.
    let mut huge = order(2);
    huge["items"][0]["count"] = json!(i64::MAX);
    huge["items"][0]["prices"] = json!({
        "payment": {"value": "79228162514264337593543950335", "currencyId": "RUR"}
    });
    let mut negative = order(3);
    negative["items"][0]["count"] = json!(i64::MIN);
    negative["items"][0]["prices"] = json!({
        "payment": {"value": "-79228162514264337593543950335", "currencyId": "RUR"},
        "cashback": {"value": "-79228162514264337593543950335", "currencyId": "RUR"}
    });
    let got = stream_of(vec![order(1), huge, negative, order(4)]).await;
    assert_eq!(got.len(), 4, "{got:?}");
    assert_eq!(ids(&got)[0], "1");
    assert_eq!(ids(&got)[3], "4");
    // The count fits no u32: the line is refused rather than given a made-up quantity.
    assert!(got[1].is_err(), "{:?}", got[1]);
    assert!(got[2].is_err(), "{:?}", got[2]);
}

#[tokio::test]
async fn a_shipment_date_at_the_end_of_time_leaves_ship_by_empty() {
    for date in ["+262142-12-31", "+262143-12-31", "-262143-01-01"] {
        let mut odd = order(2);
        odd["delivery"]["shipment"]["shipmentDate"] = json!(date);
        let got = stream_of(vec![order(1), odd, order(3)]).await;
        assert_eq!(got.len(), 3, "{date}: {got:?}");
        assert_eq!(ids(&got)[0], "1");
        assert_eq!(ids(&got)[2], "3");
        // The last day chrono knows arrives without a shipping deadline (the day after it
        // does not exist); a day beyond chrono's dates makes the order an error item.
        // The first day chrono knows is a deadline like any other.
        match (&got[1], date) {
            (Ok(o), "+262142-12-31") => assert_eq!(o.ship_by, None, "{date}"),
            (Ok(o), "-262143-01-01") => assert!(o.ship_by.is_some(), "{date}"),
            (Err(Error::Decode { path, .. }), "+262143-12-31") => {
                assert_eq!(path, "orders[1].delivery.shipment.shipmentDate");
            }
            (other, _) => panic!("{date}: {other:?}"),
        }
    }
}

#[tokio::test]
async fn creation_and_update_times_at_the_end_of_time_never_panic() {
    for (field, value) in [
        ("creationDate", "+262142-12-31T23:59:59-03:00"),
        ("creationDate", "+262143-12-31T23:59:59+03:00"),
        ("creationDate", "-262143-01-01T00:00:00+03:00"),
        ("updateDate", "+262142-12-31T23:59:59-03:00"),
        ("updateDate", "-262143-01-01T00:00:00+03:00"),
        ("updateDate", "+262143-12-31T23:59:59"),
    ] {
        let mut odd = order(2);
        odd[field] = json!(value);
        let got = stream_of(vec![order(1), odd, order(3)]).await;
        // The orders around it come whatever becomes of it.
        assert_eq!(got.len(), 3, "{field} {value}: {got:?}");
        assert_eq!(ids(&got)[0], "1", "{field} {value}");
        assert_eq!(ids(&got)[2], "3", "{field} {value}");
        if let Err(e) = &got[1] {
            match e {
                Error::Decode { path, message, .. } => {
                    assert!(path.starts_with("orders[1]."), "{path}");
                    assert!(message.starts_with("order 2: "), "{message}");
                }
                other => panic!("{field} {value}: {other:?}"),
            }
        }
    }
}

#[test]
fn an_order_with_an_overflowing_line_is_refused_by_the_mapping() {
    let mut bad = order(5);
    bad["items"][0]["prices"]["payment"]["value"] = json!(Decimal::MAX.to_string());
    let o: yandex_market_api::models::orders::BusinessOrder = serde_json::from_value(bad).unwrap();
    let e = yandex_market_api::marketplace::order_from_business_order(&o).unwrap_err();
    assert!(e.to_string().contains("order 5"), "{e}");
}

// ---------------------------------------------------------------------------------------------
// Rate-limit headers (item 7) and a key echoed by the server (item 14).
// ---------------------------------------------------------------------------------------------

#[test]
fn x_ratelimit_resource_until_with_absurd_values_is_capped_or_ignored() {
    use http::{HeaderMap, HeaderValue};
    use yandex_market_api::client::{UNTIL_MAX, until};
    let now = chrono::Utc::now();
    for (value, want) in [
        ("18446744073709551615", Some(UNTIL_MAX)),
        ("1e19", Some(UNTIL_MAX)),
        ("1e400", Some(UNTIL_MAX)),
        ("inf", Some(UNTIL_MAX)),
        ("9223372036854775808", Some(UNTIL_MAX)),
        ("Fri, 31 Dec 9999 23:59:59 GMT", Some(UNTIL_MAX)),
        ("9999-12-31T23:59:59Z", Some(UNTIL_MAX)),
        ("NaN", None),
        ("-5", None),
        ("-1e19", None),
        ("-inf", None),
        ("0", None),
        ("Mon, 01 Jan 0001 00:00:00 GMT", None),
        ("+262142-12-31T23:59:59Z", None),
        ("soon", None),
        ("2", Some(std::time::Duration::from_secs(2))),
    ] {
        let mut headers = HeaderMap::new();
        headers.insert(
            "x-ratelimit-resource-until",
            HeaderValue::from_str(value).unwrap(),
        );
        assert_eq!(until(&headers, now), want, "{value}");
    }
}

/// A server refusing with 420 and absurd quota headers once, then answering 200 with absurd
/// quota headers.
async fn absurd_quota_server(refusal: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    crate::common::mock("getCampaigns")
        .respond_with(refusal)
        .up_to_n_times(1)
        .mount(&server)
        .await;
    crate::common::mock("getCampaigns")
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"campaigns": []}))
                .insert_header("X-RateLimit-Resource-Limit", "18446744073709551615")
                .insert_header("X-RateLimit-Resource-Remaining", "18446744073709551615")
                .insert_header("X-RateLimit-Resource-Until", "1e19"),
        )
        .mount(&server)
        .await;
    server
}

#[tokio::test(start_paused = true)]
async fn absurd_quota_headers_never_panic_and_never_freeze_the_client() {
    let refused = || {
        ResponseTemplate::new(420).set_body_json(json!({
            "status": "ERROR",
            "errors": [{"code": "LIMIT_EXCEEDED", "message": "quota"}]
        }))
    };
    for refusal in [
        refused()
            .insert_header("X-RateLimit-Resource-Remaining", "0")
            .insert_header("X-RateLimit-Resource-Until", "18446744073709551615"),
        refused()
            .insert_header("X-RateLimit-Resource-Remaining", "-1")
            .insert_header(
                "X-RateLimit-Resource-Until",
                "Fri, 31 Dec 9999 23:59:59 GMT",
            ),
        refused()
            .insert_header("X-RateLimit-Resource-Remaining", "0")
            .insert_header("X-RateLimit-Resource-Until", "NaN")
            .insert_header("Retry-After", "18446744073709551615"),
        refused().insert_header("Retry-After", "1e19"),
    ] {
        let server = absurd_quota_server(refusal).await;
        let ym = client(&server);
        let started = tokio::time::Instant::now();
        // Whether the client waits for the capped hint or gives up within its budget, it
        // answers, and within an hour and a bit of (paused) time.
        let first = ym.campaigns().all().await;
        if let Err(e) = &first {
            assert!(
                matches!(e, Error::Api(a) if a.status == 420),
                "{e:?} is not the 420"
            );
        }
        assert!(started.elapsed() <= std::time::Duration::from_secs(3700));
        // The 200 with absurd headers is read, and the next call is not frozen.
        for _ in 0..2 {
            let started = tokio::time::Instant::now();
            assert_eq!(ym.campaigns().all().await.unwrap().len(), 0);
            assert!(started.elapsed() <= std::time::Duration::from_secs(3700));
        }
    }
}

#[tokio::test]
async fn a_key_echoed_in_the_request_id_or_across_the_excerpt_cut_is_redacted() {
    let key = crate::common::API_KEY;
    // A proxy's plain-text refusal with the key straddling 512 bytes, and the key as the
    // request id.
    let body = format!("{}{key} denied", "x".repeat(500));
    let server = MockServer::start().await;
    crate::common::mock("getCampaigns")
        .respond_with(
            ResponseTemplate::new(400)
                .set_body_string(body)
                .insert_header("X-Market-Request-Id", key),
        )
        .mount(&server)
        .await;
    let e = client(&server).campaigns().all().await.unwrap_err();
    let Error::Api(api) = &e else { panic!("{e:?}") };
    let shown = format!("{e} {e:?}");
    let head = &key[..8];
    assert!(!shown.contains(head), "{shown}");
    assert!(
        api.request_id
            .as_deref()
            .is_some_and(|id| !id.contains(head)),
        "{:?}",
        api.request_id
    );
    // The same with Yandex Market's error shape and X-Request-Id.
    let server = MockServer::start().await;
    crate::common::mock("getCampaigns")
        .respond_with(
            ResponseTemplate::new(400)
                .set_body_json(json!({
                    "status": "ERROR",
                    "errors": [{"code": "BAD_REQUEST", "message": format!("{}{key}", "y".repeat(600))}]
                }))
                .insert_header("X-Request-Id", format!("req-{key}")),
        )
        .mount(&server)
        .await;
    let e = client(&server).campaigns().all().await.unwrap_err();
    let shown = format!("{e} {e:?}");
    assert!(!shown.contains(head), "{shown}");
    assert!(shown.contains("BAD_REQUEST"), "{shown}");
}
