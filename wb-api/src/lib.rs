#![doc = include_str!("../README.md")]
//!
//! ## Names a user needs
//!
//! The error, result and trait of `market-core` are re-exported here, so that a project
//! depending on this crate alone can name them; the rest of `market-core` (the seller's model
//! the trait speaks, the transport) is [`core`].
//!
//! ```
//! use wb_api::{ApiErrorKind, Error, Marketplace, Result};
//!
//! fn may_retry(result: &Result<()>) -> bool {
//!     matches!(result, Err(Error::Api(e)) if e.kind == ApiErrorKind::RateLimited)
//! }
//! fn account(shop: &dyn Marketplace) -> &str {
//!     shop.account()
//! }
//! fn refused(report: &wb_api::BatchReport) -> usize {
//!     report.rejected.len()
//! }
//! let wb = wb_api::Client::builder("token").account("main").build()?;
//! assert_eq!(account(&wb), "main");
//! assert!(!may_retry(&Ok(())));
//! # Ok::<(), wb_api::Error>(())
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
/// A stateful local emulator of the WB seller APIs, served by wiremock (feature `sandbox`).
#[cfg(feature = "sandbox")]
pub mod sandbox;

pub use client::{Client, ClientBuilder, Host};
pub use ids::{ChrtId, NmId, OrderId, SubjectId, SupplyId, WarehouseId};
pub use limits::TokenType;

/// `market-core`, which this crate is built on: the seller's model the [`Marketplace`] trait
/// speaks (`core::StockUpdate`, `core::OrderQuery`, ...), the transport and the helpers.
pub use market_core as core;
pub use market_core::{ApiError, ApiErrorKind, BatchReport, Error, Marketplace, Result};
