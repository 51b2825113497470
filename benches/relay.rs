//! A sale's peak through `market relay`: 800 new orders from the Ozon emulator into the
//! RetailCRM emulator, with the clients' real rate limiters on (RetailCRM: 10 requests a
//! second per key, enforced by the emulator with 503s as RetailCRM does; Ozon: 50 a second).
//!
//! ```sh
//! cargo bench --bench relay
//! ```
//!
//! Prints the wall time of opening the relay (the mapping checked against the reference
//! books, the history's end found) and of two rounds (the first creates the 800 orders, the
//! second finds them all), the RetailCRM requests of each by operation (from the emulator's
//! request log: a request refused over quota and repeated would be counted twice), and checks
//! that the CRM holds exactly the 800 orders, each once under its `ozon:` external id.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout
)]

use std::collections::{BTreeMap, HashSet};
use std::time::Instant;

use market::core::{Marketplace, TimeWindow};
use market::ozon::sandbox::{Sandbox as OzonSandbox, SandboxConfig as OzonConfig};
use market::retailcrm::sandbox::{Sandbox as CrmSandbox, SandboxConfig as CrmConfig};
use market_examples_common as common;
use market_tool::relay::{Mapping, Relay};

const ORDERS: usize = 800;

fn delta(after: &[(String, usize)], before: &[(String, usize)]) -> BTreeMap<String, usize> {
    let before: BTreeMap<_, _> = before.iter().cloned().collect();
    after
        .iter()
        .filter_map(|(op, n)| {
            let d = n - before.get(op).copied().unwrap_or(0);
            (d > 0).then(|| (op.clone(), d))
        })
        .collect()
}

fn show(what: &str, seconds: f64, requests: &BTreeMap<String, usize>) {
    let total: usize = requests.values().sum();
    println!("{what}: {seconds:.2} s, {total} RetailCRM requests");
    for (op, n) in requests {
        println!("    {n:>4}  {op}");
    }
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let ozon = OzonSandbox::start_with(OzonConfig {
        fbs_orders: 0,
        fbo_orders: 0,
        ..OzonConfig::default()
    })
    .await;
    let postings: HashSet<String> = ozon
        .add_orders(ORDERS)
        .into_iter()
        .map(|p| format!("ozon:{p}"))
        .collect();
    assert_eq!(postings.len(), ORDERS);
    let crm = CrmSandbox::start_with(CrmConfig {
        offers: common::RETAILCRM_SANDBOX_OFFERS,
        ..CrmConfig::default()
    })
    .await;
    common::seed_retailcrm(&crm);
    // The clients as the tool builds them: default settings, rate limiters on.
    let shop = ozon.client().unwrap();
    let channels: [&dyn Marketplace; 1] = [&shop];
    let window = TimeWindow::last(chrono::TimeDelta::days(1));

    let started = Instant::now();
    let mut relay = Relay::open(crm.client().unwrap(), Mapping::defaults("shop"), None)
        .await
        .unwrap();
    let opened = crm.requests().snapshot();
    show(
        "open (mapping checked, history end found)",
        started.elapsed().as_secs_f64(),
        &delta(&opened, &[]),
    );

    let started = Instant::now();
    let first = relay.round(&channels, window).await.unwrap();
    let seconds = started.elapsed().as_secs_f64();
    let after_first = crm.requests().snapshot();
    println!(
        "round 1: {} orders read, {} created, {} already there, {} rejected",
        first.orders_read,
        first.created.len(),
        first.already_there.len(),
        first.rejected.len()
    );
    show("round 1", seconds, &delta(&after_first, &opened));
    assert_eq!(first.created.len(), ORDERS, "{:?}", first.rejected.first());

    let started = Instant::now();
    let second = relay.round(&channels, window).await.unwrap();
    let seconds = started.elapsed().as_secs_f64();
    let after_second = crm.requests().snapshot();
    println!(
        "round 2: {} orders read, {} created, {} already there, {} rejected",
        second.orders_read,
        second.created.len(),
        second.already_there.len(),
        second.rejected.len()
    );
    show("round 2", seconds, &delta(&after_second, &after_first));
    assert!(second.created.is_empty());
    assert_eq!(second.already_there.len(), ORDERS);

    let state = crm.state();
    let keys: Vec<String> = state
        .orders
        .iter()
        .filter_map(|o| o.external_id.clone())
        .collect();
    let distinct: HashSet<String> = keys.iter().cloned().collect();
    println!(
        "RetailCRM holds {} orders, {} distinct external ids, {} duplicates; all {} Ozon postings there: {}",
        state.orders.len(),
        distinct.len(),
        keys.len() - distinct.len(),
        ORDERS,
        distinct == postings
    );
    assert_eq!(state.orders.len(), ORDERS);
    assert_eq!(distinct, postings);
    println!(
        "Ozon requests: {} (the listing, twice)",
        ozon.requests().total()
    );
}
