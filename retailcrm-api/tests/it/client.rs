//! The client's conventions against a mock server: the key header, paths, form-encoded
//! writes with JSON in a field, `filter[...]` reads over pages, errors kept whole, HTML
//! pages, 503 as over quota, HTTP 460 as per-item outcomes, the key never shown.

use futures::TryStreamExt;
use retailcrm_api::api::orders::OrderFilter;
use retailcrm_api::models::{By, Order};
use retailcrm_api::{ApiErrorKind, Client, Error, OrderId, PageSize};
use serde_json::json;
use wiremock::matchers::{header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

use crate::common::{API_KEY, client, example, field};

fn page(n: u32, total: u32, ids: &[i64]) -> serde_json::Value {
    json!({
        "success": true,
        "pagination": {"limit": 20, "totalCount": 45, "currentPage": n, "totalPageCount": total},
        "orders": ids.iter().map(|id| json!({"id": id, "externalId": format!("e{id}")})).collect::<Vec<_>>()
    })
}

#[test]
fn the_account_becomes_its_retailcrm_address() {
    let c = Client::new("my-shop", "k").unwrap();
    assert_eq!(
        c.transport().base_url().as_str(),
        "https://my-shop.retailcrm.ru/"
    );
    assert_eq!(c.account(), "my-shop.retailcrm.ru");
    let c = Client::new("https://shop.simla.com", "k").unwrap();
    assert_eq!(c.transport().base_url().as_str(), "https://shop.simla.com/");
    assert!(Client::new("bad host!", "k").is_err());
    assert!(Client::new("shop", " ").is_err());
}

#[test]
fn page_sizes_other_than_20_50_100_are_refused() {
    assert_eq!(PageSize::try_from(50).unwrap(), PageSize::Fifty);
    assert_eq!(PageSize::try_from(100).unwrap().get(), 100);
    for n in [0, 10, 25, 250] {
        assert!(
            matches!(PageSize::try_from(n), Err(Error::Validation { .. })),
            "{n}"
        );
    }
}

#[tokio::test]
async fn a_read_sends_the_key_and_names_the_order_by_external_id() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v5/orders/ext-1"))
        .and(header("x-api-key", API_KEY))
        .and(query_param("by", "externalId"))
        .and(query_param("site", "shop"))
        .respond_with(
            ResponseTemplate::new(200).set_body_raw(example("orders.get"), "application/json"),
        )
        .expect(1)
        .mount(&server)
        .await;
    let order = client(&server.uri())
        .orders_get(&By::external("ext-1"), Some("shop"))
        .await
        .unwrap();
    assert!(order.number.is_some());
}

#[tokio::test]
async fn the_unversioned_methods_have_no_version_in_their_path() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/credentials"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "success": true, "credentials": ["/api/orders"], "siteAccess": "access_full", "sitesAvailable": ["shop"]
        })))
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/api-versions"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"success": true, "versions": ["4.0", "5.0"]})),
        )
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/api/system-info"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"success": true, "systemVersion": "8.1", "publicUrl": "https://x", "technicalUrl": "https://x.retailcrm.ru"})))
        .mount(&server)
        .await;
    let c = client(&server.uri());
    assert_eq!(c.credentials().await.unwrap().sites_available, ["shop"]);
    assert_eq!(c.api_versions().await.unwrap().versions, ["4.0", "5.0"]);
    assert_eq!(
        c.system_info().await.unwrap().system_version.as_deref(),
        Some("8.1")
    );
}

#[tokio::test]
async fn a_write_is_form_encoded_with_the_entity_as_json_in_a_field() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/v5/orders/create"))
        .and(header("content-type", "application/x-www-form-urlencoded"))
        .respond_with(
            ResponseTemplate::new(201).set_body_raw(example("orders.create"), "application/json"),
        )
        .mount(&server)
        .await;
    let order = Order {
        external_id: Some("ozon-1".into()),
        first_name: Some("Ann & Bob".into()),
        ..Order::default()
    };
    let saved = client(&server.uri())
        .orders_create(&order, Some("shop"))
        .await
        .unwrap();
    assert!(saved.id.is_some());
    let sent = &server.received_requests().await.unwrap()[0];
    assert_eq!(field(&sent.body, "site").as_deref(), Some("shop"));
    let order: serde_json::Value =
        serde_json::from_str(&field(&sent.body, "order").unwrap()).unwrap();
    assert_eq!(
        order,
        json!({"externalId": "ozon-1", "firstName": "Ann & Bob"})
    );
}

