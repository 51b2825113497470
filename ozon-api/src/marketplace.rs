//! `impl market_core::Marketplace for Client`: Ozon seen through the seller's model.
//!
//! | trait | Ozon |
//! |---|---|
//! | warehouses | `/v2/warehouse/list` (rFBS warehouses as [`DeliveryScheme::Dbs`]) |
//! | update_stocks | `/v2/products/stocks` by article and warehouse, 100 a request |
//! | update_prices | `/v1/product/import/prices` (price, old, min, currency), 1000 a request |
//! | publish_cards / card_import_status | `/v3/product/import` + `/v1/product/import/info` |
//! | orders | `/v4/posting/fbs/list` and `/v3/posting/fbo/list`, every status of the window; by status change, FBS with `filter.last_changed_status_date` (FBO cannot: no `OrderChanges`) |
//! | refresh_orders | `/v4/posting/fbs/list` by `order_numbers` (100), `/v3/posting/fbo/list` by `posting_numbers` (1000), the rest one by one |
//! | order | `/v3/posting/fbs/get`, then `/v2/posting/fbo/get` |
//! | pack_order | `/v4/posting/fbs/ship` (Ozon calls packaging "ship"), then `/v3/posting/fbs/get`: a 200 does not guarantee assembly, `substatus = ship_failed` is an error |
//! | ship_order | packs if still unpacked (with the same re-read); rFBS: `/v2/fbs/posting/delivering` |
//! | cancel_order | `/v2/posting/fbs/cancel` (reason 352 "out of stock" by default) |
//! | label | `/v2/posting/fbs/package-label` (PDF) |
//! | returns | `/v1/returns/list` by return date |
//!
//! Ozon has no step where the seller accepts an order (postings arrive ready to pack), so
//! `confirm_order` is not offered.

use market_core::batch::convert_each;
use std::collections::HashMap;

use async_trait::async_trait;
use chrono::{DateTime, TimeDelta, Utc};
use futures::stream::{self, BoxStream, StreamExt};
use market_core::{
    BatchReport, CancelReason, Capabilities, Capability, Card, CardImportState, CardImportStatus,
    CardSubmission, Currency, DeliveryScheme, Error, ItemKey, Label, LabelFormat, Lifecycle,
    Marketplace, MarketplaceKind, Order, OrderId, OrderLine, OrderQuery, OrderStatus, Package,
    PriceUpdate, Rejection, RejectionStage, Result, Return, ReturnLine, ReturnQuery, StockUpdate,
    TaskId, TimeWindow, Warehouse, WindowBasis,
};

use crate::Client;
use crate::ids::{DescriptionCategoryId, ImportTaskId, PostingNumber, Sku, TypeId, WarehouseId};
use crate::models::common::PostingStatus;
use crate::models::fbo::{
    FboListPosting, FboPosting, FboPostingGetRequest, FboPostingListFilter, FboPostingWith,
};
use crate::models::fbs::{
    CancelRequest, FbsPosting, FbsPostingDetail, FbsPostingGetRequest, FbsPostingListFilter,
    FbsPostingWith, ShipPackage, ShipPackageProduct, ShipRequest, TplIntegrationType,
};
use crate::models::prices::ImportPricesRequestPrice;
use crate::models::products::{
    DimensionUnit, ImportItemStatus, ProductAttribute, ProductAttributeValue, ProductImportItem,
    WeightUnit,
};
use crate::models::returns::{ReturnItem, ReturnSchema, ReturnsFilter, TimeRange};
use crate::models::stocks::ProductsStocksRequestStock;
use crate::models::warehouses::WarehouseStatus;

/// Ozon's cancel reason "the product is out of stock", used when the caller gives none.
pub const DEFAULT_CANCEL_REASON: i64 = 352;

/// Ozon's attribute for the product description ("Аннотация").
pub const DESCRIPTION_ATTRIBUTE: &str = "4191";
/// Ozon's attribute for the brand ("Бренд"); Ozon matches the text to its brand dictionary.
pub const BRAND_ATTRIBUTE: &str = "85";

/// The longest window one FBS/FBO list request may cover; longer windows are split.
const WINDOW_MAX: TimeDelta = TimeDelta::days(365);

