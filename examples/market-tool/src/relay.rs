//! `market relay`: marketplace orders into RetailCRM, RetailCRM managers' status changes back.
//!
//! Built on `retailcrm_api::desk`: [`OrderDesk`] checks the mapping against the account's
//! reference books when opened (an unknown code is an error before any order is sent) and
//! uploads orders through `orders/upload`, 50 a request, under `externalId` = the import key
//! (`ozon:0123-1`); [`StatusRelay`] reads `orders/history` after the last id and applies each
//! manager's mapped status change through the order's channel's `Marketplace`.
//!
//! One round ([`Relay::round`]):
//! 1. read every order whose status changed in the window from each channel;
//! 2. ask RetailCRM which of their import keys it already holds (`orders` filtered by
//!    `externalIds`, 100 a request): those are *already there* and not sent again;
//! 3. upload the others: each is *created* or *rejected* (with RetailCRM's reason);
//! 4. relay the status changes managers made since the last history id, and keep the new id.
//!
//! Without a stored history id, the relay starts at the end of the history when opened: the
//! changes made before the first run are not applied to the marketplaces.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use futures::{StreamExt, TryStreamExt};
use market_core::helpers::ImportKey;
use market_core::{DeliveryScheme, Lifecycle, Marketplace, Order, OrderQuery, TimeWindow};
use retailcrm_api::HistoryId;
use retailcrm_api::api::orders::OrderFilter;
use retailcrm_api::desk::{DeskAction, DeskMapping, OfferMatch, OrderDesk, StatusRelay};
use serde::{Deserialize, Serialize};

use crate::Failure;
use crate::cli::{OfferMatchArg, RelayArgs};

/// Import keys asked about in one `orders` request.
pub const LOOKUP_CHUNK: usize = 100;

/// What the relay sends and what it takes back: the desk's codes and the meaning of the
/// managers' statuses.
#[derive(Debug, Clone, PartialEq)]
pub struct Mapping {
    /// The codes marketplace orders get in RetailCRM.
    pub desk: DeskMapping,
    /// Which RetailCRM status code means which marketplace action.
    pub actions: HashMap<String, DeskAction>,
}

impl Mapping {
    /// The defaults, which are codes of RetailCRM's stock reference books (and of the
    /// emulator's): statuses `new`, `assembling`, `delivering`, `complete`, `cancel-other`;
    /// delivery `courier` (FBS, DBS, express) or `self-delivery` (FBO, FBY, pickup); payment
    /// `bank-card`; order method `marketplace`; managers' `cancel-other` cancels,
    /// `send-to-delivery` ships and `availability-confirmed` confirms.
    pub fn defaults(site: &str) -> Self {
        let statuses = [
            (Lifecycle::Pending, "new"),
            (Lifecycle::AwaitingConfirmation, "new"),
            (Lifecycle::AwaitingPackaging, "new"),
            (Lifecycle::AwaitingShipment, "assembling"),
            (Lifecycle::InDelivery, "delivering"),
            (Lifecycle::Delivered, "complete"),
            (Lifecycle::Cancelled, "cancel-other"),
        ];
        let deliveries = [
            (DeliveryScheme::Fbs, "courier"),
            (DeliveryScheme::Dbs, "courier"),
            (DeliveryScheme::Express, "courier"),
            (DeliveryScheme::Fbo, "self-delivery"),
            (DeliveryScheme::Fby, "self-delivery"),
            (DeliveryScheme::Pickup, "self-delivery"),
        ];
        Self {
            desk: DeskMapping {
                site: site.to_owned(),
                statuses: statuses
                    .into_iter()
                    .map(|(l, c)| (l, c.to_owned()))
                    .collect(),
                order_type: None,
                order_method: Some("marketplace".to_owned()),
                delivery_types: deliveries
                    .into_iter()
                    .map(|(s, c)| (s, c.to_owned()))
                    .collect(),
                payment_type: Some("bank-card".to_owned()),
                offer_match: OfferMatch::ExternalId,
            },
            actions: HashMap::from([
                ("cancel-other".to_owned(), DeskAction::Cancel),
                ("send-to-delivery".to_owned(), DeskAction::Ship),
                ("availability-confirmed".to_owned(), DeskAction::Confirm),
            ]),
        }
    }

