//! `impl market_core::Marketplace for CampaignClient`, through the trait object, against a
//! mock server: the status table, order mapping (money, times), stocks, prices, cards,
//! packing, shipping, cancelling, labels, returns, and what Yandex Market does not offer.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common::{assert_requests_match_spec, client, mount, sent, sent_to, spec};
use chrono::{DateTime, Utc};
use futures::TryStreamExt;
use market_core::{
    CancelReason, Capability, DeliveryScheme, Error, ItemKey, LabelFormat, Lifecycle, Marketplace,
    MarketplaceKind, OrderId, OrderQuery, Package, PriceUpdate, RejectionStage, ReturnQuery,
    StockUpdate, TimeWindow,
};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use wiremock::{MockServer, ResponseTemplate};
use yandex_market_api::marketplace::lifecycle;
use yandex_market_api::models::orders::{OrderStatus as S, OrderSubstatus as Sub};
use yandex_market_api::{BusinessId, CampaignClient, CampaignId};

const BUSINESS: BusinessId = BusinessId(11);
const CAMPAIGN: CampaignId = CampaignId(21);

fn t(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
}

fn window() -> TimeWindow {
    TimeWindow::new(t("2024-05-01T00:00:00Z"), t("2024-05-08T00:00:00Z")).unwrap()
}

fn shop(server: &MockServer) -> CampaignClient {
    client(server).campaign(BUSINESS, CAMPAIGN)
}

fn ok(body: Value) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(body)
}

fn order(id: i64, status: &str, substatus: &str) -> Value {
    json!({
        "orderId": id,
        "campaignId": CAMPAIGN.0,
        "programType": "FBS",
        "status": status,
        "substatus": substatus,
        "creationDate": "2024-05-01T10:00:00+03:00",
        "updateDate": "2024-05-01T11:30:00+03:00",
        "paymentType": "PREPAID",
        "paymentMethod": "YANDEX",
        "fake": false,
        "items": [{
            "id": id * 10,
            "offerId": "SKU-1",
            "offerName": "Kettle",
            "count": 2,
            "prices": {
                "payment": {"value": 2599.5, "currencyId": "RUR"},
                "subsidy": {"value": 100.25, "currencyId": "RUR"},
                "cashback": {"value": 0.5, "currencyId": "RUR"}
            }
        }, {
            "id": id * 10 + 1,
            "offerId": "SKU-2",
            "offerName": "Cup",
            "count": 3,
            "prices": {"payment": {"value": 100, "currencyId": "RUR"}}
        }],
        "delivery": {
            "type": "DELIVERY",
            "serviceName": "Market",
            "deliveryServiceId": 1,
            "deliveryPartnerType": "YANDEX_MARKET",
            "warehouseId": "3000001",
            "dates": {"fromDate": "2024-05-03"},
            "shipment": {"id": 555, "shipmentDate": "2024-05-02"}
        }
    })
}

fn orders_page(orders: Vec<Value>, next: Option<&str>) -> ResponseTemplate {
    let mut body = json!({ "orders": orders });
    if let Some(n) = next {
        body["paging"] = json!({ "nextPageToken": n });
    }
    ok(body)
}

#[test]
fn the_status_table() {
    use Lifecycle as L;
    for (status, sub, want) in [
        (S::Unpaid, Sub::Unspecified, L::Pending),
        (S::Placing, Sub::Unspecified, L::Pending),
        (
            S::Processing,
            Sub::AwaitConfirmation,
            L::AwaitingConfirmation,
        ),
        (S::Processing, Sub::Started, L::AwaitingPackaging),
        (S::Processing, Sub::Packaging, L::AwaitingPackaging),
        (S::Processing, Sub::ReadyToShip, L::AwaitingShipment),
        (S::Processing, Sub::Shipped, L::InDelivery),
        (S::Delivery, Sub::Unspecified, L::InDelivery),
        (S::Pickup, Sub::Unspecified, L::InDelivery),
        (S::Delivered, Sub::Unspecified, L::Delivered),
        (S::Cancelled, Sub::ShopFailed, L::Cancelled),
        (S::Returned, Sub::Unspecified, L::Returned),
        (S::PartiallyReturned, Sub::Unspecified, L::Returned),
        (S::Unspecified, Sub::Unspecified, L::Unknown),
    ] {
        assert_eq!(lifecycle(&status, &sub), want, "{status:?}/{sub:?}");
    }
}

