//! Corporate customers: list, get, create, edit, upload (batched, per-item outcomes),
//! history, combine, external ids, notes.

use futures::stream::BoxStream;
use market_core::batch::run_batches;
use market_core::transport::Operation;
use market_core::{BatchReport, Result};

use super::customers::CustomerFilter;
use super::{
    HistoryPage, HistoryRecord, by_field, by_path, filter_pairs, form, get, history, json_field,
    list, post, site_field, upload_report,
};
use crate::Client;
use crate::ids::{CorporateCustomerId, HistoryId, NoteId};
use crate::limits::{self, PageSize};
use crate::models::{
    Ack, By, CorporateCustomer, CorporateCustomerAnswer, CorporateCustomersPage,
    CorporateHistoryPage, CorporateHistoryRecord, CorporateUploaded, Created, IdPair, Note,
    NotesPage,
};

/// `GET /api/v5/customers-corporate`: corporate customers matching a filter.
pub static CUSTOMERS_CORPORATE_LIST: Operation =
    get("customers_corporate_list", "/api/v5/customers-corporate");
/// `GET /api/v5/customers-corporate/{identifier}`: one corporate customer.
pub static CUSTOMERS_CORPORATE_GET: Operation = get(
    "customers_corporate_get",
    "/api/v5/customers-corporate/{identifier}",
);
/// `POST /api/v5/customers-corporate/create`: creates one.
pub static CUSTOMERS_CORPORATE_CREATE: Operation = post(
    "customers_corporate_create",
    "/api/v5/customers-corporate/create",
)
.non_idempotent();
/// `POST /api/v5/customers-corporate/{identifier}/edit`: changes the fields sent.
pub static CUSTOMERS_CORPORATE_EDIT: Operation = post(
    "customers_corporate_edit",
    "/api/v5/customers-corporate/{identifier}/edit",
);
/// `POST /api/v5/customers-corporate/upload`: creates up to
/// [`CUSTOMERS_CORPORATE_UPLOAD_MAX`]; HTTP 460 when some failed.
pub static CUSTOMERS_CORPORATE_UPLOAD: Operation = post(
    "customers_corporate_upload",
    "/api/v5/customers-corporate/upload",
)
.non_idempotent()
.batch_max(CUSTOMERS_CORPORATE_UPLOAD_MAX);
/// Corporate customers of one upload request.
pub const CUSTOMERS_CORPORATE_UPLOAD_MAX: usize = limits::UPLOAD_MAX;
/// `GET /api/v5/customers-corporate/history`: changes, from a `sinceId`.
pub static CUSTOMERS_CORPORATE_HISTORY: Operation = get(
    "customers_corporate_history",
    "/api/v5/customers-corporate/history",
);
/// `POST /api/v5/customers-corporate/fix-external-ids`: sets external ids by id.
pub static CUSTOMERS_CORPORATE_FIX_EXTERNAL_IDS: Operation = post(
    "customers_corporate_fix_external_ids",
    "/api/v5/customers-corporate/fix-external-ids",
);
/// `POST /api/v5/customers-corporate/combine`: merges corporate customers.
pub static CUSTOMERS_CORPORATE_COMBINE: Operation = post(
    "customers_corporate_combine",
    "/api/v5/customers-corporate/combine",
)
.non_idempotent();
/// `GET /api/v5/customers-corporate/notes`: notes on corporate customers.
pub static CUSTOMERS_CORPORATE_NOTES_LIST: Operation = get(
    "customers_corporate_notes_list",
    "/api/v5/customers-corporate/notes",
);
/// `POST /api/v5/customers-corporate/notes/create`: adds a note.
pub static CUSTOMERS_CORPORATE_NOTES_CREATE: Operation = post(
    "customers_corporate_notes_create",
    "/api/v5/customers-corporate/notes/create",
)
.non_idempotent();
/// `POST /api/v5/customers-corporate/notes/{id}/delete`: removes a note.
pub static CUSTOMERS_CORPORATE_NOTES_DELETE: Operation = post(
    "customers_corporate_notes_delete",
    "/api/v5/customers-corporate/notes/{id}/delete",
);

impl HistoryRecord for CorporateHistoryRecord {
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

impl Client {
    /// Every corporate customer matching `filter`, a page of `size` at a time.
    pub fn customers_corporate_list(
        &self,
        filter: &CustomerFilter,
        size: PageSize,
    ) -> BoxStream<'static, Result<CorporateCustomer>> {
        match filter_pairs(filter) {
            Ok(query) => list(
                self,
                &CUSTOMERS_CORPORATE_LIST,
                query,
                size,
                |p: CorporateCustomersPage| (p.customers_corporate, p.pagination),
                |c: &CorporateCustomer| (c.id, c.external_id.clone()),
            ),
            Err(e) => Box::pin(futures::stream::once(async move { Err(e) })),
        }
    }

