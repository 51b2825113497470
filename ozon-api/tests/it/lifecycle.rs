//! The lifecycle guard: no operation the crate calls is removed, deprecated or announced for
//! shutdown in Ozon's current spec snapshot (`spec/seller-api.2026-06.json`); a doctored copy
//! names the operation it concerns, with the date and successor when given; and the methods
//! the crate moved away from are flagged by the same guard on the same snapshot.

use chrono::NaiveDate;
use market_core::contract::lifecycle::{GuardKind, GuardProblem, guard};
use market_core::transport::Operation;
use ozon_api::api::OPERATIONS;
use serde_json::{Value, json};

fn snapshot() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/spec/seller-api.2026-06.json");
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

/// A fixed day after every date the doctored notices below use.
fn day() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
}

/// The operation `name` the crate declares.
fn declared(name: &str) -> &'static Operation {
    OPERATIONS
        .iter()
        .copied()
        .find(|o| o.name == name)
        .unwrap_or_else(|| panic!("the crate declares no operation {name}"))
}

/// The operation object of `name` in `doc`.
fn op_mut<'a>(doc: &'a mut Value, name: &str) -> &'a mut Value {
    let op = declared(name);
    let method = op.method.as_str().to_ascii_lowercase();
    let found = &mut doc["paths"][op.path][method.as_str()];
    assert!(
        found.is_object(),
        "{name} is not at {} {}",
        op.method,
        op.path
    );
    found
}

fn texts(problems: &[GuardProblem]) -> Vec<String> {
    problems.iter().map(ToString::to_string).collect()
}

#[test]
fn no_operation_we_call_is_removed_deprecated_or_switched_off_today() {
    let today = chrono::Utc::now().date_naive();
    let problems = guard(&[snapshot()], OPERATIONS, today);
    assert!(problems.is_empty(), "{:#?}", texts(&problems));
    // The guard sees every operation: nothing is skipped for lack of a path.
    assert!(OPERATIONS.len() >= 40, "{}", OPERATIONS.len());
}

#[test]
fn the_snapshot_still_carries_notices_so_a_clean_result_means_something() {
    // The snapshot keeps Ozon's notices in `x-market-shutdown`: a guard that found nothing
    // because the snapshot lost them would pass vacuously.
    let doc = snapshot();
    let notices = doc["paths"]
        .as_object()
        .unwrap()
        .values()
        .flat_map(|item| item.as_object().unwrap().values())
        .filter(|op| op.get("x-market-shutdown").is_some())
        .count();
    assert!(notices >= 30, "{notices}");
}

#[test]
fn a_deprecated_operation_we_call_is_named() {
    let mut doc = snapshot();
    op_mut(&mut doc, "stocks_update")["deprecated"] = json!(true);
    let problems = guard(&[doc], OPERATIONS, day());
    assert_eq!(problems.len(), 1, "{:#?}", texts(&problems));
    assert_eq!(problems[0].name, "stocks_update");
    assert_eq!(problems[0].path, "/v2/products/stocks");
    assert_eq!(problems[0].kind, GuardKind::Deprecated);
    assert!(
        problems[0]
            .to_string()
            .contains("stocks_update (POST /v2/products/stocks)"),
        "{}",
        problems[0]
    );
}

#[test]
fn an_x_market_shutdown_is_named_with_its_date_and_successor() {
    let mut doc = snapshot();
    op_mut(&mut doc, "posting_fbs_list")["x-market-shutdown"] = json!({
        "date": "2027-03-01",
        "successor": "/v5/posting/fbs/list",
        "phrase": "С 1 марта 2027 года метод будет отключён."
    });
    let problems = guard(&[doc], OPERATIONS, day());
    assert_eq!(problems.len(), 1, "{:#?}", texts(&problems));
    assert_eq!(problems[0].name, "posting_fbs_list");
    assert_eq!(
        problems[0].kind,
        GuardKind::ShutdownAnnounced {
            date: NaiveDate::from_ymd_opt(2027, 3, 1),
            successor: Some("/v5/posting/fbs/list".into()),
            past: false,
            phrase: "С 1 марта 2027 года метод будет отключён.".into(),
        }
    );
    let text = problems[0].to_string();
    assert!(text.contains("shutdown announced for 2027-03-01"), "{text}");
    assert!(text.contains("successor /v5/posting/fbs/list"), "{text}");
}

