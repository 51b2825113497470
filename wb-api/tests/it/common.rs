//! Contract-test harness: WB's current spec snapshot `spec/2026-08` (one file per WB section), maximal
//! instances built from their schemas, and a check of the requests the client sends (path,
//! query parameters, body) against the operation's parameters and request schema.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::sync::OnceLock;

use market_core::contract::Schemas;
use market_core::transport::{HttpSettings, RetryPolicy};
use serde_json::{Value, json};
use wb_api::Client;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

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

pub struct Spec {
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
        // The current snapshot: every section WB publishes; an operation is looked up across
        // all of them.
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/spec/2026-08");
        let mut paths: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        paths.sort();
        assert_eq!(paths.len(), 13, "the 2026-08 snapshot has 13 sections");
        let docs = paths
            .iter()
            .map(|p| {
                let doc = serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap();
                let section = p.file_stem().unwrap().to_str().unwrap();
                // Each WB section refers only to its own components, and the sections reuse
                // names (`Order` of the FBS orders is not `Order` of the analytics).
                let mut doc = market_core::contract::qualify(doc, section);
                drop_empty_all_of(&mut doc);
                doc
            })
            .collect::<Vec<Value>>();
        let mut docs = docs;
        for (section, pointer) in FORMATS_LOST {
            let i = paths
                .iter()
                .position(|p| p.file_stem().unwrap() == *section)
                .unwrap();
            // Component names are qualified by now.
            let pointer = match pointer.strip_prefix("/components/") {
                Some(rest) => {
                    let (kind, rest) = rest.split_once('/').unwrap();
                    format!("/components/{kind}/{section}::{rest}")
                }
                None => pointer.to_string(),
            };
            let prop = docs[i]
                .pointer_mut(&pointer)
                .unwrap_or_else(|| panic!("{section}: nothing at {pointer}"));
            assert_eq!(prop["type"], "string", "{section}{pointer}");
            assert!(
                prop["format"].is_null(),
                "{section}{pointer} has its format again"
            );
            prop["format"] = json!("date-time");
        }
        Spec {
            schemas: Schemas::new(docs),
        }
    })
}

/// `"GET /api/v3/orders"` split into the lower-case method and the path.
fn split(op: &str) -> (&'static str, &str) {
    let (m, p) = op
        .split_once(' ')
        .unwrap_or_else(|| panic!("{op}: write \"METHOD /path\""));
    let m = match m {
        "GET" => "get",
        "POST" => "post",
        "PUT" => "put",
        "PATCH" => "patch",
        "DELETE" => "delete",
        other => panic!("unknown method {other}"),
    };
    (m, p)
}

/// `allOf: [S, {}, {}]` (WB's way of putting a description beside a `$ref`; the snapshot keeps
/// the empty objects once the prose is stripped) is `S`: the empty members constrain nothing,
/// and the maximal-instance builder would otherwise merge them into an object.
fn drop_empty_all_of(v: &mut Value) {
    match v {
        Value::Object(map) => {
            if let Some(Value::Array(members)) = map.get("allOf") {
                let real: Vec<Value> = members
                    .iter()
                    .filter(|m| m.as_object().is_none_or(|o| !o.is_empty()))
                    .cloned()
                    .collect();
                if let [one] = real.as_slice() {
                    map.remove("allOf");
                    if let Value::Object(inner) = one.clone() {
                        for (k, x) in inner {
                            map.entry(k).or_insert(x);
                        }
                    }
                }
            }
            map.values_mut().for_each(drop_empty_all_of);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_empty_all_of),
        _ => {}
    }
}

impl Spec {
    /// The qualified name of a schema: `section::Name` as given, or `Name` when a single
    /// section defines it.
    pub fn qualified(&self, name: &str) -> String {
        if name.contains("::") {
            return name.to_owned();
        }
        let found: Vec<&String> = self
            .docs()
            .iter()
            .filter_map(|d| d["components"]["schemas"].as_object())
            .flat_map(|m| m.keys())
            .filter(|k| k.rsplit_once("::").is_some_and(|(_, n)| n == name))
            .collect();
        match found.as_slice() {
            [one] => (*one).clone(),
            [] => panic!("no schema {name} in the snapshot"),
            many => panic!("schema {name} is in several sections: {many:?}"),
        }
    }

    /// A named schema (see [`Spec::qualified`]).
    pub fn schema(&self, name: &str) -> &Value {
        self.schemas.schema(&self.qualified(name))
    }

    /// A `$ref` to a named schema (see [`Spec::qualified`]).
    pub fn schema_ref(&self, name: &str) -> Value {
        json!({"$ref": format!("#/components/schemas/{}", self.qualified(name))})
    }

