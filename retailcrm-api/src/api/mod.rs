//! One module per API section: the [`Operation`] statics and the methods, each a thin call.
//!
//! Conventions every method follows (RetailCRM API v5):
//! - reads take `filter[...]` query parameters (nested as `filter[a][b]`, lists as
//!   `filter[a][]`), `page` from 1 and `limit` in {20, 50, 100} ([`PageSize`]); every list is
//!   a lazy stream over `pagination.totalPageCount`, each page signed by its items' ids;
//! - writes are `application/x-www-form-urlencoded`, the entity JSON-encoded in one field
//!   (`order=<json>&site=<code>&by=externalId`);
//! - the batch uploads (`orders/upload`, `customers/upload`, `customers-corporate/upload`,
//!   `costs/upload`) answer HTTP 460 when some items failed: read as per-item outcomes.
//!
//! [`PageSize`]: crate::limits::PageSize

pub mod corporate_parts;
pub mod costs;
pub mod custom_fields;
pub mod customer_interaction;
pub mod customers;
pub mod customers_corporate;
pub mod delivery;
pub mod files;
pub mod integration;
pub mod loyalty;
pub mod misc;
pub mod notifications;
pub mod orders;
pub mod packs;
pub mod payments;
pub mod reference;
pub mod segments;
pub mod store;
pub mod system;
pub mod tasks;
pub mod telephony;
pub mod users;
pub mod verification;
pub mod web_analytics;

use std::hash::Hash;

use futures::stream::BoxStream;
use market_core::Result;
use market_core::paginate::{Page, paginate};
use market_core::transport::{Operation, Request};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use crate::Client;
use crate::error::invalid;
use crate::limits::{self, PageSize};
use crate::models::{By, Pagination};

