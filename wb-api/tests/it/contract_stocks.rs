//! Contract tests of the stocks section against the WB spec snapshot.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common::*;
use market_core::RejectionStage;
use serde_json::{Value, json};
use wb_api::api::stocks::{
    AMOUNT_MAX, NOT_APPLIED, STOCKS_DELETE, STOCKS_READ, STOCKS_UPDATE, STOCKS_UPDATE_MAX, StockKey,
};
use wb_api::error::PER_ITEM_409;
use wb_api::limits::groups;
use wb_api::models::common::ErrorBody;
use wb_api::models::stocks::*;
use wb_api::{ChrtId, Client, Host};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request as WireRequest, Respond, ResponseTemplate};

const UPDATE: &str = "PUT /api/v3/stocks/{warehouseId}";
const DELETE: &str = "DELETE /api/v3/stocks/{warehouseId}";
const READ: &str = "POST /api/v3/stocks/{warehouseId}";

/// A client whose marketplace section alone reaches the mock server.
fn marketplace_client(server: &MockServer) -> Client {
    Client::builder(TOKEN)
        .base_url("http://127.0.0.1:9")
        .host_url(Host::Marketplace, server.uri())
        .retry(market_core::transport::RetryPolicy {
            max_attempts: 1,
            jitter: false,
            ..Default::default()
        })
        .http(market_core::transport::HttpSettings {
            connect_timeout: None,
            request_timeout: None,
            pool_idle_timeout: None,
            ..Default::default()
        })
        .without_rate_limits()
        .build()
        .unwrap()
}

async fn answer(m: &str, p: &str, template: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method(m))
        .and(path(p))
        .respond_with(template)
        .mount(&server)
        .await;
    server
}

/// The spec's 409 example of the stock update whose code is `code`.
fn update_409(code: &str) -> Value {
    spec()
        .response_examples(UPDATE, "409")
        .into_iter()
        .find(|e| e[0]["code"] == code)
        .unwrap_or_else(|| panic!("no 409 example {code}"))
}

/// A 409 example naming its items by size: WB's 2026-08 examples still name most items by
/// barcode (`"sku": "skuTest2"`), which the request no longer takes; the one naming a size
/// (`DeliveryTypeRestriction`) gives `{"amount", "chrtId", "sku": ""}`, and the others are put
/// in that shape with `chrt_id`.
fn update_409_by_size(code: &str, chrt_id: i64) -> Value {
    let mut body = update_409(code);
    for e in body.as_array_mut().unwrap() {
        for d in e["data"].as_array_mut().into_iter().flatten() {
            d["chrtId"] = json!(chrt_id);
            d["sku"] = json!("");
        }
    }
    body
}

fn rejection<'r>(
    report: &'r market_core::BatchReport<StockKey>,
    key: &StockKey,
) -> &'r market_core::Rejection<StockKey> {
    report
        .rejected
        .iter()
        .find(|r| &r.key == key)
        .unwrap_or_else(|| panic!("{key} is not rejected: {report:?}"))
}

#[test]
fn responses_decode_strictly() {
    assert_responses_decode::<StocksReadResponse>(READ);
}

#[test]
fn every_409_and_error_example_decodes_strictly() {
    let examples = spec().response_examples(UPDATE, "409");
    assert_eq!(examples.len(), 9);
    for ex in &examples {
        let conflicts: Vec<StocksConflict> = decode(UPDATE, "409 example", ex);
        assert!(!conflicts[0].code.is_empty());
    }
    let schema = &spec().response(UPDATE, "409")["content"]["application/json"]["schema"];
    let _: Vec<StocksConflict> = decode(UPDATE, "409 maximal", &spec().maximal(schema));
    for (op, status) in [
        (DELETE, "409"),
        (DELETE, "404"),
        (UPDATE, "400"),
        (READ, "400"),
    ] {
        for ex in spec().response_examples(op, status) {
            let _: ErrorBody = decode(op, status, &ex);
        }
        let schema = &spec().response(op, status)["content"]["application/json"]["schema"];
        let _: ErrorBody = decode(op, status, &spec().maximal(schema));
    }
}

