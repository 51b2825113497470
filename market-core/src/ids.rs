//! Newtype identifiers of the seller's model.
//!
//! Every identifier is a string on the wire of at least one vendor (Ozon's `offer_id`, WB's
//! `vendorCode`, Yandex Market's `offerId`), so they are all string newtypes; the vendor crates
//! keep their own numeric newtypes (`NmId`, `Sku`, `PostingNumber`) at the wire level.

use std::fmt;

use serde::{Deserialize, Serialize};

macro_rules! string_id {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        #[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(String);

        impl $name {
            /// Wraps a value as this identifier (no validation; see [`Self::is_blank`]).
            pub fn new(value: impl Into<String>) -> Self {
                Self(value.into())
            }

            /// The identifier as the vendor spells it.
            pub fn as_str(&self) -> &str {
                &self.0
            }

            /// Consumes the identifier and returns its text.
            pub fn into_inner(self) -> String {
                self.0
            }

            /// True when the identifier is empty or only whitespace, which no vendor accepts.
            pub fn is_blank(&self) -> bool {
                self.0.trim().is_empty()
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({:?})", stringify!($name), self.0)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<String> for $name {
            fn from(value: String) -> Self {
                Self(value)
            }
        }

        impl From<&str> for $name {
            fn from(value: &str) -> Self {
                Self(value.to_owned())
            }
        }

        impl From<u64> for $name {
            fn from(value: u64) -> Self {
                Self(value.to_string())
            }
        }

        impl From<i64> for $name {
            fn from(value: i64) -> Self {
                Self(value.to_string())
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
    };
}

string_id!(
    /// The seller's own article of a product (Ozon `offer_id`, WB `vendorCode`, Yandex Market
    /// `offerId`, Megamarket `offerId`, RetailCRM offer `externalId`/`article`).
    OfferId
);
string_id!(
    /// The marketplace's own product identifier (Ozon `sku`/`product_id`, WB `nmID`, Yandex
    /// Market `marketSku`).
    Sku
);
string_id!(
    /// A warehouse identifier as the marketplace knows it (Ozon/WB `warehouse_id`, Yandex
    /// Market warehouse id, RetailCRM store code).
    WarehouseId
);
string_id!(
    /// An order identifier as the marketplace knows it (Ozon `posting_number`, WB order id,
    /// Yandex Market order id, Megamarket `shipmentId`, RetailCRM order id).
    OrderId
);
string_id!(
    /// A return (or claim) identifier as the marketplace knows it.
    ReturnId
);
string_id!(
    /// A category identifier as the marketplace knows it (Ozon `description_category_id` with
    /// `type_id`, WB `subjectID`, Yandex Market `marketCategoryId`).
    CategoryId
);
string_id!(
    /// An attribute (characteristic) identifier as the marketplace knows it.
    AttributeId
);
string_id!(
    /// A product barcode (EAN-13, EAN-8, UPC, or a marketplace-issued code).
    Barcode
);
string_id!(
    /// An asynchronous vendor task identifier, e.g. Ozon's product import `task_id`.
    TaskId
);
string_id!(
    /// The seller's own identifier of an object in their system (for instance the order id in
    /// the seller's ERP or RetailCRM), as stored by a [`crate::helpers::LinkStore`].
    LocalId
);

impl TaskId {
    /// A task that is a list of offers, for vendors that create cards asynchronously without
    /// a task id of their own (WB, Yandex Market): `prefix` followed by the offers as a JSON
    /// array. [`TaskId::offers`] reads it back.
    pub fn of_offers(prefix: &str, offers: &[String]) -> Self {
        let list = serde_json::to_string(offers).unwrap_or_else(|_| "[]".to_owned());
        Self::new(format!("{prefix}{list}"))
    }

    /// The offers of a task made by [`TaskId::of_offers`] with this prefix; `None` for any
    /// other task id.
    pub fn offers(&self, prefix: &str) -> Option<Vec<String>> {
        serde_json::from_str(self.as_str().strip_prefix(prefix)?).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_task_of_offers_reads_back_its_offers() {
        let offers = vec!["A-1".to_owned(), "B \"2\"".to_owned()];
        let task = TaskId::of_offers("ym-cards:", &offers);
        assert_eq!(task.offers("ym-cards:"), Some(offers));
        assert_eq!(task.offers("wb-cards:"), None);
        assert_eq!(TaskId::new("12345").offers("ym-cards:"), None);
        assert_eq!(TaskId::new("ym-cards:[1,").offers("ym-cards:"), None);
    }

    #[test]
    fn ids_round_trip_as_plain_strings() {
        let id = OfferId::from("ABC-1");
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"ABC-1\"");
        let back: OfferId = serde_json::from_str("\"ABC-1\"").unwrap();
        assert_eq!(back, id);
        assert_eq!(format!("{id:?}"), "OfferId(\"ABC-1\")");
        assert_eq!(id.to_string(), "ABC-1");
        assert!(OfferId::from("  ").is_blank());
        assert!(!id.is_blank());
        assert_eq!(Sku::from(123u64).as_str(), "123");
    }
}
