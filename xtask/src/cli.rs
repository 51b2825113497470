//! The command line: `cargo xtask snapshot ...`, `cargo xtask drift ...`,
//! `cargo xtask coverage ...`, `cargo xtask gen ...`.

use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};
use serde_json::Value;

use market_core::contract::drift::{Used, compare};

use crate::snapshot::{self, Source};

/// Maintenance commands of the market-rs workspace.
#[derive(Debug, Parser)]
#[command(name = "cargo xtask")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// A vendor with an OpenAPI spec.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Vendor {
    /// Ozon Seller API.
    Ozon,
    /// Wildberries (one document per API section).
    Wb,
    /// Yandex Market Partner API.
    YandexMarket,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Writes the prose-free snapshot of a vendor's OpenAPI document(s).
    ///
    /// A folder as input gives a folder as output: each OpenAPI file (JSON or YAML) becomes
    /// `<output>/<file stem>.json`; other files (manifests) are skipped.
    Snapshot {
        /// The vendor.
        vendor: Vendor,
        /// The vendor's document, or a folder of them.
        input: PathBuf,
        /// The output file (or folder, for a folder input).
        #[arg(short, long)]
        output: PathBuf,
        /// Where the input comes from: `owner/name:path/in/repo@commit YYYY-MM-DD`
        /// (for a folder, a path ending in `/` gets each file name appended).
        #[arg(long)]
        source_note: Option<String>,
        /// The source repository (overrides the note's).
        #[arg(long)]
        repository: Option<String>,
        /// The file's path in the source repository (overrides the note's).
        #[arg(long)]
        source_path: Option<String>,
        /// The source commit (overrides the note's).
        #[arg(long)]
        commit: Option<String>,
        /// The source commit's date (overrides the note's).
        #[arg(long)]
        date: Option<String>,
        /// An earlier document (or folder, matched by file name) of the same source, to fill
        /// the schemas the input cut short (`"[MaxDepth]"`) at the same places.
        #[arg(long)]
        fill_from: Option<PathBuf>,
        /// Where the earlier documents come from, as `--source-note`.
        #[arg(long)]
        fill_note: Option<String>,
    },
    /// Prints (Markdown) what changed between two snapshots of a vendor's spec.
    ///
    /// Inputs may be snapshots or the vendor's own documents (JSON or YAML; a folder reads
    /// every OpenAPI file in it); both are normalised the same way first.
    Drift {
        /// The vendor.
        vendor: Vendor,
        /// The older snapshot (file or folder).
        old: PathBuf,
        /// The newer snapshot (file or folder).
        new: PathBuf,
        /// Report the field changes of the operations this file lists, one per line:
        /// `METHOD /path [name]` (`#` starts a comment).
        #[arg(long, conflicts_with = "uses")]
        ops_file: Option<PathBuf>,
        /// Report the field changes of the operations this vendor crate calls today
        /// (its `api::OPERATIONS`).
        #[arg(long)]
        uses: Option<Vendor>,
    },
    /// Prints (Markdown) how many operations of a vendor's current snapshot its crate
    /// declares: declared, missing, retired (deprecated or announced off) and excluded (the
    /// crate's `spec/coverage-exclusions.txt`), by API section.
    Coverage {
        /// The vendor (default: the three with an OpenAPI spec).
        vendor: Option<Vendor>,
        /// Another snapshot than the crate's current one (file or folder; one vendor only).
        #[arg(long, requires = "vendor")]
        snapshot: Option<PathBuf>,
        /// List every missing operation.
        #[arg(long)]
        list: bool,
        /// Fail when a vendor's coverage is below this percentage.
        #[arg(long)]
        min_percent: Option<u32>,
    },
    /// Writes the generated wire models, operations, methods and contract tests of a vendor
    /// crate from its current snapshot (WB and Yandex Market).
    Gen {
        /// The vendor.
        vendor: Vendor,
        /// Regenerate in memory and fail when a committed file differs.
        #[arg(long)]
        check: bool,
    },
}

