//! The push decoder on odd input: it never panics, names what is wrong, and the replies are
//! exactly Megamarket's.

use megamarket_api::push::{self, EventKind, Push, PushError};

use crate::common::example;

#[test]
fn odd_bodies_are_errors_never_panics() {
    let odd: &[&[u8]] = &[
        b"",
        b"null",
        b"[]",
        b"{}",
        b"{\"data\":null}",
        b"{\"data\":{}}",
        b"{\"data\":{\"shipments\":null}}",
        b"{\"data\":{\"shipments\":[{}]}}",
        b"{\"data\":{\"shipments\":[{\"shipmentId\":true,\"items\":[]}]}}",
        b"\xff\xfe\x00",
        b"{\"data\":{\"shipments\":[{\"shipmentId\":\"1\",\"items\":[{\"itemIndex\":{}}]}]}}",
        &[b'['; 100_000],
    ];
    for body in odd {
        for path in ["/order/new", "/order/cancel"] {
            let r = push::decode(path, body);
            assert!(
                matches!(r, Err(PushError::Invalid { .. })),
                "{path} {:?}: {r:?}",
                String::from_utf8_lossy(&body[..body.len().min(40)])
            );
        }
    }
}

#[test]
fn the_error_names_the_field() {
    let body =
        br#"{"meta":{},"data":{"shipments":[{"shipmentId":"1","items":[{"offerId":"A"}]}]}}"#;
    let err = push::decode("/order/cancel", body).unwrap_err();
    assert!(err.to_string().contains("shipments[0].items[0]"), "{err}");
}

#[test]
fn an_unknown_path_or_an_oversized_body_is_refused() {
    assert!(matches!(
        push::decode("/order/teleport", b"{}"),
        Err(PushError::UnknownPath(_))
    ));
    let big = vec![b' '; push::MAX_BODY_BYTES + 1];
    assert!(matches!(
        push::decode("/order/new", &big),
        Err(PushError::TooLarge { .. })
    ));
}

#[test]
fn a_path_with_a_prefix_or_a_trailing_slash_is_read() {
    let body = example("push.order-cancel.request.json");
    assert!(matches!(
        push::decode("/megamarket/shop1/order/cancel/", &body),
        Ok(Push::OrderCancel(_))
    ));
}

#[test]
fn ids_sent_as_numbers_are_read_as_text() {
    let body = br#"{"meta":{},"data":{"merchantId":"12345","shipments":[{"shipmentId":900000000001,"items":[{"itemIndex":1,"offerId":555}]}]}}"#;
    let Push::OrderNew(n) = push::decode("/order/new", body).unwrap() else {
        panic!()
    };
    assert_eq!(n.merchant_id, Some(megamarket_api::MerchantId(12345)));
    assert_eq!(n.shipments[0].shipment_id.as_str(), "900000000001");
    assert_eq!(n.shipments[0].items[0].offer_id, "555");
}

#[test]
fn keys_name_each_shipment_and_event_once() {
    let new = push::decode("/order/new", &example("push.order-new.dbs.request.json")).unwrap();
    let again = push::decode("/order/new", &example("push.order-new.dbs.request.json")).unwrap();
    assert_eq!(new.keys(), again.keys());
    assert_eq!(new.keys()[0].0, EventKind::New);
    let cancel = push::decode("/order/cancel", &example("push.order-cancel.request.json")).unwrap();
    assert_eq!(cancel.keys()[0].0, EventKind::Cancel);
    assert_eq!(cancel.keys()[0].2, ["1"]);
    // The same shipment: a cancellation is another event than its creation.
    assert_eq!(new.keys()[0].1, cancel.keys()[0].1);
    assert_ne!(new.keys()[0], cancel.keys()[0]);
}

#[test]
fn the_customer_is_kept_out_of_debug() {
    let Push::OrderNew(n) =
        push::decode("/order/new", &example("push.order-new.dbs.request.json")).unwrap()
    else {
        panic!()
    };
    let c = n.shipments[0].customer.as_ref().unwrap();
    assert_eq!(c.address_line(), Some("Moscow, Test street, 1"));
    let shown = format!("{n:?}");
    assert!(
        !shown.contains("Test Customer") && !shown.contains("70000000000"),
        "{shown}"
    );
}

