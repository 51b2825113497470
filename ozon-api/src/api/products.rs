//! Products: the product list and product info, card import and its status, attribute and
//! picture updates, archiving, deletion, and the upload limits.

use std::collections::HashMap;
use std::sync::Mutex;

use futures::stream::BoxStream;
use market_core::batch::{chunks, run_batches};
use market_core::paginate::{Page, paginate};
use market_core::transport::Operation;
use market_core::{BatchReport, Error, RejectionStage, Result};
use rust_decimal::Decimal;

use crate::Client;
use crate::ids::{ImportTaskId, ProductId};
use crate::limits;
use crate::models::products::*;

/// The largest page of `/v3/product/list`.
pub const PRODUCT_LIST_PAGE_MAX: i64 = 1000;
/// The most ids the `/v3/product/list` filter takes.
pub const PRODUCT_LIST_FILTER_MAX: usize = 1000;
/// The most ids (of all kinds together) a `/v3/product/info/list` request takes.
pub const PRODUCT_INFO_LIST_MAX: usize = 1000;
/// The most cards a `/v3/product/import` request carries.
pub const PRODUCT_IMPORT_MAX: usize = 100;
/// The most products a `/v1/product/attributes/update` request carries here. The spec states
/// no maximum; this crate uses the card import's.
pub const ATTRIBUTES_UPDATE_CHUNK: usize = 100;
/// The most product ids a `/v1/product/archive` or `/v1/product/unarchive` request carries.
pub const PRODUCT_ARCHIVE_MAX: usize = 100;
/// The most articles a `/v2/products/delete` request carries.
pub const PRODUCTS_DELETE_MAX: usize = 500;
/// The most images of a card, the main one included.
pub const IMAGES_MAX: usize = 15;
/// The most 360° images of a card.
pub const IMAGES_360_MAX: usize = 70;
/// The longest article, in characters.
pub const OFFER_ID_MAX_CHARS: usize = 50;
/// The longest product name, in characters.
pub const NAME_MAX_CHARS: usize = 500;

/// `POST /v3/product/list`.
pub static PRODUCT_LIST: Operation = Operation::post("product_list", "/v3/product/list");
/// `POST /v3/product/info/list`.
pub static PRODUCT_INFO_LIST: Operation =
    Operation::post("product_info_list", "/v3/product/info/list").batch_max(PRODUCT_INFO_LIST_MAX);
/// `POST /v3/product/import`: creates cards, so never repeated blindly.
pub static PRODUCT_IMPORT: Operation = Operation::post("product_import", "/v3/product/import")
    .in_group(limits::PRODUCT_ITEMS)
    .non_idempotent()
    .batch_max(PRODUCT_IMPORT_MAX);
/// `POST /v1/product/import/info`.
pub static PRODUCT_IMPORT_INFO: Operation =
    Operation::post("product_import_info", "/v1/product/import/info");
/// `POST /v1/product/attributes/update`.
pub static PRODUCT_ATTRIBUTES_UPDATE: Operation =
    Operation::post("product_attributes_update", "/v1/product/attributes/update")
        .in_group(limits::PRODUCT_ITEMS);
/// `POST /v1/product/pictures/import`.
pub static PRODUCT_PICTURES_IMPORT: Operation =
    Operation::post("product_pictures_import", "/v1/product/pictures/import");
/// `POST /v1/product/archive`.
pub static PRODUCT_ARCHIVE: Operation =
    Operation::post("product_archive", "/v1/product/archive").batch_max(PRODUCT_ARCHIVE_MAX);
/// `POST /v1/product/unarchive`.
pub static PRODUCT_UNARCHIVE: Operation =
    Operation::post("product_unarchive", "/v1/product/unarchive").batch_max(PRODUCT_ARCHIVE_MAX);
/// `POST /v2/products/delete`.
pub static PRODUCTS_DELETE: Operation =
    Operation::post("products_delete", "/v2/products/delete").batch_max(PRODUCTS_DELETE_MAX);
/// `POST /v4/product/info/limit`.
pub static PRODUCT_INFO_LIMIT: Operation =
    Operation::post("product_info_limit", "/v4/product/info/limit");

/// One task created by a card import or attribute update, with the articles it carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportTask {
    /// The task, for [`ProductsApi::import_info`].
    pub task_id: ImportTaskId,
    /// The articles sent in it.
    pub offer_ids: Vec<String>,
}

/// What a card import or attribute update did: the tasks created, and per article whether it
/// went into a task (`accepted`) or was turned down locally or with its request.
///
/// Acceptance means Ozon queued the card; whether it was imported is told per card by
/// [`ProductsApi::import_info`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ImportSubmission {
    /// One task per request sent.
    pub tasks: Vec<ImportTask>,
    /// Per article: queued, or rejected with the reason.
    pub report: BatchReport<String>,
}

