//! How a vendor is described on market-core, end to end, against a local emulator: no
//! account, no network. (For the first steps with a real vendor crate, see
//! `examples/quickstart.rs`.)
//!
//! A tiny vendor ("demo shop") is described the way every vendor crate describes its vendor:
//! a [`Vendor`] hook (auth header, rate limit), one [`Operation`] per endpoint, and an
//! `impl Marketplace`. The transport does the rest: it splits a 2,500-item stock push at the
//! vendor's 1,000-item maximum, rejects a negative stock by name, retries a 503 and a 429 the
//! emulator injects, streams orders across pages, and imports them idempotently twice.
//!
//! Run it with `cargo run --example custom_vendor`.
#![allow(clippy::print_stdout, clippy::unwrap_used, clippy::expect_used)]

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use async_trait::async_trait;
use chrono::{TimeDelta, Utc};
use futures::TryStreamExt;
use futures::stream::BoxStream;
use market::core::batch::run_batches;
use market::core::helpers::{
    ChannelPricing, ImportKey, Kit, LinkStore, MemoryLinkStore, OrderImporter, OrderSink, Rounding,
    StockPolicy, channel_price,
};
use market::core::paginate::{Page, paginate};
use market::core::reexports::secrecy::{ExposeSecret, SecretString};
use market::core::transport::{Operation, RateLimit, RetryPolicy, Transport, Vendor};
use market::core::{
    BatchReport, Capabilities, Capability, Currency, DeliveryScheme, ItemKey, Lifecycle, LocalId,
    Marketplace, MarketplaceKind, Order, OrderId, OrderLine, OrderQuery, OrderStatus,
    RejectionStage, Result, StockUpdate, TimeWindow,
};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use wiremock::matchers::{header, method, path};
use wiremock::{Mock, MockServer, Request as WireRequest, Respond, ResponseTemplate};

// ---- The vendor description: what a vendor crate writes. -------------------------------

#[derive(Debug)]
struct DemoShop {
    key: SecretString,
}

impl Vendor for DemoShop {
    fn kind(&self) -> market_core::MarketplaceKind {
        market_core::MarketplaceKind::Other("demo-shop".into())
    }
    fn name(&self) -> &'static str {
        "demo-shop"
    }

    fn authorize(&self, headers: &mut http::HeaderMap) -> Result<()> {
        let mut value = http::HeaderValue::from_str(self.key.expose_secret())
            .map_err(|e| market::Error::Config(e.to_string()))?;
        value.set_sensitive(true);
        headers.insert("api-key", value);
        Ok(())
    }

    fn rate_limit(&self, group: &str) -> Option<RateLimit> {
        match group {
            "stocks" => Some(RateLimit::per_second(5)),
            _ => Some(RateLimit::per_second(20)),
        }
    }
}

static STOCKS_UPDATE: Operation = Operation::post("stocks_update", "/v1/stocks")
    .in_group("stocks")
    .batch_max(1000);
static ORDERS_LIST: Operation = Operation::post("orders_list", "/v1/orders/list");

struct DemoClient {
    transport: Transport,
}

#[async_trait]
impl Marketplace for DemoClient {
    fn kind(&self) -> MarketplaceKind {
        MarketplaceKind::Other("demo-shop".into())
    }

    fn account(&self) -> &str {
        "demo-account"
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities::of(&[Capability::Stocks, Capability::Orders])
    }

    async fn update_stocks(&self, updates: &[StockUpdate]) -> Result<BatchReport> {
        let max = STOCKS_UPDATE.batch_max.unwrap_or(1000);
        Ok(run_batches(
            updates.to_vec(),
            max,
            StockUpdate::key,
            |s| s.validate(true),
            |chunk| async move {
                let body = json!({ "stocks": chunk });
                let answer: Value = self
                    .transport
                    .json(STOCKS_UPDATE.request().weight(chunk.len()).json(&body)?)
                    .await?;
                let mut report = BatchReport::new();
                for r in answer["result"].as_array().into_iter().flatten() {
                    let key = ItemKey::stock(
                        r["offer_id"].as_str().unwrap_or_default(),
                        r["warehouse_id"].as_str().unwrap_or_default(),
                    );
                    match r["error"].as_str() {
                        None => report.accept(key),
                        Some(e) => report.reject(key, RejectionStage::Vendor, Some(e.into()), e),
                    }
                }
                Ok(report)
            },
        )
        .await)
    }

