//! The contract-test harness every vendor crate uses (feature `contract`): a [`Spec`] over the
//! vendor's OpenAPI documents, instances built from its schemas, checks of what a client sends
//! (path, query, body) against an operation, strict decoding of the spec's examples and
//! instances, and the wiremock helpers the contract tests share.
//!
//! What stays in a vendor crate is what only it knows: where its snapshot lives, its
//! credentials (given to [`Spec::assert_requests_match_spec`] as the headers to expect), how its
//! client is built, the string formats its spec invents ([`Spec::with_formats`]) and the fields
//! its schema marks required by mistake ([`Spec::with_required_exceptions`]).
//!
//! An operation is named in any of three ways wherever a method takes `op: &str`: by its
//! `operationId` (`"getBusinessOrders"`), as `"METHOD /path/{template}"`
//! (`"GET /api/v3/orders"`), or by its path alone when a single method is defined there
//! (`"/v2/products/stocks"`).
//!
//! ```
//! use market_core::contract::harness::Spec;
//! use serde_json::json;
//!
//! let spec = Spec::new(json!({"paths": {"/v1/stocks": {"post": {
//!     "operationId": "updateStocks",
//!     "requestBody": {"content": {"application/json": {"schema": {
//!         "type": "object", "required": ["sku"],
//!         "properties": {"sku": {"type": "string"}, "count": {"type": "integer", "minimum": 0}}
//!     }}}}
//! }}}}));
//! assert!(spec.check_request("updateStocks", &json!({"sku": "A-1", "count": 3})).is_empty());
//! assert_eq!(
//!     spec.check_request("POST /v1/stocks", &json!({"count": -1})),
//!     ["sku: required but not sent", "count: -1 is below 0"]
//! );
//! ```
//!
//! Everything here is test support: a broken expectation panics with a message naming the
//! operation, the field and the value, as a failed assertion does.

// The harness's assertions are its purpose: they panic, as `assert!` does, to fail a test.
#![allow(clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;

use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};
use wiremock::matchers::{method as method_is, path_regex};
use wiremock::{Mock, MockBuilder, MockServer, Request, ResponseTemplate};

use super::{Schemas, qualify};

/// The HTTP methods an OpenAPI path item may define, lower-case as the documents write them.
const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// The success statuses tried, in order, for an operation's answer.
const SUCCESS: [&str; 4] = ["200", "201", "202", "204"];

/// How deep instances and checks follow a schema (recursive schemas stop here).
const MAX_DEPTH: usize = 64;

/// A hook writing a string `format` the way a vendor writes it (`"time"` → `"09:00"`); `None`
/// keeps the default instance.
pub type FormatHook = dyn Fn(&str) -> Option<Value> + Send + Sync;

/// One operation of the spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OperationRef {
    /// The upper-case HTTP method.
    pub method: &'static str,
    /// The path template, as the spec writes it (`/api/v3/orders/{orderId}/meta`).
    pub path: String,
    /// The `operationId`, when the spec gives one.
    pub operation_id: Option<String>,
    /// The section (the document's name given to [`Spec::sections`]); `None` for documents
    /// given unqualified.
    pub section: Option<String>,
    /// Index of the document in [`Schemas::docs`].
    pub doc: usize,
}

/// A vendor's OpenAPI documents, their operations indexed, read the way the contract tests
/// need (see the module docs). Derefs to [`Schemas`] (`resolve`, `component`, `docs`, `check`).
pub struct Spec {
    schemas: Schemas,
    ops: Vec<OperationRef>,
    formats: Option<Box<FormatHook>>,
    /// (operation index, `path.to[].field`): required fields the client may omit.
    exempt: Vec<(usize, String)>,
}

impl fmt::Debug for Spec {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Spec")
            .field("documents", &self.schemas.docs().len())
            .field("operations", &self.ops.len())
            .field("formats", &self.formats.is_some())
            .field("exempt", &self.exempt)
            .finish()
    }
}

impl std::ops::Deref for Spec {
    type Target = Schemas;
    fn deref(&self) -> &Schemas {
        &self.schemas
    }
}

