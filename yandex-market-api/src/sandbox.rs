//! A stateful local emulator of the Yandex Market Partner API (feature `sandbox`).
//!
//! [`Sandbox`] starts a local HTTP server (wiremock) keeping a fake business with one FBS
//! campaign (shop) and its warehouse: a catalogue of offers with categories, business prices
//! and the campaign's stocks, FBS orders of the last week in mixed statuses (and a few test
//! orders), and a few returns of delivered orders, all derived from a seed. It serves Yandex
//! Market's real paths with answers built from the crate's own models, so a
//! [`Client`] aimed at it (or anything built on it, such as the `Marketplace`
//! implementation of [`CampaignClient`]) runs unchanged:
//!
//! - it checks the `Api-Key` header (401 with Yandex Market's
//!   `{"status": "ERROR", "errors": [{"code", "message"}]}` body) and the business and campaign
//!   ids of the path (404, or 403 where the spec lists no 404);
//! - it enforces the spec's per-request maxima, page sizes (a page size above the maximum is
//!   truncated where the spec says so, refused elsewhere), required bodies and value checks,
//!   answering 400 with Yandex Market's error body;
//! - it keeps state: stocks and prices pushed are read back, offers sent are created or
//!   updated (nothing is saved of a request in which an offer has errors, as Yandex Market
//!   does), status changes move orders (`PROCESSING/AWAIT_CONFIRMATION` -> `PROCESSING/STARTED`,
//!   `PROCESSING/STARTED` -> `PROCESSING/READY_TO_SHIP`,
//!   `PROCESSING/*` -> `CANCELLED/SHOP_FAILED`; anything else is Yandex Market's 400
//!   `STATUS_NOT_ALLOWED` or `SUBSTATUS_NOT_ALLOWED`), box layouts are kept and labels are
//!   real PDFs;
//! - it counts every operation's quota as [`crate::limits`] gives it for the base tier
//!   (requests, or the items the table names), in fixed windows, and answers HTTP 420 with
//!   Yandex Market's body and the `X-RateLimit-Resource-Limit`, `-Remaining` and `-Until`
//!   headers once it is spent (every answer of a limited operation carries those headers);
//!   [`SandboxConfig::quotas`] replaces quotas, to test with short windows;
//! - it injects faults (420, 500, slow answers, cut bodies) from a [`FaultPlan`], and counts
//!   every request in a [`RequestLog`] by operation
//!   (`"PUT /v2/campaigns/{campaignId}/offers/stocks"`).
//!
//! ```
//! use yandex_market_api::models::stocks::StockUpdate;
//! use yandex_market_api::sandbox::{SANDBOX_CAMPAIGN_ID, Sandbox, SandboxConfig};
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
//!         let ym = sandbox.client()?;
//!         let report = ym
//!             .stocks()
//!             .update(SANDBOX_CAMPAIGN_ID, vec![StockUpdate::new("SKU-0001", 7)])
//!             .await?;
//!         assert!(report.rejected.is_empty());
//!         assert_eq!(sandbox.stock("SKU-0001"), Some(7));
//!         assert_eq!(
//!             sandbox
//!                 .requests()
//!                 .count("PUT /v2/campaigns/{campaignId}/offers/stocks"),
//!             1
//!         );
//!         Ok::<_, Box<dyn std::error::Error>>(())
//!     })?;
//! # Ok(()) }
//! ```
//!
//! Choices where Yandex Market's documentation leaves the behaviour open: an `updateStocks` or
//! `updateBusinessPrices` request naming an offer that is not in the catalogue is refused whole
//! with 400 and one `OFFER_NOT_FOUND` error per such offer (nothing of it is saved); a status
//! change to the status an order already has succeeds without changing it (so a retried change
//! is harmless); moving an order to `READY_TO_SHIP`, or asking for its labels, lays it out in
//! one box when the seller has given no layout; a request body over 512 KB is answered 413.
//! `AVAILABLE` stock is what the seller pushed, `FREEZE` the units of the campaign's orders
//! being processed, `FIT` their sum. A new or changed offer's card is `*_PROCESSING` until the
//! first read shows it, then `HAS_CARD_CAN_UPDATE` (or `NO_CARD_NEED_CONTENT` when a field a
//! new offer needs is missing); [`Sandbox::advance`] finishes them too.
//!
//! What is not emulated: other campaigns and delivery models, campaign-level prices, the price
//! quarantine, content (parameter) updates, archiving, the limits on parallel requests, and
//! Yandex Market's delays (everything applies at once).

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration as TimeDelta, NaiveDate, Utc};
use market_core::sandbox::{Fault, FaultPlan, Faults, RequestLog, tiny_pdf};
use market_core::transport::{QuotaUnit, RateLimit};
use rust_decimal::Decimal;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use wiremock::{MockServer, Request, Respond, ResponseTemplate};

use crate::ids::{
    BoxId, BusinessId, CampaignId, CategoryId, MarketSku, OrderId, OrderItemId, ParameterId,
    ReturnId, ShipmentId, WarehouseId,
};
use crate::limits::{self, MAX_BODY_BYTES, Tier};
use crate::models::campaigns::{
    ApiAvailabilityStatus, Business, BusinessSettings, BusinessSettingsInfo,
    BusinessSettingsResponse, Campaign, CampaignDelivery, CampaignLocalRegion, CampaignResponse,
    CampaignSchedule, CampaignSettings, CampaignSettingsResponse, CampaignsResponse, CurrencyType,
    FlippingPager, PlacementType, RegionType as CampaignRegionType, ScheduleSource,
    SubscriptionLevel, TaxationInfo, VatRate,
};
use crate::models::categories::{
    CategoriesTreeRequest, CategoriesTreeResponse, Category, CategoryContentParameters,
    CategoryContentParametersResponse, CategoryParameter, Language, ParameterType, ParameterUnits,
    ParameterValueConstraints, ParameterValueOption, Unit,
};
use crate::models::common::{ApiErrorItem, ApiStatus, EmptyResponse, Pager};
use crate::models::labels::{BoxLabel, GetOrderLabelsDataResponse, OrderLabels};
use crate::models::offers::{
    GetOfferCardsContentStatusRequest, GetOfferCardsContentStatusResponse, GetOfferMappingsRequest,
    GetOfferMappingsResponse, GetOfferMappingsResult, Mapping, Offer, OfferCampaign,
    OfferCampaignStatus, OfferCard, OfferCardContentStatus, OfferCardStatus,
    OfferCardsContentStatus, OfferError, OfferMapping, OfferMappingError, OfferMappingErrorType,
    OfferSellingProgram, OfferSellingProgramStatus, ParameterValue, PriceWithDiscountInfo,
    SellingProgram, UpdateOffer, UpdateOfferMappingResult, UpdateOfferMappingsRequest,
    UpdateOfferMappingsResponse, WeightDimensions,
};
use crate::models::orders::{
    BusinessOrder, BusinessOrderAddress, BusinessOrderBox, BusinessOrderDelivery,
    BusinessOrderDeliveryDates, BusinessOrderItem, BusinessOrderShipment, BusinessOrdersRequest,
    BusinessOrdersResponse, CourierDelivery, CurrencyType as OrderCurrency, CurrencyValue,
    DeliveryPrices, ItemPrices, LaidOutBox, Order, OrderBoxItem, OrderBoxesLayout, OrderBuyer,
    OrderBuyerType, OrderDelivery, OrderDeliveryDates, OrderDeliveryDispatchType,
    OrderDeliveryPartnerType, OrderDeliveryType, OrderItem, OrderParcelBox, OrderPaymentMethodType,
    OrderPaymentType, OrderPrices, OrderShipment, OrderSourcePlatformType, OrderStatus,
    OrderStatusChange, OrderStatusUpdate, OrderSubstatus, OrderTaxSystemType,
    OrderUpdateStatusType, OrderVatType, Region, RegionType, SellingProgramType,
    SetOrderBoxLayoutRequest, SetOrderBoxLayoutResponse, UpdateOrderStatusRequest,
    UpdateOrderStatusResponse, UpdateOrderStatusesRequest, UpdateOrderStatusesResponse,
    UpdatedOrderStatuses,
};
use crate::models::prices::{
    DefaultPrice, DefaultPrices, GetDefaultPricesRequest, GetDefaultPricesResponse,
    OfferDefaultPrice, UpdateBusinessPricesRequest,
};
use crate::models::returns::{
    CurrencyValue as ReturnMoney, LogisticPickupPoint, PagedReturns, PickupAddress, RecipientType,
    RefundStatus, Return, ReturnDecision, ReturnDecisionType, ReturnItem, ReturnResponse,
    ReturnShipmentStatus, ReturnType, ReturnsResponse, Track,
};
use crate::models::stocks::{
    GetStocksRequest, GetStocksResponse, UpdateStocksRequest, WarehouseOffer, WarehouseOffers,
    WarehouseStock, WarehouseStockType, WarehouseStocks,
};
use crate::models::warehouses::{
    FulfillmentWarehouse, FulfillmentWarehouses, FulfillmentWarehousesResponse, Gps,
    PagedWarehouses, PagedWarehousesRequest, PagedWarehousesResponse, WarehouseAddress,
    WarehouseComponent, WarehouseDetails, WarehouseStatus, WarehouseStatusType,
};
use crate::{CampaignClient, Client, ClientBuilder};

/// The API key the sandbox accepts in `Api-Key`.
pub const SANDBOX_API_KEY: &str = "sandbox-api-key";
/// The sandbox's business (cabinet).
pub const SANDBOX_BUSINESS_ID: BusinessId = BusinessId(1_000_001);
/// The sandbox's only campaign (an FBS shop).
pub const SANDBOX_CAMPAIGN_ID: CampaignId = CampaignId(2_000_001);
/// The campaign's warehouse.
pub const SANDBOX_WAREHOUSE_ID: WarehouseId = WarehouseId(3_000_001);

/// The business's name.
const BUSINESS_NAME: &str = "ООО «Песочница»";
/// The campaign's name.
const SHOP_NAME: &str = "Песочница FBS";
/// The delivery service of every order.
const DELIVERY_SERVICE_ID: i64 = 1_005_546;
/// The delivery service's name.
const DELIVERY_SERVICE_NAME: &str = "Доставка Маркета";
/// How far back the seeded orders go.
const HISTORY_DAYS: i64 = 7;
/// The longest creation or shipment window of an order list, in days.
const WINDOW_DAYS_MAX: i64 = 30;
/// Offer ids, order ids or campaign ids in one order list filter.
const ORDER_FILTER_MAX: usize = 50;

/// What the sandbox holds and how it behaves.
#[derive(Debug, Clone)]
pub struct SandboxConfig {
    /// The seed every generated value derives from (default 42): two sandboxes with the same
    /// seed and sizes hold the same business.
    pub seed: u64,
    /// Offers in the catalogue (default 40): `SKU-0001`, `SKU-0002`, ..., each with a name, a
    /// leaf category, a brand, a business price in roubles and a stock in the campaign.
    pub offers: usize,
    /// FBS orders of the campaign spread over the last 7 days, in mixed statuses and
    /// substatuses, 1 to 3 lines each (default 120).
    pub orders: usize,
    /// Test orders (`fake: true`) in `PROCESSING/STARTED` (default 3): `getBusinessOrders`
    /// lists them only when the request says `fake: true`.
    pub fake_orders: usize,
    /// New `PROCESSING/STARTED` orders created by each first page (no page token) of
    /// `getBusinessOrders` that names no order ids and does not ask for test orders, before it
    /// is answered (default 0).
    pub new_orders_per_poll: usize,
    /// Whether the quotas apply (default true).
    pub rate_limits: bool,
    /// Quotas replacing the documented ones, by operation id (default none): e.g.
    /// `("getCategoriesTree".into(), RateLimit::per(3, Duration::from_millis(500)))` to see
    /// a quota spent and renewed within a test.
    pub quotas: Vec<(String, RateLimit)>,
    /// Injected faults (default none).
    pub faults: FaultPlan,
}

impl Default for SandboxConfig {
    fn default() -> Self {
        Self {
            seed: 42,
            offers: 40,
            orders: 120,
            fake_orders: 3,
            new_orders_per_poll: 0,
            rate_limits: true,
            quotas: Vec::new(),
            faults: FaultPlan::none(),
        }
    }
}

/// A running emulator of the Yandex Market Partner API; dropping it stops the server.
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
            .field("business", &SANDBOX_BUSINESS_ID)
            .field("campaign", &SANDBOX_CAMPAIGN_ID)
            .field("offers", &st.offers.len())
            .field("orders", &st.orders.len())
            .field("returns", &st.returns.len())
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
        let server = market_core::sandbox::server().await;
        let mut state = State::generate(&config, Utc::now());
        state.base_url = server.uri();
        let state = Arc::new(Mutex::new(state));
        let requests = RequestLog::default();
        let faults = Faults::new(config.faults.clone());
        let emulator = Emulator {
            state: Arc::clone(&state),
            requests: requests.clone(),
            faults: faults.clone(),
            limits: config
                .rate_limits
                .then(|| Limits::new(config.quotas.iter().cloned())),
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

    /// The base URL, e.g. `http://127.0.0.1:PORT`.
    pub fn uri(&self) -> String {
        self.server.uri()
    }

    /// A client aimed at [`Sandbox::uri`] with [`SANDBOX_API_KEY`] and default settings.
    ///
    /// Fails only if the HTTP client cannot be built at all.
    pub fn client(&self) -> market_core::Result<Client> {
        self.client_builder().build()
    }

    /// A builder aimed at [`Sandbox::uri`] with [`SANDBOX_API_KEY`], to adjust retries,
    /// timeouts or rate limiting before building.
    pub fn client_builder(&self) -> ClientBuilder {
        Client::builder(SANDBOX_API_KEY).base_url(self.uri())
    }

    /// The sandbox's campaign bound for the `Marketplace` trait:
    /// `client()?.campaign(SANDBOX_BUSINESS_ID, SANDBOX_CAMPAIGN_ID)`.
    pub fn campaign(&self) -> market_core::Result<CampaignClient> {
        Ok(self
            .client()?
            .campaign(SANDBOX_BUSINESS_ID, SANDBOX_CAMPAIGN_ID))
    }

    /// Every request received, counted by operation: `"METHOD /path/template"`, e.g.
    /// `"PUT /v2/campaigns/{campaignId}/offers/stocks"` (requests to unknown paths by their
    /// own path).
    pub fn requests(&self) -> &RequestLog {
        &self.requests
    }

    /// The fault injector; [`Faults::set`] changes the plan at run time.
    pub fn faults(&self) -> &Faults {
        &self.faults
    }

    /// Creates `n` real orders of the campaign in `PROCESSING/STARTED`, created now; returns
    /// their ids (none when the catalogue is empty).
    pub fn add_orders(&self, n: usize) -> Vec<OrderId> {
        let mut st = lock(&self.state);
        let now = Utc::now();
        (0..n)
            .filter_map(|_| st.add_order(now, Phase::Started, false))
            .collect()
    }

    /// Creates `n` real orders awaiting the seller's confirmation
    /// (`PROCESSING/AWAIT_CONFIRMATION`), created now; returns their ids.
    pub fn add_orders_awaiting_confirmation(&self, n: usize) -> Vec<OrderId> {
        let ids = self.add_orders(n);
        let mut st = lock(&self.state);
        for o in st.orders.iter_mut().filter(|o| ids.contains(&o.id)) {
            o.substatus = OrderSubstatus::AwaitConfirmation;
        }
        ids
    }

    /// Creates a real order of the campaign in `PROCESSING/STARTED`, placed (and last
    /// updated) at `created_at`, e.g. a day ago; its id (none when the catalogue is empty).
    pub fn add_order_created_at(&self, created_at: DateTime<Utc>) -> Option<OrderId> {
        lock(&self.state).add_order(created_at, Phase::Started, false)
    }

    /// The buyer cancels an order (`CANCELLED/USER_CHANGED_MIND`), as Yandex Market's side
    /// does; its update time becomes now. False when there is no such order.
    pub fn cancel_by_buyer(&self, id: OrderId) -> bool {
        let mut st = lock(&self.state);
        let Some(o) = st.orders.iter_mut().find(|o| o.id == id) else {
            return false;
        };
        o.status = OrderStatus::Cancelled;
        o.substatus = OrderSubstatus::UserChangedMind;
        o.updated_at = seconds(Utc::now());
        true
    }

    /// When an order was last updated (its `updateDate`), real or test.
    pub fn order_updated_at(&self, id: OrderId) -> Option<DateTime<Utc>> {
        lock(&self.state).order(id).map(|o| o.updated_at)
    }

    /// Moves Yandex Market's side on by one step: orders ready to ship are handed to delivery
    /// (`DELIVERY/DELIVERY_SERVICE_RECEIVED`), orders in delivery are delivered
    /// (`DELIVERED/DELIVERY_SERVICE_DELIVERED`); cards being processed are finished.
    pub fn advance(&self) {
        let mut st = lock(&self.state);
        let now = Utc::now();
        for o in &mut st.orders {
            let next = match (&o.status, &o.substatus) {
                (OrderStatus::Processing, OrderSubstatus::ReadyToShip) => Some((
                    OrderStatus::Delivery,
                    OrderSubstatus::DeliveryServiceReceived,
                )),
                (OrderStatus::Delivery, _) => Some((
                    OrderStatus::Delivered,
                    OrderSubstatus::DeliveryServiceDelivered,
                )),
                _ => None,
            };
            if let Some((status, substatus)) = next {
                if status == OrderStatus::Delivered {
                    o.delivered_on = Some(moscow_day(now));
                }
                o.status = status;
                o.substatus = substatus;
                o.updated_at = now;
            }
        }
        for offer in &mut st.offers {
            offer.finish_card();
        }
    }

    /// Every offer id of the catalogue, in catalogue order.
    pub fn offers(&self) -> Vec<String> {
        lock(&self.state)
            .offers
            .iter()
            .map(|o| o.offer_id.clone())
            .collect()
    }

    /// The business's warehouses: [`SANDBOX_WAREHOUSE_ID`].
    pub fn warehouse_ids(&self) -> Vec<WarehouseId> {
        vec![SANDBOX_WAREHOUSE_ID]
    }

    /// The campaign's available stock of an offer (0 when none was ever set); `None` for an
    /// offer not in the catalogue.
    pub fn stock(&self, offer_id: &str) -> Option<i64> {
        let st = lock(&self.state);
        st.offer(offer_id).map(|o| o.stock.map_or(0, |(n, _)| n))
    }

    /// The business price of an offer; `None` for an offer not in the catalogue or without a
    /// price.
    pub fn price(&self, offer_id: &str) -> Option<Decimal> {
        let st = lock(&self.state);
        st.offer(offer_id)?.price.as_ref().map(|p| p.value)
    }

    /// The status and substatus of an order (real or test), e.g.
    /// `("PROCESSING", "READY_TO_SHIP")`; `None` when there is no such order.
    pub fn order_status(&self, id: OrderId) -> Option<(String, String)> {
        let st = lock(&self.state);
        st.order(id).map(|o| {
            (
                o.status.as_str().to_owned(),
                o.substatus.as_str().to_owned(),
            )
        })
    }

    /// How many real (not test) orders exist.
    pub fn order_count(&self) -> usize {
        lock(&self.state).orders.iter().filter(|o| !o.fake).count()
    }
}

