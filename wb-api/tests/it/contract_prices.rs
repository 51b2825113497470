//! Contract tests of the prices section against WB's spec snapshot.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::str::FromStr;
use std::sync::atomic::{AtomicI64, Ordering};

use crate::common::*;
use futures::TryStreamExt;
use market_core::{Error, RejectionStage};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use wb_api::api::prices::{SizeKey, validate_good_price};
use wb_api::ids::{ChrtId, NmId, UploadId};
use wb_api::models::prices::*;
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, Request as WireRequest, Respond, ResponseTemplate};

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

#[test]
fn responses_decode_strictly() {
    assert_responses_decode::<TaskCreated>("POST /api/v2/upload/task");
    assert_responses_decode::<TaskCreated>("POST /api/v2/upload/task/size");
    assert_responses_decode::<TaskHistoryResponse>("GET /api/v2/history/tasks");
    assert_responses_decode::<GoodsHistoryResponse>("GET /api/v2/history/goods/task");
    assert_responses_decode::<BufferTaskResponse>("GET /api/v2/buffer/tasks");
    assert_responses_decode::<BufferGoodsResponse>("GET /api/v2/buffer/goods/task");
    assert_responses_decode::<GoodsListResponse>("GET /api/v2/list/goods/filter");
    assert_responses_decode::<GoodsListResponse>("POST /api/v2/list/goods/filter");
    assert_responses_decode::<SizeGoodsResponse>("GET /api/v2/list/goods/size/nm");
    assert_responses_decode::<QuarantineResponse>("GET /api/v2/quarantine/goods");
}

#[test]
fn the_208_already_exists_answers_decode() {
    for op in ["POST /api/v2/upload/task", "POST /api/v2/upload/task/size"] {
        let examples = spec().response_examples(op, "208");
        assert!(!examples.is_empty(), "{op}: the spec has a 208 example");
        for ex in examples {
            let t: TaskCreated = decode(op, "208 example", &ex);
            let data = t.data.unwrap();
            assert!(data.already_exists);
            assert_eq!(data.id, UploadId(1111111));
        }
        let max =
            spec().maximal(&spec().response(op, "208")["content"]["application/json"]["schema"]);
        let _: TaskCreated = decode(op, "208 maximal instance", &max);
    }
}

#[test]
fn the_vendor_request_example_round_trips() {
    let op = "POST /api/v2/list/goods/filter";
    let ex = spec().request_example(op).unwrap();
    let req: GoodsFilterRequest = decode(op, "request example", &ex);
    assert_eq!(req.nm_list, [NmId(26613989), NmId(1348041)]);
    assert_eq!(serde_json::to_value(&req).unwrap(), ex);
}

#[test]
fn prices_are_sent_as_integers_and_only_whole_ones() {
    let g = GoodPrice::new(123, dec("999.00"), 30);
    assert_eq!(
        serde_json::to_value(&g).unwrap(),
        json!({"nmID": 123, "price": 999, "discount": 30})
    );
    assert_eq!(
        serde_json::to_value(GoodPrice::discount(5, 10)).unwrap(),
        json!({"nmID": 5, "discount": 10})
    );
    assert!(serde_json::to_value(GoodPrice::price(5, dec("10.5"))).is_err());
    let s = SizePrice::new(123, 98989887, dec("1500"));
    assert_eq!(
        serde_json::to_value(&s).unwrap(),
        json!({"nmID": 123, "sizeID": 98989887, "price": 1500})
    );
}

#[test]
fn good_price_validation() {
    assert!(validate_good_price(&GoodPrice::new(1, dec("100"), 0)).is_ok());
    assert!(validate_good_price(&GoodPrice::new(1, dec("100"), 99)).is_ok());
    for (bad, why) in [
        (GoodPrice::new(0, dec("100"), 5), "not a valid article"),
        (GoodPrice::new(1, dec("0"), 5), "not positive"),
        (GoodPrice::new(1, dec("-3"), 5), "not positive"),
        (GoodPrice::new(1, dec("99.9"), 5), "not a whole number"),
        (GoodPrice::new(1, dec("100"), 100), "not in 0..=99"),
        (GoodPrice::new(1, dec("100"), -1), "not in 0..=99"),
        (
            GoodPrice {
                nm_id: NmId(1),
                price: None,
                discount: None,
            },
            "neither",
        ),
    ] {
        let err = validate_good_price(&bad).unwrap_err();
        assert!(err.contains(why), "{bad:?}: {err}");
    }
}

