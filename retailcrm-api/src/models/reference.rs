//! Reference books: sites, stores, statuses, delivery and payment types and the rest, each keyed by code (or listed) as the API answers.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::models::*;

/// Spec: `Store`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Store {
    /// `code`: the tenant's code, unique in its book (what other entities refer to it by).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `description`: free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `type`: its kind, as a code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    /// `inventoryType`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inventory_type: Option<String>,
    /// `address`: the address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
    /// `active`: whether it is in use; inactive entries stay for old records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// `phone`: phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<Phone>,
    /// `workTime`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_time: Option<Keyed<Vec<serde_json::Value>>>,
    /// `name`: the display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `email`: e-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

/// Spec: `MgChannel`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct MgChannel {
    /// `id`: the CRM's internal id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// `externalId`: the integration's own id (`by=externalId` names an entity by it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<i64>,
    /// `type`: its kind, as a code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    /// `active`: whether it is in use; inactive entries stay for old records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// `name`: the display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `allowedSendByPhone`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_send_by_phone: Option<bool>,
}

/// Spec: `CostGroupsBook`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CostGroupsBook {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    pub success: bool,
    /// `costGroups`.
    pub cost_groups: Vec<CostGroup>,
}

/// Spec: `CostGroup`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CostGroup {
    /// `code`: the tenant's code, unique in its book (what other entities refer to it by).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `name`: the display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `ordering`: the sort position in the CRM interface (smaller first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ordering: Option<i64>,
    /// `active`: whether it is in use; inactive entries stay for old records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// `color`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
}

/// Spec: `CostItemsBook`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CostItemsBook {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    pub success: bool,
    /// `costItems`.
    pub cost_items: Vec<CostItem>,
}

/// Spec: `CostItem`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CostItem {
    /// `code`: the tenant's code, unique in its book (what other entities refer to it by).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `name`: the display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `group`: the status group's code (`new`, `approval`, `assembling`, `delivery`, `complete`, `cancel`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// `ordering`: the sort position in the CRM interface (smaller first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ordering: Option<i64>,
    /// `active`: whether it is in use; inactive entries stay for old records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// `appliesToOrders`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_to_orders: Option<bool>,
    /// `type`: its kind, as a code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    /// `appliesToUsers`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_to_users: Option<bool>,
}

/// Spec: `CountriesBook`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CountriesBook {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    pub success: bool,
    /// `countriesIso`.
    pub countries_iso: Vec<String>,
}

/// Spec: `CouriersBook`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CouriersBook {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    pub success: bool,
    /// `couriers`.
    pub couriers: Vec<Courier>,
}

/// Spec: `Courier`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Courier {
    /// `id`: the CRM's internal id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// `firstName`: given name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// `lastName`: family name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// `active`: whether it is in use; inactive entries stay for old records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// `phone`: phone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<Phone>,
}

/// Spec: `CurrenciesBook`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CurrenciesBook {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    pub success: bool,
    /// `currencies`.
    pub currencies: Vec<Currency>,
}

/// Spec: `Currency`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Currency {
    /// `id`: the CRM's internal id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// `code`: the tenant's code, unique in its book (what other entities refer to it by).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `isBase`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_base: Option<bool>,
    /// `isAutoConvert`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_auto_convert: Option<bool>,
    /// `autoConvertExtraPercent`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auto_convert_extra_percent: Option<i64>,
}

/// Spec: `DeliveryServicesBook`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct DeliveryServicesBook {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success: Option<bool>,
    /// `deliveryServices`.
    pub delivery_services: Keyed<DeliveryService>,
}

/// Spec: `DeliveryService`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct DeliveryService {
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

/// Spec: `DeliveryTypesBook`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct DeliveryTypesBook {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success: Option<bool>,
    /// `deliveryTypes`.
    pub delivery_types: Keyed<DeliveryType>,
}

/// Spec: `DeliveryType`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct DeliveryType {
    /// `isDynamicCostCalculation`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_dynamic_cost_calculation: Option<bool>,
    /// `isAutoCostCalculation`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_auto_cost_calculation: Option<bool>,
    /// `isAutoNetCostCalculation`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_auto_net_cost_calculation: Option<bool>,
    /// `isCostDependsOnRegionAndWeightAndSum`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_cost_depends_on_region_and_weight_and_sum: Option<bool>,
    /// `isCostDependsOnDateTime`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_cost_depends_on_date_time: Option<bool>,
    /// `currency`: ISO 4217 currency code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// `name`: the display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `code`: the tenant's code, unique in its book (what other entities refer to it by).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `active`: whether it is in use; inactive entries stay for old records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// `defaultCost`.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_decimal",
        serialize_with = "market_core::wire::ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub default_cost: Option<Decimal>,
    /// `defaultNetCost`.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_decimal",
        serialize_with = "market_core::wire::ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub default_net_cost: Option<Decimal>,
    /// `description`: free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `paymentTypes`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_types: Option<Vec<String>>,
    /// `deliveryServices`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_services: Option<Vec<String>>,
    /// `defaultForCrm`: whether the CRM's interface picks it by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_for_crm: Option<bool>,
    /// `deliveryPaymentTypes`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_payment_types: Option<Vec<DeliveryPaymentType>>,
    /// `sites`: site codes it applies to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sites: Option<Vec<String>>,
    /// `integrationCode`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integration_code: Option<String>,
}

