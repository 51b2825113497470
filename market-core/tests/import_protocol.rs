//! The order importer against the faults of issue 11: status changes of old orders (item 2)
//! and a link store or sink failing at any step (item 4).

#![allow(clippy::unwrap_used)]

mod import_support;

use std::sync::Arc;

use chrono::{Duration, Utc};
use futures::StreamExt;
use futures::stream::BoxStream;
use import_support::*;
use market_core::helpers::{
    Claim, ImportKey, Link, LinkState, LinkStore, MemoryLinkStore, OrderImporter, next_window,
};
use market_core::{
    Capabilities, Marketplace, MarketplaceKind, Order, OrderId, OrderQuery, Result, TimeWindow,
    WindowBasis,
};

// ---------------------------------------------------------------------------------------------
// Item 2: every status change reaches the sink
// ---------------------------------------------------------------------------------------------

/// An order created 26 hours ago is imported, then cancelled; the next poll, of the last hour,
/// must tell the sink. Returns the channel and the sink after that poll.
async fn cancel_a_day_old_order(lists_changes: bool) -> (Channel, Sink) {
    let now = Utc::now();
    let channel = Channel::new(
        lists_changes,
        vec![
            order_at("OLD", now - Duration::hours(26)),
            order_at("NEW", now - Duration::minutes(30)),
        ],
    );
    let sink = Sink::default();
    let importer = OrderImporter::new(MemoryLinkStore::new());

    let first = TimeWindow::last(Duration::days(2));
    let report = importer.import(&channel, first, &sink).await.unwrap();
    assert_eq!(report.created.len(), 2, "{report:?}");
    assert!(report.is_complete());

    channel.change("OLD", cancelled(), Utc::now());
    let poll = next_window(&first, Utc::now(), Duration::minutes(10));
    let hour = TimeWindow::last(Duration::hours(1));
    for window in [poll, hour] {
        assert!(window.since > now - Duration::hours(2), "a short window");
    }
    let report = importer.import(&channel, hour, &sink).await.unwrap();
    assert_eq!(report.status_changed, ids(&["OLD"]), "{report:?}");
    assert!(report.created.is_empty());
    assert!(report.is_complete());
    let changes = sink.changes();
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].1, OrderId::from("OLD"));
    assert_eq!(changes[0].2, fresh(), "the previous status");
    assert_eq!(changes[0].3, cancelled(), "the cancellation");

    // The next poll has nothing new to say.
    let report = importer.import(&channel, hour, &sink).await.unwrap();
    assert!(report.status_changed.is_empty(), "{report:?}");
    assert_eq!(sink.changes().len(), 1);
    (channel, sink)
}

#[tokio::test]
async fn cancellation_of_a_day_old_order_reaches_the_sink_where_the_channel_lists_changes() {
    let (channel, _) = cancel_a_day_old_order(true).await;
    // The channel was asked for changes, and nothing was re-read one by one.
    let queries = channel.queries.lock().unwrap().clone();
    assert!(
        queries
            .iter()
            .all(|q| q.basis == WindowBasis::StatusChanged),
        "{queries:?}"
    );
    assert!(channel.reads().is_empty(), "{:?}", channel.reads());
}

#[tokio::test]
async fn cancellation_of_a_day_old_order_reaches_the_sink_where_the_channel_lists_by_creation() {
    let (channel, _) = cancel_a_day_old_order(false).await;
    // The open order outside the window was re-read; the one listed was not; once
    // cancelled (final) it is not re-read again.
    assert_eq!(channel.reads(), ids(&["OLD"]));
}

#[tokio::test]
async fn orders_listed_by_the_window_are_not_re_read() {
    let now = Utc::now();
    let channel = Channel::new(false, vec![order_at("A", now - Duration::minutes(5))]);
    let sink = Sink::default();
    let importer = OrderImporter::new(MemoryLinkStore::new());
    let hour = TimeWindow::last(Duration::hours(1));
    importer.import(&channel, hour, &sink).await.unwrap();
    channel.change("A", cancelled(), Utc::now());
    let report = importer.import(&channel, hour, &sink).await.unwrap();
    assert_eq!(report.status_changed, ids(&["A"]));
    assert!(channel.reads().is_empty(), "{:?}", channel.reads());
}

