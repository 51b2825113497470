//! Models of the offers section: the business catalogue (offer mappings: read, create/update,
//! archive, unarchive, delete) and offer cards (content status, category parameter values).
//!
//! [`BasePrice`] and [`SellingProgram`] (schemas `BasePriceDTO`, `SellingProgramType`) are
//! shared with other sections: they live in [`crate::models::common`] and are re-exported here.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::ids::{CampaignId, CategoryId, MarketSku, ParameterId};
use crate::models::categories::OfferCardRecommendationType;
pub use crate::models::common::BasePrice;
pub use crate::models::common::SellingProgramType as SellingProgram;
use crate::models::common::{ApiStatus, CurrencyType, Pager};

market_core::wire_enum! {
    /// The language of catalogue texts, a query parameter (schema `CatalogLanguageType`).
    pub enum CatalogLanguage {
        /// Russian.
        Ru = "RU",
        /// Uzbek.
        Uz = "UZ",
    }
}

market_core::wire_enum! {
    /// The state of an offer's card on Yandex Market (schema `OfferCardStatusType`).
    pub enum OfferCardStatus {
        /// Yandex Market's own card: the seller cannot change it.
        HasCardCanNotUpdate = "HAS_CARD_CAN_NOT_UPDATE",
        /// A card the seller can add to.
        HasCardCanUpdate = "HAS_CARD_CAN_UPDATE",
        /// The seller's changes to the card were not accepted.
        HasCardCanUpdateErrors = "HAS_CARD_CAN_UPDATE_ERRORS",
        /// The seller's changes to the card are being checked.
        HasCardCanUpdateProcessing = "HAS_CARD_CAN_UPDATE_PROCESSING",
        /// No card: the seller has to create one.
        NoCardNeedContent = "NO_CARD_NEED_CONTENT",
        /// No card yet: Yandex Market will create it.
        NoCardMarketWillCreate = "NO_CARD_MARKET_WILL_CREATE",
        /// No card: creating it failed.
        NoCardErrors = "NO_CARD_ERRORS",
        /// No card yet: the data is being checked.
        NoCardProcessing = "NO_CARD_PROCESSING",
        /// The offer has to be placed in a shop (campaign).
        NoCardAddToCampaign = "NO_CARD_ADD_TO_CAMPAIGN",
    }
}

market_core::wire_enum! {
    /// The state of a card's rating and recommendations (schema `OfferCardContentStatusType`).
    pub enum OfferCardContentStatus {
        /// The rating is being recomputed.
        Updating = "UPDATING",
        /// The rating is current.
        Actual = "ACTUAL",
    }
}

market_core::wire_enum! {
    /// The unit of an age limit (schema `AgeUnitType`).
    pub enum AgeUnit {
        /// Years.
        Year = "YEAR",
        /// Months.
        Month = "MONTH",
    }
}

market_core::wire_enum! {
    /// The kind of a commodity code (schema `CommodityCodeType`).
    pub enum CommodityCodeType {
        /// A customs commodity code (TN VED).
        CustomsCommodityCode = "CUSTOMS_COMMODITY_CODE",
        /// An IKPU code (Uzbekistan).
        IkpuCode = "IKPU_CODE",
    }
}

market_core::wire_enum! {
    /// The quality of a used or discounted offer (schema `OfferConditionQualityType`).
    pub enum OfferConditionQuality {
        /// Perfect.
        Perfect = "PERFECT",
        /// Excellent.
        Excellent = "EXCELLENT",
        /// Good.
        Good = "GOOD",
        /// Not stated.
        NotSpecified = "NOT_SPECIFIED",
    }
}

market_core::wire_enum! {
    /// Why an offer is sold as used or discounted (schema `OfferConditionType`).
    pub enum OfferConditionType {
        /// Used.
        Preowned = "PREOWNED",
        /// A showcase sample.
        Showcasesample = "SHOWCASESAMPLE",
        /// Refurbished.
        Refurbished = "REFURBISHED",
        /// Discounted for a defect.
        Reduction = "REDUCTION",
        /// Renovated.
        Renovated = "RENOVATED",
        /// Not stated.
        NotSpecified = "NOT_SPECIFIED",
    }
}

market_core::wire_enum! {
    /// The unit of a time period (schema `TimeUnitType`).
    pub enum TimeUnit {
        /// Hours.
        Hour = "HOUR",
        /// Days.
        Day = "DAY",
        /// Weeks.
        Week = "WEEK",
        /// Months.
        Month = "MONTH",
        /// Years.
        Year = "YEAR",
    }
}

market_core::wire_enum! {
    /// A special kind of offer (schema `OfferType`).
    pub enum OfferType {
        /// An ordinary offer.
        Default = "DEFAULT",
        /// A medicine.
        Medicine = "MEDICINE",
        /// A book.
        Book = "BOOK",
        /// An audiobook.
        Audiobook = "AUDIOBOOK",
        /// Music or video.
        ArtistTitle = "ARTIST_TITLE",
        /// Made to order.
        OnDemand = "ON_DEMAND",
        /// Alcohol.
        Alcohol = "ALCOHOL",
    }
}

market_core::wire_enum! {
    /// The state of an offer in one shop (schema `OfferCampaignStatusType`).
    pub enum OfferCampaignStatus {
        /// On sale.
        Published = "PUBLISHED",
        /// Being checked.
        Checking = "CHECKING",
        /// Hidden by the seller.
        DisabledByPartner = "DISABLED_BY_PARTNER",
        /// Hidden automatically for problems found.
        DisabledAutomatically = "DISABLED_AUTOMATICALLY",
        /// Refused by Yandex Market.
        RejectedByMarket = "REJECTED_BY_MARKET",
        /// Its card is being created.
        CreatingCard = "CREATING_CARD",
        /// It has no card.
        NoCard = "NO_CARD",
        /// Out of stock.
        NoStocks = "NO_STOCKS",
        /// In the archive.
        Archived = "ARCHIVED",
        /// Ready to be put on sale.
        ReadyForPublication = "READY_FOR_PUBLICATION",
    }
}

