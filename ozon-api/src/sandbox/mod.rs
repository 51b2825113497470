//! A stateful local emulator of the Ozon Seller API (feature `sandbox`).
//!
//! [`Sandbox`] starts a local HTTP server (wiremock) that keeps a fake seller account:
//! warehouses, a catalogue with prices and stocks, FBS and FBO postings of the last week in
//! mixed statuses (some of them rFBS), and a few returns, all derived from a seed. It serves
//! Ozon's real paths and wire format, built from the same models the client decodes, so a
//! [`Client`] (or anything built on it, such as the `Marketplace` implementation) runs against
//! it unchanged:
//!
//! - it checks `Client-Id` and `Api-Key` (missing: 401, wrong: 403, Ozon's error body);
//! - it enforces Ozon's per-request maxima and required fields with Ozon's 400 body
//!   (`{"code": 3, "message": ..., "details": []}`), and answers per item where Ozon does;
//! - it keeps state: stocks and prices pushed are read back, shipping, cancelling and
//!   delivering move postings on, a card import creates products;
//! - it limits requests as Ozon documents ([`crate::limits`]: 50 a second per `Client-Id`, 80
//!   stock updates a minute) with Ozon's 429 body, unless [`SandboxConfig::rate_limits`] is off;
//! - it injects faults (429, 500, slow answers, cut bodies) from a [`FaultPlan`], and counts
//!   every request in a [`RequestLog`].
//!
//! It runs in `market-core`'s emulator shell ([`market_core::sandbox::Shell`]: the server, the
//! state lock, faults, quotas, the request log); this module holds only Ozon's behaviour: the
//! `Emulate` impl here (credentials, Ozon's refusal bodies, quotas, the handler of each
//! operation, routed by the crate's own [`crate::api::OPERATIONS`]), the account in `state.rs`,
//! and one handler file per `api/` section.
//!
//! ```
//! use ozon_api::sandbox::{Sandbox, SandboxConfig};
//! use ozon_api::models::stocks::ProductsStocksRequestStock;
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! tokio::runtime::Builder::new_current_thread()
//!     .enable_all()
//!     .build()?
//!     .block_on(async {
//!         let sandbox = Sandbox::start_with(SandboxConfig {
//!             fbs_orders: 10,
//!             ..SandboxConfig::default()
//!         })
//!         .await;
//!         let ozon = sandbox.client()?;
//!         let warehouse = sandbox.warehouse_ids()[0];
//!         let offer = sandbox.offers()[0].clone();
//!         let report = ozon
//!             .stocks()
//!             .update(vec![ProductsStocksRequestStock::by_offer(offer.as_str(), warehouse, 7)])
//!             .await?;
//!         assert!(report.rejected.is_empty());
//!         assert_eq!(sandbox.stock(&offer, warehouse), Some(7));
//!         assert_eq!(sandbox.requests().count("POST /v2/products/stocks"), 1);
//!         Ok::<_, Box<dyn std::error::Error>>(())
//!     })?;
//! # Ok(()) }
//! ```
//!
//! What is not emulated: Ozon's per-item quotas (a product-warehouse stock once in 30 s, a
//! price ten times an hour), label tasks, FBO stock on Ozon's warehouses beyond a fixed
//! number per product, and methods the client does not call. Stocks set by the seller are
//! kept as sent; postings awaiting packaging or delivery count as reserved on top of them
//! (`present = stock + reserved`), as Ozon's stock-by-warehouse answer shows.

mod fbo;
mod fbs;
mod labels;
mod prices;
mod products;
mod returns;
mod state;
mod stocks;
mod warehouses;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, TimeDelta, Utc};
use market_core::sandbox::{
    Answer, Call, Charge, Emulate, FaultPlan, Faults, Quota, Refusal, RequestLog, Shell, tiny_pdf,
};
use market_core::transport::Operation;
use rust_decimal::Decimal;
use serde::Serialize;
use serde::de::DeserializeOwned;
use wiremock::{MockServer, Request};

