//! Models of the campaigns section: the shops (campaigns) of a business, their settings, and
//! the business's settings. [`CurrencyType`] and [`RegionType`] are shared with other sections:
//! they live in [`crate::models::common`] and are re-exported here. `DD-MM-YYYY` dates are read
//! and written by [`market_core::wire::dd_mm_yyyy`].

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::ids::{BusinessId, CampaignId};
use crate::models::common::{ApiStatus, Pager};
pub use crate::models::common::{CurrencyType, RegionType};
use market_core::wire::dd_mm_yyyy;

market_core::wire_enum! {
    /// The model a campaign works by (schema `PlacementType`).
    pub enum PlacementType {
        /// FBS: the seller stores and ships; Express shops are FBS too.
        Fbs = "FBS",
        /// FBY: Yandex Market stores and ships.
        Fby = "FBY",
        /// DBS: the seller stores and delivers.
        Dbs = "DBS",
        /// LaaS: logistics as a service.
        Laas = "LAAS",
    }
}

market_core::wire_enum! {
    /// Whether a campaign may use the API (schema `ApiAvailabilityStatusType`).
    pub enum ApiAvailabilityStatus {
        /// The API is available.
        Available = "AVAILABLE",
        /// Off: the shop has shown no offers for a long time.
        DisabledByInactivity = "DISABLED_BY_INACTIVITY",
        /// Off: no active contract with Yandex Market.
        DisabledByNoActiveContract = "DISABLED_BY_NO_ACTIVE_CONTRACT",
        /// Off: the integration was switched off by hand.
        ManuallyDisabled = "MANUALLY_DISABLED",
        /// Off: the shop has no placement model.
        DisabledByNoPlacementType = "DISABLED_BY_NO_PLACEMENT_TYPE",
    }
}

market_core::wire_enum! {
    /// Where a shop's delivery settings come from (schema `CampaignSettingsScheduleSourceType`).
    pub enum ScheduleSource {
        /// Set in the seller's cabinet.
        Web = "WEB",
        /// Set in the price list (YML).
        Yml = "YML",
    }
}

market_core::wire_enum! {
    /// A VAT rate (schema `VatRateType`).
    pub enum VatRate {
        /// 22 %.
        Vat22 = "VAT_22",
        /// No VAT.
        NoVat = "NO_VAT",
        /// 12 %.
        Vat12 = "VAT_12",
        /// 10 %.
        Vat10 = "VAT_10",
        /// 5 %.
        Vat05 = "VAT_05",
        /// 7 %.
        Vat07 = "VAT_07",
    }
}

market_core::wire_enum! {
    /// A business's subscription level (schema `BusinessSubscriptionLevelType`).
    pub enum SubscriptionLevel {
        /// No subscription.
        None = "NONE",
        /// The light level.
        Light = "LIGHT",
        /// The medium level.
        Medium = "MEDIUM",
    }
}

market_core::wire_enum! {
    /// A trait of a business (schema `BusinessTraitType`).
    pub enum BusinessTrait {
        /// A Market Yandex Go seller.
        MarketYandexGo = "MARKET_YANDEX_GO",
    }
}

/// A business (cabinet) (schema `BusinessDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct Business {
    /// The business id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<BusinessId>,
    /// The business's name.
    #[serde(default)]
    pub name: String,
}

/// A campaign (shop) (schema `CampaignDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct Campaign {
    /// The shop's name.
    #[serde(default)]
    pub domain: String,
    /// The campaign id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<CampaignId>,
    /// The payer's id in Yandex Balance (deprecated by the vendor).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub client_id: Option<i64>,
    /// The business the campaign belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub business: Option<Business>,
    /// The model the shop works by.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub placement_type: Option<PlacementType>,
    /// Whether the shop may use the API.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub api_availability: Option<ApiAvailabilityStatus>,
}

/// Page numbers of a list answer (schema `FlippingPagerDTO`), given next to page tokens.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct FlippingPager {
    /// How many items were found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<i32>,
    /// The number of the first item of the page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<i32>,
    /// The number of the last item of the page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<i32>,
    /// The page this answer is, from 1 (the deprecated page-number paging).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_page: Option<i32>,
    /// How many pages there are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages_count: Option<i32>,
    /// Campaigns per page (the deprecated page-number paging).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub page_size: Option<i32>,
}

/// Answer of `getCampaigns` (schema `GetCampaignsResponse`; no `status`/`result` envelope).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct CampaignsResponse {
    /// The campaigns of this page (required: an answer without it is an error, not an empty page).
    pub campaigns: Vec<Campaign>,
    /// Page numbers (of the deprecated page/pageSize paging).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pager: Option<FlippingPager>,
    /// The next page's token.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paging: Option<Pager>,
}

