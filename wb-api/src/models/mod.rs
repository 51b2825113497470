//! WB wire types, one module per API section, one struct per vendor schema (named in each
//! type's documentation). Tolerant by default; strict under the `strict` feature.

pub mod analytics;
pub mod common;
pub mod content;
pub mod orders;
pub mod prices;
pub mod returns;
pub mod statistics;
pub mod stocks;
pub mod supplies;
pub mod warehouses;
