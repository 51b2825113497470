//! `publish_cards`: the cards as the YML feed of the client's `FeedTarget`, every card in the
//! report (written, or rejected by its offer id with the YML rule), the file replaced whole.

use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};

use market_core::feed::{FeedCategory, Shop};
use market_core::{Capability, Card, CategoryRef, Error, ItemKey, Marketplace};
use megamarket_api::{Client, FeedTarget};
use rust_decimal::Decimal;

/// A fresh file path under the system's temporary directory, removed with its directory on
/// drop.
struct TempFeed(PathBuf);

impl TempFeed {
    fn new() -> Self {
        static N: AtomicUsize = AtomicUsize::new(0);
        let dir = std::env::temp_dir().join(format!(
            "megamarket-feed-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::create_dir_all(&dir).unwrap();
        Self(dir.join("feed.xml"))
    }
}

impl Drop for TempFeed {
    fn drop(&mut self) {
        if let Some(dir) = self.0.parent() {
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}

fn shop() -> Shop {
    Shop::new("Shop", "Shop LLC", "https://shop.example/".parse().unwrap())
}

fn card(id: &str, category: &str, price: Decimal) -> Card {
    let mut card = Card::new(
        id,
        format!("Kettle {id}"),
        CategoryRef {
            id: category.into(),
            type_id: None,
            name: Some("Kitchen & tea".into()),
        },
    );
    card.price = Some(price);
    card
}

fn client(target: Option<FeedTarget>) -> Client {
    let mut b = Client::builder("token").base_url("http://127.0.0.1:9");
    if let Some(t) = target {
        b = b.feed(t);
    }
    b.build().unwrap()
}

fn rejected_codes(report: &market_core::BatchReport) -> Vec<(String, Option<String>)> {
    report
        .rejected
        .iter()
        .map(|r| (r.key.to_string(), r.code.clone()))
        .collect()
}

#[tokio::test]
async fn publish_cards_writes_the_feed_and_rejects_a_bad_card_by_offer_id() {
    let file = TempFeed::new();
    let mm = client(Some(FeedTarget::new(&file.0, shop())));
    assert!(mm.capabilities().supports(Capability::Cards));

    let cards = [
        card("KETTLE-1", "10", Decimal::from(2490)),
        card("KETTLE-2", "10", Decimal::new(249050, 2)), // kopecks: Megamarket takes roubles
        card("MUG_3", "11", Decimal::from(390)),
    ];
    let submission = mm.publish_cards(&cards).await.unwrap();
    assert!(submission.tasks.is_empty(), "a feed has no import task");
    assert_eq!(
        submission.report.accepted,
        vec![ItemKey::offer("KETTLE-1"), ItemKey::offer("MUG_3")]
    );
    assert_eq!(
        rejected_codes(&submission.report),
        vec![(
            ItemKey::offer("KETTLE-2").to_string(),
            Some("price_precision".into())
        )]
    );

    let xml = std::fs::read_to_string(&file.0).unwrap();
    assert!(xml.starts_with("<?xml"), "{xml}");
    assert!(
        xml.contains(r#"<offer id="KETTLE-1" available="true">"#),
        "{xml}"
    );
    assert!(
        xml.contains(r#"<offer id="MUG_3" available="true">"#),
        "{xml}"
    );
    assert!(
        !xml.contains("KETTLE-2"),
        "a rejected card leaves no byte: {xml}"
    );
    assert!(xml.contains("<price>2490</price>"), "{xml}");
    assert!(xml.contains("<categoryId>11</categoryId>"), "{xml}");
    // The cards' categories are declared for them, their names escaped.
    assert!(
        xml.contains(r#"<category id="10">Kitchen &amp; tea</category>"#),
        "{xml}"
    );
    assert!(xml.ends_with("</yml_catalog>\n"), "{xml}");
    // Nothing is left beside the feed.
    let dir: Vec<_> = std::fs::read_dir(file.0.parent().unwrap())
        .unwrap()
        .collect();
    assert_eq!(dir.len(), 1);
}

#[tokio::test]
async fn a_card_whose_category_yml_cannot_carry_is_rejected_alone() {
    let file = TempFeed::new();
    let mm = client(Some(FeedTarget::new(&file.0, shop())));
    let cards = [
        card("A-1", "kitchen", Decimal::from(100)),
        card("B-2", "12", Decimal::from(200)),
    ];
    let report = mm.publish_cards(&cards).await.unwrap().report;
    assert_eq!(report.accepted, vec![ItemKey::offer("B-2")]);
    assert_eq!(
        rejected_codes(&report),
        vec![(
            ItemKey::offer("A-1").to_string(),
            Some("unknown_category".into())
        )]
    );
}

#[tokio::test]
async fn without_declaring_card_categories_only_the_shops_are_known() {
    let file = TempFeed::new();
    let shop = shop().with_category(FeedCategory::root("10", "Kitchen"));
    let target = FeedTarget::new(&file.0, shop).declare_card_categories(false);
    let mm = client(Some(target));
    let cards = [
        card("A-1", "10", Decimal::from(100)),
        card("B-2", "12", Decimal::from(200)),
    ];
    let report = mm.publish_cards(&cards).await.unwrap().report;
    assert_eq!(report.accepted, vec![ItemKey::offer("A-1")]);
    assert_eq!(
        rejected_codes(&report),
        vec![(
            ItemKey::offer("B-2").to_string(),
            Some("unknown_category".into())
        )]
    );
}

#[tokio::test]
async fn a_second_publish_replaces_the_feed_and_a_failed_one_leaves_it() {
    let file = TempFeed::new();
    let mm = client(Some(FeedTarget::new(&file.0, shop())));
    mm.publish_cards(&[card("OLD-1", "10", Decimal::from(100))])
        .await
        .unwrap();
    mm.publish_cards(&[card("NEW-1", "10", Decimal::from(100))])
        .await
        .unwrap();
    let xml = std::fs::read_to_string(&file.0).unwrap();
    assert!(xml.contains("NEW-1") && !xml.contains("OLD-1"), "{xml}");

    // A shop YML cannot describe fails the whole publish, and the hosted feed stays.
    let mut bad_shop = shop();
    bad_shop.name = "  ".into();
    let broken = client(Some(FeedTarget::new(&file.0, bad_shop)));
    let err = broken
        .publish_cards(&[card("X-1", "10", Decimal::from(100))])
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Config(_)), "{err:?}");
    assert_eq!(std::fs::read_to_string(&file.0).unwrap(), xml);
    let dir: Vec<_> = std::fs::read_dir(file.0.parent().unwrap())
        .unwrap()
        .collect();
    assert_eq!(dir.len(), 1, "the half-written file is removed");
}

#[tokio::test]
async fn without_a_feed_target_cards_are_not_claimed_and_unsupported() {
    let mm = client(None);
    assert!(!mm.capabilities().supports(Capability::Cards));
    let err = mm
        .publish_cards(&[card("A-1", "10", Decimal::from(100))])
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Unsupported { .. }), "{err:?}");
}

#[test]
fn write_cards_gives_the_feed_bytes_to_any_sink() {
    let shop = shop().with_category(FeedCategory::root("10", "Kitchen"));
    let cards = [
        card("A-1", "10", Decimal::from(100)),
        card("", "10", Decimal::from(100)),
    ];
    let (bytes, report) = megamarket_api::feed::write_cards(Vec::new(), &shop, &cards).unwrap();
    let xml = String::from_utf8(bytes).unwrap();
    assert!(xml.contains(r#"<offer id="A-1""#));
    assert!(xml.contains("<currency id=\"RUR\" rate=\"1\"/>"), "{xml}");
    assert_eq!(report.accepted.len(), 1);
    assert_eq!(report.rejected[0].code.as_deref(), Some("empty_id"));
}
