//! What `market` prints: one JSON object per line (the market-core types as serde writes
//! them), or with `--table` an aligned text table; and the exit code rule.

use std::io::{self, Write};

use market_core::{BatchReport, ItemKey, Order, Rejection, RejectionStage, Warehouse};
use serde::Serialize;

/// Everything went through.
pub const EXIT_OK: u8 = 0;
/// The command failed (nothing or nothing useful was done), or every item was rejected.
pub const EXIT_ERROR: u8 = 1;
/// The command line or an input file is not what the command takes.
pub const EXIT_USAGE: u8 = 2;
/// Some items were rejected, others accepted.
pub const EXIT_PARTIAL: u8 = 3;

/// The exit code of a batch: 0 when nothing was rejected, 3 when some items were rejected and
/// others accepted, 1 when every item was rejected.
pub fn exit_code(accepted: usize, rejected: usize) -> u8 {
    match (accepted, rejected) {
        (_, 0) => EXIT_OK,
        (0, _) => EXIT_ERROR,
        _ => EXIT_PARTIAL,
    }
}

/// The exit code of a batch report; see [`exit_code`].
pub fn report_exit_code(report: &BatchReport) -> u8 {
    exit_code(report.accepted.len(), report.rejected.len())
}

/// How results are printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// One JSON object per line.
    JsonLines,
    /// An aligned text table.
    Table,
}

/// One item of a batch as printed: its key, and for a rejected item where and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemLine<'a> {
    /// `accepted` or `rejected`.
    pub status: &'static str,
    /// The item.
    pub key: &'a ItemKey,
    /// Where it was turned down.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stage: Option<RejectionStage>,
    /// The vendor's or this tool's code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<&'a str>,
    /// Why it was turned down.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<&'a str>,
}

impl<'a> ItemLine<'a> {
    /// An accepted item.
    pub fn accepted(key: &'a ItemKey) -> Self {
        Self {
            status: "accepted",
            key,
            stage: None,
            code: None,
            message: None,
        }
    }

    /// A rejected item.
    pub fn rejected(r: &'a Rejection) -> Self {
        Self {
            status: "rejected",
            key: &r.key,
            stage: Some(r.stage),
            code: r.code.as_deref(),
            message: Some(&r.message),
        }
    }
}

/// The items of a report, accepted first, then rejected, in report order.
pub fn item_lines(report: &BatchReport) -> Vec<ItemLine<'_>> {
    report
        .accepted
        .iter()
        .map(ItemLine::accepted)
        .chain(report.rejected.iter().map(ItemLine::rejected))
        .collect()
}

/// One JSON object per item of the report.
pub fn batch_json_lines(report: &BatchReport) -> Vec<String> {
    item_lines(report).iter().map(json_line).collect()
}

/// A value as one line of JSON (never fails for the types printed here; a value serde cannot
/// write becomes an object naming the problem rather than a panic).
pub fn json_line<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_else(|e| {
        serde_json::json!({ "error": format!("cannot write as JSON: {e}") }).to_string()
    })
}

/// The report as a table: one row per item.
pub fn batch_table(report: &BatchReport) -> Table {
    let mut t = Table::new([
        "status",
        "offer_id",
        "warehouse_id",
        "stage",
        "code",
        "message",
    ]);
    for item in item_lines(report) {
        t.push([
            item.status.to_owned(),
            item.key.offer_id.to_string(),
            item.key
                .warehouse_id
                .as_ref()
                .map(ToString::to_string)
                .unwrap_or_default(),
            item.stage.map(|s| name_of(&s)).unwrap_or_default(),
            item.code.unwrap_or_default().to_owned(),
            item.message.unwrap_or_default().to_owned(),
        ]);
    }
    t
}

/// A one-line summary of a report, for stderr.
pub fn batch_summary(what: &str, report: &BatchReport) -> String {
    format!(
        "{what}: {} items, {} accepted, {} rejected",
        report.len(),
        report.accepted.len(),
        report.rejected.len()
    )
}

/// The name serde gives a unit enum value (`awaiting_packaging`, `fbs`, `vendor`); for other
/// shapes, the compact JSON.
pub fn name_of<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        Ok(other) => other.to_string(),
        Err(_) => String::new(),
    }
}

/// Warehouses as a table.
pub fn warehouse_table(warehouses: &[Warehouse]) -> Table {
    let mut t = Table::new(["id", "name", "scheme", "active", "address"]);
    for w in warehouses {
        t.push([
            w.id.to_string(),
            w.name.clone(),
            name_of(&w.scheme),
            if w.active { "yes" } else { "no" }.to_owned(),
            w.address.clone().unwrap_or_default(),
        ]);
    }
    t
}

/// The header of an order table.
pub const ORDER_COLUMNS: [&str; 9] = [
    "id",
    "status",
    "vendor_status",
    "scheme",
    "created_at",
    "ship_by",
    "warehouse_id",
    "lines",
    "total",
];

