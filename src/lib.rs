//! # market
//!
//! One dependency for selling on the Russian marketplaces: typed clients of the Ozon,
//! Wildberries, Yandex Market, Megamarket and RetailCRM APIs, and one
//! [`Marketplace`] trait over them, with retries, rate limits,
//! batching and pagination solved once in [`core`].
//!
//! Each client is behind a feature of the same name (all on by default):
//! `ozon`, `wb`, `yandex-market`, `megamarket`, `retailcrm`.
#![deny(missing_docs)]

pub use market_core as core;
pub use market_core::{
    BatchReport, Capabilities, Capability, Error, Marketplace, MarketplaceKind, Result,
};

/// The Ozon Seller API client.
#[cfg(feature = "ozon")]
pub use ozon_api as ozon;

/// The Wildberries seller APIs client.
#[cfg(feature = "wb")]
pub use wb_api as wb;

/// The Yandex Market Partner API client.
#[cfg(feature = "yandex-market")]
pub use yandex_market_api as yandex_market;

/// The Megamarket merchant API client.
#[cfg(feature = "megamarket")]
pub use megamarket_api as megamarket;

/// The RetailCRM API v5 client.
#[cfg(feature = "retailcrm")]
pub use retailcrm_api as retailcrm;
