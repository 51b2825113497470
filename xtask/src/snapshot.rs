//! Prose-free snapshots of a vendor's OpenAPI documents.
//!
//! Everything a client or a test relies on stays: every operation, its parameters, servers,
//! request and response schemas, `example`/`examples`, `deprecated`, every component. Prose
//! goes: `description`, `summary`, `tags`, `externalDocs`, schema `title`, and every `x-*`
//! extension but the allowlist ([`KEPT_EXTENSIONS`]). In place of the prose, an operation whose
//! description announces its end gets `x-market-shutdown` (read by
//! [`market_core::contract::lifecycle::operation_notice`]), and one whose limit note says a
//! 4XX answer "is counted as 10 requests" gets `x-market-4xx-cost: 10`.

use std::path::Path;

use market_core::contract::lifecycle::{HTTP_METHODS, SHUTDOWN_KEY, operation_notice};
use serde_json::{Map, Value, json};

/// Extensions kept in a snapshot (everywhere they occur).
pub const KEPT_EXTENSIONS: [&str; 8] = [
    "x-wb-rate-limits",
    "x-readonly-method",
    "x-token-types",
    "x-category",
    "x-resource-limit-config",
    "x-deprecation-config",
    SHUTDOWN_KEY,
    COST_KEY,
];

/// The key for the number of requests a refused (4XX) request counts as.
pub const COST_KEY: &str = "x-market-4xx-cost";

/// Keys removed wherever they are an OpenAPI field (not a property or other name).
const PROSE: [&str; 6] = [
    "description",
    "summary",
    "tags",
    "externalDocs",
    "title",
    "x-displayName",
];

/// Keys whose value is data, kept as it is.
const VERBATIM: [&str; 7] = [
    "example", "value", "enum", "default", "const", "mapping", "scopes",
];

/// Keys whose value maps names (of properties, paths, status codes, media types...) to
/// OpenAPI objects: the names are kept whatever they are, the objects cleaned.
const NAME_MAPS: [&str; 17] = [
    "properties",
    "paths",
    "schemas",
    "responses",
    "parameters",
    "content",
    "headers",
    "securitySchemes",
    "requestBodies",
    "links",
    "callbacks",
    "encoding",
    "variables",
    "patternProperties",
    "definitions",
    "$defs",
    "pathItems",
];

/// Where a snapshot's document came from (recorded as `info["x-source"]`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Source {
    /// The public repository (`owner/name`).
    pub repository: Option<String>,
    /// The file's path in it.
    pub path: Option<String>,
    /// The commit.
    pub commit: Option<String>,
    /// The commit's date (`YYYY-MM-DD`).
    pub date: Option<String>,
}

impl Source {
    /// Reads a source note `owner/name:path/in/repo@commit YYYY-MM-DD` (the date optional).
    pub fn parse_note(note: &str) -> Result<Self, String> {
        let mut parts = note.split_whitespace();
        let first = parts.next().ok_or("empty source note")?;
        let date = parts.next().map(str::to_owned);
        let (repo_path, commit) = match first.rsplit_once('@') {
            Some((a, c)) => (a, Some(c.to_owned())),
            None => (first, None),
        };
        let (repository, path) = match repo_path.split_once(':') {
            Some((r, p)) => (Some(r.to_owned()), Some(p.to_owned())),
            None => (Some(repo_path.to_owned()), None),
        };
        Ok(Self {
            repository,
            path,
            commit,
            date,
        })
    }

    /// The source of one file of a folder: a path ending in `/` gets the file name appended.
    pub fn for_file(&self, file_name: &str) -> Self {
        let mut s = self.clone();
        if let Some(p) = &s.path
            && p.ends_with('/')
        {
            s.path = Some(format!("{p}{file_name}"));
        }
        s
    }

    fn to_json(&self) -> Value {
        json!({
            "repository": self.repository,
            "path": self.path,
            "commit": self.commit,
            "date": self.date,
        })
    }
}

