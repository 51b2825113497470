//! The client against a mock server: the envelope out, the verdict back (`success: 0`,
//! `data.result != 1`), the retry rule of each method, and the token kept secret.

use futures::TryStreamExt;
use market_core::{ApiErrorKind, Error};
use megamarket_api::models::offers::{Price, Stock};
use megamarket_api::models::orders::*;
use megamarket_api::{Client, ShipmentId};
use serde_json::{Value, json};
use wiremock::matchers::{body_partial_json, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::common::{TOKEN, client, example};

const ORDERS: &str = "/api/market/v1/orderService";

fn ok(data: Value) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({"success": 1, "meta": {}, "data": data}))
}

fn confirm_body() -> OrderConfirm {
    OrderConfirm {
        shipments: vec![ConfirmShipment {
            shipment_id: "900000000001".into(),
            order_code: Some("900000000001".into()),
            items: vec![ItemRef {
                item_index: "1".into(),
                offer_id: "SKU-1".into(),
            }],
        }],
    }
}

fn reject_body() -> OrderReject {
    OrderReject {
        shipments: vec![RejectShipment {
            shipment_id: "900000000001".into(),
            items: vec![ItemRef {
                item_index: "1".into(),
                offer_id: "SKU-1".into(),
            }],
        }],
        reason: RejectReason {
            kind: RejectReasonType::OutOfStock,
            comment: None,
        },
    }
}

async fn requests(server: &MockServer) -> Vec<Value> {
    server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(|r| serde_json::from_slice(&r.body).unwrap())
        .collect()
}

#[tokio::test]
async fn a_call_is_a_post_of_the_envelope_with_the_token_in_data() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(format!("{ORDERS}/order/confirm")))
        .and(body_partial_json(
            json!({"meta": {}, "data": {"token": TOKEN}}),
        ))
        .respond_with(ResponseTemplate::new(200).set_body_bytes(example("success.response.json")))
        .expect(1)
        .mount(&server)
        .await;
    client(&server.uri())
        .order_confirm(&confirm_body())
        .await
        .unwrap();
    let sent = requests(&server).await;
    assert_eq!(
        sent[0]["data"]["shipments"][0]["items"][0]["itemIndex"],
        "1"
    );
}

#[tokio::test]
async fn success_0_is_an_error_with_megamarkets_code_and_message_never_retried() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_bytes(example("error.response.json")))
        .mount(&server)
        .await;
    let err = client(&server.uri())
        .order_confirm(&confirm_body())
        .await
        .unwrap_err();
    let Error::Api(e) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(e.status, 200);
    assert_eq!(e.kind, ApiErrorKind::BadRequest);
    assert_eq!(e.code.as_deref(), Some("INVALID_SHIPMENT"));
    assert!(
        e.message.contains("Shipment 900000000009 not found"),
        "{}",
        e.message
    );
    assert_eq!(e.operation, "order_confirm");
    assert_eq!(e.vendor, "megamarket");
    assert_eq!(server.received_requests().await.unwrap().len(), 1);
}

#[tokio::test]
async fn success_1_with_result_0_on_a_write_is_an_error() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ok(json!({"result": 0})))
        .mount(&server)
        .await;
    let err = client(&server.uri())
        .order_reject(&reject_body())
        .await
        .unwrap_err();
    let Error::Api(e) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(e.code.as_deref(), Some("result_0"));
    assert!(e.message.contains("not applied"));
}

#[tokio::test]
async fn a_single_error_object_and_a_string_success_are_read() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "success": "0", "meta": {}, "data": null,
            "error": {"code": 17, "message": "token expired"}
        })))
        .mount(&server)
        .await;
    let err = client(&server.uri())
        .order_get(&["1".into()])
        .await
        .unwrap_err();
    let Error::Api(e) = &err else {
        panic!("{err:?}")
    };
    assert_eq!(e.code.as_deref(), Some("17"));
    assert_eq!(e.message, "17: token expired");
}

#[tokio::test]
async fn the_token_never_reaches_errors_or_debug_even_echoed_back() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "success": 0, "meta": {}, "data": {},
            "error": [{"code": "AUTH", "message": format!("token {TOKEN} is not valid")}]
        })))
        .mount(&server)
        .await;
    let mm = client(&server.uri());
    let err = mm.order_get(&["1".into()]).await.unwrap_err();
    let text = format!("{err} {err:?}");
    assert!(!text.contains(TOKEN), "{text}");
    assert!(text.contains("is not valid"));
    assert!(!format!("{mm:?}").contains(TOKEN));
    let builder = Client::builder(TOKEN);
    assert!(!format!("{builder:?}").contains(TOKEN));
}

