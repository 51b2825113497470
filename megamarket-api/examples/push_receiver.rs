//! The push receiver against the emulator's pushes: Megamarket (here the local emulator)
//! posts a new order and then a cancellation to the seller's receiver, which hands each event
//! to the seller's callback once; the seller answers them through the pull API (confirms the
//! new shipment, accepts the cancellation). No account, no network: everything is on
//! 127.0.0.1, and the program ends by itself.
//!
//! Run it with
//! `cargo run -p megamarket-api --example push_receiver --features receiver,sandbox`.
#![allow(clippy::print_stdout)]

use std::time::Duration;

use megamarket_api::Marketplace;
use megamarket_api::models::orders::{CancelResultItem, CancelResultShipment, OrderCancelResult};
use megamarket_api::push::Push;
use megamarket_api::receiver::Receiver;
use megamarket_api::sandbox::{NewShipment, Sandbox};
use tokio::sync::{mpsc, oneshot};

type Error = Box<dyn std::error::Error + Send + Sync>;

#[tokio::main]
async fn main() -> Result<(), Error> {
    // Megamarket's side: the emulator, with one FBS shipment a buyer just ordered.
    let sandbox = Sandbox::start(Default::default()).await;
    let shipment = sandbox.add_shipment(NewShipment::fbs(&[("SKU-1", 1, 1990), ("SKU-2", 2, 490)]));
    let mm = sandbox.client()?;

    // The seller's side: a receiver on a loopback port whose callback passes each event on
    // (a real seller stores it; an error makes Megamarket send the push again).
    let (events, mut inbox) = mpsc::unbounded_channel::<Push>();
    let receiver = Receiver::new(move |event: Push| {
        let events = events.clone();
        async move {
            events
                .send(event)
                .map_err(|_| "the seller stopped listening")
        }
    });
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let url = format!("http://{}", listener.local_addr()?);
    let (stop, stopped) = oneshot::channel::<()>();
    let server = tokio::spawn(receiver.serve(listener, async move {
        let _ = stopped.await;
    }));
    println!("receiver listening on {url} (POST /order/new, /order/cancel)");

    // Megamarket pushes the new order, and repeats it as it does when an answer is late.
    for attempt in 1..=2 {
        let taken = sandbox.push_order_new(&url, &shipment).await?;
        println!("push order/new #{attempt}: the receiver answered success={taken}");
    }
    let Push::OrderNew(new) = next(&mut inbox).await? else {
        return Err("expected order/new".into());
    };
    for s in &new.shipments {
        println!(
            "callback: new {} shipment {} with {} item(s)",
            if s.is_dbs() { "DBS" } else { "FBS" },
            s.shipment_id,
            s.items.len()
        );
        for item in &s.items {
            println!(
                "  item {}: {} x{} at {} RUB",
                item.item_index,
                item.offer_id,
                item.quantity.unwrap_or(1),
                item.final_price.or(item.price).unwrap_or_default()
            );
        }
    }
    // The seller confirms it through the pull API.
    let id = shipment.as_str().into();
    mm.confirm_order(&id).await?;
    let order = mm.order(&id).await?;
    println!(
        "confirmed through order/confirm: shipment {} is {} ({:?})",
        order.id, order.status.raw, order.status.lifecycle
    );

    // The buyer cancels item 2: Megamarket pushes order/cancel, the seller agrees.
    let taken = sandbox.push_order_cancel(&url, &shipment, &["2"]).await?;
    println!("push order/cancel: the receiver answered success={taken}");
    let Push::OrderCancel(cancel) = next(&mut inbox).await? else {
        return Err("expected order/cancel".into());
    };
    for s in &cancel.shipments {
        let items: Vec<&str> = s.items.iter().map(|i| i.item_index.as_str()).collect();
        println!(
            "callback: cancellation of item(s) {items:?} of shipment {}",
            s.shipment_id
        );
        mm.order_cancel_result(&OrderCancelResult {
            shipments: vec![CancelResultShipment {
                shipment_id: s.shipment_id.clone(),
                items: s
                    .items
                    .iter()
                    .map(|i| CancelResultItem {
                        item_index: i.item_index.clone(),
                        canceled: true,
                    })
                    .collect(),
            }],
        })
        .await?;
    }
    println!("answered through order/cancelResult; order/get now says:");
    for s in mm.order_get(std::slice::from_ref(&shipment)).await? {
        for item in &s.items {
            println!(
                "  item {} ({}): {:?}",
                item.item_index, item.offer_id, item.status
            );
        }
    }
    if inbox.try_recv().is_ok() {
        return Err("the repeated push reached the callback twice".into());
    }
    println!("the repeated order/new reached the callback once");

    let _ = stop.send(());
    server.await??;
    println!("receiver stopped");
    Ok(())
}

/// The next event the callback passed on (giving up after a few seconds).
async fn next(inbox: &mut mpsc::UnboundedReceiver<Push>) -> Result<Push, Error> {
    tokio::time::timeout(Duration::from_secs(10), inbox.recv())
        .await?
        .ok_or_else(|| "the receiver stopped".into())
}