/// Runs the command line (without the program name); returns what to print.
pub fn run(args: &[String]) -> Result<String, String> {
    let cli = Cli::try_parse_from(std::iter::once("xtask".to_owned()).chain(args.iter().cloned()))
        .map_err(|e| e.to_string())?;
    match cli.command {
        Command::Snapshot {
            vendor: _,
            input,
            output,
            source_note,
            repository,
            source_path,
            commit,
            date,
            fill_from,
            fill_note,
        } => {
            let fill = match fill_from {
                Some(path) => Some(Fill {
                    path,
                    source: match fill_note {
                        Some(n) => Source::parse_note(&n)?,
                        None => Source::default(),
                    },
                }),
                None => None,
            };
            let mut source = match source_note {
                Some(n) => Source::parse_note(&n)?,
                None => Source::default(),
            };
            source.repository = repository.or(source.repository);
            source.path = source_path.or(source.path);
            source.commit = commit.or(source.commit);
            source.date = date.or(source.date);
            write_snapshots(&input, &output, &source, fill.as_ref())
        }
        Command::Drift {
            vendor,
            old,
            new,
            ops_file,
            uses,
        } => {
            let uses = match (ops_file, uses) {
                (Some(f), _) => read_ops_file(&f)?,
                (None, Some(v)) => crate_operations(v),
                (None, None) => Vec::new(),
            };
            drift_report(vendor, &old, &new, &uses)
        }
        Command::Coverage {
            vendor,
            snapshot,
            list,
            min_percent,
        } => coverage_report(vendor, snapshot.as_deref(), list, min_percent),
        Command::Gen { vendor, check } => generate(vendor, check),
    }
}

/// `cargo xtask gen`: writes (or with `check`, compares) a vendor crate's generated files.
pub fn generate(vendor: Vendor, check: bool) -> Result<String, String> {
    let root = crate::coverage::repo_root();
    let files = match vendor {
        Vendor::Wb => {
            let hand = crate::r#gen::wb::HandWritten {
                operations: wb_api::api::OPERATIONS
                    .iter()
                    .map(|op| {
                        (
                            format!(
                                "{} {}",
                                op.method.as_str(),
                                crate::r#gen::wb::path_key(op.path)
                            ),
                            op.limit_group.to_owned(),
                        )
                    })
                    .collect(),
                groups: wb_api::limits::TABLE
                    .iter()
                    .map(|g| g.group.to_owned())
                    .collect(),
            };
            crate::r#gen::wb::generate(&root, &hand)?
        }
        Vendor::YandexMarket => {
            let hand = crate::r#gen::HandWritten {
                operations: yandex_market_api::api::OPERATIONS
                    .iter()
                    .map(|op| {
                        (
                            format!("{} {}", op.method.as_str(), crate::r#gen::path_key(op.path)),
                            op.limit_group.to_owned(),
                        )
                    })
                    .collect(),
                groups: yandex_market_api::limits::table()
                    .iter()
                    .map(|l| l.operation.to_owned())
                    .collect(),
            };
            crate::r#gen::ym::generate(&root, &hand)?
        }
        other => return Err(format!("no generator for {} yet", vendor_name(other))),
    };
    crate::r#gen::write_or_check(&root, &files, check)
}

/// The coverage report of one vendor crate, or of the three; an error (with the report)
/// when a vendor is below `min_percent` or declares an operation its snapshot lacks.
pub fn coverage_report(
    vendor: Option<Vendor>,
    snapshot: Option<&Path>,
    list: bool,
    min_percent: Option<u32>,
) -> Result<String, String> {
    let vendors = match vendor {
        Some(v) => vec![v],
        None => vec![Vendor::Ozon, Vendor::Wb, Vendor::YandexMarket],
    };
    let mut out = String::new();
    let mut failures = Vec::new();
    for v in vendors {
        let cov = crate::coverage::crate_coverage(v, snapshot)?;
        out.push_str(&cov.to_markdown(&format!("{} coverage", vendor_name(v)), list));
        out.push('\n');
        if let Some(min) = min_percent
            && cov.per_mille() < min.saturating_mul(10)
        {
            failures.push(format!(
                "{} is below {min}% ({}.{}%)",
                vendor_name(v),
                cov.per_mille() / 10,
                cov.per_mille() % 10
            ));
        }
        if !cov.unknown.is_empty() {
            failures.push(format!(
                "{} declares operations its snapshot lacks: {}",
                vendor_name(v),
                cov.unknown.join(", ")
            ));
        }
    }
    if failures.is_empty() {
        Ok(out)
    } else {
        Err(format!("{out}{}\n", failures.join("\n")))
    }
}

