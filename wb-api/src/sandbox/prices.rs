//! Prices handlers: price uploads, their task history, the goods lists.

use super::*;

impl State {
    // ---- prices -------------------------------------------------------------------------

    pub(super) fn price_upload(&mut self, body: &[u8]) -> Handled {
        let request: PriceUploadRequest = parse(body, || prices_error("Invalid data format"))?;
        let goods = request.data;
        if goods.is_empty() {
            return Err(prices_error("Empty data"));
        }
        if goods.len() > PRICES_UPLOAD_MAX {
            return Err(prices_error(&format!(
                "Upload limit exceeded: You can upload a maximum of {PRICES_UPLOAD_MAX} items"
            )));
        }
        let mut seen = HashSet::new();
        if !goods.iter().all(|g| seen.insert(g.nm_id)) {
            return Err(prices_error("Duplicate item Nos."));
        }
        for g in &goods {
            if g.nm_id.0 <= 0 {
                return Err(prices_error("Invalid item No."));
            }
            if g.price.is_none() && g.discount.is_none() {
                return Err(prices_error("Price and discount not specified"));
            }
            if let Some(p) = g.price {
                if p <= Decimal::ZERO || p.to_i64().is_none() {
                    return Err(prices_error("Invalid price value"));
                }
                if !p.fract().is_zero() {
                    return Err(prices_error("Price should be a whole number"));
                }
            }
            if g.discount.is_some_and(|d| !(0..=DISCOUNT_MAX).contains(&d)) {
                return Err(prices_error("Invalid discount value"));
            }
        }
        // The same upload as the last task: WB answers 208 with that task.
        if let Some(last) = self.tasks.last()
            && last.request == goods
        {
            return Ok(json_answer(
                208,
                &to_json(&TaskCreated {
                    data: Some(TaskCreatedData {
                        id: last.id,
                        already_exists: true,
                    }),
                    error: false,
                    error_text: "This task already exists".into(),
                }),
            ));
        }
        let wanted = |g: &GoodPrice, c: &CardRec| {
            (
                g.price.unwrap_or(c.price),
                g.discount
                    .and_then(|d| u32::try_from(d).ok())
                    .unwrap_or(c.discount),
            )
        };
        let changes = goods
            .iter()
            .filter(|g| {
                self.card(g.nm_id)
                    .is_some_and(|c| wanted(g, c) != (c.price, c.discount))
            })
            .count();
        if changes == 0 {
            let all_known = goods.iter().all(|g| self.card(g.nm_id).is_some());
            return Err(prices_error(if all_known {
                "The specified prices and discounts are already set"
            } else {
                "All item Nos. are specified incorrectly, or the specified prices and discounts are already set"
            }));
        }
        self.next_task += 1 + self.rng.below(50) as i64;
        let id = UploadId(self.next_task);
        let mut history = Vec::with_capacity(goods.len());
        for g in &goods {
            let entry = match self.cards.iter_mut().find(|c| c.nm_id == g.nm_id) {
                Some(c) => {
                    let (price, discount) = wanted(g, c);
                    c.price = price;
                    c.discount = discount;
                    GoodHistory {
                        nm_id: c.nm_id,
                        vendor_code: c.vendor_code.clone(),
                        price,
                        currency_iso_code_4217: "RUB".into(),
                        discount: i64::from(discount),
                        status: GoodHistory::UPDATED,
                        ..GoodHistory::default()
                    }
                }
                None => GoodHistory {
                    nm_id: g.nm_id,
                    price: g.price.unwrap_or_default(),
                    currency_iso_code_4217: "RUB".into(),
                    discount: i64::from(g.discount.unwrap_or_default()),
                    status: GoodHistory::ERROR,
                    error_text: "The product is not found".into(),
                    ..GoodHistory::default()
                },
            };
            history.push(entry);
        }
        self.tasks.push(TaskRec {
            id,
            uploaded_at: seconds(Utc::now()),
            request: goods,
            goods: history,
        });
        ok(&TaskCreated {
            data: Some(TaskCreatedData {
                id,
                already_exists: false,
            }),
            error: false,
            error_text: String::new(),
        })
    }

    pub(super) fn task(&self, id: UploadId) -> Option<&TaskRec> {
        self.tasks.iter().find(|t| t.id == id)
    }

