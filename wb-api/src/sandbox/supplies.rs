//! Supplies handlers: create, list, add orders, get, delete, deliver, QR code.

use super::*;

impl State {
    // ---- supplies -----------------------------------------------------------------------

    pub(super) fn supply_model(&self, s: &SupplyRec) -> Supply {
        Supply {
            cargo_type: if s.orders.is_empty() {
                CargoType::Unset
            } else {
                CargoType::Small
            },
            closed_at: s.closed_at,
            created_at: s.created_at,
            cross_border_type: Some(0),
            destination_office_id: s
                .warehouse
                .and_then(|w| self.warehouse(w))
                .and_then(|w| OFFICE_LIST.get(w.office))
                .map(|o| OfficeId(o.0)),
            done: s.done,
            id: s.id.clone(),
            is_b2b: Some(false),
            is_pickup_point_shipment_allowed: false,
            name: s.name.clone(),
            recommended_wh_id: None,
            scan_dt: s
                .closed_at
                .map(|c| c + TimeDelta::hours(3))
                .filter(|t| *t < Utc::now()),
        }
    }

    pub(super) fn supply_create(&mut self, body: &[u8]) -> Handled {
        let request: CreateSupplyRequest = parse(body, incorrect_body)?;
        let n = request.name.chars().count();
        if request.name.trim().is_empty() || n > SUPPLY_NAME_MAX {
            return Err(incorrect_body());
        }
        let i = self.new_supply(request.name, Utc::now());
        let id = self
            .supplies
            .get(i)
            .map(|s| s.id.clone())
            .unwrap_or_default();
        Ok(json_answer(201, &to_json(&CreateSupplyResponse { id })))
    }

    pub(super) fn supplies_list(&self, args: &Args) -> Handled {
        let limit = args
            .int("limit")
            .map_err(|_| incorrect_parameter())?
            .ok_or_else(incorrect_parameter)?;
        let next = args
            .int("next")
            .map_err(|_| incorrect_parameter())?
            .ok_or_else(incorrect_parameter)?;
        if !(1..=SUPPLIES_LIST_PAGE_MAX).contains(&limit) || next < 0 {
            return Err(incorrect_parameter());
        }
        let page: Vec<&SupplyRec> = self
            .supplies
            .iter()
            .filter(|s| s.seq > next)
            .take(usize::try_from(limit).unwrap_or(0))
            .collect();
        ok(&SuppliesResponse {
            next: page.last().map_or(0, |s| s.seq),
            supplies: page.iter().map(|s| self.supply_model(s)).collect(),
        })
    }

    pub(super) fn supply_at(&self, args: &Args) -> Result<usize, Answer> {
        let id = args.param("supplyId");
        if id.trim().is_empty() {
            return Err(incorrect_parameter());
        }
        self.supply_index(id).ok_or_else(not_found)
    }

    pub(super) fn supply_add_orders(&mut self, args: &Args, body: &[u8]) -> Handled {
        let index = self.supply_at(args)?;
        let request: AddOrdersRequest = parse(body, incorrect_parameter)?;
        if request.orders.is_empty() || request.orders.len() > SUPPLY_ADD_ORDERS_MAX {
            return Err(incorrect_parameter());
        }
        let failed = || {
            mp_error(
                409,
                "FailedToAddSupplyOrder",
                "Не удалось закрепить сборочное задание за поставкой. Убедитесь, что сборочное задание и поставка удовлетворяют всем необходимым требованиям.",
            )
        };
        let Some(supply) = self.supplies.get(index) else {
            return Err(not_found());
        };
        if supply.done {
            return Err(failed());
        }
        let supply_id = supply.id.clone();
        // A supply takes the tasks of one warehouse: the first task's, or those already in it.
        let mut warehouse = supply.warehouse;
        for id in &request.orders {
            let o = self.order(*id).ok_or_else(failed)?;
            let active_elsewhere = o.supply.as_ref().is_some_and(|s| {
                *s != supply_id
                    && self
                        .supply_index(s.as_str())
                        .and_then(|i| self.supplies.get(i))
                        .is_some_and(|s| !s.done)
            });
            let movable = o.wb == WbStatus::Waiting
                && (o.supplier == SupplierStatus::New
                    || (o.supplier == SupplierStatus::Confirm
                        && (active_elsewhere || o.supply.as_ref() == Some(&supply_id))));
            if !movable || warehouse.is_some_and(|w| w != o.warehouse) {
                return Err(failed());
            }
            warehouse = Some(o.warehouse);
        }
        let now = Utc::now();
        for id in &request.orders {
            let previous = self
                .orders
                .iter()
                .find(|o| o.id == *id)
                .and_then(|o| o.supply.clone());
            if let Some(p) = previous.filter(|p| *p != supply_id)
                && let Some(i) = self.supply_index(p.as_str())
                && let Some(s) = self.supplies.get_mut(i)
            {
                s.orders.retain(|o| o != id);
            }
            if let Some(o) = self.orders.iter_mut().find(|o| o.id == *id) {
                o.supplier = SupplierStatus::Confirm;
                o.supply = Some(supply_id.clone());
                o.last_change = now;
            }
            if let Some(s) = self.supplies.get_mut(index)
                && !s.orders.contains(id)
            {
                s.orders.push(*id);
            }
        }
        if let Some(s) = self.supplies.get_mut(index) {
            s.warehouse = warehouse;
        }
        Ok(Answer::empty(204))
    }

