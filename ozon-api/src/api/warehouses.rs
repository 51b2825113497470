//! Warehouses: the seller's FBS/rFBS warehouses and their delivery methods.

use futures::stream::BoxStream;
use market_core::paginate::{Page, paginate};
use market_core::transport::{Operation, Request};
use market_core::{Error, Result};

use crate::Client;
use crate::models::warehouses::*;

/// The largest page of `/v1/delivery-method/list`.
pub const DELIVERY_METHODS_PAGE_MAX: i64 = 50;

/// `POST /v1/warehouse/list`.
pub static WAREHOUSE_LIST: Operation = Operation::post("warehouse_list", "/v1/warehouse/list");
/// `POST /v1/delivery-method/list`.
pub static DELIVERY_METHOD_LIST: Operation =
    Operation::post("delivery_method_list", "/v1/delivery-method/list");

/// The warehouses section: `client.warehouses()`.
#[derive(Debug, Clone, Copy)]
pub struct WarehousesApi<'a> {
    client: &'a Client,
}

impl Client {
    /// Warehouses: FBS/rFBS warehouses and delivery methods.
    pub fn warehouses(&self) -> WarehousesApi<'_> {
        WarehousesApi { client: self }
    }
}

impl<'a> WarehousesApi<'a> {
    /// `POST /v1/warehouse/list`: every FBS and rFBS warehouse of the seller (FBO warehouses
    /// are Ozon's and are not listed here).
    pub async fn list(&self) -> Result<Vec<Warehouse>> {
        let response: WarehouseListResponse = self
            .client
            .transport
            .json(
                &WAREHOUSE_LIST,
                Request::new(&WAREHOUSE_LIST).json(&serde_json::Map::new())?,
            )
            .await?;
        Ok(response.result)
    }

    /// `POST /v1/delivery-method/list`: one page of delivery methods.
    pub async fn delivery_methods(
        &self,
        request: &DeliveryMethodListRequest,
    ) -> Result<DeliveryMethodListResponse> {
        if !(1..=DELIVERY_METHODS_PAGE_MAX).contains(&request.limit) || request.offset < 0 {
            return Err(Error::Validation {
                item: None,
                message: format!(
                    "limit {} must be in 1..={DELIVERY_METHODS_PAGE_MAX} and offset {} not negative",
                    request.limit, request.offset
                ),
            });
        }
        self.client
            .transport
            .json(
                &DELIVERY_METHOD_LIST,
                Request::new(&DELIVERY_METHOD_LIST).json(request)?,
            )
            .await
    }

    /// Every delivery method matching `filter` (by warehouse, delivery service, status), page
    /// by page (offset paging until `has_next` is false).
    pub fn delivery_methods_stream(
        &self,
        filter: Option<DeliveryMethodFilter>,
    ) -> BoxStream<'a, Result<DeliveryMethod>> {
        let api = *self;
        paginate(0i64, move |offset| {
            let request = DeliveryMethodListRequest {
                filter: filter.clone(),
                limit: DELIVERY_METHODS_PAGE_MAX,
                offset,
            };
            async move {
                let page = api.delivery_methods(&request).await?;
                let next = offset + page.result.len() as i64;
                Ok(if page.has_next && !page.result.is_empty() {
                    Page::more(page.result, next)
                } else {
                    Page::last(page.result)
                })
            }
        })
    }
}
