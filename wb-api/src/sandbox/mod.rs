//! A stateful local emulator of the Wildberries seller APIs (feature `sandbox`).
//!
//! [`Sandbox`](crate::sandbox::Sandbox) starts a local HTTP server (wiremock) that keeps a
//! fake seller account: seller warehouses bound to WB offices, product cards with sizes and
//! barcodes, prices and discounts, stocks per size and warehouse, FBS assembly tasks of the
//! last week in mixed statuses with their supplies, buyers' claims and statistics rows, all
//! derived from a seed. It serves WB's real paths (those of the crate's `Operation` statics,
//! every section from one base URL) with answers built from the crate's own models, so a
//! [`Client`](crate::Client) aimed at it with
//! [`ClientBuilder::base_url`](crate::ClientBuilder::base_url) (or anything built on it, such
//! as the `Marketplace` implementation) runs unchanged:
//!
//! - it checks the `Authorization` header (401 with WB's `{title, detail, ...}` body);
//! - it enforces WB's per-request maxima, required parameters and value checks, answering with
//!   each section's own error body (marketplace `{code, message, data}`, content and prices
//!   `{data, error, errorText}`, claims and statistics as their specs give them);
//! - it keeps state: stocks and prices pushed are read back, supplies move their orders on
//!   (`new` -> `confirm` -> `complete`), cancelling moves an order to `cancel`, a card upload
//!   creates cards (or error-list entries);
//! - it limits requests per WB method group as the client's
//!   [`limits`](crate::limits) table says for a personal token (a token bucket of the group's
//!   burst, refilled at its rate; a 4XX answer costs 10 where WB says so), answering 429 with
//!   WB's body and `X-Ratelimit-*` headers, unless
//!   [`SandboxConfig::rate_limits`](crate::sandbox::SandboxConfig::rate_limits) is off;
//! - it injects faults (429, 500, slow answers, cut bodies, 200s without data, a page answered
//!   again whatever its cursor) from a
//!   [`FaultPlan`](market_core::sandbox::FaultPlan), and WB's 409 `StoreIsProcessing` on stock
//!   updates and deletes of a warehouse
//!   ([`Sandbox::store_processing`](crate::sandbox::Sandbox::store_processing)), and counts
//!   every request in a
//!   [`RequestLog`](market_core::sandbox::RequestLog) by operation
//!   (`"PUT /api/v3/stocks/{warehouseId}"`).
//!
//! ```
//! use wb_api::models::stocks::StockItem;
//! use wb_api::sandbox::{Sandbox, SandboxConfig};
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! tokio::runtime::Builder::new_current_thread()
//!     .enable_all()
//!     .build()?
//!     .block_on(async {
//!         let sandbox = Sandbox::start_with(SandboxConfig {
//!             orders: 10,
//!             ..SandboxConfig::default()
//!         })
//!         .await;
//!         let wb = sandbox.client()?;
//!         let warehouse = sandbox.warehouse_ids()[0];
//!         let barcode = sandbox.barcodes()[0].clone();
//!         let size = sandbox.chrt_id_of(&barcode).ok_or("no size")?;
//!         let report = wb
//!             .stocks()
//!             .update(warehouse, vec![StockItem::chrt(size, 7)])
//!             .await?;
//!         assert!(report.rejected.is_empty());
//!         assert_eq!(sandbox.stock(&barcode, warehouse), Some(7));
//!         assert_eq!(
//!             sandbox.requests().count("PUT /api/v3/stocks/{warehouseId}"),
//!             1
//!         );
//!         Ok::<_, Box<dyn std::error::Error>>(())
//!     })?;
//! # Ok(()) }
//! ```
//!
//! What is not emulated: card updates, media, trash, per-size prices, WB Club discounts, price
//! quarantine, warehouse creation, order metadata values, reshipment, and WB's delays (cards
//! and prices apply at once). A WB 409 on a stock update refuses the whole request (the items
//! WB names get `NotFound`), as the client reads it.

mod analytics;
mod content;
mod orders;
mod prices;
mod returns;
mod state;
mod statistics;
mod stocks;
mod supplies;
mod warehouses;

use orders::{base64, label_file};
use prices::upload_id;
use state::*;

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::str::FromStr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::{DateTime, NaiveDate, NaiveDateTime, SecondsFormat, TimeDelta, Utc};
use market_core::sandbox::{Fault, FaultPlan, Faults, RequestLog};
use market_core::transport::Operation;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Number, Value};
use wiremock::{MockServer, Request, Respond, ResponseTemplate};

