//! Wire types of the stocks section: stocks on the seller's warehouses (update, delete, read)
//! and WB's conflict answers.

use serde::{Deserialize, Serialize};

use crate::ids::ChrtId;

/// `PUT /api/v3/stocks/{warehouseId}` request (inline schema).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct StocksUpdateRequest {
    /// Stock per size, at most [`crate::api::stocks::STOCKS_MAX`].
    pub stocks: Vec<StockItem>,
}

/// One size's stock in a stock update (inline item schema of `PUT /api/v3/stocks/{warehouseId}`).
///
/// Name the size by `chrt_id`; the barcode (`sku`) is deprecated by WB and due to be switched
/// off, but still accepted.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct StockItem {
    /// The size (`chrtId`).
    #[serde(rename = "chrtId", default, skip_serializing_if = "Option::is_none")]
    pub chrt_id: Option<ChrtId>,
    /// The barcode (deprecated by WB).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sku: Option<String>,
    /// Units in stock, 0 to [`crate::api::stocks::AMOUNT_MAX`].
    pub amount: i64,
}

impl StockItem {
    /// A stock by size id.
    pub fn chrt(chrt_id: impl Into<ChrtId>, amount: i64) -> Self {
        Self {
            chrt_id: Some(chrt_id.into()),
            sku: None,
            amount,
        }
    }

    /// A stock by barcode (deprecated by WB: prefer [`StockItem::chrt`]).
    pub fn barcode(sku: impl Into<String>, amount: i64) -> Self {
        Self {
            chrt_id: None,
            sku: Some(sku.into()),
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
    /// The barcode, when WB names it by barcode.
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
    /// Sizes whose stock records are deleted (`chrtIds`).
    #[serde(rename = "chrtIds", default)]
    pub chrt_ids: Vec<ChrtId>,
    /// Barcodes whose stock records are deleted (deprecated by WB).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skus: Vec<String>,
}

/// `POST /api/v3/stocks/{warehouseId}` request (inline schema).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct StocksReadRequest {
    /// Sizes to read (`chrtIds`).
    #[serde(rename = "chrtIds", default)]
    pub chrt_ids: Vec<ChrtId>,
    /// Barcodes to read (deprecated by WB).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skus: Vec<String>,
}

/// `POST /api/v3/stocks/{warehouseId}` response (inline schema).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct StocksReadResponse {
    /// The stock of each size asked for that WB knows at the warehouse.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub stocks: Vec<Stock>,
}

/// One size's stock (inline item schema of the `POST /api/v3/stocks/{warehouseId}` answer).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Stock {
    /// The size (`chrtId`), when WB sends it.
    #[serde(rename = "chrtId", default)]
    pub chrt_id: Option<ChrtId>,
    /// The barcode (deprecated by WB), when WB sends it.
    #[serde(default)]
    pub sku: Option<String>,
    /// Units in stock.
    #[serde(default)]
    pub amount: i64,
}

/// The marketplace API's error body (schema `Error`): the 409 answer of
/// `DELETE /api/v3/stocks/{warehouseId}`, and the 400/403/404 answers of the stock methods.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ErrorBody {
    /// WB's error code (`StoreIsProcessing`, `NotFound`...).
    #[serde(default)]
    pub code: String,
    /// WB's description of the error.
    #[serde(default)]
    pub message: String,
    /// Further data (a free-form object), if any.
    #[serde(default)]
    pub data: Option<serde_json::Value>,
}
