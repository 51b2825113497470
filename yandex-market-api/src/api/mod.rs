//! One module per API section: the methods, each naming its endpoint and [`Operation`].
//!
//! Every [`Operation`] is in the limit group named by its spec operation id, whose quota
//! [`crate::limits`] holds.
//!
//! [`Operation`]: market_core::transport::Operation

pub mod campaigns;
pub mod categories;
pub mod labels;
pub mod offers;
pub mod orders;
pub mod prices;
pub mod returns;
pub mod stocks;
pub mod warehouses;
