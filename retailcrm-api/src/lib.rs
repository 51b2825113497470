#![doc = include_str!("../README.md")]
#![deny(missing_docs)]

pub mod api;
pub mod client;
pub mod desk;
pub mod error;
pub mod ids;
pub mod limits;
pub mod marketplace;
pub mod models;
#[cfg(feature = "sandbox")]
pub mod sandbox;

pub use client::{Client, ClientBuilder};
pub use ids::*;
pub use limits::PageSize;
pub use market_core::RejectionStage;
pub use marketplace::CrmChannel;
pub use models::By;

/// The vendor this crate is a client of.
pub const VENDOR: &str = "RetailCRM API v5";

/// `market-core`, which this crate is built on: the transport, the batch report, the helpers.
pub use market_core as core;
pub use market_core::{ApiError, ApiErrorKind, BatchReport, Error, Marketplace, Result};
