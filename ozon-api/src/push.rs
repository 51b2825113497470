//! Ozon push notifications (webhooks): the messages Ozon posts to the seller's service, a
//! decoder that never panics, and the answers Ozon expects back.
//!
//! ```
//! use chrono::{TimeZone, Utc};
//! use ozon_api::push::{self, PushMessage};
//!
//! let body = br#"{"message_type": "TYPE_STATE_CHANGED", "posting_number": "57195475-0050-3",
//!     "new_state": "posting_delivered", "changed_state_date": "2024-05-02T09:30:00Z",
//!     "warehouse_id": 22142605386000, "seller_id": 836252}"#;
//! let now = Utc.with_ymd_and_hms(2024, 5, 2, 9, 30, 1).single().unwrap_or_default();
//! let (message, answer) = push::handle(body, "my-shop", "1.4.2", now);
//! assert!(matches!(message, Ok(PushMessage::StateChanged(_))));
//! assert_eq!(answer.status(), 200);
//! assert_eq!(answer.to_json(), r#"{"result":true}"#);
//! ```
//!
//! # Where the field lists come from
//!
//! Push notifications are not operations of the OpenAPI document, but Ozon's document carries
//! their description in the prose of its tags `push_intro`, `push_start`, `push_resending`,
//! `push_types` and `service_response` (the "Пуш-уведомления" group of docs.ozon.ru/api/seller).
//! Sources read:
//!
//! 1. Ozon's OpenAPI document of 2025-09 (the repository's copy of
//!    `salacoste/ozon-daytona-seller-api` `ozon-swagger-docs/swagger.json`, commit
//!    `e09ec01d0735494dc303d729d72799bfb4b61ae7`), tags above: the ping request and answer,
//!    the `{"result": true}` answer, the error answer and its three codes, and the 15 types
//!    `TYPE_PING` … `TYPE_CHAT_CLOSED` (including `TYPE_PRICE_INDEX_CHANGED`,
//!    `TYPE_CREATE_ITEM` and `TYPE_UPDATE_ITEM`) with their field tables.
//! 2. A later rendering of the docs.ozon.ru `push_types` page (Russian Markdown, content hash
//!    `f3f0ce467cc7b561`, found in the public code index; its repository is not named there), and
//!    an English rendering of the same page: `TYPE_NEW_POSTING` gained `products[].offer_id`,
//!    `shipment_date`, `tpl_integration_type`, `is_express`, `tracking_number`,
//!    `delivery_date_begin` and `delivery_date_end`; chats gained more `chat_type` values; and
//!    the types `TYPE_DESCRIPTION_CATEGORY_TREE_CHANGED`, `TYPE_FBO_POSTING_NEW`,
//!    `TYPE_FBO_POSTING_CANCELLED`, `TYPE_FBO_POSTING_STATE_CHANGED`,
//!    `TYPE_FBO_POSTING_DELIVERY_DATE_CHANGED`, `TYPE_FBO_STOCKS_CHANGED`, `TYPE_ORDER_NEW`,
//!    `TYPE_ORDER_CANCELLED` and `TYPE_ORDER_STATE_CHANGED` appeared.
//! 3. The `types` enum of `POST /v1/notification/list` (a Markdown rendering of that method),
//!    which names the same 21 non-ping types, and the test payloads of
//!    `muscobytes/laravel-ozon-seller-webhook` (`tests/Feature/EventDispatchedTest.php`), which
//!    agree with source 1.
//!
//! Unverified (documented in one source only, or contradicted by the docs themselves):
//! - every field of the nine types of source 2 (FBO, order and category-tree messages): only
//!   one page describes them, and two of its examples are not even valid JSON;
//! - `TYPE_ORDER_NEW`: the example has `created_at`, the table `creation_date`; both are read;
//! - `TYPE_FBO_STOCKS_CHANGED.stocks`: the table says array, the example is one object; both
//!   are read;
//! - `price_index`: documented as an int64, but a price index is a ratio; read as a decimal
//!   from an integer, a float or a string;
//! - `seller_id`: an integer in most types, a string (`"7"`) in the chat examples; both read;
//! - the chat examples spell the user type `Сustomer` with a Cyrillic `С`; read as `Customer`;
//! - `TYPE_PRICE_INDEX_CHANGED` is absent from the later page (possibly retired), and
//!   `TYPE_CREATE_ITEM`/`TYPE_UPDATE_ITEM` were announced as stopped on 2023-07-15; all three
//!   are still decoded.
//!
//! # HTTP statuses of the answers
//!
//! Ozon requires HTTP 200 for the ping and `{"result": true}` answers and "a 4xx or 5xx" for
//! errors without tying a status to a code. This crate answers `ERROR_PARAMETER_VALUE_MISSED`
//! with 400, `ERROR_REQUEST_DUPLICATED` with 409 and `ERROR_UNKNOWN` with 500
//! ([`PushResponse::with_status`] overrides). Mind that Ozon suspends delivery when fewer than
//! half of the answers are 200: a repeated notification is usually best acknowledged with
//! [`PushResponse::ok`].

use market_core::wire::de::{
    int64_or_zero, one_or_many, opt_enum, opt_enum_latin, opt_time, string_or_number_or_empty,
};
use market_core::wire::ser::utc_seconds;

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::de::{DeserializeOwned, Error as _};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

use crate::ids::{PostingNumber, ProductId, Sku, WarehouseId};

/// At most this many bytes of a body are quoted in a [`PushError`].
pub const EXCERPT_LEN: usize = 256;

/// The `Content-Type` of every [`PushResponse`] body.
pub const CONTENT_TYPE: &str = "application/json";

// ---------------------------------------------------------------------------------------------
// Wire enums
// ---------------------------------------------------------------------------------------------

