//! The YML feed writer: exact output, escaping, every rule, bounded memory over 100,000
//! offers, parse-back with a real XML parser, the async writer, and the card conversion.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{self, Write};

use chrono::{DateTime, FixedOffset, TimeZone};
use market_core::feed::{
    AsyncYmlWriter, Dialect, FeedCategory, FeedError, FeedOffer, FeedOptions, Outlet, Param, Rule,
    ShipmentOption, Shop, Vat, YmlWriter, write_feed,
};
use market_core::{
    Attribute, AttributeValue, Card, CategoryRef, Currency, PriceUpdate, RejectionStage,
    StockUpdate,
};
use quick_xml::events::Event;
use rust_decimal::Decimal;

fn date() -> DateTime<FixedOffset> {
    FixedOffset::east_opt(3 * 3600)
        .unwrap()
        .with_ymd_and_hms(2026, 12, 7, 10, 30, 0)
        .unwrap()
}

fn shop() -> Shop {
    Shop::new(
        "Чайная",
        "ООО \"Чайная\"",
        "https://tea.example/".parse().unwrap(),
    )
    .with_category(FeedCategory::root("1", "Кухня"))
    .with_category(FeedCategory::child("10", "1", "Чайники & кофеварки"))
}

fn full_offer() -> FeedOffer {
    let mut o = FeedOffer::new("KET-1", "Чайник Brand 1.7 л", "10", Decimal::from(2490));
    o.old_price = Some(Decimal::from(2990));
    o.url = Some("https://tea.example/p/ket-1".parse().unwrap());
    o.pictures = vec![
        "https://img.tea.example/ket-1/a.jpg".parse().unwrap(),
        "https://img.tea.example/ket-1/b.jpg".parse().unwrap(),
    ];
    o.vat = Some(Vat::Vat20);
    o.shipment_options = vec![ShipmentOption {
        days: 1,
        order_before: Some(15),
    }];
    o.outlets = vec![Outlet {
        id: "1".into(),
        instock: 7,
    }];
    o.vendor = Some("Brand".into());
    o.vendor_code = Some("BR-17".into());
    o.description = Some("Стальной корпус".into());
    o.params = vec![
        Param::new("Цвет", "белый"),
        Param::new("Объём", "1.7").with_unit("л"),
    ];
    o.barcodes = vec!["4601234567893".into()];
    o
}

fn options(dialect: Dialect) -> FeedOptions {
    FeedOptions::new(dialect, date())
}

fn write(dialect: Dialect, offers: &[FeedOffer]) -> (String, market_core::feed::FeedSummary) {
    let mut w = YmlWriter::new(Vec::new(), &shop(), options(dialect)).unwrap();
    for o in offers {
        let _ = w.write_offer(o);
    }
    let (bytes, summary) = w.finish().unwrap();
    (String::from_utf8(bytes).unwrap(), summary)
}

const GOLDEN: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<yml_catalog date="2026-12-07T10:30+03:00">
  <shop>
    <name>Чайная</name>
    <company>ООО &quot;Чайная&quot;</company>
    <url>https://tea.example/</url>
    <currencies>
      <currency id="RUR" rate="1"/>
    </currencies>
    <categories>
      <category id="1">Кухня</category>
      <category id="10" parentId="1">Чайники &amp; кофеварки</category>
    </categories>
    <offers>
      <offer id="KET-1" available="true">
        <url>https://tea.example/p/ket-1</url>
        <price>2490</price>
        <oldprice>2990</oldprice>
        <currencyId>RUR</currencyId>
        <categoryId>10</categoryId>
        <picture>https://img.tea.example/ket-1/a.jpg</picture>
        <picture>https://img.tea.example/ket-1/b.jpg</picture>
        <vat>VAT_20</vat>
        <shipment-options>
          <option days="1" order-before="15"/>
        </shipment-options>
        <outlets>
          <outlet id="1" instock="7"/>
        </outlets>
        <name>Чайник Brand 1.7 л</name>
        <vendor>Brand</vendor>
        <vendorCode>BR-17</vendorCode>
        <description>Стальной корпус</description>
        <param name="Цвет">белый</param>
        <param name="Объём" unit="л">1.7</param>
        <barcode>4601234567893</barcode>
      </offer>
      <offer id="CUP_2" available="false">
        <price>150</price>
        <currencyId>RUR</currencyId>
        <categoryId>1</categoryId>
        <outlets>
          <outlet id="1" instock="0"/>
        </outlets>
        <name>Чашка</name>
      </offer>
    </offers>
  </shop>
