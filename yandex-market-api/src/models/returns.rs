//! Models of the returns section: returns and unredeemed orders, their items and decisions,
//! the buyer's application form, and the seller's decisions. Money is
//! [`Decimal`](rust_decimal::Decimal).
//!
//! [`RefundStatus`], [`ReturnShipmentStatus`] and [`ReturnType`] are defined here and
//! re-exported by [`crate::push`]; [`CurrencyValue`] and [`BasePrice`] are
//! shared with other sections: they live in [`crate::models::common`] and are re-exported here.

use bytes::Bytes;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::{CampaignId, MarketSku, OrderId, ReturnId};
use crate::models::common::{ApiStatus, Pager};
pub use crate::models::common::{BasePrice, CurrencyValue};

market_core::wire_enum! {
    /// The status of the refund of a return (schema `RefundStatusType`; the notifications carry
    /// the same values).
    pub enum RefundStatus {
        /// The buyer started the return in their account.
        StartedByUser = "STARTED_BY_USER",
        /// The refund is under way: waiting for a decision on it.
        RefundInProgress = "REFUND_IN_PROGRESS",
        /// The money was paid back.
        Refunded = "REFUNDED",
        /// The refund failed: it cannot be paid.
        Failed = "FAILED",
        /// Waiting for the seller's decision (DBS).
        WaitingForDecision = "WAITING_FOR_DECISION",
        /// The seller decided (DBS).
        DecisionMade = "DECISION_MADE",
        /// Refunded in bonus points or a promo code.
        RefundedWithBonuses = "REFUNDED_WITH_BONUSES",
        /// Refunded by the shop itself.
        RefundedByShop = "REFUNDED_BY_SHOP",
        /// Cancelled.
        Cancelled = "CANCELLED",
        /// Rejected by moderation or by the pick-up point.
        Rejected = "REJECTED",
        /// Closed without a refund.
        CompleteWithoutRefund = "COMPLETE_WITHOUT_REFUND",
        /// Pre-moderation: disputed (FBY, FBS, Express).
        PremoderationDispute = "PREMODERATION_DISPUTE",
        /// Pre-moderation: waiting for a decision (FBY, FBS, Express).
        PremoderationDecisionWaiting = "PREMODERATION_DECISION_WAITING",
        /// Pre-moderation: decided (FBY, FBS, Express).
        PremoderationDecisionMade = "PREMODERATION_DECISION_MADE",
        /// Pre-moderation: the buyer is choosing how to send the item back (FBY, FBS, Express).
        PremoderationSelectDelivery = "PREMODERATION_SELECT_DELIVERY",
        /// The vendor's own `UNKNOWN` value (not an unlisted value: see `Unknown`).
        Unspecified = "UNKNOWN",
    }
}

market_core::wire_enum! {
    /// The logistic status of a return (schema `ReturnShipmentStatusType`; the notifications
    /// carry the same values).
    pub enum ReturnShipmentStatus {
        /// Created.
        Created = "CREATED",
        /// Received from the buyer.
        Received = "RECEIVED",
        /// On its way to the seller.
        InTransit = "IN_TRANSIT",
        /// Ready to be picked up by the seller.
        ReadyForPickup = "READY_FOR_PICKUP",
        /// Picked up by the seller.
        Picked = "PICKED",
        /// Lost in transit.
        Lost = "LOST",
        /// The buyer did not bring the item in time.
        Expired = "EXPIRED",
        /// Cancelled.
        Cancelled = "CANCELLED",
        /// Received at a Yandex Market fulfilment warehouse.
        FulfilmentReceived = "FULFILMENT_RECEIVED",
        /// Prepared for disposal.
        PreparedForUtilization = "PREPARED_FOR_UTILIZATION",
        /// Not claimed (not collected from the post office).
        NotInDemand = "NOT_IN_DEMAND",
        /// Disposed of.
        Utilized = "UTILIZED",
        /// Ready to be taken over by Yandex Market (sent for resale).
        ReadyForExpropriation = "READY_FOR_EXPROPRIATION",
        /// Taken over by Yandex Market (accepted for resale).
        ReceivedForExpropriation = "RECEIVED_FOR_EXPROPRIATION",
        /// The vendor's own `UNKNOWN` value (not an unlisted value: see `Unknown`).
        Unspecified = "UNKNOWN",
    }
}

