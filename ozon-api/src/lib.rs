#![doc = include_str!("../README.md")]
//!
//! ## Names a user needs
//!
//! The error, result and trait of `market-core` are re-exported here, so that a project
//! depending on this crate alone can name them; the rest of `market-core` (the seller's model
//! the trait speaks, the transport) is [`core`].
//!
//! ```
//! use ozon_api::{ApiErrorKind, Error, Marketplace, Result};
//!
//! fn may_retry(result: &Result<()>) -> bool {
//!     matches!(result, Err(Error::Api(e)) if e.kind == ApiErrorKind::RateLimited)
//! }
//! fn account(shop: &dyn Marketplace) -> &str {
//!     shop.account()
//! }
//! fn refused(report: &ozon_api::BatchReport) -> usize {
//!     report.rejected.len()
//! }
//! let ozon = ozon_api::Client::new("123456", "api-key")?;
//! assert_eq!(account(&ozon), "123456");
//! assert!(!may_retry(&Ok(())));
//! # Ok::<(), ozon_api::Error>(())
//! ```
#![deny(missing_docs)]

pub mod api;
pub mod client;
pub mod error;
pub mod ids;
pub mod limits;
pub mod marketplace;
pub mod models;
pub mod push;
#[cfg(feature = "sandbox")]
pub mod sandbox;

pub use client::{Client, ClientBuilder, DEFAULT_BASE_URL};
pub use ids::{PostingNumber, ProductId, Sku, WarehouseId};

/// `market-core`, which this crate is built on: the seller's model the [`Marketplace`] trait
/// speaks (`core::StockUpdate`, `core::OrderQuery`, ...), the transport and the helpers.
pub use market_core as core;
pub use market_core::{ApiError, ApiErrorKind, BatchReport, Error, Marketplace, Result};
