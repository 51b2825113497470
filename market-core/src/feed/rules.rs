//! The YML rules the writer enforces, per dialect. Sources are listed in the module docs of
//! [`crate::feed`].

use std::collections::HashSet;
use std::fmt;

use rust_decimal::Decimal;
use url::Url;

use super::model::{FeedOffer, Shop};
use crate::ids::OfferId;
use crate::model::Currency;

/// Whose reading of YML the feed is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Dialect {
    /// Megamarket's XML feed (YML-based): offer ids of Latin letters, digits, `-` and `_`;
    /// whole-rouble prices; an old price at least 5 % above the price; EAN barcodes; stock in
    /// `outlets`.
    #[default]
    Megamarket,
    /// Yandex Market's YML: offer ids of Latin letters and digits; prices with kopecks; at
    /// most 10 pictures; stock in `count`.
    Yandex,
}

impl Dialect {
    /// The most characters an offer id may have.
    pub const fn max_id_len(self) -> usize {
        20
    }

    /// The most decimal places a price may have (0: whole roubles).
    pub const fn price_scale(self) -> u32 {
        match self {
            Self::Megamarket => 0,
            Self::Yandex => 2,
        }
    }

    /// The most pictures an offer may have, when the dialect limits them.
    pub const fn max_pictures(self) -> Option<usize> {
        match self {
            Self::Megamarket => None,
            Self::Yandex => Some(10),
        }
    }

    fn id_char_allowed(self, c: char) -> bool {
        match self {
            Self::Megamarket => c.is_ascii_alphanumeric() || c == '-' || c == '_',
            Self::Yandex => c.is_ascii_alphanumeric(),
        }
    }

    fn id_chars_described(self) -> &'static str {
        match self {
            Self::Megamarket => "Latin letters, digits, '-' and '_'",
            Self::Yandex => "Latin letters and digits",
        }
    }
}

/// The rule an offer broke.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Rule {
    /// The offer id is empty.
    EmptyId,
    /// The offer id is longer than the dialect allows.
    IdTooLong,
    /// The offer id has a character the dialect does not allow.
    IdCharacters,
    /// Another offer in this feed already has this id.
    DuplicateId,
    /// The card has no price to write.
    MissingPrice,
    /// The price is not above zero.
    PriceNotPositive,
    /// The price has more decimal places than the dialect allows.
    PricePrecision,
    /// The old price is not above the price (Megamarket: not at least 5 % above), or has
    /// more decimal places than a price may.
    OldPrice,
    /// The offer's currency is not the shop's.
    Currency,
    /// The category is not one of the shop's categories.
    UnknownCategory,
    /// The name is empty.
    MissingName,
    /// A picture (or the offer's url) is not an absolute http(s) URL within 512 characters.
    BadUrl,
    /// More pictures than the dialect allows.
    TooManyPictures,
    /// A stock (`count` or an outlet's `instock`) is negative.
    NegativeStock,
    /// An outlet id is empty or not what the dialect reads (Megamarket: an integer), or one
    /// outlet appears twice.
    Outlet,
    /// A barcode is not an EAN-8, -12 or -13 (Megamarket), or is empty.
    Barcode,
    /// A param has an empty name or value.
    Param,
    /// A shipment option's `order-before` is not an hour from 0 to 24.
    ShipmentOption,
    /// A VAT code is empty, or the card's rate has no code.
    Vat,
    /// The price or a stock given with a card is for another offer.
    Mismatch,
}

