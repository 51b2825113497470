//! The streaming writers: one encoder that renders into a bounded buffer, and a blocking
//! ([`YmlWriter`]) and an async ([`AsyncYmlWriter`]) front that hand the buffer to the sink.

use std::borrow::Borrow as _;
use std::collections::HashSet;
use std::fmt::Write as _;
use std::io;

use chrono::{DateTime, FixedOffset};
use futures::io::{AsyncWrite, AsyncWriteExt};
use rust_decimal::Decimal;

use super::escape::{push_attr, push_text};
use super::model::{FeedOffer, Shop};
use super::rules::{Dialect, OfferError, Rule, validate_offer, validate_shop};
use crate::model::Card;
use crate::model::{BatchReport, Currency, ItemKey, RejectionStage};

/// The default size of the writer's buffer: offers are handed to the sink when it fills.
pub const DEFAULT_BUFFER_CAPACITY: usize = 64 * 1024;

/// How a feed is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FeedOptions {
    /// Whose rules the offers are checked against.
    pub dialect: Dialect,
    /// The `date` of `<yml_catalog>`: when the data was current (written as RFC 3339 to the
    /// minute, with the offset: `2026-12-07T21:30+03:00`).
    pub date: DateTime<FixedOffset>,
    /// Bytes the writer gathers before handing them to the sink (at least one offer is always
    /// written whole).
    pub buffer_capacity: usize,
    /// Whether an offer whose id was already written is rejected ([`Rule::DuplicateId`]).
    /// This keeps every written id (a few dozen bytes each); turn it off to keep the writer's
    /// memory constant when the ids are known to be unique.
    pub reject_duplicate_ids: bool,
}

impl FeedOptions {
    /// Options for `dialect` dated `date`, with the default buffer and duplicate checking on.
    pub fn new(dialect: Dialect, date: DateTime<FixedOffset>) -> Self {
        Self {
            dialect,
            date,
            buffer_capacity: DEFAULT_BUFFER_CAPACITY,
            reject_duplicate_ids: true,
        }
    }

    /// Sets the buffer capacity.
    pub fn with_buffer_capacity(mut self, bytes: usize) -> Self {
        self.buffer_capacity = bytes;
        self
    }

    /// Turns duplicate-id checking on or off.
    pub fn with_duplicate_check(mut self, on: bool) -> Self {
        self.reject_duplicate_ids = on;
        self
    }
}

/// Why the feed could not be written (or an offer was refused).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum FeedError {
    /// The shop or its category tree breaks a rule; nothing was written.
    #[error("invalid shop: {0}")]
    Shop(String),
    /// This offer broke a rule and was not written; the writer goes on with the next one.
    #[error(transparent)]
    Rejected(#[from] OfferError),
    /// The sink failed. What it had accepted before stays there; the feed cannot be continued
    /// (the writer is poisoned).
    #[error("feed sink failed: {0}")]
    Io(#[from] io::Error),
    /// An earlier sink failure poisoned the writer.
    #[error("an earlier write to the sink failed; the feed cannot be continued")]
    Poisoned,
}

impl From<OfferError> for crate::Error {
    fn from(e: OfferError) -> Self {
        crate::Error::validation(e.offer_id.clone(), format!("{}: {}", e.rule, e.message))
    }
}

/// The writer's counters, for monitoring and for proving its memory stays bounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct FeedStats {
    /// Offers written (handed to the buffer; in the sink once flushed).
    pub offers_written: u64,
    /// Offers refused by a rule.
    pub offers_rejected: u64,
    /// Bytes handed to the sink so far.
    pub bytes_written: u64,
    /// Bytes in the writer's buffer now, not yet in the sink.
    pub buffered_bytes: usize,
    /// The most bytes the buffer ever held.
    pub peak_buffered_bytes: usize,
    /// The buffer's allocated capacity now.
    pub buffer_allocation: usize,
    /// Offer ids kept for the duplicate check.
    pub tracked_ids: usize,
}

/// What a finished feed holds.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FeedSummary {
    /// The final counters.
    pub stats: FeedStats,
    /// Every refused offer with its rule, in the order they were given.
    pub rejected: Vec<OfferError>,
}

