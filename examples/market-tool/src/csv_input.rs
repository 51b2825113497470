//! Reading the CSV files of `push-stocks` and `push-prices`.
//!
//! A file must have a header naming its columns (any order, case and surrounding spaces
//! ignored). A row that cannot be read (a quantity that is not a whole number, an empty offer,
//! a repeated key) does not stop the file: it becomes a rejected item (stage `validation`, code
//! `csv`) whose message starts with its line number, and every other row is still sent. What
//! the marketplace itself forbids (a negative quantity, an old price below the price) is left
//! to the library's validation, which rejects such an item by name.

use std::collections::HashMap;
use std::io::Read;
use std::str::FromStr;

use market_core::{ItemKey, PriceUpdate, Rejection, RejectionStage, StockUpdate};
use rust_decimal::Decimal;

/// The columns of a stock file.
pub const STOCK_COLUMNS: [&str; 3] = ["offer_id", "warehouse_id", "quantity"];
/// The columns of a price file; the last two are optional.
pub const PRICE_COLUMNS: [&str; 4] = ["offer_id", "price", "old_price", "min_price"];
/// The code of a row rejected while reading the file.
pub const CSV_CODE: &str = "csv";

/// The rows of a file: the items to send, and the rows turned down, in file order.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed<T> {
    /// Items read, each with the line it came from.
    pub items: Vec<(u64, T)>,
    /// Rows that could not be read.
    pub rejected: Vec<Rejection>,
}

impl<T> Default for Parsed<T> {
    fn default() -> Self {
        Self {
            items: Vec::new(),
            rejected: Vec::new(),
        }
    }
}

impl<T> Parsed<T> {
    /// The items without their line numbers.
    pub fn values(&self) -> Vec<T>
    where
        T: Clone,
    {
        self.items.iter().map(|(_, item)| item.clone()).collect()
    }
}

/// Why a whole file cannot be read (as opposed to one row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileError(pub String);

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for FileError {}

fn reject(parsed_rejected: &mut Vec<Rejection>, line: u64, key: ItemKey, message: &str) {
    parsed_rejected.push(Rejection {
        key,
        stage: RejectionStage::Validation,
        retry_after: None,
        code: Some(CSV_CODE.into()),
        message: format!("line {line}: {message}"),
    });
}

/// The header's columns, by name: the index of each required and optional column.
fn columns(
    headers: &csv::StringRecord,
    required: &[&str],
    optional: &[&str],
) -> Result<HashMap<String, usize>, FileError> {
    let mut found = HashMap::new();
    for (i, name) in headers.iter().enumerate() {
        let name = name
            .trim()
            .trim_start_matches('\u{feff}')
            .to_ascii_lowercase();
        if !required.contains(&name.as_str()) && !optional.contains(&name.as_str()) {
            return Err(FileError(format!(
                "line 1: unknown column {name:?}; the header is {}",
                expected(required, optional)
            )));
        }
        if found.insert(name.clone(), i).is_some() {
            return Err(FileError(format!("line 1: column {name:?} appears twice")));
        }
    }
    if let Some(missing) = required.iter().find(|c| !found.contains_key(**c)) {
        return Err(FileError(format!(
            "line 1: no column {missing:?}; the header is {}",
            expected(required, optional)
        )));
    }
    Ok(found)
}

fn expected(required: &[&str], optional: &[&str]) -> String {
    let mut all: Vec<String> = required.iter().map(|c| (*c).to_owned()).collect();
    all.extend(optional.iter().map(|c| format!("[{c}]")));
    all.join(",")
}

fn reader(input: impl Read) -> csv::Reader<impl Read> {
    csv::ReaderBuilder::new()
        .has_headers(true)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(input)
}

/// The header record, or the reason the file has none.
fn header(rdr: &mut csv::Reader<impl Read>) -> Result<csv::StringRecord, FileError> {
    let headers = rdr
        .headers()
        .map_err(|e| FileError(format!("cannot read the header: {e}")))?
        .clone();
    if headers.iter().all(|h| h.trim().is_empty()) {
        return Err(FileError("the file is empty (no header)".into()));
    }
    Ok(headers)
}

fn field<'r>(
    record: &'r csv::StringRecord,
    columns: &HashMap<String, usize>,
    name: &str,
) -> &'r str {
    columns
        .get(name)
        .and_then(|&i| record.get(i))
        .unwrap_or_default()
        .trim()
}

