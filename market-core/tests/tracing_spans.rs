//! The transport records a span per call and per attempt, and never the key.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use common::{KEY, TestVendor, transport};
use market_core::transport::Operation;
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

type SpanLog = Vec<(String, BTreeMap<String, String>)>;

#[derive(Default, Clone)]
struct Spans(Arc<Mutex<SpanLog>>);

struct Fields<'a>(&'a mut BTreeMap<String, String>);

impl Visit for Fields<'_> {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.0.insert(field.name().to_owned(), format!("{value:?}"));
    }
    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.insert(field.name().to_owned(), value.to_owned());
    }
}

struct Recorder {
    spans: Spans,
    ids: Mutex<BTreeMap<u64, usize>>,
    events: Arc<Mutex<Vec<String>>>,
}

impl<S: tracing::Subscriber + for<'a> tracing_subscriber::registry::LookupSpan<'a>> Layer<S>
    for Recorder
{
    fn on_new_span(&self, attrs: &Attributes<'_>, id: &Id, _: Context<'_, S>) {
        let mut fields = BTreeMap::new();
        attrs.record(&mut Fields(&mut fields));
        let mut spans = self.spans.0.lock().unwrap();
        spans.push((attrs.metadata().name().to_owned(), fields));
        self.ids
            .lock()
            .unwrap()
            .insert(id.into_u64(), spans.len() - 1);
    }
    fn on_record(&self, id: &Id, values: &Record<'_>, _: Context<'_, S>) {
        if let Some(i) = self.ids.lock().unwrap().get(&id.into_u64()) {
            values.record(&mut Fields(&mut self.spans.0.lock().unwrap()[*i].1));
        }
    }
    fn on_event(&self, event: &tracing::Event<'_>, _: Context<'_, S>) {
        let mut fields = BTreeMap::new();
        event.record(&mut Fields(&mut fields));
        self.events.lock().unwrap().push(format!("{fields:?}"));
    }
}

static READ: Operation = Operation::post("read", "/v1/read");

#[tokio::test(start_paused = true)]
async fn a_span_per_call_and_per_attempt_with_status_and_request_id() {
    let spans = Spans::default();
    let events = Arc::new(Mutex::new(Vec::new()));
    let subscriber = tracing_subscriber::registry()
        .with(Recorder {
            spans: spans.clone(),
            ids: Mutex::default(),
            events: events.clone(),
        })
        .with(tracing_subscriber::filter::LevelFilter::TRACE);
    let _guard = tracing::subscriber::set_default(subscriber);

    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(500).set_body_string(format!("bad key {KEY}")))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("x-request-id", "rid-7")
                .set_body_string("{}"),
        )
        .mount(&server)
        .await;
    let vendor = TestVendor::new();
    let t = transport(&vendor, &server.uri(), 3);
    let _: serde_json::Value = t.json(READ.request()).await.unwrap();

    let spans = spans.0.lock().unwrap().clone();
    let calls: Vec<_> = spans.iter().filter(|(n, _)| n == "market.call").collect();
    let attempts: Vec<_> = spans
        .iter()
        .filter(|(n, _)| n == "market.attempt")
        .collect();
    assert_eq!(calls.len(), 1);
    assert_eq!(calls[0].1["vendor"], "test");
    assert_eq!(calls[0].1["operation"], "read");
    assert_eq!(calls[0].1["attempts"], "2");
    assert_eq!(calls[0].1["status"], "200");
    assert_eq!(attempts.len(), 2);
    assert_eq!(attempts[0].1["attempt"], "1");
    assert_eq!(attempts[0].1["status"], "500");
    assert_eq!(attempts[1].1["attempt"], "2");
    assert_eq!(attempts[1].1["status"], "200");
    assert_eq!(attempts[1].1["request_id"], "rid-7");
    assert!(attempts[1].1.contains_key("latency_ms"));
    let everything = format!("{spans:?} {:?}", events.lock().unwrap());
    assert!(!everything.contains(KEY), "the key reached a span or event");
    assert!(everything.contains("retrying"), "a retry is logged");
}
