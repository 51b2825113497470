//! Wire types of the categories section: the description category tree, the attributes of a
//! category and product type, and the dictionary values of an attribute.

use serde::{Deserialize, Serialize};

use crate::ids::{AttributeId, DescriptionCategoryId, DictionaryValueId, TypeId};

market_core::wire_enum! {
    /// The language of names in an answer (schema `languageLanguage`); Ozon answers in Russian
    /// by default.
    pub enum Language {
        /// Ozon's default (Russian).
        Default = "DEFAULT",
        /// Russian.
        Ru = "RU",
        /// English.
        En = "EN",
        /// Turkish.
        Tr = "TR",
        /// Simplified Chinese.
        ZhHans = "ZH_HANS",
    }
}

/// `POST /v1/description-category/tree` request (schema `v1GetTreeRequest`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct GetTreeRequest {
    /// The language of the names; Ozon's default when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Language>,
}

/// `POST /v1/description-category/tree` response (schema `v1GetTreeResponse`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct GetTreeResponse {
    /// The top-level categories (required: a 200 without it is a decode error).
    pub result: Vec<CategoryTreeNode>,
}

/// A node of the category tree: a category, or a product type at the leaves (schema
/// `v1GetTreeResponseItem`).
///
/// Category nodes carry `description_category_id` and `category_name`; product type nodes carry
/// `type_id` and `type_name`. A card is created with a product type and the id of the category
/// directly above it (see [`CategoryTreeNode::product_types`]).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CategoryTreeNode {
    /// The category name (category nodes).
    #[serde(default)]
    pub category_name: String,
    /// Sub-categories or product types.
    #[serde(default)]
    pub children: Vec<CategoryTreeNode>,
    /// The category id (category nodes).
    #[serde(default)]
    pub description_category_id: Option<DescriptionCategoryId>,
    /// True when no products can be created here.
    #[serde(default)]
    pub disabled: bool,
    /// The product type id (type nodes).
    #[serde(default)]
    pub type_id: Option<TypeId>,
    /// The product type name (type nodes).
    #[serde(default)]
    pub type_name: String,
}

/// A product type with the category it belongs to: what `/v3/product/import` needs.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ProductTypeRef {
    /// The category directly above the type.
    pub description_category_id: DescriptionCategoryId,
    /// The category name.
    pub category_name: String,
    /// The product type.
    pub type_id: TypeId,
    /// The product type name.
    pub type_name: String,
    /// True when the type or its category is disabled for new products.
    pub disabled: bool,
}

impl CategoryTreeNode {
    /// Every product type below this node (the node included), each with its nearest category.
    pub fn product_types(&self) -> Vec<ProductTypeRef> {
        let mut out = Vec::new();
        self.collect_types(None, false, &mut out);
        out
    }

    fn collect_types(
        &self,
        parent: Option<(DescriptionCategoryId, &str)>,
        parent_disabled: bool,
        out: &mut Vec<ProductTypeRef>,
    ) {
        let disabled = parent_disabled || self.disabled;
        if let (Some(type_id), Some((category, name))) = (self.type_id, parent) {
            out.push(ProductTypeRef {
                description_category_id: category,
                category_name: name.to_owned(),
                type_id,
                type_name: self.type_name.clone(),
                disabled,
            });
        }
        let here = match self.description_category_id {
            Some(id) => Some((id, self.category_name.as_str())),
            None => parent,
        };
        for child in &self.children {
            child.collect_types(here, disabled, out);
        }
    }
}

/// Every product type of a tree (see [`CategoryTreeNode::product_types`]).
pub fn product_types(tree: &[CategoryTreeNode]) -> Vec<ProductTypeRef> {
    tree.iter()
        .flat_map(CategoryTreeNode::product_types)
        .collect()
}

/// `POST /v1/description-category/attribute` request (schema `v1GetAttributesRequest`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct GetAttributesRequest {
    /// Ozon's category id, as `/v1/description-category/tree` gives it.
    pub description_category_id: DescriptionCategoryId,
    /// The language of the names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Language>,
    /// The product type.
    pub type_id: TypeId,
}

impl GetAttributesRequest {
    /// The attributes of a product type in a category, in Ozon's default language.
    pub fn new(
        description_category_id: impl Into<DescriptionCategoryId>,
        type_id: impl Into<TypeId>,
    ) -> Self {
        Self {
            description_category_id: description_category_id.into(),
            language: None,
            type_id: type_id.into(),
        }
    }

    /// Sets the language.
    pub fn with_language(mut self, language: Language) -> Self {
        self.language = Some(language);
        self
    }
}

/// `POST /v1/description-category/attribute` response (schema `v1GetAttributesResponse`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct GetAttributesResponse {
    /// The attributes (required: a 200 without it is a decode error).
    pub result: Vec<CategoryAttribute>,
}

