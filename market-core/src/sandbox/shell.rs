//! The shell every vendor emulator runs in: the local server, routing by the crate's own
//! [`Operation`] statics, the account state behind one lock, credentials, injected faults,
//! per-group quotas and the request log. A vendor emulator implements [`Emulate`] and holds
//! only its vendor's behaviour: how it checks credentials, what its refusals look like, its
//! quotas, and one handler per operation.
//!
//! ```
//! use market_core::sandbox::{Answer, Call, Emulate, FaultPlan, Faults, Refusal, Shell};
//! use market_core::transport::Operation;
//!
//! static STOCK_GET: Operation = Operation::get("stock_get", "/v1/stock/{sku}");
//! static OPERATIONS: &[&Operation] = &[&STOCK_GET];
//!
//! struct Shop;
//!
//! impl Emulate for Shop {
//!     type State = i64;
//!
//!     fn operations(&self) -> &[&'static Operation] {
//!         OPERATIONS
//!     }
//!
//!     fn authorize(&self, call: &wiremock::Request) -> Result<String, Answer> {
//!         match call.headers.get("api-key") {
//!             Some(_) => Ok("account".into()),
//!             None => Err(Answer::json(401, &serde_json::json!({"message": "no key"}))),
//!         }
//!     }
//!
//!     fn refuse(&self, refusal: &Refusal) -> Answer {
//!         Answer::json(refusal.status(), &serde_json::json!({"message": refusal.to_string()}))
//!     }
//!
//!     fn handle(&self, stock: &mut i64, call: &Call<'_>) -> Answer {
//!         Answer::json(200, &serde_json::json!({"sku": call.param("sku"), "stock": *stock}))
//!     }
//! }
//!
//! # tokio::runtime::Builder::new_current_thread().enable_all().build()?.block_on(async {
//! let shell = Shell::new(Shop, 7, Faults::new(FaultPlan::none()), true);
//! let server = shell.serve().await;
//! # let _ = server.uri();
//! assert_eq!(*shell.state(), 7);
//! # });
//! # Ok::<(), std::io::Error>(())
//! ```

use std::collections::HashMap;
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use serde::Serialize;
use serde::de::DeserializeOwned;
use wiremock::{Request, Respond, ResponseTemplate};

use super::{Fault, Faults, RequestLog, lock};
use crate::transport::Operation;

/// One answer of an emulator: status, body, content type and extra headers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// The HTTP status.
    pub status: u16,
    /// The body.
    pub body: Vec<u8>,
    /// The body's content type.
    pub content_type: &'static str,
    /// Headers to add (name, value).
    pub headers: Vec<(String, String)>,
}

impl Answer {
    /// A JSON answer. A value that cannot be serialised (a map with non-string keys) becomes a
    /// 500 naming the problem, never a panic.
    pub fn json(status: u16, value: &impl Serialize) -> Self {
        match serde_json::to_vec(value) {
            Ok(body) => Self::raw(status, body, "application/json"),
            Err(e) => Self::raw(
                500,
                format!("the emulator cannot serialise its answer: {e}"),
                "text/plain",
            ),
        }
    }

    /// An answer with any body.
    pub fn raw(status: u16, body: impl Into<Vec<u8>>, content_type: &'static str) -> Self {
        Self {
            status,
            body: body.into(),
            content_type,
            headers: Vec::new(),
        }
    }

    /// Adds a header.
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// The wiremock response.
    pub fn template(&self) -> ResponseTemplate {
        let mut t =
            ResponseTemplate::new(self.status).set_body_raw(self.body.clone(), self.content_type);
        for (name, value) in &self.headers {
            t = t.insert_header(name.as_str(), value.as_str());
        }
        t
    }
}

/// A request routed to one of the emulator's operations.
#[derive(Debug)]
pub struct Call<'r> {
    /// The operation whose method and path template matched.
    pub op: &'static Operation,
    /// The request as received.
    pub request: &'r Request,
    /// The account [`Emulate::authorize`] named.
    pub account: String,
    /// The request's id (also sent back in the emulator's request-id header).
    pub request_id: String,
    params: Vec<(&'static str, String)>,
}

