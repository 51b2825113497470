//! Categories: the description category tree, the attributes of a category and product type,
//! and the dictionary values of an attribute — what a card needs to be filled correctly.

use futures::stream::BoxStream;
use market_core::paginate::{Page, paginate};
use market_core::transport::Operation;
use market_core::{Error, Result};

use crate::Client;
use crate::ids::DictionaryValueId;
use crate::models::categories::*;

/// The largest page of `/v1/description-category/attribute/values`.
pub const ATTRIBUTE_VALUES_PAGE_MAX: i64 = 2000;
/// The most values `/v1/description-category/attribute/values/search` returns.
pub const ATTRIBUTE_VALUES_SEARCH_MAX: i64 = 100;
/// The shortest text `/v1/description-category/attribute/values/search` looks for, in
/// characters.
pub const ATTRIBUTE_VALUES_SEARCH_MIN_CHARS: usize = 2;

/// `POST /v1/description-category/tree`.
pub static CATEGORY_TREE: Operation =
    Operation::post("category_tree", "/v1/description-category/tree");
/// `POST /v1/description-category/attribute`.
pub static CATEGORY_ATTRIBUTES: Operation =
    Operation::post("category_attributes", "/v1/description-category/attribute");
/// `POST /v1/description-category/attribute/values`.
pub static ATTRIBUTE_VALUES: Operation = Operation::post(
    "attribute_values",
    "/v1/description-category/attribute/values",
);
/// `POST /v1/description-category/attribute/values/search`.
pub static ATTRIBUTE_VALUES_SEARCH: Operation = Operation::post(
    "attribute_values_search",
    "/v1/description-category/attribute/values/search",
);

/// The categories section: `client.categories()`.
#[derive(Debug, Clone, Copy)]
pub struct CategoriesApi<'a> {
    client: &'a Client,
}

impl Client {
    /// Categories, product types, attributes and their dictionary values.
    pub fn categories(&self) -> CategoriesApi<'_> {
        CategoriesApi { client: self }
    }
}

fn check_ids(category: i64, type_id: i64, attribute: Option<i64>) -> Result<()> {
    if category <= 0 {
        return Err(Error::invalid(format!(
            "description_category_id {category} is not a valid category"
        )));
    }
    if type_id <= 0 {
        return Err(Error::invalid(format!(
            "type_id {type_id} is not a valid type"
        )));
    }
    if let Some(a) = attribute
        && a <= 0
    {
        return Err(Error::invalid(format!(
            "attribute_id {a} is not a valid attribute"
        )));
    }
    Ok(())
}

impl<'a> CategoriesApi<'a> {
    /// `POST /v1/description-category/tree`: the whole tree of categories and product types.
    ///
    /// Cards are created only with product types (the leaves); see
    /// [`product_types`] for the flat list.
    pub async fn tree(&self, language: Option<Language>) -> Result<Vec<CategoryTreeNode>> {
        let request = GetTreeRequest { language };
        let response: GetTreeResponse = self
            .client
            .transport
            .json(CATEGORY_TREE.request().json(&request)?)
            .await?;
        Ok(response.result)
    }

    /// `POST /v1/description-category/attribute`: the attributes of a product type in a
    /// category (which are required, which take dictionary values, ...).
    pub async fn attributes(
        &self,
        request: &GetAttributesRequest,
    ) -> Result<Vec<CategoryAttribute>> {
        check_ids(request.description_category_id.0, request.type_id.0, None)?;
        let response: GetAttributesResponse = self
            .client
            .transport
            .json(CATEGORY_ATTRIBUTES.request().json(request)?)
            .await?;
        Ok(response.result)
    }

    /// `POST /v1/description-category/attribute/values`: one page of an attribute's
    /// dictionary.
    pub async fn attribute_values(
        &self,
        request: &GetAttributeValuesRequest,
    ) -> Result<GetAttributeValuesResponse> {
        check_ids(
            request.description_category_id.0,
            request.type_id.0,
            Some(request.attribute_id.0),
        )?;
        crate::api::check_limit(request.limit, ATTRIBUTE_VALUES_PAGE_MAX)?;
        if let Some(last) = request.last_value_id
            && last.0 < 0
        {
            return Err(Error::invalid(format!("last_value_id {last} is negative")));
        }
        self.client
            .transport
            .json(ATTRIBUTE_VALUES.request().json(request)?)
            .await
    }

    /// Every value of an attribute's dictionary from `request`'s page on, page by page
    /// (`last_value_id` paging: each page starts after the last value of the one before, until
    /// Ozon says `has_next: false`).
    pub fn attribute_values_stream(
        &self,
        request: GetAttributeValuesRequest,
    ) -> BoxStream<'a, Result<AttributeValue>> {
        let api = *self;
        paginate(
            request.last_value_id,
            move |last: Option<DictionaryValueId>| {
                let page_request = GetAttributeValuesRequest {
                    last_value_id: last,
                    ..request.clone()
                };
                async move {
                    let page = api.attribute_values(&page_request).await?;
                    let next = page.result.last().map(|v| v.id);
                    let page = match next {
                        Some(id) if page.has_next => Page::more(page.result, Some(id)),
                        _ => Page::last(page.result),
                    };
                    Ok(page.signed_by(|v: &AttributeValue| v.id.0))
                }
            },
        )
    }

    /// `POST /v1/description-category/attribute/values/search`: dictionary values of an
    /// attribute matching a text (at least 2 characters; at most 100 values).
    pub async fn search_attribute_values(
        &self,
        request: &SearchAttributeValuesRequest,
    ) -> Result<Vec<SearchAttributeValue>> {
        check_ids(
            request.description_category_id.0,
            request.type_id.0,
            Some(request.attribute_id.0),
        )?;
        crate::api::check_limit(request.limit, ATTRIBUTE_VALUES_SEARCH_MAX)?;
        if request.value.trim().chars().count() < ATTRIBUTE_VALUES_SEARCH_MIN_CHARS {
            return Err(Error::invalid(format!(
                "search text {:?} is shorter than {ATTRIBUTE_VALUES_SEARCH_MIN_CHARS} characters",
                request.value
            )));
        }
        let response: SearchAttributeValuesResponse = self
            .client
            .transport
            .json(ATTRIBUTE_VALUES_SEARCH.request().json(request)?)
            .await?;
        Ok(response.result)
    }
}