/// The vendor's name in reports.
pub fn vendor_name(vendor: Vendor) -> &'static str {
    match vendor {
        Vendor::Ozon => "Ozon",
        Vendor::Wb => "Wildberries",
        Vendor::YandexMarket => "Yandex Market",
    }
}

/// Loads a snapshot (a file, or every OpenAPI file of a folder), normalised as
/// [`snapshot::snapshot`] does, so that raw vendor documents and snapshots compare alike.
pub fn load_snapshot(path: &Path) -> Result<Vec<Value>, String> {
    let files = if path.is_dir() {
        spec_files(path)?
    } else {
        vec![path.to_path_buf()]
    };
    let mut docs = Vec::new();
    for f in files {
        let doc = snapshot::load(&f)?;
        if snapshot::is_openapi(&doc) {
            docs.push(snapshot::snapshot(doc, &Source::default()));
        }
    }
    if docs.is_empty() {
        return Err(format!("no OpenAPI document in {}", path.display()));
    }
    Ok(docs)
}

/// The operations a vendor crate calls today (its `api::OPERATIONS`, and for WB and Yandex
/// Market the generated ones too: `<crate>::generated::ALL_OPERATIONS`).
pub fn crate_operations(vendor: Vendor) -> Vec<Used> {
    let ops: &[&market_core::transport::Operation] = match vendor {
        Vendor::Ozon => ozon_api::api::OPERATIONS,
        Vendor::Wb => wb_api::generated::ALL_OPERATIONS.as_slice(),
        Vendor::YandexMarket => yandex_market_api::generated::ALL_OPERATIONS.as_slice(),
    };
    ops.iter()
        .map(|op| Used {
            name: op.name.to_owned(),
            method: op.method.as_str().to_owned(),
            path: op.path.to_owned(),
        })
        .collect()
}

/// Reads an operations file: `METHOD /path [name]` per line, `#` comments.
pub fn read_ops_file(path: &Path) -> Result<Vec<Used>, String> {
    let text =
        std::fs::read_to_string(path).map_err(|e| format!("reading {}: {e}", path.display()))?;
    parse_ops(&text)
}

/// Parses the lines of an operations file.
pub fn parse_ops(text: &str) -> Result<Vec<Used>, String> {
    let mut out = Vec::new();
    for line in text.lines() {
        let line = line.split('#').next().unwrap_or_default().trim();
        if line.is_empty() {
            continue;
        }
        let mut parts = line.split_whitespace();
        let (Some(method), Some(path)) = (parts.next(), parts.next()) else {
            return Err(format!("bad operation line: {line}"));
        };
        out.push(Used {
            name: parts.next().unwrap_or("-").to_owned(),
            method: method.to_ascii_uppercase(),
            path: path.to_owned(),
        });
    }
    Ok(out)
}

/// The drift report between two snapshots of a vendor, for the operations in `uses`.
pub fn drift_report(
    vendor: Vendor,
    old: &Path,
    new: &Path,
    uses: &[Used],
) -> Result<String, String> {
    let old_docs = load_snapshot(old)?;
    let new_docs = load_snapshot(new)?;
    let drift = compare(&old_docs, &new_docs, uses);
    let name = vendor_name(vendor);
    Ok(drift.to_markdown(&format!(
        "{name} API drift: {} -> {}",
        old.display(),
        new.display()
    )))
}

