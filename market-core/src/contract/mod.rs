//! Contract-test support (feature `contract`): reading a vendor's OpenAPI documents the way
//! the contract tests of every vendor crate need, so that each crate's harness only knows where
//! its snapshot lives and how its operations are named.
//!
//! - [`Schemas::maximal`] builds a maximal instance of a schema (every property, one array
//!   element, the first enum value, typed scalars), which a strict decoder must accept;
//! - [`Schemas::check`] checks a request body against a schema: every field sent is defined
//!   with the right JSON type and enum value, and every required field is sent;
//! - `$ref`s to any component kind are followed across all the documents given.
//!
//! A missing component reads as `Null`, so a stale reference shows up as a failing test
//! rather than a panic.
//!
//! [`harness`] builds on these the contract-test harness all vendor crates share: a
//! [`harness::Spec`] over one or several documents, operations by `operationId` or
//! `METHOD /path`, request checks (body, query, path), instances with the vendor's formats,
//! strict decoding, and the wiremock helpers (`sent`, `serve`, `mount`).

pub mod drift;
pub mod harness;
pub mod lifecycle;

use std::collections::BTreeSet;

use serde_json::{Map, Value, json};

static NULL: Value = Value::Null;

/// A set of OpenAPI documents (one per vendor file) whose components refer to each other.
#[derive(Debug, Clone, Default)]
pub struct Schemas {
    docs: Vec<Value>,
}

