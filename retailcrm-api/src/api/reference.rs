//! Reference books: every book read (keyed by code where the API keys it) and edited
//! (`POST /reference/<book>/{code}/edit`, the entry JSON-encoded in one field; created when
//! the code is new). Couriers and currencies are created and edited by id.

use market_core::Result;
use market_core::transport::Operation;

use super::{form, get, json_field, post};
use crate::Client;
use crate::error::invalid;
use crate::models::*;

/// `GET /api/v5/reference/countries`: the ISO codes of the account's countries.
pub static REFERENCE_COUNTRIES: Operation =
    get("reference_countries", "/api/v5/reference/countries");
/// `GET /api/v5/reference/mg-channels`: the messenger channels.
pub static REFERENCE_MG_CHANNELS: Operation =
    get("reference_mg_channels", "/api/v5/reference/mg-channels");

/// `GET /api/v5/reference/cost-groups`: the cost groups book.
pub static REFERENCE_COST_GROUPS_LIST: Operation = get(
    "reference_cost_groups_list",
    "/api/v5/reference/cost-groups",
);
/// `POST /api/v5/reference/cost-groups/{code}/edit`: changes (or creates) one entry.
pub static REFERENCE_COST_GROUPS_EDIT: Operation = post(
    "reference_cost_groups_edit",
    "/api/v5/reference/cost-groups/{code}/edit",
);
/// `GET /api/v5/reference/cost-items`: the cost items book.
pub static REFERENCE_COST_ITEMS_LIST: Operation =
    get("reference_cost_items_list", "/api/v5/reference/cost-items");
/// `POST /api/v5/reference/cost-items/{code}/edit`: changes (or creates) one entry.
pub static REFERENCE_COST_ITEMS_EDIT: Operation = post(
    "reference_cost_items_edit",
    "/api/v5/reference/cost-items/{code}/edit",
);
/// `GET /api/v5/reference/couriers`: the couriers book.
pub static REFERENCE_COURIERS_LIST: Operation =
    get("reference_couriers_list", "/api/v5/reference/couriers");
/// `POST /api/v5/reference/couriers/{id}/edit`: changes (or creates) one entry.
pub static REFERENCE_COURIERS_EDIT: Operation = post(
    "reference_couriers_edit",
    "/api/v5/reference/couriers/{id}/edit",
);
/// `POST /api/v5/reference/couriers/create`: adds an entry.
pub static REFERENCE_COURIERS_CREATE: Operation = post(
    "reference_couriers_create",
    "/api/v5/reference/couriers/create",
)
.non_idempotent();
/// `GET /api/v5/reference/currencies`: the currencies book.
pub static REFERENCE_CURRENCIES_LIST: Operation =
    get("reference_currencies_list", "/api/v5/reference/currencies");
