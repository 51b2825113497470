//! One module per WB API section: the methods, each naming its endpoint and [`Operation`].
//!
//! [`Operation`]: market_core::transport::Operation

pub mod content;
pub mod orders;
pub mod prices;
pub mod returns;
pub mod statistics;
pub mod stocks;
pub mod supplies;
pub mod warehouses;
