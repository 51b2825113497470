//! Contract-test harness: the current Ozon spec snapshot (`spec/seller-api.2026-06.json`), maximal instances built from its
//! schemas, and a check of the requests the client sends against the request schemas.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use market_core::contract::Schemas;
use market_core::transport::{HttpSettings, RetryPolicy};
use ozon_api::Client;
use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

pub const CLIENT_ID: &str = "836252";
pub const API_KEY: &str = "0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";

/// Fields the schema marks required but the method's text makes optional (the spec's own
/// prose wins over its schema here; see the notes on the request types).
const REQUIRED_EXCEPTIONS: &[(&str, &str)] = &[("/v2/products/stocks", "stocks[].product_id")];

pub struct Spec {
    doc: Value,
    schemas: Schemas,
}

impl std::ops::Deref for Spec {
    type Target = Schemas;
    fn deref(&self) -> &Schemas {
        &self.schemas
    }
}

pub fn spec() -> &'static Spec {
    static SPEC: OnceLock<Spec> = OnceLock::new();
    SPEC.get_or_init(|| {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/spec/seller-api.2026-06.json");
        let doc: Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
        Spec {
            schemas: Schemas::new(vec![doc.clone()]),
            doc,
        }
    })
}

impl Spec {
    pub fn operation(&self, p: &str) -> &Value {
        let item = &self.doc["paths"][p];
        assert!(
            item.is_object(),
            "operation {p} is not in the spec snapshot"
        );
        item.get("post").or_else(|| item.get("get")).unwrap()
    }

    pub fn is_deprecated(&self, p: &str) -> bool {
        self.operation(p)["deprecated"] == json!(true)
    }

    pub fn request_schema(&self, p: &str) -> &Value {
        &self.operation(p)["requestBody"]["content"]["application/json"]["schema"]
    }

    pub fn response_schema(&self, p: &str) -> &Value {
        &self.operation(p)["responses"]["200"]["content"]["application/json"]["schema"]
    }

    pub fn request_example(&self, p: &str) -> Option<Value> {
        let v = &self.operation(p)["requestBody"]["content"]["application/json"]["example"];
        (!v.is_null()).then(|| v.clone())
    }

    pub fn response_example(&self, p: &str) -> Option<Value> {
        let v = &self.operation(p)["responses"]["200"]["content"]["application/json"]["example"];
        (!v.is_null()).then(|| v.clone())
    }

    pub fn check_request(&self, p: &str, body: &Value) -> Vec<String> {
        let exempt: Vec<&str> = REQUIRED_EXCEPTIONS
            .iter()
            .filter(|(o, _)| *o == p)
            .map(|(_, f)| *f)
            .collect();
        self.schemas.check(self.request_schema(p), body, &exempt)
    }
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

/// A server answering `POST path` with `body`.
pub async fn serve(p: &str, body: Value) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(p))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(&server)
        .await;
    server
}

/// The requests the server received, with their JSON bodies.
pub async fn sent(server: &MockServer) -> Vec<(wiremock::Request, Value)> {
    server
        .received_requests()
        .await
        .unwrap()
        .into_iter()
        .map(|r| {
            let body = if r.body.is_empty() {
                Value::Null
            } else {
                serde_json::from_slice(&r.body).unwrap()
            };
            (r, body)
        })
        .collect()
}

/// Asserts that every request the server received is `POST p` with Ozon's auth headers and a
/// body that matches the request schema.
pub async fn assert_requests_match_spec(server: &MockServer, p: &str) {
    let requests = sent(server).await;
    assert!(!requests.is_empty(), "no request reached {p}");
    assert!(!spec().is_deprecated(p), "{p} is deprecated in the spec");
    for (r, body) in requests {
        assert_eq!(r.method.as_str(), "POST", "{p}");
        assert_eq!(r.url.path(), p);
        assert_eq!(r.headers.get("client-id").unwrap(), CLIENT_ID);
        assert_eq!(r.headers.get("api-key").unwrap(), API_KEY);
        assert_eq!(r.headers.get("content-type").unwrap(), "application/json");
        let problems = spec().check_request(p, &body);
        assert!(
            problems.is_empty(),
            "request to {p} does not match the spec: {problems:#?}\nbody: {body}"
        );
    }
}

/// Decodes the vendor's example and a maximal instance of the response schema of `p` with
/// the client's own decoder (strict under `--features strict`).
pub fn assert_responses_decode<T: serde::de::DeserializeOwned>(p: &str) {
    let spec = spec();
    if let Some(example) = spec.response_example(p) {
        decode::<T>(p, "vendor example", &example);
    }
    let max = spec.maximal(spec.response_schema(p));
    decode::<T>(p, "maximal instance", &max);
}

pub fn decode<T: serde::de::DeserializeOwned>(p: &str, what: &str, v: &Value) -> T {
    let bytes = serde_json::to_vec(v).unwrap();
    market_core::transport::decode_json::<T>("ozon", "contract", &bytes)
        .unwrap_or_else(|e| panic!("{p}: the {what} does not decode: {e}"))
}

/// Asserts that a wire enum knows exactly the spec's values.
pub fn assert_enum(known: &[&str], spec_values: BTreeSet<String>, what: &str) {
    let ours: BTreeSet<String> = known.iter().map(|s| s.to_string()).collect();
    assert_eq!(
        ours, spec_values,
        "{what}: enum values differ from the spec"
    );
}
