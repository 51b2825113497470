//! A ready HTTP receiver of Megamarket's pushes (feature `receiver`), on axum: mount
//! [`router`] in the seller's own server, or run [`serve`] on a listener of its own.
//!
//! Megamarket posts `order/new` and `order/cancel` to `<seller base URL>/order/new` and
//! `<seller base URL>/order/cancel` ([`crate::push`]). The receiver:
//!
//! - reads at most [`push::MAX_BODY_BYTES`] of a body (a larger one is refused with HTTP 413
//!   before it is read whole: the `Content-Length` is checked first, a chunked body is
//!   counted as it comes), and gives a sender [`Receiver::body_timeout`] (30 s) to send it
//!   (HTTP 408 after);
//! - decodes it with [`push::decode`], which never panics; a body that is not a push answers
//!   [`push::REPLY_FAILED`], and what was wrong is logged by field path only, never with the
//!   body (a DBS push carries the buyer's name, phone and address);
//! - splits the push into its events, one per shipment ([`Push::into_events`]), and hands each
//!   event not handed over before to the seller's async callback, one at a time;
//! - remembers an event as handed over ([`push::Seen`]) only when the callback returned `Ok`:
//!   a failed (or panicking) callback leaves it to Megamarket's repeat. The callback runs in a
//!   task of its own, so it runs to its end (and is remembered) even when Megamarket gives up
//!   waiting and closes the connection;
//! - answers [`push::REPLY_OK`] (HTTP 200) when every event of the push was taken now or
//!   before, else [`push::REPLY_FAILED`] (HTTP 200), and Megamarket sends the push again.
//!
//! A repeat that arrives while the callback is still busy with the same event (Megamarket
//! repeats a push it got no answer to in time) is not handed over a second time: it is
//! answered [`push::REPLY_FAILED`], and Megamarket's next repeat finds the event taken.
//!
//! The events remembered are kept in memory (bounded, [`Receiver::seen_capacity`]): after a
//! restart a repeat reaches the callback again, so the callback still treats a shipment it
//! already knows as done (its shipment id is the key).
//!
//! ```no_run
//! # async fn run() -> std::io::Result<()> {
//! use megamarket_api::push::Push;
//! use megamarket_api::receiver;
//!
//! let listener = tokio::net::TcpListener::bind("0.0.0.0:8080").await?;
//! receiver::serve(
//!     listener,
//!     |event: Push| async move {
//!         match &event {
//!             Push::OrderNew(n) => println!("new shipment {}", n.shipments[0].shipment_id),
//!             Push::OrderCancel(c) => println!("cancelled in {}", c.shipments[0].shipment_id),
//!             _ => {}
//!         }
//!         // Store the event; an error makes Megamarket send it again.
//!         Ok::<(), std::io::Error>(())
//!     },
//!     std::future::pending(),
//! )
//! .await
//! # }
//! ```
//!
//! Mounted in a larger axum application, below a prefix of the seller's choosing:
//!
//! ```
//! use megamarket_api::push::Push;
//! use megamarket_api::receiver::Receiver;
//!
//! let pushes = Receiver::new(|_event: Push| async { Ok::<(), std::io::Error>(()) })
//!     .seen_capacity(10_000)
//!     .router();
//! // Megamarket is given `https://shop.example/megamarket` as the base URL.
//! let app: axum::Router = axum::Router::new().nest("/megamarket", pushes);
//! # let _ = app;
//! ```

use std::collections::HashSet;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use futures::future::BoxFuture;
use futures::{FutureExt, StreamExt};

use crate::push::{self, EventKey, Push, PushError, Seen};

/// The error a callback returns: anything that is an error.
pub type BoxError = Box<dyn std::error::Error + Send + Sync>;

type Callback = dyn Fn(Push) -> BoxFuture<'static, Result<(), BoxError>> + Send + Sync;

