//! [`Marketplace`] for Megamarket: stocks, prices, orders (search stream and reads), confirm,
//! pack, ship, cancel (reject) and labels, mapped from Megamarket's shipments.
//!
//! Megamarket pushes new orders and cancellations ([`crate::push`]): those are the fast path;
//! [`Marketplace::orders`] (the `order/search` stream) is the safety net that sees every
//! shipment of a window. Cards are not an API matter on Megamarket: the catalogue is a YML
//! feed the seller hosts, and `publish_cards` writes it to the client's
//! [`crate::FeedTarget`] ([`crate::feed`]). Returns have no method, and warehouses are not
//! listed by the API.

use async_trait::async_trait;
use chrono::{DateTime, FixedOffset, SubsecRound, Utc};
use futures::StreamExt;
use futures::stream::BoxStream;
use market_core::batch::convert_each;
use market_core::wire::moscow;
use market_core::{
    ApiError, ApiErrorKind, BatchReport, BatchWarning, CancelReason, Capabilities, Capability,
    Card, CardSubmission, Currency, DeliveryScheme, Error, ItemKey, Label, LabelFormat, Lifecycle,
    Marketplace, MarketplaceKind, Order, OrderId, OrderLine, OrderQuery, OrderStatus, Package,
    PriceUpdate, Result, StockUpdate,
};
use rust_decimal::Decimal;

use crate::Client;
use crate::api::orders::{ORDER_GET, ORDER_SHIPPING, STICKER_PRINT};
use crate::ids::{ShipmentId, box_code};
use crate::models::offers::{Price, Stock};
use crate::models::orders::*;

/// What the trait does for Megamarket; a client with a [`crate::FeedTarget`] also claims
/// [`Capability::Cards`].
pub const CAPABILITIES: Capabilities = Capabilities::of(&[
    Capability::Stocks,
    Capability::Prices,
    Capability::Orders,
    Capability::ConfirmOrder,
    Capability::PackOrder,
    Capability::ShipOrder,
    Capability::CancelOrder,
    Capability::Labels,
]);

/// The unified lifecycle of a Megamarket status.
pub fn lifecycle_from_status(status: &ShipmentStatus) -> Lifecycle {
    use ShipmentStatus as S;
    match status {
        S::New => Lifecycle::AwaitingConfirmation,
        S::Pending => Lifecycle::Pending,
        S::PendingConfirmation | S::Confirmed | S::PackingExpired => Lifecycle::AwaitingPackaging,
        S::PendingPacking | S::Packed | S::ShippingExpired => Lifecycle::AwaitingShipment,
        S::PendingShipping | S::Shipped => Lifecycle::InDelivery,
        S::Delivered => Lifecycle::Delivered,
        S::MerchantCanceled | S::CustomerCanceled => Lifecycle::Cancelled,
        _ => Lifecycle::Unknown,
    }
}

/// A shipment as the seller's [`Order`]: one line per item, the price the buyer pays
/// (`finalPrice`, else `price`) in roubles.
pub fn order_from_shipment(s: &Shipment) -> Order {
    let status = s.effective_status();
    let raw_status = status
        .as_ref()
        .map(|s| s.as_str().to_owned())
        .unwrap_or_default();
    let lifecycle = status
        .as_ref()
        .map_or(Lifecycle::Unknown, lifecycle_from_status);
    let created_at = s
        .creation_date
        .or(s.confirmed_time_limit)
        .or(s.shipment_date_from)
        .unwrap_or_else(|| {
            tracing::warn!(shipment = %s.shipment_id, "shipment without creationDate");
            DateTime::<Utc>::UNIX_EPOCH
        });
    let lines = s
        .items
        .iter()
        .map(|i| OrderLine {
            offer_id: i.offer_id.as_str().into(),
            sku: i.goods_id.as_deref().map(Into::into),
            name: i
                .goods_data
                .as_ref()
                .and_then(|g| g.get("name"))
                .and_then(|n| n.as_str())
                .map(str::to_owned),
            quantity: i.quantity.and_then(|q| u32::try_from(q).ok()).unwrap_or(1),
            unit_price: i.final_price.or(i.price).unwrap_or(Decimal::ZERO),
        })
        .collect();
    Order {
        marketplace: MarketplaceKind::Megamarket,
        id: s.shipment_id.as_str().into(),
        parent_id: s.order_code.clone(),
        scheme: if s.is_dbs() {
            DeliveryScheme::Dbs
        } else {
            DeliveryScheme::Fbs
        },
        status: OrderStatus::new(lifecycle, raw_status),
        created_at,
        updated_at: None,
        ship_by: s.shipping_time_limit.or(s.shipment_date_to),
        warehouse_id: s.shipping_point.as_deref().map(Into::into),
        currency: Currency::Rub,
        lines,
        raw: serde_json::to_value(s).unwrap_or_default(),
    }
}

