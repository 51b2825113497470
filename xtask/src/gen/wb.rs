//! The WB generator: which sections, which host serves each server URL, which fields are
//! money, and the files it writes (`wb-api/src/generated/`, `wb-api/tests/it/generated.rs`).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::schema::{Field, Registry, Ty, deref};
use super::{naming, path_arg_type};

/// One generated section: a document of the snapshot and its module.
#[derive(Debug, Clone, Copy)]
pub struct Section {
    /// The document's file stem in `wb-api/spec/<date>/`.
    pub file: &'static str,
    /// The module under `wb_api::generated` and the accessor method on `Client`.
    pub module: &'static str,
    /// The accessor type.
    pub api: &'static str,
    /// What the section holds (module and accessor docs).
    pub title: &'static str,
}

/// The sections generated today.
pub const SECTIONS: &[Section] = &[
    Section {
        file: "wb-tariffs",
        module: "tariffs",
        api: "TariffsApi",
        title: "WB's tariffs: commissions, box, pallet and return rates, acceptance coefficients",
    },
    Section {
        file: "financial-reports-and-accounting",
        module: "finance",
        api: "FinanceApi",
        title: "Finance and documents: the balance, sales and acquiring reports, accounting documents",
    },
    Section {
        file: "reports",
        module: "reports",
        api: "ReportsApi",
        title: "Reports: deductions, paid storage, acceptance, warehouse remains, brand share, region sales, returns, labelling",
    },
    Section {
        file: "analytics",
        module: "seller_analytics",
        api: "SellerAnalyticsApi",
        title: "Seller analytics: sales funnel, search report, stock reports, order feed, item rating, nm-report downloads",
    },
    Section {
        file: "orders-fbw",
        module: "fbw",
        api: "FbwApi",
        title: "FBW supplies: acceptance options, supplies and their goods and packages, transit tariffs, WB warehouses",
    },
    Section {
        file: "orders-fbs",
        module: "fbs",
        api: "FbsApi",
        title: "FBS: the order and supply methods beyond the hand-written ones (passes, boxes, labels, statuses)",
    },
    Section {
        file: "orders-dbs",
        module: "dbs",
        api: "DbsApi",
        title: "DBS: orders the seller delivers, their statuses, labels and metadata",
    },
    Section {
        file: "orders-dbw",
        module: "dbw",
        api: "DbwApi",
        title: "DBW: orders delivered by WB from the seller's warehouse, their statuses and metadata",
    },
    Section {
        file: "in-store-pickup",
        module: "pickup",
        api: "PickupApi",
        title: "In-store pickup: orders buyers collect at the seller's store",
    },
    Section {
        file: "work-with-products",
        module: "products",
        api: "ProductsApi",
        title: "Products: the card, price, stock and warehouse methods beyond the hand-written ones",
    },
    Section {
        file: "user-communication",
        module: "communication",
        api: "CommunicationApi",
        title: "Communication: feedbacks, questions, buyer chats and the claims beyond the hand-written ones",
    },
    Section {
        file: "promotion",
        module: "promotion",
        api: "PromotionApi",
        title: "Promotion: advertising campaigns, their budgets and statistics, the promotions calendar",
    },
    Section {
        file: "api-information",
        module: "general",
        api: "GeneralApi",
        title: "General: seller info, rating, subscriptions, news, users and their access, ping",
    },
];

/// The `wb_api::Host` of each server URL the spec gives.
pub const HOSTS: &[(&str, &str)] = &[
    ("https://content-api.wildberries.ru", "Content"),
    ("https://discounts-prices-api.wildberries.ru", "Prices"),
    ("https://marketplace-api.wildberries.ru", "Marketplace"),
    ("https://returns-api.wildberries.ru", "Returns"),
    ("https://statistics-api.wildberries.ru", "Statistics"),
    ("https://seller-analytics-api.wildberries.ru", "Analytics"),
    ("https://common-api.wildberries.ru", "Common"),
    ("https://finance-api.wildberries.ru", "Finance"),
    ("https://documents-api.wildberries.ru", "Documents"),
    ("https://feedbacks-api.wildberries.ru", "Feedbacks"),
    (
        "https://user-management-api.wildberries.ru",
        "UserManagement",
    ),
    ("https://supplies-api.wildberries.ru", "Supplies"),
    ("https://advert-api.wildberries.ru", "Advert"),
    ("https://advert-media-api.wildberries.ru", "AdvertMedia"),
    ("https://dp-calendar-api.wildberries.ru", "Calendar"),
    ("https://buyer-chat-api.wildberries.ru", "BuyerChat"),
];