impl Call<'_> {
    /// A path parameter by its name in the template (`{warehouseId}` → `warehouseId`).
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The first value of a query parameter.
    pub fn query(&self, name: &str) -> Option<String> {
        self.request
            .url
            .query_pairs()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.into_owned())
    }

    /// Every value of a query parameter, in order (`?id=1&id=2`).
    pub fn query_all(&self, name: &str) -> Vec<String> {
        self.request
            .url
            .query_pairs()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.into_owned())
            .collect()
    }

    /// Every query parameter, in order.
    pub fn query_pairs(&self) -> Vec<(String, String)> {
        self.request
            .url
            .query_pairs()
            .map(|(n, v)| (n.into_owned(), v.into_owned()))
            .collect()
    }

    /// A request header, trimmed; `None` when absent, blank or not text.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.request
            .headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
            .filter(|v| !v.is_empty())
    }

    /// The request body.
    pub fn body(&self) -> &[u8] {
        &self.request.body
    }

    /// The request body decoded as JSON.
    pub fn json<T: DeserializeOwned>(&self) -> Result<T, serde_json::Error> {
        serde_json::from_slice(&self.request.body)
    }
}

/// Why the shell refused a request before its handler ran. The vendor's
/// [`Emulate::refuse`] turns it into the vendor's own error answer.
#[derive(Debug, Clone, PartialEq)]
pub enum Refusal {
    /// No operation of the emulator has this method and path.
    NotFound {
        /// The method received.
        method: String,
        /// The path received.
        path: String,
    },
    /// The fault plan injected an over-quota answer.
    InjectedRateLimit,
    /// The fault plan injected a server error.
    InjectedServerError,
    /// Over the emulator's quota of the operation's group.
    RateLimited(Refused),
}

impl Refusal {
    /// The HTTP status vendors use for it: 404, 429 or 500.
    pub fn status(&self) -> u16 {
        match self {
            Self::NotFound { .. } => 404,
            Self::InjectedRateLimit | Self::RateLimited(_) => 429,
            Self::InjectedServerError => 500,
        }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotFound { method, path } => {
                write!(f, "{method} {path} is not a method of this sandbox")
            }
            Self::InjectedRateLimit => {
                f.write_str("too many requests (injected by the fault plan)")
            }
            Self::InjectedServerError => f.write_str("internal error (injected by the fault plan)"),
            Self::RateLimited(r) => write!(
                f,
                "too many requests: the sandbox's limit of {} for this method group is spent; retry in {:?}",
                r.limit, r.retry_after
            ),
        }
    }
}

/// A quota the emulator enforces, as the vendor counts it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Quota {
    /// A token bucket: up to `burst` requests at once, refilled at `count` per `period` (WB,
    /// Ozon). It accepts exactly what the client's limiter (GCRA of the same shape) lets
    /// through, with the shell's tolerance for the time between its permit and the server.
    Bucket {
        /// Requests per period.
        count: u32,
        /// The period.
        period: Duration,
        /// Requests at once.
        burst: u32,
    },
    /// A fixed window: `count` units per `period` from the window's first request (Yandex
    /// Market). A request heavier than the whole quota passes alone in a fresh window; a
    /// request of weight 0 (its units counted after the answer with [`Limiter::charge`])
    /// passes while a unit is left.
    Window {
        /// Units per window.
        count: u32,
        /// The window.
        period: Duration,
    },
}

/// One quota a request is counted against: a key (account and group), the quota, and how
/// many units the request costs (1, or its item count where the vendor counts items).
#[derive(Debug, Clone, PartialEq)]
pub struct Charge {
    /// The counter's key, e.g. `"<account>/<group>"`.
    pub key: String,
    /// The quota.
    pub quota: Quota,
    /// Units this request costs.
    pub weight: u32,
}

impl Charge {
    /// One unit of `quota` under `key`.
    pub fn one(key: impl Into<String>, quota: Quota) -> Self {
        Self {
            key: key.into(),
            quota,
            weight: 1,
        }
    }
}

/// What an admitted request left of a quota.
#[derive(Debug, Clone, PartialEq)]
pub struct Admitted {
    /// The counter's key.
    pub key: String,
    /// The quota's size (burst or window count).
    pub limit: u32,
    /// Units left.
    pub remaining: u64,
    /// Time until the quota is whole again.
    pub reset: Duration,
}