#[test]
fn the_replies_are_exact() {
    assert_eq!(push::reply(true), br#"{"data":{},"meta":{},"success":1}"#);
    assert_eq!(push::reply(false), br#"{"data":{},"meta":{},"success":0}"#);
}

/// A repeated push reaches the seller once per shipment and event; a push repeated after a
/// failed callback (never marked) is handed over again; a new cancellation of the same
/// shipment is a new event.
#[test]
fn seen_hands_each_shipment_event_over_once() {
    let mut seen = push::Seen::default();
    let body = br#"{"meta":{},"data":{"shipments":[
        {"shipmentId":"1","items":[{"itemIndex":"1","offerId":"A"}]},
        {"shipmentId":"2","items":[{"itemIndex":"1","offerId":"B"}]}]}}"#;
    let first = push::decode("/order/new", body).unwrap();
    // The callback failed: nothing marked, the repeat is fresh again.
    assert!(seen.fresh(first.clone()).is_some());
    let fresh = seen.fresh(first).unwrap();
    seen.mark(&fresh);
    assert_eq!(seen.len(), 2);
    assert!(
        seen.fresh(push::decode("/order/new", body).unwrap())
            .is_none()
    );
    // One shipment new, one seen: only the new one is handed over.
    let mixed = br#"{"meta":{},"data":{"shipments":[
        {"shipmentId":"2","items":[{"itemIndex":"1","offerId":"B"}]},
        {"shipmentId":"3","items":[{"itemIndex":"1","offerId":"C"}]}]}}"#;
    let Some(Push::OrderNew(n)) = seen.fresh(push::decode("/order/new", mixed).unwrap()) else {
        panic!()
    };
    assert_eq!(n.shipments.len(), 1);
    assert_eq!(n.shipments[0].shipment_id.as_str(), "3");
    // A cancellation of a seen shipment is another event; its items name it.
    let cancel =
        br#"{"meta":{},"data":{"shipments":[{"shipmentId":"1","items":[{"itemIndex":"1"}]}]}}"#;
    let c = seen
        .fresh(push::decode("/order/cancel", cancel).unwrap())
        .unwrap();
    seen.mark(&c);
    assert!(
        seen.fresh(push::decode("/order/cancel", cancel).unwrap())
            .is_none()
    );
    let other =
        br#"{"meta":{},"data":{"shipments":[{"shipmentId":"1","items":[{"itemIndex":"2"}]}]}}"#;
    assert!(
        seen.fresh(push::decode("/order/cancel", other).unwrap())
            .is_some()
    );
}

#[test]
fn seen_forgets_the_oldest_past_its_capacity() {
    let mut seen = push::Seen::with_capacity(2);
    for id in ["1", "2", "3"] {
        let body = format!(
            r#"{{"meta":{{}},"data":{{"shipments":[{{"shipmentId":"{id}","items":[]}}]}}}}"#
        );
        let p = push::decode("/order/new", body.as_bytes()).unwrap();
        seen.mark(&p);
    }
    assert_eq!(seen.len(), 2);
    let one = br#"{"meta":{},"data":{"shipments":[{"shipmentId":"1","items":[]}]}}"#;
    assert!(
        seen.fresh(push::decode("/order/new", one).unwrap())
            .is_some()
    );
    let three = br#"{"meta":{},"data":{"shipments":[{"shipmentId":"3","items":[]}]}}"#;
    assert!(
        seen.fresh(push::decode("/order/new", three).unwrap())
            .is_none()
    );
}

#[test]
fn a_push_splits_into_one_event_per_shipment() {
    let body = br#"{"meta":{},"data":{"merchantId":7,"shipments":[
        {"shipmentId":"1","items":[{"itemIndex":"2","offerId":"A"},{"itemIndex":"1","offerId":"B"}]},
        {"shipmentId":"2","items":[{"itemIndex":"1","offerId":"C"}]}]}}"#;
    let push = push::decode("/order/cancel", body).unwrap();
    assert_eq!(push.kind(), EventKind::Cancel);
    let ids: Vec<&str> = push.shipment_ids().iter().map(|i| i.as_str()).collect();
    assert_eq!(ids, ["1", "2"]);
    let keys = push.keys();
    let events = push.into_events();
    assert_eq!(events.len(), 2);
    for (event, key) in events.iter().zip(&keys) {
        let Push::OrderCancel(c) = event else {
            panic!("{event:?}")
        };
        assert_eq!(c.merchant_id, Some(megamarket_api::MerchantId(7)));
        assert_eq!(c.shipments.len(), 1);
        assert_eq!(&event.keys(), std::slice::from_ref(key));
    }
    let new = push::decode("/order/new", &example("push.order-new.fbs.request.json")).unwrap();
    let n = new.shipment_ids().len();
    assert_eq!(new.kind(), EventKind::New);
    assert_eq!(new.into_events().len(), n);
}
