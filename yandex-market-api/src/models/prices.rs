//! Models of the prices section: prices for every shop of a business (`updateBusinessPrices`,
//! `getDefaultPrices`), prices of one shop (`updatePrices`, `getPricesByOfferIds`), and the
//! price quarantine (`getBusinessQuarantineOffers`, `confirmBusinessPrices`,
//! `getCampaignQuarantineOffers`, `confirmCampaignPrices`).
//!
//! Money is [`Decimal`], read from whatever Yandex Market sends and written as an exact JSON
//! number (see [`market_core::wire::exact_number`]). The quarantine's deprecated prices,
//! [`QuarantinePrice`], are the `BasePriceDTO` every section shares
//! ([`crate::models::common::BasePrice`]), written by [`market_core::wire::ser::number`].

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A price with its currency, as the quarantine's deprecated fields carry it: schema
/// `BasePriceDTO`, the [`BasePrice`](crate::models::common::BasePrice) of every section.
pub use crate::models::common::BasePrice as QuarantinePrice;
pub use crate::models::common::CurrencyType;
use crate::models::common::{ApiStatus, Pager};
pub use crate::models::offers::OfferCardStatus;

/// A VAT code of a campaign price (schema `VatType`, an integer the spec leaves open).
///
/// The known codes are constants; when no code is sent, the VAT set in the cabinet applies.
/// Sellers of Market Yandex Go cannot send or read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Vat(pub i32);

impl Vat {
    /// 10 %.
    pub const VAT_10: Vat = Vat(2);
    /// 0 %.
    pub const VAT_0: Vat = Vat(5);
    /// Not subject to VAT (some services only).
    pub const NO_VAT: Vat = Vat(6);
    /// 20 %: Yandex Market turns it into 22 % ([`Vat::VAT_22`]) and stops accepting it from
    /// 1 July 2026.
    pub const VAT_20: Vat = Vat(7);
    /// 5 % (simplified taxation).
    pub const VAT_5: Vat = Vat(10);
    /// 7 % (simplified taxation).
    pub const VAT_7: Vat = Vat(11);
    /// 22 %: the standard rate from 1 January 2026.
    pub const VAT_22: Vat = Vat(14);
    /// Every code the spec's description lists.
    pub const KNOWN: &'static [Vat] = &[
        Self::VAT_10,
        Self::VAT_0,
        Self::NO_VAT,
        Self::VAT_20,
        Self::VAT_5,
        Self::VAT_7,
        Self::VAT_22,
    ];
}

market_core::wire_enum! {
    /// Why an offer is in the price quarantine (schema `PriceQuarantineVerdictType`).
    pub enum QuarantineVerdictType {
        /// The new price is too far from the previous one (params: `CURRENT_PRICE`,
        /// `LAST_VALID_PRICE`).
        PriceChange = "PRICE_CHANGE",
        /// The price is too far below the market (params: `CURRENT_PRICE`, `MIN_PRICE`).
        LowPrice = "LOW_PRICE",
        /// The price after promotions is too far below the market (params: `CURRENT_PRICE`,
        /// `MIN_PRICE`).
        LowPricePromo = "LOW_PRICE_PROMO",
    }
}

market_core::wire_enum! {
    /// The name of a quarantine verdict parameter (schema `PriceQuarantineVerdictParamNameType`).
    pub enum QuarantineVerdictParamName {
        /// The price that put the offer in quarantine.
        CurrentPrice = "CURRENT_PRICE",
        /// The last price before the quarantine (`PRICE_CHANGE` only).
        LastValidPrice = "LAST_VALID_PRICE",
        /// The threshold below which a price goes to quarantine (`LOW_PRICE*` only).
        MinPrice = "MIN_PRICE",
        /// The currency.
        Currency = "CURRENCY",
    }
}

// ---------------------------------------------------------------------------------------------
// Business prices (all shops).
// ---------------------------------------------------------------------------------------------

/// Request of `updateBusinessPrices` (schema `UpdateBusinessPricesRequest`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct UpdateBusinessPricesRequest {
    /// The offers with their prices, each offer once, at most
    /// [`crate::api::prices::BUSINESS_PRICES_UPDATE_MAX`].
    pub offers: Vec<BusinessOfferPrice>,
}

/// An offer with its new price for every shop (schema `UpdateBusinessOfferPriceDTO`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct BusinessOfferPrice {
    /// The seller's SKU.
    pub offer_id: String,
    /// The price for every shop of the business.
    pub price: BusinessPrice,
}

impl BusinessOfferPrice {
    /// An offer's price in a currency.
    pub fn new(offer_id: impl Into<String>, value: Decimal, currency: CurrencyType) -> Self {
        Self {
            offer_id: offer_id.into(),
            price: BusinessPrice {
                value,
                currency_id: currency,
                discount_base: None,
                minimum_for_bestseller: None,
            },
        }
    }

