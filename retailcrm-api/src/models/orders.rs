//! Orders: the order, its items, delivery and payments, the order history, statuses, uploads.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::Errors;
use crate::ids::*;
use crate::models::*;

/// Spec: `OrdersPage`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct OrdersPage {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    pub success: bool,
    /// `pagination`: the page counter.
    pub pagination: Pagination,
    /// `orders`: the orders.
    pub orders: Vec<Order>,
}

/// Spec: `Order`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Order {
    /// `slug`: the id again, as some answers send it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slug: Option<i64>,
    /// `bonusesCreditTotal`: loyalty bonuses credited for the order.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_decimal",
        serialize_with = "market_core::wire::ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub bonuses_credit_total: Option<Decimal>,
    /// `bonusesChargeTotal`: loyalty bonuses spent on the order.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_decimal",
        serialize_with = "market_core::wire::ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub bonuses_charge_total: Option<Decimal>,
    /// `id`: the CRM's internal id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<OrderId>,
    /// `number`: the number shown to people (the order number).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// `orderType`: the order type's code (`reference/order-types`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_type: Option<String>,
    /// `orderMethod`: the order method's code (`reference/order-methods`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_method: Option<String>,
    /// `privilegeType`: the loyalty privilege applied (`none`, `loyalty_level`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub privilege_type: Option<String>,
    /// `countryIso`: ISO 3166-1 alpha-2 country code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_iso: Option<String>,
    /// `createdAt`: when it was created, in the account's time zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<CrmTime>,
    /// `statusUpdatedAt`: when the status last changed, in the account's time zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_updated_at: Option<CrmTime>,
    /// `summ`: the items total after discounts, without delivery.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_decimal",
        serialize_with = "market_core::wire::ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub summ: Option<Decimal>,
    /// `currency`: ISO 4217 currency code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// `totalSumm`: the total to pay: items after discounts plus delivery.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_decimal",
        serialize_with = "market_core::wire::ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub total_summ: Option<Decimal>,
    /// `prepaySum`: the amount already paid.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_decimal",
        serialize_with = "market_core::wire::ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub prepay_sum: Option<Decimal>,
    /// `purchaseSumm`: the purchase cost of the items.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_decimal",
        serialize_with = "market_core::wire::ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub purchase_summ: Option<Decimal>,
    /// `markDatetime`: when the order was marked, in the account's time zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mark_datetime: Option<CrmTime>,
    /// `lastName`: family name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// `firstName`: given name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// `patronymic`: patronymic.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub patronymic: Option<String>,
    /// `phone`: phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// `email`: e-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// `call`: whether the customer asked to be called.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub call: Option<bool>,
    /// `expired`: whether the order is overdue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expired: Option<bool>,
    /// `managerId`: the responsible user (manager).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manager_id: Option<UserId>,
    /// `customer`: the customer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<Customer>,
    /// `contact`: the contact person (the customer for an individual).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<Customer>,
    /// `contragent`: the legal side: individual or company with its details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contragent: Option<Contragent>,
    /// `delivery`: the delivery: type code, cost, address, service.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery: Option<OrderDelivery>,
    /// `site`: the site's code (the store front the entity belongs to).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
    /// `status`: the status code (the tenant's `reference/statuses` for orders).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// `statusComment`: the comment left with the last status change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_comment: Option<String>,
    /// `items`: the positions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub items: Option<Vec<OrderItem>>,
    /// `payments`: the payments, by id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payments: Option<Keyed<OrderPayment>>,
    /// `fromApi`: whether the order came through the API.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_api: Option<bool>,
    /// `weight`: weight, grams.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<i64>,
    /// `length`: length, mm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub length: Option<i64>,
    /// `width`: width, mm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<i64>,
    /// `height`: height, mm.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height: Option<i64>,
    /// `shipmentStore`: the code of the store the order ships from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipment_store: Option<String>,
    /// `shipmentDate`: the day of shipment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipment_date: Option<NaiveDate>,
    /// `shipped`: whether the order has been shipped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipped: Option<bool>,
    /// `customFields`: custom fields by code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub custom_fields: Option<CustomFields>,
    /// `externalId`: the integration's own id (`by=externalId` names an entity by it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// `links`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub links: Option<Vec<OrderLink>>,
    /// `applyRound`: whether prices are rounded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub apply_round: Option<bool>,
    /// `fullPaidAt`: when the order became fully paid, in the account's time zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub full_paid_at: Option<CrmTime>,
    /// `managerComment`: the manager's comment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manager_comment: Option<String>,
    /// `loyaltyAccount`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub loyalty_account: Option<LoyaltyAccountRef>,
}

