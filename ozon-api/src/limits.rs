//! Ozon's rate-limit groups and their quotas.
//!
//! Ozon documents 50 requests a second per `Client-Id` across all methods ([`ACCOUNT_PER_SECOND`], applied
//! to every request) and, on top of it, 80 requests a minute for stock updates
//! ([`STOCKS_UPDATE`]). Other per-method limits are per item ("a price at most 10 times an
//! hour", "a product-warehouse pair once in 30 s") and come back as per-item errors, which land
//! in the batch report. The batch maxima of each operation sit next to its static in
//! `api/<section>.rs` (`STOCKS_UPDATE_MAX`, ...).
//!
//! Source: Ozon's Seller API documentation (docs.ozon.ru/api/seller: the description of
//! `POST /v2/products/stocks` and the limits of the introduction). The snapshot in `spec/`
//! keeps schemas and examples only, without those descriptions, so no test reads these numbers
//! from it.

use market_core::transport::RateLimit;

/// Every method without a group of its own: only the account's quota ([`ACCOUNT_PER_SECOND`]) applies.
pub const DEFAULT: &str = "default";
/// `POST /v2/products/stocks`: 80 requests a minute ([`STOCKS_UPDATE_PER_MINUTE`]).
pub const STOCKS_UPDATE: &str = "stocks_update";
/// Product creation and updates (`/v3/product/import`, `/v1/product/attributes/update`):
/// a per-minute and a daily quota of product operations that Ozon does not state as a
/// number (`/v4/product/info/limit` reads the daily one); over it Ozon answers 429 with
/// `Item-Retry-After` (minutes; for the daily quota, until 03:00 Moscow time). The group
/// holds that pause for both methods; a pause beyond the retry budget fails the call at
/// once and a batch reports its items as to be sent again later.
pub const PRODUCT_ITEMS: &str = "product_items";

/// Requests a second per `Client-Id`, across all methods.
pub const ACCOUNT_PER_SECOND: u32 = 50;
/// Stock updates (`POST /v2/products/stocks`) a minute per `Client-Id`.
pub const STOCKS_UPDATE_PER_MINUTE: u32 = 80;

/// The quota of the whole account: [`ACCOUNT_PER_SECOND`] requests a second.
pub fn account() -> RateLimit {
    RateLimit::per_second(ACCOUNT_PER_SECOND)
}

/// The quota of a limit group on top of the account's; `None` for [`DEFAULT`] and unknown
/// groups.
pub fn group(group: &str) -> Option<RateLimit> {
    match group {
        STOCKS_UPDATE => Some(RateLimit::per_minute(STOCKS_UPDATE_PER_MINUTE)),
        // No documented count beyond the account's: the group exists to carry the pause.
        PRODUCT_ITEMS => Some(RateLimit::per_second(ACCOUNT_PER_SECOND)),
        _ => None,
    }
}
