//! Statistics: orders and sales reports. (The stock of WB's warehouses moved to
//! [`crate::api::analytics`]: WB switched `GET /api/v1/supplier/stocks` off.)
//!
//! WB allows **one request a minute** per account for each of these methods
//! ([`groups::STATISTICS_ORDERS`] with a burst of 10, [`groups::STATISTICS_SALES`]: one method
//! does not wait for another; base tokens one in 3 and 2 hours); the client waits for its
//! turn. The data is refreshed every 30 minutes.

use std::future::Future;

use chrono::{DateTime, Utc};
use futures::stream::BoxStream;
use market_core::Result;
use market_core::paginate::{Page, paginate};
use market_core::transport::Operation;
use serde::de::DeserializeOwned;

use crate::limits::groups;
use crate::models::statistics::*;
use crate::{Client, Host};

/// `GET /api/v1/supplier/orders`.
pub static STATISTICS_ORDERS: Operation =
    Operation::get("statistics_orders", "/api/v1/supplier/orders")
        .in_group(groups::STATISTICS_ORDERS);
/// `GET /api/v1/supplier/sales`.
pub static STATISTICS_SALES: Operation =
    Operation::get("statistics_sales", "/api/v1/supplier/sales").in_group(groups::STATISTICS_SALES);

/// What `dateFrom` selects in the orders and sales reports (the `flag` parameter).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum DateMode {
    /// `flag=0`: rows changed at or after `dateFrom` (up to about 80 000 a page; page on with
    /// `lastChangeDate`).
    #[default]
    ChangedSince,
    /// `flag=1`: every row of the Moscow day of `dateFrom` (its time is ignored), in one answer.
    OnDay,
}

impl DateMode {
    /// The `flag` value.
    pub fn flag(self) -> u8 {
        match self {
            Self::ChangedSince => 0,
            Self::OnDay => 1,
        }
    }
}

/// `dateFrom` as WB reads it: Moscow time without an offset, with the full fraction (so
/// that a `lastChangeDate` read back is sent unchanged).
pub fn date_from_param(t: DateTime<Utc>) -> String {
    utc_to_moscow(t).format("%Y-%m-%dT%H:%M:%S%.f").to_string()
}

/// The statistics section: `client.statistics()`.
#[derive(Debug, Clone, Copy)]
pub struct StatisticsApi<'a> {
    client: &'a Client,
}

impl Client {
    /// Statistics reports (one request a minute per method).
    pub fn statistics(&self) -> StatisticsApi<'_> {
        StatisticsApi { client: self }
    }
}

impl<'a> StatisticsApi<'a> {
    async fn get<T: DeserializeOwned>(
        &self,
        op: &'static Operation,
        date_from: DateTime<Utc>,
        mode: DateMode,
    ) -> Result<Vec<T>> {
        let request = op
            .request()
            .query("dateFrom", date_from_param(date_from))
            .query("flag", mode.flag());
        self.client.transport(Host::Statistics).json(request).await
    }

    /// `GET /api/v1/supplier/orders`: one page of orders of the last 90 days, selected by
    /// `mode` (changed since `date_from`, or placed on its day).
    pub async fn orders(&self, date_from: DateTime<Utc>, mode: DateMode) -> Result<Vec<OrderRow>> {
        self.get(&STATISTICS_ORDERS, date_from, mode).await
    }

    /// Every order changed at or after `date_from` (`flag=0`), page by page by
    /// `lastChangeDate` until an empty page. **Each page costs a minute of quota.**
    pub fn orders_stream(&self, date_from: DateTime<Utc>) -> BoxStream<'a, Result<OrderRow>> {
        let api = *self;
        date_from_stream(date_from, move |from| async move {
            api.orders(from, DateMode::ChangedSince).await
        })
    }

    /// `GET /api/v1/supplier/sales`: one page of sales and returns of the last 90 days,
    /// selected by `mode`.
    pub async fn sales(&self, date_from: DateTime<Utc>, mode: DateMode) -> Result<Vec<SaleRow>> {
        self.get(&STATISTICS_SALES, date_from, mode).await
    }

    /// Every sale and return changed at or after `date_from` (`flag=0`), page by page by
    /// `lastChangeDate` until an empty page. **Each page costs a minute of quota.**
    pub fn sales_stream(&self, date_from: DateTime<Utc>) -> BoxStream<'a, Result<SaleRow>> {
        let api = *self;
        date_from_stream(date_from, move |from| async move {
            api.sales(from, DateMode::ChangedSince).await
        })
    }
}

/// Where the next statistics page starts, and the rows already yielded at that instant.
#[derive(Debug, Clone, PartialEq)]
struct DateCursor<T> {
    date_from: DateTime<Utc>,
    /// Rows already yielded whose `lastChangeDate` is `date_from` (all rows of the previous
    /// page when the date did not move): WB answers rows changed *at or after* `dateFrom`, so
    /// it may send them again.
    seen: Vec<T>,
}

/// WB's `dateFrom` paging: the next page's `dateFrom` is the last row's `lastChangeDate`;
/// an empty page (after dropping rows already yielded) ends the stream.
fn date_from_stream<'a, T, F, Fut>(
    date_from: DateTime<Utc>,
    mut fetch: F,
) -> BoxStream<'a, Result<T>>
where
    T: LastChange + Clone + PartialEq + Send + 'a,
    F: FnMut(DateTime<Utc>) -> Fut + Send + 'a,
    Fut: Future<Output = Result<Vec<T>>> + Send + 'a,
{
    let first = DateCursor {
        date_from,
        seen: Vec::new(),
    };
    paginate(first, move |cursor: DateCursor<T>| {
        let page = fetch(cursor.date_from);
        async move {
            let rows: Vec<T> = page
                .await?
                .into_iter()
                .filter(|r| !cursor.seen.contains(r))
                .collect();
            let Some(last) = rows.last().map(LastChange::last_change) else {
                return Ok(Page::last(rows));
            };
            let next = if last > cursor.date_from {
                DateCursor {
                    date_from: last,
                    seen: rows
                        .iter()
                        .filter(|r| r.last_change() == last)
                        .cloned()
                        .collect(),
                }
            } else {
                let mut seen = cursor.seen;
                seen.extend(rows.iter().cloned());
                DateCursor {
                    date_from: cursor.date_from,
                    seen,
                }
            };
            Ok(Page::more(rows, next))
        }
    })
}
