//! What real answers send besides the examples: ids as numbers, amounts as strings, nulls,
//! missing fields; and the mapping to the seller's order on them.

use market_core::{DeliveryScheme, Lifecycle};
use megamarket_api::marketplace::{lifecycle_from_status, order_from_shipment};
use megamarket_api::models::common::Answer;
use megamarket_api::models::orders::*;
use serde_json::json;

fn shipment(v: serde_json::Value) -> Shipment {
    let a: Answer<Shipments> =
        serde_json::from_value(json!({"success": 1, "meta": {}, "data": {"shipments": [v]}}))
            .unwrap();
    a.data.shipments.into_iter().next().unwrap()
}

#[test]
fn ids_as_numbers_amounts_as_strings_and_nulls_are_read() {
    let s = shipment(json!({
        "shipmentId": 900000000001_i64,
        "orderCode": 77,
        "deliveryId": 9385695846770_i64,
        "creationDate": "2024-08-09T16:12:28+03:00",
        "depositedAmount": "30584",
        "customerFullName": null,
        "serviceScheme": "",
        "shipmentDateShift": "not a bool",
        "items": [
            {"itemIndex": 1, "offerId": 555, "price": "1990", "finalPrice": 1790.0,
             "quantity": "2", "discounts": null, "events": null, "status": "new"}
        ]
    }));
    assert_eq!(s.shipment_id.as_str(), "900000000001");
    assert_eq!(s.order_code.as_deref(), Some("77"));
    assert_eq!(s.delivery_id.as_deref(), Some("9385695846770"));
    assert_eq!(s.deposited_amount, Some(30584.into()));
    assert_eq!(s.service_scheme, None);
    assert_eq!(s.shipment_date_shift, None);
    let i = &s.items[0];
    assert_eq!((i.item_index.as_str(), i.offer_id.as_str()), ("1", "555"));
    assert_eq!(i.quantity, Some(2));
    // A status spelled in another case is the same status.
    assert_eq!(i.status, Some(ShipmentStatus::New));
    let o = order_from_shipment(&s);
    assert_eq!(o.lines[0].unit_price, 1790.into());
    assert_eq!(o.lines[0].quantity, 2);
    assert_eq!(o.total(), Some(3580.into()));
    assert_eq!(o.status.lifecycle, Lifecycle::AwaitingConfirmation);
}

#[test]
fn the_status_of_a_shipment_without_one_comes_from_its_live_items() {
    let s = shipment(json!({
        "shipmentId": "1",
        "items": [
            {"itemIndex": "1", "offerId": "A", "status": "CUSTOMER_CANCELED"},
            {"itemIndex": "2", "offerId": "B", "status": "PACKED"}
        ]
    }));
    assert_eq!(s.effective_status(), Some(ShipmentStatus::Packed));
    let o = order_from_shipment(&s);
    assert_eq!(o.status.lifecycle, Lifecycle::AwaitingShipment);
    assert_eq!(o.status.raw, "PACKED");
    // No creation date: the epoch, never a panic or an invented "now".
    assert_eq!(o.created_at, chrono::DateTime::<chrono::Utc>::UNIX_EPOCH);
    let all_cancelled = shipment(json!({
        "shipmentId": "2",
        "items": [{"itemIndex": "1", "offerId": "A", "status": "MERCHANT_CANCELED"}]
    }));
    assert_eq!(
        order_from_shipment(&all_cancelled).status.lifecycle,
        Lifecycle::Cancelled
    );
}

#[test]
fn every_known_status_has_a_lifecycle_and_an_unknown_one_is_kept() {
    for wire in ShipmentStatus::KNOWN {
        let s = ShipmentStatus::from_wire(wire);
        assert_ne!(lifecycle_from_status(&s), Lifecycle::Unknown, "{wire}");
    }
    let odd = json!({"success": 1, "meta": {}, "data": {"shipments": [
        {"shipmentId": "1", "status": "ON_THE_MOON", "items": []}
    ]}});
    if market_core::wire::STRICT {
        assert!(serde_json::from_value::<Answer<Shipments>>(odd).is_err());
    } else {
        let s = serde_json::from_value::<Answer<Shipments>>(odd)
            .unwrap()
            .data
            .shipments[0]
            .clone();
        let o = order_from_shipment(&s);
        assert_eq!(o.status.lifecycle, Lifecycle::Unknown);
        assert_eq!(o.status.raw, "ON_THE_MOON");
    }
}

#[test]
fn a_dbs_shipment_maps_to_dbs_and_keeps_its_raw_record() {
    let s = shipment(json!({
        "shipmentId": "1", "serviceScheme": "DELIVERY_BY_MERCHANT",
        "shippingPoint": 42, "shippingTimeLimit": "2024-08-10T18:00:00+03:00",
        "items": [{"itemIndex": "1", "offerId": "A", "goodsId": "100", "goodsData": {"name": "Ball"}}]
    }));
    let o = order_from_shipment(&s);
    assert_eq!(o.scheme, DeliveryScheme::Dbs);
    assert_eq!(o.warehouse_id.as_ref().map(|w| w.as_str()), Some("42"));
    assert_eq!(o.ship_by.unwrap().to_rfc3339(), "2024-08-10T15:00:00+00:00");
    assert_eq!(o.lines[0].name.as_deref(), Some("Ball"));
    assert_eq!(o.lines[0].sku.as_ref().map(|s| s.as_str()), Some("100"));
    assert_eq!(o.raw["shipmentId"], "1");
}

#[test]
fn verdicts_of_odd_envelopes_never_panic() {
    use megamarket_api::error::{error_details, verdict};
    for body in [
        &b""[..],
        b"null",
        b"[]",
        b"%PDF-1.4",
        b"{",
        b"{\"success\":true}",
        b"{\"success\":[1]}",
        b"{\"success\":1,\"data\":{\"result\":\"1\"}}",
        b"{\"success\":1,\"data\":{\"result\":2}}",
        b"{\"error\":\"plain text\"}",
        b"{\"error\":[null, 5, {\"code\":null}]}",
    ] {
        let _ = verdict(body);
        let (_, message) = error_details(http::StatusCode::OK, body);
        assert!(!message.is_empty());
    }
    assert!(!verdict(b"{\"success\":true}").unwrap().failed());
    assert!(verdict(b"{\"success\":[1]}").unwrap().failed());
    assert!(
        !verdict(b"{\"success\":1,\"data\":{\"result\":\"1\"}}")
            .unwrap()
            .failed()
    );
    assert!(
        verdict(b"{\"success\":1,\"data\":{\"result\":2}}")
            .unwrap()
            .failed()
    );
    assert!(verdict(b"%PDF-1.4").is_none());
}