impl FeedSummary {
    /// The refused offers as a [`BatchReport`] (stage `Validation`, code = the rule's code).
    /// Written offers are not listed (the writer does not keep them); use
    /// [`YmlWriter::write_reported`] to collect them.
    pub fn rejections_report(&self) -> BatchReport {
        let mut report = BatchReport::new();
        for e in &self.rejected {
            record_rejection(&mut report, e);
        }
        report
    }
}

fn record_rejection(report: &mut BatchReport, e: &OfferError) {
    report.reject(
        ItemKey::offer(e.offer_id.clone()),
        RejectionStage::Validation,
        Some(e.rule.code().to_owned()),
        e.message.clone(),
    );
}

/// The shared core: validates and renders into `buf`.
#[derive(Debug)]
struct Encoder {
    dialect: Dialect,
    currency: Currency,
    categories: HashSet<String>,
    ids: Option<HashSet<Box<str>>>,
    buf: String,
    capacity: usize,
    stats: FeedStats,
    rejected: Vec<OfferError>,
    /// The next category of the header to render (`None` once the header is done).
    next_category: Option<usize>,
    poisoned: bool,
}

const I2: &str = "  ";
const I4: &str = "    ";
const I6: &str = "      ";
const I8: &str = "        ";
const I10: &str = "          ";

fn currency_code(c: &Currency) -> &str {
    match c {
        // YML spells the rouble RUR.
        Currency::Rub => "RUR",
        other => other.code(),
    }
}

fn push_decimal(out: &mut String, d: Decimal) {
    let _ = write!(out, "{}", d.normalize());
}

fn push_element(out: &mut String, indent: &str, name: &str, text: &str) {
    out.push_str(indent);
    out.push('<');
    out.push_str(name);
    out.push('>');
    push_text(out, text);
    out.push_str("</");
    out.push_str(name);
    out.push_str(">\n");
}