use crate::api::fbo::POSTING_FBO_LIST_PAGE_MAX;
use crate::api::fbs::{
    CANCEL_REASON_OTHER, POSTING_FBS_LIST_PAGE_MAX, POSTING_FBS_LIST_WINDOW_MAX_DAYS,
};
use crate::api::labels::PACKAGE_LABEL_MAX;
use crate::api::prices::{PRICES_INFO_PAGE_MAX, PRICES_UPDATE_MAX, validate_price};
use crate::api::products::{
    PRODUCT_IMPORT_MAX, PRODUCT_INFO_LIST_MAX, PRODUCT_LIST_FILTER_MAX, PRODUCT_LIST_PAGE_MAX,
    validate_import_item,
};
use crate::api::returns::{RETURNS_LIST_PAGE_MAX, RETURNS_POSTINGS_MAX};
use crate::api::stocks::{
    STOCKS_BY_WAREHOUSE_FBS_MAX, STOCKS_BY_WAREHOUSE_FBS_PAGE_MAX, STOCKS_INFO_PAGE_MAX,
    STOCKS_UPDATE_MAX, validate_stock,
};
use crate::api::warehouses::WAREHOUSE_LIST_PAGE_MAX;
use crate::api::{self, OPERATIONS};
use crate::ids::{
    DeliveryMethodId, DescriptionCategoryId, ImportTaskId, PostingNumber, ProductId, Sku, TypeId,
    WarehouseId,
};
use crate::models::common::{
    Cancellation, FbsListCommission, FbsListFinancialData, FbsListFinancialProduct, LegalInfo,
    PostingFinancialData, PostingFinancialDataProduct, PostingMoney, PostingStatus, SortDirection,
};
use crate::models::fbo::{
    FboListPosting, FboListPostingProduct, FboPosting, FboPostingAnalyticsData,
    FboPostingGetRequest, FboPostingListRequest, FboPostingListResponse, FboPostingProduct,
    FboPostingResponse, FboPostingWith,
};
use crate::models::fbs::{
    BooleanResponse, CancelReason, CancelReasonListResponse, CancelRequest, DeliveryMethod,
    Dimensions, ExemplarProduct, FbsListPostingProduct, FbsPosting, FbsPostingAnalyticsData,
    FbsPostingDetail, FbsPostingGetRequest, FbsPostingGetResponse, FbsPostingListRequest,
    FbsPostingListResponse, MoveStatus, MoveStatusResponse, PostingNumbersRequest,
    PostingProductDetail, PostingSubstatus, ProductExemplars, RelatedPostings, ShipAdditionalData,
    ShipRequest, ShipResponse, ShippedProduct, TplIntegrationType,
};
use crate::models::labels::PackageLabelRequest;
use crate::models::prices::{
    ImportPricesError, ImportPricesRequest, ImportPricesResponse, ImportPricesResult, ItemPrice,
    PriceCommissions, PricesInfoRequest, PricesInfoResponse, ProductPriceInfo,
};
use crate::models::products::{
    ImportInfoItem, ImportInfoRequest, ImportInfoResponse, ImportInfoResult, ImportItemError,
    ProductCommission, ProductImportRequest, ProductImportResponse, ProductImportResult,
    ProductInfo, ProductInfoListRequest, ProductInfoListResponse, ProductListItem,
    ProductListRequest, ProductListResponse, ProductListResult, ProductModelInfo, ProductSource,
    ProductStatuses, ProductStock, ProductStocks, ProductVisibilityDetails, SourceShipmentType,
};
use crate::models::returns::{
    ReturnItem, ReturnLogistic, ReturnMoney, ReturnPlace, ReturnProduct, ReturnType, ReturnVisual,
    ReturnVisualStatus, ReturnVisualStatusInfo, ReturnsListRequest, ReturnsListResponse,
};
use crate::models::stocks::{
    ProductsStocksRequest, ProductsStocksResponse, ProductsStocksResponseError,
    ProductsStocksResponseResult, StockShipmentType, StocksByWarehouseProduct,
    StocksByWarehouseRequest, StocksByWarehouseResponse, StocksInfoItem, StocksInfoRequest,
    StocksInfoResponse, StocksInfoStock,
};
use crate::models::warehouses::{
    FirstMile, FirstMileType, Warehouse, WarehouseListRequest, WarehouseListResponse,
    WarehouseStatus, Weekday,
};
use crate::{Client, ClientBuilder, limits};

use self::fbs::*;
use self::returns::*;
use self::state::*;

/// The `Client-Id` the sandbox accepts.
pub const SANDBOX_CLIENT_ID: &str = "sandbox-client";
/// The `Api-Key` the sandbox accepts.
pub const SANDBOX_API_KEY: &str = "sandbox-key";

