//! `impl market_core::Marketplace for Client`: Wildberries seen through the seller's model.
//!
//! | trait | WB |
//! |---|---|
//! | warehouses | `GET /api/v3/warehouses` (seller warehouses, FBS) |
//! | update_stocks | `PUT /api/v3/stocks/{warehouseId}`: the offer id is the size's **barcode** |
//! | update_prices | `POST /api/v2/upload/task`: the offer id is the **nmID**; WB's price is the full (strike-through) price and the selling price is reached with a whole-percent discount |
//! | orders | `GET /api/v3/orders` by the window, statuses from `POST /api/v3/orders/status` |
//! | confirm_order | adds the order to an open supply (created when none is open) |
//! | ship_order | delivers the order's supply (every order in it goes with it) |
//! | cancel_order | `PATCH /api/v3/orders/{orderId}/cancel` |
//! | label | the order's sticker (`POST /api/v3/orders/stickers`, SVG 58x40) |
//! | returns | buyer claims (`GET /api/v1/claims`, open then archived) |
//!
//! Not offered through the trait yet: cards (WB creates them asynchronously and reports only
//! failures; use [`crate::api::content`]) and packing (WB has no packing step).

use std::collections::HashMap;

use async_trait::async_trait;
use chrono::{DateTime, TimeDelta, Utc};
use futures::stream::{self, BoxStream, StreamExt, TryStreamExt};
use market_core::{
    BatchReport, CancelReason, Capabilities, Capability, Currency, DeliveryScheme, Error, ItemKey,
    Label, LabelFormat, Lifecycle, Marketplace, MarketplaceKind, Order, OrderId as CoreOrderId,
    OrderLine, OrderQuery, OrderStatus as CoreStatus, PriceUpdate, RejectionStage, Result, Return,
    ReturnLine, ReturnQuery, StockUpdate, Warehouse,
};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::Client;
use crate::ids::{NmId, OrderId, SupplyId, WarehouseId};
use crate::models::orders::{
    Order as WbOrder, OrderStatus, OrdersWindow, StickerSize, StickerType, SupplierStatus, WbStatus,
};
use crate::models::prices::GoodPrice;
use crate::models::returns::{Claim, ClaimsQuery};
use crate::models::stocks::StockItem;

/// How far back `order(id)` and `ship_order` look for an order (WB has no single-order read).
pub const LOOKUP_WINDOW: TimeDelta = TimeDelta::days(30);

/// The name given to supplies this client creates.
pub const SUPPLY_NAME: &str = "market-rs";

/// Maps WB's two statuses onto the unified lifecycle.
///
/// | WB | lifecycle |
/// |---|---|
/// | wbStatus `canceled`, `canceled_by_client`, `declined_by_client`, `defect`, or supplierStatus `cancel` | Cancelled |
/// | wbStatus `sold` | Delivered |
/// | supplierStatus `new` | AwaitingConfirmation (add it to a supply) |
/// | supplierStatus `confirm` (in a supply, to hand over) | AwaitingShipment |
/// | supplierStatus `complete` (supply delivered), or wbStatus `sorted`, `ready_for_pickup`, `sent_to_carrier`, `accepted_by_carrier`, `postponed_delivery` | InDelivery |
/// | anything else | Unknown |
pub fn lifecycle(supplier: Option<&SupplierStatus>, wb: Option<&WbStatus>) -> Lifecycle {
    match (supplier, wb) {
        (
            _,
            Some(
                WbStatus::Canceled
                | WbStatus::CanceledByClient
                | WbStatus::DeclinedByClient
                | WbStatus::Defect,
            ),
        )
        | (Some(SupplierStatus::Cancel), _) => Lifecycle::Cancelled,
        (_, Some(WbStatus::Sold)) => Lifecycle::Delivered,
        (Some(SupplierStatus::New), _) => Lifecycle::AwaitingConfirmation,
        (Some(SupplierStatus::Confirm), _) => Lifecycle::AwaitingShipment,
        (Some(SupplierStatus::Complete), _)
        | (
            _,
            Some(
                WbStatus::Sorted
                | WbStatus::ReadyForPickup
                | WbStatus::SentToCarrier
                | WbStatus::AcceptedByCarrier
                | WbStatus::PostponedDelivery,
            ),
        ) => Lifecycle::InDelivery,
        _ => Lifecycle::Unknown,
    }
}

