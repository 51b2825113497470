//! The stocks section: setting a shop's stocks (`updateStocks`, in chunks of 2,000 SKUs, item
//! by item reported) and reading them per warehouse (`getStocks`, by pages or by SKUs).
//!
//! `updateStocks` names no warehouse: the campaign is the warehouse (for a group of
//! warehouses, the stock of any one of them is copied to the others by Yandex Market).

use std::collections::HashSet;

use futures::stream::{self, BoxStream, StreamExt};
use market_core::batch::{chunks, run_batches};
use market_core::paginate::{Page, paginate};
use market_core::transport::Operation;
use market_core::{BatchReport, Error, Result};

use super::campaigns::{chain_until_error, check_limit, dedup, ok_result, paged};
use crate::Client;
use crate::error::envelope_report;
use crate::ids::CampaignId;
use crate::limits::MAX_BODY_BYTES;
use crate::models::common::EmptyResponse;
use crate::models::stocks::*;

/// The most SKUs one `updateStocks` request carries.
pub const STOCKS_UPDATE_MAX: usize = 2000;
/// The largest count `updateStocks` takes.
pub const COUNT_MAX: i64 = 2_000_000_000;
/// The most SKUs (`offerIds`) one `getStocks` request asks for.
pub const STOCKS_GET_MAX: usize = 500;
/// The largest page of `getStocks` (its `limit` parameter).
pub const STOCKS_GET_PAGE_MAX: u32 = 200;
/// The page size Yandex Market uses for `getStocks` when none is given.
pub const STOCKS_PAGE_DEFAULT: u32 = 100;
/// The longest SKU (`ShopSku`), in characters.
pub const SKU_MAX_CHARS: usize = 255;

/// `updateStocks`, `PUT /v2/campaigns/{campaignId}/offers/stocks`: sets the stocks of SKUs (quota counted in
/// SKUs).
pub static STOCKS_UPDATE: Operation =
    Operation::put("stocks_update", "/v2/campaigns/{campaignId}/offers/stocks")
        .in_group("updateStocks")
        .batch_max(STOCKS_UPDATE_MAX);
/// `getStocks`, `POST /v2/campaigns/{campaignId}/offers/stocks`: the stocks per warehouse (a read; quota
/// counted in SKUs returned).
pub static STOCKS_GET: Operation =
    Operation::post("stocks_get", "/v2/campaigns/{campaignId}/offers/stocks")
        .in_group("getStocks")
        .batch_max(STOCKS_GET_MAX);

/// Checks a seller SKU against the spec's `ShopSku`: 1 to 255 characters, not only
/// whitespace, no control characters other than tab.
pub fn validate_sku(sku: &str) -> std::result::Result<(), String> {
    if sku.trim().is_empty() {
        return Err("the SKU (offer id) is empty".into());
    }
    let chars = sku.chars().count();
    if chars > SKU_MAX_CHARS {
        return Err(format!(
            "the SKU is {chars} characters long, at most {SKU_MAX_CHARS}"
        ));
    }
    if sku.chars().any(|c| c.is_control() && c != '\t') {
        return Err("the SKU holds a control character".into());
    }
    Ok(())
}

/// Checks one SKU's stock before sending: a valid SKU, exactly one entry, a count from 0 to
/// [`COUNT_MAX`].
pub fn validate_stock(stock: &StockUpdate) -> std::result::Result<(), String> {
    validate_sku(&stock.sku)?;
    let [item] = stock.items.as_slice() else {
        return Err(format!(
            "a SKU takes exactly one stock entry, got {}",
            stock.items.len()
        ));
    };
    if item.count < 0 {
        return Err(format!("count {} is negative", item.count));
    }
    if item.count > COUNT_MAX {
        return Err(format!(
            "count {} is above the maximum of {COUNT_MAX}",
            item.count
        ));
    }
    Ok(())
}

fn check_campaign(campaign: CampaignId) -> Result<()> {
    if campaign.get() < 1 {
        return Err(Error::validation(
            format!("campaignId {campaign}"),
            "a campaign id is at least 1",
        ));
    }
    Ok(())
}

