//! Yandex Market's API notifications: the `POST /notification` requests Yandex Market sends to
//! the seller's own server when something happens, and the answers that server gives.
//!
//! This module is the receiving side only (no HTTP server): [`decode`] turns a request body
//! into a typed [`Notification`], [`PushReply`] is the success answer and [`PushErrorReply`]
//! the error answer.
//!
//! How the exchange works (from Yandex Market's documentation, see the source below):
//!
//! - Yandex Market sends one event per request, as UTF-8 JSON, by `POST` to the seller's URL
//!   followed by [`PATH`], over HTTPS only (a certificate signed by a public authority; a
//!   self-signed one is refused). Requests come from the networks in [`SENDER_NETWORKS`]:
//!   check the peer address with [`is_sender_address`].
//! - The seller answers within [`REPLY_TIMEOUT`] (10 seconds), with `Content-Type:
//!   application/json`: HTTP 200 and a [`PushReply`] (the integration's name and version and
//!   when processing started); HTTP 400 and a [`PushErrorReply`] when the notification itself
//!   is wrong; HTTP 500 and a [`PushErrorReply`] when the seller's side failed. Any other
//!   status counts as a failure on the seller's side, like 500.
//! - A `PING` notification checks that the integration answers; reply 200 like any other.
//!
//! Handling a notification:
//!
//! - The same event may be notified more than once, notifications may arrive out of order,
//!   and by the time one arrives the order may have changed again. So a handler must be
//!   idempotent and must not trust the payload as the current state: treat a notification as
//!   "this order (return, chat, review) changed" and read the object again, for an order with
//!   `getBusinessOrders` (by its id), then keep whichever state is the latest by time
//!   ([`Notification::event_time`] against the times in the answer and in your own records).
//! - Do the slow work after answering (queue the ids): the answer has 10 seconds.
//! - A type this library does not know yet decodes as [`Notification::Unknown`] with the raw
//!   body: answer it with 200 too, so that Yandex Market does not count it as a failure.
//! - A body that cannot be read is a [`PushError`]: answer it with
//!   [`PushError::status`] (400) and [`PushError::reply`].
//!
//! ```
//! use yandex_market_api::push::{self, Notification, PushReply};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let body = br#"{"notificationType": "ORDER_CREATED", "campaignId": 21, "orderId": 42,
//!                 "createdAt": "2025-03-01T10:00:00+03:00", "items": []}"#;
//! let (status, answer) = match push::decode(body) {
//!     Ok(n) => {
//!         // Queue a re-read of the order, then answer.
//!         let _reread = (n.campaign_id(), n.order_id());
//!         let reply = PushReply::now("my-shop-integration", "1.4.0")?;
//!         (200, reply.to_json())
//!     }
//!     Err(e) => (e.status(), e.reply().to_json()),
//! };
//! assert_eq!(status, 200);
//! assert!(answer.contains("\"name\":\"my-shop-integration\""));
//! # Ok(()) }
//! ```
//!
//! Strict decoding (the crate's `strict` feature, for contract tests) turns unknown fields and
//! unknown enum values into errors; without it they are ignored or kept as `Unknown(..)`, as
//! Yandex Market warns that new status values appear.
//!
//! Source: the vendor's documentation page "Receiving notifications" (`sendNotification`),
//! read from the mirror repository `DragonSigh/yandex-market-api-docs`, file
//! `push-notifications/reference/sendNotification.md` at commit
//! `04b6121710ebc4d5086f90ca844c34ebba390e67` (crawled 2025-09-17), with
//! `push-notifications/concepts/data-format.md` of the same commit; the sender networks, the
//! HTTPS rule and the status codes from the pages `push-notifications` and
//! `push-notifications/concepts/error-codes` of yandex.ru/dev/market/partner-api/doc/en. The
//! notifications are not part of the OpenAPI document.

use std::fmt;
use std::net::{IpAddr, Ipv4Addr};
use std::time::Duration;