/// Maps an Ozon posting status onto the unified lifecycle.
///
/// | Ozon | lifecycle |
/// |---|---|
/// | `awaiting_registration`, `acceptance_in_progress`, `awaiting_verification` | Pending |
/// | `awaiting_approve` | AwaitingConfirmation |
/// | `awaiting_packaging` | AwaitingPackaging |
/// | `awaiting_deliver`, `not_accepted` (refused at the sorting centre, to hand over again) | AwaitingShipment |
/// | `delivering`, `driver_pickup`, `sent_by_seller`, `arbitration`, `client_arbitration` | InDelivery |
/// | `delivered` | Delivered |
/// | `cancelled`, `cancelled_from_split_pending` | Cancelled |
/// | anything else | Unknown (the raw status is kept) |
pub fn lifecycle(status: &PostingStatus) -> Lifecycle {
    match status {
        PostingStatus::AwaitingRegistration
        | PostingStatus::AcceptanceInProgress
        | PostingStatus::AwaitingVerification => Lifecycle::Pending,
        PostingStatus::AwaitingApprove => Lifecycle::AwaitingConfirmation,
        PostingStatus::AwaitingPackaging => Lifecycle::AwaitingPackaging,
        PostingStatus::AwaitingDeliver | PostingStatus::NotAccepted => Lifecycle::AwaitingShipment,
        PostingStatus::Delivering
        | PostingStatus::DriverPickup
        | PostingStatus::SentBySeller
        | PostingStatus::Arbitration
        | PostingStatus::ClientArbitration => Lifecycle::InDelivery,
        PostingStatus::Delivered => Lifecycle::Delivered,
        PostingStatus::Cancelled | PostingStatus::CancelledFromSplitPending => Lifecycle::Cancelled,
        _ => Lifecycle::Unknown,
    }
}

/// FBO postings are read with their analytics block: it carries the warehouse.
const FBO_WITH: FboPostingWith = FboPostingWith {
    analytics_data: true,
    financial_data: false,
    legal_info: false,
};

fn currency(code: &str) -> Currency {
    if code.is_empty() {
        Currency::Rub
    } else {
        Currency::parse(code)
    }
}

fn raw<T: serde::Serialize>(value: &T) -> serde_json::Value {
    serde_json::to_value(value).unwrap_or_default()
}

/// A quantity from Ozon as a count: negative is 0, beyond `u32::MAX` is `u32::MAX` (never a
/// wrap or a panic on a server's odd value).
fn clamp_quantity(quantity: i64) -> u32 {
    u32::try_from(quantity.max(0)).unwrap_or(u32::MAX)
}

/// One order line from a posting's product.
fn line(
    offer_id: &str,
    sku: Sku,
    name: &str,
    quantity: i64,
    unit_price: rust_decimal::Decimal,
) -> OrderLine {
    OrderLine {
        offer_id: offer_id.into(),
        sku: Some(sku.to_string().into()),
        name: Some(name.to_owned()).filter(|n| !n.is_empty()),
        quantity: clamp_quantity(quantity),
        unit_price,
    }
}

/// What the three posting shapes (FBS list, FBS get, FBO) have in common.
struct PostingParts<'a> {
    number: &'a PostingNumber,
    order_number: &'a str,
    scheme: DeliveryScheme,
    status: &'a PostingStatus,
    created_at: DateTime<Utc>,
    ship_by: Option<DateTime<Utc>>,
    warehouse: Option<WarehouseId>,
    currency_code: &'a str,
    lines: Vec<OrderLine>,
    raw: serde_json::Value,
}

impl PostingParts<'_> {
    fn into_order(self) -> Order {
        Order {
            marketplace: MarketplaceKind::Ozon,
            id: self.number.as_str().into(),
            parent_id: Some(self.order_number.to_owned()).filter(|n| !n.is_empty()),
            scheme: self.scheme,
            status: OrderStatus::new(lifecycle(self.status), self.status.as_str()),
            created_at: self.created_at,
            updated_at: None,
            ship_by: self.ship_by,
            warehouse_id: self.warehouse.map(|w| w.to_string().into()),
            currency: currency(self.currency_code),
            lines: self.lines,
            raw: self.raw,
        }
    }
}

/// FBS, or DBS for rFBS postings (delivered by someone other than Ozon: any integration type
/// but Ozon's own, whatever its case).
fn fbs_scheme(tpl_integration_type: &TplIntegrationType) -> DeliveryScheme {
    if tpl_integration_type.seller_delivers() {
        DeliveryScheme::Dbs
    } else {
        DeliveryScheme::Fbs
    }
}

/// An FBS posting from the list as an [`Order`].
pub fn order_from_fbs_posting(p: &FbsPosting) -> Order {
    PostingParts {
        number: &p.posting_number,
        order_number: &p.order_number,
        scheme: fbs_scheme(&p.tpl_integration_type),
        status: &p.status,
        created_at: p.in_process_at.or(p.shipment_date).unwrap_or_default(),
        ship_by: p.shipment_date,
        warehouse: p.delivery_method.as_ref().map(|d| d.warehouse_id),
        currency_code: p.products.first().map_or("", |l| l.price.currency.as_str()),
        lines: p
            .products
            .iter()
            .map(|l| {
                line(
                    &l.offer_id,
                    l.sku,
                    &l.name,
                    l.quantity.into(),
                    l.price.amount,
                )
            })
            .collect(),
        raw: raw(p),
    }
    .into_order()
}