    pub(super) fn supply_get(&self, args: &Args) -> Handled {
        let index = self.supply_at(args)?;
        let s = self.supplies.get(index).ok_or_else(not_found)?;
        ok(&self.supply_model(s))
    }

    pub(super) fn supply_delete(&mut self, args: &Args) -> Handled {
        let index = self.supply_at(args)?;
        let s = self.supplies.get(index).ok_or_else(not_found)?;
        if !s.orders.is_empty() || s.done {
            return Err(mp_error(
                409,
                "SupplyHasOrders",
                "Не удалось обработать поставку. Убедитесь, что за ней не осталось закреплённых сборочных заданий.",
            ));
        }
        self.supplies.remove(index);
        Ok(Answer::empty(204))
    }

    pub(super) fn supply_order_ids(&self, args: &Args) -> Handled {
        let index = self.supply_at(args)?;
        let s = self.supplies.get(index).ok_or_else(not_found)?;
        ok(&SupplyOrderIds {
            order_ids: s.orders.clone(),
        })
    }

    pub(super) fn supply_deliver(&mut self, args: &Args) -> Handled {
        let index = self.supply_at(args)?;
        let s = self.supplies.get_mut(index).ok_or_else(not_found)?;
        if s.orders.is_empty() {
            return Err(mp_error(
                409,
                "SupplyHasZeroOrders",
                "Не удалось обработать поставку. Убедитесь, что за ней закреплён хотя бы одно сборочное задание.",
            ));
        }
        if s.done {
            // Delivered already: nothing changes.
            return Ok(Answer::empty(204));
        }
        let now = Utc::now();
        s.done = true;
        s.closed_at = Some(seconds(now));
        let ids = s.orders.clone();
        for o in &mut self.orders {
            if ids.contains(&o.id) && o.supplier == SupplierStatus::Confirm {
                o.supplier = SupplierStatus::Complete;
                o.wb = WbStatus::Sorted;
                o.last_change = now;
            }
        }
        Ok(Answer::empty(204))
    }

    pub(super) fn supply_barcode(&self, args: &Args) -> Handled {
        let kind = args.query("type").unwrap_or("");
        if !matches!(kind, "svg" | "zplv" | "zplh" | "png") {
            return Err(incorrect_parameter());
        }
        let index = self.supply_at(args)?;
        let s = self.supplies.get(index).ok_or_else(not_found)?;
        if !s.done {
            return Err(mp_error(
                409,
                "SupplyNotClosed",
                "Поставка не передана в доставку",
            ));
        }
        let bits =
            s.id.as_str()
                .bytes()
                .fold(0u64, |a, b| a.rotate_left(5) ^ u64::from(b));
        let file = label_file(kind, 58, 40, &[s.id.as_str(), &s.name], bits);
        ok(&SupplyBarcodeResponse {
            barcode: s.id.to_string(),
            file: base64(&file),
        })
    }
}
