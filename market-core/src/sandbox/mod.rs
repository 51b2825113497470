//! Scaffolding for the vendor crates' local emulators (feature `sandbox`).
//!
//! A vendor crate's `sandbox` module keeps the state of a fake seller account (warehouses,
//! cards, stocks, prices, orders) behind wiremock responders that speak the vendor's wire
//! format. What every emulator needs is here, once:
//!
//! - [`Faults`]: injected failures (429, 5xx, slow answers, cut bodies) by schedule or by
//!   probability, from a seed, so a test or a demo can prove the client survives them;
//! - [`RequestLog`]: a count of every request received, by method and path, so a test can prove
//!   nothing was sent twice;
//! - [`WindowLimit`]: a fixed-window rate limit per key, to answer 429 the way the vendor does;
//! - [`Shell`]: the server, routing by the crate's `Operation` statics, state lock, credentials,
//!   faults, quotas ([`Limiter`]) and request log around a vendor's [`Emulate`] implementation,
//!   so that each emulator holds only its vendor's behaviour.

use std::collections::{HashMap, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub use wiremock;

mod shell;
pub use shell::{
    Admitted, Answer, Call, Charge, DEFAULT_TOLERANCE, Emulate, Limiter, Quota, Refusal, Refused,
    Shell, match_path, route,
};
use wiremock::ResponseTemplate;

/// One injected failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Answer "too many requests" the vendor's way (the emulator builds the body).
    RateLimited,
    /// Answer 500 (or the emulator's 5xx).
    ServerError,
    /// Answer normally after this delay.
    Slow(Duration),
    /// Answer normally but with the JSON body cut in half.
    CutBody,
    /// Answer 200 with an empty JSON object: a 200 without the data.
    EmptyOk,
    /// Answer again what this path answered last time (the same page whatever the cursor or
    /// offset: a server going round in circles). Needs [`Faults::answer`]; the first answer of
    /// a path is answered normally.
    Replay,
}

/// A [`Fault`] without its parameters, for counting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FaultKind {
    /// [`Fault::RateLimited`].
    RateLimited,
    /// [`Fault::ServerError`].
    ServerError,
    /// [`Fault::Slow`].
    Slow,
    /// [`Fault::CutBody`].
    CutBody,
    /// [`Fault::EmptyOk`].
    EmptyOk,
    /// [`Fault::Replay`].
    Replay,
}

impl FaultKind {
    /// The kind of a fault.
    pub fn of(fault: Fault) -> Self {
        match fault {
            Fault::RateLimited => Self::RateLimited,
            Fault::ServerError => Self::ServerError,
            Fault::Slow(_) => Self::Slow,
            Fault::CutBody => Self::CutBody,
            Fault::EmptyOk => Self::EmptyOk,
            Fault::Replay => Self::Replay,
        }
    }
}

/// When to inject failures. The schedule applies first (the Nth request of the emulator gets
/// `schedule[N]` if set), then the probabilities, drawn from a seeded generator.
#[derive(Debug, Clone, Default)]
pub struct FaultPlan {
    /// Faults for the first requests, in order (`None` = answer normally).
    pub schedule: Vec<Option<Fault>>,
    /// Probability of a 429, 0 to 1.
    pub rate_limited: f64,
    /// Probability of a 5xx, 0 to 1.
    pub server_error: f64,
    /// Probability of a slow answer, 0 to 1, and its delay.
    pub slow: (f64, Duration),
    /// Probability of a cut body, 0 to 1.
    pub cut_body: f64,
    /// Probability of a 200 with an empty object instead of the data, 0 to 1.
    pub empty_ok: f64,
    /// Probability of the previous answer of the same path again, 0 to 1.
    pub replay: f64,
    /// The seed of the generator.
    pub seed: u64,
    /// Only requests whose path contains one of these are affected (empty: all).
    pub paths: Vec<String>,
}

impl FaultPlan {
    /// No faults.
    pub fn none() -> Self {
        Self::default()
    }

    /// Random faults at the given rates, from a seed.
    pub fn random(rate_limited: f64, server_error: f64, cut_body: f64, seed: u64) -> Self {
        Self {
            rate_limited,
            server_error,
            cut_body,
            seed,
            ..Self::default()
        }
    }

