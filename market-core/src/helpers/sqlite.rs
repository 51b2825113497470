//! A durable [`LinkStore`] on embedded SQLite (feature `sqlite`): what a service that has no
//! database of its own should give its [`OrderImporter`](super::OrderImporter), so that a
//! restarted process neither imports everything again nor loses the claims of orders it was
//! creating.
//!
//! One file holds the links of every channel, in the table `order_links` with the primary key
//! `(marketplace, order_id)`; the table `market_schema_version` holds the schema's version so
//! that a later release can migrate the file. Several processes may share the file: every
//! write is one `BEGIN IMMEDIATE` transaction, so the insert-if-absent and the compare-and-swap
//! of the [`LinkStore`] contract hold between them too. SQLite's calls block, so each runs on
//! tokio's blocking pool ([`tokio::task::spawn_blocking`]).

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use async_trait::async_trait;
use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::{Connection, OptionalExtension, Row, Transaction, TransactionBehavior, params};

use super::import::{Claim, InsertOutcome, Link, LinkState, LinkStore};
use crate::error::{Error, Result};
use crate::ids::{LocalId, OrderId};
use crate::model::{Lifecycle, MarketplaceKind, OrderStatus};

/// The schema version this release writes and reads.
pub const SCHEMA_VERSION: i64 = 1;

/// How long a call waits for another connection's write to finish before failing.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

const VENDOR: &str = "sqlite";

const COLUMNS: &str =
    "order_id, local_id, lifecycle, raw_status, claim_token, claimed_at, released";

/// A [`LinkStore`] in an SQLite file.
///
/// ```
/// # #[tokio::main(flavor = "current_thread")]
/// # async fn main() -> market_core::Result<()> {
/// use market_core::helpers::{
///     Link, LinkState, LinkStore, MemoryLinkStore, OrderImporter, SqliteLinkStore,
/// };
/// use market_core::{Lifecycle, MarketplaceKind, OrderId, OrderStatus};
///
/// let path = std::env::temp_dir().join(format!("links-doc-{}.sqlite", std::process::id()));
/// let store = SqliteLinkStore::open(&path).await?;
/// let link = Link::new("ERP-1", OrderStatus::new(Lifecycle::AwaitingPackaging, "new"));
/// store.insert(&MarketplaceKind::Ozon, &OrderId::from("1-1"), LinkState::Linked(link)).await?;
/// drop(store);
///
/// // A restarted process finds the link.
/// let importer = OrderImporter::new(SqliteLinkStore::open(&path).await?);
/// let state = importer.store().get(&MarketplaceKind::Ozon, &OrderId::from("1-1")).await?;
/// assert_eq!(state.and_then(|s| s.link().map(|l| l.local_id.to_string())), Some("ERP-1".into()));
/// # drop(importer);
/// # let _ = std::fs::remove_file(&path);
/// # Ok(())
/// # }
/// ```
#[derive(Debug, Clone)]
pub struct SqliteLinkStore {
    conn: Arc<Mutex<Connection>>,
    path: Option<PathBuf>,
}

impl SqliteLinkStore {
    /// Opens (or creates) the store in the file at `path`, creating or checking its schema.
    ///
    /// # Errors
    ///
    /// The file cannot be opened or written, is not an SQLite database, or was written by a
    /// newer release (its schema version is above [`SCHEMA_VERSION`]).
    pub async fn open(path: impl AsRef<Path>) -> Result<Self> {
        let path = path.as_ref().to_path_buf();
        let for_open = path.clone();
        let conn = tokio::task::spawn_blocking(move || {
            let conn = Connection::open(&for_open).map_err(db("open"))?;
            prepare(conn)
        })
        .await
        .map_err(joined("open"))??;
        Ok(Self {
            conn: Arc::new(Mutex::new(conn)),
            path: Some(path),
        })
    }

    /// A store in memory, lost when dropped (for tests of code written against SQLite).
    ///
    /// # Errors
    ///
    /// SQLite could not set the database up.
    pub async fn in_memory() -> Result<Self> {
        let conn = tokio::task::spawn_blocking(|| {
            let conn = Connection::open_in_memory().map_err(db("open"))?;
            prepare(conn)
        })
        .await
        .map_err(joined("open"))??;
        Ok(Self {
            conn: Arc::new(Mutex::new(conn)),
            path: None,
        })
    }

