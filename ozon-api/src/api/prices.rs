//! Prices: price update, price information.

use std::collections::HashMap;

use futures::stream::BoxStream;
use market_core::batch::run_batches;
use market_core::paginate::{Page, paginate};
use market_core::transport::Operation;
use market_core::{BatchReport, Result};
use rust_decimal::Decimal;

use crate::Client;
use crate::error::too_many_requests;
use crate::ids::ProductId;
use crate::models::prices::*;

/// The most prices a price update carries.
pub const PRICES_UPDATE_MAX: usize = 1000;
/// The largest page of `/v5/product/info/prices`.
pub const PRICES_INFO_PAGE_MAX: i32 = 1000;

/// `POST /v1/product/import/prices`.
pub static PRICES_UPDATE: Operation =
    Operation::post("prices_update", "/v1/product/import/prices").batch_max(PRICES_UPDATE_MAX);
/// `POST /v5/product/info/prices`.
pub static PRICES_INFO: Operation = Operation::post("prices_info", "/v5/product/info/prices");

/// What a price update item is reported under: the product as sent.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PriceKey {
    /// The article, if a non-empty one was sent.
    pub offer_id: Option<String>,
    /// The product id, if it was sent.
    pub product_id: Option<ProductId>,
}

impl PriceKey {
    fn of(item: &ImportPricesRequestPrice) -> Self {
        Self {
            offer_id: item.offer_id.clone().filter(|o| !o.is_empty()),
            product_id: item.product_id,
        }
    }
}

impl std::fmt::Display for PriceKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (&self.offer_id, self.product_id) {
            (Some(o), _) => write!(f, "offer {o}"),
            (None, Some(p)) => write!(f, "product {p}"),
            (None, None) => f.write_str("unidentified product"),
        }
    }
}

/// Checks a price item before sending.
pub fn validate_price(item: &ImportPricesRequestPrice) -> std::result::Result<(), String> {
    let has_offer = item
        .offer_id
        .as_deref()
        .is_some_and(|o| !o.trim().is_empty());
    let has_product = item.product_id.is_some_and(|p| p.0 > 0);
    if !has_offer && !has_product {
        return Err("offer_id or product_id is required".into());
    }
    let price = item.price;
    if price <= Decimal::ZERO {
        return Err(format!("price {price} is not above 0"));
    }
    if let Some(old) = item.old_price
        && !old.is_zero()
        && old <= price
    {
        return Err(format!(
            "old_price {old} is not above price {price} (send 0 to remove it)"
        ));
    }
    if let Some(min) = item.min_price {
        if min < Decimal::ZERO {
            return Err(format!("min_price {min} is negative"));
        }
        if min > price {
            return Err(format!("min_price {min} is above price {price}"));
        }
    }
    if let Some(net) = item.net_price
        && net < Decimal::ZERO
    {
        return Err(format!("net_price {net} is negative"));
    }
    Ok(())
}

/// The prices section: `client.prices()`.
#[derive(Debug, Clone, Copy)]
pub struct PricesApi<'a> {
    client: &'a Client,
}

impl Client {
    /// Prices: price update and price information.
    pub fn prices(&self) -> PricesApi<'_> {
        PricesApi { client: self }
    }
}

impl<'a> PricesApi<'a> {
    /// `POST /v1/product/import/prices`: sets prices.
    ///
    /// Any number of items: they are split into requests of at most 1000; items that cannot be
    /// valid (no offer or product id, price not above 0, a non-zero `old_price` not above
    /// `price`, `min_price` above `price`, negative amounts) are rejected locally and the rest
    /// is sent. Ozon's per-item errors (a price may change at most 10 times an hour, among
    /// others) land in the report with Ozon's code and message.
    pub async fn update(
        &self,
        items: Vec<ImportPricesRequestPrice>,
    ) -> Result<BatchReport<PriceKey>> {
        let client = self.client;
        Ok(run_batches(
            items,
            PRICES_UPDATE_MAX,
            PriceKey::of,
            validate_price,
            |chunk| async move {
                let keys: Vec<PriceKey> = chunk.iter().map(PriceKey::of).collect();
                let request = ImportPricesRequest { prices: chunk };
                let response: ImportPricesResponse = client
                    .transport
                    .json(
                        PRICES_UPDATE
                            .request()
                            .weight(request.prices.len())
                            .json(&request)?,
                    )
                    .await?;
                Ok(price_report(keys, response))
            },
        )
        .await)
    }

    /// `POST /v5/product/info/prices`: one page of price information.
    pub async fn info(&self, request: &PricesInfoRequest) -> Result<PricesInfoResponse> {
        crate::api::check_limit(request.limit, PRICES_INFO_PAGE_MAX)?;
        self.client
            .transport
            .json(PRICES_INFO.request().json(request)?)
            .await
    }

    /// Every product's price information matching `filter`, page by page (cursor paging).
    pub fn info_stream(&self, filter: PricesFilter) -> BoxStream<'a, Result<ProductPriceInfo>> {
        let api = *self;
        paginate(String::new(), move |cursor| {
            let request = PricesInfoRequest {
                cursor,
                filter: filter.clone(),
                limit: PRICES_INFO_PAGE_MAX,
            };
            async move {
                let page = api.info(&request).await?;
                let page = if page.cursor.is_empty() || page.items.is_empty() {
                    Page::last(page.items)
                } else {
                    Page::more(page.items, page.cursor)
                };
                Ok(page.signed_by(|i: &ProductPriceInfo| i.product_id.0))
            }
        })
    }
}

/// Matches Ozon's per-item results to the keys sent: by article first (Ozon applies a price
/// sent with both ids to the article), then by product id.
fn price_report(keys: Vec<PriceKey>, response: ImportPricesResponse) -> BatchReport<PriceKey> {
    let mut by_offer: HashMap<String, PriceKey> = HashMap::new();
    let mut by_product: HashMap<ProductId, PriceKey> = HashMap::new();
    for k in &keys {
        if let Some(o) = &k.offer_id {
            by_offer.insert(o.clone(), k.clone());
        }
        if let Some(p) = k.product_id {
            by_product.insert(p, k.clone());
        }
    }
    let mut report = BatchReport::new();
    for r in response.result {
        let key = by_offer
            .get(&r.offer_id)
            .or_else(|| by_product.get(&r.product_id))
            .cloned()
            .unwrap_or_else(|| PriceKey {
                offer_id: (!r.offer_id.is_empty()).then(|| r.offer_id.clone()),
                product_id: (r.product_id.0 != 0).then_some(r.product_id),
            });
        report.record(
            key,
            r.updated,
            r.errors
                .iter()
                .map(|e| (e.code.as_str(), e.message.as_str())),
            Some((&too_many_requests, None)),
        );
    }
    report
}
