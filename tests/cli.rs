//! The logic of the `market` command-line tool (the `market-tool` crate in
//! examples/market-tool): the CSV input, the JSON-lines and table output, the exit-code rule,
//! the command line, and the "sandbox or account" selection the examples share
//! (`market-examples-common` in examples/common).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{self, Write};

use clap::Parser as _;
use market::core::{BatchReport, ItemKey, Lifecycle, RejectionStage, StockUpdate};
use market_examples_common as common;
use market_tool::cli::{Cli, Command};
use market_tool::csv_input::{parse_prices, parse_stocks};
use market_tool::output::{self, Format, Out, Table};
use rust_decimal::Decimal;

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

// ---- CSV input -----------------------------------------------------------------------------

#[test]
fn stock_rows_are_read_with_their_line_numbers() {
    let csv = "offer_id,warehouse_id,quantity\nBALL,22142605386000,5\nBASKET, 22142605386000 ,0\n";
    let parsed = parse_stocks(csv.as_bytes()).unwrap();
    assert!(parsed.rejected.is_empty());
    assert_eq!(
        parsed.items,
        vec![
            (2, StockUpdate::new("BALL", "22142605386000", 5)),
            (3, StockUpdate::new("BASKET", "22142605386000", 0)),
        ]
    );
}

#[test]
fn a_bad_quantity_is_rejected_with_its_line_and_the_rest_is_kept() {
    let csv = "offer_id,warehouse_id,quantity\n\
               A,1,5\n\
               B,1,ten\n\
               C,1,2.5\n\
               D,1,7\n";
    let parsed = parse_stocks(csv.as_bytes()).unwrap();
    let offers: Vec<&str> = parsed
        .items
        .iter()
        .map(|(_, s)| s.offer_id.as_str())
        .collect();
    assert_eq!(offers, ["A", "D"]);
    assert_eq!(parsed.rejected.len(), 2);
    let b = &parsed.rejected[0];
    assert_eq!(b.key, ItemKey::stock("B", "1"));
    assert_eq!(b.stage, RejectionStage::Validation);
    assert_eq!(b.code.as_deref(), Some("csv"));
    assert_eq!(b.message, "line 3: quantity \"ten\" is not a whole number");
    assert!(parsed.rejected[1].message.starts_with("line 4: "));
}

#[test]
fn a_negative_quantity_is_left_to_the_library_validation() {
    let csv = "offer_id,warehouse_id,quantity\nA,1,-3\n";
    let parsed = parse_stocks(csv.as_bytes()).unwrap();
    assert_eq!(parsed.items.len(), 1);
    let (_, item) = &parsed.items[0];
    assert_eq!(
        item.validate(true),
        Err("quantity -3 is negative".to_owned())
    );
}

#[test]
fn empty_fields_extra_fields_and_repeated_keys_are_rejected_by_line() {
    let csv = "offer_id,warehouse_id,quantity\n\
               ,1,5\n\
               A,,5\n\
               A,1,\n\
               A,1,5,9\n\
               A,1,5\n\
               A,1,6\n";
    let parsed = parse_stocks(csv.as_bytes()).unwrap();
    assert_eq!(parsed.items, vec![(6, StockUpdate::new("A", "1", 5))]);
    let messages: Vec<&str> = parsed.rejected.iter().map(|r| r.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "line 2: offer_id is empty",
            "line 3: warehouse_id is empty",
            "line 4: quantity is empty",
            "line 5: 4 fields, the header has 3",
            "line 7: offer A at warehouse 1 already given on line 6",
        ]
    );
}

#[test]
fn the_header_may_be_reordered_spaced_and_start_with_a_bom() {
    let csv = "\u{feff}Quantity , offer_id,WAREHOUSE_ID\n3,A,1\n";
    let parsed = parse_stocks(csv.as_bytes()).unwrap();
    assert_eq!(parsed.items, vec![(2, StockUpdate::new("A", "1", 3))]);
}

#[test]
fn a_wrong_header_is_a_file_error() {
    let unknown = parse_stocks("offer,warehouse_id,quantity\nA,1,1\n".as_bytes()).unwrap_err();
    assert_eq!(
        unknown.to_string(),
        "line 1: unknown column \"offer\"; the header is offer_id,warehouse_id,quantity"
    );
    let missing = parse_stocks("offer_id,quantity\nA,1\n".as_bytes()).unwrap_err();
    assert!(
        missing.to_string().contains("no column \"warehouse_id\""),
        "{missing}"
    );
    let twice = parse_stocks("offer_id,offer_id,warehouse_id,quantity\n".as_bytes()).unwrap_err();
    assert!(twice.to_string().contains("appears twice"), "{twice}");
    let empty = parse_stocks("".as_bytes()).unwrap_err();
    assert!(empty.to_string().contains("empty"), "{empty}");
}

#[test]
fn a_header_alone_gives_nothing_to_send() {
    let parsed = parse_stocks("offer_id,warehouse_id,quantity\n".as_bytes()).unwrap();
    assert!(parsed.items.is_empty() && parsed.rejected.is_empty());
}

