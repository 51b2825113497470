//! Batch splitting and merging through the transport, against wiremock.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{TestVendor, transport};
use market_core::batch::run_batches;
use market_core::transport::{Operation, Request, Transport};
use market_core::{BatchReport, ItemKey, Rejection, RejectionStage, StockUpdate};
use serde_json::{Value, json};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, Request as WireRequest, Respond, ResponseTemplate};

static STOCKS: Operation = Operation::post("stocks", "/v1/stocks").batch_max(1000);

/// Accepts a `{"stocks": [...]}` body of at most 1000 items, refuses offers ending in "7".
struct StockServer;

impl Respond for StockServer {
    fn respond(&self, request: &WireRequest) -> ResponseTemplate {
        let body: Value = serde_json::from_slice(&request.body).unwrap();
        let items = body["stocks"].as_array().unwrap();
        if items.len() > 1000 {
            return ResponseTemplate::new(400)
                .set_body_json(json!({"code": 3, "message": "too many items"}));
        }
        let result: Vec<Value> = items
            .iter()
            .map(|i| {
                let offer = i["offer_id"].as_str().unwrap();
                if offer.ends_with('7') {
                    json!({"offer_id": offer, "warehouse_id": i["warehouse_id"], "updated": false,
                           "errors": [{"code": "NOT_FOUND", "message": "offer not found"}]})
                } else {
                    json!({"offer_id": offer, "warehouse_id": i["warehouse_id"], "updated": true, "errors": []})
                }
            })
            .collect();
        ResponseTemplate::new(200).set_body_json(json!({ "result": result }))
    }
}

/// What a vendor client does: one chunk in, the vendor's per-item answer out.
async fn send_chunk(t: &Transport, chunk: Vec<StockUpdate>) -> market_core::Result<BatchReport> {
    let body = json!({ "stocks": chunk.iter().map(|s| json!({
        "offer_id": s.offer_id, "warehouse_id": s.warehouse_id, "stock": s.quantity
    })).collect::<Vec<_>>() });
    let answer: Value = t
        .json(
            &STOCKS,
            Request::new(&STOCKS).weight(chunk.len()).json(&body)?,
        )
        .await?;
    let mut report = BatchReport::new();
    for r in answer["result"].as_array().into_iter().flatten() {
        let key = ItemKey::stock(
            r["offer_id"].as_str().unwrap_or_default(),
            r["warehouse_id"].as_str().unwrap_or_default(),
        );
        if r["updated"] == json!(true) {
            report.accept(key);
        } else {
            let e = &r["errors"][0];
            report.rejected.push(Rejection {
                key,
                stage: RejectionStage::Vendor,
                retry_after: None,
                code: e["code"].as_str().map(str::to_owned),
                message: e["message"].as_str().unwrap_or_default().to_owned(),
            });
        }
    }
    Ok(report)
}

fn updates(n: usize) -> Vec<StockUpdate> {
    (0..n)
        .map(|i| StockUpdate::new(format!("SKU-{i}"), "W1", 5))
        .collect()
}

async fn push(t: &Transport, items: Vec<StockUpdate>) -> BatchReport {
    run_batches(
        items,
        STOCKS.batch_max.unwrap(),
        StockUpdate::key,
        |s| s.validate(true),
        |chunk| send_chunk(t, chunk),
    )
    .await
}