market_core::wire_enum! {
    /// The upload state of a media file (schema `MediaFileUploadStateType`).
    pub enum MediaFileUploadState {
        /// Being uploaded.
        Uploading = "UPLOADING",
        /// Uploaded.
        Uploaded = "UPLOADED",
        /// The upload failed.
        Failed = "FAILED",
    }
}

market_core::wire_enum! {
    /// Whether an offer may be sold on a delivery model (schema `OfferSellingProgramStatusType`).
    pub enum OfferSellingProgramStatus {
        /// It may.
        Fine = "FINE",
        /// It may not.
        Reject = "REJECT",
    }
}

market_core::wire_enum! {
    /// A storefront (schema `ShowcaseType`).
    pub enum ShowcaseType {
        /// The business storefront.
        B2b = "B2B",
        /// The consumer storefront.
        B2c = "B2C",
    }
}

market_core::wire_enum! {
    /// A field of an offer that an update deletes (schema `DeleteOfferParameterType`).
    pub enum DeleteOfferParameter {
        /// `additionalExpenses`.
        AdditionalExpenses = "ADDITIONAL_EXPENSES",
        /// `adult`.
        Adult = "ADULT",
        /// `age`.
        Age = "AGE",
        /// `barcodes`.
        Barcodes = "BARCODES",
        /// `boxCount`.
        BoxCount = "BOX_COUNT",
        /// `certificates`.
        Certificates = "CERTIFICATES",
        /// `commodityCodes`.
        CommodityCodes = "COMMODITY_CODES",
        /// `condition`.
        Condition = "CONDITION",
        /// `customsCommodityCode`.
        CustomsCommodityCode = "CUSTOMS_COMMODITY_CODE",
        /// `description`.
        Description = "DESCRIPTION",
        /// `downloadable`.
        Downloadable = "DOWNLOADABLE",
        /// `guaranteePeriod`.
        GuaranteePeriod = "GUARANTEE_PERIOD",
        /// `lifeTime`.
        LifeTime = "LIFE_TIME",
        /// `manuals`.
        Manuals = "MANUALS",
        /// `manufacturerCountries`.
        ManufacturerCountries = "MANUFACTURER_COUNTRIES",
        /// `parameterValues`.
        Parameters = "PARAMETERS",
        /// `pictures`.
        Pictures = "PICTURES",
        /// `purchasePrice`.
        PurchasePrice = "PURCHASE_PRICE",
        /// `shelfLife`.
        ShelfLife = "SHELF_LIFE",
        /// `tags`.
        Tags = "TAGS",
        /// `type`.
        Type = "TYPE",
        /// `vendorCode`.
        VendorCode = "VENDOR_CODE",
        /// `videos`.
        Videos = "VIDEOS",
    }
}

market_core::wire_enum! {
    /// The kind of an error or warning about an offer update (schema `OfferMappingErrorType`).
    pub enum OfferMappingErrorType {
        /// The category is unknown.
        UnknownCategory = "UNKNOWN_CATEGORY",
        /// The category is not a leaf.
        InvalidCategory = "INVALID_CATEGORY",
        /// Category parameters were sent without the category.
        EmptyMarketCategory = "EMPTY_MARKET_CATEGORY",
        /// The parameter is not one of the category's.
        UnknownParameter = "UNKNOWN_PARAMETER",
        /// A boolean parameter got something else.
        UnexpectedBooleanValue = "UNEXPECTED_BOOLEAN_VALUE",
        /// A numeric parameter got something that is not a number.
        NumberFormat = "NUMBER_FORMAT",
        /// The unit is not allowed for the parameter.
        InvalidUnitId = "INVALID_UNIT_ID",
        /// The group id is too long.
        InvalidGroupIdLength = "INVALID_GROUP_ID_LENGTH",
        /// The group id has characters that are not allowed.
        InvalidGroupIdCharacters = "INVALID_GROUP_ID_CHARACTERS",
        /// The thumbnail picture is not one of the offer's pictures.
        InvalidPickerUrl = "INVALID_PICKER_URL",
        /// The package dimensions can no longer be changed.
        LockedDimensions = "LOCKED_DIMENSIONS",
        /// The commodity code is not valid.
        InvalidCommodityCode = "INVALID_COMMODITY_CODE",
    }
}

market_core::wire_enum! {
    /// The kind of an error or warning about a parameter update (schema `OfferContentErrorType`).
    pub enum OfferContentErrorType {
        /// The offer is not in the catalogue.
        OfferNotFound = "OFFER_NOT_FOUND",
        /// The category is unknown.
        UnknownCategory = "UNKNOWN_CATEGORY",
        /// The category is not a leaf.
        InvalidCategory = "INVALID_CATEGORY",
        /// The parameter is not one of the category's.
        UnknownParameter = "UNKNOWN_PARAMETER",
        /// A boolean parameter got something else.
        UnexpectedBooleanValue = "UNEXPECTED_BOOLEAN_VALUE",
        /// A numeric parameter got something that is not a number.
        NumberFormat = "NUMBER_FORMAT",
        /// The unit is not allowed for the parameter.
        InvalidUnitId = "INVALID_UNIT_ID",
        /// The group id is too long.
        InvalidGroupIdLength = "INVALID_GROUP_ID_LENGTH",
        /// The group id has characters that are not allowed.
        InvalidGroupIdCharacters = "INVALID_GROUP_ID_CHARACTERS",
    }
}

