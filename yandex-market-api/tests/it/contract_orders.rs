//! The orders section against the spec snapshot: answers decode (strictly under `strict`),
//! requests match the spec, enums equal the spec's, the list pages to the end with tokens,
//! bulk status changes split at 30 and report per order, money is exact, and Yandex Market's
//! error body reaches the error.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::atomic::{AtomicUsize, Ordering};

use crate::common::{
    assert_enum, assert_requests_match_spec, assert_responses_decode,
    assert_sparse_responses_decode, client, error_response, mock, sent, sent_to, serve, serve_with,
    spec,
};
use chrono::{NaiveDate, NaiveTime, TimeZone, Utc};
use futures::TryStreamExt;
use market_core::{ApiErrorKind, Error, RejectionStage};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use wiremock::{MockServer, Request as WireRequest, Respond, ResponseTemplate};
use yandex_market_api::api::orders::*;
use yandex_market_api::limits::{self, Tier};
use yandex_market_api::models::common::EmptyResponse;
use yandex_market_api::models::orders::*;
use yandex_market_api::{BoxId, BusinessId, CampaignId, OrderId, OrderItemId, ShipmentId};

const BUSINESS: BusinessId = BusinessId(10);
const CAMPAIGN: CampaignId = CampaignId(21);

fn ok() -> Value {
    json!({"status": "OK"})
}

/// A business-level order as Yandex Market sends it.
fn business_order(id: i64) -> Value {
    json!({
        "orderId": id,
        "campaignId": 21,
        "programType": "FBS",
        "status": "PROCESSING",
        "substatus": "STARTED",
        "creationDate": "2024-05-01T10:00:00+03:00",
        "updateDate": "2024-05-01T11:30:00+03:00",
        "paymentType": "PREPAID",
        "paymentMethod": "YANDEX",
        "fake": false,
        "buyerType": "PERSON",
        "items": [{
            "id": id * 10,
            "offerId": "SKU-1",
            "offerName": "Kettle",
            "count": 2,
            "prices": {
                "payment": {"value": 1299.5, "currencyId": "RUR"},
                "subsidy": {"value": 100.25, "currencyId": "RUR"},
                "cashback": {"value": 0.1, "currencyId": "RUR"},
                "vat": "VAT_20"
            },
            "requiredInstanceTypes": ["CIS"]
        }],
        "prices": {
            "payment": {"value": 2599, "currencyId": "RUR"},
            "delivery": {"payment": {"value": 99.9, "currencyId": "RUR"}}
        },
        "delivery": {
            "type": "DELIVERY",
            "serviceName": "Market",
            "deliveryServiceId": 1,
            "deliveryPartnerType": "YANDEX_MARKET",
            "dates": {"fromDate": "2024-05-03", "toDate": "2024-05-04", "fromTime": "09:00", "toTime": "18:00"},
            "shipment": {"id": 555, "shipmentDate": "2024-05-02", "shipmentTime": null},
            "boxesLayout": [{"boxId": 777, "barcode": "B-1", "items": [{"id": id * 10, "fullCount": 2}]}]
        }
    })
}

// ---------------------------------------------------------------------------------------------
// Answers decode, enums, operations
// ---------------------------------------------------------------------------------------------

#[test]
fn every_answer_decodes() {
    assert_responses_decode::<BusinessOrdersResponse>("getBusinessOrders");
    assert_responses_decode::<UpdateOrderStatusResponse>("updateOrderStatus");
    assert_responses_decode::<UpdateOrderStatusesResponse>("updateOrderStatuses");
    assert_responses_decode::<SetOrderBoxLayoutResponse>("setOrderBoxLayout");
    assert_responses_decode::<ProvideOrderItemIdentifiersResponse>("provideOrderItemIdentifiers");
    assert_responses_decode::<EmptyResponse>("acceptOrderCancellation");
    assert_responses_decode::<EmptyResponse>("setOrderDeliveryDate");
    assert_responses_decode::<EmptyResponse>("setOrderDeliveryTrackCode");
    assert_responses_decode::<GetOrderBuyerInfoResponse>("getOrderBuyerInfo");
}

#[test]
fn sparse_answers_decode() {
    assert_sparse_responses_decode::<BusinessOrdersResponse>("getBusinessOrders");
    assert_sparse_responses_decode::<UpdateOrderStatusResponse>("updateOrderStatus");
    assert_sparse_responses_decode::<UpdateOrderStatusesResponse>("updateOrderStatuses");
    assert_sparse_responses_decode::<SetOrderBoxLayoutResponse>("setOrderBoxLayout");
    assert_sparse_responses_decode::<ProvideOrderItemIdentifiersResponse>(
        "provideOrderItemIdentifiers",
    );
    assert_sparse_responses_decode::<GetOrderBuyerInfoResponse>("getOrderBuyerInfo");
}

#[test]
fn the_maximal_business_order_reads_every_field() {
    let schema = spec().response_schema("getBusinessOrders");
    let v = spec().example_instance(schema);
    let page: BusinessOrdersResponse = crate::common::decode("getBusinessOrders", "example", &v);
    let order = &page.orders[0];
    // The vendor's example date, with its +03:00 offset, in UTC.
    assert_eq!(
        order.creation_date,
        Utc.with_ymd_and_hms(2020, 2, 2, 11, 30, 30).unwrap()
    );
    assert!(order.delivery.shipment.is_some());
    assert!(!order.delivery.boxes_layout.is_empty());
    assert!(order.delivery.courier.as_ref().unwrap().region.is_some());
    assert_eq!(
        order.items[0].instances[0].country_code.as_deref(),
        Some("RU")
    );
    // `time` written as Yandex Market does.
    assert_eq!(
        order.delivery.dates.from_time,
        Some(NaiveTime::from_hms_opt(9, 0, 0).unwrap())
    );
    // Re-encoded, the page decodes to itself.
    let again: BusinessOrdersResponse =
        serde_json::from_value(serde_json::to_value(&page).unwrap()).unwrap();
    assert_eq!(again, page);
}

