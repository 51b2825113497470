//! Individual customers: list, get, create, edit, upload (batched, per-item outcomes),
//! history, combine, external ids, notes, subscriptions.

use std::collections::BTreeMap;

use futures::stream::BoxStream;
use market_core::batch::run_batches;
use market_core::transport::Operation;
use market_core::{BatchReport, Result};
use serde::Serialize;

use super::{
    HistoryPage, HistoryRecord, by_field, by_path, filter_pairs, form, get, history, json_field,
    list, post, site_field, upload_report,
};
use crate::Client;
use crate::ids::{CustomerId, HistoryId, NoteId};
use crate::limits::{self, PageSize};
use crate::models::{
    Ack, By, Created, Customer, CustomerAnswer, CustomerHistoryRecord, CustomersHistoryPage,
    CustomersPage, CustomersUploaded, IdPair, Note, NotesPage,
};

/// `GET /api/v5/customers`: customers matching a filter.
pub static CUSTOMERS_LIST: Operation = get("customers_list", "/api/v5/customers");
/// `GET /api/v5/customers/{identifier}`: one customer.
pub static CUSTOMERS_GET: Operation = get("customers_get", "/api/v5/customers/{identifier}");
/// `POST /api/v5/customers/create`: creates a customer (`customer=<json>&site=<code>`).
pub static CUSTOMERS_CREATE: Operation =
    post("customers_create", "/api/v5/customers/create").non_idempotent();
/// `POST /api/v5/customers/{identifier}/edit`: changes the fields sent.
pub static CUSTOMERS_EDIT: Operation =
    post("customers_edit", "/api/v5/customers/{identifier}/edit");
/// `POST /api/v5/customers/upload`: creates up to [`CUSTOMERS_UPLOAD_MAX`] customers; HTTP
/// 460 when some failed.
pub static CUSTOMERS_UPLOAD: Operation = post("customers_upload", "/api/v5/customers/upload")
    .non_idempotent()
    .batch_max(CUSTOMERS_UPLOAD_MAX);
/// Customers of one `customers/upload` request.
pub const CUSTOMERS_UPLOAD_MAX: usize = limits::UPLOAD_MAX;
/// `GET /api/v5/customers/history`: changes of customers, from a `sinceId`.
pub static CUSTOMERS_HISTORY: Operation = get("customers_history", "/api/v5/customers/history");
/// `POST /api/v5/customers/combine`: merges customers into one.
pub static CUSTOMERS_COMBINE: Operation =
    post("customers_combine", "/api/v5/customers/combine").non_idempotent();
/// `POST /api/v5/customers/fix-external-ids`: sets external ids by id.
pub static CUSTOMERS_FIX_EXTERNAL_IDS: Operation = post(
    "customers_fix_external_ids",
    "/api/v5/customers/fix-external-ids",
);
/// `GET /api/v5/customers/notes`: notes on customers.
pub static CUSTOMERS_NOTES_LIST: Operation = get("customers_notes_list", "/api/v5/customers/notes");
/// `POST /api/v5/customers/notes/create`: adds a note.
pub static CUSTOMERS_NOTES_CREATE: Operation =
    post("customers_notes_create", "/api/v5/customers/notes/create").non_idempotent();
/// `POST /api/v5/customers/notes/{id}/delete`: removes a note.
pub static CUSTOMERS_NOTES_DELETE: Operation = post(
    "customers_notes_delete",
    "/api/v5/customers/notes/{id}/delete",
);
/// `POST /api/v5/customers/{identifier}/subscriptions`: the customer's mailing
/// subscriptions.
pub static CUSTOMERS_SUBSCRIPTIONS: Operation = post(
    "customers_subscriptions",
    "/api/v5/customers/{identifier}/subscriptions",
);

/// The `filter[...]` of `customers` (and of notes): the usual members typed, any other by
/// its API name in `more`.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerFilter {
    /// Internal ids.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub ids: Vec<CustomerId>,
    /// External ids.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub external_ids: Vec<String>,
    /// Site codes.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sites: Vec<String>,
    /// A name, phone or e-mail to look for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Any other member, by its API name.
    #[serde(flatten)]
    pub more: BTreeMap<String, serde_json::Value>,
}

impl HistoryRecord for CustomerHistoryRecord {
    fn record_id(&self) -> Option<HistoryId> {
        self.id
    }
    fn written_by_this_key(&self) -> bool {
        self.api_key
            .as_ref()
            .and_then(|k| k.current)
            .unwrap_or(false)
    }
}

fn failed<T: Send + 'static>(e: market_core::Error) -> BoxStream<'static, Result<T>> {
    Box::pin(futures::stream::once(async move { Err(e) }))
}

