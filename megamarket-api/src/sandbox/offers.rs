//! The offer methods: stocks and prices.

use market_core::sandbox::{Answer, Call};
use serde_json::json;

use super::{State, data, ok, refuse};
use crate::models::offers::{ManualPriceSave, StockUpdate};

/// `stock/update`: sets every stock, or refuses the whole request for a negative one.
pub(super) fn stock_update(state: &mut State, call: &Call<'_>) -> Result<Answer, Answer> {
    let body: StockUpdate = data(call)?;
    if let Some(bad) = body.stocks.iter().find(|s| s.quantity < 0) {
        return Err(refuse(
            "INVALID_QUANTITY",
            format!("quantity of offer {} is negative", bad.offer_id),
        ));
    }
    for s in body.stocks {
        state.stocks.insert(s.offer_id, s.quantity);
    }
    Ok(ok(json!({"result": 1})))
}

/// `manualPrice/save`: whole roubles only (a fraction refuses the request); a price of an
/// offer outside the catalogue is not saved and comes back as a warning.
pub(super) fn price_save(state: &mut State, call: &Call<'_>) -> Result<Answer, Answer> {
    let raw: serde_json::Value = call
        .json()
        .map_err(|e| refuse("INVALID_REQUEST", e.to_string()))?;
    let fractional = raw["data"]["prices"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|p| p["price"].as_i64().is_none() && !p["price"].is_null());
    if let Some(p) = fractional {
        return Err(refuse(
            "INVALID_PRICE",
            format!(
                "price {} of offer {} is not a whole number",
                p["price"], p["offerId"]
            ),
        ));
    }
    let body: ManualPriceSave = data(call)?;
    let mut saved = 0;
    let mut warnings = Vec::new();
    for p in body.prices {
        if !state.catalogue.contains(&p.offer_id) {
            warnings.push(json!({"offerId": p.offer_id, "code": "OFFER_NOT_FOUND",
                "message": "the offer is not in the seller's catalogue"}));
            continue;
        }
        if p.is_deleted {
            state.prices.remove(&p.offer_id);
        } else {
            state.prices.insert(p.offer_id, p.price);
        }
        saved += 1;
    }
    Ok(ok(json!({"savedPrices": saved, "warnings": warnings})))
}