use chrono::{DateTime, SecondsFormat, Utc};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::ids::{BusinessId, CampaignId, OrderId, ReturnId};

/// The path Yandex Market posts to, below the URL set in the cabinet.
pub const PATH: &str = "/notification";
/// How long Yandex Market waits for the answer.
pub const REPLY_TIMEOUT: Duration = Duration::from_secs(10);
/// The content type of the requests and of every answer.
pub const CONTENT_TYPE: &str = "application/json";
/// The status of a processed notification (with a [`PushReply`]).
pub const STATUS_OK: u16 = 200;
/// The status of a notification that is itself wrong (with a [`PushErrorReply`]).
pub const STATUS_BAD_NOTIFICATION: u16 = 400;
/// The status of a failure on the seller's side (with a [`PushErrorReply`]).
pub const STATUS_SELLER_ERROR: u16 = 500;
/// The largest body [`decode`] reads; notifications are a few hundred bytes.
pub const MAX_BODY_BYTES: usize = 1024 * 1024;
/// The longest integration name or version in a [`PushReply`], in characters.
pub const REPLY_FIELD_MAX_CHARS: usize = 100;

/// The IPv4 networks Yandex Market sends notifications from (address, prefix length), as
/// its documentation lists them.
pub const SENDER_NETWORKS: &[(Ipv4Addr, u8)] = &[
    (Ipv4Addr::new(5, 45, 207, 0), 25),
    (Ipv4Addr::new(141, 8, 142, 0), 25),
    (Ipv4Addr::new(5, 255, 253, 0), 25),
];

/// Whether a peer address is in [`SENDER_NETWORKS`] (IPv4, or IPv4 mapped into IPv6).
pub fn is_sender_address(ip: IpAddr) -> bool {
    let v4 = match ip {
        IpAddr::V4(v4) => v4,
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4,
            None => return false,
        },
    };
    let ip = u32::from(v4);
    SENDER_NETWORKS.iter().any(|(net, len)| {
        let mask = u32::MAX.checked_shl(32 - u32::from(*len)).unwrap_or(0);
        ip & mask == u32::from(*net) & mask
    })
}

// ---------------------------------------------------------------------------------------------
// Enums of the payloads.
// ---------------------------------------------------------------------------------------------

// The order and return statuses of the notifications are the API's own enums (the same
// vendor schemas), defined by their sections.
pub use crate::models::orders::{OrderStatus, OrderSubstatus};
pub use crate::models::returns::{RefundStatus, ReturnShipmentStatus, ReturnType};

market_core::wire_enum! {
    /// What changed in an order (`OrderUpdateType`).
    pub enum OrderUpdateType {
        /// The shipment date.
        ShipmentDateUpdated = "SHIPMENT_DATE_UPDATED",
        /// The delivery date.
        DeliveryDateUpdated = "DELIVERY_DATE_UPDATED",
        /// Yandex Market's own `UNKNOWN` value (a value this library does not know is `Unknown(..)`).
        Unspecified = "UNKNOWN",
    }
}

market_core::wire_enum! {
    /// The kind of error an error answer reports (`NotificationApiErrorType`).
    pub enum PushErrorType {
        /// Any other error.
        Unspecified = "UNKNOWN",
        /// The notification is not in a format the seller reads.
        WrongEventFormat = "WRONG_EVENT_FORMAT",
        /// The notification repeats one already received.
        DuplicatedEvent = "DUPLICATED_EVENT",
    }
}

// ---------------------------------------------------------------------------------------------
// Payloads, one per notification type.
// ---------------------------------------------------------------------------------------------

/// `PING`: Yandex Market checks that the integration answers (`PingNotificationDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct Ping {
    /// When the check was sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<DateTime<Utc>>,
}

