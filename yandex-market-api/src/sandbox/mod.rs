//! A stateful local emulator of the Yandex Market Partner API (feature `sandbox`).
//!
//! [`Sandbox`] starts a local HTTP server (wiremock) keeping a fake business with one FBS
//! campaign (shop) and its warehouse: a catalogue of offers with categories, business prices
//! and the campaign's stocks, FBS orders of the last week in mixed statuses (and a few test
//! orders), and a few returns of delivered orders, all derived from a seed. It serves Yandex
//! Market's real paths with answers built from the crate's own models, so a
//! [`Client`] aimed at it (or anything built on it, such as the `Marketplace`
//! implementation of [`CampaignClient`]) runs unchanged.
//!
//! It runs in market-core's emulator shell ([`market_core::sandbox::Shell`]: the server,
//! routing by the crate's own `Operation` statics, the state lock, quotas, faults and the
//! request log); this module holds only Yandex Market's behaviour: the `Emulate`
//! implementation here, the account state in `state.rs`, and one handler file per `api`
//! section.
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
use std::sync::{Arc, LazyLock};

use chrono::{DateTime, Duration as TimeDelta, NaiveDate, Utc};
use market_core::sandbox::{
    Admitted, Answer as ShellAnswer, Call, Charge, Emulate, FaultPlan, Faults, Limiter, Quota,
    Refusal, RequestLog, Shell, match_path, tiny_pdf,
};
use market_core::transport::{Operation, QuotaUnit, RateLimit};
use rust_decimal::Decimal;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;
use wiremock::{MockServer, Request};

use crate::api;
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
    shell: Arc<Shell<Emulator>>,
}

impl fmt::Debug for Sandbox {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let st = self.shell.state();
        f.debug_struct("Sandbox")
            .field("uri", &self.server.uri())
            .field("business", &SANDBOX_BUSINESS_ID)
            .field("campaign", &SANDBOX_CAMPAIGN_ID)
            .field("offers", &st.offers.len())
            .field("orders", &st.orders.len())
            .field("returns", &st.returns.len())
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
        let emulator = Emulator {
            overrides: config.quotas.iter().cloned().collect(),
        };
        let state = State::generate(&config, Utc::now());
        let faults = Faults::new(config.faults.clone());
        let shell = Shell::new(emulator, state, faults, config.rate_limits);
        let server = shell.serve().await;
        shell.state().base_url = server.uri();
        Sandbox { server, shell }
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
        self.shell.requests()
    }

    /// The fault injector; [`Faults::set`] changes the plan at run time.
    pub fn faults(&self) -> &Faults {
        self.shell.faults()
    }

    /// Creates `n` real orders of the campaign in `PROCESSING/STARTED`, created now; returns
    /// their ids (none when the catalogue is empty).
    pub fn add_orders(&self, n: usize) -> Vec<OrderId> {
        let mut st = self.shell.state();
        let now = Utc::now();
        (0..n)
            .filter_map(|_| st.add_order(now, Phase::Started, false))
            .collect()
    }

    /// Creates `n` real orders awaiting the seller's confirmation
    /// (`PROCESSING/AWAIT_CONFIRMATION`), created now; returns their ids.
    pub fn add_orders_awaiting_confirmation(&self, n: usize) -> Vec<OrderId> {
        let ids = self.add_orders(n);
        let mut st = self.shell.state();
        for o in st.orders.iter_mut().filter(|o| ids.contains(&o.id)) {
            o.substatus = OrderSubstatus::AwaitConfirmation;
        }
        ids
    }

    /// Creates a real order of the campaign in `PROCESSING/STARTED`, placed (and last
    /// updated) at `created_at`, e.g. a day ago; its id (none when the catalogue is empty).
    pub fn add_order_created_at(&self, created_at: DateTime<Utc>) -> Option<OrderId> {
        self.shell
            .state()
            .add_order(created_at, Phase::Started, false)
    }

    /// The buyer cancels an order (`CANCELLED/USER_CHANGED_MIND`), as Yandex Market's side
    /// does; its update time becomes now. False when there is no such order.
    pub fn cancel_by_buyer(&self, id: OrderId) -> bool {
        let mut st = self.shell.state();
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
        self.shell.state().order(id).map(|o| o.updated_at)
    }

    /// Moves Yandex Market's side on by one step: orders ready to ship are handed to delivery
    /// (`DELIVERY/DELIVERY_SERVICE_RECEIVED`), orders in delivery are delivered
    /// (`DELIVERED/DELIVERY_SERVICE_DELIVERED`); cards being processed are finished.
    pub fn advance(&self) {
        let mut st = self.shell.state();
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
        self.shell
            .state()
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
        let st = self.shell.state();
        st.offer(offer_id).map(|o| o.stock.map_or(0, |(n, _)| n))
    }

    /// The business price of an offer; `None` for an offer not in the catalogue or without a
    /// price.
    pub fn price(&self, offer_id: &str) -> Option<Decimal> {
        let st = self.shell.state();
        st.offer(offer_id)?.price.as_ref().map(|p| p.value)
    }

    /// The status and substatus of an order (real or test), e.g.
    /// `("PROCESSING", "READY_TO_SHIP")`; `None` when there is no such order.
    pub fn order_status(&self, id: OrderId) -> Option<(String, String)> {
        let st = self.shell.state();
        st.order(id).map(|o| {
            (
                o.status.as_str().to_owned(),
                o.substatus.as_str().to_owned(),
            )
        })
    }

    /// How many real (not test) orders exist.
    pub fn order_count(&self) -> usize {
        self.shell.state().orders.iter().filter(|o| !o.fake).count()
    }
}

