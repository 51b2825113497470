//! Filling schemas a source cut short.
//!
//! The mirror that renders WB's portal into OpenAPI files (`MissiaL/wildberries-api`) replaced
//! every schema nested deeper than its renderer's limit with the string `"[MaxDepth]"` in its
//! 2026-08 refresh (1,034 places, among them the whole 200 answer of `GET /api/v3/orders/new`),
//! while its previous refresh had them whole. Contract tests cannot check a response against
//! `"[MaxDepth]"`, so a snapshot may fill each cut node from an earlier document of the same
//! source, at the same place: the operations, parameters, limits and every node that was not
//! cut stay as the newer document has them. What could not be filled (an operation the older
//! document lacks) stays cut, and is counted.

use serde_json::{Map, Value};

/// The marker the source writes where it cut a schema.
pub const CUT: &str = "[MaxDepth]";

/// What [`fill_cut`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FillReport {
    /// Cut nodes replaced by the older document's node at the same place.
    pub filled: usize,
    /// JSON pointers of the cut nodes the older document could not fill.
    pub left: Vec<String>,
}

/// Replaces every `"[MaxDepth]"` node of `doc` with the node at the same place in the first of
/// the `older` documents that has one (following its `$ref`s where its structure names a
/// component instead) that is not cut itself. The older documents may be split differently
/// (WB's portal files against the mirror's sections): a path is looked up in each.
pub fn fill_cut(doc: &mut Value, older: &[Value]) -> FillReport {
    let mut report = FillReport::default();
    let mut path = Vec::new();
    walk(doc, older, &mut path, &mut report);
    report
}

fn walk(node: &mut Value, older: &[Value], path: &mut Vec<String>, report: &mut FillReport) {
    match node {
        Value::String(s) if s == CUT => match older
            .iter()
            .filter_map(|o| lookup(o, path))
            .find(|found| !contains_cut(found))
        {
            Some(found) => {
                *node = found.clone();
                report.filled += 1;
            }
            None => report.left.push(pointer(path)),
        },
        Value::Object(map) => {
            for (k, v) in map.iter_mut() {
                path.push(k.clone());
                walk(v, older, path, report);
                path.pop();
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter_mut().enumerate() {
                path.push(i.to_string());
                walk(v, older, path, report);
                path.pop();
            }
        }
        _ => {}
    }
}

/// The node of `doc` at `path`, following `$ref`s (`#/components/...`) met on the way.
fn lookup<'a>(doc: &'a Value, path: &[String]) -> Option<&'a Value> {
    let mut node = doc;
    for seg in path {
        let mut hops = 0;
        loop {
            let next = match node {
                Value::Object(map) => map.get(seg.as_str()),
                Value::Array(items) => seg.parse::<usize>().ok().and_then(|i| items.get(i)),
                _ => None,
            };
            if let Some(n) = next {
                node = n;
                break;
            }
            // Not here: the older document may name a component where the newer inlines it.
            let target = node
                .as_object()
                .and_then(|m: &Map<String, Value>| m.get("$ref"))
                .and_then(Value::as_str)
                .and_then(|r| r.strip_prefix("#/"))?;
            hops += 1;
            if hops > 16 {
                return None;
            }
            node = target.split('/').try_fold(doc, |n, part| n.get(part))?;
        }
    }
    Some(node)
}

fn contains_cut(v: &Value) -> bool {
    match v {
        Value::String(s) => s == CUT,
        Value::Object(map) => map.values().any(contains_cut),
        Value::Array(items) => items.iter().any(contains_cut),
        _ => false,
    }
}

fn pointer(path: &[String]) -> String {
    path.iter()
        .map(|p| format!("/{}", p.replace('~', "~0").replace('/', "~1")))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn cut_nodes_are_filled_from_the_same_place_and_the_rest_is_kept() {
        let mut doc = json!({
            "paths": {
                "/api/v3/orders/new": {"get": {
                    "x-wb-rate-limits": {"limits": [{"limit": "300 requests"}]},
                    "responses": {"200": {"content": {"application/json": {"schema": {
                        "type": "object", "properties": CUT
                    }}}}}
                }},
                "/api/new-only": {"post": {"requestBody": CUT}}
            }
        });
        let older = json!({
            "paths": {
                "/api/v3/orders/new": {"get": {
                    "x-wb-rate-limits": {"limits": [{"limit": "100 requests"}]},
                    "responses": {"200": {"content": {"application/json": {"schema": {
                        "type": "object",
                        "properties": {"orders": {"type": "array"}}
                    }}}}}
                }}
            }
        });
        let report = fill_cut(&mut doc, std::slice::from_ref(&older));
        assert_eq!(report.filled, 1);
        assert_eq!(report.left, vec!["/paths/~1api~1new-only/post/requestBody"]);
        let schema = &doc["paths"]["/api/v3/orders/new"]["get"]["responses"]["200"]["content"]["application/json"]
            ["schema"];
        assert_eq!(schema["properties"]["orders"]["type"], "array");
        // Nodes that were not cut keep the newer values.
        assert_eq!(
            doc["paths"]["/api/v3/orders/new"]["get"]["x-wb-rate-limits"]["limits"][0]["limit"],
            "300 requests"
        );
    }

    #[test]
    fn the_older_documents_refs_are_followed() {
        let mut doc = json!({"paths": {"/p": {"get": {"responses": {"200": {"content": {
            "application/json": {"schema": {"properties": {"items": CUT}}}
        }}}}}}});
        let older = json!({
            "paths": {"/p": {"get": {"responses": {"200": {"content": {
                "application/json": {"schema": {"$ref": "#/components/schemas/List"}}
            }}}}}},
            "components": {"schemas": {"List": {"properties": {"items": {"type": "array"}}}}}
        });
        let report = fill_cut(&mut doc, std::slice::from_ref(&older));
        assert_eq!(report.filled, 1);
        assert!(report.left.is_empty());
        assert_eq!(
            doc["paths"]["/p"]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
                ["properties"]["items"]["type"],
            "array"
        );
    }

    #[test]
    fn a_node_cut_in_both_documents_stays_cut() {
        let mut doc = json!({"a": {"b": CUT}});
        let older = json!({"a": {"b": {"c": CUT}}});
        let report = fill_cut(&mut doc, std::slice::from_ref(&older));
        assert_eq!(report.filled, 0);
        assert_eq!(report.left, vec!["/a/b"]);
        assert_eq!(doc["a"]["b"], CUT);
    }
}
