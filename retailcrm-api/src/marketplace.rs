//! `market_core::Marketplace` for RetailCRM, for sellers who use it as a channel hub: one
//! site of the account as a [`CrmChannel`], its stores as warehouses, stocks through
//! `store/inventories/upload`, prices of one price type through `store/prices/upload`, and
//! its orders.
//!
//! Mapping functions: [`warehouse_from_store`], [`order_from_order`].

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use futures::StreamExt;
use futures::stream::BoxStream;
use market_core::model::{
    Currency, DeliveryScheme, Lifecycle, OrderLine, OrderQuery, OrderStatus, RejectionStage,
    WindowBasis,
};
use market_core::{
    BatchReport, Capabilities, Capability, Error, ItemKey, Marketplace, MarketplaceKind, OfferId,
    PriceUpdate, Result, StockUpdate, Warehouse, WarehouseId,
};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::Client;
use crate::api::orders::OrderFilter;
use crate::api::store::{OfferKey, OfferPrices, OfferStocks, StoreStock, TypedPrice};
use crate::ids::OrderId;
use crate::limits::PageSize;
use crate::models::{By, CRM_TIME, Order, Store};

/// One site of a RetailCRM account as a sales channel.
#[derive(Debug, Clone)]
pub struct CrmChannel {
    client: Client,
    site: String,
    price_type: String,
    groups: Arc<tokio::sync::OnceCell<HashMap<String, String>>>,
}

impl Client {
    /// The site `site` as a channel for the `Marketplace` trait; prices are set for price
    /// type `price_type` (`base`, usually).
    pub fn channel(&self, site: impl Into<String>, price_type: impl Into<String>) -> CrmChannel {
        CrmChannel {
            client: self.clone(),
            site: site.into(),
            price_type: price_type.into(),
            groups: Arc::default(),
        }
    }
}

/// A store of the reference book as a warehouse: its code as the id. Stores are the seller's
/// own, so the scheme is [`DeliveryScheme::Dbs`].
pub fn warehouse_from_store(store: &Store) -> Option<Warehouse> {
    let code = store.code.clone()?;
    Some(Warehouse {
        id: WarehouseId::from(code.as_str()),
        name: store.name.clone().unwrap_or_else(|| code.clone()),
        scheme: DeliveryScheme::Dbs,
        active: store.active.unwrap_or(true),
        address: None,
        raw: serde_json::to_value(store).unwrap_or_default(),
    })
}

/// The lifecycle state of a RetailCRM status group (`new`, `approval`, `assembling`,
/// `delivery`, `complete`, `cancel`: the groups every account has).
pub fn lifecycle_of_group(group: &str) -> Lifecycle {
    match group {
        "new" => Lifecycle::Pending,
        "approval" => Lifecycle::AwaitingConfirmation,
        "assembling" => Lifecycle::AwaitingPackaging,
        "delivery" => Lifecycle::InDelivery,
        "complete" => Lifecycle::Delivered,
        "cancel" => Lifecycle::Cancelled,
        _ => Lifecycle::Unknown,
    }
}

/// A RetailCRM order as the seller's model: its internal id as the order id, the status's
/// group (from `groups`, code → group) as the lifecycle, each item's offer `externalId`
/// (else its id) and `initialPrice`. Times are the account's local times read as UTC.
pub fn order_from_order(order: &Order, groups: &HashMap<String, String>) -> Result<CoreOrder> {
    let id = order
        .id
        .ok_or_else(|| Error::invalid("a RetailCRM order without its id"))?;
    let code = order.status.clone().unwrap_or_default();
    let lifecycle = groups
        .get(&code)
        .map_or(Lifecycle::Unknown, |g| lifecycle_of_group(g));
    let lines = order
        .items
        .iter()
        .flatten()
        .map(|item| {
            let offer = item.offer.as_ref();
            let offer_id = offer
                .and_then(|o| o.external_id.clone())
                .or_else(|| offer.and_then(|o| o.id).map(|i| i.to_string()))
                .unwrap_or_default();
            OrderLine {
                offer_id: OfferId::from(offer_id),
                sku: None,
                name: offer.and_then(|o| o.name.clone()),
                quantity: item.quantity.and_then(|q| q.round().to_u32()).unwrap_or(0),
                unit_price: item.initial_price.unwrap_or(Decimal::ZERO),
            }
        })
        .collect();
    let created_at = order
        .created_at
        .map(|t| DateTime::<Utc>::from_naive_utc_and_offset(t.0, Utc))
        .unwrap_or_default();
    Ok(market_core::Order {
        marketplace: MarketplaceKind::RetailCrm,
        id: market_core::OrderId::from(id.to_string()),
        parent_id: None,
        scheme: DeliveryScheme::Dbs,
        status: OrderStatus::new(lifecycle, code),
        created_at,
        updated_at: order
            .status_updated_at
            .map(|t| DateTime::<Utc>::from_naive_utc_and_offset(t.0, Utc)),
        ship_by: None,
        warehouse_id: order.shipment_store.as_deref().map(WarehouseId::from),
        currency: order
            .currency
            .as_deref()
            .map_or(Currency::Rub, Currency::parse),
        lines,
        raw: serde_json::to_value(order).unwrap_or_default(),
    })
}

/// The seller's order, named apart from the wire [`Order`].
type CoreOrder = market_core::Order;

/// Spreads a per-offer report over the stock items of each offer.
fn per_item(
    report: BatchReport<OfferKey>,
    items: &BTreeMap<OfferKey, Vec<ItemKey>>,
) -> BatchReport {
    let mut out = BatchReport::new();
    for key in report.accepted {
        for item in items.get(&key).into_iter().flatten() {
            out.accept(item.clone());
        }
    }
    for r in report.rejected {
        for item in items.get(&r.key).into_iter().flatten() {
            match r.stage {
                RejectionStage::RetryLater => out.defer(
                    item.clone(),
                    r.code.clone(),
                    r.message.clone(),
                    r.retry_after,
                ),
                stage => out.reject(item.clone(), stage, r.code.clone(), r.message.clone()),
            }
        }
    }
    out
}