#[tokio::test]
async fn orders_stream_the_campaign_s_window_with_money_and_times() {
    let server = MockServer::start().await;
    wiremock::Mock::given(wiremock::matchers::method("POST"))
        .and(wiremock::matchers::path("/v1/businesses/11/orders"))
        .and(wiremock::matchers::query_param("pageToken", "p2"))
        .respond_with(orders_page(
            vec![order(3, "CANCELLED", "SHOP_FAILED")],
            None,
        ))
        .mount(&server)
        .await;
    mount(
        &server,
        "getBusinessOrders",
        orders_page(
            vec![
                order(1, "PROCESSING", "STARTED"),
                order(2, "PROCESSING", "READY_TO_SHIP"),
            ],
            Some("p2"),
        ),
    )
    .await;
    let shop = shop(&server);
    let m: &dyn Marketplace = &shop;
    let orders: Vec<_> = m
        .orders(OrderQuery::window(window()))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(orders.len(), 3);
    let o = &orders[0];
    assert_eq!(o.marketplace, MarketplaceKind::YandexMarket);
    assert_eq!(o.id.as_str(), "1");
    assert_eq!(o.scheme, DeliveryScheme::Fbs);
    assert_eq!(o.status.lifecycle, Lifecycle::AwaitingPackaging);
    assert_eq!(o.status.raw, "PROCESSING/STARTED");
    assert_eq!(o.created_at, t("2024-05-01T07:00:00Z"));
    assert_eq!(o.updated_at, Some(t("2024-05-01T08:30:00Z")));
    assert_eq!(
        o.ship_by,
        Some(t("2024-05-02T21:00:00Z")),
        "the end of the shipment day (2024-05-02), Moscow"
    );
    assert_eq!(o.warehouse_id.as_ref().unwrap().as_str(), "3000001");
    // (2599.5 + 0.5) / 2 and 100 / 3, in roubles.
    assert_eq!(o.lines[0].unit_price, Decimal::new(130_000, 2));
    assert_eq!(o.lines[0].quantity, 2);
    assert_eq!(o.lines[1].unit_price, Decimal::new(3333, 2));
    assert_eq!(orders[1].status.lifecycle, Lifecycle::AwaitingShipment);
    assert_eq!(orders[2].status.lifecycle, Lifecycle::Cancelled);

    let requests = sent_to(&server, "getBusinessOrders").await;
    assert_eq!(requests.len(), 2);
    assert_eq!(
        requests[0].1,
        json!({
            "campaignIds": [21],
            // The Moscow days the window touches (03:00 on May 1st to 03:00 on May 8th),
            // the end excluded; the creation times are then checked against the window.
            "dates": {"creationDateFrom": "2024-05-01", "creationDateTo": "2024-05-09"}
        })
    );
    assert_requests_match_spec(&server, "getBusinessOrders").await;

    // The status filter applies.
    let shipped: Vec<_> = m
        .orders(OrderQuery::window(window()).with_statuses([Lifecycle::AwaitingShipment]))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(shipped.len(), 1);
    assert_eq!(shipped[0].id.as_str(), "2");
}

#[tokio::test]
async fn changes_are_asked_by_update_time_and_creation_windows_by_day() {
    let server = MockServer::start().await;
    // One order placed long before the window, updated in it; one placed just before the
    // window's start on its first Moscow day.
    let mut old = order(1, "CANCELLED", "USER_CHANGED_MIND");
    old["creationDate"] = json!("2024-04-01T10:00:00+03:00");
    old["updateDate"] = json!("2024-05-02T10:00:00+03:00");
    let mut early = order(2, "PROCESSING", "STARTED");
    early["creationDate"] = json!("2024-05-01T02:00:00+03:00");
    mount(
        &server,
        "getBusinessOrders",
        orders_page(vec![old, early, order(3, "PROCESSING", "STARTED")], None),
    )
    .await;
    let shop = shop(&server);
    assert!(
        Marketplace::capabilities(&shop).supports(Capability::OrderChanges),
        "Yandex Market filters orders by update time"
    );
    let changed: Vec<_> = Marketplace::orders(&shop, OrderQuery::changes(window()))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(
        changed.iter().map(|o| o.id.as_str()).collect::<Vec<_>>(),
        ["1", "2", "3"],
        "the server's update-time filter is trusted"
    );
    assert_eq!(changed[0].status.lifecycle, Lifecycle::Cancelled);
    let created: Vec<_> = Marketplace::orders(&shop, OrderQuery::window(window()))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(
        created.iter().map(|o| o.id.as_str()).collect::<Vec<_>>(),
        ["3"],
        "creation times outside the window are dropped"
    );
    let requests = sent_to(&server, "getBusinessOrders").await;
    assert_eq!(
        requests[0].1["dates"],
        json!({"updateDateFrom": "2024-05-01T00:00:00Z", "updateDateTo": "2024-05-08T00:00:00Z"})
    );
    assert_eq!(
        requests[1].1["dates"],
        json!({"creationDateFrom": "2024-05-01", "creationDateTo": "2024-05-09"})
    );

    // A creation window longer than 30 days is asked in parts of at most 30 days.
    let long = TimeWindow::new(t("2024-01-01T00:00:00Z"), t("2024-03-15T00:00:00Z")).unwrap();
    let _: Vec<_> = Marketplace::orders(&shop, OrderQuery::window(long))
        .try_collect()
        .await
        .unwrap();
    let requests = sent_to(&server, "getBusinessOrders").await;
    let parts: Vec<Value> = requests[2..].iter().map(|r| r.1["dates"].clone()).collect();
    assert_eq!(
        parts,
        [
            json!({"creationDateFrom": "2024-01-01", "creationDateTo": "2024-01-31"}),
            json!({"creationDateFrom": "2024-01-31", "creationDateTo": "2024-03-01"}),
            json!({"creationDateFrom": "2024-03-01", "creationDateTo": "2024-03-16"}),
        ]
    );
    assert_requests_match_spec(&server, "getBusinessOrders").await;
}