    /// A fixed schedule.
    pub fn schedule(faults: impl IntoIterator<Item = Option<Fault>>) -> Self {
        Self {
            schedule: faults.into_iter().collect(),
            ..Self::default()
        }
    }

    /// Adds 200s without data and replayed answers at the given rates.
    pub fn with_bad_pages(mut self, empty_ok: f64, replay: f64) -> Self {
        self.empty_ok = empty_ok;
        self.replay = replay;
        self
    }

    /// True when the plan may replay answers (so bodies must be remembered).
    fn replays(&self) -> bool {
        self.replay > 0.0 || self.schedule.contains(&Some(Fault::Replay))
    }

    /// Limits the plan to paths containing `fragment`.
    pub fn on_path(mut self, fragment: impl Into<String>) -> Self {
        self.paths.push(fragment.into());
        self
    }
}

/// The live fault injector of an emulator.
#[derive(Debug, Clone)]
pub struct Faults {
    inner: Arc<Mutex<FaultState>>,
}

#[derive(Debug)]
struct FaultState {
    plan: FaultPlan,
    schedule: VecDeque<Option<Fault>>,
    rng: fastrand::Rng,
    injected: usize,
    /// Faults injected per path and kind.
    by_path: HashMap<(String, FaultKind), usize>,
    /// The last body answered per path, kept only when the plan replays.
    last: HashMap<String, (Vec<u8>, String)>,
    /// Which remembered answers may be replayed (see [`Faults::replay_when`]).
    replayable: Option<fn(&[u8]) -> bool>,
}

impl Default for Faults {
    fn default() -> Self {
        Self::new(FaultPlan::none())
    }
}

impl Faults {
    /// An injector following `plan`.
    pub fn new(plan: FaultPlan) -> Self {
        Self {
            inner: Arc::new(Mutex::new(FaultState {
                schedule: plan.schedule.iter().copied().collect(),
                rng: fastrand::Rng::with_seed(plan.seed),
                plan,
                injected: 0,
                by_path: HashMap::new(),
                last: HashMap::new(),
                replayable: None,
            })),
        }
    }

    /// Replaces the plan (and restarts its schedule and generator).
    pub fn set(&self, plan: FaultPlan) {
        let mut st = lock(&self.inner);
        st.schedule = plan.schedule.iter().copied().collect();
        st.rng = fastrand::Rng::with_seed(plan.seed);
        st.plan = plan;
        st.last.clear();
    }

    /// How many faults have been injected.
    pub fn injected(&self) -> usize {
        lock(&self.inner).injected
    }

    /// Decides the fate of a request to `path`.
    pub fn next(&self, path: &str) -> Option<Fault> {
        let mut st = lock(&self.inner);
        if !st.plan.paths.is_empty() && !st.plan.paths.iter().any(|p| path.contains(p.as_str())) {
            return None;
        }
        let fault = match st.schedule.pop_front() {
            Some(scheduled) => scheduled,
            None => {
                let roll = st.rng.f64();
                let p = &st.plan;
                let bands = [
                    (p.rate_limited, Fault::RateLimited),
                    (p.server_error, Fault::ServerError),
                    (p.cut_body, Fault::CutBody),
                    (p.slow.0, Fault::Slow(p.slow.1)),
                    (p.empty_ok, Fault::EmptyOk),
                    (p.replay, Fault::Replay),
                ];
                let mut edge = 0.0;
                bands.into_iter().find_map(|(rate, fault)| {
                    edge += rate;
                    (roll < edge).then_some(fault)
                })
            }
        };
        if let Some(f) = fault {
            st.injected += 1;
            *st.by_path
                .entry((path.to_owned(), FaultKind::of(f)))
                .or_insert(0) += 1;
        }
        fault
    }

    /// Replays only remembered answers for which `pred` holds; a suite passes "this page says
    /// more pages follow", so that a replay is a server answering a page it already gave for
    /// the next cursor (which a client can detect), never a plausible last page answered to
    /// a new query (which no client can tell from the truth).
    pub fn replay_when(&self, pred: fn(&[u8]) -> bool) {
        lock(&self.inner).replayable = Some(pred);
    }

