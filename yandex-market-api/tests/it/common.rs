//! Contract-test harness: the trimmed Yandex Market Partner API spec snapshot
//! (`spec/openapi.trimmed.json`, a copy of the vendor's BSD-3 document: see `spec/LICENSE`) and
//! its quotas (`spec/limits.trimmed.json`), read with `market_core::contract::harness` (operations
//! named by operationId, instances built from the schemas, checks of the requests the client
//! sends); what is Yandex Market's own stays here: the quota table, the `ERROR` error bodies and
//! their 420 headers, the operation lists, the client aimed at a mock server.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::OnceLock;
use std::time::Duration;

use market_core::contract::harness::{self, Spec as Harness};
use market_core::reexports::serde::de::DeserializeOwned;
use market_core::transport::Operation;
use market_core::transport::{HttpSettings, RetryPolicy};
use serde_json::{Value, json};
use wiremock::{MockBuilder, MockServer, ResponseTemplate};
use yandex_market_api::Client;
pub use yandex_market_api::api::spec_id;

/// The name the naming rule gives an operation: its operationId's words with the verb moved
/// last, in snake case (`updateStocks` -> `stocks_update`, `addOffersToArchive` ->
/// `offers_to_archive_add`).
pub fn rule_name(op: &Operation) -> String {
    let id = spec_id(op);
    let mut words: Vec<String> = Vec::new();
    for c in id.chars() {
        if c.is_ascii_uppercase() || words.is_empty() {
            words.push(String::new());
        }
        if let Some(w) = words.last_mut() {
            w.push(c.to_ascii_lowercase());
        }
    }
    let verb = words.remove(0);
    words.push(verb);
    words.join("_")
}

/// The crate's name of the operation with this operationId (`getBusinessOrders` ->
/// `business_orders_get`).
pub fn name_of(id: &str) -> &'static str {
    yandex_market_api::api::by_spec_id(id)
        .unwrap_or_else(|| panic!("{id} is not in api::OPERATIONS"))
        .name
}

/// The API key the test client sends (the `Api-Key` header).
pub const API_KEY: &str = "ACMA:test-api-key-0123456789:abcdef01";

/// The operations of the snapshot (the list in `spec/trim.py`).
pub const OPERATIONS: &[&str] = &[
    "getCampaigns",
    "getCampaign",
    "getCampaignSettings",
    "getBusinessSettings",
    "getCategoriesTree",
    "getCategoryContentParameters",
    "getOfferMappings",
    "updateOfferMappings",
    "getOfferCardsContentStatus",
    "updateOfferContent",
    "addOffersToArchive",
    "deleteOffersFromArchive",
    "deleteOffers",
    "updateBusinessPrices",
    "getDefaultPrices",
    "updatePrices",
    "getPricesByOfferIds",
    "getBusinessQuarantineOffers",
    "confirmBusinessPrices",
    "getCampaignQuarantineOffers",
    "confirmCampaignPrices",
    "updateStocks",
    "getStocks",
    "getPagedWarehouses",
    "getFulfillmentWarehouses",
    "getBusinessOrders",
    "updateOrderStatus",
    "updateOrderStatuses",
    "setOrderBoxLayout",
    "updateOrderItems",
    "provideOrderItemIdentifiers",
    "acceptOrderCancellation",
    "setOrderDeliveryDate",
    "setOrderDeliveryTrackCode",
    "getOrderBuyerInfo",
    "generateOrderLabels",
    "generateOrderLabel",
    "getOrderLabelsData",
    "getReturns",
    "getReturn",
    "getReturnApplication",
    "submitReturnDecision",
    "getReturnAvailableDecisions",
];

/// Operations whose 200 answer has no JSON body, and why: they have no response model to
/// decode (the client returns bytes or `()`).
pub const NO_JSON_RESPONSE: &[(&str, &str)] = &[
    (
        "generateOrderLabels",
        "200 is application/pdf: the order's box labels",
    ),
    (
        "generateOrderLabel",
        "200 is application/pdf: one box's label",
    ),
    (
        "getReturnApplication",
        "200 is application/pdf: the return application form",
    ),
    ("updateOrderItems", "200 has no body"),
];

/// Fields the request schema marks required but the client may omit, as
/// `(operationId, "path.to[].field")`, each with its reason in a comment.
pub const REQUIRED_EXCEPTIONS: &[(&str, &str)] = &[];

/// The trimmed spec (`market_core::contract::harness::Spec`, which it derefs to: `locate`,
/// `operation`, `parameters`, `check_request`, `maximal`, ... and `Schemas`' `resolve`,
/// `schema`, `check`) and its quotas.
pub struct Spec {
    core: Harness,
    limits: Value,
}

impl std::ops::Deref for Spec {
    type Target = Harness;
    fn deref(&self) -> &Harness {
        &self.core
    }
}

/// The snapshot, read once, with Yandex Market's string formats (`time`, `date-dd-MM-yyyy`,
/// `date-dd-MM-yyyy-HH-mm-ss`) in the built instances.
pub fn spec() -> &'static Spec {
    static SPEC: OnceLock<Spec> = OnceLock::new();
    SPEC.get_or_init(|| {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/spec");
        let core = Harness::load(format!("{dir}/openapi.trimmed.json"))
            .with_formats(|format| match format {
                "time" => Some(json!("09:00")),
                "date-dd-MM-yyyy" => Some(json!("23-11-2026")),
                "date-dd-MM-yyyy-HH-mm-ss" => Some(json!("23-11-2026 10:15:30")),
                _ => None,
            })
            .with_required_exceptions(REQUIRED_EXCEPTIONS);
        Spec {
            core,
            limits: harness::read_json(format!("{dir}/limits.trimmed.json")),
        }
    })
}

