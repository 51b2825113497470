//! `market_core::task::poll`: reads a vendor task until done, waits growing and bounded by
//! the budget (tokio's paused clock), and ends with the result, the vendor's failure or a
//! timeout.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::Duration;

use market_core::Error;
use market_core::task::{PollPolicy, TaskState, poll};
use tokio::time::Instant;

/// A task that is pending for `pending` reads, then `last`; records when each read happened.
async fn run(
    pending: usize,
    last: TaskState<&'static str>,
    policy: PollPolicy,
) -> (market_core::Result<&'static str>, Vec<Duration>) {
    let start = Instant::now();
    let mut reads = Vec::new();
    let result = poll("vendor", "task_get", 7, policy, || {
        reads.push(start.elapsed());
        let state = if reads.len() <= pending {
            TaskState::Pending
        } else {
            last.clone()
        };
        async move { Ok(state) }
    })
    .await;
    (result, reads)
}

#[tokio::test(start_paused = true)]
async fn waits_grow_by_half_up_to_the_longest_and_the_result_is_returned() {
    let policy = PollPolicy {
        every: Duration::from_secs(2),
        max_every: Duration::from_secs(4),
        budget: Duration::from_secs(60),
    };
    let (result, reads) = run(4, TaskState::Done("file"), policy).await;
    assert_eq!(result.unwrap(), "file");
    let secs: Vec<u64> = reads.iter().map(Duration::as_secs).collect();
    // Waits of 2, 3, 4 (4.5 capped), 4 s.
    assert_eq!(secs, [0, 2, 5, 9, 13]);
}

#[tokio::test(start_paused = true)]
async fn a_task_still_pending_after_the_budget_is_a_timeout_after_one_last_read() {
    let policy = PollPolicy::fixed(Duration::from_secs(3), Duration::from_secs(10));
    let (result, reads) = run(usize::MAX, TaskState::Done("never"), policy).await;
    let secs: Vec<u64> = reads.iter().map(Duration::as_secs).collect();
    // 3 + 3 + 3 + the 1 s left of the budget, then the last read.
    assert_eq!(secs, [0, 3, 6, 9, 10]);
    match result.unwrap_err() {
        Error::Timeout {
            vendor,
            operation,
            elapsed,
        } => {
            assert_eq!((vendor, operation), ("vendor", "task_get"));
            assert_eq!(elapsed, Duration::from_secs(10));
        }
        e => panic!("{e:?}"),
    }
}

#[tokio::test(start_paused = true)]
async fn a_failed_task_is_task_failed_with_the_vendors_code() {
    let failed = TaskState::Failed {
        code: Some("NO_POSTINGS".into()),
        message: "nothing to print".into(),
    };
    let (result, reads) = run(1, failed, PollPolicy::default()).await;
    assert_eq!(reads.len(), 2);
    let err = result.unwrap_err();
    assert_eq!(err.code(), "NO_POSTINGS");
    assert_eq!(
        err.to_string(),
        "vendor task_get: task 7 failed [NO_POSTINGS]: nothing to print"
    );
    assert!(!err.is_retryable());
}

#[tokio::test(start_paused = true)]
async fn a_failed_read_is_returned_at_once_and_a_zero_interval_reads_nothing() {
    let mut reads = 0;
    let err = poll::<(), _, _>("vendor", "task_get", 7, PollPolicy::default(), || {
        reads += 1;
        async { Err(Error::invalid("the read broke")) }
    })
    .await
    .unwrap_err();
    assert_eq!(reads, 1);
    assert!(err.to_string().contains("the read broke"));

    let mut reads = 0;
    let policy = PollPolicy::fixed(Duration::ZERO, Duration::from_secs(1));
    let err = poll::<(), _, _>("vendor", "task_get", 7, policy, || {
        reads += 1;
        async { Ok(TaskState::Pending) }
    })
    .await
    .unwrap_err();
    assert_eq!(reads, 0);
    assert!(matches!(err, Error::Validation { .. }), "{err:?}");
}

#[tokio::test(start_paused = true)]
async fn an_absurd_policy_neither_panics_nor_overruns_its_budget() {
    let policy = PollPolicy {
        every: Duration::MAX,
        max_every: Duration::MAX,
        budget: Duration::from_secs(5),
    };
    let (result, reads) = run(usize::MAX, TaskState::Done("x"), policy).await;
    assert!(matches!(result, Err(Error::Timeout { .. })));
    let secs: Vec<u64> = reads.iter().map(Duration::as_secs).collect();
    assert_eq!(secs, [0, 5]);
}
