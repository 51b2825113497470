//! Customer interaction: a customer's cart and favourites on a site.
//!
//! The snapshot holds no example answer of most of these methods: their answers are
//! [`OpenAnswer`]s (every member as sent) and their entities JSON
//! values, their request members named as the official clients name them.

use market_core::Result;
use market_core::transport::Operation;
use serde::Serialize;

use super::{Field, form, get, json_field, post};
use crate::Client;
use crate::models::OpenAnswer;

/// `POST /api/v5/customer-interaction/{site}/cart/clear`.
pub static CUSTOMER_INTERACTION_CART_CLEAR: Operation = post(
    "customer_interaction_cart_clear",
    "/api/v5/customer-interaction/{site}/cart/clear",
);
/// `POST /api/v5/customer-interaction/{site}/cart/set`.
pub static CUSTOMER_INTERACTION_CART_SET: Operation = post(
    "customer_interaction_cart_set",
    "/api/v5/customer-interaction/{site}/cart/set",
);
/// `GET /api/v5/customer-interaction/{site}/cart/{customerId}`.
pub static CUSTOMER_INTERACTION_CART_GET: Operation = get(
    "customer_interaction_cart_get",
    "/api/v5/customer-interaction/{site}/cart/{customerId}",
);
/// `GET /api/v5/customer-interaction/{site}/favorites/{customerId}`.
pub static CUSTOMER_INTERACTION_FAVORITES_GET: Operation = get(
    "customer_interaction_favorites_get",
    "/api/v5/customer-interaction/{site}/favorites/{customerId}",
);
/// `POST /api/v5/customer-interaction/{site}/favorites/{customerId}/add`.
pub static CUSTOMER_INTERACTION_FAVORITES_ADD: Operation = post(
    "customer_interaction_favorites_add",
    "/api/v5/customer-interaction/{site}/favorites/{customerId}/add",
);
/// `POST /api/v5/customer-interaction/{site}/favorites/{customerId}/remove`.
pub static CUSTOMER_INTERACTION_FAVORITES_REMOVE: Operation = post(
    "customer_interaction_favorites_remove",
    "/api/v5/customer-interaction/{site}/favorites/{customerId}/remove",
);

impl Client {
    /// `POST /api/v5/customer-interaction/{site}/cart/clear`.
    pub async fn customer_interaction_cart_clear(
        &self,
        site: impl std::fmt::Display,
        site_by: Option<&str>,
        cart: &(impl Serialize + ?Sized),
    ) -> Result<OpenAnswer> {
        let request = CUSTOMER_INTERACTION_CART_CLEAR
            .request()
            .path_param("site", site);
        let request = form(
            request,
            vec![
                ("siteBy", site_by.map(Field::Text)),
                ("cart", Some(json_field(cart)?)),
            ],
        )?;
        self.transport.json(request).await
    }

    /// `POST /api/v5/customer-interaction/{site}/cart/set`.
    pub async fn customer_interaction_cart_set(
        &self,
        site: impl std::fmt::Display,
        site_by: Option<&str>,
        cart: &(impl Serialize + ?Sized),
    ) -> Result<OpenAnswer> {
        let request = CUSTOMER_INTERACTION_CART_SET
            .request()
            .path_param("site", site);
        let request = form(
            request,
            vec![
                ("siteBy", site_by.map(Field::Text)),
                ("cart", Some(json_field(cart)?)),
            ],
        )?;
        self.transport.json(request).await
    }

    /// `GET /api/v5/customer-interaction/{site}/cart/{customerId}`.
    pub async fn customer_interaction_cart_get(
        &self,
        site: impl std::fmt::Display,
        customer_id: impl std::fmt::Display,
        site_by: Option<&str>,
        by: Option<&str>,
    ) -> Result<OpenAnswer> {
        let mut request = CUSTOMER_INTERACTION_CART_GET
            .request()
            .path_param("site", site)
            .path_param("customerId", customer_id);
        if let Some(v) = site_by {
            request = request.query("siteBy", v);
        }
        if let Some(v) = by {
            request = request.query("by", v);
        }
        self.transport.json(request).await
    }

    /// `GET /api/v5/customer-interaction/{site}/favorites/{customerId}`.
    pub async fn customer_interaction_favorites_get(
        &self,
        site: impl std::fmt::Display,
        customer_id: impl std::fmt::Display,
        site_by: Option<&str>,
        by: Option<&str>,
    ) -> Result<OpenAnswer> {
        let mut request = CUSTOMER_INTERACTION_FAVORITES_GET
            .request()
            .path_param("site", site)
            .path_param("customerId", customer_id);
        if let Some(v) = site_by {
            request = request.query("siteBy", v);
        }
        if let Some(v) = by {
            request = request.query("by", v);
        }
        self.transport.json(request).await
    }

    /// `POST /api/v5/customer-interaction/{site}/favorites/{customerId}/add`.
    pub async fn customer_interaction_favorites_add(
        &self,
        site: impl std::fmt::Display,
        customer_id: impl std::fmt::Display,
        site_by: Option<&str>,
        by: Option<&str>,
        favorite: &(impl Serialize + ?Sized),
    ) -> Result<OpenAnswer> {
        let mut request = CUSTOMER_INTERACTION_FAVORITES_ADD
            .request()
            .path_param("site", site)
            .path_param("customerId", customer_id);
        if let Some(v) = site_by {
            request = request.query("siteBy", v);
        }
        if let Some(v) = by {
            request = request.query("by", v);
        }
        let request = form(request, vec![("favorite", Some(json_field(favorite)?))])?;
        self.transport.json(request).await
    }

    /// `POST /api/v5/customer-interaction/{site}/favorites/{customerId}/remove`.
    pub async fn customer_interaction_favorites_remove(
        &self,
        site: impl std::fmt::Display,
        customer_id: impl std::fmt::Display,
        site_by: Option<&str>,
        by: Option<&str>,
        favorite: &(impl Serialize + ?Sized),
    ) -> Result<OpenAnswer> {
        let mut request = CUSTOMER_INTERACTION_FAVORITES_REMOVE
            .request()
            .path_param("site", site)
            .path_param("customerId", customer_id);
        if let Some(v) = site_by {
            request = request.query("siteBy", v);
        }
        if let Some(v) = by {
            request = request.query("by", v);
        }
        let request = form(request, vec![("favorite", Some(json_field(favorite)?))])?;
        self.transport.json(request).await
    }
}