impl Encoder {
    fn new(shop: &Shop, options: &FeedOptions) -> Result<Self, FeedError> {
        let categories = validate_shop(shop).map_err(FeedError::Shop)?;
        if options.dialect == Dialect::Megamarket && shop.currency != Currency::Rub {
            return Err(FeedError::Shop(format!(
                "Megamarket takes prices in roubles only, not {}",
                shop.currency
            )));
        }
        let capacity = options.buffer_capacity.max(1);
        let mut buf = String::with_capacity(capacity);
        buf.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<yml_catalog date=\"");
        let _ = write!(buf, "{}", options.date.format("%Y-%m-%dT%H:%M%:z"));
        buf.push_str("\">\n");
        buf.push_str(I2);
        buf.push_str("<shop>\n");
        push_element(&mut buf, I4, "name", &shop.name);
        push_element(&mut buf, I4, "company", &shop.company);
        push_element(&mut buf, I4, "url", shop.url.as_str());
        buf.push_str(I4);
        buf.push_str("<currencies>\n");
        buf.push_str(I6);
        buf.push_str("<currency id=\"");
        push_attr(&mut buf, currency_code(&shop.currency));
        buf.push_str("\" rate=\"1\"/>\n");
        buf.push_str(I4);
        buf.push_str("</currencies>\n");
        buf.push_str(I4);
        buf.push_str("<categories>\n");
        let mut encoder = Self {
            dialect: options.dialect,
            currency: shop.currency.clone(),
            categories,
            ids: options.reject_duplicate_ids.then(HashSet::new),
            buf,
            capacity,
            stats: FeedStats::default(),
            rejected: Vec::new(),
            next_category: Some(0),
            poisoned: false,
        };
        encoder.note_peak();
        Ok(encoder)
    }

    /// Renders header categories until the buffer is full; true when the header is complete.
    fn fill_header(&mut self, shop: &Shop) -> bool {
        let Some(mut at) = self.next_category else {
            return true;
        };
        while let Some(category) = shop.categories.get(at) {
            let buf = &mut self.buf;
            buf.push_str(I6);
            buf.push_str("<category id=\"");
            push_attr(buf, category.id.as_str());
            buf.push('"');
            if let Some(parent) = &category.parent_id {
                buf.push_str(" parentId=\"");
                push_attr(buf, parent.as_str());
                buf.push('"');
            }
            buf.push('>');
            push_text(buf, &category.name);
            buf.push_str("</category>\n");
            at += 1;
            self.note_peak();
            if self.buf.len() >= self.capacity {
                self.next_category = Some(at);
                return false;
            }
        }
        self.buf.push_str(I4);
        self.buf.push_str("</categories>\n");
        self.buf.push_str(I4);
        self.buf.push_str("<offers>\n");
        self.note_peak();
        self.next_category = None;
        true
    }

    fn note_peak(&mut self) {
        self.stats.peak_buffered_bytes = self.stats.peak_buffered_bytes.max(self.buf.len());
    }

    fn check(&self) -> Result<(), FeedError> {
        if self.poisoned {
            Err(FeedError::Poisoned)
        } else {
            Ok(())
        }
    }

    /// Validates and renders one offer; true when the buffer should be flushed.
    fn encode(&mut self, offer: &FeedOffer) -> Result<bool, FeedError> {
        self.check()?;
        if let Err(e) = self.validate(offer) {
            self.stats.offers_rejected += 1;
            self.rejected.push(e.clone());
            return Err(FeedError::Rejected(e));
        }
        self.render(offer);
        self.stats.offers_written += 1;
        self.note_peak();
        Ok(self.buf.len() >= self.capacity)
    }

    fn validate(&mut self, offer: &FeedOffer) -> Result<(), OfferError> {
        validate_offer(offer, self.dialect, &self.currency, &self.categories)?;
        if let Some(ids) = &mut self.ids {
            if ids.contains(offer.id.as_str()) {
                return Err(OfferError::new(
                    offer.id.clone(),
                    Rule::DuplicateId,
                    "another offer in this feed has the same id",
                ));
            }
            ids.insert(offer.id.as_str().into());
            self.stats.tracked_ids = ids.len();
        }
        Ok(())
    }

    fn render(&mut self, offer: &FeedOffer) {
        let b = &mut self.buf;
        b.push_str(I6);
        b.push_str("<offer id=\"");
        push_attr(b, offer.id.as_str());
        b.push_str("\" available=\"");
        b.push_str(if offer.available { "true" } else { "false" });
        b.push_str("\">\n");
        if let Some(url) = &offer.url {
            push_element(b, I8, "url", url.as_str());
        }
        b.push_str(I8);
        b.push_str("<price>");
        push_decimal(b, offer.price);
        b.push_str("</price>\n");
        if let Some(old) = offer.old_price {
            b.push_str(I8);
            b.push_str("<oldprice>");
            push_decimal(b, old);
            b.push_str("</oldprice>\n");
        }
        push_element(b, I8, "currencyId", currency_code(&offer.currency));
        push_element(b, I8, "categoryId", offer.category_id.as_str());
        for picture in &offer.pictures {
            push_element(b, I8, "picture", picture.as_str());
        }
        if let Some(vat) = &offer.vat {
            push_element(b, I8, "vat", vat.code());
        }
        if !offer.shipment_options.is_empty() {
            b.push_str(I8);
            b.push_str("<shipment-options>\n");
            for option in &offer.shipment_options {
                b.push_str(I10);
                let _ = write!(b, "<option days=\"{}\"", option.days);
                if let Some(hour) = option.order_before {
                    let _ = write!(b, " order-before=\"{hour}\"");
                }
                b.push_str("/>\n");
            }
            b.push_str(I8);
            b.push_str("</shipment-options>\n");
        }
        if !offer.outlets.is_empty() {
            b.push_str(I8);
            b.push_str("<outlets>\n");
            for outlet in &offer.outlets {
                b.push_str(I10);
                b.push_str("<outlet id=\"");
                push_attr(b, outlet.id.as_str());
                let _ = writeln!(b, "\" instock=\"{}\"/>", outlet.instock);
            }
            b.push_str(I8);
            b.push_str("</outlets>\n");
        }
        if let Some(count) = offer.count {
            let _ = writeln!(b, "{I8}<count>{count}</count>");
        }
        push_element(b, I8, "name", &offer.name);
        if let Some(vendor) = &offer.vendor {
            push_element(b, I8, "vendor", vendor);
        }
        if let Some(code) = &offer.vendor_code {
            push_element(b, I8, "vendorCode", code);
        }
        if let Some(description) = &offer.description {
            push_element(b, I8, "description", description);
        }
        for param in &offer.params {
            b.push_str(I8);
            b.push_str("<param name=\"");
            push_attr(b, &param.name);
            b.push('"');
            if let Some(unit) = &param.unit {
                b.push_str(" unit=\"");
                push_attr(b, unit);
                b.push('"');
            }
            b.push('>');
            push_text(b, &param.value);
            b.push_str("</param>\n");
        }
        for barcode in &offer.barcodes {
            push_element(b, I8, "barcode", barcode.as_str());
        }
        b.push_str(I6);
        b.push_str("</offer>\n");
    }

    fn close(&mut self) {
        self.buf.push_str(I4);
        self.buf.push_str("</offers>\n");
        self.buf.push_str(I2);
        self.buf.push_str("</shop>\n</yml_catalog>\n");
        self.note_peak();
    }

    /// Called after the buffer reached the sink.
    fn flushed(&mut self) {
        self.stats.bytes_written += self.buf.len() as u64;
        self.buf.clear();
        // Give back memory a single huge offer may have made the buffer grow to.
        if self.buf.capacity() > self.capacity.saturating_mul(2) {
            self.buf.shrink_to(self.capacity);
        }
    }

    fn stats(&self) -> FeedStats {
        FeedStats {
            buffered_bytes: self.buf.len(),
            buffer_allocation: self.buf.capacity(),
            ..self.stats
        }
    }

    fn summary(self) -> FeedSummary {
        FeedSummary {
            stats: FeedStats {
                buffered_bytes: self.buf.len(),
                buffer_allocation: self.buf.capacity(),
                ..self.stats
            },
            rejected: self.rejected,
        }
    }
}