market_core::wire_enum! {
    /// Return or unredeemed order (schema `ReturnType`; the notifications carry the same values).
    pub enum ReturnType {
        /// The buyer did not take the order.
        Unredeemed = "UNREDEEMED",
        /// The buyer returned the goods.
        Return = "RETURN",
    }
}

market_core::wire_enum! {
    /// A decision on a returned item, as reported (schema `ReturnDecisionType`).
    pub enum ReturnDecisionType {
        /// Refund at once, before the goods come back.
        FastRefundMoney = "FAST_REFUND_MONEY",
        /// Refund.
        RefundMoney = "REFUND_MONEY",
        /// Refund, return shipping included.
        RefundMoneyIncludingShipment = "REFUND_MONEY_INCLUDING_SHIPMENT",
        /// Repair.
        Repair = "REPAIR",
        /// Replace.
        Replace = "REPLACE",
        /// Send for examination.
        SendToExamination = "SEND_TO_EXAMINATION",
        /// Refuse the refund.
        DeclineRefund = "DECLINE_REFUND",
        /// Refund part of the price.
        PartialMoneyRefund = "PARTIAL_MONEY_REFUND",
        /// Another decision.
        OtherDecision = "OTHER_DECISION",
        /// The vendor's own `UNKNOWN` value (not an unlisted value: see `Unknown`).
        Unspecified = "UNKNOWN",
    }
}

market_core::wire_enum! {
    /// A decision the seller can submit (schema `ReturnRequestDecisionType`).
    pub enum ReturnRequestDecisionType {
        /// Refund at once, before the goods come back.
        FastRefundMoney = "FAST_REFUND_MONEY",
        /// Refund.
        RefundMoney = "REFUND_MONEY",
        /// Refund, return shipping included (say its cost in the comment).
        RefundMoneyIncludingShipment = "REFUND_MONEY_INCLUDING_SHIPMENT",
        /// Repair (say when in the comment).
        Repair = "REPAIR",
        /// Replace.
        Replace = "REPLACE",
        /// Send for examination.
        SendToExamination = "SEND_TO_EXAMINATION",
        /// Refuse the refund (say why in the comment).
        DeclineRefund = "DECLINE_REFUND",
        /// Refund part of the price (give the compensation).
        PartialMoneyRefund = "PARTIAL_MONEY_REFUND",
        /// Another decision (describe it in the comment).
        OtherDecision = "OTHER_DECISION",
    }
}

market_core::wire_enum! {
    /// The reason of a return (schema `ReturnDecisionReasonType`).
    pub enum ReturnDecisionReason {
        /// Poor quality.
        BadQuality = "BAD_QUALITY",
        /// Does not fit.
        DoesNotFit = "DOES_NOT_FIT",
        /// The wrong item.
        WrongItem = "WRONG_ITEM",
        /// Damaged in delivery.
        DamageDelivery = "DAMAGE_DELIVERY",
        /// A loyalty programme problem.
        LoyaltyFail = "LOYALTY_FAIL",
        /// The card's content was wrong.
        ContentFail = "CONTENT_FAIL",
        /// A delivery problem.
        DeliveryFail = "DELIVERY_FAIL",
        /// The vendor's own `UNKNOWN` value (not an unlisted value: see `Unknown`).
        Unspecified = "UNKNOWN",
    }
}

