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

use crate::api::analytics::{NM_IDS_MAX, STOCKS_REPORT_PAGE_MAX, STOCKS_REPORT_WB};
use crate::api::content::{
    CARD_ERRORS, CARD_ERRORS_PAGE_MAX, CARDS_LIMITS, CARDS_LIST, CARDS_PAGE_MAX, CARDS_UPLOAD,
    PARENT_CATEGORIES, SUBJECTS, SUBJECTS_PAGE_MAX, UPLOAD_MAX, VARIANTS_PER_CARD_MAX,
};
use crate::api::orders::{
    ORDER_CANCEL, ORDERS_LIST, ORDERS_META, ORDERS_META_MAX, ORDERS_NEW, ORDERS_PAGE_MAX,
    ORDERS_STATUS, ORDERS_STATUS_MAX, ORDERS_STICKERS, STICKERS_MAX,
};
use crate::api::prices::{
    BUFFER_GOODS, BUFFER_TASK, DISCOUNT_MAX, GOODS_BY_NM, GOODS_FILTER_MAX, GOODS_LIST,
    HISTORY_GOODS, HISTORY_TASK, PAGE_MAX, PRICE_UPLOAD, PRICE_UPLOAD_MAX,
};
use crate::api::returns::{CLAIMS, CLAIMS_PAGE_MAX};
use crate::api::statistics::{ORDERS as STAT_ORDERS, SALES as STAT_SALES};
use crate::api::stocks::{AMOUNT_MAX, STOCKS_DELETE, STOCKS_MAX, STOCKS_READ, STOCKS_UPDATE};
use crate::api::supplies::{
    ADD_ORDERS_MAX, SUPPLIES_LIST, SUPPLIES_PAGE_MAX, SUPPLY_ADD_ORDERS, SUPPLY_BARCODE,
    SUPPLY_CREATE, SUPPLY_DELETE, SUPPLY_DELIVER, SUPPLY_GET, SUPPLY_NAME_MAX, SUPPLY_ORDER_IDS,
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
// A small seeded generator: SplitMix64.
// ---------------------------------------------------------------------------------------------

type Rng = market_core::sandbox::SeededRng;

// ---------------------------------------------------------------------------------------------
// The state of the fake account.
// ---------------------------------------------------------------------------------------------

/// WB subjects the catalogue uses: id, name, parent id, parent name, product name.
const SUBJECT_LIST: &[(i64, &str, i64, &str, &str)] = &[
    (105, "Футболки", 1, "Одежда", "Футболка хлопковая"),
    (168, "Кружки", 8, "Дом", "Кружка керамическая"),
    (219, "Рюкзаки", 3, "Аксессуары", "Рюкзак городской"),
    (1424, "Термосы", 8, "Дом", "Термос стальной"),
    (
        2560,
        "Наушники",
        479,
        "Электроника",
        "Наушники беспроводные",
    ),
    (5067, "Зонты", 3, "Аксессуары", "Зонт складной"),
];
const COLOURS: &[&str] = &["чёрный", "белый", "синий", "красный", "зелёный", "серый"];
const BRANDS: &[&str] = &["Северный ветер", "Домашний уют", "Urban Line"];
const DISCOUNTS: &[u32] = &[0, 0, 10, 15, 20, 25, 30, 50];
/// WB offices: id, name, city, address, latitude, longitude, federal district.
const OFFICE_LIST: &[(i64, &str, &str, &str, f64, f64, &str)] = &[
    (
        15,
        "Коледино",
        "Москва",
        "Московская обл., г. Подольск, д. Коледино, ул. Троицкая, 20",
        55.37,
        37.55,
        "Центральный федеральный округ",
    ),
    (
        207,
        "Шушары",
        "Санкт-Петербург",
        "г. Санкт-Петербург, п. Шушары, Московское ш., 153",
        59.80,
        30.38,
        "Северо-Западный федеральный округ",
    ),
    (
        300,
        "Казань",
        "Казань",
        "Республика Татарстан, г. Зеленодольск, ул. Промышленная, 5",
        55.84,
        48.51,
        "Приволжский федеральный округ",
    ),
    (
        507,
        "Екатеринбург",
        "Екатеринбург",
        "г. Екатеринбург, ул. Черняховского, 86",
        56.77,
        60.59,
        "Уральский федеральный округ",
    ),
    (
        686,
        "Новосибирск",
        "Новосибирск",
        "г. Новосибирск, ул. Петухова, 71",
        54.94,
        82.89,
        "Сибирский федеральный округ",
    ),
    (
        1733,
        "Краснодар",
        "Краснодар",
        "Краснодарский край, г. Краснодар, ул. Почтовая, 1",
        45.04,
        38.97,
        "Южный федеральный округ",
    ),
];
/// Buyers' regions: federal district, region.
const REGIONS: &[(&str, &str)] = &[
    ("Центральный федеральный округ", "Москва"),
    ("Северо-Западный федеральный округ", "Санкт-Петербург"),
    ("Приволжский федеральный округ", "Республика Татарстан"),
    ("Уральский федеральный округ", "Свердловская область"),
    ("Сибирский федеральный округ", "Новосибирская область"),
];
const CLAIM_COMMENTS: &[&str] = &[
    "Не подошёл размер",
    "Товар не соответствует описанию",
    "Брак: не включается",
    "Пришёл другой цвет",
];

#[derive(Debug, Clone)]
struct WarehouseRec {
    id: WarehouseId,
    name: String,
    office: usize,
}

#[derive(Debug, Clone)]
struct SizeRec {
    chrt_id: ChrtId,
    tech_size: String,
    wb_size: String,
    skus: Vec<String>,
    /// Units on WB's warehouses (the analytics stock report).
    fbo: i64,
}

#[derive(Debug, Clone)]
struct CardRec {
    nm_id: NmId,
    imt_id: i64,
    nm_uuid: String,
    vendor_code: String,
    title: String,
    brand: String,
    description: String,
    subject: SubjectId,
    sizes: Vec<SizeRec>,
    /// The full price, whole roubles.
    price: Decimal,
    /// The seller's discount, percent.
    discount: u32,
    photos: bool,
    dimensions: CardDimensions,
    characteristics: Vec<CardCharacteristic>,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

/// Where a seeded task stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    New,
    Confirm,
    Complete,
    Sold,
    Cancelled,
    DeclinedByClient,
    RefusedByClient,
}

#[derive(Debug, Clone)]
struct OrderRec {
    id: OrderId,
    rid: String,
    order_uid: String,
    created_at: DateTime<Utc>,
    warehouse: WarehouseId,
    office: usize,
    nm_id: NmId,
    chrt_id: ChrtId,
    article: String,
    barcode: String,
    tech_size: String,
    /// The card's full price and discount when ordered.
    full_price: Decimal,
    discount: u32,
    /// What the buyer pays, kopecks.
    price: i64,
    supplier: SupplierStatus,
    wb: WbStatus,
    supply: Option<SupplyId>,
    sold_at: Option<DateTime<Utc>>,
    cancelled_at: Option<DateTime<Utc>>,
    last_change: DateTime<Utc>,
    region: usize,
}

#[derive(Debug, Clone)]
struct SupplyRec {
    seq: i64,
    id: SupplyId,
    name: String,
    created_at: DateTime<Utc>,
    closed_at: Option<DateTime<Utc>>,
    done: bool,
    orders: Vec<OrderId>,
    warehouse: Option<WarehouseId>,
}

#[derive(Debug, Clone)]
struct TaskRec {
    id: UploadId,
    uploaded_at: DateTime<Utc>,
    request: Vec<GoodPrice>,
    goods: Vec<GoodHistory>,
}

#[derive(Debug, Clone)]
struct ErrorBatchRec {
    uuid: String,
    updated_at: DateTime<Utc>,
    /// Seller's article, subject, messages.
    cards: Vec<(String, SubjectId, Vec<String>)>,
}

#[derive(Debug, Clone)]
struct ClaimRec {
    claim: Claim,
    archived: bool,
}

#[derive(Debug)]
struct State {
    rng: Rng,
    warehouses: Vec<WarehouseRec>,
    cards: Vec<CardRec>,
    orders: Vec<OrderRec>,
    supplies: Vec<SupplyRec>,
    tasks: Vec<TaskRec>,
    error_batches: Vec<ErrorBatchRec>,
    claims: Vec<ClaimRec>,
    stocks: HashMap<(ChrtId, WarehouseId), i64>,
    chrt_index: HashMap<ChrtId, (usize, usize)>,
    barcode_index: HashMap<String, ChrtId>,
    next_nm: i64,
    next_imt: i64,
    next_chrt: i64,
    next_barcode: i64,
    next_order: i64,
    next_supply: i64,
    next_supply_seq: i64,
    next_task: i64,
    new_orders_per_poll: usize,
    /// Stock updates and deletes still to refuse with 409 `StoreIsProcessing`, per warehouse.
    store_processing: HashMap<WarehouseId, usize>,
}

/// Truncates a time to microseconds (what WB's texts carry).
fn micros(t: DateTime<Utc>) -> DateTime<Utc> {
    DateTime::from_timestamp_micros(t.timestamp_micros()).unwrap_or(t)
}

/// Truncates a time to whole seconds.
fn seconds(t: DateTime<Utc>) -> DateTime<Utc> {
    DateTime::from_timestamp(t.timestamp(), 0).unwrap_or(t)
}

/// The price after a whole-percent discount, as WB shows it (exact, to the kopeck).
fn discounted(price: Decimal, discount: u32) -> Decimal {
    price
        .checked_mul(Decimal::from(100u32.saturating_sub(discount)))
        .and_then(|v| v.checked_div(Decimal::ONE_HUNDRED))
        .unwrap_or(price)
        .round_dp(2)
}

/// An amount in roubles as kopecks.
fn kopecks(amount: Decimal) -> i64 {
    amount
        .checked_mul(Decimal::ONE_HUNDRED)
        .and_then(|v| v.round().to_i64())
        .unwrap_or(i64::MAX)
}

fn subject_of(
    id: SubjectId,
) -> Option<&'static (i64, &'static str, i64, &'static str, &'static str)> {
    SUBJECT_LIST.iter().find(|s| s.0 == id.0)
}