/// WB's money rule, one table: a field is money (`rust_decimal::Decimal`) when it is in
/// [`MONEY_FIELDS`], or its wire name, lower-cased without `_`, contains one of
/// [`MONEY_PARTS`] and none of [`NOT_MONEY_PARTS`] and is not in [`NOT_MONEY_FIELDS`]; and
/// its wire type is a number, or a string whose spec example is a number (WB's finance
/// reports send amounts as `"376.99"`; a string without a numeric example stays a string: the
/// tariffs' `"1 039"`, `"11,2"` are display texts).
pub const MONEY_PARTS: &[&str] = &[
    "price",
    "amount",
    "sum",
    "commission",
    "penalty",
    "deduction",
    "payment",
    "reward",
    "fee",
    "forpay",
    "cost",
    "paidstorage",
    "paidacceptance",
    "deliveryservice",
    "balance",
    "cashback",
    "vw",
    "vat",
    "ppvz",
    "retail",
];

/// Name parts that make a matching field a share, a count or a text, not money.
pub const NOT_MONEY_PARTS: &[&str] = &[
    "perc",
    "prc",
    "rate",
    "coef",
    "count",
    "kgvp",
    "kvw",
    "schedule",
    "processing",
    "bank",
    "name",
    "inn",
    "officeid",
    "discount",
    "date",
    "type",
    "dynamic",
];

/// Fields whose name matches but that WB documents as counts (`deliveryAmount`: deliveries,
/// `returnAmount`: returns, `supplierBoxAmount`: boxes).
pub const NOT_MONEY_FIELDS: &[&str] = &["deliveryAmount", "returnAmount", "supplierBoxAmount"];

/// Money fields by section and exact wire name, where the name alone says nothing (the
/// balance's `current` and `for_withdraw`; analytics' `current` is a count).
pub const MONEY_FIELDS: &[(&str, &str)] = &[
    ("financial-reports-and-accounting", "current"),
    ("financial-reports-and-accounting", "for_withdraw"),
];

/// The money rule (see [`MONEY_PARTS`]): `section` is the document's file stem.
pub fn is_money(section: &str, wire: &str, schema: &Value) -> bool {
    let lower = wire.to_ascii_lowercase().replace('_', "");
    let listed = MONEY_FIELDS.contains(&(section, wire));
    if !listed
        && (NOT_MONEY_FIELDS.contains(&wire)
            || !MONEY_PARTS.iter().any(|p| lower.contains(p))
            || NOT_MONEY_PARTS.iter().any(|p| lower.contains(p)))
    {
        return false;
    }
    match schema.get("type").and_then(Value::as_str) {
        Some("number" | "integer") => true,
        Some("string") => {
            schema.get("format").is_none()
                && schema
                    .get("example")
                    .and_then(Value::as_str)
                    .is_some_and(|e| !e.is_empty() && e.trim().parse::<f64>().is_ok())
        }
        _ => false,
    }
}

pub use super::{HandWritten, Overrides, path_key, qualified};

/// One row of WB's limit table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    /// Requests per period.
    pub count: u32,
    /// The period in seconds.
    pub seconds: u64,
    /// The burst (1 where the spec gives none).
    pub burst: u32,
}

/// A generated limit group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// Its name.
    pub name: String,
    /// Personal, service, base-with-secret row.
    pub full: Row,
    /// The base token's row where it differs.
    pub base: Option<Row>,
    /// What a 4XX costs.
    pub four_xx_cost: u32,
    /// A group of the hand-written table (a scope shared with hand-written operations): no
    /// generated row.
    pub hand: bool,
}

/// A parameter of an operation.
#[derive(Debug, Clone)]
struct Param {
    wire: String,
    rust: String,
    ty: Ty,
    required: bool,
    example: Value,
}

/// One generated operation.
#[derive(Debug, Clone)]
pub struct Op {
    /// Upper-case method.
    pub method: String,
    /// The path template.
    pub path: String,
    /// snake_case name.
    pub name: String,
    /// The `Host` variant.
    pub host: String,
    /// `x-readonly-method`.
    pub readonly: bool,
    /// Its limit group.
    pub group: Group,
    path_params: Vec<Param>,
    query: Option<(String, Vec<Param>)>,
    body: Option<Ty>,
    response: Option<Ty>,
    no_content: bool,
    /// The success answer is a file (not JSON): the method returns its bytes.
    file: bool,
}