/// Spec: `OrderDelivery`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct OrderDelivery {
    /// `cost`: the cost charged to the customer.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_decimal",
        serialize_with = "market_core::wire::ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub cost: Option<Decimal>,
    /// `netCost`: the cost to the seller.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_decimal",
        serialize_with = "market_core::wire::ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub net_cost: Option<Decimal>,
    /// `address`: the address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
    /// `code`: the tenant's code, unique in its book (what other entities refer to it by).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `service`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub service: Option<DeliveryServiceRef>,
}

/// Spec: `OrderItem`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct OrderItem {
    /// `markingCodes`: product marking codes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub marking_codes: Option<Vec<serde_json::Value>>,
    /// `id`: the CRM's internal id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<OrderItemId>,
    /// `externalIds`: external ids of other systems, by code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_ids: Option<Vec<CodeValue>>,
    /// `priceType`: the price type's code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price_type: Option<CodeRef>,
    /// `initialPrice`: the unit price before discounts.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_decimal",
        serialize_with = "market_core::wire::ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub initial_price: Option<Decimal>,
    /// `discountTotal`: the discount on the position, all units.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_decimal",
        serialize_with = "market_core::wire::ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub discount_total: Option<Decimal>,
    /// `prices`: the prices, one per price or price type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prices: Option<Vec<ItemPrice>>,
    /// `discounts`: the discounts of the position, by kind.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discounts: Option<Vec<ItemDiscount>>,
    /// `vatRate`: the VAT rate, as text (`none`, `20`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vat_rate: Option<String>,
    /// `createdAt`: when it was created, in the account's time zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<CrmTime>,
    /// `quantity`: units (fractional for goods sold by weight).
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_decimal",
        serialize_with = "market_core::wire::ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub quantity: Option<Decimal>,
    /// `status`: the status code (the tenant's `reference/statuses` for orders).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// `offer`: the trade offer of the position.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offer: Option<ItemOffer>,
    /// `properties`: properties by code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub properties: Option<Keyed<ItemProperty>>,
    /// `purchasePrice`: the purchase (cost) price, in the account currency.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_decimal",
        serialize_with = "market_core::wire::ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub purchase_price: Option<Decimal>,
    /// `bonusesChargeTotal`: loyalty bonuses spent on the order.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_decimal",
        serialize_with = "market_core::wire::ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub bonuses_charge_total: Option<Decimal>,
    /// `bonusesCreditTotal`: loyalty bonuses credited for the order.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_decimal",
        serialize_with = "market_core::wire::ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub bonuses_credit_total: Option<Decimal>,
}

/// Spec: `ItemPrice`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ItemPrice {
    /// `price`: the price, in the site currency.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_decimal",
        serialize_with = "market_core::wire::ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub price: Option<Decimal>,
    /// `quantity`: units (fractional for goods sold by weight).
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_decimal",
        serialize_with = "market_core::wire::ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub quantity: Option<Decimal>,
}

/// Spec: `ItemDiscount`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ItemDiscount {
    /// `type`: its kind, as a code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    /// `amount`: the amount, in the order currency.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_decimal",
        serialize_with = "market_core::wire::ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub amount: Option<Decimal>,
}

/// Spec: `ItemOffer`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ItemOffer {
    /// `displayName`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// `id`: the CRM's internal id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<OfferId>,
    /// `externalId`: the integration's own id (`by=externalId` names an entity by it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// `xmlId`: the catalogue feed's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub xml_id: Option<String>,
    /// `name`: the display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `article`: the article (vendor code).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    /// `vatRate`: the VAT rate, as text (`none`, `20`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vat_rate: Option<String>,
    /// `unit`: the unit of measure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Unit>,
}

/// Spec: `OrderAnswer`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct OrderAnswer {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    pub success: bool,
    /// `order`: the order.
    pub order: Order,
}

