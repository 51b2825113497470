//! Contract-test harness: the current Ozon spec snapshot (`spec/seller-api.2026-06.json`) in
//! `market_core::contract::harness` (maximal instances, request checks, decoding), Ozon's test
//! credentials, and a client aimed at a mock server.

use std::sync::OnceLock;

use market_core::contract::harness::{self, Spec};
use market_core::transport::{HttpSettings, RetryPolicy};
use ozon_api::Client;
use serde_json::{Value, json};
use wiremock::MockServer;

pub use harness::{assert_enum, decode, sent};

pub const CLIENT_ID: &str = "836252";
pub const API_KEY: &str = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";

/// Fields the schema marks required but the method's text makes optional (the spec's own
/// prose wins over its schema here; see the notes on the request types).
const REQUIRED_EXCEPTIONS: &[(&str, &str)] = &[("/v2/products/stocks", "stocks[].product_id")];

/// Operations the spec gives no request body, to which the client sends `{}`: Ozon's POST
/// methods read a JSON object, and an empty one is what its own clients send there.
const EMPTY_OBJECT_BODY: &[&str] = &[
    "/v4/product/info/limit",
    "/v2/posting/fbs/cancel-reason/list",
];

pub fn spec() -> &'static Spec {
    static SPEC: OnceLock<Spec> = OnceLock::new();
    SPEC.get_or_init(|| {
        Spec::load(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/spec/seller-api.2026-06.json"
        ))
        .with_required_exceptions(REQUIRED_EXCEPTIONS)
    })
}

/// A client aimed at the mock server, with fast exact retries and no reqwest timers.
pub fn client(server: &MockServer) -> Client {
    Client::builder(CLIENT_ID, API_KEY)
        .base_url(server.uri())
        .retry(RetryPolicy {
            max_attempts: 2,
            initial_delay: std::time::Duration::from_millis(1),
            jitter: false,
            ..RetryPolicy::default()
        })
        .http(HttpSettings {
            connect_timeout: None,
            request_timeout: None,
            pool_idle_timeout: None,
            ..HttpSettings::default()
        })
        .build()
        .unwrap()
}

/// A server answering `POST p` with `body`.
pub async fn serve(p: &str, body: Value) -> MockServer {
    harness::serve("POST", p, body).await
}

/// Asserts that every request the server received is the operation at `p` with Ozon's auth
/// headers and a body that matches the request schema.
///
/// For the operations of [`EMPTY_OBJECT_BODY`] the body must be `{}` and is otherwise exempt.
pub async fn assert_requests_match_spec(server: &MockServer, p: &str) {
    if EMPTY_OBJECT_BODY.contains(&p) {
        let requests = sent(server).await;
        assert!(!requests.is_empty(), "no request reached {p}");
        assert!(!spec().is_deprecated(p), "{p} is deprecated in the spec");
        for (r, body) in requests {
            assert_eq!(r.headers.get("client-id").unwrap(), CLIENT_ID);
            assert_eq!(r.headers.get("api-key").unwrap(), API_KEY);
            assert_eq!(body, json!({}), "{p}: the body is not an empty object");
            let problems: Vec<String> = spec()
                .check_sent(p, &r, &body)
                .into_iter()
                .filter(|m| m != "a body was sent; the operation takes none")
                .collect();
            assert!(
                problems.is_empty(),
                "request to {p} does not match the spec: {problems:#?}"
            );
        }
        return;
    }
    spec()
        .assert_all_requests_match_spec(
            server,
            p,
            &[("client-id", CLIENT_ID), ("api-key", API_KEY)],
        )
        .await
}

/// Decodes the vendor's examples and a maximal instance of the response schema of `p` with
/// the client's own decoder (strict under `--features strict`).
pub fn assert_responses_decode<T: serde::de::DeserializeOwned>(p: &str) {
    spec().assert_responses_decode::<T>(p)
}