    /// The enum values of a property of a named object schema.
    pub fn property_enum(&self, name: &str, property: &str) -> BTreeSet<String> {
        self.schemas.property_enum(&self.qualified(name), property)
    }

    fn doc_of(&self, op: &str) -> &Value {
        let (m, p) = split(op);
        self.docs()
            .iter()
            .find(|d| d["paths"][p][m].is_object())
            .unwrap_or_else(|| panic!("operation {op} is not in the spec snapshot"))
    }

    /// The operation `"METHOD /path"`.
    pub fn operation(&self, op: &str) -> &Value {
        let (m, p) = split(op);
        &self.doc_of(op)["paths"][p][m]
    }

    /// The host the spec gives the operation.
    /// (The operation's `servers`, else its path item's, else the document's.)
    pub fn server(&self, op: &str) -> String {
        let (_, p) = split(op);
        let doc = self.doc_of(op);
        [
            &self.operation(op)["servers"],
            &doc["paths"][p]["servers"],
            &doc["servers"],
        ]
        .into_iter()
        .find_map(|s| s[0]["url"].as_str())
        .unwrap_or_default()
        .to_owned()
    }

    pub fn is_deprecated(&self, p: &str) -> bool {
        self.operation(p)["deprecated"] == json!(true)
    }

    fn request_body(&self, p: &str) -> &Value {
        let (b, _) = self.resolve(&self.operation(p)["requestBody"]);
        &b["content"]["application/json"]
    }

    /// The success response (200, else 201, 204...) as resolved.
    pub fn response(&self, p: &str, status: &str) -> &Value {
        let (r, _) = self.resolve(&self.operation(p)["responses"][status]);
        r
    }

    fn ok_body(&self, p: &str) -> &Value {
        let responses = &self.operation(p)["responses"];
        let code = ["200", "201", "202"]
            .into_iter()
            .find(|c| responses[*c].is_object())
            .unwrap_or("200");
        &self.response(p, code)["content"]["application/json"]
    }

    pub fn request_schema(&self, p: &str) -> &Value {
        &self.request_body(p)["schema"]
    }

    pub fn response_schema(&self, p: &str) -> &Value {
        &self.ok_body(p)["schema"]
    }

    pub fn request_example(&self, p: &str) -> Option<Value> {
        example(self.request_body(p), self)
    }

    pub fn response_example(&self, p: &str) -> Option<Value> {
        example(self.ok_body(p), self)
    }

    /// Every example of a response (WB gives several under `examples`).
    pub fn response_examples(&self, p: &str, status: &str) -> Vec<Value> {
        let body = &self.response(p, status)["content"]["application/json"];
        let mut out: Vec<Value> = if body["example"].is_null() {
            Vec::new()
        } else {
            vec![body["example"].clone()]
        };
        if let Some(map) = body["examples"].as_object() {
            for v in map.values() {
                let (e, _) = self.resolve(v);
                if !e["value"].is_null() {
                    out.push(e["value"].clone());
                }
            }
        }
        out
    }

    /// The query and path parameters of the operation.
    pub fn parameters(&self, p: &str) -> Vec<Value> {
        self.operation(p)["parameters"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|x| self.resolve(x).0.clone())
            .collect()
    }

