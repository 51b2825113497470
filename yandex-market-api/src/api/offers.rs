//! The offers section: the business catalogue (offers and the cards they are bound to) and the
//! category parameter values of cards.
//!
//! - reads: [`OffersApi::list`] / [`OffersApi::list_stream`] (`getOfferMappings`) and
//!   [`OffersApi::cards`] / [`OffersApi::cards_stream`] (`getOfferCardsContentStatus`);
//! - writes, any number of offers split at Yandex Market's maximum, invalid offers turned down
//!   before sending and Yandex Market's answer reported per offer: [`OffersApi::update`]
//!   (`updateOfferMappings`), [`OffersApi::update_content`] (`updateOfferContent`),
//!   [`OffersApi::archive`] (`addOffersToArchive`), [`OffersApi::unarchive`]
//!   (`deleteOffersFromArchive`) and [`OffersApi::delete`] (`deleteOffers`).
//!
//! Offers are named by the seller's SKU (`offerId`), a `String`: 1 to 255 characters, not only
//! spaces, without control characters other than the tab. Yandex Market trims the spaces
//! around it, so `" A1 "` and `"A1"` are one offer (a batch sending both turns the second
//! down).

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::sync::{Arc, Mutex};

use futures::StreamExt;
use futures::stream::{self, BoxStream};
use market_core::batch::{failed_chunk, is_host_down, run_batches};
use market_core::paginate::{Page, paginate};
use market_core::transport::Operation;
use market_core::{BatchReport, Error, RejectionStage, Result};
use rust_decimal::Decimal;
use serde::Serialize;

use super::campaigns::ok_result;
use crate::Client;
use crate::ids::{BusinessId, CategoryId, MarketSku};
use crate::limits::MAX_BODY_BYTES;
use crate::models::offers::*;

/// Offer ids in one `getOfferMappings` request.
pub const OFFER_MAPPINGS_GET_MAX: usize = 100;
/// The largest page of `getOfferMappings`.
pub const OFFER_MAPPINGS_GET_PAGE_MAX: u32 = 100;
/// Offers in one `updateOfferMappings` request (the spec's maximum; Yandex Market's docs ask
/// for at most 100 already, see [`UpdateOptions::per_request`]).
pub const OFFER_MAPPINGS_UPDATE_MAX: usize = 500;
/// Offer ids (and category ids) in one `getOfferCardsContentStatus` request.
pub const OFFER_CARDS_CONTENT_STATUS_GET_MAX: usize = 200;
/// The largest page of `getOfferCardsContentStatus`.
pub const OFFER_CARDS_CONTENT_STATUS_GET_PAGE_MAX: u32 = 200;
/// Offers in one `updateOfferContent` request.
pub const OFFER_CONTENT_UPDATE_MAX: usize = 100;
/// Offers in one `addOffersToArchive` request.
pub const OFFERS_TO_ARCHIVE_ADD_MAX: usize = 200;
/// Offers in one `deleteOffersFromArchive` request.
pub const OFFERS_FROM_ARCHIVE_DELETE_MAX: usize = 200;
/// Offers in one `deleteOffers` request.
pub const OFFERS_DELETE_MAX: usize = 500;
/// The longest offer id, in characters.
pub const OFFER_ID_MAX_CHARS: usize = 255;
/// The longest offer name, in characters.
pub const NAME_MAX_CHARS: usize = 256;
/// The longest offer description, in characters.
pub const DESCRIPTION_MAX_CHARS: usize = 6000;
/// The most category parameter values of one offer.
pub const PARAMETER_VALUES_MAX: usize = 300;
/// The most pictures of one offer.
pub const PICTURES_MAX: usize = 30;
/// The most videos, manuals or certificates of one offer.
pub const MEDIA_MAX: usize = 6;
/// The most tags of one offer.
pub const TAGS_MAX: usize = 50;
/// The longest link, in characters.
pub const URL_MAX_CHARS: usize = 2000;

/// The code of an offer that had no error itself but was not saved because another offer of
/// the same request had one (Yandex Market then saves nothing of that request).
pub const NOT_APPLIED: &str = "not_applied";
/// The code of an offer Yandex Market did not take out of the archive.
pub const NOT_UNARCHIVED: &str = "not_unarchived";
/// The code of an offer Yandex Market did not delete.
pub const NOT_DELETED: &str = "not_deleted";

/// Room left in a body for the envelope around the items.
const BODY_SLACK: usize = 4 * 1024;

/// `getOfferMappings`, `POST /v2/businesses/{businessId}/offer-mappings`: offers of the catalogue.
pub static OFFER_MAPPINGS_GET: Operation = Operation::post(
    "offer_mappings_get",
    "/v2/businesses/{businessId}/offer-mappings",
)
.in_group("getOfferMappings")
.batch_max(OFFER_MAPPINGS_GET_MAX);

/// `updateOfferMappings`, `POST /v2/businesses/{businessId}/offer-mappings/update`: create or update offers.
pub static OFFER_MAPPINGS_UPDATE: Operation = Operation::post(
    "offer_mappings_update",
    "/v2/businesses/{businessId}/offer-mappings/update",
)
.in_group("updateOfferMappings")
.batch_max(OFFER_MAPPINGS_UPDATE_MAX);

/// `getOfferCardsContentStatus`, `POST /v2/businesses/{businessId}/offer-cards`: the content state of cards.
pub static OFFER_CARDS_CONTENT_STATUS_GET: Operation = Operation::post(
    "offer_cards_content_status_get",
    "/v2/businesses/{businessId}/offer-cards",
)
.in_group("getOfferCardsContentStatus")
.batch_max(OFFER_CARDS_CONTENT_STATUS_GET_MAX);

/// `updateOfferContent`, `POST /v2/businesses/{businessId}/offer-cards/update`: set category parameter values.
pub static OFFER_CONTENT_UPDATE: Operation = Operation::post(
    "offer_content_update",
    "/v2/businesses/{businessId}/offer-cards/update",
)
.in_group("updateOfferContent")
.batch_max(OFFER_CONTENT_UPDATE_MAX);