    /// The file, unless the store is in memory.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// How many orders have an entry, linked or pending, over every channel.
    ///
    /// # Errors
    ///
    /// SQLite failed.
    pub async fn count(&self) -> Result<u64> {
        self.with_conn("count", |conn| {
            conn.query_row("SELECT COUNT(*) FROM order_links", [], |row| {
                row.get::<_, i64>(0)
            })
            .map(|n| u64::try_from(n).unwrap_or(0))
            .map_err(db("count"))
        })
        .await
    }

    async fn with_conn<T, F>(&self, operation: &'static str, f: F) -> Result<T>
    where
        T: Send + 'static,
        F: FnOnce(&mut Connection) -> Result<T> + Send + 'static,
    {
        let conn = Arc::clone(&self.conn);
        tokio::task::spawn_blocking(move || {
            // A panic while the lock was held dropped its transaction, which rolled back: the
            // connection is usable.
            let mut guard = conn.lock().unwrap_or_else(|e| e.into_inner());
            f(&mut guard)
        })
        .await
        .map_err(joined(operation))?
    }
}

/// Sets the connection up and brings the schema to [`SCHEMA_VERSION`].
fn prepare(mut conn: Connection) -> Result<Connection> {
    conn.busy_timeout(BUSY_TIMEOUT).map_err(db("open"))?;
    // Write-ahead logging lets readers go on while one connection writes. A database in
    // memory answers "memory", which is fine.
    let _mode: String = conn
        .query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))
        .map_err(db("open"))?;
    let tx = conn
        .transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(db("migrate"))?;
    tx.execute_batch(
        "CREATE TABLE IF NOT EXISTS market_schema_version (version INTEGER NOT NULL);",
    )
    .map_err(db("migrate"))?;
    let version: Option<i64> = tx
        .query_row(
            "SELECT MAX(version) FROM market_schema_version",
            [],
            |row| row.get(0),
        )
        .map_err(db("migrate"))?;
    match version {
        None => {
            tx.execute_batch(
                "CREATE TABLE order_links (
                    marketplace TEXT NOT NULL,
                    order_id    TEXT NOT NULL,
                    local_id    TEXT,              -- NULL while the order is only claimed
                    lifecycle   TEXT NOT NULL,     -- the claim's status, or the last one told
                    raw_status  TEXT NOT NULL,
                    claim_token TEXT,              -- the pending claim's holder
                    claimed_at  TEXT,              -- RFC 3339
                    released    INTEGER NOT NULL DEFAULT 0,
                    open        INTEGER NOT NULL,  -- pending, or linked and not final
                    PRIMARY KEY (marketplace, order_id)
                );
                CREATE INDEX order_links_open ON order_links (marketplace, open);",
            )
            .map_err(db("migrate"))?;
            tx.execute(
                "INSERT INTO market_schema_version (version) VALUES (?1)",
                params![SCHEMA_VERSION],
            )
            .map_err(db("migrate"))?;
        }
        Some(SCHEMA_VERSION) => {}
        Some(other) => {
            return Err(Error::Config(format!(
                "link store schema version {other} is not {SCHEMA_VERSION}: \
                 written by another release of market-core"
            )));
        }
    }
    tx.commit().map_err(db("migrate"))?;
    Ok(conn)
}

fn db(operation: &'static str) -> impl Fn(rusqlite::Error) -> Error {
    move |e| Error::Transport {
        vendor: VENDOR,
        operation,
        message: e.to_string(),
        not_sent: false,
        source: None,
    }
}

fn joined(operation: &'static str) -> impl Fn(tokio::task::JoinError) -> Error {
    move |e| Error::Transport {
        vendor: VENDOR,
        operation,
        message: format!("the blocking call did not finish: {e}"),
        not_sent: false,
        source: None,
    }
}

fn undecodable(column: &str, message: impl Into<String>, value: &str) -> Error {
    Error::Decode {
        vendor: VENDOR,
        operation: "read link",
        path: format!("order_links.{column}"),
        message: message.into(),
        excerpt: crate::error::excerpt(value.as_bytes(), 120),
    }
}

