//! What Megamarket pushes to the seller's own server: `order/new` (a new shipment, FBS or
//! DBS) and `order/cancel` (items the buyer or Megamarket cancelled), each a `POST` of the
//! envelope `{"meta": {}, "data": {"merchantId": ..., "shipments": [...]}}` to
//! `<seller base URL>/order/new` and `<seller base URL>/order/cancel`.
//!
//! Framework-free: [`decode`] reads a body (never panics, whatever it is), and the seller's
//! server answers [`REPLY_OK`] (HTTP 200) once the event is safely stored, or
//! [`REPLY_FAILED`] to have Megamarket try again. Megamarket repeats a push it got no answer
//! to; [`Push::keys`] names each shipment's event, and [`Seen`] keeps the ones handed over so a
//! receiver gives each to the seller once.
//!
//! The seller then answers through the pull methods: `order/confirm` or `order/reject` for a
//! new shipment, `order/cancelResult` for a cancellation.
//!
//! ```
//! use megamarket_api::push::{self, Push};
//! let body = br#"{"meta":{},"data":{"merchantId":1,"shipments":[{"shipmentId":"9","items":[{"itemIndex":"1","offerId":"A"}]}]}}"#;
//! match push::decode("/order/cancel", body) {
//!     Ok(Push::OrderCancel(c)) => assert_eq!(c.shipments[0].shipment_id.as_str(), "9"),
//!     other => panic!("{other:?}"),
//! }
//! assert_eq!(push::REPLY_OK, br#"{"data":{},"meta":{},"success":1}"#);
//! ```

use chrono::{DateTime, Utc};
use market_core::wire::de;
use rust_decimal::Decimal;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::ids::{MerchantId, ShipmentId};
use crate::models::orders::ServiceScheme;

/// The path Megamarket posts new shipments to, below the seller's base URL.
pub const PATH_ORDER_NEW: &str = "/order/new";
/// The path Megamarket posts cancellations to, below the seller's base URL.
pub const PATH_ORDER_CANCEL: &str = "/order/cancel";
/// The content type of the replies.
pub const CONTENT_TYPE: &str = "application/json";
/// The reply to a push the seller has taken (HTTP 200).
pub const REPLY_OK: &[u8] = br#"{"data":{},"meta":{},"success":1}"#;
/// The reply to a push the seller could not take (HTTP 200): Megamarket sends it again.
pub const REPLY_FAILED: &[u8] = br#"{"data":{},"meta":{},"success":0}"#;
/// The largest body [`decode`] reads: 1 MiB (a push holds a few shipments).
pub const MAX_BODY_BYTES: usize = 1024 * 1024;

/// The envelope of a push.
#[derive(Debug, Clone, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
struct PushEnvelope<T> {
    #[serde(default)]
    #[allow(dead_code)]
    meta: Value,
    data: T,
}

/// `order/new`: new shipments to confirm or reject.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct OrderNew {
    /// The seller.
    #[serde(default, deserialize_with = "opt_merchant")]
    pub merchant_id: Option<MerchantId>,
    /// The shipments (required).
    pub shipments: Vec<NewShipment>,
}

/// One shipment of [`OrderNew`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct NewShipment {
    /// The shipment id.
    pub shipment_id: ShipmentId,
    /// When the shipment was created.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub shipment_date: Option<DateTime<Utc>>,
    /// When and how it is handed over.
    #[serde(default)]
    pub handover: Option<Handover>,
    /// The buyer (DBS only; personal data).
    #[serde(default)]
    pub customer: Option<Customer>,
    /// Flags, as sent.
    #[serde(default, deserialize_with = "de::nullable")]
    pub flags: Vec<Value>,
    /// The items (required).
    pub items: Vec<NewItem>,
}

impl NewShipment {
    /// True for a DBS shipment (the seller delivers).
    pub fn is_dbs(&self) -> bool {
        self.handover
            .as_ref()
            .and_then(|h| h.service_scheme.as_ref())
            .is_some_and(|s| *s == ServiceScheme::DeliveryByMerchant)
    }
}

