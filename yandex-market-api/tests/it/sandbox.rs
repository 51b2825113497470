//! The Yandex Market emulator (`yandex_market_api::sandbox`), driven through the crate's own
//! sections: auth, paging to the end, state read back, status transitions, labels, returns,
//! quotas answered with HTTP 420 and survived, injected faults survived.
#![cfg(feature = "sandbox")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashSet;
use std::time::{Duration, Instant};

use chrono::{DateTime, Utc};
use futures::TryStreamExt;
use market_core::sandbox::{Fault, FaultPlan};
use market_core::transport::{Operation, RateLimit, RetryPolicy};
use market_core::{ApiErrorKind, Error, LabelFormat};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use yandex_market_api::api::offers::PageQuery;
use yandex_market_api::models::categories::Language;
use yandex_market_api::models::labels::PageFormatType;
use yandex_market_api::models::offers::{
    GetOfferCardsContentStatusRequest, GetOfferMappingsRequest, OfferCardStatus, PriceWithDiscount,
    UpdateOffer, UpdateOfferMapping,
};
use yandex_market_api::models::orders::{
    BusinessOrder, BusinessOrdersRequest, OrderBox, OrderBoxItem, OrderDatesFilter, OrderState,
    OrderStatus, OrderStatusChange, OrderSubstatus, SetOrderBoxLayoutRequest,
};
use yandex_market_api::models::prices::{BusinessOfferPrice, GetDefaultPricesRequest};
use yandex_market_api::models::returns::ReturnsFilter;
use yandex_market_api::models::stocks::{GetStocksRequest, StockUpdate, WarehouseStockType};
use yandex_market_api::models::warehouses::{PagedWarehousesRequest, WarehouseComponent};
use yandex_market_api::sandbox::{
    SANDBOX_API_KEY, SANDBOX_BUSINESS_ID, SANDBOX_CAMPAIGN_ID, SANDBOX_WAREHOUSE_ID, Sandbox,
    SandboxConfig,
};
use yandex_market_api::{BusinessId, CampaignId, CategoryId, Client, OrderId};

const ORDERS: &str = "POST /v1/businesses/{businessId}/orders";
const TREE: &str = "POST /v2/categories/tree";

fn config() -> SandboxConfig {
    SandboxConfig::default()
}

/// A client that retries fast (faults and 5xx), keeping the tests short.
fn fast_client(s: &Sandbox) -> Client {
    s.client_builder()
        .retry(RetryPolicy {
            initial_delay: Duration::from_millis(5),
            max_delay: Duration::from_millis(40),
            ..RetryPolicy::default()
        })
        .build()
        .unwrap()
}

fn api(e: &Error) -> &market_core::ApiError {
    e.api().unwrap_or_else(|| panic!("not an API error: {e}"))
}

async fn all_orders(client: &Client, filter: BusinessOrdersRequest) -> Vec<BusinessOrder> {
    client
        .orders()
        .list_stream(SANDBOX_BUSINESS_ID, filter)
        .try_collect()
        .await
        .unwrap()
}

/// Orders of the campaign in a status and substatus.
async fn orders_in(client: &Client, status: OrderStatus, sub: OrderSubstatus) -> Vec<OrderId> {
    all_orders(
        client,
        BusinessOrdersRequest::new()
            .with_statuses([status])
            .with_substatuses([sub]),
    )
    .await
    .into_iter()
    .map(|o| o.order_id)
    .collect()
}

fn pair(a: &str, b: &str) -> Option<(String, String)> {
    Some((a.to_owned(), b.to_owned()))
}

// ---------------------------------------------------------------------------------------------
// Auth, scope, shop.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn a_wrong_key_is_refused_with_yms_401_and_the_right_one_is_served() {
    let s = Sandbox::start().await;
    let wrong = Client::builder("not-the-key")
        .base_url(s.uri())
        .build()
        .unwrap();
    let e = wrong.campaigns().list(None, None).await.unwrap_err();
    let e = api(&e);
    assert_eq!(e.status, 401);
    assert_eq!(e.kind, ApiErrorKind::Unauthorized);
    assert_eq!(e.code.as_deref(), Some("UNAUTHORIZED"));
    // YM's body, also without any key.
    let raw = reqwest::Client::new()
        .get(format!("{}/v2/campaigns", s.uri()))
        .send()
        .await
        .unwrap();
    assert_eq!(raw.status().as_u16(), 401);
    let body: Value = raw.json().await.unwrap();
    assert_eq!(body["status"], "ERROR");
    assert_eq!(body["errors"][0]["code"], "UNAUTHORIZED");
    assert!(body["errors"][0]["message"].is_string());

    let ym = s.client().unwrap();
    let campaigns = ym.campaigns().all().await.unwrap();
    assert_eq!(campaigns.len(), 1);
    assert_eq!(campaigns[0].id, Some(SANDBOX_CAMPAIGN_ID));
    assert_eq!(
        campaigns[0].business.as_ref().and_then(|b| b.id),
        Some(SANDBOX_BUSINESS_ID)
    );
    assert_eq!(s.requests().count("GET /v2/campaigns"), 3);
    assert!(!format!("{s:?}").contains(SANDBOX_API_KEY));
}

#[tokio::test]
async fn unknown_businesses_campaigns_and_paths_are_refused_as_the_spec_lists() {
    let s = Sandbox::start().await;
    let ym = s.client().unwrap();
    // getCampaign lists 404.
    let e = ym.campaigns().get(CampaignId(999)).await.unwrap_err();
    assert_eq!(api(&e).status, 404);
    assert_eq!(api(&e).code.as_deref(), Some("CAMPAIGN_NOT_FOUND"));
    // getBusinessSettings lists no 404: a business the key does not reach is a 403.
    let e = ym
        .campaigns()
        .business_settings(BusinessId(999))
        .await
        .unwrap_err();
    assert_eq!(api(&e).status, 403);
    assert_eq!(api(&e).kind, ApiErrorKind::Forbidden);
    // getBusinessOrders lists 404.
    let e = ym
        .orders()
        .list(BusinessId(999), &BusinessOrdersRequest::new(), None, 10)
        .await
        .unwrap_err();
    assert_eq!(api(&e).status, 404);
    assert_eq!(api(&e).code.as_deref(), Some("BUSINESS_NOT_FOUND"));
    // Unknown paths.
    let raw = reqwest::Client::new()
        .get(format!("{}/v2/nowhere", s.uri()))
        .header("Api-Key", SANDBOX_API_KEY)
        .send()
        .await
        .unwrap();
    assert_eq!(raw.status().as_u16(), 404);
    let body: Value = raw.json().await.unwrap();
    assert_eq!(body["errors"][0]["code"], "NOT_FOUND");
}

#[tokio::test]
async fn the_shop_its_warehouse_and_the_category_tree_are_served() {
    let s = Sandbox::start().await;
    let ym = s.client().unwrap();
    let shop = ym.campaigns().get(SANDBOX_CAMPAIGN_ID).await.unwrap();
    assert_eq!(shop.id, Some(SANDBOX_CAMPAIGN_ID));
    let settings = ym.campaigns().settings(SANDBOX_CAMPAIGN_ID).await.unwrap();
    assert!(settings.shop_name.is_some());
    let business = ym
        .campaigns()
        .business_settings(SANDBOX_BUSINESS_ID)
        .await
        .unwrap();
    assert_eq!(business.info.and_then(|b| b.id), Some(SANDBOX_BUSINESS_ID));

    let warehouses: Vec<_> = ym
        .warehouses()
        .list_stream(
            SANDBOX_BUSINESS_ID,
            PagedWarehousesRequest::default()
                .with_campaign_ids([SANDBOX_CAMPAIGN_ID])
                .with_components([WarehouseComponent::Address]),
        )
        .try_collect()
        .await
        .unwrap();
    assert_eq!(warehouses.len(), 1);
    assert_eq!(warehouses[0].id, SANDBOX_WAREHOUSE_ID);
    assert_eq!(warehouses[0].campaign_id, SANDBOX_CAMPAIGN_ID);
    assert!(warehouses[0].address.is_some());
    assert!(warehouses[0].status.is_none(), "status was not asked for");
    assert_eq!(s.warehouse_ids(), vec![SANDBOX_WAREHOUSE_ID]);
    let fby = ym.warehouses().fulfillment(None).await.unwrap();
    assert!(!fby.is_empty());

    let tree = ym.categories().tree(None).await.unwrap();
    let leaves = tree.leaves();
    assert!(leaves.len() >= 4);
    let phones = leaves.iter().find(|l| l.id == CategoryId(91491)).unwrap();
    assert_eq!(phones.path.len(), 2, "{}", phones.full_name());
    let english = ym.categories().tree(Some(Language::En)).await.unwrap();
    assert_ne!(english.name, tree.name);
    let params = ym
        .categories()
        .parameters(CategoryId(91491), Some(SANDBOX_BUSINESS_ID))
        .await
        .unwrap();
    assert!(params.required().count() >= 1);
    // A category that is not a leaf has no parameters.
    let e = ym
        .categories()
        .parameters(CategoryId(198118), None)
        .await
        .unwrap_err();
    assert_eq!(api(&e).status, 400);
    assert_eq!(api(&e).code.as_deref(), Some("INVALID_CATEGORY"));
}

