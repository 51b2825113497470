//! Price sync: publish channel prices that cover Ozon's commission and logistics.
//!
//! What it shows: `market::core::helpers::channel_price` turning the price the seller wants
//! to receive (`base`) into the price to publish: `base / (1 - commission) + logistics`, here
//! a 15 % commission and 120 roubles of logistics a unit, rounded up to whole roubles (so the
//! margin is never lost to rounding) and never below a 500-rouble floor; then one
//! `update_prices` call through the `Marketplace` trait, invalid prices rejected by name.
//!
//! Run it:
//! - `cargo run --example sync_prices`: no account needed, a local Ozon sandbox is started and
//!   the prices it then holds are checked;
//! - with `OZON_CLIENT_ID` and `OZON_API_KEY` set: a dry run on your account (it prints the
//!   prices it would publish); `cargo run --example sync_prices -- --apply` sends them. The
//!   base prices come from `common::base_price`, a stand-in: put your own there first.
#![allow(clippy::print_stdout)]

use market_examples_common as common;

use std::process::ExitCode;

use market::core::helpers::{ChannelPricing, Rounding, channel_price};
use market::core::{Marketplace, PriceUpdate};
use rust_decimal::Decimal;

#[tokio::main]
async fn main() -> ExitCode {
    common::init_tracing();
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            common::note(&format!("sync_prices: {e}"));
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), Box<dyn std::error::Error>> {
    let ozon = common::ozon(None).await?;
    let market: &dyn Marketplace = &ozon.client;

    // The channel's terms.
    let pricing = ChannelPricing::new(Decimal::new(15, 2))
        .with_logistics(Decimal::from(120))
        .with_rounding(Rounding::whole_roubles())
        .with_floor(Decimal::from(500));

    let offers = common::catalogue(&ozon.client).await?;
    let mut updates = Vec::with_capacity(offers.len());
    for offer in &offers {
        let base = common::base_price(offer);
        let price = channel_price(base, &pricing)?;
        updates.push(PriceUpdate::new(offer.as_str(), price));
    }
    println!("offer       base  ->  price   (base / 0.85 + 120, whole roubles up, floor 500)");
    for (offer, update) in offers.iter().zip(&updates).take(8) {
        println!(
            "{offer:<10} {:>5}  -> {:>6}",
            common::base_price(offer),
            update.price
        );
    }
    if updates.len() > 8 {
        println!("... and {} more", updates.len() - 8);
    }

    if ozon.is_account() && !common::has_flag("--apply") {
        println!(
            "dry run on account {}: {} prices not sent; pass --apply to send",
            market.account(),
            updates.len()
        );
        return Ok(());
    }

    let report = market.update_prices(&updates).await?;
    println!(
        "sent {} prices: {} accepted, {} rejected",
        report.len(),
        report.accepted.len(),
        report.rejected.len()
    );
    for r in &report.rejected {
        println!("  rejected {}: {} ({:?})", r.key, r.message, r.stage);
    }

    if let Some(sandbox) = &ozon.sandbox {
        for update in &updates {
            let held = sandbox.price(update.offer_id.as_str());
            if held != Some(update.price) {
                return Err(format!(
                    "the sandbox holds {held:?} for {}, not {}",
                    update.offer_id, update.price
                )
                .into());
            }
        }
        println!("the sandbox holds every price published");
    }
    if report.rejected.is_empty() {
        Ok(())
    } else {
        Err(format!("{} prices rejected", report.rejected.len()).into())
    }
}