#[tokio::test]
async fn a_failed_re_read_is_a_stream_error_that_keeps_what_came_before() {
    let now = Utc::now();
    let old = |id| order_at(id, now - Duration::hours(30));
    let channel = Channel::new(false, vec![old("A"), old("B"), old("C")]);
    let sink = Sink::default();
    let importer = OrderImporter::new(MemoryLinkStore::new());
    importer
        .import(&channel, TimeWindow::last(Duration::days(2)), &sink)
        .await
        .unwrap();
    for id in ["A", "B", "C"] {
        channel.change(id, cancelled(), Utc::now());
    }
    channel
        .fail_reads
        .lock()
        .unwrap()
        .insert(OrderId::from("B"));

    let hour = TimeWindow::last(Duration::hours(1));
    let report = importer.import(&channel, hour, &sink).await.unwrap();
    // Open orders are re-read in id order: A, then B fails and the re-reading stops.
    assert_eq!(report.status_changed, ids(&["A"]), "{report:?}");
    let error = report.stream_error.as_deref().unwrap();
    assert!(error.contains("status read failed"), "{error}");
    assert!(!report.is_complete());

    channel.fail_reads.lock().unwrap().clear();
    let report = importer.import(&channel, hour, &sink).await.unwrap();
    assert_eq!(report.status_changed, ids(&["B", "C"]), "{report:?}");
    assert!(report.is_complete());
    assert_eq!(sink.changes().len(), 3);
}

#[tokio::test]
async fn a_failed_listing_still_re_reads_open_orders() {
    let now = Utc::now();
    let channel = Channel::new(false, vec![order_at("A", now - Duration::hours(30))]);
    let sink = Sink::default();
    let importer = OrderImporter::new(MemoryLinkStore::new());
    importer
        .import(&channel, TimeWindow::last(Duration::days(2)), &sink)
        .await
        .unwrap();
    channel.change("A", cancelled(), Utc::now());
    *channel.fail_listing.lock().unwrap() = true;
    let report = importer
        .import(&channel, TimeWindow::last(Duration::hours(1)), &sink)
        .await
        .unwrap();
    assert!(
        report
            .stream_error
            .as_deref()
            .unwrap()
            .contains("listing is down")
    );
    assert_eq!(report.status_changed, ids(&["A"]));
}

/// A channel whose re-read also yields an order nobody asked for.
struct Volunteering(Channel, Order);

#[async_trait::async_trait]
impl Marketplace for Volunteering {
    fn kind(&self) -> MarketplaceKind {
        self.0.kind()
    }
    fn account(&self) -> &str {
        self.0.account()
    }
    fn capabilities(&self) -> Capabilities {
        self.0.capabilities()
    }
    fn orders(&self, query: OrderQuery) -> BoxStream<'_, Result<Order>> {
        self.0.orders(query)
    }
    fn refresh_orders(&self, ids: Vec<OrderId>) -> BoxStream<'_, Result<Order>> {
        let extra = futures::stream::iter([Ok(self.1.clone())]);
        self.0.refresh_orders(ids).chain(extra).boxed()
    }
    async fn order(&self, id: &OrderId) -> Result<Order> {
        self.0.order(id).await
    }
}

#[tokio::test]
async fn a_re_read_never_creates_an_order() {
    let now = Utc::now();
    let channel = Channel::new(false, vec![order_at("A", now - Duration::hours(30))]);
    let stranger = order_at("STRANGER", now - Duration::hours(30));
    let shop = Volunteering(channel, stranger);
    let sink = Sink::default();
    let importer = OrderImporter::new(MemoryLinkStore::new());
    importer
        .import(&shop, TimeWindow::last(Duration::days(2)), &sink)
        .await
        .unwrap();
    let report = importer
        .import(&shop, TimeWindow::last(Duration::hours(1)), &sink)
        .await
        .unwrap();
    assert_eq!(report.unchanged, 1, "A re-read: {report:?}");
    assert!(report.created.is_empty());
    assert_eq!(sink.total(), 1, "only A was ever created");
    assert_eq!(importer.store().len(), 1);
}

