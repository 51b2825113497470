//! The returns section: returns and unredeemed orders of a shop (page by page), one return,
//! the buyer's application form, and the seller's decisions on returned items.

use futures::stream::BoxStream;
use market_core::batch::chunks;
use market_core::paginate::{Page, paginate};
use market_core::transport::{Operation, Request};
use market_core::{Error, Result};

use super::campaigns::{chain_until_error, check_limit, dedup, ok_result, paged};
use crate::Client;
use crate::ids::{BusinessId, CampaignId, OrderId, ReturnId};
use crate::models::common::{ApiStatus, EmptyResponse};
use crate::models::returns::*;

/// The most orders (`orderIds`) one `getReturns` request filters by.
pub const RETURNS_GET_MAX: usize = 50;
/// The largest page of `getReturns` (its `limit` parameter).
pub const RETURNS_GET_PAGE_MAX: u32 = 100;

/// `getReturns`, `GET /v2/campaigns/{campaignId}/returns`: returns and unredeemed orders, by page token.
pub static RETURNS_GET: Operation =
    Operation::get("returns_get", "/v2/campaigns/{campaignId}/returns")
        .in_group("getReturns")
        .batch_max(RETURNS_GET_MAX);
/// `getReturn`, `GET /v2/campaigns/{campaignId}/orders/{orderId}/returns/{returnId}`: one return.
pub static RETURN_GET: Operation = Operation::get(
    "return_get",
    "/v2/campaigns/{campaignId}/orders/{orderId}/returns/{returnId}",
)
.in_group("getReturn");
/// `getReturnApplication`, `GET /v2/campaigns/{campaignId}/orders/{orderId}/returns/{returnId}/application`: the
/// buyer's application form (a PDF).
pub static RETURN_APPLICATION_GET: Operation = Operation::get(
    "return_application_get",
    "/v2/campaigns/{campaignId}/orders/{orderId}/returns/{returnId}/application",
)
.in_group("getReturnApplication");
/// `getReturnAvailableDecisions`, `POST /v1/businesses/{businessId}/returns/decisions`: the decisions open on a return (a
/// read).
pub static RETURN_AVAILABLE_DECISIONS_GET: Operation = Operation::post(
    "return_available_decisions_get",
    "/v1/businesses/{businessId}/returns/decisions",
)
.in_group("getReturnAvailableDecisions");
/// `submitReturnDecision`, `POST /v2/campaigns/{campaignId}/orders/{orderId}/returns/{returnId}/decision/submit`:
/// submits the seller's decisions (not safe to repeat).
pub static RETURN_DECISION_SUBMIT: Operation = Operation::post(
    "return_decision_submit",
    "/v2/campaigns/{campaignId}/orders/{orderId}/returns/{returnId}/decision/submit",
)
.in_group("submitReturnDecision")
.non_idempotent();

/// The query parameters of a filter (lists comma-separated, as the spec asks; dates
/// `YYYY-MM-DD`), checked.
fn filter_query(mut request: Request, filter: &ReturnsFilter) -> Result<Request> {
    fn join<T>(items: &[T], f: impl Fn(&T) -> String) -> String {
        items.iter().map(f).collect::<Vec<_>>().join(",")
    }
    let order_ids = dedup(filter.order_ids.clone());
    if order_ids.len() > RETURNS_GET_MAX {
        return Err(Error::Validation {
            item: Some("orderIds".into()),
            message: format!(
                "{} orders in one request, at most {RETURNS_GET_MAX} (list_stream splits them)",
                order_ids.len()
            ),
        });
    }
    if let (Some(from), Some(to)) = (filter.from_date, filter.to_date)
        && from > to
    {
        return Err(Error::Validation {
            item: Some("fromDate".into()),
            message: format!("fromDate {from} is after toDate {to}"),
        });
    }
    if !order_ids.is_empty() {
        request = request.query("orderIds", join(&order_ids, ToString::to_string));
    }
    let statuses = dedup(filter.statuses.clone());
    if !statuses.is_empty() {
        request = request.query("statuses", join(&statuses, |s| s.as_str().to_owned()));
    }
    let shipment = dedup(filter.shipment_statuses.clone());
    if !shipment.is_empty() {
        request = request.query(
            "shipmentStatuses",
            join(&shipment, |s| s.as_str().to_owned()),
        );
    }
    if let Some(t) = &filter.return_type {
        request = request.query("type", t.as_str());
    }
    if let Some(d) = filter.from_date {
        request = request.query("fromDate", d.format("%Y-%m-%d"));
    }
    if let Some(d) = filter.to_date {
        request = request.query("toDate", d.format("%Y-%m-%d"));
    }
    Ok(request)
}