fn lifecycle_name(lifecycle: Lifecycle) -> String {
    match serde_json::to_value(lifecycle) {
        Ok(serde_json::Value::String(name)) => name,
        _ => "unknown".to_owned(),
    }
}

/// The columns of one row, as stored.
struct RawRow {
    order_id: String,
    local_id: Option<String>,
    lifecycle: String,
    raw_status: String,
    claim_token: Option<String>,
    claimed_at: Option<String>,
    released: bool,
}

impl RawRow {
    fn from_row(row: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(Self {
            order_id: row.get(0)?,
            local_id: row.get(1)?,
            lifecycle: row.get(2)?,
            raw_status: row.get(3)?,
            claim_token: row.get(4)?,
            claimed_at: row.get(5)?,
            released: row.get(6)?,
        })
    }

    fn decode(self) -> Result<(OrderId, LinkState)> {
        let lifecycle: Lifecycle =
            serde_json::from_value(serde_json::Value::String(self.lifecycle.clone()))
                .map_err(|e| undecodable("lifecycle", e.to_string(), &self.lifecycle))?;
        let status = OrderStatus::new(lifecycle, self.raw_status);
        let state = match (self.local_id, self.claim_token, self.claimed_at) {
            (Some(local), _, _) => LinkState::Linked(Link::new(LocalId::new(local), status)),
            (None, Some(token), Some(at)) => {
                let claimed_at = DateTime::parse_from_rfc3339(&at)
                    .map_err(|e| undecodable("claimed_at", e.to_string(), &at))?
                    .with_timezone(&Utc);
                LinkState::Pending(Claim {
                    token,
                    claimed_at,
                    status,
                    released: self.released,
                })
            }
            (None, _, _) => {
                return Err(undecodable(
                    "claim_token",
                    "a row without local_id needs claim_token and claimed_at",
                    &self.order_id,
                ));
            }
        };
        Ok((OrderId::new(self.order_id), state))
    }
}

/// The columns of a state, to store.
struct Columns {
    local_id: Option<String>,
    lifecycle: String,
    raw_status: String,
    claim_token: Option<String>,
    claimed_at: Option<String>,
    released: bool,
    open: bool,
}

impl Columns {
    fn of(state: &LinkState) -> Self {
        let open = state.is_open();
        match state {
            LinkState::Linked(link) => Self {
                local_id: Some(link.local_id.to_string()),
                lifecycle: lifecycle_name(link.last_status.lifecycle),
                raw_status: link.last_status.raw.clone(),
                claim_token: None,
                claimed_at: None,
                released: false,
                open,
            },
            LinkState::Pending(claim) => Self {
                local_id: None,
                lifecycle: lifecycle_name(claim.status.lifecycle),
                raw_status: claim.status.raw.clone(),
                claim_token: Some(claim.token.clone()),
                claimed_at: Some(
                    claim
                        .claimed_at
                        .to_rfc3339_opts(SecondsFormat::AutoSi, true),
                ),
                released: claim.released,
                open,
            },
        }
    }
}

fn read(tx: &Connection, marketplace: &str, external: &str) -> Result<Option<LinkState>> {
    let raw = tx
        .query_row(
            &format!("SELECT {COLUMNS} FROM order_links WHERE marketplace = ?1 AND order_id = ?2"),
            params![marketplace, external],
            RawRow::from_row,
        )
        .optional()
        .map_err(db("get"))?;
    raw.map(|r| r.decode().map(|(_, state)| state)).transpose()
}

fn immediate<'c>(conn: &'c mut Connection, operation: &'static str) -> Result<Transaction<'c>> {
    conn.transaction_with_behavior(TransactionBehavior::Immediate)
        .map_err(db(operation))
}

#[async_trait]
impl LinkStore for SqliteLinkStore {
    async fn get(
        &self,
        marketplace: &MarketplaceKind,
        external: &OrderId,
    ) -> Result<Option<LinkState>> {
        let (m, id) = (marketplace.as_str().to_owned(), external.to_string());
        self.with_conn("get", move |conn| read(conn, &m, &id)).await
    }

