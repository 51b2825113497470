//! A 200 answer of a list read without its list (`{}`, `{"status":"ERROR", ...}`,
//! `"result": null`, a `result` without the list) is an error, never an empty last page: a
//! sync reading such a page as "no more orders / offers / stocks" would silently lose data.
//! The spec marks every one of these lists required. The same holds in tolerant and strict
//! mode (these tests run in both). A real empty page (`"offers": []`) still reads as empty.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common::client;
use futures::TryStreamExt;
use futures::stream::BoxStream;
use market_core::{Error, Result};
use serde_json::{Value, json};
use wiremock::matchers::any;
use wiremock::{Mock, MockServer, ResponseTemplate};
use yandex_market_api::api::offers::PageQuery;
use yandex_market_api::models::offers::{
    GetOfferCardsContentStatusRequest, GetOfferMappingsRequest,
};
use yandex_market_api::models::orders::BusinessOrdersRequest;
use yandex_market_api::models::prices::{
    GetDefaultPricesRequest, GetPricesByOfferIdsRequest, GetQuarantineOffersRequest,
};
use yandex_market_api::models::returns::ReturnsFilter;
use yandex_market_api::models::stocks::GetStocksRequest;
use yandex_market_api::models::warehouses::PagedWarehousesRequest;
use yandex_market_api::{BusinessId, CampaignId, Client, OrderId, ReturnId};

const BUSINESS: BusinessId = BusinessId(11);
const CAMPAIGN: CampaignId = CampaignId(21);

/// A server answering every request with `body` (HTTP 200).
async fn answering(body: &Value) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(&server)
        .await;
    server
}

async fn all<T>(s: BoxStream<'_, Result<T>>) -> Result<usize> {
    s.try_collect::<Vec<T>>().await.map(|v| v.len())
}

/// Every list read of the crate, by operation id, as "how many items did it read".
async fn read(op: &str, ym: &Client) -> Result<usize> {
    match op {
        "getCampaigns" => all(ym.campaigns().list_stream()).await,
        "getBusinessOrders" => {
            all(ym
                .orders()
                .list_stream(BUSINESS, BusinessOrdersRequest::default()))
            .await
        }
        "getOfferMappings" => {
            all(ym.offers().list_stream(
                BUSINESS,
                GetOfferMappingsRequest::default(),
                PageQuery::first(),
            ))
            .await
        }
        "getOfferCardsContentStatus" => {
            all(ym.offers().cards_stream(
                BUSINESS,
                GetOfferCardsContentStatusRequest::default(),
                PageQuery::first(),
            ))
            .await
        }
        "getDefaultPrices" => {
            all(ym
                .prices()
                .default_prices_stream(BUSINESS, GetDefaultPricesRequest::default()))
            .await
        }
        "getPricesByOfferIds" => {
            all(ym
                .prices()
                .campaign_prices_stream(CAMPAIGN, GetPricesByOfferIdsRequest::default()))
            .await
        }
        "getBusinessQuarantineOffers" => {
            all(ym
                .prices()
                .business_quarantine_stream(BUSINESS, GetQuarantineOffersRequest::default()))
            .await
        }
        "getCampaignQuarantineOffers" => {
            all(ym
                .prices()
                .campaign_quarantine_stream(CAMPAIGN, GetQuarantineOffersRequest::default()))
            .await
        }
        "getStocks" => {
            all(ym
                .stocks()
                .list_stream(CAMPAIGN, GetStocksRequest::default()))
            .await
        }
        "getPagedWarehouses" => {
            all(ym
                .warehouses()
                .list_stream(BUSINESS, PagedWarehousesRequest::default()))
            .await
        }
        "getFulfillmentWarehouses" => ym.warehouses().fulfillment(None).await.map(|v| v.len()),
        "getReturns" => all(ym.returns().list_stream(CAMPAIGN, ReturnsFilter::default())).await,
        "getReturnAvailableDecisions" => ym
            .returns()
            .available_decisions(BUSINESS, CAMPAIGN, ReturnId(5))
            .await
            .map(|v| v.len()),
        "getOrderLabelsData" => ym
            .labels()
            .labels_data(CAMPAIGN, OrderId(7))
            .await
            .map(|l| l.parcel_box_labels.len()),
        other => panic!("no reader for {other}"),
    }
}

/// `(operation, the list's field, whether the answer wraps it in status/result)`.
const LISTS: &[(&str, &str, bool)] = &[
    ("getCampaigns", "campaigns", false),
    ("getBusinessOrders", "orders", false),
    ("getOfferMappings", "offerMappings", true),
    ("getOfferCardsContentStatus", "offerCards", true),
    ("getDefaultPrices", "offers", true),
    ("getPricesByOfferIds", "offers", true),
    ("getBusinessQuarantineOffers", "offers", true),
    ("getCampaignQuarantineOffers", "offers", true),
    ("getStocks", "warehouses", true),
    ("getPagedWarehouses", "warehouses", true),
    ("getFulfillmentWarehouses", "warehouses", true),
    ("getReturns", "returns", true),
    ("getReturnAvailableDecisions", "availableDecisions", true),
    ("getOrderLabelsData", "parcelBoxLabels", true),
];

