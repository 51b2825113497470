//! One module per API section: the methods, each naming its endpoint and [`Operation`].
//!
//! An operation's static is named after the spec's `operationId`, object first and verb last
//! (`updateStocks` is [`stocks::STOCKS_UPDATE`], named `"stocks_update"` in errors and logs).
//! Yandex Market keeps a quota per `operationId`, so each [`Operation`]'s limit group is its
//! `operationId` ([`spec_id`]), whose quota [`crate::limits`] holds.
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
    &campaigns::CAMPAIGNS_GET,
    &campaigns::CAMPAIGN_GET,
    &campaigns::CAMPAIGN_SETTINGS_GET,
    &campaigns::BUSINESS_SETTINGS_GET,
    &categories::CATEGORIES_TREE_GET,
    &categories::CATEGORY_CONTENT_PARAMETERS_GET,
    &labels::ORDER_LABELS_GENERATE,
    &labels::ORDER_LABEL_GENERATE,
    &labels::ORDER_LABELS_DATA_GET,
    &offers::OFFER_MAPPINGS_GET,
    &offers::OFFER_MAPPINGS_UPDATE,
    &offers::OFFER_CARDS_CONTENT_STATUS_GET,
    &offers::OFFER_CONTENT_UPDATE,
    &offers::OFFERS_TO_ARCHIVE_ADD,
    &offers::OFFERS_FROM_ARCHIVE_DELETE,
    &offers::OFFERS_DELETE,
    &orders::BUSINESS_ORDERS_GET,
    &orders::ORDER_STATUS_UPDATE,
    &orders::ORDER_STATUSES_UPDATE,
    &orders::ORDER_BOX_LAYOUT_SET,
    &orders::ORDER_ITEMS_UPDATE,
    &orders::ORDER_ITEM_IDENTIFIERS_PROVIDE,
    &orders::ORDER_CANCELLATION_ACCEPT,
    &orders::ORDER_DELIVERY_DATE_SET,
    &orders::ORDER_DELIVERY_TRACK_CODE_SET,
    &orders::ORDER_BUYER_INFO_GET,
    &prices::BUSINESS_PRICES_UPDATE,
    &prices::DEFAULT_PRICES_GET,
    &prices::PRICES_UPDATE,
    &prices::PRICES_BY_OFFER_IDS_GET,
    &prices::BUSINESS_QUARANTINE_OFFERS_GET,
    &prices::BUSINESS_PRICES_CONFIRM,
    &prices::CAMPAIGN_QUARANTINE_OFFERS_GET,
    &prices::CAMPAIGN_PRICES_CONFIRM,
    &returns::RETURNS_GET,
    &returns::RETURN_GET,
    &returns::RETURN_APPLICATION_GET,
    &returns::RETURN_AVAILABLE_DECISIONS_GET,
    &returns::RETURN_DECISION_SUBMIT,
    &stocks::STOCKS_UPDATE,
    &stocks::STOCKS_GET,
    &warehouses::PAGED_WAREHOUSES_GET,
    &warehouses::FULFILLMENT_WAREHOUSES_GET,
];

/// The spec's `operationId` of one of this crate's operations (`"updateStocks"` for
/// [`stocks::STOCKS_UPDATE`]): its limit group, which Yandex Market names after the method.
pub fn spec_id(op: &Operation) -> &'static str {
    op.limit_group
}

/// The `operationId` verbs of an operation that reads data (`getOrders`, `searchRegionsByName`,
/// `downloadReport...`, `calculateTariffs`).
pub const READ_VERBS: &[&str] = &["get", "search", "download", "calculate"];

/// True when an `operationId` names a read: it starts with one of [`READ_VERBS`] followed by
/// an upper-case letter. A 200 of a read that says `ERROR` carries no data; the generator
/// makes every other operation non-idempotent.
pub fn is_read_id(id: &str) -> bool {
    READ_VERBS.iter().any(|verb| {
        id.strip_prefix(verb)
            .is_some_and(|rest| rest.starts_with(char::is_uppercase))
    })
}

/// The operation of [`OPERATIONS`] with this spec `operationId` (`"updateStocks"`).
pub fn by_spec_id(id: &str) -> Option<&'static Operation> {
    OPERATIONS.iter().copied().find(|op| spec_id(op) == id)
}
