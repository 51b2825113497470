//! A key echoed by a server or proxy never reaches errors, spans or logs, not even cut in two;
//! a base URL's user info is never shown (issue 11, item 14).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::{Echo, KEY, TestVendor, build_echo as build};
use market_core::Error;
use market_core::transport::{HttpSettings, Operation, Transport};
use serde_json::json;
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

static READ: Operation = Operation::post("read", "/v1/read");

fn assert_no_key(text: &str) {
    assert!(!text.contains(KEY), "the key leaked: {text}");
    assert!(!text.contains("SECRET"), "part of the key leaked: {text}");
}

#[tokio::test(start_paused = true)]
async fn a_key_echoed_in_the_body_request_id_is_redacted() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(400).set_body_json(json!({
            "requestId": format!("rid-{KEY}"),
            "title": "bad request",
        })))
        .mount(&server)
        .await;
    let vendor = Echo {
        inner: TestVendor::new(),
        header: "x-request-id",
    };
    let t = build(vendor, &server.uri(), 1);
    let err = t.send(READ.request()).await.unwrap_err();
    let api = err.api().unwrap();
    assert_eq!(api.request_id.as_deref(), Some("rid-[REDACTED]"));
    assert_eq!(api.message, "bad request");
    assert_no_key(&format!("{err} {err:?}"));
}

/// Bodies in which the key starts just before the 512-byte excerpt limit.
fn straddling() -> impl Iterator<Item = (usize, String)> {
    (495..=512).map(|offset| {
        (
            offset,
            format!("{}{KEY}{}", "x".repeat(offset), "y".repeat(600)),
        )
    })
}

#[tokio::test(start_paused = true)]
async fn a_key_straddling_the_excerpt_limit_keeps_none_of_its_characters() {
    for (offset, body) in straddling() {
        // An error body quoted as is, as text and as a JSON object without a message.
        let json_body = serde_json::to_string(&json!({ "pad": body })).unwrap();
        for error_body in [body.clone(), json_body] {
            let server = MockServer::start().await;
            Mock::given(method("POST"))
                .respond_with(ResponseTemplate::new(400).set_body_string(error_body.as_str()))
                .mount(&server)
                .await;
            let t = build(TestVendor::new(), &server.uri(), 1);
            let err = t.send(READ.request()).await.unwrap_err();
            let message = &err.api().unwrap().message;
            // The body's characters are x, y and JSON's; every `s` would be the key's.
            assert!(
                !message.contains('s') && !message.contains('k'),
                "offset {offset}: {message}"
            );
            assert!(message.len() <= market_core::transport::EXCERPT_LEN + 3);
            assert_no_key(&format!("{err} {err:?}"));
        }
        // A success that does not decode: its excerpt.
        let server = MockServer::start().await;
        Mock::given(method("POST"))
            .respond_with(ResponseTemplate::new(200).set_body_string(body.as_str()))
            .mount(&server)
            .await;
        let t = build(TestVendor::new(), &server.uri(), 1);
        let err = t
            .json::<serde_json::Value>(READ.request())
            .await
            .unwrap_err();
        match &err {
            Error::Decode { excerpt, .. } => {
                assert!(
                    !excerpt.contains('s') && !excerpt.contains('k'),
                    "offset {offset}: {excerpt}"
                );
                assert!(excerpt.len() <= market_core::transport::EXCERPT_LEN + 3);
            }
            other => panic!("expected a decode error, got {other:?}"),
        }
        assert_no_key(&format!("{err} {err:?}"));
    }
    // `Transport::decode` on a body the caller read itself, and the public helper.
    let t = build(TestVendor::new(), "http://127.0.0.1:9/", 1);
    for (offset, body) in straddling() {
        let err = t.decode::<u32>(&READ, body.as_bytes()).unwrap_err();
        let text = format!("{err:?}");
        assert!(!text.contains("sk-"), "offset {offset}: {text}");
        let err =
            market_core::transport::decode_json_with::<u32>("test", "read", body.as_bytes(), |t| {
                t.replace(KEY, "[REDACTED]")
            })
            .unwrap_err();
        assert!(!format!("{err:?}").contains("sk-"), "offset {offset}");
    }
}

#[tokio::test(start_paused = true)]
async fn a_base_url_with_user_info_is_never_shown() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"result": "ok"})))
        .mount(&server)
        .await;
    let with_user = server
        .uri()
        .replace("http://", "http://proxy-user:hunter2-pass@");
    let builder = Transport::builder(TestVendor::new(), &format!("{with_user}/prefix/")).unwrap();
    let shown = format!("{builder:?}");
    assert!(
        !shown.contains("hunter2") && !shown.contains("proxy-user"),
        "{shown}"
    );
    let t = builder
        .http(HttpSettings {
            connect_timeout: None,
            request_timeout: None,
            pool_idle_timeout: None,
            ..Default::default()
        })
        .build()
        .unwrap();
    let shown = format!("{t:?}");
    assert!(
        !shown.contains("hunter2") && !shown.contains("proxy-user"),
        "{shown}"
    );
    assert!(shown.contains("REDACTED@"), "{shown}");
    // The credentials still serve their purpose.
    t.send(READ.request()).await.unwrap();
    let sent = &server.received_requests().await.unwrap()[0];
    assert_eq!(sent.url.path(), "/prefix/v1/read");
    assert!(sent.headers.get("authorization").is_some());

    // Errors neither: a refused connection, a URL that does not parse.
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let t = build(
        TestVendor::new(),
        &format!("http://proxy-user:hunter2-pass@127.0.0.1:{port}/"),
        1,
    );
    let err = t.send(READ.request()).await.unwrap_err();
    let text = format!("{err} {err:?}");
    assert!(!text.contains("hunter2"), "{text}");
    for bad in [
        "http://proxy-user:hunter2-pass@host:99999999/",
        "https://proxy-user:hunter2-pass@exa mple.com/",
        "http://proxy-user:hunter2-pass@[::1/",
    ] {
        let err = Transport::builder(TestVendor::new(), bad).unwrap_err();
        let text = format!("{err} {err:?}");
        assert!(
            !text.contains("hunter2") && !text.contains("proxy-user"),
            "{text}"
        );
        assert!(matches!(err, Error::Config(_)), "{err:?}");
    }
}
