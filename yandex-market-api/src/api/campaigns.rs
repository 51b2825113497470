//! The campaigns section: the shops (campaigns) the API key reaches, one shop, a shop's
//! settings, and the business's settings.
//!
//! Also the small helpers the other sections of this crate share (unwrapping the `result` of
//! YM's envelope, checking a page size).

use futures::stream::BoxStream;
use market_core::paginate::{Page, paginate};
use market_core::transport::{Operation, Request};
use market_core::{Error, Result};

use crate::Client;
use crate::ids::{BusinessId, CampaignId};
use crate::models::campaigns::*;
use crate::models::common::ApiStatus;

/// The largest page of `getCampaigns` (its `limit` parameter).
pub const CAMPAIGNS_GET_PAGE_MAX: u32 = 100;

/// `getCampaigns`, `GET /v2/campaigns`: the shops the key reaches, by page token.
pub static CAMPAIGNS_GET: Operation =
    Operation::get("campaigns_get", "/v2/campaigns").in_group("getCampaigns");
/// `getCampaign`, `GET /v2/campaigns/{campaignId}`: one shop.
pub static CAMPAIGN_GET: Operation =
    Operation::get("campaign_get", "/v2/campaigns/{campaignId}").in_group("getCampaign");
/// `getCampaignSettings`, `GET /v2/campaigns/{campaignId}/settings`: a shop's settings.
pub static CAMPAIGN_SETTINGS_GET: Operation = Operation::get(
    "campaign_settings_get",
    "/v2/campaigns/{campaignId}/settings",
)
.in_group("getCampaignSettings");
/// `getBusinessSettings`, `POST /v2/businesses/{businessId}/settings`: a business's settings (a read, without body).
pub static BUSINESS_SETTINGS_GET: Operation = Operation::post(
    "business_settings_get",
    "/v2/businesses/{businessId}/settings",
)
.in_group("getBusinessSettings");

/// The `result` of an answer, or a decode error naming the operation when it is missing.
pub(crate) fn required<T>(op: &Operation, field: &str, value: Option<T>) -> Result<T> {
    value.ok_or_else(|| Error::Decode {
        vendor: market_core::MarketplaceKind::YandexMarket.name(),
        operation: op.name,
        path: field.to_owned(),
        message: format!("the answer has no `{field}`"),
        excerpt: String::new(),
    })
}

/// The `result` of an answer that must carry one (every list read): an error when the answer
/// says `ERROR` (a 200 may) or has no `result`, never an empty last page.
pub(crate) fn ok_result<T>(
    op: &Operation,
    status: Option<&ApiStatus>,
    result: Option<T>,
) -> Result<T> {
    if status == Some(&ApiStatus::Error) {
        return Err(Error::Decode {
            vendor: market_core::MarketplaceKind::YandexMarket.name(),
            operation: op.name,
            path: "status".to_owned(),
            message: "the answer says ERROR".to_owned(),
            excerpt: String::new(),
        });
    }
    required(op, "result", result)
}

/// Checks a page size against the operation's bounds (1 to `max`).
pub(crate) fn check_limit(op: &Operation, limit: Option<u32>, max: u32) -> Result<()> {
    match limit {
        Some(l) if l == 0 || l > max => Err(Error::Validation {
            item: Some(format!("{} limit", op.name)),
            message: format!("the page size {l} is outside 1..={max}"),
        }),
        _ => Ok(()),
    }
}

/// A request with the `pageToken` and `limit` query parameters, when given.
pub(crate) fn paged(mut request: Request, page_token: Option<&str>, limit: Option<u32>) -> Request {
    if let Some(t) = page_token.filter(|t| !t.is_empty()) {
        request = request.query("pageToken", t);
    }
    if let Some(l) = limit {
        request = request.query("limit", l);
    }
    request
}

/// Chains streams (one per chunk of a filter split at the vendor maximum), ending after the
/// first error.
pub(crate) fn chain_until_error<'a, T: Send + 'a>(
    streams: Vec<BoxStream<'a, Result<T>>>,
) -> BoxStream<'a, Result<T>> {
    use futures::StreamExt;
    futures::stream::iter(streams)
        .flatten()
        .scan(false, |failed, item| {
            if *failed {
                return futures::future::ready(None);
            }
            *failed = item.is_err();
            futures::future::ready(Some(item))
        })
        .boxed()
}

