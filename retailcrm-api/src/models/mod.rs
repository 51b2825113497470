//! Wire types, one module per API section, named after the vendor's entities. Every
//! struct reads leniently (unknown fields ignored) unless the `strict` feature is on.

pub mod common;
pub mod corporate;
pub mod customers;
pub mod delivery;
pub mod orders;
pub mod packs;
pub mod payments;
pub mod reference;
pub mod settings;
pub mod store;
pub mod system;
pub mod users;

pub use common::*;
pub use corporate::*;
pub use customers::*;
pub use delivery::*;
pub use orders::*;
pub use packs::*;
pub use payments::*;
pub use reference::*;
pub use settings::*;
pub use store::*;
pub use system::*;
pub use users::*;
