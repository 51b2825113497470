//! Tests of the API notification receiver (`yandex_market_api::push`): every documented type
//! decodes from a body holding its documented fields, unknown types are kept, nothing panics
//! on garbage, and the answers serialise exactly as documented.
//!
//! The fixtures are this crate's own, built from the field lists of the vendor's page
//! `push-notifications/reference/sendNotification.md` (mirror `DragonSigh/yandex-market-api-docs`,
//! commit `04b6121710ebc4d5086f90ca844c34ebba390e67`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::net::IpAddr;

use chrono::{DateTime, TimeZone, Utc};
use serde_json::{Value, json};
use yandex_market_api::push::*;
use yandex_market_api::{BusinessId, CampaignId, OrderId, ReturnId};

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

/// One body per documented type, with every documented field.
fn fixtures() -> Vec<Value> {
    vec![
        json!({"notificationType": "PING", "time": "2025-01-16T10:09:49.759084017Z"}),
        json!({"notificationType": "ORDER_CREATED", "campaignId": 1001, "orderId": 5001,
            "createdAt": "2025-03-01T12:00:00+03:00",
            "items": [{"offerId": "SKU-1", "count": 2}, {"offerId": "SKU-2", "count": 1}]}),
        json!({"notificationType": "ORDER_CANCELLED", "campaignId": 1001, "orderId": 5002,
            "cancelledAt": "2025-03-01T13:00:00Z", "items": [{"offerId": "SKU-3", "count": 1}]}),
        json!({"notificationType": "ORDER_STATUS_UPDATED", "campaignId": 1001, "orderId": 5003,
            "status": "PROCESSING", "substatus": "READY_TO_SHIP",
            "updatedAt": "2025-03-01T14:00:00.5Z"}),
        json!({"notificationType": "ORDER_CANCELLATION_REQUEST", "campaignId": 1001,
            "orderId": 5004, "requestedAt": "2025-03-01T15:00:00Z"}),
        json!({"notificationType": "ORDER_RETURN_CREATED", "campaignId": 1001, "orderId": 5005,
            "returnId": 9001, "returnType": "RETURN", "createdAt": "2025-03-02T10:00:00Z",
            "items": [{"offerId": "SKU-1", "count": 1}]}),
        json!({"notificationType": "ORDER_RETURN_STATUS_UPDATED", "campaignId": 1001,
            "orderId": 5006, "returnId": 9002,
            "statuses": {"refundStatus": "REFUNDED", "shipmentStatus": "IN_TRANSIT"},
            "updatedAt": "2025-03-02T11:00:00Z"}),
        json!({"notificationType": "ORDER_UPDATED", "campaignId": 1001, "orderId": 5007,
            "updateType": "DELIVERY_DATE_UPDATED", "updatedAt": "2025-03-02T12:00:00Z"}),
        json!({"notificationType": "GOODS_FEEDBACK_CREATED", "businessId": 77, "feedbackId": 301,
            "createdAt": "2025-03-03T09:00:00Z", "publishedAt": "2025-03-03T18:00:00Z"}),
        json!({"notificationType": "GOODS_FEEDBACK_COMMENT_CREATED", "businessId": 77,
            "commentId": 302, "createdAt": "2025-03-03T19:00:00Z"}),
        json!({"notificationType": "CHAT_CREATED", "businessId": 77, "chatId": 401,
            "createdAt": "2025-03-04T08:00:00Z"}),
        json!({"notificationType": "CHAT_MESSAGE_SENT", "businessId": 77, "chatId": 401,
            "messageId": "m-55", "sentAt": "2025-03-04T08:05:00Z"}),
        json!({"notificationType": "CHAT_ARBITRAGE_STARTED", "businessId": 77, "chatId": 401,
            "startedAt": "2025-03-04T09:00:00Z"}),
        json!({"notificationType": "CHAT_ARBITRAGE_FINISHED", "businessId": 77, "chatId": 401,
            "finishedAt": "2025-03-05T09:00:00Z"}),
    ]
}

