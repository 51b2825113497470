//! A streaming writer of YML (Yandex Market Language) catalogue feeds.
//!
//! Megamarket takes the seller's catalogue, prices and stock as a YML-based XML feed that the
//! seller hosts and Megamarket downloads (Yandex Market reads the same format in its feed
//! mode). This module writes such a feed offer by offer to any [`std::io::Write`]
//! ([`YmlWriter`]) or [`futures::io::AsyncWrite`] ([`AsyncYmlWriter`]) sink, so a catalogue of
//! 100,000 offers is written in bounded memory: the writer holds one buffer
//! ([`FeedOptions::buffer_capacity`]) plus the offer being written, and, when duplicate ids are
//! checked, the ids written so far. [`FeedStats`] reports the buffer's size and peak.
//!
//! Every offer is checked before any byte of it is written. A refused offer comes back as
//! [`FeedError::Rejected`] with an [`OfferError`] naming the offer and the [`Rule`] it broke;
//! the writer goes on with the next offer, nothing already written is touched, and the
//! [`FeedSummary`] lists every refusal (no offer is dropped silently).
//! [`FeedOffer::from_card`] builds an offer from the seller's [`crate::Card`], a
//! [`crate::PriceUpdate`] and its [`crate::StockUpdate`]s; [`write_cards`] writes a whole
//! feed of cards at the prices they carry, with a [`crate::BatchReport`] of every card, which
//! is what `publish_cards` needs for a channel that takes its catalogue as a feed.
//!
//! ```
//! use chrono::{FixedOffset, TimeZone};
//! use market_core::feed::{Dialect, FeedCategory, FeedError, FeedOffer, FeedOptions, Rule, Shop, YmlWriter};
//! use rust_decimal::Decimal;
//!
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let shop = Shop::new("Shop", "Shop LLC", "https://shop.example/".parse()?)
//!     .with_category(FeedCategory::root("1", "Kitchen"));
//! let date = FixedOffset::east_opt(3 * 3600).unwrap().with_ymd_and_hms(2026, 12, 7, 10, 0, 0).unwrap();
//! let mut writer = YmlWriter::new(Vec::new(), &shop, FeedOptions::new(Dialect::Megamarket, date))?;
//!
//! writer.write_offer(&FeedOffer::new("KETTLE-1", "Kettle", "1", Decimal::from(2490)))?;
//! // A price with kopecks is refused for Megamarket, by name; the feed goes on.
//! let refused = writer.write_offer(&FeedOffer::new("KETTLE-2", "Kettle", "1", Decimal::new(249050, 2)));
//! assert!(matches!(refused, Err(FeedError::Rejected(e)) if e.rule == Rule::PricePrecision && e.offer_id.as_str() == "KETTLE-2"));
//!
//! let (bytes, summary) = writer.finish()?;
//! assert_eq!(summary.stats.offers_written, 1);
//! assert_eq!(summary.rejected.len(), 1);
//! let xml = String::from_utf8(bytes)?;
//! assert!(xml.contains("<offer id=\"KETTLE-1\" available=\"true\">"));
//! assert!(xml.ends_with("</yml_catalog>\n"));
//! # Ok(()) }
//! ```
//!
//! # Rules enforced, and where they come from
//!
//! The feed follows Megamarket's reading by default ([`Dialect::Megamarket`]);
//! [`Dialect::Yandex`] follows Yandex Market's. No official machine-readable schema exists;
//! the rules come from these public pages (stored copies read in December 2026):
//!
//! - **Structure** (`yml_catalog` with a `date`, `shop` with `name`, `company`, `url`,
//!   `currencies`, `categories`, `offers`; UTF-8): Yandex, "YML" structure,
//!   `yandex.ru/support/marketplace/tools/elements/` and
//!   `yandex.com/support/marketplace/ru/assortment/auto/yml`; Megamarket, "Правила
//!   заполнения XML-файла", `partner-wiki.megamarket.ru/pravila-zapolneniya-xml-fajla-393286.html`
//!   ("based on the Yandex Market XML (YML) format"; UTF-8 or Windows-1251; required elements
//!   at least one character not counting spaces), and "Обновление цен и остатков через
//!   XML-фид", `partner-wiki.megamarket.ru/obnovlenie-tsen-i-ostatkov-cherez-xml-fid-61934098.html`
//!   (the `date` in RFC 3339 with the time zone; files up to 500 MB).
//! - **Date**: RFC 3339 with the offset (both pages above); written to the minute, as the
//!   Yandex page's example `2022-05-22T14:37+03:00`.
//! - **Escaping**: `&`, `<`, `>`, `"`, `'` as entities; ASCII 0–31 other than tab, line
//!   feed and carriage return are not allowed (YML requirements as restated by sellers' guides,
//!   e.g. `laputa.seomarket.ua/wiki/17`, `sellerhelp.goojox.ru/xml-feeds/`, and XML 1.0
//!   itself); the writer removes those characters and escapes the five.
//! - **Offer id** ([`Rule::EmptyId`], [`Rule::IdTooLong`], [`Rule::IdCharacters`],
//!   [`Rule::DuplicateId`]): Yandex: "only numbers and Latin letters", "maximum length 20",
//!   unique (`yandex.com/support/partnermarket/elements/id-type-available.html`). Megamarket:
//!   Latin letters, digits, `-` and `_`, no spaces, at most 20 (Megamarket's feed description
//!   `conf.goods.ru/merchant-api/1-vvedenie/1-1-tovarnyj-fid`, as quoted in the Acrit
//!   Bitrix export plugin for SberMegaMarket, `acrit.core/plugins/export/sbermegamarket.ru/
//!   formats/01_yml/lang/ru/class.php`, dated 2023-02-07).
//! - **Price** ([`Rule::PriceNotPositive`], [`Rule::PricePrecision`]): above zero; Megamarket:
//!   "an integer above zero; a fractional value is rounded down" (same plugin source): the
//!   writer refuses kopecks by name instead of letting them be rounded silently; Yandex: at
//!   most two decimal places (kopecks; the Yandex examples carry `99.95`).
//! - **Old price** ([`Rule::OldPrice`]): Megamarket: at least 5 % above the price (same plugin
//!   source: "минимум на 5% больше цены продажи"); Yandex: above the price (the same rule
//!   [`crate::PriceUpdate::validate`] applies).
//! - **Currency** ([`Rule::Currency`]): one currency per feed, declared with rate 1 and
//!   written `RUR` for roubles as in every YML example; Megamarket takes roubles only (the
//!   plugin supports `RUB` only).
//! - **Categories** ([`Rule::UnknownCategory`], and [`FeedError::Shop`] for the tree): ids
//!   positive integers, not 0, at most 18 characters, unique; `parentId` names a declared
//!   category (`yandex.com/support/marketplace-global/pricelist/categories.html`); an offer's
//!   `categoryId` must be declared (same page; Megamarket: "id of the seller's category,
//!   integer above zero", plugin source). Cycles are refused too.
//! - **Name** ([`Rule::MissingName`]): required (Yandex offer pages; Megamarket plugin
//!   source: `name` required).
//! - **Pictures and url** ([`Rule::BadUrl`], [`Rule::TooManyPictures`]): absolute `http` or
//!   `https` links (`yandex.com/support/partnermarket/elements/picture.html`), at most 512
//!   characters (`yandex.com/support/partnermarket/picture.html`); Yandex: at most 10
//!   pictures (same page). Megamarket forbids Cyrillic and spaces in links: a [`url::Url`] is
//!   always written percent-encoded ASCII.
//! - **Stock** ([`Rule::NegativeStock`], [`Rule::Outlet`]): Megamarket reads stock as
//!   `<outlets><outlet id=".." instock=".."/></outlets>`, the outlet id being the warehouse
//!   code from the seller's cabinet ("an integer") and `instock` "an integer of zero or more"
//!   (plugin source); Yandex's feed mode takes `<count>`. Negative stock is refused.
//! - **Barcode** ([`Rule::Barcode`]): Megamarket: EAN of 8, 12 or 13 digits, a 13-digit one
//!   not starting with `20` (plugin source).
//! - **Shipment options** ([`Rule::ShipmentOption`]): Megamarket's `days` (working days, ≥ 0)
//!   and `order-before` (an hour, 0–24) (plugin source).
//! - **VAT** ([`Rule::Vat`]): codes `NO_VAT`, `VAT_0`, `VAT_10`, `VAT_20` (plugin source; the
//!   same codes Yandex uses).
//! - **Params** ([`Rule::Param`]): `<param name=".." unit="..">value</param>`, name and value
//!   not empty (Megamarket's one-character minimum for what is written).
//!
//! Not checked: the 500 MB file limit (the writer's [`FeedStats::bytes_written`] tells the
//! caller), image contents, and category-specific required params.

mod escape;
mod model;
mod rules;
mod writer;

pub use model::{FeedCategory, FeedOffer, Outlet, Param, ShipmentOption, Shop, Vat};
pub use rules::{Dialect, MAX_CATEGORY_ID_LEN, MAX_URL_LEN, OfferError, Rule, check_category_id};
pub use writer::{
    AsyncYmlWriter, DEFAULT_BUFFER_CAPACITY, FeedError, FeedOptions, FeedStats, FeedSummary,
    YmlWriter, write_cards, write_feed,
};
