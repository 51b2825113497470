//! The customer handlers: list, get, create, edit, upload (HTTP 460 on partial failure).

use market_core::sandbox::{Answer, Call};
use serde_json::{Value, json};

use super::state::{State, now};
use super::{bad_input, error, filter_values, form, json_field, ok, page_of, paging, text};
use crate::api::customers::CUSTOMERS_UPLOAD_MAX;
use crate::ids::CustomerId;
use crate::models::Customer;

pub(super) fn handle(state: &mut State, call: &Call<'_>) -> Answer {
    let result = match call.op.name {
        "customers_list" => list(state, call),
        "customers_get" => get(state, call),
        "customers_create" => create(state, call),
        "customers_edit" => edit(state, call),
        "customers_upload" => upload(state, call),
        other => Err(error(
            400,
            &format!("{other} is not emulated by the sandbox"),
            None,
        )),
    };
    result.unwrap_or_else(|answer| answer)
}

fn index(state: &State, by: &str, value: &str) -> Option<usize> {
    state.customers.iter().position(|c| match by {
        "id" => c.id.map(|i| i.0.to_string()).as_deref() == Some(value),
        _ => c.external_id.as_deref() == Some(value),
    })
}

/// Why a customer cannot be saved: an unknown site, an external id already used.
fn check(state: &State, value: &Value, site: &str) -> Option<String> {
    if !state.sites.contains_key(site) {
        return Some(format!("site: Site \"{site}\" not found."));
    }
    let ext = value.get("externalId").and_then(Value::as_str)?;
    index(state, "externalId", ext).map(|_| "externalId: Customer already exists.".to_owned())
}

fn save(state: &mut State, value: &Value, site: &str) -> Result<Customer, Answer> {
    let mut customer: Customer = serde_json::from_value(value.clone())
        .map_err(|e| bad_input(json!({ "customer": format!("The entity is not valid: {e}") })))?;
    customer.id = Some(CustomerId(state.next_customer_id));
    state.next_customer_id += 1;
    customer.site = Some(site.to_owned());
    customer.created_at = Some(now());
    state.customers.push(customer.clone());
    Ok(customer)
}

fn site_of(state: &State, value: &Value, fields: &[(String, String)]) -> String {
    text(fields, "site")
        .map(str::to_owned)
        .or_else(|| value.get("site").and_then(Value::as_str).map(str::to_owned))
        .or_else(|| state.sites.keys().next().cloned())
        .unwrap_or_default()
}

fn create(state: &mut State, call: &Call<'_>) -> Result<Answer, Answer> {
    let fields = form(call, &["customer", "site"])?;
    let value = json_field(&fields, "customer")?;
    let site = site_of(state, &value, &fields);
    if let Some(problem) = check(state, &value, &site) {
        return Err(error(400, &problem, None));
    }
    let customer = save(state, &value, &site)?;
    Ok(ok(201, json!({ "id": customer.id })))
}

fn get(state: &mut State, call: &Call<'_>) -> Result<Answer, Answer> {
    let by = call.query("by").unwrap_or_else(|| "externalId".to_owned());
    let i = index(state, &by, call.param("identifier").unwrap_or_default())
        .ok_or_else(|| error(404, "Not found", None))?;
    Ok(ok(200, json!({ "customer": state.customers[i] })))
}

fn edit(state: &mut State, call: &Call<'_>) -> Result<Answer, Answer> {
    let fields = form(call, &["customer", "by", "site"])?;
    let by = text(&fields, "by").unwrap_or("externalId").to_owned();
    let i = index(state, &by, call.param("identifier").unwrap_or_default())
        .ok_or_else(|| error(404, "Not found", None))?;
    let Value::Object(changes) = json_field(&fields, "customer")? else {
        return Err(bad_input(
            json!({ "customer": "The entity must be an object." }),
        ));
    };
    let mut after = serde_json::to_value(&state.customers[i]).unwrap_or_default();
    for (k, v) in changes {
        if k != "id" {
            after[k] = v;
        }
    }
    let customer: Customer = serde_json::from_value(after)
        .map_err(|e| bad_input(json!({ "customer": format!("The entity is not valid: {e}") })))?;
    state.customers[i] = customer.clone();
    Ok(ok(200, json!({ "id": customer.id })))
}

fn upload(state: &mut State, call: &Call<'_>) -> Result<Answer, Answer> {
    let fields = form(call, &["customers", "site"])?;
    let Value::Array(values) = json_field(&fields, "customers")? else {
        return Err(bad_input(
            json!({ "customers": "The value must be a list." }),
        ));
    };
    if values.is_empty() || values.len() > CUSTOMERS_UPLOAD_MAX {
        return Err(bad_input(
            json!({ "customers": format!("From 1 to {CUSTOMERS_UPLOAD_MAX} customers a request.") }),
        ));
    }
    let (mut uploaded, mut failed, mut errors) = (Vec::new(), Vec::new(), Vec::new());
    for (i, value) in values.iter().enumerate() {
        let site = site_of(state, value, &fields);
        let ext = value.get("externalId").cloned().unwrap_or(Value::Null);
        let saved = match check(state, value, &site) {
            Some(problem) => Err(problem),
            None => save(state, value, &site)
                .map_err(|_| "customer: The entity is not valid.".to_owned()),
        };
        match saved {
            Ok(c) => uploaded.push(json!({ "id": c.id, "externalId": c.external_id })),
            Err(problem) => {
                errors.push(format!("customers[{i}].{problem}"));
                failed.push(json!({ "externalId": ext }));
            }
        }
    }
    if failed.is_empty() {
        Ok(ok(200, json!({ "uploadedCustomers": uploaded })))
    } else {
        Ok(Answer::json(
            460,
            &json!({
                "success": false,
                "uploadedCustomers": uploaded,
                "failedCustomers": failed,
                "errorMsg": "Customers are loaded with errors",
                "errors": errors,
            }),
        ))
    }
}

fn list(state: &mut State, call: &Call<'_>) -> Result<Answer, Answer> {
    let (page, limit) = paging(call)?;
    let exts = filter_values(call, "externalIds");
    let items: Vec<Value> = state
        .customers
        .iter()
        .filter(|c| exts.is_empty() || c.external_id.as_ref().is_some_and(|e| exts.contains(e)))
        .map(|c| serde_json::to_value(c).unwrap_or_default())
        .collect();
    let (customers, pagination) = page_of(items, page, limit);
    Ok(ok(
        200,
        json!({ "pagination": pagination, "customers": customers }),
    ))
}