impl State {
    fn generate(config: &SandboxConfig, now: DateTime<Utc>) -> Self {
        let mut rng = Rng::new(config.seed);
        let warehouses: Vec<WarehouseRec> = (0..config.warehouses)
            .map(|i| {
                let office = i % OFFICE_LIST.len();
                let city = OFFICE_LIST.get(office).map(|o| o.2).unwrap_or("Москва");
                let round = i / OFFICE_LIST.len();
                WarehouseRec {
                    id: WarehouseId(FIRST_WAREHOUSE_ID + i as i64),
                    name: if round == 0 {
                        format!("Склад {city}")
                    } else {
                        format!("Склад {city} {}", round + 1)
                    },
                    office,
                }
            })
            .collect();
        let mut st = State {
            next_order: 1_500_000_000 + rng.below(100_000_000) as i64,
            next_supply: 10_000_000 + rng.below(80_000_000) as i64,
            next_task: 1_000_000 + rng.below(9_000_000) as i64,
            next_supply_seq: 0,
            rng,
            warehouses,
            cards: Vec::new(),
            orders: Vec::new(),
            supplies: Vec::new(),
            tasks: Vec::new(),
            error_batches: Vec::new(),
            claims: Vec::new(),
            stocks: HashMap::new(),
            chrt_index: HashMap::new(),
            barcode_index: HashMap::new(),
            next_nm: FIRST_NM_ID,
            next_imt: FIRST_IMT_ID,
            next_chrt: FIRST_CHRT_ID,
            next_barcode: FIRST_BARCODE,
            new_orders_per_poll: config.new_orders_per_poll,
            store_processing: HashMap::new(),
        };
        let listed_since = now - TimeDelta::days(60);
        for i in 1..=config.cards {
            st.seed_card(i, listed_since);
        }
        // Seeded tasks, oldest first, so that ids grow with time as WB's do.
        let history = HISTORY_DAYS * 86_400;
        let mut ages: Vec<i64> = (0..config.orders)
            .map(|_| 60 + st.rng.below(history as u64) as i64)
            .collect();
        ages.sort_unstable_by(|a, b| b.cmp(a));
        let mut supplies: HashMap<(WarehouseId, i64, bool), usize> = HashMap::new();
        for age in ages {
            let at = now - TimeDelta::seconds(age);
            let phase = st.seeded_phase(age);
            if let Some(id) = st.add_order(at, phase) {
                st.seed_supply(id, phase, age, now, &mut supplies);
            }
        }
        st.seed_claims(now);
        st
    }

    fn seed_card(&mut self, i: usize, listed_since: DateTime<Utc>) {
        let rng = &mut self.rng;
        let subject = rng.pick(SUBJECT_LIST).copied().unwrap_or((
            105,
            "Футболки",
            1,
            "Одежда",
            "Футболка хлопковая",
        ));
        let colour = rng.pick(COLOURS).copied().unwrap_or("чёрный");
        let brand = rng.pick(BRANDS).copied().unwrap_or("Urban Line");
        let price = Decimal::from(rng.range(3, 300) * 100 - 10);
        let discount = rng.pick(DISCOUNTS).copied().unwrap_or(0);
        let created = listed_since + TimeDelta::minutes(i as i64 * 37);
        let updated = micros(
            created
                + TimeDelta::hours(rng.range(1, 500) as i64)
                + TimeDelta::microseconds(rng.below(1_000_000) as i64),
        );
        let two = i.is_multiple_of(5);
        let sizes: Vec<(String, String)> = if two {
            vec![("S".into(), "44".into()), ("M".into(), "46".into())]
        } else {
            vec![("0".into(), String::new())]
        };
        let weight = Decimal::new(rng.range(100, 2500) as i64, 3);
        let dimensions = CardDimensions {
            height: rng.range(2, 40) as i64,
            is_valid: true,
            length: rng.range(10, 60) as i64,
            weight_brutto: weight,
            width: rng.range(5, 40) as i64,
        };
        let nm_uuid = rng.uuid();
        let card = CardRec {
            nm_id: NmId(self.next_nm),
            imt_id: self.next_imt,
            nm_uuid,
            vendor_code: format!("SKU-{i:04}"),
            title: format!("{}, {colour}", subject.4),
            brand: brand.into(),
            description: format!("{} от бренда {brand}, цвет {colour}.", subject.4),
            subject: SubjectId(subject.0),
            sizes: Vec::new(),
            price,
            discount,
            photos: !i.is_multiple_of(3),
            dimensions,
            characteristics: vec![CardCharacteristic {
                id: CharcId(14_177_449),
                name: "Цвет".into(),
                value: Value::Array(vec![Value::String(colour.into())]),
            }],
            created_at: micros(created),
            updated_at: updated,
        };
        self.next_nm += 1;
        self.next_imt += 1;
        self.cards.push(card);
        let card_index = self.cards.len() - 1;
        for (tech, wb) in sizes {
            let barcode = self.new_barcode();
            let fbo = self.rng.range(0, 120) as i64;
            let chrt = self.add_size(card_index, tech, wb, vec![barcode]);
            if let Some(size) = self
                .chrt_index
                .get(&chrt)
                .and_then(|(c, s)| self.cards.get_mut(*c)?.sizes.get_mut(*s))
            {
                size.fbo = fbo;
            }
            for w in 0..self.warehouses.len() {
                let amount = self.rng.range(0, 50) as i64;
                if let Some(wh) = self.warehouses.get(w) {
                    self.stocks.insert((chrt, wh.id), amount);
                }
            }
        }
    }

    fn new_barcode(&mut self) -> String {
        let b = self.next_barcode.to_string();
        self.next_barcode += 1;
        b
    }

    /// Adds a size to a card and indexes it; returns its id.
    fn add_size(&mut self, card: usize, tech: String, wb: String, skus: Vec<String>) -> ChrtId {
        let chrt = ChrtId(self.next_chrt);
        self.next_chrt += 1 + self.rng.below(3) as i64;
        if let Some(c) = self.cards.get_mut(card) {
            for sku in &skus {
                self.barcode_index.insert(sku.clone(), chrt);
            }
            c.sizes.push(SizeRec {
                chrt_id: chrt,
                tech_size: tech,
                wb_size: wb,
                skus,
                fbo: 0,
            });
            self.chrt_index.insert(chrt, (card, c.sizes.len() - 1));
        }
        chrt
    }

    /// A phase for a task created `age` seconds ago: recent ones are new or being assembled,
    /// older ones are delivered or sold, some are cancelled.
    fn seeded_phase(&mut self, age: i64) -> Phase {
        let roll = self.rng.f64();
        let day = 86_400;
        if age < day {
            if roll < 0.6 {
                Phase::New
            } else if roll < 0.85 {
                Phase::Confirm
            } else if roll < 0.93 {
                Phase::Cancelled
            } else {
                Phase::DeclinedByClient
            }
        } else if age < 3 * day {
            if roll < 0.1 {
                Phase::Confirm
            } else if roll < 0.55 {
                Phase::Complete
            } else if roll < 0.9 {
                Phase::Sold
            } else {
                Phase::Cancelled
            }
        } else if roll < 0.8 {
            Phase::Sold
        } else if roll < 0.9 {
            Phase::RefusedByClient
        } else {
            Phase::Cancelled
        }
    }

    /// Adds an assembly task created at `at` in `phase` (its supply is seeded separately).
    fn add_order(&mut self, at: DateTime<Utc>, phase: Phase) -> Option<OrderId> {
        if self.cards.is_empty() || self.warehouses.is_empty() {
            return None;
        }
        let card_index = self.rng.index(self.cards.len());
        let wh_index = self.rng.index(self.warehouses.len());
        let region = self.rng.index(REGIONS.len());
        let rid = self.rng.hex(32);
        let buyer = 100_000_000 + self.rng.below(900_000_000);
        let uid = self.rng.hex(32);
        let size_pick = self.rng.below(8) as usize;
        let card = self.cards.get(card_index)?;
        let size = card.sizes.get(size_pick % card.sizes.len().max(1))?;
        let wh = self.warehouses.get(wh_index)?;
        self.next_order += 1 + self.rng.below(4) as i64;
        let id = OrderId(self.next_order);
        let (supplier, wb) = match phase {
            Phase::New => (SupplierStatus::New, WbStatus::Waiting),
            Phase::Confirm => (SupplierStatus::Confirm, WbStatus::Waiting),
            Phase::Complete => (SupplierStatus::Complete, WbStatus::Sorted),
            Phase::Sold => (SupplierStatus::Complete, WbStatus::Sold),
            Phase::Cancelled => (SupplierStatus::Cancel, WbStatus::Canceled),
            Phase::DeclinedByClient => (SupplierStatus::New, WbStatus::DeclinedByClient),
            Phase::RefusedByClient => (SupplierStatus::Complete, WbStatus::CanceledByClient),
        };
        let now = Utc::now();
        let later = |hours: i64| (at + TimeDelta::hours(hours)).min(now);
        let sold_at = (phase == Phase::Sold).then(|| later(50));
        let cancelled_at = matches!(
            phase,
            Phase::Cancelled | Phase::DeclinedByClient | Phase::RefusedByClient
        )
        .then(|| later(6));
        let order = OrderRec {
            id,
            rid,
            order_uid: format!("{buyer}_{uid}"),
            created_at: seconds(at),
            warehouse: wh.id,
            office: wh.office,
            nm_id: card.nm_id,
            chrt_id: size.chrt_id,
            article: card.vendor_code.clone(),
            barcode: size.skus.first().cloned().unwrap_or_default(),
            tech_size: size.tech_size.clone(),
            full_price: card.price,
            discount: card.discount,
            price: kopecks(discounted(card.price, card.discount)),
            supplier,
            wb,
            supply: None,
            sold_at,
            cancelled_at,
            last_change: sold_at.or(cancelled_at).unwrap_or(at),
            region,
        };
        self.orders.push(order);
        Some(id)
    }

    /// Puts a seeded task being assembled in an open supply of its warehouse, and a delivered
    /// one in a closed supply of its warehouse and day.
    fn seed_supply(
        &mut self,
        id: OrderId,
        phase: Phase,
        age: i64,
        now: DateTime<Utc>,
        cache: &mut HashMap<(WarehouseId, i64, bool), usize>,
    ) {
        let done = match phase {
            Phase::Confirm => false,
            Phase::Complete | Phase::Sold | Phase::RefusedByClient => true,
            _ => return,
        };
        let Some(order) = self.orders.iter().find(|o| o.id == id) else {
            return;
        };
        let (warehouse, at) = (order.warehouse, order.created_at);
        let key = (warehouse, if done { age / 86_400 } else { -1 }, done);
        let index = match cache.get(&key) {
            Some(i) => *i,
            None => {
                let name = format!("Поставка {}", at.format("%d.%m.%Y"));
                let i = self.new_supply(name, at);
                cache.insert(key, i);
                i
            }
        };
        if let Some(s) = self.supplies.get_mut(index) {
            s.orders.push(id);
            s.warehouse = Some(warehouse);
            if done {
                s.done = true;
                let closed = (at + TimeDelta::hours(2)).min(now);
                s.closed_at = Some(s.closed_at.map_or(closed, |c| c.max(closed)));
            }
            let supply = s.id.clone();
            if let Some(o) = self.orders.iter_mut().find(|o| o.id == id) {
                o.supply = Some(supply);
            }
        }
    }

