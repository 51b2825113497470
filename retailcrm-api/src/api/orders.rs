//! Orders: list, get, create, edit, upload (batched, per-item outcomes), history, statuses,
//! combine, links, external ids, payments, delivery cancellation, loyalty.

use std::collections::BTreeMap;

use futures::stream::BoxStream;
use market_core::batch::run_batches;
use market_core::transport::Operation;
use market_core::{BatchReport, Result};
use rust_decimal::Decimal;
use serde::Serialize;

use super::{
    Field, HistoryPage, HistoryRecord, by_field, by_path, filter_pairs, form, get, history,
    json_field, list, post, site_field, upload_report, with_query,
};
use crate::Client;
use crate::ids::{HistoryId, OrderId, PaymentId};
use crate::limits::{self, PageSize};
use crate::models::{
    Ack, By, Created, IdPair, LoyaltyOrderAnswer, Order, OrderAnswer, OrderHistoryRecord,
    OrderLink, OrderPayment, OrderSaved, OrderStatus, OrderStatuses, OrdersCombined,
    OrdersHistoryPage, OrdersPage, OrdersUploaded,
};

/// `GET /api/v5/orders`: orders matching a filter, a page at a time.
pub static ORDERS_LIST: Operation = get("orders_list", "/api/v5/orders");
/// `GET /api/v5/orders/{identifier}`: one order, by id or external id.
pub static ORDERS_GET: Operation = get("orders_get", "/api/v5/orders/{identifier}");
/// `POST /api/v5/orders/create`: creates an order (`order=<json>&site=<code>`).
pub static ORDERS_CREATE: Operation =
    post("orders_create", "/api/v5/orders/create").non_idempotent();
/// `POST /api/v5/orders/{identifier}/edit`: changes the fields sent.
pub static ORDERS_EDIT: Operation = post("orders_edit", "/api/v5/orders/{identifier}/edit");
/// `POST /api/v5/orders/upload`: creates up to [`ORDERS_UPLOAD_MAX`] orders; HTTP 460 when
/// some failed.
pub static ORDERS_UPLOAD: Operation = post("orders_upload", "/api/v5/orders/upload")
    .non_idempotent()
    .batch_max(ORDERS_UPLOAD_MAX);
/// Orders of one `orders/upload` request.
pub const ORDERS_UPLOAD_MAX: usize = limits::UPLOAD_MAX;
/// `GET /api/v5/orders/history`: changes of orders, from a `sinceId`.
pub static ORDERS_HISTORY: Operation = get("orders_history", "/api/v5/orders/history");
/// `GET /api/v5/orders/statuses`: the status of orders by ids or external ids.
pub static ORDERS_STATUSES: Operation = get("orders_statuses", "/api/v5/orders/statuses");
/// `POST /api/v5/orders/combine`: merges an order into another.
pub static ORDERS_COMBINE: Operation =
    post("orders_combine", "/api/v5/orders/combine").non_idempotent();
/// `POST /api/v5/orders/fix-external-ids`: sets external ids on orders by id.
pub static ORDERS_FIX_EXTERNAL_IDS: Operation =
    post("orders_fix_external_ids", "/api/v5/orders/fix-external-ids");
/// `POST /api/v5/orders/links/create`: links orders to each other.
pub static ORDERS_LINKS_CREATE: Operation =
    post("orders_links_create", "/api/v5/orders/links/create").non_idempotent();
/// `POST /api/v5/orders/payments/create`: adds a payment to an order.
pub static ORDERS_PAYMENTS_CREATE: Operation =
    post("orders_payments_create", "/api/v5/orders/payments/create").non_idempotent();
