//! The rest of the inventory: feature flags, order plates, the messenger templates.
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

/// `GET /api/v5/features/check`.
pub static FEATURES_CHECK: Operation = get("features_check", "/api/v5/features/check");
/// `GET /api/v5/orders/{identifier}/plates/{plateId}/print`.
pub static ORDERS_PLATES_PRINT: Operation = get(
    "orders_plates_print",
    "/api/v5/orders/{identifier}/plates/{plateId}/print",
);
/// `GET /api/v5/reference/mg-channels/templates`.
pub static REFERENCE_MG_CHANNELS_TEMPLATES: Operation = get(
    "reference_mg_channels_templates",
    "/api/v5/reference/mg-channels/templates",
);
/// `POST /api/v5/reference/mg-channels/templates/edit`.
pub static REFERENCE_MG_CHANNELS_TEMPLATES_EDIT: Operation = post(
    "reference_mg_channels_templates_edit",
    "/api/v5/reference/mg-channels/templates/edit",
);

impl Client {
    /// `GET /api/v5/features/check`.
    pub async fn features_check(&self, feature: Option<&str>) -> Result<OpenAnswer> {
        let mut request = FEATURES_CHECK.request();
        if let Some(v) = feature {
            request = request.query("feature", v);
        }
        self.transport.json(request).await
    }

    /// `GET /api/v5/orders/{identifier}/plates/{plateId}/print`: the file's bytes.
    pub async fn orders_plates_print(
        &self,
        identifier: impl std::fmt::Display,
        plate_id: impl std::fmt::Display,
    ) -> Result<Vec<u8>> {
        let response = self
            .transport
            .send(
                ORDERS_PLATES_PRINT
                    .request()
                    .path_param("identifier", identifier)
                    .path_param("plateId", plate_id),
            )
            .await?;
        Ok(response.body.to_vec())
    }

    /// `GET /api/v5/reference/mg-channels/templates`.
    pub async fn reference_mg_channels_templates(
        &self,
        channel_id: Option<&str>,
        page: Option<&str>,
        limit: Option<&str>,
    ) -> Result<OpenAnswer> {
        let mut request = REFERENCE_MG_CHANNELS_TEMPLATES.request();
        if let Some(v) = channel_id {
            request = request.query("channel_id", v);
        }
        if let Some(v) = page {
            request = request.query("page", v);
        }
        if let Some(v) = limit {
            request = request.query("limit", v);
        }
        self.transport.json(request).await
    }

    /// `POST /api/v5/reference/mg-channels/templates/edit`.
    pub async fn reference_mg_channels_templates_edit(
        &self,
        templates: &(impl Serialize + ?Sized),
        removed: &(impl Serialize + ?Sized),
    ) -> Result<OpenAnswer> {
        let request = REFERENCE_MG_CHANNELS_TEMPLATES_EDIT.request();
        let request = form(
            request,
            vec![
                ("templates", Some(json_field(templates)?)),
                ("removed", Some(json_field(removed)?)),
            ],
        )?;
        self.transport.json(request).await
    }
}