/// The answers that carry no list, for a list field and shape.
fn listless(field: &str, wrapped: bool) -> Vec<Value> {
    let error = json!({
        "status": "ERROR",
        "errors": [{"code": "INTERNAL_ERROR", "message": "Internal error"}]
    });
    if wrapped {
        vec![
            json!({}),
            error,
            json!({"status": "OK"}),
            json!({"status": "OK", "result": null}),
            json!({"status": "OK", "result": {}}),
            json!({"status": "OK", "result": { field: null }}),
            // An answer that says ERROR is an error even with a (stale) list in it.
            json!({"status": "ERROR", "result": { field: [] }}),
        ]
    } else {
        vec![json!({}), error, json!({ field: null })]
    }
}

fn empty_page(field: &str, wrapped: bool) -> Value {
    if wrapped {
        json!({"status": "OK", "result": { field: [] }})
    } else {
        json!({ field: [] })
    }
}

#[tokio::test]
async fn a_200_without_its_list_is_an_error_not_an_empty_last_page() {
    let ops: Vec<&str> = LISTS.iter().map(|(op, _, _)| *op).collect();
    let ours: Vec<&str> = yandex_market_api::api::OPERATIONS
        .iter()
        .map(|o| crate::common::spec_id(o))
        .collect();
    for op in &ops {
        assert!(ours.contains(op), "{op} is not an operation of the crate");
    }
    for (op, field, wrapped) in LISTS {
        // The control: a real empty page reads as no items.
        let server = answering(&empty_page(field, *wrapped)).await;
        let n = read(op, &client(&server)).await;
        assert_eq!(n.ok(), Some(0), "{op}: an empty page is not an error");
        for body in listless(field, *wrapped) {
            let server = answering(&body).await;
            let got = read(op, &client(&server)).await;
            let says_error = body["status"] == json!("ERROR");
            match got {
                // Yandex Market's error shape: its code and message.
                Err(Error::Api(e)) if says_error => {
                    assert_eq!(e.operation, crate::common::name_of(op), "{op} {body}");
                    assert_eq!(e.vendor, "yandex_market");
                    assert_eq!(e.status, 200);
                    if body.get("errors").is_some() {
                        assert_eq!(e.code.as_deref(), Some("INTERNAL_ERROR"), "{op}");
                        assert!(e.message.contains("Internal error"), "{op}: {}", e.message);
                    }
                }
                Err(Error::Decode {
                    vendor, operation, ..
                }) if !says_error => {
                    assert_eq!(vendor, "yandex_market", "{op} {body}");
                    assert_eq!(operation, crate::common::name_of(op), "{op} {body}");
                }
                other => panic!("{op}: {body} read as {other:?}, not the error"),
            }
        }
    }
}

/// The list reads that page, with one item of their list (`n` makes its id).
const PAGED: &[&str] = &[
    "getCampaigns",
    "getBusinessOrders",
    "getOfferMappings",
    "getOfferCardsContentStatus",
    "getDefaultPrices",
    "getPricesByOfferIds",
    "getBusinessQuarantineOffers",
    "getCampaignQuarantineOffers",
    "getStocks",
    "getPagedWarehouses",
    "getReturns",
];

/// One item of an operation's list, its id made from `n`.
fn item(op: &str, n: usize) -> Value {
    let id = n + 1;
    let sku = format!("SKU-{id}");
    match op {
        "getCampaigns" => json!({"id": id, "domain": format!("shop {id}")}),
        "getBusinessOrders" => json!({"orderId": id}),
        "getOfferMappings" => json!({"offer": {"offerId": sku}}),
        "getStocks" => json!({"warehouseId": 1, "offers": [{"offerId": sku}]}),
        "getPagedWarehouses" | "getReturns" => json!({"id": id, "orderId": 1}),
        _ => json!({"offerId": sku}),
    }
}

/// A page of `op` holding one item (id from `n`) and a next page token.
fn page_with(op: &str, n: usize, token: &str) -> Value {
    let (_, field, wrapped) = LISTS.iter().find(|(o, _, _)| *o == op).unwrap();
    let mut item = item(op, n);
    if op == "getPagedWarehouses" {
        item.as_object_mut().unwrap().remove("orderId");
    }
    let paging = json!({"nextPageToken": token});
    if *wrapped {
        json!({"status": "OK", "result": { *field: [item], "paging": paging }})
    } else {
        json!({ *field: [item], "paging": paging })
    }
}

