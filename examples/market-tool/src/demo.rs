//! `market demo`: the seller's whole job against the Ozon sandbox, in a few seconds.
//!
//! Always a sandbox: one started here, or the one at `--base-url` with the sandbox
//! credentials; never the account in `OZON_CLIENT_ID`/`OZON_API_KEY`, since the demo changes
//! stocks and prices and ships an order.

use std::io::Stdout;
use std::time::Instant;

use market_core::helpers::{
    ChannelPricing, Kit, MemoryLinkStore, OrderImporter, Rounding, StockPolicy, channel_price,
};
use market_core::{
    BatchReport, DeliveryScheme, LabelFormat, Lifecycle, Marketplace, OrderId, PriceUpdate,
    StockUpdate, Warehouse,
};
use rust_decimal::Decimal;

use crate::Failure;
use crate::cli::Global;
use crate::common::{self, BLOCKED_OFFER, KIT_COMPONENTS, KIT_OFFER};
use crate::output::{EXIT_OK, Out};

/// Units kept back from every offer.
const SAFETY_RESERVE: u32 = 1;

/// The channel's terms: 15 % commission, 120 roubles of logistics a unit, whole roubles
/// (rounded up, so the margin is never lost), never below 500 roubles.
fn pricing() -> ChannelPricing {
    ChannelPricing::new(Decimal::new(15, 2))
        .with_logistics(Decimal::from(120))
        .with_rounding(Rounding::whole_roubles())
        .with_floor(Decimal::from(500))
}

/// The kit's stock at one warehouse, from its components' stock there.
fn kit_at(warehouse: &Warehouse) -> Kit {
    KIT_COMPONENTS
        .iter()
        .fold(Kit::new(KIT_OFFER), |kit, (component, per_kit)| {
            kit.with_component(
                *component,
                *per_kit,
                common::on_hand(component, warehouse.id.as_str()),
            )
        })
}

fn rejected_line(what: &str, report: &BatchReport) -> String {
    match report.rejected.first() {
        None => String::new(),
        Some(r) => format!(" (first rejected: {what} {}: {})", r.key, r.message),
    }
}