    /// The defaults with the command line's (or environment's) pairs over them; a name that
    /// is not a state, scheme or action is a usage error.
    pub fn from_args(args: &RelayArgs) -> Result<Self, Failure> {
        let mut m = Self::defaults(&args.site);
        if args.site.trim().is_empty() {
            return Err(Failure::usage("--site is empty"));
        }
        for (name, code) in pairs("--status", &args.statuses)? {
            let state: Lifecycle = by_serde_name(&name).ok_or_else(|| {
                Failure::usage(format!(
                    "--status {name}: {name:?} is not an order state (pending, \
                     awaiting-confirmation, awaiting-packaging, awaiting-shipment, \
                     in-delivery, delivered, cancelled, returned, unknown)"
                ))
            })?;
            set(&mut m.desk.statuses, state, code);
        }
        for (name, code) in pairs("--delivery", &args.deliveries)? {
            let scheme: DeliveryScheme = by_serde_name(&name).ok_or_else(|| {
                Failure::usage(format!(
                    "--delivery {name}: {name:?} is not a delivery scheme (fbs, fbo, \
                     fby, dbs, express, pickup)"
                ))
            })?;
            match code {
                Some(c) => m.desk.delivery_types.insert(scheme, c),
                None => m.desk.delivery_types.remove(&scheme),
            };
        }
        for (code, action) in pairs("--action", &args.actions)? {
            let action = match action.as_deref() {
                Some("cancel") => Some(DeskAction::Cancel),
                Some("ship") => Some(DeskAction::Ship),
                Some("confirm") => Some(DeskAction::Confirm),
                None => None,
                Some(other) => {
                    return Err(Failure::usage(format!(
                        "--action {code}={other}: the action is cancel, ship or confirm"
                    )));
                }
            };
            match action {
                Some(a) => m.actions.insert(code, a),
                None => m.actions.remove(&code),
            };
        }
        let optional = |v: &Option<String>, default: Option<String>| match v {
            None => default,
            Some(s) if s.trim().is_empty() => None,
            Some(s) => Some(s.trim().to_owned()),
        };
        m.desk.payment_type = optional(&args.payment, m.desk.payment_type.take());
        m.desk.order_method = optional(&args.order_method, m.desk.order_method.take());
        m.desk.order_type = optional(&args.order_type, None);
        m.desk.offer_match = match args.offer_match {
            OfferMatchArg::ExternalId => OfferMatch::ExternalId,
            OfferMatchArg::XmlId => OfferMatch::XmlId,
        };
        Ok(m)
    }
}

fn set<K: Ord>(map: &mut BTreeMap<K, String>, key: K, code: Option<String>) {
    match code {
        Some(c) => map.insert(key, c),
        None => map.remove(&key),
    };
}

/// `NAME=CODE` pairs; an empty CODE is `None` (remove the default).
fn pairs(flag: &str, given: &[String]) -> Result<Vec<(String, Option<String>)>, Failure> {
    given
        .iter()
        .filter(|p| !p.trim().is_empty())
        .map(|p| {
            let (name, code) = p
                .split_once('=')
                .ok_or_else(|| Failure::usage(format!("{flag} {p}: expected NAME=CODE")))?;
            let (name, code) = (name.trim(), code.trim());
            if name.is_empty() {
                return Err(Failure::usage(format!("{flag} {p}: the name is empty")));
            }
            Ok((name.to_owned(), (!code.is_empty()).then(|| code.to_owned())))
        })
        .collect()
}

/// A unit enum value by its serde name, kebab-case accepted (`awaiting-packaging`).
fn by_serde_name<T: serde::de::DeserializeOwned>(name: &str) -> Option<T> {
    let snake = name.trim().to_ascii_lowercase().replace('-', "_");
    serde_json::from_value(serde_json::Value::String(snake)).ok()
}

/// A status change read back from RetailCRM and what the marketplace did with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StatusLine {
    /// The order's external id (`ozon:0123-1`).
    pub order: String,
    /// The RetailCRM status the manager set.
    pub crm_status: String,
    /// `cancel`, `ship` or `confirm`.
    pub action: &'static str,
    /// `applied`, or `skipped` when the marketplace refused it.
    pub status: &'static str,
    /// The marketplace's refusal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// A marketplace's final state (cancelled, delivered, returned) written to the RetailCRM order