</yml_catalog>
"#;

fn minimal_offer() -> FeedOffer {
    let mut o = FeedOffer::new("CUP_2", "Чашка", "1", Decimal::new(15000, 2));
    o.available = false;
    o.outlets = vec![Outlet {
        id: "1".into(),
        instock: 0,
    }];
    o
}

#[test]
fn small_catalogue_is_written_exactly() {
    let (xml, summary) = write(Dialect::Megamarket, &[full_offer(), minimal_offer()]);
    assert_eq!(xml, GOLDEN);
    assert_eq!(summary.stats.offers_written, 2);
    assert_eq!(summary.stats.offers_rejected, 0);
    assert_eq!(summary.stats.bytes_written, GOLDEN.len() as u64);
    assert_eq!(summary.stats.buffered_bytes, 0);
}

#[test]
fn yandex_dialect_takes_kopecks_and_count() {
    let mut o = FeedOffer::new("A1", "Чашка", "1", Decimal::new(9995, 2));
    o.count = Some(3);
    let (xml, summary) = write(Dialect::Yandex, &[o]);
    assert_eq!(summary.stats.offers_written, 1, "{:?}", summary.rejected);
    assert!(xml.contains("<price>99.95</price>"), "{xml}");
    assert!(xml.contains("<count>3</count>"), "{xml}");
}

/// The text of every element named `name`, and the value of every attribute `attr` on it,
/// read back with quick-xml's reader (which also checks the document is well-formed).
fn read_back(xml: &str, name: &str, attr: &str) -> (Vec<String>, Vec<String>) {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut texts = Vec::new();
    let mut attrs = Vec::new();
    let mut current: Option<String> = None;
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) if e.name().as_ref() == name => {
                for a in e.attributes() {
                    let a = a.unwrap();
                    if a.key.as_ref() == attr {
                        attrs.push(
                            a.normalized_value(quick_xml::XmlVersion::Explicit1_0)
                                .unwrap()
                                .into_owned(),
                        );
                    }
                }
                current = Some(String::new());
            }
            Event::Text(t) => {
                if let Some(c) = &mut current {
                    c.push_str(&t.xml10_content());
                }
            }
            Event::GeneralRef(r) => {
                if let Some(c) = &mut current {
                    if r.is_char_ref() {
                        c.push(r.resolve_char_ref().unwrap().unwrap());
                    } else {
                        let entity = r.xml10_content();
                        c.push_str(quick_xml::escape::resolve_predefined_entity(&entity).unwrap());
                    }
                }
            }
            Event::End(e) if e.name().as_ref() == name => {
                texts.extend(current.take());
            }
            Event::Eof => break,
            _ => {}
        }
    }
    (texts, attrs)
}

