//! Rate limits per (account, limit group): GCRA from [`governor`], on tokio's clock.
//!
//! A vendor documents its quotas per group of methods ("100 requests a minute for stock
//! updates"), sometimes counting items rather than requests (Yandex Market counts offers), and
//! sometimes capping parallel requests. A [`RateLimit`] says that once; the transport waits for
//! a permit before every attempt, so the documented quota is reached and no 429 is provoked.
//! What the server says back (remaining quota, reset time, a changed limit) adjusts the limiter
//! through [`RateFeedback`].

use std::collections::HashMap;
use std::fmt;
use std::num::NonZeroU32;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use governor::clock::Clock;
use governor::middleware::NoOpMiddleware;
use governor::state::{InMemoryState, NotKeyed};
use governor::{Quota, RateLimiter};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use tokio::time::Instant;

/// What a quota counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum QuotaUnit {
    /// Each request costs one.
    Requests,
    /// Each request costs the number of items it carries (its [`super::Request::weight`]).
    Items,
}

/// A documented quota of one limit group: `count` units per `period`, with a burst.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RateLimit {
    /// Units allowed per period.
    pub count: u32,
    /// The period.
    pub period: Duration,
    /// Units that may be spent at once after a quiet time (defaults to `count`, the whole
    /// period's allowance, as most vendors count per fixed window; lower it to smooth).
    pub burst: u32,
    /// What is counted.
    pub unit: QuotaUnit,
    /// At most this many requests of the group in flight at once.
    pub max_concurrent: Option<u32>,
}

impl RateLimit {
    /// `count` requests per `period`, burst `count`.
    pub const fn per(count: u32, period: Duration) -> Self {
        Self {
            count,
            period,
            burst: count,
            unit: QuotaUnit::Requests,
            max_concurrent: None,
        }
    }

    /// `count` requests a second.
    pub const fn per_second(count: u32) -> Self {
        Self::per(count, Duration::from_secs(1))
    }

    /// `count` requests a minute.
    pub const fn per_minute(count: u32) -> Self {
        Self::per(count, Duration::from_secs(60))
    }

    /// Sets the burst.
    pub const fn with_burst(mut self, burst: u32) -> Self {
        self.burst = burst;
        self
    }

    /// Counts items rather than requests.
    pub const fn counting_items(mut self) -> Self {
        self.unit = QuotaUnit::Items;
        self
    }

    /// Caps parallel requests.
    pub const fn max_concurrent(mut self, n: u32) -> Self {
        self.max_concurrent = Some(n);
        self
    }

    fn quota(&self) -> Option<Quota> {
        let count = NonZeroU32::new(self.count)?;
        let burst = NonZeroU32::new(self.burst).unwrap_or(count);
        let cell = self.period.checked_div(count.get())?;
        Quota::with_period(cell).map(|q| q.allow_burst(burst))
    }
}

/// What a response said about the quota, read by the vendor hook from its headers.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RateFeedback {
    /// Units left in the current window.
    pub remaining: Option<u64>,
    /// Time until the window resets (or until the next request is allowed).
    pub reset_after: Option<Duration>,
    /// The limit the server says applies, when it differs from the documented default.
    pub limit: Option<RateLimit>,
    /// A count the server says applies over the group's documented period, for vendors that
    /// announce a count without its period; taken only when lower than the documented count.
    pub limit_count: Option<u32>,
    /// The bucket's size (the burst) the server says applies, for token-bucket vendors that
    /// announce it (WB's `X-Ratelimit-Limit`); taken only when lower than the documented burst.
    pub limit_burst: Option<u32>,
}

/// governor's clock reading tokio's time, so that limits follow `tokio::time::pause()` in tests.
#[derive(Debug, Clone, Copy, Default)]
pub struct TokioClock;

impl Clock for TokioClock {
    type Instant = std::time::Instant;

    fn now(&self) -> Self::Instant {
        Instant::now().into_std()
    }
}

