//! The command line of `market`.

use std::path::PathBuf;

use chrono::{DateTime, NaiveDate, TimeDelta, Utc};
use clap::{Args, Parser, Subcommand, ValueEnum};
use market_core::{Lifecycle, TimeWindow};

/// Work with a marketplace seller account from the shell: warehouses, orders, stocks, prices,
/// shipping, labels.
///
/// --marketplace picks the channel (default ozon). Its credentials come from the environment:
/// OZON_CLIENT_ID and OZON_API_KEY (ozon), WB_API_TOKEN (wb), YM_API_KEY, YM_BUSINESS_ID and
/// YM_CAMPAIGN_ID (yandex-market), MEGAMARKET_TOKEN (megamarket), RETAILCRM_URL and
/// RETAILCRM_API_KEY (retailcrm); --base-url, or the channel's *_BASE_URL variable (OZON_,
/// WB_, YM_, MEGAMARKET_, RETAILCRM_), aims at another host. Without the channel's
/// credentials, the tool uses the sandbox credentials: against that host when a base URL is
/// given, otherwise against a local sandbox of that
/// channel it starts (and says so on stderr), so every command can be tried without an
/// account. The demo command always runs on the Ozon sandbox.
///
/// Output: one JSON object per line (or --table). Exit codes: 0 ok, 1 error, 2 usage,
/// 3 some items rejected and others accepted.
#[derive(Debug, Parser)]
#[command(name = "market", version, about, long_about)]
// Doc comments here would become help text: the two fields are described by their types.
#[allow(missing_docs)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

/// The marketplaces this tool can talk to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MarketplaceArg {
    /// Ozon Seller API (OZON_CLIENT_ID, OZON_API_KEY).
    Ozon,
    /// Wildberries seller APIs (WB_API_TOKEN); offer ids are barcodes for stocks and articles,
    /// barcodes or nmIDs for prices; order ids are assembly task ids.
    Wb,
    /// Yandex Market Partner API, one campaign (YM_API_KEY, YM_BUSINESS_ID, YM_CAMPAIGN_ID).
    YandexMarket,
    /// Megamarket merchant API (MEGAMARKET_TOKEN, MEGAMARKET_MERCHANT_ID); order ids are
    /// shipment ids. No warehouse list, no card listing.
    Megamarket,
    /// One RetailCRM site as a channel (RETAILCRM_URL, RETAILCRM_API_KEY; RETAILCRM_SITE,
    /// default shop; RETAILCRM_PRICE_TYPE, default base): stores as warehouses, stocks,
    /// prices, orders.
    Retailcrm,
}

/// Flags every command takes.
#[derive(Debug, Args)]
pub struct Global {
    /// The marketplace.
    #[arg(long, value_enum, default_value = "ozon", global = true)]
    pub marketplace: MarketplaceArg,
    /// Another host for the API (a proxy, a sandbox elsewhere); defaults to the
    /// marketplace's `*_BASE_URL` variable (OZON_BASE_URL, WB_BASE_URL, YM_BASE_URL,
    /// MEGAMARKET_BASE_URL, RETAILCRM_BASE_URL).
    #[arg(long, value_name = "URL", global = true)]
    pub base_url: Option<String>,
    /// Print an aligned table instead of JSON lines.
    #[arg(long, global = true)]
    pub table: bool,
    /// Start of the time window (RFC 3339, or a date taken as midnight UTC).
    #[arg(long, value_name = "TIME", value_parser = parse_time, global = true)]
    pub since: Option<DateTime<Utc>>,
    /// End of the time window (RFC 3339, or a date); default now.
    #[arg(long, value_name = "TIME", value_parser = parse_time, global = true)]
    pub until: Option<DateTime<Utc>>,
    /// The window is the last N days (ignored when --since is given).
    #[arg(long, value_name = "N", default_value_t = 7,
          value_parser = clap::value_parser!(u32).range(1..=3650), global = true)]
    pub days: u32,
}

impl Global {
    /// The time window: `[since, until)`, `until` defaulting to now and `since` to `--days`
    /// before `until`.
    pub fn window(&self, now: DateTime<Utc>) -> Result<TimeWindow, String> {
        let until = self.until.unwrap_or(now);
        let since = match self.since {
            Some(s) => s,
            None => until
                .checked_sub_signed(TimeDelta::days(i64::from(self.days)))
                .ok_or("--days goes back too far")?,
        };
        TimeWindow::new(since, until)
            .ok_or_else(|| format!("the window is empty: --since {since} is not before {until}"))
    }
}