    /// How many faults of `kind` were injected on requests to exactly `path` (a test counts
    /// the requests a server refused unprocessed, which a client may repeat).
    pub fn injected_on(&self, path: &str, kind: FaultKind) -> usize {
        lock(&self.inner)
            .by_path
            .get(&(path.to_owned(), kind))
            .copied()
            .unwrap_or(0)
    }
}

impl Faults {
    /// Applies a decided fault that changes a normal answer to it, like [`apply`], and also
    /// [`Fault::Replay`]: the previous answer of `path` is answered again (this answer is
    /// remembered for the next replay instead).
    pub fn answer(
        &self,
        path: &str,
        fault: Option<Fault>,
        template: ResponseTemplate,
        body: &[u8],
        content_type: &str,
    ) -> ResponseTemplate {
        let mut st = lock(&self.inner);
        if !st.plan.replays() {
            drop(st);
            return apply(fault, template, body, content_type);
        }
        let replayable = st.replayable;
        let previous = st
            .last
            .insert(path.to_owned(), (body.to_vec(), content_type.to_owned()))
            .filter(|(old, _)| replayable.is_none_or(|pred| pred(old)));
        drop(st);
        match (fault, previous) {
            (Some(Fault::Replay), Some((old, old_type))) => {
                template.set_body_raw(old, old_type.as_str())
            }
            (fault, _) => apply(fault, template, body, content_type),
        }
    }
}

/// Cuts a JSON answer in half (the status and headers stay; the document is unfinished).
pub fn cut_body(body: &[u8]) -> Vec<u8> {
    body.get(..body.len() / 2).unwrap_or_default().to_vec()
}

/// Applies a decided fault that changes a normal answer (slow, cut) to it.
pub fn apply(
    fault: Option<Fault>,
    template: ResponseTemplate,
    body: &[u8],
    content_type: &str,
) -> ResponseTemplate {
    match fault {
        Some(Fault::Slow(d)) => template.set_delay(d),
        Some(Fault::CutBody) => template.set_body_raw(cut_body(body), content_type),
        Some(Fault::EmptyOk) => ResponseTemplate::new(200).set_body_raw("{}", "application/json"),
        _ => template,
    }
}

/// A count of the requests an emulator received.
#[derive(Debug, Clone, Default)]
pub struct RequestLog {
    inner: Arc<Mutex<HashMap<String, usize>>>,
}

impl RequestLog {
    /// Records a request.
    pub fn record(&self, method: &str, path: &str) {
        *lock(&self.inner)
            .entry(format!("{method} {path}"))
            .or_insert(0) += 1;
    }

    /// Requests received for `"METHOD /path"`.
    pub fn count(&self, method_and_path: &str) -> usize {
        lock(&self.inner).get(method_and_path).copied().unwrap_or(0)
    }

    /// Requests received in all.
    pub fn total(&self) -> usize {
        lock(&self.inner).values().sum()
    }

    /// Every `"METHOD /path"` with its count, sorted.
    pub fn snapshot(&self) -> Vec<(String, usize)> {
        let mut v: Vec<_> = lock(&self.inner)
            .iter()
            .map(|(k, n)| (k.clone(), *n))
            .collect();
        v.sort();
        v
    }
}

/// A fixed-window rate limit per key (account and method group), as vendors count.
#[derive(Debug, Clone)]
pub struct WindowLimit {
    count: u32,
    window: Duration,
    inner: Arc<Mutex<HashMap<String, (Instant, u32)>>>,
}

impl WindowLimit {
    /// `count` requests per `window` per key.
    pub fn new(count: u32, window: Duration) -> Self {
        Self {
            count,
            window,
            inner: Arc::default(),
        }
    }

    /// Counts a request of `key`; `Err(retry_after)` when over the limit.
    pub fn check(&self, key: &str) -> Result<(), Duration> {
        let now = Instant::now();
        let mut map = lock(&self.inner);
        let entry = map.entry(key.to_owned()).or_insert((now, 0));
        if now.duration_since(entry.0) >= self.window {
            *entry = (now, 0);
        }
        if entry.1 >= self.count {
            return Err(self.window.saturating_sub(now.duration_since(entry.0)));
        }
        entry.1 += 1;
        Ok(())
    }
}

