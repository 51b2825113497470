//! RetailCRM as the seller's order desk: marketplace orders become RetailCRM orders
//! ([`OrderDesk`], a `market_core::helpers::OrderSink`), once each.
//!
//! - The order's `externalId` is the import key, `<channel>:<order id>` (`ozon:0123-1`): a
//!   repeat is found by it ([`OrderSink::find`]), and a create that meets an existing order
//!   (`Order already exists.`) answers that order's id instead of failing, which closes the
//!   "created but the link was not stored" window.
//! - Items are matched to the catalogue by the offer's `externalId` or `xmlId`
//!   ([`OfferMatch`]); prices go as `Decimal`.
//! - The channel's status, delivery scheme and payment are mapped to the tenant's own codes by
//!   the caller's [`DeskMapping`], checked against the reference books when the desk is opened
//!   ([`OrderDesk::open`]): an unknown code is an error before anything is sent.
//! - At peak, [`OrderDesk::upload`] sends orders through `orders/upload`, 50 a request, under
//!   the client's rate limit, with one outcome per order keyed by its import key.

use std::collections::{BTreeMap, HashMap};

use async_trait::async_trait;
use market_core::helpers::{ImportKey, OrderSink};
use market_core::ids::LocalId;
use market_core::model::{DeliveryScheme, Lifecycle, OrderStatus};
use market_core::{BatchReport, Error, Result};
use rust_decimal::Decimal;

use crate::Client;
use crate::ids::OrderId;
use crate::models::{By, ItemOffer, Keyed, Order, OrderDelivery, OrderItem, OrderPayment};

/// How an order line's offer id is looked up in the catalogue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum OfferMatch {
    /// By the offer's `externalId` (the default).
    #[default]
    ExternalId,
    /// By the offer's `xmlId` (the catalogue feed's id).
    XmlId,
}

/// The tenant's codes for what a marketplace order says.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DeskMapping {
    /// The site (store front) orders go to.
    pub site: String,
    /// The RetailCRM status code of each lifecycle state; a state not listed leaves the
    /// order's status to the CRM (its default for new orders) and sends no change.
    pub statuses: BTreeMap<Lifecycle, String>,
    /// The order type code, if any.
    pub order_type: Option<String>,
    /// The order method code (`marketplace`, say), if any.
    pub order_method: Option<String>,
    /// The delivery type code of each delivery scheme.
    pub delivery_types: HashMap<DeliveryScheme, String>,
    /// The payment type code of marketplace orders (paid to the marketplace), if any.
    pub payment_type: Option<String>,
    /// How items are matched to offers.
    pub offer_match: OfferMatch,
}

/// RetailCRM as an order desk: an `OrderSink` over a [`Client`] and a [`DeskMapping`].
#[derive(Debug, Clone)]
pub struct OrderDesk {
    client: Client,
    mapping: DeskMapping,
}

impl OrderDesk {
    /// Checks every code of `mapping` against the account's reference books (site, statuses,
    /// order type and method, delivery and payment types) and opens the desk; an unknown code
    /// is an [`Error::Validation`] naming every one, before anything is sent.
    pub async fn open(client: Client, mapping: DeskMapping) -> Result<Self> {
        let mut unknown = Vec::new();
        let sites = client.reference_sites_list().await?;
        if sites.get(&mapping.site).is_none() {
            unknown.push(format!("site {:?}", mapping.site));
        }
        let statuses = client.reference_statuses_list().await?;
        for code in mapping.statuses.values() {
            if statuses.get(code).is_none() {
                unknown.push(format!("status {code:?}"));
            }
        }
        if let Some(code) = &mapping.order_type
            && client
                .reference_order_types_list()
                .await?
                .get(code)
                .is_none()
        {
            unknown.push(format!("order type {code:?}"));
        }
        if let Some(code) = &mapping.order_method
            && client
                .reference_order_methods_list()
                .await?
                .get(code)
                .is_none()
        {
            unknown.push(format!("order method {code:?}"));
        }
        if !mapping.delivery_types.is_empty() {
            let book = client.reference_delivery_types_list().await?;
            for code in mapping.delivery_types.values() {
                if book.get(code).is_none() {
                    unknown.push(format!("delivery type {code:?}"));
                }
            }
        }
        if let Some(code) = &mapping.payment_type
            && client
                .reference_payment_types_list()
                .await?
                .get(code)
                .is_none()
        {
            unknown.push(format!("payment type {code:?}"));
        }
        if !unknown.is_empty() {
            unknown.sort();
            unknown.dedup();
            return Err(Error::invalid(format!(
                "the mapping names codes the RetailCRM account does not have: {}",
                unknown.join(", ")
            )));
        }
        Ok(Self { client, mapping })
    }