market_core::wire_enum! {
    /// Why an offer was not archived (schema `AddOffersToArchiveErrorType`).
    pub enum ArchiveErrorType {
        /// It is stored at a Yandex Market warehouse: sell or remove the stock first.
        OfferHasStocks = "OFFER_HAS_STOCKS",
        /// Unknown (likely a failure on Yandex Market's side).
        UnknownReason = "UNKNOWN",
    }
}

// ---------------------------------------------------------------------------------------------
// Shared pieces of offers.
// ---------------------------------------------------------------------------------------------

/// A price with the price before the discount (schema `PriceWithDiscountDTO`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct PriceWithDiscount {
    /// The amount, above 0.
    #[serde(
        serialize_with = "market_core::wire::ser::number",
        deserialize_with = "market_core::wire::de::decimal"
    )]
    pub value: Decimal,
    /// The currency.
    pub currency_id: CurrencyType,
    /// The price before the discount (crossed out on the storefront), above `value`.
    #[serde(
        default,
        serialize_with = "market_core::wire::ser::opt_number",
        deserialize_with = "market_core::wire::de::opt_decimal",
        skip_serializing_if = "Option::is_none"
    )]
    pub discount_base: Option<Decimal>,
}

impl PriceWithDiscount {
    /// An amount in roubles, without a price before the discount.
    pub fn rub(value: Decimal) -> Self {
        Self {
            value,
            currency_id: CurrencyType::Rur,
            discount_base: None,
        }
    }

    /// Sets the price before the discount.
    pub fn with_discount_base(mut self, base: Decimal) -> Self {
        self.discount_base = Some(base);
        self
    }
}

/// A price as Yandex Market keeps it, with the time it changed (schema `GetPriceDTO`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct PriceInfo {
    /// The amount.
    #[serde(
        serialize_with = "market_core::wire::ser::number",
        deserialize_with = "market_core::wire::de::decimal"
    )]
    pub value: Decimal,
    /// The currency.
    pub currency_id: CurrencyType,
    /// When it was last changed.
    pub updated_at: DateTime<Utc>,
}

/// A price with the price before the discount and the time it changed (schema
/// `GetPriceWithDiscountDTO`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct PriceWithDiscountInfo {
    /// The amount.
    #[serde(
        serialize_with = "market_core::wire::ser::number",
        deserialize_with = "market_core::wire::de::decimal"
    )]
    pub value: Decimal,
    /// The currency.
    pub currency_id: CurrencyType,
    /// The price before the discount.
    #[serde(
        default,
        serialize_with = "market_core::wire::ser::opt_number",
        deserialize_with = "market_core::wire::de::opt_decimal",
        skip_serializing_if = "Option::is_none"
    )]
    pub discount_base: Option<Decimal>,
    /// When it was last changed.
    pub updated_at: DateTime<Utc>,
}

/// An age limit (schema `AgeDTO`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct Age {
    /// The age (0, 6, 12, 16, 18 years; 0 to 12 months).
    #[serde(
        serialize_with = "market_core::wire::ser::number",
        deserialize_with = "market_core::wire::de::decimal"
    )]
    pub value: Decimal,
    /// Years or months.
    pub age_unit: AgeUnit,
}

/// A commodity code (schema `CommodityCodeDTO`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct CommodityCode {
    /// The commodity code itself (its kind is `code_type`).
    pub code: String,
    /// Its kind.
    #[serde(rename = "type")]
    pub kind: CommodityCodeType,
}

/// The condition of a used or discounted offer (schema `OfferConditionDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OfferCondition {
    /// Why it is used or discounted.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<OfferConditionType>,
    /// Its quality.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quality: Option<OfferConditionQuality>,
    /// The defects, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// A period: guarantee, shelf life, service life (schema `TimePeriodDTO`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct TimePeriod {
    /// The length, in `time_unit`s.
    pub time_period: i64,
    /// The unit.
    pub time_unit: TimeUnit,
    /// A comment (at most 500 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

impl TimePeriod {
    /// A period without a comment.
    pub fn new(time_period: i64, time_unit: TimeUnit) -> Self {
        Self {
            time_period,
            time_unit,
            comment: None,
        }
    }
}

/// A manual of an offer (schema `OfferManualDTO`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OfferManual {
    /// The link to the file.
    pub url: String,
    /// Its title (at most 500 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// A free-form parameter of an offer, deprecated by Yandex Market in favour of
/// `parameterValues` (schema `OfferParamDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OfferParam {
    /// The characteristic's name, exactly as Yandex Market names it in the category.
    #[serde(default)]
    pub name: String,
    /// The characteristic's value, as text.
    #[serde(default)]
    pub value: String,
}

/// The package's dimensions in centimetres and weight in kilograms (schema
/// `OfferWeightDimensionsDTO`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct WeightDimensions {
    /// Length, cm.
    #[serde(
        serialize_with = "market_core::wire::ser::number",
        deserialize_with = "market_core::wire::de::decimal"
    )]
    pub length: Decimal,
    /// Width, cm.
    #[serde(
        serialize_with = "market_core::wire::ser::number",
        deserialize_with = "market_core::wire::de::decimal"
    )]
    pub width: Decimal,
    /// Height, cm.
    #[serde(
        serialize_with = "market_core::wire::ser::number",
        deserialize_with = "market_core::wire::de::decimal"
    )]
    pub height: Decimal,
    /// Gross weight, kg.
    #[serde(
        serialize_with = "market_core::wire::ser::number",
        deserialize_with = "market_core::wire::de::decimal"
    )]
    pub weight: Decimal,
}

