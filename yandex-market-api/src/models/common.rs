//! Shapes every section shares: the response envelope, page tokens, the error body; and the
//! vendor schemas more than one section uses, modelled once here and re-exported by the
//! sections that carry them ([`CurrencyType`], [`CurrencyValue`], [`BasePrice`],
//! [`RegionType`], [`SellingProgramType`], [`Gps`]). Their serde format helpers (`DD-MM-YYYY`
//! dates, amounts as JSON numbers) are [`market_core::wire`]'s.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Implements `Default` as "not sent" (an empty `Unknown`) for wire enums, so that a response
/// missing a required enum still decodes outside strict mode.
macro_rules! default_unknown {
    ($($name:ident),+ $(,)?) => {
        $(
            impl Default for $name {
                /// Not sent: an empty `Unknown`.
                fn default() -> Self {
                    Self::Unknown(String::new())
                }
            }
        )+
    };
}
pub(crate) use default_unknown;

market_core::wire_enum! {
    /// The status of an answer (`ApiResponseStatusType`).
    pub enum ApiStatus {
        /// Success.
        Ok = "OK",
        /// Error.
        Error = "ERROR",
    }
}

/// The paging block of a list answer (schemas `PackagingForwardScrollingPagerDTO` and
/// `PackagingScrollingPagerDTO`): the token of the next page, absent on the last page.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct Pager {
    /// The token of the next page; `None` (or empty) on the last page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_page_token: Option<String>,
    /// The token of the previous page (deprecated by the vendor; read only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prev_page_token: Option<String>,
}

impl Pager {
    /// The next page's token, `None` at the end (an empty token also ends the list).
    pub fn next(&self) -> Option<&str> {
        self.next_page_token.as_deref().filter(|t| !t.is_empty())
    }
}

/// An error of an answer (schema `ApiErrorDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ApiErrorItem {
    /// The error code.
    #[serde(default)]
    pub code: String,
    /// Yandex Market's description of the error, in Russian; `None` when it gives only a code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// An answer without a result (schema `EmptyApiResponse`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct EmptyResponse {
    /// `OK` or `ERROR`.
    #[serde(default)]
    pub status: Option<ApiStatus>,
    /// Errors, when `status` is `ERROR`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Vec<ApiErrorItem>>,
}

// ---------------------------------------------------------------------------------------------
// Vendor schemas several sections use.
// ---------------------------------------------------------------------------------------------

