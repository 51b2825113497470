//! Stocks: FBS stock update, stock info, stocks per FBS warehouse, FBO stock analytics.

use std::collections::HashMap;

use futures::TryStreamExt;
use futures::stream::BoxStream;
use market_core::batch::run_batches;
use market_core::paginate::{Page, paginate};
use market_core::transport::Operation;
use market_core::{BatchReport, Error, Result};

use crate::Client;
use crate::error::too_many_requests;
use crate::ids::{ProductId, Sku, WarehouseId};
use crate::limits;
use crate::models::stocks::*;

/// The most product-warehouse pairs a stock update carries.
pub const STOCKS_UPDATE_MAX: usize = 100;
/// How often one product-warehouse pair may be updated: Ozon answers `TOO_MANY_REQUESTS` for
/// the item inside a 200 when it was updated less than 30 s ago; the item is deferred for
/// this long ([`market_core::RejectionStage::RetryLater`]).
pub const PAIR_UPDATE_INTERVAL: std::time::Duration = std::time::Duration::from_secs(30);
/// The most SKUs (or articles) a stocks-by-warehouse request carries.
pub const STOCKS_BY_WAREHOUSE_FBS_MAX: usize = 1000;
/// The largest page of `/v2/product/info/stocks-by-warehouse/fbs`.
pub const STOCKS_BY_WAREHOUSE_FBS_PAGE_MAX: i64 = 1000;
/// The largest page of `/v4/product/info/stocks`.
pub const STOCKS_INFO_PAGE_MAX: i32 = 1000;
/// The most SKUs a `/v1/analytics/stocks` request carries.
pub const ANALYTICS_STOCKS_MAX: usize = 100;

/// `POST /v2/products/stocks`.
pub static STOCKS_UPDATE: Operation = Operation::post("stocks_update", "/v2/products/stocks")
    .in_group(limits::STOCKS_UPDATE)
    .batch_max(STOCKS_UPDATE_MAX);
/// `POST /v4/product/info/stocks`.
pub static STOCKS_INFO: Operation = Operation::post("stocks_info", "/v4/product/info/stocks");
/// `POST /v2/product/info/stocks-by-warehouse/fbs`.
pub static STOCKS_BY_WAREHOUSE_FBS: Operation = Operation::post(
    "stocks_by_warehouse_fbs",
    "/v2/product/info/stocks-by-warehouse/fbs",
)
.batch_max(STOCKS_BY_WAREHOUSE_FBS_MAX);
/// `POST /v1/analytics/stocks` (the successor Ozon names for `/v2/analytics/stock_on_warehouses`).
pub static ANALYTICS_STOCKS: Operation =
    Operation::post("analytics_stocks", "/v1/analytics/stocks").batch_max(ANALYTICS_STOCKS_MAX);

