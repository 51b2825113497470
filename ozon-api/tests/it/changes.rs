//! Issue 11 through the emulator: incremental polling sees the status changes of older
//! postings (item 2), `refresh_orders` reads in batches, and the emulator's injected 200s
//! without data and replayed pages end a listing with an error (items 1 and 10).

use chrono::{TimeDelta, Utc};
use futures::{StreamExt, TryStreamExt};
use market_core::sandbox::{Fault, FaultPlan};
use market_core::transport::HttpSettings;
use market_core::{
    CancelReason, Capability, Error, Lifecycle, Marketplace, Order, OrderId, OrderQuery,
    TimeWindow, WindowBasis,
};
use ozon_api::Client;
use ozon_api::sandbox::{Sandbox, SandboxConfig};

fn client(sandbox: &Sandbox) -> Client {
    sandbox
        .client_builder()
        .http(HttpSettings {
            connect_timeout: None,
            request_timeout: None,
            pool_idle_timeout: None,
            ..HttpSettings::default()
        })
        .build()
        .unwrap()
}

fn last(hours: i64) -> TimeWindow {
    let now = Utc::now();
    TimeWindow::new(now - TimeDelta::hours(hours), now + TimeDelta::minutes(1)).unwrap()
}

async fn orders(m: &dyn Marketplace, query: OrderQuery) -> Vec<Order> {
    m.orders(query).try_collect().await.unwrap()
}

fn find<'a>(orders: &'a [Order], id: &str) -> Option<&'a Order> {
    orders.iter().find(|o| o.id.as_str() == id)
}

async fn cancellation_of_a_day_old_posting_is_seen(cancel_by_seller: bool) {
    let sandbox = Sandbox::start_with(SandboxConfig {
        fbs_orders: 20,
        fbo_orders: 5,
        ..SandboxConfig::default()
    })
    .await;
    let ozon = client(&sandbox);
    let m: &dyn Marketplace = &ozon;
    let created = Utc::now() - TimeDelta::hours(26);
    let number = sandbox.add_order_at(created);

    // The poll of a day ago saw it new.
    let then = TimeWindow::new(
        created - TimeDelta::minutes(30),
        created + TimeDelta::minutes(30),
    )
    .unwrap();
    let seen = orders(m, OrderQuery::window(then)).await;
    let first = find(&seen, number.as_str()).expect("listed by creation when it was new");
    assert_eq!(first.status.lifecycle, Lifecycle::AwaitingPackaging);

    // Cancelled now.
    if cancel_by_seller {
        m.cancel_order(
            &OrderId::new(number.as_str()),
            &CancelReason::out_of_stock(),
        )
        .await
        .unwrap();
    } else {
        assert!(sandbox.cancel_by_buyer(&number));
    }

    // A poll of the last hour by status change returns it, cancelled.
    let changes = orders(m, OrderQuery::changes(last(1))).await;
    let changed = find(&changes, number.as_str()).expect("the cancellation is seen");
    assert_eq!(changed.status.lifecycle, Lifecycle::Cancelled);
    // Only what changed in the hour: not the whole history of the week.
    assert!(changes.len() < sandbox.posting_count(), "{}", changes.len());
    for o in &changes {
        assert!(o.created_at <= Utc::now());
    }

    // A poll of the last hour by creation does not: that is the hole a change filter closes.
    let created_now = orders(m, OrderQuery::window(last(1))).await;
    assert!(find(&created_now, number.as_str()).is_none());
}

#[tokio::test]
async fn a_buyer_s_cancellation_of_a_day_old_posting_reaches_a_poll_by_status_change() {
    cancellation_of_a_day_old_posting_is_seen(false).await;
}

#[tokio::test]
async fn a_seller_s_cancellation_of_a_day_old_posting_reaches_a_poll_by_status_change() {
    cancellation_of_a_day_old_posting_is_seen(true).await;
}

#[tokio::test]
async fn the_change_poll_sends_ozon_s_last_changed_status_date_filter() {
    let server = wiremock::MockServer::start().await;
    wiremock::Mock::given(wiremock::matchers::path("/v4/posting/fbs/list"))
        .respond_with(
            wiremock::ResponseTemplate::new(200).set_body_json(
                serde_json::json!({"postings": [], "has_next": false, "cursor": ""}),
            ),
        )
        .mount(&server)
        .await;
    wiremock::Mock::given(wiremock::matchers::path("/v3/posting/fbo/list"))
        .respond_with(
            wiremock::ResponseTemplate::new(200).set_body_json(
                serde_json::json!({"postings": [], "has_next": false, "cursor": ""}),
            ),
        )
        .mount(&server)
        .await;
    let ozon = Client::builder("1", "k")
        .base_url(server.uri())
        .build()
        .unwrap();
    let m: &dyn Marketplace = &ozon;
    let window = last(1);
    let query = OrderQuery::changes(window);
    assert_eq!(query.basis, WindowBasis::StatusChanged);
    let _ = orders(m, query).await;
    let requests = server.received_requests().await.unwrap();
    let fbs: Vec<serde_json::Value> = requests
        .iter()
        .filter(|r| r.url.path() == "/v4/posting/fbs/list")
        .map(|r| serde_json::from_slice(&r.body).unwrap())
        .collect();
    assert_eq!(fbs.len(), 1);
    let filter = &fbs[0]["filter"];
    let date = |v: &serde_json::Value| {
        chrono::DateTime::parse_from_rfc3339(v.as_str().unwrap())
            .unwrap()
            .with_timezone(&Utc)
    };
    assert_eq!(
        date(&filter["last_changed_status_date"]["from"]),
        window.since
    );
    assert_eq!(
        date(&filter["last_changed_status_date"]["to"]),
        window.until
    );
    // since/to are required and span at most a year: the year before the window's end.
    assert_eq!(date(&filter["to"]), window.until);
    assert_eq!(date(&filter["since"]), window.until - TimeDelta::days(365));
    // Ozon cannot filter FBO by change: no claim of OrderChanges.
    assert!(!m.capabilities().supports(Capability::OrderChanges));
}

