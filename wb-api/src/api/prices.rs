//! Prices and discounts: upload tasks (per good and per size), their state and per-goods
//! details, goods with prices, sizes with prices, goods in quarantine.
//!
//! Every method here shares one quota ([`groups::PRICES`]: 10 requests in 6 s, burst 5).

use std::cell::RefCell;
use std::collections::HashSet;
use std::fmt;
use std::hash::Hash;
use std::sync::Mutex;

use futures::stream::BoxStream;
use market_core::batch::{chunks, run_batches};
use market_core::paginate::{Page, paginate};
use market_core::transport::Operation;
use market_core::{BatchReport, Error, Rejection, RejectionStage, Result};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;

use crate::ids::{ChrtId, NmId, UploadId};
use crate::limits::groups;
use crate::models::prices::*;
use crate::{Client, Host};

/// The most goods (or sizes) one price upload carries.
pub const PRICES_UPLOAD_MAX: usize = 1000;
/// The most articles one `POST /api/v2/list/goods/filter` carries.
pub const PRICES_GOODS_BY_NM_MAX: usize = 1000;
/// The largest page (`limit`) of every list of the prices section (goods, sizes, quarantine,
/// the goods of an upload task).
pub const PRICES_PAGE_MAX: u32 = 1000;
/// The largest discount this crate sends, percent (a 100 % discount would make a free good).
pub const DISCOUNT_MAX: i32 = 99;

/// `POST /api/v2/upload/task`.
pub static PRICES_UPLOAD: Operation = Operation::post("prices_upload", "/api/v2/upload/task")
    .in_group(groups::PRICES)
    .batch_max(PRICES_UPLOAD_MAX);
/// `POST /api/v2/upload/task/size`.
pub static PRICES_UPLOAD_SIZE: Operation =
    Operation::post("prices_upload_size", "/api/v2/upload/task/size")
        .in_group(groups::PRICES)
        .batch_max(PRICES_UPLOAD_MAX);
/// `GET /api/v2/history/tasks`.
pub static PRICES_HISTORY_TASK: Operation =
    Operation::get("prices_history_task", "/api/v2/history/tasks").in_group(groups::PRICES);
/// `GET /api/v2/history/goods/task`.
pub static PRICES_HISTORY_GOODS: Operation =
    Operation::get("prices_history_goods", "/api/v2/history/goods/task").in_group(groups::PRICES);
/// `GET /api/v2/buffer/tasks`.
pub static PRICES_BUFFER_TASK: Operation =
    Operation::get("prices_buffer_task", "/api/v2/buffer/tasks").in_group(groups::PRICES);
/// `GET /api/v2/buffer/goods/task`.
pub static PRICES_BUFFER_GOODS: Operation =
    Operation::get("prices_buffer_goods", "/api/v2/buffer/goods/task").in_group(groups::PRICES);
/// `GET /api/v2/list/goods/filter`.
pub static PRICES_GOODS_LIST: Operation =
    Operation::get("prices_goods_list", "/api/v2/list/goods/filter").in_group(groups::PRICES);
/// `POST /api/v2/list/goods/filter`.
pub static PRICES_GOODS_BY_NM: Operation =
    Operation::post("prices_goods_by_nm", "/api/v2/list/goods/filter")
        .in_group(groups::PRICES)
        .batch_max(PRICES_GOODS_BY_NM_MAX);
/// `GET /api/v2/list/goods/size/nm`.
pub static PRICES_SIZES: Operation =
    Operation::get("prices_sizes", "/api/v2/list/goods/size/nm").in_group(groups::PRICES);
/// `GET /api/v2/quarantine/goods`.
pub static PRICES_QUARANTINE: Operation =
    Operation::get("prices_quarantine", "/api/v2/quarantine/goods").in_group(groups::PRICES);

/// What a per-size price is reported under: the article and the size.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SizeKey {
    /// WB's article.
    pub nm_id: NmId,
    /// The size (`sizeID` on the wire: the card's `chrtID`).
    pub size_id: ChrtId,
}

impl SizeKey {
    fn of(item: &SizePrice) -> Self {
        Self {
            nm_id: item.nm_id,
            size_id: item.size_id,
        }
    }
}

impl fmt::Display for SizeKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "nmID {} size {}", self.nm_id, self.size_id)
    }
}

