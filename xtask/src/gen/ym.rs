//! The Yandex Market generator: which section each path goes to, which fields are money, the
//! quotas from `x-resource-limit-config`, and the files it writes
//! (`yandex-market-api/src/generated/`, `yandex-market-api/tests/it/generated.rs`).
//!
//! Yandex Market's snapshot is one document (`yandex-market-api/spec/openapi.json`) without
//! tags, so sections go by path ([`SECTIONS`], first match wins). An operation is named by the
//! crate's rule: its `operationId`'s words with the verb moved last (`getReportInfo` ->
//! `report_info_get`), and its limit group is its `operationId` (the quota table's key, and
//! what the client's "a read's 200 saying ERROR is an error" rule reads). A read is an
//! `operationId` starting with `get`, `search`, `download` or `calculate`; every other
//! operation is `.non_idempotent()`: the spec marks none safe to repeat.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::schema::{Def, Field, Registry, Ty, deref};
use super::{HandWritten, Overrides, naming, path_arg_type, qualified};

/// One generated section: a module of `yandex_market_api::generated` and its accessor.
#[derive(Debug, Clone, Copy)]
pub struct Section {
    /// The module and the accessor method on `Client`.
    pub module: &'static str,
    /// The accessor type.
    pub api: &'static str,
    /// Path parts that put an operation here (any of them, first section first).
    pub parts: &'static [&'static str],
    /// What the section holds.
    pub title: &'static str,
}

/// The sections, in matching order.
pub const SECTIONS: &[Section] = &[
    Section {
        module: "reports",
        api: "ReportsApi",
        parts: &["/reports/"],
        title: "Reports: report tasks (sales, netting, services, stocks, goods movement, feedbacks, documents) and their status",
    },
    Section {
        module: "shipments",
        api: "ShipmentsApi",
        parts: &["/first-mile/", "/shipments/"],
        title: "FBS shipments: search, confirm, transfer orders, pallets and their acts and labels",
    },
    Section {
        module: "communication",
        api: "CommunicationApi",
        parts: &["/chat", "/goods-feedback", "/goods-questions"],
        title: "Communication: buyer chats, goods feedbacks and their comments, goods questions",
    },
    Section {
        module: "promotion",
        api: "PromotionApi",
        parts: &["/bids", "/promos", "/offers/recommendations"],
        title: "Promotion: bids for boosting, promos and their offers, price recommendations",
    },
    Section {
        module: "outlets",
        api: "OutletsApi",
        parts: &["/outlets"],
        title: "Outlets: the seller's pickup points and their licenses",
    },
    Section {
        module: "assortment",
        api: "AssortmentApi",
        parts: &["/hidden-offers", "/offers", "/offer-mappings/"],
        title: "Assortment: campaign offers, hidden offers, barcodes",
    },
    Section {
        module: "order_extras",
        api: "OrderExtrasApi",
        parts: &[
            "/orders",
            "/delivery-options",
            "/return-delivery-options",
            "/returns/",
        ],
        title: "Orders beyond the hand-written methods: creating and updating DBS orders, documents, digital codes, return photos",
    },
    Section {
        module: "analytics",
        api: "AnalyticsApi",
        parts: &["/stats/", "/ratings/", "/operations"],
        title: "Analytics: order and goods statistics, quality ratings, the business's operations",
    },
    Section {
        module: "supplies",
        api: "SuppliesApi",
        parts: &["/supply-requests", "/logistics-points", "/warehouse/"],
        title: "Supplies: FBY supply requests and their documents, logistics points, warehouse status",
    },
    Section {
        module: "general",
        api: "GeneralApi",
        parts: &["/regions", "/delivery/services", "/tariffs/", "/auth/"],
        title: "General: regions, delivery services, tariff calculation, the API key's token info",
    },
];

/// The `operationId` verbs of a read (idempotent; a 200 saying `ERROR` is an error): the
/// crate's own rule, [`yandex_market_api::api::READ_VERBS`].
pub use yandex_market_api::api::READ_VERBS;

/// Yandex Market's money rule, one table: a `number` field (Yandex Market sends money as JSON
/// numbers; its integers are counts, percents in hundredths and ids) whose wire name,
/// lower-cased, holds one of these parts and none of [`NOT_MONEY_PARTS`]; or a `value` beside a
/// `currencyId` ([`is_money_in`]).
pub const MONEY_PARTS: &[&str] = &[
    "price",
    "total",
    "subsidy",
    "amount",
    "cost",
    "cofinance",
    "bestseller",
    "discountbase",
];

/// Name parts that make a matching field a share or a count.
pub const NOT_MONEY_PARTS: &[&str] = &["percent", "count", "weeks", "dimensions"];

/// The money rule by name (see [`MONEY_PARTS`]).
pub fn is_money(_section: &str, wire: &str, schema: &Value) -> bool {
    let lower = wire.to_ascii_lowercase();
    schema.get("type").and_then(Value::as_str) == Some("number")
        && MONEY_PARTS.iter().any(|p| lower.contains(p))
        && !NOT_MONEY_PARTS.iter().any(|p| lower.contains(p))
}

/// The money rule by parent: a `number` `value` in an object with a `currencyId` (the price
/// objects, `BasePriceDTO` and its kin).
pub fn is_money_in(parent: &Value, wire: &str, schema: &Value) -> bool {
    wire == "value"
        && schema.get("type").and_then(Value::as_str) == Some("number")
        && parent["properties"].get("currencyId").is_some()
}