#[tokio::test]
async fn refresh_reads_known_orders_fifty_a_request() {
    let server = MockServer::start().await;
    // The server answers the first 50 ids with one order, cancelled; another campaign's
    // order is not the shop's.
    let mut other = order(60, "PROCESSING", "STARTED");
    other["campaignId"] = json!(99);
    mount(
        &server,
        "getBusinessOrders",
        orders_page(
            vec![order(5, "CANCELLED", "USER_CHANGED_MIND"), other],
            None,
        ),
    )
    .await;
    let shop = shop(&server);
    let ids: Vec<OrderId> = (1..=60).map(|i| OrderId::new(i.to_string())).collect();
    let got: Vec<_> = Marketplace::refresh_orders(&shop, ids)
        .try_collect()
        .await
        .unwrap();
    let requests = sent_to(&server, "getBusinessOrders").await;
    assert_eq!(requests.len(), 2, "60 orders, 50 a request");
    assert_eq!(requests[0].1["orderIds"].as_array().unwrap().len(), 50);
    // The second request asks only for the ten ids left (the answer named 5 and 60, but 60
    // was not asked in the first request, so all ten of 51..=60 are asked).
    assert_eq!(requests[1].1["orderIds"].as_array().unwrap().len(), 10);
    assert_eq!(
        got.iter().map(|o| o.id.as_str()).collect::<Vec<_>>(),
        ["5", "5"],
        "each request's answer, the other campaign's order left out"
    );
    assert_eq!(got[0].status.lifecycle, Lifecycle::Cancelled);
    // A bad id fails before anything is sent.
    let before = sent(&server).await.len();
    let e = Marketplace::refresh_orders(&shop, vec![OrderId::new("x")])
        .try_collect::<Vec<_>>()
        .await
        .unwrap_err();
    assert!(matches!(e, Error::Validation { .. }), "{e:?}");
    assert_eq!(sent(&server).await.len(), before);
}

#[tokio::test]
async fn test_orders_come_after_the_real_ones_only_when_asked() {
    let server = MockServer::start().await;
    let mut test_order = order(99, "PROCESSING", "STARTED");
    test_order["fake"] = json!(true);
    wiremock::Mock::given(wiremock::matchers::body_partial_json(json!({"fake": true})))
        .respond_with(orders_page(vec![test_order], None))
        .mount(&server)
        .await;
    mount(
        &server,
        "getBusinessOrders",
        orders_page(vec![order(1, "PROCESSING", "STARTED")], None),
    )
    .await;
    let shop = shop(&server);
    let plain: Vec<_> = Marketplace::orders(&shop, OrderQuery::window(window()))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(
        plain.iter().map(|o| o.id.as_str()).collect::<Vec<_>>(),
        ["1"]
    );
    let with_fake = shop.clone().with_fake_orders();
    let all: Vec<_> = Marketplace::orders(&with_fake, OrderQuery::window(window()))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(
        all.iter().map(|o| o.id.as_str()).collect::<Vec<_>>(),
        ["1", "99"],
        "real orders, then the test ones"
    );
    let requests = sent_to(&server, "getBusinessOrders").await;
    assert_eq!(requests.len(), 3);
    assert!(requests[1].1.get("fake").is_none());
    assert_eq!(requests[2].1["fake"], json!(true));
    assert_requests_match_spec(&server, "getBusinessOrders").await;
}