/// Answer of `getCampaign` (schema `GetCampaignResponse`; no `status`/`result` envelope).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct CampaignResponse {
    /// The shop; `None` only when Yandex Market leaves the field out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub campaign: Option<Campaign>,
}

/// Answer of `getCampaignSettings` (schema `GetCampaignSettingsResponse`; no envelope).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct CampaignSettingsResponse {
    /// The shop's settings; `None` only when Yandex Market leaves the field out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settings: Option<CampaignSettings>,
}

/// A shop's settings (schema `CampaignSettingsDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct CampaignSettings {
    /// The region the shop is in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_region: Option<i64>,
    /// The shop's name on Yandex Market; `None` when it has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shop_name: Option<String>,
    /// Shown on partner sites of Yandex Distribution (deprecated by the vendor).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_in_context: Option<bool>,
    /// Shown in the block above search results (deprecated by the vendor).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub show_in_premium: Option<bool>,
    /// Uses external web statistics (deprecated by the vendor).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub use_open_stat: Option<bool>,
    /// The shop's own region and its delivery.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub local_region: Option<CampaignLocalRegion>,
    /// The shop's tax system and VAT, as set in the cabinet.
    #[serde(default)]
    pub taxation: TaxationInfo,
}

/// The shop's own region (schema `CampaignSettingsLocalRegionDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct CampaignLocalRegion {
    /// The region id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// The region's name.
    #[serde(default)]
    pub name: String,
    /// The kind of region.
    #[serde(default, rename = "type", skip_serializing_if = "Option::is_none")]
    pub region_type: Option<RegionType>,
    /// Where the delivery settings come from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_options_source: Option<ScheduleSource>,
    /// Delivery in the region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery: Option<CampaignDelivery>,
}

/// Delivery in the shop's region (schema `CampaignSettingsDeliveryDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct CampaignDelivery {
    /// The delivery service's schedule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule: Option<CampaignSchedule>,
}

/// The delivery service's schedule in the shop's region (schema `CampaignSettingsScheduleDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct CampaignSchedule {
    /// Whether it works on public holidays.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub available_on_holidays: Option<bool>,
    /// Days off the shop set in the cabinet.
    #[serde(default, with = "dd_mm_yyyy::vec")]
    pub custom_holidays: Vec<NaiveDate>,
    /// Weekend days and holidays the service works on, set in the cabinet.
    #[serde(default, with = "dd_mm_yyyy::vec")]
    pub custom_working_days: Vec<NaiveDate>,
    /// The period the schedule covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<CampaignTimePeriod>,
    /// Every day off, weekends and holidays included.
    #[serde(default, with = "dd_mm_yyyy::vec")]
    pub total_holidays: Vec<NaiveDate>,
    /// Days of the week off (1 = Monday .. 7 = Sunday).
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub weekly_holidays: Vec<i32>,
}

/// A period of dates (schema `CampaignSettingsTimePeriodDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct CampaignTimePeriod {
    /// The first day.
    #[serde(
        default,
        with = "dd_mm_yyyy::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub from_date: Option<NaiveDate>,
    /// The last day.
    #[serde(
        default,
        with = "dd_mm_yyyy::option",
        skip_serializing_if = "Option::is_none"
    )]
    pub to_date: Option<NaiveDate>,
}

/// Taxation of a shop (schema `TaxationInfoDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct TaxationInfo {
    /// The VAT rate; `None` when not set (the field is nullable).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vat: Option<VatRate>,
}

/// Answer of `getBusinessSettings` (schema `GetBusinessSettingsResponse`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct BusinessSettingsResponse {
    /// `OK` or `ERROR`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<ApiStatus>,
    /// The business and its settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<BusinessSettingsInfo>,
}

/// A business and its settings (schema `GetBusinessSettingsInfoDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct BusinessSettingsInfo {
    /// The business.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub info: Option<Business>,
    /// The business-level settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub settings: Option<BusinessSettings>,
    /// The cabinet's subscription level (the seller's plan on Yandex Market); `None` when not sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subscription_level: Option<SubscriptionLevel>,
    /// The business's traits (`null` read as none).
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub traits: Vec<BusinessTrait>,
}

/// A business's settings (schema `BusinessSettingsDTO`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct BusinessSettings {
    /// `true`: only business-wide prices can be set, not per-shop ones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub only_default_price: Option<bool>,
    /// The cabinet's currency.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<CurrencyType>,
}
