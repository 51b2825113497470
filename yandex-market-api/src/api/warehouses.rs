//! The warehouses section: the business's own warehouses (FBS, DBS, Express), page by page,
//! and Yandex Market's fulfilment (FBY) warehouses.

use futures::stream::BoxStream;
use market_core::batch::chunks;
use market_core::paginate::{Page, paginate};
use market_core::transport::Operation;
use market_core::{Error, Result};

use super::campaigns::{chain_until_error, check_limit, dedup, ok_result, paged};
use crate::Client;
use crate::ids::{BusinessId, CampaignId};
use crate::models::warehouses::*;

/// The most shops (`campaignIds`) one `getPagedWarehouses` request filters by.
pub const CAMPAIGN_IDS_MAX: usize = 25;
/// The largest page of `getPagedWarehouses` (its `limit` parameter).
pub const PAGED_WAREHOUSES_GET_PAGE_MAX: u32 = 30;

/// `getPagedWarehouses`, `POST /v2/businesses/{businessId}/warehouses`: the business's warehouses, by page token.
pub static PAGED_WAREHOUSES_GET: Operation = Operation::post(
    "paged_warehouses_get",
    "/v2/businesses/{businessId}/warehouses",
)
.in_group("getPagedWarehouses")
.batch_max(CAMPAIGN_IDS_MAX);
/// `getFulfillmentWarehouses`, `GET /v2/warehouses`: Yandex Market's fulfilment warehouses.
pub static FULFILLMENT_WAREHOUSES_GET: Operation =
    Operation::get("fulfillment_warehouses_get", "/v2/warehouses")
        .in_group("getFulfillmentWarehouses");

/// The request as sent: repeated ids dropped, empty lists left out (the spec wants at least
/// one element when a list is given), every shop id a valid id and at most
/// [`CAMPAIGN_IDS_MAX`] of them.
fn normalize(request: &PagedWarehousesRequest) -> Result<PagedWarehousesRequest> {
    let campaign_ids = request
        .campaign_ids
        .clone()
        .map(dedup)
        .filter(|ids| !ids.is_empty());
    if let Some(ids) = &campaign_ids {
        if let Some(bad) = ids.iter().find(|id| id.get() < 1) {
            return Err(Error::validation(
                format!("campaignId {bad}"),
                "a campaign id is at least 1",
            ));
        }
        if ids.len() > CAMPAIGN_IDS_MAX {
            return Err(Error::Validation {
                item: Some("campaignIds".into()),
                message: format!(
                    "{} shops in one request, at most {CAMPAIGN_IDS_MAX} (list_stream splits them)",
                    ids.len()
                ),
            });
        }
    }
    let components = request
        .components
        .clone()
        .map(dedup)
        .filter(|c| !c.is_empty());
    Ok(PagedWarehousesRequest {
        campaign_ids,
        components,
    })
}

/// The warehouses section: `client.warehouses()`.
#[derive(Debug, Clone, Copy)]
pub struct WarehousesApi<'a> {
    client: &'a Client,
}

impl Client {
    /// Warehouses: the business's own and Yandex Market's fulfilment ones.
    pub fn warehouses(&self) -> WarehousesApi<'_> {
        WarehousesApi { client: self }
    }
}

impl<'a> WarehousesApi<'a> {
    /// `POST /v2/businesses/{businessId}/warehouses`: one page of the business's warehouses
    /// (`page_token` from the previous page, `limit` 1 to 30, the vendor's default 15). At
    /// most 25 shops in `campaign_ids`.
    pub async fn list(
        &self,
        business: BusinessId,
        request: &PagedWarehousesRequest,
        page_token: Option<&str>,
        limit: Option<u32>,
    ) -> Result<PagedWarehouses> {
        check_limit(&PAGED_WAREHOUSES_GET, limit, PAGED_WAREHOUSES_GET_PAGE_MAX)?;
        let body = normalize(request)?;
        let request = paged(
            PAGED_WAREHOUSES_GET
                .request()
                .path_param("businessId", business),
            page_token,
            limit,
        )
        .json(&body)?;
        let response: PagedWarehousesResponse = self.client.transport().json(request).await?;
        ok_result(
            &PAGED_WAREHOUSES_GET,
            response.status.as_ref(),
            response.result,
        )
    }

    /// `POST /v2/businesses/{businessId}/warehouses`: every warehouse of the business, page
    /// after page (30 a page) to the end. More than 25 shops in `campaign_ids` are asked for
    /// 25 at a time, one after the other. The stream ends after the first error.
    pub fn list_stream(
        &self,
        business: BusinessId,
        request: PagedWarehousesRequest,
    ) -> BoxStream<'a, Result<WarehouseDetails>> {
        let ids: Option<Vec<CampaignId>> = request.campaign_ids.clone().map(dedup);
        let requests: Vec<PagedWarehousesRequest> = match ids {
            Some(ids) if ids.len() > CAMPAIGN_IDS_MAX => chunks(ids, CAMPAIGN_IDS_MAX)
                .into_iter()
                .map(|chunk| PagedWarehousesRequest {
                    campaign_ids: Some(chunk),
                    components: request.components.clone(),
                })
                .collect(),
            _ => vec![request],
        };
        let client = self.client;
        chain_until_error(
            requests
                .into_iter()
                .map(|body| {
                    paginate(None::<String>, move |token| {
                        let body = body.clone();
                        async move {
                            let page = WarehousesApi { client }
                                .list(
                                    business,
                                    &body,
                                    token.as_deref(),
                                    Some(PAGED_WAREHOUSES_GET_PAGE_MAX),
                                )
                                .await?;
                            let next = page
                                .paging
                                .as_ref()
                                .and_then(|p| p.next())
                                .map(str::to_owned);
                            Ok(match next {
                                Some(n) => Page::more(page.warehouses, Some(n)),
                                None => Page::last(page.warehouses),
                            }
                            .signed_by(|w| w.id))
                        }
                    })
                })
                .collect(),
        )
    }

    /// `GET /v2/warehouses`: Yandex Market's fulfilment (FBY) warehouses; with a shop, only
    /// those linked to it.
    pub async fn fulfillment(
        &self,
        campaign: Option<CampaignId>,
    ) -> Result<Vec<FulfillmentWarehouse>> {
        let mut request = FULFILLMENT_WAREHOUSES_GET.request();
        if let Some(c) = campaign {
            request = request.query("campaignId", c);
        }
        let response: FulfillmentWarehousesResponse = self.client.transport().json(request).await?;
        Ok(ok_result(
            &FULFILLMENT_WAREHOUSES_GET,
            response.status.as_ref(),
            response.result,
        )?
        .warehouses)
    }
}
