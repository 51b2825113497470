//! Orders (FBS assembly tasks): new tasks, the task list, statuses, reshipment, cancellation,
//! stickers and metadata.

use chrono::{NaiveDate, Utc};
use futures::stream::BoxStream;
use market_core::batch::chunks;
use market_core::paginate::{Page, paginate};
use market_core::transport::{EXCERPT_LEN, Operation};
use market_core::{Error, Result};

use crate::ids::OrderId;
use crate::limits::groups;
use crate::models::common::StickerType;
use crate::models::orders::*;
use crate::{Client, Host};

/// The largest page of `GET /api/v3/orders`.
pub const ORDERS_LIST_PAGE_MAX: i64 = 1000;
/// The most order ids a status request carries.
pub const ORDERS_STATUS_MAX: usize = 1000;
/// The most order ids a sticker request carries.
pub const ORDERS_STICKERS_MAX: usize = 100;
/// The most order ids a metadata request carries.
pub const ORDERS_META_MAX: usize = 100;
/// The most marking codes one `sgtin` request carries.
pub const ORDER_META_SGTIN_MAX: usize = 100;
/// The length of a UIN.
pub const UIN_LEN: usize = 16;
/// The length of an IMEI.
pub const IMEI_LEN: usize = 15;
/// The length of a GTIN.
pub const GTIN_LEN: usize = 13;

/// `GET /api/v3/orders/new`.
pub static ORDERS_NEW: Operation =
    Operation::get("orders_new", "/api/v3/orders/new").in_group(groups::FBS);
/// `GET /api/v3/orders`.
pub static ORDERS_LIST: Operation =
    Operation::get("orders_list", "/api/v3/orders").in_group(groups::FBS);
/// `POST /api/v3/orders/status`.
pub static ORDERS_STATUS: Operation = Operation::post("orders_status", "/api/v3/orders/status")
    .in_group(groups::FBS)
    .batch_max(ORDERS_STATUS_MAX);
/// `GET /api/v3/supplies/orders/reshipment`.
pub static ORDERS_RESHIPMENT: Operation =
    Operation::get("orders_reshipment", "/api/v3/supplies/orders/reshipment").in_group(groups::FBS);
/// `PATCH /api/v3/orders/{orderId}/cancel`.
pub static ORDER_CANCEL: Operation =
    Operation::patch("order_cancel", "/api/v3/orders/{orderId}/cancel")
        .in_group(groups::FBS_CANCEL);
/// `POST /api/v3/orders/stickers`.
pub static ORDERS_STICKERS: Operation =
    Operation::post("orders_stickers", "/api/v3/orders/stickers")
        .in_group(groups::FBS)
        .batch_max(ORDERS_STICKERS_MAX);
/// `POST /api/marketplace/v3/orders/meta`. WB gives reading and deleting label identifiers a
/// shared limit of their own (300 a minute, burst 20), not the 1000 of adding them.
pub static ORDERS_META: Operation =
    Operation::post("orders_meta", "/api/marketplace/v3/orders/meta")
        .in_group(groups::FBS_META)
        .batch_max(ORDERS_META_MAX);
/// `DELETE /api/v3/orders/{orderId}/meta` (in the group of [`ORDERS_META`]).
pub static ORDER_META_DELETE: Operation =
    Operation::delete("order_meta_delete", "/api/v3/orders/{orderId}/meta")
        .in_group(groups::FBS_META);
/// `PUT /api/v3/orders/{orderId}/meta/sgtin`.
pub static ORDER_META_SGTIN: Operation =
    Operation::put("order_meta_sgtin", "/api/v3/orders/{orderId}/meta/sgtin")
        .in_group(groups::FBS_META_ADD)
        .batch_max(ORDER_META_SGTIN_MAX);
/// `PUT /api/v3/orders/{orderId}/meta/uin`.
pub static ORDER_META_UIN: Operation =
    Operation::put("order_meta_uin", "/api/v3/orders/{orderId}/meta/uin")
        .in_group(groups::FBS_META_ADD);
/// `PUT /api/v3/orders/{orderId}/meta/imei`.
pub static ORDER_META_IMEI: Operation =
    Operation::put("order_meta_imei", "/api/v3/orders/{orderId}/meta/imei")
        .in_group(groups::FBS_META_ADD);
