//! Wire types of the orders section: the business-level order list (`getBusinessOrders`),
//! status changes (one order, or many in one request), box layout, line changes, marking
//! codes, cancellation answers, delivery date and track code, and the buyer of a DBS order.
//!
//! Two order shapes exist: [`BusinessOrder`] (the business-level list, ISO dates) and
//! [`Order`] (the campaign-level shape the status change answers with, `DD-MM-YYYY` dates).
//! Money is [`Decimal`], read exactly from the JSON number.
//!
//! The vendor schemas other sections use too ([`CurrencyType`], [`CurrencyValue`],
//! [`RegionType`], [`SellingProgramType`], [`Gps`]) live in [`crate::models::common`] and are
//! re-exported here; [`OrderStatus`] and [`OrderSubstatus`] are defined here and re-exported
//! by [`crate::push`].

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use market_core::wire::de;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::ids::{BoxId, CampaignId, OrderId, OrderItemId, ShipmentId};
use crate::models::common::{ApiStatus, Pager, default_unknown};
pub use crate::models::common::{CurrencyType, CurrencyValue, Gps, RegionType, SellingProgramType};

market_core::wire_enum! {
    /// The status of an order (`OrderStatusType`; the notifications carry the same values).
    pub enum OrderStatus {
        /// Being placed by the buyer; not ready for processing yet.
        Placing = "PLACING",
        /// Reserved; the buyer has not finished placing it.
        Reserved = "RESERVED",
        /// Placed but not paid yet (payment at checkout).
        Unpaid = "UNPAID",
        /// Being processed by the seller (see the substatus for the step).
        Processing = "PROCESSING",
        /// Handed over for delivery.
        Delivery = "DELIVERY",
        /// Waiting at the pickup point.
        Pickup = "PICKUP",
        /// Received by the buyer.
        Delivered = "DELIVERED",
        /// Cancelled (see the substatus for the reason).
        Cancelled = "CANCELLED",
        /// Waiting for the seller to confirm it.
        Pending = "PENDING",
        /// Part of it was returned.
        PartiallyReturned = "PARTIALLY_RETURNED",
        /// Returned in full.
        Returned = "RETURNED",
        /// Yandex Market's own `UNKNOWN` status (a value this library does not know is `Unknown(..)`).
        Unspecified = "UNKNOWN",
    }
}

market_core::wire_enum! {
    /// The processing step of a `PROCESSING` order, the reason of a `CANCELLED` one, or another
    /// stage (`OrderSubstatusType`; the notifications carry the same values).
    pub enum OrderSubstatus {
        /// Cancelled: the buyer did not complete the reserved order in time.
        ReservationExpired = "RESERVATION_EXPIRED",
        /// Cancelled: a prepaid order was not paid in time.
        UserNotPaid = "USER_NOT_PAID",
        /// Cancelled: the buyer could not be reached.
        UserUnreachable = "USER_UNREACHABLE",
        /// Cancelled: the buyer changed their mind.
        UserChangedMind = "USER_CHANGED_MIND",
        /// User refused delivery.
        UserRefusedDelivery = "USER_REFUSED_DELIVERY",
        /// User refused product.
        UserRefusedProduct = "USER_REFUSED_PRODUCT",
        /// Cancelled: the shop cannot fulfil the order.
        ShopFailed = "SHOP_FAILED",
        /// User refused quality.
        UserRefusedQuality = "USER_REFUSED_QUALITY",
        /// Replacing order.
        ReplacingOrder = "REPLACING_ORDER",
        /// Processing expired.
        ProcessingExpired = "PROCESSING_EXPIRED",
        /// Pending expired.
        PendingExpired = "PENDING_EXPIRED",
        /// Shop pending cancelled.
        ShopPendingCancelled = "SHOP_PENDING_CANCELLED",
        /// Pending cancelled.
        PendingCancelled = "PENDING_CANCELLED",
        /// User fraud.
        UserFraud = "USER_FRAUD",
        /// Reservation failed.
        ReservationFailed = "RESERVATION_FAILED",
        /// User placed other order.
        UserPlacedOtherOrder = "USER_PLACED_OTHER_ORDER",
        /// User bought cheaper.
        UserBoughtCheaper = "USER_BOUGHT_CHEAPER",
        /// Missing item.
        MissingItem = "MISSING_ITEM",
        /// Broken item.
        BrokenItem = "BROKEN_ITEM",
        /// Wrong item.
        WrongItem = "WRONG_ITEM",
        /// Pickup expired.
        PickupExpired = "PICKUP_EXPIRED",
        /// Delivery problems.
        DeliveryProblems = "DELIVERY_PROBLEMS",
        /// Late contact.
        LateContact = "LATE_CONTACT",
        /// Custom.
        Custom = "CUSTOM",
        /// Delivery service failed.
        DeliveryServiceFailed = "DELIVERY_SERVICE_FAILED",
        /// Warehouse failed to ship.
        WarehouseFailedToShip = "WAREHOUSE_FAILED_TO_SHIP",
        /// Delivery service undelivered.
        DeliveryServiceUndelivered = "DELIVERY_SERVICE_UNDELIVERED",
        /// Preorder.
        Preorder = "PREORDER",
        /// Await confirmation.
        AwaitConfirmation = "AWAIT_CONFIRMATION",
        /// Confirmed: the order can be processed.
        Started = "STARTED",
        /// Packaging.
        Packaging = "PACKAGING",
        /// Packed and ready to ship.
        ReadyToShip = "READY_TO_SHIP",
        /// Shipped.
        Shipped = "SHIPPED",
        /// Async processing.
        AsyncProcessing = "ASYNC_PROCESSING",
        /// Waiting user input.
        WaitingUserInput = "WAITING_USER_INPUT",
        /// Waiting bank decision.
        WaitingBankDecision = "WAITING_BANK_DECISION",
        /// Bank reject credit offer.
        BankRejectCreditOffer = "BANK_REJECT_CREDIT_OFFER",
        /// Customer reject credit offer.
        CustomerRejectCreditOffer = "CUSTOMER_REJECT_CREDIT_OFFER",
        /// Credit offer failed.
        CreditOfferFailed = "CREDIT_OFFER_FAILED",
        /// Await delivery dates confirmation.
        AwaitDeliveryDatesConfirmation = "AWAIT_DELIVERY_DATES_CONFIRMATION",
        /// Service fault.
        ServiceFault = "SERVICE_FAULT",
        /// Delivery service received.
        DeliveryServiceReceived = "DELIVERY_SERVICE_RECEIVED",
        /// User received.
        UserReceived = "USER_RECEIVED",
        /// Waiting for stocks.
        WaitingForStocks = "WAITING_FOR_STOCKS",
        /// As part of multi order.
        AsPartOfMultiOrder = "AS_PART_OF_MULTI_ORDER",
        /// Ready for last mile.
        ReadyForLastMile = "READY_FOR_LAST_MILE",
        /// Last mile started.
        LastMileStarted = "LAST_MILE_STARTED",
        /// Antifraud.
        Antifraud = "ANTIFRAUD",
        /// Delivery user not received.
        DeliveryUserNotReceived = "DELIVERY_USER_NOT_RECEIVED",
        /// Delivery service delivered.
        DeliveryServiceDelivered = "DELIVERY_SERVICE_DELIVERED",
        /// Delivered user not received.
        DeliveredUserNotReceived = "DELIVERED_USER_NOT_RECEIVED",
        /// User wanted another payment method.
        UserWantedAnotherPaymentMethod = "USER_WANTED_ANOTHER_PAYMENT_METHOD",
        /// User received technical error.
        UserReceivedTechnicalError = "USER_RECEIVED_TECHNICAL_ERROR",
        /// User forgot to use bonus.
        UserForgotToUseBonus = "USER_FORGOT_TO_USE_BONUS",
        /// Delivery service not received.
        DeliveryServiceNotReceived = "DELIVERY_SERVICE_NOT_RECEIVED",
        /// Delivery service lost.
        DeliveryServiceLost = "DELIVERY_SERVICE_LOST",
        /// Shipped to wrong delivery service.
        ShippedToWrongDeliveryService = "SHIPPED_TO_WRONG_DELIVERY_SERVICE",
        /// Delivered user received.
        DeliveredUserReceived = "DELIVERED_USER_RECEIVED",
        /// Waiting tinkoff decision.
        WaitingTinkoffDecision = "WAITING_TINKOFF_DECISION",
        /// Courier search.
        CourierSearch = "COURIER_SEARCH",
        /// Courier found.
        CourierFound = "COURIER_FOUND",
        /// Courier in transit to sender.
        CourierInTransitToSender = "COURIER_IN_TRANSIT_TO_SENDER",
        /// Courier arrived to sender.
        CourierArrivedToSender = "COURIER_ARRIVED_TO_SENDER",
        /// Courier received.
        CourierReceived = "COURIER_RECEIVED",
        /// Courier not found.
        CourierNotFound = "COURIER_NOT_FOUND",
        /// Courier not deliver order.
        CourierNotDeliverOrder = "COURIER_NOT_DELIVER_ORDER",
        /// Courier returns order.
        CourierReturnsOrder = "COURIER_RETURNS_ORDER",
        /// Courier returned order.
        CourierReturnedOrder = "COURIER_RETURNED_ORDER",
        /// Waiting user delivery input.
        WaitingUserDeliveryInput = "WAITING_USER_DELIVERY_INPUT",
        /// Pickup service received.
        PickupServiceReceived = "PICKUP_SERVICE_RECEIVED",
        /// Pickup user received.
        PickupUserReceived = "PICKUP_USER_RECEIVED",
        /// Cancelled courier not found.
        CancelledCourierNotFound = "CANCELLED_COURIER_NOT_FOUND",
        /// Courier not come for order.
        CourierNotComeForOrder = "COURIER_NOT_COME_FOR_ORDER",
        /// Delivery not managed region.
        DeliveryNotManagedRegion = "DELIVERY_NOT_MANAGED_REGION",
        /// Incomplete contact information.
        IncompleteContactInformation = "INCOMPLETE_CONTACT_INFORMATION",
        /// Incomplete multi order.
        IncompleteMultiOrder = "INCOMPLETE_MULTI_ORDER",
        /// Inappropriate weight size.
        InappropriateWeightSize = "INAPPROPRIATE_WEIGHT_SIZE",
        /// A technical error on Yandex Market's side.
        TechnicalError = "TECHNICAL_ERROR",
        /// Sorting center lost.
        SortingCenterLost = "SORTING_CENTER_LOST",
        /// Courier search not started.
        CourierSearchNotStarted = "COURIER_SEARCH_NOT_STARTED",
        /// Lost.
        Lost = "LOST",
        /// Await payment.
        AwaitPayment = "AWAIT_PAYMENT",
        /// Await lavka reservation.
        AwaitLavkaReservation = "AWAIT_LAVKA_RESERVATION",
        /// User wants to change address.
        UserWantsToChangeAddress = "USER_WANTS_TO_CHANGE_ADDRESS",
        /// Full not ransom.
        FullNotRansom = "FULL_NOT_RANSOM",
        /// Prescription mismatch.
        PrescriptionMismatch = "PRESCRIPTION_MISMATCH",
        /// Dropoff lost.
        DropoffLost = "DROPOFF_LOST",
        /// Dropoff closed.
        DropoffClosed = "DROPOFF_CLOSED",
        /// Delivery to store started.
        DeliveryToStoreStarted = "DELIVERY_TO_STORE_STARTED",
        /// User wants to change delivery date.
        UserWantsToChangeDeliveryDate = "USER_WANTS_TO_CHANGE_DELIVERY_DATE",
        /// Wrong item delivered.
        WrongItemDelivered = "WRONG_ITEM_DELIVERED",
        /// Damaged box.
        DamagedBox = "DAMAGED_BOX",
        /// Await delivery dates.
        AwaitDeliveryDates = "AWAIT_DELIVERY_DATES",
        /// Last mile courier search.
        LastMileCourierSearch = "LAST_MILE_COURIER_SEARCH",
        /// Pickup point closed.
        PickupPointClosed = "PICKUP_POINT_CLOSED",
        /// Legal info changed.
        LegalInfoChanged = "LEGAL_INFO_CHANGED",
        /// User has no time to pickup order.
        UserHasNoTimeToPickupOrder = "USER_HAS_NO_TIME_TO_PICKUP_ORDER",
        /// Delivery customs arrived.
        DeliveryCustomsArrived = "DELIVERY_CUSTOMS_ARRIVED",
        /// Delivery customs cleared.
        DeliveryCustomsCleared = "DELIVERY_CUSTOMS_CLEARED",
        /// First mile delivery service received.
        FirstMileDeliveryServiceReceived = "FIRST_MILE_DELIVERY_SERVICE_RECEIVED",
        /// Await auto delivery dates.
        AwaitAutoDeliveryDates = "AWAIT_AUTO_DELIVERY_DATES",
        /// Await user personal data.
        AwaitUserPersonalData = "AWAIT_USER_PERSONAL_DATA",
        /// No personal data expired.
        NoPersonalDataExpired = "NO_PERSONAL_DATA_EXPIRED",
        /// Customs problems.
        CustomsProblems = "CUSTOMS_PROBLEMS",
        /// Await cashier.
        AwaitCashier = "AWAIT_CASHIER",
        /// Waiting postpaid budget reservation.
        WaitingPostpaidBudgetReservation = "WAITING_POSTPAID_BUDGET_RESERVATION",
        /// Await serviceable confirmation.
        AwaitServiceableConfirmation = "AWAIT_SERVICEABLE_CONFIRMATION",
        /// Postpaid budget reservation failed.
        PostpaidBudgetReservationFailed = "POSTPAID_BUDGET_RESERVATION_FAILED",
        /// Await custom price confirmation.
        AwaitCustomPriceConfirmation = "AWAIT_CUSTOM_PRICE_CONFIRMATION",
        /// Ready for pickup.
        ReadyForPickup = "READY_FOR_PICKUP",
        /// Too many delivery date changes.
        TooManyDeliveryDateChanges = "TOO_MANY_DELIVERY_DATE_CHANGES",
        /// Too long delivery.
        TooLongDelivery = "TOO_LONG_DELIVERY",
        /// Deferred payment.
        DeferredPayment = "DEFERRED_PAYMENT",
        /// Postpaid failed.
        PostpaidFailed = "POSTPAID_FAILED",
        /// Incorrect personal data.
        IncorrectPersonalData = "INCORRECT_PERSONAL_DATA",
        /// Customs failed market.
        CustomsFailedMarket = "CUSTOMS_FAILED_MARKET",
        /// Customs failed user commercial items.
        CustomsFailedUserCommercialItems = "CUSTOMS_FAILED_USER_COMMERCIAL_ITEMS",
        /// Customs failed user duty not paid.
        CustomsFailedUserDutyNotPaid = "CUSTOMS_FAILED_USER_DUTY_NOT_PAID",
        /// Customs failed user invalid personal data.
        CustomsFailedUserInvalidPersonalData = "CUSTOMS_FAILED_USER_INVALID_PERSONAL_DATA",
        /// Customs failed user additional data not provided.
        CustomsFailedUserAdditionalDataNotProvided = "CUSTOMS_FAILED_USER_ADDITIONAL_DATA_NOT_PROVIDED",
        /// Await payment after delivery.
        AwaitPaymentAfterDelivery = "AWAIT_PAYMENT_AFTER_DELIVERY",
        /// Await user steam fast url.
        AwaitUserSteamFastUrl = "AWAIT_USER_STEAM_FAST_URL",
        /// User identification mismatch.
        UserIdentificationMismatch = "USER_IDENTIFICATION_MISMATCH",
        /// Purchase group threshold not reached cancelled.
        PurchaseGroupThresholdNotReachedCancelled = "PURCHASE_GROUP_THRESHOLD_NOT_REACHED_CANCELLED",
        /// Yandex Market's own `UNKNOWN` value (a value this library does not know is `Unknown(..)`).
        Unspecified = "UNKNOWN",
    }
}

