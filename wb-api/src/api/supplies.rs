//! Supplies (FBS): create, list, add orders, read, delete, order ids, deliver, QR code.

use futures::stream::BoxStream;
use market_core::batch::run_batches;
use market_core::paginate::{Page, paginate};
use market_core::transport::Operation;
use market_core::{BatchReport, Error, Result};

use crate::api::orders::{decode_file, validate_order_id};
use crate::ids::{OrderId, SupplyId};
use crate::limits::groups;
use crate::models::common::StickerType;
use crate::models::supplies::*;
use crate::{Client, Host};

/// The largest page of `GET /api/v3/supplies`.
pub const SUPPLIES_LIST_PAGE_MAX: i64 = 1000;
/// The most order ids one add-orders request carries.
pub const SUPPLY_ADD_ORDERS_MAX: usize = 100;
/// The longest supply name, in characters.
pub const SUPPLY_NAME_MAX: usize = 128;

/// `POST /api/v3/supplies`.
pub static SUPPLY_CREATE: Operation = Operation::post("supply_create", "/api/v3/supplies")
    .in_group(groups::FBS)
    .non_idempotent();
/// `GET /api/v3/supplies`.
pub static SUPPLIES_LIST: Operation =
    Operation::get("supplies_list", "/api/v3/supplies").in_group(groups::FBS);
/// `PATCH /api/marketplace/v3/supplies/{supplyId}/orders`.
pub static SUPPLY_ADD_ORDERS: Operation = Operation::patch(
    "supply_add_orders",
    "/api/marketplace/v3/supplies/{supplyId}/orders",
)
.in_group(groups::FBS)
.batch_max(SUPPLY_ADD_ORDERS_MAX);
/// `GET /api/v3/supplies/{supplyId}`.
pub static SUPPLY_GET: Operation =
    Operation::get("supply_get", "/api/v3/supplies/{supplyId}").in_group(groups::FBS);
/// `DELETE /api/v3/supplies/{supplyId}`.
pub static SUPPLY_DELETE: Operation =
    Operation::delete("supply_delete", "/api/v3/supplies/{supplyId}").in_group(groups::FBS);
/// `GET /api/marketplace/v3/supplies/{supplyId}/order-ids`.
pub static SUPPLY_ORDER_IDS: Operation = Operation::get(
    "supply_order_ids",
    "/api/marketplace/v3/supplies/{supplyId}/order-ids",
)
.in_group(groups::FBS);
/// `PATCH /api/v3/supplies/{supplyId}/deliver`.
pub static SUPPLY_DELIVER: Operation =
    Operation::patch("supply_deliver", "/api/v3/supplies/{supplyId}/deliver").in_group(groups::FBS);
/// `GET /api/v3/supplies/{supplyId}/barcode`.
pub static SUPPLY_BARCODE: Operation =
    Operation::get("supply_barcode", "/api/v3/supplies/{supplyId}/barcode").in_group(groups::FBS);

fn check_supply_id(id: &SupplyId) -> Result<()> {
    if id.as_str().trim().is_empty() {
        return Err(Error::invalid("the supply id is empty"));
    }
    Ok(())
}

/// The supplies section (FBS): `client.supplies()`.
#[derive(Debug, Clone, Copy)]
pub struct SuppliesApi<'a> {
    client: &'a Client,
}

impl Client {
    /// Supplies: FBS supplies, their orders and QR codes.
    pub fn supplies(&self) -> SuppliesApi<'_> {
        SuppliesApi { client: self }
    }
}