/// Runs the demo; prints a short summary on stdout, details on stderr.
pub async fn run(global: &Global, out: &mut Out<Stdout>) -> Result<u8, Failure> {
    let started = Instant::now();
    let window = global.window(chrono::Utc::now()).map_err(Failure::usage)?;
    if global.marketplace != crate::cli::MarketplaceArg::Ozon {
        return Err(Failure::usage(
            "demo runs on the Ozon sandbox only; try the other commands with --marketplace",
        ));
    }
    let base_url = global.base_url.clone().or_else(|| {
        std::env::var("OZON_BASE_URL")
            .ok()
            .filter(|s| !s.is_empty())
    });
    let ozon = common::sandbox(base_url)
        .await
        .map_err(Failure::call("sandbox client"))?;
    let market: &dyn Marketplace = &ozon.client;
    let mut summary = Vec::new();

    // 1. Warehouses.
    let warehouses: Vec<Warehouse> = market
        .warehouses()
        .await
        .map_err(Failure::call("warehouses"))?
        .into_iter()
        .filter(|w| w.active)
        .collect();
    let Some(first_wh) = warehouses.first().cloned() else {
        return Err(Failure::error(
            "warehouses: the sandbox has no active warehouse",
        ));
    };
    summary.push(format!(
        "warehouses: {} active ({})",
        warehouses.len(),
        warehouses
            .iter()
            .map(|w| format!("{} {} {}", w.id, w.name, crate::output::name_of(&w.scheme)))
            .collect::<Vec<_>>()
            .join(", ")
    ));

    // 2. Stocks: the ERP's stock on hand, the kit from its components, a reserve of one unit,
    //    the blocked offer at zero.
    let offers = common::catalogue(&ozon.client)
        .await
        .map_err(Failure::call("catalogue"))?;
    let policy = StockPolicy::new()
        .with_safety_reserve(SAFETY_RESERVE)
        .with_blocked(BLOCKED_OFFER);
    let mut on_hand = Vec::with_capacity(offers.len() * warehouses.len());
    let mut kit_stock = Vec::new();
    for w in &warehouses {
        let kit = kit_at(w);
        let kit_units = kit
            .stock()
            .map_err(|e| Failure::error(format!("kit {KIT_OFFER}: {e}")))?;
        kit_stock.push((w.id.clone(), kit_units));
        for offer in &offers {
            let units = if offer == KIT_OFFER {
                i64::try_from(kit_units).unwrap_or(i64::MAX)
            } else {
                common::on_hand(offer, w.id.as_str())
            };
            on_hand.push(StockUpdate::new(offer.as_str(), w.id.clone(), units));
        }
    }
    let stocks = policy.apply(on_hand);
    let report = market
        .update_stocks(&stocks)
        .await
        .map_err(Failure::call("stocks"))?;
    common::note(&crate::output::batch_summary("stocks", &report));
    let published = |offer: &str| {
        stocks
            .iter()
            .find(|s| s.offer_id.as_str() == offer && s.warehouse_id.as_ref() == Some(&first_wh.id))
            .map_or(0, |s| s.quantity)
    };
    let components = KIT_COMPONENTS
        .iter()
        .map(|(c, per)| {
            format!(
                "{c} {} on hand / {per} per kit",
                common::on_hand(c, first_wh.id.as_str())
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    summary.push(format!(
        "stocks: {} items for {} offers x {} warehouses, {} accepted, {} rejected{}",
        report.len(),
        offers.len(),
        warehouses.len(),
        report.accepted.len(),
        report.rejected.len(),
        rejected_line("stock", &report)
    ));
    summary.push(format!(
        "  kit {KIT_OFFER} at {}: {components} -> {} kits, {} published after a reserve of {SAFETY_RESERVE}; {BLOCKED_OFFER} blocked: {} published ({} on hand)",
        first_wh.id,
        kit_stock.first().map_or(0, |(_, k)| *k),
        published(KIT_OFFER),
        published(BLOCKED_OFFER),
        common::on_hand(BLOCKED_OFFER, first_wh.id.as_str()),
    ));
    if let Some(sandbox) = &ozon.sandbox
        && let Ok(id) = first_wh.id.as_str().parse::<i64>()
    {
        let held = |offer: &str| sandbox.stock(offer, ozon_api::WarehouseId(id));
        if held(KIT_OFFER) != Some(published(KIT_OFFER)) || held(BLOCKED_OFFER) != Some(0) {
            return Err(Failure::error(format!(
                "stocks: the sandbox holds {KIT_OFFER}={:?} {BLOCKED_OFFER}={:?}, not what was pushed",
                held(KIT_OFFER),
                held(BLOCKED_OFFER)
            )));
        }
    }

    // 3. Prices: what the seller wants to receive, grossed up for the channel.
    let pricing = pricing();
    let mut prices = Vec::with_capacity(offers.len());
    for offer in &offers {
        let base = common::base_price(offer);
        let price = channel_price(base, &pricing)
            .map_err(|e| Failure::error(format!("price of offer {offer}: {e}")))?;
        prices.push(PriceUpdate::new(offer.as_str(), price));
    }
    let report = market
        .update_prices(&prices)
        .await
        .map_err(Failure::call("prices"))?;
    common::note(&crate::output::batch_summary("prices", &report));
    let example = prices
        .iter()
        .find(|p| common::base_price(p.offer_id.as_str()) > Decimal::from(400))
        .or(prices.first());
    summary.push(format!(
        "prices: {} offers at base / (1 - 0.15) + 120, whole roubles up, floor 500: {} accepted, {} rejected{}{}",
        prices.len(),
        report.accepted.len(),
        report.rejected.len(),
        example.map_or(String::new(), |p| format!(
            "; e.g. {} {} -> {}",
            p.offer_id,
            common::base_price(p.offer_id.as_str()),
            p.price
        )),
        rejected_line("price", &report)
    ));

    // 4. Orders into the ERP, twice over the same window: the second import creates nothing.
    let importer = OrderImporter::new(MemoryLinkStore::new());
    let erp = common::Erp::default();
    let first = importer
        .import(market, window, &erp)
        .await
        .map_err(Failure::call("import"))?;
    let second = importer
        .import(market, window, &erp)
        .await
        .map_err(Failure::call("import"))?;
    for (n, r) in [(1, &first), (2, &second)] {
        if let Some(e) = &r.stream_error {
            return Err(Failure::error(format!(
                "import {n}: the order stream failed: {e}"
            )));
        }
        if let Some((id, e)) = r.failed.first() {
            return Err(Failure::error(format!("import {n}: order {id}: {e}")));
        }
    }
    summary.push(format!(
        "orders: first import created {}, second import created {} ({} unchanged); the ERP holds {} orders, {} links",
        first.created.len(),
        second.created.len(),
        second.unchanged,
        erp.len(),
        importer.store().len()
    ));
    if !second.created.is_empty() || erp.len() != first.created.len() {
        return Err(Failure::error(format!(
            "import: duplicates: the second import created {} orders",
            second.created.len()
        )));
    }

    // 5. Ship one order awaiting packaging, and fetch its label.
    let waiting = |o: &market_core::Order| {
        o.status.lifecycle == Lifecycle::AwaitingPackaging && o.scheme == DeliveryScheme::Fbs
    };
    let mut candidate: Option<OrderId> = erp
        .orders()
        .into_iter()
        .map(|(_, o)| o)
        .find(|o| waiting(o))
        .map(|o| o.id);
    if candidate.is_none()
        && let Some(sandbox) = &ozon.sandbox
    {
        candidate = sandbox
            .add_orders(1)
            .first()
            .map(|p| OrderId::from(p.as_str()));
    }
    let Some(id) = candidate else {
        return Err(Failure::error("ship: no FBS order awaiting packaging"));
    };
    market
        .ship_order(&id)
        .await
        .map_err(Failure::call(format!("ship order {id}")))?;
    let after = market
        .order(&id)
        .await
        .map_err(Failure::call(format!("order {id}")))?;
    let label = market
        .label(&id)
        .await
        .map_err(Failure::call(format!("label of order {id}")))?;
    let sniffed = LabelFormat::sniff(&label.bytes);
    if sniffed != Some(LabelFormat::Pdf) {
        return Err(Failure::error(format!(
            "label of order {id}: not a PDF ({} bytes, looks like {sniffed:?})",
            label.bytes.len()
        )));
    }
    summary.push(format!(
        "ship: order {id} awaiting_packaging -> {}; label: {} bytes, a PDF",
        after.status.raw,
        label.bytes.len()
    ));
    summary.push(format!(
        "done in {:.1} s{}",
        started.elapsed().as_secs_f64(),
        ozon.sandbox.as_ref().map_or(String::new(), |s| format!(
            ", {} requests to the sandbox",
            s.requests().total()
        ))
    ));

    for line in &summary {
        out.line(line)?;
    }
    Ok(EXIT_OK)
}
