//! Wire types of the Megamarket merchant API, one module per API section. Megamarket
//! publishes no schema: the names are the fields' own (`shipmentId` → `shipment_id`), each
//! type's doc line names the method whose `data` it is, and `spec/SOURCE.md` says where each
//! field was seen.

pub mod common;
pub mod offers;
pub mod orders;