market_core::wire_enum! {
    /// A currency as Yandex Market codes it (schema `CurrencyType`; the rouble is `RUR`).
    pub enum CurrencyType {
        /// Russian rouble.
        Rur = "RUR",
        /// US dollar.
        Usd = "USD",
        /// Euro.
        Eur = "EUR",
        /// Ukrainian hryvnia.
        Uah = "UAH",
        /// Currency code `AUD`.
        Aud = "AUD",
        /// Currency code `GBP`.
        Gbp = "GBP",
        /// Currency code `BYR`.
        Byr = "BYR",
        /// Belarusian rouble.
        Byn = "BYN",
        /// Currency code `DKK`.
        Dkk = "DKK",
        /// Currency code `ISK`.
        Isk = "ISK",
        /// Kazakhstani tenge.
        Kzt = "KZT",
        /// Currency code `CAD`.
        Cad = "CAD",
        /// Chinese yuan.
        Cny = "CNY",
        /// Currency code `NOK`.
        Nok = "NOK",
        /// Currency code `XDR`.
        Xdr = "XDR",
        /// Currency code `SGD`.
        Sgd = "SGD",
        /// Currency code `TRY`.
        Try = "TRY",
        /// Currency code `SEK`.
        Sek = "SEK",
        /// Currency code `CHF`.
        Chf = "CHF",
        /// Currency code `JPY`.
        Jpy = "JPY",
        /// Currency code `AZN`.
        Azn = "AZN",
        /// Currency code `ALL`.
        All = "ALL",
        /// Currency code `DZD`.
        Dzd = "DZD",
        /// Currency code `AOA`.
        Aoa = "AOA",
        /// Currency code `ARS`.
        Ars = "ARS",
        /// Currency code `AMD`.
        Amd = "AMD",
        /// Currency code `AFN`.
        Afn = "AFN",
        /// Currency code `BHD`.
        Bhd = "BHD",
        /// Currency code `BGN`.
        Bgn = "BGN",
        /// Currency code `BOB`.
        Bob = "BOB",
        /// Currency code `BWP`.
        Bwp = "BWP",
        /// Currency code `BND`.
        Bnd = "BND",
        /// Currency code `BRL`.
        Brl = "BRL",
        /// Currency code `BIF`.
        Bif = "BIF",
        /// Currency code `HUF`.
        Huf = "HUF",
        /// Currency code `VEF`.
        Vef = "VEF",
        /// Currency code `KPW`.
        Kpw = "KPW",
        /// Currency code `VND`.
        Vnd = "VND",
        /// Currency code `GMD`.
        Gmd = "GMD",
        /// Currency code `GHS`.
        Ghs = "GHS",
        /// Currency code `GNF`.
        Gnf = "GNF",
        /// Currency code `HKD`.
        Hkd = "HKD",
        /// Currency code `GEL`.
        Gel = "GEL",
        /// Currency code `AED`.
        Aed = "AED",
        /// Currency code `EGP`.
        Egp = "EGP",
        /// Currency code `ZMK`.
        Zmk = "ZMK",
        /// Currency code `ILS`.
        Ils = "ILS",
        /// Currency code `INR`.
        Inr = "INR",
        /// Currency code `IDR`.
        Idr = "IDR",
        /// Currency code `JOD`.
        Jod = "JOD",
        /// Currency code `IQD`.
        Iqd = "IQD",
        /// Currency code `IRR`.
        Irr = "IRR",
        /// Currency code `YER`.
        Yer = "YER",
        /// Currency code `QAR`.
        Qar = "QAR",
        /// Currency code `KES`.
        Kes = "KES",
        /// Currency code `KGS`.
        Kgs = "KGS",
        /// Currency code `COP`.
        Cop = "COP",
        /// Currency code `CDF`.
        Cdf = "CDF",
        /// Currency code `CRC`.
        Crc = "CRC",
        /// Currency code `KWD`.
        Kwd = "KWD",
        /// Currency code `CUP`.
        Cup = "CUP",
        /// Currency code `LAK`.
        Lak = "LAK",
        /// Currency code `LVL`.
        Lvl = "LVL",
        /// Currency code `SLL`.
        Sll = "SLL",
        /// Currency code `LBP`.
        Lbp = "LBP",
        /// Currency code `LYD`.
        Lyd = "LYD",
        /// Currency code `SZL`.
        Szl = "SZL",
        /// Currency code `LTL`.
        Ltl = "LTL",
        /// Currency code `MUR`.
        Mur = "MUR",
        /// Currency code `MRO`.
        Mro = "MRO",
        /// Currency code `MKD`.
        Mkd = "MKD",
        /// Currency code `MWK`.
        Mwk = "MWK",
        /// Currency code `MGA`.
        Mga = "MGA",
        /// Currency code `MYR`.
        Myr = "MYR",
        /// Currency code `MAD`.
        Mad = "MAD",
        /// Currency code `MXN`.
        Mxn = "MXN",
        /// Currency code `MZN`.
        Mzn = "MZN",
        /// Currency code `MDL`.
        Mdl = "MDL",
        /// Currency code `MNT`.
        Mnt = "MNT",
        /// Currency code `NPR`.
        Npr = "NPR",
        /// Currency code `NGN`.
        Ngn = "NGN",
        /// Currency code `NIO`.
        Nio = "NIO",
        /// Currency code `NZD`.
        Nzd = "NZD",
        /// Currency code `OMR`.
        Omr = "OMR",
        /// Currency code `PKR`.
        Pkr = "PKR",
        /// Currency code `PYG`.
        Pyg = "PYG",
        /// Currency code `PEN`.
        Pen = "PEN",
        /// Currency code `PLN`.
        Pln = "PLN",
        /// Currency code `KHR`.
        Khr = "KHR",
        /// Currency code `SAR`.
        Sar = "SAR",
        /// Currency code `RON`.
        Ron = "RON",
        /// Currency code `SCR`.
        Scr = "SCR",
        /// Currency code `SYP`.
        Syp = "SYP",
        /// Currency code `SKK`.
        Skk = "SKK",
        /// Currency code `SOS`.
        Sos = "SOS",
        /// Currency code `SDG`.
        Sdg = "SDG",
        /// Currency code `SRD`.
        Srd = "SRD",
        /// Currency code `TJS`.
        Tjs = "TJS",
        /// Currency code `THB`.
        Thb = "THB",
        /// Currency code `TWD`.
        Twd = "TWD",
        /// Currency code `BDT`.
        Bdt = "BDT",
        /// Currency code `TZS`.
        Tzs = "TZS",
        /// Currency code `TND`.
        Tnd = "TND",
        /// Currency code `TMM`.
        Tmm = "TMM",
        /// Currency code `UGX`.
        Ugx = "UGX",
        /// Currency code `UZS`.
        Uzs = "UZS",
        /// Currency code `UYU`.
        Uyu = "UYU",
        /// Currency code `PHP`.
        Php = "PHP",
        /// Currency code `DJF`.
        Djf = "DJF",
        /// Currency code `XAF`.
        Xaf = "XAF",
        /// Currency code `XOF`.
        Xof = "XOF",
        /// Currency code `HRK`.
        Hrk = "HRK",
        /// Currency code `CZK`.
        Czk = "CZK",
        /// Currency code `CLP`.
        Clp = "CLP",
        /// Currency code `LKR`.
        Lkr = "LKR",
        /// Currency code `EEK`.
        Eek = "EEK",
        /// Currency code `ETB`.
        Etb = "ETB",
        /// Currency code `RSD`.
        Rsd = "RSD",
        /// Currency code `ZAR`.
        Zar = "ZAR",
        /// Currency code `KRW`.
        Krw = "KRW",
        /// Currency code `NAD`.
        Nad = "NAD",
        /// Turkish lira (`TL`).
        Tl = "TL",
        /// A conventional unit (Yandex Market's `UE`).
        Ue = "UE",
    }
}