/// A line of an order in a notification (`NotificationOrderItemDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct PushOrderItem {
    /// The seller's SKU.
    #[serde(default)]
    pub offer_id: String,
    /// How many units.
    #[serde(default, deserialize_with = "market_core::wire::de::int64")]
    pub count: i64,
}

/// A line of a return in a notification (`NotificationReturnItemDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct PushReturnItem {
    /// The seller's SKU.
    #[serde(default)]
    pub offer_id: String,
    /// How many units.
    #[serde(default, deserialize_with = "market_core::wire::de::int64")]
    pub count: i64,
}

/// `ORDER_CREATED`: a new order (`OrderCreatedNotificationDTO`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OrderCreated {
    /// The shop.
    pub campaign_id: CampaignId,
    /// The order.
    pub order_id: OrderId,
    /// When the order was created.
    pub created_at: DateTime<Utc>,
    /// Its lines.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub items: Vec<PushOrderItem>,
}

/// `ORDER_CANCELLED`: an order was cancelled (`OrderCancelledNotificationDTO`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OrderCancelled {
    /// The shop.
    pub campaign_id: CampaignId,
    /// The order.
    pub order_id: OrderId,
    /// When it was cancelled.
    pub cancelled_at: DateTime<Utc>,
    /// Its lines.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub items: Vec<PushOrderItem>,
}

/// `ORDER_STATUS_UPDATED`: an order's status changed (`OrderStatusUpdatedNotificationDTO`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OrderStatusUpdated {
    /// The shop.
    pub campaign_id: CampaignId,
    /// The order.
    pub order_id: OrderId,
    /// The new status.
    pub status: OrderStatus,
    /// The new substatus (documented as always sent; read as optional).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub substatus: Option<OrderSubstatus>,
    /// When the status changed.
    pub updated_at: DateTime<Utc>,
}

/// `ORDER_CANCELLATION_REQUEST`: the buyer asks to cancel a DBS order
/// (`OrderCancellationRequestNotificationDTO`); answer it with `acceptOrderCancellation`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OrderCancellationRequest {
    /// The shop.
    pub campaign_id: CampaignId,
    /// The order.
    pub order_id: OrderId,
    /// When the buyer asked.
    pub requested_at: DateTime<Utc>,
}

/// `ORDER_RETURN_CREATED`: a new return or unredeemed order
/// (`OrderReturnCreatedNotificationDTO`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OrderReturnCreated {
    /// The shop.
    pub campaign_id: CampaignId,
    /// The order.
    pub order_id: OrderId,
    /// The return.
    pub return_id: ReturnId,
    /// A return or an unredeemed order.
    pub return_type: ReturnType,
    /// When the return was created.
    pub created_at: DateTime<Utc>,
    /// The lines coming back.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub items: Vec<PushReturnItem>,
}

/// The statuses of a return that changed (`NotificationUpdatedReturnStatusesDTO`): only the
/// one that changed is sent; unredeemed orders have only `shipment_status`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct PushReturnStatuses {
    /// The refund's new status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refund_status: Option<RefundStatus>,
    /// The returned parcel's new status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipment_status: Option<ReturnShipmentStatus>,
}

/// `ORDER_RETURN_STATUS_UPDATED`: a return's status changed
/// (`OrderReturnStatusUpdatedNotificationDTO`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OrderReturnStatusUpdated {
    /// The shop.
    pub campaign_id: CampaignId,
    /// The order.
    pub order_id: OrderId,
    /// The return.
    pub return_id: ReturnId,
    /// What changed.
    #[serde(default)]
    pub statuses: PushReturnStatuses,
    /// When it changed.
    pub updated_at: DateTime<Utc>,
}

/// `ORDER_UPDATED`: an order's shipment or delivery date changed
/// (`OrderUpdatedNotificationDTO`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OrderUpdated {
    /// The shop.
    pub campaign_id: CampaignId,
    /// The order.
    pub order_id: OrderId,
    /// What changed.
    pub update_type: OrderUpdateType,
    /// When it changed.
    pub updated_at: DateTime<Utc>,
}