/// An FBS posting from `get` as an [`Order`].
pub fn order_from_fbs_posting_detail(p: &FbsPostingDetail) -> Order {
    PostingParts {
        number: &p.posting_number,
        order_number: &p.order_number,
        scheme: fbs_scheme(&p.tpl_integration_type),
        status: &p.status,
        created_at: p.in_process_at.or(p.shipment_date).unwrap_or_default(),
        ship_by: p.shipment_date,
        warehouse: p.delivery_method.as_ref().map(|d| d.warehouse_id),
        currency_code: p.products.first().map_or("", |l| l.currency_code.as_str()),
        lines: p
            .products
            .iter()
            .map(|l| line(&l.offer_id, l.sku, &l.name, l.quantity.into(), l.price))
            .collect(),
        raw: raw(p),
    }
    .into_order()
}

/// An FBO posting from the list as an [`Order`].
pub fn order_from_fbo_list_posting(p: &FboListPosting) -> Order {
    PostingParts {
        number: &p.posting_number,
        order_number: &p.order_number,
        scheme: DeliveryScheme::Fbo,
        status: &p.status,
        created_at: p.created_at,
        ship_by: None,
        warehouse: p.analytics_data.as_ref().map(|a| a.warehouse_id),
        currency_code: p.products.first().map_or("", |l| l.price.currency.as_str()),
        lines: p
            .products
            .iter()
            .map(|l| line(&l.offer_id, l.sku, &l.name, l.quantity, l.price.amount))
            .collect(),
        raw: raw(p),
    }
    .into_order()
}

/// An FBO posting from `get` as an [`Order`].
pub fn order_from_fbo_posting(p: &FboPosting) -> Order {
    PostingParts {
        number: &p.posting_number,
        order_number: &p.order_number,
        scheme: DeliveryScheme::Fbo,
        status: &p.status,
        created_at: p.created_at,
        ship_by: None,
        warehouse: p.analytics_data.as_ref().map(|a| a.warehouse_id),
        currency_code: p.products.first().map_or("", |l| l.currency_code.as_str()),
        lines: p
            .products
            .iter()
            .map(|l| line(&l.offer_id, l.sku, &l.name, l.quantity, l.price))
            .collect(),
        raw: raw(p),
    }
    .into_order()
}

/// An Ozon return as a [`Return`].
pub fn return_from_return_item(r: &ReturnItem) -> Return {
    let status = r
        .visual
        .as_ref()
        .and_then(|v| v.status.as_ref())
        .map(|s| match &s.sys_name {
            Some(sys) => sys.as_str().to_owned(),
            None => s.display_name.clone(),
        })
        .unwrap_or_default();
    let lines = r
        .product
        .as_ref()
        .map(|p| ReturnLine {
            offer_id: Some(p.offer_id.as_str().into())
                .filter(|o: &market_core::OfferId| !o.is_blank()),
            sku: Some(p.sku.to_string().into()),
            quantity: clamp_quantity(p.quantity.into()),
            reason: Some(r.return_reason_name.clone()).filter(|s| !s.is_empty()),
        })
        .into_iter()
        .collect();
    Return {
        id: r.id.to_string().into(),
        order_id: Some(r.posting_number.as_str().into()).filter(|o: &OrderId| !o.is_blank()),
        scheme: r.scheme().map(|s| match s {
            ReturnSchema::Fbo => DeliveryScheme::Fbo,
            _ => DeliveryScheme::Fbs,
        }),
        status,
        created_at: r.logistic.as_ref().and_then(|l| l.return_date),
        lines,
        raw: raw(r),
    }
}

/// Splits a window into consecutive windows no longer than Ozon accepts.
fn split_window(window: TimeWindow) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
    let mut out = Vec::new();
    let mut since = window.since;
    while since < window.until {
        let until = since
            .checked_add_signed(WINDOW_MAX)
            .map_or(window.until, |end| end.min(window.until));
        out.push((since, until));
        since = until;
    }
    out
}

fn posting_number(id: &OrderId) -> Result<PostingNumber> {
    if id.is_blank() {
        return Err(Error::validation("order", "the posting number is empty"));
    }
    Ok(PostingNumber::new(id.as_str()))
}

fn is_missing(e: &Error) -> bool {
    e.api().is_some_and(|a| {
        matches!(
            a.kind,
            market_core::ApiErrorKind::NotFound | market_core::ApiErrorKind::BadRequest
        )
    })
}

/// The order number of a posting number (`"57195475-0050-3"` is of order
/// `"57195475-0050"`); `None` for a number without a `-<digits>` suffix.
fn order_number_of(posting: &PostingNumber) -> Option<String> {
    let (order, suffix) = posting.as_str().trim().rsplit_once('-')?;
    (!order.is_empty() && !suffix.is_empty() && suffix.bytes().all(|b| b.is_ascii_digit()))
        .then(|| order.to_owned())
}