// ---------------------------------------------------------------------------------------------
// Item 4: never two orders in the seller's system
// ---------------------------------------------------------------------------------------------

fn four_orders() -> Channel {
    let now = Utc::now();
    Channel::new(
        true,
        ["A", "B", "C", "D"]
            .into_iter()
            .map(|id| order_at(id, now - Duration::minutes(20)))
            .collect(),
    )
}

fn hour() -> TimeWindow {
    TimeWindow::last(Duration::hours(1))
}

/// Every call of the link store fails in turn, before or after doing its work, in a first run
/// (importer with the default lease) and again in a second run that reconciles (lease run
/// out); a clean run follows. No order is ever created twice, and in the end each exactly
/// once, with every entry linked.
#[tokio::test]
async fn a_link_store_failing_at_any_step_never_creates_an_order_twice() {
    // The number of store calls of a clean first run bounds the indices worth failing.
    let probe = FlakyStore::new(MemoryLinkStore::new());
    let probe_importer = OrderImporter::new(probe);
    probe_importer
        .import(&four_orders(), hour(), &Sink::default())
        .await
        .unwrap();
    let first_run_calls = probe_importer.store().calls();
    assert!(
        first_run_calls >= 13,
        "get, claim, link per order, then open"
    );

    let mut combinations = 0;
    for how_first in [Failure::Before, Failure::After] {
        for first in 0..=first_run_calls {
            for how_second in [Failure::Before, Failure::After] {
                for second in 0..=first_run_calls + 8 {
                    combinations += 1;
                    let context = format!(
                        "first run fails call {first} ({how_first:?}), \
                         second call {second} ({how_second:?})"
                    );
                    let channel = four_orders();
                    let sink = Sink::default();
                    let store = Arc::new(FlakyStore::new(MemoryLinkStore::new()));
                    let fresh_importer = OrderImporter::new(store.clone());
                    // Time has passed: every claim left is past its lease.
                    let later_importer =
                        OrderImporter::new(store.clone()).with_lease(Duration::zero());

                    store.fail(first, how_first);
                    fresh_importer
                        .import(&channel, hour(), &sink)
                        .await
                        .unwrap();
                    sink.assert_no_double(&context);

                    store.fail(second, how_second);
                    later_importer
                        .import(&channel, hour(), &sink)
                        .await
                        .unwrap();
                    sink.assert_no_double(&context);

                    store.heal();
                    let report = later_importer
                        .import(&channel, hour(), &sink)
                        .await
                        .unwrap();
                    assert!(report.is_complete(), "{context}: {report:?}");
                    assert!(report.duplicates.is_empty(), "{context}: {report:?}");
                    sink.assert_no_double(&context);
                    let creations = sink.creations();
                    assert_eq!(creations.len(), 4, "{context}: every order created");
                    assert_eq!(store.inner.pending(), 0, "{context}");
                    for id in ["A", "B", "C", "D"] {
                        let state = store.inner.get(&kind(), &OrderId::from(id)).await.unwrap();
                        let key = ImportKey::new(kind(), id);
                        let record = sink.records.lock().unwrap()[&key][0].clone();
                        assert_eq!(
                            state.and_then(|s| s.link().map(|l| l.local_id.clone())),
                            Some(record),
                            "{context}: {id} linked to its record"
                        );
                    }

                    let again = later_importer
                        .import(&channel, hour(), &sink)
                        .await
                        .unwrap();
                    assert_eq!(again.unchanged, 4, "{context}: {again:?}");
                    assert_eq!(sink.total(), 4, "{context}");
                }
            }
        }
    }
    assert!(combinations > 500, "{combinations}");
}

