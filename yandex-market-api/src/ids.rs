//! Yandex Market's identifiers, as newtypes.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

macro_rules! numeric_id {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        ///
        /// Read from a JSON number or a string; written as a number.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
        pub struct $name(pub i64);

        impl $name {
            /// The number.
            pub fn get(self) -> i64 {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                self.0.fmt(f)
            }
        }

        impl From<i64> for $name {
            fn from(v: i64) -> Self {
                Self(v)
            }
        }

        impl std::str::FromStr for $name {
            type Err = std::num::ParseIntError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                s.trim().parse().map(Self)
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_i64(self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                market_core::wire::de::int64(d).map(Self)
            }
        }
    };
}

numeric_id!(
    /// A business (`businessId`): the seller's cabinet, owner of the catalogue and prices.
    BusinessId
);
numeric_id!(
    /// A campaign (`campaignId`): one shop of a business on one delivery model (FBS, DBS, FBY, Express).
    CampaignId
);
numeric_id!(
    /// An order (`orderId`).
    OrderId
);
numeric_id!(
    /// A return (`returnId`).
    ReturnId
);
numeric_id!(
    /// A warehouse (`warehouseId`): the seller's own (FBS/DBS) or Yandex Market's (FBY).
    WarehouseId
);
numeric_id!(
    /// A Yandex Market category (`categoryId`).
    CategoryId
);
numeric_id!(
    /// A shipment of an order (`shipmentId`).
    ShipmentId
);
numeric_id!(
    /// A box of a shipment (`boxId`).
    BoxId
);
numeric_id!(
    /// A line of an order (`id` of an order item).
    OrderItemId
);
numeric_id!(
    /// Yandex Market's card of a product (`marketSku`).
    MarketSku
);
numeric_id!(
    /// A category parameter (characteristic) (`parameterId`).
    ParameterId
);
