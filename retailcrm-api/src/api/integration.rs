//! Integration modules: read, register or edit, update scopes.
//!
//! The snapshot holds no example answer of most of these methods: their answers are
//! [`OpenAnswer`]s (every member as sent) and their entities JSON
//! values, their request members named as the official clients name them.

use market_core::Result;
use market_core::transport::Operation;
use serde::Serialize;

use super::{form, get, json_field, post};
use crate::Client;
use crate::models::OpenAnswer;

/// `GET /api/v5/integration-modules/{code}`.
pub static INTEGRATION_MODULES_GET: Operation = get(
    "integration_modules_get",
    "/api/v5/integration-modules/{code}",
);
/// `POST /api/v5/integration-modules/{code}/edit`.
pub static INTEGRATION_MODULES_EDIT: Operation = post(
    "integration_modules_edit",
    "/api/v5/integration-modules/{code}/edit",
);
/// `POST /api/v5/integration-modules/{code}/update-scopes`.
pub static INTEGRATION_MODULES_UPDATE_SCOPES: Operation = post(
    "integration_modules_update_scopes",
    "/api/v5/integration-modules/{code}/update-scopes",
);

impl Client {
    /// `GET /api/v5/integration-modules/{code}`.
    pub async fn integration_modules_get(
        &self,
        code: impl std::fmt::Display,
    ) -> Result<OpenAnswer> {
        let request = INTEGRATION_MODULES_GET.request().path_param("code", code);
        self.transport.json(request).await
    }

    /// `POST /api/v5/integration-modules/{code}/edit`.
    pub async fn integration_modules_edit(
        &self,
        code: impl std::fmt::Display,
        integration_module: &(impl Serialize + ?Sized),
    ) -> Result<OpenAnswer> {
        let request = INTEGRATION_MODULES_EDIT.request().path_param("code", code);
        let request = form(
            request,
            vec![("integrationModule", Some(json_field(integration_module)?))],
        )?;
        self.transport.json(request).await
    }

    /// `POST /api/v5/integration-modules/{code}/update-scopes`.
    pub async fn integration_modules_update_scopes(
        &self,
        code: impl std::fmt::Display,
        requires: &(impl Serialize + ?Sized),
    ) -> Result<OpenAnswer> {
        let request = INTEGRATION_MODULES_UPDATE_SCOPES
            .request()
            .path_param("code", code);
        let request = form(request, vec![("requires", Some(json_field(requires)?))])?;
        self.transport.json(request).await
    }
}