/// that was made from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CrmUpdate {
    /// The order's external id (`ozon:0123-1`).
    pub order: String,
    /// The RetailCRM status code it was given (the `--status` mapping of the marketplace's
    /// state).
    pub crm_status: String,
    /// `updated`, or `failed` when RetailCRM refused the edit.
    pub status: &'static str,
    /// RetailCRM's refusal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// The marketplace states the relay writes to an order already in RetailCRM: the ones the
/// marketplace decides (a buyer's cancellation, the delivery, a return), which a manager must
/// see before acting on the order. Earlier states are the managers' to move.
pub const MARKETPLACE_OWNED: [Lifecycle; 3] = [
    Lifecycle::Cancelled,
    Lifecycle::Delivered,
    Lifecycle::Returned,
];

/// A channel whose order listing failed in a round: the orders it gave before the failure
/// are relayed, the rest wait for the next round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChannelError {
    /// The channel (`ozon`, `wildberries`, ...).
    pub channel: String,
    /// Always `failed`.
    pub status: &'static str,
    /// Orders it gave before failing.
    pub orders_read: usize,
    /// The error.
    pub message: String,
}

/// An order RetailCRM refused, with its reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rejected {
    /// The order's external id (`ozon:0123-1`).
    pub order: String,
    /// Always `rejected`.
    pub status: &'static str,
    /// RetailCRM's reason (or the request's failure).
    pub message: String,
}

/// What one round did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RoundReport {
    /// Orders read from the channels (each once).
    pub orders_read: usize,
    /// Channels whose listing failed; the other channels' orders, and what a failed one gave
    /// before failing, still go to RetailCRM, and the managers' changes are still relayed.
    pub channel_errors: Vec<ChannelError>,
    /// Orders created in RetailCRM, by external id, with their state on the marketplace.
    pub created: Vec<(String, Lifecycle)>,
    /// Orders RetailCRM already held (found by external id, not sent).
    pub already_there: Vec<String>,
    /// Orders RetailCRM refused.
    pub rejected: Vec<Rejected>,
    /// Managers' status changes applied to the marketplaces, or refused by them.
    pub statuses: Vec<StatusLine>,
    /// Orders already in RetailCRM whose marketplace reached a final state
    /// ([`MARKETPLACE_OWNED`]) that RetailCRM did not show yet.
    pub crm_updates: Vec<CrmUpdate>,
    /// The history id the next round starts after.
    pub history_id: Option<HistoryId>,
}

impl RoundReport {
    /// Status changes the marketplaces took.
    pub fn applied(&self) -> usize {
        self.statuses
            .iter()
            .filter(|s| s.status == "applied")
            .count()
    }

    /// Status changes the marketplaces refused.
    pub fn skipped(&self) -> usize {
        self.statuses.len() - self.applied()
    }

    /// The exit code: 0 when nothing was rejected or refused, 3 when some were and others
    /// went through, 1 when nothing went through.
    pub fn exit_code(&self) -> u8 {
        let failed_updates = self
            .crm_updates
            .iter()
            .filter(|u| u.status != "updated")
            .count();
        let bad = self.rejected.len() + self.skipped() + failed_updates + self.channel_errors.len();
        let good = self.created.len() + self.already_there.len() + self.applied();
        crate::output::exit_code(good, bad)
    }
}

/// The relay between the channels and one RetailCRM site.
#[derive(Debug)]
pub struct Relay {
    crm: retailcrm_api::Client,
    desk: OrderDesk,
    statuses: StatusRelay,
    site: String,
    /// The RetailCRM status code of each marketplace state (the desk's mapping).
    codes: BTreeMap<Lifecycle, String>,
    last_id: Option<HistoryId>,
}