/// Answers every upload with a new task id: 101, 102, ...
struct NewTask(AtomicI64);

impl Respond for NewTask {
    fn respond(&self, _: &WireRequest) -> ResponseTemplate {
        let id = self.0.fetch_add(1, Ordering::SeqCst);
        ResponseTemplate::new(200).set_body_json(
            json!({"data": {"id": id, "alreadyExists": false}, "error": false, "errorText": ""}),
        )
    }
}

#[tokio::test]
async fn upload_splits_at_1000_validates_and_reports_by_nm_id() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/v2/upload/task"))
        .respond_with(NewTask(AtomicI64::new(101)))
        .mount(&server)
        .await;
    let wb = client(&server);
    let mut goods: Vec<GoodPrice> = (1..=2500)
        .map(|i| GoodPrice::new(i, Decimal::from(1000 + i), 10))
        .collect();
    goods.push(GoodPrice::new(0, dec("100"), 5));
    goods.push(GoodPrice::new(9001, dec("0"), 5));
    goods.push(GoodPrice::new(9002, dec("10.5"), 5));
    goods.push(GoodPrice::new(9003, dec("100"), 100));
    goods.push(GoodPrice {
        nm_id: NmId(9004),
        price: None,
        discount: None,
    });
    goods.push(GoodPrice::discount(7, 20)); // nmID 7 again
    let upload = wb.prices().upload(goods).await.unwrap();

    let requests = sent(&server).await;
    let sizes: Vec<usize> = requests
        .iter()
        .map(|(_, b)| b["data"].as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, [1000, 1000, 500]);
    assert_eq!(
        requests[0].1["data"][0],
        json!({"nmID": 1, "price": 1001, "discount": 10})
    );
    assert_requests_match_spec(&server, "POST /api/v2/upload/task").await;

    assert_eq!(
        upload.task_ids(),
        [UploadId(101), UploadId(102), UploadId(103)]
    );
    assert!(upload.tasks.iter().all(|t| !t.already_exists));
    assert_eq!(upload.report.accepted.len(), 2500);
    assert_eq!(upload.report.accepted[0], NmId(1));
    let rejected: Vec<(NmId, RejectionStage)> = upload
        .report
        .rejected
        .iter()
        .map(|r| (r.key, r.stage))
        .collect();
    assert_eq!(
        rejected,
        [0, 9001, 9002, 9003, 9004, 7].map(|n| (NmId(n), RejectionStage::Validation))
    );
    let dup = upload.report.rejected.last().unwrap();
    assert!(dup.message.contains("more than once"), "{}", dup.message);
}

#[tokio::test]
async fn a_refused_upload_rejects_its_goods_and_the_next_task_still_goes() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(400).set_body_json(
            json!({"data": null, "error": true, "errorText": "Invalid price value"}),
        ))
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(208).set_body_json(
            json!({"data": {"id": 1111111, "alreadyExists": true}, "error": false, "errorText": "This task already exists"}),
        ))
        .mount(&server)
        .await;
    let wb = client(&server);
    let goods: Vec<GoodPrice> = (1..=1001)
        .map(|i| GoodPrice::price(i, dec("500")))
        .collect();
    let upload = wb.prices().upload(goods).await.unwrap();
    assert_eq!(sent(&server).await.len(), 2, "a 400 is not retried");
    assert_eq!(upload.report.rejected.len(), 1000);
    let r = &upload.report.rejected[0];
    assert_eq!(r.stage, RejectionStage::Request);
    assert!(r.message.contains("Invalid price value"), "{}", r.message);
    assert_eq!(upload.report.accepted, [NmId(1001)]);
    assert_eq!(upload.task_ids(), [UploadId(1111111)]);
    assert!(upload.tasks[0].already_exists);
}