/// The longest a server's quota answer may pause a group (a daily quota spent).
pub const MAX_PAUSE: Duration = Duration::from_secs(24 * 3600);

/// A bound on the units owed, so that a storm of refusals cannot stall a group for hours.
const MAX_DEBT: u32 = 10_000;

type Gcra = RateLimiter<NotKeyed, InMemoryState, TokioClock, NoOpMiddleware<std::time::Instant>>;

/// The live limiter of one (account, group).
pub(crate) struct GroupLimiter {
    state: Mutex<GroupState>,
    semaphore: Option<Arc<Semaphore>>,
}

struct GroupState {
    spec: RateLimit,
    gcra: Option<Arc<Gcra>>,
    paused_until: Option<Instant>,
    /// Units the server charged beyond the requests themselves (WB counts a refused request
    /// as ten), taken before the next request goes.
    debt: u32,
}

/// Why a request cannot get its permit before the call's deadline.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Blocked {
    /// The server paused the group (its quota is spent) for this much longer.
    Paused(Duration),
    /// The group's own quota frees the request's units only after this wait.
    Quota(Duration),
    /// The group's in-flight slots stayed taken until after the deadline.
    Slots,
}

/// True when a wait of `wait` from `now` ends by `deadline` (`None`: no deadline).
fn fits(now: Instant, wait: Duration, deadline: Option<Instant>) -> bool {
    match deadline {
        None => true,
        Some(d) => now.checked_add(wait).is_some_and(|end| end <= d),
    }
}

/// Held while a request is in flight; releases the concurrency slot when dropped.
pub(crate) struct Permit {
    _slot: Option<OwnedSemaphorePermit>,
}

