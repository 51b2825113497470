//! Labels: the shipping labels of the orders awaiting shipment, written to a temporary
//! directory.
//!
//! What it shows: the orders of the last week in one lifecycle state (`AwaitingShipment`:
//! packed, to hand over), streamed through the `Marketplace` trait with a status filter, then
//! `label` for each (Ozon: `/v2/posting/fbs/package-label`, a PDF), the format checked from the
//! bytes. A label that cannot be fetched is reported and the others still are.
//!
//! Run it:
//! - `cargo run --example fetch_labels`: no account needed, a local Ozon sandbox is started;
//! - with `OZON_CLIENT_ID` and `OZON_API_KEY` set: the same on your account (it only reads;
//!   at most 10 labels).
#![allow(clippy::print_stdout)]

use market_examples_common as common;

use std::process::ExitCode;

use chrono::TimeDelta;
use futures::TryStreamExt;
use market::core::{DeliveryScheme, LabelFormat, Lifecycle, Marketplace, OrderQuery, TimeWindow};

/// The most labels fetched in one run.
const MAX_LABELS: usize = 10;

#[tokio::main]
async fn main() -> ExitCode {
    common::init_tracing();
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            common::note(&format!("fetch_labels: {e}"));
            ExitCode::FAILURE
        }
    }
}

fn extension(format: LabelFormat) -> &'static str {
    match format {
        LabelFormat::Pdf => "pdf",
        LabelFormat::Png => "png",
        LabelFormat::Svg => "svg",
        LabelFormat::Zpl => "zpl",
    }
}

async fn run() -> Result<(), Box<dyn std::error::Error>> {
    let ozon = common::ozon(None).await?;
    let market: &dyn Marketplace = &ozon.client;

    // Packed orders the seller hands over (the marketplace's own warehouses print their own).
    let query = OrderQuery::window(TimeWindow::last(TimeDelta::days(7)))
        .with_statuses([Lifecycle::AwaitingShipment])
        .with_schemes([DeliveryScheme::Fbs, DeliveryScheme::Dbs]);
    let orders: Vec<_> = market.orders(query).try_collect().await?;
    println!("{} orders awaiting shipment", orders.len());

    let dir = std::env::temp_dir().join(format!("market-labels-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let mut written = 0;
    let mut failed = 0;
    for order in orders.iter().take(MAX_LABELS) {
        match market.label(&order.id).await {
            Ok(label) => {
                let sniffed = LabelFormat::sniff(&label.bytes);
                if sniffed != Some(label.format) {
                    println!(
                        "  {}: announced {:?}, the bytes look like {sniffed:?}",
                        order.id, label.format
                    );
                }
                let file = dir.join(format!("{}.{}", order.id, extension(label.format)));
                std::fs::write(&file, &label.bytes)?;
                println!(
                    "  {}: {} bytes -> {}",
                    order.id,
                    label.bytes.len(),
                    file.display()
                );
                written += 1;
            }
            Err(e) => {
                println!("  {}: no label: {e}", order.id);
                failed += 1;
            }
        }
    }
    println!("{written} labels in {}", dir.display());
    if failed > 0 && written == 0 {
        return Err(format!("no label could be fetched ({failed} failed)").into());
    }
    Ok(())
}
