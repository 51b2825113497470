//! Handlers of the products section (`api/products.rs`): the product list and info, card
//! import and its status.

use super::*;

impl State {
    pub(super) fn product_list(&self, body: &[u8]) -> Handled {
        let request: ProductListRequest = parse(body)?;
        check_limit(request.limit, PRODUCT_LIST_PAGE_MAX)?;
        let f = &request.filter;
        if !f.offer_id.is_empty() && !f.product_id.is_empty() {
            return Err(invalid("filter: give offer_id or product_id, not both"));
        }
        let ids = f.offer_id.len().max(f.product_id.len());
        if ids > PRODUCT_LIST_FILTER_MAX {
            return Err(invalid(format!(
                "filter: {ids} ids, at most {PRODUCT_LIST_FILTER_MAX} are allowed"
            )));
        }
        let after = if request.last_id.is_empty() {
            None
        } else {
            Some(
                request
                    .last_id
                    .parse::<i64>()
                    .map_err(|_| invalid(format!("invalid last_id {:?}", request.last_id)))?,
            )
        };
        let mut matching: Vec<&ProductRec> = self
            .products
            .iter()
            .filter(|p| f.offer_id.is_empty() || f.offer_id.contains(&p.offer_id))
            .filter(|p| f.product_id.is_empty() || f.product_id.contains(&p.product_id))
            .filter(|p| visible(p, f.visibility.as_ref().map(|v| v.as_str())))
            .collect();
        matching.sort_by_key(|p| p.product_id);
        let limit = usize::try_from(request.limit).unwrap_or(0);
        let rest: Vec<&&ProductRec> = matching
            .iter()
            .filter(|p| after.is_none_or(|a| p.product_id.0 > a))
            .collect();
        let page: Vec<&&ProductRec> = rest.iter().take(limit).copied().collect();
        let more = rest.len() > page.len();
        let items = page
            .iter()
            .map(|p| ProductListItem {
                archived: p.archived,
                has_fbo_stocks: p.fbo_stock > 0,
                has_fbs_stocks: p.stocks.values().any(|s| *s > 0),
                is_discounted: false,
                offer_id: p.offer_id.clone(),
                product_id: p.product_id,
                quants: Vec::new(),
            })
            .collect();
        ok(&ProductListResponse {
            result: ProductListResult {
                items,
                last_id: match page.last() {
                    Some(p) if more => p.product_id.to_string(),
                    _ => String::new(),
                },
                total: i32::try_from(matching.len()).unwrap_or(i32::MAX),
            },
        })
    }

    pub(super) fn product_info(&self, p: &ProductRec) -> ProductInfo {
        let image = format!("https://cdn1.ozone.ru/s3/multimedia-sandbox/{}.jpg", p.sku);
        let fbs: i64 = p.stocks.values().sum();
        let reserved: i64 = (0..self.warehouses.len())
            .map(|w| self.reserved(p.sku, w))
            .sum();
        let commission = |schema: &str, percent: i64| ProductCommission {
            delivery_amount: Decimal::new(2500, 2),
            percent: Decimal::from(percent),
            return_amount: Decimal::new(5000, 2),
            sale_schema: schema.into(),
            value: percent_of(p.price, percent),
        };
        ProductInfo {
            barcodes: vec![p.barcode.clone()],
            color_image: Vec::new(),
            commissions: vec![commission("FBO", 15), commission("FBS", 16)],
            created_at: p.created_at,
            currency_code: "RUB".into(),
            description_category_id: p.category,
            id: p.product_id,
            images: vec![image.clone()],
            is_archived: p.archived,
            is_prepayment_allowed: true,
            min_price: Some(p.min_price),
            model_info: ProductModelInfo {
                count: 1,
                model_id: p.product_id.0,
            },
            name: p.name.clone(),
            offer_id: p.offer_id.clone(),
            old_price: Some(p.old_price),
            price: Some(p.price),
            primary_image: vec![image],
            sku: p.sku,
            sources: vec![ProductSource {
                created_at: Some(p.created_at),
                quant_code: String::new(),
                shipment_type: Some(SourceShipmentType::General),
                sku: p.sku,
                source: "sds".into(),
            }],
            statuses: ProductStatuses {
                is_created: true,
                moderate_status: "approved".into(),
                status: "price_sent".into(),
                status_description: String::new(),
                status_failed: String::new(),
                status_name: "Продается".into(),
                status_tooltip: String::new(),
                status_updated_at: Some(p.updated_at),
                validation_status: "success".into(),
            },
            stocks: ProductStocks {
                has_stock: fbs > 0 || p.fbo_stock > 0,
                stocks: vec![
                    ProductStock {
                        present: i32::try_from(fbs + reserved).unwrap_or(i32::MAX),
                        reserved: i32::try_from(reserved).unwrap_or(i32::MAX),
                        sku: p.sku,
                        source: "fbs".into(),
                    },
                    ProductStock {
                        present: i32::try_from(p.fbo_stock).unwrap_or(i32::MAX),
                        reserved: 0,
                        sku: p.sku,
                        source: "fbo".into(),
                    },
                ],
            },
            type_id: p.type_id,
            updated_at: p.updated_at,
            vat: Some(p.vat),
            visibility_details: ProductVisibilityDetails {
                has_price: true,
                has_stock: fbs > 0,
            },
            volume_weight: 0.5,
            ..ProductInfo::default()
        }
    }