/// Answers the `n`-th request with `answer(n)`.
struct Sequence(
    std::sync::atomic::AtomicUsize,
    Box<dyn Fn(usize) -> Value + Send + Sync>,
);

impl wiremock::Respond for Sequence {
    fn respond(&self, _: &wiremock::Request) -> ResponseTemplate {
        let n = self.0.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        ResponseTemplate::new(200).set_body_json((self.1)(n))
    }
}

async fn serving(answer: impl Fn(usize) -> Value + Send + Sync + 'static) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(Sequence(Default::default(), Box::new(answer)))
        .mount(&server)
        .await;
    server
}

fn a_loop(op: &str, got: Result<usize>) {
    match got {
        Err(Error::Decode { message, .. }) => {
            assert!(message.contains("already"), "{op}: {message}")
        }
        other => panic!("{op}: {other:?} is not the error of a listing in circles"),
    }
}

#[tokio::test]
async fn a_server_ignoring_the_page_token_is_an_error_on_the_second_page() {
    for op in PAGED {
        // The same page whatever the token, each time with a new next token: only the page's
        // signature (its items' ids) shows the loop.
        let server = serving(move |n| page_with(op, 0, &format!("token-{n}"))).await;
        // Without signatures this listing would never end: bounded, it fails instead.
        let got = tokio::time::timeout(std::time::Duration::from_secs(20), async {
            read(op, &client(&server)).await
        })
        .await
        .unwrap_or_else(|_| panic!("{op}: the listing does not end"));
        a_loop(op, got);
        let requests = server.received_requests().await.unwrap().len();
        assert_eq!(requests, 2, "{op}: stops at the page seen before");
    }
}

#[tokio::test]
async fn page_tokens_going_round_in_circles_are_an_error() {
    for op in PAGED {
        // New items on every page, the tokens A, B, A, B...
        let server = serving(move |n| page_with(op, n, if n % 2 == 0 { "A" } else { "B" })).await;
        let got = read(op, &client(&server)).await;
        a_loop(op, got);
        let requests = server.received_requests().await.unwrap().len();
        assert_eq!(requests, 3, "{op}: stops when A comes back");
    }
}

#[tokio::test]
async fn a_category_tree_or_parameters_answer_without_its_data_is_an_error() {
    let error = json!({
        "status": "ERROR",
        "errors": [{"code": "INTERNAL_ERROR", "message": "Internal error"}]
    });
    for body in [
        json!({}),
        json!({"status": "OK"}),
        json!({"status": "OK", "result": null}),
        json!({"status": "OK", "result": {}}),
        json!({"status": "OK", "result": {"children": null}}),
        error.clone(),
    ] {
        let server = answering(&body).await;
        let ym = client(&server);
        let tree = ym.categories().tree(None).await;
        let params = ym.categories().parameters(5, None).await;
        for (op, got) in [
            ("getCategoriesTree", tree.map(|_| ())),
            ("getCategoryContentParameters", params.map(|_| ())),
        ] {
            match got {
                Err(Error::Decode { operation, .. }) if body != error => {
                    assert_eq!(operation, crate::common::name_of(op), "{body}")
                }
                Err(Error::Api(e)) if body == error => {
                    assert_eq!(e.operation, crate::common::name_of(op));
                    assert_eq!(e.code.as_deref(), Some("INTERNAL_ERROR"));
                }
                other => panic!("{op}: {body} read as {other:?}"),
            }
        }
    }
    // The controls: a leaf root and a category without parameters are answers.
    let server =
        answering(&json!({"status": "OK", "result": {"id": 90401, "name": "Все товары"}})).await;
    assert_eq!(
        client(&server)
            .categories()
            .tree(None)
            .await
            .unwrap()
            .id
            .get(),
        90401
    );
    let server =
        answering(&json!({"status": "OK", "result": {"categoryId": 5, "parameters": []}})).await;
    let p = client(&server)
        .categories()
        .parameters(5, None)
        .await
        .unwrap();
    assert!(p.parameters.is_empty());
}

#[tokio::test]
async fn a_search_read_answered_200_with_error_is_an_error() {
    // Reads are not only `get…`: a generated `searchRegionsByName` that says ERROR in a 200
    // gave no data.
    use wiremock::matchers::{method, path};
    use wiremock::{Mock, MockServer, ResponseTemplate};
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/v2/regions"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "status": "ERROR",
            "errors": [{"code": "INTERNAL_ERROR", "message": "Internal error"}]
        })))
        .mount(&server)
        .await;
    let query = yandex_market_api::generated::general::RegionsByNameSearchQuery {
        name: "Москва".into(),
        ..Default::default()
    };
    let err = crate::common::client(&server)
        .general()
        .regions_by_name_search(&query)
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(200), "{err}");
    assert_eq!(err.api().unwrap().code.as_deref(), Some("INTERNAL_ERROR"));
}