    fn new_supply(&mut self, name: String, at: DateTime<Utc>) -> usize {
        self.next_supply += 1 + self.rng.below(7) as i64;
        self.next_supply_seq += 1;
        let seq = self.next_supply_seq;
        self.supplies.push(SupplyRec {
            seq,
            id: SupplyId(format!("WB-GI-{}", self.next_supply)),
            name,
            created_at: seconds(at),
            closed_at: None,
            done: false,
            orders: Vec::new(),
            warehouse: None,
        });
        self.supplies.len() - 1
    }

    /// A few claims for sold tasks of the last two weeks: three under review, two archived.
    fn seed_claims(&mut self, now: DateTime<Utc>) {
        let since = now - TimeDelta::days(CLAIMS_DAYS);
        let mut sold: Vec<usize> = (0..self.orders.len())
            .filter(|i| {
                self.orders
                    .get(*i)
                    .and_then(|o| o.sold_at)
                    .is_some_and(|t| t >= since)
            })
            .collect();
        sold.reverse();
        sold.truncate(5);
        for (n, i) in sold.into_iter().enumerate() {
            let Some(o) = self.orders.get(i) else {
                continue;
            };
            let (nm_id, srid, ordered, price) = (
                o.nm_id,
                o.rid.clone(),
                o.created_at,
                Decimal::new(o.price, 2),
            );
            let sold_at = o.sold_at.unwrap_or(now);
            let title = self
                .card(nm_id)
                .map(|c| c.title.clone())
                .unwrap_or_default();
            let id = self.rng.uuid();
            let comment = self
                .rng
                .pick(CLAIM_COMMENTS)
                .copied()
                .unwrap_or("Брак")
                .to_owned();
            let filed = micros((sold_at + TimeDelta::hours(self.rng.range(2, 30) as i64)).min(now));
            let archived = n >= 3;
            let decided = micros((filed + TimeDelta::hours(20)).min(now));
            let claim = Claim {
                id: id.clone(),
                claim_type: 1,
                status: if archived { 2 } else { 0 },
                status_ex: if archived { 8 } else { 0 },
                nm_id,
                imt_name: title,
                user_comment: comment,
                wb_comment: if archived {
                    "Продавец одобрил вашу заявку на возврат.".into()
                } else {
                    String::new()
                },
                dt: Some(filed),
                order_dt: Some(ordered),
                dt_update: Some(if archived { decided } else { filed }),
                delivery_dt: Some(sold_at),
                origin_id_info: None,
                photos: vec![format!("//photos.wbstatic.net/claim/{id}/1.webp")],
                video_paths: Vec::new(),
                actions: if archived {
                    Vec::new()
                } else {
                    vec!["autorefund1".into(), "approve1".into(), "reject1".into()]
                },
                price,
                currency_code: RUB.to_string(),
                srid,
            };
            self.claims.push(ClaimRec { claim, archived });
        }
    }

    fn card(&self, nm_id: NmId) -> Option<&CardRec> {
        self.cards.iter().find(|c| c.nm_id == nm_id)
    }

    fn order(&self, id: OrderId) -> Option<&OrderRec> {
        self.orders.iter().find(|o| o.id == id)
    }

    fn warehouse(&self, id: WarehouseId) -> Option<&WarehouseRec> {
        self.warehouses.iter().find(|w| w.id == id)
    }

    fn supply_index(&self, id: &str) -> Option<usize> {
        self.supplies.iter().position(|s| s.id.as_str() == id)
    }

    /// Creates the configured number of new tasks (a poll of new orders).
    fn poll_new_orders(&mut self) {
        let now = Utc::now();
        for _ in 0..self.new_orders_per_poll {
            self.add_order(now, Phase::New);
        }
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
        (&PRICE_UPLOAD, Route::PriceUpload),
        (&HISTORY_TASK, Route::HistoryTask),
        (&HISTORY_GOODS, Route::HistoryGoods),
        (&BUFFER_TASK, Route::BufferTask),
        (&BUFFER_GOODS, Route::BufferGoods),
        (&GOODS_LIST, Route::GoodsList),
        (&GOODS_BY_NM, Route::GoodsByNm),
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
        (&STOCKS_REPORT_WB, Route::StocksReport),
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

    // ---- content ------------------------------------------------------------------------

    fn subjects(&self, args: &Args) -> Handled {
        let bad = || content_error(400, "Invalid request parameters", Value::Null);
        let limit = args.int("limit").map_err(|_| bad())?.unwrap_or(30);
        let offset = args.int("offset").map_err(|_| bad())?.unwrap_or(0);
        let parent = args.int("parentID").map_err(|_| bad())?;
        if !(1..=i64::from(SUBJECTS_PAGE_MAX)).contains(&limit) || offset < 0 {
            return Err(bad());
        }
        let name = args.query("name").map(str::to_lowercase);
        let data: Vec<Subject> = SUBJECT_LIST
            .iter()
            .filter(|s| parent.is_none_or(|p| p == s.2))
            .filter(|s| {
                name.as_ref()
                    .is_none_or(|n| s.1.to_lowercase().contains(n.as_str()))
            })
            .skip(usize::try_from(offset).unwrap_or(usize::MAX))
            .take(usize::try_from(limit).unwrap_or(0))
            .map(|s| Subject {
                parent_id: s.2,
                parent_name: s.3.into(),
                subject_id: SubjectId(s.0),
                subject_name: s.1.into(),
            })
            .collect();
        ok(&Envelope {
            data,
            error: false,
            error_text: String::new(),
            additional_errors: None,
        })
    }

    fn parent_categories(&self) -> Handled {
        let mut seen = HashSet::new();
        let data: Vec<ParentCategory> = SUBJECT_LIST
            .iter()
            .filter(|s| seen.insert(s.2))
            .map(|s| ParentCategory {
                id: s.2,
                is_visible: true,
                name: s.3.into(),
            })
            .collect();
        ok(&Envelope {
            data,
            error: false,
            error_text: String::new(),
            additional_errors: None,
        })
    }

    fn card_model(&self, c: &CardRec) -> Card {
        let photo = |i: usize, size: &str| {
            format!(
                "https://basket-sandbox.wbbasket.ru/vol{}/part{}/{}/images/{size}/{i}.webp",
                c.nm_id.0 / 100_000,
                c.nm_id.0 / 1000,
                c.nm_id
            )
        };
        Card {
            brand: c.brand.clone(),
            characteristics: c.characteristics.clone(),
            created_at: c.created_at.to_rfc3339_opts(SecondsFormat::AutoSi, true),
            description: c.description.clone(),
            dimensions: c.dimensions.clone(),
            imt_id: c.imt_id,
            kiz_marked: false,
            need_kiz: false,
            nm_id: c.nm_id,
            nm_uuid: c.nm_uuid.clone(),
            photos: if c.photos {
                vec![CardPhoto {
                    big: photo(1, "big"),
                    c246x328: photo(1, "c246x328"),
                    c516x688: photo(1, "c516x688"),
                    square: photo(1, "square"),
                    tm: photo(1, "tm"),
                }]
            } else {
                Vec::new()
            },
            sizes: c
                .sizes
                .iter()
                .map(|s| CardSize {
                    chrt_id: s.chrt_id,
                    skus: s.skus.clone(),
                    tech_size: s.tech_size.clone(),
                    wb_size: s.wb_size.clone(),
                })
                .collect(),
            subject_id: c.subject,
            subject_name: subject_of(c.subject)
                .map(|s| s.1.to_owned())
                .unwrap_or_default(),
            tags: Vec::new(),
            title: c.title.clone(),
            updated_at: c.updated_at.to_rfc3339_opts(SecondsFormat::AutoSi, true),
            vendor_code: c.vendor_code.clone(),
            video: String::new(),
            wholesale: Default::default(),
        }
    }

    fn cards_list(&self, body: &[u8]) -> Handled {
        let bad = |text: &str| content_error(400, text, Value::Object(Default::default()));
        let request: CardsListRequest =
            serde_json::from_slice(body).map_err(|_| bad("Invalid request format"))?;
        let s = &request.settings;
        let limit = s.cursor.limit;
        if !(1..=CARDS_PAGE_MAX).contains(&limit) {
            return Err(bad(&format!(
                "cursor.limit must be between 1 and {CARDS_PAGE_MAX}"
            )));
        }
        let after = match (&s.cursor.updated_at, s.cursor.nm_id) {
            (Some(t), Some(nm)) if !t.is_empty() => Some((
                DateTime::parse_from_rfc3339(t)
                    .map_err(|_| bad("cursor.updatedAt is not a valid time"))?
                    .with_timezone(&Utc),
                nm,
            )),
            _ => None,
        };
        let ascending = s.sort.is_some_and(|s| s.ascending);
        let f = &s.filter;
        let search = f
            .text_search
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty());
        let mut matching: Vec<&CardRec> = self
            .cards
            .iter()
            .filter(
                |c| match f.with_photo.unwrap_or(PhotoFilter::WithoutPhoto) {
                    PhotoFilter::All => true,
                    PhotoFilter::WithPhoto => c.photos,
                    PhotoFilter::WithoutPhoto => !c.photos,
                },
            )
            .filter(|c| f.object_ids.is_empty() || f.object_ids.contains(&c.subject))
            .filter(|c| f.brands.is_empty() || f.brands.contains(&c.brand))
            .filter(|c| f.imt_id.is_none_or(|i| i == c.imt_id))
            .filter(|_| f.tag_ids.is_empty())
            .filter(|c| {
                search.is_none_or(|t| {
                    c.nm_id.to_string() == t
                        || c.sizes.iter().any(|s| s.skus.iter().any(|b| b == t))
                        || c.vendor_code.to_lowercase().contains(&t.to_lowercase())
                })
            })
            .collect();
        matching.sort_by_key(|c| (c.updated_at, c.nm_id));
        if !ascending {
            matching.reverse();
        }
        let page: Vec<&CardRec> = matching
            .into_iter()
            .filter(|c| {
                after.is_none_or(|a| {
                    if ascending {
                        (c.updated_at, c.nm_id) > a
                    } else {
                        (c.updated_at, c.nm_id) < a
                    }
                })
            })
            .take(limit as usize)
            .collect();
        let cursor = match page.last() {
            Some(last) => CardsCursorAnswer {
                nm_id: Some(last.nm_id),
                total: page.len() as i64,
                updated_at: last.updated_at.to_rfc3339_opts(SecondsFormat::AutoSi, true),
            },
            None => CardsCursorAnswer::default(),
        };
        let cards = page.iter().map(|c| self.card_model(c)).collect();
        ok_numbers(
            &CardsListResponse { cards, cursor },
            &["weightBrutto", "quantum"],
        )
    }