/// One tier's quota.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quota {
    /// Units per period.
    pub amount: u32,
    /// The period in seconds.
    pub seconds: u64,
}

/// An operation's quota from its `x-resource-limit-config`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limit {
    /// What is counted: `resp` (requests), `req.X` or `resp.X` (items).
    pub path: String,
    /// The `none` tier.
    pub none: Quota,
    /// The `medium` tier.
    pub medium: Quota,
    /// `parallel-limit-value`.
    pub parallel: Option<u32>,
}

fn quota(v: &Value, id: &str) -> Result<Quota, String> {
    let amount = v["amount"]
        .as_u64()
        .and_then(|a| u32::try_from(a).ok())
        .ok_or_else(|| format!("{id}: bad quota amount {v}"))?;
    let unit = match v["period"].as_str() {
        Some("seconds") => 1,
        Some("minutes") => 60,
        Some("hours") => 3600,
        Some("days") => 86_400,
        _ => return Err(format!("{id}: bad quota period {v}")),
    };
    let n = v["period-duration"].as_u64().unwrap_or(1);
    Ok(Quota {
        amount,
        seconds: n * unit,
    })
}

/// The quota of an operation.
///
/// # Errors
/// No `x-resource-limit-config`, or one the generator cannot read.
pub fn limit(op: &Value, id: &str) -> Result<Limit, String> {
    let c = &op["x-resource-limit-config"];
    if !c.is_object() {
        return Err(format!("{id}: no x-resource-limit-config"));
    }
    Ok(Limit {
        path: c["path"].as_str().unwrap_or("resp").to_owned(),
        none: quota(&c["none"], id)?,
        medium: quota(&c["medium"], id)?,
        parallel: c["parallel-limit-value"]
            .as_u64()
            .and_then(|p| u32::try_from(p).ok()),
    })
}

/// The crate's rule: the `operationId`'s words, the verb (first word) moved last, snake_case.
pub fn rule_name(id: &str) -> String {
    let mut words = naming::words(id);
    if words.len() > 1 {
        let verb = words.remove(0);
        words.push(verb);
    }
    words.join("_")
}

/// Whether an `operationId` names a read ([`yandex_market_api::api::is_read_id`]).
pub fn is_read(id: &str) -> bool {
    yandex_market_api::api::is_read_id(id)
}

/// The section of a path, `None` when no section takes it.
pub fn section_of(path: &str) -> Option<Section> {
    SECTIONS
        .iter()
        .find(|s| s.parts.iter().any(|p| path.contains(p)))
        .copied()
}

#[derive(Debug, Clone)]
struct Param {
    wire: String,
    rust: String,
    ty: Ty,
    required: bool,
    example: Value,
}

/// The weight of an item-counted request.
#[derive(Debug, Clone)]
enum Weight {
    /// The length of the body's array (Rust name, optional).
    Body(String, bool),
    /// The page size asked for (the query field), else this.
    Page(String, u64),
}

/// One generated operation.
#[derive(Debug, Clone)]
pub struct Op {
    /// Upper-case method.
    pub method: String,
    /// The path template.
    pub path: String,
    /// The spec's `operationId` (the limit group).
    pub id: String,
    /// snake_case name.
    pub name: String,
    /// A read ([`READ_VERBS`]).
    pub readonly: bool,
    /// Its quota.
    pub limit: Limit,
    path_params: Vec<Param>,
    query: Option<(String, Vec<Param>)>,
    body: Option<Ty>,
    /// Items counted: what the request's weight is.
    weight: Option<Weight>,
    response: Option<Ty>,
    /// A read whose answer has an optional `result`: its absence is an error.
    needs_result: bool,
    file: bool,
}

impl Op {
    fn upper(&self) -> String {
        self.name.to_uppercase()
    }
}

/// The generated source of one section.
#[derive(Debug, Clone)]
pub struct SectionOut {
    /// The section.
    pub section: Section,
    /// Its operations.
    pub ops: Vec<Op>,
    /// The module's source.
    pub source: String,
    /// Its contract tests.
    pub tests: String,
    /// The operations it leaves out, with the reason.
    pub skipped: Vec<String>,
}

const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];