/// `GOODS_FEEDBACK_CREATED`: a product review was published, after moderation
/// (`GoodsFeedbackCreatedNotificationDTO`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct GoodsFeedbackCreated {
    /// The business (cabinet).
    pub business_id: BusinessId,
    /// The review.
    #[serde(deserialize_with = "market_core::wire::de::int64")]
    pub feedback_id: i64,
    /// When the buyer wrote it.
    pub created_at: DateTime<Utc>,
    /// When it was published (after moderation).
    pub published_at: DateTime<Utc>,
}

/// `GOODS_FEEDBACK_COMMENT_CREATED`: a comment on a product review
/// (`GoodsFeedbackCommentCreatedNotificationDTO`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct GoodsFeedbackCommentCreated {
    /// The business (cabinet).
    pub business_id: BusinessId,
    /// The comment.
    #[serde(deserialize_with = "market_core::wire::de::int64")]
    pub comment_id: i64,
    /// When it was written.
    pub created_at: DateTime<Utc>,
}

/// `CHAT_CREATED`: a new chat with a buyer (`ChatCreatedNotificationDTO`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct ChatCreated {
    /// The business (cabinet).
    pub business_id: BusinessId,
    /// The chat.
    #[serde(deserialize_with = "market_core::wire::de::int64")]
    pub chat_id: i64,
    /// When it was created.
    pub created_at: DateTime<Utc>,
}

/// `CHAT_MESSAGE_SENT`: a new message in a chat (`ChatMessageSentNotificationDTO`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct ChatMessageSent {
    /// The business (cabinet).
    pub business_id: BusinessId,
    /// The chat.
    #[serde(deserialize_with = "market_core::wire::de::int64")]
    pub chat_id: i64,
    /// The message (a string; a number is read as its text).
    #[serde(deserialize_with = "market_core::wire::de::string_or_number")]
    pub message_id: String,
    /// When it was sent.
    pub sent_at: DateTime<Utc>,
}

/// `CHAT_ARBITRAGE_STARTED`: the buyer opened a dispute in a chat
/// (`ChatArbitrageStartedNotificationDTO`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct ChatArbitrageStarted {
    /// The business (cabinet).
    pub business_id: BusinessId,
    /// The chat.
    #[serde(deserialize_with = "market_core::wire::de::int64")]
    pub chat_id: i64,
    /// When the dispute started.
    pub started_at: DateTime<Utc>,
}

/// `CHAT_ARBITRAGE_FINISHED`: a dispute ended (`ChatArbitrageFinishedNotificationDTO`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct ChatArbitrageFinished {
    /// The business (cabinet).
    pub business_id: BusinessId,
    /// The chat.
    #[serde(deserialize_with = "market_core::wire::de::int64")]
    pub chat_id: i64,
    /// When the dispute ended.
    pub finished_at: DateTime<Utc>,
}

// ---------------------------------------------------------------------------------------------
// The notification.
// ---------------------------------------------------------------------------------------------

