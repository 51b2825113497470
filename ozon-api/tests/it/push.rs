//! Push notifications: every documented message type decodes into its variant with its values,
//! unknown types and fields follow the strict/lenient rule, the answers have the shapes and
//! statuses Ozon expects, and `decode`/`handle` never panic.
//!
//! The fixtures (`tests/fixtures/push/<message_type>.json`) are realistic payloads built from
//! the documented field lists (see the module docs of `ozon_api::push` for the sources).

use chrono::{DateTime, TimeZone, Utc};
use market_core::wire::STRICT;
use ozon_api::push::{
    self, ChatType, ChatUserType, PushError, PushErrorCode, PushMessage, PushPostingState,
    PushResponse, TplIntegrationType,
};
use ozon_api::{PostingNumber, ProductId, Sku, WarehouseId};
use proptest::prelude::*;
use rust_decimal::Decimal;
use serde_json::{Value, json};

fn fixture(message_type: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/push/{message_type}.json",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn some_t(s: &str) -> Option<DateTime<Utc>> {
    Some(t(s))
}

/// Decodes the fixture of `message_type` (strictly, under --all-features), checks the type
/// and that the message survives a serialise/decode round trip.
fn decode_fixture(message_type: &str) -> PushMessage {
    let message =
        push::decode(&fixture(message_type)).unwrap_or_else(|e| panic!("{message_type}: {e}"));
    assert_eq!(message.message_type(), message_type);
    let again = push::decode(&serde_json::to_vec(&message).unwrap()).unwrap();
    assert_eq!(again, message, "{message_type} round trip");
    message
}

fn decode_json(value: Value) -> Result<PushMessage, PushError> {
    push::decode(&serde_json::to_vec(&value).unwrap())
}

const WH: WarehouseId = WarehouseId(22142605386000);
const FBO_WH: WarehouseId = WarehouseId(18044249781000);

// ---------------------------------------------------------------------------------------------
// One test per message type
// ---------------------------------------------------------------------------------------------

#[test]
fn every_known_type_has_a_fixture() {
    assert_eq!(PushMessage::KNOWN_TYPES.len(), 24);
    for message_type in PushMessage::KNOWN_TYPES {
        decode_fixture(message_type);
    }
}

#[test]
fn ping() {
    let PushMessage::Ping(m) = decode_fixture("TYPE_PING") else {
        panic!()
    };
    assert_eq!(m.time, some_t("2024-05-02T09:30:00Z"));
}

#[test]
fn new_posting() {
    let PushMessage::NewPosting(m) = decode_fixture("TYPE_NEW_POSTING") else {
        panic!()
    };
    assert_eq!(m.posting_number, PostingNumber::new("57195475-0050-3"));
    assert_eq!(m.products.len(), 2);
    assert_eq!(m.products[0].sku, Sku(1536499166));
    assert_eq!(m.products[0].offer_id, "PH11042");
    assert_eq!(m.products[0].quantity, 2);
    assert_eq!(m.products[1].sku, Sku(1047250917));
    assert_eq!(m.in_process_at, some_t("2024-05-02T09:31:12.417Z"));
    assert_eq!(m.warehouse_id, WH);
    assert_eq!(m.shipment_date, some_t("2024-05-03T14:00:00Z"));
    assert_eq!(m.tpl_integration_type, Some(TplIntegrationType::Ozon));
    assert!(m.is_express);
    assert_eq!(m.tracking_number, "");
    assert_eq!(m.delivery_date_begin, some_t("2024-05-05T07:00:00Z"));
    assert_eq!(m.delivery_date_end, some_t("2024-05-05T16:00:00Z"));
    assert_eq!(m.seller_id, 836252);
}

#[test]
fn posting_cancelled() {
    let PushMessage::PostingCancelled(m) = decode_fixture("TYPE_POSTING_CANCELLED") else {
        panic!()
    };
    assert_eq!(m.posting_number.as_str(), "57195475-0050-3");
    assert_eq!(m.products[0].sku, Sku(1536499166));
    assert_eq!(m.products[0].quantity, 2);
    assert_eq!(m.old_state, Some(PushPostingState::Created));
    assert_eq!(m.new_state, Some(PushPostingState::Canceled));
    assert_eq!(m.changed_state_date, some_t("2024-05-02T11:05:40.002Z"));
    let reason = m.reason.unwrap();
    assert_eq!(reason.id, 352);
    assert_eq!(reason.message, "Покупатель отменил заказ");
    assert_eq!(m.warehouse_id, WH);
    assert_eq!(m.seller_id, 836252);
}

