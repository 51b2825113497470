//! The lifecycle guard: no operation this crate calls is removed, deprecated or announced for
//! shutdown in the current Yandex Market snapshot (`spec/openapi.json`, all 160 operations of
//! the vendor's newest published spec, prose-free), and the guard names the operation on a
//! doctored copy of it, so a snapshot bump that retires a method we call turns the tests red.
//!
//! Also: the trimmed snapshot the contract harness reads (`spec/openapi.trimmed.json`) is the
//! full snapshot for our operations, so the two cannot drift apart.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::OnceLock;

use chrono::NaiveDate;
use market_core::contract::lifecycle::{GuardKind, GuardProblem, SHUTDOWN_KEY, guard};
use market_core::transport::Operation;
use serde_json::{Map, Value, json};
use yandex_market_api::api::OPERATIONS;

fn read(name: &str) -> Value {
    let path = format!("{}/spec/{name}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The current snapshot, read once.
fn snapshot() -> &'static Value {
    static DOC: OnceLock<Value> = OnceLock::new();
    DOC.get_or_init(|| read("openapi.json"))
}

/// The day the snapshot was taken (its `info.x-source.date`).
fn snapshot_day() -> NaiveDate {
    let date = snapshot()["info"]["x-source"]["date"].as_str().unwrap();
    NaiveDate::parse_from_str(date, "%Y-%m-%d").unwrap()
}

fn operation_mut<'a>(doc: &'a mut Value, method: &str, path: &str) -> &'a mut Map<String, Value> {
    doc["paths"][path][method]
        .as_object_mut()
        .unwrap_or_else(|| panic!("{method} {path} is not in the snapshot"))
}

/// The guard's problems, by operation name.
fn named(problems: &[GuardProblem]) -> Vec<&str> {
    problems.iter().map(|p| p.name.as_str()).collect()
}

#[test]
fn no_operation_we_call_is_removed_deprecated_or_announced_for_shutdown() {
    let today = chrono::Utc::now().date_naive();
    // The hand-written operations and the generated ones (yandex_market_api::generated).
    let all = yandex_market_api::generated::ALL_OPERATIONS.as_slice();
    assert!(all.len() > OPERATIONS.len());
    let problems = guard(std::slice::from_ref(snapshot()), all, today);
    assert!(
        problems.is_empty(),
        "{}",
        problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    );
    // The snapshot is the full spec (not only our operations): the guard has something to
    // miss. 160 operations, 7 of them deprecated with a shutdown date.
    let ops: Vec<&Value> = snapshot()["paths"]
        .as_object()
        .unwrap()
        .values()
        .flat_map(|item| item.as_object().unwrap().values())
        .filter(|op| op.get("operationId").is_some())
        .collect();
    assert_eq!(ops.len(), 160);
    let retired = ops
        .iter()
        .filter(|op| op["deprecated"] == json!(true))
        .count();
    let noticed = ops
        .iter()
        .filter(|op| op.get(SHUTDOWN_KEY).is_some())
        .count();
    assert_eq!((retired, noticed), (7, 7));
}

/// The deprecated methods of the snapshot are what the guard would name if the crate called
/// them: the campaign-level order list (`getOrders`, successor `getBusinessOrders`) among them.
#[test]
fn the_spec_s_own_deprecated_methods_are_named_with_date_and_successor() {
    static GET_ORDERS: Operation = Operation::get("getOrders", "/v2/campaigns/{campaignId}/orders");
    static GET_WAREHOUSES: Operation =
        Operation::get("getWarehouses", "/v2/businesses/{businessId}/warehouses");
    static GET_PRICES: Operation =
        Operation::get("getPrices", "/v2/campaigns/{campaignId}/offer-prices");
    let problems = guard(
        std::slice::from_ref(snapshot()),
        &[&GET_ORDERS, &GET_WAREHOUSES, &GET_PRICES],
        snapshot_day(),
    );
    for name in ["getOrders", "getWarehouses", "getPrices"] {
        let kinds: Vec<&GuardKind> = problems
            .iter()
            .filter(|p| p.name == name)
            .map(|p| &p.kind)
            .collect();
        assert!(
            kinds.contains(&&GuardKind::Deprecated),
            "{name}: {problems:?}"
        );
        assert!(
            kinds.iter().any(|k| matches!(
                k,
                GuardKind::ShutdownAnnounced {
                    date: Some(_),
                    past: false,
                    ..
                }
            )),
            "{name}: {problems:?}"
        );
    }
    let orders = problems
        .iter()
        .find_map(|p| match &p.kind {
            GuardKind::ShutdownAnnounced {
                date, successor, ..
            } if p.name == "getOrders" => Some((*date, successor.clone())),
            _ => None,
        })
        .unwrap();
    assert_eq!(
        orders,
        (
            NaiveDate::from_ymd_opt(2027, 4, 12),
            Some("/v1/businesses/{businessId}/orders".to_owned())
        )
    );
    // We call the successors, not these.
    let ours: Vec<&str> = OPERATIONS
        .iter()
        .map(|o| crate::common::spec_id(o))
        .collect();
    for name in ["getOrders", "getWarehouses", "getPrices"] {
        assert!(!ours.contains(&name), "{name}");
    }
    for successor in [
        "getBusinessOrders",
        "getPagedWarehouses",
        "getPricesByOfferIds",
    ] {
        assert!(ours.contains(&successor), "{successor}");
    }
}

