//! Web analytics: client ids, sources, visits.
//!
//! The snapshot holds no example answer of most of these methods: their answers are
//! [`OpenAnswer`]s (every member as sent) and their entities JSON
//! values, their request members named as the official clients name them.

use market_core::Result;
use market_core::transport::Operation;
use serde::Serialize;

use super::{form, json_field, post};
use crate::Client;
use crate::models::OpenAnswer;

/// `POST /api/v5/web-analytics/client-ids/upload`.
pub static WEB_ANALYTICS_CLIENT_IDS_UPLOAD: Operation = post(
    "web_analytics_client_ids_upload",
    "/api/v5/web-analytics/client-ids/upload",
);
/// `POST /api/v5/web-analytics/sources/upload`.
pub static WEB_ANALYTICS_SOURCES_UPLOAD: Operation = post(
    "web_analytics_sources_upload",
    "/api/v5/web-analytics/sources/upload",
);
/// `POST /api/v5/web-analytics/visits/upload`.
pub static WEB_ANALYTICS_VISITS_UPLOAD: Operation = post(
    "web_analytics_visits_upload",
    "/api/v5/web-analytics/visits/upload",
);

impl Client {
    /// `POST /api/v5/web-analytics/client-ids/upload`.
    pub async fn web_analytics_client_ids_upload(
        &self,
        client_ids: &(impl Serialize + ?Sized),
    ) -> Result<OpenAnswer> {
        let request = WEB_ANALYTICS_CLIENT_IDS_UPLOAD.request();
        let request = form(request, vec![("clientIds", Some(json_field(client_ids)?))])?;
        self.transport.json(request).await
    }

    /// `POST /api/v5/web-analytics/sources/upload`.
    pub async fn web_analytics_sources_upload(
        &self,
        sources: &(impl Serialize + ?Sized),
    ) -> Result<OpenAnswer> {
        let request = WEB_ANALYTICS_SOURCES_UPLOAD.request();
        let request = form(request, vec![("sources", Some(json_field(sources)?))])?;
        self.transport.json(request).await
    }

    /// `POST /api/v5/web-analytics/visits/upload`.
    pub async fn web_analytics_visits_upload(
        &self,
        visits: &(impl Serialize + ?Sized),
    ) -> Result<OpenAnswer> {
        let request = WEB_ANALYTICS_VISITS_UPLOAD.request();
        let request = form(request, vec![("visits", Some(json_field(visits)?))])?;
        self.transport.json(request).await
    }
}