#[tokio::test]
async fn one_order_is_read_by_id_and_must_be_the_campaign_s() {
    let server = MockServer::start().await;
    let mut other = order(8, "DELIVERED", "UNKNOWN");
    other["campaignId"] = json!(99);
    wiremock::Mock::given(wiremock::matchers::body_partial_json(
        json!({"orderIds": [8]}),
    ))
    .respond_with(orders_page(vec![other], None))
    .mount(&server)
    .await;
    mount(
        &server,
        "getBusinessOrders",
        orders_page(vec![order(7, "DELIVERED", "UNKNOWN")], None),
    )
    .await;
    let shop = shop(&server);
    let m: &dyn Marketplace = &shop;
    let o = m.order(&OrderId::new("7")).await.unwrap();
    assert_eq!(o.status.lifecycle, Lifecycle::Delivered);
    let e = m.order(&OrderId::new("8")).await.unwrap_err();
    assert!(matches!(e, Error::Validation { .. }), "{e:?}");
    let before = sent(&server).await.len();
    for bad in ["", "x", "0"] {
        assert!(m.order(&OrderId::new(bad)).await.is_err());
    }
    assert_eq!(sent(&server).await.len(), before, "bad ids send nothing");
}

async fn status_server() -> MockServer {
    let server = MockServer::start().await;
    mount(
        &server,
        "getBusinessOrders",
        orders_page(vec![order(7, "PROCESSING", "STARTED")], None),
    )
    .await;
    let answer = spec().maximal(spec().response_schema("updateOrderStatus"));
    mount(&server, "updateOrderStatus", ok(answer)).await;
    server
}

#[tokio::test]
async fn ship_sets_ready_to_ship_and_cancel_sets_shop_failed() {
    let server = status_server().await;
    let shop = shop(&server);
    let m: &dyn Marketplace = &shop;
    m.ship_order(&OrderId::new("7")).await.unwrap();
    m.cancel_order(&OrderId::new("7"), &CancelReason::out_of_stock())
        .await
        .unwrap();
    let bodies: Vec<Value> = sent_to(&server, "updateOrderStatus")
        .await
        .into_iter()
        .map(|(r, b)| {
            assert_eq!(r.url.path(), "/v2/campaigns/21/orders/7/status");
            b
        })
        .collect();
    assert_eq!(
        bodies,
        [
            json!({"order": {"status": "PROCESSING", "substatus": "READY_TO_SHIP"}}),
            json!({"order": {"status": "CANCELLED", "substatus": "SHOP_FAILED"}}),
        ]
    );
    assert_requests_match_spec(&server, "updateOrderStatus").await;
}

#[tokio::test]
async fn packing_lays_out_one_box_per_package_by_the_order_s_lines() {
    let server = status_server().await;
    let answer = spec().maximal(spec().response_schema("setOrderBoxLayout"));
    mount(&server, "setOrderBoxLayout", ok(answer)).await;
    let shop = shop(&server);
    let m: &dyn Marketplace = &shop;
    m.pack_order(
        &OrderId::new("7"),
        &[
            Package {
                items: vec![("SKU-1".into(), 2)],
            },
            Package {
                items: vec![("SKU-2".into(), 3)],
            },
        ],
    )
    .await
    .unwrap();
    let sent = sent_to(&server, "setOrderBoxLayout").await;
    assert_eq!(
        sent[0].1,
        json!({"boxes": [{"items": [{"id": 70, "fullCount": 2}]}, {"items": [{"id": 71, "fullCount": 3}]}]})
    );
    assert_requests_match_spec(&server, "setOrderBoxLayout").await;
    let e = m
        .pack_order(
            &OrderId::new("7"),
            &[Package {
                items: vec![("NOT-IN-ORDER".into(), 1)],
            }],
        )
        .await
        .unwrap_err();
    assert!(matches!(e, Error::Validation { .. }), "{e:?}");
    assert_eq!(sent_to(&server, "setOrderBoxLayout").await.len(), 1);

    // No packages: one box with every line.
    m.pack_order(&OrderId::new("7"), &[]).await.unwrap();
    let sent = sent_to(&server, "setOrderBoxLayout").await;
    assert_eq!(
        sent[1].1,
        json!({"boxes": [{"items": [{"id": 70, "fullCount": 2}, {"id": 71, "fullCount": 3}]}]})
    );
}

