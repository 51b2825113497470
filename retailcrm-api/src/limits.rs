//! RetailCRM's request limits and page sizes.
//!
//! Source: the vendor's API v5 documentation (section "Limits"), restated by the official Go
//! client's rate limiter (`retailcrm/api-client-go`, see `spec/SOURCE.md`): **10 requests a
//! second per API key** for every method, **40 a second** for the `/api/v5/telephony/*`
//! methods. Over the limit the server answers **503** (sometimes 429) with no header saying
//! how long to wait: the transport classifies both as over quota and backs off with jitter,
//! and the client-side limiter keeps a key under the quota in the first place.

use std::time::Duration;

use market_core::transport::RateLimit;

use crate::error::invalid;

/// The limit group of every method except telephony.
pub const GENERAL: &str = "general";
/// The limit group of `/api/v5/telephony/*`.
pub const TELEPHONY: &str = "telephony";

/// Requests a second per API key, across all methods but telephony.
pub const GENERAL_PER_SECOND: u32 = 10;
/// Requests a second per API key on `/api/v5/telephony/*`.
pub const TELEPHONY_PER_SECOND: u32 = 40;

/// The documented quota of a limit group; `None` for a group this crate does not know.
pub fn limit(group: &str) -> Option<RateLimit> {
    match group {
        GENERAL => Some(RateLimit::per(GENERAL_PER_SECOND, Duration::from_secs(1))),
        TELEPHONY => Some(RateLimit::per(TELEPHONY_PER_SECOND, Duration::from_secs(1))),
        _ => None,
    }
}

/// A page size of a list read: RetailCRM accepts `limit` 20, 50 or 100 (some lists also 250,
/// which this crate does not use) and answers 400 to anything else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum PageSize {
    /// 20 a page (the server's default).
    #[default]
    Twenty,
    /// 50 a page.
    Fifty,
    /// 100 a page (the most).
    Hundred,
}

impl PageSize {
    /// The number sent as `limit`.
    pub const fn get(self) -> u32 {
        match self {
            Self::Twenty => 20,
            Self::Fifty => 50,
            Self::Hundred => 100,
        }
    }
}

impl TryFrom<u32> for PageSize {
    type Error = market_core::Error;

    /// 20, 50 or 100; anything else is refused before a request is sent.
    fn try_from(n: u32) -> market_core::Result<Self> {
        match n {
            20 => Ok(Self::Twenty),
            50 => Ok(Self::Fifty),
            100 => Ok(Self::Hundred),
            other => Err(invalid(format!(
                "RetailCRM accepts a page size (limit) of 20, 50 or 100, not {other}"
            ))),
        }
    }
}

/// Items of one `orders/upload`, `customers/upload`, `customers-corporate/upload` request
/// (the documented maximum).
pub const UPLOAD_MAX: usize = 50;
/// Offers of one `store/inventories/upload` or `store/prices/upload` request.
pub const STORE_UPLOAD_MAX: usize = 250;
/// Costs of one `costs/upload` request.
pub const COSTS_UPLOAD_MAX: usize = 50;
/// Ids of one `orders/fix-external-ids` / `customers/fix-external-ids` request.
pub const FIX_EXTERNAL_IDS_MAX: usize = 50;
