//! History reads: a stream of pages from a `sinceId`, the records this key wrote left out,
//! the last id of every page returned to store.

use futures::TryStreamExt;
use retailcrm_api::HistoryId;
use retailcrm_api::api::HistoryPage;
use retailcrm_api::models::OrderHistoryRecord;
use serde_json::json;
use wiremock::matchers::{method, path, query_param, query_param_is_missing};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::common::{client, example};

fn record(id: i64, current: bool) -> serde_json::Value {
    json!({
        "id": id, "createdAt": "2024-03-01 10:00:00", "source": "api", "field": "status",
        "apiKey": {"current": current}, "oldValue": {"code": "new"}, "newValue": {"code": "cancel"},
        "order": {"id": 100 + id, "externalId": format!("mp-{id}")}
    })
}

fn body(records: Vec<serde_json::Value>, page_count: u32) -> serde_json::Value {
    json!({
        "success": true, "generatedAt": "2024-03-01 10:00:00", "history": records,
        "pagination": {"limit": 100, "totalCount": 3, "currentPage": 1, "totalPageCount": page_count}
    })
}

#[tokio::test]
async fn history_reads_from_since_id_skips_own_records_and_returns_the_last_id() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v5/orders/history"))
        .and(query_param("filter[sinceId]", "10"))
        .and(query_param("limit", "100"))
        .respond_with(ResponseTemplate::new(200).set_body_json(body(
            (11..=110).map(|id| record(id, id % 2 == 0)).collect(),
            2,
        )))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v5/orders/history"))
        .and(query_param("filter[sinceId]", "110"))
        .respond_with(ResponseTemplate::new(200).set_body_json(body(vec![record(111, false)], 1)))
        .expect(1)
        .mount(&server)
        .await;
    let pages: Vec<HistoryPage<OrderHistoryRecord>> = client(&server.uri())
        .orders_history(Some(HistoryId(10)))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(pages.len(), 2);
    assert_eq!(pages[0].records.len(), 50);
    assert_eq!(pages[0].own_skipped, 50);
    assert_eq!(pages[0].last_id, Some(HistoryId(110)));
    assert!(pages[0].records.iter().all(|r| r.id.unwrap().0 % 2 == 1));
    assert_eq!(pages[1].last_id, Some(HistoryId(111)));
    assert_eq!(
        pages[1].records[0]
            .order
            .as_ref()
            .unwrap()
            .external_id
            .as_deref(),
        Some("mp-111")
    );
}

#[tokio::test]
async fn history_from_the_start_sends_no_since_id_and_an_empty_page_ends_it() {
    let server = MockServer::start().await;
    let last = serde_json::from_slice::<serde_json::Value>(&example("customers.customers-history"))
        .unwrap()["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_i64().unwrap())
        .max()
        .unwrap();
    Mock::given(method("GET"))
        .and(path("/api/v5/customers/history"))
        .and(query_param("filter[sinceId]", last.to_string()))
        .respond_with(ResponseTemplate::new(200).set_body_json(body(vec![], 0)))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v5/customers/history"))
        .and(query_param_is_missing("filter[sinceId]"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_raw(example("customers.customers-history"), "application/json"),
        )
        .expect(1)
        .mount(&server)
        .await;
    let pages: Vec<_> = client(&server.uri())
        .customers_history(None)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(pages.len(), 2);
    assert_eq!(pages[0].last_id, Some(HistoryId(last)));
    assert!(pages[1].records.is_empty());
    assert_eq!(pages[1].last_id, None);
}

#[tokio::test]
async fn a_history_that_does_not_move_forward_is_an_error() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v5/orders/history"))
        .respond_with(ResponseTemplate::new(200).set_body_json(body(vec![record(5, false)], 3)))
        .mount(&server)
        .await;
    let result: Result<Vec<_>, _> = client(&server.uri())
        .orders_history(Some(HistoryId(5)))
        .try_collect()
        .await;
    assert!(result.is_err());
}

#[test]
fn the_real_history_body_marks_records_of_this_key() {
    let body: retailcrm_api::models::OrdersHistoryPage =
        serde_json::from_slice(&example("orders.history")).unwrap();
    assert!(body.history.iter().any(|r| r.api_key.is_some()));
}

#[tokio::test]
async fn the_newest_history_id_takes_two_requests_however_long_the_history() {
    let server = MockServer::start().await;
    // 73,412 pages: only the first and the last are read.
    Mock::given(method("GET"))
        .and(path("/api/v5/orders/history"))
        .and(query_param("page", "1"))
        .and(query_param("limit", "100"))
        .and(query_param_is_missing("filter[sinceId]"))
        .respond_with(ResponseTemplate::new(200).set_body_json(body(
            (1..=100).map(|id| record(id, false)).collect(),
            73_412,
        )))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v5/orders/history"))
        .and(query_param("page", "73412"))
        .respond_with(ResponseTemplate::new(200).set_body_json(body(
            (7_341_101..=7_341_137).map(|id| record(id, true)).collect(),
            73_412,
        )))
        .expect(1)
        .mount(&server)
        .await;
    let last = client(&server.uri())
        .orders_history_last_id()
        .await
        .unwrap();
    assert_eq!(last, Some(HistoryId(7_341_137)));
}

#[tokio::test]
async fn an_empty_history_has_no_newest_id_and_an_empty_last_page_is_an_error() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v5/orders/history"))
        .respond_with(ResponseTemplate::new(200).set_body_json(body(vec![], 0)))
        .expect(1)
        .mount(&server)
        .await;
    assert_eq!(
        client(&server.uri())
            .orders_history_last_id()
            .await
            .unwrap(),
        None
    );

    // A pagination that names pages the server does not have.
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v5/orders/history"))
        .and(query_param("page", "1"))
        .respond_with(ResponseTemplate::new(200).set_body_json(body(vec![record(1, false)], 999)))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/v5/orders/history"))
        .and(query_param("page", "999"))
        .respond_with(ResponseTemplate::new(200).set_body_json(body(vec![], 999)))
        .mount(&server)
        .await;
    let err = client(&server.uri())
        .orders_history_last_id()
        .await
        .unwrap_err();
    assert!(err.to_string().contains("holds no record"), "{err}");
}