/// `POST /api/v5/orders/payments/{identifier}/edit`: changes a payment.
pub static ORDERS_PAYMENTS_EDIT: Operation = post(
    "orders_payments_edit",
    "/api/v5/orders/payments/{identifier}/edit",
);
/// `POST /api/v5/orders/payments/{id}/delete`: removes a payment.
pub static ORDERS_PAYMENTS_DELETE: Operation = post(
    "orders_payments_delete",
    "/api/v5/orders/payments/{id}/delete",
);
/// `POST /api/v5/orders/{identifier}/delivery/cancel`: cancels the order's delivery.
pub static ORDERS_DELIVERY_CANCEL: Operation = post(
    "orders_delivery_cancel",
    "/api/v5/orders/{identifier}/delivery/cancel",
);
/// `POST /api/v5/orders/loyalty/apply`: spends loyalty bonuses on an order.
pub static ORDERS_LOYALTY_APPLY: Operation =
    post("orders_loyalty_apply", "/api/v5/orders/loyalty/apply").non_idempotent();
/// `POST /api/v5/orders/loyalty/cancel-bonus-operations`: undoes an order's bonus
/// operations.
pub static ORDERS_LOYALTY_CANCEL_BONUS_OPERATIONS: Operation = post(
    "orders_loyalty_cancel_bonus_operations",
    "/api/v5/orders/loyalty/cancel-bonus-operations",
);

/// The `filter[...]` of `orders`: the usual members typed, any other by its API name in
/// `more` (`"createdAtFrom": "2024-01-01"`, `"customFields": {...}`).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OrderFilter {
    /// Internal ids.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ids: Vec<OrderId>,
    /// External ids.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub external_ids: Vec<String>,
    /// Order numbers.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub numbers: Vec<String>,
    /// Site codes.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sites: Vec<String>,
    /// Status codes.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub extended_status: Vec<String>,
    /// Any other member, by its API name.
    #[serde(flatten)]
    pub more: BTreeMap<String, serde_json::Value>,
}

impl HistoryRecord for OrderHistoryRecord {
    fn record_id(&self) -> Option<HistoryId> {
        self.id
    }
    fn written_by_this_key(&self) -> bool {
        self.api_key
            .as_ref()
            .and_then(|k| k.current)
            .unwrap_or(false)
    }
}

/// How `orders/combine` merges: `ours` keeps the result order's items, `summ` adds both,
/// `theirs` takes the merged order's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CombineTechnique {
    /// Keep the result order's items.
    Ours,
    /// Add both orders' items.
    Summ,
    /// Take the other order's items.
    Theirs,
}

impl CombineTechnique {
    fn as_str(self) -> &'static str {
        match self {
            Self::Ours => "ours",
            Self::Summ => "summ",
            Self::Theirs => "theirs",
        }
    }
}