#[test]
fn markup_is_escaped_and_control_characters_removed() {
    let mut o = FeedOffer::new(
        "ESC-1",
        "Tom & Jerry <\"best\"> 'mug'\u{1}\u{7}",
        "1",
        Decimal::from(100),
    );
    o.description = Some("<p>a & b</p>\r\nline\u{0}two\u{FFFE}".into());
    o.params = vec![Param::new("Size \"EU\" & <RU>\tx\ny", "42 & up")];
    let (xml, summary) = write(Dialect::Megamarket, &[o]);
    assert_eq!(summary.stats.offers_written, 1, "{:?}", summary.rejected);
    assert!(
        xml.contains("<name>Tom &amp; Jerry &lt;&quot;best&quot;&gt; &apos;mug&apos;</name>"),
        "{xml}"
    );
    assert!(
        xml.contains("<description>&lt;p&gt;a &amp; b&lt;/p&gt;&#13;\nlinetwo</description>"),
        "{xml}"
    );
    assert!(
        xml.contains(
            "<param name=\"Size &quot;EU&quot; &amp; &lt;RU&gt;&#9;x&#10;y\">42 &amp; up</param>"
        ),
        "{xml}"
    );
    assert!(!xml.contains('\u{1}') && !xml.contains('\u{0}') && !xml.contains('\u{FFFE}'));
    // A real parser reads back the original text, minus the removed characters.
    let (names, _) = read_back(&xml, "name", "");
    assert_eq!(names[1], "Tom & Jerry <\"best\"> 'mug'");
    let (descriptions, _) = read_back(&xml, "description", "");
    assert_eq!(descriptions, vec!["<p>a & b</p>\r\nlinetwo".to_owned()]);
    let (values, names) = read_back(&xml, "param", "name");
    assert_eq!(values, vec!["42 & up".to_owned()]);
    assert_eq!(names, vec!["Size \"EU\" & <RU>\tx\ny".to_owned()]);
    let (categories, _) = read_back(&xml, "category", "");
    assert_eq!(categories[1], "Чайники & кофеварки");
}

/// Each case: a broken offer and the rule it must be refused under.
fn rule_cases() -> Vec<(Dialect, FeedOffer, Rule)> {
    let base = || FeedOffer::new("OK1", "Чашка", "1", Decimal::from(100));
    let with = |f: &dyn Fn(&mut FeedOffer)| {
        let mut o = base();
        f(&mut o);
        o
    };
    let mm = Dialect::Megamarket;
    let ya = Dialect::Yandex;
    vec![
        (mm, with(&|o| o.id = "".into()), Rule::EmptyId),
        (
            mm,
            with(&|o| o.id = "A23456789012345678901".into()),
            Rule::IdTooLong,
        ),
        (mm, with(&|o| o.id = "BAD ID".into()), Rule::IdCharacters),
        (mm, with(&|o| o.id = "Чай1".into()), Rule::IdCharacters),
        (ya, with(&|o| o.id = "A-1".into()), Rule::IdCharacters),
        (
            mm,
            with(&|o| o.price = Decimal::ZERO),
            Rule::PriceNotPositive,
        ),
        (
            mm,
            with(&|o| o.price = Decimal::from(-5)),
            Rule::PriceNotPositive,
        ),
        (
            mm,
            with(&|o| o.price = Decimal::new(10050, 2)),
            Rule::PricePrecision,
        ),
        (
            ya,
            with(&|o| o.price = Decimal::new(100_001, 3)),
            Rule::PricePrecision,
        ),
        (
            ya,
            with(&|o| o.old_price = Some(Decimal::from(100))),
            Rule::OldPrice,
        ),
        (
            ya,
            with(&|o| o.old_price = Some(Decimal::from(90))),
            Rule::OldPrice,
        ),
        (
            mm,
            with(&|o| o.old_price = Some(Decimal::from(104))),
            Rule::OldPrice,
        ),
        (mm, with(&|o| o.currency = Currency::Usd), Rule::Currency),
        (
            mm,
            with(&|o| o.category_id = "999".into()),
            Rule::UnknownCategory,
        ),
        (mm, with(&|o| o.name = "  ".into()), Rule::MissingName),
        (mm, with(&|o| o.name = "\u{1}".into()), Rule::MissingName),
        (
            mm,
            with(&|o| o.pictures = vec!["ftp://img.example/a.jpg".parse().unwrap()]),
            Rule::BadUrl,
        ),
        (
            mm,
            with(&|o| o.pictures = vec!["data:image/png;base64,AAAA".parse().unwrap()]),
            Rule::BadUrl,
        ),
        (
            mm,
            with(&|o| {
                o.pictures = vec![
                    format!("https://img.example/{}", "a".repeat(600))
                        .parse()
                        .unwrap(),
                ]
            }),
            Rule::BadUrl,
        ),
        (
            mm,
            with(&|o| o.url = Some("mailto:shop@tea.example".parse().unwrap())),
            Rule::BadUrl,
        ),
        (
            ya,
            with(&|o| {
                o.pictures = (0..11)
                    .map(|i| format!("https://img.example/{i}.jpg").parse().unwrap())
                    .collect()
            }),
            Rule::TooManyPictures,
        ),
        (ya, with(&|o| o.count = Some(-1)), Rule::NegativeStock),
        (
            mm,
            with(&|o| {
                o.outlets = vec![Outlet {
                    id: "1".into(),
                    instock: -2,
                }]
            }),
            Rule::NegativeStock,
        ),
        (
            mm,
            with(&|o| {
                o.outlets = vec![Outlet {
                    id: "main".into(),
                    instock: 2,
                }]
            }),
            Rule::Outlet,
        ),
        (
            mm,
            with(&|o| {
                o.outlets = vec![
                    Outlet {
                        id: "1".into(),
                        instock: 2,
                    },
                    Outlet {
                        id: "1".into(),
                        instock: 3,
                    },
                ]
            }),
            Rule::Outlet,
        ),
        (
            mm,
            with(&|o| o.barcodes = vec!["12345".into()]),
            Rule::Barcode,
        ),
        (
            mm,
            with(&|o| o.barcodes = vec!["2001234567890".into()]),
            Rule::Barcode,
        ),
        (ya, with(&|o| o.barcodes = vec![" ".into()]), Rule::Barcode),
        (
            mm,
            with(&|o| o.params = vec![Param::new("", "x")]),
            Rule::Param,
        ),
        (
            mm,
            with(&|o| o.params = vec![Param::new("Цвет", "")]),
            Rule::Param,
        ),
        (
            mm,
            with(&|o| {
                o.shipment_options = vec![ShipmentOption {
                    days: 1,
                    order_before: Some(25),
                }]
            }),
            Rule::ShipmentOption,
        ),
        (
            mm,
            with(&|o| o.vat = Some(Vat::Other(String::new()))),
            Rule::Vat,
        ),
    ]
}