// ---------------------------------------------------------------------------------------------
// Offers.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn offer_mappings_are_paged_to_the_end() {
    let s = Sandbox::start_with(SandboxConfig {
        offers: 230,
        orders: 0,
        ..config()
    })
    .await;
    let ym = s.client().unwrap();
    let listed: Vec<String> = ym
        .offers()
        .list_stream(
            SANDBOX_BUSINESS_ID,
            GetOfferMappingsRequest::default(),
            PageQuery::first().with_limit(40),
        )
        .map_ok(|m| m.offer.unwrap().offer_id)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(listed, s.offers());
    assert_eq!(listed.len(), 230);
    assert_eq!(
        s.requests()
            .count("POST /v2/businesses/{businessId}/offer-mappings"),
        6,
        "230 offers at 40 a page"
    );
    // By offer ids: the whole answer at once; unknown ids are simply absent.
    let page = ym
        .offers()
        .list(
            SANDBOX_BUSINESS_ID,
            &GetOfferMappingsRequest::by_offer_ids(["SKU-0003", "NOPE"]),
            &PageQuery::first(),
        )
        .await
        .unwrap();
    assert_eq!(page.items.len(), 1);
    let mapping = &page.items[0];
    let offer = mapping.offer.as_ref().unwrap();
    assert_eq!(offer.offer_id, "SKU-0003");
    assert_eq!(
        offer.basic_price.as_ref().map(|p| p.value),
        s.price("SKU-0003")
    );
    assert!(mapping.mapping.as_ref().unwrap().market_sku.is_some());
    // A page size above the maximum is truncated (the spec's truncateLimit), not refused.
    let raw = reqwest::Client::new()
        .post(format!(
            "{}/v2/businesses/{}/offer-mappings?limit=1000",
            s.uri(),
            SANDBOX_BUSINESS_ID
        ))
        .header("Api-Key", SANDBOX_API_KEY)
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(raw.status().as_u16(), 200);
    let body: Value = raw.json().await.unwrap();
    assert_eq!(
        body["result"]["offerMappings"].as_array().unwrap().len(),
        100
    );
}

#[tokio::test]
async fn offers_are_created_but_nothing_of_a_request_with_a_bad_offer_is_saved() {
    let s = Sandbox::start().await;
    let ym = s.client().unwrap();
    let good = UpdateOffer::create(
        "NEW-1",
        "Кружка новая",
        CategoryId(10785221),
        ["https://example.invalid/new-1.jpg"],
        "Домашний уют",
        "Кружка для чая.",
    )
    .with_basic_price(PriceWithDiscount::rub(Decimal::new(49_950, 2)));
    let bad = UpdateOffer::create(
        "BAD-1",
        "Непонятно что",
        CategoryId(123),
        ["https://example.invalid/bad-1.jpg"],
        "Бренд",
        "Описание.",
    );
    let report = ym
        .offers()
        .update(
            SANDBOX_BUSINESS_ID,
            vec![
                UpdateOfferMapping::new(good.clone()),
                UpdateOfferMapping::new(bad),
            ],
        )
        .await
        .unwrap();
    let rejected = report
        .report
        .rejected
        .iter()
        .find(|r| r.key == "BAD-1")
        .expect("BAD-1 is rejected");
    assert_eq!(rejected.code.as_deref(), Some("UNKNOWN_CATEGORY"));
    // Its neighbour is not saved either, and the client says so.
    let neighbour = report
        .report
        .rejected
        .iter()
        .find(|r| r.key == "NEW-1")
        .expect("NEW-1 is not reported saved");
    assert_eq!(
        neighbour.code.as_deref(),
        Some(yandex_market_api::api::offers::NOT_APPLIED)
    );
    assert!(!s.offers().contains(&"NEW-1".to_owned()), "nothing saved");
    assert!(!s.offers().contains(&"BAD-1".to_owned()));

    // Alone, the good offer is created with its price.
    let report = ym
        .offers()
        .update(SANDBOX_BUSINESS_ID, vec![UpdateOfferMapping::new(good)])
        .await
        .unwrap();
    assert_eq!(report.report.accepted, vec!["NEW-1".to_owned()]);
    assert_eq!(s.price("NEW-1"), Some(Decimal::new(49_950, 2)));
    assert_eq!(s.stock("NEW-1"), Some(0));
    // Its card is processed, then bound to a card.
    let cards = |ym: Client| async move {
        ym.offers()
            .cards(
                SANDBOX_BUSINESS_ID,
                &GetOfferCardsContentStatusRequest::by_offer_ids(["NEW-1"]),
                &PageQuery::first(),
            )
            .await
            .unwrap()
            .items
    };
    let first = cards(ym.clone()).await;
    assert_eq!(first.len(), 1);
    assert_eq!(
        first[0].card_status,
        Some(OfferCardStatus::NoCardProcessing)
    );
    let second = cards(ym.clone()).await;
    assert_eq!(
        second[0].card_status,
        Some(OfferCardStatus::HasCardCanUpdate)
    );
    assert!(second[0].mapping.as_ref().unwrap().market_sku.is_some());

    // A parameter the category does not have is an error of that offer.
    let odd = UpdateOffer::new("SKU-0001").with_parameter_values([
        yandex_market_api::models::offers::ParameterValue::text(999_999_i64, "x"),
    ]);
    let report = ym
        .offers()
        .update(SANDBOX_BUSINESS_ID, vec![UpdateOfferMapping::new(odd)])
        .await
        .unwrap();
    assert_eq!(
        report.report.rejected[0].code.as_deref(),
        Some("UNKNOWN_PARAMETER")
    );
}