/// Generates one section of the document, leaving the hand-written operations alone.
///
/// # Errors
/// A name clash, a quota the generator cannot read.
pub fn generate_section(
    doc: &Value,
    section: Section,
    hand: &HandWritten,
    overrides: &Overrides,
) -> Result<SectionOut, String> {
    let types: BTreeMap<String, String> = overrides
        .types
        .iter()
        .filter(|((s, _), _)| s == section.module)
        .map(|((_, spec), rust)| (spec.clone(), rust.clone()))
        .collect();
    let mut reg =
        Registry::new(doc, section.module, is_money, types).with_parent_money(is_money_in);
    let mut ops = Vec::new();
    let mut skipped = Vec::new();
    let empty = serde_json::Map::new();
    let paths = doc["paths"].as_object().unwrap_or(&empty);
    for (path, item) in paths {
        if section_of(path).map(|s| s.module) != Some(section.module) {
            continue;
        }
        for method in METHODS {
            let Some(op) = item.get(method).filter(|o| o.is_object()) else {
                continue;
            };
            let upper = method.to_ascii_uppercase();
            if hand
                .operations
                .contains_key(&format!("{upper} {}", super::path_key(path)))
                || op["deprecated"] == Value::Bool(true)
                || market_core::contract::lifecycle::operation_notice(doc, op).is_some()
            {
                continue;
            }
            let key = format!("{upper} {path}");
            if let Some(reason) = overrides.skip.get(&key) {
                skipped.push(format!("`{key}`: {reason}"));
                continue;
            }
            let id = op["operationId"]
                .as_str()
                .ok_or_else(|| format!("{key}: no operationId"))?
                .to_owned();
            let request_body = deref(doc, &op["requestBody"]);
            if request_body["content"]
                .as_object()
                .is_some_and(|c| !c.is_empty() && !c.contains_key("application/json"))
            {
                skipped.push(format!("`{key}` (`{id}`): a non-JSON request body"));
                continue;
            }
            let readonly = is_read(&id);
            let name = overrides
                .ops
                .get(&key)
                .cloned()
                .unwrap_or_else(|| rule_name(&id));
            if hand.groups.contains(&id) {
                return Err(format!("{key}: {id} is a hand-written limit group"));
            }
            let limit = limit(op, &id)?;
            let camel = naming::camel(&name);
            let mut params: BTreeMap<(String, String), Value> = BTreeMap::new();
            for p in item["parameters"]
                .as_array()
                .into_iter()
                .flatten()
                .chain(op["parameters"].as_array().into_iter().flatten())
            {
                let p = deref(doc, p).clone();
                // A deprecated parameter (`page`, `pageSize` beside `pageToken`) is not offered.
                if p["deprecated"] == Value::Bool(true) {
                    continue;
                }
                let at = p["in"].as_str().unwrap_or_default().to_owned();
                let n = p["name"].as_str().unwrap_or_default().to_owned();
                params.insert((at, n), p);
            }
            let mut path_params = Vec::new();
            let mut query = Vec::new();
            for ((at, wire), p) in &params {
                let schema = p.get("schema").cloned().unwrap_or(Value::Null);
                let hint = format!("{camel}{}", naming::camel(wire));
                let ctx = format!("`{key}`: the `{wire}` parameter");
                let mut ty = reg.ty(&schema, &hint, &ctx)?;
                if ty == Ty::DateTime {
                    ty = Ty::Str;
                }
                let example = p
                    .get("example")
                    .or_else(|| schema.get("example"))
                    .cloned()
                    .unwrap_or(Value::Null);
                let param = Param {
                    wire: wire.clone(),
                    rust: naming::field(wire),
                    ty,
                    required: p["required"] == Value::Bool(true) || at == "path",
                    example,
                };
                match at.as_str() {
                    "path" => path_params.push(param),
                    "query" => {
                        // Two wire names of one snake_case (`regionId`, `region_id`).
                        let mut param = param;
                        let mut n = 1;
                        while query.iter().any(|q: &Param| q.rust == param.rust) {
                            n += 1;
                            param.rust = format!("{}_{n}", naming::field(wire));
                        }
                        query.push(param);
                    }
                    _ => {}
                }
            }
            path_params
                .sort_by_key(|p| path.find(&format!("{{{}}}", p.wire)).unwrap_or(usize::MAX));
            let query = if query.is_empty() {
                None
            } else {
                let qname = format!("{camel}Query");
                let fields = query
                    .iter()
                    .map(|p| Field {
                        wire: p.wire.clone(),
                        rust: p.rust.clone(),
                        ty: p.ty.clone(),
                        optional: !p.required,
                        doc: format!(
                            "`{}`{}.",
                            p.wire,
                            if p.required { "" } else { " (optional)" }
                        ),
                    })
                    .collect();
                reg.insert_struct(&qname, &format!("`{key}`: the query parameters"), fields)?;
                Some((qname, query))
            };
            let body = match request_body["content"]["application/json"].get("schema") {
                Some(s) => Some(reg.ty(
                    s,
                    &format!("{camel}Request"),
                    &format!("`{key}`: request body"),
                )?),
                None if request_body["content"]["application/json"].is_object() => Some(Ty::Json),
                None => None,
            };
            // Items counted: the request's weight is the body's array (`req.offerIds`; for items
            // returned, `resp.result.shopSkus`, the array of the same name asked for), else
            // for items returned the page size asked for (an upper bound), else its default or
            // maximum.
            let counted = limit.path.strip_prefix("req.").or_else(|| {
                limit
                    .path
                    .rsplit('.')
                    .next()
                    .filter(|_| limit.path != "resp")
            });
            let body_array = match (counted, &body) {
                (Some(field), Some(Ty::Struct(b))) => match reg.defs.get(b) {
                    Some(Def::Struct { fields, .. }) => fields
                        .iter()
                        .find(|f| f.wire == field && matches!(f.ty, Ty::Vec(_)))
                        .map(|f| Weight::Body(f.rust.clone(), f.optional)),
                    _ => None,
                },
                _ => None,
            };
            let page = params
                .get(&("query".to_owned(), "limit".to_owned()))
                .filter(|_| limit.path.starts_with("resp.") && query.is_some())
                .map(|p| {
                    let s = &p["schema"];
                    Weight::Page(
                        naming::field("limit"),
                        s["default"]
                            .as_u64()
                            .or_else(|| s["maximum"].as_u64())
                            .unwrap_or(1),
                    )
                });
            let weight = body_array.or(page);
            let responses = &op["responses"];
            let success = ["200", "201", "202"]
                .into_iter()
                .find(|c| responses.get(*c).is_some());
            let response = match success {
                Some(c) => {
                    let r = deref(doc, &responses[c]);
                    match r["content"]["application/json"].get("schema") {
                        Some(s) => Some(reg.ty(
                            s,
                            &format!("{camel}Response"),
                            &format!("`{key}`: response"),
                        )?),
                        None => None,
                    }
                }
                None => None,
            };
            let file = response.is_none()
                && success.is_some_and(|c| {
                    deref(doc, &responses[c])["content"]
                        .as_object()
                        .is_some_and(|m| !m.is_empty())
                });
            let needs_result = readonly
                && match &response {
                    Some(Ty::Struct(r)) => matches!(
                        reg.defs.get(r),
                        Some(Def::Struct { fields, .. })
                            if fields.iter().any(|f| f.wire == "result" && f.optional)
                    ),
                    _ => false,
                };
            ops.push(Op {
                method: upper,
                path: path.clone(),
                id,
                name,
                readonly,
                limit,
                path_params,
                query,
                body,
                weight,
                response,
                needs_result,
                file,
            });
        }
    }
    ops.sort_by(|a, b| a.name.cmp(&b.name));
    let mut names = BTreeSet::new();
    for op in &ops {
        if !names.insert(op.name.clone()) {
            return Err(format!(
                "{}: two operations named {} (name one in the override file)",
                section.module, op.name
            ));
        }
    }
    let source = render_module(section, &ops, &reg);
    let tests = render_tests(section, &ops);
    Ok(SectionOut {
        section,
        ops,
        source,
        tests,
        skipped,
    })
}

