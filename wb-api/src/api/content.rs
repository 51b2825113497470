//! Content: categories, subjects and characteristics, dictionaries, product cards (list,
//! create, create into a merged card, update, trash, recover, failed cards), barcodes, media
//! and card limits.
//!
//! WB's content answers come in an envelope `{data, error, errorText, additionalErrors}`
//! ([`Envelope`]): an answer with `error: true` is turned into
//! [`Error::Validation`] carrying WB's text (in batch methods,
//! into per-item rejections of the items of that request).

use std::collections::HashSet;

use futures::stream::BoxStream;
use market_core::batch::run_batches;
use market_core::paginate::{Page, paginate};
use market_core::transport::{Operation, Request};
use market_core::{BatchReport, Error, RejectionStage, Result};
use rust_decimal::Decimal;
use serde::Serialize;

use crate::Client;
use crate::client::Host;
use crate::ids::{NmId, SubjectId};
use crate::limits::groups;
use crate::models::content::*;

/// The largest page of `GET /content/v2/object/all`.
pub const SUBJECTS_PAGE_MAX: u32 = 1000;
/// The largest page of `POST /content/v2/get/cards/list`.
pub const CARDS_LIST_PAGE_MAX: u32 = 100;
/// The largest page of `POST /content/v2/cards/error/list` (batches).
pub const CARD_ERRORS_PAGE_MAX: u32 = 100;
/// The most merged cards (`imtID`) one create request carries.
pub const CARDS_UPLOAD_MAX: usize = 100;
/// The most cards one merged card holds.
pub const VARIANTS_PER_CARD_MAX: usize = 30;
/// The most cards (`nmID`) one update request carries.
pub const CARDS_UPDATE_MAX: usize = 3000;
/// The largest body of a card write (WB: 10 MB); this client keeps under 10,000,000 bytes.
pub const CARDS_REQUEST_BYTES_MAX: usize = 10_000_000;
/// The most barcodes one request generates.
pub const BARCODES_MAX: u32 = 5000;
/// The most WB articles one trash or recover request carries.
pub const CARDS_TRASH_MAX: usize = 1000;
/// The most media links of a card: 30 images and one video.
pub const MEDIA_SAVE_MAX: usize = 31;
/// The longest product name, in characters.
pub const TITLE_MAX_CHARS: usize = 60;
/// The longest seller's article, in characters.
pub const VENDOR_CODE_MAX_CHARS: usize = 72;
/// The longest description any category allows, in characters.
pub const DESCRIPTION_MAX_CHARS: usize = 5000;

/// `GET /content/v2/object/parent/all`.
pub static PARENT_CATEGORIES: Operation =
    Operation::get("parent_categories", "/content/v2/object/parent/all").in_group(groups::CONTENT);
/// `GET /content/v2/object/all`.
pub static SUBJECTS: Operation =
    Operation::get("subjects", "/content/v2/object/all").in_group(groups::CONTENT);
/// `GET /content/v2/object/charcs/{subjectId}`.
pub static SUBJECT_CHARCS: Operation =
    Operation::get("subject_charcs", "/content/v2/object/charcs/{subjectId}")
        .in_group(groups::CONTENT);
/// `GET /content/v2/directory/colors`.
pub static DIRECTORY_COLORS: Operation =
    Operation::get("directory_colors", "/content/v2/directory/colors")
        .in_group(groups::CONTENT_CHARCS);
/// `GET /content/v2/directory/kinds`.
pub static DIRECTORY_KINDS: Operation =
    Operation::get("directory_kinds", "/content/v2/directory/kinds")
        .in_group(groups::CONTENT_CHARCS);
/// `GET /content/v2/directory/countries`.
pub static DIRECTORY_COUNTRIES: Operation =
    Operation::get("directory_countries", "/content/v2/directory/countries")
        .in_group(groups::CONTENT);
/// `GET /content/v2/directory/seasons`.
pub static DIRECTORY_SEASONS: Operation =
    Operation::get("directory_seasons", "/content/v2/directory/seasons")
        .in_group(groups::CONTENT_CHARCS);
/// `GET /content/v2/directory/vat`.
pub static DIRECTORY_VAT: Operation =
    Operation::get("directory_vat", "/content/v2/directory/vat").in_group(groups::CONTENT_CHARCS);
/// `GET /content/v2/directory/tnved`.
pub static DIRECTORY_TNVED: Operation =
    Operation::get("directory_tnved", "/content/v2/directory/tnved").in_group(groups::CONTENT);