#[tokio::test]
async fn refresh_orders_reads_fbs_and_fbo_postings_in_batches_and_skips_unknown_ones() {
    let sandbox = Sandbox::start_with(SandboxConfig {
        fbs_orders: 60,
        fbo_orders: 20,
        ..SandboxConfig::default()
    })
    .await;
    let ozon = client(&sandbox);
    let m: &dyn Marketplace = &ozon;
    let all = orders(m, OrderQuery::window(last(24 * 8))).await;
    assert_eq!(all.len(), sandbox.posting_count());
    let mut ids: Vec<OrderId> = all.iter().map(|o| o.id.clone()).collect();
    ids.push(OrderId::new("99999999-9999-1"));
    // Move some on, so the refresh has something to report.
    let old = sandbox.add_order_at(Utc::now() - TimeDelta::hours(30));
    ids.push(OrderId::new(old.as_str()));
    assert!(sandbox.cancel_by_buyer(&old));
    let fbs_before = sandbox.requests().count("POST /v4/posting/fbs/list");
    let fbo_before = sandbox.requests().count("POST /v3/posting/fbo/list");

    let refreshed: Vec<Order> = m.refresh_orders(ids.clone()).try_collect().await.unwrap();
    assert_eq!(
        refreshed.len(),
        ids.len() - 1,
        "every known posting, the unknown skipped"
    );
    let cancelled = find(&refreshed, old.as_str()).unwrap();
    assert_eq!(cancelled.status.lifecycle, Lifecycle::Cancelled);
    for o in &all {
        let again = find(&refreshed, o.id.as_str()).unwrap();
        assert_eq!(again.scheme, o.scheme, "{}", o.id);
    }
    // 61 FBS postings of at most 61 orders: one FBS request (100 orders each) and its pages;
    // the FBO postings and the unknown one in one FBO request; only the unknown one read
    // alone (FBS get, then FBO get).
    let fbs_calls = sandbox.requests().count("POST /v4/posting/fbs/list") - fbs_before;
    let fbo_calls = sandbox.requests().count("POST /v3/posting/fbo/list") - fbo_before;
    assert!(fbs_calls <= 2, "{fbs_calls}");
    assert_eq!(fbo_calls, 1);
    assert_eq!(sandbox.requests().count("POST /v3/posting/fbs/get"), 1);
    assert_eq!(sandbox.requests().count("POST /v2/posting/fbo/get"), 1);
}

#[tokio::test]
async fn an_injected_200_without_data_ends_the_order_stream_with_an_error() {
    let sandbox = Sandbox::start_with(SandboxConfig {
        fbs_orders: 30,
        fbo_orders: 0,
        faults: FaultPlan::schedule([Some(Fault::EmptyOk)]).on_path("/v4/posting/fbs/list"),
        ..SandboxConfig::default()
    })
    .await;
    let ozon = client(&sandbox);
    let m: &dyn Marketplace = &ozon;
    let results: Vec<_> = m.orders(OrderQuery::window(last(24 * 8))).collect().await;
    assert_eq!(sandbox.faults().injected(), 1);
    let errors: Vec<&Error> = results.iter().filter_map(|r| r.as_ref().err()).collect();
    assert_eq!(errors.len(), 1, "{results:?}");
    match errors[0] {
        Error::Decode {
            vendor, operation, ..
        } => {
            assert_eq!(*vendor, "ozon");
            assert_eq!(*operation, "posting_fbs_list");
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn an_injected_replayed_page_ends_the_listing_with_an_error_after_every_item_once() {
    let sandbox = Sandbox::start_with(SandboxConfig {
        fbs_orders: 250,
        fbo_orders: 0,
        faults: FaultPlan::schedule([None, Some(Fault::Replay)]).on_path("/v4/posting/fbs/list"),
        ..SandboxConfig::default()
    })
    .await;
    let ozon = client(&sandbox);
    let m: &dyn Marketplace = &ozon;
    let results: Vec<_> = m.orders(OrderQuery::window(last(24 * 8))).collect().await;
    let ok: Vec<&Order> = results.iter().filter_map(|r| r.as_ref().ok()).collect();
    // The first page (100 postings) once; the replayed second answer is refused.
    assert_eq!(ok.len(), 100);
    let unique: std::collections::BTreeSet<&str> = ok.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(unique.len(), 100);
    assert!(
        matches!(results.last(), Some(Err(Error::Decode { .. }))),
        "{:?}",
        results.last()
    );
    assert_eq!(sandbox.requests().count("POST /v4/posting/fbs/list"), 2);
}
