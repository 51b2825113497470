//! OpenAPI schemas to Rust wire types: a registry of the structs and enums of one section,
//! and their source text.
//!
//! Handled: `$ref` to `components/schemas` (a struct or enum named after the component; a
//! component that is an array or a scalar is used as that type), objects with `properties`
//! (a struct), `additionalProperties` with a schema (a `BTreeMap<String, T>`), objects with
//! neither (`serde_json::Value`), arrays, string enums (`market_core::wire_enum!`: unknown
//! values kept in tolerant mode, an error under `strict`), integer enums (the integer),
//! `allOf` (properties merged, required united), `oneOf`/`anyOf` of objects (one struct with
//! every variant's properties, none required; of scalars: `serde_json::Value`), `nullable`,
//! formats `int64` (`i64`), `uint64` (`u64`), `date-time` (`Option<DateTime<Utc>>` through
//! `market_core::wire::de::opt_time`), `date` (`chrono::NaiveDate`). Money (the vendor's
//! rule) is `rust_decimal::Decimal` through `market_core::wire::de::{decimal, opt_decimal}`.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use serde_json::{Map, Value, json};

use super::naming;

/// A field's Rust type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ty {
    /// `String`.
    Str,
    /// `i64`.
    I64,
    /// `u64`.
    U64,
    /// `f64`.
    F64,
    /// `bool`.
    Bool,
    /// `rust_decimal::Decimal`; `true` when the wire sends it as a string.
    Decimal(bool),
    /// `chrono::DateTime<chrono::Utc>` (always optional).
    DateTime,
    /// `chrono::NaiveDate`.
    Date,
    /// `Vec<T>`.
    Vec(Box<Ty>),
    /// `BTreeMap<String, T>`.
    Map(Box<Ty>),
    /// `Box<T>`: a struct holding itself.
    Boxed(Box<Ty>),
    /// A generated struct.
    Struct(String),
    /// A generated enum.
    Enum(String),
    /// `serde_json::Value`.
    Json,
}

impl Ty {
    /// The Rust type.
    pub fn rust(&self) -> String {
        match self {
            Ty::Str => "String".into(),
            Ty::I64 => "i64".into(),
            Ty::U64 => "u64".into(),
            Ty::F64 => "f64".into(),
            Ty::Bool => "bool".into(),
            Ty::Decimal(_) => "Decimal".into(),
            Ty::DateTime => "DateTime<Utc>".into(),
            Ty::Date => "NaiveDate".into(),
            Ty::Vec(t) => format!("Vec<{}>", t.rust()),
            Ty::Map(t) => format!("BTreeMap<String, {}>", t.rust()),
            Ty::Boxed(t) => format!("Box<{}>", t.rust()),
            Ty::Struct(n) | Ty::Enum(n) => n.clone(),
            Ty::Json => "serde_json::Value".into(),
        }
    }
}

/// One field of a struct.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The wire name.
    pub wire: String,
    /// The Rust name.
    pub rust: String,
    /// The type (without the `Option`).
    pub ty: Ty,
    /// `Option<T>`: not required, or nullable, or a date-time.
    pub optional: bool,
    /// The doc line.
    pub doc: String,
}

/// A generated type.
#[derive(Debug, Clone, PartialEq)]
pub enum Def {
    /// A struct.
    Struct {
        /// Doc line.
        doc: String,
        /// Fields, in wire-name order.
        fields: Vec<Field>,
    },
    /// A string enum.
    Enum {
        /// Doc line.
        doc: String,
        /// The wire values.
        values: Vec<String>,
    },
}

/// Decides whether a field is money: (section, wire name, its schema).
pub type MoneyRule = fn(&str, &str, &Value) -> bool;

/// Decides whether a field is money from the object holding it too: (the parent object's
/// schema, wire name, the field's schema); Yandex Market's `value` is money beside a
/// `currencyId`.
pub type ParentMoneyRule = fn(&Value, &str, &Value) -> bool;

/// The types of one section (one document).
pub struct Registry<'a> {
    doc: &'a Value,
    section: String,
    money: MoneyRule,
    parent_money: Option<ParentMoneyRule>,
    /// Spec component name -> Rust name, from the override file.
    overrides: BTreeMap<String, String>,
    /// Rust name -> definition.
    pub defs: BTreeMap<String, Def>,
    /// Rust name -> the schema it was made from (to tell a clash from a reuse).
    origin: BTreeMap<String, Value>,
    /// Wire names of the string fields read as money (the contract tests give them a
    /// numeric maximal instance).
    pub money_strings: BTreeSet<String>,
    /// The Rust names of the document's components (an inline type does not take one, unless
    /// it is the same schema).
    reserved: BTreeMap<String, Value>,
}