#[test]
fn request_bodies_match_the_spec() {
    let update = StocksUpdateRequest {
        stocks: vec![StockItem::chrt(12345678, 10), StockItem::chrt(2, 0)],
    };
    let body = serde_json::to_value(&update).unwrap();
    assert_eq!(
        body,
        json!({"stocks": [{"chrtId": 12345678, "amount": 10}, {"chrtId": 2, "amount": 0}]})
    );
    assert!(spec().check_request(UPDATE, &body).is_empty());
    // 2026-08 takes sizes only: a barcode is not in the request schemas any more.
    let by_sku = json!({"stocks": [{"sku": "B1", "amount": 0}]});
    assert_eq!(
        spec().check_request(UPDATE, &by_sku),
        ["stocks[].sku: not in the request schema"]
    );
    for op in [DELETE, READ] {
        let body = json!({"chrtIds": [1, 2]});
        assert!(spec().check_request(op, &body).is_empty(), "{op}");
        assert!(
            !spec()
                .check_request(op, &json!({"chrtIds": [1], "skus": ["B"]}))
                .is_empty()
        );
        let max = spec().maximal(spec().request_schema(op));
        let read: StocksReadRequest = decode(op, "maximal request", &max);
        assert_eq!(serde_json::to_value(&read).unwrap(), max);
    }
}

#[test]
fn operations_are_named_and_grouped_for_wb() {
    assert_eq!(STOCKS_UPDATE.name, "stocks_update");
    assert_eq!(STOCKS_DELETE.name, "stocks_delete");
    assert!(PER_ITEM_409.contains(&STOCKS_UPDATE.name));
    assert!(PER_ITEM_409.contains(&STOCKS_DELETE.name));
    assert_eq!(STOCKS_UPDATE.limit_group, groups::STOCKS);
    assert_eq!(STOCKS_READ.limit_group, groups::STOCKS);
    assert_eq!(STOCKS_DELETE.limit_group, groups::STOCKS_DELETE);
    assert_eq!(STOCKS_UPDATE.batch_max, Some(1000));
    let max = spec().operation(UPDATE)["requestBody"]["content"]["application/json"]["schema"]
        ["properties"]["stocks"]["maxItems"]
        .as_u64();
    assert_eq!(max, Some(STOCKS_UPDATE_MAX as u64));
    let amount = spec().operation(UPDATE)["requestBody"]["content"]["application/json"]["schema"]
        ["properties"]["stocks"]["items"]["properties"]["amount"]["maximum"]
        .as_i64();
    assert_eq!(amount, Some(AMOUNT_MAX));
}

#[tokio::test]
async fn update_sends_to_the_warehouse_and_accepts_every_item_on_204() {
    let server = answer("PUT", "/api/v3/stocks/507", ResponseTemplate::new(204)).await;
    let wb = marketplace_client(&server);
    let report = wb
        .stocks()
        .update(
            507,
            vec![
                StockItem::chrt(12345678, 10),
                StockItem::chrt(7, 0),
                StockItem::chrt(ChrtId(5), AMOUNT_MAX),
            ],
        )
        .await
        .unwrap();
    assert!(report.is_complete_success());
    assert_eq!(
        report.accepted,
        [
            StockKey::chrt(12345678),
            StockKey::chrt(7),
            StockKey::chrt(5)
        ]
    );
    let requests = sent(&server).await;
    assert_eq!(
        requests[0].1,
        json!({"stocks": [
            {"chrtId": 12345678, "amount": 10},
            {"chrtId": 7, "amount": 0},
            {"chrtId": 5, "amount": 100000},
        ]})
    );
    assert_requests_match_spec(&server, UPDATE).await;
}

#[tokio::test]
async fn update_splits_at_the_maximum_of_1000() {
    for (n, expected) in [
        (999usize, vec![999usize]),
        (1000, vec![1000]),
        (1001, vec![1000, 1]),
    ] {
        let server = answer("PUT", "/api/v3/stocks/1", ResponseTemplate::new(204)).await;
        let wb = marketplace_client(&server);
        let items: Vec<StockItem> = (1..=n as i64).map(|i| StockItem::chrt(i, i % 7)).collect();
        let report = wb.stocks().update(1, items).await.unwrap();
        assert_eq!(report.accepted.len(), n);
        assert!(report.rejected.is_empty());
        let sizes: Vec<usize> = sent(&server)
            .await
            .iter()
            .map(|(_, b)| b["stocks"].as_array().unwrap().len())
            .collect();
        assert_eq!(sizes, expected, "{n} items");
        assert_requests_match_spec(&server, UPDATE).await;
    }
}