impl Client {
    /// Every order matching `filter`, a page of `size` at a time (a lazy stream).
    pub fn orders_list(
        &self,
        filter: &OrderFilter,
        size: PageSize,
    ) -> BoxStream<'static, Result<Order>> {
        match filter_pairs(filter) {
            Ok(query) => list(
                self,
                &ORDERS_LIST,
                query,
                size,
                |p: OrdersPage| (p.orders, p.pagination),
                |o: &Order| (o.id, o.external_id.clone()),
            ),
            Err(e) => Box::pin(futures::stream::once(async move { Err(e) })),
        }
    }

    /// One order by id or external id; `site` is required with an external id when the key
    /// reaches several sites.
    pub async fn orders_get(&self, order: &By, site: Option<&str>) -> Result<Order> {
        let mut request = by_path(&ORDERS_GET, order).query("by", order.by());
        if let Some(site) = site {
            request = request.query("site", site);
        }
        let answer: OrderAnswer = self.transport.json(request).await?;
        Ok(answer.order)
    }

    /// Creates an order on `site` (the site's code); the answer carries its id.
    pub async fn orders_create(&self, order: &Order, site: Option<&str>) -> Result<OrderSaved> {
        let request = form(
            ORDERS_CREATE.request(),
            vec![
                ("order", Some(json_field(order)?)),
                ("site", site_field(site)),
            ],
        )?;
        self.transport.json(request).await
    }

    /// Changes the fields of `order` that are set, on the order named by `by`.
    pub async fn orders_edit(
        &self,
        by: &By,
        order: &Order,
        site: Option<&str>,
    ) -> Result<OrderSaved> {
        let request = form(
            by_path(&ORDERS_EDIT, by),
            vec![
                ("order", Some(json_field(order)?)),
                ("by", by_field(by)),
                ("site", site_field(site)),
            ],
        )?;
        self.transport.json(request).await
    }

    /// Creates orders through `orders/upload`, [`ORDERS_UPLOAD_MAX`] a request, with one
    /// outcome per order keyed by its `externalId` (required: an order without one is
    /// refused before sending). HTTP 460 (some orders failed) is read as per-item outcomes:
    /// the others are saved.
    pub async fn orders_upload(
        &self,
        orders: Vec<Order>,
        site: Option<&str>,
    ) -> BatchReport<String> {
        run_batches(
            orders,
            ORDERS_UPLOAD_MAX,
            |o: &Order| o.external_id.clone().unwrap_or_default(),
            |o: &Order| match &o.external_id {
                Some(id) if !id.trim().is_empty() => Ok(()),
                _ => Err("an uploaded order needs an externalId".to_owned()),
            },
            |chunk: Vec<Order>| async move {
                let request = form(
                    ORDERS_UPLOAD.request().weight(1),
                    vec![
                        ("orders", Some(json_field(&chunk)?)),
                        ("site", site_field(site)),
                    ],
                )?;
                let answer: OrdersUploaded = self.transport.json(request).await?;
                Ok(upload_report(
                    &answer.uploaded_orders,
                    &answer.failed_orders,
                    answer.error_msg.as_deref(),
                    answer.errors.as_ref(),
                ))
            },
        )
        .await
    }

    /// The id of the newest order-history record (`None` for an empty history), in two
    /// requests whatever the history's length: its first page says how many pages there are
    /// and the last page holds the newest records. A poller that has no stored id starts
    /// there, instead of reading years of history to find the end.
    ///
    /// # Errors
    /// The reads' errors; [`market_core::Error::Validation`] when the last page the
    /// pagination names is empty.
    pub async fn orders_history_last_id(&self) -> Result<Option<HistoryId>> {
        let page = |n: u32| {
            ORDERS_HISTORY
                .request()
                .query("limit", PageSize::Hundred.get())
                .query("page", n)
        };
        let first: OrdersHistoryPage = self.transport.json(page(1)).await?;
        let pages = first.pagination.total_page_count;
        let newest = |records: &[OrderHistoryRecord]| {
            records.iter().filter_map(HistoryRecord::record_id).max()
        };
        if pages <= 1 {
            return Ok(newest(&first.history));
        }
        let last: OrdersHistoryPage = self.transport.json(page(pages)).await?;
        match newest(&last.history) {
            Some(id) => Ok(Some(id)),
            None => Err(crate::error::invalid(format!(
                "{}: the pagination names {pages} pages but page {pages} holds no record",
                ORDERS_HISTORY.name
            ))),
        }
    }

    /// The changes of orders after `since` (`None`: from the first), as pages; the records
    /// this same key wrote are left out, and each page says its last id to store.
    pub fn orders_history(
        &self,
        since: Option<HistoryId>,
    ) -> BoxStream<'static, Result<HistoryPage<OrderHistoryRecord>>> {
        history(self, &ORDERS_HISTORY, since, |p: OrdersHistoryPage| {
            (p.history, p.pagination)
        })
    }

    /// The status (and status group) of orders by ids and external ids.
    pub async fn orders_statuses(
        &self,
        ids: &[OrderId],
        external_ids: &[String],
    ) -> Result<Vec<OrderStatus>> {
        let mut query = Vec::new();
        query.extend(ids.iter().map(|id| ("ids[]".to_owned(), id.to_string())));
        query.extend(
            external_ids
                .iter()
                .map(|id| ("externalIds[]".to_owned(), id.clone())),
        );
        let answer: OrderStatuses = self
            .transport
            .json(with_query(ORDERS_STATUSES.request(), &query))
            .await?;
        Ok(answer.orders)
    }

    /// Merges order `order` into `result_order` (both by internal id).
    pub async fn orders_combine(
        &self,
        order: OrderId,
        result_order: OrderId,
        technique: CombineTechnique,
    ) -> Result<OrdersCombined> {
        let request = form(
            ORDERS_COMBINE.request(),
            vec![
                ("technique", Some(Field::Text(technique.as_str()))),
                (
                    "order",
                    Some(json_field(&serde_json::json!({ "id": order }))?),
                ),
                (
                    "resultOrder",
                    Some(json_field(&serde_json::json!({ "id": result_order }))?),
                ),
            ],
        )?;
        self.transport.json(request).await
    }

    /// Sets the external ids of orders by their internal ids.
    pub async fn orders_fix_external_ids(&self, orders: &[IdPair]) -> Result<Ack> {
        let request = form(
            ORDERS_FIX_EXTERNAL_IDS.request(),
            vec![("orders", Some(json_field(&orders)?))],
        )?;
        self.transport.json(request).await
    }

    /// Links orders to each other (`link.orders` names them, `link.comment` says why).
    pub async fn orders_links_create(&self, link: &OrderLink, site: Option<&str>) -> Result<Ack> {
        let request = form(
            ORDERS_LINKS_CREATE.request(),
            vec![
                ("link", Some(json_field(link)?)),
                ("site", site_field(site)),
            ],
        )?;
        self.transport.json(request).await
    }

    /// Adds a payment to an order (`payment.order` names it).
    pub async fn orders_payments_create(
        &self,
        payment: &serde_json::Value,
        site: Option<&str>,
    ) -> Result<Created> {
        let request = form(
            ORDERS_PAYMENTS_CREATE.request(),
            vec![
                ("payment", Some(json_field(payment)?)),
                ("site", site_field(site)),
            ],
        )?;
        self.transport.json(request).await
    }

    /// Changes a payment, by id or external id.
    pub async fn orders_payments_edit(
        &self,
        by: &By,
        payment: &OrderPayment,
        site: Option<&str>,
    ) -> Result<Created> {
        let request = form(
            by_path(&ORDERS_PAYMENTS_EDIT, by),
            vec![
                ("payment", Some(json_field(payment)?)),
                ("by", by_field(by)),
                ("site", site_field(site)),
            ],
        )?;
        self.transport.json(request).await
    }

    /// Removes a payment.
    pub async fn orders_payments_delete(&self, id: PaymentId) -> Result<Ack> {
        let request = form(
            ORDERS_PAYMENTS_DELETE.request().path_param("id", id),
            Vec::new(),
        )?;
        self.transport.json(request).await
    }

    /// Cancels the order's delivery; `force` cancels it in the CRM even when the delivery
    /// service refuses.
    pub async fn orders_delivery_cancel(&self, by: &By, force: bool) -> Result<Ack> {
        let request = form(
            by_path(&ORDERS_DELIVERY_CANCEL, by),
            vec![
                ("by", by_field(by)),
                ("force", Some(Field::Text(if force { "1" } else { "0" }))),
            ],
        )?;
        self.transport.json(request).await
    }

    /// Spends `bonuses` loyalty bonuses on an order (`order` names it: `{"id": ...}` or
    /// `{"externalId": ...}`).
    pub async fn orders_loyalty_apply(
        &self,
        order: &serde_json::Value,
        bonuses: Decimal,
        site: Option<&str>,
    ) -> Result<LoyaltyOrderAnswer> {
        let request = form(
            ORDERS_LOYALTY_APPLY.request(),
            vec![
                ("order", Some(json_field(order)?)),
                (
                    "bonuses",
                    Some(Field::Text(&bonuses.normalize().to_string())),
                ),
                ("site", site_field(site)),
            ],
        )?;
        self.transport.json(request).await
    }

    /// Undoes the bonus operations of an order (`order` names it).
    pub async fn orders_loyalty_cancel_bonus_operations(
        &self,
        order: &serde_json::Value,
        site: Option<&str>,
    ) -> Result<LoyaltyOrderAnswer> {
        let request = form(
            ORDERS_LOYALTY_CANCEL_BONUS_OPERATIONS.request(),
            vec![
                ("order", Some(json_field(order)?)),
                ("site", site_field(site)),
            ],
        )?;
        self.transport.json(request).await
    }
}
