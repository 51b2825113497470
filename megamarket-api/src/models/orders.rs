//! The `data` of the order methods (`/api/market/v1/orderService/...`) and the shipment they
//! read.

use chrono::{DateTime, FixedOffset, Utc};
use market_core::wire::de;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::ids::ShipmentId;

market_core::wire_enum! {
    /// The status of a shipment or of one of its items. Spec: `status` of `order/get` (the
    /// list as the public integrations have it, see `spec/SOURCE.md`).
    pub enum ShipmentStatus {
        /// A new shipment: the seller confirms or rejects it.
        New = "NEW",
        /// Megamarket is processing the shipment.
        Pending = "PENDING",
        /// Megamarket is processing the seller's confirmation.
        PendingConfirmation = "PENDING_CONFIRMATION",
        /// Confirmed by the seller: to be packed.
        Confirmed = "CONFIRMED",
        /// Megamarket is processing the seller's packing.
        PendingPacking = "PENDING_PACKING",
        /// Packed: to be handed over.
        Packed = "PACKED",
        /// Megamarket is processing the seller's handover.
        PendingShipping = "PENDING_SHIPPING",
        /// Handed over by the seller.
        Shipped = "SHIPPED",
        /// Not packed in time.
        PackingExpired = "PACKING_EXPIRED",
        /// Not handed over in time.
        ShippingExpired = "SHIPPING_EXPIRED",
        /// Received by the buyer.
        Delivered = "DELIVERED",
        /// Cancelled by the seller (rejected).
        MerchantCanceled = "MERCHANT_CANCELED",
        /// Cancelled by the buyer.
        CustomerCanceled = "CUSTOMER_CANCELED",
    }
}

market_core::wire_enum! {
    /// Why an item was cancelled. Spec: `subStatus` of an item of `order/get`.
    pub enum ItemSubStatus {
        /// Rejected by the seller after confirming.
        LateReject = "LATE_REJECT",
        /// Rejected by the seller instead of confirmed.
        ConfirmationReject = "CONFIRMATION_REJECT",
        /// Not confirmed in time.
        ConfirmationExpired = "CONFIRMATION_EXPIRED",
        /// Not packed in time.
        PackingExpired = "PACKING_EXPIRED",
    }
}

market_core::wire_enum! {
    /// Who delivers a shipment. Spec: `serviceScheme` of `order/new` and `order/get`. Only
    /// the DBS value is known from public payloads; a shipment without one is FBS.
    pub enum ServiceScheme {
        /// DBS: the seller delivers.
        DeliveryByMerchant = "DELIVERY_BY_MERCHANT",
    }
}

market_core::wire_enum! {
    /// Why the seller rejects items. Spec: `reason.type` of `order/reject`.
    pub enum RejectReasonType {
        /// Out of stock.
        OutOfStock = "OUT_OF_STOCK",
        /// The price on Megamarket is wrong.
        IncorrectPrice = "INCORRECT_PRICE",
        /// The product on Megamarket is wrong.
        IncorrectProduct = "INCORRECT_PRODUCT",
        /// The product's description is wrong.
        IncorrectSpec = "INCORRECT_SPEC",
        /// A duplicate order.
        TwiceOrder = "TWICE_ORDER",
        /// The seller cannot ship by the date.
        NotTimeForShipping = "NOT_TIME_FOR_SHIPPING",
        /// A fraudulent order.
        FraudOrder = "FRAUD_ORDER",
    }
}

/// Spec: `data` of `order/search`: shipments of a time window, by status.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct OrderSearch {
    /// Start of the window (sent with its offset, Moscow time in Megamarket's examples).
    pub date_from: DateTime<FixedOffset>,
    /// End of the window.
    pub date_to: DateTime<FixedOffset>,
    /// The most shipment ids to return (omitted: Megamarket's default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<usize>,
    /// Only shipments in these statuses (empty: every status).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statuses: Vec<ShipmentStatus>,
}

