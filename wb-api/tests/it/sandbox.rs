//! The WB sandbox, driven through the crate's own client (its sections and the `Marketplace`
//! trait): auth, state round trips, WB's limits and error bodies, supplies moving orders on,
//! stickers, claims, statistics, rate limits, injected faults, determinism.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashSet;
use std::time::Duration;

use chrono::{TimeDelta, Utc};
use futures::TryStreamExt;
use futures::future::join_all;
use market_core::sandbox::{Fault, FaultPlan};
use market_core::transport::RetryPolicy;
use market_core::{
    ApiErrorKind, CancelReason, Card as CoreCard, CardImportState, CategoryRef, Error, LabelFormat,
    Lifecycle, Marketplace, Order, OrderId as CoreOrderId, OrderQuery, PriceUpdate, RejectionStage,
    ReturnQuery, StockUpdate, TimeWindow,
};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use wb_api::api::statistics::DateMode;
use wb_api::api::stocks::StockKey;
use wb_api::marketplace::SUPPLY_NAME;
use wb_api::models::common::StickerType;
use wb_api::models::content::{CardToCreate, CardVariant, CardsFilter, NewSize, PhotoFilter};
use wb_api::models::orders::StickerSize;
use wb_api::models::prices::{GoodPrice, TaskMetadata};
use wb_api::models::returns::ClaimsQuery;
use wb_api::models::stocks::StockItem;
use wb_api::sandbox::{SANDBOX_TOKEN, Sandbox, SandboxConfig};
use wb_api::{Client, NmId, OrderId, WarehouseId};

/// Retries without real waiting to speak of (a server's `X-Ratelimit-Retry` still rules).
fn quick_retries() -> RetryPolicy {
    RetryPolicy {
        max_attempts: 5,
        initial_delay: Duration::from_millis(1),
        max_delay: Duration::from_millis(5),
        jitter: false,
        ..RetryPolicy::default()
    }
}

/// Everything in the seeded history, up to an hour ahead (new orders are made "now").
fn whole_window() -> TimeWindow {
    TimeWindow::new(
        Utc::now() - TimeDelta::days(8),
        Utc::now() + TimeDelta::hours(1),
    )
    .unwrap()
}

fn api_error(e: &Error) -> &market_core::ApiError {
    e.api().unwrap_or_else(|| panic!("not an API error: {e:?}"))
}

fn core_id(id: OrderId) -> CoreOrderId {
    CoreOrderId::new(id.to_string())
}

fn status(sandbox: &Sandbox, id: OrderId) -> (String, String) {
    sandbox.order_status(id).unwrap()
}

fn pair(a: &str, b: &str) -> (String, String) {
    (a.to_owned(), b.to_owned())
}

/// A raw request to the sandbox with the sandbox token.
fn raw(sandbox: &Sandbox, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
    reqwest::Client::new()
        .request(method, format!("{}{path}", sandbox.uri()))
        .header("Authorization", SANDBOX_TOKEN)
}

/// Sends a raw request, waiting out WB's 429s as `X-Ratelimit-Retry` says (the client's own
/// calls before it may have spent the group's quota).
async fn send_patiently(request: reqwest::RequestBuilder) -> reqwest::Response {
    loop {
        let r = request.try_clone().unwrap().send().await.unwrap();
        if r.status() != 429 {
            return r;
        }
        let secs: u64 = r.headers()["x-ratelimit-retry"]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        tokio::time::sleep(Duration::from_secs(secs)).await;
    }
}

// ---------------------------------------------------------------------------------------------
// Auth, warehouses.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn a_wrong_token_is_refused_with_wbs_401() {
    let sandbox = Sandbox::start().await;
    let stranger = Client::builder("not-the-sandbox-token")
        .base_url(sandbox.uri())
        .build()
        .unwrap();
    let err = stranger.warehouses().list().await.unwrap_err();
    let api = api_error(&err);
    assert_eq!(api.status, 401);
    assert_eq!(api.kind, ApiErrorKind::Unauthorized);
    assert_eq!(api.code.as_deref(), Some("unauthorized"));
    assert!(api.message.contains("token"), "{}", api.message);
    assert!(api.request_id.is_some());
    assert!(!format!("{err:?} {err}").contains("not-the-sandbox-token"));
    // Not retried: one request.
    assert_eq!(sandbox.requests().count("GET /api/v3/warehouses"), 1);
    // No header at all: the same 401 body.
    let r = reqwest::get(format!("{}/api/v3/warehouses", sandbox.uri()))
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["status"], 401);
    assert_eq!(body["title"], "unauthorized");
    // The right token, also as a bearer.
    let ok = raw(&sandbox, reqwest::Method::GET, "/api/v3/warehouses")
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status(), 200);
    let bearer = reqwest::Client::new()
        .get(format!("{}/api/v3/warehouses", sandbox.uri()))
        .header("Authorization", format!("Bearer {SANDBOX_TOKEN}"))
        .send()
        .await
        .unwrap();
    assert_eq!(bearer.status(), 200);
    assert_eq!(sandbox.requests().count("GET /api/v3/warehouses"), 4);
}

#[tokio::test]
async fn warehouses_and_offices_are_listed_by_the_client_and_the_trait() {
    let sandbox = Sandbox::start().await;
    let client = sandbox.client().unwrap();
    let list = client.warehouses().list().await.unwrap();
    let ids: Vec<WarehouseId> = list.iter().map(|w| w.id).collect();
    assert_eq!(ids, [WarehouseId(1_000_001), WarehouseId(1_000_002)]);
    assert_eq!(ids, sandbox.warehouse_ids());
    assert_eq!(list[0].name, "Склад Москва");
    assert_eq!(list[1].name, "Склад Санкт-Петербург");
    let offices = client.warehouses().offices().await.unwrap();
    let selected: HashSet<i64> = offices
        .iter()
        .filter(|o| o.selected)
        .map(|o| o.id.0)
        .collect();
    let bound: HashSet<i64> = list.iter().map(|w| w.office_id.0).collect();
    assert_eq!(selected, bound);
    assert!(offices.len() > list.len());

    let m: &dyn Marketplace = &client;
    let unified = m.warehouses().await.unwrap();
    assert_eq!(unified.len(), 2);
    assert!(unified.iter().all(|w| w.active));
    assert_eq!(unified[0].id.as_str(), "1000001");
    assert_eq!(sandbox.requests().count("GET /api/v3/warehouses"), 2);
    assert_eq!(sandbox.requests().count("GET /api/v3/offices"), 1);
}