/// The handover of a [`NewShipment`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Handover {
    /// Pack by.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub packing_date: Option<DateTime<Utc>>,
    /// The reserve of the goods ends at.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub reserve_expiration_date: Option<DateTime<Utc>>,
    /// The seller's outlet (warehouse) id, where set.
    #[serde(default, deserialize_with = "de::opt_text")]
    pub outlet_id: Option<String>,
    /// Who delivers (`DELIVERY_BY_MERCHANT` for DBS).
    #[serde(default, deserialize_with = "de::opt_enum")]
    pub service_scheme: Option<ServiceScheme>,
    /// Paid in advance, roubles.
    #[serde(default, deserialize_with = "de::opt_decimal")]
    pub deposited_amount: Option<Decimal>,
    /// The delivery window agreed with the buyer (DBS).
    #[serde(default)]
    pub delivery_interval: Option<DeliveryInterval>,
    /// Megamarket's delivery number.
    #[serde(default, deserialize_with = "de::opt_text")]
    pub delivery_id: Option<String>,
}

/// A time window.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct DeliveryInterval {
    /// Start.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub date_from: Option<DateTime<Utc>>,
    /// End.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub date_to: Option<DateTime<Utc>>,
}

/// The DBS buyer (personal data: kept out of logs by the receiver).
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Customer {
    /// Name as typed at checkout.
    #[serde(default, deserialize_with = "de::opt_text")]
    pub customer_full_name: Option<String>,
    /// Phone.
    #[serde(default, deserialize_with = "de::opt_text")]
    pub phone: Option<String>,
    /// E-mail.
    #[serde(default, deserialize_with = "de::opt_text")]
    pub email: Option<String>,
    /// The address, as sent (`source`, `postalCode`, `fias`, `geo`, `access`, ...).
    #[serde(default)]
    pub address: Option<Value>,
}

impl std::fmt::Debug for Customer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Customer").finish_non_exhaustive()
    }
}

impl Customer {
    /// The address as one line (`address.source`).
    pub fn address_line(&self) -> Option<&str> {
        self.address.as_ref()?.get("source")?.as_str()
    }
}

/// One item of a [`NewShipment`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct NewItem {
    /// The item's index in the shipment.
    #[serde(deserialize_with = "de::string_or_number")]
    pub item_index: String,
    /// Megamarket's product id.
    #[serde(default, deserialize_with = "de::opt_text")]
    pub goods_id: Option<String>,
    /// The seller's article (`delivery` names the DBS delivery line in the payloads seen).
    #[serde(deserialize_with = "de::string_or_number")]
    pub offer_id: String,
    /// The name.
    #[serde(default, deserialize_with = "de::opt_text")]
    pub item_name: Option<String>,
    /// Unit price before discounts, roubles.
    #[serde(default, deserialize_with = "de::opt_decimal")]
    pub price: Option<Decimal>,
    /// Unit price the buyer pays, roubles.
    #[serde(default, deserialize_with = "de::opt_decimal")]
    pub final_price: Option<Decimal>,
    /// Discounts, as sent.
    #[serde(default, deserialize_with = "de::nullable")]
    pub discounts: Vec<Value>,
    /// Units (1 when absent).
    #[serde(default, deserialize_with = "de::opt_int64")]
    pub quantity: Option<i64>,
    /// VAT rate, as sent (`"20"`, or `null`).
    #[serde(default, deserialize_with = "de::opt_text")]
    pub tax_rate: Option<String>,
    /// Whether Megamarket reserved the goods.
    #[serde(default, deserialize_with = "de::or_none")]
    pub reservation_performed: Option<bool>,
    /// Whether the item needs a marking code (Честный знак).
    #[serde(default, deserialize_with = "de::or_none")]
    pub is_digital_mark_required: Option<bool>,
}

/// `order/cancel`: items cancelled; the seller answers with `order/cancelResult`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct OrderCancel {
    /// The seller.
    #[serde(default, deserialize_with = "opt_merchant")]
    pub merchant_id: Option<MerchantId>,
    /// The shipments (required).
    pub shipments: Vec<CancelShipment>,
}

/// One shipment of [`OrderCancel`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CancelShipment {
    /// The shipment id.
    pub shipment_id: ShipmentId,
    /// The items cancelled.
    pub items: Vec<CancelItem>,
}