/// Spec: answer `data` of `order/search`: the ids of the shipments found.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ShipmentIds {
    /// The shipment ids (required: an answer without the list is an error).
    pub shipments: Vec<ShipmentId>,
    /// Warnings Megamarket adds, as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warnings: Option<Value>,
}

/// Spec: `data` of `order/get`: the shipments to read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct OrderGet {
    /// The shipment ids.
    pub shipments: Vec<ShipmentId>,
}

/// Spec: answer `data` of `order/get`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Shipments {
    /// The shipments found (a shipment Megamarket does not know is left out).
    pub shipments: Vec<Shipment>,
    /// Warnings Megamarket adds, as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warnings: Option<Value>,
}

/// One shipment (отправление) as `order/get` reads it. Times are read into UTC.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Shipment {
    /// The shipment id.
    pub shipment_id: ShipmentId,
    /// The buyer's order the shipment belongs to (the middle part of a box code).
    #[serde(default, deserialize_with = "de::opt_text")]
    pub order_code: Option<String>,
    /// The shipment's status, where Megamarket sends one (the items carry theirs).
    #[serde(default, deserialize_with = "de::opt_enum")]
    pub status: Option<ShipmentStatus>,
    /// Deadline to confirm.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub confirmed_time_limit: Option<DateTime<Utc>>,
    /// Deadline to pack.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub packing_time_limit: Option<DateTime<Utc>>,
    /// Deadline to hand over.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub shipping_time_limit: Option<DateTime<Utc>>,
    /// Handover window, start.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub shipment_date_from: Option<DateTime<Utc>>,
    /// Handover window, end.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub shipment_date_to: Option<DateTime<Utc>>,
    /// The date by which the shipment is to be packed.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub packing_date: Option<DateTime<Utc>>,
    /// When the reserve of the goods ends.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub reserve_expiration_date: Option<DateTime<Utc>>,
    /// Megamarket's delivery number.
    #[serde(default, deserialize_with = "de::opt_text")]
    pub delivery_id: Option<String>,
    /// Whether the handover date may be moved.
    #[serde(default, deserialize_with = "de::or_none")]
    pub shipment_date_shift: Option<bool>,
    /// Whether the shipment may be re-packed.
    #[serde(default, deserialize_with = "de::or_none")]
    pub shipment_is_changeable: Option<bool>,
    /// The buyer's name as typed at checkout (personal data).
    #[serde(default, deserialize_with = "de::opt_text")]
    pub customer_full_name: Option<String>,
    /// The address (of the pickup point, or the buyer's for DBS; personal data).
    #[serde(default, deserialize_with = "de::opt_text")]
    pub customer_address: Option<String>,
    /// The seller's point (warehouse) the shipment leaves from, in the seller's ids.
    #[serde(default, deserialize_with = "de::opt_text")]
    pub shipping_point: Option<String>,
    /// When the shipment was created.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub creation_date: Option<DateTime<Utc>>,
    /// Delivery to the buyer.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub delivery_date: Option<DateTime<Utc>>,
    /// From when the buyer may collect.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub delivery_date_from: Option<DateTime<Utc>>,
    /// Until when the buyer must collect.
    #[serde(default, deserialize_with = "de::opt_time")]
    pub delivery_date_to: Option<DateTime<Utc>>,
    /// The delivery method id.
    #[serde(default, deserialize_with = "de::opt_text")]
    pub delivery_method_id: Option<String>,
    /// Who delivers (absent for FBS).
    #[serde(default, deserialize_with = "de::opt_enum")]
    pub service_scheme: Option<ServiceScheme>,
    /// Amount the buyer paid in advance, roubles.
    #[serde(default, deserialize_with = "de::opt_decimal")]
    pub deposited_amount: Option<Decimal>,
    /// The DBS buyer, as sent (personal data).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<Value>,
    /// The items (one per unit or per line, by `itemIndex`).
    pub items: Vec<ShipmentItem>,
}

