//! The addresses, companies and contacts of corporate customers.
//!
//! The snapshot holds no example answer of most of these methods: their answers are
//! [`OpenAnswer`]s (every member as sent) and their entities JSON
//! values, their request members named as the official clients name them.

use futures::stream::BoxStream;
use market_core::Result;
use market_core::transport::Operation;
use serde::Serialize;

use super::{Field, Filter, filter_pairs, form, get, json_field, list_at, post};
use crate::Client;
use crate::limits::PageSize;
use crate::models::{OpenAnswer, OpenPage};

/// `GET /api/v5/customers-corporate/{identifier}/addresses`.
pub static CUSTOMERS_CORPORATE_ADDRESSES: Operation = get(
    "customers_corporate_addresses",
    "/api/v5/customers-corporate/{identifier}/addresses",
);
/// `POST /api/v5/customers-corporate/{identifier}/addresses/create`.
pub static CUSTOMERS_CORPORATE_ADDRESSES_CREATE: Operation = post(
    "customers_corporate_addresses_create",
    "/api/v5/customers-corporate/{identifier}/addresses/create",
)
.non_idempotent();
/// `POST /api/v5/customers-corporate/{customerId}/addresses/{addressId}/edit`.
pub static CUSTOMERS_CORPORATE_ADDRESSES_EDIT: Operation = post(
    "customers_corporate_addresses_edit",
    "/api/v5/customers-corporate/{customerId}/addresses/{addressId}/edit",
);
/// `GET /api/v5/customers-corporate/{identifier}/companies`.
pub static CUSTOMERS_CORPORATE_COMPANIES: Operation = get(
    "customers_corporate_companies",
    "/api/v5/customers-corporate/{identifier}/companies",
);
/// `POST /api/v5/customers-corporate/{identifier}/companies/create`.
pub static CUSTOMERS_CORPORATE_COMPANIES_CREATE: Operation = post(
    "customers_corporate_companies_create",
    "/api/v5/customers-corporate/{identifier}/companies/create",
)
.non_idempotent();
/// `POST /api/v5/customers-corporate/{customerId}/companies/{companyId}/edit`.
pub static CUSTOMERS_CORPORATE_COMPANIES_EDIT: Operation = post(
    "customers_corporate_companies_edit",
    "/api/v5/customers-corporate/{customerId}/companies/{companyId}/edit",
);
/// `GET /api/v5/customers-corporate/{identifier}/contacts`.
pub static CUSTOMERS_CORPORATE_CONTACTS: Operation = get(
    "customers_corporate_contacts",
    "/api/v5/customers-corporate/{identifier}/contacts",
);
/// `POST /api/v5/customers-corporate/{identifier}/contacts/create`.
pub static CUSTOMERS_CORPORATE_CONTACTS_CREATE: Operation = post(
    "customers_corporate_contacts_create",
    "/api/v5/customers-corporate/{identifier}/contacts/create",
)
.non_idempotent();
/// `POST /api/v5/customers-corporate/{customerId}/contacts/{contactId}/edit`.
pub static CUSTOMERS_CORPORATE_CONTACTS_EDIT: Operation = post(
    "customers_corporate_contacts_edit",
    "/api/v5/customers-corporate/{customerId}/contacts/{contactId}/edit",
);

