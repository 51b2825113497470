use serde::{Deserialize, Serialize};

use super::ItemKey;
use crate::ids::{OfferId, WarehouseId};

/// The quantity of an offer available for sale at one warehouse.
///
/// `quantity` is signed on purpose: stock computed by a seller's service (on hand minus reserve)
/// can go negative, and such an item is rejected by name before anything is sent rather than
/// being clamped silently. See [`StockUpdate::validate`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StockUpdate {
    /// The seller's article.
    pub offer_id: OfferId,
    /// The marketplace warehouse; channels with a single stock per offer ignore it, channels
    /// with stocks per warehouse (Ozon, WB) require it.
    pub warehouse_id: Option<WarehouseId>,
    /// Units available for sale.
    pub quantity: i64,
}

impl StockUpdate {
    /// A stock update for an offer at a warehouse.
    pub fn new(
        offer_id: impl Into<OfferId>,
        warehouse_id: impl Into<WarehouseId>,
        quantity: i64,
    ) -> Self {
        Self {
            offer_id: offer_id.into(),
            warehouse_id: Some(warehouse_id.into()),
            quantity,
        }
    }

    /// The key this item is reported under in a [`super::BatchReport`].
    pub fn key(&self) -> ItemKey {
        ItemKey {
            offer_id: self.offer_id.clone(),
            warehouse_id: self.warehouse_id.clone(),
        }
    }

    /// Checks what no vendor accepts: an empty offer id, a negative quantity, and (when
    /// `warehouse_required`) a missing or empty warehouse. The message names the problem;
    /// the caller reports it under [`Self::key`].
    pub fn validate(&self, warehouse_required: bool) -> Result<(), String> {
        if self.offer_id.is_blank() {
            return Err("offer id is empty".into());
        }
        if self.quantity < 0 {
            return Err(format!("quantity {} is negative", self.quantity));
        }
        if warehouse_required && self.warehouse_id.as_ref().is_none_or(|w| w.is_blank()) {
            return Err("warehouse id is required".into());
        }
        Ok(())
    }
}
