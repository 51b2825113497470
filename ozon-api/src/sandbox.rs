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
//! - it limits requests as Ozon documents (50 a second per `Client-Id`, 80 stock updates a
//!   minute) with Ozon's 429 body, unless [`SandboxConfig::rate_limits`] is off;
//! - it injects faults (429, 500, slow answers, cut bodies) from a [`FaultPlan`], and counts
//!   every request in a [`RequestLog`].
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

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::{DateTime, TimeDelta, Utc};
use market_core::sandbox::{Fault, FaultPlan, Faults, RequestLog, tiny_pdf};
use rust_decimal::Decimal;
use serde::Serialize;
use serde::de::DeserializeOwned;
use wiremock::{MockServer, Request, Respond, ResponseTemplate};

use crate::api::fbo::FBO_LIST_PAGE_MAX;
use crate::api::fbs::{CANCEL_REASON_OTHER, FBS_LIST_PAGE_MAX, FBS_LIST_WINDOW_MAX_DAYS};
use crate::api::labels::PACKAGE_LABEL_MAX;
use crate::api::prices::{PRICES_INFO_PAGE_MAX, PRICES_UPDATE_MAX, validate_price};
use crate::api::products::{
    PRODUCT_IMPORT_MAX, PRODUCT_INFO_LIST_MAX, PRODUCT_LIST_FILTER_MAX, PRODUCT_LIST_PAGE_MAX,
    validate_import_item,
};
use crate::api::returns::{RETURNS_PAGE_MAX, RETURNS_POSTINGS_MAX};
use crate::api::stocks::{
    STOCKS_BY_WAREHOUSE_MAX, STOCKS_BY_WAREHOUSE_PAGE_MAX, STOCKS_INFO_PAGE_MAX, STOCKS_UPDATE_MAX,
    validate_stock,
};
use crate::api::warehouses::WAREHOUSES_PAGE_MAX;
use crate::ids::{
    DeliveryMethodId, DescriptionCategoryId, ImportTaskId, PostingNumber, ProductId, Sku, TypeId,
    WarehouseId,
};
use crate::models::fbo::{
    FboListPosting, FboListPostingProduct, FboPosting, FboPostingAnalyticsData,
    FboPostingGetRequest, FboPostingListRequest, FboPostingListResponse, FboPostingProduct,
    FboPostingResponse, FboPostingWith,
};
use crate::models::fbs::{
    BooleanResponse, CancelReason, CancelReasonListResponse, CancelRequest, Cancellation,
    DeliveryMethod, Dimensions, ExemplarProduct, FbsListCommission, FbsListFinancialData,
    FbsListFinancialProduct, FbsListPostingProduct, FbsPosting, FbsPostingAnalyticsData,
    FbsPostingDetail, FbsPostingGetRequest, FbsPostingGetResponse, FbsPostingListRequest,
    FbsPostingListResponse, LegalInfo, MoveStatus, MoveStatusResponse, PostingFinancialData,
    PostingFinancialDataProduct, PostingMoney, PostingNumbersRequest, PostingProductDetail,
    PostingStatus, PostingSubstatus, ProductExemplars, RelatedPostings, ShipAdditionalData,
    ShipRequest, ShipResponse, ShippedProduct, SortDirection, TplIntegrationType,
};
use crate::models::labels::PackageLabelRequest;
use crate::models::prices::{
    GetProductInfoPricesRequest, GetProductInfoPricesResponse, ImportPricesError,
    ImportPricesRequest, ImportPricesResponse, ImportPricesResult, ItemPrice, PriceCommissions,
    ProductPriceInfo,
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
    GetProductInfoStocksByWarehouseFbsRequest, GetProductInfoStocksByWarehouseFbsResponse,
    GetProductInfoStocksByWarehouseFbsResponseResult, GetProductInfoStocksRequest,
    GetProductInfoStocksResponse, GetProductInfoStocksResponseItem,
    GetProductInfoStocksResponseStock, ProductsStocksRequest, ProductsStocksResponse,
    ProductsStocksResponseError, ProductsStocksResponseResult, StockShipmentType,
};
use crate::models::warehouses::{
    FirstMile, FirstMileType, Warehouse, WarehouseListRequest, WarehouseListResponse,
    WarehouseStatus, Weekday,
};
use crate::{Client, ClientBuilder};

/// The `Client-Id` the sandbox accepts.
pub const SANDBOX_CLIENT_ID: &str = "sandbox-client";
/// The `Api-Key` the sandbox accepts.
pub const SANDBOX_API_KEY: &str = "sandbox-key";

/// The first warehouse id; the others follow it.
const FIRST_WAREHOUSE_ID: i64 = 22_142_605_386_000;
/// How far back the seeded postings go.
const HISTORY_DAYS: u64 = 7;
/// The jitter allowed to a client that keeps to the documented rate (see [`TokenBucket`]).
const RATE_TOLERANCE: Duration = Duration::from_millis(250);

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
    state: Arc<Mutex<State>>,
    requests: RequestLog,
    faults: Faults,
}

impl fmt::Debug for Sandbox {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let st = lock(&self.state);
        f.debug_struct("Sandbox")
            .field("uri", &self.server.uri())
            .field("products", &st.products.len())
            .field("warehouses", &st.warehouses.len())
            .field("fbs_postings", &st.fbs.len())
            .field("fbo_postings", &st.fbo.len())
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
            limits: config.rate_limits.then(Limits::ozon),
            traces: AtomicU64::new(0),
        };
        market_core::sandbox::answer_all(&server, emulator).await;
        Sandbox {
            server,
            state,
            requests,
            faults,
        }
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
        &self.requests
    }

    /// The fault injector; [`Faults::set`] changes the plan at run time.
    pub fn faults(&self) -> &Faults {
        &self.faults
    }

    /// Creates `n` new FBS postings awaiting packaging, processed now; returns their numbers.
    pub fn add_orders(&self, n: usize) -> Vec<PostingNumber> {
        let mut st = lock(&self.state);
        let now = Utc::now();
        (0..n).map(|_| st.add_fbs(now, None)).collect()
    }

    /// Creates an FBS posting awaiting packaging, processed at `at` (in the past, for a
    /// posting older than the poll window); returns its number.
    pub fn add_order_at(&self, at: DateTime<Utc>) -> PostingNumber {
        lock(&self.state).add_fbs(at, None)
    }

    /// The buyer cancels an FBS posting now (status `cancelled`, its last status change now);
    /// false when there is no such posting or it is delivered or already cancelled.
    pub fn cancel_by_buyer(&self, posting: &PostingNumber) -> bool {
        let mut st = lock(&self.state);
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
        lock(&self.state).failing_ships.insert(posting.clone());
    }

    /// Moves postings one step on: `awaiting_deliver` to `delivering`, `delivering` to
    /// `delivered` (FBS and FBO).
    pub fn advance(&self) {
        let mut st = lock(&self.state);
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
        lock(&self.state)
            .products
            .iter()
            .map(|p| p.offer_id.clone())
            .collect()
    }

    /// The FBS/rFBS warehouses.
    pub fn warehouse_ids(&self) -> Vec<WarehouseId> {
        lock(&self.state).warehouses.iter().map(|w| w.id).collect()
    }

    /// The stock of an offer at a warehouse as the seller last set it; `None` for an unknown
    /// offer or warehouse.
    pub fn stock(&self, offer_id: &str, warehouse: WarehouseId) -> Option<i64> {
        let st = lock(&self.state);
        st.warehouses.iter().find(|w| w.id == warehouse)?;
        let p = st.products.iter().find(|p| p.offer_id == offer_id)?;
        Some(p.stocks.get(&warehouse).copied().unwrap_or(0))
    }

    /// The price of an offer (discounts included); `None` for an unknown offer.
    pub fn price(&self, offer_id: &str) -> Option<Decimal> {
        lock(&self.state)
            .products
            .iter()
            .find(|p| p.offer_id == offer_id)
            .map(|p| p.price)
    }

    /// The status of an FBS or FBO posting; `None` when there is no such posting.
    pub fn posting_status(&self, posting: &str) -> Option<PostingStatus> {
        let st = lock(&self.state);
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
        let st = lock(&self.state);
        st.fbs.len() + st.fbo.len()
    }
}

use market_core::sandbox::lock;

// ---------------------------------------------------------------------------------------------
// A small seeded generator (ozon-api does not depend on fastrand): SplitMix64.
// ---------------------------------------------------------------------------------------------

type Rng = market_core::sandbox::SeededRng;

// ---------------------------------------------------------------------------------------------
// The state of the fake account.
// ---------------------------------------------------------------------------------------------

const PRODUCT_NAMES: &[&str] = &[
    "Кружка керамическая",
    "Футболка хлопковая",
    "Рюкзак городской",
    "Термос стальной",
    "Блокнот в клетку",
    "Зонт складной",
    "Шарф вязаный",
    "Лампа настольная",
    "Подушка ортопедическая",
    "Чехол для телефона",
    "Кроссовки беговые",
    "Полотенце махровое",
    "Сковорода антипригарная",
    "Наушники беспроводные",
    "Плед флисовый",
];
const COLOURS: &[&str] = &[
    "чёрный",
    "белый",
    "синий",
    "красный",
    "зелёный",
    "серый",
    "бежевый",
];
const WAREHOUSE_CITIES: &[&str] = &[
    "Москва",
    "Санкт-Петербург",
    "Казань",
    "Екатеринбург",
    "Новосибирск",
    "Краснодар",
];
const CITIES: &[(&str, &str)] = &[
    ("Москва", "Москва"),
    ("Санкт-Петербург", "Санкт-Петербург"),
    ("Казань", "Республика Татарстан"),
    ("Екатеринбург", "Свердловская область"),
    ("Новосибирск", "Новосибирская область"),
    ("Нижний Новгород", "Нижегородская область"),
    ("Самара", "Самарская область"),
];
const FBO_WAREHOUSES: &[(i64, &str)] = &[
    (15_431_806_189_000, "ХОРУГВИНО_РФЦ"),
    (1_020_000_115_166_000, "КАЗАНЬ_РФЦ"),
    (1_020_000_089_903_000, "ЕКАТЕРИНБУРГ_РФЦ_НОВЫЙ"),
    (1_020_001_486_093_000, "САНКТ_ПЕТЕРБУРГ_РФЦ"),
];
const CATEGORIES: &[(i64, i64)] = &[
    (17_028_922, 91_565),
    (17_027_904, 93_228),
    (15_621_048, 94_765),
];

/// Ozon's cancellation reasons: id, text, who cancels, whether the seller may use it.
const CANCEL_REASONS: &[(i64, &str, &str, bool)] = &[
    (352, "Товар закончился на складе продавца", "seller", true),
    (400, "Остался только бракованный товар", "seller", true),
    (401, "Отмена из арбитража", "seller", false),
    (402, "Другое (вина продавца)", "seller", true),
    (507, "Покупатель отменил заказ", "buyer", false),
    (665, "Покупатель не забрал заказ", "buyer", false),
    (667, "Заказ утерян службой доставки", "seller", false),
];