// ---------------------------------------------------------------------------------------------
// Stocks and prices.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn stocks_pushed_are_read_back_and_paged_to_the_end() {
    let s = Sandbox::start_with(SandboxConfig {
        offers: 450,
        orders: 0,
        fake_orders: 0,
        ..config()
    })
    .await;
    let ym = s.client().unwrap();
    let report = ym
        .stocks()
        .update(
            SANDBOX_CAMPAIGN_ID,
            vec![
                StockUpdate::new("SKU-0001", 5),
                StockUpdate::new("SKU-0002", 0),
                StockUpdate::new("SKU-0003", 123),
            ],
        )
        .await
        .unwrap();
    assert_eq!(report.accepted.len(), 3, "{report:?}");
    assert_eq!(s.stock("SKU-0001"), Some(5));
    assert_eq!(s.stock("SKU-0002"), Some(0));
    assert_eq!(s.stock("SKU-0003"), Some(123));
    let read: Vec<_> = ym
        .stocks()
        .list_stream(
            SANDBOX_CAMPAIGN_ID,
            GetStocksRequest::default().with_offer_ids(["SKU-0001", "SKU-0002", "SKU-0003"]),
        )
        .try_collect()
        .await
        .unwrap();
    let available = |sku: &str| {
        read.iter()
            .find(|o| o.offer.offer_id == sku)
            .and_then(|o| o.offer.count(&WarehouseStockType::Available))
    };
    assert_eq!(available("SKU-0001"), Some(5));
    assert_eq!(available("SKU-0002"), Some(0));
    assert_eq!(available("SKU-0003"), Some(123));
    assert!(read.iter().all(|o| o.warehouse_id == SANDBOX_WAREHOUSE_ID));

    // A SKU not in the catalogue: YM's 400, nothing of that request saved.
    let before = s.stock("SKU-0004");
    let report = ym
        .stocks()
        .update(
            SANDBOX_CAMPAIGN_ID,
            vec![
                StockUpdate::new("SKU-0004", 77),
                StockUpdate::new("NOPE", 1),
            ],
        )
        .await
        .unwrap();
    assert!(report.accepted.is_empty());
    assert!(
        report
            .rejected
            .iter()
            .all(|r| r.code.as_deref() == Some("OFFER_NOT_FOUND")),
        "{report:?}"
    );
    assert_eq!(s.stock("SKU-0004"), before);
    // A negative count is refused by the client; nothing is sent.
    let sent = s.requests().total();
    let report = ym
        .stocks()
        .update(SANDBOX_CAMPAIGN_ID, vec![StockUpdate::new("SKU-0001", -1)])
        .await
        .unwrap();
    assert_eq!(report.rejected.len(), 1);
    assert_eq!(s.requests().total(), sent);
    assert_eq!(s.stock("SKU-0001"), Some(5));

    // Every SKU, 200 a page.
    let before = s
        .requests()
        .count("POST /v2/campaigns/{campaignId}/offers/stocks");
    let all: Vec<_> = ym
        .stocks()
        .list_stream(SANDBOX_CAMPAIGN_ID, GetStocksRequest::default())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 450);
    let unique: HashSet<_> = all.iter().map(|o| o.offer.offer_id.clone()).collect();
    assert_eq!(unique.len(), 450);
    assert_eq!(
        s.requests()
            .count("POST /v2/campaigns/{campaignId}/offers/stocks")
            - before,
        3
    );
    for o in &all {
        let n = |k| o.offer.count(&k).unwrap();
        assert_eq!(
            n(WarehouseStockType::Fit),
            n(WarehouseStockType::Available) + n(WarehouseStockType::Freeze)
        );
    }
}

#[tokio::test]
async fn business_prices_pushed_are_read_back_exactly() {
    let s = Sandbox::start().await;
    let ym = s.client().unwrap();
    let report = ym
        .prices()
        .update_business_prices(
            SANDBOX_BUSINESS_ID,
            vec![
                BusinessOfferPrice::rub("SKU-0001", Decimal::new(149_999, 2)),
                BusinessOfferPrice::rub("SKU-0002", Decimal::from(250))
                    .with_discount_base(Decimal::from(300)),
            ],
        )
        .await
        .unwrap();
    assert_eq!(report.accepted.len(), 2, "{report:?}");
    assert_eq!(s.price("SKU-0001"), Some(Decimal::new(149_999, 2)));
    assert_eq!(s.price("SKU-0002"), Some(Decimal::from(250)));
    let read: Vec<_> = ym
        .prices()
        .default_prices_stream(
            SANDBOX_BUSINESS_ID,
            GetDefaultPricesRequest::default().with_offer_ids(["SKU-0001", "SKU-0002"]),
        )
        .try_collect()
        .await
        .unwrap();
    let price = |sku: &str| {
        read.iter()
            .find(|o| o.offer_id == sku)
            .and_then(|o| o.price.clone())
            .unwrap()
    };
    assert_eq!(price("SKU-0001").value, Some(Decimal::new(149_999, 2)));
    assert_eq!(price("SKU-0002").value, Some(Decimal::from(250)));
    assert_eq!(price("SKU-0002").discount_base, Some(Decimal::from(300)));
    // The whole catalogue, page by page.
    let all: Vec<_> = ym
        .prices()
        .default_prices_stream(SANDBOX_BUSINESS_ID, GetDefaultPricesRequest::default())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), s.offers().len());

    // A price not above 0 is YM's 400 (sent raw: the client refuses it before sending).
    static UPDATE: Operation = Operation::post(
        "updateBusinessPrices",
        "/v2/businesses/{businessId}/offer-prices/updates",
    )
    .in_group("updateBusinessPrices");
    let e = ym
        .transport()
        .send(
            UPDATE
                .request()
                .path_param("businessId", SANDBOX_BUSINESS_ID)
                .json(&json!({"offers": [
                    {"offerId": "SKU-0001", "price": {"value": 0, "currencyId": "RUR"}}
                ]}))
                .unwrap(),
        )
        .await
        .unwrap_err();
    assert_eq!(api(&e).status, 400);
    assert_eq!(api(&e).code.as_deref(), Some("BAD_REQUEST"));
    assert!(api(&e).message.contains("greater than 0"), "{e}");
    assert_eq!(s.price("SKU-0001"), Some(Decimal::new(149_999, 2)));
    // An offer not in the catalogue.
    let report = ym
        .prices()
        .update_business_prices(
            SANDBOX_BUSINESS_ID,
            vec![BusinessOfferPrice::rub("NOPE", Decimal::from(10))],
        )
        .await
        .unwrap();
    assert_eq!(report.rejected[0].code.as_deref(), Some("OFFER_NOT_FOUND"));
}

// ---------------------------------------------------------------------------------------------
// Orders.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn more_than_a_thousand_orders_are_paged_to_the_end() {
    let s = Sandbox::start_with(SandboxConfig {
        orders: 1100,
        ..config()
    })
    .await;
    let ym = s.client().unwrap();
    let orders = all_orders(
        &ym,
        BusinessOrdersRequest::new().with_campaign_ids([SANDBOX_CAMPAIGN_ID]),
    )
    .await;
    assert_eq!(orders.len(), 1100);
    assert_eq!(s.order_count(), 1100);
    let ids: HashSet<OrderId> = orders.iter().map(|o| o.order_id).collect();
    assert_eq!(ids.len(), 1100, "no order twice");
    assert!(orders.windows(2).all(|w| w[0].order_id < w[1].order_id));
    assert!(orders.iter().all(|o| !o.fake));
    assert_eq!(s.requests().count(ORDERS), 22, "1100 orders, 50 a page");
    // Money is exact roubles: the lines add up to the order's payment.
    for o in orders.iter().take(50) {
        let lines: Decimal = o
            .items
            .iter()
            .map(|i| i.prices.as_ref().unwrap().payment.as_ref().unwrap().value)
            .sum();
        let paid = o.prices.as_ref().unwrap().payment.as_ref().unwrap().value;
        assert_eq!(lines, paid);
        assert!(paid > Decimal::ZERO);
    }
    // Statuses are mixed.
    let statuses: HashSet<String> = orders.iter().map(|o| o.status.to_string()).collect();
    for s in ["PROCESSING", "DELIVERY", "DELIVERED", "CANCELLED"] {
        assert!(statuses.contains(s), "no {s} order");
    }
    // The update window filters.
    let now = Utc::now();
    let recent = all_orders(
        &ym,
        BusinessOrdersRequest::new().with_dates(OrderDatesFilter::updated(
            now - chrono::Duration::hours(6),
            now,
        )),
    )
    .await;
    assert!(!recent.is_empty() && recent.len() < 1100);
    let since: DateTime<Utc> = now - chrono::Duration::hours(6);
    assert!(recent.iter().all(|o| o.update_date.unwrap() >= since));
}

#[tokio::test]
async fn test_orders_are_hidden_unless_asked_for() {
    let s = Sandbox::start().await;
    let ym = s.client().unwrap();
    let real = all_orders(&ym, BusinessOrdersRequest::new()).await;
    assert_eq!(real.len(), s.order_count());
    assert!(real.iter().all(|o| !o.fake));
    let fake = all_orders(&ym, BusinessOrdersRequest::new().with_fake(true)).await;
    assert_eq!(fake.len(), 3);
    assert!(fake.iter().all(|o| o.fake));
    // One order by id finds a test order too.
    let found = ym
        .orders()
        .get(SANDBOX_BUSINESS_ID, fake[0].order_id)
        .await
        .unwrap()
        .unwrap();
    assert!(found.fake);
    assert!(
        ym.orders()
            .get(SANDBOX_BUSINESS_ID, OrderId(1))
            .await
            .unwrap()
            .is_none()
    );
}