#[tokio::test]
async fn an_empty_token_is_a_config_error() {
    assert!(matches!(Client::new("  "), Err(Error::Config(_))));
}

/// Reads and the writes Megamarket treats as idempotent by key (confirm, packing) are
/// repeated after a 5xx or a 408; the others are not.
#[tokio::test]
async fn retries_follow_each_methods_rule() {
    for (op, status, attempts) in [
        ("order/get", 500, 2),
        ("order/confirm", 503, 2),
        ("order/packing", 408, 2),
        ("order/reject", 500, 1),
        ("order/shipping", 502, 1),
        ("order/close", 500, 1),
        ("order/cancelResult", 500, 1),
    ] {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .respond_with(ResponseTemplate::new(status))
            .up_to_n_times(1)
            .mount(&server)
            .await;
        Mock::given(method("POST"))
            .respond_with(|r: &wiremock::Request| {
                if r.url.path().ends_with("/order/get") {
                    ok(json!({"shipments": []}))
                } else {
                    ok(json!({"result": 1}))
                }
            })
            .mount(&server)
            .await;
        let mm = client(&server.uri());
        let now = chrono::Utc::now().with_timezone(&market_core::wire::moscow::offset());
        let result = match op {
            "order/get" => mm.order_get(&["1".into()]).await.map(|_| ()),
            "order/confirm" => mm.order_confirm(&confirm_body()).await,
            "order/packing" => {
                mm.order_packing(&OrderPacking {
                    shipments: vec![PackingShipment {
                        shipment_id: "1".into(),
                        order_code: "1".into(),
                        items: vec![PackingItem {
                            item_index: "1".into(),
                            quantity: 1,
                            boxes: vec![BoxRef {
                                box_index: 1,
                                box_code: "12345*1*1".into(),
                            }],
                        }],
                    }],
                })
                .await
            }
            "order/reject" => mm.order_reject(&reject_body()).await,
            "order/shipping" => {
                mm.order_shipping(&OrderShipping {
                    shipments: vec![ShippingShipment {
                        shipment_id: "1".into(),
                        boxes: vec![],
                        shipping: Shipping {
                            shipping_date: now,
                            shipping_point: None,
                        },
                    }],
                })
                .await
            }
            "order/close" => {
                mm.order_close(&OrderClose {
                    shipments: vec![CloseShipment {
                        shipment_id: "1".into(),
                        close_date: now,
                        items: vec![],
                    }],
                })
                .await
            }
            _ => {
                mm.order_cancel_result(&OrderCancelResult {
                    shipments: vec![CancelResultShipment {
                        shipment_id: "1".into(),
                        items: vec![],
                    }],
                })
                .await
            }
        };
        let sent = server.received_requests().await.unwrap().len();
        assert_eq!(sent, attempts, "{op}: {result:?}");
        assert_eq!(result.is_ok(), attempts == 2, "{op}: {result:?}");
        if attempts == 1 {
            let e = result.unwrap_err();
            assert_eq!(e.status(), Some(status), "{op}");
        }
    }
}

#[tokio::test]
async fn a_box_code_off_the_rule_is_refused_before_sending() {
    let server = MockServer::start().await;
    let body = OrderPacking {
        shipments: vec![PackingShipment {
            shipment_id: "1".into(),
            order_code: "777".into(),
            items: vec![PackingItem {
                item_index: "1".into(),
                quantity: 1,
                boxes: vec![BoxRef {
                    box_index: 1,
                    box_code: "99999*777*1".into(),
                }],
            }],
        }],
    };
    let err = client(&server.uri())
        .order_packing(&body)
        .await
        .unwrap_err();
    assert!(err.to_string().contains("99999*777*1"), "{err}");
    assert!(server.received_requests().await.unwrap().is_empty());
}