/// Spec: `DeliveryPaymentType`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct DeliveryPaymentType {
    /// `code`: the tenant's code, unique in its book (what other entities refer to it by).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `cod`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cod: Option<bool>,
}

/// Spec: `LegalEntitiesBook`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct LegalEntitiesBook {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    pub success: bool,
    /// `legalEntities`.
    pub legal_entities: Vec<LegalEntity>,
}

/// Spec: `LegalEntity`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct LegalEntity {
    /// `contragentType`: `individual`, `legal-entity` or `enterpreneur`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contragent_type: Option<String>,
    /// `legalName`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_name: Option<String>,
    /// `code`: the tenant's code, unique in its book (what other entities refer to it by).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `countryIso`: ISO 3166-1 alpha-2 country code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_iso: Option<String>,
    /// `vatRate`: the VAT rate, as text (`none`, `20`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vat_rate: Option<String>,
    /// `INN`.
    #[serde(rename = "INN", default, skip_serializing_if = "Option::is_none")]
    pub inn: Option<String>,
}

/// Spec: `MgChannelsBook`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct MgChannelsBook {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    pub success: bool,
    /// `mgChannels`.
    pub mg_channels: Vec<MgChannel>,
}

/// Spec: `OrderMethodsBook`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct OrderMethodsBook {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success: Option<bool>,
    /// `orderMethods`.
    pub order_methods: Keyed<OrderMethod>,
}

/// Spec: `OrderMethod`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct OrderMethod {
    /// `name`: the display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `code`: the tenant's code, unique in its book (what other entities refer to it by).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `active`: whether it is in use; inactive entries stay for old records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// `defaultForCrm`: whether the CRM's interface picks it by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_for_crm: Option<bool>,
    /// `defaultForApi`: whether the API picks it when a request names none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_for_api: Option<bool>,
    /// `isFromPos`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_from_pos: Option<bool>,
}

/// Spec: `OrderTypesBook`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct OrderTypesBook {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success: Option<bool>,
    /// `orderTypes`.
    pub order_types: Keyed<OrderType>,
}

/// Spec: `OrderType`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct OrderType {
    /// `name`: the display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `code`: the tenant's code, unique in its book (what other entities refer to it by).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `active`: whether it is in use; inactive entries stay for old records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// `defaultForCrm`: whether the CRM's interface picks it by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_for_crm: Option<bool>,
    /// `defaultForApi`: whether the API picks it when a request names none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_for_api: Option<bool>,
    /// `ordering`: the sort position in the CRM interface (smaller first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ordering: Option<i64>,
}

/// Spec: `PaymentStatusesBook`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PaymentStatusesBook {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success: Option<bool>,
    /// `paymentStatuses`.
    pub payment_statuses: Keyed<PaymentStatus>,
}

/// Spec: `PaymentStatus`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PaymentStatus {
    /// `name`: the display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `code`: the tenant's code, unique in its book (what other entities refer to it by).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `active`: whether it is in use; inactive entries stay for old records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// `defaultForCrm`: whether the CRM's interface picks it by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_for_crm: Option<bool>,
    /// `defaultForApi`: whether the API picks it when a request names none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_for_api: Option<bool>,
    /// `paymentComplete`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_complete: Option<bool>,
    /// `ordering`: the sort position in the CRM interface (smaller first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ordering: Option<i64>,
    /// `paymentTypes`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_types: Option<Vec<String>>,
}

/// Spec: `PaymentTypesBook`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PaymentTypesBook {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success: Option<bool>,
    /// `paymentTypes`.
    pub payment_types: Keyed<PaymentType>,
}

/// Spec: `PaymentType`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PaymentType {
    /// `name`: the display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `code`: the tenant's code, unique in its book (what other entities refer to it by).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `active`: whether it is in use; inactive entries stay for old records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// `defaultForCrm`: whether the CRM's interface picks it by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_for_crm: Option<bool>,
    /// `defaultForApi`: whether the API picks it when a request names none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_for_api: Option<bool>,
    /// `deliveryTypes`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_types: Option<Vec<String>>,
    /// `paymentStatuses`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_statuses: Option<Vec<String>>,
    /// `sites`: site codes it applies to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sites: Option<Vec<String>>,
    /// `description`: free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `integrationModule`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integration_module: Option<IntegrationModule>,
}