/// Reads a JSON or YAML document (YAML when the name ends in `.yaml`/`.yml`).
pub fn load(path: &Path) -> Result<Value, String> {
    let text =
        std::fs::read_to_string(path).map_err(|e| format!("reading {}: {e}", path.display()))?;
    let yaml = path
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"));
    if yaml {
        let v: serde_norway::Value =
            serde_norway::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(yaml_to_json(v))
    } else {
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
    }
}

/// A YAML value as JSON: mapping keys become strings, tags are dropped.
pub fn yaml_to_json(v: serde_norway::Value) -> Value {
    use serde_norway::Value as Y;
    match v {
        Y::Null => Value::Null,
        Y::Bool(b) => Value::Bool(b),
        Y::Number(n) => {
            if let Some(i) = n.as_i64() {
                Value::from(i)
            } else if let Some(u) = n.as_u64() {
                Value::from(u)
            } else {
                n.as_f64()
                    .and_then(serde_json::Number::from_f64)
                    .map_or(Value::Null, Value::Number)
            }
        }
        Y::String(s) => Value::String(s),
        Y::Sequence(items) => Value::Array(items.into_iter().map(yaml_to_json).collect()),
        Y::Mapping(m) => Value::Object(
            m.into_iter()
                .map(|(k, v)| (yaml_key(k), yaml_to_json(v)))
                .collect(),
        ),
        Y::Tagged(t) => yaml_to_json(t.value),
    }
}

fn yaml_key(k: serde_norway::Value) -> String {
    match yaml_to_json(k) {
        Value::String(s) => s,
        other => other.to_string(),
    }
}

/// Whether a document is an OpenAPI document (has `openapi` or `swagger` and `paths`).
pub fn is_openapi(doc: &Value) -> bool {
    (doc.get("openapi").is_some() || doc.get("swagger").is_some()) && doc.get("paths").is_some()
}

/// The prose-free snapshot of one document (see the module docs).
pub fn snapshot(mut doc: Value, source: &Source) -> Value {
    annotate_operations(&mut doc);
    let info = doc.get("info").cloned().unwrap_or_else(|| json!({}));
    let mut out = clean(doc);
    if let Some(obj) = out.as_object_mut() {
        let mut new_info = Map::new();
        if let Some(t) = info.get("title") {
            new_info.insert("title".into(), t.clone());
        }
        match info.get("version") {
            Some(Value::String(s)) => {
                new_info.insert("version".into(), Value::String(s.clone()));
            }
            Some(Value::Null) | None => {}
            // Ozon writes `version: 2.1`, a number.
            Some(other) => {
                new_info.insert("version".into(), Value::String(other.to_string()));
            }
        }
        if let Some(l) = info.get("license") {
            new_info.insert("license".into(), clean(l.clone()));
        }
        new_info.insert("x-source".into(), source.to_json());
        obj.insert("info".into(), Value::Object(new_info));
    }
    out
}

/// Adds `x-market-shutdown` and `x-market-4xx-cost` to the operations, from their prose.
fn annotate_operations(doc: &mut Value) {
    let mut notes: Vec<(String, String, Option<Value>, Option<u64>)> = Vec::new();
    if let Some(paths) = doc.get("paths").and_then(Value::as_object) {
        for (path, item) in paths {
            for method in HTTP_METHODS {
                let Some(op) = item.get(method).filter(|o| o.is_object()) else {
                    continue;
                };
                let notice = operation_notice(doc, op).map(|n| n.to_json());
                let cost = refusal_cost(op);
                if notice.is_some() || cost.is_some() {
                    notes.push((path.clone(), method.to_owned(), notice, cost));
                }
            }
        }
    }
    for (path, method, notice, cost) in notes {
        if let Some(op) = doc
            .get_mut("paths")
            .and_then(|p| p.get_mut(&path))
            .and_then(|i| i.get_mut(&method))
            .and_then(Value::as_object_mut)
        {
            if let Some(n) = notice {
                op.insert(SHUTDOWN_KEY.into(), n);
            }
            if let Some(c) = cost {
                op.insert(COST_KEY.into(), Value::from(c));
            }
        }
    }
}

