//! Batching: split inputs at the vendor's maximum, validate locally, merge per-item outcomes.

use std::future::Future;
use std::hash::Hash;

use crate::error::{ApiErrorKind, Error};
use crate::model::{BatchReport, RejectionStage};

/// Converts every item to its wire form, or rejects it as invalid: the opening step of every
/// batch write. Returns the converted items with their keys, in input order, and a report that
/// holds a [`RejectionStage::Validation`] rejection (code `validation`, the converter's
/// message) for each item that could not be converted; nothing converted is dropped.
///
/// ```
/// use market_core::batch::convert_each;
///
/// let (ok, report) = convert_each(
///     &[3_i64, -1, 5],
///     |q| q.to_string(),
///     |q| u32::try_from(*q).map_err(|_| format!("{q} is negative")),
/// );
/// assert_eq!(ok, [("3".to_owned(), 3_u32), ("5".to_owned(), 5)]);
/// assert_eq!(report.rejected[0].key, "-1");
/// assert_eq!(report.rejected[0].message, "-1 is negative");
/// ```
pub fn convert_each<T, K, U>(
    items: &[T],
    mut key: impl FnMut(&T) -> K,
    mut convert: impl FnMut(&T) -> Result<U, String>,
) -> (Vec<(K, U)>, BatchReport<K>) {
    let mut converted = Vec::with_capacity(items.len());
    let mut report = BatchReport::new();
    for item in items {
        match convert(item) {
            Ok(wire) => converted.push((key(item), wire)),
            Err(message) => report.reject_invalid(key(item), message),
        }
    }
    (converted, report)
}

/// How one chunk's request ended, as the vendor client reports it to [`run_batches`].
pub type ChunkResult<K> = crate::error::Result<BatchReport<K>>;

/// Sends `items` in chunks of at most `max`, and merges the outcomes into one report in which
/// every item appears exactly once.
///
/// - `key` names an item in the report.
/// - `validate` turns down an item before sending (its message becomes a
///   [`RejectionStage::Validation`] rejection); the rest still goes.
/// - `send` sends one chunk and returns the vendor's per-item outcome, which is
///   [settled](BatchReport::settle) against the chunk's keys: an item the vendor names twice
///   gets one outcome (rejected, with both messages, when the two disagree), an item it does
///   not mention is rejected (`code = "no_outcome"`), and what it says about a key that was not
///   sent is dropped with a [warning](BatchReport::warnings).
///
/// A chunk whose request fails as a whole (after the transport's retries):
///
/// - when the host could not be reached at all ([`is_host_down`]: connection refused, DNS
///   failure), has every item reported [`RejectionStage::NotSent`] with the error's message,
///   and **stops the batch**: the following chunks are not sent and their items are reported
///   `NotSent` (code `not_sent`) too, so an unreachable vendor costs one chunk's retries, not
///   one per chunk. Items of chunks accepted before stay accepted;
/// - when the vendor refused it unprocessed as over quota or busy, has every item deferred as
///   [`RejectionStage::RetryLater`] with the vendor's wait;
/// - otherwise has every item rejected at [`RejectionStage::Request`] with the error's code and
///   message, and the following chunks are still sent, unless the error says the credentials
///   are wrong (401/403) or the client is misconfigured: then they are reported `NotSent`.
///
/// A `send` that handles a failed request itself should report its items with
/// [`failed_chunk`]; a chunk whose every item comes back `NotSent` stops the batch as well.
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
///     |chunk| async move {
///         let mut answer = BatchReport::new();
///         for q in &chunk {
///             answer.accept(q.to_string());
///         }
///         Ok(answer)
///     },
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
    let mut stop: Option<String> = None;
    let mut rest = valid.into_iter().peekable();
    while rest.peek().is_some() {
        let chunk: Vec<I> = rest.by_ref().take(max).collect();
        let keys: Vec<K> = chunk.iter().map(&key).collect();
        if let Some(reason) = &stop {
            for k in keys {
                report.not_sent_item(k, Some("not_sent".into()), format!("not sent: {reason}"));
            }
            continue;
        }
        match send(chunk).await {
            Ok(answer) => {
                let settled = BatchReport::settle(&keys, answer);
                if !settled.is_empty() && settled.not_sent().count() == settled.len() {
                    stop = settled
                        .rejected
                        .first()
                        .map(|r| format!("an earlier request was not sent: {}", r.message));
                }
                report.merge(settled);
            }
            Err(error) => {
                report.merge(failed_chunk(keys, &error));
                if is_host_down(&error) {
                    stop = Some(format!("the host is unreachable: {error}"));
                    tracing::warn!(error = %error, "host unreachable; the rest of the batch is not sent");
                } else if is_fatal(&error) {
                    stop = Some(format!("an earlier request failed: {error}"));
                }
            }
        }
    }
    report
}

/// True when `error` says the vendor's host could not be reached at all, so the request was
/// never sent (connection refused, DNS failure, after the transport's own retries): sending
/// more requests to it now is pointless, and sending the same items later cannot apply them
/// twice.
pub fn is_host_down(error: &Error) -> bool {
    matches!(error, Error::Transport { not_sent: true, .. })
}

/// The report of a chunk whose request failed as a whole with `error`, as [`run_batches`]
/// makes it: every key [`RejectionStage::NotSent`] when the host was unreachable
/// ([`is_host_down`]), deferred ([`RejectionStage::RetryLater`], with the vendor's wait) when
/// the vendor refused it unprocessed (over quota, busy), else rejected at
/// [`RejectionStage::Request`], each with the error's code and message.
///
/// For a `send` of [`run_batches`] that sends a chunk in several requests and reports a failed
/// one itself: a chunk reported all `NotSent` stops the batch like a host-down error does.
pub fn failed_chunk<K>(keys: Vec<K>, error: &Error) -> BatchReport<K> {
    let code = error.code();
    let message = error.to_string();
    let mut report = BatchReport::new();
    if is_host_down(error) {
        for k in keys {
            report.not_sent_item(k, Some(code.clone()), format!("not sent: {message}"));
        }
        return report;
    }
    // Refused unprocessed (over quota, busy) after the transport's retries: nothing is wrong
    // with the items and nothing was done; they are to be sent again.
    let deferred = match error {
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