impl Client {
    /// `GET /api/v5/customers-corporate/{identifier}/addresses`: every entry of `addresses`, a page of `size` at a time (filter members by API
    /// name).
    pub fn customers_corporate_addresses(
        &self,
        identifier: impl std::fmt::Display,
        filter: &Filter,
        size: PageSize,
    ) -> BoxStream<'static, Result<serde_json::Value>> {
        let params = vec![("identifier", identifier.to_string())];
        match filter_pairs(filter) {
            Ok(query) => list_at(
                self,
                &CUSTOMERS_CORPORATE_ADDRESSES,
                params,
                query,
                size,
                |p: OpenPage| p.take("addresses"),
                |v: &serde_json::Value| v.get("id").map(|k| k.to_string()),
            ),
            Err(e) => Box::pin(futures::stream::once(async move { Err(e) })),
        }
    }

    /// `POST /api/v5/customers-corporate/{identifier}/addresses/create`.
    pub async fn customers_corporate_addresses_create(
        &self,
        identifier: impl std::fmt::Display,
        address: &(impl Serialize + ?Sized),
        by: Option<&str>,
        site: Option<&str>,
    ) -> Result<OpenAnswer> {
        let request = CUSTOMERS_CORPORATE_ADDRESSES_CREATE
            .request()
            .path_param("identifier", identifier);
        let request = form(
            request,
            vec![
                ("address", Some(json_field(address)?)),
                ("by", by.map(Field::Text)),
                ("site", site.map(Field::Text)),
            ],
        )?;
        self.transport.json(request).await
    }

    /// `POST /api/v5/customers-corporate/{customerId}/addresses/{addressId}/edit`.
    pub async fn customers_corporate_addresses_edit(
        &self,
        customer_id: impl std::fmt::Display,
        address_id: impl std::fmt::Display,
        address: &(impl Serialize + ?Sized),
        by: Option<&str>,
        entity_by: Option<&str>,
        site: Option<&str>,
    ) -> Result<OpenAnswer> {
        let request = CUSTOMERS_CORPORATE_ADDRESSES_EDIT
            .request()
            .path_param("customerId", customer_id)
            .path_param("addressId", address_id);
        let request = form(
            request,
            vec![
                ("address", Some(json_field(address)?)),
                ("by", by.map(Field::Text)),
                ("entityBy", entity_by.map(Field::Text)),
                ("site", site.map(Field::Text)),
            ],
        )?;
        self.transport.json(request).await
    }

    /// `GET /api/v5/customers-corporate/{identifier}/companies`: every entry of `companies`, a page of `size` at a time (filter members by API
    /// name).
    pub fn customers_corporate_companies(
        &self,
        identifier: impl std::fmt::Display,
        filter: &Filter,
        size: PageSize,
    ) -> BoxStream<'static, Result<serde_json::Value>> {
        let params = vec![("identifier", identifier.to_string())];
        match filter_pairs(filter) {
            Ok(query) => list_at(
                self,
                &CUSTOMERS_CORPORATE_COMPANIES,
                params,
                query,
                size,
                |p: OpenPage| p.take("companies"),
                |v: &serde_json::Value| v.get("id").map(|k| k.to_string()),
            ),
            Err(e) => Box::pin(futures::stream::once(async move { Err(e) })),
        }
    }

    /// `POST /api/v5/customers-corporate/{identifier}/companies/create`.
    pub async fn customers_corporate_companies_create(
        &self,
        identifier: impl std::fmt::Display,
        company: &(impl Serialize + ?Sized),
        by: Option<&str>,
        site: Option<&str>,
    ) -> Result<OpenAnswer> {
        let request = CUSTOMERS_CORPORATE_COMPANIES_CREATE
            .request()
            .path_param("identifier", identifier);
        let request = form(
            request,
            vec![
                ("company", Some(json_field(company)?)),
                ("by", by.map(Field::Text)),
                ("site", site.map(Field::Text)),
            ],
        )?;
        self.transport.json(request).await
    }

    /// `POST /api/v5/customers-corporate/{customerId}/companies/{companyId}/edit`.
    pub async fn customers_corporate_companies_edit(
        &self,
        customer_id: impl std::fmt::Display,
        company_id: impl std::fmt::Display,
        company: &(impl Serialize + ?Sized),
        by: Option<&str>,
        entity_by: Option<&str>,
        site: Option<&str>,
    ) -> Result<OpenAnswer> {
        let request = CUSTOMERS_CORPORATE_COMPANIES_EDIT
            .request()
            .path_param("customerId", customer_id)
            .path_param("companyId", company_id);
        let request = form(
            request,
            vec![
                ("company", Some(json_field(company)?)),
                ("by", by.map(Field::Text)),
                ("entityBy", entity_by.map(Field::Text)),
                ("site", site.map(Field::Text)),
            ],
        )?;
        self.transport.json(request).await
    }

    /// `GET /api/v5/customers-corporate/{identifier}/contacts`: every entry of `contacts`, a page of `size` at a time (filter members by API
    /// name).
    pub fn customers_corporate_contacts(
        &self,
        identifier: impl std::fmt::Display,
        filter: &Filter,
        size: PageSize,
    ) -> BoxStream<'static, Result<serde_json::Value>> {
        let params = vec![("identifier", identifier.to_string())];
        match filter_pairs(filter) {
            Ok(query) => list_at(
                self,
                &CUSTOMERS_CORPORATE_CONTACTS,
                params,
                query,
                size,
                |p: OpenPage| p.take("contacts"),
                |v: &serde_json::Value| v.get("id").map(|k| k.to_string()),
            ),
            Err(e) => Box::pin(futures::stream::once(async move { Err(e) })),
        }
    }

    /// `POST /api/v5/customers-corporate/{identifier}/contacts/create`.
    pub async fn customers_corporate_contacts_create(
        &self,
        identifier: impl std::fmt::Display,
        contact: &(impl Serialize + ?Sized),
        by: Option<&str>,
        site: Option<&str>,
    ) -> Result<OpenAnswer> {
        let request = CUSTOMERS_CORPORATE_CONTACTS_CREATE
            .request()
            .path_param("identifier", identifier);
        let request = form(
            request,
            vec![
                ("contact", Some(json_field(contact)?)),
                ("by", by.map(Field::Text)),
                ("site", site.map(Field::Text)),
            ],
        )?;
        self.transport.json(request).await
    }

    /// `POST /api/v5/customers-corporate/{customerId}/contacts/{contactId}/edit`.
    pub async fn customers_corporate_contacts_edit(
        &self,
        customer_id: impl std::fmt::Display,
        contact_id: impl std::fmt::Display,
        contact: &(impl Serialize + ?Sized),
        by: Option<&str>,
        entity_by: Option<&str>,
        site: Option<&str>,
    ) -> Result<OpenAnswer> {
        let request = CUSTOMERS_CORPORATE_CONTACTS_EDIT
            .request()
            .path_param("customerId", customer_id)
            .path_param("contactId", contact_id);
        let request = form(
            request,
            vec![
                ("contact", Some(json_field(contact)?)),
                ("by", by.map(Field::Text)),
                ("entityBy", entity_by.map(Field::Text)),
                ("site", site.map(Field::Text)),
            ],
        )?;
        self.transport.json(request).await
    }
}