/// Starts the local server of an emulator (requests are not recorded: the emulator keeps its
/// own [`RequestLog`]); [`answer_all`] then hands it the emulator.
pub async fn server() -> wiremock::MockServer {
    wiremock::MockServer::builder()
        .disable_request_recording()
        .start()
        .await
}

/// Makes `emulator` answer every request `server` receives.
pub async fn answer_all(server: &wiremock::MockServer, emulator: impl wiremock::Respond + 'static) {
    wiremock::Mock::given(wiremock::matchers::any())
        .respond_with(emulator)
        .mount(server)
        .await;
}

/// Locks an emulator's state. A poisoned lock means a responder panicked; the state is still
/// usable, so the lock is taken anyway.
pub fn lock<T>(m: &std::sync::Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// The seeded random numbers an emulator derives its catalogue and orders from (the same
/// seed, the same account), on `fastrand`.
#[derive(Debug, Clone)]
pub struct SeededRng(fastrand::Rng);

impl SeededRng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        Self(fastrand::Rng::with_seed(seed))
    }

    /// A random `u64`.
    pub fn next_u64(&mut self) -> u64 {
        self.0.u64(..)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.0.u64(..n) }
    }

    /// A number in `lo..=hi` (`lo` when `hi < lo`).
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        if hi <= lo { lo } else { self.0.u64(lo..=hi) }
    }

    /// A float in `[0, 1)`.
    pub fn f64(&mut self) -> f64 {
        self.0.f64()
    }

    /// An index in `0..len` (0 when `len` is 0).
    pub fn index(&mut self, len: usize) -> usize {
        if len == 0 { 0 } else { self.0.usize(..len) }
    }

    /// One of `items`; `None` when there are none.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        let i = self.index(items.len());
        items.get(i)
    }

    /// `n` random lower-case hex digits.
    pub fn hex(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| char::from_digit(self.0.u32(..16), 16).unwrap_or('0'))
            .collect()
    }

    /// A random UUID in the version 4 layout.
    pub fn uuid(&mut self) -> String {
        let h = self.hex(32);
        let part = |a: usize, b: usize| h.get(a..b).unwrap_or("0");
        format!(
            "{}-{}-4{}-a{}-{}",
            part(0, 8),
            part(8, 12),
            part(13, 16),
            part(17, 20),
            part(20, 32)
        )
    }
}

