//! Contract tests of the stocks section (updateStocks, getStocks) against the Yandex Market
//! spec snapshot: splitting at 2,000 SKUs, local validation, per-chunk refusals, the
//! item-counted quota, and paging.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::time::Duration;

use crate::common::*;
use chrono::{TimeZone, Utc};
use futures::{StreamExt, TryStreamExt};
use market_core::transport::{HttpSettings, QuotaUnit, RetryPolicy};
use market_core::{BatchReport, Error, RejectionStage};
use serde_json::{Value, json};
use wiremock::matchers::{query_param, query_param_is_missing};
use wiremock::{MockServer, Request as WireRequest, Respond, ResponseTemplate};
use yandex_market_api::api::stocks::*;
use yandex_market_api::limits::{self, MAX_BODY_BYTES, Tier};
use yandex_market_api::models::common::EmptyResponse;
use yandex_market_api::models::stocks::*;
use yandex_market_api::{CampaignId, Client, WarehouseId};

fn ok() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({"status": "OK"}))
}

fn skus(body: &Value) -> Vec<String> {
    body["skus"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["sku"].as_str().unwrap().to_owned())
        .collect()
}

fn rejection<'r>(report: &'r BatchReport<String>, key: &str) -> &'r market_core::Rejection<String> {
    report
        .rejected
        .iter()
        .find(|r| r.key == key)
        .unwrap_or_else(|| panic!("{key} is not rejected"))
}

