//! A stateful local emulator of the RetailCRM API v5 (feature `sandbox`).
//!
//! [`Sandbox`] starts a local HTTP server keeping one account: a site `shop`, stores `main`
//! and `second`, the usual order statuses, delivery, payment, order types and methods, a
//! catalogue of offers `SKU-0001`... with a `base` price and stock, orders and their history.
//! It serves RetailCRM's paths (routed by the crate's own [`crate::api::OPERATIONS`] in
//! `market_core::sandbox::Shell`) so that a [`Client`] aimed at it runs unchanged:
//!
//! - it checks `X-API-KEY` (403 `Wrong "apiKey" value.`, or `"apiKey" is missing.`);
//! - writes must be `application/x-www-form-urlencoded`, with the entity JSON-encoded in its
//!   field, no field the method does not take, `by` of `id` or `externalId`; reads take
//!   `page` from 1 and `limit` of 20, 50 or 100; anything else is a 400 with RetailCRM's
//!   `{"success": false, "errorMsg", "errors": {field: message}}`;
//! - orders are checked against the reference books and the catalogue (site, status, order
//!   type and method, delivery and payment type, every item's offer); `orders/upload` saves
//!   the valid orders and answers **HTTP 460** listing the failed ones when some are not;
//!   an external id already used is refused;
//! - every change of an order goes into `orders/history` with an id, and with the key that
//!   made it (`apiKey.current` is true for the reader's own key); [`Sandbox::manager_sets_status`]
//!   plays a manager changing a status in the CRM's interface;
//! - it counts **10 requests a second per key** (40 on telephony) and answers **503** over
//!   it, without a hint header, as RetailCRM does; [`SandboxConfig::rate_limits`] turns it off;
//! - it injects faults (503, 500, slow, cut bodies) from a [`FaultPlan`] and logs every
//!   request by operation (`"POST /api/v5/orders/upload"`).
//!
//! ```
//! use retailcrm_api::models::Order;
//! use retailcrm_api::sandbox::Sandbox;
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! tokio::runtime::Builder::new_current_thread().enable_all().build()?.block_on(async {
//!     let sandbox = Sandbox::start().await;
//!     let crm = sandbox.client()?;
//!     let order = Order { external_id: Some("ozon-1".into()), ..Order::default() };
//!     let saved = crm.orders_create(&order, Some("shop")).await?;
//!     assert!(saved.id.is_some());
//!     assert_eq!(sandbox.requests().count("POST /api/v5/orders/create"), 1);
//!     Ok::<_, Box<dyn std::error::Error>>(())
//! })?;
//! # Ok(()) }
//! ```
//!
//! Individual customers are kept too (list, get, create, edit, upload with 460, an external
//! id used once).
//!
//! What is not emulated: customer history and notes, corporate customers, packs, users and
//! the catalogue's
//! writes other than stocks and prices (those methods answer 400 `not emulated`); the
//! server's own order numbering and sums (an order keeps what was sent).

mod customers;
mod orders;
mod reference;
mod state;
mod store;
mod system;

use std::sync::{Arc, MutexGuard};
use std::time::Duration;

use market_core::sandbox::{
    Answer, Call, Charge, Emulate, FaultPlan, Faults, Quota, Refusal, RequestLog, Shell,
};
use market_core::transport::Operation;
use serde_json::{Value, json};

pub use state::{HistoryRow, OfferRow, State};

use crate::client::{Client, ClientBuilder};
use crate::limits;

/// The API key the sandbox accepts unless configured otherwise.
pub const SANDBOX_API_KEY: &str = "sandbox-api-key";

/// How to start a [`Sandbox`].
#[derive(Debug, Clone)]
pub struct SandboxConfig {
    /// The keys the account accepts (the first is the one [`Sandbox::client`] uses).
    pub api_keys: Vec<String>,
    /// Offers in the catalogue.
    pub offers: usize,
    /// Whether the 10 (40) requests a second quota is enforced.
    pub rate_limits: bool,
    /// Injected faults.
    pub faults: FaultPlan,
}

impl Default for SandboxConfig {
    fn default() -> Self {
        Self {
            api_keys: vec![SANDBOX_API_KEY.to_owned()],
            offers: 20,
            rate_limits: true,
            faults: FaultPlan::none(),
        }
    }
}

/// The emulator: RetailCRM's behaviour in the shell.
pub(crate) struct RetailCrm {
    keys: Vec<String>,
}

/// A running emulator.
pub struct Sandbox {
    shell: Arc<Shell<RetailCrm>>,
    server: wiremock::MockServer,
    key: String,
}

impl std::fmt::Debug for Sandbox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sandbox")
            .field("uri", &self.server.uri())
            .finish_non_exhaustive()
    }
}