    fn card_errors(&self, body: &[u8]) -> Handled {
        let bad = || content_error(400, "Invalid request format", Value::Null);
        let request: CardErrorsRequest = if body.iter().all(u8::is_ascii_whitespace) {
            CardErrorsRequest::default()
        } else {
            parse(body, bad)?
        };
        let cursor = request.cursor.unwrap_or_default();
        let limit = cursor.limit.unwrap_or(CARD_ERRORS_PAGE_MAX);
        if !(1..=CARD_ERRORS_PAGE_MAX).contains(&limit) {
            return Err(bad());
        }
        let ascending = request.order.is_none_or(|o| o.ascending);
        let mut batches: Vec<&ErrorBatchRec> = self.error_batches.iter().collect();
        batches.sort_by(|a, b| (a.updated_at, &a.uuid).cmp(&(b.updated_at, &b.uuid)));
        if !ascending {
            batches.reverse();
        }
        let after = match (cursor.updated_at, cursor.batch_uuid) {
            (Some(t), Some(u)) if !u.is_empty() => Some((t, u)),
            _ => None,
        };
        let rest: Vec<&ErrorBatchRec> = batches
            .into_iter()
            .filter(|b| {
                after.as_ref().is_none_or(|(t, u)| {
                    let key = (b.updated_at, &b.uuid);
                    if ascending {
                        key > (*t, u)
                    } else {
                        key < (*t, u)
                    }
                })
            })
            .collect();
        let page: Vec<&ErrorBatchRec> = rest.iter().take(limit as usize).copied().collect();
        let next = rest.len() > page.len();
        let items = page
            .iter()
            .map(|b| {
                let mut batch = CardErrorBatch {
                    batch_uuid: b.uuid.clone(),
                    updated_at: Some(b.updated_at),
                    ..CardErrorBatch::default()
                };
                for (code, subject, messages) in &b.cards {
                    batch.errors.insert(code.clone(), messages.clone());
                    batch.subjects.insert(
                        code.clone(),
                        CardErrorSubject {
                            id: Decimal::from(subject.0),
                            name: subject_of(*subject)
                                .map(|s| s.1.to_owned())
                                .unwrap_or_default(),
                        },
                    );
                    batch.vendor_codes.push(code.clone());
                }
                batch
            })
            .collect();
        let cursor = CardErrorsCursorAnswer {
            batch_uuid: page.last().map(|b| b.uuid.clone()).unwrap_or_default(),
            next,
            updated_at: page.last().map(|b| b.updated_at),
        };
        ok_numbers(
            &Envelope {
                data: CardErrorsPage { cursor, items },
                error: false,
                error_text: String::new(),
                additional_errors: None,
            },
            &["id"],
        )
    }

    fn cards_upload(&mut self, body: &[u8]) -> Handled {
        let bad = |text: &str| content_error(400, text, Value::Object(Default::default()));
        let request: Vec<CardToCreate> =
            serde_json::from_slice(body).map_err(|_| bad("Invalid request format"))?;
        if request.is_empty() {
            return Err(bad("Invalid request format"));
        }
        if request.len() > UPLOAD_MAX {
            return Err(bad(&format!(
                "A request creates at most {UPLOAD_MAX} merged cards"
            )));
        }
        if request
            .iter()
            .any(|c| c.variants.is_empty() || c.variants.len() > VARIANTS_PER_CARD_MAX)
        {
            return Err(bad(&format!(
                "A merged card holds 1 to {VARIANTS_PER_CARD_MAX} cards"
            )));
        }
        let now = micros(Utc::now());
        let mut used: HashSet<String> = self.cards.iter().map(|c| c.vendor_code.clone()).collect();
        for merged in request {
            let subject_known = subject_of(merged.subject_id).is_some();
            let mut failed: Vec<(String, SubjectId, Vec<String>)> = Vec::new();
            let mut imt: Option<i64> = None;
            for v in merged.variants {
                let code = v.vendor_code.trim().to_owned();
                let mut messages = Vec::new();
                if !subject_known {
                    messages.push(format!("Предмет с ID {} не существует", merged.subject_id));
                }
                if code.is_empty() {
                    messages.push("Не указан артикул продавца (vendorCode)".to_owned());
                } else if used.contains(&code) {
                    messages
                        .push("Артикул продавца уже используется в других карточках".to_owned());
                }
                if !messages.is_empty() {
                    failed.push((code, merged.subject_id, messages));
                    continue;
                }
                used.insert(code.clone());
                let imt_id = *imt.get_or_insert_with(|| {
                    let i = self.next_imt;
                    self.next_imt += 1;
                    i
                });
                self.create_card(imt_id, merged.subject_id, code, v, now);
            }
            if !failed.is_empty() {
                let uuid = self.rng.uuid();
                self.error_batches.push(ErrorBatchRec {
                    uuid,
                    updated_at: seconds(now),
                    cards: failed,
                });
            }
        }
        Ok(json_answer(
            200,
            &to_json(&Envelope {
                data: Value::Null,
                error: false,
                error_text: String::new(),
                additional_errors: Some(Value::Object(Default::default())),
            }),
        ))
    }

    fn create_card(
        &mut self,
        imt_id: i64,
        subject: SubjectId,
        vendor_code: String,
        v: crate::models::content::CardVariant,
        now: DateTime<Utc>,
    ) {
        // A card created again after its errors leaves the error list.
        for b in &mut self.error_batches {
            b.cards.retain(|(code, _, _)| *code != vendor_code);
        }
        self.error_batches.retain(|b| !b.cards.is_empty());
        let price = v
            .sizes
            .iter()
            .find_map(|s| s.price)
            .filter(|p| *p > Decimal::ZERO)
            .unwrap_or(Decimal::ZERO)
            .round();
        let dimensions = v
            .dimensions
            .as_ref()
            .map(|d| CardDimensions {
                height: d.height,
                is_valid: true,
                length: d.length,
                weight_brutto: d.weight_brutto,
                width: d.width,
            })
            .unwrap_or_default();
        let nm_uuid = self.rng.uuid();
        let card = CardRec {
            nm_id: NmId(self.next_nm),
            imt_id,
            nm_uuid,
            vendor_code,
            title: v.title.clone().unwrap_or_default(),
            brand: v.brand.clone().unwrap_or_default(),
            description: v.description.clone().unwrap_or_default(),
            subject,
            sizes: Vec::new(),
            price,
            discount: 0,
            photos: false,
            dimensions,
            characteristics: v
                .characteristics
                .iter()
                .map(|c| CardCharacteristic {
                    id: c.id,
                    name: String::new(),
                    value: c.value.clone(),
                })
                .collect(),
            created_at: now,
            updated_at: now,
        };
        self.next_nm += 1;
        self.cards.push(card);
        let index = self.cards.len() - 1;
        let sizes = if v.sizes.is_empty() {
            vec![Default::default()]
        } else {
            v.sizes
        };
        for s in sizes {
            let skus: Vec<String> = s
                .skus
                .iter()
                .map(|b| b.trim().to_owned())
                .filter(|b| !b.is_empty() && !self.barcode_index.contains_key(b))
                .collect();
            let skus = if skus.is_empty() {
                vec![self.new_barcode()]
            } else {
                skus
            };
            self.add_size(
                index,
                s.tech_size.unwrap_or_else(|| "0".into()),
                s.wb_size.unwrap_or_default(),
                skus,
            );
        }
    }

    // ---- prices -------------------------------------------------------------------------

    fn price_upload(&mut self, body: &[u8]) -> Handled {
        let request: PriceUploadRequest = parse(body, || prices_error("Invalid data format"))?;
        let goods = request.data;
        if goods.is_empty() {
            return Err(prices_error("Empty data"));
        }
        if goods.len() > PRICE_UPLOAD_MAX {
            return Err(prices_error(&format!(
                "Upload limit exceeded: You can upload a maximum of {PRICE_UPLOAD_MAX} items"
            )));
        }
        let mut seen = HashSet::new();
        if !goods.iter().all(|g| seen.insert(g.nm_id)) {
            return Err(prices_error("Duplicate item Nos."));
        }
        for g in &goods {
            if g.nm_id.0 <= 0 {
                return Err(prices_error("Invalid item No."));
            }
            if g.price.is_none() && g.discount.is_none() {
                return Err(prices_error("Price and discount not specified"));
            }
            if let Some(p) = g.price {
                if p <= Decimal::ZERO || p.to_i64().is_none() {
                    return Err(prices_error("Invalid price value"));
                }
                if !p.fract().is_zero() {
                    return Err(prices_error("Price should be a whole number"));
                }
            }
            if g.discount.is_some_and(|d| !(0..=DISCOUNT_MAX).contains(&d)) {
                return Err(prices_error("Invalid discount value"));
            }
        }
        // The same upload as the last task: WB answers 208 with that task.
        if let Some(last) = self.tasks.last()
            && last.request == goods
        {
            return Ok(json_answer(
                208,
                &to_json(&TaskCreated {
                    data: Some(TaskCreatedData {
                        id: last.id,
                        already_exists: true,
                    }),
                    error: false,
                    error_text: "This task already exists".into(),
                }),
            ));
        }
        let wanted = |g: &GoodPrice, c: &CardRec| {
            (
                g.price.unwrap_or(c.price),
                g.discount
                    .and_then(|d| u32::try_from(d).ok())
                    .unwrap_or(c.discount),
            )
        };
        let changes = goods
            .iter()
            .filter(|g| {
                self.card(g.nm_id)
                    .is_some_and(|c| wanted(g, c) != (c.price, c.discount))
            })
            .count();
        if changes == 0 {
            let all_known = goods.iter().all(|g| self.card(g.nm_id).is_some());
            return Err(prices_error(if all_known {
                "The specified prices and discounts are already set"
            } else {
                "All item Nos. are specified incorrectly, or the specified prices and discounts are already set"
            }));
        }
        self.next_task += 1 + self.rng.below(50) as i64;
        let id = UploadId(self.next_task);
        let mut history = Vec::with_capacity(goods.len());
        for g in &goods {
            let entry = match self.cards.iter_mut().find(|c| c.nm_id == g.nm_id) {
                Some(c) => {
                    let (price, discount) = wanted(g, c);
                    c.price = price;
                    c.discount = discount;
                    GoodHistory {
                        nm_id: c.nm_id,
                        vendor_code: c.vendor_code.clone(),
                        price,
                        currency_iso_code_4217: "RUB".into(),
                        discount: i64::from(discount),
                        status: GoodHistory::UPDATED,
                        ..GoodHistory::default()
                    }
                }
                None => GoodHistory {
                    nm_id: g.nm_id,
                    price: g.price.unwrap_or_default(),
                    currency_iso_code_4217: "RUB".into(),
                    discount: i64::from(g.discount.unwrap_or_default()),
                    status: GoodHistory::ERROR,
                    error_text: "The product is not found".into(),
                    ..GoodHistory::default()
                },
            };
            history.push(entry);
        }
        self.tasks.push(TaskRec {
            id,
            uploaded_at: seconds(Utc::now()),
            request: goods,
            goods: history,
        });
        ok(&TaskCreated {
            data: Some(TaskCreatedData {
                id,
                already_exists: false,
            }),
            error: false,
            error_text: String::new(),
        })
    }

