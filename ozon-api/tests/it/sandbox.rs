//! The Ozon sandbox, driven through the real client and through the `Marketplace` trait:
//! state round trips, Ozon's limits and errors, fault injection, rate limits, determinism.

use std::collections::{BTreeSet, HashSet};
use std::str::FromStr;
use std::time::Duration;

use chrono::{TimeDelta, Utc};
use futures::{StreamExt, TryStreamExt};
use http::HeaderMap;
use market_core::sandbox::{Fault, FaultPlan};
use market_core::transport::{HttpSettings, Operation, RetryPolicy, Transport, Vendor};
use market_core::{
    ApiErrorKind, CancelReason, DeliveryScheme, Error, LabelFormat, Lifecycle, Marketplace, Order,
    OrderId, OrderQuery, PriceUpdate, ReturnQuery, StockUpdate, TimeWindow,
};
use ozon_api::api::stocks::STOCKS_UPDATE;
use ozon_api::models::common::PostingStatus;
use ozon_api::models::fbs::{
    CancelRequest, FbsPosting, FbsPostingGetRequest, FbsPostingListFilter, FbsPostingListRequest,
    FbsPostingWith, PostingSubstatus, ShipPackage, ShipPackageProduct, ShipRequest,
    TplIntegrationType,
};
use ozon_api::models::prices::{ImportPricesRequestPrice, PricesFilter};
use ozon_api::models::products::{
    ImportItemStatus, ProductImportItem, ProductInfoListRequest, ProductListFilter,
};
use ozon_api::models::stocks::{
    ProductsStocksRequest, ProductsStocksRequestStock, StocksInfoFilter,
};
use ozon_api::sandbox::{SANDBOX_API_KEY, SANDBOX_CLIENT_ID, Sandbox, SandboxConfig};
use ozon_api::{Client, WarehouseId};
use rust_decimal::Decimal;

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// Retries without real waiting to speak of.
fn quick_retries() -> RetryPolicy {
    RetryPolicy {
        max_attempts: 5,
        initial_delay: Duration::from_millis(1),
        max_delay: Duration::from_millis(5),
        jitter: false,
        ..RetryPolicy::default()
    }
}

/// A client for tests on tokio's paused clock: no timeouts (they would fire early).
fn paused_client(sandbox: &Sandbox) -> Client {
    sandbox
        .client_builder()
        .http(HttpSettings {
            connect_timeout: None,
            request_timeout: None,
            pool_idle_timeout: None,
            ..HttpSettings::default()
        })
        .build()
        .unwrap()
}

/// Everything in the seeded history, up to an hour ahead (new postings are made "now").
fn whole_window() -> TimeWindow {
    TimeWindow::new(
        Utc::now() - TimeDelta::days(8),
        Utc::now() + TimeDelta::hours(1),
    )
    .unwrap()
}

fn fbs_list_request(cursor: &str) -> FbsPostingListRequest {
    let w = whole_window();
    FbsPostingListRequest {
        cursor: cursor.to_owned(),
        ..FbsPostingListRequest::new(FbsPostingListFilter::new(w.since, w.until), 100)
    }
}

async fn all_fbs(client: &Client) -> Vec<FbsPosting> {
    let w = whole_window();
    client
        .fbs()
        .list_stream(
            FbsPostingListFilter::new(w.since, w.until),
            FbsPostingWith::default(),
        )
        .try_collect()
        .await
        .unwrap()
}

fn api_error(e: &Error) -> &market_core::ApiError {
    e.api().unwrap_or_else(|| panic!("not an API error: {e:?}"))
}

// ---------------------------------------------------------------------------------------------
// Warehouses, stocks, prices, products.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn warehouses_are_listed_by_the_client_and_the_trait() {
    let sandbox = Sandbox::start().await;
    let client = sandbox.client().unwrap();
    let list = client.warehouses().list().await.unwrap();
    let ids: Vec<WarehouseId> = list.iter().map(|w| w.warehouse_id).collect();
    assert_eq!(
        ids,
        [
            WarehouseId(22_142_605_386_000),
            WarehouseId(22_142_605_386_001)
        ]
    );
    assert_eq!(ids, sandbox.warehouse_ids());
    assert_eq!(list[0].name, "Склад Москва");
    assert!(!list[0].is_rfbs && list[1].is_rfbs);

    let m: &dyn Marketplace = &client;
    let unified = m.warehouses().await.unwrap();
    assert_eq!(unified.len(), 2);
    assert!(unified.iter().all(|w| w.active));
    assert_eq!(unified[0].id.as_str(), "22142605386000");
    assert_eq!(unified[0].scheme, DeliveryScheme::Fbs);
    assert_eq!(unified[1].scheme, DeliveryScheme::Dbs);
    assert_eq!(sandbox.requests().count("POST /v2/warehouse/list"), 2);
}

