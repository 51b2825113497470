//! Delivery integration: shipments, cost calculation, tracking.
//!
//! Answers are typed where the snapshot holds an example (and held to it under `strict`);
//! the others are [`OpenAnswer`](crate::models::OpenAnswer)s (every member as sent). Request members are named as the
//! official clients name them.

use futures::stream::BoxStream;
use market_core::Result;
use market_core::transport::Operation;
use serde::Serialize;

use super::{Field, Filter, filter_pairs, form, get, json_field, list, post};
use crate::Client;
use crate::limits::PageSize;
use crate::models::{
    Ack, DeliveryCalculation, Shipment, ShipmentAnswer, ShipmentSaved, ShipmentsPage,
};

/// `POST /api/v5/delivery/calculate`.
pub static DELIVERY_CALCULATE: Operation = post("delivery_calculate", "/api/v5/delivery/calculate");
/// `POST /api/v5/delivery/generic/{subcode}/tracking`.
pub static DELIVERY_GENERIC_TRACKING: Operation = post(
    "delivery_generic_tracking",
    "/api/v5/delivery/generic/{subcode}/tracking",
);
/// `GET /api/v5/delivery/shipments`.
pub static DELIVERY_SHIPMENTS_LIST: Operation =
    get("delivery_shipments_list", "/api/v5/delivery/shipments");
/// `POST /api/v5/delivery/shipments/create`.
pub static DELIVERY_SHIPMENTS_CREATE: Operation = post(
    "delivery_shipments_create",
    "/api/v5/delivery/shipments/create",
)
.non_idempotent();
/// `GET /api/v5/delivery/shipments/{id}`.
pub static DELIVERY_SHIPMENTS_GET: Operation =
    get("delivery_shipments_get", "/api/v5/delivery/shipments/{id}");
/// `POST /api/v5/delivery/shipments/{id}/edit`.
pub static DELIVERY_SHIPMENTS_EDIT: Operation = post(
    "delivery_shipments_edit",
    "/api/v5/delivery/shipments/{id}/edit",
);

impl Client {
    /// `POST /api/v5/delivery/calculate`.
    pub async fn delivery_calculate(
        &self,
        delivery_type_codes: &(impl Serialize + ?Sized),
        order: &(impl Serialize + ?Sized),
    ) -> Result<DeliveryCalculation> {
        let request = DELIVERY_CALCULATE.request();
        let request = form(
            request,
            vec![
                ("deliveryTypeCodes", Some(json_field(delivery_type_codes)?)),
                ("order", Some(json_field(order)?)),
            ],
        )?;
        self.transport.json(request).await
    }

    /// `POST /api/v5/delivery/generic/{subcode}/tracking`.
    pub async fn delivery_generic_tracking(
        &self,
        subcode: impl std::fmt::Display,
        status_update: &(impl Serialize + ?Sized),
    ) -> Result<Ack> {
        let request = DELIVERY_GENERIC_TRACKING
            .request()
            .path_param("subcode", subcode);
        let request = form(
            request,
            vec![("statusUpdate", Some(json_field(status_update)?))],
        )?;
        self.transport.json(request).await
    }

    /// `GET /api/v5/delivery/shipments`: every entry, a page of `size` at a time (filter members by API name).
    pub fn delivery_shipments_list(
        &self,
        filter: &Filter,
        size: PageSize,
    ) -> BoxStream<'static, Result<Shipment>> {
        match filter_pairs(filter) {
            Ok(query) => list(
                self,
                &DELIVERY_SHIPMENTS_LIST,
                query,
                size,
                |p: ShipmentsPage| (p.delivery_shipments, p.pagination),
                |s: &Shipment| s.id,
            ),
            Err(e) => Box::pin(futures::stream::once(async move { Err(e) })),
        }
    }

    /// `POST /api/v5/delivery/shipments/create`.
    pub async fn delivery_shipments_create(
        &self,
        delivery_shipment: &(impl Serialize + ?Sized),
        delivery_type: &str,
        site: Option<&str>,
    ) -> Result<ShipmentSaved> {
        let request = DELIVERY_SHIPMENTS_CREATE.request();
        let request = form(
            request,
            vec![
                ("deliveryShipment", Some(json_field(delivery_shipment)?)),
                ("deliveryType", Some(Field::Text(delivery_type))),
                ("site", site.map(Field::Text)),
            ],
        )?;
        self.transport.json(request).await
    }

    /// `GET /api/v5/delivery/shipments/{id}`.
    pub async fn delivery_shipments_get(
        &self,
        id: impl std::fmt::Display,
    ) -> Result<ShipmentAnswer> {
        let request = DELIVERY_SHIPMENTS_GET.request().path_param("id", id);
        self.transport.json(request).await
    }

    /// `POST /api/v5/delivery/shipments/{id}/edit`.
    pub async fn delivery_shipments_edit(
        &self,
        id: impl std::fmt::Display,
        delivery_shipment: &(impl Serialize + ?Sized),
    ) -> Result<ShipmentSaved> {
        let request = DELIVERY_SHIPMENTS_EDIT.request().path_param("id", id);
        let request = form(
            request,
            vec![("deliveryShipment", Some(json_field(delivery_shipment)?))],
        )?;
        self.transport.json(request).await
    }
}