/// `POST /api/v5/reference/currencies/{id}/edit`: changes (or creates) one entry.
pub static REFERENCE_CURRENCIES_EDIT: Operation = post(
    "reference_currencies_edit",
    "/api/v5/reference/currencies/{id}/edit",
);
/// `POST /api/v5/reference/currencies/create`: adds an entry.
pub static REFERENCE_CURRENCIES_CREATE: Operation = post(
    "reference_currencies_create",
    "/api/v5/reference/currencies/create",
)
.non_idempotent();
/// `GET /api/v5/reference/delivery-services`: the delivery services book.
pub static REFERENCE_DELIVERY_SERVICES_LIST: Operation = get(
    "reference_delivery_services_list",
    "/api/v5/reference/delivery-services",
);
/// `POST /api/v5/reference/delivery-services/{code}/edit`: changes (or creates) one entry.
pub static REFERENCE_DELIVERY_SERVICES_EDIT: Operation = post(
    "reference_delivery_services_edit",
    "/api/v5/reference/delivery-services/{code}/edit",
);
/// `GET /api/v5/reference/delivery-types`: the delivery types book.
pub static REFERENCE_DELIVERY_TYPES_LIST: Operation = get(
    "reference_delivery_types_list",
    "/api/v5/reference/delivery-types",
);
/// `POST /api/v5/reference/delivery-types/{code}/edit`: changes (or creates) one entry.
pub static REFERENCE_DELIVERY_TYPES_EDIT: Operation = post(
    "reference_delivery_types_edit",
    "/api/v5/reference/delivery-types/{code}/edit",
);
/// `GET /api/v5/reference/legal-entities`: the legal entities book.
pub static REFERENCE_LEGAL_ENTITIES_LIST: Operation = get(
    "reference_legal_entities_list",
    "/api/v5/reference/legal-entities",
);
/// `POST /api/v5/reference/legal-entities/{code}/edit`: changes (or creates) one entry.
pub static REFERENCE_LEGAL_ENTITIES_EDIT: Operation = post(
    "reference_legal_entities_edit",
    "/api/v5/reference/legal-entities/{code}/edit",
);
/// `GET /api/v5/reference/order-methods`: the order methods book.
pub static REFERENCE_ORDER_METHODS_LIST: Operation = get(
    "reference_order_methods_list",
    "/api/v5/reference/order-methods",
);
/// `POST /api/v5/reference/order-methods/{code}/edit`: changes (or creates) one entry.
pub static REFERENCE_ORDER_METHODS_EDIT: Operation = post(
    "reference_order_methods_edit",
    "/api/v5/reference/order-methods/{code}/edit",
);
/// `GET /api/v5/reference/order-types`: the order types book.
pub static REFERENCE_ORDER_TYPES_LIST: Operation = get(
    "reference_order_types_list",
    "/api/v5/reference/order-types",
);
/// `POST /api/v5/reference/order-types/{code}/edit`: changes (or creates) one entry.
pub static REFERENCE_ORDER_TYPES_EDIT: Operation = post(
    "reference_order_types_edit",
    "/api/v5/reference/order-types/{code}/edit",
);
/// `GET /api/v5/reference/payment-statuses`: the payment statuses book.
pub static REFERENCE_PAYMENT_STATUSES_LIST: Operation = get(
    "reference_payment_statuses_list",
    "/api/v5/reference/payment-statuses",
);
/// `POST /api/v5/reference/payment-statuses/{code}/edit`: changes (or creates) one entry.
pub static REFERENCE_PAYMENT_STATUSES_EDIT: Operation = post(
    "reference_payment_statuses_edit",
    "/api/v5/reference/payment-statuses/{code}/edit",
);
/// `GET /api/v5/reference/payment-types`: the payment types book.
pub static REFERENCE_PAYMENT_TYPES_LIST: Operation = get(
    "reference_payment_types_list",
    "/api/v5/reference/payment-types",
);
/// `POST /api/v5/reference/payment-types/{code}/edit`: changes (or creates) one entry.
pub static REFERENCE_PAYMENT_TYPES_EDIT: Operation = post(
    "reference_payment_types_edit",
    "/api/v5/reference/payment-types/{code}/edit",
);
/// `GET /api/v5/reference/price-types`: the price types book.
pub static REFERENCE_PRICE_TYPES_LIST: Operation = get(
    "reference_price_types_list",
    "/api/v5/reference/price-types",
);
/// `POST /api/v5/reference/price-types/{code}/edit`: changes (or creates) one entry.
pub static REFERENCE_PRICE_TYPES_EDIT: Operation = post(
    "reference_price_types_edit",
    "/api/v5/reference/price-types/{code}/edit",
);
/// `GET /api/v5/reference/product-statuses`: the product statuses book.
pub static REFERENCE_PRODUCT_STATUSES_LIST: Operation = get(
    "reference_product_statuses_list",
    "/api/v5/reference/product-statuses",
);
/// `POST /api/v5/reference/product-statuses/{code}/edit`: changes (or creates) one entry.
pub static REFERENCE_PRODUCT_STATUSES_EDIT: Operation = post(
    "reference_product_statuses_edit",
    "/api/v5/reference/product-statuses/{code}/edit",
);
/// `GET /api/v5/reference/sites`: the sites book.
pub static REFERENCE_SITES_LIST: Operation = get("reference_sites_list", "/api/v5/reference/sites");
/// `POST /api/v5/reference/sites/{code}/edit`: changes (or creates) one entry.
pub static REFERENCE_SITES_EDIT: Operation = post(
    "reference_sites_edit",
    "/api/v5/reference/sites/{code}/edit",
);
/// `GET /api/v5/reference/status-groups`: the status groups book.
pub static REFERENCE_STATUS_GROUPS_LIST: Operation = get(
    "reference_status_groups_list",
    "/api/v5/reference/status-groups",
);
/// `GET /api/v5/reference/statuses`: the statuses book.
pub static REFERENCE_STATUSES_LIST: Operation =
    get("reference_statuses_list", "/api/v5/reference/statuses");