/// The SKUs of a `getStocks` request as sent (repeats dropped), each checked, at most
/// [`STOCKS_GET_MAX`] unless `split`.
fn checked_offer_ids(ids: &[String]) -> Result<Vec<String>> {
    for id in ids {
        validate_sku(id).map_err(|m| Error::validation(format!("offer {id:?}"), m))?;
    }
    Ok(dedup(ids.to_vec()))
}

/// Flattens a page of stocks to one entry per SKU and warehouse.
fn flatten(stocks: WarehouseStocks) -> Vec<OfferStocks> {
    stocks
        .warehouses
        .into_iter()
        .flat_map(|w| {
            let warehouse_id = w.warehouse_id;
            w.offers.into_iter().map(move |offer| OfferStocks {
                warehouse_id,
                offer,
            })
        })
        .collect()
}

/// SKUs a request: at most [`STOCKS_UPDATE_MAX`], fewer when long SKUs would take the body
/// over Yandex Market's [`MAX_BODY_BYTES`] (sized by the longest valid entry).
fn chunk_size(stocks: &[StockUpdate]) -> usize {
    let longest = stocks
        .iter()
        .filter(|s| validate_stock(s).is_ok())
        .filter_map(|s| serde_json::to_vec(s).ok())
        .map(|b| b.len() + 1)
        .max()
        .unwrap_or(1);
    // `{"skus":[` and `]}`, with room to spare.
    let room = MAX_BODY_BYTES.saturating_sub(64);
    (room / longest).clamp(1, STOCKS_UPDATE_MAX)
}

/// The stocks section: `client.stocks()`.
#[derive(Debug, Clone, Copy)]
pub struct StocksApi<'a> {
    client: &'a Client,
}

impl Client {
    /// Stocks of a shop.
    pub fn stocks(&self) -> StocksApi<'_> {
        StocksApi { client: self }
    }
}

impl<'a> StocksApi<'a> {
    /// `PUT /v2/campaigns/{campaignId}/offers/stocks`: sets the available count of SKUs.
    ///
    /// Any number of SKUs, sent in requests of at most 2,000 (fewer when long SKUs would take
    /// a body over 512 KB; each request weighs its SKUs against the item-counted quota). A SKU that cannot be valid (empty or too long, a
    /// control character, not exactly one stock entry, a count below 0 or above 2,000,000,000)
    /// is rejected locally under its SKU and not sent; a SKU given twice is sent once (its
    /// first entry) and the repeat rejected. A request Yandex Market refuses (400, or `ERROR`
    /// in the answer) has its SKUs rejected with YM's code; the other requests still go.
    pub async fn update(
        &self,
        campaign: CampaignId,
        stocks: Vec<StockUpdate>,
    ) -> Result<BatchReport<String>> {
        check_campaign(campaign)?;
        let mut report = BatchReport::new();
        let mut seen = HashSet::with_capacity(stocks.len());
        let mut unique = Vec::with_capacity(stocks.len());
        for stock in stocks {
            // Yandex Market trims SKUs: " A" and "A" are the same offer.
            let trimmed = stock.sku.trim();
            if trimmed.is_empty() || seen.insert(trimmed.to_owned()) {
                unique.push(stock);
            } else {
                report.reject_invalid(
                    stock.sku,
                    "the SKU appears more than once; only its first entry is sent",
                );
            }
        }
        let max = chunk_size(&unique);
        let client = self.client;
        let sent = run_batches(
            unique,
            max,
            |s: &StockUpdate| s.sku.clone(),
            validate_stock,
            |chunk| async move {
                let keys: Vec<String> = chunk.iter().map(|s| s.sku.clone()).collect();
                let body = UpdateStocksRequest { skus: chunk };
                let request = STOCKS_UPDATE
                    .request()
                    .path_param("campaignId", campaign)
                    .weight(body.skus.len())
                    .json(&body)?;
                let answer: EmptyResponse = client.transport().json(request).await?;
                Ok(envelope_report(keys, &answer))
            },
        )
        .await;
        let mut all = sent;
        all.merge(report);
        Ok(all)
    }