/// `addOffersToArchive`, `POST /v2/businesses/{businessId}/offer-mappings/archive`: archive offers.
pub static OFFERS_TO_ARCHIVE_ADD: Operation = Operation::post(
    "offers_to_archive_add",
    "/v2/businesses/{businessId}/offer-mappings/archive",
)
.in_group("addOffersToArchive")
.batch_max(OFFERS_TO_ARCHIVE_ADD_MAX);

/// `deleteOffersFromArchive`, `POST /v2/businesses/{businessId}/offer-mappings/unarchive`: take offers out of the archive.
pub static OFFERS_FROM_ARCHIVE_DELETE: Operation = Operation::post(
    "offers_from_archive_delete",
    "/v2/businesses/{businessId}/offer-mappings/unarchive",
)
.in_group("deleteOffersFromArchive")
.batch_max(OFFERS_FROM_ARCHIVE_DELETE_MAX);

/// `deleteOffers`, `POST /v2/businesses/{businessId}/offer-mappings/delete`: delete offers from the catalogue.
pub static OFFERS_DELETE: Operation = Operation::post(
    "offers_delete",
    "/v2/businesses/{businessId}/offer-mappings/delete",
)
.in_group("deleteOffers")
.batch_max(OFFERS_DELETE_MAX);

/// The page asked for: the token of a page (`None`: the first) and its size.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PageQuery {
    /// The token of the page (`nextPageToken` of the one before); `None` for the first.
    pub page_token: Option<String>,
    /// Items a page; Yandex Market's default when `None`.
    pub limit: Option<u32>,
}

impl PageQuery {
    /// The first page, of Yandex Market's default size.
    pub fn first() -> Self {
        Self::default()
    }

    /// The page with this token.
    pub fn after(token: impl Into<String>) -> Self {
        Self {
            page_token: Some(token.into()),
            limit: None,
        }
    }

    /// Sets the page size.
    pub fn with_limit(mut self, limit: u32) -> Self {
        self.limit = Some(limit);
        self
    }
}

/// Settings of [`OffersApi::update_with`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpdateOptions {
    /// Offers a request, 1 to [`OFFER_MAPPINGS_UPDATE_MAX`] (the default); requests are also kept
    /// under Yandex Market's body size limit.
    pub per_request: usize,
    /// `onlyPartnerMediaContent`: `true` drops the data Yandex Market added to the offers.
    pub only_partner_media_content: Option<bool>,
}

impl Default for UpdateOptions {
    fn default() -> Self {
        Self {
            per_request: OFFER_MAPPINGS_UPDATE_MAX,
            only_partner_media_content: None,
        }
    }
}

impl UpdateOptions {
    /// Sets the offers a request.
    pub fn per_request(mut self, n: usize) -> Self {
        self.per_request = n;
        self
    }

    /// Sets `onlyPartnerMediaContent`.
    pub fn only_partner_media_content(mut self, on: bool) -> Self {
        self.only_partner_media_content = Some(on);
        self
    }
}

/// A warning Yandex Market gave about a saved offer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfferWarning<E> {
    /// The offer, as the caller named it.
    pub offer_id: String,
    /// The warning, as the section reads Yandex Market's per-offer issue (code and text).
    pub warning: E,
}

/// The outcome of an offer update: each offer saved or not (keyed by offer id), and the
/// warnings about saved offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpdateReport<E> {
    /// Each offer accepted or rejected (locally, by Yandex Market, or with its request).
    pub report: BatchReport<String>,
    /// Yandex Market's warnings (the offers concerned are saved).
    pub warnings: Vec<OfferWarning<E>>,
}

/// The offers section: `client.offers()`.
#[derive(Debug, Clone)]
pub struct OffersApi<'a> {
    client: &'a Client,
    language: Option<CatalogLanguage>,
}

impl Client {
    /// The business catalogue: offers, their cards and parameter values.
    pub fn offers(&self) -> OffersApi<'_> {
        OffersApi {
            client: self,
            language: None,
        }
    }
}

/// Checks a seller's offer id against the spec's `ShopSku`: 1 to 255 characters, not only
/// whitespace, no control character but the tab.
pub fn validate_offer_id(id: &str) -> std::result::Result<(), String> {
    if id.trim().is_empty() {
        return Err("the offer id is empty".into());
    }
    let n = id.chars().count();
    if n > OFFER_ID_MAX_CHARS {
        return Err(format!(
            "the offer id has {n} characters, at most {OFFER_ID_MAX_CHARS}"
        ));
    }
    if let Some(c) = id
        .chars()
        .find(|c| (c.is_ascii_control() && *c != '\t') || *c == '\u{7f}')
    {
        return Err(format!(
            "the offer id has the control character U+{:04X}",
            u32::from(c)
        ));
    }
    Ok(())
}

fn check_business(business: BusinessId) -> Result<()> {
    if business.get() < 1 {
        return Err(Error::validation(
            format!("business {business}"),
            "a business id is at least 1",
        ));
    }
    Ok(())
}

fn check_limit(limit: Option<u32>, max: u32) -> Result<()> {
    match limit {
        Some(l) if l == 0 || l > max => Err(Error::Validation {
            item: None,
            message: format!("limit {l} is out of range: 1 to {max}"),
        }),
        _ => Ok(()),
    }
}

fn check_categories(ids: &[CategoryId]) -> Result<()> {
    match ids.iter().find(|c| c.get() <= 0) {
        Some(c) => Err(Error::validation(
            format!("category {c}"),
            "a category id is above 0",
        )),
        None => Ok(()),
    }
}

/// Checks the offer ids of a read and drops repeats (the spec wants them unique), keeping the
/// first of each (spaces around an id do not make it another).
fn read_ids(ids: &[String]) -> Result<Vec<String>> {
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        validate_offer_id(id).map_err(|m| Error::validation(format!("offer {id:?}"), m))?;
        if seen.insert(id.trim().to_owned()) {
            out.push(id.clone());
        }
    }
    Ok(out)
}