/// One item of a [`Shipment`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ShipmentItem {
    /// The item's index in the shipment (`"1"`, `"2"`...): how writes name it.
    #[serde(deserialize_with = "de::string_or_number")]
    pub item_index: String,
    /// The item's status.
    #[serde(default, deserialize_with = "de::opt_enum")]
    pub status: Option<ShipmentStatus>,
    /// Why it was cancelled, when it was.
    #[serde(default, deserialize_with = "de::opt_enum")]
    pub sub_status: Option<ItemSubStatus>,
    /// Price of one unit before discounts, roubles.
    #[serde(default, deserialize_with = "de::opt_decimal")]
    pub price: Option<Decimal>,
    /// Price of one unit the buyer pays, roubles.
    #[serde(default, deserialize_with = "de::opt_decimal")]
    pub final_price: Option<Decimal>,
    /// Discounts, as sent.
    #[serde(default, deserialize_with = "de::nullable")]
    pub discounts: Vec<Value>,
    /// Units (1 when absent).
    #[serde(default, deserialize_with = "de::opt_int64")]
    pub quantity: Option<i64>,
    /// The seller's article.
    #[serde(deserialize_with = "de::string_or_number")]
    pub offer_id: String,
    /// Megamarket's product id.
    #[serde(default, deserialize_with = "de::opt_text")]
    pub goods_id: Option<String>,
    /// The product as Megamarket has it (`name`, `categoryName`), as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goods_data: Option<Value>,
    /// The item's history (`eventDate`, `eventName`, `eventValue`), as sent.
    #[serde(default, deserialize_with = "de::nullable")]
    pub events: Vec<Value>,
    /// The box the item is packed in, as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub box_index: Option<Value>,
}

impl Shipment {
    /// True for a DBS shipment (the seller delivers).
    pub fn is_dbs(&self) -> bool {
        self.service_scheme == Some(ServiceScheme::DeliveryByMerchant)
    }

    /// The shipment's status: its own when sent, else the most advanced of its items'
    /// (a shipment is cancelled only when every item is).
    pub fn effective_status(&self) -> Option<ShipmentStatus> {
        if let Some(s) = &self.status {
            return Some(s.clone());
        }
        let live: Vec<&ShipmentStatus> = self
            .items
            .iter()
            .filter_map(|i| i.status.as_ref())
            .filter(|s| {
                !matches!(
                    s,
                    ShipmentStatus::MerchantCanceled | ShipmentStatus::CustomerCanceled
                )
            })
            .collect();
        match live.first() {
            Some(first) => Some((*first).clone()),
            None => self.items.iter().find_map(|i| i.status.clone()),
        }
    }
}

/// An item named by a write: its index and article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ItemRef {
    /// The item's index in the shipment.
    #[serde(deserialize_with = "de::string_or_number")]
    pub item_index: String,
    /// The seller's article.
    #[serde(deserialize_with = "de::string_or_number")]
    pub offer_id: String,
}

/// Spec: `data` of `order/confirm`: items the seller will ship. Idempotent by shipment and
/// item: the client repeats it after a lost answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct OrderConfirm {
    /// The shipments.
    pub shipments: Vec<ConfirmShipment>,
}

/// One shipment of [`OrderConfirm`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ConfirmShipment {
    /// The shipment.
    pub shipment_id: ShipmentId,
    /// Its order code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_code: Option<String>,
    /// The items confirmed.
    pub items: Vec<ItemRef>,
}

/// Spec: `data` of `order/reject`: items the seller will not ship, with the reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct OrderReject {
    /// The shipments.
    pub shipments: Vec<RejectShipment>,
    /// Why.
    pub reason: RejectReason,
}

/// One shipment of [`OrderReject`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct RejectShipment {
    /// The shipment.
    pub shipment_id: ShipmentId,
    /// The items rejected.
    pub items: Vec<ItemRef>,
}