/// The receiver's settings and the seller's callback; [`Receiver::router`] makes the axum
/// router, [`Receiver::serve`] runs it.
///
/// ```
/// # tokio::runtime::Builder::new_current_thread().enable_all().build()?.block_on(async {
/// use megamarket_api::push::{self, Push};
/// use megamarket_api::receiver::Receiver;
///
/// let receiver = Receiver::new(|event: Push| async move {
///     assert_eq!(event.shipment_ids().len(), 1); // one event per shipment
///     Ok::<(), std::io::Error>(())
/// })
/// .max_body_bytes(64 * 1024)
/// .seen_capacity(10_000);
/// let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
/// let url = format!("http://{}/order/cancel", listener.local_addr()?);
/// let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
/// let server = tokio::spawn(receiver.serve(listener, async move {
///     let _ = stopped.await;
/// }));
///
/// let body = r#"{"meta":{},"data":{"shipments":[{"shipmentId":"9","items":[{"itemIndex":"1"}]}]}}"#;
/// let reply = reqwest::Client::new().post(&url).body(body).send().await?.bytes().await?;
/// assert_eq!(&reply[..], push::REPLY_OK);
/// let _ = stop.send(());
/// server.await??;
/// # Ok::<(), Box<dyn std::error::Error + Send + Sync>>(())
/// # }).map_err(|e| e.to_string())?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone)]
pub struct Receiver {
    callback: Arc<Callback>,
    max_body_bytes: usize,
    body_timeout: Duration,
    seen_capacity: usize,
}

impl std::fmt::Debug for Receiver {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Receiver")
            .field("max_body_bytes", &self.max_body_bytes)
            .field("body_timeout", &self.body_timeout)
            .field("seen_capacity", &self.seen_capacity)
            .finish_non_exhaustive()
    }
}

impl Receiver {
    /// A receiver handing each event (a [`Push`] of one shipment) to `callback`: `Ok` once
    /// the event is safely stored, an error to have Megamarket send it again.
    pub fn new<F, Fut, E>(callback: F) -> Self
    where
        F: Fn(Push) -> Fut + Send + Sync + 'static,
        Fut: Future<Output = Result<(), E>> + Send + 'static,
        E: Into<BoxError>,
    {
        let callback: Arc<Callback> = Arc::new(move |event: Push| {
            let fut = callback(event);
            async move { fut.await.map_err(Into::into) }.boxed()
        });
        Self {
            callback,
            max_body_bytes: push::MAX_BODY_BYTES,
            body_timeout: Duration::from_secs(30),
            seen_capacity: 100_000,
        }
    }

    /// How long a sender has to send the whole body once the request has begun (30 s by
    /// default); a slower one is answered HTTP 408 and [`push::REPLY_FAILED`].
    pub fn body_timeout(mut self, timeout: Duration) -> Self {
        self.body_timeout = timeout;
        self
    }

    /// The largest body read (at most, and by default, [`push::MAX_BODY_BYTES`]); a larger
    /// one is refused with HTTP 413.
    pub fn max_body_bytes(mut self, max: usize) -> Self {
        self.max_body_bytes = max.min(push::MAX_BODY_BYTES);
        self
    }

    /// How many events are remembered as handed over (100 000 by default; the oldest are
    /// forgotten past it).
    pub fn seen_capacity(mut self, capacity: usize) -> Self {
        self.seen_capacity = capacity;
        self
    }

    /// The axum router: `POST /order/new` and `POST /order/cancel` (a trailing slash
    /// allowed). Mount it with `Router::nest` below the base URL given to Megamarket.
    pub fn router(self) -> Router {
        let inner = Arc::new(Inner {
            callback: self.callback,
            max_body_bytes: self.max_body_bytes,
            body_timeout: self.body_timeout,
            memory: Mutex::new(Memory {
                seen: Seen::with_capacity(self.seen_capacity),
                busy: HashSet::new(),
            }),
        });
        let new = || post(|s: State<Arc<Inner>>, r: Request| receive(s, push::PATH_ORDER_NEW, r));
        let cancel =
            || post(|s: State<Arc<Inner>>, r: Request| receive(s, push::PATH_ORDER_CANCEL, r));
        Router::new()
            .route(push::PATH_ORDER_NEW, new())
            .route(&format!("{}/", push::PATH_ORDER_NEW), new())
            .route(push::PATH_ORDER_CANCEL, cancel())
            .route(&format!("{}/", push::PATH_ORDER_CANCEL), cancel())
            .with_state(inner)
    }

