//! The catalogue and the warehouse: stocks (`inventories`), prices, offers, products,
//! product groups and properties.

use std::collections::BTreeMap;
use std::fmt;

use futures::stream::BoxStream;
use market_core::batch::run_batches;
use market_core::transport::Operation;
use market_core::{BatchReport, Result};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{by_field, by_path, filter_pairs, form, get, json_field, list, post, site_field};
use crate::Client;
use crate::ids::OfferId;
use crate::limits::{self, PageSize};
use crate::models::{
    Ack, By, Created, InventoriesPage, InventoriesUploaded, InventoryOffer, OffersPage,
    PricesUploaded, Product, ProductGroup, ProductGroupsPage, ProductPropertiesPage,
    ProductProperty, ProductsCreated, ProductsPage, PropertyValue, PropertyValuesPage, StoreOffer,
};

/// `GET /api/v5/store/inventories`: offers with their stocks.
pub static STORE_INVENTORIES_LIST: Operation =
    get("store_inventories_list", "/api/v5/store/inventories");
/// `POST /api/v5/store/inventories/upload`: sets stocks, up to
/// [`STORE_INVENTORIES_UPLOAD_MAX`] offers a request.
pub static STORE_INVENTORIES_UPLOAD: Operation = post(
    "store_inventories_upload",
    "/api/v5/store/inventories/upload",
)
.batch_max(STORE_INVENTORIES_UPLOAD_MAX);
/// Offers of one `store/inventories/upload` request.
pub const STORE_INVENTORIES_UPLOAD_MAX: usize = limits::STORE_UPLOAD_MAX;
/// `GET /api/v5/store/offers`: trade offers.
pub static STORE_OFFERS_LIST: Operation = get("store_offers_list", "/api/v5/store/offers");
/// `POST /api/v5/store/prices/upload`: sets prices by price type, up to
/// [`STORE_PRICES_UPLOAD_MAX`] offers a request.
pub static STORE_PRICES_UPLOAD: Operation =
    post("store_prices_upload", "/api/v5/store/prices/upload").batch_max(STORE_PRICES_UPLOAD_MAX);
/// Offers of one `store/prices/upload` request.
pub const STORE_PRICES_UPLOAD_MAX: usize = limits::STORE_UPLOAD_MAX;
/// `GET /api/v5/store/products`: products with their offers.
pub static STORE_PRODUCTS_LIST: Operation = get("store_products_list", "/api/v5/store/products");
/// `POST /api/v5/store/products/batch/create`: creates products.
pub static STORE_PRODUCTS_BATCH_CREATE: Operation = post(
    "store_products_batch_create",
    "/api/v5/store/products/batch/create",
)
.non_idempotent();
/// `POST /api/v5/store/products/batch/edit`: changes products.
pub static STORE_PRODUCTS_BATCH_EDIT: Operation = post(
    "store_products_batch_edit",
    "/api/v5/store/products/batch/edit",
);
/// `GET /api/v5/store/product-groups`: product groups.
pub static STORE_PRODUCT_GROUPS_LIST: Operation =
    get("store_product_groups_list", "/api/v5/store/product-groups");
/// `POST /api/v5/store/product-groups/create`: creates a product group.
pub static STORE_PRODUCT_GROUPS_CREATE: Operation = post(
    "store_product_groups_create",
    "/api/v5/store/product-groups/create",
)
.non_idempotent();
/// `POST /api/v5/store/product-groups/{identifier}/edit`: changes a product group.
pub static STORE_PRODUCT_GROUPS_EDIT: Operation = post(
    "store_product_groups_edit",
    "/api/v5/store/product-groups/{identifier}/edit",
);
/// `GET /api/v5/store/products/properties`: product properties.
pub static STORE_PRODUCTS_PROPERTIES_LIST: Operation = get(
    "store_products_properties_list",
    "/api/v5/store/products/properties",
);
/// `GET /api/v5/store/products/properties/values`: the values of product properties.
pub static STORE_PRODUCTS_PROPERTIES_VALUES: Operation = get(
    "store_products_properties_values",
    "/api/v5/store/products/properties/values",
);