/// The schema a `$ref` points to in `doc` (`#/components/...`).
pub fn deref<'v>(doc: &'v Value, schema: &'v Value) -> &'v Value {
    let mut s = schema;
    for _ in 0..16 {
        match s.get("$ref").and_then(Value::as_str) {
            Some(r) => match r.strip_prefix('#').and_then(|p| doc.pointer(p)) {
                Some(t) => s = t,
                None => return &Value::Null,
            },
            None => return s,
        }
    }
    s
}

/// The component name of a `#/components/schemas/X` reference.
fn schema_ref(schema: &Value) -> Option<&str> {
    schema
        .get("$ref")
        .and_then(Value::as_str)
        .and_then(|r| r.strip_prefix("#/components/schemas/"))
}

impl<'a> Registry<'a> {
    /// An empty registry for a document.
    pub fn new(
        doc: &'a Value,
        section: &str,
        money: MoneyRule,
        overrides: BTreeMap<String, String>,
    ) -> Self {
        let mut reserved = BTreeMap::new();
        if let Some(components) = doc
            .pointer("/components/schemas")
            .and_then(Value::as_object)
        {
            for (name, schema) in components {
                let rust = overrides
                    .get(name)
                    .cloned()
                    .unwrap_or_else(|| naming::schema_type(name));
                reserved.insert(rust, stripped(schema));
            }
        }
        Self {
            doc,
            section: section.to_owned(),
            money,
            parent_money: None,
            overrides,
            defs: BTreeMap::new(),
            origin: BTreeMap::new(),
            money_strings: BTreeSet::new(),
            reserved,
        }
    }

    /// Also reads as money the fields `rule` says are, knowing the object holding them.
    #[must_use]
    pub fn with_parent_money(mut self, rule: ParentMoneyRule) -> Self {
        self.parent_money = Some(rule);
        self
    }

    /// The name of a type: a component's own (`exact`), or for an inline type `hint`, else
    /// `hint2`, `hint3`... when another schema holds it (a component's name counts as held).
    fn name_for(&self, hint: &str, schema: &Value, exact: bool) -> String {
        if exact {
            return hint.to_owned();
        }
        let own = stripped(schema);
        for i in 1.. {
            let cand = if i == 1 {
                hint.to_owned()
            } else {
                format!("{hint}{i}")
            };
            match self.origin.get(&cand) {
                Some(old) if *old == own => return cand,
                Some(_) => continue,
                None => {
                    if self.reserved.get(&cand).is_none_or(|r| *r == own) {
                        return cand;
                    }
                }
            }
        }
        hint.to_owned()
    }

    /// The type of `schema`, registering the structs and enums it needs; an inline object or
    /// enum is named `hint`; `context` says where it is used (the doc line of a new type).
    ///
    /// # Errors
    /// Two different schemas wanting one name.
    pub fn ty(&mut self, schema: &Value, hint: &str, context: &str) -> Result<Ty, String> {
        self.ty_in(schema, hint, context, false)
    }