#[tokio::test]
async fn size_upload_sends_nm_and_size_and_reports_by_both() {
    let server = serve(
        "POST /api/v2/upload/task/size",
        json!({"data": {"id": 77, "alreadyExists": false}, "error": false, "errorText": ""}),
    )
    .await;
    let wb = client(&server);
    let upload = wb
        .prices()
        .upload_sizes(vec![
            SizePrice::new(123, 98989887, dec("999")),
            SizePrice::new(123, 98989888, dec("1099")),
            SizePrice::new(123, 98989887, dec("1000")),
            SizePrice::new(123, 0, dec("1000")),
            SizePrice::new(124, 5, dec("9.99")),
        ])
        .await
        .unwrap();
    let requests = sent(&server).await;
    assert_eq!(requests.len(), 1);
    assert_eq!(
        requests[0].1,
        json!({"data": [
            {"nmID": 123, "sizeID": 98989887, "price": 999},
            {"nmID": 123, "sizeID": 98989888, "price": 1099}
        ]})
    );
    assert_requests_match_spec(&server, "POST /api/v2/upload/task/size").await;
    assert_eq!(upload.task_ids(), [UploadId(77)]);
    let key = |n: i64, s: i64| SizeKey {
        nm_id: NmId(n),
        size_id: ChrtId(s),
    };
    assert_eq!(
        upload.report.accepted,
        [key(123, 98989887), key(123, 98989888)]
    );
    let rejected: Vec<SizeKey> = upload.report.rejected.iter().map(|r| r.key).collect();
    assert_eq!(rejected, [key(123, 98989887), key(123, 0), key(124, 5)]);
    assert!(
        upload
            .report
            .rejected
            .iter()
            .all(|r| r.stage == RejectionStage::Validation)
    );
}

#[tokio::test]
async fn history_task_reads_the_state_and_times() {
    let server = serve(
        "GET /api/v2/history/tasks",
        json!({"data": {"uploadID": 395643565, "status": 5, "uploadDate": "2022-08-21T22:00:13+02:00",
            "activationDate": "2022-08-21T22:00:13+02:00", "overAllGoodsNumber": 10, "successGoodsNumber": 8},
            "error": false, "errorText": ""}),
    )
    .await;
    let wb = client(&server);
    let task = wb
        .prices()
        .history_task(UploadId(395643565))
        .await
        .unwrap()
        .data
        .unwrap();
    assert_eq!(task.upload_id, UploadId(395643565));
    assert!(task.is_done() && task.has_errors());
    assert_eq!(task.over_all_goods_number - task.success_goods_number, 2);
    assert_eq!(
        task.upload_date.unwrap().to_rfc3339(),
        "2022-08-21T20:00:13+00:00"
    );
    let (r, _) = &sent(&server).await[0];
    assert_eq!(r.url.query(), Some("uploadID=395643565"));
    assert_requests_match_spec(&server, "GET /api/v2/history/tasks").await;
}

fn history_good(nm: i64, failed: bool) -> Value {
    json!({"nmID": nm, "vendorCode": format!("V{nm}"), "sizeID": 54483342, "techSizeName": "42",
        "price": 1500, "currencyIsoCode4217": "RUB", "discount": 25, "clubDiscount": null,
        "status": if failed { 3 } else { 2 },
        "errorText": if failed { "The new price is too low" } else { "" }})
}