fn render_module(section: Section, ops: &[Op], reg: &Registry<'_>) -> String {
    let mut out = super::header("yandex-market");
    out.push_str(&super::doc(
        "//!",
        &format!(
            "\n{}: the operations of Yandex Market's snapshot the crate does not declare by \
             hand, with their wire models; the methods are on `client.{}()`.",
            section.title, section.module
        ),
    ));
    let _ = writeln!(out);
    let src = reg.render();
    let mut uses = vec!["use serde::{Deserialize, Serialize};".to_owned()];
    if src.contains("BTreeMap<") {
        uses.push("use std::collections::BTreeMap;".into());
    }
    let chrono: Vec<&str> = [
        ("DateTime<", "DateTime"),
        ("NaiveDate", "NaiveDate"),
        ("DateTime<Utc>", "Utc"),
    ]
    .iter()
    .filter(|(n, _)| src.contains(n))
    .map(|(_, t)| *t)
    .collect();
    if !chrono.is_empty() {
        uses.push(format!("use chrono::{{{}}};", chrono.join(", ")));
    }
    if src.contains("Decimal") {
        uses.push("use rust_decimal::Decimal;".into());
    }
    uses.push("use market_core::Result;".into());
    uses.push("use market_core::transport::Operation;".into());
    uses.push("use crate::Client;".into());
    for u in uses {
        let _ = writeln!(out, "{u}");
    }
    let _ = writeln!(out);
    for op in ops {
        let what = if op.readonly {
            "a read"
        } else {
            "a write, not repeated on failure"
        };
        let _ = writeln!(out, "/// `{}`, `{} {}`: {what}.", op.id, op.method, op.path);
        let ctor = op.method.to_ascii_lowercase();
        let _ = write!(
            out,
            "pub static {}: Operation = Operation::{ctor}({:?}, {:?}).in_group({:?})",
            op.upper(),
            op.name,
            op.path,
            op.id
        );
        if !op.readonly {
            out.push_str(".non_idempotent()");
        }
        out.push_str(";\n\n");
    }
    let _ = writeln!(
        out,
        "/// The operations of this module, in name order.\npub const OPERATIONS: &[&Operation] = &[{}];\n",
        ops.iter()
            .map(|o| format!("&{}", o.upper()))
            .collect::<Vec<_>>()
            .join(", ")
    );
    out.push_str(&src);
    out.push_str(&super::doc(
        "///",
        &format!("{}: `client.{}()`.", section.title, section.module),
    ));
    let _ = writeln!(
        out,
        "#[derive(Debug, Clone, Copy)]\npub struct {}<'a> {{\n    client: &'a Client,\n}}\n",
        section.api
    );
    out.push_str("impl Client {\n");
    out.push_str(&super::doc(
        "    ///",
        &format!("{} (generated).", section.title),
    ));
    let _ = writeln!(
        out,
        "    pub fn {}(&self) -> {}<'_> {{\n        {} {{ client: self }}\n    }}\n}}\n",
        section.module, section.api, section.api
    );
    let _ = writeln!(out, "impl {}<'_> {{", section.api);
    for op in ops {
        render_method(&mut out, op);
    }
    out.push_str("}\n");
    out
}