#[test]
fn state_changed() {
    let PushMessage::StateChanged(m) = decode_fixture("TYPE_STATE_CHANGED") else {
        panic!()
    };
    assert_eq!(m.posting_number.as_str(), "57195475-0050-3");
    assert_eq!(m.new_state, Some(PushPostingState::TransferringToDelivery));
    assert_eq!(m.changed_state_date, some_t("2024-05-03T13:12:09.250Z"));
    assert_eq!(m.warehouse_id, WH);
    assert_eq!(m.seller_id, 836252);
}

#[test]
fn cutoff_date_changed() {
    let PushMessage::CutoffDateChanged(m) = decode_fixture("TYPE_CUTOFF_DATE_CHANGED") else {
        panic!()
    };
    assert_eq!(m.posting_number.as_str(), "57195475-0050-3");
    assert_eq!(m.new_cutoff_date, some_t("2024-05-04T10:00:00Z"));
    assert_eq!(m.old_cutoff_date, some_t("2024-05-03T14:00:00Z"));
    assert_eq!(m.warehouse_id, WH);
    assert_eq!(m.seller_id, 836252);
}

#[test]
fn delivery_date_changed() {
    let PushMessage::DeliveryDateChanged(m) = decode_fixture("TYPE_DELIVERY_DATE_CHANGED") else {
        panic!()
    };
    assert_eq!(m.posting_number.as_str(), "57195475-0050-3");
    assert_eq!(m.new_delivery_date_begin, some_t("2024-05-06T07:00:00Z"));
    assert_eq!(m.new_delivery_date_end, some_t("2024-05-06T16:00:00Z"));
    assert_eq!(m.old_delivery_date_begin, some_t("2024-05-05T07:00:00Z"));
    assert_eq!(m.old_delivery_date_end, some_t("2024-05-05T16:00:00Z"));
    assert_eq!(m.warehouse_id, WH);
    assert_eq!(m.seller_id, 836252);
}

#[test]
fn create_or_update_item() {
    let PushMessage::CreateOrUpdateItem(m) = decode_fixture("TYPE_CREATE_OR_UPDATE_ITEM") else {
        panic!()
    };
    assert_eq!(m.seller_id, 836252);
    assert_eq!(m.offer_id, "PH11042");
    assert_eq!(m.product_id, ProductId(214887921));
    assert!(!m.is_error);
    assert_eq!(m.changed_at, some_t("2024-05-02T08:00:03Z"));
}

#[test]
fn create_item() {
    let PushMessage::CreateItem(m) = decode_fixture("TYPE_CREATE_ITEM") else {
        panic!()
    };
    assert_eq!(m.offer_id, "PH11044");
    assert_eq!(m.product_id, ProductId(214887990));
    assert!(m.is_error);
    assert_eq!(m.changed_at, some_t("2023-06-30T12:45:00Z"));
}

#[test]
fn update_item() {
    let PushMessage::UpdateItem(m) = decode_fixture("TYPE_UPDATE_ITEM") else {
        panic!()
    };
    assert_eq!(m.offer_id, "PH11042");
    assert_eq!(m.product_id, ProductId(214887921));
    assert!(!m.is_error);
    assert_eq!(m.changed_at, some_t("2023-06-30T12:46:00Z"));
}

#[test]
fn price_index_changed() {
    let PushMessage::PriceIndexChanged(m) = decode_fixture("TYPE_PRICE_INDEX_CHANGED") else {
        panic!()
    };
    assert_eq!(m.seller_id, 836252);
    // Nanoseconds, as Ozon's example has them.
    assert_eq!(m.updated_at, some_t("2024-05-02T05:52:46.648533678Z"));
    assert_eq!(m.sku, Sku(1536499166));
    assert_eq!(m.product_id, ProductId(214887921));
    assert_eq!(m.price_index, Some(Decimal::new(107, 2)));
}

#[test]
fn stocks_changed() {
    let PushMessage::StocksChanged(m) = decode_fixture("TYPE_STOCKS_CHANGED") else {
        panic!()
    };
    assert_eq!(m.seller_id, 836252);
    let item = &m.items[0];
    assert_eq!(item.product_id, ProductId(214887921));
    assert_eq!(item.sku, Sku(1536499166));
    assert_eq!(item.updated_at, some_t("2024-05-02T09:40:00Z"));
    assert_eq!(item.stocks.len(), 2);
    assert_eq!(item.stocks[0].warehouse_id, WH);
    assert_eq!((item.stocks[0].present, item.stocks[0].reserved), (120, 2));
    assert_eq!(item.stocks[1].warehouse_id, WarehouseId(1020001060644000));
    assert_eq!((item.stocks[1].present, item.stocks[1].reserved), (7, 0));
}

const CHAT: &str = "5e767c03-b400-4a1b-8b1e-6f5dc4f3d9a2";