#[tokio::test]
async fn invalid_items_are_rejected_locally_by_key() {
    let server = answer("PUT", "/api/v3/stocks/1", ResponseTemplate::new(204)).await;
    let wb = marketplace_client(&server);
    let items = vec![
        StockItem::chrt(1, 5),
        StockItem::chrt(2, -1),
        StockItem::chrt(3, AMOUNT_MAX + 1),
        StockItem::chrt(0, 4),
        StockItem::chrt(-9, 4),
        StockItem::chrt(4, AMOUNT_MAX),
    ];
    let report = wb.stocks().update(1, items).await.unwrap();
    assert_eq!(report.len(), 6);
    assert_eq!(report.accepted, [StockKey::chrt(1), StockKey::chrt(4)]);
    for r in &report.rejected {
        assert_eq!(r.stage, RejectionStage::Validation, "{r:?}");
        assert_eq!(r.code.as_deref(), Some("validation"));
    }
    assert!(
        rejection(&report, &StockKey::chrt(2))
            .message
            .contains("negative")
    );
    assert!(
        rejection(&report, &StockKey::chrt(3))
            .message
            .contains("100001 is above WB's maximum of 100000")
    );
    assert!(
        rejection(&report, &StockKey::chrt(0))
            .message
            .contains("chrtId 0")
    );
    rejection(&report, &StockKey::chrt(-9));
    let requests = sent(&server).await;
    assert_eq!(requests.len(), 1);
    assert_eq!(
        requests[0].1,
        json!({"stocks": [{"chrtId": 1, "amount": 5}, {"chrtId": 4, "amount": 100000}]})
    );
}

#[tokio::test]
async fn a_bad_warehouse_fails_the_call_before_sending() {
    let server = MockServer::start().await;
    let wb = marketplace_client(&server);
    let s = wb.stocks();
    let errors = [
        s.update(0, vec![StockItem::chrt(1, 1)]).await.unwrap_err(),
        s.delete(-1, vec![StockKey::chrt(1)]).await.unwrap_err(),
        s.read(0, vec![StockKey::chrt(1)]).await.unwrap_err(),
    ];
    for e in &errors {
        assert!(
            matches!(e, market_core::Error::Validation { item: Some(i), .. } if i.starts_with("warehouse")),
            "{e}"
        );
    }
    assert!(sent(&server).await.is_empty());
}

#[tokio::test]
async fn a_409_names_the_items_wb_refused_and_the_rest_is_sent_once_more() {
    // WB's UploadDataLimit and DeliveryTypeRestriction examples, in one answer, naming sizes.
    let mut body = update_409_by_size("UploadDataLimit", 2);
    body.as_array_mut().unwrap().extend(
        update_409("DeliveryTypeRestriction")
            .as_array()
            .unwrap()
            .clone(),
    );
    let server = answer(
        "PUT",
        "/api/v3/stocks/1",
        ResponseTemplate::new(409).set_body_json(body),
    )
    .await;
    let wb = marketplace_client(&server);
    let report = wb
        .stocks()
        .update(
            1,
            vec![
                StockItem::chrt(1, 3),
                StockItem::chrt(2, 1),
                StockItem::chrt(123456789, 10),
                StockItem::chrt(77, 5),
            ],
        )
        .await
        .unwrap();
    let requests = sent(&server).await;
    assert_eq!(
        requests.len(),
        2,
        "the 409 is not retried as such: the unnamed items are sent once more, alone"
    );
    assert_eq!(
        requests[1].1,
        json!({"stocks": [{"chrtId": 1, "amount": 3}, {"chrtId": 77, "amount": 5}]})
    );
    assert!(
        report.accepted.is_empty(),
        "this server refuses the second request too"
    );
    assert_eq!(report.rejected.len(), 4);
    let named = rejection(&report, &StockKey::chrt(2));
    assert_eq!(named.stage, RejectionStage::Vendor);
    assert_eq!(named.code.as_deref(), Some("UploadDataLimit"));
    assert_eq!(named.message, "UploadDataLimit: Upload limit exceeded.");
    let other = rejection(&report, &StockKey::chrt(123456789));
    assert_eq!(other.code.as_deref(), Some("DeliveryTypeRestriction"));
    for other in [StockKey::chrt(1), StockKey::chrt(77)] {
        let r = rejection(&report, &other);
        assert_eq!(r.stage, RejectionStage::Vendor);
        assert_eq!(r.code.as_deref(), Some(NOT_APPLIED));
        assert!(
            r.message.contains("UploadDataLimit") && r.message.contains("items 2"),
            "{}",
            r.message
        );
    }
}