#[test]
fn a_shutdown_sentence_in_ozon_wording_is_named_with_its_date_and_successor() {
    let mut doc = snapshot();
    // Ozon's wording, as its 2026-06 spec announces the end of /v1/warehouse/list.
    op_mut(&mut doc, "prices_info")["description"] = json!(
        "Метод для получения информации о ценах.\n\n<aside class=\"warning\">\nМетод устаревает \
         и будет отключён 7 апреля 2026 года. Переключитесь на \
         <a href=\"#operation/ProductAPI_GetProductInfoPricesV6\">/v6/product/info/prices</a>.\n\
         </aside>\n"
    );
    let problems = guard(&[doc], OPERATIONS, day());
    assert_eq!(problems.len(), 1, "{:#?}", texts(&problems));
    assert_eq!(problems[0].name, "prices_info");
    match &problems[0].kind {
        GuardKind::ShutdownAnnounced {
            date,
            successor,
            past,
            phrase,
        } => {
            assert_eq!(*date, NaiveDate::from_ymd_opt(2026, 4, 7));
            assert_eq!(successor.as_deref(), Some("/v6/product/info/prices"));
            assert!(*past);
            assert!(phrase.contains("будет отключён"), "{phrase}");
        }
        other => panic!("{other:?}"),
    }
    assert!(
        problems[0]
            .to_string()
            .contains("switched off since 2026-04-07")
    );
}

#[test]
fn a_shutdown_without_a_date_is_still_named() {
    let mut doc = snapshot();
    // Ozon's wording for /v2/analytics/stock_on_warehouses: no date, a successor.
    op_mut(&mut doc, "analytics_stocks")["description"] = json!(
        "В будущем метод будет отключён. Переключитесь на \
         [/v2/analytics/stocks](#operation/AnalyticsAPI_AnalyticsStocksV2)."
    );
    let problems = guard(&[doc], OPERATIONS, day());
    assert_eq!(problems.len(), 1, "{:#?}", texts(&problems));
    assert_eq!(problems[0].name, "analytics_stocks");
    assert!(matches!(
        &problems[0].kind,
        GuardKind::ShutdownAnnounced { date: None, successor: Some(s), past: false, .. }
            if s == "/v2/analytics/stocks"
    ));
}

#[test]
fn a_removed_path_is_named_as_missing() {
    let mut doc = snapshot();
    doc["paths"]
        .as_object_mut()
        .unwrap()
        .remove("/v3/posting/fbs/get")
        .unwrap();
    let problems = guard(&[doc], OPERATIONS, day());
    assert_eq!(problems.len(), 1, "{:#?}", texts(&problems));
    assert_eq!(problems[0].name, "posting_fbs_get");
    assert_eq!(problems[0].kind, GuardKind::Missing);
    assert!(
        problems[0]
            .to_string()
            .contains("not in the vendor's current spec"),
        "{}",
        problems[0]
    );
}

#[test]
fn a_method_removed_from_a_path_that_stays_is_named_as_missing() {
    let mut doc = snapshot();
    let item = doc["paths"]["/v2/products/stocks"].as_object_mut().unwrap();
    let op = item.remove("post").unwrap();
    item.insert("get".into(), op);
    let problems = guard(&[doc], OPERATIONS, day());
    assert_eq!(problems.len(), 1, "{:#?}", texts(&problems));
    assert_eq!(problems[0].name, "stocks_update");
    assert_eq!(problems[0].kind, GuardKind::Missing);
}

/// The methods this crate migrated away from, as the crate used to declare them.
static OLD_FBS_LIST: Operation = Operation::post("old_fbs_posting_list", "/v3/posting/fbs/list");
static OLD_FBS_UNFULFILLED: Operation = Operation::post(
    "old_fbs_posting_unfulfilled_list",
    "/v3/posting/fbs/unfulfilled/list",
);
static OLD_FBO_LIST: Operation = Operation::post("old_fbo_posting_list", "/v2/posting/fbo/list");
static OLD_WAREHOUSES: Operation = Operation::post("old_warehouse_list", "/v1/warehouse/list");
static OLD_STOCKS_FBS: Operation = Operation::post(
    "old_stocks_by_warehouse_fbs",
    "/v1/product/info/stocks-by-warehouse/fbs",
);
static OLD_DELIVERY_METHODS: Operation =
    Operation::post("old_delivery_method_list", "/v1/delivery-method/list");
static OLD_STOCK_ON_WAREHOUSES: Operation = Operation::post(
    "old_stock_on_warehouses",
    "/v2/analytics/stock_on_warehouses",
);
static OLD_SENT_BY_SELLER: Operation =
    Operation::post("old_sent_by_seller", "/v2/fbs/posting/sent-by-seller");

fn problem<'a>(problems: &'a [GuardProblem], name: &str) -> &'a [GuardProblem] {
    let start = problems.iter().position(|p| p.name == name);
    let Some(start) = start else {
        panic!("{name} not flagged: {:#?}", texts(problems));
    };
    let len = problems[start..]
        .iter()
        .take_while(|p| p.name == name)
        .count();
    &problems[start..start + len]
}

