//! The prices section's handlers (`updateBusinessPrices`, `getDefaultPrices`).

use super::*;

impl State {
    pub(super) fn update_prices(&mut self, body: &[u8], now: DateTime<Utc>) -> Handled {
        let request: UpdateBusinessPricesRequest = self::body(body)?;
        let n = request.offers.len();
        if n == 0 || n > 500 {
            return Err(bad_request(format!(
                "offers takes 1 to 500 offers, got {n}"
            )));
        }
        let mut seen = HashSet::new();
        let mut unknown = Vec::new();
        for o in &request.offers {
            check_offer_id(&o.offer_id)?;
            if !seen.insert(o.offer_id.as_str()) {
                return Err(ym_error(
                    400,
                    "DUPLICATE_OFFER",
                    format!("Offer {} is given more than once", o.offer_id),
                ));
            }
            let p = &o.price;
            if p.value <= Decimal::ZERO {
                return Err(bad_request(format!(
                    "offers[{}].price.value: {} must be greater than 0",
                    o.offer_id, p.value
                )));
            }
            if p.currency_id != CurrencyType::Rur {
                return Err(ym_error(
                    400,
                    "INVALID_CURRENCY",
                    format!(
                        "offer {}: the business's currency is RUR, not {}",
                        o.offer_id, p.currency_id
                    ),
                ));
            }
            if let Some(base) = p.discount_base
                && base <= p.value
            {
                return Err(bad_request(format!(
                    "offer {}: discountBase {base} must be greater than value {}",
                    o.offer_id, p.value
                )));
            }
            if let Some(m) = p.minimum_for_bestseller
                && (m <= Decimal::ZERO || m > Decimal::from(100_000_000))
            {
                return Err(bad_request(format!(
                    "offer {}: minimumForBestseller {m} is out of range",
                    o.offer_id
                )));
            }
            if self.offer(&o.offer_id).is_none() {
                unknown.push((
                    "OFFER_NOT_FOUND".to_owned(),
                    format!("Offer {} is not in the catalogue", o.offer_id),
                ));
            }
        }
        if !unknown.is_empty() {
            return Err(ym_errors(400, unknown));
        }
        for o in request.offers {
            if let Some(i) = self.offer_index(&o.offer_id)
                && let Some(rec) = self.offers.get_mut(i)
            {
                rec.price = Some(PriceRec {
                    value: o.price.value,
                    currency: o.price.currency_id,
                    discount_base: o.price.discount_base,
                    minimum_for_bestseller: o.price.minimum_for_bestseller,
                    updated_at: seconds(now),
                });
            }
        }
        empty_ok()
    }

    pub(super) fn default_prices(&self, args: &Args, body: &[u8]) -> Handled {
        let limit = args.limit(250, 500, true)?;
        let offset = args.token("offer-prices")?.unwrap_or(0);
        let request: GetDefaultPricesRequest = optional_body(body)?;
        if let Some(ids) = &request.offer_ids
            && (ids.is_empty() || ids.len() > 200)
        {
            return Err(bad_request("offerIds takes 1 to 200 offers"));
        }
        let all: Vec<OfferDefaultPrice> = self
            .offers
            .iter()
            .filter(|o| match &request.offer_ids {
                Some(ids) => ids.contains(&o.offer_id),
                None => o.archived == request.archived.unwrap_or(false),
            })
            .map(|o| OfferDefaultPrice {
                offer_id: o.offer_id.clone(),
                price: o.price.as_ref().map(|p| DefaultPrice {
                    value: Some(p.value),
                    currency_id: Some(p.currency.clone()),
                    discount_base: p.discount_base,
                    minimum_for_bestseller: p.minimum_for_bestseller,
                    excluded_from_bestsellers: Some(false),
                    updated_at: Some(p.updated_at),
                }),
            })
            .collect();
        let (offers, next) = page_of(&all, "offer-prices", offset, limit);
        ok(&GetDefaultPricesResponse {
            status: Some(ApiStatus::Ok),
            result: Some(DefaultPrices {
                offers,
                paging: pager(next),
            }),
        })
    }
}
