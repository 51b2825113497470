//! Wire types of the supplies section: FBS supplies, their orders and QR codes.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::ids::{OfficeId, OrderId, SupplyId};
use crate::models::common::{CargoType, StickerType};

/// `POST /api/v3/supplies` request (inline schema).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CreateSupplyRequest {
    /// The supply's name, 1 to [`crate::api::supplies::SUPPLY_NAME_MAX`] characters.
    pub name: String,
}

/// `POST /api/v3/supplies` response (inline schema).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CreateSupplyResponse {
    /// The new supply.
    #[serde(default)]
    pub id: SupplyId,
}

/// `GET /api/v3/supplies` response (inline schema).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct SuppliesResponse {
    /// The cursor of the next page (schema `Next`; required, as the list).
    pub next: i64,
    /// The supplies (required: a page without them is an error, not the last page).
    pub supplies: Vec<Supply>,
}

/// A supply (schema `Supply`); also the `GET /api/v3/supplies/{supplyId}` response.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct Supply {
    /// The cargo type, taken from the first order added (`Unset` while empty).
    #[serde(default)]
    pub cargo_type: CargoType,
    /// When the supply was closed.
    #[serde(default, deserialize_with = "market_core::wire::de::opt_time")]
    pub closed_at: Option<DateTime<Utc>>,
    /// When the supply was created.
    #[serde(default)]
    pub created_at: DateTime<Utc>,
    /// `1` for a supply of cross-border orders, `0` otherwise; `None` when WB leaves it out
    /// (2026-08).
    #[serde(default)]
    pub cross_border_type: Option<i32>,
    /// The destination WB office, when set.
    #[serde(default)]
    pub destination_office_id: Option<OfficeId>,
    /// True when the supply is closed.
    #[serde(default)]
    pub done: bool,
    /// WB's id of the supply, `WB-GI-` and digits.
    #[serde(default)]
    pub id: SupplyId,
    /// Whether the supply is of B2B orders, when WB says (`isB2b`, 2026-08).
    #[serde(default, rename = "isB2b", alias = "isB2B")]
    pub is_b2b: Option<bool>,
    /// Whether the supply may be handed over at a pickup point (2026-08).
    #[serde(default)]
    pub is_pickup_point_shipment_allowed: bool,
    /// The name the seller gave the supply at creation (at most
    /// [`SUPPLY_NAME_MAX`](crate::api::supplies::SUPPLY_NAME_MAX) characters).
    #[serde(default)]
    pub name: String,
    /// The WB warehouse WB recommends delivering the supply to, when given (2026-08).
    #[serde(default, rename = "recommendedWhId")]
    pub recommended_wh_id: Option<i64>,
    /// When the supply was scanned.
    #[serde(default, deserialize_with = "market_core::wire::de::opt_time")]
    pub scan_dt: Option<DateTime<Utc>>,
}

/// `PATCH /api/marketplace/v3/supplies/{supplyId}/orders` request (inline schema).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct AddOrdersRequest {
    /// The assembly tasks, 1 to [`crate::api::supplies::SUPPLY_ADD_ORDERS_MAX`].
    pub orders: Vec<OrderId>,
}

/// `GET /api/marketplace/v3/supplies/{supplyId}/order-ids` response (schema
/// `v3.SupplyOrderIDsAPI`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct SupplyOrderIds {
    /// The assembly tasks in the supply (required).
    #[serde(rename = "orderIds")]
    pub order_ids: Vec<OrderId>,
}

/// `GET /api/v3/supplies/{supplyId}/barcode` response (inline schema).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct SupplyBarcodeResponse {
    /// The encoded value (the supply id).
    #[serde(default)]
    pub barcode: String,
    /// The file, base64.
    #[serde(default)]
    pub file: String,
}

/// A supply QR code with its file decoded (what
/// [`crate::api::supplies::SuppliesApi::barcode`] returns).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SupplyBarcode {
    /// The encoded value (the supply id).
    pub barcode: String,
    /// The format asked for.
    pub format: StickerType,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}
