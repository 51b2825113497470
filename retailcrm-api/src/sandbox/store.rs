//! The catalogue handlers: products, offers and stocks read, stocks and prices uploaded (an offer the
//! catalogue lacks is listed in `notFoundOffers`, the others are saved).

use market_core::sandbox::{Answer, Call};
use rust_decimal::Decimal;
use serde_json::{Value, json};

use super::state::{OfferRow, State};
use super::{bad_input, error, filter_values, form, json_field, ok, page_of, paging, text};
use crate::api::store::{STORE_INVENTORIES_UPLOAD_MAX, STORE_PRICES_UPLOAD_MAX};

pub(super) fn handle(state: &mut State, call: &Call<'_>) -> Answer {
    let result = match call.op.name {
        "store_offers_list" => offers(state, call, false),
        "store_inventories_list" => offers(state, call, true),
        "store_products_list" => products(state, call),
        "store_inventories_upload" => inventories_upload(state, call),
        "store_prices_upload" => prices_upload(state, call),
        other => Err(error(
            400,
            &format!("{other} is not emulated by the sandbox"),
            None,
        )),
    };
    result.unwrap_or_else(|answer| answer)
}

fn offer_json(o: &OfferRow, inventory: bool) -> Value {
    let quantity: Decimal = o.stocks.values().copied().sum();
    if inventory {
        json!({ "id": o.id, "externalId": o.external_id, "xmlId": o.xml_id, "site": o.site,
                "quantity": num(quantity) })
    } else {
        let prices: Vec<Value> = o
            .prices
            .iter()
            .map(|(code, p)| json!({ "priceType": code, "price": num(*p) }))
            .collect();
        json!({ "id": o.id, "externalId": o.external_id, "xmlId": o.xml_id, "name": o.name,
                "quantity": num(quantity), "prices": prices })
    }
}

/// A decimal as a JSON number, as RetailCRM writes amounts.
fn num(d: Decimal) -> Value {
    market_core::wire::exact_number::number(&d).map_or(Value::Null, Value::Number)
}

fn offers(state: &mut State, call: &Call<'_>, inventory: bool) -> Result<Answer, Answer> {
    let (page, limit) = paging(call)?;
    let exts = filter_values(call, "externalIds");
    let ids = filter_values(call, "ids");
    let items: Vec<Value> = state
        .offers
        .iter()
        .filter(|o| exts.is_empty() || exts.contains(&o.external_id))
        .filter(|o| ids.is_empty() || ids.contains(&o.id.to_string()))
        .map(|o| offer_json(o, inventory))
        .collect();
    let (offers, pagination) = page_of(items, page, limit);
    Ok(ok(
        200,
        json!({ "pagination": pagination, "offers": offers }),
    ))
}

/// One product per offer (the sandbox's catalogue has no multi-offer products): the
/// product's `externalId` and `article` are the offer's `externalId`.
fn products(state: &mut State, call: &Call<'_>) -> Result<Answer, Answer> {
    let (page, limit) = paging(call)?;
    let ids = filter_values(call, "ids");
    let items: Vec<Value> = state
        .offers
        .iter()
        .filter(|o| ids.is_empty() || ids.contains(&o.id.to_string()))
        .map(|o| {
            let quantity: Decimal = o.stocks.values().copied().sum();
            json!({ "id": o.id, "externalId": o.external_id, "article": o.external_id,
                    "name": o.name, "active": true, "quantity": num(quantity),
                    "offers": [offer_json(o, false)] })
        })
        .collect();
    let (products, pagination) = page_of(items, page, limit);
    Ok(ok(
        200,
        json!({ "pagination": pagination, "products": products }),
    ))
}

fn find<'s>(state: &'s mut State, v: &Value) -> Option<&'s mut OfferRow> {
    let i = state.offers.iter().position(|o| {
        v.get("id").and_then(Value::as_i64) == Some(o.id)
            || v.get("externalId").and_then(Value::as_str) == Some(o.external_id.as_str())
            || v.get("xmlId").and_then(Value::as_str) == Some(o.xml_id.as_str())
    })?;
    state.offers.get_mut(i)
}

fn number(v: Option<&Value>) -> Option<Decimal> {
    match v? {
        Value::Number(n) => n.to_string().parse().ok(),
        Value::String(s) => s.parse().ok(),
        _ => None,
    }
}

fn list_field(
    call: &Call<'_>,
    field: &str,
    allowed: &[&str],
    max: usize,
) -> Result<Vec<Value>, Answer> {
    let fields = form(call, allowed)?;
    let _ = text(&fields, "site");
    let Value::Array(items) = json_field(&fields, field)? else {
        return Err(bad_input(json!({ field: "The value must be a list." })));
    };
    if items.is_empty() || items.len() > max {
        return Err(bad_input(
            json!({ field: format!("From 1 to {max} entries a request.") }),
        ));
    }
    Ok(items)
}

fn inventories_upload(state: &mut State, call: &Call<'_>) -> Result<Answer, Answer> {
    let items = list_field(
        call,
        "offers",
        &["offers", "site"],
        STORE_INVENTORIES_UPLOAD_MAX,
    )?;
    let stores = state.stores.clone();
    let mut processed = 0;
    let mut not_found = Vec::new();
    for item in &items {
        let Some(offer) = find(state, item) else {
            not_found.push(json!({ "externalId": item.get("externalId"), "xmlId": item.get("xmlId"), "id": item.get("id") }));
            continue;
        };
        for s in item
            .get("stores")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let Some(code) = s.get("code").and_then(Value::as_str) else {
                return Err(bad_input(
                    json!({ "offers": "Every store needs its code." }),
                ));
            };
            if !stores.contains_key(code) {
                return Err(bad_input(
                    json!({ "offers": format!("Store \"{code}\" not found.") }),
                ));
            }
            let available = number(s.get("available"))
                .ok_or_else(|| bad_input(json!({ "offers": "available must be a number." })))?;
            offer.stocks.insert(code.to_owned(), available);
        }
        processed += 1;
    }
    Ok(ok(
        200,
        json!({ "processedOffersCount": processed, "notFoundOffers": not_found }),
    ))
}

fn prices_upload(state: &mut State, call: &Call<'_>) -> Result<Answer, Answer> {
    let items = list_field(call, "prices", &["prices"], STORE_PRICES_UPLOAD_MAX)?;
    let types = state.price_types.clone();
    let mut processed = 0;
    let mut not_found = Vec::new();
    for item in &items {
        let Some(offer) = find(state, item) else {
            not_found.push(json!({ "externalId": item.get("externalId"), "xmlId": item.get("xmlId"), "id": item.get("id") }));
            continue;
        };
        for p in item
            .get("prices")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let Some(code) = p.get("code").and_then(Value::as_str) else {
                return Err(bad_input(
                    json!({ "prices": "Every price needs its code." }),
                ));
            };
            if !types.contains_key(code) {
                return Err(bad_input(
                    json!({ "prices": format!("Price type \"{code}\" not found.") }),
                ));
            }
            let price = number(p.get("price"))
                .ok_or_else(|| bad_input(json!({ "prices": "price must be a number." })))?;
            offer.prices.insert(code.to_owned(), price);
        }
        processed += 1;
    }
    Ok(ok(
        200,
        json!({ "processedOffersCount": processed, "notFoundOffers": not_found }),
    ))
}
