//! The stocks section's handlers (`updateStocks`, `getStocks`).

use super::*;

impl State {
    pub(super) fn update_stocks(&mut self, body: &[u8], now: DateTime<Utc>) -> Handled {
        let request: UpdateStocksRequest = self::body(body)?;
        let n = request.skus.len();
        if n == 0 || n > 2000 {
            return Err(bad_request(format!("skus takes 1 to 2000 SKUs, got {n}")));
        }
        let mut seen = HashSet::new();
        let mut unknown = Vec::new();
        for s in &request.skus {
            check_offer_id(&s.sku)?;
            if !seen.insert(s.sku.as_str()) {
                return Err(ym_error(
                    400,
                    "DUPLICATE_OFFER",
                    format!("SKU {} is given more than once", s.sku),
                ));
            }
            let [item] = s.items.as_slice() else {
                return Err(bad_request(format!(
                    "SKU {}: items takes exactly one entry, got {}",
                    s.sku,
                    s.items.len()
                )));
            };
            if item.count < 0 {
                return Err(bad_request(format!(
                    "SKU {}: count {} must not be negative",
                    s.sku, item.count
                )));
            }
            if item.count > 2_000_000_000 {
                return Err(bad_request(format!(
                    "SKU {}: count {} is above the maximum",
                    s.sku, item.count
                )));
            }
            if self.offer(&s.sku).is_none() {
                unknown.push((
                    "OFFER_NOT_FOUND".to_owned(),
                    format!("Offer {} is not in the catalogue", s.sku),
                ));
            }
        }
        if !unknown.is_empty() {
            return Err(ym_errors(400, unknown));
        }
        for s in request.skus {
            let Some(item) = s.items.first() else {
                continue;
            };
            let at = item.updated_at.map_or(seconds(now), seconds);
            if let Some(i) = self.offer_index(&s.sku)
                && let Some(rec) = self.offers.get_mut(i)
            {
                rec.stock = Some((item.count, at));
            }
        }
        empty_ok()
    }

    pub(super) fn stocks(&self, args: &Args, body: &[u8]) -> Handled {
        let request: GetStocksRequest = optional_body(body)?;
        let (limit, offset) = if let Some(ids) = &request.offer_ids {
            if ids.is_empty() || ids.len() > 500 {
                return Err(bad_request("offerIds takes 1 to 500 SKUs"));
            }
            if args.query("pageToken").is_some() || args.query("limit").is_some() {
                return Err(bad_request(
                    "offerIds cannot be combined with pageToken or limit",
                ));
            }
            (500, 0)
        } else {
            (
                args.limit(100, 200, false)?,
                args.token("stocks")?.unwrap_or(0),
            )
        };
        let all: Vec<WarehouseOffer> = if request
            .stocks_warehouse_id
            .is_some_and(|w| w != SANDBOX_WAREHOUSE_ID)
        {
            Vec::new()
        } else {
            self.offers
                .iter()
                .filter(|o| match &request.offer_ids {
                    Some(ids) => ids.contains(&o.offer_id),
                    None => o.archived == request.archived.unwrap_or(false),
                })
                .filter_map(|o| {
                    let available = o.stock.map_or(0, |(n, _)| n);
                    let frozen = self.frozen(&o.offer_id);
                    let fit = available + frozen;
                    if let Some(has) = request.has_stocks
                        && has != (fit > 0)
                    {
                        return None;
                    }
                    let stock = |kind, count| WarehouseStock {
                        stock_type: Some(kind),
                        count,
                    };
                    Some(WarehouseOffer {
                        offer_id: o.offer_id.clone(),
                        turnover_summary: None,
                        stocks: vec![
                            stock(WarehouseStockType::Fit, fit),
                            stock(WarehouseStockType::Freeze, frozen),
                            stock(WarehouseStockType::Available, available),
                        ],
                        updated_at: o.stock.map(|(_, at)| at),
                    })
                })
                .collect()
        };
        let (offers, next) = page_of(&all, "stocks", offset, limit);
        let warehouses = if offers.is_empty() {
            Vec::new()
        } else {
            vec![WarehouseOffers {
                warehouse_id: SANDBOX_WAREHOUSE_ID,
                offers,
            }]
        };
        ok(&GetStocksResponse {
            status: Some(ApiStatus::Ok),
            result: Some(WarehouseStocks {
                paging: pager(next),
                warehouses,
            }),
        })
    }
}