market_core::wire_enum! {
    /// Who bought: a person or a business (`OrderBuyerType`).
    pub enum OrderBuyerType {
        /// Person.
        Person = "PERSON",
        /// Business.
        Business = "BUSINESS",
    }
}

market_core::wire_enum! {
    /// Who delivers the order: the seller or Yandex Market (`OrderDeliveryPartnerType`).
    pub enum OrderDeliveryPartnerType {
        /// Shop.
        Shop = "SHOP",
        /// Yandex market.
        YandexMarket = "YANDEX_MARKET",
        /// Yandex Market's own `UNKNOWN` value (a value this library does not know is `Unknown(..)`).
        Unspecified = "UNKNOWN",
    }
}

market_core::wire_enum! {
    /// How a digital good reaches the buyer (`DigitalGoodsDeliveryType`).
    pub enum DigitalGoodsDeliveryType {
        /// Email.
        Email = "EMAIL",
        /// Activation code.
        ActivationCode = "ACTIVATION_CODE",
        /// Steam gift.
        SteamGift = "STEAM_GIFT",
        /// Chat.
        Chat = "CHAT",
    }
}

market_core::wire_enum! {
    /// Where the order is delivered to (`OrderDeliveryDispatchType`).
    pub enum OrderDeliveryDispatchType {
        /// Yandex Market's own `UNKNOWN` value (a value this library does not know is `Unknown(..)`).
        Unspecified = "UNKNOWN",
        /// Buyer.
        Buyer = "BUYER",
        /// Market branded outlet.
        MarketBrandedOutlet = "MARKET_BRANDED_OUTLET",
        /// Shop outlet.
        ShopOutlet = "SHOP_OUTLET",
    }
}

market_core::wire_enum! {
    /// The kind of the handover code of an order (`OrderDeliveryEacType`).
    pub enum OrderDeliveryEacType {
        /// Merchant to courier.
        MerchantToCourier = "MERCHANT_TO_COURIER",
        /// Courier to merchant.
        CourierToMerchant = "COURIER_TO_MERCHANT",
        /// Checking by merchant.
        CheckingByMerchant = "CHECKING_BY_MERCHANT",
    }
}

market_core::wire_enum! {
    /// How the order is delivered (`OrderDeliveryType`).
    pub enum OrderDeliveryType {
        /// Delivery.
        Delivery = "DELIVERY",
        /// Pickup.
        Pickup = "PICKUP",
        /// Post.
        Post = "POST",
        /// Digital.
        Digital = "DIGITAL",
        /// Yandex Market's own `UNKNOWN` value (a value this library does not know is `Unknown(..)`).
        Unspecified = "UNKNOWN",
    }
}

market_core::wire_enum! {
    /// The status of units of an order line (`OrderItemUnitStatusType`).
    pub enum OrderItemUnitStatusType {
        /// Created.
        Created = "CREATED",
        /// Shipped.
        Shipped = "SHIPPED",
        /// Cancelled.
        Cancelled = "CANCELLED",
        /// Delivered to buyer.
        DeliveredToBuyer = "DELIVERED_TO_BUYER",
        /// Lost.
        Lost = "LOST",
        /// Rejected.
        Rejected = "REJECTED",
        /// Returned.
        Returned = "RETURNED",
    }
}

market_core::wire_enum! {
    /// A VAT rate (`OrderVatType`).
    pub enum OrderVatType {
        /// Not subject to VAT (only for some kinds of services).
        NoVat = "NO_VAT",
        /// VAT 0% (for example goods exported under the customs export procedure).
        Vat0 = "VAT_0",
        /// VAT 10% (some food and medical goods).
        Vat10 = "VAT_10",
        /// VAT 10/110: 10%, on prepayment only.
        Vat10_110 = "VAT_10_110",
        /// VAT 20%: the main rate from 2019 to 1 January 2026.
        Vat20 = "VAT_20",
        /// VAT 20/120: 20%, on prepayment only.
        Vat20_120 = "VAT_20_120",
        /// VAT 18%: the main rate before 2019.
        Vat18 = "VAT_18",
        /// VAT 18/118: used on prepayment before 1 January 2019.
        Vat18_118 = "VAT_18_118",
        /// VAT 12%: Uzbekistan only.
        Vat12 = "VAT_12",
        /// VAT 5%, for the simplified tax system (USN).
        Vat05 = "VAT_05",
        /// VAT 7%, for the simplified tax system (USN).
        Vat07 = "VAT_07",
        /// VAT 22%: the main rate from 1 January 2026.
        Vat22 = "VAT_22",
        /// Yandex Market's own `UNKNOWN_VALUE` (a value this library does not know is `Unknown(..)`).
        UnknownValue = "UNKNOWN_VALUE",
    }
}