#[tokio::test]
async fn history_goods_decodes_errors_per_good() {
    let server = serve(
        "GET /api/v2/history/goods/task",
        json!({"data": {"uploadID": 3235236546u64, "historyGoods": [history_good(1, false), history_good(2, true)]}}),
    )
    .await;
    let wb = client(&server);
    let page = wb
        .prices()
        .history_goods(UploadId(3235236546), 10, 20)
        .await
        .unwrap()
        .data
        .unwrap();
    assert_eq!(page.upload_id, UploadId(3235236546));
    let goods = &page.history_goods;
    assert!(!goods[0].failed());
    assert!(goods[1].failed());
    assert_eq!(goods[1].error_text, "The new price is too low");
    assert_eq!(goods[1].price, dec("1500"));
    assert_eq!(goods[1].club_discount, None);
    assert_eq!(goods[1].size_id, ChrtId(54483342));
    let (r, _) = &sent(&server).await[0];
    assert_eq!(
        r.url.query(),
        Some("limit=10&offset=20&uploadID=3235236546")
    );
    assert_requests_match_spec(&server, "GET /api/v2/history/goods/task").await;
}

#[tokio::test]
async fn history_goods_stream_pages_until_a_short_page() {
    let server = MockServer::start().await;
    let goods = |from: i64, n: i64| {
        (from..from + n)
            .map(|i| history_good(i, i % 2 == 0))
            .collect::<Vec<_>>()
    };
    Mock::given(query_param("offset", "1000"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"data": {"uploadID": 5, "historyGoods": goods(1001, 3)}})),
        )
        .mount(&server)
        .await;
    Mock::given(query_param("offset", "0"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"data": {"uploadID": 5, "historyGoods": goods(1, 1000)}})),
        )
        .mount(&server)
        .await;
    let wb = client(&server);
    let all: Vec<GoodHistory> = wb
        .prices()
        .history_goods_stream(UploadId(5))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 1003);
    assert_eq!(all.last().unwrap().nm_id, NmId(1003));
    assert_eq!(all.iter().filter(|g| g.failed()).count(), 501);
    assert_eq!(sent(&server).await.len(), 2);
    assert_requests_match_spec(&server, "GET /api/v2/history/goods/task").await;
}

#[tokio::test]
async fn buffer_task_and_goods() {
    let server = MockServer::start().await;
    Mock::given(path("/api/v2/buffer/tasks"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"data": {"uploadID": 9, "status": 1,
            "uploadDate": "2022-08-21T22:00:13+02:00", "activationDate": "2022-08-21T22:00:13+02:00",
            "overAllGoodsNumber": 100, "successGoodsNumber": 0}, "error": false, "errorText": ""})))
        .mount(&server)
        .await;
    Mock::given(path("/api/v2/buffer/goods/task"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"data": {"uploadID": 9, "bufferGoods": [
            {"nmID": 544833232, "vendorCode": "34552332", "sizeID": 54483342, "techSizeName": "XXL", "price": 1500,
             "currencyIsoCode4217": "RUB", "discount": 25, "clubDiscount": 5, "status": 1, "errorText": null}
        ]}, "error": false, "errorText": ""})))
        .mount(&server)
        .await;
    let wb = client(&server);
    let task = wb
        .prices()
        .buffer_task(UploadId(9))
        .await
        .unwrap()
        .data
        .unwrap();
    assert_eq!((task.status, task.over_all_goods_number), (1, 100));
    let goods = wb
        .prices()
        .buffer_goods(UploadId(9), 1000, 0)
        .await
        .unwrap()
        .data
        .unwrap();
    assert_eq!(goods.upload_id, Some(UploadId(9)));
    assert_eq!(goods.buffer_goods[0].nm_id, NmId(544833232));
    assert_eq!(goods.buffer_goods[0].price, dec("1500"));
    assert_eq!(goods.buffer_goods[0].error_text, "");
    let requests = sent(&server).await;
    assert_eq!(requests[0].0.url.query(), Some("uploadID=9"));
    assert_eq!(
        requests[1].0.url.query(),
        Some("limit=1000&offset=0&uploadID=9")
    );
    // Each operation against its own entry of the spec.
    let only = |p: &'static str| async move {
        let s = MockServer::start().await;
        Mock::given(path(p))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({"data": null})))
            .mount(&s)
            .await;
        s
    };
    let s = only("/api/v2/buffer/tasks").await;
    assert!(
        client(&s)
            .prices()
            .buffer_task(UploadId(9))
            .await
            .unwrap()
            .data
            .is_none()
    );
    assert_requests_match_spec(&s, "GET /api/v2/buffer/tasks").await;
    let s = only("/api/v2/buffer/goods/task").await;
    assert!(
        client(&s)
            .prices()
            .buffer_goods(UploadId(9), 5, 0)
            .await
            .unwrap()
            .data
            .is_none()
    );
    assert_requests_match_spec(&s, "GET /api/v2/buffer/goods/task").await;
}