/// Every operation this crate calls. The emulator routes by it; a test checks each against
/// the inventory in `spec/endpoints.json`.
pub const OPERATIONS: &[&Operation] = &[
    &system::API_VERSIONS,
    &system::CREDENTIALS,
    &system::SYSTEM_INFO,
    &system::SETTINGS,
    &system::STATISTIC_UPDATE,
    &orders::ORDERS_LIST,
    &orders::ORDERS_GET,
    &orders::ORDERS_CREATE,
    &orders::ORDERS_EDIT,
    &orders::ORDERS_UPLOAD,
    &orders::ORDERS_HISTORY,
    &orders::ORDERS_STATUSES,
    &orders::ORDERS_COMBINE,
    &orders::ORDERS_FIX_EXTERNAL_IDS,
    &orders::ORDERS_LINKS_CREATE,
    &orders::ORDERS_PAYMENTS_CREATE,
    &orders::ORDERS_PAYMENTS_EDIT,
    &orders::ORDERS_PAYMENTS_DELETE,
    &orders::ORDERS_DELIVERY_CANCEL,
    &orders::ORDERS_LOYALTY_APPLY,
    &orders::ORDERS_LOYALTY_CANCEL_BONUS_OPERATIONS,
    &packs::ORDERS_PACKS_LIST,
    &packs::ORDERS_PACKS_CREATE,
    &packs::ORDERS_PACKS_HISTORY,
    &packs::ORDERS_PACKS_GET,
    &packs::ORDERS_PACKS_EDIT,
    &packs::ORDERS_PACKS_DELETE,
    &customers::CUSTOMERS_LIST,
    &customers::CUSTOMERS_GET,
    &customers::CUSTOMERS_CREATE,
    &customers::CUSTOMERS_EDIT,
    &customers::CUSTOMERS_UPLOAD,
    &customers::CUSTOMERS_HISTORY,
    &customers::CUSTOMERS_COMBINE,
    &customers::CUSTOMERS_FIX_EXTERNAL_IDS,
    &customers::CUSTOMERS_NOTES_LIST,
    &customers::CUSTOMERS_NOTES_CREATE,
    &customers::CUSTOMERS_NOTES_DELETE,
    &customers::CUSTOMERS_SUBSCRIPTIONS,
    &customers_corporate::CUSTOMERS_CORPORATE_LIST,
    &customers_corporate::CUSTOMERS_CORPORATE_GET,
    &customers_corporate::CUSTOMERS_CORPORATE_CREATE,
    &customers_corporate::CUSTOMERS_CORPORATE_EDIT,
    &customers_corporate::CUSTOMERS_CORPORATE_UPLOAD,
    &customers_corporate::CUSTOMERS_CORPORATE_HISTORY,
    &customers_corporate::CUSTOMERS_CORPORATE_FIX_EXTERNAL_IDS,
    &customers_corporate::CUSTOMERS_CORPORATE_COMBINE,
    &customers_corporate::CUSTOMERS_CORPORATE_NOTES_LIST,
    &customers_corporate::CUSTOMERS_CORPORATE_NOTES_CREATE,
    &customers_corporate::CUSTOMERS_CORPORATE_NOTES_DELETE,
    &store::STORE_INVENTORIES_LIST,
    &store::STORE_INVENTORIES_UPLOAD,
    &store::STORE_OFFERS_LIST,
    &store::STORE_PRICES_UPLOAD,
    &store::STORE_PRODUCTS_LIST,
    &store::STORE_PRODUCTS_BATCH_CREATE,
    &store::STORE_PRODUCTS_BATCH_EDIT,
    &store::STORE_PRODUCT_GROUPS_LIST,
    &store::STORE_PRODUCT_GROUPS_CREATE,
    &store::STORE_PRODUCT_GROUPS_EDIT,
    &store::STORE_PRODUCTS_PROPERTIES_LIST,
    &store::STORE_PRODUCTS_PROPERTIES_VALUES,
    &users::USERS_LIST,
    &users::USERS_GET,
    &users::USERS_STATUS,
    &users::USER_GROUPS_LIST,
    &reference::REFERENCE_COST_GROUPS_LIST,
    &reference::REFERENCE_COST_GROUPS_EDIT,
    &reference::REFERENCE_COST_ITEMS_LIST,
    &reference::REFERENCE_COST_ITEMS_EDIT,
    &reference::REFERENCE_COUNTRIES,
    &reference::REFERENCE_COURIERS_LIST,
    &reference::REFERENCE_COURIERS_CREATE,
    &reference::REFERENCE_COURIERS_EDIT,
    &reference::REFERENCE_CURRENCIES_LIST,
    &reference::REFERENCE_CURRENCIES_CREATE,
    &reference::REFERENCE_CURRENCIES_EDIT,
    &reference::REFERENCE_DELIVERY_SERVICES_LIST,
    &reference::REFERENCE_DELIVERY_SERVICES_EDIT,
    &reference::REFERENCE_DELIVERY_TYPES_LIST,
    &reference::REFERENCE_DELIVERY_TYPES_EDIT,
    &reference::REFERENCE_LEGAL_ENTITIES_LIST,
    &reference::REFERENCE_LEGAL_ENTITIES_EDIT,
    &reference::REFERENCE_MG_CHANNELS,
    &reference::REFERENCE_ORDER_METHODS_LIST,
    &reference::REFERENCE_ORDER_METHODS_EDIT,
    &reference::REFERENCE_ORDER_TYPES_LIST,
    &reference::REFERENCE_ORDER_TYPES_EDIT,
    &reference::REFERENCE_PAYMENT_STATUSES_LIST,
    &reference::REFERENCE_PAYMENT_STATUSES_EDIT,
    &reference::REFERENCE_PAYMENT_TYPES_LIST,
    &reference::REFERENCE_PAYMENT_TYPES_EDIT,
    &reference::REFERENCE_PRICE_TYPES_LIST,
    &reference::REFERENCE_PRICE_TYPES_EDIT,
    &reference::REFERENCE_PRODUCT_STATUSES_LIST,
    &reference::REFERENCE_PRODUCT_STATUSES_EDIT,
    &reference::REFERENCE_SITES_LIST,
    &reference::REFERENCE_SITES_EDIT,
    &reference::REFERENCE_STATUS_GROUPS_LIST,
    &reference::REFERENCE_STATUSES_LIST,
    &reference::REFERENCE_STATUSES_EDIT,
    &reference::REFERENCE_STORES_LIST,
    &reference::REFERENCE_STORES_EDIT,
    &reference::REFERENCE_UNITS_LIST,
    &reference::REFERENCE_UNITS_EDIT,
    &costs::COSTS_LIST,
    &costs::COSTS_CREATE,
    &costs::COSTS_DELETE,
    &costs::COSTS_UPLOAD,
    &costs::COST_GET,
    &costs::COST_DELETE,
    &costs::COST_EDIT,
    &custom_fields::CUSTOM_FIELDS_LIST,
    &custom_fields::CUSTOM_FIELDS_DICTIONARIES_LIST,
    &custom_fields::CUSTOM_FIELDS_DICTIONARIES_CREATE,
    &custom_fields::CUSTOM_FIELDS_DICTIONARIES_GET,
    &custom_fields::CUSTOM_FIELDS_DICTIONARIES_EDIT,
    &custom_fields::CUSTOM_FIELDS_CREATE,
    &custom_fields::CUSTOM_FIELDS_GET,
    &customer_interaction::CUSTOMER_INTERACTION_CART_CLEAR,
    &customer_interaction::CUSTOMER_INTERACTION_CART_SET,
    &customer_interaction::CUSTOMER_INTERACTION_CART_GET,
    &customer_interaction::CUSTOMER_INTERACTION_FAVORITES_GET,
    &customer_interaction::CUSTOMER_INTERACTION_FAVORITES_ADD,
    &customer_interaction::CUSTOMER_INTERACTION_FAVORITES_REMOVE,
    &files::FILES_LIST,
    &files::FILES_UPLOAD,
    &files::FILES_GET,
    &files::FILES_DELETE,
    &files::FILES_DOWNLOAD,
    &files::FILES_EDIT,
    &integration::INTEGRATION_MODULES_GET,
    &integration::INTEGRATION_MODULES_EDIT,
    &integration::INTEGRATION_MODULES_UPDATE_SCOPES,
    &loyalty::LOYALTY_ACCOUNT_CREATE,
    &loyalty::LOYALTY_ACCOUNT_GET,
    &loyalty::LOYALTY_ACCOUNT_ACTIVATE,
    &loyalty::LOYALTY_ACCOUNT_BONUS_CHARGE,
    &loyalty::LOYALTY_ACCOUNT_BONUS_CREDIT,
    &loyalty::LOYALTY_ACCOUNT_BONUS_OPERATIONS,
    &loyalty::LOYALTY_ACCOUNT_BONUS_DETAILS,
    &loyalty::LOYALTY_ACCOUNT_EDIT,
    &loyalty::LOYALTY_ACCOUNTS_LIST,
    &loyalty::LOYALTY_BONUS_OPERATIONS,
    &loyalty::LOYALTY_CALCULATE,
    &loyalty::LOYALTY_LOYALTIES_LIST,
    &loyalty::LOYALTY_LOYALTIES_GET,
    &notifications::NOTIFICATIONS_SEND,
    &segments::SEGMENTS_LIST,
    &tasks::TASKS_LIST,
    &tasks::TASKS_CREATE,
    &tasks::TASKS_HISTORY,
    &tasks::TASKS_GET,
    &tasks::TASKS_COMMENTS,
    &tasks::TASKS_EDIT,
    &telephony::TELEPHONY_CALL_EVENT,
    &telephony::TELEPHONY_CALLS_UPLOAD,
    &telephony::TELEPHONY_MANAGER,
    &verification::VERIFICATION_SMS_CONFIRM,
    &verification::VERIFICATION_SMS_STATUS,
    &web_analytics::WEB_ANALYTICS_CLIENT_IDS_UPLOAD,
    &web_analytics::WEB_ANALYTICS_SOURCES_UPLOAD,
    &web_analytics::WEB_ANALYTICS_VISITS_UPLOAD,
    &corporate_parts::CUSTOMERS_CORPORATE_ADDRESSES,
    &corporate_parts::CUSTOMERS_CORPORATE_ADDRESSES_CREATE,
    &corporate_parts::CUSTOMERS_CORPORATE_ADDRESSES_EDIT,
    &corporate_parts::CUSTOMERS_CORPORATE_COMPANIES,
    &corporate_parts::CUSTOMERS_CORPORATE_COMPANIES_CREATE,
    &corporate_parts::CUSTOMERS_CORPORATE_COMPANIES_EDIT,
    &corporate_parts::CUSTOMERS_CORPORATE_CONTACTS,
    &corporate_parts::CUSTOMERS_CORPORATE_CONTACTS_CREATE,
    &corporate_parts::CUSTOMERS_CORPORATE_CONTACTS_EDIT,
    &misc::FEATURES_CHECK,
    &misc::ORDERS_PLATES_PRINT,
    &misc::REFERENCE_MG_CHANNELS_TEMPLATES,
    &misc::REFERENCE_MG_CHANNELS_TEMPLATES_EDIT,
    &delivery::DELIVERY_CALCULATE,
    &delivery::DELIVERY_GENERIC_TRACKING,
    &delivery::DELIVERY_SHIPMENTS_LIST,
    &delivery::DELIVERY_SHIPMENTS_CREATE,
    &delivery::DELIVERY_SHIPMENTS_GET,
    &delivery::DELIVERY_SHIPMENTS_EDIT,
    &payments::PAYMENT_CHECK,
    &payments::PAYMENT_CREATE_INVOICE,
    &payments::PAYMENT_INVOICE_IMPORT,
    &payments::PAYMENT_INVOICE_GET,
    &payments::PAYMENT_UPDATE_INVOICE,
];