market_core::wire_enum! {
    /// A kind of marking code a line needs (`OrderItemInstanceType`).
    pub enum OrderItemInstanceType {
        /// Cis.
        Cis = "CIS",
        /// Cis optional.
        CisOptional = "CIS_OPTIONAL",
        /// Uin.
        Uin = "UIN",
        /// Rnpt.
        Rnpt = "RNPT",
        /// Gtd.
        Gtd = "GTD",
    }
}

market_core::wire_enum! {
    /// A tag of an order line (`OrderItemTagType`).
    pub enum OrderItemTagType {
        /// Ultima.
        Ultima = "ULTIMA",
        /// Safe tag.
        SafeTag = "SAFE_TAG",
    }
}

market_core::wire_enum! {
    /// How the buyer pays (`OrderPaymentMethodType`).
    pub enum OrderPaymentMethodType {
        /// Cash, on delivery.
        CashOnDelivery = "CASH_ON_DELIVERY",
        /// Bank card, on delivery.
        CardOnDelivery = "CARD_ON_DELIVERY",
        /// The buyer's linked card, on delivery.
        BoundCardOnDelivery = "BOUND_CARD_ON_DELIVERY",
        /// Super Split (instalments), on delivery.
        BnplBankOnDelivery = "BNPL_BANK_ON_DELIVERY",
        /// Split (instalments), on delivery.
        BnplOnDelivery = "BNPL_ON_DELIVERY",
        /// Bank card, when ordering (prepaid).
        Yandex = "YANDEX",
        /// Apple Pay (no longer used).
        ApplePay = "APPLE_PAY",
        /// A gift certificate (for example from the Sberbank Online app).
        ExternalCertificate = "EXTERNAL_CERTIFICATE",
        /// On credit.
        Credit = "CREDIT",
        /// Google Pay (no longer used).
        GooglePay = "GOOGLE_PAY",
        /// On credit from Tinkoff Bank.
        TinkoffCredit = "TINKOFF_CREDIT",
        /// Through the Faster Payments System (СБП).
        Sbp = "SBP",
        /// Instalments from Tinkoff Bank.
        TinkoffInstallments = "TINKOFF_INSTALLMENTS",
        /// An organisation pays, when ordering.
        B2bAccountPrepayment = "B2B_ACCOUNT_PREPAYMENT",
        /// An organisation pays, after delivery.
        B2bAccountPostpayment = "B2B_ACCOUNT_POSTPAYMENT",
        /// Microcredit.
        Microcredit = "MICROCREDIT",
        /// Bnpl tbyb.
        BnplTbyb = "BNPL_TBYB",
        /// Yandex Market's own `UNKNOWN` value (a value this library does not know is `Unknown(..)`).
        Unspecified = "UNKNOWN",
    }
}

market_core::wire_enum! {
    /// When the buyer pays: in advance or on delivery (`OrderPaymentType`).
    pub enum OrderPaymentType {
        /// Prepaid.
        Prepaid = "PREPAID",
        /// Postpaid.
        Postpaid = "POSTPAID",
        /// Yandex Market's own `UNKNOWN` value (a value this library does not know is `Unknown(..)`).
        Unspecified = "UNKNOWN",
    }
}

market_core::wire_enum! {
    /// How the order is brought up to the floor (`OrderLiftType`).
    pub enum OrderLiftType {
        /// Not needed.
        NotNeeded = "NOT_NEEDED",
        /// Manual.
        Manual = "MANUAL",
        /// Elevator.
        Elevator = "ELEVATOR",
        /// Cargo elevator.
        CargoElevator = "CARGO_ELEVATOR",
        /// Free.
        Free = "FREE",
        /// Yandex Market's own `UNKNOWN` value (a value this library does not know is `Unknown(..)`).
        Unspecified = "UNKNOWN",
    }
}

market_core::wire_enum! {
    /// The platform the order was placed on (`OrderSourcePlatformType`).
    pub enum OrderSourcePlatformType {
        /// Market.
        Market = "MARKET",
        /// Ozon.
        Ozon = "OZON",
        /// Wildberries.
        Wildberries = "WILDBERRIES",
        /// Other.
        Other = "OTHER",
    }
}

market_core::wire_enum! {
    /// The kind of an asynchronous operation (`OperationType`).
    pub enum OperationType {
        /// Order recipient update.
        OrderRecipientUpdate = "ORDER_RECIPIENT_UPDATE",
        /// Order delivery interval update.
        OrderDeliveryIntervalUpdate = "ORDER_DELIVERY_INTERVAL_UPDATE",
        /// Order status update.
        OrderStatusUpdate = "ORDER_STATUS_UPDATE",
        /// Return cancellation.
        ReturnCancellation = "RETURN_CANCELLATION",
    }
}

market_core::wire_enum! {
    /// Whether the status change of one order succeeded (`OrderUpdateStatusType`).
    pub enum OrderUpdateStatusType {
        /// Ok.
        Ok = "OK",
        /// Error.
        Error = "ERROR",
    }
}

market_core::wire_enum! {
    /// Why the seller refuses a buyer's cancellation (`OrderCancellationReasonType`).
    pub enum OrderCancellationReasonType {
        /// Order delivered.
        OrderDelivered = "ORDER_DELIVERED",
        /// Order in delivery.
        OrderInDelivery = "ORDER_IN_DELIVERY",
    }
}

market_core::wire_enum! {
    /// Why the delivery date moves (`OrderDeliveryDateReasonType`).
    pub enum OrderDeliveryDateReasonType {
        /// User moved delivery dates.
        UserMovedDeliveryDates = "USER_MOVED_DELIVERY_DATES",
        /// Partner moved delivery dates.
        PartnerMovedDeliveryDates = "PARTNER_MOVED_DELIVERY_DATES",
    }
}

market_core::wire_enum! {
    /// Why lines are removed or reduced (`OrderItemsModificationRequestReasonType`).
    pub enum ItemsRemovalReason {
        /// Partner requested remove.
        PartnerRequestedRemove = "PARTNER_REQUESTED_REMOVE",
        /// User requested remove.
        UserRequestedRemove = "USER_REQUESTED_REMOVE",
    }
}

market_core::wire_enum! {
    /// The status of units in a line's details (`OrderItemStatusType`).
    pub enum OrderItemStatusType {
        /// Rejected.
        Rejected = "REJECTED",
        /// Returned.
        Returned = "RETURNED",
    }
}

market_core::wire_enum! {
    /// A kind of promotion (`OrderPromoType`).
    pub enum OrderPromoType {
        /// Direct discount.
        DirectDiscount = "DIRECT_DISCOUNT",
        /// Blue set.
        BlueSet = "BLUE_SET",
        /// Blue flash.
        BlueFlash = "BLUE_FLASH",
        /// Generic bundle.
        GenericBundle = "GENERIC_BUNDLE",
        /// Market coupon.
        MarketCoupon = "MARKET_COUPON",
        /// Market promocode.
        MarketPromocode = "MARKET_PROMOCODE",
        /// Market blue.
        MarketBlue = "MARKET_BLUE",
        /// Market coin.
        MarketCoin = "MARKET_COIN",
        /// Price drop as you shop.
        PriceDropAsYouShop = "PRICE_DROP_AS_YOU_SHOP",
        /// Secret sale.
        SecretSale = "SECRET_SALE",
        /// Cheapest as gift.
        CheapestAsGift = "CHEAPEST_AS_GIFT",
        /// Cashback.
        Cashback = "CASHBACK",
        /// Spread discount count.
        SpreadDiscountCount = "SPREAD_DISCOUNT_COUNT",
        /// Spread discount receipt.
        SpreadDiscountReceipt = "SPREAD_DISCOUNT_RECEIPT",
        /// Discount by payment type.
        DiscountByPaymentType = "DISCOUNT_BY_PAYMENT_TYPE",
        /// Percent discount.
        PercentDiscount = "PERCENT_DISCOUNT",
        /// Dco extra discount.
        DcoExtraDiscount = "DCO_EXTRA_DISCOUNT",
        /// Yandex Market's own `UNKNOWN` value (a value this library does not know is `Unknown(..)`).
        Unspecified = "UNKNOWN",
    }
}

market_core::wire_enum! {
    /// A kind of subsidy of a line (`OrderItemSubsidyType`).
    pub enum OrderItemSubsidyType {
        /// Yandex cashback.
        YandexCashback = "YANDEX_CASHBACK",
        /// Subsidy.
        Subsidy = "SUBSIDY",
    }
}

market_core::wire_enum! {
    /// A kind of subsidy of an order (`OrderSubsidyType`).
    pub enum OrderSubsidyType {
        /// Yandex cashback.
        YandexCashback = "YANDEX_CASHBACK",
        /// Subsidy.
        Subsidy = "SUBSIDY",
        /// Delivery.
        Delivery = "DELIVERY",
    }
}