/// Spec: `OrderPayment`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct OrderPayment {
    /// `id`: the CRM's internal id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<PaymentId>,
    /// `type`: its kind, as a code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    /// `externalId`: the integration's own id (`by=externalId` names an entity by it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// `amount`: the amount, in the order currency.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_decimal",
        serialize_with = "market_core::wire::ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub amount: Option<Decimal>,
    /// `paidAt`: when it was paid, in the account's time zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paid_at: Option<CrmTime>,
    /// `status`: the status code (the tenant's `reference/statuses` for orders).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
}

/// Spec: `OrderLink`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct OrderLink {
    /// `comment`: free-text comment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// `order`: the order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<Order>,
    /// `createdAt`: when it was created, in the account's time zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<CrmTime>,
}

/// Spec: `OrderSaved`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct OrderSaved {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    pub success: bool,
    /// `id`: the CRM's internal id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// `order`: the order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<Order>,
}

/// Spec: `OrdersUploaded`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct OrdersUploaded {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    pub success: bool,
    /// `uploadedOrders`: the orders saved: id and external id.
    #[serde(default)]
    pub uploaded_orders: Vec<UploadedRef>,
    /// `orders`: the orders.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub orders: Vec<Order>,
    /// `failedOrders`: the orders refused, by external id.
    #[serde(default)]
    pub failed_orders: Vec<UploadedRef>,
    /// `errorMsg`: the message of a (partial) failure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_msg: Option<String>,
    /// `errors`: field errors of a (partial) failure, by field or as a list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Errors>,
}

/// Spec: `OrdersHistoryPage`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct OrdersHistoryPage {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    pub success: bool,
    /// `generatedAt`: when the server built the answer, in the account's time zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub generated_at: Option<CrmTime>,
    /// `history`: the history records, oldest first.
    pub history: Vec<OrderHistoryRecord>,
    /// `pagination`: the page counter.
    pub pagination: Pagination,
}

/// Spec: `OrderHistoryRecord`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct OrderHistoryRecord {
    /// `id`: the CRM's internal id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<HistoryId>,
    /// `createdAt`: when it was created, in the account's time zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<CrmTime>,
    /// `created`: true on the record of the creation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created: Option<bool>,
    /// `source`: who made the change: `user`, `api`, `rule`, `code`, ....
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// `field`: the changed field's API name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    /// `apiKey`: which API key made the change, when one did (`current`: this key).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_key: Option<HistoryApiKey>,
    /// `oldValue`: the field's value before the change (its shape depends on the field).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_value: Option<serde_json::Value>,
    /// `newValue`: the field's value after the change (its shape depends on the field).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new_value: Option<serde_json::Value>,
    /// `order`: the order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<Order>,
    /// `user`: the user who made the change.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<UserRef>,
    /// `item`: the order position.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<OrderItem>,
    /// `payment`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment: Option<OrderPayment>,
}

/// Spec: `DeliveryServiceRef`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct DeliveryServiceRef {
    /// `name`: the display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `code`: the tenant's code, unique in its book (what other entities refer to it by).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `active`: whether it is in use; inactive entries stay for old records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
}

/// Spec: `ItemProperty`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ItemProperty {
    /// `name`: the display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `value`: the value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// `code`: the tenant's code, unique in its book (what other entities refer to it by).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

/// Spec: `OrderStatuses`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct OrderStatuses {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    pub success: bool,
    /// `orders`: the orders.
    pub orders: Vec<OrderStatus>,
}

/// Spec: `OrderStatus`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct OrderStatus {
    /// `id`: the CRM's internal id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<OrderId>,
    /// `externalId`: the integration's own id (`by=externalId` names an entity by it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// `status`: the status code (the tenant's `reference/statuses` for orders).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<String>,
    /// `group`: the status group's code (`new`, `approval`, `assembling`, `delivery`, `complete`, `cancel`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
}

/// Spec: `OrdersCombined`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct OrdersCombined {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    pub success: bool,
    /// `errors`: field errors of a (partial) failure, by field or as a list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub errors: Option<Errors>,
}

/// Spec: `LoyaltyOrderAnswer`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct LoyaltyOrderAnswer {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    pub success: bool,
    /// `order`: the order.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<Order>,
}

/// Spec: `LoyaltyAccountRef`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct LoyaltyAccountRef {
    /// `id`: the CRM's internal id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// `amount`: the amount, in the order currency.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_decimal",
        serialize_with = "market_core::wire::ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub amount: Option<Decimal>,
}
