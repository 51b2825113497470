//! The order handlers: list, get, create, edit, upload (HTTP 460 on partial failure),
//! history, statuses, fix-external-ids.

use market_core::sandbox::{Answer, Call};
use serde_json::{Value, json};

use super::state::{State, now};
use super::{bad_input, error, filter_values, form, json_field, ok, page_of, paging, text};
use crate::api::orders::ORDERS_UPLOAD_MAX;
use crate::ids::OrderId;
use crate::models::Order;

pub(super) fn handle(state: &mut State, call: &Call<'_>) -> Answer {
    let result = match call.op.name {
        "orders_list" => list(state, call),
        "orders_get" => get(state, call),
        "orders_create" => create(state, call),
        "orders_edit" => edit(state, call),
        "orders_upload" => upload(state, call),
        "orders_history" => history(state, call),
        "orders_statuses" => statuses(state, call),
        "orders_fix_external_ids" => fix_external_ids(state, call),
        other => Err(error(
            400,
            &format!("{other} is not emulated by the sandbox"),
            None,
        )),
    };
    result.unwrap_or_else(|answer| answer)
}

/// The reasons an order cannot be saved, by field.
fn check(state: &State, order: &Value, site: &str) -> Vec<(String, String)> {
    let mut errors = Vec::new();
    if !state.sites.contains_key(site) {
        errors.push(("site".to_owned(), format!("Site \"{site}\" not found.")));
    }
    let code = |path: &str| {
        order
            .pointer(path)
            .and_then(Value::as_str)
            .map(str::to_owned)
    };
    let books = [
        ("/status", "status", &state.statuses),
        ("/orderType", "orderType", &state.order_types),
        ("/orderMethod", "orderMethod", &state.order_methods),
        ("/delivery/code", "delivery.code", &state.delivery_types),
    ];
    for (path, field, book) in books {
        if let Some(c) = code(path)
            && !book.contains_key(&c)
        {
            errors.push((field.to_owned(), format!("\"{c}\" is not a known code.")));
        }
    }
    let payments: Vec<&Value> = match order.get("payments") {
        Some(Value::Array(list)) => list.iter().collect(),
        Some(Value::Object(map)) => map.values().collect(),
        _ => Vec::new(),
    };
    for (i, p) in payments.iter().enumerate() {
        if let Some(t) = p.get("type").and_then(Value::as_str)
            && !state.payment_types.contains_key(t)
        {
            errors.push((
                format!("payments[{i}].type"),
                format!("\"{t}\" is not a known code."),
            ));
        }
    }
    if let Some(Value::Array(items)) = order.get("items") {
        for (i, item) in items.iter().enumerate() {
            match item.get("offer") {
                Some(offer) if state.offer_of(offer).is_some() => {}
                Some(_) => {
                    errors.push((format!("items[{i}].offer"), "Offer not found.".to_owned()))
                }
                None => {}
            }
        }
    }
    errors
}

fn errors_map(errors: &[(String, String)]) -> Value {
    Value::Object(
        errors
            .iter()
            .map(|(k, v)| (k.clone(), Value::String(v.clone())))
            .collect(),
    )
}

/// Saves a checked order: id, number, creation time, status `new` unless given, the site.
fn save(state: &mut State, mut order: Order, site: &str, key: &str) -> Order {
    let id = state.next_order_id;
    state.next_order_id += 1;
    order.id = Some(OrderId(id));
    order.number = Some(format!("{id}A"));
    order.site = Some(site.to_owned());
    order.created_at = Some(now());
    if order.status.is_none() {
        order.status = Some("new".to_owned());
    }
    let status = order.status.clone();
    state.orders.push(order.clone());
    state.record(
        &order,
        "status",
        Value::Null,
        status.map_or(Value::Null, |c| json!({ "code": c })),
        Some(key),
        true,
    );
    order
}

fn read(value: &Value, field: &str) -> Result<Order, Answer> {
    serde_json::from_value(value.clone())
        .map_err(|e| bad_input(json!({ field: format!("The entity is not valid: {e}") })))
}

fn site_of(state: &State, order: &Value, fields: &[(String, String)]) -> String {
    text(fields, "site")
        .map(str::to_owned)
        .or_else(|| order.get("site").and_then(Value::as_str).map(str::to_owned))
        .or_else(|| state.sites.keys().next().cloned())
        .unwrap_or_default()
}