/// The value of a category parameter (schema `ParameterValueDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct ParameterValue {
    /// The parameter (`id` of [`crate::models::categories::CategoryParameter`]).
    #[serde(default)]
    pub parameter_id: ParameterId,
    /// The unit; the parameter's default unit when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_id: Option<i64>,
    /// The id of a listed value of an `ENUM` parameter (absent for custom values).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_id: Option<i64>,
    /// The value as text (for `ENUM`: with `value_id` for a listed value, alone for a custom one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

impl ParameterValue {
    /// A value given as text (`TEXT`, `NUMERIC`, `BOOLEAN`, or a custom `ENUM` value).
    pub fn text(parameter_id: impl Into<ParameterId>, value: impl Into<String>) -> Self {
        Self {
            parameter_id: parameter_id.into(),
            value: Some(value.into()),
            ..Self::default()
        }
    }

    /// A listed value of an `ENUM` parameter, by its id.
    pub fn option(parameter_id: impl Into<ParameterId>, value_id: i64) -> Self {
        Self {
            parameter_id: parameter_id.into(),
            value_id: Some(value_id),
            ..Self::default()
        }
    }

    /// Sets the unit.
    pub fn with_unit(mut self, unit_id: i64) -> Self {
        self.unit_id = Some(unit_id);
        self
    }
}

// ---------------------------------------------------------------------------------------------
// getOfferMappings
// ---------------------------------------------------------------------------------------------

/// Request of `getOfferMappings` (schema `GetOfferMappingsRequest`): either offer ids, or
/// filters (none for the whole catalogue).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct GetOfferMappingsRequest {
    /// The offers wanted; not to be combined with the filters or page tokens.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub offer_ids: Vec<String>,
    /// Filter: card states.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub card_statuses: Vec<OfferCardStatus>,
    /// Filter: Yandex Market categories.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub category_ids: Vec<CategoryId>,
    /// Filter: brands.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub vendor_names: Vec<String>,
    /// Filter: the seller's tags.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Filter: `true` for archived offers only; otherwise offers not in the archive.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived: Option<bool>,
}

impl GetOfferMappingsRequest {
    /// These offers (any number: the client splits them).
    pub fn by_offer_ids<I: Into<String>>(ids: impl IntoIterator<Item = I>) -> Self {
        Self {
            offer_ids: ids.into_iter().map(Into::into).collect(),
            ..Self::default()
        }
    }

    /// Only offers whose card is in one of these states.
    pub fn with_card_statuses(
        mut self,
        statuses: impl IntoIterator<Item = OfferCardStatus>,
    ) -> Self {
        self.card_statuses = statuses.into_iter().collect();
        self
    }

    /// Only offers of these categories.
    pub fn with_category_ids<I: Into<CategoryId>>(
        mut self,
        ids: impl IntoIterator<Item = I>,
    ) -> Self {
        self.category_ids = ids.into_iter().map(Into::into).collect();
        self
    }

    /// Only offers of these brands.
    pub fn with_vendor_names<I: Into<String>>(
        mut self,
        names: impl IntoIterator<Item = I>,
    ) -> Self {
        self.vendor_names = names.into_iter().map(Into::into).collect();
        self
    }

    /// Only offers with these tags.
    pub fn with_tags<I: Into<String>>(mut self, tags: impl IntoIterator<Item = I>) -> Self {
        self.tags = tags.into_iter().map(Into::into).collect();
        self
    }

    /// Archived offers (`true`) or offers not in the archive (`false`, the default).
    pub fn with_archived(mut self, archived: bool) -> Self {
        self.archived = Some(archived);
        self
    }

    /// True when any filter is set.
    pub fn has_filters(&self) -> bool {
        !self.card_statuses.is_empty()
            || !self.category_ids.is_empty()
            || !self.vendor_names.is_empty()
            || !self.tags.is_empty()
            || self.archived.is_some()
    }
}

/// Answer of `getOfferMappings` (schema `GetOfferMappingsResponse`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct GetOfferMappingsResponse {
    /// `OK` or `ERROR`.
    #[serde(default)]
    pub status: Option<ApiStatus>,
    /// The page.
    #[serde(default)]
    pub result: Option<GetOfferMappingsResult>,
}

/// A page of offers (schema `GetOfferMappingsResultDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct GetOfferMappingsResult {
    /// The token of the next page.
    #[serde(default)]
    pub paging: Option<Pager>,
    /// The offers with their cards (required: an answer without it is an error, not an empty page).
    pub offer_mappings: Vec<OfferMapping>,
}

/// An offer of the catalogue with its card on Yandex Market (schema `GetOfferMappingDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OfferMapping {
    /// The offer's main parameters as the seller gave them; `None` when not sent.
    #[serde(default)]
    pub offer: Option<Offer>,
    /// Its card on Yandex Market.
    #[serde(default)]
    pub mapping: Option<Mapping>,
    /// Links to the offer on the storefronts.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub showcase_urls: Vec<ShowcaseUrl>,
}

impl OfferMapping {
    /// The offer's id (`""` when the answer carried no offer).
    pub fn offer_id(&self) -> &str {
        self.offer
            .as_ref()
            .map(|o| o.offer_id.as_str())
            .unwrap_or_default()
    }
}

/// The card an offer is bound to (schema `GetMappingDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct Mapping {
    /// The card (SKU on Yandex Market).
    #[serde(default)]
    pub market_sku: Option<MarketSku>,
    /// The card's name.
    #[serde(default)]
    pub market_sku_name: Option<String>,
    /// The model's name (deprecated by Yandex Market).
    #[serde(default)]
    pub market_model_name: Option<String>,
    /// The card's category.
    #[serde(default)]
    pub market_category_id: Option<CategoryId>,
    /// The category's name.
    #[serde(default)]
    pub market_category_name: Option<String>,
}

