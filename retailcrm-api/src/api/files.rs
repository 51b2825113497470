//! Files: list, upload, read, edit, delete, download.
//!
//! The snapshot holds no example answer of most of these methods: their answers are
//! [`OpenAnswer`]s (every member as sent) and their entities JSON
//! values, their request members named as the official clients name them.

use futures::stream::BoxStream;
use market_core::Result;
use market_core::transport::Operation;
use serde::Serialize;

use super::{Filter, filter_pairs, form, get, json_field, list, post};
use crate::Client;
use crate::limits::PageSize;
use crate::models::{OpenAnswer, OpenPage};

/// `GET /api/v5/files`.
pub static FILES_LIST: Operation = get("files_list", "/api/v5/files");
/// `POST /api/v5/files/upload`.
pub static FILES_UPLOAD: Operation = post("files_upload", "/api/v5/files/upload").non_idempotent();
/// `GET /api/v5/files/{fileId}`.
pub static FILES_GET: Operation = get("files_get", "/api/v5/files/{fileId}");
/// `POST /api/v5/files/{fileId}/delete`.
pub static FILES_DELETE: Operation = post("files_delete", "/api/v5/files/{fileId}/delete");
/// `GET /api/v5/files/{fileId}/download`.
pub static FILES_DOWNLOAD: Operation = get("files_download", "/api/v5/files/{fileId}/download");
/// `POST /api/v5/files/{fileId}/edit`.
pub static FILES_EDIT: Operation = post("files_edit", "/api/v5/files/{fileId}/edit");

impl Client {
    /// `GET /api/v5/files`: every entry of `files`, a page of `size` at a time (filter members by API
    /// name).
    pub fn files_list(
        &self,
        filter: &Filter,
        size: PageSize,
    ) -> BoxStream<'static, Result<serde_json::Value>> {
        match filter_pairs(filter) {
            Ok(query) => list(
                self,
                &FILES_LIST,
                query,
                size,
                |p: OpenPage| p.take("files"),
                |v: &serde_json::Value| v.get("id").map(|k| k.to_string()),
            ),
            Err(e) => Box::pin(futures::stream::once(async move { Err(e) })),
        }
    }

    /// `POST /api/v5/files/upload`: uploads a file's bytes (the body is the file); the answer holds the new
    /// file's id.
    pub async fn files_upload(&self, bytes: Vec<u8>) -> Result<OpenAnswer> {
        let request = FILES_UPLOAD.request().raw(
            http::HeaderValue::from_static("application/octet-stream"),
            bytes.into(),
        );
        self.transport.json(request).await
    }

    /// `GET /api/v5/files/{fileId}`.
    pub async fn files_get(&self, file_id: impl std::fmt::Display) -> Result<OpenAnswer> {
        let request = FILES_GET.request().path_param("fileId", file_id);
        self.transport.json(request).await
    }

    /// `POST /api/v5/files/{fileId}/delete`.
    pub async fn files_delete(&self, file_id: impl std::fmt::Display) -> Result<OpenAnswer> {
        let request = FILES_DELETE.request().path_param("fileId", file_id);
        let request = form(request, vec![])?;
        self.transport.json(request).await
    }

    /// `GET /api/v5/files/{fileId}/download`: the file's bytes.
    pub async fn files_download(&self, file_id: impl std::fmt::Display) -> Result<Vec<u8>> {
        let response = self
            .transport
            .send(FILES_DOWNLOAD.request().path_param("fileId", file_id))
            .await?;
        Ok(response.body.to_vec())
    }

    /// `POST /api/v5/files/{fileId}/edit`.
    pub async fn files_edit(
        &self,
        file_id: impl std::fmt::Display,
        file: &(impl Serialize + ?Sized),
    ) -> Result<OpenAnswer> {
        let request = FILES_EDIT.request().path_param("fileId", file_id);
        let request = form(request, vec![("file", Some(json_field(file)?))])?;
        self.transport.json(request).await
    }
}