#[tokio::test]
async fn new_orders_arrive_with_each_first_page() {
    let s = Sandbox::start_with(SandboxConfig {
        orders: 10,
        new_orders_per_poll: 2,
        ..config()
    })
    .await;
    let ym = s.client().unwrap();
    let added = s.add_orders(1);
    assert_eq!(s.order_status(added[0]), pair("PROCESSING", "STARTED"));
    let first = all_orders(&ym, BusinessOrdersRequest::new()).await;
    assert_eq!(first.len(), 13);
    let second = all_orders(&ym, BusinessOrdersRequest::new()).await;
    assert_eq!(second.len(), 15);
    assert_eq!(s.order_count(), 15);
}

#[tokio::test]
async fn status_changes_follow_yms_transitions() {
    let s = Sandbox::start().await;
    let ym = s.client().unwrap();
    let ids = s.add_orders(3);
    // STARTED -> READY_TO_SHIP; repeating it changes nothing and succeeds.
    let answer = ym
        .orders()
        .update_status(
            SANDBOX_CAMPAIGN_ID,
            ids[0],
            OrderStatusChange::to(OrderStatus::Processing, OrderSubstatus::ReadyToShip),
        )
        .await
        .unwrap();
    let order = answer.order.unwrap();
    assert_eq!(order.id, ids[0]);
    assert_eq!(order.substatus, OrderSubstatus::ReadyToShip);
    assert_eq!(s.order_status(ids[0]), pair("PROCESSING", "READY_TO_SHIP"));
    ym.orders()
        .update_status(
            SANDBOX_CAMPAIGN_ID,
            ids[0],
            OrderStatusChange::to(OrderStatus::Processing, OrderSubstatus::ReadyToShip),
        )
        .await
        .unwrap();
    // PROCESSING -> CANCELLED/SHOP_FAILED.
    ym.orders()
        .update_status(
            SANDBOX_CAMPAIGN_ID,
            ids[1],
            OrderStatusChange::to(OrderStatus::Cancelled, OrderSubstatus::ShopFailed),
        )
        .await
        .unwrap();
    assert_eq!(s.order_status(ids[1]), pair("CANCELLED", "SHOP_FAILED"));
    // A delivered order cannot be cancelled: YM's 400 with its code and message.
    let delivered = orders_in(
        &ym,
        OrderStatus::Delivered,
        OrderSubstatus::DeliveryServiceDelivered,
    )
    .await[0];
    let e = ym
        .orders()
        .update_status(
            SANDBOX_CAMPAIGN_ID,
            delivered,
            OrderStatusChange::to(OrderStatus::Cancelled, OrderSubstatus::ShopFailed),
        )
        .await
        .unwrap_err();
    let e = api(&e);
    assert_eq!(e.status, 400);
    assert_eq!(e.kind, ApiErrorKind::BadRequest);
    assert_eq!(e.code.as_deref(), Some("STATUS_NOT_ALLOWED"));
    assert!(e.message.contains("DELIVERED"), "{}", e.message);
    assert_eq!(
        s.order_status(delivered),
        pair("DELIVERED", "DELIVERY_SERVICE_DELIVERED")
    );
    // The seller cancels only as SHOP_FAILED.
    let e = ym
        .orders()
        .update_status(
            SANDBOX_CAMPAIGN_ID,
            ids[2],
            OrderStatusChange::to(OrderStatus::Cancelled, OrderSubstatus::UserChangedMind),
        )
        .await
        .unwrap_err();
    assert_eq!(api(&e).code.as_deref(), Some("SUBSTATUS_NOT_ALLOWED"));
    // An order of another shop or none at all.
    let e = ym
        .orders()
        .update_status(
            SANDBOX_CAMPAIGN_ID,
            OrderId(1),
            OrderStatusChange::to(OrderStatus::Processing, OrderSubstatus::ReadyToShip),
        )
        .await
        .unwrap_err();
    assert_eq!(api(&e).status, 404);

    // Many at once: a per-order outcome.
    let report = ym
        .orders()
        .update_statuses(
            SANDBOX_CAMPAIGN_ID,
            vec![
                OrderState::to(ids[2], OrderStatus::Processing, OrderSubstatus::ReadyToShip),
                OrderState::to(
                    delivered,
                    OrderStatus::Cancelled,
                    OrderSubstatus::ShopFailed,
                ),
                OrderState::to(1_i64, OrderStatus::Processing, OrderSubstatus::ReadyToShip),
            ],
        )
        .await
        .unwrap();
    assert_eq!(report.accepted, vec![ids[2]]);
    assert_eq!(report.rejected.len(), 2);
    assert!(
        report
            .rejected
            .iter()
            .any(|r| r.key == delivered && r.message.contains("STATUS_NOT_ALLOWED"))
    );
    assert_eq!(s.order_status(ids[2]), pair("PROCESSING", "READY_TO_SHIP"));

    // Yandex Market moves them on.
    s.advance();
    assert_eq!(
        s.order_status(ids[0]),
        pair("DELIVERY", "DELIVERY_SERVICE_RECEIVED")
    );
    s.advance();
    assert_eq!(
        s.order_status(ids[0]),
        pair("DELIVERED", "DELIVERY_SERVICE_DELIVERED")
    );
    assert_eq!(s.order_status(ids[1]), pair("CANCELLED", "SHOP_FAILED"));
}

// ---------------------------------------------------------------------------------------------
// Boxes and labels.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn boxes_are_laid_out_and_labels_are_pdfs() {
    let s = Sandbox::start().await;
    let ym = s.client().unwrap();
    let id = s.add_orders(1)[0];
    let order = ym
        .orders()
        .get(SANDBOX_BUSINESS_ID, id)
        .await
        .unwrap()
        .unwrap();
    // One box per line.
    let layout = SetOrderBoxLayoutRequest::new(
        order
            .items
            .iter()
            .map(|i| OrderBox::new(vec![OrderBoxItem::whole(i.id, i.count as i32)]))
            .collect(),
    );
    let boxes = ym
        .orders()
        .set_boxes(SANDBOX_CAMPAIGN_ID, id, &layout)
        .await
        .unwrap();
    assert_eq!(boxes.len(), order.items.len());
    assert!(boxes.iter().all(|b| b.box_id.is_some()));
    // A layout that does not hold the order's units is YM's 400.
    let short = SetOrderBoxLayoutRequest::new(vec![OrderBox::new(vec![OrderBoxItem::whole(
        order.items[0].id,
        order.items[0].count as i32 + 1,
    )])]);
    let e = ym
        .orders()
        .set_boxes(SANDBOX_CAMPAIGN_ID, id, &short)
        .await
        .unwrap_err();
    assert_eq!(api(&e).status, 400);

    let label = ym
        .labels()
        .order_labels(SANDBOX_CAMPAIGN_ID, id, Some(PageFormatType::A7))
        .await
        .unwrap();
    assert_eq!(label.format, LabelFormat::Pdf);
    assert!(label.bytes.starts_with(b"%PDF"));
    let data = ym
        .labels()
        .labels_data(SANDBOX_CAMPAIGN_ID, id)
        .await
        .unwrap();
    assert_eq!(data.order_id, id);
    assert_eq!(data.parcel_box_labels.len(), boxes.len());
    assert_eq!(data.places_number as usize, boxes.len());
    let shipment = ym
        .orders()
        .get(SANDBOX_BUSINESS_ID, id)
        .await
        .unwrap()
        .unwrap()
        .delivery
        .shipment
        .unwrap()
        .id
        .unwrap();
    let one = ym
        .labels()
        .box_label(
            SANDBOX_CAMPAIGN_ID,
            id,
            shipment,
            data.parcel_box_labels[0].box_id,
            None,
        )
        .await
        .unwrap();
    assert!(one.bytes.starts_with(b"%PDF"));
    // The label URL of the data is the sandbox's own, served as application/pdf.
    let raw = reqwest::Client::new()
        .get(&data.parcel_box_labels[0].url)
        .header("Api-Key", SANDBOX_API_KEY)
        .send()
        .await
        .unwrap();
    assert_eq!(raw.status().as_u16(), 200);
    assert_eq!(
        raw.headers()["content-type"].to_str().unwrap(),
        "application/pdf"
    );
    // A cancelled order has no labels.
    let cancelled = orders_in(&ym, OrderStatus::Cancelled, OrderSubstatus::UserChangedMind).await;
    let e = ym
        .labels()
        .order_labels(SANDBOX_CAMPAIGN_ID, cancelled[0], None)
        .await
        .unwrap_err();
    assert_eq!(api(&e).status, 400);
}

