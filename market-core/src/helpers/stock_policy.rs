//! Stock policy: how much of the stock on hand to publish on a channel.

use std::collections::HashSet;

use crate::ids::OfferId;
use crate::model::StockUpdate;

/// What to publish from the stock on hand: keep a safety reserve back, publish nothing when too
/// little is left, and publish zero for blocked offers.
///
/// The default policy publishes the stock on hand as it is (negative stock as zero).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StockPolicy {
    /// Units kept back from every offer (for marketplace-independent sales, damage, miscounts).
    pub safety_reserve: u32,
    /// The least quantity worth publishing after the reserve; anything less is published as 0.
    pub min_to_publish: u32,
    /// Offers published with zero stock whatever is on hand (delisted, recalled, price errors).
    pub blocked: HashSet<OfferId>,
}

impl StockPolicy {
    /// The default policy: no reserve, no minimum, nothing blocked.
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the safety reserve.
    pub fn with_safety_reserve(mut self, units: u32) -> Self {
        self.safety_reserve = units;
        self
    }

    /// Sets the minimum quantity to publish.
    pub fn with_min_to_publish(mut self, units: u32) -> Self {
        self.min_to_publish = units;
        self
    }

    /// Blocks an offer: it is published with zero stock.
    pub fn with_blocked(mut self, offer_id: impl Into<OfferId>) -> Self {
        self.blocked.insert(offer_id.into());
        self
    }

    /// Blocks an offer in place; true when it was not blocked yet.
    pub fn block(&mut self, offer_id: impl Into<OfferId>) -> bool {
        self.blocked.insert(offer_id.into())
    }

    /// Unblocks an offer in place; true when it was blocked.
    pub fn unblock(&mut self, offer_id: &OfferId) -> bool {
        self.blocked.remove(offer_id)
    }

    /// True when the offer is blocked.
    pub fn is_blocked(&self, offer_id: &OfferId) -> bool {
        self.blocked.contains(offer_id)
    }

    /// The quantity to publish for an offer with `on_hand` units: 0 for a blocked offer,
    /// otherwise `on_hand - safety_reserve`, or 0 when that is negative or below
    /// `min_to_publish`. The result is never negative.
    ///
    /// # Example
    ///
    /// ```
    /// use market_core::helpers::StockPolicy;
    /// use market_core::OfferId;
    ///
    /// let policy = StockPolicy::new()
    ///     .with_safety_reserve(2)
    ///     .with_min_to_publish(3)
    ///     .with_blocked("recalled");
    /// assert_eq!(policy.publishable(&OfferId::from("ball"), 10), 8);
    /// assert_eq!(policy.publishable(&OfferId::from("ball"), 4), 0); // 2 left, below 3
    /// assert_eq!(policy.publishable(&OfferId::from("recalled"), 10), 0);
    /// ```
    pub fn publishable(&self, offer_id: &OfferId, on_hand: i64) -> i64 {
        if self.is_blocked(offer_id) {
            return 0;
        }
        let left = on_hand.saturating_sub(i64::from(self.safety_reserve));
        if left < 0 || left < i64::from(self.min_to_publish) {
            0
        } else {
            left
        }
    }

    /// Replaces the quantity of every update (taken as the stock on hand) by the quantity to
    /// publish; see [`StockPolicy::publishable`].
    ///
    /// # Example
    ///
    /// ```
    /// use market_core::helpers::StockPolicy;
    /// use market_core::StockUpdate;
    ///
    /// let policy = StockPolicy::new().with_safety_reserve(1);
    /// let out = policy.apply(vec![
    ///     StockUpdate::new("ball", "main", 5),
    ///     StockUpdate::new("cap", "main", -3),
    /// ]);
    /// assert_eq!(out[0].quantity, 4);
    /// assert_eq!(out[1].quantity, 0);
    /// ```
    pub fn apply(&self, updates: Vec<StockUpdate>) -> Vec<StockUpdate> {
        updates
            .into_iter()
            .map(|mut update| {
                update.quantity = self.publishable(&update.offer_id, update.quantity);
                update
            })
            .collect()
    }
}