market_core::wire_enum! {
    /// The kind of a region (schema `RegionType`).
    pub enum RegionType {
        /// Another kind.
        Other = "OTHER",
        /// A continent.
        Continent = "CONTINENT",
        /// A region.
        Region = "REGION",
        /// A country.
        Country = "COUNTRY",
        /// A federal district.
        CountryDistrict = "COUNTRY_DISTRICT",
        /// A subject of the federation.
        Republic = "REPUBLIC",
        /// A city.
        City = "CITY",
        /// A village.
        Village = "VILLAGE",
        /// A district of a city.
        CityDistrict = "CITY_DISTRICT",
        /// A metro station.
        SubwayStation = "SUBWAY_STATION",
        /// A district of a subject of the federation.
        RepublicArea = "REPUBLIC_AREA",
    }
}

market_core::wire_enum! {
    /// A delivery model (schema `SellingProgramType`).
    pub enum SellingProgramType {
        /// Fulfilment by Yandex Market.
        Fby = "FBY",
        /// Fulfilment by the seller, delivered by Yandex Market.
        Fbs = "FBS",
        /// Delivery by the seller.
        Dbs = "DBS",
        /// Express delivery.
        Express = "EXPRESS",
        /// Logistics as a service.
        Laas = "LAAS",
    }
}

default_unknown!(CurrencyType, RegionType);

/// An amount in a currency (schema `CurrencyValueDTO`), as orders and returns carry it. A
/// missing field reads as its default (0, an empty `Unknown` currency).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct CurrencyValue {
    /// The amount, exact.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::decimal",
        serialize_with = "market_core::wire::ser::number"
    )]
    pub value: Decimal,
    /// The currency.
    #[serde(default)]
    pub currency_id: CurrencyType,
}