#[test]
fn new_message() {
    let PushMessage::NewMessage(m) = decode_fixture("TYPE_NEW_MESSAGE") else {
        panic!()
    };
    assert_eq!(m.chat_id, CHAT);
    assert_eq!(m.chat_type, Some(ChatType::BuyerSeller));
    assert_eq!(m.message_id, "3000000001234567890");
    assert_eq!(m.created_at, some_t("2024-05-02T10:01:02.003Z"));
    let user = m.user.unwrap();
    assert_eq!(user.id, "90877321");
    assert_eq!(user.kind, Some(ChatUserType::Customer));
    assert_eq!(
        m.data,
        vec!["Здравствуйте! Когда отправите заказ?".to_owned()]
    );
    // Sent as the string "836252" in chat messages.
    assert_eq!(m.seller_id, 836252);
}

#[test]
fn update_message() {
    let PushMessage::UpdateMessage(m) = decode_fixture("TYPE_UPDATE_MESSAGE") else {
        panic!()
    };
    assert_eq!(m.chat_id, CHAT);
    assert_eq!(m.chat_type, Some(ChatType::BuyerSeller));
    assert_eq!(m.message_id, "3000000001234567890");
    assert_eq!(m.created_at, some_t("2024-05-02T10:01:02.003Z"));
    assert_eq!(m.updated_at, some_t("2024-05-02T10:03:00Z"));
    assert_eq!(m.user.unwrap().kind, Some(ChatUserType::Customer));
    assert_eq!(m.data[0], "Здравствуйте! Когда отправите **оба** товара?");
    assert_eq!(m.seller_id, 836252);
}

#[test]
fn message_read() {
    let PushMessage::MessageRead(m) = decode_fixture("TYPE_MESSAGE_READ") else {
        panic!()
    };
    assert_eq!(m.chat_id, CHAT);
    assert_eq!(m.chat_type, Some(ChatType::SellerSupport));
    assert_eq!(m.message_id, "3000000001234567999");
    assert_eq!(m.created_at, some_t("2024-05-02T10:05:00Z"));
    let user = m.user.unwrap();
    assert_eq!(
        (user.id.as_str(), user.kind),
        ("17", Some(ChatUserType::Support))
    );
    assert_eq!(m.last_read_message_id, "3000000001234567999");
    assert_eq!(m.seller_id, 836252);
}

#[test]
fn chat_closed() {
    let PushMessage::ChatClosed(m) = decode_fixture("TYPE_CHAT_CLOSED") else {
        panic!()
    };
    assert_eq!(m.chat_id, CHAT);
    assert_eq!(m.chat_type, Some(ChatType::BuyerSeller));
    assert_eq!(m.user.unwrap().id, "90877321");
    assert_eq!(m.seller_id, 836252);
}

#[test]
fn description_category_tree_changed() {
    let PushMessage::DescriptionCategoryTreeChanged(m) =
        decode_fixture("TYPE_DESCRIPTION_CATEGORY_TREE_CHANGED")
    else {
        panic!()
    };
    assert_eq!(m.changed_at, some_t("2026-04-07T10:27:55.955Z"));
}

#[test]
fn fbo_posting_new() {
    let PushMessage::FboPostingNew(m) = decode_fixture("TYPE_FBO_POSTING_NEW") else {
        panic!()
    };
    assert_eq!(m.posting_number.as_str(), "0574652831-0001-1");
    assert_eq!(m.order_number, "0574652831-0001");
    assert_eq!(m.uuid, "3f0e2a9c-5b7d-4c1e-9a8f-2d6b4e1c7a90");
    assert_eq!(
        (m.products[0].sku, m.products[0].quantity),
        (Sku(1536499166), 3)
    );
    assert_eq!(m.creation_date, some_t("2026-04-07T10:27:55.955Z"));
    assert_eq!(m.warehouse_id, FBO_WH);
    assert_eq!(m.seller_id, 836252);
}

#[test]
fn fbo_posting_cancelled() {
    let PushMessage::FboPostingCancelled(m) = decode_fixture("TYPE_FBO_POSTING_CANCELLED") else {
        panic!()
    };
    assert_eq!(m.posting_number.as_str(), "0574652831-0001-1");
    assert_eq!(m.order_number, "0574652831-0001");
    assert_eq!(m.uuid, "8c1d7e52-0f3a-4b6e-b2d9-71a5c3e8f014");
    assert_eq!(m.products[0].quantity, 3);
    assert_eq!(m.old_state, Some(PushPostingState::Packing));
    assert_eq!(m.new_state, Some(PushPostingState::Canceled));
    assert_eq!(m.cancel_date, some_t("2026-04-07T12:00:00Z"));
    let reason = m.reason.unwrap();
    assert_eq!((reason.id, reason.message.as_str()), (537, "Не вручен"));
    assert_eq!(m.warehouse_id, FBO_WH);
    assert_eq!(m.seller_id, 836252);
}

