//! Bodies captured from WB's servers (not the spec's examples), decoded through the crate's own
//! models by the client's decode path, with every decision the crate makes from them asserted
//! on the real values. Sources and edits: `tests/fixtures/real/SOURCE.md`.
//!
//! Where a real body carries fields the 2026-08 spec lacks, the tolerant decode (the default)
//! is tested, and a strict-mode test checks that strict decoding names the field: that is the
//! documented difference between WB's answer and its spec.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use chrono::{DateTime, Utc};
use market_core::transport::decode_json;
use rust_decimal::Decimal;
use serde_json::{Value, json};
use wb_api::models::content::CardsListResponse;
use wb_api::models::prices::GoodsListResponse;
use wb_api::models::statistics::SaleRow;
use wb_api::{ChrtId, NmId};
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn fixture_bytes(name: &str) -> Vec<u8> {
    let p = format!("{}/tests/fixtures/real/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&p).unwrap_or_else(|e| panic!("{p}: {e}"))
}

fn fixture(name: &str) -> Value {
    serde_json::from_slice(&fixture_bytes(name)).unwrap()
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

#[cfg_attr(feature = "strict", allow(dead_code))]
fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

// ---------------------------------------------------------------------------------------------
// Prices: `GET /api/v2/list/goods/filter` (`listGoods`).

/// The real page of one good: nine sizes, the price in whole roubles, the discounted price with
/// kopecks. Every field is in the 2026-08 spec, so this holds in strict mode too.
#[test]
fn a_real_goods_page_reads_prices_as_roubles() {
    let page: GoodsListResponse =
        decode_json("wb", "real", &fixture_bytes("goods_filter_one_nm.json"))
            .unwrap_or_else(|e| panic!("{e}"));
    assert!(!page.error);
    assert_eq!(page.error_text, "");
    let [good] = page.data.list_goods.as_slice() else {
        panic!("one good expected: {page:?}")
    };
    assert_eq!(good.nm_id, NmId(142668062));
    // The seller's article keeps WB's backslash (the name before it is a placeholder).
    assert_eq!(good.vendor_code, "SELLER-B\\G1072070фуксия");
    assert_eq!(good.currency_iso_code_4217, "RUB");
    assert_eq!(good.discount, 55);
    assert!(!good.editable_size_price);
    assert_eq!(
        good.club_discount, 0,
        "absent in the real body: the default"
    );
    assert!(good.wholesale_discount_threshold.is_empty());
    assert_eq!(good.sizes.len(), 9);
    let sizes: Vec<(i64, &str)> = good
        .sizes
        .iter()
        .map(|s| (s.size_id.0, s.tech_size_name.as_str()))
        .collect();
    assert_eq!(sizes[0], (241108205, "40"));
    assert_eq!(
        sizes[8],
        (303308415, "56"),
        "the last size has another id range"
    );
    for s in &good.sizes {
        // Roubles, not kopecks: 5329 ₽ full price, 2398.05 ₽ after the seller's 55 %.
        assert_eq!(s.price, dec("5329"));
        assert_eq!(s.discounted_price, dec("2398.05"));
        assert_eq!(
            s.price * (Decimal::ONE_HUNDRED - Decimal::from(good.discount)) / Decimal::ONE_HUNDRED,
            s.discounted_price,
            "WB's discounted price is the full price less the discount, to the kopeck"
        );
        // No club discount in the body: read as zero, not as the discounted price.
        assert_eq!(s.club_discounted_price, Decimal::ZERO);
    }
}

/// The client's own call for one good (`filterNmID`, as the real request was made) reads the
/// real answer, and its request matches the spec.
#[tokio::test]
async fn the_client_reads_a_real_good_by_its_nm_id() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v2/list/goods/filter"))
        .and(query_param("filterNmID", "142668062"))
        .respond_with(ResponseTemplate::new(200).set_body_json(fixture("goods_filter_one_nm.json")))
        .expect(1)
        .mount(&server)
        .await;
    let wb = crate::common::client(&server);
    let good = wb.prices().good(NmId(142668062)).await.unwrap().unwrap();
    assert_eq!(good.nm_id, NmId(142668062));
    assert_eq!(good.sizes.len(), 9);
    assert_eq!(good.sizes[0].size_id, ChrtId(241108205));
    assert_eq!(good.sizes[0].discounted_price, dec("2398.05"));
    crate::common::assert_requests_match_spec(&server, "GET /api/v2/list/goods/filter").await;
}

// ---------------------------------------------------------------------------------------------
// Cards: `POST /content/v2/get/cards/list` (a card of 2023).

/// The photo sizes WB sent in 2023 and the 2026-08 spec no longer lists.
const OLD_PHOTO_KEYS: [&str; 2] = ["516x288", "small"];

/// The real card of 2023 with the photo sizes of that time removed: what is left is what the
/// 2026-08 spec still describes.
fn cards_without_old_photo_keys() -> Value {
    let mut body = fixture("cards_list_2023-08.json");
    for photo in body["cards"][0]["photos"].as_array_mut().unwrap() {
        for k in OLD_PHOTO_KEYS {
            assert!(photo.as_object_mut().unwrap().remove(k).is_some(), "{k}");
        }
    }
    body
}

/// Tolerant decoding (the default) of the real page: the card, its only size and barcode, a
/// characteristic whose value is a number (not a list), dimensions without `isValid`, and the
/// cursor of the last page.
#[cfg(not(feature = "strict"))]
#[test]
fn a_real_cards_page_decodes_and_indexes_its_size() {
    use wb_api::marketplace::CardIndex;
    let page: CardsListResponse =
        decode_json("wb", "real", &fixture_bytes("cards_list_2023-08.json"))
            .unwrap_or_else(|e| panic!("{e}"));
    let [card] = page.cards.as_slice() else {
        panic!("one card expected")
    };
    assert_eq!(card.nm_id, NmId(165427612));
    assert_eq!(card.imt_id, 151640770);
    assert_eq!(card.nm_uuid, "018c0914-7935-76dc-b814-b80fb8ddc60c");
    assert_eq!(card.subject_id.0, 832);
    assert_eq!(card.subject_name, "Фруктовницы");
    assert_eq!(card.vendor_code, "SELLER-A\\NG-001943черный");
    assert_eq!(card.brand, "Jerta");
    // Photos: only `big` is still a size the model knows; the 2023 sizes are dropped.
    assert_eq!(card.photos.len(), 6);
    assert!(card.photos[0].big.ends_with("/images/big/1.jpg"));
    assert_eq!(card.photos[0].c246x328, "");
    assert_eq!(
        (
            card.dimensions.length,
            card.dimensions.width,
            card.dimensions.height
        ),
        (27, 27, 8)
    );
    assert!(!card.dimensions.is_valid, "absent: not taken as valid");
    assert_eq!(card.dimensions.weight_brutto, Decimal::ZERO);
    assert_eq!(card.characteristics.len(), 11);
    let diameter = card
        .characteristics
        .iter()
        .find(|c| c.id.0 == 90602)
        .unwrap();
    assert_eq!(diameter.value, json!(25), "a number, kept as WB sent it");
    assert_eq!(card.characteristics[1].value.as_array().unwrap().len(), 3);
    assert_eq!(card.sizes.len(), 1);
    assert_eq!(card.sizes[0].chrt_id, ChrtId(275457111));
    assert_eq!(card.sizes[0].tech_size, "0");
    assert_eq!(card.sizes[0].skus, ["2038037040971"]);
    assert_eq!(card.created_at, "2023-06-15T12:52:26.072128Z");
    assert_eq!(page.cursor.nm_id, Some(NmId(165427612)));
    assert_eq!(page.cursor.total, 1);
    assert_eq!(page.cursor.updated_at, "2023-08-22T14:30:03.033946Z");

    // The index the trait's stock and price updates use: the barcode names the size, the
    // article (with its backslash) and the nmID name the card and, as it has one size, it.
    let index = CardIndex::from_cards(&page.cards);
    assert_eq!(index.len(), 1);
    assert_eq!(index.resolve_size("2038037040971"), Some(ChrtId(275457111)));
    assert_eq!(
        index.resolve_size(" 2038037040971 "),
        Some(ChrtId(275457111))
    );
    assert_eq!(
        index.resolve("SELLER-A\\NG-001943черный"),
        Some(NmId(165427612))
    );
    assert_eq!(
        index.resolve_size("SELLER-A\\NG-001943черный"),
        Some(ChrtId(275457111))
    );
    assert_eq!(index.resolve("165427612"), Some(NmId(165427612)));
    assert_eq!(index.resolve("2038037040972"), None);
}

/// Strict decoding names the photo size WB sent in 2023 and the spec lacks; without those
/// photo sizes the real card decodes strictly, so nothing else differs.
#[cfg(feature = "strict")]
#[test]
fn strict_decoding_names_the_2023_photo_sizes_and_nothing_else() {
    let err =
        decode_json::<CardsListResponse>("wb", "real", &fixture_bytes("cards_list_2023-08.json"))
            .unwrap_err();
    match &err {
        market_core::Error::Decode { path, message, .. } => {
            assert!(path.starts_with("cards[0].photos[0]"), "{path}");
            assert!(message.contains("unknown field `516x288`"), "{message}");
        }
        other => panic!("not a decode error: {other:?}"),
    }
    let body = serde_json::to_vec(&cards_without_old_photo_keys()).unwrap();
    let page: CardsListResponse =
        decode_json("wb", "real", &body).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(page.cards[0].sizes[0].chrt_id, ChrtId(275457111));
}

/// Through the trait, a stock sent by the real barcode and one sent by the real article go out
/// as the real size (`chrtId`), WB's only stock key.
#[tokio::test]
async fn the_trait_sends_stock_of_a_real_barcode_and_article_as_the_real_size() {
    use market_core::{Marketplace, StockUpdate};
    // Strict mode refuses the 2023 photo sizes (see the test above): the card is served
    // without them there, and as WB sent it otherwise.
    let cards = if cfg!(feature = "strict") {
        cards_without_old_photo_keys()
    } else {
        fixture("cards_list_2023-08.json")
    };
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/content/v2/get/cards/list"))
        .respond_with(ResponseTemplate::new(200).set_body_json(cards))
        .expect(1)
        .mount(&server)
        .await;
    for w in ["507", "608"] {
        Mock::given(method("PUT"))
            .and(path(format!("/api/v3/stocks/{w}")))
            .respond_with(ResponseTemplate::new(204))
            .expect(1)
            .mount(&server)
            .await;
    }
    let wb = crate::common::client(&server);
    let m: &dyn Marketplace = &wb;
    let updates = [
        StockUpdate::new("2038037040971", "507", 4),
        StockUpdate::new("SELLER-A\\NG-001943черный", "608", 2),
    ];
    let report = m.update_stocks(&updates).await.unwrap();
    assert!(report.rejected.is_empty(), "{report:?}");
    let mut accepted = report.accepted.clone();
    accepted.sort();
    let mut expected: Vec<_> = updates.iter().map(StockUpdate::key).collect();
    expected.sort();
    assert_eq!(accepted, expected);

    let mut puts: Vec<(String, Value)> = crate::common::sent(&server)
        .await
        .into_iter()
        .filter(|(r, _)| r.method.as_str() == "PUT")
        .map(|(r, b)| (r.url.path().to_owned(), b))
        .collect();
    puts.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(
        puts,
        [
            (
                "/api/v3/stocks/507".to_owned(),
                json!({"stocks": [{"chrtId": 275457111, "amount": 4}]})
            ),
            (
                "/api/v3/stocks/608".to_owned(),
                json!({"stocks": [{"chrtId": 275457111, "amount": 2}]})
            ),
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// Statistics: `GET /api/v1/supplier/sales` (a sale of 2023-01).

/// The real row as WB sent it in January 2023: `promoCodeDiscount`, `odid` and `IsStorno` are
/// not in the 2026-08 spec and are ignored; no `warehouseType` yet.
#[cfg(not(feature = "strict"))]
#[test]
fn a_real_sale_row_reads_moscow_time_and_rouble_amounts() {
    let rows: Vec<SaleRow> = decode_json(
        "wb",
        "real",
        &fixture_bytes("statistics_sales_2023-01.json"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let [row] = rows.as_slice() else {
        panic!("one row expected")
    };
    // Moscow wall-clock time without an offset: 09:18:47 MSK is 06:18:47 UTC.
    assert_eq!(row.date, utc("2023-01-29T06:18:47Z"));
    assert_eq!(row.last_change_date, utc("2023-01-29T06:26:21Z"));
    // `S...`: a sale, not a return.
    assert_eq!(row.sale_id, "S4373402182");
    assert!(!row.is_return());
    assert_eq!(row.nm_id, NmId(134042505));
    assert_eq!(row.supplier_article, "SMD0603res 39R 100pcs");
    assert_eq!(row.warehouse_name, "Подольск");
    assert_eq!(row.warehouse_type, None, "not sent in 2023");
    assert_eq!(row.barcode, "", "not in this row");
    assert!(row.is_realization && !row.is_supply);
    assert_eq!(row.income_id, 0);
    // Roubles as Decimal, kopecks kept exactly.
    assert_eq!(row.total_price, dec("450"));
    assert_eq!(row.discount_percent, 35);
    assert_eq!(row.price_with_disc, dec("292.5"));
    assert_eq!(
        row.total_price * Decimal::from(100 - row.discount_percent) / Decimal::ONE_HUNDRED,
        row.price_with_disc
    );
    assert_eq!(row.finished_price, dec("292"));
    assert_eq!(row.for_pay, dec("260.85"));
    assert_eq!(row.spp, Decimal::ZERO);
    assert_eq!(row.payment_sale_amount, Decimal::ZERO);
    assert_eq!(row.g_number, "2409464728328984501");
    assert_eq!(row.srid, "56395529572124724.0.0");
    assert_eq!(row.sticker, "");
}

/// Strict decoding names the first field of the real row the spec lacks.
#[cfg(feature = "strict")]
#[test]
fn strict_decoding_names_the_sale_fields_the_spec_lacks() {
    // The body as WB wrote it (field order kept): `promoCodeDiscount` comes first.
    let err = decode_json::<Vec<SaleRow>>(
        "wb",
        "real",
        &fixture_bytes("statistics_sales_2023-01.json"),
    )
    .unwrap_err();
    match &err {
        market_core::Error::Decode { path, message, .. } => {
            assert_eq!(path, "[0].promoCodeDiscount", "{message}");
            assert!(
                message.contains("unknown field `promoCodeDiscount`"),
                "{message}"
            );
        }
        other => panic!("not a decode error: {other:?}"),
    }
    // `promoCodeDiscount`, `odid` and `IsStorno` are the only differences.
    let mut row = fixture("statistics_sales_2023-01.json");
    for k in ["promoCodeDiscount", "odid", "IsStorno"] {
        assert!(row[0].as_object_mut().unwrap().remove(k).is_some(), "{k}");
    }
    let rows: Vec<SaleRow> = decode_json("wb", "real", &serde_json::to_vec(&row).unwrap())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(rows[0].for_pay, dec("260.85"));
}

/// The client's sales call reads the real row (tolerant mode, as a user runs it).
#[cfg(not(feature = "strict"))]
#[tokio::test]
async fn the_client_reads_a_real_sales_page() {
    use wb_api::api::statistics::DateMode;
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v1/supplier/sales"))
        .and(query_param("flag", "1"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(fixture("statistics_sales_2023-01.json")),
        )
        .expect(1)
        .mount(&server)
        .await;
    let wb = crate::common::client(&server);
    let rows = wb
        .statistics()
        .sales(utc("2023-01-28T21:00:00Z"), DateMode::OnDay)
        .await
        .unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].date, utc("2023-01-29T06:18:47Z"));
    assert_eq!(rows[0].for_pay, dec("260.85"));
    crate::common::assert_requests_match_spec(&server, "GET /api/v1/supplier/sales").await;
}