fn goods_list(from: i64, n: i64) -> Vec<Value> {
    (from..from + n)
        .map(|i| {
            json!({"nmID": i, "vendorCode": format!("V{i}"), "currencyIsoCode4217": "RUB", "discount": 30,
                "clubDiscount": 5, "editableSizePrice": true, "isBadTurnover": false,
                "sizes": [{"sizeID": 3123515574u64, "price": 500, "discountedPrice": 350,
                           "clubDiscountedPrice": 332.5, "techSizeName": "42"}]})
        })
        .collect()
}

fn goods_page(items: Vec<Value>) -> ResponseTemplate {
    ResponseTemplate::new(200)
        .set_body_json(json!({"data": {"listGoods": items}, "error": false, "errorText": ""}))
}

#[tokio::test]
async fn goods_stream_pages_by_offset_until_an_empty_page() {
    let server = MockServer::start().await;
    Mock::given(query_param("offset", "0"))
        .respond_with(goods_page(goods_list(1, 1000)))
        .mount(&server)
        .await;
    Mock::given(query_param("offset", "1000"))
        .respond_with(goods_page(goods_list(1001, 2)))
        .mount(&server)
        .await;
    Mock::given(query_param("offset", "2000"))
        .respond_with(goods_page(vec![]))
        .mount(&server)
        .await;
    let wb = client(&server);
    let all: Vec<GoodsList> = wb.prices().goods_stream().try_collect().await.unwrap();
    assert_eq!(all.len(), 1002);
    assert_eq!(all[1001].nm_id, NmId(1002));
    let size = &all[0].sizes[0];
    assert_eq!(size.size_id, ChrtId(3123515574));
    assert_eq!(size.price, dec("500"));
    assert_eq!(size.discounted_price, dec("350"));
    assert_eq!(size.club_discounted_price, dec("332.5"));
    let queries: Vec<String> = sent(&server)
        .await
        .iter()
        .map(|(r, _)| r.url.query().unwrap().to_owned())
        .collect();
    assert_eq!(
        queries,
        [
            "limit=1000&offset=0",
            "limit=1000&offset=1000",
            "limit=1000&offset=2000"
        ]
    );
    assert_requests_match_spec(&server, "GET /api/v2/list/goods/filter").await;
}

#[tokio::test]
async fn one_good_by_filter_nm_id() {
    let server = MockServer::start().await;
    Mock::given(query_param("filterNmID", "98486"))
        .respond_with(goods_page(goods_list(98486, 1)))
        .mount(&server)
        .await;
    let wb = client(&server);
    let good = wb.prices().good(NmId(98486)).await.unwrap().unwrap();
    assert_eq!(good.vendor_code, "V98486");
    assert!(good.editable_size_price);
    assert_requests_match_spec(&server, "GET /api/v2/list/goods/filter").await;
}