#[tokio::test]
async fn stocks_go_per_campaign_by_offer_id_and_a_foreign_warehouse_stays_local() {
    let server = MockServer::start().await;
    mount(
        &server,
        "getPagedWarehouses",
        ok(json!({"status": "OK", "result": {"warehouses": [
            {"id": 3000001, "name": "Склад", "campaignId": 21, "express": false}
        ]}})),
    )
    .await;
    mount(&server, "updateStocks", ok(json!({"status": "OK"}))).await;
    let shop = shop(&server);
    let m: &dyn Marketplace = &shop;
    let report = m
        .update_stocks(&[
            StockUpdate::new("SKU-1", "3000001", 5),
            StockUpdate::new("SKU-2", "999", 5),
            StockUpdate::new("SKU-3", "3000001", -1),
        ])
        .await
        .unwrap();
    assert_eq!(report.accepted, [ItemKey::stock("SKU-1", "3000001")]);
    let rejected: Vec<(&str, RejectionStage)> = report
        .rejected
        .iter()
        .map(|r| (r.key.offer_id.as_str(), r.stage))
        .collect();
    assert_eq!(
        rejected,
        [
            ("SKU-2", RejectionStage::Validation),
            ("SKU-3", RejectionStage::Validation)
        ]
    );
    let sent = sent_to(&server, "updateStocks").await;
    assert_eq!(sent.len(), 1);
    assert_eq!(
        sent[0].1["skus"],
        json!([{"sku": "SKU-1", "items": [{"count": 5}]}])
    );
    assert_requests_match_spec(&server, "updateStocks").await;

    // No warehouse is needed (one stock per campaign); a repeat (after trimming) is
    // rejected under its own key; the warehouse list is not read again.
    let report = m
        .update_stocks(&[
            StockUpdate {
                offer_id: "SKU-4".into(),
                warehouse_id: None,
                quantity: 7,
            },
            StockUpdate::new("SKU-5", "3000001", 1),
            StockUpdate::new(" SKU-5", "3000001", 2),
        ])
        .await
        .unwrap();
    assert_eq!(
        report.accepted,
        [ItemKey::offer("SKU-4"), ItemKey::stock("SKU-5", "3000001")]
    );
    assert_eq!(report.rejected.len(), 1);
    assert_eq!(report.rejected[0].key, ItemKey::stock(" SKU-5", "3000001"));
    assert_eq!(
        sent_to(&server, "getPagedWarehouses").await.len(),
        1,
        "the campaign's warehouses are read once per client"
    );
}

#[tokio::test]
async fn prices_are_business_prices_with_the_old_price_as_discount_base() {
    let server = MockServer::start().await;
    mount(&server, "updateBusinessPrices", ok(json!({"status": "OK"}))).await;
    let shop = shop(&server);
    let m: &dyn Marketplace = &shop;
    let report = m
        .update_prices(&[
            PriceUpdate::new("SKU-1", Decimal::new(129_999, 2)).with_old_price(Decimal::from(1600)),
            PriceUpdate::new("SKU-2", Decimal::from(500)),
            PriceUpdate::new("SKU-3", Decimal::ZERO),
        ])
        .await
        .unwrap();
    assert_eq!(
        report.accepted,
        [ItemKey::offer("SKU-1"), ItemKey::offer("SKU-2")]
    );
    assert_eq!(report.rejected.len(), 1);
    assert_eq!(report.rejected[0].key, ItemKey::offer("SKU-3"));
    let sent = sent_to(&server, "updateBusinessPrices").await;
    assert_eq!(
        sent[0].0.url.path(),
        "/v2/businesses/11/offer-prices/updates"
    );
    let body = String::from_utf8(sent[0].0.body.clone()).unwrap();
    assert!(body.contains("\"value\":1299.99"), "{body}");
    assert_eq!(sent[0].1["offers"][0]["price"]["discountBase"], json!(1600));
    assert!(
        sent[0].1["offers"][1]["price"]
            .get("discountBase")
            .is_none()
    );
    assert_requests_match_spec(&server, "updateBusinessPrices").await;
}

