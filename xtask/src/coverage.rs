//! `cargo xtask coverage`: how much of a vendor's current snapshot a crate declares.
//!
//! Every operation of the snapshot falls in exactly one class:
//!
//! - **declared**: the crate has an [`Operation`] for it (`api::OPERATIONS`; method and path
//!   template compared with parameter names dropped, as [`lifecycle::path_key`] does);
//! - **retired**: the vendor marks it `deprecated` or announces its shutdown
//!   ([`lifecycle::operation_notice`]); a crate must not call it, so it does not count;
//! - **excluded**: listed in the crate's exclusion file (`<crate>/spec/coverage-exclusions.txt`,
//!   one `METHOD /path  # reason` per line) with a reason (partner-only, a duplicate of
//!   another method, ...);
//! - **missing**: none of the above.
//!
//! Coverage is declared / (declared + missing): the share of the operations a seller can call
//! that the crate offers. An exclusion without a reason, or one naming an operation the
//! snapshot lacks or the crate declares, is an error: the list can only hold live, reasoned
//! entries. A declared operation the snapshot lacks is reported too (the lifecycle guard
//! tests fail on it as well).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use market_core::contract::lifecycle::{self, HTTP_METHODS};
use market_core::transport::Operation;
use serde_json::Value;

use crate::cli::{Vendor, load_snapshot};

/// Where one operation of a snapshot stands for the crate.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Class {
    /// The crate declares it.
    Declared,
    /// Deprecated or announced for shutdown by the vendor.
    Retired,
    /// Left out on purpose, for the reason given.
    Excluded(String),
    /// Not declared, not retired, not excluded.
    Missing,
}

/// One operation of the snapshot and its class.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Upper-case HTTP method.
    pub method: String,
    /// The path as the snapshot spells it.
    pub path: String,
    /// The operation's first tag (its API section), `-` without one.
    pub tag: String,
    /// Its class.
    pub class: Class,
}

/// One line of an exclusion file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exclusion {
    /// Upper-case HTTP method.
    pub method: String,
    /// The path as written.
    pub path: String,
    /// Why the crate leaves it out.
    pub reason: String,
}

/// The coverage of one vendor crate against one snapshot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Coverage {
    /// Every operation of the snapshot, in path order.
    pub entries: Vec<Entry>,
    /// Declared operations the snapshot does not have (`METHOD /path`).
    pub unknown: Vec<String>,
}

impl Coverage {
    /// How many operations are in `class` (any reason, for [`Class::Excluded`]).
    pub fn count(&self, class: &Class) -> usize {
        self.entries
            .iter()
            .filter(|e| match (class, &e.class) {
                (Class::Excluded(_), Class::Excluded(_)) => true,
                (a, b) => a == b,
            })
            .count()
    }

    /// Declared operations in per mille of the operations a seller can call (declared and
    /// missing); 1000 when there are none.
    pub fn per_mille(&self) -> u32 {
        let declared = self.count(&Class::Declared);
        let callable = declared + self.count(&Class::Missing);
        if callable == 0 {
            return 1000;
        }
        u32::try_from(declared * 1000 / callable).unwrap_or(1000)
    }

    /// The report as Markdown: the counts, the missing operations by section (counts, and
    /// every operation with `list`), the unknown declared operations.
    pub fn to_markdown(&self, title: &str, list: bool) -> String {
        let mut out = String::new();
        let pm = self.per_mille();
        let _ = writeln!(out, "## {title}\n");
        let _ = writeln!(
            out,
            "{} operations: {} declared, {} missing, {} retired (deprecated or announced off), \
             {} excluded. Coverage {}.{}% of the {} callable.\n",
            self.entries.len(),
            self.count(&Class::Declared),
            self.count(&Class::Missing),
            self.count(&Class::Retired),
            self.count(&Class::Excluded(String::new())),
            pm / 10,
            pm % 10,
            self.count(&Class::Declared) + self.count(&Class::Missing),
        );
        let mut by_tag: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
        for e in &self.entries {
            let slot = by_tag.entry(e.tag.as_str()).or_default();
            match e.class {
                Class::Declared => slot.0 += 1,
                Class::Missing => slot.1 += 1,
                _ => {}
            }
        }
        let _ = writeln!(out, "| section | declared | missing |\n|---|---:|---:|");
        for (tag, (declared, missing)) in &by_tag {
            if declared + missing > 0 {
                let _ = writeln!(out, "| {tag} | {declared} | {missing} |");
            }
        }
        if list {
            let _ = writeln!(out, "\n### Missing\n");
            for e in self.entries.iter().filter(|e| e.class == Class::Missing) {
                let _ = writeln!(out, "- `{} {}` ({})", e.method, e.path, e.tag);
            }
        }
        if !self.unknown.is_empty() {
            let _ = writeln!(out, "\n### Declared but not in the snapshot\n");
            for u in &self.unknown {
                let _ = writeln!(out, "- `{u}`");
            }
        }
        out
    }
}

