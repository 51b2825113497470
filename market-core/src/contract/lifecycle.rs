//! Operation lifecycle: is a vendor operation still there, deprecated, or announced for
//! shutdown?
//!
//! Vendors announce the end of a method in prose more often than with the `deprecated` flag:
//! Ozon writes "Метод устаревает и будет отключён 7 апреля 2026 года. Переключитесь на
//! /v2/warehouse/list", WB "Данный метод устарел. Он будет удалён 24 декабря", Yandex Market
//! puts a structured `x-deprecation-config` beside the flag. [`shutdown_notice`] reads the
//! prose, [`operation_notice`] reads whatever an operation carries (including the
//! `x-market-shutdown` that the repository's prose-free snapshots keep in place of the
//! description), and [`guard`] checks a crate's declared operations against a vendor's
//! documents. One parser serves the snapshot tool, the guard tests and the drift report.

use std::fmt;

use chrono::NaiveDate;
use serde_json::{Value, json};

use crate::error::truncate_chars;
use crate::transport::Operation;

/// The longest phrase kept in a [`ShutdownNotice`], in characters.
pub const PHRASE_MAX_CHARS: usize = 200;

/// The key under which a prose-free snapshot records a shutdown notice on an operation.
pub const SHUTDOWN_KEY: &str = "x-market-shutdown";

/// A vendor's announcement that an operation is deprecated or will be switched off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShutdownNotice {
    /// The announced date, when the vendor gives a full one (day, month and year).
    pub date: Option<NaiveDate>,
    /// The first API path the notice names as the replacement (`/v2/warehouse/list`).
    pub successor: Option<String>,
    /// The vendor's sentence announcing it, as plain text, at most
    /// [`PHRASE_MAX_CHARS`] characters.
    pub phrase: String,
}

impl ShutdownNotice {
    /// The notice as the snapshot's `x-market-shutdown` object
    /// (`{"date": "YYYY-MM-DD" | null, "successor": "/path" | null, "phrase": "..."}`).
    pub fn to_json(&self) -> Value {
        json!({
            "date": self.date.map(|d| d.format("%Y-%m-%d").to_string()),
            "successor": self.successor,
            "phrase": self.phrase,
        })
    }

    /// Reads an `x-market-shutdown` object; `None` when it is not one.
    pub fn from_json(value: &Value) -> Option<Self> {
        let obj = value.as_object()?;
        let date = obj
            .get("date")
            .and_then(Value::as_str)
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
        let successor = obj
            .get("successor")
            .and_then(Value::as_str)
            .map(str::to_owned);
        let phrase = obj
            .get("phrase")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        Some(Self {
            date,
            successor,
            phrase,
        })
    }
}

impl fmt::Display for ShutdownNotice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.date {
            Some(d) => write!(f, "shutdown {d}")?,
            None => f.write_str("shutdown announced, no date")?,
        }
        if let Some(s) = &self.successor {
            write!(f, ", successor {s}")?;
        }
        Ok(())
    }
}

