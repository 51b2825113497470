//! The static description of one vendor operation.

use http::Method;

use super::Request;

/// The largest response body an operation reads unless it says otherwise: 64 MiB.
///
/// Generous for any JSON page of the vendors here (their largest lists, a thousand cards with
/// their attributes, stay far below 10 MiB), and for most label PDFs; operations that return
/// reports, archives or many labels raise it with [`Operation::max_response_bytes`]. A body
/// past the cap fails the call with [`crate::Error::ResponseTooLarge`] instead of growing the
/// process without bound (an endless chunked answer, a gzip bomb).
pub const DEFAULT_MAX_RESPONSE_BYTES: usize = 64 * 1024 * 1024;

/// One vendor operation, described once: the transport does the rest.
///
/// Vendor crates declare one `static` per endpoint:
///
/// ```
/// use market_core::transport::Operation;
///
/// /// `POST /v2/products/stocks`: set FBS stocks, at most 100 items a request.
/// static STOCKS_UPDATE: Operation = Operation::post("stocks_update", "/v2/products/stocks")
///     .in_group("stocks")
///     .batch_max(100);
/// assert!(STOCKS_UPDATE.idempotent);
/// ```
#[derive(Debug, Clone)]
pub struct Operation {
    /// A stable name for logs, errors and metrics (`stocks_update`).
    pub name: &'static str,
    /// The HTTP method.
    pub method: Method,
    /// The path template below the base URL, with `{name}` placeholders
    /// (`/v2/campaigns/{campaignId}/offers`).
    pub path: &'static str,
    /// The vendor limit group whose rate limit applies.
    pub limit_group: &'static str,
    /// Whether repeating the operation is harmless. Reads and "set to" writes (stocks,
    /// prices) are; creating something (an order, a supply, a label task) is not. This is a
    /// property of the operation, not of the verb: Ozon reads with POST.
    pub idempotent: bool,
    /// The vendor's maximum number of items a request, for batch operations.
    pub batch_max: Option<usize>,
    /// The largest response body read, in bytes after decompression
    /// ([`DEFAULT_MAX_RESPONSE_BYTES`] unless set with [`Operation::max_response_bytes`]).
    pub max_response_bytes: usize,
}

impl Operation {
    /// An operation with a method and path, idempotent, in the `default` group.
    pub const fn new(name: &'static str, method: Method, path: &'static str) -> Self {
        Self {
            name,
            method,
            path,
            limit_group: "default",
            idempotent: true,
            batch_max: None,
            max_response_bytes: DEFAULT_MAX_RESPONSE_BYTES,
        }
    }

    /// A `GET` operation.
    pub const fn get(name: &'static str, path: &'static str) -> Self {
        Self::new(name, Method::GET, path)
    }

    /// A `POST` operation (idempotent unless marked otherwise).
    pub const fn post(name: &'static str, path: &'static str) -> Self {
        Self::new(name, Method::POST, path)
    }

    /// A `PUT` operation.
    pub const fn put(name: &'static str, path: &'static str) -> Self {
        Self::new(name, Method::PUT, path)
    }

    /// A `PATCH` operation.
    pub const fn patch(name: &'static str, path: &'static str) -> Self {
        Self::new(name, Method::PATCH, path)
    }

    /// A `DELETE` operation.
    pub const fn delete(name: &'static str, path: &'static str) -> Self {
        Self::new(name, Method::DELETE, path)
    }

    /// A request of this operation, its path template as is: fill it with
    /// [`Request::path_param`], [`Request::query`], [`Request::json`]... and hand it to
    /// [`super::Transport::json`] or [`super::Transport::send`], which read the operation
    /// (method, path, limit group, retry rule, body cap) from the request.
    ///
    /// ```
    /// use market_core::transport::Operation;
    ///
    /// static STOCKS: Operation = Operation::post("stocks_update", "/v2/products/stocks");
    /// let request = STOCKS.request().json(&serde_json::json!({ "stocks": [] }))?;
    /// assert!(std::ptr::eq(request.operation(), &STOCKS));
    /// # Ok::<(), market_core::Error>(())
    /// ```
    pub fn request(&'static self) -> Request {
        Request::of(self)
    }

    /// Puts the operation in a vendor limit group.
    pub const fn in_group(mut self, group: &'static str) -> Self {
        self.limit_group = group;
        self
    }

    /// Marks the operation as creating something: it is retried only when the request provably
    /// never reached the server, or the server refused it unprocessed (over quota).
    pub const fn non_idempotent(mut self) -> Self {
        self.idempotent = false;
        self
    }

    /// Sets the vendor's maximum number of items a request.
    pub const fn batch_max(mut self, max: usize) -> Self {
        self.batch_max = Some(max);
        self
    }

    /// Sets the largest response body the operation reads, in bytes after decompression
    /// (raise it for reports and labels; the default is [`DEFAULT_MAX_RESPONSE_BYTES`]).
    /// `Content-Length` is checked before the body is read, and the bytes are counted while
    /// they arrive: a larger answer fails with [`crate::Error::ResponseTooLarge`], not retried.
    ///
    /// ```
    /// use market_core::transport::Operation;
    ///
    /// static LABELS: Operation =
    ///     Operation::post("labels", "/v2/posting/fbs/package-label").max_response_bytes(256 << 20);
    /// assert_eq!(LABELS.max_response_bytes, 256 << 20);
    /// ```
    pub const fn max_response_bytes(mut self, max: usize) -> Self {
        self.max_response_bytes = max;
        self
    }
}