/// A price above zero and its currency (schema `BasePriceDTO`): an offer's purchase price and
/// extra expenses, a return's compensation, the price quarantine's deprecated prices.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct BasePrice {
    /// The amount, above 0.
    #[serde(
        serialize_with = "market_core::wire::ser::number",
        deserialize_with = "market_core::wire::de::decimal"
    )]
    pub value: Decimal,
    /// The currency.
    pub currency_id: CurrencyType,
}

impl BasePrice {
    /// An amount in roubles.
    pub fn rub(value: Decimal) -> Self {
        Self {
            value,
            currency_id: CurrencyType::Rur,
        }
    }
}

/// Coordinates (schema `GpsDTO`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct Gps {
    /// Latitude, in degrees.
    #[serde(default)]
    pub latitude: f64,
    /// Longitude, in degrees.
    #[serde(default)]
    pub longitude: f64,
}

market_core::wire_enum! {
    /// Yandex Market's error code (`errors[].code`, schema `ApiErrorCodeType`); codes this
    /// version does not know are kept as `Unknown`.
    pub enum ApiErrorCode {
        /// `INVALID_FEED_ID`.
        InvalidFeedId = "INVALID_FEED_ID",
        /// `INVALID_WAREHOUSE_ID`.
        InvalidWarehouseId = "INVALID_WAREHOUSE_ID",
        /// `GROUPED_WAREHOUSE`.
        GroupedWarehouse = "GROUPED_WAREHOUSE",
        /// `DUPLICATE_OFFER`.
        DuplicateOffer = "DUPLICATE_OFFER",
        /// `INVALID_TTL`.
        InvalidTtl = "INVALID_TTL",
        /// `INVALID_COMMENT`.
        InvalidComment = "INVALID_COMMENT",
        /// `LIMIT_EXCEEDED`.
        LimitExceeded = "LIMIT_EXCEEDED",
        /// `NON_POSITIVE_LIMIT`.
        NonPositiveLimit = "NON_POSITIVE_LIMIT",
        /// `REQUEST_LIMIT_EXCEEDED`.
        RequestLimitExceeded = "REQUEST_LIMIT_EXCEEDED",
        /// `INVALID_OFFER_ID`.
        InvalidOfferId = "INVALID_OFFER_ID",
        /// `MISSING_OFFER_ID`.
        MissingOfferId = "MISSING_OFFER_ID",
        /// `MISSING_OFFER`.
        MissingOffer = "MISSING_OFFER",
        /// `INVALID_SHOP_SKU`.
        InvalidShopSku = "INVALID_SHOP_SKU",
        /// `AMBIGUOUS_OFFER`.
        AmbiguousOffer = "AMBIGUOUS_OFFER",
        /// `OFFER_NOT_FOUND`.
        OfferNotFound = "OFFER_NOT_FOUND",
        /// `MODEL_NOT_FOUND`.
        ModelNotFound = "MODEL_NOT_FOUND",
        /// `CATEGORY_NOT_FOUND`.
        CategoryNotFound = "CATEGORY_NOT_FOUND",
        /// `NO_REQUIRED_FIELDS`.
        NoRequiredFields = "NO_REQUIRED_FIELDS",
        /// `FORBIDDEN_FIELD_DEFINITION`.
        ForbiddenFieldDefinition = "FORBIDDEN_FIELD_DEFINITION",
        /// `PROBLEMS_IN_OTHER_OFFERS`.
        ProblemsInOtherOffers = "PROBLEMS_IN_OTHER_OFFERS",
        /// `AMBIGUOUS_FIELD_DEFINITION`.
        AmbiguousFieldDefinition = "AMBIGUOUS_FIELD_DEFINITION",
        /// `INVALID_OUTLET_INFO`.
        InvalidOutletInfo = "INVALID_OUTLET_INFO",
        /// `DUPLICATE_OUTLET_CODE`.
        DuplicateOutletCode = "DUPLICATE_OUTLET_CODE",
        /// `UNKNOWN_REGION`.
        UnknownRegion = "UNKNOWN_REGION",
        /// `WRONG_REGION`.
        WrongRegion = "WRONG_REGION",
        /// `NOT_SPECIFIED`.
        NotSpecified = "NOT_SPECIFIED",
        /// `INVALID_PHONE_FORMAT`.
        InvalidPhoneFormat = "INVALID_PHONE_FORMAT",
        /// `INVALID_TIME_FORMAT`.
        InvalidTimeFormat = "INVALID_TIME_FORMAT",
        /// `COULD_NOT_FIND_COORDS`.
        CouldNotFindCoords = "COULD_NOT_FIND_COORDS",
        /// `WRONG_OUTLET_GPS_COORDINATES`.
        WrongOutletGpsCoordinates = "WRONG_OUTLET_GPS_COORDINATES",
        /// `ITEM_NOT_FOUND`.
        ItemNotFound = "ITEM_NOT_FOUND",
        /// `INVALID_ITEM`.
        InvalidItem = "INVALID_ITEM",
        /// `ITEM_DUPLICATE`.
        ItemDuplicate = "ITEM_DUPLICATE",
        /// `ITEM_SHIPPED`.
        ItemShipped = "ITEM_SHIPPED",
        /// `ITEMS_ADDITION_NOT_SUPPORTED`.
        ItemsAdditionNotSupported = "ITEMS_ADDITION_NOT_SUPPORTED",
        /// `CANNOT_REMOVE_LAST_ITEM`.
        CannotRemoveLastItem = "CANNOT_REMOVE_LAST_ITEM",
        /// `OTHER_REMOVE_ITEM_ERROR`.
        OtherRemoveItemError = "OTHER_REMOVE_ITEM_ERROR",
        /// `TRACK_CODE_ALREADY_USED`.
        TrackCodeAlreadyUsed = "TRACK_CODE_ALREADY_USED",
        /// `TOO_MANY_CISES_FOR_ITEM`.
        TooManyCisesForItem = "TOO_MANY_CISES_FOR_ITEM",
        /// `TOO_FEW_CISES_FOR_ITEM`.
        TooFewCisesForItem = "TOO_FEW_CISES_FOR_ITEM",
        /// `INVALID_CIS`.
        InvalidCis = "INVALID_CIS",
        /// `DUPLICATE_CIS`.
        DuplicateCis = "DUPLICATE_CIS",
        /// `TOO_MANY_UINS_FOR_ITEM`.
        TooManyUinsForItem = "TOO_MANY_UINS_FOR_ITEM",
        /// `TOO_FEW_UINS_FOR_ITEM`.
        TooFewUinsForItem = "TOO_FEW_UINS_FOR_ITEM",
        /// `INVALID_UIN`.
        InvalidUin = "INVALID_UIN",
        /// `UIN_VALIDATION_IN_PROGRESS_ERROR`.
        UinValidationInProgressError = "UIN_VALIDATION_IN_PROGRESS_ERROR",
        /// `CIS_VALIDATION_IN_PROGRESS_ERROR`.
        CisValidationInProgressError = "CIS_VALIDATION_IN_PROGRESS_ERROR",
        /// `INVALID_RNPT`.
        InvalidRnpt = "INVALID_RNPT",
        /// `INVALID_GTD`.
        InvalidGtd = "INVALID_GTD",
        /// `INVALID_COUNTRY_CODE`.
        InvalidCountryCode = "INVALID_COUNTRY_CODE",
        /// `COUNTRY_CODE_AND_GTD_ARE_REQUIRED_VALIDATION_ERROR`.
        CountryCodeAndGtdAreRequiredValidationError = "COUNTRY_CODE_AND_GTD_ARE_REQUIRED_VALIDATION_ERROR",
        /// `DUPLICATE_UIN`.
        DuplicateUin = "DUPLICATE_UIN",
        /// `DELETED_ITEMS_EXCEEDS_THRESHOLD`.
        DeletedItemsExceedsThreshold = "DELETED_ITEMS_EXCEEDS_THRESHOLD",
        /// `PROMO_PROHIBITS_DELETE`.
        PromoProhibitsDelete = "PROMO_PROHIBITS_DELETE",
        /// `PAYMENT_PROHIBITS_DELETE`.
        PaymentProhibitsDelete = "PAYMENT_PROHIBITS_DELETE",
        /// `CANCELLATION_REQUESTED`.
        CancellationRequested = "CANCELLATION_REQUESTED",
        /// `ORDER_IN_TERMINAL_STATE`.
        OrderInTerminalState = "ORDER_IN_TERMINAL_STATE",
        /// `EDIT_COUNT_EXCEEDED`.
        EditCountExceeded = "EDIT_COUNT_EXCEEDED",
        /// `DAYS_COUNT_EXCEEDED`.
        DaysCountExceeded = "DAYS_COUNT_EXCEEDED",
        /// `SAME_DELIVERY_DATES`.
        SameDeliveryDates = "SAME_DELIVERY_DATES",
        /// `INCORRECT_INN`.
        IncorrectInn = "INCORRECT_INN",
        /// `BAD_REQUEST`.
        BadRequest = "BAD_REQUEST",
        /// `UNSUPPORTED_MEDIA_TYPE`.
        UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE",
        /// `FORBIDDEN`.
        Forbidden = "FORBIDDEN",
        /// `NOT_FOUND`.
        NotFound = "NOT_FOUND",
        /// `LOCKED`.
        Locked = "LOCKED",
        /// `CONSTRAINT_VIOLATION`.
        ConstraintViolation = "CONSTRAINT_VIOLATION",
        /// `DUPLICATE_MARKET_SKU`.
        DuplicateMarketSku = "DUPLICATE_MARKET_SKU",
        /// `INVALID_MARKET_SKU`.
        InvalidMarketSku = "INVALID_MARKET_SKU",
        /// `INVALID_MAPPING`.
        InvalidMapping = "INVALID_MAPPING",
        /// `MISSING_MAPPING`.
        MissingMapping = "MISSING_MAPPING",
        /// `UNKNOWN_PARAMETER`.
        UnknownParameter = "UNKNOWN_PARAMETER",
        /// `INTERNAL_ERROR`.
        InternalError = "INTERNAL_ERROR",
        /// `MISSING_PARAM`.
        MissingParam = "MISSING_PARAM",
        /// `DUPLICATE_SHOP_SKU`.
        DuplicateShopSku = "DUPLICATE_SHOP_SKU",
        /// `INVALID_CURRENCY`.
        InvalidCurrency = "INVALID_CURRENCY",
        /// `INVALID_PAYMENT_SETTINGS`.
        InvalidPaymentSettings = "INVALID_PAYMENT_SETTINGS",
        /// `OTHER`.
        Other = "OTHER",
        /// `INVALID_CATEGORY`.
        InvalidCategory = "INVALID_CATEGORY",
        /// `INVALID_QUERY_PARAMETER`.
        InvalidQueryParameter = "INVALID_QUERY_PARAMETER",
        /// `CAMPAIGN_NOT_FOUND`.
        CampaignNotFound = "CAMPAIGN_NOT_FOUND",
        /// `PARTNER_NOT_FOUND`.
        PartnerNotFound = "PARTNER_NOT_FOUND",
        /// `BUSINESS_NOT_FOUND`.
        BusinessNotFound = "BUSINESS_NOT_FOUND",
        /// `CAMPAIGN_TYPE_NOT_SUPPORTED`.
        CampaignTypeNotSupported = "CAMPAIGN_TYPE_NOT_SUPPORTED",
        /// `BAD_OFFERS`.
        BadOffers = "BAD_OFFERS",
        /// `ALREADY_CONFIRMED`.
        AlreadyConfirmed = "ALREADY_CONFIRMED",
        /// `CUTOFF_NOT_REACHED`.
        CutoffNotReached = "CUTOFF_NOT_REACHED",
        /// `NO_ORDERS`.
        NoOrders = "NO_ORDERS",
        /// `BAD_ORDERS`.
        BadOrders = "BAD_ORDERS",
        /// `NO_BOXES`.
        NoBoxes = "NO_BOXES",
        /// `INVALID_ORDER_BEFORE`.
        InvalidOrderBefore = "INVALID_ORDER_BEFORE",
        /// `STATUS_NOT_ALLOWED`.
        StatusNotAllowed = "STATUS_NOT_ALLOWED",
        /// `SUBSTATUS_NOT_ALLOWED`.
        SubstatusNotAllowed = "SUBSTATUS_NOT_ALLOWED",
        /// `USER_UNREACHABLE_NOT_ALLOWED`.
        UserUnreachableNotAllowed = "USER_UNREACHABLE_NOT_ALLOWED",
        /// `ACTION_FORBIDDEN`.
        ActionForbidden = "ACTION_FORBIDDEN",
        /// `CANT_DELIVER_ORDER_TO_ADDRESS`.
        CantDeliverOrderToAddress = "CANT_DELIVER_ORDER_TO_ADDRESS",
        /// `PICKUP_EXPIRED_CANCELLATION_FORBIDDEN`.
        PickupExpiredCancellationForbidden = "PICKUP_EXPIRED_CANCELLATION_FORBIDDEN",
        /// `INVALID_ORDER_STATUS`.
        InvalidOrderStatus = "INVALID_ORDER_STATUS",
        /// `CODE_NEED_BE_REFRESHED`.
        CodeNeedBeRefreshed = "CODE_NEED_BE_REFRESHED",
        /// `CODE_ALREADY_ACCEPTED`.
        CodeAlreadyAccepted = "CODE_ALREADY_ACCEPTED",
        /// `NO_EMAIL`.
        NoEmail = "NO_EMAIL",
        /// `PROMO_ENDED`.
        PromoEnded = "PROMO_ENDED",
        /// `PROMO_ENTRY_DEADLINE_EXCEEDED`.
        PromoEntryDeadlineExceeded = "PROMO_ENTRY_DEADLINE_EXCEEDED",
        /// `PROMO_MECHANICS_NOT_SUPPORTED`.
        PromoMechanicsNotSupported = "PROMO_MECHANICS_NOT_SUPPORTED",
        /// `PROMO_SINGLE_OFFER_TASK_LIMIT_EXCEEDED`.
        PromoSingleOfferTaskLimitExceeded = "PROMO_SINGLE_OFFER_TASK_LIMIT_EXCEEDED",
        /// `SUPPLY_REQUEST_NOT_FOUND`.
        SupplyRequestNotFound = "SUPPLY_REQUEST_NOT_FOUND",
        /// `DOCUMENT_NOT_FOUND`.
        DocumentNotFound = "DOCUMENT_NOT_FOUND",
        /// `EXTERNAL_ORDER_ID_UPDATE_ERROR`.
        ExternalOrderIdUpdateError = "EXTERNAL_ORDER_ID_UPDATE_ERROR",
        /// `DECLINE_REASON_ARE_REQUIRED_ERROR`.
        DeclineReasonAreRequiredError = "DECLINE_REASON_ARE_REQUIRED_ERROR",
        /// `CONTRACT_NOT_FOUND`.
        ContractNotFound = "CONTRACT_NOT_FOUND",
        /// `CONTRACT_WITH_AGENCY`.
        ContractWithAgency = "CONTRACT_WITH_AGENCY",
        /// `NOT_ENOUGH_STOCK`.
        NotEnoughStock = "NOT_ENOUGH_STOCK",
        /// `INVALID_DELIVERY_OPTION`.
        InvalidDeliveryOption = "INVALID_DELIVERY_OPTION",
        /// `ORDER_ALREADY_EXISTS`.
        OrderAlreadyExists = "ORDER_ALREADY_EXISTS",
        /// `ORDER_MODIFICATION_NOT_ALLOWED`.
        OrderModificationNotAllowed = "ORDER_MODIFICATION_NOT_ALLOWED",
        /// `DELIVERY_TAX_INFO_NO_DBS_PARTNER`.
        DeliveryTaxInfoNoDbsPartner = "DELIVERY_TAX_INFO_NO_DBS_PARTNER",
        /// `DELIVERY_TAX_INFO_INCORRECT_ORDER_STATUS`.
        DeliveryTaxInfoIncorrectOrderStatus = "DELIVERY_TAX_INFO_INCORRECT_ORDER_STATUS",
        /// `DELIVERY_TAX_INFO_TAX_SYSTEM_IS_NOT_SUPPORTED`.
        DeliveryTaxInfoTaxSystemIsNotSupported = "DELIVERY_TAX_INFO_TAX_SYSTEM_IS_NOT_SUPPORTED",
        /// `DELIVERY_TAX_INFO_INCORRECT_DELIVERY_SERVICE`.
        DeliveryTaxInfoIncorrectDeliveryService = "DELIVERY_TAX_INFO_INCORRECT_DELIVERY_SERVICE",
        /// `DELIVERY_TAX_INFO_INCORRECT_REQUEST`.
        DeliveryTaxInfoIncorrectRequest = "DELIVERY_TAX_INFO_INCORRECT_REQUEST",
        /// `RETURN_ALREADY_EXISTS`.
        ReturnAlreadyExists = "RETURN_ALREADY_EXISTS",
        /// `INVALID_RETURN_OFFERS`.
        InvalidReturnOffers = "INVALID_RETURN_OFFERS",
        /// `PHOTO_UPLOAD_FAILED`.
        PhotoUploadFailed = "PHOTO_UPLOAD_FAILED",
        /// `INVALID_DELIVERY_TYPE`.
        InvalidDeliveryType = "INVALID_DELIVERY_TYPE",
        /// `INVALID_RETURN_REASON`.
        InvalidReturnReason = "INVALID_RETURN_REASON",
        /// `INVALID_ITEM_DIMENSIONS`.
        InvalidItemDimensions = "INVALID_ITEM_DIMENSIONS",
        /// `API_DISABLED`.
        ApiDisabled = "API_DISABLED",
        /// `RESTRICTED_BY_MARKETPLACE_REGION`.
        RestrictedByMarketplaceRegion = "RESTRICTED_BY_MARKETPLACE_REGION",
        /// `NO_ACCESS_BY_DEPRECATION_POLICY`.
        NoAccessByDeprecationPolicy = "NO_ACCESS_BY_DEPRECATION_POLICY",
        /// `ORDER_EDIT_ERROR`.
        OrderEditError = "ORDER_EDIT_ERROR",
        /// `ADVERTISER_STATUS_MISMATCH`.
        AdvertiserStatusMismatch = "ADVERTISER_STATUS_MISMATCH",
        /// `RESTRICTED_FOR_ADVERTISER`.
        RestrictedForAdvertiser = "RESTRICTED_FOR_ADVERTISER",
        /// `SUBSCRIPTION_REQUIRED`.
        SubscriptionRequired = "SUBSCRIPTION_REQUIRED",
        /// `CIS_HANDLE_MODE_RESTRICTION`.
        CisHandleModeRestriction = "CIS_HANDLE_MODE_RESTRICTION",
    }
}

impl ApiErrorItem {
    /// The code as a tolerant enum.
    pub fn code_type(&self) -> ApiErrorCode {
        ApiErrorCode::from_wire(&self.code)
    }
}

/// The Yandex Market error code of a failed call (the first of `errors[]`), as a tolerant
/// enum; `None` for errors that did not come from Yandex Market's answer.
pub fn error_code(error: &market_core::Error) -> Option<ApiErrorCode> {
    error
        .api()
        .and_then(|e| e.code.as_deref())
        .map(ApiErrorCode::from_wire)
}