market_core::wire_enum! {
    /// A posting status in the push model (`old_state`/`new_state`), FBS, rFBS and FBO; these
    /// differ from the Seller API's statuses (`posting_created` is `awaiting_packaging`...).
    pub enum PushPostingState {
        /// Acceptance in progress.
        AcceptanceInProgress = "posting_acceptance_in_progress",
        /// Created (Seller API: awaiting approval or packaging).
        Created = "posting_created",
        /// Awaiting registration.
        AwaitingRegistration = "posting_awaiting_registration",
        /// Being packed (FBO).
        Packing = "posting_packing",
        /// Being handed over to delivery.
        TransferringToDelivery = "posting_transferring_to_delivery",
        /// In a carriage.
        InCarriage = "posting_in_carriage",
        /// Not added to a carriage.
        NotInCarriage = "posting_not_in_carriage",
        /// In arbitration.
        InArbitration = "posting_in_arbitration",
        /// In the customer's delivery arbitration.
        InClientArbitration = "posting_in_client_arbitration",
        /// On the way to the city.
        OnWayToCity = "posting_on_way_to_city",
        /// Being handed over to the courier.
        TransferredToCourierService = "posting_transferred_to_courier_service",
        /// The courier is on the way.
        InCourierService = "posting_in_courier_service",
        /// Returned to the warehouse (FBO).
        ReturnedToWarehouse = "posting_returned_to_warehouse",
        /// On the way to the pick-up point.
        OnWayToPickupPoint = "posting_on_way_to_pickup_point",
        /// At the pick-up point.
        InPickupPoint = "posting_in_pickup_point",
        /// Conditionally delivered.
        ConditionallyDelivered = "posting_conditionally_delivered",
        /// With the driver.
        DriverPickUp = "posting_driver_pick_up",
        /// Delivered.
        Delivered = "posting_delivered",
        /// Received.
        Received = "posting_received",
        /// Cancelled (Ozon's spelling: one `l`).
        Canceled = "posting_canceled",
        /// Not accepted at the sorting centre.
        NotInSortCenter = "posting_not_in_sort_center",
    }
}

/// How the delivery service of an FBS/rFBS posting is integrated (`tpl_integration_type`):
/// the same enum as the posting lists'.
pub use crate::models::fbs::TplIntegrationType;

market_core::wire_enum! {
    /// The kind of chat of a chat notification (`chat_type`).
    pub enum ChatType {
        /// With Ozon support.
        SellerSupport = "Seller_Support",
        /// With a buyer.
        BuyerSeller = "Buyer_Seller",
        /// Ozon's notifications.
        SellerNotification = "Seller_Notification",
        /// Seller API updates.
        SellerApiUpdates = "Seller_API_Updates",
        /// Seller API notifications.
        SellerApiNotifications = "Seller_API_Notifications",
        /// Ozon Delivery notifications.
        SellerNotificationLogistics = "Seller_Notification_Logistics",
        /// With an Ozon Select buyer.
        BuyerSellerSelect = "Buyer_Seller_Select",
        /// With the seller's personal manager.
        SellerPersonalManagerUnityCrm = "Seller_Personal_Manager_Unity_Crm",
        /// With Ozon's business development group.
        SellerBusinessDevelopmentGroup = "Seller_Business_Development_Group",
    }
}

market_core::wire_enum! {
    /// Who wrote, read or closed a chat message (`user.type`).
    pub enum ChatUserType {
        /// A buyer.
        Customer = "Customer",
        /// Ozon support.
        Support = "Support",
        /// Ozon itself.
        NotificationUser = "NotificationUser",
    }
}

market_core::wire_enum! {
    /// The error code of an error answer to Ozon (`error.code`).
    pub enum PushErrorCode {
        /// Any other error.
        UnknownError = "ERROR_UNKNOWN",
        /// One or more values are missing.
        ParameterValueMissed = "ERROR_PARAMETER_VALUE_MISSED",
        /// The notification was already received.
        RequestDuplicated = "ERROR_REQUEST_DUPLICATED",
    }
}

impl PushErrorCode {
    /// The HTTP status this crate answers the code with: 400, 409, or 500 for `ERROR_UNKNOWN`
    /// and codes it does not know (Ozon only asks for some 4xx or 5xx).
    pub fn status(&self) -> u16 {
        match self {
            Self::ParameterValueMissed => 400,
            Self::RequestDuplicated => 409,
            Self::UnknownError | Self::Unknown(_) => 500,
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Messages
// ---------------------------------------------------------------------------------------------

/// `TYPE_PING`: Ozon checks that the service is up, on connection and periodically.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Ping {
    /// When Ozon sent the check (UTC).
    #[serde(default, deserialize_with = "opt_time")]
    pub time: Option<DateTime<Utc>>,
}

/// A product line of a posting notification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PushProduct {
    /// Ozon's SKU.
    #[serde(default)]
    pub sku: Sku,
    /// The seller's article (`TYPE_NEW_POSTING` only, and only in later docs).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub offer_id: String,
    /// Units.
    #[serde(default, deserialize_with = "int64_or_zero")]
    pub quantity: i64,
}

/// Why a posting was cancelled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CancelReason {
    /// The reason id.
    #[serde(default, deserialize_with = "int64_or_zero")]
    pub id: i64,
    /// The reason as text.
    #[serde(default, deserialize_with = "string_or_number_or_empty")]
    pub message: String,
}

/// `TYPE_NEW_POSTING`: a new FBS or rFBS posting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct NewPosting {
    /// Ozon's posting number (`57195475-0050-3`: the order number and the shipment's index).
    #[serde(default)]
    pub posting_number: PostingNumber,
    /// The posting's lines, one per product.
    #[serde(default)]
    pub products: Vec<PushProduct>,
    /// When processing started; empty when the order was paid late.
    #[serde(default, deserialize_with = "opt_time")]
    pub in_process_at: Option<DateTime<Utc>>,
    /// The warehouse the posting ships from.
    #[serde(default)]
    pub warehouse_id: WarehouseId,
    /// The time by which the posting must be packed.
    #[serde(default, deserialize_with = "opt_time")]
    pub shipment_date: Option<DateTime<Utc>>,
    /// How the delivery service is integrated.
    #[serde(default, deserialize_with = "opt_enum")]
    pub tpl_integration_type: Option<TplIntegrationType>,
    /// Whether it is an express delivery.
    #[serde(default)]
    pub is_express: bool,
    /// The tracking number, if any.
    #[serde(default, deserialize_with = "string_or_number_or_empty")]
    pub tracking_number: String,
    /// Start of the delivery interval.
    #[serde(default, deserialize_with = "opt_time")]
    pub delivery_date_begin: Option<DateTime<Utc>>,
    /// End of the delivery interval.
    #[serde(default, deserialize_with = "opt_time")]
    pub delivery_date_end: Option<DateTime<Utc>>,
    /// The seller's `Client-Id` (a number, or a string in chat messages); 0 when Ozon sends `null`.
    #[serde(default, deserialize_with = "int64_or_zero")]
    pub seller_id: i64,
}

