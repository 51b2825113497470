//! Notifications to users.
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

/// `POST /api/v5/notifications/send`.
pub static NOTIFICATIONS_SEND: Operation =
    post("notifications_send", "/api/v5/notifications/send").non_idempotent();

impl Client {
    /// `POST /api/v5/notifications/send`.
    pub async fn notifications_send(
        &self,
        notification: &(impl Serialize + ?Sized),
    ) -> Result<OpenAnswer> {
        let request = NOTIFICATIONS_SEND.request();
        let request = form(
            request,
            vec![("notification", Some(json_field(notification)?))],
        )?;
        self.transport.json(request).await
    }
}
