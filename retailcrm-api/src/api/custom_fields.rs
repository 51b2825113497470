//! Custom fields and custom dictionaries.
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

/// `GET /api/v5/custom-fields`.
pub static CUSTOM_FIELDS_LIST: Operation = get("custom_fields_list", "/api/v5/custom-fields");
/// `GET /api/v5/custom-fields/dictionaries`.
pub static CUSTOM_FIELDS_DICTIONARIES_LIST: Operation = get(
    "custom_fields_dictionaries_list",
    "/api/v5/custom-fields/dictionaries",
);
/// `POST /api/v5/custom-fields/dictionaries/create`.
pub static CUSTOM_FIELDS_DICTIONARIES_CREATE: Operation = post(
    "custom_fields_dictionaries_create",
    "/api/v5/custom-fields/dictionaries/create",
)
.non_idempotent();
/// `GET /api/v5/custom-fields/dictionaries/{code}`.
pub static CUSTOM_FIELDS_DICTIONARIES_GET: Operation = get(
    "custom_fields_dictionaries_get",
    "/api/v5/custom-fields/dictionaries/{code}",
);
/// `POST /api/v5/custom-fields/dictionaries/{code}/edit`.
pub static CUSTOM_FIELDS_DICTIONARIES_EDIT: Operation = post(
    "custom_fields_dictionaries_edit",
    "/api/v5/custom-fields/dictionaries/{code}/edit",
);
/// `POST /api/v5/custom-fields/{entity}/create`.
pub static CUSTOM_FIELDS_CREATE: Operation = post(
    "custom_fields_create",
    "/api/v5/custom-fields/{entity}/create",
)
.non_idempotent();
/// `GET /api/v5/custom-fields/{entity}/{code}`.
pub static CUSTOM_FIELDS_GET: Operation =
    get("custom_fields_get", "/api/v5/custom-fields/{entity}/{code}");

impl Client {
    /// `GET /api/v5/custom-fields`: every entry of `customFields`, a page of `size` at a time (filter members by API
    /// name).
    pub fn custom_fields_list(
        &self,
        filter: &Filter,
        size: PageSize,
    ) -> BoxStream<'static, Result<serde_json::Value>> {
        match filter_pairs(filter) {
            Ok(query) => list(
                self,
                &CUSTOM_FIELDS_LIST,
                query,
                size,
                |p: OpenPage| p.take("customFields"),
                |v: &serde_json::Value| v.get("code").map(|k| k.to_string()),
            ),
            Err(e) => Box::pin(futures::stream::once(async move { Err(e) })),
        }
    }

    /// `GET /api/v5/custom-fields/dictionaries`: every entry of `customDictionaries`, a page of `size` at a time (filter members by API
    /// name).
    pub fn custom_fields_dictionaries_list(
        &self,
        filter: &Filter,
        size: PageSize,
    ) -> BoxStream<'static, Result<serde_json::Value>> {
        match filter_pairs(filter) {
            Ok(query) => list(
                self,
                &CUSTOM_FIELDS_DICTIONARIES_LIST,
                query,
                size,
                |p: OpenPage| p.take("customDictionaries"),
                |v: &serde_json::Value| v.get("code").map(|k| k.to_string()),
            ),
            Err(e) => Box::pin(futures::stream::once(async move { Err(e) })),
        }
    }

    /// `POST /api/v5/custom-fields/dictionaries/create`.
    pub async fn custom_fields_dictionaries_create(
        &self,
        custom_dictionary: &(impl Serialize + ?Sized),
    ) -> Result<OpenAnswer> {
        let request = CUSTOM_FIELDS_DICTIONARIES_CREATE.request();
        let request = form(
            request,
            vec![("customDictionary", Some(json_field(custom_dictionary)?))],
        )?;
        self.transport.json(request).await
    }

    /// `GET /api/v5/custom-fields/dictionaries/{code}`.
    pub async fn custom_fields_dictionaries_get(
        &self,
        code: impl std::fmt::Display,
    ) -> Result<OpenAnswer> {
        let request = CUSTOM_FIELDS_DICTIONARIES_GET
            .request()
            .path_param("code", code);
        self.transport.json(request).await
    }

    /// `POST /api/v5/custom-fields/dictionaries/{code}/edit`.
    pub async fn custom_fields_dictionaries_edit(
        &self,
        code: impl std::fmt::Display,
        custom_dictionary: &(impl Serialize + ?Sized),
    ) -> Result<OpenAnswer> {
        let request = CUSTOM_FIELDS_DICTIONARIES_EDIT
            .request()
            .path_param("code", code);
        let request = form(
            request,
            vec![("customDictionary", Some(json_field(custom_dictionary)?))],
        )?;
        self.transport.json(request).await
    }

    /// `POST /api/v5/custom-fields/{entity}/create`.
    pub async fn custom_fields_create(
        &self,
        entity: impl std::fmt::Display,
        custom_field: &(impl Serialize + ?Sized),
    ) -> Result<OpenAnswer> {
        let request = CUSTOM_FIELDS_CREATE.request().path_param("entity", entity);
        let request = form(
            request,
            vec![("customField", Some(json_field(custom_field)?))],
        )?;
        self.transport.json(request).await
    }

    /// `GET /api/v5/custom-fields/{entity}/{code}`.
    pub async fn custom_fields_get(
        &self,
        entity: impl std::fmt::Display,
        code: impl std::fmt::Display,
    ) -> Result<OpenAnswer> {
        let request = CUSTOM_FIELDS_GET
            .request()
            .path_param("entity", entity)
            .path_param("code", code);
        self.transport.json(request).await
    }
}