/// The reason of an [`OrderReject`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct RejectReason {
    /// The reason code.
    #[serde(rename = "type")]
    pub kind: RejectReasonType,
    /// A free-text comment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// A box (грузовое место) of a shipment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct BoxRef {
    /// The box's number in the shipment, from 1.
    pub box_index: u32,
    /// Its code: `<merchantId>*<orderCode>*<boxIndex>` ([`crate::ids::box_code`]).
    pub box_code: String,
}

/// Spec: `data` of `order/packing`: which items went into which boxes. Idempotent by
/// shipment: the client repeats it after a lost answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct OrderPacking {
    /// The shipments.
    pub shipments: Vec<PackingShipment>,
}

/// One shipment of [`OrderPacking`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PackingShipment {
    /// The shipment.
    pub shipment_id: ShipmentId,
    /// Its order code (the middle of the box codes).
    pub order_code: String,
    /// Every item with its boxes.
    pub items: Vec<PackingItem>,
}

/// One item of a [`PackingShipment`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PackingItem {
    /// The item's index in the shipment.
    #[serde(deserialize_with = "de::string_or_number")]
    pub item_index: String,
    /// Units packed.
    pub quantity: u32,
    /// The boxes it is in.
    pub boxes: Vec<BoxRef>,
}

/// Spec: `data` of `sticker/print`: the labels of boxes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct StickerPrint {
    /// `true`: answer a PDF (otherwise Megamarket answers print data in JSON).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub print_as_pdf: Option<bool>,
    /// The shipments.
    pub shipments: Vec<StickerShipment>,
}

/// One shipment of [`StickerPrint`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct StickerShipment {
    /// The shipment.
    pub shipment_id: ShipmentId,
    /// The codes of the boxes to label.
    pub box_codes: Vec<String>,
    /// The items with their boxes (as packed).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<PackingItem>,
}

/// Spec: `data` of `order/shipping`: boxes handed over.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct OrderShipping {
    /// The shipments.
    pub shipments: Vec<ShippingShipment>,
}

/// One shipment of [`OrderShipping`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ShippingShipment {
    /// The shipment.
    pub shipment_id: ShipmentId,
    /// The boxes handed over.
    pub boxes: Vec<BoxRef>,
    /// When.
    pub shipping: Shipping,
}

/// The handover of a [`ShippingShipment`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Shipping {
    /// When the boxes were handed over (with its offset).
    pub shipping_date: DateTime<FixedOffset>,
    /// The seller's point they left from, where the seller has several.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipping_point: Option<Value>,
}

/// Spec: `data` of `order/close` (DBS): the handover to the buyer, per item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct OrderClose {
    /// The shipments.
    pub shipments: Vec<CloseShipment>,
}

/// One shipment of [`OrderClose`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CloseShipment {
    /// The shipment.
    pub shipment_id: ShipmentId,
    /// When it was handed to the buyer (with its offset).
    pub close_date: DateTime<FixedOffset>,
    /// Every item with its outcome.
    pub items: Vec<CloseItem>,
}

/// One item of a [`CloseShipment`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CloseItem {
    /// The item's index in the shipment.
    #[serde(deserialize_with = "de::string_or_number")]
    pub item_index: String,
    /// `true`: the buyer took it; `false`: the buyer refused it.
    pub handover_result: bool,
}

/// Spec: `data` of `order/cancelResult`: the seller's answer to an `order/cancel` push.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct OrderCancelResult {
    /// The shipments.
    pub shipments: Vec<CancelResultShipment>,
}

/// One shipment of [`OrderCancelResult`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CancelResultShipment {
    /// The shipment.
    pub shipment_id: ShipmentId,
    /// Every item asked about.
    pub items: Vec<CancelResultItem>,
}

/// One item of a [`CancelResultShipment`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CancelResultItem {
    /// The item's index in the shipment.
    #[serde(deserialize_with = "de::string_or_number")]
    pub item_index: String,
    /// `true`: the seller agrees the item is cancelled (not shipped).
    pub canceled: bool,
}