#[derive(Debug, Clone)]
struct WarehouseRec {
    id: WarehouseId,
    name: String,
    rfbs: bool,
}

#[derive(Debug, Clone)]
struct ProductRec {
    product_id: ProductId,
    offer_id: String,
    sku: Sku,
    name: String,
    price: Decimal,
    old_price: Decimal,
    min_price: Decimal,
    vat: Decimal,
    /// FBS stock per warehouse, as the seller set it.
    stocks: BTreeMap<WarehouseId, i64>,
    fbo_stock: i64,
    category: DescriptionCategoryId,
    type_id: TypeId,
    barcode: String,
    archived: bool,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone)]
struct Line {
    product_id: ProductId,
    sku: Sku,
    offer_id: String,
    name: String,
    /// With Ozon's six decimals (`480.000000`).
    price: Decimal,
    old_price: Decimal,
    quantity: i32,
}

#[derive(Debug, Clone)]
struct FbsRec {
    number: PostingNumber,
    order_id: i64,
    order_number: String,
    parent: String,
    status: PostingStatus,
    /// When the status last changed (what `filter.last_changed_status_date` filters on).
    status_changed_at: DateTime<Utc>,
    in_process_at: DateTime<Utc>,
    shipment_date: DateTime<Utc>,
    delivering_date: Option<DateTime<Utc>>,
    warehouse: usize,
    rfbs: bool,
    city: usize,
    lines: Vec<Line>,
    cancellation: Option<Cancellation>,
    /// The last `ship` was answered 200 but the assembly failed (`substatus = ship_failed`).
    ship_failed: bool,
}

impl FbsRec {
    fn substatus(&self) -> PostingSubstatus {
        if self.ship_failed {
            PostingSubstatus::ShipFailed
        } else {
            substatus(&self.status)
        }
    }
}

#[derive(Debug, Clone)]
struct FboRec {
    number: PostingNumber,
    order_id: i64,
    order_number: String,
    status: PostingStatus,
    created_at: DateTime<Utc>,
    warehouse: usize,
    city: usize,
    lines: Vec<Line>,
    cancel_reason_id: i64,
}

#[derive(Debug, Clone)]
struct ReturnRec {
    id: i64,
    fbo: bool,
    posting: PostingNumber,
    order_id: i64,
    order_number: String,
    line: Line,
    return_date: DateTime<Utc>,
    status: (i32, ReturnVisualStatus, &'static str),
    reason: &'static str,
}

#[derive(Debug)]
struct State {
    rng: Rng,
    warehouses: Vec<WarehouseRec>,
    products: Vec<ProductRec>,
    fbs: Vec<FbsRec>,
    fbo: Vec<FboRec>,
    returns: Vec<ReturnRec>,
    tasks: BTreeMap<i64, Vec<ImportInfoItem>>,
    next_order: u64,
    next_product: i64,
    next_sku: i64,
    next_task: i64,
    new_orders_per_poll: usize,
    /// Postings whose next `ship` Ozon answers 200 without assembling them.
    failing_ships: BTreeSet<PostingNumber>,
}

/// `v` with Ozon's six decimals in postings.
fn six(v: Decimal) -> Decimal {
    let mut v = v;
    v.rescale(6);
    v
}

fn percent_of(v: Decimal, percent: i64) -> Decimal {
    v.saturating_mul(Decimal::new(percent, 2)).round_dp(2)
}

impl State {
    fn generate(config: &SandboxConfig, now: DateTime<Utc>) -> Self {
        let mut rng = Rng::new(config.seed);
        let warehouses: Vec<WarehouseRec> = (0..config.warehouses)
            .map(|i| {
                let city = WAREHOUSE_CITIES
                    .get(i % WAREHOUSE_CITIES.len())
                    .copied()
                    .unwrap_or("Москва");
                let round = i / WAREHOUSE_CITIES.len();
                WarehouseRec {
                    id: WarehouseId(FIRST_WAREHOUSE_ID + i as i64),
                    name: if round == 0 {
                        format!("Склад {city}")
                    } else {
                        format!("Склад {city} {}", round + 1)
                    },
                    rfbs: i % 2 == 1,
                }
            })
            .collect();
        let mut st = State {
            next_order: 10_000_000 + rng.below(80_000_000),
            next_product: 100_000_000 + rng.below(800_000_000) as i64,
            next_sku: 1_000_000_000 + rng.below(1_000_000_000) as i64,
            next_task: 1_000_000 + rng.below(9_000_000) as i64,
            rng,
            warehouses,
            products: Vec::new(),
            fbs: Vec::new(),
            fbo: Vec::new(),
            returns: Vec::new(),
            tasks: BTreeMap::new(),
            new_orders_per_poll: config.new_orders_per_poll,
            failing_ships: BTreeSet::new(),
        };
        let created = now - TimeDelta::days(90);
        for i in 1..=config.products {
            let name = format!(
                "{}, цвет {}",
                st.rng.pick(PRODUCT_NAMES).copied().unwrap_or("Товар"),
                st.rng.pick(COLOURS).copied().unwrap_or("чёрный")
            );
            st.seed_product(format!("SKU-{i:04}"), name, created);
        }
        st.seed_product("BALL".into(), "Мяч баскетбольный, размер 7".into(), created);
        st.seed_product(
            "BASKET".into(),
            "Кольцо баскетбольное с сеткой".into(),
            created,
        );
        let history = HISTORY_DAYS * 86_400;
        for _ in 0..config.fbs_orders {
            let age = st.rng.below(history);
            let at = now - TimeDelta::seconds(age as i64);
            let status = st.seeded_status(age);
            st.add_fbs(at, Some(status));
        }
        for _ in 0..config.fbo_orders {
            let age = st.rng.below(history);
            let at = now - TimeDelta::seconds(age as i64);
            let status = st.seeded_status(age);
            st.add_fbo(at, status);
        }
        st.seed_returns(now);
        st
    }

    fn seed_product(&mut self, offer_id: String, name: String, created: DateTime<Utc>) {
        let rng = &mut self.rng;
        let price = Decimal::from(rng.range(20, 999) * 10 - 1);
        let stocks = self
            .warehouses
            .iter()
            .map(|w| (w.id, rng.range(0, 50) as i64))
            .collect();
        let (category, type_id) = rng
            .pick(CATEGORIES)
            .copied()
            .unwrap_or((17_028_922, 91_565));
        let product = ProductRec {
            product_id: ProductId(self.next_product),
            sku: Sku(self.next_sku),
            barcode: format!("46{:011}", rng.below(100_000_000_000)),
            offer_id,
            name,
            old_price: price.saturating_mul(Decimal::new(125, 2)).round(),
            min_price: price.saturating_mul(Decimal::new(80, 2)).round(),
            price,
            vat: Decimal::new(2, 1),
            stocks,
            fbo_stock: rng.range(0, 200) as i64,
            category: DescriptionCategoryId(category),
            type_id: TypeId(type_id),
            archived: false,
            created_at: created,
            updated_at: created,
        };
        self.next_product += 1 + self.rng.below(5) as i64;
        self.next_sku += 1 + self.rng.below(50) as i64;
        self.products.push(product);
    }

    /// A status for a posting processed `age` seconds ago: recent ones wait for packaging,
    /// older ones are on their way or delivered, some are cancelled.
    fn seeded_status(&mut self, age: u64) -> PostingStatus {
        let roll = self.rng.f64();
        let day = 86_400;
        if roll < 0.1 {
            PostingStatus::Cancelled
        } else if age < day {
            if roll < 0.75 {
                PostingStatus::AwaitingPackaging
            } else {
                PostingStatus::AwaitingDeliver
            }
        } else if age < 3 * day {
            if roll < 0.3 {
                PostingStatus::AwaitingDeliver
            } else if roll < 0.8 {
                PostingStatus::Delivering
            } else {
                PostingStatus::Delivered
            }
        } else if roll < 0.3 {
            PostingStatus::Delivering
        } else {
            PostingStatus::Delivered
        }
    }

    /// A new order number and id.
    fn next_order(&mut self) -> (String, i64) {
        self.next_order += 1 + self.rng.below(3);
        let number = format!("{:08}-{:04}", self.next_order, self.rng.below(10_000));
        let id = 30_000_000_000 + self.next_order as i64 * 10 + self.rng.below(10) as i64;
        (number, id)
    }

    /// One to three lines of distinct products.
    fn seeded_lines(&mut self) -> Vec<Line> {
        let roll = self.rng.f64();
        let count = if roll < 0.7 {
            1
        } else if roll < 0.9 {
            2
        } else {
            3
        };
        let mut chosen = BTreeSet::new();
        let mut lines = Vec::new();
        for _ in 0..count {
            let i = self.rng.index(self.products.len());
            if !chosen.insert(i) {
                continue;
            }
            let quantity = if self.rng.f64() < 0.8 {
                1
            } else {
                self.rng.range(2, 3) as i32
            };
            if let Some(p) = self.products.get(i) {
                lines.push(Line {
                    product_id: p.product_id,
                    sku: p.sku,
                    offer_id: p.offer_id.clone(),
                    name: p.name.clone(),
                    price: six(p.price),
                    old_price: six(p.old_price),
                    quantity,
                });
            }
        }
        lines
    }

    /// A seller's warehouse for a new posting: an rFBS one now and then.
    fn seeded_warehouse(&mut self) -> usize {
        let (rfbs, fbs): (Vec<usize>, Vec<usize>) = (0..self.warehouses.len())
            .partition(|&i| self.warehouses.get(i).is_some_and(|w| w.rfbs));
        let use_rfbs = !rfbs.is_empty() && (fbs.is_empty() || self.rng.f64() < 0.25);
        let pool = if use_rfbs { rfbs } else { fbs };
        self.rng.pick(&pool).copied().unwrap_or(0)
    }