/// One order as a table row (see [`ORDER_COLUMNS`]).
pub fn order_row(o: &Order) -> Vec<String> {
    let time = |t: &chrono::DateTime<chrono::Utc>| t.format("%Y-%m-%d %H:%M").to_string();
    vec![
        o.id.to_string(),
        name_of(&o.status.lifecycle),
        o.status.raw.clone(),
        name_of(&o.scheme),
        time(&o.created_at),
        o.ship_by.as_ref().map(time).unwrap_or_default(),
        o.warehouse_id
            .as_ref()
            .map(ToString::to_string)
            .unwrap_or_default(),
        o.lines
            .iter()
            .map(|l| format!("{}x{}", l.offer_id, l.quantity))
            .collect::<Vec<_>>()
            .join(" "),
        match o.total() {
            Some(total) => format!("{total:.2} {}", o.currency),
            None => format!("too large to sum {}", o.currency),
        },
    ]
}

/// Orders as a table.
pub fn order_table(orders: &[Order]) -> Table {
    let mut t = Table::new(ORDER_COLUMNS);
    for o in orders {
        t.push(order_row(o));
    }
    t
}

/// A text table with aligned columns.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    headers: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    /// A table with these column names.
    pub fn new<S: Into<String>>(headers: impl IntoIterator<Item = S>) -> Self {
        Self {
            headers: headers.into_iter().map(Into::into).collect(),
            rows: Vec::new(),
        }
    }

    /// Adds a row; missing cells are empty, extra cells are kept as extra columns.
    pub fn push<S: Into<String>>(&mut self, row: impl IntoIterator<Item = S>) {
        self.rows.push(row.into_iter().map(Into::into).collect());
    }

    /// The lines of the table: the header, a rule, the rows. Columns are padded to their widest
    /// cell (counted in characters, so Cyrillic names line up), separated by two spaces;
    /// line breaks and tabs inside a cell become spaces; no line ends in spaces.
    pub fn render(&self) -> Vec<String> {
        let clean = |s: &str| -> String {
            s.chars()
                .map(|c| if c.is_control() { ' ' } else { c })
                .collect()
        };
        let columns = self
            .rows
            .iter()
            .map(Vec::len)
            .chain([self.headers.len()])
            .max()
            .unwrap_or(0);
        let header: Vec<String> = (0..columns)
            .map(|i| clean(self.headers.get(i).map_or("", String::as_str)))
            .collect();
        let rows: Vec<Vec<String>> = self
            .rows
            .iter()
            .map(|r| {
                (0..columns)
                    .map(|i| clean(r.get(i).map_or("", String::as_str)))
                    .collect()
            })
            .collect();
        let mut widths = vec![0usize; columns];
        for row in std::iter::once(&header).chain(&rows) {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.chars().count());
            }
        }
        let line = |cells: &[String]| -> String {
            let mut out = String::new();
            for (i, (cell, w)) in cells.iter().zip(&widths).enumerate() {
                if i > 0 {
                    out.push_str("  ");
                }
                out.push_str(cell);
                let pad = w.saturating_sub(cell.chars().count());
                out.extend(std::iter::repeat_n(' ', pad));
            }
            out.trim_end().to_owned()
        };
        let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
        let mut out = Vec::with_capacity(rows.len() + 2);
        out.push(line(&header));
        out.push(line(&rule));
        out.extend(rows.iter().map(|r| line(r)));
        out
    }
}

/// Where results go: stdout, written line by line.
///
/// A closed pipe (`market orders | head`) is not an error of the command: from then on
/// nothing more is written, [`Out::is_closed`] says so (a streaming command stops), and the
/// command still ends with its own exit code.
#[derive(Debug)]
pub struct Out<W: Write> {
    w: W,
    closed: bool,
    /// The format chosen on the command line.
    pub format: Format,
}

impl<W: Write> Out<W> {
    /// Output in `format` to `w`.
    pub fn new(w: W, format: Format) -> Self {
        Self {
            w,
            closed: false,
            format,
        }
    }

    /// True once the reader went away.
    pub fn is_closed(&self) -> bool {
        self.closed
    }

    fn write_lines<'l>(&mut self, lines: impl IntoIterator<Item = &'l str>) -> io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let result = lines
            .into_iter()
            .try_for_each(|line| writeln!(self.w, "{line}"))
            .and_then(|()| self.w.flush());
        match result {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            other => other,
        }
    }

    /// Writes one line and flushes it, so a pipe sees each result as it comes.
    pub fn line(&mut self, line: &str) -> io::Result<()> {
        self.write_lines([line])
    }

    /// Writes one value as a JSON line.
    pub fn json<T: Serialize>(&mut self, value: &T) -> io::Result<()> {
        self.line(&json_line(value))
    }

    /// Writes a table.
    pub fn table(&mut self, table: &Table) -> io::Result<()> {
        let lines = table.render();
        self.write_lines(lines.iter().map(String::as_str))
    }

    /// Writes a batch report, item by item, in the chosen format.
    pub fn report(&mut self, report: &BatchReport) -> io::Result<()> {
        match self.format {
            Format::JsonLines => {
                let lines = batch_json_lines(report);
                self.write_lines(lines.iter().map(String::as_str))
            }
            Format::Table => self.table(&batch_table(report)),
        }
    }

    /// The writer, to inspect in tests.
    #[allow(dead_code, reason = "used by tests/cli.rs")]
    pub fn into_inner(self) -> W {
        self.w
    }
}