/// Parses an exclusion file: `METHOD /path  # reason` per line; blank lines and lines that
/// start with `#` are skipped.
///
/// # Errors
/// A line without a method and path, or without a reason.
pub fn parse_exclusions(text: &str) -> Result<Vec<Exclusion>, String> {
    let mut out = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (op, reason) = line.split_once('#').unwrap_or((line, ""));
        let reason = reason.trim();
        let mut parts = op.split_whitespace();
        let (Some(method), Some(path), None) = (parts.next(), parts.next(), parts.next()) else {
            return Err(format!(
                "exclusion line {}: expected `METHOD /path  # reason`: {line}",
                n + 1
            ));
        };
        if reason.is_empty() {
            return Err(format!(
                "exclusion line {}: {method} {path} has no reason",
                n + 1
            ));
        }
        out.push(Exclusion {
            method: method.to_ascii_uppercase(),
            path: path.to_owned(),
            reason: reason.to_owned(),
        });
    }
    Ok(out)
}

/// Classifies every operation of `docs` for a crate declaring `ops`, with `exclusions`.
///
/// # Errors
/// An exclusion naming an operation the documents lack, a declared one, or one listed twice.
pub fn coverage(
    docs: &[Value],
    ops: &[&Operation],
    exclusions: &[Exclusion],
) -> Result<Coverage, String> {
    let key = |method: &str, path: &str| (method.to_ascii_uppercase(), lifecycle::path_key(path));
    let declared: BTreeSet<(String, String)> = ops
        .iter()
        .map(|op| key(op.method.as_str(), op.path))
        .collect();
    let mut excluded: BTreeMap<(String, String), &Exclusion> = BTreeMap::new();
    for x in exclusions {
        let k = key(&x.method, &x.path);
        if declared.contains(&k) {
            return Err(format!(
                "{} {} is excluded but the crate declares it",
                x.method, x.path
            ));
        }
        if excluded.insert(k, x).is_some() {
            return Err(format!("{} {} is excluded twice", x.method, x.path));
        }
    }
    let mut entries = Vec::new();
    let mut seen = BTreeSet::new();
    for doc in docs {
        let Some(paths) = doc.get("paths").and_then(Value::as_object) else {
            continue;
        };
        for (path, item) in paths {
            for m in HTTP_METHODS {
                let Some(op) = item.get(m).filter(|o| o.is_object()) else {
                    continue;
                };
                let k = key(m, path);
                if !seen.insert(k.clone()) {
                    continue;
                }
                let retired = op.get("deprecated").and_then(Value::as_bool) == Some(true)
                    || lifecycle::operation_notice(doc, op).is_some();
                let class = if declared.contains(&k) {
                    Class::Declared
                } else if retired {
                    Class::Retired
                } else if let Some(x) = excluded.get(&k) {
                    Class::Excluded(x.reason.clone())
                } else {
                    Class::Missing
                };
                let tag = section(docs.len() > 1, doc, op, path);
                entries.push(Entry {
                    method: m.to_ascii_uppercase(),
                    path: path.clone(),
                    tag,
                    class,
                });
            }
        }
    }
    if let Some(x) = excluded
        .iter()
        .find(|(k, _)| !seen.contains(*k))
        .map(|e| e.1)
    {
        return Err(format!(
            "{} {} is excluded but the snapshot has no such operation",
            x.method, x.path
        ));
    }
    let unknown = ops
        .iter()
        .filter(|op| !seen.contains(&key(op.method.as_str(), op.path)))
        .map(|op| format!("{} {}", op.method.as_str(), op.path))
        .collect();
    entries.sort_by(|a, b| (&a.path, &a.method).cmp(&(&b.path, &b.method)));
    Ok(Coverage { entries, unknown })
}

