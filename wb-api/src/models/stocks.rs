//! Wire types of the stocks section: stocks on the seller's warehouses (update, delete, read,
//! by size: `chrtId`) and WB's conflict answers.

use serde::{Deserialize, Serialize};

use crate::ids::ChrtId;

/// `PUT /api/v3/stocks/{warehouseId}` request (inline schema).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct StocksUpdateRequest {
    /// Stock per size, at most [`crate::api::stocks::STOCKS_UPDATE_MAX`].
    pub stocks: Vec<StockItem>,
}

/// One size's stock in a stock update (inline item schema of `PUT /api/v3/stocks/{warehouseId}`).
///
/// WB takes the size by `chrtId` only (2026-08: the barcode `sku` is gone from the request and
/// refused with `SKUUploadDisabled`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct StockItem {
    /// The size (`chrtId`).
    #[serde(rename = "chrtId")]
    pub chrt_id: ChrtId,
    /// Units in stock, 0 to [`crate::api::stocks::AMOUNT_MAX`].
    pub amount: i64,
}

impl StockItem {
    /// A stock by size id.
    pub fn chrt(chrt_id: impl Into<ChrtId>, amount: i64) -> Self {
        Self {
            chrt_id: chrt_id.into(),
            amount,
        }
    }
}

/// One entry of the 409 answer of `PUT /api/v3/stocks/{warehouseId}` (item of schema
/// `StocksWarehouseError`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct StocksConflict {
    /// The items concerned; empty when the error is about the whole request.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub data: Vec<StocksConflictItem>,
    /// WB's error code (`UploadDataLimit`, `SubjectFBSRestriction`, `StoreIsProcessing`...).
    #[serde(default)]
    pub code: String,
    /// WB's description of the error.
    #[serde(default)]
    pub message: String,
}

/// An item named by a [`StocksConflict`] (item of `StocksWarehouseError.data`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct StocksConflictItem {
    /// The size, when WB names it by size.
    #[serde(rename = "chrtId", default, skip_serializing_if = "Option::is_none")]
    pub chrt_id: Option<ChrtId>,
    /// The barcode, when WB names it by barcode (WB's 2026-08 examples still do, although the
    /// request takes sizes only: such an item cannot be matched to a size and is reported in
    /// the message).
    #[serde(default)]
    pub sku: String,
    /// The amount that was sent.
    #[serde(default)]
    pub amount: i64,
}

/// `DELETE /api/v3/stocks/{warehouseId}` request (inline schema).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct StocksDeleteRequest {
    /// Sizes whose stock records are deleted (`chrtIds`, 1 to 1000).
    #[serde(rename = "chrtIds", default)]
    pub chrt_ids: Vec<ChrtId>,
}

/// `POST /api/v3/stocks/{warehouseId}` request (inline schema).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct StocksReadRequest {
    /// Sizes to read (`chrtIds`, at most 1000).
    #[serde(rename = "chrtIds", default)]
    pub chrt_ids: Vec<ChrtId>,
}

/// `POST /api/v3/stocks/{warehouseId}` response (inline schema).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct StocksReadResponse {
    /// The stock of each size asked for that WB knows at the warehouse (required, not
    /// `null`).
    pub stocks: Vec<Stock>,
}

/// One size's stock (inline item schema of the `POST /api/v3/stocks/{warehouseId}` answer).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Stock {
    /// The size (`chrtId`).
    #[serde(rename = "chrtId", default)]
    pub chrt_id: ChrtId,
    /// Units in stock.
    #[serde(default)]
    pub amount: i64,
}