/// `POST /content/v2/get/cards/list`.
pub static CARDS_LIST: Operation =
    Operation::post("cards_list", "/content/v2/get/cards/list").in_group(groups::CARDS_LIST);
/// `POST /content/v2/cards/error/list`.
pub static CARD_ERRORS: Operation =
    Operation::post("card_errors", "/content/v2/cards/error/list").in_group(groups::CARD_ERRORS);
/// `POST /content/v2/cards/upload`: creates cards.
pub static CARDS_UPLOAD: Operation = Operation::post("cards_upload", "/content/v2/cards/upload")
    .in_group(groups::CARDS_UPLOAD)
    .non_idempotent()
    .batch_max(CARDS_UPLOAD_MAX);
/// `POST /content/v2/cards/upload/add`: creates cards into a merged card.
pub static CARDS_UPLOAD_ADD: Operation =
    Operation::post("cards_upload_add", "/content/v2/cards/upload/add")
        .in_group(groups::CARDS_UPLOAD_ADD)
        .non_idempotent()
        .batch_max(VARIANTS_PER_CARD_MAX);
/// `POST /content/v2/cards/update`: overwrites cards.
pub static CARDS_UPDATE: Operation = Operation::post("cards_update", "/content/v2/cards/update")
    .in_group(groups::CARDS_UPDATE)
    .batch_max(CARDS_UPDATE_MAX);
/// `POST /content/v2/barcodes`.
pub static BARCODES: Operation = Operation::post("barcodes", "/content/v2/barcodes")
    .in_group(groups::CONTENT)
    .batch_max(BARCODES_MAX as usize);
/// `POST /content/v3/media/save`: replaces a card's media by links.
pub static MEDIA_SAVE: Operation =
    Operation::post("media_save", "/content/v3/media/save").in_group(groups::MEDIA);
/// `POST /content/v2/cards/delete/trash`.
pub static CARDS_TRASH: Operation =
    Operation::post("cards_trash", "/content/v2/cards/delete/trash")
        .in_group(groups::CARDS_TRASH)
        .batch_max(CARDS_TRASH_MAX);
/// `POST /content/v2/cards/recover`.
pub static CARDS_RECOVER: Operation = Operation::post("cards_recover", "/content/v2/cards/recover")
    .in_group(groups::CARDS_RECOVER)
    .batch_max(CARDS_TRASH_MAX);
/// `GET /content/v2/cards/limits`.
pub static CARDS_LIMITS: Operation =
    Operation::get("cards_limits", "/content/v2/cards/limits").in_group(groups::CARDS_LIMITS);

/// The content section: `client.content()`.
#[derive(Debug, Clone, Copy)]
pub struct ContentApi<'a> {
    client: &'a Client,
    locale: Option<Locale>,
}

impl Client {
    /// Content: categories, dictionaries, product cards, barcodes, media.
    pub fn content(&self) -> ContentApi<'_> {
        ContentApi {
            client: self,
            locale: None,
        }
    }
}

/// Checks a card to create; the message names what is wrong.
pub fn validate_variant(v: &CardVariant) -> std::result::Result<(), String> {
    check_vendor_code(&v.vendor_code)?;
    check_texts(v.title.as_deref(), v.description.as_deref())?;
    if let Some(d) = &v.dimensions {
        check_dimensions(d)?;
    }
    for c in &v.characteristics {
        if c.id.0 <= 0 {
            return Err(format!("characteristic id {} is not valid", c.id));
        }
    }
    for s in &v.sizes {
        if let Some(p) = s.price {
            check_price(p)?;
        }
        check_skus(&s.skus)?;
    }
    if let Some(w) = &v.wholesale
        && w.quantum.is_sign_negative()
    {
        return Err(format!("wholesale quantum {} is negative", w.quantum));
    }
    Ok(())
}

