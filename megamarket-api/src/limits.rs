//! Megamarket's limits: the limit groups with their quotas, and the batch maxima.
//!
//! **Megamarket publishes none of them** in any source found (see `spec/SOURCE.md`): no rate
//! limit, no largest batch, no page size of `order/search`. What is here are conservative
//! defaults chosen by this crate, every one a setting ([`Quotas`], given to
//! [`ClientBuilder::quotas`](crate::ClientBuilder::quotas)): a seller who learns their
//! account's real limits from Megamarket's support raises them.

use std::time::Duration;

use market_core::transport::RateLimit;

use crate::api::offers::{MANUAL_PRICE_SAVE_MAX, STOCK_UPDATE_MAX};
use crate::api::orders::{ORDER_GET_MAX, ORDER_SEARCH_PAGE_MAX};

/// The limit group of the order methods (`/api/market/v1/orderService/...`).
pub const ORDERS: &str = "orders";
/// The limit group of the offer methods (`/api/merchantIntegration/v1/offerService/...`).
pub const OFFERS: &str = "offers";

/// The default quota of [`ORDERS`]: 5 requests a second (chosen, not documented).
pub const ORDERS_QUOTA: RateLimit = RateLimit::per_second(5);
/// The default quota of [`OFFERS`]: 2 requests a second (chosen, not documented: a stock or
/// price batch is large, and the seller's feed is the bulk channel).
pub const OFFERS_QUOTA: RateLimit = RateLimit::per_second(2);
/// The default number of requests in flight per token, across all methods (chosen).
pub const PARALLEL_PER_TOKEN: u32 = 2;

/// The limits the client keeps to. Every default is a choice of this crate, not a documented
/// Megamarket limit (none is published).
///
/// ```
/// use megamarket_api::Quotas;
/// let q = Quotas::default().stock_update_max(500).orders_per_second(10);
/// assert_eq!(q.stock_update_max, 500);
/// assert_eq!(q.orders.count, 10);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Quotas {
    /// The quota of the order methods.
    pub orders: RateLimit,
    /// The quota of the offer methods.
    pub offers: RateLimit,
    /// Requests in flight per token, across all methods.
    pub parallel: u32,
    /// The most offers one `stock/update` request carries.
    pub stock_update_max: usize,
    /// The most offers one `manualPrice/save` request carries.
    pub price_save_max: usize,
    /// The most shipments one `order/get` request asks for.
    pub order_get_max: usize,
    /// The `count` sent with `order/search`: a search that returns this many ids may have been
    /// cut, and its window is split in two and searched again.
    pub order_search_count: usize,
}

impl Default for Quotas {
    fn default() -> Self {
        Self {
            orders: ORDERS_QUOTA,
            offers: OFFERS_QUOTA,
            parallel: PARALLEL_PER_TOKEN,
            stock_update_max: STOCK_UPDATE_MAX,
            price_save_max: MANUAL_PRICE_SAVE_MAX,
            order_get_max: ORDER_GET_MAX,
            order_search_count: ORDER_SEARCH_PAGE_MAX,
        }
    }
}

impl Quotas {
    /// Sets the quota of the order methods to `n` requests a second (at least 1).
    pub fn orders_per_second(mut self, n: u32) -> Self {
        self.orders = RateLimit::per(n.max(1), Duration::from_secs(1));
        self
    }

    /// Sets the quota of the offer methods to `n` requests a second (at least 1).
    pub fn offers_per_second(mut self, n: u32) -> Self {
        self.offers = RateLimit::per(n.max(1), Duration::from_secs(1));
        self
    }

    /// Sets the most offers a `stock/update` request carries (at least 1).
    pub fn stock_update_max(mut self, n: usize) -> Self {
        self.stock_update_max = n.max(1);
        self
    }

    /// Sets the most offers a `manualPrice/save` request carries (at least 1).
    pub fn price_save_max(mut self, n: usize) -> Self {
        self.price_save_max = n.max(1);
        self
    }

    /// Sets the most shipments an `order/get` request asks for (at least 1).
    pub fn order_get_max(mut self, n: usize) -> Self {
        self.order_get_max = n.max(1);
        self
    }

    /// Sets the `count` of `order/search` (at least 1).
    pub fn order_search_count(mut self, n: usize) -> Self {
        self.order_search_count = n.max(1);
        self
    }

    /// The quota of a limit group.
    pub fn limit(&self, group: &str) -> Option<RateLimit> {
        match group {
            ORDERS => Some(self.orders),
            OFFERS => Some(self.offers),
            _ => None,
        }
    }
}
