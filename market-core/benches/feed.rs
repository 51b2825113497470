//! Writing a 100,000-offer YML feed to a sink that discards the bytes: the writer's throughput
//! (validation, escaping, rendering), in MB/s.
//!
//! Run: `cargo bench -p market-core --bench feed`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use std::io;

use chrono::{FixedOffset, TimeZone};
use criterion::{Criterion, Throughput, criterion_group};
use market_core::feed::{
    Dialect, FeedCategory, FeedOffer, FeedOptions, Outlet, Param, Shop, YmlWriter,
};
use rust_decimal::Decimal;

const OFFERS: usize = 100_000;

fn shop() -> Shop {
    let mut shop = Shop::new(
        "Bench",
        "Bench LLC",
        "https://bench.example/".parse().unwrap(),
    );
    shop.categories.push(FeedCategory::root("1", "Root"));
    for i in 2..=50 {
        shop.categories.push(FeedCategory::child(
            i.to_string(),
            "1",
            format!("Category {i}"),
        ));
    }
    shop
}

fn offer(i: usize) -> FeedOffer {
    let mut o = FeedOffer::new(
        format!("SKU-{i:07}"),
        format!("Чайник электрический Bench {i} & Co, 1.7 л"),
        ((i % 49) + 2).to_string(),
        Decimal::from(1000 + (i % 5000) as i64),
    );
    o.pictures = vec![
        format!("https://img.bench.example/{i}/1.jpg")
            .parse()
            .unwrap(),
        format!("https://img.bench.example/{i}/2.jpg")
            .parse()
            .unwrap(),
    ];
    o.vendor = Some("Bench".into());
    o.description = Some("Корпус из нержавеющей стали <1.7 л>, автоотключение.".into());
    o.params = vec![
        Param::new("Цвет", "серебристый"),
        Param::new("Объём", "1.7").with_unit("л"),
    ];
    o.barcodes = vec!["4601234567893".into()];
    o.outlets = vec![Outlet {
        id: "1".into(),
        instock: (i % 40) as i64,
    }];
    o
}

fn write_all(offers: &[FeedOffer], shop: &Shop) -> u64 {
    let date = FixedOffset::east_opt(3 * 3600)
        .unwrap()
        .with_ymd_and_hms(2026, 12, 7, 10, 0, 0)
        .unwrap();
    let mut writer = YmlWriter::new(
        io::sink(),
        shop,
        FeedOptions::new(Dialect::Megamarket, date),
    )
    .unwrap();
    for o in offers {
        writer.write_offer(o).unwrap();
    }
    let (_, summary) = writer.finish().unwrap();
    summary.stats.bytes_written
}

fn bench(c: &mut Criterion) {
    let shop = shop();
    let offers: Vec<FeedOffer> = (0..OFFERS).map(offer).collect();
    let bytes = write_all(&offers, &shop);
    let mut group = c.benchmark_group("feed");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes));
    group.bench_function("write_100k_offers", |b| {
        b.iter(|| write_all(&offers, &shop))
    });
    group.finish();
    println!("feed of {OFFERS} offers: {bytes} bytes");
}

criterion_group!(benches, bench);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
}