    /// Serves the router on `listener` until `shutdown` completes (then waits for the
    /// requests under way).
    ///
    /// ```no_run
    /// # async fn run() -> std::io::Result<()> {
    /// use megamarket_api::{push::Push, receiver::Receiver};
    /// let listener = tokio::net::TcpListener::bind("0.0.0.0:8080").await?;
    /// // Whatever ends the service: a signal, a message from the rest of the application.
    /// let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    /// # drop(stop);
    /// let shutdown = async move {
    ///     let _ = stopped.await;
    /// };
    /// Receiver::new(|_: Push| async { Ok::<(), std::io::Error>(()) })
    ///     .serve(listener, shutdown)
    ///     .await
    /// # }
    /// ```
    pub async fn serve(
        self,
        listener: tokio::net::TcpListener,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        axum::serve(listener, self.router())
            .with_graceful_shutdown(shutdown)
            .await
    }
}

/// The router of a [`Receiver`] with the default settings: `POST /order/new` and
/// `POST /order/cancel`, each event handed to `callback` once.
///
/// ```
/// use megamarket_api::{push::Push, receiver};
/// let app: axum::Router = receiver::router(|event: Push| async move {
///     tracing::info!(kind = ?event.kind(), "push");
///     Ok::<(), std::io::Error>(())
/// });
/// # let _ = app;
/// ```
pub fn router<F, Fut, E>(callback: F) -> Router
where
    F: Fn(Push) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<(), E>> + Send + 'static,
    E: Into<BoxError>,
{
    Receiver::new(callback).router()
}

/// Serves a [`Receiver`] with the default settings on `listener` until `shutdown`
/// completes.
///
/// ```no_run
/// # async fn run() -> std::io::Result<()> {
/// use megamarket_api::{push::Push, receiver};
/// let listener = tokio::net::TcpListener::bind("0.0.0.0:8080").await?;
/// receiver::serve(
///     listener,
///     |event: Push| async move {
///         tracing::info!(kind = ?event.kind(), shipments = ?event.shipment_ids(), "push");
///         Ok::<(), std::io::Error>(())
///     },
///     std::future::pending(),
/// )
/// .await
/// # }
/// ```
pub async fn serve<F, Fut, E>(
    listener: tokio::net::TcpListener,
    callback: F,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()>
where
    F: Fn(Push) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<(), E>> + Send + 'static,
    E: Into<BoxError>,
{
    Receiver::new(callback).serve(listener, shutdown).await
}

struct Inner {
    callback: Arc<Callback>,
    max_body_bytes: usize,
    body_timeout: Duration,
    memory: Mutex<Memory>,
}

/// The events handed over, and those the callback is busy with.
struct Memory {
    seen: Seen,
    busy: HashSet<EventKey>,
}

impl Inner {
    fn memory(&self) -> MutexGuard<'_, Memory> {
        // A panic never happens while the lock is held; a poisoned lock still holds sound sets.
        self.memory
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// Frees a busy event whatever happens to the callback (a panic included).
struct BusyGuard {
    inner: Arc<Inner>,
    key: EventKey,
}

impl Drop for BusyGuard {
    fn drop(&mut self) {
        self.inner.memory().busy.remove(&self.key);
    }
}

fn reply(status: StatusCode, taken: bool) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, push::CONTENT_TYPE)],
        push::reply(taken),
    )
        .into_response()
}

enum ReadError {
    TooLarge,
    Broken,
}

/// The body, at most `max` bytes of it.
async fn read_body(body: Body, max: usize) -> Result<Vec<u8>, ReadError> {
    let mut stream = body.into_data_stream();
    let mut bytes = Vec::new();
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|_| ReadError::Broken)?;
        if bytes.len() + chunk.len() > max {
            return Err(ReadError::TooLarge);
        }
        bytes.extend_from_slice(&chunk);
    }
    Ok(bytes)
}