    /// The client.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// The RetailCRM order of a marketplace order: `externalId` = the import key, the
    /// mapped codes, one item per line matched by offer.
    pub fn crm_order(&self, order: &market_core::Order, key: &ImportKey) -> Order {
        let items = order
            .lines
            .iter()
            .map(|line| {
                let id = line.offer_id.as_str().to_owned();
                let offer = match self.mapping.offer_match {
                    OfferMatch::ExternalId => ItemOffer {
                        external_id: Some(id),
                        ..ItemOffer::default()
                    },
                    OfferMatch::XmlId => ItemOffer {
                        xml_id: Some(id),
                        ..ItemOffer::default()
                    },
                };
                OrderItem {
                    offer: Some(offer),
                    quantity: Some(Decimal::from(line.quantity)),
                    initial_price: Some(line.unit_price),
                    ..OrderItem::default()
                }
            })
            .collect();
        let total: Decimal = order
            .lines
            .iter()
            .map(|l| l.unit_price * Decimal::from(l.quantity))
            .sum();
        let payments = self.mapping.payment_type.as_ref().map(|code| {
            Keyed(BTreeMap::from([(
                "0".to_owned(),
                OrderPayment {
                    r#type: Some(code.clone()),
                    amount: Some(total),
                    ..OrderPayment::default()
                },
            )]))
        });
        Order {
            external_id: Some(key.to_string()),
            site: Some(self.mapping.site.clone()),
            status: self.status_code(&order.status).map(str::to_owned),
            order_type: self.mapping.order_type.clone(),
            order_method: self.mapping.order_method.clone(),
            delivery: self
                .mapping
                .delivery_types
                .get(&order.scheme)
                .map(|code| OrderDelivery {
                    code: Some(code.clone()),
                    ..OrderDelivery::default()
                }),
            items: Some(items),
            payments,
            ..Order::default()
        }
    }

    fn status_code(&self, status: &OrderStatus) -> Option<&str> {
        self.mapping
            .statuses
            .get(&status.lifecycle)
            .map(String::as_str)
    }

    /// Sends orders through `orders/upload`, 50 a request, one outcome per order keyed by
    /// its import key (`ozon:0123-1`); an order already in the CRM is rejected with
    /// RetailCRM's reason, the others land.
    pub async fn upload(&self, orders: &[(market_core::Order, ImportKey)]) -> BatchReport<String> {
        let crm: Vec<Order> = orders
            .iter()
            .map(|(order, key)| self.crm_order(order, key))
            .collect();
        self.client
            .orders_upload(crm, Some(&self.mapping.site))
            .await
    }
}

#[async_trait]
impl OrderSink for OrderDesk {
    async fn create(&self, order: &market_core::Order, key: &ImportKey) -> Result<LocalId> {
        let crm = self.crm_order(order, key);
        match self
            .client
            .orders_create(&crm, Some(&self.mapping.site))
            .await
        {
            Ok(saved) => saved
                .id
                .map(|id| LocalId::from(id.to_string()))
                .ok_or_else(|| Error::invalid("RetailCRM created the order but sent no id")),
            Err(e)
                if e.api()
                    .is_some_and(|a| a.message.contains("already exists")) =>
            {
                match self.find(key).await? {
                    Some(id) => Ok(id),
                    None => Err(e),
                }
            }
            Err(e) => Err(e),
        }
    }

    async fn find(&self, key: &ImportKey) -> Result<Option<LocalId>> {
        match self
            .client
            .orders_get(&By::external(key.to_string()), Some(&self.mapping.site))
            .await
        {
            Ok(order) => Ok(order.id.map(|id| LocalId::from(id.to_string()))),
            Err(e) if e.status() == Some(404) => Ok(None),
            Err(e) => Err(e),
        }
    }

    async fn status_changed(
        &self,
        local: &LocalId,
        order: &market_core::Order,
        _previous: &OrderStatus,
    ) -> Result<()> {
        let Some(code) = self.status_code(&order.status) else {
            return Ok(());
        };
        let id: i64 = local
            .as_str()
            .parse()
            .map_err(|_| Error::invalid(format!("{local} is not a RetailCRM order id")))?;
        let change = Order {
            status: Some(code.to_owned()),
            ..Order::default()
        };
        self.client
            .orders_edit(&By::from(OrderId(id)), &change, Some(&self.mapping.site))
            .await
            .map(|_| ())
    }
}