    pub(super) fn product_info_list(&self, body: &[u8]) -> Handled {
        let request: ProductInfoListRequest = parse(body)?;
        if request.len() > PRODUCT_INFO_LIST_MAX {
            return Err(invalid(format!(
                "{} ids, at most {PRODUCT_INFO_LIST_MAX} are allowed in one request",
                request.len()
            )));
        }
        let items = self
            .products
            .iter()
            .filter(|p| {
                request.offer_id.contains(&p.offer_id)
                    || request.product_id.contains(&p.product_id)
                    || request.sku.contains(&p.sku)
            })
            .map(|p| self.product_info(p))
            .collect();
        ok(&ProductInfoListResponse { items })
    }

    pub(super) fn product_import(&mut self, body: &[u8]) -> Handled {
        let request: ProductImportRequest = parse(body)?;
        check_batch("items", request.items.len(), PRODUCT_IMPORT_MAX)?;
        let now = Utc::now();
        let mut outcome = Vec::with_capacity(request.items.len());
        for item in request.items {
            if let Err(message) = validate_import_item(&item) {
                outcome.push(ImportInfoItem {
                    errors: vec![ImportItemError {
                        code: "INVALID_ARGUMENT".into(),
                        description: message.clone(),
                        level: "error".into(),
                        message,
                        state: "imported".into(),
                        ..ImportItemError::default()
                    }],
                    offer_id: item.offer_id,
                    product_id: ProductId(0),
                    status: "failed".into(),
                });
                continue;
            }
            let price = item.price.unwrap_or_default();
            let product_id = match self.product_by_offer(&item.offer_id) {
                Some(i) => {
                    let Some(p) = self.products.get_mut(i) else {
                        continue;
                    };
                    p.name = item.name.clone();
                    p.price = price;
                    if let Some(old) = item.old_price {
                        p.old_price = old;
                    }
                    if let Some(vat) = item.vat {
                        p.vat = vat;
                    }
                    if let Some(b) = &item.barcode {
                        p.barcode = b.clone();
                    }
                    p.category = item.description_category_id;
                    p.type_id = item.type_id;
                    p.archived = false;
                    p.updated_at = now;
                    p.product_id
                }
                None => {
                    let product_id = ProductId(self.next_product);
                    self.next_product += 1;
                    let sku = Sku(self.next_sku);
                    self.next_sku += 1;
                    self.products.push(ProductRec {
                        product_id,
                        offer_id: item.offer_id.clone(),
                        sku,
                        name: item.name.clone(),
                        price,
                        old_price: item.old_price.unwrap_or_default(),
                        min_price: Decimal::ZERO,
                        vat: item.vat.unwrap_or_default(),
                        stocks: BTreeMap::new(),
                        fbo_stock: 0,
                        category: item.description_category_id,
                        type_id: item.type_id,
                        barcode: item.barcode.clone().unwrap_or_default(),
                        archived: false,
                        created_at: now,
                        updated_at: now,
                    });
                    product_id
                }
            };
            outcome.push(ImportInfoItem {
                errors: Vec::new(),
                offer_id: item.offer_id,
                product_id,
                status: "imported".into(),
            });
        }
        let task_id = self.next_task;
        self.next_task += 1;
        self.tasks.insert(task_id, outcome);
        ok(&ProductImportResponse {
            result: ProductImportResult {
                task_id: ImportTaskId(task_id),
            },
        })
    }

    pub(super) fn product_import_info(&self, body: &[u8]) -> Handled {
        let request: ImportInfoRequest = parse(body)?;
        let items = self
            .tasks
            .get(&request.task_id.0)
            .ok_or_else(|| not_found(format!("task {} not found", request.task_id)))?;
        ok(&ImportInfoResponse {
            result: ImportInfoResult {
                items: items.clone(),
                total: i32::try_from(items.len()).unwrap_or(i32::MAX),
            },
        })
    }
}