#[test]
fn fbo_posting_state_changed() {
    let PushMessage::FboPostingStateChanged(m) = decode_fixture("TYPE_FBO_POSTING_STATE_CHANGED")
    else {
        panic!()
    };
    assert_eq!(m.posting_number.as_str(), "0574652831-0001-1");
    assert_eq!(m.order_number, "0574652831-0001");
    assert_eq!(m.uuid, "b7e4f1a0-9c2d-4e3f-8a1b-5d6c7e8f9a0b");
    assert_eq!(m.new_state, Some(PushPostingState::ReturnedToWarehouse));
    assert_eq!(m.changed_state_date, some_t("2026-04-09T08:15:00Z"));
    assert_eq!(m.warehouse_id, FBO_WH);
    assert_eq!(m.seller_id, 836252);
}

#[test]
fn fbo_posting_delivery_date_changed() {
    let PushMessage::FboPostingDeliveryDateChanged(m) =
        decode_fixture("TYPE_FBO_POSTING_DELIVERY_DATE_CHANGED")
    else {
        panic!()
    };
    assert_eq!(m.posting_number.as_str(), "0574652831-0001-1");
    assert_eq!(m.order_number, "0574652831-0001");
    assert_eq!(m.uuid, "0d9e8f7a-6b5c-4d3e-2f1a-0b9c8d7e6f5a");
    assert_eq!(m.old_delivery_date_begin, some_t("2026-04-08T07:00:00Z"));
    assert_eq!(m.old_delivery_date_end, some_t("2026-04-08T16:00:00Z"));
    assert_eq!(m.new_delivery_date_begin, some_t("2026-04-09T07:00:00Z"));
    assert_eq!(m.new_delivery_date_end, some_t("2026-04-09T16:00:00Z"));
    assert_eq!(m.warehouse_id, FBO_WH);
    assert_eq!(m.seller_id, 836252);
}

#[test]
fn fbo_stocks_changed() {
    let PushMessage::FboStocksChanged(m) = decode_fixture("TYPE_FBO_STOCKS_CHANGED") else {
        panic!()
    };
    assert_eq!(m.sku, Sku(1536499166));
    // One object in the docs' example: read as a list of one.
    assert_eq!(m.stocks.len(), 1);
    let s = &m.stocks[0];
    assert_eq!(
        (s.new_present, s.new_reserved, s.old_present, s.old_reserved),
        (318, 9, 321, 12)
    );
    assert_eq!(m.updated_at, some_t("2026-04-07T10:27:55.955Z"));
    assert_eq!(m.seller_id, 836252);
}

#[test]
fn order_new() {
    let PushMessage::OrderNew(m) = decode_fixture("TYPE_ORDER_NEW") else {
        panic!()
    };
    assert_eq!(m.order_number, "0574652831-0001");
    assert_eq!(m.order_id, 35452597966);
    assert_eq!(m.uuid, "c2a1b0f9-e8d7-4c6b-a5f4-e3d2c1b0a9f8");
    assert_eq!(m.created_at, some_t("2026-04-07T10:27:55.955Z"));
    assert_eq!(m.creation_date, None);
    assert_eq!(m.created(), some_t("2026-04-07T10:27:55.955Z"));
    assert_eq!(m.seller_id, 836252);
}

#[test]
fn order_cancelled() {
    let PushMessage::OrderCancelled(m) = decode_fixture("TYPE_ORDER_CANCELLED") else {
        panic!()
    };
    assert_eq!(m.order_number, "0574652831-0001");
    assert_eq!(m.order_id, 35452597966);
    assert_eq!(m.uuid, "d3b2c1a0-f9e8-4d7c-b6a5-f4e3d2c1b0a9");
    assert_eq!(m.cancelled_at, some_t("2026-04-07T13:00:00Z"));
    assert_eq!(m.seller_id, 836252);
}

#[test]
fn order_state_changed() {
    let PushMessage::OrderStateChanged(m) = decode_fixture("TYPE_ORDER_STATE_CHANGED") else {
        panic!()
    };
    assert_eq!(m.order_number, "0574652831-0001");
    assert_eq!(m.order_id, 35452597966);
    assert_eq!(m.uuid, "e4c3d2b1-a0f9-4e8d-c7b6-a5f4e3d2c1b0");
    assert_eq!(
        (m.old_state.as_str(), m.new_state.as_str()),
        ("order_in_delivery", "order_done")
    );
    assert_eq!(m.updated_at, some_t("2026-04-10T18:20:00Z"));
    assert_eq!(m.seller_id, 836252);
}

// ---------------------------------------------------------------------------------------------
// What the docs say Ozon may send
// ---------------------------------------------------------------------------------------------