/// Answers 400 (YM's error body) to the request carrying `poisoned`, 200 to the others.
struct RefuseChunkWith(&'static str);

impl Respond for RefuseChunkWith {
    fn respond(&self, request: &WireRequest) -> ResponseTemplate {
        let body: Value = serde_json::from_slice(&request.body).unwrap();
        if skus(&body).iter().any(|s| s == self.0) {
            ResponseTemplate::new(400).set_body_json(json!({
                "status": "ERROR",
                "errors": [{"code": "BAD_REQUEST", "message": "stocks of this chunk are refused"}]
            }))
        } else {
            ok()
        }
    }
}

#[test]
fn responses_decode_strictly() {
    assert_responses_decode::<GetStocksResponse>("getStocks");
    assert_sparse_responses_decode::<GetStocksResponse>("getStocks");
    assert_responses_decode::<EmptyResponse>("updateStocks");
}

#[test]
fn enums_match_the_spec() {
    assert_enum(
        WarehouseStockType::KNOWN,
        spec().enum_values("WarehouseStockType"),
        "WarehouseStockType",
    );
    assert_enum(
        TurnoverType::KNOWN,
        spec().enum_values("TurnoverType"),
        "TurnoverType",
    );
}

#[test]
fn maxima_and_operations_are_the_spec_ones() {
    let (update, _) = spec().object_view(spec().request_schema("updateStocks"));
    assert_eq!(
        update["skus"]["maxItems"].as_u64(),
        Some(STOCKS_UPDATE_MAX as u64)
    );
    let (sku, _) = spec().object_view(&update["skus"]["items"]);
    assert_eq!(sku["items"]["maxItems"].as_u64(), Some(1));
    let (item, _) = spec().object_view(&sku["items"]["items"]);
    assert_eq!(item["count"]["maximum"].as_i64(), Some(COUNT_MAX));
    assert_eq!(item["count"]["minimum"].as_i64(), Some(0));
    let (get, _) = spec().object_view(spec().request_schema("getStocks"));
    assert_eq!(
        get["offerIds"]["maxItems"].as_u64(),
        Some(STOCKS_GET_MAX as u64)
    );
    let limit = spec()
        .parameters("getStocks")
        .into_iter()
        .find(|p| p["name"] == "limit")
        .unwrap();
    assert_eq!(
        limit["schema"]["maximum"].as_u64(),
        Some(u64::from(STOCKS_GET_PAGE_MAX))
    );
    assert_eq!(
        limit["schema"]["default"].as_u64(),
        Some(u64::from(STOCKS_PAGE_DEFAULT))
    );
    assert_eq!(STOCKS_UPDATE.batch_max, Some(2000));
    assert_eq!(STOCKS_GET.batch_max, Some(500));
    for op in [&STOCKS_UPDATE, &STOCKS_GET] {
        let (m, p) = spec().locate(crate::common::spec_id(op));
        assert_eq!((op.method.as_str(), op.path), (m, p));
        assert_eq!(op.name, crate::common::rule_name(op));
        assert!(
            op.idempotent,
            "setting a stock to a count is safe to repeat"
        );
    }
}

#[test]
fn update_stocks_names_no_warehouse_the_campaign_is_the_warehouse() {
    let props = |schema: &Value| -> BTreeSet<String> {
        spec().object_view(schema).0.keys().cloned().collect()
    };
    let request = spec().request_schema("updateStocks");
    assert_eq!(props(request), BTreeSet::from(["skus".to_owned()]));
    let sku = &spec().object_view(request).0["skus"]["items"];
    assert_eq!(props(sku), BTreeSet::from(["sku".into(), "items".into()]));
    let item = &spec().object_view(sku).0["items"]["items"];
    assert_eq!(
        props(item),
        BTreeSet::from(["count".into(), "updatedAt".into()])
    );
    // Our request has exactly those fields.
    let at = Utc.with_ymd_and_hms(2026, 11, 23, 10, 15, 30).unwrap();
    let body = serde_json::to_value(UpdateStocksRequest {
        skus: vec![StockUpdate::new("A-1", 5).with_updated_at(at)],
    })
    .unwrap();
    assert_eq!(
        body,
        json!({"skus": [{"sku": "A-1", "items": [{"count": 5, "updatedAt": "2026-11-23T10:15:30Z"}]}]})
    );
    assert!(spec().check_request("updateStocks", &body).is_empty());
}

#[test]
fn updating_stocks_is_counted_in_skus() {
    let l = limits::limit("updateStocks", Tier::Base).unwrap();
    assert_eq!(l.unit, QuotaUnit::Items);
    assert_eq!(l.count, 100_000);
    assert_eq!(l.period, Duration::from_secs(60));
    assert_eq!(
        spec().limit("updateStocks")["resourceLimit"]["path"],
        "req.skus"
    );
    let g = limits::limit("getStocks", Tier::Base).unwrap();
    assert_eq!(g.unit, QuotaUnit::Items);
}

#[tokio::test]
async fn update_splits_4001_skus_in_three_rejects_bad_ones_locally_and_reports_a_refused_chunk() {
    let server = MockServer::start().await;
    // The second chunk (SKUs 2001..=4000) is refused with 400.
    mock("updateStocks")
        .respond_with(RefuseChunkWith("SKU-03000"))
        .mount(&server)
        .await;
    let ym = client(&server);
    let mut stocks: Vec<StockUpdate> = (1..=4001)
        .map(|i| StockUpdate::new(format!("SKU-{i:05}"), i % 50))
        .collect();
    stocks.insert(10, StockUpdate::new("NEGATIVE", -3));
    stocks.insert(3000, StockUpdate::new("", 4));
    let report = ym.stocks().update(CampaignId(21), stocks).await.unwrap();

    let requests = sent_to(&server, "updateStocks").await;
    let sizes: Vec<usize> = requests.iter().map(|(_, b)| skus(b).len()).collect();
    assert_eq!(sizes, [2000, 2000, 1], "4,001 valid SKUs in three requests");
    let all_sent: Vec<String> = requests.iter().flat_map(|(_, b)| skus(b)).collect();
    assert!(!all_sent.iter().any(|s| s == "NEGATIVE" || s.is_empty()));
    assert_eq!(requests[0].0.url.path(), "/v2/campaigns/21/offers/stocks");
    assert_eq!(requests[0].1["skus"][0]["items"], json!([{"count": 1}]));

    // Every item once: 2,001 accepted, 2,000 refused with the chunk, 2 invalid.
    assert_eq!(report.len(), 4003);
    assert_eq!(report.accepted.len(), 2001);
    assert!(report.accepted.contains(&"SKU-00001".to_owned()));
    assert!(report.accepted.contains(&"SKU-04001".to_owned()));
    let neg = rejection(&report, "NEGATIVE");
    assert_eq!(neg.stage, RejectionStage::Validation);
    assert!(neg.message.contains("negative"), "{}", neg.message);
    let empty = rejection(&report, "");
    assert_eq!(empty.stage, RejectionStage::Validation);
    assert!(empty.message.contains("empty"), "{}", empty.message);
    let refused: Vec<_> = report
        .rejected
        .iter()
        .filter(|r| r.stage == RejectionStage::Request)
        .collect();
    assert_eq!(refused.len(), 2000);
    assert!(
        refused
            .iter()
            .all(|r| r.code.as_deref() == Some("BAD_REQUEST"))
    );
    assert!(
        refused[0].message.contains("refused"),
        "{}",
        refused[0].message
    );
    let refused_keys: BTreeSet<&str> = refused.iter().map(|r| r.key.as_str()).collect();
    let second: BTreeSet<String> = skus(&requests[1].1).into_iter().collect();
    assert_eq!(
        refused_keys,
        second.iter().map(String::as_str).collect::<BTreeSet<_>>()
    );
    assert_requests_match_spec(&server, "updateStocks").await;
}

#[tokio::test]
async fn update_rejects_every_kind_of_invalid_stock_and_a_repeated_sku() {
    let server = serve_with("updateStocks", ok()).await;
    let ym = client(&server);
    let two_items = StockUpdate {
        sku: "TWO".into(),
        items: vec![
            StockUpdateItem {
                count: 1,
                updated_at: None,
            },
            StockUpdateItem {
                count: 2,
                updated_at: None,
            },
        ],
    };
    let no_items = StockUpdate {
        sku: "NONE".into(),
        items: vec![],
    };
    let report = ym
        .stocks()
        .update(
            CampaignId(21),
            vec![
                StockUpdate::new("OK-1", 0),
                StockUpdate::new("OK-2", COUNT_MAX),
                StockUpdate::new("   ", 1),
                StockUpdate::new("X".repeat(256), 1),
                StockUpdate::new("CTRL\u{1}", 1),
                StockUpdate::new("HUGE", COUNT_MAX + 1),
                two_items,
                no_items,
                StockUpdate::new("OK-1", 9),
            ],
        )
        .await
        .unwrap();
    assert_eq!(report.accepted, ["OK-1", "OK-2"]);
    assert_eq!(report.rejected.len(), 7);
    assert!(
        report
            .rejected
            .iter()
            .all(|r| r.stage == RejectionStage::Validation)
    );
    let repeat = report.rejected.iter().find(|r| r.key == "OK-1").unwrap();
    assert!(
        repeat.message.contains("more than once"),
        "{}",
        repeat.message
    );
    let requests = sent(&server).await;
    assert_eq!(requests.len(), 1);
    assert_eq!(
        requests[0].1,
        json!({"skus": [
            {"sku": "OK-1", "items": [{"count": 0}]},
            {"sku": "OK-2", "items": [{"count": 2_000_000_000i64}]},
        ]})
    );
    assert_requests_match_spec(&server, "updateStocks").await;
    // Nothing to send: no request at all; a bad campaign id fails the call.
    let report = ym
        .stocks()
        .update(CampaignId(21), vec![StockUpdate::new("", 1)])
        .await
        .unwrap();
    assert_eq!(report.rejected.len(), 1);
    assert_eq!(sent(&server).await.len(), 1);
    let e = ym
        .stocks()
        .update(CampaignId(0), vec![StockUpdate::new("A", 1)])
        .await
        .unwrap_err();
    assert!(matches!(e, Error::Validation { .. }), "{e:?}");
}

#[tokio::test]
async fn an_error_status_in_a_200_rejects_the_chunk_with_ym_codes() {
    let server = serve_with(
        "updateStocks",
        ResponseTemplate::new(200).set_body_json(json!({
            "status": "ERROR",
            "errors": [{"code": "LOCKED", "message": "stocks are being updated"}]
        })),
    )
    .await;
    let ym = client(&server);
    let report = ym
        .stocks()
        .update(
            CampaignId(21),
            vec![StockUpdate::new("A", 1), StockUpdate::new("B", 2)],
        )
        .await
        .unwrap();
    assert!(report.accepted.is_empty());
    assert_eq!(report.rejected.len(), 2);
    for r in &report.rejected {
        assert_eq!(r.stage, RejectionStage::Vendor);
        assert_eq!(r.code.as_deref(), Some("LOCKED"));
        assert_eq!(r.message, "LOCKED: stocks are being updated");
    }
}

#[tokio::test]
async fn long_skus_are_sent_in_smaller_requests_to_stay_under_512_kb() {
    let server = serve_with("updateStocks", ok()).await;
    let ym = client(&server);
    let at = Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).unwrap();
    let stocks: Vec<StockUpdate> = (0..2000)
        .map(|i| StockUpdate::new(format!("{i:05}{}", "L".repeat(250)), 7).with_updated_at(at))
        .collect();
    let one_body = serde_json::to_vec(&UpdateStocksRequest {
        skus: stocks.clone(),
    })
    .unwrap();
    assert!(one_body.len() > MAX_BODY_BYTES, "the test needs a big body");
    let report = ym.stocks().update(CampaignId(21), stocks).await.unwrap();
    assert_eq!(report.accepted.len(), 2000);
    assert!(report.rejected.is_empty(), "{:?}", report.rejected.first());
    let requests = sent(&server).await;
    assert!(requests.len() >= 2);
    for (r, b) in &requests {
        assert!(r.body.len() <= MAX_BODY_BYTES, "{}", r.body.len());
        assert!(skus(b).len() <= STOCKS_UPDATE_MAX);
    }
    assert_requests_match_spec(&server, "updateStocks").await;
}

