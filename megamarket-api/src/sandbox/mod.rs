//! A stateful local emulator of the Megamarket merchant API (feature `sandbox`), on
//! market-core's emulator shell: every pull method of [`crate::api::OPERATIONS`] against one
//! seller account, Megamarket's way of failing (HTTP 200 with `success: 0`), injected faults
//! ([`FaultPlan`]: 429, 5xx, slow, cut bodies), failures queued per method
//! ([`Sandbox::refuse_next`], [`Sandbox::result_zero_next`]), and the pushes: the emulator
//! posts `order/new` and `order/cancel` to a receiver URL like Megamarket does.
//!
//! ```
//! # tokio::runtime::Builder::new_current_thread().enable_all().build()?.block_on(async {
//! use market_core::Marketplace;
//! use megamarket_api::sandbox::{NewShipment, Sandbox};
//!
//! let sandbox = Sandbox::start(Default::default()).await;
//! let id = sandbox.add_shipment(NewShipment::fbs(&[("SKU-1", 2, 1990)]));
//! let mm = sandbox.client()?;
//! mm.confirm_order(&id.as_str().into()).await?;
//! assert_eq!(mm.order(&id.as_str().into()).await?.status.raw, "CONFIRMED");
//! # Ok::<(), market_core::Error>(())
//! # })?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod offers;
mod orders;
pub mod state;

use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, FixedOffset, SubsecRound, Utc};
use market_core::sandbox::{
    Answer, Call, Charge, Emulate, FaultPlan, Faults, Quota, Refusal, Shell,
};
use market_core::transport::Operation;
use market_core::wire::moscow;
use rust_decimal::Decimal;
use serde_json::{Value, json};

use crate::api::OPERATIONS;
use crate::client::{Client, ClientBuilder};
use crate::ids::{MerchantId, ShipmentId};
use crate::limits::{OFFERS_QUOTA, ORDERS_QUOTA};
use crate::models::orders::ShipmentStatus;
pub use state::{Forced, State};

/// How the emulator starts.
#[derive(Debug, Clone)]
pub struct SandboxConfig {
    /// The token the emulator accepts.
    pub token: String,
    /// The seller's merchant id (the first part of box codes).
    pub merchant_id: MerchantId,
    /// Faults to inject.
    pub faults: FaultPlan,
    /// Whether the emulator enforces the client's default quotas.
    pub rate_limits: bool,
    /// The offers of the seller's catalogue.
    pub catalogue: Vec<String>,
}

impl Default for SandboxConfig {
    fn default() -> Self {
        Self {
            token: "sandbox-token".into(),
            merchant_id: MerchantId(12345),
            faults: FaultPlan::none(),
            rate_limits: false,
            catalogue: vec!["SKU-1".into(), "SKU-2".into(), "SKU-3".into()],
        }
    }
}

/// A shipment to add to the emulator.
#[derive(Debug, Clone)]
pub struct NewShipment {
    /// DBS rather than FBS.
    pub dbs: bool,
    /// Lines: article, units, unit price in whole roubles (one item a line).
    pub lines: Vec<(String, u32, i64)>,
    /// When it was created (now when `None`).
    pub created: Option<DateTime<Utc>>,
}

impl NewShipment {
    /// An FBS shipment.
    pub fn fbs(lines: &[(&str, u32, i64)]) -> Self {
        Self {
            dbs: false,
            lines: lines
                .iter()
                .map(|(o, q, p)| ((*o).to_owned(), *q, *p))
                .collect(),
            created: None,
        }
    }

    /// A DBS shipment.
    pub fn dbs(lines: &[(&str, u32, i64)]) -> Self {
        Self {
            dbs: true,
            ..Self::fbs(lines)
        }
    }

    /// Created at `t`.
    pub fn at(mut self, t: DateTime<Utc>) -> Self {
        self.created = Some(t);
        self
    }
}

/// The Megamarket behaviour in the shell.
#[derive(Debug)]
pub struct Megamarket {
    token: String,
    merchant_id: MerchantId,
}

/// An envelope answer: `{"success": 1, "meta": {}, "data": ...}`.
pub(crate) fn ok(data: Value) -> Answer {
    Answer::json(200, &json!({"success": 1, "meta": {}, "data": data}))
}

/// Megamarket's refusal: HTTP 200, `success: 0`, the error list.
pub(crate) fn refuse(code: &str, message: impl Into<String>) -> Answer {
    Answer::json(
        200,
        &json!({"success": 0, "meta": {}, "data": {}, "error": [{"code": code, "message": message.into()}]}),
    )
}

/// The request's `data`, or Megamarket's refusal of a body it cannot read.
pub(crate) fn data<T: serde::de::DeserializeOwned>(call: &Call<'_>) -> Result<T, Answer> {
    call.json::<crate::models::common::Incoming<T>>()
        .map(|i| i.data.body)
        .map_err(|e| {
            refuse(
                "INVALID_REQUEST",
                format!("the request does not parse: {e}"),
            )
        })
}