/// The API section an operation belongs to: its first tag; else, in a spec split into
/// documents (WB), its document's title; else the first path segment that names a resource,
/// past `api`, the version and the owner (`/v2/campaigns/{id}/orders/{id}/boxes` is in
/// `orders`, `/v3/posting/fbs/list` in `posting`).
pub fn section(split: bool, doc: &Value, op: &Value, path: &str) -> String {
    let first_tag = op
        .get("tags")
        .and_then(Value::as_array)
        .and_then(|t| t.first())
        .and_then(Value::as_str);
    if let Some(tag) = first_tag {
        return tag.to_owned();
    }
    if split && let Some(title) = doc.pointer("/info/title").and_then(Value::as_str) {
        return title.to_owned();
    }
    let mut rest = path
        .split('/')
        .filter(|s| !s.is_empty() && *s != "api" && !is_version(s))
        .peekable();
    let mut owner_skipped = false;
    while let Some(segment) = rest.next() {
        if segment.starts_with('{') {
            continue;
        }
        let member_follows = rest.peek().is_some_and(|n| n.starts_with('{'));
        if member_follows && !owner_skipped {
            // `campaigns/{id}` or `businesses/{id}`: the owner, when a resource follows.
            let _ = rest.next();
            if rest.peek().is_some() {
                owner_skipped = true;
                continue;
            }
        }
        return segment.to_owned();
    }
    "-".to_owned()
}

/// `v1`, `v2`, ...
fn is_version(segment: &str) -> bool {
    segment
        .strip_prefix('v')
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

/// The repository's root (the xtask crate's parent).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The crate's current snapshot, relative to the repository's root.
pub fn current_snapshot(vendor: Vendor) -> PathBuf {
    let root = repo_root();
    match vendor {
        Vendor::Ozon => root.join("ozon-api/spec/seller-api.2026-06.json"),
        Vendor::Wb => root.join("wb-api/spec/2026-08"),
        Vendor::YandexMarket => root.join("yandex-market-api/spec/openapi.json"),
    }
}

/// The crate's exclusion file, relative to the repository's root.
pub fn exclusions_file(vendor: Vendor) -> PathBuf {
    let dir = match vendor {
        Vendor::Ozon => "ozon-api",
        Vendor::Wb => "wb-api",
        Vendor::YandexMarket => "yandex-market-api",
    };
    repo_root().join(dir).join("spec/coverage-exclusions.txt")
}

/// The operations the vendor crate declares (WB and Yandex Market: the hand-written and the
/// generated ones).
pub fn declared(vendor: Vendor) -> &'static [&'static Operation] {
    match vendor {
        Vendor::Ozon => ozon_api::api::OPERATIONS,
        Vendor::Wb => wb_api::generated::ALL_OPERATIONS.as_slice(),
        Vendor::YandexMarket => yandex_market_api::generated::ALL_OPERATIONS.as_slice(),
    }
}

/// The coverage of a vendor crate against `snapshot` (default: the crate's current one),
/// with the crate's exclusion file when it exists.
///
/// # Errors
/// An unreadable snapshot or exclusion file, or a bad exclusion.
pub fn crate_coverage(vendor: Vendor, snapshot: Option<&Path>) -> Result<Coverage, String> {
    let path = snapshot.map_or_else(|| current_snapshot(vendor), Path::to_path_buf);
    let docs = load_snapshot(&path)?;
    let file = exclusions_file(vendor);
    let exclusions = if file.is_file() {
        let text = std::fs::read_to_string(&file)
            .map_err(|e| format!("reading {}: {e}", file.display()))?;
        parse_exclusions(&text).map_err(|e| format!("{}: {e}", file.display()))?
    } else {
        Vec::new()
    };
    coverage(&docs, declared(vendor), &exclusions)
}