fn lock(m: &Mutex<GroupState>) -> MutexGuard<'_, GroupState> {
    // A poisoned lock only means another task panicked while holding it; the state (a few
    // numbers) is still consistent, so carry on rather than propagate the panic.
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl GroupLimiter {
    fn new(spec: RateLimit) -> Self {
        Self {
            semaphore: spec
                .max_concurrent
                .map(|n| Arc::new(Semaphore::new(n.max(1) as usize))),
            state: Mutex::new(GroupState {
                gcra: spec
                    .quota()
                    .map(|q| Arc::new(RateLimiter::direct_with_clock(q, TokioClock))),
                spec,
                paused_until: None,
                debt: 0,
            }),
        }
    }

    /// Waits until a request of `weight` units may go, then holds a concurrency slot; or,
    /// when that wait would end after `deadline` (the call's retry budget), says why at once
    /// instead of sleeping: a server's pause, the group's own quota, or its in-flight slots.
    pub(crate) async fn acquire(
        &self,
        weight: u32,
        deadline: Option<Instant>,
    ) -> Result<Permit, Blocked> {
        // A group paused past the deadline fails before it waits for a slot.
        if let Some(wait) = self.paused_for()
            && !fits(Instant::now(), wait, deadline)
        {
            return Err(Blocked::Paused(wait));
        }
        let slot = match &self.semaphore {
            // The semaphore is never closed, so acquire_owned cannot fail; if it ever did,
            // going on without a slot is better than failing the call.
            Some(s) => {
                let slot = s.clone().acquire_owned().await.ok();
                // A slot frees when a request ends (each bounded by the request timeout), so
                // the wait is not timed; a call whose budget ran out meanwhile is not sent.
                if deadline.is_some_and(|d| Instant::now() > d) {
                    return Err(Blocked::Slots);
                }
                slot
            }
            None => None,
        };
        loop {
            let (gcra, paused_until, unit, burst) = {
                let st = lock(&self.state);
                (
                    st.gcra.clone(),
                    st.paused_until,
                    st.spec.unit,
                    st.spec.burst,
                )
            };
            let now = Instant::now();
            if let Some(until) = paused_until
                && until > now
            {
                let wait = until - now;
                if !fits(now, wait, deadline) {
                    return Err(Blocked::Paused(wait));
                }
                tokio::time::sleep_until(until).await;
                continue;
            }
            let Some(gcra) = gcra else { break };
            // A debt is paid first, a burst at a time (a larger check could never pass).
            let debt = lock(&self.state).debt.min(burst.max(1));
            if debt > 0 {
                let n = NonZeroU32::new(debt).unwrap_or(NonZeroU32::MIN);
                match gcra.check_n(n) {
                    Ok(Ok(())) => {
                        let mut st = lock(&self.state);
                        st.debt = st.debt.saturating_sub(debt);
                        continue;
                    }
                    Ok(Err(not_until)) => {
                        let wait = not_until.wait_time_from(TokioClock.now());
                        if !fits(now, wait, deadline) {
                            return Err(Blocked::Quota(wait));
                        }
                        tokio::time::sleep(wait).await;
                        continue;
                    }
                    Err(_) => {
                        lock(&self.state).debt = 0;
                        continue;
                    }
                }
            }
            let cells = match unit {
                QuotaUnit::Requests => 1,
                // A request heavier than the burst can never fit: let it take the whole burst.
                QuotaUnit::Items => weight.clamp(1, burst.max(1)),
            };
            let n = NonZeroU32::new(cells).unwrap_or(NonZeroU32::MIN);
            match gcra.check_n(n) {
                Ok(Ok(())) => break,
                Ok(Err(not_until)) => {
                    let wait = not_until.wait_time_from(TokioClock.now());
                    if !fits(now, wait, deadline) {
                        return Err(Blocked::Quota(wait));
                    }
                    tokio::time::sleep(wait).await;
                }
                // Cannot happen after the clamp above; do not block forever if it does.
                Err(_) => break,
            }
        }
        Ok(Permit { _slot: slot })
    }

    /// Charges `units` beyond the request itself (the server counts a refusal as several
    /// requests); the group's next request waits for them.
    pub(crate) fn charge(&self, units: u32) {
        if units > 0 {
            let mut st = lock(&self.state);
            st.debt = st.debt.saturating_add(units).min(MAX_DEBT);
        }
    }

    /// How long the group is still paused by a server's quota answer, if it is.
    pub(crate) fn paused_for(&self) -> Option<Duration> {
        let until = lock(&self.state).paused_until?;
        let now = Instant::now();
        (until > now).then(|| until - now)
    }

    /// Stops every request of the group for `wait` (the server said the quota is spent), at
    /// most [`MAX_PAUSE`]: a server's absurd hint must neither overflow the clock nor outlive
    /// the process's patience (calls fail fast meanwhile, see the transport).
    pub(crate) fn pause_for(&self, wait: Duration) {
        let now = Instant::now();
        if let Some(until) = now.checked_add(wait.min(MAX_PAUSE)) {
            self.pause_until(until);
        }
    }

    /// Stops every request of the group until `until` (the server said the quota is spent).
    pub(crate) fn pause_until(&self, until: Instant) {
        let mut st = lock(&self.state);
        if st.paused_until.is_none_or(|p| p < until) {
            st.paused_until = Some(until);
        }
    }

    /// Applies what the server said about the quota.
    pub(crate) fn feedback(&self, fb: &RateFeedback) {
        let announced = fb.limit.or_else(|| {
            if fb.limit_count.is_none() && fb.limit_burst.is_none() {
                return None;
            }
            // Announced without a period, a count or burst is taken only when it is stricter
            // than the documented one: a larger one read wrongly would provoke refusals.
            let spec = lock(&self.state).spec;
            let count = fb.limit_count.map_or(spec.count, |c| c.min(spec.count));
            Some(RateLimit {
                count,
                burst: fb
                    .limit_burst
                    .map_or(spec.burst, |b| b.min(spec.burst))
                    .min(count),
                ..spec
            })
        });
        if let Some(limit) = announced {
            let mut st = lock(&self.state);
            if limit.count > 0
                && (limit.count != st.spec.count
                    || limit.period != st.spec.period
                    || limit.burst.min(limit.count).max(1) != st.spec.burst)
            {
                let spec = RateLimit {
                    max_concurrent: st.spec.max_concurrent,
                    unit: st.spec.unit,
                    burst: limit.burst.min(limit.count).max(1),
                    ..limit
                };
                st.gcra = spec
                    .quota()
                    .map(|q| Arc::new(RateLimiter::direct_with_clock(q, TokioClock)));
                st.spec = spec;
            }
        }
        if fb.remaining == Some(0)
            && let Some(reset) = fb.reset_after
        {
            self.pause_for(reset);
        }
    }

    /// The quota now in force.
    pub(crate) fn spec(&self) -> RateLimit {
        lock(&self.state).spec
    }
}