    async fn insert(
        &self,
        marketplace: &MarketplaceKind,
        external: &OrderId,
        state: LinkState,
    ) -> Result<InsertOutcome> {
        let (m, id) = (marketplace.as_str().to_owned(), external.to_string());
        self.with_conn("insert", move |conn| {
            let c = Columns::of(&state);
            let tx = immediate(conn, "insert")?;
            let inserted = tx
                .execute(
                    "INSERT INTO order_links (marketplace, order_id, local_id, lifecycle,
                         raw_status, claim_token, claimed_at, released, open)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
                     ON CONFLICT (marketplace, order_id) DO NOTHING",
                    params![
                        m,
                        id,
                        c.local_id,
                        c.lifecycle,
                        c.raw_status,
                        c.claim_token,
                        c.claimed_at,
                        c.released,
                        c.open
                    ],
                )
                .map_err(db("insert"))?;
            let outcome = if inserted == 1 {
                InsertOutcome::Inserted
            } else {
                let existing = read(&tx, &m, &id)?
                    .ok_or_else(|| undecodable("order_id", "the conflicting row is gone", &id))?;
                InsertOutcome::Exists(existing)
            };
            tx.commit().map_err(db("insert"))?;
            Ok(outcome)
        })
        .await
    }

    async fn replace(
        &self,
        marketplace: &MarketplaceKind,
        external: &OrderId,
        expected: &LinkState,
        new: LinkState,
    ) -> Result<bool> {
        let (m, id) = (marketplace.as_str().to_owned(), external.to_string());
        let expected = expected.clone();
        self.with_conn("replace", move |conn| {
            let tx = immediate(conn, "replace")?;
            if read(&tx, &m, &id)?.as_ref() != Some(&expected) {
                // Dropping the transaction rolls it back; nothing was written.
                return Ok(false);
            }
            let c = Columns::of(&new);
            tx.execute(
                "UPDATE order_links SET local_id = ?3, lifecycle = ?4, raw_status = ?5,
                     claim_token = ?6, claimed_at = ?7, released = ?8, open = ?9
                 WHERE marketplace = ?1 AND order_id = ?2",
                params![
                    m,
                    id,
                    c.local_id,
                    c.lifecycle,
                    c.raw_status,
                    c.claim_token,
                    c.claimed_at,
                    c.released,
                    c.open
                ],
            )
            .map_err(db("replace"))?;
            tx.commit().map_err(db("replace"))?;
            Ok(true)
        })
        .await
    }

    async fn open_orders(
        &self,
        marketplace: &MarketplaceKind,
    ) -> Result<Vec<(OrderId, LinkState)>> {
        let m = marketplace.as_str().to_owned();
        self.with_conn("open", move |conn| {
            let mut statement = conn
                .prepare(&format!(
                    "SELECT {COLUMNS} FROM order_links
                     WHERE marketplace = ?1 AND open = 1 ORDER BY order_id"
                ))
                .map_err(db("open orders"))?;
            let rows = statement
                .query_map(params![m], RawRow::from_row)
                .map_err(db("open orders"))?;
            let mut open = Vec::new();
            for row in rows {
                open.push(row.map_err(db("open orders"))?.decode()?);
            }
            Ok(open)
        })
        .await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lifecycle_round_trips_and_only_final_ones_are_closed() {
        let all = [
            Lifecycle::Pending,
            Lifecycle::AwaitingConfirmation,
            Lifecycle::AwaitingPackaging,
            Lifecycle::AwaitingShipment,
            Lifecycle::InDelivery,
            Lifecycle::Delivered,
            Lifecycle::Cancelled,
            Lifecycle::Returned,
            Lifecycle::Unknown,
        ];
        for lifecycle in all {
            let name = lifecycle_name(lifecycle);
            let back: Lifecycle =
                serde_json::from_value(serde_json::Value::String(name.clone())).unwrap();
            assert_eq!(back, lifecycle, "{name}");
            let link = LinkState::Linked(Link::new("L", OrderStatus::new(lifecycle, "x")));
            assert_eq!(Columns::of(&link).open, !lifecycle.is_final());
        }
    }
}
