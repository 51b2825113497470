//! Stocks on the seller's warehouses: update, delete and read, by size (`chrtId`; WB's 2026-08
//! spec has no barcode `sku` in these requests any more).
//!
//! WB answers a stock update or delete it refuses with 409 and the items concerned; that answer
//! comes back from the transport as a response (the operations are named `stocks_update` and
//! `stocks_delete`, see [`crate::error::PER_ITEM_409`]) and becomes per-item rejections.

use std::fmt;

use http::StatusCode;
use market_core::batch::{chunks, failed_chunk, run_batches};
use market_core::transport::Operation;
use market_core::{BatchReport, Error, RejectionStage, Result};
use serde::Deserialize;

use super::warehouses::check_warehouse_id;
use crate::ids::{ChrtId, WarehouseId};
use crate::limits::groups;
use crate::models::common::ErrorBody;
use crate::models::stocks::*;
use crate::{Client, Host};

/// The most items a stock update carries.
pub const STOCKS_UPDATE_MAX: usize = 1000;
/// The most sizes a stock delete carries.
pub const STOCKS_DELETE_MAX: usize = 1000;
/// The most sizes a stock read carries.
pub const STOCKS_READ_MAX: usize = 1000;
/// The largest stock WB takes for one size.
pub const AMOUNT_MAX: i64 = 100_000;

/// `PUT /api/v3/stocks/{warehouseId}`.
pub static STOCKS_UPDATE: Operation =
    Operation::put("stocks_update", "/api/v3/stocks/{warehouseId}")
        .in_group(groups::STOCKS)
        .batch_max(STOCKS_UPDATE_MAX);
/// `DELETE /api/v3/stocks/{warehouseId}`.
pub static STOCKS_DELETE: Operation =
    Operation::delete("stocks_delete", "/api/v3/stocks/{warehouseId}")
        .in_group(groups::STOCKS_DELETE)
        .batch_max(STOCKS_DELETE_MAX);
/// `POST /api/v3/stocks/{warehouseId}`.
pub static STOCKS_READ: Operation = Operation::post("stocks_read", "/api/v3/stocks/{warehouseId}")
    .in_group(groups::STOCKS)
    .batch_max(STOCKS_READ_MAX);

/// The code of an item WB did not name in a 409 answer that refused its whole request.
pub const NOT_APPLIED: &str = "not_applied";

/// What a stock item is reported under: its size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StockKey {
    /// The size (`chrtId`).
    pub chrt_id: ChrtId,
}

impl StockKey {
    /// A key by size id.
    pub fn chrt(chrt_id: impl Into<ChrtId>) -> Self {
        Self {
            chrt_id: chrt_id.into(),
        }
    }

    /// The key of a stock update item.
    pub fn of(item: &StockItem) -> Self {
        Self {
            chrt_id: item.chrt_id,
        }
    }
}

impl From<ChrtId> for StockKey {
    fn from(chrt_id: ChrtId) -> Self {
        Self::chrt(chrt_id)
    }
}

impl fmt::Display for StockKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "chrtId {}", self.chrt_id)
    }
}

/// Checks that a key names a size that can exist (a chrtId above 0).
pub fn validate_key(key: &StockKey) -> std::result::Result<(), String> {
    if key.chrt_id.get() <= 0 {
        return Err(format!("chrtId {} is not a valid size id", key.chrt_id));
    }
    Ok(())
}

/// Checks a stock update item before sending: an identifier, and an amount in 0..=100000.
pub fn validate_item(item: &StockItem) -> std::result::Result<(), String> {
    validate_key(&StockKey::of(item))?;
    if item.amount < 0 {
        return Err(format!("amount {} is negative", item.amount));
    }
    if item.amount > AMOUNT_MAX {
        return Err(format!(
            "amount {} is above WB's maximum of {AMOUNT_MAX}",
            item.amount
        ));
    }
    Ok(())
}

/// A 409 body: WB's array of conflicts, or a single one.
#[derive(Deserialize)]
struct UpdateConflicts(
    #[serde(deserialize_with = "market_core::wire::de::one_or_many")] Vec<StocksConflict>,
);

/// A 409 body of a delete: WB's error object, or an array of them.
#[derive(Deserialize)]
struct DeleteConflicts(
    #[serde(deserialize_with = "market_core::wire::de::one_or_many")] Vec<ErrorBody>,
);

/// The stocks section: `client.stocks()`.
#[derive(Debug, Clone, Copy)]
pub struct StocksApi<'a> {
    client: &'a Client,
}

impl Client {
    /// Stocks on the seller's warehouses.
    pub fn stocks(&self) -> StocksApi<'_> {
        StocksApi { client: self }
    }
}