/// `PUT /api/v3/orders/{orderId}/meta/gtin`.
pub static ORDER_META_GTIN: Operation =
    Operation::put("order_meta_gtin", "/api/v3/orders/{orderId}/meta/gtin")
        .in_group(groups::FBS_META_ADD);
/// `PUT /api/v3/orders/{orderId}/meta/expiration`.
pub static ORDER_META_EXPIRATION: Operation = Operation::put(
    "order_meta_expiration",
    "/api/v3/orders/{orderId}/meta/expiration",
)
.in_group(groups::FBS_META_ADD);

/// What is wrong with an order id, if anything.
pub(crate) fn validate_order_id(id: &OrderId) -> std::result::Result<(), String> {
    if id.0 <= 0 {
        return Err(format!("order id {id} is not a valid assembly task"));
    }
    Ok(())
}

/// Checks one order id.
pub(crate) fn check_order_id(id: OrderId) -> Result<()> {
    validate_order_id(&id).map_err(|message| Error::validation(id, message))
}

/// Checks a list of order ids: not empty, each positive.
pub(crate) fn check_order_ids(ids: &[OrderId]) -> Result<()> {
    if ids.is_empty() {
        return Err(Error::invalid("no order ids given"));
    }
    ids.iter().try_for_each(|id| check_order_id(*id))
}

/// Checks a fixed-length metadata value (UIN, IMEI, GTIN).
fn check_fixed(what: &str, value: &str, len: usize) -> Result<()> {
    let n = value.chars().count();
    if n != len {
        return Err(Error::invalid(format!(
            "{what} {value:?} has {n} characters, not {len}"
        )));
    }
    Ok(())
}

/// The orders section (FBS assembly tasks): `client.orders()`.
#[derive(Debug, Clone, Copy)]
pub struct OrdersApi<'a> {
    client: &'a Client,
}

impl Client {
    /// Orders: FBS assembly tasks, their statuses, stickers and metadata.
    pub fn orders(&self) -> OrdersApi<'_> {
        OrdersApi { client: self }
    }
}

