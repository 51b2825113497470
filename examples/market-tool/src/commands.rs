//! The commands of `market`, each through `&dyn Marketplace` unless only a vendor call exists.

use std::collections::HashMap;
use std::io::{Read, Stdout};
use std::path::{Path, PathBuf};

use futures::StreamExt;
use market_core::{
    BatchReport, CancelReason, ItemKey, LabelFormat, Lifecycle, Marketplace, OrderId, OrderQuery,
    OrderStatus, PriceUpdate, RejectionStage, StockUpdate,
};
use ozon_api::models::products::ProductListFilter;
use serde::Serialize;

use crate::cli::{Cli, Command, Global};
use crate::csv_input::{self, FileError, Parsed};
use crate::output::{self, Format, Out, Table, report_exit_code};
use crate::{Channel, Failure, Vendor, common};

/// Items sent per slice of a push; progress is reported after each.
pub const PUSH_SLICE: usize = 1000;

pub(crate) type Stdio = Out<Stdout>;

/// Runs the command line; the exit code on success (3 for a partial batch).
pub async fn run(cli: Cli) -> Result<u8, Failure> {
    let format = if cli.global.table {
        Format::Table
    } else {
        Format::JsonLines
    };
    let mut out = Out::new(std::io::stdout(), format);
    // Input files and the window are checked before connecting, so a mistake costs no
    // sandbox start and no request.
    let command = match cli.command {
        Command::Relay(args) => return crate::relay::run(&cli.global, args, &mut out).await,
        other => other,
    };
    let Some(job) = prepare(command, &cli.global)? else {
        return crate::demo::run(&cli.global, &mut out).await;
    };
    let channel = crate::connect(&cli.global).await?;
    let market = channel.market.as_ref();
    match job {
        Job::Warehouses => warehouses(market, &mut out).await,
        Job::Orders(query) => orders(market, query, &mut out).await,
        Job::Order(id) => order(market, &id, &mut out).await,
        Job::PushStocks(parsed) => push_stocks(market, parsed, &mut out).await,
        Job::PushPrices(parsed) => push_prices(market, parsed, &mut out).await,
        Job::Confirm(id) => confirm(market, &id, &mut out).await,
        Job::Ship(id) => ship(market, &id, &mut out).await,
        Job::Cancel(id, reason) => cancel(market, &id, &reason, &mut out).await,
        Job::Label(id, file) => label(market, &id, &file, &mut out).await,
        Job::Cards => cards(&channel, &mut out).await,
    }
}

/// A command with its input read and checked.
enum Job {
    Warehouses,
    Orders(OrderQuery),
    Order(OrderId),
    PushStocks(Parsed<StockUpdate>),
    PushPrices(Parsed<PriceUpdate>),
    Confirm(OrderId),
    Ship(OrderId),
    Cancel(OrderId, CancelReason),
    Label(OrderId, PathBuf),
    Cards,
}

/// Reads and checks what a command needs before any request; `None` for `demo`, which
/// chooses its own marketplace.
fn prepare(command: Command, global: &Global) -> Result<Option<Job>, Failure> {
    Ok(Some(match command {
        Command::Demo => return Ok(None),
        Command::Relay(_) => {
            return Err(Failure::usage("relay is run before the other commands"));
        }
        Command::Warehouses => Job::Warehouses,
        Command::Orders { status } => {
            let window = global.window(chrono::Utc::now()).map_err(Failure::usage)?;
            Job::Orders(
                OrderQuery::window(window).with_statuses(status.into_iter().map(Lifecycle::from)),
            )
        }
        Command::Order { id } => Job::Order(order_id(&id)?),
        Command::PushStocks { file } => {
            Job::PushStocks(read_csv(&file, |b: &[u8]| csv_input::parse_stocks(b))?)
        }
        Command::PushPrices { file } => {
            Job::PushPrices(read_csv(&file, |b: &[u8]| csv_input::parse_prices(b))?)
        }
        Command::Confirm { id } => Job::Confirm(order_id(&id)?),
        Command::Ship { id } => Job::Ship(order_id(&id)?),
        Command::Cancel {
            id,
            reason,
            message,
        } => {
            let reason = if reason.is_none() && message.is_none() {
                CancelReason::out_of_stock()
            } else {
                CancelReason {
                    code: reason,
                    message,
                }
            };
            Job::Cancel(order_id(&id)?, reason)
        }
        Command::Label { id, output } => Job::Label(order_id(&id)?, output),
        Command::Cards => Job::Cards,
    }))
}

