//! Models of the categories section: Yandex Market's category tree (`getCategoriesTree`) and
//! the content parameters (characteristics) of a leaf category
//! (`getCategoryContentParameters`).

use serde::{Deserialize, Serialize};

use crate::ids::{CategoryId, ParameterId};
use crate::models::common::ApiStatus;

market_core::wire_enum! {
    /// The language of category names (schema `LanguageType`).
    pub enum Language {
        /// Russian.
        Ru = "RU",
        /// English.
        En = "EN",
    }
}

/// Request of `getCategoriesTree` (schema `GetCategoriesRequest`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct CategoriesTreeRequest {
    /// The language of the category names; Russian when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<Language>,
}

/// Answer of `getCategoriesTree` (schema `GetCategoriesResponse`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct CategoriesTreeResponse {
    /// `OK` or `ERROR`.
    #[serde(default)]
    pub status: Option<ApiStatus>,
    /// The root of the tree.
    #[serde(default)]
    pub result: Option<Category>,
}

/// A category of the tree, with its children (schema `CategoryDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct Category {
    /// The category id.
    #[serde(default)]
    pub id: CategoryId,
    /// The category name.
    #[serde(default)]
    pub name: String,
    /// The child categories; empty for a leaf (the only kind offers may be placed in).
    #[serde(
        default,
        deserialize_with = "market_core::wire::de::nullable",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub children: Vec<Category>,
}

/// A leaf category with the names of the categories above it (not a vendor schema: the
/// result of [`Category::leaves`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LeafCategory {
    /// The category id.
    pub id: CategoryId,
    /// The category name.
    pub name: String,
    /// The names from the root down to this category's parent (the root's name first).
    pub path: Vec<String>,
}

impl LeafCategory {
    /// The path and the name joined with ` / ` (`Все товары / Электроника / Смартфоны`).
    pub fn full_name(&self) -> String {
        let mut parts: Vec<&str> = self.path.iter().map(String::as_str).collect();
        parts.push(&self.name);
        parts.join(" / ")
    }
}

impl Category {
    /// True when the category has no children (offers are placed in leaf categories only).
    pub fn is_leaf(&self) -> bool {
        self.children.is_empty()
    }

    /// Every leaf below (or equal to) this category, depth first in the tree's order, each
    /// with the names of its ancestors (walked iteratively, not recursively).
    pub fn leaves(&self) -> Vec<LeafCategory> {
        let mut out = Vec::new();
        // (category, depth); `names[..depth]` are its ancestors' names.
        let mut stack: Vec<(&Category, usize)> = vec![(self, 0)];
        let mut names: Vec<String> = Vec::new();
        while let Some((c, depth)) = stack.pop() {
            names.truncate(depth);
            if c.is_leaf() {
                out.push(LeafCategory {
                    id: c.id,
                    name: c.name.clone(),
                    path: names.clone(),
                });
                continue;
            }
            names.push(c.name.clone());
            for child in c.children.iter().rev() {
                stack.push((child, depth + 1));
            }
        }
        out
    }

    /// The category with this id in the subtree, if any.
    pub fn find(&self, id: CategoryId) -> Option<&Category> {
        let mut stack = vec![self];
        while let Some(c) = stack.pop() {
            if c.id == id {
                return Some(c);
            }
            stack.extend(c.children.iter());
        }
        None
    }
}

market_core::wire_enum! {
    /// The data type of a category parameter (schema `ParameterType`).
    pub enum ParameterType {
        /// Free text.
        Text = "TEXT",
        /// One of the listed values (or a custom one where allowed).
        Enum = "ENUM",
        /// `true` or `false`.
        Boolean = "BOOLEAN",
        /// A number.
        Numeric = "NUMERIC",
    }
}

market_core::wire_enum! {
    /// A recommendation for filling in an offer card (schema `OfferCardRecommendationType`).
    pub enum OfferCardRecommendationType {
        /// Add a video.
        HasVideo = "HAS_VIDEO",
        /// Name a brand Yandex Market recognises.
        RecognizedVendor = "RECOGNIZED_VENDOR",
        /// Fill in the main parameters.
        Main = "MAIN",
        /// Fill in the additional parameters.
        Additional = "ADDITIONAL",
        /// Fill in the parameters that tell variants apart.
        Distinctive = "DISTINCTIVE",
        /// Fill in the parameters used by filters.
        Filterable = "FILTERABLE",
        /// Add pictures.
        PictureCount = "PICTURE_COUNT",
        /// Add a description.
        HasDescription = "HAS_DESCRIPTION",
        /// Add a barcode.
        HasBarcode = "HAS_BARCODE",
        /// Use a larger first picture.
        FirstPictureSize = "FIRST_PICTURE_SIZE",
        /// Adjust the title's length.
        TitleLength = "TITLE_LENGTH",
        /// Adjust the description's length.
        DescriptionLength = "DESCRIPTION_LENGTH",
        /// Use larger pictures.
        AveragePictureSize = "AVERAGE_PICTURE_SIZE",
        /// Use a larger first video.
        FirstVideoSize = "FIRST_VIDEO_SIZE",
        /// Adjust the first video's length.
        FirstVideoLength = "FIRST_VIDEO_LENGTH",
        /// Use larger videos.
        AverageVideoSize = "AVERAGE_VIDEO_SIZE",
        /// Add videos.
        VideoCount = "VIDEO_COUNT",
    }
}