market_core::wire_enum! {
    /// The detailed reason of a return (schema `ReturnDecisionSubreasonType`).
    pub enum ReturnDecisionSubreason {
        /// The buyer did not like it.
        UserDidNotLike = "USER_DID_NOT_LIKE",
        /// The buyer changed their mind.
        UserChangedMind = "USER_CHANGED_MIND",
        /// Delivered too late.
        DeliveredTooLong = "DELIVERED_TOO_LONG",
        /// Bad packaging.
        BadPackage = "BAD_PACKAGE",
        /// Damaged.
        Damaged = "DAMAGED",
        /// Does not work.
        NotWorking = "NOT_WORKING",
        /// Parts missing.
        Incompleteness = "INCOMPLETENESS",
        /// The wrong item.
        WrongItem = "WRONG_ITEM",
        /// The wrong colour.
        WrongColor = "WRONG_COLOR",
        /// Not as described.
        DidNotMatchDescription = "DID_NOT_MATCH_DESCRIPTION",
        /// Someone else's order.
        WrongOrder = "WRONG_ORDER",
        /// The wrong quantity.
        WrongAmountDelivered = "WRONG_AMOUNT_DELIVERED",
        /// The wrapping was damaged.
        WrappingDamaged = "WRAPPING_DAMAGED",
        /// The item was used.
        ItemWasUsed = "ITEM_WAS_USED",
        /// Broken.
        Broken = "BROKEN",
        /// Poor flowers.
        BadFlowers = "BAD_FLOWERS",
        /// The parcel was missing.
        ParcelMissing = "PARCEL_MISSING",
        /// Incomplete.
        Incomplete = "INCOMPLETE",
        /// The vendor's own `UNKNOWN` value (not an unlisted value: see `Unknown`).
        Unspecified = "UNKNOWN",
    }
}

market_core::wire_enum! {
    /// Why the seller refuses or limits a refund (schema `ReturnRequestDecisionReasonType`).
    pub enum ReturnRequestDecisionReason {
        /// The defect was not confirmed.
        IssueWithTheProductWasNotConfirmed = "ISSUE_WITH_THE_PRODUCT_WAS_NOT_CONFIRMED",
        /// Mechanical damage.
        MechanicalDamage = "MECHANICAL_DAMAGE",
        /// The warranty ran out.
        WarrantyPeriodHasExpired = "WARRANTY_PERIOD_HAS_EXPIRED",
        /// The set or the packaging is not intact.
        ConfigurationOrPackagingCompromised = "CONFIGURATION_OR_PACKAGING_COMPROMISED",
        /// The look of the product is spoiled.
        ProductAppearanceCompromised = "PRODUCT_APPEARANCE_COMPROMISED",
        /// The warranty terms were broken.
        WarrantyTermsViolated = "WARRANTY_TERMS_VIOLATED",
        /// The device was activated.
        DeviceActivated = "DEVICE_ACTIVATED",
    }
}

market_core::wire_enum! {
    /// The status of one returned unit (schema `ReturnInstanceStatusType`).
    pub enum ReturnInstanceStatus {
        /// Created.
        Created = "CREATED",
        /// Received from the buyer.
        Received = "RECEIVED",
        /// On its way.
        InTransit = "IN_TRANSIT",
        /// Ready to be picked up.
        ReadyForPickup = "READY_FOR_PICKUP",
        /// Picked up.
        Picked = "PICKED",
        /// Received at a fulfilment warehouse.
        ReceivedOnFulfillment = "RECEIVED_ON_FULFILLMENT",
        /// Cancelled.
        Cancelled = "CANCELLED",
        /// Lost.
        Lost = "LOST",
        /// Disposed of.
        Utilized = "UTILIZED",
        /// Prepared for disposal.
        PreparedForUtilization = "PREPARED_FOR_UTILIZATION",
        /// Taken over by Yandex Market.
        Expropriated = "EXPROPRIATED",
        /// Not claimed.
        NotInDemand = "NOT_IN_DEMAND",
    }
}

