//! Wire types of the analytics section: the stock report of WB's warehouses
//! (`POST /api/analytics/v1/stocks-report/wb-warehouses`).

use serde::{Deserialize, Serialize};

use crate::ids::{ChrtId, NmId};

/// `POST /api/analytics/v1/stocks-report/wb-warehouses` request (schema `InventoryRequest`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct InventoryRequest {
    /// WB articles to report, at most [`crate::api::analytics::STOCKS_REPORT_WB_WAREHOUSES_MAX`]; empty: all.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub nm_ids: Vec<NmId>,
    /// Sizes to report, only of the articles in `nm_ids`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub chrt_ids: Vec<ChrtId>,
    /// Rows a page, at most [`crate::api::analytics::STOCKS_REPORT_WB_WAREHOUSES_PAGE_MAX`] (WB's default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// Rows to skip.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offset: Option<u64>,
}

/// `POST /api/analytics/v1/stocks-report/wb-warehouses` response: `{data}`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct InventoryWbEnvelope {
    /// The page of the report (required: a 200 without it is an error, not an empty page).
    pub data: InventoryWbResponse,
}

/// The stock of WB's warehouses (schema `InventoryWbResponse`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct InventoryWbResponse {
    /// One row per size and WB warehouse (required, not `null`).
    pub items: Vec<InventoryWbItem>,
}

/// One size on one WB warehouse (item of `InventoryWbResponse.items`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct InventoryWbItem {
    /// WB's article.
    pub nm_id: NmId,
    /// The size (`chrtId`, as in the cards list).
    pub chrt_id: ChrtId,
    /// The warehouse (for now always `-999999`: WB reports its warehouses as one).
    pub warehouse_id: i64,
    /// The warehouse's name (for now always `Склад WB`).
    #[serde(default)]
    pub warehouse_name: String,
    /// The shipping region (for now always `Склад WB`).
    #[serde(default)]
    pub region_name: String,
    /// Units buyers can add to the cart.
    #[serde(default)]
    pub quantity: i64,
    /// Units on their way to buyers.
    #[serde(default)]
    pub in_way_to_client: i64,
    /// Units on their way back from buyers.
    #[serde(default)]
    pub in_way_from_client: i64,
}
