//! Drift between two snapshots of a vendor's OpenAPI documents: operations added, removed,
//! newly deprecated or announced for shutdown, and, for the operations a crate uses, the
//! request and response fields added, removed, retyped or made required and the enum values
//! added or removed. Pure functions over `serde_json::Value`; `cargo xtask drift` prints
//! [`Drift::to_markdown`].

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use serde_json::Value;

use super::Schemas;
use super::lifecycle::{HTTP_METHODS, ShutdownNotice, operation_notice, path_key};

/// An operation: upper-case method and path as the (newer) document spells it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct OpId {
    /// `GET`, `POST`...
    pub method: String,
    /// The path template.
    pub path: String,
}

impl std::fmt::Display for OpId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {}", self.method, self.path)
    }
}

/// One operation a crate uses, as given to [`compare`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Used {
    /// The crate's name for it.
    pub name: String,
    /// The HTTP method.
    pub method: String,
    /// The path template.
    pub path: String,
}

/// One schema field, flattened: its JSON type, whether its parent requires it, its enum values.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Field {
    /// `object`, `array`, `string`, `integer`, `number`, `boolean` or `any`.
    pub ty: String,
    /// Listed in the parent's `required`.
    pub required: bool,
    /// The enum values, as text.
    pub enums: BTreeSet<String>,
}

/// How one field changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// New field (with its type; required or not).
    Added {
        /// Its type.
        ty: String,
        /// Whether it is required.
        required: bool,
    },
    /// Field gone.
    Removed {
        /// Its old type.
        ty: String,
    },
    /// Type changed.
    Retyped {
        /// Old type.
        from: String,
        /// New type.
        to: String,
    },
    /// Optional before, required now.
    NewlyRequired,
    /// Enum values added.
    EnumAdded(Vec<String>),
    /// Enum values removed.
    EnumRemoved(Vec<String>),
}

/// A field change in one part of an operation (`request`, `parameters`, `response 200`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    /// The part of the operation.
    pub part: String,
    /// The field path (`result.postings[].tariffication`; `(root)` for the body itself).
    pub field: String,
    /// What changed.
    pub change: Change,
}

/// A shutdown notice in the newer snapshot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Announced {
    /// The operation.
    pub op: OpId,
    /// The notice.
    pub notice: ShutdownNotice,
    /// The notice the older snapshot had for it (`None`: new notice).
    pub before: Option<ShutdownNotice>,
}

/// What happened to one used operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UsedReport {
    /// The operation as the crate names it.
    pub used: Used,
    /// In the older snapshot.
    pub in_old: bool,
    /// In the newer snapshot.
    pub in_new: bool,
    /// Marked deprecated in the newer snapshot.
    pub deprecated: bool,
    /// Its shutdown notice in the newer snapshot.
    pub notice: Option<ShutdownNotice>,
    /// Field changes (when in both).
    pub changes: Vec<FieldChange>,
}

/// The drift between two snapshots.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Drift {
    /// Operations only in the newer snapshot.
    pub added: Vec<OpId>,
    /// Operations only in the older snapshot.
    pub removed: Vec<OpId>,
    /// Operations deprecated in the newer snapshot and not in the older.
    pub newly_deprecated: Vec<OpId>,
    /// Every shutdown notice of the newer snapshot, new or not.
    pub announced: Vec<Announced>,
    /// The used operations.
    pub used: Vec<UsedReport>,
}

/// The operations of a set of documents, keyed by (path template without parameter names,
/// upper-case method), with the path as spelt and the operation.
pub fn operations(docs: &[Value]) -> BTreeMap<(String, String), (String, &Value, &Value)> {
    let mut out = BTreeMap::new();
    for doc in docs {
        let Some(paths) = doc.get("paths").and_then(Value::as_object) else {
            continue;
        };
        for (path, item) in paths {
            for m in HTTP_METHODS {
                if let Some(op) = item.get(m).filter(|o| o.is_object()) {
                    out.entry((path_key(path), m.to_ascii_uppercase()))
                        .or_insert((path.clone(), doc, op));
                }
            }
        }
    }
    out
}

fn is_deprecated(op: &Value) -> bool {
    op.get("deprecated").and_then(Value::as_bool) == Some(true)
}