/// `POST /api/v5/reference/statuses/{code}/edit`: changes (or creates) one entry.
pub static REFERENCE_STATUSES_EDIT: Operation = post(
    "reference_statuses_edit",
    "/api/v5/reference/statuses/{code}/edit",
);
/// `GET /api/v5/reference/stores`: the stores book.
pub static REFERENCE_STORES_LIST: Operation =
    get("reference_stores_list", "/api/v5/reference/stores");
/// `POST /api/v5/reference/stores/{code}/edit`: changes (or creates) one entry.
pub static REFERENCE_STORES_EDIT: Operation = post(
    "reference_stores_edit",
    "/api/v5/reference/stores/{code}/edit",
);
/// `GET /api/v5/reference/units`: the units book.
pub static REFERENCE_UNITS_LIST: Operation = get("reference_units_list", "/api/v5/reference/units");
/// `POST /api/v5/reference/units/{code}/edit`: changes (or creates) one entry.
pub static REFERENCE_UNITS_EDIT: Operation = post(
    "reference_units_edit",
    "/api/v5/reference/units/{code}/edit",
);

impl Client {
    /// The ISO codes of the account's countries.
    pub async fn reference_countries(&self) -> Result<Vec<String>> {
        let book: CountriesBook = self.transport.json(REFERENCE_COUNTRIES.request()).await?;
        Ok(book.countries_iso)
    }

    /// The messenger channels.
    pub async fn reference_mg_channels(&self) -> Result<Vec<MgChannel>> {
        let book: MgChannelsBook = self.transport.json(REFERENCE_MG_CHANNELS.request()).await?;
        Ok(book.mg_channels)
    }

    /// The cost groups book.
    pub async fn reference_cost_groups_list(&self) -> Result<Vec<CostGroup>> {
        let book: CostGroupsBook = self
            .transport
            .json(REFERENCE_COST_GROUPS_LIST.request())
            .await?;
        Ok(book.cost_groups)
    }

    /// Changes the cost groups entry named by its `code` (created when the code is new).
    pub async fn reference_cost_groups_edit(&self, entry: &CostGroup) -> Result<Ack> {
        let code = entry
            .code
            .as_deref()
            .filter(|c| !c.trim().is_empty())
            .ok_or_else(|| invalid("a reference entry to edit needs its code"))?;
        let request = form(
            REFERENCE_COST_GROUPS_EDIT
                .request()
                .path_param("code", code),
            vec![("costGroup", Some(json_field(entry)?))],
        )?;
        self.transport.json(request).await
    }

    /// The cost items book.
    pub async fn reference_cost_items_list(&self) -> Result<Vec<CostItem>> {
        let book: CostItemsBook = self
            .transport
            .json(REFERENCE_COST_ITEMS_LIST.request())
            .await?;
        Ok(book.cost_items)
    }

    /// Changes the cost items entry named by its `code` (created when the code is new).
    pub async fn reference_cost_items_edit(&self, entry: &CostItem) -> Result<Ack> {
        let code = entry
            .code
            .as_deref()
            .filter(|c| !c.trim().is_empty())
            .ok_or_else(|| invalid("a reference entry to edit needs its code"))?;
        let request = form(
            REFERENCE_COST_ITEMS_EDIT.request().path_param("code", code),
            vec![("costItem", Some(json_field(entry)?))],
        )?;
        self.transport.json(request).await
    }

    /// The couriers book.
    pub async fn reference_couriers_list(&self) -> Result<Vec<Courier>> {
        let book: CouriersBook = self
            .transport
            .json(REFERENCE_COURIERS_LIST.request())
            .await?;
        Ok(book.couriers)
    }

    /// Changes the couriers entry of id `id`.
    pub async fn reference_couriers_edit(&self, id: i64, entry: &Courier) -> Result<Ack> {
        let request = form(
            REFERENCE_COURIERS_EDIT.request().path_param("id", id),
            vec![("courier", Some(json_field(entry)?))],
        )?;
        self.transport.json(request).await
    }

