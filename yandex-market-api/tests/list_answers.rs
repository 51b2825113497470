//! A 200 answer of a list read without its list (`{}`, `{"status":"ERROR", ...}`,
//! `"result": null`, a `result` without the list) is an error, never an empty last page: a
//! sync reading such a page as "no more orders / offers / stocks" would silently lose data.
//! The spec marks every one of these lists required. The same holds in tolerant and strict
//! mode (these tests run in both). A real empty page (`"offers": []`) still reads as empty.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::client;
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
        .map(|o| o.name)
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
            match got {
                Err(Error::Decode { operation, .. }) => {
                    assert_eq!(operation, *op, "{op} {body}");
                }
                other => panic!("{op}: {body} read as {other:?}, not an error"),
            }
        }
    }
}