    /// An offer's price in roubles.
    pub fn rub(offer_id: impl Into<String>, value: Decimal) -> Self {
        Self::new(offer_id, value, CurrencyType::Rur)
    }

    /// Sets the price before the discount (crossed out on the storefront): a whole amount
    /// above the price.
    pub fn with_discount_base(mut self, base: Decimal) -> Self {
        self.price.discount_base = Some(base);
        self
    }

    /// Sets the lowest price at which the offer joins the "Market bestsellers" promotion.
    pub fn with_minimum_for_bestseller(mut self, minimum: Decimal) -> Self {
        self.price.minimum_for_bestseller = Some(minimum);
        self
    }
}

/// A price for every shop (schema `UpdateBusinessPricesDTO`: `PriceWithDiscountDTO` and
/// `minimumForBestseller`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct BusinessPrice {
    /// The price, above 0.
    #[serde(
        serialize_with = "market_core::wire::exact_number::serialize",
        deserialize_with = "market_core::wire::de::decimal"
    )]
    pub value: Decimal,
    /// The currency.
    pub currency_id: CurrencyType,
    /// The price before the discount: a whole amount above `value`. Send it with every
    /// update while the discount lasts.
    #[serde(
        default,
        serialize_with = "market_core::wire::exact_number::opt",
        deserialize_with = "market_core::wire::de::opt_decimal",
        skip_serializing_if = "Option::is_none"
    )]
    pub discount_base: Option<Decimal>,
    /// The lowest price for the "Market bestsellers" promotion, up to 100,000,000; leaving it
    /// out clears the value set before.
    #[serde(
        default,
        serialize_with = "market_core::wire::exact_number::opt",
        deserialize_with = "market_core::wire::de::opt_decimal",
        skip_serializing_if = "Option::is_none"
    )]
    pub minimum_for_bestseller: Option<Decimal>,
}

/// Request of `getDefaultPrices` (schema `GetDefaultPricesRequest`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct GetDefaultPricesRequest {
    /// Only these SKUs, at most [`crate::api::prices::DEFAULT_PRICES_GET_MAX`] a
    /// request (the stream splits more).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offer_ids: Option<Vec<String>>,
    /// `true`: offers in the archive only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived: Option<bool>,
}

impl GetDefaultPricesRequest {
    /// Only these SKUs.
    pub fn with_offer_ids(mut self, ids: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.offer_ids = Some(ids.into_iter().map(Into::into).collect());
        self
    }

    /// Archived offers (`true`) or offers not in the archive (`false`).
    pub fn with_archived(mut self, archived: bool) -> Self {
        self.archived = Some(archived);
        self
    }
}

/// Answer of `getDefaultPrices` (schema `GetDefaultPricesResponse`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct GetDefaultPricesResponse {
    /// `OK` or `ERROR`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ApiStatus>,
    /// One page of prices.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<DefaultPrices>,
}

/// One page of business prices (schema `OfferDefaultPriceListResponseDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct DefaultPrices {
    /// The offers of this page (required: an answer without it is an error, not an empty page).
    pub offers: Vec<OfferDefaultPrice>,
    /// The next page's token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paging: Option<Pager>,
}

/// An offer and its price for every shop (schema `OfferDefaultPriceResponseDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OfferDefaultPrice {
    /// The seller's SKU.
    #[serde(default)]
    pub offer_id: String,
    /// The price, when one is set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<DefaultPrice>,
}

/// A price for every shop, however it was set (schema `OfferDefaultPriceDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct DefaultPrice {
    /// The price.
    #[serde(
        default,
        serialize_with = "market_core::wire::exact_number::opt",
        deserialize_with = "market_core::wire::de::opt_decimal",
        skip_serializing_if = "Option::is_none"
    )]
    pub value: Option<Decimal>,
    /// The currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_id: Option<CurrencyType>,
    /// The price before the discount.
    #[serde(
        default,
        serialize_with = "market_core::wire::exact_number::opt",
        deserialize_with = "market_core::wire::de::opt_decimal",
        skip_serializing_if = "Option::is_none"
    )]
    pub discount_base: Option<Decimal>,
    /// The lowest price for the "Market bestsellers" promotion.
    #[serde(
        default,
        serialize_with = "market_core::wire::exact_number::opt",
        deserialize_with = "market_core::wire::de::opt_decimal",
        skip_serializing_if = "Option::is_none"
    )]
    pub minimum_for_bestseller: Option<Decimal>,
    /// `true`: the offer stays out of the bestsellers promotion whatever
    /// `minimum_for_bestseller` says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub excluded_from_bestsellers: Option<bool>,
    /// When the price last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
}