#[tokio::test]
async fn unknown_paths_are_404() {
    let sandbox = Sandbox::start().await;
    let r = raw(&sandbox, reqwest::Method::GET, "/api/v3/nothing")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    assert_eq!(sandbox.requests().count("GET /api/v3/nothing"), 1);
}

// ---------------------------------------------------------------------------------------------
// Content.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn the_cards_list_pages_to_the_end() {
    let sandbox = Sandbox::start_with(SandboxConfig {
        cards: 250,
        orders: 0,
        ..SandboxConfig::default()
    })
    .await;
    let client = sandbox.client().unwrap();
    let cards: Vec<_> = client
        .content()
        .cards_stream(CardsFilter::default())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(cards.len(), sandbox.card_count());
    assert_eq!(cards.len(), 250);
    let nm: HashSet<NmId> = cards.iter().map(|c| c.nm_id).collect();
    assert_eq!(nm, sandbox.nm_ids().into_iter().collect());
    // Newest first, as WB sorts by default.
    assert!(cards.windows(2).all(|w| w[0].updated() >= w[1].updated()));
    // 100 + 100 + 50: the short page is the last.
    assert_eq!(
        sandbox.requests().count("POST /content/v2/get/cards/list"),
        3
    );
    // Every fifth card has two sizes, each size a barcode.
    let barcodes: Vec<String> = cards
        .iter()
        .flat_map(|c| c.sizes.iter().flat_map(|s| s.skus.clone()))
        .collect();
    assert_eq!(barcodes.len(), 300);
    assert_eq!(
        barcodes.iter().collect::<HashSet<_>>(),
        sandbox.barcodes().iter().collect::<HashSet<_>>()
    );
    let five = cards.iter().find(|c| c.vendor_code == "SKU-0005").unwrap();
    assert_eq!(five.sizes.len(), 2);
    assert!(five.dimensions.weight_brutto > Decimal::ZERO);

    // Filters: text search, photos.
    let found: Vec<_> = client
        .content()
        .cards_stream(CardsFilter::default().with_text_search("SKU-0007"))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].vendor_code, "SKU-0007");
    let by_barcode: Vec<_> = client
        .content()
        .cards_stream(CardsFilter::default().with_text_search("2000000000001"))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(by_barcode.len(), 1);
    assert_eq!(by_barcode[0].vendor_code, "SKU-0001");
    let with_photo: Vec<_> = client
        .content()
        .cards_stream(CardsFilter::default().with_photo(PhotoFilter::WithPhoto))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(with_photo.len(), 250 - 250 / 3);
    assert!(with_photo.iter().all(|c| !c.photos.is_empty()));
}

#[tokio::test]
async fn uploaded_cards_are_listed_and_failures_go_to_the_error_list() {
    let sandbox = Sandbox::start_with(SandboxConfig {
        orders: 0,
        ..SandboxConfig::default()
    })
    .await;
    let client = sandbox.client().unwrap();
    let subjects = client
        .content()
        .subjects(&Default::default())
        .await
        .unwrap();
    assert!(subjects.iter().any(|s| s.subject_id.0 == 105));
    let limits = client.content().limits().await.unwrap();
    assert!(limits.total() > 0);

    let report = client
        .content()
        .upload(vec![
            CardToCreate::new(
                105,
                vec![
                    CardVariant::new("NEW-1")
                        .with_title("Футболка новая")
                        .with_size(
                            NewSize::barcode("4600000000011").with_price(Decimal::from(1500)),
                        ),
                ],
            ),
            CardToCreate::new(999_999, vec![CardVariant::new("NEW-2")]),
            CardToCreate::new(105, vec![CardVariant::new("SKU-0001")]),
        ])
        .await
        .unwrap();
    // WB takes the request as a whole and sorts the cards out later.
    assert_eq!(report.accepted.len(), 3, "{report:?}");
    assert_eq!(sandbox.card_count(), 41);
    let created: Vec<_> = client
        .content()
        .cards_stream(CardsFilter::default().with_text_search("NEW-1"))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(created.len(), 1);
    assert_eq!(created[0].sizes[0].skus, ["4600000000011"]);
    assert_eq!(created[0].subject_name, "Футболки");
    assert_eq!(
        sandbox.price(created[0].nm_id),
        Some((Decimal::from(1500), 0))
    );
    let batches: Vec<_> = client
        .content()
        .card_errors_stream(true)
        .try_collect()
        .await
        .unwrap();
    let failed: HashSet<&str> = batches
        .iter()
        .flat_map(|b| b.errors.keys().map(String::as_str))
        .collect();
    assert_eq!(failed, HashSet::from(["NEW-2", "SKU-0001"]));
    let subject = batches
        .iter()
        .find_map(|b| b.subjects.get("NEW-2"))
        .unwrap();
    assert_eq!(subject.subject_id().map(|s| s.0), Some(999_999));

    // Through the trait: a card becomes accepted once it is listed; one WB refuses is rejected.
    let m: &dyn Marketplace = &client;
    let category = |id: &str| CategoryRef {
        id: id.into(),
        type_id: None,
        name: None,
    };
    let submission = m
        .publish_cards(&[
            CoreCard::new("TRAIT-1", "Кружка", category("168")),
            CoreCard::new("TRAIT-2", "Нечто", category("424242")),
        ])
        .await
        .unwrap();
    assert_eq!(submission.tasks.len(), 1);
    let done = m.card_import_status(&submission.tasks[0]).await.unwrap();
    assert_eq!(done.state, CardImportState::Done);
    assert_eq!(done.report.accepted.len(), 1);
    assert_eq!(done.report.accepted[0].offer_id.as_str(), "TRAIT-1");
    assert_eq!(done.report.rejected.len(), 1);
    assert!(
        done.report.rejected[0].message.contains("424242"),
        "{:?}",
        done.report.rejected
    );
}