use crate::api::analytics::{
    STOCKS_REPORT_WB_WAREHOUSES, STOCKS_REPORT_WB_WAREHOUSES_MAX,
    STOCKS_REPORT_WB_WAREHOUSES_PAGE_MAX,
};
use crate::api::content::{
    CARD_ERRORS, CARD_ERRORS_PAGE_MAX, CARDS_LIMITS, CARDS_LIST, CARDS_LIST_PAGE_MAX, CARDS_UPLOAD,
    CARDS_UPLOAD_MAX, PARENT_CATEGORIES, SUBJECTS, SUBJECTS_PAGE_MAX, VARIANTS_PER_CARD_MAX,
};
use crate::api::orders::{
    ORDER_CANCEL, ORDERS_LIST, ORDERS_LIST_PAGE_MAX, ORDERS_META, ORDERS_META_MAX, ORDERS_NEW,
    ORDERS_STATUS, ORDERS_STATUS_MAX, ORDERS_STICKERS, ORDERS_STICKERS_MAX,
};
use crate::api::prices::{
    DISCOUNT_MAX, PRICES_BUFFER_GOODS, PRICES_BUFFER_TASK, PRICES_GOODS_BY_NM,
    PRICES_GOODS_BY_NM_MAX, PRICES_GOODS_LIST, PRICES_HISTORY_GOODS, PRICES_HISTORY_TASK,
    PRICES_PAGE_MAX, PRICES_UPLOAD, PRICES_UPLOAD_MAX,
};
use crate::api::returns::{CLAIMS, CLAIMS_PAGE_MAX};
use crate::api::statistics::{STATISTICS_ORDERS as STAT_ORDERS, STATISTICS_SALES as STAT_SALES};
use crate::api::stocks::{
    AMOUNT_MAX, STOCKS_DELETE, STOCKS_DELETE_MAX, STOCKS_READ, STOCKS_READ_MAX, STOCKS_UPDATE,
    STOCKS_UPDATE_MAX,
};
use crate::api::supplies::{
    SUPPLIES_LIST, SUPPLIES_LIST_PAGE_MAX, SUPPLY_ADD_ORDERS, SUPPLY_ADD_ORDERS_MAX,
    SUPPLY_BARCODE, SUPPLY_CREATE, SUPPLY_DELETE, SUPPLY_DELIVER, SUPPLY_GET, SUPPLY_NAME_MAX,
    SUPPLY_ORDER_IDS,
};
use crate::api::warehouses::{OFFICES, WAREHOUSES_LIST};
use crate::ids::{CharcId, ChrtId, NmId, OfficeId, OrderId, SubjectId, SupplyId, UploadId};
use crate::models::analytics::{
    InventoryRequest, InventoryWbEnvelope, InventoryWbItem, InventoryWbResponse,
};
use crate::models::common::{CargoType, ErrorBody};
use crate::models::content::{
    Card, CardCharacteristic, CardDimensions, CardErrorBatch, CardErrorSubject,
    CardErrorsCursorAnswer, CardErrorsPage, CardErrorsRequest, CardPhoto, CardSize, CardToCreate,
    CardsCursorAnswer, CardsLimits, CardsListRequest, CardsListResponse, Envelope, ParentCategory,
    PhotoFilter, Subject,
};
use crate::models::orders::{
    DeliveryType as OrderDelivery, NewOrder, NewOrdersResponse, Order, OrderMeta, OrderOptions,
    OrderStatus, OrderStatusesRequest, OrderStatusesResponse, OrdersMetaRequest,
    OrdersMetaResponse, OrdersResponse, Sticker, StickersRequest, StickersResponse, SupplierStatus,
    WbStatus,
};
use crate::models::prices::{
    BufferGoodsData, BufferGoodsResponse, BufferTaskResponse, GoodHistory, GoodPrice,
    GoodsFilterRequest, GoodsHistoryData, GoodsHistoryResponse, GoodsList, GoodsListData,
    GoodsListResponse, GoodsListSize, PriceUploadRequest, TaskCreated, TaskCreatedData,
    TaskHistoryResponse, TaskMetadata,
};
use crate::models::returns::{Claim, ClaimsResponse};
use crate::models::statistics::{OrderRow, SaleRow, WarehouseType, utc_to_moscow};
use crate::models::stocks::{
    Stock, StocksConflict, StocksConflictItem, StocksDeleteRequest, StocksReadRequest,
    StocksReadResponse, StocksUpdateRequest,
};
use crate::models::supplies::{
    AddOrdersRequest, CreateSupplyRequest, CreateSupplyResponse, SuppliesResponse, Supply,
    SupplyBarcodeResponse, SupplyOrderIds,
};
use crate::models::warehouses::{
    CargoType as WarehouseCargo, DeliveryType as WarehouseDelivery, Office, Warehouse,
};
use crate::{Client, ClientBuilder, WarehouseId};

/// The token the sandbox accepts in `Authorization` (as is, or after `Bearer `).
pub const SANDBOX_TOKEN: &str = "sandbox-token";

/// The first card's WB article; the others follow it.
const FIRST_NM_ID: i64 = 100_000_001;
/// The first barcode; every size's barcode follows it.
const FIRST_BARCODE: i64 = 2_000_000_000_001;
/// The first seller warehouse id; the others follow it.
const FIRST_WAREHOUSE_ID: i64 = 1_000_001;
/// The first size id.
const FIRST_CHRT_ID: i64 = 400_000_001;
/// The first merged card id.
const FIRST_IMT_ID: i64 = 200_000_001;
/// How far back the seeded orders go.
const HISTORY_DAYS: i64 = 7;
/// How far back claims are kept (WB lists those of the last 14 days).
const CLAIMS_DAYS: i64 = 14;
/// The longest window of the orders list.
const ORDERS_WINDOW_DAYS: i64 = 30;
/// Seconds of clock difference the orders window tolerates.
const WINDOW_SLACK_SECS: i64 = 120;
/// The jitter allowed to a client that keeps to the documented rate (see [`TokenBucket`]).
const RATE_TOLERANCE: Duration = Duration::from_millis(250);
/// ISO 4217 numeric code of the rouble.
const RUB: i32 = 643;