/// `TYPE_POSTING_CANCELLED`: an FBS or rFBS posting was cancelled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PostingCancelled {
    /// Ozon's posting number (`57195475-0050-3`: the order number and the shipment's index).
    #[serde(default)]
    pub posting_number: PostingNumber,
    /// The posting's lines, one per product.
    #[serde(default)]
    pub products: Vec<PushProduct>,
    /// The status before the cancellation.
    #[serde(default, deserialize_with = "opt_enum")]
    pub old_state: Option<PushPostingState>,
    /// The new status (`posting_canceled`).
    #[serde(default, deserialize_with = "opt_enum")]
    pub new_state: Option<PushPostingState>,
    /// When the status changed.
    #[serde(default, deserialize_with = "opt_time")]
    pub changed_state_date: Option<DateTime<Utc>>,
    /// Why.
    #[serde(default)]
    pub reason: Option<CancelReason>,
    /// The warehouse of the posting.
    #[serde(default)]
    pub warehouse_id: WarehouseId,
    /// The seller's `Client-Id` (a number, or a string in chat messages); 0 when Ozon sends `null`.
    #[serde(default, deserialize_with = "int64_or_zero")]
    pub seller_id: i64,
}

/// `TYPE_STATE_CHANGED`: an FBS or rFBS posting changed status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct StateChanged {
    /// Ozon's posting number (`57195475-0050-3`: the order number and the shipment's index).
    #[serde(default)]
    pub posting_number: PostingNumber,
    /// The new status.
    #[serde(default, deserialize_with = "opt_enum")]
    pub new_state: Option<PushPostingState>,
    /// When the status changed.
    #[serde(default, deserialize_with = "opt_time")]
    pub changed_state_date: Option<DateTime<Utc>>,
    /// The warehouse of the posting.
    #[serde(default)]
    pub warehouse_id: WarehouseId,
    /// The seller's `Client-Id` (a number, or a string in chat messages); 0 when Ozon sends `null`.
    #[serde(default, deserialize_with = "int64_or_zero")]
    pub seller_id: i64,
}

/// `TYPE_CUTOFF_DATE_CHANGED`: the shipping (cut-off) time of a posting changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CutoffDateChanged {
    /// Ozon's posting number (`57195475-0050-3`: the order number and the shipment's index).
    #[serde(default)]
    pub posting_number: PostingNumber,
    /// The new shipping time; empty while the delivery interval is being reassigned.
    #[serde(default, deserialize_with = "opt_time")]
    pub new_cutoff_date: Option<DateTime<Utc>>,
    /// The previous shipping time.
    #[serde(default, deserialize_with = "opt_time")]
    pub old_cutoff_date: Option<DateTime<Utc>>,
    /// The warehouse of the posting.
    #[serde(default)]
    pub warehouse_id: WarehouseId,
    /// The seller's `Client-Id` (a number, or a string in chat messages); 0 when Ozon sends `null`.
    #[serde(default, deserialize_with = "int64_or_zero")]
    pub seller_id: i64,
}

/// `TYPE_DELIVERY_DATE_CHANGED`: the delivery interval of an FBS or rFBS posting changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct DeliveryDateChanged {
    /// Ozon's posting number (`57195475-0050-3`: the order number and the shipment's index).
    #[serde(default)]
    pub posting_number: PostingNumber,
    /// New interval start; empty while the interval is being reassigned.
    #[serde(default, deserialize_with = "opt_time")]
    pub new_delivery_date_begin: Option<DateTime<Utc>>,
    /// New interval end; empty while the interval is being reassigned.
    #[serde(default, deserialize_with = "opt_time")]
    pub new_delivery_date_end: Option<DateTime<Utc>>,
    /// Previous interval start.
    #[serde(default, deserialize_with = "opt_time")]
    pub old_delivery_date_begin: Option<DateTime<Utc>>,
    /// Previous interval end.
    #[serde(default, deserialize_with = "opt_time")]
    pub old_delivery_date_end: Option<DateTime<Utc>>,
    /// The warehouse of the posting.
    #[serde(default)]
    pub warehouse_id: WarehouseId,
    /// The seller's `Client-Id` (a number, or a string in chat messages); 0 when Ozon sends `null`.
    #[serde(default, deserialize_with = "int64_or_zero")]
    pub seller_id: i64,
}

/// `TYPE_CREATE_OR_UPDATE_ITEM`, `TYPE_CREATE_ITEM`, `TYPE_UPDATE_ITEM`: a product was
/// created or updated, or that failed (the three types share this shape).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ItemChanged {
    /// The seller's `Client-Id` (a number, or a string in chat messages); 0 when Ozon sends `null`.
    #[serde(default, deserialize_with = "int64_or_zero")]
    pub seller_id: i64,
    /// The seller's article.
    #[serde(default, deserialize_with = "string_or_number_or_empty")]
    pub offer_id: String,
    /// Ozon's product id.
    #[serde(default)]
    pub product_id: ProductId,
    /// True when the product was not created or updated because of errors.
    #[serde(default)]
    pub is_error: bool,
    /// When it happened.
    #[serde(default, deserialize_with = "opt_time")]
    pub changed_at: Option<DateTime<Utc>>,
}

/// `TYPE_PRICE_INDEX_CHANGED`: a product's price index changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PriceIndexChanged {
    /// The seller's `Client-Id` (a number, or a string in chat messages); 0 when Ozon sends `null`.
    #[serde(default, deserialize_with = "int64_or_zero")]
    pub seller_id: i64,
    /// When the index changed.
    #[serde(default, deserialize_with = "opt_time")]
    pub updated_at: Option<DateTime<Utc>>,
    /// Ozon's SKU.
    #[serde(default)]
    pub sku: Sku,
    /// Ozon's product id.
    #[serde(default)]
    pub product_id: ProductId,
    /// The price index (documented as an integer; read exactly from any number or string).
    #[serde(default, deserialize_with = "market_core::wire::de::opt_decimal")]
    pub price_index: Option<Decimal>,
}

/// One warehouse's stock in [`StocksChanged`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct WarehouseStock {
    /// The seller's warehouse.
    #[serde(default)]
    pub warehouse_id: WarehouseId,
    /// Units at the warehouse in total.
    #[serde(default, deserialize_with = "int64_or_zero")]
    pub present: i64,
    /// Units reserved.
    #[serde(default, deserialize_with = "int64_or_zero")]
    pub reserved: i64,
}