#[tokio::test]
async fn warehouses_are_the_campaign_s_with_its_placement() {
    let server = MockServer::start().await;
    mount(
        &server,
        "getPagedWarehouses",
        ok(json!({"status": "OK", "result": {"warehouses": [
            {"id": 3000001, "name": "Склад", "campaignId": 21, "express": false},
            {"id": 3000002, "name": "Чужой", "campaignId": 22, "express": false}
        ]}})),
    )
    .await;
    mount(
        &server,
        "getCampaign",
        ok(json!({"campaign": {"domain": "shop", "id": 21, "placementType": "DBS"}})),
    )
    .await;
    let shop = shop(&server);
    let m: &dyn Marketplace = &shop;
    let w = m.warehouses().await.unwrap();
    assert_eq!(w.len(), 1);
    assert_eq!(w[0].id.as_str(), "3000001");
    assert_eq!(w[0].scheme, DeliveryScheme::Dbs);
    assert_requests_match_spec(&server, "getPagedWarehouses").await;
}

fn card() -> market_core::Card {
    let mut card = market_core::Card::new(
        "SKU-9",
        "Чайник",
        market_core::CategoryRef {
            id: "91491".into(),
            type_id: None,
            name: None,
        },
    );
    card.brand = Some("Бренд".into());
    card.description = Some("Хороший чайник".into());
    card.images = vec!["https://example.com/1.jpg".parse().unwrap()];
    card.barcodes = vec!["4600000000001".into()];
    card.attributes = vec![market_core::Attribute {
        id: "15341921".into(),
        name: None,
        values: vec![market_core::AttributeValue::Text("белый".into())],
    }];
    card
}

#[tokio::test]
async fn cards_are_offer_mappings_and_their_status_is_the_card_status() {
    let server = MockServer::start().await;
    mount(
        &server,
        "updateOfferMappings",
        ok(json!({"status": "OK", "results": []})),
    )
    .await;
    let mut bad = card();
    bad.category.id = "not-a-category".into();
    bad.offer_id = "SKU-BAD".into();
    let shop = shop(&server);
    let m: &dyn Marketplace = &shop;
    let mut other = card();
    other.offer_id = "SKU-10".into();
    let mut third = card();
    third.offer_id = "SKU-11".into();
    let submission = m.publish_cards(&[card(), bad, other, third]).await.unwrap();
    assert_eq!(submission.report.rejected.len(), 1);
    assert_eq!(submission.report.rejected[0].key, ItemKey::offer("SKU-BAD"));
    assert_eq!(submission.tasks.len(), 1);
    let sent = sent_to(&server, "updateOfferMappings").await;
    let offer = &sent[0].1["offerMappings"][0]["offer"];
    assert_eq!(offer["offerId"], "SKU-9");
    assert_eq!(offer["marketCategoryId"], 91491);
    assert_eq!(offer["vendor"], "Бренд");
    assert_eq!(offer["barcodes"], json!(["4600000000001"]));
    assert_eq!(
        offer["parameterValues"],
        json!([{"parameterId": 15341921, "value": "белый"}])
    );
    assert_requests_match_spec(&server, "updateOfferMappings").await;

    mount(
        &server,
        "getOfferCardsContentStatus",
        ok(json!({"status": "OK", "result": {"offerCards": [
            {"offerId": "SKU-9", "cardStatus": "HAS_CARD_CAN_UPDATE"},
            {"offerId": "SKU-10", "cardStatus": "NO_CARD_ERRORS", "errors": [{"message": "Нет фото"}]},
            {"offerId": "SKU-11", "cardStatus": "NO_CARD_PROCESSING"}
        ]}})),
    )
    .await;
    let status = m.card_import_status(&submission.tasks[0]).await.unwrap();
    assert_eq!(status.state, market_core::CardImportState::Pending);
    assert_eq!(status.report.accepted, [ItemKey::offer("SKU-9")]);
    assert_eq!(status.report.rejected.len(), 1);
    assert_eq!(status.report.rejected[0].key, ItemKey::offer("SKU-10"));
    assert_eq!(status.report.rejected[0].message, "Нет фото");
    assert_requests_match_spec(&server, "getOfferCardsContentStatus").await;
}

#[tokio::test]
async fn the_label_is_the_pdf_of_all_boxes() {
    let server = MockServer::start().await;
    mount(
        &server,
        "generateOrderLabels",
        ResponseTemplate::new(200)
            .insert_header("content-type", "application/pdf")
            .set_body_bytes(b"%PDF-1.4\n%test\n".to_vec()),
    )
    .await;
    let shop = shop(&server);
    let m: &dyn Marketplace = &shop;
    let label = m.label(&OrderId::new("7")).await.unwrap();
    assert_eq!(label.format, LabelFormat::Pdf);
    assert_eq!(label.order_id.as_str(), "7");
    assert_requests_match_spec(&server, "generateOrderLabels").await;
}

