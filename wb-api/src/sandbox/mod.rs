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
//!
//! Layout: the server, state lock, routing by the served `Operation` statics, quotas, fault
//! injection and request log are `market_core::sandbox::Shell`; this module implements its
//! `Emulate` for WB (the token check, WB's refusal bodies and rate-limit headers, the groups'
//! buckets), `state.rs` holds the seeded account, and one handler file per `api/` section
//! answers its operations.

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
use std::sync::Arc;

use chrono::{DateTime, NaiveDate, NaiveDateTime, SecondsFormat, TimeDelta, Utc};
use market_core::sandbox::{
    Admitted, Answer as ShellAnswer, Call, Charge, Emulate, FaultPlan, Faults, Limiter, Quota,
    Refusal, RequestLog, Shell,
};
use market_core::transport::Operation;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Number, Value};
use wiremock::{MockServer, Request};

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
    shell: Arc<Shell<Emulator>>,
}

impl fmt::Debug for Sandbox {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let st = self.shell.state();
        f.debug_struct("Sandbox")
            .field("uri", &self.server.uri())
            .field("cards", &st.cards.len())
            .field("warehouses", &st.warehouses.len())
            .field("orders", &st.orders.len())
            .field("supplies", &st.supplies.len())
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
        let state = State::generate(&config, Utc::now());
        let faults = Faults::new(config.faults.clone());
        let shell = Shell::new(Emulator, state, faults, config.rate_limits);
        let server = shell.serve().await;
        Sandbox { server, shell }
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
        self.shell.requests()
    }

    /// The fault injector; [`Faults::set`] changes the plan at run time.
    pub fn faults(&self) -> &Faults {
        self.shell.faults()
    }

    /// Creates `n` new assembly tasks (`supplierStatus` new, `wbStatus` waiting), created now;
    /// returns their ids (none when the account has no cards or no warehouses).
    pub fn add_orders(&self, n: usize) -> Vec<OrderId> {
        let mut st = self.shell.state();
        let now = Utc::now();
        (0..n)
            .filter_map(|_| st.add_order(now, Phase::New))
            .collect()
    }

    /// Creates one new assembly task (`supplierStatus` new, `wbStatus` waiting) created at
    /// `at` (a day ago, say: an order an incremental poll by creation time has left behind);
    /// `None` when the account has no cards or no warehouses.
    pub fn add_order_created(&self, at: DateTime<Utc>) -> Option<OrderId> {
        self.shell.state().add_order(at, Phase::New)
    }

    /// The buyer cancels a new assembly task (`wbStatus` `declined_by_client`, its last change
    /// now), as WB's side does before the seller ships; false when there is no such task or it
    /// is no longer new.
    pub fn cancel_by_buyer(&self, id: OrderId) -> bool {
        let mut st = self.shell.state();
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
        let mut st = self.shell.state();
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
        self.shell
            .state()
            .cards
            .iter()
            .flat_map(|c| c.sizes.iter().flat_map(|s| s.skus.iter().cloned()))
            .collect()
    }

    /// Every seller's article (`vendorCode`), in catalogue order.
    pub fn vendor_codes(&self) -> Vec<String> {
        self.shell
            .state()
            .cards
            .iter()
            .map(|c| c.vendor_code.clone())
            .collect()
    }

    /// Every WB article (`nmID`), in catalogue order.
    pub fn nm_ids(&self) -> Vec<NmId> {
        self.shell.state().cards.iter().map(|c| c.nm_id).collect()
    }

    /// The seller warehouses.
    pub fn warehouse_ids(&self) -> Vec<WarehouseId> {
        self.shell.state().warehouses.iter().map(|w| w.id).collect()
    }

    /// The stock of the size with `barcode` at a warehouse (0 when it has no stock record
    /// there); `None` for an unknown barcode or warehouse.
    pub fn stock(&self, barcode: &str, warehouse: WarehouseId) -> Option<i64> {
        let st = self.shell.state();
        st.warehouses.iter().find(|w| w.id == warehouse)?;
        let chrt = st.barcode_index.get(barcode)?;
        Some(st.stocks.get(&(*chrt, warehouse)).copied().unwrap_or(0))
    }

    /// The stock of a size at a warehouse (0 when it has no stock record there); `None` for an
    /// unknown size or warehouse.
    pub fn stock_of(&self, chrt_id: ChrtId, warehouse: WarehouseId) -> Option<i64> {
        let st = self.shell.state();
        st.warehouses.iter().find(|w| w.id == warehouse)?;
        st.chrt_index.get(&chrt_id)?;
        Some(st.stocks.get(&(chrt_id, warehouse)).copied().unwrap_or(0))
    }

    /// The size (`chrtId`) of a barcode, `None` when no card has it.
    pub fn chrt_id_of(&self, barcode: &str) -> Option<ChrtId> {
        self.shell
            .state()
            .barcode_index
            .get(barcode.trim())
            .copied()
    }

    /// Makes the next `times` stock updates or deletes at `warehouse` answer 409
    /// `StoreIsProcessing`, as WB does while the warehouse's stocks are being processed ("try
    /// again after a few seconds"); nothing is applied by a refused request. `0` clears it.
    pub fn store_processing(&self, warehouse: WarehouseId, times: usize) {
        let mut st = self.shell.state();
        if times == 0 {
            st.store_processing.remove(&warehouse);
        } else {
            st.store_processing.insert(warehouse, times);
        }
    }

    /// The price of a card: its full price (whole roubles) and the seller's discount, percent;
    /// `None` for an unknown article.
    pub fn price(&self, nm_id: NmId) -> Option<(Decimal, u32)> {
        let st = self.shell.state();
        st.card(nm_id).map(|c| (c.price, c.discount))
    }

    /// The card (`nmID`) a barcode or a seller's article belongs to.
    pub fn nm_id_of(&self, barcode_or_article: &str) -> Option<NmId> {
        self.shell
            .state()
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
        let st = self.shell.state();
        st.order(id)
            .map(|o| (o.supplier.as_str().to_owned(), o.wb.as_str().to_owned()))
    }

    /// How many supplies exist (each made by one acted-on `POST /api/v3/supplies`).
    pub fn supply_count(&self) -> usize {
        self.shell.state().supplies.len()
    }

    /// How many assembly tasks exist.
    pub fn order_count(&self) -> usize {
        self.shell.state().orders.len()
    }

    /// How many cards exist (seeded and uploaded).
    pub fn card_count(&self) -> usize {
        self.shell.state().cards.len()
    }
}

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
    /// The shell's answer: an empty body is sent without a content type, as before.
    fn into_shell(self) -> ShellAnswer {
        ShellAnswer {
            status: self.status,
            body: self.body,
            content_type: self.content_type,
            headers: Vec::new(),
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

/// The operations served, routed by the shell (a literal path wins over a template).
static SERVED: std::sync::LazyLock<Vec<&'static Operation>> =
    std::sync::LazyLock::new(|| routes().iter().map(|(op, _)| *op).collect());

/// The handler of an operation.
fn route_of(op: &Operation) -> Option<Route> {
    routes()
        .into_iter()
        .find(|(o, _)| std::ptr::eq(*o, op))
        .map(|(_, route)| route)
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
// The emulator in market-core's shell.
// ---------------------------------------------------------------------------------------------

/// WB's behaviour in [`Shell`]: the token check, WB's refusal bodies and `X-Ratelimit-*`
/// headers, a token bucket per limit group, and the handlers.
struct Emulator;

thread_local! {
    /// The id of the request this thread is answering: the shell answers a request on one
    /// thread from [`Emulate::request_id`] to its answer, so the refusals WB writes the id
    /// into (401, 404, 429, 500) carry the id sent in `X-Request-Id`.
    static REQUEST_ID: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

fn current_request_id() -> String {
    REQUEST_ID.with(|id| id.borrow().clone())
}

/// A 429 in WB's shape: its body, `X-Ratelimit-Retry` and `-Reset` (whole seconds),
/// `-Remaining: 0`, and `-Limit` (the bucket's size) when a real bucket refused.
fn too_many(retry: f64, reset: f64, burst: Option<u32>) -> ShellAnswer {
    let answer = problem(
        429,
        "too many requests",
        "limited by the sandbox's rate limit for this method group",
        "too-many-requests",
        &current_request_id(),
    )
    .into_shell()
    .header("x-ratelimit-retry", header_secs(retry))
    .header("x-ratelimit-reset", header_secs(reset))
    .header("x-ratelimit-remaining", "0");
    match burst {
        Some(burst) => answer.header("x-ratelimit-limit", burst.to_string()),
        None => answer,
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

impl Emulate for Emulator {
    type State = State;

    fn operations(&self) -> &[&'static Operation] {
        &SERVED
    }

    fn request_id(&self, n: u64) -> (&'static str, String) {
        let id = format!("{:032x}", (n + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15));
        REQUEST_ID.with(|current| current.borrow_mut().clone_from(&id));
        ("x-request-id", id)
    }

    /// The sandbox's token, as is or after `Bearer `; else WB's 401.
    fn authorize(&self, request: &Request) -> Result<String, ShellAnswer> {
        let token = request
            .headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .map(str::trim)
            .unwrap_or("");
        let token = token.strip_prefix("Bearer ").unwrap_or(token).trim();
        if token == SANDBOX_TOKEN {
            return Ok(crate::client::DEFAULT_ACCOUNT.to_owned());
        }
        let detail = if token.is_empty() {
            "empty Authorization header"
        } else {
            "token problem; the token is not the sandbox's"
        };
        Err(problem(
            401,
            "unauthorized",
            detail,
            "unauthorized",
            &current_request_id(),
        )
        .into_shell())
    }

    fn refuse(&self, refusal: &Refusal) -> ShellAnswer {
        let request_id = current_request_id();
        match refusal {
            Refusal::NotFound { method, path } => problem(
                404,
                "not found",
                &format!("{method} {path} is not a method of the WB sandbox"),
                "not-found",
                &request_id,
            )
            .into_shell(),
            // An injected refusal says when to retry, not a (made-up) bucket size that the
            // client would learn as the group's limit.
            Refusal::InjectedRateLimit => too_many(1.0, 1.0, None),
            Refusal::RateLimited(r) => too_many(
                r.retry_after.as_secs_f64(),
                r.reset.as_secs_f64(),
                Some(r.limit),
            ),
            Refusal::InjectedServerError => problem(
                500,
                "internal server error",
                "injected by the sandbox's fault plan",
                "internal",
                &request_id,
            )
            .into_shell(),
        }
    }

    /// One request of the operation's group, as [`crate::limits`] gives it for a personal
    /// token; groups without a documented limit are not counted.
    fn charges(&self, call: &Call<'_>) -> Vec<Charge> {
        let group = call.op.limit_group;
        crate::limits::limit(group, crate::limits::TokenType::Personal)
            .map(|limit| {
                Charge::one(
                    group,
                    Quota::Bucket {
                        count: limit.count,
                        period: limit.period,
                        burst: limit.burst,
                    },
                )
            })
            .into_iter()
            .collect()
    }

    fn handle(&self, state: &mut State, call: &Call<'_>) -> ShellAnswer {
        let Some(route) = route_of(call.op) else {
            return self.refuse(&Refusal::NotFound {
                method: call.request.method.to_string(),
                path: call.request.url.path().to_owned(),
            });
        };
        let params: Params = placeholders(call.op.path)
            .filter_map(|name| call.param(name).map(|v| (name, v.to_owned())))
            .collect();
        let args = Args {
            params,
            query: call.query_pairs(),
        };
        state
            .route(route, &args, call.body())
            .unwrap_or_else(|e| e)
            .into_shell()
    }

    /// A 4XX answer costs the group more where WB says so; the answer reports what is left
    /// of the group's bucket (`X-Ratelimit-Remaining`, `X-Ratelimit-Limit`).
    fn finish(
        &self,
        call: &Call<'_>,
        answer: ShellAnswer,
        limiter: Option<&Limiter>,
        admitted: &[Admitted],
    ) -> ShellAnswer {
        let group = call.op.limit_group;
        let quota = admitted.first();
        let mut remaining = quota.map(|q| q.remaining);
        let extra = http::StatusCode::from_u16(answer.status)
            .map_or(0, |status| crate::limits::refusal_cost(group, status));
        if extra > 0
            && let Some(limiter) = limiter
        {
            remaining = limiter.charge(group, extra).or(remaining);
        }
        match (remaining, quota) {
            (Some(left), Some(q)) => answer
                .header("x-ratelimit-remaining", left.to_string())
                .header("x-ratelimit-limit", q.limit.to_string()),
            _ => answer,
        }
    }
}

/// The names of a path template's `{placeholders}`.
fn placeholders(template: &'static str) -> impl Iterator<Item = &'static str> {
    template
        .split('/')
        .filter_map(|s| s.strip_prefix('{').and_then(|n| n.strip_suffix('}')))
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

    fn find_route(method: &str, path: &str) -> Option<(&'static Operation, Route, Params)> {
        market_core::sandbox::route(&SERVED, method, path)
            .map(|(op, params)| (op, route_of(op).unwrap(), params))
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