market_core::wire_enum! {
    /// The seller's tax system (`OrderTaxSystemType`).
    pub enum OrderTaxSystemType {
        /// The general tax system (ОСН).
        Osn = "OSN",
        /// The simplified tax system (УСН).
        Usn = "USN",
        /// The simplified tax system on income less expenses (УСН «Доходы минус расходы»).
        UsnMinusCost = "USN_MINUS_COST",
        /// The single tax on imputed income (ЕНВД).
        Envd = "ENVD",
        /// The single agricultural tax (ЕСХН).
        Echn = "ECHN",
        /// The patent tax system (ПСН).
        Psn = "PSN",
        /// The professional income tax (НПД).
        Npd = "NPD",
        /// The automated simplified tax system (АУСН).
        Ausn = "AUSN",
        /// The automated simplified tax system on income less expenses (АУСН «Доходы минус
        /// расходы»).
        AusnMinusCost = "AUSN_MINUS_COST",
        /// Yandex Market's own `UNKNOWN_VALUE` (a value this library does not know is `Unknown(..)`).
        UnknownValue = "UNKNOWN_VALUE",
    }
}

default_unknown!(
    OrderStatus,
    OrderSubstatus,
    OrderBuyerType,
    OrderDeliveryPartnerType,
    DigitalGoodsDeliveryType,
    OrderDeliveryEacType,
    OrderDeliveryType,
    OrderItemUnitStatusType,
    OrderPaymentMethodType,
    OrderPaymentType,
    OperationType,
    OrderItemStatusType,
    OrderPromoType,
    OrderItemSubsidyType,
    OrderSubsidyType,
    OrderTaxSystemType,
);

// ---------------------------------------------------------------------------------------------
// getBusinessOrders
// ---------------------------------------------------------------------------------------------

/// Request of `getBusinessOrders` (schema `GetBusinessOrdersRequest`): the filters of the
/// business-level order list. Empty lists and `None` are not sent (no filter).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct BusinessOrdersRequest {
    /// Orders by id (at most 50, distinct).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub order_ids: Vec<OrderId>,
    /// Orders by the seller's own id (at most 50, distinct, none empty).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub external_order_ids: Vec<String>,
    /// Orders of these delivery models.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub program_types: Vec<SellingProgramType>,
    /// Orders of these campaigns (at most 50, distinct).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub campaign_ids: Vec<CampaignId>,
    /// Orders in these statuses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub statuses: Vec<OrderStatus>,
    /// Orders at these processing steps or with these cancellation reasons.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub substatuses: Vec<OrderSubstatus>,
    /// Date windows (creation, shipment, update).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dates: Option<OrderDatesFilter>,
    /// `true`: Yandex Market's test orders; `false`: real orders; not sent: Yandex Market's
    /// default (test orders are not listed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fake: Option<bool>,
    /// DBS only: `true` lists only orders whose buyer asked to cancel them in `DELIVERY` or
    /// `PICKUP`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waiting_for_cancellation_approve: Option<bool>,
    /// Orders placed on these platforms.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub source_platforms: Vec<OrderSourcePlatformType>,
}

impl BusinessOrdersRequest {
    /// No filter: every order of the business in Yandex Market's default window.
    pub fn new() -> Self {
        Self::default()
    }

    /// Only these orders.
    pub fn with_order_ids(mut self, ids: impl IntoIterator<Item = OrderId>) -> Self {
        self.order_ids = ids.into_iter().collect();
        self
    }

    /// Only the orders with these ids of the seller's system.
    pub fn with_external_order_ids<S: Into<String>>(
        mut self,
        ids: impl IntoIterator<Item = S>,
    ) -> Self {
        self.external_order_ids = ids.into_iter().map(Into::into).collect();
        self
    }

    /// Only orders of these delivery models.
    pub fn with_program_types(
        mut self,
        types: impl IntoIterator<Item = SellingProgramType>,
    ) -> Self {
        self.program_types = types.into_iter().collect();
        self
    }

    /// Only orders of these campaigns.
    pub fn with_campaign_ids(mut self, ids: impl IntoIterator<Item = CampaignId>) -> Self {
        self.campaign_ids = ids.into_iter().collect();
        self
    }

    /// Only orders in these statuses.
    pub fn with_statuses(mut self, statuses: impl IntoIterator<Item = OrderStatus>) -> Self {
        self.statuses = statuses.into_iter().collect();
        self
    }

    /// Only orders with these substatuses.
    pub fn with_substatuses(
        mut self,
        substatuses: impl IntoIterator<Item = OrderSubstatus>,
    ) -> Self {
        self.substatuses = substatuses.into_iter().collect();
        self
    }

    /// Only orders in these date windows.
    pub fn with_dates(mut self, dates: OrderDatesFilter) -> Self {
        self.dates = Some(dates);
        self
    }

    /// `true`: only test orders; `false`: only real orders.
    pub fn with_fake(mut self, fake: bool) -> Self {
        self.fake = Some(fake);
        self
    }

    /// DBS: only orders the buyer asked to cancel after handover to delivery.
    pub fn with_waiting_for_cancellation_approve(mut self, waiting: bool) -> Self {
        self.waiting_for_cancellation_approve = Some(waiting);
        self
    }

    /// Only orders placed on these platforms.
    pub fn with_source_platforms(
        mut self,
        platforms: impl IntoIterator<Item = OrderSourcePlatformType>,
    ) -> Self {
        self.source_platforms = platforms.into_iter().collect();
        self
    }
}

/// The date windows of an order list (schema `OrderDatesFilterDTO`). Creation and shipment
/// windows are dates (`YYYY-MM-DD`, the end excluded, at most 30 days long); the update window
/// is a time range.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OrderDatesFilter {
    /// First creation date (included); Yandex Market's default is 30 days ago.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creation_date_from: Option<NaiveDate>,
    /// Creation date the window ends before; Yandex Market's default is today.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creation_date_to: Option<NaiveDate>,
    /// First shipment date (included).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipment_date_from: Option<NaiveDate>,
    /// Shipment date the window ends before.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipment_date_to: Option<NaiveDate>,
    /// Updated at or after this time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub update_date_from: Option<DateTime<Utc>>,
    /// Updated at or before this time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub update_date_to: Option<DateTime<Utc>>,
}

impl OrderDatesFilter {
    /// Orders created in `[from, to)`.
    pub fn created(from: NaiveDate, to: NaiveDate) -> Self {
        Self {
            creation_date_from: Some(from),
            creation_date_to: Some(to),
            ..Self::default()
        }
    }

    /// Orders to ship in `[from, to)`.
    pub fn shipping(from: NaiveDate, to: NaiveDate) -> Self {
        Self {
            shipment_date_from: Some(from),
            shipment_date_to: Some(to),
            ..Self::default()
        }
    }

    /// Orders updated between `from` and `to`.
    pub fn updated(from: DateTime<Utc>, to: DateTime<Utc>) -> Self {
        Self {
            update_date_from: Some(from),
            update_date_to: Some(to),
            ..Self::default()
        }
    }

    /// Adds a creation window `[from, to)`.
    pub fn with_created(mut self, from: NaiveDate, to: NaiveDate) -> Self {
        self.creation_date_from = Some(from);
        self.creation_date_to = Some(to);
        self
    }

    /// Adds a shipment window `[from, to)`.
    pub fn with_shipping(mut self, from: NaiveDate, to: NaiveDate) -> Self {
        self.shipment_date_from = Some(from);
        self.shipment_date_to = Some(to);
        self
    }

    /// Adds an update window.
    pub fn with_updated(mut self, from: DateTime<Utc>, to: DateTime<Utc>) -> Self {
        self.update_date_from = Some(from);
        self.update_date_to = Some(to);
        self
    }
}

/// Response of `getBusinessOrders` (schema `GetBusinessOrdersResponse`; not wrapped in
/// `status`/`result`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct BusinessOrdersResponse {
    /// The orders of this page (at most 50) (required: an answer without it is an error, not an empty page).
    pub orders: Vec<BusinessOrder>,
    /// The token of the next page; absent on the last one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paging: Option<Pager>,
}

impl BusinessOrdersResponse {
    /// The next page's token, `None` on the last page.
    pub fn next_page_token(&self) -> Option<&str> {
        self.paging.as_ref().and_then(Pager::next)
    }
}

/// An order in the business-level list (schema `BusinessOrderDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct BusinessOrder {
    /// The order.
    #[serde(default)]
    pub order_id: OrderId,
    /// The campaign (shop) the order belongs to.
    #[serde(default)]
    pub campaign_id: CampaignId,
    /// The campaign's delivery model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub program_type: Option<SellingProgramType>,
    /// The order's id in the seller's system, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_order_id: Option<String>,
    /// Where the order stands (the substatus says the step).
    #[serde(default)]
    pub status: OrderStatus,
    /// The processing step or cancellation reason.
    #[serde(default)]
    pub substatus: OrderSubstatus,
    /// When the order was placed.
    #[serde(default)]
    pub creation_date: DateTime<Utc>,
    /// When the order last changed.
    #[serde(
        default,
        deserialize_with = "de::opt_time",
        skip_serializing_if = "Option::is_none"
    )]
    pub update_date: Option<DateTime<Utc>>,
    /// Paid in advance or on delivery.
    #[serde(default)]
    pub payment_type: OrderPaymentType,
    /// How the buyer pays.
    #[serde(default)]
    pub payment_method: OrderPaymentMethodType,
    /// A Yandex Market test order.
    #[serde(default)]
    pub fake: bool,
    /// The lines.
    #[serde(default, deserialize_with = "de::nullable")]
    pub items: Vec<BusinessOrderItem>,
    /// Payment, subsidies and cashback of the whole order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prices: Option<OrderPrices>,
    /// Delivery: type, dates, shipment, boxes, tracks.
    #[serde(default)]
    pub delivery: BusinessOrderDelivery,
    /// Extra services (lifting to the floor).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub services: Option<OrderServices>,
    /// A person or a business (business showcase only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub buyer_type: Option<OrderBuyerType>,
    /// The buyer's comment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// DBS only: the buyer asked to cancel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cancel_requested: Option<bool>,
    /// The platform the order was placed on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_platform: Option<OrderSourcePlatformType>,
}

