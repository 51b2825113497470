//! Contract tests of the warehouses section (getPagedWarehouses, getFulfillmentWarehouses)
//! against the Yandex Market spec snapshot.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common::*;
use futures::TryStreamExt;
use market_core::Error;
use serde_json::{Value, json};
use wiremock::matchers::{query_param, query_param_is_missing};
use wiremock::{MockServer, ResponseTemplate};
use yandex_market_api::api::warehouses::*;
use yandex_market_api::limits::{self, Tier};
use yandex_market_api::models::warehouses::*;
use yandex_market_api::{BusinessId, CampaignId, WarehouseId};

fn warehouse(id: i64, campaign: i64) -> Value {
    json!({
        "id": id,
        "name": format!("Склад {id}"),
        "campaignId": campaign,
        "express": id % 2 == 0,
        "groupInfo": {"id": 77, "name": "Group"},
        "address": {
            "city": "Москва", "street": "Стрелецкая", "number": "9", "building": "2",
            "block": "1", "gps": {"latitude": 55.7558, "longitude": 37.6173}
        },
        "status": {"status": "OTHER"}
    })
}

fn page(warehouses: Vec<Value>, next: Option<&str>) -> ResponseTemplate {
    let mut result = json!({ "warehouses": warehouses });
    if let Some(n) = next {
        result["paging"] = json!({ "nextPageToken": n });
    }
    ResponseTemplate::new(200).set_body_json(json!({"status": "OK", "result": result}))
}

#[test]
fn responses_decode_strictly() {
    assert_responses_decode::<PagedWarehousesResponse>("getPagedWarehouses");
    assert_sparse_responses_decode::<PagedWarehousesResponse>("getPagedWarehouses");
    assert_responses_decode::<FulfillmentWarehousesResponse>("getFulfillmentWarehouses");
    assert_sparse_responses_decode::<FulfillmentWarehousesResponse>("getFulfillmentWarehouses");
}

#[test]
fn enums_match_the_spec() {
    assert_enum(
        WarehouseComponent::KNOWN,
        spec().enum_values("WarehouseComponentType"),
        "WarehouseComponentType",
    );
    assert_enum(
        WarehouseStatusType::KNOWN,
        spec().enum_values("WarehouseStatusType"),
        "WarehouseStatusType",
    );
}

#[test]
fn operations_and_maxima_are_the_spec_ones() {
    for op in [&PAGED_WAREHOUSES_GET, &FULFILLMENT_WAREHOUSES_GET] {
        let (m, p) = spec().locate(crate::common::spec_id(op));
        assert_eq!((op.method.as_str(), op.path), (m, p));
        assert_eq!(op.name, crate::common::rule_name(op));
        assert!(op.idempotent);
        assert!(limits::limit(op.limit_group, Tier::Base).is_some());
    }
    let schema = spec().request_schema("getPagedWarehouses");
    let (props, _) = spec().object_view(schema);
    assert_eq!(
        props["campaignIds"]["maxItems"].as_u64(),
        Some(CAMPAIGN_IDS_MAX as u64)
    );
    assert_eq!(PAGED_WAREHOUSES_GET.batch_max, Some(CAMPAIGN_IDS_MAX));
    let limit = spec()
        .parameters("getPagedWarehouses")
        .into_iter()
        .find(|p| p["name"] == "limit")
        .unwrap();
    assert_eq!(
        limit["schema"]["maximum"].as_u64(),
        Some(u64::from(PAGED_WAREHOUSES_GET_PAGE_MAX))
    );
}

#[test]
fn the_maximal_request_round_trips() {
    let max = spec().maximal(spec().request_schema("getPagedWarehouses"));
    let r: PagedWarehousesRequest = decode("getPagedWarehouses", "maximal request", &max);
    assert_eq!(serde_json::to_value(&r).unwrap(), max);
}

#[tokio::test]
async fn list_stream_pages_to_the_end_over_three_pages() {
    let server = MockServer::start().await;
    mock("getPagedWarehouses")
        .and(query_param_is_missing("pageToken"))
        .respond_with(page(vec![warehouse(1, 10), warehouse(2, 10)], Some("w2")))
        .mount(&server)
        .await;
    mock("getPagedWarehouses")
        .and(query_param("pageToken", "w2"))
        .respond_with(page(vec![warehouse(3, 11)], Some("w3")))
        .mount(&server)
        .await;
    mock("getPagedWarehouses")
        .and(query_param("pageToken", "w3"))
        .respond_with(page(vec![warehouse(4, 11)], None))
        .mount(&server)
        .await;
    let ym = client(&server);
    let request = PagedWarehousesRequest::default()
        .with_campaign_ids([CampaignId(10), CampaignId(11), CampaignId(10)])
        .with_components([WarehouseComponent::Address, WarehouseComponent::Status]);
    let all: Vec<WarehouseDetails> = ym
        .warehouses()
        .list_stream(BusinessId(5), request)
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<WarehouseId> = all.iter().map(|w| w.id).collect();
    assert_eq!(ids, [1, 2, 3, 4].map(WarehouseId));
    assert_eq!(all[2].campaign_id, CampaignId(11));
    assert!(all[1].express);
    assert_eq!(all[0].group_info.as_ref().unwrap().id, 77);
    let address = all[0].address.as_ref().unwrap();
    assert_eq!(address.city, "Москва");
    assert_eq!(address.gps.latitude, 55.7558);
    assert_eq!(address.gps.longitude, 37.6173);
    assert_eq!(
        all[0].status.as_ref().unwrap().status,
        Some(WarehouseStatusType::Other)
    );
    let requests = sent_to(&server, "getPagedWarehouses").await;
    assert_eq!(requests.len(), 3, "three pages");
    for (r, body) in &requests {
        assert_eq!(r.url.path(), "/v2/businesses/5/warehouses");
        assert!(r.url.query_pairs().any(|(k, v)| k == "limit" && v == "30"));
        assert_eq!(
            body,
            &json!({"campaignIds": [10, 11], "components": ["ADDRESS", "STATUS"]}),
            "the repeated shop is sent once"
        );
    }
    assert_requests_match_spec(&server, "getPagedWarehouses").await;
}

