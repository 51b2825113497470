//! Stock sync: publish the stock on hand to Ozon, with a kit, a blocked offer and a safety
//! reserve.
//!
//! What it shows:
//! - a kit (`SKU-0001` = 2 × `BALL` + 1 × `BASKET`) whose stock follows from its components'
//!   stock at each warehouse, through `market::core::helpers::Kit`;
//! - `StockPolicy`: one unit kept back from every offer, and a blocked offer (`SKU-0002`,
//!   recalled) published at zero whatever is on hand;
//! - one `update_stocks` call through the `Marketplace` trait for every offer at every
//!   warehouse: split at Ozon's 100 a request, rejected items named in the report.
//!
//! Run it:
//! - `cargo run --example sync_stocks`: no account needed, a local Ozon sandbox is started and
//!   the stocks it then holds are checked;
//! - with `OZON_CLIENT_ID` and `OZON_API_KEY` set: a dry run on your account (it prints what it
//!   would publish); `cargo run --example sync_stocks -- --apply` sends it. The stock on hand
//!   comes from `common::on_hand`, a stand-in: put your ERP's numbers there first.
#![allow(clippy::print_stdout)]

use market_examples_common as common;

use std::process::ExitCode;

use market::core::helpers::{Kit, StockPolicy};
use market::core::{Marketplace, StockUpdate, WarehouseId};

use common::{BLOCKED_OFFER, KIT_COMPONENTS, KIT_OFFER};

/// Units kept back from every offer.
const SAFETY_RESERVE: u32 = 1;

#[tokio::main]
async fn main() -> ExitCode {
    common::init_tracing();
    match run().await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            common::note(&format!("sync_stocks: {e}"));
            ExitCode::FAILURE
        }
    }
}

async fn run() -> Result<(), Box<dyn std::error::Error>> {
    let ozon = common::ozon(None).await?;
    let market: &dyn Marketplace = &ozon.client;

    // Where to publish: every active warehouse (FBS and rFBS alike take seller stock).
    let warehouses: Vec<WarehouseId> = market
        .warehouses()
        .await?
        .into_iter()
        .filter(|w| w.active)
        .map(|w| w.id)
        .collect();
    // What to publish: every article of the catalogue.
    let offers = common::catalogue(&ozon.client).await?;

    // The stock on hand, per warehouse; the kit's from its components there.
    let mut on_hand = Vec::with_capacity(offers.len() * warehouses.len());
    for warehouse in &warehouses {
        let kit = KIT_COMPONENTS
            .iter()
            .fold(Kit::new(KIT_OFFER), |kit, (component, per_kit)| {
                let available = common::on_hand(component, warehouse.as_str());
                kit.with_component(*component, *per_kit, available)
            });
        let kits = i64::try_from(kit.stock()?)?;
        println!(
            "warehouse {warehouse}: kit {KIT_OFFER} = {kits} ({})",
            kit.components
                .iter()
                .map(|c| format!(
                    "{} {} on hand, {} per kit",
                    c.offer_id, c.available, c.per_kit
                ))
                .collect::<Vec<_>>()
                .join("; ")
        );
        for offer in &offers {
            let units = if offer == KIT_OFFER {
                kits
            } else {
                common::on_hand(offer, warehouse.as_str())
            };
            on_hand.push(StockUpdate::new(offer.as_str(), warehouse.clone(), units));
        }
    }

    // What to publish: a reserve kept back, the blocked offer at zero.
    let policy = StockPolicy::new()
        .with_safety_reserve(SAFETY_RESERVE)
        .with_blocked(BLOCKED_OFFER);
    let updates = policy.apply(on_hand.clone());
    for (before, after) in on_hand.iter().zip(&updates) {
        if [KIT_OFFER, BLOCKED_OFFER].contains(&before.offer_id.as_str()) {
            println!(
                "  {} at {}: {} on hand -> {} published{}",
                before.offer_id,
                before
                    .warehouse_id
                    .as_ref()
                    .map(|w| w.as_str())
                    .unwrap_or("-"),
                before.quantity,
                after.quantity,
                if policy.is_blocked(&before.offer_id) {
                    " (blocked)"
                } else {
                    ""
                }
            );
        }
    }

    if ozon.is_account() && !common::has_flag("--apply") {
        println!(
            "dry run on account {}: {} stocks for {} offers at {} warehouses not sent; pass --apply to send",
            market.account(),
            updates.len(),
            offers.len(),
            warehouses.len()
        );
        return Ok(());
    }

    let report = market.update_stocks(&updates).await?;
    println!(
        "sent {} stocks: {} accepted, {} rejected",
        report.len(),
        report.accepted.len(),
        report.rejected.len()
    );
    for r in &report.rejected {
        println!("  rejected {}: {} ({:?})", r.key, r.message, r.stage);
    }

    // In the sandbox, read back what it now holds.
    if let Some(sandbox) = &ozon.sandbox {
        for update in updates
            .iter()
            .filter(|u| [KIT_OFFER, BLOCKED_OFFER].contains(&u.offer_id.as_str()))
        {
            let warehouse = update
                .warehouse_id
                .as_ref()
                .map(|w| w.as_str().parse::<i64>())
                .transpose()?
                .unwrap_or_default();
            let held = sandbox.stock(
                update.offer_id.as_str(),
                market::ozon::WarehouseId(warehouse),
            );
            if held != Some(update.quantity) {
                return Err(format!(
                    "the sandbox holds {held:?} of {} at {warehouse}, not {}",
                    update.offer_id, update.quantity
                )
                .into());
            }
        }
        println!("the sandbox holds what was published");
    }
    if report.rejected.is_empty() {
        Ok(())
    } else {
        Err(format!("{} stocks rejected", report.rejected.len()).into())
    }
}