#[test]
fn empty_and_null_dates_are_none() {
    // The docs: new_cutoff_date and the new delivery interval may come empty; in_process_at
    // may be empty when the order was paid late.
    let m = decode_json(json!({"message_type": "TYPE_CUTOFF_DATE_CHANGED",
        "posting_number": "1-1-1", "new_cutoff_date": "", "old_cutoff_date": "2024-05-03T14:00:00Z",
        "warehouse_id": 1, "seller_id": 2}))
    .unwrap();
    let PushMessage::CutoffDateChanged(m) = m else {
        panic!()
    };
    assert_eq!(m.new_cutoff_date, None);
    assert_eq!(m.old_cutoff_date, some_t("2024-05-03T14:00:00Z"));

    let m = decode_json(json!({"message_type": "TYPE_DELIVERY_DATE_CHANGED",
        "posting_number": "1-1-1", "new_delivery_date_begin": "", "new_delivery_date_end": null}))
    .unwrap();
    let PushMessage::DeliveryDateChanged(m) = m else {
        panic!()
    };
    assert_eq!(
        (m.new_delivery_date_begin, m.new_delivery_date_end),
        (None, None)
    );

    let m = decode_json(
        json!({"message_type": "TYPE_NEW_POSTING", "posting_number": "1-1-1",
        "products": [{"sku": 5, "quantity": 1}], "in_process_at": ""}),
    )
    .unwrap();
    let PushMessage::NewPosting(m) = m else {
        panic!()
    };
    assert_eq!(m.in_process_at, None);
    // Fields of the 2025 spec only (no offer_id, shipment_date...) still decode.
    assert_eq!(m.products[0].offer_id, "");
    assert_eq!(m.tpl_integration_type, None);
}

#[test]
fn docs_quirks_are_read() {
    // The docs' chat examples write "Сustomer" with a Cyrillic С, and seller_id as a string.
    let m = decode_json(json!({"message_type": "TYPE_CHAT_CLOSED", "chat_id": CHAT,
        "chat_type": "Buyer_Seller", "user": {"id": "115568", "type": "\u{421}ustomer"},
        "seller_id": "7"}))
    .unwrap();
    let PushMessage::ChatClosed(m) = m else {
        panic!()
    };
    assert_eq!(m.user.unwrap().kind, Some(ChatUserType::Customer));
    assert_eq!(m.seller_id, 7);

    // price_index is documented as an integer: integers and floats are read exactly too.
    for (raw, want) in [
        (json!(0), Decimal::ZERO),
        (json!(0.97), Decimal::new(97, 2)),
    ] {
        let m = decode_json(json!({"message_type": "TYPE_PRICE_INDEX_CHANGED",
            "price_index": raw, "sku": 1, "product_id": 2}))
        .unwrap();
        let PushMessage::PriceIndexChanged(m) = m else {
            panic!()
        };
        assert_eq!(m.price_index, Some(want));
    }

    // FBO stocks: the table says array, the example an object; both are read.
    let m = decode_json(json!({"message_type": "TYPE_FBO_STOCKS_CHANGED", "sku": 1,
        "stocks": [{"new_present": 1, "new_reserved": 0, "old_present": 2, "old_reserved": 0},
                   {"new_present": 5, "new_reserved": 1, "old_present": 5, "old_reserved": 0}]}))
    .unwrap();
    let PushMessage::FboStocksChanged(m) = m else {
        panic!()
    };
    assert_eq!(m.stocks.len(), 2);
    assert_eq!(m.stocks[1].new_reserved, 1);

    // TYPE_ORDER_NEW: the table names the time creation_date, the example created_at.
    let m = decode_json(
        json!({"message_type": "TYPE_ORDER_NEW", "order_number": "1-1",
        "order_id": "35452597966", "creation_date": "2026-04-07T10:27:55Z"}),
    )
    .unwrap();
    let PushMessage::OrderNew(m) = m else {
        panic!()
    };
    assert_eq!(m.order_id, 35452597966);
    assert_eq!(m.created(), some_t("2026-04-07T10:27:55Z"));
}

// ---------------------------------------------------------------------------------------------
// Unknown types, fields and values: kept, or rejected under strict
// ---------------------------------------------------------------------------------------------

#[test]
fn unknown_type_is_kept_or_rejected_under_strict() {
    let body = json!({"message_type": "TYPE_RETURN_CREATED", "return_id": 42, "seller_id": 1});
    let decoded = decode_json(body.clone());
    let (_, answer) = push::handle(
        &serde_json::to_vec(&body).unwrap(),
        "shop",
        "1.0",
        Utc::now(),
    );
    if STRICT {
        let err = decoded.unwrap_err();
        assert!(
            matches!(&err, PushError::UnknownType { message_type, .. } if message_type == "TYPE_RETURN_CREATED"),
            "{err:?}"
        );
        assert!(err.to_string().contains("TYPE_RETURN_CREATED"));
        assert_eq!(answer.status(), 400);
        assert!(answer.is_error());
    } else {
        let message = decoded.unwrap();
        assert_eq!(message.message_type(), "TYPE_RETURN_CREATED");
        let PushMessage::Unknown { message_type, raw } = &message else {
            panic!()
        };
        assert_eq!(message_type, "TYPE_RETURN_CREATED");
        assert_eq!(raw, &body);
        // Serialises back to what came in.
        assert_eq!(serde_json::to_value(&message).unwrap(), body);
        assert_eq!(answer, PushResponse::ok());
    }
}