/// What the sandbox holds and how it behaves.
#[derive(Debug, Clone)]
pub struct SandboxConfig {
    /// The seed every generated value derives from (default 42): two sandboxes with the same
    /// seed and sizes hold the same account.
    pub seed: u64,
    /// Product cards (default 40): seller's articles `SKU-0001`, ..., WB articles from
    /// 100000001, one size each with a barcode from `2000000000001` on (every fifth card has
    /// two sizes, so two barcodes); a price in whole roubles and a discount in percent.
    pub cards: usize,
    /// Seller warehouses (default 2): ids 1000001, 1000002, ..., named `Склад Москва`, ...
    pub warehouses: usize,
    /// FBS assembly tasks spread over the last 7 days, in mixed statuses, with their supplies
    /// (default 120).
    pub orders: usize,
    /// New tasks created by each `GET /api/v3/orders/new` and by each first page (`next=0`) of
    /// `GET /api/v3/orders`, before it is answered (default 0).
    pub new_orders_per_poll: usize,
    /// Whether WB's rate limits apply (default true), per method group as
    /// [`crate::limits::limit`] gives them for a personal token, answered 429 with WB's body
    /// and headers; a 4XX answer (but 429) costs 10 requests in the groups where WB says so.
    pub rate_limits: bool,
    /// Injected faults (default none).
    pub faults: FaultPlan,
}

impl Default for SandboxConfig {
    fn default() -> Self {
        Self {
            seed: 42,
            cards: 40,
            warehouses: 2,
            orders: 120,
            new_orders_per_poll: 0,
            rate_limits: true,
            faults: FaultPlan::none(),
        }
    }
}

/// A running emulator of the WB seller APIs; dropping it stops the server.
pub struct Sandbox {
    server: MockServer,
    state: Arc<Mutex<State>>,
    requests: RequestLog,
    faults: Faults,
}

