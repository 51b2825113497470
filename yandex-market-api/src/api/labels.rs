//! Shipping labels of an order's boxes: the PDF of every box, the PDF of one box, and the
//! data printed on them.
//!
//! The PDF answers are checked by their bytes ([`LabelFormat::sniff`]): anything but a PDF
//! is an [`Error::Decode`], never a label.

use market_core::transport::{EXCERPT_LEN, Operation, Response};
use market_core::{Error, Label, LabelFormat, Result};

use super::campaigns::ok_result;
use crate::Client;
use crate::api::orders::{check_campaign, check_order};
use crate::ids::{BoxId, CampaignId, OrderId, ShipmentId};
use crate::models::labels::*;

/// `generateOrderLabels`, `GET /v2/campaigns/{campaignId}/orders/{orderId}/delivery/labels`.
pub static ORDER_LABELS_GENERATE: Operation = Operation::get(
    "order_labels_generate",
    "/v2/campaigns/{campaignId}/orders/{orderId}/delivery/labels",
)
.in_group("generateOrderLabels");
/// `generateOrderLabel`, `GET /v2/campaigns/{campaignId}/orders/{orderId}/delivery/shipments/{shipmentId}/boxes/{boxId}/label`.
pub static ORDER_LABEL_GENERATE: Operation = Operation::get(
    "order_label_generate",
    "/v2/campaigns/{campaignId}/orders/{orderId}/delivery/shipments/{shipmentId}/boxes/{boxId}/label",
)
.in_group("generateOrderLabel");
/// `getOrderLabelsData`, `GET /v2/campaigns/{campaignId}/orders/{orderId}/delivery/labels/data`.
pub static ORDER_LABELS_DATA_GET: Operation = Operation::get(
    "order_labels_data_get",
    "/v2/campaigns/{campaignId}/orders/{orderId}/delivery/labels/data",
)
.in_group("getOrderLabelsData");

/// The labels section: `client.labels()`.
#[derive(Debug, Clone, Copy)]
pub struct LabelsApi<'a> {
    client: &'a Client,
}

impl Client {
    /// Shipping labels of orders' boxes.
    pub fn labels(&self) -> LabelsApi<'_> {
        LabelsApi { client: self }
    }
}

impl LabelsApi<'_> {
    /// `GET /v2/campaigns/{campaignId}/orders/{orderId}/delivery/labels`: one PDF with the
    /// label of every box of the order (FBS, DBS, Express), laid out as `format` says (A7
    /// when `None`).
    pub async fn order_labels(
        &self,
        campaign: CampaignId,
        order_id: OrderId,
        format: Option<PageFormatType>,
    ) -> Result<Label> {
        check_campaign(campaign)?;
        check_order(order_id)?;
        let mut request = ORDER_LABELS_GENERATE
            .request()
            .path_param("campaignId", campaign)
            .path_param("orderId", order_id);
        if let Some(format) = format {
            request = request.query("format", format);
        }
        let response = self.client.transport().send(request).await?;
        pdf_label(
            self.client.transport(),
            &ORDER_LABELS_GENERATE,
            order_id,
            response,
        )
    }

    /// `GET /v2/campaigns/{campaignId}/orders/{orderId}/delivery/shipments/{shipmentId}/boxes/{boxId}/label`:
    /// the PDF label of one box, laid out as `format` says (A7 when `None`).
    pub async fn box_label(
        &self,
        campaign: CampaignId,
        order_id: OrderId,
        shipment_id: ShipmentId,
        box_id: BoxId,
        format: Option<PageFormatType>,
    ) -> Result<Label> {
        check_campaign(campaign)?;
        check_order(order_id)?;
        let mut request = ORDER_LABEL_GENERATE
            .request()
            .path_param("campaignId", campaign)
            .path_param("orderId", order_id)
            .path_param("shipmentId", shipment_id)
            .path_param("boxId", box_id);
        if let Some(format) = format {
            request = request.query("format", format);
        }
        let response = self.client.transport().send(request).await?;
        pdf_label(
            self.client.transport(),
            &ORDER_LABEL_GENERATE,
            order_id,
            response,
        )
    }

    /// `GET /v2/campaigns/{campaignId}/orders/{orderId}/delivery/labels/data`: what the
    /// labels of the order's boxes show, box by box.
    pub async fn labels_data(
        &self,
        campaign: CampaignId,
        order_id: OrderId,
    ) -> Result<OrderLabels> {
        check_campaign(campaign)?;
        check_order(order_id)?;
        let response: GetOrderLabelsDataResponse = self
            .client
            .transport()
            .json(
                ORDER_LABELS_DATA_GET
                    .request()
                    .path_param("campaignId", campaign)
                    .path_param("orderId", order_id),
            )
            .await?;
        ok_result(
            &ORDER_LABELS_DATA_GET,
            response.status.as_ref(),
            response.result,
        )
    }
}

/// The answer as a PDF label, or a decode error when its bytes are not a PDF.
fn pdf_label(
    transport: &market_core::transport::Transport,
    op: &Operation,
    order_id: OrderId,
    response: Response,
) -> Result<Label> {
    if LabelFormat::sniff(&response.body) != Some(LabelFormat::Pdf) {
        let content_type = response
            .headers
            .get(http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("none");
        return Err(Error::Decode {
            vendor: market_core::MarketplaceKind::YandexMarket.name(),
            operation: op.name,
            path: ".".into(),
            message: format!("the label is not a PDF (content type {content_type})"),
            // The key taken out before the cut: an echo straddling it keeps nothing.
            excerpt: market_core::error::redacted_excerpt(&response.body, EXCERPT_LEN, |t| {
                transport.vendor().redact(t)
            }),
        });
    }
    Ok(Label {
        order_id: market_core::OrderId::new(order_id.to_string()),
        format: LabelFormat::Pdf,
        bytes: response.body,
    })
}