/// A notification from Yandex Market, by its `notificationType`.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Notification {
    /// `PING`.
    Ping(Ping),
    /// `ORDER_CREATED`.
    OrderCreated(OrderCreated),
    /// `ORDER_CANCELLED`.
    OrderCancelled(OrderCancelled),
    /// `ORDER_STATUS_UPDATED`.
    OrderStatusUpdated(OrderStatusUpdated),
    /// `ORDER_CANCELLATION_REQUEST`.
    OrderCancellationRequest(OrderCancellationRequest),
    /// `ORDER_RETURN_CREATED`.
    OrderReturnCreated(OrderReturnCreated),
    /// `ORDER_RETURN_STATUS_UPDATED`.
    OrderReturnStatusUpdated(OrderReturnStatusUpdated),
    /// `ORDER_UPDATED`.
    OrderUpdated(OrderUpdated),
    /// `GOODS_FEEDBACK_CREATED`.
    GoodsFeedbackCreated(GoodsFeedbackCreated),
    /// `GOODS_FEEDBACK_COMMENT_CREATED`.
    GoodsFeedbackCommentCreated(GoodsFeedbackCommentCreated),
    /// `CHAT_CREATED`.
    ChatCreated(ChatCreated),
    /// `CHAT_MESSAGE_SENT`.
    ChatMessageSent(ChatMessageSent),
    /// `CHAT_ARBITRAGE_STARTED`.
    ChatArbitrageStarted(ChatArbitrageStarted),
    /// `CHAT_ARBITRAGE_FINISHED`.
    ChatArbitrageFinished(ChatArbitrageFinished),
    /// A type this library does not know, kept whole.
    Unknown {
        /// Its `notificationType`.
        notification_type: String,
        /// The whole body, `notificationType` included.
        raw: Value,
    },
}

/// Reads a body (at most [`MAX_BODY_BYTES`]) as a [`Notification`]. Never panics: any input
/// that is not a notification is a [`PushError`].
pub fn decode(body: &[u8]) -> Result<Notification, PushError> {
    if body.len() > MAX_BODY_BYTES {
        return Err(PushError::TooLarge {
            len: body.len(),
            max: MAX_BODY_BYTES,
        });
    }
    let value: Value = serde_json::from_slice(body).map_err(|e| PushError::NotJson {
        message: e.to_string(),
    })?;
    Notification::from_value(value)
}

/// A payload read from the body without its `notificationType`.
fn payload<T: DeserializeOwned>(kind: &str, mut map: Map<String, Value>) -> Result<T, PushError> {
    map.remove("notificationType");
    serde_json::from_value(Value::Object(map)).map_err(|e| PushError::Invalid {
        notification_type: kind.to_owned(),
        message: e.to_string(),
    })
}