/// An order id from the command line: not blank.
fn order_id(id: &str) -> Result<OrderId, Failure> {
    let id = OrderId::from(id.trim());
    if id.is_blank() {
        return Err(Failure::usage("the order id is empty"));
    }
    Ok(id)
}

/// Reads and parses a CSV file (`-` for stdin). An unreadable file is an error (1), a file
/// without the expected header a usage error (2).
fn read_csv<T>(
    path: &Path,
    parse: impl Fn(&[u8]) -> Result<Parsed<T>, FileError>,
) -> Result<Parsed<T>, Failure> {
    let shown = path.display();
    let bytes = if path.as_os_str() == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| Failure::error(format!("cannot read stdin: {e}")))?;
        buf
    } else {
        std::fs::read(path).map_err(|e| Failure::error(format!("cannot read {shown}: {e}")))?
    };
    let parsed = parse(&bytes).map_err(|e| Failure::usage(format!("{shown}: {e}")))?;
    for r in &parsed.rejected {
        common::note(&format!("{shown}: skipped {}", r.message));
    }
    Ok(parsed)
}

async fn warehouses(market: &dyn Marketplace, out: &mut Stdio) -> Result<u8, Failure> {
    let list = market
        .warehouses()
        .await
        .map_err(Failure::call("warehouses"))?;
    match out.format {
        Format::JsonLines => {
            for w in &list {
                out.json(w)?;
            }
        }
        Format::Table => out.table(&output::warehouse_table(&list))?,
    }
    common::note(&format!("{} warehouses", list.len()));
    Ok(output::EXIT_OK)
}

async fn orders(
    market: &dyn Marketplace,
    query: OrderQuery,
    out: &mut Stdio,
) -> Result<u8, Failure> {
    let window = query.window;
    let mut stream = market.orders(query);
    let mut table = Table::new(output::ORDER_COLUMNS);
    let mut count = 0usize;
    while let Some(item) = stream.next().await {
        let order =
            item.map_err(|e| Failure::error(format!("orders: after {count} orders: {e}")))?;
        count += 1;
        match out.format {
            Format::JsonLines => out.json(&order)?,
            Format::Table => table.push(output::order_row(&order)),
        }
        if out.is_closed() {
            return Ok(output::EXIT_OK);
        }
    }
    if out.format == Format::Table {
        out.table(&table)?;
    }
    common::note(&format!(
        "{count} orders from {} to {}",
        window.since.to_rfc3339(),
        window.until.to_rfc3339()
    ));
    Ok(output::EXIT_OK)
}

async fn order(market: &dyn Marketplace, id: &OrderId, out: &mut Stdio) -> Result<u8, Failure> {
    let o = market
        .order(id)
        .await
        .map_err(Failure::call(format!("order {id}")))?;
    match out.format {
        Format::JsonLines => out.json(&o)?,
        Format::Table => out.table(&output::order_table(std::slice::from_ref(&o)))?,
    }
    Ok(output::EXIT_OK)
}

