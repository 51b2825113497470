//! The fault suite, long run: the README's figures. Each client imports 3,500 orders from its
//! emulator over 25 faulty rounds and 3 clean ones (see `market-fault-suite` in tests/fault-suite), prints
//! what a seller would lose, and fails if any target is missed.
//!
//! ```sh
//! cargo bench --bench reliability            # all four vendors, some ten minutes
//! cargo bench --bench reliability -- wb      # one vendor: ozon, wb, yandex-market or megamarket
//! ```
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout
)]

use market_fault_suite::{Megamarket, Ozon, Scale, Wb, Ym, run};

const LONG: Scale = Scale {
    orders: 2_000,
    rounds: 25,
    new_per_round: 60,
    cancels_per_round: 15,
    writes_per_round: 20,
};

fn main() {
    // `cargo bench` passes `--bench`; any other argument picks vendors.
    let wanted: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let wants = |name: &str| wanted.is_empty() || wanted.iter().any(|w| w == name);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let mut all = Vec::new();
        if wants("ozon") {
            let figures = run::<Ozon>(LONG, 2026).await;
            figures.print();
            all.push(figures);
        }
        if wants("wb") {
            let figures = run::<Wb>(LONG, 2027).await;
            figures.print();
            all.push(figures);
        }
        if wants("yandex-market") {
            let figures = run::<Ym>(LONG, 2028).await;
            figures.print();
            all.push(figures);
        }
        if wants("megamarket") {
            let figures = run::<Megamarket>(LONG, 2029).await;
            figures.print();
            all.push(figures);
        }
        for figures in &all {
            figures.assert_targets();
        }
    });
}
