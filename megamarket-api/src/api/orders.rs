//! Orders (`/api/market/v1/orderService/...`): search, read, confirm, reject, pack, label,
//! ship, close (DBS), and the answer to a cancellation.

use std::collections::{BTreeSet, VecDeque};

use bytes::Bytes;
use chrono::{DateTime, FixedOffset, SubsecRound};
use futures::stream::BoxStream;
use market_core::paginate::{Page, paginate};
use market_core::transport::Operation;
use market_core::{Error, LabelFormat, Result};

use crate::Client;
use crate::ids::ShipmentId;
use crate::limits::ORDERS;
use crate::models::common::{Answer, WriteResult};
use crate::models::orders::*;

macro_rules! order_op {
    ($name:literal, $path:literal) => {
        Operation::post($name, concat!("/api/market/v1/orderService", $path)).in_group(ORDERS)
    };
}

/// `POST .../order/search`: the ids of the shipments of a time window, by status.
pub static ORDER_SEARCH: Operation = order_op!("order_search", "/order/search");
/// `POST .../order/get`: shipments by id.
pub static ORDER_GET: Operation = order_op!("order_get", "/order/get").batch_max(ORDER_GET_MAX);
/// `POST .../order/confirm`: confirms items. Idempotent by shipment and item (confirming
/// what is confirmed changes nothing), so it is repeated after a lost answer.
pub static ORDER_CONFIRM: Operation = order_op!("order_confirm", "/order/confirm");
/// `POST .../order/reject`: rejects items. Never repeated blindly after a lost answer.
pub static ORDER_REJECT: Operation = order_op!("order_reject", "/order/reject").non_idempotent();
/// `POST .../order/packing`: reports the boxes. Idempotent by shipment (the same layout
/// again changes nothing), so it is repeated after a lost answer.
pub static ORDER_PACKING: Operation = order_op!("order_packing", "/order/packing");
/// `POST .../sticker/print`: box labels, a PDF with `printAsPdf` (a read; up to 64 MiB).
pub static STICKER_PRINT: Operation = order_op!("sticker_print", "/sticker/print");
/// `POST .../order/shipping`: reports the handover. Never repeated blindly.
pub static ORDER_SHIPPING: Operation =
    order_op!("order_shipping", "/order/shipping").non_idempotent();
/// `POST .../order/close` (DBS): the handover to the buyer, per item. Never repeated blindly.
pub static ORDER_CLOSE: Operation = order_op!("order_close", "/order/close").non_idempotent();
/// `POST .../order/cancelResult`: the answer to an `order/cancel` push. Never repeated
/// blindly.
pub static ORDER_CANCEL_RESULT: Operation =
    order_op!("order_cancel_result", "/order/cancelResult").non_idempotent();

/// The most shipments an `order/get` request asks for by default: 20. Megamarket publishes no
/// maximum; a conservative choice ([`crate::Quotas::order_get_max`]).
pub const ORDER_GET_MAX: usize = 20;
/// The `count` sent with `order/search` by default: 100 (chosen;
/// [`crate::Quotas::order_search_count`]). A search that returns this many ids is split.
pub const ORDER_SEARCH_PAGE_MAX: usize = 100;

/// A label of boxes as `sticker/print` answers it.
#[derive(Clone, PartialEq, Eq)]
pub struct Sticker {
    /// The format, sniffed from the bytes (a PDF with `printAsPdf`); `None` for print data
    /// Megamarket sends in JSON (`data` as text: HTML in the integrations seen).
    pub format: Option<LabelFormat>,
    /// The bytes.
    pub bytes: Bytes,
}

impl std::fmt::Debug for Sticker {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sticker")
            .field("format", &self.format)
            .field("len", &self.bytes.len())
            .finish()
    }
}

/// Where the shipment stream is: windows left to search, ids found and not read yet.
#[derive(Debug, Clone, PartialEq)]
struct SearchCursor {
    windows: Vec<(DateTime<FixedOffset>, DateTime<FixedOffset>)>,
    ids: VecDeque<ShipmentId>,
    seen: BTreeSet<ShipmentId>,
}

impl Client {
    /// One `order/search` call: the shipment ids of a window.
    pub async fn order_search(&self, query: &OrderSearch) -> Result<ShipmentIds> {
        if query.date_from >= query.date_to {
            return Err(Error::invalid(format!(
                "order/search: dateFrom {} is not before dateTo {}",
                query.date_from, query.date_to
            )));
        }
        // Megamarket's dates are `yyyy-MM-ddTHH:mm:ss±hh:mm`: whole seconds, the window
        // widened to them (the start down, the end up) so that nothing in it is left out.
        let mut q = query.clone();
        q.date_from = q.date_from.trunc_subsecs(0);
        let end = q.date_to.trunc_subsecs(0);
        q.date_to = if end < q.date_to {
            end + chrono::Duration::seconds(1)
        } else {
            end
        };
        self.call(&ORDER_SEARCH, &q).await
    }

    /// One `order/get` call: the shipments of these ids (at most
    /// [`crate::Quotas::order_get_max`] is the caller's business here; the stream splits).
    pub async fn order_get(&self, ids: &[ShipmentId]) -> Result<Vec<Shipment>> {
        let answer: Shipments = self
            .call(
                &ORDER_GET,
                &OrderGet {
                    shipments: ids.to_vec(),
                },
            )
            .await?;
        Ok(answer.shipments)
    }

