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

use market_core::transport::Operation;

/// Every operation this crate calls, one entry per spec operation id (each its own limit
/// group). The lifecycle guard and the drift report read it: a test keeps it equal to the
/// contract tests' list and to the quota table in [`crate::limits`].
pub const OPERATIONS: &[&Operation] = &[
    &campaigns::GET_CAMPAIGNS,
    &campaigns::GET_CAMPAIGN,
    &campaigns::GET_CAMPAIGN_SETTINGS,
    &campaigns::GET_BUSINESS_SETTINGS,
    &categories::GET_CATEGORIES_TREE,
    &categories::GET_CATEGORY_CONTENT_PARAMETERS,
    &labels::GENERATE_ORDER_LABELS,
    &labels::GENERATE_ORDER_LABEL,
    &labels::GET_ORDER_LABELS_DATA,
    &offers::GET_OFFER_MAPPINGS,
    &offers::UPDATE_OFFER_MAPPINGS,
    &offers::GET_OFFER_CARDS_CONTENT_STATUS,
    &offers::UPDATE_OFFER_CONTENT,
    &offers::ADD_OFFERS_TO_ARCHIVE,
    &offers::DELETE_OFFERS_FROM_ARCHIVE,
    &offers::DELETE_OFFERS,
    &orders::GET_BUSINESS_ORDERS,
    &orders::UPDATE_ORDER_STATUS,
    &orders::UPDATE_ORDER_STATUSES,
    &orders::SET_ORDER_BOX_LAYOUT,
    &orders::UPDATE_ORDER_ITEMS,
    &orders::PROVIDE_ORDER_ITEM_IDENTIFIERS,
    &orders::ACCEPT_ORDER_CANCELLATION,
    &orders::SET_ORDER_DELIVERY_DATE,
    &orders::SET_ORDER_DELIVERY_TRACK_CODE,
    &orders::GET_ORDER_BUYER_INFO,
    &prices::UPDATE_BUSINESS_PRICES,
    &prices::GET_DEFAULT_PRICES,
    &prices::UPDATE_PRICES,
    &prices::GET_PRICES_BY_OFFER_IDS,
    &prices::GET_BUSINESS_QUARANTINE_OFFERS,
    &prices::CONFIRM_BUSINESS_PRICES,
    &prices::GET_CAMPAIGN_QUARANTINE_OFFERS,
    &prices::CONFIRM_CAMPAIGN_PRICES,
    &returns::GET_RETURNS,
    &returns::GET_RETURN,
    &returns::GET_RETURN_APPLICATION,
    &returns::GET_RETURN_AVAILABLE_DECISIONS,
    &returns::SUBMIT_RETURN_DECISION,
    &stocks::UPDATE_STOCKS,
    &stocks::GET_STOCKS,
    &warehouses::GET_PAGED_WAREHOUSES,
    &warehouses::GET_FULFILLMENT_WAREHOUSES,
];
