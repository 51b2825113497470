//! Every item of a batch exactly once, whatever the vendor's answer says (issue 11, item 12):
//! items named twice are merged, items not named are rejected, keys never sent are dropped
//! with a warning.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use market_core::batch::run_batches;
use market_core::{BatchReport, BatchWarning, ItemKey, Rejection, RejectionStage};
use proptest::prelude::*;

fn rejection(key: &str, code: &str, message: &str) -> Rejection<String> {
    Rejection {
        key: key.to_owned(),
        stage: RejectionStage::Vendor,
        code: Some(code.to_owned()),
        message: message.to_owned(),
        retry_after: None,
    }
}

fn keys(names: &[&str]) -> Vec<String> {
    names.iter().map(|s| (*s).to_owned()).collect()
}

/// Sends `sent` in one chunk to a vendor that answers `answer`.
async fn one_chunk(sent: &[&str], answer: BatchReport<String>) -> BatchReport<String> {
    let answer = Mutex::new(Some(answer));
    run_batches(
        keys(sent),
        100,
        |k: &String| k.clone(),
        |_| Ok(()),
        |_chunk| {
            let a = answer.lock().unwrap().take().unwrap();
            async move { Ok(a) }
        },
    )
    .await
}

/// How many times each key appears in the report's outcomes.
fn counts<K: std::hash::Hash + Eq + Clone>(report: &BatchReport<K>) -> HashMap<K, usize> {
    let mut n = HashMap::new();
    for k in report
        .accepted
        .iter()
        .chain(report.rejected.iter().map(|r| &r.key))
    {
        *n.entry(k.clone()).or_insert(0) += 1;
    }
    n
}

#[tokio::test]
async fn an_item_both_accepted_and_rejected_is_rejected_once_with_both_outcomes() {
    let mut answer = BatchReport::new();
    answer.accept("a".to_owned());
    answer.accept("b".to_owned());
    answer
        .rejected
        .push(rejection("a", "PRICE_TOO_LOW", "price below the minimum"));
    let report = one_chunk(&["a", "b"], answer).await;
    assert_eq!(report.accepted, ["b"]);
    assert_eq!(report.rejected.len(), 1);
    let a = &report.rejected[0];
    assert_eq!(a.key, "a");
    assert_eq!(a.stage, RejectionStage::Vendor);
    assert_eq!(a.code.as_deref(), Some("PRICE_TOO_LOW"));
    assert!(
        a.message.contains("price below the minimum"),
        "{}",
        a.message
    );
    assert!(
        a.message.contains("also reported this item as accepted"),
        "{}",
        a.message
    );
    assert!(report.warnings.is_empty());
    assert_eq!(report.len(), 2);
}

#[tokio::test]
async fn two_rejections_of_one_item_are_one_rejection_with_both_messages() {
    let mut answer = BatchReport::new();
    answer
        .rejected
        .push(rejection("a", "NOT_FOUND", "offer not found"));
    answer
        .rejected
        .push(rejection("a", "BAD_WAREHOUSE", "warehouse is closed"));
    // The same rejection twice is said once.
    answer
        .rejected
        .push(rejection("b", "NOT_FOUND", "offer not found"));
    answer
        .rejected
        .push(rejection("b", "NOT_FOUND", "offer not found"));
    let report = one_chunk(&["a", "b"], answer).await;
    assert!(report.accepted.is_empty());
    assert_eq!(report.rejected.len(), 2);
    let a = &report.rejected[0];
    assert_eq!(
        (a.key.as_str(), a.code.as_deref()),
        ("a", Some("NOT_FOUND"))
    );
    assert!(a.message.starts_with("offer not found"), "{}", a.message);
    assert!(
        a.message.contains("BAD_WAREHOUSE: warehouse is closed"),
        "{}",
        a.message
    );
    let b = &report.rejected[1];
    assert_eq!(b.message, "offer not found");
}

#[tokio::test]
async fn a_repeated_acceptance_counts_once() {
    let mut answer = BatchReport::new();
    for k in ["a", "a", "b", "a"] {
        answer.accept(k.to_owned());
    }
    let report = one_chunk(&["a", "b"], answer).await;
    assert_eq!(report.accepted, ["a", "b"]);
    assert!(report.rejected.is_empty() && report.warnings.is_empty());
}