#[tokio::test]
async fn an_edit_says_by_which_id() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/v5/orders/77/edit"))
        .respond_with(
            ResponseTemplate::new(200).set_body_raw(example("orders.edit"), "application/json"),
        )
        .mount(&server)
        .await;
    let order = Order {
        status: Some("complete".into()),
        ..Order::default()
    };
    client(&server.uri())
        .orders_edit(&OrderId(77).into(), &order, None)
        .await
        .unwrap();
    let sent = &server.received_requests().await.unwrap()[0];
    assert_eq!(field(&sent.body, "by").as_deref(), Some("id"));
    assert_eq!(field(&sent.body, "site"), None);
}

#[tokio::test]
async fn a_list_reads_every_page_with_its_filter() {
    let server = MockServer::start().await;
    for (n, ids) in [(1u32, vec![1, 2]), (2, vec![3, 4]), (3, vec![5])] {
        Mock::given(method("GET"))
            .and(path("/api/v5/orders"))
            .and(query_param("page", n.to_string()))
            .and(query_param("limit", "50"))
            .and(query_param("filter[sites][]", "shop"))
            .and(query_param("filter[extendedStatus][]", "new"))
            .respond_with(ResponseTemplate::new(200).set_body_json(page(n, 3, &ids)))
            .expect(1)
            .mount(&server)
            .await;
    }
    let filter = OrderFilter {
        sites: vec!["shop".into()],
        extended_status: vec!["new".into()],
        ..OrderFilter::default()
    };
    let orders: Vec<Order> = client(&server.uri())
        .orders_list(&filter, PageSize::Fifty)
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<i64> = orders.iter().map(|o| o.id.unwrap().0).collect();
    assert_eq!(ids, [1, 2, 3, 4, 5]);
}

#[tokio::test]
async fn a_page_repeated_by_the_server_ends_the_list_with_an_error() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v5/orders"))
        .respond_with(ResponseTemplate::new(200).set_body_json(page(1, 3, &[1, 2])))
        .mount(&server)
        .await;
    let result: Result<Vec<Order>, _> = client(&server.uri())
        .orders_list(&OrderFilter::default(), PageSize::Twenty)
        .try_collect()
        .await;
    assert!(result.is_err());
}

#[tokio::test]
async fn an_error_keeps_the_message_and_every_field_error_by_name() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/v5/orders/create"))
        .respond_with(ResponseTemplate::new(400).set_body_json(json!({
            "success": false,
            "errorMsg": "Errors in the entity format",
            "errors": {"customer": "Customer not found", "items[0].offer": "Offer not found"}
        })))
        .expect(1)
        .mount(&server)
        .await;
    let err = client(&server.uri())
        .orders_create(&Order::default(), None)
        .await
        .unwrap_err();
    let api = err.api().unwrap();
    assert_eq!(api.kind, ApiErrorKind::BadRequest);
    assert_eq!(api.vendor, "retailcrm");
    assert_eq!(api.operation, "orders_create");
    assert!(
        api.message.starts_with("Errors in the entity format ("),
        "{}",
        api.message
    );
    assert!(api.message.contains("customer: Customer not found"));
    assert!(api.message.contains("items[0].offer: Offer not found"));
    // And by name, for code that acts on one field.
    assert_eq!(api.field("customer"), Some("Customer not found"));
    assert_eq!(api.field("items[0].offer"), Some("Offer not found"));
    assert_eq!(api.fields.len(), 2);
}

#[tokio::test]
async fn field_errors_of_a_list_are_split_at_their_field_and_kept_bounded() {
    let server = MockServer::start().await;
    let mut list: Vec<String> = vec![
        "items[0].offer.id: Offer with id 123 not found.".into(),
        "Something is wrong with the order".into(),
        format!("apiKey: {API_KEY} is not allowed"),
    ];
    list.extend((0..500).map(|i| format!("items[{i}].quantity: too many")));
    Mock::given(method("POST"))
        .and(path("/api/v5/orders/create"))
        .respond_with(ResponseTemplate::new(400).set_body_json(json!({
            "success": false, "errorMsg": "Errors in the entity format", "errors": list
        })))
        .mount(&server)
        .await;
    let err = client(&server.uri())
        .orders_create(&Order::default(), None)
        .await
        .unwrap_err();
    let api = err.api().unwrap();
    assert_eq!(
        api.field("items[0].offer.id"),
        Some("Offer with id 123 not found.")
    );
    assert_eq!(api.fields[1].field, "");
    assert_eq!(api.fields[1].message, "Something is wrong with the order");
    // An echoed key is removed from the fields as from the message.
    let key_field = api.field("apiKey").unwrap();
    assert!(!key_field.contains(API_KEY), "{key_field}");
    assert!(!format!("{err:?}").contains(API_KEY));
    // A hostile list is cut at the core's bound, and the message at the crate's.
    assert_eq!(api.fields.len(), market_core::error::FIELD_ERRORS_MAX);
    assert_eq!(
        api.message.chars().count(),
        retailcrm_api::error::MESSAGE_MAX_CHARS
    );
    assert!(api.message.ends_with('…'));
}

