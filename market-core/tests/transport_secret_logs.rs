//! A key echoed by a server or proxy in a request id reaches no error, span or log (issue 11,
//! item 14). Alone in its test binary: a thread's own tracing subscriber misses events while
//! other tests' threads use the same callsites.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::sync::{Arc, Mutex};

use common::{Echo, KEY, TestVendor, build_echo as build};
use market_core::transport::Operation;
use serde_json::json;
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

static READ: Operation = Operation::post("read", "/v1/read");

/// Everything spans and events carried, as text.
#[derive(Default, Clone)]
struct Captured(Arc<Mutex<Vec<String>>>);

struct Fields<'a>(&'a mut Vec<String>);

impl Visit for Fields<'_> {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.0.push(format!("{}={value:?}", field.name()));
    }
    fn record_str(&mut self, field: &Field, value: &str) {
        self.0.push(format!("{}={value}", field.name()));
    }
}

impl<S: tracing::Subscriber> Layer<S> for Captured {
    fn on_new_span(&self, attrs: &Attributes<'_>, _: &Id, _: Context<'_, S>) {
        attrs.record(&mut Fields(&mut self.0.lock().unwrap()));
    }
    fn on_record(&self, _: &Id, values: &Record<'_>, _: Context<'_, S>) {
        values.record(&mut Fields(&mut self.0.lock().unwrap()));
    }
    fn on_event(&self, event: &tracing::Event<'_>, _: Context<'_, S>) {
        event.record(&mut Fields(&mut self.0.lock().unwrap()));
    }
}

fn assert_no_key(text: &str) {
    assert!(!text.contains(KEY), "the key leaked: {text}");
    assert!(!text.contains("SECRET"), "part of the key leaked: {text}");
}

#[tokio::test(start_paused = true)]
async fn a_key_echoed_in_a_request_id_header_reaches_no_error_span_or_log() {
    let captured = Captured::default();
    let subscriber = tracing_subscriber::registry()
        .with(captured.clone())
        .with(tracing_subscriber::filter::LevelFilter::TRACE);
    let _guard = tracing::subscriber::set_default(subscriber);

    for header in ["x-request-id", "x-o3-trace-id", "x-market-request-id"] {
        let echoed = format!("trace-{KEY}");
        let server = MockServer::start().await;
        // A failure (retried once), then a success: both echo the key.
        Mock::given(method("POST"))
            .respond_with(
                ResponseTemplate::new(500)
                    .insert_header(header, echoed.as_str())
                    .set_body_string("upstream failed"),
            )
            .up_to_n_times(2)
            .mount(&server)
            .await;
        Mock::given(method("POST"))
            .respond_with(
                ResponseTemplate::new(200)
                    .insert_header(header, echoed.as_str())
                    .set_body_json(json!({"result": "ok"})),
            )
            .mount(&server)
            .await;
        let vendor = Echo {
            inner: TestVendor::new(),
            header,
        };
        let t = build(vendor, &server.uri(), 2);
        let err = t.send(READ.request()).await.unwrap_err();
        let api = err.api().unwrap();
        assert_eq!(
            api.request_id.as_deref(),
            Some("trace-[REDACTED]"),
            "{header}"
        );
        assert_no_key(&format!("{err} {err:?}"));

        let ok = t.send(READ.request()).await.unwrap();
        assert_eq!(
            ok.request_id.as_deref(),
            Some("trace-[REDACTED]"),
            "{header}"
        );
        assert_no_key(&format!("{ok:?}"));
        // Through `json` too.
        let _: serde_json::Value = t.json(READ.request()).await.unwrap();
    }
    let everything = captured.0.lock().unwrap().join("\n");
    assert!(
        everything.contains("request_id=trace-[REDACTED]"),
        "the request id is recorded, redacted: {everything}"
    );
    assert!(everything.contains("call failed"), "the failure is logged");
    assert_no_key(&everything);
}