impl Relay {
    /// Checks every code of `mapping` against the account's reference books (an unknown code
    /// is a usage error naming each, before any order is sent), and sets the history
    /// position: `last_id` when stored, else the end of the history (its newest id, found in
    /// two requests), so that changes made before the first run are not applied.
    pub async fn open(
        crm: retailcrm_api::Client,
        mapping: Mapping,
        last_id: Option<HistoryId>,
    ) -> Result<Self, Failure> {
        let books = crm
            .reference_statuses_list()
            .await
            .map_err(Failure::call("retailcrm statuses"))?;
        let mut actions: Vec<String> = mapping
            .actions
            .keys()
            .filter(|code| books.get(code.as_str()).is_none())
            .map(|code| format!("{code:?}"))
            .collect();
        actions.sort();
        let mut unknown = Vec::new();
        let site = mapping.desk.site.clone();
        let codes = mapping.desk.statuses.clone();
        let desk = match OrderDesk::open(crm.clone(), mapping.desk).await {
            Ok(desk) => Some(desk),
            // The desk names every unknown code of its own part of the mapping.
            Err(market_core::Error::Validation { message, .. }) => {
                unknown.push(message);
                None
            }
            Err(e) => return Err(Failure::error(format!("retailcrm reference books: {e}"))),
        };
        if !actions.is_empty() {
            unknown.push(format!(
                "the --action codes are not statuses of the RetailCRM account: {}",
                actions.join(", ")
            ));
        }
        if !unknown.is_empty() {
            return Err(Failure::usage(unknown.join("; ")));
        }
        let Some(desk) = desk else {
            return Err(Failure::error("retailcrm: the desk did not open"));
        };
        let statuses = StatusRelay::new(crm.clone(), mapping.actions);
        let last_id = match last_id {
            Some(id) => Some(id),
            // Two requests whatever the history's length: the newest record's id.
            None => crm
                .orders_history_last_id()
                .await
                .map_err(Failure::call("retailcrm orders/history"))?,
        };
        Ok(Self {
            crm,
            desk,
            statuses,
            site,
            codes,
            last_id,
        })
    }

    /// The history id the next round starts after.
    pub fn last_id(&self) -> Option<HistoryId> {
        self.last_id
    }

    /// One round: the channels' orders of `window` into RetailCRM, then the managers' status
    /// changes since the last history id back to the channels.
    pub async fn round(
        &mut self,
        channels: &[&dyn Marketplace],
        window: TimeWindow,
    ) -> Result<RoundReport, Failure> {
        let mut report = RoundReport::default();
        let mut orders: Vec<(Order, ImportKey)> = Vec::new();
        let mut seen = HashSet::new();
        for channel in channels {
            let kind = channel.kind();
            let mut stream = channel.orders(OrderQuery::changes(window));
            let mut read = 0;
            while let Some(item) = stream.next().await {
                let order = match item {
                    Ok(order) => order,
                    Err(e) => {
                        // Nothing read is dropped: what came before the failure is relayed,
                        // and the next round reads the window again.
                        report.channel_errors.push(ChannelError {
                            channel: kind.name().to_owned(),
                            status: "failed",
                            orders_read: read,
                            message: e.to_string(),
                        });
                        break;
                    }
                };
                read += 1;
                let key = ImportKey::new(kind.clone(), order.id.clone());
                if seen.insert(key.to_string()) {
                    orders.push((order, key));
                }
            }
        }
        report.orders_read = orders.len();

        let keys: Vec<String> = orders.iter().map(|(_, k)| k.to_string()).collect();
        let found = self.find(&keys).await?;
        let (there, new): (Vec<_>, Vec<_>) = orders
            .into_iter()
            .partition(|(_, k)| found.contains_key(&k.to_string()));
        report.already_there = there.iter().map(|(_, k)| k.to_string()).collect();
        report.crm_updates = self.update_final_states(&there, &found).await;

        if !new.is_empty() {
            let lifecycles: HashMap<String, Lifecycle> = new
                .iter()
                .map(|(o, k)| (k.to_string(), o.status.lifecycle))
                .collect();
            let uploaded = self.desk.upload(&new).await;
            for key in uploaded.accepted {
                let lifecycle = lifecycles.get(&key).copied().unwrap_or(Lifecycle::Unknown);
                report.created.push((key, lifecycle));
            }
            report.rejected = uploaded
                .rejected
                .into_iter()
                .map(|r| Rejected {
                    order: r.key,
                    status: "rejected",
                    message: r.message,
                })
                .collect();
        }

        let relayed = self
            .statuses
            .run(self.last_id, channels)
            .await
            .map_err(Failure::call("retailcrm orders/history"))?;
        report.statuses = relayed
            .relayed
            .into_iter()
            .map(|r| StatusLine {
                order: r.external_id,
                crm_status: r.status,
                action: match r.action {
                    DeskAction::Cancel => "cancel",
                    DeskAction::Ship => "ship",
                    DeskAction::Confirm => "confirm",
                },
                status: if r.outcome.is_ok() {
                    "applied"
                } else {
                    "skipped"
                },
                message: r.outcome.err(),
            })
            .collect();
        self.last_id = relayed.last_id;
        report.history_id = self.last_id;
        Ok(report)
    }

