//! The prices section: prices for every shop of a business (`updateBusinessPrices`,
//! `getDefaultPrices`), prices of one shop where the cabinet allows per-shop prices
//! (`updatePrices`, `getPricesByOfferIds`), and the price quarantine, business- and
//! campaign-wide (`getBusinessQuarantineOffers`, `confirmBusinessPrices`,
//! `getCampaignQuarantineOffers`, `confirmCampaignPrices`).
//!
//! Updates take any number of offers: they are split at the spec's maximum per request, each
//! request weighed in offers against the item-counted quota. An offer that cannot be valid is
//! rejected under its SKU before anything is sent (see [`validate_business_price`] and
//! [`validate_campaign_price`]); a request Yandex Market refuses (HTTP 400, or `ERROR` in the
//! answer) has its offers rejected with Yandex Market's code and message while the other
//! requests still go. Yandex Market applies prices within minutes, not at once.
//!
//! Per-shop prices (`updatePrices`, `getPricesByOfferIds`) work only in cabinets whose
//! `getBusinessSettings` answer says `onlyDefaultPrice: false`; otherwise use the business
//! methods.

use std::collections::HashSet;
use std::future::Future;

use futures::stream::BoxStream;
use market_core::batch::{chunks, run_batches};
use market_core::paginate::{Page, paginate};
use market_core::transport::{Operation, Request};
use market_core::{ApiError, ApiErrorKind, BatchReport, Error, RejectionStage, Result};
use rust_decimal::Decimal;

use super::campaigns::{chain_until_error, check_limit, ok_result, paged};
use crate::Client;
use crate::error::envelope_report;
use crate::ids::{BusinessId, CampaignId};
use crate::models::common::{EmptyResponse, Pager};
use crate::models::prices::*;

/// The most offers one `updateBusinessPrices` request carries.
pub const BUSINESS_PRICES_UPDATE_MAX: usize = 500;
/// The most offers one `updatePrices` request carries.
pub const PRICES_UPDATE_MAX: usize = 2000;
/// The most SKUs (`offerIds`) one `getDefaultPrices` request asks for.
pub const DEFAULT_PRICES_GET_MAX: usize = 200;
/// The most SKUs (`offerIds`) one `getPricesByOfferIds` request asks for.
pub const PRICES_BY_OFFER_IDS_GET_MAX: usize = 500;
/// The largest page of `getDefaultPrices` (its `limit`).
pub const DEFAULT_PRICES_GET_PAGE_MAX: u32 = 500;
/// The largest page of `getPricesByOfferIds` (its `limit`).
pub const PRICES_BY_OFFER_IDS_GET_PAGE_MAX: u32 = 500;
/// The page size Yandex Market uses for the price lists when none is given.
pub const PRICES_PAGE_DEFAULT: u32 = 250;
/// The most SKUs (`offerIds`) one `getBusinessQuarantineOffers` request asks for.
pub const BUSINESS_QUARANTINE_OFFERS_GET_MAX: usize = 200;
/// The largest page of `getBusinessQuarantineOffers` (its `limit`).
pub const BUSINESS_QUARANTINE_OFFERS_GET_PAGE_MAX: u32 = 200;
/// The most SKUs (`offerIds`) one `getCampaignQuarantineOffers` request asks for.
pub const CAMPAIGN_QUARANTINE_OFFERS_GET_MAX: usize = 200;
/// The largest page of `getCampaignQuarantineOffers` (its `limit`).
pub const CAMPAIGN_QUARANTINE_OFFERS_GET_PAGE_MAX: u32 = 200;
/// The most SKUs one `confirmBusinessPrices` request carries.
pub const BUSINESS_PRICES_CONFIRM_MAX: usize = 200;
/// The most SKUs one `confirmCampaignPrices` request carries.
pub const CAMPAIGN_PRICES_CONFIRM_MAX: usize = 200;
/// The largest `minimumForBestseller`.
pub const MINIMUM_FOR_BESTSELLER_MAX: Decimal = Decimal::from_parts(100_000_000, 0, 0, false, 0);
/// The most decimal places a price takes (kopecks; the spec gives no figure, see
/// [`validate_business_price`]).
pub const PRICE_DECIMALS_MAX: u32 = 2;
/// The longest SKU (`ShopSku`), in characters.
pub const OFFER_ID_MAX_CHARS: usize = 255;