    /// The shipments of a window, as a lazy stream: `order/search` for the ids, then
    /// `order/get` in chunks of [`crate::Quotas::order_get_max`], each fetched when the
    /// previous ones are consumed. A search that returns `count` ids (it may have been cut)
    /// has its window split in two and searched again; an id found twice is read once.
    pub fn order_search_stream(&self, query: OrderSearch) -> BoxStream<'_, Result<Shipment>> {
        let count = query.count.unwrap_or(self.quotas.order_search_count).max(1);
        let statuses = query.statuses.clone();
        let first = SearchCursor {
            windows: vec![(query.date_from, query.date_to)],
            ids: VecDeque::new(),
            seen: BTreeSet::new(),
        };
        paginate(first, move |mut cursor: SearchCursor| {
            let statuses = statuses.clone();
            async move {
                if !cursor.ids.is_empty() {
                    let n = cursor.ids.len().min(self.quotas.order_get_max.max(1));
                    let chunk: Vec<ShipmentId> = cursor.ids.drain(..n).collect();
                    let shipments = self.order_get(&chunk).await?;
                    let page = if cursor.ids.is_empty() && cursor.windows.is_empty() {
                        Page::last(shipments)
                    } else {
                        Page::more(shipments, cursor)
                    };
                    return Ok(page.signed_by(|s: &Shipment| s.shipment_id.clone()));
                }
                let Some((from, to)) = cursor.windows.pop() else {
                    return Ok(Page::last(Vec::new()));
                };
                let found = self
                    .order_search(&OrderSearch {
                        date_from: from,
                        date_to: to,
                        count: Some(count),
                        statuses,
                    })
                    .await?;
                let span = to - from;
                if found.shipments.len() >= count && span > chrono::Duration::seconds(1) {
                    let mid = from + span / 2;
                    // The earlier half is searched first.
                    cursor.windows.push((mid, to));
                    cursor.windows.push((from, mid));
                } else {
                    if found.shipments.len() >= count {
                        tracing::warn!(
                            count,
                            %from,
                            "order/search returned `count` ids for a one-second window; some may be missing"
                        );
                    }
                    for id in found.shipments {
                        if cursor.seen.insert(id.clone()) {
                            cursor.ids.push_back(id);
                        }
                    }
                }
                Ok(if cursor.ids.is_empty() && cursor.windows.is_empty() {
                    Page::last(Vec::new())
                } else {
                    Page::more(Vec::new(), cursor)
                })
            }
        })
    }

    /// `order/confirm`.
    pub async fn order_confirm(&self, body: &OrderConfirm) -> Result<()> {
        self.write(&ORDER_CONFIRM, body).await
    }

    /// `order/reject`.
    pub async fn order_reject(&self, body: &OrderReject) -> Result<()> {
        self.write(&ORDER_REJECT, body).await
    }

    /// `order/packing`. Every box code is checked against the rule
    /// `<merchantId>*<orderCode>*<boxIndex>` (the merchant id when the client has one) before
    /// sending.
    pub async fn order_packing(&self, body: &OrderPacking) -> Result<()> {
        for s in &body.shipments {
            for item in &s.items {
                for b in &item.boxes {
                    check_box_code(self.merchant_id(), &s.order_code, b)?;
                }
            }
        }
        self.write(&ORDER_PACKING, body).await
    }

    /// `sticker/print`: the labels' bytes (a PDF with `printAsPdf: true`).
    pub async fn sticker_print(&self, body: &StickerPrint) -> Result<Sticker> {
        let request = STICKER_PRINT.request().json(&self.envelope(body))?;
        let response = self.transport.send(request).await?;
        if let Some(format) = LabelFormat::sniff(&response.body) {
            return Ok(Sticker {
                format: Some(format),
                bytes: response.body,
            });
        }
        let answer: Answer<serde_json::Value> =
            self.transport.decode(&STICKER_PRINT, &response.body)?;
        match answer.data {
            serde_json::Value::String(text) if !text.is_empty() => Ok(Sticker {
                format: None,
                bytes: Bytes::from(text.into_bytes()),
            }),
            other => Err(Error::Decode {
                vendor: "megamarket",
                operation: STICKER_PRINT.name,
                path: "data".into(),
                message: format!(
                    "sticker/print answered neither a label nor print data (data is {})",
                    kind_of(&other)
                ),
                excerpt: String::new(),
            }),
        }
    }

    /// `order/shipping`.
    pub async fn order_shipping(&self, body: &OrderShipping) -> Result<()> {
        self.write(&ORDER_SHIPPING, body).await
    }

    /// `order/close` (DBS).
    pub async fn order_close(&self, body: &OrderClose) -> Result<()> {
        self.write(&ORDER_CLOSE, body).await
    }

    /// `order/cancelResult`.
    pub async fn order_cancel_result(&self, body: &OrderCancelResult) -> Result<()> {
        self.write(&ORDER_CANCEL_RESULT, body).await
    }

    /// A write answering `{"result": 1}`: any other verdict is an error (the transport's).
    async fn write<T: serde::Serialize>(&self, op: &'static Operation, body: &T) -> Result<()> {
        let _: WriteResult = self.call(op, body).await?;
        Ok(())
    }
}

fn kind_of(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "an empty string",
        serde_json::Value::Array(_) => "a list",
        serde_json::Value::Object(_) => "an object",
    }
}

/// Checks a box code against `<merchantId>*<orderCode>*<boxIndex>`.
pub fn check_box_code(
    merchant: Option<crate::MerchantId>,
    order_code: &str,
    b: &BoxRef,
) -> Result<()> {
    let parts: Vec<&str> = b.box_code.split('*').collect();
    let ok = parts.len() == 3
        && parts[0].parse::<i64>().is_ok()
        && merchant.is_none_or(|m| parts[0] == m.to_string())
        && parts[1] == order_code
        && parts[2] == b.box_index.to_string();
    if ok {
        Ok(())
    } else {
        Err(Error::invalid(format!(
            "box code {:?} of box {} does not follow <merchantId>*{order_code}*{}",
            b.box_code, b.box_index, b.box_index
        )))
    }
}
