//! Handlers of the FBO section (`api/fbo.rs`): posting list and details.

use super::*;

impl State {
    pub(super) fn fbo_list_posting(&self, p: &FboRec, with: &FboPostingWith) -> FboListPosting {
        let full = self.fbo_posting(p, with);
        FboListPosting {
            additional_data: full.additional_data,
            analytics_data: full.analytics_data,
            cancel_reason_id: full.cancel_reason_id,
            created_at: full.created_at,
            financial_data: with
                .financial_data
                .then(|| financial_v4(&p.lines, p.city))
                .into(),
            in_process_at: full.in_process_at,
            legal_info: full.legal_info,
            order_id: full.order_id,
            order_number: full.order_number,
            posting_number: full.posting_number,
            products: p
                .lines
                .iter()
                .map(|l| FboListPostingProduct {
                    digital_codes: Vec::new(),
                    is_marketplace_buyout: false,
                    name: l.name.clone(),
                    offer_id: l.offer_id.clone(),
                    price: rub(l.price.round_dp(2)),
                    quantity: i64::from(l.quantity),
                    sku: l.sku,
                })
                .collect(),
            status: full.status,
            substatus: full.substatus,
            ..FboListPosting::default()
        }
    }

    pub(super) fn fbo_posting(&self, p: &FboRec, with: &FboPostingWith) -> FboPosting {
        let (id, warehouse) = FBO_WAREHOUSES.get(p.warehouse).copied().unwrap_or((0, ""));
        FboPosting {
            additional_data: Vec::new(),
            analytics_data: with.analytics_data.then(|| FboPostingAnalyticsData {
                city: CITIES.get(p.city).map(|c| c.0).unwrap_or("Москва").into(),
                client_delivery_date_begin: None,
                client_delivery_date_end: None,
                delivery_type: "PVZ".into(),
                is_legal: false,
                is_premium: p.order_id % 5 == 0,
                payment_type_group_name: "Карты оплаты".into(),
                warehouse_id: WarehouseId(id),
                warehouse_name: warehouse.into(),
            }),
            cancel_reason_id: p.cancel_reason_id,
            created_at: p.created_at,
            fact_delivery_date: None,
            financial_data: with
                .financial_data
                .then(|| financial(&p.lines, p.city))
                .into(),
            in_process_at: Some(p.created_at + TimeDelta::minutes(5)),
            legal_info: with.legal_info.then(LegalInfo::default),
            order_id: p.order_id,
            order_number: p.order_number.clone(),
            posting_number: p.number.clone(),
            products: p
                .lines
                .iter()
                .map(|l| FboPostingProduct {
                    currency_code: "RUB".into(),
                    digital_codes: Vec::new(),
                    is_marketplace_buyout: false,
                    name: l.name.clone(),
                    offer_id: l.offer_id.clone(),
                    price: l.price.round_dp(2),
                    quantity: i64::from(l.quantity),
                    sku: l.sku,
                })
                .collect(),
            status: p.status.clone(),
            substatus: substatus(&p.status).as_str().to_owned(),
        }
    }

    pub(super) fn fbo_list(&self, body: &[u8]) -> Handled {
        let request: FboPostingListRequest = parse(body)?;
        let f = &request.filter;
        if f.since >= f.to {
            return Err(invalid("filter: since must be before to"));
        }
        if f.to - f.since > TimeDelta::days(POSTING_FBS_LIST_WINDOW_MAX_DAYS) {
            return Err(invalid(
                "PERIOD_IS_TOO_LONG: the period is longer than a year",
            ));
        }
        check_limit(request.limit, POSTING_FBO_LIST_PAGE_MAX)?;
        let offset = parse_cursor(&request.cursor)?;
        let mut matching: Vec<&FboRec> = self
            .fbo
            .iter()
            .filter(|p| p.created_at >= f.since && p.created_at < f.to)
            .filter(|p| f.statuses.is_empty() || f.statuses.contains(&p.status))
            .filter(|p| f.posting_numbers.is_empty() || f.posting_numbers.contains(&p.number))
            .collect();
        matching.sort_by(|a, b| (a.created_at, &a.number).cmp(&(b.created_at, &b.number)));
        if request.sort_dir == Some(SortDirection::Desc) {
            matching.reverse();
        }
        let limit = usize::try_from(request.limit).unwrap_or(0);
        let postings: Vec<FboListPosting> = matching
            .iter()
            .skip(offset)
            .take(limit)
            .map(|p| self.fbo_list_posting(p, &request.with))
            .collect();
        let (cursor, has_next) = next_cursor(offset, postings.len(), matching.len());
        ok(&FboPostingListResponse {
            cursor,
            has_next,
            postings,
        })
    }

    pub(super) fn fbo_get(&self, body: &[u8]) -> Handled {
        let request: FboPostingGetRequest = parse(body)?;
        let p = self
            .fbo
            .iter()
            .find(|p| p.number == request.posting_number)
            .ok_or_else(|| posting_not_found(&request.posting_number))?;
        ok(&FboPostingResponse {
            result: self.fbo_posting(p, &request.with),
        })
    }
}