/// A [`Page`] from items and a pager.
fn page<T>(items: Vec<T>, next: Option<String>) -> Page<T, String> {
    match next {
        Some(t) => Page::more(items, t),
        None => Page::last(items),
    }
}

/// What identifies an offer of a `getOfferMappings` page (its offer id, else its card), for
/// the page's signature: a page seen before is a server ignoring the page token.
fn mapping_key(m: &OfferMapping) -> (Option<String>, Option<MarketSku>) {
    (
        m.offer.as_ref().map(|o| o.offer_id.clone()),
        m.mapping.as_ref().and_then(|c| c.market_sku),
    )
}

/// The next page's token of an optional pager.
fn next_token(paging: Option<&crate::models::common::Pager>) -> Option<String> {
    paging.and_then(|p| p.next()).map(str::to_owned)
}

impl<'a> OffersApi<'a> {
    /// The same section with Yandex Market's `language` query parameter, for the methods that
    /// take it (`getOfferMappings` and `updateOfferMappings`): the language of the names and
    /// descriptions read or written (sellers of Market Yandex Go send Uzbek texts this way,
    /// after creating the offer with Russian ones).
    pub fn in_language(self, language: CatalogLanguage) -> Self {
        Self {
            language: Some(language),
            ..self
        }
    }

    // -----------------------------------------------------------------------------------------
    // getOfferMappings
    // -----------------------------------------------------------------------------------------

    /// `POST /v2/businesses/{businessId}/offer-mappings` (`getOfferMappings`): one page of
    /// the catalogue's offers with their cards.
    ///
    /// With `request.offer_ids` the answer is the whole list at once (any number of ids: split
    /// into requests of at most 100, answers concatenated, the returned page is the last);
    /// ids cannot be combined with filters or a page token or size. Without ids, the filters
    /// (none for the whole catalogue) are paged: `page.limit` is 1 to 100.
    pub async fn list(
        &self,
        business: BusinessId,
        request: &GetOfferMappingsRequest,
        page_query: &PageQuery,
    ) -> Result<Page<OfferMapping, String>> {
        let bodies = self.mappings_bodies(business, request, page_query)?;
        if request.offer_ids.is_empty() {
            let (items, next) = self
                .mappings_page(
                    business,
                    request,
                    page_query.page_token.as_deref(),
                    page_query.limit,
                )
                .await?;
            return Ok(page(items, next));
        }
        let mut all = Vec::new();
        for body in &bodies {
            let (items, _) = self.mappings_page(business, body, None, None).await?;
            all.extend(items);
        }
        Ok(Page::last(all))
    }

