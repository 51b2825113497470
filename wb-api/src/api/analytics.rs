//! Analytics: the stock report of WB's warehouses (FBO stock), on the
//! `seller-analytics-api` host.
//!
//! `POST /api/analytics/v1/stocks-report/wb-warehouses` replaces the statistics stock report
//! (`GET /api/v1/supplier/stocks`, switched off by WB). One row is one size on one WB
//! warehouse; WB refreshes the data every 30 minutes. WB allows 3 requests a minute, burst 1
//! ([`groups::STOCKS_REPORT`]), and does not take base tokens.

use futures::stream::BoxStream;
use market_core::Result;
use market_core::paginate::{Page, paginate};
use market_core::transport::Operation;

use crate::ids::NmId;
use crate::limits::groups;
use crate::models::analytics::*;
use crate::{Client, Host};

/// The most rows a page (WB's default and maximum).
pub const STOCKS_REPORT_WB_WAREHOUSES_PAGE_MAX: u32 = 250_000;
/// The most articles a request filters by.
pub const STOCKS_REPORT_WB_WAREHOUSES_MAX: usize = 1000;

/// `POST /api/analytics/v1/stocks-report/wb-warehouses`: a read.
pub static STOCKS_REPORT_WB_WAREHOUSES: Operation = Operation::post(
    "stocks_report_wb_warehouses",
    "/api/analytics/v1/stocks-report/wb-warehouses",
)
.in_group(groups::STOCKS_REPORT);

/// The analytics section: `client.analytics()`.
#[derive(Debug, Clone, Copy)]
pub struct AnalyticsApi<'a> {
    client: &'a Client,
}

impl Client {
    /// Analytics reports (the stock of WB's warehouses).
    pub fn analytics(&self) -> AnalyticsApi<'_> {
        AnalyticsApi { client: self }
    }
}

impl<'a> AnalyticsApi<'a> {
    /// `POST /api/analytics/v1/stocks-report/wb-warehouses`: one page of the stock on WB's
    /// warehouses. At most [`STOCKS_REPORT_WB_WAREHOUSES_MAX`] articles and [`STOCKS_REPORT_WB_WAREHOUSES_PAGE_MAX`] rows.
    pub async fn wb_warehouses_stocks(
        &self,
        request: &InventoryRequest,
    ) -> Result<Vec<InventoryWbItem>> {
        if request.nm_ids.len() > STOCKS_REPORT_WB_WAREHOUSES_MAX {
            return Err(market_core::Error::validation(
                "nmIds",
                format!("at most {STOCKS_REPORT_WB_WAREHOUSES_MAX} articles a request"),
            ));
        }
        if request
            .limit
            .is_some_and(|l| l == 0 || l > STOCKS_REPORT_WB_WAREHOUSES_PAGE_MAX)
        {
            return Err(market_core::Error::validation(
                "limit",
                format!("a page is 1 to {STOCKS_REPORT_WB_WAREHOUSES_PAGE_MAX} rows"),
            ));
        }
        let answer: InventoryWbEnvelope = self
            .client
            .transport(Host::Analytics)
            .json(STOCKS_REPORT_WB_WAREHOUSES.request().json(request)?)
            .await?;
        Ok(answer.data.items)
    }

    /// Every stock row on WB's warehouses (of `nm_ids`, or of every article when empty),
    /// page by page by `offset` until a page shorter than `page_size` (clamped to 1..=
    /// [`STOCKS_REPORT_WB_WAREHOUSES_PAGE_MAX`]). **Each page costs 20 s of quota** (3 a minute). More than
    /// [`STOCKS_REPORT_WB_WAREHOUSES_MAX`] articles fail the first page.
    pub fn wb_warehouses_stocks_stream(
        &self,
        nm_ids: Vec<NmId>,
        page_size: u32,
    ) -> BoxStream<'a, Result<InventoryWbItem>> {
        let api = *self;
        let limit = page_size.clamp(1, STOCKS_REPORT_WB_WAREHOUSES_PAGE_MAX);
        paginate(0u64, move |offset| {
            let request = InventoryRequest {
                nm_ids: nm_ids.clone(),
                chrt_ids: Vec::new(),
                limit: Some(limit),
                offset: Some(offset),
            };
            async move {
                let rows = api.wb_warehouses_stocks(&request).await?;
                let got = rows.len() as u64;
                let page = if got < u64::from(limit) {
                    Page::last(rows)
                } else {
                    Page::more(rows, offset.saturating_add(got))
                };
                // A page seen before (an offset the server ignores) ends the stream in error.
                Ok(page.signed_by(|r| (r.nm_id, r.chrt_id, r.warehouse_id)))
            }
        })
    }
}
