//! The catalogue as Megamarket takes it: a YML feed the seller hosts and Megamarket downloads.
//!
//! Megamarket has no API method for cards. [`crate::Marketplace::publish_cards`] therefore
//! writes the cards as a feed ([`market_core::feed`], [`Dialect::Megamarket`]) to the file of
//! the client's [`FeedTarget`] ([`crate::ClientBuilder::feed`]); the seller's web server
//! serves that file at the URL set in Megamarket's seller cabinet. The file is replaced
//! whole (written beside it, then renamed), so Megamarket never downloads half a feed.
//! [`write_cards`] writes the same bytes to any sink, for a caller that hosts them another way.
//!
//! Every card is in the [`market_core::BatchReport`]: written (accepted), or rejected by
//! its offer id with the YML rule it broke (a price with kopecks, an id with spaces, ...);
//! a rejected card leaves no byte in the feed and the others are written. The feed carries
//! the cards' prices ([`market_core::Card::price`]; a card without one is rejected) and no
//! stock: stocks go through `stock/update` ([`crate::Marketplace::update_stocks`]).
//!
//! ```
//! use megamarket_api::core::feed::Shop;
//! use megamarket_api::core::{Card, CategoryRef};
//! use megamarket_api::feed::write_cards;
//!
//! let shop = Shop::new("Shop", "Shop LLC", "https://shop.example/".parse()?);
//! let kitchen = CategoryRef { id: "10".into(), type_id: None, name: Some("Kitchen".into()) };
//! let mut kettle = Card::new("KETTLE-1", "Kettle", kitchen.clone());
//! kettle.price = Some(2490.into());
//! let mut bad = Card::new("KETTLE 2", "Kettle", kitchen);
//! bad.price = Some(2490.into());
//! // The shop declares no category: write_cards takes the shop as given, so declare it.
//! let shop = shop.with_category(megamarket_api::core::feed::FeedCategory::root("10", "Kitchen"));
//! let (bytes, report) = write_cards(Vec::new(), &shop, &[kettle, bad])?;
//! let xml = String::from_utf8(bytes)?;
//! assert!(xml.contains(r#"<offer id="KETTLE-1""#));
//! assert_eq!(report.rejected.len(), 1);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::collections::HashSet;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::{SubsecRound, Utc};
use market_core::feed::{Dialect, FeedCategory, FeedError, FeedOptions, Shop};
use market_core::wire::moscow;
use market_core::{BatchReport, Card, Error, Result};

/// Where [`crate::Marketplace::publish_cards`] puts the feed: a file the seller's web server
/// hosts, and the `<shop>` the feed describes.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedTarget {
    path: PathBuf,
    shop: Shop,
    declare_card_categories: bool,
}

impl FeedTarget {
    /// The feed of `shop` written to `path` (replaced whole on every publish). The categories
    /// of the cards that `shop` does not declare are declared as root categories named after
    /// the card's category (see [`Self::declare_card_categories`]).
    pub fn new(path: impl Into<PathBuf>, shop: Shop) -> Self {
        Self {
            path: path.into(),
            shop,
            declare_card_categories: true,
        }
    }

    /// Whether a card's category the shop does not declare is declared for it (on by
    /// default); off, such a card is rejected (`unknown_category`).
    pub fn declare_card_categories(mut self, on: bool) -> Self {
        self.declare_card_categories = on;
        self
    }

    /// The file the feed is written to.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The shop the feed describes.
    pub fn shop(&self) -> &Shop {
        &self.shop
    }

    /// Writes the feed of `cards` to the target's file: to a file beside it first, then
    /// renamed over it, so the hosted file is always a whole feed. Blocking (file I/O): the
    /// trait runs it on tokio's blocking pool.
    ///
    /// # Errors
    /// As [`write_cards`], and [`Error::Config`] when the file cannot be written.
    pub fn publish(&self, cards: &[Card]) -> Result<BatchReport> {
        let shop = self.shop_for(cards);
        let tmp = temp_path(&self.path);
        let io_error = |what: &str, e: io::Error| {
            Error::Config(format!(
                "the Megamarket feed could not be {what} {}: {e}",
                self.path.display()
            ))
        };
        let file = std::fs::File::create(&tmp).map_err(|e| io_error("written beside", e))?;
        let written =
            write_cards(io::BufWriter::new(file), &shop, cards).and_then(|(sink, report)| {
                let file = sink
                    .into_inner()
                    .map_err(|e| io_error("written beside", e.into_error()))?;
                file.sync_all().map_err(|e| io_error("written beside", e))?;
                Ok(report)
            });
        let report = match written {
            Ok(report) => report,
            Err(e) => {
                let _ = std::fs::remove_file(&tmp);
                return Err(e);
            }
        };
        if let Err(e) = std::fs::rename(&tmp, &self.path) {
            let _ = std::fs::remove_file(&tmp);
            return Err(io_error("moved to", e));
        }
        Ok(report)
    }

    /// The shop with the cards' undeclared categories added, when that is on.
    fn shop_for(&self, cards: &[Card]) -> Shop {
        let mut shop = self.shop.clone();
        if !self.declare_card_categories {
            return shop;
        }
        let mut known: HashSet<String> = shop
            .categories
            .iter()
            .map(|c| c.id.as_str().to_owned())
            .collect();
        for card in cards {
            let id = card.category.id.as_str();
            // A category id YML cannot carry is not declared: its cards are rejected by
            // the writer by offer id instead of failing the whole shop.
            if market_core::feed::check_category_id(id).is_err() || !known.insert(id.to_owned()) {
                continue;
            }
            let name = card
                .category
                .name
                .clone()
                .filter(|n| !n.trim().is_empty())
                .unwrap_or_else(|| format!("Category {id}"));
            shop.categories.push(FeedCategory::root(id, name));
        }
        shop
    }
}

/// The file the feed is written to before it replaces `path`.
fn temp_path(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(format!(".{}.tmp", std::process::id()));
    path.with_file_name(name)
}

/// Writes the Megamarket feed of `cards` (dated now, Moscow time) to `sink`: the shop, then
/// every card at its price; returns the sink and a report with every card written
/// (accepted) or rejected by its offer id (stage `Validation`, code = the YML rule's).
///
/// # Errors
/// [`Error::Config`] when the shop breaks a YML rule (nothing is written) or the sink fails.
pub fn write_cards<W: Write>(sink: W, shop: &Shop, cards: &[Card]) -> Result<(W, BatchReport)> {
    let date = Utc::now().with_timezone(&moscow::offset()).trunc_subsecs(0);
    let options = FeedOptions::new(Dialect::Megamarket, date);
    match market_core::feed::write_cards(sink, shop, options, cards) {
        Ok((sink, _, report)) => Ok((sink, report)),
        Err(FeedError::Shop(message)) => Err(Error::Config(format!(
            "the feed's shop breaks a YML rule: {message}"
        ))),
        Err(e) => Err(Error::Config(format!(
            "the Megamarket feed could not be written: {e}"
        ))),
    }
}