impl Rule {
    /// A stable snake_case code for reports (`price_precision`).
    pub fn code(self) -> &'static str {
        match self {
            Self::EmptyId => "empty_id",
            Self::IdTooLong => "id_too_long",
            Self::IdCharacters => "id_characters",
            Self::DuplicateId => "duplicate_id",
            Self::MissingPrice => "missing_price",
            Self::PriceNotPositive => "price_not_positive",
            Self::PricePrecision => "price_precision",
            Self::OldPrice => "old_price",
            Self::Currency => "currency",
            Self::UnknownCategory => "unknown_category",
            Self::MissingName => "missing_name",
            Self::BadUrl => "bad_url",
            Self::TooManyPictures => "too_many_pictures",
            Self::NegativeStock => "negative_stock",
            Self::Outlet => "outlet",
            Self::Barcode => "barcode",
            Self::Param => "param",
            Self::ShipmentOption => "shipment_option",
            Self::Vat => "vat",
            Self::Mismatch => "mismatch",
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// An offer turned down before any of it was written: which offer, which rule, and why.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("offer {offer_id:?} rejected ({rule}): {message}")]
pub struct OfferError {
    /// The offer, by the id the caller gave (possibly empty or invalid itself).
    pub offer_id: OfferId,
    /// The rule it broke.
    pub rule: Rule,
    /// What is wrong, for people.
    pub message: String,
}

impl OfferError {
    /// An error about `offer_id`.
    pub fn new(offer_id: OfferId, rule: Rule, message: impl Into<String>) -> Self {
        Self {
            offer_id,
            rule,
            message: message.into(),
        }
    }
}

/// The longest picture or page URL YML takes.
pub const MAX_URL_LEN: usize = 512;

/// The longest category id (digits).
pub const MAX_CATEGORY_ID_LEN: usize = 18;

/// True when nothing would be left of `s` but whitespace once written.
fn blank(s: &str) -> bool {
    s.chars()
        .all(|c| c.is_whitespace() || super::escape::forbidden(c))
}

fn check_url(url: &Url) -> Result<(), String> {
    if !matches!(url.scheme(), "http" | "https") {
        return Err(format!("{url} is not an http(s) URL"));
    }
    if url.host_str().is_none_or(str::is_empty) {
        return Err(format!("{url} has no host"));
    }
    if url.as_str().len() > MAX_URL_LEN {
        return Err(format!(
            "a URL of {} characters is longer than {MAX_URL_LEN}",
            url.as_str().len()
        ));
    }
    Ok(())
}

/// Checks a category id as YML takes it: a positive integer of at most
/// [`MAX_CATEGORY_ID_LEN`] digits; the error says why not.
pub fn check_category_id(id: &str) -> Result<(), String> {
    if id.is_empty() || id.len() > MAX_CATEGORY_ID_LEN || !id.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!(
            "category id {id:?} is not a positive integer of at most {MAX_CATEGORY_ID_LEN} digits"
        ));
    }
    if id.bytes().all(|b| b == b'0') {
        return Err(format!("category id {id:?} is zero"));
    }
    Ok(())
}

/// Checks the shop and its category tree; returns the set of category ids.
pub(crate) fn validate_shop(shop: &Shop) -> Result<HashSet<String>, String> {
    if blank(&shop.name) {
        return Err("the shop name is empty".into());
    }
    if blank(&shop.company) {
        return Err("the shop company is empty".into());
    }
    check_url(&shop.url).map_err(|e| format!("shop url: {e}"))?;
    let mut ids = HashSet::with_capacity(shop.categories.len());
    for category in &shop.categories {
        check_category_id(category.id.as_str())?;
        if blank(&category.name) {
            return Err(format!("category {} has no name", category.id));
        }
        if !ids.insert(category.id.as_str().to_owned()) {
            return Err(format!("category {} is declared twice", category.id));
        }
    }
    for category in &shop.categories {
        if let Some(parent) = &category.parent_id
            && !ids.contains(parent.as_str())
        {
            return Err(format!(
                "category {} has parent {parent}, which is not declared",
                category.id
            ));
        }
    }
    // No cycles: from every category, the walk to the root ends within `n` steps.
    let parents: std::collections::HashMap<&str, &str> = shop
        .categories
        .iter()
        .filter_map(|c| c.parent_id.as_ref().map(|p| (c.id.as_str(), p.as_str())))
        .collect();
    for category in &shop.categories {
        let mut at = category.id.as_str();
        let mut steps = 0usize;
        while let Some(parent) = parents.get(at) {
            at = parent;
            steps += 1;
            if steps > shop.categories.len() {
                return Err(format!("category {} is its own ancestor", category.id));
            }
        }
    }
    Ok(ids)
}

/// Checks a barcode as Megamarket reads it: 8, 12 or 13 digits, and a 13-digit one must not
/// start with `20` (the in-store range).
fn check_ean(code: &str) -> Result<(), String> {
    if !code.bytes().all(|b| b.is_ascii_digit()) || !matches!(code.len(), 8 | 12 | 13) {
        return Err(format!(
            "barcode {code:?} is not an EAN of 8, 12 or 13 digits"
        ));
    }
    if code.len() == 13 && code.starts_with("20") {
        return Err(format!(
            "barcode {code:?} is in the in-store range 20xxxxxxxxxxx"
        ));
    }
    Ok(())
}

