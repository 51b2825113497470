//! # yandex-market-api
//!
//! A typed client of the [Yandex Market Partner API](https://yandex.ru/dev/market/partner-api/),
//! built on [`market_core`]: the `Api-Key` header, business- and campaign-level methods,
//! Yandex Market's quotas per method (some counting items) with HTTP 420 and the
//! `X-RateLimit-Resource-*` headers driving the limiter and retries, and its error body mapped
//! to [`market_core::Error`].
#![deny(missing_docs)]

pub mod api;
pub mod client;
pub mod ids;
pub mod limits;
pub mod marketplace;
pub mod models;
pub mod push;
#[cfg(feature = "sandbox")]
pub mod sandbox;

pub use client::{CampaignClient, Client, ClientBuilder};
pub use ids::{
    BoxId, BusinessId, CampaignId, CategoryId, MarketSku, OrderId, OrderItemId, ParameterId,
    ReturnId, ShipmentId, WarehouseId,
};
pub use limits::Tier;

/// The vendor this crate is a client of.
pub const VENDOR: &str = "Yandex Market Partner API";

/// The market-core version this crate is built against.
pub use market_core as core;