impl<'a> SuppliesApi<'a> {
    fn transport(&self) -> &'a market_core::transport::Transport {
        self.client.transport(Host::Marketplace)
    }

    /// `POST /api/v3/supplies`: creates a supply named `name` (1 to 128 characters).
    ///
    /// Not repeated after a failure the server may have seen (it would create a second supply).
    pub async fn create(&self, name: &str) -> Result<SupplyId> {
        let n = name.chars().count();
        if n == 0 || n > SUPPLY_NAME_MAX || name.trim().is_empty() {
            return Err(Error::invalid(format!(
                "the supply name has {n} characters, 1 to {SUPPLY_NAME_MAX} (not all blank) allowed"
            )));
        }
        let request = CreateSupplyRequest {
            name: name.to_owned(),
        };
        let response: CreateSupplyResponse = self
            .transport()
            .json(SUPPLY_CREATE.request().json(&request)?)
            .await?;
        Ok(response.id)
    }

    /// `GET /api/v3/supplies`: one page of supplies (`limit` 1 to 1000, `next` 0 for the first).
    pub async fn list(&self, limit: i64, next: i64) -> Result<SuppliesResponse> {
        if !(1..=SUPPLIES_LIST_PAGE_MAX).contains(&limit) || next < 0 {
            return Err(Error::invalid(format!(
                "limit {limit} must be in 1..={SUPPLIES_LIST_PAGE_MAX} and next {next} not negative"
            )));
        }
        self.transport()
            .json(
                SUPPLIES_LIST
                    .request()
                    .query("limit", limit)
                    .query("next", next),
            )
            .await
    }

    /// Every supply, page by page (1000 a page, following `next` from 0). The stream ends
    /// after an empty page or a page whose `next` is 0 (a short page is not taken as the end).
    pub fn list_stream(&self) -> BoxStream<'a, Result<Supply>> {
        let api = *self;
        paginate(0i64, move |next| async move {
            let page = api.list(SUPPLIES_LIST_PAGE_MAX, next).await?;
            // WB's rule: pass `next` back until it comes back 0 or the page is empty.
            let more = !page.supplies.is_empty() && page.next != 0;
            let page = if more {
                Page::more(page.supplies, page.next)
            } else {
                Page::last(page.supplies)
            };
            Ok(page.signed_by(|s| s.id.clone()))
        })
    }

    /// `PATCH /api/marketplace/v3/supplies/{supplyId}/orders`: adds assembly tasks to a supply
    /// (moving them from another active supply, or from a closed one for reshipment); they go
    /// to status `confirm`.
    ///
    /// Any number of ids: split into requests of at most 100. Ids that are not positive are
    /// rejected locally; a request WB refuses (409 `FailedToAddSupplyOrder`, ...) rejects its
    /// ids with WB's code and message, and the next requests are still sent.
    pub async fn add_orders(
        &self,
        supply_id: &SupplyId,
        ids: Vec<OrderId>,
    ) -> Result<BatchReport<OrderId>> {
        check_supply_id(supply_id)?;
        if ids.is_empty() {
            return Err(Error::invalid("no order ids given"));
        }
        let transport = self.transport();
        Ok(run_batches(
            ids,
            SUPPLY_ADD_ORDERS_MAX,
            |id| *id,
            validate_order_id,
            |chunk| async move {
                let request = AddOrdersRequest { orders: chunk };
                transport
                    .send(
                        SUPPLY_ADD_ORDERS
                            .request()
                            .path_param("supplyId", supply_id)
                            .json(&request)?,
                    )
                    .await?;
                let mut report = BatchReport::new();
                for id in request.orders {
                    report.accept(id);
                }
                Ok(report)
            },
        )
        .await)
    }

    /// `GET /api/v3/supplies/{supplyId}`: a supply.
    pub async fn get(&self, supply_id: &SupplyId) -> Result<Supply> {
        check_supply_id(supply_id)?;
        self.transport()
            .json(SUPPLY_GET.request().path_param("supplyId", supply_id))
            .await
    }

    /// `DELETE /api/v3/supplies/{supplyId}`: deletes an active supply with no tasks.
    pub async fn delete(&self, supply_id: &SupplyId) -> Result<()> {
        check_supply_id(supply_id)?;
        self.transport()
            .send(SUPPLY_DELETE.request().path_param("supplyId", supply_id))
            .await?;
        Ok(())
    }

    /// `GET /api/marketplace/v3/supplies/{supplyId}/order-ids`: the tasks in a supply.
    pub async fn order_ids(&self, supply_id: &SupplyId) -> Result<Vec<OrderId>> {
        check_supply_id(supply_id)?;
        let response: SupplyOrderIds = self
            .transport()
            .json(SUPPLY_ORDER_IDS.request().path_param("supplyId", supply_id))
            .await?;
        Ok(response.order_ids)
    }

    /// `PATCH /api/v3/supplies/{supplyId}/deliver`: closes a supply and hands it to delivery
    /// (its tasks go to status `complete`).
    pub async fn deliver(&self, supply_id: &SupplyId) -> Result<()> {
        check_supply_id(supply_id)?;
        self.transport()
            .send(SUPPLY_DELIVER.request().path_param("supplyId", supply_id))
            .await?;
        Ok(())
    }

    /// `GET /api/v3/supplies/{supplyId}/barcode`: the QR code of a delivered supply
    /// (580x400 px), its file decoded from base64.
    pub async fn barcode(
        &self,
        supply_id: &SupplyId,
        format: StickerType,
    ) -> Result<SupplyBarcode> {
        check_supply_id(supply_id)?;
        if let StickerType::Unknown(other) = &format {
            return Err(Error::invalid(format!(
                "barcode type {other:?} is not known"
            )));
        }
        let response: SupplyBarcodeResponse = self
            .transport()
            .json(
                SUPPLY_BARCODE
                    .request()
                    .path_param("supplyId", supply_id)
                    .query("type", &format),
            )
            .await?;
        let bytes = decode_file(SUPPLY_BARCODE.name, "file", &response.file)?;
        Ok(SupplyBarcode {
            barcode: response.barcode,
            format,
            bytes,
        })
    }
}
