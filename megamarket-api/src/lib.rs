#![doc = include_str!("../README.md")]
//!
//! ## Names a user needs
//!
//! The error, result and trait of `market-core` are re-exported here, so that a project
//! depending on this crate alone can name them; the rest of `market-core` (the seller's model
//! the trait speaks, the transport) is [`core`].
//!
//! ```
//! use megamarket_api::{Client, Marketplace};
//!
//! fn account(shop: &dyn Marketplace) -> &str {
//!     shop.account()
//! }
//! let mm = Client::builder("token").account("main").build()?;
//! assert_eq!(account(&mm), "main");
//! assert!(!format!("{mm:?}").contains("token\""));
//! # Ok::<(), megamarket_api::Error>(())
//! ```
#![deny(missing_docs)]

pub mod api;
pub mod client;
pub mod error;
pub mod feed;
pub mod ids;
pub mod limits;
pub mod marketplace;
pub mod models;
pub mod push;
#[cfg(feature = "receiver")]
pub mod receiver;
#[cfg(feature = "sandbox")]
pub mod sandbox;

pub use client::{Client, ClientBuilder};
pub use feed::FeedTarget;
pub use ids::{MerchantId, ShipmentId};
pub use limits::Quotas;

/// The vendor this crate is a client of.
pub const VENDOR: &str = "Megamarket (SberMegaMarket) merchant API";

/// `market-core`, which this crate is built on: the seller's model the [`Marketplace`] trait
/// speaks (`core::StockUpdate`, `core::OrderQuery`, ...), the transport and the helpers.
pub use market_core as core;
pub use market_core::{ApiError, ApiErrorKind, BatchReport, Error, Marketplace, Result};