market_core::wire_enum! {
    /// The stock a returned unit went to (schema `ReturnInstanceStockType`).
    pub enum ReturnInstanceStockType {
        /// Sellable.
        Fit = "FIT",
        /// Defective.
        Defect = "DEFECT",
        /// An anomaly.
        Anomaly = "ANOMALY",
        /// A surplus.
        Surplus = "SURPLUS",
        /// Expired.
        Expired = "EXPIRED",
        /// Misgraded.
        Misgrading = "MISGRADING",
        /// Not determined.
        Undefined = "UNDEFINED",
        /// A wrong IMEI.
        IncorrectImei = "INCORRECT_IMEI",
        /// A wrong serial number.
        IncorrectSerialNumber = "INCORRECT_SERIAL_NUMBER",
        /// A wrong marking code.
        IncorrectCis = "INCORRECT_CIS",
        /// A part is missing.
        PartMissing = "PART_MISSING",
        /// Non-compliant (the vendor's spelling).
        NonComplient = "NON_COMPLIENT",
        /// Not acceptable.
        NotAcceptable = "NOT_ACCEPTABLE",
        /// Service.
        Service = "SERVICE",
        /// Marked down.
        Markdown = "MARKDOWN",
        /// A demo unit.
        Demo = "DEMO",
        /// In repair.
        Repair = "REPAIR",
        /// Needs firmware.
        Firmware = "FIRMWARE",
        /// The vendor's own `UNKNOWN` value (not an unlisted value: see `Unknown`).
        Unspecified = "UNKNOWN",
    }
}

market_core::wire_enum! {
    /// The kind of a logistic point (schema `LogisticPointType`).
    pub enum LogisticPointType {
        /// A warehouse.
        Warehouse = "WAREHOUSE",
        /// A pick-up point.
        PickupPoint = "PICKUP_POINT",
        /// A parcel terminal.
        PickupTerminal = "PICKUP_TERMINAL",
        /// A post office.
        PickupPostOffice = "PICKUP_POST_OFFICE",
        /// A mixed point.
        PickupMixed = "PICKUP_MIXED",
        /// A retail point.
        PickupRetail = "PICKUP_RETAIL",
    }
}

market_core::wire_enum! {
    /// Who receives a return shipment (schema `RecipientType`).
    pub enum RecipientType {
        /// The shop.
        Shop = "SHOP",
        /// A delivery service.
        DeliveryService = "DELIVERY_SERVICE",
        /// The post.
        Post = "POST",
    }
}

/// The filters of `getReturns` (its query parameters; not a vendor schema).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ReturnsFilter {
    /// Only the returns of these orders (at most
    /// [`crate::api::returns::RETURNS_GET_MAX`] a request; more are split by `list_stream`).
    pub order_ids: Vec<OrderId>,
    /// Only these refund statuses.
    pub statuses: Vec<RefundStatus>,
    /// Only these logistic statuses.
    pub shipment_statuses: Vec<ReturnShipmentStatus>,
    /// Only returns or only unredeemed orders; both when `None`.
    pub return_type: Option<ReturnType>,
    /// Updated on or after this day (`fromDate`).
    pub from_date: Option<NaiveDate>,
    /// Updated on or before this day (`toDate`).
    pub to_date: Option<NaiveDate>,
}

impl ReturnsFilter {
    /// Only the returns of these orders.
    pub fn with_order_ids(mut self, ids: impl IntoIterator<Item = OrderId>) -> Self {
        self.order_ids = ids.into_iter().collect();
        self
    }

    /// Only these refund statuses.
    pub fn with_statuses(mut self, statuses: impl IntoIterator<Item = RefundStatus>) -> Self {
        self.statuses = statuses.into_iter().collect();
        self
    }

    /// Only these logistic statuses.
    pub fn with_shipment_statuses(
        mut self,
        statuses: impl IntoIterator<Item = ReturnShipmentStatus>,
    ) -> Self {
        self.shipment_statuses = statuses.into_iter().collect();
        self
    }

    /// Only returns or only unredeemed orders.
    pub fn with_type(mut self, return_type: ReturnType) -> Self {
        self.return_type = Some(return_type);
        self
    }

    /// Updated from `from` to `to`, both days included.
    pub fn with_dates(mut self, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Self {
        self.from_date = from;
        self.to_date = to;
        self
    }
}

/// Answer of `getReturns` (schema `GetReturnsResponse`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct ReturnsResponse {
    /// `OK` or `ERROR`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ApiStatus>,
    /// One page of returns.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<PagedReturns>,
}