/// Answer of `getCategoryContentParameters` (schema `GetCategoryContentParametersResponse`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct CategoryContentParametersResponse {
    /// `OK` or `ERROR`.
    #[serde(default)]
    pub status: Option<ApiStatus>,
    /// The category's parameters.
    #[serde(default)]
    pub result: Option<CategoryContentParameters>,
}

/// The parameters of a leaf category (schema `CategoryContentParametersDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct CategoryContentParameters {
    /// The category.
    #[serde(default)]
    pub category_id: CategoryId,
    /// Its parameters (characteristics).
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub parameters: Vec<CategoryParameter>,
}

impl CategoryContentParameters {
    /// The parameters an offer of this category must fill in.
    pub fn required(&self) -> impl Iterator<Item = &CategoryParameter> {
        self.parameters.iter().filter(|p| p.required)
    }

    /// The parameter with this id, if the category has it.
    pub fn parameter(&self, id: ParameterId) -> Option<&CategoryParameter> {
        self.parameters.iter().find(|p| p.id == id)
    }
}

/// One parameter (characteristic) of a category (schema `CategoryParameterDTO`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct CategoryParameter {
    /// The parameter id (`parameterId` in offers' `parameterValues`).
    #[serde(default)]
    pub id: ParameterId,
    /// The parameter's name.
    #[serde(default)]
    pub name: Option<String>,
    /// The data type of its values.
    #[serde(rename = "type")]
    pub kind: ParameterType,
    /// Its units of measure, for measured values.
    #[serde(default)]
    pub unit: Option<ParameterUnits>,
    /// The parameter's description.
    #[serde(default)]
    pub description: Option<String>,
    /// The card-filling recommendations the parameter counts towards.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub recommendation_types: Vec<OfferCardRecommendationType>,
    /// Whether an offer of the category must fill it in.
    #[serde(default)]
    pub required: bool,
    /// Whether the storefront filters by it.
    #[serde(default)]
    pub filtering: bool,
    /// Whether it tells variants of a product apart.
    #[serde(default)]
    pub distinctive: bool,
    /// Whether it takes several values at once.
    #[serde(default)]
    pub multivalue: bool,
    /// Whether an `ENUM` parameter also takes values outside its list.
    #[serde(default)]
    pub allow_custom_values: bool,
    /// The allowed values of an `ENUM` parameter.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub values: Vec<ParameterValueOption>,
    /// Bounds of `TEXT` (length) and `NUMERIC` (range) values.
    #[serde(default)]
    pub constraints: Option<ParameterValueConstraints>,
    /// Values of an `ENUM` parameter allowed only with given values of other parameters.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub value_restrictions: Vec<ValueRestriction>,
}

impl CategoryParameter {
    /// The allowed value with this text (exact match), for `ENUM` parameters.
    pub fn value_named(&self, text: &str) -> Option<&ParameterValueOption> {
        self.values.iter().find(|v| v.value == text)
    }
}

/// The units of measure of a parameter (schema `CategoryParameterUnitDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct ParameterUnits {
    /// The unit used when a value names none.
    #[serde(default)]
    pub default_unit_id: i64,
    /// The units a value may be given in.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub units: Vec<Unit>,
}

/// A unit of measure (schema `UnitDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct Unit {
    /// The unit id (`unitId` of a parameter value).
    #[serde(default)]
    pub id: i64,
    /// The short name (`см`).
    #[serde(default)]
    pub name: String,
    /// The full name (`сантиметр`).
    #[serde(default)]
    pub full_name: String,
}

/// Bounds of parameter values (schema `ParameterValueConstraintsDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct ParameterValueConstraints {
    /// The least value of a `NUMERIC` parameter.
    #[serde(default)]
    pub min_value: Option<f64>,
    /// The greatest value of a `NUMERIC` parameter.
    #[serde(default)]
    pub max_value: Option<f64>,
    /// The longest value of a `TEXT` parameter, in characters.
    #[serde(default)]
    pub max_length: Option<i32>,
}

/// An allowed value of an `ENUM` parameter (schema `ParameterValueOptionDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct ParameterValueOption {
    /// The value id (`valueId` of a parameter value).
    #[serde(default)]
    pub id: i64,
    /// The value's text.
    #[serde(default)]
    pub value: String,
    /// The value's description.
    #[serde(default)]
    pub description: Option<String>,
}

/// Values of a parameter allowed only with values of another (schema `ValueRestrictionDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct ValueRestriction {
    /// The parameter whose value restricts this one.
    #[serde(default)]
    pub limiting_parameter_id: ParameterId,
    /// For each value of the limiting parameter, the values allowed here.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub limited_values: Vec<OptionValuesLimited>,
}

/// The values allowed with one value of a limiting parameter (schema
/// `OptionValuesLimitedDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OptionValuesLimited {
    /// The value id of the limiting parameter.
    #[serde(default)]
    pub limiting_option_value_id: i64,
    /// The value ids allowed here with it.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub option_value_ids: Vec<i64>,
}
