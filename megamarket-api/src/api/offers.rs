//! Offers (`/api/merchantIntegration/v1/offerService/...`): stocks and prices, as batches
//! with a per-offer outcome.

use std::hash::Hash;

use market_core::batch::run_batches;
use market_core::transport::Operation;
use market_core::{BatchReport, BatchWarning};
use serde_json::Value;

use crate::Client;
use crate::limits::OFFERS;
use crate::models::offers::{ManualPriceSave, OfferResult, Price, Stock, StockUpdate};

/// `POST .../offerService/stock/update`: sets the stock of offers. Idempotent: it sets a
/// quantity, so repeating it after a lost answer changes nothing.
pub static STOCK_UPDATE: Operation = Operation::post(
    "stock_update",
    "/api/merchantIntegration/v1/offerService/stock/update",
)
.in_group(OFFERS)
.batch_max(STOCK_UPDATE_MAX);

/// `POST .../offerService/manualPrice/save`: sets the price of offers, whole roubles.
/// Idempotent like [`STOCK_UPDATE`].
pub static MANUAL_PRICE_SAVE: Operation = Operation::post(
    "manual_price_save",
    "/api/merchantIntegration/v1/offerService/manualPrice/save",
)
.in_group(OFFERS)
.batch_max(MANUAL_PRICE_SAVE_MAX);

/// The most offers a `stock/update` request carries by default: 100. Megamarket publishes no
/// maximum; this is a conservative choice ([`crate::Quotas::stock_update_max`]).
pub const STOCK_UPDATE_MAX: usize = 100;
/// The most offers a `manualPrice/save` request carries by default: 100 (chosen, as
/// [`STOCK_UPDATE_MAX`]; [`crate::Quotas::price_save_max`]).
pub const MANUAL_PRICE_SAVE_MAX: usize = 100;

/// The offer a warning names (`offerId`), if it names one.
fn warning_offer(w: &Value) -> Option<String> {
    match w.get("offerId")? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A warning's text: `code: message` where there are, else its JSON.
fn warning_text(w: &Value) -> String {
    let field = |k: &str| w.get(k).and_then(Value::as_str).map(str::to_owned);
    match (
        field("code"),
        field("message").or_else(|| field("description")),
    ) {
        (Some(c), Some(m)) => format!("{c}: {m}"),
        (None, Some(m)) => m,
        (Some(c), None) => c,
        (None, None) => w.to_string(),
    }
}

/// The report of a chunk Megamarket accepted: every item accepted, a warning naming an
/// offer kept as a warning on each item of that offer; a warning naming none goes to the log.
fn accepted_chunk<K: Clone>(keys: &[(K, String)], answer: &OfferResult) -> BatchReport<K> {
    let mut report = BatchReport::new();
    for (k, _) in keys {
        report.accept(k.clone());
    }
    for w in &answer.warnings {
        match warning_offer(w) {
            Some(offer) => {
                for (k, _) in keys.iter().filter(|(_, o)| *o == offer) {
                    report.warnings.push(BatchWarning {
                        key: k.clone(),
                        message: warning_text(w),
                    });
                }
            }
            None => tracing::warn!(warning = %w, "Megamarket warning naming no offer"),
        }
    }
    report
}

fn check_stock(s: &Stock) -> Result<(), String> {
    if s.quantity < 0 {
        Err(format!(
            "stock {} of offer {} is negative",
            s.quantity, s.offer_id
        ))
    } else if s.offer_id.trim().is_empty() {
        Err("an offer without offerId".to_owned())
    } else {
        Ok(())
    }
}

impl Client {
    /// Sends one `stock/update` request as is (at most [`crate::Quotas::stock_update_max`]
    /// offers is the caller's business here; [`Client::update_stock`] splits).
    pub async fn stock_update(&self, body: &StockUpdate) -> market_core::Result<OfferResult> {
        self.call(&STOCK_UPDATE, body).await
    }

    /// Sends one `manualPrice/save` request as is (prices checked by [`Price::check`]).
    pub async fn manual_price_save(
        &self,
        body: &ManualPriceSave,
    ) -> market_core::Result<OfferResult> {
        for p in &body.prices {
            p.check()
                .map_err(|m| market_core::Error::validation(&p.offer_id, m))?;
        }
        self.call(&MANUAL_PRICE_SAVE, body).await
    }

    /// Sets stocks in batches of [`crate::Quotas::stock_update_max`]: a negative quantity
    /// is rejected before sending; a chunk Megamarket refuses (`success: 0`) has its offers
    /// rejected with Megamarket's code and message. Keyed by `offerId`.
    pub async fn update_stock(&self, stocks: Vec<Stock>) -> BatchReport<String> {
        self.send_stocks(
            stocks
                .into_iter()
                .map(|s| (s.offer_id.clone(), s))
                .collect(),
        )
        .await
    }

    /// As [`Client::update_stock`], each stock under the caller's key.
    pub async fn send_stocks<K>(&self, stocks: Vec<(K, Stock)>) -> BatchReport<K>
    where
        K: Clone + Eq + Hash + Send + Sync,
    {
        run_batches(
            stocks,
            self.quotas.stock_update_max,
            |(k, _): &(K, Stock)| k.clone(),
            |(_, s): &(K, Stock)| check_stock(s),
            |chunk| async move {
                let keys: Vec<(K, String)> = chunk
                    .iter()
                    .map(|(k, s)| (k.clone(), s.offer_id.clone()))
                    .collect();
                let stocks = chunk.into_iter().map(|(_, s)| s).collect();
                let answer = self.stock_update(&StockUpdate { stocks }).await?;
                Ok(accepted_chunk(&keys, &answer))
            },
        )
        .await
    }

    /// Sets prices (whole roubles) in batches of [`crate::Quotas::price_save_max`]: a price
    /// with kopecks, or not above zero, is rejected by offer before sending (never rounded).
    /// Keyed by `offerId`; Megamarket's warnings naming an offer are kept in the report.
    pub async fn save_prices(&self, prices: Vec<Price>) -> BatchReport<String> {
        self.send_prices(
            prices
                .into_iter()
                .map(|p| (p.offer_id.clone(), p))
                .collect(),
        )
        .await
    }

    /// As [`Client::save_prices`], each price under the caller's key.
    pub async fn send_prices<K>(&self, prices: Vec<(K, Price)>) -> BatchReport<K>
    where
        K: Clone + Eq + Hash + Send + Sync,
    {
        run_batches(
            prices,
            self.quotas.price_save_max,
            |(k, _): &(K, Price)| k.clone(),
            |(_, p): &(K, Price)| p.check(),
            |chunk| async move {
                let keys: Vec<(K, String)> = chunk
                    .iter()
                    .map(|(k, p)| (k.clone(), p.offer_id.clone()))
                    .collect();
                let prices = chunk.into_iter().map(|(_, p)| p).collect();
                let answer = self
                    .call::<_, OfferResult>(&MANUAL_PRICE_SAVE, &ManualPriceSave { prices })
                    .await?;
                if let Some(saved) = answer.saved_prices
                    && usize::try_from(saved).is_ok_and(|n| n < keys.len())
                {
                    tracing::warn!(
                        saved,
                        sent = keys.len(),
                        "Megamarket saved fewer prices than were sent"
                    );
                }
                Ok(accepted_chunk(&keys, &answer))
            },
        )
        .await
    }
}