    /// Adds an FBS posting processed at `at`; `None` means a fresh one awaiting packaging.
    fn add_fbs(&mut self, at: DateTime<Utc>, status: Option<PostingStatus>) -> PostingNumber {
        let (order_number, order_id) = self.next_order();
        let warehouse = self.seeded_warehouse();
        let rfbs = self.warehouses.get(warehouse).is_some_and(|w| w.rfbs);
        let city = self.rng.index(CITIES.len());
        let lines = self.seeded_lines();
        let status = status.unwrap_or(PostingStatus::AwaitingPackaging);
        let cancellation = (status == PostingStatus::Cancelled).then(|| {
            let by_buyer = self.rng.f64() < 0.4;
            let (id, text, kind, _) = if by_buyer {
                CANCEL_REASONS.get(4)
            } else {
                CANCEL_REASONS.first()
            }
            .copied()
            .unwrap_or((352, "", "seller", true));
            Cancellation {
                affect_cancellation_rating: !by_buyer,
                cancel_reason: text.into(),
                cancel_reason_id: id,
                cancellation_initiator: if by_buyer {
                    "Покупатель"
                } else {
                    "Продавец"
                }
                .into(),
                cancellation_type: if by_buyer { "client" } else { kind }.into(),
                cancelled_after_ship: false,
            }
        });
        let delivering_date =
            matches!(status, PostingStatus::Delivering | PostingStatus::Delivered)
                .then(|| at + TimeDelta::hours(20));
        let number = PostingNumber(format!("{order_number}-1"));
        self.fbs.push(FbsRec {
            number: number.clone(),
            order_id,
            order_number,
            parent: String::new(),
            status,
            status_changed_at: delivering_date.unwrap_or(at).min(Utc::now()).max(at),
            in_process_at: at,
            shipment_date: at + TimeDelta::days(1),
            delivering_date,
            warehouse,
            rfbs,
            city,
            lines,
            cancellation,
            ship_failed: false,
        });
        number
    }

    fn add_fbo(&mut self, at: DateTime<Utc>, status: PostingStatus) {
        let (order_number, order_id) = self.next_order();
        let warehouse = self.rng.index(FBO_WAREHOUSES.len());
        let city = self.rng.index(CITIES.len());
        let lines = self.seeded_lines();
        let cancel_reason_id = if status == PostingStatus::Cancelled {
            507
        } else {
            0
        };
        self.fbo.push(FboRec {
            number: PostingNumber(format!("{order_number}-1")),
            order_id,
            order_number,
            status,
            created_at: at,
            warehouse,
            city,
            lines,
            cancel_reason_id,
        });
    }

    /// A few returns of delivered postings.
    fn seed_returns(&mut self, now: DateTime<Utc>) {
        let mut candidates: Vec<(bool, usize)> = Vec::new();
        for (i, p) in self.fbs.iter().enumerate() {
            if p.status == PostingStatus::Delivered {
                candidates.push((false, i));
            }
        }
        for (i, p) in self.fbo.iter().enumerate() {
            if p.status == PostingStatus::Delivered {
                candidates.push((true, i));
            }
        }
        let count = (candidates.len() / 15).max(candidates.len().min(3));
        // A partial Fisher-Yates shuffle picks `count` of them.
        for k in 0..count {
            let j = k + self.rng.index(candidates.len() - k);
            candidates.swap(k, j);
        }
        candidates.truncate(count);
        let statuses: [(i32, ReturnVisualStatus, &str); 3] = [
            (
                3,
                ReturnVisualStatus::ArrivedAtReturnPlace,
                "В пункте выдачи",
            ),
            (
                7,
                ReturnVisualStatus::ReturnMoneyApproved,
                "Деньги возвращены",
            ),
            (8, ReturnVisualStatus::Approved, "Одобрен"),
        ];
        let reasons = [
            "Не подошёл размер",
            "Товар не соответствует описанию",
            "Брак",
            "Передумал",
        ];
        let mut id = 100_000_000 + self.rng.below(100_000_000) as i64;
        for (fbo, i) in candidates {
            let (posting, order_id, order_number, at, lines) = if fbo {
                let Some(p) = self.fbo.get(i) else { continue };
                (
                    p.number.clone(),
                    p.order_id,
                    p.order_number.clone(),
                    p.created_at,
                    p.lines.clone(),
                )
            } else {
                let Some(p) = self.fbs.get(i) else { continue };
                (
                    p.number.clone(),
                    p.order_id,
                    p.order_number.clone(),
                    p.in_process_at,
                    p.lines.clone(),
                )
            };
            let Some(line) = self.rng.pick(&lines).cloned() else {
                continue;
            };
            let after = TimeDelta::hours(self.rng.range(48, 120) as i64);
            let status = self.rng.pick(&statuses).cloned().unwrap_or((
                8,
                ReturnVisualStatus::Approved,
                "Одобрен",
            ));
            let reason = self.rng.pick(&reasons).copied().unwrap_or("Брак");
            id += 1 + self.rng.below(1000) as i64;
            self.returns.push(ReturnRec {
                id,
                fbo,
                posting,
                order_id,
                order_number,
                line: Line {
                    quantity: 1,
                    ..line
                },
                return_date: (at + after).min(now),
                status,
                reason,
            });
        }
    }

    fn product_by_offer(&self, offer_id: &str) -> Option<usize> {
        self.products.iter().position(|p| p.offer_id == offer_id)
    }

    /// The product an item names: by article when given (Ozon's rule), else by product id.
    fn product_index(
        &self,
        offer_id: Option<&str>,
        product_id: Option<ProductId>,
    ) -> Option<usize> {
        match offer_id.filter(|o| !o.trim().is_empty()) {
            Some(o) => self.product_by_offer(o),
            None => {
                let pid = product_id?;
                self.products.iter().position(|p| p.product_id == pid)
            }
        }
    }

    fn warehouse_index(&self, id: WarehouseId) -> Option<usize> {
        self.warehouses.iter().position(|w| w.id == id)
    }

    /// Units of `sku` held by FBS postings not yet handed over, per warehouse.
    fn reserved(&self, sku: Sku, warehouse: usize) -> i64 {
        self.fbs
            .iter()
            .filter(|p| {
                p.warehouse == warehouse
                    && matches!(
                        p.status,
                        PostingStatus::AwaitingPackaging | PostingStatus::AwaitingDeliver
                    )
            })
            .flat_map(|p| &p.lines)
            .filter(|l| l.sku == sku)
            .map(|l| i64::from(l.quantity))
            .sum()
    }

    fn fbs_index(&self, number: &PostingNumber) -> Option<usize> {
        self.fbs.iter().position(|p| &p.number == number)
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
        ResponseTemplate::new(self.status).set_body_raw(self.body.clone(), self.content_type)
    }
}

/// Ozon's error body (`rpcStatus`).
#[derive(Serialize)]
struct RpcStatus<'a> {
    code: i32,
    message: &'a str,
    details: [(); 0],
}