#[test]
fn old_and_min_prices_are_optional_as_values_and_as_columns() {
    let csv = "offer_id,price,old_price,min_price\n\
               A,1709,2100,1500\n\
               B,990,,\n\
               C,\"1299,50\",1500,\n\
               D,500\n";
    let parsed = parse_prices(csv.as_bytes()).unwrap();
    assert!(parsed.rejected.is_empty(), "{:?}", parsed.rejected);
    let items = parsed.values();
    assert_eq!(items[0].price, dec("1709"));
    assert_eq!(items[0].old_price, Some(dec("2100")));
    assert_eq!(items[0].min_price, Some(dec("1500")));
    assert_eq!((items[1].old_price, items[1].min_price), (None, None));
    assert_eq!(items[2].price, dec("1299.50"));
    assert_eq!(items[2].min_price, None);
    assert_eq!(items[3].price, dec("500"));

    let no_optional_columns = parse_prices("offer_id,price\nA,10\n".as_bytes()).unwrap();
    assert_eq!(no_optional_columns.values()[0].old_price, None);
}

#[test]
fn bad_prices_are_rejected_with_their_line() {
    let csv = "offer_id,price,old_price\nA,abc,\nB,,100\nC,100,x\nD,100,120\n";
    let parsed = parse_prices(csv.as_bytes()).unwrap();
    assert_eq!(parsed.items.len(), 1);
    assert_eq!(parsed.items[0].0, 5);
    let messages: Vec<&str> = parsed.rejected.iter().map(|r| r.message.as_str()).collect();
    assert_eq!(
        messages,
        [
            "line 2: price \"abc\" is not a number",
            "line 3: price is empty",
            "line 4: old_price \"x\" is not a number",
        ]
    );
    assert_eq!(parsed.rejected[0].key, ItemKey::offer("A"));
}

// ---- Output --------------------------------------------------------------------------------

fn sample_report() -> BatchReport {
    let mut report = BatchReport::new();
    report.accept(ItemKey::stock("BALL", "22142605386000"));
    report.reject(
        ItemKey::stock("GHOST", "22142605386000"),
        RejectionStage::Vendor,
        Some("NOT_FOUND".into()),
        "NOT_FOUND: Product not found",
    );
    report
}

#[test]
fn a_batch_report_is_one_json_object_per_item() {
    let lines = output::batch_json_lines(&sample_report());
    assert_eq!(
        lines,
        [
            r#"{"status":"accepted","key":{"offer_id":"BALL","warehouse_id":"22142605386000"}}"#,
            r#"{"status":"rejected","key":{"offer_id":"GHOST","warehouse_id":"22142605386000"},"stage":"vendor","code":"NOT_FOUND","message":"NOT_FOUND: Product not found"}"#,
        ]
    );
    for line in &lines {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(v["key"]["offer_id"].is_string());
    }
}

#[test]
fn a_batch_report_as_a_table() {
    let lines = output::batch_table(&sample_report()).render();
    assert_eq!(
        lines,
        [
            "status    offer_id  warehouse_id    stage   code       message",
            "--------  --------  --------------  ------  ---------  ----------------------------",
            "accepted  BALL      22142605386000",
            "rejected  GHOST     22142605386000  vendor  NOT_FOUND  NOT_FOUND: Product not found",
        ]
    );
}

#[test]
fn tables_align_by_characters_and_keep_one_line_per_row() {
    let mut t = Table::new(["id", "name", "active"]);
    t.push(["1", "Склад Москва", "yes"]);
    t.push(["22", "a\nb", "no"]);
    t.push(["3"]);
    assert_eq!(
        t.render(),
        [
            "id  name          active",
            "--  ------------  ------",
            "1   Склад Москва  yes",
            "22  a b           no",
            "3",
        ]
    );
    assert!(t.render().iter().all(|l| !l.ends_with(' ')));
}

#[test]
fn an_empty_table_is_its_header() {
    let t = Table::new(["a", "bb"]);
    assert_eq!(t.render(), ["a  bb", "-  --"]);
}

#[test]
fn out_writes_reports_in_the_chosen_format() {
    let mut out = Out::new(Vec::new(), Format::JsonLines);
    out.report(&sample_report()).unwrap();
    let text = String::from_utf8(out.into_inner()).unwrap();
    assert_eq!(text.lines().count(), 2);
    assert!(text.ends_with('\n'));

    let mut out = Out::new(Vec::new(), Format::Table);
    out.report(&sample_report()).unwrap();
    let text = String::from_utf8(out.into_inner()).unwrap();
    assert!(text.starts_with("status    offer_id"));
}

/// A reader that went away after the first line (`market orders | head -1`).
struct ClosedAfterOne(usize);