/// An id of an unknown notification's raw body, when it is an integer or a numeric string.
fn raw_id(raw: &Value, field: &str) -> Option<i64> {
    match raw.get(field)? {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

impl Notification {
    /// The `notificationType` values this library reads into typed variants.
    pub const KNOWN_TYPES: &'static [&'static str] = &[
        "PING",
        "ORDER_CREATED",
        "ORDER_CANCELLED",
        "ORDER_STATUS_UPDATED",
        "ORDER_CANCELLATION_REQUEST",
        "ORDER_RETURN_CREATED",
        "ORDER_RETURN_STATUS_UPDATED",
        "ORDER_UPDATED",
        "GOODS_FEEDBACK_CREATED",
        "GOODS_FEEDBACK_COMMENT_CREATED",
        "CHAT_CREATED",
        "CHAT_MESSAGE_SENT",
        "CHAT_ARBITRAGE_STARTED",
        "CHAT_ARBITRAGE_FINISHED",
    ];

    /// Reads a parsed body as a notification (see [`decode`]).
    pub fn from_value(value: Value) -> Result<Self, PushError> {
        let Value::Object(map) = value else {
            return Err(PushError::NotAnObject);
        };
        let kind = match map.get("notificationType") {
            Some(Value::String(s)) => s.clone(),
            Some(_) => {
                return Err(PushError::Invalid {
                    notification_type: String::new(),
                    message: "notificationType is not a string".into(),
                });
            }
            None => return Err(PushError::MissingType),
        };
        // Matched case-insensitively: the types are upper case in the spec, but a server
        // spelling one otherwise still means the same notification.
        let upper = kind.to_ascii_uppercase();
        let k = upper.as_str();
        Ok(match k {
            "PING" => Self::Ping(payload(k, map)?),
            "ORDER_CREATED" => Self::OrderCreated(payload(k, map)?),
            "ORDER_CANCELLED" => Self::OrderCancelled(payload(k, map)?),
            "ORDER_STATUS_UPDATED" => Self::OrderStatusUpdated(payload(k, map)?),
            "ORDER_CANCELLATION_REQUEST" => Self::OrderCancellationRequest(payload(k, map)?),
            "ORDER_RETURN_CREATED" => Self::OrderReturnCreated(payload(k, map)?),
            "ORDER_RETURN_STATUS_UPDATED" => Self::OrderReturnStatusUpdated(payload(k, map)?),
            "ORDER_UPDATED" => Self::OrderUpdated(payload(k, map)?),
            "GOODS_FEEDBACK_CREATED" => Self::GoodsFeedbackCreated(payload(k, map)?),
            "GOODS_FEEDBACK_COMMENT_CREATED" => Self::GoodsFeedbackCommentCreated(payload(k, map)?),
            "CHAT_CREATED" => Self::ChatCreated(payload(k, map)?),
            "CHAT_MESSAGE_SENT" => Self::ChatMessageSent(payload(k, map)?),
            "CHAT_ARBITRAGE_STARTED" => Self::ChatArbitrageStarted(payload(k, map)?),
            "CHAT_ARBITRAGE_FINISHED" => Self::ChatArbitrageFinished(payload(k, map)?),
            _ => Self::Unknown {
                notification_type: kind,
                raw: Value::Object(map),
            },
        })
    }

    /// The `notificationType`.
    pub fn notification_type(&self) -> &str {
        match self {
            Self::Ping(_) => "PING",
            Self::OrderCreated(_) => "ORDER_CREATED",
            Self::OrderCancelled(_) => "ORDER_CANCELLED",
            Self::OrderStatusUpdated(_) => "ORDER_STATUS_UPDATED",
            Self::OrderCancellationRequest(_) => "ORDER_CANCELLATION_REQUEST",
            Self::OrderReturnCreated(_) => "ORDER_RETURN_CREATED",
            Self::OrderReturnStatusUpdated(_) => "ORDER_RETURN_STATUS_UPDATED",
            Self::OrderUpdated(_) => "ORDER_UPDATED",
            Self::GoodsFeedbackCreated(_) => "GOODS_FEEDBACK_CREATED",
            Self::GoodsFeedbackCommentCreated(_) => "GOODS_FEEDBACK_COMMENT_CREATED",
            Self::ChatCreated(_) => "CHAT_CREATED",
            Self::ChatMessageSent(_) => "CHAT_MESSAGE_SENT",
            Self::ChatArbitrageStarted(_) => "CHAT_ARBITRAGE_STARTED",
            Self::ChatArbitrageFinished(_) => "CHAT_ARBITRAGE_FINISHED",
            Self::Unknown {
                notification_type, ..
            } => notification_type,
        }
    }

    /// Whether this is the `PING` check.
    pub fn is_ping(&self) -> bool {
        matches!(self, Self::Ping(_))
    }

    /// The order concerned: every `ORDER_*` type (an unknown type's `orderId` when it has a
    /// numeric one).
    pub fn order_id(&self) -> Option<OrderId> {
        match self {
            Self::OrderCreated(n) => Some(n.order_id),
            Self::OrderCancelled(n) => Some(n.order_id),
            Self::OrderStatusUpdated(n) => Some(n.order_id),
            Self::OrderCancellationRequest(n) => Some(n.order_id),
            Self::OrderReturnCreated(n) => Some(n.order_id),
            Self::OrderReturnStatusUpdated(n) => Some(n.order_id),
            Self::OrderUpdated(n) => Some(n.order_id),
            Self::Unknown { raw, .. } => raw_id(raw, "orderId").map(OrderId),
            _ => None,
        }
    }

    /// The shop concerned: every `ORDER_*` type (an unknown type's `campaignId` when it has a
    /// numeric one).
    pub fn campaign_id(&self) -> Option<CampaignId> {
        match self {
            Self::OrderCreated(n) => Some(n.campaign_id),
            Self::OrderCancelled(n) => Some(n.campaign_id),
            Self::OrderStatusUpdated(n) => Some(n.campaign_id),
            Self::OrderCancellationRequest(n) => Some(n.campaign_id),
            Self::OrderReturnCreated(n) => Some(n.campaign_id),
            Self::OrderReturnStatusUpdated(n) => Some(n.campaign_id),
            Self::OrderUpdated(n) => Some(n.campaign_id),
            Self::Unknown { raw, .. } => raw_id(raw, "campaignId").map(CampaignId),
            _ => None,
        }
    }

    /// The business concerned: the review and chat types (an unknown type's `businessId`
    /// when it has a numeric one).
    pub fn business_id(&self) -> Option<BusinessId> {
        match self {
            Self::GoodsFeedbackCreated(n) => Some(n.business_id),
            Self::GoodsFeedbackCommentCreated(n) => Some(n.business_id),
            Self::ChatCreated(n) => Some(n.business_id),
            Self::ChatMessageSent(n) => Some(n.business_id),
            Self::ChatArbitrageStarted(n) => Some(n.business_id),
            Self::ChatArbitrageFinished(n) => Some(n.business_id),
            Self::Unknown { raw, .. } => raw_id(raw, "businessId").map(BusinessId),
            _ => None,
        }
    }

    /// The return concerned (`ORDER_RETURN_*`).
    pub fn return_id(&self) -> Option<ReturnId> {
        match self {
            Self::OrderReturnCreated(n) => Some(n.return_id),
            Self::OrderReturnStatusUpdated(n) => Some(n.return_id),
            _ => None,
        }
    }

    /// When the event happened (`createdAt`, `updatedAt`, `cancelledAt`, ... by type; the
    /// sending time for `PING`): compare it with the times you hold and keep the later state.
    pub fn event_time(&self) -> Option<DateTime<Utc>> {
        match self {
            Self::Ping(n) => n.time,
            Self::OrderCreated(n) => Some(n.created_at),
            Self::OrderCancelled(n) => Some(n.cancelled_at),
            Self::OrderStatusUpdated(n) => Some(n.updated_at),
            Self::OrderCancellationRequest(n) => Some(n.requested_at),
            Self::OrderReturnCreated(n) => Some(n.created_at),
            Self::OrderReturnStatusUpdated(n) => Some(n.updated_at),
            Self::OrderUpdated(n) => Some(n.updated_at),
            Self::GoodsFeedbackCreated(n) => Some(n.published_at),
            Self::GoodsFeedbackCommentCreated(n) => Some(n.created_at),
            Self::ChatCreated(n) => Some(n.created_at),
            Self::ChatMessageSent(n) => Some(n.sent_at),
            Self::ChatArbitrageStarted(n) => Some(n.started_at),
            Self::ChatArbitrageFinished(n) => Some(n.finished_at),
            Self::Unknown { .. } => None,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Errors and answers.
// ---------------------------------------------------------------------------------------------

/// Why a body is not a notification.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum PushError {
    /// The body is larger than [`MAX_BODY_BYTES`].
    TooLarge {
        /// Its length.
        len: usize,
        /// The limit.
        max: usize,
    },
    /// The body is not JSON.
    NotJson {
        /// The parser's message.
        message: String,
    },
    /// The body is JSON but not an object.
    NotAnObject,
    /// The object has no `notificationType`.
    MissingType,
    /// A known type whose fields do not read (missing, mistyped), or a `notificationType` that
    /// is not a string.
    Invalid {
        /// The `notificationType` (empty when it is not a string).
        notification_type: String,
        /// What is wrong.
        message: String,
    },
}

impl fmt::Display for PushError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::TooLarge { len, max } => {
                write!(f, "the notification is {len} bytes long, at most {max}")
            }
            Self::NotJson { message } => write!(f, "the notification is not JSON: {message}"),
            Self::NotAnObject => f.write_str("the notification is not a JSON object"),
            Self::MissingType => f.write_str("the notification has no notificationType"),
            Self::Invalid {
                notification_type,
                message,
            } if notification_type.is_empty() => write!(f, "invalid notification: {message}"),
            Self::Invalid {
                notification_type,
                message,
            } => write!(f, "invalid {notification_type} notification: {message}"),
        }
    }
}