/// A line of a [`BusinessOrder`] (schema `BusinessOrderItemDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct BusinessOrderItem {
    /// The line's id in the order (used by box layout and line changes).
    #[serde(default)]
    pub id: OrderItemId,
    /// The seller's offer id (SKU).
    #[serde(default)]
    pub offer_id: String,
    /// The product name.
    #[serde(default)]
    pub offer_name: String,
    /// Units ordered.
    #[serde(default)]
    pub count: i64,
    /// Payment, subsidy and cashback of all units of the line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prices: Option<ItemPrices>,
    /// Marking codes given for the units.
    #[serde(
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub instances: Vec<OrderItemInstance>,
    /// The kinds of marking codes the line needs.
    #[serde(
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub required_instance_types: Vec<OrderItemInstanceType>,
    /// Statuses of single units, when Yandex Market tracks them.
    #[serde(
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub item_statuses: Vec<OrderItemUnitStatus>,
    /// Tags of the line.
    #[serde(
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub tags: Vec<OrderItemTagType>,
}

/// How many units of a line are in a status (schema `OrderItemUnitStatusDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OrderItemUnitStatus {
    /// Units.
    #[serde(default)]
    pub count: i64,
    /// Their status.
    #[serde(default)]
    pub status: OrderItemUnitStatusType,
}

/// The marking codes of one unit as Yandex Market returns them (schema
/// `OrderItemInstanceDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OrderItemInstance {
    /// Honest Sign (or ASL BELGISI) code without the crypto tail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cis: Option<String>,
    /// Honest Sign code with the crypto tail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cis_full: Option<String>,
    /// Jewellery UIN (16 digits).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uin: Option<String>,
    /// Registration number of the goods' batch (RNPT).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rnpt: Option<String>,
    /// Customs declaration number (GTD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gtd: Option<String>,
    /// Country of origin (two capital letters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
}

/// Money of one line, for all its units (schema `ItemPriceDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct ItemPrices {
    /// What the buyer paid in money.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment: Option<CurrencyValue>,
    /// What Yandex Market pays the seller on top.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subsidy: Option<CurrencyValue>,
    /// What the buyer paid in Plus points.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cashback: Option<CurrencyValue>,
    /// The VAT rate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vat: Option<OrderVatType>,
}

/// Money of a whole order (schema `OrderPriceDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OrderPrices {
    /// What the buyer paid in money.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment: Option<CurrencyValue>,
    /// What Yandex Market pays the seller on top.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subsidy: Option<CurrencyValue>,
    /// What the buyer paid in Plus points.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cashback: Option<CurrencyValue>,
    /// The delivery's price (lifting included).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery: Option<DeliveryPrices>,
}

/// The price of delivery (schema `DeliveryPriceDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct DeliveryPrices {
    /// What the buyer paid for delivery.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment: Option<CurrencyValue>,
    /// What Yandex Market pays for delivery.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subsidy: Option<CurrencyValue>,
    /// The VAT rate of delivery.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vat: Option<OrderVatType>,
}

/// Extra services of an order (schema `BusinessOrderServicesDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OrderServices {
    /// Lifting to the floor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lift_type: Option<OrderLiftType>,
}

/// Delivery of a [`BusinessOrder`] (schema `BusinessOrderDeliveryDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct BusinessOrderDelivery {
    /// How the order is delivered (`type`).
    #[serde(rename = "type", default)]
    pub kind: OrderDeliveryType,
    /// The delivery service's name.
    #[serde(default)]
    pub service_name: String,
    /// The delivery service.
    #[serde(default)]
    pub delivery_service_id: i64,
    /// The seller's warehouse the order was assigned to (its id in the seller's system).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warehouse_id: Option<String>,
    /// Who delivers: the seller or Yandex Market.
    #[serde(default)]
    pub delivery_partner_type: OrderDeliveryPartnerType,
    /// Where the order goes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dispatch_type: Option<OrderDeliveryDispatchType>,
    /// The delivery dates.
    #[serde(default)]
    pub dates: BusinessOrderDeliveryDates,
    /// The shipment to the delivery service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipment: Option<BusinessOrderShipment>,
    /// Courier delivery: address and region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub courier: Option<CourierDelivery>,
    /// Pickup point delivery: point, address and region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pickup: Option<PickupDelivery>,
    /// The courier collecting the order and the handover code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transfer: Option<OrderTransfer>,
    /// The boxes and what each holds.
    #[serde(
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub boxes_layout: Vec<BusinessOrderBox>,
    /// Track codes.
    #[serde(
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub tracks: Vec<OrderTrack>,
    /// The delivery date is an estimate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimated: Option<bool>,
    /// LaaS only: the barcode for receiving the order at the pickup point.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receive_barcode: Option<String>,
    /// LaaS only: the code for receiving the order at the pickup point.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receive_code: Option<String>,
    /// Delivery of a digital good.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digital_goods: Option<DigitalGoodsDelivery>,
}

/// The delivery dates of a [`BusinessOrder`] (schema `BusinessOrderDeliveryDatesDTO`):
/// `YYYY-MM-DD` dates, `HH:MM` times.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct BusinessOrderDeliveryDates {
    /// The earliest delivery date.
    #[serde(default)]
    pub from_date: NaiveDate,
    /// The latest delivery date (absent: `from_date`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to_date: Option<NaiveDate>,
    /// Start of the delivery time window (courier delivery).
    #[serde(
        default,
        with = "market_core::wire::moscow::opt_hm",
        skip_serializing_if = "Option::is_none"
    )]
    pub from_time: Option<NaiveTime>,
    /// End of the delivery time window (courier delivery).
    #[serde(
        default,
        with = "market_core::wire::moscow::opt_hm",
        skip_serializing_if = "Option::is_none"
    )]
    pub to_time: Option<NaiveTime>,
    /// When the order reached the buyer or the pickup point.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub real_delivery_date: Option<NaiveDate>,
}

/// The shipment of a [`BusinessOrder`] (schema `BusinessOrderShipmentDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct BusinessOrderShipment {
    /// The shipment (`null` before one is formed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<ShipmentId>,
    /// The day the order is handed to the delivery service.
    #[serde(default)]
    pub shipment_date: NaiveDate,
    /// The time the order is handed over (`HH:MM`), when set.
    #[serde(
        default,
        with = "market_core::wire::moscow::opt_hm",
        skip_serializing_if = "Option::is_none"
    )]
    pub shipment_time: Option<NaiveTime>,
}

/// Courier delivery of a [`BusinessOrder`] (schema `BusinessOrderCourierDeliveryDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct CourierDelivery {
    /// The buyer's address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<BusinessOrderAddress>,
    /// The delivery region; `None` when not sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<Region>,
}

/// Pickup point delivery of a [`BusinessOrder`] (schema `BusinessOrderPickupDeliveryDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct PickupDelivery {
    /// The point's address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<BusinessOrderAddress>,
    /// The pickup point's region; `None` when not sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<Region>,
    /// The logistic point.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logistic_point_id: Option<i64>,
    /// The seller's code of the point.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet_code: Option<String>,
    /// The last day the order is kept at the point.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet_storage_limit_date: Option<NaiveDate>,
}

/// An address of a [`BusinessOrder`] delivery (schema `BusinessOrderDeliveryAddressDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct BusinessOrderAddress {
    /// Country; `None` when not sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Postal code; `None` when not sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postcode: Option<String>,
    /// City or settlement; `None` when not sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// District; `None` when not sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    /// Metro station.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subway: Option<String>,
    /// Street; `None` when not sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
    /// House number; `None` when not sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub house: Option<String>,
    /// Block (корпус); `None` when not sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub block: Option<String>,
    /// Entrance number; `None` when not sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entrance: Option<String>,
    /// Intercom code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entryphone: Option<String>,
    /// Floor; `None` when not sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub floor: Option<String>,
    /// Apartment or office.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub apartment: Option<String>,
    /// Coordinates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gps: Option<Gps>,
}

/// A region, with its parents (schema `RegionDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct Region {
    /// The region.
    #[serde(default)]
    pub id: i64,
    /// Its name.
    #[serde(default)]
    pub name: String,
    /// Its kind (`type`).
    #[serde(rename = "type", default)]
    pub kind: RegionType,
    /// The region it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<Box<Region>>,
}

/// Delivery of a digital good (schema `DigitalGoodsDeliveryDetailsDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct DigitalGoodsDelivery {
    /// How the good is delivered (`type`).
    #[serde(rename = "type", default)]
    pub kind: DigitalGoodsDeliveryType,
    /// The Steam gift link.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub steam_link: Option<String>,
}

/// A track code (schema `OrderTrackDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OrderTrack {
    /// The delivery service.
    #[serde(default)]
    pub delivery_service_id: i64,
    /// The parcel's tracking number; `None` until the delivery service gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub track_code: Option<String>,
}

/// The courier and the handover code of a [`BusinessOrder`] (schema `BusinessOrderTransferDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OrderTransfer {
    /// The courier who takes the order; `None` until one is assigned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub courier: Option<OrderCourier>,
    /// The handover code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eac: Option<OrderEac>,
}

/// A courier (schema `OrderCourierDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OrderCourier {
    /// The courier's full name; `None` when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub full_name: Option<String>,
    /// The courier's phone number; `None` when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The phone's extension; `None` when there is none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_extension: Option<String>,
    /// Car number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vehicle_number: Option<String>,
    /// Car description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vehicle_description: Option<String>,
}

/// The handover code of an order (schema `BusinessOrderEacDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OrderEac {
    /// Who shows the code to whom.
    #[serde(default)]
    pub eac_type: OrderDeliveryEacType,
    /// The code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eac_code: Option<String>,
}

/// A box of a [`BusinessOrder`] with its contents (schema `BusinessOrderBoxLayoutDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct BusinessOrderBox {
    /// The box.
    #[serde(default)]
    pub box_id: BoxId,
    /// The box's barcode.
    #[serde(default)]
    pub barcode: String,
    /// What the box holds.
    #[serde(default, deserialize_with = "de::nullable")]
    pub items: Vec<BusinessOrderBoxItem>,
}

/// A line in a box of a [`BusinessOrder`] (schema `BusinessOrderBoxLayoutItemDTO`, the same
/// shape as `OrderBoxLayoutItemDTO`).
pub type BusinessOrderBoxItem = OrderBoxItem;