/// Checks one offer against the dialect's rules and the shop's categories.
pub(crate) fn validate_offer(
    offer: &FeedOffer,
    dialect: Dialect,
    currency: &Currency,
    categories: &HashSet<String>,
) -> Result<(), OfferError> {
    let fail = |rule: Rule, message: String| Err(OfferError::new(offer.id.clone(), rule, message));
    let id = offer.id.as_str();
    if id.is_empty() {
        return fail(Rule::EmptyId, "the offer id is empty".into());
    }
    if id.chars().count() > dialect.max_id_len() {
        return fail(
            Rule::IdTooLong,
            format!(
                "the offer id has {} characters; at most {} are allowed",
                id.chars().count(),
                dialect.max_id_len()
            ),
        );
    }
    if let Some(bad) = id.chars().find(|&c| !dialect.id_char_allowed(c)) {
        return fail(
            Rule::IdCharacters,
            format!(
                "the offer id has {bad:?}; only {} are allowed",
                dialect.id_chars_described()
            ),
        );
    }
    if blank(&offer.name) {
        return fail(Rule::MissingName, "the name is empty".into());
    }
    if offer.price <= Decimal::ZERO {
        return fail(
            Rule::PriceNotPositive,
            format!("price {} is not above zero", offer.price),
        );
    }
    let scale = dialect.price_scale();
    if offer.price.normalize().scale() > scale {
        return fail(
            Rule::PricePrecision,
            format!("price {} has more than {scale} decimal places", offer.price),
        );
    }
    if let Some(old) = offer.old_price {
        if old.normalize().scale() > scale {
            return fail(
                Rule::OldPrice,
                format!("old price {old} has more than {scale} decimal places"),
            );
        }
        match dialect {
            Dialect::Megamarket => {
                // At least 5 % above the price.
                let floor = offer.price * Decimal::new(105, 2);
                if old < floor {
                    return fail(
                        Rule::OldPrice,
                        format!(
                            "old price {old} is not at least 5 % above price {}",
                            offer.price
                        ),
                    );
                }
            }
            Dialect::Yandex => {
                if old <= offer.price {
                    return fail(
                        Rule::OldPrice,
                        format!("old price {old} is not above price {}", offer.price),
                    );
                }
            }
        }
    }
    if offer.currency != *currency {
        return fail(
            Rule::Currency,
            format!(
                "the offer is priced in {}, the shop in {}",
                offer.currency, currency
            ),
        );
    }
    if !categories.contains(offer.category_id.as_str()) {
        return fail(
            Rule::UnknownCategory,
            format!(
                "category {:?} is not among the shop's categories",
                offer.category_id.as_str()
            ),
        );
    }
    if let Some(url) = &offer.url
        && let Err(e) = check_url(url)
    {
        return fail(Rule::BadUrl, format!("url: {e}"));
    }
    if let Some(max) = dialect.max_pictures()
        && offer.pictures.len() > max
    {
        return fail(
            Rule::TooManyPictures,
            format!(
                "{} pictures; at most {max} are allowed",
                offer.pictures.len()
            ),
        );
    }
    for (i, picture) in offer.pictures.iter().enumerate() {
        if let Err(e) = check_url(picture) {
            return fail(Rule::BadUrl, format!("picture {}: {e}", i + 1));
        }
    }
    if let Some(count) = offer.count
        && count < 0
    {
        return fail(Rule::NegativeStock, format!("count {count} is negative"));
    }
    let mut outlet_ids = HashSet::new();
    for outlet in &offer.outlets {
        let oid = outlet.id.as_str();
        if blank(oid) {
            return fail(Rule::Outlet, "an outlet id is empty".into());
        }
        if dialect == Dialect::Megamarket && !oid.bytes().all(|b| b.is_ascii_digit()) {
            return fail(
                Rule::Outlet,
                format!("outlet id {oid:?} is not an integer (Megamarket's warehouse code)"),
            );
        }
        if !outlet_ids.insert(oid) {
            return fail(Rule::Outlet, format!("outlet {oid:?} appears twice"));
        }
        if outlet.instock < 0 {
            return fail(
                Rule::NegativeStock,
                format!("outlet {oid:?} has instock {} (negative)", outlet.instock),
            );
        }
    }
    for option in &offer.shipment_options {
        if let Some(hour) = option.order_before
            && hour > 24
        {
            return fail(
                Rule::ShipmentOption,
                format!("order-before {hour} is not an hour from 0 to 24"),
            );
        }
    }
    if let Some(vat) = &offer.vat
        && blank(vat.code())
    {
        return fail(Rule::Vat, "the VAT code is empty".into());
    }
    for barcode in &offer.barcodes {
        let code = barcode.as_str();
        if blank(code) {
            return fail(Rule::Barcode, "a barcode is empty".into());
        }
        if dialect == Dialect::Megamarket
            && let Err(e) = check_ean(code)
        {
            return fail(Rule::Barcode, e);
        }
    }
    for param in &offer.params {
        if blank(&param.name) {
            return fail(Rule::Param, "a param has no name".into());
        }
        if blank(&param.value) {
            return fail(Rule::Param, format!("param {:?} has no value", param.name));
        }
    }
    Ok(())
}
