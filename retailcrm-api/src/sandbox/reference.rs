//! The reference-book handlers: books read (keyed by code, or listed, as the API answers)
//! and edited (an entry with a new code is created).

use std::collections::BTreeMap;

use market_core::sandbox::{Answer, Call};
use serde_json::{Value, json};

use super::state::State;
use super::{bad_input, error, form, json_field, ok};

/// The book of an operation: its member in the answer, its form field, whether it is keyed,
/// and the state's entries.
fn book<'s>(
    state: &'s mut State,
    name: &str,
) -> Option<(
    &'static str,
    &'static str,
    bool,
    &'s mut BTreeMap<String, String>,
)> {
    let book = name
        .trim_start_matches("reference_")
        .trim_end_matches("_list")
        .trim_end_matches("_edit");
    Some(match book {
        "sites" => ("sites", "site", true, &mut state.sites),
        "stores" => ("stores", "store", false, &mut state.stores),
        "statuses" => ("statuses", "status", true, &mut state.statuses),
        "delivery_types" => (
            "deliveryTypes",
            "deliveryType",
            true,
            &mut state.delivery_types,
        ),
        "payment_types" => (
            "paymentTypes",
            "paymentType",
            true,
            &mut state.payment_types,
        ),
        "order_types" => ("orderTypes", "orderType", true, &mut state.order_types),
        "order_methods" => (
            "orderMethods",
            "orderMethod",
            true,
            &mut state.order_methods,
        ),
        "price_types" => ("priceTypes", "priceType", false, &mut state.price_types),
        _ => return None,
    })
}

fn entry(book: &str, code: &str, value: &str) -> Value {
    match book {
        "statuses" => json!({ "code": code, "name": code, "active": true, "group": value }),
        "sites" => json!({ "code": code, "name": value }),
        _ => json!({ "code": code, "name": value, "active": true }),
    }
}

pub(super) fn handle(state: &mut State, call: &Call<'_>) -> Answer {
    let name = call.op.name;
    match name {
        "reference_countries" => return ok(200, json!({ "countriesIso": ["RU"] })),
        "reference_status_groups_list" => {
            let mut groups: BTreeMap<String, Value> = BTreeMap::new();
            for (code, group) in &state.statuses {
                let g = groups.entry(group.clone()).or_insert_with(
                    || json!({ "code": group, "name": group, "active": true, "statuses": [] }),
                );
                if let Some(list) = g["statuses"].as_array_mut() {
                    list.push(json!(code));
                }
            }
            return ok(200, json!({ "statusGroups": groups }));
        }
        _ => {}
    }
    let edit = name.ends_with("_edit");
    let Some((member, field, keyed, entries)) = book(state, name) else {
        // Other books: empty, and not editable here.
        if edit {
            return error(400, &format!("{name} is not emulated by the sandbox"), None);
        }
        let member = name
            .trim_start_matches("reference_")
            .trim_end_matches("_list");
        let member = camel(member);
        return ok(200, json!({ member: [] }));
    };
    if !edit {
        let items: Vec<(String, Value)> = entries
            .iter()
            .map(|(code, value)| (code.clone(), entry(member, code, value)))
            .collect();
        let body = if keyed {
            Value::Object(items.into_iter().collect())
        } else {
            Value::Array(items.into_iter().map(|(_, v)| v).collect())
        };
        return ok(200, json!({ member: body }));
    }
    let fields = match form(call, &[field]) {
        Ok(f) => f,
        Err(a) => return a,
    };
    let value = match json_field(&fields, field) {
        Ok(v) => v,
        Err(a) => return a,
    };
    let code = call.param("code").unwrap_or_default().to_owned();
    if value
        .get("code")
        .and_then(Value::as_str)
        .is_some_and(|c| c != code)
    {
        return bad_input(json!({ "code": "The code of the entry and of the path differ." }));
    }
    let text = |k: &str| value.get(k).and_then(Value::as_str).map(str::to_owned);
    let stored = if member == "statuses" {
        text("group")
    } else {
        text("name")
    };
    let created = !entries.contains_key(&code);
    if created && stored.is_none() {
        return bad_input(json!({ "name": "This value should not be blank." }));
    }
    if let Some(s) = stored {
        entries.insert(code, s);
    }
    ok(if created { 201 } else { 200 }, json!({}))
}

fn camel(snake: &str) -> String {
    let mut out = String::new();
    let mut up = false;
    for c in snake.chars() {
        if c == '_' {
            up = true;
        } else if up {
            out.push(c.to_ascii_uppercase());
            up = false;
        } else {
            out.push(c);
        }
    }
    out
}