/// A stock update as Megamarket's `stock/update` item (one stock per offer: the warehouse is
/// not sent).
pub fn stock_to_stock(u: &StockUpdate) -> std::result::Result<Stock, String> {
    if u.quantity < 0 {
        return Err(format!(
            "stock {} of offer {} is negative",
            u.quantity, u.offer_id
        ));
    }
    Ok(Stock {
        offer_id: u.offer_id.as_str().to_owned(),
        quantity: u.quantity,
    })
}

/// A price update as Megamarket's `manualPrice/save` item: roubles only, whole roubles only.
pub fn price_to_price(u: &PriceUpdate) -> std::result::Result<Price, String> {
    if u.currency != Currency::Rub {
        return Err(format!(
            "price of offer {} is in {:?}: Megamarket takes roubles",
            u.offer_id, u.currency
        ));
    }
    let p = Price::new(u.offer_id.as_str(), u.price);
    p.check()?;
    Ok(p)
}

/// Moscow time now, as Megamarket's dates are sent.
fn moscow_now() -> DateTime<FixedOffset> {
    Utc::now().with_timezone(&moscow::offset()).trunc_subsecs(0)
}

fn not_found(op: &'static str, id: &OrderId) -> Error {
    ApiError::new(
        MarketplaceKind::Megamarket.name(),
        op,
        404,
        ApiErrorKind::NotFound,
    )
    .with_code("not_found")
    .with_message(format!("Megamarket does not know shipment {id}"))
    .into()
}

/// The boxes of a packed shipment: the box indexes its items carry, else one box; each with
/// its code.
fn boxes_of(client: &Client, s: &Shipment) -> Result<Vec<BoxRef>> {
    let merchant = client.merchant_id().ok_or_else(|| {
        Error::Config("box codes need the merchant id: set ClientBuilder::merchant_id".into())
    })?;
    let order_code = s
        .order_code
        .clone()
        .unwrap_or_else(|| s.shipment_id.0.clone());
    let mut indexes: Vec<u32> = s
        .items
        .iter()
        .filter_map(|i| match i.box_index.as_ref()? {
            serde_json::Value::Number(n) => n.as_u64().and_then(|n| u32::try_from(n).ok()),
            serde_json::Value::String(t) => t.trim().parse().ok(),
            _ => None,
        })
        .filter(|n| *n > 0)
        .collect();
    indexes.sort_unstable();
    indexes.dedup();
    if indexes.is_empty() {
        indexes.push(1);
    }
    Ok(indexes
        .into_iter()
        .map(|n| BoxRef {
            box_index: n,
            box_code: box_code(merchant, &order_code, n),
        })
        .collect())
}

fn live(i: &ShipmentItem) -> bool {
    !matches!(
        i.status,
        Some(ShipmentStatus::MerchantCanceled | ShipmentStatus::CustomerCanceled)
    )
}

impl Client {
    async fn shipment(&self, id: &OrderId, op: &'static str) -> Result<Shipment> {
        let sid = ShipmentId(id.as_str().to_owned());
        self.order_get(std::slice::from_ref(&sid))
            .await?
            .into_iter()
            .find(|s| s.shipment_id == sid)
            .ok_or_else(|| not_found(op, id))
    }