/// Reads a vendor's description and returns the shutdown or deprecation it announces, if any.
///
/// Recognised (after HTML tags and Markdown links are reduced to their text, `ё` read as
/// `е`, case ignored): a sentence whose subject is the method ("метод", "доступ к этому
/// методу", "method", "endpoint") and that says it "будет отключён", "отключим",
/// "устаревает", "устарел", "будет удалён", "перестанет работать", "is deprecated",
/// "will be disabled / removed / turned off / shut down", "no longer available / supported".
/// An imperative such as "отключите его" (the seller turns something off) or a parameter
/// being switched off ("параметр ... будет отключён") is not a notice.
///
/// The date is the first full date (day, month name in the genitive or in English, year; or
/// `YYYY-MM-DD`, `DD.MM.YYYY`) in that sentence or in the next one when it continues the
/// announcement ("Он будет удалён 24 декабря"); a day and month without a year give no date.
/// The successor is the first API path (a path with a `vN` segment or under `/api/`, also
/// inside a documentation anchor `paths/~1adv~1v3~1fullstats`) in the sentence or in one of
/// the two following ones that tells to switch ("Переключитесь на", "Используйте", "use").
pub fn shutdown_notice(description: &str) -> Option<ShutdownNotice> {
    let sentences = split_sentences(description);
    for (i, raw) in sentences.iter().enumerate() {
        let text = plain(raw);
        let lower = normalise(&text);
        if !is_notice(&lower) {
            continue;
        }
        let mut phrase = text;
        let mut date = find_date(&lower);
        if date.is_none()
            && let Some(next) = sentences.get(i + 1)
        {
            let next_text = plain(next);
            let next_lower = normalise(&next_text);
            if continues_notice(&next_lower) {
                date = find_date(&next_lower);
                phrase.push(' ');
                phrase.push_str(&next_text);
            }
        }
        let mut successor = first_api_path(raw);
        if successor.is_none() {
            for next in sentences.iter().skip(i + 1).take(2) {
                let next_lower = normalise(&plain(next));
                if tells_to_switch(&next_lower)
                    && let Some(p) = first_api_path(next)
                {
                    successor = Some(p);
                    break;
                }
            }
        }
        return Some(ShutdownNotice {
            date,
            successor,
            phrase: truncate_chars(phrase.trim(), PHRASE_MAX_CHARS),
        });
    }
    None
}

/// The shutdown notice an operation carries, wherever it is: the snapshot's
/// `x-market-shutdown`, Yandex Market's `x-deprecation-config` (its `shutdown-date` and
/// `replacement-operation-id`, resolved to a path in `doc`), or the prose of its
/// `description` and `summary` (see [`shutdown_notice`]).
pub fn operation_notice(doc: &Value, op: &Value) -> Option<ShutdownNotice> {
    if let Some(n) = op.get(SHUTDOWN_KEY).and_then(ShutdownNotice::from_json) {
        return Some(n);
    }
    if let Some(cfg) = op.get("x-deprecation-config").and_then(Value::as_object) {
        let date_text = cfg
            .get("shutdown-date")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let replacement = cfg
            .get("replacement-operation-id")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let successor = operation_path_by_id(doc, replacement);
        let mut phrase = format!("x-deprecation-config: shutdown-date {date_text}");
        if !replacement.is_empty() {
            phrase.push_str(&format!(", replacement-operation-id {replacement}"));
        }
        return Some(ShutdownNotice {
            date: NaiveDate::parse_from_str(date_text, "%Y-%m-%d").ok(),
            successor,
            phrase: truncate_chars(&phrase, PHRASE_MAX_CHARS),
        });
    }
    ["description", "summary"]
        .iter()
        .filter_map(|k| op.get(*k).and_then(Value::as_str))
        .find_map(shutdown_notice)
}

/// The path of the operation with this `operationId` in `doc`.
fn operation_path_by_id(doc: &Value, id: &str) -> Option<String> {
    if id.is_empty() {
        return None;
    }
    let paths = doc.get("paths")?.as_object()?;
    paths.iter().find_map(|(path, item)| {
        item.as_object()?
            .values()
            .any(|op| op.get("operationId").and_then(Value::as_str) == Some(id))
            .then(|| path.clone())
    })
}

/// The HTTP methods an OpenAPI path item may hold, lower case.
pub const HTTP_METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// A path template with its parameter names dropped (`/v2/campaigns/{}/offers`), so that
/// `{campaignId}` and `{id}` compare equal.
pub fn path_key(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut in_param = false;
    for c in path.chars() {
        match c {
            '{' => {
                in_param = true;
                out.push('{');
            }
            '}' => {
                in_param = false;
                out.push('}');
            }
            _ if in_param => {}
            _ => out.push(c),
        }
    }
    out
}

/// One operation found in a set of documents.
#[derive(Debug, Clone, Copy)]
pub struct Found<'a> {
    /// The document it is in.
    pub doc: &'a Value,
    /// The path as the document spells it.
    pub path: &'a str,
    /// The operation object.
    pub op: &'a Value,
}