    /// Adds a couriers entry; the answer carries its id.
    pub async fn reference_couriers_create(&self, entry: &Courier) -> Result<Created> {
        let request = form(
            REFERENCE_COURIERS_CREATE.request(),
            vec![("courier", Some(json_field(entry)?))],
        )?;
        self.transport.json(request).await
    }

    /// The currencies book.
    pub async fn reference_currencies_list(&self) -> Result<Vec<Currency>> {
        let book: CurrenciesBook = self
            .transport
            .json(REFERENCE_CURRENCIES_LIST.request())
            .await?;
        Ok(book.currencies)
    }

    /// Changes the currencies entry of id `id`.
    pub async fn reference_currencies_edit(&self, id: i64, entry: &Currency) -> Result<Ack> {
        let request = form(
            REFERENCE_CURRENCIES_EDIT.request().path_param("id", id),
            vec![("currency", Some(json_field(entry)?))],
        )?;
        self.transport.json(request).await
    }

    /// Adds a currencies entry; the answer carries its id.
    pub async fn reference_currencies_create(&self, entry: &Currency) -> Result<Created> {
        let request = form(
            REFERENCE_CURRENCIES_CREATE.request(),
            vec![("currency", Some(json_field(entry)?))],
        )?;
        self.transport.json(request).await
    }

    /// The delivery services book, keyed by code.
    pub async fn reference_delivery_services_list(&self) -> Result<Keyed<DeliveryService>> {
        let book: DeliveryServicesBook = self
            .transport
            .json(REFERENCE_DELIVERY_SERVICES_LIST.request())
            .await?;
        Ok(book.delivery_services)
    }

    /// Changes the delivery services entry named by its `code` (created when the code is new).
    pub async fn reference_delivery_services_edit(&self, entry: &DeliveryService) -> Result<Ack> {
        let code = entry
            .code
            .as_deref()
            .filter(|c| !c.trim().is_empty())
            .ok_or_else(|| invalid("a reference entry to edit needs its code"))?;
        let request = form(
            REFERENCE_DELIVERY_SERVICES_EDIT
                .request()
                .path_param("code", code),
            vec![("deliveryService", Some(json_field(entry)?))],
        )?;
        self.transport.json(request).await
    }

    /// The delivery types book, keyed by code.
    pub async fn reference_delivery_types_list(&self) -> Result<Keyed<DeliveryType>> {
        let book: DeliveryTypesBook = self
            .transport
            .json(REFERENCE_DELIVERY_TYPES_LIST.request())
            .await?;
        Ok(book.delivery_types)
    }

    /// Changes the delivery types entry named by its `code` (created when the code is new).
    pub async fn reference_delivery_types_edit(&self, entry: &DeliveryType) -> Result<Ack> {
        let code = entry
            .code
            .as_deref()
            .filter(|c| !c.trim().is_empty())
            .ok_or_else(|| invalid("a reference entry to edit needs its code"))?;
        let request = form(
            REFERENCE_DELIVERY_TYPES_EDIT
                .request()
                .path_param("code", code),
            vec![("deliveryType", Some(json_field(entry)?))],
        )?;
        self.transport.json(request).await
    }

    /// The legal entities book.
    pub async fn reference_legal_entities_list(&self) -> Result<Vec<LegalEntity>> {
        let book: LegalEntitiesBook = self
            .transport
            .json(REFERENCE_LEGAL_ENTITIES_LIST.request())
            .await?;
        Ok(book.legal_entities)
    }

    /// Changes the legal entities entry named by its `code` (created when the code is new).
    pub async fn reference_legal_entities_edit(&self, entry: &LegalEntity) -> Result<Ack> {
        let code = entry
            .code
            .as_deref()
            .filter(|c| !c.trim().is_empty())
            .ok_or_else(|| invalid("a reference entry to edit needs its code"))?;
        let request = form(
            REFERENCE_LEGAL_ENTITIES_EDIT
                .request()
                .path_param("code", code),
            vec![("legalEntity", Some(json_field(entry)?))],
        )?;
        self.transport.json(request).await
    }

    /// The order methods book, keyed by code.
    pub async fn reference_order_methods_list(&self) -> Result<Keyed<OrderMethod>> {
        let book: OrderMethodsBook = self
            .transport
            .json(REFERENCE_ORDER_METHODS_LIST.request())
            .await?;
        Ok(book.order_methods)
    }