use market_core::sandbox::lock;

// ---------------------------------------------------------------------------------------------
// A small seeded generator: SplitMix64.
// ---------------------------------------------------------------------------------------------

type Rng = market_core::sandbox::SeededRng;

// ---------------------------------------------------------------------------------------------
// The catalogue's fixed data.
// ---------------------------------------------------------------------------------------------

/// The category tree: id, parent id (0 for the root), Russian name, English name.
const CATEGORIES: &[(i64, i64, &str, &str)] = &[
    (90401, 0, "Все товары", "All goods"),
    (198118, 90401, "Электроника", "Electronics"),
    (91491, 198118, "Мобильные телефоны", "Mobile phones"),
    (
        90555,
        198118,
        "Наушники и Bluetooth-гарнитуры",
        "Headphones",
    ),
    (90666, 90401, "Дом и сад", "Home and garden"),
    (90667, 90666, "Посуда", "Tableware"),
    (10785221, 90667, "Кружки и чашки", "Mugs and cups"),
    (13360751, 90667, "Термосы и термокружки", "Vacuum flasks"),
    (
        7877999,
        90401,
        "Одежда, обувь и аксессуары",
        "Clothes and accessories",
    ),
    (7812157, 7877999, "Футболки", "T-shirts"),
    (7812186, 7877999, "Рюкзаки", "Backpacks"),
];

/// The leaf categories offers are seeded in, with the product name used.
const PRODUCTS: &[(i64, &str)] = &[
    (91491, "Смартфон"),
    (90555, "Наушники беспроводные"),
    (10785221, "Кружка керамическая"),
    (13360751, "Термос стальной"),
    (7812157, "Футболка хлопковая"),
    (7812186, "Рюкзак городской"),
];

/// The colour parameter's listed values: value id, text.
const COLOURS: &[(i64, &str)] = &[
    (14896254, "черный"),
    (14898056, "белый"),
    (14897638, "синий"),
    (14898020, "красный"),
    (14896295, "зеленый"),
    (14898005, "серый"),
];
const BRANDS: &[&str] = &["Северный ветер", "Домашний уют", "Urban Line", "Техноряд"];
const BUYERS: &[(&str, &str)] = &[
    ("Иванов", "Иван"),
    ("Петрова", "Анна"),
    ("Сидоров", "Павел"),
    ("Кузнецова", "Мария"),
    ("Смирнов", "Олег"),
];
const CITIES: &[(i64, &str, &str)] = &[
    (213, "Москва", "Тверская"),
    (2, "Санкт-Петербург", "Невский проспект"),
    (54, "Екатеринбург", "Ленина"),
    (65, "Новосибирск", "Красный проспект"),
    (43, "Казань", "Баумана"),
];

/// The parameter ids every leaf category has.
const COLOUR_PARAMETER: i64 = 14871214;
const MATERIAL_PARAMETER: i64 = 15341921;
const WEIGHT_PARAMETER: i64 = 7351771;
const WATERPROOF_PARAMETER: i64 = 27142893;
/// The unit of the weight parameter (grams).
const GRAM_UNIT: i64 = 5;

fn category_name(id: CategoryId) -> Option<&'static str> {
    CATEGORIES.iter().find(|c| c.0 == id.0).map(|c| c.2)
}

fn is_leaf(id: CategoryId) -> bool {
    CATEGORIES.iter().any(|c| c.0 == id.0) && !CATEGORIES.iter().any(|c| c.1 == id.0)
}

/// The category tree from `root` down, names in `language`.
fn category_tree(root: i64, english: bool) -> Category {
    let name = CATEGORIES
        .iter()
        .find(|c| c.0 == root)
        .map(|c| if english { c.3 } else { c.2 })
        .unwrap_or_default();
    Category {
        id: CategoryId(root),
        name: name.to_owned(),
        children: CATEGORIES
            .iter()
            .filter(|c| c.1 == root)
            .map(|c| category_tree(c.0, english))
            .collect(),
    }
}

/// The parameters of every leaf category.
fn category_parameters() -> Vec<CategoryParameter> {
    let param = |id: i64, name: &str, kind: ParameterType| CategoryParameter {
        id: ParameterId(id),
        name: Some(name.to_owned()),
        kind,
        unit: None,
        description: None,
        recommendation_types: Vec::new(),
        required: false,
        filtering: false,
        distinctive: false,
        multivalue: false,
        allow_custom_values: false,
        values: Vec::new(),
        constraints: None,
        value_restrictions: Vec::new(),
    };
    vec![
        CategoryParameter {
            required: true,
            filtering: true,
            distinctive: true,
            allow_custom_values: true,
            values: COLOURS
                .iter()
                .map(|(id, v)| ParameterValueOption {
                    id: *id,
                    value: (*v).to_owned(),
                    description: None,
                })
                .collect(),
            description: Some("Основной цвет товара.".into()),
            ..param(COLOUR_PARAMETER, "Цвет товара", ParameterType::Enum)
        },
        CategoryParameter {
            constraints: Some(ParameterValueConstraints {
                max_length: Some(100),
                ..ParameterValueConstraints::default()
            }),
            ..param(MATERIAL_PARAMETER, "Материал", ParameterType::Text)
        },
        CategoryParameter {
            unit: Some(ParameterUnits {
                default_unit_id: GRAM_UNIT,
                units: vec![
                    Unit {
                        id: GRAM_UNIT,
                        name: "г".into(),
                        full_name: "грамм".into(),
                    },
                    Unit {
                        id: 6,
                        name: "кг".into(),
                        full_name: "килограмм".into(),
                    },
                ],
            }),
            constraints: Some(ParameterValueConstraints {
                min_value: Some(0.1),
                max_value: Some(100_000.0),
                ..ParameterValueConstraints::default()
            }),
            filtering: true,
            ..param(WEIGHT_PARAMETER, "Вес товара", ParameterType::Numeric)
        },
        param(
            WATERPROOF_PARAMETER,
            "Водонепроницаемость",
            ParameterType::Boolean,
        ),
    ]
}

// ---------------------------------------------------------------------------------------------
// The state of the fake business.
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone)]
struct PriceRec {
    value: Decimal,
    currency: CurrencyType,
    discount_base: Option<Decimal>,
    minimum_for_bestseller: Option<Decimal>,
    updated_at: DateTime<Utc>,
}

/// Where an offer's card stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CardState {
    /// Bound to a card the seller can add to.
    Ready,
    /// Being processed; the next read shows it as processing and finishes it.
    Processing,
    /// Shown as processing once; finished on the next look.
    Shown,
}

#[derive(Debug, Clone)]
struct OfferRec {
    offer_id: String,
    name: Option<String>,
    category: Option<CategoryId>,
    vendor: Option<String>,
    vendor_code: Option<String>,
    description: Option<String>,
    pictures: Vec<String>,
    barcodes: Vec<String>,
    tags: Vec<String>,
    parameter_values: Vec<ParameterValue>,
    weight_dimensions: Option<WeightDimensions>,
    price: Option<PriceRec>,
    /// The campaign's available stock and when it was set.
    stock: Option<(i64, DateTime<Utc>)>,
    market_sku: Option<MarketSku>,
    card: CardState,
    /// Whether a card existed before the current processing.
    had_card: bool,
    archived: bool,
}

impl OfferRec {
    /// The fields a new offer needs and lacks.
    fn missing(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.name.as_deref().is_none_or(|n| n.trim().is_empty()) {
            out.push("name");
        }
        if self.category.is_none() {
            out.push("marketCategoryId");
        }
        if self.pictures.is_empty() {
            out.push("pictures");
        }
        if self.vendor.as_deref().is_none_or(|v| v.trim().is_empty()) {
            out.push("vendor");
        }
        if self
            .description
            .as_deref()
            .is_none_or(|d| d.trim().is_empty())
        {
            out.push("description");
        }
        out
    }

    fn card_status(&self) -> OfferCardStatus {
        match self.card {
            CardState::Processing | CardState::Shown if self.had_card => {
                OfferCardStatus::HasCardCanUpdateProcessing
            }
            CardState::Processing | CardState::Shown => OfferCardStatus::NoCardProcessing,
            CardState::Ready if self.market_sku.is_some() => OfferCardStatus::HasCardCanUpdate,
            CardState::Ready => OfferCardStatus::NoCardNeedContent,
        }
    }

    /// A read is about to look at the card: a card shown as processing before is finished.
    fn settle(&mut self) {
        if self.card == CardState::Shown {
            self.finish_card();
        }
    }

    /// A read showed the card: a card being processed is finished on the next read.
    fn shown(&mut self) {
        if self.card == CardState::Processing {
            self.card = CardState::Shown;
        }
    }

    /// Ends the processing: a card when nothing required is missing.
    fn finish_card(&mut self) {
        if self.card == CardState::Ready {
            return;
        }
        self.card = CardState::Ready;
        if self.market_sku.is_none() && self.missing().is_empty() {
            self.market_sku = Some(market_sku_of(&self.offer_id));
        }
        if self.market_sku.is_some() {
            self.had_card = true;
        }
    }
}

/// A stable card id for an offer id.
fn market_sku_of(offer_id: &str) -> MarketSku {
    let mut h: u64 = 1_469_598_103_934_665_603;
    for b in offer_id.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(1_099_511_628_211);
    }
    MarketSku(100_000_000_000 + (h % 900_000_000_000) as i64)
}

#[derive(Debug, Clone)]
struct ItemRec {
    id: OrderItemId,
    offer_id: String,
    name: String,
    count: i64,
    /// The price of one unit, roubles.
    price: Decimal,
}

#[derive(Debug, Clone)]
struct BoxRec {
    id: BoxId,
    items: Vec<OrderBoxItem>,
}

/// Where a seeded order stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Started,
    ReadyToShip,
    Delivery,
    Delivered,
    CancelledByBuyer,
    CancelledByShop,
    Returned,
}

#[derive(Debug, Clone)]
struct OrderRec {
    id: OrderId,
    campaign: CampaignId,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    status: OrderStatus,
    substatus: OrderSubstatus,
    fake: bool,
    items: Vec<ItemRec>,
    shipment: ShipmentId,
    shipment_date: NaiveDate,
    boxes: Vec<BoxRec>,
    delivered_on: Option<NaiveDate>,
    buyer: usize,
    city: usize,
}

impl OrderRec {
    fn total(&self) -> Decimal {
        self.items
            .iter()
            .map(|i| i.price.saturating_mul(Decimal::from(i.count)))
            .fold(Decimal::ZERO, Decimal::saturating_add)
    }

    fn processing(&self) -> bool {
        self.status == OrderStatus::Processing
    }
}

#[derive(Debug, Clone)]
struct ReturnRec {
    id: ReturnId,
    order: OrderId,
    created_at: DateTime<Utc>,
    updated_at: DateTime<Utc>,
    refund: RefundStatus,
    shipment: ReturnShipmentStatus,
    kind: ReturnType,
    /// Offer id, count, market SKU, unit price.
    items: Vec<(String, i64, Option<MarketSku>, Decimal)>,
}

impl ReturnRec {
    fn amount(&self) -> Decimal {
        self.items
            .iter()
            .map(|(_, n, _, p)| p.saturating_mul(Decimal::from(*n)))
            .fold(Decimal::ZERO, Decimal::saturating_add)
    }
}

#[derive(Debug)]
struct State {
    rng: Rng,
    base_url: String,
    offers: Vec<OfferRec>,
    orders: Vec<OrderRec>,
    returns: Vec<ReturnRec>,
    next_order: i64,
    next_item: i64,
    next_shipment: i64,
    next_box: i64,
    next_return: i64,
    new_orders_per_poll: usize,
}

/// The Moscow calendar day of a time (Yandex Market's dates are Moscow days, UTC+3).
fn moscow_day(t: DateTime<Utc>) -> NaiveDate {
    (t + TimeDelta::hours(3)).date_naive()
}

/// Truncates a time to whole seconds.
fn seconds(t: DateTime<Utc>) -> DateTime<Utc> {
    DateTime::from_timestamp(t.timestamp(), 0).unwrap_or(t)
}

impl State {
    fn generate(config: &SandboxConfig, now: DateTime<Utc>) -> Self {
        let mut rng = Rng::new(config.seed);
        let mut st = State {
            next_order: 48_000_000 + rng.below(2_000_000) as i64,
            next_item: 160_000_000 + rng.below(10_000_000) as i64,
            next_shipment: 9_000_000 + rng.below(1_000_000) as i64,
            next_box: 700_000_000 + rng.below(10_000_000) as i64,
            next_return: 3_100_000 + rng.below(100_000) as i64,
            rng,
            base_url: String::new(),
            offers: Vec::new(),
            orders: Vec::new(),
            returns: Vec::new(),
            new_orders_per_poll: config.new_orders_per_poll,
        };
        let listed_since = now - TimeDelta::days(60);
        for i in 1..=config.offers {
            st.seed_offer(i, listed_since);
        }
        // Orders oldest first, so that ids grow with time as Yandex Market's do.
        let history = HISTORY_DAYS * 86_400;
        let mut ages: Vec<i64> = (0..config.orders)
            .map(|_| 120 + st.rng.below(history as u64) as i64)
            .collect();
        ages.sort_unstable_by(|a, b| b.cmp(a));
        for age in ages {
            let phase = st.seeded_phase(age);
            st.add_order(now - TimeDelta::seconds(age), phase, false);
        }
        for _ in 0..config.fake_orders {
            let age = 60 + st.rng.below(86_400) as i64;
            st.add_order(now - TimeDelta::seconds(age), Phase::Started, true);
        }
        st.orders.sort_by_key(|o| o.id);
        st.seed_returns(now);
        st
    }