/// Why a request was over a quota.
#[derive(Debug, Clone, PartialEq)]
pub struct Refused {
    /// The counter's key.
    pub key: String,
    /// The quota's size.
    pub limit: u32,
    /// Time until the request would be admitted.
    pub retry_after: Duration,
    /// Time until the quota is whole again.
    pub reset: Duration,
}

#[derive(Debug)]
enum Counter {
    Bucket {
        tokens: f64,
        at: Instant,
    },
    Window {
        start: Instant,
        used: u64,
        limit: u64,
    },
}

/// The counters of an emulator's quotas (one per [`Charge::key`]).
#[derive(Debug)]
pub struct Limiter {
    tolerance: Duration,
    counters: Mutex<HashMap<String, Counter>>,
}

impl Limiter {
    /// Counters that admit a bucket request up to `tolerance` early (the time a request
    /// spends between the client's permit and the server).
    pub fn new(tolerance: Duration) -> Self {
        Self {
            tolerance,
            counters: Mutex::default(),
        }
    }

    /// Counts one request against `charge`: what is left, or why it is refused (nothing is
    /// counted then).
    pub fn admit(&self, charge: &Charge) -> Result<Admitted, Refused> {
        let now = Instant::now();
        let mut counters = lock(&self.counters);
        match charge.quota {
            Quota::Bucket {
                count,
                period,
                burst,
            } => {
                let capacity = f64::from(burst.max(1));
                let per_second = f64::from(count) / period.as_secs_f64().max(0.001);
                let counter = counters
                    .entry(charge.key.clone())
                    .or_insert(Counter::Bucket {
                        tokens: capacity,
                        at: now,
                    });
                if !matches!(counter, Counter::Bucket { .. }) {
                    *counter = Counter::Bucket {
                        tokens: capacity,
                        at: now,
                    };
                }
                let Counter::Bucket { tokens, at } = counter else {
                    return Err(refused(charge, burst, Duration::ZERO, Duration::ZERO));
                };
                *tokens =
                    (*tokens + now.duration_since(*at).as_secs_f64() * per_second).min(capacity);
                *at = now;
                let need = f64::from(charge.weight);
                let slack = per_second * self.tolerance.as_secs_f64();
                let wait = |want: f64, have: f64| {
                    Duration::try_from_secs_f64(((want - have) / per_second).max(0.0))
                        .unwrap_or(Duration::MAX)
                };
                if *tokens >= need - slack {
                    *tokens -= need;
                    Ok(Admitted {
                        key: charge.key.clone(),
                        limit: burst,
                        remaining: tokens.max(0.0).floor() as u64,
                        reset: wait(capacity, *tokens),
                    })
                } else {
                    Err(refused(
                        charge,
                        burst,
                        wait(need, *tokens),
                        wait(capacity, *tokens),
                    ))
                }
            }
            Quota::Window { count, period } => {
                let counter = counters
                    .entry(charge.key.clone())
                    .or_insert(Counter::Window {
                        start: now,
                        used: 0,
                        limit: u64::from(count),
                    });
                let fresh = match counter {
                    Counter::Window { start, .. } => now.duration_since(*start) >= period,
                    Counter::Bucket { .. } => true,
                };
                if fresh {
                    *counter = Counter::Window {
                        start: now,
                        used: 0,
                        limit: u64::from(count),
                    };
                }
                let Counter::Window { start, used, .. } = counter else {
                    return Err(refused(charge, count, period, period));
                };
                let reset = period.saturating_sub(now.duration_since(*start));
                let limit = u64::from(count);
                let weight = u64::from(charge.weight);
                // Weight 0 (units counted after the answer) only checks that some are left.
                let fits = if weight == 0 {
                    *used < limit
                } else {
                    *used + weight <= limit || *used == 0
                };
                if fits {
                    *used += weight;
                    Ok(Admitted {
                        key: charge.key.clone(),
                        limit: count,
                        remaining: limit.saturating_sub(*used),
                        reset,
                    })
                } else {
                    Err(refused(charge, count, reset, reset))
                }
            }
        }
    }

