//! The order methods, on the account's shipments. A request naming an unknown shipment or
//! item, or asking for a step the item's status does not allow, is refused Megamarket's way
//! (HTTP 200, `success: 0`); repeating a confirmation or the same packing is accepted
//! (idempotent by key).

use market_core::sandbox::{Answer, Call, tiny_pdf};
use serde_json::{Value, json};

use super::state::Shipment;
use super::{State, data, ok, refuse};
use crate::ids::{MerchantId, ShipmentId, box_code};
use crate::models::orders::*;

type Handled = Result<Answer, Answer>;

fn shipment<'s>(state: &'s mut State, id: &ShipmentId) -> Result<&'s mut Shipment, Answer> {
    state
        .shipments
        .get_mut(id)
        .ok_or_else(|| refuse("SHIPMENT_NOT_FOUND", format!("shipment {id} not found")))
}

fn item<'s>(s: &'s mut Shipment, index: &str) -> Result<&'s mut super::state::Item, Answer> {
    let id = s.id.clone();
    s.item_mut(index).ok_or_else(|| {
        refuse(
            "ITEM_NOT_FOUND",
            format!("item {index} of shipment {id} not found"),
        )
    })
}

fn wrong_status(id: &ShipmentId, index: &str, status: &ShipmentStatus, step: &str) -> Answer {
    refuse(
        "INVALID_STATUS",
        format!("item {index} of shipment {id} is {status}: it cannot be {step}"),
    )
}

/// `order/search`: shipments created in `[dateFrom, dateTo)`, by status, at most `count`.
pub(super) fn search(state: &mut State, call: &Call<'_>) -> Handled {
    let q: OrderSearch = data(call)?;
    let count = q.count.unwrap_or(100);
    let ids: Vec<&ShipmentId> = state
        .shipments
        .values()
        .filter(|s| s.created >= q.date_from && s.created < q.date_to)
        .filter(|s| q.statuses.is_empty() || q.statuses.contains(&s.status()))
        .map(|s| &s.id)
        .take(count)
        .collect();
    Ok(ok(json!({"shipments": ids})))
}

/// `order/get`: the shipments known (unknown ids are left out).
pub(super) fn get(state: &mut State, call: &Call<'_>) -> Handled {
    let q: OrderGet = data(call)?;
    let shipments: Vec<Value> = q
        .shipments
        .iter()
        .filter_map(|id| state.shipments.get(id))
        .map(Shipment::to_wire)
        .collect();
    Ok(ok(json!({"shipments": shipments})))
}

/// `order/confirm`: `NEW` items become `CONFIRMED`; confirmed ones stay (idempotent).
pub(super) fn confirm(state: &mut State, call: &Call<'_>) -> Handled {
    let body: OrderConfirm = data(call)?;
    // Checked first, applied after: a refused request changes nothing.
    for pass in [false, true] {
        for sh in &body.shipments {
            let s = shipment(state, &sh.shipment_id)?;
            for r in &sh.items {
                let it = item(s, &r.item_index)?;
                match it.status {
                    ShipmentStatus::New => {
                        if pass {
                            it.status = ShipmentStatus::Confirmed;
                        }
                    }
                    ShipmentStatus::Confirmed => {}
                    ref other => {
                        return Err(wrong_status(
                            &sh.shipment_id,
                            &r.item_index,
                            other,
                            "confirmed",
                        ));
                    }
                }
            }
        }
    }
    Ok(ok(json!({"result": 1})))
}

/// `order/reject`: `NEW` or `CONFIRMED` items become `MERCHANT_CANCELED`.
pub(super) fn reject(state: &mut State, call: &Call<'_>) -> Handled {
    let body: OrderReject = data(call)?;
    for pass in [false, true] {
        for sh in &body.shipments {
            let s = shipment(state, &sh.shipment_id)?;
            for r in &sh.items {
                let it = item(s, &r.item_index)?;
                let sub = match it.status {
                    ShipmentStatus::New => ItemSubStatus::ConfirmationReject,
                    ShipmentStatus::Confirmed | ShipmentStatus::Packed => ItemSubStatus::LateReject,
                    ref other => {
                        return Err(wrong_status(
                            &sh.shipment_id,
                            &r.item_index,
                            other,
                            "rejected",
                        ));
                    }
                };
                if pass {
                    it.status = ShipmentStatus::MerchantCanceled;
                    it.sub_status = Some(sub);
                }
            }
        }
    }
    Ok(ok(json!({"result": 1})))
}