/// The raw status kept on the unified order: `supplierStatus/wbStatus`.
fn raw_status(s: Option<&OrderStatus>) -> String {
    let supplier = s
        .and_then(|s| s.supplier_status.as_ref())
        .map_or("", |v| v.as_str());
    let wb = s
        .and_then(|s| s.wb_status.as_ref())
        .map_or("", |v| v.as_str());
    format!("{supplier}/{wb}")
}

/// A WB assembly task (with its statuses, when known) as an [`Order`].
pub fn order_from_wb(o: &WbOrder, status: Option<&OrderStatus>) -> Order {
    let lifecycle = lifecycle(
        status.and_then(|s| s.supplier_status.as_ref()),
        status.and_then(|s| s.wb_status.as_ref()),
    );
    Order {
        marketplace: MarketplaceKind::Wildberries,
        id: CoreOrderId::new(o.id.to_string()),
        parent_id: Some(o.order_uid.clone()).filter(|u| !u.is_empty()),
        scheme: DeliveryScheme::Fbs,
        status: CoreStatus::new(lifecycle, raw_status(status)),
        created_at: o.created_at,
        updated_at: None,
        ship_by: None,
        warehouse_id: Some(o.warehouse_id.to_string().into()),
        currency: if o.currency_code == 643 || o.currency_code == 0 {
            Currency::Rub
        } else {
            Currency::Other(o.currency_code.to_string())
        },
        lines: vec![OrderLine {
            offer_id: o.article.as_str().into(),
            sku: Some(o.nm_id.to_string().into()),
            name: None,
            quantity: 1,
            unit_price: o.price_amount(),
        }],
        raw: serde_json::to_value(o).unwrap_or_default(),
    }
}

/// A WB claim as a [`Return`].
pub fn return_from_claim(c: &Claim) -> Return {
    Return {
        id: c.id.as_str().into(),
        order_id: Some(c.srid.clone())
            .filter(|s| !s.is_empty())
            .map(Into::into),
        scheme: None,
        status: c.status.to_string(),
        created_at: c.dt,
        lines: vec![ReturnLine {
            offer_id: None,
            sku: Some(c.nm_id.to_string().into()),
            quantity: 1,
            reason: Some(c.user_comment.clone()).filter(|s| !s.is_empty()),
        }],
        raw: serde_json::to_value(c).unwrap_or_default(),
    }
}

fn wb_order_id(id: &CoreOrderId) -> Result<OrderId> {
    id.as_str()
        .trim()
        .parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .map(OrderId)
        .ok_or_else(|| {
            Error::validation(
                format!("order {id}"),
                "not a WB assembly task id (a positive number)",
            )
        })
}

/// WB's full price and whole-percent discount that reach `price` (from `old_price` when set).
fn wb_price(u: &PriceUpdate) -> std::result::Result<GoodPrice, String> {
    u.validate(None)?;
    let nm: i64 = u
        .offer_id
        .as_str()
        .trim()
        .parse()
        .map_err(|_| "WB prices are set per nmID: the offer id must be the nmID".to_owned())?;
    let full = u
        .old_price
        .filter(|o| *o > Decimal::ZERO)
        .unwrap_or(u.price);
    let discount = if full > u.price {
        let ratio = u.price.checked_div(full).ok_or("price ratio overflows")?;
        let percent = (Decimal::ONE - ratio)
            .checked_mul(Decimal::from(100))
            .ok_or("discount overflows")?
            .round();
        percent.to_i32().ok_or("discount out of range")?
    } else {
        0
    };
    Ok(GoodPrice::new(NmId(nm), full.round_dp(0), discount))
}

impl Client {
    /// The statuses of a page of orders, by id.
    async fn statuses_of(&self, orders: &[WbOrder]) -> Result<HashMap<OrderId, OrderStatus>> {
        let ids: Vec<OrderId> = orders.iter().map(|o| o.id).collect();
        if ids.is_empty() {
            return Ok(HashMap::new());
        }
        Ok(self
            .orders()
            .statuses(ids)
            .await?
            .into_iter()
            .map(|s| (s.id, s))
            .collect())
    }

