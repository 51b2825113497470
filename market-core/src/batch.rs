//! Batching: split inputs at the vendor's maximum, validate locally, merge per-item outcomes.

use std::collections::HashSet;
use std::future::Future;
use std::hash::Hash;

use crate::error::{ApiErrorKind, Error};
use crate::model::{BatchReport, RejectionStage};

/// How one chunk's request ended, as the vendor client reports it to [`run_batches`].
pub type ChunkResult<K> = crate::error::Result<BatchReport<K>>;

/// Sends `items` in chunks of at most `max`, and merges the outcomes into one report in which
/// every item appears exactly once.
///
/// - `key` names an item in the report.
/// - `validate` turns down an item before sending (its message becomes a
///   [`RejectionStage::Validation`] rejection); the rest still goes.
/// - `send` sends one chunk and returns the vendor's per-item outcome. An item the vendor's
///   answer does not mention is reported as rejected (`code = "no_outcome"`), so nothing is
///   silently dropped. A chunk whose request fails as a whole (after the transport's retries)
///   has every item rejected at [`RejectionStage::Request`] with the error's code and message
///   (or, when the vendor refused it unprocessed as over quota or busy, deferred as
///   [`RejectionStage::RetryLater`] with the vendor's wait); the following chunks are still sent, unless the error says the credentials are wrong
///   (401/403) or the client is misconfigured, in which case they are reported as not sent.
///
/// ```
/// use market_core::batch::run_batches;
/// use market_core::BatchReport;
///
/// # tokio::runtime::Builder::new_current_thread().build()?.block_on(async {
/// let items: Vec<i64> = vec![5, -1, 7];
/// let report = run_batches(
///     items,
///     2,
///     |q| q.to_string(),
///     |q| if *q < 0 { Err(format!("{q} is negative")) } else { Ok(()) },
///     |chunk| async move { Ok(BatchReport { accepted: chunk.iter().map(|q| q.to_string()).collect(), rejected: vec![] }) },
/// )
/// .await;
/// assert_eq!(report.accepted, ["5", "7"]);
/// assert_eq!(report.rejected[0].key, "-1");
/// # Ok::<(), market_core::Error>(())
/// # })?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub async fn run_batches<I, K, KF, VF, SF, Fut>(
    items: Vec<I>,
    max: usize,
    key: KF,
    validate: VF,
    mut send: SF,
) -> BatchReport<K>
where
    K: Clone + Eq + Hash,
    KF: Fn(&I) -> K,
    VF: Fn(&I) -> Result<(), String>,
    SF: FnMut(Vec<I>) -> Fut,
    Fut: Future<Output = ChunkResult<K>>,
{
    let mut report = BatchReport::new();
    let mut valid = Vec::with_capacity(items.len());
    for item in items {
        match validate(&item) {
            Ok(()) => valid.push(item),
            Err(message) => report.reject(
                key(&item),
                RejectionStage::Validation,
                Some("validation".into()),
                message,
            ),
        }
    }
    let max = max.max(1);
    let mut fatal: Option<String> = None;
    let mut rest = valid.into_iter().peekable();
    while rest.peek().is_some() {
        let chunk: Vec<I> = rest.by_ref().take(max).collect();
        let keys: Vec<K> = chunk.iter().map(&key).collect();
        if let Some(reason) = &fatal {
            for k in keys {
                report.reject(
                    k,
                    RejectionStage::Request,
                    Some("not_sent".into()),
                    format!("not sent: {reason}"),
                );
            }
            continue;
        }
        match send(chunk).await {
            Ok(chunk_report) => {
                let mentioned: HashSet<&K> = chunk_report
                    .accepted
                    .iter()
                    .chain(chunk_report.rejected.iter().map(|r| &r.key))
                    .collect();
                let missing: Vec<K> = keys
                    .iter()
                    .filter(|k| !mentioned.contains(k))
                    .cloned()
                    .collect();
                report.merge(chunk_report);
                for k in missing {
                    report.reject(
                        k,
                        RejectionStage::Vendor,
                        Some("no_outcome".into()),
                        "the vendor's answer did not mention this item",
                    );
                }
            }
            Err(error) => {
                let code = error.code();
                let message = error.to_string();
                // Refused unprocessed (over quota, busy) after the transport's retries: nothing
                // is wrong with the items and nothing was done; they are to be sent again.
                let deferred = match &error {
                    Error::Api(e) if e.kind.is_unprocessed() => Some(e.retry_after),
                    _ => None,
                };
                for k in keys {
                    match deferred {
                        Some(after) => report.defer(k, Some(code.clone()), message.clone(), after),
                        None => report.reject(
                            k,
                            RejectionStage::Request,
                            Some(code.clone()),
                            message.clone(),
                        ),
                    }
                }
                if is_fatal(&error) {
                    fatal = Some(format!("an earlier request failed: {message}"));
                }
            }
        }
    }
    report
}

/// Errors after which sending more chunks is pointless.
fn is_fatal(error: &Error) -> bool {
    match error {
        Error::Api(e) => matches!(e.kind, ApiErrorKind::Unauthorized | ApiErrorKind::Forbidden),
        Error::Config(_) | Error::Unsupported { .. } => true,
        _ => false,
    }
}

/// Splits items into chunks of at most `max` (at least one item a chunk).
pub fn chunks<I>(items: Vec<I>, max: usize) -> Vec<Vec<I>> {
    let max = max.max(1);
    let mut out = Vec::with_capacity(items.len().div_ceil(max));
    let mut rest = items.into_iter().peekable();
    while rest.peek().is_some() {
        out.push(rest.by_ref().take(max).collect());
    }
    out
}