#[test]
fn unknown_fields_are_ignored_or_rejected_under_strict() {
    let mut body: Value = serde_json::from_slice(&fixture("TYPE_STATE_CHANGED")).unwrap();
    body["old_state"] = json!("posting_created");
    let decoded = decode_json(body);
    if STRICT {
        let err = decoded.unwrap_err();
        assert!(matches!(err, PushError::InvalidMessage { .. }), "{err:?}");
        assert!(err.to_string().contains("old_state"), "{err}");
    } else {
        assert!(matches!(decoded.unwrap(), PushMessage::StateChanged(_)));
    }
}

#[test]
fn unknown_posting_state_is_kept_or_rejected_under_strict() {
    let decoded = decode_json(json!({"message_type": "TYPE_STATE_CHANGED",
        "posting_number": "1-1-1", "new_state": "posting_teleported"}));
    if STRICT {
        let err = decoded.unwrap_err();
        assert!(
            matches!(&err, PushError::InvalidMessage { path, .. } if path == "new_state"),
            "{err:?}"
        );
    } else {
        let PushMessage::StateChanged(m) = decoded.unwrap() else {
            panic!()
        };
        assert_eq!(
            m.new_state,
            Some(PushPostingState::Unknown("posting_teleported".into()))
        );
    }
}

#[test]
fn known_enum_values_round_trip() {
    for values in [
        PushPostingState::KNOWN,
        TplIntegrationType::KNOWN,
        ChatType::KNOWN,
        ChatUserType::KNOWN,
        PushErrorCode::KNOWN,
    ] {
        assert!(!values.is_empty());
        for v in values {
            let text = serde_json::to_string(v).unwrap();
            // Every known value decodes to a known variant, under strict too.
            let back: Value = serde_json::from_str(&text).unwrap();
            assert_eq!(back, json!(v));
        }
    }
    for v in PushPostingState::KNOWN {
        let s: PushPostingState = serde_json::from_value(json!(v)).unwrap();
        assert!(!matches!(s, PushPostingState::Unknown(_)), "{v}");
        assert_eq!(s.as_str(), *v);
    }
    for v in ChatType::KNOWN {
        let s: ChatType = serde_json::from_value(json!(v)).unwrap();
        assert!(!matches!(s, ChatType::Unknown(_)), "{v}");
    }
    assert_eq!(PushPostingState::KNOWN.len(), 21);
    assert_eq!(ChatType::KNOWN.len(), 9);
}

// ---------------------------------------------------------------------------------------------
// Bad bodies: typed errors naming what is wrong, bounded excerpts
// ---------------------------------------------------------------------------------------------

