//! Handlers of the FBS section (`api/fbs.rs`): posting lists and details, shipping,
//! cancellation and its reasons, delivery; the posting views the FBO handlers share.

use super::*;

impl State {
    pub(super) fn delivery_method(&self, p: &FbsRec) -> DeliveryMethod {
        let wh = self.warehouses.get(p.warehouse);
        let warehouse = wh.map(|w| w.name.clone()).unwrap_or_default();
        let (name, provider, provider_id) = if p.rfbs {
            (
                format!("Доставка силами продавца, {warehouse}"),
                "Собственная доставка",
                0,
            )
        } else {
            (
                format!("Ozon Логистика курьеру, {warehouse}"),
                "Ozon Логистика",
                24,
            )
        };
        DeliveryMethod {
            id: DeliveryMethodId(1_000 + p.warehouse as i64 * 10 + i64::from(p.rfbs)),
            name,
            tpl_provider: provider.into(),
            tpl_provider_id: provider_id,
            warehouse,
            warehouse_id: wh.map(|w| w.id).unwrap_or_default(),
        }
    }

    pub(super) fn fbs_analytics(&self, p: &FbsRec) -> FbsPostingAnalyticsData {
        let (city, region) = CITIES.get(p.city).copied().unwrap_or(("Москва", "Москва"));
        let method = self.delivery_method(p);
        FbsPostingAnalyticsData {
            city: city.into(),
            client_delivery_date_begin: None,
            client_delivery_date_end: None,
            delivery_date_begin: Some(p.shipment_date + TimeDelta::days(1)),
            delivery_date_end: Some(p.shipment_date + TimeDelta::days(3)),
            delivery_type: if p.city.is_multiple_of(2) {
                "PVZ"
            } else {
                "Courier"
            }
            .into(),
            is_legal: false,
            is_premium: p.order_id % 5 == 0,
            payment_type_group_name: "Карты оплаты".into(),
            region: region.into(),
            tpl_provider: method.tpl_provider,
            tpl_provider_id: method.tpl_provider_id,
            warehouse: method.warehouse,
            warehouse_id: method.warehouse_id,
        }
    }

    pub(super) fn fbs_posting(
        &self,
        p: &FbsRec,
        with: &crate::models::fbs::FbsPostingWith,
    ) -> FbsPosting {
        FbsPosting {
            analytics_data: with.analytics_data.then(|| self.fbs_analytics(p)),
            available_actions: available_actions(p),
            barcodes: with.barcodes.then(|| barcodes(p.order_id)),
            cancellation: p.cancellation.clone(),
            delivering_date: p.delivering_date,
            delivery_method: Some(self.delivery_method(p)),
            financial_data: with
                .financial_data
                .then(|| financial_v4(&p.lines, p.city))
                .into(),
            in_process_at: Some(p.in_process_at),
            legal_info: with.legal_info.then(LegalInfo::default),
            order_id: p.order_id,
            order_number: p.order_number.clone(),
            parent_posting_number: p.parent.clone(),
            posting_number: p.number.clone(),
            products: p
                .lines
                .iter()
                .map(|l| FbsListPostingProduct {
                    name: l.name.clone(),
                    offer_id: l.offer_id.clone(),
                    price: rub(l.price),
                    quantity: l.quantity,
                    sku: l.sku,
                    ..FbsListPostingProduct::default()
                })
                .collect(),
            prr_option: String::new(),
            shipment_date: Some(p.shipment_date),
            status: p.status.clone(),
            substatus: p.substatus(),
            tpl_integration_type: integration(p.rfbs),
            ..FbsPosting::default()
        }
    }