/// One product of [`StocksChanged`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct StocksChangedItem {
    /// Ozon's product id.
    #[serde(default)]
    pub product_id: ProductId,
    /// Ozon's SKU (FBS/rFBS).
    #[serde(default)]
    pub sku: Sku,
    /// When the stock changed.
    #[serde(default, deserialize_with = "opt_time")]
    pub updated_at: Option<DateTime<Utc>>,
    /// Stock per warehouse.
    #[serde(default)]
    pub stocks: Vec<WarehouseStock>,
}

/// `TYPE_STOCKS_CHANGED`: stock changed at the seller's warehouses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct StocksChanged {
    /// The seller's `Client-Id` (a number, or a string in chat messages); 0 when Ozon sends `null`.
    #[serde(default, deserialize_with = "int64_or_zero")]
    pub seller_id: i64,
    /// The products whose stock changed.
    #[serde(default)]
    pub items: Vec<StocksChangedItem>,
}

/// The author, reader or closer of a chat message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ChatUser {
    /// The user's id.
    #[serde(default, deserialize_with = "string_or_number_or_empty")]
    pub id: String,
    /// The kind of user (`type`).
    #[serde(rename = "type", default, deserialize_with = "opt_enum_latin")]
    pub kind: Option<ChatUserType>,
}

/// `TYPE_NEW_MESSAGE`: a new chat message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct NewMessage {
    /// The chat's id (a UUID: `5e767c03-b400-4a1b-8b1e-6f5dc4f3d9a2`).
    #[serde(default, deserialize_with = "string_or_number_or_empty")]
    pub chat_id: String,
    /// The kind of chat.
    #[serde(default, deserialize_with = "opt_enum")]
    pub chat_type: Option<ChatType>,
    /// The message's id (digits sent as a string: `3000000001234567890`).
    #[serde(default, deserialize_with = "string_or_number_or_empty")]
    pub message_id: String,
    /// When it was written.
    #[serde(default, deserialize_with = "opt_time")]
    pub created_at: Option<DateTime<Utc>>,
    /// Who wrote it.
    #[serde(default)]
    pub user: Option<ChatUser>,
    /// The content, as Markdown parts.
    #[serde(default)]
    pub data: Vec<String>,
    /// The seller's `Client-Id` (a number, or a string in chat messages); 0 when Ozon sends `null`.
    #[serde(default, deserialize_with = "int64_or_zero")]
    pub seller_id: i64,
}

/// `TYPE_UPDATE_MESSAGE`: a chat message was edited.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct UpdateMessage {
    /// The chat's id (a UUID: `5e767c03-b400-4a1b-8b1e-6f5dc4f3d9a2`).
    #[serde(default, deserialize_with = "string_or_number_or_empty")]
    pub chat_id: String,
    /// The kind of chat.
    #[serde(default, deserialize_with = "opt_enum")]
    pub chat_type: Option<ChatType>,
    /// The message's id (digits sent as a string: `3000000001234567890`).
    #[serde(default, deserialize_with = "string_or_number_or_empty")]
    pub message_id: String,
    /// When it was written.
    #[serde(default, deserialize_with = "opt_time")]
    pub created_at: Option<DateTime<Utc>>,
    /// When it was edited.
    #[serde(default, deserialize_with = "opt_time")]
    pub updated_at: Option<DateTime<Utc>>,
    /// Who wrote it.
    #[serde(default)]
    pub user: Option<ChatUser>,
    /// The new content, as Markdown parts.
    #[serde(default)]
    pub data: Vec<String>,
    /// The seller's `Client-Id` (a number, or a string in chat messages); 0 when Ozon sends `null`.
    #[serde(default, deserialize_with = "int64_or_zero")]
    pub seller_id: i64,
}

/// `TYPE_MESSAGE_READ`: a buyer or support read the seller's message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct MessageRead {
    /// The chat's id (a UUID: `5e767c03-b400-4a1b-8b1e-6f5dc4f3d9a2`).
    #[serde(default, deserialize_with = "string_or_number_or_empty")]
    pub chat_id: String,
    /// The kind of chat.
    #[serde(default, deserialize_with = "opt_enum")]
    pub chat_type: Option<ChatType>,
    /// The message's id (digits sent as a string: `3000000001234567890`).
    #[serde(default, deserialize_with = "string_or_number_or_empty")]
    pub message_id: String,
    /// When it was written.
    #[serde(default, deserialize_with = "opt_time")]
    pub created_at: Option<DateTime<Utc>>,
    /// Who read it.
    #[serde(default)]
    pub user: Option<ChatUser>,
    /// The id of the last message read in the chat (digits sent as a string).
    #[serde(default, deserialize_with = "string_or_number_or_empty")]
    pub last_read_message_id: String,
    /// The seller's `Client-Id` (a number, or a string in chat messages); 0 when Ozon sends `null`.
    #[serde(default, deserialize_with = "int64_or_zero")]
    pub seller_id: i64,
}

/// `TYPE_CHAT_CLOSED`: a chat was closed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ChatClosed {
    /// The chat's id (a UUID: `5e767c03-b400-4a1b-8b1e-6f5dc4f3d9a2`).
    #[serde(default, deserialize_with = "string_or_number_or_empty")]
    pub chat_id: String,
    /// The kind of chat.
    #[serde(default, deserialize_with = "opt_enum")]
    pub chat_type: Option<ChatType>,
    /// Who closed it.
    #[serde(default)]
    pub user: Option<ChatUser>,
    /// The seller's `Client-Id` (a number, or a string in chat messages); 0 when Ozon sends `null`.
    #[serde(default, deserialize_with = "int64_or_zero")]
    pub seller_id: i64,
}

/// `TYPE_DESCRIPTION_CATEGORY_TREE_CHANGED`: the description category tree changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct DescriptionCategoryTreeChanged {
    /// When it changed.
    #[serde(default, deserialize_with = "opt_time")]
    pub changed_at: Option<DateTime<Utc>>,
}

