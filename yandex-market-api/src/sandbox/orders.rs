//! The orders section's handlers (`getBusinessOrders`, `updateOrderStatus`,
//! `updateOrderStatuses`, `setOrderBoxLayout`).

use super::*;

impl State {
    pub(super) fn business_order(o: &OrderRec) -> BusinessOrder {
        let rub = |value: Decimal| CurrencyValue {
            value,
            currency_id: OrderCurrency::Rur,
        };
        let (city_region, city, street) =
            CITIES
                .get(o.city)
                .copied()
                .unwrap_or((213, "Москва", "Тверская"));
        BusinessOrder {
            order_id: o.id,
            campaign_id: o.campaign,
            program_type: Some(SellingProgramType::Fbs),
            status: o.status.clone(),
            substatus: o.substatus.clone(),
            creation_date: o.created_at,
            update_date: Some(o.updated_at),
            payment_type: OrderPaymentType::Prepaid,
            payment_method: OrderPaymentMethodType::Yandex,
            fake: o.fake,
            items: o
                .items
                .iter()
                .map(|i| BusinessOrderItem {
                    id: i.id,
                    offer_id: i.offer_id.clone(),
                    offer_name: i.name.clone(),
                    count: i.count,
                    prices: Some(ItemPrices {
                        payment: Some(rub(i.price.saturating_mul(Decimal::from(i.count)))),
                        subsidy: Some(rub(Decimal::ZERO)),
                        cashback: None,
                        vat: Some(OrderVatType::Vat20),
                    }),
                    ..BusinessOrderItem::default()
                })
                .collect(),
            prices: Some(OrderPrices {
                payment: Some(rub(o.total())),
                subsidy: Some(rub(Decimal::ZERO)),
                cashback: None,
                delivery: Some(DeliveryPrices {
                    payment: Some(rub(Decimal::ZERO)),
                    subsidy: None,
                    vat: Some(OrderVatType::Vat20),
                }),
            }),
            delivery: BusinessOrderDelivery {
                kind: OrderDeliveryType::Delivery,
                service_name: DELIVERY_SERVICE_NAME.into(),
                delivery_service_id: DELIVERY_SERVICE_ID,
                warehouse_id: Some(SANDBOX_WAREHOUSE_ID.to_string()),
                delivery_partner_type: OrderDeliveryPartnerType::YandexMarket,
                dispatch_type: Some(OrderDeliveryDispatchType::Buyer),
                dates: BusinessOrderDeliveryDates {
                    from_date: o.shipment_date + TimeDelta::days(1),
                    to_date: Some(o.shipment_date + TimeDelta::days(2)),
                    real_delivery_date: o.delivered_on,
                    ..BusinessOrderDeliveryDates::default()
                },
                shipment: Some(BusinessOrderShipment {
                    id: Some(o.shipment),
                    shipment_date: o.shipment_date,
                    shipment_time: None,
                }),
                courier: Some(CourierDelivery {
                    address: Some(BusinessOrderAddress {
                        country: Some("Россия".into()),
                        city: Some(city.into()),
                        street: Some(street.into()),
                        house: Some(format!("{}", 1 + o.id.0 % 40)),
                        ..BusinessOrderAddress::default()
                    }),
                    region: Some(Region {
                        id: city_region,
                        name: city.into(),
                        kind: RegionType::City,
                        parent: None,
                    }),
                }),
                boxes_layout: o
                    .boxes
                    .iter()
                    .map(|b| BusinessOrderBox {
                        box_id: b.id,
                        barcode: format!("{}-{}", o.id, b.id),
                        items: b.items.clone(),
                    })
                    .collect(),
                ..BusinessOrderDelivery::default()
            },
            buyer_type: Some(OrderBuyerType::Person),
            source_platform: Some(OrderSourcePlatformType::Market),
            ..BusinessOrder::default()
        }
    }