/// The limiters of many accounts and groups. One registry may be shared by several clients
/// of the same account (`TransportBuilder::limits`), so that together they stay within the
/// account's quota.
#[derive(Default)]
pub struct LimitRegistry {
    /// By account, then group: looked up by `&str` on every call, so a hit allocates nothing.
    groups: Mutex<HashMap<String, HashMap<String, Arc<GroupLimiter>>>>,
}

impl fmt::Debug for LimitRegistry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let groups = self
            .groups
            .lock()
            .map(|g| g.values().map(HashMap::len).sum::<usize>())
            .unwrap_or(0);
        f.debug_struct("LimitRegistry")
            .field("groups", &groups)
            .finish()
    }
}

impl LimitRegistry {
    /// An empty registry.
    pub fn new() -> Arc<Self> {
        Arc::new(Self::default())
    }

    /// The limiter of (account, group), created with `spec` on first use.
    pub(crate) fn group(&self, account: &str, group: &str, spec: RateLimit) -> Arc<GroupLimiter> {
        let mut groups = self.groups.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(limiter) = groups.get(account).and_then(|g| g.get(group)) {
            return Arc::clone(limiter);
        }
        groups
            .entry(account.to_owned())
            .or_default()
            .entry(group.to_owned())
            .or_insert_with(|| Arc::new(GroupLimiter::new(spec)))
            .clone()
    }

    /// The quota in force for (account, group), if that group has been used.
    pub fn current(&self, account: &str, group: &str) -> Option<RateLimit> {
        let groups = self.groups.lock().unwrap_or_else(|e| e.into_inner());
        groups
            .get(account)
            .and_then(|g| g.get(group))
            .map(|g| g.spec())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test(start_paused = true)]
    async fn parallel_requests_are_capped() {
        let g = GroupLimiter::new(RateLimit::per_second(1000).max_concurrent(2));
        let a = g.acquire(1, None).await;
        let _b = g.acquire(1, None).await;
        // A third must wait for a slot, however long.
        let third = tokio::time::timeout(Duration::from_secs(3600), g.acquire(1, None)).await;
        assert!(
            third.is_err(),
            "a third request got a slot while two were in flight"
        );
        drop(a);
        let third = tokio::time::timeout(Duration::from_millis(1), g.acquire(1, None)).await;
        assert!(third.is_ok(), "a freed slot was not handed on");
    }

    #[tokio::test(start_paused = true)]
    async fn a_limit_reported_by_the_server_replaces_the_default() {
        let g = GroupLimiter::new(RateLimit::per_second(100));
        g.feedback(&RateFeedback {
            limit: Some(RateLimit::per_second(2)),
            ..RateFeedback::default()
        });
        assert_eq!(g.spec().count, 2);
        let start = Instant::now();
        for _ in 0..6 {
            let _ = g.acquire(1, None).await;
        }
        // Burst 2, then one every 0.5 s: four more take 2 s.
        assert_eq!(start.elapsed(), Duration::from_secs(2));
    }