/// Finds `method path` in the documents (method in any case; path parameter names ignored).
pub fn find_operation<'a>(docs: &'a [Value], method: &str, path: &str) -> Option<Found<'a>> {
    let method = method.to_ascii_lowercase();
    let key = path_key(path);
    docs.iter().find_map(|doc| {
        doc.get("paths")?
            .as_object()?
            .iter()
            .filter(|(p, _)| path_key(p) == key)
            .find_map(|(p, item)| {
                let op = item.get(&method)?;
                op.is_object().then_some(Found {
                    doc,
                    path: p.as_str(),
                    op,
                })
            })
    })
}

/// What is wrong with one declared operation (see [`GuardProblem`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GuardKind {
    /// No document has this method and path.
    Missing,
    /// The operation is marked `deprecated: true`.
    Deprecated,
    /// The vendor announces the operation's shutdown or deprecation.
    ShutdownAnnounced {
        /// The announced date, when given.
        date: Option<NaiveDate>,
        /// The replacement the vendor names, when it does.
        successor: Option<String>,
        /// Whether the date is before the day of the check.
        past: bool,
        /// The vendor's sentence.
        phrase: String,
    },
}

/// A declared operation that the vendor's documents say should not be called any more.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GuardProblem {
    /// The operation's name in the crate.
    pub name: String,
    /// Its HTTP method.
    pub method: String,
    /// Its path template, as the crate declares it.
    pub path: String,
    /// What is wrong.
    pub kind: GuardKind,
}

impl fmt::Display for GuardProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({} {}): ", self.name, self.method, self.path)?;
        match &self.kind {
            GuardKind::Missing => f.write_str("not in the vendor's current spec (removed?)"),
            GuardKind::Deprecated => f.write_str("marked deprecated in the vendor's spec"),
            GuardKind::ShutdownAnnounced {
                date,
                successor,
                past,
                phrase,
            } => {
                match date {
                    Some(d) if *past => write!(f, "switched off since {d}")?,
                    Some(d) => write!(f, "shutdown announced for {d}")?,
                    None => f.write_str("shutdown announced (no date)")?,
                }
                if let Some(s) = successor {
                    write!(f, "; successor {s}")?;
                }
                write!(f, " — \"{phrase}\"")
            }
        }
    }
}

/// Checks the crate's declared operations against the vendor's documents (prose-free
/// snapshots or full vendor documents alike): each must exist (parameter names in path
/// templates ignored), not be `deprecated`, and carry no shutdown notice
/// ([`operation_notice`]). Returns every problem found; empty means all clear.
pub fn guard(docs: &[Value], ops: &[&Operation], today: NaiveDate) -> Vec<GuardProblem> {
    let mut problems = Vec::new();
    for op in ops {
        let problem = |kind| GuardProblem {
            name: op.name.to_owned(),
            method: op.method.as_str().to_owned(),
            path: op.path.to_owned(),
            kind,
        };
        let Some(found) = find_operation(docs, op.method.as_str(), op.path) else {
            problems.push(problem(GuardKind::Missing));
            continue;
        };
        if found.op.get("deprecated").and_then(Value::as_bool) == Some(true) {
            problems.push(problem(GuardKind::Deprecated));
        }
        if let Some(n) = operation_notice(found.doc, found.op) {
            problems.push(problem(GuardKind::ShutdownAnnounced {
                past: n.date.is_some_and(|d| d < today),
                date: n.date,
                successor: n.successor,
                phrase: n.phrase,
            }));
        }
    }
    problems
}

// --- text helpers ---------------------------------------------------------------------------

/// Splits a description into sentences: at line breaks and at `.`, `!`, `?` followed by
/// white space (so dots inside URLs and host names do not split).
fn split_sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut start = 0;
        let mut chars = line.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if matches!(c, '.' | '!' | '?') && chars.peek().is_none_or(|(_, n)| n.is_whitespace()) {
                let end = i + c.len_utf8();
                let s = line[start..end].trim();
                if !s.is_empty() {
                    out.push(s);
                }
                start = end;
            }
        }
        let s = line[start..].trim();
        if !s.is_empty() {
            out.push(s);
        }
    }
    out
}