// ---------------------------------------------------------------------------------------------
// Stocks.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn stocks_pushed_are_read_back() {
    let sandbox = Sandbox::start().await;
    let client = sandbox.client().unwrap();
    let m: &dyn Marketplace = &client;
    let [w1, w2] = sandbox.warehouse_ids()[..] else {
        panic!("two warehouses")
    };
    let barcodes = sandbox.barcodes();
    let updates = vec![
        StockUpdate::new(barcodes[0].as_str(), w1.to_string(), 11),
        StockUpdate::new(barcodes[1].as_str(), w1.to_string(), 0),
        StockUpdate::new(barcodes[2].as_str(), w2.to_string(), 33),
    ];
    let report = m.update_stocks(&updates).await.unwrap();
    assert!(report.rejected.is_empty(), "{report:?}");
    assert_eq!(report.accepted.len(), 3);
    assert_eq!(sandbox.stock(&barcodes[0], w1), Some(11));
    assert_eq!(sandbox.stock(&barcodes[1], w1), Some(0));
    assert_eq!(sandbox.stock(&barcodes[2], w2), Some(33));
    assert_eq!(sandbox.stock("nope", w1), None);
    assert_eq!(sandbox.stock(&barcodes[0], WarehouseId(5)), None);
    // One request per warehouse.
    assert_eq!(
        sandbox.requests().count("PUT /api/v3/stocks/{warehouseId}"),
        2
    );

    let size = |b: &str| sandbox.chrt_id_of(b).unwrap();
    let (c0, c1) = (size(&barcodes[0]), size(&barcodes[1]));
    let read = client
        .stocks()
        .read(w1, vec![StockKey::chrt(c0), StockKey::chrt(c1)])
        .await
        .unwrap();
    let amounts: Vec<(wb_api::ChrtId, i64)> = read.iter().map(|s| (s.chrt_id, s.amount)).collect();
    assert_eq!(amounts, [(c0, 11), (c1, 0)]);
    assert_eq!(sandbox.stock_of(c0, w1), Some(11));

    // Deleted records are gone from the read.
    let deleted = client
        .stocks()
        .delete(w1, vec![StockKey::chrt(c0)])
        .await
        .unwrap();
    assert!(deleted.rejected.is_empty(), "{deleted:?}");
    let read = client
        .stocks()
        .read(w1, vec![StockKey::chrt(c0)])
        .await
        .unwrap();
    assert!(read.is_empty());
    assert_eq!(sandbox.stock(&barcodes[0], w1), Some(0));
}

#[tokio::test]
async fn an_unknown_size_is_refused_per_item_with_wbs_409() {
    let sandbox = Sandbox::start().await;
    let client = sandbox.client().unwrap();
    let w = sandbox.warehouse_ids()[0];
    let barcodes = sandbox.barcodes();
    let (c0, c1) = (
        sandbox.chrt_id_of(&barcodes[0]).unwrap(),
        sandbox.chrt_id_of(&barcodes[1]).unwrap(),
    );
    let before = sandbox.stock_of(c0, w);
    let report = client
        .stocks()
        .update(
            w,
            vec![
                StockItem::chrt(c0, 5),
                StockItem::chrt(999_999_999, 3),
                StockItem::chrt(c1, 7),
            ],
        )
        .await
        .unwrap();
    // WB refused the whole request for the unknown size; the client sent the other two
    // once more on their own, and they were applied.
    assert_eq!(report.rejected.len(), 1, "{report:?}");
    let unknown = &report.rejected[0];
    assert_eq!(unknown.key, StockKey::chrt(999_999_999));
    assert_eq!(unknown.stage, RejectionStage::Vendor);
    assert_eq!(unknown.code.as_deref(), Some("NotFound"));
    assert_eq!(report.accepted, [StockKey::chrt(c0), StockKey::chrt(c1)]);
    assert_ne!(before, Some(5));
    assert_eq!(sandbox.stock_of(c0, w), Some(5));
    assert_eq!(sandbox.stock_of(c1, w), Some(7));
    assert_eq!(
        sandbox.requests().count("PUT /api/v3/stocks/{warehouseId}"),
        2
    );

    // The 409 as WB writes it.
    let r = raw(
        &sandbox,
        reqwest::Method::PUT,
        &format!("/api/v3/stocks/{w}"),
    )
    .json(&json!({"stocks": [{"chrtId": 999_999_999, "amount": 3}]}))
    .send()
    .await
    .unwrap();
    assert_eq!(r.status(), 409);
    let body: Value = r.json().await.unwrap();
    assert_eq!(
        body,
        json!([{"code": "NotFound", "message": "Not found", "data": [{"chrtId": 999_999_999, "sku": "", "amount": 3}]}])
    );
}

#[tokio::test]
async fn a_stock_update_by_barcode_is_refused_as_wb_does_since_2026_08() {
    let sandbox = Sandbox::start().await;
    let w = sandbox.warehouse_ids()[0];
    let barcodes = sandbox.barcodes();
    let c0 = sandbox.chrt_id_of(&barcodes[0]).unwrap();
    let before = sandbox.stock_of(c0, w);
    let r = raw(
        &sandbox,
        reqwest::Method::PUT,
        &format!("/api/v3/stocks/{w}"),
    )
    .json(&json!({"stocks": [{"sku": barcodes[0], "amount": 1}]}))
    .send()
    .await
    .unwrap();
    assert_eq!(r.status(), 400);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["code"], "SKUUploadDisabled");
    assert_eq!(sandbox.stock_of(c0, w), before, "nothing applied");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_store_being_processed_refuses_with_409_and_the_client_lands_the_update_after_a_pause() {
    let sandbox = Sandbox::start().await;
    let client = sandbox
        .client_builder()
        .retry(market_core::transport::RetryPolicy {
            max_attempts: 3,
            jitter: false,
            ..Default::default()
        })
        .build()
        .unwrap();
    let w = sandbox.warehouse_ids()[0];
    let c0 = sandbox.chrt_id_of(&sandbox.barcodes()[0]).unwrap();
    sandbox.store_processing(w, 1);
    let start = std::time::Instant::now();
    let report = client
        .stocks()
        .update(w, vec![StockItem::chrt(c0, 42)])
        .await
        .unwrap();
    assert!(report.rejected.is_empty(), "{report:?}");
    assert_eq!(report.accepted, [StockKey::chrt(c0)]);
    assert_eq!(sandbox.stock_of(c0, w), Some(42), "the update landed");
    assert_eq!(
        sandbox.requests().count("PUT /api/v3/stocks/{warehouseId}"),
        2,
        "refused once with StoreIsProcessing, then sent again"
    );
    assert!(
        start.elapsed() >= std::time::Duration::from_secs(2),
        "sent again only after WB's pause ({:?})",
        start.elapsed()
    );
    // A delete of a busy store is repeated the same way.
    sandbox.store_processing(w, 1);
    let deleted = client
        .stocks()
        .delete(w, vec![StockKey::chrt(c0)])
        .await
        .unwrap();
    assert!(deleted.rejected.is_empty(), "{deleted:?}");
    assert_eq!(sandbox.stock_of(c0, w), Some(0));
    assert_eq!(
        sandbox
            .requests()
            .count("DELETE /api/v3/stocks/{warehouseId}"),
        2
    );
}