impl Op {
    fn key(&self) -> String {
        format!("{} {}", self.method, self.path)
    }

    fn upper(&self) -> String {
        self.name.to_uppercase()
    }
}

/// The generated source of one section (unformatted).
#[derive(Debug, Clone)]
pub struct SectionOut {
    /// The section.
    pub section: Section,
    /// Its operations.
    pub ops: Vec<Op>,
    /// The module's source.
    pub source: String,
    /// Its contract tests (functions for `tests/it/generated.rs`).
    pub tests: String,
    /// Wire names of its string fields read as money.
    pub money_strings: Vec<String>,
    /// The operations it leaves out, with the reason.
    pub skipped: Vec<String>,
}

fn parse_count(v: &Value) -> Result<u32, String> {
    v.as_str()
        .and_then(|s| s.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| format!("bad limit count {v}"))
}

fn parse_period(v: &Value) -> Result<u64, String> {
    let text = v.as_str().ok_or_else(|| format!("bad period {v}"))?;
    let mut it = text.split_whitespace();
    let n: u64 = it
        .next()
        .and_then(|n| n.parse().ok())
        .ok_or_else(|| format!("bad period {text}"))?;
    let unit = match it.next() {
        Some("s" | "sec") => 1,
        Some("min") => 60,
        Some("h" | "hour" | "hours") => 3600,
        Some("day" | "days") => 86_400,
        _ => return Err(format!("bad period {text}")),
    };
    Ok(n * unit)
}

fn row(v: &Value) -> Result<Row, String> {
    Ok(Row {
        count: parse_count(&v["limit"])?,
        seconds: parse_period(&v["period"])?,
        burst: if v["burst"].is_null() {
            1
        } else {
            parse_count(&v["burst"])?
        },
    })
}

/// The limit group of an operation from its `x-wb-rate-limits`: a group of its own (named as
/// the operation) unless the scope is shared, then named after the first operation of it.
/// The scope text of an operation's `x-wb-rate-limits` when it is shared by several
/// operations ("... for all methods in the Marketplace category"), `None` for a limit of its
/// own.
fn shared_scope(op: &Value) -> Option<String> {
    let scope = op["x-wb-rate-limits"]["scope"]
        .as_str()
        .unwrap_or_default()
        .trim();
    let own = scope == "Request limit per one seller account:" || scope.starts_with("Non-tabular");
    (!own).then(|| scope.to_owned())
}

/// The limit group of an operation: a group of its own (named as the operation), or for a
/// shared scope the group of the scope (a hand-written one, or the first generated
/// operation's), unless the operation's rows differ from the group's (WB gives some methods
/// of one scope different rows).
fn group(op: &Value, name: &str, shared: &mut BTreeMap<String, Group>) -> Result<Group, String> {
    let own = rows_of(op, name, name)?;
    if let Some(scope) = shared_scope(op) {
        match shared.get(&scope) {
            Some(g)
                if (g.full, g.base, g.four_xx_cost) == (own.full, own.base, own.four_xx_cost) =>
            {
                return Ok(g.clone());
            }
            Some(_) => {}
            None => {
                shared.insert(scope, own.clone());
            }
        }
    }
    Ok(own)
}

fn rows_of(op: &Value, name: &str, group_name: &str) -> Result<Group, String> {
    let limits = &op["x-wb-rate-limits"];
    let rows = limits["limits"]
        .as_array()
        .ok_or_else(|| format!("{name}: no x-wb-rate-limits"))?;
    let of = |t: &str| -> Result<Option<Row>, String> {
        rows.iter()
            .find(|r| r["type"] == t)
            .or_else(|| {
                rows.iter()
                    .find(|r| r.get("type").is_none_or(Value::is_null))
            })
            .map(row)
            .transpose()
    };
    let full = of("Personal")?.ok_or_else(|| format!("{name}: no personal limit"))?;
    for t in ["Service", "Base with secret"] {
        if of(t)? != Some(full) {
            return Err(format!("{name}: the {t} row differs from the personal one"));
        }
    }
    let base = of("Base")?.filter(|b| *b != full);
    Ok(Group {
        name: group_name.to_owned(),
        full,
        base,
        four_xx_cost: op["x-market-4xx-cost"].as_u64().map_or(1, |c| c as u32),
        hand: false,
    })
}

