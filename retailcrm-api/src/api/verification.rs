//! SMS verification.
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

/// `POST /api/v5/verification/sms/confirm`.
pub static VERIFICATION_SMS_CONFIRM: Operation = post(
    "verification_sms_confirm",
    "/api/v5/verification/sms/confirm",
);
/// `GET /api/v5/verification/sms/{checkId}/status`.
pub static VERIFICATION_SMS_STATUS: Operation = get(
    "verification_sms_status",
    "/api/v5/verification/sms/{checkId}/status",
);

impl Client {
    /// `POST /api/v5/verification/sms/confirm`.
    pub async fn verification_sms_confirm(
        &self,
        verification: &(impl Serialize + ?Sized),
    ) -> Result<OpenAnswer> {
        let request = VERIFICATION_SMS_CONFIRM.request();
        let request = form(
            request,
            vec![("verification", Some(json_field(verification)?))],
        )?;
        self.transport.json(request).await
    }

    /// `GET /api/v5/verification/sms/{checkId}/status`.
    pub async fn verification_sms_status(
        &self,
        check_id: impl std::fmt::Display,
    ) -> Result<OpenAnswer> {
        let request = VERIFICATION_SMS_STATUS
            .request()
            .path_param("checkId", check_id);
        self.transport.json(request).await
    }
}