/// One page of returns (schema `PagedReturnsDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct PagedReturns {
    /// The next page's token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paging: Option<Pager>,
    /// The returns (required: an answer without it is an error, not an empty page).
    pub returns: Vec<Return>,
}

/// Answer of `getReturn` (schema `GetReturnResponse`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct ReturnResponse {
    /// `OK` or `ERROR`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ApiStatus>,
    /// The return.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<Return>,
}

/// A return or an unredeemed order (schema `ReturnDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct Return {
    /// The return id.
    #[serde(default)]
    pub id: ReturnId,
    /// The order.
    #[serde(default)]
    pub order_id: OrderId,
    /// When it was created.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_time",
        skip_serializing_if = "Option::is_none"
    )]
    pub creation_date: Option<DateTime<Utc>>,
    /// When it was last updated.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_time",
        skip_serializing_if = "Option::is_none"
    )]
    pub update_date: Option<DateTime<Utc>>,
    /// Until when the seller may pick it up.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_time",
        skip_serializing_if = "Option::is_none"
    )]
    pub pickup_till_date: Option<DateTime<Utc>>,
    /// Where the money back stands; `None` when not sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refund_status: Option<RefundStatus>,
    /// The logistic status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipment_status: Option<ReturnShipmentStatus>,
    /// Who receives the return shipment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipment_recipient_type: Option<RecipientType>,
    /// The refunded amount in roubles (deprecated by the vendor: see `amount`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refund_amount: Option<i64>,
    /// The refunded amount.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<CurrencyValue>,
    /// Return or unredeemed order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub return_type: Option<ReturnType>,
    /// Whether it is a fast return (refunded before the goods come back).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fast_return: Option<bool>,
    /// Where the seller picks it up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logistic_pickup_point: Option<LogisticPickupPoint>,
    /// The returned items.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub items: Vec<ReturnItem>,
}

/// A returned item (schema `ReturnItemDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct ReturnItem {
    /// Yandex Market's card of the product.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub market_sku: Option<MarketSku>,
    /// The seller's SKU.
    #[serde(default)]
    pub shop_sku: String,
    /// Units returned.
    #[serde(default)]
    pub count: i64,
    /// Decisions on the item (`null` read as none).
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub decisions: Vec<ReturnDecision>,
    /// The returned units (`null` read as none).
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub instances: Vec<ReturnInstance>,
    /// Tracking codes (`null` read as none).
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub tracks: Vec<Track>,
}

/// A decision on a returned item (schema `ReturnDecisionDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct ReturnDecision {
    /// The item's id in the return (what a decision is submitted for).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub return_item_id: Option<i64>,
    /// Units the decision covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<i32>,
    /// The buyer's comment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// The reason of the return.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason_type: Option<ReturnDecisionReason>,
    /// The detailed reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subreason_type: Option<ReturnDecisionSubreason>,
    /// The decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision_type: Option<ReturnDecisionType>,
    /// The refund in roubles (deprecated by the vendor: see `amount`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refund_amount: Option<i64>,
    /// The refund.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<CurrencyValue>,
    /// The compensation to the seller in roubles (deprecated by the vendor: see
    /// `partner_compensation_amount`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner_compensation: Option<i64>,
    /// The compensation to the seller.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner_compensation_amount: Option<CurrencyValue>,
    /// Photos the buyer attached (`null` read as none).
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub images: Vec<String>,
}

/// A returned unit (schema `ReturnInstanceDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct ReturnInstance {
    /// Its logistic status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ReturnInstanceStatus>,
    /// The stock it went to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stock_type: Option<ReturnInstanceStockType>,
    /// Its marking code ("Chestny ZNAK").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cis: Option<String>,
    /// Its IMEI.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub imei: Option<String>,
}

/// A tracking code (schema `TrackDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct Track {
    /// The code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub track_code: Option<String>,
}

