//! The emulated account: reference books, the catalogue with stocks and prices, orders and
//! their history.

use std::collections::BTreeMap;

use rust_decimal::Decimal;

use crate::models::{CrmTime, Customer, Order, OrderHistoryRecord};

/// One offer of the catalogue.
#[derive(Debug, Clone, PartialEq)]
pub struct OfferRow {
    /// The internal id.
    pub id: i64,
    /// The integration's id.
    pub external_id: String,
    /// The feed's id.
    pub xml_id: String,
    /// The site whose catalogue holds it.
    pub site: String,
    /// Its name.
    pub name: String,
    /// Prices by price type code.
    pub prices: BTreeMap<String, Decimal>,
    /// Stock by store code.
    pub stocks: BTreeMap<String, Decimal>,
}

/// A history record with the key that wrote it (`None`: a manager in the CRM's interface).
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryRow {
    /// The record as served (its `apiKey` is set per reader).
    pub record: OrderHistoryRecord,
    /// The API key that made the change.
    pub key: Option<String>,
}

/// The account's state.
#[derive(Debug, Clone, Default)]
pub struct State {
    /// Site codes and names.
    pub sites: BTreeMap<String, String>,
    /// Store codes and names.
    pub stores: BTreeMap<String, String>,
    /// Order status codes with their group.
    pub statuses: BTreeMap<String, String>,
    /// Delivery type codes.
    pub delivery_types: BTreeMap<String, String>,
    /// Payment type codes.
    pub payment_types: BTreeMap<String, String>,
    /// Order type codes.
    pub order_types: BTreeMap<String, String>,
    /// Order method codes.
    pub order_methods: BTreeMap<String, String>,
    /// Price type codes.
    pub price_types: BTreeMap<String, String>,
    /// The catalogue.
    pub offers: Vec<OfferRow>,
    /// Orders, in creation order.
    pub orders: Vec<Order>,
    /// Individual customers, in creation order.
    pub customers: Vec<Customer>,
    /// The next customer id.
    pub next_customer_id: i64,
    /// The order history, oldest first.
    pub history: Vec<HistoryRow>,
    /// The next order id.
    pub next_order_id: i64,
    /// The next history id.
    pub next_history_id: i64,
}

fn book(entries: &[(&str, &str)]) -> BTreeMap<String, String> {
    entries
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect()
}

impl State {
    /// The seed account: one site `shop`, two stores, the usual statuses, delivery and
    /// payment types, and `offers` offers `SKU-0001`... with a base price and stock.
    pub fn seeded(offers: usize) -> Self {
        let mut state = Self {
            sites: book(&[("shop", "Web shop")]),
            stores: book(&[("main", "Main warehouse"), ("second", "Second warehouse")]),
            statuses: book(&[
                ("new", "new"),
                ("availability-confirmed", "approval"),
                ("assembling", "assembling"),
                ("send-to-delivery", "delivery"),
                ("delivering", "delivery"),
                ("complete", "complete"),
                ("cancel-other", "cancel"),
            ]),
            delivery_types: book(&[("courier", "Courier"), ("self-delivery", "Pickup")]),
            payment_types: book(&[("cash", "Cash"), ("bank-card", "Card")]),
            order_types: book(&[("eshop-individual", "Individual")]),
            order_methods: book(&[("shopping-cart", "Cart"), ("marketplace", "Marketplace")]),
            price_types: book(&[("base", "Base")]),
            next_order_id: 1,
            next_customer_id: 1,
            next_history_id: 1,
            ..Self::default()
        };
        for i in 1..=offers {
            let sku = format!("SKU-{i:04}");
            state.offers.push(OfferRow {
                id: 1000 + i as i64,
                external_id: sku.clone(),
                xml_id: format!("xml-{sku}"),
                site: "shop".into(),
                name: format!("Product {i}"),
                prices: BTreeMap::from([("base".to_owned(), Decimal::from(100 * i as i64))]),
                stocks: BTreeMap::from([("main".to_owned(), Decimal::from(10))]),
            });
        }
        state
    }

    /// The offer an order item names (`offer.id`, `offer.externalId` or `offer.xmlId`).
    pub fn offer_of(&self, offer: &serde_json::Value) -> Option<&OfferRow> {
        self.offers.iter().find(|o| {
            offer.get("id").and_then(serde_json::Value::as_i64) == Some(o.id)
                || offer.get("externalId").and_then(serde_json::Value::as_str)
                    == Some(o.external_id.as_str())
                || offer.get("xmlId").and_then(serde_json::Value::as_str) == Some(o.xml_id.as_str())
        })
    }

    /// The index of an order by id or external id.
    pub fn order_index(&self, by: &str, value: &str) -> Option<usize> {
        self.orders.iter().position(|o| match by {
            "id" => o.id.map(|i| i.0.to_string()).as_deref() == Some(value),
            _ => o.external_id.as_deref() == Some(value),
        })
    }

    /// Records a change of an order.
    pub fn record(
        &mut self,
        order: &Order,
        field: &str,
        old: serde_json::Value,
        new: serde_json::Value,
        key: Option<&str>,
        created: bool,
    ) {
        let id = self.next_history_id;
        self.next_history_id += 1;
        let record = OrderHistoryRecord {
            id: Some(crate::ids::HistoryId(id)),
            created_at: Some(now()),
            created: created.then_some(true),
            source: Some(if key.is_some() { "api" } else { "user" }.to_owned()),
            field: Some(field.to_owned()),
            old_value: (!old.is_null()).then_some(old),
            new_value: (!new.is_null()).then_some(new),
            order: Some(Order {
                id: order.id,
                external_id: order.external_id.clone(),
                site: order.site.clone(),
                status: order.status.clone(),
                ..Order::default()
            }),
            ..OrderHistoryRecord::default()
        };
        self.history.push(HistoryRow {
            record,
            key: key.map(str::to_owned),
        });
    }
}

/// The current time as RetailCRM writes it.
pub fn now() -> CrmTime {
    CrmTime(chrono::Utc::now().naive_utc())
}
