//! The categories section: Yandex Market's category tree and the content parameters
//! (characteristics) of a leaf category, which offers fill in through
//! [`crate::api::offers::OffersApi::update`] and [`crate::api::offers::OffersApi::update_content`].

use market_core::transport::Operation;
use market_core::{Error, Result};

use crate::Client;
use crate::ids::{BusinessId, CategoryId};
use crate::models::categories::*;

/// `getCategoriesTree`, `POST /v2/categories/tree`: the category tree.
pub static CATEGORIES_TREE_GET: Operation =
    Operation::post("categories_tree_get", "/v2/categories/tree").in_group("getCategoriesTree");

/// `getCategoryContentParameters`, `POST /v2/category/{categoryId}/parameters`: the parameters of a leaf category.
pub static CATEGORY_CONTENT_PARAMETERS_GET: Operation = Operation::post(
    "category_content_parameters_get",
    "/v2/category/{categoryId}/parameters",
)
.in_group("getCategoryContentParameters");

/// The categories section: `client.categories()`.
#[derive(Debug, Clone, Copy)]
pub struct CategoriesApi<'a> {
    client: &'a Client,
}

impl Client {
    /// Yandex Market's categories and their parameters.
    pub fn categories(&self) -> CategoriesApi<'_> {
        CategoriesApi { client: self }
    }
}

/// A missing `result` in an answer whose result the caller needs.
fn no_result(op: &Operation) -> Error {
    Error::Decode {
        vendor: market_core::MarketplaceKind::YandexMarket.name(),
        operation: op.name,
        path: "result".into(),
        message: "the answer has no result".into(),
        excerpt: String::new(),
    }
}

/// A decode error for a required field the answer lacks.
fn missing(op: &Operation, path: &str, message: &str) -> Error {
    Error::Decode {
        vendor: market_core::MarketplaceKind::YandexMarket.name(),
        operation: op.name,
        path: path.into(),
        message: message.into(),
        excerpt: String::new(),
    }
}

impl CategoriesApi<'_> {
    /// `POST /v2/categories/tree` (`getCategoriesTree`): the whole category tree, its root
    /// returned. Names are in `language` (Russian when `None`). The quota is small (50 calls an
    /// hour on the base tier): cache the tree. [`Category::leaves`] lists the categories offers
    /// may be placed in.
    pub async fn tree(&self, language: Option<Language>) -> Result<Category> {
        let body = CategoriesTreeRequest { language };
        let response: CategoriesTreeResponse = self
            .client
            .transport()
            .json(CATEGORIES_TREE_GET.request().json(&body)?)
            .await?;
        let root = response
            .result
            .ok_or_else(|| no_result(&CATEGORIES_TREE_GET))?;
        // The spec requires the root's id and name: a root without them (`"result": {}`) is
        // no tree, not an empty one.
        if root.id.get() == 0 && root.name.is_empty() && root.children.is_empty() {
            return Err(missing(
                &CATEGORIES_TREE_GET,
                "result.id",
                "the tree has no root",
            ));
        }
        Ok(root)
    }

    /// `POST /v2/category/{categoryId}/parameters` (`getCategoryContentParameters`): the
    /// parameters of a leaf category, with their types, units, allowed values and whether
    /// they are required. With `business`, the answer takes the business's settings into
    /// account. The category id must be above 0.
    pub async fn parameters(
        &self,
        category: impl Into<CategoryId>,
        business: Option<BusinessId>,
    ) -> Result<CategoryContentParameters> {
        let category = category.into();
        if category.get() <= 0 {
            return Err(Error::validation(
                format!("category {category}"),
                "a category id is above 0",
            ));
        }
        let mut request = CATEGORY_CONTENT_PARAMETERS_GET
            .request()
            .path_param("categoryId", category);
        if let Some(b) = business {
            if b.get() < 1 {
                return Err(Error::validation(
                    format!("business {b}"),
                    "a business id is at least 1",
                ));
            }
            request = request.query("businessId", b);
        }
        let response: CategoryContentParametersResponse =
            self.client.transport().json(request).await?;
        let parameters = response
            .result
            .ok_or_else(|| no_result(&CATEGORY_CONTENT_PARAMETERS_GET))?;
        // `categoryId` is required: without it the answer is not the category's parameters.
        if parameters.category_id.get() == 0 {
            return Err(missing(
                &CATEGORY_CONTENT_PARAMETERS_GET,
                "result.categoryId",
                "the answer names no category",
            ));
        }
        Ok(parameters)
    }
}