// ---------------------------------------------------------------------------------------------
// Returns.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn returns_of_delivered_orders_are_listed_and_read() {
    let s = Sandbox::start().await;
    let ym = s.client().unwrap();
    let returns: Vec<_> = ym
        .returns()
        .list_stream(SANDBOX_CAMPAIGN_ID, ReturnsFilter::default())
        .try_collect()
        .await
        .unwrap();
    assert!(returns.len() >= 3, "{} returns", returns.len());
    for r in &returns {
        let (status, _) = s.order_status(r.order_id).unwrap();
        assert!(
            ["DELIVERED", "RETURNED"].contains(&status.as_str()),
            "{status}"
        );
        assert!(!r.items.is_empty());
        assert!(r.amount.as_ref().unwrap().value > Decimal::ZERO);
    }
    // Page by page, one a page.
    let mut token = None;
    let mut paged = Vec::new();
    loop {
        let page = ym
            .returns()
            .list(
                SANDBOX_CAMPAIGN_ID,
                &ReturnsFilter::default(),
                token.as_deref(),
                Some(1),
            )
            .await
            .unwrap();
        paged.extend(page.returns.iter().map(|r| r.id));
        match page.paging.and_then(|p| p.next().map(str::to_owned)) {
            Some(t) => token = Some(t),
            None => break,
        }
    }
    assert_eq!(paged, returns.iter().map(|r| r.id).collect::<Vec<_>>());
    // By order.
    let first = &returns[0];
    let by_order = ym
        .returns()
        .list(
            SANDBOX_CAMPAIGN_ID,
            &ReturnsFilter::default().with_order_ids([first.order_id]),
            None,
            None,
        )
        .await
        .unwrap();
    assert!(
        by_order
            .returns
            .iter()
            .all(|r| r.order_id == first.order_id)
    );
    let one = ym
        .returns()
        .get(SANDBOX_CAMPAIGN_ID, first.order_id, first.id)
        .await
        .unwrap();
    assert_eq!(&one, first);
    let e = ym
        .returns()
        .get(SANDBOX_CAMPAIGN_ID, OrderId(1), first.id)
        .await
        .unwrap_err();
    assert_eq!(api(&e).status, 404);
}

// ---------------------------------------------------------------------------------------------
// Quotas.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn a_spent_quota_is_answered_420_and_the_client_waits_for_until() {
    let window = Duration::from_millis(600);
    let s = Sandbox::start_with(SandboxConfig {
        orders: 0,
        quotas: vec![("getCategoriesTree".into(), RateLimit::per(3, window))],
        ..config()
    })
    .await;
    let raw = reqwest::Client::new();
    let tree = || {
        raw.post(format!("{}/v2/categories/tree", s.uri()))
            .header("Api-Key", SANDBOX_API_KEY)
            .json(&json!({}))
            .send()
    };
    // Every answer says what is left.
    for left in ["2", "1", "0"] {
        let r = tree().await.unwrap();
        assert_eq!(r.status().as_u16(), 200);
        assert_eq!(r.headers()["x-ratelimit-resource-limit"], "3");
        assert_eq!(r.headers()["x-ratelimit-resource-remaining"], left);
    }
    let refused = tree().await.unwrap();
    assert_eq!(refused.status().as_u16(), 420);
    assert_eq!(refused.headers()["x-ratelimit-resource-remaining"], "0");
    let until = refused.headers()["x-ratelimit-resource-until"]
        .to_str()
        .unwrap()
        .to_owned();
    let until = DateTime::parse_from_rfc2822(&until).unwrap();
    assert!(until.with_timezone(&Utc) > Utc::now() - chrono::Duration::seconds(1));
    let body: Value = refused.json().await.unwrap();
    assert_eq!(body["status"], "ERROR");
    assert_eq!(body["errors"][0]["code"], "HIT_RATE_LIMIT");

    // A client without its own limiter bursts into the 420s and still succeeds, by waiting
    // until the window is whole again.
    let ym = s.client_builder().without_rate_limits().build().unwrap();
    let before = s.requests().count(TREE);
    let started = Instant::now();
    for _ in 0..5 {
        ym.categories().tree(None).await.unwrap();
    }
    let elapsed = started.elapsed();
    let sent = s.requests().count(TREE) - before;
    assert!(sent > 5, "{sent} requests for 5 calls: no 420 was met");
    assert!(
        elapsed >= Duration::from_millis(200),
        "{elapsed:?}: did not wait"
    );
    assert!(elapsed < Duration::from_secs(4), "{elapsed:?}");
}

#[tokio::test]
async fn item_counted_quotas_count_the_items_sent() {
    let s = Sandbox::start_with(SandboxConfig {
        orders: 0,
        quotas: vec![(
            "updateStocks".into(),
            RateLimit::per(5, Duration::from_millis(500)).counting_items(),
        )],
        ..config()
    })
    .await;
    let ym = s.client_builder().without_rate_limits().build().unwrap();
    let push = |n: usize| {
        (1..=n)
            .map(|i| StockUpdate::new(format!("SKU-{i:04}"), 9))
            .collect::<Vec<_>>()
    };
    let started = Instant::now();
    assert_eq!(
        ym.stocks()
            .update(SANDBOX_CAMPAIGN_ID, push(4))
            .await
            .unwrap()
            .accepted
            .len(),
        4
    );
    // 4 + 4 > 5: refused, then sent again once the window is whole.
    assert_eq!(
        ym.stocks()
            .update(SANDBOX_CAMPAIGN_ID, push(4))
            .await
            .unwrap()
            .accepted
            .len(),
        4
    );
    assert_eq!(
        s.requests()
            .count("PUT /v2/campaigns/{campaignId}/offers/stocks"),
        3
    );
    assert!(started.elapsed() < Duration::from_secs(4));
}

#[tokio::test]
async fn rate_limits_can_be_turned_off() {
    let s = Sandbox::start_with(SandboxConfig {
        orders: 0,
        rate_limits: false,
        quotas: vec![(
            "getCategoriesTree".into(),
            RateLimit::per(1, Duration::from_secs(60)),
        )],
        ..config()
    })
    .await;
    let ym = s.client_builder().without_rate_limits().build().unwrap();
    for _ in 0..4 {
        ym.categories().tree(None).await.unwrap();
    }
    assert_eq!(s.requests().count(TREE), 4);
}

// ---------------------------------------------------------------------------------------------
// Faults.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn scheduled_faults_are_survived_and_a_cut_body_is_a_decode_error() {
    let s = Sandbox::start_with(SandboxConfig {
        orders: 0,
        faults: FaultPlan::schedule([Some(Fault::ServerError), Some(Fault::RateLimited), None]),
        ..config()
    })
    .await;
    let ym = fast_client(&s);
    let started = Instant::now();
    let campaigns = ym.campaigns().all().await.unwrap();
    assert_eq!(campaigns.len(), 1);
    assert_eq!(s.faults().injected(), 2);
    assert_eq!(s.requests().count("GET /v2/campaigns"), 3);
    assert!(started.elapsed() < Duration::from_secs(3));

    // One cut body of a read is sent once more (market-core); two in a row fail.
    s.faults().set(FaultPlan::schedule([Some(Fault::CutBody)]));
    assert_eq!(ym.campaigns().all().await.unwrap().len(), 1);
    assert_eq!(s.requests().count("GET /v2/campaigns"), 5);
    s.faults().set(FaultPlan::schedule([
        Some(Fault::CutBody),
        Some(Fault::CutBody),
    ]));
    let e = ym.campaigns().all().await.unwrap_err();
    assert!(matches!(e, Error::Decode { .. }), "{e}");
    // A 500 on a status change (idempotent by target) is retried too.
    let id = s.add_orders(1)[0];
    s.faults()
        .set(FaultPlan::schedule([Some(Fault::ServerError)]).on_path("/status"));
    ym.orders()
        .update_status(
            SANDBOX_CAMPAIGN_ID,
            id,
            OrderStatusChange::to(OrderStatus::Processing, OrderSubstatus::ReadyToShip),
        )
        .await
        .unwrap();
    assert_eq!(s.order_status(id), pair("PROCESSING", "READY_TO_SHIP"));
}