/// Orders per `/v4/posting/fbs/list` request when refreshing (`filter.order_numbers`).
const REFRESH_FBS_ORDERS: usize = 100;
/// Postings per `/v3/posting/fbo/list` request when refreshing (`filter.posting_numbers`).
const REFRESH_FBO_POSTINGS: usize = 1000;

impl Client {
    /// [`Marketplace::refresh_orders`]: everything read, then the first error (if any).
    async fn refresh(&self, ids: Vec<OrderId>) -> Vec<Result<Order>> {
        let mut out = Vec::new();
        let mut wanted: std::collections::BTreeSet<PostingNumber> = ids
            .iter()
            .filter(|id| !id.is_blank())
            .map(|id| PostingNumber::new(id.as_str().trim()))
            .collect();
        let to = Utc::now();
        let since = to
            .checked_sub_signed(WINDOW_MAX)
            .unwrap_or(DateTime::<Utc>::MIN_UTC);
        let orders: Vec<String> = wanted
            .iter()
            .filter_map(order_number_of)
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        for chunk in orders.chunks(REFRESH_FBS_ORDERS) {
            let mut filter = FbsPostingListFilter::new(since, to);
            filter.order_numbers = chunk.to_vec();
            let mut postings = self.fbs().list_stream(filter, FbsPostingWith::default());
            while let Some(r) = postings.next().await {
                match r {
                    Ok(p) => {
                        if wanted.remove(&p.posting_number) {
                            out.push(Ok(order_from_fbs_posting(&p)));
                        }
                    }
                    Err(e) => {
                        out.push(Err(e));
                        return out;
                    }
                }
            }
        }
        let rest: Vec<PostingNumber> = wanted.iter().cloned().collect();
        for chunk in rest.chunks(REFRESH_FBO_POSTINGS) {
            let mut filter = FboPostingListFilter::new(since, to);
            filter.posting_numbers = chunk.to_vec();
            let mut postings = self.fbo().list_stream(filter, FBO_WITH);
            while let Some(r) = postings.next().await {
                match r {
                    Ok(p) => {
                        if wanted.remove(&p.posting_number) {
                            out.push(Ok(order_from_fbo_list_posting(&p)));
                        }
                    }
                    Err(e) => {
                        out.push(Err(e));
                        return out;
                    }
                }
            }
        }
        for number in wanted {
            match Marketplace::order(self, &OrderId::from(number.as_str())).await {
                Ok(order) => out.push(Ok(order)),
                Err(e) if is_missing(&e) => {}
                Err(e) => {
                    out.push(Err(e));
                    return out;
                }
            }
        }
        out
    }

    async fn fbs_detail(&self, id: &OrderId) -> Result<FbsPostingDetail> {
        self.fbs()
            .get(&FbsPostingGetRequest::new(posting_number(id)?))
            .await
    }

    /// Packs a posting (every line in one package when `packages` is empty) and returns it as
    /// read back: `substatus = ship_failed` after Ozon's 200 is an error.
    async fn pack(
        &self,
        posting: &FbsPostingDetail,
        packages: &[Package],
    ) -> Result<FbsPostingDetail> {
        let skus: HashMap<&str, Sku> = posting
            .products
            .iter()
            .map(|p| (p.offer_id.as_str(), p.sku))
            .collect();
        let ship_packages = if packages.is_empty() {
            vec![ShipPackage::new(
                posting
                    .products
                    .iter()
                    .map(|p| ShipPackageProduct::new(p.sku, p.quantity))
                    .collect(),
            )]
        } else {
            let mut out = Vec::with_capacity(packages.len());
            for package in packages {
                let mut products = Vec::with_capacity(package.items.len());
                for (offer, quantity) in &package.items {
                    let sku = skus.get(offer.as_str()).ok_or_else(|| {
                        Error::validation(
                            format!("offer {offer}"),
                            format!("not in posting {}", posting.posting_number),
                        )
                    })?;
                    let quantity = i32::try_from(*quantity).map_err(|_| {
                        Error::validation(format!("offer {offer}"), "quantity is too large")
                    })?;
                    products.push(ShipPackageProduct::new(*sku, quantity));
                }
                out.push(ShipPackage::new(products));
            }
            out
        };
        let (_, mut postings) = self
            .fbs()
            .ship_checked(&ShipRequest::new(
                posting.posting_number.clone(),
                ship_packages,
            ))
            .await?;
        if postings.is_empty() {
            return self
                .fbs_detail(&posting.posting_number.as_str().into())
                .await;
        }
        Ok(postings.swap_remove(0))
    }
}