impl std::error::Error for PushError {}

impl PushError {
    /// The HTTP status to answer with: 400, the notification is wrong.
    pub fn status(&self) -> u16 {
        STATUS_BAD_NOTIFICATION
    }

    /// The body to answer with: `WRONG_EVENT_FORMAT` and this error's text.
    pub fn reply(&self) -> PushErrorReply {
        PushErrorReply::new(PushErrorType::WrongEventFormat, self.to_string())
    }
}

/// A JSON string literal of a text (never fails).
fn json_string(text: &str) -> String {
    Value::String(text.to_owned()).to_string()
}

/// The answer to a processed notification (HTTP 200): the integration's name and version,
/// and when processing started.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PushReply {
    /// The integration's name, 1 to 100 characters.
    pub name: String,
    /// When processing of the notification started.
    pub time: DateTime<Utc>,
    /// The integration's version, 1 to 100 characters.
    pub version: String,
}

impl PushReply {
    /// An answer; the name and version must be 1 to 100 characters.
    pub fn new(
        name: impl Into<String>,
        version: impl Into<String>,
        time: DateTime<Utc>,
    ) -> market_core::Result<Self> {
        let reply = Self {
            name: name.into(),
            time,
            version: version.into(),
        };
        for (field, value) in [("name", &reply.name), ("version", &reply.version)] {
            let n = value.chars().count();
            if n == 0 || n > REPLY_FIELD_MAX_CHARS {
                return Err(market_core::Error::validation(
                    format!("push reply {field}"),
                    format!("{n} characters, 1 to {REPLY_FIELD_MAX_CHARS} expected"),
                ));
            }
        }
        Ok(reply)
    }

