//! The transport's overhead over a bare reqwest + serde_json call on the same local server and
//! payload. Target: ratio <= 1.05 (the limiter on, an unthrottled group; tracing compiled in).
//!
//! Run: `cargo bench -p market-core --bench transport`. It prints criterion's two medians and
//! their ratio, then the ratio of interleaved runs (`BENCH_RUNS`, default 3, of `BENCH_ROUNDS`,
//! default 20,000, rounds: a bare call then a transport call, each timed): the median run and
//! the spread. `NO_TIMEOUT=1` runs the transport without timeouts (as the bare client);
//! `BENCH_CRITERION=0` skips criterion's part (for a profiler).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use std::time::Duration;

use criterion::{Criterion, criterion_group};
use market_core::transport::{HttpSettings, Operation, Transport, Vendor};
use serde::Deserialize;
use serde_json::json;
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

#[derive(Debug)]
struct Bench;

impl Vendor for Bench {
    fn kind(&self) -> market_core::MarketplaceKind {
        market_core::MarketplaceKind::Other("bench".into())
    }
    fn name(&self) -> &'static str {
        "bench"
    }
    fn authorize(&self, headers: &mut http::HeaderMap) -> market_core::Result<()> {
        let mut v = http::HeaderValue::from_static("bench-key");
        v.set_sensitive(true);
        headers.insert("api-key", v);
        Ok(())
    }
    fn rate_limit(&self, _group: &str) -> Option<market_core::transport::RateLimit> {
        // A limit far above what the bench reaches: the limiter's cost is measured, not its wait.
        Some(market_core::transport::RateLimit::per_second(1_000_000))
    }
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Posting {
    posting_number: String,
    status: String,
    #[serde(deserialize_with = "market_core::wire::de::decimal")]
    price: rust_decimal::Decimal,
    quantity: u32,
}

#[allow(dead_code)]
#[derive(Deserialize)]
struct Answer {
    result: Vec<Posting>,
    has_next: bool,
}

static LIST: Operation = Operation::post("list", "/v3/posting/fbs/list");

fn payload() -> serde_json::Value {
    let items: Vec<_> = (0..50)
        .map(|i| json!({"posting_number": format!("0123-{i}"), "status": "awaiting_packaging", "price": "480.000000", "quantity": 1}))
        .collect();
    json!({"result": items, "has_next": false})
}

fn bench(c: &mut Criterion) {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let server = rt.block_on(async {
        let server = MockServer::builder()
            .disable_request_recording()
            .start()
            .await;
        Mock::given(method("POST"))
            .respond_with(ResponseTemplate::new(200).set_body_json(payload()))
            .mount(&server)
            .await;
        server
    });
    let url = format!("{}/v3/posting/fbs/list", server.uri());
    let body = json!({"dir": "ASC", "filter": {"since": "2026-11-01T00:00:00Z"}, "limit": 50});

    let bare = reqwest::Client::builder().gzip(true).build().unwrap();
    let transport = Transport::builder(Bench, &server.uri())
        .unwrap()
        .http(HttpSettings {
            request_timeout: if std::env::var("NO_TIMEOUT").is_ok() {
                None
            } else {
                Some(Duration::from_secs(30))
            },
            connect_timeout: if std::env::var("NO_TIMEOUT").is_ok() {
                None
            } else {
                Some(Duration::from_secs(10))
            },
            ..HttpSettings::default()
        })
        .build()
        .unwrap();

    let criterion = env_or("BENCH_CRITERION", 1) != 0;
    let mut group = c.benchmark_group("transport_overhead");
    if criterion {
        group.bench_function("market_core_transport", |b| {
            b.to_async(&rt).iter(|| async {
                let a: Answer = transport
                    .json(LIST.request().json(&body).unwrap())
                    .await
                    .unwrap();
                a
            })
        });
        group.bench_function("bare_reqwest", |b| {
            b.to_async(&rt).iter(|| async {
                let bytes = bare
                    .post(&url)
                    .header("api-key", "bench-key")
                    .json(&body)
                    .send()
                    .await
                    .unwrap()
                    .bytes()
                    .await
                    .unwrap();
                let a: Answer = serde_json::from_slice(&bytes).unwrap();
                a
            })
        });
    }
    group.finish();

    // Criterion measures the two one after the other, and on a small shared machine the
    // second often runs in a different state (CPU frequency, server warm-up). The ratio is
    // therefore also measured interleaved: bare and transport calls alternate, each timed, in
    // `RUNS` runs of `ROUNDS` rounds; the median run and the spread are printed.
    let rounds: u32 = env_or("BENCH_ROUNDS", 20_000);
    let runs: usize = env_or("BENCH_RUNS", 3);
    let mut ratios = Vec::with_capacity(runs);
    for run in 1..=runs {
        let (bare_total, ours_total) = rt.block_on(async {
            let (mut b, mut o) = (Duration::ZERO, Duration::ZERO);
            for _ in 0..rounds {
                let t0 = std::time::Instant::now();
                let bytes = bare
                    .post(&url)
                    .header("api-key", "bench-key")
                    .json(&body)
                    .send()
                    .await
                    .unwrap()
                    .bytes()
                    .await
                    .unwrap();
                let _: Answer = serde_json::from_slice(&bytes).unwrap();
                let t1 = std::time::Instant::now();
                let _: Answer = transport
                    .json(LIST.request().json(&body).unwrap())
                    .await
                    .unwrap();
                let t2 = std::time::Instant::now();
                b += t1 - t0;
                o += t2 - t1;
            }
            (b, o)
        });
        let ratio = ours_total.as_secs_f64() / bare_total.as_secs_f64();
        println!(
            "interleaved run {run}/{runs}, {rounds} rounds: bare {:.1} µs, market-core {:.1} µs, ratio {ratio:.3}",
            bare_total.as_secs_f64() * 1e6 / f64::from(rounds),
            ours_total.as_secs_f64() * 1e6 / f64::from(rounds),
        );
        ratios.push(ratio);
    }
    ratios.sort_by(f64::total_cmp);
    if let (Some(lo), Some(hi)) = (ratios.first(), ratios.last()) {
        println!(
            "interleaved ratio: median {:.3} of {runs} runs (spread {lo:.3}..{hi:.3}; target <= 1.05)",
            ratios[ratios.len() / 2]
        );
    }
}

fn env_or<T: std::str::FromStr>(name: &str, default: T) -> T {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

criterion_group!(benches, bench);

fn median_ns(name: &str) -> Option<f64> {
    let dir = std::env::var("CARGO_TARGET_DIR")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../target").to_owned());
    let path = format!("{dir}/criterion/transport_overhead/{name}/new/estimates.json");
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(path).ok()?).ok()?;
    v["median"]["point_estimate"].as_f64()
}

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    if env_or("BENCH_CRITERION", 1) == 0 {
        return;
    }
    if let (Some(bare), Some(ours)) = (
        median_ns("bare_reqwest"),
        median_ns("market_core_transport"),
    ) {
        println!(
            "criterion medians: bare {:.1} µs, market-core {:.1} µs, ratio {:.3}",
            bare / 1000.0,
            ours / 1000.0,
            ours / bare
        );
    }
}