#[tokio::test]
async fn stocks_pushed_are_read_back() {
    let sandbox = Sandbox::start().await;
    let client = sandbox.client().unwrap();
    let warehouse = sandbox.warehouse_ids()[0];
    let offers = sandbox.offers();
    assert_eq!(offers.len(), 42);
    assert!(offers.contains(&"BALL".to_owned()) && offers.contains(&"BASKET".to_owned()));

    let report = client
        .stocks()
        .update(vec![
            ProductsStocksRequestStock::by_offer(offers[0].as_str(), warehouse, 11),
            ProductsStocksRequestStock::by_offer("BALL", warehouse, 0),
            ProductsStocksRequestStock::by_offer("NO-SUCH-OFFER", warehouse, 3),
            ProductsStocksRequestStock::by_offer(offers[1].as_str(), WarehouseId(1), 3),
        ])
        .await
        .unwrap();
    assert_eq!(report.accepted.len(), 2, "{report:?}");
    assert_eq!(sandbox.stock(&offers[0], warehouse), Some(11));
    assert_eq!(sandbox.stock("BALL", warehouse), Some(0));
    let unknown = report
        .rejected
        .iter()
        .find(|r| r.key.offer_id.as_deref() == Some("NO-SUCH-OFFER"))
        .unwrap();
    assert_eq!(unknown.code.as_deref(), Some("NOT_FOUND"));
    let bad_warehouse = report
        .rejected
        .iter()
        .find(|r| r.key.warehouse_id == WarehouseId(1))
        .unwrap();
    assert_eq!(bad_warehouse.code.as_deref(), Some("WAREHOUSE_NOT_FOUND"));

    // Through the trait, and read back through Ozon's stock reads.
    let m: &dyn Marketplace = &client;
    let updates = vec![StockUpdate::new(
        offers[2].as_str(),
        warehouse.to_string(),
        5,
    )];
    assert!(
        m.update_stocks(&updates)
            .await
            .unwrap()
            .is_complete_success()
    );
    assert_eq!(sandbox.stock(&offers[2], warehouse), Some(5));

    let sku = client
        .products()
        .info_list(ProductInfoListRequest::offer_ids([offers[2].as_str()]))
        .await
        .unwrap()[0]
        .sku;
    let rows = client.stocks().by_warehouse_fbs(vec![sku]).await.unwrap();
    let row = rows.iter().find(|r| r.warehouse_id == warehouse).unwrap();
    assert_eq!(
        row.present - row.reserved,
        5,
        "present counts reserved on top"
    );
    let info: Vec<_> = client
        .stocks()
        .info_stream(StocksInfoFilter {
            offer_id: vec![offers[2].clone()],
            ..Default::default()
        })
        .try_collect()
        .await
        .unwrap();
    assert_eq!(info.len(), 1);
    let fbs = info[0].stocks.iter().find(|s| s.kind == "fbs").unwrap();
    assert_eq!(i64::from(fbs.present - fbs.reserved), {
        let others: i64 = sandbox.warehouse_ids()[1..]
            .iter()
            .map(|w| sandbox.stock(&offers[2], *w).unwrap())
            .sum();
        5 + others
    });
}

#[tokio::test]
async fn two_hundred_fifty_stocks_take_three_requests() {
    let sandbox = Sandbox::start().await;
    let client = sandbox.client().unwrap();
    let offers = sandbox.offers();
    let warehouses = sandbox.warehouse_ids();
    // 42 offers x 2 warehouses = 84 distinct pairs; repeat them to reach 250 items.
    let items: Vec<_> = (0..250)
        .map(|i| {
            ProductsStocksRequestStock::by_offer(
                offers[i % offers.len()].as_str(),
                warehouses[(i / offers.len()) % warehouses.len()],
                i as i64,
            )
        })
        .collect();
    let report = client.stocks().update(items).await.unwrap();
    assert_eq!(report.len(), 250);
    assert!(report.rejected.is_empty(), "{:?}", report.rejected);
    assert_eq!(sandbox.requests().count("POST /v2/products/stocks"), 3);
    assert_eq!(sandbox.requests().total(), 3);
    // The last value sent for a pair wins: item 249 is offers[249 % 42] at warehouse 1.
    assert_eq!(
        sandbox.stock(&offers[249 % offers.len()], warehouses[1]),
        Some(249)
    );
}