#[tokio::test]
async fn a_200_saying_success_false_is_an_error() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v5/settings"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(
            example("error.post-error-response-handling"),
            "application/json",
        ))
        .mount(&server)
        .await;
    let err = client(&server.uri()).settings().await.unwrap_err();
    assert_eq!(err.api().unwrap().message, "Invalid data");
}

#[tokio::test]
async fn an_html_error_page_is_read_as_its_title() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/v5/orders/create"))
        .respond_with(ResponseTemplate::new(502).set_body_raw(
            "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>",
            "text/html",
        ))
        .mount(&server)
        .await;
    let err = client(&server.uri())
        .orders_create(&Order::default(), None)
        .await
        .unwrap_err();
    let api = err.api().unwrap();
    assert_eq!(api.kind, ApiErrorKind::Server);
    assert_eq!(api.code.as_deref(), Some("html_page"));
    assert!(api.message.contains("502 Bad Gateway"), "{}", api.message);
}

// The backoffs are the test client's 10 to 50 ms: tokio's paused clock cannot be used with a
// socket (it jumps to the connection pool's idle timer while a request is on the wire).
#[tokio::test]
async fn a_503_is_over_quota_and_retried_even_for_a_create() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/v5/orders/create"))
        .respond_with(ResponseTemplate::new(503).set_body_raw(
            "<html><title>Service Unavailable</title></html>",
            "text/html",
        ))
        .up_to_n_times(2)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/api/v5/orders/create"))
        .respond_with(
            ResponseTemplate::new(200).set_body_raw(example("orders.create"), "application/json"),
        )
        .mount(&server)
        .await;
    let saved = client(&server.uri())
        .orders_create(&Order::default(), None)
        .await
        .unwrap();
    assert!(saved.id.is_some());
    assert_eq!(server.received_requests().await.unwrap().len(), 3);
}

#[tokio::test]
async fn a_429_is_over_quota_too() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v5/settings"))
        .respond_with(ResponseTemplate::new(429))
        .mount(&server)
        .await;
    let err = client(&server.uri()).settings().await.unwrap_err();
    assert_eq!(
        err.api().unwrap_or_else(|| panic!("{err:?}")).kind,
        ApiErrorKind::RateLimited
    );
    assert_eq!(server.received_requests().await.unwrap().len(), 4);
}

#[tokio::test]
async fn the_key_never_shows_even_when_the_server_echoes_it() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v5/settings"))
        .respond_with(ResponseTemplate::new(403).set_body_json(json!({
            "success": false, "errorMsg": format!("Wrong \"apiKey\" value: {API_KEY}")
        })))
        .mount(&server)
        .await;
    let c = client(&server.uri());
    let err = c.settings().await.unwrap_err();
    assert_eq!(err.api().unwrap().kind, ApiErrorKind::Forbidden);
    for text in [err.to_string(), format!("{err:?}"), format!("{c:?}")] {
        assert!(!text.contains(API_KEY), "{text}");
    }
    assert!(err.to_string().contains("[REDACTED]"));
}

#[tokio::test]
async fn http_460_of_an_upload_is_per_item_outcomes() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/v5/orders/upload"))
        .respond_with(ResponseTemplate::new(460).set_body_json(json!({
            "success": false,
            "uploadedOrders": [{"id": 1, "externalId": "a"}],
            "failedOrders": [{"externalId": "b"}],
            "errorMsg": "Orders are loaded with errors",
            "errors": ["items[0].offer.id: Offer with id 123 not found."]
        })))
        .expect(1)
        .mount(&server)
        .await;
    let orders = ["a", "b"]
        .iter()
        .map(|id| Order {
            external_id: Some((*id).into()),
            ..Order::default()
        })
        .chain([Order::default()])
        .collect();
    let report = client(&server.uri())
        .orders_upload(orders, Some("shop"))
        .await;
    assert_eq!(report.accepted, ["a"]);
    assert_eq!(report.rejected.len(), 2);
    let b = report.rejected.iter().find(|r| r.key == "b").unwrap();
    assert_eq!(b.stage, retailcrm_api::core::RejectionStage::Vendor);
    assert!(
        b.message.contains("Offer with id 123 not found"),
        "{}",
        b.message
    );
    let missing = report.rejected.iter().find(|r| r.key.is_empty()).unwrap();
    assert_eq!(missing.code.as_deref(), Some("validation"));
    let sent = &server.received_requests().await.unwrap()[0];
    let orders: serde_json::Value =
        serde_json::from_str(&field(&sent.body, "orders").unwrap()).unwrap();
    assert_eq!(orders.as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn a_460_of_another_method_is_an_error() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/v5/orders/create"))
        .respond_with(
            ResponseTemplate::new(460).set_body_json(json!({"success": false, "errorMsg": "odd"})),
        )
        .mount(&server)
        .await;
    let err = client(&server.uri())
        .orders_create(&Order::default(), None)
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(460));
}

