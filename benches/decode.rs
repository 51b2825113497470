//! Typed decode against a bare `serde_json::Value` parse of the same bytes, per vendor, on its
//! largest realistic page (issue 16): Ozon 1,000 FBS postings (`POST /v4/posting/fbs/list`,
//! financial and analytics data included), WB 1,000 assembly tasks (`GET /api/v3/orders`),
//! Yandex Market 50 business orders (`getBusinessOrders`, its page maximum).
//!
//! Each page is the vendor's own example answer of the operation in the crate's spec snapshot
//! (its values: money strings, statuses, dates), or the schema's example instance where the
//! spec has none, its list repeated to the page size.
//! Criterion prints the throughput (MiB/s) of both decodes; the last lines print the ratio of
//! typed to `Value` throughput per vendor (target: at least 1).
//!
//! Run: `cargo bench --bench decode`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use std::path::Path;

use criterion::{Criterion, Throughput};
use market_core::contract::harness::{self, Spec};
use serde::de::DeserializeOwned;
use serde_json::Value;

/// One vendor's page: its bytes and how to decode them.
struct Page {
    vendor: &'static str,
    bytes: Vec<u8>,
    typed: fn(&[u8]),
}

fn typed<T: DeserializeOwned>(bytes: &[u8]) {
    let value: T = serde_json::from_slice(bytes).unwrap();
    std::hint::black_box(value);
}

/// The maximal answer of `op` with the list at `pointer` repeated to `n` items.
fn page(spec: &Spec, op: &str, pointer: &str, n: usize) -> Vec<u8> {
    // The vendor's own example (realistic values: money strings, statuses, dates), else the
    // schema's example instance.
    let mut answer = spec
        .response_example(op)
        .unwrap_or_else(|| spec.example_instance(spec.response_schema(op)));
    let list = answer.pointer_mut(pointer).unwrap();
    let item = list.as_array().unwrap()[0].clone();
    *list = Value::Array(vec![item; n]);
    serde_json::to_vec(&answer).unwrap()
}

fn pages() -> Vec<Page> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let ozon = Spec::load(root.join("ozon-api/spec/seller-api.2026-06.json"));
    let wb = Spec::sections(harness::read_sections(root.join("wb-api/spec/2026-08")));
    let ym = Spec::load(root.join("yandex-market-api/spec/openapi.trimmed.json")).with_formats(
        |format| match format {
            "time" => Some(Value::from("09:00")),
            "date-dd-MM-yyyy" => Some(Value::from("23-11-2026")),
            "date-dd-MM-yyyy-HH-mm-ss" => Some(Value::from("23-11-2026 10:15:30")),
            _ => None,
        },
    );
    vec![
        Page {
            vendor: "ozon_fbs_1000",
            bytes: page(&ozon, "POST /v4/posting/fbs/list", "/postings", 1000),
            typed: typed::<ozon_api::models::fbs::FbsPostingListResponse>,
        },
        Page {
            vendor: "wb_orders_1000",
            bytes: page(&wb, "GET /api/v3/orders", "/orders", 1000),
            typed: typed::<wb_api::models::orders::OrdersResponse>,
        },
        Page {
            vendor: "ym_business_orders_50",
            bytes: page(&ym, "getBusinessOrders", "/orders", 50),
            typed: typed::<yandex_market_api::models::orders::BusinessOrdersResponse>,
        },
    ]
}

fn throughput(group: &str, name: &str) -> Option<f64> {
    let dir = std::env::var("CARGO_TARGET_DIR")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/target").to_owned());
    let path = format!("{dir}/criterion/{group}/{name}/new/estimates.json");
    let v: Value = serde_json::from_slice(&std::fs::read(path).ok()?).ok()?;
    v["median"]["point_estimate"].as_f64()
}

fn main() {
    let mut c = Criterion::default().configure_from_args();
    let pages = pages();
    for p in &pages {
        // Both decodes must succeed before they are timed.
        (p.typed)(&p.bytes);
        let _: Value = serde_json::from_slice(&p.bytes).unwrap();
        let mut group = c.benchmark_group(p.vendor);
        group.throughput(Throughput::Bytes(p.bytes.len() as u64));
        group.bench_function("typed", |b| b.iter(|| (p.typed)(&p.bytes)));
        group.bench_function("value", |b| {
            b.iter(|| {
                let v: Value = serde_json::from_slice(&p.bytes).unwrap();
                std::hint::black_box(v);
            })
        });
        group.finish();
    }
    c.final_summary();
    for p in &pages {
        let mb = p.bytes.len() as f64 / 1e6;
        if let (Some(t), Some(v)) = (throughput(p.vendor, "typed"), throughput(p.vendor, "value")) {
            // Medians in ns per page: MB/s = bytes / ns * 1e3.
            println!(
                "{}: {:.2} MB page; typed {:.0} MB/s, Value {:.0} MB/s, typed/Value {:.2}",
                p.vendor,
                mb,
                mb / (t / 1e9),
                mb / (v / 1e9),
                v / t
            );
        }
    }
}