impl fmt::Debug for Sandbox {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let st = lock(&self.state);
        f.debug_struct("Sandbox")
            .field("uri", &self.server.uri())
            .field("cards", &st.cards.len())
            .field("warehouses", &st.warehouses.len())
            .field("orders", &st.orders.len())
            .field("supplies", &st.supplies.len())
            .field("requests", &self.requests.total())
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
        let state = Arc::new(Mutex::new(State::generate(&config, Utc::now())));
        let requests = RequestLog::default();
        let faults = Faults::new(config.faults.clone());
        let server = market_core::sandbox::server().await;
        let emulator = Emulator {
            state: Arc::clone(&state),
            requests: requests.clone(),
            faults: faults.clone(),
            limits: config.rate_limits.then(Limits::default),
            traces: AtomicU64::new(1),
        };
        market_core::sandbox::answer_all(&server, emulator).await;
        Sandbox {
            server,
            state,
            requests,
            faults,
        }
    }

    /// The base URL of every section, e.g. `http://127.0.0.1:PORT`.
    pub fn uri(&self) -> String {
        self.server.uri()
    }

    /// A client aimed at [`Sandbox::uri`] (every section) with [`SANDBOX_TOKEN`] and default
    /// settings.
    ///
    /// Fails only if the HTTP client cannot be built at all (its TLS backend fails to
    /// initialise).
    pub fn client(&self) -> market_core::Result<Client> {
        self.client_builder().build()
    }

    /// A builder aimed at [`Sandbox::uri`] with [`SANDBOX_TOKEN`], to adjust retries, timeouts
    /// or rate limiting before building.
    pub fn client_builder(&self) -> ClientBuilder {
        Client::builder(SANDBOX_TOKEN).base_url(self.uri())
    }

    /// Every request received, counted by operation: `"METHOD /path/template"`, e.g.
    /// `"PUT /api/v3/stocks/{warehouseId}"` (requests to unknown paths by their own path).
    pub fn requests(&self) -> &RequestLog {
        &self.requests
    }

    /// The fault injector; [`Faults::set`] changes the plan at run time.
    pub fn faults(&self) -> &Faults {
        &self.faults
    }

    /// Creates `n` new assembly tasks (`supplierStatus` new, `wbStatus` waiting), created now;
    /// returns their ids (none when the account has no cards or no warehouses).
    pub fn add_orders(&self, n: usize) -> Vec<OrderId> {
        let mut st = lock(&self.state);
        let now = Utc::now();
        (0..n)
            .filter_map(|_| st.add_order(now, Phase::New))
            .collect()
    }

    /// Creates one new assembly task (`supplierStatus` new, `wbStatus` waiting) created at
    /// `at` (a day ago, say: an order an incremental poll by creation time has left behind);
    /// `None` when the account has no cards or no warehouses.
    pub fn add_order_created(&self, at: DateTime<Utc>) -> Option<OrderId> {
        lock(&self.state).add_order(at, Phase::New)
    }

    /// The buyer cancels a new assembly task (`wbStatus` `declined_by_client`, its last change
    /// now), as WB's side does before the seller ships; false when there is no such task or it
    /// is no longer new.
    pub fn cancel_by_buyer(&self, id: OrderId) -> bool {
        let mut st = lock(&self.state);
        let now = Utc::now();
        let Some(o) = st.orders.iter_mut().find(|o| o.id == id) else {
            return false;
        };
        if o.supplier != SupplierStatus::New || o.wb != WbStatus::Waiting {
            return false;
        }
        o.wb = WbStatus::DeclinedByClient;
        o.cancelled_at = Some(now);
        o.last_change = now;
        true
    }

    /// Moves WB's side on: the tasks of delivered supplies that WB has sorted are sold
    /// (`wbStatus` sorted -> sold).
    pub fn advance(&self) {
        let mut st = lock(&self.state);
        let now = Utc::now();
        for o in &mut st.orders {
            if o.supplier == SupplierStatus::Complete && o.wb == WbStatus::Sorted {
                o.wb = WbStatus::Sold;
                o.sold_at = Some(now);
                o.last_change = now;
            }
        }
    }

    /// Every barcode of every size, in catalogue order.
    pub fn barcodes(&self) -> Vec<String> {
        lock(&self.state)
            .cards
            .iter()
            .flat_map(|c| c.sizes.iter().flat_map(|s| s.skus.iter().cloned()))
            .collect()
    }

    /// Every seller's article (`vendorCode`), in catalogue order.
    pub fn vendor_codes(&self) -> Vec<String> {
        lock(&self.state)
            .cards
            .iter()
            .map(|c| c.vendor_code.clone())
            .collect()
    }

    /// Every WB article (`nmID`), in catalogue order.
    pub fn nm_ids(&self) -> Vec<NmId> {
        lock(&self.state).cards.iter().map(|c| c.nm_id).collect()
    }

    /// The seller warehouses.
    pub fn warehouse_ids(&self) -> Vec<WarehouseId> {
        lock(&self.state).warehouses.iter().map(|w| w.id).collect()
    }

    /// The stock of the size with `barcode` at a warehouse (0 when it has no stock record
    /// there); `None` for an unknown barcode or warehouse.
    pub fn stock(&self, barcode: &str, warehouse: WarehouseId) -> Option<i64> {
        let st = lock(&self.state);
        st.warehouses.iter().find(|w| w.id == warehouse)?;
        let chrt = st.barcode_index.get(barcode)?;
        Some(st.stocks.get(&(*chrt, warehouse)).copied().unwrap_or(0))
    }

    /// The stock of a size at a warehouse (0 when it has no stock record there); `None` for an
    /// unknown size or warehouse.
    pub fn stock_of(&self, chrt_id: ChrtId, warehouse: WarehouseId) -> Option<i64> {
        let st = lock(&self.state);
        st.warehouses.iter().find(|w| w.id == warehouse)?;
        st.chrt_index.get(&chrt_id)?;
        Some(st.stocks.get(&(chrt_id, warehouse)).copied().unwrap_or(0))
    }

    /// The size (`chrtId`) of a barcode, `None` when no card has it.
    pub fn chrt_id_of(&self, barcode: &str) -> Option<ChrtId> {
        lock(&self.state).barcode_index.get(barcode.trim()).copied()
    }

    /// Makes the next `times` stock updates or deletes at `warehouse` answer 409
    /// `StoreIsProcessing`, as WB does while the warehouse's stocks are being processed ("try
    /// again after a few seconds"); nothing is applied by a refused request. `0` clears it.
    pub fn store_processing(&self, warehouse: WarehouseId, times: usize) {
        let mut st = lock(&self.state);
        if times == 0 {
            st.store_processing.remove(&warehouse);
        } else {
            st.store_processing.insert(warehouse, times);
        }
    }

    /// The price of a card: its full price (whole roubles) and the seller's discount, percent;
    /// `None` for an unknown article.
    pub fn price(&self, nm_id: NmId) -> Option<(Decimal, u32)> {
        let st = lock(&self.state);
        st.card(nm_id).map(|c| (c.price, c.discount))
    }

    /// The card (`nmID`) a barcode or a seller's article belongs to.
    pub fn nm_id_of(&self, barcode_or_article: &str) -> Option<NmId> {
        lock(&self.state)
            .cards
            .iter()
            .find(|c| {
                c.vendor_code == barcode_or_article
                    || c.sizes
                        .iter()
                        .any(|s| s.skus.iter().any(|b| b == barcode_or_article))
            })
            .map(|c| c.nm_id)
    }

    /// The selling price of a card before WB's own discounts: the full price less the
    /// seller's discount; `None` for an unknown article.
    pub fn selling_price(&self, nm_id: NmId) -> Option<Decimal> {
        self.price(nm_id).map(|(full, discount)| {
            full * Decimal::from(100 - discount.min(100)) / Decimal::from(100)
        })
    }

    /// The statuses of an assembly task: (`supplierStatus`, `wbStatus`); `None` when there is
    /// no such task.
    pub fn order_status(&self, id: OrderId) -> Option<(String, String)> {
        let st = lock(&self.state);
        st.order(id)
            .map(|o| (o.supplier.as_str().to_owned(), o.wb.as_str().to_owned()))
    }

    /// How many supplies exist (each made by one acted-on `POST /api/v3/supplies`).
    pub fn supply_count(&self) -> usize {
        lock(&self.state).supplies.len()
    }

    /// How many assembly tasks exist.
    pub fn order_count(&self) -> usize {
        lock(&self.state).orders.len()
    }

    /// How many cards exist (seeded and uploaded).
    pub fn card_count(&self) -> usize {
        lock(&self.state).cards.len()
    }
}

use market_core::sandbox::lock;

// ---------------------------------------------------------------------------------------------
// Answers.
// ---------------------------------------------------------------------------------------------

/// A response before faults are applied.
struct Answer {
    status: u16,
    body: Vec<u8>,
    content_type: &'static str,
}

type Handled = Result<Answer, Answer>;

impl Answer {
    fn template(&self) -> ResponseTemplate {
        let t = ResponseTemplate::new(self.status);
        if self.body.is_empty() {
            t
        } else {
            t.set_body_raw(self.body.clone(), self.content_type)
        }
    }

    fn empty(status: u16) -> Self {
        Self {
            status,
            body: Vec::new(),
            content_type: "application/json",
        }
    }
}

fn json_answer(status: u16, value: &Value) -> Answer {
    Answer {
        status,
        body: serde_json::to_vec(value).unwrap_or_default(),
        content_type: "application/json",
    }
}