#[tokio::test]
async fn batches_split_at_999_1000_1001_around_a_1000_maximum() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(StockServer)
        .mount(&server)
        .await;
    let vendor = TestVendor::new();
    let t = transport(&vendor, &server.uri(), 1);
    for (n, requests) in [(999usize, 1usize), (1000, 1), (1001, 2), (2500, 3)] {
        server.reset().await;
        Mock::given(method("POST"))
            .respond_with(StockServer)
            .mount(&server)
            .await;
        let report = push(&t, updates(n)).await;
        let sent = server.received_requests().await.unwrap();
        assert_eq!(sent.len(), requests, "{n} items");
        let sizes: Vec<usize> = sent
            .iter()
            .map(|r| {
                serde_json::from_slice::<Value>(&r.body).unwrap()["stocks"]
                    .as_array()
                    .unwrap()
                    .len()
            })
            .collect();
        assert!(sizes.iter().all(|s| *s <= 1000), "{sizes:?}");
        assert_eq!(sizes.iter().sum::<usize>(), n);
        // Every item is reported exactly once; the vendor's per-item errors are merged in.
        assert_eq!(report.len(), n);
        let refused = (0..n).filter(|i| i.to_string().ends_with('7')).count();
        assert_eq!(report.rejected.len(), refused);
        assert!(
            report.rejected.iter().all(
                |r| r.stage == RejectionStage::Vendor && r.code.as_deref() == Some("NOT_FOUND")
            )
        );
        assert_eq!(report.accepted.len(), n - refused);
    }
}

#[tokio::test]
async fn invalid_items_are_rejected_by_name_and_the_rest_is_sent() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(StockServer)
        .mount(&server)
        .await;
    let vendor = TestVendor::new();
    let t = transport(&vendor, &server.uri(), 1);
    let mut items = updates(3);
    items.push(StockUpdate::new("NEG", "W1", -2));
    items.push(StockUpdate::new("", "W1", 1));
    items.push(StockUpdate {
        offer_id: "NOWH".into(),
        warehouse_id: None,
        quantity: 1,
    });
    let report = push(&t, items).await;
    assert_eq!(report.accepted.len(), 3);
    assert_eq!(report.rejected.len(), 3);
    let by_offer = |o: &str| {
        report
            .rejected
            .iter()
            .find(|r| r.key.offer_id.as_str() == o)
            .unwrap()
    };
    assert!(by_offer("NEG").message.contains("-2 is negative"));
    assert!(by_offer("").message.contains("offer id is empty"));
    assert!(by_offer("NOWH").message.contains("warehouse"));
    assert!(
        report
            .rejected
            .iter()
            .all(|r| r.stage == RejectionStage::Validation)
    );
    let sent: Value =
        serde_json::from_slice(&server.received_requests().await.unwrap()[0].body).unwrap();
    assert_eq!(
        sent["stocks"].as_array().unwrap().len(),
        3,
        "only valid items are sent"
    );
}

/// Fails the second request with 500 (or 401), answers the others.
struct FailSecond {
    status: u16,
    seen: std::sync::atomic::AtomicUsize,
}

impl Respond for FailSecond {
    fn respond(&self, request: &WireRequest) -> ResponseTemplate {
        let n = self.seen.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        if n == 1 {
            return ResponseTemplate::new(self.status)
                .set_body_json(json!({"code": 13, "message": "boom"}));
        }
        StockServer.respond(request)
    }
}

#[tokio::test]
async fn a_failed_chunk_keeps_what_was_accepted_and_the_rest_still_goes() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(FailSecond {
            status: 500,
            seen: Default::default(),
        })
        .mount(&server)
        .await;
    let vendor = TestVendor::new();
    let t = transport(&vendor, &server.uri(), 1);
    let report = push(&t, updates(2500)).await;
    assert_eq!(report.len(), 2500);
    let failed: Vec<_> = report
        .rejected
        .iter()
        .filter(|r| r.stage == RejectionStage::Request)
        .collect();
    assert_eq!(failed.len(), 1000, "the whole second chunk");
    assert!(
        failed
            .iter()
            .all(|r| r.code.as_deref() == Some("13") && r.message.contains("boom"))
    );
    assert_eq!(failed[0].key.offer_id.as_str(), "SKU-1000");
    // Chunks one and three went through.
    assert_eq!(server.received_requests().await.unwrap().len(), 3);
}

