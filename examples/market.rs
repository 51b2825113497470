//! `market`: a seller's command-line tool over the `Marketplace` trait (warehouses, orders,
//! stocks, prices, shipping, labels), against an account or the local sandbox.
//!
//! ```sh
//! cargo run --example market -- demo      # the whole job, on the Ozon sandbox
//! cargo run --example market -- --help
//! ```
//!
//! The logic is the `market-tool` crate (`examples/market-tool`), tested by `tests/cli.rs`.

fn main() -> std::process::ExitCode {
    market_tool::main()
}