fn reported<T>(
    result: Result<T, FeedError>,
    offer: &FeedOffer,
    report: &mut BatchReport,
) -> Result<(), FeedError> {
    match result {
        Ok(_) => {
            report.accept(ItemKey::offer(offer.id.clone()));
            Ok(())
        }
        Err(FeedError::Rejected(e)) => {
            record_rejection(report, &e);
            Ok(())
        }
        Err(e) => Err(e),
    }
}

/// A streaming YML writer over a blocking [`io::Write`] sink.
///
/// Offers are checked one by one ([`Self::write_offer`]); a refused offer leaves no byte in
/// the output and the writer goes on. Written offers gather in a buffer of
/// [`FeedOptions::buffer_capacity`] bytes and are handed to the sink whole, so the writer holds
/// at most one buffer plus one offer, whatever the number of offers (and, with the duplicate
/// check on, the ids written so far). [`Self::finish`] closes the document; a writer dropped
/// before that leaves an unterminated document and drops what it still buffered.
#[derive(Debug)]
pub struct YmlWriter<W: io::Write> {
    sink: W,
    encoder: Encoder,
}

impl<W: io::Write> YmlWriter<W> {
    /// Checks the shop and writes the document's head (declaration, `<shop>` with its
    /// currency and categories) up to `<offers>`.
    ///
    /// # Errors
    /// [`FeedError::Shop`] when the shop breaks a rule (then nothing is written), or
    /// [`FeedError::Io`].
    pub fn new(sink: W, shop: &Shop, options: FeedOptions) -> Result<Self, FeedError> {
        let mut writer = Self {
            sink,
            encoder: Encoder::new(shop, &options)?,
        };
        while !writer.encoder.fill_header(shop) {
            writer.flush_buffer()?;
        }
        Ok(writer)
    }

