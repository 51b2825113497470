//! Loyalty programmes, accounts and bonuses.
//!
//! The snapshot holds no example answer of most of these methods: their answers are
//! [`OpenAnswer`]s (every member as sent) and their entities JSON
//! values, their request members named as the official clients name them.

use futures::stream::BoxStream;
use market_core::Result;
use market_core::transport::Operation;
use serde::Serialize;

use super::{Field, Filter, filter_pairs, form, get, json_field, list, list_at, post};
use crate::Client;
use crate::limits::PageSize;
use crate::models::{OpenAnswer, OpenPage};

/// `POST /api/v5/loyalty/account/create`.
pub static LOYALTY_ACCOUNT_CREATE: Operation =
    post("loyalty_account_create", "/api/v5/loyalty/account/create").non_idempotent();
/// `GET /api/v5/loyalty/account/{id}`.
pub static LOYALTY_ACCOUNT_GET: Operation =
    get("loyalty_account_get", "/api/v5/loyalty/account/{id}");
/// `POST /api/v5/loyalty/account/{id}/activate`.
pub static LOYALTY_ACCOUNT_ACTIVATE: Operation = post(
    "loyalty_account_activate",
    "/api/v5/loyalty/account/{id}/activate",
);
/// `POST /api/v5/loyalty/account/{id}/bonus/charge`.
pub static LOYALTY_ACCOUNT_BONUS_CHARGE: Operation = post(
    "loyalty_account_bonus_charge",
    "/api/v5/loyalty/account/{id}/bonus/charge",
)
.non_idempotent();
/// `POST /api/v5/loyalty/account/{id}/bonus/credit`.
pub static LOYALTY_ACCOUNT_BONUS_CREDIT: Operation = post(
    "loyalty_account_bonus_credit",
    "/api/v5/loyalty/account/{id}/bonus/credit",
)
.non_idempotent();
/// `GET /api/v5/loyalty/account/{id}/bonus/operations`.
pub static LOYALTY_ACCOUNT_BONUS_OPERATIONS: Operation = get(
    "loyalty_account_bonus_operations",
    "/api/v5/loyalty/account/{id}/bonus/operations",
);
/// `GET /api/v5/loyalty/account/{id}/bonus/{status}/details`.
pub static LOYALTY_ACCOUNT_BONUS_DETAILS: Operation = get(
    "loyalty_account_bonus_details",
    "/api/v5/loyalty/account/{id}/bonus/{status}/details",
);
/// `POST /api/v5/loyalty/account/{id}/edit`.
pub static LOYALTY_ACCOUNT_EDIT: Operation =
    post("loyalty_account_edit", "/api/v5/loyalty/account/{id}/edit");
/// `GET /api/v5/loyalty/accounts`.
pub static LOYALTY_ACCOUNTS_LIST: Operation =
    get("loyalty_accounts_list", "/api/v5/loyalty/accounts");
/// `GET /api/v5/loyalty/bonus/operations`.
pub static LOYALTY_BONUS_OPERATIONS: Operation = get(
    "loyalty_bonus_operations",
    "/api/v5/loyalty/bonus/operations",
);
/// `POST /api/v5/loyalty/calculate`.
pub static LOYALTY_CALCULATE: Operation = post("loyalty_calculate", "/api/v5/loyalty/calculate");
/// `GET /api/v5/loyalty/loyalties`.
pub static LOYALTY_LOYALTIES_LIST: Operation =
    get("loyalty_loyalties_list", "/api/v5/loyalty/loyalties");
/// `GET /api/v5/loyalty/loyalties/{id}`.
pub static LOYALTY_LOYALTIES_GET: Operation =
    get("loyalty_loyalties_get", "/api/v5/loyalty/loyalties/{id}");

impl Client {
    /// `POST /api/v5/loyalty/account/create`.
    pub async fn loyalty_account_create(
        &self,
        loyalty_account: &(impl Serialize + ?Sized),
        site: Option<&str>,
    ) -> Result<OpenAnswer> {
        let request = LOYALTY_ACCOUNT_CREATE.request();
        let request = form(
            request,
            vec![
                ("loyaltyAccount", Some(json_field(loyalty_account)?)),
                ("site", site.map(Field::Text)),
            ],
        )?;
        self.transport.json(request).await
    }

    /// `GET /api/v5/loyalty/account/{id}`.
    pub async fn loyalty_account_get(&self, id: impl std::fmt::Display) -> Result<OpenAnswer> {
        let request = LOYALTY_ACCOUNT_GET.request().path_param("id", id);
        self.transport.json(request).await
    }

    /// `POST /api/v5/loyalty/account/{id}/activate`.
    pub async fn loyalty_account_activate(&self, id: impl std::fmt::Display) -> Result<OpenAnswer> {
        let request = LOYALTY_ACCOUNT_ACTIVATE.request().path_param("id", id);
        let request = form(request, vec![])?;
        self.transport.json(request).await
    }

    /// `POST /api/v5/loyalty/account/{id}/bonus/charge`.
    pub async fn loyalty_account_bonus_charge(
        &self,
        id: impl std::fmt::Display,
        amount: &str,
        comment: Option<&str>,
    ) -> Result<OpenAnswer> {
        let request = LOYALTY_ACCOUNT_BONUS_CHARGE.request().path_param("id", id);
        let request = form(
            request,
            vec![
                ("amount", Some(Field::Text(amount))),
                ("comment", comment.map(Field::Text)),
            ],
        )?;
        self.transport.json(request).await
    }