/// The first warehouse id; the others follow it.
const FIRST_WAREHOUSE_ID: i64 = 22_142_605_386_000;
/// How far back the seeded postings go.
const HISTORY_DAYS: u64 = 7;

/// What the sandbox holds and how it behaves.
#[derive(Debug, Clone)]
pub struct SandboxConfig {
    /// The seed every generated value derives from (default 42): two sandboxes with the same
    /// seed and sizes hold the same catalogue and postings.
    pub seed: u64,
    /// Products in the catalogue (default 40): offer ids `SKU-0001`, `SKU-0002`, ...; the kit
    /// components `BALL` and `BASKET` come on top.
    pub products: usize,
    /// FBS warehouses (default 2): ids 22142605386000, 22142605386001, ...; every second one
    /// works under rFBS.
    pub warehouses: usize,
    /// FBS postings spread over the last 7 days, in mixed statuses (default 120).
    pub fbs_orders: usize,
    /// FBO postings spread over the last 7 days (default 30).
    pub fbo_orders: usize,
    /// New postings awaiting packaging created by each FBS list call with offset 0, before it
    /// is answered (default 0).
    pub new_orders_per_poll: usize,
    /// Whether Ozon's rate limits apply (default true): 50 requests a second per `Client-Id`
    /// and 80 stock updates a minute, answered 429 with Ozon's body.
    pub rate_limits: bool,
    /// Injected faults (default none).
    pub faults: FaultPlan,
}

impl Default for SandboxConfig {
    fn default() -> Self {
        Self {
            seed: 42,
            products: 40,
            warehouses: 2,
            fbs_orders: 120,
            fbo_orders: 30,
            new_orders_per_poll: 0,
            rate_limits: true,
            faults: FaultPlan::none(),
        }
    }
}

/// A running emulator of the Ozon Seller API; dropping it stops the server.
pub struct Sandbox {
    server: MockServer,
    shell: Arc<Shell<Ozon>>,
}

impl fmt::Debug for Sandbox {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let st = self.shell.state();
        f.debug_struct("Sandbox")
            .field("uri", &self.server.uri())
            .field("products", &st.products.len())
            .field("warehouses", &st.warehouses.len())
            .field("fbs_postings", &st.fbs.len())
            .field("fbo_postings", &st.fbo.len())
            .field("requests", &self.shell.requests().total())
            .finish_non_exhaustive()
    }
}

impl Sandbox {
    /// Starts a sandbox with the default configuration.
    pub async fn start() -> Sandbox {
        Self::start_with(SandboxConfig::default()).await
    }

    /// Starts a sandbox with `config`.
    pub async fn start_with(config: SandboxConfig) -> Sandbox {
        let shell = Shell::new(
            Ozon,
            State::generate(&config, Utc::now()),
            Faults::new(config.faults.clone()),
            config.rate_limits,
        );
        let server = shell.serve().await;
        Sandbox { server, shell }
    }

    /// The base URL, e.g. `http://127.0.0.1:PORT`.
    pub fn uri(&self) -> String {
        self.server.uri()
    }

    /// A client aimed at [`Sandbox::uri`] with the sandbox credentials and default settings.
    ///
    /// Fails only if the HTTP client cannot be built at all (its TLS backend fails to
    /// initialise).
    pub fn client(&self) -> market_core::Result<Client> {
        self.client_builder().build()
    }

    /// A builder aimed at [`Sandbox::uri`] with the sandbox credentials, to adjust retries,
    /// timeouts or rate limiting before building.
    pub fn client_builder(&self) -> ClientBuilder {
        Client::builder(SANDBOX_CLIENT_ID, SANDBOX_API_KEY).base_url(self.uri())
    }

    /// Every request received, counted by `"METHOD /path"` (`"POST /v2/products/stocks"`).
    pub fn requests(&self) -> &RequestLog {
        self.shell.requests()
    }

    /// The fault injector; [`Faults::set`] changes the plan at run time.
    pub fn faults(&self) -> &Faults {
        self.shell.faults()
    }

    /// Creates `n` new FBS postings awaiting packaging, processed now; returns their numbers.
    pub fn add_orders(&self, n: usize) -> Vec<PostingNumber> {
        let mut st = self.shell.state();
        let now = Utc::now();
        (0..n).map(|_| st.add_fbs(now, None)).collect()
    }