#[tokio::test]
async fn a_negative_amount_is_wbs_400_and_the_client_never_sends_it() {
    let sandbox = Sandbox::start().await;
    let client = sandbox.client().unwrap();
    let w = sandbox.warehouse_ids()[0];
    let barcode = sandbox.barcodes()[0].clone();
    let chrt = sandbox.chrt_id_of(&barcode).unwrap();
    let before = sandbox.stock(&barcode, w);
    let r = raw(
        &sandbox,
        reqwest::Method::PUT,
        &format!("/api/v3/stocks/{w}"),
    )
    .json(&json!({"stocks": [{"chrtId": chrt, "amount": -1}]}))
    .send()
    .await
    .unwrap();
    assert_eq!(r.status(), 400);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["code"], "IncorrectRequest");
    assert_eq!(sandbox.stock(&barcode, w), before);
    // Over WB's maximum of items, and an unknown warehouse.
    let many: Vec<Value> = (0..1001)
        .map(|_| json!({"chrtId": chrt, "amount": 1}))
        .collect();
    let r = raw(
        &sandbox,
        reqwest::Method::PUT,
        &format!("/api/v3/stocks/{w}"),
    )
    .json(&json!({ "stocks": many }))
    .send()
    .await
    .unwrap();
    assert_eq!(r.status(), 400);
    let r = raw(&sandbox, reqwest::Method::PUT, "/api/v3/stocks/42")
        .json(&json!({"stocks": [{"chrtId": chrt, "amount": 1}]}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    assert_eq!(
        sandbox.requests().count("PUT /api/v3/stocks/{warehouseId}"),
        3
    );

    // The client rejects it locally: nothing more is sent.
    let report = client
        .stocks()
        .update(w, vec![StockItem::chrt(chrt, -1)])
        .await
        .unwrap();
    assert_eq!(report.rejected.len(), 1);
    assert_eq!(report.rejected[0].stage, RejectionStage::Validation);
    assert_eq!(
        sandbox.requests().count("PUT /api/v3/stocks/{warehouseId}"),
        3
    );
}

// ---------------------------------------------------------------------------------------------
// Prices.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn uploaded_prices_show_in_the_goods_list() {
    let sandbox = Sandbox::start().await;
    let client = sandbox.client().unwrap();
    let nm = sandbox.nm_ids();
    let upload = client
        .prices()
        .upload(vec![
            GoodPrice::new(nm[0], Decimal::from(2000), 25),
            GoodPrice::new(NmId(999), Decimal::from(100), 0),
        ])
        .await
        .unwrap();
    assert!(upload.report.rejected.is_empty(), "{:?}", upload.report);
    let task = upload.task_ids()[0];
    assert_eq!(sandbox.price(nm[0]), Some((Decimal::from(2000), 25)));
    let meta = client
        .prices()
        .history_task(task)
        .await
        .unwrap()
        .data
        .unwrap();
    assert_eq!(meta.status, TaskMetadata::PARTLY_FAILED);
    assert_eq!(
        (meta.over_all_goods_number, meta.success_goods_number),
        (2, 1)
    );
    let goods: Vec<_> = client
        .prices()
        .history_goods_stream(task)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(goods.len(), 2);
    assert!(!goods[0].failed());
    assert!(goods[1].failed());

    let listed = client.prices().goods_by_nm(vec![nm[0]]).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].discount, 25);
    let size = &listed[0].sizes[0];
    assert_eq!(size.price, Decimal::from(2000));
    assert_eq!(size.discounted_price, Decimal::from(1500));
    let all: Vec<_> = client.prices().goods_stream().try_collect().await.unwrap();
    assert_eq!(all.len(), sandbox.card_count());
    let one = client.prices().good(nm[0]).await.unwrap().unwrap();
    assert_eq!(one.sizes[0].discounted_price, Decimal::from(1500));

    // WB's checks, raw: a discount of 100 %, a fractional price, the same prices again.
    for (good, text) in [
        (
            json!({"nmID": nm[1].0, "price": 1000, "discount": 100}),
            "Invalid discount value",
        ),
        (
            json!({"nmID": nm[1].0, "price": 999.5}),
            "Price should be a whole number",
        ),
        (
            json!({"nmID": nm[0].0, "price": 2000, "discount": 25}),
            "The specified prices and discounts are already set",
        ),
    ] {
        let r = send_patiently(
            raw(&sandbox, reqwest::Method::POST, "/api/v2/upload/task")
                .json(&json!({ "data": [good] })),
        )
        .await;
        assert_eq!(r.status(), 400);
        let body: Value = r.json().await.unwrap();
        assert_eq!(
            body,
            json!({"data": null, "error": true, "errorText": text})
        );
    }
    // The same upload as the last task: WB answers 208 with it.
    let same = client
        .prices()
        .upload(vec![
            GoodPrice::new(nm[0], Decimal::from(2000), 25),
            GoodPrice::new(NmId(999), Decimal::from(100), 0),
        ])
        .await
        .unwrap();
    assert!(same.tasks[0].already_exists);
    assert_eq!(same.task_ids(), [task]);

    // Through the trait: a selling price and a strike-through price become WB's full price and
    // discount.
    let m: &dyn Marketplace = &client;
    let report = m
        .update_prices(&[
            PriceUpdate::new("SKU-0003", Decimal::from(900)).with_old_price(Decimal::from(1000)),
            PriceUpdate::new("NO-SUCH-ARTICLE", Decimal::from(900)),
        ])
        .await
        .unwrap();
    assert_eq!(report.accepted.len(), 1, "{report:?}");
    assert_eq!(report.rejected.len(), 1);
    assert_eq!(sandbox.price(nm[2]), Some((Decimal::from(1000), 10)));
}