/// A filter by the API's own member names (`{"ids": [1, 2], "dateFrom": "2024-01-01"}`),
/// sent as `filter[...]`.
pub type Filter = std::collections::BTreeMap<String, Value>;

/// The operations whose HTTP 460 answer is a partial batch failure, read as per-item
/// outcomes rather than an error (their `Operation::name`).
pub const PARTIAL_UPLOADS: &[&str] = &[
    "orders_upload",
    "customers_upload",
    "customers_corporate_upload",
    "costs_upload",
];

/// A GET operation of API v5 in the general limit group.
pub(crate) const fn get(name: &'static str, path: &'static str) -> Operation {
    Operation::get(name, path).in_group(limits::GENERAL)
}

/// A POST operation of API v5 in the general limit group.
pub(crate) const fn post(name: &'static str, path: &'static str) -> Operation {
    Operation::post(name, path).in_group(limits::GENERAL)
}

/// Adds `value` as query parameters under `prefix` (`filter`): objects nest as
/// `prefix[key]`, lists as `prefix[key][]`, booleans as `1`/`0` (as PHP writes them), nulls
/// are left out.
pub fn query_pairs(prefix: &str, value: &Value, out: &mut Vec<(String, String)>) {
    match value {
        Value::Null => {}
        Value::Bool(b) => out.push((prefix.to_owned(), if *b { "1" } else { "0" }.to_owned())),
        Value::Number(n) => out.push((prefix.to_owned(), n.to_string())),
        Value::String(s) => out.push((prefix.to_owned(), s.clone())),
        Value::Array(items) => {
            let key = format!("{prefix}[]");
            for item in items {
                query_pairs(&key, item, out);
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                query_pairs(&format!("{prefix}[{k}]"), v, out);
            }
        }
    }
}