#[tokio::test]
async fn a_request_over_ozons_maximum_is_refused_with_ozons_400() {
    let sandbox = Sandbox::start().await;
    let client = sandbox.client().unwrap();
    let warehouse = sandbox.warehouse_ids()[0];
    let offer = sandbox.offers().remove(0);
    let before = sandbox.stock(&offer, warehouse);
    let request = ProductsStocksRequest {
        stocks: (0..101)
            .map(|_| ProductsStocksRequestStock::by_offer(offer.as_str(), warehouse, 1))
            .collect(),
    };
    let err = client
        .transport()
        .send(STOCKS_UPDATE.request().json(&request).unwrap())
        .await
        .unwrap_err();
    let api = api_error(&err);
    assert_eq!(api.status, 400);
    assert_eq!(api.kind, ApiErrorKind::BadRequest);
    assert_eq!(api.code.as_deref(), Some("3"));
    assert!(api.message.contains("at most 100"), "{}", api.message);
    assert_eq!(
        sandbox.stock(&offer, warehouse),
        before,
        "nothing was applied"
    );
    assert_eq!(sandbox.requests().count("POST /v2/products/stocks"), 1);

    // A body that is not the request at all.
    let err = client
        .transport()
        .send(
            STOCKS_UPDATE
                .request()
                .json(&serde_json::json!({"stocks": "many"}))
                .unwrap(),
        )
        .await
        .unwrap_err();
    assert_eq!(api_error(&err).status, 400);
    assert!(
        api_error(&err).message.contains("invalid request body"),
        "{err}"
    );
    // A negative stock sent past the client's own check is refused per item.
    let raw = serde_json::json!({"stocks": [
        {"offer_id": offer, "stock": -1, "warehouse_id": warehouse.0}
    ]});
    let response = client
        .transport()
        .send(STOCKS_UPDATE.request().json(&raw).unwrap())
        .await
        .unwrap();
    let body: serde_json::Value = serde_json::from_slice(&response.body).unwrap();
    assert_eq!(body["result"][0]["updated"], false);
    assert!(
        body["result"][0]["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("negative")
    );
}

#[tokio::test]
async fn prices_round_trip() {
    let sandbox = Sandbox::start().await;
    let client = sandbox.client().unwrap();
    let offers = sandbox.offers();
    let report = client
        .prices()
        .update(vec![
            ImportPricesRequestPrice::by_offer(offers[0].as_str(), dec("1299.90"))
                .with_old_price(dec("1599"))
                .with_min_price(dec("999")),
            ImportPricesRequestPrice::by_offer("NO-SUCH-OFFER", dec("10")),
        ])
        .await
        .unwrap();
    assert_eq!(report.accepted.len(), 1, "{report:?}");
    assert_eq!(report.rejected[0].code.as_deref(), Some("NOT_FOUND"));
    assert_eq!(sandbox.price(&offers[0]), Some(dec("1299.90")));

    let info: Vec<_> = client
        .prices()
        .info_stream(PricesFilter {
            offer_id: vec![offers[0].clone()],
            ..Default::default()
        })
        .try_collect()
        .await
        .unwrap();
    assert_eq!(info.len(), 1);
    assert_eq!(info[0].price.price, dec("1299.90"));
    assert_eq!(info[0].price.old_price, dec("1599"));
    assert_eq!(info[0].price.min_price, dec("999"));
    assert_eq!(info[0].price.currency_code, "RUB");

    // Through the trait; a whole catalogue reads back in pages of the cursor.
    let m: &dyn Marketplace = &client;
    let report = m
        .update_prices(&[PriceUpdate::new(offers[1].as_str(), dec("450"))])
        .await
        .unwrap();
    assert!(report.is_complete_success(), "{report:?}");
    assert_eq!(sandbox.price(&offers[1]), Some(dec("450")));
    let all: Vec<_> = client
        .prices()
        .info_stream(PricesFilter::default())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), offers.len());
}

#[tokio::test]
async fn products_list_and_import() {
    let sandbox = Sandbox::start_with(SandboxConfig {
        products: 1_200,
        fbs_orders: 0,
        fbo_orders: 0,
        ..SandboxConfig::default()
    })
    .await;
    let client = sandbox.client().unwrap();
    let listed: Vec<_> = client
        .products()
        .list_stream(ProductListFilter::default())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(listed.len(), 1_202);
    assert_eq!(
        sandbox.requests().count("POST /v3/product/list"),
        2,
        "last_id paging"
    );
    let ids: HashSet<_> = listed.iter().map(|p| p.product_id).collect();
    assert_eq!(ids.len(), listed.len());

    let info = client
        .products()
        .info_list(ProductInfoListRequest::offer_ids(["BALL", "BASKET"]))
        .await
        .unwrap();
    assert_eq!(info.len(), 2);
    assert!(info[0].name.starts_with("Мяч"), "{}", info[0].name);

    let card = ProductImportItem::new("NEW-1", "Мяч волейбольный", 17_028_922, 91_565, dec("990"));
    let submission = client.products().import(vec![card]).await.unwrap();
    assert_eq!(submission.tasks.len(), 1);
    let status = client
        .products()
        .import_info(submission.tasks[0].task_id)
        .await
        .unwrap();
    assert_eq!(status.items[0].status_kind(), ImportItemStatus::Imported);
    assert!(status.items[0].product_id.0 > 0);
    assert!(sandbox.offers().contains(&"NEW-1".to_owned()));
    assert_eq!(sandbox.price("NEW-1"), Some(dec("990")));

    // An import over 100 cards sent raw is refused.
    let items: Vec<_> = (0..101)
        .map(|i| ProductImportItem::new(format!("X-{i}"), "Мяч", 17_028_922, 91_565, dec("1")))
        .collect();
    let op = &ozon_api::api::products::PRODUCT_IMPORT;
    let err = client
        .transport()
        .send(
            op.request()
                .json(&ozon_api::models::products::ProductImportRequest { items })
                .unwrap(),
        )
        .await
        .unwrap_err();
    assert_eq!(api_error(&err).status, 400);
}