#[tokio::test]
async fn returns_of_the_window() {
    let server = MockServer::start().await;
    mount(
        &server,
        "getReturns",
        ok(json!({"status": "OK", "result": {"returns": [
            {"id": 5, "orderId": 7, "creationDate": "2024-05-02T10:00:00+03:00", "refundStatus": "REFUNDED",
             "items": [{"shopSku": "SKU-1", "count": 1, "decisions": [{"comment": "брак"}]}]},
            {"id": 6, "orderId": 8, "creationDate": "2024-04-20T10:00:00+03:00", "items": []}
        ]}})),
    )
    .await;
    let shop = shop(&server);
    let m: &dyn Marketplace = &shop;
    let returns: Vec<_> = m
        .returns(ReturnQuery { window: window() })
        .try_collect()
        .await
        .unwrap();
    assert_eq!(
        returns.len(),
        1,
        "the one created before the window is left out"
    );
    assert_eq!(returns[0].id.as_str(), "5");
    assert_eq!(returns[0].order_id.as_ref().unwrap().as_str(), "7");
    assert_eq!(returns[0].lines[0].reason.as_deref(), Some("брак"));
    let sent = sent_to(&server, "getReturns").await;
    let q = sent[0].0.url.query().unwrap_or_default().to_owned();
    assert!(
        q.contains("fromDate=2024-05-01") && q.contains("toDate=2024-05-08"),
        "{q}"
    );
    assert_requests_match_spec(&server, "getReturns").await;
}

#[tokio::test]
async fn identity_and_capabilities() {
    let server = MockServer::start().await;
    let shop = shop(&server);
    let m: &dyn Marketplace = &shop;
    assert_eq!(m.kind(), MarketplaceKind::YandexMarket);
    let caps = m.capabilities();
    for c in [
        Capability::Warehouses,
        Capability::Stocks,
        Capability::Prices,
        Capability::Cards,
        Capability::Orders,
        Capability::ConfirmOrder,
        Capability::PackOrder,
        Capability::ShipOrder,
        Capability::CancelOrder,
        Capability::Labels,
        Capability::Returns,
    ] {
        assert!(caps.supports(c), "{c:?}");
    }
    assert!(sent(&server).await.is_empty());
}

#[tokio::test]
async fn confirm_accepts_an_order_awaiting_confirmation_and_leaves_others() {
    let server = MockServer::start().await;
    wiremock::Mock::given(wiremock::matchers::body_partial_json(
        json!({"orderIds": [9]}),
    ))
    .respond_with(orders_page(
        vec![order(9, "PROCESSING", "AWAIT_CONFIRMATION")],
        None,
    ))
    .mount(&server)
    .await;
    wiremock::Mock::given(wiremock::matchers::body_partial_json(
        json!({"orderIds": [6]}),
    ))
    .respond_with(orders_page(vec![order(6, "DELIVERED", "UNKNOWN")], None))
    .mount(&server)
    .await;
    mount(
        &server,
        "getBusinessOrders",
        orders_page(vec![order(7, "PROCESSING", "STARTED")], None),
    )
    .await;
    let answer = spec().maximal(spec().response_schema("updateOrderStatus"));
    mount(&server, "updateOrderStatus", ok(answer)).await;
    let shop = shop(&server);
    let m: &dyn Marketplace = &shop;
    m.confirm_order(&OrderId::new("9")).await.unwrap();
    m.confirm_order(&OrderId::new("7")).await.unwrap();
    let e = m.confirm_order(&OrderId::new("6")).await.unwrap_err();
    assert!(matches!(e, Error::Validation { .. }), "{e:?}");
    let changes = sent_to(&server, "updateOrderStatus").await;
    assert_eq!(
        changes.len(),
        1,
        "only the order awaiting confirmation is changed"
    );
    assert_eq!(changes[0].0.url.path(), "/v2/campaigns/21/orders/9/status");
    assert_eq!(
        changes[0].1,
        json!({"order": {"status": "PROCESSING", "substatus": "STARTED"}})
    );
    assert_requests_match_spec(&server, "updateOrderStatus").await;
}

#[tokio::test]
async fn returns_are_those_updated_in_the_window() {
    let server = MockServer::start().await;
    mount(
        &server,
        "getReturns",
        ok(json!({"status": "OK", "result": {"returns": [
            {"id": 1, "orderId": 7, "creationDate": "2024-04-20T10:00:00+03:00",
             "updateDate": "2024-05-03T10:00:00+03:00", "items": []},
            {"id": 2, "orderId": 8, "creationDate": "2024-05-02T10:00:00+03:00",
             "updateDate": "2024-05-09T10:00:00+03:00", "items": []}
        ]}})),
    )
    .await;
    let shop = shop(&server);
    let m: &dyn Marketplace = &shop;
    let returns: Vec<_> = m
        .returns(ReturnQuery { window: window() })
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<&str> = returns.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["1"], "updated in the window, whenever created");
}

