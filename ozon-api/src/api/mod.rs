//! One module per Ozon API section: the methods, each naming its endpoint and [`Operation`].
//!
//! [`Operation`]: market_core::transport::Operation

pub mod categories;
pub mod fbo;
pub mod fbs;
pub mod labels;
pub mod prices;
pub mod products;
pub mod returns;
pub mod stocks;
pub mod warehouses;