/// Plain text of a Markdown/HTML fragment: tags and `{% ... %}` directives removed, Markdown
/// links reduced to their text, backticks and `*` dropped, white space collapsed.
fn plain(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(c) = rest.chars().next() {
        let len = c.len_utf8();
        match c {
            '<' => match rest.find('>') {
                Some(end) => rest = &rest[end + 1..],
                None => rest = &rest[len..],
            },
            '{' if rest.starts_with("{%") => match rest.find("%}") {
                Some(end) => rest = &rest[end + 2..],
                None => rest = &rest[len..],
            },
            ']' if rest[len..].starts_with('(') => match rest.find(')') {
                Some(end) => rest = &rest[end + 1..],
                None => rest = &rest[len..],
            },
            '[' | '`' | '*' => rest = &rest[len..],
            _ => {
                out.push(c);
                rest = &rest[len..];
            }
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lower case with `ё` read as `е`.
fn normalise(text: &str) -> String {
    text.to_lowercase().replace('ё', "е")
}

fn words(lower: &str) -> impl Iterator<Item = &str> {
    lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

fn is_notice(lower: &str) -> bool {
    let subject = words(lower).any(|w| matches!(w, "метод" | "методу" | "method" | "endpoint"));
    if !subject {
        return false;
    }
    const RU: [&str; 6] = [
        "будет отключен",
        "отключим",
        "устаревает",
        "будет удален",
        "перестанет работать",
        "больше не поддерживается",
    ];
    const EN: [&str; 9] = [
        "deprecated",
        "will be disabled",
        "will be removed",
        "will be turned off",
        "will be shut down",
        "will be switched off",
        "will stop working",
        "no longer available",
        "no longer supported",
    ];
    RU.iter().chain(EN.iter()).any(|p| lower.contains(p)) || words(lower).any(|w| w == "устарел")
}

fn continues_notice(lower: &str) -> bool {
    [
        "будет удален",
        "будет отключен",
        "отключим",
        "will be removed",
        "will be disabled",
        "will be turned off",
    ]
    .iter()
    .any(|p| lower.contains(p))
}

fn tells_to_switch(lower: &str) -> bool {
    ["переключит", "используйте", "перейдите", "use ", "switch"]
        .iter()
        .any(|p| lower.contains(p))
}

fn month_number(word: &str) -> Option<u32> {
    const RU: [&str; 12] = [
        "января",
        "февраля",
        "марта",
        "апреля",
        "мая",
        "июня",
        "июля",
        "августа",
        "сентября",
        "октября",
        "ноября",
        "декабря",
    ];
    const EN: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    RU.iter()
        .chain(EN.iter())
        .position(|m| *m == word)
        .and_then(|i| u32::try_from(i % 12 + 1).ok())
}

/// The first full date in a lower-cased sentence.
fn find_date(lower: &str) -> Option<NaiveDate> {
    let w: Vec<&str> = words(lower).collect();
    let num = |s: &str| -> Option<u32> {
        (s.chars().all(|c| c.is_ascii_digit()) && !s.is_empty() && s.len() <= 4)
            .then(|| s.parse().ok())
            .flatten()
    };
    let year = |s: &str| {
        num(s)
            .filter(|_| s.len() == 4)
            .and_then(|y| i32::try_from(y).ok())
    };
    for (i, word) in w.iter().enumerate() {
        // 7 апреля 2026 / 7 april 2026
        if let (Some(d), Some(m), Some(y)) = (
            num(word),
            w.get(i + 1).and_then(|m| month_number(m)),
            w.get(i + 2).and_then(|y| year(y)),
        ) && let Some(date) = NaiveDate::from_ymd_opt(y, m, d)
        {
            return Some(date);
        }
        // april 7, 2026
        if let (Some(m), Some(d), Some(y)) = (
            month_number(word),
            w.get(i + 1).and_then(|d| num(d)),
            w.get(i + 2).and_then(|y| year(y)),
        ) && let Some(date) = NaiveDate::from_ymd_opt(y, m, d)
        {
            return Some(date);
        }
    }
    // 2026-04-07 or 07.04.2026
    lower.split_whitespace().find_map(|t| {
        let t = t.trim_matches(|c: char| !c.is_ascii_digit());
        NaiveDate::parse_from_str(t, "%Y-%m-%d")
            .or_else(|_| NaiveDate::parse_from_str(t, "%d.%m.%Y"))
            .ok()
    })
}

/// Whether a path looks like an API method path: a `vN` segment, or under `/api/`.
fn is_api_path(path: &str) -> bool {
    let segs: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    segs.len() >= 2
        && (segs.first() == Some(&"api")
            || segs.iter().any(|s| {
                s.len() >= 2 && s.starts_with('v') && s[1..].chars().all(|c| c.is_ascii_digit())
            }))
}

/// The first API path in a raw (Markdown/HTML) sentence, with its byte offset.
fn first_api_path(raw: &str) -> Option<String> {
    let mut found: Vec<(usize, String)> = Vec::new();
    // Documentation anchors: `paths/~1adv~1v3~1fullstats/get`.
    let mut from = 0;
    while let Some(i) = raw[from..].find("paths/~1") {
        let start = from + i + "paths/".len();
        let end = raw[start..]
            .find(|c: char| c == '/' || c == ')' || c == '"' || c == '\'' || c.is_whitespace())
            .map_or(raw.len(), |e| start + e);
        let path = raw[start..end].replace("~1", "/").replace("~0", "~");
        if is_api_path(&path) {
            found.push((start, path));
        }
        from = end;
    }
    // Plain paths: `/v2/warehouse/list`, not part of a URL or an anchor.
    let bytes = raw.as_bytes();
    for (i, c) in raw.char_indices() {
        if c != '/' {
            continue;
        }
        let prev = raw[..i].chars().next_back();
        if prev.is_some_and(|p| p.is_alphanumeric() || "_-.:/~#?=&%".contains(p)) {
            continue;
        }
        let mut end = i + 1;
        while end < bytes.len()
            && (bytes[end].is_ascii_alphanumeric() || b"_-/{}.".contains(&bytes[end]))
        {
            end += 1;
        }
        let path = raw[i..end].trim_end_matches(['.', '/']);
        if is_api_path(path) {
            found.push((i, path.to_owned()));
        }
    }
    found.into_iter().min_by_key(|(i, _)| *i).map(|(_, p)| p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    // Ozon 2026-06, /v1/warehouse/list.
    #[test]
    fn ozon_method_becoming_obsolete_with_date_and_successor_link() {
        let d = "<aside class=\"warning\">\nМетод устаревает и будет отключён 7 апреля 2026 года. \
                 Переключитесь на <a href=\"#operation/WarehouseListV2\">/v2/warehouse/list</a>.\n\
                 </aside>\n\nВозвращает список складов FBS и rFBS. Чтобы получить список складов FBO, \
                 используйте метод [/v1/cluster/list](#operation/SupplyDraftAPI_DraftClusterList).\n";
        let n = shutdown_notice(d).unwrap();
        assert_eq!(n.date, date(2026, 4, 7));
        assert_eq!(n.successor.as_deref(), Some("/v2/warehouse/list"));
        assert_eq!(
            n.phrase,
            "Метод устаревает и будет отключён 7 апреля 2026 года."
        );
    }

    // Ozon 2026-06, /v3/posting/fbs/list.
    #[test]
    fn ozon_from_date_method_will_be_switched_off() {
        let d = "<aside class=\"warning\">\nС 1 июня 2026 года метод будет отключён. Переключитесь на \
                 <a href=\"#operation/PostingFbsList\">/v4/posting/fbs/list</a>.\n</aside>\n\n\
                 Возвращает список отправлений за указанный период времени.";
        let n = shutdown_notice(d).unwrap();
        assert_eq!(n.date, date(2026, 6, 1));
        assert_eq!(n.successor.as_deref(), Some("/v4/posting/fbs/list"));
    }

    // Ozon 2026-06, /v1/carriage/delivery/list: the notice comes after another warning.
    #[test]
    fn ozon_we_will_switch_off_the_method() {
        let d = "<aside class=\"warning\">\n  Метод не возвращает информацию по методам доставки, у \
                 которых нет отправлений.\n</aside>\n\nИспользуйте метод, чтобы получить список \
                 созданных отгрузок.\n\n<aside class=\"warning\">\n  20 марта 2026 года отключим метод. \
                 Переключитесь на <a href=\"#operation/X\">/v2/carriage/delivery/list</a>.\n</aside>\n";
        let n = shutdown_notice(d).unwrap();
        assert_eq!(n.date, date(2026, 3, 20));
        assert_eq!(n.successor.as_deref(), Some("/v2/carriage/delivery/list"));
        assert_eq!(n.phrase, "20 марта 2026 года отключим метод.");
    }

    // Ozon 2026-06, /v2/analytics/stock_on_warehouses and /v1/posting/fbs/package-label/create.
    #[test]
    fn ozon_in_the_future_without_date() {
        let d = "\n<aside class=\"warning\">\nВ будущем метод будет отключён. Переключитесь на \
                 <a href=\"#operation/AnalyticsAPI_AnalyticsStocks\">/v1/analytics/stocks</a>.\n</aside>\n";
        let n = shutdown_notice(d).unwrap();
        assert_eq!(n.date, None);
        assert_eq!(n.successor.as_deref(), Some("/v1/analytics/stocks"));
        let d = "В будущем метод будет отключён. Мы предупредим вас об этом за месяц. Переключитесь на \
                 <a href=\"#operation/PostingAPI_CreateLabelBatchV2\">/v2/posting/fbs/package-label/create</a>.";
        let n = shutdown_notice(d).unwrap();
        assert_eq!(
            n.successor.as_deref(),
            Some("/v2/posting/fbs/package-label/create")
        );
    }

    // Ozon 2026-06, /v1/draft/create: several successors, the first is taken.
    #[test]
    fn ozon_use_one_of_several() {
        let d = "Метод устаревает и будет отключён 16 марта 2026 года. Используйте \
                 <a href=\"#operation/DraftCrossdockCreate\">/v1/draft/crossdock/create</a>, \
                 <a href=\"#operation/DraftDirectCreate\">/v1/draft/direct/create</a>.";
        let n = shutdown_notice(d).unwrap();
        assert_eq!(n.date, date(2026, 3, 16));
        assert_eq!(n.successor.as_deref(), Some("/v1/draft/crossdock/create"));
    }

    // Ozon 2026-06, /v1/review/list and /v1/actions/discounts-task/list.
    #[test]
    fn ozon_obsolete_without_shutdown_words() {
        let n = shutdown_notice("<aside>\n  Метод устаревает. Переключитесь на <a href=\"#operation/ReviewListV2\">/v2/review/list</a>.\n</aside>").unwrap();
        assert_eq!(n.date, None);
        assert_eq!(n.successor.as_deref(), Some("/v2/review/list"));
        let n = shutdown_notice("Метод устаревает и будет отключён в будущем. Переключитесь на <a href=\"#operation/GetDiscountTaskListV2\">/v2/actions/discounts-task/list</a>.").unwrap();
        assert_eq!(n.date, None);
        assert_eq!(
            n.successor.as_deref(),
            Some("/v2/actions/discounts-task/list")
        );
    }

    // Ozon 2026-06: things that are not a method's end.
    #[test]
    fn ozon_false_positives_are_not_notices() {
        // /v1/product/import/prices: an imperative to the seller.
        assert_eq!(
            shutdown_notice(
                "Если у товара установлена минимальная цена и включено автоприменение в акции, \
                 отключите его и обновите \nминимальную цену."
            ),
            None
        );
        // /v1/cargoes/transport/activate.
        assert_eq!(
            shutdown_notice(
                "Если в поставке создано грузоместо, отключить транспортные грузоместа не получится."
            ),
            None
        );
        // Ozon 2025-09 /v1/actions/candidates: a parameter, not the method.
        assert_eq!(
            shutdown_notice(
                "С 5 мая 2025 параметр пагинации <tt>offset<tt> будет отключён. Переключитесь на параметр <tt>last_id<tt>."
            ),
            None
        );
        // /v1/review/list: parameters obsolete.
        assert_eq!(
            shutdown_notice("Эти параметры устарели, в новых отзывах их нет."),
            None
        );
        // /v1/posting/digital/list names another method in passing.
        assert_eq!(
            shutdown_notice(
                "Чтобы получить список отправлений в любом статусе, воспользуйтесь методом [/v2/posting/fbo/list](#operation/X)."
            ),
            None
        );
    }

    // WB 2025-12 (03-orders-fbs.yaml, GET /api/v3/orders/{orderId}/meta): no year.
    #[test]
    fn wb_obsolete_will_be_removed_without_year() {
        let n = shutdown_notice(
            "Данный метод устарел. Он будет удалён [24 декабря](https://dev.wildberries.ru/release-notes?id=371)\n",
        )
        .unwrap();
        assert_eq!(n.date, None);
        assert_eq!(n.successor, None);
        assert_eq!(n.phrase, "Данный метод устарел. Он будет удалён 24 декабря");
    }

    // WB 2025-12 (08-promotion.yaml, POST /adv/v2/fullstats): successor in a docs anchor.
    #[test]
    fn wb_successor_in_a_documentation_anchor() {
        let n = shutdown_notice(
            "Метод будет отключён 30 сентября. Используйте [актуальный метод](/openapi/promotion#tag/Statistika/paths/~1adv~1v3~1fullstats/get).\n",
        )
        .unwrap();
        assert_eq!(n.date, None);
        assert_eq!(n.successor.as_deref(), Some("/adv/v3/fullstats"));
    }

    // WB 2025-12 (07-orders-fbw.yaml): access through one host ends.
    #[test]
    fn wb_host_access_switched_off() {
        let n = shutdown_notice(
            "Доступ к этому методу с доменом `https://supplies-api.wildberries.ru` будет отключен [3 февраля](https://dev.wildberries.ru/release-notes?id=370)\n",
        )
        .unwrap();
        assert_eq!(n.successor, None);
        // WB 2026-08: "This user will no longer have access" is not about the method.
        assert_eq!(
            shutdown_notice("This user will no longer have access to the seller account."),
            None
        );
    }

    #[test]
    fn english_wording_and_iso_dates() {
        let n = shutdown_notice("This method is deprecated and will be disabled on April 7, 2026. Use /api/v2/x instead.").unwrap();
        assert_eq!(n.date, date(2026, 4, 7));
        assert_eq!(n.successor.as_deref(), Some("/api/v2/x"));
        let n = shutdown_notice("The method will be removed on 2026-09-01.").unwrap();
        assert_eq!(n.date, date(2026, 9, 1));
    }

    #[test]
    fn phrase_is_capped() {
        let long = format!("Метод устаревает и будет отключён {}", "очень ".repeat(100));
        let n = shutdown_notice(&long).unwrap();
        assert_eq!(n.phrase.chars().count(), PHRASE_MAX_CHARS);
    }

    #[test]
    fn notice_round_trips_through_json() {
        let n = ShutdownNotice {
            date: date(2026, 6, 1),
            successor: Some("/v4/posting/fbs/list".into()),
            phrase: "С 1 июня 2026 года метод будет отключён.".into(),
        };
        assert_eq!(ShutdownNotice::from_json(&n.to_json()), Some(n));
    }

    #[test]
    fn yandex_market_deprecation_config_resolves_the_replacement() {
        let doc = json!({"paths": {
            "/v2/campaigns/{campaignId}/orders": {"get": {"deprecated": true, "operationId": "getOrders",
                "x-deprecation-config": {"degradation-start-date": "2027-01-18", "shutdown-date": "2027-04-12",
                    "replacement-operation-id": "getBusinessOrders"}}},
            "/v1/businesses/{businessId}/orders": {"post": {"operationId": "getBusinessOrders"}}
        }});
        let op = &doc["paths"]["/v2/campaigns/{campaignId}/orders"]["get"];
        let n = operation_notice(&doc, op).unwrap();
        assert_eq!(n.date, date(2027, 4, 12));
        assert_eq!(
            n.successor.as_deref(),
            Some("/v1/businesses/{businessId}/orders")
        );
    }

    #[test]
    fn path_templates_compare_without_parameter_names() {
        assert_eq!(
            path_key("/v2/campaigns/{campaignId}/offers"),
            path_key("/v2/campaigns/{id}/offers")
        );
        assert_ne!(path_key("/v2/a/{x}"), path_key("/v2/a"));
    }
}