// ---------------------------------------------------------------------------------------------
// Orders.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn the_order_stream_covers_every_posting_of_the_window() {
    let sandbox = Sandbox::start_with(SandboxConfig {
        fbs_orders: 1_100,
        fbo_orders: 60,
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
    assert_eq!(orders.len(), sandbox.posting_count());
    assert_eq!(orders.len(), 1_160);
    let ids: HashSet<&OrderId> = orders.iter().map(|o| &o.id).collect();
    assert_eq!(ids.len(), orders.len(), "no order twice");
    assert_eq!(sandbox.requests().count("POST /v4/posting/fbs/list"), 11);
    assert_eq!(sandbox.requests().count("POST /v3/posting/fbo/list"), 1);

    let schemes: BTreeSet<String> = orders.iter().map(|o| format!("{:?}", o.scheme)).collect();
    assert_eq!(schemes.len(), 3, "FBS, rFBS and FBO: {schemes:?}");
    let states: BTreeSet<String> = orders.iter().map(|o| o.status.raw.clone()).collect();
    for s in [
        "awaiting_packaging",
        "awaiting_deliver",
        "delivering",
        "delivered",
        "cancelled",
    ] {
        assert!(states.contains(s), "{s} missing from {states:?}");
    }
    for o in &orders {
        assert!(!o.lines.is_empty());
        assert!(o.lines.iter().all(|l| l.unit_price > Decimal::ZERO));
        assert_eq!(
            sandbox.posting_status(o.id.as_str()).unwrap().as_str(),
            o.status.raw
        );
    }
    // Prices travel the way Ozon writes them in postings.
    let fbs = orders
        .iter()
        .find(|o| o.scheme == DeliveryScheme::Fbs)
        .unwrap();
    let raw_price = fbs.raw["products"][0]["price"]["amount"].as_str().unwrap();
    assert!(
        raw_price.ends_with(".000000") && raw_price.len() > 7,
        "{raw_price}"
    );
    // Lifecycle filters run on the same data.
    let packaging: Vec<Order> = m
        .orders(OrderQuery::window(whole_window()).with_statuses([Lifecycle::AwaitingPackaging]))
        .try_collect()
        .await
        .unwrap();
    assert!(!packaging.is_empty());
    assert!(
        packaging
            .iter()
            .all(|o| o.status.lifecycle == Lifecycle::AwaitingPackaging)
    );
}

#[tokio::test]
async fn ship_then_label_gives_a_pdf() {
    let sandbox = Sandbox::start().await;
    let client = sandbox.client().unwrap();
    let m: &dyn Marketplace = &client;
    let number = sandbox.add_orders(1).remove(0);
    let id = OrderId::new(number.as_str());
    assert_eq!(
        m.order(&id).await.unwrap().status.lifecycle,
        Lifecycle::AwaitingPackaging
    );

    // Not packed yet: no label.
    let err = client
        .labels()
        .package_label(std::slice::from_ref(&number))
        .await
        .unwrap_err();
    assert!(api_error(&err).message.contains("aren't ready"), "{err}");

    // A package that does not hold the posting's products is refused.
    let detail = client
        .fbs()
        .get(&FbsPostingGetRequest::new(number.clone()))
        .await
        .unwrap();
    let wrong = ShipRequest::new(
        number.clone(),
        vec![ShipPackage::new(vec![ShipPackageProduct::new(
            detail.products[0].sku,
            detail.products[0].quantity + 1,
        )])],
    );
    let err = client.fbs().ship(&wrong).await.unwrap_err();
    assert_eq!(api_error(&err).status, 400);
    assert!(
        api_error(&err).message.contains("QUANTITY_MISMATCH"),
        "{err}"
    );

    m.pack_order(&id, &[]).await.unwrap();
    assert_eq!(
        sandbox.posting_status(number.as_str()),
        Some(PostingStatus::AwaitingDeliver)
    );
    let label = m.label(&id).await.unwrap();
    assert_eq!(label.format, LabelFormat::Pdf);
    assert_eq!(LabelFormat::sniff(&label.bytes), Some(LabelFormat::Pdf));

    // Shipping twice is refused with Ozon's 400.
    let again = client
        .fbs()
        .ship(&ShipRequest::new(
            number.clone(),
            vec![ShipPackage::new(
                detail
                    .products
                    .iter()
                    .map(|p| ShipPackageProduct::new(p.sku, p.quantity))
                    .collect(),
            )],
        ))
        .await
        .unwrap_err();
    assert_eq!(api_error(&again).status, 400);
    assert!(
        api_error(&again)
            .message
            .contains("POSTING_ALREADY_SHIPPED"),
        "{again}"
    );

    // advance() moves it on.
    sandbox.advance();
    assert_eq!(
        sandbox.posting_status(number.as_str()),
        Some(PostingStatus::Delivering)
    );
    sandbox.advance();
    assert_eq!(
        m.order(&id).await.unwrap().status.lifecycle,
        Lifecycle::Delivered
    );
}

#[tokio::test]
async fn a_posting_packed_in_two_packages_becomes_two_postings() {
    let sandbox = Sandbox::start().await;
    let client = sandbox.client().unwrap();
    // Find a fresh posting with two units of something.
    let (number, sku) = loop {
        let number = sandbox.add_orders(1).remove(0);
        let detail = client
            .fbs()
            .get(&FbsPostingGetRequest::new(number.clone()))
            .await
            .unwrap();
        if detail.products.len() == 1 && detail.products[0].quantity >= 2 {
            break (number, detail.products[0].sku);
        }
    };
    let quantity = client
        .fbs()
        .get(&FbsPostingGetRequest::new(number.clone()))
        .await
        .unwrap()
        .products[0]
        .quantity;
    let before = sandbox.posting_count();
    let answer = client
        .fbs()
        .ship(
            &ShipRequest::new(
                number.clone(),
                vec![
                    ShipPackage::new(vec![ShipPackageProduct::new(sku, 1)]),
                    ShipPackage::new(vec![ShipPackageProduct::new(sku, quantity - 1)]),
                ],
            )
            .with_additional_data(),
        )
        .await
        .unwrap();
    assert_eq!(answer.result.len(), 2);
    assert_eq!(answer.result[0], number);
    assert_eq!(answer.additional_data.len(), 2);
    assert_eq!(sandbox.posting_count(), before + 1);
    for n in &answer.result {
        assert_eq!(
            sandbox.posting_status(n.as_str()),
            Some(PostingStatus::AwaitingDeliver)
        );
    }
}

#[tokio::test]
async fn cancel_moves_the_status_and_delivered_postings_stay() {
    let sandbox = Sandbox::start().await;
    let client = sandbox.client().unwrap();
    let m: &dyn Marketplace = &client;
    let number = sandbox.add_orders(1).remove(0);
    let id = OrderId::new(number.as_str());
    m.cancel_order(&id, &CancelReason::out_of_stock())
        .await
        .unwrap();
    assert_eq!(
        sandbox.posting_status(number.as_str()),
        Some(PostingStatus::Cancelled)
    );
    assert_eq!(
        m.order(&id).await.unwrap().status.lifecycle,
        Lifecycle::Cancelled
    );

    let delivered = all_fbs(&client)
        .await
        .into_iter()
        .find(|p| p.status == PostingStatus::Delivered)
        .unwrap();
    let err = client
        .fbs()
        .cancel(&CancelRequest::new(delivered.posting_number.clone(), 352))
        .await
        .unwrap_err();
    assert_eq!(api_error(&err).status, 400);
    assert!(
        api_error(&err)
            .message
            .contains("POSTING_ALREADY_DELIVERED"),
        "{err}"
    );
    assert_eq!(
        sandbox.posting_status(delivered.posting_number.as_str()),
        Some(PostingStatus::Delivered)
    );
    // A reason the seller may not use.
    let other = sandbox.add_orders(1).remove(0);
    let err = client
        .fbs()
        .cancel(&CancelRequest::new(other.clone(), 665))
        .await
        .unwrap_err();
    assert_eq!(api_error(&err).status, 400);
    let reasons = client.fbs().cancel_reasons().await.unwrap();
    assert!(
        reasons
            .iter()
            .any(|r| r.id == 352 && r.is_available_for_cancellation)
    );
}

#[tokio::test]
async fn rfbs_postings_move_to_delivering_when_shipped() {
    let sandbox = Sandbox::start().await;
    let client = sandbox.client().unwrap();
    let m: &dyn Marketplace = &client;
    let fresh = sandbox.add_orders(40);
    let mut rfbs = None;
    for n in &fresh {
        let d = client
            .fbs()
            .get(&FbsPostingGetRequest::new(n.clone()))
            .await
            .unwrap();
        if d.tpl_integration_type == TplIntegrationType::NonIntegrated {
            rfbs = Some(n.clone());
            break;
        }
    }
    let number = rfbs.expect("some new postings are rFBS");
    let id = OrderId::new(number.as_str());
    assert_eq!(m.order(&id).await.unwrap().scheme, DeliveryScheme::Dbs);
    m.ship_order(&id).await.unwrap();
    assert_eq!(
        sandbox.posting_status(number.as_str()),
        Some(PostingStatus::Delivering)
    );
    // An FBS posting does not move by the rFBS method.
    let fbs = all_fbs(&client)
        .await
        .into_iter()
        .find(|p| {
            p.tpl_integration_type == TplIntegrationType::Ozon
                && p.status == PostingStatus::AwaitingDeliver
        })
        .unwrap();
    let report = client
        .fbs()
        .delivering(vec![fbs.posting_number.clone()])
        .await
        .unwrap();
    assert_eq!(report.rejected.len(), 1);
}

#[tokio::test]
async fn unknown_postings_and_paths_are_ozons_404() {
    let sandbox = Sandbox::start().await;
    let client = sandbox.client().unwrap();
    let err = client
        .fbs()
        .get(&FbsPostingGetRequest::new("0-0-1"))
        .await
        .unwrap_err();
    assert_eq!(api_error(&err).kind, ApiErrorKind::NotFound);
    assert_eq!(api_error(&err).code.as_deref(), Some("5"));

    static UNKNOWN: Operation = Operation::post("unknown", "/v9/nothing/here");
    let err = client
        .transport()
        .send(UNKNOWN.request().json(&serde_json::json!({})).unwrap())
        .await
        .unwrap_err();
    assert_eq!(api_error(&err).status, 404);

    // An FBO posting: the trait asks FBS first (404), then FBO.
    let m: &dyn Marketplace = &client;
    let fbo = m
        .orders(OrderQuery::window(whole_window()).with_schemes([DeliveryScheme::Fbo]))
        .try_collect::<Vec<Order>>()
        .await
        .unwrap()
        .remove(0);
    let found = m.order(&fbo.id).await.unwrap();
    assert_eq!(found.scheme, DeliveryScheme::Fbo);
    assert_eq!(found.id, fbo.id);
}

#[tokio::test]
async fn returns_are_listed() {
    let sandbox = Sandbox::start().await;
    let client = sandbox.client().unwrap();
    let all: Vec<_> = client
        .returns()
        .list_stream(None)
        .try_collect()
        .await
        .unwrap();
    assert!(all.len() >= 3, "{}", all.len());
    for r in &all {
        let status = sandbox.posting_status(r.posting_number.as_str());
        assert_eq!(status, Some(PostingStatus::Delivered));
    }
    let m: &dyn Marketplace = &client;
    let unified: Vec<_> = m
        .returns(ReturnQuery {
            window: whole_window(),
        })
        .try_collect()
        .await
        .unwrap();
    assert_eq!(unified.len(), all.len());
    assert!(unified.iter().all(|r| !r.lines.is_empty()));
}

#[tokio::test]
async fn new_orders_arrive_on_each_first_page_poll() {
    let sandbox = Sandbox::start_with(SandboxConfig {
        fbs_orders: 5,
        fbo_orders: 0,
        new_orders_per_poll: 3,
        ..SandboxConfig::default()
    })
    .await;
    let client = sandbox.client().unwrap();
    let first = client.fbs().list(&fbs_list_request("")).await.unwrap();
    assert_eq!(sandbox.posting_count(), 8);
    assert_eq!(first.postings.len(), 8);
    let second = client.fbs().list(&fbs_list_request("")).await.unwrap();
    assert_eq!(sandbox.posting_count(), 11);
    assert_eq!(second.postings.len(), 11);
    let fresh = second
        .postings
        .iter()
        .filter(|p| p.status == PostingStatus::AwaitingPackaging)
        .count();
    assert!(fresh >= 6);
    // A later page creates nothing.
    client.fbs().list(&fbs_list_request("5")).await.unwrap();
    assert_eq!(sandbox.posting_count(), 11);
}

#[tokio::test]
async fn the_same_seed_gives_the_same_account() {
    async fn snapshot(
        seed: u64,
    ) -> (
        Vec<String>,
        Vec<(String, String, Vec<(String, i32, Decimal)>)>,
    ) {
        let sandbox = Sandbox::start_with(SandboxConfig {
            seed,
            fbs_orders: 50,
            ..SandboxConfig::default()
        })
        .await;
        let client = sandbox.client().unwrap();
        let mut postings: Vec<_> = all_fbs(&client)
            .await
            .into_iter()
            .map(|p| {
                (
                    p.posting_number.to_string(),
                    p.status.as_str().to_owned(),
                    p.products
                        .iter()
                        .map(|l| (l.offer_id.clone(), l.quantity, l.price.amount))
                        .collect(),
                )
            })
            .collect();
        postings.sort();
        (sandbox.offers(), postings)
    }
    let a = snapshot(7).await;
    let b = snapshot(7).await;
    assert_eq!(a, b);
    assert_eq!(a.1.len(), 50);
    let c = snapshot(8).await;
    assert_ne!(a.1, c.1, "another seed, other postings");
}

// ---------------------------------------------------------------------------------------------
// Auth, faults, rate limits.
// ---------------------------------------------------------------------------------------------

/// A vendor that sends no credentials at all.
#[derive(Debug)]
struct Anonymous;

impl Vendor for Anonymous {
    fn kind(&self) -> market_core::MarketplaceKind {
        market_core::MarketplaceKind::Ozon
    }
    fn authorize(&self, _: &mut HeaderMap) -> market_core::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn missing_credentials_are_401_and_wrong_ones_403() {
    let sandbox = Sandbox::start().await;
    static WAREHOUSES: Operation = Operation::post("warehouse_list", "/v2/warehouse/list");
    let anonymous = Transport::builder(Anonymous, &sandbox.uri())
        .unwrap()
        .build()
        .unwrap();
    let err = anonymous
        .send(WAREHOUSES.request().json(&serde_json::json!({})).unwrap())
        .await
        .unwrap_err();
    assert_eq!(api_error(&err).kind, ApiErrorKind::Unauthorized);
    assert_eq!(api_error(&err).code.as_deref(), Some("16"));

    let wrong = Client::builder(SANDBOX_CLIENT_ID, "not-the-sandbox-key")
        .base_url(sandbox.uri())
        .build()
        .unwrap();
    let err = wrong.warehouses().list().await.unwrap_err();
    assert_eq!(api_error(&err).kind, ApiErrorKind::Forbidden);
    assert_eq!(api_error(&err).code.as_deref(), Some("7"));
    assert!(!format!("{err:?} {err}").contains("not-the-sandbox-key"));
    let stranger = Client::builder("someone-else", SANDBOX_API_KEY)
        .base_url(sandbox.uri())
        .build()
        .unwrap();
    let err = stranger.warehouses().list().await.unwrap_err();
    assert_eq!(api_error(&err).status, 403);
    assert_eq!(sandbox.requests().count("POST /v2/warehouse/list"), 3);
}

#[tokio::test(start_paused = true)]
async fn scheduled_faults_are_survived_and_a_cut_body_ends_the_stream() {
    let sandbox = Sandbox::start_with(SandboxConfig {
        fbs_orders: 40,
        fbo_orders: 5,
        faults: FaultPlan::schedule([Some(Fault::RateLimited), Some(Fault::ServerError)])
            .on_path("/v4/posting/fbs/list"),
        ..SandboxConfig::default()
    })
    .await;
    let client = paused_client(&sandbox);
    let m: &dyn Marketplace = &client;
    let orders: Vec<Order> = m
        .orders(OrderQuery::window(whole_window()))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(orders.len(), sandbox.posting_count());
    assert_eq!(sandbox.faults().injected(), 2);
    // One page, asked three times: 429, 500, then the answer.
    assert_eq!(sandbox.requests().count("POST /v4/posting/fbs/list"), 3);

    // A cut body is a 200 whose JSON ends early: a read is sent once more (market-core), and
    // a second cut in a row is a decode error that ends the stream.
    sandbox.faults().set(
        FaultPlan::schedule([Some(Fault::CutBody), Some(Fault::CutBody)])
            .on_path("/v4/posting/fbs/list"),
    );
    let results: Vec<_> = m.orders(OrderQuery::window(whole_window())).collect().await;
    assert_eq!(sandbox.faults().injected(), 4);
    let errors: Vec<&Error> = results.iter().filter_map(|r| r.as_ref().err()).collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(matches!(errors[0], Error::Decode { .. }), "{:?}", errors[0]);
    assert_eq!(sandbox.requests().count("POST /v4/posting/fbs/list"), 5);
    // The FBO part still comes (the trait chains the two lists).
    let fbo = results
        .iter()
        .filter(|r| matches!(r, Ok(o) if o.scheme == DeliveryScheme::Fbo))
        .count();
    assert_eq!(fbo, 5);
    // The next poll is clean again.
    let again: Vec<Order> = m
        .orders(OrderQuery::window(whole_window()))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(again.len(), sandbox.posting_count());
}

#[tokio::test]
async fn server_faults_on_a_non_idempotent_call_are_not_repeated() {
    let sandbox = Sandbox::start_with(SandboxConfig {
        faults: FaultPlan::schedule([Some(Fault::ServerError)]).on_path("/v4/posting/fbs/ship"),
        ..SandboxConfig::default()
    })
    .await;
    let client = sandbox
        .client_builder()
        .retry(quick_retries())
        .build()
        .unwrap();
    let m: &dyn Marketplace = &client;
    let id = OrderId::new(sandbox.add_orders(1).remove(0).as_str());
    let err = m.pack_order(&id, &[]).await.unwrap_err();
    assert_eq!(api_error(&err).kind, ApiErrorKind::Server);
    assert_eq!(sandbox.requests().count("POST /v4/posting/fbs/ship"), 1);
    m.pack_order(&id, &[]).await.unwrap();
}

#[tokio::test]
async fn a_ship_ozon_answers_200_but_fails_to_assemble_is_reported_and_can_be_packed_again() {
    let sandbox = Sandbox::start().await;
    let client = sandbox.client().unwrap();
    let m: &dyn Marketplace = &client;
    let number = sandbox.add_orders(1).remove(0);
    let id = OrderId::new(number.as_str());
    sandbox.fail_next_ship(&number);
    let err = m.pack_order(&id, &[]).await.unwrap_err();
    let api = api_error(&err);
    assert_eq!(api.kind, ApiErrorKind::Conflict);
    assert_eq!(api.code.as_deref(), Some("ship_failed"));
    assert_eq!(api.status, 200);
    assert!(api.message.contains(number.as_str()), "{}", api.message);
    // Ozon answered 200 and the client read the posting back.
    assert_eq!(sandbox.requests().count("POST /v4/posting/fbs/ship"), 1);
    let posting = client
        .fbs()
        .get(&ozon_api::models::fbs::FbsPostingGetRequest::new(
            number.clone(),
        ))
        .await
        .unwrap();
    assert_eq!(posting.substatus, PostingSubstatus::ShipFailed);
    assert_eq!(posting.status, PostingStatus::AwaitingPackaging);

    // Packed again, it is assembled.
    m.pack_order(&id, &[]).await.unwrap();
    let posting = client
        .fbs()
        .get(&ozon_api::models::fbs::FbsPostingGetRequest::new(number))
        .await
        .unwrap();
    assert_eq!(posting.status, PostingStatus::AwaitingDeliver);
    assert_ne!(posting.substatus, PostingSubstatus::ShipFailed);
}

/// Sends `n` cheap requests one after the other; the outcomes.
async fn burst(client: &Client, n: usize) -> Vec<market_core::Result<()>> {
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        out.push(client.fbs().cancel_reasons().await.map(|_| ()));
    }
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn rate_limits_refuse_a_client_without_a_limiter_and_spare_one_with_it() {
    let limited = Sandbox::start().await;
    let unlimited = Sandbox::start().await;
    let refused = Sandbox::start().await;
    let own_limiter = limited.client().unwrap();
    let no_limiter = unlimited
        .client_builder()
        .without_rate_limits()
        .retry(RetryPolicy {
            max_attempts: 20,
            initial_delay: Duration::from_millis(50),
            max_delay: Duration::from_millis(400),
            max_elapsed: Duration::from_secs(60),
            jitter: true,
        })
        .build()
        .unwrap();
    let never_retries = refused
        .client_builder()
        .without_rate_limits()
        .retry(RetryPolicy::never())
        .build()
        .unwrap();
    let (a, b, c) = tokio::join!(
        burst(&own_limiter, 120),
        burst(&no_limiter, 120),
        burst(&never_retries, 120)
    );
    // The client's own limiter keeps under Ozon's 50 a second: nothing refused, nothing
    // repeated.
    assert!(a.iter().all(Result::is_ok));
    assert_eq!(limited.requests().total(), 120);
    // Without it, some requests are refused with 429 and repeated until they pass.
    assert!(b.iter().all(Result::is_ok));
    let repeated = unlimited.requests().total() - 120;
    assert!(repeated > 0, "no 429 for 120 rapid requests");
    // Without retries the 429s surface, with Ozon's code and message.
    let limited_errors: Vec<&Error> = c.iter().filter_map(|r| r.as_ref().err()).collect();
    assert!(!limited_errors.is_empty());
    for e in limited_errors {
        let api = api_error(e);
        assert_eq!(api.kind, ApiErrorKind::RateLimited);
        assert_eq!(api.code.as_deref(), Some("8"));
        assert_eq!(
            api.message,
            "You have reached request rate limit per second"
        );
    }
    assert_eq!(refused.requests().total(), 120);
}

#[tokio::test]
async fn rate_limits_can_be_turned_off() {
    let sandbox = Sandbox::start_with(SandboxConfig {
        rate_limits: false,
        ..SandboxConfig::default()
    })
    .await;
    let client = sandbox
        .client_builder()
        .without_rate_limits()
        .retry(RetryPolicy::never())
        .build()
        .unwrap();
    let results = burst(&client, 120).await;
    assert!(results.iter().all(Result::is_ok));
    assert_eq!(sandbox.requests().total(), 120);
}

/// The sandbox credentials with only the per-account limit (50 a second) on the client side.
#[derive(Debug)]
struct AccountLimitOnly;

impl Vendor for AccountLimitOnly {
    fn kind(&self) -> market_core::MarketplaceKind {
        market_core::MarketplaceKind::Ozon
    }
    fn authorize(&self, headers: &mut HeaderMap) -> market_core::Result<()> {
        headers.insert("client-id", SANDBOX_CLIENT_ID.parse().unwrap());
        headers.insert("api-key", SANDBOX_API_KEY.parse().unwrap());
        Ok(())
    }
    fn account_rate_limit(&self) -> Option<market_core::transport::RateLimit> {
        Some(market_core::transport::RateLimit::per_second(50))
    }
}

#[tokio::test]
async fn stock_updates_are_limited_to_eighty_a_minute() {
    let sandbox = Sandbox::start().await;
    let transport = Transport::builder(AccountLimitOnly, &sandbox.uri())
        .unwrap()
        .retry(RetryPolicy::never())
        .build()
        .unwrap();
    let offer = sandbox.offers().remove(0);
    let warehouse = sandbox.warehouse_ids()[0];
    let mut refused = 0;
    // Paced at 50 a second by the transport's limiter (about 1 s for 90), so only the
    // 80-a-minute limit of stock updates bites.
    for i in 0..90 {
        let request = ProductsStocksRequest {
            stocks: vec![ProductsStocksRequestStock::by_offer(
                offer.as_str(),
                warehouse,
                i,
            )],
        };
        let r = transport
            .send(STOCKS_UPDATE.request().json(&request).unwrap())
            .await;
        if let Err(e) = r {
            let api = api_error(&e);
            assert_eq!((api.status, api.code.as_deref()), (429, Some("8")));
            refused += 1;
        }
    }
    assert!((6..=10).contains(&refused), "{refused} refused of 90");
    assert_eq!(sandbox.requests().count("POST /v2/products/stocks"), 90);
}
