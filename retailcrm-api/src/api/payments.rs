//! Payment integration: checks and invoices.
//!
//! Answers are typed where the snapshot holds an example (and held to it under `strict`);
//! the others are [`OpenAnswer`]s (every member as sent). Request members are named as the
//! official clients name them.

use market_core::Result;
use market_core::transport::Operation;
use serde::Serialize;

use super::{form, get, json_field, post};
use crate::Client;
use crate::models::{Ack, InvoiceCreated, InvoiceImported, OpenAnswer, PaymentCheck};

/// `POST /api/v5/payment/check`.
pub static PAYMENT_CHECK: Operation = post("payment_check", "/api/v5/payment/check");
/// `POST /api/v5/payment/create-invoice`.
pub static PAYMENT_CREATE_INVOICE: Operation =
    post("payment_create_invoice", "/api/v5/payment/create-invoice").non_idempotent();
/// `POST /api/v5/payment/invoice/import`.
pub static PAYMENT_INVOICE_IMPORT: Operation =
    post("payment_invoice_import", "/api/v5/payment/invoice/import").non_idempotent();
/// `GET /api/v5/payment/invoice/{invoiceUuid}`.
pub static PAYMENT_INVOICE_GET: Operation = get(
    "payment_invoice_get",
    "/api/v5/payment/invoice/{invoiceUuid}",
);
/// `POST /api/v5/payment/update-invoice`.
pub static PAYMENT_UPDATE_INVOICE: Operation =
    post("payment_update_invoice", "/api/v5/payment/update-invoice");

impl Client {
    /// `POST /api/v5/payment/check`.
    pub async fn payment_check(&self, check: &(impl Serialize + ?Sized)) -> Result<PaymentCheck> {
        let request = PAYMENT_CHECK.request();
        let request = form(request, vec![("check", Some(json_field(check)?))])?;
        self.transport.json(request).await
    }

    /// `POST /api/v5/payment/create-invoice`.
    pub async fn payment_create_invoice(
        &self,
        create_invoice: &(impl Serialize + ?Sized),
    ) -> Result<InvoiceCreated> {
        let request = PAYMENT_CREATE_INVOICE.request();
        let request = form(
            request,
            vec![("createInvoice", Some(json_field(create_invoice)?))],
        )?;
        self.transport.json(request).await
    }

    /// `POST /api/v5/payment/invoice/import`.
    pub async fn payment_invoice_import(
        &self,
        invoice: &(impl Serialize + ?Sized),
    ) -> Result<InvoiceImported> {
        let request = PAYMENT_INVOICE_IMPORT.request();
        let request = form(request, vec![("invoice", Some(json_field(invoice)?))])?;
        self.transport.json(request).await
    }

    /// `GET /api/v5/payment/invoice/{invoiceUuid}`.
    pub async fn payment_invoice_get(
        &self,
        invoice_uuid: impl std::fmt::Display,
    ) -> Result<OpenAnswer> {
        let request = PAYMENT_INVOICE_GET
            .request()
            .path_param("invoiceUuid", invoice_uuid);
        self.transport.json(request).await
    }

    /// `POST /api/v5/payment/update-invoice`.
    pub async fn payment_update_invoice(
        &self,
        update_invoice: &(impl Serialize + ?Sized),
    ) -> Result<Ack> {
        let request = PAYMENT_UPDATE_INVOICE.request();
        let request = form(
            request,
            vec![("updateInvoice", Some(json_field(update_invoice)?))],
        )?;
        self.transport.json(request).await
    }
}