impl Spec {
    /// The production host (`servers[0]` of the document).
    pub fn server(&self) -> &str {
        self.docs()[0]["servers"][0]["url"]
            .as_str()
            .unwrap_or_default()
    }

    /// The operation's row of `limits.trimmed.json` (`resourceLimit`, `paging`,
    /// `bodyArrayLimits`, `authScopes`); `Null` when it has none.
    pub fn limit(&self, op: &str) -> &Value {
        let id = self.operation_id(op).to_owned();
        self.limits["operations"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|r| r["operationId"] == id.as_str())
            .unwrap_or(&Value::Null)
    }

    /// The whole `limits.trimmed.json` (with `globalLimits`).
    pub fn limits(&self) -> &Value {
        &self.limits
    }

    /// An error body of a status (`"400"`, `"420"`...): `{"status": "ERROR", "errors":
    /// [{"code": "text", "message": "text"}]}`.
    pub fn error_instance(&self, op: &str, status: &str) -> Value {
        let mut v = self.core.error_instance(op, status);
        if v.get("status").is_some() {
            v["status"] = json!("ERROR");
        }
        v
    }
}

pub use harness::{assert_enum, http_date, sent};

/// A client aimed at the mock server: fast exact retries (2 attempts, 1 ms), no reqwest timers
/// (safe under a paused tokio clock), no client-side rate limits.
pub fn client(server: &MockServer) -> Client {
    Client::builder(API_KEY)
        .base_url(server.uri())
        .retry(RetryPolicy {
            max_attempts: 2,
            initial_delay: Duration::from_millis(1),
            jitter: false,
            ..RetryPolicy::default()
        })
        .http(HttpSettings {
            connect_timeout: None,
            request_timeout: None,
            pool_idle_timeout: None,
            ..HttpSettings::default()
        })
        .without_rate_limits()
        .build()
        .expect("a client aimed at the mock server")
}

/// A mock matching an operation's method and path template; add matchers and a response.
pub fn mock(op: &str) -> MockBuilder {
    spec().mock(op)
}

/// A server answering the operation with 200 and `body`.
pub async fn serve(op: &str, body: Value) -> MockServer {
    spec().serve(op, body).await
}

/// A server answering the operation with `response`.
pub async fn serve_with(op: &str, response: ResponseTemplate) -> MockServer {
    spec().serve_with(op, response).await
}

/// Adds an answer for the operation to a server.
pub async fn mount(server: &MockServer, op: &str, response: ResponseTemplate) {
    spec().mount(server, op, response).await;
}

/// The spec's error body for a status, as a response (`420` with the
/// `X-RateLimit-Resource-*` headers, the limit renewed a second from now).
pub fn error_response(op: &str, status: u16) -> ResponseTemplate {
    let body = spec().error_instance(op, &status.to_string());
    let mut r = ResponseTemplate::new(status).set_body_json(body);
    if status == 420 {
        let until = std::time::SystemTime::now() + Duration::from_secs(1);
        r = r
            .insert_header("X-RateLimit-Resource-Limit", "100")
            .insert_header("X-RateLimit-Resource-Remaining", "0")
            .insert_header("X-RateLimit-Resource-Until", http_date(until));
    }
    r
}

/// The requests the server received for one operation (its method and path template).
pub async fn sent_to(server: &MockServer, op: &str) -> Vec<(wiremock::Request, Value)> {
    spec().sent_to(server, op).await
}

/// Asserts that the server received at least one request for the operation, and that every
/// one of them carries the `Api-Key` header and matches the operation (path, query, content
/// type, body; a required body sent). The operation must not be deprecated. Requests for
/// other operations are ignored.
pub async fn assert_requests_match_spec(server: &MockServer, op: &str) {
    spec()
        .assert_requests_match_spec(server, op, &[("api-key", API_KEY)])
        .await;
}

/// Decodes, with the client's own decoder (strict under `--features strict`), the vendor's
/// whole-body examples of the 200 response (none in today's snapshot), the instance with the
/// vendor's field examples, and the maximal instance. Panics for the operations in
/// [`NO_JSON_RESPONSE`].
pub fn assert_responses_decode<T: DeserializeOwned>(op: &str) {
    let id = spec().operation_id(op).to_owned();
    if let Some((_, why)) = NO_JSON_RESPONSE.iter().find(|(o, _)| *o == id) {
        panic!("{op}: no JSON 200 response to decode ({why})");
    }
    spec().assert_responses_decode::<T>(op);
}

/// Decodes the sparse instances of the 200 response: only the required fields, and every
/// `nullable` field `null` (a `Vec` field needs `Option` or a null-tolerant default).
pub fn assert_sparse_responses_decode<T: DeserializeOwned>(op: &str) {
    spec().assert_sparse_responses_decode::<T>(op);
}

/// Decodes a value with the client's decoder, naming the operation and the instance on failure.
pub fn decode<T: DeserializeOwned>(op: &str, what: &str, v: &Value) -> T {
    harness::decode::<T>(op, what, v)
}