impl ImportSubmission {
    /// The task ids, in the order sent.
    pub fn task_ids(&self) -> Vec<ImportTaskId> {
        self.tasks.iter().map(|t| t.task_id).collect()
    }
}

fn check_offer_id(offer_id: &str) -> std::result::Result<(), String> {
    if offer_id.trim().is_empty() {
        return Err("offer_id is empty".into());
    }
    let n = offer_id.chars().count();
    if n > OFFER_ID_MAX_CHARS {
        return Err(format!(
            "offer_id has {n} characters, more than {OFFER_ID_MAX_CHARS}"
        ));
    }
    Ok(())
}

fn check_money(what: &str, value: Option<Decimal>) -> std::result::Result<(), String> {
    if let Some(v) = value {
        if v.is_sign_negative() && !v.is_zero() {
            return Err(format!("{what} {v} is negative"));
        }
        if v.normalize().scale() > 2 {
            return Err(format!("{what} {v} has more than two decimal places"));
        }
    }
    Ok(())
}

fn check_attributes(attributes: &[ProductAttribute]) -> std::result::Result<(), String> {
    for a in attributes {
        if a.id.0 <= 0 {
            return Err(format!("attribute id {} is not valid", a.id));
        }
        if a.values.is_empty() {
            return Err(format!("attribute {} has no value", a.id));
        }
        if a.values
            .iter()
            .any(|v| v.value.trim().is_empty() && v.dictionary_value_id.is_none_or(|d| d.0 <= 0))
        {
            return Err(format!(
                "attribute {} has a value with neither text nor dictionary value",
                a.id
            ));
        }
    }
    Ok(())
}

/// Checks a card before sending: article and name present and not too long, category and type
/// given, a price (not negative, at most two decimals), dimensions and weight positive and
/// with their units when given, attributes with values, image counts within Ozon's limits.
pub fn validate_import_item(item: &ProductImportItem) -> std::result::Result<(), String> {
    check_offer_id(&item.offer_id)?;
    if item.name.trim().is_empty() {
        return Err("name is empty".into());
    }
    let n = item.name.chars().count();
    if n > NAME_MAX_CHARS {
        return Err(format!(
            "name has {n} characters, more than {NAME_MAX_CHARS}"
        ));
    }
    if item.description_category_id.0 <= 0 {
        return Err(format!(
            "description_category_id {} is not a valid category",
            item.description_category_id
        ));
    }
    if item.type_id.0 <= 0 {
        return Err(format!("type_id {} is not a valid type", item.type_id));
    }
    match item.price {
        None => return Err("price is missing".into()),
        Some(p) if p <= Decimal::ZERO => return Err(format!("price {p} is not positive")),
        Some(_) => {}
    }
    check_money("price", item.price)?;
    check_money("old_price", item.old_price)?;
    if let Some(vat) = item.vat
        && (vat < Decimal::ZERO || vat >= Decimal::ONE)
    {
        return Err(format!("vat {vat} is not a fraction in 0..1 (0.2 for 20%)"));
    }
    let dims = [
        ("depth", item.depth),
        ("width", item.width),
        ("height", item.height),
    ];
    for (what, v) in dims {
        if let Some(v) = v
            && v <= 0
        {
            return Err(format!("{what} {v} is not positive"));
        }
    }
    if dims.iter().any(|(_, v)| v.is_some()) && item.dimension_unit.is_none() {
        return Err("dimensions are given without dimension_unit".into());
    }
    if let Some(w) = item.weight {
        if w <= 0 {
            return Err(format!("weight {w} is not positive"));
        }
        if item.weight_unit.is_none() {
            return Err("weight is given without weight_unit".into());
        }
    }
    let images = item.images.len() + usize::from(item.primary_image.is_some());
    if images > IMAGES_MAX {
        return Err(format!(
            "{images} images, the main one included, more than {IMAGES_MAX}"
        ));
    }
    if item.images360.len() > IMAGES_360_MAX {
        return Err(format!(
            "{} 360° images, more than {IMAGES_360_MAX}",
            item.images360.len()
        ));
    }
    check_attributes(&item.attributes)?;
    for c in &item.complex_attributes {
        check_attributes(&c.attributes)?;
    }
    Ok(())
}

/// Checks an attribute update before sending: an article, and at least one attribute, each
/// with a valid id and a value.
pub fn validate_attributes_update(item: &UpdateAttributesItem) -> std::result::Result<(), String> {
    check_offer_id(&item.offer_id)?;
    if item.attributes.is_empty() {
        return Err("no attribute to update".into());
    }
    check_attributes(&item.attributes)
}

