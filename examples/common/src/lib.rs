//! What every example shares: choosing between a real account (credentials from the
//! environment) and the marketplace's local sandbox ([`Connector`], one per marketplace), the
//! ERP stand-in, and logging to stderr.
//!
//! A crate of its own (`market-examples-common`, not published) so that the examples, the
//! `market` tool and the tests import it like any dependency.
//!
//! | environment | `base_url` | the examples talk to |
//! |---|---|---|
//! | credentials (`OZON_CLIENT_ID` + `OZON_API_KEY`, `WB_API_TOKEN`, `YM_API_KEY` + `YM_BUSINESS_ID` + `YM_CAMPAIGN_ID`) | none (or `OZON_BASE_URL`, `WB_BASE_URL`, `YM_BASE_URL`) | that account (or that host) |
//! | no credentials | given (or the `*_BASE_URL` variable) | that host with the sandbox credentials |
//! | no credentials | none | a sandbox started in this process |
#![deny(missing_docs)]

use std::sync::Mutex;

use futures::StreamExt;
use market_core::helpers::{ImportKey, OrderSink};
use market_core::{LocalId, Order, OrderStatus};
use ozon_api::Client;
use ozon_api::client::ENV_BASE_URL;
use ozon_api::models::products::ProductListFilter;
use ozon_api::sandbox::{SANDBOX_API_KEY, SANDBOX_CLIENT_ID, Sandbox};

// ---- The seller's side: a stand-in for the ERP the examples keep in step with Ozon. ------

/// The kit the examples sell: in the sandbox catalogue, `SKU-0001` stands for a set of two
/// balls and one basket, assembled at packing time (so its stock follows from theirs).
pub const KIT_OFFER: &str = "SKU-0001";
/// The kit's components and units per kit.
pub const KIT_COMPONENTS: [(&str, u32); 2] = [("BALL", 2), ("BASKET", 1)];
/// An offer the examples block (recalled, say): published with zero stock whatever is on hand.
pub const BLOCKED_OFFER: &str = "SKU-0002";

fn fnv1a(parts: &[&str]) -> u64 {
    const PRIME: u64 = 0x0100_0000_01b3;
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(PRIME);
        }
        h ^= 0xff;
        h = h.wrapping_mul(PRIME);
    }
    h
}

/// The ERP's stock on hand of an offer at a warehouse (0 to 29; the same on every run).
pub fn on_hand(offer_id: &str, warehouse_id: &str) -> i64 {
    i64::try_from(fnv1a(&[offer_id, warehouse_id]) % 30).unwrap_or(0)
}

/// The ERP's base price of an offer: what the seller wants to receive for it (200 to 2550
/// roubles, in steps of 50; the same on every run).
pub fn base_price(offer_id: &str) -> rust_decimal::Decimal {
    rust_decimal::Decimal::from(200 + (fnv1a(&[offer_id]) % 48) * 50)
}

/// Every article of the account's catalogue (archived ones left out). The `Marketplace`
/// trait has no card listing, so this is Ozon's own `/v3/product/list`, page by page.
pub async fn catalogue(client: &Client) -> market_core::Result<Vec<String>> {
    let mut stream = client.products().list_stream(ProductListFilter::default());
    let mut offers = Vec::new();
    while let Some(item) = stream.next().await {
        let item = item?;
        if !item.archived {
            offers.push(item.offer_id);
        }
    }
    Ok(offers)
}

/// The ERP's order book, in memory: an [`OrderSink`] that numbers new orders `ERP-1`,
/// `ERP-2`, ... and keeps, with each, its import key (the ERP's external-id column) and the
/// last status it was told.
#[derive(Debug, Default)]
pub struct Erp {
    orders: Mutex<Vec<(LocalId, ImportKey, Order)>>,
}

impl Erp {
    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<(LocalId, ImportKey, Order)>> {
        self.orders.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// How many orders the ERP holds.
    pub fn len(&self) -> usize {
        self.lock().len()
    }

    /// True when the ERP holds no order.
    pub fn is_empty(&self) -> bool {
        self.lock().is_empty()
    }

    /// The orders the ERP holds, with their ERP ids.
    pub fn orders(&self) -> Vec<(LocalId, Order)> {
        self.lock()
            .iter()
            .map(|(id, _, order)| (id.clone(), order.clone()))
            .collect()
    }
}

#[async_trait::async_trait]
impl OrderSink for Erp {
    async fn create(&self, order: &Order, key: &ImportKey) -> market_core::Result<LocalId> {
        let mut orders = self.lock();
        // The external id is unique in the ERP: a second create of one key is the first.
        if let Some((id, _, _)) = orders.iter().find(|(_, k, _)| k == key) {
            return Ok(id.clone());
        }
        let id = LocalId::new(format!("ERP-{}", orders.len() + 1));
        orders.push((id.clone(), key.clone(), order.clone()));
        Ok(id)
    }

