use std::fmt;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use crate::ids::{OfferId, WarehouseId};

/// What an item of a batch is reported under: the offer, and the warehouse for stocks.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct ItemKey {
    /// The seller's article.
    pub offer_id: OfferId,
    /// The warehouse, for items that are per warehouse.
    pub warehouse_id: Option<WarehouseId>,
}

impl ItemKey {
    /// A key for an offer-level item (price, card).
    pub fn offer(offer_id: impl Into<OfferId>) -> Self {
        Self {
            offer_id: offer_id.into(),
            warehouse_id: None,
        }
    }

    /// A key for a per-warehouse item (stock).
    pub fn stock(offer_id: impl Into<OfferId>, warehouse_id: impl Into<WarehouseId>) -> Self {
        Self {
            offer_id: offer_id.into(),
            warehouse_id: Some(warehouse_id.into()),
        }
    }
}

impl fmt::Display for ItemKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.warehouse_id {
            Some(w) => write!(f, "offer {} at warehouse {w}", self.offer_id),
            None => write!(f, "offer {}", self.offer_id),
        }
    }
}

/// Where an item was turned down.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RejectionStage {
    /// By this library, before anything was sent (invalid value, missing id).
    Validation,
    /// By the vendor, in its per-item answer.
    Vendor,
    /// The request carrying the item failed as a whole (after retries); the item's fate on the
    /// vendor's side is given by the message: not sent, or unknown.
    Request,
    /// The vendor deferred the item without judging it (Ozon's per-item `TOO_MANY_REQUESTS`:
    /// one update of a pair every 30 s): nothing is wrong with the item; send it again after
    /// [`Rejection::retry_after`].
    RetryLater,
}

/// One item that was not accepted, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejection<K = ItemKey> {
    /// The item.
    pub key: K,
    /// Where it was turned down.
    pub stage: RejectionStage,
    /// The vendor's error code, or this library's (`validation`, `http_500`, ...).
    pub code: Option<String>,
    /// A readable reason.
    pub message: String,
    /// For [`RejectionStage::RetryLater`]: how long to wait before sending the item again,
    /// when the vendor says.
    #[serde(default)]
    pub retry_after: Option<Duration>,
}

/// The outcome of a batch operation, item by item. Per-item rejections are data, not errors:
/// the call as a whole succeeded in sending what could be sent.
///
/// Every item handed to a batch operation ends up in exactly one of `accepted` and `rejected`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchReport<K = ItemKey> {
    /// Items the vendor accepted.
    pub accepted: Vec<K>,
    /// Items that were turned down, each with its reason.
    pub rejected: Vec<Rejection<K>>,
}

impl<K> Default for BatchReport<K> {
    fn default() -> Self {
        Self {
            accepted: Vec::new(),
            rejected: Vec::new(),
        }
    }
}

impl<K> BatchReport<K> {
    /// An empty report.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records an accepted item.
    pub fn accept(&mut self, key: K) {
        self.accepted.push(key);
    }

    /// Records a rejected item.
    pub fn reject(
        &mut self,
        key: K,
        stage: RejectionStage,
        code: Option<String>,
        message: impl Into<String>,
    ) {
        self.rejected.push(Rejection {
            key,
            stage,
            code,
            message: message.into(),
            retry_after: None,
        });
    }

    /// Records an item the vendor deferred ([`RejectionStage::RetryLater`]).
    pub fn defer(
        &mut self,
        key: K,
        code: Option<String>,
        message: impl Into<String>,
        retry_after: Option<Duration>,
    ) {
        self.rejected.push(Rejection {
            key,
            stage: RejectionStage::RetryLater,
            code,
            message: message.into(),
            retry_after,
        });
    }

    /// The items the vendor deferred: send them again after their `retry_after`.
    pub fn retry_later(&self) -> impl Iterator<Item = &Rejection<K>> {
        self.rejected
            .iter()
            .filter(|r| r.stage == RejectionStage::RetryLater)
    }

    /// Appends another report (the next chunk) to this one.
    pub fn merge(&mut self, other: BatchReport<K>) {
        self.accepted.extend(other.accepted);
        self.rejected.extend(other.rejected);
    }

    /// How many items the report covers.
    pub fn len(&self) -> usize {
        self.accepted.len() + self.rejected.len()
    }

    /// True when the report covers no item.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// True when every item was accepted.
    pub fn is_complete_success(&self) -> bool {
        self.rejected.is_empty()
    }

    /// Maps the keys (e.g. from a vendor key to [`ItemKey`]).
    pub fn map_keys<L>(self, mut f: impl FnMut(K) -> L) -> BatchReport<L> {
        BatchReport {
            accepted: self.accepted.into_iter().map(&mut f).collect(),
            rejected: self
                .rejected
                .into_iter()
                .map(|r| Rejection {
                    key: f(r.key),
                    stage: r.stage,
                    code: r.code,
                    message: r.message,
                    retry_after: r.retry_after,
                })
                .collect(),
        }
    }
}

impl<K: PartialEq> BatchReport<K> {
    /// Builds the report of one sent chunk from the vendor's per-item errors: every key not
    /// named in `vendor_rejections` is accepted. Rejections naming a key that was not sent are
    /// kept too, so nothing the vendor said is dropped.
    pub fn from_chunk(sent: Vec<K>, vendor_rejections: Vec<Rejection<K>>) -> Self {
        let accepted = sent
            .into_iter()
            .filter(|k| !vendor_rejections.iter().any(|r| &r.key == k))
            .collect();
        Self {
            accepted,
            rejected: vendor_rejections,
        }
    }
}
