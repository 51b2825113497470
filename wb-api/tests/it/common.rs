//! Contract-test harness: WB's current spec snapshot `spec/2026-08` (one file per WB section) in
//! `market_core::contract::harness`, which builds the maximal instances and checks the requests
//! the client sends (method, path, query, headers, body) against the operation; this file adds
//! WB's token, the formats the snapshot lost, and a client aimed at a mock server.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::OnceLock;

use market_core::contract::harness::{self, Spec};
use market_core::transport::{HttpSettings, RetryPolicy};
use serde_json::{Value, json};
use wb_api::Client;
use wiremock::MockServer;

pub use harness::{assert_enum, decode, sent};

pub const TOKEN: &str = "eyJhbGciOiJFUzI1NiJ9.test-token-0123456789";

/// `format: date-time` the 2026-08 snapshot lost on dates the client reads as times (the
/// 2025-12 snapshot has it on the same fields, and the 2026-08 examples still carry date-times
/// such as `"2022-03-04T18:08:31"`): restored, so that a maximal instance carries a date there
/// as the client needs (`lastChangeDate` is the statistics' paging key). Each entry is a
/// section and the JSON pointer of the property in it (before qualification). `delivery_dt` of
/// claims is new in 2026-08 and has no format; its example is a date-time like its neighbours'.
const FORMATS_LOST: &[(&str, &str)] = &[
    ("reports", "/components/schemas/OrdersItem/properties/date"),
    (
        "reports",
        "/components/schemas/OrdersItem/properties/lastChangeDate",
    ),
    (
        "reports",
        "/components/schemas/OrdersItem/properties/cancelDate",
    ),
    ("reports", "/components/schemas/SalesItem/properties/date"),
    (
        "reports",
        "/components/schemas/SalesItem/properties/lastChangeDate",
    ),
    ("user-communication", claim_field!("dt")),
    ("user-communication", claim_field!("order_dt")),
    ("user-communication", claim_field!("dt_update")),
    ("user-communication", claim_field!("delivery_dt")),
];

macro_rules! claim_field {
    ($f:literal) => {
        concat!(
            "/components/responses/GetClaimsSuccessResponse/content/application~1json/schema",
            "/properties/claims/items/properties/",
            $f
        )
    };
}
use claim_field;

/// Fields the schema marks required but the method's text makes optional.
const REQUIRED_EXCEPTIONS: &[(&str, &str)] = &[];

pub fn spec() -> &'static Spec {
    static SPEC: OnceLock<Spec> = OnceLock::new();
    SPEC.get_or_init(|| {
        // The current snapshot: every section WB publishes, each qualified by its file name
        // (the sections reuse names: `Order` of the FBS orders is not `Order` of analytics);
        // an operation is looked up across all of them.
        let mut sections =
            harness::read_sections(concat!(env!("CARGO_MANIFEST_DIR"), "/spec/2026-08"));
        assert_eq!(sections.len(), 13, "the 2026-08 snapshot has 13 sections");
        for (section, pointer) in FORMATS_LOST {
            let (_, doc) = sections
                .iter_mut()
                .find(|(s, _)| s == section)
                .unwrap_or_else(|| panic!("no section {section}"));
            let prop = doc
                .pointer_mut(pointer)
                .unwrap_or_else(|| panic!("{section}: nothing at {pointer}"));
            assert_eq!(prop["type"], "string", "{section}{pointer}");
            assert!(
                prop["format"].is_null(),
                "{section}{pointer} has its format again"
            );
            prop["format"] = json!("date-time");
        }
        Spec::sections(sections).with_required_exceptions(REQUIRED_EXCEPTIONS)
    })
}

/// A client aimed at the mock server, with fast exact retries and no reqwest timers.
pub fn client(server: &MockServer) -> Client {
    Client::builder(TOKEN)
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
        .without_rate_limits()
        .build()
        .unwrap()
}

/// A server answering `op` (`"METHOD /path"`, the path as sent) with `body`.
pub async fn serve(op: &str, body: Value) -> MockServer {
    let (m, p) = op.split_once(' ').unwrap();
    harness::serve(m, p, body).await
}

/// Asserts that every request the server received is `op` (`"METHOD /template/{param}"`) with
/// WB's auth header, a query that matches the parameters and a body that matches the schema.
pub async fn assert_requests_match_spec(server: &MockServer, op: &str) {
    spec()
        .assert_all_requests_match_spec(server, op, &[("authorization", TOKEN)])
        .await;
}

/// [`assert_requests_match_spec`] for the requests of a server that answers several
/// operations: those whose method and path are `op`'s (at least one) are checked.
pub async fn assert_requests_to_match_spec(server: &MockServer, op: &str) {
    spec()
        .assert_requests_match_spec(server, op, &[("authorization", TOKEN)])
        .await;
}

/// Decodes the vendor's examples and a maximal instance of the success response of `op` with
/// the client's own decoder (strict under `--features strict`).
pub fn assert_responses_decode<T: serde::de::DeserializeOwned>(op: &str) {
    spec().assert_responses_decode::<T>(op);
}