/// A time on the command line: RFC 3339 (`2025-05-01T10:00:00+03:00`) or a date
/// (`2025-05-01`, midnight UTC).
pub fn parse_time(text: &str) -> Result<DateTime<Utc>, String> {
    if let Ok(t) = DateTime::parse_from_rfc3339(text.trim()) {
        return Ok(t.with_timezone(&Utc));
    }
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .ok()
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .map(|t| t.and_utc())
        .ok_or_else(|| {
            format!("{text:?} is not an RFC 3339 time (2025-05-01T10:00:00+03:00) or a date")
        })
}

/// An order state, as `--status` takes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusArg {
    /// Created, not actionable yet.
    Pending,
    /// The seller must accept it.
    #[value(alias = "awaiting_confirmation")]
    AwaitingConfirmation,
    /// To pack.
    #[value(alias = "awaiting_packaging")]
    AwaitingPackaging,
    /// Packed, to hand over.
    #[value(alias = "awaiting_shipment")]
    AwaitingShipment,
    /// On its way.
    #[value(alias = "in_delivery")]
    InDelivery,
    /// Received.
    Delivered,
    /// Cancelled.
    Cancelled,
    /// Returned.
    Returned,
    /// A vendor status with no unified name.
    Unknown,
}

impl From<StatusArg> for Lifecycle {
    fn from(s: StatusArg) -> Self {
        match s {
            StatusArg::Pending => Lifecycle::Pending,
            StatusArg::AwaitingConfirmation => Lifecycle::AwaitingConfirmation,
            StatusArg::AwaitingPackaging => Lifecycle::AwaitingPackaging,
            StatusArg::AwaitingShipment => Lifecycle::AwaitingShipment,
            StatusArg::InDelivery => Lifecycle::InDelivery,
            StatusArg::Delivered => Lifecycle::Delivered,
            StatusArg::Cancelled => Lifecycle::Cancelled,
            StatusArg::Returned => Lifecycle::Returned,
            StatusArg::Unknown => Lifecycle::Unknown,
        }
    }
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// List the seller's warehouses.
    Warehouses,
    /// Stream the orders of the time window (every page).
    Orders {
        /// Only orders in these states (repeat the flag or separate with commas).
        #[arg(long, value_enum, value_delimiter = ',')]
        status: Vec<StatusArg>,
    },
    /// Show one order.
    Order {
        /// The order id (the posting number on Ozon).
        id: String,
    },
    /// Set stocks from a CSV file with the header `offer_id,warehouse_id,quantity`.
    PushStocks {
        /// The CSV file (`-` for stdin).
        file: PathBuf,
    },
    /// Set prices from a CSV file with the header `offer_id,price,old_price,min_price`
    /// (old_price and min_price optional).
    PushPrices {
        /// The CSV file (`-` for stdin).
        file: PathBuf,
    },
    /// Accept a new order, on channels with an accept step (WB: into a supply; Yandex
    /// Market: from awaiting confirmation).
    Confirm {
        /// The order id.
        id: String,
    },
    /// Hand an order over for delivery (Ozon: packs it first if needed; WB: delivers the
    /// order's supply; Yandex Market: ready to ship).
    Ship {
        /// The order id.
        id: String,
    },
    /// Cancel an order.
    Cancel {
        /// The order id.
        id: String,
        /// The vendor's reason code (Ozon: cancel_reason_id; default 352, out of stock).
        #[arg(long, value_name = "CODE")]
        reason: Option<String>,
        /// A comment for the buyer or the marketplace.
        #[arg(long, value_name = "TEXT")]
        message: Option<String>,
    },
    /// Save the shipping label of an order.
    Label {
        /// The order id.
        id: String,
        /// Where to write the label.
        #[arg(short, long, value_name = "FILE")]
        output: PathBuf,
    },
    /// List the products (cards) of the account.
    Cards,
    /// Run the whole job against the Ozon sandbox (never an account): warehouses, stocks with
    /// a kit and a blocked item, channel prices, idempotent order import twice, ship and label.
    Demo,
    /// Move the marketplaces' orders of the window into RetailCRM (once each, externalId =
    /// channel:order id) and apply the status changes RetailCRM managers made back to the
    /// marketplaces (cancel, ship, confirm), once each.
    Relay(RelayArgs),
}

