//! The SQLite link store (feature `sqlite`): durable across a reopen, atomic between
//! connections, and what the importer needs to survive a restart (issue 11, item 5).

#![cfg(feature = "sqlite")]
#![allow(clippy::unwrap_used)]

mod import_support;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use chrono::{Duration, TimeZone, Utc};
use import_support::*;
use market_core::helpers::{
    Claim, InsertOutcome, Link, LinkState, LinkStore, OrderImporter, SqliteLinkStore,
};
use market_core::{Error, Lifecycle, MarketplaceKind, Order, OrderId, TimeWindow};

/// A database file under the temp dir, unique to this test, removed on drop.
struct TempDb(PathBuf);

impl TempDb {
    fn new(name: &str) -> Self {
        static N: AtomicU64 = AtomicU64::new(0);
        let unique = format!(
            "market-core-links-{name}-{}-{}-{}.sqlite",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst),
            Utc::now().timestamp_nanos_opt().unwrap_or_default()
        );
        Self(std::env::temp_dir().join(unique))
    }

    fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempDb {
    fn drop(&mut self) {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            let mut file = self.0.clone().into_os_string();
            file.push(suffix);
            let _ = std::fs::remove_file(file);
        }
    }
}

fn claim(token: &str) -> Claim {
    Claim {
        token: token.into(),
        // Nanoseconds, to prove the time is kept exactly (a compare-and-swap needs that).
        claimed_at: Utc.timestamp_opt(1_767_000_000, 123_456_789).unwrap(),
        status: status(Lifecycle::AwaitingConfirmation, "awaiting_approve"),
        released: false,
    }
}

#[tokio::test]
async fn links_and_pending_claims_survive_a_reopen() {
    let db = TempDb::new("reopen");
    let linked = LinkState::Linked(Link::new("ERP-1", fresh()));
    let pending = LinkState::Pending(claim("importer-7"));
    let released = LinkState::Pending(Claim {
        released: true,
        ..claim("importer-8")
    });
    let closed = LinkState::Linked(Link::new("ERP-3", cancelled()));
    {
        let store = SqliteLinkStore::open(db.path()).await.unwrap();
        assert_eq!(store.path(), Some(db.path()));
        for (id, state) in [
            ("A", &linked),
            ("B", &pending),
            ("C", &closed),
            ("D", &released),
        ] {
            let outcome = store
                .insert(&kind(), &OrderId::from(id), state.clone())
                .await
                .unwrap();
            assert_eq!(outcome, InsertOutcome::Inserted);
        }
        // Another channel, same order id: a separate entry.
        store
            .insert(&MarketplaceKind::Ozon, &OrderId::from("A"), closed.clone())
            .await
            .unwrap();
    }

    let store = SqliteLinkStore::open(db.path()).await.unwrap();
    assert_eq!(store.count().await.unwrap(), 5);
    let get = |id: &'static str| {
        let store = store.clone();
        async move { store.get(&kind(), &OrderId::from(id)).await.unwrap() }
    };
    assert_eq!(get("A").await, Some(linked.clone()));
    assert_eq!(get("B").await, Some(pending.clone()));
    assert_eq!(get("C").await, Some(closed.clone()));
    assert_eq!(get("D").await, Some(released.clone()));
    assert_eq!(get("Z").await, None);
    assert_eq!(
        store
            .get(&MarketplaceKind::Ozon, &OrderId::from("A"))
            .await
            .unwrap(),
        Some(closed.clone())
    );

    // Open entries: pending claims and links that are not final, of this channel only.
    let open = store.open_orders(&kind()).await.unwrap();
    assert_eq!(
        open,
        vec![
            (OrderId::from("A"), linked.clone()),
            (OrderId::from("B"), pending.clone()),
            (OrderId::from("D"), released.clone()),
        ]
    );
    assert!(
        store
            .open_orders(&MarketplaceKind::Ozon)
            .await
            .unwrap()
            .is_empty()
    );

    // What was read back is exactly what is stored: a compare-and-swap with it succeeds.
    let now_linked = LinkState::Linked(Link::new("ERP-2", fresh()));
    assert!(
        store
            .replace(&kind(), &OrderId::from("B"), &pending, now_linked.clone())
            .await
            .unwrap()
    );
    assert!(
        !store
            .replace(&kind(), &OrderId::from("B"), &pending, linked.clone())
            .await
            .unwrap(),
        "no longer the expected entry"
    );
    assert!(
        !store
            .replace(&kind(), &OrderId::from("Z"), &pending, linked.clone())
            .await
            .unwrap(),
        "no entry is not the expected one"
    );
    // A second insert never replaces.
    assert_eq!(
        store
            .insert(&kind(), &OrderId::from("A"), pending.clone())
            .await
            .unwrap(),
        InsertOutcome::Exists(linked.clone())
    );
    drop(store);
    let store = SqliteLinkStore::open(db.path()).await.unwrap();
    assert_eq!(
        store.get(&kind(), &OrderId::from("B")).await.unwrap(),
        Some(now_linked)
    );
    assert_eq!(store.count().await.unwrap(), 5);
}