/// A part of a line split over boxes, in a [`BusinessOrder`] (schema
/// `BusinessOrderBoxLayoutPartialCountDTO`, the same shape as `OrderBoxLayoutPartialCountDTO`).
pub type BusinessOrderPartialCount = PartialCount;

// ---------------------------------------------------------------------------------------------
// updateOrderStatus
// ---------------------------------------------------------------------------------------------

/// Request of `updateOrderStatus` (schema `UpdateOrderStatusRequest`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct UpdateOrderStatusRequest {
    /// The new status.
    pub order: OrderStatusChange,
}

/// A status change of one order (schema `OrderStatusChangeDTO`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OrderStatusChange {
    /// The new status.
    pub status: OrderStatus,
    /// The new substatus (the step, or the cancellation reason).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub substatus: Option<OrderSubstatus>,
    /// The real delivery date (DBS, when moving to `DELIVERED`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery: Option<StatusChangeDelivery>,
}

impl OrderStatusChange {
    /// A change to `status`.
    pub fn new(status: OrderStatus) -> Self {
        Self {
            status,
            substatus: None,
            delivery: None,
        }
    }

    /// A change to `status` at `substatus`.
    pub fn to(status: OrderStatus, substatus: OrderSubstatus) -> Self {
        Self::new(status).with_substatus(substatus)
    }

    /// Sets the substatus.
    pub fn with_substatus(mut self, substatus: OrderSubstatus) -> Self {
        self.substatus = Some(substatus);
        self
    }

    /// Sets the date the order really reached the buyer.
    pub fn with_real_delivery_date(mut self, date: NaiveDate) -> Self {
        self.delivery = Some(StatusChangeDelivery {
            dates: Some(StatusChangeDeliveryDates {
                real_delivery_date: Some(date),
            }),
        });
        self
    }
}

/// Delivery details of a status change (schema `OrderStatusChangeDeliveryDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct StatusChangeDelivery {
    /// The new delivery dates; `None` when the change sets none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dates: Option<StatusChangeDeliveryDates>,
}

/// Delivery dates of a status change (schema `OrderStatusChangeDeliveryDatesDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct StatusChangeDeliveryDates {
    /// The date the order really reached the buyer (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub real_delivery_date: Option<NaiveDate>,
}

/// Response of `updateOrderStatus` (schema `UpdateOrderStatusResponse`; not wrapped in
/// `status`/`result`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct UpdateOrderStatusResponse {
    /// The order after the change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<Order>,
    /// LaaS only: the asynchronous operation started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operation: Option<OperationInfo>,
}

/// An asynchronous operation (schema `OperationDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OperationInfo {
    /// The operation.
    #[serde(default)]
    pub id: String,
    /// Its kind (`type`).
    #[serde(rename = "type", default)]
    pub kind: OperationType,
}

/// An order in the campaign-level shape (schema `OrderDTO`): `DD-MM-YYYY` dates, totals as
/// plain numbers in [`Order::currency`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct Order {
    /// The order.
    #[serde(default)]
    pub id: OrderId,
    /// The order's id in the seller's system, if given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_order_id: Option<String>,
    /// Where the order stands (the substatus says the step).
    #[serde(default)]
    pub status: OrderStatus,
    /// The processing step or cancellation reason.
    #[serde(default)]
    pub substatus: OrderSubstatus,
    /// When the order was placed (sent in Moscow time).
    #[serde(default, with = "market_core::wire::moscow::dmy_hms")]
    pub creation_date: DateTime<Utc>,
    /// When the order last changed (sent in Moscow time).
    #[serde(
        default,
        with = "market_core::wire::moscow::opt_dmy_hms",
        skip_serializing_if = "Option::is_none"
    )]
    pub updated_at: Option<DateTime<Utc>>,
    /// When the order is cancelled unless its status changes first (sent in Moscow time).
    #[serde(
        default,
        with = "market_core::wire::moscow::opt_dmy_hms",
        skip_serializing_if = "Option::is_none"
    )]
    pub expiry_date: Option<DateTime<Utc>>,
    /// The currency of the amounts.
    #[serde(default)]
    pub currency: CurrencyType,
    /// Lines total, after discounts.
    #[serde(
        default,
        deserialize_with = "de::decimal",
        serialize_with = "market_core::wire::float_number::serialize"
    )]
    pub items_total: Decimal,
    /// Delivery price.
    #[serde(
        default,
        deserialize_with = "de::decimal",
        serialize_with = "market_core::wire::float_number::serialize"
    )]
    pub delivery_total: Decimal,
    /// Lines total before discounts.
    #[serde(
        default,
        deserialize_with = "de::decimal",
        serialize_with = "market_core::wire::float_number::serialize"
    )]
    pub buyer_items_total_before_discount: Decimal,
    /// Lines total the buyer pays (deprecated by Yandex Market).
    #[serde(
        default,
        deserialize_with = "de::opt_decimal",
        serialize_with = "market_core::wire::float_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub buyer_items_total: Option<Decimal>,
    /// Order total the buyer pays (deprecated by Yandex Market).
    #[serde(
        default,
        deserialize_with = "de::opt_decimal",
        serialize_with = "market_core::wire::float_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub buyer_total: Option<Decimal>,
    /// Order total before discounts (deprecated by Yandex Market).
    #[serde(
        default,
        deserialize_with = "de::opt_decimal",
        serialize_with = "market_core::wire::float_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub buyer_total_before_discount: Option<Decimal>,
    /// Paid in advance or on delivery.
    #[serde(default)]
    pub payment_type: OrderPaymentType,
    /// How the buyer pays.
    #[serde(default)]
    pub payment_method: OrderPaymentMethodType,
    /// A Yandex Market test order.
    #[serde(default)]
    pub fake: bool,
    /// The lines.
    #[serde(default, deserialize_with = "de::nullable")]
    pub items: Vec<OrderItem>,
    /// Subsidies of the whole order.
    #[serde(
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub subsidies: Vec<OrderSubsidy>,
    /// How and where the order is delivered.
    #[serde(default)]
    pub delivery: OrderDelivery,
    /// The buyer (names for DBS only).
    #[serde(default)]
    pub buyer: OrderBuyer,
    /// The buyer's comment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// The seller's tax system.
    #[serde(default)]
    pub tax_system: OrderTaxSystemType,
    /// DBS only: the buyer asked to cancel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cancel_requested: Option<bool>,
}

fn epoch_date() -> NaiveDate {
    DateTime::<Utc>::UNIX_EPOCH.date_naive()
}

/// The buyer of an [`Order`] (schema `OrderBuyerDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OrderBuyer {
    /// The buyer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The buyer's last name; `None` when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// The buyer's first name; `None` when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// The buyer's patronymic; `None` when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub middle_name: Option<String>,
    /// A person or a business (`type`).
    #[serde(rename = "type", default)]
    pub kind: OrderBuyerType,
}

/// A line of an [`Order`] (schema `OrderItemDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OrderItem {
    /// The line's id in the order.
    #[serde(default)]
    pub id: OrderItemId,
    /// The seller's offer id (SKU).
    #[serde(default)]
    pub offer_id: String,
    /// The product name.
    #[serde(default)]
    pub offer_name: String,
    /// Price of one unit, after the seller's discounts.
    #[serde(
        default,
        deserialize_with = "de::decimal",
        serialize_with = "market_core::wire::float_number::serialize"
    )]
    pub price: Decimal,
    /// Price of one unit the buyer pays, after every discount.
    #[serde(
        default,
        deserialize_with = "de::decimal",
        serialize_with = "market_core::wire::float_number::serialize"
    )]
    pub buyer_price: Decimal,
    /// Price of one unit before discounts.
    #[serde(
        default,
        deserialize_with = "de::decimal",
        serialize_with = "market_core::wire::float_number::serialize"
    )]
    pub buyer_price_before_discount: Decimal,
    /// Price before the seller's discounts (deprecated by Yandex Market).
    #[serde(
        default,
        deserialize_with = "de::opt_decimal",
        serialize_with = "market_core::wire::float_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub price_before_discount: Option<Decimal>,
    /// Units.
    #[serde(default)]
    pub count: i64,
    /// The VAT rate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vat: Option<OrderVatType>,
    /// The seller's SKU (deprecated by Yandex Market: see `offer_id`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shop_sku: Option<String>,
    /// Subsidy of one unit (deprecated by Yandex Market: see `subsidies`).
    #[serde(
        default,
        deserialize_with = "de::opt_decimal",
        serialize_with = "market_core::wire::float_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub subsidy: Option<Decimal>,
    /// The seller's warehouse of the line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partner_warehouse_id: Option<String>,
    /// Promotions applied to the line.
    #[serde(
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub promos: Vec<OrderItemPromo>,
    /// Marking codes given for the units.
    #[serde(
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub instances: Vec<OrderItemInstance>,
    /// Removed or returned units (deprecated by Yandex Market).
    #[serde(
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub details: Vec<OrderItemDetail>,
    /// Subsidies of the line.
    #[serde(
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub subsidies: Vec<OrderItemSubsidy>,
    /// The kinds of marking codes the line needs.
    #[serde(
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub required_instance_types: Vec<OrderItemInstanceType>,
    /// Tags of the line.
    #[serde(
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub tags: Vec<OrderItemTagType>,
}

/// Removed or returned units of a line (schema `OrderItemDetailDTO`, deprecated by Yandex
/// Market).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OrderItemDetail {
    /// Units.
    #[serde(default)]
    pub item_count: i64,
    /// Removed or returned.
    #[serde(default)]
    pub item_status: OrderItemStatusType,
    /// When (`DD-MM-YYYY`).
    #[serde(default = "epoch_date", with = "market_core::wire::dd_mm_yyyy")]
    pub update_date: NaiveDate,
}