fn to_json<T: Serialize>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// A model as a 200 answer.
fn ok<T: Serialize>(value: &T) -> Handled {
    Ok(json_answer(200, &to_json(value)))
}

/// A model as a 200 answer, with the decimal texts under `keys` written as JSON numbers (the
/// crate's decimals serialise as text; WB sends numbers).
fn ok_numbers<T: Serialize>(value: &T, keys: &[&str]) -> Handled {
    let mut v = to_json(value);
    numbers_in(&mut v, keys);
    Ok(json_answer(200, &v))
}

fn numbers_in(value: &mut Value, keys: &[&str]) {
    match value {
        Value::Object(map) => {
            for (k, v) in map.iter_mut() {
                if keys.contains(&k.as_str())
                    && let Value::String(s) = v
                    && let Some(n) = number_of(s)
                {
                    *v = Value::Number(n);
                    continue;
                }
                numbers_in(v, keys);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| numbers_in(v, keys)),
        _ => {}
    }
}

fn number_of(text: &str) -> Option<Number> {
    let d = Decimal::from_str(text).ok()?.normalize();
    if d.scale() == 0 {
        d.to_i64().map(Number::from)
    } else {
        d.to_f64().and_then(Number::from_f64)
    }
}

/// Rewrites the RFC 3339 times under `keys` with `format` (after `shift`).
fn times_in(value: &mut Value, keys: &[&str], format: &str, moscow: bool) {
    match value {
        Value::Object(map) => {
            for (k, v) in map.iter_mut() {
                if keys.contains(&k.as_str())
                    && let Value::String(s) = v
                    && let Ok(t) = DateTime::parse_from_rfc3339(s)
                {
                    let t = t.with_timezone(&Utc);
                    let naive = if moscow {
                        utc_to_moscow(t)
                    } else {
                        t.naive_utc()
                    };
                    *v = Value::String(naive.format(format).to_string());
                    continue;
                }
                times_in(v, keys, format, moscow);
            }
        }
        Value::Array(items) => items
            .iter_mut()
            .for_each(|v| times_in(v, keys, format, moscow)),
        _ => {}
    }
}

/// The marketplace API's error body (`{code, message, data}`).
fn mp_error(status: u16, code: &str, message: &str) -> Answer {
    mp_error_with(status, code, message, None)
}

fn mp_error_with(status: u16, code: &str, message: &str, data: Option<Value>) -> Answer {
    json_answer(
        status,
        &to_json(&ErrorBody {
            code: code.into(),
            message: message.into(),
            data,
        }),
    )
}

fn incorrect_parameter() -> Answer {
    mp_error(400, "IncorrectParameter", "Передан некорректный параметр")
}

fn incorrect_body() -> Answer {
    mp_error(400, "IncorrectRequestBody", "Некорректное тело запроса")
}

fn not_found() -> Answer {
    mp_error(404, "NotFound", "Не найдено")
}

/// The content API's error body (`{data, error, errorText, additionalErrors}`).
fn content_error(status: u16, text: &str, additional: Value) -> Answer {
    json_answer(
        status,
        &to_json(&Envelope {
            data: Value::Null,
            error: true,
            error_text: text.into(),
            additional_errors: Some(additional),
        }),
    )
}

/// The prices API's error body (`{data, error, errorText}`).
fn prices_error(text: &str) -> Answer {
    json_answer(
        400,
        &to_json(&TaskCreated {
            data: None,
            error: true,
            error_text: text.into(),
        }),
    )
}

/// The analytics API's error body (schema `ErrorObject400`: `{title, detail, requestId, origin}`).
fn analytics_error(status: u16, detail: &str) -> Answer {
    json_answer(
        status,
        &serde_json::json!({
            "title": "bad request",
            "detail": detail,
            "requestId": "sandbox",
            "origin": "analytic-open-api",
        }),
    )
}

fn analytics_bad_request() -> Answer {
    analytics_error(400, "invalid request body")
}

/// The statistics API's 400 body (`{errors}`).
fn stat_error(errors: Value) -> Answer {
    json_answer(400, &serde_json::json!({ "errors": errors }))
}

/// The newer WB error body of the gateway (auth, limits) and of the claims API.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Problem<'a> {
    title: &'a str,
    detail: &'a str,
    code: &'a str,
    request_id: &'a str,
    origin: &'a str,
    status: u16,
    status_text: &'a str,
    timestamp: String,
}

fn problem(status: u16, title: &str, detail: &str, code: &str, request_id: &str) -> Answer {
    let status_text = http::StatusCode::from_u16(status)
        .ok()
        .and_then(|s| s.canonical_reason())
        .unwrap_or("Error");
    json_answer(
        status,
        &to_json(&Problem {
            title,
            detail,
            code,
            request_id,
            origin: "s2s-api-auth-sandbox",
            status,
            status_text,
            timestamp: Utc::now().to_rfc3339_opts(SecondsFormat::Secs, true),
        }),
    )
}

fn parse<T: DeserializeOwned>(body: &[u8], error: fn() -> Answer) -> Result<T, Answer> {
    serde_json::from_slice(body).map_err(|_| error())
}

// ---------------------------------------------------------------------------------------------
// Rate limits.
// ---------------------------------------------------------------------------------------------