fn create(state: &mut State, call: &Call<'_>) -> Result<Answer, Answer> {
    let fields = form(call, &["order", "site"])?;
    let value = json_field(&fields, "order")?;
    let site = site_of(state, &value, &fields);
    let errors = check(state, &value, &site);
    if !errors.is_empty() {
        return Err(error(400, "Order is not loaded", Some(errors_map(&errors))));
    }
    let order = read(&value, "order")?;
    if let Some(ext) = &order.external_id
        && state.order_index("externalId", ext).is_some()
    {
        return Err(error(400, "Order already exists.", None));
    }
    let order = save(state, order, &site, &call.account);
    Ok(ok(201, json!({ "id": order.id, "order": order })))
}

fn by_of(call: &Call<'_>, fields: Option<&[(String, String)]>) -> Result<String, Answer> {
    let by = fields
        .and_then(|f| text(f, "by").map(str::to_owned))
        .or_else(|| call.query("by"))
        .unwrap_or_else(|| "externalId".to_owned());
    if by == "id" || by == "externalId" {
        Ok(by)
    } else {
        Err(bad_input(
            json!({ "by": "The value must be id or externalId." }),
        ))
    }
}

fn get(state: &mut State, call: &Call<'_>) -> Result<Answer, Answer> {
    let by = by_of(call, None)?;
    let ident = call.param("identifier").unwrap_or_default();
    let i = state
        .order_index(&by, ident)
        .ok_or_else(|| error(404, "Not found", None))?;
    Ok(ok(200, json!({ "order": state.orders[i] })))
}

fn edit(state: &mut State, call: &Call<'_>) -> Result<Answer, Answer> {
    let fields = form(call, &["order", "by", "site"])?;
    let by = by_of(call, Some(&fields))?;
    let ident = call.param("identifier").unwrap_or_default().to_owned();
    let changes = json_field(&fields, "order")?;
    let i = state
        .order_index(&by, &ident)
        .ok_or_else(|| error(404, "Not found", None))?;
    let site = state.orders[i].site.clone().unwrap_or_default();
    let errors = check(state, &changes, &site);
    if !errors.is_empty() {
        return Err(error(400, "Order is not loaded", Some(errors_map(&errors))));
    }
    let Value::Object(changes) = changes else {
        return Err(bad_input(
            json!({ "order": "The entity must be an object." }),
        ));
    };
    let before = serde_json::to_value(&state.orders[i]).unwrap_or_default();
    let mut after = before.clone();
    for (k, v) in &changes {
        if k != "id" {
            after[k] = v.clone();
        }
    }
    let order = read(&after, "order")?;
    state.orders[i] = order.clone();
    for (k, v) in &changes {
        if k == "id" || before.get(k) == Some(v) {
            continue;
        }
        let old = before.get(k).cloned().unwrap_or(Value::Null);
        let (old, new) = if k == "status" {
            (
                old.as_str().map_or(Value::Null, |c| json!({ "code": c })),
                json!({ "code": v }),
            )
        } else {
            (old, v.clone())
        };
        state.record(&order, k, old, new, Some(&call.account), false);
    }
    Ok(ok(200, json!({ "id": order.id, "order": order })))
}

fn upload(state: &mut State, call: &Call<'_>) -> Result<Answer, Answer> {
    let fields = form(call, &["orders", "site"])?;
    let Value::Array(values) = json_field(&fields, "orders")? else {
        return Err(bad_input(json!({ "orders": "The value must be a list." })));
    };
    if values.is_empty() || values.len() > ORDERS_UPLOAD_MAX {
        return Err(bad_input(
            json!({ "orders": format!("From 1 to {ORDERS_UPLOAD_MAX} orders a request.") }),
        ));
    }
    let mut uploaded = Vec::new();
    let mut saved = Vec::new();
    let mut failed = Vec::new();
    let mut messages = Vec::new();
    for (i, value) in values.iter().enumerate() {
        let site = site_of(state, value, &fields);
        let ext = value.get("externalId").cloned().unwrap_or(Value::Null);
        let mut errors = check(state, value, &site);
        if let Some(e) = ext.as_str()
            && state.order_index("externalId", e).is_some()
        {
            errors.push(("externalId".to_owned(), "Order already exists.".to_owned()));
        }
        let order = match read(value, "orders") {
            Ok(o) if errors.is_empty() => o,
            Ok(_) | Err(_) => {
                if errors.is_empty() {
                    errors.push(("order".to_owned(), "The entity is not valid.".to_owned()));
                }
                for (field, message) in errors {
                    messages.push(format!("orders[{i}].{field}: {message}"));
                }
                failed.push(json!({ "externalId": ext }));
                continue;
            }
        };
        let order = save(state, order, &site, &call.account);
        uploaded.push(json!({ "id": order.id, "externalId": order.external_id }));
        saved.push(order);
    }
    if failed.is_empty() {
        Ok(ok(
            200,
            json!({ "uploadedOrders": uploaded, "orders": saved }),
        ))
    } else {
        Ok(Answer::json(
            460,
            &json!({
                "success": false,
                "uploadedOrders": uploaded,
                "failedOrders": failed,
                "errorMsg": "Orders are loaded with errors",
                "errors": messages,
            }),
        ))
    }
}

