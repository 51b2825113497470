//! Stocks: FBS stock update, stock info, stocks per FBS warehouse, FBO stocks.

use std::collections::HashMap;

use futures::stream::BoxStream;
use market_core::batch::run_batches;
use market_core::paginate::{Page, paginate};
use market_core::transport::{Operation, Request};
use market_core::{BatchReport, Error, Result};

use crate::Client;
use crate::client::groups;
use crate::ids::{ProductId, Sku, WarehouseId};
use crate::models::stocks::*;

/// The most product-warehouse pairs a stock update carries.
pub const STOCKS_UPDATE_MAX: usize = 100;
/// The most SKUs a stocks-by-warehouse request carries.
pub const STOCKS_BY_WAREHOUSE_MAX: usize = 500;
/// The largest page of `/v4/product/info/stocks`.
pub const STOCKS_INFO_PAGE_MAX: i32 = 1000;
/// The largest page of `/v2/analytics/stock_on_warehouses`.
pub const STOCK_ON_WAREHOUSES_PAGE_MAX: i64 = 1000;

/// `POST /v2/products/stocks`.
pub static STOCKS_UPDATE: Operation = Operation::post("stocks_update", "/v2/products/stocks")
    .in_group(groups::STOCKS_UPDATE)
    .batch_max(STOCKS_UPDATE_MAX);
/// `POST /v4/product/info/stocks`.
pub static STOCKS_INFO: Operation = Operation::post("stocks_info", "/v4/product/info/stocks");
/// `POST /v1/product/info/stocks-by-warehouse/fbs`.
pub static STOCKS_BY_WAREHOUSE_FBS: Operation = Operation::post(
    "stocks_by_warehouse_fbs",
    "/v1/product/info/stocks-by-warehouse/fbs",
)
.batch_max(STOCKS_BY_WAREHOUSE_MAX);
/// `POST /v2/analytics/stock_on_warehouses`.
pub static STOCK_ON_WAREHOUSES: Operation =
    Operation::post("stock_on_warehouses", "/v2/analytics/stock_on_warehouses");

/// What a stock update item is reported under: the product as sent, and the warehouse.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StockKey {
    /// The article, if it was sent.
    pub offer_id: Option<String>,
    /// The product id, if it was sent.
    pub product_id: Option<ProductId>,
    /// The warehouse.
    pub warehouse_id: WarehouseId,
}

impl StockKey {
    fn of(item: &ProductsStocksRequestStock) -> Self {
        Self {
            offer_id: item.offer_id.clone(),
            product_id: item.product_id,
            warehouse_id: item.warehouse_id,
        }
    }
}

impl std::fmt::Display for StockKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (&self.offer_id, self.product_id) {
            (Some(o), _) => write!(f, "offer {o} at warehouse {}", self.warehouse_id),
            (None, Some(p)) => write!(f, "product {p} at warehouse {}", self.warehouse_id),
            (None, None) => write!(f, "unidentified product at warehouse {}", self.warehouse_id),
        }
    }
}

/// Checks a stock item before sending.
pub fn validate_stock(item: &ProductsStocksRequestStock) -> std::result::Result<(), String> {
    let has_offer = item
        .offer_id
        .as_deref()
        .is_some_and(|o| !o.trim().is_empty());
    let has_product = item.product_id.is_some_and(|p| p.0 > 0);
    if !has_offer && !has_product {
        return Err("offer_id or product_id is required".into());
    }
    if item.stock < 0 {
        return Err(format!("stock {} is negative", item.stock));
    }
    if item.warehouse_id.0 <= 0 {
        return Err(format!(
            "warehouse_id {} is not a valid warehouse",
            item.warehouse_id
        ));
    }
    Ok(())
}

/// The stocks section: `client.stocks()`.
#[derive(Debug, Clone, Copy)]
pub struct StocksApi<'a> {
    client: &'a Client,
}

impl Client {
    /// Stocks: FBS stock update and stock reads.
    pub fn stocks(&self) -> StocksApi<'_> {
        StocksApi { client: self }
    }
}

impl<'a> StocksApi<'a> {
    /// `POST /v2/products/stocks`: sets FBS/rFBS stocks.
    ///
    /// Any number of items: they are split into requests of at most 100 (80 requests a minute
    /// per account); items that cannot be valid (no offer or product id, negative stock, no
    /// warehouse) are rejected locally and the rest is sent. Ozon's per-item errors (such as
    /// `TOO_MANY_REQUESTS` for a pair updated less than 30 s ago) land in the report.
    pub async fn update(
        &self,
        items: Vec<ProductsStocksRequestStock>,
    ) -> Result<BatchReport<StockKey>> {
        let client = self.client;
        Ok(run_batches(
            items,
            STOCKS_UPDATE_MAX,
            StockKey::of,
            validate_stock,
            |chunk| async move {
                let keys: Vec<StockKey> = chunk.iter().map(StockKey::of).collect();
                let request = ProductsStocksRequest { stocks: chunk };
                let response: ProductsStocksResponse = client
                    .transport
                    .json(
                        &STOCKS_UPDATE,
                        Request::new(&STOCKS_UPDATE)
                            .weight(request.stocks.len())
                            .json(&request)?,
                    )
                    .await?;
                Ok(stock_report(keys, response))
            },
        )
        .await)
    }

