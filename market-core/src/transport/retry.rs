//! Retry policy: exponential backoff with full jitter, bounded by attempts and total time,
//! and the server's own hints.

use std::time::{Duration, SystemTime};

use backon::BackoffBuilder;
use http::HeaderMap;

/// How a transport retries.
///
/// The base schedule is exponential (`initial`, doubling, capped at `max_delay`, from
/// [`backon::ExponentialBuilder`]); each delay is then drawn uniformly from `[0, base]`
/// ("full jitter"), so that many clients backing off together do not retry in lockstep. A delay
/// the server asks for (Retry-After, or a vendor header) replaces the drawn one exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    /// Attempts in all, the first included (1 disables retries).
    pub max_attempts: u32,
    /// The first base delay.
    pub initial_delay: Duration,
    /// The largest base delay.
    pub max_delay: Duration,
    /// The budget for the whole call, retries and waits included: a retry that would end
    /// after it is not made, and the last error is returned.
    pub max_elapsed: Duration,
    /// Whether to draw delays with full jitter (on by default; off makes delays exact, for
    /// tests and demos).
    pub jitter: bool,
}

impl Default for RetryPolicy {
    fn default() -> Self {
        Self {
            max_attempts: 5,
            initial_delay: Duration::from_millis(500),
            max_delay: Duration::from_secs(30),
            max_elapsed: Duration::from_secs(120),
            jitter: true,
        }
    }
}

impl RetryPolicy {
    /// A policy that never retries.
    pub fn never() -> Self {
        Self {
            max_attempts: 1,
            ..Self::default()
        }
    }

    /// The base delays between attempts, in order (`max_attempts - 1` of them).
    pub fn schedule(&self) -> impl Iterator<Item = Duration> + use<> {
        backon::ExponentialBuilder::default()
            .with_min_delay(self.initial_delay)
            .with_max_delay(self.max_delay)
            .with_factor(2.0)
            .with_max_times(self.max_attempts.saturating_sub(1) as usize)
            .build()
    }

    /// Applies the policy's jitter to a base delay.
    pub fn jittered(&self, base: Duration) -> Duration {
        if self.jitter {
            base.mul_f64(fastrand::f64())
        } else {
            base
        }
    }
}

/// The longest wait a standard `Retry-After` header is taken for: one hour.
///
/// The standard header is what any proxy, firewall or load balancer in the path may send, and
/// no vendor of this workspace documents a `Retry-After` beyond minutes (Yandex Market's crate
/// caps its own quota header at an hour too). A larger value (`1000000000`, a date in year
/// 9999) is read as an hour, so that one absurd answer pauses a limit group for an hour at
/// most, not for a day or forever. Vendor headers that document longer waits (Ozon's
/// `Item-Retry-After`, up to the daily reset) are read by their vendor hooks and bounded by
/// [`super::MAX_PAUSE`] in the transport.
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(3600);

/// Reads a standard `Retry-After` header: delta-seconds (`"7"`) or an HTTP-date
/// (`"Wed, 21 Oct 2026 07:28:00 GMT"`, relative to the system clock; a past date means 0).
/// At most [`MAX_RETRY_AFTER`].
pub fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    let value = headers
        .get(http::header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim();
    parse_retry_after(value, SystemTime::now())
}

/// Parses a `Retry-After` value against `now`: delta-seconds (whole or fractional) or an
/// HTTP-date. Never panics: a value beyond [`MAX_RETRY_AFTER`] (however large: `1e19`,
/// `18446744073709551615`, a date in year 9999) saturates to it; a negative, NaN or
/// unreadable value is `None`; a past date is zero.
pub fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    parse_retry_after_uncapped(value.trim(), now).map(|d| d.min(MAX_RETRY_AFTER))
}

