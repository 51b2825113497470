//! Tasks of managers: list, create, read, edit, comments, history.
//!
//! The snapshot holds no example answer of most of these methods: their answers are
//! [`OpenAnswer`]s (every member as sent) and their entities JSON
//! values, their request members named as the official clients name them.

use futures::stream::BoxStream;
use market_core::Result;
use market_core::transport::Operation;
use serde::Serialize;

use super::{Field, Filter, filter_pairs, form, get, json_field, list, list_at, post};
use crate::Client;
use crate::limits::PageSize;
use crate::models::{OpenAnswer, OpenPage};

/// `GET /api/v5/tasks`.
pub static TASKS_LIST: Operation = get("tasks_list", "/api/v5/tasks");
/// `POST /api/v5/tasks/create`.
pub static TASKS_CREATE: Operation = post("tasks_create", "/api/v5/tasks/create").non_idempotent();
/// `GET /api/v5/tasks/history`.
pub static TASKS_HISTORY: Operation = get("tasks_history", "/api/v5/tasks/history");
/// `GET /api/v5/tasks/{id}`.
pub static TASKS_GET: Operation = get("tasks_get", "/api/v5/tasks/{id}");
/// `GET /api/v5/tasks/{id}/comments`.
pub static TASKS_COMMENTS: Operation = get("tasks_comments", "/api/v5/tasks/{id}/comments");
/// `POST /api/v5/tasks/{id}/edit`.
pub static TASKS_EDIT: Operation = post("tasks_edit", "/api/v5/tasks/{id}/edit");

impl Client {
    /// `GET /api/v5/tasks`: every entry of `tasks`, a page of `size` at a time (filter members by API
    /// name).
    pub fn tasks_list(
        &self,
        filter: &Filter,
        size: PageSize,
    ) -> BoxStream<'static, Result<serde_json::Value>> {
        match filter_pairs(filter) {
            Ok(query) => list(
                self,
                &TASKS_LIST,
                query,
                size,
                |p: OpenPage| p.take("tasks"),
                |v: &serde_json::Value| v.get("id").map(|k| k.to_string()),
            ),
            Err(e) => Box::pin(futures::stream::once(async move { Err(e) })),
        }
    }

    /// `POST /api/v5/tasks/create`.
    pub async fn tasks_create(
        &self,
        task: &(impl Serialize + ?Sized),
        site: Option<&str>,
    ) -> Result<OpenAnswer> {
        let request = TASKS_CREATE.request();
        let request = form(
            request,
            vec![
                ("task", Some(json_field(task)?)),
                ("site", site.map(Field::Text)),
            ],
        )?;
        self.transport.json(request).await
    }

    /// `GET /api/v5/tasks/history`: every entry of `history`, a page of `size` at a time (filter members by API
    /// name).
    pub fn tasks_history(
        &self,
        filter: &Filter,
        size: PageSize,
    ) -> BoxStream<'static, Result<serde_json::Value>> {
        match filter_pairs(filter) {
            Ok(query) => list(
                self,
                &TASKS_HISTORY,
                query,
                size,
                |p: OpenPage| p.take("history"),
                |v: &serde_json::Value| v.get("id").map(|k| k.to_string()),
            ),
            Err(e) => Box::pin(futures::stream::once(async move { Err(e) })),
        }
    }

    /// `GET /api/v5/tasks/{id}`.
    pub async fn tasks_get(&self, id: impl std::fmt::Display) -> Result<OpenAnswer> {
        let request = TASKS_GET.request().path_param("id", id);
        self.transport.json(request).await
    }

    /// `GET /api/v5/tasks/{id}/comments`: every entry of `comments`, a page of `size` at a time (filter members by API
    /// name).
    pub fn tasks_comments(
        &self,
        id: impl std::fmt::Display,
        filter: &Filter,
        size: PageSize,
    ) -> BoxStream<'static, Result<serde_json::Value>> {
        let params = vec![("id", id.to_string())];
        match filter_pairs(filter) {
            Ok(query) => list_at(
                self,
                &TASKS_COMMENTS,
                params,
                query,
                size,
                |p: OpenPage| p.take("comments"),
                |v: &serde_json::Value| v.get("id").map(|k| k.to_string()),
            ),
            Err(e) => Box::pin(futures::stream::once(async move { Err(e) })),
        }
    }

    /// `POST /api/v5/tasks/{id}/edit`.
    pub async fn tasks_edit(
        &self,
        id: impl std::fmt::Display,
        task: &(impl Serialize + ?Sized),
        site: Option<&str>,
    ) -> Result<OpenAnswer> {
        let request = TASKS_EDIT.request().path_param("id", id);
        let request = form(
            request,
            vec![
                ("task", Some(json_field(task)?)),
                ("site", site.map(Field::Text)),
            ],
        )?;
        self.transport.json(request).await
    }
}