    fn orders(&self, query: OrderQuery) -> BoxStream<'_, Result<Order>> {
        paginate(0u64, move |offset| {
            let query = query.clone();
            async move {
                let body = json!({ "since": query.window.since, "until": query.window.until, "offset": offset, "limit": 100 });
                let answer: Value = self
                    .transport
                    .json(ORDERS_LIST.request().json(&body)?)
                    .await?;
                let orders: Vec<Order> = answer["orders"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(to_order)
                    .collect();
                let next = offset + orders.len() as u64;
                Ok(if answer["has_next"] == json!(true) {
                    Page::more(orders, next)
                } else {
                    Page::last(orders)
                })
            }
        })
    }
}

fn to_order(raw: &Value) -> Order {
    let status = raw["status"].as_str().unwrap_or_default();
    let lifecycle = match status {
        "new" => Lifecycle::AwaitingPackaging,
        "shipped" => Lifecycle::InDelivery,
        _ => Lifecycle::Unknown,
    };
    Order {
        marketplace: MarketplaceKind::Other("demo-shop".into()),
        id: OrderId::new(raw["id"].as_str().unwrap_or_default()),
        parent_id: None,
        scheme: DeliveryScheme::Fbs,
        status: OrderStatus::new(lifecycle, status),
        created_at: Utc::now(),
        updated_at: None,
        ship_by: None,
        warehouse_id: None,
        currency: Currency::Rub,
        lines: vec![OrderLine {
            offer_id: "BALL".into(),
            sku: None,
            name: None,
            quantity: 1,
            unit_price: raw["price"]
                .as_str()
                .and_then(|p| p.parse().ok())
                .unwrap_or_default(),
        }],
        raw: raw.clone(),
    }
}

// ---- The emulator: a stateful wiremock responder with injected faults. -----------------

struct StockEndpoint {
    calls: AtomicUsize,
}

impl Respond for StockEndpoint {
    fn respond(&self, request: &WireRequest) -> ResponseTemplate {
        match self.calls.fetch_add(1, Ordering::SeqCst) {
            0 => return ResponseTemplate::new(503).set_body_string("maintenance"),
            2 => {
                return ResponseTemplate::new(429)
                    .insert_header("Retry-After", "1")
                    .set_body_json(json!({"message": "slow down"}));
            }
            _ => {}
        }
        let body: Value = serde_json::from_slice(&request.body).unwrap_or_default();
        let result: Vec<Value> = body["stocks"]
            .as_array()
            .into_iter()
            .flatten()
            .map(|s| {
                let unknown = s["offer_id"]
                    .as_str()
                    .is_some_and(|o| o.starts_with("GONE"));
                json!({
                    "offer_id": s["offer_id"], "warehouse_id": s["warehouse_id"],
                    "error": if unknown { json!("OFFER_NOT_FOUND") } else { Value::Null },
                })
            })
            .collect();
        ResponseTemplate::new(200).set_body_json(json!({ "result": result }))
    }
}

struct OrdersEndpoint;

impl Respond for OrdersEndpoint {
    fn respond(&self, request: &WireRequest) -> ResponseTemplate {
        let body: Value = serde_json::from_slice(&request.body).unwrap_or_default();
        let offset = body["offset"].as_u64().unwrap_or(0);
        let total = 250u64;
        let orders: Vec<Value> = (offset..(offset + 100).min(total))
            .map(|i| json!({"id": format!("P-{i:05}"), "status": if i % 10 == 0 { "shipped" } else { "new" }, "price": "480.000000"}))
            .collect();
        ResponseTemplate::new(200)
            .set_body_json(json!({ "orders": orders, "has_next": offset + 100 < total }))
    }
}

/// The seller's ERP: numbers new orders and keeps each one's import key (its external-id
/// column), which is how the importer finds an order it created but could not link.
struct Erp {
    created: AtomicUsize,
    keys: Mutex<HashMap<ImportKey, LocalId>>,
}

#[async_trait]
impl OrderSink for Erp {
    async fn create(&self, order: &Order, key: &ImportKey) -> Result<LocalId> {
        let mut keys = self.keys.lock().unwrap_or_else(|e| e.into_inner());
        let n = self.created.fetch_add(1, Ordering::SeqCst);
        let local = LocalId::new(format!("ERP-{n}-{}", order.id));
        keys.insert(key.clone(), local.clone());
        Ok(local)
    }