/// A small valid one-page PDF (for label endpoints).
pub fn tiny_pdf(text: &str) -> Vec<u8> {
    let safe: String = text
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, ' ' | '-' | '_'))
        .collect();
    let stream = format!("BT /F1 18 Tf 20 100 Td ({safe}) Tj ET");
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_owned(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_owned(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 150] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_owned(),
        format!("<< /Length {} >>\nstream\n{stream}\nendstream", stream.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_owned(),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::with_capacity(objects.len());
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{body}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_numbers_within_bounds() {
        let mut a = SeededRng::new(9);
        let mut b = SeededRng::new(9);
        for _ in 0..1000 {
            assert_eq!(a.next_u64(), b.next_u64());
            let r = a.range(3, 7);
            assert!((3..=7).contains(&r));
            assert_eq!(r, b.range(3, 7));
            assert!(a.below(5) < 5);
            b.below(5);
            let f = a.f64();
            assert!((0.0..1.0).contains(&f));
            b.f64();
        }
        assert_eq!(a.below(0), 0);
        assert_eq!(a.range(5, 1), 5);
        assert_eq!(a.pick::<u8>(&[]), None);
        let h = a.hex(20);
        assert_eq!(h.len(), 20);
        assert!(h.chars().all(|c| c.is_ascii_hexdigit()));
        let u = a.uuid();
        assert_eq!(u.len(), 36);
        assert_eq!(u.get(14..15), Some("4"));
    }

    #[test]
    fn a_schedule_comes_first_then_probabilities_from_the_seed() {
        let f = Faults::new(FaultPlan {
            schedule: vec![Some(Fault::RateLimited), None, Some(Fault::ServerError)],
            ..FaultPlan::none()
        });
        assert_eq!(f.next("/a"), Some(Fault::RateLimited));
        assert_eq!(f.next("/a"), None);
        assert_eq!(f.next("/a"), Some(Fault::ServerError));
        assert_eq!(f.next("/a"), None);
        assert_eq!(f.injected(), 2);
        assert_eq!(f.injected_on("/a", FaultKind::RateLimited), 1);
        assert_eq!(f.injected_on("/a", FaultKind::ServerError), 1);
        assert_eq!(f.injected_on("/b", FaultKind::ServerError), 0);
        let a = Faults::new(FaultPlan::random(0.2, 0.2, 0.1, 7));
        let b = Faults::new(FaultPlan::random(0.2, 0.2, 0.1, 7));
        let sa: Vec<_> = (0..200).map(|_| a.next("/x")).collect();
        let sb: Vec<_> = (0..200).map(|_| b.next("/x")).collect();
        assert_eq!(sa, sb, "same seed, same faults");
        let n = sa.iter().filter(|f| f.is_some()).count();
        assert!((60..140).contains(&n), "{n} faults at a 50 % rate");
        let only = Faults::new(FaultPlan::random(1.0, 0.0, 0.0, 1).on_path("/stocks"));
        assert_eq!(only.next("/orders"), None);
        assert_eq!(only.next("/v2/stocks"), Some(Fault::RateLimited));
    }

    #[tokio::test]
    async fn bad_pages_answer_an_empty_object_or_the_previous_answer() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        struct Pages {
            faults: Faults,
            n: AtomicUsize,
        }
        impl wiremock::Respond for Pages {
            fn respond(&self, _: &wiremock::Request) -> ResponseTemplate {
                let n = self.n.fetch_add(1, Ordering::SeqCst) + 1;
                let body = format!("{{\"page\":{n}}}");
                let fault = self.faults.next("/list");
                self.faults.answer(
                    "/list",
                    fault,
                    ResponseTemplate::new(200).set_body_raw(body.clone(), "application/json"),
                    body.as_bytes(),
                    "application/json",
                )
            }
        }
        let faults = Faults::new(FaultPlan::schedule([
            None,
            Some(Fault::Replay),
            Some(Fault::EmptyOk),
            None,
        ]));
        let server = wiremock::MockServer::start().await;
        wiremock::Mock::given(wiremock::matchers::any())
            .respond_with(Pages {
                faults: faults.clone(),
                n: AtomicUsize::new(0),
            })
            .mount(&server)
            .await;
        let client = reqwest::Client::new();
        let mut bodies = Vec::new();
        for _ in 0..4 {
            let r = client
                .get(format!("{}/list", server.uri()))
                .send()
                .await
                .unwrap();
            assert_eq!(r.status(), 200);
            bodies.push(r.text().await.unwrap());
        }
        assert_eq!(
            bodies,
            [r#"{"page":1}"#, r#"{"page":1}"#, "{}", r#"{"page":4}"#]
        );
        assert_eq!(faults.injected(), 2);
    }

    #[test]
    fn the_window_limit_counts_per_key() {
        let l = WindowLimit::new(2, Duration::from_secs(60));
        assert!(l.check("a").is_ok());
        assert!(l.check("a").is_ok());
        let wait = l.check("a").unwrap_err();
        assert!(wait <= Duration::from_secs(60) && wait > Duration::from_secs(59));
        assert!(l.check("b").is_ok());
    }

    #[test]
    fn the_tiny_pdf_is_a_pdf() {
        let pdf = tiny_pdf("Posting 123-1");
        assert!(pdf.starts_with(b"%PDF-1.4"));
        assert!(pdf.ends_with(b"%%EOF\n"));
        assert_eq!(
            crate::LabelFormat::sniff(&pdf),
            Some(crate::LabelFormat::Pdf)
        );
    }

    #[test]
    fn the_log_counts_by_method_and_path() {
        let log = RequestLog::default();
        log.record("POST", "/v1/x");
        log.record("POST", "/v1/x");
        log.record("GET", "/v1/x");
        assert_eq!(log.count("POST /v1/x"), 2);
        assert_eq!(log.total(), 3);
    }
}