/// Sends `items` in slices of [`PUSH_SLICE`], reporting progress on stderr after each.
///
/// A slice that fails as a whole is reported item by item (as
/// [`market_core::batch::failed_chunk`] does: stage `request`, or `retry_later` when the vendor
/// refused it unprocessed) and the next
/// slices still go, unless nothing was sent yet: then the call itself is the error. When the
/// host could not be reached for a slice (its items come back `not_sent`), the next slices are
/// not sent either: their items are reported `not_sent` at once.
async fn push_in_slices<T>(
    what: &str,
    items: &[T],
    key: impl Fn(&T) -> ItemKey,
    send: impl AsyncFn(&[T]) -> market_core::Result<BatchReport>,
) -> Result<BatchReport, Failure> {
    let total = items.len();
    let mut report = BatchReport::new();
    let mut done = 0;
    let mut unreachable: Option<String> = None;
    for slice in items.chunks(PUSH_SLICE) {
        if let Some(reason) = &unreachable {
            for item in slice {
                report.not_sent_item(
                    key(item),
                    Some("not_sent".into()),
                    format!("not sent: {reason}"),
                );
            }
            continue;
        }
        match send(slice).await {
            Ok(r) => {
                // Nothing of the slice left this machine: the host is down.
                let nothing_sent = r.accepted.is_empty()
                    && r.rejected.iter().all(|x| {
                        matches!(
                            x.stage,
                            RejectionStage::NotSent | RejectionStage::Validation
                        )
                    });
                if nothing_sent && let Some(first) = r.not_sent().next() {
                    let reason = first.message.trim_start_matches("not sent: ");
                    unreachable = Some(reason.to_owned());
                }
                report.merge(r);
            }
            Err(e) if done == 0 => return Err(Failure::error(format!("{what}: {e}"))),
            Err(e) => {
                if market_core::batch::is_host_down(&e) {
                    unreachable = Some(e.to_string());
                }
                let keys = slice.iter().map(&key).collect();
                report.merge(market_core::batch::failed_chunk(keys, &e));
            }
        }
        done += slice.len();
        common::note(&format!("pushed {done}/{total} {what}"));
    }
    Ok(report)
}

/// Prints a push's report and returns its exit code; when nothing was accepted and requests
/// failed as a whole (bad credentials, host down), the first such failure is the one line on
/// stderr.
fn finish_push<T>(
    what: &str,
    mut report: BatchReport,
    parsed: Parsed<T>,
    key: impl Fn(&T) -> ItemKey,
    out: &mut Stdio,
) -> Result<u8, Failure> {
    // Name the line of the file in what the library or the vendor rejected, as the reader
    // does for rows it could not read.
    let lines: HashMap<ItemKey, u64> = parsed
        .items
        .iter()
        .map(|(line, item)| (key(item), *line))
        .collect();
    for r in &mut report.rejected {
        if matches!(r.stage, RejectionStage::Request | RejectionStage::NotSent) {
            continue; // about the request that carried the item, not about its row
        }
        if let Some(line) = lines.get(&r.key) {
            r.message = format!("line {line}: {}", r.message);
        }
    }
    report.rejected.extend(parsed.rejected);
    out.report(&report)?;
    common::note(&output::batch_summary(what, &report));
    let code = report_exit_code(&report);
    if report.accepted.is_empty()
        && let Some(first) = report
            .rejected
            .iter()
            .find(|r| matches!(r.stage, RejectionStage::Request | RejectionStage::NotSent))
    {
        return Err(Failure {
            code,
            message: format!("{what}: nothing accepted: {}", first.message),
        });
    }
    Ok(code)
}

async fn push_stocks(
    market: &dyn Marketplace,
    parsed: Parsed<StockUpdate>,
    out: &mut Stdio,
) -> Result<u8, Failure> {
    let items = parsed.values();
    let report = if items.is_empty() {
        BatchReport::new()
    } else {
        push_in_slices("stocks", &items, StockUpdate::key, async |slice| {
            market.update_stocks(slice).await
        })
        .await?
    };
    finish_push("push-stocks", report, parsed, StockUpdate::key, out)
}

async fn push_prices(
    market: &dyn Marketplace,
    parsed: Parsed<PriceUpdate>,
    out: &mut Stdio,
) -> Result<u8, Failure> {
    let items = parsed.values();
    let report = if items.is_empty() {
        BatchReport::new()
    } else {
        push_in_slices("prices", &items, PriceUpdate::key, async |slice| {
            market.update_prices(slice).await
        })
        .await?
    };
    finish_push("push-prices", report, parsed, PriceUpdate::key, out)
}

/// What `ship` and `cancel` print: the order, the action and the status it has now.
#[derive(Debug, Serialize)]
struct ActionLine<'a> {
    order_id: &'a str,
    action: &'static str,
    status: Option<OrderStatus>,
}