#[tokio::test]
async fn an_order_created_but_not_linked_is_found_not_created_again() {
    // The store fails exactly at linking A (its third call: get, claim, link).
    let channel = four_orders();
    let sink = Sink::default();
    let store = Arc::new(FlakyStore::new(MemoryLinkStore::new()));
    let importer = OrderImporter::new(store.clone());
    store.fail(2, Failure::Before);
    let report = importer.import(&channel, hour(), &sink).await.unwrap();
    assert_eq!(report.failed.len(), 1, "{report:?}");
    assert_eq!(report.failed[0].0, OrderId::from("A"));
    assert!(
        report.failed[0].1.contains("link was not stored"),
        "{report:?}"
    );
    assert_eq!(sink.total(), 4);

    // Still within the lease: the sink has it, so it is linked at once.
    store.heal();
    let report = importer.import(&channel, hour(), &sink).await.unwrap();
    assert_eq!(report.reconciled.len(), 1, "{report:?}");
    assert_eq!(report.reconciled[0].0, OrderId::from("A"));
    assert_eq!(report.unchanged, 3);
    assert!(report.created.is_empty());
    assert_eq!(sink.total(), 4);
}

#[tokio::test]
async fn a_claim_within_its_lease_is_left_to_its_holder_then_taken_over() {
    let channel = four_orders();
    let sink = Sink::default();
    let store = Arc::new(MemoryLinkStore::new());
    // Another importer claimed A a minute ago and has not created it yet.
    let claim = Claim {
        token: "elsewhere-1".into(),
        claimed_at: Utc::now() - Duration::minutes(1),
        status: fresh(),
        released: false,
    };
    store
        .insert(&kind(), &OrderId::from("A"), LinkState::Pending(claim))
        .await
        .unwrap();

    let importer = OrderImporter::new(store.clone());
    assert_eq!(importer.lease(), Duration::minutes(10), "the default lease");
    let report = importer.import(&channel, hour(), &sink).await.unwrap();
    assert_eq!(report.in_progress, ids(&["A"]), "{report:?}");
    assert_eq!(report.created.len(), 3);
    assert!(report.is_complete());
    assert!(!sink.creations().contains_key(&OrderId::from("A")));

    // With a lease shorter than the claim's age, the claim is stale: taken over, created.
    let importer = OrderImporter::new(store.clone()).with_lease(Duration::seconds(30));
    let report = importer.import(&channel, hour(), &sink).await.unwrap();
    assert_eq!(report.created.len(), 1, "{report:?}");
    assert_eq!(report.created[0].0, OrderId::from("A"));
    assert_eq!(sink.total(), 4);
    assert_eq!(store.pending(), 0);
}

#[tokio::test]
async fn a_sink_error_releases_the_claim_and_the_next_import_creates_once() {
    let channel = four_orders();
    let sink = Sink::default();
    sink.fail_create.lock().unwrap().insert(OrderId::from("B"));
    let store = Arc::new(MemoryLinkStore::new());
    let importer = OrderImporter::new(store.clone());
    let report = importer.import(&channel, hour(), &sink).await.unwrap();
    assert_eq!(report.failed.len(), 1, "{report:?}");
    match store.get(&kind(), &OrderId::from("B")).await.unwrap() {
        Some(LinkState::Pending(claim)) => assert!(claim.released, "{claim:?}"),
        other => panic!("B should be a released claim: {other:?}"),
    }

    // Within the lease, a released claim is taken over at once.
    sink.fail_create.lock().unwrap().clear();
    let report = importer.import(&channel, hour(), &sink).await.unwrap();
    assert_eq!(report.created.len(), 1, "{report:?}");
    assert_eq!(report.created[0].0, OrderId::from("B"));
    assert_eq!(sink.total(), 4);
}

#[tokio::test]
async fn a_failed_lookup_creates_nothing() {
    let channel = four_orders();
    let sink = Sink::default();
    let store = Arc::new(MemoryLinkStore::new());
    let claim = Claim {
        token: "crashed-1".into(),
        claimed_at: Utc::now() - Duration::hours(1),
        status: fresh(),
        released: false,
    };
    store
        .insert(&kind(), &OrderId::from("A"), LinkState::Pending(claim))
        .await
        .unwrap();
    *sink.fail_find.lock().unwrap() = true;
    let importer = OrderImporter::new(store.clone());
    let report = importer.import(&channel, hour(), &sink).await.unwrap();
    assert_eq!(report.failed.len(), 1, "{report:?}");
    assert!(report.failed[0].1.contains("lookup"), "{report:?}");
    assert!(!sink.creations().contains_key(&OrderId::from("A")));

    *sink.fail_find.lock().unwrap() = false;
    let report = importer.import(&channel, hour(), &sink).await.unwrap();
    assert_eq!(report.created.len(), 1, "{report:?}");
    assert_eq!(sink.total(), 4);
}