    /// `POST /v2/businesses/{businessId}/offer-mappings` (`getOfferMappings`): every offer
    /// matching the request, page after page to the end (from `page.page_token` if given),
    /// or, with offer ids, request after request of at most 100 ids. Invalid input ends the
    /// stream with its error before anything is sent.
    pub fn list_stream(
        &self,
        business: BusinessId,
        request: GetOfferMappingsRequest,
        page_query: PageQuery,
    ) -> BoxStream<'a, Result<OfferMapping>> {
        let bodies = match self.mappings_bodies(business, &request, &page_query) {
            Ok(b) => Arc::new(b),
            Err(e) => return stream::once(async move { Err(e) }).boxed(),
        };
        let api = self.clone();
        let paged = request.offer_ids.is_empty();
        let limit = page_query.limit;
        paginate(
            (0usize, page_query.page_token),
            move |(i, token): (usize, Option<String>)| {
                let bodies = Arc::clone(&bodies);
                let api = api.clone();
                async move {
                    let body = bodies.get(i).ok_or_else(|| Error::Validation {
                        item: None,
                        message: format!("no request number {i}"),
                    })?;
                    let (items, next) = if paged {
                        api.mappings_page(business, body, token.as_deref(), limit)
                            .await?
                    } else {
                        api.mappings_page(business, body, None, None).await?
                    };
                    Ok(match next.filter(|_| paged) {
                        Some(t) => Page::more(items, (i, Some(t))),
                        None if i + 1 < bodies.len() => Page::more(items, (i + 1, None)),
                        None => Page::last(items),
                    }
                    .signed_by(mapping_key))
                }
            },
        )
    }

    /// Checks a `getOfferMappings` call and returns the request bodies: one per 100 offer
    /// ids, or the filters as given.
    fn mappings_bodies(
        &self,
        business: BusinessId,
        request: &GetOfferMappingsRequest,
        page_query: &PageQuery,
    ) -> Result<Vec<GetOfferMappingsRequest>> {
        check_business(business)?;
        check_limit(page_query.limit, OFFER_MAPPINGS_GET_PAGE_MAX)?;
        check_categories(&request.category_ids)?;
        if request.offer_ids.is_empty() {
            return Ok(vec![request.clone()]);
        }
        if request.has_filters() {
            return Err(Error::Validation {
                item: None,
                message: "offer ids cannot be combined with filters (card statuses, \
                          categories, brands, tags, archived)"
                    .into(),
            });
        }
        if page_query.page_token.is_some() || page_query.limit.is_some() {
            return Err(Error::Validation {
                item: None,
                message: "a list by offer ids comes whole: it takes no page token or size".into(),
            });
        }
        let ids = read_ids(&request.offer_ids)?;
        Ok(ids
            .chunks(OFFER_MAPPINGS_GET_MAX)
            .map(|c| GetOfferMappingsRequest::by_offer_ids(c.iter().cloned()))
            .collect())
    }

    async fn mappings_page(
        &self,
        business: BusinessId,
        body: &GetOfferMappingsRequest,
        token: Option<&str>,
        limit: Option<u32>,
    ) -> Result<(Vec<OfferMapping>, Option<String>)> {
        let mut request = OFFER_MAPPINGS_GET
            .request()
            .path_param("businessId", business);
        if let Some(t) = token {
            request = request.query("pageToken", t);
        }
        if let Some(l) = limit {
            request = request.query("limit", l);
        }
        if let Some(l) = &self.language {
            request = request.query("language", l);
        }
        let response: GetOfferMappingsResponse =
            self.client.transport().json(request.json(body)?).await?;
        let result = ok_result(
            &OFFER_MAPPINGS_GET,
            response.status.as_ref(),
            response.result,
        )?;
        let next = next_token(result.paging.as_ref());
        Ok((result.offer_mappings, next))
    }

    // -----------------------------------------------------------------------------------------
    // updateOfferMappings
    // -----------------------------------------------------------------------------------------

    /// `POST /v2/businesses/{businessId}/offer-mappings/update` (`updateOfferMappings`):
    /// creates offers or updates them (only the fields sent change), with their category,
    /// parameter values and prices.
    ///
    /// Any number of offers: split into requests of at most 500 (and under the 512 KB body
    /// limit). Offers that cannot be valid (an offer id that is empty, too long or has
    /// control characters; an empty or too long name; too long a description; more pictures,
    /// videos, manuals, certificates, tags or parameter values than allowed; a category,
    /// parameter or box count below 1; a price not above 0; negative dimensions; an id
    /// repeated in the batch) are rejected locally and the rest is sent. Offers with errors
    /// are rejected with Yandex Market's error type as the code; since Yandex Market then
    /// saves nothing of that request, its other offers are rejected as [`NOT_APPLIED`] and
    /// may be sent again. Warnings do not stop an offer and come back in the report.
    pub async fn update(
        &self,
        business: BusinessId,
        mappings: Vec<UpdateOfferMapping>,
    ) -> Result<UpdateReport<OfferMappingError>> {
        self.update_with(business, mappings, &UpdateOptions::default())
            .await
    }

    /// As [`OffersApi::update`], with a smaller request size or `onlyPartnerMediaContent`.
    pub async fn update_with(
        &self,
        business: BusinessId,
        mappings: Vec<UpdateOfferMapping>,
        options: &UpdateOptions,
    ) -> Result<UpdateReport<OfferMappingError>> {
        check_business(business)?;
        if options.per_request == 0 || options.per_request > OFFER_MAPPINGS_UPDATE_MAX {
            return Err(Error::Validation {
                item: None,
                message: format!(
                    "{} offers a request is out of range: 1 to {OFFER_MAPPINGS_UPDATE_MAX}",
                    options.per_request
                ),
            });
        }
        let warnings = Mutex::new(Vec::new());
        let only_partner = options.only_partner_media_content;
        let language = self.language.as_ref();
        let client = self.client;
        let report = send_unique(
            mappings,
            options.per_request,
            |m: &UpdateOfferMapping| m.offer.offer_id.clone(),
            validate_mapping,
            |group: Vec<UpdateOfferMapping>| {
                let warnings = &warnings;
                async move {
                    let keys: Vec<String> =
                        group.iter().map(|m| m.offer.offer_id.clone()).collect();
                    let n = group.len();
                    let body = UpdateOfferMappingsRequest {
                        offer_mappings: group,
                        only_partner_media_content: only_partner,
                    };
                    let mut request = OFFER_MAPPINGS_UPDATE
                        .request()
                        .path_param("businessId", business)
                        .weight(n);
                    if let Some(l) = language {
                        request = request.query("language", l);
                    }
                    let response: UpdateOfferMappingsResponse =
                        client.transport().json(request.json(&body)?).await?;
                    Ok(results_report(&keys, response.results, warnings))
                }
            },
        )
        .await;
        Ok(UpdateReport {
            report,
            warnings: warnings.into_inner().unwrap_or_else(|e| e.into_inner()),
        })
    }

    // -----------------------------------------------------------------------------------------
    // getOfferCardsContentStatus
    // -----------------------------------------------------------------------------------------

    /// `POST /v2/businesses/{businessId}/offer-cards` (`getOfferCardsContentStatus`): one
    /// page of cards with their state, rating, parameter values, errors and warnings.
    ///
    /// At most 200 offer ids (use [`OffersApi::cards_stream`] for more), not combined with the
    /// card status or category filters; at most 200 categories; `page.limit` 1 to 200.
    pub async fn cards(
        &self,
        business: BusinessId,
        request: &GetOfferCardsContentStatusRequest,
        page_query: &PageQuery,
    ) -> Result<Page<OfferCard, String>> {
        let bodies = cards_bodies(business, request, page_query)?;
        if bodies.len() > 1 {
            return Err(Error::Validation {
                item: None,
                message: format!(
                    "{} offer ids: at most {OFFER_CARDS_CONTENT_STATUS_GET_MAX} a page (cards_stream takes any number)",
                    request.offer_ids.len()
                ),
            });
        }
        let body = bodies.first().cloned().unwrap_or_default();
        let (items, next) = self
            .cards_page(
                business,
                &body,
                page_query.page_token.as_deref(),
                page_query.limit,
            )
            .await?;
        Ok(page(items, next))
    }

    /// `POST /v2/businesses/{businessId}/offer-cards` (`getOfferCardsContentStatus`): every
    /// card matching the request, page after page to the end (from `page.page_token` if
    /// given); any number of offer ids, asked for 200 at a time, each request paged to its
    /// end. Invalid input ends the stream with its error before anything is sent.
    pub fn cards_stream(
        &self,
        business: BusinessId,
        request: GetOfferCardsContentStatusRequest,
        page_query: PageQuery,
    ) -> BoxStream<'a, Result<OfferCard>> {
        let bodies = match cards_bodies(business, &request, &page_query) {
            Ok(b) => Arc::new(b),
            Err(e) => return stream::once(async move { Err(e) }).boxed(),
        };
        let api = self.clone();
        let limit = page_query.limit;
        paginate(
            (0usize, page_query.page_token),
            move |(i, token): (usize, Option<String>)| {
                let bodies = Arc::clone(&bodies);
                let api = api.clone();
                async move {
                    let body = bodies.get(i).ok_or_else(|| Error::Validation {
                        item: None,
                        message: format!("no request number {i}"),
                    })?;
                    let (items, next) = api
                        .cards_page(business, body, token.as_deref(), limit)
                        .await?;
                    Ok(match next {
                        Some(t) => Page::more(items, (i, Some(t))),
                        None if i + 1 < bodies.len() => Page::more(items, (i + 1, None)),
                        None => Page::last(items),
                    }
                    .signed_by(|c: &OfferCard| c.offer_id.clone()))
                }
            },
        )
    }

    async fn cards_page(
        &self,
        business: BusinessId,
        body: &GetOfferCardsContentStatusRequest,
        token: Option<&str>,
        limit: Option<u32>,
    ) -> Result<(Vec<OfferCard>, Option<String>)> {
        let mut request = OFFER_CARDS_CONTENT_STATUS_GET
            .request()
            .path_param("businessId", business);
        if let Some(t) = token {
            request = request.query("pageToken", t);
        }
        if let Some(l) = limit {
            request = request.query("limit", l);
        }
        let response: GetOfferCardsContentStatusResponse =
            self.client.transport().json(request.json(body)?).await?;
        let result = ok_result(
            &OFFER_CARDS_CONTENT_STATUS_GET,
            response.status.as_ref(),
            response.result,
        )?;
        let next = next_token(result.paging.as_ref());
        Ok((result.offer_cards, next))
    }

    // -----------------------------------------------------------------------------------------
    // updateOfferContent
    // -----------------------------------------------------------------------------------------

    /// `POST /v2/businesses/{businessId}/offer-cards/update` (`updateOfferContent`): sets
    /// category parameter values of offers (only the values sent change; an empty text
    /// deletes a `TEXT` value).
    ///
    /// Any number of offers: split into requests of at most 100 (and under the body limit).
    /// Offers with an invalid id, a category not above 0, no values or more than 300, a
    /// parameter id below 1, or an id repeated in the batch are rejected locally. Offers with
    /// errors are rejected with Yandex Market's error type as the code, the other offers of
    /// their request as [`NOT_APPLIED`]; warnings come back in the report.
    pub async fn update_content(
        &self,
        business: BusinessId,
        offers: Vec<OfferContent>,
    ) -> Result<UpdateReport<OfferContentError>> {
        check_business(business)?;
        let warnings = Mutex::new(Vec::new());
        let client = self.client;
        let report = send_unique(
            offers,
            OFFER_CONTENT_UPDATE_MAX,
            |o: &OfferContent| o.offer_id.clone(),
            validate_content,
            |group: Vec<OfferContent>| {
                let warnings = &warnings;
                async move {
                    let keys: Vec<String> = group.iter().map(|o| o.offer_id.clone()).collect();
                    let n = group.len();
                    let body = UpdateOfferContentRequest {
                        offers_content: group,
                    };
                    let request = OFFER_CONTENT_UPDATE
                        .request()
                        .path_param("businessId", business)
                        .weight(n)
                        .json(&body)?;
                    let response: UpdateOfferContentResponse =
                        client.transport().json(request).await?;
                    Ok(results_report(&keys, response.results, warnings))
                }
            },
        )
        .await;
        Ok(UpdateReport {
            report,
            warnings: warnings.into_inner().unwrap_or_else(|e| e.into_inner()),
        })
    }

    // -----------------------------------------------------------------------------------------
    // addOffersToArchive, deleteOffersFromArchive, deleteOffers
    // -----------------------------------------------------------------------------------------

    /// `POST /v2/businesses/{businessId}/offer-mappings/archive` (`addOffersToArchive`):
    /// archives offers (hidden in every shop of the business). Any number: split into
    /// requests of at most 200; invalid or repeated ids are rejected locally. Offers Yandex
    /// Market does not archive are rejected with its reason as the code (`OFFER_HAS_STOCKS`:
    /// stock at a Yandex Market warehouse must be sold or removed first).
    pub async fn archive(
        &self,
        business: BusinessId,
        offer_ids: Vec<String>,
    ) -> Result<BatchReport<String>> {
        check_business(business)?;
        let client = self.client;
        Ok(send_unique(
            offer_ids,
            OFFERS_TO_ARCHIVE_ADD_MAX,
            String::clone,
            |id: &String| validate_offer_id(id),
            |group: Vec<String>| async move {
                let n = group.len();
                let body = AddOffersToArchiveRequest { offer_ids: group };
                let request = OFFERS_TO_ARCHIVE_ADD
                    .request()
                    .path_param("businessId", business)
                    .weight(n)
                    .json(&body)?;
                let response: AddOffersToArchiveResponse = client.transport().json(request).await?;
                // A 200 that says ERROR archived nothing: not "no offer failed".
                ok_result(&OFFERS_TO_ARCHIVE_ADD, response.status.as_ref(), Some(()))?;
                let failed = response.result.unwrap_or_default().not_archived_offers;
                Ok(listed_report(
                    &body.offer_ids,
                    failed.iter().map(|f| {
                        (
                            f.offer_id.as_str(),
                            f.error.as_str().to_owned(),
                            format!("Yandex Market did not archive the offer: {}", f.error),
                        )
                    }),
                ))
            },
        )
        .await)
    }

    /// `POST /v2/businesses/{businessId}/offer-mappings/unarchive` (`deleteOffersFromArchive`):
    /// takes offers out of the archive. Any number: split into requests of at most 200;
    /// invalid or repeated ids are rejected locally; offers Yandex Market names as not taken
    /// out are rejected with [`NOT_UNARCHIVED`].
    pub async fn unarchive(
        &self,
        business: BusinessId,
        offer_ids: Vec<String>,
    ) -> Result<BatchReport<String>> {
        check_business(business)?;
        let client = self.client;
        Ok(send_unique(
            offer_ids,
            OFFERS_FROM_ARCHIVE_DELETE_MAX,
            String::clone,
            |id: &String| validate_offer_id(id),
            |group: Vec<String>| async move {
                let n = group.len();
                let body = DeleteOffersFromArchiveRequest { offer_ids: group };
                let request = OFFERS_FROM_ARCHIVE_DELETE
                    .request()
                    .path_param("businessId", business)
                    .weight(n)
                    .json(&body)?;
                let response: DeleteOffersFromArchiveResponse =
                    client.transport().json(request).await?;
                // A 200 that says ERROR archived nothing: not "no offer failed".
                ok_result(
                    &OFFERS_FROM_ARCHIVE_DELETE,
                    response.status.as_ref(),
                    Some(()),
                )?;
                let failed = response.result.unwrap_or_default().not_unarchived_offer_ids;
                Ok(listed_report(
                    &body.offer_ids,
                    failed.iter().map(|id| {
                        (
                            id.as_str(),
                            NOT_UNARCHIVED.to_owned(),
                            "Yandex Market did not take the offer out of the archive".to_owned(),
                        )
                    }),
                ))
            },
        )
        .await)
    }

    /// `POST /v2/businesses/{businessId}/offer-mappings/delete` (`deleteOffers`): deletes
    /// offers from the catalogue (their SKUs cannot be reused for other products). Any number:
    /// split into requests of at most 500; invalid or repeated ids are rejected locally;
    /// offers Yandex Market names as not deleted are rejected with [`NOT_DELETED`].
    pub async fn delete(
        &self,
        business: BusinessId,
        offer_ids: Vec<String>,
    ) -> Result<BatchReport<String>> {
        check_business(business)?;
        let client = self.client;
        Ok(send_unique(
            offer_ids,
            OFFERS_DELETE_MAX,
            String::clone,
            |id: &String| validate_offer_id(id),
            |group: Vec<String>| async move {
                let n = group.len();
                let body = DeleteOffersRequest { offer_ids: group };
                let request = OFFERS_DELETE
                    .request()
                    .path_param("businessId", business)
                    .weight(n)
                    .json(&body)?;
                let response: DeleteOffersResponse = client.transport().json(request).await?;
                // A 200 that says ERROR archived nothing: not "no offer failed".
                ok_result(&OFFERS_DELETE, response.status.as_ref(), Some(()))?;
                let failed = response.result.unwrap_or_default().not_deleted_offer_ids;
                Ok(listed_report(
                    &body.offer_ids,
                    failed.iter().map(|id| {
                        (
                            id.as_str(),
                            NOT_DELETED.to_owned(),
                            "Yandex Market did not delete the offer".to_owned(),
                        )
                    }),
                ))
            },
        )
        .await)
    }
}