async fn print_action(
    market: &dyn Marketplace,
    id: &OrderId,
    action: &'static str,
    out: &mut Stdio,
) -> Result<u8, Failure> {
    // The action succeeded; the status after it is a courtesy, so a failure to read it is a
    // note, not an error.
    let status = match market.order(id).await {
        Ok(o) => Some(o.status),
        Err(e) => {
            common::note(&format!("{action} done; cannot read order {id} back: {e}"));
            None
        }
    };
    let line = ActionLine {
        order_id: id.as_str(),
        action,
        status,
    };
    match out.format {
        Format::JsonLines => out.json(&line)?,
        Format::Table => {
            let mut t = Table::new(["order_id", "action", "status", "vendor_status"]);
            t.push([
                line.order_id.to_owned(),
                action.to_owned(),
                line.status
                    .as_ref()
                    .map(|s| output::name_of(&s.lifecycle))
                    .unwrap_or_default(),
                line.status
                    .as_ref()
                    .map(|s| s.raw.clone())
                    .unwrap_or_default(),
            ]);
            out.table(&t)?;
        }
    }
    Ok(output::EXIT_OK)
}

async fn confirm(market: &dyn Marketplace, id: &OrderId, out: &mut Stdio) -> Result<u8, Failure> {
    market
        .confirm_order(id)
        .await
        .map_err(Failure::call(format!("confirm order {id}")))?;
    print_action(market, id, "confirm", out).await
}

async fn ship(market: &dyn Marketplace, id: &OrderId, out: &mut Stdio) -> Result<u8, Failure> {
    market
        .ship_order(id)
        .await
        .map_err(Failure::call(format!("ship order {id}")))?;
    print_action(market, id, "ship", out).await
}

async fn cancel(
    market: &dyn Marketplace,
    id: &OrderId,
    reason: &CancelReason,
    out: &mut Stdio,
) -> Result<u8, Failure> {
    market
        .cancel_order(id, reason)
        .await
        .map_err(Failure::call(format!("cancel order {id}")))?;
    print_action(market, id, "cancel", out).await
}

/// What `label` prints.
#[derive(Debug, Serialize)]
struct LabelLine<'a> {
    order_id: &'a str,
    format: LabelFormat,
    bytes: usize,
    file: String,
}

async fn label(
    market: &dyn Marketplace,
    id: &OrderId,
    file: &Path,
    out: &mut Stdio,
) -> Result<u8, Failure> {
    let label = market
        .label(id)
        .await
        .map_err(Failure::call(format!("label of order {id}")))?;
    if LabelFormat::sniff(&label.bytes) != Some(label.format) {
        common::note(&format!(
            "label of order {id}: announced as {} but the bytes do not look like it",
            output::name_of(&label.format)
        ));
    }
    std::fs::write(file, &label.bytes).map_err(|e| {
        Failure::error(format!(
            "label of order {id}: cannot write {}: {e}",
            file.display()
        ))
    })?;
    let line = LabelLine {
        order_id: id.as_str(),
        format: label.format,
        bytes: label.bytes.len(),
        file: file.display().to_string(),
    };
    match out.format {
        Format::JsonLines => out.json(&line)?,
        Format::Table => {
            let mut t = Table::new(["order_id", "format", "bytes", "file"]);
            t.push([
                line.order_id.to_owned(),
                output::name_of(&line.format),
                line.bytes.to_string(),
                line.file.clone(),
            ]);
            out.table(&t)?;
        }
    }
    Ok(output::EXIT_OK)
}

/// What `cards` prints for one product.
#[derive(Debug, Serialize)]
struct CardLine {
    marketplace: &'static str,
    /// The seller's article (Ozon `offer_id`, WB `vendorCode`).
    offer_id: String,
    /// The marketplace's id (Ozon `product_id`, WB `nmID`).
    product_id: String,
    /// The barcodes, where the listing gives them (WB: one per size).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    barcodes: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    archived: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    has_fbs_stocks: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    has_fbo_stocks: Option<bool>,
}