    fn task(&self, id: UploadId) -> Option<&TaskRec> {
        self.tasks.iter().find(|t| t.id == id)
    }

    fn history_task(&self, args: &Args) -> Handled {
        let id = upload_id(args)?;
        let data = self.task(id).map(|t| {
            let success = t.goods.iter().filter(|g| !g.failed()).count() as i64;
            let all = t.goods.len() as i64;
            TaskMetadata {
                upload_id: t.id,
                status: if success == all {
                    TaskMetadata::PROCESSED
                } else if success == 0 {
                    TaskMetadata::FAILED
                } else {
                    TaskMetadata::PARTLY_FAILED
                },
                upload_date: Some(t.uploaded_at),
                activation_date: Some(t.uploaded_at),
                over_all_goods_number: all,
                success_goods_number: success,
            }
        });
        ok(&TaskHistoryResponse {
            data,
            error: false,
            error_text: String::new(),
        })
    }

    fn history_goods(&self, args: &Args) -> Handled {
        let id = upload_id(args)?;
        let (limit, offset) = page_args(args, PAGE_MAX)?;
        let goods = self
            .task(id)
            .map(|t| t.goods.iter().skip(offset).take(limit).cloned().collect())
            .unwrap_or_default();
        ok_numbers(
            &GoodsHistoryResponse {
                data: Some(GoodsHistoryData {
                    upload_id: id,
                    history_goods: goods,
                }),
                error: false,
                error_text: String::new(),
            },
            &["price"],
        )
    }

    fn goods_model(c: &CardRec) -> GoodsList {
        let price = discounted(c.price, c.discount);
        GoodsList {
            nm_id: c.nm_id,
            vendor_code: c.vendor_code.clone(),
            sizes: c
                .sizes
                .iter()
                .map(|s| GoodsListSize {
                    size_id: s.chrt_id,
                    price: c.price,
                    discounted_price: price,
                    club_discounted_price: price,
                    tech_size_name: s.tech_size.clone(),
                })
                .collect(),
            currency_iso_code_4217: "RUB".into(),
            discount: i64::from(c.discount),
            club_discount: 0,
            editable_size_price: false,
            is_bad_turnover: false,
            wholesale_discount_threshold: Vec::new(),
        }
    }

    fn goods_answer(list_goods: Vec<GoodsList>) -> Handled {
        ok_numbers(
            &GoodsListResponse {
                data: GoodsListData { list_goods },
                error: false,
                error_text: String::new(),
            },
            &["price", "discountedPrice", "clubDiscountedPrice"],
        )
    }

    fn goods_list(&self, args: &Args) -> Handled {
        let (limit, offset) = page_args(args, PAGE_MAX)?;
        let filter = args
            .int("filterNmID")
            .map_err(|_| prices_error("Invalid request parameters"))?;
        let goods = self
            .cards
            .iter()
            .filter(|c| filter.is_none_or(|n| c.nm_id.0 == n))
            .skip(offset)
            .take(limit)
            .map(Self::goods_model)
            .collect();
        Self::goods_answer(goods)
    }

    fn goods_by_nm(&self, body: &[u8]) -> Handled {
        let bad = || prices_error("Invalid request parameters");
        let request: GoodsFilterRequest = parse(body, bad)?;
        if request.nm_list.is_empty() || request.nm_list.len() > GOODS_FILTER_MAX {
            return Err(bad());
        }
        let goods = request
            .nm_list
            .iter()
            .filter_map(|n| self.card(*n))
            .map(Self::goods_model)
            .collect();
        Self::goods_answer(goods)
    }

    // ---- warehouses ---------------------------------------------------------------------

    fn warehouse_list(&self) -> Handled {
        let list: Vec<Warehouse> = self
            .warehouses
            .iter()
            .map(|w| Warehouse {
                name: w.name.clone(),
                office_id: OfficeId(OFFICE_LIST.get(w.office).map_or(0, |o| o.0)),
                id: w.id,
                cargo_type: Some(WarehouseCargo::Small),
                delivery_type: Some(WarehouseDelivery::Fbs),
                is_deleting: false,
                is_processing: false,
            })
            .collect();
        ok(&list)
    }

    fn office_list(&self) -> Handled {
        let list: Vec<Office> = OFFICE_LIST
            .iter()
            .enumerate()
            .map(|(i, o)| Office {
                address: o.3.into(),
                name: o.1.into(),
                city: o.2.into(),
                id: OfficeId(o.0),
                longitude: o.5,
                latitude: o.4,
                cargo_type: Some(WarehouseCargo::Small),
                delivery_type: Some(WarehouseDelivery::Fbs),
                federal_district: Some(o.6.into()),
                selected: self.warehouses.iter().any(|w| w.office == i),
            })
            .collect();
        ok(&list)
    }

    // ---- stocks -------------------------------------------------------------------------

    fn stock_warehouse(&self, args: &Args) -> Result<WarehouseId, Answer> {
        let id: i64 = args
            .param("warehouseId")
            .parse()
            .map_err(|_| mp_error(400, "IncorrectParameter", "IncorrectParameter"))?;
        self.warehouse(WarehouseId(id))
            .map(|w| w.id)
            .ok_or_else(|| mp_error(404, "NotFound", ""))
    }

    /// Counts down an injected `StoreIsProcessing`: `true` when this request is refused.
    fn store_is_processing(&mut self, warehouse: WarehouseId) -> bool {
        match self.store_processing.get_mut(&warehouse) {
            Some(n) if *n > 0 => {
                *n -= 1;
                true
            }
            _ => false,
        }
    }

    /// WB's refusal of a request that names sizes by barcode (`sku`), which 2026-08 no longer
    /// takes.
    fn refuses_sku(body: &[u8]) -> Result<(), Answer> {
        let v: Value = serde_json::from_slice(body).unwrap_or(Value::Null);
        let by_sku = v.get("skus").is_some()
            || v["stocks"]
                .as_array()
                .is_some_and(|items| items.iter().any(|i| i.get("sku").is_some()));
        if by_sku {
            return Err(mp_error(
                400,
                "SKUUploadDisabled",
                "Uploading stock is not allowed by 'sku'. Please use the 'chrtId' key",
            ));
        }
        Ok(())
    }

    fn stocks_update(&mut self, args: &Args, body: &[u8]) -> Handled {
        let warehouse = self.stock_warehouse(args)?;
        let bad_body = || mp_error(400, "IncorrectRequestBody", "Incorrect required body");
        Self::refuses_sku(body)?;
        let request: StocksUpdateRequest = parse(body, bad_body)?;
        if request.stocks.is_empty() || request.stocks.len() > STOCKS_MAX {
            return Err(bad_body());
        }
        let invalid = request
            .stocks
            .iter()
            .any(|s| s.chrt_id.get() <= 0 || !(0..=AMOUNT_MAX).contains(&s.amount));
        if invalid {
            return Err(mp_error(
                400,
                "IncorrectRequest",
                "Переданы некорректные данные",
            ));
        }
        if self.store_is_processing(warehouse) {
            return Err(json_answer(
                409,
                &to_json(&vec![StocksConflict {
                    data: Vec::new(),
                    code: "StoreIsProcessing".into(),
                    message: "The store is processing".into(),
                }]),
            ));
        }
        let unknown: Vec<StocksConflictItem> = request
            .stocks
            .iter()
            .filter(|item| !self.chrt_index.contains_key(&item.chrt_id))
            .map(|item| StocksConflictItem {
                chrt_id: Some(item.chrt_id),
                sku: String::new(),
                amount: item.amount,
            })
            .collect();
        if !unknown.is_empty() {
            // WB refuses the whole request and names the items it does not know.
            return Err(json_answer(
                409,
                &to_json(&vec![StocksConflict {
                    data: unknown,
                    code: "NotFound".into(),
                    message: "Not found".into(),
                }]),
            ));
        }
        for item in &request.stocks {
            self.stocks.insert((item.chrt_id, warehouse), item.amount);
        }
        Ok(Answer::empty(204))
    }

    fn stocks_read(&self, args: &Args, body: &[u8]) -> Handled {
        let warehouse = self.stock_warehouse(args)?;
        let bad_body = || mp_error(400, "IncorrectRequestBody", "Incorrect required body");
        Self::refuses_sku(body)?;
        let request: StocksReadRequest = parse(body, bad_body)?;
        if request.chrt_ids.is_empty() || request.chrt_ids.len() > STOCKS_MAX {
            return Err(bad_body());
        }
        let stocks = request
            .chrt_ids
            .iter()
            .filter(|c| self.chrt_index.contains_key(c))
            .filter_map(|c| {
                let amount = *self.stocks.get(&(*c, warehouse))?;
                Some(Stock {
                    chrt_id: *c,
                    amount,
                })
            })
            .collect();
        ok(&StocksReadResponse { stocks })
    }

    fn stocks_delete(&mut self, args: &Args, body: &[u8]) -> Handled {
        let warehouse = self.stock_warehouse(args)?;
        let bad_body = || mp_error(400, "IncorrectRequestBody", "Incorrect required body");
        Self::refuses_sku(body)?;
        let request: StocksDeleteRequest = parse(body, bad_body)?;
        if request.chrt_ids.is_empty() || request.chrt_ids.len() > STOCKS_MAX {
            return Err(bad_body());
        }
        if self.store_is_processing(warehouse) {
            return Err(mp_error(
                409,
                "StoreIsProcessing",
                "The store is processing",
            ));
        }
        let unknown: Vec<String> = request
            .chrt_ids
            .iter()
            .filter(|c| !self.chrt_index.contains_key(c))
            .map(ToString::to_string)
            .collect();
        if !unknown.is_empty() {
            let data: serde_json::Map<String, Value> = unknown
                .into_iter()
                .map(|k| (k, Value::String(String::new())))
                .collect();
            return Err(mp_error_with(
                404,
                "NotFound",
                "",
                Some(Value::Object(data)),
            ));
        }
        for chrt in &request.chrt_ids {
            self.stocks.remove(&(*chrt, warehouse));
        }
        Ok(Answer::empty(204))
    }

    // ---- orders -------------------------------------------------------------------------

    fn office_name(office: usize) -> String {
        OFFICE_LIST
            .get(office)
            .map(|o| o.1.to_owned())
            .unwrap_or_default()
    }