/// Keeps the first occurrence of each value, in order.
pub(crate) fn dedup<T: Eq + std::hash::Hash + Clone>(items: Vec<T>) -> Vec<T> {
    let mut seen = std::collections::HashSet::with_capacity(items.len());
    items
        .into_iter()
        .filter(|item| seen.insert(item.clone()))
        .collect()
}

/// The campaigns section: `client.campaigns()`.
#[derive(Debug, Clone, Copy)]
pub struct CampaignsApi<'a> {
    client: &'a Client,
}

impl Client {
    /// Shops (campaigns) and business settings.
    pub fn campaigns(&self) -> CampaignsApi<'_> {
        CampaignsApi { client: self }
    }
}

impl<'a> CampaignsApi<'a> {
    /// `GET /v2/campaigns`: one page of the shops the key reaches (`page_token` from the
    /// previous page's `paging`, `limit` 1 to 100). Uses the page token paging; the spec's
    /// `page`/`pageSize` are deprecated and never sent.
    pub async fn list(
        &self,
        page_token: Option<&str>,
        limit: Option<u32>,
    ) -> Result<CampaignsResponse> {
        check_limit(&CAMPAIGNS_GET, limit, CAMPAIGNS_GET_PAGE_MAX)?;
        let request = paged(CAMPAIGNS_GET.request(), page_token, limit);
        self.client.transport().json(request).await
    }

    /// `GET /v2/campaigns`: every shop the key reaches, page after page (100 a page) to the
    /// end.
    pub fn list_stream(&self) -> BoxStream<'a, Result<Campaign>> {
        let client = self.client;
        paginate(None::<String>, move |token| async move {
            let page = CampaignsApi { client }
                .list(token.as_deref(), Some(CAMPAIGNS_GET_PAGE_MAX))
                .await?;
            let next = page
                .paging
                .as_ref()
                .and_then(|p| p.next())
                .map(str::to_owned);
            Ok(match next {
                Some(n) => Page::more(page.campaigns, Some(n)),
                None => Page::last(page.campaigns),
            }
            .signed_by(|c| (c.id, c.domain.clone())))
        })
    }

    /// `GET /v2/campaigns`: every shop the key reaches, all pages collected.
    pub async fn all(&self) -> Result<Vec<Campaign>> {
        use futures::TryStreamExt;
        self.list_stream().try_collect().await
    }

    /// `GET /v2/campaigns/{campaignId}`: one shop.
    pub async fn get(&self, campaign: CampaignId) -> Result<Campaign> {
        let response: CampaignResponse = self
            .client
            .transport()
            .json(CAMPAIGN_GET.request().path_param("campaignId", campaign))
            .await?;
        required(&CAMPAIGN_GET, "campaign", response.campaign)
    }

    /// `GET /v2/campaigns/{campaignId}/settings`: a shop's settings.
    pub async fn settings(&self, campaign: CampaignId) -> Result<CampaignSettings> {
        let response: CampaignSettingsResponse = self
            .client
            .transport()
            .json(
                CAMPAIGN_SETTINGS_GET
                    .request()
                    .path_param("campaignId", campaign),
            )
            .await?;
        required(&CAMPAIGN_SETTINGS_GET, "settings", response.settings)
    }

    /// `POST /v2/businesses/{businessId}/settings`: the business, its settings (currency,
    /// whether prices are business-wide only), subscription level and traits.
    pub async fn business_settings(&self, business: BusinessId) -> Result<BusinessSettingsInfo> {
        let response: BusinessSettingsResponse = self
            .client
            .transport()
            .json(
                BUSINESS_SETTINGS_GET
                    .request()
                    .path_param("businessId", business),
            )
            .await?;
        ok_result(
            &BUSINESS_SETTINGS_GET,
            response.status.as_ref(),
            response.result,
        )
    }
}
