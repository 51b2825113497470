//! Identifier newtypes of the Megamarket merchant API.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize};

market_core::numeric_id!(
    /// The seller's merchant id (`merchantId` of an `order/new` push; the first part of a box
    /// code `<merchantId>*<orderCode>*<n>`).
    MerchantId
);

/// A shipment (отправление) id: what Megamarket calls an order on the seller's side
/// (`shipmentId`). Sent as a string; read from a string or a number.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
#[serde(transparent)]
pub struct ShipmentId(pub String);

impl ShipmentId {
    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ShipmentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for ShipmentId {
    fn from(s: &str) -> Self {
        Self(s.to_owned())
    }
}

impl From<String> for ShipmentId {
    fn from(s: String) -> Self {
        Self(s)
    }
}

impl<'de> Deserialize<'de> for ShipmentId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        market_core::wire::de::string_or_number(d).map(Self)
    }
}

/// The code of one box (грузовое место) of a shipment: `<merchantId>*<orderCode>*<n>`, `n`
/// counting boxes from 1 (the rule the public integrations follow; see `spec/SOURCE.md`).
///
/// ```
/// use megamarket_api::ids::box_code;
/// use megamarket_api::MerchantId;
/// assert_eq!(box_code(MerchantId(12345), "900000000001", 2), "12345*900000000001*2");
/// ```
pub fn box_code(merchant: MerchantId, order_code: &str, n: u32) -> String {
    format!("{merchant}*{order_code}*{n}")
}
