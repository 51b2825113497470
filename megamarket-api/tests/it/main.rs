//! The integration tests of `megamarket-api`, one binary: contract tests on every shape the
//! crate knows, the client against a mock server (envelope, verdicts, retries, secrets), the
//! push decoder, and (feature `sandbox`) the emulator and the trait over it.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

mod client;
mod contract;
mod feed;
mod odd_values;
mod push;
#[cfg(all(feature = "receiver", feature = "sandbox"))]
mod receiver;
#[cfg(feature = "sandbox")]
mod sandbox;