#[tokio::test]
async fn random_faults_are_survived_by_the_order_stream() {
    let s = Sandbox::start_with(SandboxConfig {
        orders: 300,
        faults: FaultPlan::random(0.0, 0.3, 0.0, 11),
        ..config()
    })
    .await;
    let ym = fast_client(&s);
    let orders = all_orders(&ym, BusinessOrdersRequest::new()).await;
    assert_eq!(orders.len(), 300);
    assert!(s.faults().injected() > 0);
    assert!(s.requests().count(ORDERS) > 6);
}

// ---------------------------------------------------------------------------------------------
// Determinism, paths, limits.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn the_same_seed_gives_the_same_business() {
    let snapshot = |s: &Sandbox| {
        let ym = s.client().unwrap();
        async move {
            all_orders(&ym, BusinessOrdersRequest::new())
                .await
                .into_iter()
                .map(|o| (o.order_id, o.status.to_string(), o.items.len()))
                .collect::<Vec<_>>()
        }
    };
    let seeded = |seed| SandboxConfig {
        seed,
        orders: 60,
        ..config()
    };
    let a = Sandbox::start_with(seeded(7)).await;
    let b = Sandbox::start_with(seeded(7)).await;
    let c = Sandbox::start_with(seeded(8)).await;
    assert_eq!(a.offers(), b.offers());
    assert_eq!(a.price("SKU-0005"), b.price("SKU-0005"));
    assert_eq!(snapshot(&a).await, snapshot(&b).await);
    assert_ne!(snapshot(&a).await, snapshot(&c).await);
}

#[tokio::test]
async fn every_section_reaches_the_sandbox_on_its_operations_path() {
    use yandex_market_api::api::{
        campaigns, categories, labels, offers, orders, prices, returns, stocks, warehouses,
    };
    let s = Sandbox::start().await;
    let ym = s.client().unwrap();
    let id = s.add_orders(1)[0];
    ym.campaigns().all().await.unwrap();
    ym.campaigns().get(SANDBOX_CAMPAIGN_ID).await.unwrap();
    ym.campaigns().settings(SANDBOX_CAMPAIGN_ID).await.unwrap();
    ym.campaigns()
        .business_settings(SANDBOX_BUSINESS_ID)
        .await
        .unwrap();
    ym.warehouses()
        .list(
            SANDBOX_BUSINESS_ID,
            &PagedWarehousesRequest::default(),
            None,
            None,
        )
        .await
        .unwrap();
    ym.warehouses()
        .fulfillment(Some(SANDBOX_CAMPAIGN_ID))
        .await
        .unwrap();
    ym.categories().tree(None).await.unwrap();
    ym.categories()
        .parameters(CategoryId(91491), None)
        .await
        .unwrap();
    ym.offers()
        .list(
            SANDBOX_BUSINESS_ID,
            &GetOfferMappingsRequest::default(),
            &PageQuery::first(),
        )
        .await
        .unwrap();
    ym.offers()
        .update(
            SANDBOX_BUSINESS_ID,
            vec![UpdateOfferMapping::new(
                UpdateOffer::new("SKU-0001").with_name("Новое имя"),
            )],
        )
        .await
        .unwrap();
    ym.offers()
        .cards(
            SANDBOX_BUSINESS_ID,
            &GetOfferCardsContentStatusRequest::default(),
            &PageQuery::first(),
        )
        .await
        .unwrap();
    ym.prices()
        .update_business_prices(
            SANDBOX_BUSINESS_ID,
            vec![BusinessOfferPrice::rub("SKU-0001", Decimal::from(100))],
        )
        .await
        .unwrap();
    ym.prices()
        .default_prices(
            SANDBOX_BUSINESS_ID,
            &GetDefaultPricesRequest::default(),
            None,
            None,
        )
        .await
        .unwrap();
    ym.stocks()
        .update(SANDBOX_CAMPAIGN_ID, vec![StockUpdate::new("SKU-0001", 1)])
        .await
        .unwrap();
    ym.stocks()
        .list(
            SANDBOX_CAMPAIGN_ID,
            &GetStocksRequest::default(),
            None,
            None,
        )
        .await
        .unwrap();
    ym.orders()
        .list(SANDBOX_BUSINESS_ID, &BusinessOrdersRequest::new(), None, 5)
        .await
        .unwrap();
    let order = ym
        .orders()
        .get(SANDBOX_BUSINESS_ID, id)
        .await
        .unwrap()
        .unwrap();
    ym.orders()
        .set_boxes(
            SANDBOX_CAMPAIGN_ID,
            id,
            &SetOrderBoxLayoutRequest::new(vec![OrderBox::new(
                order
                    .items
                    .iter()
                    .map(|i| OrderBoxItem::whole(i.id, i.count as i32))
                    .collect(),
            )]),
        )
        .await
        .unwrap();
    ym.orders()
        .update_statuses(
            SANDBOX_CAMPAIGN_ID,
            vec![OrderState::to(
                id,
                OrderStatus::Processing,
                OrderSubstatus::ReadyToShip,
            )],
        )
        .await
        .unwrap();
    ym.orders()
        .update_status(
            SANDBOX_CAMPAIGN_ID,
            id,
            OrderStatusChange::to(OrderStatus::Processing, OrderSubstatus::ReadyToShip),
        )
        .await
        .unwrap();
    ym.labels()
        .order_labels(SANDBOX_CAMPAIGN_ID, id, None)
        .await
        .unwrap();
    let data = ym
        .labels()
        .labels_data(SANDBOX_CAMPAIGN_ID, id)
        .await
        .unwrap();
    let shipment = order.delivery.shipment.unwrap().id.unwrap();
    ym.labels()
        .box_label(
            SANDBOX_CAMPAIGN_ID,
            id,
            shipment,
            data.parcel_box_labels[0].box_id,
            None,
        )
        .await
        .unwrap();
    let page = ym
        .returns()
        .list(SANDBOX_CAMPAIGN_ID, &ReturnsFilter::default(), None, None)
        .await
        .unwrap();
    let r = &page.returns[0];
    ym.returns()
        .get(SANDBOX_CAMPAIGN_ID, r.order_id, r.id)
        .await
        .unwrap();

    let ops: [&Operation; 24] = [
        &campaigns::CAMPAIGNS_GET,
        &campaigns::CAMPAIGN_GET,
        &campaigns::CAMPAIGN_SETTINGS_GET,
        &campaigns::BUSINESS_SETTINGS_GET,
        &warehouses::PAGED_WAREHOUSES_GET,
        &warehouses::FULFILLMENT_WAREHOUSES_GET,
        &categories::CATEGORIES_TREE_GET,
        &categories::CATEGORY_CONTENT_PARAMETERS_GET,
        &offers::OFFER_MAPPINGS_GET,
        &offers::OFFER_MAPPINGS_UPDATE,
        &offers::OFFER_CARDS_CONTENT_STATUS_GET,
        &prices::BUSINESS_PRICES_UPDATE,
        &prices::DEFAULT_PRICES_GET,
        &stocks::STOCKS_UPDATE,
        &stocks::STOCKS_GET,
        &orders::BUSINESS_ORDERS_GET,
        &orders::ORDER_STATUS_UPDATE,
        &orders::ORDER_STATUSES_UPDATE,
        &orders::ORDER_BOX_LAYOUT_SET,
        &labels::ORDER_LABELS_GENERATE,
        &labels::ORDER_LABEL_GENERATE,
        &labels::ORDER_LABELS_DATA_GET,
        &returns::RETURNS_GET,
        &returns::RETURN_GET,
    ];
    for op in ops {
        let key = format!("{} {}", op.method, op.path);
        assert!(
            s.requests().count(&key) >= 1,
            "{} ({key}) did not reach a served path: {:?}",
            op.name,
            s.requests().snapshot()
        );
    }
    // Nothing went to a path the sandbox does not serve.
    let served: HashSet<String> = ops
        .iter()
        .map(|op| format!("{} {}", op.method, op.path))
        .collect();
    for (key, _) in s.requests().snapshot() {
        assert!(served.contains(&key), "{key} is not served");
    }
}