/// A token bucket per WB method group: the group's burst at once, refilled at its rate.
///
/// WB documents each group as "N requests a period, an interval, a burst"; the client's
/// limiter (GCRA with that burst) may send the burst at once and then one every interval,
/// which a bucket of the same shape accepts exactly, with [`RATE_TOLERANCE`] for the time a
/// request spends between the client's permit and the server.
#[derive(Debug, Default)]
struct Limits {
    buckets: Mutex<HashMap<&'static str, Bucket>>,
}

#[derive(Debug)]
struct Bucket {
    capacity: f64,
    per_second: f64,
    tokens: f64,
    at: Instant,
}

/// What a limited answer reports about its group.
struct Quota {
    remaining: u64,
    burst: u64,
}

impl Bucket {
    fn refill(&mut self, now: Instant) {
        let gained = now.duration_since(self.at).as_secs_f64() * self.per_second;
        self.tokens = (self.tokens + gained).min(self.capacity);
        self.at = now;
    }

    /// Seconds until `tokens` tokens are there.
    fn wait_for(&self, tokens: f64) -> f64 {
        if self.per_second <= 0.0 {
            return 60.0;
        }
        ((tokens - self.tokens) / self.per_second).max(0.0)
    }
}

impl Limits {
    /// Counts a request of `group`: `Ok` with what is left, or `Err((retry, reset, burst))`
    /// in seconds when over the limit. Groups without a documented limit are not counted.
    fn admit(&self, group: &'static str) -> Result<Option<Quota>, (f64, f64, u64)> {
        let Some(limit) = crate::limits::limit(group, crate::limits::TokenType::Personal) else {
            return Ok(None);
        };
        let now = Instant::now();
        let mut buckets = lock(&self.buckets);
        let bucket = buckets.entry(group).or_insert_with(|| {
            let capacity = f64::from(limit.burst.max(1));
            Bucket {
                capacity,
                per_second: f64::from(limit.count) / limit.period.as_secs_f64().max(0.001),
                tokens: capacity,
                at: now,
            }
        });
        bucket.refill(now);
        let slack = bucket.per_second * RATE_TOLERANCE.as_secs_f64();
        if bucket.tokens >= 1.0 - slack {
            bucket.tokens -= 1.0;
            Ok(Some(Quota {
                remaining: bucket.tokens.max(0.0).floor() as u64,
                burst: bucket.capacity as u64,
            }))
        } else {
            Err((
                bucket.wait_for(1.0),
                bucket.wait_for(bucket.capacity),
                bucket.capacity as u64,
            ))
        }
    }

    /// Charges a group `tokens` more (WB counts a 4XX answer as 10 requests in some groups).
    fn charge(&self, group: &'static str, tokens: f64) -> Option<u64> {
        let mut buckets = lock(&self.buckets);
        let bucket = buckets.get_mut(group)?;
        bucket.tokens = (bucket.tokens - tokens).max(-bucket.capacity);
        Some(bucket.tokens.max(0.0).floor() as u64)
    }
}

/// Whole seconds, rounded up, at least one (WB's `X-Ratelimit-*` values).
fn header_secs(secs: f64) -> String {
    let s = secs.ceil();
    if s.is_finite() && s >= 1.0 {
        format!("{}", s as u64)
    } else {
        "1".into()
    }
}

// ---------------------------------------------------------------------------------------------
// Routing.
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Route {
    Subjects,
    ParentCategories,
    CardsList,
    CardErrors,
    CardsUpload,
    CardsLimits,
    PriceUpload,
    HistoryTask,
    HistoryGoods,
    BufferTask,
    BufferGoods,
    GoodsList,
    GoodsByNm,
    Warehouses,
    Offices,
    StocksUpdate,
    StocksRead,
    StocksDelete,
    OrdersNew,
    OrdersList,
    OrdersStatus,
    OrderCancel,
    Stickers,
    OrdersMeta,
    SupplyCreate,
    SuppliesList,
    SupplyAddOrders,
    SupplyGet,
    SupplyDelete,
    SupplyOrderIds,
    SupplyDeliver,
    SupplyBarcode,
    Claims,
    StocksReport,
    StatOrders,
    StatSales,
}