    async fn find(&self, key: &ImportKey) -> Result<Option<LocalId>> {
        let keys = self.keys.lock().unwrap_or_else(|e| e.into_inner());
        Ok(keys.get(key).cloned())
    }

    async fn status_changed(
        &self,
        _local: &LocalId,
        _order: &Order,
        _previous: &OrderStatus,
    ) -> Result<()> {
        Ok(())
    }
}

#[tokio::main]
async fn main() -> Result<()> {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/stocks"))
        .and(header("api-key", "demo-key"))
        .respond_with(StockEndpoint {
            calls: AtomicUsize::new(0),
        })
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v1/orders/list"))
        .respond_with(OrdersEndpoint)
        .mount(&server)
        .await;
    println!("emulator listening on {}", server.uri());

    let transport = Transport::builder(
        DemoShop {
            key: SecretString::from("demo-key"),
        },
        &server.uri(),
    )?
    .retry(RetryPolicy {
        initial_delay: Duration::from_millis(200),
        ..RetryPolicy::default()
    })
    .user_agent("custom_vendor", env!("CARGO_PKG_VERSION"))
    .build()?;
    let shop: Box<dyn Marketplace> = Box::new(DemoClient { transport });
    println!(
        "{} (account {}): {:?}",
        shop.kind(),
        shop.account(),
        shop.capabilities()
    );

    // 1. Stocks: a kit, a safety reserve, a blocked offer, a negative stock, 2,500 items.
    let kit = Kit::new("BALLS-AND-BASKET")
        .with_component("BALL", 2, 3)
        .with_component("BASKET", 1, 5);
    let policy = StockPolicy::new()
        .with_safety_reserve(1)
        .with_blocked("RECALLED");
    let mut stocks: Vec<StockUpdate> = (0..2_496)
        .map(|i| StockUpdate::new(format!("SKU-{i:04}"), "WH-1", (i % 7) as i64))
        .collect();
    stocks.push(StockUpdate::new(
        kit.offer_id.clone(),
        "WH-1",
        kit.stock()? as i64,
    ));
    stocks.push(StockUpdate::new("RECALLED", "WH-1", 40));
    stocks.push(StockUpdate::new("GONE-1", "WH-1", 3));
    let mut stocks = policy.apply(stocks);
    stocks.push(StockUpdate::new("BROKEN", "WH-1", -4));
    let report = shop.update_stocks(&stocks).await?;
    println!(
        "stocks: {} sent, {} accepted, {} rejected",
        stocks.len(),
        report.accepted.len(),
        report.rejected.len()
    );
    for r in &report.rejected {
        println!("  rejected {} at {:?}: {}", r.key, r.stage, r.message);
    }

    // 2. Prices: the channel price for a 1,000 rouble item with 20 % commission.
    let pricing = ChannelPricing::new(Decimal::new(20, 2))
        .with_logistics(Decimal::from(100))
        .with_rounding(Rounding::whole_roubles())
        .with_floor(Decimal::from(900));
    println!(
        "channel price of 1000.00: {}",
        channel_price(Decimal::from(1000), &pricing)?
    );

    // 3. Orders: stream every page, then import twice; the second import creates nothing.
    let window = TimeWindow::last(TimeDelta::days(1));
    let all: Vec<Order> = shop
        .orders(OrderQuery::window(window))
        .try_collect()
        .await?;
    println!("orders streamed: {} (3 pages)", all.len());
    let importer = OrderImporter::new(MemoryLinkStore::new());
    let erp = Erp {
        created: AtomicUsize::new(0),
        keys: Mutex::new(HashMap::new()),
    };
    let first = importer.import(shop.as_ref(), window, &erp).await?;
    let second = importer.import(shop.as_ref(), window, &erp).await?;
    println!(
        "import 1: {} created; import 2: {} created, {} unchanged; ERP holds {} orders",
        first.created.len(),
        second.created.len(),
        second.unchanged,
        erp.created.load(Ordering::SeqCst)
    );
    let linked = importer
        .store()
        .get(&shop.kind(), &OrderId::new("P-00001"))
        .await?
        .and_then(|state| state.link().map(|l| l.local_id.to_string()));
    println!("P-00001 is {}", linked.unwrap_or_default());
    Ok(())
}