#[tokio::test]
async fn a_body_over_512_kb_is_refused() {
    let s = Sandbox::start_with(SandboxConfig {
        orders: 0,
        ..config()
    })
    .await;
    let skus: Vec<Value> = (0..12_000)
        .map(|i| json!({"sku": format!("SKU-{i:08}-padding-padding"), "items": [{"count": 1}]}))
        .collect();
    let body = serde_json::to_vec(&json!({ "skus": skus })).unwrap();
    assert!(body.len() > 512 * 1024);
    let raw = reqwest::Client::new()
        .put(format!(
            "{}/v2/campaigns/{}/offers/stocks",
            s.uri(),
            SANDBOX_CAMPAIGN_ID
        ))
        .header("Api-Key", SANDBOX_API_KEY)
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(raw.status().as_u16(), 413);
    let body: Value = raw.json().await.unwrap();
    assert_eq!(body["status"], "ERROR");
}

// ---------------------------------------------------------------------------------------------
// The answers against the spec.
// ---------------------------------------------------------------------------------------------

/// Sends a raw request and checks the answer's status and body against the operation's
/// response schema for that status (every field defined, of its type and enum, every required
/// one present, the bounds kept).
async fn answer(
    s: &Sandbox,
    op: &str,
    method: &str,
    path: &str,
    body: Option<Value>,
    status: u16,
) -> Value {
    let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
    let mut request = reqwest::Client::new()
        .request(method, format!("{}{path}", s.uri()))
        .header("Api-Key", SANDBOX_API_KEY);
    if let Some(b) = body {
        request = request.json(&b);
    }
    let response = request.send().await.unwrap();
    assert_eq!(response.status().as_u16(), status, "{op} {path}");
    let v: Value = response.json().await.unwrap();
    let spec = crate::common::spec();
    let schema = spec.response_schema_for(op, &status.to_string());
    assert!(!schema.is_null(), "{op} lists no {status}");
    let mut problems = spec.check(schema, &v, &[]);
    problems.extend(spec.check_bounds(schema, &v));
    assert!(problems.is_empty(), "{op} {status}: {problems:#?}\n{v:#}");
    v
}

#[tokio::test]
async fn every_answer_matches_the_spec() {
    let s = Sandbox::start().await;
    let (b, c) = (SANDBOX_BUSINESS_ID, SANDBOX_CAMPAIGN_ID);
    let id = s.add_orders(1)[0];
    answer(
        &s,
        "getCampaigns",
        "GET",
        "/v2/campaigns?limit=10",
        None,
        200,
    )
    .await;
    answer(
        &s,
        "getCampaign",
        "GET",
        &format!("/v2/campaigns/{c}"),
        None,
        200,
    )
    .await;
    let path = format!("/v2/campaigns/{c}/settings");
    answer(&s, "getCampaignSettings", "GET", &path, None, 200).await;
    let path = format!("/v2/businesses/{b}/settings");
    answer(&s, "getBusinessSettings", "POST", &path, None, 200).await;
    let path = format!("/v2/businesses/{b}/warehouses");
    let body = json!({"components": ["ADDRESS", "STATUS"]});
    answer(&s, "getPagedWarehouses", "POST", &path, Some(body), 200).await;
    answer(
        &s,
        "getFulfillmentWarehouses",
        "GET",
        "/v2/warehouses",
        None,
        200,
    )
    .await;
    let body = json!({"language": "RU"});
    answer(
        &s,
        "getCategoriesTree",
        "POST",
        "/v2/categories/tree",
        Some(body),
        200,
    )
    .await;
    let path = format!("/v2/category/91491/parameters?businessId={b}");
    answer(&s, "getCategoryContentParameters", "POST", &path, None, 200).await;
    let path = format!("/v2/businesses/{b}/offer-mappings?limit=5");
    answer(&s, "getOfferMappings", "POST", &path, Some(json!({})), 200).await;
    let path = format!("/v2/businesses/{b}/offer-mappings/update");
    let body = json!({"offerMappings": [{"offer": {"offerId": "SKU-0001", "name": "Имя"}}]});
    answer(&s, "updateOfferMappings", "POST", &path, Some(body), 200).await;
    let body = json!({"offerMappings": [{"offer": {"offerId": "X-1", "marketCategoryId": 1}}]});
    let v = answer(&s, "updateOfferMappings", "POST", &path, Some(body), 200).await;
    assert_eq!(v["results"][0]["errors"][0]["type"], "UNKNOWN_CATEGORY");
    let path = format!("/v2/businesses/{b}/offer-cards?limit=5");
    let body = json!({"withRecommendations": true});
    answer(
        &s,
        "getOfferCardsContentStatus",
        "POST",
        &path,
        Some(body),
        200,
    )
    .await;
    let path = format!("/v2/businesses/{b}/offer-prices/updates");
    let body =
        json!({"offers": [{"offerId": "SKU-0001", "price": {"value": 99.9, "currencyId": "RUR"}}]});
    answer(&s, "updateBusinessPrices", "POST", &path, Some(body), 200).await;
    let body =
        json!({"offers": [{"offerId": "SKU-0001", "price": {"value": -1, "currencyId": "RUR"}}]});
    answer(&s, "updateBusinessPrices", "POST", &path, Some(body), 400).await;
    let path = format!("/v2/businesses/{b}/offer-prices?limit=5");
    answer(&s, "getDefaultPrices", "POST", &path, Some(json!({})), 200).await;
    let path = format!("/v2/campaigns/{c}/offers/stocks");
    let body = json!({"skus": [{"sku": "SKU-0001", "items": [{"count": 3}]}]});
    answer(&s, "updateStocks", "PUT", &path, Some(body), 200).await;
    let body = json!({"skus": [{"sku": "NOPE", "items": [{"count": 3}]}]});
    answer(&s, "updateStocks", "PUT", &path, Some(body), 400).await;
    let path = format!("/v2/campaigns/{c}/offers/stocks?limit=5");
    answer(&s, "getStocks", "POST", &path, Some(json!({})), 200).await;
    let path = format!("/v1/businesses/{b}/orders?limit=50");
    let v = answer(&s, "getBusinessOrders", "POST", &path, Some(json!({})), 200).await;
    assert_eq!(v["orders"].as_array().unwrap().len(), 50);
    let body = json!({"fake": true});
    answer(&s, "getBusinessOrders", "POST", &path, Some(body), 200).await;
    let body = json!({"orderIds": [id.0]});
    let v = answer(&s, "getBusinessOrders", "POST", &path, Some(body), 200).await;
    let items: Vec<Value> = v["orders"][0]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| json!({"id": i["id"], "fullCount": i["count"]}))
        .collect();
    let path = format!("/v2/campaigns/{c}/orders/{id}/boxes");
    let body = json!({"boxes": [{"items": items}]});
    answer(&s, "setOrderBoxLayout", "PUT", &path, Some(body), 200).await;
    let path = format!("/v2/campaigns/{c}/orders/{id}/status");
    let body = json!({"order": {"status": "PROCESSING", "substatus": "READY_TO_SHIP"}});
    answer(&s, "updateOrderStatus", "PUT", &path, Some(body), 200).await;
    let body = json!({"order": {"status": "DELIVERED"}});
    let v = answer(&s, "updateOrderStatus", "PUT", &path, Some(body), 400).await;
    assert_eq!(v["errors"][0]["code"], "STATUS_NOT_ALLOWED");
    let path = format!("/v2/campaigns/{c}/orders/status-update");
    let body = json!({"orders": [
        {"id": id.0, "status": "PROCESSING", "substatus": "READY_TO_SHIP"},
        {"id": 1, "status": "PROCESSING", "substatus": "READY_TO_SHIP"}
    ]});
    let v = answer(&s, "updateOrderStatuses", "POST", &path, Some(body), 200).await;
    assert_eq!(v["result"]["orders"][1]["updateStatus"], "ERROR");
    let path = format!("/v2/campaigns/{c}/orders/{id}/delivery/labels/data");
    answer(&s, "getOrderLabelsData", "GET", &path, None, 200).await;
    let path = format!("/v2/campaigns/{c}/returns?limit=2");
    let v = answer(&s, "getReturns", "GET", &path, None, 200).await;
    let (order, ret) = (
        &v["result"]["returns"][0]["orderId"],
        &v["result"]["returns"][0]["id"],
    );
    let path = format!("/v2/campaigns/{c}/orders/{order}/returns/{ret}");
    answer(&s, "getReturn", "GET", &path, None, 200).await;

    // Errors.
    answer(&s, "getCampaign", "GET", "/v2/campaigns/42", None, 404).await;
    answer(
        &s,
        "getBusinessSettings",
        "POST",
        "/v2/businesses/42/settings",
        None,
        403,
    )
    .await;
    let path = format!("/v1/businesses/{b}/orders?limit=0");
    answer(&s, "getBusinessOrders", "POST", &path, Some(json!({})), 400).await;
    s.faults().set(FaultPlan::schedule([
        Some(Fault::RateLimited),
        Some(Fault::ServerError),
    ]));
    answer(&s, "getCampaigns", "GET", "/v2/campaigns", None, 420).await;
    answer(&s, "getCampaigns", "GET", "/v2/campaigns", None, 500).await;
    let raw = reqwest::Client::new()
        .get(format!("{}/v2/campaigns", s.uri()))
        .send()
        .await
        .unwrap();
    let v: Value = raw.json().await.unwrap();
    let schema = crate::common::spec().response_schema_for("getCampaigns", "401");
    assert!(crate::common::spec().check(schema, &v, &[]).is_empty());
}