    pub(super) fn business_orders(
        &mut self,
        args: &Args,
        body: &[u8],
        now: DateTime<Utc>,
    ) -> Handled {
        let limit = args.limit(50, 50, true)?;
        let after = args.token("orders")?;
        let filter: BusinessOrdersRequest = self::body(body)?;
        for (name, n) in [
            ("orderIds", filter.order_ids.len()),
            ("campaignIds", filter.campaign_ids.len()),
            ("externalOrderIds", filter.external_order_ids.len()),
        ] {
            if n > ORDER_FILTER_MAX {
                return Err(bad_request(format!(
                    "{name}: {n} items, at most {ORDER_FILTER_MAX}"
                )));
            }
        }
        let dates = filter.dates.clone().unwrap_or_default();
        for (name, from, to) in [
            ("creation", dates.creation_date_from, dates.creation_date_to),
            ("shipment", dates.shipment_date_from, dates.shipment_date_to),
        ] {
            if let (Some(from), Some(to)) = (from, to) {
                if to < from {
                    return Err(bad_request(format!(
                        "the {name} window ends before it starts"
                    )));
                }
                if (to - from).num_days() > WINDOW_DAYS_MAX {
                    return Err(bad_request(format!(
                        "the {name} window is longer than {WINDOW_DAYS_MAX} days"
                    )));
                }
            }
        }
        if let (Some(from), Some(to)) = (dates.update_date_from, dates.update_date_to)
            && to < from
        {
            return Err(bad_request("the update window ends before it starts"));
        }
        // A poll for new orders: a first page not asking for given orders.
        if after.is_none() && filter.order_ids.is_empty() && filter.fake != Some(true) {
            for _ in 0..self.new_orders_per_poll {
                self.add_order(now, Phase::Started, false);
            }
        }
        let fake = filter.fake.unwrap_or(false);
        let matching = |o: &&OrderRec| {
            o.fake == fake
                && after.is_none_or(|a| o.id.0 > a)
                && (filter.order_ids.is_empty() || filter.order_ids.contains(&o.id))
                && filter.external_order_ids.is_empty()
                && (filter.campaign_ids.is_empty() || filter.campaign_ids.contains(&o.campaign))
                && (filter.program_types.is_empty()
                    || filter.program_types.contains(&SellingProgramType::Fbs))
                && (filter.source_platforms.is_empty()
                    || filter
                        .source_platforms
                        .contains(&OrderSourcePlatformType::Market))
                && filter.waiting_for_cancellation_approve != Some(true)
                && (filter.statuses.is_empty() || filter.statuses.contains(&o.status))
                && (filter.substatuses.is_empty() || filter.substatuses.contains(&o.substatus))
                && dates
                    .creation_date_from
                    .is_none_or(|d| moscow_day(o.created_at) >= d)
                && dates
                    .creation_date_to
                    .is_none_or(|d| moscow_day(o.created_at) < d)
                && dates
                    .shipment_date_from
                    .is_none_or(|d| o.shipment_date >= d)
                && dates.shipment_date_to.is_none_or(|d| o.shipment_date < d)
                && dates.update_date_from.is_none_or(|t| o.updated_at >= t)
                && dates.update_date_to.is_none_or(|t| o.updated_at <= t)
        };
        let mut found = self.orders.iter().filter(matching);
        let orders: Vec<BusinessOrder> = found
            .by_ref()
            .take(limit)
            .map(Self::business_order)
            .collect();
        let next = match (found.next(), orders.last()) {
            (Some(_), Some(last)) => Some(page_token("orders", last.order_id.0)),
            _ => None,
        };
        ok(&BusinessOrdersResponse {
            orders,
            paging: pager(next),
        })
    }

    /// The order of the path, in the campaign.
    pub(super) fn order_at(&self, args: &Args) -> Result<usize, Answer> {
        let id = args.id("orderId")?;
        self.orders
            .iter()
            .position(|o| o.id.0 == id && o.campaign == SANDBOX_CAMPAIGN_ID)
            .ok_or_else(|| not_found(format!("Order {id} not found")))
    }

    /// The campaign-level shape of an order (the answer of a status change).
    pub(super) fn order_model(o: &OrderRec) -> Order {
        let (first, last) = BUYERS
            .get(o.buyer)
            .map_or(("Иван", "Иванов"), |b| (b.1, b.0));
        let total = o.total();
        Order {
            id: o.id,
            status: o.status.clone(),
            substatus: o.substatus.clone(),
            creation_date: o.created_at,
            updated_at: Some(o.updated_at),
            currency: OrderCurrency::Rur,
            items_total: total,
            delivery_total: Decimal::ZERO,
            buyer_items_total_before_discount: total,
            payment_type: OrderPaymentType::Prepaid,
            payment_method: OrderPaymentMethodType::Yandex,
            fake: o.fake,
            items: o
                .items
                .iter()
                .map(|i| OrderItem {
                    id: i.id,
                    offer_id: i.offer_id.clone(),
                    offer_name: i.name.clone(),
                    price: i.price,
                    buyer_price: i.price,
                    buyer_price_before_discount: i.price,
                    count: i.count,
                    vat: Some(OrderVatType::Vat20),
                    shop_sku: Some(i.offer_id.clone()),
                    subsidy: Some(Decimal::ZERO),
                    partner_warehouse_id: Some(SANDBOX_WAREHOUSE_ID.to_string()),
                    ..OrderItem::default()
                })
                .collect(),
            delivery: OrderDelivery {
                kind: OrderDeliveryType::Delivery,
                service_name: DELIVERY_SERVICE_NAME.into(),
                delivery_service_id: DELIVERY_SERVICE_ID,
                delivery_partner_type: OrderDeliveryPartnerType::YandexMarket,
                dispatch_type: Some(OrderDeliveryDispatchType::Buyer),
                dates: OrderDeliveryDates {
                    from_date: o.shipment_date + TimeDelta::days(1),
                    to_date: Some(o.shipment_date + TimeDelta::days(2)),
                    real_delivery_date: o.delivered_on,
                    ..OrderDeliveryDates::default()
                },
                shipments: vec![OrderShipment {
                    id: Some(o.shipment),
                    shipment_date: Some(o.shipment_date),
                    boxes: o
                        .boxes
                        .iter()
                        .enumerate()
                        .map(|(n, b)| OrderParcelBox {
                            id: b.id,
                            fulfilment_id: format!("{}-{}", o.id, n + 1),
                        })
                        .collect(),
                    ..OrderShipment::default()
                }],
                ..OrderDelivery::default()
            },
            buyer: OrderBuyer {
                first_name: Some(first.into()),
                last_name: Some(last.into()),
                kind: OrderBuyerType::Person,
                ..OrderBuyer::default()
            },
            tax_system: OrderTaxSystemType::Osn,
            ..Order::default()
        }
    }