/// `updateBusinessPrices`, `POST /v2/businesses/{businessId}/offer-prices/updates`: sets prices for every shop
/// (quota counted in offers).
pub static BUSINESS_PRICES_UPDATE: Operation = Operation::post(
    "business_prices_update",
    "/v2/businesses/{businessId}/offer-prices/updates",
)
.in_group("updateBusinessPrices")
.batch_max(BUSINESS_PRICES_UPDATE_MAX);
/// `getDefaultPrices`, `POST /v2/businesses/{businessId}/offer-prices`: the prices for every shop (a read; quota
/// counted in offers returned).
pub static DEFAULT_PRICES_GET: Operation = Operation::post(
    "default_prices_get",
    "/v2/businesses/{businessId}/offer-prices",
)
.in_group("getDefaultPrices")
.batch_max(DEFAULT_PRICES_GET_MAX);
/// `updatePrices`, `POST /v2/campaigns/{campaignId}/offer-prices/updates`: sets prices in one shop (quota
/// counted in offers).
pub static PRICES_UPDATE: Operation = Operation::post(
    "prices_update",
    "/v2/campaigns/{campaignId}/offer-prices/updates",
)
.in_group("updatePrices")
.batch_max(PRICES_UPDATE_MAX);
/// `getPricesByOfferIds`, `POST /v2/campaigns/{campaignId}/offer-prices`: the prices of one shop (a read; quota
/// counted in offers returned).
pub static PRICES_BY_OFFER_IDS_GET: Operation = Operation::post(
    "prices_by_offer_ids_get",
    "/v2/campaigns/{campaignId}/offer-prices",
)
.in_group("getPricesByOfferIds")
.batch_max(PRICES_BY_OFFER_IDS_GET_MAX);
/// `getBusinessQuarantineOffers`, `POST /v2/businesses/{businessId}/price-quarantine`: offers whose business price is in
/// quarantine (a read).
pub static BUSINESS_QUARANTINE_OFFERS_GET: Operation = Operation::post(
    "business_quarantine_offers_get",
    "/v2/businesses/{businessId}/price-quarantine",
)
.in_group("getBusinessQuarantineOffers")
.batch_max(BUSINESS_QUARANTINE_OFFERS_GET_MAX);
/// `confirmBusinessPrices`, `POST /v2/businesses/{businessId}/price-quarantine/confirm`: confirms quarantined
/// business prices (quota counted in SKUs).
pub static BUSINESS_PRICES_CONFIRM: Operation = Operation::post(
    "business_prices_confirm",
    "/v2/businesses/{businessId}/price-quarantine/confirm",
)
.in_group("confirmBusinessPrices")
.batch_max(BUSINESS_PRICES_CONFIRM_MAX);
/// `getCampaignQuarantineOffers`, `POST /v2/campaigns/{campaignId}/price-quarantine`: offers whose price in one shop is in
/// quarantine (a read).
pub static CAMPAIGN_QUARANTINE_OFFERS_GET: Operation = Operation::post(
    "campaign_quarantine_offers_get",
    "/v2/campaigns/{campaignId}/price-quarantine",
)
.in_group("getCampaignQuarantineOffers")
.batch_max(CAMPAIGN_QUARANTINE_OFFERS_GET_MAX);
/// `confirmCampaignPrices`, `POST /v2/campaigns/{campaignId}/price-quarantine/confirm`: confirms quarantined prices of
/// one shop (quota counted in SKUs).
pub static CAMPAIGN_PRICES_CONFIRM: Operation = Operation::post(
    "campaign_prices_confirm",
    "/v2/campaigns/{campaignId}/price-quarantine/confirm",
)
.in_group("confirmCampaignPrices")
.batch_max(CAMPAIGN_PRICES_CONFIRM_MAX);

// ---------------------------------------------------------------------------------------------
// Local checks.
// ---------------------------------------------------------------------------------------------

/// Checks a SKU against the spec's `ShopSku`: 1 to 255 characters, not only whitespace, no
/// control character other than tab.
pub fn validate_offer_id(offer_id: &str) -> std::result::Result<(), String> {
    if offer_id.trim().is_empty() {
        return Err("the offer id (SKU) is empty".into());
    }
    let chars = offer_id.chars().count();
    if chars > OFFER_ID_MAX_CHARS {
        return Err(format!(
            "the offer id is {chars} characters long, at most {OFFER_ID_MAX_CHARS}"
        ));
    }
    if offer_id.chars().any(|c| c.is_control() && c != '\t') {
        return Err("the offer id holds a control character".into());
    }
    Ok(())
}

