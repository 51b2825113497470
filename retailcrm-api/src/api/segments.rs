//! Customer segments.
//!
//! The snapshot holds no example answer of most of these methods: their answers are
//! [`OpenAnswer`](crate::models::OpenAnswer)s (every member as sent) and their entities JSON
//! values, their request members named as the official clients name them.

use futures::stream::BoxStream;
use market_core::Result;
use market_core::transport::Operation;

use super::{Filter, filter_pairs, get, list};
use crate::Client;
use crate::limits::PageSize;
use crate::models::OpenPage;

/// `GET /api/v5/segments`.
pub static SEGMENTS_LIST: Operation = get("segments_list", "/api/v5/segments");

impl Client {
    /// `GET /api/v5/segments`: every entry of `segments`, a page of `size` at a time (filter members by API
    /// name).
    pub fn segments_list(
        &self,
        filter: &Filter,
        size: PageSize,
    ) -> BoxStream<'static, Result<serde_json::Value>> {
        match filter_pairs(filter) {
            Ok(query) => list(
                self,
                &SEGMENTS_LIST,
                query,
                size,
                |p: OpenPage| p.take("segments"),
                |v: &serde_json::Value| v.get("id").map(|k| k.to_string()),
            ),
            Err(e) => Box::pin(futures::stream::once(async move { Err(e) })),
        }
    }
}