#[tokio::test]
async fn a_price_with_kopecks_is_rejected_by_name_and_never_rounded() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ok(json!({"savedPrices": 1, "warnings": [
            {"offerId": "B", "code": "PRICE_DROP", "message": "price fell by half"}
        ]})))
        .mount(&server)
        .await;
    let mm = client(&server.uri());
    let report = mm
        .save_prices(vec![
            Price::new("A", "1990.50".parse().unwrap()),
            Price::new("B", 1990.into()),
            Price::new("C", 0.into()),
        ])
        .await;
    assert_eq!(report.accepted, ["B"]);
    let a = report.rejected.iter().find(|r| r.key == "A").unwrap();
    assert!(
        a.message.contains("kopecks") && a.message.contains("A"),
        "{}",
        a.message
    );
    assert!(report.rejected.iter().any(|r| r.key == "C"));
    assert_eq!(report.warnings[0].key, "B");
    assert!(report.warnings[0].message.contains("PRICE_DROP"));
    let sent = requests(&server).await;
    assert_eq!(sent.len(), 1);
    assert_eq!(
        sent[0]["data"]["prices"],
        json!([{"offerId": "B", "price": 1990, "isDeleted": false}])
    );
}

#[tokio::test]
async fn stocks_go_in_chunks_and_a_refused_chunk_rejects_its_offers() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(body_partial_json(
            json!({"data": {"stocks": [{"offerId": "S0"}]}}),
        ))
        .respond_with(ok(json!({"result": 1})))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "success": 0, "meta": {}, "data": {}, "error": [{"code": "E1", "message": "bad offers"}]
        })))
        .mount(&server)
        .await;
    let mm = Client::builder(TOKEN)
        .base_url(server.uri())
        .retry(crate::common::fast_retry())
        .without_rate_limits()
        .quotas(megamarket_api::Quotas::default().stock_update_max(2))
        .build()
        .unwrap();
    let stocks: Vec<Stock> = (0..4)
        .map(|i| Stock {
            offer_id: format!("S{i}"),
            quantity: i,
        })
        .chain([Stock {
            offer_id: "NEG".into(),
            quantity: -1,
        }])
        .collect();
    let report = mm.update_stock(stocks).await;
    assert_eq!(report.accepted, ["S0", "S1"]);
    let mut rejected: Vec<&str> = report.rejected.iter().map(|r| r.key.as_str()).collect();
    rejected.sort_unstable();
    assert_eq!(rejected, ["NEG", "S2", "S3"]);
    let s2 = report.rejected.iter().find(|r| r.key == "S2").unwrap();
    assert_eq!(s2.code.as_deref(), Some("E1"));
    assert_eq!(server.received_requests().await.unwrap().len(), 2);
}

/// `order/search` that returns `count` ids has its window split; the ids are read with
/// `order/get` in chunks, each id once.
#[tokio::test]
async fn the_search_stream_splits_full_windows_and_reads_in_chunks() {
    let server = MockServer::start().await;
    // The whole window: full (3 of count 3); each half: two ids, one shared.
    Mock::given(method("POST"))
        .and(path(format!("{ORDERS}/order/search")))
        .and(body_partial_json(json!({"data": {"dateFrom": "2024-08-01T00:00:00+03:00", "dateTo": "2024-08-03T00:00:00+03:00"}})))
        .respond_with(ok(json!({"shipments": ["1", "2", "3"]})))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(format!("{ORDERS}/order/search")))
        .and(body_partial_json(
            json!({"data": {"dateFrom": "2024-08-01T00:00:00+03:00"}}),
        ))
        .respond_with(ok(json!({"shipments": ["1", "2"]})))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(format!("{ORDERS}/order/search")))
        .respond_with(ok(json!({"shipments": ["2", "4"]})))
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(format!("{ORDERS}/order/get")))
        .respond_with(move |r: &wiremock::Request| {
            let v: Value = serde_json::from_slice(&r.body).unwrap();
            let shipments: Vec<Value> = v["data"]["shipments"]
                .as_array()
                .unwrap()
                .iter()
                .map(|id| json!({"shipmentId": id, "items": []}))
                .collect();
            ok(json!({"shipments": shipments}))
        })
        .mount(&server)
        .await;
    let mm = Client::builder(TOKEN)
        .base_url(server.uri())
        .retry(crate::common::fast_retry())
        .without_rate_limits()
        .quotas(megamarket_api::Quotas::default().order_get_max(2))
        .build()
        .unwrap();
    let msk = market_core::wire::moscow::offset();
    let from = chrono::DateTime::parse_from_rfc3339("2024-08-01T00:00:00+03:00").unwrap();
    let to = chrono::DateTime::parse_from_rfc3339("2024-08-03T00:00:00+03:00").unwrap();
    let found: Vec<Shipment> = mm
        .order_search_stream(OrderSearch {
            date_from: from.with_timezone(&msk),
            date_to: to.with_timezone(&msk),
            count: Some(3),
            statuses: vec![],
        })
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<&str> = found.iter().map(|s| s.shipment_id.as_str()).collect();
    assert_eq!(ids, ["1", "2", "4"]);
    let sent = requests(&server).await;
    let gets: Vec<&Value> = sent
        .iter()
        .filter(|b| b["data"].get("dateFrom").is_none())
        .collect();
    assert_eq!(gets.len(), 2, "{gets:?}");
    assert_eq!(sent[0]["data"]["count"], 3);
}

