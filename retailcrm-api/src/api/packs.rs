//! Packs: an order item's shipment from a store (list, get, create, edit, delete, history).

use std::collections::BTreeMap;

use futures::stream::BoxStream;
use market_core::Result;
use market_core::transport::Operation;

use super::{
    HistoryPage, HistoryRecord, filter_pairs, form, get, history, json_field, list, post,
    site_field,
};
use crate::Client;
use crate::ids::{HistoryId, PackId};
use crate::limits::PageSize;
use crate::models::{
    Ack, Created, Pack, PackAnswer, PackHistoryRecord, PacksHistoryPage, PacksPage,
};

/// `GET /api/v5/orders/packs`: packs matching a filter.
pub static ORDERS_PACKS_LIST: Operation = get("orders_packs_list", "/api/v5/orders/packs");
/// `POST /api/v5/orders/packs/create`: creates a pack.
pub static ORDERS_PACKS_CREATE: Operation =
    post("orders_packs_create", "/api/v5/orders/packs/create").non_idempotent();
/// `GET /api/v5/orders/packs/history`: changes of packs, from a `sinceId`.
pub static ORDERS_PACKS_HISTORY: Operation =
    get("orders_packs_history", "/api/v5/orders/packs/history");
/// `GET /api/v5/orders/packs/{id}`: one pack.
pub static ORDERS_PACKS_GET: Operation = get("orders_packs_get", "/api/v5/orders/packs/{id}");
/// `POST /api/v5/orders/packs/{id}/edit`: changes a pack.
pub static ORDERS_PACKS_EDIT: Operation =
    post("orders_packs_edit", "/api/v5/orders/packs/{id}/edit");
/// `POST /api/v5/orders/packs/{id}/delete`: removes a pack.
pub static ORDERS_PACKS_DELETE: Operation =
    post("orders_packs_delete", "/api/v5/orders/packs/{id}/delete");

impl HistoryRecord for PackHistoryRecord {
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

impl Client {
    /// Every pack matching `filter` (by its API names: `orderIds`, `stores`, `shipmentDateFrom`,
    /// ...), a page of `size` at a time.
    pub fn orders_packs_list(
        &self,
        filter: &BTreeMap<String, serde_json::Value>,
        size: PageSize,
    ) -> BoxStream<'static, Result<Pack>> {
        match filter_pairs(filter) {
            Ok(query) => list(
                self,
                &ORDERS_PACKS_LIST,
                query,
                size,
                |p: PacksPage| (p.packs, p.pagination),
                |p: &Pack| p.id,
            ),
            Err(e) => Box::pin(futures::stream::once(async move { Err(e) })),
        }
    }

    /// Creates a pack (`pack.itemId`, `pack.store`, `pack.quantity`, ...).
    pub async fn orders_packs_create(
        &self,
        pack: &serde_json::Value,
        site: Option<&str>,
    ) -> Result<Created> {
        let request = form(
            ORDERS_PACKS_CREATE.request(),
            vec![
                ("pack", Some(json_field(pack)?)),
                ("site", site_field(site)),
            ],
        )?;
        self.transport.json(request).await
    }

    /// The changes of packs after `since`, as pages (this key's own records left out).
    pub fn orders_packs_history(
        &self,
        since: Option<HistoryId>,
    ) -> BoxStream<'static, Result<HistoryPage<PackHistoryRecord>>> {
        history(self, &ORDERS_PACKS_HISTORY, since, |p: PacksHistoryPage| {
            (p.history, p.pagination)
        })
    }

    /// One pack.
    pub async fn orders_packs_get(&self, id: PackId) -> Result<Pack> {
        let answer: PackAnswer = self
            .transport
            .json(ORDERS_PACKS_GET.request().path_param("id", id))
            .await?;
        Ok(answer.pack)
    }

    /// Changes a pack.
    pub async fn orders_packs_edit(
        &self,
        id: PackId,
        pack: &serde_json::Value,
        site: Option<&str>,
    ) -> Result<Created> {
        let request = form(
            ORDERS_PACKS_EDIT.request().path_param("id", id),
            vec![
                ("pack", Some(json_field(pack)?)),
                ("site", site_field(site)),
            ],
        )?;
        self.transport.json(request).await
    }

    /// Removes a pack.
    pub async fn orders_packs_delete(&self, id: PackId) -> Result<Ack> {
        let request = form(
            ORDERS_PACKS_DELETE.request().path_param("id", id),
            Vec::new(),
        )?;
        self.transport.json(request).await
    }
}