impl<'a> OrdersApi<'a> {
    fn transport(&self) -> &'a market_core::transport::Transport {
        self.client.transport(Host::Marketplace)
    }

    /// `GET /api/v3/orders/new`: every new assembly task.
    pub async fn list_new(&self) -> Result<Vec<NewOrder>> {
        let response: NewOrdersResponse = self.transport().json(ORDERS_NEW.request()).await?;
        Ok(response.orders)
    }

    /// `GET /api/v3/orders`: one page of assembly tasks (without their current status).
    ///
    /// The limit must be 1 to 1000, the cursor not negative, and the window at most 30 days
    /// ([`OrdersWindow::validate`]); otherwise nothing is sent.
    pub async fn list(&self, query: &OrdersQuery) -> Result<OrdersResponse> {
        if !(1..=ORDERS_LIST_PAGE_MAX).contains(&query.limit) {
            return Err(Error::invalid(format!(
                "limit {} is not in 1..={ORDERS_LIST_PAGE_MAX}",
                query.limit
            )));
        }
        if query.next < 0 {
            return Err(Error::invalid(format!("next {} is negative", query.next)));
        }
        query
            .window
            .validate(Utc::now().timestamp())
            .map_err(Error::invalid)?;
        let mut request = ORDERS_LIST
            .request()
            .query("limit", query.limit)
            .query("next", query.next);
        if let Some(from) = query.window.date_from {
            request = request.query("dateFrom", from);
        }
        if let Some(to) = query.window.date_to {
            request = request.query("dateTo", to);
        }
        self.transport().json(request).await
    }

    /// Every assembly task in `window`, page by page (1000 a page, following `next` from 0).
    ///
    /// The stream ends after an empty page or a page whose `next` is 0 (a short page is not
    /// taken as the end). An invalid window is the stream's only item, and nothing is sent.
    pub fn list_stream(&self, window: OrdersWindow) -> BoxStream<'a, Result<Order>> {
        let api = *self;
        paginate(0i64, move |next| {
            let query = OrdersQuery {
                limit: ORDERS_LIST_PAGE_MAX,
                next,
                window,
            };
            async move {
                let page = api.list(&query).await?;
                // WB's rule: pass `next` back until it comes back 0 or the page is empty.
                let more = !page.orders.is_empty() && page.next != 0;
                let page = if more {
                    Page::more(page.orders, page.next)
                } else {
                    Page::last(page.orders)
                };
                // A page seen before (a `next` that cycles, 111 -> 222 -> 111, or one the
                // server ignores) ends the stream in error instead of looping.
                Ok(page.signed_by(|o| o.id))
            }
        })
    }

    /// `POST /api/v3/orders/status`: the seller and WB statuses of assembly tasks.
    ///
    /// Any number of ids: split into requests of at most 1000, results concatenated. No ids,
    /// or an id that is not positive, is rejected before sending.
    pub async fn statuses(&self, ids: Vec<OrderId>) -> Result<Vec<OrderStatus>> {
        check_order_ids(&ids)?;
        let mut out = Vec::with_capacity(ids.len());
        for chunk in chunks(ids, ORDERS_STATUS_MAX) {
            let request = OrderStatusesRequest { orders: chunk };
            let response: OrderStatusesResponse = self
                .transport()
                .json(ORDERS_STATUS.request().json(&request)?)
                .await?;
            out.extend(response.orders);
        }
        Ok(out)
    }

    /// `GET /api/v3/supplies/orders/reshipment`: assembly tasks to be shipped again.
    pub async fn reshipment(&self) -> Result<Vec<ReshipmentOrder>> {
        let response: ReshipmentResponse =
            self.transport().json(ORDERS_RESHIPMENT.request()).await?;
        Ok(response.orders)
    }

    /// `PATCH /api/v3/orders/{orderId}/cancel`: cancels an assembly task (status `cancel`).
    pub async fn cancel(&self, order_id: OrderId) -> Result<()> {
        check_order_id(order_id)?;
        self.transport()
            .send(ORDER_CANCEL.request().path_param("orderId", order_id))
            .await?;
        Ok(())
    }

    /// `POST /api/v3/orders/stickers`: stickers of assembly tasks (in status `confirm` or
    /// `complete`), their files decoded from base64.
    ///
    /// Any number of ids: split into requests of at most 100, results concatenated.
    pub async fn stickers(
        &self,
        ids: Vec<OrderId>,
        format: StickerType,
        size: StickerSize,
    ) -> Result<Vec<StickerFile>> {
        check_order_ids(&ids)?;
        if let StickerType::Unknown(other) = &format {
            return Err(Error::invalid(format!(
                "sticker type {other:?} is not known"
            )));
        }
        let mut out = Vec::with_capacity(ids.len());
        for chunk in chunks(ids, ORDERS_STICKERS_MAX) {
            let request = StickersRequest { orders: chunk };
            let response: StickersResponse = self
                .transport()
                .json(
                    ORDERS_STICKERS
                        .request()
                        .query("type", &format)
                        .query("width", size.width())
                        .query("height", size.height())
                        .json(&request)?,
                )
                .await?;
            for (i, s) in response.stickers.into_iter().enumerate() {
                let bytes = decode_file(
                    ORDERS_STICKERS.name,
                    &format!("stickers[{i}].file"),
                    &s.file,
                )?;
                out.push(StickerFile {
                    order_id: s.order_id,
                    barcode: s.barcode,
                    part_a: s.part_a,
                    part_b: s.part_b,
                    format: format.clone(),
                    bytes,
                });
            }
        }
        Ok(out)
    }

    /// `POST /api/marketplace/v3/orders/meta`: metadata of assembly tasks.
    ///
    /// Any number of ids: split into requests of at most 100, results concatenated.
    pub async fn meta(&self, ids: Vec<OrderId>) -> Result<Vec<OrderMeta>> {
        check_order_ids(&ids)?;
        let mut out = Vec::with_capacity(ids.len());
        for chunk in chunks(ids, ORDERS_META_MAX) {
            let request = OrdersMetaRequest { orders: chunk };
            let response: OrdersMetaResponse = self
                .transport()
                .json(ORDERS_META.request().json(&request)?)
                .await?;
            out.extend(response.orders);
        }
        Ok(out)
    }

    /// `DELETE /api/v3/orders/{orderId}/meta`: deletes one metadata value of a task.
    pub async fn delete_meta(&self, order_id: OrderId, key: MetaKey) -> Result<()> {
        check_order_id(order_id)?;
        if let MetaKey::Unknown(other) = &key {
            return Err(Error::invalid(format!(
                "metadata key {other:?} is not known"
            )));
        }
        self.transport()
            .send(
                ORDER_META_DELETE
                    .request()
                    .path_param("orderId", order_id)
                    .query("key", &key),
            )
            .await?;
        Ok(())
    }

    /// `PUT /api/v3/orders/{orderId}/meta/sgtin`: sets Chestny ZNAK marking codes (1 to 100).
    pub async fn set_sgtins(&self, order_id: OrderId, sgtins: Vec<String>) -> Result<()> {
        check_order_id(order_id)?;
        if sgtins.is_empty() || sgtins.len() > ORDER_META_SGTIN_MAX {
            return Err(Error::invalid(format!(
                "{} marking codes given, 1 to {ORDER_META_SGTIN_MAX} allowed",
                sgtins.len()
            )));
        }
        if sgtins.iter().any(|s| s.trim().is_empty()) {
            return Err(Error::invalid("an empty marking code"));
        }
        self.put_meta(&ORDER_META_SGTIN, order_id, &SgtinsRequest { sgtins })
            .await
    }

    /// `PUT /api/v3/orders/{orderId}/meta/uin`: sets the UIN (16 characters).
    pub async fn set_uin(&self, order_id: OrderId, uin: &str) -> Result<()> {
        check_order_id(order_id)?;
        check_fixed("UIN", uin, UIN_LEN)?;
        let body = UinRequest {
            uin: uin.to_owned(),
        };
        self.put_meta(&ORDER_META_UIN, order_id, &body).await
    }

    /// `PUT /api/v3/orders/{orderId}/meta/imei`: sets the IMEI (15 characters).
    pub async fn set_imei(&self, order_id: OrderId, imei: &str) -> Result<()> {
        check_order_id(order_id)?;
        check_fixed("IMEI", imei, IMEI_LEN)?;
        let body = ImeiRequest {
            imei: imei.to_owned(),
        };
        self.put_meta(&ORDER_META_IMEI, order_id, &body).await
    }

    /// `PUT /api/v3/orders/{orderId}/meta/gtin`: sets the GTIN (13 characters).
    pub async fn set_gtin(&self, order_id: OrderId, gtin: &str) -> Result<()> {
        check_order_id(order_id)?;
        check_fixed("GTIN", gtin, GTIN_LEN)?;
        let body = GtinRequest {
            gtin: gtin.to_owned(),
        };
        self.put_meta(&ORDER_META_GTIN, order_id, &body).await
    }

    /// `PUT /api/v3/orders/{orderId}/meta/expiration`: sets the best-before date.
    pub async fn set_expiration(&self, order_id: OrderId, date: NaiveDate) -> Result<()> {
        check_order_id(order_id)?;
        self.put_meta(
            &ORDER_META_EXPIRATION,
            order_id,
            &ExpirationRequest::new(date),
        )
        .await
    }

    async fn put_meta<T: serde::Serialize>(
        &self,
        op: &'static Operation,
        order_id: OrderId,
        body: &T,
    ) -> Result<()> {
        self.transport()
            .send(op.request().path_param("orderId", order_id).json(body)?)
            .await?;
        Ok(())
    }
}

/// Decodes a base64 `file` of an answer, or names the field in a decode error.
pub(crate) fn decode_file(operation: &'static str, path: &str, file: &str) -> Result<Vec<u8>> {
    decode_base64(file).ok_or_else(|| Error::Decode {
        vendor: market_core::MarketplaceKind::Wildberries.name(),
        operation,
        path: path.to_owned(),
        message: "the file is not base64".into(),
        excerpt: market_core::error::excerpt(file.as_bytes(), EXCERPT_LEN),
    })
}