#[tokio::test]
async fn a_409_naming_items_by_barcode_only_leaves_every_item_not_applied() {
    // WB's own NotFound example names `skuTest4`, a barcode; the items went by size, so none
    // can be matched: each is reported not applied, with the barcode in the message.
    let server = answer(
        "PUT",
        "/api/v3/stocks/1",
        ResponseTemplate::new(409).set_body_json(update_409("NotFound")),
    )
    .await;
    let wb = marketplace_client(&server);
    let report = wb
        .stocks()
        .update(1, vec![StockItem::chrt(1, 3), StockItem::chrt(2, 4)])
        .await
        .unwrap();
    assert!(report.accepted.is_empty());
    assert_eq!(report.rejected.len(), 2);
    for r in &report.rejected {
        assert_eq!(r.code.as_deref(), Some(NOT_APPLIED));
        assert!(r.message.contains("barcode \"skuTest4\""), "{}", r.message);
    }
    assert_eq!(sent(&server).await.len(), 1, "nothing to send on its own");
}

/// Answers `first` (a 409) `n` times, then 204.
struct BusyThen(std::sync::atomic::AtomicUsize, usize, Value);

impl Respond for BusyThen {
    fn respond(&self, _: &WireRequest) -> ResponseTemplate {
        if self.0.fetch_add(1, std::sync::atomic::Ordering::SeqCst) < self.1 {
            ResponseTemplate::new(409).set_body_json(self.2.clone())
        } else {
            ResponseTemplate::new(204)
        }
    }
}

/// A client that repeats refused requests (WB's StoreIsProcessing is one).
fn retrying_client(server: &MockServer) -> Client {
    Client::builder(TOKEN)
        .base_url(server.uri())
        .retry(market_core::transport::RetryPolicy {
            max_attempts: 3,
            jitter: false,
            ..Default::default()
        })
        .http(market_core::transport::HttpSettings {
            connect_timeout: None,
            request_timeout: None,
            pool_idle_timeout: None,
            ..Default::default()
        })
        .without_rate_limits()
        .build()
        .unwrap()
}

#[tokio::test(start_paused = true)]
async fn store_is_processing_is_busy_and_the_update_is_sent_again_after_a_pause() {
    // WB's own example: `[{"code": "StoreIsProcessing", ...}]` ("try again after a few
    // seconds"), and the same code as WB's case may vary.
    for body in [
        update_409("StoreIsProcessing"),
        json!({"code": "storeisprocessing", "message": "The store is processing"}),
    ] {
        let server = MockServer::start().await;
        Mock::given(method("PUT"))
            .and(path("/api/v3/stocks/1"))
            .respond_with(BusyThen(Default::default(), 1, body.clone()))
            .mount(&server)
            .await;
        let wb = retrying_client(&server);
        let start = tokio::time::Instant::now();
        let report = wb
            .stocks()
            .update(1, vec![StockItem::chrt(1, 1), StockItem::chrt(2, 2)])
            .await
            .unwrap();
        assert!(report.rejected.is_empty(), "{body}: {:?}", report.rejected);
        assert_eq!(report.accepted.len(), 2);
        assert_eq!(sent(&server).await.len(), 2, "sent again once");
        assert!(
            start.elapsed() >= std::time::Duration::from_secs(2),
            "waited {:?} before repeating",
            start.elapsed()
        );
    }
}

