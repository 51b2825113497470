use std::collections::HashMap;
use std::fmt;
use std::hash::Hash;
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
    /// The item never left this client: the vendor's host was unreachable (connection refused,
    /// DNS failure, after the transport's own retries), or an earlier request of the same batch
    /// showed that sending more was pointless (host down, credentials refused). Nothing happened
    /// on the vendor's side, so sending the item again cannot apply it twice. The message says
    /// why it was not sent.
    NotSent,
}

/// One item that was not accepted, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejection<K = ItemKey> {
    /// The item's key, as the caller passed it (offer, or offer and warehouse).
    pub key: K,
    /// Where it was turned down.
    pub stage: RejectionStage,
    /// The vendor's error code, or this library's (`validation`, `http_500`, ...).
    pub code: Option<String>,
    /// Why, in words: the vendor's message where it gave one, else this library's.
    pub message: String,
    /// For [`RejectionStage::RetryLater`]: how long to wait before sending the item again,
    /// when the vendor says.
    #[serde(default)]
    pub retry_after: Option<Duration>,
}

/// Something the vendor said about an item that did not fit the batch, and was therefore left
/// out of the report's outcomes (an answer for an item that was never sent).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchWarning<K = ItemKey> {
    /// The item the vendor named.
    pub key: K,
    /// What was dropped, and why.
    pub message: String,
}

/// The outcome of a batch operation, item by item. Per-item rejections are data, not errors:
/// the call as a whole succeeded in sending what could be sent.
///
/// Every item handed to a batch operation ends up in exactly one of `accepted` and `rejected`:
/// the vendor's answer for each chunk goes through [`BatchReport::settle`] (by
/// [`run_batches`](crate::batch::run_batches)), which merges an item the vendor names twice
/// into one outcome, reports an item it does not name as rejected, and drops, with a
/// [`warning`](BatchReport::warnings), what it says about items that were not sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BatchReport<K = ItemKey> {
    /// Items the vendor accepted.
    pub accepted: Vec<K>,
    /// Items that were turned down, each with its reason.
    pub rejected: Vec<Rejection<K>>,
    /// What the vendor said that did not fit (an outcome for an item that was not sent), and
    /// was dropped. Not items of the batch: they are not counted by [`BatchReport::len`].
    #[serde(default = "Vec::new", skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<BatchWarning<K>>,
}

impl<K> Default for BatchReport<K> {
    fn default() -> Self {
        Self {
            accepted: Vec::new(),
            rejected: Vec::new(),
            warnings: Vec::new(),
        }
    }
}

