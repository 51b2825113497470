//! Batch splitting and merging through the transport, against wiremock.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{TestVendor, transport};
use market_core::batch::run_batches;
use market_core::transport::{Operation, Transport};
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
        .json(STOCKS.request().weight(chunk.len()).json(&body)?)
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
    assert_eq!(report.not_sent().count(), 500, "stage: not sent");
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
                ..BatchReport::new()
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
                t.send(STOCKS.request()).await?;
                Ok(BatchReport {
                    accepted: chunk,
                    ..BatchReport::new()
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

// ---- An unreachable host stops the batch (issue 11, item 11) ------------------------------

/// A port nothing listens on: bound, read, and released.
fn refused_base() -> String {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    format!("http://127.0.0.1:{port}")
}

/// Every key of `report` once, and exactly the keys `0..n` of [`updates`].
fn assert_each_item_once(report: &BatchReport, n: usize) {
    let mut seen = std::collections::HashSet::new();
    for k in report
        .accepted
        .iter()
        .chain(report.rejected.iter().map(|r| &r.key))
    {
        assert!(seen.insert(k.clone()), "{k} reported twice");
    }
    assert_eq!(seen.len(), n);
    for i in 0..n {
        assert!(
            seen.contains(&ItemKey::stock(format!("SKU-{i}"), "W1")),
            "SKU-{i} missing"
        );
    }
}

#[tokio::test(start_paused = true)]
async fn a_refused_port_costs_one_chunk_and_every_item_is_reported_not_sent_once() {
    let vendor = TestVendor::new();
    let t = transport(&vendor, &refused_base(), 3);
    let started = tokio::time::Instant::now();
    let report = push(&t, updates(20_000)).await;
    // One chunk's attempts (the transport's own retries of a request that was never sent),
    // not 20 chunks times 3 attempts.
    assert_eq!(vendor.attempts(), 3, "only the first chunk is tried");
    assert!(
        started.elapsed() < std::time::Duration::from_secs(10),
        "{:?} of backoff",
        started.elapsed()
    );
    assert!(report.accepted.is_empty());
    assert_eq!(report.len(), 20_000);
    assert_each_item_once(&report, 20_000);
    assert_eq!(report.not_sent().count(), 20_000, "every item: not sent");
    // The first chunk carries the transport's error itself...
    let first = &report.rejected[0];
    assert_eq!(first.key, ItemKey::stock("SKU-0", "W1"));
    assert_eq!(first.code.as_deref(), Some("transport"));
    assert!(first.message.starts_with("not sent: "), "{}", first.message);
    let error = first.message.trim_start_matches("not sent: ");
    assert!(error.contains("test stocks"), "{error}");
    // ...and the rest says the host is unreachable, with the same error.
    let rest: Vec<_> = report.rejected[1000..].iter().collect();
    assert_eq!(rest.len(), 19_000);
    assert!(rest.iter().all(|r| r.code.as_deref() == Some("not_sent")
        && r.message.contains("unreachable")
        && r.message.contains(error)));
    // Nothing secret in what is reported.
    assert!(
        report
            .rejected
            .iter()
            .all(|r| !r.message.contains(common::KEY))
    );
}

#[tokio::test(start_paused = true)]
async fn a_host_that_goes_away_keeps_what_was_accepted_and_stops() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(StockServer)
        .mount(&server)
        .await;
    let vendor = TestVendor::new();
    // The same vendor (and account) at its address, then at an address where nothing answers
    // any more: the host went away after the second chunk.
    let up = transport(&vendor, &server.uri(), 3);
    let down = transport(&vendor, &refused_base(), 3);
    let sent = std::sync::atomic::AtomicUsize::new(0);
    let report = run_batches(
        updates(4500),
        STOCKS.batch_max.unwrap(),
        StockUpdate::key,
        |s| s.validate(true),
        |chunk| {
            let n = sent.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let t = if n < 2 { up.clone() } else { down.clone() };
            async move { send_chunk(&t, chunk).await }
        },
    )
    .await;
    assert_eq!(
        sent.into_inner(),
        3,
        "nothing after the chunk that found the host gone"
    );
    assert_eq!(server.received_requests().await.unwrap().len(), 2);
    assert_eq!(
        vendor.attempts(),
        2 + 3,
        "two answered requests, one chunk's retries"
    );
    assert_each_item_once(&report, 4500);
    // The first two chunks: accepted, or rejected by the vendor, as it answered.
    let refused = (0..2000).filter(|i| i.to_string().ends_with('7')).count();
    assert_eq!(report.accepted.len(), 2000 - refused);
    assert!(report.accepted.iter().all(|k| {
        let i: usize = k.offer_id.as_str()[4..].parse().unwrap();
        i < 2000
    }));
    let by_vendor = report
        .rejected
        .iter()
        .filter(|r| r.stage == RejectionStage::Vendor)
        .count();
    assert_eq!(by_vendor, refused);
    // The other 2500: not sent, safe to send again.
    let not_sent: Vec<_> = report.not_sent().collect();
    assert_eq!(not_sent.len(), 2500);
    assert_eq!(not_sent[0].key, ItemKey::stock("SKU-2000", "W1"));
    assert!(not_sent.iter().all(|r| {
        let i: usize = r.key.offer_id.as_str()[4..].parse().unwrap();
        i >= 2000 && r.message.starts_with("not sent: ")
    }));
}

fn host_down() -> market_core::Error {
    market_core::Error::Transport {
        vendor: "test",
        operation: "stocks",
        message: "connection refused".into(),
        not_sent: true,
        source: None,
    }
}

#[tokio::test]
async fn a_host_down_error_stops_the_batch_and_a_cut_connection_does_not() {
    // Host down: one call, then nothing.
    let calls = std::sync::atomic::AtomicUsize::new(0);
    let report = run_batches(
        (0..10).collect::<Vec<u32>>(),
        3,
        |i| *i,
        |_| Ok(()),
        |_chunk| {
            calls.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            async { Err(host_down()) }
        },
    )
    .await;
    assert_eq!(calls.into_inner(), 1);
    assert_eq!(report.not_sent().count(), 10);
    assert!(
        report
            .not_sent()
            .all(|r| r.message.contains("connection refused"))
    );

    // A request that may have reached the server: every chunk is still tried.
    let calls = std::sync::atomic::AtomicUsize::new(0);
    let report = run_batches(
        (0..10).collect::<Vec<u32>>(),
        3,
        |i| *i,
        |_| Ok(()),
        |_chunk| {
            calls.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            async {
                Err(market_core::Error::Transport {
                    vendor: "test",
                    operation: "stocks",
                    message: "connection reset".into(),
                    not_sent: false,
                    source: None,
                })
            }
        },
    )
    .await;
    assert_eq!(calls.into_inner(), 4);
    assert_eq!(report.not_sent().count(), 0);
    assert!(
        report
            .rejected
            .iter()
            .all(|r| r.stage == RejectionStage::Request)
    );
}

#[tokio::test]
async fn a_send_that_reports_its_chunk_not_sent_stops_the_batch_too() {
    // A vendor client that sends a chunk in parts and reports a failed part itself.
    let calls = std::sync::atomic::AtomicUsize::new(0);
    let report = run_batches(
        (0..10).collect::<Vec<u32>>(),
        4,
        |i| *i,
        |_| Ok(()),
        |chunk: Vec<u32>| {
            let n = calls.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            async move {
                if n == 0 {
                    let mut ok = BatchReport::new();
                    chunk.into_iter().for_each(|i| ok.accept(i));
                    Ok(ok)
                } else {
                    Ok(market_core::batch::failed_chunk(chunk, &host_down()))
                }
            }
        },
    )
    .await;
    assert_eq!(calls.into_inner(), 2);
    assert_eq!(report.accepted, [0, 1, 2, 3]);
    let not_sent: Vec<u32> = report.not_sent().map(|r| r.key).collect();
    assert_eq!(not_sent, [4, 5, 6, 7, 8, 9]);
    assert_eq!(report.len(), 10);
}