    /// The `order/packing` body of a shipment packed as `packages` (empty: one box with every
    /// item): box `n` (from 1) gets the units of package `n`, taken from the items of each
    /// offer in `itemIndex` order.
    pub fn packing_of(&self, s: &Shipment, packages: &[Package]) -> Result<OrderPacking> {
        let merchant = self.merchant_id().ok_or_else(|| {
            Error::Config("box codes need the merchant id: set ClientBuilder::merchant_id".into())
        })?;
        let order_code = s
            .order_code
            .clone()
            .unwrap_or_else(|| s.shipment_id.0.clone());
        let bx = |n: u32| BoxRef {
            box_index: n,
            box_code: box_code(merchant, &order_code, n),
        };
        let items: Vec<&ShipmentItem> = s.items.iter().filter(|i| live(i)).collect();
        let mut left: Vec<u32> = items
            .iter()
            .map(|i| i.quantity.and_then(|q| u32::try_from(q).ok()).unwrap_or(1))
            .collect();
        let mut out: Vec<PackingItem> = Vec::new();
        if packages.is_empty() {
            for (i, n) in items.iter().zip(&left) {
                out.push(PackingItem {
                    item_index: i.item_index.clone(),
                    quantity: *n,
                    boxes: vec![bx(1)],
                });
            }
        } else {
            for (p, package) in packages.iter().enumerate() {
                let n = u32::try_from(p + 1).unwrap_or(u32::MAX);
                for (offer, units) in &package.items {
                    let mut want = *units;
                    for (k, i) in items.iter().enumerate() {
                        if want == 0 {
                            break;
                        }
                        if i.offer_id != offer.as_str() || left[k] == 0 {
                            continue;
                        }
                        let take = want.min(left[k]);
                        left[k] -= take;
                        want -= take;
                        out.push(PackingItem {
                            item_index: i.item_index.clone(),
                            quantity: take,
                            boxes: vec![bx(n)],
                        });
                    }
                    if want > 0 {
                        return Err(Error::invalid(format!(
                            "package {n} holds {want} more units of offer {offer} than shipment {} has",
                            s.shipment_id
                        )));
                    }
                }
            }
            if let Some(k) = left.iter().position(|n| *n > 0) {
                return Err(Error::invalid(format!(
                    "item {} (offer {}) of shipment {} is in no package: Megamarket packs every item",
                    items[k].item_index, items[k].offer_id, s.shipment_id
                )));
            }
        }
        Ok(OrderPacking {
            shipments: vec![PackingShipment {
                shipment_id: s.shipment_id.clone(),
                order_code,
                items: out,
            }],
        })
    }
}

#[async_trait]
impl Marketplace for Client {
    fn kind(&self) -> MarketplaceKind {
        MarketplaceKind::Megamarket
    }

    fn account(&self) -> &str {
        Client::account(self)
    }

    fn capabilities(&self) -> Capabilities {
        if self.feed_target().is_some() {
            CAPABILITIES.with(Capability::Cards)
        } else {
            CAPABILITIES
        }
    }

    /// Writes the cards as the YML feed of the client's [`crate::FeedTarget`] (replacing the
    /// file whole); Megamarket downloads it from where the seller hosts it. No task follows:
    /// the report is final, every card written (accepted) or rejected by its offer id with
    /// the YML rule it broke. Without a feed target: [`Error::Unsupported`].
    async fn publish_cards(&self, cards: &[Card]) -> Result<CardSubmission> {
        let Some(target) = self.feed.clone() else {
            return Err(Error::unsupported(self.kind(), "publish_cards"));
        };
        let cards = cards.to_vec();
        let report = tokio::task::spawn_blocking(move || target.publish(&cards))
            .await
            .map_err(|e| Error::Config(format!("the feed writer stopped: {e}")))??;
        Ok(CardSubmission {
            tasks: Vec::new(),
            report,
        })
    }

