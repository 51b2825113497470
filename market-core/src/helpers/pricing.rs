//! Channel price: the price to publish so that the channel's commission and logistics are
//! covered, rounded as the channel requires, never below a floor.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::HelperError;

/// Which way to round to a multiple of the step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoundingMode {
    /// To the next multiple at or above the value (towards positive infinity).
    #[default]
    Up,
    /// To the nearest multiple; a value exactly halfway goes up.
    Nearest,
    /// To the multiple at or below the value (towards negative infinity).
    Down,
}

/// How a channel wants prices rounded: to a multiple of `step` (0.01 for kopecks, 1 for whole
/// roubles, 10 for tens) in the given direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Rounding {
    /// The price is a multiple of this; must be above zero.
    pub step: Decimal,
    /// Which way to round.
    pub mode: RoundingMode,
}

impl Default for Rounding {
    /// Up to whole kopecks ([`Rounding::kopecks`]).
    fn default() -> Self {
        Self::kopecks()
    }
}

impl Rounding {
    /// Rounding to a multiple of `step` in the direction `mode`.
    pub fn new(step: Decimal, mode: RoundingMode) -> Self {
        Self { step, mode }
    }

    /// Up to whole kopecks (a multiple of 0.01).
    pub fn kopecks() -> Self {
        Self::new(Decimal::new(1, 2), RoundingMode::Up)
    }

    /// Up to whole roubles (a multiple of 1), as Wildberries and most storefronts show prices.
    pub fn whole_roubles() -> Self {
        Self::new(Decimal::ONE, RoundingMode::Up)
    }

    /// Rounds `value` to a multiple of the step in this rounding's direction.
    ///
    /// The result is an exact multiple of the step: when a [`Decimal`] cannot hold it (a huge
    /// value with a tiny step) the answer is [`HelperError::Overflow`].
    ///
    /// # Errors
    ///
    /// [`HelperError::InvalidStep`] when the step is not above zero, and
    /// [`HelperError::Overflow`] when the result does not fit.
    ///
    /// # Example
    ///
    /// ```
    /// use market_core::helpers::{Rounding, RoundingMode};
    /// use rust_decimal::Decimal;
    ///
    /// let tens = Rounding::new(Decimal::TEN, RoundingMode::Nearest);
    /// assert_eq!(tens.round(Decimal::new(1235, 0))?, Decimal::new(1240, 0));
    /// assert_eq!(Rounding::kopecks().round(Decimal::new(10001, 4))?, Decimal::new(101, 2));
    /// # Ok::<(), market_core::helpers::HelperError>(())
    /// ```
    pub fn round(&self, value: Decimal) -> Result<Decimal, HelperError> {
        let step = self.step;
        if step <= Decimal::ZERO {
            return Err(HelperError::InvalidStep { step });
        }
        let overflow = || HelperError::Overflow {
            operation: "rounding to the step",
            value,
        };
        // The largest multiple of the step at or below the value. The quotient is rounded to
        // Decimal's precision, so the candidate is corrected by one step where needed and then
        // checked.
        let mut below = value
            .checked_div(step)
            .map(|q| q.floor())
            .and_then(|n| n.checked_mul(step))
            .ok_or_else(overflow)?;
        if below > value {
            below = below.checked_sub(step).ok_or_else(overflow)?;
        }
        let mut above = below.checked_add(step).ok_or_else(overflow)?;
        if above <= value {
            below = above;
            above = below.checked_add(step).ok_or_else(overflow)?;
        }
        let exact_multiple = |d: Decimal| d.checked_rem(step) == Some(Decimal::ZERO);
        if !(below <= value && value < above && exact_multiple(below) && exact_multiple(above)) {
            return Err(overflow());
        }
        let rounded = match self.mode {
            RoundingMode::Down => below,
            RoundingMode::Up if below == value => below,
            RoundingMode::Up => above,
            RoundingMode::Nearest => {
                let twice_rest = value
                    .checked_sub(below)
                    .and_then(|rest| rest.checked_mul(Decimal::TWO))
                    .ok_or_else(overflow)?;
                if twice_rest >= step { above } else { below }
            }
        };
        Ok(rounded)
    }
}

/// What a channel takes from a sale and how its prices must look.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ChannelPricing {
    /// The channel's commission as a fraction of the price, in `[0, 1)` (0.15 for 15 %).
    pub commission: Decimal,
    /// A fixed cost per unit added after the commission (delivery, acceptance, packaging).
    pub logistics: Decimal,
    /// How the channel wants prices rounded.
    pub rounding: Rounding,
    /// The lowest price to publish, if any; applied after rounding.
    pub floor: Option<Decimal>,
}

impl Default for ChannelPricing {
    /// No commission, no logistics, up to kopecks, no floor.
    fn default() -> Self {
        Self::new(Decimal::ZERO)
    }
}

impl ChannelPricing {
    /// A channel taking `commission` (a fraction), with no logistics cost, rounding up to
    /// kopecks and no floor.
    pub fn new(commission: Decimal) -> Self {
        Self {
            commission,
            logistics: Decimal::ZERO,
            rounding: Rounding::kopecks(),
            floor: None,
        }
    }