    /// Creates an FBS posting awaiting packaging, processed at `at` (in the past, for a
    /// posting older than the poll window); returns its number.
    pub fn add_order_at(&self, at: DateTime<Utc>) -> PostingNumber {
        self.shell.state().add_fbs(at, None)
    }

    /// The buyer cancels an FBS posting now (status `cancelled`, its last status change now);
    /// false when there is no such posting or it is delivered or already cancelled.
    pub fn cancel_by_buyer(&self, posting: &PostingNumber) -> bool {
        let mut st = self.shell.state();
        let Some(p) = st.fbs.iter_mut().find(|p| &p.number == posting) else {
            return false;
        };
        if matches!(
            p.status,
            PostingStatus::Delivered | PostingStatus::Cancelled
        ) {
            return false;
        }
        p.status = PostingStatus::Cancelled;
        p.status_changed_at = Utc::now();
        p.cancellation = Some(Cancellation {
            affect_cancellation_rating: false,
            cancel_reason: "Покупатель отменил заказ".into(),
            cancel_reason_id: 507,
            cancellation_initiator: "Покупатель".into(),
            cancellation_type: "client".into(),
            cancelled_after_ship: false,
        });
        true
    }

    /// Makes the next `POST /v4/posting/fbs/ship` of this posting fail as Ozon documents it:
    /// the answer is 200, but the posting stays awaiting packaging with
    /// `substatus = ship_failed` (seen by `/v3/posting/fbs/get` and the lists).
    pub fn fail_next_ship(&self, posting: &PostingNumber) {
        self.shell.state().failing_ships.insert(posting.clone());
    }

    /// Moves postings one step on: `awaiting_deliver` to `delivering`, `delivering` to
    /// `delivered` (FBS and FBO).
    pub fn advance(&self) {
        let mut st = self.shell.state();
        let now = Utc::now();
        for p in &mut st.fbs {
            match p.status {
                PostingStatus::AwaitingDeliver => {
                    p.status = PostingStatus::Delivering;
                    p.delivering_date = Some(now);
                    p.status_changed_at = now;
                }
                PostingStatus::Delivering => {
                    p.status = PostingStatus::Delivered;
                    p.status_changed_at = now;
                }
                _ => {}
            }
        }
        for p in &mut st.fbo {
            match p.status {
                PostingStatus::AwaitingDeliver => p.status = PostingStatus::Delivering,
                PostingStatus::Delivering => p.status = PostingStatus::Delivered,
                _ => {}
            }
        }
    }

    /// Every offer id of the catalogue, in catalogue order.
    pub fn offers(&self) -> Vec<String> {
        self.shell
            .state()
            .products
            .iter()
            .map(|p| p.offer_id.clone())
            .collect()
    }

    /// The FBS/rFBS warehouses.
    pub fn warehouse_ids(&self) -> Vec<WarehouseId> {
        self.shell.state().warehouses.iter().map(|w| w.id).collect()
    }

    /// The stock of an offer at a warehouse as the seller last set it; `None` for an unknown
    /// offer or warehouse.
    pub fn stock(&self, offer_id: &str, warehouse: WarehouseId) -> Option<i64> {
        let st = self.shell.state();
        st.warehouses.iter().find(|w| w.id == warehouse)?;
        let p = st.products.iter().find(|p| p.offer_id == offer_id)?;
        Some(p.stocks.get(&warehouse).copied().unwrap_or(0))
    }

    /// The price of an offer (discounts included); `None` for an unknown offer.
    pub fn price(&self, offer_id: &str) -> Option<Decimal> {
        self.shell
            .state()
            .products
            .iter()
            .find(|p| p.offer_id == offer_id)
            .map(|p| p.price)
    }

    /// The status of an FBS or FBO posting; `None` when there is no such posting.
    pub fn posting_status(&self, posting: &str) -> Option<PostingStatus> {
        let st = self.shell.state();
        st.fbs
            .iter()
            .find(|p| p.number.as_str() == posting)
            .map(|p| p.status.clone())
            .or_else(|| {
                st.fbo
                    .iter()
                    .find(|p| p.number.as_str() == posting)
                    .map(|p| p.status.clone())
            })
    }

    /// How many postings exist, FBS and FBO.
    pub fn posting_count(&self) -> usize {
        let st = self.shell.state();
        st.fbs.len() + st.fbo.len()
    }
}