/// `TYPE_FBO_POSTING_NEW`: a new FBO posting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct FboPostingNew {
    /// Ozon's posting number (`57195475-0050-3`: the order number and the shipment's index).
    #[serde(default)]
    pub posting_number: PostingNumber,
    /// The order number (`57195475-0050`): the posting number without its last part; the postings
    /// of one order share it.
    #[serde(default, deserialize_with = "string_or_number_or_empty")]
    pub order_number: String,
    /// The event's unique id (for de-duplication).
    #[serde(default, deserialize_with = "string_or_number_or_empty")]
    pub uuid: String,
    /// The posting's lines, one per product.
    #[serde(default)]
    pub products: Vec<PushProduct>,
    /// When the posting was created.
    #[serde(default, deserialize_with = "opt_time")]
    pub creation_date: Option<DateTime<Utc>>,
    /// The Ozon warehouse.
    #[serde(default)]
    pub warehouse_id: WarehouseId,
    /// The seller's `Client-Id` (a number, or a string in chat messages); 0 when Ozon sends `null`.
    #[serde(default, deserialize_with = "int64_or_zero")]
    pub seller_id: i64,
}

/// `TYPE_FBO_POSTING_CANCELLED`: an FBO posting was cancelled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct FboPostingCancelled {
    /// Ozon's posting number (`57195475-0050-3`: the order number and the shipment's index).
    #[serde(default)]
    pub posting_number: PostingNumber,
    /// The order number (`57195475-0050`): the posting number without its last part; the postings
    /// of one order share it.
    #[serde(default, deserialize_with = "string_or_number_or_empty")]
    pub order_number: String,
    /// The event's unique id (for de-duplication).
    #[serde(default, deserialize_with = "string_or_number_or_empty")]
    pub uuid: String,
    /// The posting's lines, one per product.
    #[serde(default)]
    pub products: Vec<PushProduct>,
    /// The status before the cancellation.
    #[serde(default, deserialize_with = "opt_enum")]
    pub old_state: Option<PushPostingState>,
    /// The new status (`posting_canceled`).
    #[serde(default, deserialize_with = "opt_enum")]
    pub new_state: Option<PushPostingState>,
    /// When it was cancelled.
    #[serde(default, deserialize_with = "opt_time")]
    pub cancel_date: Option<DateTime<Utc>>,
    /// Why.
    #[serde(default)]
    pub reason: Option<CancelReason>,
    /// The Ozon warehouse.
    #[serde(default)]
    pub warehouse_id: WarehouseId,
    /// The seller's `Client-Id` (a number, or a string in chat messages); 0 when Ozon sends `null`.
    #[serde(default, deserialize_with = "int64_or_zero")]
    pub seller_id: i64,
}

/// `TYPE_FBO_POSTING_STATE_CHANGED`: an FBO posting changed status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct FboPostingStateChanged {
    /// Ozon's posting number (`57195475-0050-3`: the order number and the shipment's index).
    #[serde(default)]
    pub posting_number: PostingNumber,
    /// The order number (`57195475-0050`): the posting number without its last part; the postings
    /// of one order share it.
    #[serde(default, deserialize_with = "string_or_number_or_empty")]
    pub order_number: String,
    /// The event's unique id (for de-duplication).
    #[serde(default, deserialize_with = "string_or_number_or_empty")]
    pub uuid: String,
    /// The new status.
    #[serde(default, deserialize_with = "opt_enum")]
    pub new_state: Option<PushPostingState>,
    /// When the status changed.
    #[serde(default, deserialize_with = "opt_time")]
    pub changed_state_date: Option<DateTime<Utc>>,
    /// The Ozon warehouse.
    #[serde(default)]
    pub warehouse_id: WarehouseId,
    /// The seller's `Client-Id` (a number, or a string in chat messages); 0 when Ozon sends `null`.
    #[serde(default, deserialize_with = "int64_or_zero")]
    pub seller_id: i64,
}

/// `TYPE_FBO_POSTING_DELIVERY_DATE_CHANGED`: the delivery interval of an FBO posting changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct FboPostingDeliveryDateChanged {
    /// Ozon's posting number (`57195475-0050-3`: the order number and the shipment's index).
    #[serde(default)]
    pub posting_number: PostingNumber,
    /// The order number (`57195475-0050`): the posting number without its last part; the postings
    /// of one order share it.
    #[serde(default, deserialize_with = "string_or_number_or_empty")]
    pub order_number: String,
    /// The event's unique id (for de-duplication).
    #[serde(default, deserialize_with = "string_or_number_or_empty")]
    pub uuid: String,
    /// Previous interval start.
    #[serde(default, deserialize_with = "opt_time")]
    pub old_delivery_date_begin: Option<DateTime<Utc>>,
    /// Previous interval end.
    #[serde(default, deserialize_with = "opt_time")]
    pub old_delivery_date_end: Option<DateTime<Utc>>,
    /// New interval start.
    #[serde(default, deserialize_with = "opt_time")]
    pub new_delivery_date_begin: Option<DateTime<Utc>>,
    /// New interval end.
    #[serde(default, deserialize_with = "opt_time")]
    pub new_delivery_date_end: Option<DateTime<Utc>>,
    /// The Ozon warehouse.
    #[serde(default)]
    pub warehouse_id: WarehouseId,
    /// The seller's `Client-Id` (a number, or a string in chat messages); 0 when Ozon sends `null`.
    #[serde(default, deserialize_with = "int64_or_zero")]
    pub seller_id: i64,
}

/// Stock before and after a change in [`FboStocksChanged`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct FboStockChange {
    /// Units in total, now.
    #[serde(default, deserialize_with = "int64_or_zero")]
    pub new_present: i64,
    /// Units reserved, now.
    #[serde(default, deserialize_with = "int64_or_zero")]
    pub new_reserved: i64,
    /// Units in total, before.
    #[serde(default, deserialize_with = "int64_or_zero")]
    pub old_present: i64,
    /// Units reserved, before.
    #[serde(default, deserialize_with = "int64_or_zero")]
    pub old_reserved: i64,
}

/// `TYPE_FBO_STOCKS_CHANGED`: stock changed at Ozon's warehouses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct FboStocksChanged {
    /// Ozon's SKU.
    #[serde(default)]
    pub sku: Sku,
    /// The change (documented both as one object and as an array; both are read).
    #[serde(default, deserialize_with = "one_or_many")]
    pub stocks: Vec<FboStockChange>,
    /// When it changed.
    #[serde(default, deserialize_with = "opt_time")]
    pub updated_at: Option<DateTime<Utc>>,
    /// The seller's `Client-Id` (a number, or a string in chat messages); 0 when Ozon sends `null`.
    #[serde(default, deserialize_with = "int64_or_zero")]
    pub seller_id: i64,
}