fn decode_value(v: &Value) -> Result<Notification, PushError> {
    decode(&serde_json::to_vec(v).unwrap())
}

#[test]
fn the_known_types_are_the_documented_ones_each_with_a_fixture() {
    let documented = [
        "PING",
        "ORDER_CREATED",
        "ORDER_CANCELLED",
        "ORDER_STATUS_UPDATED",
        "ORDER_RETURN_CREATED",
        "ORDER_CANCELLATION_REQUEST",
        "ORDER_RETURN_STATUS_UPDATED",
        "ORDER_UPDATED",
        "GOODS_FEEDBACK_CREATED",
        "GOODS_FEEDBACK_COMMENT_CREATED",
        "CHAT_CREATED",
        "CHAT_MESSAGE_SENT",
        "CHAT_ARBITRAGE_STARTED",
        "CHAT_ARBITRAGE_FINISHED",
    ];
    let mut known = Notification::KNOWN_TYPES.to_vec();
    known.sort_unstable();
    let mut docs = documented.to_vec();
    docs.sort_unstable();
    assert_eq!(known, docs);
    let mut covered: Vec<String> = fixtures()
        .iter()
        .map(|f| f["notificationType"].as_str().unwrap().to_owned())
        .collect();
    covered.sort_unstable();
    assert_eq!(covered, docs);
}

#[test]
fn every_type_decodes_from_its_documented_fields() {
    for fixture in fixtures() {
        let kind = fixture["notificationType"].as_str().unwrap();
        let n = decode_value(&fixture).unwrap_or_else(|e| panic!("{kind}: {e}"));
        assert_eq!(n.notification_type(), kind);
        assert!(
            !matches!(n, Notification::Unknown { .. }),
            "{kind} is typed"
        );
        assert!(n.event_time().is_some(), "{kind} has an event time");
        // The ids are those of the body.
        let id = |f: &str| fixture.get(f).and_then(Value::as_i64);
        assert_eq!(n.order_id(), id("orderId").map(OrderId), "{kind}");
        assert_eq!(n.campaign_id(), id("campaignId").map(CampaignId), "{kind}");
        assert_eq!(n.business_id(), id("businessId").map(BusinessId), "{kind}");
        assert_eq!(n.return_id(), id("returnId").map(ReturnId), "{kind}");
    }
}