fn check_product_ids(ids: &[ProductId]) -> Result<()> {
    match ids.iter().find(|p| p.0 <= 0) {
        Some(bad) => Err(Error::validation(
            format!("product {bad}"),
            format!("product_id {bad} is not a valid product id"),
        )),
        None => Ok(()),
    }
}

/// The products section: `client.products()`.
#[derive(Debug, Clone, Copy)]
pub struct ProductsApi<'a> {
    client: &'a Client,
}

impl Client {
    /// Products: list, info, card import, attributes, pictures, archive, delete, limits.
    pub fn products(&self) -> ProductsApi<'_> {
        ProductsApi { client: self }
    }
}

impl<'a> ProductsApi<'a> {
    /// `POST /v3/product/list`: one page of products.
    ///
    /// The filter takes one group of ids (articles or product ids), at most 1000.
    pub async fn list(&self, request: &ProductListRequest) -> Result<ProductListResult> {
        crate::api::check_limit(request.limit, PRODUCT_LIST_PAGE_MAX)?;
        let f = &request.filter;
        if !f.offer_id.is_empty() && !f.product_id.is_empty() {
            return Err(Error::invalid(
                "the filter takes one group of ids: offer_id or product_id, not both",
            ));
        }
        let ids = f.offer_id.len().max(f.product_id.len());
        if ids > PRODUCT_LIST_FILTER_MAX {
            return Err(Error::invalid(format!(
                "the filter names {ids} products, more than {PRODUCT_LIST_FILTER_MAX}"
            )));
        }
        if let Some(o) = f.offer_id.iter().find(|o| o.trim().is_empty()) {
            return Err(Error::invalid(format!(
                "empty offer_id {o:?} in the filter"
            )));
        }
        check_product_ids(&f.product_id)?;
        let response: ProductListResponse = self
            .client
            .transport
            .json(PRODUCT_LIST.request().json(request)?)
            .await?;
        Ok(response.result)
    }

