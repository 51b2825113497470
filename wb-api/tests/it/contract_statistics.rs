//! Contract tests of the statistics section against WB's spec snapshot.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::str::FromStr;
use std::time::Duration;

use crate::common::*;
use chrono::{NaiveDate, TimeZone, Utc};
use futures::{StreamExt, TryStreamExt};
use market_core::transport::{HttpSettings, RetryPolicy};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use wb_api::Client;
use wb_api::api::statistics::{DateMode, date_from_param};
use wb_api::ids::NmId;
use wb_api::models::statistics::*;
use wiremock::matchers::{path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

const OP_ORDERS: &str = "GET /api/v1/supplier/orders";
const OP_SALES: &str = "GET /api/v1/supplier/sales";

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> chrono::DateTime<Utc> {
    moscow_day_start(NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

#[test]
fn responses_decode_strictly() {
    assert_responses_decode::<Vec<OrderRow>>(OP_ORDERS);
    assert_responses_decode::<Vec<SaleRow>>(OP_SALES);
}

#[test]
fn warehouse_types_match_the_spec() {
    let s = spec();
    assert_enum(
        WarehouseType::KNOWN,
        s.property_enum("OrdersItem", "warehouseType"),
        "OrdersItem.warehouseType",
    );
    assert_enum(
        WarehouseType::KNOWN,
        s.property_enum("SalesItem", "warehouseType"),
        "SalesItem.warehouseType",
    );
}

#[test]
fn times_are_moscow_time_both_ways() {
    let t = Utc.with_ymd_and_hms(2023, 7, 5, 8, 13, 35).unwrap();
    assert_eq!(date_from_param(t), "2023-07-05T11:13:35");
    assert_eq!(date_from_param(day(2019, 6, 20)), "2019-06-20T00:00:00");
    let frac = t + chrono::TimeDelta::microseconds(245611);
    assert_eq!(date_from_param(frac), "2023-07-05T11:13:35.245611");
    let row: SaleRow =
        serde_json::from_value(json!({"lastChangeDate": "2023-07-05T11:13:35"})).unwrap();
    assert_eq!(row.last_change_date, t);
    let row: SaleRow =
        serde_json::from_value(json!({"lastChangeDate": "2023-07-05T11:13:35+03:00"})).unwrap();
    assert_eq!(row.last_change_date, t);
    let row: SaleRow = serde_json::from_value(json!({"lastChangeDate": "2023-07-05"})).unwrap();
    assert_eq!(row.last_change_date, day(2023, 7, 5));
    assert!(serde_json::from_value::<SaleRow>(json!({"lastChangeDate": "yesterday"})).is_err());
}

#[tokio::test]
async fn orders_read_money_and_cancellation_and_send_the_flag() {
    let mut example = spec().response_example(OP_ORDERS).unwrap();
    let mut uncancelled = example[0].clone();
    uncancelled["isCancel"] = json!(false);
    uncancelled["cancelDate"] = json!("0001-01-01T00:00:00");
    uncancelled["finishedPrice"] = json!(1145.37);
    example.as_array_mut().unwrap().push(uncancelled);
    let server = serve(OP_ORDERS, example).await;
    let wb = client(&server);
    let rows = wb
        .statistics()
        .orders(day(2022, 3, 4), DateMode::OnDay)
        .await
        .unwrap();
    let o = &rows[0];
    assert_eq!(o.total_price, dec("1887"));
    assert_eq!(o.price_with_disc, dec("1547"));
    assert_eq!(o.finished_price, dec("1145"));
    assert_eq!(o.spp, dec("26"));
    assert_eq!(o.discount_percent, 18);
    assert_eq!(o.warehouse_type, Some(WarehouseType::Seller));
    assert_eq!(o.income_id, 56735459);
    assert!(o.is_cancel);
    assert_eq!(
        o.cancel_date,
        Some(Utc.with_ymd_and_hms(2022, 3, 8, 21, 0, 0).unwrap())
    );
    assert_eq!(o.date, Utc.with_ymd_and_hms(2022, 3, 4, 15, 8, 31).unwrap());
    assert_eq!(rows[1].cancel_date, None, "0001-01-01 means never");
    assert_eq!(rows[1].finished_price, dec("1145.37"));
    let (req, _) = &sent(&server).await[0];
    assert_eq!(
        req.url.query(),
        Some("dateFrom=2022-03-04T00%3A00%3A00&flag=1")
    );
    assert_requests_match_spec(&server, OP_ORDERS).await;
}

#[tokio::test]
async fn sales_read_what_wb_pays() {
    let example = spec().response_example(OP_SALES).unwrap();
    let server = serve(OP_SALES, example).await;
    let wb = client(&server);
    let rows = wb
        .statistics()
        .sales(day(2022, 3, 1), DateMode::ChangedSince)
        .await
        .unwrap();
    let s = &rows[0];
    assert_eq!(s.for_pay, dec("1284.01"));
    assert_eq!(s.finished_price, dec("1145"));
    assert_eq!(s.price_with_disc, dec("1547"));
    assert_eq!(s.payment_sale_amount, dec("93"));
    assert_eq!(s.spp, dec("20"));
    assert_eq!(s.sale_id, "S9993700024");
    assert!(!s.is_return());
    assert_eq!(s.srid, "11.rf9ef11fce1684117b0nhj96222982382.3.0");
    let (req, _) = &sent(&server).await[0];
    assert!(req.url.query().unwrap().ends_with("&flag=0"));
    assert_requests_match_spec(&server, OP_SALES).await;
}

fn sale(nm: i64, changed: &str) -> Value {
    json!({"nmId": nm, "lastChangeDate": changed, "date": changed, "warehouseName": "Коледино",
           "saleID": format!("S{nm}"), "forPay": 100, "totalPrice": 120})
}

fn rows(items: Vec<Value>) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(Value::Array(items))
}

/// Mounts a page answered to `dateFrom` (`limit` answers at most).
async fn page(server: &MockServer, date_from: &str, items: Vec<Value>) {
    Mock::given(query_param("dateFrom", date_from))
        .respond_with(rows(items))
        .mount(server)
        .await;
}

fn date_froms(requests: &[(wiremock::Request, Value)]) -> Vec<String> {
    requests
        .iter()
        .map(|(r, _)| {
            r.url
                .query_pairs()
                .find(|(k, _)| k == "dateFrom")
                .unwrap()
                .1
                .into_owned()
        })
        .collect()
}

#[tokio::test]
async fn sales_stream_pages_by_last_change_date_until_an_empty_answer() {
    let server = MockServer::start().await;
    page(
        &server,
        "2019-06-20T00:00:00",
        vec![
            sale(1, "2023-07-05T10:00:00"),
            sale(2, "2023-07-05T11:00:00"),
            sale(3, "2023-07-05T11:13:35.245611"),
        ],
    )
    .await;
    // WB answers rows changed at or after dateFrom: the boundary row comes again.
    page(
        &server,
        "2023-07-05T11:13:35.245611",
        vec![
            sale(3, "2023-07-05T11:13:35.245611"),
            sale(4, "2023-07-06T09:00:00"),
        ],
    )
    .await;
    page(&server, "2023-07-06T09:00:00", vec![]).await;
    let wb = client(&server);
    let all: Vec<SaleRow> = wb
        .statistics()
        .sales_stream(day(2019, 6, 20))
        .try_collect()
        .await
        .unwrap();
    let nms: Vec<i64> = all.iter().map(|r| r.nm_id.0).collect();
    assert_eq!(nms, [1, 2, 3, 4], "the boundary row is yielded once");
    assert_eq!(
        date_froms(&sent(&server).await),
        [
            "2019-06-20T00:00:00",
            "2023-07-05T11:13:35.245611",
            "2023-07-06T09:00:00"
        ]
    );
    assert_requests_match_spec(&server, OP_SALES).await;
}

#[tokio::test]
async fn a_page_of_rows_already_seen_ends_the_stream() {
    let server = MockServer::start().await;
    page(
        &server,
        "2019-06-20T00:00:00",
        vec![sale(1, "2023-07-05T10:00:00")],
    )
    .await;
    page(
        &server,
        "2023-07-05T10:00:00",
        vec![sale(1, "2023-07-05T10:00:00")],
    )
    .await;
    let wb = client(&server);
    let all: Vec<SaleRow> = wb
        .statistics()
        .sales_stream(day(2019, 6, 20))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(sent(&server).await.len(), 2);
}

#[tokio::test]
async fn orders_and_sales_streams_page_with_flag_0() {
    for (op, p) in [
        (OP_ORDERS, "/api/v1/supplier/orders"),
        (OP_SALES, "/api/v1/supplier/sales"),
    ] {
        let server = MockServer::start().await;
        let mut first = spec().response_example(op).unwrap();
        first[0]["lastChangeDate"] = json!("2022-03-06T10:11:07");
        Mock::given(path(p))
            .and(query_param("dateFrom", "2022-03-01T00:00:00"))
            .respond_with(rows(first.as_array().unwrap().clone()))
            .mount(&server)
            .await;
        Mock::given(path(p))
            .and(query_param("dateFrom", "2022-03-06T10:11:07"))
            .respond_with(rows(vec![]))
            .mount(&server)
            .await;
        let wb = client(&server);
        let n = if op == OP_ORDERS {
            let all: Vec<OrderRow> = wb
                .statistics()
                .orders_stream(day(2022, 3, 1))
                .try_collect()
                .await
                .unwrap();
            all.len()
        } else {
            let all: Vec<SaleRow> = wb
                .statistics()
                .sales_stream(day(2022, 3, 1))
                .try_collect()
                .await
                .unwrap();
            all.len()
        };
        assert_eq!(n, 1, "{op}");
        let requests = sent(&server).await;
        assert_eq!(requests.len(), 2, "{op}");
        assert!(
            requests
                .iter()
                .all(|(r, _)| r.url.query().unwrap().ends_with("&flag=0"))
        );
        assert_requests_match_spec(&server, op).await;
    }
}

/// A client like `crate::common::client` that keeps WB's rate limits.
fn limited_client(server: &MockServer) -> Client {
    Client::builder(TOKEN)
        .base_url(server.uri())
        .retry(RetryPolicy {
            max_attempts: 2,
            initial_delay: Duration::from_millis(1),
            jitter: false,
            ..RetryPolicy::default()
        })
        .http(HttpSettings {
            connect_timeout: None,
            request_timeout: None,
            pool_idle_timeout: None,
            ..HttpSettings::default()
        })
        .build()
        .unwrap()
}

#[tokio::test(start_paused = true)]
async fn each_statistics_page_waits_a_minute_of_quota() {
    let server = MockServer::start().await;
    page(
        &server,
        "2019-06-20T00:00:00",
        vec![sale(1, "2023-07-05T10:00:00")],
    )
    .await;
    page(
        &server,
        "2023-07-05T10:00:00",
        vec![sale(2, "2023-07-05T12:00:00")],
    )
    .await;
    page(&server, "2023-07-05T12:00:00", vec![]).await;
    let wb = limited_client(&server);
    let start = tokio::time::Instant::now();
    let mut stream = wb.statistics().sales_stream(day(2019, 6, 20));

    let first = stream.next().await.unwrap().unwrap();
    assert_eq!(first.nm_id, NmId(1));
    assert!(
        start.elapsed() < Duration::from_secs(1),
        "the first page goes at once"
    );

    let second = stream.next().await.unwrap().unwrap();
    assert_eq!(second.nm_id, NmId(2));
    let waited = start.elapsed();
    assert!(
        waited >= Duration::from_secs(60) && waited < Duration::from_secs(61),
        "the second page waited {waited:?}"
    );

    assert!(stream.next().await.is_none());
    let waited = start.elapsed();
    assert!(
        waited >= Duration::from_secs(120) && waited < Duration::from_secs(121),
        "the closing empty page waited {waited:?}"
    );
    assert_eq!(sent(&server).await.len(), 3);
}

#[tokio::test(start_paused = true)]
async fn each_statistics_method_has_its_own_minute() {
    let server = MockServer::start().await;
    for path in ["/api/v1/supplier/orders", "/api/v1/supplier/sales"] {
        wiremock::Mock::given(wiremock::matchers::method("GET"))
            .and(wiremock::matchers::path(path))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!([])))
            .mount(&server)
            .await;
    }
    let wb = limited_client(&server);
    let start = tokio::time::Instant::now();
    wb.statistics()
        .sales(day(2024, 1, 1), DateMode::ChangedSince)
        .await
        .unwrap();
    // Orders: 1 a minute with a burst of 10 (WB's 2026-08 table): ten go at once.
    for _ in 0..10 {
        wb.statistics()
            .orders(day(2024, 1, 1), DateMode::ChangedSince)
            .await
            .unwrap();
    }
    assert!(
        start.elapsed() < Duration::from_secs(1),
        "sales and ten orders reads go at once: {:?}",
        start.elapsed()
    );
    wb.statistics()
        .orders(day(2024, 1, 1), DateMode::ChangedSince)
        .await
        .unwrap();
    assert!(
        start.elapsed() >= Duration::from_secs(59),
        "the eleventh orders read waits for its minute: {:?}",
        start.elapsed()
    );
    wb.statistics()
        .sales(day(2024, 1, 1), DateMode::ChangedSince)
        .await
        .unwrap();
    assert!(
        start.elapsed() >= Duration::from_secs(59) && start.elapsed() < Duration::from_secs(61),
        "sales have their own minute (burst 1): {:?}",
        start.elapsed()
    );
    assert_eq!(sent(&server).await.len(), 13);
}