fn token_of(body: &[u8]) -> Option<String> {
    let v: Value = serde_json::from_slice(body).ok()?;
    v.get("data")?.get("token")?.as_str().map(str::to_owned)
}

impl Emulate for Megamarket {
    type State = State;

    fn operations(&self) -> &[&'static Operation] {
        OPERATIONS
    }

    fn request_id(&self, n: u64) -> (&'static str, String) {
        ("x-request-id", format!("mm-sandbox-{n:08x}"))
    }

    /// The token is in the body: a missing or wrong one is refused Megamarket's way.
    fn authorize(&self, request: &wiremock::Request) -> Result<String, Answer> {
        match token_of(&request.body) {
            Some(t) if t == self.token => Ok(self.merchant_id.to_string()),
            Some(_) => Err(refuse("AUTHORIZATION_FAILED", "the token is not valid")),
            None => Err(refuse("AUTHORIZATION_FAILED", "data.token is missing")),
        }
    }

    fn refuse(&self, refusal: &Refusal) -> Answer {
        let body = json!({
            "success": 0, "meta": {}, "data": {},
            "error": [{"code": refusal.status().to_string(), "message": refusal.to_string()}]
        });
        let answer = Answer::json(refusal.status(), &body);
        match refusal {
            Refusal::RateLimited(r) => {
                answer.header("retry-after", r.retry_after.as_secs().max(1).to_string())
            }
            Refusal::InjectedRateLimit => answer.header("retry-after", "1"),
            _ => answer,
        }
    }

    fn charges(&self, call: &Call<'_>) -> Vec<Charge> {
        let limit = if call.op.limit_group == crate::limits::OFFERS {
            OFFERS_QUOTA
        } else {
            ORDERS_QUOTA
        };
        vec![Charge::one(
            call.op.limit_group,
            Quota::Bucket {
                count: limit.count,
                period: limit.period,
                burst: limit.burst,
            },
        )]
    }

    fn handle(&self, state: &mut State, call: &Call<'_>) -> Answer {
        if let Some(forced) = state.take_forced(call.op.name) {
            return match forced {
                Forced::Refuse { code, message } => refuse(&code, message),
                Forced::ResultZero => ok(json!({"result": 0})),
            };
        }
        let result = match call.op.name {
            "order_search" => orders::search(state, call),
            "order_get" => orders::get(state, call),
            "order_confirm" => orders::confirm(state, call),
            "order_reject" => orders::reject(state, call),
            "order_packing" => orders::packing(state, call, self.merchant_id),
            "sticker_print" => orders::sticker(state, call),
            "order_shipping" => orders::shipping(state, call),
            "order_close" => orders::close(state, call),
            "order_cancel_result" => orders::cancel_result(state, call),
            "stock_update" => offers::stock_update(state, call),
            "manual_price_save" => offers::price_save(state, call),
            other => Err(refuse("NOT_FOUND", format!("{other} is not emulated"))),
        };
        result.unwrap_or_else(|a| a)
    }
}

/// The running emulator.
#[derive(Debug)]
pub struct Sandbox {
    shell: Arc<Shell<Megamarket>>,
    server: wiremock::MockServer,
    config: SandboxConfig,
    http: reqwest::Client,
}

impl Sandbox {
    /// Starts the emulator on a local port.
    pub async fn start(config: SandboxConfig) -> Self {
        let state = State {
            catalogue: config.catalogue.clone(),
            ..State::default()
        };
        let shell = Shell::new(
            Megamarket {
                token: config.token.clone(),
                merchant_id: config.merchant_id,
            },
            state,
            Faults::new(config.faults.clone()),
            config.rate_limits,
        );
        let server = shell.serve().await;
        Self {
            shell,
            server,
            config,
            http: reqwest::Client::new(),
        }
    }

    /// The emulator's base URL.
    pub fn uri(&self) -> String {
        self.server.uri()
    }

    /// A client builder aimed at the emulator, with its token and merchant id.
    pub fn client_builder(&self) -> ClientBuilder {
        Client::builder(self.config.token.clone())
            .base_url(self.uri())
            .merchant_id(self.config.merchant_id)
    }

    /// A client of the emulator (quick retries: the emulator answers at once).
    pub fn client(&self) -> market_core::Result<Client> {
        let retry = market_core::transport::RetryPolicy {
            max_attempts: 4,
            initial_delay: Duration::from_millis(5),
            max_delay: Duration::from_millis(20),
            max_elapsed: Duration::from_secs(20),
            jitter: false,
        };
        self.client_builder().retry(retry).build()
    }

    /// The offers of the seller's catalogue.
    pub fn offers(&self) -> Vec<String> {
        self.config.catalogue.clone()
    }

    /// The merchant id of the account.
    pub fn merchant_id(&self) -> MerchantId {
        self.config.merchant_id
    }