impl Sandbox {
    /// Starts a sandbox with the default configuration.
    pub async fn start() -> Self {
        Self::start_with(SandboxConfig::default()).await
    }

    /// Starts a sandbox.
    pub async fn start_with(config: SandboxConfig) -> Self {
        let key = config
            .api_keys
            .first()
            .cloned()
            .unwrap_or_else(|| SANDBOX_API_KEY.to_owned());
        let shell = Shell::new(
            RetailCrm {
                keys: config.api_keys.clone(),
            },
            State::seeded(config.offers),
            Faults::new(config.faults),
            config.rate_limits,
        );
        let server = shell.serve().await;
        Self { shell, server, key }
    }

    /// The server's address.
    pub fn uri(&self) -> String {
        self.server.uri()
    }

    /// A client builder aimed at the sandbox with its first key.
    pub fn client_builder(&self) -> ClientBuilder {
        Client::builder(self.uri(), self.key.clone()).account("sandbox")
    }

    /// A client of the sandbox.
    pub fn client(&self) -> market_core::Result<Client> {
        self.client_builder().build()
    }

    /// The account's state (locked while held).
    pub fn state(&self) -> MutexGuard<'_, State> {
        self.shell.state()
    }

    /// The requests received, by operation.
    pub fn requests(&self) -> &RequestLog {
        self.shell.requests()
    }

    /// The fault injector.
    pub fn faults(&self) -> &Faults {
        self.shell.faults()
    }

    /// A manager changes an order's status in the CRM's interface (a history record without
    /// an API key). False when no order has this external id.
    pub fn manager_sets_status(&self, external_id: &str, status: &str) -> bool {
        let mut state = self.shell.state();
        let Some(i) = state.order_index("externalId", external_id) else {
            return false;
        };
        let old = state.orders[i].status.clone();
        state.orders[i].status = Some(status.to_owned());
        let order = state.orders[i].clone();
        state.record(
            &order,
            "status",
            old.map_or(Value::Null, |c| json!({ "code": c })),
            json!({ "code": status }),
            None,
            false,
        );
        true
    }

    /// The status of an order, by external id.
    pub fn order_status(&self, external_id: &str) -> Option<String> {
        let state = self.shell.state();
        state
            .order_index("externalId", external_id)
            .and_then(|i| state.orders[i].status.clone())
    }

    /// How many orders the account holds.
    pub fn order_count(&self) -> usize {
        self.shell.state().orders.len()
    }

    /// The stock of an offer (by external id) at a store.
    pub fn stock(&self, external_id: &str, store: &str) -> Option<rust_decimal::Decimal> {
        let state = self.shell.state();
        state
            .offers
            .iter()
            .find(|o| o.external_id == external_id)
            .and_then(|o| o.stocks.get(store).copied())
    }

    /// The price of an offer (by external id) of a price type.
    pub fn price(&self, external_id: &str, price_type: &str) -> Option<rust_decimal::Decimal> {
        let state = self.shell.state();
        state
            .offers
            .iter()
            .find(|o| o.external_id == external_id)
            .and_then(|o| o.prices.get(price_type).copied())
    }
}

/// RetailCRM's error body.
pub(crate) fn error(status: u16, message: &str, errors: Option<Value>) -> Answer {
    let mut body = json!({ "success": false, "errorMsg": message });
    if let Some(errors) = errors {
        body["errors"] = errors;
    }
    Answer::json(status, &body)
}

/// A 400 naming the parameters at fault.
pub(crate) fn bad_input(errors: Value) -> Answer {
    error(400, "Errors in the input parameters", Some(errors))
}

/// A success: `{"success": true, ...fields}`.
pub(crate) fn ok(status: u16, fields: Value) -> Answer {
    let mut body = json!({ "success": true });
    if let (Some(b), Value::Object(f)) = (body.as_object_mut(), fields) {
        b.extend(f);
    }
    Answer::json(status, &body)
}

/// The fields of a form write, checked: the content type, no field the method does not
/// take, `by` of `id` or `externalId`.
pub(crate) fn form(call: &Call<'_>, allowed: &[&str]) -> Result<Vec<(String, String)>, Answer> {
    let ct = call.header("content-type").unwrap_or_default();
    if !ct.starts_with("application/x-www-form-urlencoded") {
        return Err(error(
            400,
            "The request body must be application/x-www-form-urlencoded",
            None,
        ));
    }
    let fields: Vec<(String, String)> = url::form_urlencoded::parse(call.body())
        .into_owned()
        .collect();
    let unknown: serde_json::Map<String, Value> = fields
        .iter()
        .filter(|(k, _)| !allowed.contains(&k.as_str()))
        .map(|(k, _)| (k.clone(), json!("This parameter is not expected.")))
        .collect();
    if !unknown.is_empty() {
        return Err(bad_input(Value::Object(unknown)));
    }
    if let Some((_, by)) = fields.iter().find(|(k, _)| k == "by")
        && by != "id"
        && by != "externalId"
    {
        return Err(bad_input(
            json!({ "by": "The value must be id or externalId." }),
        ));
    }
    Ok(fields)
}