// ---------------------------------------------------------------------------------------------
// Orders and supplies.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn the_order_stream_pages_over_more_than_a_thousand_orders() {
    let sandbox = Sandbox::start_with(SandboxConfig {
        orders: 1100,
        ..SandboxConfig::default()
    })
    .await;
    let client = sandbox.client().unwrap();
    let m: &dyn Marketplace = &client;
    let orders: Vec<Order> = m
        .orders(OrderQuery::window(whole_window()))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(orders.len(), 1100);
    assert_eq!(orders.len(), sandbox.order_count());
    let ids: HashSet<&str> = orders.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids.len(), 1100);
    // 1000, 100, then an empty page; statuses in chunks of 1000.
    assert_eq!(sandbox.requests().count("GET /api/v3/orders"), 3);
    assert_eq!(sandbox.requests().count("POST /api/v3/orders/status"), 2);
    // Mixed statuses, all known to the lifecycle table.
    let lifecycles: HashSet<Lifecycle> = orders.iter().map(|o| o.status.lifecycle).collect();
    for l in [
        Lifecycle::AwaitingConfirmation,
        Lifecycle::AwaitingShipment,
        Lifecycle::InDelivery,
        Lifecycle::Delivered,
        Lifecycle::Cancelled,
    ] {
        assert!(lifecycles.contains(&l), "no {l:?} in {lifecycles:?}");
    }
    assert!(!lifecycles.contains(&Lifecycle::Unknown));
    // Prices in kopecks on the wire, roubles on the order; the article and barcode are there.
    let page = client
        .orders()
        .list(&wb_api::models::orders::OrdersQuery::first(10))
        .await
        .unwrap();
    let wire = &page.orders[0];
    assert_eq!(wire.currency_code, 643);
    assert!(wire.article.starts_with("SKU-"));
    assert_eq!(wire.skus.len(), 1);
    assert!(sandbox.barcodes().contains(&wire.skus[0]));
    let unified = orders
        .iter()
        .find(|o| o.id.as_str() == wire.id.to_string())
        .unwrap();
    assert_eq!(unified.lines[0].unit_price, Decimal::new(wire.price, 2));
    assert_eq!(unified.lines[0].offer_id.as_str(), wire.article);
    // Orders in a supply name it.
    assert!(page.orders.iter().any(|o| o.supply_id.is_some()));
    // The status filter of the trait.
    let new: Vec<Order> = m
        .orders(OrderQuery::window(whole_window()).with_statuses([Lifecycle::AwaitingConfirmation]))
        .try_collect()
        .await
        .unwrap();
    assert!(!new.is_empty());
    assert!(new.len() < orders.len());
}

#[tokio::test]
async fn confirm_ship_and_advance_move_an_order_on() {
    let sandbox = Sandbox::start().await;
    let client = sandbox.client().unwrap();
    let m: &dyn Marketplace = &client;
    let id = sandbox.add_orders(1)[0];
    assert_eq!(status(&sandbox, id), pair("new", "waiting"));
    let new = client.orders().list_new().await.unwrap();
    assert!(new.iter().any(|o| o.id == id));
    assert_eq!(
        m.order(&core_id(id)).await.unwrap().status.lifecycle,
        Lifecycle::AwaitingConfirmation
    );

    m.confirm_order(&core_id(id)).await.unwrap();
    assert_eq!(status(&sandbox, id), pair("confirm", "waiting"));
    let order = m.order(&core_id(id)).await.unwrap();
    assert_eq!(order.status.lifecycle, Lifecycle::AwaitingShipment);
    assert_eq!(order.status.raw, "confirm/waiting");
    assert_eq!(sandbox.requests().count("POST /api/v3/supplies"), 1);
    let supplies: Vec<_> = client.supplies().list_stream().try_collect().await.unwrap();
    let ours = supplies
        .iter()
        .find(|s| s.name.starts_with(SUPPLY_NAME))
        .unwrap();
    assert!(!ours.done);
    assert!(ours.id.as_str().starts_with("WB-GI-"));
    assert_eq!(client.supplies().order_ids(&ours.id).await.unwrap(), [id]);
    // Not delivered yet: no QR code.
    let err = client
        .supplies()
        .barcode(&ours.id, StickerType::Svg)
        .await
        .unwrap_err();
    assert_eq!(api_error(&err).code.as_deref(), Some("SupplyNotClosed"));

    m.ship_order(&core_id(id)).await.unwrap();
    assert_eq!(status(&sandbox, id), pair("complete", "sorted"));
    assert_eq!(
        m.order(&core_id(id)).await.unwrap().status.lifecycle,
        Lifecycle::InDelivery
    );
    let supply = client.supplies().get(&ours.id).await.unwrap();
    assert!(supply.done);
    assert!(supply.closed_at.is_some());
    let qr = client
        .supplies()
        .barcode(&ours.id, StickerType::Svg)
        .await
        .unwrap();
    assert_eq!(qr.barcode, ours.id.as_str());
    assert!(qr.bytes.starts_with(b"<svg"));

    sandbox.advance();
    assert_eq!(status(&sandbox, id), pair("complete", "sold"));
    assert_eq!(
        m.order(&core_id(id)).await.unwrap().status.lifecycle,
        Lifecycle::Delivered
    );

    // The next order goes into a new supply (the delivered one is closed), shipped in one go.
    let next = sandbox.add_orders(1)[0];
    m.ship_order(&core_id(next)).await.unwrap();
    assert_eq!(status(&sandbox, next), pair("complete", "sorted"));
    assert_eq!(sandbox.requests().count("POST /api/v3/supplies"), 2);
}

#[tokio::test]
async fn a_supply_takes_the_orders_of_one_warehouse() {
    let sandbox = Sandbox::start().await;
    let client = sandbox.client().unwrap();
    let ids = sandbox.add_orders(12);
    let page = client
        .orders()
        .list(&wb_api::models::orders::OrdersQuery::first(1000))
        .await
        .unwrap();
    let warehouse_of = |id: OrderId| {
        page.orders
            .iter()
            .find(|o| o.id == id)
            .map(|o| o.warehouse_id)
            .unwrap()
    };
    let first = ids[0];
    let other = *ids
        .iter()
        .find(|i| warehouse_of(**i) != warehouse_of(first))
        .expect("orders at both warehouses");
    let supply = client.supplies().create("двое").await.unwrap();
    // An empty supply cannot be delivered.
    let err = client.supplies().deliver(&supply).await.unwrap_err();
    assert_eq!(api_error(&err).code.as_deref(), Some("SupplyHasZeroOrders"));
    let ok = client
        .supplies()
        .add_orders(&supply, vec![first])
        .await
        .unwrap();
    assert!(ok.rejected.is_empty());
    let refused = client
        .supplies()
        .add_orders(&supply, vec![other])
        .await
        .unwrap();
    assert_eq!(refused.rejected.len(), 1);
    assert_eq!(
        refused.rejected[0].code.as_deref(),
        Some("FailedToAddSupplyOrder")
    );
    assert_eq!(status(&sandbox, other), pair("new", "waiting"));
    assert_eq!(client.supplies().order_ids(&supply).await.unwrap(), [first]);
    // An unknown supply.
    let err = client.supplies().get(&"WB-GI-1".into()).await.unwrap_err();
    assert_eq!(api_error(&err).kind, ApiErrorKind::NotFound);
}