#[tokio::test(start_paused = true)]
async fn each_update_request_weighs_its_skus_against_the_quota() {
    // 100,000 SKUs a minute. 120,000 SKUs in 60 requests of 2,000: the first 50 go at once,
    // the last 10 wait 1.2 s each for quota (12 s). Were a request to weigh 1, none would wait.
    let server = serve_with("updateStocks", ok()).await;
    let ym = Client::builder(API_KEY)
        .base_url(server.uri())
        .retry(RetryPolicy {
            max_attempts: 1,
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
        .unwrap();
    let stocks: Vec<StockUpdate> = (0..120_000)
        .map(|i| StockUpdate::new(format!("S{i}"), 1))
        .collect();
    let start = tokio::time::Instant::now();
    let report = ym.stocks().update(CampaignId(21), stocks).await.unwrap();
    let waited = start.elapsed();
    assert_eq!(report.accepted.len(), 120_000);
    let requests = sent(&server).await;
    assert_eq!(requests.len(), 60);
    assert!(requests.iter().all(|(_, b)| skus(b).len() == 2000));
    assert!(
        waited >= Duration::from_secs(11) && waited <= Duration::from_secs(13),
        "the last 20,000 SKUs waited for a fifth of a minute of quota: {waited:?}"
    );
}

fn stocks_page(warehouse: i64, offers: &[&str], next: Option<&str>) -> ResponseTemplate {
    let offers: Vec<Value> = offers
        .iter()
        .map(|o| {
            json!({
                "offerId": o,
                "stocks": [{"type": "FIT", "count": 12}, {"type": "AVAILABLE", "count": 10}, {"type": "FREEZE", "count": 2}],
                "turnoverSummary": {"turnover": "HIGH", "turnoverDays": 57.5},
                "updatedAt": "2026-11-23T10:15:30+03:00"
            })
        })
        .collect();
    let mut result = json!({"warehouses": [{"warehouseId": warehouse, "offers": offers}]});
    if let Some(n) = next {
        result["paging"] = json!({ "nextPageToken": n });
    }
    ResponseTemplate::new(200).set_body_json(json!({"status": "OK", "result": result}))
}

#[tokio::test]
async fn get_stocks_pages_to_the_end_over_three_pages() {
    let server = MockServer::start().await;
    mock("getStocks")
        .and(query_param_is_missing("pageToken"))
        .respond_with(stocks_page(145, &["A", "B"], Some("s2")))
        .mount(&server)
        .await;
    mock("getStocks")
        .and(query_param("pageToken", "s2"))
        .respond_with(stocks_page(145, &["C"], Some("s3")))
        .mount(&server)
        .await;
    mock("getStocks")
        .and(query_param("pageToken", "s3"))
        .respond_with(stocks_page(300, &["D"], None))
        .mount(&server)
        .await;
    let ym = client(&server);
    let request = GetStocksRequest::default()
        .with_turnover(true)
        .with_archived(false);
    let all: Vec<OfferStocks> = ym
        .stocks()
        .list_stream(CampaignId(21), request)
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<(WarehouseId, &str)> = all
        .iter()
        .map(|s| (s.warehouse_id, s.offer.offer_id.as_str()))
        .collect();
    assert_eq!(
        ids,
        [
            (WarehouseId(145), "A"),
            (WarehouseId(145), "B"),
            (WarehouseId(145), "C"),
            (WarehouseId(300), "D")
        ]
    );
    let a = &all[0].offer;
    assert_eq!(a.count(&WarehouseStockType::Available), Some(10));
    assert_eq!(a.count(&WarehouseStockType::Freeze), Some(2));
    assert_eq!(a.count(&WarehouseStockType::Defect), None);
    let turnover = a.turnover_summary.as_ref().unwrap();
    assert_eq!(turnover.turnover, Some(TurnoverType::High));
    assert_eq!(turnover.turnover_days, Some(57.5));
    assert_eq!(
        a.updated_at,
        Some(Utc.with_ymd_and_hms(2026, 11, 23, 7, 15, 30).unwrap())
    );
    let requests = sent_to(&server, "getStocks").await;
    assert_eq!(requests.len(), 3);
    for (r, body) in &requests {
        assert!(r.url.query_pairs().any(|(k, v)| k == "limit" && v == "200"));
        assert_eq!(body, &json!({"withTurnover": true, "archived": false}));
    }
    assert_requests_match_spec(&server, "getStocks").await;
}

#[tokio::test]
async fn get_stocks_by_skus_asks_500_at_a_time_without_pages() {
    let server = MockServer::start().await;
    mock("getStocks")
        .respond_with(stocks_page(145, &["X"], None))
        .mount(&server)
        .await;
    let ym = client(&server);
    let mut ids: Vec<String> = (0..1001).map(|i| format!("O-{i}")).collect();
    ids.push("O-7".into());
    let request = GetStocksRequest::default()
        .with_offer_ids(ids)
        .with_turnover(true)
        .with_warehouse(WarehouseId(145));
    let all: Vec<OfferStocks> = ym
        .stocks()
        .list_stream(CampaignId(21), request)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 3, "one answer per request");
    let requests = sent_to(&server, "getStocks").await;
    let sizes: Vec<usize> = requests
        .iter()
        .map(|(_, b)| b["offerIds"].as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, [500, 500, 1], "the repeated SKU is asked once");
    for (r, body) in &requests {
        assert_eq!(r.url.query(), None, "no page token or size by SKUs");
        assert_eq!(body["withTurnover"], json!(true));
        assert_eq!(body["stocksWarehouseId"], json!(145));
        assert!(body.get("archived").is_none());
    }
    assert_requests_match_spec(&server, "getStocks").await;
}

#[tokio::test]
async fn get_stocks_refuses_what_the_spec_refuses_before_sending() {
    let server = serve_with("getStocks", stocks_page(1, &[], None)).await;
    let ym = client(&server);
    let by_ids = GetStocksRequest::default().with_offer_ids(["A", "B"]);
    let cases: Vec<(GetStocksRequest, Option<&str>, Option<u32>)> = vec![
        (by_ids.clone(), Some("tok"), None),
        (by_ids.clone(), None, Some(10)),
        (by_ids.clone().with_archived(true), None, None),
        (
            GetStocksRequest::default().with_offer_ids(["A", ""]),
            None,
            None,
        ),
        (
            GetStocksRequest::default().with_offer_ids((0..501).map(|i| i.to_string())),
            None,
            None,
        ),
        (
            GetStocksRequest::default().with_offer_ids(Vec::<String>::new()),
            None,
            None,
        ),
        (GetStocksRequest::default(), None, Some(201)),
        (GetStocksRequest::default(), None, Some(0)),
    ];
    for (request, token, limit) in cases {
        let e = ym
            .stocks()
            .list(CampaignId(21), &request, token, limit)
            .await
            .unwrap_err();
        assert!(matches!(e, Error::Validation { .. }), "{request:?}: {e:?}");
    }
    let mut stream = ym.stocks().list_stream(
        CampaignId(21),
        GetStocksRequest::default().with_offer_ids(["A", "\u{7}"]),
    );
    assert!(matches!(
        stream.next().await,
        Some(Err(Error::Validation { .. }))
    ));
    assert!(stream.next().await.is_none());
    assert!(sent(&server).await.is_empty(), "nothing was sent");
    // A valid one page call goes, with the SKUs.
    let page = ym
        .stocks()
        .list(CampaignId(21), &by_ids, None, None)
        .await
        .unwrap();
    assert_eq!(page.warehouses[0].warehouse_id, WarehouseId(1));
    assert_eq!(sent(&server).await[0].1, json!({"offerIds": ["A", "B"]}));
    assert_requests_match_spec(&server, "getStocks").await;
}
