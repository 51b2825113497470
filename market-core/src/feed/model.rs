//! What a feed holds: the shop, its categories, and the offers.

use rust_decimal::Decimal;
use url::Url;

use super::rules::{Dialect, OfferError, Rule};
use crate::ids::{Barcode, CategoryId, OfferId, WarehouseId};
use crate::model::{AttributeValue, Card, Currency, PriceUpdate, StockUpdate};

/// The `<shop>` element: who sells, and the category tree the offers refer to.
#[derive(Debug, Clone, PartialEq)]
pub struct Shop {
    /// `<name>`: the shop's short name.
    pub name: String,
    /// `<company>`: the legal name of the seller.
    pub company: String,
    /// `<url>`: the shop's home page.
    pub url: Url,
    /// The one currency every offer's prices are in (`<currencies>` declares it with rate 1;
    /// roubles are written `RUR`, as YML spells them). Megamarket takes roubles only.
    pub currency: Currency,
    /// `<categories>`: the seller's category tree.
    pub categories: Vec<FeedCategory>,
}

impl Shop {
    /// A rouble shop with no categories yet.
    pub fn new(name: impl Into<String>, company: impl Into<String>, url: Url) -> Self {
        Self {
            name: name.into(),
            company: company.into(),
            url,
            currency: Currency::Rub,
            categories: Vec::new(),
        }
    }

    /// Adds a category.
    pub fn with_category(mut self, category: FeedCategory) -> Self {
        self.categories.push(category);
        self
    }
}

/// One `<category id=".." parentId="..">name</category>`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedCategory {
    /// The category id: a positive integer of at most 18 digits.
    pub id: CategoryId,
    /// The parent category, declared in the same feed; `None` for a root category.
    pub parent_id: Option<CategoryId>,
    /// The category name.
    pub name: String,
}

impl FeedCategory {
    /// A root category.
    pub fn root(id: impl Into<CategoryId>, name: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            parent_id: None,
            name: name.into(),
        }
    }

    /// A child of `parent_id`.
    pub fn child(
        id: impl Into<CategoryId>,
        parent_id: impl Into<CategoryId>,
        name: impl Into<String>,
    ) -> Self {
        Self {
            id: id.into(),
            parent_id: Some(parent_id.into()),
            name: name.into(),
        }
    }
}

/// One `<param name=".." unit="..">value</param>`: a characteristic of the offer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Param {
    /// The characteristic's name (`Цвет`).
    pub name: String,
    /// The unit, for numbers (`см`, `кг`).
    pub unit: Option<String>,
    /// The value (`белый`, `42`).
    pub value: String,
}

impl Param {
    /// A parameter without a unit.
    pub fn new(name: impl Into<String>, value: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            unit: None,
            value: value.into(),
        }
    }

    /// Sets the unit.
    pub fn with_unit(mut self, unit: impl Into<String>) -> Self {
        self.unit = Some(unit.into());
        self
    }
}

/// One `<outlet id=".." instock=".."/>`: the stock at one of the seller's warehouses, as
/// Megamarket reads it (the warehouse code set in its seller cabinet).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outlet {
    /// The warehouse code (Megamarket: an integer).
    pub id: WarehouseId,
    /// Units in stock; must not be negative.
    pub instock: i64,
}

/// One `<shipment-options><option days=".." order-before=".."/>`: how soon the seller ships
/// (Megamarket).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShipmentOption {
    /// Working days until the order is shipped.
    pub days: u32,
    /// The hour (0–24) the operational day ends: orders after it count from the next day.
    pub order_before: Option<u8>,
}

/// The `<vat>` code of an offer.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Vat {
    /// `NO_VAT`: not subject to VAT.
    NoVat,
    /// `VAT_0`.
    Vat0,
    /// `VAT_10`.
    Vat10,
    /// `VAT_20`.
    Vat20,
    /// Any other code, written as given.
    Other(String),
}

impl Vat {
    /// The code as written in the feed.
    pub fn code(&self) -> &str {
        match self {
            Self::NoVat => "NO_VAT",
            Self::Vat0 => "VAT_0",
            Self::Vat10 => "VAT_10",
            Self::Vat20 => "VAT_20",
            Self::Other(code) => code,
        }
    }

    /// The code for a rate given as a fraction (`0.2` for 20 %), when one is known.
    pub fn from_fraction(rate: Decimal) -> Option<Self> {
        let percent = (rate * Decimal::ONE_HUNDRED).normalize();
        if percent == Decimal::ZERO {
            Some(Self::Vat0)
        } else if percent == Decimal::TEN {
            Some(Self::Vat10)
        } else if percent == Decimal::from(20) {
            Some(Self::Vat20)
        } else {
            None
        }
    }
}

/// One `<offer>`: a product with its price and stock.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedOffer {
    /// `id` attribute: the seller's article.
    pub id: OfferId,
    /// `available` attribute: whether the offer can be bought now.
    pub available: bool,
    /// `<url>`: the product page on the seller's site.
    pub url: Option<Url>,
    /// `<price>`.
    pub price: Decimal,
    /// The currency of `price` and `old_price`; must be the shop's ([`Shop::currency`]).
    pub currency: Currency,
    /// `<oldprice>`: the strike-through price; must exceed `price`.
    pub old_price: Option<Decimal>,
    /// `<categoryId>`: one of the shop's categories.
    pub category_id: CategoryId,
    /// `<picture>`s, the main one first.
    pub pictures: Vec<Url>,
    /// `<vat>`.
    pub vat: Option<Vat>,
    /// `<shipment-options>` (Megamarket).
    pub shipment_options: Vec<ShipmentOption>,
    /// `<outlets>`: stock per warehouse, as Megamarket reads it.
    pub outlets: Vec<Outlet>,
    /// `<count>`: the stock as one number (Yandex Market's feed mode).
    pub count: Option<i64>,
    /// `<name>`: the product name.
    pub name: String,
    /// `<vendor>`: the brand.
    pub vendor: Option<String>,
    /// `<vendorCode>`: the manufacturer's article.
    pub vendor_code: Option<String>,
    /// `<description>`.
    pub description: Option<String>,
    /// `<param>`s.
    pub params: Vec<Param>,
    /// `<barcode>`s.
    pub barcodes: Vec<Barcode>,
}