#[test]
fn enums_equal_the_spec() {
    let s = spec();
    for (known, schema) in [
        (OrderStatus::KNOWN, "OrderStatusType"),
        (OrderSubstatus::KNOWN, "OrderSubstatusType"),
        (OrderBuyerType::KNOWN, "OrderBuyerType"),
        (RegionType::KNOWN, "RegionType"),
        (OrderDeliveryPartnerType::KNOWN, "OrderDeliveryPartnerType"),
        (DigitalGoodsDeliveryType::KNOWN, "DigitalGoodsDeliveryType"),
        (
            OrderDeliveryDispatchType::KNOWN,
            "OrderDeliveryDispatchType",
        ),
        (OrderDeliveryEacType::KNOWN, "OrderDeliveryEacType"),
        (OrderDeliveryType::KNOWN, "OrderDeliveryType"),
        (OrderItemUnitStatusType::KNOWN, "OrderItemUnitStatusType"),
        (CurrencyType::KNOWN, "CurrencyType"),
        (OrderVatType::KNOWN, "OrderVatType"),
        (OrderItemInstanceType::KNOWN, "OrderItemInstanceType"),
        (OrderItemTagType::KNOWN, "OrderItemTagType"),
        (OrderPaymentMethodType::KNOWN, "OrderPaymentMethodType"),
        (OrderPaymentType::KNOWN, "OrderPaymentType"),
        (SellingProgramType::KNOWN, "SellingProgramType"),
        (OrderLiftType::KNOWN, "OrderLiftType"),
        (OrderSourcePlatformType::KNOWN, "OrderSourcePlatformType"),
        (OperationType::KNOWN, "OperationType"),
        (OrderUpdateStatusType::KNOWN, "OrderUpdateStatusType"),
        (
            OrderCancellationReasonType::KNOWN,
            "OrderCancellationReasonType",
        ),
        (
            OrderDeliveryDateReasonType::KNOWN,
            "OrderDeliveryDateReasonType",
        ),
        (
            ItemsRemovalReason::KNOWN,
            "OrderItemsModificationRequestReasonType",
        ),
        (OrderItemStatusType::KNOWN, "OrderItemStatusType"),
        (OrderPromoType::KNOWN, "OrderPromoType"),
        (OrderItemSubsidyType::KNOWN, "OrderItemSubsidyType"),
        (OrderSubsidyType::KNOWN, "OrderSubsidyType"),
        (OrderTaxSystemType::KNOWN, "OrderTaxSystemType"),
    ] {
        assert!(!s.enum_values(schema).is_empty(), "{schema} is not an enum");
        assert_enum(known, s.enum_values(schema), schema);
    }
    // The request fields use the same enums.
    assert_enum(
        OrderStatus::KNOWN,
        s.property_enum("GetBusinessOrdersRequest", "statuses"),
        "statuses",
    );
    assert_enum(
        OrderSubstatus::KNOWN,
        s.property_enum("OrderStateDTO", "substatus"),
        "substatus",
    );
    // Yandex Market's own UNKNOWN is a value, not an unknown one.
    let unknown: OrderStatus = serde_json::from_value(json!("UNKNOWN")).unwrap();
    assert_eq!(unknown, OrderStatus::Unspecified);
    assert_eq!(
        serde_json::from_value::<OrderVatType>(json!("VAT_20_120")).unwrap(),
        OrderVatType::Vat20_120
    );
    let new = serde_json::from_value::<OrderStatus>(json!("TELEPORTED"));
    if market_core::wire::STRICT {
        assert!(new.is_err());
    } else {
        assert_eq!(new.unwrap(), OrderStatus::Unknown("TELEPORTED".into()));
    }
}