/// Every operation served, by the crate's own `Operation` statics.
fn routes() -> [(&'static Operation, Route); 36] {
    [
        (&SUBJECTS, Route::Subjects),
        (&PARENT_CATEGORIES, Route::ParentCategories),
        (&CARDS_LIST, Route::CardsList),
        (&CARD_ERRORS, Route::CardErrors),
        (&CARDS_UPLOAD, Route::CardsUpload),
        (&CARDS_LIMITS, Route::CardsLimits),
        (&PRICES_UPLOAD, Route::PriceUpload),
        (&PRICES_HISTORY_TASK, Route::HistoryTask),
        (&PRICES_HISTORY_GOODS, Route::HistoryGoods),
        (&PRICES_BUFFER_TASK, Route::BufferTask),
        (&PRICES_BUFFER_GOODS, Route::BufferGoods),
        (&PRICES_GOODS_LIST, Route::GoodsList),
        (&PRICES_GOODS_BY_NM, Route::GoodsByNm),
        (&WAREHOUSES_LIST, Route::Warehouses),
        (&OFFICES, Route::Offices),
        (&STOCKS_UPDATE, Route::StocksUpdate),
        (&STOCKS_READ, Route::StocksRead),
        (&STOCKS_DELETE, Route::StocksDelete),
        (&ORDERS_NEW, Route::OrdersNew),
        (&ORDERS_LIST, Route::OrdersList),
        (&ORDERS_STATUS, Route::OrdersStatus),
        (&ORDER_CANCEL, Route::OrderCancel),
        (&ORDERS_STICKERS, Route::Stickers),
        (&ORDERS_META, Route::OrdersMeta),
        (&SUPPLY_CREATE, Route::SupplyCreate),
        (&SUPPLIES_LIST, Route::SuppliesList),
        (&SUPPLY_ADD_ORDERS, Route::SupplyAddOrders),
        (&SUPPLY_GET, Route::SupplyGet),
        (&SUPPLY_DELETE, Route::SupplyDelete),
        (&SUPPLY_ORDER_IDS, Route::SupplyOrderIds),
        (&SUPPLY_DELIVER, Route::SupplyDeliver),
        (&SUPPLY_BARCODE, Route::SupplyBarcode),
        (&CLAIMS, Route::Claims),
        (&STOCKS_REPORT_WB_WAREHOUSES, Route::StocksReport),
        (&STAT_ORDERS, Route::StatOrders),
        (&STAT_SALES, Route::StatSales),
    ]
}

/// The values of a path's `{placeholders}`, by name.
type Params = Vec<(&'static str, String)>;

/// The values of a path's `{placeholders}` when it matches `template`.
fn match_path(template: &'static str, path: &str) -> Option<Params> {
    let t: Vec<&'static str> = template.trim_end_matches('/').split('/').collect();
    let p: Vec<&str> = path.trim_end_matches('/').split('/').collect();
    if t.len() != p.len() {
        return None;
    }
    let mut params = Vec::new();
    for (t, p) in t.iter().zip(&p) {
        match t.strip_prefix('{').and_then(|n| n.strip_suffix('}')) {
            Some(name) if !p.is_empty() => params.push((name, (*p).to_owned())),
            Some(_) => return None,
            None if t == p => {}
            None => return None,
        }
    }
    Some(params)
}

/// The operation a request names: a literal path wins over a template.
fn find_route(method: &str, path: &str) -> Option<(&'static Operation, Route, Params)> {
    routes()
        .into_iter()
        .filter(|(op, _)| op.method.as_str() == method)
        .filter_map(|(op, route)| match_path(op.path, path).map(|p| (op, route, p)))
        .min_by_key(|(_, _, params)| params.len())
}

/// A request's path parameters and query.
struct Args {
    params: Params,
    query: Vec<(String, String)>,
}

impl Args {
    fn param(&self, name: &str) -> &str {
        self.params
            .iter()
            .find(|(n, _)| *n == name)
            .map_or("", |(_, v)| v.as_str())
    }

    fn query(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// An integer query parameter: `Ok(None)` when absent, `Err` when not an integer.
    fn int(&self, name: &str) -> Result<Option<i64>, ()> {
        match self.query(name) {
            None => Ok(None),
            Some(v) => v.trim().parse().map(Some).map_err(|_| ()),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The responder.
// ---------------------------------------------------------------------------------------------

struct Emulator {
    state: Arc<Mutex<State>>,
    requests: RequestLog,
    faults: Faults,
    limits: Option<Limits>,
    traces: AtomicU64,
}

fn too_many(request_id: &str, retry: f64, reset: f64, burst: Option<u64>) -> ResponseTemplate {
    let template = problem(
        429,
        "too many requests",
        "limited by the sandbox's rate limit for this method group",
        "too-many-requests",
        request_id,
    )
    .template()
    .insert_header("x-ratelimit-retry", header_secs(retry).as_str())
    .insert_header("x-ratelimit-reset", header_secs(reset).as_str())
    .insert_header("x-ratelimit-remaining", "0");
    match burst {
        Some(burst) => template.insert_header("x-ratelimit-limit", burst.to_string().as_str()),
        None => template,
    }
}

impl Respond for Emulator {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let request_id = format!(
            "{:032x}",
            self.traces
                .fetch_add(1, Ordering::Relaxed)
                .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        );
        let method = request.method.as_str();
        let path = request.url.path();
        let route = find_route(method, path);
        match &route {
            Some((op, _, _)) => self.requests.record(op.method.as_str(), op.path),
            None => self.requests.record(method, path),
        }
        let token = request
            .headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
            .unwrap_or("");
        let token = token.strip_prefix("Bearer ").unwrap_or(token).trim();
        if token != SANDBOX_TOKEN {
            let detail = if token.is_empty() {
                "empty Authorization header"
            } else {
                "token problem; the token is not the sandbox's"
            };
            return problem(401, "unauthorized", detail, "unauthorized", &request_id)
                .template()
                .insert_header("x-request-id", request_id.as_str());
        }
        let fault = self.faults.next(path);
        match fault {
            Some(Fault::RateLimited) => {
                // An injected refusal says when to retry, not a (made-up) bucket size that the
                // client would learn as the group's limit.
                return too_many(&request_id, 1.0, 1.0, None)
                    .insert_header("x-request-id", request_id.as_str());
            }
            Some(Fault::ServerError) => {
                return problem(
                    500,
                    "internal server error",
                    "injected by the sandbox's fault plan",
                    "internal",
                    &request_id,
                )
                .template()
                .insert_header("x-request-id", request_id.as_str());
            }
            _ => {}
        }
        let Some((op, route, params)) = route else {
            return problem(
                404,
                "not found",
                &format!("{method} {path} is not a method of the WB sandbox"),
                "not-found",
                &request_id,
            )
            .template()
            .insert_header("x-request-id", request_id.as_str());
        };
        let group = op.limit_group;
        let quota = match self.limits.as_ref().map(|l| l.admit(group)) {
            Some(Err((retry, reset, burst))) => {
                return too_many(&request_id, retry, reset, Some(burst))
                    .insert_header("x-request-id", request_id.as_str());
            }
            Some(Ok(q)) => q,
            None => None,
        };
        let args = Args {
            params,
            query: request
                .url
                .query_pairs()
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        };
        let answer = {
            let mut st = lock(&self.state);
            st.route(route, &args, &request.body).unwrap_or_else(|e| e)
        };
        let mut remaining = quota.as_ref().map(|q| q.remaining);
        let extra = http::StatusCode::from_u16(answer.status)
            .map_or(0, |status| crate::limits::refusal_cost(group, status));
        if extra > 0
            && let Some(l) = &self.limits
        {
            remaining = l.charge(group, f64::from(extra)).or(remaining);
        }
        let mut template = answer
            .template()
            .insert_header("x-request-id", request_id.as_str());
        if let (Some(left), Some(q)) = (remaining, &quota) {
            template = template
                .insert_header("x-ratelimit-remaining", left.to_string().as_str())
                .insert_header("x-ratelimit-limit", q.burst.to_string().as_str());
        }
        self.faults
            .answer(path, fault, template, &answer.body, answer.content_type)
    }
}

impl State {
    fn route(&mut self, route: Route, args: &Args, body: &[u8]) -> Handled {
        match route {
            Route::Subjects => self.subjects(args),
            Route::ParentCategories => self.parent_categories(),
            Route::CardsList => self.cards_list(body),
            Route::CardErrors => self.card_errors(body),
            Route::CardsUpload => self.cards_upload(body),
            Route::CardsLimits => ok(&Envelope {
                data: CardsLimits {
                    free_limits: 1500,
                    paid_limits: 0,
                },
                error: false,
                error_text: String::new(),
                additional_errors: None,
            }),
            Route::PriceUpload => self.price_upload(body),
            Route::HistoryTask => self.history_task(args),
            Route::HistoryGoods => self.history_goods(args),
            Route::BufferTask => {
                upload_id(args)?;
                ok(&BufferTaskResponse::default())
            }
            Route::BufferGoods => {
                let id = upload_id(args)?;
                ok(&BufferGoodsResponse {
                    data: Some(BufferGoodsData {
                        upload_id: Some(id),
                        buffer_goods: Vec::new(),
                    }),
                    ..BufferGoodsResponse::default()
                })
            }
            Route::GoodsList => self.goods_list(args),
            Route::GoodsByNm => self.goods_by_nm(body),
            Route::Warehouses => self.warehouse_list(),
            Route::Offices => self.office_list(),
            Route::StocksUpdate => self.stocks_update(args, body),
            Route::StocksRead => self.stocks_read(args, body),
            Route::StocksDelete => self.stocks_delete(args, body),
            Route::OrdersNew => self.orders_new(),
            Route::OrdersList => self.orders_list(args),
            Route::OrdersStatus => self.orders_status(body),
            Route::OrderCancel => self.order_cancel(args),
            Route::Stickers => self.stickers(args, body),
            Route::OrdersMeta => self.orders_meta(body),
            Route::SupplyCreate => self.supply_create(body),
            Route::SuppliesList => self.supplies_list(args),
            Route::SupplyAddOrders => self.supply_add_orders(args, body),
            Route::SupplyGet => self.supply_get(args),
            Route::SupplyDelete => self.supply_delete(args),
            Route::SupplyOrderIds => self.supply_order_ids(args),
            Route::SupplyDeliver => self.supply_deliver(args),
            Route::SupplyBarcode => self.supply_barcode(args),
            Route::Claims => self.claims_list(args),
            Route::StocksReport => self.stocks_report(body),
            Route::StatOrders => self.stat_orders(args),
            Route::StatSales => self.stat_sales(args),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::orders::{adler32, crc32, tiny_png};
    use super::*;

    #[test]
    fn base64_matches_the_standard_alphabet_and_the_crate_decodes_it() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
        let bytes: Vec<u8> = (0..=255).collect();
        assert_eq!(
            crate::models::orders::decode_base64(&base64(&bytes)).unwrap(),
            bytes
        );
    }

    #[test]
    fn the_png_is_well_formed() {
        assert_eq!(crc32(b"IEND"), 0xAE42_6082);
        assert_eq!(adler32(b"Wikipedia"), 0x11E6_0398);
        let png = tiny_png(116, 80, 0xDEAD_BEEF);
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
        assert!(png.ends_with(&[0xAE, 0x42, 0x60, 0x82]));
    }

    #[test]
    fn paths_match_templates_and_literals_win() {
        let (op, route, params) = find_route("GET", "/api/v3/supplies/WB-GI-1").unwrap();
        assert_eq!(op.path, "/api/v3/supplies/{supplyId}");
        assert_eq!(route, Route::SupplyGet);
        assert_eq!(params, vec![("supplyId", "WB-GI-1".to_owned())]);
        let (_, route, _) = find_route("GET", "/api/v3/orders/new").unwrap();
        assert_eq!(route, Route::OrdersNew);
        assert!(find_route("GET", "/api/v3/nothing").is_none());
        assert!(find_route("DELETE", "/api/v3/orders").is_none());
    }

    #[test]
    fn decimals_become_numbers() {
        let mut v =
            serde_json::json!({"price": "350", "x": {"discountedPrice": "332.50"}, "id": "7"});
        numbers_in(&mut v, &["price", "discountedPrice"]);
        assert_eq!(
            v,
            serde_json::json!({"price": 350, "x": {"discountedPrice": 332.5}, "id": "7"})
        );
    }
}
