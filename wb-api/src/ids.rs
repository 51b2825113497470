//! Wildberries' identifiers, as newtypes.

use std::fmt;

use serde::{Deserialize, Serialize};

use market_core::numeric_id;

numeric_id!(
    /// WB's article (`nmID`): one product card variant as buyers see it.
    NmId
);
numeric_id!(
    /// A size of a card (`chrtID`).
    ChrtId
);
numeric_id!(
    /// A subject (WB's category, `subjectID`).
    SubjectId
);
numeric_id!(
    /// A seller warehouse (`warehouseId`).
    WarehouseId
);
numeric_id!(
    /// A WB office (`officeId`).
    OfficeId
);
numeric_id!(
    /// An FBS assembly task, which is what WB calls an order (`id` / `orderId`).
    OrderId
);
numeric_id!(
    /// A characteristic of a subject (`charcID`).
    CharcId
);
numeric_id!(
    /// A price upload task (`uploadID`).
    UploadId
);

/// A supply (`supplyId`), e.g. `"WB-GI-1234567"`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SupplyId(pub String);

impl SupplyId {
    /// Wraps a supply id.
    pub fn new(s: impl Into<String>) -> Self {
        Self(s.into())
    }

    /// The text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for SupplyId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for SupplyId {
    fn from(s: &str) -> Self {
        Self(s.to_owned())
    }
}

impl From<String> for SupplyId {
    fn from(s: String) -> Self {
        Self(s)
    }
}
