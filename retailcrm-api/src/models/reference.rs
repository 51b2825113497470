//! Reference books: sites, stores, statuses, delivery and payment types and the rest, each keyed by code (or listed) as the API answers.

#[allow(unused_imports)]
use chrono::NaiveDate;
#[allow(unused_imports)]
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

#[allow(unused_imports)]
use crate::error::Errors;
#[allow(unused_imports)]
use crate::ids::*;
#[allow(unused_imports)]
use crate::models::*;

/// RetailCRM `Store`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Store {
    /// `code`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `description`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `type`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    /// `inventoryType`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inventory_type: Option<String>,
    /// `address`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
    /// `active`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// `phone`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<Phone>,
    /// `workTime`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub work_time: Option<Keyed<Vec<serde_json::Value>>>,
    /// `name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `email`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
}

/// RetailCRM `MgChannel`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct MgChannel {
    /// `id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// `externalId`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<i64>,
    /// `type`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    /// `active`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// `name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `allowedSendByPhone`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_send_by_phone: Option<bool>,
}

/// RetailCRM `CostGroupsBook`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CostGroupsBook {
    /// `success`.
    pub success: bool,
    /// `costGroups`.
    pub cost_groups: Vec<CostGroup>,
}

/// RetailCRM `CostGroup`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CostGroup {
    /// `code`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `ordering`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ordering: Option<i64>,
    /// `active`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// `color`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
}

/// RetailCRM `CostItemsBook`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CostItemsBook {
    /// `success`.
    pub success: bool,
    /// `costItems`.
    pub cost_items: Vec<CostItem>,
}

/// RetailCRM `CostItem`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CostItem {
    /// `code`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `group`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    /// `ordering`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ordering: Option<i64>,
    /// `active`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// `appliesToOrders`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_to_orders: Option<bool>,
    /// `type`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    /// `appliesToUsers`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_to_users: Option<bool>,
}

/// RetailCRM `CountriesBook`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CountriesBook {
    /// `success`.
    pub success: bool,
    /// `countriesIso`.
    pub countries_iso: Vec<String>,
}

/// RetailCRM `CouriersBook`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CouriersBook {
    /// `success`.
    pub success: bool,
    /// `couriers`.
    pub couriers: Vec<Courier>,
}

/// RetailCRM `Courier`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Courier {
    /// `id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// `firstName`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    /// `lastName`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    /// `active`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// `phone`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<Phone>,
}

/// RetailCRM `CurrenciesBook`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CurrenciesBook {
    /// `success`.
    pub success: bool,
    /// `currencies`.
    pub currencies: Vec<Currency>,
}

/// RetailCRM `Currency`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Currency {
    /// `id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// `code`.
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

/// RetailCRM `DeliveryServicesBook`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct DeliveryServicesBook {
    /// `success`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success: Option<bool>,
    /// `deliveryServices`.
    pub delivery_services: Keyed<DeliveryService>,
}

/// RetailCRM `DeliveryService`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct DeliveryService {
    /// `name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `code`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `active`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
}

/// RetailCRM `DeliveryTypesBook`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct DeliveryTypesBook {
    /// `success`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success: Option<bool>,
    /// `deliveryTypes`.
    pub delivery_types: Keyed<DeliveryType>,
}

/// RetailCRM `DeliveryType`.
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
    /// `currency`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// `name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `code`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `active`.
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
    /// `description`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `paymentTypes`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_types: Option<Vec<String>>,
    /// `deliveryServices`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_services: Option<Vec<String>>,
    /// `defaultForCrm`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_for_crm: Option<bool>,
    /// `deliveryPaymentTypes`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_payment_types: Option<Vec<DeliveryPaymentType>>,
    /// `sites`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sites: Option<Vec<String>>,
    /// `integrationCode`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integration_code: Option<String>,
}

/// RetailCRM `DeliveryPaymentType`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct DeliveryPaymentType {
    /// `code`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `cod`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cod: Option<bool>,
}

/// RetailCRM `LegalEntitiesBook`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct LegalEntitiesBook {
    /// `success`.
    pub success: bool,
    /// `legalEntities`.
    pub legal_entities: Vec<LegalEntity>,
}

/// RetailCRM `LegalEntity`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct LegalEntity {
    /// `contragentType`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contragent_type: Option<String>,
    /// `legalName`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_name: Option<String>,
    /// `code`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `countryIso`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_iso: Option<String>,
    /// `vatRate`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vat_rate: Option<String>,
    /// `INN`.
    #[serde(rename = "INN", default, skip_serializing_if = "Option::is_none")]
    pub inn: Option<String>,
}

/// RetailCRM `MgChannelsBook`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct MgChannelsBook {
    /// `success`.
    pub success: bool,
    /// `mgChannels`.
    pub mg_channels: Vec<MgChannel>,
}

/// RetailCRM `OrderMethodsBook`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct OrderMethodsBook {
    /// `success`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success: Option<bool>,
    /// `orderMethods`.
    pub order_methods: Keyed<OrderMethod>,
}

