//! WB wire types, one module per API section, one struct per vendor schema (named in each
//! type's documentation). Tolerant by default; strict under the `strict` feature.

pub mod analytics;
pub mod content;
pub mod orders;
pub mod prices;
pub mod returns;
pub mod statistics;
pub mod stocks;
pub mod supplies;
pub mod warehouses;

/// Reads a field that must be present but may be `null` (`None`): without `default`, an
/// answer missing the key is a decode error naming it, where a plain `Option` field would
/// read it as `None`.
pub(crate) fn present<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    <Option<T> as serde::Deserialize>::deserialize(d)
}