// ---------------------------------------------------------------------------------------------
// Campaign prices (one shop).
// ---------------------------------------------------------------------------------------------

/// Request of `updatePrices` (schema `UpdatePricesRequest`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct UpdatePricesRequest {
    /// The offers with their prices, at most [`crate::api::prices::PRICES_UPDATE_MAX`].
    pub offers: Vec<OfferPrice>,
}

/// An offer with its new price in one shop (schema `OfferPriceDTO`).
///
/// The spec leaves both fields optional; an update needs both, so they are always sent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OfferPrice {
    /// The seller's SKU.
    #[serde(default)]
    pub offer_id: String,
    /// The price in this shop.
    #[serde(default)]
    pub price: Price,
}

impl OfferPrice {
    /// An offer's price in a currency.
    pub fn new(offer_id: impl Into<String>, value: Decimal, currency: CurrencyType) -> Self {
        Self {
            offer_id: offer_id.into(),
            price: Price {
                value: Some(value),
                currency_id: Some(currency),
                discount_base: None,
                vat: None,
            },
        }
    }

    /// An offer's price in roubles.
    pub fn rub(offer_id: impl Into<String>, value: Decimal) -> Self {
        Self::new(offer_id, value, CurrencyType::Rur)
    }

    /// Sets the price before the discount: a whole amount above the price.
    pub fn with_discount_base(mut self, base: Decimal) -> Self {
        self.price.discount_base = Some(base);
        self
    }

    /// Sets the VAT code.
    pub fn with_vat(mut self, vat: Vat) -> Self {
        self.price.vat = Some(vat);
        self
    }
}

/// A price in one shop (schema `PriceDTO`): sent by `updatePrices`, read by
/// `getPricesByOfferIds`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct Price {
    /// The price, above 0 (required when sending).
    #[serde(
        default,
        serialize_with = "market_core::wire::exact_number::opt",
        deserialize_with = "market_core::wire::de::opt_decimal",
        skip_serializing_if = "Option::is_none"
    )]
    pub value: Option<Decimal>,
    /// The currency (required when sending).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency_id: Option<CurrencyType>,
    /// The price before the discount: a whole amount above `value`.
    #[serde(
        default,
        serialize_with = "market_core::wire::exact_number::opt",
        deserialize_with = "market_core::wire::de::opt_decimal",
        skip_serializing_if = "Option::is_none"
    )]
    pub discount_base: Option<Decimal>,
    /// The VAT code; the cabinet's VAT when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vat: Option<Vat>,
}

/// Request of `getPricesByOfferIds` (schema `GetPricesByOfferIdsRequest`).
///
/// Asking by SKUs returns them whole: no page token or page size goes with `offer_ids`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct GetPricesByOfferIdsRequest {
    /// Only these SKUs, at most [`crate::api::prices::PRICES_BY_OFFER_IDS_GET_MAX`] a
    /// request (the stream splits more).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offer_ids: Option<Vec<String>>,
}

impl GetPricesByOfferIdsRequest {
    /// Only these SKUs.
    pub fn with_offer_ids(mut self, ids: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.offer_ids = Some(ids.into_iter().map(Into::into).collect());
        self
    }
}

/// Answer of `getPricesByOfferIds` (schema `GetPricesByOfferIdsResponse`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct GetPricesByOfferIdsResponse {
    /// `OK` or `ERROR`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ApiStatus>,
    /// One page of prices.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<CampaignPrices>,
}

/// One page of a shop's prices (schema `OfferPriceByOfferIdsListResponseDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct CampaignPrices {
    /// The offers of this page (required: an answer without it is an error, not an empty page).
    pub offers: Vec<CampaignOfferPrice>,
    /// The next page's token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paging: Option<Pager>,
}

/// An offer and its price in one shop (schema `OfferPriceByOfferIdsResponseDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct CampaignOfferPrice {
    /// The seller's SKU.
    #[serde(default)]
    pub offer_id: String,
    /// The price in this shop; `None` when the shop has none set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price: Option<Price>,
    /// When the price last changed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
}

// ---------------------------------------------------------------------------------------------
// Price quarantine.
// ---------------------------------------------------------------------------------------------

/// Request of `getBusinessQuarantineOffers` and `getCampaignQuarantineOffers` (schema
/// `GetQuarantineOffersRequest`).
///
/// Either `offer_ids` or the other filters: Yandex Market refuses them together.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct GetQuarantineOffersRequest {
    /// Only these SKUs, at most [`crate::api::prices::BUSINESS_QUARANTINE_OFFERS_GET_MAX`] a request
    /// (the stream splits more).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offer_ids: Option<Vec<String>>,
    /// Only offers whose card is in one of these states.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub card_statuses: Option<Vec<OfferCardStatus>>,
    /// Only offers of these Yandex Market categories.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category_ids: Option<Vec<i32>>,
    /// Only offers of these brands.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vendor_names: Option<Vec<String>>,
    /// Only offers with these tags.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<String>>,
}