    pub(super) fn fbs_list(&mut self, body: &[u8]) -> Handled {
        let request: FbsPostingListRequest = parse(body)?;
        let f = &request.filter;
        if f.since >= f.to {
            return Err(invalid("filter: since must be before to"));
        }
        if f.to - f.since > TimeDelta::days(POSTING_FBS_LIST_WINDOW_MAX_DAYS) {
            return Err(invalid(
                "PERIOD_IS_TOO_LONG: the period is longer than a year",
            ));
        }
        check_limit(request.limit, POSTING_FBS_LIST_PAGE_MAX)?;
        let offset = parse_cursor(&request.cursor)?;
        if offset == 0 {
            let now = Utc::now();
            for _ in 0..self.new_orders_per_poll {
                self.add_fbs(now, None);
            }
        }
        let mut matching: Vec<&FbsRec> = self
            .fbs
            .iter()
            .filter(|p| p.in_process_at >= f.since && p.in_process_at < f.to)
            .filter(|p| {
                // "The period in which the postings' status last changed": both ends inclusive,
                // either may be left open.
                f.last_changed_status_date.as_ref().is_none_or(|w| {
                    w.from.is_none_or(|from| p.status_changed_at >= from)
                        && w.to.is_none_or(|to| p.status_changed_at <= to)
                })
            })
            .filter(|p| f.statuses.is_empty() || f.statuses.contains(&p.status))
            .filter(|p| f.order_id.is_none_or(|o| o == p.order_id))
            .filter(|p| f.order_numbers.is_empty() || f.order_numbers.contains(&p.order_number))
            .filter(|p| {
                f.warehouse_ids.is_empty()
                    || self
                        .warehouses
                        .get(p.warehouse)
                        .is_some_and(|w| f.warehouse_ids.contains(&w.id))
            })
            .collect();
        matching.sort_by(|a, b| (a.in_process_at, &a.number).cmp(&(b.in_process_at, &b.number)));
        if request.sort_dir == Some(SortDirection::Desc) {
            matching.reverse();
        }
        let limit = usize::try_from(request.limit).unwrap_or(0);
        let postings: Vec<FbsPosting> = matching
            .iter()
            .skip(offset)
            .take(limit)
            .map(|p| self.fbs_posting(p, &request.with))
            .collect();
        let (cursor, has_next) = next_cursor(offset, postings.len(), matching.len());
        ok(&FbsPostingListResponse {
            cursor,
            has_next,
            postings,
        })
    }

    pub(super) fn fbs_get(&self, body: &[u8]) -> Handled {
        let request: FbsPostingGetRequest = parse(body)?;
        let p = self
            .fbs_index(&request.posting_number)
            .and_then(|i| self.fbs.get(i))
            .ok_or_else(|| posting_not_found(&request.posting_number))?;
        let with = request.with;
        let related: Vec<PostingNumber> = self
            .fbs
            .iter()
            .filter(|o| o.order_number == p.order_number && o.number != p.number)
            .map(|o| o.number.clone())
            .collect();
        let result = FbsPostingDetail {
            analytics_data: with.analytics_data.then(|| self.fbs_analytics(p)),
            available_actions: available_actions(p),
            barcodes: with.barcodes.then(|| barcodes(p.order_id)),
            cancellation: p.cancellation.clone(),
            delivering_date: p.delivering_date,
            delivery_method: Some(self.delivery_method(p)),
            financial_data: with
                .financial_data
                .then(|| financial(&p.lines, p.city))
                .into(),
            in_process_at: Some(p.in_process_at),
            legal_info: with.legal_info.then(LegalInfo::default),
            order_id: p.order_id,
            order_number: p.order_number.clone(),
            parent_posting_number: p.parent.clone(),
            posting_number: p.number.clone(),
            product_exemplars: with.product_exemplars.then(|| ProductExemplars {
                products: p
                    .lines
                    .iter()
                    .map(|l| ExemplarProduct {
                        exemplars: Vec::new(),
                        sku: l.sku,
                    })
                    .collect(),
            }),
            products: p
                .lines
                .iter()
                .map(|l| PostingProductDetail {
                    currency_code: "RUB".into(),
                    dimensions: Some(Dimensions {
                        height: "100.00".into(),
                        length: "200.00".into(),
                        weight: "500".into(),
                        width: "150.00".into(),
                    }),
                    name: l.name.clone(),
                    offer_id: l.offer_id.clone(),
                    price: l.price,
                    quantity: l.quantity,
                    sku: l.sku,
                    ..PostingProductDetail::default()
                })
                .collect(),
            related_postings: with.related_postings.then_some(RelatedPostings {
                related_posting_numbers: related,
            }),
            shipment_date: Some(p.shipment_date),
            status: p.status.clone(),
            substatus: p.substatus(),
            tpl_integration_type: integration(p.rfbs),
            ..FbsPostingDetail::default()
        };
        ok(&FbsPostingGetResponse { result })
    }