fn render_method(out: &mut String, op: &Op) {
    let mut args = vec!["&self".to_owned()];
    for p in &op.path_params {
        args.push(format!("{}: {}", p.rust, path_arg_type(&p.ty)));
    }
    if let Some((q, _)) = &op.query {
        args.push(format!("query: &{q}"));
    }
    if let Some(b) = &op.body {
        args.push(format!("body: &{}", b.rust()));
    }
    let ret = match &op.response {
        Some(t) => t.rust(),
        None if op.file => "bytes::Bytes".into(),
        None => "()".into(),
    };
    out.push_str(&super::doc(
        "    ///",
        &format!(
            "`{}`, `{} {}` ([`{}`]).",
            op.id,
            op.method,
            op.path,
            op.upper()
        ),
    ));
    if op.needs_result {
        out.push_str(
            "    ///\n    /// An answer without its `result` is an error, never an empty one.\n",
        );
    }
    let _ = writeln!(
        out,
        "    pub async fn {}({}) -> Result<{ret}> {{",
        op.name,
        args.join(", ")
    );
    let mutable = op.query.as_ref().is_some_and(|(_, q)| !q.is_empty());
    let _ = write!(
        out,
        "        let {}request = {}.request()",
        if mutable { "mut " } else { "" },
        op.upper()
    );
    for p in &op.path_params {
        let _ = write!(out, ".path_param({:?}, {})", p.wire, p.rust);
    }
    if op.body.is_some() {
        out.push_str(".json(body)?");
    }
    match &op.weight {
        Some(Weight::Body(f, false)) => {
            let _ = write!(out, ".weight(body.{f}.len())");
        }
        Some(Weight::Body(f, true)) => {
            let _ = write!(out, ".weight(body.{f}.as_ref().map_or(0, Vec::len))");
        }
        Some(Weight::Page(f, n)) => {
            let _ = write!(
                out,
                ".weight(query.{f}.and_then(|l| usize::try_from(l).ok()).unwrap_or({n}))"
            );
        }
        None => {}
    }
    out.push_str(";\n");
    if let Some((_, params)) = &op.query {
        for p in params {
            let value = |v: &str| match &p.ty {
                Ty::Vec(_) => {
                    format!("{v}.iter().map(ToString::to_string).collect::<Vec<_>>().join(\",\")")
                }
                _ => v.to_owned(),
            };
            if p.required {
                let by_value = matches!(
                    p.ty,
                    Ty::I64 | Ty::U64 | Ty::F64 | Ty::Bool | Ty::Date | Ty::Decimal(_) | Ty::Vec(_)
                );
                let _ = writeln!(
                    out,
                    "        request = request.query({:?}, {});",
                    p.wire,
                    value(&format!(
                        "{}query.{}",
                        if by_value { "" } else { "&" },
                        p.rust
                    ))
                );
            } else {
                let _ = writeln!(
                    out,
                    "        if let Some(v) = &query.{} {{\n            request = request.query({:?}, {});\n        }}",
                    p.rust,
                    p.wire,
                    value("v")
                );
            }
        }
    }
    match &op.response {
        Some(t) if op.needs_result => {
            let _ = writeln!(
                out,
                "        let response: {} = self.client.transport().json(request).await?;\n        \
                 if response.result.is_none() {{\n            \
                 return Err(market_core::Error::Decode {{\n                \
                 vendor: market_core::MarketplaceKind::YandexMarket.name(),\n                \
                 operation: {}.name,\n                path: \"result\".to_owned(),\n                \
                 message: \"the answer has no `result`\".to_owned(),\n                \
                 excerpt: String::new(),\n            }});\n        }}\n        Ok(response)",
                t.rust(),
                op.upper()
            );
        }
        Some(_) => {
            let _ = writeln!(out, "        self.client.transport().json(request).await");
        }
        None if op.file => {
            let _ = writeln!(
                out,
                "        self.client.transport().send(request).await.map(|r| r.body)"
            );
        }
        None => {
            let _ = writeln!(
                out,
                "        self.client.transport().send(request).await.map(|_| ())"
            );
        }
    }
    out.push_str("    }\n\n");
}

fn path_arg_value(p: &Param) -> String {
    match &p.ty {
        Ty::Str => format!("{:?}", p.example.as_str().unwrap_or("x")),
        Ty::I64 | Ty::U64 => p.example.as_i64().unwrap_or(1).to_string(),
        _ => "Default::default()".into(),
    }
}

/// Writes the `query` and `body` a test calls `op` with; returns the call's arguments.
fn call_args(out: &mut String, op: &Op, m: &str) -> Vec<String> {
    let mut args = Vec::new();
    for p in &op.path_params {
        args.push(path_arg_value(p));
    }
    if let Some((q, _)) = &op.query {
        let _ = writeln!(
            out,
            "    let query: {m}::{q} = decode(op, \"maximal query\", &query_instance(op));"
        );
        args.push("&query".into());
    }
    if let Some(b) = &op.body {
        let _ = writeln!(
            out,
            "    let body: {} = decode(op, \"maximal request\", &request_instance(op));\n    \
             assert_eq!(instants(serde_json::to_value(&body).unwrap()), instants(without_nulls(request_instance(op))), \"{{op}}: the request written back\");",
            qualified(b, m)
        );
        args.push("&body".into());
    }
    args
}

/// The `result` rule on the first read that has it: a 200 without `result` is a decode
/// error, a 200 saying `ERROR` is an error (the client's rule for `get...` reads).
fn render_result_rule_test(outs: &[SectionOut]) -> String {
    let mut out = String::new();
    let Some((o, op)) = outs.iter().find_map(|o| {
        o.ops
            .iter()
            .find(|op| op.needs_result && op.id.starts_with("get"))
            .map(|op| (o, op))
    }) else {
        return out;
    };
    let m = o.section.module;
    let _ = writeln!(
        out,
        "#[tokio::test]\nasync fn a_read_without_its_result_or_saying_error_fails() {{\n    let op = {:?};",
        op.id
    );
    let args = call_args(&mut out, op, m).join(", ");
    let _ = writeln!(
        out,
        "    let server = full_spec().serve(op, json!({{\"status\": \"OK\"}})).await;\n    \
         let err = client(&server).{m}().{name}({args}).await.unwrap_err();\n    \
         assert!(matches!(err, yandex_market_api::Error::Decode {{ .. }}), \"{{err:?}}\");\n    \
         let server = full_spec().serve(op, json!({{\"status\": \"ERROR\", \"errors\": [{{\"code\": \"BAD_REQUEST\", \"message\": \"no\"}}]}})).await;\n    \
         let err = client(&server).{m}().{name}({args}).await.unwrap_err();\n    \
         assert!(err.to_string().contains(\"BAD_REQUEST\"), \"{{err}}\");\n}}\n",
        name = op.name
    );
    out
}