#[tokio::test]
async fn an_auth_failure_stops_sending_and_reports_the_rest_as_not_sent() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(FailSecond {
            status: 401,
            seen: Default::default(),
        })
        .mount(&server)
        .await;
    let vendor = TestVendor::new();
    let t = transport(&vendor, &server.uri(), 1);
    let report = push(&t, updates(2500)).await;
    assert_eq!(report.len(), 2500);
    assert_eq!(
        report.accepted.len()
            + report
                .rejected
                .iter()
                .filter(|r| r.stage == RejectionStage::Vendor)
                .count(),
        1000
    );
    let not_sent = report
        .rejected
        .iter()
        .filter(|r| r.code.as_deref() == Some("not_sent"))
        .count();
    assert_eq!(not_sent, 500);
    assert_eq!(server.received_requests().await.unwrap().len(), 2);
}

#[tokio::test]
async fn items_the_vendor_does_not_mention_are_not_dropped() {
    let report = run_batches(
        vec!["a", "b", "c"],
        10,
        |s: &&str| s.to_string(),
        |_| Ok(()),
        |chunk| async move {
            // The vendor answers only for the first item.
            Ok(BatchReport {
                accepted: vec![chunk[0].to_string()],
                rejected: vec![],
            })
        },
    )
    .await;
    assert_eq!(report.accepted, ["a"]);
    let missing: Vec<_> = report
        .rejected
        .iter()
        .map(|r| (r.key.as_str(), r.code.as_deref()))
        .collect();
    assert_eq!(
        missing,
        [("b", Some("no_outcome")), ("c", Some("no_outcome"))]
    );
}

#[test]
fn chunks_split_exactly() {
    let sizes = |n: usize| {
        market_core::batch::chunks((0..n).collect(), 1000)
            .iter()
            .map(Vec::len)
            .collect::<Vec<_>>()
    };
    assert_eq!(sizes(999), [999]);
    assert_eq!(sizes(1000), [1000]);
    assert_eq!(sizes(1001), [1000, 1]);
    assert!(sizes(0).is_empty());
}

#[test]
fn a_deferred_item_is_reported_for_retry_not_as_accepted_or_lost() {
    let mut report = BatchReport::new();
    report.accept(ItemKey::stock("a", "1"));
    report.defer(
        ItemKey::stock("b", "1"),
        Some("TOO_MANY_REQUESTS".into()),
        "one update of a pair every 30 s",
        Some(std::time::Duration::from_secs(30)),
    );
    report.reject(
        ItemKey::stock("c", "1"),
        RejectionStage::Vendor,
        None,
        "bad",
    );
    assert_eq!(report.len(), 3);
    assert!(!report.is_complete_success());
    let later: Vec<_> = report.retry_later().collect();
    assert_eq!(later.len(), 1);
    assert_eq!(later[0].key, ItemKey::stock("b", "1"));
    assert_eq!(
        later[0].retry_after,
        Some(std::time::Duration::from_secs(30))
    );
    // The hint survives a change of key and a round trip through serde.
    let mapped = report.clone().map_keys(|k| k.offer_id);
    assert_eq!(mapped.retry_later().count(), 1);
    let json = serde_json::to_string(&report).unwrap();
    let back: BatchReport = serde_json::from_str(&json).unwrap();
    assert_eq!(back, report);
}

#[tokio::test(start_paused = true)]
async fn a_chunk_refused_over_quota_is_deferred_with_the_vendor_wait_not_rejected() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(429).insert_header("Retry-After", "7"))
        .mount(&server)
        .await;
    let vendor = TestVendor::new();
    let t = transport(&vendor, &server.uri(), 1);
    let report = run_batches(
        vec!["a".to_owned(), "b".to_owned()],
        10,
        |s: &String| s.clone(),
        |_| Ok(()),
        |chunk| {
            let t = t.clone();
            async move {
                t.send(&STOCKS, Request::new(&STOCKS)).await?;
                Ok(BatchReport {
                    accepted: chunk,
                    rejected: vec![],
                })
            }
        },
    )
    .await;
    assert!(report.accepted.is_empty());
    let later: Vec<_> = report.retry_later().collect();
    assert_eq!(later.len(), 2, "{report:?}");
    assert!(
        later
            .iter()
            .all(|r| r.retry_after == Some(std::time::Duration::from_secs(7)))
    );
}