/// The number of requests a 4XX answer counts as, from WB's limit note ("One request with
/// 4XX response codes is counted as 10 requests") in the limit table or the description.
fn refusal_cost(op: &Value) -> Option<u64> {
    let limits = &op["x-wb-rate-limits"];
    [&limits["note"], &limits["raw"], &op["description"]]
        .into_iter()
        .filter_map(Value::as_str)
        .find_map(|text| {
            let lower = text.to_lowercase();
            let i = lower.find("4xx")?;
            let rest = &lower[i..];
            let j = rest.find("counted as ")?;
            let n: String = rest[j + "counted as ".len()..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            n.parse().ok()
        })
}

/// WB's limit table reduced to its rows (and the scope line saying what the limit counts);
/// a limit given only in prose ("A maximum of 3 requests every 30 seconds") becomes a row.
fn wb_limits(v: &Value) -> Option<Value> {
    const ROW_KEYS: [&str; 5] = ["type", "period", "limit", "interval", "burst"];
    let mut rows: Vec<Value> = v
        .get("limits")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_object)
        .map(|row| {
            Value::Object(
                row.iter()
                    .filter(|(k, _)| ROW_KEYS.contains(&k.as_str()))
                    .map(|(k, v)| (k.clone(), v.clone()))
                    .collect(),
            )
        })
        .collect();
    if rows.is_empty()
        && let Some(row) = v.get("raw").and_then(Value::as_str).and_then(prose_limit)
    {
        rows.push(row);
    }
    if rows.is_empty() {
        return None;
    }
    let mut out = Map::new();
    if let Some(scope) = v.get("scope") {
        out.insert("scope".into(), scope.clone());
    }
    out.insert("limits".into(), Value::Array(rows));
    Some(Value::Object(out))
}

/// "A maximum of 3 requests every 30 seconds", "Maximum of 1 request per 10 minutes" as a
/// limit row `{"period": "30 s", "limit": "3 requests"}`.
fn prose_limit(raw: &str) -> Option<Value> {
    let lower = raw.to_lowercase();
    let i = lower.find("maximum of ")?;
    let w: Vec<&str> = lower[i + "maximum of ".len()..]
        .split_whitespace()
        .take(5)
        .collect();
    let count: u64 = w.first()?.parse().ok()?;
    if !w.get(1)?.starts_with("request") || !matches!(*w.get(2)?, "every" | "per") {
        return None;
    }
    let (amount, unit) = match w.get(3)?.parse::<u64>() {
        Ok(n) => (n, *w.get(4)?),
        Err(_) => (1, *w.get(3)?),
    };
    let unit = unit.trim_end_matches(|c: char| !c.is_alphabetic());
    let unit = match unit {
        "second" | "seconds" => "s",
        "minute" | "minutes" => "min",
        "hour" | "hours" => "h",
        _ => return None,
    };
    let noun = if count == 1 { "request" } else { "requests" };
    Some(json!({"period": format!("{amount} {unit}"), "limit": format!("{count} {noun}")}))
}

