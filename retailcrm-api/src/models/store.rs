//! The catalogue: products, offers, groups, properties, stocks and prices.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::ids::*;
use crate::models::*;

/// Spec: `InventoriesUploaded`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct InventoriesUploaded {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    pub success: bool,
    /// `processedOffersCount`: offers the server processed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub processed_offers_count: Option<i64>,
    /// `notFoundOffers`: the offers the server did not find.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_found_offers: Option<Vec<serde_json::Value>>,
}

/// Spec: `InventoriesPage`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct InventoriesPage {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    pub success: bool,
    /// `pagination`: the page counter.
    pub pagination: Pagination,
    /// `offers`: the trade offers.
    pub offers: Vec<InventoryOffer>,
}

/// Spec: `InventoryOffer`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct InventoryOffer {
    /// `id`: the CRM's internal id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<OfferId>,
    /// `externalId`: the integration's own id (`by=externalId` names an entity by it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// `xmlId`: the catalogue feed's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub xml_id: Option<String>,
    /// `site`: the site's code (the store front the entity belongs to).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
    /// `purchasePrice`: the purchase (cost) price, in the account currency.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_decimal",
        serialize_with = "market_core::wire::ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub purchase_price: Option<Decimal>,
    /// `quantity`: units.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_decimal",
        serialize_with = "market_core::wire::ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub quantity: Option<Decimal>,
}

/// Spec: `OffersPage`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct OffersPage {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    pub success: bool,
    /// `pagination`: the page counter.
    pub pagination: Pagination,
    /// `offers`: the trade offers.
    pub offers: Vec<StoreOffer>,
}

/// Spec: `StoreOffer`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct StoreOffer {
    /// `name`: the display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `images`: picture addresses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub images: Option<Vec<String>>,
    /// `id`: the CRM's internal id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<OfferId>,
    /// `externalId`: the integration's own id (`by=externalId` names an entity by it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// `xmlId`: the catalogue feed's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub xml_id: Option<String>,
    /// `article`: the article (vendor code).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    /// `prices`: the prices, one per price or price type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prices: Option<Vec<OfferPrice>>,
    /// `purchasePrice`: the purchase (cost) price, in the account currency.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_decimal",
        serialize_with = "market_core::wire::ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub purchase_price: Option<Decimal>,
    /// `vatRate`: the VAT rate, as text (`none`, `20`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vat_rate: Option<String>,
    /// `properties`: properties by code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub properties: Option<CustomFields>,
    /// `quantity`: units.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_decimal",
        serialize_with = "market_core::wire::ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub quantity: Option<Decimal>,
    /// `weight`: weight, grams.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_decimal",
        serialize_with = "market_core::wire::ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub weight: Option<Decimal>,
    /// `active`: whether it is in use; inactive entries stay for old records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// `unit`: the unit of measure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Unit>,
    /// `product`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub product: Option<Product>,
    /// `price`: the price, in the site currency.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_decimal",
        serialize_with = "market_core::wire::ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub price: Option<Decimal>,
}

/// Spec: `OfferPrice`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct OfferPrice {
    /// `priceType`: the price type's code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price_type: Option<String>,
    /// `price`: the price, in the site currency.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_decimal",
        serialize_with = "market_core::wire::ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub price: Option<Decimal>,
    /// `ordering`: the sort position in the CRM interface (smaller first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ordering: Option<i64>,
}

/// Spec: `Product`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Product {
    /// `minPrice`: the lowest price of its offers.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_decimal",
        serialize_with = "market_core::wire::ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub min_price: Option<Decimal>,
    /// `maxPrice`: the highest price of its offers.
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::opt_decimal",
        serialize_with = "market_core::wire::ser::opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub max_price: Option<Decimal>,
    /// `id`: the CRM's internal id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<ProductId>,
    /// `article`: the article (vendor code).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub article: Option<String>,
    /// `type`: its kind, as a code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
    /// `name`: the display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `url`: the web address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// `imageUrl`: the picture address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_url: Option<String>,
    /// `description`: free text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// `groups`: the groups it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub groups: Option<Vec<ProductGroupRef>>,
    /// `externalId`: the integration's own id (`by=externalId` names an entity by it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// `manufacturer`: the manufacturer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub manufacturer: Option<String>,
    /// `active`: whether it is in use; inactive entries stay for old records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// `quantity`: units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quantity: Option<i64>,
    /// `markable`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub markable: Option<bool>,
    /// `updatedAt`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<CrmTime>,
    /// `offers`: the trade offers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offers: Option<Vec<StoreOffer>>,
}

