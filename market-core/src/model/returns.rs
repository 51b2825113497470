use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{DeliveryScheme, TimeWindow};
use crate::ids::{OfferId, OrderId, ReturnId, Sku};

/// A return of goods by a buyer (or a non-pickup sent back).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Return {
    /// The marketplace's return id.
    pub id: ReturnId,
    /// The order it returns, where the vendor links it.
    pub order_id: Option<OrderId>,
    /// The scheme of the original order.
    pub scheme: Option<DeliveryScheme>,
    /// The vendor's status of the return, verbatim.
    pub status: String,
    /// When the return was created.
    pub created_at: Option<DateTime<Utc>>,
    /// What comes back.
    pub lines: Vec<ReturnLine>,
    /// The vendor's own record.
    pub raw: serde_json::Value,
}

/// One returned product.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReturnLine {
    /// The seller's article, where the vendor gives it.
    pub offer_id: Option<OfferId>,
    /// The marketplace's product id.
    pub sku: Option<Sku>,
    /// Units returned.
    pub quantity: u32,
    /// The buyer's or vendor's reason.
    pub reason: Option<String>,
}

/// Which returns to stream.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReturnQuery {
    /// Returns created in this window.
    pub window: TimeWindow,
}
