//! The `data` of the offer methods (`/api/merchantIntegration/v1/offerService/...`).

use market_core::wire::{de, ser};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Spec: `data` of `stock/update`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct StockUpdate {
    /// The offers' stocks.
    pub stocks: Vec<Stock>,
}

/// One offer's stock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Stock {
    /// The seller's article (`offerId` of the feed).
    #[serde(deserialize_with = "de::string_or_number")]
    pub offer_id: String,
    /// Units available, at least 0.
    pub quantity: i64,
}

/// Spec: `data` of `manualPrice/save`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ManualPriceSave {
    /// The offers' prices.
    pub prices: Vec<Price>,
}

/// One offer's price.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Price {
    /// The seller's article.
    #[serde(deserialize_with = "de::string_or_number")]
    pub offer_id: String,
    /// The price in **whole roubles** (an integer on the wire; a price with kopecks cannot be
    /// written and is rejected before sending, see [`Price::check`]).
    #[serde(serialize_with = "ser::whole_number", deserialize_with = "de::decimal")]
    pub price: Decimal,
    /// `true` removes the manual price.
    #[serde(default)]
    pub is_deleted: bool,
}

impl Price {
    /// A price to set, in whole roubles.
    pub fn new(offer_id: impl Into<String>, price: Decimal) -> Self {
        Self {
            offer_id: offer_id.into(),
            price,
            is_deleted: false,
        }
    }

    /// Why Megamarket cannot take this price, if it cannot: kopecks (not rounded silently),
    /// zero or less, or beyond an integer.
    pub fn check(&self) -> Result<(), String> {
        let p = self.price.normalize();
        if !p.fract().is_zero() {
            return Err(format!(
                "price {p} of offer {} has kopecks: Megamarket takes whole roubles, and the price is not rounded",
                self.offer_id
            ));
        }
        if p <= Decimal::ZERO && !self.is_deleted {
            return Err(format!(
                "price {p} of offer {} is not above zero",
                self.offer_id
            ));
        }
        if i64::try_from(p).is_err() {
            return Err(format!("price {p} of offer {} is too large", self.offer_id));
        }
        Ok(())
    }
}

/// Spec: answer `data` of `stock/update` and `manualPrice/save`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct OfferResult {
    /// `1` when applied (`stock/update`).
    #[serde(default, deserialize_with = "de::opt_int64")]
    pub result: Option<i64>,
    /// How many prices were saved (`manualPrice/save`).
    #[serde(default, deserialize_with = "de::opt_int64")]
    pub saved_prices: Option<i64>,
    /// Warnings about single offers, as sent (one object or a list; an `offerId` in one names
    /// its offer in the batch report).
    #[serde(default, deserialize_with = "de::one_or_many")]
    pub warnings: Vec<Value>,
}
