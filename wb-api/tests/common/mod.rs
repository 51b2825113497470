//! Contract-test harness: the trimmed WB spec snapshots (one file per WB section), maximal
//! instances built from their schemas, and a check of the requests the client sends (path,
//! query parameters, body) against the operation's parameters and request schema.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::sync::OnceLock;

use market_core::transport::{HttpSettings, RetryPolicy};
use serde_json::{Map, Value, json};
use wb_api::Client;
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

pub const TOKEN: &str = "eyJhbGciOiJFUzI1NiJ9.test-token-0123456789";

/// Fields the schema marks required but the method's text makes optional.
const REQUIRED_EXCEPTIONS: &[(&str, &str)] = &[];

pub struct Spec {
    docs: Vec<Value>,
}

pub fn spec() -> &'static Spec {
    static SPEC: OnceLock<Spec> = OnceLock::new();
    SPEC.get_or_init(|| {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/spec");
        let mut docs = Vec::new();
        for name in [
            "02-products",
            "03-orders-fbs",
            "09-communications",
            "12-reports",
        ] {
            let path = format!("{dir}/{name}.trimmed.json");
            docs.push(serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap());
        }
        Spec { docs }
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

impl Spec {
    fn doc_of(&self, op: &str) -> &Value {
        let (m, p) = split(op);
        self.docs
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
    pub fn server(&self, op: &str) -> String {
        self.operation(op)["servers"][0]["url"]
            .as_str()
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

    pub fn schema(&self, name: &str) -> &Value {
        self.component("schemas", name)
    }

    fn component(&self, kind: &str, name: &str) -> &Value {
        self.docs
            .iter()
            .map(|d| &d["components"][kind][name])
            .find(|s| s.is_object())
            .unwrap_or_else(|| panic!("{kind}/{name} is not in the spec snapshot"))
    }

    /// Follows `$ref`s; returns the schema and the name of the last one followed.
    pub fn resolve<'a>(&'a self, mut s: &'a Value) -> (&'a Value, Option<&'a str>) {
        let mut name = None;
        while let Some(r) = s.get("$ref").and_then(Value::as_str) {
            let (kind, n) = r
                .trim_start_matches("#/components/")
                .split_once('/')
                .unwrap();
            name = Some(n);
            s = self.component(kind, n);
        }
        (s, name)
    }

    /// The enum values of a named schema (a string enum).
    pub fn enum_values(&self, name: &str) -> BTreeSet<String> {
        self.schema(name)["enum"]
            .as_array()
            .unwrap_or_else(|| panic!("{name} is not an enum"))
            .iter()
            .map(|v| v.as_str().unwrap().to_owned())
            .collect()
    }

    /// The enum values of a property of a named object schema.
    pub fn property_enum(&self, name: &str, property: &str) -> BTreeSet<String> {
        let (p, _) = self.resolve(&self.schema(name)["properties"][property]);
        let p = if p.get("items").is_some() {
            self.resolve(&p["items"]).0
        } else {
            p
        };
        p["enum"]
            .as_array()
            .unwrap_or_else(|| panic!("{name}.{property} is not an enum"))
            .iter()
            .map(|v| v.as_str().unwrap().to_owned())
            .collect()
    }

    /// A maximal instance of a schema: every property present, arrays with one element, enum
    /// fields at their first value, typed scalars.
    pub fn maximal(&self, schema: &Value) -> Value {
        self.build(schema, &mut Vec::new(), 0)
    }

    fn build(&self, schema: &Value, stack: &mut Vec<String>, depth: usize) -> Value {
        let (s, name) = self.resolve(schema);
        if let Some(n) = name {
            if stack.iter().any(|x| x == n) || depth > 12 {
                return Value::Null;
            }
            stack.push(n.to_owned());
        }
        let out = self.build_resolved(s, stack, depth);
        if name.is_some() {
            stack.pop();
        }
        out
    }

    fn build_resolved(&self, s: &Value, stack: &mut Vec<String>, depth: usize) -> Value {
        if let Some(all) = s.get("allOf").and_then(Value::as_array) {
            let mut obj = Map::new();
            for sub in all {
                if let Value::Object(m) = self.build(sub, stack, depth + 1) {
                    obj.extend(m);
                }
            }
            return Value::Object(obj);
        }
        if let Some(one) = s
            .get("oneOf")
            .or_else(|| s.get("anyOf"))
            .and_then(Value::as_array)
        {
            return one
                .first()
                .map(|x| self.build(x, stack, depth + 1))
                .unwrap_or(Value::Null);
        }
        if let Some(e) = s.get("enum").and_then(Value::as_array) {
            return e.first().cloned().unwrap_or(Value::Null);
        }
        let ty =
            s.get("type")
                .and_then(Value::as_str)
                .unwrap_or(if s.get("properties").is_some() {
                    "object"
                } else if s.get("items").is_some() {
                    "array"
                } else {
                    "object"
                });
        match ty {
            "object" => {
                let mut obj = Map::new();
                if let Some(props) = s.get("properties").and_then(Value::as_object) {
                    for (k, v) in props {
                        let val = self.build(v, stack, depth + 1);
                        let (rv, _) = self.resolve(v);
                        let is_array = rv.get("items").is_some();
                        obj.insert(
                            k.clone(),
                            if val.is_null() && is_array {
                                json!([])
                            } else {
                                val
                            },
                        );
                    }
                } else if let Some(ap) = s.get("additionalProperties").filter(|a| a.is_object()) {
                    obj.insert("key".into(), self.build(ap, stack, depth + 1));
                }
                Value::Object(obj)
            }
            "array" => {
                let item = self.build(&s["items"], stack, depth + 1);
                if item.is_null() {
                    json!([])
                } else {
                    json!([item])
                }
            }
            "integer" => json!(7),
            "number" => json!(12.5),
            "boolean" => json!(true),
            "string" => match s.get("format").and_then(Value::as_str) {
                Some("date-time") => json!("2026-11-23T10:15:30Z"),
                Some("date") => json!("2026-11-23"),
                Some("int64") | Some("int32") | Some("uint64") => json!("7"),
                Some("double") | Some("float") | Some("decimal") => json!("12.5"),
                Some("byte") => json!("JVBERi0xLjQK"),
                _ => json!("text"),
            },
            _ => Value::Null,
        }
    }

    /// Checks a request body against the operation's request schema: every field sent is in
    /// the schema with the right JSON type and enum value, and every required field is sent.
    pub fn check_request(&self, p: &str, body: &Value) -> Vec<String> {
        let mut problems = Vec::new();
        self.check(self.request_schema(p), body, "", p, &mut problems);
        problems
    }

    fn check(&self, schema: &Value, v: &Value, at: &str, op: &str, problems: &mut Vec<String>) {
        let (s, _) = self.resolve(schema);
        if let Some(all) = s.get("allOf").and_then(Value::as_array) {
            let mut merged = Map::new();
            let mut required = Vec::new();
            for sub in all {
                let (r, _) = self.resolve(sub);
                if let Some(p) = r.get("properties").and_then(Value::as_object) {
                    merged.extend(p.clone());
                }
                if let Some(req) = r.get("required").and_then(Value::as_array) {
                    required.extend(req.clone());
                }
            }
            let flat = json!({"type": "object", "properties": merged, "required": required});
            return self.check(&flat, v, at, op, problems);
        }
        if let Some(e) = s.get("enum").and_then(Value::as_array)
            && !e.contains(v)
        {
            problems.push(format!("{at}: {v} is not one of {e:?}"));
            return;
        }
        let ty =
            s.get("type")
                .and_then(Value::as_str)
                .unwrap_or(if s.get("properties").is_some() {
                    "object"
                } else if s.get("items").is_some() {
                    "array"
                } else {
                    "any"
                });
        match (ty, v) {
            ("object", Value::Object(m)) => {
                let props = s.get("properties").and_then(Value::as_object);
                for (k, val) in m {
                    let path = if at.is_empty() {
                        k.clone()
                    } else {
                        format!("{at}.{k}")
                    };
                    match props.and_then(|p| p.get(k)) {
                        Some(ps) => self.check(ps, val, &path, op, problems),
                        None if s.get("additionalProperties").is_some() => {}
                        None => problems.push(format!("{path}: not in the request schema")),
                    }
                }
                for r in s
                    .get("required")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                {
                    let r = r.as_str().unwrap();
                    let path = if at.is_empty() {
                        r.to_owned()
                    } else {
                        format!("{at}.{r}")
                    };
                    // A required name the schema does not define (stocks[].quant_size, removed
                    // in 2025 but left in `required`) is the spec's own inconsistency.
                    let defined = props.is_some_and(|p| p.contains_key(r));
                    let exempt = !defined
                        || REQUIRED_EXCEPTIONS
                            .iter()
                            .any(|(o, f)| *o == op && *f == path);
                    if !m.contains_key(r) && !exempt {
                        problems.push(format!("{path}: required but not sent"));
                    }
                }
            }
            ("array", Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    let _ = i;
                    self.check(&s["items"], item, &format!("{at}[]"), op, problems);
                }
            }
            ("integer", Value::Number(n)) if n.is_i64() || n.is_u64() => {}
            ("number", Value::Number(_)) => {}
            ("boolean", Value::Bool(_)) => {}
            ("string", Value::String(_)) => {}
            ("any", _) => {}
            (_, Value::Null) => problems.push(format!("{at}: null sent; omit the field instead")),
            (t, v) => problems.push(format!("{at}: expected {t}, sent {v}")),
        }
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
    let (m, p) = op.split_once(' ').unwrap();
    let requests = sent(server).await;
    assert!(!requests.is_empty(), "no request reached {op}");
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