// ---------------------------------------------------------------------------------------------
// The Marketplace trait, end to end.
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn the_marketplace_trait_runs_end_to_end_on_the_campaign() {
    use market_core::{
        CancelReason, Card, CardImportState, CategoryRef, Lifecycle, Marketplace, OrderQuery,
        PriceUpdate, ReturnQuery, StockUpdate as CoreStock, TimeWindow,
    };
    let s = Sandbox::start().await;
    let mp = s.campaign().unwrap();
    assert_eq!(mp.business, SANDBOX_BUSINESS_ID);
    assert_eq!(mp.campaign, SANDBOX_CAMPAIGN_ID);

    let warehouses = mp.warehouses().await.unwrap();
    assert_eq!(warehouses.len(), 1);
    assert_eq!(warehouses[0].id.as_str(), SANDBOX_WAREHOUSE_ID.to_string());

    let report = mp
        .update_stocks(&[CoreStock::new(
            "SKU-0001",
            SANDBOX_WAREHOUSE_ID.to_string(),
            11,
        )])
        .await
        .unwrap();
    assert_eq!(report.accepted.len(), 1, "{report:?}");
    assert_eq!(s.stock("SKU-0001"), Some(11));

    let report = mp
        .update_prices(&[PriceUpdate::new("SKU-0002", Decimal::new(77_770, 2))
            .with_old_price(Decimal::from(900))])
        .await
        .unwrap();
    assert_eq!(report.accepted.len(), 1, "{report:?}");
    assert_eq!(s.price("SKU-0002"), Some(Decimal::new(77_770, 2)));

    // A card: accepted, checked, then bound to a card; one without a brand needs content.
    let card = |id: &str, brand: Option<&str>| {
        let mut c = Card::new(
            id,
            "Кружка из сандбокса",
            CategoryRef {
                id: "10785221".into(),
                type_id: None,
                name: None,
            },
        );
        c.brand = brand.map(str::to_owned);
        c.description = Some("Кружка.".into());
        c.images = vec!["https://example.invalid/card.jpg".parse().unwrap()];
        c
    };
    let submission = mp
        .publish_cards(&[card("CARD-1", Some("Домашний уют")), card("CARD-2", None)])
        .await
        .unwrap();
    assert_eq!(
        submission.report.accepted.len(),
        2,
        "{:?}",
        submission.report
    );
    let task = &submission.tasks[0];
    let first = mp.card_import_status(task).await.unwrap();
    assert_eq!(first.state, CardImportState::Pending);
    let done = mp.card_import_status(task).await.unwrap();
    assert_eq!(done.state, CardImportState::Done);
    assert_eq!(done.report.accepted.len(), 1, "{:?}", done.report);
    assert_eq!(done.report.rejected.len(), 1, "{:?}", done.report);
    assert!(s.offers().contains(&"CARD-1".to_owned()));

    // Orders of the last week, then one by id.
    let orders: Vec<_> = mp
        .orders(OrderQuery::window(TimeWindow::last(
            chrono::Duration::days(8),
        )))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(orders.len(), s.order_count());
    let awaiting: Vec<_> = mp
        .orders(
            OrderQuery::window(TimeWindow::last(chrono::Duration::days(8)))
                .with_statuses([Lifecycle::AwaitingPackaging]),
        )
        .try_collect()
        .await
        .unwrap();
    assert!(!awaiting.is_empty());
    let ids = s.add_orders(2);
    let (a, b) = (ids[0].to_string().into(), ids[1].to_string().into());
    let order = mp.order(&a).await.unwrap();
    assert_eq!(order.status.lifecycle, Lifecycle::AwaitingPackaging);
    assert!(order.total().is_some_and(|t| t > Decimal::ZERO));

    mp.ship_order(&a).await.unwrap();
    assert_eq!(s.order_status(ids[0]), pair("PROCESSING", "READY_TO_SHIP"));
    let label = mp.label(&a).await.unwrap();
    assert!(label.bytes.starts_with(b"%PDF"));
    mp.cancel_order(&b, &CancelReason::out_of_stock())
        .await
        .unwrap();
    assert_eq!(s.order_status(ids[1]), pair("CANCELLED", "SHOP_FAILED"));
    // Cancelling what is delivered is Yandex Market's 400.
    s.advance();
    s.advance();
    let e = mp
        .cancel_order(&a, &CancelReason::out_of_stock())
        .await
        .unwrap_err();
    assert_eq!(api(&e).code.as_deref(), Some("STATUS_NOT_ALLOWED"));

    let returns: Vec<_> = mp
        .returns(ReturnQuery {
            window: TimeWindow::last(chrono::Duration::days(30)),
        })
        .try_collect()
        .await
        .unwrap();
    let listed: Vec<_> = s
        .client()
        .unwrap()
        .returns()
        .list_stream(SANDBOX_CAMPAIGN_ID, ReturnsFilter::default())
        .try_collect()
        .await
        .unwrap();
    assert!(!returns.is_empty());
    assert_eq!(returns.len(), listed.len());
}

#[tokio::test]
async fn an_order_awaiting_confirmation_is_confirmed_through_the_trait() {
    use market_core::Marketplace;
    let sandbox = Sandbox::start().await;
    let shop = sandbox.campaign().unwrap();
    let m: &dyn Marketplace = &shop;
    let id = sandbox.add_orders_awaiting_confirmation(1)[0];
    let core = market_core::OrderId::new(id.to_string());
    assert_eq!(
        m.order(&core).await.unwrap().status.lifecycle,
        market_core::Lifecycle::AwaitingConfirmation
    );
    m.confirm_order(&core).await.unwrap();
    assert_eq!(
        sandbox.order_status(id),
        Some(("PROCESSING".to_owned(), "STARTED".to_owned()))
    );
    // Confirming again is harmless; shipping moves it on.
    m.confirm_order(&core).await.unwrap();
    m.ship_order(&core).await.unwrap();
    assert_eq!(
        m.order(&core).await.unwrap().status.lifecycle,
        market_core::Lifecycle::AwaitingShipment
    );
}