/// Checks decisions before submitting: at least one; a compensation only with
/// `PARTIAL_MONEY_REFUND`, and above zero.
pub fn validate_decisions(decisions: &[ReturnItemDecision]) -> Result<()> {
    if decisions.is_empty() {
        return Err(Error::Validation {
            item: Some("returnItemDecisions".into()),
            message: "at least one decision is required".into(),
        });
    }
    for d in decisions {
        let Some(c) = &d.compensation else { continue };
        let item = format!("returnItemId {}", d.return_item_id);
        if d.decision_type != ReturnRequestDecisionType::PartialMoneyRefund {
            return Err(Error::validation(
                item,
                format!(
                    "a compensation goes only with PARTIAL_MONEY_REFUND, not {}",
                    d.decision_type
                ),
            ));
        }
        if c.value <= rust_decimal::Decimal::ZERO {
            return Err(Error::validation(
                item,
                format!("the compensation {} is not above 0", c.value),
            ));
        }
    }
    Ok(())
}

/// The returns section: `client.returns()`.
#[derive(Debug, Clone, Copy)]
pub struct ReturnsApi<'a> {
    client: &'a Client,
}

impl Client {
    /// Returns and unredeemed orders.
    pub fn returns(&self) -> ReturnsApi<'_> {
        ReturnsApi { client: self }
    }
}

impl<'a> ReturnsApi<'a> {
    /// `GET /v2/campaigns/{campaignId}/returns`: one page of returns and unredeemed orders
    /// (`page_token` from the previous page, `limit` 1 to 100, the vendor's default 50). At
    /// most 50 orders in the filter; `fromDate` not after `toDate`.
    pub async fn list(
        &self,
        campaign: CampaignId,
        filter: &ReturnsFilter,
        page_token: Option<&str>,
        limit: Option<u32>,
    ) -> Result<PagedReturns> {
        check_limit(&RETURNS_GET, limit, RETURNS_GET_PAGE_MAX)?;
        let request = filter_query(
            paged(
                RETURNS_GET.request().path_param("campaignId", campaign),
                page_token,
                limit,
            ),
            filter,
        )?;
        let response: ReturnsResponse = self.client.transport().json(request).await?;
        ok_result(&RETURNS_GET, response.status.as_ref(), response.result)
    }