    fn ty_in(
        &mut self,
        schema: &Value,
        hint: &str,
        context: &str,
        exact: bool,
    ) -> Result<Ty, String> {
        if let Some(name) = schema_ref(schema) {
            let target = deref(self.doc, schema).clone();
            let rust = self
                .overrides
                .get(name)
                .cloned()
                .unwrap_or_else(|| naming::schema_type(name));
            let context = format!("{context} (schema `{name}`)");
            return self.ty_in(&target, &rust, &context, true);
        }
        if schema.get("$ref").is_some() {
            let target = deref(self.doc, schema).clone();
            return self.ty_in(&target, hint, context, exact);
        }
        if let Some(merged) = self.merge(schema) {
            return self.ty_in(&merged, hint, context, exact);
        }
        let kind = schema.get("type").and_then(Value::as_str).unwrap_or("");
        let has_props = schema
            .get("properties")
            .and_then(Value::as_object)
            .is_some_and(|p| !p.is_empty());
        if kind == "object"
            || has_props
            || (kind.is_empty() && schema.get("additionalProperties").is_some())
        {
            if has_props {
                let name = self.name_for(hint, schema, exact);
                self.structure(schema, &name, context)?;
                return Ok(Ty::Struct(name));
            }
            if let Some(ap) = schema.get("additionalProperties").filter(|a| a.is_object()) {
                let inner = self.ty(ap, &format!("{hint}Value"), context)?;
                return Ok(Ty::Map(Box::new(inner)));
            }
            return Ok(Ty::Json);
        }
        match kind {
            "array" => {
                let items = schema.get("items").cloned().unwrap_or(Value::Null);
                let inner = self.ty_in(&items, hint, context, exact)?;
                Ok(Ty::Vec(Box::new(inner)))
            }
            "string" => {
                if let Some(values) = schema.get("enum").and_then(Value::as_array) {
                    let values: Vec<String> = values
                        .iter()
                        .filter_map(|v| v.as_str().map(str::to_owned))
                        .collect();
                    let name = self.name_for(hint, schema, exact);
                    if self.claim(&name, schema)? {
                        self.defs.insert(
                            name.clone(),
                            Def::Enum {
                                doc: context.to_owned(),
                                values,
                            },
                        );
                    }
                    return Ok(Ty::Enum(name));
                }
                Ok(match schema.get("format").and_then(Value::as_str) {
                    Some("date-time") => Ty::DateTime,
                    Some("date") => Ty::Date,
                    _ => Ty::Str,
                })
            }
            "integer" => Ok(match schema.get("format").and_then(Value::as_str) {
                Some("uint64") => Ty::U64,
                _ => Ty::I64,
            }),
            "number" => Ok(Ty::F64),
            "boolean" => Ok(Ty::Bool),
            _ => Ok(Ty::Json),
        }
    }

    /// `allOf`, `oneOf`, `anyOf` as one object schema: `allOf` unites properties and required
    /// fields; `oneOf`/`anyOf` of objects unites properties, none required. `None` when the
    /// schema has none of them, or a variant is not an object (then the caller reads the
    /// schema's own type, `serde_json::Value` without one).
    fn merge(&self, schema: &Value) -> Option<Value> {
        let (variants, all) = if let Some(v) = schema.get("allOf").and_then(Value::as_array) {
            (v, true)
        } else if let Some(v) = schema
            .get("oneOf")
            .or_else(|| schema.get("anyOf"))
            .and_then(Value::as_array)
        {
            (v, false)
        } else {
            return None;
        };
        let mut props = Map::new();
        let mut required = BTreeSet::new();
        if let Some(own) = schema.get("properties").and_then(Value::as_object) {
            props.extend(own.clone());
        }
        for v in variants {
            let v = deref(self.doc, v);
            let v = self.merge(v).unwrap_or_else(|| v.clone());
            let Some(p) = v.get("properties").and_then(Value::as_object) else {
                return Some(json!({}));
            };
            for (k, s) in p {
                let merged = match props.get(k) {
                    Some(old) => merge_two(self.doc, old, s),
                    None => s.clone(),
                };
                props.insert(k.clone(), merged);
            }
            if all {
                required.extend(
                    v.get("required")
                        .and_then(Value::as_array)
                        .into_iter()
                        .flatten()
                        .filter_map(|r| r.as_str().map(str::to_owned)),
                );
            }
        }
        let mut out = json!({"type": "object", "properties": props});
        if !required.is_empty() {
            out["required"] = json!(required);
        }
        if schema.get("nullable") == Some(&json!(true)) {
            out["nullable"] = json!(true);
        }
        Some(out)
    }

    /// Claims a Rust name for `schema`: fine when free or taken by the same schema.
    fn claim(&mut self, name: &str, schema: &Value) -> Result<bool, String> {
        let own = stripped(schema);
        match self.origin.get(name) {
            Some(old) if *old == own => Ok(false),
            Some(_) => Err(format!(
                "two schemas want the Rust name {name}: name one in the override file"
            )),
            None => {
                self.origin.insert(name.to_owned(), own);
                Ok(true)
            }
        }
    }