/// What a manager's status change in RetailCRM means for the marketplace.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DeskAction {
    /// Accept the order (`Marketplace::confirm_order`).
    Confirm,
    /// Hand it over for delivery (`Marketplace::ship_order`).
    Ship,
    /// Cancel it (`Marketplace::cancel_order`, reason "out of stock" unless the channel
    /// picks).
    Cancel,
}

/// One status change read back from RetailCRM and what became of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Relayed {
    /// The RetailCRM order's external id (the import key, `ozon:0123-1`).
    pub external_id: String,
    /// The RetailCRM status code set.
    pub status: String,
    /// The action it maps to.
    pub action: DeskAction,
    /// `Ok` when the marketplace took it, else the error's text.
    pub outcome: std::result::Result<(), String>,
}

/// The status changes applied by one [`StatusRelay::run`], and the history id to store.
///
/// Store `last_id` once the run returns: the next run starts after it, so a change is
/// applied once. A crash after a marketplace call and before the id is stored repeats that
/// call on the next run (the channel then refuses or ignores a second cancel or ship of the
/// same order); storing the id first would turn that into a change never applied.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RelayReport {
    /// Each change that mapped to an action, in history order.
    pub relayed: Vec<Relayed>,
    /// The last history id read (this key's own records included): store it, and pass it to
    /// the next run, so that each change is applied at most once.
    pub last_id: Option<crate::ids::HistoryId>,
}

/// Status changes made by managers in RetailCRM, applied to the marketplaces: read through
/// `orders/history` from the stored id (the records this key wrote are left out), each status
/// change mapped to a [`DeskAction`] and applied through the order's channel's
/// `Marketplace`, found by the channel name in the order's external id.
#[derive(Debug, Clone)]
pub struct StatusRelay {
    client: Client,
    actions: HashMap<String, DeskAction>,
}

impl StatusRelay {
    /// A relay over `client`; `actions` says which RetailCRM status code means which
    /// action (codes not listed are left alone).
    pub fn new(client: Client, actions: HashMap<String, DeskAction>) -> Self {
        Self { client, actions }
    }

    /// Reads the history after `since` and applies every mapped status change once, through
    /// the channel of `channels` whose kind names the order's import key. A channel's refusal
    /// is reported per change, not raised; a failure to read the history is an error (and no
    /// id moves on).
    pub async fn run(
        &self,
        since: Option<crate::ids::HistoryId>,
        channels: &[&dyn market_core::Marketplace],
    ) -> Result<RelayReport> {
        use futures::TryStreamExt;
        let pages: Vec<_> = self.client.orders_history(since).try_collect().await?;
        let mut report = RelayReport {
            relayed: Vec::new(),
            last_id: since,
        };
        for page in pages {
            for record in page.records {
                if record.field.as_deref() != Some("status") {
                    continue;
                }
                let Some(status) = record
                    .new_value
                    .as_ref()
                    .and_then(|v| v.get("code").or(Some(v)))
                    .and_then(|v| v.as_str())
                    .map(str::to_owned)
                else {
                    continue;
                };
                let Some(action) = self.actions.get(&status).copied() else {
                    continue;
                };
                let Some(external_id) = record.order.as_ref().and_then(|o| o.external_id.clone())
                else {
                    continue;
                };
                let Some((channel, order_id)) = external_id.split_once(':') else {
                    continue;
                };
                let Some(shop) = channels.iter().find(|c| c.kind().as_str() == channel) else {
                    continue;
                };
                let id = market_core::OrderId::from(order_id);
                let outcome = match action {
                    DeskAction::Confirm => shop.confirm_order(&id).await,
                    DeskAction::Ship => shop.ship_order(&id).await,
                    DeskAction::Cancel => {
                        shop.cancel_order(&id, &market_core::model::CancelReason::out_of_stock())
                            .await
                    }
                }
                .map_err(|e| e.to_string());
                report.relayed.push(Relayed {
                    external_id,
                    status,
                    action,
                    outcome,
                });
            }
            if page.last_id.is_some() {
                report.last_id = page.last_id;
            }
        }
        Ok(report)
    }
}