/// Reads a stock file (`offer_id,warehouse_id,quantity`).
pub fn parse_stocks(input: impl Read) -> Result<Parsed<StockUpdate>, FileError> {
    let mut rdr = reader(input);
    let headers = header(&mut rdr)?;
    let cols = columns(&headers, &STOCK_COLUMNS, &[])?;
    let mut parsed = Parsed::default();
    let mut seen: HashMap<ItemKey, u64> = HashMap::new();
    for (index, record) in rdr.records().enumerate() {
        // Line of the row: from the reader when it knows, else counted (header is line 1).
        let fallback_line = u64::try_from(index).unwrap_or(u64::MAX).saturating_add(2);
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(fallback_line, |p| p.line());
                reject(
                    &mut parsed.rejected,
                    line,
                    ItemKey::offer(""),
                    &format!("unreadable row: {e}"),
                );
                continue;
            }
        };
        let line = record.position().map_or(fallback_line, |p| p.line());
        let offer = field(&record, &cols, "offer_id");
        let warehouse = field(&record, &cols, "warehouse_id");
        let quantity = field(&record, &cols, "quantity");
        let key = ItemKey::stock(offer, warehouse);
        if record.len() > headers.len() {
            let message = format!("{} fields, the header has {}", record.len(), headers.len());
            reject(&mut parsed.rejected, line, key, &message);
            continue;
        }
        if offer.is_empty() {
            reject(&mut parsed.rejected, line, key, "offer_id is empty");
            continue;
        }
        if quantity.is_empty() {
            reject(&mut parsed.rejected, line, key, "quantity is empty");
            continue;
        }
        if warehouse.is_empty() {
            reject(&mut parsed.rejected, line, key, "warehouse_id is empty");
            continue;
        }
        let quantity = match quantity.parse::<i64>() {
            Ok(q) => q,
            Err(_) => {
                let message = format!("quantity {quantity:?} is not a whole number");
                reject(&mut parsed.rejected, line, key, &message);
                continue;
            }
        };
        if let Some(first) = seen.get(&key) {
            let message = format!("{key} already given on line {first}");
            reject(&mut parsed.rejected, line, key, &message);
            continue;
        }
        seen.insert(key, line);
        parsed
            .items
            .push((line, StockUpdate::new(offer, warehouse, quantity)));
    }
    Ok(parsed)
}

/// Reads a money amount: `1299`, `1299.50`, or `1299,50` (a decimal comma, quoted in the file).
pub fn parse_money(text: &str) -> Option<Decimal> {
    let text = text.trim().replace(['\u{a0}', ' '], "");
    let text = if text.contains('.') {
        text
    } else {
        text.replace(',', ".")
    };
    Decimal::from_str(&text).ok()
}

/// Reads a price file (`offer_id,price,old_price,min_price`; the last two optional, as columns
/// and as values).
pub fn parse_prices(input: impl Read) -> Result<Parsed<PriceUpdate>, FileError> {
    let mut rdr = reader(input);
    let headers = header(&mut rdr)?;
    let cols = columns(&headers, &PRICE_COLUMNS[..2], &PRICE_COLUMNS[2..])?;
    let mut parsed = Parsed::default();
    let mut seen: HashMap<String, u64> = HashMap::new();
    for (index, record) in rdr.records().enumerate() {
        let fallback_line = u64::try_from(index).unwrap_or(u64::MAX).saturating_add(2);
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(fallback_line, |p| p.line());
                let message = format!("unreadable row: {e}");
                reject(&mut parsed.rejected, line, ItemKey::offer(""), &message);
                continue;
            }
        };
        let line = record.position().map_or(fallback_line, |p| p.line());
        let offer = field(&record, &cols, "offer_id");
        let key = ItemKey::offer(offer);
        if record.len() > headers.len() {
            let message = format!("{} fields, the header has {}", record.len(), headers.len());
            reject(&mut parsed.rejected, line, key, &message);
            continue;
        }
        if offer.is_empty() {
            reject(&mut parsed.rejected, line, key, "offer_id is empty");
            continue;
        }
        let mut amounts = [None, None, None];
        let mut bad = None;
        for (slot, name) in amounts.iter_mut().zip(["price", "old_price", "min_price"]) {
            let text = field(&record, &cols, name);
            if text.is_empty() {
                continue;
            }
            match parse_money(text) {
                Some(amount) => *slot = Some(amount),
                None => {
                    bad = Some(format!("{name} {text:?} is not a number"));
                    break;
                }
            }
        }
        if let Some(message) = bad {
            reject(&mut parsed.rejected, line, key, &message);
            continue;
        }
        let [price, old_price, min_price] = amounts;
        let Some(price) = price else {
            reject(&mut parsed.rejected, line, key, "price is empty");
            continue;
        };
        if let Some(first) = seen.get(offer) {
            let message = format!("{key} already given on line {first}");
            reject(&mut parsed.rejected, line, key, &message);
            continue;
        }
        seen.insert(offer.to_owned(), line);
        let mut update = PriceUpdate::new(offer, price);
        if let Some(old) = old_price {
            update = update.with_old_price(old);
        }
        if let Some(min) = min_price {
            update = update.with_min_price(min);
        }
        parsed.items.push((line, update));
    }
    Ok(parsed)
}