    fn structure(&mut self, schema: &Value, name: &str, context: &str) -> Result<(), String> {
        if !self.claim(name, schema)? {
            return Ok(());
        }
        // A placeholder first: a schema that refers to itself finds its name taken by itself.
        self.defs.insert(
            name.to_owned(),
            Def::Struct {
                doc: context.to_owned(),
                fields: Vec::new(),
            },
        );
        let required: BTreeSet<&str> = schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(Value::as_str)
            .collect();
        let mut fields = Vec::new();
        let empty = Map::new();
        let props = schema
            .get("properties")
            .and_then(Value::as_object)
            .unwrap_or(&empty);
        for (wire, prop) in props {
            let resolved = deref(self.doc, prop);
            let hint = format!("{name}{}", naming::camel(wire));
            let ctx = format!("`{wire}` of [`{name}`]");
            let mut ty = self.ty(prop, &hint, &ctx)?;
            if (self.money)(&self.section, wire, resolved)
                || self.parent_money.is_some_and(|r| r(schema, wire, resolved))
            {
                ty = match ty {
                    Ty::F64 | Ty::I64 | Ty::U64 => Ty::Decimal(false),
                    Ty::Str => {
                        self.money_strings.insert(wire.clone());
                        Ty::Decimal(true)
                    }
                    other => other,
                };
            }
            // A struct holding itself (a region's parent region) holds it boxed.
            if ty == Ty::Struct(name.to_owned()) {
                ty = Ty::Boxed(Box::new(ty));
            }
            let nullable = resolved.get("nullable") == Some(&json!(true));
            let optional = !required.contains(wire.as_str()) || nullable || ty == Ty::DateTime;
            // Two wire names of one snake_case (`nmIDs`, `nmIds`): the later gets `_2`.
            let mut rust = naming::field(wire);
            let mut n = 1;
            while fields.iter().any(|f: &Field| f.rust == rust) {
                n += 1;
                rust = format!("{}_{n}", naming::field(wire));
            }
            fields.push(Field {
                wire: wire.clone(),
                rust,
                doc: field_doc(wire, resolved),
                ty,
                optional,
            });
        }
        self.defs.insert(
            name.to_owned(),
            Def::Struct {
                doc: context.to_owned(),
                fields,
            },
        );
        Ok(())
    }

    /// Registers a struct made by the generator (an operation's query parameters).
    pub fn insert_struct(
        &mut self,
        name: &str,
        doc: &str,
        fields: Vec<Field>,
    ) -> Result<(), String> {
        self.claim(name, &json!({"generated": name}))?;
        self.defs.insert(
            name.to_owned(),
            Def::Struct {
                doc: doc.to_owned(),
                fields,
            },
        );
        Ok(())
    }

    /// The names of the structs that can derive `Default` (every required field's type has
    /// one: not an enum, not a struct without one).
    pub fn defaults(&self) -> BTreeSet<String> {
        let mut ok: BTreeSet<String> = self
            .defs
            .iter()
            .filter(|(_, d)| matches!(d, Def::Struct { .. }))
            .map(|(n, _)| n.clone())
            .collect();
        loop {
            let before = ok.len();
            let snapshot = ok.clone();
            ok.retain(|n| match self.defs.get(n) {
                Some(Def::Struct { fields, .. }) => fields
                    .iter()
                    .all(|f| f.optional || has_default(&f.ty, &snapshot)),
                _ => false,
            });
            if ok.len() == before {
                return ok;
            }
        }
    }

    /// The source of every type, in name order.
    pub fn render(&self) -> String {
        let defaults = self.defaults();
        let mut out = String::new();
        for (name, def) in &self.defs {
            match def {
                Def::Struct { doc, fields } => {
                    render_struct(&mut out, name, doc, fields, defaults.contains(name));
                }
                Def::Enum { doc, values } => render_enum(&mut out, name, doc, values),
            }
        }
        out
    }
}

