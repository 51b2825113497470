//! # wb-api
//!
//! A typed client of the [Wildberries seller APIs](https://dev.wildberries.ru/openapi), built
//! on [`market_core`]. WB splits its API into sections on separate hosts ([`Section`]); the
//! client carries a host per section (each overridable, or all at once for an emulator), the
//! token in `Authorization`, WB's limits per method group, and WB's `X-Ratelimit-*` headers
//! driving the limiter and retries.
#![deny(missing_docs)]

pub mod api;
pub mod client;
pub mod ids;
pub mod limits;
pub mod marketplace;
pub mod models;
/// A stateful local emulator of the WB seller APIs, served by wiremock (feature `sandbox`).
#[cfg(feature = "sandbox")]
pub mod sandbox;

pub use client::{Client, ClientBuilder, Section};
pub use ids::{ChrtId, NmId, OrderId, SubjectId, SupplyId, WarehouseId};
pub use limits::TokenType;
