//! The naming rule of generated code (DESIGN.md, "Generated code"):
//!
//! - an operation: the path's segments without `api`, version segments (`v1`, `v2`) and
//!   path parameters, then `by_<parameter>` for each path parameter, then a verb for writes
//!   (`create` for POST, `update` for PUT and PATCH, `delete` for DELETE; none for a read,
//!   whatever its method), in SCREAMING_SNAKE for the static and snake_case for its name and
//!   method: `GET /api/v1/tariffs/box` -> `TARIFFS_BOX`, `tariffs_box`; two operations of a
//!   section that the rule names alike get their path's version appended (`_v0`, `_v1`);
//! - a component schema: Rust case of its name, a dotted prefix (`models.`) dropped;
//! - an inline object: its parent type's name followed by the field's name in Rust case (the
//!   items of an array field take the same name); at the operation, `<Op>Request`,
//!   `<Op>Response`, `<Op>Query` (`<Op>` the static in Rust case);
//! - a field: snake_case of the wire name (`r#type` for keywords), renamed to the wire name.
//!
//! The per-vendor override file replaces a name the rule makes unusable.

/// Splits a wire name into lower-case words: camelCase, PascalCase, snake_case, kebab-case,
/// dotted and spaced names alike (`warehouseIDs` -> `warehouse`, `ids`).
pub fn words(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.chars().collect();
    let mut out = Vec::new();
    let mut cur = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_alphanumeric() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        let prev = if i > 0 {
            chars.get(i - 1).copied()
        } else {
            None
        };
        let next = chars.get(i + 1).copied();
        let boundary = c.is_uppercase()
            && prev.is_some_and(|p| {
                p.is_lowercase()
                    || p.is_ascii_digit()
                    || (p.is_uppercase()
                        && next.is_some_and(char::is_lowercase)
                        && !is_plural_s(&chars, i))
            });
        if boundary && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        cur.extend(c.to_lowercase());
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// `IDs`: an acronym's plural `s` stays with it (at `D` before `s` at the end of a word).
fn is_plural_s(chars: &[char], i: usize) -> bool {
    chars.get(i + 1) == Some(&'s')
        && chars.get(i + 2).is_none_or(|c| !c.is_lowercase())
        && i > 0
        && chars.get(i - 1).is_some_and(|c| c.is_uppercase())
}

/// snake_case.
pub fn snake(name: &str) -> String {
    words(name).join("_")
}

/// SCREAMING_SNAKE_CASE.
pub fn screaming(name: &str) -> String {
    snake(name).to_uppercase()
}

/// UpperCamelCase (Rust case of a type).
pub fn camel(name: &str) -> String {
    words(name)
        .iter()
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_uppercase().chain(c).collect::<String>(),
                None => String::new(),
            }
        })
        .collect()
}

const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern",
    "false", "fn", "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut",
    "pub", "ref", "return", "self", "static", "struct", "super", "trait", "true", "type", "unsafe",
    "use", "where", "while", "abstract", "become", "box", "do", "final", "macro", "override",
    "priv", "try", "typeof", "unsized", "virtual", "yield",
];

/// A field's Rust name: snake_case of the wire name, a raw identifier for a keyword, `_`
/// prefixed when it would start with a digit.
pub fn field(name: &str) -> String {
    let s = snake(name);
    let s = if s.is_empty() { "value".to_owned() } else { s };
    if s.starts_with(|c: char| c.is_ascii_digit()) {
        format!("n{s}")
    } else if matches!(s.as_str(), "self" | "super" | "crate") {
        format!("{s}_")
    } else if KEYWORDS.contains(&s.as_str()) {
        format!("r#{s}")
    } else {
        s
    }
}

/// A component schema's type name: the last dotted segment in Rust case.
pub fn schema_type(spec_name: &str) -> String {
    camel(spec_name.rsplit('.').next().unwrap_or(spec_name))
}

/// An enum variant: Rust case of the value; `Empty` for `""`, `V` prefixed before a digit.
pub fn variant(value: &str) -> String {
    let c = camel(value);
    if c.is_empty() {
        "Empty".to_owned()
    } else if c.starts_with(|ch: char| ch.is_ascii_digit()) {
        format!("V{c}")
    } else {
        c
    }
}

/// The operation's name by the rule (snake_case; the static is its upper case).
pub fn operation(method: &str, path: &str, readonly: bool) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut params: Vec<String> = Vec::new();
    for seg in path.split('/').filter(|s| !s.is_empty()) {
        if let Some(p) = seg.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
            params.push(snake(p));
        } else if seg == "api" || is_version(seg) {
            continue;
        } else {
            parts.push(snake(seg));
        }
    }
    for p in params {
        parts.push(format!("by_{p}"));
    }
    if !readonly {
        let verb = match method.to_ascii_uppercase().as_str() {
            "POST" => Some("create"),
            "PUT" | "PATCH" => Some("update"),
            "DELETE" => Some("delete"),
            _ => None,
        };
        if let Some(v) = verb {
            parts.push(v.to_owned());
        }
    }
    if parts.is_empty() {
        parts.push("root".to_owned());
    }
    parts.join("_")
}

/// A version segment of a path (`v1`, `v2`).
pub fn is_version(seg: &str) -> bool {
    seg.strip_prefix('v')
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cases() {
        assert_eq!(snake("warehouseIDs"), "warehouse_ids");
        assert_eq!(snake("boxTypeID"), "box_type_id");
        assert_eq!(snake("for_withdraw"), "for_withdraw");
        assert_eq!(snake("fromID"), "from_id");
        assert_eq!(camel("models.WarehouseBoxRates"), "ModelsWarehouseBoxRates");
        assert_eq!(schema_type("models.WarehouseBoxRates"), "WarehouseBoxRates");
        assert_eq!(schema_type("createInviteRequest"), "CreateInviteRequest");
        assert_eq!(field("type"), "r#type");
        assert_eq!(variant("pendingActivation"), "PendingActivation");
        assert_eq!(variant(""), "Empty");
        assert_eq!(operation("GET", "/api/v1/tariffs/box", true), "tariffs_box");
        assert_eq!(
            operation(
                "POST",
                "/api/finance/v1/acquiring/detailed/{reportId}",
                true
            ),
            "finance_acquiring_detailed_by_report_id"
        );
        assert_eq!(operation("DELETE", "/api/v1/user", false), "user_delete");
        assert_eq!(operation("GET", "/ping", true), "ping");
    }
}