impl GetQuarantineOffersRequest {
    /// Only these SKUs (not with the other filters).
    pub fn with_offer_ids(mut self, ids: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.offer_ids = Some(ids.into_iter().map(Into::into).collect());
        self
    }

    /// Only offers whose card is in one of these states.
    pub fn with_card_statuses(
        mut self,
        statuses: impl IntoIterator<Item = OfferCardStatus>,
    ) -> Self {
        self.card_statuses = Some(statuses.into_iter().collect());
        self
    }

    /// Only offers of these categories.
    pub fn with_category_ids(mut self, ids: impl IntoIterator<Item = i32>) -> Self {
        self.category_ids = Some(ids.into_iter().collect());
        self
    }

    /// Only offers of these brands.
    pub fn with_vendor_names(mut self, names: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.vendor_names = Some(names.into_iter().map(Into::into).collect());
        self
    }

    /// Only offers with these tags.
    pub fn with_tags(mut self, tags: impl IntoIterator<Item = impl Into<String>>) -> Self {
        self.tags = Some(tags.into_iter().map(Into::into).collect());
        self
    }

    /// Whether a filter other than `offer_ids` is set.
    pub fn has_other_filters(&self) -> bool {
        self.card_statuses.is_some()
            || self.category_ids.is_some()
            || self.vendor_names.is_some()
            || self.tags.is_some()
    }
}

/// Answer of `getBusinessQuarantineOffers` and `getCampaignQuarantineOffers` (schema
/// `GetQuarantineOffersResponse`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct GetQuarantineOffersResponse {
    /// `OK` or `ERROR`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ApiStatus>,
    /// One page of offers in quarantine.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<QuarantineOffers>,
}

/// One page of offers in quarantine (schema `GetQuarantineOffersResultDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct QuarantineOffers {
    /// The offers of this page (required: an answer without it is an error, not an empty page).
    pub offers: Vec<QuarantineOffer>,
    /// The next page's token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paging: Option<Pager>,
}

/// An offer in the price quarantine (schema `QuarantineOfferDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct QuarantineOffer {
    /// The seller's SKU.
    #[serde(default)]
    pub offer_id: String,
    /// The new price (deprecated by the vendor: read the verdicts' `CURRENT_PRICE`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_price: Option<QuarantinePrice>,
    /// The last price before the quarantine (deprecated by the vendor: read the verdicts'
    /// `LAST_VALID_PRICE`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_valid_price: Option<QuarantinePrice>,
    /// Why the offer is in quarantine (`null` reads as none).
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub verdicts: Vec<QuarantineVerdict>,
}

impl QuarantineOffer {
    /// The first verdict parameter of a name, as a decimal when it is one (`CURRENT_PRICE`,
    /// `LAST_VALID_PRICE`, `MIN_PRICE`).
    pub fn param_decimal(&self, name: &QuarantineVerdictParamName) -> Option<Decimal> {
        self.verdicts
            .iter()
            .flat_map(|v| v.params.iter())
            .find(|p| &p.name == name)
            .and_then(QuarantineVerdictParam::decimal)
    }
}

/// Why an offer is in quarantine (schema `PriceQuarantineVerdictDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct QuarantineVerdict {
    /// The kind of quarantine.
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub verdict_type: Option<QuarantineVerdictType>,
    /// The price that caused it and the values it was compared with.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub params: Vec<QuarantineVerdictParam>,
}

/// A parameter of a quarantine verdict (schema `PriceQuarantineVerdictParameterDTO`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct QuarantineVerdictParam {
    /// The parameter.
    pub name: QuarantineVerdictParamName,
    /// Its value, as text (a price or a currency code).
    #[serde(default)]
    pub value: String,
}

impl QuarantineVerdictParam {
    /// The value as a decimal, when it is one.
    pub fn decimal(&self) -> Option<Decimal> {
        let text = self.value.trim().replace(',', ".");
        text.parse::<Decimal>()
            .or_else(|_| Decimal::from_scientific(&text))
            .ok()
    }
}

/// Request of `confirmBusinessPrices` and `confirmCampaignPrices` (schema
/// `ConfirmPricesRequest`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct ConfirmPricesRequest {
    /// The SKUs whose quarantined price is confirmed, each once, at most
    /// [`crate::api::prices::BUSINESS_PRICES_CONFIRM_MAX`].
    pub offer_ids: Vec<String>,
}
