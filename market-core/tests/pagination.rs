//! Paginated streams through the transport.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{TestVendor, transport};
use futures::{StreamExt, TryStreamExt};
use market_core::paginate::{Page, paginate};
use market_core::transport::{Operation, Transport};
use serde_json::{Value, json};
use wiremock::matchers::{body_partial_json, method};
use wiremock::{Mock, MockServer, ResponseTemplate};

static LIST: Operation = Operation::post("list", "/v3/list");

async fn page(t: &Transport, last_id: String) -> market_core::Result<Page<String, String>> {
    let answer: Value = t
        .json(
            LIST.request()
                .json(&json!({ "last_id": last_id, "limit": 2 }))?,
        )
        .await?;
    let items = answer["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i.as_str().unwrap().to_owned())
        .collect();
    let next = answer["last_id"].as_str().unwrap_or_default().to_owned();
    Ok(if next.is_empty() {
        Page::last(items)
    } else {
        Page::more(items, next)
    })
}

async fn mount_page(server: &MockServer, last_id: &str, body: ResponseTemplate) {
    Mock::given(method("POST"))
        .and(body_partial_json(json!({ "last_id": last_id })))
        .respond_with(body)
        .mount(server)
        .await;
}

fn items(items: &[&str], last_id: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({ "items": items, "last_id": last_id }))
}

#[tokio::test]
async fn a_stream_fetches_lazily_and_ends_at_the_last_page() {
    let server = MockServer::start().await;
    mount_page(&server, "", items(&["a", "b"], "p2")).await;
    mount_page(&server, "p2", items(&["c", "d"], "p3")).await;
    mount_page(&server, "p3", items(&["e"], "")).await;
    let vendor = TestVendor::new();
    let t = transport(&vendor, &server.uri(), 1);
    let mut stream = paginate(String::new(), |c| page(&t, c));
    assert_eq!(stream.next().await.unwrap().unwrap(), "a");
    assert_eq!(
        server.received_requests().await.unwrap().len(),
        1,
        "one page fetched so far"
    );
    let rest: Vec<String> = stream.try_collect().await.unwrap();
    assert_eq!(rest, ["b", "c", "d", "e"]);
    assert_eq!(
        server.received_requests().await.unwrap().len(),
        3,
        "no request past the last page"
    );
}

#[tokio::test]
async fn an_error_mid_way_is_yielded_after_the_items_before_it_and_ends_the_stream() {
    let server = MockServer::start().await;
    mount_page(&server, "", items(&["a", "b"], "p2")).await;
    mount_page(
        &server,
        "p2",
        ResponseTemplate::new(400).set_body_json(json!({"code": 3, "message": "bad cursor"})),
    )
    .await;
    let vendor = TestVendor::new();
    let t = transport(&vendor, &server.uri(), 1);
    let results: Vec<_> = paginate(String::new(), |c| page(&t, c)).collect().await;
    assert_eq!(results.len(), 3);
    assert_eq!(results[0].as_ref().unwrap(), "a");
    assert_eq!(results[1].as_ref().unwrap(), "b");
    let err = results[2].as_ref().unwrap_err();
    assert_eq!(err.status(), Some(400));
    assert_eq!(err.api().unwrap().message, "bad cursor");
}

#[tokio::test]
async fn a_cursor_that_does_not_move_is_an_error_not_a_loop() {
    let server = MockServer::start().await;
    mount_page(&server, "", items(&["a"], "same")).await;
    mount_page(&server, "same", items(&["b"], "same")).await;
    let vendor = TestVendor::new();
    let t = transport(&vendor, &server.uri(), 1);
    let results: Vec<_> = paginate(String::new(), |c| page(&t, c)).collect().await;
    assert_eq!(results.len(), 3);
    assert!(results[2].is_err());
}

#[tokio::test]
async fn empty_first_page_is_an_empty_stream() {
    let server = MockServer::start().await;
    mount_page(&server, "", items(&[], "")).await;
    let vendor = TestVendor::new();
    let t = transport(&vendor, &server.uri(), 1);
    let all: Vec<String> = paginate(String::new(), |c| page(&t, c))
        .try_collect()
        .await
        .unwrap();
    assert!(all.is_empty());
}

#[tokio::test]
async fn a_cursor_cycling_through_other_values_is_an_error_after_each_page_once() {
    // WB's `next` going 111 -> 222 -> 111: only an immediate repeat was caught before.
    let results: Vec<_> = paginate(0u64, |cursor| async move {
        let (items, next) = match cursor {
            0 => (vec!["a"], 111),
            111 => (vec!["b"], 222),
            _ => (vec!["c"], 111),
        };
        Ok(Page::more(items, next))
    })
    .take(10)
    .collect()
    .await;
    let items: Vec<_> = results.iter().filter_map(|r| r.as_ref().ok()).collect();
    assert_eq!(items, [&"a", &"b", &"c"]);
    assert_eq!(results.len(), 4, "three pages then one error, then the end");
    let err = results[3].as_ref().unwrap_err().to_string();
    assert!(err.contains("already returned"), "{err}");
}

#[tokio::test]
async fn a_server_ignoring_the_offset_is_caught_by_the_page_signature() {
    // The same non-empty page with "has_next: true" whatever the offset.
    let results: Vec<_> = paginate(0u32, |offset| async move {
        let items = vec![1u32, 2, 3];
        Ok(Page::more(items, offset + 3).signed_by(|n| *n))
    })
    .take(10)
    .collect()
    .await;
    let ok: Vec<_> = results
        .iter()
        .filter_map(|r| r.as_ref().ok())
        .copied()
        .collect();
    assert_eq!(ok, [1, 2, 3], "the repeated page is not yielded again");
    assert_eq!(results.len(), 4);
    assert!(results[3].is_err());
}

#[tokio::test]
async fn distinct_pages_and_empty_pages_are_not_mistaken_for_loops() {
    let all: Vec<u32> = paginate(0u32, |offset| async move {
        let items: Vec<u32> = if offset == 2 { vec![] } else { vec![offset] };
        let page = if offset < 4 {
            Page::more(items, offset + 1)
        } else {
            Page::last(items)
        };
        Ok(page.signed_by(|n| *n))
    })
    .try_collect()
    .await
    .unwrap();
    assert_eq!(all, [0, 1, 3, 4]);
}