/// `TYPE_ORDER_NEW`: a new order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct OrderNew {
    /// The order number (`57195475-0050`): the posting number without its last part; the postings
    /// of one order share it.
    #[serde(default, deserialize_with = "string_or_number_or_empty")]
    pub order_number: String,
    /// Ozon's numeric id of the order.
    #[serde(default, deserialize_with = "int64_or_zero")]
    pub order_id: i64,
    /// The event's unique id (for de-duplication).
    #[serde(default, deserialize_with = "string_or_number_or_empty")]
    pub uuid: String,
    /// When the order was created, as the docs' example names it.
    #[serde(default, deserialize_with = "opt_time")]
    pub created_at: Option<DateTime<Utc>>,
    /// When the order was created, as the docs' field table names it.
    #[serde(default, deserialize_with = "opt_time")]
    pub creation_date: Option<DateTime<Utc>>,
    /// The seller's `Client-Id` (a number, or a string in chat messages); 0 when Ozon sends `null`.
    #[serde(default, deserialize_with = "int64_or_zero")]
    pub seller_id: i64,
}

impl OrderNew {
    /// When the order was created, whichever of the two documented fields carries it.
    pub fn created(&self) -> Option<DateTime<Utc>> {
        self.created_at.or(self.creation_date)
    }
}

/// `TYPE_ORDER_CANCELLED`: an order was cancelled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct OrderCancelled {
    /// The order number (`57195475-0050`): the posting number without its last part; the postings
    /// of one order share it.
    #[serde(default, deserialize_with = "string_or_number_or_empty")]
    pub order_number: String,
    /// Ozon's numeric id of the order.
    #[serde(default, deserialize_with = "int64_or_zero")]
    pub order_id: i64,
    /// The event's unique id (for de-duplication).
    #[serde(default, deserialize_with = "string_or_number_or_empty")]
    pub uuid: String,
    /// When it was cancelled.
    #[serde(default, deserialize_with = "opt_time")]
    pub cancelled_at: Option<DateTime<Utc>>,
    /// The seller's `Client-Id` (a number, or a string in chat messages); 0 when Ozon sends `null`.
    #[serde(default, deserialize_with = "int64_or_zero")]
    pub seller_id: i64,
}

/// `TYPE_ORDER_STATE_CHANGED`: an order changed status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct OrderStateChanged {
    /// The order number (`57195475-0050`): the posting number without its last part; the postings
    /// of one order share it.
    #[serde(default, deserialize_with = "string_or_number_or_empty")]
    pub order_number: String,
    /// Ozon's numeric id of the order.
    #[serde(default, deserialize_with = "int64_or_zero")]
    pub order_id: i64,
    /// The event's unique id (for de-duplication).
    #[serde(default, deserialize_with = "string_or_number_or_empty")]
    pub uuid: String,
    /// The previous status (e.g. `order_in_delivery`; the docs list no values).
    #[serde(default, deserialize_with = "string_or_number_or_empty")]
    pub old_state: String,
    /// The new status (e.g. `order_done`).
    #[serde(default, deserialize_with = "string_or_number_or_empty")]
    pub new_state: String,
    /// When the status changed.
    #[serde(default, deserialize_with = "opt_time")]
    pub updated_at: Option<DateTime<Utc>>,
    /// The seller's `Client-Id` (a number, or a string in chat messages); 0 when Ozon sends `null`.
    #[serde(default, deserialize_with = "int64_or_zero")]
    pub seller_id: i64,
}