impl FeedOffer {
    /// An available offer in roubles with the required fields and nothing else.
    pub fn new(
        id: impl Into<OfferId>,
        name: impl Into<String>,
        category_id: impl Into<CategoryId>,
        price: Decimal,
    ) -> Self {
        Self {
            id: id.into(),
            available: true,
            url: None,
            price,
            currency: Currency::Rub,
            old_price: None,
            category_id: category_id.into(),
            pictures: Vec::new(),
            vat: None,
            shipment_options: Vec::new(),
            outlets: Vec::new(),
            count: None,
            name: name.into(),
            vendor: None,
            vendor_code: None,
            description: None,
            params: Vec::new(),
            barcodes: Vec::new(),
        }
    }

    /// The offer for a [`Card`] at the price it carries ([`Card::price`]), with no stock
    /// (available): what [`crate::Marketplace::publish_cards`] has to go on.
    ///
    /// # Errors
    /// [`Rule::MissingPrice`] when the card has no price; otherwise as [`Self::from_card`].
    pub fn from_priced_card(card: &Card, dialect: Dialect) -> Result<Self, OfferError> {
        let Some(price) = card.price else {
            return Err(OfferError::new(
                card.offer_id.clone(),
                Rule::MissingPrice,
                "the card has no price",
            ));
        };
        Self::from_card(
            card,
            &PriceUpdate::new(card.offer_id.clone(), price),
            &[],
            dialect,
        )
    }

    /// The offer for a seller's [`Card`] at a price and stock, as `dialect` reads stock:
    ///
    /// - id, name, category, brand (`vendor`), description, images (`picture`), barcodes and
    ///   VAT (0, 10 or 20 %) come from the card; each attribute value becomes one `param`
    ///   named after the attribute (its id when it has no name); a dictionary value is written
    ///   as its text (its id when it has none), a yes/no as `да`/`нет`;
    /// - price, old price and currency from `price` (an old price of 0 means none);
    /// - stock from `stocks` (this offer's, one per warehouse): Megamarket gets one `outlet`
    ///   per warehouse, Yandex Market the total in `count`; `available` is true when the total
    ///   is above zero. With no stock given the offer is available and carries no stock.
    ///
    /// Variants are not expanded: a variant sold as its own offer needs its own card. The
    /// result is not validated yet: the writer does that when the offer is written.
    ///
    /// # Errors
    /// An [`OfferError`] naming the card when the price or a stock is for another offer, a
    /// stock for Megamarket has no warehouse, or the card's VAT rate has no YML code.
    pub fn from_card(
        card: &Card,
        price: &PriceUpdate,
        stocks: &[StockUpdate],
        dialect: Dialect,
    ) -> Result<Self, OfferError> {
        let fail =
            |rule: Rule, message: String| OfferError::new(card.offer_id.clone(), rule, message);
        if price.offer_id != card.offer_id {
            return Err(fail(
                Rule::Mismatch,
                format!("the price is for offer {}", price.offer_id),
            ));
        }
        let mut offer = Self::new(
            card.offer_id.clone(),
            card.name.clone(),
            card.category.id.clone(),
            price.price,
        );
        offer.currency = price.currency.clone();
        offer.old_price = price.old_price.filter(|old| *old != Decimal::ZERO);
        offer.vendor = card.brand.clone();
        offer.description = card.description.clone();
        offer.pictures = card.images.clone();
        offer.barcodes = card.barcodes.clone();
        if let Some(rate) = card.vat {
            offer.vat = Some(Vat::from_fraction(rate).ok_or_else(|| {
                fail(
                    Rule::Vat,
                    format!("no YML VAT code is known for the rate {rate}"),
                )
            })?);
        }
        for attribute in &card.attributes {
            let name = attribute
                .name
                .clone()
                .unwrap_or_else(|| attribute.id.to_string());
            for value in &attribute.values {
                let text = match value {
                    AttributeValue::Text(text) => text.clone(),
                    AttributeValue::Number(number) => number.normalize().to_string(),
                    AttributeValue::Bool(true) => "да".to_owned(),
                    AttributeValue::Bool(false) => "нет".to_owned(),
                    AttributeValue::Dictionary { id, value } => {
                        value.clone().unwrap_or_else(|| id.clone())
                    }
                };
                offer.params.push(Param::new(name.clone(), text));
            }
        }
        if !stocks.is_empty() {
            let mut total: i64 = 0;
            for stock in stocks {
                if stock.offer_id != card.offer_id {
                    return Err(fail(
                        Rule::Mismatch,
                        format!("a stock is for offer {}", stock.offer_id),
                    ));
                }
                total = total.saturating_add(stock.quantity);
                if dialect == Dialect::Megamarket {
                    let Some(warehouse) = stock.warehouse_id.clone() else {
                        return Err(fail(
                            Rule::Outlet,
                            "a stock for Megamarket needs the warehouse (outlet) id".into(),
                        ));
                    };
                    offer.outlets.push(Outlet {
                        id: warehouse,
                        instock: stock.quantity,
                    });
                }
            }
            if dialect == Dialect::Yandex {
                offer.count = Some(total);
            }
            offer.available = total > 0;
        }
        Ok(offer)
    }
}