    async fn find(&self, key: &ImportKey) -> market_core::Result<Option<LocalId>> {
        Ok(self
            .lock()
            .iter()
            .find(|(_, k, _)| k == key)
            .map(|(id, _, _)| id.clone()))
    }

    async fn status_changed(
        &self,
        local: &LocalId,
        order: &Order,
        _previous: &OrderStatus,
    ) -> market_core::Result<()> {
        let mut orders = self.lock();
        if let Some((_, _, kept)) = orders.iter_mut().find(|(id, _, _)| id == local) {
            *kept = order.clone();
        }
        Ok(())
    }
}

// ---- The channel side: which account or sandbox to talk to. -------------------------------

/// Where the client points.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A real account: credentials from the environment.
    Account,
    /// Another host (a sandbox elsewhere) with the sandbox credentials.
    SandboxAt(String),
    /// The sandbox started by this process.
    LocalSandbox,
}

/// What the examples need to know about a marketplace to connect to it: its credentials in
/// the environment, its sandbox credentials and its embedded sandbox.
pub trait Connector {
    /// The client the examples use (through the `Marketplace` trait and directly).
    type Client;
    /// The embedded sandbox.
    type Sandbox;
    /// The marketplace's name in messages.
    const NAME: &'static str;
    /// The credential variables, for messages.
    const CREDENTIALS: &'static str;
    /// The variable holding another host.
    const ENV_BASE_URL: &'static str;
    /// A client of the account the environment names (aimed at `base_url` when given); `None`
    /// without credentials.
    fn from_env(base_url: Option<String>) -> Option<market_core::Result<Self::Client>>;
    /// A client with the sandbox credentials aimed at `url`.
    fn sandbox_at(url: &str) -> market_core::Result<Self::Client>;
    /// Starts the embedded sandbox: it, its URL and a client of it.
    fn start_sandbox()
    -> impl std::future::Future<Output = market_core::Result<(Self::Sandbox, String, Self::Client)>>;
}

/// A client and, when this process started one, the sandbox it talks to.
#[derive(Debug)]
pub struct Connection<C: Connector> {
    /// The client.
    pub client: C::Client,
    /// The embedded sandbox; dropping it stops the server, so keep this value alive.
    pub sandbox: Option<C::Sandbox>,
    /// Where the client points.
    pub target: Target,
}

impl<C: Connector> Connection<C> {
    /// True when the client works on a real account (so anything that changes data on the
    /// channel deserves a second thought).
    pub fn is_account(&self) -> bool {
        self.target == Target::Account
    }
}

/// Selects the target from the environment and `base_url` (which wins over the vendor's
/// `*_BASE_URL`), starting the local sandbox when there are neither credentials nor a base
/// URL. Says on stderr what it chose when that is not a real account.
pub async fn connect<C: Connector>(base_url: Option<String>) -> market_core::Result<Connection<C>> {
    let base_url = base_url.filter(|s| !s.is_empty()).or_else(|| {
        std::env::var(C::ENV_BASE_URL)
            .ok()
            .filter(|s| !s.is_empty())
    });
    if let Some(client) = C::from_env(base_url.clone()) {
        return Ok(Connection {
            client: client?,
            sandbox: None,
            target: Target::Account,
        });
    }
    let why = format!("no {}", C::CREDENTIALS);
    match base_url {
        Some(url) => sandbox_at::<C>(url, &why),
        None => local_sandbox::<C>(&why).await,
    }
}

/// A sandbox: the one at `base_url` with the sandbox credentials, or one started here. Never a
/// real account, whatever credentials the environment holds (for demos that change data).
pub async fn sandbox_of<C: Connector>(
    base_url: Option<String>,
) -> market_core::Result<Connection<C>> {
    let why = if C::from_env(None).is_some() {
        format!("{} left alone (this changes data)", C::CREDENTIALS)
    } else {
        format!("no {}", C::CREDENTIALS)
    };
    match base_url.filter(|s| !s.is_empty()) {
        Some(url) => sandbox_at::<C>(url, &why),
        None => local_sandbox::<C>(&why).await,
    }
}