/// What a stock update item is reported under: the product as sent, and the warehouse.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StockKey {
    /// The article, if it was sent.
    pub offer_id: Option<String>,
    /// The product id, if it was sent.
    pub product_id: Option<ProductId>,
    /// The seller's warehouse, by its id in `/v2/warehouse/list`.
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
    /// warehouse) are rejected locally and the rest is sent. Ozon's per-item errors land in
    /// the report; `TOO_MANY_REQUESTS` (a pair updated less than 30 s ago) is not a rejection
    /// but a deferral: [`BatchReport::retry_later`] lists such items, each with
    /// `retry_after` = [`PAIR_UPDATE_INTERVAL`].
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
                        STOCKS_UPDATE
                            .request()
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
    pub async fn info(&self, request: &StocksInfoRequest) -> Result<StocksInfoResponse> {
        crate::api::check_limit(request.limit, STOCKS_INFO_PAGE_MAX)?;
        self.client
            .transport
            .json(STOCKS_INFO.request().json(request)?)
            .await
    }

    /// Every product's stock info matching `filter`, page by page (cursor paging).
    pub fn info_stream(&self, filter: StocksInfoFilter) -> BoxStream<'a, Result<StocksInfoItem>> {
        let api = *self;
        paginate(String::new(), move |cursor| {
            let request = StocksInfoRequest {
                cursor,
                filter: filter.clone(),
                limit: STOCKS_INFO_PAGE_MAX,
            };
            async move {
                let page = api.info(&request).await?;
                let page = if page.cursor.is_empty() || page.items.is_empty() {
                    Page::last(page.items)
                } else {
                    Page::more(page.items, page.cursor)
                };
                Ok(page.signed_by(|i: &StocksInfoItem| i.product_id.0))
            }
        })
    }

    /// `POST /v2/product/info/stocks-by-warehouse/fbs`: one page of stock and reserve per
    /// FBS warehouse. Rejected before sending: neither or both of `sku` and `offer_id`, more
    /// than [`STOCKS_BY_WAREHOUSE_FBS_MAX`] of them, a limit outside `1..=1000`.
    pub async fn by_warehouse_fbs_page(
        &self,
        request: &StocksByWarehouseRequest,
    ) -> Result<StocksByWarehouseResponse> {
        let ids = match (request.sku.len(), request.offer_id.len()) {
            (0, 0) => Err("give sku or offer_id".to_owned()),
            (n, 0) | (0, n) if n <= STOCKS_BY_WAREHOUSE_FBS_MAX => Ok(()),
            (0, n) | (n, 0) => Err(format!(
                "{n} products, at most {STOCKS_BY_WAREHOUSE_FBS_MAX}"
            )),
            _ => Err("give sku or offer_id, not both".to_owned()),
        };
        let limit = if (1..=STOCKS_BY_WAREHOUSE_FBS_PAGE_MAX).contains(&request.limit) {
            Ok(())
        } else {
            Err(format!(
                "limit {} is not in 1..={STOCKS_BY_WAREHOUSE_FBS_PAGE_MAX}",
                request.limit
            ))
        };
        if let Err(message) = ids.and(limit) {
            return Err(Error::Validation {
                item: None,
                message,
            });
        }
        self.client
            .transport
            .json(STOCKS_BY_WAREHOUSE_FBS.request().json(request)?)
            .await
    }

    /// Stock and reserve per FBS warehouse of these SKUs: split into requests of at most
    /// 1000 SKUs, every page of each (cursor paging), rows concatenated.
    pub async fn by_warehouse_fbs(&self, skus: Vec<Sku>) -> Result<Vec<StocksByWarehouseProduct>> {
        let mut out = Vec::new();
        for chunk in market_core::batch::chunks(skus, STOCKS_BY_WAREHOUSE_FBS_MAX) {
            let api = *self;
            let rows: Vec<_> = paginate(String::new(), move |cursor| {
                let request = StocksByWarehouseRequest {
                    cursor,
                    limit: STOCKS_BY_WAREHOUSE_FBS_PAGE_MAX,
                    offer_id: Vec::new(),
                    sku: chunk.clone(),
                };
                async move {
                    let page = api.by_warehouse_fbs_page(&request).await?;
                    crate::api::fbs::cursor_page(
                        &STOCKS_BY_WAREHOUSE_FBS,
                        page.products,
                        page.has_next,
                        page.cursor,
                        |r: &StocksByWarehouseProduct| (r.sku.0, r.warehouse_id.0),
                    )
                }
            })
            .try_collect()
            .await?;
            out.extend(rows);
        }
        Ok(out)
    }

    /// `POST /v1/analytics/stocks`: stock analytics on Ozon's (FBO) warehouses for at most
    /// 100 SKUs (the successor of `/v2/analytics/stock_on_warehouses`, which Ozon announced
    /// for shutdown).
    pub async fn analytics(
        &self,
        request: &AnalyticsStocksRequest,
    ) -> Result<Vec<AnalyticsStocksItem>> {
        if request.skus.is_empty() || request.skus.len() > ANALYTICS_STOCKS_MAX {
            return Err(Error::Validation {
                item: None,
                message: format!(
                    "{} SKUs: give 1 to {ANALYTICS_STOCKS_MAX}",
                    request.skus.len()
                ),
            });
        }
        if !request.cluster_ids.is_empty() && !request.macrolocal_cluster_ids.is_empty() {
            return Err(Error::Validation {
                item: None,
                message: "give cluster_ids or macrolocal_cluster_ids, not both".into(),
            });
        }
        let response: AnalyticsStocksResponse = self
            .client
            .transport
            .json(ANALYTICS_STOCKS.request().json(request)?)
            .await?;
        Ok(response.items)
    }

    /// FBO stock of any number of SKUs on Ozon's warehouses: split into requests of 100,
    /// rows concatenated.
    pub async fn on_ozon_warehouses(&self, skus: Vec<Sku>) -> Result<Vec<AnalyticsStocksItem>> {
        let mut out = Vec::new();
        for chunk in market_core::batch::chunks(skus, ANALYTICS_STOCKS_MAX) {
            out.extend(
                self.analytics(&AnalyticsStocksRequest {
                    skus: chunk,
                    ..AnalyticsStocksRequest::default()
                })
                .await?,
            );
        }
        Ok(out)
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
        report.record(
            key,
            r.updated,
            r.errors
                .iter()
                .map(|e| (e.code.as_str(), e.message.as_str())),
            Some((&too_many_requests, Some(PAIR_UPDATE_INTERVAL))),
        );
    }
    report
}