#[tokio::test]
async fn uploads_go_fifty_orders_a_request() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/v5/orders/upload"))
        .respond_with(|req: &wiremock::Request| {
            let orders: Vec<serde_json::Value> =
                serde_json::from_str(&crate::common::field(&req.body, "orders").unwrap()).unwrap();
            let uploaded: Vec<_> = orders
                .iter()
                .map(|o| json!({"id": 1, "externalId": o["externalId"]}))
                .collect();
            ResponseTemplate::new(200)
                .set_body_json(json!({"success": true, "uploadedOrders": uploaded}))
        })
        .mount(&server)
        .await;
    let orders = (0..120)
        .map(|i| Order {
            external_id: Some(format!("o{i}")),
            ..Order::default()
        })
        .collect();
    let report = client(&server.uri()).orders_upload(orders, None).await;
    assert_eq!(report.accepted.len(), 120);
    let sizes: Vec<usize> = server
        .received_requests()
        .await
        .unwrap()
        .iter()
        .map(|r| {
            serde_json::from_str::<Vec<serde_json::Value>>(
                &crate::common::field(&r.body, "orders").unwrap(),
            )
            .unwrap()
            .len()
        })
        .collect();
    assert_eq!(sizes, [50, 50, 20]);
}

#[tokio::test]
async fn an_open_list_walks_its_pages_by_member_name() {
    let server = MockServer::start().await;
    for n in [1u32, 2] {
        Mock::given(method("GET"))
            .and(path("/api/v5/costs"))
            .and(query_param("page", n.to_string()))
            .and(query_param("filter[sites][]", "shop"))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!({
                "success": true,
                "pagination": {"limit": 20, "totalCount": 3, "currentPage": n, "totalPageCount": 2},
                "costs": if n == 1 { json!([{"id": 1}, {"id": 2}]) } else { json!([{"id": 3}]) }
            })))
            .expect(1)
            .mount(&server)
            .await;
    }
    let filter = retailcrm_api::api::Filter::from([("sites".to_owned(), json!(["shop"]))]);
    let costs: Vec<serde_json::Value> = client(&server.uri())
        .costs_list(&filter, PageSize::Twenty)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(costs.len(), 3);
    assert_eq!(costs[2]["id"], 3);
}

#[tokio::test]
async fn a_download_returns_the_bytes_and_a_path_parameter_is_filled() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v5/files/42/download"))
        .respond_with(
            ResponseTemplate::new(200).set_body_raw(b"%PDF-1.4".to_vec(), "application/pdf"),
        )
        .mount(&server)
        .await;
    let bytes = client(&server.uri()).files_download(42).await.unwrap();
    assert_eq!(bytes, b"%PDF-1.4");
}

#[tokio::test]
async fn delivery_shipments_read_into_their_types() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/api/v5/delivery/shipments/9"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_raw(example("delivery.shipments-get"), "application/json"),
        )
        .mount(&server)
        .await;
    let answer = client(&server.uri())
        .delivery_shipments_get(9)
        .await
        .unwrap();
    assert_eq!(
        answer.delivery_shipment.integration_code.as_deref(),
        Some("boxberry-249")
    );
}

#[tokio::test]
async fn a_costs_upload_answering_460_is_returned_not_raised() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/api/v5/costs/upload"))
        .respond_with(ResponseTemplate::new(460).set_body_raw(
            example("go.costs-upload.partial-failure.460"),
            "application/json",
        ))
        .mount(&server)
        .await;
    let answer = client(&server.uri())
        .costs_upload(&json!([{"summ": 10, "costItem": "rent"}]))
        .await
        .unwrap();
    assert!(!answer.success());
    assert_eq!(
        answer.member("errorMsg"),
        Some(&json!("Costs are loaded with ErrorsList"))
    );
    let sent = &server.received_requests().await.unwrap()[0];
    assert!(field(&sent.body, "costs").unwrap().starts_with("[{"));
}

#[test]
fn telephony_has_its_own_limit_group() {
    use retailcrm_api::api::telephony::TELEPHONY_CALL_EVENT;
    assert_eq!(
        TELEPHONY_CALL_EVENT.limit_group,
        retailcrm_api::limits::TELEPHONY
    );
    assert_eq!(
        retailcrm_api::limits::limit(retailcrm_api::limits::TELEPHONY)
            .unwrap()
            .count,
        40
    );
    assert_eq!(
        retailcrm_api::limits::limit(retailcrm_api::limits::GENERAL)
            .unwrap()
            .count,
        10
    );
}
