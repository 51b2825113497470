//! Telephony: call events, call uploads, the manager of a phone number (limit group `telephony`, 40 requests a second).
//!
//! The snapshot holds no example answer of most of these methods: their answers are
//! [`OpenAnswer`]s (every member as sent) and their entities JSON
//! values, their request members named as the official clients name them.

use market_core::Result;
use market_core::transport::Operation;
use serde::Serialize;

use super::{form, json_field};
use crate::Client;
use crate::models::OpenAnswer;

/// `POST /api/v5/telephony/call/event`.
pub static TELEPHONY_CALL_EVENT: Operation =
    Operation::post("telephony_call_event", "/api/v5/telephony/call/event")
        .in_group(crate::limits::TELEPHONY);
/// `POST /api/v5/telephony/calls/upload`.
pub static TELEPHONY_CALLS_UPLOAD: Operation =
    Operation::post("telephony_calls_upload", "/api/v5/telephony/calls/upload")
        .in_group(crate::limits::TELEPHONY)
        .non_idempotent();
/// `GET /api/v5/telephony/manager`.
pub static TELEPHONY_MANAGER: Operation =
    Operation::get("telephony_manager", "/api/v5/telephony/manager")
        .in_group(crate::limits::TELEPHONY);

impl Client {
    /// `POST /api/v5/telephony/call/event`.
    pub async fn telephony_call_event(
        &self,
        event: &(impl Serialize + ?Sized),
    ) -> Result<OpenAnswer> {
        let request = TELEPHONY_CALL_EVENT.request();
        let request = form(request, vec![("event", Some(json_field(event)?))])?;
        self.transport.json(request).await
    }

    /// `POST /api/v5/telephony/calls/upload`.
    pub async fn telephony_calls_upload(
        &self,
        calls: &(impl Serialize + ?Sized),
    ) -> Result<OpenAnswer> {
        let request = TELEPHONY_CALLS_UPLOAD.request();
        let request = form(request, vec![("calls", Some(json_field(calls)?))])?;
        self.transport.json(request).await
    }

    /// `GET /api/v5/telephony/manager`.
    pub async fn telephony_manager(
        &self,
        phone: Option<&str>,
        details: Option<&str>,
        ignore_status: Option<&str>,
    ) -> Result<OpenAnswer> {
        let mut request = TELEPHONY_MANAGER.request();
        if let Some(v) = phone {
            request = request.query("phone", v);
        }
        if let Some(v) = details {
            request = request.query("details", v);
        }
        if let Some(v) = ignore_status {
            request = request.query("ignoreStatus", v);
        }
        self.transport.json(request).await
    }
}
