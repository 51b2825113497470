//! Streaming a million orders in bounded memory: the WB order list (`GET /api/v3/orders`,
//! 1000 a page by the `next` cursor) read to the end through `list_stream`, against a local
//! server that makes each page on request (so the server holds no million orders either).
//!
//! ```sh
//! cargo bench --bench stream
//! ```
//!
//! Prints the orders read, the time, and the process's peak resident memory (Linux `VmHWM`)
//! before and after: a client that kept what it streamed would need hundreds of megabytes
//! (a WB order is about 600 bytes of JSON); a stream keeps one page at a time.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout
)]

use std::time::Instant;

use futures::StreamExt;
use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

/// Pages of synthetic assembly tasks: page `next = n` holds ids `n + 1 ..= n + 1000`, the last
/// page ends with `next = 0`.
struct Pages {
    total: i64,
}

impl Respond for Pages {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let next: i64 = request
            .url
            .query_pairs()
            .find(|(k, _)| k == "next")
            .and_then(|(_, v)| v.parse().ok())
            .unwrap_or(0);
        let end = (next + 1000).min(self.total);
        let orders: Vec<Value> = (next + 1..=end)
            .map(|id| {
                json!({
                    "id": id,
                    "rid": format!("rid-{id}"),
                    "orderUid": format!("uid-{id}"),
                    "article": format!("SKU-{:04}", id % 40),
                    "nmId": 100_000_000 + id % 40,
                    "chrtId": 200_000_000 + id % 40,
                    "warehouseId": 1_000_001,
                    "createdAt": "2026-11-20T10:00:00Z",
                    "price": 129_900,
                    "convertedPrice": 129_900,
                    "currencyCode": 643,
                    "convertedCurrencyCode": 643,
                    "cargoType": 1,
                    "deliveryType": "fbs",
                    "skus": [format!("20000000{id:05}")],
                    "offices": ["Коледино"],
                })
            })
            .collect();
        let next = if end >= self.total { 0 } else { end };
        ResponseTemplate::new(200).set_body_json(json!({"next": next, "orders": orders}))
    }
}

/// The process's peak resident memory in KiB (Linux), or 0 where unknown.
fn peak_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

fn main() {
    // `cargo test --benches` runs this without `--bench`: keep that quick.
    let total: i64 = if std::env::args().any(|a| a == "--bench") {
        1_000_000
    } else {
        20_000
    };
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let server = MockServer::builder()
            .disable_request_recording()
            .start()
            .await;
        Mock::given(method("GET"))
            .and(path("/api/v3/orders"))
            .respond_with(Pages { total })
            .mount(&server)
            .await;
        let wb = market::wb::Client::builder("bench-token")
            .base_url(server.uri())
            .without_rate_limits()
            .build()
            .unwrap();
        let before = peak_kib();
        let started = Instant::now();
        let now = chrono::Utc::now();
        let mut stream = wb.orders().list_stream(market::wb::models::orders::OrdersWindow::between(
            now - chrono::TimeDelta::days(30),
            now,
        ));
        let (mut count, mut kopecks) = (0u64, 0i64);
        while let Some(order) = stream.next().await {
            let order = order.unwrap();
            count += 1;
            kopecks += order.price;
        }
        let after = peak_kib();
        println!(
            "streamed {count} orders ({} pages) in {:.1} s; sum {} roubles; peak RSS {} MiB before, {} MiB after (+{} MiB)",
            count.div_ceil(1000),
            started.elapsed().as_secs_f64(),
            kopecks / 100,
            before / 1024,
            after / 1024,
            after.saturating_sub(before) / 1024
        );
        assert_eq!(count, u64::try_from(total).unwrap());
    });
}
