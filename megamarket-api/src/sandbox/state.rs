//! The emulated seller account: shipments with their items and boxes, stocks, prices, and
//! the failures queued for the next calls.

use std::collections::{BTreeMap, VecDeque};

use chrono::{DateTime, FixedOffset};
use rust_decimal::Decimal;
use serde_json::{Value, json};

use crate::ids::ShipmentId;
use crate::models::orders::{BoxRef, ItemSubStatus, ShipmentStatus};

/// One item of an emulated shipment.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    /// Its index in the shipment (`"1"`, `"2"`...).
    pub index: String,
    /// The seller's article.
    pub offer_id: String,
    /// Megamarket's product id.
    pub goods_id: String,
    /// The name.
    pub name: String,
    /// Unit price, whole roubles.
    pub price: Decimal,
    /// Units.
    pub quantity: u32,
    /// Its status.
    pub status: ShipmentStatus,
    /// Why it was cancelled.
    pub sub_status: Option<ItemSubStatus>,
    /// The box it was packed in.
    pub box_index: Option<u32>,
    /// Megamarket asked (by an `order/cancel` push) to cancel it; `order/cancelResult`
    /// answers.
    pub cancel_requested: bool,
}

/// An emulated shipment.
#[derive(Debug, Clone, PartialEq)]
pub struct Shipment {
    /// The id.
    pub id: ShipmentId,
    /// The order code (the shipment id, as in the public examples).
    pub order_code: String,
    /// DBS (the seller delivers) rather than FBS.
    pub dbs: bool,
    /// When it was created (Moscow time).
    pub created: DateTime<FixedOffset>,
    /// The items.
    pub items: Vec<Item>,
    /// The boxes reported by `order/packing`.
    pub boxes: Vec<BoxRef>,
    /// When it was handed over (`order/shipping`).
    pub shipped_at: Option<DateTime<FixedOffset>>,
}

impl Shipment {
    /// The shipment's status: the most advanced of its live items', else cancelled.
    pub fn status(&self) -> ShipmentStatus {
        self.items
            .iter()
            .map(|i| &i.status)
            .find(|s| {
                !matches!(
                    s,
                    ShipmentStatus::MerchantCanceled | ShipmentStatus::CustomerCanceled
                )
            })
            .or_else(|| self.items.first().map(|i| &i.status))
            .cloned()
            .unwrap_or(ShipmentStatus::New)
    }

    /// The item of an index.
    pub fn item_mut(&mut self, index: &str) -> Option<&mut Item> {
        self.items.iter_mut().find(|i| i.index == index)
    }

    /// The shipment as `order/get` answers it.
    pub fn to_wire(&self) -> Value {
        let time = |t: &DateTime<FixedOffset>| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        let day = chrono::Duration::days(1);
        json!({
            "shipmentId": self.id,
            "orderCode": self.order_code,
            "status": self.status(),
            "confirmedTimeLimit": time(&(self.created + chrono::Duration::hours(4))),
            "packingTimeLimit": time(&(self.created + day)),
            "shippingTimeLimit": time(&(self.created + day * 2)),
            "shipmentDateFrom": time(&(self.created + day)),
            "shipmentDateTo": time(&(self.created + day * 2)),
            "creationDate": time(&self.created),
            "customerFullName": if self.dbs { "Sandbox Customer" } else { "" },
            "serviceScheme": if self.dbs { Value::from("DELIVERY_BY_MERCHANT") } else { Value::Null },
            "shippingPoint": "1",
            "items": self.items.iter().map(|i| json!({
                "itemIndex": i.index,
                "status": i.status,
                "subStatus": i.sub_status,
                "price": num(&i.price),
                "finalPrice": num(&i.price),
                "discounts": [],
                "quantity": i.quantity,
                "offerId": i.offer_id,
                "goodsId": i.goods_id,
                "goodsData": {"name": i.name, "categoryName": "Sandbox"},
                "events": [],
                "boxIndex": i.box_index,
            })).collect::<Vec<_>>(),
        })
    }

    /// The shipment as an `order/new` push carries it.
    pub fn to_push(&self) -> Value {
        let time = |t: &DateTime<FixedOffset>| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        json!({
            "shipmentId": self.id,
            "shipmentDate": time(&self.created),
            "handover": {
                "packingDate": time(&(self.created + chrono::Duration::days(1))),
                "reserveExpirationDate": time(&(self.created + chrono::Duration::days(20))),
                "outletId": "1",
                "serviceScheme": if self.dbs { Value::from("DELIVERY_BY_MERCHANT") } else { Value::Null },
                "depositedAmount": 0,
                "deliveryId": format!("{}0", self.id),
            },
            "customer": if self.dbs {
                json!({"customerFullName": "Sandbox Customer", "phone": "70000000000", "email": "",
                       "address": {"source": "Moscow, Sandbox street, 1"}})
            } else { Value::Null },
            "flags": [],
            "items": self.items.iter().map(|i| json!({
                "itemIndex": i.index,
                "goodsId": i.goods_id,
                "offerId": i.offer_id,
                "itemName": i.name,
                "price": num(&i.price),
                "finalPrice": num(&i.price),
                "discounts": [],
                "quantity": i.quantity,
                "taxRate": "20",
                "reservationPerformed": true,
                "isDigitalMarkRequired": false,
            })).collect::<Vec<_>>(),
        })
    }
}

/// A decimal as a JSON number (Megamarket sends amounts as numbers).
pub fn num(d: &Decimal) -> Value {
    market_core::wire::exact_number::number(d).map_or(Value::Null, Value::Number)
}

/// A failure queued for the next call of an operation, answered in Megamarket's style:
/// HTTP 200 with `success: 0` (and `error`), or `success: 1` with `data.result: 0`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Forced {
    /// `{"success": 0, "error": [{"code", "message"}]}`.
    Refuse {
        /// The code.
        code: String,
        /// The message.
        message: String,
    },
    /// `{"success": 1, "data": {"result": 0}}`.
    ResultZero,
}

/// The account.
#[derive(Debug, Clone, Default)]
pub struct State {
    /// Shipments by id.
    pub shipments: BTreeMap<ShipmentId, Shipment>,
    /// Stock by offer.
    pub stocks: BTreeMap<String, i64>,
    /// Price by offer, whole roubles.
    pub prices: BTreeMap<String, Decimal>,
    /// The offers of the seller's catalogue (a price for another offer is saved with a
    /// warning).
    pub catalogue: Vec<String>,
    /// Failures for the next calls, by operation name.
    pub forced: VecDeque<(String, Forced)>,
    /// The last shipment number given.
    pub last_id: u64,
}

impl State {
    /// The forced failure queued for `op`, taken off the queue.
    pub fn take_forced(&mut self, op: &str) -> Option<Forced> {
        let at = self.forced.iter().position(|(o, _)| o == op)?;
        self.forced.remove(at).map(|(_, f)| f)
    }
}
