//! Order import: every order of the last week into the seller's ERP, idempotently.
//!
//! What it shows: `market::core::helpers::OrderImporter` with a `MemoryLinkStore` (in
//! production: a table with a unique key on the marketplace and its order id) and an
//! `OrderSink` (the ERP; here `common::Erp`, in memory). The import streams every order of the
//! window, every status and scheme, page by page, through the `Marketplace` trait. It is run
//! twice over the same window: the first run creates every order, the second creates none.
//! In the sandbox, the orders are then moved on a step and a third run reports the status
//! changes, again creating nothing.
//!
//! Run it:
//! - `cargo run --example import_orders`: no account needed, a local Ozon sandbox is started;
//! - with `OZON_CLIENT_ID` and `OZON_API_KEY` set: the same on your account (it only reads
//!   orders; the ERP is in memory).
#![allow(clippy::print_stdout)]

use market_examples_common as common;

use std::process::ExitCode;

use chrono::TimeDelta;
use market::core::helpers::{ImportReport, MemoryLinkStore, OrderImporter};
use market::core::{Marketplace, TimeWindow};

#[tokio::main]
async fn main() -> ExitCode {
    common::init_tracing();
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            common::note(&format!("import_orders: {e}"));
            ExitCode::FAILURE
        }
    }
}

fn show(run: &str, r: &ImportReport) {
    println!(
        "{run}: {} seen, {} created, {} status changes, {} unchanged, {} failed{}",
        r.seen(),
        r.created.len(),
        r.status_changed.len(),
        r.unchanged,
        r.failed.len(),
        r.stream_error
            .as_ref()
            .map(|e| format!("; stopped early: {e}"))
            .unwrap_or_default()
    );
}

async fn run() -> Result<(), Box<dyn std::error::Error>> {
    let ozon = common::ozon(None).await?;
    let market: &dyn Marketplace = &ozon.client;
    let importer = OrderImporter::new(MemoryLinkStore::new());
    let erp = common::Erp::default();
    let window = TimeWindow::last(TimeDelta::days(7));

    let first = importer.import(market, window, &erp).await?;
    show("first import ", &first);
    let second = importer.import(market, window, &erp).await?;
    show("second import", &second);
    if let Some((order, local)) = first.created.first() {
        println!("e.g. {} order {order} is {local} in the ERP", market.kind());
    }
    if !second.created.is_empty() || erp.len() != first.created.len() {
        return Err(format!(
            "duplicates: the ERP holds {} orders after importing {} twice",
            erp.len(),
            first.created.len()
        )
        .into());
    }

    if let Some(sandbox) = &ozon.sandbox {
        // Orders move on between polls: awaiting delivery -> delivering -> delivered.
        sandbox.advance();
        let third = importer.import(market, window, &erp).await?;
        show("after a step ", &third);
        if !third.created.is_empty() {
            return Err("the third import created orders".into());
        }
    }
    for r in [&first, &second] {
        if !r.is_complete() {
            return Err("an import did not complete (see above)".into());
        }
    }
    Ok(())
}