/// The outcome of a price upload: WB's tasks and what became of each item.
#[derive(Debug, Clone)]
pub struct PriceUpload<K> {
    /// The tasks WB created (or already had), one per request sent; follow them with
    /// [`PricesApi::history_task`] and [`PricesApi::history_goods`].
    pub tasks: Vec<TaskCreatedData>,
    /// Accepted: the item is in one of `tasks`. Rejected: refused locally (stage
    /// `Validation`) or with its whole request (stage `Request` or `Vendor`). WB's verdict per
    /// good comes later, from the task's details.
    pub report: BatchReport<K>,
}

impl<K> PriceUpload<K> {
    /// The ids of the tasks.
    pub fn task_ids(&self) -> Vec<UploadId> {
        self.tasks.iter().map(|t| t.id).collect()
    }
}

/// Checks a price: a positive whole number that fits the wire integer.
fn check_price(price: Decimal) -> std::result::Result<(), String> {
    if price <= Decimal::ZERO {
        return Err(format!("price {price} is not positive"));
    }
    if !price.fract().is_zero() {
        return Err(format!("price {price} is not a whole number"));
    }
    if price.to_i64().is_none() {
        return Err(format!("price {price} is too large"));
    }
    Ok(())
}

/// Checks one good's price and discount before sending.
pub fn validate_good_price(item: &GoodPrice) -> std::result::Result<(), String> {
    if item.nm_id.0 <= 0 {
        return Err(format!("nmID {} is not a valid article", item.nm_id));
    }
    if item.price.is_none() && item.discount.is_none() {
        return Err("neither a price nor a discount is given".into());
    }
    if let Some(price) = item.price {
        check_price(price)?;
    }
    if let Some(discount) = item.discount
        && !(0..=DISCOUNT_MAX).contains(&discount)
    {
        return Err(format!("discount {discount} is not in 0..={DISCOUNT_MAX}"));
    }
    Ok(())
}

/// Checks one size's price before sending.
pub fn validate_size_price(item: &SizePrice) -> std::result::Result<(), String> {
    if item.nm_id.0 <= 0 {
        return Err(format!("nmID {} is not a valid article", item.nm_id));
    }
    if item.size_id.0 <= 0 {
        return Err(format!("sizeID {} is not a valid size", item.size_id));
    }
    check_price(item.price)
}

/// Checks `limit` (1 to [`PRICES_PAGE_MAX`]).
fn check_limit(limit: u32) -> Result<()> {
    if (1..=PRICES_PAGE_MAX).contains(&limit) {
        Ok(())
    } else {
        Err(Error::invalid(format!(
            "limit {limit} is not in 1..={PRICES_PAGE_MAX}"
        )))
    }
}

/// Checks an upload task id.
fn check_upload_id(upload_id: UploadId) -> Result<()> {
    if upload_id.0 > 0 {
        Ok(())
    } else {
        Err(Error::validation(upload_id, "uploadID must be positive"))
    }
}

/// The prices and discounts section: `client.prices()`.
#[derive(Debug, Clone, Copy)]
pub struct PricesApi<'a> {
    client: &'a Client,
}

impl Client {
    /// Prices and discounts.
    pub fn prices(&self) -> PricesApi<'_> {
        PricesApi { client: self }
    }
}

impl<'a> PricesApi<'a> {
    /// `POST /api/v2/upload/task`: sets prices and discounts of goods.
    ///
    /// Any number of goods: split into tasks of at most 1000. Goods that cannot be valid
    /// (article not positive, neither price nor discount, a price that is not a positive whole
    /// number, a discount outside 0..=99, an article already given earlier in the list) are
    /// rejected locally and the rest is sent. WB applies the prices later: the report says
    /// which goods made it into a task; [`Self::history_goods`] says what WB made of each.
    pub async fn upload(&self, goods: Vec<GoodPrice>) -> Result<PriceUpload<NmId>> {
        Ok(upload_tasks(
            self.client,
            &PRICES_UPLOAD,
            goods,
            |g| g.nm_id,
            validate_good_price,
            |data| PriceUploadRequest { data },
        )
        .await)
    }

    /// `POST /api/v2/upload/task/size`: sets prices of sizes, for goods whose
    /// `editableSizePrice` is true.
    ///
    /// Any number of sizes: split into tasks of at most 1000; invalid sizes (article or size
    /// not positive, a price that is not a positive whole number, a size given twice) are
    /// rejected locally.
    pub async fn upload_sizes(&self, sizes: Vec<SizePrice>) -> Result<PriceUpload<SizeKey>> {
        Ok(upload_tasks(
            self.client,
            &PRICES_UPLOAD_SIZE,
            sizes,
            SizeKey::of,
            validate_size_price,
            |data| SizePriceUploadRequest { data },
        )
        .await)
    }

