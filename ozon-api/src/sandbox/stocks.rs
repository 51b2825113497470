//! Handlers of the stocks section (`api/stocks.rs`): stock updates, stock info, stock by
//! warehouse.

use super::*;

impl State {
    pub(super) fn stocks_update(&mut self, body: &[u8]) -> Handled {
        let request: ProductsStocksRequest = parse(body)?;
        check_batch("stocks", request.stocks.len(), STOCKS_UPDATE_MAX)?;
        let mut result = Vec::with_capacity(request.stocks.len());
        for item in request.stocks {
            let found = self.product_index(item.offer_id.as_deref(), item.product_id);
            let (offer_id, product_id) = match found.and_then(|i| self.products.get(i)) {
                Some(p) => (p.offer_id.clone(), p.product_id),
                None => (
                    item.offer_id.clone().unwrap_or_default(),
                    item.product_id.unwrap_or_default(),
                ),
            };
            let problem = if let Err(message) = validate_stock(&item) {
                Some(("INVALID_ARGUMENT", message))
            } else if found.is_none() {
                Some(("NOT_FOUND", "Product not found".to_owned()))
            } else if self.warehouse_index(item.warehouse_id).is_none() {
                Some((
                    "WAREHOUSE_NOT_FOUND",
                    format!("Warehouse {} not found", item.warehouse_id),
                ))
            } else {
                None
            };
            let errors = match problem {
                Some((code, message)) => vec![ProductsStocksResponseError {
                    code: code.into(),
                    message,
                }],
                None => {
                    if let Some(p) = found.and_then(|i| self.products.get_mut(i)) {
                        p.stocks.insert(item.warehouse_id, item.stock);
                        p.updated_at = Utc::now();
                    }
                    Vec::new()
                }
            };
            result.push(ProductsStocksResponseResult {
                updated: errors.is_empty(),
                errors,
                offer_id,
                product_id,
                warehouse_id: item.warehouse_id,
            });
        }
        ok(&ProductsStocksResponse { result })
    }

    pub(super) fn stocks_info(&self, body: &[u8]) -> Handled {
        let request: StocksInfoRequest = parse(body)?;
        check_limit(i64::from(request.limit), i64::from(STOCKS_INFO_PAGE_MAX))?;
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
        let items: Vec<StocksInfoItem> = matching
            .iter()
            .skip(start)
            .take(limit)
            .map(|p| {
                let fbs_present: i64 = p.stocks.values().sum();
                let reserved: i64 = (0..self.warehouses.len())
                    .map(|w| self.reserved(p.sku, w))
                    .sum();
                StocksInfoItem {
                    offer_id: p.offer_id.clone(),
                    product_id: p.product_id,
                    stocks: vec![
                        StocksInfoStock {
                            present: i32::try_from(fbs_present + reserved).unwrap_or(i32::MAX),
                            reserved: i32::try_from(reserved).unwrap_or(i32::MAX),
                            shipment_type: Some(StockShipmentType::General),
                            sku: p.sku,
                            kind: "fbs".into(),
                            warehouse_ids: self.warehouses.iter().map(|w| w.id).collect(),
                        },
                        StocksInfoStock {
                            present: i32::try_from(p.fbo_stock).unwrap_or(i32::MAX),
                            reserved: 0,
                            shipment_type: Some(StockShipmentType::General),
                            sku: p.sku,
                            kind: "fbo".into(),
                            warehouse_ids: Vec::new(),
                        },
                    ],
                }
            })
            .collect();
        let (cursor, _) = next_cursor(start, items.len(), matching.len());
        ok(&StocksInfoResponse {
            cursor,
            total: i32::try_from(matching.len()).unwrap_or(i32::MAX),
            items,
        })
    }

    pub(super) fn stocks_by_warehouse(&self, body: &[u8]) -> Handled {
        let request: StocksByWarehouseRequest = parse(body)?;
        match (request.sku.is_empty(), request.offer_id.is_empty()) {
            (true, true) => return Err(invalid("sku or offer_id is required")),
            (false, false) => return Err(invalid("give sku or offer_id, not both")),
            _ => {}
        }
        check_batch(
            "sku/offer_id",
            request.sku.len().max(request.offer_id.len()),
            STOCKS_BY_WAREHOUSE_FBS_MAX,
        )?;
        check_limit(request.limit, STOCKS_BY_WAREHOUSE_FBS_PAGE_MAX)?;
        let start = parse_cursor(&request.cursor)?;
        let mut rows = Vec::new();
        for p in &self.products {
            if !(request.sku.contains(&p.sku) || request.offer_id.contains(&p.offer_id)) {
                continue;
            }
            for (w, wh) in self.warehouses.iter().enumerate() {
                let reserved = self.reserved(p.sku, w);
                let stock = p.stocks.get(&wh.id).copied().unwrap_or(0);
                rows.push(StocksByWarehouseProduct {
                    free_stock: stock,
                    offer_id: p.offer_id.clone(),
                    sku: p.sku,
                    present: stock + reserved,
                    product_id: p.product_id,
                    reserved,
                    warehouse_id: wh.id,
                    warehouse_name: wh.name.clone(),
                });
            }
        }
        let limit = usize::try_from(request.limit).unwrap_or(0);
        let products: Vec<_> = rows.iter().skip(start).take(limit).cloned().collect();
        let (cursor, has_next) = next_cursor(start, products.len(), rows.len());
        ok(&StocksByWarehouseResponse {
            cursor,
            has_next,
            products,
        })
    }
}