#[tokio::test]
async fn outcomes_for_keys_never_sent_are_dropped_with_a_warning() {
    let mut answer = BatchReport::new();
    answer.accept("a".to_owned());
    answer.accept("ghost".to_owned());
    answer
        .rejected
        .push(rejection("phantom", "NOT_FOUND", "offer not found"));
    let report = one_chunk(&["a", "b"], answer).await;
    assert_eq!(report.accepted, ["a"]);
    // "b" was sent and not mentioned: rejected, not lost.
    assert_eq!(report.rejected.len(), 1);
    assert_eq!(report.rejected[0].key, "b");
    assert_eq!(report.rejected[0].code.as_deref(), Some("no_outcome"));
    assert_eq!(
        report.len(),
        2,
        "the report covers what was sent, nothing else"
    );
    let warned: Vec<&str> = report.warnings.iter().map(|w| w.key.as_str()).collect();
    assert_eq!(warned, ["ghost", "phantom"]);
    assert!(report.warnings[0].message.contains("not sent"));
    assert!(
        report.warnings[1]
            .message
            .contains("NOT_FOUND: offer not found")
    );
}

#[test]
fn from_chunk_drops_rejections_of_keys_never_sent_and_merges_repeats() {
    let report = BatchReport::from_chunk(
        keys(&["a", "b", "c"]),
        vec![
            rejection("b", "E1", "first"),
            rejection("b", "E2", "second"),
            rejection("zz", "E1", "never sent"),
        ],
    );
    assert_eq!(report.accepted, ["a", "c"]);
    assert_eq!(report.rejected.len(), 1);
    assert!(report.rejected[0].message.contains("first"));
    assert!(report.rejected[0].message.contains("second"));
    assert_eq!(report.warnings.len(), 1);
    assert_eq!(report.warnings[0].key, "zz");
}

#[test]
fn a_key_sent_twice_is_reported_as_often_as_it_was_sent() {
    let mut answer = BatchReport::new();
    answer.rejected.push(rejection("a", "E", "bad"));
    answer.accept("b".to_owned());
    let report = BatchReport::settle(&keys(&["a", "b", "a"]), answer);
    assert_eq!(report.len(), 3);
    assert_eq!(report.accepted, ["b"]);
    assert_eq!(report.rejected.len(), 2);
    assert!(
        report
            .rejected
            .iter()
            .all(|r| r.key == "a" && r.message == "bad")
    );
}