/// A link to the offer on a storefront (schema `ShowcaseUrlDTO`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct ShowcaseUrl {
    /// The storefront.
    pub showcase_type: ShowcaseType,
    /// The link.
    #[serde(default)]
    pub showcase_url: String,
}

/// An offer as the catalogue holds it (schema `GetOfferDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct Offer {
    /// The seller's SKU.
    #[serde(default)]
    pub offer_id: String,
    /// The offer's name (type, brand or maker, model, features, pack size); `None` when not set.
    #[serde(default)]
    pub name: Option<String>,
    /// The Yandex Market category the seller put it in.
    #[serde(default)]
    pub market_category_id: Option<CategoryId>,
    /// The seller's own category (deprecated by Yandex Market).
    #[serde(default)]
    pub category: Option<String>,
    /// Links to pictures.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub pictures: Vec<String>,
    /// Links to videos.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub videos: Vec<String>,
    /// The offer's usage manuals (empty when there are none).
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub manuals: Vec<OfferManual>,
    /// The brand.
    #[serde(default)]
    pub vendor: Option<String>,
    /// The offer's barcodes (EAN, UPC...; empty when none are set).
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub barcodes: Vec<String>,
    /// The detailed description of the offer; `None` when not set.
    #[serde(default)]
    pub description: Option<String>,
    /// Countries of manufacture.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub manufacturer_countries: Vec<String>,
    /// Package dimensions and weight.
    #[serde(default)]
    pub weight_dimensions: Option<WeightDimensions>,
    /// The manufacturer's article.
    #[serde(default)]
    pub vendor_code: Option<String>,
    /// The seller's tags.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub tags: Vec<String>,
    /// Shelf life: after it the product is unusable (as printed on the pack); `None` when none.
    #[serde(default)]
    pub shelf_life: Option<TimePeriod>,
    /// Service life.
    #[serde(default)]
    pub life_time: Option<TimePeriod>,
    /// Guarantee period: while it lasts the product is repaired or replaced free; `None` when none.
    #[serde(default)]
    pub guarantee_period: Option<TimePeriod>,
    /// The customs commodity code (deprecated by Yandex Market: see `commodity_codes`).
    #[serde(default)]
    pub customs_commodity_code: Option<String>,
    /// Commodity codes (for customs and marking; empty when none are set).
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub commodity_codes: Vec<CommodityCode>,
    /// Certificate numbers.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub certificates: Vec<String>,
    /// Units in one box, for offers shipped in several boxes.
    #[serde(default)]
    pub box_count: Option<i32>,
    /// The condition of a used or discounted offer.
    #[serde(default)]
    pub condition: Option<OfferCondition>,
    /// A special kind of offer.
    #[serde(default, rename = "type")]
    pub kind: Option<OfferType>,
    /// Whether it is sold as a download.
    #[serde(default)]
    pub downloadable: Option<bool>,
    /// Whether it is for adults.
    #[serde(default)]
    pub adult: Option<bool>,
    /// The age limit.
    #[serde(default)]
    pub age: Option<Age>,
    /// Free-form parameters (deprecated by Yandex Market).
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub params: Vec<OfferParam>,
    /// The price in every shop of the business.
    #[serde(default)]
    pub basic_price: Option<PriceWithDiscountInfo>,
    /// Cost price: what the seller pays to make or buy the product; `None` when not set.
    #[serde(default)]
    pub purchase_price: Option<PriceInfo>,
    /// Additional expenses per unit.
    #[serde(default)]
    pub additional_expenses: Option<PriceInfo>,
    /// The state of its card.
    #[serde(default)]
    pub card_status: Option<OfferCardStatus>,
    /// Its state in each shop.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub campaigns: Vec<OfferCampaign>,
    /// The delivery models it may be sold on.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub selling_programs: Vec<OfferSellingProgram>,
    /// Its media files with their upload states.
    #[serde(default)]
    pub media_files: Option<OfferMediaFiles>,
    /// Whether it is in the archive.
    #[serde(default)]
    pub archived: Option<bool>,
    /// The id of its group of variants.
    #[serde(default)]
    pub group_id: Option<String>,
}

/// The state of an offer in one shop (schema `OfferCampaignStatusDTO`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OfferCampaign {
    /// The shop.
    #[serde(default)]
    pub campaign_id: CampaignId,
    /// The state.
    pub status: OfferCampaignStatus,
}

/// Whether an offer may be sold on a delivery model (schema `OfferSellingProgramDTO`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OfferSellingProgram {
    /// The delivery model.
    pub selling_program: SellingProgram,
    /// Allowed or not.
    pub status: OfferSellingProgramStatus,
}

/// The media files of an offer (schema `OfferMediaFilesDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OfferMediaFiles {
    /// The product's pictures (empty when none).
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub pictures: Vec<OfferMediaFile>,
    /// The product's videos (empty when none).
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub videos: Vec<OfferMediaFile>,
    /// The product's usage manuals (empty when none).
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub manuals: Vec<OfferMediaFile>,
    /// Whether the first video is the cover (deprecated by Yandex Market).
    #[serde(default)]
    pub first_video_as_cover: Option<bool>,
}

/// A media file of an offer (schema `OfferMediaFileDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OfferMediaFile {
    /// The link.
    #[serde(default)]
    pub url: Option<String>,
    /// The media file's title; `None` when it has none.
    #[serde(default)]
    pub title: Option<String>,
    /// Whether the media file was uploaded, is being uploaded, or failed; `None` when not sent.
    #[serde(default)]
    pub upload_state: Option<MediaFileUploadState>,
}

// ---------------------------------------------------------------------------------------------
// updateOfferMappings
// ---------------------------------------------------------------------------------------------

