//! Wire types shared by several sections: the page counter, keyed collections, custom
//! fields, RetailCRM's time format, and the small answers (`{"success": true}`, `{"id": 7}`).

use std::collections::BTreeMap;
use std::fmt;

use chrono::{NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::ids::*;
use crate::models::*;

/// The page counter of every list answer.
///
/// Spec: `pagination` (`{limit, totalCount, currentPage, totalPageCount}`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Pagination {
    /// Items a page, as asked (`limit`).
    pub limit: u32,
    /// Items in the whole list.
    pub total_count: u64,
    /// This page's number, from 1.
    pub current_page: u32,
    /// Pages in the whole list (0 for an empty list).
    pub total_page_count: u32,
}

impl Pagination {
    /// The next page's number, or `None` on the last page.
    pub fn next_page(&self) -> Option<u32> {
        (self.current_page < self.total_page_count).then(|| self.current_page.saturating_add(1))
    }
}

/// A collection RetailCRM keys by code or id (reference books, an order's payments, an
/// item's properties). PHP writes an empty one as `[]`, and some answers send a list: a list
/// reads as its items keyed by position (`"0"`, `"1"`, ...).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Keyed<T>(pub BTreeMap<String, T>);

impl<T> Keyed<T> {
    /// The entries, by key.
    pub fn get(&self, key: &str) -> Option<&T> {
        self.0.get(key)
    }

    /// The values, in key order.
    pub fn values(&self) -> impl Iterator<Item = &T> {
        self.0.values()
    }

    /// The number of entries.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// True when there is none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<T> std::ops::Deref for Keyed<T> {
    type Target = BTreeMap<String, T>;
    fn deref(&self) -> &Self::Target {
        &self.0
    }
}

impl<T: Serialize> Serialize for Keyed<T> {
    /// A map keyed by position (`"0"`, `"1"`, ..., as a list reads) is written back as a
    /// list, which is what RetailCRM takes on writes (an order's `payments`); any other as
    /// an object.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut by_position: Vec<(usize, &T)> = self
            .0
            .iter()
            .filter_map(|(k, v)| k.parse::<usize>().ok().map(|i| (i, v)))
            .collect();
        by_position.sort_by_key(|(i, _)| *i);
        let positional = !self.0.is_empty()
            && by_position.len() == self.0.len()
            && by_position.iter().enumerate().all(|(n, (i, _))| n == *i);
        if positional {
            s.collect_seq(by_position.into_iter().map(|(_, v)| v))
        } else {
            self.0.serialize(s)
        }
    }
}

impl<'de, T: serde::de::DeserializeOwned> Deserialize<'de> for Keyed<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error as _;
        // Read as a value first, so that an entry's own error (a field it lacks) is reported
        // as such rather than as "no shape matched".
        let value = serde_json::Value::deserialize(d)?;
        let entries: Vec<(String, serde_json::Value)> = match value {
            serde_json::Value::Object(map) => map.into_iter().collect(),
            serde_json::Value::Array(list) => list
                .into_iter()
                .enumerate()
                .map(|(i, v)| (i.to_string(), v))
                .collect(),
            serde_json::Value::Null => Vec::new(),
            other => {
                return Err(D::Error::custom(format!(
                    "expected an object or a list, not {other}"
                )));
            }
        };
        entries
            .into_iter()
            .map(|(k, v)| {
                serde_json::from_value(v)
                    .map(|t| (k.clone(), t))
                    .map_err(|e| D::Error::custom(format!("entry {k:?}: {e}")))
            })
            .collect::<Result<BTreeMap<_, _>, _>>()
            .map(Self)
    }
}

/// The custom fields of an entity, by the field's code: any JSON value (text, number,
/// boolean, a dictionary code, a list).
pub type CustomFields = Keyed<serde_json::Value>;