#[test]
fn bad_bodies_give_typed_errors() {
    assert_eq!(push::decode(b""), Err(PushError::Empty));
    assert_eq!(push::decode(b" \n\t"), Err(PushError::Empty));
    assert!(matches!(
        push::decode(b"{\"message_type\": "),
        Err(PushError::NotJson { .. })
    ));
    assert!(matches!(
        push::decode(b"[1, 2]"),
        Err(PushError::NotAnObject { .. })
    ));
    assert!(matches!(
        push::decode(b"\"TYPE_PING\""),
        Err(PushError::NotAnObject { .. })
    ));
    assert!(matches!(
        push::decode(br#"{"time": "2024-05-02T09:30:00Z"}"#),
        Err(PushError::MissingType { .. })
    ));
    assert!(matches!(
        push::decode(br#"{"message_type": 7}"#),
        Err(PushError::MissingType { .. })
    ));
    // A byte-order mark is tolerated.
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(&fixture("TYPE_PING"));
    assert!(push::decode(&bom).unwrap().is_ping());
}

#[test]
fn a_wrong_field_is_named_by_its_path() {
    let err = decode_json(
        json!({"message_type": "TYPE_NEW_POSTING", "posting_number": "1-1-1",
        "products": [{"sku": "not-a-sku", "quantity": 1}]}),
    )
    .unwrap_err();
    let PushError::InvalidMessage {
        message_type,
        path,
        message,
        excerpt,
    } = &err
    else {
        panic!("{err:?}")
    };
    assert_eq!(message_type, "TYPE_NEW_POSTING");
    assert_eq!(path, "products[0].sku");
    assert!(message.contains("not-a-sku"), "{message}");
    assert!(excerpt.contains("TYPE_NEW_POSTING"));
    assert_eq!(err.code(), PushErrorCode::ParameterValueMissed);
    let answer = err.response();
    assert_eq!(answer.status(), 400);

    let err = decode_json(json!({"message_type": "TYPE_PING", "time": "yesterday"})).unwrap_err();
    assert!(
        matches!(&err, PushError::InvalidMessage { path, .. } if path == "time"),
        "{err:?}"
    );
}

#[test]
fn error_excerpts_are_bounded() {
    let long = format!(
        r#"{{"message_type": "TYPE_PING", "time": "{}"}}"#,
        "x".repeat(100_000)
    );
    let err = push::decode(long.as_bytes()).unwrap_err();
    let PushError::InvalidMessage { excerpt, .. } = &err else {
        panic!("{err:?}")
    };
    assert!(excerpt.len() <= push::EXCERPT_LEN + '…'.len_utf8());
    let junk = "ж".repeat(50_000);
    let err = push::decode(junk.as_bytes()).unwrap_err();
    assert!(matches!(err, PushError::NotJson { .. }));
    assert!(err.to_string().len() < 1_000, "{}", err.to_string().len());
}

// ---------------------------------------------------------------------------------------------
// Answers
// ---------------------------------------------------------------------------------------------

#[test]
fn ping_answer_has_version_name_and_time_in_whole_utc_seconds() {
    let now =
        Utc.with_ymd_and_hms(2024, 5, 2, 9, 30, 1).unwrap() + chrono::Duration::milliseconds(417);
    let answer = PushResponse::ping("my-shop", "1.4.2", now);
    assert_eq!(answer.status(), 200);
    assert!(!answer.is_error());
    let body: Value = serde_json::from_str(&answer.to_json()).unwrap();
    assert_eq!(
        body,
        json!({"version": "1.4.2", "name": "my-shop", "time": "2024-05-02T09:30:01Z"})
    );
    assert_eq!(serde_json::to_value(&answer).unwrap(), body);

    // handle answers a ping itself.
    let (message, answer) = push::handle(&fixture("TYPE_PING"), "my-shop", "1.4.2", now);
    assert!(message.unwrap().is_ping());
    assert_eq!(answer, PushResponse::ping("my-shop", "1.4.2", now));
}

#[test]
fn ok_answer_is_result_true() {
    let answer = PushResponse::ok();
    assert_eq!(answer.status(), 200);
    assert_eq!(answer.to_json(), r#"{"result":true}"#);
    let (message, answer) = push::handle(&fixture("TYPE_NEW_POSTING"), "s", "1", Utc::now());
    assert!(matches!(message.unwrap(), PushMessage::NewPosting(_)));
    assert_eq!(answer, PushResponse::ok());
    assert_eq!(push::CONTENT_TYPE, "application/json");
}

#[test]
fn error_answer_shape_and_statuses() {
    let answer = PushResponse::error(PushErrorCode::UnknownError, "database is down");
    assert_eq!(answer.status(), 500);
    assert!(answer.is_error());
    let body: Value = serde_json::from_str(&answer.to_json()).unwrap();
    assert_eq!(
        body,
        json!({"error": {"code": "ERROR_UNKNOWN", "message": "database is down", "details": null}})
    );

    let answer = PushResponse::error(PushErrorCode::ParameterValueMissed, "posting_number")
        .with_details("posting_number is empty");
    assert_eq!(answer.status(), 400);
    assert_eq!(
        serde_json::to_value(&answer).unwrap(),
        json!({"error": {"code": "ERROR_PARAMETER_VALUE_MISSED", "message": "posting_number",
            "details": "posting_number is empty"}})
    );

    let answer = PushResponse::error(PushErrorCode::RequestDuplicated, "seen");
    assert_eq!(answer.status(), 409);
    assert_eq!(
        serde_json::to_value(&answer).unwrap()["error"]["code"],
        json!("ERROR_REQUEST_DUPLICATED")
    );

    // The status stays a 4xx/5xx.
    assert_eq!(answer.clone().with_status(503).status(), 503);
    assert_eq!(answer.clone().with_status(200).status(), 409);
    assert_eq!(answer.with_status(302).status(), 409);
    // Details and status do not touch success answers.
    assert_eq!(
        PushResponse::ok().with_details("x").with_status(500),
        PushResponse::ok()
    );
}

#[test]
fn handle_answers_bad_bodies_with_an_error() {
    let (message, answer) = push::handle(b"<html>", "s", "1", Utc::now());
    assert!(matches!(message, Err(PushError::NotJson { .. })));
    assert_eq!(answer.status(), 400);
    let body: Value = serde_json::from_str(&answer.to_json()).unwrap();
    assert_eq!(body["error"]["code"], json!("ERROR_UNKNOWN"));
    assert!(
        body["error"]["message"]
            .as_str()
            .unwrap()
            .contains("<html>")
    );

    let (message, answer) = push::handle(br#"{"seller_id": 1}"#, "s", "1", Utc::now());
    assert!(matches!(message, Err(PushError::MissingType { .. })));
    let body: Value = serde_json::from_str(&answer.to_json()).unwrap();
    assert_eq!(body["error"]["code"], json!("ERROR_PARAMETER_VALUE_MISSED"));
    assert_eq!(answer.status(), 400);
}

#[test]
fn push_message_is_serde_deserialize_too() {
    let batch = format!(
        "[{}, {}]",
        String::from_utf8(fixture("TYPE_PING")).unwrap(),
        String::from_utf8(fixture("TYPE_CHAT_CLOSED")).unwrap()
    );
    let messages: Vec<PushMessage> = serde_json::from_str(&batch).unwrap();
    assert!(messages[0].is_ping());
    assert!(matches!(messages[1], PushMessage::ChatClosed(_)));
    let err = serde_json::from_str::<PushMessage>(r#"{"no": "type"}"#).unwrap_err();
    assert!(err.to_string().contains("message_type"), "{err}");
}

// ---------------------------------------------------------------------------------------------
// Never panics
// ---------------------------------------------------------------------------------------------

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(|n| json!(n)),
        any::<u64>().prop_map(|n| json!(n)),
        // Quarters: floats that print and parse back exactly.
        (-4_000i32..4_000).prop_map(|n| json!(f64::from(n) / 4.0)),
        ".{0,12}".prop_map(Value::String),
        Just(json!("")),
        Just(json!("2024-05-02T09:30:00Z")),
        Just(json!("posting_delivered")),
        Just(json!("Buyer_Seller")),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::btree_map(field_name(), inner, 0..6)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn field_name() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "posting_number",
            "products",
            "sku",
            "offer_id",
            "quantity",
            "in_process_at",
            "warehouse_id",
            "seller_id",
            "old_state",
            "new_state",
            "changed_state_date",
            "reason",
            "id",
            "message",
            "time",
            "items",
            "stocks",
            "present",
            "reserved",
            "updated_at",
            "price_index",
            "product_id",
            "is_error",
            "changed_at",
            "chat_id",
            "chat_type",
            "user",
            "type",
            "data",
            "message_id",
            "created_at",
            "uuid",
            "order_id",
            "order_number",
            "tpl_integration_type",
            "is_express",
            "new_present",
            "creation_date",
        ])
        .prop_map(str::to_owned),
        "[a-z_]{1,10}",
    ]
}

fn message_type() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(PushMessage::KNOWN_TYPES.to_vec()).prop_map(str::to_owned),
        1 => "TYPE_[A-Z_]{0,12}",
    ]
}