/// An amount above 0, with at most `decimals` decimal places, that a JSON number carries
/// exactly.
fn check_amount(what: &str, value: &Decimal, decimals: u32) -> std::result::Result<(), String> {
    if value.is_sign_negative() || value.is_zero() {
        return Err(format!("{what} {value} is not above 0"));
    }
    let scale = value.normalize().scale();
    if scale > decimals {
        return Err(format!(
            "{what} {value} has {scale} decimal places, at most {decimals}"
        ));
    }
    if !market_core::wire::exact_number::is_exact(value) {
        return Err(format!(
            "{what} {value} cannot be sent exactly as a JSON number"
        ));
    }
    Ok(())
}

/// The price before the discount: a whole amount above the price.
fn check_discount_base(value: &Decimal, base: &Decimal) -> std::result::Result<(), String> {
    check_amount("the price before the discount (discountBase)", base, 0)?;
    if base <= value {
        return Err(format!(
            "the price before the discount (discountBase) {base} is not above the price {value}"
        ));
    }
    Ok(())
}

/// Checks a business price before sending: a valid SKU; a price above 0 with at most two
/// decimal places; a price before the discount, when given, that is a whole amount above the
/// price; a bestseller minimum, when given, above 0 and at most 100,000,000 with at most two
/// decimal places. Every amount must be exact as a JSON number.
///
/// The spec types prices as bare numbers; the two decimal places (kopecks) are this crate's
/// rule, the whole-amount `discountBase` is the spec's.
pub fn validate_business_price(offer: &BusinessOfferPrice) -> std::result::Result<(), String> {
    validate_offer_id(&offer.offer_id)?;
    let price = &offer.price;
    check_amount("the price", &price.value, PRICE_DECIMALS_MAX)?;
    if let Some(base) = &price.discount_base {
        check_discount_base(&price.value, base)?;
    }
    if let Some(minimum) = &price.minimum_for_bestseller {
        check_amount(
            "the bestseller minimum (minimumForBestseller)",
            minimum,
            PRICE_DECIMALS_MAX,
        )?;
        if *minimum > MINIMUM_FOR_BESTSELLER_MAX {
            return Err(format!(
                "the bestseller minimum {minimum} is above {MINIMUM_FOR_BESTSELLER_MAX}"
            ));
        }
    }
    Ok(())
}

/// Checks a shop price before sending: as [`validate_business_price`], and a price and a
/// currency must be given (the spec leaves them optional in the schema it shares with reads).
pub fn validate_campaign_price(offer: &OfferPrice) -> std::result::Result<(), String> {
    validate_offer_id(&offer.offer_id)?;
    let price = &offer.price;
    let Some(value) = &price.value else {
        return Err("no price (value) given".into());
    };
    if price.currency_id.is_none() {
        return Err("no currency (currencyId) given".into());
    }
    check_amount("the price", value, PRICE_DECIMALS_MAX)?;
    if let Some(base) = &price.discount_base {
        check_discount_base(value, base)?;
    }
    Ok(())
}