fn sandbox_at<C: Connector>(url: String, why: &str) -> market_core::Result<Connection<C>> {
    note(&format!(
        "{why}: using the {} sandbox credentials against {url}",
        C::NAME
    ));
    Ok(Connection {
        client: C::sandbox_at(&url)?,
        sandbox: None,
        target: Target::SandboxAt(url),
    })
}

async fn local_sandbox<C: Connector>(why: &str) -> market_core::Result<Connection<C>> {
    let (sandbox, uri, client) = C::start_sandbox().await?;
    note(&format!(
        "{why}: using the local {} sandbox at {uri}",
        C::NAME
    ));
    Ok(Connection {
        client,
        sandbox: Some(sandbox),
        target: Target::LocalSandbox,
    })
}

/// Ozon: `OZON_CLIENT_ID` + `OZON_API_KEY`.
#[derive(Debug)]
pub struct OzonConnector;

impl Connector for OzonConnector {
    type Client = Client;
    type Sandbox = Sandbox;
    const NAME: &'static str = "Ozon";
    const CREDENTIALS: &'static str = "OZON_CLIENT_ID/OZON_API_KEY";
    const ENV_BASE_URL: &'static str = ENV_BASE_URL;

    fn from_env(base_url: Option<String>) -> Option<market_core::Result<Client>> {
        let mut builder = Client::from_env()?;
        if let Some(url) = base_url {
            builder = builder.base_url(url);
        }
        Some(builder.build())
    }

    fn sandbox_at(url: &str) -> market_core::Result<Client> {
        Client::builder(SANDBOX_CLIENT_ID, SANDBOX_API_KEY)
            .base_url(url)
            .build()
    }

    async fn start_sandbox() -> market_core::Result<(Sandbox, String, Client)> {
        let sandbox = Sandbox::start().await;
        let uri = sandbox.uri();
        let client = sandbox.client()?;
        Ok((sandbox, uri, client))
    }
}

/// Wildberries: `WB_API_TOKEN`.
#[derive(Debug)]
pub struct WbConnector;

impl Connector for WbConnector {
    type Client = wb_api::Client;
    type Sandbox = wb_api::sandbox::Sandbox;
    const NAME: &'static str = "Wildberries";
    const CREDENTIALS: &'static str = "WB_API_TOKEN";
    const ENV_BASE_URL: &'static str = wb_api::client::ENV_BASE_URL;

    fn from_env(base_url: Option<String>) -> Option<market_core::Result<Self::Client>> {
        let mut builder = wb_api::Client::from_env()?;
        if let Some(url) = base_url {
            builder = builder.base_url(url);
        }
        Some(builder.build())
    }

    fn sandbox_at(url: &str) -> market_core::Result<Self::Client> {
        wb_api::Client::builder(wb_api::sandbox::SANDBOX_TOKEN)
            .base_url(url)
            .build()
    }

    async fn start_sandbox() -> market_core::Result<(Self::Sandbox, String, Self::Client)> {
        let sandbox = wb_api::sandbox::Sandbox::start().await;
        let uri = sandbox.uri();
        let client = sandbox.client()?;
        Ok((sandbox, uri, client))
    }
}

/// Yandex Market: `YM_API_KEY` with `YM_BUSINESS_ID` and `YM_CAMPAIGN_ID` (the campaign the
/// trait works on).
#[derive(Debug)]
pub struct YmConnector;

impl Connector for YmConnector {
    type Client = yandex_market_api::CampaignClient;
    type Sandbox = yandex_market_api::sandbox::Sandbox;
    const NAME: &'static str = "Yandex Market";
    const CREDENTIALS: &'static str = "YM_API_KEY/YM_BUSINESS_ID/YM_CAMPAIGN_ID";
    const ENV_BASE_URL: &'static str = yandex_market_api::client::ENV_BASE_URL;

    fn from_env(base_url: Option<String>) -> Option<market_core::Result<Self::Client>> {
        let mut builder = yandex_market_api::Client::from_env()?;
        if let Some(url) = base_url {
            builder = builder.base_url(url);
        }
        Some((|| {
            let (business, campaign) =
                yandex_market_api::client::ids_from_env()?.ok_or_else(|| {
                    market_core::Error::Config(
                        "YM_API_KEY is set: set YM_BUSINESS_ID and YM_CAMPAIGN_ID too".into(),
                    )
                })?;
            Ok(builder.build()?.campaign(business, campaign))
        })())
    }