/// When a vendor's per-item errors defer an item instead of rejecting it (see
/// [`BatchReport::record`]): a test of the error code ("too many requests for this item") and
/// the wait to report.
pub type Deferral<'a> = (&'a dyn Fn(&str) -> bool, Option<Duration>);

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

    /// Records an item refused by local validation before anything was sent
    /// ([`RejectionStage::Validation`], code `validation`).
    pub fn reject_invalid(&mut self, key: K, message: impl Into<String>) {
        self.reject(
            key,
            RejectionStage::Validation,
            Some("validation".into()),
            message,
        );
    }

    /// Records one item of a vendor's per-item answer: accepted when `applied` and the vendor
    /// listed no error for it; otherwise rejected at [`RejectionStage::Vendor`] with the first
    /// error's code and every `code: message` joined by `; ` (`not updated` when the vendor gave
    /// no reason). When `defer` is given and every error's code passes its test (the vendor's
    /// "too many requests for this item" codes), the item is deferred instead
    /// ([`RejectionStage::RetryLater`], with the given wait).
    pub fn record<'e>(
        &mut self,
        key: K,
        applied: bool,
        errors: impl IntoIterator<Item = (&'e str, &'e str)>,
        defer: Option<Deferral<'_>>,
    ) {
        let errors: Vec<(&str, &str)> = errors.into_iter().collect();
        if applied && errors.is_empty() {
            self.accept(key);
            return;
        }
        let code = errors
            .first()
            .map(|(c, _)| c.trim().to_owned())
            .filter(|c| !c.is_empty());
        let message = if errors.is_empty() {
            "not updated".to_owned()
        } else {
            errors
                .iter()
                .map(|(c, m)| match (c.trim(), m.trim()) {
                    (c, "") => c.to_owned(),
                    ("", m) => m.to_owned(),
                    (c, m) => format!("{c}: {m}"),
                })
                .collect::<Vec<_>>()
                .join("; ")
        };
        match defer {
            Some((retryable, wait))
                if !errors.is_empty() && errors.iter().all(|(c, _)| retryable(c.trim())) =>
            {
                self.defer(key, code, message, wait);
            }
            _ => self.reject(key, RejectionStage::Vendor, code, message),
        }
    }

    /// Records an item that was not sent ([`RejectionStage::NotSent`]).
    pub fn not_sent_item(&mut self, key: K, code: Option<String>, message: impl Into<String>) {
        self.reject(key, RejectionStage::NotSent, code, message);
    }

    /// The items the vendor deferred: send them again after their `retry_after`.
    pub fn retry_later(&self) -> impl Iterator<Item = &Rejection<K>> {
        self.rejected
            .iter()
            .filter(|r| r.stage == RejectionStage::RetryLater)
    }

    /// The items that were never sent ([`RejectionStage::NotSent`]): safe to send again.
    pub fn not_sent(&self) -> impl Iterator<Item = &Rejection<K>> {
        self.rejected
            .iter()
            .filter(|r| r.stage == RejectionStage::NotSent)
    }

    /// Appends another report (the next chunk) to this one, warnings included.
    pub fn merge(&mut self, other: BatchReport<K>) {
        self.accepted.extend(other.accepted);
        self.rejected.extend(other.rejected);
        self.warnings.extend(other.warnings);
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
            warnings: self
                .warnings
                .into_iter()
                .map(|w| BatchWarning {
                    key: f(w.key),
                    message: w.message,
                })
                .collect(),
        }
    }
}

/// What the vendor said about one sent item, while settling a chunk.
enum Outcome<K> {
    Accepted,
    Rejected(Rejection<K>),
}

/// Adds `extra` to a rejection's message, once.
fn add_message(message: &mut String, extra: &str) {
    if !message.contains(extra) {
        message.push_str("; ");
        message.push_str(extra);
    }
}

/// A rejection's code and message, as one text.
fn describe<K>(r: &Rejection<K>) -> String {
    match &r.code {
        Some(code) if !r.message.contains(code.as_str()) => format!("{code}: {}", r.message),
        _ => r.message.clone(),
    }
}

