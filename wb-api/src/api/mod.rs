//! One module per WB API section: the methods, each naming its endpoint and [`Operation`].
//!
//! [`Operation`]: market_core::transport::Operation

pub mod analytics;
pub mod content;
pub mod orders;
pub mod prices;
pub mod returns;
pub mod statistics;
pub mod stocks;
pub mod supplies;
pub mod warehouses;

use market_core::transport::Operation;

/// Every WB operation this crate calls, one entry per endpoint: the guard test checks each
/// against the current spec snapshot (present, not deprecated, no shutdown announced), the
/// limit test against WB's limit table, and the drift report names their changes.
pub const OPERATIONS: &[&Operation] = &[
    &analytics::STOCKS_REPORT_WB_WAREHOUSES,
    &content::PARENT_CATEGORIES,
    &content::SUBJECTS,
    &content::SUBJECT_CHARCS,
    &content::DIRECTORY_COLORS,
    &content::DIRECTORY_KINDS,
    &content::DIRECTORY_COUNTRIES,
    &content::DIRECTORY_SEASONS,
    &content::DIRECTORY_VAT,
    &content::DIRECTORY_TNVED,
    &content::CARDS_LIST,
    &content::CARD_ERRORS,
    &content::CARDS_UPLOAD,
    &content::CARDS_UPLOAD_ADD,
    &content::CARDS_UPDATE,
    &content::BARCODES,
    &content::MEDIA_SAVE,
    &content::CARDS_TRASH,
    &content::CARDS_RECOVER,
    &content::CARDS_LIMITS,
    &orders::ORDERS_NEW,
    &orders::ORDERS_LIST,
    &orders::ORDERS_STATUS,
    &orders::ORDERS_RESHIPMENT,
    &orders::ORDER_CANCEL,
    &orders::ORDERS_STICKERS,
    &orders::ORDERS_META,
    &orders::ORDER_META_DELETE,
    &orders::ORDER_META_SGTIN,
    &orders::ORDER_META_UIN,
    &orders::ORDER_META_IMEI,
    &orders::ORDER_META_GTIN,
    &orders::ORDER_META_EXPIRATION,
    &prices::PRICES_UPLOAD,
    &prices::PRICES_UPLOAD_SIZE,
    &prices::PRICES_HISTORY_TASK,
    &prices::PRICES_HISTORY_GOODS,
    &prices::PRICES_BUFFER_TASK,
    &prices::PRICES_BUFFER_GOODS,
    &prices::PRICES_GOODS_LIST,
    &prices::PRICES_GOODS_BY_NM,
    &prices::PRICES_SIZES,
    &prices::PRICES_QUARANTINE,
    &returns::CLAIMS,
    &returns::CLAIM_ANSWER,
    &statistics::STATISTICS_ORDERS,
    &statistics::STATISTICS_SALES,
    &stocks::STOCKS_UPDATE,
    &stocks::STOCKS_DELETE,
    &stocks::STOCKS_READ,
    &supplies::SUPPLY_CREATE,
    &supplies::SUPPLIES_LIST,
    &supplies::SUPPLY_ADD_ORDERS,
    &supplies::SUPPLY_GET,
    &supplies::SUPPLY_DELETE,
    &supplies::SUPPLY_ORDER_IDS,
    &supplies::SUPPLY_DELIVER,
    &supplies::SUPPLY_BARCODE,
    &warehouses::OFFICES,
    &warehouses::WAREHOUSES_LIST,
    &warehouses::WAREHOUSE_CREATE,
    &warehouses::WAREHOUSE_UPDATE,
    &warehouses::WAREHOUSE_DELETE,
];

/// The operations of [`OPERATIONS`] that read data: a 2xx answer of theirs must carry it, so
/// one in WB's error shape (`{"error": true, ...}`, `{"title", "detail", ...}`,
/// `{"code", "message"}`, `{"status": "ERROR"}`) is an error, never an empty page. The writes
/// are left out: their answers are read per item.
pub const READS: &[&Operation] = &[
    &analytics::STOCKS_REPORT_WB_WAREHOUSES,
    &content::PARENT_CATEGORIES,
    &content::SUBJECTS,
    &content::SUBJECT_CHARCS,
    &content::DIRECTORY_COLORS,
    &content::DIRECTORY_KINDS,
    &content::DIRECTORY_COUNTRIES,
    &content::DIRECTORY_SEASONS,
    &content::DIRECTORY_VAT,
    &content::DIRECTORY_TNVED,
    &content::CARDS_LIST,
    &content::CARD_ERRORS,
    &content::CARDS_LIMITS,
    &orders::ORDERS_NEW,
    &orders::ORDERS_LIST,
    &orders::ORDERS_STATUS,
    &orders::ORDERS_RESHIPMENT,
    &orders::ORDERS_STICKERS,
    &orders::ORDERS_META,
    &prices::PRICES_HISTORY_TASK,
    &prices::PRICES_HISTORY_GOODS,
    &prices::PRICES_BUFFER_TASK,
    &prices::PRICES_BUFFER_GOODS,
    &prices::PRICES_GOODS_LIST,
    &prices::PRICES_GOODS_BY_NM,
    &prices::PRICES_SIZES,
    &prices::PRICES_QUARANTINE,
    &returns::CLAIMS,
    &statistics::STATISTICS_ORDERS,
    &statistics::STATISTICS_SALES,
    &stocks::STOCKS_READ,
    &supplies::SUPPLIES_LIST,
    &supplies::SUPPLY_GET,
    &supplies::SUPPLY_ORDER_IDS,
    &supplies::SUPPLY_BARCODE,
    &warehouses::OFFICES,
    &warehouses::WAREHOUSES_LIST,
];