    /// The account, locked.
    pub fn state(&self) -> std::sync::MutexGuard<'_, State> {
        self.shell.state()
    }

    /// The shell: request log, faults.
    pub fn shell(&self) -> &Shell<Megamarket> {
        &self.shell
    }

    /// Adds a new shipment (status `NEW`), as Megamarket creates one when a buyer orders.
    pub fn add_shipment(&self, new: NewShipment) -> ShipmentId {
        let mut state = self.state();
        state.last_id += 1;
        let id = ShipmentId(format!("9{:011}", state.last_id));
        let created = new
            .created
            .unwrap_or_else(Utc::now)
            .with_timezone(&moscow::offset());
        let items = new
            .lines
            .iter()
            .enumerate()
            .map(|(n, (offer, qty, price))| state::Item {
                index: (n + 1).to_string(),
                offer_id: offer.clone(),
                goods_id: format!("10000000{:04}", n + 1),
                name: format!("Sandbox {offer}"),
                price: Decimal::from(*price),
                quantity: *qty,
                status: ShipmentStatus::New,
                sub_status: None,
                box_index: None,
                cancel_requested: false,
            })
            .collect();
        state.shipments.insert(
            id.clone(),
            state::Shipment {
                id: id.clone(),
                order_code: id.0.clone(),
                dbs: new.dbs,
                created,
                items,
                boxes: Vec::new(),
                shipped_at: None,
            },
        );
        id
    }

    /// The next call of `op` (an operation name, `"order_confirm"`) is refused with
    /// `success: 0` and this code and message.
    pub fn refuse_next(&self, op: &str, code: &str, message: &str) {
        self.state().forced.push_back((
            op.to_owned(),
            Forced::Refuse {
                code: code.to_owned(),
                message: message.to_owned(),
            },
        ));
    }

    /// The next call of `op` answers `success: 1` with `data.result: 0`.
    pub fn result_zero_next(&self, op: &str) {
        self.state()
            .forced
            .push_back((op.to_owned(), Forced::ResultZero));
    }

    /// Pushes `order/new` for a shipment to `<receiver>/order/new`, as Megamarket does; true
    /// when the receiver answered `success: 1`.
    pub async fn push_order_new(
        &self,
        receiver: &str,
        id: &ShipmentId,
    ) -> market_core::Result<bool> {
        let shipment = self
            .state()
            .shipments
            .get(id)
            .map(state::Shipment::to_push)
            .ok_or_else(|| market_core::Error::invalid(format!("no shipment {id}")))?;
        let body = json!({"meta": {}, "data": {"merchantId": self.config.merchant_id.get(), "shipments": [shipment]}});
        self.post(receiver, crate::push::PATH_ORDER_NEW, &body)
            .await
    }

    /// Cancels items of a shipment on the buyer's side and pushes `order/cancel` to
    /// `<receiver>/order/cancel`; the seller answers with `order/cancelResult`. True when the
    /// receiver answered `success: 1`.
    pub async fn push_order_cancel(
        &self,
        receiver: &str,
        id: &ShipmentId,
        item_indexes: &[&str],
    ) -> market_core::Result<bool> {
        let items: Vec<Value> = {
            let mut state = self.state();
            let shipment = state
                .shipments
                .get_mut(id)
                .ok_or_else(|| market_core::Error::invalid(format!("no shipment {id}")))?;
            let mut items = Vec::new();
            for index in item_indexes {
                let item = shipment.item_mut(index).ok_or_else(|| {
                    market_core::Error::invalid(format!("no item {index} in {id}"))
                })?;
                item.cancel_requested = true;
                items.push(json!({"itemIndex": item.index, "goodsId": item.goods_id, "offerId": item.offer_id}));
            }
            items
        };
        let body = json!({"meta": {}, "data": {"merchantId": self.config.merchant_id.get(),
            "shipments": [{"shipmentId": id, "items": items}]}});
        self.post(receiver, crate::push::PATH_ORDER_CANCEL, &body)
            .await
    }

    async fn post(&self, receiver: &str, path: &str, body: &Value) -> market_core::Result<bool> {
        let url = format!("{}{path}", receiver.trim_end_matches('/'));
        let response = self
            .http
            .post(&url)
            .json(body)
            .timeout(Duration::from_secs(10))
            .send()
            .await
            .map_err(|e| market_core::Error::Transport {
                vendor: "megamarket-sandbox",
                operation: "push",
                message: e.without_url().to_string(),
                not_sent: true,
                source: None,
            })?;
        let ok_status = response.status().is_success();
        let bytes = response.bytes().await.unwrap_or_default();
        Ok(ok_status && crate::error::verdict(&bytes).is_some_and(|v| v.success == Some(true)))
    }

    /// Moscow time now, as the emulator dates things.
    pub fn now() -> DateTime<FixedOffset> {
        Utc::now().with_timezone(&moscow::offset()).trunc_subsecs(0)
    }
}