    /// `GET /v2/campaigns/{campaignId}/returns`: every return and unredeemed order matching
    /// the filter, page after page (100 a page) to the end. More than 50 orders are asked for
    /// 50 at a time, one after the other. The stream ends after the first error.
    pub fn list_stream(
        &self,
        campaign: CampaignId,
        filter: ReturnsFilter,
    ) -> BoxStream<'a, Result<Return>> {
        let order_ids = dedup(filter.order_ids.clone());
        let filters: Vec<ReturnsFilter> = if order_ids.len() > RETURNS_GET_MAX {
            chunks(order_ids, RETURNS_GET_MAX)
                .into_iter()
                .map(|chunk| ReturnsFilter {
                    order_ids: chunk,
                    ..filter.clone()
                })
                .collect()
        } else {
            vec![filter]
        };
        let client = self.client;
        chain_until_error(
            filters
                .into_iter()
                .map(|filter| {
                    paginate(None::<String>, move |token| {
                        let filter = filter.clone();
                        async move {
                            let page = ReturnsApi { client }
                                .list(
                                    campaign,
                                    &filter,
                                    token.as_deref(),
                                    Some(RETURNS_GET_PAGE_MAX),
                                )
                                .await?;
                            let next = page
                                .paging
                                .as_ref()
                                .and_then(|p| p.next())
                                .map(str::to_owned);
                            Ok(match next {
                                Some(n) => Page::more(page.returns, Some(n)),
                                None => Page::last(page.returns),
                            }
                            .signed_by(|r| r.id))
                        }
                    })
                })
                .collect(),
        )
    }

    /// `GET /v2/campaigns/{campaignId}/orders/{orderId}/returns/{returnId}`: one return or
    /// unredeemed order.
    pub async fn get(
        &self,
        campaign: CampaignId,
        order: OrderId,
        return_id: ReturnId,
    ) -> Result<Return> {
        let request = RETURN_GET
            .request()
            .path_param("campaignId", campaign)
            .path_param("orderId", order)
            .path_param("returnId", return_id);
        let response: ReturnResponse = self.client.transport().json(request).await?;
        ok_result(&RETURN_GET, response.status.as_ref(), response.result)
    }

    /// `GET /v2/campaigns/{campaignId}/orders/{orderId}/returns/{returnId}/application`: the
    /// buyer's return application form, as a file (a PDF).
    pub async fn application(
        &self,
        campaign: CampaignId,
        order: OrderId,
        return_id: ReturnId,
    ) -> Result<ReturnApplication> {
        let request = RETURN_APPLICATION_GET
            .request()
            .path_param("campaignId", campaign)
            .path_param("orderId", order)
            .path_param("returnId", return_id);
        let response = self.client.transport().send(request).await?;
        let content_type = response
            .headers
            .get(http::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("application/pdf")
            .to_owned();
        Ok(ReturnApplication {
            content_type,
            bytes: response.body,
        })
    }

    /// `POST /v1/businesses/{businessId}/returns/decisions`: the decisions the seller may take
    /// on a return of a shop, with the bounds of a partial refund.
    pub async fn available_decisions(
        &self,
        business: BusinessId,
        campaign: CampaignId,
        return_id: ReturnId,
    ) -> Result<Vec<AvailableDecision>> {
        let body = AvailableDecisionsRequest {
            campaign_id: campaign,
            return_id,
        };
        let request = RETURN_AVAILABLE_DECISIONS_GET
            .request()
            .path_param("businessId", business)
            .json(&body)?;
        let response: AvailableDecisionsResponse = self.client.transport().json(request).await?;
        Ok(ok_result(
            &RETURN_AVAILABLE_DECISIONS_GET,
            response.status.as_ref(),
            response.result,
        )?
        .available_decisions)
    }

    /// `POST /v2/campaigns/{campaignId}/orders/{orderId}/returns/{returnId}/decision/submit`:
    /// submits a decision per returned item. Not repeated after a failure that may have
    /// reached Yandex Market. Checked first (see [`validate_decisions`]); an answer with
    /// status `ERROR` is an error.
    pub async fn submit_decision(
        &self,
        campaign: CampaignId,
        order: OrderId,
        return_id: ReturnId,
        decisions: Vec<ReturnItemDecision>,
    ) -> Result<()> {
        validate_decisions(&decisions)?;
        let body = SubmitReturnDecisionRequest {
            return_item_decisions: decisions,
        };
        let request = RETURN_DECISION_SUBMIT
            .request()
            .path_param("campaignId", campaign)
            .path_param("orderId", order)
            .path_param("returnId", return_id)
            .json(&body)?;
        let answer: EmptyResponse = self.client.transport().json(request).await?;
        if answer.status == Some(ApiStatus::Error) {
            let errors = answer
                .errors
                .unwrap_or_default()
                .into_iter()
                .map(|e| match e.message {
                    Some(m) => format!("{}: {m}", e.code),
                    None => e.code,
                })
                .collect::<Vec<_>>()
                .join("; ");
            return Err(Error::Decode {
                vendor: market_core::MarketplaceKind::YandexMarket.name(),
                operation: RETURN_DECISION_SUBMIT.name,
                path: "status".into(),
                message: format!("the answer says ERROR: {errors}"),
                excerpt: String::new(),
            });
        }
        Ok(())
    }
}