    fn flush_buffer(&mut self) -> Result<(), FeedError> {
        self.encoder.check()?;
        if self.encoder.buf.is_empty() {
            return Ok(());
        }
        if let Err(e) = self.sink.write_all(self.encoder.buf.as_bytes()) {
            self.encoder.poisoned = true;
            return Err(FeedError::Io(e));
        }
        self.encoder.flushed();
        Ok(())
    }

    /// Checks and writes one offer.
    ///
    /// # Errors
    /// [`FeedError::Rejected`] naming the offer and the rule when it breaks one (nothing of it
    /// is written; the writer can go on); [`FeedError::Io`] or [`FeedError::Poisoned`] when
    /// the sink failed (the feed cannot be continued).
    pub fn write_offer(&mut self, offer: &FeedOffer) -> Result<(), FeedError> {
        if self.encoder.encode(offer)? {
            self.flush_buffer()?;
        }
        Ok(())
    }

    /// Writes one offer and records the outcome in `report`: accepted, or rejected at stage
    /// `Validation` with the rule's code. Only a sink failure is an error.
    ///
    /// # Errors
    /// [`FeedError::Io`] or [`FeedError::Poisoned`].
    pub fn write_reported(
        &mut self,
        offer: &FeedOffer,
        report: &mut BatchReport,
    ) -> Result<(), FeedError> {
        let result = self.write_offer(offer);
        reported(result, offer, report)
    }

    /// Hands everything buffered to the sink and flushes it.
    ///
    /// # Errors
    /// [`FeedError::Io`] or [`FeedError::Poisoned`].
    pub fn flush(&mut self) -> Result<(), FeedError> {
        self.flush_buffer()?;
        self.sink.flush().map_err(|e| {
            self.encoder.poisoned = true;
            FeedError::Io(e)
        })
    }

    /// The counters so far.
    pub fn stats(&self) -> FeedStats {
        self.encoder.stats()
    }

    /// The offers refused so far.
    pub fn rejected(&self) -> &[OfferError] {
        &self.encoder.rejected
    }

    /// Records an offer refused before it reached the writer (by [`FeedOffer::from_card`],
    /// say), so that the summary lists it with the others.
    pub fn record_rejection(&mut self, error: OfferError) {
        self.encoder.stats.offers_rejected += 1;
        self.encoder.rejected.push(error);
    }

    /// The sink.
    pub fn get_ref(&self) -> &W {
        &self.sink
    }

    /// Closes `<offers>`, `<shop>` and `<yml_catalog>`, flushes, and returns the sink with
    /// the summary.
    ///
    /// # Errors
    /// [`FeedError::Io`] or [`FeedError::Poisoned`].
    pub fn finish(mut self) -> Result<(W, FeedSummary), FeedError> {
        self.encoder.check()?;
        self.encoder.close();
        self.flush()?;
        Ok((self.sink, self.encoder.summary()))
    }
}

/// The same writer over an async sink ([`futures::io::AsyncWrite`]; a tokio writer can be
/// adapted with `tokio_util::compat`).
#[derive(Debug)]
pub struct AsyncYmlWriter<W: AsyncWrite + Unpin> {
    sink: W,
    encoder: Encoder,
}

impl<W: AsyncWrite + Unpin> AsyncYmlWriter<W> {
    /// See [`YmlWriter::new`].
    ///
    /// # Errors
    /// As [`YmlWriter::new`].
    pub async fn new(sink: W, shop: &Shop, options: FeedOptions) -> Result<Self, FeedError> {
        let mut writer = Self {
            sink,
            encoder: Encoder::new(shop, &options)?,
        };
        while !writer.encoder.fill_header(shop) {
            writer.flush_buffer().await?;
        }
        Ok(writer)
    }

    async fn flush_buffer(&mut self) -> Result<(), FeedError> {
        self.encoder.check()?;
        if self.encoder.buf.is_empty() {
            return Ok(());
        }
        if let Err(e) = self.sink.write_all(self.encoder.buf.as_bytes()).await {
            self.encoder.poisoned = true;
            return Err(FeedError::Io(e));
        }
        self.encoder.flushed();
        Ok(())
    }

