//! Models of the warehouses section: the business's own warehouses (FBS, DBS, Express) and
//! Yandex Market's fulfilment (FBY) warehouses.

use serde::{Deserialize, Serialize};

use crate::ids::{CampaignId, WarehouseId};
pub use crate::models::common::Gps;
use crate::models::common::{ApiStatus, Pager};

market_core::wire_enum! {
    /// What to add to each warehouse of the answer (schema `WarehouseComponentType`).
    pub enum WarehouseComponent {
        /// The address.
        Address = "ADDRESS",
        /// The status.
        Status = "STATUS",
    }
}

market_core::wire_enum! {
    /// A warehouse's status (schema `WarehouseStatusType`).
    pub enum WarehouseStatusType {
        /// Switched off by the seller.
        DisabledManually = "DISABLED_MANUALLY",
        /// Anything else (on, or switched off by Yandex Market).
        Other = "OTHER",
    }
}

/// Request of `getPagedWarehouses` (schema `GetPagedWarehousesRequest`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct PagedWarehousesRequest {
    /// Only the warehouses of these shops (at most
    /// [`crate::api::warehouses::CAMPAIGN_IDS_MAX`] a request; more are split by
    /// `list_stream`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub campaign_ids: Option<Vec<CampaignId>>,
    /// What to add to each warehouse (address, status).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub components: Option<Vec<WarehouseComponent>>,
}

impl PagedWarehousesRequest {
    /// Only the warehouses of these shops.
    pub fn with_campaign_ids(mut self, ids: impl IntoIterator<Item = CampaignId>) -> Self {
        self.campaign_ids = Some(ids.into_iter().collect());
        self
    }

    /// Adds these parts to each warehouse.
    pub fn with_components(mut self, parts: impl IntoIterator<Item = WarehouseComponent>) -> Self {
        self.components = Some(parts.into_iter().collect());
        self
    }
}

/// Answer of `getPagedWarehouses` (schema `GetPagedWarehousesResponse`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct PagedWarehousesResponse {
    /// `OK` or `ERROR`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ApiStatus>,
    /// One page of warehouses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<PagedWarehouses>,
}

/// One page of the business's warehouses (schema `PagedWarehousesDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct PagedWarehouses {
    /// The warehouses (required: an answer without it is an error, not an empty page).
    pub warehouses: Vec<WarehouseDetails>,
    /// The next page's token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paging: Option<Pager>,
}

/// A warehouse of the business (schema `WarehouseDetailsDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct WarehouseDetails {
    /// The warehouse id.
    #[serde(default)]
    pub id: WarehouseId,
    /// The warehouse's name.
    #[serde(default)]
    pub name: String,
    /// The shop the warehouse is linked to.
    #[serde(default)]
    pub campaign_id: CampaignId,
    /// Whether Express delivery is possible from it.
    #[serde(default)]
    pub express: bool,
    /// The group of warehouses it belongs to (only for grouped warehouses).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group_info: Option<WarehouseGroupInfo>,
    /// The address (only when [`WarehouseComponent::Address`] was asked for).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<WarehouseAddress>,
    /// The status (only when [`WarehouseComponent::Status`] was asked for).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<WarehouseStatus>,
}

/// A group of warehouses sharing stocks (schema `WarehouseGroupInfoDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct WarehouseGroupInfo {
    /// The group's id.
    #[serde(default)]
    pub id: i64,
    /// The group's name.
    #[serde(default)]
    pub name: String,
}

/// A warehouse's status (schema `WarehouseStatusDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct WarehouseStatus {
    /// Whether the warehouse works; `None` when not sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<WarehouseStatusType>,
}

/// A warehouse's address (schema `WarehouseAddressDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct WarehouseAddress {
    /// City.
    #[serde(default)]
    pub city: String,
    /// Street; `None` when not sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
    /// The house number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Building (строение) number; `None` when not sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub building: Option<String>,
    /// Block (корпус) number; `None` when not sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub block: Option<String>,
    /// The coordinates.
    #[serde(default)]
    pub gps: Gps,
}

/// Answer of `getFulfillmentWarehouses` (schema `GetFulfillmentWarehousesResponse`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct FulfillmentWarehousesResponse {
    /// `OK` or `ERROR`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ApiStatus>,
    /// The warehouses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<FulfillmentWarehouses>,
}

/// Yandex Market's fulfilment warehouses (schema `FulfillmentWarehousesDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct FulfillmentWarehouses {
    /// The warehouses (required: an answer without it is an error, not an empty page).
    pub warehouses: Vec<FulfillmentWarehouse>,
}

/// A fulfilment (FBY) warehouse of Yandex Market (schema `FulfillmentWarehouseDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct FulfillmentWarehouse {
    /// The warehouse id.
    #[serde(default)]
    pub id: WarehouseId,
    /// The warehouse's name.
    #[serde(default)]
    pub name: String,
    /// The warehouse's address; `None` when not sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<WarehouseAddress>,
}