    fn sandbox_at(url: &str) -> market_core::Result<Self::Client> {
        use yandex_market_api::sandbox::{
            SANDBOX_API_KEY, SANDBOX_BUSINESS_ID, SANDBOX_CAMPAIGN_ID,
        };
        Ok(yandex_market_api::Client::builder(SANDBOX_API_KEY)
            .base_url(url)
            .build()?
            .campaign(SANDBOX_BUSINESS_ID, SANDBOX_CAMPAIGN_ID))
    }

    async fn start_sandbox() -> market_core::Result<(Self::Sandbox, String, Self::Client)> {
        let sandbox = yandex_market_api::sandbox::Sandbox::start().await;
        let uri = sandbox.uri();
        let client = sandbox.campaign()?;
        Ok((sandbox, uri, client))
    }
}

/// Megamarket: `MEGAMARKET_TOKEN` (and `MEGAMARKET_MERCHANT_ID`, which box codes need).
#[derive(Debug)]
pub struct MegamarketConnector;

/// The shipments the local Megamarket sandbox starts with (its account is otherwise empty):
/// two FBS shipments and one DBS, created within the last hours.
fn seed_megamarket(sandbox: &megamarket_api::sandbox::Sandbox) {
    use megamarket_api::sandbox::NewShipment;
    let offers = sandbox.offers();
    let offer = |i: usize| {
        offers
            .get(i % offers.len().max(1))
            .map_or("SKU-1", String::as_str)
    };
    sandbox.add_shipment(NewShipment::fbs(&[(offer(0), 1, 1990), (offer(1), 2, 450)]));
    sandbox.add_shipment(NewShipment::fbs(&[(offer(2), 1, 3200)]));
    sandbox.add_shipment(NewShipment::dbs(&[(offer(1), 1, 450)]));
}

impl Connector for MegamarketConnector {
    type Client = megamarket_api::Client;
    type Sandbox = megamarket_api::sandbox::Sandbox;
    const NAME: &'static str = "Megamarket";
    const CREDENTIALS: &'static str = "MEGAMARKET_TOKEN";
    const ENV_BASE_URL: &'static str = "MEGAMARKET_BASE_URL";

    fn from_env(base_url: Option<String>) -> Option<market_core::Result<Self::Client>> {
        let mut builder = megamarket_api::Client::from_env()?;
        if let Some(url) = base_url {
            builder = builder.base_url(url);
        }
        Some(builder.build())
    }

    fn sandbox_at(url: &str) -> market_core::Result<Self::Client> {
        let config = megamarket_api::sandbox::SandboxConfig::default();
        megamarket_api::Client::builder(config.token)
            .merchant_id(config.merchant_id)
            .base_url(url)
            .build()
    }

    async fn start_sandbox() -> market_core::Result<(Self::Sandbox, String, Self::Client)> {
        let sandbox = megamarket_api::sandbox::Sandbox::start(Default::default()).await;
        seed_megamarket(&sandbox);
        let uri = sandbox.uri();
        let client = sandbox.client()?;
        Ok((sandbox, uri, client))
    }
}

/// The RetailCRM site the `market` tool works on (`RETAILCRM_SITE`, default `shop`, the
/// sandbox's site).
pub fn retailcrm_site() -> String {
    std::env::var("RETAILCRM_SITE")
        .ok()
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "shop".to_owned())
}

/// The RetailCRM price type prices are set in (`RETAILCRM_PRICE_TYPE`, default `base`, the
/// sandbox's).
pub fn retailcrm_price_type() -> String {
    std::env::var("RETAILCRM_PRICE_TYPE")
        .ok()
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "base".to_owned())
}

/// Offers in the local RetailCRM sandbox's catalogue: the Ozon sandbox's `SKU-0001`...
/// `SKU-0040` all exist in it, and the kit components `BALL` and `BASKET` are added
/// ([`seed_retailcrm`]), so the Ozon sandbox's orders can be moved there.
pub const RETAILCRM_SANDBOX_OFFERS: usize = 60;