macro_rules! push_messages {
    ($( $(#[$meta:meta])* $variant:ident($ty:ty) = $wire:literal, )+) => {
        /// A push notification from Ozon, by its `message_type`.
        #[derive(Debug, Clone, PartialEq)]
        #[non_exhaustive]
        pub enum PushMessage {
            $( $(#[$meta])* $variant($ty), )+
            /// A type this version does not know (an error instead under the `strict` feature).
            Unknown {
                /// The `message_type`.
                message_type: String,
                /// The whole message.
                raw: Value,
            },
        }

        impl PushMessage {
            /// Every `message_type` this version decodes.
            pub const KNOWN_TYPES: &'static [&'static str] = &[$($wire),+];

            /// The `message_type`.
            pub fn message_type(&self) -> &str {
                match self {
                    $( Self::$variant(_) => $wire, )+
                    Self::Unknown { message_type, .. } => message_type,
                }
            }

            /// The message as JSON, without its `message_type`.
            fn fields(&self) -> Result<Value, serde_json::Error> {
                match self {
                    $( Self::$variant(m) => serde_json::to_value(m), )+
                    Self::Unknown { raw, .. } => Ok(raw.clone()),
                }
            }
        }

        /// The decoder of the fields of a known type; `None` for an unknown type.
        fn decoder(message_type: &str) -> Option<FieldsDecoder> {
            match message_type {
                $( $wire => Some(|fields, body| {
                    typed::<$ty>($wire, fields, body).map(PushMessage::$variant)
                }), )+
                _ => None,
            }
        }
    };
}

push_messages! {
    /// `TYPE_PING`: a connection check; answer with [`PushResponse::ping`].
    Ping(Ping) = "TYPE_PING",
    /// `TYPE_NEW_POSTING`.
    NewPosting(NewPosting) = "TYPE_NEW_POSTING",
    /// `TYPE_POSTING_CANCELLED`.
    PostingCancelled(PostingCancelled) = "TYPE_POSTING_CANCELLED",
    /// `TYPE_STATE_CHANGED`.
    StateChanged(StateChanged) = "TYPE_STATE_CHANGED",
    /// `TYPE_CUTOFF_DATE_CHANGED`.
    CutoffDateChanged(CutoffDateChanged) = "TYPE_CUTOFF_DATE_CHANGED",
    /// `TYPE_DELIVERY_DATE_CHANGED`.
    DeliveryDateChanged(DeliveryDateChanged) = "TYPE_DELIVERY_DATE_CHANGED",
    /// `TYPE_CREATE_OR_UPDATE_ITEM`.
    CreateOrUpdateItem(ItemChanged) = "TYPE_CREATE_OR_UPDATE_ITEM",
    /// `TYPE_CREATE_ITEM` (announced as stopped on 2023-07-15).
    CreateItem(ItemChanged) = "TYPE_CREATE_ITEM",
    /// `TYPE_UPDATE_ITEM` (announced as stopped on 2023-07-15).
    UpdateItem(ItemChanged) = "TYPE_UPDATE_ITEM",
    /// `TYPE_PRICE_INDEX_CHANGED`.
    PriceIndexChanged(PriceIndexChanged) = "TYPE_PRICE_INDEX_CHANGED",
    /// `TYPE_STOCKS_CHANGED`.
    StocksChanged(StocksChanged) = "TYPE_STOCKS_CHANGED",
    /// `TYPE_NEW_MESSAGE`.
    NewMessage(NewMessage) = "TYPE_NEW_MESSAGE",
    /// `TYPE_UPDATE_MESSAGE`.
    UpdateMessage(UpdateMessage) = "TYPE_UPDATE_MESSAGE",
    /// `TYPE_MESSAGE_READ`.
    MessageRead(MessageRead) = "TYPE_MESSAGE_READ",
    /// `TYPE_CHAT_CLOSED`.
    ChatClosed(ChatClosed) = "TYPE_CHAT_CLOSED",
    /// `TYPE_DESCRIPTION_CATEGORY_TREE_CHANGED`.
    DescriptionCategoryTreeChanged(DescriptionCategoryTreeChanged) = "TYPE_DESCRIPTION_CATEGORY_TREE_CHANGED",
    /// `TYPE_FBO_POSTING_NEW`.
    FboPostingNew(FboPostingNew) = "TYPE_FBO_POSTING_NEW",
    /// `TYPE_FBO_POSTING_CANCELLED`.
    FboPostingCancelled(FboPostingCancelled) = "TYPE_FBO_POSTING_CANCELLED",
    /// `TYPE_FBO_POSTING_STATE_CHANGED`.
    FboPostingStateChanged(FboPostingStateChanged) = "TYPE_FBO_POSTING_STATE_CHANGED",
    /// `TYPE_FBO_POSTING_DELIVERY_DATE_CHANGED`.
    FboPostingDeliveryDateChanged(FboPostingDeliveryDateChanged) = "TYPE_FBO_POSTING_DELIVERY_DATE_CHANGED",
    /// `TYPE_FBO_STOCKS_CHANGED`.
    FboStocksChanged(FboStocksChanged) = "TYPE_FBO_STOCKS_CHANGED",
    /// `TYPE_ORDER_NEW`.
    OrderNew(OrderNew) = "TYPE_ORDER_NEW",
    /// `TYPE_ORDER_CANCELLED`.
    OrderCancelled(OrderCancelled) = "TYPE_ORDER_CANCELLED",
    /// `TYPE_ORDER_STATE_CHANGED`.
    OrderStateChanged(OrderStateChanged) = "TYPE_ORDER_STATE_CHANGED",
}

impl PushMessage {
    /// True for `TYPE_PING`.
    pub fn is_ping(&self) -> bool {
        matches!(self, Self::Ping(_))
    }
}

/// Decodes the fields (all but `message_type`) of one type; `body` is quoted in errors.
type FieldsDecoder = fn(Map<String, Value>, &[u8]) -> Result<PushMessage, PushError>;

/// Decodes the fields of one known type, naming the offending field on failure.
fn typed<T: DeserializeOwned>(
    message_type: &'static str,
    fields: Map<String, Value>,
    body: &[u8],
) -> Result<T, PushError> {
    let value = Value::Object(fields);
    let first = match T::deserialize(&value) {
        Ok(v) => return Ok(v),
        Err(e) => e,
    };
    // Slow path: decode again from text to learn the path of the offending field.
    let (path, message) = serde_json::to_vec(&value)
        .ok()
        .and_then(|text| {
            match market_core::transport::decode_json::<T>(
                market_core::MarketplaceKind::Ozon.name(),
                message_type,
                &text,
            ) {
                Err(market_core::Error::Decode { path, message, .. }) => Some((path, message)),
                _ => None,
            }
        })
        .unwrap_or_else(|| (".".to_owned(), first.to_string()));
    Err(PushError::InvalidMessage {
        message_type: message_type.to_owned(),
        path,
        message,
        excerpt: market_core::error::excerpt(body, EXCERPT_LEN),
    })
}

impl Serialize for PushMessage {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut value = self.fields().map_err(serde::ser::Error::custom)?;
        if let Value::Object(map) = &mut value {
            map.insert(
                "message_type".to_owned(),
                Value::String(self.message_type().to_owned()),
            );
        }
        value.serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for PushMessage {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        let text = value.to_string();
        from_value(value, text.as_bytes()).map_err(D::Error::custom)
    }
}

// ---------------------------------------------------------------------------------------------
// Decoding
// ---------------------------------------------------------------------------------------------

/// Why a push body could not be decoded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PushError {
    /// The body is empty.
    #[error("ozon push: empty body")]
    Empty,
    /// The body is not JSON.
    #[error("ozon push: body is not JSON: {message}; body starts: {excerpt}")]
    NotJson {
        /// The parser's message.
        message: String,
        /// The first bytes of the body (bounded).
        excerpt: String,
    },
    /// The body is JSON but not an object.
    #[error("ozon push: body is not a JSON object; body starts: {excerpt}")]
    NotAnObject {
        /// The first bytes of the body (bounded).
        excerpt: String,
    },
    /// The object has no string `message_type`.
    #[error("ozon push: no `message_type` string; body starts: {excerpt}")]
    MissingType {
        /// The first bytes of the body (bounded).
        excerpt: String,
    },
    /// The type is not one this version knows (only under the `strict` feature).
    #[error("ozon push: unknown message type {message_type:?}; body starts: {excerpt}")]
    UnknownType {
        /// The `message_type`.
        message_type: String,
        /// The first bytes of the body (bounded).
        excerpt: String,
    },
    /// A field of a known type has the wrong form.
    #[error("ozon push {message_type}: cannot decode `{path}`: {message}; body starts: {excerpt}")]
    InvalidMessage {
        /// The `message_type`.
        message_type: String,
        /// The JSON path of the offending field (`products[0].sku`).
        path: String,
        /// The decoder's message.
        message: String,
        /// The first bytes of the body (bounded).
        excerpt: String,
    },
}

impl PushError {
    /// The error code to answer Ozon with: `ERROR_PARAMETER_VALUE_MISSED` when something is
    /// missing or malformed in a known shape, `ERROR_UNKNOWN` otherwise.
    pub fn code(&self) -> PushErrorCode {
        match self {
            Self::Empty | Self::MissingType { .. } | Self::InvalidMessage { .. } => {
                PushErrorCode::ParameterValueMissed
            }
            Self::NotJson { .. } | Self::NotAnObject { .. } | Self::UnknownType { .. } => {
                PushErrorCode::UnknownError
            }
        }
    }

    /// The answer to Ozon: the error body with [`Self::code`], HTTP 400 (the request was bad).
    pub fn response(&self) -> PushResponse {
        PushResponse::error(self.code(), self.to_string()).with_status(400)
    }
}

/// Decodes a push notification body. Never panics, whatever the bytes.
///
/// An unknown `message_type` becomes [`PushMessage::Unknown`], or [`PushError::UnknownType`]
/// under the `strict` feature. Unknown fields of known types are ignored, or rejected under
/// `strict`.
pub fn decode(body: &[u8]) -> Result<PushMessage, PushError> {
    let text = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
    if text.iter().all(u8::is_ascii_whitespace) {
        return Err(PushError::Empty);
    }
    let value: Value = serde_json::from_slice(text).map_err(|e| PushError::NotJson {
        message: e.to_string(),
        excerpt: market_core::error::excerpt(body, EXCERPT_LEN),
    })?;
    from_value(value, body)
}

/// Decodes a parsed body; `body` (its text) is quoted in errors.
fn from_value(value: Value, body: &[u8]) -> Result<PushMessage, PushError> {
    let quote = || market_core::error::excerpt(body, EXCERPT_LEN);
    let Value::Object(mut fields) = value else {
        return Err(PushError::NotAnObject { excerpt: quote() });
    };
    let message_type = match fields.get("message_type") {
        Some(Value::String(t)) => t.clone(),
        _ => return Err(PushError::MissingType { excerpt: quote() }),
    };
    if let Some(decode_fields) = decoder(&message_type) {
        fields.remove("message_type");
        return decode_fields(fields, body);
    }
    if market_core::wire::STRICT {
        return Err(PushError::UnknownType {
            message_type,
            excerpt: quote(),
        });
    }
    Ok(PushMessage::Unknown {
        message_type,
        raw: Value::Object(fields),
    })
}

// ---------------------------------------------------------------------------------------------
// Answers
// ---------------------------------------------------------------------------------------------

/// The answer to `TYPE_PING`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PingAnswer {
    /// The application's version.
    pub version: String,
    /// The application's name.
    pub name: String,
    /// When processing of the ping started (UTC, whole seconds).
    #[serde(serialize_with = "utc_seconds")]
    pub time: DateTime<Utc>,
}

/// The answer to a notification processed successfully: `{"result": true}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OkAnswer {
    /// Always true.
    pub result: bool,
}