/// Compares two snapshots (each a set of documents) for a crate using `uses`.
pub fn compare(old: &[Value], new: &[Value], uses: &[Used]) -> Drift {
    // A `$ref` resolves in the document that holds it: WB's sections reuse schema names
    // (`Order` in analytics, DBW and FBS).
    let sections = |docs: &[Value]| {
        Schemas::sections(
            docs.iter()
                .enumerate()
                .map(|(i, d)| (i.to_string(), d.clone())),
        )
    };
    let (old_schemas, new_schemas) = (sections(old), sections(new));
    let (old, new) = (old_schemas.docs(), new_schemas.docs());
    let old_ops = operations(old);
    let new_ops = operations(new);
    let id = |k: &(String, String), path: &str| OpId {
        method: k.1.clone(),
        path: path.to_owned(),
    };
    let mut drift = Drift::default();
    for (k, (path, doc, op)) in &new_ops {
        let before = old_ops.get(k);
        if before.is_none() {
            drift.added.push(id(k, path));
        }
        if is_deprecated(op) && !before.is_some_and(|(_, _, o)| is_deprecated(o)) {
            drift.newly_deprecated.push(id(k, path));
        }
        if let Some(notice) = operation_notice(doc, op) {
            drift.announced.push(Announced {
                op: id(k, path),
                notice,
                before: before.and_then(|(_, d, o)| operation_notice(d, o)),
            });
        }
    }
    for (k, (path, _, _)) in &old_ops {
        if !new_ops.contains_key(k) {
            drift.removed.push(id(k, path));
        }
    }
    for u in uses {
        let k = (path_key(&u.path), u.method.to_ascii_uppercase());
        let o = old_ops.get(&k);
        let n = new_ops.get(&k);
        let changes = match (o, n) {
            (Some((_, _, o)), Some((_, _, n))) => {
                operation_changes(&old_schemas, o, &new_schemas, n)
            }
            _ => Vec::new(),
        };
        drift.used.push(UsedReport {
            used: u.clone(),
            in_old: o.is_some(),
            in_new: n.is_some(),
            deprecated: n.is_some_and(|(_, _, op)| is_deprecated(op)),
            notice: n.and_then(|(_, d, op)| operation_notice(d, op)),
            changes,
        });
    }
    drift
}

/// The field changes of one operation between two snapshots: parameters, JSON request body,
/// and each success (2XX) or `default` JSON response.
pub fn operation_changes(
    old_s: &Schemas,
    old: &Value,
    new_s: &Schemas,
    new: &Value,
) -> Vec<FieldChange> {
    let mut out = Vec::new();
    diff_fields(
        "parameters",
        &parameter_fields(old_s, old),
        &parameter_fields(new_s, new),
        &mut out,
    );
    diff_fields(
        "request",
        &body_fields(old_s, request_schema(old_s, old)),
        &body_fields(new_s, request_schema(new_s, new)),
        &mut out,
    );
    let codes: BTreeSet<String> = [old, new]
        .iter()
        .filter_map(|op| op.get("responses").and_then(Value::as_object))
        .flat_map(|r| r.keys().cloned())
        .filter(|c| c.starts_with('2') || c == "default")
        .collect();
    for code in codes {
        diff_fields(
            &format!("response {code}"),
            &body_fields(old_s, response_schema(old_s, old, &code)),
            &body_fields(new_s, response_schema(new_s, new, &code)),
            &mut out,
        );
    }
    out
}

fn json_schema<'a>(s: &'a Schemas, holder: &'a Value) -> Option<&'a Value> {
    let (holder, _) = s.resolve(holder);
    let content = holder.get("content")?.as_object()?;
    let media = content
        .iter()
        .find(|(k, _)| k.contains("json"))
        .or_else(|| content.iter().next())?
        .1;
    media.get("schema")
}

fn request_schema<'a>(s: &'a Schemas, op: &'a Value) -> Option<&'a Value> {
    json_schema(s, op.get("requestBody")?)
}

fn response_schema<'a>(s: &'a Schemas, op: &'a Value, code: &str) -> Option<&'a Value> {
    json_schema(s, op.get("responses")?.get(code)?)
}

fn parameter_fields(s: &Schemas, op: &Value) -> BTreeMap<String, Field> {
    let mut out = BTreeMap::new();
    for p in op
        .get("parameters")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let (p, _) = s.resolve(p);
        let (Some(name), Some(place)) = (
            p.get("name").and_then(Value::as_str),
            p.get("in").and_then(Value::as_str),
        ) else {
            continue;
        };
        let schema = p.get("schema").map(|x| s.resolve(x).0);
        let mut f = schema.map(|x| field_of(s, x)).unwrap_or_default();
        f.required = p.get("required").and_then(Value::as_bool) == Some(true);
        out.insert(format!("{place}.{name}"), f);
    }
    out
}

