//! The seller's model: what a seller's service keeps in step across channels.
//!
//! These types are vendor-neutral. Each marketplace crate maps its wire models onto them in its
//! `marketplace.rs`, and keeps the vendor's raw status and payload reachable where it matters.

mod batch;
mod card;
mod label;
mod marketplace_kind;
mod money;
mod order;
mod price;
mod returns;
mod stock;
mod warehouse;

pub use batch::{BatchReport, BatchWarning, Deferral, ItemKey, Rejection, RejectionStage};
pub use card::{
    Attribute, AttributeValue, Card, CardImportState, CardImportStatus, CardSubmission,
    CategoryRef, Dimensions, Variant,
};
pub use label::{Label, LabelFormat};
pub use marketplace_kind::MarketplaceKind;
pub use money::Currency;
pub use order::{
    CancelReason, DeliveryScheme, Lifecycle, Order, OrderLine, OrderQuery, OrderStatus, Package,
    TimeWindow, WindowBasis,
};
pub use price::PriceUpdate;
pub use returns::{Return, ReturnLine, ReturnQuery};
pub use stock::StockUpdate;
pub use warehouse::Warehouse;