    pub(super) fn fbs_ship(&mut self, body: &[u8]) -> Handled {
        let request: ShipRequest = parse(body)?;
        let index = self
            .fbs_index(&request.posting_number)
            .ok_or_else(|| posting_not_found(&request.posting_number))?;
        let Some(original) = self.fbs.get(index).cloned() else {
            return Err(posting_not_found(&request.posting_number));
        };
        if original.status != PostingStatus::AwaitingPackaging {
            let code = match original.status {
                PostingStatus::Cancelled => "POSTING_ALREADY_CANCELLED",
                PostingStatus::AwaitingDeliver
                | PostingStatus::Delivering
                | PostingStatus::Delivered => "POSTING_ALREADY_SHIPPED",
                _ => "INVALID_POSTING_STATUS",
            };
            return Err(invalid(format!(
                "{code}: posting {} is {}; only postings awaiting packaging can be shipped",
                original.number, original.status
            )));
        }
        if request.packages.is_empty() {
            return Err(invalid("packages is required"));
        }
        // What the packages carry, per SKU, against what the posting holds.
        let mut ordered: BTreeMap<Sku, i64> = BTreeMap::new();
        for l in &original.lines {
            *ordered.entry(l.sku).or_default() += i64::from(l.quantity);
        }
        let mut packed: BTreeMap<Sku, i64> = BTreeMap::new();
        for (i, package) in request.packages.iter().enumerate() {
            if package.products.is_empty() {
                return Err(invalid(format!("packages[{i}]: products is required")));
            }
            for item in &package.products {
                if item.quantity <= 0 {
                    return Err(invalid(format!(
                        "packages[{i}]: quantity {} of product {} is not positive",
                        item.quantity, item.product_id
                    )));
                }
                if !ordered.contains_key(&item.product_id) {
                    return Err(invalid(format!(
                        "PRODUCT_NOT_IN_POSTING: product {} is not in posting {}",
                        item.product_id, original.number
                    )));
                }
                *packed.entry(item.product_id).or_default() += i64::from(item.quantity);
            }
        }
        if packed != ordered {
            let detail: Vec<String> = ordered
                .iter()
                .map(|(sku, n)| {
                    format!(
                        "product {sku}: ordered {n}, packed {}",
                        packed.get(sku).copied().unwrap_or(0)
                    )
                })
                .collect();
            return Err(invalid(format!(
                "QUANTITY_MISMATCH: the packages must hold exactly the posting's products ({})",
                detail.join(", ")
            )));
        }
        if self.failing_ships.remove(&original.number) {
            if let Some(slot) = self.fbs.get_mut(index) {
                slot.ship_failed = true;
            }
            return ok(&ShipResponse {
                additional_data: Vec::new(),
                result: vec![original.number.clone()],
            });
        }
        // The first package stays the posting; each further one becomes a posting of the
        // same order.
        let mut next_suffix = self
            .fbs
            .iter()
            .filter(|p| p.order_number == original.order_number)
            .filter_map(|p| p.number.as_str().rsplit('-').next()?.parse::<u32>().ok())
            .max()
            .unwrap_or(1);
        let mut numbers = Vec::with_capacity(request.packages.len());
        let mut shipped = Vec::with_capacity(request.packages.len());
        for (i, package) in request.packages.iter().enumerate() {
            let mut per_sku: BTreeMap<Sku, i32> = BTreeMap::new();
            for item in &package.products {
                let sum = per_sku.entry(item.product_id).or_default();
                *sum = sum.saturating_add(item.quantity);
            }
            let lines: Vec<Line> = per_sku
                .iter()
                .filter_map(|(sku, quantity)| {
                    let l = original.lines.iter().find(|l| l.sku == *sku)?;
                    Some(Line {
                        quantity: *quantity,
                        ..l.clone()
                    })
                })
                .collect();
            let mut posting = FbsRec {
                status: PostingStatus::AwaitingDeliver,
                status_changed_at: Utc::now(),
                ship_failed: false,
                lines,
                ..original.clone()
            };
            if i > 0 {
                next_suffix += 1;
                posting.number = PostingNumber(format!("{}-{next_suffix}", original.order_number));
                posting.parent = original.number.to_string();
            }
            numbers.push(posting.number.clone());
            shipped.push(posting);
        }
        let mut shipped = shipped.into_iter();
        if let (Some(first), Some(slot)) = (shipped.next(), self.fbs.get_mut(index)) {
            *slot = first;
        }
        let added: Vec<FbsRec> = shipped.collect();
        let additional = request.with.is_some_and(|w| w.additional_data);
        let mut additional_data = Vec::new();
        if additional {
            for number in &numbers {
                let lines = self
                    .fbs
                    .iter()
                    .chain(&added)
                    .find(|p| &p.number == number)
                    .map(|p| p.lines.clone())
                    .unwrap_or_default();
                additional_data.push(ShipAdditionalData {
                    posting_number: number.clone(),
                    products: lines
                        .iter()
                        .map(|l| ShippedProduct {
                            currency_code: "RUB".into(),
                            mandatory_mark: Vec::new(),
                            name: l.name.clone(),
                            offer_id: l.offer_id.clone(),
                            price: l.price,
                            quantity: l.quantity,
                            sku: l.sku,
                        })
                        .collect(),
                });
            }
        }
        self.fbs.extend(added);
        ok(&ShipResponse {
            additional_data,
            result: numbers,
        })
    }