    /// See [`YmlWriter::write_offer`].
    ///
    /// # Errors
    /// As [`YmlWriter::write_offer`].
    pub async fn write_offer(&mut self, offer: &FeedOffer) -> Result<(), FeedError> {
        if self.encoder.encode(offer)? {
            self.flush_buffer().await?;
        }
        Ok(())
    }

    /// See [`YmlWriter::write_reported`].
    ///
    /// # Errors
    /// As [`YmlWriter::write_reported`].
    pub async fn write_reported(
        &mut self,
        offer: &FeedOffer,
        report: &mut BatchReport,
    ) -> Result<(), FeedError> {
        let result = self.write_offer(offer).await;
        reported(result, offer, report)
    }

    /// See [`YmlWriter::flush`].
    ///
    /// # Errors
    /// As [`YmlWriter::flush`].
    pub async fn flush(&mut self) -> Result<(), FeedError> {
        self.flush_buffer().await?;
        if let Err(e) = self.sink.flush().await {
            self.encoder.poisoned = true;
            return Err(FeedError::Io(e));
        }
        Ok(())
    }

    /// The counters so far.
    pub fn stats(&self) -> FeedStats {
        self.encoder.stats()
    }

    /// The offers refused so far.
    pub fn rejected(&self) -> &[OfferError] {
        &self.encoder.rejected
    }

    /// Records an offer refused before it reached the writer (by [`FeedOffer::from_card`],
    /// say), so that the summary lists it with the others.
    pub fn record_rejection(&mut self, error: OfferError) {
        self.encoder.stats.offers_rejected += 1;
        self.encoder.rejected.push(error);
    }

    /// See [`YmlWriter::finish`]; the async sink is also closed.
    ///
    /// # Errors
    /// As [`YmlWriter::finish`].
    pub async fn finish(mut self) -> Result<(W, FeedSummary), FeedError> {
        self.encoder.check()?;
        self.encoder.close();
        self.flush().await?;
        if let Err(e) = self.sink.close().await {
            return Err(FeedError::Io(e));
        }
        Ok((self.sink, self.encoder.summary()))
    }
}

/// Writes a whole feed: the shop, then every offer, to `sink`; returns the sink, the summary,
/// and a [`BatchReport`] with every offer accepted (written) or rejected by a rule.
///
/// # Errors
/// [`FeedError::Shop`], [`FeedError::Io`]; a rejected offer is not an error but a line of the
/// report.
pub fn write_feed<W, I>(
    sink: W,
    shop: &Shop,
    options: FeedOptions,
    offers: I,
) -> Result<(W, FeedSummary, BatchReport), FeedError>
where
    W: io::Write,
    I: IntoIterator,
    I::Item: std::borrow::Borrow<FeedOffer>,
{
    let mut writer = YmlWriter::new(sink, shop, options)?;
    let mut report = BatchReport::new();
    for offer in offers {
        writer.write_reported(offer.borrow(), &mut report)?;
    }
    let (sink, summary) = writer.finish()?;
    Ok((sink, summary, report))
}

/// Writes a feed of the seller's cards at the prices they carry
/// ([`FeedOffer::from_priced_card`]): what `publish_cards` does for a channel that takes the
/// catalogue as a feed. Returns the sink, the summary, and a [`BatchReport`] with every card
/// accepted (written) or rejected (by the conversion or a rule, stage `Validation`, code = the
/// rule's code).
///
/// # Errors
/// [`FeedError::Shop`], [`FeedError::Io`].
pub fn write_cards<W: io::Write>(
    sink: W,
    shop: &Shop,
    options: FeedOptions,
    cards: &[Card],
) -> Result<(W, FeedSummary, BatchReport), FeedError> {
    let dialect = options.dialect;
    let mut writer = YmlWriter::new(sink, shop, options)?;
    let mut report = BatchReport::new();
    for card in cards {
        match FeedOffer::from_priced_card(card, dialect) {
            Ok(offer) => writer.write_reported(&offer, &mut report)?,
            Err(e) => {
                record_rejection(&mut report, &e);
                writer.record_rejection(e);
            }
        }
    }
    let (sink, summary) = writer.finish()?;
    Ok((sink, summary, report))
}