#[tokio::test]
async fn goods_by_nm_splits_at_1000() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/v2/list/goods/filter"))
        .respond_with(goods_page(goods_list(1, 1)))
        .mount(&server)
        .await;
    let wb = client(&server);
    let goods = wb
        .prices()
        .goods_by_nm((1..=1001).map(NmId).collect())
        .await
        .unwrap();
    assert_eq!(goods.len(), 2, "one good per answer");
    let requests = sent(&server).await;
    let sizes: Vec<usize> = requests
        .iter()
        .map(|(_, b)| b["nmList"].as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, [1000, 1]);
    assert_eq!(requests[1].1, json!({"nmList": [1001]}));
    assert_requests_match_spec(&server, "POST /api/v2/list/goods/filter").await;

    let err = wb.prices().goods_by_nm(vec![]).await.unwrap_err();
    assert!(matches!(err, Error::Validation { .. }));
    let err = wb
        .prices()
        .goods_by_nm(vec![NmId(1), NmId(-2)])
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Validation { .. }));
    assert_eq!(sent(&server).await.len(), 2);
}

#[tokio::test]
async fn sizes_of_a_good() {
    let server = serve(
        "GET /api/v2/list/goods/size/nm",
        json!({"data": {"listGoods": [{"nmID": 123, "sizeID": 98989887, "vendorCode": "34552332", "price": 1000,
            "currencyIsoCode4217": "RUB", "discountedPrice": 700, "clubDiscountedPrice": 665, "discount": 30,
            "clubDiscount": 5, "techSizeName": "42", "editableSizePrice": true, "isBadTurnover": true}]},
            "error": false, "errorText": ""}),
    )
    .await;
    let wb = client(&server);
    let sizes = wb
        .prices()
        .sizes(NmId(123), 100, 0)
        .await
        .unwrap()
        .data
        .list_goods;
    assert_eq!(sizes[0].size_id, ChrtId(98989887));
    assert_eq!(sizes[0].discounted_price, dec("700"));
    assert_eq!(sizes[0].club_discounted_price, dec("665"));
    let (r, _) = &sent(&server).await[0];
    assert_eq!(r.url.query(), Some("limit=100&offset=0&nmID=123"));
    assert_requests_match_spec(&server, "GET /api/v2/list/goods/size/nm").await;
}

#[tokio::test]
async fn quarantine_money_is_exact() {
    let server = serve(
        "GET /api/v2/quarantine/goods",
        json!({"data": {"quarantineGoods": [{"nmID": 206025152, "sizeID": null, "techSizeName": "",
            "currencyIsoCode4217": "RUB", "newPrice": 134, "oldPrice": 4000, "newDiscount": 25,
            "oldDiscount": 25, "priceDiff": -2899.5}]}, "error": false, "errorText": ""}),
    )
    .await;
    let wb = client(&server);
    let page = wb.prices().quarantine(50, 0).await.unwrap().data.unwrap();
    let g = &page.quarantine_goods[0];
    assert_eq!(g.nm_id, NmId(206025152));
    assert_eq!(g.size_id, None);
    assert_eq!(g.new_price, dec("134"));
    assert_eq!(g.old_price, dec("4000"));
    assert_eq!(g.price_diff, dec("-2899.5"));
    assert_requests_match_spec(&server, "GET /api/v2/quarantine/goods").await;
}

#[tokio::test]
async fn bad_pages_and_ids_are_rejected_before_sending() {
    let server = MockServer::start().await;
    let wb = client(&server);
    let p = wb.prices();
    for err in [
        p.goods(0, 0).await.unwrap_err(),
        p.goods(1001, 0).await.unwrap_err(),
        p.quarantine(5000, 0).await.unwrap_err(),
        p.sizes(NmId(0), 10, 0).await.unwrap_err(),
        p.history_goods(UploadId(0), 10, 0).await.unwrap_err(),
        p.history_task(UploadId(-1)).await.unwrap_err(),
        p.buffer_goods(UploadId(1), 0, 0).await.unwrap_err(),
        p.good(NmId(0)).await.unwrap_err(),
    ] {
        assert!(matches!(err, Error::Validation { .. }), "{err}");
    }
    let all_bad = p
        .upload(vec![GoodPrice::new(1, dec("1.5"), 0)])
        .await
        .unwrap();
    assert!(all_bad.tasks.is_empty());
    assert_eq!(all_bad.report.rejected.len(), 1);
    assert!(sent(&server).await.is_empty());
}
