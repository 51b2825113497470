//! Quickstart: a seller's account through the `Marketplace` trait, against the local Ozon
//! sandbox (an emulator speaking Ozon's wire format, with a seeded catalogue and a week of
//! orders): no account, no network.
//!
//! It reads the warehouses, sets the stock of three offers (one of them invalid, rejected by
//! name while the others go), and streams the last week's orders page by page. The same code
//! works on a real account (`market::ozon::Client::new(client_id, api_key)?`) and on any other
//! channel (`market::wb::Client`, `market::yandex_market::Client::campaign`).
//!
//! Run it with `cargo run --example quickstart`. How a vendor is described on market-core:
//! `examples/custom_vendor.rs`.
#![allow(clippy::print_stdout)]

use chrono::TimeDelta;
use futures::TryStreamExt;
use market::core::{Marketplace, OrderQuery, StockUpdate, TimeWindow};
use market::ozon::sandbox::Sandbox;

#[tokio::main]
async fn main() -> market::Result<()> {
    // The emulator, and a client of it (with the sandbox's credentials and address).
    let sandbox = Sandbox::start().await;
    let ozon = sandbox.client()?;
    let market: &dyn Marketplace = &ozon;

    let warehouses = market.warehouses().await?;
    for w in &warehouses {
        println!("warehouse {} {}", w.id, w.name);
    }
    let Some(warehouse) = warehouses.first() else {
        return Err(market::Error::Config("the account has no warehouse".into()));
    };

    // Split at Ozon's 100 a request; an invalid item is rejected by its key, the rest goes.
    let stocks = [
        StockUpdate::new("SKU-0001", warehouse.id.clone(), 7),
        StockUpdate::new("SKU-0002", warehouse.id.clone(), 0),
        StockUpdate::new("SKU-0003", warehouse.id.clone(), -1),
    ];
    let report = market.update_stocks(&stocks).await?;
    println!("stocks: {} accepted", report.accepted.len());
    for r in &report.rejected {
        println!("stocks: {} rejected: {}", r.key, r.message);
    }

    // Every order changed in the window, read lazily, one page at a time.
    let window = TimeWindow::last(TimeDelta::days(7));
    let mut orders = market.orders(OrderQuery::window(window));
    let mut count = 0;
    while let Some(order) = orders.try_next().await? {
        if count < 3 {
            println!(
                "order {} {} {} line(s)",
                order.id,
                order.status,
                order.lines.len()
            );
        }
        count += 1;
    }
    println!("{count} orders in the last 7 days");
    Ok(())
}
