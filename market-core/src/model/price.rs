use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{Currency, ItemKey};
use crate::ids::OfferId;

/// A new price of an offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PriceUpdate {
    /// The seller's article.
    pub offer_id: OfferId,
    /// The price the buyer pays, in `currency`.
    pub price: Decimal,
    /// The strike-through ("old") price shown crossed out; must exceed `price` when set.
    pub old_price: Option<Decimal>,
    /// The lowest price the channel may discount to in its promotions.
    pub min_price: Option<Decimal>,
    /// The currency of all three amounts.
    pub currency: Currency,
}

impl PriceUpdate {
    /// A price in roubles with no old or minimum price.
    pub fn new(offer_id: impl Into<OfferId>, price: Decimal) -> Self {
        Self {
            offer_id: offer_id.into(),
            price,
            old_price: None,
            min_price: None,
            currency: Currency::Rub,
        }
    }

    /// Sets the strike-through price.
    pub fn with_old_price(mut self, old_price: Decimal) -> Self {
        self.old_price = Some(old_price);
        self
    }

    /// Sets the minimum price.
    pub fn with_min_price(mut self, min_price: Decimal) -> Self {
        self.min_price = Some(min_price);
        self
    }

    /// Sets the currency.
    pub fn with_currency(mut self, currency: Currency) -> Self {
        self.currency = currency;
        self
    }

    /// The key this item is reported under in a [`super::BatchReport`].
    pub fn key(&self) -> ItemKey {
        ItemKey::offer(self.offer_id.clone())
    }

    /// Checks what no vendor accepts: an empty offer id, a price not above zero, an old price
    /// not above the price, a minimum price above the price, or one below `floor` (the vendor's
    /// lowest allowed price, when it has one).
    pub fn validate(&self, floor: Option<Decimal>) -> Result<(), String> {
        if self.offer_id.is_blank() {
            return Err("offer id is empty".into());
        }
        if self.price <= Decimal::ZERO {
            return Err(format!("price {} is not above zero", self.price));
        }
        if let Some(floor) = floor
            && self.price < floor
        {
            return Err(format!(
                "price {} is below the channel floor {floor}",
                self.price
            ));
        }
        if let Some(old) = self.old_price
            && old != Decimal::ZERO
            && old <= self.price
        {
            return Err(format!("old price {old} is not above price {}", self.price));
        }
        if let Some(min) = self.min_price {
            if min < Decimal::ZERO {
                return Err(format!("min price {min} is negative"));
            }
            if min > self.price {
                return Err(format!("min price {min} is above price {}", self.price));
            }
        }
        Ok(())
    }
}