    /// Checks the query string of a request: every parameter sent is a query parameter of the
    /// operation with a value of its type, and every required one is sent.
    pub fn check_query(&self, p: &str, url: &url::Url) -> Vec<String> {
        let params: Vec<Value> = self
            .parameters(p)
            .into_iter()
            .filter(|x| x["in"] == "query")
            .collect();
        let mut problems = Vec::new();
        let sent: Vec<(String, String)> = url
            .query_pairs()
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        for (k, v) in &sent {
            match params.iter().find(|x| x["name"] == k.as_str()) {
                None => problems.push(format!("query {k}: not a parameter of {p}")),
                Some(x) => {
                    let (schema, _) = self.resolve(&x["schema"]);
                    let ok = match schema["type"].as_str() {
                        Some("integer") => v.parse::<i64>().is_ok(),
                        Some("number") => v.parse::<f64>().is_ok(),
                        Some("boolean") => v == "true" || v == "false",
                        _ => true,
                    };
                    if !ok {
                        problems.push(format!("query {k}={v}: not a {}", schema["type"]));
                    }
                    if let Some(e) = schema["enum"].as_array()
                        && !e.iter().any(|x| {
                            x.as_str() == Some(v.as_str())
                                || matches!(x, Value::Number(n) if n.to_string() == *v)
                        })
                    {
                        problems.push(format!("query {k}={v}: not one of {e:?}"));
                    }
                }
            }
        }
        for x in &params {
            if x["required"] == json!(true) && !sent.iter().any(|(k, _)| x["name"] == k.as_str()) {
                problems.push(format!("query {}: required but not sent", x["name"]));
            }
        }
        problems
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
    let server = MockServer::start().await;
    Mock::given(method(m))
        .and(path(p))
        .respond_with(ResponseTemplate::new(200).set_body_json(body))
        .mount(&server)
        .await;
    server
}

/// The requests the server received, with their JSON bodies (Null when empty or not JSON).
pub async fn sent(server: &MockServer) -> Vec<(wiremock::Request, Value)> {
    server
        .received_requests()
        .await
        .unwrap()
        .into_iter()
        .map(|r| {
            let body = serde_json::from_slice(&r.body).unwrap_or(Value::Null);
            (r, body)
        })
        .collect()
}

/// Matches a concrete path against a template with `{params}`.
fn path_matches(template: &str, actual: &str) -> bool {
    let t: Vec<&str> = template.split('/').collect();
    let a: Vec<&str> = actual.split('/').collect();
    t.len() == a.len() && t.iter().zip(&a).all(|(t, a)| t.starts_with('{') || t == a)
}

/// Asserts that every request the server received is `op` (`"METHOD /template/{param}"`) with
/// WB's auth header, a query that matches the parameters and a body that matches the schema.
pub async fn assert_requests_match_spec(server: &MockServer, op: &str) {
    let requests = sent(server).await;
    assert!(!requests.is_empty(), "no request reached {op}");
    check_requests(op, requests);
}

fn check_requests(op: &str, requests: Vec<(wiremock::Request, Value)>) {
    let (m, p) = op.split_once(' ').unwrap();
    assert!(!spec().is_deprecated(op), "{op} is deprecated in the spec");
    for (r, body) in requests {
        assert_eq!(r.method.as_str(), m, "{op}");
        assert!(path_matches(p, r.url.path()), "{} is not {p}", r.url.path());
        assert_eq!(r.headers.get("authorization").unwrap(), TOKEN);
        let mut problems = spec().check_query(op, &r.url);
        if !r.body.is_empty() {
            assert_eq!(r.headers.get("content-type").unwrap(), "application/json");
            problems.extend(spec().check_request(op, &body));
        } else if spec().operation(op)["requestBody"]["required"] == json!(true) {
            problems.push("a required body was not sent".into());
        }
        assert!(
            problems.is_empty(),
            "request to {op} does not match the spec: {problems:#?}\nbody: {body}"
        );
    }
}

/// [`assert_requests_match_spec`] for the requests of a server that answers several
/// operations: those whose method and path are `op`'s (at least one) are checked.
pub async fn assert_requests_to_match_spec(server: &MockServer, op: &str) {
    let (m, p) = op.split_once(' ').unwrap();
    let requests: Vec<(wiremock::Request, Value)> = sent(server)
        .await
        .into_iter()
        .filter(|(r, _)| r.method.as_str() == m && path_matches(p, r.url.path()))
        .collect();
    assert!(!requests.is_empty(), "no request reached {op}");
    check_requests(op, requests);
}

/// Decodes the vendor's examples and a maximal instance of the success response of `op` with
/// the client's own decoder (strict under `--features strict`).
pub fn assert_responses_decode<T: serde::de::DeserializeOwned>(op: &str) {
    let spec = spec();
    let responses = &spec.operation(op)["responses"];
    let code = ["200", "201", "202"]
        .into_iter()
        .find(|c| responses[*c].is_object())
        .unwrap_or("200");
    for example in spec.response_examples(op, code) {
        decode::<T>(op, "vendor example", &example);
    }
    let max = spec.maximal(spec.response_schema(op));
    decode::<T>(op, "maximal instance", &max);
}

pub fn decode<T: serde::de::DeserializeOwned>(op: &str, what: &str, v: &Value) -> T {
    let bytes = serde_json::to_vec(v).unwrap();
    market_core::transport::decode_json::<T>("wb", "contract", &bytes)
        .unwrap_or_else(|e| panic!("{op}: the {what} does not decode: {e}"))
}

/// Asserts that a wire enum knows exactly the spec's values.
pub fn assert_enum(known: &[&str], spec_values: BTreeSet<String>, what: &str) {
    let ours: BTreeSet<String> = known.iter().map(|s| s.to_string()).collect();
    assert_eq!(
        ours, spec_values,
        "{what}: enum values differ from the spec"
    );
}

fn example(body: &Value, spec: &Spec) -> Option<Value> {
    if !body["example"].is_null() {
        return Some(body["example"].clone());
    }
    body["examples"].as_object()?.values().find_map(|v| {
        let (e, _) = spec.resolve(v);
        (!e["value"].is_null()).then(|| e["value"].clone())
    })
}