/// Checks a `getOfferCardsContentStatus` call and returns the request bodies: one per 200
/// offer ids, or the filters as given.
fn cards_bodies(
    business: BusinessId,
    request: &GetOfferCardsContentStatusRequest,
    page_query: &PageQuery,
) -> Result<Vec<GetOfferCardsContentStatusRequest>> {
    check_business(business)?;
    check_limit(page_query.limit, OFFER_CARDS_CONTENT_STATUS_GET_PAGE_MAX)?;
    check_categories(&request.category_ids)?;
    if request.category_ids.len() > OFFER_CARDS_CONTENT_STATUS_GET_MAX {
        return Err(Error::Validation {
            item: None,
            message: format!(
                "{} categories: at most {OFFER_CARDS_CONTENT_STATUS_GET_MAX}",
                request.category_ids.len()
            ),
        });
    }
    if request.offer_ids.is_empty() {
        return Ok(vec![request.clone()]);
    }
    if !request.card_statuses.is_empty() || !request.category_ids.is_empty() {
        return Err(Error::Validation {
            item: None,
            message: "offer ids cannot be combined with the card status or category filters".into(),
        });
    }
    let ids = read_ids(&request.offer_ids)?;
    if ids.len() > OFFER_CARDS_CONTENT_STATUS_GET_MAX && page_query.page_token.is_some() {
        return Err(Error::Validation {
            item: None,
            message: format!(
                "a page token goes with at most {OFFER_CARDS_CONTENT_STATUS_GET_MAX} offer ids (one request)"
            ),
        });
    }
    Ok(ids
        .chunks(OFFER_CARDS_CONTENT_STATUS_GET_MAX)
        .map(|c| GetOfferCardsContentStatusRequest {
            offer_ids: c.to_vec(),
            with_recommendations: request.with_recommendations,
            ..GetOfferCardsContentStatusRequest::default()
        })
        .collect())
}

