//! The integration tests of `retailcrm-api`, one binary: contract tests on the snapshot's
//! real bodies, the client's conventions on a mock server, history, and the emulator.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

mod client;
mod contract;
#[cfg(feature = "sandbox")]
mod desk;
mod history;
mod inventory;
#[cfg(feature = "sandbox")]
mod marketplace;
#[cfg(feature = "sandbox")]
mod sandbox;