fn body_fields(s: &Schemas, schema: Option<&Value>) -> BTreeMap<String, Field> {
    let mut out = BTreeMap::new();
    if let Some(schema) = schema {
        fields_into(s, schema, "", true, &mut Vec::new(), &mut out);
    }
    out
}

/// The flattened fields of a schema: `result.postings[].tariffication` and so on, following
/// `$ref`, `allOf` (merged), `oneOf`/`anyOf` (united), array items (`[]`) and
/// `additionalProperties` (`{}`).
pub fn fields(s: &Schemas, schema: &Value) -> BTreeMap<String, Field> {
    body_fields(s, Some(schema))
}

/// The type recorded for a schema the source cut short (WB's 2026-08 files, rendered in a
/// browser, replace schemas nested too deep with the string `"[MaxDepth]"`): its fields are
/// unknown, not removed.
pub const TRUNCATED: &str = "truncated";

fn type_of(s: &Value) -> String {
    if s.is_string()
        || [&s["properties"], &s["items"]]
            .iter()
            .any(|v| v.is_string())
    {
        return TRUNCATED.to_owned();
    }
    match s.get("type") {
        Some(Value::String(t)) => t.clone(),
        Some(Value::Array(ts)) => ts
            .iter()
            .filter_map(Value::as_str)
            .find(|t| *t != "null")
            .unwrap_or("any")
            .to_owned(),
        _ if s.get("properties").is_some() => "object".to_owned(),
        _ if s.get("items").is_some() => "array".to_owned(),
        _ => "any".to_owned(),
    }
}

fn field_of(_s: &Schemas, schema: &Value) -> Field {
    Field {
        ty: type_of(schema),
        required: false,
        enums: schema
            .get("enum")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .map(|v| match v {
                Value::String(t) => t.clone(),
                other => other.to_string(),
            })
            .collect(),
    }
}

const MAX_DEPTH: usize = 16;

fn fields_into(
    s: &Schemas,
    schema: &Value,
    prefix: &str,
    required: bool,
    refs: &mut Vec<String>,
    out: &mut BTreeMap<String, Field>,
) {
    let mut pushed = 0;
    let mut cur = schema;
    while let Some(r) = cur.get("$ref").and_then(Value::as_str) {
        if refs.iter().any(|x| x == r) || refs.len() > MAX_DEPTH {
            refs.truncate(refs.len() - pushed);
            return;
        }
        refs.push(r.to_owned());
        pushed += 1;
        cur = match r.trim_start_matches("#/components/").split_once('/') {
            Some((kind, name)) => s.component(kind, name),
            None => &Value::Null,
        };
    }
    let key = if prefix.is_empty() { "(root)" } else { prefix };
    let mut f = field_of(s, cur);
    f.required = required;
    match out.get_mut(key) {
        Some(existing) => {
            if existing.ty == "any" {
                existing.ty = f.ty;
            }
            existing.required |= f.required;
            existing.enums.extend(f.enums);
        }
        None => {
            out.insert(key.to_owned(), f);
        }
    }
    for k in ["allOf", "oneOf", "anyOf"] {
        for sub in cur.get(k).and_then(Value::as_array).into_iter().flatten() {
            fields_into(s, sub, prefix, required, refs, out);
        }
    }
    let req: BTreeSet<&str> = cur
        .get("required")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    if let Some(props) = cur.get("properties").and_then(Value::as_object) {
        for (name, p) in props {
            let child = if prefix.is_empty() {
                name.clone()
            } else {
                format!("{prefix}.{name}")
            };
            fields_into(s, p, &child, req.contains(name.as_str()), refs, out);
        }
    }
    if let Some(items) = cur.get("items") {
        fields_into(s, items, &format!("{prefix}[]"), false, refs, out);
    }
    if let Some(ap) = cur.get("additionalProperties").filter(|a| a.is_object()) {
        fields_into(s, ap, &format!("{prefix}{{}}"), false, refs, out);
    }
    refs.truncate(refs.len() - pushed);
}

/// Whether `parent` is a proper ancestor of `field` in the flattened notation.
fn is_ancestor(parent: &str, field: &str) -> bool {
    parent != "(root)"
        && field.len() > parent.len()
        && field.starts_with(parent)
        && matches!(field.as_bytes().get(parent.len()), Some(b'.' | b'[' | b'{'))
}