/// The `filter[...]` pairs of a filter.
pub(crate) fn filter_pairs(filter: &impl Serialize) -> Result<Vec<(String, String)>> {
    let value = serde_json::to_value(filter)
        .map_err(|e| invalid(format!("cannot encode the filter: {e}")))?;
    let mut out = Vec::new();
    query_pairs("filter", &value, &mut out);
    Ok(out)
}

/// Adds query pairs to a request.
pub(crate) fn with_query(mut request: Request, pairs: &[(String, String)]) -> Request {
    for (k, v) in pairs {
        request = request.query(k.clone(), v);
    }
    request
}

/// One field of a form write.
pub(crate) enum Field<'a> {
    /// An entity or list, JSON-encoded in the field.
    Json(Value),
    /// A plain value.
    Text(&'a str),
}

/// Encodes an entity as the JSON of a form field.
pub(crate) fn json_field<T: Serialize + ?Sized>(value: &T) -> Result<Field<'static>> {
    serde_json::to_value(value)
        .map(Field::Json)
        .map_err(|e| invalid(format!("cannot encode the request: {e}")))
}

/// Sets the form body: each field by name, an entity as JSON text, `None` fields left out.
pub(crate) fn form(request: Request, fields: Vec<(&str, Option<Field<'_>>)>) -> Result<Request> {
    let mut map = Map::new();
    for (name, field) in fields {
        match field {
            Some(Field::Json(v)) => {
                // An entity is always JSON text, even a bare string.
                map.insert(name.to_owned(), Value::String(v.to_string()));
            }
            Some(Field::Text(t)) => {
                map.insert(name.to_owned(), Value::String(t.to_owned()));
            }
            None => {}
        }
    }
    request.form(&Value::Object(map))
}

/// `site` as a form field.
pub(crate) fn site_field(site: Option<&str>) -> Option<Field<'_>> {
    site.map(Field::Text)
}

