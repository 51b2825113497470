//! Statistics handlers: the orders and sales reports.

use super::*;

impl State {
    // ---- statistics ---------------------------------------------------------------------

    pub(super) fn stat_answer<T: Serialize>(rows: &[T]) -> Handled {
        let mut v = to_json(&rows);
        numbers_in(
            &mut v,
            &[
                "Price",
                "Discount",
                "totalPrice",
                "spp",
                "finishedPrice",
                "priceWithDisc",
                "paymentSaleAmount",
                "forPay",
            ],
        );
        times_in(
            &mut v,
            &["date", "lastChangeDate", "cancelDate"],
            "%Y-%m-%dT%H:%M:%S",
            true,
        );
        Ok(json_answer(200, &v))
    }

    /// The fields the orders and sales reports share, of one task.
    pub(super) fn stat_common(
        &self,
        o: &OrderRec,
    ) -> (String, String, String, String, String, String) {
        let card = self.card(o.nm_id);
        let subject = card.and_then(|c| subject_of(c.subject));
        let region = REGIONS.get(o.region).copied().unwrap_or(("", ""));
        (
            self.warehouse(o.warehouse)
                .map(|w| w.name.clone())
                .unwrap_or_default(),
            region.0.to_owned(),
            region.1.to_owned(),
            subject.map(|s| s.3.to_owned()).unwrap_or_default(),
            subject.map(|s| s.1.to_owned()).unwrap_or_default(),
            card.map(|c| c.brand.clone()).unwrap_or_default(),
        )
    }

    pub(super) fn stat_orders(&self, args: &Args) -> Handled {
        let (from, on_day) = stat_args(args, true)?;
        let mut rows: Vec<OrderRow> = self
            .orders
            .iter()
            .filter(|o| match on_day {
                Some(day) => utc_to_moscow(o.created_at).date() == day,
                None => seconds(o.last_change) >= from,
            })
            .map(|o| {
                let (warehouse, okrug, region, category, subject, brand) = self.stat_common(o);
                let with_disc = discounted(o.full_price, o.discount);
                OrderRow {
                    date: o.created_at,
                    last_change_date: seconds(o.last_change),
                    warehouse_name: warehouse,
                    warehouse_type: Some(WarehouseType::Seller),
                    country_name: "Россия".into(),
                    oblast_okrug_name: okrug,
                    region_name: region,
                    supplier_article: o.article.clone(),
                    nm_id: o.nm_id,
                    barcode: o.barcode.clone(),
                    category,
                    subject,
                    brand,
                    tech_size: o.tech_size.clone(),
                    income_id: 0,
                    is_supply: false,
                    is_realization: true,
                    total_price: o.full_price,
                    discount_percent: i64::from(o.discount),
                    spp: Decimal::ZERO,
                    finished_price: Decimal::new(o.price, 2),
                    price_with_disc: with_disc,
                    is_cancel: o.cancelled_at.is_some(),
                    cancel_date: o.cancelled_at.map(seconds),
                    sticker: o.id.to_string(),
                    g_number: o.order_uid.split('_').next().unwrap_or("").to_owned(),
                    srid: o.rid.clone(),
                }
            })
            .collect();
        rows.sort_by_key(|r| r.last_change_date);
        Self::stat_answer(&rows)
    }

    pub(super) fn stat_sales(&self, args: &Args) -> Handled {
        let (from, on_day) = stat_args(args, true)?;
        let mut rows: Vec<SaleRow> = self
            .orders
            .iter()
            .filter_map(|o| o.sold_at.map(|t| (o, seconds(t))))
            .filter(|(_, sold)| match on_day {
                Some(day) => utc_to_moscow(*sold).date() == day,
                None => *sold >= from,
            })
            .map(|(o, sold)| {
                let (warehouse, okrug, region, category, subject, brand) = self.stat_common(o);
                let finished = Decimal::new(o.price, 2);
                let for_pay = finished
                    .checked_mul(Decimal::new(85, 2))
                    .unwrap_or(finished)
                    .round_dp(2);
                SaleRow {
                    date: sold,
                    last_change_date: sold,
                    warehouse_name: warehouse,
                    warehouse_type: Some(WarehouseType::Seller),
                    country_name: "Россия".into(),
                    oblast_okrug_name: okrug,
                    region_name: region,
                    supplier_article: o.article.clone(),
                    nm_id: o.nm_id,
                    barcode: o.barcode.clone(),
                    category,
                    subject,
                    brand,
                    tech_size: o.tech_size.clone(),
                    income_id: 0,
                    is_supply: false,
                    is_realization: true,
                    total_price: o.full_price,
                    discount_percent: i64::from(o.discount),
                    spp: Decimal::ZERO,
                    payment_sale_amount: Decimal::ZERO,
                    for_pay,
                    finished_price: finished,
                    price_with_disc: discounted(o.full_price, o.discount),
                    sale_id: format!("S{}", o.id.0.saturating_mul(7) % 10_000_000_000),
                    sticker: o.id.to_string(),
                    g_number: o.order_uid.split('_').next().unwrap_or("").to_owned(),
                    srid: o.rid.clone(),
                }
            })
            .collect();
        rows.sort_by_key(|r| r.last_change_date);
        Self::stat_answer(&rows)
    }
}

/// A statistics `dateFrom` (Moscow time without an offset, RFC 3339, or a date) and, with
/// `flag=1` where the method takes it, the Moscow day it names.
pub(super) fn stat_args(
    args: &Args,
    takes_flag: bool,
) -> Result<(DateTime<Utc>, Option<NaiveDate>), Answer> {
    let Some(text) = args.query("dateFrom").map(str::trim) else {
        return Err(stat_error(serde_json::json!(["dateFrom: field required"])));
    };
    let invalid = || stat_error(Value::String("dateFrom: Value not validated".into()));
    let from = if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        t.with_timezone(&Utc)
    } else if let Ok(t) = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f") {
        crate::models::statistics::moscow_to_utc(t)
    } else if let Ok(d) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        crate::models::statistics::moscow_day_start(d)
    } else {
        return Err(invalid());
    };
    let on_day = match (takes_flag, args.query("flag")) {
        (true, Some("1")) => Some(utc_to_moscow(from).date()),
        (_, None | Some("0")) | (false, _) => None,
        (true, Some(_)) => {
            return Err(stat_error(Value::String(
                "flag: Value not validated".into(),
            )));
        }
    };
    Ok((from, on_day))
}