    /// Finds an order of the last [`LOOKUP_WINDOW`].
    async fn find_order(&self, id: OrderId) -> Result<WbOrder> {
        let now = Utc::now();
        let mut stream = self
            .orders()
            .list_stream(OrdersWindow::between(now - LOOKUP_WINDOW, now));
        while let Some(o) = stream.try_next().await? {
            if o.id == id {
                return Ok(o);
            }
        }
        Err(Error::validation(
            format!("order {id}"),
            "not found among WB's orders of the last 30 days",
        ))
    }

    /// An open supply (not yet delivered), or a new one.
    async fn open_supply(&self) -> Result<SupplyId> {
        let mut supplies = self.supplies().list_stream();
        let mut open = None;
        while let Some(s) = supplies.try_next().await? {
            if !s.done && s.name == SUPPLY_NAME {
                open = Some(s.id);
            }
        }
        match open {
            Some(id) => Ok(id),
            None => self.supplies().create(SUPPLY_NAME).await,
        }
    }
}

#[async_trait]
impl Marketplace for Client {
    fn kind(&self) -> MarketplaceKind {
        MarketplaceKind::Wildberries
    }

    fn account(&self) -> &str {
        Client::account(self)
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities::of(&[
            Capability::Warehouses,
            Capability::Stocks,
            Capability::Prices,
            Capability::Orders,
            Capability::ConfirmOrder,
            Capability::ShipOrder,
            Capability::CancelOrder,
            Capability::Labels,
            Capability::Returns,
        ])
    }

    async fn warehouses(&self) -> Result<Vec<Warehouse>> {
        Ok(self
            .warehouses()
            .list()
            .await?
            .into_iter()
            .map(|w| Warehouse {
                id: w.id.to_string().into(),
                name: w.name.clone(),
                scheme: DeliveryScheme::Fbs,
                active: !w.is_deleting,
                address: None,
                raw: serde_json::to_value(&w).unwrap_or_default(),
            })
            .collect())
    }

    async fn update_stocks(&self, updates: &[StockUpdate]) -> Result<BatchReport> {
        let mut report = BatchReport::new();
        let mut by_warehouse: HashMap<WarehouseId, Vec<(ItemKey, StockItem)>> = HashMap::new();
        for u in updates {
            let parsed = u.validate(true).and_then(|()| {
                u.warehouse_id
                    .as_ref()
                    .and_then(|w| w.as_str().trim().parse::<WarehouseId>().ok())
                    .filter(|w| w.0 > 0)
                    .ok_or_else(|| {
                        "the warehouse id is not a WB warehouse id (a positive number)".to_owned()
                    })
            });
            match parsed {
                Ok(w) => by_warehouse
                    .entry(w)
                    .or_default()
                    .push((u.key(), StockItem::barcode(u.offer_id.as_str(), u.quantity))),
                Err(m) => report.reject(
                    u.key(),
                    RejectionStage::Validation,
                    Some("validation".into()),
                    m,
                ),
            }
        }
        for (warehouse, items) in by_warehouse {
            let keys: HashMap<String, ItemKey> = items
                .iter()
                .map(|(k, _)| (k.offer_id.as_str().to_owned(), k.clone()))
                .collect();
            let all_keys: Vec<ItemKey> = items.iter().map(|(k, _)| k.clone()).collect();
            let sent = match self
                .stocks()
                .update(warehouse, items.into_iter().map(|(_, i)| i).collect())
                .await
            {
                Ok(sent) => sent,
                // A refusal of one warehouse's items must not lose the other warehouses'.
                Err(e) => {
                    for k in all_keys {
                        report.reject(k, RejectionStage::Request, Some(e.code()), e.to_string());
                    }
                    continue;
                }
            };
            report.merge(sent.map_keys(|k| {
                let barcode = k.sku.clone().unwrap_or_default();
                keys.get(&barcode)
                    .cloned()
                    .unwrap_or_else(|| ItemKey::stock(barcode, warehouse.to_string()))
            }));
        }
        Ok(report)
    }

