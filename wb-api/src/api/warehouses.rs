//! Warehouses: WB's offices and the seller's own (FBS) warehouses.

use market_core::transport::Operation;
use market_core::{Error, Result};

use crate::ids::WarehouseId;
use crate::limits::groups;
use crate::models::warehouses::*;
use crate::{Client, Host};

/// The longest warehouse name WB takes, in characters.
pub const WAREHOUSE_NAME_MAX: usize = 200;

/// `GET /api/v3/offices`.
pub static OFFICES: Operation =
    Operation::get("offices", "/api/v3/offices").in_group(groups::WAREHOUSES);
/// `GET /api/v3/warehouses`.
pub static WAREHOUSES_LIST: Operation =
    Operation::get("warehouses_list", "/api/v3/warehouses").in_group(groups::WAREHOUSES);
/// `POST /api/v3/warehouses` (creates a warehouse: not repeated after an ambiguous failure).
pub static WAREHOUSE_CREATE: Operation = Operation::post("warehouse_create", "/api/v3/warehouses")
    .in_group(groups::WAREHOUSES)
    .non_idempotent();
/// `PUT /api/v3/warehouses/{warehouseId}`.
pub static WAREHOUSE_UPDATE: Operation =
    Operation::put("warehouse_update", "/api/v3/warehouses/{warehouseId}")
        .in_group(groups::WAREHOUSES);
/// `DELETE /api/v3/warehouses/{warehouseId}`.
pub static WAREHOUSE_DELETE: Operation =
    Operation::delete("warehouse_delete", "/api/v3/warehouses/{warehouseId}")
        .in_group(groups::WAREHOUSES);

/// Rejects a warehouse id that cannot exist (zero or negative) before anything is sent.
pub(crate) fn check_warehouse_id(id: WarehouseId) -> Result<()> {
    if id.get() <= 0 {
        return Err(Error::validation(
            format!("warehouse {id}"),
            "a warehouse id must be positive",
        ));
    }
    Ok(())
}

/// Checks a warehouse's name and office before sending.
pub fn validate_warehouse(request: &WarehouseRequest) -> Result<()> {
    let chars = request.name.chars().count();
    if request.name.trim().is_empty() {
        return Err(Error::validation(
            format!("warehouse {:?}", request.name),
            "the warehouse name is empty",
        ));
    }
    if chars > WAREHOUSE_NAME_MAX {
        return Err(Error::validation(
            format!("warehouse {:?}", request.name),
            format!("the name has {chars} characters, more than WB's {WAREHOUSE_NAME_MAX}"),
        ));
    }
    if request.office_id.get() <= 0 {
        return Err(Error::validation(
            format!("warehouse {:?}", request.name),
            format!("office id {} is not a valid WB office", request.office_id),
        ));
    }
    Ok(())
}

/// The warehouses section: `client.warehouses()`.
#[derive(Debug, Clone, Copy)]
pub struct WarehousesApi<'a> {
    client: &'a Client,
}

impl Client {
    /// Warehouses: WB's offices and the seller's warehouses.
    pub fn warehouses(&self) -> WarehousesApi<'_> {
        WarehousesApi { client: self }
    }
}

impl WarehousesApi<'_> {
    /// `GET /api/v3/offices`: every WB office a seller warehouse can be bound to.
    pub async fn offices(&self) -> Result<Vec<Office>> {
        self.client
            .transport(Host::Marketplace)
            .json(OFFICES.request())
            .await
    }

    /// `GET /api/v3/warehouses`: every seller warehouse (WB sends the whole list at once).
    pub async fn list(&self) -> Result<Vec<Warehouse>> {
        self.client
            .transport(Host::Marketplace)
            .json(WAREHOUSES_LIST.request())
            .await
    }

    /// `POST /api/v3/warehouses`: creates a seller warehouse bound to a WB office; returns its
    /// id. The name (1 to 200 characters) and the office id are checked before sending.
    pub async fn create(&self, request: &WarehouseRequest) -> Result<CreateWarehouseResponse> {
        validate_warehouse(request)?;
        self.client
            .transport(Host::Marketplace)
            .json(WAREHOUSE_CREATE.request().json(request)?)
            .await
    }

    /// `PUT /api/v3/warehouses/{warehouseId}`: renames a seller warehouse or binds it to another
    /// office (WB allows the office to change once a day).
    pub async fn update(
        &self,
        warehouse: impl Into<WarehouseId>,
        request: &WarehouseRequest,
    ) -> Result<()> {
        let warehouse = warehouse.into();
        check_warehouse_id(warehouse)?;
        validate_warehouse(request)?;
        self.client
            .transport(Host::Marketplace)
            .send(
                WAREHOUSE_UPDATE
                    .request()
                    .path_param("warehouseId", warehouse)
                    .json(request)?,
            )
            .await?;
        Ok(())
    }

    /// `DELETE /api/v3/warehouses/{warehouseId}`: deletes a seller warehouse.
    pub async fn delete(&self, warehouse: impl Into<WarehouseId>) -> Result<()> {
        let warehouse = warehouse.into();
        check_warehouse_id(warehouse)?;
        self.client
            .transport(Host::Marketplace)
            .send(
                WAREHOUSE_DELETE
                    .request()
                    .path_param("warehouseId", warehouse),
            )
            .await?;
        Ok(())
    }
}