/// The error of an [`ErrorAnswer`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorDetail {
    /// Ozon's code for the error ([`PushErrorCode`]).
    pub code: PushErrorCode,
    /// What went wrong.
    pub message: String,
    /// More about it (written as `null` when absent).
    pub details: Option<String>,
}

/// The answer to a notification that failed: `{"error": {"code", "message", "details"}}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorAnswer {
    /// The HTTP status (4xx or 5xx; not part of the body).
    #[serde(skip)]
    pub status: u16,
    /// What went wrong: Ozon's code and a message.
    pub error: ErrorDetail,
}

/// What the service answers Ozon: the body (via `Serialize`/[`Self::to_json`]) and the HTTP
/// status ([`Self::status`]); the content type is [`CONTENT_TYPE`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
#[non_exhaustive]
pub enum PushResponse {
    /// The answer to `TYPE_PING`.
    Ping(PingAnswer),
    /// `{"result": true}`.
    Ok(OkAnswer),
    /// An error.
    Error(ErrorAnswer),
}

impl PushResponse {
    /// The answer to `TYPE_PING`: the application's name and version and `now`.
    pub fn ping(name: impl Into<String>, version: impl Into<String>, now: DateTime<Utc>) -> Self {
        Self::Ping(PingAnswer {
            version: version.into(),
            name: name.into(),
            time: now,
        })
    }

    /// The answer to a notification processed successfully.
    pub fn ok() -> Self {
        Self::Ok(OkAnswer { result: true })
    }

    /// An error answer, with the status of [`PushErrorCode::status`] and no details.
    pub fn error(code: PushErrorCode, message: impl Into<String>) -> Self {
        Self::Error(ErrorAnswer {
            status: code.status(),
            error: ErrorDetail {
                code,
                message: message.into(),
                details: None,
            },
        })
    }

    /// Sets `details` of an error answer (other answers are returned unchanged).
    pub fn with_details(mut self, details: impl Into<String>) -> Self {
        if let Self::Error(e) = &mut self {
            e.error.details = Some(details.into());
        }
        self
    }

    /// Sets the HTTP status of an error answer; ignored unless 400..=599 (Ozon reads anything
    /// else as success or as a broken service).
    pub fn with_status(mut self, status: u16) -> Self {
        match &mut self {
            Self::Error(e) if (400..=599).contains(&status) => e.status = status,
            _ => {}
        }
        self
    }

    /// The HTTP status: 200, or the error's 4xx/5xx.
    pub fn status(&self) -> u16 {
        match self {
            Self::Ping(_) | Self::Ok(_) => 200,
            Self::Error(e) => e.status,
        }
    }

    /// True for an error answer.
    pub fn is_error(&self) -> bool {
        matches!(self, Self::Error(_))
    }

    /// The body as JSON text.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_else(|_| {
            // Unreachable: every field serialises. A valid answer nonetheless.
            r#"{"error":{"code":"ERROR_UNKNOWN","message":"serialisation failed","details":null}}"#
                .to_owned()
        })
    }
}

/// Decodes `body` and picks the default answer: the ping answer for `TYPE_PING` (with
/// `app_name`, `app_version` and `now`), `{"result": true}` for any other message, and
/// [`PushError::response`] when the body does not decode.
///
/// Process the message before sending the `{"result": true}` answer; answer with
/// [`PushResponse::error`] instead if processing fails.
pub fn handle(
    body: &[u8],
    app_name: &str,
    app_version: &str,
    now: DateTime<Utc>,
) -> (Result<PushMessage, PushError>, PushResponse) {
    match decode(body) {
        Ok(message) => {
            let answer = if message.is_ping() {
                PushResponse::ping(app_name, app_version, now)
            } else {
                PushResponse::ok()
            };
            (Ok(message), answer)
        }
        Err(e) => {
            let answer = e.response();
            (Err(e), answer)
        }
    }
}
