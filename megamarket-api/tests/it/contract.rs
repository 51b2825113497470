//! Contract tests: every committed example decodes into its type (strictly under
//! `--all-features`), and what the client sends is the example's shape.

use megamarket_api::models::common::{Answer, Envelope, Incoming, WriteResult};
use megamarket_api::models::offers::*;
use megamarket_api::models::orders::*;
use megamarket_api::push;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::common::{example, example_json, example_names};

/// Decodes a request example as `T`, sends it back through the client's envelope with the
/// example's token, and checks the two are the same JSON.
fn round_trip<T: DeserializeOwned + Serialize>(name: &str) -> T {
    let incoming: Incoming<T> =
        serde_json::from_slice(&example(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    let token = incoming.data.token.clone().unwrap();
    let sent = serde_json::to_value(Envelope::new(&token, &incoming.data.body)).unwrap();
    assert_eq!(
        sent,
        example_json(name),
        "{name}: what the client sends differs"
    );
    incoming.data.body
}

#[test]
fn every_request_example_round_trips() {
    let s: OrderSearch = round_trip("order-search.request.json");
    assert_eq!(s.statuses, [ShipmentStatus::New]);
    let g: OrderGet = round_trip("order-get.request.json");
    assert_eq!(g.shipments[0].as_str(), "900000000001");
    let c: OrderConfirm = round_trip("order-confirm.request.json");
    assert_eq!(c.shipments[0].items[0].offer_id, "SKU-1");
    let r: OrderReject = round_trip("order-reject.request.json");
    assert_eq!(r.reason.kind, RejectReasonType::OutOfStock);
    let p: OrderPacking = round_trip("order-packing.request.json");
    assert_eq!(
        p.shipments[0].items[0].boxes[0].box_code,
        "12345*900000000001*1"
    );
    let st: StickerPrint = round_trip("sticker-print.request.json");
    assert_eq!(st.print_as_pdf, Some(true));
    let sh: OrderShipping = round_trip("order-shipping.request.json");
    assert_eq!(sh.shipments[0].boxes.len(), 1);
    let cl: OrderClose = round_trip("order-close.request.json");
    assert!(!cl.shipments[0].items[1].handover_result);
    let cr: OrderCancelResult = round_trip("order-cancel-result.request.json");
    assert!(cr.shipments[0].items[0].canceled);
    let su: StockUpdate = round_trip("stock-update.request.json");
    assert_eq!(su.stocks[1].quantity, 0);
    let ps: ManualPriceSave = round_trip("price-save.request.json");
    assert_eq!(ps.prices[0].price, 1990.into());
}

#[test]
fn every_response_example_decodes() {
    let search: Answer<ShipmentIds> =
        serde_json::from_slice(&example("order-search.response.json")).unwrap();
    assert_eq!(search.data.shipments.len(), 2);
    let get: Answer<Shipments> =
        serde_json::from_slice(&example("order-get.response.json")).unwrap();
    let s = &get.data.shipments[0];
    assert_eq!(s.status, Some(ShipmentStatus::New));
    assert_eq!(s.items[0].final_price, Some(1990.into()));
    assert_eq!(
        s.creation_date.unwrap().to_rfc3339(),
        "2024-08-09T13:12:28+00:00"
    );
    assert!(!s.is_dbs());
    let ok: Answer<WriteResult> =
        serde_json::from_slice(&example("success.response.json")).unwrap();
    assert_eq!(ok.data.result, Some(1));
    let price: Answer<OfferResult> =
        serde_json::from_slice(&example("price-save.response.json")).unwrap();
    assert_eq!(price.data.saved_prices, Some(1));
    let v = megamarket_api::error::verdict(&example("error.response.json")).unwrap();
    assert!(v.failed());
    assert_eq!(v.errors[0].code.as_deref(), Some("INVALID_SHIPMENT"));
}

#[test]
fn every_push_example_decodes() {
    let dbs = push::decode("/order/new", &example("push.order-new.dbs.request.json")).unwrap();
    let push::Push::OrderNew(dbs) = dbs else {
        panic!()
    };
    assert!(dbs.shipments[0].is_dbs());
    assert_eq!(dbs.shipments[0].items.len(), 2);
    let fbs = push::decode_order_new(&example("push.order-new.fbs.request.json")).unwrap();
    assert!(!fbs.shipments[0].is_dbs());
    assert_eq!(fbs.shipments[0].items[0].quantity, Some(2));
    let cancel = push::decode_order_cancel(&example("push.order-cancel.request.json")).unwrap();
    assert_eq!(cancel.shipments[0].items[0].item_index, "1");
    assert_eq!(
        serde_json::from_slice::<Value>(push::REPLY_OK).unwrap(),
        example_json("push-ack.response.json")
    );
    assert_eq!(
        serde_json::from_slice::<Value>(push::REPLY_FAILED).unwrap(),
        example_json("push-nack.response.json")
    );
}

/// Every file of `spec/examples` is used by a test above (a new example cannot be forgotten).
#[test]
fn every_example_is_covered() {
    let covered = [
        "error.response.json",
        "order-cancel-result.request.json",
        "order-close.request.json",
        "order-confirm.request.json",
        "order-get.request.json",
        "order-get.response.json",
        "order-packing.request.json",
        "order-reject.request.json",
        "order-search.request.json",
        "order-search.response.json",
        "order-shipping.request.json",
        "price-save.request.json",
        "price-save.response.json",
        "push-ack.response.json",
        "push-nack.response.json",
        "push.order-cancel.request.json",
        "push.order-new.dbs.request.json",
        "push.order-new.fbs.request.json",
        "sticker-print.request.json",
        "stock-update.request.json",
        "success.response.json",
    ];
    assert_eq!(example_names(), covered);
}

/// Under `strict`, an unknown field in a shipment is an error naming it; tolerant, it is
/// ignored. An unknown status is kept, or refused under `strict`.
#[test]
fn unknown_fields_and_statuses_follow_the_mode() {
    let mut v = example_json("order-get.response.json");
    v["data"]["shipments"][0]["brandNewField"] = Value::from(1);
    v["data"]["shipments"][0]["items"][0]["status"] = Value::from("TELEPORTED");
    let decoded = serde_json::from_value::<Answer<Shipments>>(v);
    if market_core::wire::STRICT {
        assert!(decoded.is_err());
    } else {
        let s = &decoded.unwrap().data.shipments[0];
        assert_eq!(
            s.items[0].status,
            Some(ShipmentStatus::Unknown("TELEPORTED".into()))
        );
    }
}

/// A shipment list without its list is an error, never an empty page.
#[test]
fn an_answer_without_its_list_is_an_error() {
    let v = serde_json::json!({"success": 1, "meta": {}, "data": {}});
    assert!(serde_json::from_value::<Answer<Shipments>>(v.clone()).is_err());
    assert!(serde_json::from_value::<Answer<ShipmentIds>>(v).is_err());
    let no_data = serde_json::json!({"success": 1, "meta": {}});
    assert!(serde_json::from_value::<Answer<WriteResult>>(no_data).is_err());
}

/// Every operation is a POST below one of the two documented roots, named in snake case.
#[test]
fn the_operations_are_posts_under_the_two_roots() {
    for op in megamarket_api::api::OPERATIONS {
        assert_eq!(op.method, http::Method::POST, "{}", op.name);
        assert!(
            op.path.starts_with("/api/market/v1/orderService/")
                || op
                    .path
                    .starts_with("/api/merchantIntegration/v1/offerService/"),
            "{}",
            op.path
        );
        assert!(op.name.chars().all(|c| c.is_ascii_lowercase() || c == '_'));
    }
    let endpoints: Value = serde_json::from_slice(
        &std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/spec/endpoints.json")).unwrap(),
    )
    .unwrap();
    let mut documented: Vec<&str> = endpoints["pull"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["path"].as_str().unwrap())
        .collect();
    documented.sort_unstable();
    let mut ours: Vec<&str> = megamarket_api::api::OPERATIONS
        .iter()
        .map(|o| o.path)
        .collect();
    ours.sort_unstable();
    assert_eq!(
        ours, documented,
        "the crate calls exactly the reconstructed endpoints"
    );
}