    pub(super) fn history_task(&self, args: &Args) -> Handled {
        let id = upload_id(args)?;
        let data = self.task(id).map(|t| {
            let success = t.goods.iter().filter(|g| !g.failed()).count() as i64;
            let all = t.goods.len() as i64;
            TaskMetadata {
                upload_id: t.id,
                status: if success == all {
                    TaskMetadata::PROCESSED
                } else if success == 0 {
                    TaskMetadata::FAILED
                } else {
                    TaskMetadata::PARTLY_FAILED
                },
                upload_date: Some(t.uploaded_at),
                activation_date: Some(t.uploaded_at),
                over_all_goods_number: all,
                success_goods_number: success,
            }
        });
        ok(&TaskHistoryResponse {
            data,
            error: false,
            error_text: String::new(),
        })
    }

    pub(super) fn history_goods(&self, args: &Args) -> Handled {
        let id = upload_id(args)?;
        let (limit, offset) = page_args(args, PRICES_PAGE_MAX)?;
        let goods = self
            .task(id)
            .map(|t| t.goods.iter().skip(offset).take(limit).cloned().collect())
            .unwrap_or_default();
        ok_numbers(
            &GoodsHistoryResponse {
                data: Some(GoodsHistoryData {
                    upload_id: id,
                    history_goods: goods,
                }),
                error: false,
                error_text: String::new(),
            },
            &["price"],
        )
    }

    pub(super) fn goods_model(c: &CardRec) -> GoodsList {
        let price = discounted(c.price, c.discount);
        GoodsList {
            nm_id: c.nm_id,
            vendor_code: c.vendor_code.clone(),
            sizes: c
                .sizes
                .iter()
                .map(|s| GoodsListSize {
                    size_id: s.chrt_id,
                    price: c.price,
                    discounted_price: price,
                    club_discounted_price: price,
                    tech_size_name: s.tech_size.clone(),
                })
                .collect(),
            currency_iso_code_4217: "RUB".into(),
            discount: i64::from(c.discount),
            club_discount: 0,
            editable_size_price: false,
            is_bad_turnover: false,
            wholesale_discount_threshold: Vec::new(),
        }
    }

    pub(super) fn goods_answer(list_goods: Vec<GoodsList>) -> Handled {
        ok_numbers(
            &GoodsListResponse {
                data: GoodsListData { list_goods },
                error: false,
                error_text: String::new(),
            },
            &["price", "discountedPrice", "clubDiscountedPrice"],
        )
    }

    pub(super) fn goods_list(&self, args: &Args) -> Handled {
        let (limit, offset) = page_args(args, PRICES_PAGE_MAX)?;
        let filter = args
            .int("filterNmID")
            .map_err(|_| prices_error("Invalid request parameters"))?;
        let goods = self
            .cards
            .iter()
            .filter(|c| filter.is_none_or(|n| c.nm_id.0 == n))
            .skip(offset)
            .take(limit)
            .map(Self::goods_model)
            .collect();
        Self::goods_answer(goods)
    }

    pub(super) fn goods_by_nm(&self, body: &[u8]) -> Handled {
        let bad = || prices_error("Invalid request parameters");
        let request: GoodsFilterRequest = parse(body, bad)?;
        if request.nm_list.is_empty() || request.nm_list.len() > PRICES_GOODS_BY_NM_MAX {
            return Err(bad());
        }
        let goods = request
            .nm_list
            .iter()
            .filter_map(|n| self.card(*n))
            .map(Self::goods_model)
            .collect();
        Self::goods_answer(goods)
    }
}

/// The `uploadID` of a prices request.
pub(super) fn upload_id(args: &Args) -> Result<UploadId, Answer> {
    args.int("uploadID")
        .ok()
        .flatten()
        .filter(|n| *n > 0)
        .map(UploadId)
        .ok_or_else(|| prices_error("Invalid request parameters"))
}

/// `limit` (required, 1 to `max`) and `offset` (default 0) of a prices list.
pub(super) fn page_args(args: &Args, max: u32) -> Result<(usize, usize), Answer> {
    let bad = || prices_error("Invalid request parameters");
    let limit = args.int("limit").map_err(|_| bad())?.ok_or_else(bad)?;
    let offset = args.int("offset").map_err(|_| bad())?.unwrap_or(0);
    if !(1..=i64::from(max)).contains(&limit) || offset < 0 {
        return Err(bad());
    }
    Ok((
        usize::try_from(limit).unwrap_or(0),
        usize::try_from(offset).unwrap_or(usize::MAX),
    ))
}