// ---------------------------------------------------------------------------------------------
// Answers.
// ---------------------------------------------------------------------------------------------

/// A handler's answer: Ozon's success body, or its refusal.
type Handled = Result<Answer, Answer>;

/// Ozon's error body (`rpcStatus`).
#[derive(Serialize)]
struct RpcStatus<'a> {
    code: i32,
    message: &'a str,
    details: [(); 0],
}

fn error(status: u16, code: i32, message: &str) -> Answer {
    Answer::json(
        status,
        &RpcStatus {
            code,
            message,
            details: [],
        },
    )
}

/// 400 with Ozon's "invalid argument" code.
fn invalid(message: impl AsRef<str>) -> Answer {
    error(400, 3, message.as_ref())
}

fn not_found(message: impl AsRef<str>) -> Answer {
    error(404, 5, message.as_ref())
}

fn rate_limited() -> Answer {
    error(429, 8, "You have reached request rate limit per second")
}

fn ok<T: Serialize>(value: &T) -> Handled {
    match serde_json::to_vec(value) {
        Ok(body) => Ok(Answer::raw(200, body, "application/json")),
        Err(_) => Err(error(500, 13, "internal error")),
    }
}

fn parse<T: DeserializeOwned>(body: &[u8]) -> Result<T, Answer> {
    serde_json::from_slice(body).map_err(|e| invalid(format!("invalid request body: {e}")))
}

/// Checks a page size.
fn check_limit(limit: i64, max: i64) -> Result<(), Answer> {
    if (1..=max).contains(&limit) {
        Ok(())
    } else {
        Err(invalid(format!(
            "limit must be between 1 and {max}, got {limit}"
        )))
    }
}

/// Checks a batch size.
fn check_batch(what: &str, len: usize, max: usize) -> Result<(), Answer> {
    if len == 0 {
        return Err(invalid(format!("{what} is required")));
    }
    if len > max {
        return Err(invalid(format!(
            "{what}: {len} items, at most {max} are allowed in one request"
        )));
    }
    Ok(())
}

/// The cursor after a page of `taken` rows from `start` out of `total` (this emulator's cursors
/// are offsets), and whether more rows follow: `""` after the last page, as Ozon writes it.
fn next_cursor(start: usize, taken: usize, total: usize) -> (String, bool) {
    let next = start.saturating_add(taken);
    if next < total {
        (next.to_string(), true)
    } else {
        (String::new(), false)
    }
}

/// A cursor of the cursor-paged lists: the index of the next item, as text.
fn parse_cursor(cursor: &str) -> Result<usize, Answer> {
    if cursor.is_empty() {
        return Ok(0);
    }
    cursor
        .parse()
        .map_err(|_| invalid(format!("invalid cursor {cursor:?}")))
}

/// True when a product passes a visibility filter (the three visibility enums share values).
fn visible(p: &ProductRec, visibility: Option<&str>) -> bool {
    let has_stock = p.stocks.values().any(|s| *s > 0);
    match visibility.unwrap_or("ALL") {
        "ARCHIVED" => p.archived,
        "VISIBLE" | "IN_SALE" => !p.archived && has_stock,
        "INVISIBLE" | "EMPTY_STOCK" | "REMOVED_FROM_SALE" => !p.archived && !has_stock,
        _ => !p.archived,
    }
}

// ---------------------------------------------------------------------------------------------
// The emulator in market-core's shell.
// ---------------------------------------------------------------------------------------------

/// Ozon's side of the emulator: credentials, refusal bodies, quotas and the handlers.
struct Ozon;

/// A handler of one operation.
type Handler = fn(&mut State, &[u8]) -> Handled;