/// The `by` form field of an identifier.
pub(crate) fn by_field(by: &By) -> Option<Field<'static>> {
    Some(Field::Text(by.by()))
}

/// A request of `op` naming `by` in the path (`{identifier}`) and, for a read, in the query.
pub(crate) fn by_path(op: &'static Operation, by: &By) -> Request {
    op.request().path_param("identifier", by.value())
}

/// [`list`] for an operation with path parameters, filled on every page.
pub(crate) fn list_at<W, T, K>(
    client: &Client,
    op: &'static Operation,
    params: Vec<(&'static str, String)>,
    query: Vec<(String, String)>,
    size: PageSize,
    items: fn(W) -> (Vec<T>, Pagination),
    key: fn(&T) -> K,
) -> BoxStream<'static, Result<T>>
where
    W: DeserializeOwned + Send + 'static,
    T: Send + 'static,
    K: Hash + 'static,
{
    let client = client.clone();
    paginate(1u32, move |page| {
        let client = client.clone();
        let mut request = op.request();
        for (name, value) in &params {
            request = request.path_param(name, value);
        }
        let request = with_query(request, &query)
            .query("page", page)
            .query("limit", size.get());
        async move {
            let answer: W = client.transport.json(request).await?;
            let (items, pagination) = items(answer);
            let page = match pagination.next_page() {
                Some(next) if !items.is_empty() => Page::more(items, next),
                _ => Page::last(items),
            };
            Ok(page.signed_by(key))
        }
    })
}

/// A lazy stream over every page of a list read, pages numbered from 1, each signed by its
/// items' keys; the stream ends after `pagination.totalPageCount`.
pub(crate) fn list<W, T, K>(
    client: &Client,
    op: &'static Operation,
    query: Vec<(String, String)>,
    size: PageSize,
    items: fn(W) -> (Vec<T>, Pagination),
    key: fn(&T) -> K,
) -> BoxStream<'static, Result<T>>
where
    W: DeserializeOwned + Send + 'static,
    T: Send + 'static,
    K: Hash + 'static,
{
    let client = client.clone();
    paginate(1u32, move |page| {
        let client = client.clone();
        let request = with_query(op.request(), &query)
            .query("page", page)
            .query("limit", size.get());
        async move {
            let answer: W = client.transport.json(request).await?;
            let (items, pagination) = items(answer);
            let page = match pagination.next_page() {
                Some(next) if !items.is_empty() => Page::more(items, next),
                _ => Page::last(items),
            };
            Ok(page.signed_by(key))
        }
    })
}

/// The per-item outcome of a batch upload (`orders/upload`, `customers/upload`,
/// `customers-corporate/upload`): every item listed in `uploaded` is accepted, every item in
/// `failed` is rejected with the answer's message and field errors, keyed by `externalId`.
/// An item in neither list is left out: [`market_core::BatchReport::settle`] (in
/// [`market_core::batch::run_batches`]) reports it as without outcome.
pub(crate) fn upload_report(
    uploaded: &[crate::models::UploadedRef],
    failed: &[crate::models::UploadedRef],
    error_msg: Option<&str>,
    errors: Option<&crate::error::Errors>,
) -> market_core::BatchReport<String> {
    let mut report = market_core::BatchReport::new();
    for item in uploaded {
        if let Some(id) = &item.external_id {
            report.accept(id.clone());
        }
    }
    let reasons: Vec<(String, String)> = errors.map(|e| e.pairs()).unwrap_or_default();
    for item in failed {
        let Some(id) = &item.external_id else {
            continue;
        };
        // A field error keyed by this item's external id is its own; otherwise every error
        // of the answer is given, as the server does not say which item each is about.
        let own: Vec<(&str, &str)> = reasons
            .iter()
            .filter(|(k, _)| k == id)
            .map(|(k, m)| (k.as_str(), m.as_str()))
            .collect();
        let all: Vec<(&str, &str)> = if own.is_empty() {
            reasons
                .iter()
                .map(|(k, m)| (k.as_str(), m.as_str()))
                .collect()
        } else {
            own
        };
        let all = if all.is_empty() {
            vec![("", error_msg.unwrap_or("not uploaded"))]
        } else {
            all
        };
        report.record(id.clone(), false, all, None);
    }
    report
}

/// One page of a `*/history` read, from a `sinceId` on.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryPage<T> {
    /// The records other users and other keys wrote, oldest first.
    pub records: Vec<T>,
    /// How many records of this page this same API key wrote (`apiKey.current`): left out,
    /// since they echo this client's own writes.
    pub own_skipped: usize,
    /// The id of the page's last record (own ones included): store it, and read on from it.
    pub last_id: Option<crate::ids::HistoryId>,
}