/// A text field of a form.
pub(crate) fn text<'f>(fields: &'f [(String, String)], name: &str) -> Option<&'f str> {
    fields
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// A JSON field of a form, required.
pub(crate) fn json_field(fields: &[(String, String)], name: &str) -> Result<Value, Answer> {
    let raw = text(fields, name)
        .ok_or_else(|| bad_input(json!({ name: "This value should not be blank." })))?;
    serde_json::from_str(raw)
        .map_err(|_| bad_input(json!({ name: "This value is not valid JSON." })))
}

/// `page` (from 1) and `limit` (20, 50 or 100) of a read.
pub(crate) fn paging(call: &Call<'_>) -> Result<(usize, usize), Answer> {
    let limit = match call.query("limit").as_deref() {
        None => 20,
        Some("20") => 20,
        Some("50") => 50,
        Some("100") => 100,
        Some(_) => {
            return Err(bad_input(
                json!({ "limit": "The value must be one of 20, 50, 100." }),
            ));
        }
    };
    let page = match call.query("page") {
        None => 1,
        Some(p) => match p.parse::<usize>() {
            Ok(n) if n >= 1 => n,
            _ => return Err(bad_input(json!({ "page": "The value must be 1 or more." }))),
        },
    };
    Ok((page, limit))
}

/// One page of `items` and its `pagination`.
pub(crate) fn page_of(items: Vec<Value>, page: usize, limit: usize) -> (Vec<Value>, Value) {
    let total = items.len();
    let pages = total.div_ceil(limit);
    let shown: Vec<Value> = items
        .into_iter()
        .skip((page - 1).saturating_mul(limit))
        .take(limit)
        .collect();
    (
        shown,
        json!({ "limit": limit, "totalCount": total, "currentPage": page, "totalPageCount": pages }),
    )
}

/// The values of a `filter[name][]` (or `filter[name]`) query parameter.
pub(crate) fn filter_values(call: &Call<'_>, name: &str) -> Vec<String> {
    let mut v = call.query_all(&format!("filter[{name}][]"));
    v.extend(call.query_all(&format!("filter[{name}]")));
    v
}

impl Emulate for RetailCrm {
    type State = State;

    fn operations(&self) -> &[&'static Operation] {
        crate::api::OPERATIONS
    }

    fn authorize(&self, request: &wiremock::Request) -> Result<String, Answer> {
        let key = request
            .headers
            .get("x-api-key")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
            .or_else(|| {
                request
                    .url
                    .query_pairs()
                    .find(|(k, _)| k == "apiKey")
                    .map(|(_, v)| v.into_owned())
            });
        match key {
            None => Err(error(403, "\"apiKey\" is missing.", None)),
            Some(k) if self.keys.contains(&k) => Ok(k),
            Some(_) => Err(error(403, "Wrong \"apiKey\" value.", None)),
        }
    }

    fn refuse(&self, refusal: &Refusal) -> Answer {
        match refusal {
            Refusal::NotFound { .. } => error(404, "API method not found", None),
            Refusal::InjectedServerError => error(500, "Internal server error", None),
            // Over the limit: 503 and no hint of how long to wait, as RetailCRM answers.
            Refusal::InjectedRateLimit | Refusal::RateLimited(_) => {
                Answer::raw(503, "Service Temporarily Unavailable", "text/plain")
            }
        }
    }

    fn charges(&self, call: &Call<'_>) -> Vec<Charge> {
        let (group, count) = if call.op.limit_group == limits::TELEPHONY {
            (limits::TELEPHONY, limits::TELEPHONY_PER_SECOND)
        } else {
            (limits::GENERAL, limits::GENERAL_PER_SECOND)
        };
        vec![Charge::one(
            format!("{}/{group}", call.account),
            Quota::Bucket {
                count,
                period: Duration::from_secs(1),
                burst: count,
            },
        )]
    }

    fn handle(&self, state: &mut State, call: &Call<'_>) -> Answer {
        let name = call.op.name;
        if let Some(answer) = system::handle(state, call) {
            return answer;
        }
        if name.starts_with("reference_") {
            return reference::handle(state, call);
        }
        if name.starts_with("store_") {
            return store::handle(state, call);
        }
        if name.starts_with("customers_") && !name.starts_with("customers_corporate") {
            return customers::handle(state, call);
        }
        if name.starts_with("orders_") && !name.starts_with("orders_packs") {
            return orders::handle(state, call);
        }
        error(400, &format!("{name} is not emulated by the sandbox"), None)
    }
}