#[test]
fn the_payloads_carry_their_values() {
    let all: Vec<Notification> = fixtures()
        .iter()
        .map(|f| decode_value(f).unwrap())
        .collect();
    let mut checked = 0;
    for n in &all {
        checked += 1;
        match n {
            Notification::Ping(p) => {
                assert!(n.is_ping());
                let t = p.time.unwrap();
                assert_eq!(t.timestamp_subsec_nanos(), 759_084_017);
            }
            Notification::OrderCreated(o) => {
                assert_eq!(
                    o.created_at,
                    Utc.with_ymd_and_hms(2025, 3, 1, 9, 0, 0).unwrap()
                );
                assert_eq!(o.items.len(), 2);
                assert_eq!(o.items[0].offer_id, "SKU-1");
                assert_eq!(o.items[0].count, 2);
            }
            Notification::OrderCancelled(o) => {
                assert_eq!(o.cancelled_at, utc("2025-03-01T13:00:00Z"));
                assert_eq!(o.items[0].offer_id, "SKU-3");
            }
            Notification::OrderStatusUpdated(o) => {
                assert_eq!(o.status, OrderStatus::Processing);
                assert_eq!(o.substatus, Some(OrderSubstatus::ReadyToShip));
                assert_eq!(o.updated_at, utc("2025-03-01T14:00:00.5Z"));
            }
            Notification::OrderCancellationRequest(o) => {
                assert_eq!(o.requested_at, utc("2025-03-01T15:00:00Z"));
            }
            Notification::OrderReturnCreated(o) => {
                assert_eq!(o.return_type, ReturnType::Return);
                assert_eq!(o.items[0].count, 1);
            }
            Notification::OrderReturnStatusUpdated(o) => {
                assert_eq!(o.statuses.refund_status, Some(RefundStatus::Refunded));
                assert_eq!(
                    o.statuses.shipment_status,
                    Some(ReturnShipmentStatus::InTransit)
                );
            }
            Notification::OrderUpdated(o) => {
                assert_eq!(o.update_type, OrderUpdateType::DeliveryDateUpdated);
            }
            Notification::GoodsFeedbackCreated(f) => {
                assert_eq!(f.feedback_id, 301);
                assert_eq!(f.published_at, utc("2025-03-03T18:00:00Z"));
                // The event time of a review is its publication.
                assert_eq!(n.event_time(), Some(f.published_at));
            }
            Notification::GoodsFeedbackCommentCreated(c) => assert_eq!(c.comment_id, 302),
            Notification::ChatCreated(c) => assert_eq!(c.chat_id, 401),
            Notification::ChatMessageSent(m) => {
                assert_eq!(m.message_id, "m-55");
                assert_eq!(m.sent_at, utc("2025-03-04T08:05:00Z"));
            }
            Notification::ChatArbitrageStarted(c) => {
                assert_eq!(c.started_at, utc("2025-03-04T09:00:00Z"))
            }
            Notification::ChatArbitrageFinished(c) => {
                assert_eq!(c.finished_at, utc("2025-03-05T09:00:00Z"))
            }
            other => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(checked, 14);
}

#[test]
fn ids_may_come_as_strings_and_optional_fields_may_be_missing() {
    let n = decode_value(
        &json!({"notificationType": "ORDER_CREATED", "campaignId": "1001",
        "orderId": "5001", "createdAt": "2025-03-01T12:00:00Z"}),
    )
    .unwrap();
    assert_eq!(n.order_id(), Some(OrderId(5001)));
    let Notification::OrderCreated(o) = &n else {
        panic!("{n:?}")
    };
    assert!(o.items.is_empty());
    let n = decode_value(&json!({"notificationType": "PING"})).unwrap();
    assert_eq!(n, Notification::Ping(Ping { time: None }));
    let n = decode_value(
        &json!({"notificationType": "CHAT_MESSAGE_SENT", "businessId": 1,
        "chatId": 2, "messageId": 3, "sentAt": "2025-03-04T08:05:00Z"}),
    )
    .unwrap();
    let Notification::ChatMessageSent(m) = n else {
        panic!()
    };
    assert_eq!(m.message_id, "3");
    // Only the changed return status is sent.
    let n = decode_value(&json!({"notificationType": "ORDER_RETURN_STATUS_UPDATED",
        "campaignId": 1, "orderId": 2, "returnId": 3,
        "statuses": {"shipmentStatus": "PICKED"}, "updatedAt": "2025-03-02T11:00:00Z"}))
    .unwrap();
    let Notification::OrderReturnStatusUpdated(r) = n else {
        panic!()
    };
    assert_eq!(r.statuses.refund_status, None);
    assert_eq!(
        r.statuses.shipment_status,
        Some(ReturnShipmentStatus::Picked)
    );
}

#[test]
fn an_unknown_type_is_kept_raw() {
    let body = json!({"notificationType": "ORDER_TELEPORTED", "campaignId": 5,
        "orderId": "17", "businessId": true, "where": {"planet": ["Mars"]}});
    let n = decode_value(&body).unwrap();
    let Notification::Unknown {
        notification_type,
        raw,
    } = &n
    else {
        panic!("{n:?}")
    };
    assert_eq!(notification_type, "ORDER_TELEPORTED");
    assert_eq!(
        raw, &body,
        "the raw body is whole, notificationType included"
    );
    assert_eq!(n.notification_type(), "ORDER_TELEPORTED");
    assert_eq!(n.order_id(), Some(OrderId(17)));
    assert_eq!(n.campaign_id(), Some(CampaignId(5)));
    assert_eq!(n.business_id(), None);
    assert_eq!(n.event_time(), None);
}

#[test]
fn unknown_status_values_are_kept_unless_strict() {
    let body = json!({"notificationType": "ORDER_STATUS_UPDATED", "campaignId": 1,
        "orderId": 2, "status": "TELEPORTED", "substatus": "BEAMED_UP",
        "updatedAt": "2025-03-01T14:00:00Z"});
    let decoded = decode_value(&body);
    if market_core::wire::STRICT {
        let e = decoded.unwrap_err();
        assert!(matches!(e, PushError::Invalid { .. }), "{e}");
    } else {
        let Notification::OrderStatusUpdated(o) = decoded.unwrap() else {
            panic!()
        };
        assert_eq!(o.status, OrderStatus::Unknown("TELEPORTED".into()));
        assert_eq!(
            o.substatus,
            Some(OrderSubstatus::Unknown("BEAMED_UP".into()))
        );
    }
    // Yandex Market's own UNKNOWN is a known value.
    let body = json!({"notificationType": "ORDER_STATUS_UPDATED", "campaignId": 1,
        "orderId": 2, "status": "UNKNOWN", "substatus": "UNKNOWN",
        "updatedAt": "2025-03-01T14:00:00Z"});
    let Notification::OrderStatusUpdated(o) = decode_value(&body).unwrap() else {
        panic!()
    };
    assert_eq!(o.status, OrderStatus::Unspecified);
    assert_eq!(o.substatus, Some(OrderSubstatus::Unspecified));
}

#[test]
fn a_broken_known_type_is_an_error_with_a_400_reply() {
    let e = decode_value(
        &json!({"notificationType": "ORDER_CREATED", "campaignId": 1,
        "createdAt": "2025-03-01T12:00:00Z"}),
    )
    .unwrap_err();
    assert_eq!(
        e,
        PushError::Invalid {
            notification_type: "ORDER_CREATED".into(),
            message: "missing field `orderId`".into()
        }
    );
    assert_eq!(e.status(), 400);
    assert_eq!(
        e.reply().to_json(),
        r#"{"error":{"type":"WRONG_EVENT_FORMAT","message":"invalid ORDER_CREATED notification: missing field `orderId`"}}"#
    );
    assert_eq!(decode(b"[]").unwrap_err(), PushError::NotAnObject);
    assert_eq!(decode(b"{}").unwrap_err(), PushError::MissingType);
    assert!(matches!(
        decode(br#"{"notificationType": 7}"#).unwrap_err(),
        PushError::Invalid { .. }
    ));
    assert!(matches!(
        decode(b"").unwrap_err(),
        PushError::NotJson { .. }
    ));
    let big = vec![b' '; MAX_BODY_BYTES + 1];
    assert_eq!(
        decode(&big).unwrap_err(),
        PushError::TooLarge {
            len: MAX_BODY_BYTES + 1,
            max: MAX_BODY_BYTES
        }
    );
    // A bad time is an error, not a guess.
    assert!(
        decode_value(&json!({"notificationType": "CHAT_CREATED", "businessId": 1,
        "chatId": 2, "createdAt": "yesterday"}))
        .is_err()
    );
}

/// A small deterministic generator (xorshift64*), so the garbage is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn decode_never_panics_on_garbage() {
    let mut inputs: Vec<Vec<u8>> = [
        "",
        " ",
        "null",
        "true",
        "0",
        "-1",
        "1e999",
        "\"PING\"",
        "[]",
        "{}",
        "{",
        "}",
        r#"{"notificationType": null}"#,
        r#"{"notificationType": ["PING"]}"#,
        r#"{"notificationType": "PING", "time": 5}"#,
        r#"{"notificationType": "PING", "time": "2025-13-45T99:99:99Z"}"#,
        r#"{"notificationType": "ORDER_CREATED", "orderId": 1e400}"#,
        r#"{"notificationType": "ORDER_CREATED", "orderId": 99999999999999999999999}"#,
        r#"{"notificationType": "ORDER_CREATED", "items": "many"}"#,
        r#"{"notificationType": "ORDER_CREATED", "items": [{"count": "x"}]}"#,
        "{\"notificationType\": \"PI\u{0}NG\"}",
        r#"{"notificationType": "PING", "notificationType": "ORDER_CREATED"}"#,
        r#"{"notificationType": "\ud800"}"#,
    ]
    .iter()
    .map(|s| s.as_bytes().to_vec())
    .collect();
    inputs.push(vec![0xff, 0xfe, 0x00, 0x7b]);
    inputs.push(b"[".repeat(100_000));
    inputs.push(format!("{}1{}", "{\"a\":".repeat(10_000), "}".repeat(10_000)).into_bytes());
    inputs.push(
        format!(
            r#"{{"notificationType": "ORDER_CREATED", "orderId": "{}"}}"#,
            "9".repeat(500_000)
        )
        .into_bytes(),
    );
    inputs.push(vec![b'{'; MAX_BODY_BYTES * 2]);
    // Every field of every fixture replaced by values of every JSON type.
    let wrong = [
        json!(null),
        json!(true),
        json!(-1),
        json!(1.5),
        json!(1e300),
        json!(""),
        json!("x"),
        json!([]),
        json!([null]),
        json!({}),
        json!({"offerId": 1}),
    ];
    for fixture in fixtures() {
        for field in fixture.as_object().unwrap().keys() {
            for w in &wrong {
                let mut v = fixture.clone();
                v[field.as_str()] = w.clone();
                inputs.push(serde_json::to_vec(&v).unwrap());
            }
        }
    }
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    // Random bytes, and random byte edits of the fixtures.
    for _ in 0..5_000 {
        let len = rng.below(300);
        inputs.push((0..len).map(|_| rng.next() as u8).collect());
    }
    let bodies: Vec<Vec<u8>> = fixtures()
        .iter()
        .map(|f| serde_json::to_vec(f).unwrap())
        .collect();
    for _ in 0..20_000 {
        let mut body = bodies[rng.below(bodies.len())].clone();
        for _ in 0..=rng.below(4) {
            let at = rng.below(body.len());
            match rng.below(3) {
                0 => body[at] = rng.next() as u8,
                1 => {
                    body.remove(at);
                }
                _ => body.insert(at, b"{}[]\":,0-e.\\"[rng.below(12)]),
            }
        }
        inputs.push(body);
    }
    let mut ok = 0;
    for input in &inputs {
        // A panic fails the test; every input gives a notification or an error.
        match decode(input) {
            Ok(n) => {
                ok += 1;
                let _ = (n.order_id(), n.campaign_id(), n.event_time());
            }
            Err(e) => {
                assert_eq!(e.status(), 400);
                let reply: Value = serde_json::from_str(&e.reply().to_json()).unwrap();
                assert_eq!(reply["error"]["type"], "WRONG_EVENT_FORMAT");
            }
        }
    }
    assert!(ok > 0 && ok < inputs.len(), "{ok} of {}", inputs.len());
}

#[test]
fn the_reply_serialises_exactly() {
    let reply = PushReply::new("my-integration", "1.0.0", utc("2022-12-29T18:02:01Z")).unwrap();
    let expected = r#"{"name":"my-integration","time":"2022-12-29T18:02:01Z","version":"1.0.0"}"#;
    assert_eq!(reply.to_json(), expected);
    assert_eq!(serde_json::to_string(&reply).unwrap(), expected);
    // Fractions of a second and escaping.
    let reply = PushReply::new(
        "shop \"Ромашка\"",
        "2.0",
        utc("2025-01-16T10:09:49.759084017Z"),
    )
    .unwrap();
    let expected =
        r#"{"name":"shop \"Ромашка\"","time":"2025-01-16T10:09:49.759084017Z","version":"2.0"}"#;
    assert_eq!(reply.to_json(), expected);
    assert_eq!(serde_json::to_string(&reply).unwrap(), expected);
    let back: PushReply = serde_json::from_str(expected).unwrap();
    assert_eq!(back, reply);
    // Name and version: 1 to 100 characters.
    assert!(PushReply::new("", "1", Utc::now()).is_err());
    assert!(PushReply::new("n", "", Utc::now()).is_err());
    assert!(PushReply::new("я".repeat(100), "1", Utc::now()).is_ok());
    assert!(PushReply::new("я".repeat(101), "1", Utc::now()).is_err());
    assert!(PushReply::now("n", "v".repeat(101)).is_err());
}

#[test]
fn the_error_reply_serialises_exactly() {
    let r = PushErrorReply::new(PushErrorType::DuplicatedEvent, "seen already");
    let expected = r#"{"error":{"type":"DUPLICATED_EVENT","message":"seen already"}}"#;
    assert_eq!(r.to_json(), expected);
    assert_eq!(serde_json::to_string(&r).unwrap(), expected);
    let r = PushErrorReply::seller_error("database down");
    assert_eq!(
        r.to_json(),
        r#"{"error":{"type":"UNKNOWN","message":"database down"}}"#
    );
    let bare = PushErrorReply {
        error: PushErrorDetail {
            error_type: PushErrorType::WrongEventFormat,
            message: None,
        },
    };
    assert_eq!(bare.to_json(), r#"{"error":{"type":"WRONG_EVENT_FORMAT"}}"#);
    assert_eq!(serde_json::to_string(&bare).unwrap(), bare.to_json());
    assert_eq!(
        PushErrorType::KNOWN,
        ["UNKNOWN", "WRONG_EVENT_FORMAT", "DUPLICATED_EVENT"]
    );
    assert_eq!(
        (STATUS_OK, STATUS_BAD_NOTIFICATION, STATUS_SELLER_ERROR),
        (200, 400, 500)
    );
    assert_eq!(REPLY_TIMEOUT.as_secs(), 10);
    assert_eq!(PATH, "/notification");
}

#[test]
fn sender_addresses_are_checked_against_the_documented_networks() {
    let yes = [
        "5.45.207.0",
        "5.45.207.127",
        "141.8.142.1",
        "5.255.253.100",
        "::ffff:5.45.207.5",
    ];
    let no = [
        "5.45.207.128",
        "141.8.143.1",
        "5.255.252.255",
        "8.8.8.8",
        "::1",
        "2a02:6b8::1",
    ];
    for ip in yes {
        assert!(is_sender_address(ip.parse::<IpAddr>().unwrap()), "{ip}");
    }
    for ip in no {
        assert!(!is_sender_address(ip.parse::<IpAddr>().unwrap()), "{ip}");
    }
}

/// The notification type and the statuses inside are read case-insensitively (a realistic
/// variant: no real push body in another case is public): `order_status_updated` with
/// `processing`/`ready_to_ship` is the same notification as the upper-case one.
#[test]
fn a_lower_case_notification_reads_as_the_upper_case_one() {
    let upper = fixtures()
        .into_iter()
        .find(|f| f["notificationType"] == "ORDER_STATUS_UPDATED")
        .unwrap();
    let mut lower = upper.clone();
    for k in ["notificationType", "status", "substatus"] {
        lower[k] = json!(upper[k].as_str().unwrap().to_lowercase());
    }
    let a = decode_value(&upper).unwrap();
    let b = decode_value(&lower).unwrap();
    assert_eq!(b.notification_type(), "ORDER_STATUS_UPDATED");
    assert_eq!(format!("{a:?}"), format!("{b:?}"));
}
