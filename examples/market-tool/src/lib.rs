//! `market`: a seller's command-line tool over the `Marketplace` trait.
//!
//! This crate is the tool's logic (the command line, CSV input, JSON-lines and table output,
//! the commands); the binary is the root package's `market` example (`examples/market.rs`),
//! which only calls [`main`].
//!
//! ```sh
//! cargo run --example market -- warehouses --table
//! cargo run --example market -- orders --days 3 --status awaiting-packaging
//! cargo run --example market -- push-stocks stocks.csv      # offer_id,warehouse_id,quantity
//! cargo run --example market -- push-prices prices.csv      # offer_id,price,old_price,min_price
//! cargo run --example market -- --marketplace wb confirm 1555275607
//! cargo run --example market -- ship 12345678-0001-1
//! cargo run --example market -- label 12345678-0001-1 -o label.pdf
//! cargo run --example market -- demo                        # the whole job, on the sandbox
//! cargo run --example market -- relay --from ozon --to retailcrm --walkthrough
//! ```
//!
//! `--marketplace ozon` (the default), `wb`, `yandex-market`, `megamarket` or `retailcrm`.
//! Credentials come from the environment: `OZON_CLIENT_ID` and `OZON_API_KEY` (and
//! `OZON_BASE_URL` or `--base-url`) for Ozon, `WB_API_TOKEN` (and `WB_BASE_URL`) for
//! Wildberries, `YM_API_KEY`, `YM_BUSINESS_ID` and `YM_CAMPAIGN_ID` (and `YM_BASE_URL`) for
//! Yandex Market, `MEGAMARKET_TOKEN` and `MEGAMARKET_MERCHANT_ID` (and `MEGAMARKET_BASE_URL`)
//! for Megamarket, `RETAILCRM_URL` and `RETAILCRM_API_KEY` (and `RETAILCRM_BASE_URL`,
//! `RETAILCRM_SITE`, `RETAILCRM_PRICE_TYPE`) for RetailCRM; with none, the tool starts the
//! marketplace's local sandbox and says so on stderr, so every command can be tried without an
//! account. Results go to stdout as one JSON object per
//! line (the market-core types) or, with `--table`, as an aligned table; progress and errors go
//! to stderr. Exit codes: 0 ok, 1 error, 2 usage, 3 some items rejected and others accepted.
//!
//! Adding a marketplace: one variant in [`cli::MarketplaceArg`], one arm in `connect_to` (and in
//! `cards`, where the trait has no card listing).
#![deny(missing_docs)]
#![allow(clippy::print_stdout)]

pub mod cli;
mod commands;
pub mod csv_input;
mod demo;
pub mod output;
pub mod relay;

use market_examples_common as common;

use std::process::ExitCode;

use clap::Parser as _;
use market_core::Marketplace;

use crate::cli::{Cli, MarketplaceArg};
use crate::output::{EXIT_ERROR, EXIT_OK, EXIT_USAGE};

/// Why a command stopped: the exit code and one line for stderr.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The exit code.
    pub code: u8,
    /// What went wrong, naming the item and the vendor's message.
    pub message: String,
}

impl Failure {
    /// A failed command (exit code 1).
    pub fn error(message: impl Into<String>) -> Self {
        Self {
            code: EXIT_ERROR,
            message: message.into(),
        }
    }

    /// A command line or input file the command cannot take (exit code 2).
    pub fn usage(message: impl Into<String>) -> Self {
        Self {
            code: EXIT_USAGE,
            message: message.into(),
        }
    }