fn render_tests(section: Section, ops: &[Op]) -> String {
    let m = section.module;
    let mut out = String::new();
    for op in ops {
        let id = &op.id;
        if let Some(t) = &op.response {
            let _ = writeln!(
                out,
                "#[test]\nfn {}_responses_decode() {{\n    full_spec().assert_responses_decode::<{}>({id:?});\n}}\n",
                op.name,
                qualified(t, m)
            );
        }
        let _ = writeln!(
            out,
            "#[tokio::test]\nasync fn {}_request_matches_spec() {{",
            op.name
        );
        let _ = writeln!(out, "    let op = {id:?};");
        if op.response.is_some() {
            let _ = writeln!(
                out,
                "    let answer = full_spec().maximal(full_spec().response_schema(op));\n    \
                 let server = full_spec().serve(op, answer.clone()).await;"
            );
        } else {
            let _ = writeln!(
                out,
                "    let server = full_spec().serve(op, json!({{}})).await;"
            );
        }
        let args = call_args(&mut out, op, m);
        let _ = writeln!(
            out,
            "    {}client(&server).{m}().{}({}).await.unwrap();",
            if op.response.is_some() || op.file {
                "let got = "
            } else {
                ""
            },
            op.name,
            args.join(", ")
        );
        if op.response.is_some() {
            let _ = writeln!(
                out,
                "    assert_eq!(serde_json::to_value(got).unwrap(), without_nulls(answer), \"{{op}}: the answer written back\");"
            );
        }
        if op.file {
            let _ = writeln!(out, "    assert_eq!(got.as_ref(), b\"{{}}\");");
        }
        let _ = writeln!(
            out,
            "    full_spec().assert_requests_match_spec(&server, op, &[(\"api-key\", API_KEY)]).await;\n}}\n"
        );
    }
    out
}

fn render_limits(ops: &[&Op]) -> String {
    let mut out = super::header("yandex-market");
    out.push_str(
        "//!\n//! The quotas of the generated operations, from each one's `x-resource-limit-config`:\n\
         //! [`crate::limits::limit`] reads them after the hand-written table.\n\n\
         use crate::limits::{Counts, OperationLimit, Quota};\n\n\
         /// The generated quotas, in `operationId` order.\n\
         pub const GENERATED_LIMITS: &[OperationLimit] = &[\n",
    );
    let mut sorted: Vec<&&Op> = ops.iter().collect();
    sorted.sort_by(|a, b| a.id.cmp(&b.id));
    let q = |q: &Quota| format!("Quota {{ amount: {}, seconds: {} }}", q.amount, q.seconds);
    for op in sorted {
        let counts = if op.limit.path == "resp" {
            "Counts::Requests".to_owned()
        } else {
            format!("Counts::Items({:?})", op.limit.path)
        };
        let parallel = op
            .limit
            .parallel
            .map_or("None".to_owned(), |p| format!("Some({p})"));
        let _ = writeln!(
            out,
            "    OperationLimit {{ operation: {:?}, counts: {counts}, none: {}, medium: {}, parallel: {parallel} }},",
            op.id,
            q(&op.limit.none),
            q(&op.limit.medium)
        );
    }
    out.push_str("];\n");
    out
}

fn render_mod(outs: &[SectionOut], unsectioned: &[String]) -> String {
    let mut out = super::header("yandex-market");
    out.push_str(&super::doc(
        "//!",
        "\nGenerated from Yandex Market's spec snapshot (`spec/openapi.json`) by `cargo xtask \
         gen yandex-market`: for each operation the crate does not declare by hand \
         ([`crate::api::OPERATIONS`]), its wire models, its [`Operation`] (limit group: its \
         `operationId`, quota in [`limits`]) and a method on the section's accessor. The naming \
         and money rules are in the repository's DESIGN.md (\"Generated code\").",
    ));
    let skipped: Vec<&String> = outs
        .iter()
        .flat_map(|o| o.skipped.iter())
        .chain(unsectioned)
        .collect();
    if !skipped.is_empty() {
        out.push_str("//!\n//! Not generated:\n//!\n");
        for s in skipped {
            out.push_str(&super::doc("//!", &format!("- {s}")));
        }
    }
    out.push_str(
        "\nuse std::sync::LazyLock;\n\nuse market_core::transport::Operation;\n\npub mod limits;\n",
    );
    for o in outs {
        let _ = writeln!(out, "pub mod {};", o.section.module);
    }
    let _ = writeln!(out, "\n/// Every generated operation.");
    let _ = writeln!(
        out,
        "pub static OPERATIONS: LazyLock<Vec<&'static Operation>> = LazyLock::new(|| {{"
    );
    let _ = writeln!(out, "    let mut all = Vec::new();");
    for o in outs {
        let _ = writeln!(
            out,
            "    all.extend_from_slice({}::OPERATIONS);",
            o.section.module
        );
    }
    let _ = writeln!(out, "    all\n}});\n");
    let _ = writeln!(
        out,
        "/// The hand-written operations ([`crate::api::OPERATIONS`]) and the generated ones.\n\
         pub static ALL_OPERATIONS: LazyLock<Vec<&'static Operation>> = LazyLock::new(|| {{\n    \
         let mut all = crate::api::OPERATIONS.to_vec();\n    all.extend(OPERATIONS.iter().copied());\n    all\n}});"
    );
    out
}