/// Request of `updateOfferMappings` (schema `UpdateOfferMappingsRequest`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct UpdateOfferMappingsRequest {
    /// The offers to create or update (at most 500 a request).
    pub offer_mappings: Vec<UpdateOfferMapping>,
    /// `true` to drop the data Yandex Market added and keep only the seller's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub only_partner_media_content: Option<bool>,
}

/// An offer to create or update, with the card it belongs to (schema `UpdateOfferMappingDTO`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct UpdateOfferMapping {
    /// The offer's parameters to save.
    pub offer: UpdateOffer,
    /// The card the seller thinks fits (Yandex Market may choose another).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mapping: Option<UpdateMapping>,
}

impl UpdateOfferMapping {
    /// An offer without a suggested card.
    pub fn new(offer: UpdateOffer) -> Self {
        Self {
            offer,
            mapping: None,
        }
    }

    /// Suggests the card (SKU on Yandex Market) the offer belongs to.
    pub fn with_market_sku(mut self, sku: impl Into<MarketSku>) -> Self {
        self.mapping = Some(UpdateMapping {
            market_sku: Some(sku.into()),
        });
        self
    }
}

impl From<UpdateOffer> for UpdateOfferMapping {
    fn from(offer: UpdateOffer) -> Self {
        Self::new(offer)
    }
}

/// The card suggested for an offer (schema `UpdateMappingDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct UpdateMapping {
    /// The card (SKU on Yandex Market).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub market_sku: Option<MarketSku>,
}

/// An offer to create or update (schema `UpdateOfferDTO`, without its deprecated fields
/// `category`, `params`, `customsCommodityCode` and `firstVideoAsCover`).
///
/// A new offer needs `name`, `market_category_id`, `pictures`, `vendor` and `description`
/// ([`UpdateOffer::create`]); an update sends the offer id and what changes
/// ([`UpdateOffer::new`] and the `with_*` methods).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct UpdateOffer {
    /// The seller's SKU (1 to 255 characters; Yandex Market trims spaces around it).
    pub offer_id: String,
    /// The name (at most 256 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The leaf category of Yandex Market (give it whenever `parameter_values` is sent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub market_category_id: Option<CategoryId>,
    /// Links to pictures (at most 30; the first is the main one).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pictures: Vec<String>,
    /// Links to videos (at most 6).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub videos: Vec<String>,
    /// Manuals (at most 6).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub manuals: Vec<OfferManual>,
    /// The brand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor: Option<String>,
    /// The offer's barcodes (EAN, UPC...; empty: none sent).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub barcodes: Vec<String>,
    /// The description (at most 6000 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Countries of manufacture.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub manufacturer_countries: Vec<String>,
    /// Package dimensions and weight.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight_dimensions: Option<WeightDimensions>,
    /// The manufacturer's article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_code: Option<String>,
    /// The seller's tags (at most 50).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Shelf life: after it the product is unusable (as printed on the pack); `None`: not sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shelf_life: Option<TimePeriod>,
    /// Service life.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub life_time: Option<TimePeriod>,
    /// Guarantee period: while it lasts the product is repaired or replaced free; `None`: not sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guarantee_period: Option<TimePeriod>,
    /// Commodity codes (for customs and marking; empty: none sent).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub commodity_codes: Vec<CommodityCode>,
    /// Certificate numbers (at most 6).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub certificates: Vec<String>,
    /// Units in one box, for offers shipped in several boxes (at least 1).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub box_count: Option<i32>,
    /// The condition of a used or discounted offer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<OfferCondition>,
    /// A special kind of offer.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<OfferType>,
    /// Whether it is sold as a download.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub downloadable: Option<bool>,
    /// Whether it is for adults.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub adult: Option<bool>,
    /// The age limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<Age>,
    /// Category parameter values (at most 300).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parameter_values: Vec<ParameterValue>,
    /// The price in every shop of the business.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basic_price: Option<PriceWithDiscount>,
    /// Cost price: what the seller pays to make or buy the product; `None`: not sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purchase_price: Option<BasePrice>,
    /// Additional expenses per unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub additional_expenses: Option<BasePrice>,
    /// Fields to delete from the offer.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub delete_parameters: Vec<DeleteOfferParameter>,
}

impl UpdateOffer {
    /// An update of an existing offer: only the offer id; add what changes.
    pub fn new(offer_id: impl Into<String>) -> Self {
        Self {
            offer_id: offer_id.into(),
            ..Self::default()
        }
    }

    /// A new offer with the fields Yandex Market requires of one: name, category, pictures,
    /// brand and description.
    pub fn create<P: Into<String>>(
        offer_id: impl Into<String>,
        name: impl Into<String>,
        category: impl Into<CategoryId>,
        pictures: impl IntoIterator<Item = P>,
        vendor: impl Into<String>,
        description: impl Into<String>,
    ) -> Self {
        Self {
            offer_id: offer_id.into(),
            name: Some(name.into()),
            market_category_id: Some(category.into()),
            pictures: pictures.into_iter().map(Into::into).collect(),
            vendor: Some(vendor.into()),
            description: Some(description.into()),
            ..Self::default()
        }
    }

    /// Sets the name.
    pub fn with_name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Sets the category.
    pub fn with_category(mut self, category: impl Into<CategoryId>) -> Self {
        self.market_category_id = Some(category.into());
        self
    }

    /// Sets the pictures.
    pub fn with_pictures<P: Into<String>>(mut self, urls: impl IntoIterator<Item = P>) -> Self {
        self.pictures = urls.into_iter().map(Into::into).collect();
        self
    }

    /// Sets the brand.
    pub fn with_vendor(mut self, vendor: impl Into<String>) -> Self {
        self.vendor = Some(vendor.into());
        self
    }

