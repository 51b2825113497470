//! The wire models, one module per API section, one struct per vendor schema.

pub mod campaigns;
pub mod categories;
pub mod common;
pub mod labels;
pub mod offers;
pub mod orders;
pub mod prices;
pub mod returns;
pub mod stocks;
pub mod warehouses;