    /// Every product matching `filter`, page by page (`last_id` paging, 1000 a page, until a
    /// page comes back empty or without a `last_id`).
    pub fn list_stream(&self, filter: ProductListFilter) -> BoxStream<'a, Result<ProductListItem>> {
        let api = *self;
        paginate(String::new(), move |last_id| {
            let request = ProductListRequest {
                filter: filter.clone(),
                last_id,
                limit: PRODUCT_LIST_PAGE_MAX,
            };
            async move {
                let page = api.list(&request).await?;
                let page = if page.last_id.is_empty() || page.items.is_empty() {
                    Page::last(page.items)
                } else {
                    Page::more(page.items, page.last_id)
                };
                Ok(page.signed_by(|i: &ProductListItem| i.product_id.0))
            }
        })
    }

    /// `POST /v3/product/info/list`: everything about the products named by article, product
    /// id or SKU.
    ///
    /// Any number of ids: each kind is sent in its own requests (Ozon wants one kind of id a
    /// request) of at most 1000, and the answers are concatenated (articles first, then
    /// product ids, then SKUs). A product named twice comes back twice.
    pub async fn info_list(&self, request: ProductInfoListRequest) -> Result<Vec<ProductInfo>> {
        if let Some(o) = request.offer_id.iter().find(|o| o.trim().is_empty()) {
            return Err(Error::invalid(format!("empty offer_id {o:?}")));
        }
        check_product_ids(&request.product_id)?;
        if let Some(bad) = request.sku.iter().find(|s| s.0 <= 0) {
            return Err(Error::validation(
                format!("sku {bad}"),
                format!("sku {bad} is not a valid SKU"),
            ));
        }
        let ProductInfoListRequest {
            offer_id,
            product_id,
            sku,
        } = request;
        let mut requests = Vec::new();
        requests.extend(
            chunks(offer_id, PRODUCT_INFO_LIST_MAX)
                .into_iter()
                .map(ProductInfoListRequest::offer_ids),
        );
        requests.extend(
            chunks(product_id, PRODUCT_INFO_LIST_MAX)
                .into_iter()
                .map(ProductInfoListRequest::product_ids),
        );
        requests.extend(
            chunks(sku, PRODUCT_INFO_LIST_MAX)
                .into_iter()
                .map(ProductInfoListRequest::skus),
        );
        let mut out = Vec::new();
        for r in requests {
            let response: ProductInfoListResponse = self
                .client
                .transport
                .json(PRODUCT_INFO_LIST.request().json(&r)?)
                .await?;
            out.extend(response.items);
        }
        Ok(out)
    }

    /// `POST /v3/product/import`: creates or updates cards.
    ///
    /// Any number of cards: invalid ones (see [`validate_import_item`]) are rejected locally
    /// by article and the rest is sent in requests of at most 100, each creating one task.
    /// The import is not repeated after a failure the server may have seen (it would create
    /// the cards twice); such a request's cards are reported rejected at the request stage.
    /// Follow the tasks with [`ProductsApi::import_info`].
    pub async fn import(&self, items: Vec<ProductImportItem>) -> Result<ImportSubmission> {
        let client = self.client;
        let tasks: Mutex<Vec<ImportTask>> = Mutex::new(Vec::new());
        let tasks_ref = &tasks;
        let report = run_batches(
            items,
            PRODUCT_IMPORT_MAX,
            |i: &ProductImportItem| i.offer_id.clone(),
            validate_import_item,
            |chunk| async move {
                let keys: Vec<String> = chunk.iter().map(|i| i.offer_id.clone()).collect();
                let request = ProductImportRequest { items: chunk };
                let response: ProductImportResponse = client
                    .transport
                    .json(
                        PRODUCT_IMPORT
                            .request()
                            .weight(request.items.len())
                            .json(&request)?,
                    )
                    .await?;
                Ok(task_report(tasks_ref, keys, response.result.task_id))
            },
        )
        .await;
        let tasks = tasks.into_inner().unwrap_or_else(|e| e.into_inner());
        Ok(ImportSubmission { tasks, report })
    }

    /// `POST /v1/product/import/info`: the status of an import or attribute update task, card
    /// by card, with Ozon's errors.
    pub async fn import_info(&self, task_id: ImportTaskId) -> Result<ImportInfoResult> {
        if task_id.0 <= 0 {
            return Err(Error::invalid(format!(
                "task_id {task_id} is not a valid task"
            )));
        }
        let request = ImportInfoRequest { task_id };
        let response: ImportInfoResponse = self
            .client
            .transport
            .json(PRODUCT_IMPORT_INFO.request().json(&request)?)
            .await?;
        Ok(response.result)
    }

    /// `POST /v1/product/attributes/update`: sets attributes of existing products.
    ///
    /// Any number of products: invalid ones (see [`validate_attributes_update`]) are rejected
    /// locally and the rest is sent in requests of at most [`ATTRIBUTES_UPDATE_CHUNK`], each
    /// creating one task for [`ProductsApi::import_info`].
    pub async fn update_attributes(
        &self,
        items: Vec<UpdateAttributesItem>,
    ) -> Result<ImportSubmission> {
        let client = self.client;
        let tasks: Mutex<Vec<ImportTask>> = Mutex::new(Vec::new());
        let tasks_ref = &tasks;
        let report = run_batches(
            items,
            ATTRIBUTES_UPDATE_CHUNK,
            |i: &UpdateAttributesItem| i.offer_id.clone(),
            validate_attributes_update,
            |chunk| async move {
                let keys: Vec<String> = chunk.iter().map(|i| i.offer_id.clone()).collect();
                let request = UpdateAttributesRequest { items: chunk };
                let response: UpdateAttributesResponse = client
                    .transport
                    .json(
                        PRODUCT_ATTRIBUTES_UPDATE
                            .request()
                            .weight(request.items.len())
                            .json(&request)?,
                    )
                    .await?;
                Ok(task_report(tasks_ref, keys, response.task_id))
            },
        )
        .await;
        let tasks = tasks.into_inner().unwrap_or_else(|e| e.into_inner());
        Ok(ImportSubmission { tasks, report })
    }

    /// `POST /v1/product/pictures/import`: replaces a product's images (send all of them:
    /// up to 15 images, the first the main one, and up to 70 360° images).
    pub async fn import_pictures(
        &self,
        request: &ImportPicturesRequest,
    ) -> Result<Vec<ProductPicture>> {
        let item = format!("product {}", request.product_id);
        if request.product_id.0 <= 0 {
            return Err(Error::validation(
                item,
                "product_id is not a valid product id",
            ));
        }
        if request.images.len() > IMAGES_MAX {
            return Err(Error::validation(
                item,
                format!("{} images, more than {IMAGES_MAX}", request.images.len()),
            ));
        }
        if request.images360.len() > IMAGES_360_MAX {
            return Err(Error::validation(
                item,
                format!(
                    "{} 360° images, more than {IMAGES_360_MAX}",
                    request.images360.len()
                ),
            ));
        }
        let empty_url = request
            .images
            .iter()
            .chain(&request.images360)
            .chain(&request.color_image)
            .any(|u| u.trim().is_empty());
        if empty_url {
            return Err(Error::validation(item, "an image URL is empty"));
        }
        let response: ImportPicturesResponse = self
            .client
            .transport
            .json(PRODUCT_PICTURES_IMPORT.request().json(request)?)
            .await?;
        Ok(response.result.pictures)
    }

    /// `POST /v1/product/archive`: moves products to the archive. Any number of ids, split
    /// into requests of at most 100; true when every request answered true.
    pub async fn archive(&self, product_ids: Vec<ProductId>) -> Result<bool> {
        self.archive_op(&PRODUCT_ARCHIVE, product_ids).await
    }

    /// `POST /v1/product/unarchive`: brings products back from the archive (Ozon restores at
    /// most 10 automatically archived products a day). Any number of ids, split into requests
    /// of at most 100; true when every request answered true.
    pub async fn unarchive(&self, product_ids: Vec<ProductId>) -> Result<bool> {
        self.archive_op(&PRODUCT_UNARCHIVE, product_ids).await
    }

    async fn archive_op(
        &self,
        op: &'static Operation,
        product_ids: Vec<ProductId>,
    ) -> Result<bool> {
        check_product_ids(&product_ids)?;
        let mut all = true;
        for chunk in chunks(product_ids, PRODUCT_ARCHIVE_MAX) {
            let request = ArchiveRequest { product_id: chunk };
            let response: BooleanResponse = self
                .client
                .transport
                .json(
                    op.request()
                        .weight(request.product_id.len())
                        .json(&request)?,
                )
                .await?;
            all &= response.result;
        }
        Ok(all)
    }

    /// `POST /v2/products/delete`: deletes archived products that have no SKU, by article.
    ///
    /// Any number of articles, split into requests of at most 500; empty articles are rejected
    /// locally and Ozon's per-article refusals land in the report.
    pub async fn delete(&self, offer_ids: Vec<String>) -> Result<BatchReport<String>> {
        let client = self.client;
        Ok(run_batches(
            offer_ids,
            PRODUCTS_DELETE_MAX,
            |o: &String| o.clone(),
            |o: &String| check_offer_id(o),
            |chunk| async move {
                let keys = chunk.clone();
                let request = DeleteProductsRequest {
                    products: chunk
                        .into_iter()
                        .map(|offer_id| DeleteProduct { offer_id })
                        .collect(),
                };
                let response: DeleteProductsResponse = client
                    .transport
                    .json(
                        PRODUCTS_DELETE
                            .request()
                            .weight(request.products.len())
                            .json(&request)?,
                    )
                    .await?;
                Ok(delete_report(keys, response))
            },
        )
        .await)
    }

    /// `POST /v4/product/info/limit`: the assortment limit and the daily create and update
    /// limits with their usage.
    pub async fn limits(&self) -> Result<UploadQuotaResponse> {
        self.client
            .transport
            .json(PRODUCT_INFO_LIMIT.request().json(&EmptyRequest {})?)
            .await
    }
}