impl StocksApi<'_> {
    /// `PUT /api/v3/stocks/{warehouseId}`: sets the stock of sizes at a seller warehouse.
    ///
    /// Any number of items: split into requests of at most 1000. Items that cannot be valid
    /// (a chrtId not above 0, an amount below 0 or above 100000) are rejected locally and the
    /// rest is sent. A 409 answer refuses its whole request:
    /// the items WB names get WB's code and message, and the other items of that request are
    /// sent once more on their own (WB applied none of them); only if that is refused too are
    /// they rejected with [`NOT_APPLIED`]. An error about the request itself (such as
    /// `StoreIsProcessing`) rejects every item with WB's code.
    pub async fn update(
        &self,
        warehouse: impl Into<WarehouseId>,
        items: Vec<StockItem>,
    ) -> Result<BatchReport<StockKey>> {
        let warehouse = warehouse.into();
        check_warehouse_id(warehouse)?;
        let client = self.client;
        Ok(run_batches(
            items,
            STOCKS_UPDATE_MAX,
            StockKey::of,
            validate_item,
            |chunk| async move {
                let first = send_update(client, warehouse, chunk.clone()).await?;
                // WB refuses the whole request for the items it names; the others were not
                // applied only because of them: send those once more on their own.
                let again: Vec<StockItem> = chunk
                    .into_iter()
                    .filter(|item| {
                        let key = StockKey::of(item);
                        first
                            .rejected
                            .iter()
                            .any(|r| r.key == key && r.code.as_deref() == Some(NOT_APPLIED))
                    })
                    .collect();
                if again.is_empty() || again.len() == first.len() {
                    return Ok(first);
                }
                let mut report = BatchReport::new();
                report.accepted = first.accepted;
                report.rejected = first
                    .rejected
                    .into_iter()
                    .filter(|r| r.code.as_deref() != Some(NOT_APPLIED))
                    .collect();
                let keys: Vec<StockKey> = again.iter().map(StockKey::of).collect();
                match send_update(client, warehouse, again).await {
                    Ok(second) => report.merge(second),
                    // The resend failed as a whole: its items are reported as run_batches
                    // reports a failed chunk (not sent when the host is down, so the batch
                    // stops at the next chunk), and WB's reasons for the named items are kept.
                    Err(e) => report.merge(failed_chunk(keys, &e)),
                }
                Ok(report)
            },
        )
        .await)
    }

    /// `DELETE /api/v3/stocks/{warehouseId}`: deletes the stock records of sizes at a seller
    /// warehouse (irreversible: a deleted stock must be uploaded again to sell).
    ///
    /// Any number of keys: split into requests of at most 1000; invalid keys are rejected
    /// locally. A 409 answer (such as `StoreIsProcessing`) refuses its whole request: every item of it is
    /// rejected with WB's code and message.
    pub async fn delete(
        &self,
        warehouse: impl Into<WarehouseId>,
        keys: Vec<StockKey>,
    ) -> Result<BatchReport<StockKey>> {
        let warehouse = warehouse.into();
        check_warehouse_id(warehouse)?;
        let client = self.client;
        Ok(run_batches(
            keys,
            STOCKS_DELETE_MAX,
            StockKey::clone,
            validate_key,
            |chunk| async move {
                let transport = client.transport(Host::Marketplace);
                let request = StocksDeleteRequest {
                    chrt_ids: chunk.iter().map(|k| k.chrt_id).collect(),
                };
                let response = transport
                    .send(
                        STOCKS_DELETE
                            .request()
                            .path_param("warehouseId", warehouse)
                            .json(&request)?,
                    )
                    .await?;
                if response.status != StatusCode::CONFLICT {
                    return Ok(accept_all(chunk));
                }
                Ok(
                    match transport.decode::<DeleteConflicts>(&STOCKS_DELETE, &response.body) {
                        Ok(conflicts) => {
                            let errors: Vec<(&str, &str)> = conflicts
                                .0
                                .iter()
                                .map(|e| (e.code.as_str(), e.message.as_str()))
                                .collect();
                            reject_all(chunk, &errors)
                        }
                        Err(e) => unreadable_conflict(chunk, &e),
                    },
                )
            },
        )
        .await)
    }

    /// `POST /api/v3/stocks/{warehouseId}`: the stock of sizes at a seller warehouse.
    ///
    /// Any number of keys: split into requests of at most 1000, answers concatenated in order.
    /// An invalid key fails the call before anything is sent.
    pub async fn read(
        &self,
        warehouse: impl Into<WarehouseId>,
        keys: Vec<StockKey>,
    ) -> Result<Vec<Stock>> {
        let warehouse = warehouse.into();
        check_warehouse_id(warehouse)?;
        for key in &keys {
            validate_key(key).map_err(|message| Error::validation(key, message))?;
        }
        let transport = self.client.transport(Host::Marketplace);
        let mut out = Vec::new();
        for chunk in chunks(keys, STOCKS_READ_MAX) {
            let request = StocksReadRequest {
                chrt_ids: chunk.iter().map(|k| k.chrt_id).collect(),
            };
            let response: StocksReadResponse = transport
                .json(
                    STOCKS_READ
                        .request()
                        .path_param("warehouseId", warehouse)
                        .json(&request)?,
                )
                .await?;
            out.extend(response.stocks);
        }
        Ok(out)
    }
}