    /// Applies a status change to the order at `index`: `Ok` when done (or already so), `Err`
    /// with Yandex Market's code and message when not allowed.
    pub(super) fn change_status(
        &mut self,
        index: usize,
        to: &OrderStatus,
        substatus: Option<&OrderSubstatus>,
        now: DateTime<Utc>,
    ) -> Result<(), (&'static str, String)> {
        let Some(o) = self.orders.get(index) else {
            return Err(("NOT_FOUND", "Order not found".into()));
        };
        let (id, from, from_sub) = (o.id, o.status.clone(), o.substatus.clone());
        let status_not_allowed = || {
            (
                "STATUS_NOT_ALLOWED",
                format!("Order {id} in status {from}/{from_sub} cannot be moved to status {to}"),
            )
        };
        let target = match (to, substatus) {
            // Confirming an order that awaits the seller's confirmation.
            (OrderStatus::Processing, Some(OrderSubstatus::Started)) => {
                if from == OrderStatus::Processing && from_sub == OrderSubstatus::Started {
                    return Ok(());
                }
                if from != OrderStatus::Processing || from_sub != OrderSubstatus::AwaitConfirmation
                {
                    return Err(status_not_allowed());
                }
                (OrderStatus::Processing, OrderSubstatus::Started)
            }
            (OrderStatus::Processing, Some(OrderSubstatus::ReadyToShip)) => {
                if from != OrderStatus::Processing {
                    return Err(status_not_allowed());
                }
                if from_sub == OrderSubstatus::ReadyToShip {
                    return Ok(());
                }
                if from_sub != OrderSubstatus::Started {
                    return Err(status_not_allowed());
                }
                (OrderStatus::Processing, OrderSubstatus::ReadyToShip)
            }
            (OrderStatus::Cancelled, Some(OrderSubstatus::ShopFailed)) => {
                if from == OrderStatus::Cancelled && from_sub == OrderSubstatus::ShopFailed {
                    return Ok(());
                }
                if from != OrderStatus::Processing {
                    return Err(status_not_allowed());
                }
                (OrderStatus::Cancelled, OrderSubstatus::ShopFailed)
            }
            (OrderStatus::Processing | OrderStatus::Cancelled, sub) => {
                return Err((
                    "SUBSTATUS_NOT_ALLOWED",
                    format!(
                        "Substatus {} is not allowed for status {to} of order {id}",
                        sub.map_or("(none)", OrderSubstatus::as_str)
                    ),
                ));
            }
            _ => return Err(status_not_allowed()),
        };
        let mut order = self
            .orders
            .get(index)
            .cloned()
            .ok_or_else(status_not_allowed)?;
        if target.1 == OrderSubstatus::ReadyToShip {
            self.lay_out(&mut order);
        }
        order.status = target.0;
        order.substatus = target.1;
        order.updated_at = now;
        if let Some(slot) = self.orders.get_mut(index) {
            *slot = order;
        }
        Ok(())
    }

    pub(super) fn update_order_status(
        &mut self,
        args: &Args,
        body: &[u8],
        now: DateTime<Utc>,
    ) -> Handled {
        let index = self.order_at(args)?;
        let request: UpdateOrderStatusRequest = self::body(body)?;
        let OrderStatusChange {
            status, substatus, ..
        } = request.order;
        self.change_status(index, &status, substatus.as_ref(), now)
            .map_err(|(code, message)| ym_error(400, code, message))?;
        let order = self.orders.get(index).map(Self::order_model);
        ok(&UpdateOrderStatusResponse {
            order,
            operation: None,
        })
    }