    #[tokio::test(start_paused = true)]
    async fn a_count_announced_without_a_period_keeps_the_documented_period() {
        let g = GroupLimiter::new(RateLimit::per_minute(300).with_burst(20));
        g.feedback(&RateFeedback {
            limit_count: Some(60),
            ..RateFeedback::default()
        });
        let spec = g.spec();
        assert_eq!(spec.count, 60);
        assert_eq!(spec.period, Duration::from_secs(60));
        assert_eq!(spec.burst, 20);
        let start = Instant::now();
        for _ in 0..21 {
            let _ = g.acquire(1, None).await;
        }
        // Burst 20, then one a second.
        assert_eq!(start.elapsed(), Duration::from_secs(1));
        // The same count again changes nothing.
        g.feedback(&RateFeedback {
            limit_count: Some(60),
            ..RateFeedback::default()
        });
        assert_eq!(g.spec().count, 60);
        // A bucket size announced alone changes the burst only.
        g.feedback(&RateFeedback {
            limit_burst: Some(5),
            ..RateFeedback::default()
        });
        let spec = g.spec();
        assert_eq!((spec.count, spec.burst), (60, 5));
        assert_eq!(spec.period, Duration::from_secs(60));
        // Larger announced values are not taken: a misreading must not provoke refusals.
        g.feedback(&RateFeedback {
            limit_count: Some(1000),
            limit_burst: Some(500),
            ..RateFeedback::default()
        });
        let spec = g.spec();
        assert_eq!((spec.count, spec.burst), (60, 5));
    }

    #[tokio::test(start_paused = true)]
    async fn an_item_heavier_than_the_burst_takes_the_whole_burst_instead_of_blocking() {
        let g = GroupLimiter::new(RateLimit::per_minute(100).counting_items());
        let start = Instant::now();
        let _ = g.acquire(500, None).await;
        let _ = g.acquire(1, None).await;
        assert!(
            start.elapsed() <= Duration::from_secs(1),
            "{:?}",
            start.elapsed()
        );
    }

    #[tokio::test(start_paused = true)]
    async fn a_wait_past_the_deadline_is_refused_at_once_saying_how_long() {
        let start = Instant::now();
        let deadline = Some(start + Duration::from_secs(600));
        // The group's own quota: one request an hour.
        let g = GroupLimiter::new(RateLimit::per(1, Duration::from_secs(3600)));
        assert!(g.acquire(1, deadline).await.is_ok());
        assert_eq!(
            g.acquire(1, deadline).await.err(),
            Some(Blocked::Quota(Duration::from_secs(3600)))
        );
        // A wait that fits is waited.
        let g = GroupLimiter::new(RateLimit::per(1, Duration::from_secs(60)));
        assert!(g.acquire(1, deadline).await.is_ok());
        assert!(g.acquire(1, deadline).await.is_ok());
        assert_eq!(start.elapsed(), Duration::from_secs(60));
        // A server's pause, however absurd, is a day at most and refused past the deadline.
        g.pause_for(Duration::MAX);
        assert_eq!(
            g.acquire(1, deadline).await.err(),
            Some(Blocked::Paused(MAX_PAUSE))
        );
        assert_eq!(start.elapsed(), Duration::from_secs(60));
        // In-flight slots held past the deadline.
        let g = GroupLimiter::new(RateLimit::per_second(1000).max_concurrent(1));
        let held = g.acquire(1, deadline).await;
        assert!(held.is_ok());
        let release = async {
            tokio::time::sleep(Duration::from_secs(10)).await;
            drop(held);
        };
        let soon = Some(Instant::now() + Duration::from_secs(5));
        let ((), waited) = tokio::join!(release, g.acquire(1, soon));
        assert_eq!(waited.err(), Some(Blocked::Slots));
        assert_eq!(start.elapsed(), Duration::from_secs(70));
    }

    #[test]
    fn zero_quotas_mean_no_limiter_rather_than_a_panic() {
        assert!(RateLimit::per_second(0).quota().is_none());
        assert!(RateLimit::per(5, Duration::ZERO).quota().is_none());
        assert!(RateLimit::per_second(5).with_burst(0).quota().is_some());
    }
}
