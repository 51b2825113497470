//! Contract-test harness: the trimmed Yandex Market Partner API spec snapshot
//! (`spec/openapi.trimmed.json`, a copy of the vendor's BSD-3 document: see `spec/LICENSE`) and
//! its quotas (`spec/limits.trimmed.json`), operations named by operationId, instances built from
//! the schemas, and checks of the requests the client sends (path, query, `Api-Key`, body)
//! against the operation.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;
use std::time::Duration;

use market_core::contract::Schemas;
use market_core::reexports::serde::de::DeserializeOwned;
use market_core::transport::Operation;
use market_core::transport::{HttpSettings, RetryPolicy};
use serde_json::{Map, Value, json};
use wiremock::matchers::{method, path_regex};
use wiremock::{Mock, MockBuilder, MockServer, ResponseTemplate};
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

/// The trimmed spec and its quotas. Derefs to [`Schemas`] (`resolve`, `schema`, `component`,
/// `enum_values`, `property_enum`, `check`); `maximal` is this harness's own (see there).
pub struct Spec {
    schemas: Schemas,
    /// operationId → (lower-case method, path template).
    ops: BTreeMap<String, (String, String)>,
    limits: Value,
}

impl std::ops::Deref for Spec {
    type Target = Schemas;
    fn deref(&self) -> &Schemas {
        &self.schemas
    }
}

/// The snapshot, read once. Nested `allOf`s (an `allOf` member that is itself an `allOf`, as
/// `UpdateBusinessPricesDTO` over `PriceWithDiscountDTO`) are flattened on load: the request
/// checker of market-core merges one level only.
pub fn spec() -> &'static Spec {
    static SPEC: OnceLock<Spec> = OnceLock::new();
    SPEC.get_or_init(|| {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/spec");
        let read = |name: &str| -> Value {
            let path = format!("{dir}/{name}");
            let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
            serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{path}: {e}"))
        };
        let mut doc = read("openapi.trimmed.json");
        let schemas = doc["components"]["schemas"].clone();
        flatten_all_of(&mut doc, &schemas);
        let mut ops = BTreeMap::new();
        for (p, item) in doc["paths"].as_object().into_iter().flatten() {
            for (m, op) in item.as_object().into_iter().flatten() {
                if let Some(id) = op["operationId"].as_str() {
                    ops.insert(id.to_owned(), (m.clone(), p.clone()));
                }
            }
        }
        Spec {
            schemas: Schemas::new(vec![doc]),
            ops,
            limits: read("limits.trimmed.json"),
        }
    })
}