/// The handler of each operation the emulator serves, by the crate's own statics.
const HANDLERS: &[(&Operation, Handler)] = &[
    (&api::warehouses::WAREHOUSE_LIST, |s, b| s.warehouse_list(b)),
    (&api::stocks::STOCKS_UPDATE, |s, b| s.stocks_update(b)),
    (&api::stocks::STOCKS_INFO, |s, b| s.stocks_info(b)),
    (&api::stocks::STOCKS_BY_WAREHOUSE_FBS, |s, b| {
        s.stocks_by_warehouse(b)
    }),
    (&api::prices::PRICES_UPDATE, |s, b| s.prices_update(b)),
    (&api::prices::PRICES_INFO, |s, b| s.prices_info(b)),
    (&api::products::PRODUCT_LIST, |s, b| s.product_list(b)),
    (&api::products::PRODUCT_INFO_LIST, |s, b| {
        s.product_info_list(b)
    }),
    (&api::products::PRODUCT_IMPORT, |s, b| s.product_import(b)),
    (&api::products::PRODUCT_IMPORT_INFO, |s, b| {
        s.product_import_info(b)
    }),
    (&api::fbs::POSTING_FBS_LIST, |s, b| s.fbs_list(b)),
    (&api::fbs::POSTING_FBS_GET, |s, b| s.fbs_get(b)),
    (&api::fbs::POSTING_FBS_SHIP, |s, b| s.fbs_ship(b)),
    (&api::fbs::POSTING_FBS_CANCEL, |s, b| s.fbs_cancel(b)),
    (&api::fbs::POSTING_FBS_CANCEL_REASON_LIST, |s, _| {
        s.cancel_reasons()
    }),
    (&api::fbs::POSTING_FBS_DELIVERING, |s, b| {
        s.fbs_delivering(b)
    }),
    (&api::fbo::POSTING_FBO_LIST, |s, b| s.fbo_list(b)),
    (&api::fbo::POSTING_FBO_GET, |s, b| s.fbo_get(b)),
    (&api::labels::PACKAGE_LABEL, |s, b| s.package_label(b)),
    (&api::returns::RETURNS_LIST, |s, b| s.returns_list(b)),
];

/// The handler of `op`; `None` for an operation the emulator does not serve.
fn handler(op: &Operation) -> Option<Handler> {
    HANDLERS
        .iter()
        .find(|(served, _)| std::ptr::eq(*served, op))
        .map(|(_, handler)| *handler)
}

impl Emulate for Ozon {
    type State = State;

    fn operations(&self) -> &[&'static Operation] {
        OPERATIONS
    }

    fn request_id(&self, n: u64) -> (&'static str, String) {
        ("x-o3-trace-id", format!("sandbox-{n:016x}"))
    }

    /// `Client-Id` and `Api-Key`: missing is 401, wrong is 403, with Ozon's body.
    fn authorize(&self, request: &Request) -> Result<String, Answer> {
        let header = |name: &str| {
            request
                .headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::trim)
                .filter(|v| !v.is_empty())
        };
        let (Some(client_id), Some(api_key)) = (header("client-id"), header("api-key")) else {
            return Err(error(401, 16, "Client-Id and Api-Key headers are required"));
        };
        if client_id != SANDBOX_CLIENT_ID || api_key != SANDBOX_API_KEY {
            return Err(error(403, 7, "Invalid Api-Key, please contact support"));
        }
        Ok(client_id.to_owned())
    }

    fn refuse(&self, refusal: &Refusal) -> Answer {
        match refusal {
            Refusal::NotFound { .. } => not_found("Not Found"),
            Refusal::InjectedRateLimit | Refusal::RateLimited(_) => rate_limited(),
            Refusal::InjectedServerError => error(500, 13, "internal error"),
        }
    }

    /// Ozon's documented quotas ([`limits`]): every request counts against the account's
    /// 50 a second, a stock update also against 80 a minute.
    fn charges(&self, call: &Call<'_>) -> Vec<Charge> {
        let account = Quota::Bucket {
            count: limits::ACCOUNT_PER_SECOND,
            period: Duration::from_secs(1),
            burst: limits::ACCOUNT_PER_SECOND,
        };
        let mut charges = vec![Charge::one(format!("{}/account", call.account), account)];
        if std::ptr::eq(call.op, &api::stocks::STOCKS_UPDATE) {
            let stocks = Quota::Bucket {
                count: limits::STOCKS_UPDATE_PER_MINUTE,
                period: Duration::from_secs(60),
                burst: limits::STOCKS_UPDATE_PER_MINUTE,
            };
            charges.push(Charge::one(
                format!("{}/{}", call.account, limits::STOCKS_UPDATE),
                stocks,
            ));
        }
        charges
    }

    /// Every operation of the spec that the emulator does not serve answers Ozon's 404.
    fn handle(&self, state: &mut State, call: &Call<'_>) -> Answer {
        match handler(call.op) {
            Some(handler) => handler(state, call.body()).unwrap_or_else(|e| e),
            None => not_found("Not Found"),
        }
    }
}