/// Renames the components of one document to `section::Name` and rewrites its `$ref`s to
/// match, so that, beside other documents reusing the same names, each reference still
/// resolves in its own document.
pub fn qualify(mut doc: Value, section: &str) -> Value {
    fn rewrite(v: &mut Value, section: &str) {
        match v {
            Value::Object(map) => {
                for (k, x) in map.iter_mut() {
                    if k == "$ref"
                        && let Some(r) = x.as_str()
                        && let Some((kind, name)) = r
                            .strip_prefix("#/components/")
                            .and_then(|r| r.split_once('/'))
                    {
                        *x = Value::String(format!("#/components/{kind}/{section}::{name}"));
                    } else {
                        rewrite(x, section);
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|x| rewrite(x, section)),
            _ => {}
        }
    }
    rewrite(&mut doc, section);
    if let Some(components) = doc.get_mut("components").and_then(Value::as_object_mut) {
        for kind in components.values_mut() {
            if let Some(map) = kind.as_object_mut() {
                *map = std::mem::take(map)
                    .into_iter()
                    .map(|(name, v)| (format!("{section}::{name}"), v))
                    .collect();
            }
        }
    }
    doc
}

impl Schemas {
    /// The documents, searched in order.
    pub fn new(docs: Vec<Value>) -> Self {
        Self { docs }
    }

    /// Documents that each refer only to their own components although they reuse names
    /// (WB's sections: `Order` of the FBS orders is not `Order` of the analytics): each is
    /// [`qualify`]-ed with its section's name, so a `$ref` resolves in its own document.
    pub fn sections(docs: impl IntoIterator<Item = (String, Value)>) -> Self {
        Self::new(
            docs.into_iter()
                .map(|(section, doc)| qualify(doc, &section))
                .collect(),
        )
    }

    /// The documents.
    pub fn docs(&self) -> &[Value] {
        &self.docs
    }

    /// Checks a request body against a schema (see the module docs); required fields named in
    /// `exempt` may be missing.
    pub fn check(&self, schema: &Value, body: &Value, exempt: &[&str]) -> Vec<String> {
        let mut problems = Vec::new();
        self.check_into(schema, body, "", exempt, &mut problems);
        problems
    }

    /// A named schema (`Null` when the documents have none).
    pub fn schema(&self, name: &str) -> &Value {
        self.component("schemas", name)
    }

    /// A component of any kind (`schemas`, `responses`, `parameters`...) by name.
    pub fn component(&self, kind: &str, name: &str) -> &Value {
        self.docs
            .iter()
            .map(|d| &d["components"][kind][name])
            .find(|s| s.is_object())
            .unwrap_or(&NULL)
    }

    /// Follows `$ref`s; returns the schema and the name of the last one followed.
    pub fn resolve<'a>(&'a self, mut s: &'a Value) -> (&'a Value, Option<&'a str>) {
        let mut name = None;
        while let Some(r) = s.get("$ref").and_then(Value::as_str) {
            let Some((kind, n)) = r.trim_start_matches("#/components/").split_once('/') else {
                return (&NULL, None);
            };
            name = Some(n);
            s = self.component(kind, n);
        }
        (s, name)
    }

    /// The enum values of a named schema (a string enum).
    pub fn enum_values(&self, name: &str) -> BTreeSet<String> {
        self.schema(name)["enum"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str().map(str::to_owned))
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
            .into_iter()
            .flatten()
            .filter_map(|v| v.as_str().map(str::to_owned))
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

    /// The properties and required names of an `allOf` schema, its parts' `allOf`s merged
    /// too (a vendor may nest them: Yandex Market's price update over its price schema).
    fn merge_all_of(
        &self,
        s: &Value,
        merged: &mut Map<String, Value>,
        required: &mut Vec<Value>,
        depth: usize,
    ) {
        if depth > 12 {
            return;
        }
        if let Some(p) = s.get("properties").and_then(Value::as_object) {
            merged.extend(p.clone());
        }
        if let Some(req) = s.get("required").and_then(Value::as_array) {
            required.extend(req.clone());
        }
        for sub in s
            .get("allOf")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let (r, _) = self.resolve(sub);
            self.merge_all_of(r, merged, required, depth + 1);
        }
    }

    /// Checks a request body against the operation's request schema: every field sent is in
    /// the schema with the right JSON type and enum value, and every required field is sent.
    /// Checks `v` against `schema` at path `at`, collecting problems; required fields named
    /// in `exempt` (paths like `stocks[].product_id`) may be missing.
    pub fn check_into(
        &self,
        schema: &Value,
        v: &Value,
        at: &str,
        exempt: &[&str],
        problems: &mut Vec<String>,
    ) {
        let (s, _) = self.resolve(schema);
        if s.get("allOf").is_some() {
            let mut merged = Map::new();
            let mut required = Vec::new();
            self.merge_all_of(s, &mut merged, &mut required, 0);
            let flat = json!({"type": "object", "properties": merged, "required": required});
            return self.check_into(&flat, v, at, exempt, problems);
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
                        Some(ps) => self.check_into(ps, val, &path, exempt, problems),
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
                    let Some(r) = r.as_str() else { continue };
                    let path = if at.is_empty() {
                        r.to_owned()
                    } else {
                        format!("{at}.{r}")
                    };
                    // A required name the schema does not define (stocks[].quant_size, removed
                    // in 2025 but left in `required`) is the spec's own inconsistency.
                    let defined = props.is_some_and(|p| p.contains_key(r));
                    let skip = !defined || exempt.contains(&path.as_str());
                    if !m.contains_key(r) && !skip {
                        problems.push(format!("{path}: required but not sent"));
                    }
                }
            }
            ("array", Value::Array(items)) => {
                for (i, item) in items.iter().enumerate() {
                    let _ = i;
                    self.check_into(&s["items"], item, &format!("{at}[]"), exempt, problems);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn schemas() -> Schemas {
        Schemas::new(vec![json!({"components": {"schemas": {
            "Base": {"type": "object", "required": ["value"], "properties": {
                "value": {"type": "number"}, "currencyId": {"type": "string", "enum": ["RUR"]}
            }},
            "WithDiscount": {"allOf": [{"$ref": "#/components/schemas/Base"}, {"type": "object",
                "properties": {"discountBase": {"type": "number"}}}]},
            "Update": {"allOf": [{"$ref": "#/components/schemas/WithDiscount"}, {"type": "object",
                "properties": {"minimumForBestseller": {"type": "number"}}}]}
        }}})])
    }

    #[test]
    fn nested_all_of_is_merged_at_every_level() {
        let s = schemas();
        let schema = json!({"$ref": "#/components/schemas/Update"});
        let ok = json!({"value": 10, "currencyId": "RUR", "discountBase": 12, "minimumForBestseller": 9});
        assert_eq!(s.check(&schema, &ok, &[]), Vec::<String>::new());
        let missing = json!({"discountBase": 12});
        assert_eq!(
            s.check(&schema, &missing, &[]).len(),
            1,
            "value is required two levels down"
        );
        let unknown = json!({"value": 1, "extra": true});
        assert_eq!(s.check(&schema, &unknown, &[]).len(), 1);
        let built = s.maximal(&schema);
        for field in [
            "value",
            "currencyId",
            "discountBase",
            "minimumForBestseller",
        ] {
            assert!(built.get(field).is_some(), "{field} in {built}");
        }
    }
}