    /// Takes `units` more from a counter (a vendor that charges refusals extra): what is left
    /// after, or `None` for a key never counted.
    pub fn charge(&self, key: &str, units: u32) -> Option<u64> {
        let mut counters = lock(&self.counters);
        match counters.get_mut(key)? {
            Counter::Bucket { tokens, .. } => {
                *tokens -= f64::from(units);
                Some(tokens.max(0.0).floor() as u64)
            }
            Counter::Window { used, limit, .. } => {
                *used += u64::from(units);
                Some(limit.saturating_sub(*used))
            }
        }
    }
}

fn refused(charge: &Charge, limit: u32, retry_after: Duration, reset: Duration) -> Refused {
    Refused {
        key: charge.key.clone(),
        limit,
        retry_after,
        reset,
    }
}

/// Finds the operation of `ops` with this method whose path template matches `path` (`{name}`
/// matches one non-empty segment). Where several match, the one with the fewest parameters
/// (the most literal segments) wins: `/orders/new` before `/orders/{orderId}`.
pub fn route(
    ops: &[&'static Operation],
    method: &str,
    path: &str,
) -> Option<(&'static Operation, Vec<(&'static str, String)>)> {
    ops.iter()
        .filter(|op| op.method.as_str().eq_ignore_ascii_case(method))
        .filter_map(|op| match_path(op.path, path).map(|params| (*op, params)))
        .min_by_key(|(_, params)| params.len())
}

/// Matches a path against a template: the parameters by name, or `None`.
pub fn match_path(template: &'static str, path: &str) -> Option<Vec<(&'static str, String)>> {
    let mut want = template.trim_matches('/').split('/');
    let mut got = path.trim_matches('/').split('/');
    let mut params = Vec::new();
    loop {
        match (want.next(), got.next()) {
            (None, None) => return Some(params),
            (Some(w), Some(g)) => {
                if let Some(name) = w.strip_prefix('{').and_then(|w| w.strip_suffix('}')) {
                    if g.is_empty() {
                        return None;
                    }
                    let value = percent_decode(g);
                    params.push((name, value));
                } else if w != g {
                    return None;
                }
            }
            _ => return None,
        }
    }
}

fn percent_decode(segment: &str) -> String {
    url::form_urlencoded::parse(format!("v={}", segment.replace('+', "%2B")).as_bytes())
        .next()
        .map(|(_, v)| v.into_owned())
        .unwrap_or_else(|| segment.to_owned())
}

/// A vendor emulator: what it adds to the [`Shell`].
pub trait Emulate: Send + Sync + 'static {
    /// The fake seller account.
    type State: Send + 'static;

    /// Every operation the emulator serves (the crate's `api::OPERATIONS`): a request is
    /// routed by their method and path template, and logged under `"METHOD template"`.
    fn operations(&self) -> &[&'static Operation];

    /// The header that carries the request id back, and the id of the `n`-th request.
    fn request_id(&self, n: u64) -> (&'static str, String) {
        ("x-request-id", format!("sandbox-{n:016x}"))
    }

    /// Checks the request's credentials: the account they belong to, or the vendor's
    /// 401/403 answer.
    fn authorize(&self, request: &Request) -> Result<String, Answer>;

    /// The vendor's answer to a refusal of the shell (unknown method, quota, injected fault).
    fn refuse(&self, refusal: &Refusal) -> Answer;

    /// The quotas a call is counted against (none by default).
    fn charges(&self, call: &Call<'_>) -> Vec<Charge> {
        let _ = call;
        Vec::new()
    }

    /// Answers a call.
    fn handle(&self, state: &mut Self::State, call: &Call<'_>) -> Answer;

    /// Adjusts an answer after the handler: quota headers, extra units charged for a refusal.
    /// `admitted` holds what each charge left. As is by default.
    fn finish(
        &self,
        call: &Call<'_>,
        answer: Answer,
        limiter: Option<&Limiter>,
        admitted: &[Admitted],
    ) -> Answer {
        let _ = (call, limiter, admitted);
        answer
    }
}

/// How early a bucket admits a request by default (see [`Limiter::new`]).
pub const DEFAULT_TOLERANCE: Duration = Duration::from_millis(250);

/// An emulator running in the shell: its state, faults, quotas and request log.
pub struct Shell<E: Emulate> {
    emulator: E,
    state: Mutex<E::State>,
    faults: Faults,
    requests: RequestLog,
    limiter: Option<Limiter>,
    counter: AtomicU64,
}

impl<E: Emulate> fmt::Debug for Shell<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Shell")
            .field("requests", &self.requests.total())
            .field("faults", &self.faults.injected())
            .field("rate_limits", &self.limiter.is_some())
            .finish_non_exhaustive()
    }
}