    /// Sets the barcodes.
    pub fn with_barcodes<B: Into<String>>(mut self, barcodes: impl IntoIterator<Item = B>) -> Self {
        self.barcodes = barcodes.into_iter().map(Into::into).collect();
        self
    }

    /// Sets the description.
    pub fn with_description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Sets the category parameter values.
    pub fn with_parameter_values(
        mut self,
        values: impl IntoIterator<Item = ParameterValue>,
    ) -> Self {
        self.parameter_values = values.into_iter().collect();
        self
    }

    /// Sets the package dimensions and weight.
    pub fn with_weight_dimensions(mut self, wd: WeightDimensions) -> Self {
        self.weight_dimensions = Some(wd);
        self
    }

    /// Sets the price in every shop of the business.
    pub fn with_basic_price(mut self, price: PriceWithDiscount) -> Self {
        self.basic_price = Some(price);
        self
    }

    /// Sets the manufacturer's article.
    pub fn with_vendor_code(mut self, code: impl Into<String>) -> Self {
        self.vendor_code = Some(code.into());
        self
    }
}

/// Answer of `updateOfferMappings` (schema `UpdateOfferMappingsResponse`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct UpdateOfferMappingsResponse {
    /// `OK` or `ERROR`.
    #[serde(default)]
    pub status: Option<ApiStatus>,
    /// The offers with errors or warnings.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub results: Vec<UpdateOfferMappingResult>,
}

/// The errors and warnings of one offer (schema `UpdateOfferMappingResultDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct UpdateOfferMappingResult {
    /// The offer.
    #[serde(default)]
    pub offer_id: String,
    /// Errors: when any offer of a request has one, nothing of that request is saved.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub errors: Vec<OfferMappingError>,
    /// Warnings: the offer is saved.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub warnings: Vec<OfferMappingError>,
}

/// An error or warning about an offer (schema `OfferMappingErrorDTO`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OfferMappingError {
    /// Its kind.
    #[serde(rename = "type")]
    pub kind: OfferMappingErrorType,
    /// The parameter concerned, if any.
    #[serde(default)]
    pub parameter_id: Option<ParameterId>,
    /// Yandex Market's text.
    #[serde(default)]
    pub message: String,
}

// ---------------------------------------------------------------------------------------------
// getOfferCardsContentStatus
// ---------------------------------------------------------------------------------------------

/// Request of `getOfferCardsContentStatus` (schema `GetOfferCardsContentStatusRequest`):
/// either offer ids, or filters (none for every card).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct GetOfferCardsContentStatusRequest {
    /// The offers wanted; not to be combined with the filters.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub offer_ids: Vec<String>,
    /// Filter: card states.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub card_statuses: Vec<OfferCardStatus>,
    /// Filter: categories (at most 200).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub category_ids: Vec<CategoryId>,
    /// Whether to return recommendations and the category's average rating.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub with_recommendations: Option<bool>,
}

impl GetOfferCardsContentStatusRequest {
    /// The cards of these offers (any number: the stream splits them).
    pub fn by_offer_ids<I: Into<String>>(ids: impl IntoIterator<Item = I>) -> Self {
        Self {
            offer_ids: ids.into_iter().map(Into::into).collect(),
            ..Self::default()
        }
    }

    /// Only cards in one of these states.
    pub fn with_card_statuses(
        mut self,
        statuses: impl IntoIterator<Item = OfferCardStatus>,
    ) -> Self {
        self.card_statuses = statuses.into_iter().collect();
        self
    }

    /// Only cards of these categories.
    pub fn with_category_ids<I: Into<CategoryId>>(
        mut self,
        ids: impl IntoIterator<Item = I>,
    ) -> Self {
        self.category_ids = ids.into_iter().map(Into::into).collect();
        self
    }

    /// Asks for recommendations and the category's average rating.
    pub fn with_recommendations(mut self, on: bool) -> Self {
        self.with_recommendations = Some(on);
        self
    }
}

/// Answer of `getOfferCardsContentStatus` (schema `GetOfferCardsContentStatusResponse`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct GetOfferCardsContentStatusResponse {
    /// `OK` or `ERROR`.
    #[serde(default)]
    pub status: Option<ApiStatus>,
    /// The page.
    #[serde(default)]
    pub result: Option<OfferCardsContentStatus>,
}

/// A page of cards (schema `OfferCardsContentStatusDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OfferCardsContentStatus {
    /// The cards (required: an answer without it is an error, not an empty page).
    pub offer_cards: Vec<OfferCard>,
    /// The token of the next page.
    #[serde(default)]
    pub paging: Option<Pager>,
}

/// The content state of an offer's card (schema `OfferCardDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OfferCard {
    /// The seller's SKU.
    #[serde(default)]
    pub offer_id: String,
    /// The card it is bound to.
    #[serde(default)]
    pub mapping: Option<Mapping>,
    /// The category parameter values given.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub parameter_values: Vec<ParameterValue>,
    /// The card's state.
    #[serde(default)]
    pub card_status: Option<OfferCardStatus>,
    /// How complete the card is, in percent.
    #[serde(default)]
    pub content_rating: Option<i32>,
    /// The average rating of cards of its category (with recommendations only).
    #[serde(default)]
    pub average_content_rating: Option<i32>,
    /// Whether the rating is current.
    #[serde(default)]
    pub content_rating_status: Option<OfferCardContentStatus>,
    /// How to complete the card (with recommendations only).
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub recommendations: Vec<OfferCardRecommendation>,
    /// The id of its group of variants.
    #[serde(default)]
    pub group_id: Option<String>,
    /// Content errors.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub errors: Vec<OfferError>,
    /// Content warnings.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub warnings: Vec<OfferError>,
}

