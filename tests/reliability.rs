//! The fault suite, small run: a few hundred operations per vendor through each emulator with
//! every kind of fault, asserting the targets (0 lost, 0 duplicated, 0 missed status changes, 0
//! repeated writes, 0 panics, no stall past the call budget). The machinery is in
//! `market-fault-suite` (tests/fault-suite); the long run that gives the README's figures is
//! `cargo bench --bench reliability`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout
)]

use market_fault_suite::{Megamarket, Ozon, Scale, Wb, Ym, run};

const SMALL: Scale = Scale {
    orders: 150,
    rounds: 4,
    new_per_round: 10,
    cancels_per_round: 3,
    writes_per_round: 5,
};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn fault_suite_small() {
    for figures in [
        run::<Ozon>(SMALL, 11).await,
        run::<Wb>(SMALL, 12).await,
        run::<Ym>(SMALL, 13).await,
        run::<Megamarket>(SMALL, 14).await,
    ] {
        figures.print();
        figures.assert_targets();
    }
}