    /// Writes each marketplace-decided final state ([`MARKETPLACE_OWNED`]) to the RetailCRM
    /// order made from it when RetailCRM shows another status: a buyer's cancellation on the
    /// marketplace reaches the managers before they ship. Once written, the next round finds
    /// the code there and sends nothing; the edit is the relay's own, so the history leaves it
    /// out of the managers' changes.
    async fn update_final_states(
        &self,
        there: &[(Order, ImportKey)],
        found: &HashMap<String, Found>,
    ) -> Vec<CrmUpdate> {
        use market_core::helpers::OrderSink as _;
        let mut updates = Vec::new();
        for (order, key) in there {
            if !MARKETPLACE_OWNED.contains(&order.status.lifecycle) {
                continue;
            }
            let key = key.to_string();
            let (Some(code), Some(crm)) =
                (self.codes.get(&order.status.lifecycle), found.get(&key))
            else {
                continue;
            };
            if crm.status.as_deref() == Some(code.as_str()) {
                continue;
            }
            let Some(id) = crm.id else { continue };
            let outcome = self
                .desk
                .status_changed(
                    &market_core::LocalId::new(id.to_string()),
                    order,
                    &order.status,
                )
                .await;
            updates.push(CrmUpdate {
                order: key,
                crm_status: code.clone(),
                status: if outcome.is_ok() { "updated" } else { "failed" },
                message: outcome.err().map(|e| e.to_string()),
            });
        }
        updates
    }

    /// The RetailCRM orders of `keys` on the site, by external id.
    async fn find(&self, keys: &[String]) -> Result<HashMap<String, Found>, Failure> {
        let mut found = HashMap::new();
        for chunk in keys.chunks(LOOKUP_CHUNK) {
            let filter = OrderFilter {
                external_ids: chunk.to_vec(),
                sites: vec![self.site.clone()],
                ..OrderFilter::default()
            };
            let orders: Vec<_> = self
                .crm
                .orders_list(&filter, retailcrm_api::PageSize::Hundred)
                .try_collect()
                .await
                .map_err(Failure::call("retailcrm orders (looking up external ids)"))?;
            found.extend(orders.into_iter().filter_map(|o| {
                let key = o.external_id?;
                Some((
                    key,
                    Found {
                        id: o.id.map(|id| id.0),
                        status: o.status,
                    },
                ))
            }));
        }
        Ok(found)
    }
}

/// A RetailCRM order found by its external id.
#[derive(Debug, Clone)]
struct Found {
    /// RetailCRM's id.
    id: Option<i64>,
    /// Its status code.
    status: Option<String>,
}

/// The relay's state file: the history id to start after.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StateFile {
    /// The last `orders/history` id read.
    pub orders_history_id: Option<i64>,
}

impl StateFile {
    /// Reads the file; a file that does not exist is an empty state.
    pub fn read(path: &Path) -> Result<Self, Failure> {
        match std::fs::read(path) {
            Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| {
                Failure::error(format!("{}: not a relay state file: {e}", path.display()))
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Self::default()),
            Err(e) => Err(Failure::error(format!(
                "cannot read {}: {e}",
                path.display()
            ))),
        }
    }