// ---------------------------------------------------------------------------------------------
// Local validation
// ---------------------------------------------------------------------------------------------

fn chars(s: &str) -> usize {
    s.chars().count()
}

fn check_count(what: &str, n: usize, max: usize) -> std::result::Result<(), String> {
    if n > max {
        return Err(format!("{n} {what}, at most {max}"));
    }
    Ok(())
}

fn check_unique<T: fmt::Display + Eq + std::hash::Hash>(
    what: &str,
    items: &[T],
) -> std::result::Result<(), String> {
    let mut seen = HashSet::new();
    match items.iter().find(|x| !seen.insert(*x)) {
        Some(x) => Err(format!("{what}: {x} is given twice")),
        None => Ok(()),
    }
}

fn check_url(what: &str, url: &str) -> std::result::Result<(), String> {
    if url.trim().is_empty() {
        return Err(format!("{what}: an empty link"));
    }
    let n = chars(url);
    if n > URL_MAX_CHARS {
        return Err(format!(
            "{what}: a link of {n} characters, at most {URL_MAX_CHARS}"
        ));
    }
    Ok(())
}

fn check_positive(what: &str, value: Decimal) -> std::result::Result<(), String> {
    if value <= Decimal::ZERO {
        return Err(format!("{what} {value} is not above 0"));
    }
    Ok(())
}

fn check_parameter_values(values: &[ParameterValue]) -> std::result::Result<(), String> {
    check_count("parameter values", values.len(), PARAMETER_VALUES_MAX)?;
    if let Some(v) = values.iter().find(|v| v.parameter_id.get() < 1) {
        return Err(format!("parameter id {} is below 1", v.parameter_id.get()));
    }
    Ok(())
}

fn check_period(what: &str, p: &Option<TimePeriod>) -> std::result::Result<(), String> {
    if let Some(c) = p.as_ref().and_then(|p| p.comment.as_deref())
        && chars(c) > 500
    {
        return Err(format!(
            "{what}: a comment of {} characters, at most 500",
            chars(c)
        ));
    }
    Ok(())
}