fn render_test_file(outs: &[SectionOut]) -> String {
    let mut out = super::header("yandex-market");
    out.push_str(&super::doc(
        "//!",
        "\nContract tests of the generated operations, against the full snapshot \
         (`spec/openapi.json`): the spec's examples and maximal instances of each success \
         response decode strictly (under `strict`) and are written back unchanged, the request \
         each method sends matches the spec, and each operation's quota and retry class follow \
         the spec.",
    ));
    out.push_str(
        "#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]\n\n\
         use std::sync::OnceLock;\n\n\
         use crate::common::{API_KEY, client, decode};\n\
         use market_core::contract::harness::Spec;\n\
         use serde_json::{Value, json};\n\
         use yandex_market_api::limits::{self, Tier};\n",
    );
    let _ = writeln!(
        out,
        "use yandex_market_api::generated::{{{}}};\n",
        outs.iter()
            .map(|o| o.section.module)
            .collect::<Vec<_>>()
            .join(", ")
    );
    out.push_str(STATIC_TESTS);
    out.push_str(&render_result_rule_test(outs));
    for o in outs {
        out.push_str(&o.tests);
    }
    out
}

const STATIC_TESTS: &str = r#"
/// The full snapshot, read once, with Yandex Market's string formats in the built instances.
fn full_spec() -> &'static Spec {
    static SPEC: OnceLock<Spec> = OnceLock::new();
    SPEC.get_or_init(|| {
        Spec::load(concat!(env!("CARGO_MANIFEST_DIR"), "/spec/openapi.json")).with_formats(
            |format| match format {
                "time" => Some(json!("09:00")),
                "date-dd-MM-yyyy" => Some(json!("23-11-2026")),
                "date-dd-MM-yyyy-HH-mm-ss" => Some(json!("23-11-2026 10:15:30")),
                _ => None,
            },
        )
    })
}

/// The query parameters of `op` but the deprecated ones (the methods do not offer them), each
/// at the vendor's example, else its schema's maximal instance.
fn query_instance(op: &str) -> Value {
    let mut out = serde_json::Map::new();
    for p in full_spec().parameters(op) {
        if p["in"] == "query" && p["deprecated"] != true {
            let example = [&p["example"], &p["schema"]["example"]]
                .into_iter()
                .find(|e| !e.is_null())
                .cloned();
            out.insert(
                p["name"].as_str().unwrap().to_owned(),
                example.unwrap_or_else(|| full_spec().maximal(&p["schema"])),
            );
        }
    }
    Value::Object(out)
}

/// The request body of `op`: every field, at the vendor's example where it gives one, fitted
/// to the schema's bounds (the built instance's `"text"` and `7` ignore `minLength` and
/// `maximum`).
fn request_instance(op: &str) -> Value {
    let schema = full_spec().request_schema(op);
    if schema.is_object() {
        let mut v = full_spec().example_instance(schema);
        fit(schema, &mut v, 0);
        v
    } else {
        full_spec().request_example(op).unwrap_or_default()
    }
}

/// The schema a `$ref` points to.
fn resolved(schema: &Value) -> &Value {
    let mut s = schema;
    while let Some(r) = s["$ref"].as_str() {
        s = full_spec().docs()[0].pointer(r.trim_start_matches('#')).unwrap();
    }
    s
}

/// Pads strings to `minLength`, cuts them to `maxLength`, and moves numbers into
/// `minimum..=maximum`, at every level of `v`.
fn fit(schema: &Value, v: &mut Value, depth: usize) {
    let s = resolved(schema);
    if depth > 32 {
        return;
    }
    for part in s["allOf"].as_array().into_iter().flatten() {
        fit(part, v, depth + 1);
    }
    match v {
        Value::Object(map) => {
            for (k, child) in map.iter_mut() {
                if let Some(p) = s["properties"].get(k) {
                    fit(p, child, depth + 1);
                }
            }
        }
        Value::Array(items) => {
            for item in items {
                fit(&s["items"], item, depth + 1);
            }
        }
        Value::String(text) if s["enum"].is_null() => {
            let min = s["minLength"].as_u64().unwrap_or(0) as usize;
            while text.chars().count() < min {
                text.push('x');
            }
            if let Some(max) = s["maxLength"].as_u64() {
                *text = text.chars().take(max as usize).collect();
            }
        }
        Value::Number(n) => {
            let mut x = n.as_f64().unwrap();
            if let Some(max) = s["maximum"].as_f64() {
                x = x.min(max);
            }
            if let Some(min) = s["minimum"].as_f64() {
                x = x.max(min);
            }
            if x != n.as_f64().unwrap() {
                *v = if s["type"] == "integer" { json!(x as i64) } else { json!(x) };
            }
        }
        _ => {}
    }
}

/// `v` with every RFC 3339 time in UTC (the models write `2020-02-02T11:30:30Z` for the
/// vendor's `2020-02-02T14:30:30+03:00`: the same instant).
fn instants(v: Value) -> Value {
    match v {
        Value::String(s) => match chrono::DateTime::parse_from_rfc3339(&s) {
            Ok(t) => Value::String(t.with_timezone(&chrono::Utc).to_rfc3339()),
            Err(_) => Value::String(s),
        },
        Value::Object(map) => Value::Object(map.into_iter().map(|(k, x)| (k, instants(x))).collect()),
        Value::Array(items) => Value::Array(items.into_iter().map(instants).collect()),
        other => other,
    }
}

