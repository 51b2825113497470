//! Ozon's wire types, one module per API section, one struct per vendor schema (named in each
//! type's documentation). Tolerant by default; strict under the `strict` feature.

pub mod categories;
pub mod common;
pub mod fbo;
pub mod fbs;
pub mod labels;
pub mod prices;
pub mod products;
pub mod returns;
pub mod stocks;
pub mod warehouses;