/// One attribute (characteristic) of a category and type (schema
/// `v1GetAttributesResponseAttribute`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CategoryAttribute {
    /// The complex attribute this one is nested in; 0 when none.
    #[serde(default)]
    pub attribute_complex_id: i64,
    /// True when the dictionary values differ per category.
    #[serde(default)]
    pub category_dependent: bool,
    /// True when the complex attribute takes several sets of values.
    #[serde(default)]
    pub complex_is_collection: bool,
    /// What the attribute means, in Ozon's words.
    #[serde(default)]
    pub description: String,
    /// The dictionary of values; 0 when the value is free text.
    #[serde(default)]
    pub dictionary_id: i64,
    /// The attribute group id.
    #[serde(default)]
    pub group_id: i64,
    /// The attribute group name.
    #[serde(default)]
    pub group_name: String,
    /// The attribute id.
    #[serde(default)]
    pub id: AttributeId,
    /// True for an aspect (differs between the products of one model, e.g. colour or size).
    #[serde(default)]
    pub is_aspect: bool,
    /// True when the attribute takes several values.
    #[serde(default)]
    pub is_collection: bool,
    /// True when a card must fill it.
    #[serde(default)]
    pub is_required: bool,
    /// The most values the attribute takes (0 when not stated).
    #[serde(default)]
    pub max_value_count: i64,
    /// The name.
    #[serde(default)]
    pub name: String,
    /// The value type as Ozon names it (the example says `string`).
    #[serde(default, rename = "type")]
    pub kind: String,
}

impl CategoryAttribute {
    /// True when values come from a dictionary (see `/v1/description-category/attribute/values`).
    pub fn has_dictionary(&self) -> bool {
        self.dictionary_id != 0
    }
}

/// `POST /v1/description-category/attribute/values` request (schema
/// `v1GetAttributeValuesRequest`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct GetAttributeValuesRequest {
    /// The attribute's id, as `/v1/description-category/attribute` gives it.
    pub attribute_id: AttributeId,
    /// Ozon's category id, as `/v1/description-category/tree` gives it.
    pub description_category_id: DescriptionCategoryId,
    /// The language of the values.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Language>,
    /// The page starts after this value; absent for the first page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_value_id: Option<DictionaryValueId>,
    /// Values a page, 1 to [`crate::api::categories::ATTRIBUTE_VALUES_PAGE_MAX`].
    pub limit: i64,
    /// The product type.
    pub type_id: TypeId,
}

impl GetAttributeValuesRequest {
    /// The first page, of the largest size, of an attribute's dictionary.
    pub fn new(
        description_category_id: impl Into<DescriptionCategoryId>,
        type_id: impl Into<TypeId>,
        attribute_id: impl Into<AttributeId>,
    ) -> Self {
        Self {
            attribute_id: attribute_id.into(),
            description_category_id: description_category_id.into(),
            language: None,
            last_value_id: None,
            limit: crate::api::categories::ATTRIBUTE_VALUES_PAGE_MAX,
            type_id: type_id.into(),
        }
    }

    /// Sets the language.
    pub fn with_language(mut self, language: Language) -> Self {
        self.language = Some(language);
        self
    }

    /// Sets the page size.
    pub fn with_limit(mut self, limit: i64) -> Self {
        self.limit = limit;
        self
    }
}

/// `POST /v1/description-category/attribute/values` response (schema
/// `v1GetAttributeValuesResponse`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct GetAttributeValuesResponse {
    /// True when more values follow.
    #[serde(default)]
    pub has_next: bool,
    /// The values (required: a 200 without the page is a decode error, not a last page).
    pub result: Vec<AttributeValue>,
}

/// A dictionary value of an attribute (schema `v1GetAttributeValuesResponseDictionaryValue`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct AttributeValue {
    /// The value id (`dictionary_value_id` in a card).
    #[serde(default)]
    pub id: DictionaryValueId,
    /// An additional description.
    #[serde(default)]
    pub info: String,
    /// A picture URL.
    #[serde(default)]
    pub picture: String,
    /// The value of the product attribute.
    #[serde(default)]
    pub value: String,
}

/// `POST /v1/description-category/attribute/values/search` request (schema
/// `v1SearchAttributeValuesRequest`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct SearchAttributeValuesRequest {
    /// The attribute's id, as `/v1/description-category/attribute` gives it.
    pub attribute_id: AttributeId,
    /// Ozon's category id, as `/v1/description-category/tree` gives it.
    pub description_category_id: DescriptionCategoryId,
    /// Values to return, 1 to [`crate::api::categories::ATTRIBUTE_VALUES_SEARCH_MAX`].
    pub limit: i64,
    /// The product type.
    pub type_id: TypeId,
    /// The text to look for, at least 2 characters.
    pub value: String,
}

impl SearchAttributeValuesRequest {
    /// A search of an attribute's dictionary for `value`, with the largest limit.
    pub fn new(
        description_category_id: impl Into<DescriptionCategoryId>,
        type_id: impl Into<TypeId>,
        attribute_id: impl Into<AttributeId>,
        value: impl Into<String>,
    ) -> Self {
        Self {
            attribute_id: attribute_id.into(),
            description_category_id: description_category_id.into(),
            limit: crate::api::categories::ATTRIBUTE_VALUES_SEARCH_MAX,
            type_id: type_id.into(),
            value: value.into(),
        }
    }
}

/// `POST /v1/description-category/attribute/values/search` response (schema
/// `v1SearchAttributeValuesResponse`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct SearchAttributeValuesResponse {
    /// The values found (required: a 200 without it is a decode error).
    pub result: Vec<SearchAttributeValue>,
}

/// A dictionary value found (schema `SearchAttributeValuesResponseValue`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct SearchAttributeValue {
    /// The value id (`dictionary_value_id` in a card).
    #[serde(default)]
    pub id: DictionaryValueId,
    /// An additional description.
    #[serde(default)]
    pub info: String,
    /// A picture URL.
    #[serde(default)]
    pub picture: String,
    /// The value of the product attribute.
    #[serde(default)]
    pub value: String,
}