#[tokio::test]
async fn dbs_ships_into_delivery_and_fby_is_not_the_seller_s_to_ship() {
    let server = MockServer::start().await;
    let mut dbs = order(4, "PROCESSING", "STARTED");
    dbs["programType"] = json!("DBS");
    let mut fby = order(5, "PROCESSING", "STARTED");
    fby["programType"] = json!("FBY");
    wiremock::Mock::given(wiremock::matchers::body_partial_json(
        json!({"orderIds": [4]}),
    ))
    .respond_with(orders_page(vec![dbs], None))
    .mount(&server)
    .await;
    wiremock::Mock::given(wiremock::matchers::body_partial_json(
        json!({"orderIds": [5]}),
    ))
    .respond_with(orders_page(vec![fby], None))
    .mount(&server)
    .await;
    let answer = spec().maximal(spec().response_schema("updateOrderStatus"));
    mount(&server, "updateOrderStatus", ok(answer)).await;
    let shop = shop(&server);
    let m: &dyn Marketplace = &shop;
    m.ship_order(&OrderId::new("4")).await.unwrap();
    let e = m.ship_order(&OrderId::new("5")).await.unwrap_err();
    assert!(matches!(e, Error::Validation { .. }), "{e:?}");
    let changes = sent_to(&server, "updateOrderStatus").await;
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].1, json!({"order": {"status": "DELIVERY"}}));
    assert_requests_match_spec(&server, "updateOrderStatus").await;
}

#[tokio::test]
async fn offers_held_back_by_another_s_error_are_sent_once_more() {
    let server = MockServer::start().await;
    // The first request has SKU-BAD in error (YM saves none of it); later requests succeed.
    wiremock::Mock::given(wiremock::matchers::body_partial_json(
        json!({"offerMappings": [{"offer": {"offerId": "SKU-9"}}]}),
    ))
    .and(wiremock::matchers::path(
        "/v2/businesses/11/offer-mappings/update",
    ))
    .respond_with(ok(json!({"status": "OK", "results": [
        {"offerId": "SKU-BAD", "errors": [{"type": "UNKNOWN_CATEGORY", "message": "Нет категории"}]}
    ]})))
    .up_to_n_times(1)
    .mount(&server)
    .await;
    mount(
        &server,
        "updateOfferMappings",
        ok(json!({"status": "OK", "results": []})),
    )
    .await;
    let shop = shop(&server);
    let m: &dyn Marketplace = &shop;
    let mut bad = card();
    bad.offer_id = "SKU-BAD".into();
    let mut other = card();
    other.offer_id = "SKU-10".into();
    let submission = m.publish_cards(&[card(), bad, other]).await.unwrap();
    assert_eq!(
        submission.report.accepted,
        [ItemKey::offer("SKU-9"), ItemKey::offer("SKU-10")]
    );
    assert_eq!(submission.report.rejected.len(), 1);
    assert_eq!(submission.report.rejected[0].key, ItemKey::offer("SKU-BAD"));
    let sent = sent_to(&server, "updateOfferMappings").await;
    assert_eq!(sent.len(), 2);
    assert_eq!(sent[1].1["offerMappings"].as_array().unwrap().len(), 2);
    assert_requests_match_spec(&server, "updateOfferMappings").await;
}

#[tokio::test]
async fn a_warehouse_switched_off_by_the_seller_is_inactive() {
    let server = MockServer::start().await;
    mount(
        &server,
        "getPagedWarehouses",
        ok(json!({"status": "OK", "result": {"warehouses": [
            {"id": 3000001, "name": "Склад", "campaignId": 21, "express": false,
             "status": {"status": "DISABLED_MANUALLY"}}
        ]}})),
    )
    .await;
    mount(
        &server,
        "getCampaign",
        ok(json!({"campaign": {"domain": "shop", "id": 21, "placementType": "FBS"}})),
    )
    .await;
    let shop = shop(&server);
    let m: &dyn Marketplace = &shop;
    let w = m.warehouses().await.unwrap();
    assert!(!w[0].active);
    let sent = sent_to(&server, "getPagedWarehouses").await;
    assert_eq!(sent[0].1["components"], json!(["STATUS"]));
}
