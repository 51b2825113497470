//! Ozon's identifiers, as newtypes.

use std::fmt;

use serde::{Deserialize, Serialize};

use market_core::numeric_id;

numeric_id!(
    /// Ozon's product id (`product_id`), one per seller article.
    ProductId
);
numeric_id!(
    /// Ozon's SKU (`sku`), the product as buyers see it.
    Sku
);
numeric_id!(
    /// A warehouse id (`warehouse_id`).
    WarehouseId
);
numeric_id!(
    /// A delivery method id (`delivery_method_id`).
    DeliveryMethodId
);
numeric_id!(
    /// A description category id (`description_category_id`).
    DescriptionCategoryId
);
numeric_id!(
    /// A product type id (`type_id`) within a description category.
    TypeId
);
numeric_id!(
    /// A characteristic (attribute) id.
    AttributeId
);
numeric_id!(
    /// A dictionary value id of an attribute.
    DictionaryValueId
);
numeric_id!(
    /// A product import task id (`task_id`).
    ImportTaskId
);

/// A posting number (`posting_number`): one shipment of an order, e.g. `"57195475-0050-3"`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PostingNumber(pub String);

impl PostingNumber {
    /// Wraps a posting number.
    pub fn new(s: impl Into<String>) -> Self {
        Self(s.into())
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PostingNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for PostingNumber {
    fn from(s: &str) -> Self {
        Self(s.to_owned())
    }
}

impl From<String> for PostingNumber {
    fn from(s: String) -> Self {
        Self(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_read_numbers_and_strings() {
        let a: WarehouseId = serde_json::from_str("22142605386000").unwrap();
        let b: WarehouseId = serde_json::from_str("\"22142605386000\"").unwrap();
        assert_eq!(a, b);
        assert_eq!(serde_json::to_string(&a).unwrap(), "22142605386000");
        assert!(serde_json::from_str::<Sku>("\"abc\"").is_err());
    }
}
