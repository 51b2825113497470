//! # ozon-api
//!
//! A typed client of the [Ozon Seller API](https://docs.ozon.ru/api/seller/), built on
//! [`market_core`]: retries, rate limits (50 requests a second per `Client-Id`, 80 stock updates
//! a minute), batching and pagination come from the shared transport.
//!
//! ```no_run
//! use ozon_api::models::stocks::ProductsStocksRequestStock;
//!
//! # async fn run() -> market_core::Result<()> {
//! let ozon = ozon_api::Client::new("123456", "api-key")?;
//! // Any number of items: split at 100 a request, invalid ones rejected by name.
//! let report = ozon
//!     .stocks()
//!     .update(vec![ProductsStocksRequestStock::by_offer("PH11042", 22142605386000, 100)])
//!     .await?;
//! for r in &report.rejected {
//!     eprintln!("{}: {}", r.key, r.message);
//! }
//! # Ok(()) }
//! ```
#![deny(missing_docs)]

pub mod api;
pub mod client;
pub mod ids;
pub mod marketplace;
pub mod models;
pub mod push;
#[cfg(feature = "sandbox")]
pub mod sandbox;

pub use client::{Client, ClientBuilder, DEFAULT_BASE_URL};
pub use ids::{PostingNumber, ProductId, Sku, WarehouseId};