#[test]
fn every_rule_refuses_the_offer_by_name_and_the_feed_goes_on() {
    for (i, (dialect, broken, rule)) in rule_cases().into_iter().enumerate() {
        let mut w = YmlWriter::new(Vec::new(), &shop(), options(dialect)).unwrap();
        let good = FeedOffer::new("GOOD1", "Чашка", "1", Decimal::from(100));
        w.write_offer(&good).unwrap();
        let err = w
            .write_offer(&broken)
            .expect_err(&format!("case {i} ({rule}) accepted"));
        match err {
            FeedError::Rejected(e) => {
                assert_eq!(e.rule, rule, "case {i}: {e}");
                assert_eq!(e.offer_id, broken.id, "case {i}: the error names the offer");
                assert!(e.to_string().contains(rule.code()), "{e}");
            }
            other => panic!("case {i}: {other}"),
        }
        let after = FeedOffer::new("GOOD2", "Чашка", "1", Decimal::from(100));
        w.write_offer(&after).unwrap();
        let (bytes, summary) = w.finish().unwrap();
        let xml = String::from_utf8(bytes).unwrap();
        assert_eq!(summary.stats.offers_written, 2, "case {i}");
        assert_eq!(summary.rejected.len(), 1, "case {i}");
        assert_eq!(summary.rejected[0].rule, rule);
        assert_eq!(
            xml.matches("<offer ").count(),
            2,
            "case {i}: nothing of the refused offer"
        );
        assert!(xml.contains("id=\"GOOD1\"") && xml.contains("id=\"GOOD2\""));
        let report = summary.rejections_report();
        assert_eq!(report.rejected.len(), 1);
        assert_eq!(report.rejected[0].stage, RejectionStage::Validation);
        assert_eq!(report.rejected[0].code.as_deref(), Some(rule.code()));
    }
}