/// Adds the kit components the Ozon sandbox sells (`BALL`, `BASKET`, see
/// [`KIT_COMPONENTS`]) to a RetailCRM sandbox's catalogue, with a base price and stock at
/// `main`.
pub fn seed_retailcrm(sandbox: &retailcrm_api::sandbox::Sandbox) {
    let mut state = sandbox.state();
    let mut next = state.offers.iter().map(|o| o.id).max().unwrap_or(1000);
    for (offer, _) in KIT_COMPONENTS {
        if state.offers.iter().any(|o| o.external_id == offer) {
            continue;
        }
        next += 1;
        state.offers.push(retailcrm_api::sandbox::OfferRow {
            id: next,
            external_id: offer.to_owned(),
            xml_id: format!("xml-{offer}"),
            site: "shop".to_owned(),
            name: offer.to_owned(),
            prices: [("base".to_owned(), base_price(offer))].into(),
            stocks: [(
                "main".to_owned(),
                rust_decimal::Decimal::from(on_hand(offer, "main")),
            )]
            .into(),
        });
    }
}

/// RetailCRM: `RETAILCRM_URL` + `RETAILCRM_API_KEY`.
#[derive(Debug)]
pub struct RetailCrmConnector;

impl Connector for RetailCrmConnector {
    type Client = retailcrm_api::Client;
    type Sandbox = retailcrm_api::sandbox::Sandbox;
    const NAME: &'static str = "RetailCRM";
    const CREDENTIALS: &'static str = "RETAILCRM_URL/RETAILCRM_API_KEY";
    const ENV_BASE_URL: &'static str = "RETAILCRM_BASE_URL";

    fn from_env(base_url: Option<String>) -> Option<market_core::Result<Self::Client>> {
        let mut builder = retailcrm_api::Client::from_env()?;
        if let Some(url) = base_url {
            builder = builder.base_url(url);
        }
        Some(builder.build())
    }

    fn sandbox_at(url: &str) -> market_core::Result<Self::Client> {
        retailcrm_api::Client::builder(url, retailcrm_api::sandbox::SANDBOX_API_KEY)
            .account("sandbox")
            .build()
    }

    async fn start_sandbox() -> market_core::Result<(Self::Sandbox, String, Self::Client)> {
        let sandbox =
            retailcrm_api::sandbox::Sandbox::start_with(retailcrm_api::sandbox::SandboxConfig {
                offers: RETAILCRM_SANDBOX_OFFERS,
                ..Default::default()
            })
            .await;
        seed_retailcrm(&sandbox);
        let uri = sandbox.uri();
        let client = sandbox.client()?;
        Ok((sandbox, uri, client))
    }
}

/// A Megamarket client and, when this process started one, the sandbox it talks to.
pub type Megamarket = Connection<MegamarketConnector>;
/// A RetailCRM client and, when this process started one, the sandbox it talks to.
pub type RetailCrm = Connection<RetailCrmConnector>;

/// An Ozon client and, when this process started one, the sandbox it talks to.
pub type Ozon = Connection<OzonConnector>;
/// A Yandex Market campaign client and, when this process started one, the sandbox.
pub type Ym = Connection<YmConnector>;
/// A Wildberries client and, when this process started one, the sandbox it talks to.
pub type Wb = Connection<WbConnector>;

/// Ozon, chosen as [`connect`] says.
pub async fn ozon(base_url: Option<String>) -> market_core::Result<Ozon> {
    connect::<OzonConnector>(base_url).await
}

/// The Ozon sandbox, as [`sandbox_of`] says.
pub async fn sandbox(base_url: Option<String>) -> market_core::Result<Ozon> {
    sandbox_of::<OzonConnector>(base_url).await
}

/// Writes one line to stderr; a closed stderr is ignored rather than a panic.
pub fn note(line: &str) {
    use std::io::Write as _;
    let mut err = std::io::stderr().lock();
    let _ = writeln!(err, "{line}");
}

/// Logs to stderr: only errors unless `RUST_LOG` says otherwise (`RUST_LOG=warn` shows every
/// failed call and retry, `RUST_LOG=debug` every request), since the examples and the tool
/// report failures themselves, once.
pub fn init_tracing() {
    use std::io::IsTerminal as _;
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("error"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_ansi(std::io::stderr().is_terminal())
        .with_writer(std::io::stderr)
        .try_init();
}

/// True when the command line holds `flag` (the small examples take one flag at most).
pub fn has_flag(flag: &str) -> bool {
    std::env::args().skip(1).any(|a| a == flag)
}