/// Removes prose (see the module docs) from any OpenAPI object.
fn clean(v: Value) -> Value {
    match v {
        Value::Object(map) => {
            let mut out = Map::new();
            for (k, x) in map {
                if PROSE.contains(&k.as_str()) {
                    continue;
                }
                if k.starts_with("x-") {
                    if k == "x-wb-rate-limits" {
                        if let Some(l) = wb_limits(&x) {
                            out.insert(k, l);
                        }
                    } else if KEPT_EXTENSIONS.contains(&k.as_str()) {
                        out.insert(k, x);
                    }
                    continue;
                }
                let x = if VERBATIM.contains(&k.as_str()) {
                    x
                } else if (NAME_MAPS.contains(&k.as_str()) || k == "examples") && x.is_object() {
                    clean_name_map(x)
                } else if k == "examples" {
                    x
                } else {
                    clean(x)
                };
                out.insert(k, x);
            }
            lift_required(&mut out);
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(items.into_iter().map(clean).collect()),
        other => other,
    }
}

fn clean_name_map(v: Value) -> Value {
    match v {
        Value::Object(map) => Value::Object(map.into_iter().map(|(k, x)| (k, clean(x))).collect()),
        other => other,
    }
}

/// Ozon's quirk: `required: true` on a property; moved into the parent's `required` list.
fn lift_required(schema: &mut Map<String, Value>) {
    let mut lifted = Vec::new();
    if let Some(props) = schema.get_mut("properties").and_then(Value::as_object_mut) {
        for (name, prop) in props.iter_mut() {
            if let Some(obj) = prop.as_object_mut()
                && let Some(Value::Bool(b)) = obj.get("required")
            {
                if *b {
                    lifted.push(name.clone());
                }
                obj.remove("required");
            }
        }
    }
    if lifted.is_empty() {
        return;
    }
    let required = schema
        .entry("required")
        .or_insert_with(|| Value::Array(Vec::new()));
    if let Value::Array(list) = required {
        for name in lifted {
            if !list.iter().any(|v| v.as_str() == Some(&name)) {
                list.push(Value::String(name));
            }
        }
    }
}

/// Pretty JSON with a one-space indent and keys in byte order, ending in a newline, so that
/// re-running gives the same bytes and diffs read line by line.
pub fn to_pretty(v: &Value) -> String {
    let mut out = String::new();
    write_value(v, 0, &mut out);
    out.push('\n');
    out
}

fn write_value(v: &Value, depth: usize, out: &mut String) {
    match v {
        Value::Object(map) if !map.is_empty() => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (i, k) in keys.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push('\n');
                out.push_str(&" ".repeat(depth + 1));
                out.push_str(&Value::String((*k).clone()).to_string());
                out.push_str(": ");
                if let Some(x) = map.get(*k) {
                    write_value(x, depth + 1, out);
                }
            }
            out.push('\n');
            out.push_str(&" ".repeat(depth));
            out.push('}');
        }
        Value::Array(items) if !items.is_empty() => {
            out.push('[');
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push('\n');
                out.push_str(&" ".repeat(depth + 1));
                write_value(x, depth + 1, out);
            }
            out.push('\n');
            out.push_str(&" ".repeat(depth));
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_goes_names_and_data_stay() {
        let doc = json!({
            "openapi": "3.0.0",
            "info": {"title": "T", "version": 2.1, "description": "long", "x-logo": {}},
            "tags": [{"name": "a", "description": "b"}],
            "paths": {"/v1/x": {"post": {
                "summary": "s", "description": "d", "tags": ["a"], "x-ozon-section": "q",
                "operationId": "X",
                "requestBody": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/R"}}}},
                "responses": {"200": {"description": "ok", "content": {"application/json": {
                    "examples": {"one": {"summary": "s", "value": {"description": "kept", "title": "kept"}}}}}}}
            }}},
            "components": {"schemas": {"R": {"type": "object", "title": "R", "description": "d",
                "required": ["a"],
                "properties": {
                    "description": {"type": "string", "description": "the field named description"},
                    "tags": {"type": "array", "items": {"type": "string"}},
                    "b": {"type": "integer", "required": true, "example": {"description": 1}}
                }}}}
        });
        let s = snapshot(doc, &Source::default());
        assert_eq!(s["info"]["version"], "2.1");
        assert_eq!(s["info"]["title"], "T");
        assert!(s.get("tags").is_none());
        let op = &s["paths"]["/v1/x"]["post"];
        assert!(op.get("summary").is_none() && op.get("description").is_none());
        assert!(op.get("tags").is_none() && op.get("x-ozon-section").is_none());
        assert_eq!(op["operationId"], "X");
        assert_eq!(
            op["responses"]["200"]["content"]["application/json"]["examples"]["one"],
            json!({"value": {"description": "kept", "title": "kept"}})
        );
        let r = &s["components"]["schemas"]["R"];
        assert!(r.get("title").is_none() && r.get("description").is_none());
        assert_eq!(r["properties"]["description"], json!({"type": "string"}));
        assert!(r["properties"]["tags"].is_object());
        assert_eq!(
            r["properties"]["b"],
            json!({"type": "integer", "example": {"description": 1}})
        );
        assert_eq!(r["required"], json!(["a", "b"]));
    }

    #[test]
    fn shutdown_and_refusal_cost_are_annotated() {
        let doc = json!({"openapi": "3.0.0", "info": {}, "paths": {
            "/v1/warehouse/list": {"post": {"description":
                "<aside>\nМетод устаревает и будет отключён 7 апреля 2026 года. Переключитесь на <a href=\"#operation/W\">/v2/warehouse/list</a>.\n</aside>"}},
            "/api/v3/orders": {"get": {"x-wb-rate-limits": {
                "scope": "Request limit per one seller account:", "source": "u", "verifiedAt": "t",
                "limits": [{"type": "Personal", "period": "1 min", "limit": "300 requests", "interval": "200 ms", "burst": "20 requests", "extra": 1}],
                "note": "One request with 4XX response codes is counted as 10 requests.\nIn Sandbox — ..."}}},
            "/ping": {"get": {"x-wb-rate-limits": {"scope": "Non-tabular", "raw": "A maximum of 3 requests every 30 seconds . If you try"}}}
        }});
        let s = snapshot(doc, &Source::default());
        assert_eq!(
            s["paths"]["/v1/warehouse/list"]["post"][SHUTDOWN_KEY],
            json!({"date": "2026-04-07", "successor": "/v2/warehouse/list",
                   "phrase": "Метод устаревает и будет отключён 7 апреля 2026 года."})
        );
        let op = &s["paths"]["/api/v3/orders"]["get"];
        assert_eq!(op[COST_KEY], 10);
        assert_eq!(
            op["x-wb-rate-limits"],
            json!({"scope": "Request limit per one seller account:", "limits": [
                {"type": "Personal", "period": "1 min", "limit": "300 requests", "interval": "200 ms", "burst": "20 requests"}]})
        );
        assert_eq!(
            s["paths"]["/ping"]["get"]["x-wb-rate-limits"]["limits"],
            json!([{"period": "30 s", "limit": "3 requests"}])
        );
    }

    #[test]
    fn output_is_sorted_and_stable() {
        let v = json!({"b": [1, {"z": null, "a": "ё"}], "a": {}, "c": []});
        let text = to_pretty(&v);
        assert_eq!(
            text,
            "{\n \"a\": {},\n \"b\": [\n  1,\n  {\n   \"a\": \"ё\",\n   \"z\": null\n  }\n ],\n \"c\": []\n}\n"
        );
        let back: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, v);
    }

    #[test]
    fn source_note_is_read() {
        let s = Source::parse_note("MissiaL/wildberries-api:assets/openapi/@6f56592 2026-08-19")
            .unwrap();
        assert_eq!(s.repository.as_deref(), Some("MissiaL/wildberries-api"));
        assert_eq!(s.commit.as_deref(), Some("6f56592"));
        assert_eq!(s.date.as_deref(), Some("2026-08-19"));
        assert_eq!(
            s.for_file("orders-fbs.json").path.as_deref(),
            Some("assets/openapi/orders-fbs.json")
        );
    }

    #[test]
    fn yaml_keys_become_strings() {
        let y: serde_norway::Value =
            serde_norway::from_str("responses:\n  200:\n    description: ok\nversion: 2.1\n")
                .unwrap();
        let j = yaml_to_json(y);
        assert!(j["responses"]["200"].is_object());
        assert_eq!(j["version"], json!(2.1));
    }
}