    /// Changes the order methods entry named by its `code` (created when the code is new).
    pub async fn reference_order_methods_edit(&self, entry: &OrderMethod) -> Result<Ack> {
        let code = entry
            .code
            .as_deref()
            .filter(|c| !c.trim().is_empty())
            .ok_or_else(|| invalid("a reference entry to edit needs its code"))?;
        let request = form(
            REFERENCE_ORDER_METHODS_EDIT
                .request()
                .path_param("code", code),
            vec![("orderMethod", Some(json_field(entry)?))],
        )?;
        self.transport.json(request).await
    }

    /// The order types book, keyed by code.
    pub async fn reference_order_types_list(&self) -> Result<Keyed<OrderType>> {
        let book: OrderTypesBook = self
            .transport
            .json(REFERENCE_ORDER_TYPES_LIST.request())
            .await?;
        Ok(book.order_types)
    }

    /// Changes the order types entry named by its `code` (created when the code is new).
    pub async fn reference_order_types_edit(&self, entry: &OrderType) -> Result<Ack> {
        let code = entry
            .code
            .as_deref()
            .filter(|c| !c.trim().is_empty())
            .ok_or_else(|| invalid("a reference entry to edit needs its code"))?;
        let request = form(
            REFERENCE_ORDER_TYPES_EDIT
                .request()
                .path_param("code", code),
            vec![("orderType", Some(json_field(entry)?))],
        )?;
        self.transport.json(request).await
    }

    /// The payment statuses book, keyed by code.
    pub async fn reference_payment_statuses_list(&self) -> Result<Keyed<PaymentStatus>> {
        let book: PaymentStatusesBook = self
            .transport
            .json(REFERENCE_PAYMENT_STATUSES_LIST.request())
            .await?;
        Ok(book.payment_statuses)
    }

    /// Changes the payment statuses entry named by its `code` (created when the code is new).
    pub async fn reference_payment_statuses_edit(&self, entry: &PaymentStatus) -> Result<Ack> {
        let code = entry
            .code
            .as_deref()
            .filter(|c| !c.trim().is_empty())
            .ok_or_else(|| invalid("a reference entry to edit needs its code"))?;
        let request = form(
            REFERENCE_PAYMENT_STATUSES_EDIT
                .request()
                .path_param("code", code),
            vec![("paymentStatus", Some(json_field(entry)?))],
        )?;
        self.transport.json(request).await
    }

    /// The payment types book, keyed by code.
    pub async fn reference_payment_types_list(&self) -> Result<Keyed<PaymentType>> {
        let book: PaymentTypesBook = self
            .transport
            .json(REFERENCE_PAYMENT_TYPES_LIST.request())
            .await?;
        Ok(book.payment_types)
    }

    /// Changes the payment types entry named by its `code` (created when the code is new).
    pub async fn reference_payment_types_edit(&self, entry: &PaymentType) -> Result<Ack> {
        let code = entry
            .code
            .as_deref()
            .filter(|c| !c.trim().is_empty())
            .ok_or_else(|| invalid("a reference entry to edit needs its code"))?;
        let request = form(
            REFERENCE_PAYMENT_TYPES_EDIT
                .request()
                .path_param("code", code),
            vec![("paymentType", Some(json_field(entry)?))],
        )?;
        self.transport.json(request).await
    }

    /// The price types book.
    pub async fn reference_price_types_list(&self) -> Result<Vec<PriceType>> {
        let book: PriceTypesBook = self
            .transport
            .json(REFERENCE_PRICE_TYPES_LIST.request())
            .await?;
        Ok(book.price_types)
    }

    /// Changes the price types entry named by its `code` (created when the code is new).
    pub async fn reference_price_types_edit(&self, entry: &PriceType) -> Result<Ack> {
        let code = entry
            .code
            .as_deref()
            .filter(|c| !c.trim().is_empty())
            .ok_or_else(|| invalid("a reference entry to edit needs its code"))?;
        let request = form(
            REFERENCE_PRICE_TYPES_EDIT
                .request()
                .path_param("code", code),
            vec![("priceType", Some(json_field(entry)?))],
        )?;
        self.transport.json(request).await
    }