    /// Writes the file (through a temporary file renamed over it).
    pub fn write(&self, path: &Path) -> Result<(), Failure> {
        let mut tmp = path.as_os_str().to_owned();
        tmp.push(".tmp");
        let tmp = std::path::PathBuf::from(tmp);
        let bytes = serde_json::to_vec(self)
            .map_err(|e| Failure::error(format!("cannot write the relay state: {e}")))?;
        std::fs::write(&tmp, bytes)
            .and_then(|()| std::fs::rename(&tmp, path))
            .map_err(|e| Failure::error(format!("cannot write {}: {e}", path.display())))
    }
}

// ---- The command: connect, run, print. ------------------------------------------------------

/// What a round prints first: its figures.
#[derive(Debug, Serialize)]
struct RoundLine<'a> {
    round: usize,
    from: &'a str,
    to: &'static str,
    orders_read: usize,
    created: usize,
    already_there: usize,
    rejected: usize,
    statuses_applied: usize,
    statuses_skipped: usize,
    /// Orders already in RetailCRM given their marketplace's final state.
    crm_updated: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    history_id: Option<i64>,
    /// Requests the local RetailCRM sandbox received in the round.
    #[serde(skip_serializing_if = "Option::is_none")]
    crm_requests: Option<usize>,
}

/// One order or status line of a round.
#[derive(Debug, Serialize)]
struct ItemLine<'a, T: Serialize> {
    round: usize,
    #[serde(flatten)]
    item: &'a T,
}

/// A walkthrough step between rounds.
#[derive(Debug, Serialize)]
struct StepLine<'a> {
    step: &'static str,
    order: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    crm_status: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    marketplace_status: Option<&'a market_core::OrderStatus>,
}

fn print_round(
    out: &mut super::commands::Stdio,
    round: usize,
    from: &str,
    report: &RoundReport,
    crm_requests: Option<usize>,
) -> Result<(), Failure> {
    use crate::output::{Format, Table};
    let line = RoundLine {
        round,
        from,
        to: "retailcrm",
        orders_read: report.orders_read,
        created: report.created.len(),
        already_there: report.already_there.len(),
        rejected: report.rejected.len(),
        statuses_applied: report.applied(),
        statuses_skipped: report.skipped(),
        crm_updated: report
            .crm_updates
            .iter()
            .filter(|u| u.status == "updated")
            .count(),
        history_id: report.history_id.map(|h| h.0),
        crm_requests,
    };
    match out.format {
        Format::JsonLines => {
            out.json(&line)?;
            for c in &report.channel_errors {
                out.json(&ItemLine { round, item: c })?;
            }
            for r in &report.rejected {
                out.json(&ItemLine { round, item: r })?;
            }
            for s in &report.statuses {
                out.json(&ItemLine { round, item: s })?;
            }
            for u in &report.crm_updates {
                out.json(&ItemLine { round, item: u })?;
            }
        }
        Format::Table => {
            let mut t = Table::new([
                "round",
                "from",
                "read",
                "created",
                "already_there",
                "rejected",
                "applied",
                "skipped",
                "crm_updated",
                "history_id",
                "crm_requests",
            ]);
            let opt = |v: Option<String>| v.unwrap_or_else(|| "-".to_owned());
            t.push([
                round.to_string(),
                from.to_owned(),
                line.orders_read.to_string(),
                line.created.to_string(),
                line.already_there.to_string(),
                line.rejected.to_string(),
                line.statuses_applied.to_string(),
                line.statuses_skipped.to_string(),
                line.crm_updated.to_string(),
                opt(line.history_id.map(|h| h.to_string())),
                opt(crm_requests.map(|n| n.to_string())),
            ]);
            out.table(&t)?;
            if !report.rejected.is_empty()
                || !report.statuses.is_empty()
                || !report.crm_updates.is_empty()
                || !report.channel_errors.is_empty()
            {
                let mut items = Table::new(["order", "what", "detail"]);
                for c in &report.channel_errors {
                    items.push([
                        c.channel.clone(),
                        "listing failed".to_owned(),
                        format!("after {} orders: {}", c.orders_read, c.message),
                    ]);
                }
                for r in &report.rejected {
                    items.push([r.order.clone(), "rejected".to_owned(), r.message.clone()]);
                }
                for s in &report.statuses {
                    items.push([
                        s.order.clone(),
                        format!("{} {}", s.action, s.status),
                        match &s.message {
                            Some(m) => format!("{}: {m}", s.crm_status),
                            None => s.crm_status.clone(),
                        },
                    ]);
                }
                for u in &report.crm_updates {
                    items.push([
                        u.order.clone(),
                        format!("crm {}", u.status),
                        match &u.message {
                            Some(m) => format!("{}: {m}", u.crm_status),
                            None => u.crm_status.clone(),
                        },
                    ]);
                }
                out.table(&items)?;
            }
        }
    }
    for c in &report.channel_errors {
        crate::common::note(&format!(
            "round {round}: the orders of {} failed after {} orders: {}",
            c.channel, c.orders_read, c.message
        ));
    }
    crate::common::note(&format!(
        "round {round}: {} orders read, {} created, {} already there, {} rejected, \
         {} given their final state; {} status changes applied, {} skipped",
        line.orders_read,
        line.created,
        line.already_there,
        line.rejected,
        line.crm_updated,
        line.statuses_applied,
        line.statuses_skipped
    ));
    Ok(())
}

