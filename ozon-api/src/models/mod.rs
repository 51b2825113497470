//! Ozon's wire types, one module per API section, one struct per vendor schema (named in each
//! type's documentation). Tolerant by default; strict under the `strict` feature.

pub mod stocks;
