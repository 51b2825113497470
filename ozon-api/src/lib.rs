//! # ozon-api
//!
//! A typed client of the Ozon Seller API, built on [`market_core`].
//!
//! This crate is a skeleton: the workspace layout and its dependency on `market-core` are in
//! place, and the client itself lands under its own issue. Until then it exports only the
//! vendor's name, so that the workspace and the `market` facade build.
#![deny(missing_docs)]

/// The vendor this crate is a client of.
pub const VENDOR: &str = "Ozon Seller API";

/// The market-core version this crate is built against.
pub use market_core as core;