    /// `GET /api/v2/history/tasks`: the state of a processed upload task.
    pub async fn history_task(&self, upload_id: UploadId) -> Result<TaskHistoryResponse> {
        check_upload_id(upload_id)?;
        self.client
            .transport(Host::Prices)
            .json(PRICES_HISTORY_TASK.request().query("uploadID", upload_id))
            .await
    }

    /// `GET /api/v2/history/goods/task`: one page of the goods of a processed task, with WB's
    /// error per good.
    pub async fn history_goods(
        &self,
        upload_id: UploadId,
        limit: u32,
        offset: u32,
    ) -> Result<GoodsHistoryResponse> {
        check_upload_id(upload_id)?;
        check_limit(limit)?;
        self.client
            .transport(Host::Prices)
            .json(
                PRICES_HISTORY_GOODS
                    .request()
                    .query("limit", limit)
                    .query("offset", offset)
                    .query("uploadID", upload_id),
            )
            .await
    }

    /// Every good of a processed task, page by page (offset paging, pages of 1000; a shorter
    /// page is the last).
    pub fn history_goods_stream(&self, upload_id: UploadId) -> BoxStream<'a, Result<GoodHistory>> {
        let api = *self;
        paginate(0u32, move |offset| async move {
            // A page without its `data` is an error, never the last page.
            let goods = api
                .history_goods(upload_id, PRICES_PAGE_MAX, offset)
                .await?
                .data
                .map(|d| d.history_goods)
                .ok_or_else(|| Error::Decode {
                    vendor: market_core::MarketplaceKind::Wildberries.name(),
                    operation: PRICES_HISTORY_GOODS.name,
                    path: "data".into(),
                    message: "the page has no data (null)".into(),
                    excerpt: String::new(),
                })?;
            Ok(next_offset_page(goods, offset, true).signed_by(|g| (g.nm_id, g.size_id)))
        })
    }

    /// `GET /api/v2/buffer/tasks`: the state of an upload task still in processing.
    pub async fn buffer_task(&self, upload_id: UploadId) -> Result<BufferTaskResponse> {
        check_upload_id(upload_id)?;
        self.client
            .transport(Host::Prices)
            .json(PRICES_BUFFER_TASK.request().query("uploadID", upload_id))
            .await
    }

    /// `GET /api/v2/buffer/goods/task`: one page of the goods of a task in processing.
    pub async fn buffer_goods(
        &self,
        upload_id: UploadId,
        limit: u32,
        offset: u32,
    ) -> Result<BufferGoodsResponse> {
        check_upload_id(upload_id)?;
        check_limit(limit)?;
        self.client
            .transport(Host::Prices)
            .json(
                PRICES_BUFFER_GOODS
                    .request()
                    .query("limit", limit)
                    .query("offset", offset)
                    .query("uploadID", upload_id),
            )
            .await
    }

    /// `GET /api/v2/list/goods/filter`: one page of the seller's goods with prices.
    pub async fn goods(&self, limit: u32, offset: u32) -> Result<GoodsListResponse> {
        check_limit(limit)?;
        self.client
            .transport(Host::Prices)
            .json(
                PRICES_GOODS_LIST
                    .request()
                    .query("limit", limit)
                    .query("offset", offset),
            )
            .await
    }

    /// `GET /api/v2/list/goods/filter` with `filterNmID`: one good with prices, if the seller
    /// has it.
    pub async fn good(&self, nm_id: NmId) -> Result<Option<GoodsList>> {
        if nm_id.0 <= 0 {
            return Err(Error::validation(nm_id, "nmID must be positive"));
        }
        let response: GoodsListResponse = self
            .client
            .transport(Host::Prices)
            .json(
                PRICES_GOODS_LIST
                    .request()
                    .query("limit", 1)
                    .query("offset", 0)
                    .query("filterNmID", nm_id),
            )
            .await?;
        Ok(response.data.list_goods.into_iter().next())
    }

    /// Every good with prices, page by page: pages of 1000, the offset moving by 1000, until
    /// WB answers an empty page (as the method's description says).
    pub fn goods_stream(&self) -> BoxStream<'a, Result<GoodsList>> {
        let api = *self;
        paginate(0u32, move |offset| async move {
            let goods = api.goods(PRICES_PAGE_MAX, offset).await?.data.list_goods;
            Ok(next_offset_page(goods, offset, false).signed_by(|g| g.nm_id))
        })
    }

    /// `POST /api/v2/list/goods/filter`: goods with prices by article. Any number of articles:
    /// split into requests of at most 1000, results concatenated.
    pub async fn goods_by_nm(&self, nm_ids: Vec<NmId>) -> Result<Vec<GoodsList>> {
        if nm_ids.is_empty() {
            return Err(Error::invalid("no articles given"));
        }
        if let Some(bad) = nm_ids.iter().find(|n| n.0 <= 0) {
            return Err(Error::validation(bad, "nmID must be positive"));
        }
        let mut out = Vec::new();
        for chunk in chunks(nm_ids, PRICES_GOODS_BY_NM_MAX) {
            let request = GoodsFilterRequest { nm_list: chunk };
            let response: GoodsListResponse = self
                .client
                .transport(Host::Prices)
                .json(PRICES_GOODS_BY_NM.request().json(&request)?)
                .await?;
            out.extend(response.data.list_goods);
        }
        Ok(out)
    }

    /// `GET /api/v2/list/goods/size/nm`: one page of the sizes of a good with their prices
    /// (goods whose `editableSizePrice` is true).
    pub async fn sizes(&self, nm_id: NmId, limit: u32, offset: u32) -> Result<SizeGoodsResponse> {
        if nm_id.0 <= 0 {
            return Err(Error::validation(nm_id, "nmID must be positive"));
        }
        check_limit(limit)?;
        self.client
            .transport(Host::Prices)
            .json(
                PRICES_SIZES
                    .request()
                    .query("limit", limit)
                    .query("offset", offset)
                    .query("nmID", nm_id),
            )
            .await
    }

    /// `GET /api/v2/quarantine/goods`: one page of the goods in price quarantine.
    pub async fn quarantine(&self, limit: u32, offset: u32) -> Result<QuarantineResponse> {
        check_limit(limit)?;
        self.client
            .transport(Host::Prices)
            .json(
                PRICES_QUARANTINE
                    .request()
                    .query("limit", limit)
                    .query("offset", offset),
            )
            .await
    }
}

