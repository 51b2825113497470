//! The integration tests of `ozon-api`, one binary: a module per former test file (contract
//! tests per API section, errors and hardening, the `Marketplace` mapping, push notifications,
//! the emulator), and [`common`], the contract harness they share.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

#[cfg(feature = "sandbox")]
mod changes;
mod contract_categories;
mod contract_fbo;
mod contract_fbs;
mod contract_labels;
mod contract_prices;
mod contract_products;
mod contract_returns;
mod contract_stocks;
mod contract_warehouses;
mod errors;
mod hardening;
mod import_limits;
mod lifecycle;
mod marketplace;
mod push;
mod real_payloads;
#[cfg(feature = "sandbox")]
mod sandbox;