#[tokio::test(start_paused = true)]
async fn a_delete_refused_while_the_store_is_processing_is_sent_again() {
    let example = spec().response_examples(DELETE, "409").remove(0);
    assert_eq!(example["code"], "StoreIsProcessing");
    let server = MockServer::start().await;
    Mock::given(method("DELETE"))
        .and(path("/api/v3/stocks/9"))
        .respond_with(BusyThen(Default::default(), 1, example))
        .mount(&server)
        .await;
    let wb = retrying_client(&server);
    let report = wb
        .stocks()
        .delete(9, vec![StockKey::chrt(1), StockKey::chrt(2)])
        .await
        .unwrap();
    assert!(report.rejected.is_empty(), "{:?}", report.rejected);
    assert_eq!(report.accepted.len(), 2);
    assert_eq!(sent(&server).await.len(), 2);
}

#[tokio::test(start_paused = true)]
async fn a_store_that_stays_busy_fails_the_request_not_the_items() {
    let server = MockServer::start().await;
    Mock::given(method("PUT"))
        .and(path("/api/v3/stocks/1"))
        .respond_with(BusyThen(
            Default::default(),
            usize::MAX,
            update_409("StoreIsProcessing"),
        ))
        .mount(&server)
        .await;
    let wb = retrying_client(&server);
    let report = wb
        .stocks()
        .update(1, vec![StockItem::chrt(1, 1)])
        .await
        .unwrap();
    assert!(report.accepted.is_empty());
    assert_eq!(report.rejected.len(), 1);
    // The store stayed busy through every attempt: nothing is wrong with the item, it is to be
    // sent again later.
    assert_eq!(report.rejected[0].stage, RejectionStage::RetryLater);
    assert_eq!(sent(&server).await.len(), 3, "every attempt of the policy");
}

/// Answers 409 (WB's NotFound example) to the first stock update, 204 to the others.
struct FirstConflicts(std::sync::atomic::AtomicUsize);

impl Respond for FirstConflicts {
    fn respond(&self, _: &WireRequest) -> ResponseTemplate {
        if self.0.fetch_add(1, std::sync::atomic::Ordering::SeqCst) == 0 {
            ResponseTemplate::new(409).set_body_json(update_409_by_size("NotFound", 10))
        } else {
            ResponseTemplate::new(204)
        }
    }
}

#[tokio::test]
async fn after_a_409_the_rest_of_its_chunk_is_applied_and_other_chunks_are_untouched() {
    let server = MockServer::start().await;
    Mock::given(path("/api/v3/stocks/1"))
        .respond_with(FirstConflicts(Default::default()))
        .mount(&server)
        .await;
    let wb = marketplace_client(&server);
    let mut items: Vec<StockItem> = (0..1000).map(|i| StockItem::chrt(1000 + i, 1)).collect();
    items[10] = StockItem::chrt(10, 10);
    items.push(StockItem::chrt(5000, 2));
    let report = wb.stocks().update(1, items).await.unwrap();
    let requests = sent(&server).await;
    let sizes: Vec<usize> = requests
        .iter()
        .map(|(_, b)| b["stocks"].as_array().unwrap().len())
        .collect();
    assert_eq!(sizes.len(), 3, "{sizes:?}");
    assert!(
        sizes.contains(&999),
        "the 999 unnamed items went again: {sizes:?}"
    );
    assert_eq!(report.accepted.len(), 1000);
    assert!(report.accepted.contains(&StockKey::chrt(1000)));
    assert!(report.accepted.contains(&StockKey::chrt(5000)));
    assert_eq!(report.rejected.len(), 1);
    let r = rejection(&report, &StockKey::chrt(10));
    assert_eq!(r.code.as_deref(), Some("NotFound"));
    assert_eq!(r.message, "NotFound: Not found");
}