/// Checks a card update; the message names what is wrong.
pub fn validate_update(u: &CardUpdate) -> std::result::Result<(), String> {
    check_vendor_code(&u.vendor_code)?;
    if u.nm_id.0 <= 0 {
        return Err(format!("nmID {} is not a valid WB article", u.nm_id));
    }
    check_texts(u.title.as_deref(), u.description.as_deref())?;
    if let Some(d) = &u.dimensions {
        check_dimensions(d)?;
    }
    if u.sizes.is_empty() {
        return Err(
            "sizes are required (a size-less product still sends one with its barcode)".into(),
        );
    }
    for c in &u.characteristics {
        if c.id.0 <= 0 {
            return Err(format!("characteristic id {} is not valid", c.id));
        }
    }
    for s in &u.sizes {
        if let Some(p) = s.price {
            if let Some(chrt) = s.chrt_id {
                return Err(format!(
                    "size {chrt} exists: its price cannot change here (use the prices API)"
                ));
            }
            check_price(p)?;
        }
        if s.chrt_id.is_some_and(|c| c.0 <= 0) {
            return Err("chrtID must be positive".into());
        }
        check_skus(&s.skus)?;
    }
    Ok(())
}

fn check_vendor_code(code: &str) -> std::result::Result<(), String> {
    if code.trim().is_empty() {
        return Err("vendorCode is empty".into());
    }
    let n = code.chars().count();
    if n > VENDOR_CODE_MAX_CHARS {
        return Err(format!(
            "vendorCode has {n} characters, more than {VENDOR_CODE_MAX_CHARS}"
        ));
    }
    Ok(())
}

fn check_texts(title: Option<&str>, description: Option<&str>) -> std::result::Result<(), String> {
    if let Some(t) = title {
        let n = t.chars().count();
        if n > TITLE_MAX_CHARS {
            return Err(format!(
                "title has {n} characters, more than {TITLE_MAX_CHARS}"
            ));
        }
    }
    if let Some(d) = description {
        let n = d.chars().count();
        if n > DESCRIPTION_MAX_CHARS {
            return Err(format!(
                "description has {n} characters, more than {DESCRIPTION_MAX_CHARS}"
            ));
        }
    }
    Ok(())
}

fn check_dimensions(d: &Dimensions) -> std::result::Result<(), String> {
    for (name, v) in [
        ("length", d.length),
        ("width", d.width),
        ("height", d.height),
    ] {
        if v <= 0 {
            return Err(format!("dimensions: {name} {v} cm is not positive"));
        }
    }
    if d.weight_brutto <= Decimal::ZERO {
        return Err(format!(
            "dimensions: weightBrutto {} kg is not positive",
            d.weight_brutto
        ));
    }
    if d.weight_brutto.normalize().scale() > 3 {
        return Err(format!(
            "dimensions: weightBrutto {} kg has more than 3 decimals",
            d.weight_brutto
        ));
    }
    Ok(())
}

fn check_price(p: Decimal) -> std::result::Result<(), String> {
    if p <= Decimal::ZERO {
        return Err(format!("price {p} is not positive"));
    }
    if !p.fract().is_zero() {
        return Err(format!("price {p} is not whole roubles"));
    }
    if p > Decimal::from(i64::MAX) {
        return Err(format!("price {p} is too large"));
    }
    Ok(())
}

fn check_skus(skus: &[String]) -> std::result::Result<(), String> {
    if skus.iter().any(|s| s.trim().is_empty()) {
        return Err("a barcode (skus) is empty".into());
    }
    Ok(())
}

/// The JSON size of an item in a list body (with its separating comma).
fn json_len<T: Serialize>(item: &T) -> usize {
    serde_json::to_vec(item)
        .map(|v| v.len())
        .unwrap_or(usize::MAX)
        .saturating_add(1)
}

/// Splits items into requests of at most `max` items and `bytes` bytes of body (each item's
/// own size is given; every item fits alone).
fn pack<T>(items: Vec<(T, usize)>, max: usize, bytes: usize) -> Vec<Vec<T>> {
    let mut out: Vec<Vec<T>> = Vec::new();
    let mut current: Vec<T> = Vec::new();
    let mut size = 0usize;
    for (item, len) in items {
        if !current.is_empty() && (current.len() >= max || size.saturating_add(len) > bytes) {
            out.push(std::mem::take(&mut current));
            size = 0;
        }
        size = size.saturating_add(len);
        current.push(item);
    }
    if !current.is_empty() {
        out.push(current);
    }
    out
}

/// The body budget of a list of items, leaving room for the wrapper.
const PACK_BUDGET: usize = CARDS_REQUEST_BYTES_MAX - 1024;