async fn receive(
    State(inner): State<Arc<Inner>>,
    path: &'static str,
    request: Request,
) -> Response {
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|len| len > inner.max_body_bytes as u64) {
        tracing::warn!(
            path,
            len = declared,
            "megamarket push refused: body too large"
        );
        return reply(StatusCode::PAYLOAD_TOO_LARGE, false);
    }
    let read = read_body(request.into_body(), inner.max_body_bytes);
    let body = match tokio::time::timeout(inner.body_timeout, read).await {
        Ok(Ok(body)) => body,
        Err(_) => {
            tracing::warn!(path, "megamarket push refused: the body came too slowly");
            return reply(StatusCode::REQUEST_TIMEOUT, false);
        }
        Ok(Err(ReadError::TooLarge)) => {
            tracing::warn!(path, "megamarket push refused: body too large");
            return reply(StatusCode::PAYLOAD_TOO_LARGE, false);
        }
        Ok(Err(ReadError::Broken)) => {
            tracing::warn!(path, "megamarket push: the body could not be read");
            return reply(StatusCode::BAD_REQUEST, false);
        }
    };
    let decoded = match push::decode(path, &body) {
        Ok(p) => p,
        Err(e) => {
            tracing::warn!(path, problem = %describe(&e), "megamarket push is not readable");
            return reply(StatusCode::OK, false);
        }
    };
    let mut taken = true;
    for event in decoded.into_events() {
        taken &= hand_over(&inner, event).await;
    }
    reply(StatusCode::OK, taken)
}

/// What is wrong with a body, without any of its values: the field path only.
fn describe(e: &PushError) -> String {
    match e {
        PushError::Invalid { kind, message } => {
            let field = message.split(": ").next().unwrap_or_default();
            let field: String = field.chars().take(200).collect();
            format!("not a valid {kind:?} push (at {field:?})")
        }
        PushError::TooLarge { len } => format!("body of {len} bytes is too large"),
        PushError::UnknownPath(_) => "unknown path".to_owned(),
    }
}

/// Hands one event to the callback unless it was handed over already; true when it is taken.
///
/// The callback runs in a task of its own: when Megamarket gives up waiting and closes the
/// connection (axum then drops this request), the callback still runs to its end and its
/// outcome is remembered, so the repeat finds the event taken.
async fn hand_over(inner: &Arc<Inner>, event: Push) -> bool {
    let Some(key) = event.keys().into_iter().next() else {
        return true;
    };
    {
        let mut memory = inner.memory();
        if memory.seen.fresh(event.clone()).is_none() {
            tracing::debug!(kind = ?key.0, shipment = %key.1, "megamarket push repeated: already taken");
            return true;
        }
        if !memory.busy.insert(key.clone()) {
            tracing::info!(kind = ?key.0, shipment = %key.1, "megamarket push repeated while its event is being handled");
            return false;
        }
    }
    let busy = BusyGuard {
        inner: Arc::clone(inner),
        key,
    };
    let task = tokio::spawn(async move {
        let marker = event.clone();
        // The call itself inside the future: a callback that panics before its first await
        // is caught too.
        let callback = Arc::clone(&busy.inner.callback);
        let outcome = AssertUnwindSafe(async move { callback(event).await })
            .catch_unwind()
            .await;
        let (kind, shipment) = (&busy.key.0, &busy.key.1);
        match outcome {
            Ok(Ok(())) => {
                // Marked before the guard frees the event: a repeat sees one or the other.
                busy.inner.memory().seen.mark(&marker);
                true
            }
            Ok(Err(e)) => {
                tracing::warn!(?kind, %shipment, error = %e, "megamarket push: the callback failed; Megamarket will repeat it");
                false
            }
            Err(_) => {
                tracing::error!(?kind, %shipment, "megamarket push: the callback panicked; Megamarket will repeat it");
                false
            }
        }
    });
    task.await.unwrap_or(false)
}