/// Spec: `ProductGroupRef`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ProductGroupRef {
    /// `id`: the CRM's internal id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// `externalId`: the integration's own id (`by=externalId` names an entity by it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
}

/// Spec: `PricesUploaded`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PricesUploaded {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    pub success: bool,
    /// `processedOffersCount`: offers the server processed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub processed_offers_count: Option<i64>,
    /// `notFoundOffers`: the offers the server did not find.
    pub not_found_offers: Vec<serde_json::Value>,
}

/// Spec: `ProductsCreated`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ProductsCreated {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    pub success: bool,
    /// `processedProductsCount`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub processed_products_count: Option<i64>,
    /// `addedProducts`.
    pub added_products: Vec<i64>,
}

/// Spec: `ProductGroupsPage`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ProductGroupsPage {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    pub success: bool,
    /// `pagination`: the page counter.
    pub pagination: Pagination,
    /// `productGroup`.
    pub product_group: Vec<ProductGroup>,
}

/// Spec: `ProductGroup`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ProductGroup {
    /// `site`: the site's code (the store front the entity belongs to).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
    /// `id`: the CRM's internal id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<ProductGroupId>,
    /// `name`: the display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `externalId`: the integration's own id (`by=externalId` names an entity by it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// `active`: whether it is in use; inactive entries stay for old records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
    /// `parentId`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<i64>,
}

/// Spec: `ProductPropertiesPage`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ProductPropertiesPage {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    pub success: bool,
    /// `pagination`: the page counter.
    pub pagination: Pagination,
    /// `properties`: properties by code.
    pub properties: Vec<ProductProperty>,
}

/// Spec: `ProductProperty`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ProductProperty {
    /// `sites`: site codes it applies to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sites: Option<Vec<String>>,
    /// `groups`: the groups it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub groups: Option<Vec<PropertyGroup>>,
    /// `code`: the tenant's code, unique in its book (what other entities refer to it by).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `name`: the display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `isNumeric`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_numeric: Option<bool>,
    /// `visible`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible: Option<bool>,
    /// `variative`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variative: Option<bool>,
}

/// Spec: `PropertyGroup`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PropertyGroup {
    /// `id`: the CRM's internal id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// `name`: the display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// Spec: `PropertyValuesPage`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PropertyValuesPage {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    pub success: bool,
    /// `pagination`: the page counter.
    pub pagination: Pagination,
    /// `productPropertyValues`.
    pub product_property_values: Vec<PropertyValue>,
}

/// Spec: `PropertyValue`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct PropertyValue {
    /// `property`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub property: Option<ProductPropertyRef>,
    /// `value`: the value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
    /// `offersCount`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub offers_count: Option<i64>,
}

/// Spec: `ProductPropertyRef`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ProductPropertyRef {
    /// `sites`: site codes it applies to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sites: Option<Vec<String>>,
    /// `groups`: the groups it belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub groups: Option<Vec<Group>>,
    /// `code`: the tenant's code, unique in its book (what other entities refer to it by).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `name`: the display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `isNumeric`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_numeric: Option<bool>,
    /// `visible`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visible: Option<bool>,
    /// `variative`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub variative: Option<bool>,
}

/// Spec: `Group`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Group {
    /// `id`: the CRM's internal id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// `name`: the display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// Spec: `ProductsPage`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ProductsPage {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    pub success: bool,
    /// `pagination`: the page counter.
    pub pagination: Pagination,
    /// `products`.
    pub products: Vec<Product>,
}
