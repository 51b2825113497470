//! The labels section's handlers (`generateOrderLabels`, `generateOrderLabel`,
//! `getOrderLabelsData`).

use super::*;

impl State {
    /// The order of a label request: not cancelled, laid out (in one box if need be).
    pub(super) fn labelled(&mut self, args: &Args) -> Result<usize, Answer> {
        let index = self.order_at(args)?;
        if let Some(f) = args.query("format")
            && !["A9_HORIZONTALLY", "A9", "A7", "A4"].contains(&f)
        {
            return Err(bad_request(format!("format {f:?} is not a page format")));
        }
        let Some(mut order) = self.orders.get(index).cloned() else {
            return Err(not_found("Order not found"));
        };
        if !matches!(
            order.status,
            OrderStatus::Processing | OrderStatus::Delivery | OrderStatus::Delivered
        ) {
            return Err(ym_error(
                400,
                "STATUS_NOT_ALLOWED",
                format!(
                    "Order {} in status {} has no labels",
                    order.id, order.status
                ),
            ));
        }
        if order.boxes.is_empty() {
            self.lay_out(&mut order);
            if let Some(slot) = self.orders.get_mut(index) {
                *slot = order;
            }
        }
        Ok(index)
    }

    pub(super) fn pdf(text: &str) -> Handled {
        Ok(Answer {
            status: 200,
            body: tiny_pdf(text),
            content_type: "application/pdf",
        })
    }

    pub(super) fn labels(&mut self, args: &Args) -> Handled {
        let index = self.labelled(args)?;
        let Some(o) = self.orders.get(index) else {
            return Err(not_found("Order not found"));
        };
        Self::pdf(&format!("Order {} boxes {}", o.id, o.boxes.len()))
    }

    pub(super) fn box_label(&mut self, args: &Args) -> Handled {
        let index = self.labelled(args)?;
        let Some(o) = self.orders.get(index) else {
            return Err(not_found("Order not found"));
        };
        let shipment = args.id("shipmentId")?;
        let box_id = args.id("boxId")?;
        if shipment != o.shipment.0 {
            return Err(not_found(format!(
                "Shipment {shipment} is not a shipment of order {}",
                o.id
            )));
        }
        let Some(n) = o.boxes.iter().position(|b| b.id.0 == box_id) else {
            return Err(not_found(format!(
                "Box {box_id} is not a box of order {}",
                o.id
            )));
        };
        Self::pdf(&format!(
            "Order {} box {} of {}",
            o.id,
            n + 1,
            o.boxes.len()
        ))
    }

    pub(super) fn labels_data(&mut self, args: &Args) -> Handled {
        let index = self.labelled(args)?;
        let Some(o) = self.orders.get(index) else {
            return Err(not_found("Order not found"));
        };
        let base = format!(
            "{}/v2/campaigns/{}/orders/{}/delivery",
            self.base_url, o.campaign, o.id
        );
        let (last, first) = BUYERS.get(o.buyer).copied().unwrap_or(("Иванов", "Иван"));
        let (_, city, street) = CITIES
            .get(o.city)
            .copied()
            .unwrap_or((213, "Москва", "Тверская"));
        let total = o.boxes.len();
        let grams: i64 = o
            .items
            .iter()
            .map(|i| i.count.saturating_mul(500))
            .fold(0, i64::saturating_add);
        let labels = o
            .boxes
            .iter()
            .enumerate()
            .map(|(n, b)| BoxLabel {
                url: format!("{base}/shipments/{}/boxes/{}/label", o.shipment, b.id),
                order_id: o.id,
                order_num: o.id.to_string(),
                box_id: b.id,
                fulfilment_id: format!("{}-{}", o.id, n + 1),
                place: format!("{}/{total}", n + 1),
                supplier_name: BUSINESS_NAME.into(),
                delivery_service_name: DELIVERY_SERVICE_NAME.into(),
                delivery_service_id: DELIVERY_SERVICE_ID.to_string(),
                recipient_name: format!("{last} {}.", first.chars().next().unwrap_or('И')),
                delivery_address: Some(format!("{city}, ул. {street}, {}", 1 + o.id.0 % 40)),
                shipment_date: Some(o.shipment_date.format("%d.%m.%Y").to_string()),
                weight: format!("{}.{:03} кг", grams / 1000, grams % 1000),
            })
            .collect();
        ok(&GetOrderLabelsDataResponse {
            status: Some(ApiStatus::Ok),
            result: Some(OrderLabels {
                order_id: o.id,
                places_number: i32::try_from(total).unwrap_or(i32::MAX),
                url: format!("{base}/labels"),
                parcel_box_labels: labels,
            }),
        })
    }
}
