//! # market-core
//!
//! The foundation of the market-rs clients for Ozon, Wildberries, Yandex Market, Megamarket and
//! RetailCRM:
//!
//! - the seller's model ([`model`]): stocks, prices, cards, warehouses, orders, labels, returns,
//!   and the [`BatchReport`] every batch operation answers with;
//! - the [`Marketplace`] trait, one object-safe interface over every channel;
//! - one resilient HTTP [`transport`]: auth hook, retries with backoff and the server's hints,
//!   rate limits per account and limit group, batching, pagination streams, tracing, and one
//!   [`Error`] type;
//! - the seller's [`helpers`]: kit stock, channel price, stock policy, idempotent order import.
//!
//! Vendor crates describe only their vendor: endpoints, wire models, auth header, limits and
//! error shape. Everything else is here.
//!
//! ```no_run
//! use market_core::transport::{Operation, Transport, Vendor};
//! use market_core::{ApiErrorKind, Result};
//!
//! #[derive(Debug)]
//! struct Shop;
//!
//! impl Vendor for Shop {
//!     fn kind(&self) -> market_core::MarketplaceKind {
//!         market_core::MarketplaceKind::Other("shop".into())
//!     }
//!     fn name(&self) -> &'static str { "shop" }
//!     fn authorize(&self, headers: &mut http::HeaderMap) -> Result<()> { Ok(()) }
//! }
//!
//! static PING: Operation = Operation::get("ping", "/ping").in_group("default");
//!
//! # async fn run() -> Result<()> {
//! let transport = Transport::builder(Shop, "https://shop.example/")?.build()?;
//! let answer: serde_json::Value = transport.json(PING.request()).await?;
//! # Ok(()) }
//! ```
#![deny(missing_docs)]

pub mod batch;
pub mod client;
#[cfg(feature = "contract")]
pub mod contract;
pub mod error;
pub mod feed;
pub mod helpers;
pub mod ids;
pub mod marketplace;
pub mod model;
pub mod paginate;
#[cfg(feature = "sandbox")]
pub mod sandbox;
pub mod task;
pub mod transport;
pub mod wire;

pub use error::{ApiError, ApiErrorKind, Error, FieldError, Result};
pub use ids::{
    AttributeId, Barcode, CategoryId, LocalId, OfferId, OrderId, ReturnId, Sku, TaskId, WarehouseId,
};
pub use marketplace::{Capabilities, Capability, Marketplace};
pub use model::*;

/// Re-exports the crates that appear in this crate's public API, so that vendor crates and
/// users name the same versions.
pub mod reexports {
    pub use async_trait;
    pub use bytes;
    pub use chrono;
    pub use futures;
    pub use http;
    pub use reqwest;
    pub use rust_decimal;
    pub use secrecy;
    pub use serde;
    pub use serde_json;
    pub use url;
}