    pub(super) fn fbs_cancel(&mut self, body: &[u8]) -> Handled {
        let request: CancelRequest = parse(body)?;
        let reason = CANCEL_REASONS
            .iter()
            .find(|r| r.0 == request.cancel_reason_id)
            .filter(|r| r.3)
            .ok_or_else(|| {
                invalid(format!(
                    "cancel_reason_id {} is not a reason the seller may cancel for",
                    request.cancel_reason_id
                ))
            })?;
        if request.cancel_reason_id == CANCEL_REASON_OTHER
            && request.cancel_reason_message.trim().is_empty()
        {
            return Err(invalid(format!(
                "cancel_reason_message is required for cancel_reason_id {CANCEL_REASON_OTHER}"
            )));
        }
        let p = self
            .fbs_index(&request.posting_number)
            .and_then(|i| self.fbs.get_mut(i))
            .ok_or_else(|| posting_not_found(&request.posting_number))?;
        match p.status {
            PostingStatus::AwaitingPackaging | PostingStatus::AwaitingDeliver => {}
            PostingStatus::Cancelled => {
                return Err(invalid(format!(
                    "POSTING_ALREADY_CANCELLED: posting {} is already cancelled",
                    p.number
                )));
            }
            PostingStatus::Delivered => {
                return Err(invalid(format!(
                    "POSTING_ALREADY_DELIVERED: posting {} is delivered and can not be cancelled",
                    p.number
                )));
            }
            _ => {
                return Err(invalid(format!(
                    "INVALID_POSTING_STATUS: posting {} is {} and can not be cancelled",
                    p.number, p.status
                )));
            }
        }
        let shipped = p.status == PostingStatus::AwaitingDeliver;
        p.status = PostingStatus::Cancelled;
        p.status_changed_at = Utc::now();
        p.cancellation = Some(Cancellation {
            affect_cancellation_rating: true,
            cancel_reason: if request.cancel_reason_message.trim().is_empty() {
                reason.1.to_owned()
            } else {
                request.cancel_reason_message.clone()
            },
            cancel_reason_id: reason.0,
            cancellation_initiator: "Продавец".into(),
            cancellation_type: "seller".into(),
            cancelled_after_ship: shipped,
        });
        ok(&BooleanResponse { result: true })
    }

    pub(super) fn cancel_reasons(&self) -> Handled {
        let result = CANCEL_REASONS
            .iter()
            .map(|(id, title, kind, available)| CancelReason {
                id: *id,
                is_available_for_cancellation: *available,
                title: (*title).into(),
                type_id: (*kind).into(),
            })
            .collect();
        ok(&CancelReasonListResponse { result })
    }