fn diff_fields(
    part: &str,
    old: &BTreeMap<String, Field>,
    new: &BTreeMap<String, Field>,
    out: &mut Vec<FieldChange>,
) {
    let added: Vec<&String> = new.keys().filter(|k| !old.contains_key(*k)).collect();
    let removed: Vec<&String> = old.keys().filter(|k| !new.contains_key(*k)).collect();
    let mut retyped: Vec<&String> = Vec::new();
    let mut push = |field: &str, change| {
        out.push(FieldChange {
            part: part.to_owned(),
            field: field.to_owned(),
            change,
        });
    };
    for (k, n) in new {
        if let Some(o) = old.get(k) {
            // A field under a retyped one is reported with it.
            if retyped.iter().any(|r| is_ancestor(r, k)) {
                continue;
            }
            let vague = |t: &str| t == "any" || t == TRUNCATED;
            if o.ty != n.ty && !vague(&o.ty) && !vague(&n.ty) {
                retyped.push(k);
                push(
                    k,
                    Change::Retyped {
                        from: o.ty.clone(),
                        to: n.ty.clone(),
                    },
                );
                continue;
            }
            if n.required && !o.required {
                push(k, Change::NewlyRequired);
            }
            let plus: Vec<String> = n.enums.difference(&o.enums).cloned().collect();
            let minus: Vec<String> = o.enums.difference(&n.enums).cloned().collect();
            if !plus.is_empty() && !o.enums.is_empty() {
                push(k, Change::EnumAdded(plus));
            }
            if !minus.is_empty() && !n.enums.is_empty() {
                push(k, Change::EnumRemoved(minus));
            }
        }
    }
    for k in &added {
        if added.iter().any(|a| is_ancestor(a, k)) || retyped.iter().any(|r| is_ancestor(r, k)) {
            continue;
        }
        if let Some(n) = new.get(*k) {
            push(
                k,
                Change::Added {
                    ty: n.ty.clone(),
                    required: n.required,
                },
            );
        }
    }
    for k in &removed {
        let truncated = new
            .iter()
            .any(|(a, f)| f.ty == TRUNCATED && (a == "(root)" || is_ancestor(a, k)));
        if truncated
            || removed.iter().any(|a| is_ancestor(a, k))
            || retyped.iter().any(|r| is_ancestor(r, k))
        {
            continue;
        }
        if let Some(o) = old.get(*k) {
            push(k, Change::Removed { ty: o.ty.clone() });
        }
    }
}

impl std::fmt::Display for Change {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Change::Added { ty, required } => {
                write!(
                    f,
                    "added ({ty}{})",
                    if *required { ", required" } else { "" }
                )
            }
            Change::Removed { ty } => write!(f, "removed (was {ty})"),
            Change::Retyped { from, to } => write!(f, "retyped {from} -> {to}"),
            Change::NewlyRequired => f.write_str("now required"),
            Change::EnumAdded(v) => write!(f, "enum values added: {}", v.join(", ")),
            Change::EnumRemoved(v) => write!(f, "enum values removed: {}", v.join(", ")),
        }
    }
}

fn notice_text(n: &ShutdownNotice) -> String {
    let mut s = match n.date {
        Some(d) => format!("shutdown {d}"),
        None => "shutdown announced without a date".to_owned(),
    };
    if let Some(succ) = &n.successor {
        let _ = write!(s, ", successor `{succ}`");
    }
    s
}