#[test]
fn operations_are_named_and_grouped_by_operation_id_and_bounded_as_the_spec_says() {
    for op in [
        &BUSINESS_ORDERS_GET,
        &ORDER_STATUS_UPDATE,
        &ORDER_STATUSES_UPDATE,
        &ORDER_BOX_LAYOUT_SET,
        &ORDER_ITEMS_UPDATE,
        &ORDER_ITEM_IDENTIFIERS_PROVIDE,
        &ORDER_CANCELLATION_ACCEPT,
        &ORDER_DELIVERY_DATE_SET,
        &ORDER_DELIVERY_TRACK_CODE_SET,
        &ORDER_BUYER_INFO_GET,
    ] {
        let (m, p) = spec().locate(crate::common::spec_id(op));
        assert_eq!(
            (op.method.as_str(), op.path),
            (m, p),
            "{}",
            crate::common::spec_id(op)
        );
        assert_eq!(op.name, crate::common::rule_name(op));
        assert!(
            limits::limit(op.limit_group, Tier::Base).is_some(),
            "{}",
            crate::common::spec_id(op)
        );
        assert!(
            op.idempotent,
            "{}: no operation here creates anything",
            crate::common::spec_id(op)
        );
    }
    let orders = &spec().schema("UpdateOrderStatusesRequest")["properties"]["orders"];
    assert_eq!(orders["maxItems"], json!(ORDER_STATUSES_UPDATE_MAX));
    assert_eq!(
        ORDER_STATUSES_UPDATE.batch_max,
        Some(ORDER_STATUSES_UPDATE_MAX)
    );
    let limit = spec()
        .parameters("getBusinessOrders")
        .into_iter()
        .find(|p| p["name"] == "limit")
        .unwrap();
    assert_eq!(
        limit["schema"]["maximum"],
        json!(BUSINESS_ORDERS_GET_PAGE_MAX)
    );
    let request = spec().schema("GetBusinessOrdersRequest");
    for field in ["orderIds", "campaignIds", "externalOrderIds"] {
        assert_eq!(
            request["properties"][field]["maxItems"],
            json!(ORDERS_FILTER_IDS_MAX),
            "{field}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// getBusinessOrders
// ---------------------------------------------------------------------------------------------

/// Three pages: no token → `t1` → `t2` → the last page (no `paging`).
struct ThreePages;

impl Respond for ThreePages {
    fn respond(&self, request: &WireRequest) -> ResponseTemplate {
        let token = request
            .url
            .query_pairs()
            .find(|(k, _)| k == "pageToken")
            .map(|(_, v)| v.into_owned());
        let body = match token.as_deref() {
            None => {
                json!({"orders": [business_order(1), business_order(2)], "paging": {"nextPageToken": "t1"}})
            }
            Some("t1") => json!({"orders": [business_order(3)], "paging": {"nextPageToken": "t2"}}),
            Some("t2") => json!({"orders": [business_order(4)], "paging": {}}),
            Some(other) => panic!("unexpected token {other}"),
        };
        ResponseTemplate::new(200).set_body_json(body)
    }
}

#[tokio::test]
async fn the_stream_pages_to_the_end_with_tokens_and_passes_the_filter() {
    let server = MockServer::start().await;
    mock("getBusinessOrders")
        .respond_with(ThreePages)
        .mount(&server)
        .await;
    let ym = client(&server);
    let filter = BusinessOrdersRequest::new()
        .with_fake(true)
        .with_statuses([OrderStatus::Processing])
        .with_substatuses([OrderSubstatus::Started, OrderSubstatus::ReadyToShip])
        .with_campaign_ids([CAMPAIGN])
        .with_program_types([SellingProgramType::Fbs])
        .with_dates(OrderDatesFilter::created(
            NaiveDate::from_ymd_opt(2024, 5, 1).unwrap(),
            NaiveDate::from_ymd_opt(2024, 5, 31).unwrap(),
        ));
    let orders: Vec<BusinessOrder> = ym
        .orders()
        .list_stream(BUSINESS, filter)
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<i64> = orders.iter().map(|o| o.order_id.get()).collect();
    assert_eq!(ids, [1, 2, 3, 4]);

    let requests = sent(&server).await;
    assert_eq!(requests.len(), 3, "three pages, then the end");
    let tokens: Vec<Option<String>> = requests
        .iter()
        .map(|(r, _)| {
            r.url
                .query_pairs()
                .find(|(k, _)| k == "pageToken")
                .map(|(_, v)| v.into_owned())
        })
        .collect();
    assert_eq!(tokens, [None, Some("t1".into()), Some("t2".into())]);
    for (r, body) in &requests {
        assert_eq!(r.url.path(), "/v1/businesses/10/orders");
        assert!(r.url.query_pairs().any(|(k, v)| k == "limit" && v == "50"));
        assert_eq!(
            *body,
            json!({
                "fake": true,
                "statuses": ["PROCESSING"],
                "substatuses": ["STARTED", "READY_TO_SHIP"],
                "campaignIds": [21],
                "programTypes": ["FBS"],
                "dates": {"creationDateFrom": "2024-05-01", "creationDateTo": "2024-05-31"}
            })
        );
    }
    assert_requests_match_spec(&server, "getBusinessOrders").await;
}

#[tokio::test]
async fn a_page_decodes_money_exactly_and_dates_as_the_spec_says() {
    let server = serve(
        "getBusinessOrders",
        json!({"orders": [business_order(7)], "paging": {"nextPageToken": "next"}}),
    )
    .await;
    let ym = client(&server);
    let page = ym
        .orders()
        .list(BUSINESS, &BusinessOrdersRequest::new(), None, 20)
        .await
        .unwrap();
    assert_eq!(page.next_page_token(), Some("next"));
    let order = &page.orders[0];
    assert_eq!(order.order_id, OrderId(7));
    assert_eq!(order.campaign_id, CAMPAIGN);
    assert_eq!(order.status, OrderStatus::Processing);
    assert_eq!(order.substatus, OrderSubstatus::Started);
    assert_eq!(order.payment_method, OrderPaymentMethodType::Yandex);
    assert_eq!(order.buyer_type, Some(OrderBuyerType::Person));
    assert!(!order.fake);
    assert_eq!(
        order.creation_date,
        Utc.with_ymd_and_hms(2024, 5, 1, 7, 0, 0).unwrap()
    );
    assert_eq!(
        order.update_date,
        Some(Utc.with_ymd_and_hms(2024, 5, 1, 8, 30, 0).unwrap())
    );
    let item = &order.items[0];
    assert_eq!(item.id, OrderItemId(70));
    assert_eq!(item.offer_id, "SKU-1");
    let prices = item.prices.as_ref().unwrap();
    let payment = prices.payment.as_ref().unwrap();
    assert_eq!(payment.value, Decimal::new(129950, 2));
    assert_eq!(payment.value.to_string(), "1299.5");
    assert_eq!(payment.currency_id, CurrencyType::Rur);
    assert_eq!(
        prices.subsidy.as_ref().unwrap().value,
        Decimal::new(10025, 2)
    );
    assert_eq!(prices.cashback.as_ref().unwrap().value, Decimal::new(1, 1));
    assert_eq!(prices.vat, Some(OrderVatType::Vat20));
    assert_eq!(item.required_instance_types, [OrderItemInstanceType::Cis]);
    let totals = order.prices.as_ref().unwrap();
    assert_eq!(totals.payment.as_ref().unwrap().value, Decimal::from(2599));
    assert_eq!(
        totals
            .delivery
            .as_ref()
            .unwrap()
            .payment
            .as_ref()
            .unwrap()
            .value,
        Decimal::new(999, 1)
    );
    let d = &order.delivery;
    assert_eq!(d.kind, OrderDeliveryType::Delivery);
    assert_eq!(
        d.dates.from_date,
        NaiveDate::from_ymd_opt(2024, 5, 3).unwrap()
    );
    assert_eq!(d.dates.to_date, NaiveDate::from_ymd_opt(2024, 5, 4));
    assert_eq!(d.dates.to_time, NaiveTime::from_hms_opt(18, 0, 0));
    let shipment = d.shipment.as_ref().unwrap();
    assert_eq!(shipment.id, Some(ShipmentId(555)));
    assert_eq!(
        shipment.shipment_date,
        NaiveDate::from_ymd_opt(2024, 5, 2).unwrap()
    );
    assert_eq!(shipment.shipment_time, None);
    assert_eq!(d.boxes_layout[0].box_id, BoxId(777));
    assert_eq!(d.boxes_layout[0].items[0].full_count, Some(2));

    let (r, body) = &sent(&server).await[0];
    assert_eq!(*body, json!({}), "no filter sends an empty object");
    assert!(r.url.query_pairs().any(|(k, v)| k == "limit" && v == "20"));
    assert!(!r.url.query_pairs().any(|(k, _)| k == "pageToken"));
    assert_requests_match_spec(&server, "getBusinessOrders").await;
}

#[tokio::test]
async fn every_filter_is_sent_as_the_spec_names_it() {
    let server = serve("getBusinessOrders", json!({"orders": []})).await;
    let ym = client(&server);
    let dates = OrderDatesFilter::created(
        NaiveDate::from_ymd_opt(2024, 5, 1).unwrap(),
        NaiveDate::from_ymd_opt(2024, 5, 2).unwrap(),
    )
    .with_shipping(
        NaiveDate::from_ymd_opt(2024, 5, 3).unwrap(),
        NaiveDate::from_ymd_opt(2024, 6, 2).unwrap(),
    )
    .with_updated(
        Utc.with_ymd_and_hms(2024, 5, 1, 0, 0, 0).unwrap(),
        Utc.with_ymd_and_hms(2024, 5, 1, 12, 0, 0).unwrap(),
    );
    let filter = BusinessOrdersRequest::new()
        .with_order_ids([OrderId(1), OrderId(2)])
        .with_external_order_ids(["ext-1"])
        .with_fake(false)
        .with_waiting_for_cancellation_approve(true)
        .with_source_platforms([OrderSourcePlatformType::Market])
        .with_dates(dates);
    let page = ym
        .orders()
        .list(BUSINESS, &filter, Some("tok"), 50)
        .await
        .unwrap();
    assert!(page.orders.is_empty());
    assert_eq!(page.next_page_token(), None);
    let (r, body) = &sent(&server).await[0];
    assert!(
        r.url
            .query_pairs()
            .any(|(k, v)| k == "pageToken" && v == "tok")
    );
    assert_eq!(
        *body,
        json!({
            "orderIds": [1, 2],
            "externalOrderIds": ["ext-1"],
            "fake": false,
            "waitingForCancellationApprove": true,
            "sourcePlatforms": ["MARKET"],
            "dates": {
                "creationDateFrom": "2024-05-01",
                "creationDateTo": "2024-05-02",
                "shipmentDateFrom": "2024-05-03",
                "shipmentDateTo": "2024-06-02",
                "updateDateFrom": "2024-05-01T00:00:00Z",
                "updateDateTo": "2024-05-01T12:00:00Z"
            }
        })
    );
    assert_requests_match_spec(&server, "getBusinessOrders").await;
}

#[tokio::test]
async fn a_bad_list_request_is_refused_before_sending() {
    let server = serve("getBusinessOrders", json!({"orders": []})).await;
    let ym = client(&server);
    let o = ym.orders();
    let none = BusinessOrdersRequest::new();
    let day = |d| NaiveDate::from_ymd_opt(2024, 5, d).unwrap();
    let cases: Vec<(BusinessOrdersRequest, u32, &str)> = vec![
        (none.clone(), 0, "limit 0"),
        (none.clone(), 51, "limit 51"),
        (
            BusinessOrdersRequest::new().with_order_ids((1..=51).map(OrderId)),
            50,
            "51 orderIds",
        ),
        (
            BusinessOrdersRequest::new().with_order_ids([OrderId(3), OrderId(3)]),
            50,
            "3 is given more than once",
        ),
        (
            BusinessOrdersRequest::new().with_campaign_ids([CampaignId(0)]),
            50,
            "not a valid campaign id",
        ),
        (
            BusinessOrdersRequest::new().with_external_order_ids([""]),
            50,
            "empty",
        ),
        (
            BusinessOrdersRequest::new()
                .with_statuses([OrderStatus::Delivery, OrderStatus::Delivery]),
            50,
            "DELIVERY is given more than once",
        ),
        (
            BusinessOrdersRequest::new().with_dates(OrderDatesFilter::created(
                day(1),
                NaiveDate::from_ymd_opt(2024, 6, 1).unwrap(),
            )),
            50,
            "31 days long",
        ),
        (
            BusinessOrdersRequest::new().with_dates(OrderDatesFilter::shipping(day(5), day(4))),
            50,
            "ends",
        ),
    ];
    for (filter, limit, expected) in cases {
        let err = o.list(BUSINESS, &filter, None, limit).await.unwrap_err();
        assert!(
            matches!(&err, Error::Validation { .. }) && err.to_string().contains(expected),
            "{expected}: {err}"
        );
    }
    // 30 days is the most a window may be.
    o.list(
        BUSINESS,
        &BusinessOrdersRequest::new().with_dates(OrderDatesFilter::created(day(1), day(31))),
        None,
        50,
    )
    .await
    .unwrap();
    assert!(o.list(BusinessId(0), &none, None, 50).await.is_err());
    assert_eq!(
        sent(&server).await.len(),
        1,
        "only the valid request went out"
    );
}

/// Answers `[]` to a filter without `fake` and the order to `fake: true`.
struct OnlyAmongTestOrders;

impl Respond for OnlyAmongTestOrders {
    fn respond(&self, request: &WireRequest) -> ResponseTemplate {
        let body: Value = serde_json::from_slice(&request.body).unwrap();
        let orders = if body["fake"] == json!(true) {
            let mut o = business_order(body["orderIds"][0].as_i64().unwrap());
            o["fake"] = json!(true);
            vec![o]
        } else {
            vec![]
        };
        ResponseTemplate::new(200).set_body_json(json!({ "orders": orders }))
    }
}

#[tokio::test]
async fn get_reads_one_order_through_the_order_ids_filter() {
    let server = serve("getBusinessOrders", json!({"orders": [business_order(42)]})).await;
    let ym = client(&server);
    let order = ym
        .orders()
        .get(BUSINESS, OrderId(42))
        .await
        .unwrap()
        .unwrap();
    assert_eq!(order.order_id, OrderId(42));
    let requests = sent(&server).await;
    assert_eq!(requests.len(), 1, "a real order is found at once");
    assert_eq!(requests[0].1, json!({"orderIds": [42]}));
    assert_requests_match_spec(&server, "getBusinessOrders").await;

    // A test order is found by asking with `fake: true`.
    let server = MockServer::start().await;
    mock("getBusinessOrders")
        .respond_with(OnlyAmongTestOrders)
        .mount(&server)
        .await;
    let ym = client(&server);
    let order = ym
        .orders()
        .get(BUSINESS, OrderId(43))
        .await
        .unwrap()
        .unwrap();
    assert!(order.fake);
    let bodies: Vec<Value> = sent(&server).await.into_iter().map(|(_, b)| b).collect();
    assert_eq!(
        bodies,
        [
            json!({"orderIds": [43]}),
            json!({"orderIds": [43], "fake": true})
        ]
    );

    // Neither has it.
    let server = serve("getBusinessOrders", json!({"orders": []})).await;
    let ym = client(&server);
    assert_eq!(ym.orders().get(BUSINESS, OrderId(44)).await.unwrap(), None);
    assert_eq!(sent(&server).await.len(), 2);
    assert!(ym.orders().get(BUSINESS, OrderId(0)).await.is_err());
    assert_eq!(sent(&server).await.len(), 2);
}

#[tokio::test]
async fn the_error_body_surfaces_code_and_message() {
    let server = serve_with(
        "getBusinessOrders",
        ResponseTemplate::new(400).set_body_json(json!({
            "status": "ERROR",
            "errors": [{"code": "BAD_REQUEST", "message": "creationDateFrom is after creationDateTo"}]
        })),
    )
    .await;
    let err = client(&server)
        .orders()
        .list(BUSINESS, &BusinessOrdersRequest::new(), None, 50)
        .await
        .unwrap_err();
    let api = err.api().expect("an API error");
    assert_eq!(api.status, 400);
    assert_eq!(api.kind, ApiErrorKind::BadRequest);
    assert_eq!(api.operation, "business_orders_get");
    assert_eq!(api.code.as_deref(), Some("BAD_REQUEST"));
    assert!(
        api.message
            .contains("creationDateFrom is after creationDateTo"),
        "{}",
        api.message
    );
    assert_eq!(sent(&server).await.len(), 1, "a 400 is not retried");

    // The spec's own error body of a 404 on a campaign method.
    let server = serve_with(
        "getOrderBuyerInfo",
        error_response("getOrderBuyerInfo", 404),
    )
    .await;
    let err = client(&server)
        .orders()
        .buyer(CAMPAIGN, OrderId(1))
        .await
        .unwrap_err();
    let api = err.api().unwrap();
    assert_eq!(api.kind, ApiErrorKind::NotFound);
    let expected = spec().error_instance("getOrderBuyerInfo", "404");
    assert_eq!(api.code.as_deref(), expected["errors"][0]["code"].as_str());
}

// ---------------------------------------------------------------------------------------------
// updateOrderStatus, updateOrderStatuses
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn update_status_sends_status_and_substatus_and_reads_the_order() {
    let mut answer = spec().maximal(spec().response_schema("updateOrderStatus"));
    answer["order"]["id"] = json!(5);
    answer["order"]["status"] = json!("PROCESSING");
    answer["order"]["substatus"] = json!("READY_TO_SHIP");
    answer["order"]["creationDate"] = json!("01-05-2024 12:00:00");
    answer["order"]["itemsTotal"] = json!(2599);
    answer["order"]["items"][0]["price"] = json!(1299.5);
    answer["order"]["items"][0]["buyerPrice"] = json!(1199.99);
    answer["order"]["delivery"]["dates"]["fromDate"] = json!("03-05-2024");
    let server = serve("updateOrderStatus", answer).await;
    let ym = client(&server);
    let response = ym
        .orders()
        .update_status(
            CAMPAIGN,
            OrderId(5),
            OrderStatusChange::to(OrderStatus::Processing, OrderSubstatus::ReadyToShip),
        )
        .await
        .unwrap();
    let order = response.order.unwrap();
    assert_eq!(order.id, OrderId(5));
    assert_eq!(order.substatus, OrderSubstatus::ReadyToShip);
    // Moscow time, read into UTC.
    assert_eq!(
        order.creation_date,
        Utc.with_ymd_and_hms(2024, 5, 1, 9, 0, 0).unwrap()
    );
    assert_eq!(order.items_total, Decimal::from(2599));
    assert_eq!(order.items[0].price, Decimal::new(129950, 2));
    assert_eq!(order.items[0].buyer_price, Decimal::new(119999, 2));
    assert_eq!(
        order.delivery.dates.from_date,
        NaiveDate::from_ymd_opt(2024, 5, 3).unwrap()
    );
    assert!(!order.items[0].promos.is_empty());
    assert!(!order.items[0].subsidies.is_empty());
    assert!(response.operation.is_some());

    let (r, body) = &sent(&server).await[0];
    assert_eq!(r.url.path(), "/v2/campaigns/21/orders/5/status");
    assert_eq!(
        *body,
        json!({"order": {"status": "PROCESSING", "substatus": "READY_TO_SHIP"}})
    );

    // A DBS delivery with the real delivery date.
    ym.orders()
        .update_status(
            CAMPAIGN,
            OrderId(5),
            OrderStatusChange::new(OrderStatus::Delivered)
                .with_real_delivery_date(NaiveDate::from_ymd_opt(2024, 5, 4).unwrap()),
        )
        .await
        .unwrap();
    assert_eq!(
        sent(&server).await[1].1,
        json!({"order": {"status": "DELIVERED", "delivery": {"dates": {"realDeliveryDate": "2024-05-04"}}}})
    );
    assert_requests_match_spec(&server, "updateOrderStatus").await;
    assert!(
        ym.orders()
            .update_status(
                CampaignId(0),
                OrderId(5),
                OrderStatusChange::new(OrderStatus::Delivered)
            )
            .await
            .is_err()
    );
    assert_eq!(sent(&server).await.len(), 2);
}

/// Answers a bulk status change order by order: `OK`, except `ERROR` for order 42; order 64
/// goes unmentioned and an outcome without an id takes its place.
struct StatusOutcomes;

impl Respond for StatusOutcomes {
    fn respond(&self, request: &WireRequest) -> ResponseTemplate {
        let body: Value = serde_json::from_slice(&request.body).unwrap();
        let mut outcomes = Vec::new();
        for o in body["orders"].as_array().unwrap() {
            let id = o["id"].as_i64().unwrap();
            outcomes.push(match id {
                42 => json!({
                    "id": 42,
                    "status": "PROCESSING",
                    "substatus": "STARTED",
                    "updateStatus": "ERROR",
                    "errorDetails": "Order 42: status change PROCESSING/STARTED -> PROCESSING/READY_TO_SHIP is not allowed"
                }),
                64 => json!({"updateStatus": "ERROR", "errorDetails": "Order 64 is locked"}),
                _ => json!({"id": id, "status": o["status"], "substatus": o["substatus"], "updateStatus": "OK"}),
            });
        }
        ResponseTemplate::new(200)
            .set_body_json(json!({"status": "OK", "result": {"orders": outcomes}}))
    }
}

#[tokio::test]
async fn bulk_status_changes_split_at_30_and_report_every_order() {
    let server = MockServer::start().await;
    mock("updateOrderStatuses")
        .respond_with(StatusOutcomes)
        .mount(&server)
        .await;
    let ym = client(&server);
    let mut orders: Vec<OrderState> = (1..=65)
        .map(|id| OrderState::to(id, OrderStatus::Processing, OrderSubstatus::ReadyToShip))
        .collect();
    orders.push(OrderState::new(0, OrderStatus::Cancelled));
    orders.push(OrderState::new(66, OrderStatus::Cancelled));
    orders.push(OrderState::new(66, OrderStatus::Delivery));
    let report = ym.orders().update_statuses(CAMPAIGN, orders).await.unwrap();

    let requests = sent(&server).await;
    let sizes: Vec<usize> = requests
        .iter()
        .map(|(_, b)| b["orders"].as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, [30, 30, 5], "65 orders: three requests");
    assert_eq!(
        requests[0].0.url.path(),
        "/v2/campaigns/21/orders/status-update"
    );
    assert_eq!(
        requests[0].1["orders"][0],
        json!({"id": 1, "status": "PROCESSING", "substatus": "READY_TO_SHIP"})
    );
    let sent_ids: Vec<i64> = requests
        .iter()
        .flat_map(|(_, b)| b["orders"].as_array().unwrap().clone())
        .map(|o| o["id"].as_i64().unwrap())
        .collect();
    assert_eq!(sent_ids, (1..=65).collect::<Vec<_>>());
    assert_requests_match_spec(&server, "updateOrderStatuses").await;

    // Every order given is reported.
    assert_eq!(report.len(), 68);
    assert_eq!(report.accepted.len(), 63);
    let rejection = |id: i64| {
        report
            .rejected
            .iter()
            .find(|r| r.key == OrderId(id))
            .unwrap_or_else(|| panic!("order {id} is not rejected: {report:?}"))
    };
    let failed = rejection(42);
    assert_eq!(failed.stage, RejectionStage::Vendor);
    assert_eq!(failed.code.as_deref(), Some("ERROR"));
    assert!(
        failed.message.contains("is not allowed"),
        "{}",
        failed.message
    );
    let unmentioned = rejection(64);
    assert_eq!(unmentioned.stage, RejectionStage::Vendor);
    assert_eq!(unmentioned.code.as_deref(), Some(NO_OUTCOME));
    assert!(
        unmentioned.message.contains("Order 64 is locked"),
        "the outcome without an id is kept: {}",
        unmentioned.message
    );
    // An invalid id and an order given twice (both times) are refused before sending.
    for (id, times) in [(0, 1), (66, 2)] {
        let r = report
            .rejected
            .iter()
            .filter(|r| r.key == OrderId(id))
            .collect::<Vec<_>>();
        assert_eq!(r.len(), times, "order {id}");
        assert!(r.iter().all(|r| r.stage == RejectionStage::Validation));
    }
    assert!(!report.accepted.contains(&OrderId(42)));
    assert!(report.accepted.contains(&OrderId(65)));
}

/// Refuses the second request with Yandex Market's error body, answers the others `OK`.
struct SecondRefused(AtomicUsize);

impl Respond for SecondRefused {
    fn respond(&self, request: &WireRequest) -> ResponseTemplate {
        if self.0.fetch_add(1, Ordering::SeqCst) == 1 {
            return ResponseTemplate::new(400).set_body_json(json!({
                "status": "ERROR",
                "errors": [{"code": "STATUS_NOT_ALLOWED", "message": "orders are locked"}]
            }));
        }
        let body: Value = serde_json::from_slice(&request.body).unwrap();
        let outcomes: Vec<Value> = body["orders"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| json!({"id": o["id"], "updateStatus": "OK"}))
            .collect();
        ResponseTemplate::new(200)
            .set_body_json(json!({"status": "OK", "result": {"orders": outcomes}}))
    }
}

#[tokio::test]
async fn a_refused_bulk_request_rejects_its_orders_with_the_code_and_the_rest_goes_on() {
    let server = MockServer::start().await;
    mock("updateOrderStatuses")
        .respond_with(SecondRefused(AtomicUsize::new(0)))
        .mount(&server)
        .await;
    let ym = client(&server);
    let orders: Vec<OrderState> = (1..=65)
        .map(|id| {
            OrderState::new(id, OrderStatus::Cancelled).with_substatus(OrderSubstatus::ShopFailed)
        })
        .collect();
    let report = ym.orders().update_statuses(CAMPAIGN, orders).await.unwrap();
    assert_eq!(sent(&server).await.len(), 3);
    assert_eq!(report.accepted.len(), 35);
    assert_eq!(report.rejected.len(), 30);
    for r in &report.rejected {
        assert!((31..=60).contains(&r.key.get()));
        assert_eq!(r.stage, RejectionStage::Request);
        assert_eq!(r.code.as_deref(), Some("STATUS_NOT_ALLOWED"));
        assert!(r.message.contains("orders are locked"), "{}", r.message);
    }
    // No order, no request.
    let none = ym
        .orders()
        .update_statuses(CAMPAIGN, Vec::new())
        .await
        .unwrap();
    assert!(none.is_empty());
    assert_eq!(sent(&server).await.len(), 3);
}

#[tokio::test]
async fn an_answer_without_a_result_rejects_every_order() {
    let server = serve("updateOrderStatuses", json!({"status": "ERROR"})).await;
    let report = client(&server)
        .orders()
        .update_statuses(CAMPAIGN, vec![OrderState::new(1, OrderStatus::Cancelled)])
        .await
        .unwrap();
    assert!(report.accepted.is_empty());
    assert_eq!(report.rejected[0].code.as_deref(), Some("ERROR"));
    assert_eq!(report.rejected[0].stage, RejectionStage::Vendor);
}

// ---------------------------------------------------------------------------------------------
// setOrderBoxLayout, updateOrderItems, provideOrderItemIdentifiers
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn boxes_are_laid_out_and_answered_with_their_ids() {
    let server = serve(
        "setOrderBoxLayout",
        json!({"status": "OK", "result": {"boxes": [
            {"boxId": 901, "items": [{"id": 11, "fullCount": 2, "instances": [{"cis": "010465"}, {"cis": "010466"}]}]},
            {"boxId": 902, "items": [{"id": 12, "partialCount": {"current": 1, "total": 2}}]},
            {"boxId": 903, "items": [{"id": 12, "partialCount": {"current": 2, "total": 2}}]}
        ]}}),
    )
    .await;
    let ym = client(&server);
    let layout = SetOrderBoxLayoutRequest::new(vec![
        OrderBox::new(vec![OrderBoxItem::whole(11, 2).with_instances(vec![
            ItemInstance::cis("010465"),
            ItemInstance::cis("010466"),
        ])]),
        OrderBox::new(vec![OrderBoxItem::part(12, 1, 2)]),
        OrderBox::new(vec![OrderBoxItem::part(12, 2, 2)]),
    ]);
    let boxes = ym
        .orders()
        .set_boxes(CAMPAIGN, OrderId(5), &layout)
        .await
        .unwrap();
    let ids: Vec<Option<BoxId>> = boxes.iter().map(|b| b.box_id).collect();
    assert_eq!(ids, [Some(BoxId(901)), Some(BoxId(902)), Some(BoxId(903))]);
    assert_eq!(boxes[0].items[0].instances.len(), 2);
    assert_eq!(
        boxes[1].items[0].partial_count,
        Some(PartialCount {
            current: 1,
            total: 2
        })
    );
    let (r, body) = &sent(&server).await[0];
    assert_eq!(r.url.path(), "/v2/campaigns/21/orders/5/boxes");
    assert_eq!(
        *body,
        json!({"boxes": [
            {"items": [{"id": 11, "fullCount": 2, "instances": [{"cis": "010465"}, {"cis": "010466"}]}]},
            {"items": [{"id": 12, "partialCount": {"current": 1, "total": 2}}]},
            {"items": [{"id": 12, "partialCount": {"current": 2, "total": 2}}]}
        ]})
    );
    // Removing units says so.
    ym.orders()
        .set_boxes(
            CAMPAIGN,
            OrderId(5),
            &SetOrderBoxLayoutRequest::new(vec![OrderBox::new(vec![OrderBoxItem::whole(11, 1)])])
                .allowing_removal(),
        )
        .await
        .unwrap();
    assert_eq!(sent(&server).await[1].1["allowRemove"], json!(true));
    assert_requests_match_spec(&server, "setOrderBoxLayout").await;
}

#[tokio::test]
async fn a_layout_that_cannot_be_valid_is_refused_before_sending() {
    let server = serve("setOrderBoxLayout", ok()).await;
    let ym = client(&server);
    let both = OrderBoxItem {
        full_count: Some(1),
        ..OrderBoxItem::part(11, 1, 2)
    };
    let neither = OrderBoxItem {
        partial_count: None,
        ..OrderBoxItem::part(11, 1, 2)
    };
    let cases = [
        (vec![], "at least one box"),
        (vec![OrderBox::new(vec![])], "holds no line"),
        (vec![OrderBox::new(vec![both])], "not both"),
        (vec![OrderBox::new(vec![neither])], "whole units or a part"),
        (
            vec![OrderBox::new(vec![OrderBoxItem::whole(11, 0)])],
            "at least 1",
        ),
        (
            vec![OrderBox::new(vec![OrderBoxItem::part(11, 3, 2)])],
            "part 3 of 2",
        ),
        (
            vec![OrderBox::new(vec![OrderBoxItem::part(11, 1, 1)])],
            "part 1 of 1",
        ),
        (
            vec![OrderBox::new(vec![
                OrderBoxItem::part(11, 1, 2),
                OrderBoxItem::whole(12, 1),
            ])],
            "holds nothing else",
        ),
        (
            vec![OrderBox::new(vec![
                OrderBoxItem::whole(11, 1).with_instances(vec![ItemInstance {
                    uin: Some("1234567890123456".into()),
                    ..ItemInstance::cis("0104")
                }]),
            ])],
            "exactly one of cis, uin, rnpt, gtd",
        ),
        (
            vec![OrderBox::new(vec![
                OrderBoxItem::whole(11, 1).with_instances(vec![
                    ItemInstance::gtd("10702070/120224/3038940").with_country_code("ru"),
                ]),
            ])],
            "two capital letters",
        ),
    ];
    for (boxes, expected) in cases {
        let err = ym
            .orders()
            .set_boxes(CAMPAIGN, OrderId(5), &SetOrderBoxLayoutRequest::new(boxes))
            .await
            .unwrap_err();
        assert!(
            matches!(err, Error::Validation { .. }) && err.to_string().contains(expected),
            "{expected}: {err}"
        );
    }
    assert!(sent(&server).await.is_empty());
}

#[tokio::test]
async fn lines_are_reduced_with_a_reason_and_the_empty_answer_is_fine() {
    let server = serve_with("updateOrderItems", ResponseTemplate::new(200)).await;
    let ym = client(&server);
    ym.orders()
        .update_items(
            CAMPAIGN,
            OrderId(5),
            vec![
                OrderItemChange::new(11, 1),
                OrderItemChange::new(12, 0),
                OrderItemChange::new(13, 1)
                    .with_instances(vec![ItemInstance::uin("1234567890123456")]),
            ],
            Some(ItemsRemovalReason::PartnerRequestedRemove),
        )
        .await
        .unwrap();
    let (r, body) = &sent(&server).await[0];
    assert_eq!(r.method.as_str(), "PUT");
    assert_eq!(r.url.path(), "/v2/campaigns/21/orders/5/items");
    assert_eq!(
        *body,
        json!({
            "items": [
                {"id": 11, "count": 1},
                {"id": 12, "count": 0},
                {"id": 13, "count": 1, "instances": [{"uin": "1234567890123456"}]}
            ],
            "reason": "PARTNER_REQUESTED_REMOVE"
        })
    );
    assert_requests_match_spec(&server, "updateOrderItems").await;

    let o = ym.orders();
    for (items, expected) in [
        (vec![], "at least one line"),
        (vec![OrderItemChange::new(11, -1)], "negative"),
        (
            vec![OrderItemChange::new(0, 1)],
            "not a valid order line id",
        ),
        (
            vec![OrderItemChange::new(11, 1), OrderItemChange::new(11, 0)],
            "more than once",
        ),
    ] {
        let err = o
            .update_items(CAMPAIGN, OrderId(5), items, None)
            .await
            .unwrap_err();
        assert!(err.to_string().contains(expected), "{expected}: {err}");
    }
    assert_eq!(sent(&server).await.len(), 1);
}

#[tokio::test]
async fn marking_codes_are_given_per_line_and_read_back() {
    let server = serve(
        "provideOrderItemIdentifiers",
        json!({"status": "OK", "result": {"items": [{
            "id": 11, "offerId": "SKU-1", "offerName": "Kettle", "count": 2, "price": 1299.5, "vat": "VAT_20",
            "instances": [{"cis": "010465", "cisFull": "010465\u{1d}93abc"}, {"rnpt": "10714040/140917/0090376/1", "countryCode": "CN"}]
        }]}}),
    )
    .await;
    let ym = client(&server);
    let items = ym
        .orders()
        .provide_identifiers(
            CAMPAIGN,
            OrderId(5),
            vec![ItemIdentifiers::new(
                11,
                vec![
                    ItemInstance::cis("010465"),
                    ItemInstance::rnpt("10714040/140917/0090376/1").with_country_code("CN"),
                ],
            )],
        )
        .await
        .unwrap();
    assert_eq!(items[0].id, Some(OrderItemId(11)));
    assert_eq!(items[0].price, Some(Decimal::new(129950, 2)));
    assert_eq!(
        items[0].instances[0].cis_full.as_deref(),
        Some("010465\u{1d}93abc")
    );
    assert_eq!(items[0].instances[1].country_code.as_deref(), Some("CN"));
    assert_eq!(
        sent(&server).await[0].1,
        json!({"items": [{"id": 11, "instances": [
            {"cis": "010465"},
            {"rnpt": "10714040/140917/0090376/1", "countryCode": "CN"}
        ]}]})
    );
    assert_requests_match_spec(&server, "provideOrderItemIdentifiers").await;

    let o = ym.orders();
    assert!(
        o.provide_identifiers(CAMPAIGN, OrderId(5), vec![])
            .await
            .is_err()
    );
    assert!(
        o.provide_identifiers(CAMPAIGN, OrderId(5), vec![ItemIdentifiers::new(11, vec![])])
            .await
            .unwrap_err()
            .to_string()
            .contains("no marking code")
    );
    assert!(
        o.provide_identifiers(
            CAMPAIGN,
            OrderId(5),
            vec![ItemIdentifiers::new(11, vec![ItemInstance::default()])]
        )
        .await
        .is_err()
    );
    assert_eq!(sent(&server).await.len(), 1);
}

// ---------------------------------------------------------------------------------------------
// acceptOrderCancellation, setOrderDeliveryDate, setOrderDeliveryTrackCode, getOrderBuyerInfo
// ---------------------------------------------------------------------------------------------

#[tokio::test]
async fn a_cancellation_is_accepted_or_refused_with_a_reason() {
    let server = serve("acceptOrderCancellation", ok()).await;
    let ym = client(&server);
    let o = ym.orders();
    o.accept_cancellation(
        CAMPAIGN,
        OrderId(5),
        AcceptOrderCancellationRequest::accept(),
    )
    .await
    .unwrap();
    o.accept_cancellation(
        CAMPAIGN,
        OrderId(6),
        AcceptOrderCancellationRequest::refuse(OrderCancellationReasonType::OrderDelivered),
    )
    .await
    .unwrap();
    let refused_without_reason = AcceptOrderCancellationRequest {
        accepted: false,
        reason: None,
    };
    assert!(
        o.accept_cancellation(CAMPAIGN, OrderId(7), refused_without_reason)
            .await
            .unwrap_err()
            .to_string()
            .contains("needs a reason")
    );
    let requests = sent(&server).await;
    assert_eq!(requests.len(), 2);
    assert_eq!(
        requests[0].0.url.path(),
        "/v2/campaigns/21/orders/5/cancellation/accept"
    );
    assert_eq!(requests[0].1, json!({"accepted": true}));
    assert_eq!(
        requests[1].1,
        json!({"accepted": false, "reason": "ORDER_DELIVERED"})
    );
    assert_requests_match_spec(&server, "acceptOrderCancellation").await;
}

#[tokio::test]
async fn the_delivery_date_moves_with_a_reason() {
    let server = serve("setOrderDeliveryDate", ok()).await;
    client(&server)
        .orders()
        .set_delivery_date(
            CAMPAIGN,
            OrderId(5),
            NaiveDate::from_ymd_opt(2024, 5, 10).unwrap(),
            OrderDeliveryDateReasonType::UserMovedDeliveryDates,
        )
        .await
        .unwrap();
    let (r, body) = &sent(&server).await[0];
    assert_eq!(r.url.path(), "/v2/campaigns/21/orders/5/delivery/date");
    assert_eq!(
        *body,
        json!({"dates": {"toDate": "2024-05-10"}, "reason": "USER_MOVED_DELIVERY_DATES"})
    );
    assert_requests_match_spec(&server, "setOrderDeliveryDate").await;
}

#[tokio::test]
async fn the_track_code_is_sent_and_an_empty_one_is_refused() {
    let server = serve("setOrderDeliveryTrackCode", ok()).await;
    let ym = client(&server);
    ym.orders()
        .set_track_code(CAMPAIGN, OrderId(5), "TRACK-1", 106)
        .await
        .unwrap();
    assert!(
        ym.orders()
            .set_track_code(CAMPAIGN, OrderId(5), " ", 106)
            .await
            .is_err()
    );
    let requests = sent(&server).await;
    assert_eq!(requests.len(), 1);
    assert_eq!(
        requests[0].0.url.path(),
        "/v2/campaigns/21/orders/5/delivery/track"
    );
    assert_eq!(
        requests[0].1,
        json!({"trackCode": "TRACK-1", "deliveryServiceId": 106})
    );
    assert_requests_match_spec(&server, "setOrderDeliveryTrackCode").await;
}

#[tokio::test]
async fn the_buyer_of_a_dbs_order_is_read() {
    let server = serve(
        "getOrderBuyerInfo",
        json!({"status": "OK", "result": {
            "id": "b-1", "lastName": "Иванов", "firstName": "Иван", "middleName": "Иванович",
            "type": "PERSON", "phone": "+74950000000", "trusted": true
        }}),
    )
    .await;
    let buyer = client(&server)
        .orders()
        .buyer(CAMPAIGN, OrderId(5))
        .await
        .unwrap();
    assert_eq!(buyer.kind, OrderBuyerType::Person);
    assert_eq!(buyer.last_name.as_deref(), Some("Иванов"));
    assert_eq!(buyer.phone.as_deref(), Some("+74950000000"));
    assert_eq!(buyer.trusted, Some(true));
    let requests = sent_to(&server, "getOrderBuyerInfo").await;
    assert_eq!(requests[0].0.url.path(), "/v2/campaigns/21/orders/5/buyer");
    assert!(requests[0].0.body.is_empty());
    assert_requests_match_spec(&server, "getOrderBuyerInfo").await;

    // An answer without a result is an error, not an empty buyer.
    let server = serve("getOrderBuyerInfo", ok()).await;
    let err = client(&server)
        .orders()
        .buyer(CAMPAIGN, OrderId(5))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Decode { .. }), "{err}");
}

// ---------------------------------------------------------------------------------------------
// Formats
// ---------------------------------------------------------------------------------------------

#[test]
fn yandex_market_dates_times_and_money_read_and_write_as_the_spec_says() {
    let dates: OrderDeliveryDates = serde_json::from_value(json!({
        "fromDate": "23-09-2022", "toDate": "", "fromTime": "09:00", "toTime": "23:59",
        "realDeliveryDate": null
    }))
    .unwrap();
    assert_eq!(
        dates.from_date,
        NaiveDate::from_ymd_opt(2022, 9, 23).unwrap()
    );
    assert_eq!(dates.to_date, None);
    assert_eq!(dates.to_time, NaiveTime::from_hms_opt(23, 59, 0));
    assert_eq!(
        serde_json::to_value(&dates).unwrap(),
        json!({"fromDate": "23-09-2022", "fromTime": "09:00", "toTime": "23:59"})
    );
    assert!(
        serde_json::from_value::<OrderDeliveryDates>(json!({"fromDate": "2022-09-23"})).is_err()
    );

    let detail: OrderItemDetail = serde_json::from_value(json!({
        "itemCount": 1, "itemStatus": "RETURNED", "updateDate": "01-02-2024"
    }))
    .unwrap();
    assert_eq!(
        detail.update_date,
        NaiveDate::from_ymd_opt(2024, 2, 1).unwrap()
    );

    // Order times are Moscow time without an offset: 23-09-2022 09:12:41 is 06:12:41 UTC.
    let mut order = spec().maximal(spec().schema("OrderDTO"));
    order["creationDate"] = json!("23-09-2022 09:12:41");
    order["expiryDate"] = json!("24-09-2022");
    order["items"][0]["price"] = json!(0.1);
    order["itemsTotal"] = json!("1299.50");
    let order: Order = serde_json::from_value(order).unwrap();
    assert_eq!(
        order.creation_date,
        Utc.with_ymd_and_hms(2022, 9, 23, 6, 12, 41).unwrap()
    );
    assert_eq!(
        order.expiry_date,
        Some(Utc.with_ymd_and_hms(2022, 9, 23, 21, 0, 0).unwrap())
    );
    assert_eq!(order.items[0].price.to_string(), "0.1");
    assert_eq!(order.items_total, Decimal::new(129950, 2));
    let back = serde_json::to_value(&order).unwrap();
    assert_eq!(back["creationDate"], json!("23-09-2022 09:12:41"));
    assert_eq!(
        back["items"][0]["price"],
        json!(0.1),
        "money is a JSON number"
    );
    assert_eq!(back["itemsTotal"], json!(1299.5));
}

#[test]
fn a_field_the_spec_does_not_have_fails_strict_decoding_only() {
    let mut page = json!({"orders": [business_order(1)]});
    page["orders"][0]["delivery"]["dates"]["surprise"] = json!(1);
    let decoded = serde_json::from_value::<BusinessOrdersResponse>(page);
    if market_core::wire::STRICT {
        let err = decoded.unwrap_err().to_string();
        assert!(err.contains("surprise"), "{err}");
    } else {
        assert_eq!(decoded.unwrap().orders.len(), 1);
    }
}