fn stock_to_products_stocks_request_stock(
    u: &StockUpdate,
) -> std::result::Result<ProductsStocksRequestStock, String> {
    u.validate(true)?;
    let warehouse = u
        .warehouse_id
        .as_ref()
        .map(|w| w.as_str().trim())
        .unwrap_or_default();
    let warehouse: WarehouseId = warehouse.parse().map_err(|_| {
        format!("warehouse id {warehouse:?} is not an Ozon warehouse id (a number)")
    })?;
    Ok(ProductsStocksRequestStock::by_offer(
        u.offer_id.as_str(),
        warehouse,
        u.quantity,
    ))
}

fn price_to_import_prices_request_price(
    u: &PriceUpdate,
) -> std::result::Result<ImportPricesRequestPrice, String> {
    u.validate(None)?;
    let mut item = ImportPricesRequestPrice::by_offer(u.offer_id.as_str(), u.price)
        .with_currency(u.currency.code());
    if let Some(old) = u.old_price {
        item = item.with_old_price(old);
    }
    if let Some(min) = u.min_price {
        item = item.with_min_price(min);
    }
    Ok(item)
}

fn card_to_product_import_item(card: &Card) -> std::result::Result<ProductImportItem, String> {
    if !card.variants.is_empty() {
        return Err(
            "Ozon has no variants inside a card: publish each variant as its own card \
                    (cards with the same model-name attribute are grouped by Ozon)"
                .into(),
        );
    }
    let category: DescriptionCategoryId = card.category.id.as_str().parse().map_err(|_| {
        format!(
            "category id {:?} is not an Ozon description category id",
            card.category.id.as_str()
        )
    })?;
    let type_id: TypeId = card
        .category
        .type_id
        .as_deref()
        .ok_or("Ozon needs the category's type_id")?
        .parse()
        .map_err(|_| "type_id is not a number".to_owned())?;
    let price = card.price.ok_or("Ozon needs a price to create a card")?;
    let mut item = ProductImportItem::new(
        card.offer_id.as_str(),
        card.name.clone(),
        category,
        type_id,
        price,
    );
    for attribute in &card.attributes {
        let id = attribute
            .id
            .as_str()
            .parse::<crate::ids::AttributeId>()
            .map_err(|_| format!("attribute id {:?} is not a number", attribute.id.as_str()))?;
        let mut values = Vec::with_capacity(attribute.values.len());
        for v in &attribute.values {
            values.push(match v {
                market_core::AttributeValue::Text(t) => ProductAttributeValue {
                    dictionary_value_id: None,
                    value: t.clone(),
                },
                market_core::AttributeValue::Number(n) => ProductAttributeValue {
                    dictionary_value_id: None,
                    value: n.normalize().to_string(),
                },
                market_core::AttributeValue::Bool(b) => ProductAttributeValue {
                    dictionary_value_id: None,
                    value: if *b { "true".into() } else { "false".into() },
                },
                market_core::AttributeValue::Dictionary { id: dict, value } => {
                    ProductAttributeValue {
                        dictionary_value_id: Some(dict.parse().map_err(|_| {
                            format!(
                                "dictionary value id {dict:?} of attribute {id} is not a number"
                            )
                        })?),
                        value: value.clone().unwrap_or_default(),
                    }
                }
            });
        }
        let mut a = ProductAttribute::text(id, "");
        a.values = values;
        item = item.with_attribute(a);
    }
    // Ozon takes the description and the brand as attributes (4191 "annotation", 85 "brand");
    // an attribute the card gives explicitly wins.
    let given = |id: &str| card.attributes.iter().any(|a| a.id.as_str() == id);
    if let Some(text) = card.description.as_deref().filter(|t| !t.is_empty())
        && !given(DESCRIPTION_ATTRIBUTE)
    {
        item = item.with_attribute(ProductAttribute::text(4191, text));
    }
    if let Some(brand) = card.brand.as_deref().filter(|t| !t.is_empty())
        && !given(BRAND_ATTRIBUTE)
    {
        item = item.with_attribute(ProductAttribute::text(85, brand));
    }
    if !card.images.is_empty() {
        item = item.with_images(card.images.iter().map(|u| u.to_string()));
    }
    if let Some(b) = card.barcodes.first() {
        item = item.with_barcode(b.as_str());
    }
    if let Some(d) = card.dimensions {
        let mm = |v: u32| i32::try_from(v).map_err(|_| "a dimension is too large".to_owned());
        item = item
            .with_dimensions(
                mm(d.length_mm)?,
                mm(d.width_mm)?,
                mm(d.height_mm)?,
                DimensionUnit::Millimetres,
            )
            .with_weight(mm(d.weight_g)?, WeightUnit::Grams);
    }
    if let Some(vat) = card.vat {
        item = item.with_vat(vat);
    }
    Ok(item)
}

