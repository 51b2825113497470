//! Payment integration: invoices and checks.

use serde::{Deserialize, Serialize};

/// Spec: `PaymentCheck`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PaymentCheck {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    pub success: bool,
    /// `result`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<PaymentCheckResult>,
}

/// Spec: `PaymentCheckResult`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PaymentCheckResult {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success: Option<bool>,
}

/// Spec: `InvoiceCreated`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct InvoiceCreated {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    pub success: bool,
    /// `result`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<InvoiceLink>,
}

/// Spec: `InvoiceLink`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct InvoiceLink {
    /// `link`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

/// Spec: `InvoiceImported`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct InvoiceImported {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    pub success: bool,
    /// `invoice`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice: Option<InvoiceRef>,
}

/// Spec: `InvoiceRef`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct InvoiceRef {
    /// `invoiceUuid`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_uuid: Option<String>,
}