    pub(super) fn update_order_statuses(&mut self, body: &[u8], now: DateTime<Utc>) -> Handled {
        let request: UpdateOrderStatusesRequest = self::body(body)?;
        let n = request.orders.len();
        if n == 0 || n > 30 {
            return Err(bad_request(format!("orders takes 1 to 30 orders, got {n}")));
        }
        let mut results = Vec::with_capacity(n);
        for change in request.orders {
            let index = self
                .orders
                .iter()
                .position(|o| o.id == change.id && o.campaign == SANDBOX_CAMPAIGN_ID);
            let outcome = match index {
                None => Err(("NOT_FOUND", format!("Order {} not found", change.id))),
                Some(i) => self.change_status(i, &change.status, change.substatus.as_ref(), now),
            };
            let current = index.and_then(|i| self.orders.get(i));
            results.push(OrderStatusUpdate {
                id: Some(change.id),
                status: current.map(|o| o.status.clone()),
                substatus: current.map(|o| o.substatus.clone()),
                update_status: Some(if outcome.is_ok() {
                    OrderUpdateStatusType::Ok
                } else {
                    OrderUpdateStatusType::Error
                }),
                error_details: outcome
                    .err()
                    .map(|(code, message)| format!("{code}: {message}")),
                operation: None,
            });
        }
        ok(&UpdateOrderStatusesResponse {
            status: Some(ApiStatus::Ok),
            result: Some(UpdatedOrderStatuses { orders: results }),
        })
    }

    pub(super) fn set_boxes(&mut self, args: &Args, body: &[u8], now: DateTime<Utc>) -> Handled {
        let index = self.order_at(args)?;
        let request: SetOrderBoxLayoutRequest = self::body(body)?;
        let Some(order) = self.orders.get(index).cloned() else {
            return Err(not_found("Order not found"));
        };
        if !order.processing() {
            return Err(ym_error(
                400,
                "STATUS_NOT_ALLOWED",
                format!(
                    "Order {} in status {}/{} cannot be laid out in boxes",
                    order.id, order.status, order.substatus
                ),
            ));
        }
        if request.boxes.is_empty() {
            return Err(bad_request("boxes takes at least one box"));
        }
        // Units laid out per line: whole units, and parts (current, total).
        let mut whole: HashMap<OrderItemId, i64> = HashMap::new();
        let mut parts: HashMap<OrderItemId, Vec<(i32, i32)>> = HashMap::new();
        for (n, b) in request.boxes.iter().enumerate() {
            if b.items.is_empty() {
                return Err(bad_request(format!("box {}: no items", n + 1)));
            }
            for item in &b.items {
                if !order.items.iter().any(|i| i.id == item.id) {
                    return Err(ym_error(
                        400,
                        "ITEM_NOT_FOUND",
                        format!("Line {} is not a line of order {}", item.id, order.id),
                    ));
                }
                match (item.full_count, &item.partial_count) {
                    (Some(c), None) if c >= 1 => *whole.entry(item.id).or_insert(0) += i64::from(c),
                    (None, Some(p)) if p.total >= 2 && (1..=p.total).contains(&p.current) => {
                        parts.entry(item.id).or_default().push((p.current, p.total));
                    }
                    _ => {
                        return Err(bad_request(format!(
                            "box {}, line {}: give fullCount (at least 1) or partialCount",
                            n + 1,
                            item.id
                        )));
                    }
                }
            }
        }
        for line in &order.items {
            let mut units = whole.get(&line.id).copied().unwrap_or(0);
            if let Some(p) = parts.get(&line.id) {
                let total = p.first().map_or(0, |x| x.1);
                let mut currents: Vec<i32> = p.iter().map(|x| x.0).collect();
                currents.sort_unstable();
                let complete =
                    p.iter().all(|x| x.1 == total) && currents == (1..=total).collect::<Vec<_>>();
                if !complete {
                    return Err(bad_request(format!(
                        "line {}: the parts of a unit must be 1..{total}, each once",
                        line.id
                    )));
                }
                units += 1;
            }
            let fits = if request.allow_remove {
                units <= line.count
            } else {
                units == line.count
            };
            if !fits {
                return Err(bad_request(format!(
                    "line {}: {units} units laid out, the order has {}",
                    line.id, line.count
                )));
            }
        }
        let mut boxes = Vec::with_capacity(request.boxes.len());
        for b in request.boxes {
            self.next_box += 1;
            boxes.push(BoxRec {
                id: BoxId(self.next_box),
                items: b.items,
            });
        }
        let laid_out: Vec<LaidOutBox> = boxes
            .iter()
            .map(|b| LaidOutBox {
                box_id: Some(b.id),
                items: b.items.clone(),
            })
            .collect();
        if let Some(o) = self.orders.get_mut(index) {
            o.boxes = boxes;
            o.updated_at = now;
        }
        ok(&SetOrderBoxLayoutResponse {
            status: Some(ApiStatus::Ok),
            result: Some(OrderBoxesLayout { boxes: laid_out }),
        })
    }
}
