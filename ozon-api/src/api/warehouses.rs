//! Warehouses: the seller's FBS/rFBS warehouses and their delivery methods.

use futures::TryStreamExt;
use futures::stream::BoxStream;
use market_core::Result;
use market_core::paginate::paginate;
use market_core::transport::Operation;

use crate::Client;
use crate::api::check_limit;
use crate::api::fbs::cursor_page;
use crate::models::common::SortDirection;
use crate::models::warehouses::*;

/// The largest page of `/v2/warehouse/list`.
pub const WAREHOUSE_LIST_PAGE_MAX: i64 = 200;
/// The largest page of `/v2/delivery-method/list`.
pub const DELIVERY_METHOD_LIST_PAGE_MAX: i64 = 100;

/// `POST /v2/warehouse/list`.
pub static WAREHOUSE_LIST: Operation = Operation::post("warehouse_list", "/v2/warehouse/list");
/// `POST /v2/delivery-method/list`.
pub static DELIVERY_METHOD_LIST: Operation =
    Operation::post("delivery_method_list", "/v2/delivery-method/list");

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
    /// `POST /v2/warehouse/list`: one page of the seller's FBS and rFBS warehouses (FBO
    /// warehouses are Ozon's and are not listed here). A 200 without the `warehouses` list is
    /// a decode error.
    pub async fn page(&self, request: &WarehouseListRequest) -> Result<WarehouseListResponse> {
        check_limit(request.limit, WAREHOUSE_LIST_PAGE_MAX)?;
        self.client
            .transport
            .json(WAREHOUSE_LIST.request().json(request)?)
            .await
    }

    /// Every warehouse, page by page (following Ozon's cursor while `has_next` is true).
    pub fn list_stream(&self) -> BoxStream<'a, Result<Warehouse>> {
        let api = *self;
        paginate(String::new(), move |cursor| {
            let request = WarehouseListRequest {
                limit: WAREHOUSE_LIST_PAGE_MAX,
                cursor,
                warehouse_ids: Vec::new(),
            };
            async move {
                let page = api.page(&request).await?;
                cursor_page(
                    &WAREHOUSE_LIST,
                    page.warehouses,
                    page.has_next,
                    page.cursor,
                    |w: &Warehouse| w.warehouse_id.0,
                )
            }
        })
    }

    /// Every FBS and rFBS warehouse of the seller (all pages of `/v2/warehouse/list`).
    pub async fn list(&self) -> Result<Vec<Warehouse>> {
        self.list_stream().try_collect().await
    }

    /// `POST /v2/delivery-method/list`: one page of delivery methods. A 200 without the
    /// `delivery_methods` list is a decode error.
    pub async fn delivery_methods(
        &self,
        request: &DeliveryMethodListRequest,
    ) -> Result<DeliveryMethodListResponse> {
        check_limit(request.limit, DELIVERY_METHOD_LIST_PAGE_MAX)?;
        self.client
            .transport
            .json(DELIVERY_METHOD_LIST.request().json(request)?)
            .await
    }

    /// Every delivery method matching `filter` (by warehouse, delivery service, status), page
    /// by page (following Ozon's cursor while `has_next` is true).
    pub fn delivery_methods_stream(
        &self,
        filter: Option<DeliveryMethodFilter>,
    ) -> BoxStream<'a, Result<DeliveryMethod>> {
        let api = *self;
        paginate(String::new(), move |cursor| {
            let request = DeliveryMethodListRequest {
                cursor,
                filter: filter.clone(),
                limit: DELIVERY_METHOD_LIST_PAGE_MAX,
                sort_dir: Some(SortDirection::Asc),
            };
            async move {
                let page = api.delivery_methods(&request).await?;
                cursor_page(
                    &DELIVERY_METHOD_LIST,
                    page.delivery_methods,
                    page.has_next,
                    page.cursor,
                    |m: &DeliveryMethod| m.id.0,
                )
            }
        })
    }
}