impl Write for ClosedAfterOne {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.0 == 0 {
            return Err(io::Error::from(io::ErrorKind::BrokenPipe));
        }
        self.0 -= buf.iter().filter(|b| **b == b'\n').count().min(self.0);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_closed_pipe_stops_the_output_without_an_error() {
    let mut out = Out::new(ClosedAfterOne(1), Format::JsonLines);
    out.line("first").unwrap();
    assert!(!out.is_closed());
    out.line("second").unwrap();
    assert!(out.is_closed());
    out.line("third").unwrap();
}

#[test]
fn other_write_errors_are_errors() {
    struct Full;
    impl Write for Full {
        fn write(&mut self, _: &[u8]) -> io::Result<usize> {
            Err(io::Error::new(io::ErrorKind::StorageFull, "disk full"))
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }
    let mut out = Out::new(Full, Format::JsonLines);
    assert!(out.line("x").is_err());
    assert!(!out.is_closed());
}

// ---- Exit codes ----------------------------------------------------------------------------

#[test]
fn exit_codes_all_ok_partial_and_error() {
    assert_eq!(output::exit_code(10, 0), 0);
    assert_eq!(output::exit_code(0, 0), 0);
    assert_eq!(output::exit_code(9, 1), 3);
    assert_eq!(output::exit_code(0, 4), 1);
    assert_eq!(output::report_exit_code(&sample_report()), 3);
    let mut all_ok = BatchReport::new();
    all_ok.accept(ItemKey::offer("A"));
    assert_eq!(output::report_exit_code(&all_ok), output::EXIT_OK);
    let mut none_ok: BatchReport = BatchReport::new();
    none_ok.reject(
        ItemKey::offer("A"),
        RejectionStage::Request,
        None,
        "HTTP 401",
    );
    assert_eq!(output::report_exit_code(&none_ok), output::EXIT_ERROR);
    assert_eq!(output::EXIT_USAGE, 2);
}

// ---- Command line --------------------------------------------------------------------------

#[test]
fn statuses_take_kebab_and_snake_case_and_commas() {
    let cli = Cli::try_parse_from([
        "market",
        "orders",
        "--status",
        "awaiting_packaging,awaiting-shipment",
        "--status",
        "cancelled",
    ])
    .unwrap();
    let Command::Orders { status } = cli.command else {
        panic!("not orders");
    };
    let lifecycles: Vec<Lifecycle> = status.into_iter().map(Lifecycle::from).collect();
    assert_eq!(
        lifecycles,
        [
            Lifecycle::AwaitingPackaging,
            Lifecycle::AwaitingShipment,
            Lifecycle::Cancelled
        ]
    );
}

#[test]
fn global_flags_go_anywhere_and_the_window_defaults_to_seven_days() {
    let cli = Cli::try_parse_from(["market", "orders", "--table"]).unwrap();
    assert!(cli.global.table);
    let now = chrono::Utc::now();
    let w = cli.global.window(now).unwrap();
    assert_eq!(w.until, now);
    assert_eq!(w.until - w.since, chrono::TimeDelta::days(7));

    let cli = Cli::try_parse_from([
        "market",
        "--since",
        "2025-05-01T10:00:00+03:00",
        "orders",
        "--until",
        "2025-05-02",
    ])
    .unwrap();
    let w = cli.global.window(now).unwrap();
    assert_eq!(w.since.to_rfc3339(), "2025-05-01T07:00:00+00:00");
    assert_eq!(w.until.to_rfc3339(), "2025-05-02T00:00:00+00:00");

    let cli =
        Cli::try_parse_from(["market", "orders", "--days", "2", "--until", "2025-05-03"]).unwrap();
    let w = cli.global.window(now).unwrap();
    assert_eq!(w.since.to_rfc3339(), "2025-05-01T00:00:00+00:00");
}

#[test]
fn usage_errors_are_reported_by_clap_with_code_2() {
    for args in [
        vec!["market", "orders", "--since", "yesterday"],
        vec!["market", "--marketplace", "nowhere", "warehouses"],
        vec!["market", "frobnicate"],
        vec!["market", "label", "123"],
        vec!["market", "orders", "--days", "0"],
    ] {
        let e = Cli::try_parse_from(&args).unwrap_err();
        assert!(e.use_stderr(), "{args:?}");
        assert_eq!(e.exit_code(), 2, "{args:?}");
    }
}

#[test]
fn an_empty_window_is_refused() {
    let cli = Cli::try_parse_from([
        "market",
        "orders",
        "--since",
        "2025-05-02",
        "--until",
        "2025-05-01",
    ])
    .unwrap();
    let e = cli.global.window(chrono::Utc::now()).unwrap_err();
    assert!(e.contains("empty"), "{e}");
}

#[test]
fn cancel_and_label_take_their_arguments() {
    let cli = Cli::try_parse_from([
        "market",
        "cancel",
        "123-1",
        "--reason",
        "402",
        "--message",
        "buyer asked",
    ])
    .unwrap();
    match cli.command {
        Command::Cancel {
            id,
            reason,
            message,
        } => {
            assert_eq!(id, "123-1");
            assert_eq!(reason.as_deref(), Some("402"));
            assert_eq!(message.as_deref(), Some("buyer asked"));
        }
        other => panic!("{other:?}"),
    }
    let cli = Cli::try_parse_from(["market", "label", "123-1", "-o", "l.pdf"]).unwrap();
    assert!(matches!(cli.command, Command::Label { .. }));
}

#[test]
fn the_command_line_is_consistent() {
    use clap::CommandFactory as _;
    Cli::command().debug_assert();
}

// ---- The examples' shared module -----------------------------------------------------------

#[tokio::test]
async fn a_sandbox_elsewhere_is_reached_with_the_sandbox_credentials() {
    let sandbox = market::ozon::sandbox::Sandbox::start().await;
    let ozon = common::sandbox(Some(sandbox.uri())).await.unwrap();
    assert_eq!(ozon.target, common::Target::SandboxAt(sandbox.uri()));
    assert!(ozon.sandbox.is_none() && !ozon.is_account());
    let market: &dyn market::core::Marketplace = &ozon.client;
    let warehouses = market.warehouses().await.unwrap();
    assert_eq!(warehouses.len(), sandbox.warehouse_ids().len());
    let offers = common::catalogue(&ozon.client).await.unwrap();
    assert_eq!(offers, sandbox.offers());
    assert!(offers.iter().any(|o| o == common::KIT_OFFER));
    assert!(offers.iter().any(|o| o == common::BLOCKED_OFFER));
}

#[test]
fn confirm_takes_an_order_id() {
    let cli =
        Cli::try_parse_from(["market", "--marketplace", "wb", "confirm", "1555275607"]).unwrap();
    assert!(matches!(cli.command, Command::Confirm { ref id } if id == "1555275607"));
    assert!(Cli::try_parse_from(["market", "confirm"]).is_err());
}

#[test]
fn the_marketplace_is_chosen_on_the_command_line() {
    use market_tool::cli::MarketplaceArg;
    let cli = Cli::try_parse_from(["market", "warehouses"]).unwrap();
    assert_eq!(cli.global.marketplace, MarketplaceArg::Ozon);
    let cli = Cli::try_parse_from(["market", "--marketplace", "wb", "warehouses"]).unwrap();
    assert_eq!(cli.global.marketplace, MarketplaceArg::Wb);
    let cli = Cli::try_parse_from(["market", "orders", "--marketplace", "wb"]).unwrap();
    assert_eq!(cli.global.marketplace, MarketplaceArg::Wb);
}

#[tokio::test]
async fn the_wb_sandbox_is_reached_with_its_token_and_speaks_through_the_trait() {
    let sandbox = market::wb::sandbox::Sandbox::start().await;
    let wb = common::sandbox_of::<common::WbConnector>(Some(sandbox.uri()))
        .await
        .unwrap();
    assert_eq!(wb.target, common::Target::SandboxAt(sandbox.uri()));
    assert!(wb.sandbox.is_none() && !wb.is_account());
    let market: &dyn market::core::Marketplace = &wb.client;
    assert_eq!(market.kind(), market::core::MarketplaceKind::Wildberries);
    let warehouses = market.warehouses().await.unwrap();
    assert_eq!(warehouses.len(), sandbox.warehouse_ids().len());

    // Without a token or a URL the tool starts its own WB sandbox.
    if std::env::var("WB_API_TOKEN").is_err() && std::env::var("WB_BASE_URL").is_err() {
        let local = common::connect::<common::WbConnector>(None).await.unwrap();
        assert_eq!(local.target, common::Target::LocalSandbox);
        assert!(local.sandbox.is_some());
        let market: &dyn market::core::Marketplace = &local.client;
        assert!(!market.warehouses().await.unwrap().is_empty());
    }
}

#[tokio::test]
async fn the_yandex_market_sandbox_is_one_campaign_through_the_trait() {
    use market_tool::cli::MarketplaceArg;
    let cli = Cli::try_parse_from(["market", "--marketplace", "yandex-market", "orders"]).unwrap();
    assert_eq!(cli.global.marketplace, MarketplaceArg::YandexMarket);
    let sandbox = market::yandex_market::sandbox::Sandbox::start().await;
    let ym = common::sandbox_of::<common::YmConnector>(Some(sandbox.uri()))
        .await
        .unwrap();
    assert_eq!(ym.target, common::Target::SandboxAt(sandbox.uri()));
    assert_eq!(
        ym.client.business,
        market::yandex_market::sandbox::SANDBOX_BUSINESS_ID
    );
    assert_eq!(
        ym.client.campaign,
        market::yandex_market::sandbox::SANDBOX_CAMPAIGN_ID
    );
    let market: &dyn market::core::Marketplace = &ym.client;
    assert_eq!(market.kind(), market::core::MarketplaceKind::YandexMarket);
    let warehouses = market.warehouses().await.unwrap();
    assert_eq!(warehouses.len(), sandbox.warehouse_ids().len());
}

#[tokio::test]
async fn the_megamarket_sandbox_is_reached_with_its_token_and_starts_with_shipments() {
    use market_tool::cli::MarketplaceArg;
    let cli = Cli::try_parse_from(["market", "--marketplace", "megamarket", "orders"]).unwrap();
    assert_eq!(cli.global.marketplace, MarketplaceArg::Megamarket);
    let sandbox = market::megamarket::sandbox::Sandbox::start(Default::default()).await;
    let mm = common::sandbox_of::<common::MegamarketConnector>(Some(sandbox.uri()))
        .await
        .unwrap();
    assert_eq!(mm.target, common::Target::SandboxAt(sandbox.uri()));
    let market: &dyn market::core::Marketplace = &mm.client;
    assert_eq!(market.kind(), market::core::MarketplaceKind::Megamarket);

    // The tool's own sandbox is seeded with three shipments, one of them DBS.
    if std::env::var("MEGAMARKET_TOKEN").is_err() && std::env::var("MEGAMARKET_BASE_URL").is_err() {
        use futures::TryStreamExt as _;
        let local = common::connect::<common::MegamarketConnector>(None)
            .await
            .unwrap();
        assert_eq!(local.target, common::Target::LocalSandbox);
        let market: &dyn market::core::Marketplace = &local.client;
        let window = market::core::TimeWindow::last(chrono::Duration::days(1));
        let orders: Vec<_> = market
            .orders(market::core::OrderQuery::window(window))
            .try_collect()
            .await
            .unwrap();
        assert_eq!(orders.len(), 3);
        assert_eq!(
            orders
                .iter()
                .filter(|o| o.scheme == market::core::DeliveryScheme::Dbs)
                .count(),
            1
        );
    }
}

#[tokio::test]
async fn a_retailcrm_site_is_a_channel_with_its_stores_as_warehouses() {
    use market_tool::cli::MarketplaceArg;
    let cli = Cli::try_parse_from(["market", "--marketplace", "retailcrm", "warehouses"]).unwrap();
    assert_eq!(cli.global.marketplace, MarketplaceArg::Retailcrm);
    let sandbox = market::retailcrm::sandbox::Sandbox::start().await;
    let crm = common::sandbox_of::<common::RetailCrmConnector>(Some(sandbox.uri()))
        .await
        .unwrap();
    assert_eq!(crm.target, common::Target::SandboxAt(sandbox.uri()));
    let channel = crm
        .client
        .channel(common::retailcrm_site(), common::retailcrm_price_type());
    let market: &dyn market::core::Marketplace = &channel;
    assert_eq!(market.kind(), market::core::MarketplaceKind::RetailCrm);
    let warehouses = market.warehouses().await.unwrap();
    assert_eq!(warehouses.len(), 2);
}

#[tokio::test]
async fn the_stand_in_erp_is_an_idempotent_import_target() {
    use market::core::helpers::{MemoryLinkStore, OrderImporter};
    let sandbox =
        market::ozon::sandbox::Sandbox::start_with(market::ozon::sandbox::SandboxConfig {
            fbs_orders: 12,
            fbo_orders: 3,
            ..Default::default()
        })
        .await;
    let client = sandbox.client().unwrap();
    let importer = OrderImporter::new(MemoryLinkStore::new());
    let erp = common::Erp::default();
    let window = market::core::TimeWindow::last(chrono::TimeDelta::days(8));
    let first = importer.import(&client, window, &erp).await.unwrap();
    let second = importer.import(&client, window, &erp).await.unwrap();
    assert_eq!(first.created.len(), 15);
    assert!(second.created.is_empty());
    assert_eq!(erp.len(), 15);
    assert_eq!(erp.orders()[0].0.as_str(), "ERP-1");
}

#[test]
fn the_stand_in_stock_and_prices_are_stable_and_in_range() {
    for offer in ["SKU-0001", "BALL", "BASKET", ""] {
        let units = common::on_hand(offer, "22142605386000");
        assert!((0..30).contains(&units));
        assert_eq!(units, common::on_hand(offer, "22142605386000"));
        let base = common::base_price(offer);
        assert!(base >= dec("200") && base <= dec("2550"));
        assert_eq!(base % dec("50"), Decimal::ZERO);
    }
}

// ---- market relay ---------------------------------------------------------------------------

mod relay {
    use std::collections::HashSet;

    use clap::Parser as _;
    use market::core::{Lifecycle, Marketplace, TimeWindow};
    use market::ozon::models::common::PostingStatus;
    use market::ozon::sandbox::{Sandbox as OzonSandbox, SandboxConfig as OzonConfig};
    use market::retailcrm::desk::DeskAction;
    use market::retailcrm::sandbox::{Sandbox as CrmSandbox, SandboxConfig as CrmConfig};
    use market_examples_common as common;
    use market_tool::cli::{Cli, Command, MarketplaceArg};
    use market_tool::output::EXIT_USAGE;
    use market_tool::relay::{Mapping, Relay, StateFile};

    /// An Ozon emulator with `fbs` + `fbo` postings over the last week, and the RetailCRM
    /// emulator as the tool starts it (its catalogue holds every Ozon offer).
    async fn emulators(fbs: usize, fbo: usize) -> (OzonSandbox, CrmSandbox) {
        let ozon = OzonSandbox::start_with(OzonConfig {
            fbs_orders: fbs,
            fbo_orders: fbo,
            rate_limits: false,
            ..OzonConfig::default()
        })
        .await;
        let crm = CrmSandbox::start_with(CrmConfig {
            offers: common::RETAILCRM_SANDBOX_OFFERS,
            rate_limits: false,
            ..CrmConfig::default()
        })
        .await;
        common::seed_retailcrm(&crm);
        (ozon, crm)
    }

    fn crm_client(crm: &CrmSandbox) -> market::retailcrm::Client {
        crm.client_builder().without_rate_limits().build().unwrap()
    }

    fn week() -> TimeWindow {
        TimeWindow::last(chrono::TimeDelta::days(8))
    }

    const UPLOAD: &str = "POST /api/v5/orders/upload";
    const CREATE: &str = "POST /api/v5/orders/create";

    #[tokio::test]
    async fn the_first_relay_creates_every_order_and_the_second_finds_them_all() {
        let (ozon, crm) = emulators(50, 10).await;
        let shop = ozon.client().unwrap();
        let channels: [&dyn Marketplace; 1] = [&shop];
        let mut relay = Relay::open(crm_client(&crm), Mapping::defaults("shop"), None)
            .await
            .unwrap();

        let first = relay.round(&channels, week()).await.unwrap();
        assert_eq!(first.orders_read, 60);
        assert_eq!(first.created.len(), 60, "{:?}", first.rejected.first());
        assert!(first.already_there.is_empty() && first.rejected.is_empty());
        assert_eq!(first.exit_code(), 0);
        assert_eq!(crm.order_count(), 60);
        // 50 orders a request.
        assert_eq!(crm.requests().count(UPLOAD), 2);
        assert_eq!(crm.requests().count(CREATE), 0);
        // Each under its import key, in the status the mapping gives its state.
        let defaults = Mapping::defaults("shop");
        for (key, lifecycle) in &first.created {
            assert!(key.starts_with("ozon:"), "{key}");
            assert_eq!(
                crm.order_status(key).as_deref(),
                Some(defaults.desk.statuses[lifecycle].as_str()),
                "{key}"
            );
        }

        let second = relay.round(&channels, week()).await.unwrap();
        assert_eq!(second.orders_read, 60);
        assert!(second.created.is_empty(), "{:?}", second.created.first());
        assert_eq!(second.already_there.len(), 60);
        assert!(second.rejected.is_empty());
        assert_eq!(crm.order_count(), 60);
        assert_eq!(crm.requests().count(UPLOAD), 2, "nothing is sent again");

        // A new order on the marketplace is the only one created next time.
        let new = ozon.add_orders(1);
        let third = relay.round(&channels, week()).await.unwrap();
        assert_eq!(
            third.created,
            vec![(format!("ozon:{}", new[0]), Lifecycle::AwaitingPackaging)]
        );
        assert_eq!(third.already_there.len(), 60);
        let state = crm.state();
        let keys: HashSet<_> = state
            .orders
            .iter()
            .filter_map(|o| o.external_id.clone())
            .collect();
        assert_eq!(keys.len(), 61);
        assert_eq!(state.orders.len(), 61);
    }

    #[tokio::test]
    async fn a_managers_cancellation_in_retailcrm_cancels_the_ozon_posting_once() {
        let (ozon, crm) = emulators(12, 0).await;
        let shop = ozon.client().unwrap();
        let channels: [&dyn Marketplace; 1] = [&shop];
        let mut relay = Relay::open(crm_client(&crm), Mapping::defaults("shop"), None)
            .await
            .unwrap();
        let first = relay.round(&channels, week()).await.unwrap();
        assert!(
            first.statuses.is_empty(),
            "the relay's own writes are not echoed"
        );
        let mut open = first
            .created
            .iter()
            .filter(|(_, l)| *l == Lifecycle::AwaitingPackaging)
            .map(|(k, _)| k.clone());
        let (cancelled, assembled) = (open.next().unwrap(), open.next().unwrap());
        let posting = cancelled.strip_prefix("ozon:").unwrap().to_owned();
        assert_eq!(
            ozon.posting_status(&posting),
            Some(PostingStatus::AwaitingPackaging)
        );

        assert!(crm.manager_sets_status(&cancelled, "cancel-other"));
        // A status no action is mapped to is left alone.
        assert!(crm.manager_sets_status(&assembled, "assembling"));
        let second = relay.round(&channels, week()).await.unwrap();
        assert_eq!(second.applied(), 1, "{:?}", second.statuses);
        assert_eq!(second.skipped(), 0);
        assert_eq!(second.statuses[0].order, cancelled);
        assert_eq!(second.statuses[0].action, "cancel");
        assert_eq!(
            ozon.posting_status(&posting),
            Some(PostingStatus::Cancelled)
        );
        let other = assembled.strip_prefix("ozon:").unwrap();
        assert_eq!(
            ozon.posting_status(other),
            Some(PostingStatus::AwaitingPackaging)
        );
        let cancels = ozon.requests().count("POST /v2/posting/fbs/cancel");
        assert_eq!(cancels, 1);

        // At most once: the next round starts after the stored history id.
        let third = relay.round(&channels, week()).await.unwrap();
        assert!(third.statuses.is_empty(), "{:?}", third.statuses);
        assert_eq!(ozon.requests().count("POST /v2/posting/fbs/cancel"), 1);
    }

    #[tokio::test]
    async fn a_buyers_cancellation_on_the_marketplace_reaches_the_crm_order_once() {
        let (ozon, crm) = emulators(12, 0).await;
        let shop = ozon.client().unwrap();
        let channels: [&dyn Marketplace; 1] = [&shop];
        let mut relay = Relay::open(crm_client(&crm), Mapping::defaults("shop"), None)
            .await
            .unwrap();
        let first = relay.round(&channels, week()).await.unwrap();
        assert!(first.crm_updates.is_empty(), "{:?}", first.crm_updates);
        let key = first
            .created
            .iter()
            .find(|(_, l)| *l == Lifecycle::AwaitingPackaging)
            .map(|(k, _)| k.clone())
            .unwrap();
        assert_eq!(crm.order_status(&key).as_deref(), Some("new"));
        let posting = key.strip_prefix("ozon:").unwrap();
        assert!(ozon.cancel_by_buyer(&market::ozon::PostingNumber::new(posting)));

        let second = relay.round(&channels, week()).await.unwrap();
        assert_eq!(second.crm_updates.len(), 1, "{:?}", second.crm_updates);
        let update = &second.crm_updates[0];
        assert_eq!(
            (
                update.order.as_str(),
                update.crm_status.as_str(),
                update.status
            ),
            (key.as_str(), "cancel-other", "updated")
        );
        assert_eq!(crm.order_status(&key).as_deref(), Some("cancel-other"));
        // The relay's own edit is not a manager's cancellation sent back to Ozon.
        assert!(second.statuses.is_empty(), "{:?}", second.statuses);
        assert_eq!(ozon.requests().count("POST /v2/posting/fbs/cancel"), 0);
        assert_eq!(second.exit_code(), 0);

        // Once written, nothing more is sent for it.
        let edits = crm
            .requests()
            .count("POST /api/v5/orders/{identifier}/edit");
        let third = relay.round(&channels, week()).await.unwrap();
        assert!(third.crm_updates.is_empty(), "{:?}", third.crm_updates);
        assert!(third.statuses.is_empty());
        assert_eq!(
            crm.requests()
                .count("POST /api/v5/orders/{identifier}/edit"),
            edits
        );
    }

    /// A channel whose listing fails after the inner channel's last order.
    struct FailsAtTheEnd<'a>(&'a dyn Marketplace);

    #[async_trait::async_trait]
    impl Marketplace for FailsAtTheEnd<'_> {
        fn kind(&self) -> market::core::MarketplaceKind {
            self.0.kind()
        }
        fn account(&self) -> &str {
            self.0.account()
        }
        fn capabilities(&self) -> market::core::Capabilities {
            self.0.capabilities()
        }
        fn orders(
            &self,
            query: market::core::OrderQuery,
        ) -> futures::stream::BoxStream<'_, market::core::Result<market::core::Order>> {
            use futures::StreamExt as _;
            self.0
                .orders(query)
                .chain(futures::stream::once(async {
                    Err(market::core::Error::invalid("the listing broke off"))
                }))
                .boxed()
        }
        async fn order(
            &self,
            id: &market::core::OrderId,
        ) -> market::core::Result<market::core::Order> {
            self.0.order(id).await
        }
        async fn cancel_order(
            &self,
            id: &market::core::OrderId,
            reason: &market::core::CancelReason,
        ) -> market::core::Result<()> {
            self.0.cancel_order(id, reason).await
        }
    }

    #[tokio::test]
    async fn a_failing_channel_loses_nothing_it_gave_and_stops_nothing_else() {
        let (ozon, crm) = emulators(12, 0).await;
        let shop = ozon.client().unwrap();
        let failing = FailsAtTheEnd(&shop);
        let channels: [&dyn Marketplace; 1] = [&failing];
        let mut relay = Relay::open(crm_client(&crm), Mapping::defaults("shop"), None)
            .await
            .unwrap();
        let first = relay.round(&channels, week()).await.unwrap();
        assert_eq!(first.channel_errors.len(), 1);
        let error = &first.channel_errors[0];
        assert_eq!(error.channel, "ozon");
        assert_eq!(error.orders_read, 12);
        assert!(error.message.contains("broke off"), "{}", error.message);
        // Every order it gave before failing is in the CRM.
        assert_eq!(first.created.len(), 12);
        assert_eq!(crm.order_count(), 12);
        assert_eq!(first.exit_code(), market_tool::output::EXIT_PARTIAL);

        let key = first
            .created
            .iter()
            .find(|(_, l)| *l == Lifecycle::AwaitingPackaging)
            .map(|(k, _)| k.clone())
            .unwrap();
        // A manager's change is relayed although the listing fails again.
        assert!(crm.manager_sets_status(&key, "cancel-other"));
        let second = relay.round(&channels, week()).await.unwrap();
        assert_eq!(second.channel_errors.len(), 1);
        assert_eq!(second.applied(), 1, "{:?}", second.statuses);
        assert_eq!(
            ozon.posting_status(key.strip_prefix("ozon:").unwrap()),
            Some(PostingStatus::Cancelled)
        );
    }

    #[tokio::test]
    async fn the_history_id_is_kept_between_runs_and_a_first_run_starts_at_the_end() {
        let (ozon, crm) = emulators(6, 0).await;
        let shop = ozon.client().unwrap();
        let channels: [&dyn Marketplace; 1] = [&shop];
        let mut relay = Relay::open(crm_client(&crm), Mapping::defaults("shop"), None)
            .await
            .unwrap();
        let first = relay.round(&channels, week()).await.unwrap();
        let mut open = first
            .created
            .iter()
            .filter(|(_, l)| *l == Lifecycle::AwaitingPackaging)
            .map(|(k, _)| k.clone());
        let (before, after) = (open.next().unwrap(), open.next().unwrap());

        // A change made before a relay without a stored id is not applied by it.
        assert!(crm.manager_sets_status(&before, "cancel-other"));
        let mut fresh = Relay::open(crm_client(&crm), Mapping::defaults("shop"), None)
            .await
            .unwrap();
        let round = fresh.round(&channels, week()).await.unwrap();
        assert!(round.statuses.is_empty(), "{:?}", round.statuses);

        // The state file carries the id to the next process.
        let path = std::env::temp_dir().join(format!("market-relay-{}.json", std::process::id()));
        let saved = StateFile {
            orders_history_id: fresh.last_id().map(|h| h.0),
        };
        saved.write(&path).unwrap();
        assert!(crm.manager_sets_status(&after, "cancel-other"));
        let stored = StateFile::read(&path).unwrap();
        let _ = std::fs::remove_file(&path);
        assert_eq!(stored, saved);
        let mut next = Relay::open(
            crm_client(&crm),
            Mapping::defaults("shop"),
            stored.orders_history_id.map(market::retailcrm::HistoryId),
        )
        .await
        .unwrap();
        let round = next.round(&channels, week()).await.unwrap();
        let orders: Vec<&str> = round.statuses.iter().map(|s| s.order.as_str()).collect();
        assert_eq!(orders, [after.as_str()]);
        assert_eq!(
            StateFile::read(std::path::Path::new("/nonexistent/relay.json")).unwrap(),
            StateFile::default()
        );
    }

    #[tokio::test]
    async fn an_unknown_mapping_code_is_an_error_before_any_order_is_sent() {
        let (ozon, crm) = emulators(5, 0).await;
        let mut mapping = Mapping::defaults("shop");
        mapping
            .desk
            .statuses
            .insert(Lifecycle::Cancelled, "annulled".into());
        mapping.desk.payment_type = Some("crypto".into());
        mapping
            .actions
            .insert("no-such-status".into(), DeskAction::Ship);
        let err = Relay::open(crm_client(&crm), mapping, None)
            .await
            .unwrap_err();
        assert_eq!(err.code, EXIT_USAGE);
        for part in [
            "status \"annulled\"",
            "payment type \"crypto\"",
            "\"no-such-status\"",
        ] {
            assert!(err.message.contains(part), "{part}: {}", err.message);
        }
        assert_eq!(crm.requests().count(UPLOAD), 0);
        assert_eq!(crm.requests().count(CREATE), 0);
        assert_eq!(crm.order_count(), 0);
        assert_eq!(ozon.requests().total(), 0, "no order was even read");

        let mut wrong_site = Mapping::defaults("no-such-site");
        wrong_site.desk.delivery_types.clear();
        let err = Relay::open(crm_client(&crm), wrong_site, None)
            .await
            .unwrap_err();
        assert!(
            err.message.contains("site \"no-such-site\""),
            "{}",
            err.message
        );
        assert_eq!(crm.requests().count(UPLOAD), 0);
    }

    fn no_credentials() -> bool {
        [
            "OZON_CLIENT_ID",
            "OZON_BASE_URL",
            "RETAILCRM_URL",
            "RETAILCRM_API_KEY",
            "RETAILCRM_BASE_URL",
        ]
        .iter()
        .all(|v| std::env::var(v).is_err())
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn the_command_runs_the_walkthrough_on_the_sandboxes_and_refuses_bad_lines() {
        let run = |args: &[&str]| {
            let cli = Cli::try_parse_from(["market", "relay"].iter().chain(args)).unwrap();
            market_tool::run(cli)
        };
        for bad in [
            &["--from", "retailcrm"][..],
            &["--from", "ozon,wb", "--base-url", "http://127.0.0.1:9"],
            &["--from", "ozon", "--crm-url", "http://127.0.0.1:9"],
            &["--from", "ozon", "--action", "cancel-other=explode"],
            &["--from", "ozon", "--status", "cancelled=annulled"],
        ] {
            let err = run(bad).await.unwrap_err();
            assert_eq!(err.code, EXIT_USAGE, "{bad:?}: {}", err.message);
        }
        if no_credentials() {
            assert_eq!(run(&["--from", "ozon", "--walkthrough"]).await, Ok(0));
        }
    }

    fn relay_args(args: &[&str]) -> market_tool::cli::RelayArgs {
        let cli = Cli::try_parse_from(["market", "relay"].iter().chain(args)).unwrap();
        match cli.command {
            Command::Relay(args) => args,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_mapping_flags_override_the_defaults_and_bad_names_are_usage_errors() {
        let args = relay_args(&[
            "--from",
            "ozon,wb",
            "--to",
            "retailcrm",
            "--status",
            "cancelled=annulled,delivered=",
            "--status",
            "awaiting_packaging=availability-confirmed",
            "--delivery",
            "fbo=courier",
            "--action",
            "cancel-other=,annulled=cancel",
            "--payment",
            "",
            "--order-type",
            "eshop-individual",
            "--offer-match",
            "xml-id",
            "--site",
            "market",
        ]);
        assert_eq!(args.from, [MarketplaceArg::Ozon, MarketplaceArg::Wb]);
        let m = Mapping::from_args(&args).unwrap();
        assert_eq!(m.desk.site, "market");
        assert_eq!(m.desk.statuses[&Lifecycle::Cancelled], "annulled");
        assert_eq!(
            m.desk.statuses[&Lifecycle::AwaitingPackaging],
            "availability-confirmed"
        );
        assert!(!m.desk.statuses.contains_key(&Lifecycle::Delivered));
        assert_eq!(
            m.desk.delivery_types[&market::core::DeliveryScheme::Fbo],
            "courier"
        );
        assert_eq!(m.actions.get("annulled"), Some(&DeskAction::Cancel));
        assert!(!m.actions.contains_key("cancel-other"));
        assert_eq!(m.actions.get("send-to-delivery"), Some(&DeskAction::Ship));
        assert_eq!(m.desk.payment_type, None);
        assert_eq!(m.desk.order_method.as_deref(), Some("marketplace"));
        assert_eq!(m.desk.order_type.as_deref(), Some("eshop-individual"));
        assert_eq!(
            m.desk.offer_match,
            market::retailcrm::desk::OfferMatch::XmlId
        );

        let defaults = Mapping::from_args(&relay_args(&["--from", "ozon"])).unwrap();
        assert_eq!(defaults, Mapping::defaults("shop"));

        for bad in [
            ["--status", "shipped=complete"],
            ["--delivery", "drone=courier"],
            ["--action", "cancel-other=destroy"],
            ["--status", "cancelled"],
        ] {
            let args = relay_args(&["--from", "ozon", bad[0], bad[1]]);
            let err = Mapping::from_args(&args).unwrap_err();
            assert_eq!(err.code, EXIT_USAGE, "{bad:?}");
            assert!(
                err.message.contains(bad[1].split('=').next().unwrap()),
                "{}",
                err.message
            );
        }
        assert!(
            Cli::try_parse_from(["market", "relay"]).is_err(),
            "--from is required"
        );
        assert!(Cli::try_parse_from(["market", "relay", "--from", "ozon", "--to", "erp"]).is_err());
    }
}
