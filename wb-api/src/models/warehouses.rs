//! Wire types of the warehouses section: WB's offices and the seller's own warehouses.

use serde::{Deserialize, Serialize};

use crate::ids::{OfficeId, WarehouseId};

/// Declares an integer enum of WB's wire format that keeps unknown values (`Unknown(i64)`)
/// and rejects them under the `strict` feature, like [`market_core::wire_enum!`] for strings.
macro_rules! int_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value this version of the library does not know, kept verbatim.
            Unknown(i64),
        }

        impl $name {
            /// Every known wire value.
            pub const KNOWN: &'static [i64] = &[$($wire),+];

            /// The value as WB sends it.
            pub fn code(self) -> i64 {
                match self {
                    $( Self::$variant => $wire, )+
                    Self::Unknown(v) => v,
                }
            }

            /// Parses a wire value; unknown values become `Unknown`.
            pub fn from_code(value: i64) -> Self {
                match value {
                    $( $wire => Self::$variant, )+
                    other => Self::Unknown(other),
                }
            }
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_i64(self.code())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let value = market_core::wire::de::int64(d)?;
                let parsed = Self::from_code(value);
                if market_core::wire::STRICT && matches!(parsed, Self::Unknown(_)) {
                    return Err(<D::Error as serde::de::Error>::custom(format!(
                        "unknown {} value {value}, expected one of {:?}",
                        stringify!($name),
                        Self::KNOWN
                    )));
                }
                Ok(parsed)
            }
        }
    };
}

int_enum! {
    /// The kind of goods a warehouse takes (`cargoType` of schemas `Office` and `Warehouse`).
    pub enum CargoType {
        /// Small-sized goods (MGT).
        Small = 1,
        /// Oversized goods (SGT).
        Oversized = 2,
        /// Large-sized goods (KGT+).
        Large = 3,
    }
}

int_enum! {
    /// The delivery model a warehouse serves (`deliveryType` of schemas `Office` and
    /// `Warehouse`).
    pub enum DeliveryType {
        /// Delivery to a WB warehouse (FBS).
        Fbs = 1,
        /// Delivery by the seller (DBS).
        Dbs = 2,
        /// Delivery by a WB courier (DBW).
        Dbw = 3,
        /// Pickup from the store (C&C).
        ClickAndCollect = 5,
        /// Express delivery by the seller (EDBS).
        ExpressDbs = 6,
    }
}

/// `GET /api/v3/offices` item: a WB office a seller warehouse can be bound to (schema `Office`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Office {
    /// The postal address as one line, e.g. `ул. Троицкая, Подольск, Московская обл.`; empty
    /// when WB leaves it out.
    #[serde(default)]
    pub address: String,
    /// What WB calls the office (`Коледино` in WB's example).
    #[serde(default)]
    pub name: String,
    /// The city WB files the office under (`Москва` in WB's example, whose address is in
    /// Podolsk).
    #[serde(default)]
    pub city: String,
    /// The office id (what a seller warehouse's `officeId` names).
    #[serde(default)]
    pub id: OfficeId,
    /// Degrees east; 0 when WB leaves it out. WB's own example has the two coordinates
    /// swapped (`longitude: 55.38` for Podolsk), so check them before plotting.
    #[serde(default)]
    pub longitude: f64,
    /// Degrees north; 0 when WB leaves it out (see [`Office::longitude`]).
    #[serde(default)]
    pub latitude: f64,
    /// The kind of goods the office takes.
    #[serde(rename = "cargoType", default)]
    pub cargo_type: Option<CargoType>,
    /// The delivery model the office serves.
    #[serde(rename = "deliveryType", default)]
    pub delivery_type: Option<DeliveryType>,
    /// The federal district; `None` outside Russia or when WB does not say.
    #[serde(rename = "federalDistrict", default)]
    pub federal_district: Option<String>,
    /// True when the seller already uses this office for one of its warehouses.
    #[serde(default)]
    pub selected: bool,
}

/// `GET /api/v3/warehouses` item: a seller warehouse (schema `Warehouse`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Warehouse {
    /// The name the seller gave the warehouse (at most
    /// [`WAREHOUSE_NAME_MAX`](crate::api::warehouses::WAREHOUSE_NAME_MAX) characters).
    #[serde(default)]
    pub name: String,
    /// The WB office the warehouse is bound to.
    #[serde(rename = "officeId", default)]
    pub office_id: OfficeId,
    /// The seller warehouse id (what the stock methods take).
    #[serde(default)]
    pub id: WarehouseId,
    /// The kind of goods the warehouse takes.
    #[serde(rename = "cargoType", default)]
    pub cargo_type: Option<CargoType>,
    /// The delivery model the warehouse serves.
    #[serde(rename = "deliveryType", default)]
    pub delivery_type: Option<DeliveryType>,
    /// True while WB deletes the warehouse; it then leaves the list.
    #[serde(rename = "isDeleting", default)]
    pub is_deleting: bool,
    /// True while WB updates the warehouse's data; stocks cannot be updated or deleted then.
    #[serde(rename = "isProcessing", default)]
    pub is_processing: bool,
}

/// `POST /api/v3/warehouses` and `PUT /api/v3/warehouses/{warehouseId}` request (inline
/// schema of both).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct WarehouseRequest {
    /// The warehouse name, 1 to 200 characters.
    pub name: String,
    /// The WB office to bind the warehouse to (one no other seller warehouse uses).
    #[serde(rename = "officeId")]
    pub office_id: OfficeId,
}

impl WarehouseRequest {
    /// A warehouse named `name` bound to `office_id`.
    pub fn new(name: impl Into<String>, office_id: impl Into<OfficeId>) -> Self {
        Self {
            name: name.into(),
            office_id: office_id.into(),
        }
    }
}

/// `POST /api/v3/warehouses` response (inline schema of the 201 answer).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CreateWarehouseResponse {
    /// The new seller warehouse's id.
    #[serde(default)]
    pub id: WarehouseId,
}