#[test]
fn an_operation_marked_deprecated_is_named() {
    let mut doc = snapshot().clone();
    operation_mut(&mut doc, "post", "/v1/businesses/{businessId}/orders")
        .insert("deprecated".into(), json!(true));
    let problems = guard(&[doc], OPERATIONS, snapshot_day());
    assert_eq!(named(&problems), ["business_orders_get"]);
    assert_eq!(problems[0].kind, GuardKind::Deprecated);
    assert!(
        problems[0].to_string().contains("deprecated"),
        "{}",
        problems[0]
    );
}

#[test]
fn a_shutdown_notice_in_the_snapshot_is_named_with_its_date_and_successor() {
    let mut doc = snapshot().clone();
    operation_mut(&mut doc, "put", "/v2/campaigns/{campaignId}/offers/stocks").insert(
        SHUTDOWN_KEY.into(),
        json!({
            "date": "2026-03-01",
            "successor": "/v3/businesses/{businessId}/offers/stocks",
            "phrase": "x-deprecation-config: shutdown-date 2026-03-01"
        }),
    );
    let problems = guard(&[doc], OPERATIONS, snapshot_day());
    assert_eq!(named(&problems), ["stocks_update"]);
    match &problems[0].kind {
        GuardKind::ShutdownAnnounced {
            date,
            successor,
            past,
            ..
        } => {
            assert_eq!(*date, NaiveDate::from_ymd_opt(2026, 3, 1));
            assert_eq!(
                successor.as_deref(),
                Some("/v3/businesses/{businessId}/offers/stocks")
            );
            assert!(*past, "2026-03-01 is before the snapshot's day");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_shutdown_sentence_in_a_description_is_named() {
    let mut doc = snapshot().clone();
    operation_mut(&mut doc, "post", "/v2/campaigns/{campaignId}/offers/stocks").insert(
        "description".into(),
        json!(
            "Возвращает данные об остатках товаров.\n\n{% note warning \"Метод устарел\" %}\n\n\
             Метод будет отключён 15 марта 2027 года. Используйте /v3/businesses/{businessId}/offers/stocks.\n\n\
             {% endnote %}"
        ),
    );
    let problems = guard(&[doc], OPERATIONS, snapshot_day());
    assert_eq!(named(&problems), ["stocks_get"]);
    match &problems[0].kind {
        GuardKind::ShutdownAnnounced { date, past, .. } => {
            assert_eq!(*date, NaiveDate::from_ymd_opt(2027, 3, 15));
            assert!(!*past);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_removed_path_is_named() {
    let mut doc = snapshot().clone();
    doc["paths"]
        .as_object_mut()
        .unwrap()
        .remove("/v2/campaigns/{campaignId}/returns")
        .unwrap();
    let problems = guard(&[doc], OPERATIONS, snapshot_day());
    assert_eq!(named(&problems), ["returns_get"]);
    assert_eq!(problems[0].kind, GuardKind::Missing);
}

/// Drops what the prose-free snapshot leaves out or adds (`x-*` extensions, `tags`, a
/// `deprecated: false`), so the two snapshots compare on structure.
fn structure(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .filter(|(k, v)| {
                    !k.starts_with("x-")
                        && *k != "tags"
                        && !(*k == "deprecated" && **v == json!(false))
                })
                .map(|(k, v)| (k.clone(), structure(v)))
                .collect(),
        ),
        Value::Array(a) => Value::Array(a.iter().map(structure).collect()),
        other => other.clone(),
    }
}

/// The trimmed snapshot the contract tests read holds, for each of our operations, exactly
/// what the full snapshot holds (parameters, request body, every response, and every component
/// they reference), apart from the behavioural extensions it keeps (`x-aliases`,
/// `x-transform`) and the full one drops: the harness checks against the spec the guard reads.
#[test]
fn the_trimmed_snapshot_is_the_full_snapshot_for_our_operations() {
    let trimmed = read("openapi.trimmed.json");
    let full = snapshot();
    let mut count = 0;
    for (path, item) in trimmed["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            let other = &full["paths"][path];
            let mut theirs = other[method].clone();
            // Path-level parameters belong to the operation (the trimmed copy merges them
            // in, and writes an empty list where there are none).
            let mut ps = other["parameters"].as_array().cloned().unwrap_or_default();
            ps.extend(theirs["parameters"].as_array().cloned().unwrap_or_default());
            theirs["parameters"] = Value::Array(ps);
            assert_eq!(
                structure(op),
                structure(&theirs),
                "{} {method} {path}",
                op["operationId"]
            );
            count += 1;
        }
    }
    assert_eq!(count, OPERATIONS.len());
    // The quota rows the limiter's table is tested against are the full snapshot's quotas.
    let limits = read("limits.trimmed.json");
    for row in limits["operations"].as_array().unwrap() {
        let id = row["operationId"].as_str().unwrap();
        let (m, p) = (
            row["method"].as_str().unwrap().to_ascii_lowercase(),
            row["path"].as_str().unwrap(),
        );
        let op = &full["paths"][p][m.as_str()];
        assert_eq!(op["operationId"], id);
        assert_eq!(row["resourceLimit"], op["x-resource-limit-config"], "{id}");
    }
    for (kind, entries) in trimmed["components"].as_object().unwrap() {
        for (name, value) in entries.as_object().unwrap() {
            assert_eq!(
                structure(value),
                structure(&full["components"][kind][name]),
                "components/{kind}/{name}"
            );
        }
    }
}