#[test]
fn warnings_follow_keys_and_survive_serde_and_old_reports_still_read() {
    let mut answer = BatchReport::new();
    answer.accept(ItemKey::offer("ghost"));
    let report = BatchReport::settle(&[ItemKey::offer("a")], answer);
    assert_eq!(report.warnings.len(), 1);
    let json = serde_json::to_string(&report).unwrap();
    let back: BatchReport = serde_json::from_str(&json).unwrap();
    assert_eq!(back, report);
    let mapped = report.map_keys(|k| k.offer_id);
    assert_eq!(mapped.warnings[0].key.as_str(), "ghost");
    // A report written before warnings existed, and one without any, look the same.
    let old: BatchReport = serde_json::from_str(r#"{"accepted":[],"rejected":[]}"#).unwrap();
    assert!(old.warnings.is_empty());
    assert!(!serde_json::to_string(&old).unwrap().contains("warnings"));
    let w = BatchWarning {
        key: "x".to_owned(),
        message: "m".to_owned(),
    };
    assert_eq!(w.clone(), w);
}

/// A `tracing` writer into a shared buffer.
#[derive(Clone, Default)]
struct Buffer(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Buffer {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn dropped_and_conflicting_outcomes_are_logged_as_warnings() {
    let buffer = Buffer::default();
    let writer = buffer.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::WARN)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    tracing::subscriber::with_default(subscriber, || {
        let mut answer = BatchReport::new();
        answer.accept("ghost".to_owned());
        answer.accept("a".to_owned());
        answer.rejected.push(rejection("a", "E", "bad"));
        BatchReport::settle(&keys(&["a"]), answer);
    });
    let log = String::from_utf8(buffer.0.lock().unwrap().clone()).unwrap();
    assert!(log.contains("WARN") && log.contains("unknown=1"), "{log}");
    assert!(log.contains("conflicts=1"), "{log}");
}

/// One outcome the vendor gives: for key `k{index}` (an index past the sent keys names a key
/// that was never sent), accepted, or rejected with one of a few codes.
#[derive(Debug, Clone)]
struct Said {
    index: usize,
    rejected_with: Option<u8>,
}

fn said() -> impl Strategy<Value = Said> {
    (0usize..60, proptest::option::of(0u8..3)).prop_map(|(index, rejected_with)| Said {
        index,
        rejected_with,
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// Whatever the vendor answers, chunk by chunk, each sent key appears exactly once, no
    /// other key appears, and the outcome is the one the answer implies.
    #[test]
    fn each_sent_key_appears_exactly_once(
        sent in 0usize..40,
        max in 1usize..15,
        answer in proptest::collection::vec(said(), 0..120),
    ) {
        let names: Vec<String> = (0..sent).map(|i| format!("k{i}")).collect();
        // Each chunk is answered with the whole list: for the other chunks' keys that is an
        // answer about keys this request did not send.
        let mut vendor = BatchReport::new();
        for s in &answer {
            let key = format!("k{}", s.index);
            match s.rejected_with {
                None => vendor.accept(key),
                Some(code) => vendor.rejected.push(rejection(&key, &format!("E{code}"), "no")),
            }
        }
        let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
        let report = runtime.block_on(run_batches(
            names.clone(),
            max,
            |k: &String| k.clone(),
            |_| Ok(()),
            |_chunk| {
                let v = vendor.clone();
                async move { Ok(v) }
            },
        ));
        let n = counts(&report);
        prop_assert_eq!(n.len(), sent);
        prop_assert_eq!(report.len(), sent);
        for k in &names {
            prop_assert_eq!(n.get(k), Some(&1), "{}", k);
        }
        for (i, k) in names.iter().enumerate() {
            let about: Vec<&Said> = answer.iter().filter(|s| s.index == i).collect();
            let first_rejection = about.iter().find_map(|s| s.rejected_with);
            let outcome = report.rejected.iter().find(|r| &r.key == k);
            match (about.is_empty(), first_rejection) {
                (true, _) => prop_assert_eq!(
                    outcome.and_then(|r| r.code.as_deref()), Some("no_outcome")),
                (false, None) => prop_assert!(report.accepted.contains(k)),
                (false, Some(code)) => {
                    let code = format!("E{code}");
                    prop_assert_eq!(outcome.and_then(|r| r.code.as_deref()), Some(code.as_str()));
                }
            }
        }
        // What was said about keys never sent is in the warnings, not in the outcomes.
        if sent > 0 {
            for s in answer.iter().filter(|s| s.index >= sent) {
                let key = format!("k{}", s.index);
                prop_assert!(report.warnings.iter().any(|w| w.key == key), "{}", key);
            }
        }
    }
}

#[test]
fn record_accepts_rejects_and_defers_by_the_vendor_error_list() {
    use std::time::Duration;
    let too_many = |c: &str| c.eq_ignore_ascii_case("TOO_MANY_REQUESTS");
    let mut report: BatchReport<&str> = BatchReport::new();
    report.record(
        "a",
        true,
        [],
        Some((&too_many, Some(Duration::from_secs(30)))),
    );
    report.record(
        "b",
        true,
        [("NOT_FOUND", "no such offer"), ("", "and more")],
        None,
    );
    report.record("c", false, [], None);
    report.record(
        "d",
        false,
        [("too_many_requests", "slow down")],
        Some((&too_many, Some(Duration::from_secs(30)))),
    );
    report.record("e", false, [("too_many_requests", "")], None);
    report.reject_invalid("f", "stock is negative");
    assert_eq!(report.accepted, ["a"]);
    let by_key = |k: &str| report.rejected.iter().find(|r| r.key == k).cloned();
    let b = by_key("b").unwrap();
    assert_eq!(b.stage, RejectionStage::Vendor);
    assert_eq!(b.code.as_deref(), Some("NOT_FOUND"));
    assert_eq!(b.message, "NOT_FOUND: no such offer; and more");
    assert_eq!(by_key("c").unwrap().message, "not updated");
    let d = by_key("d").unwrap();
    assert_eq!(d.stage, RejectionStage::RetryLater);
    assert_eq!(d.retry_after, Some(Duration::from_secs(30)));
    assert_eq!(by_key("e").unwrap().stage, RejectionStage::Vendor);
    let f = by_key("f").unwrap();
    assert_eq!(f.stage, RejectionStage::Validation);
    assert_eq!(f.code.as_deref(), Some("validation"));
}

#[test]
fn convert_each_keeps_order_and_names_every_refused_item() {
    let (ok, report) = market_core::batch::convert_each(
        &["7", "x", "9", ""],
        |s| (*s).to_owned(),
        |s| s.parse::<u8>().map_err(|e| format!("{s:?}: {e}")),
    );
    assert_eq!(ok, [("7".to_owned(), 7), ("9".to_owned(), 9)]);
    let keys: Vec<_> = report.rejected.iter().map(|r| r.key.as_str()).collect();
    assert_eq!(keys, ["x", ""]);
    assert!(report.accepted.is_empty());
    assert!(
        report
            .rejected
            .iter()
            .all(|r| r.stage == RejectionStage::Validation)
    );
}

#[test]
fn invalid_is_a_validation_error_without_an_item() {
    let e = market_core::Error::invalid("the window is longer than 30 days");
    assert!(matches!(
        &e,
        market_core::Error::Validation { item: None, message } if message.contains("30 days")
    ));
    assert_eq!(e.code(), "validation");
}