/// A time as RetailCRM writes it, `YYYY-MM-DD HH:MM:SS`, in the account's time zone (the
/// `timezone` of `settings`): kept as a local time, without an offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CrmTime(pub NaiveDateTime);

/// The `chrono` format of [`CrmTime`].
pub const CRM_TIME: &str = "%Y-%m-%d %H:%M:%S";

impl fmt::Display for CrmTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.format(CRM_TIME))
    }
}

impl std::str::FromStr for CrmTime {
    type Err = chrono::ParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        NaiveDateTime::parse_from_str(s, CRM_TIME)
            .or_else(|_| NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S"))
            .map(Self)
    }
}

impl Serialize for CrmTime {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for CrmTime {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(|_| {
            serde::de::Error::custom(format!("invalid YYYY-MM-DD HH:MM:SS time {text:?}"))
        })
    }
}

/// How an entity is named in a path or a `by` parameter: its internal id or its
/// `externalId`: the integration's own id (`by=externalId` names an entity by it).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum By {
    /// The internal id (`by=id`).
    Id(i64),
    /// The external id the integration gave (`by=externalId`, the default of the API).
    ExternalId(String),
}

impl By {
    /// By the external id.
    pub fn external(id: impl Into<String>) -> Self {
        Self::ExternalId(id.into())
    }

    /// The `by` parameter's value.
    pub fn by(&self) -> &'static str {
        match self {
            Self::Id(_) => "id",
            Self::ExternalId(_) => "externalId",
        }
    }

    /// The identifier as it goes in the path.
    pub fn value(&self) -> String {
        match self {
            Self::Id(id) => id.to_string(),
            Self::ExternalId(id) => id.clone(),
        }
    }
}

impl From<OrderId> for By {
    fn from(id: OrderId) -> Self {
        Self::Id(id.0)
    }
}

impl From<CustomerId> for By {
    fn from(id: CustomerId) -> Self {
        Self::Id(id.0)
    }
}

impl From<CorporateCustomerId> for By {
    fn from(id: CorporateCustomerId) -> Self {
        Self::Id(id.0)
    }
}

impl From<ProductGroupId> for By {
    fn from(id: ProductGroupId) -> Self {
        Self::Id(id.0)
    }
}

impl From<PaymentId> for By {
    fn from(id: PaymentId) -> Self {
        Self::Id(id.0)
    }
}

/// An `{id, externalId}` pair, for `fix-external-ids`.
///
/// Spec: `fix-external-ids` `orders` / `customers` items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IdPair {
    /// The internal id.
    pub id: i64,
    /// The external id to set.
    pub external_id: String,
}

/// The answer of a method the snapshot holds no example of: every member as sent
/// (`success` included), read by name.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct OpenAnswer(pub serde_json::Map<String, serde_json::Value>);

impl OpenAnswer {
    /// A member of the answer.
    pub fn member(&self, name: &str) -> Option<&serde_json::Value> {
        self.0.get(name)
    }

    /// `success` (false for a partial failure read as an answer).
    pub fn success(&self) -> bool {
        self.0.get("success").and_then(serde_json::Value::as_bool) == Some(true)
    }
}

/// A page of a list the snapshot holds no example of: the page counter and the rest.
#[derive(Debug, Clone, PartialEq, Default, Deserialize)]
pub struct OpenPage {
    /// The page counter.
    pub pagination: Pagination,
    /// Every other member.
    #[serde(flatten)]
    pub rest: serde_json::Map<String, serde_json::Value>,
}

impl OpenPage {
    /// The entries of the list member `name` (a list, or an object keyed by id or code),
    /// with the page counter.
    pub fn take(mut self, name: &str) -> (Vec<serde_json::Value>, Pagination) {
        let items = match self.rest.remove(name) {
            Some(serde_json::Value::Array(items)) => items,
            Some(serde_json::Value::Object(map)) => map.into_iter().map(|(_, v)| v).collect(),
            _ => Vec::new(),
        };
        (items, self.pagination)
    }
}