/// RetailCRM `OrderMethod`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct OrderMethod {
    /// `name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `code`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `active`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// `defaultForCrm`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_for_crm: Option<bool>,
    /// `defaultForApi`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_for_api: Option<bool>,
    /// `isFromPos`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_from_pos: Option<bool>,
}

/// RetailCRM `OrderTypesBook`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct OrderTypesBook {
    /// `success`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success: Option<bool>,
    /// `orderTypes`.
    pub order_types: Keyed<OrderType>,
}

/// RetailCRM `OrderType`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct OrderType {
    /// `name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `code`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `active`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// `defaultForCrm`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_for_crm: Option<bool>,
    /// `defaultForApi`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_for_api: Option<bool>,
    /// `ordering`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ordering: Option<i64>,
}

/// RetailCRM `PaymentStatusesBook`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PaymentStatusesBook {
    /// `success`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success: Option<bool>,
    /// `paymentStatuses`.
    pub payment_statuses: Keyed<PaymentStatus>,
}

/// RetailCRM `PaymentStatus`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PaymentStatus {
    /// `name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `code`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `active`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// `defaultForCrm`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_for_crm: Option<bool>,
    /// `defaultForApi`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_for_api: Option<bool>,
    /// `paymentComplete`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_complete: Option<bool>,
    /// `ordering`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ordering: Option<i64>,
    /// `paymentTypes`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_types: Option<Vec<String>>,
}

/// RetailCRM `PaymentTypesBook`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PaymentTypesBook {
    /// `success`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success: Option<bool>,
    /// `paymentTypes`.
    pub payment_types: Keyed<PaymentType>,
}

/// RetailCRM `PaymentType`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PaymentType {
    /// `name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `code`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `active`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// `defaultForCrm`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_for_crm: Option<bool>,
    /// `defaultForApi`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_for_api: Option<bool>,
    /// `deliveryTypes`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_types: Option<Vec<String>>,
    /// `paymentStatuses`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub payment_statuses: Option<Vec<String>>,
    /// `sites`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sites: Option<Vec<String>>,
    /// `description`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `integrationModule`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub integration_module: Option<IntegrationModule>,
}

/// RetailCRM `IntegrationModule`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct IntegrationModule {
    /// `active`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// `name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `logo`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub logo: Option<String>,
}

/// RetailCRM `PriceTypesBook`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PriceTypesBook {
    /// `success`.
    pub success: bool,
    /// `priceTypes`.
    pub price_types: Vec<PriceType>,
}

/// RetailCRM `PriceType`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PriceType {
    /// `id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// `code`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `active`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// `default`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#default: Option<bool>,
    /// `geo`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geo: Option<Vec<serde_json::Value>>,
    /// `groups`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub groups: Option<Vec<serde_json::Value>>,
    /// `ordering`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ordering: Option<i64>,
}

/// RetailCRM `ProductStatusesBook`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ProductStatusesBook {
    /// `success`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success: Option<bool>,
    /// `productStatuses`.
    pub product_statuses: Keyed<ProductStatus>,
}

/// RetailCRM `ProductStatus`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ProductStatus {
    /// `code`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `ordering`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ordering: Option<i64>,
    /// `active`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// `createdAt`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub created_at: Option<CrmTime>,
    /// `cancelStatus`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cancel_status: Option<bool>,
    /// `name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `orderStatusByProductStatus`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_status_by_product_status: Option<String>,
    /// `orderStatusForProductStatus`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_status_for_product_status: Option<String>,
}

/// RetailCRM `SitesBook`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct SitesBook {
    /// `success`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success: Option<bool>,
    /// `sites`.
    pub sites: Keyed<Site>,
}

/// RetailCRM `Site`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Site {
    /// `id`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// `name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `url`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// `code`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `description`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `defaultForCrm`.
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
    /// `contragent`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contragent: Option<Contragent>,
    /// `countryIso`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_iso: Option<String>,
    /// `currency`.
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
    /// `ordering`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ordering: Option<i64>,
    /// `isDemo`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_demo: Option<bool>,
}

/// RetailCRM `StatusGroupsBook`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct StatusGroupsBook {
    /// `success`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success: Option<bool>,
    /// `statusGroups`.
    pub status_groups: Keyed<StatusGroup>,
}

/// RetailCRM `StatusGroup`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct StatusGroup {
    /// `name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `code`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `active`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// `ordering`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ordering: Option<i64>,
    /// `process`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub process: Option<bool>,
    /// `statuses`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub statuses: Option<Vec<String>>,
}

/// RetailCRM `StatusesBook`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct StatusesBook {
    /// `success`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success: Option<bool>,
    /// `statuses`.
    pub statuses: Keyed<Status>,
}

/// RetailCRM `Status`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Status {
    /// `name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `code`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `active`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// `ordering`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ordering: Option<i64>,
    /// `group`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
}

/// RetailCRM `StoresBook`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct StoresBook {
    /// `success`.
    pub success: bool,
    /// `stores`.
    pub stores: Vec<Store>,
}

/// RetailCRM `Coordinates`.
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

/// RetailCRM `UnitsBook`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct UnitsBook {
    /// `success`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success: Option<bool>,
    /// `units`.
    pub units: Keyed<Unit>,
}