fn print_step(out: &mut super::commands::Stdio, step: &StepLine<'_>) -> Result<(), Failure> {
    use crate::output::{Format, Table};
    match out.format {
        Format::JsonLines => out.json(step)?,
        Format::Table => {
            let mut t = Table::new(["step", "order", "crm_status", "marketplace_status"]);
            t.push([
                step.step.to_owned(),
                step.order.to_owned(),
                step.crm_status.unwrap_or("-").to_owned(),
                step.marketplace_status
                    .map(|s| format!("{} ({})", crate::output::name_of(&s.lifecycle), s.raw))
                    .unwrap_or_else(|| "-".to_owned()),
            ]);
            out.table(&t)?;
        }
    }
    Ok(())
}

/// Runs `market relay`.
pub(crate) async fn run(
    global: &crate::cli::Global,
    args: RelayArgs,
    out: &mut super::commands::Stdio,
) -> Result<u8, Failure> {
    // Everything the command line can get wrong is checked before connecting.
    let mapping = Mapping::from_args(&args)?;
    let window = global.window(chrono::Utc::now()).map_err(Failure::usage)?;
    let mut from: Vec<crate::cli::MarketplaceArg> = Vec::new();
    for m in &args.from {
        if *m == crate::cli::MarketplaceArg::Retailcrm {
            return Err(Failure::usage(
                "--from retailcrm: the relay takes orders from the marketplaces into RetailCRM",
            ));
        }
        if !from.contains(m) {
            from.push(*m);
        }
    }
    if from.len() > 1 && global.base_url.is_some() {
        return Err(Failure::usage(
            "--base-url names one host: give one --from with it",
        ));
    }
    let stored = match &args.state {
        Some(path) => StateFile::read(path)?,
        None => StateFile::default(),
    };

    let crm = crate::common::connect::<crate::common::RetailCrmConnector>(args.crm_url.clone())
        .await
        .map_err(Failure::call("retailcrm client"))?;
    // A RetailCRM that outlives this process (an account, or a server at --crm-url) keeps
    // its history between runs: the relay must keep its place in it too.
    if crm.sandbox.is_none() && args.state.is_none() && !args.walkthrough {
        return Err(Failure::usage(
            "a RetailCRM account (or a server at --crm-url) needs --state FILE, where the relay \
             keeps the history id between runs, so that each manager's change is applied once",
        ));
    }
    if args.walkthrough && crm.sandbox.is_none() {
        return Err(Failure::usage(
            "--walkthrough plays a manager in the local RetailCRM sandbox: run it without \
             RetailCRM credentials and without --crm-url",
        ));
    }
    // The mapping is checked before any channel is even connected.
    let crm_sandbox = crm.sandbox.as_ref();
    let requests = || crm_sandbox.map(|s| s.requests().total());
    let mut relay = Relay::open(
        crm.client.clone(),
        mapping.clone(),
        stored.orders_history_id.map(HistoryId),
    )
    .await?;
    let mut channels = Vec::new();
    for m in &from {
        let channel = crate::connect_to(*m, global.base_url.clone()).await?;
        if args.walkthrough && channel.vendor.is_account() {
            return Err(Failure::usage(
                "--walkthrough cancels an order: it runs on sandboxes only (unset the \
                 marketplace's credentials)",
            ));
        }
        channels.push(channel);
    }
    let markets: Vec<&dyn Marketplace> = channels.iter().map(|c| c.market.as_ref()).collect();
    let names = from
        .iter()
        .map(|m| {
            clap::ValueEnum::to_possible_value(m)
                .map(|v| v.get_name().to_owned())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(",");

    if !args.walkthrough {
        let before = requests();
        let report = relay.round(&markets, window).await?;
        let crm_requests = requests().zip(before).map(|(a, b)| a - b);
        if let Some(path) = &args.state {
            StateFile {
                orders_history_id: relay.last_id().map(|h| h.0),
            }
            .write(path)?;
        }
        print_round(out, 1, &names, &report, crm_requests)?;
        return Ok(report.exit_code());
    }

    // The walkthrough: two rounds, a manager's cancellation, a third round, the check.
    let mut code = crate::output::EXIT_OK;
    let mut first = RoundReport::default();
    for round in 1..=2 {
        let before = requests();
        let report = relay.round(&markets, window).await?;
        print_round(
            out,
            round,
            &names,
            &report,
            requests().zip(before).map(|(a, b)| a - b),
        )?;
        code = worst(code, report.exit_code());
        if round == 1 {
            first = report;
        }
    }
    let Some(sandbox) = crm_sandbox else {
        return Err(Failure::error("the RetailCRM sandbox is gone"));
    };
    let mut cancel_codes: Vec<&String> = mapping
        .actions
        .iter()
        .filter(|(_, a)| **a == DeskAction::Cancel)
        .map(|(c, _)| c)
        .collect();
    cancel_codes.sort();
    let Some(cancel) = cancel_codes.first() else {
        return Err(Failure::usage(
            "--walkthrough: no CRM status is mapped to cancel (--action CODE=cancel)",
        ));
    };
    let Some((order, _)) = first
        .created
        .iter()
        .find(|(_, l)| *l == Lifecycle::AwaitingPackaging)
    else {
        return Err(Failure::error(
            "--walkthrough: the first round created no order awaiting packaging to cancel",
        ));
    };
    if !sandbox.manager_sets_status(order, cancel) {
        return Err(Failure::error(format!(
            "--walkthrough: the RetailCRM sandbox has no order {order}"
        )));
    }
    print_step(
        out,
        &StepLine {
            step: "manager",
            order,
            crm_status: Some(cancel),
            marketplace_status: None,
        },
    )?;
    let before = requests();
    let third = relay.round(&markets, window).await?;
    print_round(
        out,
        3,
        &names,
        &third,
        requests().zip(before).map(|(a, b)| a - b),
    )?;
    code = worst(code, third.exit_code());

    let Some((channel, id)) = order.split_once(':') else {
        return Err(Failure::error(format!("{order} is not channel:order id")));
    };
    let Some(market) = markets.iter().find(|m| m.kind().as_str() == channel) else {
        return Err(Failure::error(format!("no channel {channel}")));
    };
    let now = market
        .order(&market_core::OrderId::from(id))
        .await
        .map_err(Failure::call(format!("order {id}")))?;
    print_step(
        out,
        &StepLine {
            step: "check",
            order,
            crm_status: None,
            marketplace_status: Some(&now.status),
        },
    )?;
    if now.status.lifecycle != Lifecycle::Cancelled {
        return Err(Failure::error(format!(
            "the manager's cancellation of {order} did not reach the marketplace: it is {}",
            now.status.raw
        )));
    }
    crate::common::note(&format!(
        "{order}: cancelled in RetailCRM by a manager, now {} on the marketplace",
        now.status.raw
    ));
    Ok(code)
}

/// The worse of two exit codes: an error (1) over a partial result (3) over success (0).
fn worst(a: u8, b: u8) -> u8 {
    use crate::output::{EXIT_ERROR, EXIT_PARTIAL};
    if a == EXIT_ERROR || b == EXIT_ERROR {
        EXIT_ERROR
    } else if a == EXIT_PARTIAL || b == EXIT_PARTIAL {
        EXIT_PARTIAL
    } else {
        a.max(b)
    }
}