#[test]
fn a_duplicate_id_is_refused_unless_the_check_is_off() {
    let o = FeedOffer::new("DUP1", "Чашка", "1", Decimal::from(100));
    let mut w = YmlWriter::new(Vec::new(), &shop(), options(Dialect::Megamarket)).unwrap();
    w.write_offer(&o).unwrap();
    match w.write_offer(&o) {
        Err(FeedError::Rejected(e)) => {
            assert_eq!(e.rule, Rule::DuplicateId);
            assert_eq!(e.offer_id.as_str(), "DUP1");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(w.stats().tracked_ids, 1);
    // A refused offer does not reserve its id.
    let mut bad = FeedOffer::new("LATER", "Чашка", "1", Decimal::ZERO);
    assert!(w.write_offer(&bad).is_err());
    bad.price = Decimal::ONE;
    w.write_offer(&bad).unwrap();

    let mut w = YmlWriter::new(
        Vec::new(),
        &shop(),
        options(Dialect::Megamarket).with_duplicate_check(false),
    )
    .unwrap();
    w.write_offer(&o).unwrap();
    w.write_offer(&o).unwrap();
    assert_eq!(w.stats().tracked_ids, 0);
}

#[test]
fn a_bad_shop_is_refused_before_anything_is_written() {
    let cases: Vec<(Shop, &str)> = vec![
        (
            shop().with_category(FeedCategory::child("11", "99", "x")),
            "not declared",
        ),
        (
            shop().with_category(FeedCategory::root("1", "again")),
            "twice",
        ),
        (
            shop().with_category(FeedCategory::root("0", "zero")),
            "zero",
        ),
        (
            shop().with_category(FeedCategory::root("x1", "letters")),
            "positive integer",
        ),
        (
            shop().with_category(FeedCategory::root("1234567890123456789", "long")),
            "18 digits",
        ),
        (
            shop()
                .with_category(FeedCategory::child("20", "21", "a"))
                .with_category(FeedCategory::child("21", "20", "b")),
            "own ancestor",
        ),
        (
            Shop {
                name: " ".into(),
                ..shop()
            },
            "name",
        ),
        (
            Shop {
                currency: Currency::Usd,
                ..shop()
            },
            "roubles",
        ),
    ];
    for (shop, needle) in cases {
        let mut sink = Vec::new();
        match YmlWriter::new(&mut sink, &shop, options(Dialect::Megamarket)) {
            Err(FeedError::Shop(message)) => assert!(message.contains(needle), "{message}"),
            other => panic!("{needle}: {other:?}"),
        }
        assert!(sink.is_empty());
    }
}

/// A sink that counts bytes and remembers its largest single write.
#[derive(Default)]
struct CountingSink {
    bytes: u64,
    writes: u64,
    largest_write: usize,
    offers: u64,
}

impl Write for CountingSink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.bytes += buf.len() as u64;
        self.writes += 1;
        self.largest_write = self.largest_write.max(buf.len());
        // Offers are handed over whole, so none is split across writes.
        self.offers += buf.windows(7).filter(|w| w == b"<offer ").count() as u64;
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn bulk_offer(i: usize) -> FeedOffer {
    let mut o = full_offer();
    o.id = format!("SKU-{i:07}").into();
    o.name = format!("Чайник {i} & Co");
    o.barcodes = Vec::new();
    o.outlets[0].instock = (i % 50) as i64;
    o
}

#[test]
fn a_hundred_thousand_offers_stay_within_the_buffer_bound() {
    const N: usize = 100_000;
    const CAPACITY: usize = 16 * 1024;
    let mut w = YmlWriter::new(
        CountingSink::default(),
        &shop(),
        options(Dialect::Megamarket)
            .with_buffer_capacity(CAPACITY)
            .with_duplicate_check(false),
    )
    .unwrap();
    let largest_offer = {
        let mut probe = YmlWriter::new(Vec::new(), &shop(), options(Dialect::Megamarket)).unwrap();
        let head = probe.stats().buffered_bytes;
        probe.write_offer(&bulk_offer(N - 1)).unwrap();
        probe.stats().buffered_bytes - head
    };
    for i in 0..N {
        w.write_offer(&bulk_offer(i)).unwrap();
        let stats = w.stats();
        // The bound holds at every step, not only at the end.
        assert!(stats.buffered_bytes < CAPACITY + largest_offer, "{stats:?}");
        assert!(
            stats.buffer_allocation <= 2 * (CAPACITY + largest_offer),
            "{stats:?}"
        );
    }
    let (sink, summary) = w.finish().unwrap();
    let stats = summary.stats;
    assert_eq!(stats.offers_written, N as u64);
    assert_eq!(sink.offers, N as u64, "every offer reached the sink");
    assert_eq!(sink.bytes, stats.bytes_written);
    assert!(stats.bytes_written > (N * 500) as u64, "{stats:?}");
    assert!(
        stats.peak_buffered_bytes < CAPACITY + largest_offer,
        "{stats:?}"
    );
    assert!(
        sink.largest_write < CAPACITY + largest_offer,
        "{}",
        sink.largest_write
    );
    assert!(sink.writes >= stats.bytes_written / (CAPACITY + largest_offer) as u64);
    assert_eq!(stats.tracked_ids, 0);
}

#[test]
fn the_duplicate_check_costs_one_id_per_offer() {
    let mut w = YmlWriter::new(io::sink(), &shop(), options(Dialect::Megamarket)).unwrap();
    for i in 0..10_000 {
        w.write_offer(&bulk_offer(i)).unwrap();
    }
    assert_eq!(w.stats().tracked_ids, 10_000);
}

/// A sink that fails after `limit` bytes.
struct FailingSink {
    kept: Vec<u8>,
    limit: usize,
}

impl Write for FailingSink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.kept.len() + buf.len() > self.limit {
            return Err(io::Error::other("disk full"));
        }
        self.kept.extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_sink_failure_poisons_the_writer_and_keeps_what_was_written() {
    let sink = FailingSink {
        kept: Vec::new(),
        limit: 6000,
    };
    let mut w = YmlWriter::new(
        sink,
        &shop(),
        options(Dialect::Megamarket).with_buffer_capacity(1000),
    )
    .unwrap();
    let mut failed_at = None;
    for i in 0..100 {
        match w.write_offer(&bulk_offer(i)) {
            Ok(()) => {}
            Err(FeedError::Io(e)) => {
                assert_eq!(e.to_string(), "disk full");
                failed_at = Some(i);
                break;
            }
            Err(other) => panic!("{other}"),
        }
    }
    assert!(failed_at.is_some());
    let kept = String::from_utf8(w.get_ref().kept.clone()).unwrap();
    assert!(kept.contains("<offer id=\"SKU-0000000\""));
    assert_eq!(w.stats().bytes_written, kept.len() as u64);
    assert!(matches!(
        w.write_offer(&bulk_offer(999)),
        Err(FeedError::Poisoned)
    ));
    assert!(matches!(w.finish(), Err(FeedError::Poisoned)));
}

#[test]
fn the_async_writer_writes_the_same_bytes() {
    futures::executor::block_on(async {
        let mut w = AsyncYmlWriter::new(Vec::new(), &shop(), options(Dialect::Megamarket))
            .await
            .unwrap();
        w.write_offer(&full_offer()).await.unwrap();
        let mut bad = minimal_offer();
        bad.price = Decimal::new(1505, 1);
        assert!(matches!(
            w.write_offer(&bad).await,
            Err(FeedError::Rejected(e)) if e.rule == Rule::PricePrecision
        ));
        w.write_offer(&minimal_offer()).await.unwrap();
        let (bytes, summary) = w.finish().await.unwrap();
        assert_eq!(String::from_utf8(bytes).unwrap(), GOLDEN);
        assert_eq!(summary.rejected.len(), 1);
    });
}

#[test]
fn a_long_category_list_is_flushed_in_pieces() {
    let mut shop = shop();
    for i in 100..2100 {
        shop.categories.push(FeedCategory::child(
            i.to_string(),
            "1",
            format!("Категория {i}"),
        ));
    }
    let mut w = YmlWriter::new(
        CountingSink::default(),
        &shop,
        options(Dialect::Megamarket).with_buffer_capacity(4096),
    )
    .unwrap();
    assert!(w.stats().bytes_written > 50_000);
    w.write_offer(&FeedOffer::new("X1", "Чашка", "2099", Decimal::ONE))
        .unwrap();
    let (sink, summary) = w.finish().unwrap();
    assert!(
        summary.stats.peak_buffered_bytes < 4096 + 200,
        "{:?}",
        summary.stats
    );
    assert!(sink.largest_write < 4096 + 200);
}

fn card() -> Card {
    let mut card = Card::new(
        "KET-1",
        "Чайник",
        CategoryRef {
            id: "10".into(),
            type_id: None,
            name: None,
        },
    );
    card.brand = Some("Brand".into());
    card.description = Some("Сталь".into());
    card.images = vec!["https://img.tea.example/ket-1/a.jpg".parse().unwrap()];
    card.barcodes = vec!["4601234567893".into()];
    card.vat = Some(Decimal::new(2, 1));
    card.attributes = vec![
        Attribute {
            id: "85".into(),
            name: Some("Цвет".into()),
            values: vec![
                AttributeValue::Dictionary {
                    id: "61576".into(),
                    value: Some("белый".into()),
                },
                AttributeValue::Text("серый".into()),
            ],
        },
        Attribute {
            id: "4383".into(),
            name: None,
            values: vec![
                AttributeValue::Number(Decimal::new(1700, 3)),
                AttributeValue::Bool(true),
            ],
        },
    ];
    card
}

#[test]
fn a_card_becomes_a_megamarket_offer_with_outlets() {
    let price = PriceUpdate::new("KET-1", Decimal::from(2490)).with_old_price(Decimal::from(2990));
    let stocks = [
        StockUpdate::new("KET-1", "1", 3),
        StockUpdate::new("KET-1", "2", 0),
    ];
    let offer = FeedOffer::from_card(&card(), &price, &stocks, Dialect::Megamarket).unwrap();
    assert_eq!(offer.id.as_str(), "KET-1");
    assert!(offer.available);
    assert_eq!(offer.price, Decimal::from(2490));
    assert_eq!(offer.old_price, Some(Decimal::from(2990)));
    assert_eq!(offer.category_id.as_str(), "10");
    assert_eq!(offer.vendor.as_deref(), Some("Brand"));
    assert_eq!(offer.vat, Some(Vat::Vat20));
    assert_eq!(offer.count, None);
    assert_eq!(
        offer.outlets,
        vec![
            Outlet {
                id: "1".into(),
                instock: 3
            },
            Outlet {
                id: "2".into(),
                instock: 0
            }
        ]
    );
    let params: Vec<(String, String)> = offer
        .params
        .iter()
        .map(|p| (p.name.clone(), p.value.clone()))
        .collect();
    assert_eq!(
        params,
        vec![
            ("Цвет".into(), "белый".into()),
            ("Цвет".into(), "серый".into()),
            ("4383".into(), "1.7".into()),
            ("4383".into(), "да".into()),
        ]
    );
    // And it is written.
    let (xml, summary) = write(Dialect::Megamarket, &[offer]);
    assert_eq!(summary.stats.offers_written, 1, "{:?}", summary.rejected);
    assert!(xml.contains("<outlet id=\"2\" instock=\"0\"/>"));
}

#[test]
fn a_card_becomes_a_yandex_offer_with_count_and_out_of_stock_is_unavailable() {
    let price = PriceUpdate::new("KET-1", Decimal::from(100));
    let stocks = [StockUpdate {
        offer_id: "KET-1".into(),
        warehouse_id: None,
        quantity: 0,
    }];
    let offer = FeedOffer::from_card(&card(), &price, &stocks, Dialect::Yandex).unwrap();
    assert!(!offer.available);
    assert_eq!(offer.count, Some(0));
    assert!(offer.outlets.is_empty());
    // No stock given: available, no stock elements.
    let offer = FeedOffer::from_card(&card(), &price, &[], Dialect::Yandex).unwrap();
    assert!(offer.available);
    assert_eq!(offer.count, None);
}

#[test]
fn a_card_conversion_names_the_card_when_it_cannot_map() {
    let price = PriceUpdate::new("OTHER", Decimal::from(100));
    let e = FeedOffer::from_card(&card(), &price, &[], Dialect::Megamarket).unwrap_err();
    assert_eq!((e.rule, e.offer_id.as_str()), (Rule::Mismatch, "KET-1"));

    let price = PriceUpdate::new("KET-1", Decimal::from(100));
    let stocks = [StockUpdate {
        offer_id: "KET-1".into(),
        warehouse_id: None,
        quantity: 1,
    }];
    let e = FeedOffer::from_card(&card(), &price, &stocks, Dialect::Megamarket).unwrap_err();
    assert_eq!((e.rule, e.offer_id.as_str()), (Rule::Outlet, "KET-1"));

    let mut odd_vat = card();
    odd_vat.vat = Some(Decimal::new(22, 2));
    let e = FeedOffer::from_card(&odd_vat, &price, &[], Dialect::Megamarket).unwrap_err();
    assert_eq!(e.rule, Rule::Vat);
    let err: market_core::Error = e.into();
    assert!(err.to_string().contains("KET-1"), "{err}");
}

#[test]
fn write_feed_reports_every_offer() {
    let mut bad = minimal_offer();
    bad.id = "BAD 1".into();
    let offers = vec![full_offer(), bad, minimal_offer()];
    let (bytes, summary, report) =
        write_feed(Vec::new(), &shop(), options(Dialect::Megamarket), &offers).unwrap();
    assert_eq!(summary.stats.offers_written, 2);
    let accepted: Vec<&str> = report
        .accepted
        .iter()
        .map(|k| k.offer_id.as_str())
        .collect();
    assert_eq!(accepted, vec!["KET-1", "CUP_2"]);
    assert_eq!(report.rejected.len(), 1);
    assert_eq!(report.rejected[0].key.offer_id.as_str(), "BAD 1");
    assert_eq!(report.rejected[0].code.as_deref(), Some("id_characters"));
    assert_eq!(String::from_utf8(bytes).unwrap(), GOLDEN);
}

#[test]
fn the_whole_golden_feed_parses_and_reads_back() {
    let (offers, ids) = read_back(GOLDEN, "offer", "id");
    assert_eq!(offers.len(), 2);
    assert_eq!(ids, vec!["KET-1".to_owned(), "CUP_2".to_owned()]);
    let (companies, _) = read_back(GOLDEN, "company", "");
    assert_eq!(companies, vec!["ООО \"Чайная\"".to_owned()]);
}

#[test]
fn write_cards_publishes_priced_cards_and_reports_the_rest() {
    let mut priced = card();
    priced.price = Some(Decimal::from(2490));
    let mut unpriced = card();
    unpriced.offer_id = "KET-2".into();
    let mut bad_id = priced.clone();
    bad_id.offer_id = "KET 3".into();
    let mut kopecks = priced.clone();
    kopecks.offer_id = "KET-4".into();
    kopecks.price = Some(Decimal::new(249050, 2));
    let cards = [priced, unpriced, bad_id, kopecks];
    let (bytes, summary, report) =
        market_core::feed::write_cards(Vec::new(), &shop(), options(Dialect::Megamarket), &cards)
            .unwrap();
    let xml = String::from_utf8(bytes).unwrap();
    assert_eq!(xml.matches("<offer ").count(), 1);
    assert!(
        xml.contains("<offer id=\"KET-1\" available=\"true\">"),
        "{xml}"
    );
    assert!(xml.contains("<param name=\"Цвет\">белый</param>"), "{xml}");
    let accepted: Vec<&str> = report
        .accepted
        .iter()
        .map(|k| k.offer_id.as_str())
        .collect();
    assert_eq!(accepted, vec!["KET-1"]);
    let rejected: Vec<(&str, Option<&str>)> = report
        .rejected
        .iter()
        .map(|r| (r.key.offer_id.as_str(), r.code.as_deref()))
        .collect();
    assert_eq!(
        rejected,
        vec![
            ("KET-2", Some("missing_price")),
            ("KET 3", Some("id_characters")),
            ("KET-4", Some("price_precision")),
        ]
    );
    assert_eq!(summary.stats.offers_rejected, 3);
    assert_eq!(summary.rejected.len(), 3);
}