/// Reads a JSON document; panics naming the file when it cannot.
pub fn read_json(path: impl AsRef<Path>) -> Value {
    let path = path.as_ref();
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every `*.json` file of a directory, sorted by name, as `(file stem, document)`: the sections
/// for [`Spec::sections`]. Patch a document (a format the snapshot lost) before handing them
/// over: its component names are still the vendor's.
pub fn read_sections(dir: impl AsRef<Path>) -> Vec<(String, Value)> {
    let dir = dir.as_ref();
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let section = p
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_owned();
            (section, read_json(&p))
        })
        .collect()
}

/// Flattens the `allOf`s of a document: a member that is (or refers to) an `allOf` is replaced
/// by its own members at every depth (`UpdateBusinessPricesDTO` over `PriceWithDiscountDTO`),
/// empty members (`{}`, what remains of a description put beside a `$ref`) are dropped, and an
/// `allOf` left with one member becomes that member (merged into the node, its own keys kept).
/// Examples, defaults and enums are left as they are.
pub fn flatten_all_of(doc: &mut Value) {
    let schemas = doc["components"]["schemas"].clone();
    flatten_node(doc, &schemas);
}

fn flatten_node(node: &mut Value, schemas: &Value) {
    match node {
        Value::Object(m) => {
            if let Some(Value::Array(members)) = m.get("allOf") {
                let flat: Vec<Value> = expand_all_of(members, schemas, 0)
                    .into_iter()
                    .filter(|x| x.as_object().is_none_or(|o| !o.is_empty()))
                    .collect();
                if let [one] = flat.as_slice() {
                    let one = one.clone();
                    m.remove("allOf");
                    if let Value::Object(inner) = one {
                        for (k, x) in inner {
                            m.entry(k).or_insert(x);
                        }
                    }
                } else {
                    m.insert("allOf".into(), Value::Array(flat));
                }
            }
            for (k, v) in m.iter_mut() {
                if !matches!(k.as_str(), "example" | "examples" | "default" | "enum") {
                    flatten_node(v, schemas);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| flatten_node(v, schemas)),
        _ => {}
    }
}

fn expand_all_of(members: &[Value], schemas: &Value, depth: usize) -> Vec<Value> {
    let mut out = Vec::new();
    for x in members {
        let mut target = x;
        let mut hops = 0;
        while let Some(name) = target["$ref"]
            .as_str()
            .and_then(|r| r.strip_prefix("#/components/schemas/"))
            && hops < 16
        {
            target = &schemas[name];
            hops += 1;
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

fn upper(m: &str) -> Option<&'static str> {
    Some(match m.to_ascii_lowercase().as_str() {
        "get" => "GET",
        "put" => "PUT",
        "post" => "POST",
        "delete" => "DELETE",
        "options" => "OPTIONS",
        "head" => "HEAD",
        "patch" => "PATCH",
        "trace" => "TRACE",
        _ => return None,
    })
}

/// Whether a concrete path fits a template with `{params}` (a parameter is one non-empty
/// segment).
pub fn path_matches(template: &str, actual: &str) -> bool {
    let t: Vec<&str> = template.split('/').collect();
    let a: Vec<&str> = actual.split('/').collect();
    t.len() == a.len()
        && t.iter()
            .zip(&a)
            .all(|(t, a)| (t.starts_with('{') && t.ends_with('}') && !a.is_empty()) || t == a)
}

/// A path template as an anchored regex (`{param}` → one segment), for wiremock's `path_regex`.
pub fn template_regex(template: &str) -> String {
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

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    Formats,
    Examples,
    Minimal,
    Nulls,
}

impl Spec {
    /// One document (Ozon's seller API, Yandex Market's partner API).
    pub fn new(doc: Value) -> Self {
        Self::from_docs(vec![doc])
    }

    /// Several documents whose components refer to each other by their plain names (a
    /// `$ref` resolves in the first document that has the component).
    pub fn from_docs(docs: Vec<Value>) -> Self {
        Self::build(docs.into_iter().map(|d| (None, d)).collect())
    }

    /// Sections that each refer only to their own components although they reuse names (WB's
    /// 13 files: `Order` of the FBS orders is not `Order` of the analytics): each is
    /// [`qualify`]-ed with its section's name, so a `$ref` resolves in its own document and
    /// [`Spec::schema`] takes `section::Name` (or `Name` when one section defines it).
    pub fn sections(docs: impl IntoIterator<Item = (String, Value)>) -> Self {
        Self::build(
            docs.into_iter()
                .map(|(section, doc)| {
                    let doc = qualify(doc, &section);
                    (Some(section), doc)
                })
                .collect(),
        )
    }

    /// [`Spec::new`] over a file (see [`read_json`]).
    pub fn load(path: impl AsRef<Path>) -> Self {
        Self::new(read_json(path))
    }

    /// [`Spec::sections`] over every `*.json` file of a directory (see [`read_sections`]).
    pub fn load_sections(dir: impl AsRef<Path>) -> Self {
        Self::sections(read_sections(dir))
    }

    fn build(docs: Vec<(Option<String>, Value)>) -> Self {
        let mut ops = Vec::new();
        let mut flat = Vec::with_capacity(docs.len());
        for (i, (section, mut doc)) in docs.into_iter().enumerate() {
            flatten_all_of(&mut doc);
            for (path, item) in doc["paths"].as_object().into_iter().flatten() {
                for (m, op) in item.as_object().into_iter().flatten() {
                    let Some(method) = upper(m).filter(|_| METHODS.contains(&m.as_str())) else {
                        continue;
                    };
                    ops.push(OperationRef {
                        method,
                        path: path.clone(),
                        operation_id: op["operationId"].as_str().map(str::to_owned),
                        section: section.clone(),
                        doc: i,
                    });
                }
            }
            flat.push(doc);
        }
        Self {
            schemas: Schemas::new(flat),
            ops,
            formats: None,
            exempt: Vec::new(),
        }
    }

    /// Writes string `format`s the vendor's way in every instance built
    /// ([`Spec::maximal`] and the others): the hook gets the format's name and returns the
    /// value to use (`Some(json!("09:00"))` for `"time"`), or `None` to keep market-core's
    /// (`date-time`, `date`, `int64`, `decimal`, `byte`...). Enums are never rewritten.
    pub fn with_formats(
        mut self,
        hook: impl Fn(&str) -> Option<Value> + Send + Sync + 'static,
    ) -> Self {
        self.formats = Some(Box::new(hook));
        self
    }

    /// Required fields the client may omit, as `(operation, "path.to[].field")` (the vendor's
    /// prose making optional what its schema requires). Panics on an operation the spec lacks,
    /// so a stale exception is noticed.
    pub fn with_required_exceptions(mut self, exceptions: &[(&str, &str)]) -> Self {
        for (op, field) in exceptions {
            let i = self.index(op);
            self.exempt.push((i, (*field).to_owned()));
        }
        self
    }

    // ---- operations

    /// Every operation of the spec, in document order.
    pub fn operations(&self) -> &[OperationRef] {
        &self.ops
    }

    /// Every `operationId` of the spec, sorted.
    pub fn operation_ids(&self) -> Vec<&str> {
        let mut ids: Vec<&str> = self
            .ops
            .iter()
            .filter_map(|o| o.operation_id.as_deref())
            .collect();
        ids.sort_unstable();
        ids
    }

    /// The operation named `op` (see the module docs), `None` when the spec has none or the
    /// name is ambiguous (a path alone with several methods).
    pub fn find(&self, op: &str) -> Option<&OperationRef> {
        self.try_index(op).ok().map(|i| &self.ops[i])
    }

    fn try_index(&self, op: &str) -> Result<usize, String> {
        if let Some(i) = self
            .ops
            .iter()
            .position(|o| o.operation_id.as_deref() == Some(op))
        {
            return Ok(i);
        }
        if let Some((m, p)) = op.split_once(' ')
            && let Some(m) = upper(m)
        {
            return self
                .ops
                .iter()
                .position(|o| o.method == m && o.path == p)
                .ok_or_else(|| format!("operation {op} is not in the spec snapshot"));
        }
        let at: Vec<usize> = (0..self.ops.len())
            .filter(|i| self.ops[*i].path == op)
            .collect();
        match at.as_slice() {
            [one] => Ok(*one),
            [] => Err(format!("operation {op} is not in the spec snapshot")),
            many => Err(format!(
                "{op} has several operations ({}): write \"METHOD {op}\"",
                many.iter()
                    .map(|i| self.ops[*i].method)
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        }
    }

    fn index(&self, op: &str) -> usize {
        self.try_index(op).unwrap_or_else(|e| panic!("{e}"))
    }

    /// The operation named `op`; panics when the spec has none.
    pub fn op(&self, op: &str) -> &OperationRef {
        &self.ops[self.index(op)]
    }

    /// The upper-case method and the path template of an operation.
    pub fn locate(&self, op: &str) -> (&'static str, &str) {
        let o = self.op(op);
        (o.method, &o.path)
    }

    /// The operation a request with this method and concrete path is for: the templates that
    /// match it, the one with the most literal segments first (`/campaigns/stats` before
    /// `/campaigns/{id}`).
    pub fn operation_for(&self, method: &str, path: &str) -> Option<&OperationRef> {
        let m = upper(method)?;
        self.ops
            .iter()
            .filter(|o| o.method == m && path_matches(&o.path, path))
            .max_by_key(|o| o.path.split('/').filter(|s| !s.starts_with('{')).count())
    }

    /// The operation object.
    pub fn operation(&self, op: &str) -> &Value {
        let o = self.op(op);
        &self.docs()[o.doc]["paths"][o.path.as_str()][o.method.to_ascii_lowercase()]
    }

    /// The `operationId` of an operation (`""` when the spec gives none).
    pub fn operation_id(&self, op: &str) -> &str {
        self.op(op).operation_id.as_deref().unwrap_or_default()
    }

    /// Whether the spec marks the operation deprecated.
    pub fn is_deprecated(&self, op: &str) -> bool {
        self.operation(op)["deprecated"] == json!(true)
    }

    /// The host the spec gives the operation: its own `servers`, else its path item's, else
    /// the document's (`""` when none).
    pub fn server(&self, op: &str) -> &str {
        let o = self.op(op);
        let doc = &self.docs()[o.doc];
        [
            &self.operation(op)["servers"],
            &doc["paths"][o.path.as_str()]["servers"],
            &doc["servers"],
        ]
        .into_iter()
        .find_map(|s| s[0]["url"].as_str())
        .unwrap_or_default()
    }

    /// The operation's parameters (path, query, header), resolved, the path item's included
    /// (the operation's own win by name and place).
    pub fn parameters(&self, op: &str) -> Vec<Value> {
        let o = self.op(op);
        let own: Vec<Value> = self.resolved_list(&self.operation(op)["parameters"]);
        let shared =
            self.resolved_list(&self.docs()[o.doc]["paths"][o.path.as_str()]["parameters"]);
        let mut out = own.clone();
        for p in shared {
            if !own
                .iter()
                .any(|x| x["name"] == p["name"] && x["in"] == p["in"])
            {
                out.push(p);
            }
        }
        out
    }

    fn resolved_list(&self, list: &Value) -> Vec<Value> {
        list.as_array()
            .into_iter()
            .flatten()
            .map(|x| self.resolve(x).0.clone())
            .collect()
    }

    fn request_body(&self, op: &str) -> &Value {
        self.resolve(&self.operation(op)["requestBody"]).0
    }

    /// The JSON request body schema (`Null` when the operation takes no JSON body).
    pub fn request_schema(&self, op: &str) -> &Value {
        &self.request_body(op)["content"]["application/json"]["schema"]
    }

    /// Whether the spec marks the request body required.
    pub fn body_required(&self, op: &str) -> bool {
        self.request_body(op)["required"] == json!(true)
    }

    /// The first success status the operation defines (`200`, else `201`, `202`, `204`).
    pub fn success_status(&self, op: &str) -> &'static str {
        let responses = &self.operation(op)["responses"];
        SUCCESS
            .into_iter()
            .find(|c| !responses[*c].is_null())
            .unwrap_or("200")
    }

    /// The response object of a status (`"200"`, `"420"`), resolved (`Null` when none).
    pub fn response(&self, op: &str, status: &str) -> &Value {
        self.resolve(&self.operation(op)["responses"][status]).0
    }

    /// The JSON schema of a status's response (`Null` when it has none).
    pub fn response_schema_for(&self, op: &str, status: &str) -> &Value {
        &self.response(op, status)["content"]["application/json"]["schema"]
    }

    /// The JSON schema of the success response (see [`Spec::success_status`]).
    pub fn response_schema(&self, op: &str) -> &Value {
        self.response_schema_for(op, self.success_status(op))
    }

    // ---- examples

    /// The whole-body examples of a media type object (`{"schema", "example", "examples"}`):
    /// `example`, then every `examples` entry's `value` (`$ref`s to `components/examples`
    /// followed).
    pub fn examples(&self, content: &Value) -> Vec<Value> {
        let mut out = Vec::new();
        if !content["example"].is_null() {
            out.push(content["example"].clone());
        }
        for v in content["examples"]
            .as_object()
            .into_iter()
            .flatten()
            .map(|(_, v)| v)
        {
            let (e, _) = self.resolve(v);
            if !e["value"].is_null() {
                out.push(e["value"].clone());
            }
        }
        out
    }

    /// The vendor's whole-body examples of a status's JSON response.
    pub fn response_examples(&self, op: &str, status: &str) -> Vec<Value> {
        self.examples(&self.response(op, status)["content"]["application/json"])
    }

    /// The first whole-body example of the success response.
    pub fn response_example(&self, op: &str) -> Option<Value> {
        self.response_examples(op, self.success_status(op))
            .into_iter()
            .next()
    }

    /// The vendor's whole-body examples of the JSON request body.
    pub fn request_examples(&self, op: &str) -> Vec<Value> {
        self.examples(&self.request_body(op)["content"]["application/json"])
    }

    /// The first whole-body example of the JSON request body.
    pub fn request_example(&self, op: &str) -> Option<Value> {
        self.request_examples(op).into_iter().next()
    }

    // ---- schemas

    /// The name of a schema as the documents hold it: `name` when a document defines it, else
    /// the one `section::name` (sections, see [`Spec::sections`]). Panics when no section or
    /// several define it.
    pub fn qualified(&self, name: &str) -> String {
        if self.schemas.schema(name).is_object() {
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
            [] => panic!("no schema {name} in the spec snapshot"),
            many => panic!("schema {name} is in several sections: {many:?}"),
        }
    }

    /// A named schema (see [`Spec::qualified`]).
    pub fn schema(&self, name: &str) -> &Value {
        self.schemas.schema(&self.qualified(name))
    }

    /// A `$ref` to a named schema (see [`Spec::qualified`]), to build or check against.
    pub fn schema_ref(&self, name: &str) -> Value {
        json!({"$ref": format!("#/components/schemas/{}", self.qualified(name))})
    }

    /// The enum values of a named string-enum schema (see [`Spec::qualified`]).
    pub fn enum_values(&self, name: &str) -> BTreeSet<String> {
        self.schemas.enum_values(&self.qualified(name))
    }

    /// The enum values of a property (or of its items) of a named object schema.
    pub fn property_enum(&self, name: &str, property: &str) -> BTreeSet<String> {
        let (props, _) = self.object_view(&self.schema_ref(name));
        let (p, _) = self.resolve(props.get(property).unwrap_or(&Value::Null));
        let p = if p.get("items").is_some() {
            self.resolve(&p["items"]).0
        } else {
            p
        };
        p["enum"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect()
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

    // ---- instances

    /// A maximal instance of a schema ([`Schemas::maximal`]: every property, one array
    /// element, the first enum value, typed scalars), string formats written by the hook of
    /// [`Spec::with_formats`].
    pub fn maximal(&self, schema: &Value) -> Value {
        let mut v = self.schemas.maximal(schema);
        self.rewrite(schema, &mut v, Mode::Formats, 0);
        v
    }

    /// The maximal instance with every field the vendor gives an `example` for at that
    /// example (the vendor's own dates, names and numbers).
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

    /// The maximal instance of a status's JSON response (an error body); panics when the
    /// status has none.
    pub fn error_instance(&self, op: &str, status: &str) -> Value {
        let schema = self.response_schema_for(op, status);
        assert!(
            schema.is_object(),
            "{op}: no JSON response for status {status}"
        );
        self.maximal(schema)
    }

    fn is_nullable(&self, schema: &Value) -> bool {
        schema["nullable"] == json!(true) || self.resolve(schema).0["nullable"] == json!(true)
    }

    fn rewrite(&self, schema: &Value, v: &mut Value, mode: Mode, depth: usize) {
        if depth > MAX_DEPTH {
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
            _ => self.leaf(s, v, mode),
        }
    }

    fn leaf(&self, s: &Value, v: &mut Value, mode: Mode) {
        if s.get("enum").is_some() {
            return;
        }
        if v.is_string()
            && let Some(format) = s["format"].as_str()
            && let Some(hook) = &self.formats
            && let Some(fixed) = hook(format)
        {
            *v = fixed;
        }
        if mode == Mode::Examples
            && let Some(e) = s.get("example")
            && !v.is_null()
        {
            *v = e.clone();
        }
    }

    // ---- request checks

    /// Checks a request body against the operation's JSON request schema: every field sent is
    /// defined, of its JSON type and enum, every required one is sent (but the exceptions of
    /// [`Spec::with_required_exceptions`]), no `null` is sent, and the bounds hold (see
    /// [`Spec::check_bounds`]). Problems read `path.to[].field: what is wrong`.
    pub fn check_request(&self, op: &str, body: &Value) -> Vec<String> {
        let i = self.index(op);
        let exempt: Vec<&str> = self
            .exempt
            .iter()
            .filter(|(o, _)| *o == i)
            .map(|(_, f)| f.as_str())
            .collect();
        self.check_body(self.request_schema(op), body, &exempt)
    }

    /// [`Spec::check_request`] against any schema, required fields named in `exempt` allowed to
    /// be missing.
    pub fn check_body(&self, schema: &Value, body: &Value, exempt: &[&str]) -> Vec<String> {
        let mut problems = self.schemas.check(schema, body, exempt);
        problems.extend(self.check_bounds(schema, body));
        problems
    }

    /// The bounds a value breaks: `maxItems`, `minItems`, `uniqueItems`, `maxLength`,
    /// `minLength`, `minimum`, `maximum` and their exclusive forms.
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
        if depth > MAX_DEPTH {
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
    /// each path parameter of its type, enum and bounds.
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

    /// Checks one received request against the operation: method, path
    /// ([`Spec::check_path`]), query ([`Spec::check_query`]), and its body
    /// ([`Spec::check_request`]) sent as `application/json`, present when the spec requires
    /// one and absent when the operation takes none. `body` is the request's body as JSON
    /// (`Null` when empty or not JSON, as [`sent`] gives it).
    pub fn check_sent(&self, op: &str, r: &Request, body: &Value) -> Vec<String> {
        let (m, _) = self.locate(op);
        let mut problems = Vec::new();
        if r.method.as_str() != m {
            problems.push(format!("method {}, not {m}", r.method));
        }
        problems.extend(self.check_path(op, r.url.path()));
        problems.extend(self.check_query(op, r.url.query_pairs()));
        if !r.body.is_empty() {
            let ctype = r
                .headers
                .get("content-type")
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default();
            if !ctype.starts_with("application/json") {
                problems.push(format!("content-type {ctype:?}, not application/json"));
            }
            if self.request_schema(op).is_null() {
                problems.push("a body was sent; the operation takes none".into());
            } else if body.is_null() {
                problems.push("the body is not JSON".into());
            } else {
                problems.extend(self.check_request(op, body));
            }
        } else if self.body_required(op) {
            problems.push("a required body was not sent".into());
        }
        problems
    }

    // ---- wiremock

    /// A mock matching the operation's method and path template; add matchers and a response.
    pub fn mock(&self, op: &str) -> MockBuilder {
        let (m, p) = self.locate(op);
        mock(m, p)
    }

    /// A server answering the operation with 200 and `body`.
    pub async fn serve(&self, op: &str, body: Value) -> MockServer {
        let (m, p) = self.locate(op);
        serve(m, p, body).await
    }

    /// A server answering the operation with `response`.
    pub async fn serve_with(&self, op: &str, response: ResponseTemplate) -> MockServer {
        let (m, p) = self.locate(op);
        serve_with(m, p, response).await
    }

    /// Adds an answer for the operation to a server.
    pub async fn mount(&self, server: &MockServer, op: &str, response: ResponseTemplate) {
        let (m, p) = self.locate(op);
        mount(server, m, p, response).await;
    }

    /// An answer of `status` whose body is the maximal instance of that status's JSON
    /// response ([`Spec::error_instance`]); add the vendor's headers to it.
    pub fn error_response(&self, op: &str, status: u16) -> ResponseTemplate {
        ResponseTemplate::new(status).set_body_json(self.error_instance(op, &status.to_string()))
    }

    /// The requests the server received for the operation (its method and path template).
    pub async fn sent_to(&self, server: &MockServer, op: &str) -> Vec<(Request, Value)> {
        let (m, p) = self.locate(op);
        sent(server)
            .await
            .into_iter()
            .filter(|(r, _)| r.method.as_str() == m && path_matches(p, r.url.path()))
            .collect()
    }

    /// Asserts that the server received at least one request for the operation (others are
    /// ignored), that the operation is not deprecated, and that every one of them carries the
    /// `headers` (name, exact value: the vendor's credentials) and passes
    /// [`Spec::check_sent`].
    pub async fn assert_requests_match_spec(
        &self,
        server: &MockServer,
        op: &str,
        headers: &[(&str, &str)],
    ) {
        let requests = self.sent_to(server, op).await;
        let (m, p) = self.locate(op);
        assert!(!requests.is_empty(), "no request reached {op} ({m} {p})");
        self.assert_match(op, requests, headers);
    }

    /// [`Spec::assert_requests_match_spec`] where every request the server received must be
    /// for the operation.
    pub async fn assert_all_requests_match_spec(
        &self,
        server: &MockServer,
        op: &str,
        headers: &[(&str, &str)],
    ) {
        let requests = sent(server).await;
        let (m, p) = self.locate(op);
        assert!(!requests.is_empty(), "no request reached {op} ({m} {p})");
        for (r, _) in &requests {
            assert!(
                r.method.as_str() == m && path_matches(p, r.url.path()),
                "{} {} is not {op} ({m} {p})",
                r.method,
                r.url.path()
            );
        }
        self.assert_match(op, requests, headers);
    }

    fn assert_match(&self, op: &str, requests: Vec<(Request, Value)>, headers: &[(&str, &str)]) {
        assert!(!self.is_deprecated(op), "{op} is deprecated in the spec");
        for (r, body) in requests {
            for (name, value) in headers {
                let got = r.headers.get(*name).and_then(|v| v.to_str().ok());
                assert!(got == Some(*value), "{op}: the {name} header is {got:?}");
            }
            let problems = self.check_sent(op, &r, &body);
            assert!(
                problems.is_empty(),
                "{} {} does not match {op} in the spec: {problems:#?}\nbody: {body}",
                r.method,
                r.url
            );
        }
    }

    // ---- decoding

    /// Decodes, with market-core's decoder (strict under the `strict` feature of the crate
    /// under test), the vendor's whole-body examples of the success response, the instance
    /// with the vendor's field examples ([`Spec::example_instance`]) and the maximal instance.
    /// Panics when the success response has no JSON schema.
    pub fn assert_responses_decode<T: DeserializeOwned>(&self, op: &str) {
        let status = self.success_status(op);
        let schema = self.response_schema_for(op, status);
        assert!(
            schema.is_object(),
            "{op}: the spec gives no {status} JSON schema"
        );
        for (i, example) in self.response_examples(op, status).iter().enumerate() {
            decode::<T>(op, &format!("vendor example #{i}"), example);
        }
        decode::<T>(
            op,
            "instance with the vendor's field examples",
            &self.example_instance(schema),
        );
        decode::<T>(op, "maximal instance", &self.maximal(schema));
    }

    /// Decodes the sparse instances of the success response: only the required fields
    /// ([`Spec::minimal`]), and every `nullable` field `null` ([`Spec::nulls_instance`]).
    pub fn assert_sparse_responses_decode<T: DeserializeOwned>(&self, op: &str) {
        let schema = self.response_schema(op);
        assert!(schema.is_object(), "{op}: the spec gives no JSON schema");
        decode::<T>(op, "minimal instance", &self.minimal(schema));
        decode::<T>(
            op,
            "instance with nullable fields null",
            &self.nulls_instance(schema),
        );
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
        Some("string") => {
            if schema["format"] == "date" {
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
            let n = v.chars().count() as u64;
            if let Some(max) = schema["maxLength"].as_u64()
                && n > max
            {
                out.push(format!("{n} characters, at most {max}"));
            }
            if let Some(min) = schema["minLength"].as_u64()
                && n < min
            {
                out.push(format!("{n} characters, at least {min}"));
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

/// Decodes a value with market-core's decoder (strict under the `strict` feature of the crate
/// under test), naming the operation and the instance (`what`) on failure.
pub fn decode<T: DeserializeOwned>(op: &str, what: &str, v: &Value) -> T {
    let bytes = serde_json::to_vec(v).unwrap_or_else(|e| panic!("{op}: the {what}: {e}"));
    crate::transport::decode_json::<T>("contract", "contract", &bytes)
        .unwrap_or_else(|e| panic!("{op}: the {what} does not decode: {e}\n{v:#}"))
}

/// Asserts that a wire enum knows exactly the spec's values (`known`: the Rust enum's wire
/// strings; `what`: the schema's name, for the message).
pub fn assert_enum(known: &[&str], spec_values: BTreeSet<String>, what: &str) {
    let ours: BTreeSet<String> = known.iter().map(|s| (*s).to_owned()).collect();
    assert_eq!(
        ours, spec_values,
        "{what}: enum values differ from the spec"
    );
}

/// A mock matching a method and a path template (`{param}` is one segment; a plain path
/// matches itself only); add matchers and a response.
pub fn mock(method: &str, path: &str) -> MockBuilder {
    Mock::given(method_is(method.to_ascii_uppercase().as_str()))
        .and(path_regex(template_regex(path)))
}

/// A server answering `method path` (a template, see [`mock`]) with 200 and `body`.
pub async fn serve(method: &str, path: &str, body: Value) -> MockServer {
    serve_with(method, path, ResponseTemplate::new(200).set_body_json(body)).await
}

/// A server answering `method path` (a template, see [`mock`]) with `response`.
pub async fn serve_with(method: &str, path: &str, response: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    mount(&server, method, path, response).await;
    server
}

/// Adds an answer for `method path` (a template, see [`mock`]) to a server.
pub async fn mount(server: &MockServer, method: &str, path: &str, response: ResponseTemplate) {
    mock(method, path)
        .respond_with(response)
        .mount(server)
        .await;
}

/// The requests the server received, each with its body as JSON (`Null` when empty or not
/// JSON). Panics when the server does not record requests.
pub async fn sent(server: &MockServer) -> Vec<(Request, Value)> {
    server
        .received_requests()
        .await
        .unwrap_or_else(|| panic!("the mock server does not record requests"))
        .into_iter()
        .map(|r| {
            let body = serde_json::from_slice(&r.body).unwrap_or(Value::Null);
            (r, body)
        })
        .collect()
}

/// An HTTP date (`Sun, 06 Nov 1994 08:49:37 GMT`), for `Retry-After` and the vendors'
/// rate-limit headers.
pub fn http_date(t: std::time::SystemTime) -> String {
    httpdate::fmt_http_date(t)
}
