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

use market_core::transport::Operation;
use market_core::{Error, Result};

/// Checks a page size before anything is sent: `limit` in `1..=max`.
pub(crate) fn check_limit(limit: impl Into<i64>, max: impl Into<i64>) -> Result<()> {
    let (limit, max) = (limit.into(), max.into());
    if (1..=max).contains(&limit) {
        Ok(())
    } else {
        Err(Error::invalid(format!("limit {limit} is not in 1..={max}")))
    }
}

/// Every operation of Ozon's Seller API this crate calls, in the order of the sections. The
/// lifecycle guard (`tests/it/lifecycle.rs`) checks each against the current spec snapshot: still
/// there, not deprecated, no shutdown announced.
pub const OPERATIONS: &[&Operation] = &[
    &categories::CATEGORY_TREE,
    &categories::CATEGORY_ATTRIBUTES,
    &categories::ATTRIBUTE_VALUES,
    &categories::ATTRIBUTE_VALUES_SEARCH,
    &fbo::POSTING_FBO_LIST,
    &fbo::POSTING_FBO_GET,
    &fbs::POSTING_FBS_LIST,
    &fbs::POSTING_FBS_UNFULFILLED_LIST,
    &fbs::POSTING_FBS_GET,
    &fbs::POSTING_FBS_SHIP,
    &fbs::POSTING_FBS_SHIP_PACKAGE,
    &fbs::POSTING_FBS_CANCEL,
    &fbs::POSTING_FBS_CANCEL_REASON_LIST,
    &fbs::POSTING_FBS_CANCEL_REASON,
    &fbs::POSTING_FBS_AWAITING_DELIVERY,
    &fbs::POSTING_FBS_DELIVERING,
    &fbs::POSTING_FBS_LAST_MILE,
    &fbs::POSTING_FBS_DELIVERED,
    &fbs::POSTING_FBS_TRACKING_NUMBER_SET,
    &labels::PACKAGE_LABEL,
    &labels::LABEL_TASK_CREATE,
    &labels::LABEL_TASK_GET,
    &prices::PRICES_UPDATE,
    &prices::PRICES_INFO,
    &products::PRODUCT_LIST,
    &products::PRODUCT_INFO_LIST,
    &products::PRODUCT_IMPORT,
    &products::PRODUCT_IMPORT_INFO,
    &products::PRODUCT_ATTRIBUTES_UPDATE,
    &products::PRODUCT_PICTURES_IMPORT,
    &products::PRODUCT_ARCHIVE,
    &products::PRODUCT_UNARCHIVE,
    &products::PRODUCTS_DELETE,
    &products::PRODUCT_INFO_LIMIT,
    &returns::RETURNS_LIST,
    &stocks::STOCKS_UPDATE,
    &stocks::STOCKS_INFO,
    &stocks::STOCKS_BY_WAREHOUSE_FBS,
    &stocks::ANALYTICS_STOCKS,
    &warehouses::WAREHOUSE_LIST,
    &warehouses::DELIVERY_METHOD_LIST,
];

/// Operations the crate calls that are not operations of the spec, each with the reason.
pub const NON_SPEC_OPERATIONS: &[(&Operation, &str)] = &[(
    &labels::LABEL_FILE,
    "the download of a label file: a GET of the file URL that \
     /v1/posting/fbs/package-label/get returns, not an endpoint of the Seller API",
)];