impl<K: Clone + Eq + Hash> BatchReport<K> {
    /// The report of one sent chunk, from what the vendor answered about it, such that every
    /// key of `sent` appears exactly once (as many times as it was sent, when the same key was
    /// sent more than once) and no other key does:
    ///
    /// - an item the vendor names twice with the same outcome counts once; with conflicting
    ///   outcomes (accepted and rejected, or two different rejections) it is rejected: the
    ///   first rejection (its stage, code and wait) is kept, and its message carries the other
    ///   outcome's message too;
    /// - an item the vendor does not name is rejected at [`RejectionStage::Vendor`] with code
    ///   `no_outcome`, so nothing is silently dropped;
    /// - an outcome for a key that was not sent is dropped, with a [`BatchWarning`] in
    ///   [`BatchReport::warnings`] and a `tracing` warning.
    ///
    /// Outcomes come out in the order of `sent`. [`run_batches`](crate::batch::run_batches)
    /// settles every chunk's answer so; a vendor client that builds a report by hand outside it
    /// should call this too.
    ///
    /// ```
    /// use market_core::{BatchReport, RejectionStage};
    ///
    /// let mut answer = BatchReport::new();
    /// answer.accept("a");
    /// answer.reject("a", RejectionStage::Vendor, None, "bad price");
    /// answer.accept("ghost");
    /// let report = BatchReport::settle(&["a", "b"], answer);
    /// assert!(report.accepted.is_empty());
    /// assert_eq!(report.rejected.len(), 2); // "a": conflict, "b": no outcome
    /// assert_eq!(report.warnings[0].key, "ghost");
    /// ```
    pub fn settle(sent: &[K], answer: BatchReport<K>) -> Self {
        let mut outcomes: HashMap<K, Outcome<K>> = HashMap::with_capacity(sent.len());
        for k in sent {
            outcomes.entry(k.clone()).or_insert(Outcome::Accepted);
        }
        // Marks: which sent keys the answer named at all.
        let mut named: HashMap<K, bool> = sent.iter().map(|k| (k.clone(), false)).collect();
        let mut report = BatchReport {
            accepted: Vec::new(),
            rejected: Vec::new(),
            warnings: answer.warnings,
        };
        let mut unknown = 0usize;
        let mut conflicts = 0usize;
        const ALSO_ACCEPTED: &str = "the vendor also reported this item as accepted";
        for key in answer.accepted {
            match named.get_mut(&key) {
                None => {
                    unknown += 1;
                    report.warnings.push(BatchWarning {
                        key,
                        message: "the vendor reported as accepted an item that was not sent \
                                  in this request; dropped"
                            .into(),
                    });
                }
                // Acceptances are read before rejections: a repeat changes nothing.
                Some(seen) => *seen = true,
            }
        }
        for rejection in answer.rejected {
            let Some(seen) = named.get_mut(&rejection.key) else {
                unknown += 1;
                report.warnings.push(BatchWarning {
                    message: format!(
                        "the vendor rejected an item that was not sent in this request; \
                         dropped: {}",
                        describe(&rejection)
                    ),
                    key: rejection.key,
                });
                continue;
            };
            let first = !*seen;
            *seen = true;
            let Some(outcome) = outcomes.get_mut(&rejection.key) else {
                continue;
            };
            match outcome {
                Outcome::Accepted => {
                    let mut rejection = rejection;
                    if !first {
                        conflicts += 1;
                        add_message(&mut rejection.message, ALSO_ACCEPTED);
                    }
                    *outcome = Outcome::Rejected(rejection);
                }
                Outcome::Rejected(kept) => {
                    if kept.code != rejection.code || kept.message != rejection.message {
                        conflicts += 1;
                        add_message(
                            &mut kept.message,
                            &format!("the vendor also said: {}", describe(&rejection)),
                        );
                    }
                }
            }
        }
        if unknown > 0 {
            tracing::warn!(
                unknown,
                "the vendor answered for items that were not sent; their outcomes were dropped"
            );
        }
        if conflicts > 0 {
            tracing::warn!(
                conflicts,
                "the vendor gave conflicting outcomes for the same items; kept as rejected"
            );
        }
        for k in sent {
            if named.get(k) != Some(&true) {
                report.reject(
                    k.clone(),
                    RejectionStage::Vendor,
                    Some("no_outcome".into()),
                    "the vendor's answer did not mention this item",
                );
                continue;
            }
            match outcomes.get(k) {
                Some(Outcome::Rejected(r)) => report.rejected.push(Rejection {
                    key: k.clone(),
                    ..r.clone()
                }),
                Some(Outcome::Accepted) | None => report.accepted.push(k.clone()),
            }
        }
        report
    }

    /// Builds the report of one sent chunk from the vendor's per-item errors: every key of
    /// `sent` not named in `vendor_rejections` is accepted. The result is
    /// [settled](BatchReport::settle): a rejection naming a key that was not sent is dropped
    /// with a warning, and two rejections of one item are merged into one.
    pub fn from_chunk(sent: Vec<K>, vendor_rejections: Vec<Rejection<K>>) -> Self {
        let rejected: std::collections::HashSet<&K> =
            vendor_rejections.iter().map(|r| &r.key).collect();
        let accepted = sent
            .iter()
            .filter(|k| !rejected.contains(k))
            .cloned()
            .collect();
        let answer = Self {
            accepted,
            rejected: vendor_rejections,
            warnings: Vec::new(),
        };
        Self::settle(&sent, answer)
    }
}