/// Where the seller picks a return up (schema `LogisticPickupPointDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct LogisticPickupPoint {
    /// The point's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// Its name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Its address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<PickupAddress>,
    /// How to get there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instruction: Option<String>,
    /// Its kind.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub point_type: Option<LogisticPointType>,
    /// The logistics partner running it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logistic_partner_id: Option<i64>,
}

/// The address of a pick-up point (schema `PickupAddressDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct PickupAddress {
    /// Country; `None` when not sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Postal code; `None` when not sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postcode: Option<String>,
    /// City; `None` when not sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// Street; `None` when not sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
    /// House number; `None` when not sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub house: Option<String>,
}

/// The buyer's return application form, as `getReturnApplication` answers it (a file, not a
/// JSON schema).
#[derive(Debug, Clone, PartialEq)]
pub struct ReturnApplication {
    /// The content type Yandex Market sent (`application/pdf`).
    pub content_type: String,
    /// The file.
    pub bytes: Bytes,
}

/// Request of `getReturnAvailableDecisions` (schema `GetReturnAvailableDecisionsRequest`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct AvailableDecisionsRequest {
    /// The shop.
    pub campaign_id: CampaignId,
    /// The return.
    pub return_id: ReturnId,
}

/// Answer of `getReturnAvailableDecisions` (schema `GetReturnAvailableDecisionsResponse`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct AvailableDecisionsResponse {
    /// `OK` or `ERROR`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ApiStatus>,
    /// The decisions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<AvailableDecisions>,
}

/// The decisions open to the seller (schema `ReturnAvailableDecisionsResponse`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct AvailableDecisions {
    /// The decisions (required: an answer without it is an error, not an empty page).
    pub available_decisions: Vec<AvailableDecision>,
}

/// A decision open to the seller (schema `ReturnAvailableDecisionDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct AvailableDecision {
    /// The decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision_type: Option<ReturnDecisionType>,
    /// The reasons that may go with it (`null` read as none).
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub decision_reason_types: Vec<ReturnRequestDecisionReason>,
    /// The bounds of a partial refund (only for `PARTIAL_MONEY_REFUND`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partial_compensation_bounds: Option<PartialCompensationBounds>,
}

/// The bounds of a partial refund (schema `PartialCompensationBoundsDTO`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct PartialCompensationBounds {
    /// The smallest amount.
    pub min_amount: BasePrice,
    /// The largest amount.
    pub max_amount: BasePrice,
    /// The largest share of the item's price, in percent.
    #[serde(default)]
    pub max_percent: i64,
}

/// Request of `submitReturnDecision` (schema `SubmitReturnDecisionRequest`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct SubmitReturnDecisionRequest {
    /// A decision per returned item, at least one.
    pub return_item_decisions: Vec<ReturnItemDecision>,
}

/// The seller's decision on a returned item (schema `ReturnItemDecisionDTO`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct ReturnItemDecision {
    /// The item's id in the return (`returnItemId` of its decisions in [`Return`]).
    pub return_item_id: i64,
    /// The decision.
    pub decision_type: ReturnRequestDecisionType,
    /// Why the refund is refused or limited.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision_reason_type: Option<ReturnRequestDecisionReason>,
    /// A comment (what it must say depends on the decision).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// The voluntary compensation, only with `PARTIAL_MONEY_REFUND`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compensation: Option<BasePrice>,
}

impl ReturnItemDecision {
    /// A decision on an item.
    pub fn new(return_item_id: i64, decision_type: ReturnRequestDecisionType) -> Self {
        Self {
            return_item_id,
            decision_type,
            decision_reason_type: None,
            comment: None,
            compensation: None,
        }
    }

    /// Adds the reason.
    pub fn with_reason(mut self, reason: ReturnRequestDecisionReason) -> Self {
        self.decision_reason_type = Some(reason);
        self
    }

    /// Adds a comment.
    pub fn with_comment(mut self, comment: impl Into<String>) -> Self {
        self.comment = Some(comment.into());
        self
    }

    /// Adds the compensation of a partial refund.
    pub fn with_compensation(mut self, compensation: BasePrice) -> Self {
        self.compensation = Some(compensation);
        self
    }
}