/// Earlier documents of the same source, to fill what the input cut short.
#[derive(Debug, Clone)]
pub struct Fill {
    /// A document, or a folder of them matched by file name.
    pub path: PathBuf,
    /// Where they come from.
    pub source: Source,
}

impl Fill {
    /// The earlier documents for an input file: the file of the same name when `path` is a
    /// folder holding one, else every OpenAPI document of the folder (a source split into other
    /// files), or the one file `path` names.
    fn older(&self, file_name: &str) -> Result<Vec<Value>, String> {
        if !self.path.is_dir() {
            return snapshot::load(&self.path).map(|d| vec![d]);
        }
        let same = self.path.join(file_name);
        let files = if same.is_file() {
            vec![same]
        } else {
            spec_files(&self.path)?
        };
        let mut docs = Vec::new();
        for f in files {
            let d = snapshot::load(&f)?;
            if snapshot::is_openapi(&d) {
                docs.push(d);
            }
        }
        Ok(docs)
    }
}

/// Writes the snapshot of a file, or of every OpenAPI file of a folder; returns a summary.
pub fn write_snapshots(
    input: &Path,
    output: &Path,
    source: &Source,
    fill: Option<&Fill>,
) -> Result<String, String> {
    let mut summary = String::new();
    if input.is_dir() {
        std::fs::create_dir_all(output)
            .map_err(|e| format!("creating {}: {e}", output.display()))?;
        for file in spec_files(input)? {
            let doc = snapshot::load(&file)?;
            if !snapshot::is_openapi(&doc) {
                summary.push_str(&format!("skipped {} (not OpenAPI)\n", file.display()));
                continue;
            }
            let name = file_name(&file);
            let stem = file
                .file_stem()
                .and_then(|s| s.to_str())
                .ok_or_else(|| format!("bad file name {}", file.display()))?;
            let out = output.join(format!("{stem}.json"));
            summary.push_str(&write_one(doc, &out, &source.for_file(&name), fill, &name)?);
        }
    } else {
        let doc = snapshot::load(input)?;
        if let Some(dir) = output.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
        }
        summary.push_str(&write_one(doc, output, source, fill, &file_name(input))?);
    }
    Ok(summary)
}

fn write_one(
    mut doc: Value,
    out: &Path,
    source: &Source,
    fill: Option<&Fill>,
    name: &str,
) -> Result<String, String> {
    let mut filled = None;
    if let Some(fill) = fill {
        let older = fill.older(name)?;
        let report = crate::fill::fill_cut(&mut doc, &older);
        let src = fill.source.for_file(name);
        filled = Some(serde_json::json!({
            "repository": src.repository,
            "path": src.path,
            "commit": src.commit,
            "date": src.date,
            "filled": report.filled,
            "left": report.left,
        }));
    }
    let mut snap = snapshot::snapshot(doc, source);
    if let (Some(f), Some(info)) = (filled, snap.get_mut("info").and_then(Value::as_object_mut)) {
        info.insert("x-filled-from".into(), f);
    }
    let text = snapshot::to_pretty(&snap);
    std::fs::write(out, &text).map_err(|e| format!("writing {}: {e}", out.display()))?;
    Ok(format!(
        "wrote {} ({} operations, {} bytes)\n",
        out.display(),
        operation_count(&snap),
        text.len()
    ))
}

/// The JSON and YAML files of a folder, sorted by name.
pub fn spec_files(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("reading {}: {e}", dir.display()))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.is_file()
                && p.extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| matches!(e, "json" | "yaml" | "yml"))
        })
        .collect();
    files.sort();
    Ok(files)
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_owned()
}

/// The number of operations in a document.
pub fn operation_count(doc: &Value) -> usize {
    doc.get("paths")
        .and_then(Value::as_object)
        .map_or(0, |paths| {
            paths
                .values()
                .filter_map(Value::as_object)
                .map(|item| {
                    market_core::contract::lifecycle::HTTP_METHODS
                        .iter()
                        .filter(|m| item.get(**m).is_some_and(Value::is_object))
                        .count()
                })
                .sum()
        })
}