#[tokio::test]
async fn cancelling_moves_an_order_to_cancel_once() {
    let sandbox = Sandbox::start().await;
    let client = sandbox.client().unwrap();
    let m: &dyn Marketplace = &client;
    let id = sandbox.add_orders(1)[0];
    m.cancel_order(&core_id(id), &CancelReason::out_of_stock())
        .await
        .unwrap();
    assert_eq!(status(&sandbox, id), pair("cancel", "canceled"));
    assert_eq!(
        m.order(&core_id(id)).await.unwrap().status.lifecycle,
        Lifecycle::Cancelled
    );
    let err = m
        .cancel_order(&core_id(id), &CancelReason::out_of_stock())
        .await
        .unwrap_err();
    let api = api_error(&err);
    assert_eq!(api.status, 409);
    assert_eq!(api.kind, ApiErrorKind::Conflict);
    assert_eq!(api.code.as_deref(), Some("StatusMismatch"));
    let err = client.orders().cancel(OrderId(7)).await.unwrap_err();
    assert_eq!(api_error(&err).kind, ApiErrorKind::NotFound);
    assert_eq!(
        sandbox
            .requests()
            .count("PATCH /api/v3/orders/{orderId}/cancel"),
        3
    );
    // A cancelled order cannot join a supply.
    let supply = client.supplies().create("после отмены").await.unwrap();
    let report = client
        .supplies()
        .add_orders(&supply, vec![id])
        .await
        .unwrap();
    assert_eq!(report.rejected.len(), 1);
}

#[tokio::test]
async fn stickers_are_real_files_for_orders_being_assembled() {
    let sandbox = Sandbox::start().await;
    let client = sandbox.client().unwrap();
    let m: &dyn Marketplace = &client;
    let id = sandbox.add_orders(1)[0];
    // A new order has no sticker yet.
    let err = m.label(&core_id(id)).await.unwrap_err();
    assert_eq!(api_error(&err).status, 400);
    m.confirm_order(&core_id(id)).await.unwrap();
    let label = m.label(&core_id(id)).await.unwrap();
    assert_eq!(label.format, LabelFormat::Svg);
    assert_eq!(LabelFormat::sniff(&label.bytes), Some(LabelFormat::Svg));
    let text = String::from_utf8(label.bytes.to_vec()).unwrap();
    assert!(text.contains(r#"width="580""#), "{text}");
    assert!(text.ends_with("</svg>"));
    let png = client
        .orders()
        .stickers(vec![id], StickerType::Png, StickerSize::W40H30)
        .await
        .unwrap();
    assert_eq!(LabelFormat::sniff(&png[0].bytes), Some(LabelFormat::Png));
    assert_eq!(png[0].order_id, id);
    assert_eq!(
        format!("{}{}", png[0].part_a, png[0].part_b),
        id.to_string()
    );
    let zpl = client
        .orders()
        .stickers(vec![id], StickerType::Zplh, StickerSize::W58H40)
        .await
        .unwrap();
    assert_eq!(LabelFormat::sniff(&zpl[0].bytes), Some(LabelFormat::Zpl));
    // An unknown order: WB's 400.
    let err = client
        .orders()
        .stickers(vec![OrderId(1)], StickerType::Svg, StickerSize::W58H40)
        .await
        .unwrap_err();
    let api = api_error(&err);
    assert_eq!(api.status, 400);
    assert_eq!(api.code.as_deref(), Some("IncorrectRequest"));
}

#[tokio::test]
async fn new_orders_arrive_on_each_poll() {
    let sandbox = Sandbox::start_with(SandboxConfig {
        orders: 0,
        new_orders_per_poll: 2,
        ..SandboxConfig::default()
    })
    .await;
    let client = sandbox.client().unwrap();
    assert_eq!(client.orders().list_new().await.unwrap().len(), 2);
    assert_eq!(client.orders().list_new().await.unwrap().len(), 4);
    let m: &dyn Marketplace = &client;
    let all: Vec<Order> = m
        .orders(OrderQuery::window(whole_window()))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 6);
    assert_eq!(sandbox.order_count(), 6);
}

// ---------------------------------------------------------------------------------------------
// Claims, statistics.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn claims_are_listed_and_become_returns() {
    let sandbox = Sandbox::start().await;
    let client = sandbox.client().unwrap();
    let open = client.returns().claims(&ClaimsQuery::open()).await.unwrap();
    assert_eq!(open.total, 3);
    assert!(open.claims.iter().all(|c| !c.actions.is_empty()));
    let archived = client
        .returns()
        .claims(&ClaimsQuery::archived())
        .await
        .unwrap();
    assert_eq!(archived.total, 2);
    let nm: HashSet<NmId> = sandbox.nm_ids().into_iter().collect();
    for c in open.claims.iter().chain(&archived.claims) {
        assert!(nm.contains(&c.nm_id));
        assert!(c.price > Decimal::ZERO);
        assert!(c.dt.is_some());
    }
    let one = client
        .returns()
        .claims(&ClaimsQuery::open().with_id(open.claims[0].id.clone()))
        .await
        .unwrap();
    assert_eq!(one.claims.len(), 1);

    let m: &dyn Marketplace = &client;
    let returns: Vec<_> = m
        .returns(ReturnQuery {
            window: TimeWindow::last(TimeDelta::days(15)),
        })
        .try_collect()
        .await
        .unwrap();
    assert_eq!(returns.len(), 5);
    // WB's 400 for a missing `is_archive`, as the claims spec writes it.
    let r = raw(&sandbox, reqwest::Method::GET, "/api/v1/claims")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["title"], "Invalid query params");
}

#[tokio::test]
async fn statistics_reports_are_served() {
    let sandbox = Sandbox::start().await;
    let client = sandbox.client().unwrap();
    let long_ago = Utc::now() - TimeDelta::days(365);
    let stats = client.statistics();
    let (orders, sales) = tokio::join!(
        stats.orders(long_ago, DateMode::ChangedSince),
        stats.sales(long_ago, DateMode::ChangedSince),
    );
    let orders = orders.unwrap();
    assert_eq!(orders.len(), sandbox.order_count());
    assert!(orders.iter().any(|o| o.is_cancel));
    let sales = sales.unwrap();
    assert!(!sales.is_empty());
    assert!(
        sales
            .iter()
            .all(|s| !s.is_return() && s.for_pay > Decimal::ZERO)
    );
    // WB's 400 without dateFrom (on a sandbox without limits: statistics allow one request
    // a minute).
    let free = Sandbox::start_with(SandboxConfig {
        rate_limits: false,
        ..SandboxConfig::default()
    })
    .await;
    let r = raw(&free, reqwest::Method::GET, "/api/v1/supplier/orders")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body, json!({"errors": ["dateFrom: field required"]}));
    // The limit: a second request of the same report within the minute is refused.
    let r = raw(
        &sandbox,
        reqwest::Method::GET,
        "/api/v1/supplier/sales?dateFrom=2024-01-01",
    )
    .send()
    .await
    .unwrap();
    assert_eq!(r.status(), 429);
    let wait: u64 = r.headers()["x-ratelimit-retry"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((50..=60).contains(&wait), "{wait}");
}