fn shutdown(problems: &[GuardProblem]) -> (Option<NaiveDate>, Option<String>, bool) {
    problems
        .iter()
        .find_map(|p| match &p.kind {
            GuardKind::ShutdownAnnounced {
                date,
                successor,
                past,
                ..
            } => Some((*date, successor.clone(), *past)),
            _ => None,
        })
        .unwrap_or_else(|| panic!("no shutdown notice: {problems:#?}"))
}

#[test]
fn the_methods_the_crate_migrated_away_from_are_flagged_in_the_same_snapshot() {
    let old: [&Operation; 8] = [
        &OLD_FBS_LIST,
        &OLD_FBS_UNFULFILLED,
        &OLD_FBO_LIST,
        &OLD_WAREHOUSES,
        &OLD_STOCKS_FBS,
        &OLD_DELIVERY_METHODS,
        &OLD_STOCK_ON_WAREHOUSES,
        &OLD_SENT_BY_SELLER,
    ];
    let problems = guard(&[snapshot()], &old, day());
    let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);

    // Switched off on 1 June 2026, and marked deprecated as well.
    for (name, successor) in [
        ("old_fbs_posting_list", "/v4/posting/fbs/list"),
        (
            "old_fbs_posting_unfulfilled_list",
            "/v4/posting/fbs/unfulfilled/list",
        ),
        ("old_fbo_posting_list", "/v3/posting/fbo/list"),
    ] {
        let mine = problem(&problems, name);
        assert!(
            mine.iter().any(|p| p.kind == GuardKind::Deprecated),
            "{name}"
        );
        assert_eq!(
            shutdown(mine),
            (d(2026, 6, 1), Some(successor.to_owned()), true),
            "{name}"
        );
        // The successor is what the crate calls now.
        assert!(
            OPERATIONS.iter().any(|o| o.path == successor),
            "{successor}"
        );
    }
    // Switched off on 7 April 2026.
    for (name, successor) in [
        ("old_warehouse_list", "/v2/warehouse/list"),
        (
            "old_stocks_by_warehouse_fbs",
            "/v2/product/info/stocks-by-warehouse/fbs",
        ),
        ("old_delivery_method_list", "/v2/delivery-method/list"),
    ] {
        let mine = problem(&problems, name);
        assert_eq!(
            shutdown(mine),
            (d(2026, 4, 7), Some(successor.to_owned()), true),
            "{name}"
        );
        assert!(
            OPERATIONS.iter().any(|o| o.path == successor),
            "{successor}"
        );
    }
    // Announced without a date; the crate calls the successor.
    let mine = problem(&problems, "old_stock_on_warehouses");
    assert_eq!(
        shutdown(mine),
        (None, Some("/v1/analytics/stocks".to_owned()), false)
    );
    assert!(OPERATIONS.iter().any(|o| o.path == "/v1/analytics/stocks"));
    // Gone from the spec altogether.
    assert_eq!(
        problem(&problems, "old_sent_by_seller")
            .iter()
            .map(|p| &p.kind)
            .collect::<Vec<_>>(),
        [&GuardKind::Missing]
    );
    // And the crate no longer declares any of them.
    for o in old {
        assert!(
            !OPERATIONS.iter().any(|d| d.path == o.path),
            "{} is still declared",
            o.path
        );
    }
}

/// The naming rule of the design note: each `pub static` Operation of `src/api/` is named by
/// its operation's name in SCREAMING_SNAKE (`posting_fbs_list` is `POSTING_FBS_LIST`), and
/// every one the crate calls is in OPERATIONS or NON_SPEC_OPERATIONS.
#[test]
fn every_operation_is_named_by_its_static_in_snake_case() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/src/api");
    let mut statics = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        for (i, _) in text.match_indices("pub static ") {
            let rest = &text[i + "pub static ".len()..];
            let name = &rest[..rest.find(':').unwrap()];
            let after = &rest[rest.find("Operation::").unwrap()..];
            let quoted = &after[after.find('"').unwrap() + 1..];
            let op_name = &quoted[..quoted.find('"').unwrap()];
            statics.push((name.to_owned(), op_name.to_owned()));
        }
    }
    assert!(statics.len() >= OPERATIONS.len(), "{statics:?}");
    for (name, op_name) in &statics {
        assert_eq!(&name.to_lowercase(), op_name, "static {name}");
    }
    let declared: Vec<&str> = OPERATIONS
        .iter()
        .map(|op| op.name)
        .chain(
            ozon_api::api::NON_SPEC_OPERATIONS
                .iter()
                .map(|(op, _)| op.name),
        )
        .collect();
    for (_, op_name) in &statics {
        assert!(
            declared.contains(&op_name.as_str()),
            "{op_name} is not in OPERATIONS"
        );
    }
}