    fn seed_offer(&mut self, i: usize, listed_since: DateTime<Utc>) {
        let rng = &mut self.rng;
        let (category, product) = rng.pick(PRODUCTS).copied().unwrap_or((91491, "Смартфон"));
        let (colour_id, colour) = rng.pick(COLOURS).copied().unwrap_or((14896254, "черный"));
        let brand = rng.pick(BRANDS).copied().unwrap_or("Urban Line");
        let value = if i.is_multiple_of(3) {
            Decimal::from(rng.range(3, 300) * 100 - 10)
        } else {
            Decimal::new((rng.range(3, 300) * 10_000 - 1) as i64, 2)
        };
        let discount_base = (i.is_multiple_of(4)).then(|| (value * Decimal::new(12, 1)).round());
        let stock = rng.range(0, 50) as i64;
        let grams = rng.range(100, 2500);
        let offer_id = format!("SKU-{i:04}");
        let set_at = listed_since + TimeDelta::minutes(i as i64 * 37);
        let barcode = format!("46{:011}", rng.below(100_000_000_000));
        let offer = OfferRec {
            name: Some(format!("{product} {brand}, {colour}")),
            category: Some(CategoryId(category)),
            vendor: Some(brand.to_owned()),
            vendor_code: Some(format!("{}-{i:03}", brand.len())),
            description: Some(format!("{product} от бренда {brand}, цвет {colour}.")),
            pictures: vec![format!(
                "https://avatars.mds.yandex.net/get-mpic/sandbox/{offer_id}/orig"
            )],
            barcodes: vec![barcode],
            tags: if i.is_multiple_of(5) {
                vec!["новинка".into()]
            } else {
                Vec::new()
            },
            parameter_values: vec![
                ParameterValue {
                    parameter_id: ParameterId(COLOUR_PARAMETER),
                    value_id: Some(colour_id),
                    value: Some(colour.to_owned()),
                    ..ParameterValue::default()
                },
                ParameterValue {
                    parameter_id: ParameterId(WEIGHT_PARAMETER),
                    unit_id: Some(GRAM_UNIT),
                    value: Some(grams.to_string()),
                    ..ParameterValue::default()
                },
            ],
            weight_dimensions: Some(WeightDimensions {
                length: Decimal::from(rng.range(10, 60)),
                width: Decimal::from(rng.range(5, 40)),
                height: Decimal::from(rng.range(2, 30)),
                weight: Decimal::new(grams as i64, 3),
            }),
            price: Some(PriceRec {
                value,
                currency: CurrencyType::Rur,
                discount_base,
                minimum_for_bestseller: None,
                updated_at: seconds(set_at),
            }),
            stock: Some((stock, seconds(set_at))),
            market_sku: Some(market_sku_of(&offer_id)),
            card: CardState::Ready,
            had_card: true,
            archived: false,
            offer_id,
        };
        self.offers.push(offer);
    }

    /// A phase for an order created `age` seconds ago: recent ones are being processed, older
    /// ones are in delivery or delivered, some are cancelled.
    fn seeded_phase(&mut self, age: i64) -> Phase {
        let roll = self.rng.f64();
        let day = 86_400;
        if age < day {
            match roll {
                r if r < 0.55 => Phase::Started,
                r if r < 0.8 => Phase::ReadyToShip,
                r if r < 0.92 => Phase::CancelledByBuyer,
                _ => Phase::CancelledByShop,
            }
        } else if age < 3 * day {
            match roll {
                r if r < 0.1 => Phase::ReadyToShip,
                r if r < 0.5 => Phase::Delivery,
                r if r < 0.9 => Phase::Delivered,
                _ => Phase::CancelledByBuyer,
            }
        } else {
            match roll {
                r if r < 0.78 => Phase::Delivered,
                r if r < 0.88 => Phase::Returned,
                _ => Phase::CancelledByBuyer,
            }
        }
    }

    /// Adds an order created at `at` in `phase`; `None` when the catalogue is empty.
    fn add_order(&mut self, at: DateTime<Utc>, phase: Phase, fake: bool) -> Option<OrderId> {
        if self.offers.is_empty() {
            return None;
        }
        let lines = self.rng.range(1, 3) as usize;
        let mut picked: Vec<usize> = Vec::new();
        for _ in 0..lines {
            let i = self.rng.index(self.offers.len());
            if !picked.contains(&i) {
                picked.push(i);
            }
        }
        let mut items = Vec::new();
        for i in picked {
            let count = self.rng.range(1, 2) as i64;
            let Some(offer) = self.offers.get(i) else {
                continue;
            };
            let price = offer.price.as_ref().map_or(Decimal::from(990), |p| p.value);
            self.next_item += 1 + self.rng.below(3) as i64;
            items.push(ItemRec {
                id: OrderItemId(self.next_item),
                offer_id: offer.offer_id.clone(),
                name: offer.name.clone().unwrap_or_else(|| offer.offer_id.clone()),
                count,
                price,
            });
        }
        self.next_order += 1 + self.rng.below(5) as i64;
        self.next_shipment += 1 + self.rng.below(3) as i64;
        let (status, substatus) = match phase {
            Phase::Started => (OrderStatus::Processing, OrderSubstatus::Started),
            Phase::ReadyToShip => (OrderStatus::Processing, OrderSubstatus::ReadyToShip),
            Phase::Delivery => (
                OrderStatus::Delivery,
                OrderSubstatus::DeliveryServiceReceived,
            ),
            Phase::Delivered => (
                OrderStatus::Delivered,
                OrderSubstatus::DeliveryServiceDelivered,
            ),
            Phase::CancelledByBuyer => (OrderStatus::Cancelled, OrderSubstatus::UserChangedMind),
            Phase::CancelledByShop => (OrderStatus::Cancelled, OrderSubstatus::ShopFailed),
            Phase::Returned => (
                OrderStatus::Returned,
                OrderSubstatus::DeliveryServiceDelivered,
            ),
        };
        let now = Utc::now();
        let later = |hours: i64| seconds((at + TimeDelta::hours(hours)).min(now));
        let updated_at = match phase {
            Phase::Started => seconds(at),
            Phase::ReadyToShip => later(3),
            Phase::Delivery => later(20),
            Phase::Delivered | Phase::Returned => later(50),
            Phase::CancelledByBuyer | Phase::CancelledByShop => later(2),
        };
        let delivered_on =
            matches!(phase, Phase::Delivered | Phase::Returned).then(|| moscow_day(updated_at));
        let buyer = self.rng.index(BUYERS.len());
        let city = self.rng.index(CITIES.len());
        let mut order = OrderRec {
            id: OrderId(self.next_order),
            campaign: SANDBOX_CAMPAIGN_ID,
            created_at: seconds(at),
            updated_at,
            status,
            substatus,
            fake,
            items,
            shipment: ShipmentId(self.next_shipment),
            shipment_date: moscow_day(at + TimeDelta::days(1)),
            boxes: Vec::new(),
            delivered_on,
            buyer,
            city,
        };
        if !matches!(
            phase,
            Phase::Started | Phase::CancelledByBuyer | Phase::CancelledByShop
        ) {
            self.lay_out(&mut order);
        }
        let id = order.id;
        self.orders.push(order);
        Some(id)
    }

    /// Lays an order out in one box when it has no layout.
    fn lay_out(&mut self, order: &mut OrderRec) {
        if !order.boxes.is_empty() {
            return;
        }
        self.next_box += 1;
        order.boxes.push(BoxRec {
            id: BoxId(self.next_box),
            items: order
                .items
                .iter()
                .map(|i| OrderBoxItem::whole(i.id, i.count.clamp(1, i64::from(i32::MAX)) as i32))
                .collect(),
        });
    }

    /// A few returns of delivered orders: the newest delivered orders, every third one.
    fn seed_returns(&mut self, now: DateTime<Utc>) {
        let delivered: Vec<usize> = (0..self.orders.len())
            .rev()
            .filter(|i| {
                self.orders.get(*i).is_some_and(|o| {
                    !o.fake
                        && matches!(o.status, OrderStatus::Delivered | OrderStatus::Returned)
                        && now - o.updated_at > TimeDelta::hours(12)
                })
            })
            .collect();
        let kinds = [
            (RefundStatus::Refunded, ReturnShipmentStatus::Picked),
            (
                RefundStatus::WaitingForDecision,
                ReturnShipmentStatus::ReadyForPickup,
            ),
            (RefundStatus::StartedByUser, ReturnShipmentStatus::Created),
            (
                RefundStatus::RefundInProgress,
                ReturnShipmentStatus::InTransit,
            ),
            (RefundStatus::Refunded, ReturnShipmentStatus::Picked),
        ];
        for (n, i) in delivered
            .into_iter()
            .step_by(3)
            .take(kinds.len())
            .enumerate()
        {
            let Some(order) = self.orders.get(i) else {
                continue;
            };
            let Some(item) = order.items.first() else {
                continue;
            };
            let sku = self.offer(&item.offer_id).and_then(|o| o.market_sku);
            let created = seconds((order.updated_at + TimeDelta::hours(6)).min(now));
            let updated =
                seconds((created + TimeDelta::hours(self.rng.range(1, 10) as i64)).min(now));
            let (refund, shipment) = kinds
                .get(n)
                .cloned()
                .unwrap_or((RefundStatus::Refunded, ReturnShipmentStatus::Picked));
            self.next_return += 1 + self.rng.below(20) as i64;
            self.returns.push(ReturnRec {
                id: ReturnId(self.next_return),
                order: order.id,
                created_at: created,
                updated_at: updated,
                refund,
                shipment,
                kind: ReturnType::Return,
                items: vec![(item.offer_id.clone(), 1, sku, item.price)],
            });
        }
        self.returns.sort_by_key(|r| r.id);
    }

    fn offer(&self, offer_id: &str) -> Option<&OfferRec> {
        self.offers.iter().find(|o| o.offer_id == offer_id)
    }

    fn offer_index(&self, offer_id: &str) -> Option<usize> {
        self.offers.iter().position(|o| o.offer_id == offer_id)
    }

    fn order(&self, id: OrderId) -> Option<&OrderRec> {
        self.orders.iter().find(|o| o.id == id)
    }

    /// Units of an offer held by the campaign's orders being processed.
    fn frozen(&self, offer_id: &str) -> i64 {
        self.orders
            .iter()
            .filter(|o| o.processing() && !o.fake)
            .flat_map(|o| o.items.iter())
            .filter(|i| i.offer_id == offer_id)
            .map(|i| i.count)
            .sum()
    }
}

// ---------------------------------------------------------------------------------------------
// Answers.
// ---------------------------------------------------------------------------------------------

/// A response before faults and quota headers are applied.
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
}

/// A model as a 200 JSON answer, without the `null`s its optional fields serialise to and
/// without empty lists other than the required ones (Yandex Market leaves absent fields out,
/// and its optional lists have at least one item).
fn ok<T: Serialize>(value: &T) -> Handled {
    let mut doc = serde_json::to_value(value).unwrap_or(Value::Null);
    prune(&mut doc);
    Ok(Answer {
        status: 200,
        body: serde_json::to_vec(&doc).unwrap_or_default(),
        content_type: "application/json",
    })
}

/// The lists the answers' schemas require, kept even when empty.
const REQUIRED_LISTS: &[&str] = &[
    "boxes",
    "campaigns",
    "customHolidays",
    "customWorkingDays",
    "items",
    "offerCards",
    "offerMappings",
    "offers",
    "orders",
    "parameters",
    "parcelBoxLabels",
    "returns",
    "stocks",
    "totalHolidays",
    "warehouses",
    "weeklyHolidays",
];

/// Removes the `null` members of every object, and its empty lists but the required ones.
fn prune(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.retain(|k, v| match v {
                Value::Null => false,
                Value::Array(items) => !items.is_empty() || REQUIRED_LISTS.contains(&k.as_str()),
                _ => true,
            });
            map.values_mut().for_each(prune);
        }
        Value::Array(items) => items.iter_mut().for_each(prune),
        _ => {}
    }
}

/// Yandex Market's error body with one error.
fn ym_error(status: u16, code: &str, message: impl Into<String>) -> Answer {
    ym_errors(status, vec![(code.to_owned(), message.into())])
}

/// Yandex Market's error body: `{"status": "ERROR", "errors": [{"code", "message"}]}`.
fn ym_errors(status: u16, errors: Vec<(String, String)>) -> Answer {
    let body = EmptyResponse {
        status: Some(ApiStatus::Error),
        errors: Some(
            errors
                .into_iter()
                .map(|(code, message)| ApiErrorItem {
                    code,
                    message: Some(message),
                })
                .collect(),
        ),
    };
    Answer {
        status,
        body: serde_json::to_vec(&body).unwrap_or_default(),
        content_type: "application/json",
    }
}

fn bad_request(message: impl Into<String>) -> Answer {
    ym_error(400, "BAD_REQUEST", message)
}

fn not_found(message: impl Into<String>) -> Answer {
    ym_error(404, "NOT_FOUND", message)
}

fn empty_ok() -> Handled {
    ok(&EmptyResponse {
        status: Some(ApiStatus::Ok),
        errors: None,
    })
}

/// A required JSON body as `T`.
fn body<T: DeserializeOwned>(bytes: &[u8]) -> Result<T, Answer> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(bad_request("The request body is required"));
    }
    serde_json::from_slice(bytes).map_err(|e| bad_request(format!("Invalid request body: {e}")))
}

/// An optional JSON body as `T` (its default when absent).
fn optional_body<T: DeserializeOwned + Default>(bytes: &[u8]) -> Result<T, Answer> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(T::default());
    }
    serde_json::from_slice(bytes).map_err(|e| bad_request(format!("Invalid request body: {e}")))
}

/// Counts the items at a dotted path of a JSON document, arrays flattened on the way.
fn count_at(value: &Value, path: &[&str]) -> u64 {
    match value {
        Value::Array(items) => items.iter().map(|v| count_at(v, path)).sum(),
        _ => match path.split_first() {
            None => u64::from(!value.is_null()),
            Some((key, rest)) => value.get(*key).map_or(0, |v| count_at(v, rest)),
        },
    }
}

// ---------------------------------------------------------------------------------------------
// Page tokens.
// ---------------------------------------------------------------------------------------------