/// Keeps the `Decimal` import used by generated types that hold none in some builds.
#[doc(hidden)]
pub type Money = Decimal;

/// Spec: `Contragent`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Contragent {
    /// `contragentType`: `individual`, `legal-entity` or `enterpreneur`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contragent_type: Option<String>,
    /// `legalName`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_name: Option<String>,
    /// `INN`.
    #[serde(rename = "INN", default, skip_serializing_if = "Option::is_none")]
    pub inn: Option<String>,
    /// `code`: the tenant's code, unique in its book (what other entities refer to it by).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `countryIso`: ISO 3166-1 alpha-2 country code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_iso: Option<String>,
    /// `certificateDate`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate_date: Option<NaiveDate>,
}

/// Spec: `Address`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Address {
    /// `id`: the CRM's internal id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// `index`: the postal code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index: Option<String>,
    /// `countryIso`: ISO 3166-1 alpha-2 country code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country_iso: Option<String>,
    /// `region`: the region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// `regionId`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region_id: Option<i64>,
    /// `city`: the city.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// `cityId`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city_id: Option<i64>,
    /// `cityType`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city_type: Option<String>,
    /// `street`: the street.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
    /// `streetId`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street_id: Option<i64>,
    /// `streetType`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street_type: Option<String>,
    /// `building`: the building.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub building: Option<String>,
    /// `text`: the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// `notes`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notes: Option<String>,
    /// `isMain`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub is_main: Option<bool>,
    /// `coordinates`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinates: Option<Coordinates>,
    /// `flat`: the flat.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flat: Option<String>,
    /// `house`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub house: Option<String>,
    /// `housing`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub housing: Option<String>,
    /// `metro`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metro: Option<String>,
}

/// Spec: `Phone`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Phone {
    /// `number`: the number shown to people (the order number).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
}

/// Spec: `CodeValue`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CodeValue {
    /// `code`: the tenant's code, unique in its book (what other entities refer to it by).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `value`: the value.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<String>,
}

/// Spec: `CodeRef`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CodeRef {
    /// `code`: the tenant's code, unique in its book (what other entities refer to it by).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

/// Spec: `Unit`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Unit {
    /// `code`: the tenant's code, unique in its book (what other entities refer to it by).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `name`: the display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// `sym`: the short symbol of the unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sym: Option<String>,
    /// `default`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#default: Option<bool>,
    /// `active`: whether it is in use; inactive entries stay for old records.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
}

/// Spec: `UploadedRef`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct UploadedRef {
    /// `id`: the CRM's internal id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
    /// `externalId`: the integration's own id (`by=externalId` names an entity by it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
}

/// Spec: `HistoryApiKey`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct HistoryApiKey {
    /// `current`: true when the change was made with the key reading the history.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current: Option<bool>,
}

/// Spec: `UserRef`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct UserRef {
    /// `id`: the CRM's internal id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<UserId>,
}

/// Spec: `Created`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Created {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    pub success: bool,
    /// `id`: the CRM's internal id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<i64>,
}

/// Spec: `Ack`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Ack {
    /// `success`: `true` in an answer that succeeded (`false` in a partial failure).
    pub success: bool,
    /// `errorMsg`: the message of a (partial) failure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error_msg: Option<String>,
}

/// Spec: `OrderRef`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct OrderRef {
    /// `id`: the CRM's internal id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<OrderId>,
    /// `number`: the number shown to people (the order number).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
}

/// Spec: `CustomerRef`, as the snapshot\'s example answers hold it.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CustomerRef {
    /// `site`: the site's code (the store front the entity belongs to).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
    /// `id`: the CRM's internal id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<CustomerId>,
    /// `externalId`: the integration's own id (`by=externalId` names an entity by it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub external_id: Option<String>,
    /// `type`: its kind, as a code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub r#type: Option<String>,
}
