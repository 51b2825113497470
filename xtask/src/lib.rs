//! Maintenance commands of the market-rs workspace (`cargo xtask ...`):
//!
//! - `snapshot`: writes the prose-free snapshot of a vendor's OpenAPI documents that the
//!   vendor crates keep in `<crate>/spec/` ([`snapshot`]);
//! - `drift`: compares two snapshots of a vendor and prints what changed for the crate
//!   ([`market_core::contract::drift`]).
#![deny(missing_docs)]

pub mod cli;
pub mod snapshot;