#[tokio::test]
async fn a_reconciled_order_that_moved_on_reports_its_new_status() {
    // A crashed importer created A (status fresh) but never linked it; A was cancelled since.
    let channel = four_orders();
    let sink = Sink::default();
    let store = Arc::new(MemoryLinkStore::new());
    let importer = OrderImporter::new(store.clone());
    let key = ImportKey::new(kind(), "A");
    let order = channel.orders.lock().unwrap()[0].clone();
    let local = market_core::helpers::OrderSink::create(&sink, &order, &key)
        .await
        .unwrap();
    let claim = Claim {
        token: "crashed-1".into(),
        claimed_at: Utc::now() - Duration::hours(1),
        status: fresh(),
        released: false,
    };
    store
        .insert(&kind(), &OrderId::from("A"), LinkState::Pending(claim))
        .await
        .unwrap();
    channel.change("A", cancelled(), Utc::now());

    let report = importer.import(&channel, hour(), &sink).await.unwrap();
    assert_eq!(report.reconciled, vec![(OrderId::from("A"), local.clone())]);
    assert_eq!(report.created.len(), 3);
    let changes = sink.changes();
    assert_eq!(changes.len(), 1);
    assert_eq!(
        changes[0],
        (local.clone(), OrderId::from("A"), fresh(), cancelled())
    );
    assert_eq!(
        store.get(&kind(), &OrderId::from("A")).await.unwrap(),
        Some(LinkState::Linked(Link::new(local, cancelled())))
    );
    assert_eq!(sink.total(), 4);
}

#[tokio::test]
async fn a_pending_claim_outside_the_window_is_finished_by_a_later_poll() {
    // A was claimed two days ago by a run that crashed before creating; its status never
    // changed, so no window lists it again: the importer re-reads it from its claim.
    let now = Utc::now();
    let channel = Channel::new(true, vec![order_at("A", now - Duration::days(2))]);
    let sink = Sink::default();
    let store = Arc::new(MemoryLinkStore::new());
    let claim = Claim {
        token: "crashed-1".into(),
        claimed_at: now - Duration::days(2),
        status: fresh(),
        released: false,
    };
    store
        .insert(&kind(), &OrderId::from("A"), LinkState::Pending(claim))
        .await
        .unwrap();
    let importer = OrderImporter::new(store.clone());
    let report = importer.import(&channel, hour(), &sink).await.unwrap();
    assert_eq!(report.created.len(), 1, "{report:?}");
    assert_eq!(channel.reads(), ids(&["A"]));
    assert_eq!(store.pending(), 0);
}

/// Two importers on one store, many orders, run at once; each order is created exactly
/// once. Returns how many orders an importer found claimed by the other (contention).
async fn race(parallel: bool) -> usize {
    let now = Utc::now();
    let orders: Vec<Order> = (0..200)
        .map(|i| order_at(&format!("O-{i:03}"), now - Duration::minutes(5)))
        .collect();
    let channel = Arc::new(Channel {
        // In parallel, the second importer lists in reverse, so the two cross.
        reverse_odd_queries: parallel,
        ..Channel::new(true, orders)
    });
    let sink = Arc::new(Sink::yielding());
    let store = Arc::new(MemoryLinkStore::new());
    let import = |store: Arc<MemoryLinkStore>| {
        let (channel, sink) = (channel.clone(), sink.clone());
        async move {
            OrderImporter::new(store)
                .import(channel.as_ref(), hour(), sink.as_ref())
                .await
                .unwrap()
        }
    };
    let (one, two) = if parallel {
        let (one, two) = (
            tokio::spawn(import(store.clone())),
            tokio::spawn(import(store.clone())),
        );
        (one.await.unwrap(), two.await.unwrap())
    } else {
        // One thread: the importers take turns at every await of the sink.
        tokio::join!(import(store.clone()), import(store.clone()))
    };

    sink.assert_no_double("two importers");
    assert_eq!(sink.total(), 200);
    assert_eq!(
        one.created.len() + two.created.len(),
        200,
        "{one:?} {two:?}"
    );
    assert!(one.duplicates.is_empty() && two.duplicates.is_empty());
    assert!(one.failed.is_empty() && two.failed.is_empty());
    assert_eq!(one.seen(), 200);
    assert_eq!(two.seen(), 200);
    assert_eq!(store.pending(), 0);
    let again = OrderImporter::new(store.clone())
        .import(channel.as_ref(), hour(), sink.as_ref())
        .await
        .unwrap();
    assert_eq!(again.unchanged, 200, "{again:?}");
    [&one, &two]
        .iter()
        .map(|r| r.in_progress.len() + r.reconciled.len())
        .sum()
}

