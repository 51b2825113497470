//! The integration tests of `yandex-market-api`, one binary: a module per former test file
//! (contract tests per API section, the client, the emulator, push notifications), and
//! [`common`], the contract harness they share.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

mod client;
mod contract_campaigns;
mod contract_categories;
mod contract_harness;
mod contract_labels;
mod contract_offers;
mod contract_orders;
mod contract_prices;
mod contract_real;
mod contract_returns;
mod contract_stocks;
mod contract_warehouses;
mod generated;
mod lifecycle;
mod list_answers;
mod marketplace;
mod odd_values;
mod push;
mod sandbox;
mod sandbox_changes;