#[tokio::test]
async fn an_unreadable_409_still_rejects_the_request() {
    let server = answer(
        "PUT",
        "/api/v3/stocks/1",
        ResponseTemplate::new(409).set_body_string("<html>conflict</html>"),
    )
    .await;
    let wb = marketplace_client(&server);
    let report = wb
        .stocks()
        .update(1, vec![StockItem::chrt(1, 1)])
        .await
        .unwrap();
    assert!(report.accepted.is_empty());
    assert_eq!(report.rejected[0].code.as_deref(), Some("http_409"));
}

#[tokio::test]
async fn a_failed_update_request_rejects_its_items_with_wb_code() {
    let example = spec()
        .response_examples(UPDATE, "400")
        .into_iter()
        .find(|e| e["code"] == "IncorrectRequestBody")
        .unwrap();
    let server = answer(
        "PUT",
        "/api/v3/stocks/1",
        ResponseTemplate::new(400).set_body_json(example),
    )
    .await;
    let wb = marketplace_client(&server);
    let report = wb
        .stocks()
        .update(1, vec![StockItem::chrt(1, 1)])
        .await
        .unwrap();
    let r = &report.rejected[0];
    assert_eq!(r.stage, RejectionStage::Request);
    assert_eq!(r.code.as_deref(), Some("IncorrectRequestBody"));
    assert!(
        r.message.contains("Incorrect request body"),
        "{}",
        r.message
    );
}

#[tokio::test]
async fn delete_sends_chrt_ids_and_splits_at_1000() {
    let server = answer("DELETE", "/api/v3/stocks/9", ResponseTemplate::new(204)).await;
    let wb = marketplace_client(&server);
    let mut keys: Vec<StockKey> = (1..=1001).map(StockKey::chrt).collect();
    keys.push(StockKey::chrt(0));
    let report = wb.stocks().delete(9, keys).await.unwrap();
    assert_eq!(report.accepted.len(), 1001);
    assert_eq!(report.rejected.len(), 1);
    assert_eq!(report.rejected[0].key, StockKey::chrt(0));
    assert_eq!(report.rejected[0].stage, RejectionStage::Validation);
    let requests = sent(&server).await;
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[0].1["chrtIds"].as_array().unwrap().len(), 1000);
    assert_eq!(requests[1].1, json!({"chrtIds": [1001]}));
    assert_requests_match_spec(&server, DELETE).await;
}

/// Answers a stock read with one row per chrtId asked for.
struct EchoStocks;

impl Respond for EchoStocks {
    fn respond(&self, request: &WireRequest) -> ResponseTemplate {
        let body: Value = serde_json::from_slice(&request.body).unwrap();
        let mut stocks: Vec<Value> = body["chrtIds"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| json!({"chrtId": c, "amount": c.as_i64().unwrap() % 5}))
            .collect();
        stocks.retain(|s| s["chrtId"] != 1499);
        ResponseTemplate::new(200).set_body_json(json!({ "stocks": stocks }))
    }
}

#[tokio::test]
async fn read_splits_at_1000_and_concatenates_in_order() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/v3/stocks/4"))
        .respond_with(EchoStocks)
        .mount(&server)
        .await;
    let wb = marketplace_client(&server);
    let keys: Vec<StockKey> = (1..=1500).map(|c| StockKey::chrt(ChrtId(c))).collect();
    let stocks = wb.stocks().read(4, keys).await.unwrap();
    let requests = sent(&server).await;
    let sizes: Vec<usize> = requests
        .iter()
        .map(|(_, b)| b["chrtIds"].as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, [1000, 500]);
    assert!(requests.iter().all(|(_, b)| b.get("skus").is_none()));
    assert_eq!(stocks.len(), 1499, "a size WB does not know has no row");
    assert_eq!(stocks[0].chrt_id, ChrtId(1));
    assert_eq!(stocks[999].chrt_id, ChrtId(1000));
    assert_eq!(stocks[1000].chrt_id, ChrtId(1001));
    assert_eq!(stocks[4].amount, 0);
    assert_eq!(stocks[3].amount, 4);
    assert_eq!(stocks.last().unwrap().chrt_id, ChrtId(1500));
    assert_requests_match_spec(&server, READ).await;
}