impl<E: Emulate> Shell<E> {
    /// A shell around `emulator` and its account `state`; `rate_limits` off admits everything.
    pub fn new(emulator: E, state: E::State, faults: Faults, rate_limits: bool) -> Arc<Self> {
        Arc::new(Self {
            emulator,
            state: Mutex::new(state),
            faults,
            requests: RequestLog::default(),
            limiter: rate_limits.then(|| Limiter::new(DEFAULT_TOLERANCE)),
            counter: AtomicU64::new(0),
        })
    }

    /// Starts a local server answering every request through this shell.
    pub async fn serve(self: &Arc<Self>) -> wiremock::MockServer {
        let server = super::server().await;
        super::answer_all(&server, Responder(Arc::clone(self))).await;
        server
    }

    /// The account state, locked (a poisoned lock is taken anyway).
    pub fn state(&self) -> MutexGuard<'_, E::State> {
        lock(&self.state)
    }

    /// The requests received.
    pub fn requests(&self) -> &RequestLog {
        &self.requests
    }

    /// The fault injector.
    pub fn faults(&self) -> &Faults {
        &self.faults
    }

    /// The emulator.
    pub fn emulator(&self) -> &E {
        &self.emulator
    }

    /// Answers one request: log, credentials, injected refusals, routing, quotas, handler,
    /// then injected changes of the answer (slow, cut, empty, replayed).
    pub fn respond(&self, request: &Request) -> ResponseTemplate {
        let n = self.counter.fetch_add(1, Ordering::Relaxed);
        let (id_header, request_id) = self.emulator.request_id(n);
        let method = request.method.as_str();
        let path = request.url.path();
        let routed = route(self.emulator.operations(), method, path);
        match &routed {
            Some((op, _)) => self.requests.record(op.method.as_str(), op.path),
            None => self.requests.record(method, path),
        }
        let with_id = |answer: Answer| answer.header(id_header, request_id.as_str());
        let account = match self.emulator.authorize(request) {
            Ok(account) => account,
            Err(answer) => return with_id(answer).template(),
        };
        let fault = self.faults.next(path);
        let injected = match fault {
            Some(Fault::RateLimited) => Some(Refusal::InjectedRateLimit),
            Some(Fault::ServerError) => Some(Refusal::InjectedServerError),
            _ => None,
        };
        if let Some(refusal) = injected {
            return with_id(self.emulator.refuse(&refusal)).template();
        }
        let Some((op, params)) = routed else {
            let refusal = Refusal::NotFound {
                method: method.to_owned(),
                path: path.to_owned(),
            };
            return with_id(self.emulator.refuse(&refusal)).template();
        };
        let call = Call {
            op,
            request,
            account,
            request_id: request_id.clone(),
            params,
        };
        let mut admitted = Vec::new();
        if let Some(limiter) = &self.limiter {
            for charge in self.emulator.charges(&call) {
                match limiter.admit(&charge) {
                    Ok(a) => admitted.push(a),
                    Err(r) => {
                        let answer = self.emulator.refuse(&Refusal::RateLimited(r));
                        return with_id(answer).template();
                    }
                }
            }
        }
        let answer = {
            let mut state = lock(&self.state);
            self.emulator.handle(&mut state, &call)
        };
        let answer = self
            .emulator
            .finish(&call, answer, self.limiter.as_ref(), &admitted);
        let answer = with_id(answer);
        self.faults.answer(
            path,
            fault,
            answer.template(),
            &answer.body,
            answer.content_type,
        )
    }
}

struct Responder<E: Emulate>(Arc<Shell<E>>);

impl<E: Emulate> Respond for Responder<E> {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        self.0.respond(request)
    }
}