    /// `POST /v2/campaigns/{campaignId}/offers/stocks`: one page of stocks per warehouse.
    ///
    /// By pages: `page_token` from the previous page, `limit` 1 to 200 (the vendor's default
    /// 100). By SKUs (`offer_ids`, at most 500): the answer is whole, so a page token, a page
    /// size and `archived` are refused with a validation error, as the spec asks.
    pub async fn list(
        &self,
        campaign: CampaignId,
        request: &GetStocksRequest,
        page_token: Option<&str>,
        limit: Option<u32>,
    ) -> Result<WarehouseStocks> {
        check_campaign(campaign)?;
        check_limit(&STOCKS_GET, limit, STOCKS_GET_PAGE_MAX)?;
        let mut body = request.clone();
        let weight = match &request.offer_ids {
            Some(ids) => {
                let ids = checked_offer_ids(ids)?;
                if ids.is_empty() {
                    return Err(Error::Validation {
                        item: Some("offerIds".into()),
                        message: "an empty list of SKUs: leave offer_ids out instead".into(),
                    });
                }
                if ids.len() > STOCKS_GET_MAX {
                    return Err(Error::Validation {
                        item: Some("offerIds".into()),
                        message: format!(
                            "{} SKUs in one request, at most {STOCKS_GET_MAX} (list_stream splits them)",
                            ids.len()
                        ),
                    });
                }
                if page_token.is_some() || limit.is_some() || request.archived.is_some() {
                    return Err(Error::Validation {
                        item: Some("offerIds".into()),
                        message: "asking by SKUs returns them whole: no page token, page size \
                                  or archived filter with offer_ids"
                            .into(),
                    });
                }
                let n = ids.len();
                body.offer_ids = Some(ids);
                n
            }
            None => limit.unwrap_or(STOCKS_PAGE_DEFAULT) as usize,
        };
        let request = paged(
            STOCKS_GET.request().path_param("campaignId", campaign),
            page_token,
            limit,
        )
        .weight(weight)
        .json(&body)?;
        let response: GetStocksResponse = self.client.transport().json(request).await?;
        ok_result(&STOCKS_GET, response.status.as_ref(), response.result)
    }

    /// `POST /v2/campaigns/{campaignId}/offers/stocks`: every SKU's stocks, one entry per SKU
    /// and warehouse.
    ///
    /// Without `offer_ids`: page after page (200 a page) to the end. With `offer_ids`: 500
    /// SKUs a request, each answer whole (any page token in it is not followed, as asking by
    /// SKUs has no pages). The stream ends after the first error.
    pub fn list_stream(
        &self,
        campaign: CampaignId,
        request: GetStocksRequest,
    ) -> BoxStream<'a, Result<OfferStocks>> {
        let client = self.client;
        let Some(ids) = request.offer_ids.clone() else {
            return paginate(None::<String>, move |token| {
                let body = request.clone();
                async move {
                    let page = StocksApi { client }
                        .list(campaign, &body, token.as_deref(), Some(STOCKS_GET_PAGE_MAX))
                        .await?;
                    let next = page
                        .paging
                        .as_ref()
                        .and_then(|p| p.next())
                        .map(str::to_owned);
                    let items = flatten(page);
                    Ok(match next {
                        Some(n) => Page::more(items, Some(n)),
                        None => Page::last(items),
                    }
                    .signed_by(|s| (s.warehouse_id, s.offer.offer_id.clone())))
                }
            });
        };
        let ids = match checked_offer_ids(&ids) {
            Ok(ids) => ids,
            Err(e) => return stream::iter([Err(e)]).boxed(),
        };
        let streams = chunks(ids, STOCKS_GET_MAX)
            .into_iter()
            .map(|chunk| {
                let body = GetStocksRequest {
                    offer_ids: Some(chunk),
                    ..request.clone()
                };
                stream::once(async move {
                    StocksApi { client }
                        .list(campaign, &body, None, None)
                        .await
                        .map(flatten)
                })
                .map(|page| match page {
                    Ok(items) => stream::iter(items.into_iter().map(Ok)).boxed(),
                    Err(e) => stream::iter([Err(e)]).boxed(),
                })
                .flatten()
                .boxed()
            })
            .collect();
        chain_until_error(streams)
    }
}