/// A promotion on a line (schema `OrderItemPromoDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OrderItemPromo {
    /// The kind (`type`).
    #[serde(rename = "type", default)]
    pub kind: OrderPromoType,
    /// The discount on one unit.
    #[serde(
        default,
        deserialize_with = "de::opt_decimal",
        serialize_with = "market_core::wire::float_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub discount: Option<Decimal>,
    /// What Yandex Market pays the seller for one unit.
    #[serde(
        default,
        deserialize_with = "de::decimal",
        serialize_with = "market_core::wire::float_number::serialize"
    )]
    pub subsidy: Decimal,
    /// The seller's promotion id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shop_promo_id: Option<String>,
    /// Yandex Market's promotion id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub market_promo_id: Option<String>,
}

/// A subsidy on a line (schema `OrderItemSubsidyDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OrderItemSubsidy {
    /// The kind (`type`).
    #[serde(rename = "type", default)]
    pub kind: OrderItemSubsidyType,
    /// The amount.
    #[serde(
        default,
        deserialize_with = "de::decimal",
        serialize_with = "market_core::wire::float_number::serialize"
    )]
    pub amount: Decimal,
}

/// A subsidy on an order (schema `OrderSubsidyDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OrderSubsidy {
    /// The kind (`type`).
    #[serde(rename = "type", default)]
    pub kind: OrderSubsidyType,
    /// The amount.
    #[serde(
        default,
        deserialize_with = "de::decimal",
        serialize_with = "market_core::wire::float_number::serialize"
    )]
    pub amount: Decimal,
}

/// Delivery of an [`Order`] (schema `OrderDeliveryDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OrderDelivery {
    /// The delivery's id (deprecated by Yandex Market).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// How the order is delivered (`type`).
    #[serde(rename = "type", default)]
    pub kind: OrderDeliveryType,
    /// The delivery service's name.
    #[serde(default)]
    pub service_name: String,
    /// The delivery service.
    #[serde(default)]
    pub delivery_service_id: i64,
    /// Who delivers: the seller or Yandex Market.
    #[serde(default)]
    pub delivery_partner_type: OrderDeliveryPartnerType,
    /// Where the order goes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dispatch_type: Option<OrderDeliveryDispatchType>,
    /// The delivery dates.
    #[serde(default)]
    pub dates: OrderDeliveryDates,
    /// The price of delivery (deprecated by Yandex Market).
    #[serde(
        default,
        deserialize_with = "de::opt_decimal",
        serialize_with = "market_core::wire::float_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub price: Option<Decimal>,
    /// The VAT rate of delivery.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vat: Option<OrderVatType>,
    /// The delivery region; `None` when not sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<Region>,
    /// The buyer's address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<OrderDeliveryAddress>,
    /// The courier collecting the order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub courier: Option<OrderCourier>,
    /// The pickup point's code in the seller's system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet_code: Option<String>,
    /// The last day the order is kept at the pickup point (`DD-MM-YYYY`).
    #[serde(
        default,
        with = "market_core::wire::dd_mm_yyyy::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub outlet_storage_limit_date: Option<NaiveDate>,
    /// Parcels.
    #[serde(
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub shipments: Vec<OrderShipment>,
    /// Track codes.
    #[serde(
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub tracks: Vec<OrderTrack>,
    /// The delivery date is an estimate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimated: Option<bool>,
    /// Lifting to the floor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lift_type: Option<OrderLiftType>,
    /// The price of lifting.
    #[serde(
        default,
        deserialize_with = "de::opt_decimal",
        serialize_with = "market_core::wire::float_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub lift_price: Option<Decimal>,
    /// The code the buyer gives the courier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub receive_code: Option<String>,
    /// Who shows the handover code to whom.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eac_type: Option<OrderDeliveryEacType>,
    /// The handover code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eac_code: Option<String>,
}

/// The delivery dates of an [`Order`] (schema `OrderDeliveryDatesDTO`): `DD-MM-YYYY` dates,
/// `HH:MM` times.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OrderDeliveryDates {
    /// The earliest delivery date.
    #[serde(default = "epoch_date", with = "market_core::wire::dd_mm_yyyy")]
    pub from_date: NaiveDate,
    /// The latest delivery date (absent: `from_date`).
    #[serde(
        default,
        with = "market_core::wire::dd_mm_yyyy::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub to_date: Option<NaiveDate>,
    /// Start of the delivery time window.
    #[serde(
        default,
        with = "market_core::wire::moscow::opt_hm",
        skip_serializing_if = "Option::is_none"
    )]
    pub from_time: Option<NaiveTime>,
    /// End of the delivery time window.
    #[serde(
        default,
        with = "market_core::wire::moscow::opt_hm",
        skip_serializing_if = "Option::is_none"
    )]
    pub to_time: Option<NaiveTime>,
    /// When the order reached the buyer or the pickup point.
    #[serde(
        default,
        with = "market_core::wire::dd_mm_yyyy::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub real_delivery_date: Option<NaiveDate>,
}

/// A delivery address of an [`Order`] (schema `OrderDeliveryAddressDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OrderDeliveryAddress {
    /// Country; `None` when not sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Postal code, given for delivery by post (`type` `POST`); `None` otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postcode: Option<String>,
    /// City or settlement; `None` when not sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// District; `None` when not sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<String>,
    /// Metro station.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subway: Option<String>,
    /// Street; `None` when not sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
    /// House number; `None` when not sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub house: Option<String>,
    /// Building (строение); `None` when not sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub building: Option<String>,
    /// Estate (владение) number; `None` when not sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estate: Option<String>,
    /// Block (корпус); `None` when not sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub block: Option<String>,
    /// Entrance number; `None` when not sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entrance: Option<String>,
    /// Intercom code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entryphone: Option<String>,
    /// Floor; `None` when not sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub floor: Option<String>,
    /// Apartment or office.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub apartment: Option<String>,
    /// The recipient's phone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The recipient's name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recipient: Option<String>,
    /// Coordinates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gps: Option<Gps>,
}

/// A parcel of an [`Order`] (schema `OrderShipmentDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OrderShipment {
    /// The parcel (deprecated by Yandex Market).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<ShipmentId>,
    /// The day to hand the order to the delivery service (`DD-MM-YYYY`).
    #[serde(
        default,
        with = "market_core::wire::dd_mm_yyyy::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub shipment_date: Option<NaiveDate>,
    /// Express only: the time the order must be packed by, as Yandex Market writes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipment_time: Option<String>,
    /// DBS only: track codes of the parcel.
    #[serde(
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub tracks: Vec<OrderTrack>,
    /// The boxes.
    #[serde(
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub boxes: Vec<OrderParcelBox>,
}

/// A box of a parcel (schema `OrderParcelBoxDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OrderParcelBox {
    /// The box.
    #[serde(default)]
    pub id: BoxId,
    /// The box's id in the seller's system (`order-number`).
    #[serde(default)]
    pub fulfilment_id: String,
}

// ---------------------------------------------------------------------------------------------
// updateOrderStatuses
// ---------------------------------------------------------------------------------------------

/// Request of `updateOrderStatuses` (schema `UpdateOrderStatusesRequest`): at most 30 orders.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct UpdateOrderStatusesRequest {
    /// The orders and their new statuses.
    pub orders: Vec<OrderState>,
}

/// The new status of one order in a bulk change (schema `OrderStateDTO`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OrderState {
    /// The order.
    pub id: OrderId,
    /// The new status.
    pub status: OrderStatus,
    /// The new substatus.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub substatus: Option<OrderSubstatus>,
}

impl OrderState {
    /// Moves `id` to `status`.
    pub fn new(id: impl Into<OrderId>, status: OrderStatus) -> Self {
        Self {
            id: id.into(),
            status,
            substatus: None,
        }
    }

    /// Moves `id` to `status` at `substatus`.
    pub fn to(id: impl Into<OrderId>, status: OrderStatus, substatus: OrderSubstatus) -> Self {
        Self::new(id, status).with_substatus(substatus)
    }

    /// Sets the substatus.
    pub fn with_substatus(mut self, substatus: OrderSubstatus) -> Self {
        self.substatus = Some(substatus);
        self
    }
}

/// Response of `updateOrderStatuses` (schema `UpdateOrderStatusesResponse`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct UpdateOrderStatusesResponse {
    /// `OK` or `ERROR`.
    #[serde(default)]
    pub status: Option<ApiStatus>,
    /// The outcome per order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<UpdatedOrderStatuses>,
}

/// The outcomes of a bulk status change (schema `UpdateOrderStatusesDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct UpdatedOrderStatuses {
    /// One per order.
    #[serde(default, deserialize_with = "de::nullable")]
    pub orders: Vec<OrderStatusUpdate>,
}

/// The outcome for one order of a bulk status change (schema `UpdateOrderStatusDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OrderStatusUpdate {
    /// The order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<OrderId>,
    /// Its status now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<OrderStatus>,
    /// Its substatus now.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub substatus: Option<OrderSubstatus>,
    /// Whether the change succeeded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub update_status: Option<OrderUpdateStatusType>,
    /// Why it failed, when `update_status` is `ERROR`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_details: Option<String>,
    /// LaaS only: the asynchronous operation started.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operation: Option<OperationInfo>,
}

// ---------------------------------------------------------------------------------------------
// setOrderBoxLayout
// ---------------------------------------------------------------------------------------------

/// Request of `setOrderBoxLayout` (schema `SetOrderBoxLayoutRequest`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct SetOrderBoxLayoutRequest {
    /// The boxes (at least one).
    pub boxes: Vec<OrderBox>,
    /// `true` when the layout leaves out units, removing them from the order.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub allow_remove: bool,
}

impl SetOrderBoxLayoutRequest {
    /// A layout of `boxes`.
    pub fn new(boxes: Vec<OrderBox>) -> Self {
        Self {
            boxes,
            allow_remove: false,
        }
    }

    /// Allows the layout to leave units out (they are removed from the order).
    pub fn allowing_removal(mut self) -> Self {
        self.allow_remove = true;
        self
    }
}

/// A box and what it holds (schema `OrderBoxLayoutDTO`): whole units of any lines, or one
/// part of one line.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OrderBox {
    /// The contents (at least one line).
    pub items: Vec<OrderBoxItem>,
}