    /// `POST /v4/product/info/stocks`: one page of stock info.
    pub async fn info(
        &self,
        request: &GetProductInfoStocksRequest,
    ) -> Result<GetProductInfoStocksResponse> {
        if !(1..=STOCKS_INFO_PAGE_MAX).contains(&request.limit) {
            return Err(Error::Validation {
                item: None,
                message: format!(
                    "limit {} is not in 1..={STOCKS_INFO_PAGE_MAX}",
                    request.limit
                ),
            });
        }
        self.client
            .transport
            .json(&STOCKS_INFO, Request::new(&STOCKS_INFO).json(request)?)
            .await
    }

    /// Every product's stock info matching `filter`, page by page (cursor paging).
    pub fn info_stream(
        &self,
        filter: GetProductInfoStocksRequestFilter,
    ) -> BoxStream<'a, Result<GetProductInfoStocksResponseItem>> {
        let api = *self;
        paginate(String::new(), move |cursor| {
            let request = GetProductInfoStocksRequest {
                cursor,
                filter: filter.clone(),
                limit: STOCKS_INFO_PAGE_MAX,
            };
            async move {
                let page = api.info(&request).await?;
                Ok(if page.cursor.is_empty() || page.items.is_empty() {
                    Page::last(page.items)
                } else {
                    Page::more(page.items, page.cursor)
                })
            }
        })
    }

    /// `POST /v1/product/info/stocks-by-warehouse/fbs`: stock and reserve per FBS warehouse.
    /// Any number of SKUs: split into requests of at most 500, results concatenated.
    pub async fn by_warehouse_fbs(
        &self,
        skus: Vec<Sku>,
    ) -> Result<Vec<GetProductInfoStocksByWarehouseFbsResponseResult>> {
        let mut out = Vec::new();
        for chunk in market_core::batch::chunks(skus, STOCKS_BY_WAREHOUSE_MAX) {
            let request = GetProductInfoStocksByWarehouseFbsRequest { sku: chunk };
            let response: GetProductInfoStocksByWarehouseFbsResponse = self
                .client
                .transport
                .json(
                    &STOCKS_BY_WAREHOUSE_FBS,
                    Request::new(&STOCKS_BY_WAREHOUSE_FBS).json(&request)?,
                )
                .await?;
            out.extend(response.result);
        }
        Ok(out)
    }

    /// `POST /v2/analytics/stock_on_warehouses`: one page of FBO stock on Ozon's warehouses.
    pub async fn on_warehouses(
        &self,
        request: &StockOnWarehouseRequest,
    ) -> Result<StockOnWarehouseResponse> {
        if !(1..=STOCK_ON_WAREHOUSES_PAGE_MAX).contains(&request.limit) || request.offset < 0 {
            return Err(Error::Validation {
                item: None,
                message: format!(
                    "limit {} must be in 1..={STOCK_ON_WAREHOUSES_PAGE_MAX} and offset {} not negative",
                    request.limit, request.offset
                ),
            });
        }
        self.client
            .transport
            .json(
                &STOCK_ON_WAREHOUSES,
                Request::new(&STOCK_ON_WAREHOUSES).json(request)?,
            )
            .await
    }

    /// Every FBO stock row, page by page (offset paging).
    pub fn on_warehouses_stream(
        &self,
        warehouse_type: Option<StockWarehouseType>,
    ) -> BoxStream<'a, Result<StockOnWarehouseResultRow>> {
        let api = *self;
        paginate(0i64, move |offset| {
            let request = StockOnWarehouseRequest {
                limit: STOCK_ON_WAREHOUSES_PAGE_MAX,
                offset,
                warehouse_type: warehouse_type.clone(),
            };
            async move {
                let rows = api.on_warehouses(&request).await?.result.rows;
                let full = rows.len() as i64 >= request.limit;
                let next = offset + rows.len() as i64;
                Ok(if full {
                    Page::more(rows, next)
                } else {
                    Page::last(rows)
                })
            }
        })
    }
}

/// Matches Ozon's per-item results to the keys sent.
fn stock_report(keys: Vec<StockKey>, response: ProductsStocksResponse) -> BatchReport<StockKey> {
    let mut by_offer: HashMap<(String, WarehouseId), StockKey> = HashMap::new();
    let mut by_product: HashMap<(ProductId, WarehouseId), StockKey> = HashMap::new();
    for k in &keys {
        if let Some(o) = &k.offer_id {
            by_offer.insert((o.clone(), k.warehouse_id), k.clone());
        }
        if let Some(p) = k.product_id {
            by_product.insert((p, k.warehouse_id), k.clone());
        }
    }
    let mut report = BatchReport::new();
    for r in response.result {
        let key = by_offer
            .get(&(r.offer_id.clone(), r.warehouse_id))
            .or_else(|| by_product.get(&(r.product_id, r.warehouse_id)))
            .cloned()
            .unwrap_or_else(|| StockKey {
                offer_id: (!r.offer_id.is_empty()).then(|| r.offer_id.clone()),
                product_id: Some(r.product_id),
                warehouse_id: r.warehouse_id,
            });
        super::record_item(
            &mut report,
            key,
            r.updated,
            r.errors
                .iter()
                .map(|e| (e.code.as_str(), e.message.as_str())),
        );
    }
    report
}