impl Client {
    /// Every customer matching `filter`, a page of `size` at a time.
    pub fn customers_list(
        &self,
        filter: &CustomerFilter,
        size: PageSize,
    ) -> BoxStream<'static, Result<Customer>> {
        match filter_pairs(filter) {
            Ok(query) => list(
                self,
                &CUSTOMERS_LIST,
                query,
                size,
                |p: CustomersPage| (p.customers, p.pagination),
                |c: &Customer| (c.id, c.external_id.clone()),
            ),
            Err(e) => failed(e),
        }
    }

    /// One customer by id or external id.
    pub async fn customers_get(&self, by: &By, site: Option<&str>) -> Result<Customer> {
        let mut request = by_path(&CUSTOMERS_GET, by).query("by", by.by());
        if let Some(site) = site {
            request = request.query("site", site);
        }
        let answer: CustomerAnswer = self.transport.json(request).await?;
        Ok(answer.customer)
    }

    /// Creates a customer; the answer carries its id.
    pub async fn customers_create(
        &self,
        customer: &Customer,
        site: Option<&str>,
    ) -> Result<Created> {
        let request = form(
            CUSTOMERS_CREATE.request(),
            vec![
                ("customer", Some(json_field(customer)?)),
                ("site", site_field(site)),
            ],
        )?;
        self.transport.json(request).await
    }

    /// Changes the fields of `customer` that are set.
    pub async fn customers_edit(
        &self,
        by: &By,
        customer: &Customer,
        site: Option<&str>,
    ) -> Result<Created> {
        let request = form(
            by_path(&CUSTOMERS_EDIT, by),
            vec![
                ("customer", Some(json_field(customer)?)),
                ("by", by_field(by)),
                ("site", site_field(site)),
            ],
        )?;
        self.transport.json(request).await
    }

    /// Creates customers through `customers/upload`, [`CUSTOMERS_UPLOAD_MAX`] a request,
    /// one outcome per customer keyed by `externalId` (required); HTTP 460 is read as
    /// per-item outcomes.
    pub async fn customers_upload(
        &self,
        customers: Vec<Customer>,
        site: Option<&str>,
    ) -> BatchReport<String> {
        run_batches(
            customers,
            CUSTOMERS_UPLOAD_MAX,
            |c: &Customer| c.external_id.clone().unwrap_or_default(),
            |c: &Customer| match &c.external_id {
                Some(id) if !id.trim().is_empty() => Ok(()),
                _ => Err("an uploaded customer needs an externalId".to_owned()),
            },
            |chunk: Vec<Customer>| async move {
                let request = form(
                    CUSTOMERS_UPLOAD.request(),
                    vec![
                        ("customers", Some(json_field(&chunk)?)),
                        ("site", site_field(site)),
                    ],
                )?;
                let answer: CustomersUploaded = self.transport.json(request).await?;
                Ok(upload_report(
                    &answer.uploaded_customers,
                    &answer.failed_customers,
                    answer.error_msg.as_deref(),
                    answer.errors.as_ref(),
                ))
            },
        )
        .await
    }

    /// The changes of customers after `since`, as pages; the records this key wrote are
    /// left out, and each page says its last id to store.
    pub fn customers_history(
        &self,
        since: Option<HistoryId>,
    ) -> BoxStream<'static, Result<HistoryPage<CustomerHistoryRecord>>> {
        history(
            self,
            &CUSTOMERS_HISTORY,
            since,
            |p: CustomersHistoryPage| (p.history, p.pagination),
        )
    }

    /// Merges `customers` (by internal id) into `result_customer`.
    pub async fn customers_combine(
        &self,
        customers: &[CustomerId],
        result_customer: CustomerId,
    ) -> Result<Ack> {
        let ids: Vec<serde_json::Value> = customers
            .iter()
            .map(|id| serde_json::json!({ "id": id }))
            .collect();
        let request = form(
            CUSTOMERS_COMBINE.request(),
            vec![
                ("customers", Some(json_field(&ids)?)),
                (
                    "resultCustomer",
                    Some(json_field(&serde_json::json!({ "id": result_customer }))?),
                ),
            ],
        )?;
        self.transport.json(request).await
    }

    /// Sets the external ids of customers by their internal ids.
    pub async fn customers_fix_external_ids(&self, customers: &[IdPair]) -> Result<Ack> {
        let request = form(
            CUSTOMERS_FIX_EXTERNAL_IDS.request(),
            vec![("customers", Some(json_field(&customers)?))],
        )?;
        self.transport.json(request).await
    }

    /// Every note matching `filter` (`customerIds`, `managerIds`, `text`, ... in `more`).
    pub fn customers_notes_list(
        &self,
        filter: &CustomerFilter,
        size: PageSize,
    ) -> BoxStream<'static, Result<Note>> {
        match filter_pairs(filter) {
            Ok(query) => list(
                self,
                &CUSTOMERS_NOTES_LIST,
                query,
                size,
                |p: NotesPage| (p.notes, p.pagination),
                |n: &Note| n.id,
            ),
            Err(e) => failed(e),
        }
    }

    /// Adds a note (`note.customer` names the customer, `note.text` says it).
    pub async fn customers_notes_create(&self, note: &Note, site: Option<&str>) -> Result<Created> {
        let request = form(
            CUSTOMERS_NOTES_CREATE.request(),
            vec![
                ("note", Some(json_field(note)?)),
                ("site", site_field(site)),
            ],
        )?;
        self.transport.json(request).await
    }

    /// Removes a note.
    pub async fn customers_notes_delete(&self, id: NoteId) -> Result<Ack> {
        let request = form(
            CUSTOMERS_NOTES_DELETE.request().path_param("id", id),
            Vec::new(),
        )?;
        self.transport.json(request).await
    }

    /// Sets the customer's mailing subscriptions (`subscriptions`: a list of
    /// `{"channel", "subscription", "subscribed"}`).
    pub async fn customers_subscriptions(
        &self,
        by: &By,
        subscriptions: &serde_json::Value,
        site: Option<&str>,
    ) -> Result<Ack> {
        let request = form(
            by_path(&CUSTOMERS_SUBSCRIPTIONS, by),
            vec![
                ("subscriptions", Some(json_field(subscriptions)?)),
                ("by", by_field(by)),
                ("site", site_field(site)),
            ],
        )?;
        self.transport.json(request).await
    }
}