/// Sends pre-packed requests (one per pack), each answered with WB's envelope, and reports
/// the outcome per key. A pack refused with `error: true` has all its keys rejected with WB's
/// text; a failed request has them rejected at the request stage.
async fn send_packs<T, F, Fut>(
    report: &mut BatchReport<String>,
    packs: Vec<(Vec<String>, Vec<T>)>,
    mut send: F,
) where
    F: FnMut(Vec<T>) -> Fut,
    Fut: std::future::Future<Output = Result<CardsWriteResponse>>,
{
    let keyed: Vec<(Vec<String>, Vec<T>)> = packs;
    let sent: Vec<String> = keyed.iter().flat_map(|(k, _)| k.iter().cloned()).collect();
    let pack_report = run_batches(
        keyed,
        1,
        |(keys, _)| keys.clone(),
        |_| Ok(()),
        |mut chunk| {
            let (keys, items) = chunk.pop().unwrap_or_default();
            let fut = send(items);
            async move {
                let answer = fut.await?;
                let mut r = BatchReport::new();
                if answer.error {
                    r.reject(keys, RejectionStage::Vendor, None, answer.error_message());
                } else {
                    r.accept(keys);
                }
                Ok(r)
            }
        },
    )
    .await;
    // Per card: each article sent is reported exactly once (settled against what was sent).
    let mut per_card = BatchReport::new();
    for keys in pack_report.accepted {
        for k in keys {
            per_card.accept(k);
        }
    }
    for r in pack_report.rejected {
        for k in r.key {
            per_card.rejected.push(market_core::Rejection {
                key: k,
                stage: r.stage,
                code: r.code.clone(),
                message: r.message.clone(),
                retry_after: r.retry_after,
            });
        }
    }
    for w in pack_report.warnings {
        for k in w.key {
            per_card.warnings.push(market_core::BatchWarning {
                key: k,
                message: w.message.clone(),
            });
        }
    }
    report.merge(BatchReport::settle(&sent, per_card));
}

impl<'a> ContentApi<'a> {
    /// The same section asking WB for names in `locale` (where the method takes one).
    pub fn with_locale(mut self, locale: Locale) -> Self {
        self.locale = Some(locale);
        self
    }

    fn request(&self, op: &'static Operation) -> Request {
        let r = op.request();
        match self.locale {
            Some(l) => r.query("locale", l.as_str()),
            None => r,
        }
    }

    async fn get<T>(&self, request: Request) -> Result<T>
    where
        T: serde::de::DeserializeOwned + Default,
    {
        let op = request.operation();
        // `data` missing or `null` is an error: a read's answer without its data is never
        // taken as "none" (an empty last page).
        let answer: Envelope<Option<T>> =
            self.client.transport(Host::Content).json(request).await?;
        answer.into_result(op.name)?.ok_or_else(|| Error::Decode {
            vendor: market_core::MarketplaceKind::Wildberries.name(),
            operation: op.name,
            path: "data".into(),
            message: "the answer has no data (missing or null)".into(),
            excerpt: String::new(),
        })
    }

    /// `GET /content/v2/object/parent/all`: the parent categories.
    pub async fn parent_categories(&self) -> Result<Vec<ParentCategory>> {
        self.get(self.request(&PARENT_CATEGORIES)).await
    }

    /// `GET /content/v2/object/all`: one page of subjects (limit 1..=1000).
    pub async fn subjects(&self, query: &SubjectsQuery) -> Result<Vec<Subject>> {
        if !(1..=SUBJECTS_PAGE_MAX).contains(&query.limit) {
            return Err(Error::invalid(format!(
                "limit {} is not in 1..={SUBJECTS_PAGE_MAX}",
                query.limit
            )));
        }
        let mut r = self.request(&SUBJECTS);
        if let Some(name) = &query.name {
            r = r.query("name", name);
        }
        if let Some(parent) = query.parent_id {
            r = r.query("parentID", parent);
        }
        r = r.query("limit", query.limit).query("offset", query.offset);
        self.get(r).await
    }