/// The next page of offset paging by [`PRICES_PAGE_MAX`]: an empty page is the last; with
/// `short_is_last`, so is a page shorter than [`PRICES_PAGE_MAX`].
fn next_offset_page<T>(items: Vec<T>, offset: u32, short_is_last: bool) -> Page<T, u32> {
    let full = items.len() >= PRICES_PAGE_MAX as usize;
    match offset.checked_add(PRICES_PAGE_MAX) {
        Some(next) if !items.is_empty() && (full || !short_is_last) => Page::more(items, next),
        _ => Page::last(items),
    }
}

/// Sends a price upload in tasks of at most [`PRICES_UPLOAD_MAX`] items: validates each item
/// (and refuses a key given twice), collects WB's task per request and reports per item.
async fn upload_tasks<I, K, B>(
    client: &Client,
    op: &'static Operation,
    items: Vec<I>,
    key: fn(&I) -> K,
    validate: fn(&I) -> std::result::Result<(), String>,
    body: fn(Vec<I>) -> B,
) -> PriceUpload<K>
where
    K: Clone + Eq + Hash + fmt::Display,
    B: Serialize,
{
    let tasks: Mutex<Vec<TaskCreatedData>> = Mutex::new(Vec::new());
    let seen: RefCell<HashSet<K>> = RefCell::new(HashSet::new());
    let check = move |item: &I| {
        validate(item)?;
        let k = key(item);
        if seen.borrow_mut().insert(k.clone()) {
            Ok(())
        } else {
            Err(format!(
                "{k} is given more than once; only the first is sent"
            ))
        }
    };
    let tasks_ref = &tasks;
    let report = run_batches(items, PRICES_UPLOAD_MAX, key, check, |chunk| async move {
        let keys: Vec<K> = chunk.iter().map(key).collect();
        let request = body(chunk);
        let response: TaskCreated = client
            .transport(Host::Prices)
            .json(op.request().json(&request)?)
            .await?;
        match response.data {
            Some(task) if !response.error && task.id.0 > 0 => {
                if let Ok(mut t) = tasks_ref.lock() {
                    t.push(task);
                }
                Ok(BatchReport::from_chunk(keys, Vec::new()))
            }
            _ => {
                let message = if response.error_text.is_empty() {
                    "WB created no task".to_owned()
                } else {
                    response.error_text
                };
                let rejections = keys
                    .iter()
                    .map(|k| Rejection {
                        key: k.clone(),
                        stage: RejectionStage::Vendor,
                        retry_after: None,
                        code: Some("no_task".into()),
                        message: message.clone(),
                    })
                    .collect();
                Ok(BatchReport::from_chunk(keys, rejections))
            }
        }
    })
    .await;
    let tasks = tasks.into_inner().unwrap_or_else(|e| e.into_inner());
    PriceUpload { tasks, report }
}