/// Lists the products. The trait has no card listing, so this is the vendor's own call.
async fn cards(channel: &Channel, out: &mut Stdio) -> Result<u8, Failure> {
    let mut table = Table::new([
        "offer_id",
        "product_id",
        "barcodes",
        "archived",
        "has_fbs_stocks",
        "has_fbo_stocks",
    ]);
    let mut count = 0usize;
    let mut lines: futures::stream::BoxStream<'_, market_core::Result<CardLine>> =
        match &channel.vendor {
            Vendor::Ozon(ozon) => ozon
                .client
                .products()
                .list_stream(ProductListFilter::default())
                .map(|item| {
                    item.map(|p| CardLine {
                        marketplace: "ozon",
                        offer_id: p.offer_id,
                        product_id: p.product_id.to_string(),
                        barcodes: Vec::new(),
                        archived: Some(p.archived),
                        has_fbs_stocks: Some(p.has_fbs_stocks),
                        has_fbo_stocks: Some(p.has_fbo_stocks),
                    })
                })
                .boxed(),
            Vendor::Wb(wb) => wb
                .client
                .content()
                .cards_stream(wb_api::models::content::CardsFilter::default())
                .map(|item| {
                    item.map(|c| CardLine {
                        marketplace: "wb",
                        offer_id: c.vendor_code,
                        product_id: c.nm_id.to_string(),
                        barcodes: c.sizes.into_iter().flat_map(|s| s.skus).collect(),
                        archived: None,
                        has_fbs_stocks: None,
                        has_fbo_stocks: None,
                    })
                })
                .boxed(),
            Vendor::Ym(ym) => ym
                .client
                .client
                .offers()
                .list_stream(
                    ym.client.business,
                    yandex_market_api::models::offers::GetOfferMappingsRequest::default(),
                    yandex_market_api::api::offers::PageQuery::first(),
                )
                .map(|item| {
                    item.map(|m| {
                        let offer = m.offer.unwrap_or_default();
                        CardLine {
                            marketplace: "yandex-market",
                            product_id: m
                                .mapping
                                .and_then(|x| x.market_sku)
                                .map(|s| s.to_string())
                                .unwrap_or_default(),
                            barcodes: offer.barcodes,
                            archived: offer.archived,
                            has_fbs_stocks: None,
                            has_fbo_stocks: None,
                            offer_id: offer.offer_id,
                        }
                    })
                })
                .boxed(),
            Vendor::Megamarket(_) => {
                return Err(Failure::error(
                    "cards: Megamarket has no card listing; its catalogue is the YML feed \
                     the seller hosts (megamarket_api::feed)",
                ));
            }
            Vendor::RetailCrm(crm) => crm
                .client
                .store_products_list(
                    &Default::default(),
                    retailcrm_api::limits::PageSize::Hundred,
                )
                .map(|item| {
                    item.map(|p| CardLine {
                        marketplace: "retailcrm",
                        offer_id: p.external_id.or(p.article).unwrap_or_default(),
                        product_id: p.id.map(|id| id.to_string()).unwrap_or_default(),
                        barcodes: Vec::new(),
                        archived: p.active.map(|active| !active),
                        has_fbs_stocks: None,
                        has_fbo_stocks: None,
                    })
                })
                .boxed(),
        };
    while let Some(item) = lines.next().await {
        let line =
            item.map_err(|e| Failure::error(format!("cards: after {count} products: {e}")))?;
        count += 1;
        match out.format {
            Format::JsonLines => out.json(&line)?,
            Format::Table => {
                let yes = |b: Option<bool>| match b {
                    Some(true) => "yes".to_owned(),
                    Some(false) => "no".to_owned(),
                    None => "-".to_owned(),
                };
                table.push([
                    line.offer_id,
                    line.product_id,
                    line.barcodes.join(" "),
                    yes(line.archived),
                    yes(line.has_fbs_stocks),
                    yes(line.has_fbo_stocks),
                ]);
            }
        }
        if out.is_closed() {
            return Ok(output::EXIT_OK);
        }
    }
    if out.format == Format::Table {
        out.table(&table)?;
    }
    common::note(&format!("{count} products"));
    Ok(output::EXIT_OK)
}