#[tokio::test]
async fn list_stream_asks_for_more_than_25_shops_25_at_a_time() {
    let server = serve(
        "getPagedWarehouses",
        json!({"status": "OK", "result": {"warehouses": [warehouse(1, 1)]}}),
    )
    .await;
    let ym = client(&server);
    let request = PagedWarehousesRequest::default().with_campaign_ids((1..=60).map(CampaignId));
    let all: Vec<WarehouseDetails> = ym
        .warehouses()
        .list_stream(BusinessId(5), request)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 3, "one page per request");
    let sizes: Vec<usize> = sent(&server)
        .await
        .iter()
        .map(|(_, b)| b["campaignIds"].as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, [25, 25, 10]);
    assert_requests_match_spec(&server, "getPagedWarehouses").await;
}

#[tokio::test]
async fn list_sends_one_page_and_refuses_what_the_spec_refuses() {
    let server = serve(
        "getPagedWarehouses",
        json!({"status": "OK", "result": {"warehouses": [], "paging": {"nextPageToken": "n"}}}),
    )
    .await;
    let ym = client(&server);
    let empty = PagedWarehousesRequest {
        campaign_ids: Some(vec![]),
        components: Some(vec![]),
    };
    let page = ym
        .warehouses()
        .list(BusinessId(5), &empty, Some("t"), Some(1))
        .await
        .unwrap();
    assert_eq!(page.paging.unwrap().next(), Some("n"));
    let (r, body) = &sent(&server).await[0];
    assert_eq!(body, &json!({}), "empty lists are left out (minItems 1)");
    assert_eq!(r.url.query(), Some("pageToken=t&limit=1"));
    assert_requests_match_spec(&server, "getPagedWarehouses").await;

    let too_many = PagedWarehousesRequest::default().with_campaign_ids((1..=26).map(CampaignId));
    let e = ym
        .warehouses()
        .list(BusinessId(5), &too_many, None, None)
        .await
        .unwrap_err();
    assert!(matches!(e, Error::Validation { .. }), "{e:?}");
    let bad_id = PagedWarehousesRequest::default().with_campaign_ids([CampaignId(0)]);
    let e = ym
        .warehouses()
        .list(BusinessId(5), &bad_id, None, None)
        .await
        .unwrap_err();
    assert!(matches!(e, Error::Validation { .. }), "{e:?}");
    for limit in [0, 31] {
        let e = ym
            .warehouses()
            .list(
                BusinessId(5),
                &PagedWarehousesRequest::default(),
                None,
                Some(limit),
            )
            .await
            .unwrap_err();
        assert!(matches!(e, Error::Validation { .. }), "{e:?}");
    }
    assert_eq!(sent(&server).await.len(), 1, "nothing more was sent");
}

#[tokio::test]
async fn fulfillment_lists_yandex_market_warehouses_of_a_shop() {
    let server = serve(
        "getFulfillmentWarehouses",
        json!({"status": "OK", "result": {"warehouses": [
            {"id": 145, "name": "Софьино", "address": {"city": "Софьино", "gps": {"latitude": 55.5, "longitude": 38.1}}},
            {"id": 147, "name": "Ростов"}
        ]}}),
    )
    .await;
    let ym = client(&server);
    let all = ym
        .warehouses()
        .fulfillment(Some(CampaignId(21)))
        .await
        .unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0].id, WarehouseId(145));
    assert_eq!(all[0].address.as_ref().unwrap().gps.longitude, 38.1);
    assert_eq!(all[1].name, "Ростов");
    assert!(all[1].address.is_none());
    ym.warehouses().fulfillment(None).await.unwrap();
    let requests = sent(&server).await;
    assert_eq!(requests[0].0.url.query(), Some("campaignId=21"));
    assert_eq!(requests[1].0.url.query(), None);
    assert_requests_match_spec(&server, "getFulfillmentWarehouses").await;
}