/// A schema without its examples (two schemas differing only there are one type).
fn stripped(schema: &Value) -> Value {
    match schema {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(k, _)| !matches!(k.as_str(), "example" | "examples"))
                .map(|(k, v)| (k.clone(), stripped(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(stripped).collect()),
        other => other.clone(),
    }
}

fn has_default(ty: &Ty, structs: &BTreeSet<String>) -> bool {
    match ty {
        Ty::Enum(_) => false,
        Ty::Struct(n) => structs.contains(n),
        Ty::Boxed(t) => has_default(t, structs),
        _ => true,
    }
}

/// Two schemas of one property in two variants: objects (or arrays of objects) merged,
/// otherwise the first.
fn merge_two(doc: &Value, a: &Value, b: &Value) -> Value {
    let (ra, rb) = (deref(doc, a), deref(doc, b));
    if let (Some(pa), Some(pb)) = (
        ra.get("properties").and_then(Value::as_object),
        rb.get("properties").and_then(Value::as_object),
    ) {
        let mut props = pa.clone();
        for (k, s) in pb {
            let m = match props.get(k) {
                Some(old) => merge_two(doc, old, s),
                None => s.clone(),
            };
            props.insert(k.clone(), m);
        }
        return json!({"type": "object", "properties": props});
    }
    if ra.get("type") == Some(&json!("array")) && rb.get("type") == Some(&json!("array")) {
        let items = merge_two(doc, &ra["items"], &rb["items"]);
        let mut out = json!({"type": "array", "items": items});
        if ra.get("nullable") == Some(&json!(true)) || rb.get("nullable") == Some(&json!(true)) {
            out["nullable"] = json!(true);
        }
        return out;
    }
    a.clone()
}

/// A field's doc line: its wire name, and the spec's example when short and plain.
fn field_doc(wire: &str, schema: &Value) -> String {
    let mut doc = format!("`{wire}`");
    let example = schema
        .get("example")
        .or_else(|| schema.get("items").and_then(|i| i.get("example")));
    if let Some(e) = example {
        let text = match e {
            Value::String(s) => s.clone(),
            Value::Number(_) | Value::Bool(_) => e.to_string(),
            _ => String::new(),
        };
        if !text.is_empty()
            && text.chars().count() <= 48
            && !text.contains('`')
            && text.chars().all(|c| !c.is_control())
            && text.trim() == text
        {
            let _ = write!(doc, " (example: `{text}`)");
        }
    }
    doc.push('.');
    doc
}

fn render_struct(out: &mut String, name: &str, doc: &str, fields: &[Field], default: bool) {
    out.push_str(&super::doc("///", &format!("{doc}.")));
    let derives = if default {
        "Debug, Clone, PartialEq, Default, Serialize, Deserialize"
    } else {
        "Debug, Clone, PartialEq, Serialize, Deserialize"
    };
    let _ = writeln!(out, "#[derive({derives})]");
    let _ = writeln!(
        out,
        "#[cfg_attr(feature = \"strict\", serde(deny_unknown_fields))]"
    );
    let _ = writeln!(out, "pub struct {name} {{");
    for f in fields {
        out.push_str(&super::doc("    ///", &f.doc));
        let mut attrs: Vec<String> = Vec::new();
        let bare = f.rust.trim_start_matches("r#");
        if bare != f.wire {
            attrs.push(format!("rename = \"{}\"", f.wire));
        }
        if f.optional {
            attrs.push("default".into());
            match f.ty {
                Ty::Decimal(string) => {
                    attrs.push("deserialize_with = \"market_core::wire::de::opt_decimal\"".into());
                    if !string {
                        attrs
                            .push("serialize_with = \"market_core::wire::ser::opt_number\"".into());
                    }
                }
                Ty::DateTime => {
                    attrs.push("deserialize_with = \"market_core::wire::de::opt_time\"".into());
                }
                _ => {}
            }
            attrs.push("skip_serializing_if = \"Option::is_none\"".into());
        } else if let Ty::Decimal(string) = f.ty {
            attrs.push("deserialize_with = \"market_core::wire::de::decimal\"".into());
            if !string {
                attrs.push("serialize_with = \"market_core::wire::ser::number\"".into());
            }
        }
        if !attrs.is_empty() {
            let _ = writeln!(out, "    #[serde({})]", attrs.join(", "));
        }
        let ty = if f.optional {
            format!("Option<{}>", f.ty.rust())
        } else {
            f.ty.rust()
        };
        let _ = writeln!(out, "    pub {}: {ty},", f.rust);
    }
    let _ = writeln!(out, "}}\n");
}

fn render_enum(out: &mut String, name: &str, doc: &str, values: &[String]) {
    let _ = writeln!(out, "market_core::wire_enum! {{");
    out.push_str(&super::doc("    ///", &format!("{doc}.")));
    let _ = writeln!(out, "    pub enum {name} {{");
    // `Unknown` is the macro's own variant (a value it does not know).
    let mut seen = BTreeSet::from(["Unknown".to_owned()]);
    for v in values {
        let mut variant = naming::variant(v);
        if variant == "Unknown" {
            variant = "UnknownValue".to_owned();
        }
        while !seen.insert(variant.clone()) {
            variant.push('_');
        }
        if v.is_empty() {
            let _ = writeln!(out, "        /// The empty string.");
        } else {
            let _ = writeln!(out, "        /// `{v}`.");
        }
        let _ = writeln!(out, "        {variant} = {v:?},");
    }
    let _ = writeln!(out, "    }}\n}}\n");
}