#[tokio::test]
async fn read_rejects_an_invalid_key_before_sending_and_sends_nothing_for_no_keys() {
    let server = MockServer::start().await;
    let wb = marketplace_client(&server);
    let err = wb
        .stocks()
        .read(4, vec![StockKey::chrt(1), StockKey::chrt(0)])
        .await
        .unwrap_err();
    match err {
        market_core::Error::Validation { item, .. } => {
            assert_eq!(item.as_deref(), Some("chrtId 0"))
        }
        other => panic!("{other}"),
    }
    assert!(wb.stocks().read(4, Vec::new()).await.unwrap().is_empty());
    let report = wb.stocks().update(4, Vec::new()).await.unwrap();
    assert!(report.is_empty());
    assert!(sent(&server).await.is_empty());
}

#[tokio::test]
async fn read_errors_carry_both_wb_error_forms() {
    let newer = json!({
        "title": "access denied",
        "detail": "the token has no access to the marketplace category",
        "code": "403-AD-1",
        "requestId": "ab12cd34",
        "origin": "s2s-api-auth-marketplace",
        "status": 403
    });
    let server = answer(
        "POST",
        "/api/v3/stocks/4",
        ResponseTemplate::new(403).set_body_json(newer),
    )
    .await;
    let err = marketplace_client(&server)
        .stocks()
        .read(4, vec![StockKey::chrt(1)])
        .await
        .unwrap_err();
    let api = err.api().unwrap();
    assert_eq!(api.status, 403);
    assert_eq!(api.code.as_deref(), Some("403-AD-1"));
    assert_eq!(
        api.message,
        "access denied: the token has no access to the marketplace category"
    );
    assert_eq!(api.request_id.as_deref(), Some("ab12cd34"));
    assert_eq!(api.operation, "stocks_read");

    let older = json!({"error": true, "errorText": "Склад не найден", "additionalErrors": {"warehouseId": 4}});
    let server = answer(
        "POST",
        "/api/v3/stocks/4",
        ResponseTemplate::new(400).set_body_json(older),
    )
    .await;
    let err = marketplace_client(&server)
        .stocks()
        .read(4, vec![StockKey::chrt(1)])
        .await
        .unwrap_err();
    let api = err.api().unwrap();
    assert_eq!(api.status, 400);
    assert_eq!(api.code, None);
    assert_eq!(api.message, "Склад не найден ({\"warehouseId\":4})");
    assert_eq!(api.request_id, None);
}

#[test]
fn keys_display_what_identifies_the_item() {
    assert_eq!(StockKey::chrt(5).to_string(), "chrtId 5");
    assert_eq!(StockKey::of(&StockItem::chrt(5, 1)).to_string(), "chrtId 5");
    assert_eq!(StockKey::from(ChrtId(9)), StockKey::chrt(9));
}

/// Answers 409 (WB's NotFound example) to the first stock update, 500 to the others.
struct ConflictThenDown(std::sync::atomic::AtomicUsize);

impl Respond for ConflictThenDown {
    fn respond(&self, _: &WireRequest) -> ResponseTemplate {
        if self.0.fetch_add(1, std::sync::atomic::Ordering::SeqCst) == 0 {
            ResponseTemplate::new(409).set_body_json(update_409_by_size("NotFound", 10))
        } else {
            ResponseTemplate::new(500)
                .set_body_json(json!({"code": "InternalServerError", "message": "down"}))
        }
    }
}

#[tokio::test]
async fn a_failed_resend_rejects_its_items_and_keeps_wb_reasons_for_the_named_ones() {
    let server = MockServer::start().await;
    Mock::given(path("/api/v3/stocks/1"))
        .respond_with(ConflictThenDown(Default::default()))
        .mount(&server)
        .await;
    let wb = marketplace_client(&server);
    let report = wb
        .stocks()
        .update(
            1,
            vec![
                StockItem::chrt(10, 10),
                StockItem::chrt(11, 1),
                StockItem::chrt(12, 2),
            ],
        )
        .await
        .unwrap();
    assert_eq!(sent(&server).await.len(), 2);
    assert!(report.accepted.is_empty());
    assert_eq!(report.rejected.len(), 3, "{report:?}");
    let named = rejection(&report, &StockKey::chrt(10));
    assert_eq!(named.code.as_deref(), Some("NotFound"));
    for other in [11, 12] {
        let r = rejection(&report, &StockKey::chrt(other));
        assert_eq!(r.stage, RejectionStage::Request);
        assert_eq!(r.code.as_deref(), Some("InternalServerError"));
    }
}