/// Where `relay` sends the orders.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DeskArg {
    /// RetailCRM (RETAILCRM_URL, RETAILCRM_API_KEY; RETAILCRM_BASE_URL or --crm-url for
    /// another host).
    Retailcrm,
}

/// How order lines are matched to the CRM's offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum OfferMatchArg {
    /// By the offer's externalId.
    ExternalId,
    /// By the offer's xmlId (the catalogue feed's id).
    XmlId,
}

/// The flags of `relay`. Mapping lists are `NAME=CODE` pairs, repeated or comma-separated;
/// each pair replaces the default for NAME, an empty CODE removes it.
#[derive(Debug, Clone, Args)]
pub struct RelayArgs {
    /// The marketplaces to take orders from (repeat or separate with commas): ozon, wb,
    /// yandex-market, megamarket. --base-url applies when there is one.
    #[arg(long, value_enum, value_delimiter = ',', required = true)]
    pub from: Vec<MarketplaceArg>,
    /// Where the orders go.
    #[arg(long, value_enum, default_value = "retailcrm")]
    pub to: DeskArg,
    /// Another host for RetailCRM (defaults to RETAILCRM_BASE_URL).
    #[arg(long, value_name = "URL")]
    pub crm_url: Option<String>,
    /// The RetailCRM site (store front) the orders go to.
    #[arg(
        long,
        value_name = "CODE",
        env = "RETAILCRM_SITE",
        default_value = "shop"
    )]
    pub site: String,
    /// The CRM status of an order state (defaults: pending, awaiting-confirmation and
    /// awaiting-packaging=new, awaiting-shipment=assembling, in-delivery=delivering,
    /// delivered=complete, cancelled=cancel-other).
    #[arg(
        long = "status",
        value_name = "STATE=CODE",
        env = "RETAILCRM_RELAY_STATUSES",
        value_delimiter = ','
    )]
    pub statuses: Vec<String>,
    /// The CRM delivery type of a delivery scheme (defaults: fbs, dbs, express=courier;
    /// fbo, fby=self-delivery; pickup=self-delivery).
    #[arg(
        long = "delivery",
        value_name = "SCHEME=CODE",
        env = "RETAILCRM_RELAY_DELIVERY",
        value_delimiter = ','
    )]
    pub deliveries: Vec<String>,
    /// The CRM payment type of marketplace orders (default bank-card; empty for none).
    #[arg(long, value_name = "CODE", env = "RETAILCRM_RELAY_PAYMENT")]
    pub payment: Option<String>,
    /// The CRM order method (default marketplace; empty for none).
    #[arg(long, value_name = "CODE", env = "RETAILCRM_RELAY_ORDER_METHOD")]
    pub order_method: Option<String>,
    /// The CRM order type (default none).
    #[arg(long, value_name = "CODE", env = "RETAILCRM_RELAY_ORDER_TYPE")]
    pub order_type: Option<String>,
    /// What a manager's CRM status means for the marketplace: cancel, ship or confirm
    /// (defaults: cancel-other=cancel, send-to-delivery=ship,
    /// availability-confirmed=confirm).
    #[arg(
        long = "action",
        value_name = "CODE=ACTION",
        env = "RETAILCRM_RELAY_ACTIONS",
        value_delimiter = ','
    )]
    pub actions: Vec<String>,
    /// How order lines are matched to the CRM's offers.
    #[arg(long, value_enum, default_value = "external-id")]
    pub offer_match: OfferMatchArg,
    /// A JSON file keeping the last RetailCRM history id between runs (needed with a real
    /// RetailCRM account: without it a run would not know which changes it already applied).
    #[arg(long, value_name = "FILE")]
    pub state: Option<PathBuf>,
    /// Sandboxes only: relay, relay again, cancel an order in the RetailCRM sandbox as a
    /// manager would, relay again, and read the order back from the marketplace.
    #[arg(long)]
    pub walkthrough: bool,
}