    /// One corporate customer by id or external id.
    pub async fn customers_corporate_get(
        &self,
        by: &By,
        site: Option<&str>,
    ) -> Result<CorporateCustomer> {
        let mut request = by_path(&CUSTOMERS_CORPORATE_GET, by).query("by", by.by());
        if let Some(site) = site {
            request = request.query("site", site);
        }
        let answer: CorporateCustomerAnswer = self.transport.json(request).await?;
        Ok(answer.customer_corporate)
    }

    /// Creates a corporate customer.
    pub async fn customers_corporate_create(
        &self,
        customer: &CorporateCustomer,
        site: Option<&str>,
    ) -> Result<Created> {
        let request = form(
            CUSTOMERS_CORPORATE_CREATE.request(),
            vec![
                ("customerCorporate", Some(json_field(customer)?)),
                ("site", site_field(site)),
            ],
        )?;
        self.transport.json(request).await
    }

    /// Changes the fields of `customer` that are set.
    pub async fn customers_corporate_edit(
        &self,
        by: &By,
        customer: &CorporateCustomer,
        site: Option<&str>,
    ) -> Result<Created> {
        let request = form(
            by_path(&CUSTOMERS_CORPORATE_EDIT, by),
            vec![
                ("customerCorporate", Some(json_field(customer)?)),
                ("by", by_field(by)),
                ("site", site_field(site)),
            ],
        )?;
        self.transport.json(request).await
    }

    /// Creates corporate customers through `customers-corporate/upload`, one outcome per
    /// customer keyed by `externalId` (required); HTTP 460 is read as per-item outcomes.
    pub async fn customers_corporate_upload(
        &self,
        customers: Vec<CorporateCustomer>,
        site: Option<&str>,
    ) -> BatchReport<String> {
        run_batches(
            customers,
            CUSTOMERS_CORPORATE_UPLOAD_MAX,
            |c: &CorporateCustomer| c.external_id.clone().unwrap_or_default(),
            |c: &CorporateCustomer| match &c.external_id {
                Some(id) if !id.trim().is_empty() => Ok(()),
                _ => Err("an uploaded corporate customer needs an externalId".to_owned()),
            },
            |chunk: Vec<CorporateCustomer>| async move {
                let request = form(
                    CUSTOMERS_CORPORATE_UPLOAD.request(),
                    vec![
                        ("customersCorporate", Some(json_field(&chunk)?)),
                        ("site", site_field(site)),
                    ],
                )?;
                let answer: CorporateUploaded = self.transport.json(request).await?;
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

    /// The changes of corporate customers after `since`, as pages (this key's own records
    /// left out).
    pub fn customers_corporate_history(
        &self,
        since: Option<HistoryId>,
    ) -> BoxStream<'static, Result<HistoryPage<CorporateHistoryRecord>>> {
        history(
            self,
            &CUSTOMERS_CORPORATE_HISTORY,
            since,
            |p: CorporateHistoryPage| (p.history, p.pagination),
        )
    }

    /// Sets the external ids of corporate customers by their internal ids.
    pub async fn customers_corporate_fix_external_ids(&self, customers: &[IdPair]) -> Result<Ack> {
        let request = form(
            CUSTOMERS_CORPORATE_FIX_EXTERNAL_IDS.request(),
            vec![("customersCorporate", Some(json_field(&customers)?))],
        )?;
        self.transport.json(request).await
    }

    /// Merges `customers` into `result_customer`.
    pub async fn customers_corporate_combine(
        &self,
        customers: &[CorporateCustomerId],
        result_customer: CorporateCustomerId,
    ) -> Result<Ack> {
        let ids: Vec<serde_json::Value> = customers
            .iter()
            .map(|id| serde_json::json!({ "id": id }))
            .collect();
        let request = form(
            CUSTOMERS_CORPORATE_COMBINE.request(),
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

    /// Every note on corporate customers matching `filter`.
    pub fn customers_corporate_notes_list(
        &self,
        filter: &CustomerFilter,
        size: PageSize,
    ) -> BoxStream<'static, Result<Note>> {
        match filter_pairs(filter) {
            Ok(query) => list(
                self,
                &CUSTOMERS_CORPORATE_NOTES_LIST,
                query,
                size,
                |p: NotesPage| (p.notes, p.pagination),
                |n: &Note| n.id,
            ),
            Err(e) => Box::pin(futures::stream::once(async move { Err(e) })),
        }
    }

    /// Adds a note on a corporate customer.
    pub async fn customers_corporate_notes_create(
        &self,
        note: &Note,
        site: Option<&str>,
    ) -> Result<Created> {
        let request = form(
            CUSTOMERS_CORPORATE_NOTES_CREATE.request(),
            vec![
                ("note", Some(json_field(note)?)),
                ("site", site_field(site)),
            ],
        )?;
        self.transport.json(request).await
    }

    /// Removes a note.
    pub async fn customers_corporate_notes_delete(&self, id: NoteId) -> Result<Ack> {
        let request = form(
            CUSTOMERS_CORPORATE_NOTES_DELETE
                .request()
                .path_param("id", id),
            Vec::new(),
        )?;
        self.transport.json(request).await
    }
}