    fn order_model(o: &OrderRec) -> Order {
        Order {
            address: None,
            article: o.article.clone(),
            cargo_type: CargoType::Small,
            chrt_id: o.chrt_id,
            color_code: String::new(),
            comment: String::new(),
            converted_currency_code: RUB,
            converted_price: o.price,
            created_at: o.created_at,
            cross_border_type: 0,
            currency_code: RUB,
            delivery_type: Some(OrderDelivery::Fbs),
            id: o.id,
            is_zero_order: false,
            nm_id: o.nm_id,
            office_id: OfficeId(OFFICE_LIST.get(o.office).map_or(0, |x| x.0)),
            offices: vec![Self::office_name(o.office)],
            options: OrderOptions::default(),
            order_uid: o.order_uid.clone(),
            price: o.price,
            rid: o.rid.clone(),
            scan_price: (o.wb == WbStatus::Sold).then(|| Decimal::from(o.price)),
            skus: vec![o.barcode.clone()],
            supply_id: o.supply.clone(),
            warehouse_id: o.warehouse,
        }
    }

    fn orders_new(&mut self) -> Handled {
        self.poll_new_orders();
        let orders = self
            .orders
            .iter()
            .filter(|o| o.supplier == SupplierStatus::New && o.wb == WbStatus::Waiting)
            .map(|o| NewOrder {
                address: None,
                article: o.article.clone(),
                cargo_type: CargoType::Small,
                chrt_id: o.chrt_id,
                converted_currency_code: RUB,
                converted_final_price: o.price,
                converted_price: o.price,
                created_at: o.created_at,
                currency_code: RUB,
                delivery_type: Some(OrderDelivery::Fbs),
                final_price: o.price,
                id: o.id,
                nm_id: o.nm_id,
                office_id: OfficeId(OFFICE_LIST.get(o.office).map_or(0, |x| x.0)),
                offices: vec![Self::office_name(o.office)],
                order_uid: o.order_uid.clone(),
                price: o.price,
                rid: o.rid.clone(),
                sale_price: Some(kopecks(discounted(o.full_price, o.discount))),
                skus: vec![o.barcode.clone()],
                warehouse_id: o.warehouse,
                ..NewOrder::default()
            })
            .collect();
        ok(&NewOrdersResponse { orders })
    }

    fn orders_list(&mut self, args: &Args) -> Handled {
        let bad = || mp_error(400, "IncorrectParameter", "Передан некорректный параметр");
        let limit = args.int("limit").map_err(|_| bad())?.ok_or_else(bad)?;
        let next = args.int("next").map_err(|_| bad())?.ok_or_else(bad)?;
        if !(1..=ORDERS_PAGE_MAX).contains(&limit) || next < 0 {
            return Err(bad());
        }
        let now = Utc::now().timestamp();
        let to = args.int("dateTo").map_err(|_| bad())?.unwrap_or(now);
        let from = args
            .int("dateFrom")
            .map_err(|_| bad())?
            .unwrap_or(to.min(now).saturating_sub(ORDERS_WINDOW_DAYS * 86_400));
        if from < 0 || to < 0 || from > to {
            return Err(bad());
        }
        if to
            .min(now.saturating_add(WINDOW_SLACK_SECS))
            .saturating_sub(from)
            > ORDERS_WINDOW_DAYS * 86_400 + WINDOW_SLACK_SECS
        {
            return Err(bad());
        }
        if next == 0 {
            self.poll_new_orders();
        }
        let mut page: Vec<&OrderRec> = self
            .orders
            .iter()
            .filter(|o| o.id.0 > next)
            .filter(|o| (from..=to).contains(&o.created_at.timestamp()))
            .collect();
        page.sort_by_key(|o| o.id);
        page.truncate(usize::try_from(limit).unwrap_or(0));
        ok_numbers(
            &OrdersResponse {
                next: page.last().map_or(0, |o| o.id.0),
                orders: page.iter().map(|o| Self::order_model(o)).collect(),
            },
            &["scanPrice"],
        )
    }

    fn orders_status(&self, body: &[u8]) -> Handled {
        let request: OrderStatusesRequest = parse(body, incorrect_body)?;
        if request.orders.is_empty() || request.orders.len() > ORDERS_STATUS_MAX {
            return Err(incorrect_body());
        }
        let orders = request
            .orders
            .iter()
            .filter_map(|id| self.order(*id))
            .map(|o| OrderStatus {
                id: o.id,
                is_cancellable: matches!(o.supplier, SupplierStatus::New | SupplierStatus::Confirm)
                    && o.wb == WbStatus::Waiting,
                supplier_status: Some(o.supplier.clone()),
                wb_status: Some(o.wb.clone()),
            })
            .collect();
        ok(&OrderStatusesResponse { orders })
    }

    fn order_cancel(&mut self, args: &Args) -> Handled {
        let id: i64 = args
            .param("orderId")
            .parse()
            .ok()
            .filter(|n| *n > 0)
            .ok_or_else(incorrect_parameter)?;
        let o = self
            .orders
            .iter_mut()
            .find(|o| o.id.0 == id)
            .ok_or_else(not_found)?;
        let open = matches!(o.supplier, SupplierStatus::New | SupplierStatus::Confirm)
            && o.wb == WbStatus::Waiting;
        if !open {
            return Err(mp_error(
                409,
                "StatusMismatch",
                "Несоответствие статусов, проверьте их правильность",
            ));
        }
        let now = Utc::now();
        o.supplier = SupplierStatus::Cancel;
        o.wb = WbStatus::Canceled;
        o.cancelled_at = Some(now);
        o.last_change = now;
        Ok(Answer::empty(204))
    }

    fn stickers(&self, args: &Args, body: &[u8]) -> Handled {
        let kind = args.query("type").unwrap_or("");
        if !matches!(kind, "svg" | "zplv" | "zplh" | "png") {
            return Err(incorrect_parameter());
        }
        let size = (args.int("width"), args.int("height"));
        let (width, height) = match size {
            (Ok(Some(58)), Ok(Some(40))) => (58, 40),
            (Ok(Some(40)), Ok(Some(30))) => (40, 30),
            _ => return Err(incorrect_parameter()),
        };
        let request: StickersRequest = parse(body, incorrect_body)?;
        if request.orders.is_empty() || request.orders.len() > STICKERS_MAX {
            return Err(incorrect_body());
        }
        let mut refused = Vec::new();
        let mut stickers = Vec::with_capacity(request.orders.len());
        for id in &request.orders {
            match self.order(*id) {
                Some(o)
                    if matches!(
                        o.supplier,
                        SupplierStatus::Confirm | SupplierStatus::Complete
                    ) =>
                {
                    let text = o.id.to_string();
                    let split = text.len().saturating_sub(4);
                    let part_a = text.get(..split).unwrap_or("").to_owned();
                    let part_b = text.get(split..).unwrap_or("").to_owned();
                    let barcode = format!(
                        "!{}",
                        base64(&o.id.0.to_be_bytes()[2..]).trim_end_matches('=')
                    );
                    let file = label_file(
                        kind,
                        width,
                        height,
                        &[&format!("{part_a} {part_b}"), &o.article],
                        o.id.0 as u64,
                    );
                    stickers.push(Sticker {
                        barcode,
                        file: base64(&file),
                        order_id: o.id,
                        part_a,
                        part_b,
                    });
                }
                _ => refused.push(id.to_string()),
            }
        }
        if !refused.is_empty() {
            return Err(mp_error(
                400,
                "IncorrectRequest",
                &format!(
                    "Переданы некорректные данные: сборочные задания {} не найдены или не в статусе confirm или complete",
                    refused.join(", ")
                ),
            ));
        }
        ok(&StickersResponse { stickers })
    }

    fn orders_meta(&self, body: &[u8]) -> Handled {
        let bad = || {
            mp_error_with(
                400,
                "BadRequest",
                "Неправильный запрос",
                Some(Value::Object(Default::default())),
            )
        };
        let request: OrdersMetaRequest = parse(body, bad)?;
        if request.orders.is_empty() || request.orders.len() > ORDERS_META_MAX {
            return Err(bad());
        }
        let orders: Vec<OrderMeta> = request
            .orders
            .iter()
            .filter_map(|id| self.order(*id))
            .map(|o| OrderMeta {
                id: o.id,
                meta_details: Vec::new(),
            })
            .collect();
        if orders.is_empty() {
            return Err(mp_error_with(
                404,
                "NotFound",
                "Не найдено",
                Some(Value::Object(Default::default())),
            ));
        }
        ok(&OrdersMetaResponse { orders })
    }

    // ---- supplies -----------------------------------------------------------------------

    fn supply_model(&self, s: &SupplyRec) -> Supply {
        Supply {
            cargo_type: if s.orders.is_empty() {
                CargoType::Unset
            } else {
                CargoType::Small
            },
            closed_at: s.closed_at,
            created_at: s.created_at,
            cross_border_type: Some(0),
            destination_office_id: s
                .warehouse
                .and_then(|w| self.warehouse(w))
                .and_then(|w| OFFICE_LIST.get(w.office))
                .map(|o| OfficeId(o.0)),
            done: s.done,
            id: s.id.clone(),
            is_b2b: Some(false),
            is_pickup_point_shipment_allowed: false,
            name: s.name.clone(),
            recommended_wh_id: None,
            scan_dt: s
                .closed_at
                .map(|c| c + TimeDelta::hours(3))
                .filter(|t| *t < Utc::now()),
        }
    }

    fn supply_create(&mut self, body: &[u8]) -> Handled {
        let request: CreateSupplyRequest = parse(body, incorrect_body)?;
        let n = request.name.chars().count();
        if request.name.trim().is_empty() || n > SUPPLY_NAME_MAX {
            return Err(incorrect_body());
        }
        let i = self.new_supply(request.name, Utc::now());
        let id = self
            .supplies
            .get(i)
            .map(|s| s.id.clone())
            .unwrap_or_default();
        Ok(json_answer(201, &to_json(&CreateSupplyResponse { id })))
    }

    fn supplies_list(&self, args: &Args) -> Handled {
        let limit = args
            .int("limit")
            .map_err(|_| incorrect_parameter())?
            .ok_or_else(incorrect_parameter)?;
        let next = args
            .int("next")
            .map_err(|_| incorrect_parameter())?
            .ok_or_else(incorrect_parameter)?;
        if !(1..=SUPPLIES_PAGE_MAX).contains(&limit) || next < 0 {
            return Err(incorrect_parameter());
        }
        let page: Vec<&SupplyRec> = self
            .supplies
            .iter()
            .filter(|s| s.seq > next)
            .take(usize::try_from(limit).unwrap_or(0))
            .collect();
        ok(&SuppliesResponse {
            next: page.last().map_or(0, |s| s.seq),
            supplies: page.iter().map(|s| self.supply_model(s)).collect(),
        })
    }

    fn supply_at(&self, args: &Args) -> Result<usize, Answer> {
        let id = args.param("supplyId");
        if id.trim().is_empty() {
            return Err(incorrect_parameter());
        }
        self.supply_index(id).ok_or_else(not_found)
    }