impl OrderBox {
    /// A box holding `items`.
    pub fn new(items: Vec<OrderBoxItem>) -> Self {
        Self { items }
    }
}

/// A line in a box (schema `OrderBoxLayoutItemDTO`): whole units (`full_count`) or one part
/// of one unit (`partial_count`), never both.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OrderBoxItem {
    /// The line's id in the order.
    #[serde(default)]
    pub id: OrderItemId,
    /// Whole units in the box.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub full_count: Option<i32>,
    /// The part of one unit in the box.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub partial_count: Option<PartialCount>,
    /// Marking codes of the units in the box.
    #[serde(
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub instances: Vec<ItemInstance>,
}

impl OrderBoxItem {
    /// `count` whole units of line `id`.
    pub fn whole(id: impl Into<OrderItemId>, count: i32) -> Self {
        Self {
            id: id.into(),
            full_count: Some(count),
            partial_count: None,
            instances: Vec::new(),
        }
    }

    /// Part `current` of `total` of one unit of line `id`.
    pub fn part(id: impl Into<OrderItemId>, current: i32, total: i32) -> Self {
        Self {
            id: id.into(),
            full_count: None,
            partial_count: Some(PartialCount { current, total }),
            instances: Vec::new(),
        }
    }

    /// Sets the marking codes of the units in the box.
    pub fn with_instances(mut self, instances: Vec<ItemInstance>) -> Self {
        self.instances = instances;
        self
    }
}

/// A part of one unit split over boxes (schema `OrderBoxLayoutPartialCountDTO`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct PartialCount {
    /// This part's number, from 1.
    #[serde(default)]
    pub current: i32,
    /// How many parts the unit is split into (at least 2).
    #[serde(default)]
    pub total: i32,
}

/// The marking code of one unit, as the seller sends it (schema `BriefOrderItemInstanceDTO`):
/// one of `cis`, `uin`, `rnpt`, `gtd`, with the country of origin if needed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct ItemInstance {
    /// Honest Sign (or ASL BELGISI) code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cis: Option<String>,
    /// Jewellery UIN (16 digits).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub uin: Option<String>,
    /// Registration number of the goods' batch (RNPT).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rnpt: Option<String>,
    /// Customs declaration number (GTD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gtd: Option<String>,
    /// Country of origin (two capital letters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_code: Option<String>,
}

impl ItemInstance {
    /// An Honest Sign code.
    pub fn cis(code: impl Into<String>) -> Self {
        Self {
            cis: Some(code.into()),
            ..Self::default()
        }
    }

    /// A jewellery UIN.
    pub fn uin(code: impl Into<String>) -> Self {
        Self {
            uin: Some(code.into()),
            ..Self::default()
        }
    }

    /// A batch registration number (RNPT).
    pub fn rnpt(code: impl Into<String>) -> Self {
        Self {
            rnpt: Some(code.into()),
            ..Self::default()
        }
    }

    /// A customs declaration number (GTD).
    pub fn gtd(code: impl Into<String>) -> Self {
        Self {
            gtd: Some(code.into()),
            ..Self::default()
        }
    }

    /// Sets the country of origin.
    pub fn with_country_code(mut self, code: impl Into<String>) -> Self {
        self.country_code = Some(code.into());
        self
    }
}

/// Response of `setOrderBoxLayout` (schema `SetOrderBoxLayoutResponse`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct SetOrderBoxLayoutResponse {
    /// `OK` or `ERROR`.
    #[serde(default)]
    pub status: Option<ApiStatus>,
    /// The boxes as Yandex Market recorded them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<OrderBoxesLayout>,
}

/// The boxes of an order (schema `OrderBoxesLayoutDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OrderBoxesLayout {
    /// The boxes (required: an answer without it is an error, not an empty page).
    pub boxes: Vec<LaidOutBox>,
}

/// A box as Yandex Market recorded it, with its id (schema `EnrichedOrderBoxLayoutDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct LaidOutBox {
    /// The box.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub box_id: Option<BoxId>,
    /// What it holds.
    #[serde(default, deserialize_with = "de::nullable")]
    pub items: Vec<OrderBoxItem>,
}

// ---------------------------------------------------------------------------------------------
// updateOrderItems, provideOrderItemIdentifiers
// ---------------------------------------------------------------------------------------------

/// Request of `updateOrderItems` (schema `UpdateOrderItemRequest`): the lines as they are to
/// be; a line left out is removed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct UpdateOrderItemsRequest {
    /// The lines kept, with their new counts (0 removes a line).
    pub items: Vec<OrderItemChange>,
    /// Who asked for the change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<ItemsRemovalReason>,
}

/// The new count of one line (schema `OrderItemModificationDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OrderItemChange {
    /// The line's id in the order.
    pub id: OrderItemId,
    /// The new count (0 removes the line).
    pub count: i32,
    /// Marking codes of every unit kept (needed for marked goods in business orders).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub instances: Vec<ItemInstance>,
}

impl OrderItemChange {
    /// Line `id` reduced to `count` units.
    pub fn new(id: impl Into<OrderItemId>, count: i32) -> Self {
        Self {
            id: id.into(),
            count,
            instances: Vec::new(),
        }
    }

    /// Sets the marking codes of the units kept.
    pub fn with_instances(mut self, instances: Vec<ItemInstance>) -> Self {
        self.instances = instances;
        self
    }
}

/// Request of `provideOrderItemIdentifiers` (schema `ProvideOrderItemIdentifiersRequest`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct ProvideOrderItemIdentifiersRequest {
    /// The lines needing marking codes.
    pub items: Vec<ItemIdentifiers>,
}

/// The marking codes of one line, one per unit (schema `OrderItemInstanceModificationDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct ItemIdentifiers {
    /// The line's id in the order.
    pub id: OrderItemId,
    /// One code per unit.
    pub instances: Vec<ItemInstance>,
}

impl ItemIdentifiers {
    /// The codes of line `id`.
    pub fn new(id: impl Into<OrderItemId>, instances: Vec<ItemInstance>) -> Self {
        Self {
            id: id.into(),
            instances,
        }
    }
}

/// Response of `provideOrderItemIdentifiers` (schema `ProvideOrderItemIdentifiersResponse`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct ProvideOrderItemIdentifiersResponse {
    /// `OK` or `ERROR`.
    #[serde(default)]
    pub status: Option<ApiStatus>,
    /// The marked lines.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<ItemsModificationResult>,
}

/// The marked lines (schema `OrderItemsModificationResultDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct ItemsModificationResult {
    /// The lines (required: an answer without it is an error, not an empty page).
    pub items: Vec<BriefOrderItem>,
}

/// A marked line (schema `BriefOrderItemDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct BriefOrderItem {
    /// The line's id in the order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<OrderItemId>,
    /// The seller's offer id (SKU).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offer_id: Option<String>,
    /// The product name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offer_name: Option<String>,
    /// Units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<i32>,
    /// Price of one unit, in the catalogue's currency.
    #[serde(
        default,
        deserialize_with = "de::opt_decimal",
        serialize_with = "market_core::wire::float_number::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub price: Option<Decimal>,
    /// The VAT rate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vat: Option<OrderVatType>,
    /// The codes recorded.
    #[serde(
        default,
        deserialize_with = "de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub instances: Vec<OrderItemInstance>,
}

// ---------------------------------------------------------------------------------------------
// acceptOrderCancellation, setOrderDeliveryDate, setOrderDeliveryTrackCode, getOrderBuyerInfo
// ---------------------------------------------------------------------------------------------

/// Request of `acceptOrderCancellation` (schema `AcceptOrderCancellationRequest`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct AcceptOrderCancellationRequest {
    /// `true`: the order is cancelled; `false`: it stays (it reached the buyer).
    pub accepted: bool,
    /// Why the cancellation is refused (needed when `accepted` is `false`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<OrderCancellationReasonType>,
}

impl AcceptOrderCancellationRequest {
    /// Accepts the buyer's cancellation.
    pub fn accept() -> Self {
        Self {
            accepted: true,
            reason: None,
        }
    }

    /// Refuses the buyer's cancellation, for `reason`.
    pub fn refuse(reason: OrderCancellationReasonType) -> Self {
        Self {
            accepted: false,
            reason: Some(reason),
        }
    }
}

/// Request of `setOrderDeliveryDate` (schema `SetOrderDeliveryDateRequest`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct SetOrderDeliveryDateRequest {
    /// The new date.
    pub dates: NewDeliveryDate,
    /// Who moved it.
    pub reason: OrderDeliveryDateReasonType,
}

/// The new delivery date (schema `OrderDeliveryDateDTO`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct NewDeliveryDate {
    /// The new delivery date (`YYYY-MM-DD`).
    pub to_date: NaiveDate,
}

/// Request of `setOrderDeliveryTrackCode` (schema `SetOrderDeliveryTrackCodeRequest`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct SetOrderDeliveryTrackCodeRequest {
    /// The parcel's tracking number in the delivery service.
    pub track_code: String,
    /// The delivery service.
    pub delivery_service_id: i64,
}

/// Response of `getOrderBuyerInfo` (schema `GetOrderBuyerInfoResponse`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct GetOrderBuyerInfoResponse {
    /// `OK` or `ERROR`.
    #[serde(default)]
    pub status: Option<ApiStatus>,
    /// The buyer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<OrderBuyerInfo>,
}

/// The buyer of a DBS order with the phone (schema `OrderBuyerInfoDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OrderBuyerInfo {
    /// The buyer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The buyer's last name; `None` when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// The buyer's first name; `None` when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// The buyer's patronymic; `None` when not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub middle_name: Option<String>,
    /// A person or a business (`type`).
    #[serde(rename = "type", default)]
    pub kind: OrderBuyerType,
    /// A substitute phone number Yandex Market routes to the buyer (`+<country><area><number>`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// Yandex Market has already checked the buyer: no call is needed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub trusted: Option<bool>,
}
