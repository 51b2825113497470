//! Quotas: how close each client gets to its vendor's documented quota against that vendor's
//! emulator, and how many "over quota" answers it provokes on the way (the target: the quota
//! reached within 5 %, no 429/420).
//!
//! ```sh
//! cargo bench --bench quotas
//! ```
//!
//! Each run calls one method in a loop for a fixed time, one call at a time, with the client's
//! default settings (its limiter on, retries on), and prints: successful calls, the quota's
//! capacity over that time (what the emulator lets through at most), their ratio, and the
//! over-quota answers (requests the emulator received minus successful calls). Real time is
//! used: the emulators count in real time.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::print_stdout
)]

use std::time::{Duration, Instant};

use market::core::transport::RateLimit;

/// One measured run.
struct Run {
    vendor: &'static str,
    what: &'static str,
    seconds: f64,
    ok: usize,
    capacity: f64,
    received: usize,
}

impl Run {
    fn print(&self) {
        let ratio = self.ok as f64 / self.capacity;
        let over = self.received.saturating_sub(self.ok);
        println!(
            "{:<14} {:<44} {:>5.1} s  {:>5} ok / {:>6.0} capacity = {:>5.3}  over-quota answers: {}",
            self.vendor, self.what, self.seconds, self.ok, self.capacity, ratio, over
        );
    }
}

/// Calls `call` for `duration`, one at a time; the number of successes.
async fn drive<F, Fut>(duration: Duration, mut call: F) -> usize
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = bool>,
{
    let start = Instant::now();
    let mut ok = 0;
    while start.elapsed() < duration {
        if call().await {
            ok += 1;
        }
    }
    ok
}

async fn ozon(duration: Duration) -> Run {
    let sandbox = market::ozon::sandbox::Sandbox::start().await;
    let client = sandbox.client().unwrap();
    let ok = drive(duration, || async {
        client.warehouses().list().await.is_ok()
    })
    .await;
    let secs = duration.as_secs_f64();
    Run {
        vendor: "ozon",
        what: "warehouses: 50/s per Client-Id (token bucket)",
        seconds: secs,
        ok,
        // 50 a second; the emulator's bucket starts full (50).
        capacity: 50.0 + 50.0 * secs,
        received: sandbox.requests().total(),
    }
}

async fn wb(duration: Duration) -> Run {
    let sandbox = market::wb::sandbox::Sandbox::start().await;
    let client = sandbox.client().unwrap();
    let ok = drive(duration, || async {
        client.warehouses().list().await.is_ok()
    })
    .await;
    let secs = duration.as_secs_f64();
    Run {
        vendor: "wb",
        what: "seller warehouses: 300/min, burst 20",
        seconds: secs,
        ok,
        capacity: 20.0 + 300.0 * secs / 60.0,
        received: sandbox.requests().total(),
    }
}

async fn yandex_market(duration: Duration) -> Run {
    use market::yandex_market::sandbox::{SANDBOX_CAMPAIGN_ID, Sandbox, SandboxConfig};
    // The documented quota of getCampaign is 5,000 an hour; the emulator is given 100 per
    // 10-second window, so that half a minute shows the quota spent and renewed: the client
    // learns it only from the X-RateLimit-Resource-* headers (`-Until` has one-second
    // resolution, so the shorter the window the more a client waits past its end).
    let sandbox = Sandbox::start_with(SandboxConfig {
        quotas: vec![(
            "getCampaign".into(),
            RateLimit::per(100, Duration::from_secs(10)),
        )],
        ..SandboxConfig::default()
    })
    .await;
    let client = sandbox.client().unwrap();
    let ok = drive(duration, || async {
        client.campaigns().get(SANDBOX_CAMPAIGN_ID).await.is_ok()
    })
    .await;
    let secs = duration.as_secs_f64();
    Run {
        vendor: "yandex-market",
        what: "getCampaign: 100 per 10 s window, from headers",
        seconds: secs,
        ok,
        capacity: 100.0 * (secs / 10.0).ceil(),
        received: sandbox.requests().total(),
    }
}

fn main() {
    // `cargo test --benches` runs this with `--bench` absent: keep that quick.
    let quick = !std::env::args().any(|a| a == "--bench");
    let (short, long) = if quick {
        (Duration::from_millis(500), Duration::from_secs(1))
    } else {
        (Duration::from_secs(5), Duration::from_secs(30))
    };
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        ozon(short).await.print();
        yandex_market(long).await.print();
        wb(long).await.print();
    });
}