mod campaigns;
mod categories;
mod labels;
mod offers;
mod orders;
mod prices;
mod returns;
mod state;
mod stocks;
mod warehouses;

use state::*;

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
    /// The shell's answer.
    fn into_shell(self) -> ShellAnswer {
        ShellAnswer::raw(self.status, self.body, self.content_type)
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

/// What a limited answer says about the quota (the `X-RateLimit-Resource-*` headers).
#[derive(Debug, Clone, Copy)]
struct QuotaState {
    limit: u64,
    remaining: u64,
    until: DateTime<Utc>,
}

impl QuotaState {
    /// The state `reset` from now.
    fn after(limit: u32, remaining: u64, reset: std::time::Duration) -> Self {
        Self {
            limit: u64::from(limit),
            remaining,
            until: Utc::now() + TimeDelta::from_std(reset).unwrap_or(TimeDelta::hours(1)),
        }
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

fn with_quota(answer: ShellAnswer, q: &QuotaState) -> ShellAnswer {
    answer
        .header("X-RateLimit-Resource-Limit", q.limit.to_string())
        .header("X-RateLimit-Resource-Remaining", q.remaining.to_string())
        .header(
            "X-RateLimit-Resource-Until",
            http_date(ceil_second(q.until)),
        )
}

/// Yandex Market's 420 answer.
fn too_many(op: &str, q: &QuotaState) -> ShellAnswer {
    let answer = ym_error(
        420,
        "HIT_RATE_LIMIT",
        format!("Hit rate limit of {} for resource '{op}'", q.limit),
    );
    with_quota(answer.into_shell(), &QuotaState { remaining: 0, ..*q })
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

/// One served operation: the crate's own [`Operation`] static (method, path, and, as its
/// limit group, the spec's operationId), the handler, and whether the spec lists a 404 answer
/// (an unknown business or campaign is a 403 otherwise).
struct Endpoint {
    op: &'static Operation,
    route: Route,
    lists_404: bool,
}

impl Endpoint {
    /// The spec's operationId (the quota's name).
    fn id(&self) -> &'static str {
        api::spec_id(self.op)
    }
}

/// Every operation served, by the crate's own `Operation` statics.
static ENDPOINTS: &[Endpoint] = &[
    Endpoint {
        op: &api::campaigns::CAMPAIGNS_GET,
        route: Route::GetCampaigns,
        lists_404: true,
    },
    Endpoint {
        op: &api::campaigns::CAMPAIGN_GET,
        route: Route::GetCampaign,
        lists_404: true,
    },
    Endpoint {
        op: &api::campaigns::CAMPAIGN_SETTINGS_GET,
        route: Route::GetCampaignSettings,
        lists_404: true,
    },
    Endpoint {
        op: &api::campaigns::BUSINESS_SETTINGS_GET,
        route: Route::GetBusinessSettings,
        lists_404: false,
    },
    Endpoint {
        op: &api::warehouses::PAGED_WAREHOUSES_GET,
        route: Route::GetPagedWarehouses,
        lists_404: false,
    },
    Endpoint {
        op: &api::warehouses::FULFILLMENT_WAREHOUSES_GET,
        route: Route::GetFulfillmentWarehouses,
        lists_404: true,
    },
    Endpoint {
        op: &api::categories::CATEGORIES_TREE_GET,
        route: Route::GetCategoriesTree,
        lists_404: true,
    },
    Endpoint {
        op: &api::categories::CATEGORY_CONTENT_PARAMETERS_GET,
        route: Route::GetCategoryContentParameters,
        lists_404: true,
    },
    Endpoint {
        op: &api::offers::OFFER_MAPPINGS_GET,
        route: Route::GetOfferMappings,
        lists_404: true,
    },
    Endpoint {
        op: &api::offers::OFFER_MAPPINGS_UPDATE,
        route: Route::UpdateOfferMappings,
        lists_404: true,
    },
    Endpoint {
        op: &api::offers::OFFER_CARDS_CONTENT_STATUS_GET,
        route: Route::GetOfferCardsContentStatus,
        lists_404: true,
    },
    Endpoint {
        op: &api::prices::BUSINESS_PRICES_UPDATE,
        route: Route::UpdateBusinessPrices,
        lists_404: true,
    },
    Endpoint {
        op: &api::prices::DEFAULT_PRICES_GET,
        route: Route::GetDefaultPrices,
        lists_404: true,
    },
    Endpoint {
        op: &api::stocks::STOCKS_UPDATE,
        route: Route::UpdateStocks,
        lists_404: true,
    },
    Endpoint {
        op: &api::stocks::STOCKS_GET,
        route: Route::GetStocks,
        lists_404: false,
    },
    Endpoint {
        op: &api::orders::BUSINESS_ORDERS_GET,
        route: Route::GetBusinessOrders,
        lists_404: true,
    },
    Endpoint {
        op: &api::orders::ORDER_STATUS_UPDATE,
        route: Route::UpdateOrderStatus,
        lists_404: true,
    },
    Endpoint {
        op: &api::orders::ORDER_STATUSES_UPDATE,
        route: Route::UpdateOrderStatuses,
        lists_404: true,
    },
    Endpoint {
        op: &api::orders::ORDER_BOX_LAYOUT_SET,
        route: Route::SetOrderBoxLayout,
        lists_404: true,
    },
    Endpoint {
        op: &api::labels::ORDER_LABELS_GENERATE,
        route: Route::GenerateOrderLabels,
        lists_404: true,
    },
    Endpoint {
        op: &api::labels::ORDER_LABEL_GENERATE,
        route: Route::GenerateOrderLabel,
        lists_404: true,
    },
    Endpoint {
        op: &api::labels::ORDER_LABELS_DATA_GET,
        route: Route::GetOrderLabelsData,
        lists_404: true,
    },
    Endpoint {
        op: &api::returns::RETURNS_GET,
        route: Route::GetReturns,
        lists_404: true,
    },
    Endpoint {
        op: &api::returns::RETURN_GET,
        route: Route::GetReturn,
        lists_404: true,
    },
];

/// The values of a path's `{placeholders}`, by name.
type Params = Vec<(&'static str, String)>;

/// The operations served, as the shell routes them.
static SERVED: LazyLock<Vec<&'static Operation>> =
    LazyLock::new(|| ENDPOINTS.iter().map(|e| e.op).collect());

/// The endpoint of a served operation.
fn endpoint(op: &Operation) -> Option<&'static Endpoint> {
    ENDPOINTS.iter().find(|e| std::ptr::eq(e.op, op))
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
// Yandex Market in the shell.
// ---------------------------------------------------------------------------------------------

/// Yandex Market's side of the emulator: the `Api-Key`, its error bodies, the quotas of
/// [`crate::limits`] (or the configured ones) in fixed windows, and the handlers.
struct Emulator {
    /// Quotas replacing the documented ones, by operationId.
    overrides: HashMap<String, RateLimit>,
}

impl Emulator {
    /// The quota of an operation: the configured one, else the documented base tier's.
    fn quota(&self, id: &str) -> Option<RateLimit> {
        self.overrides
            .get(id)
            .copied()
            .or_else(|| limits::limit(id, Tier::Base))
            .filter(|q| q.count > 0)
    }

    /// Where the quota counts items, their path (`req.offers`, `resp.result.offers`).
    fn item_path(&self, e: &Endpoint) -> Option<&'static str> {
        let counts_items = self.quota(e.id()).map(|q| q.unit) == Some(QuotaUnit::Items);
        limits::table()
            .iter()
            .find(|l| l.operation == e.id())
            .and_then(|l| match l.counts {
                limits::Counts::Items(p) => Some(p),
                limits::Counts::Requests => None,
            })
            .filter(|_| counts_items)
    }

    /// What Yandex Market refuses before counting a request: a body over the limit (413),
    /// a business or campaign the key does not reach (404, or 403 where the spec lists no
    /// 404), an id that is not a number (400). Else the request's arguments.
    fn admit(e: &Endpoint, call: &Call<'_>) -> Result<Args, Answer> {
        let body = call.body();
        if body.len() > MAX_BODY_BYTES {
            return Err(ym_error(
                413,
                "REQUEST_LIMIT_EXCEEDED",
                format!(
                    "The request body is {} bytes, over the limit of {MAX_BODY_BYTES}",
                    body.len()
                ),
            ));
        }
        let args = Args {
            params: match_path(e.op.path, call.request.url.path()).unwrap_or_default(),
            query: call.query_pairs(),
        };
        let refuse = |what: &str, id: i64, code_404: &str| {
            if e.lists_404 {
                ym_error(404, code_404, format!("{what} {id} not found"))
            } else {
                ym_error(403, "FORBIDDEN", format!("Access denied to {what} {id}"))
            }
        };
        if e.op.path.contains("{businessId}") {
            let id = args.id("businessId")?;
            if id != SANDBOX_BUSINESS_ID.0 {
                return Err(refuse("business", id, "BUSINESS_NOT_FOUND"));
            }
        }
        if e.op.path.contains("{campaignId}") {
            let id = args.id("campaignId")?;
            if id != SANDBOX_CAMPAIGN_ID.0 {
                return Err(refuse("campaign", id, "CAMPAIGN_NOT_FOUND"));
            }
        }
        Ok(args)
    }
}

impl Emulate for Emulator {
    type State = State;

    fn operations(&self) -> &[&'static Operation] {
        &SERVED
    }

    fn request_id(&self, n: u64) -> (&'static str, String) {
        let id = n.wrapping_add(1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        ("X-Market-Request-Id", format!("{id:016x}/sandbox"))
    }

    fn authorize(&self, request: &Request) -> Result<String, ShellAnswer> {
        let key = request
            .headers
            .get("api-key")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        if key == SANDBOX_API_KEY {
            return Ok(SANDBOX_BUSINESS_ID.to_string());
        }
        let message = if key.is_empty() {
            "The Api-Key header is missing"
        } else {
            "The Api-Key is not valid"
        };
        Err(ym_error(401, "UNAUTHORIZED", message).into_shell())
    }

    fn refuse(&self, refusal: &Refusal) -> ShellAnswer {
        match refusal {
            Refusal::NotFound { method, path } => {
                not_found(format!("{method} {path} is not a method of the sandbox")).into_shell()
            }
            Refusal::InjectedServerError => ym_error(
                500,
                "INTERNAL_ERROR",
                "Injected by the sandbox's fault plan",
            )
            .into_shell(),
            // The shell does not say which method an injected refusal hit.
            Refusal::InjectedRateLimit => too_many(
                "unknown",
                &QuotaState::after(1, 0, std::time::Duration::from_millis(1)),
            ),
            Refusal::RateLimited(r) => too_many(&r.key, &QuotaState::after(r.limit, 0, r.reset)),
        }
    }

    /// The operation's quota (its operationId is the key), weighted by requests, by the items
    /// of the request, or (weight 0, charged in [`Emulate::finish`]) by the items of the
    /// answer; nothing for what Yandex Market refuses before counting.
    fn charges(&self, call: &Call<'_>) -> Vec<Charge> {
        let Some(e) = endpoint(call.op) else {
            return Vec::new();
        };
        let Some(q) = self.quota(e.id()) else {
            return Vec::new();
        };
        if Self::admit(e, call).is_err() {
            return Vec::new();
        }
        let weight = match self.item_path(e) {
            Some(p) if p.starts_with("req.") => {
                let doc: Value = call.json().unwrap_or(Value::Null);
                let segments: Vec<&str> = p.split('.').skip(1).collect();
                u32::try_from(count_at(&doc, &segments).max(1)).unwrap_or(u32::MAX)
            }
            Some(_) => 0,
            None => 1,
        };
        vec![Charge {
            key: e.id().to_owned(),
            quota: Quota::Window {
                count: q.count,
                period: q.period,
            },
            weight,
        }]
    }

    fn handle(&self, state: &mut State, call: &Call<'_>) -> ShellAnswer {
        let Some(e) = endpoint(call.op) else {
            return not_found(format!("{} is not a method of the sandbox", call.op.path))
                .into_shell();
        };
        let answer = match Self::admit(e, call) {
            Ok(args) => state
                .route(e.route, &args, call.body(), Utc::now())
                .unwrap_or_else(|a| a),
            Err(refused) => refused,
        };
        answer.into_shell()
    }

    /// Charges the items of a 200 answer where the quota counts them, and says what is left
    /// in the `X-RateLimit-Resource-*` headers.
    fn finish(
        &self,
        call: &Call<'_>,
        answer: ShellAnswer,
        limiter: Option<&Limiter>,
        admitted: &[Admitted],
    ) -> ShellAnswer {
        let Some(a) = admitted.first() else {
            return answer;
        };
        let mut remaining = a.remaining;
        let answer_path = endpoint(call.op)
            .and_then(|e| self.item_path(e))
            .filter(|p| !p.starts_with("req."));
        if let (Some(p), Some(l)) = (answer_path, limiter)
            && answer.status == 200
        {
            let doc: Value = serde_json::from_slice(&answer.body).unwrap_or(Value::Null);
            let segments: Vec<&str> = p.split('.').skip(1).collect();
            let units = u32::try_from(count_at(&doc, &segments)).unwrap_or(u32::MAX);
            remaining = l.charge(&a.key, units).unwrap_or(remaining);
        }
        with_quota(answer, &QuotaState::after(a.limit, remaining, a.reset))
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
        let find = |method: &str, path: &str| {
            market_core::sandbox::route(&SERVED, method, path)
                .map(|(op, params)| (endpoint(op).unwrap(), params))
        };
        let (e, p) = find("POST", "/v2/campaigns/5/orders/status-update").unwrap();
        assert_eq!(e.id(), "updateOrderStatuses");
        assert_eq!(p, vec![("campaignId", "5".to_owned())]);
        let (e, _) = find("PUT", "/v2/campaigns/5/offers/stocks").unwrap();
        assert_eq!(e.id(), "updateStocks");
        let (e, _) = find("POST", "/v2/campaigns/5/offers/stocks").unwrap();
        assert_eq!(e.id(), "getStocks");
        let (e, p) = find(
            "GET",
            "/v2/campaigns/5/orders/7/delivery/shipments/8/boxes/9/label",
        )
        .unwrap();
        assert_eq!(e.id(), "generateOrderLabel");
        assert_eq!(p.len(), 4);
        assert!(find("GET", "/v2/campaigns/5/offers/stocks").is_none());
    }

    #[test]
    fn every_served_operation_has_a_quota() {
        for e in ENDPOINTS {
            assert!(
                limits::limit(e.id(), Tier::Base).is_some(),
                "{} has no quota",
                e.id()
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
    fn a_fixed_window_refuses_when_spent_and_says_when_it_renews() {
        let window = |e: &Emulator, id: &str, weight: u32| {
            let q = e.quota(id).unwrap();
            Charge {
                key: id.to_owned(),
                quota: Quota::Window {
                    count: q.count,
                    period: q.period,
                },
                weight,
            }
        };
        let e = Emulator {
            overrides: [(
                "getCategoriesTree".to_owned(),
                RateLimit::per(2, std::time::Duration::from_secs(10)),
            )]
            .into(),
        };
        let l = Limiter::new(std::time::Duration::ZERO);
        let tree = |w| window(&e, "getCategoriesTree", w);
        assert_eq!(l.admit(&tree(1)).unwrap().remaining, 1);
        // An answer-counted request (weight 0) passes while a unit is left.
        assert_eq!(l.admit(&tree(0)).unwrap().remaining, 1);
        assert_eq!(l.admit(&tree(1)).unwrap().remaining, 0);
        let refused = l.admit(&tree(1)).unwrap_err();
        assert_eq!(refused.limit, 2);
        assert!(refused.reset > std::time::Duration::from_secs(9));
        assert!(refused.reset <= std::time::Duration::from_secs(10));
        assert!(l.admit(&tree(0)).is_err(), "nothing is left");
        // Items: the documented quota of updateStocks counts SKUs.
        let e = Emulator {
            overrides: HashMap::new(),
        };
        assert_eq!(e.quota("updateStocks").unwrap().unit, QuotaUnit::Items);
        let a = l.admit(&window(&e, "updateStocks", 2000)).unwrap();
        assert_eq!(a.remaining, 98_000);
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
