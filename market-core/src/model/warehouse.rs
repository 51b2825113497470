use serde::{Deserialize, Serialize};

use super::DeliveryScheme;
use crate::ids::WarehouseId;

/// A warehouse the seller ships from (FBS/DBS) or that the marketplace keeps stock in (FBO/FBY).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Warehouse {
    /// The marketplace's warehouse id.
    pub id: WarehouseId,
    /// The name the seller gave it, or the marketplace's name.
    pub name: String,
    /// Who fulfils orders from it.
    pub scheme: DeliveryScheme,
    /// False when the marketplace reports it disabled, blocked or archived.
    pub active: bool,
    /// The address as the marketplace returns it, if it does.
    pub address: Option<String>,
    /// The vendor's own record, for anything the unified model does not carry.
    pub raw: serde_json::Value,
}