fn parse_retry_after_uncapped(value: &str, now: SystemTime) -> Option<Duration> {
    if let Ok(secs) = value.parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    if let Some(d) = parse_seconds(value) {
        return Some(d);
    }
    let at = httpdate::parse_http_date(value).ok()?;
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

/// A non-negative number of seconds (integer, fractional or exponent form) as a duration,
/// saturating at [`Duration::MAX`] (`1e400` and `inf` included); `None` for negative, NaN or
/// text that is not a number.
fn parse_seconds(value: &str) -> Option<Duration> {
    let secs = value.parse::<f64>().ok()?;
    if secs.is_nan() || secs < 0.0 {
        return None;
    }
    if secs == 0.0 {
        // `-0` too, which `try_from_secs_f64` refuses as negative.
        return Some(Duration::ZERO);
    }
    Some(Duration::try_from_secs_f64(secs).unwrap_or(Duration::MAX))
}

/// Reads a header as a number of seconds (integer or fractional), as WB's
/// `X-Ratelimit-Retry` and `X-Ratelimit-Reset` are. Never panics: a value beyond
/// [`super::MAX_PAUSE`] (`1e19`, `inf`) saturates to it; a negative, NaN or unreadable value
/// is `None`.
pub fn seconds_header(headers: &HeaderMap, name: &str) -> Option<Duration> {
    let value = headers.get(name)?.to_str().ok()?.trim();
    parse_seconds(value).map(|d| d.min(super::MAX_PAUSE))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schedule_doubles_up_to_the_cap() {
        let p = RetryPolicy {
            max_attempts: 6,
            initial_delay: Duration::from_secs(1),
            max_delay: Duration::from_secs(5),
            ..RetryPolicy::default()
        };
        let delays: Vec<_> = p.schedule().collect();
        assert_eq!(
            delays,
            [1, 2, 4, 5, 5].map(Duration::from_secs).to_vec(),
            "base delays"
        );
    }

    #[test]
    fn full_jitter_stays_within_the_base() {
        let p = RetryPolicy::default();
        for _ in 0..1000 {
            let d = p.jittered(Duration::from_secs(4));
            assert!(d <= Duration::from_secs(4));
        }
        let exact = RetryPolicy { jitter: false, ..p };
        assert_eq!(
            exact.jittered(Duration::from_secs(4)),
            Duration::from_secs(4)
        );
    }

    #[test]
    fn retry_after_in_both_forms() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        assert_eq!(parse_retry_after("7", now), Some(Duration::from_secs(7)));
        assert_eq!(
            parse_retry_after("1.5", now),
            Some(Duration::from_millis(1500))
        );
        let later = httpdate::fmt_http_date(now + Duration::from_secs(30));
        assert_eq!(
            parse_retry_after(&later, now),
            Some(Duration::from_secs(30))
        );
        let past = httpdate::fmt_http_date(now - Duration::from_secs(30));
        assert_eq!(parse_retry_after(&past, now), Some(Duration::ZERO));
        assert_eq!(parse_retry_after("soon", now), None);
        assert_eq!(parse_retry_after("-3", now), None);
    }

    #[test]
    fn absurd_retry_after_values_saturate_or_are_refused_never_panic() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        for huge in [
            "18446744073709551615",
            "99999999999999999999999",
            "1000000000",
            "1e19",
            "1e400",
            "inf",
            "Fri, 31 Dec 9999 23:59:59 GMT",
        ] {
            assert_eq!(
                parse_retry_after(huge, now),
                Some(MAX_RETRY_AFTER),
                "{huge}"
            );
        }
        assert_eq!(parse_retry_after("3600", now), Some(MAX_RETRY_AFTER));
        assert_eq!(
            parse_retry_after("3599.5", now),
            Some(Duration::from_millis(3_599_500))
        );
        for odd in ["-1", "-1e19", "NaN", "nan", "", "1 h", "0x10"] {
            assert_eq!(parse_retry_after(odd, now), None, "{odd}");
        }
        assert_eq!(parse_retry_after("-0", now), Some(Duration::ZERO));
        // A date before the epoch of `now` (a clock far behind) is a past date.
        assert_eq!(
            parse_retry_after("Thu, 01 Jan 1970 00:00:00 GMT", now),
            Some(Duration::ZERO)
        );
    }

    #[test]
    fn seconds_headers_saturate_at_the_longest_pause() {
        let mut h = HeaderMap::new();
        let mut read = |v: &'static str| {
            h.insert("x-ratelimit-reset", http::HeaderValue::from_static(v));
            seconds_header(&h, "x-ratelimit-reset")
        };
        assert_eq!(read("1.5"), Some(Duration::from_millis(1500)));
        for huge in ["1e19", "18446744073709551615", "1e400", "inf", "1000000000"] {
            assert_eq!(read(huge), Some(super::super::MAX_PAUSE), "{huge}");
        }
        for odd in ["-1", "NaN", "soon", ""] {
            assert_eq!(read(odd), None, "{odd}");
        }
    }
}