/// `v` without its `null` members: to an `Option`, a `null` and an absent field are one
/// value (the maximal instance ends a schema holding itself with `null`).
fn without_nulls(v: Value) -> Value {
    match v {
        Value::Object(map) => Value::Object(
            map.into_iter()
                .filter(|(_, x)| !x.is_null())
                .map(|(k, x)| (k, without_nulls(x)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.into_iter().map(without_nulls).collect()),
        other => other,
    }
}

fn seconds(q: &Value) -> u64 {
    let unit = match q["period"].as_str().unwrap() {
        "seconds" => 1,
        "minutes" => 60,
        "hours" => 3600,
        "days" => 86_400,
        other => panic!("unknown period {other}"),
    };
    q["period-duration"].as_u64().unwrap_or(1) * unit
}

#[test]
fn generated_operations_have_the_spec_quota_and_retry_class() {
    let mut problems = Vec::new();
    for op in yandex_market_api::generated::OPERATIONS.iter() {
        let id = op.limit_group;
        let (m, p) = full_spec().locate(id);
        if (op.method.as_str(), op.path) != (m, p) {
            problems.push(format!("{id}: {} {}, spec {m} {p}", op.method, op.path));
        }
        let config = &full_spec().operation(id)["x-resource-limit-config"];
        let row = limits::generated_table()
            .iter()
            .find(|l| l.operation == id)
            .unwrap_or_else(|| panic!("{id}: no generated quota"));
        for (tier, ours, key) in [(Tier::Base, row.none, "none"), (Tier::Medium, row.medium, "medium")] {
            let theirs = &config[key];
            if u64::from(ours.amount) != theirs["amount"].as_u64().unwrap()
                || ours.seconds != seconds(theirs)
            {
                problems.push(format!("{id} ({key}): ours {ours:?}, spec {theirs}"));
            }
            if limits::limit(id, tier).is_none() {
                problems.push(format!("{id}: limits::limit has no quota"));
            }
        }
        let counted = config["path"].as_str().unwrap_or("resp");
        let items = matches!(row.counts, limits::Counts::Items(p) if p == counted);
        if items == (counted == "resp") {
            problems.push(format!("{id}: counts {:?}, spec {counted}", row.counts));
        }
        if row.parallel.map(u64::from) != config["parallel-limit-value"].as_u64() {
            problems.push(format!("{id}: parallel {:?}", row.parallel));
        }
        let read = yandex_market_api::api::is_read_id(id);
        if read != op.idempotent {
            problems.push(format!("{id}: a read {read}, idempotent {}", op.idempotent));
        }
        if yandex_market_api::api::OPERATIONS.iter().any(|o| o.name == op.name || o.limit_group == id) {
            problems.push(format!("{id}: taken by a hand-written operation"));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(
        limits::generated_table().len(),
        yandex_market_api::generated::OPERATIONS.len()
    );
}

"#;

/// Generates every Yandex Market file: path relative to the repository root -> formatted
/// source.
///
/// # Errors
/// An unreadable snapshot or override file, or a generation error.
pub fn generate(root: &Path, hand: &HandWritten) -> Result<BTreeMap<PathBuf, String>, String> {
    let spec = root.join("yandex-market-api/spec/openapi.json");
    let overrides =
        match std::fs::read_to_string(root.join("yandex-market-api/spec/gen-overrides.txt")) {
            Ok(t) => Overrides::parse(&t)?,
            Err(_) => Overrides::default(),
        };
    let text =
        std::fs::read_to_string(&spec).map_err(|e| format!("reading {}: {e}", spec.display()))?;
    let doc: Value = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", spec.display()))?;
    let mut unsectioned = Vec::new();
    if let Some(paths) = doc["paths"].as_object() {
        for (path, item) in paths {
            for method in METHODS {
                let Some(op) = item.get(method).filter(|o| o.is_object()) else {
                    continue;
                };
                let upper = method.to_ascii_uppercase();
                if section_of(path).is_none()
                    && !hand
                        .operations
                        .contains_key(&format!("{upper} {}", super::path_key(path)))
                    && op["deprecated"] != Value::Bool(true)
                    && market_core::contract::lifecycle::operation_notice(&doc, op).is_none()
                {
                    unsectioned.push(format!("`{upper} {path}`: in no generated section yet"));
                }
            }
        }
    }
    let mut outs = Vec::new();
    for section in SECTIONS {
        outs.push(generate_section(&doc, *section, hand, &overrides)?);
    }
    let mut files = BTreeMap::new();
    let gen_dir = PathBuf::from("yandex-market-api/src/generated");
    for o in &outs {
        files.insert(
            gen_dir.join(format!("{}.rs", o.section.module)),
            o.source.clone(),
        );
    }
    let all: Vec<&Op> = outs.iter().flat_map(|o| o.ops.iter()).collect();
    let mut names = BTreeSet::new();
    for op in &all {
        if !names.insert(op.name.as_str()) {
            return Err(format!("two generated operations named {}", op.name));
        }
    }
    files.insert(gen_dir.join("limits.rs"), render_limits(&all));
    files.insert(gen_dir.join("mod.rs"), render_mod(&outs, &unsectioned));
    files.insert(
        PathBuf::from("yandex-market-api/tests/it/generated.rs"),
        render_test_file(&outs),
    );
    let mut formatted = BTreeMap::new();
    for (path, text) in files {
        let text = super::rustfmt(&text, root).map_err(|e| format!("{}: {e}", path.display()))?;
        formatted.insert(path, text);
    }
    Ok(formatted)
}