/// A record of a `*/history` read.
pub(crate) trait HistoryRecord {
    fn record_id(&self) -> Option<crate::ids::HistoryId>;
    fn written_by_this_key(&self) -> bool;
}

/// A lazy stream of history pages from `since` (exclusive; `None` from the start), `limit`
/// 100, each next page asked with `filter[sinceId]` = the last id seen; it ends with a page
/// shorter than asked or the last page. Fails when the server does not move forward.
pub(crate) fn history<W, T>(
    client: &Client,
    op: &'static Operation,
    since: Option<crate::ids::HistoryId>,
    records: fn(W) -> (Vec<T>, Pagination),
) -> BoxStream<'static, Result<HistoryPage<T>>>
where
    W: DeserializeOwned + Send + 'static,
    T: HistoryRecord + Send + 'static,
{
    use futures::StreamExt;
    let client = client.clone();
    let first = since.map_or(0, |s| s.0);
    let pages = paginate(first, move |cursor: i64| {
        let client = client.clone();
        let mut request = op.request();
        if cursor > 0 {
            request = request.query("filter[sinceId]", cursor);
        }
        let request = request.query("limit", PageSize::Hundred.get());
        async move {
            let answer: W = client.transport.json(request).await?;
            let (all, pagination) = records(answer);
            let last_id = all.iter().filter_map(HistoryRecord::record_id).max();
            if let Some(last) = last_id
                && last.0 <= cursor
            {
                return Err(invalid(format!(
                    "{}: the history did not move past sinceId {cursor} (last id {last})",
                    op.name
                )));
            }
            let full = all.len() >= pagination.limit.max(1) as usize;
            let more = full || pagination.total_page_count > 1;
            let own_skipped = all.iter().filter(|r| r.written_by_this_key()).count();
            let page = HistoryPage {
                records: all
                    .into_iter()
                    .filter(|r| !r.written_by_this_key())
                    .collect(),
                own_skipped,
                last_id,
            };
            Ok(match last_id {
                Some(last) if more => Page::more(vec![page], last.0),
                _ => Page::last(vec![page]),
            })
        }
    });
    pages.boxed()
}