/// Checks an offer to create or update against the spec's bounds (see
/// [`OffersApi::update`]).
pub fn validate_mapping(m: &UpdateOfferMapping) -> std::result::Result<(), String> {
    let o = &m.offer;
    validate_offer_id(&o.offer_id)?;
    if let Some(name) = &o.name {
        if name.trim().is_empty() {
            return Err("the name is empty".into());
        }
        let n = chars(name);
        if n > NAME_MAX_CHARS {
            return Err(format!(
                "the name has {n} characters, at most {NAME_MAX_CHARS}"
            ));
        }
    }
    if let Some(d) = &o.description {
        let n = chars(d);
        if n > DESCRIPTION_MAX_CHARS {
            return Err(format!(
                "the description has {n} characters, at most {DESCRIPTION_MAX_CHARS}"
            ));
        }
    }
    if let Some(c) = o.market_category_id
        && c.get() <= 0
    {
        return Err(format!("category {c} is not above 0"));
    }
    if let Some(sku) = m.mapping.as_ref().and_then(|x| x.market_sku)
        && sku.get() < 1
    {
        return Err(format!("market SKU {sku} is below 1"));
    }
    check_count("pictures", o.pictures.len(), PICTURES_MAX)?;
    check_count("videos", o.videos.len(), MEDIA_MAX)?;
    check_count("manuals", o.manuals.len(), MEDIA_MAX)?;
    check_count("certificates", o.certificates.len(), MEDIA_MAX)?;
    check_count("tags", o.tags.len(), TAGS_MAX)?;
    for url in o.pictures.iter().chain(&o.videos) {
        check_url("pictures and videos", url)?;
    }
    for manual in &o.manuals {
        check_url("manuals", &manual.url)?;
        if manual.title.as_deref().is_some_and(|t| chars(t) > 500) {
            return Err("manuals: a title longer than 500 characters".into());
        }
    }
    check_unique("barcodes", &o.barcodes)?;
    check_unique("tags", &o.tags)?;
    check_unique("certificates", &o.certificates)?;
    check_unique("manufacturer countries", &o.manufacturer_countries)?;
    check_unique("fields to delete", &o.delete_parameters)?;
    check_parameter_values(&o.parameter_values)?;
    if let Some(n) = o.box_count
        && n < 1
    {
        return Err(format!("box count {n} is below 1"));
    }
    if let Some(p) = &o.basic_price {
        check_positive("the price", p.value)?;
        if let Some(b) = p.discount_base {
            check_positive("the price before the discount", b)?;
        }
    }
    if let Some(p) = &o.purchase_price {
        check_positive("the purchase price", p.value)?;
    }
    if let Some(p) = &o.additional_expenses {
        check_positive("the additional expenses", p.value)?;
    }
    if let Some(wd) = &o.weight_dimensions {
        for (what, v) in [
            ("length", wd.length),
            ("width", wd.width),
            ("height", wd.height),
            ("weight", wd.weight),
        ] {
            if v < Decimal::ZERO {
                return Err(format!("the {what} {v} is negative"));
            }
        }
    }
    if let Some(age) = &o.age
        && age.value < Decimal::ZERO
    {
        return Err(format!("the age {} is negative", age.value));
    }
    check_period("shelf life", &o.shelf_life)?;
    check_period("service life", &o.life_time)?;
    check_period("guarantee period", &o.guarantee_period)?;
    Ok(())
}

/// Checks one offer's parameter values (see [`OffersApi::update_content`]).
pub fn validate_content(c: &OfferContent) -> std::result::Result<(), String> {
    validate_offer_id(&c.offer_id)?;
    if c.category_id.get() <= 0 {
        return Err(format!("category {} is not above 0", c.category_id));
    }
    if c.parameter_values.is_empty() {
        return Err("no parameter values".into());
    }
    check_parameter_values(&c.parameter_values)
}

// ---------------------------------------------------------------------------------------------
// Batches
// ---------------------------------------------------------------------------------------------

/// Splits items into groups whose JSON stays under Yandex Market's body limit (an item too
/// large alone goes alone, and the transport refuses it).
fn size_groups<T: Serialize>(items: Vec<T>) -> Vec<Vec<T>> {
    let budget = MAX_BODY_BYTES.saturating_sub(BODY_SLACK);
    let mut groups: Vec<Vec<T>> = Vec::new();
    let mut current: Vec<T> = Vec::new();
    let mut size = 0usize;
    for item in items {
        let n = serde_json::to_vec(&item).map(|b| b.len()).unwrap_or(0) + 1;
        if !current.is_empty() && size + n > budget {
            groups.push(std::mem::take(&mut current));
            size = 0;
        }
        size += n;
        current.push(item);
    }
    if !current.is_empty() {
        groups.push(current);
    }
    groups
}

/// Sends items keyed by offer id: a repeated id (spaces around it ignored) is rejected
/// locally (the spec wants ids unique, and Yandex Market reads them trimmed); the rest goes
/// through [`run_batches`] in chunks of at most `max`, each chunk further split to stay under
/// the body limit, the parts of a chunk reported each on its own.
async fn send_unique<I, KF, VF, SF, Fut>(
    items: Vec<I>,
    max: usize,
    key: KF,
    validate: VF,
    send: SF,
) -> BatchReport<String>
where
    I: Serialize,
    KF: Fn(&I) -> String + Copy,
    VF: Fn(&I) -> std::result::Result<(), String>,
    SF: Fn(Vec<I>) -> Fut + Copy,
    Fut: std::future::Future<Output = Result<BatchReport<String>>>,
{
    let mut seen = HashSet::new();
    let mut repeated = BatchReport::new();
    let mut unique = Vec::with_capacity(items.len());
    for item in items {
        let k = key(&item);
        if seen.insert(k.trim().to_owned()) {
            unique.push(item);
        } else {
            repeated.reject_invalid(
                k,
                "the offer id is given twice in the batch (the first is sent)",
            );
        }
    }
    let mut report = run_batches(unique, max, key, validate, |chunk: Vec<I>| async move {
        let groups = size_groups(chunk);
        if groups.len() == 1 {
            let group = groups.into_iter().next().unwrap_or_default();
            return send(group).await;
        }
        let mut report = BatchReport::new();
        let mut down: Option<String> = None;
        for group in groups {
            let keys: Vec<String> = group.iter().map(key).collect();
            // The host was found unreachable: the rest of the chunk is not sent either.
            if let Some(reason) = &down {
                for k in keys {
                    report.not_sent_item(k, Some("not_sent".into()), reason.clone());
                }
                continue;
            }
            match send(group).await {
                Ok(r) => report.merge(BatchReport::settle(&keys, r)),
                Err(e) => {
                    if is_host_down(&e) {
                        down = Some(format!("not sent: the host is unreachable: {e}"));
                    }
                    // As run_batches reports a failed request: a chunk all not sent stops
                    // the batch.
                    report.merge(failed_chunk(keys, &e));
                }
            }
        }
        Ok(report)
    })
    .await;
    report.merge(repeated);
    report
}