fn check_answer(answer: &PushResponse) {
    let status = answer.status();
    assert!(status == 200 || (400..=599).contains(&status), "{status}");
    assert_eq!(answer.is_error(), status != 200);
    serde_json::from_str::<Value>(&answer.to_json()).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn decode_never_panics_on_bytes(body in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = push::decode(&body);
        let (_, answer) = push::handle(&body, "s", "1", Utc::now());
        check_answer(&answer);
    }

    #[test]
    fn decode_never_panics_on_objects_with_a_message_type(
        message_type in message_type(),
        fields in prop::collection::btree_map(field_name(), arb_json(), 0..10),
    ) {
        let mut object: serde_json::Map<String, Value> = fields.into_iter().collect();
        object.insert("message_type".into(), json!(message_type));
        let body = serde_json::to_vec(&Value::Object(object)).unwrap();
        let known = PushMessage::KNOWN_TYPES.contains(&message_type.as_str());
        match push::decode(&body) {
            Ok(message) => {
                prop_assert_eq!(message.message_type(), message_type.as_str());
                prop_assert_eq!(matches!(message, PushMessage::Unknown { .. }), !known);
                prop_assert!(known || !STRICT);
                // What decoded serialises and decodes back to the same message.
                let again = push::decode(&serde_json::to_vec(&message).unwrap()).unwrap();
                prop_assert_eq!(again, message);
            }
            Err(PushError::UnknownType { .. }) => prop_assert!(STRICT && !known),
            Err(PushError::InvalidMessage { message_type: t, .. }) => {
                prop_assert!(known);
                prop_assert_eq!(t, message_type);
            }
            Err(other) => prop_assert!(false, "unexpected {:?}", other),
        }
        let (_, answer) = push::handle(&body, "s", "1", Utc::now());
        check_answer(&answer);
    }
}