    fn supply_add_orders(&mut self, args: &Args, body: &[u8]) -> Handled {
        let index = self.supply_at(args)?;
        let request: AddOrdersRequest = parse(body, incorrect_parameter)?;
        if request.orders.is_empty() || request.orders.len() > ADD_ORDERS_MAX {
            return Err(incorrect_parameter());
        }
        let failed = || {
            mp_error(
                409,
                "FailedToAddSupplyOrder",
                "Не удалось закрепить сборочное задание за поставкой. Убедитесь, что сборочное задание и поставка удовлетворяют всем необходимым требованиям.",
            )
        };
        let Some(supply) = self.supplies.get(index) else {
            return Err(not_found());
        };
        if supply.done {
            return Err(failed());
        }
        let supply_id = supply.id.clone();
        // A supply takes the tasks of one warehouse: the first task's, or those already in it.
        let mut warehouse = supply.warehouse;
        for id in &request.orders {
            let o = self.order(*id).ok_or_else(failed)?;
            let active_elsewhere = o.supply.as_ref().is_some_and(|s| {
                *s != supply_id
                    && self
                        .supply_index(s.as_str())
                        .and_then(|i| self.supplies.get(i))
                        .is_some_and(|s| !s.done)
            });
            let movable = o.wb == WbStatus::Waiting
                && (o.supplier == SupplierStatus::New
                    || (o.supplier == SupplierStatus::Confirm
                        && (active_elsewhere || o.supply.as_ref() == Some(&supply_id))));
            if !movable || warehouse.is_some_and(|w| w != o.warehouse) {
                return Err(failed());
            }
            warehouse = Some(o.warehouse);
        }
        let now = Utc::now();
        for id in &request.orders {
            let previous = self
                .orders
                .iter()
                .find(|o| o.id == *id)
                .and_then(|o| o.supply.clone());
            if let Some(p) = previous.filter(|p| *p != supply_id)
                && let Some(i) = self.supply_index(p.as_str())
                && let Some(s) = self.supplies.get_mut(i)
            {
                s.orders.retain(|o| o != id);
            }
            if let Some(o) = self.orders.iter_mut().find(|o| o.id == *id) {
                o.supplier = SupplierStatus::Confirm;
                o.supply = Some(supply_id.clone());
                o.last_change = now;
            }
            if let Some(s) = self.supplies.get_mut(index)
                && !s.orders.contains(id)
            {
                s.orders.push(*id);
            }
        }
        if let Some(s) = self.supplies.get_mut(index) {
            s.warehouse = warehouse;
        }
        Ok(Answer::empty(204))
    }

    fn supply_get(&self, args: &Args) -> Handled {
        let index = self.supply_at(args)?;
        let s = self.supplies.get(index).ok_or_else(not_found)?;
        ok(&self.supply_model(s))
    }

    fn supply_delete(&mut self, args: &Args) -> Handled {
        let index = self.supply_at(args)?;
        let s = self.supplies.get(index).ok_or_else(not_found)?;
        if !s.orders.is_empty() || s.done {
            return Err(mp_error(
                409,
                "SupplyHasOrders",
                "Не удалось обработать поставку. Убедитесь, что за ней не осталось закреплённых сборочных заданий.",
            ));
        }
        self.supplies.remove(index);
        Ok(Answer::empty(204))
    }

    fn supply_order_ids(&self, args: &Args) -> Handled {
        let index = self.supply_at(args)?;
        let s = self.supplies.get(index).ok_or_else(not_found)?;
        ok(&SupplyOrderIds {
            order_ids: s.orders.clone(),
        })
    }

    fn supply_deliver(&mut self, args: &Args) -> Handled {
        let index = self.supply_at(args)?;
        let s = self.supplies.get_mut(index).ok_or_else(not_found)?;
        if s.orders.is_empty() {
            return Err(mp_error(
                409,
                "SupplyHasZeroOrders",
                "Не удалось обработать поставку. Убедитесь, что за ней закреплён хотя бы одно сборочное задание.",
            ));
        }
        if s.done {
            // Delivered already: nothing changes.
            return Ok(Answer::empty(204));
        }
        let now = Utc::now();
        s.done = true;
        s.closed_at = Some(seconds(now));
        let ids = s.orders.clone();
        for o in &mut self.orders {
            if ids.contains(&o.id) && o.supplier == SupplierStatus::Confirm {
                o.supplier = SupplierStatus::Complete;
                o.wb = WbStatus::Sorted;
                o.last_change = now;
            }
        }
        Ok(Answer::empty(204))
    }

    fn supply_barcode(&self, args: &Args) -> Handled {
        let kind = args.query("type").unwrap_or("");
        if !matches!(kind, "svg" | "zplv" | "zplh" | "png") {
            return Err(incorrect_parameter());
        }
        let index = self.supply_at(args)?;
        let s = self.supplies.get(index).ok_or_else(not_found)?;
        if !s.done {
            return Err(mp_error(
                409,
                "SupplyNotClosed",
                "Поставка не передана в доставку",
            ));
        }
        let bits =
            s.id.as_str()
                .bytes()
                .fold(0u64, |a, b| a.rotate_left(5) ^ u64::from(b));
        let file = label_file(kind, 58, 40, &[s.id.as_str(), &s.name], bits);
        ok(&SupplyBarcodeResponse {
            barcode: s.id.to_string(),
            file: base64(&file),
        })
    }

    // ---- claims -------------------------------------------------------------------------

    fn claims_list(&self, args: &Args) -> Handled {
        let bad = |detail: &str| {
            let mut a = json_answer(
                400,
                &serde_json::json!({
                    "title": "Invalid query params",
                    "detail": detail,
                    "requestId": "sandbox",
                }),
            );
            a.content_type = "application/problem+json";
            a
        };
        let archived = match args.query("is_archive") {
            Some("true") => true,
            Some("false") => false,
            Some(_) => {
                return Err(bad(
                    "Failed to deserialize query string: is_archive: provided string was not `true` or `false`",
                ));
            }
            None => {
                return Err(bad(
                    "Failed to deserialize query string: missing field `is_archive`",
                ));
            }
        };
        let limit = args
            .int("limit")
            .map_err(|_| bad("Failed to deserialize query string: limit: invalid digit"))?
            .unwrap_or(50);
        let offset = args
            .int("offset")
            .map_err(|_| bad("Failed to deserialize query string: offset: invalid digit"))?
            .unwrap_or(0);
        let nm = args
            .int("nm_id")
            .map_err(|_| bad("Failed to deserialize query string: nm_id: invalid digit"))?;
        if !(1..=i64::from(CLAIMS_PAGE_MAX)).contains(&limit) || offset < 0 {
            return Err(bad("limit must be 1 to 200 and offset not negative"));
        }
        let id = args.query("id");
        let matching: Vec<&Claim> = self
            .claims
            .iter()
            .filter(|c| c.archived == archived)
            .map(|c| &c.claim)
            .filter(|c| id.is_none_or(|i| c.id == i))
            .filter(|c| nm.is_none_or(|n| c.nm_id.0 == n))
            .collect();
        let claims: Vec<Claim> = matching
            .iter()
            .skip(usize::try_from(offset).unwrap_or(usize::MAX))
            .take(usize::try_from(limit).unwrap_or(0))
            .map(|c| (*c).clone())
            .collect();
        let mut v = to_json(&ClaimsResponse {
            claims,
            total: matching.len() as i64,
        });
        numbers_in(&mut v, &["price"]);
        times_in(
            &mut v,
            &["dt", "order_dt", "dt_update"],
            "%Y-%m-%dT%H:%M:%S%.6f",
            false,
        );
        Ok(json_answer(200, &v))
    }

    // ---- statistics ---------------------------------------------------------------------

    fn stat_answer<T: Serialize>(rows: &[T]) -> Handled {
        let mut v = to_json(&rows);
        numbers_in(
            &mut v,
            &[
                "Price",
                "Discount",
                "totalPrice",
                "spp",
                "finishedPrice",
                "priceWithDisc",
                "paymentSaleAmount",
                "forPay",
            ],
        );
        times_in(
            &mut v,
            &["date", "lastChangeDate", "cancelDate"],
            "%Y-%m-%dT%H:%M:%S",
            true,
        );
        Ok(json_answer(200, &v))
    }

    /// The stock report of WB's warehouses: one row per size (WB reports its warehouses as
    /// one, `-999999` "Склад WB"), by article and size, paged by `offset` and `limit`.
    fn stocks_report(&self, body: &[u8]) -> Handled {
        let request: InventoryRequest = parse(body, analytics_bad_request)?;
        if request.nm_ids.len() > NM_IDS_MAX {
            return Err(analytics_error(400, "nmIds: too many items"));
        }
        let limit = request.limit.unwrap_or(STOCKS_REPORT_PAGE_MAX);
        if limit > STOCKS_REPORT_PAGE_MAX {
            return Err(analytics_error(400, "limit: must be at most 250000"));
        }
        let mut rows: Vec<InventoryWbItem> = Vec::new();
        for c in &self.cards {
            if !request.nm_ids.is_empty() && !request.nm_ids.contains(&c.nm_id) {
                continue;
            }
            for s in &c.sizes {
                if !request.nm_ids.is_empty()
                    && !request.chrt_ids.is_empty()
                    && !request.chrt_ids.contains(&s.chrt_id)
                {
                    continue;
                }
                rows.push(InventoryWbItem {
                    nm_id: c.nm_id,
                    chrt_id: s.chrt_id,
                    warehouse_id: -999_999,
                    warehouse_name: "Склад WB".into(),
                    region_name: "Склад WB".into(),
                    quantity: s.fbo,
                    in_way_to_client: s.fbo / 10,
                    in_way_from_client: s.fbo / 40,
                });
            }
        }
        rows.sort_by_key(|r| (r.nm_id, r.chrt_id));
        let offset = usize::try_from(request.offset.unwrap_or(0)).unwrap_or(usize::MAX);
        let items: Vec<InventoryWbItem> =
            rows.into_iter().skip(offset).take(limit as usize).collect();
        ok(&InventoryWbEnvelope {
            data: InventoryWbResponse { items },
        })
    }

    /// The fields the orders and sales reports share, of one task.
    fn stat_common(&self, o: &OrderRec) -> (String, String, String, String, String, String) {
        let card = self.card(o.nm_id);
        let subject = card.and_then(|c| subject_of(c.subject));
        let region = REGIONS.get(o.region).copied().unwrap_or(("", ""));
        (
            self.warehouse(o.warehouse)
                .map(|w| w.name.clone())
                .unwrap_or_default(),
            region.0.to_owned(),
            region.1.to_owned(),
            subject.map(|s| s.3.to_owned()).unwrap_or_default(),
            subject.map(|s| s.1.to_owned()).unwrap_or_default(),
            card.map(|c| c.brand.clone()).unwrap_or_default(),
        )
    }