/// Which offer a stock or price is about: its internal id, its `externalId`, or its `xmlId`
/// (the catalogue feed's id).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum OfferKey {
    /// The internal id.
    Id(OfferId),
    /// The integration's id.
    ExternalId(String),
    /// The catalogue feed's id.
    XmlId(String),
}

impl fmt::Display for OfferKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Id(id) => write!(f, "id {id}"),
            Self::ExternalId(id) => write!(f, "externalId {id}"),
            Self::XmlId(id) => write!(f, "xmlId {id}"),
        }
    }
}

impl OfferKey {
    fn put(&self, map: &mut serde_json::Map<String, serde_json::Value>) {
        match self {
            Self::Id(id) => map.insert("id".into(), serde_json::json!(id.0)),
            Self::ExternalId(id) => map.insert("externalId".into(), serde_json::json!(id)),
            Self::XmlId(id) => map.insert("xmlId".into(), serde_json::json!(id)),
        };
    }

    /// True when a `notFoundOffers` entry names this offer.
    fn named_by(&self, entry: &OfferNotFound) -> bool {
        match self {
            Self::Id(id) => entry.id == Some(*id),
            Self::ExternalId(id) => entry.external_id.as_deref() == Some(id.as_str()),
            Self::XmlId(id) => entry.xml_id.as_deref() == Some(id.as_str()),
        }
    }
}

/// An offer the server did not find (`notFoundOffers[]`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct OfferNotFound {
    #[serde(default)]
    id: Option<OfferId>,
    #[serde(default)]
    external_id: Option<String>,
    #[serde(default)]
    xml_id: Option<String>,
}

/// The stock of one store (`offers[].stores[]` of `store/inventories/upload`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StoreStock {
    /// The store's code.
    pub code: String,
    /// Units available.
    #[serde(serialize_with = "market_core::wire::ser::number")]
    pub available: Decimal,
    /// The purchase price, when it changes.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "market_core::wire::ser::opt_number"
    )]
    pub purchase_price: Option<Decimal>,
}

/// The stocks of one offer across stores.
#[derive(Debug, Clone, PartialEq)]
pub struct OfferStocks {
    /// The offer.
    pub offer: OfferKey,
    /// Its stock per store.
    pub stores: Vec<StoreStock>,
}

/// A price of one price type (`prices[].prices[]` of `store/prices/upload`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TypedPrice {
    /// The price type's code (`base`, ...).
    pub code: String,
    /// The price, in the site's currency.
    #[serde(serialize_with = "market_core::wire::ser::number")]
    pub price: Decimal,
}

/// The prices of one offer by price type.
#[derive(Debug, Clone, PartialEq)]
pub struct OfferPrices {
    /// The offer.
    pub offer: OfferKey,
    /// The site whose catalogue holds the offer (needed with an external or xml id).
    pub site: Option<String>,
    /// Its prices.
    pub prices: Vec<TypedPrice>,
}

fn not_found_report(keys: &[OfferKey], not_found: &[serde_json::Value]) -> BatchReport<OfferKey> {
    let missing: Vec<OfferNotFound> = not_found
        .iter()
        .filter_map(|v| serde_json::from_value(v.clone()).ok())
        .collect();
    let mut report = BatchReport::new();
    for key in keys {
        if missing.iter().any(|m| key.named_by(m)) {
            report.record(key.clone(), false, [("not_found", "offer not found")], None);
        } else {
            report.accept(key.clone());
        }
    }
    report
}

