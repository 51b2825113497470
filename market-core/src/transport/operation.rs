//! The static description of one vendor operation.

use http::Method;

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
}