/// `order/packing`: every live item of a confirmed shipment into boxes whose codes follow
/// `<merchantId>*<orderCode>*<boxIndex>`; the same packing again is accepted.
pub(super) fn packing(state: &mut State, call: &Call<'_>, merchant: MerchantId) -> Handled {
    let body: OrderPacking = data(call)?;
    for pass in [false, true] {
        for sh in &body.shipments {
            let s = shipment(state, &sh.shipment_id)?;
            if sh.order_code != s.order_code {
                return Err(refuse(
                    "INVALID_ORDER_CODE",
                    format!("shipment {} has order code {}", s.id, s.order_code),
                ));
            }
            for p in &sh.items {
                for b in &p.boxes {
                    if b.box_code != box_code(merchant, &s.order_code, b.box_index) {
                        return Err(refuse(
                            "INVALID_BOX_CODE",
                            format!(
                                "box code {} is not {merchant}*{}*{}",
                                b.box_code, s.order_code, b.box_index
                            ),
                        ));
                    }
                }
                let it = item(s, &p.item_index)?;
                if !matches!(
                    it.status,
                    ShipmentStatus::Confirmed | ShipmentStatus::Packed
                ) {
                    let status = it.status.clone();
                    return Err(wrong_status(
                        &sh.shipment_id,
                        &p.item_index,
                        &status,
                        "packed",
                    ));
                }
                if pass {
                    it.status = ShipmentStatus::Packed;
                    it.box_index = p.boxes.first().map(|b| b.box_index);
                }
            }
            if pass {
                for p in &sh.items {
                    for b in &p.boxes {
                        if !s.boxes.contains(b) {
                            s.boxes.push(b.clone());
                        }
                    }
                }
            } else if let Some(missing) = s.items.iter().find(|i| {
                i.status == ShipmentStatus::Confirmed
                    && !sh.items.iter().any(|p| p.item_index == i.index)
            }) {
                return Err(refuse(
                    "ITEMS_NOT_PACKED",
                    format!("item {} of shipment {} is in no box", missing.index, s.id),
                ));
            }
        }
    }
    Ok(ok(json!({"result": 1})))
}

/// `sticker/print`: a PDF (with `printAsPdf`) or the print markup in `data`, for boxes of a
/// packed shipment.
pub(super) fn sticker(state: &mut State, call: &Call<'_>) -> Handled {
    let body: StickerPrint = data(call)?;
    let mut text = String::new();
    for sh in &body.shipments {
        let s = shipment(state, &sh.shipment_id)?;
        for code in &sh.box_codes {
            if !s.boxes.iter().any(|b| &b.box_code == code) {
                return Err(refuse(
                    "BOX_NOT_FOUND",
                    format!("box {code} of shipment {} was not packed", s.id),
                ));
            }
            text.push_str(code);
            text.push(' ');
        }
    }
    if body.print_as_pdf == Some(true) {
        Ok(Answer::raw(
            200,
            tiny_pdf(&text.replace('*', "-")),
            "application/pdf",
        ))
    } else {
        Ok(ok(Value::from(format!("<html><body>{text}</body></html>"))))
    }
}

/// `order/shipping` (FBS): packed items become `SHIPPED`.
pub(super) fn shipping(state: &mut State, call: &Call<'_>) -> Handled {
    let body: OrderShipping = data(call)?;
    for pass in [false, true] {
        for sh in &body.shipments {
            let s = shipment(state, &sh.shipment_id)?;
            if s.dbs {
                return Err(refuse(
                    "INVALID_SCHEME",
                    format!("shipment {} is DBS", s.id),
                ));
            }
            if s.boxes.is_empty() {
                return Err(refuse(
                    "NOT_PACKED",
                    format!("shipment {} is not packed", s.id),
                ));
            }
            if pass {
                for it in s
                    .items
                    .iter_mut()
                    .filter(|i| i.status == ShipmentStatus::Packed)
                {
                    it.status = ShipmentStatus::Shipped;
                }
                s.shipped_at = Some(sh.shipping.shipping_date);
            } else if s.items.iter().all(|i| i.status != ShipmentStatus::Packed) {
                return Err(refuse(
                    "NOT_PACKED",
                    format!("shipment {} has no packed item", s.id),
                ));
            }
        }
    }
    Ok(ok(json!({"result": 1})))
}

/// `order/close` (DBS): a packed item handed over becomes `DELIVERED`, one refused
/// `CUSTOMER_CANCELED`.
pub(super) fn close(state: &mut State, call: &Call<'_>) -> Handled {
    let body: OrderClose = data(call)?;
    for pass in [false, true] {
        for sh in &body.shipments {
            let s = shipment(state, &sh.shipment_id)?;
            if !s.dbs {
                return Err(refuse(
                    "INVALID_SCHEME",
                    format!("shipment {} is FBS", s.id),
                ));
            }
            for c in &sh.items {
                let it = item(s, &c.item_index)?;
                if !matches!(it.status, ShipmentStatus::Packed | ShipmentStatus::Shipped) {
                    let status = it.status.clone();
                    return Err(wrong_status(
                        &sh.shipment_id,
                        &c.item_index,
                        &status,
                        "closed",
                    ));
                }
                if pass {
                    it.status = if c.handover_result {
                        ShipmentStatus::Delivered
                    } else {
                        ShipmentStatus::CustomerCanceled
                    };
                }
            }
        }
    }
    Ok(ok(json!({"result": 1})))
}

/// `order/cancelResult`: answers a cancellation Megamarket pushed; `canceled: true` cancels
/// the item.
pub(super) fn cancel_result(state: &mut State, call: &Call<'_>) -> Handled {
    let body: OrderCancelResult = data(call)?;
    for pass in [false, true] {
        for sh in &body.shipments {
            let s = shipment(state, &sh.shipment_id)?;
            for c in &sh.items {
                let it = item(s, &c.item_index)?;
                if !it.cancel_requested {
                    return Err(refuse(
                        "NO_CANCELLATION",
                        format!(
                            "item {} of shipment {} has no cancellation to answer",
                            c.item_index, sh.shipment_id
                        ),
                    ));
                }
                if pass {
                    it.cancel_requested = false;
                    if c.canceled {
                        it.status = ShipmentStatus::CustomerCanceled;
                    }
                }
            }
        }
    }
    Ok(ok(json!({"result": 1})))
}