    async fn update_stocks(&self, updates: &[StockUpdate]) -> Result<BatchReport> {
        let (ok, mut report) = convert_each(updates, StockUpdate::key, stock_to_stock);
        report.merge(self.send_stocks(ok).await);
        Ok(report)
    }

    async fn update_prices(&self, updates: &[PriceUpdate]) -> Result<BatchReport> {
        let key = |u: &PriceUpdate| ItemKey::offer(u.offer_id.clone());
        let (ok, mut report) = convert_each(updates, key, price_to_price);
        for u in updates {
            if u.old_price.is_some() || u.min_price.is_some() {
                report.warnings.push(BatchWarning {
                    key: key(u),
                    message: "Megamarket's manualPrice/save takes one price: the old and minimum prices are not sent".into(),
                });
            }
        }
        report.merge(self.send_prices(ok).await);
        Ok(report)
    }

    fn orders(&self, query: OrderQuery) -> BoxStream<'_, Result<Order>> {
        let msk = moscow::offset();
        let search = OrderSearch {
            date_from: query.window.since.with_timezone(&msk),
            date_to: query.window.until.with_timezone(&msk),
            count: None,
            statuses: Vec::new(),
        };
        self.order_search_stream(search)
            .map(|r| r.map(|s| order_from_shipment(&s)))
            .filter(move |r| {
                let keep = match r {
                    Ok(o) => {
                        (query.statuses.is_empty() || query.statuses.contains(&o.status.lifecycle))
                            && (query.schemes.is_empty() || query.schemes.contains(&o.scheme))
                    }
                    Err(_) => true,
                };
                futures::future::ready(keep)
            })
            .boxed()
    }

    async fn order(&self, id: &OrderId) -> Result<Order> {
        Ok(order_from_shipment(
            &self.shipment(id, ORDER_GET.name).await?,
        ))
    }

    /// Reads the orders `order/get` by `order/get` in chunks of
    /// [`crate::Quotas::order_get_max`]; a shipment Megamarket no longer knows is skipped;
    /// an error ends the stream after everything read before it.
    fn refresh_orders(&self, ids: Vec<OrderId>) -> BoxStream<'_, Result<Order>> {
        let max = self.quotas.order_get_max.max(1);
        let chunks: Vec<Vec<ShipmentId>> = ids
            .chunks(max)
            .map(|c| {
                c.iter()
                    .map(|i| ShipmentId(i.as_str().to_owned()))
                    .collect()
            })
            .collect();
        futures::stream::iter(chunks)
            .then(move |chunk| async move { self.order_get(&chunk).await })
            .scan(false, |failed, read| {
                if *failed {
                    return futures::future::ready(None);
                }
                *failed = read.is_err();
                let items: Vec<Result<Order>> = match read {
                    Ok(shipments) => shipments
                        .iter()
                        .map(|s| Ok(order_from_shipment(s)))
                        .collect(),
                    Err(e) => vec![Err(e)],
                };
                futures::future::ready(Some(futures::stream::iter(items)))
            })
            .flatten()
            .boxed()
    }

    /// Confirms every item still `NEW`.
    async fn confirm_order(&self, id: &OrderId) -> Result<()> {
        let s = self.shipment(id, "order_confirm").await?;
        let items: Vec<ItemRef> = s
            .items
            .iter()
            .filter(|i| {
                i.status
                    .as_ref()
                    .is_none_or(|st| *st == ShipmentStatus::New)
            })
            .map(|i| ItemRef {
                item_index: i.item_index.clone(),
                offer_id: i.offer_id.clone(),
            })
            .collect();
        if items.is_empty() {
            return Err(Error::invalid(format!(
                "shipment {id} has no item awaiting confirmation"
            )));
        }
        self.order_confirm(&OrderConfirm {
            shipments: vec![ConfirmShipment {
                shipment_id: s.shipment_id,
                order_code: s.order_code,
                items,
            }],
        })
        .await
    }

    /// Packs into boxes `1..=n` with codes `<merchantId>*<orderCode>*<n>` (needs
    /// [`crate::ClientBuilder::merchant_id`]).
    async fn pack_order(&self, id: &OrderId, packages: &[Package]) -> Result<()> {
        let s = self.shipment(id, "order_packing").await?;
        let body = self.packing_of(&s, packages)?;
        self.order_packing(&body).await
    }

    /// Reports the handover of an FBS shipment's boxes now (`order/shipping`); a confirmed
    /// shipment not packed yet is first packed in one box (`order/packing`, which is safe to
    /// repeat). A DBS shipment has no handover to Megamarket: it is closed with
    /// [`Client::order_close`] once the buyer has it.
    async fn ship_order(&self, id: &OrderId) -> Result<()> {
        let mut s = self.shipment(id, ORDER_SHIPPING.name).await?;
        if s.is_dbs() {
            return Err(Error::invalid(format!(
                "shipment {id} is DBS: the seller delivers it and closes it with order/close"
            )));
        }
        let unpacked = s
            .items
            .iter()
            .any(|i| i.status == Some(ShipmentStatus::Confirmed));
        if unpacked {
            let packing = self.packing_of(&s, &[])?;
            self.order_packing(&packing).await?;
            s = self.shipment(id, ORDER_SHIPPING.name).await?;
        }
        let boxes = boxes_of(self, &s)?;
        self.order_shipping(&OrderShipping {
            shipments: vec![ShippingShipment {
                shipment_id: s.shipment_id,
                boxes,
                shipping: Shipping {
                    shipping_date: moscow_now(),
                    shipping_point: None,
                },
            }],
        })
        .await
    }

    /// Rejects every item not cancelled yet (`order/reject`): the reason's code when it is one
    /// of Megamarket's (`OUT_OF_STOCK`, ...), else `OUT_OF_STOCK`; the message as comment.
    async fn cancel_order(&self, id: &OrderId, reason: &CancelReason) -> Result<()> {
        let s = self.shipment(id, "order_reject").await?;
        let items: Vec<ItemRef> = s
            .items
            .iter()
            .filter(|i| live(i))
            .map(|i| ItemRef {
                item_index: i.item_index.clone(),
                offer_id: i.offer_id.clone(),
            })
            .collect();
        if items.is_empty() {
            return Err(Error::invalid(format!(
                "shipment {id} is already cancelled"
            )));
        }
        let kind = match reason.code.as_deref().map(RejectReasonType::from_wire) {
            Some(RejectReasonType::Unknown(_)) | None => RejectReasonType::OutOfStock,
            Some(known) => known,
        };
        self.order_reject(&OrderReject {
            shipments: vec![RejectShipment {
                shipment_id: s.shipment_id,
                items,
            }],
            reason: RejectReason {
                kind,
                comment: reason.message.clone(),
            },
        })
        .await
    }

    /// The PDF label of every box (`sticker/print` with `printAsPdf`; needs the merchant id).
    async fn label(&self, id: &OrderId) -> Result<Label> {
        let s = self.shipment(id, STICKER_PRINT.name).await?;
        let boxes = boxes_of(self, &s)?;
        let sticker = self
            .sticker_print(&StickerPrint {
                print_as_pdf: Some(true),
                shipments: vec![StickerShipment {
                    shipment_id: s.shipment_id,
                    box_codes: boxes.into_iter().map(|b| b.box_code).collect(),
                    items: Vec::new(),
                }],
            })
            .await?;
        match sticker.format {
            Some(LabelFormat::Pdf) => Ok(Label {
                order_id: id.clone(),
                format: LabelFormat::Pdf,
                bytes: sticker.bytes,
            }),
            other => Err(Error::Decode {
                vendor: MarketplaceKind::Megamarket.name(),
                operation: STICKER_PRINT.name,
                path: ".".into(),
                message: format!("sticker/print answered {other:?}, not a PDF"),
                excerpt: String::new(),
            }),
        }
    }
}