impl Drift {
    /// The report as Markdown, under a level-1 `title`.
    pub fn to_markdown(&self, title: &str) -> String {
        let mut md = String::new();
        let _ = writeln!(md, "# {title}\n");
        let _ = writeln!(
            md,
            "{} operations added, {} removed, {} newly deprecated, {} with a shutdown notice ({} new).\n",
            self.added.len(),
            self.removed.len(),
            self.newly_deprecated.len(),
            self.announced.len(),
            self.announced.iter().filter(|a| a.before.is_none()).count()
        );
        if !self.used.is_empty() {
            let _ = writeln!(md, "## Operations the crate uses\n");
            for u in &self.used {
                let mut status = Vec::new();
                if !u.in_new {
                    status.push("**removed**".to_owned());
                } else if !u.in_old {
                    status.push("new in the newer snapshot".to_owned());
                }
                if u.deprecated {
                    status.push("**deprecated**".to_owned());
                }
                if let Some(n) = &u.notice {
                    status.push(format!("**{}**", notice_text(n)));
                }
                if u.in_old && u.in_new {
                    status.push(if u.changes.is_empty() {
                        "no field changes".to_owned()
                    } else {
                        format!("{} field changes", u.changes.len())
                    });
                }
                let _ = writeln!(
                    md,
                    "- `{} {}` ({}): {}",
                    u.used.method.to_ascii_uppercase(),
                    u.used.path,
                    u.used.name,
                    status.join("; ")
                );
                for c in &u.changes {
                    let _ = writeln!(md, "  - {} `{}`: {}", c.part, c.field, c.change);
                }
            }
            md.push('\n');
        }
        let _ = writeln!(md, "## Removed operations\n");
        for op in &self.removed {
            let _ = writeln!(md, "- `{op}`");
        }
        let _ = writeln!(md, "\n## Newly deprecated\n");
        for op in &self.newly_deprecated {
            let _ = writeln!(md, "- `{op}`");
        }
        let _ = writeln!(md, "\n## Shutdown or deprecation announced\n");
        for a in &self.announced {
            let since = match &a.before {
                None => "new".to_owned(),
                Some(b) if b.date != a.notice.date => match b.date {
                    Some(d) => format!("date changed, was {d}"),
                    None => "date set (was announced without one)".to_owned(),
                },
                Some(_) => "already in the older snapshot".to_owned(),
            };
            let _ = writeln!(
                md,
                "- `{}`: {} ({since}) — \"{}\"",
                a.op,
                notice_text(&a.notice),
                a.notice.phrase
            );
        }
        let _ = writeln!(md, "\n## Added operations\n");
        for op in &self.added {
            let _ = writeln!(md, "- `{op}`");
        }
        md
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn doc(posting: Value, extra: Value) -> Value {
        let mut d = json!({
            "openapi": "3.0.0",
            "paths": {
                "/v3/posting/fbs/list": {"post": {
                    "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Req"}}}},
                    "responses": {"200": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Resp"}}}}}
                }},
                "/v2/fbs/posting/sent-by-seller": {"post": {"responses": {}}}
            },
            "components": {"schemas": {
                "Req": {"type": "object", "properties": {
                    "limit": {"type": "integer"},
                    "filter": {"type": "object", "properties": {"status": {"type": "string", "enum": ["a", "b"]}}}
                }},
                "Resp": {"type": "object", "properties": {"result": {"type": "object", "properties": {
                    "postings": {"type": "array", "items": {"$ref": "#/components/schemas/Posting"}}}}}},
                "Posting": posting,
                "Tariff": {"type": "object", "properties": {"rate": {"type": "string"}}}
            }}
        });
        if let (Some(a), Some(b)) = (d.as_object_mut(), extra.as_object()) {
            for (k, v) in b {
                a.insert(k.clone(), v.clone());
            }
        }
        d
    }

    #[test]
    fn fields_follow_refs_arrays_and_all_of() {
        let d = doc(
            json!({"allOf": [{"$ref": "#/components/schemas/Tariff"},
                {"type": "object", "required": ["id"], "properties": {"id": {"type": "integer"}}}]}),
            json!({}),
        );
        let s = Schemas::new(vec![d]);
        let f = fields(&s, &json!({"$ref": "#/components/schemas/Resp"}));
        assert!(f.contains_key("result.postings[].rate"), "{f:?}");
        assert!(f["result.postings[].id"].required);
        assert_eq!(f["result.postings"].ty, "array");
    }

    #[test]
    fn a_real_shaped_drift_is_reported() {
        let old = doc(
            json!({"type": "object", "properties": {
                "tariffication": {"type": "array", "items": {"$ref": "#/components/schemas/Tariff"}},
                "gone": {"type": "string"}}}),
            json!({}),
        );
        let mut new = doc(
            json!({"type": "object", "required": ["status"], "properties": {
                "tariffication": {"$ref": "#/components/schemas/Tariff"},
                "status": {"type": "string"}}}),
            json!({}),
        );
        new["paths"]
            .as_object_mut()
            .unwrap()
            .remove("/v2/fbs/posting/sent-by-seller");
        new["paths"]["/v3/posting/fbs/list"]["post"]["deprecated"] = json!(true);
        new["paths"]["/v3/posting/fbs/list"]["post"]["x-market-shutdown"] = json!({"date": "2026-06-01", "successor": "/v4/posting/fbs/list", "phrase": "С 1 июня 2026 года метод будет отключён."});
        new["paths"]["/v4/posting/fbs/list"] = json!({"post": {"responses": {}}});
        new["components"]["schemas"]["Req"]["properties"]["filter"]["properties"]["status"]["enum"] =
            json!(["a", "c"]);
        new["components"]["schemas"]["Req"]["required"] = json!(["limit"]);
        let uses = [Used {
            name: "fbs_list".into(),
            method: "post".into(),
            path: "/v3/posting/fbs/list".into(),
        }];
        let d = compare(&[old], &[new], &uses);
        assert_eq!(d.removed[0].path, "/v2/fbs/posting/sent-by-seller");
        assert_eq!(d.added[0].path, "/v4/posting/fbs/list");
        assert_eq!(d.newly_deprecated[0].path, "/v3/posting/fbs/list");
        assert!(d.announced[0].before.is_none());
        let changes: Vec<String> = d.used[0]
            .changes
            .iter()
            .map(|c| format!("{} {}: {}", c.part, c.field, c.change))
            .collect();
        assert_eq!(
            changes,
            [
                "request filter.status: enum values added: c",
                "request filter.status: enum values removed: b",
                "request limit: now required",
                "response 200 result.postings[].tariffication: retyped array -> object",
                "response 200 result.postings[].status: added (string, required)",
                "response 200 result.postings[].gone: removed (was string)",
            ]
        );
        let md = d.to_markdown("t");
        assert!(
            md.contains("shutdown 2026-06-01, successor `/v4/posting/fbs/list`"),
            "{md}"
        );
        assert!(
            md.contains("- `POST /v2/fbs/posting/sent-by-seller`"),
            "{md}"
        );
    }

    #[test]
    fn fields_under_a_truncated_schema_are_not_reported_removed() {
        let old = doc(
            json!({"type": "object", "properties": {"id": {"type": "integer"}}}),
            json!({}),
        );
        let mut new = old.clone();
        new["components"]["schemas"]["Resp"]["properties"]["result"]["properties"] =
            json!("[MaxDepth]");
        let uses = [Used {
            name: "x".into(),
            method: "POST".into(),
            path: "/v3/posting/fbs/list".into(),
        }];
        let d = compare(std::slice::from_ref(&old), &[new], &uses);
        assert_eq!(d.used[0].changes, vec![]);
        // Without the truncation the same loss is reported.
        let mut gone = old.clone();
        gone["components"]["schemas"]["Resp"]["properties"]["result"]["properties"] = json!({});
        let d = compare(&[old], &[gone], &uses);
        assert_eq!(d.used[0].changes[0].field, "result.postings");
    }

    #[test]
    fn a_used_operation_that_is_gone_says_so() {
        let old = doc(json!({"type": "object"}), json!({}));
        let mut new = old.clone();
        new["paths"]
            .as_object_mut()
            .unwrap()
            .remove("/v3/posting/fbs/list");
        let uses = [Used {
            name: "x".into(),
            method: "POST".into(),
            path: "/v3/posting/fbs/list".into(),
        }];
        let d = compare(&[old], &[new], &uses);
        assert!(!d.used[0].in_new);
        assert!(d.to_markdown("t").contains("(x): **removed**"));
    }

    #[test]
    fn a_ref_resolves_in_its_own_section_when_sections_share_schema_names() {
        // Two sections (WB's analytics and FBS) each with its own `Order`.
        let section = |path: &str, order: Value| {
            json!({
                "paths": {path: {"get": {"responses": {"200": {"content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/Order"}
                }}}}}}},
                "components": {"schemas": {"Order": order}}
            })
        };
        let analytics = section(
            "/api/analytics/v1/orders",
            json!({"type": "object", "properties": {"nmId": {"type": "integer"}}}),
        );
        let fbs = |extra: Value| {
            let mut props = json!({"id": {"type": "integer"}, "rid": {"type": "string"}});
            if let (Some(p), Some(e)) = (props.as_object_mut(), extra.as_object()) {
                p.extend(e.clone());
            }
            section(
                "/api/v3/orders",
                json!({"type": "object", "properties": props}),
            )
        };
        let uses = [Used {
            name: "orders_list".into(),
            method: "GET".into(),
            path: "/api/v3/orders".into(),
        }];
        // The analytics section comes first in both snapshots: a shared pool would resolve the
        // FBS operation's `Order` to the analytics one and report nothing.
        let d = compare(
            &[analytics.clone(), fbs(json!({}))],
            &[
                analytics,
                fbs(json!({"crossBorderType": {"type": "string"}})),
            ],
            &uses,
        );
        let changes: Vec<String> = d.used[0].changes.iter().map(|c| c.field.clone()).collect();
        assert_eq!(changes.len(), 1, "{changes:?}");
        assert!(changes[0].contains("crossBorderType"), "{changes:?}");
    }
}