fn flatten_all_of(node: &mut Value, schemas: &Value) {
    match node {
        Value::Object(m) => {
            if let Some(Value::Array(members)) = m.get("allOf") {
                let flat = expand_all_of(members, schemas, 0);
                m.insert("allOf".into(), Value::Array(flat));
            }
            for (k, v) in m.iter_mut() {
                if k != "example" && k != "examples" && k != "default" && k != "enum" {
                    flatten_all_of(v, schemas);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| flatten_all_of(v, schemas)),
        _ => {}
    }
}

fn expand_all_of(members: &[Value], schemas: &Value, depth: usize) -> Vec<Value> {
    let mut out = Vec::new();
    for x in members {
        let mut target = x;
        while let Some(name) = target["$ref"]
            .as_str()
            .and_then(|r| r.strip_prefix("#/components/schemas/"))
        {
            target = &schemas[name];
        }
        match target["allOf"].as_array() {
            Some(inner) if depth < 16 => {
                out.extend(expand_all_of(inner, schemas, depth + 1));
                let mut own = Map::new();
                for k in ["properties", "required"] {
                    if let Some(v) = target.get(k) {
                        own.insert(k.into(), v.clone());
                    }
                }
                if !own.is_empty() {
                    own.insert("type".into(), json!("object"));
                    out.push(Value::Object(own));
                }
            }
            _ => out.push(x.clone()),
        }
    }
    out
}

fn upper(m: &str) -> &'static str {
    match m {
        "get" => "GET",
        "post" => "POST",
        "put" => "PUT",
        "patch" => "PATCH",
        "delete" => "DELETE",
        other => panic!("unknown method {other}"),
    }
}

/// A path template as an anchored regex (`{param}` → one segment).
fn template_regex(template: &str) -> String {
    let mut re = String::from("^");
    for (i, seg) in template.split('/').enumerate() {
        if i > 0 {
            re.push('/');
        }
        if seg.starts_with('{') && seg.ends_with('}') {
            re.push_str("[^/]+");
        } else {
            for c in seg.chars() {
                if !(c.is_ascii_alphanumeric() || c == '-' || c == '_') {
                    re.push('\\');
                }
                re.push(c);
            }
        }
    }
    re.push('$');
    re
}

/// Whether a concrete path fits a template with `{params}`.
pub fn path_matches(template: &str, actual: &str) -> bool {
    let t: Vec<&str> = template.split('/').collect();
    let a: Vec<&str> = actual.split('/').collect();
    t.len() == a.len()
        && t.iter()
            .zip(&a)
            .all(|(t, a)| (t.starts_with('{') && !a.is_empty()) || t == a)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Formats,
    Examples,
    Minimal,
    Nulls,
}

impl Spec {
    /// Every operationId of the snapshot.
    pub fn operation_ids(&self) -> Vec<&str> {
        self.ops.keys().map(String::as_str).collect()
    }

    /// The upper-case method and the path template of an operation, named by operationId
    /// (`"getBusinessOrders"`) or as `"METHOD /path"`.
    pub fn locate(&self, op: &str) -> (&'static str, &str) {
        if let Some((m, p)) = self.ops.get(op) {
            return (upper(m), p);
        }
        if let Some((m, p)) = op.split_once(' ')
            && let Some((_, (m2, p2))) = self
                .ops
                .iter()
                .find(|(_, (m2, p2))| m2.eq_ignore_ascii_case(m) && p2 == p)
        {
            return (upper(m2), p2);
        }
        panic!("operation {op} is not in the spec snapshot")
    }

    /// The operation object.
    pub fn operation(&self, op: &str) -> &Value {
        let (m, p) = self.locate(op);
        &self.docs()[0]["paths"][p][m.to_ascii_lowercase()]
    }

    /// The operationId of an operation named either way.
    pub fn operation_id(&self, op: &str) -> &str {
        self.operation(op)["operationId"]
            .as_str()
            .unwrap_or_default()
    }

    pub fn is_deprecated(&self, op: &str) -> bool {
        self.operation(op)["deprecated"] == json!(true)
    }

    /// The production host (`servers[0]`).
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

    /// The operation's parameters (path and query), resolved.
    pub fn parameters(&self, op: &str) -> Vec<Value> {
        self.operation(op)["parameters"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|x| self.resolve(x).0.clone())
            .collect()
    }

    fn request_body(&self, op: &str) -> &Value {
        self.resolve(&self.operation(op)["requestBody"]).0
    }

    /// The JSON request body schema (`Null` when the operation takes no body).
    pub fn request_schema(&self, op: &str) -> &Value {
        &self.request_body(op)["content"]["application/json"]["schema"]
    }

    /// Whether the spec marks the request body required.
    pub fn body_required(&self, op: &str) -> bool {
        self.request_body(op)["required"] == json!(true)
    }

    /// The response object of a status (`"200"`, `"420"`), resolved.
    pub fn response(&self, op: &str, status: &str) -> &Value {
        self.resolve(&self.operation(op)["responses"][status]).0
    }

    /// The JSON schema of a status's response (`Null` when it has none).
    pub fn response_schema_for(&self, op: &str, status: &str) -> &Value {
        &self.response(op, status)["content"]["application/json"]["schema"]
    }

    /// The JSON schema of the 200 response (`Null` for the operations in [`NO_JSON_RESPONSE`]).
    pub fn response_schema(&self, op: &str) -> &Value {
        self.response_schema_for(op, "200")
    }

    /// The vendor's whole-body examples of a response (`example`, `examples`). The snapshot
    /// has none today: the vendor gives examples on fields, see [`Spec::example_instance`].
    pub fn response_examples(&self, op: &str, status: &str) -> Vec<Value> {
        let body = &self.response(op, status)["content"]["application/json"];
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

    /// The properties and required names of an object schema, `allOf` members merged.
    pub fn object_view(&self, schema: &Value) -> (Map<String, Value>, BTreeSet<String>) {
        let mut props = Map::new();
        let mut required = BTreeSet::new();
        self.collect_view(schema, &mut props, &mut required, 0);
        (props, required)
    }

    fn collect_view(
        &self,
        schema: &Value,
        props: &mut Map<String, Value>,
        required: &mut BTreeSet<String>,
        depth: usize,
    ) {
        if depth > 16 {
            return;
        }
        let (s, _) = self.resolve(schema);
        for sub in s["allOf"].as_array().into_iter().flatten() {
            self.collect_view(sub, props, required, depth + 1);
        }
        if let Some(p) = s["properties"].as_object() {
            props.extend(p.clone());
        }
        required.extend(
            s["required"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|r| r.as_str().map(str::to_owned)),
        );
    }

    /// A maximal instance (market-core's: every property, one array element, first enum
    /// value), with the formats market-core does not know written as Yandex writes them:
    /// `time` `"09:00"`, `date-dd-MM-yyyy` `"23-11-2026"`, `date-dd-MM-yyyy-HH-mm-ss`
    /// `"23-11-2026 10:15:30"`.
    pub fn maximal(&self, schema: &Value) -> Value {
        let mut v = self.schemas.maximal(schema);
        self.rewrite(schema, &mut v, Mode::Formats, 0);
        v
    }

    /// The maximal instance with every field the vendor gives an `example` for at that
    /// example (dates with a `+03:00` offset, Cyrillic names, fractional weights).
    pub fn example_instance(&self, schema: &Value) -> Value {
        let mut v = self.maximal(schema);
        self.rewrite(schema, &mut v, Mode::Examples, 0);
        v
    }

    /// The maximal instance with only the required properties, at every level.
    pub fn minimal(&self, schema: &Value) -> Value {
        let mut v = self.maximal(schema);
        self.rewrite(schema, &mut v, Mode::Minimal, 0);
        v
    }

    /// The maximal instance with every `nullable` property `null`.
    pub fn nulls_instance(&self, schema: &Value) -> Value {
        let mut v = self.maximal(schema);
        self.rewrite(schema, &mut v, Mode::Nulls, 0);
        v
    }

    /// An error body of a status (`"400"`, `"420"`...): `{"status": "ERROR", "errors":
    /// [{"code": "text", "message": "text"}]}`.
    pub fn error_instance(&self, op: &str, status: &str) -> Value {
        let schema = self.response_schema_for(op, status);
        assert!(
            schema.is_object(),
            "{op}: no JSON response for status {status}"
        );
        let mut v = self.maximal(schema);
        if v.get("status").is_some() {
            v["status"] = json!("ERROR");
        }
        v
    }

    fn is_nullable(&self, schema: &Value) -> bool {
        schema["nullable"] == json!(true) || self.resolve(schema).0["nullable"] == json!(true)
    }

    fn rewrite(&self, schema: &Value, v: &mut Value, mode: Mode, depth: usize) {
        if depth > 64 {
            return;
        }
        let (s, _) = self.resolve(schema);
        if let Some(first) = s
            .get("oneOf")
            .or_else(|| s.get("anyOf"))
            .and_then(Value::as_array)
            .and_then(|a| a.first())
        {
            return self.rewrite(first, v, mode, depth + 1);
        }
        match v {
            Value::Object(m) => {
                let (props, required) = self.object_view(s);
                if props.is_empty() {
                    if let Some(ap) = s.get("additionalProperties").filter(|a| a.is_object()) {
                        for x in m.values_mut() {
                            self.rewrite(ap, x, mode, depth + 1);
                        }
                    }
                    return;
                }
                if mode == Mode::Minimal {
                    m.retain(|k, _| required.contains(k));
                }
                for (k, x) in m.iter_mut() {
                    let Some(ps) = props.get(k) else { continue };
                    if mode == Mode::Nulls && self.is_nullable(ps) {
                        *x = Value::Null;
                        continue;
                    }
                    self.rewrite(ps, x, mode, depth + 1);
                }
            }
            Value::Array(items) => {
                for x in items {
                    self.rewrite(&s["items"], x, mode, depth + 1);
                }
            }
            _ => leaf(s, v, mode),
        }
    }

    /// Checks a request body: market-core's check (every field defined, of its type and enum,
    /// every required one sent) and the bounds (`maxItems`, `minItems`, `uniqueItems`,
    /// `maxLength`, `minLength`, `minimum`, `maximum`, exclusive bounds).
    pub fn check_request(&self, op: &str, body: &Value) -> Vec<String> {
        let id = self.operation_id(op).to_owned();
        let exempt: Vec<&str> = REQUIRED_EXCEPTIONS
            .iter()
            .filter(|(o, _)| *o == id)
            .map(|(_, f)| *f)
            .collect();
        let schema = self.request_schema(op);
        let mut problems = self.schemas.check(schema, body, &exempt);
        problems.extend(self.check_bounds(schema, body));
        problems
    }

    /// The bounds a value breaks (see [`Spec::check_request`]).
    pub fn check_bounds(&self, schema: &Value, v: &Value) -> Vec<String> {
        let mut problems = Vec::new();
        self.bounds_into(schema, v, "", &mut problems, 0);
        problems
    }

    fn bounds_into(
        &self,
        schema: &Value,
        v: &Value,
        at: &str,
        problems: &mut Vec<String>,
        depth: usize,
    ) {
        if depth > 64 {
            return;
        }
        let (s, _) = self.resolve(schema);
        match v {
            Value::Object(m) => {
                let (props, _) = self.object_view(s);
                for (k, x) in m {
                    if let Some(ps) = props.get(k) {
                        let path = if at.is_empty() {
                            k.clone()
                        } else {
                            format!("{at}.{k}")
                        };
                        self.bounds_into(ps, x, &path, problems, depth + 1);
                    }
                }
            }
            Value::Array(items) => {
                let n = items.len() as u64;
                if let Some(max) = s["maxItems"].as_u64()
                    && n > max
                {
                    problems.push(format!("{at}: {n} items, at most {max}"));
                }
                if let Some(min) = s["minItems"].as_u64()
                    && n < min
                {
                    problems.push(format!("{at}: {n} items, at least {min}"));
                }
                if s["uniqueItems"] == json!(true) {
                    let distinct: BTreeSet<String> = items.iter().map(Value::to_string).collect();
                    if distinct.len() < items.len() {
                        problems.push(format!("{at}: items repeat, the spec wants them unique"));
                    }
                }
                for x in items {
                    self.bounds_into(&s["items"], x, &format!("{at}[]"), problems, depth + 1);
                }
            }
            Value::String(t) => {
                let n = t.chars().count() as u64;
                if let Some(max) = s["maxLength"].as_u64()
                    && n > max
                {
                    problems.push(format!("{at}: {n} characters, at most {max}"));
                }
                if let Some(min) = s["minLength"].as_u64()
                    && n < min
                {
                    problems.push(format!("{at}: {n} characters, at least {min}"));
                }
            }
            Value::Number(x) => {
                let x = x.as_f64().unwrap_or_default();
                problems.extend(number_bounds(s, x).map(|p| format!("{at}: {p}")));
            }
            _ => {}
        }
    }

    /// Checks a concrete path against the operation's template: literal segments equal, and
    /// integer path parameters integers.
    pub fn check_path(&self, op: &str, actual: &str) -> Vec<String> {
        let (_, template) = self.locate(op);
        if !path_matches(template, actual) {
            return vec![format!("path {actual} is not {template}")];
        }
        let params = self.parameters(op);
        let mut problems = Vec::new();
        for (t, a) in template.split('/').zip(actual.split('/')) {
            let Some(name) = t.strip_prefix('{').and_then(|t| t.strip_suffix('}')) else {
                continue;
            };
            let Some(p) = params
                .iter()
                .find(|p| p["in"] == "path" && p["name"] == name)
            else {
                problems.push(format!("path {{{name}}}: not a parameter of {op}"));
                continue;
            };
            let (schema, _) = self.resolve(&p["schema"]);
            problems.extend(scalar_problems(schema, a).map(|e| format!("path {name}={a}: {e}")));
        }
        problems
    }

    /// Checks a query string (pairs as decoded, e.g. `request.url.query_pairs()`): every
    /// parameter sent is a query parameter of the operation (or one of its `x-aliases`), not
    /// deprecated, not empty, of its type, enum and bounds (array parameters: each value,
    /// repeated or comma-separated, and `maxItems`); non-array parameters are sent once; every
    /// required one is sent.
    pub fn check_query<K: AsRef<str>, V: AsRef<str>>(
        &self,
        op: &str,
        pairs: impl IntoIterator<Item = (K, V)>,
    ) -> Vec<String> {
        let params: Vec<Value> = self
            .parameters(op)
            .into_iter()
            .filter(|x| x["in"] == "query")
            .collect();
        let sent: Vec<(String, String)> = pairs
            .into_iter()
            .map(|(k, v)| (k.as_ref().to_owned(), v.as_ref().to_owned()))
            .collect();
        let find = |k: &str| {
            params.iter().find(|x| {
                x["name"] == k
                    || x["x-aliases"]
                        .as_array()
                        .is_some_and(|a| a.iter().any(|n| n == k))
            })
        };
        let mut problems = Vec::new();
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for (k, v) in &sent {
            let Some(x) = find(k) else {
                problems.push(format!("query {k}: not a parameter of {op}"));
                continue;
            };
            let name = x["name"].as_str().unwrap_or_default().to_owned();
            if x["deprecated"] == json!(true) {
                problems.push(format!("query {k}: deprecated in the spec"));
            }
            if v.is_empty() {
                problems.push(format!("query {k}: sent empty; omit it instead"));
                continue;
            }
            let (schema, _) = self.resolve(&x["schema"]);
            if schema["type"] == "array" {
                let (item, _) = self.resolve(&schema["items"]);
                for part in v.split(',') {
                    problems.extend(
                        scalar_problems(item, part).map(|e| format!("query {k}={part}: {e}")),
                    );
                }
                *counts.entry(name).or_default() += v.split(',').count();
            } else {
                problems.extend(scalar_problems(schema, v).map(|e| format!("query {k}={v}: {e}")));
                *counts.entry(name).or_default() += 1;
            }
        }
        for x in &params {
            let name = x["name"].as_str().unwrap_or_default();
            let n = counts.get(name).copied().unwrap_or(0);
            let (schema, _) = self.resolve(&x["schema"]);
            if schema["type"] == "array" {
                if let Some(max) = schema["maxItems"].as_u64()
                    && n as u64 > max
                {
                    problems.push(format!("query {name}: {n} values, at most {max}"));
                }
            } else if n > 1 {
                problems.push(format!("query {name}: sent {n} times"));
            }
            if x["required"] == json!(true) && n == 0 {
                problems.push(format!("query {name}: required but not sent"));
            }
        }
        problems
    }
}

fn leaf(s: &Value, v: &mut Value, mode: Mode) {
    if s.get("enum").is_some() {
        return;
    }
    if let Value::String(_) = v {
        let fixed = match s["format"].as_str() {
            Some("time") => Some("09:00"),
            Some("date-dd-MM-yyyy") => Some("23-11-2026"),
            Some("date-dd-MM-yyyy-HH-mm-ss") => Some("23-11-2026 10:15:30"),
            _ => None,
        };
        if let Some(f) = fixed {
            *v = json!(f);
        }
    }
    if mode == Mode::Examples
        && let Some(e) = s.get("example")
        && !v.is_null()
    {
        *v = e.clone();
    }
}

fn number_bounds(s: &Value, x: f64) -> impl Iterator<Item = String> {
    let mut out = Vec::new();
    if let Some(min) = s["minimum"].as_f64() {
        if s["exclusiveMinimum"] == json!(true) && x <= min {
            out.push(format!("{x} is not above {min}"));
        } else if x < min {
            out.push(format!("{x} is below {min}"));
        }
    }
    if let Some(max) = s["maximum"].as_f64() {
        if s["exclusiveMaximum"] == json!(true) && x >= max {
            out.push(format!("{x} is not below {max}"));
        } else if x > max {
            out.push(format!("{x} is above {max}"));
        }
    }
    out.into_iter()
}

/// What is wrong with a textual value (path or query) for a scalar schema.
fn scalar_problems(schema: &Value, v: &str) -> impl Iterator<Item = String> {
    let mut out = Vec::new();
    match schema["type"].as_str() {
        Some("integer") => match v.parse::<i64>() {
            Ok(n) => out.extend(number_bounds(schema, n as f64)),
            Err(_) => out.push("not an integer".to_owned()),
        },
        Some("number") => match v.parse::<f64>() {
            Ok(n) => out.extend(number_bounds(schema, n)),
            Err(_) => out.push("not a number".to_owned()),
        },
        Some("boolean") if v != "true" && v != "false" => out.push("not a boolean".to_owned()),
        Some("string") if schema["format"] == "date" => {
            let b = v.as_bytes();
            let ok = b.len() == 10
                && b.iter().enumerate().all(|(i, c)| {
                    if i == 4 || i == 7 {
                        *c == b'-'
                    } else {
                        c.is_ascii_digit()
                    }
                });
            if !ok {
                out.push("not a YYYY-MM-DD date".to_owned());
            }
        }
        _ => {}
    }
    if let Some(e) = schema["enum"].as_array()
        && !e
            .iter()
            .any(|x| x.as_str() == Some(v) || matches!(x, Value::Number(n) if n.to_string() == v))
    {
        out.push(format!("not one of {e:?}"));
    }
    out.into_iter()
}

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
    let (m, p) = spec().locate(op);
    Mock::given(method(m)).and(path_regex(template_regex(p)))
}

/// A server answering the operation with 200 and `body`.
pub async fn serve(op: &str, body: Value) -> MockServer {
    serve_with(op, ResponseTemplate::new(200).set_body_json(body)).await
}

/// A server answering the operation with `response`.
pub async fn serve_with(op: &str, response: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    mount(&server, op, response).await;
    server
}

/// Adds an answer for the operation to a server.
pub async fn mount(server: &MockServer, op: &str, response: ResponseTemplate) {
    mock(op).respond_with(response).mount(server).await;
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

/// An HTTP date (`Sun, 06 Nov 1994 08:49:37 GMT`).
pub fn http_date(t: std::time::SystemTime) -> String {
    let secs = t
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();
    let (days, rem) = ((secs / 86_400) as i64, secs % 86_400);
    // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    let weekday = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"][days.rem_euclid(7) as usize];
    let months = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!(
        "{weekday}, {day:02} {} {year} {:02}:{:02}:{:02} GMT",
        months[(month - 1) as usize],
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// The requests the server received, with their JSON bodies (`Null` when empty or not JSON).
pub async fn sent(server: &MockServer) -> Vec<(wiremock::Request, Value)> {
    server
        .received_requests()
        .await
        .expect("request recording is on")
        .into_iter()
        .map(|r| {
            let body = serde_json::from_slice(&r.body).unwrap_or(Value::Null);
            (r, body)
        })
        .collect()
}

/// The requests the server received for one operation (its method and path template).
pub async fn sent_to(server: &MockServer, op: &str) -> Vec<(wiremock::Request, Value)> {
    let (m, p) = spec().locate(op);
    sent(server)
        .await
        .into_iter()
        .filter(|(r, _)| r.method.as_str() == m && path_matches(p, r.url.path()))
        .collect()
}

/// Asserts that the server received at least one request for the operation, and that every
/// one of them carries the `Api-Key` header, has a path, query and body that match the
/// operation (see [`Spec::check_query`] and [`Spec::check_request`]), sends JSON as
/// `application/json`, and sends a body when the spec requires one. The operation must not be
/// deprecated. Requests for other operations are ignored.
pub async fn assert_requests_match_spec(server: &MockServer, op: &str) {
    let spec = spec();
    let (m, p) = spec.locate(op);
    let requests = sent_to(server, op).await;
    assert!(!requests.is_empty(), "no request reached {op} ({m} {p})");
    assert!(!spec.is_deprecated(op), "{op} is deprecated in the spec");
    for (r, body) in requests {
        let key = r.headers.get("api-key").and_then(|v| v.to_str().ok());
        assert_eq!(key, Some(API_KEY), "{op}: the Api-Key header");
        let mut problems = spec.check_path(op, r.url.path());
        problems.extend(spec.check_query(op, r.url.query_pairs()));
        if !r.body.is_empty() {
            let ctype = r
                .headers
                .get("content-type")
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default();
            if !ctype.starts_with("application/json") {
                problems.push(format!("content-type {ctype:?}, not application/json"));
            }
            if spec.request_schema(op).is_null() {
                problems.push("a body was sent; the operation takes none".into());
            } else if body.is_null() {
                problems.push("the body is not JSON".into());
            } else {
                problems.extend(spec.check_request(op, &body));
            }
        } else if spec.body_required(op) {
            problems.push("a required body was not sent".into());
        }
        assert!(
            problems.is_empty(),
            "{} {} does not match {op} in the spec: {problems:#?}\nbody: {body}",
            r.method,
            r.url
        );
    }
}

/// Decodes, with the client's own decoder (strict under `--features strict`), the vendor's
/// whole-body examples of the 200 response (none in today's snapshot), the instance with the
/// vendor's field examples, and the maximal instance. Panics for the operations in
/// [`NO_JSON_RESPONSE`].
pub fn assert_responses_decode<T: DeserializeOwned>(op: &str) {
    let spec = spec();
    let id = spec.operation_id(op).to_owned();
    if let Some((_, why)) = NO_JSON_RESPONSE.iter().find(|(o, _)| *o == id) {
        panic!("{op}: no JSON 200 response to decode ({why})");
    }
    let schema = spec.response_schema(op);
    assert!(
        schema.is_object(),
        "{op}: the spec gives no 200 JSON schema"
    );
    for (i, example) in spec.response_examples(op, "200").iter().enumerate() {
        decode::<T>(op, &format!("vendor example #{i}"), example);
    }
    decode::<T>(
        op,
        "instance with the vendor's field examples",
        &spec.example_instance(schema),
    );
    decode::<T>(op, "maximal instance", &spec.maximal(schema));
}

/// Decodes the sparse instances of the 200 response: only the required fields, and every
/// `nullable` field `null` (a `Vec` field needs `Option` or a null-tolerant default).
pub fn assert_sparse_responses_decode<T: DeserializeOwned>(op: &str) {
    let spec = spec();
    let schema = spec.response_schema(op);
    assert!(
        schema.is_object(),
        "{op}: the spec gives no 200 JSON schema"
    );
    decode::<T>(op, "minimal instance", &spec.minimal(schema));
    decode::<T>(
        op,
        "instance with nullable fields null",
        &spec.nulls_instance(schema),
    );
}

/// Decodes a value with the client's decoder, naming the operation and the instance on failure.
pub fn decode<T: DeserializeOwned>(op: &str, what: &str, v: &Value) -> T {
    let bytes = serde_json::to_vec(v).unwrap();
    market_core::transport::decode_json::<T>("yandex_market", "contract", &bytes)
        .unwrap_or_else(|e| panic!("{op}: the {what} does not decode: {e}\n{v:#}"))
}

/// Asserts that a wire enum knows exactly the spec's values.
pub fn assert_enum(known: &[&str], spec_values: BTreeSet<String>, what: &str) {
    let ours: BTreeSet<String> = known.iter().map(|s| s.to_string()).collect();
    assert_eq!(
        ours, spec_values,
        "{what}: enum values differ from the spec"
    );
}
