//! Kit (bundle) stock: how many whole kits the stock of their components allows.
//!
//! A kit is sold as its own offer but is assembled from other offers at packing time, so its
//! stock is never stored: it follows from the components' stock.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::HelperError;
use crate::ids::OfferId;

/// One component of a kit: the offer, how many units go into one kit, and how many units are
/// available.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct KitComponent {
    /// The component's article.
    pub offer_id: OfferId,
    /// Units of this component in one kit; must be above zero.
    pub per_kit: u32,
    /// Units of this component available; a negative count is read as zero.
    pub available: i64,
}

impl KitComponent {
    /// A component of `per_kit` units with `available` units in stock.
    pub fn new(offer_id: impl Into<OfferId>, per_kit: u32, available: i64) -> Self {
        Self {
            offer_id: offer_id.into(),
            per_kit,
            available,
        }
    }
}

/// The most whole kits the components' stock allows.
///
/// Each component allows `available / per_kit` kits (rounded down, a negative `available`
/// counting as zero) and the kit stock is the least of these. A component listed more than
/// once is counted once, needing the sum of its `per_kit` and having the least of its
/// `available` values.
///
/// # Errors
///
/// [`HelperError::EmptyKit`] for an empty list, and [`HelperError::ZeroPerKit`] naming the
/// first component with `per_kit == 0`.
///
/// # Example
///
/// Two balls and one basket per kit, with three balls and five baskets in stock:
///
/// ```
/// use market_core::helpers::{KitComponent, kit_stock};
///
/// let components = [KitComponent::new("ball", 2, 3), KitComponent::new("basket", 1, 5)];
/// assert_eq!(kit_stock(&components)?, 1);
/// # Ok::<(), market_core::helpers::HelperError>(())
/// ```
pub fn kit_stock(components: &[KitComponent]) -> Result<u64, HelperError> {
    if components.is_empty() {
        return Err(HelperError::EmptyKit { kit: None });
    }
    if let Some(zero) = components.iter().find(|c| c.per_kit == 0) {
        return Err(HelperError::ZeroPerKit {
            component: zero.offer_id.clone(),
        });
    }
    // Per distinct offer: units per kit (u32 sums fit in u64) and units available.
    let mut needs: HashMap<&OfferId, (u64, u64)> = HashMap::with_capacity(components.len());
    for c in components {
        let available = u64::try_from(c.available).unwrap_or(0);
        let entry = needs.entry(&c.offer_id).or_insert((0, available));
        entry.0 = entry.0.saturating_add(u64::from(c.per_kit));
        entry.1 = entry.1.min(available);
    }
    Ok(needs
        .values()
        .map(|&(per_kit, available)| available.checked_div(per_kit).unwrap_or(0))
        .min()
        .unwrap_or(0))
}

/// A kit sold as its own offer, with its components.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kit {
    /// The kit's own article.
    pub offer_id: OfferId,
    /// What one kit is made of, with their stock.
    pub components: Vec<KitComponent>,
}

impl Kit {
    /// A kit with no components yet.
    pub fn new(offer_id: impl Into<OfferId>) -> Self {
        Self {
            offer_id: offer_id.into(),
            components: Vec::new(),
        }
    }

    /// Adds a component of `per_kit` units with `available` units in stock.
    pub fn with_component(
        mut self,
        offer_id: impl Into<OfferId>,
        per_kit: u32,
        available: i64,
    ) -> Self {
        self.components
            .push(KitComponent::new(offer_id, per_kit, available));
        self
    }

    /// The most whole kits the components' stock allows; see [`kit_stock`].
    ///
    /// # Errors
    ///
    /// As [`kit_stock`]; [`HelperError::EmptyKit`] names this kit.
    ///
    /// # Example
    ///
    /// ```
    /// use market_core::helpers::Kit;
    ///
    /// let kit = Kit::new("gift-set").with_component("ball", 2, 3).with_component("basket", 1, 5);
    /// assert_eq!(kit.stock()?, 1);
    /// # Ok::<(), market_core::helpers::HelperError>(())
    /// ```
    pub fn stock(&self) -> Result<u64, HelperError> {
        kit_stock(&self.components).map_err(|e| match e {
            HelperError::EmptyKit { kit: None } => HelperError::EmptyKit {
                kit: Some(self.offer_id.clone()),
            },
            other => other,
        })
    }
}