fn check_business(business: BusinessId) -> Result<()> {
    if business.get() < 1 {
        return Err(Error::validation(
            format!("businessId {business}"),
            "a business id is at least 1",
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

/// Keeps the first item of each SKU (Yandex Market trims SKUs, so `" A"` and `"A"` are one);
/// the repeats are rejected in the report.
fn first_of_each<T>(items: Vec<T>, key: impl Fn(&T) -> &str) -> (Vec<T>, BatchReport<String>) {
    let mut seen = HashSet::with_capacity(items.len());
    let mut unique = Vec::with_capacity(items.len());
    let mut report = BatchReport::new();
    for item in items {
        let trimmed = key(&item).trim();
        // An empty SKU is left to validation, which names the real problem.
        if trimmed.is_empty() || seen.insert(trimmed.to_owned()) {
            unique.push(item);
        } else {
            report.reject_invalid(
                key(&item).to_owned(),
                "the offer appears more than once; only its first entry is sent",
            );
        }
    }
    (unique, report)
}

/// The SKUs of a read filter: each valid, repeats dropped, not empty, at most `max` unless
/// the stream splits them (`max` = `usize::MAX`).
fn checked_offer_ids(ids: &[String], max: usize, stream: &str) -> Result<Vec<String>> {
    for id in ids {
        validate_offer_id(id).map_err(|m| Error::validation(format!("offer {id:?}"), m))?;
    }
    let mut seen = HashSet::with_capacity(ids.len());
    let ids: Vec<String> = ids
        .iter()
        .filter(|id| seen.insert(id.trim().to_owned()))
        .cloned()
        .collect();
    if ids.is_empty() {
        return Err(Error::Validation {
            item: Some("offerIds".into()),
            message: "an empty list of SKUs: leave the filter out instead".into(),
        });
    }
    if ids.len() > max {
        return Err(Error::Validation {
            item: Some("offerIds".into()),
            message: format!(
                "{} SKUs in one request, at most {max} ({stream} splits them)",
                ids.len()
            ),
        });
    }
    Ok(ids)
}

fn reject_all(keys: Vec<String>, code: String, message: String) -> BatchReport<String> {
    let mut report = BatchReport::new();
    for key in keys {
        report.reject(
            key,
            RejectionStage::Vendor,
            Some(code.clone()),
            message.clone(),
        );
    }
    report
}

/// A price update of any number of offers: repeats (by trimmed SKU) rejected, each offer
/// checked with `validate`, the rest sent in requests of at most `max` to `op` (the business
/// or campaign named by `target`), each weighing its offers.
#[allow(clippy::too_many_arguments)]
async fn update_offers<T, B: serde::Serialize>(
    client: &Client,
    op: &'static Operation,
    target: (&'static str, i64),
    offers: Vec<T>,
    max: usize,
    offer_id: fn(&T) -> &str,
    validate: fn(&T) -> std::result::Result<(), String>,
    body: fn(Vec<T>) -> B,
) -> BatchReport<String> {
    let (unique, repeats) = first_of_each(offers, offer_id);
    let mut report = run_batches(
        unique,
        max,
        |o: &T| offer_id(o).to_owned(),
        validate,
        |chunk: Vec<T>| async move {
            let keys: Vec<String> = chunk.iter().map(|o| offer_id(o).to_owned()).collect();
            let request = op
                .request()
                .path_param(target.0, target.1)
                .weight(chunk.len())
                .json(&body(chunk))?;
            send_chunk(client, request, keys).await
        },
    )
    .await;
    report.merge(repeats);
    report
}

/// Sends one chunk of an update: its SKUs accepted, or rejected with Yandex Market's code and
/// message when it refuses the request (HTTP 400 or `ERROR`). Other failures fail the chunk
/// (reported by `run_batches` at the request stage).
async fn send_chunk(
    client: &Client,
    request: Request,
    keys: Vec<String>,
) -> Result<BatchReport<String>> {
    match client.transport().json::<EmptyResponse>(request).await {
        Ok(answer) => Ok(envelope_report(keys, &answer)),
        Err(Error::Api(e)) if e.kind == ApiErrorKind::BadRequest => Ok(refused(keys, &e)),
        Err(e) => Err(e),
    }
}

fn refused(keys: Vec<String>, e: &ApiError) -> BatchReport<String> {
    let code = e
        .code
        .clone()
        .unwrap_or_else(|| format!("http_{}", e.status));
    let message = format!(
        "Yandex Market refused the request (HTTP {}): {}",
        e.status, e.message
    );
    reject_all(keys, code, message)
}

/// Streams the items of every page of a page-token list.
fn token_pages<'a, T, K, F, Fut>(key: fn(&T) -> K, mut fetch: F) -> BoxStream<'a, Result<T>>
where
    T: Send + 'a,
    K: std::hash::Hash + 'a,
    F: FnMut(Option<String>) -> Fut + Send + 'a,
    Fut: Future<Output = Result<(Vec<T>, Option<Pager>)>> + Send + 'a,
{
    paginate(None::<String>, move |token| {
        let page = fetch(token);
        async move {
            let (items, paging) = page.await?;
            let next = paging.as_ref().and_then(Pager::next).map(str::to_owned);
            Ok(match next {
                Some(n) => Page::more(items, Some(n)),
                None => Page::last(items),
            }
            .signed_by(key))
        }
    })
}

/// A stream holding one error.
fn failed<'a, T: Send + 'a>(e: Error) -> BoxStream<'a, Result<T>> {
    use futures::StreamExt;
    futures::stream::iter([Err(e)]).boxed()
}

/// Checks a quarantine filter: `offerIds` (at most `max`) alone, no empty list, categories
/// above 0.
fn checked_quarantine(
    request: &GetQuarantineOffersRequest,
    max: usize,
) -> Result<GetQuarantineOffersRequest> {
    let mut body = request.clone();
    if let Some(ids) = &request.offer_ids {
        if request.has_other_filters() {
            return Err(Error::Validation {
                item: Some("offerIds".into()),
                message: "the SKU filter cannot go with the other filters (card statuses, \
                          categories, brands, tags)"
                    .into(),
            });
        }
        body.offer_ids = Some(checked_offer_ids(ids, max, "the quarantine stream")?);
    }
    let empty = |name: &str, len: Option<usize>| match len {
        Some(0) => Err(Error::Validation {
            item: Some(name.to_owned()),
            message: "an empty filter list: leave it out instead".into(),
        }),
        _ => Ok(()),
    };
    empty("cardStatuses", request.card_statuses.as_ref().map(Vec::len))?;
    empty("categoryIds", request.category_ids.as_ref().map(Vec::len))?;
    empty("vendorNames", request.vendor_names.as_ref().map(Vec::len))?;
    empty("tags", request.tags.as_ref().map(Vec::len))?;
    if let Some(bad) = request.category_ids.iter().flatten().find(|c| **c < 1) {
        return Err(Error::validation(
            format!("categoryId {bad}"),
            "a category id is at least 1",
        ));
    }
    Ok(body)
}

// ---------------------------------------------------------------------------------------------
// The section.
// ---------------------------------------------------------------------------------------------

/// The prices section: `client.prices()`.
#[derive(Debug, Clone, Copy)]
pub struct PricesApi<'a> {
    client: &'a Client,
}

impl Client {
    /// Prices (business-wide and per shop) and the price quarantine.
    pub fn prices(&self) -> PricesApi<'_> {
        PricesApi { client: self }
    }
}

impl<'a> PricesApi<'a> {
    /// `POST /v2/businesses/{businessId}/offer-prices/updates`: sets prices for every shop of
    /// the business.
    ///
    /// Any number of offers, in requests of at most 500. An offer that fails
    /// [`validate_business_price`] is rejected locally and not sent; an offer given twice is
    /// sent once (its first entry) and the repeat rejected. A request Yandex Market refuses
    /// (400, or `ERROR` in the answer) has its offers rejected with YM's code and message; the
    /// other requests still go. Accepted means accepted for processing: the catalogue shows
    /// the price within minutes.
    pub async fn update_business_prices(
        &self,
        business: BusinessId,
        offers: Vec<BusinessOfferPrice>,
    ) -> Result<BatchReport<String>> {
        check_business(business)?;
        Ok(update_offers(
            self.client,
            &BUSINESS_PRICES_UPDATE,
            ("businessId", business.get()),
            offers,
            BUSINESS_PRICES_UPDATE_MAX,
            |o: &BusinessOfferPrice| o.offer_id.as_str(),
            validate_business_price,
            |offers| UpdateBusinessPricesRequest { offers },
        )
        .await)
    }

    /// `POST /v2/businesses/{businessId}/offer-prices`: one page of the prices set for every
    /// shop (`page_token` from the previous page, `limit` 1 to 500, the vendor's default
    /// 250; `offer_ids` at most 200).
    pub async fn default_prices(
        &self,
        business: BusinessId,
        request: &GetDefaultPricesRequest,
        page_token: Option<&str>,
        limit: Option<u32>,
    ) -> Result<DefaultPrices> {
        check_business(business)?;
        check_limit(&DEFAULT_PRICES_GET, limit, DEFAULT_PRICES_GET_PAGE_MAX)?;
        let page = limit.unwrap_or(PRICES_PAGE_DEFAULT) as usize;
        let mut body = request.clone();
        let weight = match &request.offer_ids {
            Some(ids) => {
                let ids = checked_offer_ids(ids, DEFAULT_PRICES_GET_MAX, "default_prices_stream")?;
                let n = ids.len().min(page);
                body.offer_ids = Some(ids);
                n
            }
            None => page,
        };
        let request = paged(
            DEFAULT_PRICES_GET
                .request()
                .path_param("businessId", business),
            page_token,
            limit,
        )
        .weight(weight)
        .json(&body)?;
        let response: GetDefaultPricesResponse = self.client.transport().json(request).await?;
        ok_result(
            &DEFAULT_PRICES_GET,
            response.status.as_ref(),
            response.result,
        )
    }

    /// `POST /v2/businesses/{businessId}/offer-prices`: every price set for every shop, page
    /// after page (500 a page) to the end. With `offer_ids`: 200 SKUs a request, each
    /// followed to its last page. The stream ends after the first error.
    pub fn default_prices_stream(
        &self,
        business: BusinessId,
        request: GetDefaultPricesRequest,
    ) -> BoxStream<'a, Result<OfferDefaultPrice>> {
        let client = self.client;
        let fetch = move |body: GetDefaultPricesRequest| {
            token_pages(
                |o: &OfferDefaultPrice| o.offer_id.clone(),
                move |token: Option<String>| {
                    let body = body.clone();
                    async move {
                        let page = PricesApi { client }
                            .default_prices(
                                business,
                                &body,
                                token.as_deref(),
                                Some(DEFAULT_PRICES_GET_PAGE_MAX),
                            )
                            .await?;
                        Ok((page.offers, page.paging))
                    }
                },
            )
        };
        let Some(ids) = request.offer_ids.clone() else {
            return fetch(request);
        };
        let ids = match checked_offer_ids(&ids, usize::MAX, "default_prices_stream") {
            Ok(ids) => ids,
            Err(e) => return failed(e),
        };
        let streams = chunks(ids, DEFAULT_PRICES_GET_MAX)
            .into_iter()
            .map(|chunk| {
                fetch(GetDefaultPricesRequest {
                    offer_ids: Some(chunk),
                    ..request.clone()
                })
            })
            .collect();
        chain_until_error(streams)
    }

    /// `POST /v2/campaigns/{campaignId}/offer-prices/updates`: sets prices in one shop (for
    /// cabinets with per-shop prices).
    ///
    /// Any number of offers, in requests of at most 2,000; checks, repeats and refusals as
    /// [`PricesApi::update_business_prices`] (with [`validate_campaign_price`]).
    pub async fn update_campaign_prices(
        &self,
        campaign: CampaignId,
        offers: Vec<OfferPrice>,
    ) -> Result<BatchReport<String>> {
        check_campaign(campaign)?;
        Ok(update_offers(
            self.client,
            &PRICES_UPDATE,
            ("campaignId", campaign.get()),
            offers,
            PRICES_UPDATE_MAX,
            |o: &OfferPrice| o.offer_id.as_str(),
            validate_campaign_price,
            |offers| UpdatePricesRequest { offers },
        )
        .await)
    }

    /// `POST /v2/campaigns/{campaignId}/offer-prices`: one page of a shop's prices.
    ///
    /// By pages: `page_token` from the previous page, `limit` 1 to 500 (the vendor's default
    /// 250). By SKUs (`offer_ids`, at most 500): the answer is whole, so a page token or a page
    /// size is refused with a validation error, as the spec asks.
    pub async fn campaign_prices(
        &self,
        campaign: CampaignId,
        request: &GetPricesByOfferIdsRequest,
        page_token: Option<&str>,
        limit: Option<u32>,
    ) -> Result<CampaignPrices> {
        check_campaign(campaign)?;
        check_limit(
            &PRICES_BY_OFFER_IDS_GET,
            limit,
            PRICES_BY_OFFER_IDS_GET_PAGE_MAX,
        )?;
        let mut body = request.clone();
        let weight = match &request.offer_ids {
            Some(ids) => {
                let ids =
                    checked_offer_ids(ids, PRICES_BY_OFFER_IDS_GET_MAX, "campaign_prices_stream")?;
                if page_token.is_some() || limit.is_some() {
                    return Err(Error::Validation {
                        item: Some("offerIds".into()),
                        message: "asking by SKUs returns them whole: no page token or page \
                                  size with offer_ids"
                            .into(),
                    });
                }
                let n = ids.len();
                body.offer_ids = Some(ids);
                n
            }
            None => limit.unwrap_or(PRICES_PAGE_DEFAULT) as usize,
        };
        let request = paged(
            PRICES_BY_OFFER_IDS_GET
                .request()
                .path_param("campaignId", campaign),
            page_token,
            limit,
        )
        .weight(weight)
        .json(&body)?;
        let response: GetPricesByOfferIdsResponse = self.client.transport().json(request).await?;
        ok_result(
            &PRICES_BY_OFFER_IDS_GET,
            response.status.as_ref(),
            response.result,
        )
    }

    /// `POST /v2/campaigns/{campaignId}/offer-prices`: every price of a shop. Without
    /// `offer_ids`: page after page (500 a page) to the end. With `offer_ids`: 500 SKUs a
    /// request, each answer whole (a page token in it is not followed). The stream ends after
    /// the first error.
    pub fn campaign_prices_stream(
        &self,
        campaign: CampaignId,
        request: GetPricesByOfferIdsRequest,
    ) -> BoxStream<'a, Result<CampaignOfferPrice>> {
        let client = self.client;
        let Some(ids) = request.offer_ids.clone() else {
            return token_pages(
                |o: &CampaignOfferPrice| o.offer_id.clone(),
                move |token: Option<String>| {
                    let body = request.clone();
                    async move {
                        let page = PricesApi { client }
                            .campaign_prices(
                                campaign,
                                &body,
                                token.as_deref(),
                                Some(DEFAULT_PRICES_GET_PAGE_MAX),
                            )
                            .await?;
                        Ok((page.offers, page.paging))
                    }
                },
            );
        };
        let ids = match checked_offer_ids(&ids, usize::MAX, "campaign_prices_stream") {
            Ok(ids) => ids,
            Err(e) => return failed(e),
        };
        let streams = chunks(ids, PRICES_BY_OFFER_IDS_GET_MAX)
            .into_iter()
            .map(|chunk| {
                let body = GetPricesByOfferIdsRequest {
                    offer_ids: Some(chunk),
                };
                token_pages(
                    |o: &CampaignOfferPrice| o.offer_id.clone(),
                    move |_| {
                        let body = body.clone();
                        async move {
                            let page = PricesApi { client }
                                .campaign_prices(campaign, &body, None, None)
                                .await?;
                            Ok((page.offers, None))
                        }
                    },
                )
            })
            .collect();
        chain_until_error(streams)
    }

    /// `POST /v2/businesses/{businessId}/price-quarantine`: one page of the offers whose
    /// business price is in quarantine (`page_token` from the previous page, `limit` 1 to
    /// 200, the vendor's default 100). `offer_ids` (at most 200) cannot go with the other
    /// filters.
    pub async fn business_quarantine(
        &self,
        business: BusinessId,
        request: &GetQuarantineOffersRequest,
        page_token: Option<&str>,
        limit: Option<u32>,
    ) -> Result<QuarantineOffers> {
        check_business(business)?;
        check_limit(
            &BUSINESS_QUARANTINE_OFFERS_GET,
            limit,
            BUSINESS_QUARANTINE_OFFERS_GET_PAGE_MAX,
        )?;
        let body = checked_quarantine(request, BUSINESS_QUARANTINE_OFFERS_GET_MAX)?;
        let request = paged(
            BUSINESS_QUARANTINE_OFFERS_GET
                .request()
                .path_param("businessId", business),
            page_token,
            limit,
        )
        .json(&body)?;
        let response: GetQuarantineOffersResponse = self.client.transport().json(request).await?;
        ok_result(
            &BUSINESS_QUARANTINE_OFFERS_GET,
            response.status.as_ref(),
            response.result,
        )
    }

    /// `POST /v2/businesses/{businessId}/price-quarantine`: every offer whose business price
    /// is in quarantine, page after page (200 a page); `offer_ids` split 200 a request, each
    /// followed to its last page. The stream ends after the first error.
    pub fn business_quarantine_stream(
        &self,
        business: BusinessId,
        request: GetQuarantineOffersRequest,
    ) -> BoxStream<'a, Result<QuarantineOffer>> {
        let client = self.client;
        self.quarantine_stream(request, move |body, token| async move {
            PricesApi { client }
                .business_quarantine(
                    business,
                    &body,
                    token.as_deref(),
                    Some(BUSINESS_QUARANTINE_OFFERS_GET_PAGE_MAX),
                )
                .await
        })
    }

    /// `POST /v2/campaigns/{campaignId}/price-quarantine`: one page of the offers whose price
    /// in the shop is in quarantine (as [`PricesApi::business_quarantine`]).
    pub async fn campaign_quarantine(
        &self,
        campaign: CampaignId,
        request: &GetQuarantineOffersRequest,
        page_token: Option<&str>,
        limit: Option<u32>,
    ) -> Result<QuarantineOffers> {
        check_campaign(campaign)?;
        check_limit(
            &CAMPAIGN_QUARANTINE_OFFERS_GET,
            limit,
            CAMPAIGN_QUARANTINE_OFFERS_GET_PAGE_MAX,
        )?;
        let body = checked_quarantine(request, CAMPAIGN_QUARANTINE_OFFERS_GET_MAX)?;
        let request = paged(
            CAMPAIGN_QUARANTINE_OFFERS_GET
                .request()
                .path_param("campaignId", campaign),
            page_token,
            limit,
        )
        .json(&body)?;
        let response: GetQuarantineOffersResponse = self.client.transport().json(request).await?;
        ok_result(
            &CAMPAIGN_QUARANTINE_OFFERS_GET,
            response.status.as_ref(),
            response.result,
        )
    }

    /// `POST /v2/campaigns/{campaignId}/price-quarantine`: every offer whose price in the shop
    /// is in quarantine (as [`PricesApi::business_quarantine_stream`]).
    pub fn campaign_quarantine_stream(
        &self,
        campaign: CampaignId,
        request: GetQuarantineOffersRequest,
    ) -> BoxStream<'a, Result<QuarantineOffer>> {
        let client = self.client;
        self.quarantine_stream(request, move |body, token| async move {
            PricesApi { client }
                .campaign_quarantine(
                    campaign,
                    &body,
                    token.as_deref(),
                    Some(CAMPAIGN_QUARANTINE_OFFERS_GET_PAGE_MAX),
                )
                .await
        })
    }

    /// The quarantine streams: the filter checked once, `offer_ids` split, every page.
    fn quarantine_stream<F, Fut>(
        &self,
        request: GetQuarantineOffersRequest,
        fetch: F,
    ) -> BoxStream<'a, Result<QuarantineOffer>>
    where
        F: Fn(GetQuarantineOffersRequest, Option<String>) -> Fut + Clone + Send + 'a,
        Fut: Future<Output = Result<QuarantineOffers>> + Send + 'a,
    {
        let request = match checked_quarantine(&request, usize::MAX) {
            Ok(r) => r,
            Err(e) => return failed(e),
        };
        let pages = move |body: GetQuarantineOffersRequest| {
            let fetch = fetch.clone();
            token_pages(
                |o: &QuarantineOffer| o.offer_id.clone(),
                move |token| {
                    let page = fetch(body.clone(), token);
                    async move {
                        let page = page.await?;
                        Ok((page.offers, page.paging))
                    }
                },
            )
        };
        let Some(ids) = request.offer_ids.clone() else {
            return pages(request);
        };
        let streams = chunks(ids, BUSINESS_QUARANTINE_OFFERS_GET_MAX)
            .into_iter()
            .map(|chunk| {
                pages(GetQuarantineOffersRequest {
                    offer_ids: Some(chunk),
                    ..request.clone()
                })
            })
            .collect();
        chain_until_error(streams)
    }

    /// `POST /v2/businesses/{businessId}/price-quarantine/confirm`: confirms the quarantined
    /// business prices of SKUs, which leave the quarantine in every shop.
    ///
    /// Any number of SKUs, in requests of at most 200; an invalid SKU is rejected locally, a
    /// repeated one sent once; a request Yandex Market refuses has its SKUs rejected with
    /// YM's code while the other requests still go.
    pub async fn confirm_business_prices(
        &self,
        business: BusinessId,
        offer_ids: Vec<String>,
    ) -> Result<BatchReport<String>> {
        check_business(business)?;
        let client = self.client;
        self.confirm(offer_ids, move |chunk| async move {
            let keys = chunk.clone();
            let body = ConfirmPricesRequest { offer_ids: chunk };
            let request = BUSINESS_PRICES_CONFIRM
                .request()
                .path_param("businessId", business)
                .weight(body.offer_ids.len())
                .json(&body)?;
            send_chunk(client, request, keys).await
        })
        .await
    }

    /// `POST /v2/campaigns/{campaignId}/price-quarantine/confirm`: confirms the quarantined
    /// prices of SKUs in one shop (as [`PricesApi::confirm_business_prices`]).
    pub async fn confirm_campaign_prices(
        &self,
        campaign: CampaignId,
        offer_ids: Vec<String>,
    ) -> Result<BatchReport<String>> {
        check_campaign(campaign)?;
        let client = self.client;
        self.confirm(offer_ids, move |chunk| async move {
            let keys = chunk.clone();
            let body = ConfirmPricesRequest { offer_ids: chunk };
            let request = CAMPAIGN_PRICES_CONFIRM
                .request()
                .path_param("campaignId", campaign)
                .weight(body.offer_ids.len())
                .json(&body)?;
            send_chunk(client, request, keys).await
        })
        .await
    }

    async fn confirm<F, Fut>(&self, offer_ids: Vec<String>, send: F) -> Result<BatchReport<String>>
    where
        F: FnMut(Vec<String>) -> Fut,
        Fut: Future<Output = Result<BatchReport<String>>>,
    {
        let (unique, repeats) = first_of_each(offer_ids, String::as_str);
        let mut report = run_batches(
            unique,
            BUSINESS_PRICES_CONFIRM_MAX,
            String::clone,
            |id| validate_offer_id(id),
            send,
        )
        .await;
        report.merge(repeats);
        Ok(report)
    }
}