#[tokio::test]
async fn two_importers_taking_turns_create_each_order_once() {
    let contention = race(false).await;
    assert!(contention >= 100, "the importers did meet: {contention}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_importers_in_parallel_create_each_order_once() {
    for _ in 0..20 {
        race(true).await;
    }
}

#[test]
fn import_keys_have_a_stable_string_form() {
    assert_eq!(
        ImportKey::new(MarketplaceKind::Ozon, "12345-0001-1").to_string(),
        "ozon:12345-0001-1"
    );
    assert_eq!(
        ImportKey::new(MarketplaceKind::YandexMarket, "42").as_string(),
        "yandex_market:42"
    );
    let key = ImportKey::new(kind(), "A");
    assert_eq!(key.marketplace(), &kind());
    assert_eq!(key.order_id(), &OrderId::from("A"));
    assert_eq!(
        OrderImporter::<MemoryLinkStore>::query_for(hour()).basis,
        WindowBasis::StatusChanged
    );
}

#[tokio::test]
async fn an_order_the_channel_cannot_read_does_not_hide_the_orders_after_it() {
    // Yandex Market yields an order it cannot decode as an error item and goes on: every poll
    // would stop at that order, and the orders listed after it would never be imported.
    let now = Utc::now();
    let channel = Channel::new(
        true,
        vec![
            order_at("A", now - Duration::minutes(50)),
            order_at("BAD", now - Duration::minutes(40)),
            order_at("C", now - Duration::minutes(30)),
        ],
    );
    channel
        .unreadable
        .lock()
        .unwrap()
        .insert(OrderId::from("BAD"));
    let sink = Sink::default();
    let importer = OrderImporter::new(MemoryLinkStore::new());
    let report = importer
        .import(&channel, TimeWindow::last(Duration::hours(1)), &sink)
        .await
        .unwrap();
    let created: Vec<&str> = report.created.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(created, ["A", "C"], "{report:?}");
    assert!(
        !report.is_complete(),
        "the unreadable order keeps the window open"
    );
    assert!(report.stream_error.is_some());
}

#[tokio::test]
async fn a_stream_of_errors_is_cut_off() {
    struct Errors;
    #[async_trait::async_trait]
    impl Marketplace for Errors {
        fn kind(&self) -> MarketplaceKind {
            kind()
        }
        fn account(&self) -> &str {
            "test"
        }
        fn capabilities(&self) -> Capabilities {
            Capabilities::of(&[
                market_core::Capability::Orders,
                market_core::Capability::OrderChanges,
            ])
        }
        fn orders(&self, _: OrderQuery) -> BoxStream<'_, Result<Order>> {
            futures::stream::repeat_with(|| Err(market_core::Error::validation("x", "bad"))).boxed()
        }
    }
    let importer = OrderImporter::new(MemoryLinkStore::new());
    let report = importer
        .import(
            &Errors,
            TimeWindow::last(Duration::hours(1)),
            &Sink::default(),
        )
        .await
        .unwrap();
    let message = report.stream_error.unwrap_or_default();
    assert!(message.contains("too many errors"), "{message}");
}