#[async_trait]
impl Marketplace for Client {
    fn kind(&self) -> MarketplaceKind {
        MarketplaceKind::Ozon
    }

    fn account(&self) -> &str {
        self.client_id()
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities::of(&[
            Capability::Warehouses,
            Capability::Stocks,
            Capability::Prices,
            Capability::Cards,
            Capability::Orders,
            Capability::PackOrder,
            Capability::ShipOrder,
            Capability::CancelOrder,
            Capability::Labels,
            Capability::Returns,
        ])
    }

    async fn warehouses(&self) -> Result<Vec<Warehouse>> {
        Ok(self
            .warehouses()
            .list()
            .await?
            .into_iter()
            .map(|w| Warehouse {
                id: w.warehouse_id.to_string().into(),
                name: w.name.clone(),
                scheme: if w.is_rfbs {
                    DeliveryScheme::Dbs
                } else {
                    DeliveryScheme::Fbs
                },
                active: matches!(w.status, Some(WarehouseStatus::Created)),
                address: None,
                raw: raw(&w),
            })
            .collect())
    }

    async fn update_stocks(&self, updates: &[StockUpdate]) -> Result<BatchReport> {
        let mut keys: HashMap<(String, WarehouseId), ItemKey> = HashMap::new();
        let (converted, mut report) = convert_each(updates, StockUpdate::key, |u| {
            // Two updates of one offer at one warehouse (" 22" and "22"): Ozon would get the
            // pair twice and its answers could not be told apart, so the second is turned
            // down here.
            let item = stock_to_products_stocks_request_stock(u)?;
            let pair = (u.offer_id.as_str().to_owned(), item.warehouse_id);
            if keys.contains_key(&pair) {
                return Err(format!(
                    "another update in this call already sets the stock of offer {} at \
                     warehouse {}",
                    u.offer_id, item.warehouse_id
                ));
            }
            keys.insert(pair, u.key());
            Ok(item)
        });
        let (sent_keys, items): (Vec<_>, Vec<_>) = converted.into_iter().unzip();
        let sent = self.stocks().update(items).await?;
        // Each item sent exactly once, under the caller's key.
        report.merge(BatchReport::settle(
            &sent_keys,
            sent.map_keys(|k| {
                let offer = k.offer_id.unwrap_or_default();
                keys.get(&(offer.clone(), k.warehouse_id))
                    .cloned()
                    .unwrap_or_else(|| ItemKey::stock(offer, k.warehouse_id.to_string()))
            }),
        ));
        Ok(report)
    }

    async fn update_prices(&self, updates: &[PriceUpdate]) -> Result<BatchReport> {
        let (converted, mut report) = convert_each(
            updates,
            PriceUpdate::key,
            price_to_import_prices_request_price,
        );
        let (sent_keys, items): (Vec<_>, Vec<_>) = converted.into_iter().unzip();
        let sent = self.prices().update(items).await?;
        // Each price sent exactly once, under the caller's key.
        report.merge(BatchReport::settle(
            &sent_keys,
            sent.map_keys(|k| ItemKey::offer(k.offer_id.unwrap_or_default())),
        ));
        Ok(report)
    }

    async fn publish_cards(&self, cards: &[Card]) -> Result<CardSubmission> {
        let (converted, mut report) = convert_each(cards, Card::key, card_to_product_import_item);
        let items = converted.into_iter().map(|(_, item)| item).collect();
        let submission = self.products().import(items).await?;
        report.merge(submission.report.map_keys(ItemKey::offer));
        Ok(CardSubmission {
            tasks: submission
                .tasks
                .iter()
                .map(|t| TaskId::new(t.task_id.to_string()))
                .collect(),
            report,
        })
    }

    async fn card_import_status(&self, task: &TaskId) -> Result<CardImportStatus> {
        let id: ImportTaskId = task
            .as_str()
            .parse()
            .map_err(|_| Error::validation(format!("task {task}"), "not an Ozon import task id"))?;
        let info = self.products().import_info(id).await?;
        let mut report = BatchReport::new();
        for item in &info.items {
            let key = ItemKey::offer(item.offer_id.as_str());
            match item.status_kind() {
                ImportItemStatus::Imported | ImportItemStatus::Skipped
                    if !item
                        .errors
                        .iter()
                        .any(|e| e.level.eq_ignore_ascii_case("error")) =>
                {
                    report.accept(key)
                }
                ImportItemStatus::Pending => {}
                _ => report.rejected.push(Rejection {
                    key,
                    stage: RejectionStage::Vendor,
                    retry_after: None,
                    code: item.errors.first().map(|e| e.code.clone()),
                    message: if item.errors.is_empty() {
                        format!("import status {}", item.status)
                    } else {
                        item.errors
                            .iter()
                            .map(|e| format!("{}: {}", e.code, e.description))
                            .collect::<Vec<_>>()
                            .join("; ")
                    },
                }),
            }
        }
        Ok(CardImportStatus {
            task_id: task.clone(),
            state: if info.is_finished() {
                CardImportState::Done
            } else {
                CardImportState::Pending
            },
            report,
        })
    }