fn error(status: u16, code: i32, message: &str) -> Answer {
    let body = serde_json::to_vec(&RpcStatus {
        code,
        message,
        details: [],
    })
    .unwrap_or_default();
    Answer {
        status,
        body,
        content_type: "application/json",
    }
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
        Ok(body) => Ok(Answer {
            status: 200,
            body,
            content_type: "application/json",
        }),
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
// Rate limits.
// ---------------------------------------------------------------------------------------------

/// A token bucket per key: `capacity` requests at once, refilled at `per_second`.
///
/// Ozon documents "N requests per period"; the client's limiter (GCRA with a burst of N) may
/// send N at once and then one every period/N, which a fixed window of N would refuse within
/// the first window. A bucket of the same shape accepts exactly what that limiter lets
/// through, with [`RATE_TOLERANCE`] for the time a request spends between the client's permit
/// and the server.
#[derive(Debug)]
struct TokenBucket {
    capacity: f64,
    per_second: f64,
    slack: f64,
    keys: Mutex<HashMap<String, (Instant, f64)>>,
}

impl TokenBucket {
    fn new(count: u32, period: Duration) -> Self {
        let per_second = f64::from(count) / period.as_secs_f64();
        Self {
            capacity: f64::from(count),
            per_second,
            slack: per_second * RATE_TOLERANCE.as_secs_f64(),
            keys: Mutex::new(HashMap::new()),
        }
    }

    /// Counts a request of `key`; false when over the limit.
    fn admit(&self, key: &str) -> bool {
        let now = Instant::now();
        let mut keys = lock(&self.keys);
        let entry = keys.entry(key.to_owned()).or_insert((now, self.capacity));
        let refill = now.duration_since(entry.0).as_secs_f64() * self.per_second;
        entry.1 = (entry.1 + refill).min(self.capacity);
        entry.0 = now;
        if entry.1 >= 1.0 - self.slack {
            entry.1 -= 1.0;
            true
        } else {
            false
        }
    }
}

#[derive(Debug)]
struct Limits {
    account: TokenBucket,
    stocks: TokenBucket,
}

impl Limits {
    fn ozon() -> Self {
        Self {
            account: TokenBucket::new(50, Duration::from_secs(1)),
            stocks: TokenBucket::new(80, Duration::from_secs(60)),
        }
    }

    fn admit(&self, client_id: &str, path: &str) -> bool {
        self.account.admit(client_id)
            && (path != "/v2/products/stocks" || self.stocks.admit(client_id))
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

impl Respond for Emulator {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let trace = format!(
            "sandbox-{:016x}",
            self.traces.fetch_add(1, Ordering::Relaxed)
        );
        let method = request.method.as_str();
        let path = request.url.path();
        self.requests.record(method, path);
        let header = |name: &str| {
            request
                .headers
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::trim)
                .filter(|v| !v.is_empty())
        };
        let (Some(client_id), Some(api_key)) = (header("client-id"), header("api-key")) else {
            return error(401, 16, "Client-Id and Api-Key headers are required")
                .template()
                .insert_header("x-o3-trace-id", trace.as_str());
        };
        if client_id != SANDBOX_CLIENT_ID || api_key != SANDBOX_API_KEY {
            return error(403, 7, "Invalid Api-Key, please contact support")
                .template()
                .insert_header("x-o3-trace-id", trace.as_str());
        }
        let fault = self.faults.next(path);
        let refused = match fault {
            Some(Fault::RateLimited) => Some(rate_limited()),
            Some(Fault::ServerError) => Some(error(500, 13, "internal error")),
            _ => None,
        }
        .or_else(|| {
            self.limits
                .as_ref()
                .filter(|l| !l.admit(client_id, path))
                .map(|_| rate_limited())
        });
        if let Some(answer) = refused {
            return answer
                .template()
                .insert_header("x-o3-trace-id", trace.as_str());
        }
        let answer = if method == "POST" {
            let mut st = lock(&self.state);
            st.route(path, &request.body).unwrap_or_else(|e| e)
        } else {
            not_found("Not Found")
        };
        self.faults.answer(
            path,
            fault,
            answer
                .template()
                .insert_header("x-o3-trace-id", trace.as_str()),
            &answer.body,
            answer.content_type,
        )
    }
}

impl State {
    fn route(&mut self, path: &str, body: &[u8]) -> Handled {
        match path {
            "/v2/warehouse/list" => self.warehouse_list(body),
            "/v2/products/stocks" => self.stocks_update(body),
            "/v4/product/info/stocks" => self.stocks_info(body),
            "/v2/product/info/stocks-by-warehouse/fbs" => self.stocks_by_warehouse(body),
            "/v1/product/import/prices" => self.prices_update(body),
            "/v5/product/info/prices" => self.prices_info(body),
            "/v3/product/list" => self.product_list(body),
            "/v3/product/info/list" => self.product_info_list(body),
            "/v3/product/import" => self.product_import(body),
            "/v1/product/import/info" => self.product_import_info(body),
            "/v4/posting/fbs/list" => self.fbs_list(body),
            "/v3/posting/fbs/get" => self.fbs_get(body),
            "/v4/posting/fbs/ship" => self.fbs_ship(body),
            "/v2/posting/fbs/cancel" => self.fbs_cancel(body),
            "/v2/posting/fbs/cancel-reason/list" => self.cancel_reasons(),
            "/v2/fbs/posting/delivering" => self.fbs_delivering(body),
            "/v3/posting/fbo/list" => self.fbo_list(body),
            "/v2/posting/fbo/get" => self.fbo_get(body),
            "/v2/posting/fbs/package-label" => self.package_label(body),
            "/v1/returns/list" => self.returns_list(body),
            _ => Err(not_found("Not Found")),
        }
    }

    // ---- warehouses ---------------------------------------------------------------------

    fn warehouse_list(&self, body: &[u8]) -> Handled {
        let request: WarehouseListRequest = parse(body)?;
        check_limit(request.limit, WAREHOUSES_PAGE_MAX)?;
        if request.warehouse_ids.len() > 200 {
            return Err(invalid("warehouse_ids: at most 200 are allowed"));
        }
        let start = parse_cursor(&request.cursor)?;
        let matching: Vec<&WarehouseRec> = self
            .warehouses
            .iter()
            .filter(|w| request.warehouse_ids.is_empty() || request.warehouse_ids.contains(&w.id))
            .collect();
        let limit = usize::try_from(request.limit).unwrap_or(0);
        let warehouses: Vec<Warehouse> = matching
            .iter()
            .skip(start)
            .take(limit)
            .map(|w| Warehouse {
                first_mile: Some(FirstMile {
                    first_mile_type: Some(FirstMileType::PickUp),
                    ..FirstMile::default()
                }),
                is_rfbs: w.rfbs,
                min_postings_limit: 0,
                name: w.name.clone(),
                postings_limit: -1,
                status: Some(WarehouseStatus::Created),
                warehouse_id: w.id,
                working_days: vec![
                    Weekday::Monday,
                    Weekday::Tuesday,
                    Weekday::Wednesday,
                    Weekday::Thursday,
                    Weekday::Friday,
                ],
                ..Warehouse::default()
            })
            .collect();
        let (cursor, has_next) = next_cursor(start, warehouses.len(), matching.len());
        ok(&WarehouseListResponse {
            cursor,
            warehouses,
            has_next,
        })
    }

    // ---- stocks -------------------------------------------------------------------------

    fn stocks_update(&mut self, body: &[u8]) -> Handled {
        let request: ProductsStocksRequest = parse(body)?;
        check_batch("stocks", request.stocks.len(), STOCKS_UPDATE_MAX)?;
        let mut result = Vec::with_capacity(request.stocks.len());
        for item in request.stocks {
            let found = self.product_index(item.offer_id.as_deref(), item.product_id);
            let (offer_id, product_id) = match found.and_then(|i| self.products.get(i)) {
                Some(p) => (p.offer_id.clone(), p.product_id),
                None => (
                    item.offer_id.clone().unwrap_or_default(),
                    item.product_id.unwrap_or_default(),
                ),
            };
            let problem = if let Err(message) = validate_stock(&item) {
                Some(("INVALID_ARGUMENT", message))
            } else if found.is_none() {
                Some(("NOT_FOUND", "Product not found".to_owned()))
            } else if self.warehouse_index(item.warehouse_id).is_none() {
                Some((
                    "WAREHOUSE_NOT_FOUND",
                    format!("Warehouse {} not found", item.warehouse_id),
                ))
            } else {
                None
            };
            let errors = match problem {
                Some((code, message)) => vec![ProductsStocksResponseError {
                    code: code.into(),
                    message,
                }],
                None => {
                    if let Some(p) = found.and_then(|i| self.products.get_mut(i)) {
                        p.stocks.insert(item.warehouse_id, item.stock);
                        p.updated_at = Utc::now();
                    }
                    Vec::new()
                }
            };
            result.push(ProductsStocksResponseResult {
                updated: errors.is_empty(),
                errors,
                offer_id,
                product_id,
                warehouse_id: item.warehouse_id,
            });
        }
        ok(&ProductsStocksResponse { result })
    }

    fn stocks_info(&self, body: &[u8]) -> Handled {
        let request: GetProductInfoStocksRequest = parse(body)?;
        check_limit(i64::from(request.limit), i64::from(STOCKS_INFO_PAGE_MAX))?;
        let start = parse_cursor(&request.cursor)?;
        let f = &request.filter;
        let matching: Vec<&ProductRec> = self
            .products
            .iter()
            .filter(|p| f.offer_id.is_empty() || f.offer_id.contains(&p.offer_id))
            .filter(|p| f.product_id.is_empty() || f.product_id.contains(&p.product_id))
            .filter(|p| visible(p, f.visibility.as_ref().map(|v| v.as_str())))
            .collect();
        let limit = usize::try_from(request.limit).unwrap_or(0);
        let items: Vec<GetProductInfoStocksResponseItem> = matching
            .iter()
            .skip(start)
            .take(limit)
            .map(|p| {
                let fbs_present: i64 = p.stocks.values().sum();
                let reserved: i64 = (0..self.warehouses.len())
                    .map(|w| self.reserved(p.sku, w))
                    .sum();
                GetProductInfoStocksResponseItem {
                    offer_id: p.offer_id.clone(),
                    product_id: p.product_id,
                    stocks: vec![
                        GetProductInfoStocksResponseStock {
                            present: i32::try_from(fbs_present + reserved).unwrap_or(i32::MAX),
                            reserved: i32::try_from(reserved).unwrap_or(i32::MAX),
                            shipment_type: Some(StockShipmentType::General),
                            sku: p.sku,
                            kind: "fbs".into(),
                            warehouse_ids: self.warehouses.iter().map(|w| w.id).collect(),
                        },
                        GetProductInfoStocksResponseStock {
                            present: i32::try_from(p.fbo_stock).unwrap_or(i32::MAX),
                            reserved: 0,
                            shipment_type: Some(StockShipmentType::General),
                            sku: p.sku,
                            kind: "fbo".into(),
                            warehouse_ids: Vec::new(),
                        },
                    ],
                }
            })
            .collect();
        let (cursor, _) = next_cursor(start, items.len(), matching.len());
        ok(&GetProductInfoStocksResponse {
            cursor,
            total: i32::try_from(matching.len()).unwrap_or(i32::MAX),
            items,
        })
    }

    fn stocks_by_warehouse(&self, body: &[u8]) -> Handled {
        let request: GetProductInfoStocksByWarehouseFbsRequest = parse(body)?;
        match (request.sku.is_empty(), request.offer_id.is_empty()) {
            (true, true) => return Err(invalid("sku or offer_id is required")),
            (false, false) => return Err(invalid("give sku or offer_id, not both")),
            _ => {}
        }
        check_batch(
            "sku/offer_id",
            request.sku.len().max(request.offer_id.len()),
            STOCKS_BY_WAREHOUSE_MAX,
        )?;
        check_limit(request.limit, STOCKS_BY_WAREHOUSE_PAGE_MAX)?;
        let start = parse_cursor(&request.cursor)?;
        let mut rows = Vec::new();
        for p in &self.products {
            if !(request.sku.contains(&p.sku) || request.offer_id.contains(&p.offer_id)) {
                continue;
            }
            for (w, wh) in self.warehouses.iter().enumerate() {
                let reserved = self.reserved(p.sku, w);
                let stock = p.stocks.get(&wh.id).copied().unwrap_or(0);
                rows.push(GetProductInfoStocksByWarehouseFbsResponseResult {
                    free_stock: stock,
                    offer_id: p.offer_id.clone(),
                    sku: p.sku,
                    present: stock + reserved,
                    product_id: p.product_id,
                    reserved,
                    warehouse_id: wh.id,
                    warehouse_name: wh.name.clone(),
                });
            }
        }
        let limit = usize::try_from(request.limit).unwrap_or(0);
        let products: Vec<_> = rows.iter().skip(start).take(limit).cloned().collect();
        let (cursor, has_next) = next_cursor(start, products.len(), rows.len());
        ok(&GetProductInfoStocksByWarehouseFbsResponse {
            cursor,
            has_next,
            products,
        })
    }

    // ---- prices -------------------------------------------------------------------------

    fn prices_update(&mut self, body: &[u8]) -> Handled {
        let request: ImportPricesRequest = parse(body)?;
        check_batch("prices", request.prices.len(), PRICES_UPDATE_MAX)?;
        let mut result = Vec::with_capacity(request.prices.len());
        for item in request.prices {
            let found = self.product_index(item.offer_id.as_deref(), item.product_id);
            let (offer_id, product_id) = match found.and_then(|i| self.products.get(i)) {
                Some(p) => (p.offer_id.clone(), p.product_id),
                None => (
                    item.offer_id.clone().unwrap_or_default(),
                    item.product_id.unwrap_or_default(),
                ),
            };
            let currency = item.currency_code.as_deref().unwrap_or("RUB");
            let problem = if let Err(message) = validate_price(&item) {
                Some(("INVALID_PRICE", message))
            } else if found.is_none() {
                Some(("NOT_FOUND", "Product not found".to_owned()))
            } else if currency != "RUB" {
                Some((
                    "CURRENCY_MISMATCH",
                    format!("currency {currency} is not the account's currency RUB"),
                ))
            } else {
                None
            };
            let errors = match problem {
                Some((code, message)) => vec![ImportPricesError {
                    code: code.into(),
                    message,
                }],
                None => {
                    if let Some(p) = found.and_then(|i| self.products.get_mut(i)) {
                        p.price = item.price;
                        if let Some(old) = item.old_price {
                            p.old_price = old;
                        }
                        if let Some(min) = item.min_price {
                            p.min_price = min;
                        }
                        if let Some(vat) = item.vat {
                            p.vat = vat;
                        }
                        p.updated_at = Utc::now();
                    }
                    Vec::new()
                }
            };
            result.push(ImportPricesResult {
                updated: errors.is_empty(),
                errors,
                offer_id,
                product_id,
            });
        }
        ok(&ImportPricesResponse { result })
    }

    fn prices_info(&self, body: &[u8]) -> Handled {
        let request: GetProductInfoPricesRequest = parse(body)?;
        check_limit(i64::from(request.limit), i64::from(PRICES_INFO_PAGE_MAX))?;
        let start = parse_cursor(&request.cursor)?;
        let f = &request.filter;
        let matching: Vec<&ProductRec> = self
            .products
            .iter()
            .filter(|p| f.offer_id.is_empty() || f.offer_id.contains(&p.offer_id))
            .filter(|p| f.product_id.is_empty() || f.product_id.contains(&p.product_id))
            .filter(|p| visible(p, f.visibility.as_ref().map(|v| v.as_str())))
            .collect();
        let limit = usize::try_from(request.limit).unwrap_or(0);
        let items: Vec<ProductPriceInfo> = matching
            .iter()
            .skip(start)
            .take(limit)
            .map(|p| ProductPriceInfo {
                acquiring: percent_of(p.price, 1),
                commissions: PriceCommissions {
                    fbo_deliv_to_customer_amount: Decimal::new(2500, 2),
                    fbo_direct_flow_trans_max_amount: Decimal::new(4500, 2),
                    fbo_direct_flow_trans_min_amount: Decimal::new(2000, 2),
                    fbo_return_flow_amount: Decimal::new(5000, 2),
                    fbs_deliv_to_customer_amount: Decimal::new(2500, 2),
                    fbs_direct_flow_trans_max_amount: Decimal::new(5500, 2),
                    fbs_direct_flow_trans_min_amount: Decimal::new(3000, 2),
                    fbs_first_mile_max_amount: Decimal::new(2500, 2),
                    fbs_first_mile_min_amount: Decimal::ZERO,
                    fbs_return_flow_amount: Decimal::new(5000, 2),
                    sales_percent_fbo: Decimal::from(15),
                    sales_percent_fbp: Decimal::from(15),
                    sales_percent_fbs: Decimal::from(16),
                    sales_percent_rfbs: Decimal::from(16),
                },
                marketing_actions: Default::default(),
                offer_id: p.offer_id.clone(),
                price: ItemPrice {
                    auto_action_enabled: false,
                    auto_add_to_ozon_actions_list_enabled: false,
                    currency_code: "RUB".into(),
                    marketing_seller_price: p.price,
                    min_price: p.min_price,
                    net_price: Decimal::ZERO,
                    old_price: p.old_price,
                    price: p.price,
                    retail_price: Decimal::ZERO,
                    vat: p.vat,
                },
                price_indexes: Default::default(),
                product_id: p.product_id,
                volume_weight: 0.5,
            })
            .collect();
        let (cursor, _) = next_cursor(start, items.len(), matching.len());
        ok(&GetProductInfoPricesResponse {
            cursor,
            total: i32::try_from(matching.len()).unwrap_or(i32::MAX),
            items,
        })
    }

    // ---- products -----------------------------------------------------------------------

    fn product_list(&self, body: &[u8]) -> Handled {
        let request: ProductListRequest = parse(body)?;
        check_limit(request.limit, PRODUCT_LIST_PAGE_MAX)?;
        let f = &request.filter;
        if !f.offer_id.is_empty() && !f.product_id.is_empty() {
            return Err(invalid("filter: give offer_id or product_id, not both"));
        }
        let ids = f.offer_id.len().max(f.product_id.len());
        if ids > PRODUCT_LIST_FILTER_MAX {
            return Err(invalid(format!(
                "filter: {ids} ids, at most {PRODUCT_LIST_FILTER_MAX} are allowed"
            )));
        }
        let after = if request.last_id.is_empty() {
            None
        } else {
            Some(
                request
                    .last_id
                    .parse::<i64>()
                    .map_err(|_| invalid(format!("invalid last_id {:?}", request.last_id)))?,
            )
        };
        let mut matching: Vec<&ProductRec> = self
            .products
            .iter()
            .filter(|p| f.offer_id.is_empty() || f.offer_id.contains(&p.offer_id))
            .filter(|p| f.product_id.is_empty() || f.product_id.contains(&p.product_id))
            .filter(|p| visible(p, f.visibility.as_ref().map(|v| v.as_str())))
            .collect();
        matching.sort_by_key(|p| p.product_id);
        let limit = usize::try_from(request.limit).unwrap_or(0);
        let rest: Vec<&&ProductRec> = matching
            .iter()
            .filter(|p| after.is_none_or(|a| p.product_id.0 > a))
            .collect();
        let page: Vec<&&ProductRec> = rest.iter().take(limit).copied().collect();
        let more = rest.len() > page.len();
        let items = page
            .iter()
            .map(|p| ProductListItem {
                archived: p.archived,
                has_fbo_stocks: p.fbo_stock > 0,
                has_fbs_stocks: p.stocks.values().any(|s| *s > 0),
                is_discounted: false,
                offer_id: p.offer_id.clone(),
                product_id: p.product_id,
                quants: Vec::new(),
            })
            .collect();
        ok(&ProductListResponse {
            result: ProductListResult {
                items,
                last_id: match page.last() {
                    Some(p) if more => p.product_id.to_string(),
                    _ => String::new(),
                },
                total: i32::try_from(matching.len()).unwrap_or(i32::MAX),
            },
        })
    }

    fn product_info(&self, p: &ProductRec) -> ProductInfo {
        let image = format!("https://cdn1.ozone.ru/s3/multimedia-sandbox/{}.jpg", p.sku);
        let fbs: i64 = p.stocks.values().sum();
        let reserved: i64 = (0..self.warehouses.len())
            .map(|w| self.reserved(p.sku, w))
            .sum();
        let commission = |schema: &str, percent: i64| ProductCommission {
            delivery_amount: Decimal::new(2500, 2),
            percent: Decimal::from(percent),
            return_amount: Decimal::new(5000, 2),
            sale_schema: schema.into(),
            value: percent_of(p.price, percent),
        };
        ProductInfo {
            barcodes: vec![p.barcode.clone()],
            color_image: Vec::new(),
            commissions: vec![commission("FBO", 15), commission("FBS", 16)],
            created_at: p.created_at,
            currency_code: "RUB".into(),
            description_category_id: p.category,
            id: p.product_id,
            images: vec![image.clone()],
            is_archived: p.archived,
            is_prepayment_allowed: true,
            min_price: Some(p.min_price),
            model_info: ProductModelInfo {
                count: 1,
                model_id: p.product_id.0,
            },
            name: p.name.clone(),
            offer_id: p.offer_id.clone(),
            old_price: Some(p.old_price),
            price: Some(p.price),
            primary_image: vec![image],
            sku: p.sku,
            sources: vec![ProductSource {
                created_at: Some(p.created_at),
                quant_code: String::new(),
                shipment_type: Some(SourceShipmentType::General),
                sku: p.sku,
                source: "sds".into(),
            }],
            statuses: ProductStatuses {
                is_created: true,
                moderate_status: "approved".into(),
                status: "price_sent".into(),
                status_description: String::new(),
                status_failed: String::new(),
                status_name: "Продается".into(),
                status_tooltip: String::new(),
                status_updated_at: Some(p.updated_at),
                validation_status: "success".into(),
            },
            stocks: ProductStocks {
                has_stock: fbs > 0 || p.fbo_stock > 0,
                stocks: vec![
                    ProductStock {
                        present: i32::try_from(fbs + reserved).unwrap_or(i32::MAX),
                        reserved: i32::try_from(reserved).unwrap_or(i32::MAX),
                        sku: p.sku,
                        source: "fbs".into(),
                    },
                    ProductStock {
                        present: i32::try_from(p.fbo_stock).unwrap_or(i32::MAX),
                        reserved: 0,
                        sku: p.sku,
                        source: "fbo".into(),
                    },
                ],
            },
            type_id: p.type_id,
            updated_at: p.updated_at,
            vat: Some(p.vat),
            visibility_details: ProductVisibilityDetails {
                has_price: true,
                has_stock: fbs > 0,
            },
            volume_weight: 0.5,
            ..ProductInfo::default()
        }
    }

    fn product_info_list(&self, body: &[u8]) -> Handled {
        let request: ProductInfoListRequest = parse(body)?;
        if request.len() > PRODUCT_INFO_LIST_MAX {
            return Err(invalid(format!(
                "{} ids, at most {PRODUCT_INFO_LIST_MAX} are allowed in one request",
                request.len()
            )));
        }
        let items = self
            .products
            .iter()
            .filter(|p| {
                request.offer_id.contains(&p.offer_id)
                    || request.product_id.contains(&p.product_id)
                    || request.sku.contains(&p.sku)
            })
            .map(|p| self.product_info(p))
            .collect();
        ok(&ProductInfoListResponse { items })
    }

    fn product_import(&mut self, body: &[u8]) -> Handled {
        let request: ProductImportRequest = parse(body)?;
        check_batch("items", request.items.len(), PRODUCT_IMPORT_MAX)?;
        let now = Utc::now();
        let mut outcome = Vec::with_capacity(request.items.len());
        for item in request.items {
            if let Err(message) = validate_import_item(&item) {
                outcome.push(ImportInfoItem {
                    errors: vec![ImportItemError {
                        code: "INVALID_ARGUMENT".into(),
                        description: message.clone(),
                        level: "error".into(),
                        message,
                        state: "imported".into(),
                        ..ImportItemError::default()
                    }],
                    offer_id: item.offer_id,
                    product_id: ProductId(0),
                    status: "failed".into(),
                });
                continue;
            }
            let price = item.price.unwrap_or_default();
            let product_id = match self.product_by_offer(&item.offer_id) {
                Some(i) => {
                    let Some(p) = self.products.get_mut(i) else {
                        continue;
                    };
                    p.name = item.name.clone();
                    p.price = price;
                    if let Some(old) = item.old_price {
                        p.old_price = old;
                    }
                    if let Some(vat) = item.vat {
                        p.vat = vat;
                    }
                    if let Some(b) = &item.barcode {
                        p.barcode = b.clone();
                    }
                    p.category = item.description_category_id;
                    p.type_id = item.type_id;
                    p.archived = false;
                    p.updated_at = now;
                    p.product_id
                }
                None => {
                    let product_id = ProductId(self.next_product);
                    self.next_product += 1;
                    let sku = Sku(self.next_sku);
                    self.next_sku += 1;
                    self.products.push(ProductRec {
                        product_id,
                        offer_id: item.offer_id.clone(),
                        sku,
                        name: item.name.clone(),
                        price,
                        old_price: item.old_price.unwrap_or_default(),
                        min_price: Decimal::ZERO,
                        vat: item.vat.unwrap_or_default(),
                        stocks: BTreeMap::new(),
                        fbo_stock: 0,
                        category: item.description_category_id,
                        type_id: item.type_id,
                        barcode: item.barcode.clone().unwrap_or_default(),
                        archived: false,
                        created_at: now,
                        updated_at: now,
                    });
                    product_id
                }
            };
            outcome.push(ImportInfoItem {
                errors: Vec::new(),
                offer_id: item.offer_id,
                product_id,
                status: "imported".into(),
            });
        }
        let task_id = self.next_task;
        self.next_task += 1;
        self.tasks.insert(task_id, outcome);
        ok(&ProductImportResponse {
            result: ProductImportResult {
                task_id: ImportTaskId(task_id),
            },
        })
    }

    fn product_import_info(&self, body: &[u8]) -> Handled {
        let request: ImportInfoRequest = parse(body)?;
        let items = self
            .tasks
            .get(&request.task_id.0)
            .ok_or_else(|| not_found(format!("task {} not found", request.task_id)))?;
        ok(&ImportInfoResponse {
            result: ImportInfoResult {
                items: items.clone(),
                total: i32::try_from(items.len()).unwrap_or(i32::MAX),
            },
        })
    }

    // ---- FBS postings -------------------------------------------------------------------

    fn delivery_method(&self, p: &FbsRec) -> DeliveryMethod {
        let wh = self.warehouses.get(p.warehouse);
        let warehouse = wh.map(|w| w.name.clone()).unwrap_or_default();
        let (name, provider, provider_id) = if p.rfbs {
            (
                format!("Доставка силами продавца, {warehouse}"),
                "Собственная доставка",
                0,
            )
        } else {
            (
                format!("Ozon Логистика курьеру, {warehouse}"),
                "Ozon Логистика",
                24,
            )
        };
        DeliveryMethod {
            id: DeliveryMethodId(1_000 + p.warehouse as i64 * 10 + i64::from(p.rfbs)),
            name,
            tpl_provider: provider.into(),
            tpl_provider_id: provider_id,
            warehouse,
            warehouse_id: wh.map(|w| w.id).unwrap_or_default(),
        }
    }

    fn fbs_analytics(&self, p: &FbsRec) -> FbsPostingAnalyticsData {
        let (city, region) = CITIES.get(p.city).copied().unwrap_or(("Москва", "Москва"));
        let method = self.delivery_method(p);
        FbsPostingAnalyticsData {
            city: city.into(),
            client_delivery_date_begin: None,
            client_delivery_date_end: None,
            delivery_date_begin: Some(p.shipment_date + TimeDelta::days(1)),
            delivery_date_end: Some(p.shipment_date + TimeDelta::days(3)),
            delivery_type: if p.city.is_multiple_of(2) {
                "PVZ"
            } else {
                "Courier"
            }
            .into(),
            is_legal: false,
            is_premium: p.order_id % 5 == 0,
            payment_type_group_name: "Карты оплаты".into(),
            region: region.into(),
            tpl_provider: method.tpl_provider,
            tpl_provider_id: method.tpl_provider_id,
            warehouse: method.warehouse,
            warehouse_id: method.warehouse_id,
        }
    }

    fn fbs_posting(&self, p: &FbsRec, with: &crate::models::fbs::FbsPostingWith) -> FbsPosting {
        FbsPosting {
            analytics_data: with.analytics_data.then(|| self.fbs_analytics(p)),
            available_actions: available_actions(p),
            barcodes: with.barcodes.then(|| barcodes(p.order_id)),
            cancellation: p.cancellation.clone(),
            delivering_date: p.delivering_date,
            delivery_method: Some(self.delivery_method(p)),
            financial_data: with
                .financial_data
                .then(|| financial_v4(&p.lines, p.city))
                .into(),
            in_process_at: Some(p.in_process_at),
            legal_info: with.legal_info.then(LegalInfo::default),
            order_id: p.order_id,
            order_number: p.order_number.clone(),
            parent_posting_number: p.parent.clone(),
            posting_number: p.number.clone(),
            products: p
                .lines
                .iter()
                .map(|l| FbsListPostingProduct {
                    name: l.name.clone(),
                    offer_id: l.offer_id.clone(),
                    price: rub(l.price),
                    quantity: l.quantity,
                    sku: l.sku,
                    ..FbsListPostingProduct::default()
                })
                .collect(),
            prr_option: String::new(),
            shipment_date: Some(p.shipment_date),
            status: p.status.clone(),
            substatus: p.substatus(),
            tpl_integration_type: integration(p.rfbs),
            ..FbsPosting::default()
        }
    }

    fn fbs_list(&mut self, body: &[u8]) -> Handled {
        let request: FbsPostingListRequest = parse(body)?;
        let f = &request.filter;
        if f.since >= f.to {
            return Err(invalid("filter: since must be before to"));
        }
        if f.to - f.since > TimeDelta::days(FBS_LIST_WINDOW_MAX_DAYS) {
            return Err(invalid(
                "PERIOD_IS_TOO_LONG: the period is longer than a year",
            ));
        }
        check_limit(request.limit, FBS_LIST_PAGE_MAX)?;
        let offset = parse_cursor(&request.cursor)?;
        if offset == 0 {
            let now = Utc::now();
            for _ in 0..self.new_orders_per_poll {
                self.add_fbs(now, None);
            }
        }
        let mut matching: Vec<&FbsRec> = self
            .fbs
            .iter()
            .filter(|p| p.in_process_at >= f.since && p.in_process_at < f.to)
            .filter(|p| {
                // "The period in which the postings' status last changed": both ends inclusive,
                // either may be left open.
                f.last_changed_status_date.as_ref().is_none_or(|w| {
                    w.from.is_none_or(|from| p.status_changed_at >= from)
                        && w.to.is_none_or(|to| p.status_changed_at <= to)
                })
            })
            .filter(|p| f.statuses.is_empty() || f.statuses.contains(&p.status))
            .filter(|p| f.order_id.is_none_or(|o| o == p.order_id))
            .filter(|p| f.order_numbers.is_empty() || f.order_numbers.contains(&p.order_number))
            .filter(|p| {
                f.warehouse_ids.is_empty()
                    || self
                        .warehouses
                        .get(p.warehouse)
                        .is_some_and(|w| f.warehouse_ids.contains(&w.id))
            })
            .collect();
        matching.sort_by(|a, b| (a.in_process_at, &a.number).cmp(&(b.in_process_at, &b.number)));
        if request.sort_dir == Some(SortDirection::Desc) {
            matching.reverse();
        }
        let limit = usize::try_from(request.limit).unwrap_or(0);
        let postings: Vec<FbsPosting> = matching
            .iter()
            .skip(offset)
            .take(limit)
            .map(|p| self.fbs_posting(p, &request.with))
            .collect();
        let (cursor, has_next) = next_cursor(offset, postings.len(), matching.len());
        ok(&FbsPostingListResponse {
            cursor,
            has_next,
            postings,
        })
    }

    fn fbs_get(&self, body: &[u8]) -> Handled {
        let request: FbsPostingGetRequest = parse(body)?;
        let p = self
            .fbs_index(&request.posting_number)
            .and_then(|i| self.fbs.get(i))
            .ok_or_else(|| posting_not_found(&request.posting_number))?;
        let with = request.with;
        let related: Vec<PostingNumber> = self
            .fbs
            .iter()
            .filter(|o| o.order_number == p.order_number && o.number != p.number)
            .map(|o| o.number.clone())
            .collect();
        let result = FbsPostingDetail {
            analytics_data: with.analytics_data.then(|| self.fbs_analytics(p)),
            available_actions: available_actions(p),
            barcodes: with.barcodes.then(|| barcodes(p.order_id)),
            cancellation: p.cancellation.clone(),
            delivering_date: p.delivering_date,
            delivery_method: Some(self.delivery_method(p)),
            financial_data: with
                .financial_data
                .then(|| financial(&p.lines, p.city))
                .into(),
            in_process_at: Some(p.in_process_at),
            legal_info: with.legal_info.then(LegalInfo::default),
            order_id: p.order_id,
            order_number: p.order_number.clone(),
            parent_posting_number: p.parent.clone(),
            posting_number: p.number.clone(),
            product_exemplars: with.product_exemplars.then(|| ProductExemplars {
                products: p
                    .lines
                    .iter()
                    .map(|l| ExemplarProduct {
                        exemplars: Vec::new(),
                        sku: l.sku,
                    })
                    .collect(),
            }),
            products: p
                .lines
                .iter()
                .map(|l| PostingProductDetail {
                    currency_code: "RUB".into(),
                    dimensions: Some(Dimensions {
                        height: "100.00".into(),
                        length: "200.00".into(),
                        weight: "500".into(),
                        width: "150.00".into(),
                    }),
                    name: l.name.clone(),
                    offer_id: l.offer_id.clone(),
                    price: l.price,
                    quantity: l.quantity,
                    sku: l.sku,
                    ..PostingProductDetail::default()
                })
                .collect(),
            related_postings: with.related_postings.then_some(RelatedPostings {
                related_posting_numbers: related,
            }),
            shipment_date: Some(p.shipment_date),
            status: p.status.clone(),
            substatus: p.substatus(),
            tpl_integration_type: integration(p.rfbs),
            ..FbsPostingDetail::default()
        };
        ok(&FbsPostingGetResponse { result })
    }

    fn fbs_ship(&mut self, body: &[u8]) -> Handled {
        let request: ShipRequest = parse(body)?;
        let index = self
            .fbs_index(&request.posting_number)
            .ok_or_else(|| posting_not_found(&request.posting_number))?;
        let Some(original) = self.fbs.get(index).cloned() else {
            return Err(posting_not_found(&request.posting_number));
        };
        if original.status != PostingStatus::AwaitingPackaging {
            let code = match original.status {
                PostingStatus::Cancelled => "POSTING_ALREADY_CANCELLED",
                PostingStatus::AwaitingDeliver
                | PostingStatus::Delivering
                | PostingStatus::Delivered => "POSTING_ALREADY_SHIPPED",
                _ => "INVALID_POSTING_STATUS",
            };
            return Err(invalid(format!(
                "{code}: posting {} is {}; only postings awaiting packaging can be shipped",
                original.number, original.status
            )));
        }
        if request.packages.is_empty() {
            return Err(invalid("packages is required"));
        }
        // What the packages carry, per SKU, against what the posting holds.
        let mut ordered: BTreeMap<Sku, i64> = BTreeMap::new();
        for l in &original.lines {
            *ordered.entry(l.sku).or_default() += i64::from(l.quantity);
        }
        let mut packed: BTreeMap<Sku, i64> = BTreeMap::new();
        for (i, package) in request.packages.iter().enumerate() {
            if package.products.is_empty() {
                return Err(invalid(format!("packages[{i}]: products is required")));
            }
            for item in &package.products {
                if item.quantity <= 0 {
                    return Err(invalid(format!(
                        "packages[{i}]: quantity {} of product {} is not positive",
                        item.quantity, item.product_id
                    )));
                }
                if !ordered.contains_key(&item.product_id) {
                    return Err(invalid(format!(
                        "PRODUCT_NOT_IN_POSTING: product {} is not in posting {}",
                        item.product_id, original.number
                    )));
                }
                *packed.entry(item.product_id).or_default() += i64::from(item.quantity);
            }
        }
        if packed != ordered {
            let detail: Vec<String> = ordered
                .iter()
                .map(|(sku, n)| {
                    format!(
                        "product {sku}: ordered {n}, packed {}",
                        packed.get(sku).copied().unwrap_or(0)
                    )
                })
                .collect();
            return Err(invalid(format!(
                "QUANTITY_MISMATCH: the packages must hold exactly the posting's products ({})",
                detail.join(", ")
            )));
        }
        if self.failing_ships.remove(&original.number) {
            if let Some(slot) = self.fbs.get_mut(index) {
                slot.ship_failed = true;
            }
            return ok(&ShipResponse {
                additional_data: Vec::new(),
                result: vec![original.number.clone()],
            });
        }
        // The first package stays the posting; each further one becomes a posting of the
        // same order.
        let mut next_suffix = self
            .fbs
            .iter()
            .filter(|p| p.order_number == original.order_number)
            .filter_map(|p| p.number.as_str().rsplit('-').next()?.parse::<u32>().ok())
            .max()
            .unwrap_or(1);
        let mut numbers = Vec::with_capacity(request.packages.len());
        let mut shipped = Vec::with_capacity(request.packages.len());
        for (i, package) in request.packages.iter().enumerate() {
            let mut per_sku: BTreeMap<Sku, i32> = BTreeMap::new();
            for item in &package.products {
                let sum = per_sku.entry(item.product_id).or_default();
                *sum = sum.saturating_add(item.quantity);
            }
            let lines: Vec<Line> = per_sku
                .iter()
                .filter_map(|(sku, quantity)| {
                    let l = original.lines.iter().find(|l| l.sku == *sku)?;
                    Some(Line {
                        quantity: *quantity,
                        ..l.clone()
                    })
                })
                .collect();
            let mut posting = FbsRec {
                status: PostingStatus::AwaitingDeliver,
                status_changed_at: Utc::now(),
                ship_failed: false,
                lines,
                ..original.clone()
            };
            if i > 0 {
                next_suffix += 1;
                posting.number = PostingNumber(format!("{}-{next_suffix}", original.order_number));
                posting.parent = original.number.to_string();
            }
            numbers.push(posting.number.clone());
            shipped.push(posting);
        }
        let mut shipped = shipped.into_iter();
        if let (Some(first), Some(slot)) = (shipped.next(), self.fbs.get_mut(index)) {
            *slot = first;
        }
        let added: Vec<FbsRec> = shipped.collect();
        let additional = request.with.is_some_and(|w| w.additional_data);
        let mut additional_data = Vec::new();
        if additional {
            for number in &numbers {
                let lines = self
                    .fbs
                    .iter()
                    .chain(&added)
                    .find(|p| &p.number == number)
                    .map(|p| p.lines.clone())
                    .unwrap_or_default();
                additional_data.push(ShipAdditionalData {
                    posting_number: number.clone(),
                    products: lines
                        .iter()
                        .map(|l| ShippedProduct {
                            currency_code: "RUB".into(),
                            mandatory_mark: Vec::new(),
                            name: l.name.clone(),
                            offer_id: l.offer_id.clone(),
                            price: l.price,
                            quantity: l.quantity,
                            sku: l.sku,
                        })
                        .collect(),
                });
            }
        }
        self.fbs.extend(added);
        ok(&ShipResponse {
            additional_data,
            result: numbers,
        })
    }

    fn fbs_cancel(&mut self, body: &[u8]) -> Handled {
        let request: CancelRequest = parse(body)?;
        let reason = CANCEL_REASONS
            .iter()
            .find(|r| r.0 == request.cancel_reason_id)
            .filter(|r| r.3)
            .ok_or_else(|| {
                invalid(format!(
                    "cancel_reason_id {} is not a reason the seller may cancel for",
                    request.cancel_reason_id
                ))
            })?;
        if request.cancel_reason_id == CANCEL_REASON_OTHER
            && request.cancel_reason_message.trim().is_empty()
        {
            return Err(invalid(format!(
                "cancel_reason_message is required for cancel_reason_id {CANCEL_REASON_OTHER}"
            )));
        }
        let p = self
            .fbs_index(&request.posting_number)
            .and_then(|i| self.fbs.get_mut(i))
            .ok_or_else(|| posting_not_found(&request.posting_number))?;
        match p.status {
            PostingStatus::AwaitingPackaging | PostingStatus::AwaitingDeliver => {}
            PostingStatus::Cancelled => {
                return Err(invalid(format!(
                    "POSTING_ALREADY_CANCELLED: posting {} is already cancelled",
                    p.number
                )));
            }
            PostingStatus::Delivered => {
                return Err(invalid(format!(
                    "POSTING_ALREADY_DELIVERED: posting {} is delivered and can not be cancelled",
                    p.number
                )));
            }
            _ => {
                return Err(invalid(format!(
                    "INVALID_POSTING_STATUS: posting {} is {} and can not be cancelled",
                    p.number, p.status
                )));
            }
        }
        let shipped = p.status == PostingStatus::AwaitingDeliver;
        p.status = PostingStatus::Cancelled;
        p.status_changed_at = Utc::now();
        p.cancellation = Some(Cancellation {
            affect_cancellation_rating: true,
            cancel_reason: if request.cancel_reason_message.trim().is_empty() {
                reason.1.to_owned()
            } else {
                request.cancel_reason_message.clone()
            },
            cancel_reason_id: reason.0,
            cancellation_initiator: "Продавец".into(),
            cancellation_type: "seller".into(),
            cancelled_after_ship: shipped,
        });
        ok(&BooleanResponse { result: true })
    }

    fn cancel_reasons(&self) -> Handled {
        let result = CANCEL_REASONS
            .iter()
            .map(|(id, title, kind, available)| CancelReason {
                id: *id,
                is_available_for_cancellation: *available,
                title: (*title).into(),
                type_id: (*kind).into(),
            })
            .collect();
        ok(&CancelReasonListResponse { result })
    }

    fn fbs_delivering(&mut self, body: &[u8]) -> Handled {
        let request: PostingNumbersRequest = parse(body)?;
        if request.posting_number.is_empty() {
            return Err(invalid("posting_number is required"));
        }
        let now = Utc::now();
        let mut result = Vec::with_capacity(request.posting_number.len());
        for number in request.posting_number {
            let index = self.fbs_index(&number);
            let error = match index.and_then(|i| self.fbs.get_mut(i)) {
                None => "POSTING_NOT_FOUND".to_owned(),
                Some(p) if !p.rfbs => {
                    "INCORRECT_POSTING_TYPE: only postings delivered by the seller (rFBS) move \
                     to delivering by this method"
                        .to_owned()
                }
                Some(p) if p.status != PostingStatus::AwaitingDeliver => {
                    format!(
                        "INVALID_POSTING_STATUS: posting is {}, not awaiting_deliver",
                        p.status
                    )
                }
                Some(p) => {
                    p.status = PostingStatus::Delivering;
                    p.delivering_date = Some(now);
                    p.status_changed_at = now;
                    String::new()
                }
            };
            result.push(MoveStatus {
                result: error.is_empty(),
                error,
                posting_number: number,
            });
        }
        ok(&MoveStatusResponse { result })
    }

    // ---- FBO postings -------------------------------------------------------------------

    fn fbo_list_posting(&self, p: &FboRec, with: &FboPostingWith) -> FboListPosting {
        let full = self.fbo_posting(p, with);
        FboListPosting {
            additional_data: full.additional_data,
            analytics_data: full.analytics_data,
            cancel_reason_id: full.cancel_reason_id,
            created_at: full.created_at,
            financial_data: with
                .financial_data
                .then(|| financial_v4(&p.lines, p.city))
                .into(),
            in_process_at: full.in_process_at,
            legal_info: full.legal_info,
            order_id: full.order_id,
            order_number: full.order_number,
            posting_number: full.posting_number,
            products: p
                .lines
                .iter()
                .map(|l| FboListPostingProduct {
                    digital_codes: Vec::new(),
                    is_marketplace_buyout: false,
                    name: l.name.clone(),
                    offer_id: l.offer_id.clone(),
                    price: rub(l.price.round_dp(2)),
                    quantity: i64::from(l.quantity),
                    sku: l.sku,
                })
                .collect(),
            status: full.status,
            substatus: full.substatus,
            ..FboListPosting::default()
        }
    }

    fn fbo_posting(&self, p: &FboRec, with: &FboPostingWith) -> FboPosting {
        let (id, warehouse) = FBO_WAREHOUSES.get(p.warehouse).copied().unwrap_or((0, ""));
        FboPosting {
            additional_data: Vec::new(),
            analytics_data: with.analytics_data.then(|| FboPostingAnalyticsData {
                city: CITIES.get(p.city).map(|c| c.0).unwrap_or("Москва").into(),
                client_delivery_date_begin: None,
                client_delivery_date_end: None,
                delivery_type: "PVZ".into(),
                is_legal: false,
                is_premium: p.order_id % 5 == 0,
                payment_type_group_name: "Карты оплаты".into(),
                warehouse_id: WarehouseId(id),
                warehouse_name: warehouse.into(),
            }),
            cancel_reason_id: p.cancel_reason_id,
            created_at: p.created_at,
            fact_delivery_date: None,
            financial_data: with
                .financial_data
                .then(|| financial(&p.lines, p.city))
                .into(),
            in_process_at: Some(p.created_at + TimeDelta::minutes(5)),
            legal_info: with.legal_info.then(LegalInfo::default),
            order_id: p.order_id,
            order_number: p.order_number.clone(),
            posting_number: p.number.clone(),
            products: p
                .lines
                .iter()
                .map(|l| FboPostingProduct {
                    currency_code: "RUB".into(),
                    digital_codes: Vec::new(),
                    is_marketplace_buyout: false,
                    name: l.name.clone(),
                    offer_id: l.offer_id.clone(),
                    price: l.price.round_dp(2),
                    quantity: i64::from(l.quantity),
                    sku: l.sku,
                })
                .collect(),
            status: p.status.clone(),
            substatus: substatus(&p.status).as_str().to_owned(),
        }
    }

    fn fbo_list(&self, body: &[u8]) -> Handled {
        let request: FboPostingListRequest = parse(body)?;
        let f = &request.filter;
        if f.since >= f.to {
            return Err(invalid("filter: since must be before to"));
        }
        if f.to - f.since > TimeDelta::days(FBS_LIST_WINDOW_MAX_DAYS) {
            return Err(invalid(
                "PERIOD_IS_TOO_LONG: the period is longer than a year",
            ));
        }
        check_limit(request.limit, FBO_LIST_PAGE_MAX)?;
        let offset = parse_cursor(&request.cursor)?;
        let mut matching: Vec<&FboRec> = self
            .fbo
            .iter()
            .filter(|p| p.created_at >= f.since && p.created_at < f.to)
            .filter(|p| f.statuses.is_empty() || f.statuses.contains(&p.status))
            .filter(|p| f.posting_numbers.is_empty() || f.posting_numbers.contains(&p.number))
            .collect();
        matching.sort_by(|a, b| (a.created_at, &a.number).cmp(&(b.created_at, &b.number)));
        if request.sort_dir == Some(SortDirection::Desc) {
            matching.reverse();
        }
        let limit = usize::try_from(request.limit).unwrap_or(0);
        let postings: Vec<FboListPosting> = matching
            .iter()
            .skip(offset)
            .take(limit)
            .map(|p| self.fbo_list_posting(p, &request.with))
            .collect();
        let (cursor, has_next) = next_cursor(offset, postings.len(), matching.len());
        ok(&FboPostingListResponse {
            cursor,
            has_next,
            postings,
        })
    }

    fn fbo_get(&self, body: &[u8]) -> Handled {
        let request: FboPostingGetRequest = parse(body)?;
        let p = self
            .fbo
            .iter()
            .find(|p| p.number == request.posting_number)
            .ok_or_else(|| posting_not_found(&request.posting_number))?;
        ok(&FboPostingResponse {
            result: self.fbo_posting(p, &request.with),
        })
    }

    // ---- labels and returns -------------------------------------------------------------

    fn package_label(&self, body: &[u8]) -> Handled {
        let request: PackageLabelRequest = parse(body)?;
        check_batch(
            "posting_number",
            request.posting_number.len(),
            PACKAGE_LABEL_MAX,
        )?;
        let mut not_ready = Vec::new();
        for number in &request.posting_number {
            let p = self
                .fbs_index(number)
                .and_then(|i| self.fbs.get(i))
                .ok_or_else(|| posting_not_found(number))?;
            if !matches!(
                p.status,
                PostingStatus::AwaitingDeliver
                    | PostingStatus::Delivering
                    | PostingStatus::Delivered
            ) {
                not_ready.push(number.to_string());
            }
        }
        if !not_ready.is_empty() {
            return Err(invalid(format!(
                "The next postings aren't ready: {}",
                not_ready.join(", ")
            )));
        }
        let numbers: Vec<&str> = request.posting_number.iter().map(|p| p.as_str()).collect();
        Ok(Answer {
            status: 200,
            body: tiny_pdf(&format!("Ozon label {}", numbers.join(" "))),
            content_type: "application/pdf",
        })
    }

    fn returns_list(&self, body: &[u8]) -> Handled {
        let request: ReturnsListRequest = parse(body)?;
        check_limit(i64::from(request.limit), i64::from(RETURNS_PAGE_MAX))?;
        if request.last_id < 0 {
            return Err(invalid("last_id must not be negative"));
        }
        let filter = request.filter.unwrap_or_default();
        if filter.posting_numbers.len() > RETURNS_POSTINGS_MAX {
            return Err(invalid(format!(
                "filter.posting_numbers: at most {RETURNS_POSTINGS_MAX} are allowed"
            )));
        }
        let in_range = |range: &Option<crate::models::returns::TimeRange>, t: DateTime<Utc>| {
            range.as_ref().is_none_or(|r| {
                r.time_from.is_none_or(|from| t >= from) && r.time_to.is_none_or(|to| t <= to)
            })
        };
        let matching: Vec<&ReturnRec> = self
            .returns
            .iter()
            .filter(|r| r.id > request.last_id)
            .filter(|r| {
                filter.posting_numbers.is_empty() || filter.posting_numbers.contains(&r.posting)
            })
            .filter(|r| {
                filter
                    .offer_id
                    .as_ref()
                    .is_none_or(|o| *o == r.line.offer_id)
            })
            .filter(|r| {
                filter
                    .return_schema
                    .as_ref()
                    .is_none_or(|s| match s.as_str() {
                        "FBO" => r.fbo,
                        "FBS" => !r.fbo,
                        _ => false,
                    })
            })
            .filter(|r| {
                filter
                    .visual_status_name
                    .as_ref()
                    .is_none_or(|s| *s == r.status.1)
            })
            .filter(|r| in_range(&filter.logistic_return_date, r.return_date))
            .collect();
        let limit = usize::try_from(request.limit).unwrap_or(0);
        let returns = matching
            .iter()
            .take(limit)
            .map(|r| return_item(r))
            .collect();
        ok(&ReturnsListResponse {
            has_next: matching.len() > limit,
            returns,
        })
    }
}

fn posting_not_found(number: &PostingNumber) -> Answer {
    not_found(format!("POSTING_NOT_FOUND: posting {number} not found"))
}

fn available_actions(p: &FbsRec) -> Vec<String> {
    let actions: &[&str] = match (&p.status, p.rfbs) {
        (PostingStatus::AwaitingPackaging, _) => &["cancel", "ship", "product_cancel"],
        (PostingStatus::AwaitingDeliver, true) => &[
            "cancel",
            "label_download",
            "non_int_delivering",
            "set_track_number",
        ],
        (PostingStatus::AwaitingDeliver, false) => &["cancel", "label_download"],
        (PostingStatus::Delivering, true) => &["non_int_delivered", "non_int_last_mile"],
        (PostingStatus::Delivering, false) => &["click_track_number"],
        _ => &[],
    };
    actions.iter().map(|a| (*a).to_owned()).collect()
}

fn substatus(status: &PostingStatus) -> PostingSubstatus {
    match status {
        PostingStatus::AwaitingPackaging => PostingSubstatus::Created,
        PostingStatus::AwaitingDeliver => PostingSubstatus::TransferringToDelivery,
        PostingStatus::Delivering => PostingSubstatus::InCourierService,
        PostingStatus::Delivered => PostingSubstatus::Delivered,
        PostingStatus::Cancelled => PostingSubstatus::Canceled,
        _ => PostingSubstatus::default(),
    }
}

fn integration(rfbs: bool) -> TplIntegrationType {
    if rfbs {
        TplIntegrationType::NonIntegrated
    } else {
        TplIntegrationType::Ozon
    }
}

/// An amount in roubles as the v4 lists send it.
fn rub(amount: Decimal) -> PostingMoney {
    PostingMoney {
        amount,
        currency: "RUB".into(),
    }
}

/// The financial block of the v4 FBS list and the v3 FBO list.
fn financial_v4(lines: &[Line], city: usize) -> FbsListFinancialData {
    let old = financial(lines, city);
    FbsListFinancialData {
        cluster_from: old.cluster_from,
        cluster_to: old.cluster_to,
        products: old
            .products
            .into_iter()
            .zip(lines)
            .map(|(f, l)| FbsListFinancialProduct {
                actions: f.actions,
                commission: Some(FbsListCommission {
                    amount: f.commission_amount,
                    currency: f.commissions_currency_code,
                    percent: f.commission_percent,
                }),
                customer_price: Some(rub(l.price)),
                old_price: f.old_price,
                payout: f.payout,
                price: f.price,
                product_id: l.sku,
                quantity: f.quantity,
                total_discount_percent: f.total_discount_percent,
                total_discount_value: f.total_discount_value,
            })
            .collect(),
    }
}

fn barcodes(order_id: i64) -> crate::models::fbs::Barcodes {
    crate::models::fbs::Barcodes {
        lower_barcode: format!("{:016}", order_id % 10_000_000_000_000_000),
        upper_barcode: format!("%101%{order_id}"),
    }
}

fn financial(lines: &[Line], city: usize) -> PostingFinancialData {
    PostingFinancialData {
        cluster_from: "Москва, Московская и Тверская области".into(),
        cluster_to: CITIES.get(city).map(|c| c.1).unwrap_or("Москва").into(),
        products: lines
            .iter()
            .map(|l| {
                let total = l.price.saturating_mul(Decimal::from(l.quantity));
                let commission = percent_of(total, 15);
                let discount = l.old_price.saturating_sub(l.price).max(Decimal::ZERO);
                PostingFinancialDataProduct {
                    actions: Vec::new(),
                    commission_amount: commission,
                    commission_percent: 15,
                    commissions_currency_code: "RUB".into(),
                    currency_code: "RUB".into(),
                    customer_currency_code: "RUB".into(),
                    customer_price: Some(l.price),
                    old_price: l.old_price,
                    payout: total.saturating_sub(commission),
                    price: l.price,
                    product_id: l.product_id,
                    quantity: i64::from(l.quantity),
                    total_discount_percent: if l.old_price.is_zero() {
                        Decimal::ZERO
                    } else {
                        discount
                            .checked_div(l.old_price)
                            .unwrap_or_default()
                            .saturating_mul(Decimal::ONE_HUNDRED)
                            .round_dp(2)
                    },
                    total_discount_value: discount,
                }
            })
            .collect(),
    }
}

fn return_item(r: &ReturnRec) -> ReturnItem {
    let money = |price: Decimal| {
        Some(ReturnMoney {
            currency_code: "RUB".into(),
            price,
        })
    };
    let price = r.line.price.round_dp(2);
    let commission = percent_of(price, 15);
    let place = ReturnPlace {
        address: "Москва, ул. Тверская, 1".into(),
        id: WarehouseId(FIRST_WAREHOUSE_ID),
        name: "Пункт выдачи Тверская".into(),
    };
    ReturnItem {
        clearing_id: r.order_id / 10,
        company_id: 1_234_567,
        exemplars: vec![crate::models::returns::ReturnExemplar { id: r.id * 10 + 1 }],
        id: r.id,
        logistic: Some(ReturnLogistic {
            barcode: format!("ii{:010}", r.id),
            return_date: Some(r.return_date),
            ..ReturnLogistic::default()
        }),
        order_id: r.order_id,
        order_number: r.order_number.clone(),
        place: Some(place.clone()),
        posting_number: r.posting.clone(),
        product: Some(ReturnProduct {
            commission: money(commission),
            commission_percent: Some(Decimal::from(15)),
            name: r.line.name.clone(),
            offer_id: r.line.offer_id.clone(),
            price: money(price),
            price_without_commission: money(price.saturating_sub(commission)),
            quantity: r.line.quantity,
            sku: r.line.sku,
        }),
        return_reason_name: r.reason.into(),
        schema: if r.fbo { "Fbo" } else { "Fbs" }.into(),
        source_id: r.id,
        target_place: Some(place),
        kind: Some(ReturnType::ClientReturn),
        visual: Some(ReturnVisual {
            change_moment: Some(r.return_date),
            status: Some(ReturnVisualStatusInfo {
                display_name: r.status.2.into(),
                id: r.status.0,
                sys_name: Some(r.status.1.clone()),
            }),
        }),
        ..ReturnItem::default()
    }
}