#[tokio::test]
async fn the_stock_report_of_wb_warehouses_pages_by_offset_and_the_old_report_is_gone() {
    let sandbox = Sandbox::start_with(SandboxConfig {
        rate_limits: false,
        ..SandboxConfig::default()
    })
    .await;
    // The report's quota (3 requests a minute) is the limiter's business, tested with the
    // paused clock in limits.rs; here only the paging counts, so neither side limits.
    let client = sandbox
        .client_builder()
        .without_rate_limits()
        .build()
        .unwrap();
    let sizes = sandbox.barcodes().len();
    // Pages of 7 rows: every size once, in order, the last page short.
    let rows: Vec<_> = client
        .analytics()
        .wb_warehouses_stocks_stream(Vec::new(), 7)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(rows.len(), sizes);
    let mut keys: Vec<_> = rows.iter().map(|r| (r.nm_id, r.chrt_id)).collect();
    keys.dedup();
    assert_eq!(keys.len(), sizes);
    assert!(rows.iter().all(|r| r.warehouse_id == -999_999));
    assert_eq!(
        sandbox
            .requests()
            .count("POST /api/analytics/v1/stocks-report/wb-warehouses"),
        sizes.div_ceil(7) + usize::from(sizes % 7 == 0)
    );
    // Filtered by article.
    let nm = sandbox.nm_ids()[0];
    let one = client
        .analytics()
        .wb_warehouses_stocks(&wb_api::models::analytics::InventoryRequest {
            nm_ids: vec![nm],
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(!one.is_empty() && one.iter().all(|r| r.nm_id == nm));
    // The switched-off statistics stock report answers WB's 404.
    let r = raw(
        &sandbox,
        reqwest::Method::GET,
        "/api/v1/supplier/stocks?dateFrom=2024-01-01",
    )
    .send()
    .await
    .unwrap();
    assert_eq!(r.status(), 404);
}

// ---------------------------------------------------------------------------------------------
// Rate limits and faults.
// ---------------------------------------------------------------------------------------------

/// `n` status requests at once.
async fn burst(client: &Client, id: OrderId, n: usize) -> Vec<market_core::Result<()>> {
    join_all((0..n).map(|_| async move { client.orders().statuses(vec![id]).await.map(|_| ()) }))
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn rate_limits_refuse_a_client_without_a_limiter_and_spare_one_with_it() {
    let config = || SandboxConfig {
        orders: 5,
        ..SandboxConfig::default()
    };
    let (limited, unlimited, refused) = tokio::join!(
        Sandbox::start_with(config()),
        Sandbox::start_with(config()),
        Sandbox::start_with(config())
    );
    let id = limited.add_orders(1)[0];
    let own_limiter = limited.client().unwrap();
    let no_limiter = unlimited
        .client_builder()
        .without_rate_limits()
        .build()
        .unwrap();
    let never_retries = refused
        .client_builder()
        .without_rate_limits()
        .retry(RetryPolicy::never())
        .build()
        .unwrap();
    const N: usize = 30;
    const OP: &str = "POST /api/v3/orders/status";
    let (a, b, c) = tokio::join!(
        burst(&own_limiter, id, N),
        burst(&no_limiter, id, N),
        burst(&never_retries, id, N)
    );
    // The client's limiter keeps to WB's FBS quota (burst 20, then 5 a second): nothing
    // refused, nothing repeated.
    assert!(a.iter().all(Result::is_ok));
    assert_eq!(limited.requests().count(OP), N);
    // Without it, the burst is refused past 20 with 429 and X-Ratelimit-Retry; the client
    // waits as told and repeats until every call passes.
    assert!(b.iter().all(Result::is_ok), "{b:?}");
    let repeated = unlimited.requests().count(OP) - N;
    assert!(repeated > 0, "no 429 for {N} requests at once");
    // Without retries the 429s surface, typed, with WB's wait.
    let errors: Vec<&Error> = c.iter().filter_map(|r| r.as_ref().err()).collect();
    assert!(!errors.is_empty());
    assert!(errors.len() <= N - 20, "{} refused", errors.len());
    for e in errors {
        let api = api_error(e);
        assert_eq!(api.status, 429);
        assert_eq!(api.kind, ApiErrorKind::RateLimited);
        assert_eq!(api.code.as_deref(), Some("too-many-requests"));
        assert_eq!(api.retry_after, Some(Duration::from_secs(1)));
    }
    assert_eq!(refused.requests().count(OP), N);
}

#[tokio::test]
async fn wbs_rate_limit_headers_are_sent() {
    let sandbox = Sandbox::start().await;
    let mut last = None;
    // The group holds 20 and refills 5 a second in real time: the 429 comes after 21
    // requests on an idle machine, later on a loaded one; 500 leaves room for a slow one.
    for _ in 0..500 {
        let r = raw(
            &sandbox,
            reqwest::Method::GET,
            "/api/v3/supplies?limit=1&next=0",
        )
        .send()
        .await
        .unwrap();
        if r.status() == 429 {
            last = Some(r);
            break;
        }
        assert!(r.headers().contains_key("x-ratelimit-remaining"));
    }
    let r = last.expect("a 429 from a group with a burst of 20");
    for h in [
        "x-ratelimit-retry",
        "x-ratelimit-reset",
        "x-ratelimit-limit",
        "x-ratelimit-remaining",
    ] {
        assert!(r.headers().contains_key(h), "no {h}");
    }
    assert_eq!(r.headers()["x-ratelimit-remaining"], "0");
    assert_eq!(r.headers()["x-ratelimit-limit"], "20");
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["status"], 429);
}

#[tokio::test]
async fn rate_limits_can_be_turned_off() {
    let sandbox = Sandbox::start_with(SandboxConfig {
        rate_limits: false,
        orders: 5,
        ..SandboxConfig::default()
    })
    .await;
    let id = sandbox.add_orders(1)[0];
    let client = sandbox
        .client_builder()
        .without_rate_limits()
        .retry(RetryPolicy::never())
        .build()
        .unwrap();
    let results = burst(&client, id, 60).await;
    assert!(results.iter().all(Result::is_ok));
    assert_eq!(sandbox.requests().count("POST /api/v3/orders/status"), 60);
}

#[tokio::test]
async fn scheduled_faults_are_survived_and_a_cut_body_is_a_decode_error() {
    let sandbox = Sandbox::start_with(SandboxConfig {
        faults: FaultPlan::schedule([Some(Fault::RateLimited), Some(Fault::ServerError)])
            .on_path("/api/v3/warehouses"),
        ..SandboxConfig::default()
    })
    .await;
    let client = sandbox
        .client_builder()
        .retry(quick_retries())
        .build()
        .unwrap();
    let m: &dyn Marketplace = &client;
    let list = m.warehouses().await.unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(sandbox.faults().injected(), 2);
    // One call, asked three times: 429, 500, then the answer.
    assert_eq!(sandbox.requests().count("GET /api/v3/warehouses"), 3);

    // A cut body is a 200 whose JSON ends early: a read is sent once more, and a second cut
    // body is a decode error.
    sandbox
        .faults()
        .set(FaultPlan::schedule([Some(Fault::CutBody)]).on_path("/api/v3/warehouses"));
    assert_eq!(m.warehouses().await.unwrap().len(), 2);
    sandbox.faults().set(
        FaultPlan::schedule([Some(Fault::CutBody), Some(Fault::CutBody)])
            .on_path("/api/v3/warehouses"),
    );
    let err = m.warehouses().await.unwrap_err();
    assert!(matches!(err, Error::Decode { .. }), "{err:?}");
    assert_eq!(sandbox.faults().injected(), 5);
    assert_eq!(m.warehouses().await.unwrap().len(), 2);

    // A 500 on a supply creation is not repeated (it may have created one).
    sandbox
        .faults()
        .set(FaultPlan::schedule([Some(Fault::ServerError)]).on_path("/api/v3/supplies"));
    let err = client.supplies().create("once").await.unwrap_err();
    assert_eq!(api_error(&err).kind, ApiErrorKind::Server);
    assert_eq!(sandbox.requests().count("POST /api/v3/supplies"), 1);
}

#[tokio::test]
async fn random_faults_are_survived_by_the_order_stream() {
    let sandbox = Sandbox::start_with(SandboxConfig {
        orders: 300,
        faults: FaultPlan::random(0.1, 0.3, 0.0, 7),
        ..SandboxConfig::default()
    })
    .await;
    let client = sandbox
        .client_builder()
        .retry(RetryPolicy {
            max_attempts: 10,
            ..quick_retries()
        })
        .build()
        .unwrap();
    let m: &dyn Marketplace = &client;
    for _ in 0..3 {
        let orders: Vec<Order> = m
            .orders(OrderQuery::window(whole_window()))
            .try_collect()
            .await
            .unwrap();
        assert_eq!(orders.len(), 300);
    }
    assert!(sandbox.faults().injected() > 0);
    assert_eq!(
        sandbox.requests().total(),
        9 + sandbox.faults().injected(),
        "every fault cost exactly one more request"
    );
}

#[tokio::test]
async fn the_same_seed_gives_the_same_account() {
    let (a, b, c) = tokio::join!(
        Sandbox::start(),
        Sandbox::start(),
        Sandbox::start_with(SandboxConfig {
            seed: 7,
            ..SandboxConfig::default()
        })
    );
    let snapshot = |s: &Sandbox| {
        let prices: Vec<_> = s.nm_ids().into_iter().map(|n| s.price(n)).collect();
        let stocks: Vec<_> = s
            .barcodes()
            .iter()
            .map(|b| s.stock(b, s.warehouse_ids()[0]))
            .collect();
        (s.vendor_codes(), s.barcodes(), prices, stocks)
    };
    assert_eq!(snapshot(&a), snapshot(&b));
    assert_ne!(snapshot(&a).2, snapshot(&c).2);
    assert_eq!(order_snapshot(&a).await, order_snapshot(&b).await);
}

async fn order_snapshot(s: &Sandbox) -> Vec<(String, String)> {
    let client = s.client().unwrap();
    let m: &dyn Marketplace = &client;
    let list: Vec<Order> = m
        .orders(OrderQuery::window(whole_window()))
        .try_collect()
        .await
        .unwrap();
    list.into_iter()
        .map(|o| (o.id.as_str().to_owned(), o.status.raw))
        .collect()
}

#[tokio::test]
async fn orders_of_both_warehouses_are_confirmed_into_a_supply_per_warehouse() {
    let sandbox = Sandbox::start().await;
    let client = sandbox.client().unwrap();
    let m: &dyn Marketplace = &client;
    let ids = sandbox.add_orders(8);
    for id in &ids {
        m.confirm_order(&core_id(*id)).await.unwrap();
        assert_eq!(status(&sandbox, *id), pair("confirm", "waiting"));
    }
    let supplies: Vec<_> = client.supplies().list_stream().try_collect().await.unwrap();
    let mut ours: Vec<&str> = supplies
        .iter()
        .filter(|s| s.name.starts_with(SUPPLY_NAME))
        .map(|s| s.name.as_str())
        .collect();
    ours.sort_unstable();
    ours.dedup();
    let warehouses: Vec<String> = sandbox
        .warehouse_ids()
        .iter()
        .map(|w| wb_api::marketplace::supply_name(*w))
        .collect();
    assert!(
        ours.iter().all(|n| warehouses.iter().any(|w| w == n)),
        "{ours:?}"
    );
    assert_eq!(
        ours.len(),
        2,
        "eight new orders fall on both warehouses: {ours:?}"
    );
}

#[tokio::test]
async fn a_price_already_in_force_is_accepted_through_the_trait() {
    let sandbox = Sandbox::start().await;
    let client = sandbox.client().unwrap();
    let m: &dyn Marketplace = &client;
    let offer = sandbox.vendor_codes()[0].clone();
    let update = market_core::PriceUpdate::new(offer.as_str(), Decimal::from(1200))
        .with_old_price(Decimal::from(1600));
    let first = m
        .update_prices(std::slice::from_ref(&update))
        .await
        .unwrap();
    assert!(first.is_complete_success(), "{first:?}");
    // Another upload in between, so that WB does not answer "this task already exists".
    let other = sandbox.vendor_codes()[1].clone();
    m.update_prices(&[market_core::PriceUpdate::new(
        other.as_str(),
        Decimal::from(999),
    )])
    .await
    .unwrap();
    let uploads = sandbox.requests().count("POST /api/v2/upload/task");
    let again = m.update_prices(&[update]).await.unwrap();
    assert_eq!(
        sandbox.requests().count("POST /api/v2/upload/task"),
        uploads + 1,
        "sent again, and WB said it changes nothing"
    );
    assert!(again.is_complete_success(), "{again:?}");
    let nm = sandbox.nm_id_of(&offer).unwrap();
    assert_eq!(sandbox.selling_price(nm), Some(Decimal::from(1200)));
}