    /// `POST /api/v5/loyalty/account/{id}/bonus/credit`.
    pub async fn loyalty_account_bonus_credit(
        &self,
        id: impl std::fmt::Display,
        amount: &str,
        activation_date: Option<&str>,
        expire_date: Option<&str>,
        comment: Option<&str>,
    ) -> Result<OpenAnswer> {
        let request = LOYALTY_ACCOUNT_BONUS_CREDIT.request().path_param("id", id);
        let request = form(
            request,
            vec![
                ("amount", Some(Field::Text(amount))),
                ("activationDate", activation_date.map(Field::Text)),
                ("expireDate", expire_date.map(Field::Text)),
                ("comment", comment.map(Field::Text)),
            ],
        )?;
        self.transport.json(request).await
    }

    /// `GET /api/v5/loyalty/account/{id}/bonus/operations`: every entry of `bonusOperations`, a page of `size` at a time (filter members by API
    /// name).
    pub fn loyalty_account_bonus_operations(
        &self,
        id: impl std::fmt::Display,
        filter: &Filter,
        size: PageSize,
    ) -> BoxStream<'static, Result<serde_json::Value>> {
        let params = vec![("id", id.to_string())];
        match filter_pairs(filter) {
            Ok(query) => list_at(
                self,
                &LOYALTY_ACCOUNT_BONUS_OPERATIONS,
                params,
                query,
                size,
                |p: OpenPage| p.take("bonusOperations"),
                |v: &serde_json::Value| v.to_string(),
            ),
            Err(e) => Box::pin(futures::stream::once(async move { Err(e) })),
        }
    }

    /// `GET /api/v5/loyalty/account/{id}/bonus/{status}/details`: every entry of `bonuses`, a page of `size` at a time (filter members by API
    /// name).
    pub fn loyalty_account_bonus_details(
        &self,
        id: impl std::fmt::Display,
        status: impl std::fmt::Display,
        filter: &Filter,
        size: PageSize,
    ) -> BoxStream<'static, Result<serde_json::Value>> {
        let params = vec![("id", id.to_string()), ("status", status.to_string())];
        match filter_pairs(filter) {
            Ok(query) => list_at(
                self,
                &LOYALTY_ACCOUNT_BONUS_DETAILS,
                params,
                query,
                size,
                |p: OpenPage| p.take("bonuses"),
                |v: &serde_json::Value| v.to_string(),
            ),
            Err(e) => Box::pin(futures::stream::once(async move { Err(e) })),
        }
    }

    /// `POST /api/v5/loyalty/account/{id}/edit`.
    pub async fn loyalty_account_edit(
        &self,
        id: impl std::fmt::Display,
        loyalty_account: &(impl Serialize + ?Sized),
    ) -> Result<OpenAnswer> {
        let request = LOYALTY_ACCOUNT_EDIT.request().path_param("id", id);
        let request = form(
            request,
            vec![("loyaltyAccount", Some(json_field(loyalty_account)?))],
        )?;
        self.transport.json(request).await
    }

    /// `GET /api/v5/loyalty/accounts`: every entry of `loyaltyAccounts`, a page of `size` at a time (filter members by API
    /// name).
    pub fn loyalty_accounts_list(
        &self,
        filter: &Filter,
        size: PageSize,
    ) -> BoxStream<'static, Result<serde_json::Value>> {
        match filter_pairs(filter) {
            Ok(query) => list(
                self,
                &LOYALTY_ACCOUNTS_LIST,
                query,
                size,
                |p: OpenPage| p.take("loyaltyAccounts"),
                |v: &serde_json::Value| v.get("id").map(|k| k.to_string()),
            ),
            Err(e) => Box::pin(futures::stream::once(async move { Err(e) })),
        }
    }

    /// `GET /api/v5/loyalty/bonus/operations`.
    pub async fn loyalty_bonus_operations(
        &self,
        cursor: Option<&str>,
        limit: Option<&str>,
    ) -> Result<OpenAnswer> {
        let mut request = LOYALTY_BONUS_OPERATIONS.request();
        if let Some(v) = cursor {
            request = request.query("cursor", v);
        }
        if let Some(v) = limit {
            request = request.query("limit", v);
        }
        self.transport.json(request).await
    }

    /// `POST /api/v5/loyalty/calculate`.
    pub async fn loyalty_calculate(
        &self,
        site: Option<&str>,
        order: &(impl Serialize + ?Sized),
        bonuses: Option<&str>,
    ) -> Result<OpenAnswer> {
        let request = LOYALTY_CALCULATE.request();
        let request = form(
            request,
            vec![
                ("site", site.map(Field::Text)),
                ("order", Some(json_field(order)?)),
                ("bonuses", bonuses.map(Field::Text)),
            ],
        )?;
        self.transport.json(request).await
    }

    /// `GET /api/v5/loyalty/loyalties`: every entry of `loyalties`, a page of `size` at a time (filter members by API
    /// name).
    pub fn loyalty_loyalties_list(
        &self,
        filter: &Filter,
        size: PageSize,
    ) -> BoxStream<'static, Result<serde_json::Value>> {
        match filter_pairs(filter) {
            Ok(query) => list(
                self,
                &LOYALTY_LOYALTIES_LIST,
                query,
                size,
                |p: OpenPage| p.take("loyalties"),
                |v: &serde_json::Value| v.get("id").map(|k| k.to_string()),
            ),
            Err(e) => Box::pin(futures::stream::once(async move { Err(e) })),
        }
    }

    /// `GET /api/v5/loyalty/loyalties/{id}`.
    pub async fn loyalty_loyalties_get(&self, id: impl std::fmt::Display) -> Result<OpenAnswer> {
        let request = LOYALTY_LOYALTIES_GET.request().path_param("id", id);
        self.transport.json(request).await
    }
}
