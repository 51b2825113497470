//! Maintenance commands of the market-rs workspace (`cargo xtask ...`):
//!
//! - `snapshot`: writes the prose-free snapshot of a vendor's OpenAPI documents that the
//!   vendor crates keep in `<crate>/spec/` ([`snapshot`]);
//! - `drift`: compares two snapshots of a vendor and prints what changed for the crate
//!   ([`market_core::contract::drift`]);
//! - `snapshot --fill-from`: fills the schemas a source cut short from an earlier document of
//!   the same source ([`fill`]);
//! - `coverage`: how many operations of a vendor's current snapshot its crate declares
//!   ([`coverage`]);
//! - `gen`: the generated wire models, operations and contract tests of a vendor crate
//!   (the `gen` module).
#![deny(missing_docs)]

pub mod cli;
pub mod coverage;
pub mod fill;
pub mod r#gen;
pub mod snapshot;