    /// An answer stamped now.
    pub fn now(name: impl Into<String>, version: impl Into<String>) -> market_core::Result<Self> {
        Self::new(name, version, Utc::now())
    }

    /// The JSON body: `{"name":..,"time":..,"version":..}` (time in RFC 3339, UTC, `Z`).
    pub fn to_json(&self) -> String {
        format!(
            "{{\"name\":{},\"time\":{},\"version\":{}}}",
            json_string(&self.name),
            json_string(&self.time.to_rfc3339_opts(SecondsFormat::AutoSi, true)),
            json_string(&self.version)
        )
    }
}

/// The error of an error answer (`NotificationApiErrorDTO`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PushErrorDetail {
    /// The kind of error.
    #[serde(rename = "type")]
    pub error_type: PushErrorType,
    /// What went wrong.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// The answer to a notification that failed (HTTP 400 when the notification is wrong, 500
/// when the seller's side failed): `{"error": {"type": .., "message": ..}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PushErrorReply {
    /// The kind of failure (a wrong notification, answered 400, or the seller's own failure,
    /// answered 500) and its message.
    pub error: PushErrorDetail,
}

impl PushErrorReply {
    /// An error answer with a message.
    pub fn new(error_type: PushErrorType, message: impl Into<String>) -> Self {
        Self {
            error: PushErrorDetail {
                error_type,
                message: Some(message.into()),
            },
        }
    }

    /// The answer for a failure on the seller's side (to send with HTTP 500).
    pub fn seller_error(message: impl Into<String>) -> Self {
        Self::new(PushErrorType::Unspecified, message)
    }

    /// The JSON body.
    pub fn to_json(&self) -> String {
        let message = match &self.error.message {
            Some(m) => format!(",\"message\":{}", json_string(m)),
            None => String::new(),
        };
        format!(
            "{{\"error\":{{\"type\":{}{message}}}}}",
            json_string(self.error.error_type.as_str())
        )
    }
}
