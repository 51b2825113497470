//! The Megamarket methods this crate calls, one module per API section, each method a
//! `pub static` [`Operation`] with its thin call on [`crate::Client`].
//!
//! Every method is a `POST` of the envelope; the token travels in the body.

use market_core::transport::Operation;

pub mod offers;
pub mod orders;

/// Every operation the crate calls (the emulator routes by them; the drift guard reads them).
pub static OPERATIONS: &[&Operation] = &[
    &orders::ORDER_SEARCH,
    &orders::ORDER_GET,
    &orders::ORDER_CONFIRM,
    &orders::ORDER_REJECT,
    &orders::ORDER_PACKING,
    &orders::STICKER_PRINT,
    &orders::ORDER_SHIPPING,
    &orders::ORDER_CLOSE,
    &orders::ORDER_CANCEL_RESULT,
    &offers::STOCK_UPDATE,
    &offers::MANUAL_PRICE_SAVE,
];