/// Spec: `IntegrationModule`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct IntegrationModule {
    /// `active`: whether it is in use; inactive entries stay for old records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// `name`: the display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `logo`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<String>,
}

/// Spec: `PriceTypesBook`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PriceTypesBook {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    pub success: bool,
    /// `priceTypes`.
    pub price_types: Vec<PriceType>,
}

/// Spec: `PriceType`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PriceType {
    /// `id`: the CRM's internal id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// `code`: the tenant's code, unique in its book (what other entities refer to it by).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `name`: the display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `active`: whether it is in use; inactive entries stay for old records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// `default`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#default: Option<bool>,
    /// `geo`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geo: Option<Vec<serde_json::Value>>,
    /// `groups`: the groups it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub groups: Option<Vec<serde_json::Value>>,
    /// `ordering`: the sort position in the CRM interface (smaller first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ordering: Option<i64>,
}

/// Spec: `ProductStatusesBook`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ProductStatusesBook {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success: Option<bool>,
    /// `productStatuses`.
    pub product_statuses: Keyed<ProductStatus>,
}

/// Spec: `ProductStatus`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ProductStatus {
    /// `code`: the tenant's code, unique in its book (what other entities refer to it by).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `ordering`: the sort position in the CRM interface (smaller first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ordering: Option<i64>,
    /// `active`: whether it is in use; inactive entries stay for old records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// `createdAt`: when it was created, in the account's time zone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<CrmTime>,
    /// `cancelStatus`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cancel_status: Option<bool>,
    /// `name`: the display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `orderStatusByProductStatus`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_status_by_product_status: Option<String>,
    /// `orderStatusForProductStatus`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_status_for_product_status: Option<String>,
}

/// Spec: `SitesBook`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct SitesBook {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success: Option<bool>,
    /// `sites`: site codes it applies to.
    pub sites: Keyed<Site>,
}

/// Spec: `Site`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Site {
    /// `id`: the CRM's internal id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// `name`: the display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `url`: the web address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// `code`: the tenant's code, unique in its book (what other entities refer to it by).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `description`: free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `defaultForCrm`: whether the CRM's interface picks it by default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_for_crm: Option<bool>,
    /// `ymlUrl`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub yml_url: Option<String>,
    /// `loadFromYml`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub load_from_yml: Option<bool>,
    /// `catalogUpdatedAt`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catalog_updated_at: Option<CrmTime>,
    /// `catalogLoadingAt`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catalog_loading_at: Option<CrmTime>,
    /// `contragent`: the legal side: individual or company with its details.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contragent: Option<Contragent>,
    /// `countryIso`: ISO 3166-1 alpha-2 country code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_iso: Option<String>,
    /// `currency`: ISO 4217 currency code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// `senderEmail`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender_email: Option<String>,
    /// `senderName`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sender_name: Option<String>,
    /// `catalogId`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catalog_id: Option<String>,
    /// `isCatalogMainSite`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_catalog_main_site: Option<bool>,
    /// `ordering`: the sort position in the CRM interface (smaller first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ordering: Option<i64>,
    /// `isDemo`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_demo: Option<bool>,
}

/// Spec: `StatusGroupsBook`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct StatusGroupsBook {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success: Option<bool>,
    /// `statusGroups`.
    pub status_groups: Keyed<StatusGroup>,
}

/// Spec: `StatusGroup`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct StatusGroup {
    /// `name`: the display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `code`: the tenant's code, unique in its book (what other entities refer to it by).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `active`: whether it is in use; inactive entries stay for old records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// `ordering`: the sort position in the CRM interface (smaller first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ordering: Option<i64>,
    /// `process`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub process: Option<bool>,
    /// `statuses`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statuses: Option<Vec<String>>,
}

/// Spec: `StatusesBook`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct StatusesBook {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success: Option<bool>,
    /// `statuses`.
    pub statuses: Keyed<Status>,
}

/// Spec: `Status`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Status {
    /// `name`: the display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `code`: the tenant's code, unique in its book (what other entities refer to it by).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `active`: whether it is in use; inactive entries stay for old records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// `ordering`: the sort position in the CRM interface (smaller first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ordering: Option<i64>,
    /// `group`: the status group's code (`new`, `approval`, `assembling`, `delivery`, `complete`, `cancel`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
}

/// Spec: `StoresBook`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct StoresBook {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    pub success: bool,
    /// `stores`.
    pub stores: Vec<Store>,
}

/// Spec: `Coordinates`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Coordinates {
    /// `latitude`.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_decimal",
        serialize_with = "market_core::wire::ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub latitude: Option<Decimal>,
    /// `longitude`.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_decimal",
        serialize_with = "market_core::wire::ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub longitude: Option<Decimal>,
}

/// Spec: `UnitsBook`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct UnitsBook {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success: Option<bool>,
    /// `units`.
    pub units: Keyed<Unit>,
}
