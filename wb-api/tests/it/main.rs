//! The integration tests of wb-api, one binary: a module per former test file (contract
//! tests per section on the spec snapshot, the client, limits, the marketplace mapping, the
//! emulator), and the shared harness in `common`.

mod common;

mod client;
mod contract_analytics;
mod contract_content;
mod contract_harness;
mod contract_orders;
mod contract_prices;
mod contract_returns;
mod contract_statistics;
mod contract_stocks;
mod contract_supplies;
mod contract_warehouses;
mod generated;
mod hardening;
mod lifecycle;
mod limits;
mod marketplace;
mod real_payloads;
#[cfg(feature = "sandbox")]
mod refresh;
#[cfg(feature = "sandbox")]
mod sandbox;