    /// Sets the logistics cost per unit.
    pub fn with_logistics(mut self, logistics: Decimal) -> Self {
        self.logistics = logistics;
        self
    }

    /// Sets the rounding.
    pub fn with_rounding(mut self, rounding: Rounding) -> Self {
        self.rounding = rounding;
        self
    }

    /// Sets the floor.
    pub fn with_floor(mut self, floor: Decimal) -> Self {
        self.floor = Some(floor);
        self
    }
}

/// The price to publish on a channel so that the seller still receives `base`:
/// `base / (1 - commission) + logistics`, rounded as the channel requires, never below the
/// floor.
///
/// The floor is applied after rounding: the result is `max(rounded, floor)`, where a floor
/// that is not itself a multiple of the step is first rounded up to one, so that the result is
/// always a valid price for the channel and never below the floor.
///
/// # Errors
///
/// A typed [`HelperError`], never a panic: [`HelperError::InvalidCommission`] for a commission
/// below 0 or at or above 1; [`HelperError::NegativeBase`], [`HelperError::NegativeLogistics`]
/// and [`HelperError::NegativeFloor`]; [`HelperError::InvalidStep`] for a rounding step not
/// above zero; [`HelperError::Overflow`] when the price does not fit in a [`Decimal`].
///
/// # Example
///
/// A base of 1000 on a channel taking 20 % with 100 of logistics, rounded up to roubles:
///
/// ```
/// use market_core::helpers::{ChannelPricing, Rounding, channel_price};
/// use rust_decimal::Decimal;
///
/// let pricing = ChannelPricing::new(Decimal::new(2, 1))
///     .with_logistics(Decimal::new(100, 0))
///     .with_rounding(Rounding::whole_roubles());
/// assert_eq!(channel_price(Decimal::new(1000, 0), &pricing)?, Decimal::new(1350, 0));
///
/// // The floor wins when the computed price is below it.
/// let pricing = pricing.with_floor(Decimal::new(1500, 0));
/// assert_eq!(channel_price(Decimal::new(1000, 0), &pricing)?, Decimal::new(1500, 0));
/// # Ok::<(), market_core::helpers::HelperError>(())
/// ```
pub fn channel_price(base: Decimal, pricing: &ChannelPricing) -> Result<Decimal, HelperError> {
    let ChannelPricing {
        commission,
        logistics,
        rounding,
        floor,
    } = *pricing;
    if commission < Decimal::ZERO || commission >= Decimal::ONE {
        return Err(HelperError::InvalidCommission { commission });
    }
    if base < Decimal::ZERO {
        return Err(HelperError::NegativeBase { base });
    }
    if logistics < Decimal::ZERO {
        return Err(HelperError::NegativeLogistics { logistics });
    }
    if let Some(floor) = floor.filter(|f| *f < Decimal::ZERO) {
        return Err(HelperError::NegativeFloor { floor });
    }
    if rounding.step <= Decimal::ZERO {
        return Err(HelperError::InvalidStep {
            step: rounding.step,
        });
    }

    let exact = Decimal::ONE
        .checked_sub(commission)
        .and_then(|keep| base.checked_div(keep))
        .ok_or(HelperError::Overflow {
            operation: "base / (1 - commission)",
            value: base,
        })?
        .checked_add(logistics)
        .ok_or(HelperError::Overflow {
            operation: "adding logistics",
            value: logistics,
        })?;
    let rounded = rounding.round(exact)?;
    match floor {
        Some(floor) => {
            let floor = Rounding::new(rounding.step, RoundingMode::Up).round(floor)?;
            Ok(rounded.max(floor))
        }
        None => Ok(rounded),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_to_an_awkward_step_stays_exact() {
        let step = Decimal::new(3, 2); // 0.03
        for mode in [RoundingMode::Up, RoundingMode::Nearest, RoundingMode::Down] {
            let rounding = Rounding::new(step, mode);
            for value in [
                Decimal::new(1, 2),
                Decimal::new(100_000_000_000_001, 2),
                Decimal::new(i64::MAX, 2),
                Decimal::from_i128_with_scale(10_i128.pow(26) + 1, 2),
            ] {
                match rounding.round(value) {
                    Ok(r) => {
                        assert_eq!(r.checked_rem(step), Some(Decimal::ZERO), "{value} -> {r}");
                        assert!(r.checked_sub(value).is_some_and(|d| d.abs() < step));
                    }
                    Err(e) => assert!(matches!(e, HelperError::Overflow { .. }), "{e}"),
                }
            }
        }
    }

    #[test]
    fn default_rounding_is_up_to_kopecks() {
        assert_eq!(Rounding::default(), Rounding::kopecks());
        assert_eq!(
            Rounding::default().round(Decimal::new(10001, 3)),
            Ok(Decimal::new(1001, 2))
        );
        assert_eq!(ChannelPricing::default().rounding, Rounding::kopecks());
    }
}