    /// The product statuses book, keyed by code.
    pub async fn reference_product_statuses_list(&self) -> Result<Keyed<ProductStatus>> {
        let book: ProductStatusesBook = self
            .transport
            .json(REFERENCE_PRODUCT_STATUSES_LIST.request())
            .await?;
        Ok(book.product_statuses)
    }

    /// Changes the product statuses entry named by its `code` (created when the code is new).
    pub async fn reference_product_statuses_edit(&self, entry: &ProductStatus) -> Result<Ack> {
        let code = entry
            .code
            .as_deref()
            .filter(|c| !c.trim().is_empty())
            .ok_or_else(|| invalid("a reference entry to edit needs its code"))?;
        let request = form(
            REFERENCE_PRODUCT_STATUSES_EDIT
                .request()
                .path_param("code", code),
            vec![("productStatus", Some(json_field(entry)?))],
        )?;
        self.transport.json(request).await
    }

    /// The sites book, keyed by code.
    pub async fn reference_sites_list(&self) -> Result<Keyed<Site>> {
        let book: SitesBook = self.transport.json(REFERENCE_SITES_LIST.request()).await?;
        Ok(book.sites)
    }

    /// Changes the sites entry named by its `code` (created when the code is new).
    pub async fn reference_sites_edit(&self, entry: &Site) -> Result<Ack> {
        let code = entry
            .code
            .as_deref()
            .filter(|c| !c.trim().is_empty())
            .ok_or_else(|| invalid("a reference entry to edit needs its code"))?;
        let request = form(
            REFERENCE_SITES_EDIT.request().path_param("code", code),
            vec![("site", Some(json_field(entry)?))],
        )?;
        self.transport.json(request).await
    }

    /// The status groups book, keyed by code.
    pub async fn reference_status_groups_list(&self) -> Result<Keyed<StatusGroup>> {
        let book: StatusGroupsBook = self
            .transport
            .json(REFERENCE_STATUS_GROUPS_LIST.request())
            .await?;
        Ok(book.status_groups)
    }

    /// The statuses book, keyed by code.
    pub async fn reference_statuses_list(&self) -> Result<Keyed<Status>> {
        let book: StatusesBook = self
            .transport
            .json(REFERENCE_STATUSES_LIST.request())
            .await?;
        Ok(book.statuses)
    }

    /// Changes the statuses entry named by its `code` (created when the code is new).
    pub async fn reference_statuses_edit(&self, entry: &Status) -> Result<Ack> {
        let code = entry
            .code
            .as_deref()
            .filter(|c| !c.trim().is_empty())
            .ok_or_else(|| invalid("a reference entry to edit needs its code"))?;
        let request = form(
            REFERENCE_STATUSES_EDIT.request().path_param("code", code),
            vec![("status", Some(json_field(entry)?))],
        )?;
        self.transport.json(request).await
    }

    /// The stores book.
    pub async fn reference_stores_list(&self) -> Result<Vec<Store>> {
        let book: StoresBook = self.transport.json(REFERENCE_STORES_LIST.request()).await?;
        Ok(book.stores)
    }

    /// Changes the stores entry named by its `code` (created when the code is new).
    pub async fn reference_stores_edit(&self, entry: &Store) -> Result<Ack> {
        let code = entry
            .code
            .as_deref()
            .filter(|c| !c.trim().is_empty())
            .ok_or_else(|| invalid("a reference entry to edit needs its code"))?;
        let request = form(
            REFERENCE_STORES_EDIT.request().path_param("code", code),
            vec![("store", Some(json_field(entry)?))],
        )?;
        self.transport.json(request).await
    }

    /// The units book, keyed by code.
    pub async fn reference_units_list(&self) -> Result<Keyed<Unit>> {
        let book: UnitsBook = self.transport.json(REFERENCE_UNITS_LIST.request()).await?;
        Ok(book.units)
    }

    /// Changes the units entry named by its `code` (created when the code is new).
    pub async fn reference_units_edit(&self, entry: &Unit) -> Result<Ack> {
        let code = entry
            .code
            .as_deref()
            .filter(|c| !c.trim().is_empty())
            .ok_or_else(|| invalid("a reference entry to edit needs its code"))?;
        let request = form(
            REFERENCE_UNITS_EDIT.request().path_param("code", code),
            vec![("unit", Some(json_field(entry)?))],
        )?;
        self.transport.json(request).await
    }
}
