//! Payment integration: invoices and checks.

#[allow(unused_imports)]
use chrono::NaiveDate;
#[allow(unused_imports)]
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

#[allow(unused_imports)]
use crate::error::Errors;
#[allow(unused_imports)]
use crate::ids::*;
#[allow(unused_imports)]
use crate::models::*;

/// RetailCRM `PaymentCheck`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PaymentCheck {
    /// `success`.
    pub success: bool,
    /// `result`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<PaymentCheckResult>,
}

/// RetailCRM `PaymentCheckResult`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PaymentCheckResult {
    /// `success`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success: Option<bool>,
}

/// RetailCRM `InvoiceCreated`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct InvoiceCreated {
    /// `success`.
    pub success: bool,
    /// `result`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<InvoiceLink>,
}

/// RetailCRM `InvoiceLink`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct InvoiceLink {
    /// `link`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

/// RetailCRM `InvoiceImported`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct InvoiceImported {
    /// `success`.
    pub success: bool,
    /// `invoice`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice: Option<InvoiceRef>,
}

/// RetailCRM `InvoiceRef`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct InvoiceRef {
    /// `invoiceUuid`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invoice_uuid: Option<String>,
}