    /// Every subject (by name substring and parent category), page by page (offset paging,
    /// 1000 a page).
    pub fn subjects_stream(
        &self,
        name: Option<String>,
        parent_id: Option<i64>,
    ) -> BoxStream<'a, Result<Subject>> {
        let api = *self;
        paginate(0u32, move |offset| {
            let query = SubjectsQuery {
                name: name.clone(),
                parent_id,
                limit: SUBJECTS_PAGE_MAX,
                offset,
            };
            async move {
                let items = api.subjects(&query).await?;
                let n = u32::try_from(items.len()).unwrap_or(u32::MAX);
                let page = if n >= query.limit {
                    Page::more(items, offset.saturating_add(n))
                } else {
                    Page::last(items)
                };
                Ok(page.signed_by(|s| s.subject_id))
            }
        })
    }

    /// `GET /content/v2/object/charcs/{subjectId}`: the characteristics of a subject.
    pub async fn subject_charcs(&self, subject_id: SubjectId) -> Result<Vec<SubjectCharc>> {
        if subject_id.0 <= 0 {
            return Err(Error::validation(subject_id, "subjectId must be positive"));
        }
        let r = self
            .request(&SUBJECT_CHARCS)
            .path_param("subjectId", subject_id);
        self.get(r).await
    }

    /// `GET /content/v2/directory/colors`: the values of the characteristic "colour".
    pub async fn colors(&self) -> Result<Vec<Color>> {
        self.get(self.request(&DIRECTORY_COLORS)).await
    }

    /// `GET /content/v2/directory/kinds`: the values of the characteristic "gender".
    pub async fn kinds(&self) -> Result<Vec<String>> {
        self.get(self.request(&DIRECTORY_KINDS)).await
    }

    /// `GET /content/v2/directory/countries`: the values of "country of production".
    pub async fn countries(&self) -> Result<Vec<Country>> {
        self.get(self.request(&DIRECTORY_COUNTRIES)).await
    }

    /// `GET /content/v2/directory/seasons`: the values of the characteristic "season".
    pub async fn seasons(&self) -> Result<Vec<String>> {
        self.get(self.request(&DIRECTORY_SEASONS)).await
    }

    /// `GET /content/v2/directory/vat`: the VAT rates as WB spells them.
    pub async fn vat_rates(&self) -> Result<Vec<String>> {
        self.get(self.request(&DIRECTORY_VAT)).await
    }

    /// `GET /content/v2/directory/tnved`: the TNVED codes of a subject, optionally those
    /// starting with the digits `search`.
    pub async fn tnved(&self, subject_id: SubjectId, search: Option<&str>) -> Result<Vec<Tnved>> {
        if subject_id.0 <= 0 {
            return Err(Error::validation(subject_id, "subjectID must be positive"));
        }
        let mut r = self
            .request(&DIRECTORY_TNVED)
            .query("subjectID", subject_id);
        if let Some(s) = search {
            if s.is_empty() || s.len() > 18 || !s.bytes().all(|b| b.is_ascii_digit()) {
                return Err(Error::invalid(format!(
                    "search {s:?} is not a fragment of digits of a TNVED code"
                )));
            }
            r = r.query("search", s);
        }
        self.get(r).await
    }

    /// `POST /content/v2/get/cards/list`: one page of cards (limit 1..=100). Cards in the
    /// trash are not listed.
    pub async fn cards(&self, request: &CardsListRequest) -> Result<CardsListResponse> {
        let limit = request.settings.cursor.limit;
        if !(1..=CARDS_LIST_PAGE_MAX).contains(&limit) {
            return Err(Error::invalid(format!(
                "cursor.limit {limit} is not in 1..={CARDS_LIST_PAGE_MAX}"
            )));
        }
        self.client
            .transport(Host::Content)
            .json(self.request(&CARDS_LIST).json(request)?)
            .await
    }

    /// Every card matching `filter`, page by page: each request carries the previous
    /// answer's `updatedAt` and `nmID`; a page with `total` below the limit is the last.
    pub fn cards_stream(&self, filter: CardsFilter) -> BoxStream<'a, Result<Card>> {
        let api = *self;
        paginate(None::<(String, NmId)>, move |cursor| {
            let request = match cursor {
                None => CardsListRequest::first(filter.clone(), CARDS_LIST_PAGE_MAX),
                Some((updated_at, nm_id)) => {
                    CardsListRequest::after(filter.clone(), CARDS_LIST_PAGE_MAX, updated_at, nm_id)
                }
            };
            async move {
                let page = api.cards(&request).await?;
                let limit = i64::from(request.settings.cursor.limit);
                if page.cursor.total < limit || page.cards.is_empty() {
                    return Ok(Page::last(page.cards).signed_by(|c| c.nm_id));
                }
                match page.cursor.nm_id {
                    Some(nm_id) if !page.cursor.updated_at.is_empty() => Ok(Page::more(
                        page.cards,
                        Some((page.cursor.updated_at, nm_id)),
                    )
                    .signed_by(|c| c.nm_id)),
                    _ => Err(Error::Decode {
                        vendor: market_core::MarketplaceKind::Wildberries.name(),
                        operation: CARDS_LIST.name,
                        path: "cursor".into(),
                        message: "a full page without the cursor of the next one".into(),
                        excerpt: String::new(),
                    }),
                }
            }
        })
    }

    /// `POST /content/v2/cards/error/list`: one page of failed cards (limit 1..=100 batches).
    pub async fn card_errors(&self, request: &CardErrorsRequest) -> Result<CardErrorsPage> {
        if let Some(limit) = request.cursor.as_ref().and_then(|c| c.limit)
            && !(1..=CARD_ERRORS_PAGE_MAX).contains(&limit)
        {
            return Err(Error::invalid(format!(
                "cursor.limit {limit} is not in 1..={CARD_ERRORS_PAGE_MAX}"
            )));
        }
        self.get(self.request(&CARD_ERRORS).json(request)?).await
    }

    /// Every batch of failed cards, page by page: each request carries the previous answer's
    /// `updatedAt` and `batchUUID`, until an answer says `next: false`.
    pub fn card_errors_stream(&self, ascending: bool) -> BoxStream<'a, Result<CardErrorBatch>> {
        let api = *self;
        type Cursor = Option<(Option<chrono::DateTime<chrono::Utc>>, String)>;
        paginate(None as Cursor, move |cursor| {
            let mut request = CardErrorsRequest::first(CARD_ERRORS_PAGE_MAX, ascending);
            if let (Some((updated_at, batch)), Some(c)) = (cursor, request.cursor.as_mut()) {
                c.updated_at = updated_at;
                c.batch_uuid = Some(batch);
            }
            async move {
                let page = api.card_errors(&request).await?;
                let page = if page.cursor.next {
                    let next = Some((page.cursor.updated_at, page.cursor.batch_uuid));
                    Page::more(page.items, next)
                } else {
                    Page::last(page.items)
                };
                Ok(page.signed_by(|b| b.batch_uuid.clone()))
            }
        })
    }

    /// `POST /content/v2/cards/upload`: creates cards, each [`CardToCreate`] a merged card of
    /// its variants (one variant: a card of its own). Reported by seller's article.
    ///
    /// Any number of merged cards: split into requests of at most 100 and under 10 MB.
    /// Checked locally first: a merged card with no subject, no variants or more than 30 has
    /// all its variants rejected; a variant with an empty or too long article, a too long
    /// title or description, non-positive dimensions or weight, a non-positive or fractional
    /// price, or an article already used in this call is rejected alone (the rest of its
    /// merged card is still sent). WB creates cards asynchronously: "accepted" means WB
    /// queued the request; cards that then fail are listed by [`ContentApi::card_errors`].
    pub async fn upload(&self, cards: Vec<CardToCreate>) -> Result<BatchReport<String>> {
        let mut report = BatchReport::new();
        let mut seen: HashSet<String> = HashSet::new();
        let mut ready: Vec<(CardToCreate, usize)> = Vec::new();
        for mut card in cards {
            let group_problem = if card.subject_id.0 <= 0 {
                Some(format!(
                    "subjectID {} is not a valid subject",
                    card.subject_id
                ))
            } else if card.variants.is_empty() {
                Some("a card to create has no variants".to_owned())
            } else if card.variants.len() > VARIANTS_PER_CARD_MAX {
                Some(format!(
                    "a merged card holds at most {VARIANTS_PER_CARD_MAX} cards, this one has {}",
                    card.variants.len()
                ))
            } else {
                None
            };
            if let Some(problem) = group_problem {
                for v in card.variants {
                    report.reject_invalid(v.vendor_code, problem.clone());
                }
                continue;
            }
            let mut kept = Vec::with_capacity(card.variants.len());
            for v in card.variants {
                match validate_variant(&v) {
                    Err(message) => report.reject_invalid(v.vendor_code, message),
                    Ok(()) if !seen.insert(v.vendor_code.clone()) => {
                        report.reject_invalid(
                            v.vendor_code,
                            "vendorCode appears more than once in this call",
                        );
                    }
                    Ok(()) => kept.push(v),
                }
            }
            if kept.is_empty() {
                continue;
            }
            card.variants = kept;
            let len = json_len(&card);
            if len > PACK_BUDGET {
                for v in card.variants {
                    report.reject_invalid(
                        v.vendor_code,
                        format!("its merged card takes {len} bytes, over the request limit"),
                    );
                }
                continue;
            }
            ready.push((card, len));
        }
        let packs = pack(ready, CARDS_UPLOAD_MAX, PACK_BUDGET)
            .into_iter()
            .map(|p| {
                let keys = p
                    .iter()
                    .flat_map(|c| c.variants.iter().map(|v| v.vendor_code.clone()))
                    .collect();
                (keys, p)
            })
            .collect();
        let transport = self.client.transport(Host::Content);
        send_packs(&mut report, packs, |body: Vec<CardToCreate>| async move {
            transport.json(CARDS_UPLOAD.request().json(&body)?).await
        })
        .await;
        Ok(report)
    }

    /// `POST /content/v2/cards/upload/add`: creates cards into the existing merged card
    /// `imt_id`. Reported by seller's article; checked as in [`ContentApi::upload`]; more than
    /// 30 cards (a merged card's maximum) are refused as a whole. Split into requests under
    /// 10 MB.
    pub async fn upload_add(
        &self,
        imt_id: i64,
        cards: Vec<CardVariant>,
    ) -> Result<BatchReport<String>> {
        if imt_id <= 0 {
            return Err(Error::validation(imt_id, "imtID must be positive"));
        }
        if cards.len() > VARIANTS_PER_CARD_MAX {
            return Err(Error::invalid(format!(
                "a merged card holds at most {VARIANTS_PER_CARD_MAX} cards, {} were given",
                cards.len()
            )));
        }
        let mut report = BatchReport::new();
        let mut seen: HashSet<String> = HashSet::new();
        let mut ready = Vec::new();
        for v in cards {
            match validate_variant(&v) {
                Err(message) => report.reject_invalid(v.vendor_code, message),
                Ok(()) if !seen.insert(v.vendor_code.clone()) => report.reject_invalid(
                    v.vendor_code,
                    "vendorCode appears more than once in this call",
                ),
                Ok(()) => {
                    let len = json_len(&v);
                    if len > PACK_BUDGET {
                        report.reject_invalid(
                            v.vendor_code,
                            format!("the card takes {len} bytes, over the request limit"),
                        );
                    } else {
                        ready.push((v, len));
                    }
                }
            }
        }
        let packs = pack(ready, VARIANTS_PER_CARD_MAX, PACK_BUDGET)
            .into_iter()
            .map(|p| (p.iter().map(|v| v.vendor_code.clone()).collect(), p))
            .collect();
        let transport = self.client.transport(Host::Content);
        send_packs(&mut report, packs, |cards_to_add: Vec<CardVariant>| {
            let body = CardsAddRequest {
                cards_to_add,
                imt_id,
            };
            async move {
                transport
                    .json(CARDS_UPLOAD_ADD.request().json(&body)?)
                    .await
            }
        })
        .await;
        Ok(report)
    }

    /// `POST /content/v2/cards/update`: overwrites cards (send every field to keep; see
    /// `CardUpdate::from(&Card)`). Reported by seller's article.
    ///
    /// Any number of cards: split into requests of at most 3000 and under 10 MB. Checked
    /// locally first: empty or too long article, invalid `nmID`, no sizes, too long title or
    /// description, non-positive dimensions or weight, a price on an existing size (prices
    /// change through the prices API) or a non-positive or fractional price on a new one, or
    /// an article or `nmID` already used in this call. Updates that WB then refuses are
    /// listed by [`ContentApi::card_errors`].
    pub async fn update(&self, cards: Vec<CardUpdate>) -> Result<BatchReport<String>> {
        let mut report = BatchReport::new();
        let mut seen_codes: HashSet<String> = HashSet::new();
        let mut seen_nm: HashSet<NmId> = HashSet::new();
        let mut ready = Vec::new();
        for u in cards {
            if let Err(message) = validate_update(&u) {
                report.reject_invalid(u.vendor_code, message);
                continue;
            }
            if !seen_codes.insert(u.vendor_code.clone()) || !seen_nm.insert(u.nm_id) {
                report.reject_invalid(
                    u.vendor_code,
                    "vendorCode or nmID appears more than once in this call",
                );
                continue;
            }
            let len = json_len(&u);
            if len > PACK_BUDGET {
                report.reject_invalid(
                    u.vendor_code,
                    format!("the card takes {len} bytes, over the request limit"),
                );
                continue;
            }
            ready.push((u, len));
        }
        let packs = pack(ready, CARDS_UPDATE_MAX, PACK_BUDGET)
            .into_iter()
            .map(|p| (p.iter().map(|u| u.vendor_code.clone()).collect(), p))
            .collect();
        let transport = self.client.transport(Host::Content);
        send_packs(&mut report, packs, |body: Vec<CardUpdate>| async move {
            transport.json(CARDS_UPDATE.request().json(&body)?).await
        })
        .await;
        Ok(report)
    }

    /// `POST /content/v2/barcodes`: generates `count` new barcodes (more than 5000 are asked
    /// for in several requests).
    pub async fn barcodes(&self, count: u32) -> Result<Vec<String>> {
        if count == 0 {
            return Err(Error::invalid("count must be at least 1"));
        }
        let mut out = Vec::with_capacity(count as usize);
        let mut left = count;
        while left > 0 {
            let n = left.min(BARCODES_MAX);
            let request = BarcodesRequest { count: n };
            let answer: BarcodesResponse = self
                .client
                .transport(Host::Content)
                .json(BARCODES.request().json(&request)?)
                .await?;
            out.extend(answer.into_result(BARCODES.name)?);
            left -= n;
        }
        Ok(out)
    }

    /// `POST /content/v3/media/save`: replaces the media of card `nm_id` with the files at
    /// `links` (images in card order, at most 30, and at most one video anywhere). WB
    /// downloads them later; one unfit file makes WB load none.
    pub async fn save_media(&self, nm_id: NmId, links: Vec<String>) -> Result<()> {
        if nm_id.0 <= 0 {
            return Err(Error::validation(nm_id, "nmId must be positive"));
        }
        if links.len() > MEDIA_SAVE_MAX {
            return Err(Error::validation(
                nm_id,
                format!(
                    "{} links, more than a card's {MEDIA_SAVE_MAX} media",
                    links.len()
                ),
            ));
        }
        for l in &links {
            let ok = url::Url::parse(l).is_ok_and(|u| matches!(u.scheme(), "http" | "https"));
            if !ok {
                return Err(Error::validation(
                    nm_id,
                    format!("{l:?} is not an http(s) link"),
                ));
            }
        }
        let request = MediaSaveRequest { data: links, nm_id };
        let answer: MediaSaveResponse = self
            .client
            .transport(Host::Content)
            .json(MEDIA_SAVE.request().json(&request)?)
            .await?;
        answer.into_result(MEDIA_SAVE.name).map(|_| ())
    }

    /// `POST /content/v2/cards/delete/trash`: moves cards to the trash (split into requests of
    /// at most 1000; non-positive articles are rejected locally). Cards keep selling while
    /// they have stock.
    pub async fn trash(&self, nm_ids: Vec<NmId>) -> Result<BatchReport<NmId>> {
        Ok(self.nm_ids_batch(&CARDS_TRASH, nm_ids).await)
    }

    /// `POST /content/v2/cards/recover`: restores cards from the trash (split into requests
    /// of at most 1000; non-positive articles are rejected locally).
    pub async fn recover(&self, nm_ids: Vec<NmId>) -> Result<BatchReport<NmId>> {
        Ok(self.nm_ids_batch(&CARDS_RECOVER, nm_ids).await)
    }

    async fn nm_ids_batch(&self, op: &'static Operation, nm_ids: Vec<NmId>) -> BatchReport<NmId> {
        let transport = self.client.transport(Host::Content);
        run_batches(
            nm_ids,
            CARDS_TRASH_MAX,
            |id| *id,
            |id| {
                if id.0 > 0 {
                    Ok(())
                } else {
                    Err(format!("nmID {id} is not a valid WB article"))
                }
            },
            |chunk| async move {
                let request = NmIdsRequest {
                    nm_ids: chunk.clone(),
                };
                let answer: TrashResponse = transport.json(op.request().json(&request)?).await?;
                let mut r = BatchReport::new();
                if answer.error {
                    let message = answer.error_message();
                    for id in chunk {
                        r.reject(id, RejectionStage::Vendor, None, message.clone());
                    }
                } else {
                    r.accepted = chunk;
                }
                Ok(r)
            },
        )
        .await
    }

    /// `GET /content/v2/cards/limits`: the seller's free and paid card limits.
    pub async fn limits(&self) -> Result<CardsLimits> {
        self.get(CARDS_LIMITS.request()).await
    }
}