    fn stat_orders(&self, args: &Args) -> Handled {
        let (from, on_day) = stat_args(args, true)?;
        let mut rows: Vec<OrderRow> = self
            .orders
            .iter()
            .filter(|o| match on_day {
                Some(day) => utc_to_moscow(o.created_at).date() == day,
                None => seconds(o.last_change) >= from,
            })
            .map(|o| {
                let (warehouse, okrug, region, category, subject, brand) = self.stat_common(o);
                let with_disc = discounted(o.full_price, o.discount);
                OrderRow {
                    date: o.created_at,
                    last_change_date: seconds(o.last_change),
                    warehouse_name: warehouse,
                    warehouse_type: Some(WarehouseType::Seller),
                    country_name: "Россия".into(),
                    oblast_okrug_name: okrug,
                    region_name: region,
                    supplier_article: o.article.clone(),
                    nm_id: o.nm_id,
                    barcode: o.barcode.clone(),
                    category,
                    subject,
                    brand,
                    tech_size: o.tech_size.clone(),
                    income_id: 0,
                    is_supply: false,
                    is_realization: true,
                    total_price: o.full_price,
                    discount_percent: i64::from(o.discount),
                    spp: Decimal::ZERO,
                    finished_price: Decimal::new(o.price, 2),
                    price_with_disc: with_disc,
                    is_cancel: o.cancelled_at.is_some(),
                    cancel_date: o.cancelled_at.map(seconds),
                    sticker: o.id.to_string(),
                    g_number: o.order_uid.split('_').next().unwrap_or("").to_owned(),
                    srid: o.rid.clone(),
                }
            })
            .collect();
        rows.sort_by_key(|r| r.last_change_date);
        Self::stat_answer(&rows)
    }

    fn stat_sales(&self, args: &Args) -> Handled {
        let (from, on_day) = stat_args(args, true)?;
        let mut rows: Vec<SaleRow> = self
            .orders
            .iter()
            .filter_map(|o| o.sold_at.map(|t| (o, seconds(t))))
            .filter(|(_, sold)| match on_day {
                Some(day) => utc_to_moscow(*sold).date() == day,
                None => *sold >= from,
            })
            .map(|(o, sold)| {
                let (warehouse, okrug, region, category, subject, brand) = self.stat_common(o);
                let finished = Decimal::new(o.price, 2);
                let for_pay = finished
                    .checked_mul(Decimal::new(85, 2))
                    .unwrap_or(finished)
                    .round_dp(2);
                SaleRow {
                    date: sold,
                    last_change_date: sold,
                    warehouse_name: warehouse,
                    warehouse_type: Some(WarehouseType::Seller),
                    country_name: "Россия".into(),
                    oblast_okrug_name: okrug,
                    region_name: region,
                    supplier_article: o.article.clone(),
                    nm_id: o.nm_id,
                    barcode: o.barcode.clone(),
                    category,
                    subject,
                    brand,
                    tech_size: o.tech_size.clone(),
                    income_id: 0,
                    is_supply: false,
                    is_realization: true,
                    total_price: o.full_price,
                    discount_percent: i64::from(o.discount),
                    spp: Decimal::ZERO,
                    payment_sale_amount: Decimal::ZERO,
                    for_pay,
                    finished_price: finished,
                    price_with_disc: discounted(o.full_price, o.discount),
                    sale_id: format!("S{}", o.id.0.saturating_mul(7) % 10_000_000_000),
                    sticker: o.id.to_string(),
                    g_number: o.order_uid.split('_').next().unwrap_or("").to_owned(),
                    srid: o.rid.clone(),
                }
            })
            .collect();
        rows.sort_by_key(|r| r.last_change_date);
        Self::stat_answer(&rows)
    }
}

/// The `uploadID` of a prices request.
fn upload_id(args: &Args) -> Result<UploadId, Answer> {
    args.int("uploadID")
        .ok()
        .flatten()
        .filter(|n| *n > 0)
        .map(UploadId)
        .ok_or_else(|| prices_error("Invalid request parameters"))
}

/// `limit` (required, 1 to `max`) and `offset` (default 0) of a prices list.
fn page_args(args: &Args, max: u32) -> Result<(usize, usize), Answer> {
    let bad = || prices_error("Invalid request parameters");
    let limit = args.int("limit").map_err(|_| bad())?.ok_or_else(bad)?;
    let offset = args.int("offset").map_err(|_| bad())?.unwrap_or(0);
    if !(1..=i64::from(max)).contains(&limit) || offset < 0 {
        return Err(bad());
    }
    Ok((
        usize::try_from(limit).unwrap_or(0),
        usize::try_from(offset).unwrap_or(usize::MAX),
    ))
}

/// A statistics `dateFrom` (Moscow time without an offset, RFC 3339, or a date) and, with
/// `flag=1` where the method takes it, the Moscow day it names.
fn stat_args(args: &Args, takes_flag: bool) -> Result<(DateTime<Utc>, Option<NaiveDate>), Answer> {
    let Some(text) = args.query("dateFrom").map(str::trim) else {
        return Err(stat_error(serde_json::json!(["dateFrom: field required"])));
    };
    let invalid = || stat_error(Value::String("dateFrom: Value not validated".into()));
    let from = if let Ok(t) = DateTime::parse_from_rfc3339(text) {
        t.with_timezone(&Utc)
    } else if let Ok(t) = NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f") {
        crate::models::statistics::moscow_to_utc(t)
    } else if let Ok(d) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        crate::models::statistics::moscow_day_start(d)
    } else {
        return Err(invalid());
    };
    let on_day = match (takes_flag, args.query("flag")) {
        (true, Some("1")) => Some(utc_to_moscow(from).date()),
        (_, None | Some("0")) | (false, _) => None,
        (true, Some(_)) => {
            return Err(stat_error(Value::String(
                "flag: Value not validated".into(),
            )));
        }
    };
    Ok((from, on_day))
}

// ---------------------------------------------------------------------------------------------
// Label files: SVG, PNG, ZPL; base64.
// ---------------------------------------------------------------------------------------------

/// A label of `kind` (`svg`, `png`, `zplv`, `zplh`) for a `width`x`height` mm sticker with
/// `lines` of text and a bar pattern from `bits`.
fn label_file(kind: &str, width: u32, height: u32, lines: &[&str], bits: u64) -> Vec<u8> {
    match kind {
        "png" => tiny_png(width * 2, height * 2, bits),
        "zplv" | "zplh" => zpl(kind == "zplv", lines, bits).into_bytes(),
        _ => svg(width * 10, height * 10, lines, bits).into_bytes(),
    }
}

fn xml_escape(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '<' => "&lt;".to_owned(),
            '>' => "&gt;".to_owned(),
            '&' => "&amp;".to_owned(),
            '"' => "&quot;".to_owned(),
            c => c.to_string(),
        })
        .collect()
}

fn svg(width: u32, height: u32, lines: &[&str], bits: u64) -> String {
    let mut bars = String::new();
    for i in 0..64u32 {
        if (bits >> i) & 1 == 1 {
            bars.push_str(&format!(
                r##"<rect x="{}" y="{}" width="4" height="{}" fill="#000"/>"##,
                20 + i * 6,
                height / 2,
                height / 3
            ));
        }
    }
    let text: String = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            format!(
                r#"<text x="20" y="{}" font-family="Arial" font-size="{}">{}</text>"#,
                50 + i as u32 * 50,
                if i == 0 { 44 } else { 28 },
                xml_escape(l)
            )
        })
        .collect();
    format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}"><rect width="{width}" height="{height}" fill="#fff"/>{text}{bars}</svg>"##
    )
}

fn zpl(vertical: bool, lines: &[&str], bits: u64) -> String {
    let orientation = if vertical { "R" } else { "N" };
    let mut out = format!("^XA^CI28^FW{orientation}");
    for (i, l) in lines.iter().enumerate() {
        out.push_str(&format!(
            "^FO20,{}^A0{orientation},40,40^FD{}^FS",
            20 + i * 50,
            l.replace(['^', '~'], " ")
        ));
    }
    out.push_str(&format!(
        "^FO20,140^BC{orientation},100,Y,N,N^FD{bits}^FS^XZ"
    ));
    out
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            let mask = (crc & 1).wrapping_neg();
            crc = (crc >> 1) ^ (0xEDB8_8320 & mask);
        }
    }
    !crc
}

fn adler32(data: &[u8]) -> u32 {
    let (mut a, mut b) = (1u32, 0u32);
    for &x in data {
        a = (a + u32::from(x)) % 65_521;
        b = (b + a) % 65_521;
    }
    (b << 16) | a
}

fn png_chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let mut typed = kind.to_vec();
    typed.extend_from_slice(data);
    out.extend_from_slice(&typed);
    out.extend_from_slice(&crc32(&typed).to_be_bytes());
}

/// A small valid greyscale PNG (stored, uncompressed deflate) with a bar pattern.
fn tiny_png(width: u32, height: u32, bits: u64) -> Vec<u8> {
    let mut raw = Vec::with_capacity(((width + 1) * height) as usize);
    for y in 0..height {
        raw.push(0);
        for x in 0..width {
            let column = x / 2;
            let bar = column % 2 == 0
                && (bits >> (column / 2 % 64)) & 1 == 1
                && y > height / 3
                && y < height * 5 / 6;
            raw.push(if bar { 0 } else { 255 });
        }
    }
    let mut z = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = raw.chunks(65_535).collect();
    if blocks.is_empty() {
        z.extend_from_slice(&[1, 0, 0, 0xFF, 0xFF]);
    }
    for (i, block) in blocks.iter().enumerate() {
        z.push(u8::from(i + 1 == blocks.len()));
        let len = block.len() as u16;
        z.extend_from_slice(&len.to_le_bytes());
        z.extend_from_slice(&(!len).to_le_bytes());
        z.extend_from_slice(block);
    }
    z.extend_from_slice(&adler32(&raw).to_be_bytes());
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut header = Vec::with_capacity(13);
    header.extend_from_slice(&width.to_be_bytes());
    header.extend_from_slice(&height.to_be_bytes());
    header.extend_from_slice(&[8, 0, 0, 0, 0]);
    png_chunk(&mut png, b"IHDR", &header);
    png_chunk(&mut png, b"IDAT", &z);
    png_chunk(&mut png, b"IEND", &[]);
    png
}

/// Standard base64 with padding.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let byte = |i: usize| u32::from(chunk.get(i).copied().unwrap_or(0));
        let n = (byte(0) << 16) | (byte(1) << 8) | byte(2);
        let symbol = |shift: u32| {
            char::from(
                ALPHABET
                    .get(((n >> shift) & 63) as usize)
                    .copied()
                    .unwrap_or(b'A'),
            )
        };
        out.push(symbol(18));
        out.push(symbol(12));
        out.push(if chunk.len() > 1 { symbol(6) } else { '=' });
        out.push(if chunk.len() > 2 { symbol(0) } else { '=' });
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

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