/// The errors and warnings of one offer in an update answer.
trait OfferOutcome {
    /// The error or warning type.
    type Issue: Issue;
    fn offer_id(&self) -> &str;
    fn into_parts(self) -> (Vec<Self::Issue>, Vec<Self::Issue>);
}

/// An error or warning of an update answer.
trait Issue {
    fn code(&self) -> &str;
    fn describe(&self) -> String;
}

impl OfferOutcome for UpdateOfferMappingResult {
    type Issue = OfferMappingError;
    fn offer_id(&self) -> &str {
        &self.offer_id
    }
    fn into_parts(self) -> (Vec<OfferMappingError>, Vec<OfferMappingError>) {
        (self.errors, self.warnings)
    }
}

impl OfferOutcome for UpdateOfferContentResult {
    type Issue = OfferContentError;
    fn offer_id(&self) -> &str {
        &self.offer_id
    }
    fn into_parts(self) -> (Vec<OfferContentError>, Vec<OfferContentError>) {
        (self.errors, self.warnings)
    }
}

fn describe_issue(code: &str, parameter: Option<i64>, message: &str) -> String {
    match parameter {
        Some(p) => format!("{code} (parameter {p}): {message}"),
        None => format!("{code}: {message}"),
    }
}

impl Issue for OfferMappingError {
    fn code(&self) -> &str {
        self.kind.as_str()
    }
    fn describe(&self) -> String {
        describe_issue(
            self.kind.as_str(),
            self.parameter_id.map(|p| p.get()),
            &self.message,
        )
    }
}

impl Issue for OfferContentError {
    fn code(&self) -> &str {
        self.kind.as_str()
    }
    fn describe(&self) -> String {
        describe_issue(
            self.kind.as_str(),
            self.parameter_id.map(|p| p.get()),
            &self.message,
        )
    }
}

/// The report of one update request: offers with errors rejected with the first error's type
/// as the code; if any, the request's other offers rejected as [`NOT_APPLIED`] (Yandex Market
/// saves nothing of such a request); otherwise accepted. Warnings are collected under the
/// caller's offer ids.
fn results_report<R: OfferOutcome>(
    sent: &[String],
    results: Vec<R>,
    warnings: &Mutex<Vec<OfferWarning<R::Issue>>>,
) -> BatchReport<String> {
    // The caller's id by the trimmed id Yandex Market answers with.
    let by_trimmed: HashMap<&str, &String> = sent.iter().map(|k| (k.trim(), k)).collect();
    let mut errors: HashMap<String, Vec<R::Issue>> = HashMap::new();
    let mut failed_ids: Vec<String> = Vec::new();
    let mut found_warnings = Vec::new();
    for r in results {
        let id = r.offer_id().trim().to_owned();
        let key = by_trimmed
            .get(id.as_str())
            .map(|k| (*k).clone())
            .unwrap_or_else(|| r.offer_id().to_owned());
        let (errs, warns) = r.into_parts();
        found_warnings.extend(warns.into_iter().map(|w| OfferWarning {
            offer_id: key.clone(),
            warning: w,
        }));
        if !errs.is_empty() {
            failed_ids.push(key.clone());
            errors.entry(key).or_default().extend(errs);
        }
    }
    if !found_warnings.is_empty() {
        match warnings.lock() {
            Ok(mut w) => w.extend(found_warnings),
            Err(poisoned) => poisoned.into_inner().extend(found_warnings),
        }
    }
    let mut report = BatchReport::new();
    for key in sent {
        if let Some(errs) = errors.get(key) {
            let code = errs.first().map(|e| e.code().to_owned());
            let message = errs
                .iter()
                .map(Issue::describe)
                .collect::<Vec<_>>()
                .join("; ");
            report.reject(key.clone(), RejectionStage::Vendor, code, message);
        } else if !failed_ids.is_empty() {
            report.reject(
                key.clone(),
                RejectionStage::Vendor,
                Some(NOT_APPLIED.into()),
                format!(
                    "not saved: Yandex Market saves nothing of a request in which an offer has \
                     errors (here: {})",
                    failed_ids.join(", ")
                ),
            );
        } else {
            report.accept(key.clone());
        }
    }
    report
}

/// The report of a request whose answer lists the offers that failed (by trimmed id): those
/// rejected with the code and message given, the others accepted.
fn listed_report<'r>(
    sent: &[String],
    failed: impl Iterator<Item = (&'r str, String, String)>,
) -> BatchReport<String> {
    let failed: HashMap<String, (String, String)> = failed
        .map(|(id, code, message)| (id.trim().to_owned(), (code, message)))
        .collect();
    let mut report = BatchReport::new();
    for key in sent {
        match failed.get(key.trim()) {
            Some((code, message)) => report.reject(
                key.clone(),
                RejectionStage::Vendor,
                Some(code.clone()),
                message.clone(),
            ),
            None => report.accept(key.clone()),
        }
    }
    report
}