/// Generates one section from its document, leaving the hand-written operations alone.
///
/// # Errors
/// A name clash, an unknown server URL, a limit table the generator cannot read.
pub fn generate_section(
    doc: &Value,
    section: Section,
    hand: &HandWritten,
    overrides: &Overrides,
    shared: &mut BTreeMap<String, Group>,
) -> Result<SectionOut, String> {
    let types: BTreeMap<String, String> = overrides
        .types
        .iter()
        .filter(|((s, _), _)| s == section.file)
        .map(|((_, spec), rust)| (spec.clone(), rust.clone()))
        .collect();
    let mut reg = Registry::new(doc, section.file, is_money, types);
    let mut ops = Vec::new();
    let mut skipped = Vec::new();
    let empty = serde_json::Map::new();
    let paths = doc["paths"].as_object().unwrap_or(&empty);
    // How many operations of the section the rule gives each name.
    let mut rule_names: BTreeMap<String, usize> = BTreeMap::new();
    for (path, item) in paths {
        for method in ["get", "post", "put", "patch", "delete"] {
            let Some(op) = item.get(method).filter(|o| o.is_object()) else {
                continue;
            };
            let upper = method.to_ascii_uppercase();
            if hand
                .operations
                .contains_key(&format!("{upper} {}", path_key(path)))
                || overrides.ops.contains_key(&format!("{upper} {path}"))
            {
                continue;
            }
            let readonly = op["x-readonly-method"].as_bool().unwrap_or(upper == "GET");
            *rule_names
                .entry(naming::operation(&upper, path, readonly))
                .or_default() += 1;
        }
    }
    for (path, item) in paths {
        for method in ["get", "post", "put", "patch", "delete"] {
            let Some(op) = item.get(method).filter(|o| o.is_object()) else {
                continue;
            };
            let upper = method.to_ascii_uppercase();
            if hand
                .operations
                .contains_key(&format!("{upper} {}", path_key(path)))
                || op["deprecated"] == Value::Bool(true)
                || market_core::contract::lifecycle::operation_notice(doc, op).is_some()
            {
                // Hand-written, deprecated or announced off (the coverage report's "retired").
                continue;
            }
            let key = format!("{upper} {path}");
            if let Some(reason) = overrides.skip.get(&key) {
                skipped.push(format!("`{key}`: {reason}"));
                continue;
            }
            let request_body = deref(doc, &op["requestBody"]);
            // A body that is not JSON (a multipart upload) is left to hand-written code.
            if request_body["content"]
                .as_object()
                .is_some_and(|c| !c.is_empty() && !c.contains_key("application/json"))
            {
                skipped.push(format!("`{key}`: a non-JSON request body"));
                continue;
            }
            let readonly = op["x-readonly-method"].as_bool().unwrap_or(upper == "GET");
            let name = match overrides.ops.get(&key) {
                Some(n) => n.clone(),
                None => {
                    let rule = naming::operation(&upper, path, readonly);
                    // Two operations of the section that differ only by their version
                    // (`/adv/v0/normquery/stats`, `/adv/v1/normquery/stats`) get `_v<N>`.
                    if rule_names.get(&rule).copied().unwrap_or(0) > 1
                        && let Some(v) = path.split('/').find(|seg| naming::is_version(seg))
                    {
                        format!("{rule}_{v}")
                    } else {
                        rule
                    }
                }
            };
            let camel = naming::camel(&name);
            let server = op["servers"][0]["url"]
                .as_str()
                .or_else(|| item["servers"][0]["url"].as_str())
                .or_else(|| doc["servers"][0]["url"].as_str())
                .ok_or_else(|| format!("{key}: no server"))?;
            let host = HOSTS
                .iter()
                .find(|(u, _)| *u == server.trim_end_matches('/'))
                .map(|(_, h)| (*h).to_owned())
                .ok_or_else(|| {
                    format!("{key}: no Host for {server} (add it to HOSTS and wb_api::Host)")
                })?;
            let group = match group(op, &name, shared) {
                Ok(g) => g,
                // `limits::GroupLimit` holds one row for personal, service and base-with-secret
                // tokens.
                Err(e) if e.contains("differs from the personal one") => {
                    skipped.push(format!(
                        "`{key}`: a base-with-secret or service limit of its own"
                    ));
                    continue;
                }
                Err(e) => return Err(e),
            };
            if !group.hand && hand.groups.contains(&group.name) {
                return Err(format!(
                    "{key}: the limit group {} is a hand-written one (name the operation in the \
                     override file)",
                    group.name
                ));
            }
            // Parameters: the path item's and the operation's, the operation's winning.
            let mut params: BTreeMap<(String, String), Value> = BTreeMap::new();
            for p in item["parameters"]
                .as_array()
                .into_iter()
                .flatten()
                .chain(op["parameters"].as_array().into_iter().flatten())
            {
                let p = deref(doc, p).clone();
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
                    "query" => query.push(param),
                    _ => {}
                }
            }
            // Path parameters in the path's order.
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
            let no_content = responses.get("204").is_some() && response.is_some();
            let file = response.is_none()
                && success.is_some_and(|c| {
                    deref(doc, &responses[c])["content"]
                        .as_object()
                        .is_some_and(|m| !m.is_empty())
                });
            ops.push(Op {
                method: upper,
                path: path.clone(),
                name,
                host,
                readonly,
                group,
                path_params,
                query,
                body,
                response,
                no_content,
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
                section.file, op.name
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
        money_strings: reg.money_strings.iter().cloned().collect(),
        skipped,
    })
}

fn render_module(section: Section, ops: &[Op], reg: &Registry<'_>) -> String {
    let mut out = super::header("wb");
    out.push_str(&super::doc(
        "//!",
        &format!(
            "\n{}: the operations of WB's `{}` document the crate does not declare by hand, \
             with their wire models; the methods are on `client.{}()`.",
            section.title, section.file, section.module
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
    uses.push("use crate::{Client, Host};".into());
    for u in uses {
        let _ = writeln!(out, "{u}");
    }
    let _ = writeln!(out);
    for op in ops {
        let what = if op.readonly { "a read" } else { "a write" };
        let _ = writeln!(out, "/// `{} {}`: {what}.", op.method, op.path);
        let ctor = op.method.to_ascii_lowercase();
        let _ = write!(
            out,
            "pub static {}: Operation = Operation::{ctor}({:?}, {:?}).in_group({:?})",
            op.upper(),
            op.name,
            op.path,
            op.group.name
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
    let ret = match (&op.response, op.no_content) {
        (Some(t), true) => format!("Option<{}>", t.rust()),
        (Some(t), false) => t.rust(),
        (None, _) if op.file => "bytes::Bytes".into(),
        (None, _) => "()".into(),
    };
    out.push_str(&super::doc(
        "    ///",
        &format!("`{} {}` ([`{}`]).", op.method, op.path, op.upper()),
    ));
    if op.no_content {
        let _ = writeln!(
            out,
            "    ///\n    /// `None` when WB answers 204 (no data)."
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
                let _ = writeln!(
                    out,
                    "        request = request.query({:?}, {});",
                    p.wire,
                    value(&format!(
                        "{}query.{}",
                        if matches!(
                            p.ty,
                            Ty::I64
                                | Ty::U64
                                | Ty::F64
                                | Ty::Bool
                                | Ty::Date
                                | Ty::Decimal(_)
                                | Ty::Vec(_)
                        ) {
                            ""
                        } else {
                            "&"
                        },
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
    let transport = format!("self.client.transport(Host::{})", op.host);
    match (&op.response, op.no_content) {
        (Some(_), false) => {
            let _ = writeln!(out, "        {transport}.json(request).await");
        }
        (Some(_), true) => {
            let _ = writeln!(
                out,
                "        let transport = {transport};\n        let response = transport.send(request).await?;\n        \
                 if response.status == http::StatusCode::NO_CONTENT {{\n            return Ok(None);\n        }}\n        \
                 transport.decode(&{}, &response.body).map(Some)",
                op.upper()
            );
        }
        (None, _) if op.file => {
            let _ = writeln!(
                out,
                "        {transport}.send(request).await.map(|r| r.body)"
            );
        }
        (None, _) => {
            let _ = writeln!(out, "        {transport}.send(request).await.map(|_| ())");
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

fn render_tests(section: Section, ops: &[Op]) -> String {
    let m = section.module;
    let mut out = String::new();
    for op in ops {
        let key = op.key();
        if let Some(t) = &op.response {
            let _ = writeln!(
                out,
                "#[test]\nfn {}_responses_decode() {{\n    money_spec().assert_responses_decode::<{}>({key:?});\n}}\n",
                op.name,
                qualified(t, m)
            );
        }
        let _ = writeln!(
            out,
            "#[tokio::test]\nasync fn {}_request_matches_spec() {{",
            op.name
        );
        let _ = writeln!(out, "    let op = {key:?};");
        if op.response.is_some() {
            let _ = writeln!(
                out,
                "    let answer = data_answer(money_spec().maximal(money_spec().response_schema(op)));\n    \
                 let server = spec().serve(op, answer.clone()).await;"
            );
        } else {
            let _ = writeln!(out, "    let server = spec().serve(op, json!({{}})).await;");
        }
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
                "    let body: {} = decode(op, \"maximal request\", &request_instance(op));",
                qualified(b, m)
            );
            args.push("&body".into());
        }
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
            // The answer read and written back is the answer sent: no field lost or renamed.
            let got = if op.no_content { "got.unwrap()" } else { "got" };
            let _ = writeln!(
                out,
                "    assert_eq!(serde_json::to_value({got}).unwrap(), answer, \"{{op}}: the answer written back\");"
            );
        }
        if op.file {
            let _ = writeln!(out, "    assert_eq!(got.as_ref(), b\"{{}}\");");
        }
        let _ = writeln!(
            out,
            "    assert_requests_match_spec(&server, op).await;\n}}\n"
        );
    }
    out
}

fn render_limits(ops: &[&Op]) -> String {
    let mut out = super::header("wb");
    out.push_str(
        "//!\n//! The limit groups of the generated operations, from each one's `x-wb-rate-limits`:\n\
         //! [`crate::limits::group`] reads them after the hand-written table.\n\n\
         use crate::limits::{GroupLimit, Row};\n\n\
         /// The generated groups, in name order.\npub const GENERATED_GROUPS: &[GroupLimit] = &[\n",
    );
    let mut groups: BTreeMap<&str, &Group> = BTreeMap::new();
    for op in ops.iter().filter(|o| !o.group.hand) {
        groups.entry(op.group.name.as_str()).or_insert(&op.group);
    }
    let row = |r: &Row| {
        format!(
            "Row {{ count: {}, seconds: {}, burst: {} }}",
            r.count, r.seconds, r.burst
        )
    };
    for g in groups.values() {
        let base = g
            .base
            .as_ref()
            .map_or("None".to_owned(), |b| format!("Some({})", row(b)));
        let _ = writeln!(
            out,
            "    GroupLimit {{ group: {:?}, full: {}, base: {base}, four_xx_cost: {} }},",
            g.name,
            row(&g.full),
            g.four_xx_cost
        );
    }
    out.push_str("];\n");
    out
}

fn render_mod(outs: &[SectionOut]) -> String {
    let mut out = super::header("wb");
    out.push_str(&super::doc(
        "//!",
        "\nGenerated from WB's spec snapshot by `cargo xtask gen wb`: for each operation of the \
         generated sections that the crate does not declare by hand ([`crate::api::OPERATIONS`]), \
         its wire models, its [`Operation`] and a method on the section's accessor. The naming \
         and money rules are in the repository's DESIGN.md (\"Generated code\").",
    ));
    let skipped: Vec<&String> = outs.iter().flat_map(|o| o.skipped.iter()).collect();
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
    let mut out = super::header("wb");
    out.push_str(&super::doc(
        "//!",
        "\nContract tests of the generated operations: the spec's examples and maximal \
         instances of each success response decode strictly (under `strict`) and are written \
         back unchanged, the request each method sends matches the spec, and each operation's \
         limit, retry class and host follow the spec.",
    ));
    out.push_str(
        "#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]\n\n\
         use std::sync::OnceLock;\n\n\
         use crate::common::*;\nuse market_core::contract::harness::{self, Spec};\n\
         use market_core::transport::RateLimit;\nuse serde_json::{Value, json};\n\
         use wb_api::Host;\nuse wb_api::limits::{self, TokenType};\n",
    );
    let _ = writeln!(
        out,
        "use wb_api::generated::{{{}}};\n",
        outs.iter()
            .map(|o| o.section.module)
            .collect::<Vec<_>>()
            .join(", ")
    );
    out.push_str(STATIC_TESTS);
    out.push_str("const HOSTS: &[(&str, Host)] = &[\n");
    for o in outs {
        for op in &o.ops {
            let _ = writeln!(out, "    ({:?}, Host::{}),", op.key(), op.host);
        }
    }
    out.push_str("];\n\n");
    out.push_str(
        "/// String fields the generated models read as money (section, wire name): their maximal\n\
         /// instance is a number in a string, as WB sends them (`\"376.99\"`).\n\
         const MONEY_STRINGS: &[(&str, &str)] = &[\n",
    );
    for o in outs {
        for m in &o.money_strings {
            let _ = writeln!(out, "    ({:?}, {m:?}),", o.section.file);
        }
    }
    out.push_str("];\n\n");
    for o in outs {
        out.push_str(&o.tests);
    }
    out
}

const STATIC_TESTS: &str = r#"
/// The snapshot as [`spec`] reads it, with the string fields the models read as money given
/// `format: decimal` (so that their maximal instance is `"12.5"`, not `"text"`).
fn money_spec() -> &'static Spec {
    static SPEC: OnceLock<Spec> = OnceLock::new();
    SPEC.get_or_init(|| {
        let mut sections =
            harness::read_sections(concat!(env!("CARGO_MANIFEST_DIR"), "/spec/2026-08"));
        for (section, doc) in &mut sections {
            let names: Vec<&str> = MONEY_STRINGS
                .iter()
                .filter(|(s, _)| s == section)
                .map(|(_, n)| *n)
                .collect();
            mark_money(doc, &names);
        }
        Spec::sections(sections)
    })
}

fn mark_money(v: &mut Value, names: &[&str]) {
    match v {
        Value::Object(map) => {
            if let Some(Value::Object(props)) = map.get_mut("properties") {
                for (name, prop) in props.iter_mut() {
                    if names.contains(&name.as_str())
                        && prop["type"] == "string"
                        && prop.get("format").is_none()
                    {
                        prop["format"] = json!("decimal");
                    }
                }
            }
            for child in map.values_mut() {
                mark_money(child, names);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|i| mark_money(i, names)),
        _ => {}
    }
}

/// A maximal answer as WB sends data: the maximal instance fills every boolean with `true`,
/// and a top-level `error: true` (the envelope flag of the feedback and questions sections)
/// would make it WB's error shape, which the client rightly refuses.
pub(crate) fn data_answer(mut answer: Value) -> Value {
    if let Some(flag) = answer.get_mut("error").filter(|f| f.is_boolean()) {
        *flag = Value::Bool(false);
    }
    answer
}

/// The query parameters of `op`, each at the vendor's example, else its schema's maximal
/// instance.
fn query_instance(op: &str) -> Value {
    let mut out = serde_json::Map::new();
    for p in spec().parameters(op) {
        if p["in"] == "query" {
            let example = [&p["example"], &p["schema"]["example"]]
                .into_iter()
                .find(|e| !e.is_null())
                .cloned();
            out.insert(
                p["name"].as_str().unwrap().to_owned(),
                example.unwrap_or_else(|| spec().maximal(&p["schema"])),
            );
        }
    }
    Value::Object(out)
}

/// The request body of `op`: every field, at the vendor's example where it gives one (its
/// bounds hold), else the maximal instance's value; the spec's whole-body example where it
/// gives no schema.
fn request_instance(op: &str) -> Value {
    let schema = spec().request_schema(op);
    if schema.is_object() {
        spec().example_instance(schema)
    } else {
        spec().request_example(op).unwrap_or_default()
    }
}

fn count(v: &Value) -> u32 {
    v.as_str().map_or(1, |s| s.split_whitespace().next().unwrap().parse().unwrap())
}

fn period(v: &Value) -> std::time::Duration {
    let text = v.as_str().unwrap();
    let mut it = text.split_whitespace();
    let n: u64 = it.next().unwrap().parse().unwrap();
    let unit = match it.next().unwrap() {
        "s" | "sec" => 1,
        "min" => 60,
        "h" | "hour" | "hours" => 3600,
        "day" | "days" => 86_400,
        other => panic!("unknown unit {other} in {text:?}"),
    };
    std::time::Duration::from_secs(n * unit)
}

#[test]
fn generated_operations_have_the_spec_limit_retry_class_and_host() {
    let mut problems = Vec::new();
    for op in wb_api::generated::OPERATIONS.iter() {
        let name = format!("{} {}", op.method, op.path);
        let spec_op = spec().operation(&name);
        let rows = spec_op["x-wb-rate-limits"]["limits"].as_array().unwrap();
        for token in TokenType::ALL {
            let row = rows
                .iter()
                .find(|r| r["type"] == token.spec_row())
                .or_else(|| rows.iter().find(|r| r.get("type").is_none()))
                .unwrap();
            let theirs = RateLimit::per(count(&row["limit"]), period(&row["period"]))
                .with_burst(count(&row["burst"]));
            let ours = limits::limit(op.limit_group, token);
            if ours != Some(theirs) {
                problems.push(format!("{name} ({token:?}): ours {ours:?}, spec {theirs:?}"));
            }
        }
        let readonly = spec_op["x-readonly-method"]
            .as_bool()
            .unwrap_or(op.method == http::Method::GET);
        if readonly != op.idempotent {
            problems.push(format!("{name}: x-readonly-method {readonly}, idempotent {}", op.idempotent));
        }
        let cost = spec_op["x-market-4xx-cost"].as_u64().unwrap_or(1) as u32;
        if limits::group(op.limit_group).unwrap().four_xx_cost != cost {
            problems.push(format!("{name}: 4XX cost"));
        }
        let host = HOSTS.iter().find(|(k, _)| *k == name).map(|(_, h)| *h).unwrap();
        if spec().server(&name) != host.production_url() {
            problems.push(format!("{name}: host {host:?}, spec {}", spec().server(&name)));
        }
        if wb_api::api::OPERATIONS.iter().any(|o| o.name == op.name) {
            problems.push(format!("{name}: name {} taken by a hand-written operation", op.name));
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
    assert_eq!(HOSTS.len(), wb_api::generated::OPERATIONS.len());
}

"#;

/// The shared scopes of the hand-written operations, each with its hand-written group (the
/// first operation of a scope in document and path order names it).
///
/// # Errors
/// A limit table the generator cannot read.
pub fn hand_scopes(
    docs: &BTreeMap<String, Value>,
    hand: &HandWritten,
) -> Result<BTreeMap<String, Group>, String> {
    let mut shared = BTreeMap::new();
    for doc in docs.values() {
        let Some(paths) = doc["paths"].as_object() else {
            continue;
        };
        for (path, item) in paths {
            for method in ["get", "post", "put", "patch", "delete"] {
                let Some(op) = item.get(method).filter(|o| o.is_object()) else {
                    continue;
                };
                let key = format!("{} {}", method.to_ascii_uppercase(), path_key(path));
                let (Some(group), Some(scope)) = (hand.operations.get(&key), shared_scope(op))
                else {
                    continue;
                };
                let mut g = rows_of(op, &key, group)?;
                g.hand = true;
                shared.entry(scope).or_insert(g);
            }
        }
    }
    Ok(shared)
}

/// Generates every WB file: path relative to the repository root -> formatted source.
///
/// # Errors
/// An unreadable snapshot or override file, or a generation error.
pub fn generate(root: &Path, hand: &HandWritten) -> Result<BTreeMap<PathBuf, String>, String> {
    let spec_dir = root.join("wb-api/spec/2026-08");
    let overrides_path = root.join("wb-api/spec/gen-overrides.txt");
    let overrides = match std::fs::read_to_string(&overrides_path) {
        Ok(t) => Overrides::parse(&t)?,
        Err(_) => Overrides::default(),
    };
    let mut docs = BTreeMap::new();
    for entry in
        std::fs::read_dir(&spec_dir).map_err(|e| format!("reading {}: {e}", spec_dir.display()))?
    {
        let path = entry.map_err(|e| e.to_string())?.path();
        let Some(stem) = path
            .file_stem()
            .and_then(|s| s.to_str())
            .filter(|_| path.extension().is_some_and(|e| e == "json"))
        else {
            continue;
        };
        let text = std::fs::read_to_string(&path)
            .map_err(|e| format!("reading {}: {e}", path.display()))?;
        let doc: Value =
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        docs.insert(stem.to_owned(), doc);
    }
    let mut shared = hand_scopes(&docs, hand)?;
    let mut outs = Vec::new();
    for section in SECTIONS {
        let doc = docs
            .get(section.file)
            .ok_or_else(|| format!("no {}.json in {}", section.file, spec_dir.display()))?;
        outs.push(generate_section(
            doc,
            *section,
            hand,
            &overrides,
            &mut shared,
        )?);
    }
    let mut files = BTreeMap::new();
    let gen_dir = PathBuf::from("wb-api/src/generated");
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
    files.insert(gen_dir.join("mod.rs"), render_mod(&outs));
    files.insert(
        PathBuf::from("wb-api/tests/it/generated.rs"),
        render_test_file(&outs),
    );
    let mut formatted = BTreeMap::new();
    for (path, text) in files {
        let text = super::rustfmt(&text, root).map_err(|e| format!("{}: {e}", path.display()))?;
        formatted.insert(path, text);
    }
    Ok(formatted)
}