impl Client {
    /// Every offer with its stocks matching `filter` (`ids`, `externalIds`, `sites`,
    /// `details`, ... by API name).
    pub fn store_inventories_list(
        &self,
        filter: &BTreeMap<String, serde_json::Value>,
        size: PageSize,
    ) -> BoxStream<'static, Result<InventoryOffer>> {
        match filter_pairs(filter) {
            Ok(query) => list(
                self,
                &STORE_INVENTORIES_LIST,
                query,
                size,
                |p: InventoriesPage| (p.offers, p.pagination),
                |o: &InventoryOffer| (o.id, o.external_id.clone()),
            ),
            Err(e) => Box::pin(futures::stream::once(async move { Err(e) })),
        }
    }

    /// Sets stocks, [`STORE_INVENTORIES_UPLOAD_MAX`] offers a request, one outcome per
    /// offer (an offer the server does not find is rejected, code `not_found`).
    pub async fn store_inventories_upload(
        &self,
        offers: Vec<OfferStocks>,
        site: Option<&str>,
    ) -> BatchReport<OfferKey> {
        run_batches(
            offers,
            STORE_INVENTORIES_UPLOAD_MAX,
            |o: &OfferStocks| o.offer.clone(),
            |o: &OfferStocks| {
                if o.stores.is_empty() {
                    Err("no store stock given".to_owned())
                } else if o.stores.iter().any(|s| s.available.is_sign_negative()) {
                    Err("a negative stock".to_owned())
                } else {
                    Ok(())
                }
            },
            |chunk: Vec<OfferStocks>| async move {
                let keys: Vec<OfferKey> = chunk.iter().map(|o| o.offer.clone()).collect();
                let mut wire = Vec::with_capacity(chunk.len());
                for o in &chunk {
                    let mut map = serde_json::Map::new();
                    o.offer.put(&mut map);
                    map.insert(
                        "stores".into(),
                        serde_json::to_value(&o.stores).unwrap_or_default(),
                    );
                    wire.push(serde_json::Value::Object(map));
                }
                let request = form(
                    STORE_INVENTORIES_UPLOAD.request().weight(chunk.len()),
                    vec![
                        ("offers", Some(json_field(&wire)?)),
                        ("site", site_field(site)),
                    ],
                )?;
                let answer: InventoriesUploaded = self.transport.json(request).await?;
                Ok(not_found_report(
                    &keys,
                    answer.not_found_offers.as_deref().unwrap_or_default(),
                ))
            },
        )
        .await
    }

    /// Every trade offer matching `filter`.
    pub fn store_offers_list(
        &self,
        filter: &BTreeMap<String, serde_json::Value>,
        size: PageSize,
    ) -> BoxStream<'static, Result<StoreOffer>> {
        match filter_pairs(filter) {
            Ok(query) => list(
                self,
                &STORE_OFFERS_LIST,
                query,
                size,
                |p: OffersPage| (p.offers, p.pagination),
                |o: &StoreOffer| (o.id, o.external_id.clone()),
            ),
            Err(e) => Box::pin(futures::stream::once(async move { Err(e) })),
        }
    }

    /// Sets prices by price type, [`STORE_PRICES_UPLOAD_MAX`] offers a request, one
    /// outcome per offer (an offer the server does not find is rejected).
    pub async fn store_prices_upload(&self, offers: Vec<OfferPrices>) -> BatchReport<OfferKey> {
        run_batches(
            offers,
            STORE_PRICES_UPLOAD_MAX,
            |o: &OfferPrices| o.offer.clone(),
            |o: &OfferPrices| {
                if o.prices.is_empty() {
                    Err("no price given".to_owned())
                } else if o.prices.iter().any(|p| p.price.is_sign_negative()) {
                    Err("a negative price".to_owned())
                } else {
                    Ok(())
                }
            },
            |chunk: Vec<OfferPrices>| async move {
                let keys: Vec<OfferKey> = chunk.iter().map(|o| o.offer.clone()).collect();
                let mut wire = Vec::with_capacity(chunk.len());
                for o in &chunk {
                    let mut map = serde_json::Map::new();
                    o.offer.put(&mut map);
                    if let Some(site) = &o.site {
                        map.insert("site".into(), serde_json::json!(site));
                    }
                    map.insert(
                        "prices".into(),
                        serde_json::to_value(&o.prices).unwrap_or_default(),
                    );
                    wire.push(serde_json::Value::Object(map));
                }
                let request = form(
                    STORE_PRICES_UPLOAD.request().weight(chunk.len()),
                    vec![("prices", Some(json_field(&wire)?))],
                )?;
                let answer: PricesUploaded = self.transport.json(request).await?;
                Ok(not_found_report(&keys, &answer.not_found_offers))
            },
        )
        .await
    }

    /// Every product matching `filter`.
    pub fn store_products_list(
        &self,
        filter: &BTreeMap<String, serde_json::Value>,
        size: PageSize,
    ) -> BoxStream<'static, Result<Product>> {
        match filter_pairs(filter) {
            Ok(query) => list(
                self,
                &STORE_PRODUCTS_LIST,
                query,
                size,
                |p: ProductsPage| (p.products, p.pagination),
                |p: &Product| (p.id, p.external_id.clone()),
            ),
            Err(e) => Box::pin(futures::stream::once(async move { Err(e) })),
        }
    }

    /// Creates products; the answer lists their ids.
    pub async fn store_products_batch_create(
        &self,
        products: &[Product],
    ) -> Result<ProductsCreated> {
        let request = form(
            STORE_PRODUCTS_BATCH_CREATE.request(),
            vec![("products", Some(json_field(&products)?))],
        )?;
        self.transport.json(request).await
    }

    /// Changes products (each named by `id`, or `externalId` and `site`).
    pub async fn store_products_batch_edit(&self, products: &[Product]) -> Result<Ack> {
        let request = form(
            STORE_PRODUCTS_BATCH_EDIT.request(),
            vec![("products", Some(json_field(&products)?))],
        )?;
        self.transport.json(request).await
    }

    /// Every product group matching `filter`.
    pub fn store_product_groups_list(
        &self,
        filter: &BTreeMap<String, serde_json::Value>,
        size: PageSize,
    ) -> BoxStream<'static, Result<ProductGroup>> {
        match filter_pairs(filter) {
            Ok(query) => list(
                self,
                &STORE_PRODUCT_GROUPS_LIST,
                query,
                size,
                |p: ProductGroupsPage| (p.product_group, p.pagination),
                |g: &ProductGroup| (g.id, g.external_id.clone()),
            ),
            Err(e) => Box::pin(futures::stream::once(async move { Err(e) })),
        }
    }

    /// Creates a product group.
    pub async fn store_product_groups_create(&self, group: &ProductGroup) -> Result<Created> {
        let request = form(
            STORE_PRODUCT_GROUPS_CREATE.request(),
            vec![("productGroup", Some(json_field(group)?))],
        )?;
        self.transport.json(request).await
    }

    /// Changes a product group, by id or external id.
    pub async fn store_product_groups_edit(
        &self,
        by: &By,
        group: &ProductGroup,
        site: Option<&str>,
    ) -> Result<Created> {
        let request = form(
            by_path(&STORE_PRODUCT_GROUPS_EDIT, by),
            vec![
                ("productGroup", Some(json_field(group)?)),
                ("by", by_field(by)),
                ("site", site_field(site)),
            ],
        )?;
        self.transport.json(request).await
    }

    /// Every product property matching `filter`.
    pub fn store_products_properties_list(
        &self,
        filter: &BTreeMap<String, serde_json::Value>,
        size: PageSize,
    ) -> BoxStream<'static, Result<ProductProperty>> {
        match filter_pairs(filter) {
            Ok(query) => list(
                self,
                &STORE_PRODUCTS_PROPERTIES_LIST,
                query,
                size,
                |p: ProductPropertiesPage| (p.properties, p.pagination),
                |p: &ProductProperty| p.code.clone(),
            ),
            Err(e) => Box::pin(futures::stream::once(async move { Err(e) })),
        }
    }

    /// Every value of product properties matching `filter`.
    pub fn store_products_properties_values(
        &self,
        filter: &BTreeMap<String, serde_json::Value>,
        size: PageSize,
    ) -> BoxStream<'static, Result<PropertyValue>> {
        match filter_pairs(filter) {
            Ok(query) => list(
                self,
                &STORE_PRODUCTS_PROPERTIES_VALUES,
                query,
                size,
                |p: PropertyValuesPage| (p.product_property_values, p.pagination),
                |v: &PropertyValue| v.value.clone(),
            ),
            Err(e) => Box::pin(futures::stream::once(async move { Err(e) })),
        }
    }
}
