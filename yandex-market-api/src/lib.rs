#![doc = include_str!("../README.md")]
//!
//! ## Names a user needs
//!
//! The error, result and trait of `market-core` are re-exported here, so that a project
//! depending on this crate alone can name them; the rest of `market-core` (the seller's model
//! the trait speaks, the transport) is [`core`].
//!
//! ```
//! use yandex_market_api::{ApiErrorKind, BusinessId, CampaignId, Error, Marketplace, Result};
//!
//! fn may_retry(result: &Result<()>) -> bool {
//!     matches!(result, Err(Error::Api(e)) if e.kind == ApiErrorKind::RateLimited)
//! }
//! fn account(shop: &dyn Marketplace) -> &str {
//!     shop.account()
//! }
//! fn refused(report: &yandex_market_api::BatchReport<String>) -> usize {
//!     report.rejected.len()
//! }
//! let ym = yandex_market_api::Client::builder("api-key").account("main").build()?;
//! assert_eq!(account(&ym.campaign(BusinessId(1), CampaignId(2))), "main");
//! assert!(!may_retry(&Ok(())));
//! # Ok::<(), yandex_market_api::Error>(())
//! ```
#![deny(missing_docs)]

pub mod api;
pub mod client;
pub mod error;
pub mod generated;
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

/// `market-core`, which this crate is built on: the seller's model the [`Marketplace`] trait
/// speaks (`core::StockUpdate`, `core::OrderQuery`, ...), the transport and the helpers.
pub use market_core as core;
pub use market_core::{ApiError, ApiErrorKind, BatchReport, Error, Marketplace, Result};
