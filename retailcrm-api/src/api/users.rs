//! Users (managers), their working status and groups.

use std::collections::BTreeMap;

use futures::stream::BoxStream;
use market_core::Result;
use market_core::transport::Operation;

use super::{Field, filter_pairs, form, get, list, post};
use crate::Client;
use crate::ids::UserId;
use crate::limits::PageSize;
use crate::models::{Ack, User, UserAnswer, UserGroup, UserGroupsPage, UsersPage};

/// `GET /api/v5/users`: users matching a filter.
pub static USERS_LIST: Operation = get("users_list", "/api/v5/users");
/// `GET /api/v5/users/{id}`: one user.
pub static USERS_GET: Operation = get("users_get", "/api/v5/users/{id}");
/// `POST /api/v5/users/{id}/status`: sets a user's working status.
pub static USERS_STATUS: Operation = post("users_status", "/api/v5/users/{id}/status");
/// `GET /api/v5/user-groups`: the user groups.
pub static USER_GROUPS_LIST: Operation = get("user_groups_list", "/api/v5/user-groups");

/// A user's working status (`users/{id}/status`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UserStatus {
    /// Free.
    Free,
    /// Busy.
    Busy,
    /// At lunch.
    Dinner,
    /// On a break.
    Break,
}

impl UserStatus {
    /// The wire value.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Free => "free",
            Self::Busy => "busy",
            Self::Dinner => "dinner",
            Self::Break => "break",
        }
    }
}

impl Client {
    /// Every user matching `filter` (by API names: `active`, `groups`, `email`, ...).
    pub fn users_list(
        &self,
        filter: &BTreeMap<String, serde_json::Value>,
        size: PageSize,
    ) -> BoxStream<'static, Result<User>> {
        match filter_pairs(filter) {
            Ok(query) => list(
                self,
                &USERS_LIST,
                query,
                size,
                |p: UsersPage| (p.users, p.pagination),
                |u: &User| u.id,
            ),
            Err(e) => Box::pin(futures::stream::once(async move { Err(e) })),
        }
    }

    /// One user.
    pub async fn users_get(&self, id: UserId) -> Result<User> {
        let answer: UserAnswer = self
            .transport
            .json(USERS_GET.request().path_param("id", id))
            .await?;
        Ok(answer.user)
    }

    /// Sets a user's working status.
    pub async fn users_status(&self, id: UserId, status: UserStatus) -> Result<Ack> {
        let request = form(
            USERS_STATUS.request().path_param("id", id),
            vec![("status", Some(Field::Text(status.as_str())))],
        )?;
        self.transport.json(request).await
    }

    /// Every user group.
    pub fn user_groups_list(&self, size: PageSize) -> BoxStream<'static, Result<UserGroup>> {
        list(
            self,
            &USER_GROUPS_LIST,
            Vec::new(),
            size,
            |p: UserGroupsPage| (p.groups, p.pagination),
            |g: &UserGroup| g.code.clone(),
        )
    }
}