/// Two connections to one file (two processes, say) insert the same orders at once: exactly
/// one insert of each wins, and the loser is given the winner's entry.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_inserts_on_two_connections_store_once() {
    let db = TempDb::new("insert");
    let stores = [
        SqliteLinkStore::open(db.path()).await.unwrap(),
        SqliteLinkStore::open(db.path()).await.unwrap(),
    ];
    for round in 0..40 {
        let id = OrderId::from(format!("O-{round}"));
        let barrier = Arc::new(tokio::sync::Barrier::new(2));
        let tasks: Vec<_> = stores
            .iter()
            .enumerate()
            .map(|(i, store)| {
                let (store, barrier, id) = (store.clone(), barrier.clone(), id.clone());
                tokio::spawn(async move {
                    barrier.wait().await;
                    let state = LinkState::Pending(claim(&format!("importer-{i}")));
                    store.insert(&kind(), &id, state).await.unwrap()
                })
            })
            .collect();
        let mut outcomes = Vec::new();
        for task in tasks {
            outcomes.push(task.await.unwrap());
        }
        let inserted = outcomes
            .iter()
            .filter(|o| **o == InsertOutcome::Inserted)
            .count();
        assert_eq!(inserted, 1, "{outcomes:?}");
        let stored = stores[0].get(&kind(), &id).await.unwrap().unwrap();
        assert!(
            outcomes.contains(&InsertOutcome::Exists(stored)),
            "{outcomes:?}"
        );
    }
    assert_eq!(stores[1].count().await.unwrap(), 40);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn concurrent_replaces_on_two_connections_swap_once() {
    let db = TempDb::new("replace");
    let one = SqliteLinkStore::open(db.path()).await.unwrap();
    let two = SqliteLinkStore::open(db.path()).await.unwrap();
    let pending = LinkState::Pending(claim("stale"));
    for round in 0..40 {
        let id = OrderId::from(format!("O-{round}"));
        one.insert(&kind(), &id, pending.clone()).await.unwrap();
        let take = |store: SqliteLinkStore, token: &'static str| {
            let (id, pending) = (id.clone(), pending.clone());
            tokio::spawn(async move {
                let mine = LinkState::Pending(claim(token));
                store.replace(&kind(), &id, &pending, mine).await.unwrap()
            })
        };
        let (a, b) = (take(one.clone(), "one"), take(two.clone(), "two"));
        let (a, b) = (a.await.unwrap(), b.await.unwrap());
        assert!(a ^ b, "exactly one takes the claim over: {a} {b}");
    }
}