fn list(state: &mut State, call: &Call<'_>) -> Result<Answer, Answer> {
    let (page, limit) = paging(call)?;
    let ids = filter_values(call, "ids");
    let exts = filter_values(call, "externalIds");
    let sites = filter_values(call, "sites");
    let statuses = filter_values(call, "extendedStatus");
    let items: Vec<Value> = state
        .orders
        .iter()
        .filter(|o| ids.is_empty() || o.id.is_some_and(|id| ids.contains(&id.to_string())))
        .filter(|o| exts.is_empty() || o.external_id.as_ref().is_some_and(|e| exts.contains(e)))
        .filter(|o| sites.is_empty() || o.site.as_ref().is_some_and(|s| sites.contains(s)))
        .filter(|o| statuses.is_empty() || o.status.as_ref().is_some_and(|s| statuses.contains(s)))
        .map(|o| serde_json::to_value(o).unwrap_or_default())
        .collect();
    let (orders, pagination) = page_of(items, page, limit);
    Ok(ok(
        200,
        json!({ "pagination": pagination, "orders": orders }),
    ))
}

fn history(state: &mut State, call: &Call<'_>) -> Result<Answer, Answer> {
    let (page, limit) = paging(call)?;
    let since = match call.query("filter[sinceId]") {
        None => 0,
        Some(s) => s
            .parse::<i64>()
            .map_err(|_| bad_input(json!({ "filter[sinceId]": "The value must be a number." })))?,
    };
    let reader = call.account.clone();
    let items: Vec<Value> = state
        .history
        .iter()
        .filter(|row| row.record.id.is_some_and(|id| id.0 > since))
        .map(|row| {
            let mut record = row.record.clone();
            record.api_key = row.key.as_ref().map(|k| crate::models::HistoryApiKey {
                current: Some(*k == reader),
            });
            serde_json::to_value(record).unwrap_or_default()
        })
        .collect();
    let (history, pagination) = page_of(items, page, limit);
    Ok(ok(
        200,
        json!({ "generatedAt": now(), "history": history, "pagination": pagination }),
    ))
}

fn statuses(state: &mut State, call: &Call<'_>) -> Result<Answer, Answer> {
    let ids = call.query_all("ids[]");
    let exts = call.query_all("externalIds[]");
    let orders: Vec<Value> = state
        .orders
        .iter()
        .filter(|o| {
            o.id.is_some_and(|id| ids.contains(&id.to_string()))
                || o.external_id.as_ref().is_some_and(|e| exts.contains(e))
        })
        .map(|o| {
            let status = o.status.clone().unwrap_or_default();
            json!({
                "id": o.id, "externalId": o.external_id, "status": status,
                "group": state.statuses.get(&status),
            })
        })
        .collect();
    Ok(ok(200, json!({ "orders": orders })))
}

fn fix_external_ids(state: &mut State, call: &Call<'_>) -> Result<Answer, Answer> {
    let fields = form(call, &["orders"])?;
    let Value::Array(pairs) = json_field(&fields, "orders")? else {
        return Err(bad_input(json!({ "orders": "The value must be a list." })));
    };
    for pair in &pairs {
        let (Some(id), Some(ext)) = (
            pair.get("id").and_then(Value::as_i64),
            pair.get("externalId").and_then(Value::as_str),
        ) else {
            return Err(bad_input(
                json!({ "orders": "Every entry needs id and externalId." }),
            ));
        };
        let i = state
            .order_index("id", &id.to_string())
            .ok_or_else(|| error(404, &format!("Order {id} not found"), None))?;
        state.orders[i].external_id = Some(ext.to_owned());
    }
    Ok(ok(200, json!({})))
}