/// An opaque page token: the hex of `kind:position`.
fn page_token(kind: &str, position: i64) -> String {
    format!("{kind}:{position}")
        .bytes()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The position a page token of `kind` holds.
fn read_token(kind: &str, token: &str) -> Option<i64> {
    let bytes: Option<Vec<u8>> = (0..token.len())
        .step_by(2)
        .map(|i| {
            token
                .get(i..i + 2)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        })
        .collect();
    let text = String::from_utf8(bytes?).ok()?;
    let (k, position) = text.split_once(':')?;
    (k == kind).then(|| position.parse().ok())?
}

fn pager(next: Option<String>) -> Option<Pager> {
    Some(Pager {
        next_page_token: next,
        prev_page_token: None,
    })
}

// ---------------------------------------------------------------------------------------------
// Rate limits.
// ---------------------------------------------------------------------------------------------

/// Fixed windows per operation, as Yandex Market counts its quotas.
#[derive(Debug)]
struct Limits {
    overrides: HashMap<String, RateLimit>,
    windows: Mutex<HashMap<&'static str, Window>>,
}

#[derive(Debug, Clone, Copy)]
struct Window {
    start: DateTime<Utc>,
    used: u64,
}

/// What a limited answer says about the quota.
#[derive(Debug, Clone, Copy)]
struct QuotaState {
    limit: u64,
    remaining: u64,
    until: DateTime<Utc>,
}

impl Limits {
    fn new(overrides: impl Iterator<Item = (String, RateLimit)>) -> Self {
        Self {
            overrides: overrides.collect(),
            windows: Mutex::default(),
        }
    }

    fn quota(&self, op: &str) -> Option<RateLimit> {
        self.overrides
            .get(op)
            .copied()
            .or_else(|| limits::limit(op, Tier::Base))
            .filter(|q| q.count > 0)
    }

    /// Counts `weight` units of `op` now: `Ok` with the state after, `Err` with the state
    /// when the window is spent. A request heavier than the whole quota passes alone in a
    /// fresh window. `weight` 0 only checks that something is left.
    fn admit(
        &self,
        op: &'static str,
        weight: u64,
        now: DateTime<Utc>,
    ) -> Option<Result<QuotaState, QuotaState>> {
        let q = self.quota(op)?;
        let period = TimeDelta::from_std(q.period).unwrap_or(TimeDelta::hours(1));
        let limit = u64::from(q.count);
        let mut windows = lock(&self.windows);
        let w = windows.entry(op).or_insert(Window {
            start: now,
            used: 0,
        });
        if now >= w.start + period {
            *w = Window {
                start: now,
                used: 0,
            };
        }
        let until = w.start + period;
        let fits = if weight == 0 {
            w.used < limit
        } else {
            w.used + weight <= limit || w.used == 0
        };
        let state = |used: u64| QuotaState {
            limit,
            remaining: limit.saturating_sub(used),
            until,
        };
        if !fits {
            return Some(Err(state(w.used)));
        }
        w.used = w.used.saturating_add(weight);
        Some(Ok(state(w.used)))
    }

    /// Charges `op` `units` more (items counted in the answer).
    fn charge(&self, op: &'static str, units: u64) -> Option<QuotaState> {
        let q = self.quota(op)?;
        let period = TimeDelta::from_std(q.period).unwrap_or(TimeDelta::hours(1));
        let limit = u64::from(q.count);
        let mut windows = lock(&self.windows);
        let w = windows.get_mut(op)?;
        w.used = w.used.saturating_add(units);
        Some(QuotaState {
            limit,
            remaining: limit.saturating_sub(w.used),
            until: w.start + period,
        })
    }
}

/// A time rounded up to the whole second (an HTTP date cannot say less).
fn ceil_second(t: DateTime<Utc>) -> DateTime<Utc> {
    let whole = seconds(t);
    if whole < t {
        whole + TimeDelta::seconds(1)
    } else {
        whole
    }
}

/// An HTTP date (RFC 2822 with `GMT`), e.g. `Thu, 10 Jul 2018 00:42:42 GMT`.
fn http_date(t: DateTime<Utc>) -> String {
    t.format("%a, %d %b %Y %H:%M:%S GMT").to_string()
}

fn with_quota(template: ResponseTemplate, q: &QuotaState) -> ResponseTemplate {
    template
        .insert_header("X-RateLimit-Resource-Limit", q.limit.to_string().as_str())
        .insert_header(
            "X-RateLimit-Resource-Remaining",
            q.remaining.to_string().as_str(),
        )
        .insert_header(
            "X-RateLimit-Resource-Until",
            http_date(ceil_second(q.until)).as_str(),
        )
}

/// Yandex Market's 420 answer.
fn too_many(op: &str, q: &QuotaState) -> ResponseTemplate {
    let answer = ym_error(
        420,
        "HIT_RATE_LIMIT",
        format!("Hit rate limit of {} for resource '{op}'", q.limit),
    );
    with_quota(answer.template(), &QuotaState { remaining: 0, ..*q })
}

// ---------------------------------------------------------------------------------------------
// Routing.
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Route {
    GetCampaigns,
    GetCampaign,
    GetCampaignSettings,
    GetBusinessSettings,
    GetPagedWarehouses,
    GetFulfillmentWarehouses,
    GetCategoriesTree,
    GetCategoryContentParameters,
    GetOfferMappings,
    UpdateOfferMappings,
    GetOfferCardsContentStatus,
    UpdateBusinessPrices,
    GetDefaultPrices,
    UpdateStocks,
    GetStocks,
    GetBusinessOrders,
    UpdateOrderStatus,
    UpdateOrderStatuses,
    SetOrderBoxLayout,
    GenerateOrderLabels,
    GenerateOrderLabel,
    GetOrderLabelsData,
    GetReturns,
    GetReturn,
}

/// One served operation: its spec operation id, method, path template, and whether the spec
/// lists a 404 answer (an unknown business or campaign is a 403 otherwise).
struct Endpoint {
    op: &'static str,
    method: &'static str,
    path: &'static str,
    route: Route,
    lists_404: bool,
}

const fn ep(
    op: &'static str,
    method: &'static str,
    path: &'static str,
    route: Route,
    lists_404: bool,
) -> Endpoint {
    Endpoint {
        op,
        method,
        path,
        route,
        lists_404,
    }
}

/// Every operation served, as the spec names and places it.
const ENDPOINTS: &[Endpoint] = &[
    ep(
        "getCampaigns",
        "GET",
        "/v2/campaigns",
        Route::GetCampaigns,
        true,
    ),
    ep(
        "getCampaign",
        "GET",
        "/v2/campaigns/{campaignId}",
        Route::GetCampaign,
        true,
    ),
    ep(
        "getCampaignSettings",
        "GET",
        "/v2/campaigns/{campaignId}/settings",
        Route::GetCampaignSettings,
        true,
    ),
    ep(
        "getBusinessSettings",
        "POST",
        "/v2/businesses/{businessId}/settings",
        Route::GetBusinessSettings,
        false,
    ),
    ep(
        "getPagedWarehouses",
        "POST",
        "/v2/businesses/{businessId}/warehouses",
        Route::GetPagedWarehouses,
        false,
    ),
    ep(
        "getFulfillmentWarehouses",
        "GET",
        "/v2/warehouses",
        Route::GetFulfillmentWarehouses,
        true,
    ),
    ep(
        "getCategoriesTree",
        "POST",
        "/v2/categories/tree",
        Route::GetCategoriesTree,
        true,
    ),
    ep(
        "getCategoryContentParameters",
        "POST",
        "/v2/category/{categoryId}/parameters",
        Route::GetCategoryContentParameters,
        true,
    ),
    ep(
        "getOfferMappings",
        "POST",
        "/v2/businesses/{businessId}/offer-mappings",
        Route::GetOfferMappings,
        true,
    ),
    ep(
        "updateOfferMappings",
        "POST",
        "/v2/businesses/{businessId}/offer-mappings/update",
        Route::UpdateOfferMappings,
        true,
    ),
    ep(
        "getOfferCardsContentStatus",
        "POST",
        "/v2/businesses/{businessId}/offer-cards",
        Route::GetOfferCardsContentStatus,
        true,
    ),
    ep(
        "updateBusinessPrices",
        "POST",
        "/v2/businesses/{businessId}/offer-prices/updates",
        Route::UpdateBusinessPrices,
        true,
    ),
    ep(
        "getDefaultPrices",
        "POST",
        "/v2/businesses/{businessId}/offer-prices",
        Route::GetDefaultPrices,
        true,
    ),
    ep(
        "updateStocks",
        "PUT",
        "/v2/campaigns/{campaignId}/offers/stocks",
        Route::UpdateStocks,
        true,
    ),
    ep(
        "getStocks",
        "POST",
        "/v2/campaigns/{campaignId}/offers/stocks",
        Route::GetStocks,
        false,
    ),
    ep(
        "getBusinessOrders",
        "POST",
        "/v1/businesses/{businessId}/orders",
        Route::GetBusinessOrders,
        true,
    ),
    ep(
        "updateOrderStatus",
        "PUT",
        "/v2/campaigns/{campaignId}/orders/{orderId}/status",
        Route::UpdateOrderStatus,
        true,
    ),
    ep(
        "updateOrderStatuses",
        "POST",
        "/v2/campaigns/{campaignId}/orders/status-update",
        Route::UpdateOrderStatuses,
        true,
    ),
    ep(
        "setOrderBoxLayout",
        "PUT",
        "/v2/campaigns/{campaignId}/orders/{orderId}/boxes",
        Route::SetOrderBoxLayout,
        true,
    ),
    ep(
        "generateOrderLabels",
        "GET",
        "/v2/campaigns/{campaignId}/orders/{orderId}/delivery/labels",
        Route::GenerateOrderLabels,
        true,
    ),
    ep(
        "generateOrderLabel",
        "GET",
        "/v2/campaigns/{campaignId}/orders/{orderId}/delivery/shipments/{shipmentId}/boxes/{boxId}/label",
        Route::GenerateOrderLabel,
        true,
    ),
    ep(
        "getOrderLabelsData",
        "GET",
        "/v2/campaigns/{campaignId}/orders/{orderId}/delivery/labels/data",
        Route::GetOrderLabelsData,
        true,
    ),
    ep(
        "getReturns",
        "GET",
        "/v2/campaigns/{campaignId}/returns",
        Route::GetReturns,
        true,
    ),
    ep(
        "getReturn",
        "GET",
        "/v2/campaigns/{campaignId}/orders/{orderId}/returns/{returnId}",
        Route::GetReturn,
        true,
    ),
];

/// The values of a path's `{placeholders}`, by name.
type Params = Vec<(&'static str, String)>;

/// The placeholders' values when `path` matches `template`.
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

/// The endpoint a request names (a literal path segment wins over a placeholder).
fn find_endpoint(method: &str, path: &str) -> Option<(&'static Endpoint, Params)> {
    ENDPOINTS
        .iter()
        .filter(|e| e.method == method)
        .filter_map(|e| match_path(e.path, path).map(|p| (e, p)))
        .min_by_key(|(_, params)| params.len())
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

    /// A numeric path parameter.
    fn id(&self, name: &str) -> Result<i64, Answer> {
        self.param(name)
            .parse()
            .map_err(|_| bad_request(format!("{name} is not a number: {:?}", self.param(name))))
    }

    fn query(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every value of a list parameter, given repeated or comma-separated.
    fn list(&self, names: &[&str]) -> Vec<String> {
        self.query
            .iter()
            .filter(|(n, _)| names.contains(&n.as_str()))
            .flat_map(|(_, v)| v.split(','))
            .map(|v| v.trim().to_owned())
            .filter(|v| !v.is_empty())
            .collect()
    }

    /// An integer query parameter.
    fn int(&self, name: &str) -> Result<Option<i64>, Answer> {
        match self.query(name) {
            None => Ok(None),
            Some(v) => v
                .trim()
                .parse()
                .map(Some)
                .map_err(|_| bad_request(format!("{name} is not an integer: {v:?}"))),
        }
    }

    /// The page size: `default` when absent; above `max` truncated (the spec's
    /// `truncateLimit`) or refused.
    fn limit(&self, default: usize, max: usize, truncate: bool) -> Result<usize, Answer> {
        match self.int("limit")? {
            None => Ok(default),
            Some(l) if l < 1 => Err(bad_request(format!("limit {l} is below 1"))),
            Some(l) if l as u64 > max as u64 && truncate => Ok(max),
            Some(l) if l as u64 > max as u64 => Err(bad_request(format!(
                "limit {l} is above the maximum of {max}"
            ))),
            Some(l) => Ok(l as usize),
        }
    }

    /// The position a page token of `kind` holds (`pageToken` or `page_token`).
    fn token(&self, kind: &str) -> Result<Option<i64>, Answer> {
        let Some(t) = self
            .query("pageToken")
            .or_else(|| self.query("page_token"))
            .filter(|t| !t.is_empty())
        else {
            return Ok(None);
        };
        read_token(kind, t)
            .map(Some)
            .ok_or_else(|| bad_request(format!("Invalid page token {t:?}")))
    }
}

/// One page of `items` from `offset`: the page and the next page's token.
fn page_of<T: Clone>(
    items: &[T],
    kind: &str,
    offset: i64,
    limit: usize,
) -> (Vec<T>, Option<String>) {
    let start = usize::try_from(offset).unwrap_or(0).min(items.len());
    let end = start.saturating_add(limit).min(items.len());
    let page = items.get(start..end).map(<[T]>::to_vec).unwrap_or_default();
    let next = (end < items.len()).then(|| page_token(kind, end as i64));
    (page, next)
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

impl Emulator {
    /// The business or campaign of the path: 400 when not a number, 404 (or 403) when the key
    /// does not reach it.
    fn check_scope(endpoint: &Endpoint, args: &Args) -> Result<(), Answer> {
        let refuse = |what: &str, id: i64, code_404: &str| {
            if endpoint.lists_404 {
                ym_error(404, code_404, format!("{what} {id} not found"))
            } else {
                ym_error(403, "FORBIDDEN", format!("Access denied to {what} {id}"))
            }
        };
        if endpoint.path.contains("{businessId}") {
            let id = args.id("businessId")?;
            if id != SANDBOX_BUSINESS_ID.0 {
                return Err(refuse("business", id, "BUSINESS_NOT_FOUND"));
            }
        }
        if endpoint.path.contains("{campaignId}") {
            let id = args.id("campaignId")?;
            if id != SANDBOX_CAMPAIGN_ID.0 {
                return Err(refuse("campaign", id, "CAMPAIGN_NOT_FOUND"));
            }
        }
        Ok(())
    }
}

impl Respond for Emulator {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let request_id = format!(
            "{:016x}/sandbox",
            self.traces
                .fetch_add(1, Ordering::Relaxed)
                .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        );
        let method = request.method.as_str();
        let path = request.url.path();
        let found = find_endpoint(method, path);
        match &found {
            Some((e, _)) => self.requests.record(e.method, e.path),
            None => self.requests.record(method, path),
        }
        let finish =
            |t: ResponseTemplate| t.insert_header("X-Market-Request-Id", request_id.as_str());
        let key = request
            .headers
            .get("api-key")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        if key != SANDBOX_API_KEY {
            let message = if key.is_empty() {
                "The Api-Key header is missing"
            } else {
                "The Api-Key is not valid"
            };
            return finish(ym_error(401, "UNAUTHORIZED", message).template());
        }
        let now = Utc::now();
        let fault = self.faults.next(path);
        match fault {
            Some(Fault::RateLimited) => {
                let op = found.as_ref().map_or("unknown", |(e, _)| e.op);
                let q = QuotaState {
                    limit: found
                        .as_ref()
                        .and_then(|(e, _)| limits::limit(e.op, Tier::Base))
                        .map_or(1, |q| u64::from(q.count)),
                    remaining: 0,
                    until: now + TimeDelta::milliseconds(1),
                };
                return finish(too_many(op, &q));
            }
            Some(Fault::ServerError) => {
                return finish(
                    ym_error(
                        500,
                        "INTERNAL_ERROR",
                        "Injected by the sandbox's fault plan",
                    )
                    .template(),
                );
            }
            _ => {}
        }
        let Some((endpoint, params)) = found else {
            return finish(
                not_found(format!("{method} {path} is not a method of the sandbox")).template(),
            );
        };
        if request.body.len() > MAX_BODY_BYTES {
            return finish(
                ym_error(
                    413,
                    "REQUEST_LIMIT_EXCEEDED",
                    format!(
                        "The request body is {} bytes, over the limit of {MAX_BODY_BYTES}",
                        request.body.len()
                    ),
                )
                .template(),
            );
        }
        let args = Args {
            params,
            query: request
                .url
                .query_pairs()
                .map(|(k, v)| (k.into_owned(), v.into_owned()))
                .collect(),
        };
        if let Err(answer) = Self::check_scope(endpoint, &args) {
            return finish(answer.template());
        }
        // Quota: requests, the items of the request, or (checked now, charged after) the items
        // of the answer.
        let counts = self
            .limits
            .as_ref()
            .and_then(|l| l.quota(endpoint.op))
            .map(|q| q.unit);
        let item_path = limits::table()
            .iter()
            .find(|l| l.operation == endpoint.op)
            .and_then(|l| match l.counts {
                limits::Counts::Items(p) => Some(p),
                limits::Counts::Requests => None,
            })
            .filter(|_| counts == Some(QuotaUnit::Items));
        let (weight, answer_path) = match item_path {
            Some(p) if p.starts_with("req.") => {
                let doc: Value = serde_json::from_slice(&request.body).unwrap_or(Value::Null);
                let segments: Vec<&str> = p.split('.').skip(1).collect();
                (count_at(&doc, &segments).max(1), None)
            }
            Some(p) => (0, Some(p)),
            None => (1, None),
        };
        let mut quota = None;
        if let Some(l) = &self.limits {
            match l.admit(endpoint.op, weight, now) {
                Some(Err(q)) => return finish(too_many(endpoint.op, &q)),
                Some(Ok(q)) => quota = Some(q),
                None => {}
            }
        }
        let answer = {
            let mut st = lock(&self.state);
            st.route(endpoint.route, &args, &request.body, now)
                .unwrap_or_else(|e| e)
        };
        if let (Some(p), Some(l)) = (answer_path, &self.limits)
            && answer.status == 200
        {
            let doc: Value = serde_json::from_slice(&answer.body).unwrap_or(Value::Null);
            let segments: Vec<&str> = p.split('.').skip(1).collect();
            quota = l.charge(endpoint.op, count_at(&doc, &segments)).or(quota);
        }
        let mut template = finish(answer.template());
        if let Some(q) = &quota {
            template = with_quota(template, q);
        }
        // A replayed page (the previous answer of the path again) needs the answers kept.
        self.faults
            .answer(path, fault, template, &answer.body, answer.content_type)
    }
}

// ---------------------------------------------------------------------------------------------
// The handlers.
// ---------------------------------------------------------------------------------------------

impl State {
    fn route(&mut self, route: Route, args: &Args, body: &[u8], now: DateTime<Utc>) -> Handled {
        match route {
            Route::GetCampaigns => Self::campaigns(args),
            Route::GetCampaign => ok(&CampaignResponse {
                campaign: Some(campaign()),
            }),
            Route::GetCampaignSettings => Self::campaign_settings(),
            Route::GetBusinessSettings => ok(&BusinessSettingsResponse {
                status: Some(ApiStatus::Ok),
                result: Some(BusinessSettingsInfo {
                    info: Some(business()),
                    settings: Some(BusinessSettings {
                        only_default_price: Some(true),
                        currency: Some(CurrencyType::Rur),
                    }),
                    subscription_level: Some(SubscriptionLevel::None),
                    traits: Vec::new(),
                }),
            }),
            Route::GetPagedWarehouses => Self::warehouses(args, body),
            Route::GetFulfillmentWarehouses => Self::fulfillment_warehouses(args),
            Route::GetCategoriesTree => Self::categories_tree(body),
            Route::GetCategoryContentParameters => Self::category_parameters(args),
            Route::GetOfferMappings => self.offer_mappings(args, body),
            Route::UpdateOfferMappings => self.update_offer_mappings(args, body, now),
            Route::GetOfferCardsContentStatus => self.offer_cards(args, body),
            Route::UpdateBusinessPrices => self.update_prices(body, now),
            Route::GetDefaultPrices => self.default_prices(args, body),
            Route::UpdateStocks => self.update_stocks(body, now),
            Route::GetStocks => self.stocks(args, body),
            Route::GetBusinessOrders => self.business_orders(args, body, now),
            Route::UpdateOrderStatus => self.update_order_status(args, body, now),
            Route::UpdateOrderStatuses => self.update_order_statuses(body, now),
            Route::SetOrderBoxLayout => self.set_boxes(args, body, now),
            Route::GenerateOrderLabels => self.labels(args),
            Route::GenerateOrderLabel => self.box_label(args),
            Route::GetOrderLabelsData => self.labels_data(args),
            Route::GetReturns => self.returns_list(args),
            Route::GetReturn => self.return_one(args),
        }
    }

    // ---- campaigns, warehouses, categories ---------------------------------------------------

    fn campaigns(args: &Args) -> Handled {
        args.limit(100, 100, false)?;
        if let Some(position) = args.token("campaigns")?
            && position != 0
        {
            return ok(&CampaignsResponse::default());
        }
        ok(&CampaignsResponse {
            campaigns: vec![campaign()],
            pager: Some(FlippingPager {
                total: Some(1),
                from: Some(1),
                to: Some(1),
                current_page: Some(1),
                pages_count: Some(1),
                page_size: Some(1),
            }),
            paging: pager(None),
        })
    }

    fn campaign_settings() -> Handled {
        ok(&CampaignSettingsResponse {
            settings: Some(CampaignSettings {
                country_region: Some(225),
                shop_name: Some(SHOP_NAME.into()),
                local_region: Some(CampaignLocalRegion {
                    id: Some(213),
                    name: "Москва".into(),
                    region_type: Some(CampaignRegionType::City),
                    delivery_options_source: Some(ScheduleSource::Web),
                    delivery: Some(CampaignDelivery {
                        schedule: Some(CampaignSchedule {
                            available_on_holidays: Some(false),
                            weekly_holidays: vec![6, 7],
                            ..CampaignSchedule::default()
                        }),
                    }),
                }),
                taxation: TaxationInfo {
                    vat: Some(VatRate::Vat22),
                },
                ..CampaignSettings::default()
            }),
        })
    }

    fn warehouses(args: &Args, body: &[u8]) -> Handled {
        let limit = args.limit(15, 30, false)?;
        let offset = args.token("warehouses")?.unwrap_or(0);
        let request: PagedWarehousesRequest = optional_body(body)?;
        if let Some(ids) = &request.campaign_ids
            && (ids.is_empty() || ids.len() > 25)
        {
            return Err(bad_request("campaignIds takes 1 to 25 campaigns"));
        }
        let components = request.components.unwrap_or_default();
        let all: Vec<WarehouseDetails> = [WarehouseDetails {
            id: SANDBOX_WAREHOUSE_ID,
            name: "Склад Песочница".into(),
            campaign_id: SANDBOX_CAMPAIGN_ID,
            express: false,
            group_info: None,
            address: components
                .contains(&WarehouseComponent::Address)
                .then(|| WarehouseAddress {
                    city: "Москва".into(),
                    street: Some("Складская".into()),
                    number: Some("1".into()),
                    building: None,
                    block: None,
                    gps: Gps {
                        latitude: 55.75,
                        longitude: 37.62,
                    },
                }),
            status: components
                .contains(&WarehouseComponent::Status)
                .then_some(WarehouseStatus {
                    status: Some(WarehouseStatusType::Other),
                }),
        }]
        .into_iter()
        .filter(|w| {
            request
                .campaign_ids
                .as_ref()
                .is_none_or(|ids| ids.contains(&w.campaign_id))
        })
        .collect();
        let (warehouses, next) = page_of(&all, "warehouses", offset, limit);
        ok(&PagedWarehousesResponse {
            status: Some(ApiStatus::Ok),
            result: Some(PagedWarehouses {
                warehouses,
                paging: pager(next),
            }),
        })
    }

    fn fulfillment_warehouses(args: &Args) -> Handled {
        if let Some(c) = args.int("campaignId")?
            && c != SANDBOX_CAMPAIGN_ID.0
        {
            return Err(ym_error(
                404,
                "CAMPAIGN_NOT_FOUND",
                format!("campaign {c} not found"),
            ));
        }
        let wh = |id: i64, name: &str, city: &str, street: &str, lat: f64, lon: f64| {
            FulfillmentWarehouse {
                id: WarehouseId(id),
                name: name.into(),
                address: Some(WarehouseAddress {
                    city: city.into(),
                    street: Some(street.into()),
                    number: Some("1".into()),
                    building: None,
                    block: None,
                    gps: Gps {
                        latitude: lat,
                        longitude: lon,
                    },
                }),
            }
        };
        ok(&FulfillmentWarehousesResponse {
            status: Some(ApiStatus::Ok),
            result: Some(FulfillmentWarehouses {
                warehouses: vec![
                    wh(
                        172,
                        "Яндекс Маркет (Софьино)",
                        "Софьино",
                        "Логистическая",
                        55.49,
                        38.1,
                    ),
                    wh(
                        147,
                        "Яндекс Маркет (Томилино)",
                        "Томилино",
                        "Птицефабрика",
                        55.66,
                        37.93,
                    ),
                    wh(
                        300,
                        "Яндекс Маркет (Ростов-на-Дону)",
                        "Ростов-на-Дону",
                        "Портовая",
                        47.2,
                        39.62,
                    ),
                ],
            }),
        })
    }

    fn categories_tree(body: &[u8]) -> Handled {
        let request: CategoriesTreeRequest = optional_body(body)?;
        let english = request.language == Some(Language::En);
        ok(&CategoriesTreeResponse {
            status: Some(ApiStatus::Ok),
            result: Some(category_tree(90401, english)),
        })
    }

    fn category_parameters(args: &Args) -> Handled {
        let id = args.id("categoryId")?;
        if id <= 0 {
            return Err(bad_request(format!("categoryId {id} is not above 0")));
        }
        if let Some(b) = args.int("businessId")?
            && b != SANDBOX_BUSINESS_ID.0
        {
            return Err(ym_error(
                403,
                "FORBIDDEN",
                format!("Access denied to business {b}"),
            ));
        }
        let category = CategoryId(id);
        if category_name(category).is_none() {
            return Err(ym_error(
                404,
                "NOT_FOUND",
                format!("category {id} not found"),
            ));
        }
        if !is_leaf(category) {
            return Err(ym_error(
                400,
                "INVALID_CATEGORY",
                format!("category {id} is not a leaf category"),
            ));
        }
        ok(&CategoryContentParametersResponse {
            status: Some(ApiStatus::Ok),
            result: Some(CategoryContentParameters {
                category_id: category,
                parameters: category_parameters(),
            }),
        })
    }

    // ---- offers ----------------------------------------------------------------------------

    fn offer_model(o: &OfferRec) -> OfferMapping {
        let category = o.category;
        OfferMapping {
            offer: Some(Offer {
                offer_id: o.offer_id.clone(),
                name: o.name.clone(),
                market_category_id: category,
                pictures: o.pictures.clone(),
                vendor: o.vendor.clone(),
                barcodes: o.barcodes.clone(),
                description: o.description.clone(),
                weight_dimensions: o.weight_dimensions.clone(),
                vendor_code: o.vendor_code.clone(),
                tags: o.tags.clone(),
                basic_price: o.price.as_ref().map(|p| PriceWithDiscountInfo {
                    value: p.value,
                    currency_id: p.currency.clone(),
                    discount_base: p.discount_base,
                    updated_at: p.updated_at,
                }),
                card_status: Some(o.card_status()),
                campaigns: vec![OfferCampaign {
                    campaign_id: SANDBOX_CAMPAIGN_ID,
                    status: if o.archived {
                        OfferCampaignStatus::Archived
                    } else if o.market_sku.is_none() {
                        OfferCampaignStatus::NoCard
                    } else if o.stock.is_none_or(|(n, _)| n <= 0) {
                        OfferCampaignStatus::NoStocks
                    } else {
                        OfferCampaignStatus::Published
                    },
                }],
                selling_programs: vec![OfferSellingProgram {
                    selling_program: SellingProgram::Fbs,
                    status: OfferSellingProgramStatus::Fine,
                }],
                archived: Some(o.archived),
                ..Offer::default()
            }),
            mapping: o.market_sku.map(|sku| Mapping {
                market_sku: Some(sku),
                market_sku_name: o.name.clone(),
                market_model_name: o.name.clone(),
                market_category_id: category,
                market_category_name: category.and_then(category_name).map(str::to_owned),
            }),
            showcase_urls: Vec::new(),
        }
    }

    fn offer_mappings(&mut self, args: &Args, body: &[u8]) -> Handled {
        let limit = args.limit(50, 100, true)?;
        check_language(args)?;
        let offset = args.token("offer-mappings")?.unwrap_or(0);
        let request: GetOfferMappingsRequest = optional_body(body)?;
        self.offers.iter_mut().for_each(OfferRec::settle);
        if request.offer_ids.len() > 100 {
            return Err(bad_request(format!(
                "{} offerIds, at most 100",
                request.offer_ids.len()
            )));
        }
        if !request.offer_ids.is_empty() && request.has_filters() {
            return Err(bad_request(
                "offerIds cannot be combined with the other filters",
            ));
        }
        let wanted: Vec<usize> = (0..self.offers.len())
            .filter(|i| {
                self.offers.get(*i).is_some_and(|o| {
                    if !request.offer_ids.is_empty() {
                        return request.offer_ids.iter().any(|id| id.trim() == o.offer_id);
                    }
                    o.archived == request.archived.unwrap_or(false)
                        && (request.card_statuses.is_empty()
                            || request.card_statuses.contains(&o.card_status()))
                        && (request.category_ids.is_empty()
                            || o.category
                                .is_some_and(|c| request.category_ids.contains(&c)))
                        && (request.vendor_names.is_empty()
                            || o.vendor
                                .as_ref()
                                .is_some_and(|v| request.vendor_names.contains(v)))
                        && (request.tags.is_empty()
                            || o.tags.iter().any(|t| request.tags.contains(t)))
                })
            })
            .collect();
        let (page, next) = if request.offer_ids.is_empty() {
            page_of(&wanted, "offer-mappings", offset, limit)
        } else {
            (wanted, None)
        };
        let mut offer_mappings = Vec::with_capacity(page.len());
        for i in page {
            if let Some(o) = self.offers.get_mut(i) {
                offer_mappings.push(Self::offer_model(o));
                o.shown();
            }
        }
        ok(&GetOfferMappingsResponse {
            status: Some(ApiStatus::Ok),
            result: Some(GetOfferMappingsResult {
                paging: pager(next),
                offer_mappings,
            }),
        })
    }

    /// The errors of one offer of an update (unknown or non-leaf category, parameter values
    /// that do not fit the category).
    fn offer_errors(&self, o: &UpdateOffer) -> Vec<OfferMappingError> {
        let mut errors = Vec::new();
        let error = |kind, parameter: Option<ParameterId>, message: String| OfferMappingError {
            kind,
            parameter_id: parameter,
            message,
        };
        let existing = self.offer(o.offer_id.trim());
        let category = o
            .market_category_id
            .or_else(|| existing.and_then(|e| e.category));
        if let Some(c) = o.market_category_id {
            if category_name(c).is_none() {
                errors.push(error(
                    OfferMappingErrorType::UnknownCategory,
                    None,
                    format!("Category {c} does not exist"),
                ));
                return errors;
            }
            if !is_leaf(c) {
                errors.push(error(
                    OfferMappingErrorType::InvalidCategory,
                    None,
                    format!("Category {c} is not a leaf category"),
                ));
                return errors;
            }
        }
        if o.parameter_values.is_empty() {
            return errors;
        }
        if category.is_none() {
            errors.push(error(
                OfferMappingErrorType::EmptyMarketCategory,
                None,
                "Parameter values need the offer's category".into(),
            ));
            return errors;
        }
        let parameters = category_parameters();
        for v in &o.parameter_values {
            let Some(p) = parameters.iter().find(|p| p.id == v.parameter_id) else {
                errors.push(error(
                    OfferMappingErrorType::UnknownParameter,
                    Some(v.parameter_id),
                    format!(
                        "Parameter {} is not a parameter of the category",
                        v.parameter_id
                    ),
                ));
                continue;
            };
            let text = v.value.as_deref().unwrap_or("").trim();
            match p.kind {
                ParameterType::Numeric
                    if !text.is_empty() && text.replace(',', ".").parse::<f64>().is_err() =>
                {
                    errors.push(error(
                        OfferMappingErrorType::NumberFormat,
                        Some(v.parameter_id),
                        format!("{text:?} is not a number"),
                    ));
                }
                ParameterType::Boolean if !text.is_empty() && text != "true" && text != "false" => {
                    errors.push(error(
                        OfferMappingErrorType::UnexpectedBooleanValue,
                        Some(v.parameter_id),
                        format!("{text:?} is not true or false"),
                    ));
                }
                _ => {}
            }
            if let Some(unit) = v.unit_id
                && !p
                    .unit
                    .as_ref()
                    .is_some_and(|u| u.units.iter().any(|x| x.id == unit))
            {
                errors.push(error(
                    OfferMappingErrorType::InvalidUnitId,
                    Some(v.parameter_id),
                    format!("Unit {unit} is not a unit of the parameter"),
                ));
            }
        }
        errors
    }

    fn update_offer_mappings(&mut self, args: &Args, body: &[u8], now: DateTime<Utc>) -> Handled {
        check_language(args)?;
        let request: UpdateOfferMappingsRequest = self::body(body)?;
        let n = request.offer_mappings.len();
        if n == 0 || n > 500 {
            return Err(bad_request(format!(
                "offerMappings takes 1 to 500 offers, got {n}"
            )));
        }
        let mut seen = HashSet::new();
        for m in &request.offer_mappings {
            let id = m.offer.offer_id.trim();
            check_offer_id(id)?;
            if !seen.insert(id.to_owned()) {
                return Err(ym_error(
                    400,
                    "DUPLICATE_OFFER",
                    format!("Offer {id} is given more than once"),
                ));
            }
            if let Some(p) = &m.offer.basic_price
                && p.value <= Decimal::ZERO
            {
                return Err(bad_request(format!(
                    "offer {id}: basicPrice.value {} is not above 0",
                    p.value
                )));
            }
        }
        let results: Vec<UpdateOfferMappingResult> = request
            .offer_mappings
            .iter()
            .filter_map(|m| {
                let errors = self.offer_errors(&m.offer);
                (!errors.is_empty()).then(|| UpdateOfferMappingResult {
                    offer_id: m.offer.offer_id.trim().to_owned(),
                    errors,
                    warnings: Vec::new(),
                })
            })
            .collect();
        if !results.is_empty() {
            // Yandex Market saves nothing of a request in which an offer has errors.
            return ok(&UpdateOfferMappingsResponse {
                status: Some(ApiStatus::Error),
                results,
            });
        }
        for m in request.offer_mappings {
            let suggested = m.mapping.and_then(|m| m.market_sku);
            self.save_offer(m.offer, suggested, now);
        }
        ok(&UpdateOfferMappingsResponse {
            status: Some(ApiStatus::Ok),
            results: Vec::new(),
        })
    }

    /// Creates an offer or changes the fields sent.
    fn save_offer(&mut self, o: UpdateOffer, suggested: Option<MarketSku>, now: DateTime<Utc>) {
        let id = o.offer_id.trim().to_owned();
        let index = match self.offer_index(&id) {
            Some(i) => i,
            None => {
                self.offers.push(OfferRec {
                    offer_id: id.clone(),
                    name: None,
                    category: None,
                    vendor: None,
                    vendor_code: None,
                    description: None,
                    pictures: Vec::new(),
                    barcodes: Vec::new(),
                    tags: Vec::new(),
                    parameter_values: Vec::new(),
                    weight_dimensions: None,
                    price: None,
                    stock: None,
                    market_sku: None,
                    card: CardState::Processing,
                    had_card: false,
                    archived: false,
                });
                self.offers.len() - 1
            }
        };
        let Some(rec) = self.offers.get_mut(index) else {
            return;
        };
        if let Some(v) = o.name {
            rec.name = Some(v);
        }
        if let Some(v) = o.market_category_id {
            rec.category = Some(v);
        }
        if let Some(v) = o.vendor {
            rec.vendor = Some(v);
        }
        if let Some(v) = o.vendor_code {
            rec.vendor_code = Some(v);
        }
        if let Some(v) = o.description {
            rec.description = Some(v);
        }
        if !o.pictures.is_empty() {
            rec.pictures = o.pictures;
        }
        if !o.barcodes.is_empty() {
            rec.barcodes = o.barcodes;
        }
        if !o.tags.is_empty() {
            rec.tags = o.tags;
        }
        if let Some(v) = o.weight_dimensions {
            rec.weight_dimensions = Some(v);
        }
        for v in o.parameter_values {
            rec.parameter_values
                .retain(|x| x.parameter_id != v.parameter_id);
            rec.parameter_values.push(v);
        }
        if let Some(p) = o.basic_price {
            rec.price = Some(PriceRec {
                value: p.value,
                currency: p.currency_id,
                discount_base: p.discount_base,
                minimum_for_bestseller: rec.price.as_ref().and_then(|x| x.minimum_for_bestseller),
                updated_at: seconds(now),
            });
        }
        if let Some(sku) = suggested {
            rec.market_sku = Some(sku);
        }
        rec.had_card = rec.market_sku.is_some();
        rec.card = CardState::Processing;
    }

    fn offer_cards(&mut self, args: &Args, body: &[u8]) -> Handled {
        let limit = args.limit(100, 200, false)?;
        let offset = args.token("offer-cards")?.unwrap_or(0);
        let request: GetOfferCardsContentStatusRequest = optional_body(body)?;
        self.offers.iter_mut().for_each(OfferRec::settle);
        if request.offer_ids.len() > 200 || request.category_ids.len() > 200 {
            return Err(bad_request(
                "offerIds and categoryIds take at most 200 items",
            ));
        }
        let wanted: Vec<usize> = (0..self.offers.len())
            .filter(|i| {
                self.offers.get(*i).is_some_and(|o| {
                    (request.offer_ids.is_empty()
                        || request.offer_ids.iter().any(|id| id.trim() == o.offer_id))
                        && (request.card_statuses.is_empty()
                            || request.card_statuses.contains(&o.card_status()))
                        && (request.category_ids.is_empty()
                            || o.category
                                .is_some_and(|c| request.category_ids.contains(&c)))
                })
            })
            .collect();
        let (page, next) = page_of(&wanted, "offer-cards", offset, limit);
        let mut offer_cards = Vec::with_capacity(page.len());
        for i in page {
            let Some(o) = self.offers.get_mut(i) else {
                continue;
            };
            let status = o.card_status();
            let missing = o.missing();
            let ready = o.card == CardState::Ready;
            offer_cards.push(OfferCard {
                offer_id: o.offer_id.clone(),
                mapping: o.market_sku.map(|sku| Mapping {
                    market_sku: Some(sku),
                    market_sku_name: o.name.clone(),
                    market_category_id: o.category,
                    market_category_name: o.category.and_then(category_name).map(str::to_owned),
                    ..Mapping::default()
                }),
                parameter_values: o.parameter_values.clone(),
                card_status: Some(status.clone()),
                content_rating: Some(if missing.is_empty() { 80 } else { 20 }),
                average_content_rating: request.with_recommendations.filter(|w| *w).map(|_| 70),
                content_rating_status: Some(if ready {
                    OfferCardContentStatus::Actual
                } else {
                    OfferCardContentStatus::Updating
                }),
                errors: if status == OfferCardStatus::NoCardNeedContent {
                    vec![OfferError {
                        message: Some(format!(
                            "Не заполнены обязательные поля: {}",
                            missing.join(", ")
                        )),
                        comment: None,
                    }]
                } else {
                    Vec::new()
                },
                ..OfferCard::default()
            });
            o.shown();
        }
        ok(&GetOfferCardsContentStatusResponse {
            status: Some(ApiStatus::Ok),
            result: Some(OfferCardsContentStatus {
                offer_cards,
                paging: pager(next),
            }),
        })
    }

    // ---- prices ----------------------------------------------------------------------------

    fn update_prices(&mut self, body: &[u8], now: DateTime<Utc>) -> Handled {
        let request: UpdateBusinessPricesRequest = self::body(body)?;
        let n = request.offers.len();
        if n == 0 || n > 500 {
            return Err(bad_request(format!(
                "offers takes 1 to 500 offers, got {n}"
            )));
        }
        let mut seen = HashSet::new();
        let mut unknown = Vec::new();
        for o in &request.offers {
            check_offer_id(&o.offer_id)?;
            if !seen.insert(o.offer_id.as_str()) {
                return Err(ym_error(
                    400,
                    "DUPLICATE_OFFER",
                    format!("Offer {} is given more than once", o.offer_id),
                ));
            }
            let p = &o.price;
            if p.value <= Decimal::ZERO {
                return Err(bad_request(format!(
                    "offers[{}].price.value: {} must be greater than 0",
                    o.offer_id, p.value
                )));
            }
            if p.currency_id != CurrencyType::Rur {
                return Err(ym_error(
                    400,
                    "INVALID_CURRENCY",
                    format!(
                        "offer {}: the business's currency is RUR, not {}",
                        o.offer_id, p.currency_id
                    ),
                ));
            }
            if let Some(base) = p.discount_base
                && base <= p.value
            {
                return Err(bad_request(format!(
                    "offer {}: discountBase {base} must be greater than value {}",
                    o.offer_id, p.value
                )));
            }
            if let Some(m) = p.minimum_for_bestseller
                && (m <= Decimal::ZERO || m > Decimal::from(100_000_000))
            {
                return Err(bad_request(format!(
                    "offer {}: minimumForBestseller {m} is out of range",
                    o.offer_id
                )));
            }
            if self.offer(&o.offer_id).is_none() {
                unknown.push((
                    "OFFER_NOT_FOUND".to_owned(),
                    format!("Offer {} is not in the catalogue", o.offer_id),
                ));
            }
        }
        if !unknown.is_empty() {
            return Err(ym_errors(400, unknown));
        }
        for o in request.offers {
            if let Some(i) = self.offer_index(&o.offer_id)
                && let Some(rec) = self.offers.get_mut(i)
            {
                rec.price = Some(PriceRec {
                    value: o.price.value,
                    currency: o.price.currency_id,
                    discount_base: o.price.discount_base,
                    minimum_for_bestseller: o.price.minimum_for_bestseller,
                    updated_at: seconds(now),
                });
            }
        }
        empty_ok()
    }

    fn default_prices(&self, args: &Args, body: &[u8]) -> Handled {
        let limit = args.limit(250, 500, true)?;
        let offset = args.token("offer-prices")?.unwrap_or(0);
        let request: GetDefaultPricesRequest = optional_body(body)?;
        if let Some(ids) = &request.offer_ids
            && (ids.is_empty() || ids.len() > 200)
        {
            return Err(bad_request("offerIds takes 1 to 200 offers"));
        }
        let all: Vec<OfferDefaultPrice> = self
            .offers
            .iter()
            .filter(|o| match &request.offer_ids {
                Some(ids) => ids.contains(&o.offer_id),
                None => o.archived == request.archived.unwrap_or(false),
            })
            .map(|o| OfferDefaultPrice {
                offer_id: o.offer_id.clone(),
                price: o.price.as_ref().map(|p| DefaultPrice {
                    value: Some(p.value),
                    currency_id: Some(p.currency.clone()),
                    discount_base: p.discount_base,
                    minimum_for_bestseller: p.minimum_for_bestseller,
                    excluded_from_bestsellers: Some(false),
                    updated_at: Some(p.updated_at),
                }),
            })
            .collect();
        let (offers, next) = page_of(&all, "offer-prices", offset, limit);
        ok(&GetDefaultPricesResponse {
            status: Some(ApiStatus::Ok),
            result: Some(DefaultPrices {
                offers,
                paging: pager(next),
            }),
        })
    }

    // ---- stocks ----------------------------------------------------------------------------

    fn update_stocks(&mut self, body: &[u8], now: DateTime<Utc>) -> Handled {
        let request: UpdateStocksRequest = self::body(body)?;
        let n = request.skus.len();
        if n == 0 || n > 2000 {
            return Err(bad_request(format!("skus takes 1 to 2000 SKUs, got {n}")));
        }
        let mut seen = HashSet::new();
        let mut unknown = Vec::new();
        for s in &request.skus {
            check_offer_id(&s.sku)?;
            if !seen.insert(s.sku.as_str()) {
                return Err(ym_error(
                    400,
                    "DUPLICATE_OFFER",
                    format!("SKU {} is given more than once", s.sku),
                ));
            }
            let [item] = s.items.as_slice() else {
                return Err(bad_request(format!(
                    "SKU {}: items takes exactly one entry, got {}",
                    s.sku,
                    s.items.len()
                )));
            };
            if item.count < 0 {
                return Err(bad_request(format!(
                    "SKU {}: count {} must not be negative",
                    s.sku, item.count
                )));
            }
            if item.count > 2_000_000_000 {
                return Err(bad_request(format!(
                    "SKU {}: count {} is above the maximum",
                    s.sku, item.count
                )));
            }
            if self.offer(&s.sku).is_none() {
                unknown.push((
                    "OFFER_NOT_FOUND".to_owned(),
                    format!("Offer {} is not in the catalogue", s.sku),
                ));
            }
        }
        if !unknown.is_empty() {
            return Err(ym_errors(400, unknown));
        }
        for s in request.skus {
            let Some(item) = s.items.first() else {
                continue;
            };
            let at = item.updated_at.map_or(seconds(now), seconds);
            if let Some(i) = self.offer_index(&s.sku)
                && let Some(rec) = self.offers.get_mut(i)
            {
                rec.stock = Some((item.count, at));
            }
        }
        empty_ok()
    }

    fn stocks(&self, args: &Args, body: &[u8]) -> Handled {
        let request: GetStocksRequest = optional_body(body)?;
        let (limit, offset) = if let Some(ids) = &request.offer_ids {
            if ids.is_empty() || ids.len() > 500 {
                return Err(bad_request("offerIds takes 1 to 500 SKUs"));
            }
            if args.query("pageToken").is_some() || args.query("limit").is_some() {
                return Err(bad_request(
                    "offerIds cannot be combined with pageToken or limit",
                ));
            }
            (500, 0)
        } else {
            (
                args.limit(100, 200, false)?,
                args.token("stocks")?.unwrap_or(0),
            )
        };
        let all: Vec<WarehouseOffer> = if request
            .stocks_warehouse_id
            .is_some_and(|w| w != SANDBOX_WAREHOUSE_ID)
        {
            Vec::new()
        } else {
            self.offers
                .iter()
                .filter(|o| match &request.offer_ids {
                    Some(ids) => ids.contains(&o.offer_id),
                    None => o.archived == request.archived.unwrap_or(false),
                })
                .filter_map(|o| {
                    let available = o.stock.map_or(0, |(n, _)| n);
                    let frozen = self.frozen(&o.offer_id);
                    let fit = available + frozen;
                    if let Some(has) = request.has_stocks
                        && has != (fit > 0)
                    {
                        return None;
                    }
                    let stock = |kind, count| WarehouseStock {
                        stock_type: Some(kind),
                        count,
                    };
                    Some(WarehouseOffer {
                        offer_id: o.offer_id.clone(),
                        turnover_summary: None,
                        stocks: vec![
                            stock(WarehouseStockType::Fit, fit),
                            stock(WarehouseStockType::Freeze, frozen),
                            stock(WarehouseStockType::Available, available),
                        ],
                        updated_at: o.stock.map(|(_, at)| at),
                    })
                })
                .collect()
        };
        let (offers, next) = page_of(&all, "stocks", offset, limit);
        let warehouses = if offers.is_empty() {
            Vec::new()
        } else {
            vec![WarehouseOffers {
                warehouse_id: SANDBOX_WAREHOUSE_ID,
                offers,
            }]
        };
        ok(&GetStocksResponse {
            status: Some(ApiStatus::Ok),
            result: Some(WarehouseStocks {
                paging: pager(next),
                warehouses,
            }),
        })
    }

    // ---- orders ----------------------------------------------------------------------------

    fn business_order(o: &OrderRec) -> BusinessOrder {
        let rub = |value: Decimal| CurrencyValue {
            value,
            currency_id: OrderCurrency::Rur,
        };
        let (city_region, city, street) =
            CITIES
                .get(o.city)
                .copied()
                .unwrap_or((213, "Москва", "Тверская"));
        BusinessOrder {
            order_id: o.id,
            campaign_id: o.campaign,
            program_type: Some(SellingProgramType::Fbs),
            status: o.status.clone(),
            substatus: o.substatus.clone(),
            creation_date: o.created_at,
            update_date: Some(o.updated_at),
            payment_type: OrderPaymentType::Prepaid,
            payment_method: OrderPaymentMethodType::Yandex,
            fake: o.fake,
            items: o
                .items
                .iter()
                .map(|i| BusinessOrderItem {
                    id: i.id,
                    offer_id: i.offer_id.clone(),
                    offer_name: i.name.clone(),
                    count: i.count,
                    prices: Some(ItemPrices {
                        payment: Some(rub(i.price.saturating_mul(Decimal::from(i.count)))),
                        subsidy: Some(rub(Decimal::ZERO)),
                        cashback: None,
                        vat: Some(OrderVatType::Vat20),
                    }),
                    ..BusinessOrderItem::default()
                })
                .collect(),
            prices: Some(OrderPrices {
                payment: Some(rub(o.total())),
                subsidy: Some(rub(Decimal::ZERO)),
                cashback: None,
                delivery: Some(DeliveryPrices {
                    payment: Some(rub(Decimal::ZERO)),
                    subsidy: None,
                    vat: Some(OrderVatType::Vat20),
                }),
            }),
            delivery: BusinessOrderDelivery {
                kind: OrderDeliveryType::Delivery,
                service_name: DELIVERY_SERVICE_NAME.into(),
                delivery_service_id: DELIVERY_SERVICE_ID,
                warehouse_id: Some(SANDBOX_WAREHOUSE_ID.to_string()),
                delivery_partner_type: OrderDeliveryPartnerType::YandexMarket,
                dispatch_type: Some(OrderDeliveryDispatchType::Buyer),
                dates: BusinessOrderDeliveryDates {
                    from_date: o.shipment_date + TimeDelta::days(1),
                    to_date: Some(o.shipment_date + TimeDelta::days(2)),
                    real_delivery_date: o.delivered_on,
                    ..BusinessOrderDeliveryDates::default()
                },
                shipment: Some(BusinessOrderShipment {
                    id: Some(o.shipment),
                    shipment_date: o.shipment_date,
                    shipment_time: None,
                }),
                courier: Some(CourierDelivery {
                    address: Some(BusinessOrderAddress {
                        country: Some("Россия".into()),
                        city: Some(city.into()),
                        street: Some(street.into()),
                        house: Some(format!("{}", 1 + o.id.0 % 40)),
                        ..BusinessOrderAddress::default()
                    }),
                    region: Some(Region {
                        id: city_region,
                        name: city.into(),
                        kind: RegionType::City,
                        parent: None,
                    }),
                }),
                boxes_layout: o
                    .boxes
                    .iter()
                    .map(|b| BusinessOrderBox {
                        box_id: b.id,
                        barcode: format!("{}-{}", o.id, b.id),
                        items: b.items.clone(),
                    })
                    .collect(),
                ..BusinessOrderDelivery::default()
            },
            buyer_type: Some(OrderBuyerType::Person),
            source_platform: Some(OrderSourcePlatformType::Market),
            ..BusinessOrder::default()
        }
    }

    fn business_orders(&mut self, args: &Args, body: &[u8], now: DateTime<Utc>) -> Handled {
        let limit = args.limit(50, 50, true)?;
        let after = args.token("orders")?;
        let filter: BusinessOrdersRequest = self::body(body)?;
        for (name, n) in [
            ("orderIds", filter.order_ids.len()),
            ("campaignIds", filter.campaign_ids.len()),
            ("externalOrderIds", filter.external_order_ids.len()),
        ] {
            if n > ORDER_FILTER_MAX {
                return Err(bad_request(format!(
                    "{name}: {n} items, at most {ORDER_FILTER_MAX}"
                )));
            }
        }
        let dates = filter.dates.clone().unwrap_or_default();
        for (name, from, to) in [
            ("creation", dates.creation_date_from, dates.creation_date_to),
            ("shipment", dates.shipment_date_from, dates.shipment_date_to),
        ] {
            if let (Some(from), Some(to)) = (from, to) {
                if to < from {
                    return Err(bad_request(format!(
                        "the {name} window ends before it starts"
                    )));
                }
                if (to - from).num_days() > WINDOW_DAYS_MAX {
                    return Err(bad_request(format!(
                        "the {name} window is longer than {WINDOW_DAYS_MAX} days"
                    )));
                }
            }
        }
        if let (Some(from), Some(to)) = (dates.update_date_from, dates.update_date_to)
            && to < from
        {
            return Err(bad_request("the update window ends before it starts"));
        }
        // A poll for new orders: a first page not asking for given orders.
        if after.is_none() && filter.order_ids.is_empty() && filter.fake != Some(true) {
            for _ in 0..self.new_orders_per_poll {
                self.add_order(now, Phase::Started, false);
            }
        }
        let fake = filter.fake.unwrap_or(false);
        let matching = |o: &&OrderRec| {
            o.fake == fake
                && after.is_none_or(|a| o.id.0 > a)
                && (filter.order_ids.is_empty() || filter.order_ids.contains(&o.id))
                && filter.external_order_ids.is_empty()
                && (filter.campaign_ids.is_empty() || filter.campaign_ids.contains(&o.campaign))
                && (filter.program_types.is_empty()
                    || filter.program_types.contains(&SellingProgramType::Fbs))
                && (filter.source_platforms.is_empty()
                    || filter
                        .source_platforms
                        .contains(&OrderSourcePlatformType::Market))
                && filter.waiting_for_cancellation_approve != Some(true)
                && (filter.statuses.is_empty() || filter.statuses.contains(&o.status))
                && (filter.substatuses.is_empty() || filter.substatuses.contains(&o.substatus))
                && dates
                    .creation_date_from
                    .is_none_or(|d| moscow_day(o.created_at) >= d)
                && dates
                    .creation_date_to
                    .is_none_or(|d| moscow_day(o.created_at) < d)
                && dates
                    .shipment_date_from
                    .is_none_or(|d| o.shipment_date >= d)
                && dates.shipment_date_to.is_none_or(|d| o.shipment_date < d)
                && dates.update_date_from.is_none_or(|t| o.updated_at >= t)
                && dates.update_date_to.is_none_or(|t| o.updated_at <= t)
        };
        let mut found = self.orders.iter().filter(matching);
        let orders: Vec<BusinessOrder> = found
            .by_ref()
            .take(limit)
            .map(Self::business_order)
            .collect();
        let next = match (found.next(), orders.last()) {
            (Some(_), Some(last)) => Some(page_token("orders", last.order_id.0)),
            _ => None,
        };
        ok(&BusinessOrdersResponse {
            orders,
            paging: pager(next),
        })
    }

    /// The order of the path, in the campaign.
    fn order_at(&self, args: &Args) -> Result<usize, Answer> {
        let id = args.id("orderId")?;
        self.orders
            .iter()
            .position(|o| o.id.0 == id && o.campaign == SANDBOX_CAMPAIGN_ID)
            .ok_or_else(|| not_found(format!("Order {id} not found")))
    }

    /// The campaign-level shape of an order (the answer of a status change).
    fn order_model(o: &OrderRec) -> Order {
        let (first, last) = BUYERS
            .get(o.buyer)
            .map_or(("Иван", "Иванов"), |b| (b.1, b.0));
        let total = o.total();
        Order {
            id: o.id,
            status: o.status.clone(),
            substatus: o.substatus.clone(),
            creation_date: o.created_at,
            updated_at: Some(o.updated_at),
            currency: OrderCurrency::Rur,
            items_total: total,
            delivery_total: Decimal::ZERO,
            buyer_items_total_before_discount: total,
            payment_type: OrderPaymentType::Prepaid,
            payment_method: OrderPaymentMethodType::Yandex,
            fake: o.fake,
            items: o
                .items
                .iter()
                .map(|i| OrderItem {
                    id: i.id,
                    offer_id: i.offer_id.clone(),
                    offer_name: i.name.clone(),
                    price: i.price,
                    buyer_price: i.price,
                    buyer_price_before_discount: i.price,
                    count: i.count,
                    vat: Some(OrderVatType::Vat20),
                    shop_sku: Some(i.offer_id.clone()),
                    subsidy: Some(Decimal::ZERO),
                    partner_warehouse_id: Some(SANDBOX_WAREHOUSE_ID.to_string()),
                    ..OrderItem::default()
                })
                .collect(),
            delivery: OrderDelivery {
                kind: OrderDeliveryType::Delivery,
                service_name: DELIVERY_SERVICE_NAME.into(),
                delivery_service_id: DELIVERY_SERVICE_ID,
                delivery_partner_type: OrderDeliveryPartnerType::YandexMarket,
                dispatch_type: Some(OrderDeliveryDispatchType::Buyer),
                dates: OrderDeliveryDates {
                    from_date: o.shipment_date + TimeDelta::days(1),
                    to_date: Some(o.shipment_date + TimeDelta::days(2)),
                    real_delivery_date: o.delivered_on,
                    ..OrderDeliveryDates::default()
                },
                shipments: vec![OrderShipment {
                    id: Some(o.shipment),
                    shipment_date: Some(o.shipment_date),
                    boxes: o
                        .boxes
                        .iter()
                        .enumerate()
                        .map(|(n, b)| OrderParcelBox {
                            id: b.id,
                            fulfilment_id: format!("{}-{}", o.id, n + 1),
                        })
                        .collect(),
                    ..OrderShipment::default()
                }],
                ..OrderDelivery::default()
            },
            buyer: OrderBuyer {
                first_name: Some(first.into()),
                last_name: Some(last.into()),
                kind: OrderBuyerType::Person,
                ..OrderBuyer::default()
            },
            tax_system: OrderTaxSystemType::Osn,
            ..Order::default()
        }
    }

    /// Applies a status change to the order at `index`: `Ok` when done (or already so), `Err`
    /// with Yandex Market's code and message when not allowed.
    fn change_status(
        &mut self,
        index: usize,
        to: &OrderStatus,
        substatus: Option<&OrderSubstatus>,
        now: DateTime<Utc>,
    ) -> Result<(), (&'static str, String)> {
        let Some(o) = self.orders.get(index) else {
            return Err(("NOT_FOUND", "Order not found".into()));
        };
        let (id, from, from_sub) = (o.id, o.status.clone(), o.substatus.clone());
        let status_not_allowed = || {
            (
                "STATUS_NOT_ALLOWED",
                format!("Order {id} in status {from}/{from_sub} cannot be moved to status {to}"),
            )
        };
        let target = match (to, substatus) {
            // Confirming an order that awaits the seller's confirmation.
            (OrderStatus::Processing, Some(OrderSubstatus::Started)) => {
                if from == OrderStatus::Processing && from_sub == OrderSubstatus::Started {
                    return Ok(());
                }
                if from != OrderStatus::Processing || from_sub != OrderSubstatus::AwaitConfirmation
                {
                    return Err(status_not_allowed());
                }
                (OrderStatus::Processing, OrderSubstatus::Started)
            }
            (OrderStatus::Processing, Some(OrderSubstatus::ReadyToShip)) => {
                if from != OrderStatus::Processing {
                    return Err(status_not_allowed());
                }
                if from_sub == OrderSubstatus::ReadyToShip {
                    return Ok(());
                }
                if from_sub != OrderSubstatus::Started {
                    return Err(status_not_allowed());
                }
                (OrderStatus::Processing, OrderSubstatus::ReadyToShip)
            }
            (OrderStatus::Cancelled, Some(OrderSubstatus::ShopFailed)) => {
                if from == OrderStatus::Cancelled && from_sub == OrderSubstatus::ShopFailed {
                    return Ok(());
                }
                if from != OrderStatus::Processing {
                    return Err(status_not_allowed());
                }
                (OrderStatus::Cancelled, OrderSubstatus::ShopFailed)
            }
            (OrderStatus::Processing | OrderStatus::Cancelled, sub) => {
                return Err((
                    "SUBSTATUS_NOT_ALLOWED",
                    format!(
                        "Substatus {} is not allowed for status {to} of order {id}",
                        sub.map_or("(none)", OrderSubstatus::as_str)
                    ),
                ));
            }
            _ => return Err(status_not_allowed()),
        };
        let mut order = self
            .orders
            .get(index)
            .cloned()
            .ok_or_else(status_not_allowed)?;
        if target.1 == OrderSubstatus::ReadyToShip {
            self.lay_out(&mut order);
        }
        order.status = target.0;
        order.substatus = target.1;
        order.updated_at = now;
        if let Some(slot) = self.orders.get_mut(index) {
            *slot = order;
        }
        Ok(())
    }

    fn update_order_status(&mut self, args: &Args, body: &[u8], now: DateTime<Utc>) -> Handled {
        let index = self.order_at(args)?;
        let request: UpdateOrderStatusRequest = self::body(body)?;
        let OrderStatusChange {
            status, substatus, ..
        } = request.order;
        self.change_status(index, &status, substatus.as_ref(), now)
            .map_err(|(code, message)| ym_error(400, code, message))?;
        let order = self.orders.get(index).map(Self::order_model);
        ok(&UpdateOrderStatusResponse {
            order,
            operation: None,
        })
    }

    fn update_order_statuses(&mut self, body: &[u8], now: DateTime<Utc>) -> Handled {
        let request: UpdateOrderStatusesRequest = self::body(body)?;
        let n = request.orders.len();
        if n == 0 || n > 30 {
            return Err(bad_request(format!("orders takes 1 to 30 orders, got {n}")));
        }
        let mut results = Vec::with_capacity(n);
        for change in request.orders {
            let index = self
                .orders
                .iter()
                .position(|o| o.id == change.id && o.campaign == SANDBOX_CAMPAIGN_ID);
            let outcome = match index {
                None => Err(("NOT_FOUND", format!("Order {} not found", change.id))),
                Some(i) => self.change_status(i, &change.status, change.substatus.as_ref(), now),
            };
            let current = index.and_then(|i| self.orders.get(i));
            results.push(OrderStatusUpdate {
                id: Some(change.id),
                status: current.map(|o| o.status.clone()),
                substatus: current.map(|o| o.substatus.clone()),
                update_status: Some(if outcome.is_ok() {
                    OrderUpdateStatusType::Ok
                } else {
                    OrderUpdateStatusType::Error
                }),
                error_details: outcome
                    .err()
                    .map(|(code, message)| format!("{code}: {message}")),
                operation: None,
            });
        }
        ok(&UpdateOrderStatusesResponse {
            status: Some(ApiStatus::Ok),
            result: Some(UpdatedOrderStatuses { orders: results }),
        })
    }

    fn set_boxes(&mut self, args: &Args, body: &[u8], now: DateTime<Utc>) -> Handled {
        let index = self.order_at(args)?;
        let request: SetOrderBoxLayoutRequest = self::body(body)?;
        let Some(order) = self.orders.get(index).cloned() else {
            return Err(not_found("Order not found"));
        };
        if !order.processing() {
            return Err(ym_error(
                400,
                "STATUS_NOT_ALLOWED",
                format!(
                    "Order {} in status {}/{} cannot be laid out in boxes",
                    order.id, order.status, order.substatus
                ),
            ));
        }
        if request.boxes.is_empty() {
            return Err(bad_request("boxes takes at least one box"));
        }
        // Units laid out per line: whole units, and parts (current, total).
        let mut whole: HashMap<OrderItemId, i64> = HashMap::new();
        let mut parts: HashMap<OrderItemId, Vec<(i32, i32)>> = HashMap::new();
        for (n, b) in request.boxes.iter().enumerate() {
            if b.items.is_empty() {
                return Err(bad_request(format!("box {}: no items", n + 1)));
            }
            for item in &b.items {
                if !order.items.iter().any(|i| i.id == item.id) {
                    return Err(ym_error(
                        400,
                        "ITEM_NOT_FOUND",
                        format!("Line {} is not a line of order {}", item.id, order.id),
                    ));
                }
                match (item.full_count, &item.partial_count) {
                    (Some(c), None) if c >= 1 => *whole.entry(item.id).or_insert(0) += i64::from(c),
                    (None, Some(p)) if p.total >= 2 && (1..=p.total).contains(&p.current) => {
                        parts.entry(item.id).or_default().push((p.current, p.total));
                    }
                    _ => {
                        return Err(bad_request(format!(
                            "box {}, line {}: give fullCount (at least 1) or partialCount",
                            n + 1,
                            item.id
                        )));
                    }
                }
            }
        }
        for line in &order.items {
            let mut units = whole.get(&line.id).copied().unwrap_or(0);
            if let Some(p) = parts.get(&line.id) {
                let total = p.first().map_or(0, |x| x.1);
                let mut currents: Vec<i32> = p.iter().map(|x| x.0).collect();
                currents.sort_unstable();
                let complete =
                    p.iter().all(|x| x.1 == total) && currents == (1..=total).collect::<Vec<_>>();
                if !complete {
                    return Err(bad_request(format!(
                        "line {}: the parts of a unit must be 1..{total}, each once",
                        line.id
                    )));
                }
                units += 1;
            }
            let fits = if request.allow_remove {
                units <= line.count
            } else {
                units == line.count
            };
            if !fits {
                return Err(bad_request(format!(
                    "line {}: {units} units laid out, the order has {}",
                    line.id, line.count
                )));
            }
        }
        let mut boxes = Vec::with_capacity(request.boxes.len());
        for b in request.boxes {
            self.next_box += 1;
            boxes.push(BoxRec {
                id: BoxId(self.next_box),
                items: b.items,
            });
        }
        let laid_out: Vec<LaidOutBox> = boxes
            .iter()
            .map(|b| LaidOutBox {
                box_id: Some(b.id),
                items: b.items.clone(),
            })
            .collect();
        if let Some(o) = self.orders.get_mut(index) {
            o.boxes = boxes;
            o.updated_at = now;
        }
        ok(&SetOrderBoxLayoutResponse {
            status: Some(ApiStatus::Ok),
            result: Some(OrderBoxesLayout { boxes: laid_out }),
        })
    }

    /// The order of a label request: not cancelled, laid out (in one box if need be).
    fn labelled(&mut self, args: &Args) -> Result<usize, Answer> {
        let index = self.order_at(args)?;
        if let Some(f) = args.query("format")
            && !["A9_HORIZONTALLY", "A9", "A7", "A4"].contains(&f)
        {
            return Err(bad_request(format!("format {f:?} is not a page format")));
        }
        let Some(mut order) = self.orders.get(index).cloned() else {
            return Err(not_found("Order not found"));
        };
        if !matches!(
            order.status,
            OrderStatus::Processing | OrderStatus::Delivery | OrderStatus::Delivered
        ) {
            return Err(ym_error(
                400,
                "STATUS_NOT_ALLOWED",
                format!(
                    "Order {} in status {} has no labels",
                    order.id, order.status
                ),
            ));
        }
        if order.boxes.is_empty() {
            self.lay_out(&mut order);
            if let Some(slot) = self.orders.get_mut(index) {
                *slot = order;
            }
        }
        Ok(index)
    }

    fn pdf(text: &str) -> Handled {
        Ok(Answer {
            status: 200,
            body: tiny_pdf(text),
            content_type: "application/pdf",
        })
    }

    fn labels(&mut self, args: &Args) -> Handled {
        let index = self.labelled(args)?;
        let Some(o) = self.orders.get(index) else {
            return Err(not_found("Order not found"));
        };
        Self::pdf(&format!("Order {} boxes {}", o.id, o.boxes.len()))
    }

    fn box_label(&mut self, args: &Args) -> Handled {
        let index = self.labelled(args)?;
        let Some(o) = self.orders.get(index) else {
            return Err(not_found("Order not found"));
        };
        let shipment = args.id("shipmentId")?;
        let box_id = args.id("boxId")?;
        if shipment != o.shipment.0 {
            return Err(not_found(format!(
                "Shipment {shipment} is not a shipment of order {}",
                o.id
            )));
        }
        let Some(n) = o.boxes.iter().position(|b| b.id.0 == box_id) else {
            return Err(not_found(format!(
                "Box {box_id} is not a box of order {}",
                o.id
            )));
        };
        Self::pdf(&format!(
            "Order {} box {} of {}",
            o.id,
            n + 1,
            o.boxes.len()
        ))
    }

    fn labels_data(&mut self, args: &Args) -> Handled {
        let index = self.labelled(args)?;
        let Some(o) = self.orders.get(index) else {
            return Err(not_found("Order not found"));
        };
        let base = format!(
            "{}/v2/campaigns/{}/orders/{}/delivery",
            self.base_url, o.campaign, o.id
        );
        let (last, first) = BUYERS.get(o.buyer).copied().unwrap_or(("Иванов", "Иван"));
        let (_, city, street) = CITIES
            .get(o.city)
            .copied()
            .unwrap_or((213, "Москва", "Тверская"));
        let total = o.boxes.len();
        let grams: i64 = o
            .items
            .iter()
            .map(|i| i.count.saturating_mul(500))
            .fold(0, i64::saturating_add);
        let labels = o
            .boxes
            .iter()
            .enumerate()
            .map(|(n, b)| BoxLabel {
                url: format!("{base}/shipments/{}/boxes/{}/label", o.shipment, b.id),
                order_id: o.id,
                order_num: o.id.to_string(),
                box_id: b.id,
                fulfilment_id: format!("{}-{}", o.id, n + 1),
                place: format!("{}/{total}", n + 1),
                supplier_name: BUSINESS_NAME.into(),
                delivery_service_name: DELIVERY_SERVICE_NAME.into(),
                delivery_service_id: DELIVERY_SERVICE_ID.to_string(),
                recipient_name: format!("{last} {}.", first.chars().next().unwrap_or('И')),
                delivery_address: Some(format!("{city}, ул. {street}, {}", 1 + o.id.0 % 40)),
                shipment_date: Some(o.shipment_date.format("%d.%m.%Y").to_string()),
                weight: format!("{}.{:03} кг", grams / 1000, grams % 1000),
            })
            .collect();
        ok(&GetOrderLabelsDataResponse {
            status: Some(ApiStatus::Ok),
            result: Some(OrderLabels {
                order_id: o.id,
                places_number: i32::try_from(total).unwrap_or(i32::MAX),
                url: format!("{base}/labels"),
                parcel_box_labels: labels,
            }),
        })
    }

    // ---- returns ---------------------------------------------------------------------------

    fn return_model(r: &ReturnRec) -> Return {
        let rub = |value: Decimal| ReturnMoney {
            value,
            currency_id: CurrencyType::Rur,
        };
        let amount = r.amount();
        let refunded = matches!(r.refund, RefundStatus::Refunded);
        Return {
            id: r.id,
            order_id: r.order,
            creation_date: Some(r.created_at),
            update_date: Some(r.updated_at),
            refund_status: Some(r.refund.clone()),
            shipment_status: Some(r.shipment.clone()),
            shipment_recipient_type: Some(RecipientType::Shop),
            refund_amount: refunded.then(|| amount.trunc().try_into().unwrap_or(0)),
            amount: Some(rub(amount)),
            return_type: Some(r.kind.clone()),
            fast_return: Some(false),
            logistic_pickup_point: Some(LogisticPickupPoint {
                id: Some(10_000_001),
                name: Some("Пункт возвратов Песочница".into()),
                address: Some(PickupAddress {
                    country: Some("Россия".into()),
                    city: Some("Москва".into()),
                    street: Some("Складская".into()),
                    house: Some("1".into()),
                    ..PickupAddress::default()
                }),
                ..LogisticPickupPoint::default()
            }),
            items: r
                .items
                .iter()
                .map(|(offer, count, sku, price)| ReturnItem {
                    market_sku: *sku,
                    shop_sku: offer.clone(),
                    count: *count,
                    decisions: vec![ReturnDecision {
                        count: Some(i32::try_from(*count).unwrap_or(1)),
                        comment: Some("Не подошёл товар".into()),
                        decision_type: refunded.then_some(ReturnDecisionType::RefundMoney),
                        amount: Some(rub(*price * Decimal::from(*count))),
                        ..ReturnDecision::default()
                    }],
                    tracks: vec![Track {
                        track_code: Some(format!("RT{}", r.id)),
                    }],
                    ..ReturnItem::default()
                })
                .collect(),
            ..Return::default()
        }
    }

    fn returns_list(&self, args: &Args) -> Handled {
        let limit = args.limit(50, 100, true)?;
        let offset = args.token("returns")?.unwrap_or(0);
        let mut order_ids = Vec::new();
        for v in args.list(&["orderIds"]) {
            order_ids.push(
                v.parse::<i64>()
                    .map_err(|_| bad_request(format!("orderIds: {v:?} is not an order id")))?,
            );
        }
        if order_ids.len() > 50 {
            return Err(bad_request("orderIds takes at most 50 orders"));
        }
        let statuses = args.list(&["statuses"]);
        let shipment = args.list(&["shipmentStatuses"]);
        let kind = args.query("type");
        if let Some(k) = kind
            && !["UNREDEEMED", "RETURN"].contains(&k)
        {
            return Err(bad_request(format!("type {k:?} is not a return type")));
        }
        let date = |names: [&str; 2]| -> Result<Option<NaiveDate>, Answer> {
            match names.iter().find_map(|n| args.query(n)) {
                None => Ok(None),
                Some(d) => NaiveDate::parse_from_str(d, "%Y-%m-%d")
                    .map(Some)
                    .map_err(|_| bad_request(format!("{d:?} is not a date (YYYY-MM-DD)"))),
            }
        };
        let from = date(["fromDate", "from_date"])?;
        let to = date(["toDate", "to_date"])?;
        if let (Some(f), Some(t)) = (from, to)
            && f > t
        {
            return Err(bad_request("fromDate is after toDate"));
        }
        let all: Vec<Return> = self
            .returns
            .iter()
            .filter(|r| {
                (order_ids.is_empty() || order_ids.contains(&r.order.0))
                    && (statuses.is_empty() || statuses.iter().any(|s| s == r.refund.as_str()))
                    && (shipment.is_empty() || shipment.iter().any(|s| s == r.shipment.as_str()))
                    && kind.is_none_or(|k| k == r.kind.as_str())
                    && from.is_none_or(|d| moscow_day(r.updated_at) >= d)
                    && to.is_none_or(|d| moscow_day(r.updated_at) <= d)
            })
            .map(Self::return_model)
            .collect();
        let (returns, next) = page_of(&all, "returns", offset, limit);
        ok(&ReturnsResponse {
            status: Some(ApiStatus::Ok),
            result: Some(PagedReturns {
                paging: pager(next),
                returns,
            }),
        })
    }

    fn return_one(&self, args: &Args) -> Handled {
        let order = args.id("orderId")?;
        let id = args.id("returnId")?;
        let r = self
            .returns
            .iter()
            .find(|r| r.id.0 == id && r.order.0 == order)
            .ok_or_else(|| not_found(format!("Return {id} of order {order} not found")))?;
        ok(&ReturnResponse {
            status: Some(ApiStatus::Ok),
            result: Some(Self::return_model(r)),
        })
    }
}

fn business() -> Business {
    Business {
        id: Some(SANDBOX_BUSINESS_ID),
        name: BUSINESS_NAME.into(),
    }
}

fn campaign() -> Campaign {
    Campaign {
        domain: SHOP_NAME.into(),
        id: Some(SANDBOX_CAMPAIGN_ID),
        client_id: None,
        business: Some(business()),
        placement_type: Some(PlacementType::Fbs),
        api_availability: Some(ApiAvailabilityStatus::Available),
    }
}

/// The `language` query parameter, when given, is `RU` or `UZ`.
fn check_language(args: &Args) -> Result<(), Answer> {
    match args.query("language") {
        None | Some("RU" | "UZ") => Ok(()),
        Some(l) => Err(bad_request(format!("language {l:?} is not RU or UZ"))),
    }
}

/// An offer id as the spec's `ShopSku` allows it: 1 to 255 characters, not only spaces, no
/// control characters but the tab.
fn check_offer_id(id: &str) -> Result<(), Answer> {
    let n = id.chars().count();
    if id.trim().is_empty()
        || n > 255
        || id
            .chars()
            .any(|c| (c.is_ascii_control() && c != '\t') || c == '\u{7f}')
    {
        return Err(ym_error(
            400,
            "INVALID_SHOP_SKU",
            format!("{id:?} is not a valid offer id"),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

    use super::*;

    #[test]
    fn paths_match_templates_and_literals_win() {
        let (e, p) = find_endpoint("POST", "/v2/campaigns/5/orders/status-update").unwrap();
        assert_eq!(e.op, "updateOrderStatuses");
        assert_eq!(p, vec![("campaignId", "5".to_owned())]);
        let (e, _) = find_endpoint("PUT", "/v2/campaigns/5/offers/stocks").unwrap();
        assert_eq!(e.op, "updateStocks");
        let (e, _) = find_endpoint("POST", "/v2/campaigns/5/offers/stocks").unwrap();
        assert_eq!(e.op, "getStocks");
        let (e, p) = find_endpoint(
            "GET",
            "/v2/campaigns/5/orders/7/delivery/shipments/8/boxes/9/label",
        )
        .unwrap();
        assert_eq!(e.op, "generateOrderLabel");
        assert_eq!(p.len(), 4);
        assert!(find_endpoint("GET", "/v2/campaigns/5/offers/stocks").is_none());
    }

    #[test]
    fn every_served_operation_has_a_quota() {
        for e in ENDPOINTS {
            assert!(
                limits::limit(e.op, Tier::Base).is_some(),
                "{} has no quota",
                e.op
            );
        }
    }

    #[test]
    fn page_tokens_round_trip_and_refuse_other_kinds() {
        let t = page_token("orders", 12345);
        assert!(t.chars().all(|c| c.is_ascii_hexdigit()));
        assert_eq!(read_token("orders", &t), Some(12345));
        assert_eq!(read_token("offers", &t), None);
        assert_eq!(read_token("orders", "zz"), None);
        assert_eq!(read_token("orders", "abc"), None);
    }

    #[test]
    fn items_are_counted_along_a_path() {
        let doc: Value = serde_json::json!({
            "result": {"warehouses": [
                {"offers": [{"offerId": "a"}, {"offerId": "b"}]},
                {"offers": [{"offerId": "c"}]}
            ]}
        });
        assert_eq!(
            count_at(&doc, &["result", "warehouses", "offers", "offerId"]),
            3
        );
        let req: Value = serde_json::json!({"skus": [1, 2, 3, 4]});
        assert_eq!(count_at(&req, &["skus"]), 4);
        assert_eq!(count_at(&req, &["offers"]), 0);
    }

    #[test]
    fn the_until_header_is_an_http_date_rounded_up() {
        let t = DateTime::parse_from_rfc3339("2018-07-10T00:42:41.200Z")
            .unwrap()
            .with_timezone(&Utc);
        assert_eq!(http_date(ceil_second(t)), "Tue, 10 Jul 2018 00:42:42 GMT");
        assert!(DateTime::parse_from_rfc2822(&http_date(t)).is_ok());
    }

    #[test]
    fn a_fixed_window_refuses_when_spent_and_renews() {
        let l = Limits::new(
            [(
                "getCategoriesTree".to_owned(),
                RateLimit::per(2, std::time::Duration::from_secs(10)),
            )]
            .into_iter(),
        );
        let t0 = Utc::now();
        assert_eq!(
            l.admit("getCategoriesTree", 1, t0)
                .unwrap()
                .unwrap()
                .remaining,
            1
        );
        assert_eq!(
            l.admit("getCategoriesTree", 1, t0)
                .unwrap()
                .unwrap()
                .remaining,
            0
        );
        let refused = l.admit("getCategoriesTree", 1, t0).unwrap().unwrap_err();
        assert_eq!(refused.until, t0 + TimeDelta::seconds(10));
        assert!(
            l.admit("getCategoriesTree", 1, t0 + TimeDelta::seconds(10))
                .unwrap()
                .is_ok()
        );
        // Items: the documented quota of updateStocks counts SKUs.
        let l = Limits::new(std::iter::empty());
        let q = l.admit("updateStocks", 2000, t0).unwrap().unwrap();
        assert_eq!(q.remaining, 98_000);
    }

    #[test]
    fn the_generator_is_deterministic_and_orders_grow_with_time() {
        let config = SandboxConfig::default();
        let now = Utc::now();
        let a = State::generate(&config, now);
        let b = State::generate(&config, now);
        assert_eq!(a.offers.len(), 40);
        assert_eq!(a.orders.len(), 123);
        assert_eq!(a.orders.iter().filter(|o| o.fake).count(), 3);
        let ids = |s: &State| {
            s.orders
                .iter()
                .map(|o| (o.id, o.status.clone()))
                .collect::<Vec<_>>()
        };
        assert_eq!(ids(&a), ids(&b));
        assert!(!a.returns.is_empty());
        let real: Vec<_> = a.orders.iter().filter(|o| !o.fake).collect();
        assert!(real.windows(2).all(|w| w[0].created_at <= w[1].created_at));
    }
}