#[tokio::test]
async fn sticker_print_returns_the_pdf_bytes() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(format!("{ORDERS}/sticker/print")))
        .respond_with(
            ResponseTemplate::new(200).set_body_raw(b"%PDF-1.4 label".to_vec(), "application/pdf"),
        )
        .mount(&server)
        .await;
    let sticker = client(&server.uri())
        .sticker_print(&StickerPrint {
            print_as_pdf: Some(true),
            shipments: vec![StickerShipment {
                shipment_id: ShipmentId::from("1"),
                box_codes: vec!["12345*1*1".into()],
                items: vec![],
            }],
        })
        .await
        .unwrap();
    assert_eq!(sticker.format, Some(market_core::LabelFormat::Pdf));
    assert!(sticker.bytes.starts_with(b"%PDF"));
}

#[tokio::test]
async fn a_window_that_is_not_a_window_is_refused_locally() {
    let server = MockServer::start().await;
    let t = chrono::DateTime::parse_from_rfc3339("2024-08-01T00:00:00+03:00").unwrap();
    let err = client(&server.uri())
        .order_search(&OrderSearch {
            date_from: t,
            date_to: t,
            count: None,
            statuses: vec![],
        })
        .await
        .unwrap_err();
    assert!(err.to_string().contains("not before"));
    assert!(server.received_requests().await.unwrap().is_empty());
}

/// A 200 without a verdict (`{}`) is the server failing to answer: a read is repeated, a
/// reject is not.
#[tokio::test]
async fn a_200_without_a_verdict_is_a_server_failure() {
    for (op, attempts) in [("order/get", 2), ("order/reject", 1)] {
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({})))
            .up_to_n_times(1)
            .mount(&server)
            .await;
        Mock::given(method("POST"))
            .respond_with(|r: &wiremock::Request| {
                if r.url.path().ends_with("/order/get") {
                    ok(json!({"shipments": []}))
                } else {
                    ok(json!({"result": 1}))
                }
            })
            .mount(&server)
            .await;
        let mm = client(&server.uri());
        let result = match op {
            "order/get" => mm.order_get(&["1".into()]).await.map(|_| ()),
            _ => mm.order_reject(&reject_body()).await,
        };
        assert_eq!(
            server.received_requests().await.unwrap().len(),
            attempts,
            "{op}"
        );
        if attempts == 1 {
            let e = result.unwrap_err();
            assert_eq!(e.api().unwrap().kind, ApiErrorKind::Server, "{op}");
            assert_eq!(e.api().unwrap().code.as_deref(), Some("no_verdict"));
        } else {
            result.unwrap();
        }
    }
}

/// Megamarket's dates are whole seconds with an offset: a window with fractions is widened to
/// whole seconds (start down, end up), never sent with nanoseconds.
#[tokio::test]
async fn search_dates_go_in_whole_seconds_widened() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ok(json!({"shipments": []})))
        .mount(&server)
        .await;
    let from = chrono::DateTime::parse_from_rfc3339("2024-08-01T00:00:00.900+03:00").unwrap();
    let to = chrono::DateTime::parse_from_rfc3339("2024-08-02T10:00:00.100+03:00").unwrap();
    client(&server.uri())
        .order_search(&OrderSearch {
            date_from: from,
            date_to: to,
            count: None,
            statuses: vec![ShipmentStatus::New],
        })
        .await
        .unwrap();
    let sent = requests(&server).await;
    assert_eq!(sent[0]["data"]["dateFrom"], "2024-08-01T00:00:00+03:00");
    assert_eq!(sent[0]["data"]["dateTo"], "2024-08-02T10:00:01+03:00");
    assert_eq!(sent[0]["data"]["statuses"], json!(["NEW"]));
    assert!(sent[0]["data"].get("count").is_none());
}
