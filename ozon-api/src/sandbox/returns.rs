//! Handlers of the returns section (`api/returns.rs`): the returns list.

use super::*;

impl State {
    pub(super) fn returns_list(&self, body: &[u8]) -> Handled {
        let request: ReturnsListRequest = parse(body)?;
        check_limit(i64::from(request.limit), i64::from(RETURNS_LIST_PAGE_MAX))?;
        if request.last_id < 0 {
            return Err(invalid("last_id must not be negative"));
        }
        let filter = request.filter.unwrap_or_default();
        if filter.posting_numbers.len() > RETURNS_POSTINGS_MAX {
            return Err(invalid(format!(
                "filter.posting_numbers: at most {RETURNS_POSTINGS_MAX} are allowed"
            )));
        }
        let in_range = |range: &Option<crate::models::returns::TimeRange>, t: DateTime<Utc>| {
            range.as_ref().is_none_or(|r| {
                r.time_from.is_none_or(|from| t >= from) && r.time_to.is_none_or(|to| t <= to)
            })
        };
        let matching: Vec<&ReturnRec> = self
            .returns
            .iter()
            .filter(|r| r.id > request.last_id)
            .filter(|r| {
                filter.posting_numbers.is_empty() || filter.posting_numbers.contains(&r.posting)
            })
            .filter(|r| {
                filter
                    .offer_id
                    .as_ref()
                    .is_none_or(|o| *o == r.line.offer_id)
            })
            .filter(|r| {
                filter
                    .return_schema
                    .as_ref()
                    .is_none_or(|s| match s.as_str() {
                        "FBO" => r.fbo,
                        "FBS" => !r.fbo,
                        _ => false,
                    })
            })
            .filter(|r| {
                filter
                    .visual_status_name
                    .as_ref()
                    .is_none_or(|s| *s == r.status.1)
            })
            .filter(|r| in_range(&filter.logistic_return_date, r.return_date))
            .collect();
        let limit = usize::try_from(request.limit).unwrap_or(0);
        let returns = matching
            .iter()
            .take(limit)
            .map(|r| return_item(r))
            .collect();
        ok(&ReturnsListResponse {
            has_next: matching.len() > limit,
            returns,
        })
    }
}

pub(super) fn financial(lines: &[Line], city: usize) -> PostingFinancialData {
    PostingFinancialData {
        cluster_from: "Москва, Московская и Тверская области".into(),
        cluster_to: CITIES.get(city).map(|c| c.1).unwrap_or("Москва").into(),
        products: lines
            .iter()
            .map(|l| {
                let total = l.price.saturating_mul(Decimal::from(l.quantity));
                let commission = percent_of(total, 15);
                let discount = l.old_price.saturating_sub(l.price).max(Decimal::ZERO);
                PostingFinancialDataProduct {
                    actions: Vec::new(),
                    commission_amount: commission,
                    commission_percent: 15,
                    commissions_currency_code: "RUB".into(),
                    currency_code: "RUB".into(),
                    customer_currency_code: "RUB".into(),
                    customer_price: Some(l.price),
                    old_price: l.old_price,
                    payout: total.saturating_sub(commission),
                    price: l.price,
                    product_id: l.product_id,
                    quantity: i64::from(l.quantity),
                    total_discount_percent: if l.old_price.is_zero() {
                        Decimal::ZERO
                    } else {
                        discount
                            .checked_div(l.old_price)
                            .unwrap_or_default()
                            .saturating_mul(Decimal::ONE_HUNDRED)
                            .round_dp(2)
                    },
                    total_discount_value: discount,
                }
            })
            .collect(),
    }
}

pub(super) fn return_item(r: &ReturnRec) -> ReturnItem {
    let money = |price: Decimal| {
        Some(ReturnMoney {
            currency_code: "RUB".into(),
            price,
        })
    };
    let price = r.line.price.round_dp(2);
    let commission = percent_of(price, 15);
    let place = ReturnPlace {
        address: "Москва, ул. Тверская, 1".into(),
        id: WarehouseId(FIRST_WAREHOUSE_ID),
        name: "Пункт выдачи Тверская".into(),
    };
    ReturnItem {
        clearing_id: r.order_id / 10,
        company_id: 1_234_567,
        exemplars: vec![crate::models::returns::ReturnExemplar { id: r.id * 10 + 1 }],
        id: r.id,
        logistic: Some(ReturnLogistic {
            barcode: format!("ii{:010}", r.id),
            return_date: Some(r.return_date),
            ..ReturnLogistic::default()
        }),
        order_id: r.order_id,
        order_number: r.order_number.clone(),
        place: Some(place.clone()),
        posting_number: r.posting.clone(),
        product: Some(ReturnProduct {
            commission: money(commission),
            commission_percent: Some(Decimal::from(15)),
            name: r.line.name.clone(),
            offer_id: r.line.offer_id.clone(),
            price: money(price),
            price_without_commission: money(price.saturating_sub(commission)),
            quantity: r.line.quantity,
            sku: r.line.sku,
        }),
        return_reason_name: r.reason.into(),
        schema: if r.fbo { "Fbo" } else { "Fbs" }.into(),
        source_id: r.id,
        target_place: Some(place),
        kind: Some(ReturnType::ClientReturn),
        visual: Some(ReturnVisual {
            change_moment: Some(r.return_date),
            status: Some(ReturnVisualStatusInfo {
                display_name: r.status.2.into(),
                id: r.status.0,
                sys_name: Some(r.status.1.clone()),
            }),
        }),
        ..ReturnItem::default()
    }
}