/// A recommendation for completing a card (schema `OfferCardRecommendationDTO`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OfferCardRecommendation {
    /// What to do.
    #[serde(rename = "type")]
    pub kind: OfferCardRecommendationType,
    /// How much of it is done, in percent.
    #[serde(default)]
    pub percent: Option<i32>,
    /// The rating points still to gain by it.
    #[serde(default)]
    pub remaining_rating_points: Option<i32>,
}

/// A content error or warning of a card (schema `OfferErrorDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OfferError {
    /// The text.
    #[serde(default)]
    pub message: Option<String>,
    /// Yandex Market's explanation of the error; `None` when it gives none.
    #[serde(default)]
    pub comment: Option<String>,
}

// ---------------------------------------------------------------------------------------------
// updateOfferContent
// ---------------------------------------------------------------------------------------------

/// Request of `updateOfferContent` (schema `UpdateOfferContentRequest`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct UpdateOfferContentRequest {
    /// The offers and their values (at most 100 a request).
    pub offers_content: Vec<OfferContent>,
}

/// The category parameter values of one offer (schema `OfferContentDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OfferContent {
    /// The seller's SKU.
    pub offer_id: String,
    /// The offer's leaf category (changing it keeps the values the categories share).
    pub category_id: CategoryId,
    /// The values to set (1 to 300; only those that change).
    pub parameter_values: Vec<ParameterValue>,
}

impl OfferContent {
    /// Values for an offer of a category.
    pub fn new(
        offer_id: impl Into<String>,
        category_id: impl Into<CategoryId>,
        values: impl IntoIterator<Item = ParameterValue>,
    ) -> Self {
        Self {
            offer_id: offer_id.into(),
            category_id: category_id.into(),
            parameter_values: values.into_iter().collect(),
        }
    }
}

/// Answer of `updateOfferContent` (schema `UpdateOfferContentResponse`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct UpdateOfferContentResponse {
    /// `OK` or `ERROR`.
    #[serde(default)]
    pub status: Option<ApiStatus>,
    /// The offers with errors or warnings.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub results: Vec<UpdateOfferContentResult>,
}

/// The errors and warnings of one offer (schema `UpdateOfferContentResultDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct UpdateOfferContentResult {
    /// The offer.
    #[serde(default)]
    pub offer_id: String,
    /// Errors: when any offer of a request has one, nothing of that request is saved.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub errors: Vec<OfferContentError>,
    /// Warnings: the offer is saved.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub warnings: Vec<OfferContentError>,
}

/// An error or warning about an offer's values (schema `OfferContentErrorDTO`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OfferContentError {
    /// Its kind.
    #[serde(rename = "type")]
    pub kind: OfferContentErrorType,
    /// The parameter concerned, if any.
    #[serde(default)]
    pub parameter_id: Option<ParameterId>,
    /// Yandex Market's text.
    #[serde(default)]
    pub message: String,
}

// ---------------------------------------------------------------------------------------------
// addOffersToArchive, deleteOffersFromArchive, deleteOffers
// ---------------------------------------------------------------------------------------------

/// Request of `addOffersToArchive` (schema `AddOffersToArchiveRequest`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct AddOffersToArchiveRequest {
    /// The offers to archive (at most 200).
    pub offer_ids: Vec<String>,
}

/// Answer of `addOffersToArchive` (schema `AddOffersToArchiveResponse`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct AddOffersToArchiveResponse {
    /// `OK` or `ERROR`.
    #[serde(default)]
    pub status: Option<ApiStatus>,
    /// The offers not archived.
    #[serde(default)]
    pub result: Option<AddOffersToArchiveResult>,
}

/// The offers not archived (schema `AddOffersToArchiveDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct AddOffersToArchiveResult {
    /// Each with the reason.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub not_archived_offers: Vec<NotArchivedOffer>,
}

/// An offer not archived (schema `AddOffersToArchiveErrorDTO`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct NotArchivedOffer {
    /// The seller's SKU.
    #[serde(default)]
    pub offer_id: String,
    /// Why.
    pub error: ArchiveErrorType,
}

/// Request of `deleteOffersFromArchive` (schema `DeleteOffersFromArchiveRequest`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct DeleteOffersFromArchiveRequest {
    /// The offers to take out of the archive (at most 200).
    pub offer_ids: Vec<String>,
}

/// Answer of `deleteOffersFromArchive` (schema `DeleteOffersFromArchiveResponse`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct DeleteOffersFromArchiveResponse {
    /// `OK` or `ERROR`.
    #[serde(default)]
    pub status: Option<ApiStatus>,
    /// The offers not taken out.
    #[serde(default)]
    pub result: Option<DeleteOffersFromArchiveResult>,
}

/// The offers not taken out of the archive (schema `DeleteOffersFromArchiveDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct DeleteOffersFromArchiveResult {
    /// Their SKUs.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub not_unarchived_offer_ids: Vec<String>,
}

/// Request of `deleteOffers` (schema `DeleteOffersRequest`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct DeleteOffersRequest {
    /// The offers to delete from the catalogue (at most 500).
    pub offer_ids: Vec<String>,
}

/// Answer of `deleteOffers` (schema `DeleteOffersResponse`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct DeleteOffersResponse {
    /// `OK` or `ERROR`.
    #[serde(default)]
    pub status: Option<ApiStatus>,
    /// The offers not deleted.
    #[serde(default)]
    pub result: Option<DeleteOffersResult>,
}

/// The offers not deleted (schema `DeleteOffersDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct DeleteOffersResult {
    /// Their SKUs.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub not_deleted_offer_ids: Vec<String>,
}