/// Records a chunk's task and accepts its articles; a chunk answered without a task id has its
/// articles rejected.
fn task_report(
    tasks: &Mutex<Vec<ImportTask>>,
    keys: Vec<String>,
    task_id: ImportTaskId,
) -> BatchReport<String> {
    let mut report = BatchReport::new();
    if task_id.0 <= 0 {
        for k in keys {
            report.reject(
                k,
                RejectionStage::Vendor,
                Some("no_task_id".into()),
                "Ozon answered without a task id",
            );
        }
        return report;
    }
    report.accepted = keys.clone();
    let mut guard = tasks.lock().unwrap_or_else(|e| e.into_inner());
    guard.push(ImportTask {
        task_id,
        offer_ids: keys,
    });
    report
}

/// Matches Ozon's per-article deletion outcome to the articles sent.
fn delete_report(keys: Vec<String>, response: DeleteProductsResponse) -> BatchReport<String> {
    let mut outcome: HashMap<String, DeleteStatus> = response
        .status
        .into_iter()
        .map(|s| (s.offer_id.clone(), s))
        .collect();
    let mut report = BatchReport::new();
    for k in keys {
        match outcome.remove(&k) {
            Some(s) if s.is_deleted && s.error.is_empty() => report.accept(k),
            Some(s) => {
                let message = if s.error.is_empty() {
                    "not deleted".to_owned()
                } else {
                    s.error
                };
                report.reject(
                    k,
                    RejectionStage::Vendor,
                    Some("not_deleted".into()),
                    message,
                );
            }
            // run_batches reports articles the answer does not mention.
            None => {}
        }
    }
    report
}
