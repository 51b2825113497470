//! Handlers of the prices section (`api/prices.rs`): price updates and price info.

use super::*;

impl State {
    pub(super) fn prices_update(&mut self, body: &[u8]) -> Handled {
        let request: ImportPricesRequest = parse(body)?;
        check_batch("prices", request.prices.len(), PRICES_UPDATE_MAX)?;
        let mut result = Vec::with_capacity(request.prices.len());
        for item in request.prices {
            let found = self.product_index(item.offer_id.as_deref(), item.product_id);
            let (offer_id, product_id) = match found.and_then(|i| self.products.get(i)) {
                Some(p) => (p.offer_id.clone(), p.product_id),
                None => (
                    item.offer_id.clone().unwrap_or_default(),
                    item.product_id.unwrap_or_default(),
                ),
            };
            let currency = item.currency_code.as_deref().unwrap_or("RUB");
            let problem = if let Err(message) = validate_price(&item) {
                Some(("INVALID_PRICE", message))
            } else if found.is_none() {
                Some(("NOT_FOUND", "Product not found".to_owned()))
            } else if currency != "RUB" {
                Some((
                    "CURRENCY_MISMATCH",
                    format!("currency {currency} is not the account's currency RUB"),
                ))
            } else {
                None
            };
            let errors = match problem {
                Some((code, message)) => vec![ImportPricesError {
                    code: code.into(),
                    message,
                }],
                None => {
                    if let Some(p) = found.and_then(|i| self.products.get_mut(i)) {
                        p.price = item.price;
                        if let Some(old) = item.old_price {
                            p.old_price = old;
                        }
                        if let Some(min) = item.min_price {
                            p.min_price = min;
                        }
                        if let Some(vat) = item.vat {
                            p.vat = vat;
                        }
                        p.updated_at = Utc::now();
                    }
                    Vec::new()
                }
            };
            result.push(ImportPricesResult {
                updated: errors.is_empty(),
                errors,
                offer_id,
                product_id,
            });
        }
        ok(&ImportPricesResponse { result })
    }

    pub(super) fn prices_info(&self, body: &[u8]) -> Handled {
        let request: PricesInfoRequest = parse(body)?;
        check_limit(i64::from(request.limit), i64::from(PRICES_INFO_PAGE_MAX))?;
        let start = parse_cursor(&request.cursor)?;
        let f = &request.filter;
        let matching: Vec<&ProductRec> = self
            .products
            .iter()
            .filter(|p| f.offer_id.is_empty() || f.offer_id.contains(&p.offer_id))
            .filter(|p| f.product_id.is_empty() || f.product_id.contains(&p.product_id))
            .filter(|p| visible(p, f.visibility.as_ref().map(|v| v.as_str())))
            .collect();
        let limit = usize::try_from(request.limit).unwrap_or(0);
        let items: Vec<ProductPriceInfo> = matching
            .iter()
            .skip(start)
            .take(limit)
            .map(|p| ProductPriceInfo {
                acquiring: percent_of(p.price, 1),
                commissions: PriceCommissions {
                    fbo_deliv_to_customer_amount: Decimal::new(2500, 2),
                    fbo_direct_flow_trans_max_amount: Decimal::new(4500, 2),
                    fbo_direct_flow_trans_min_amount: Decimal::new(2000, 2),
                    fbo_return_flow_amount: Decimal::new(5000, 2),
                    fbs_deliv_to_customer_amount: Decimal::new(2500, 2),
                    fbs_direct_flow_trans_max_amount: Decimal::new(5500, 2),
                    fbs_direct_flow_trans_min_amount: Decimal::new(3000, 2),
                    fbs_first_mile_max_amount: Decimal::new(2500, 2),
                    fbs_first_mile_min_amount: Decimal::ZERO,
                    fbs_return_flow_amount: Decimal::new(5000, 2),
                    sales_percent_fbo: Decimal::from(15),
                    sales_percent_fbp: Decimal::from(15),
                    sales_percent_fbs: Decimal::from(16),
                    sales_percent_rfbs: Decimal::from(16),
                },
                marketing_actions: Default::default(),
                offer_id: p.offer_id.clone(),
                price: ItemPrice {
                    auto_action_enabled: false,
                    auto_add_to_ozon_actions_list_enabled: false,
                    currency_code: "RUB".into(),
                    marketing_seller_price: p.price,
                    min_price: p.min_price,
                    net_price: Decimal::ZERO,
                    old_price: p.old_price,
                    price: p.price,
                    retail_price: Decimal::ZERO,
                    vat: p.vat,
                },
                price_indexes: Default::default(),
                product_id: p.product_id,
                volume_weight: 0.5,
            })
            .collect();
        let (cursor, _) = next_cursor(start, items.len(), matching.len());
        ok(&PricesInfoResponse {
            cursor,
            total: i32::try_from(matching.len()).unwrap_or(i32::MAX),
            items,
        })
    }
}