// ---- A host that goes away (issue 11, item 11) ----------------------------------------------

/// A server that answers one request with `status` and `body`, and stops listening as soon as
/// it has taken that request: every later connection is refused.
fn one_answer_then_gone(status: u16, body: Value) -> String {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        let (mut conn, _) = listener.accept().unwrap();
        drop(listener);
        // Read the head and the body it announces.
        let mut buf = Vec::new();
        let mut chunk = [0u8; 8192];
        loop {
            let n = conn.read(&mut chunk).unwrap();
            if n == 0 {
                break;
            }
            buf.extend_from_slice(&chunk[..n]);
            let text = String::from_utf8_lossy(&buf).to_string();
            if let Some(end) = text.find("\r\n\r\n") {
                let length = text[..end]
                    .lines()
                    .find_map(|l| {
                        let (name, value) = l.split_once(':')?;
                        name.eq_ignore_ascii_case("content-length")
                            .then(|| value.trim().parse::<usize>().ok())?
                    })
                    .unwrap_or(0);
                if buf.len() >= end + 4 + length {
                    break;
                }
            }
        }
        let body = body.to_string();
        let answer = format!(
            "HTTP/1.1 {status} Answer\r\ncontent-type: application/json\r\n\
             content-length: {}\r\nconnection: close\r\n\r\n{body}",
            body.len()
        );
        conn.write_all(answer.as_bytes()).unwrap();
        conn.flush().unwrap();
    });
    base
}

#[tokio::test]
async fn a_resend_to_a_host_gone_away_is_not_sent_and_so_is_the_rest() {
    // The first request of the first chunk gets WB's 409 naming size 2; the host is gone
    // before the other items of that request are sent again on their own.
    let base = one_answer_then_gone(409, update_409_by_size("UploadDataLimit", 2));
    let wb = Client::builder(TOKEN)
        .base_url(base)
        .retry(market_core::transport::RetryPolicy {
            max_attempts: 2,
            jitter: false,
            ..Default::default()
        })
        .without_rate_limits()
        .build()
        .unwrap();
    // Two chunks: 1000 sizes, then 5.
    let items: Vec<StockItem> = (1..=(STOCKS_UPDATE_MAX as i64 + 5))
        .map(|c| StockItem::chrt(c, 1))
        .collect();
    let report = wb.stocks().update(1, items).await.unwrap();
    // Every item exactly once.
    let mut seen = std::collections::HashSet::new();
    for k in report
        .accepted
        .iter()
        .chain(report.rejected.iter().map(|r| &r.key))
    {
        assert!(seen.insert(*k), "{k} reported twice");
    }
    assert_eq!(seen.len(), STOCKS_UPDATE_MAX + 5);
    assert!(report.accepted.is_empty());
    // WB's reason for the item it named is kept.
    let named = rejection(&report, &StockKey::chrt(2));
    assert_eq!(named.stage, RejectionStage::Vendor);
    assert_eq!(named.code.as_deref(), Some("UploadDataLimit"));
    // Everything else never reached WB: not sent, safe to send again.
    let not_sent: Vec<_> = report.not_sent().collect();
    assert_eq!(
        not_sent.len(),
        STOCKS_UPDATE_MAX + 4,
        "{:?}",
        report.rejected[0]
    );
    assert!(not_sent.iter().all(|r| r.key != StockKey::chrt(2)));
    let resent = rejection(&report, &StockKey::chrt(1));
    assert_eq!(resent.stage, RejectionStage::NotSent);
    assert!(
        resent.message.starts_with("not sent: "),
        "{}",
        resent.message
    );
    // The second chunk found the host down and stopped the batch.
    let last = rejection(&report, &StockKey::chrt(STOCKS_UPDATE_MAX as i64 + 5));
    assert_eq!(last.stage, RejectionStage::NotSent);
}