/// One item of a [`CancelShipment`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CancelItem {
    /// The item's index in the shipment.
    #[serde(deserialize_with = "de::string_or_number")]
    pub item_index: String,
    /// Megamarket's product id.
    #[serde(default, deserialize_with = "de::opt_text")]
    pub goods_id: Option<String>,
    /// The seller's article.
    #[serde(default, deserialize_with = "de::opt_text")]
    pub offer_id: Option<String>,
}

fn opt_merchant<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<MerchantId>, D::Error> {
    de::opt_int64(d).map(|n| n.map(MerchantId))
}

/// A decoded push.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Push {
    /// `order/new`.
    OrderNew(OrderNew),
    /// `order/cancel`.
    OrderCancel(OrderCancel),
}

/// What a push is about, for de-duplication.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EventKind {
    /// A new shipment.
    New,
    /// A cancellation of items.
    Cancel,
}

impl Push {
    /// One key per shipment of the push: its kind, the shipment and (for a cancellation) the
    /// items cancelled. A repeated push has the same keys; a receiver hands each key to the
    /// seller once.
    pub fn keys(&self) -> Vec<EventKey> {
        match self {
            Self::OrderNew(n) => n
                .shipments
                .iter()
                .map(|s| (EventKind::New, s.shipment_id.clone(), Vec::new()))
                .collect(),
            Self::OrderCancel(c) => c
                .shipments
                .iter()
                .map(|s| {
                    let mut items: Vec<String> =
                        s.items.iter().map(|i| i.item_index.clone()).collect();
                    items.sort();
                    (EventKind::Cancel, s.shipment_id.clone(), items)
                })
                .collect(),
        }
    }
}

impl Push {
    /// The push split into its events, one push per shipment, in the order sent (the
    /// merchant id kept on each). A receiver hands them over one by one, so that a failure
    /// of one leaves only that one to Megamarket's repeat.
    pub fn into_events(self) -> Vec<Push> {
        match self {
            Self::OrderNew(n) => {
                let merchant_id = n.merchant_id;
                n.shipments
                    .into_iter()
                    .map(|s| {
                        Push::OrderNew(OrderNew {
                            merchant_id,
                            shipments: vec![s],
                        })
                    })
                    .collect()
            }
            Self::OrderCancel(c) => {
                let merchant_id = c.merchant_id;
                c.shipments
                    .into_iter()
                    .map(|s| {
                        Push::OrderCancel(OrderCancel {
                            merchant_id,
                            shipments: vec![s],
                        })
                    })
                    .collect()
            }
        }
    }

    /// The kind of event the push carries.
    pub fn kind(&self) -> EventKind {
        match self {
            Self::OrderNew(_) => EventKind::New,
            Self::OrderCancel(_) => EventKind::Cancel,
        }
    }

    /// The shipments the push is about, in the order sent.
    pub fn shipment_ids(&self) -> Vec<&ShipmentId> {
        match self {
            Self::OrderNew(n) => n.shipments.iter().map(|s| &s.shipment_id).collect(),
            Self::OrderCancel(c) => c.shipments.iter().map(|s| &s.shipment_id).collect(),
        }
    }
}

/// One event of a push: its kind, the shipment, and (for a cancellation) the items.
pub type EventKey = (EventKind, ShipmentId, Vec<String>);

/// The events already handed to the seller, so that a push Megamarket repeats (it does when
/// it gets no answer in time) reaches the seller once per shipment and event. Bounded: the
/// oldest keys are forgotten past the capacity.
///
/// ```
/// use megamarket_api::push::{self, Seen};
/// let body = br#"{"meta":{},"data":{"shipments":[{"shipmentId":"9","items":[]}]}}"#;
/// let mut seen = Seen::default();
/// let first = push::decode("/order/new", body).unwrap();
/// let fresh = seen.fresh(first).unwrap();
/// seen.mark(&fresh); // after the seller's callback took it
/// let again = push::decode("/order/new", body).unwrap();
/// assert!(seen.fresh(again).is_none());
/// ```
#[derive(Debug, Clone)]
pub struct Seen {
    keys: std::collections::HashSet<EventKey>,
    order: std::collections::VecDeque<EventKey>,
    capacity: usize,
}

impl Default for Seen {
    fn default() -> Self {
        Self::with_capacity(100_000)
    }
}

impl Seen {
    /// Remembers at most `capacity` events (at least 1).
    pub fn with_capacity(capacity: usize) -> Self {
        Self {
            keys: std::collections::HashSet::new(),
            order: std::collections::VecDeque::new(),
            capacity: capacity.max(1),
        }
    }

