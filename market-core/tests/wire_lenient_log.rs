//! A field whose shape changed on the vendor's side (`Lenient<T>`): kept as raw JSON with a
//! warning in tolerant mode, an error naming the type in strict mode (issue 10). Alone in its
//! test binary: a thread's own tracing subscriber misses events while other tests' threads
//! use the same callsite.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::{Arc, Mutex};

use market_core::wire::Lenient;
use serde::Deserialize;
use tracing::field::{Field, Visit};
use tracing_subscriber::layer::{Context, Layer, SubscriberExt};

/// The level, target and fields of every event, as text.
#[derive(Default, Clone)]
struct Captured(Arc<Mutex<Vec<String>>>);

struct Fields(String);

impl Visit for Fields {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        self.0.push_str(&format!(" {}={value:?}", field.name()));
    }
}

impl<S: tracing::Subscriber> Layer<S> for Captured {
    fn on_event(&self, event: &tracing::Event<'_>, _: Context<'_, S>) {
        let meta = event.metadata();
        let mut fields = Fields(format!("{} {}", meta.level(), meta.target()));
        event.record(&mut fields);
        self.0.lock().unwrap().push(fields.0);
    }
}

#[derive(Debug, Deserialize, PartialEq)]
struct Tariff {
    fee: i64,
}

#[derive(Debug, Deserialize)]
struct Posting {
    id: u64,
    tariffication: Lenient<Vec<Tariff>>,
}

#[test]
fn a_field_of_another_shape_is_kept_raw_with_a_warning_or_fails_strictly() {
    let captured = Captured::default();
    let subscriber = tracing_subscriber::registry().with(captured.clone());
    let _guard = tracing::subscriber::set_default(subscriber);

    // The list the type expects: typed, no warning.
    let listed: Posting = serde_json::from_str(r#"{"id":1,"tariffication":[{"fee":5}]}"#).unwrap();
    assert_eq!(
        listed.tariffication,
        Lenient::Typed(vec![Tariff { fee: 5 }])
    );
    assert!(captured.0.lock().unwrap().is_empty());

    // The object the vendor turned it into.
    let body = r#"{"id":2,"tariffication":{"fee":5}}"#;
    let decoded = serde_json::from_str::<Posting>(body);
    if cfg!(feature = "strict") {
        let err = decoded.unwrap_err().to_string();
        assert!(err.contains("does not have the shape of"), "{err}");
        assert!(err.contains("Tariff"), "{err}");
    } else {
        let posting = decoded.unwrap();
        assert_eq!(posting.id, 2);
        assert_eq!(
            posting.tariffication,
            Lenient::Raw(serde_json::json!({"fee": 5}))
        );
        let events = captured.0.lock().unwrap().clone();
        assert_eq!(events.len(), 1, "{events:?}");
        let event = &events[0];
        assert!(event.starts_with("WARN market_core::wire"), "{event}");
        assert!(event.contains("changed shape"), "{event}");
        assert!(event.contains("Tariff"), "{event}");
    }
}
