//! The seller's helpers: pure functions and small services every multi-channel seller needs.
//!
//! - [`kit`]: how many kits (bundles) the stock of their components allows;
//! - [`pricing`]: the price to publish on a channel so that its commission and logistics are
//!   covered, rounded as the channel requires and never below a floor;
//! - [`stock_policy`]: the quantity to publish from the quantity on hand (safety reserve,
//!   minimum to publish, blocked offers);
//! - [`import`]: idempotent order import from any [`crate::Marketplace`] into the seller's
//!   system, safe to repeat, to run with overlapping windows and from several importers, and
//!   to crash at any step; `sqlite` (feature `sqlite`): a durable link store for it.
//!
//! Nothing here panics: invalid input and arithmetic overflow are [`HelperError`]s naming the
//! offending input, and failures while importing are data in an [`ImportReport`].

use rust_decimal::Decimal;

use crate::error::Error;
use crate::ids::OfferId;

pub mod import;
pub mod kit;
pub mod pricing;
pub mod stock_policy;

#[cfg(feature = "sqlite")]
pub mod sqlite;

pub use import::{
    Claim, Duplicate, ImportKey, ImportReport, InsertOutcome, Link, LinkState, LinkStore,
    MAX_STREAM_ERRORS, MemoryLinkStore, OrderImporter, OrderSink, next_window,
};
pub use kit::{Kit, KitComponent, kit_stock};
pub use pricing::{ChannelPricing, Rounding, RoundingMode, channel_price};
#[cfg(feature = "sqlite")]
pub use sqlite::SqliteLinkStore;
pub use stock_policy::StockPolicy;

/// Why a helper refused its input.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum HelperError {
    /// A kit was given no components, so its stock is undefined.
    #[error("kit{} has no components", kit.as_ref().map(|k| format!(" {k}")).unwrap_or_default())]
    EmptyKit {
        /// The kit's own article, when known (see [`Kit`]).
        kit: Option<OfferId>,
    },
    /// A kit component needs zero units per kit, which is a configuration mistake.
    #[error("kit component {component} has per_kit 0")]
    ZeroPerKit {
        /// The offending component.
        component: OfferId,
    },
    /// The commission is not a fraction in `[0, 1)`.
    #[error("commission {commission} is not a fraction in [0, 1)")]
    InvalidCommission {
        /// The commission given.
        commission: Decimal,
    },
    /// The base price is negative.
    #[error("base price {base} is negative")]
    NegativeBase {
        /// The base price given.
        base: Decimal,
    },
    /// The logistics cost is negative.
    #[error("logistics cost {logistics} is negative")]
    NegativeLogistics {
        /// The logistics cost given.
        logistics: Decimal,
    },
    /// The price floor is negative.
    #[error("price floor {floor} is negative")]
    NegativeFloor {
        /// The floor given.
        floor: Decimal,
    },
    /// The rounding step is zero or negative.
    #[error("rounding step {step} is not above zero")]
    InvalidStep {
        /// The step given.
        step: Decimal,
    },
    /// The result does not fit in a [`Decimal`] (or cannot be represented exactly at the
    /// rounding step).
    #[error("arithmetic overflow in {operation} (at {value})")]
    Overflow {
        /// The computation that overflowed.
        operation: &'static str,
        /// The operand being processed when it overflowed.
        value: Decimal,
    },
}

impl From<HelperError> for Error {
    fn from(e: HelperError) -> Self {
        let item = match &e {
            HelperError::EmptyKit { kit } => kit.as_ref().map(ToString::to_string),
            HelperError::ZeroPerKit { component } => Some(component.to_string()),
            _ => None,
        };
        Error::Validation {
            item,
            message: e.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_name_the_offending_input() {
        let e = HelperError::InvalidCommission {
            commission: Decimal::new(15, 1),
        };
        assert_eq!(e.to_string(), "commission 1.5 is not a fraction in [0, 1)");
        let e = HelperError::EmptyKit {
            kit: Some(OfferId::from("gift")),
        };
        assert_eq!(e.to_string(), "kit gift has no components");
        assert_eq!(
            HelperError::EmptyKit { kit: None }.to_string(),
            "kit has no components"
        );
        let e = Error::from(HelperError::NegativeBase {
            base: Decimal::new(-1, 0),
        });
        assert!(matches!(&e, Error::Validation { item: None, message } if message.contains("-1")));
        assert_eq!(e.code(), "validation");
    }
}