/// The importer on SQLite: a restarted process creates nothing again, and a claim left by a
/// failure before the restart is reconciled, not created twice.
#[tokio::test]
async fn an_importer_restarted_on_the_same_file_creates_nothing_twice() {
    let db = TempDb::new("restart");
    let now = Utc::now();
    let orders: Vec<Order> = ["A", "B", "C"]
        .into_iter()
        .map(|id| order_at(id, now - Duration::minutes(20)))
        .collect();
    let channel = Channel::new(true, orders);
    let sink = Sink::default();
    let hour = || TimeWindow::last(Duration::hours(1));
    {
        // The store fails to link B (calls: get A, claim A, link A, get B, claim B, link B).
        let store = FlakyStore::new(SqliteLinkStore::open(db.path()).await.unwrap());
        store.fail(5, Failure::Before);
        let report = OrderImporter::new(store)
            .import(&channel, hour(), &sink)
            .await
            .unwrap();
        assert_eq!(report.created.len(), 2, "{report:?}");
        assert_eq!(report.failed.len(), 1, "{report:?}");
        assert_eq!(sink.total(), 3, "B was created, not linked");
    }

    let importer = OrderImporter::new(SqliteLinkStore::open(db.path()).await.unwrap());
    match importer
        .store()
        .get(&kind(), &OrderId::from("B"))
        .await
        .unwrap()
    {
        Some(LinkState::Pending(_)) => {}
        other => panic!("B's claim survives the restart: {other:?}"),
    }
    let report = importer.import(&channel, hour(), &sink).await.unwrap();
    assert_eq!(report.reconciled.len(), 1, "{report:?}");
    assert_eq!(report.unchanged, 2);
    assert!(report.created.is_empty());
    sink.assert_no_double("after the restart");
    assert_eq!(sink.total(), 3);

    // A cancellation after the restart is reported once.
    channel.change("C", cancelled(), Utc::now());
    let report = importer.import(&channel, hour(), &sink).await.unwrap();
    assert_eq!(report.status_changed, ids(&["C"]));
    drop(importer);
    let importer = OrderImporter::new(SqliteLinkStore::open(db.path()).await.unwrap());
    let report = importer.import(&channel, hour(), &sink).await.unwrap();
    assert_eq!(report.unchanged, 3, "{report:?}");
    assert_eq!(sink.changes().len(), 1);
}

/// Two importers, each with its own connection to one file, in parallel.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_importers_on_two_connections_create_each_order_once() {
    let db = TempDb::new("race");
    let now = Utc::now();
    let orders: Vec<Order> = (0..60)
        .map(|i| order_at(&format!("O-{i:02}"), now - Duration::minutes(5)))
        .collect();
    let channel = Arc::new(Channel {
        reverse_odd_queries: true,
        ..Channel::new(true, orders)
    });
    let sink = Arc::new(Sink::yielding());
    let hour = TimeWindow::last(Duration::hours(1));
    let mut tasks = Vec::new();
    for _ in 0..2 {
        let store = SqliteLinkStore::open(db.path()).await.unwrap();
        let (channel, sink) = (channel.clone(), sink.clone());
        tasks.push(tokio::spawn(async move {
            OrderImporter::new(store)
                .import(channel.as_ref(), hour, sink.as_ref())
                .await
                .unwrap()
        }));
    }
    let mut created = 0;
    for task in tasks {
        let report = task.await.unwrap();
        assert!(report.is_complete(), "{report:?}");
        assert!(report.duplicates.is_empty(), "{report:?}");
        created += report.created.len();
    }
    sink.assert_no_double("two connections");
    assert_eq!(sink.total(), 60);
    assert_eq!(created, 60);
    let store = SqliteLinkStore::open(db.path()).await.unwrap();
    assert_eq!(store.count().await.unwrap(), 60);
    assert!(
        store
            .open_orders(&kind())
            .await
            .unwrap()
            .iter()
            .all(|(_, s)| s.link().is_some()),
        "no claim left pending"
    );
}

#[tokio::test]
async fn a_file_of_a_newer_schema_or_not_sqlite_is_an_error() {
    let db = TempDb::new("version");
    drop(SqliteLinkStore::open(db.path()).await.unwrap());
    {
        let conn = rusqlite::Connection::open(db.path()).unwrap();
        conn.execute("UPDATE market_schema_version SET version = 99", [])
            .unwrap();
    }
    let err = SqliteLinkStore::open(db.path()).await.unwrap_err();
    assert!(matches!(err, Error::Config(_)), "{err:?}");
    assert!(err.to_string().contains("99"), "{err}");

    let junk = TempDb::new("junk");
    std::fs::write(junk.path(), vec![0x42u8; 4096]).unwrap();
    let err = SqliteLinkStore::open(junk.path()).await.unwrap_err();
    assert!(
        matches!(
            err,
            Error::Transport {
                vendor: "sqlite",
                ..
            }
        ),
        "{err:?}"
    );
}

#[tokio::test]
async fn a_store_in_memory_works_alike() {
    let store = SqliteLinkStore::in_memory().await.unwrap();
    assert_eq!(store.path(), None);
    let id = OrderId::from("A");
    let pending = LinkState::Pending(claim("t"));
    assert_eq!(
        store.insert(&kind(), &id, pending.clone()).await.unwrap(),
        InsertOutcome::Inserted
    );
    assert_eq!(store.get(&kind(), &id).await.unwrap(), Some(pending));
}