impl CrmChannel {
    async fn status_groups(&self) -> Result<&HashMap<String, String>> {
        self.groups
            .get_or_try_init(|| async {
                let book = self.client.reference_statuses_list().await?;
                Ok(book
                    .iter()
                    .filter_map(|(code, s)| s.group.clone().map(|g| (code.clone(), g)))
                    .collect())
            })
            .await
    }
}

#[async_trait]
impl Marketplace for CrmChannel {
    fn kind(&self) -> MarketplaceKind {
        MarketplaceKind::RetailCrm
    }

    fn account(&self) -> &str {
        &self.site
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities::of(&[
            Capability::Warehouses,
            Capability::Stocks,
            Capability::Prices,
            Capability::Orders,
            Capability::OrderChanges,
        ])
    }

    async fn warehouses(&self) -> Result<Vec<Warehouse>> {
        Ok(self
            .client
            .reference_stores_list()
            .await?
            .iter()
            .filter_map(warehouse_from_store)
            .collect())
    }

    /// Stocks by store: each update needs its warehouse (the store code); the offer is its
    /// `externalId`.
    async fn update_stocks(&self, updates: &[StockUpdate]) -> Result<BatchReport> {
        let mut report = BatchReport::new();
        let mut offers: BTreeMap<OfferKey, Vec<StoreStock>> = BTreeMap::new();
        let mut items: BTreeMap<OfferKey, Vec<ItemKey>> = BTreeMap::new();
        for u in updates {
            let key = ItemKey {
                offer_id: u.offer_id.clone(),
                warehouse_id: u.warehouse_id.clone(),
            };
            let Some(store) = &u.warehouse_id else {
                report.reject_invalid(key, "a RetailCRM stock needs its store (warehouse)");
                continue;
            };
            if u.quantity < 0 {
                report.reject_invalid(key, "a negative stock");
                continue;
            }
            let offer = OfferKey::ExternalId(u.offer_id.as_str().to_owned());
            offers.entry(offer.clone()).or_default().push(StoreStock {
                code: store.as_str().to_owned(),
                available: Decimal::from(u.quantity),
                purchase_price: None,
            });
            items.entry(offer).or_default().push(key);
        }
        let sent = offers
            .into_iter()
            .map(|(offer, stores)| OfferStocks { offer, stores })
            .collect();
        let answer = self
            .client
            .store_inventories_upload(sent, Some(&self.site))
            .await;
        report.merge(per_item(answer, &items));
        Ok(report)
    }

    /// Prices of the channel's price type; the offer is its `externalId`.
    async fn update_prices(&self, updates: &[PriceUpdate]) -> Result<BatchReport> {
        let mut items: BTreeMap<OfferKey, Vec<ItemKey>> = BTreeMap::new();
        let mut sent = Vec::new();
        for u in updates {
            let offer = OfferKey::ExternalId(u.offer_id.as_str().to_owned());
            items
                .entry(offer.clone())
                .or_default()
                .push(ItemKey::offer(u.offer_id.clone()));
            sent.push(OfferPrices {
                offer,
                site: Some(self.site.clone()),
                prices: vec![TypedPrice {
                    code: self.price_type.clone(),
                    price: u.price,
                }],
            });
        }
        let answer = self.client.store_prices_upload(sent).await;
        Ok(per_item(answer, &items))
    }

    /// Orders of the site created (or, by [`WindowBasis`], whose status changed) in the
    /// window, the window's ends sent as the account's local times.
    fn orders(&self, query: OrderQuery) -> BoxStream<'_, Result<CoreOrder>> {
        let (from, to) = match query.basis {
            WindowBasis::Created => ("createdAtFrom", "createdAtTo"),
            _ => ("statusUpdatedAtFrom", "statusUpdatedAtTo"),
        };
        let mut filter = OrderFilter {
            sites: vec![self.site.clone()],
            ..OrderFilter::default()
        };
        filter.more.insert(
            from.into(),
            query.window.since.format(CRM_TIME).to_string().into(),
        );
        filter.more.insert(
            to.into(),
            query.window.until.format(CRM_TIME).to_string().into(),
        );
        let statuses = query.statuses;
        let client = self.client.clone();
        Box::pin(futures::stream::once(self.status_groups()).flat_map(
            move |groups| -> BoxStream<'_, Result<CoreOrder>> {
                match groups {
                    Err(e) => Box::pin(futures::stream::once(async move { Err(e) })),
                    Ok(groups) => {
                        let groups = groups.clone();
                        let statuses = statuses.clone();
                        Box::pin(
                            client
                                .orders_list(&filter, PageSize::Hundred)
                                .map(move |o| o.and_then(|o| order_from_order(&o, &groups)))
                                .filter(move |o| {
                                    futures::future::ready(match o {
                                        Ok(o) => {
                                            statuses.is_empty()
                                                || statuses.contains(&o.status.lifecycle)
                                        }
                                        Err(_) => true,
                                    })
                                }),
                        )
                    }
                }
            },
        ))
    }

    async fn order(&self, id: &market_core::OrderId) -> Result<CoreOrder> {
        let n: i64 = id
            .as_str()
            .parse()
            .map_err(|_| Error::invalid(format!("{id} is not a RetailCRM order id")))?;
        let order = self
            .client
            .orders_get(&By::from(OrderId(n)), Some(&self.site))
            .await?;
        order_from_order(&order, self.status_groups().await?)
    }
}