    async fn update_prices(&self, updates: &[PriceUpdate]) -> Result<BatchReport> {
        let mut report = BatchReport::new();
        let mut items = Vec::new();
        let mut keys: HashMap<NmId, ItemKey> = HashMap::new();
        for u in updates {
            match wb_price(u) {
                Ok(g) => {
                    keys.insert(g.nm_id, u.key());
                    items.push(g);
                }
                Err(m) => report.reject(
                    u.key(),
                    RejectionStage::Validation,
                    Some("validation".into()),
                    m,
                ),
            }
        }
        if !items.is_empty() {
            let sent = self.prices().upload(items).await?;
            report.merge(sent.report.map_keys(|nm| {
                keys.get(&nm)
                    .cloned()
                    .unwrap_or_else(|| ItemKey::offer(nm.to_string()))
            }));
        }
        Ok(report)
    }

    fn orders(&self, query: OrderQuery) -> BoxStream<'_, Result<Order>> {
        if !query.wants_scheme(&DeliveryScheme::Fbs) {
            return stream::empty().boxed();
        }
        let window = OrdersWindow::between(query.window.since, query.window.until);
        self.orders()
            .list_stream(window)
            .chunks(crate::api::orders::ORDERS_STATUS_MAX)
            .then(move |chunk| async move {
                let orders: Vec<WbOrder> = match chunk.into_iter().collect::<Result<Vec<_>>>() {
                    Ok(o) => o,
                    Err(e) => return vec![Err(e)],
                };
                match self.statuses_of(&orders).await {
                    Ok(statuses) => orders
                        .iter()
                        .map(|o| Ok(order_from_wb(o, statuses.get(&o.id))))
                        .collect(),
                    Err(e) => vec![Err(e)],
                }
            })
            .flat_map(stream::iter)
            .filter(move |r| {
                let keep = match r {
                    Ok(o) => query.wants_status(o.status.lifecycle),
                    Err(_) => true,
                };
                futures::future::ready(keep)
            })
            .boxed()
    }

    async fn order(&self, id: &CoreOrderId) -> Result<Order> {
        let order = self.find_order(wb_order_id(id)?).await?;
        let statuses = self.statuses_of(std::slice::from_ref(&order)).await?;
        Ok(order_from_wb(&order, statuses.get(&order.id)))
    }

    async fn confirm_order(&self, id: &CoreOrderId) -> Result<()> {
        let order = wb_order_id(id)?;
        let supply = self.open_supply().await?;
        let report = self.supplies().add_orders(&supply, vec![order]).await?;
        match report.rejected.first() {
            Some(r) => Err(Error::validation(format!("order {id}"), r.message.clone())),
            None => Ok(()),
        }
    }

    /// Delivers the supply holding the order: WB ships supplies, so every order in it goes.
    async fn ship_order(&self, id: &CoreOrderId) -> Result<()> {
        let order = self.find_order(wb_order_id(id)?).await?;
        let supply = order
            .supply_id
            .filter(|s| !s.as_str().is_empty())
            .ok_or_else(|| {
                Error::validation(
                    format!("order {id}"),
                    "not in a supply yet: confirm it first",
                )
            })?;
        self.supplies().deliver(&supply).await
    }

    async fn cancel_order(&self, id: &CoreOrderId, reason: &CancelReason) -> Result<()> {
        let _ = reason; // WB's cancel takes no reason.
        self.orders().cancel(wb_order_id(id)?).await
    }

    async fn label(&self, id: &CoreOrderId) -> Result<Label> {
        let files = self
            .orders()
            .stickers(
                vec![wb_order_id(id)?],
                StickerType::Svg,
                StickerSize::W58H40,
            )
            .await?;
        let file = files
            .into_iter()
            .next()
            .ok_or_else(|| Error::validation(format!("order {id}"), "WB returned no sticker"))?;
        Ok(Label {
            order_id: id.clone(),
            format: match file.format {
                StickerType::Png => LabelFormat::Png,
                StickerType::Zplv | StickerType::Zplh => LabelFormat::Zpl,
                _ => LabelFormat::Svg,
            },
            bytes: file.bytes.into(),
        })
    }

    fn returns(&self, query: ReturnQuery) -> BoxStream<'_, Result<Return>> {
        let window = query.window;
        let in_window = move |c: &Claim| {
            c.dt.is_none_or(|d: DateTime<Utc>| d >= window.since && d < window.until)
        };
        self.returns()
            .claims_stream(ClaimsQuery::open())
            .chain(self.returns().claims_stream(ClaimsQuery::archived()))
            .try_filter(move |c| futures::future::ready(in_window(c)))
            .map_ok(|c| return_from_claim(&c))
            .boxed()
    }
}