    /// FBS and rFBS postings (`/v4/posting/fbs/list`), then FBO postings
    /// (`/v3/posting/fbo/list`), of every status unless the query narrows them.
    ///
    /// With [`WindowBasis::StatusChanged`] the FBS list is filtered by Ozon's
    /// `filter.last_changed_status_date` (the window), over the postings processed in the year
    /// before the window's end (`since`/`to` are required and span at most a year): a posting
    /// created long before and cancelled in the window is seen. Ozon's FBO list has no such
    /// filter: FBO postings are filtered by creation whatever the basis, which is why Ozon does
    /// not claim [`Capability::OrderChanges`]; an importer re-reads open orders with
    /// [`Marketplace::refresh_orders`], which Ozon answers in batches.
    fn orders(&self, query: OrderQuery) -> BoxStream<'_, Result<Order>> {
        let fbs =
            query.wants_scheme(&DeliveryScheme::Fbs) || query.wants_scheme(&DeliveryScheme::Dbs);
        let fbo = query.wants_scheme(&DeliveryScheme::Fbo);
        let windows = split_window(query.window);
        let fbs_filters: Vec<FbsPostingListFilter> = if !fbs {
            Vec::new()
        } else if query.basis == WindowBasis::StatusChanged {
            if query.window.since < query.window.until {
                let to = query.window.until;
                let since = to
                    .checked_sub_signed(WINDOW_MAX)
                    .unwrap_or(DateTime::<Utc>::MIN_UTC);
                vec![
                    FbsPostingListFilter::new(since, to)
                        .with_status_changed(query.window.since, query.window.until),
                ]
            } else {
                Vec::new()
            }
        } else {
            windows
                .iter()
                .map(|(since, to)| FbsPostingListFilter::new(*since, *to))
                .collect()
        };
        let fbs_stream = stream::iter(fbs_filters).flat_map(move |filter| {
            self.fbs()
                .list_stream(filter, FbsPostingWith::default())
                .map(|r| r.map(|p| order_from_fbs_posting(&p)))
        });
        let fbo_stream =
            stream::iter(if fbo { windows } else { Vec::new() }).flat_map(move |(since, to)| {
                self.fbo()
                    .list_stream(FboPostingListFilter::new(since, to), FBO_WITH)
                    .map(|r| r.map(|p| order_from_fbo_list_posting(&p)))
            });
        fbs_stream
            .chain(fbo_stream)
            .filter(move |r| {
                let keep = match r {
                    Ok(o) => {
                        query.wants_status(o.status.lifecycle) && query.wants_scheme(&o.scheme)
                    }
                    Err(_) => true,
                };
                futures::future::ready(keep)
            })
            .boxed()
    }

    /// In batches: FBS postings by their order numbers (`/v4/posting/fbs/list`,
    /// `filter.order_numbers`, 100 orders a request), then the rest as FBO postings by number
    /// (`/v3/posting/fbo/list`, `filter.posting_numbers`, 1000 a request), both over the last
    /// year; whatever neither finds (older, or a number of another shape) is read one by one
    /// with [`Marketplace::order`], and one that Ozon does not know is skipped.
    fn refresh_orders(&self, ids: Vec<OrderId>) -> BoxStream<'_, Result<Order>> {
        stream::once(self.refresh(ids))
            .flat_map(stream::iter)
            .boxed()
    }

    async fn order(&self, id: &OrderId) -> Result<Order> {
        match self.fbs_detail(id).await {
            Ok(p) => Ok(order_from_fbs_posting_detail(&p)),
            Err(fbs_error) if is_missing(&fbs_error) => {
                match self
                    .fbo()
                    .get(&FboPostingGetRequest::new(posting_number(id)?).with(FBO_WITH))
                    .await
                {
                    Ok(p) => Ok(order_from_fbo_posting(&p)),
                    Err(_) => Err(fbs_error),
                }
            }
            Err(e) => Err(e),
        }
    }

    async fn pack_order(&self, id: &OrderId, packages: &[Package]) -> Result<()> {
        let posting = self.fbs_detail(id).await?;
        self.pack(&posting, packages).await.map(|_| ())
    }

    /// Ozon FBS: packs the posting if it is still unpacked and reads it back (Ozon's 200 does
    /// not guarantee the assembly: `substatus = ship_failed` is an error); Ozon's courier or
    /// drop-off point then takes it (no per-posting call exists for that). rFBS (seller delivers): also moves
    /// it to `delivering`. Already shipped or delivered: nothing to do.
    async fn ship_order(&self, id: &OrderId) -> Result<()> {
        let mut posting = self.fbs_detail(id).await?;
        match lifecycle(&posting.status) {
            Lifecycle::AwaitingPackaging => {
                posting = self.pack(&posting, &[]).await?;
            }
            Lifecycle::InDelivery | Lifecycle::Delivered => return Ok(()),
            Lifecycle::AwaitingShipment => {}
            _ => {
                return Err(Error::validation(
                    format!("posting {}", posting.posting_number),
                    format!("cannot be shipped in status {}", posting.status),
                ));
            }
        }
        if posting.tpl_integration_type.seller_reports_delivery() {
            let report = self
                .fbs()
                .delivering(vec![posting.posting_number.clone()])
                .await?;
            if let Some(r) = report.rejected.first() {
                return Err(Error::validation(
                    format!("posting {}", r.key),
                    r.message.clone(),
                ));
            }
        }
        Ok(())
    }

    async fn cancel_order(&self, id: &OrderId, reason: &CancelReason) -> Result<()> {
        let reason_id = match &reason.code {
            Some(code) => code.parse().map_err(|_| {
                Error::validation(
                    format!("order {id}"),
                    format!("cancel reason {code:?} is not an Ozon reason id"),
                )
            })?,
            None => DEFAULT_CANCEL_REASON,
        };
        let mut request = CancelRequest::new(posting_number(id)?, reason_id);
        if let Some(m) = &reason.message {
            request = request.with_message(m.clone());
        }
        if self.fbs().cancel(&request).await? {
            Ok(())
        } else {
            Err(Error::validation(
                format!("order {id}"),
                "Ozon did not cancel the posting",
            ))
        }
    }

    async fn label(&self, id: &OrderId) -> Result<Label> {
        let bytes = self.labels().package_label(&[posting_number(id)?]).await?;
        Ok(Label {
            order_id: id.clone(),
            format: LabelFormat::Pdf,
            bytes,
        })
    }

    fn returns(&self, query: ReturnQuery) -> BoxStream<'_, Result<Return>> {
        let filter = ReturnsFilter::default()
            .with_return_date(TimeRange::new(query.window.since, query.window.until));
        self.returns()
            .list_stream(Some(filter))
            .map(|r| r.map(|item| return_from_return_item(&item)))
            .boxed()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use market_core::CategoryRef;

    fn card() -> Card {
        let mut c = Card::new(
            "A-1",
            "Мяч",
            CategoryRef {
                id: "17028922".into(),
                type_id: Some("91565".into()),
                name: None,
            },
        );
        c.price = Some(rust_decimal::Decimal::new(1990, 0));
        c
    }

    fn attribute_ids(item: &ProductImportItem) -> Vec<String> {
        item.attributes.iter().map(|a| a.id.to_string()).collect()
    }

    #[test]
    fn description_and_brand_become_ozon_attributes_unless_given() {
        let mut c = card();
        c.description = Some("Круглый".into());
        c.brand = Some("Нет бренда".into());
        let item = card_to_product_import_item(&c).unwrap();
        assert_eq!(attribute_ids(&item), ["4191", "85"]);
        assert_eq!(item.attributes[0].values[0].value, "Круглый");
        assert_eq!(item.attributes[1].values[0].value, "Нет бренда");

        c.attributes.push(market_core::Attribute {
            id: "85".into(),
            name: None,
            values: vec![market_core::AttributeValue::Dictionary {
                id: "126745801".into(),
                value: Some("Нет бренда".into()),
            }],
        });
        let item = card_to_product_import_item(&c).unwrap();
        assert_eq!(
            attribute_ids(&item),
            ["85", "4191"],
            "the explicit brand wins"
        );
    }

    fn integration(wire: &str) -> TplIntegrationType {
        serde_json::from_value(serde_json::json!(wire)).unwrap()
    }

    #[test]
    fn only_non_integrated_rfbs_reports_delivery_itself() {
        assert!(integration("non_integrated").seller_reports_delivery());
        assert!(integration("NON_INTEGRATED").seller_reports_delivery());
        for t in ["ozon", "Ozon", "aggregator", "3pl_tracking"] {
            assert!(!integration(t).seller_reports_delivery(), "{t}");
        }
        assert!(integration("aggregator").seller_delivers());
        assert!(!integration("ozon").seller_delivers());
        assert!(!TplIntegrationType::default().seller_delivers());
    }

    #[test]
    fn ozon_written_with_a_capital_is_ozon_delivery_not_dbs() {
        assert_eq!(fbs_scheme(&integration("Ozon")), DeliveryScheme::Fbs);
        assert_eq!(fbs_scheme(&integration("ozon")), DeliveryScheme::Fbs);
        assert_eq!(
            fbs_scheme(&integration("non_integrated")),
            DeliveryScheme::Dbs
        );
    }
}