    /// A failed call, with what it was about.
    pub fn call(context: impl std::fmt::Display) -> impl FnOnce(market_core::Error) -> Self {
        move |e| Self::error(format!("{context}: {e}"))
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Self {
        Self::error(format!("cannot write the output: {e}"))
    }
}

/// A connected marketplace.
pub struct Channel {
    /// The account, through the trait every command uses.
    pub market: Box<dyn Marketplace>,
    /// The vendor client, for what the trait does not cover.
    pub vendor: Vendor,
}

/// The vendor side of a [`Channel`].
pub enum Vendor {
    /// Ozon, with the sandbox it talks to when this process started one.
    Ozon(common::Ozon),
    /// Wildberries, with the sandbox it talks to when this process started one.
    Wb(common::Wb),
    /// A Yandex Market campaign, with the sandbox it talks to when this process started one.
    Ym(common::Ym),
    /// Megamarket, with the sandbox it talks to when this process started one.
    Megamarket(common::Megamarket),
    /// One RetailCRM site, with the sandbox it talks to when this process started one.
    RetailCrm(common::RetailCrm),
}

impl Vendor {
    /// True when the client works on a real account (not a sandbox).
    pub fn is_account(&self) -> bool {
        match self {
            Self::Ozon(c) => c.is_account(),
            Self::Wb(c) => c.is_account(),
            Self::Ym(c) => c.is_account(),
            Self::Megamarket(c) => c.is_account(),
            Self::RetailCrm(c) => c.is_account(),
        }
    }
}

/// Connects to the marketplace chosen on the command line.
async fn connect(cli: &cli::Global) -> Result<Channel, Failure> {
    connect_to(cli.marketplace, cli.base_url.clone()).await
}

/// Connects to `marketplace`: its account when its credentials are set, else its sandbox (at
/// `base_url`, or started here).
pub async fn connect_to(
    marketplace: MarketplaceArg,
    base_url: Option<String>,
) -> Result<Channel, Failure> {
    match marketplace {
        MarketplaceArg::Ozon => {
            let ozon = common::ozon(base_url)
                .await
                .map_err(Failure::call("ozon client"))?;
            Ok(Channel {
                market: Box::new(ozon.client.clone()),
                vendor: Vendor::Ozon(ozon),
            })
        }
        MarketplaceArg::Wb => {
            let wb = common::connect::<common::WbConnector>(base_url)
                .await
                .map_err(Failure::call("wb client"))?;
            Ok(Channel {
                market: Box::new(wb.client.clone()),
                vendor: Vendor::Wb(wb),
            })
        }
        MarketplaceArg::YandexMarket => {
            let ym = common::connect::<common::YmConnector>(base_url)
                .await
                .map_err(Failure::call("yandex-market client"))?;
            Ok(Channel {
                market: Box::new(ym.client.clone()),
                vendor: Vendor::Ym(ym),
            })
        }
        MarketplaceArg::Megamarket => {
            let mm = common::connect::<common::MegamarketConnector>(base_url)
                .await
                .map_err(Failure::call("megamarket client"))?;
            Ok(Channel {
                market: Box::new(mm.client.clone()),
                vendor: Vendor::Megamarket(mm),
            })
        }
        MarketplaceArg::Retailcrm => {
            let crm = common::connect::<common::RetailCrmConnector>(base_url)
                .await
                .map_err(Failure::call("retailcrm client"))?;
            Ok(Channel {
                market: Box::new(
                    crm.client
                        .channel(common::retailcrm_site(), common::retailcrm_price_type()),
                ),
                vendor: Vendor::RetailCrm(crm),
            })
        }
    }
}

/// Runs a parsed command line, writing its results to stdout; the exit code on success (3 for
/// a partial batch). [`main`] is this with the process's arguments.
pub async fn run(cli: Cli) -> Result<u8, Failure> {
    commands::run(cli).await
}

/// The whole tool: reads the command line of this process, runs the command, and gives the exit
/// code (the `market` example's `main` is this function).
#[tokio::main]
pub async fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { EXIT_USAGE } else { EXIT_OK });
        }
    };
    common::init_tracing();
    match commands::run(cli).await {
        Ok(code) => ExitCode::from(code),
        Err(failure) => {
            common::note(&format!("market: {}", failure.message));
            ExitCode::from(failure.code)
        }
    }
}