fn accept_all(keys: Vec<StockKey>) -> BatchReport<StockKey> {
    BatchReport {
        accepted: keys,
        rejected: Vec::new(),
        ..BatchReport::new()
    }
}

/// `code: message`, or whichever of them WB sent.
fn describe(code: &str, message: &str) -> String {
    match (code.is_empty(), message.is_empty()) {
        (false, false) => format!("{code}: {message}"),
        (false, true) => code.to_owned(),
        (true, false) => message.to_owned(),
        (true, true) => "no details".to_owned(),
    }
}

/// WB's first non-empty code, else `http_409`.
fn first_code<'e>(codes: impl IntoIterator<Item = &'e str>) -> String {
    codes
        .into_iter()
        .find(|c| !c.is_empty())
        .unwrap_or("http_409")
        .to_owned()
}

/// Every item rejected for the same errors of a refused request.
fn reject_all(keys: Vec<StockKey>, errors: &[(&str, &str)]) -> BatchReport<StockKey> {
    let code = first_code(errors.iter().map(|(c, _)| *c));
    let message = if errors.is_empty() {
        "WB refused the request (409) without details".to_owned()
    } else {
        errors
            .iter()
            .map(|(c, m)| describe(c, m))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let mut report = BatchReport::new();
    for key in keys {
        report.reject(
            key,
            RejectionStage::Vendor,
            Some(code.clone()),
            message.clone(),
        );
    }
    report
}

/// A 409 whose body cannot be read: the request was refused, nothing is known per item.
fn unreadable_conflict(keys: Vec<StockKey>, error: &Error) -> BatchReport<StockKey> {
    let mut report = BatchReport::new();
    for key in keys {
        report.reject(
            key,
            RejectionStage::Vendor,
            Some("http_409".into()),
            format!("WB refused the request (409) with an answer that cannot be read: {error}"),
        );
    }
    report
}

/// One stock update request: all accepted, or WB's 409 turned into per-item outcomes.
async fn send_update(
    client: &Client,
    warehouse: WarehouseId,
    stocks: Vec<StockItem>,
) -> Result<BatchReport<StockKey>> {
    let transport = client.transport(Host::Marketplace);
    let request = StocksUpdateRequest { stocks };
    let response = transport
        .send(
            STOCKS_UPDATE
                .request()
                .path_param("warehouseId", warehouse)
                .json(&request)?,
        )
        .await?;
    let keys: Vec<StockKey> = request.stocks.iter().map(StockKey::of).collect();
    if response.status != StatusCode::CONFLICT {
        return Ok(accept_all(keys));
    }
    Ok(
        match transport.decode::<UpdateConflicts>(&STOCKS_UPDATE, &response.body) {
            Ok(conflicts) => conflict_report(&request.stocks, &conflicts.0),
            Err(e) => unreadable_conflict(keys, &e),
        },
    )
}

/// Turns WB's 409 answer to a stock update into per-item rejections. The whole request was
/// refused: items WB names by size get WB's code and message; errors naming no item concern the
/// request and apply to every other item; any other item is [`NOT_APPLIED`] (among them those of
/// an error naming items by barcode only, which WB's examples still show: a barcode cannot be
/// matched to a size, so the message names it).
fn conflict_report(sent: &[StockItem], conflicts: &[StocksConflict]) -> BatchReport<StockKey> {
    let general: Vec<(&str, &str)> = conflicts
        .iter()
        .filter(|c| c.data.is_empty())
        .map(|c| (c.code.as_str(), c.message.as_str()))
        .collect();
    let summary = conflicts
        .iter()
        .map(|c| {
            let named: Vec<String> = c
                .data
                .iter()
                .map(|d| match d.chrt_id {
                    Some(chrt) => chrt.to_string(),
                    None => format!("barcode {:?}", d.sku),
                })
                .collect();
            if named.is_empty() {
                describe(&c.code, &c.message)
            } else {
                format!(
                    "{} (items {})",
                    describe(&c.code, &c.message),
                    named.join(", ")
                )
            }
        })
        .collect::<Vec<_>>()
        .join("; ");
    let mut report = BatchReport::new();
    for item in sent {
        let key = StockKey::of(item);
        let named: Vec<&StocksConflict> = conflicts
            .iter()
            .filter(|c| c.data.iter().any(|d| d.chrt_id == Some(item.chrt_id)))
            .collect();
        let (code, message) = if !named.is_empty() {
            (
                first_code(named.iter().map(|c| c.code.as_str())),
                named
                    .iter()
                    .map(|c| describe(&c.code, &c.message))
                    .collect::<Vec<_>>()
                    .join("; "),
            )
        } else if !general.is_empty() || conflicts.is_empty() {
            let one = reject_all(vec![key], &general);
            report.merge(one);
            continue;
        } else {
            (
                NOT_APPLIED.to_owned(),
                format!(
                    "not updated: WB refused the whole request because of other items: {summary}"
                ),
            )
        };
        report.reject(key, RejectionStage::Vendor, Some(code), message);
    }
    report
}
