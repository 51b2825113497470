//! Vendor tasks: "create a task, poll its state, fetch the result".
//!
//! Reports, label files and imports often run as tasks on the vendor's side: one call starts
//! it, another reads its state until it is done, and the result (a file URL, a report id) is
//! then fetched. [`poll`] is the waiting part, once for every vendor crate: it reads the state
//! with the caller's closure, waits between reads (growing from [`PollPolicy::every`] to
//! [`PollPolicy::max_every`]), counts every wait against [`PollPolicy::budget`], and ends with
//! the result, [`Error::TaskFailed`] when the vendor says the task failed, or
//! [`Error::Timeout`] when the budget is spent. The reads themselves go through the client's
//! transport (retries, rate limits), so a read that fails is returned at once: the transport
//! has already retried what could be.
//!
//! ```
//! use std::time::Duration;
//! use market_core::task::{PollPolicy, TaskState, poll};
//!
//! # tokio::runtime::Builder::new_current_thread().enable_time().start_paused(true).build()?.block_on(async {
//! let mut reads = 0;
//! let url = poll("ozon", "label_task_get", "42", PollPolicy::default(), || {
//!     reads += 1;
//!     let state = if reads < 3 { TaskState::Pending } else { TaskState::Done("https://cdn/l.pdf") };
//!     async move { Ok(state) }
//! })
//! .await?;
//! assert_eq!((url, reads), ("https://cdn/l.pdf", 3));
//! # Ok::<(), market_core::Error>(()) })?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::future::Future;
use std::time::Duration;

use crate::{Error, Result};

/// What one read of a task's state says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TaskState<T> {
    /// Not done yet: read again later.
    Pending,
    /// Done, with its result.
    Done(T),
    /// The vendor says it failed: its code, when it gives one, and its message.
    Failed {
        /// The vendor's error code.
        code: Option<String>,
        /// What the vendor said.
        message: String,
    },
}

/// How [`poll`] waits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PollPolicy {
    /// The first wait between two reads.
    pub every: Duration,
    /// The longest wait between two reads: each wait is half again as long as the one before,
    /// up to this.
    pub max_every: Duration,
    /// The most time spent waiting in all; the task is read once more at the end of it.
    pub budget: Duration,
}

impl Default for PollPolicy {
    /// Every second at first, at most every 10 s, for at most 5 minutes.
    fn default() -> Self {
        Self {
            every: Duration::from_secs(1),
            max_every: Duration::from_secs(10),
            budget: Duration::from_secs(300),
        }
    }
}

impl PollPolicy {
    /// Reads every `every` (no growth) for at most `budget` of waiting.
    pub fn fixed(every: Duration, budget: Duration) -> Self {
        Self {
            every,
            max_every: every,
            budget,
        }
    }
}

/// Reads a vendor task's state with `read` until it is done or failed, waiting as `policy`
/// says between reads (on tokio's clock). `task` names the task in errors.
///
/// # Errors
/// - [`Error::Validation`] when `policy.every` is zero (nothing is read);
/// - whatever a read returns, at once;
/// - [`Error::TaskFailed`] when a read says [`TaskState::Failed`];
/// - [`Error::Timeout`] (`elapsed` = the time waited) when the task is still pending after
///   `policy.budget` of waiting and one last read.
pub async fn poll<T, F, Fut>(
    vendor: &'static str,
    operation: &'static str,
    task: impl std::fmt::Display,
    policy: PollPolicy,
    mut read: F,
) -> Result<T>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<TaskState<T>>>,
{
    if policy.every.is_zero() {
        return Err(Error::validation(
            format!("task {task}"),
            "the poll interval must be above zero",
        ));
    }
    let mut waited = Duration::ZERO;
    let mut step = policy.every;
    loop {
        match read().await? {
            TaskState::Done(result) => return Ok(result),
            TaskState::Failed { code, message } => {
                return Err(Error::TaskFailed {
                    vendor,
                    operation,
                    task: task.to_string(),
                    code,
                    message,
                });
            }
            TaskState::Pending => {}
        }
        if waited >= policy.budget {
            return Err(Error::Timeout {
                vendor,
                operation,
                elapsed: waited,
            });
        }
        let wait = step.min(policy.budget.saturating_sub(waited));
        tokio::time::sleep(wait).await;
        waited = waited.saturating_add(wait);
        step = step
            .saturating_add(step / 2)
            .min(policy.max_every.max(policy.every));
    }
}
