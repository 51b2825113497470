//! The returns section's handlers (`getReturns`, `getReturn`).

use super::*;

impl State {
    pub(super) fn return_model(r: &ReturnRec) -> Return {
        let rub = |value: Decimal| ReturnMoney {
            value,
            currency_id: CurrencyType::Rur,
        };
        let amount = r.amount();
        let refunded = matches!(r.refund, RefundStatus::Refunded);
        Return {
            id: r.id,
            order_id: r.order,
            creation_date: Some(r.created_at),
            update_date: Some(r.updated_at),
            refund_status: Some(r.refund.clone()),
            shipment_status: Some(r.shipment.clone()),
            shipment_recipient_type: Some(RecipientType::Shop),
            refund_amount: refunded.then(|| amount.trunc().try_into().unwrap_or(0)),
            amount: Some(rub(amount)),
            return_type: Some(r.kind.clone()),
            fast_return: Some(false),
            logistic_pickup_point: Some(LogisticPickupPoint {
                id: Some(10_000_001),
                name: Some("Пункт возвратов Песочница".into()),
                address: Some(PickupAddress {
                    country: Some("Россия".into()),
                    city: Some("Москва".into()),
                    street: Some("Складская".into()),
                    house: Some("1".into()),
                    ..PickupAddress::default()
                }),
                ..LogisticPickupPoint::default()
            }),
            items: r
                .items
                .iter()
                .map(|(offer, count, sku, price)| ReturnItem {
                    market_sku: *sku,
                    shop_sku: offer.clone(),
                    count: *count,
                    decisions: vec![ReturnDecision {
                        count: Some(i32::try_from(*count).unwrap_or(1)),
                        comment: Some("Не подошёл товар".into()),
                        decision_type: refunded.then_some(ReturnDecisionType::RefundMoney),
                        amount: Some(rub(*price * Decimal::from(*count))),
                        ..ReturnDecision::default()
                    }],
                    tracks: vec![Track {
                        track_code: Some(format!("RT{}", r.id)),
                    }],
                    ..ReturnItem::default()
                })
                .collect(),
            ..Return::default()
        }
    }

    pub(super) fn returns_list(&self, args: &Args) -> Handled {
        let limit = args.limit(50, 100, true)?;
        let offset = args.token("returns")?.unwrap_or(0);
        let mut order_ids = Vec::new();
        for v in args.list(&["orderIds"]) {
            order_ids.push(
                v.parse::<i64>()
                    .map_err(|_| bad_request(format!("orderIds: {v:?} is not an order id")))?,
            );
        }
        if order_ids.len() > 50 {
            return Err(bad_request("orderIds takes at most 50 orders"));
        }
        let statuses = args.list(&["statuses"]);
        let shipment = args.list(&["shipmentStatuses"]);
        let kind = args.query("type");
        if let Some(k) = kind
            && !["UNREDEEMED", "RETURN"].contains(&k)
        {
            return Err(bad_request(format!("type {k:?} is not a return type")));
        }
        let date = |names: [&str; 2]| -> Result<Option<NaiveDate>, Answer> {
            match names.iter().find_map(|n| args.query(n)) {
                None => Ok(None),
                Some(d) => NaiveDate::parse_from_str(d, "%Y-%m-%d")
                    .map(Some)
                    .map_err(|_| bad_request(format!("{d:?} is not a date (YYYY-MM-DD)"))),
            }
        };
        let from = date(["fromDate", "from_date"])?;
        let to = date(["toDate", "to_date"])?;
        if let (Some(f), Some(t)) = (from, to)
            && f > t
        {
            return Err(bad_request("fromDate is after toDate"));
        }
        let all: Vec<Return> = self
            .returns
            .iter()
            .filter(|r| {
                (order_ids.is_empty() || order_ids.contains(&r.order.0))
                    && (statuses.is_empty() || statuses.iter().any(|s| s == r.refund.as_str()))
                    && (shipment.is_empty() || shipment.iter().any(|s| s == r.shipment.as_str()))
                    && kind.is_none_or(|k| k == r.kind.as_str())
                    && from.is_none_or(|d| moscow_day(r.updated_at) >= d)
                    && to.is_none_or(|d| moscow_day(r.updated_at) <= d)
            })
            .map(Self::return_model)
            .collect();
        let (returns, next) = page_of(&all, "returns", offset, limit);
        ok(&ReturnsResponse {
            status: Some(ApiStatus::Ok),
            result: Some(PagedReturns {
                paging: pager(next),
                returns,
            }),
        })
    }

    pub(super) fn return_one(&self, args: &Args) -> Handled {
        let order = args.id("orderId")?;
        let id = args.id("returnId")?;
        let r = self
            .returns
            .iter()
            .find(|r| r.id.0 == id && r.order.0 == order)
            .ok_or_else(|| not_found(format!("Return {id} of order {order} not found")))?;
        ok(&ReturnResponse {
            status: Some(ApiStatus::Ok),
            result: Some(Self::return_model(r)),
        })
    }
}