    pub(super) fn fbs_delivering(&mut self, body: &[u8]) -> Handled {
        let request: PostingNumbersRequest = parse(body)?;
        if request.posting_number.is_empty() {
            return Err(invalid("posting_number is required"));
        }
        let now = Utc::now();
        let mut result = Vec::with_capacity(request.posting_number.len());
        for number in request.posting_number {
            let index = self.fbs_index(&number);
            let error = match index.and_then(|i| self.fbs.get_mut(i)) {
                None => "POSTING_NOT_FOUND".to_owned(),
                Some(p) if !p.rfbs => {
                    "INCORRECT_POSTING_TYPE: only postings delivered by the seller (rFBS) move \
                     to delivering by this method"
                        .to_owned()
                }
                Some(p) if p.status != PostingStatus::AwaitingDeliver => {
                    format!(
                        "INVALID_POSTING_STATUS: posting is {}, not awaiting_deliver",
                        p.status
                    )
                }
                Some(p) => {
                    p.status = PostingStatus::Delivering;
                    p.delivering_date = Some(now);
                    p.status_changed_at = now;
                    String::new()
                }
            };
            result.push(MoveStatus {
                result: error.is_empty(),
                error,
                posting_number: number,
            });
        }
        ok(&MoveStatusResponse { result })
    }
}

pub(super) fn posting_not_found(number: &PostingNumber) -> Answer {
    not_found(format!("POSTING_NOT_FOUND: posting {number} not found"))
}

pub(super) fn available_actions(p: &FbsRec) -> Vec<String> {
    let actions: &[&str] = match (&p.status, p.rfbs) {
        (PostingStatus::AwaitingPackaging, _) => &["cancel", "ship", "product_cancel"],
        (PostingStatus::AwaitingDeliver, true) => &[
            "cancel",
            "label_download",
            "non_int_delivering",
            "set_track_number",
        ],
        (PostingStatus::AwaitingDeliver, false) => &["cancel", "label_download"],
        (PostingStatus::Delivering, true) => &["non_int_delivered", "non_int_last_mile"],
        (PostingStatus::Delivering, false) => &["click_track_number"],
        _ => &[],
    };
    actions.iter().map(|a| (*a).to_owned()).collect()
}

pub(super) fn substatus(status: &PostingStatus) -> PostingSubstatus {
    match status {
        PostingStatus::AwaitingPackaging => PostingSubstatus::Created,
        PostingStatus::AwaitingDeliver => PostingSubstatus::TransferringToDelivery,
        PostingStatus::Delivering => PostingSubstatus::InCourierService,
        PostingStatus::Delivered => PostingSubstatus::Delivered,
        PostingStatus::Cancelled => PostingSubstatus::Canceled,
        _ => PostingSubstatus::default(),
    }
}

pub(super) fn integration(rfbs: bool) -> TplIntegrationType {
    if rfbs {
        TplIntegrationType::NonIntegrated
    } else {
        TplIntegrationType::Ozon
    }
}

/// An amount in roubles as the v4 lists send it.
pub(super) fn rub(amount: Decimal) -> PostingMoney {
    PostingMoney {
        amount,
        currency: "RUB".into(),
    }
}

/// The financial block of the v4 FBS list and the v3 FBO list.
pub(super) fn financial_v4(lines: &[Line], city: usize) -> FbsListFinancialData {
    let old = financial(lines, city);
    FbsListFinancialData {
        cluster_from: old.cluster_from,
        cluster_to: old.cluster_to,
        products: old
            .products
            .into_iter()
            .zip(lines)
            .map(|(f, l)| FbsListFinancialProduct {
                actions: f.actions,
                commission: Some(FbsListCommission {
                    amount: f.commission_amount,
                    currency: f.commissions_currency_code,
                    percent: f.commission_percent,
                }),
                customer_price: Some(rub(l.price)),
                old_price: f.old_price,
                payout: f.payout,
                price: f.price,
                product_id: l.sku,
                quantity: f.quantity,
                total_discount_percent: f.total_discount_percent,
                total_discount_value: f.total_discount_value,
            })
            .collect(),
    }
}

pub(super) fn barcodes(order_id: i64) -> crate::models::fbs::Barcodes {
    crate::models::fbs::Barcodes {
        lower_barcode: format!("{:016}", order_id % 10_000_000_000_000_000),
        upper_barcode: format!("%101%{order_id}"),
    }
}
