//! Wire types shared by several sections: the marketplace API's error body (stocks, orders,
//! supplies, warehouses), the cargo type of orders and supplies, and the label file format of
//! stickers and supply QR codes.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The marketplace API's error body (schema `Error`): the 409 answer of
/// `DELETE /api/v3/stocks/{warehouseId}`, and the 400/403/404 answers of the stock methods.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ErrorBody {
    /// WB's error code (`StoreIsProcessing`, `NotFound`...).
    #[serde(default)]
    pub code: String,
    /// WB's description of the error.
    #[serde(default)]
    pub message: String,
    /// Further data (a free-form object), if any.
    #[serde(default)]
    pub data: Option<serde_json::Value>,
}

/// The cargo (dimension) type of an order or a supply (`cargoType`, an integer on the wire).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum CargoType {
    /// `0`: not set yet (an empty supply takes the type of its first order).
    #[default]
    Unset,
    /// `1`: small-sized goods (MGT).
    Small,
    /// `2`: oversized goods (SGT).
    Oversized,
    /// `3`: large-sized goods (KGT+).
    Large,
    /// A code this version of the library does not know.
    Unknown(i64),
}

impl CargoType {
    /// Every known wire code.
    pub const KNOWN: &'static [i64] = &[0, 1, 2, 3];

    /// The wire code.
    pub fn code(self) -> i64 {
        match self {
            Self::Unset => 0,
            Self::Small => 1,
            Self::Oversized => 2,
            Self::Large => 3,
            Self::Unknown(c) => c,
        }
    }

    /// Reads a wire code; unknown codes become `Unknown`.
    pub fn from_code(code: i64) -> Self {
        match code {
            0 => Self::Unset,
            1 => Self::Small,
            2 => Self::Oversized,
            3 => Self::Large,
            other => Self::Unknown(other),
        }
    }
}

impl Serialize for CargoType {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_i64(self.code())
    }
}

impl<'de> Deserialize<'de> for CargoType {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let code = market_core::wire::de::int64(d)?;
        let parsed = Self::from_code(code);
        if market_core::wire::STRICT && matches!(parsed, Self::Unknown(_)) {
            return Err(serde::de::Error::custom(format!(
                "unknown cargoType {code}, expected one of {:?}",
                Self::KNOWN
            )));
        }
        Ok(parsed)
    }
}

market_core::wire_enum! {
    /// The file format of a sticker or a supply QR code (`type` query parameter).
    pub enum StickerType {
        /// SVG.
        Svg = "svg",
        /// ZPL, vertical.
        Zplv = "zplv",
        /// ZPL, horizontal.
        Zplh = "zplh",
        /// PNG.
        Png = "png",
    }
}