    /// The part of `push` not handed over yet (its shipments already seen removed); `None`
    /// when nothing is new, and the receiver just replies [`REPLY_OK`].
    pub fn fresh(&self, push: Push) -> Option<Push> {
        let new = |kind: EventKind, id: &ShipmentId, items: Vec<String>| {
            !self.keys.contains(&(kind, id.clone(), items))
        };
        match push {
            Push::OrderNew(mut n) => {
                n.shipments
                    .retain(|s| new(EventKind::New, &s.shipment_id, Vec::new()));
                (!n.shipments.is_empty()).then_some(Push::OrderNew(n))
            }
            Push::OrderCancel(mut c) => {
                c.shipments.retain(|s| {
                    let mut items: Vec<String> =
                        s.items.iter().map(|i| i.item_index.clone()).collect();
                    items.sort();
                    new(EventKind::Cancel, &s.shipment_id, items)
                });
                (!c.shipments.is_empty()).then_some(Push::OrderCancel(c))
            }
        }
    }

    /// Records the push's events as handed over (call it once the seller's callback took
    /// them: a failed callback leaves them to the next repeat).
    pub fn mark(&mut self, push: &Push) {
        for key in push.keys() {
            if self.keys.insert(key.clone()) {
                self.order.push_back(key);
            }
            while self.order.len() > self.capacity {
                if let Some(old) = self.order.pop_front() {
                    self.keys.remove(&old);
                }
            }
        }
    }

    /// How many events are remembered.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// True when none is.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

/// Why a body is not a push.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum PushError {
    /// The body is larger than [`MAX_BODY_BYTES`].
    TooLarge {
        /// Its length.
        len: usize,
    },
    /// The path is neither `/order/new` nor `/order/cancel`.
    UnknownPath(String),
    /// The body is not the push's JSON shape; the message names the field.
    Invalid {
        /// Which push.
        kind: EventKind,
        /// What is wrong.
        message: String,
    },
}

impl std::fmt::Display for PushError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::TooLarge { len } => write!(
                f,
                "the push body is {len} bytes, over the {MAX_BODY_BYTES} read"
            ),
            Self::UnknownPath(p) => write!(f, "{p:?} is neither /order/new nor /order/cancel"),
            Self::Invalid { kind, message } => write!(f, "not a valid {kind:?} push: {message}"),
        }
    }
}

impl std::error::Error for PushError {}

fn read<T: DeserializeOwned>(kind: EventKind, body: &[u8]) -> Result<T, PushError> {
    if body.len() > MAX_BODY_BYTES {
        return Err(PushError::TooLarge { len: body.len() });
    }
    let de = &mut serde_json::Deserializer::from_slice(body);
    serde_path_to_error::deserialize::<_, PushEnvelope<T>>(de)
        .map(|e| e.data)
        .map_err(|e| PushError::Invalid {
            kind,
            message: format!("{}: {}", e.path(), e.inner()),
        })
}

/// Decodes an `order/new` body.
pub fn decode_order_new(body: &[u8]) -> Result<OrderNew, PushError> {
    read(EventKind::New, body)
}

/// Decodes an `order/cancel` body.
pub fn decode_order_cancel(body: &[u8]) -> Result<OrderCancel, PushError> {
    read(EventKind::Cancel, body)
}

/// Decodes a push by the path it was posted to (ending in `/order/new` or
/// `/order/cancel`, any prefix and a trailing slash allowed). Never panics.
pub fn decode(path: &str, body: &[u8]) -> Result<Push, PushError> {
    let p = path.trim_end_matches('/');
    if p.ends_with(PATH_ORDER_NEW) {
        decode_order_new(body).map(Push::OrderNew)
    } else if p.ends_with(PATH_ORDER_CANCEL) {
        decode_order_cancel(body).map(Push::OrderCancel)
    } else {
        Err(PushError::UnknownPath(path.chars().take(200).collect()))
    }
}

/// The reply to a push: [`REPLY_OK`] when the seller took it, else [`REPLY_FAILED`].
pub fn reply(taken: bool) -> &'static [u8] {
    if taken { REPLY_OK } else { REPLY_FAILED }
}
