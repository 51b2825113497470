//! Costs (expenses): list, create, edit, delete, batch upload (HTTP 460 when some failed: the answer is returned, not an error).
//!
//! The snapshot holds no example answer of most of these methods: their answers are
//! [`OpenAnswer`]s (every member as sent) and their entities JSON
//! values, their request members named as the official clients name them.

use futures::stream::BoxStream;
use market_core::Result;
use market_core::transport::Operation;
use serde::Serialize;

use super::{Field, Filter, filter_pairs, form, get, json_field, list, post};
use crate::Client;
use crate::limits::PageSize;
use crate::models::{OpenAnswer, OpenPage};

/// `GET /api/v5/costs`.
pub static COSTS_LIST: Operation = get("costs_list", "/api/v5/costs");
/// `POST /api/v5/costs/create`.
pub static COSTS_CREATE: Operation = post("costs_create", "/api/v5/costs/create").non_idempotent();
/// `POST /api/v5/costs/delete`.
pub static COSTS_DELETE: Operation = post("costs_delete", "/api/v5/costs/delete");
/// Costs of one `costs/upload` request.
pub const COSTS_UPLOAD_MAX: usize = crate::limits::COSTS_UPLOAD_MAX;
/// `POST /api/v5/costs/upload`: HTTP 460 when some costs failed, returned as the answer
/// (`success` false, `errorMsg`) rather than an error.
pub static COSTS_UPLOAD: Operation = post("costs_upload", "/api/v5/costs/upload")
    .non_idempotent()
    .batch_max(COSTS_UPLOAD_MAX);
/// `GET /api/v5/costs/{id}`.
pub static COST_GET: Operation = get("cost_get", "/api/v5/costs/{id}");
/// `POST /api/v5/costs/{id}/delete`.
pub static COST_DELETE: Operation = post("cost_delete", "/api/v5/costs/{id}/delete");
/// `POST /api/v5/costs/{id}/edit`.
pub static COST_EDIT: Operation = post("cost_edit", "/api/v5/costs/{id}/edit");

impl Client {
    /// `GET /api/v5/costs`: every entry of `costs`, a page of `size` at a time (filter members by API
    /// name).
    pub fn costs_list(
        &self,
        filter: &Filter,
        size: PageSize,
    ) -> BoxStream<'static, Result<serde_json::Value>> {
        match filter_pairs(filter) {
            Ok(query) => list(
                self,
                &COSTS_LIST,
                query,
                size,
                |p: OpenPage| p.take("costs"),
                |v: &serde_json::Value| v.get("id").map(|k| k.to_string()),
            ),
            Err(e) => Box::pin(futures::stream::once(async move { Err(e) })),
        }
    }

    /// `POST /api/v5/costs/create`.
    pub async fn costs_create(
        &self,
        cost: &(impl Serialize + ?Sized),
        site: Option<&str>,
    ) -> Result<OpenAnswer> {
        let request = COSTS_CREATE.request();
        let request = form(
            request,
            vec![
                ("cost", Some(json_field(cost)?)),
                ("site", site.map(Field::Text)),
            ],
        )?;
        self.transport.json(request).await
    }

    /// `POST /api/v5/costs/delete`.
    pub async fn costs_delete(&self, ids: &(impl Serialize + ?Sized)) -> Result<OpenAnswer> {
        let request = COSTS_DELETE.request();
        let request = form(request, vec![("ids", Some(json_field(ids)?))])?;
        self.transport.json(request).await
    }

    /// Costs of one `costs/upload` request.
    pub const COSTS_UPLOAD_MAX: usize = crate::limits::COSTS_UPLOAD_MAX;
    /// `POST /api/v5/costs/upload`: HTTP 460 when some costs failed, returned as the answer
    /// (`success` false, `errorMsg`) rather than an error.
    pub async fn costs_upload(&self, costs: &(impl Serialize + ?Sized)) -> Result<OpenAnswer> {
        let request = COSTS_UPLOAD.request();
        let request = form(request, vec![("costs", Some(json_field(costs)?))])?;
        self.transport.json(request).await
    }

    /// `GET /api/v5/costs/{id}`.
    pub async fn cost_get(&self, id: impl std::fmt::Display) -> Result<OpenAnswer> {
        let request = COST_GET.request().path_param("id", id);
        self.transport.json(request).await
    }

    /// `POST /api/v5/costs/{id}/delete`.
    pub async fn cost_delete(&self, id: impl std::fmt::Display) -> Result<OpenAnswer> {
        let request = COST_DELETE.request().path_param("id", id);
        let request = form(request, vec![])?;
        self.transport.json(request).await
    }

    /// `POST /api/v5/costs/{id}/edit`.
    pub async fn cost_edit(
        &self,
        id: impl std::fmt::Display,
        cost: &(impl Serialize + ?Sized),
        site: Option<&str>,
    ) -> Result<OpenAnswer> {
        let request = COST_EDIT.request().path_param("id", id);
        let request = form(
            request,
            vec![
                ("cost", Some(json_field(cost)?)),
                ("site", site.map(Field::Text)),
            ],
        )?;
        self.transport.json(request).await
    }
}
