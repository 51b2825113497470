//! The emulator: reference books, the catalogue, orders with their history, form-encoded
//! writes checked strictly, HTTP 460 partial failures and the 503 limiter.

use std::time::Duration;

use futures::TryStreamExt;
use market_core::transport::RetryPolicy;
use retailcrm_api::api::orders::OrderFilter;
use retailcrm_api::api::store::{OfferKey, OfferPrices, OfferStocks, StoreStock, TypedPrice};
use retailcrm_api::models::{By, ItemOffer, Order, OrderItem, Status};
use retailcrm_api::sandbox::{SANDBOX_API_KEY, Sandbox, SandboxConfig};
use retailcrm_api::{ApiErrorKind, Client, HistoryId, PageSize, RejectionStage};
use rust_decimal::Decimal;
use serde_json::json;

fn order(ext: &str, sku: &str) -> Order {
    Order {
        external_id: Some(ext.to_owned()),
        first_name: Some("Buyer".into()),
        items: Some(vec![OrderItem {
            offer: Some(ItemOffer {
                external_id: Some(sku.to_owned()),
                ..ItemOffer::default()
            }),
            quantity: Some(Decimal::ONE),
            initial_price: Some(Decimal::new(1999, 2)),
            ..OrderItem::default()
        }]),
        ..Order::default()
    }
}

async fn quiet() -> Sandbox {
    Sandbox::start_with(SandboxConfig {
        rate_limits: false,
        ..SandboxConfig::default()
    })
    .await
}

#[tokio::test]
async fn an_order_is_created_read_back_and_listed() {
    let sandbox = quiet().await;
    let crm = sandbox.client().unwrap();
    let saved = crm
        .orders_create(&order("oz-1", "SKU-0001"), Some("shop"))
        .await
        .unwrap();
    let id = saved.id.unwrap();
    let read = crm
        .orders_get(&By::external("oz-1"), Some("shop"))
        .await
        .unwrap();
    assert_eq!(read.id.map(|i| i.0), Some(id));
    assert_eq!(read.status.as_deref(), Some("new"));
    assert_eq!(
        read.items.unwrap()[0].initial_price,
        Some(Decimal::new(1999, 2))
    );
    let by_id = crm.orders_get(&By::Id(id), None).await.unwrap();
    assert_eq!(by_id.external_id.as_deref(), Some("oz-1"));
    let listed: Vec<Order> = crm
        .orders_list(&OrderFilter::default(), PageSize::Twenty)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(listed.len(), 1);
    let again = crm
        .orders_create(&order("oz-1", "SKU-0001"), Some("shop"))
        .await
        .unwrap_err();
    assert_eq!(again.api().unwrap().message, "Order already exists.");
}

#[tokio::test]
async fn an_order_naming_unknown_codes_or_offers_is_refused_by_field() {
    let sandbox = quiet().await;
    let crm = sandbox.client().unwrap();
    let mut bad = order("oz-2", "NO-SUCH-SKU");
    bad.status = Some("teleported".into());
    let err = crm.orders_create(&bad, Some("shop")).await.unwrap_err();
    let message = &err.api().unwrap().message;
    assert!(
        message.contains("status: \"teleported\" is not a known code."),
        "{message}"
    );
    assert!(
        message.contains("items[0].offer: Offer not found."),
        "{message}"
    );
    assert_eq!(sandbox.order_count(), 0);
}

#[tokio::test]
async fn an_upload_with_a_bad_order_saves_the_others_and_reports_it_by_external_id() {
    let sandbox = quiet().await;
    let crm = sandbox.client().unwrap();
    let orders = vec![
        order("a", "SKU-0001"),
        order("b", "MISSING"),
        order("c", "SKU-0002"),
    ];
    let report = crm.orders_upload(orders, Some("shop")).await;
    assert_eq!(report.accepted, ["a", "c"]);
    assert_eq!(report.rejected.len(), 1);
    assert_eq!(report.rejected[0].key, "b");
    assert_eq!(report.rejected[0].stage, RejectionStage::Vendor);
    assert!(report.rejected[0].message.contains("Offer not found"));
    assert_eq!(sandbox.order_count(), 2);
    // Sent again, nothing is created twice: every order is refused as existing, or saved
    // now that it is fixed.
    let again = crm
        .orders_upload(
            vec![order("a", "SKU-0001"), order("b", "SKU-0003")],
            Some("shop"),
        )
        .await;
    assert_eq!(again.accepted, ["b"]);
    assert!(again.rejected[0].message.contains("Order already exists."));
    assert_eq!(sandbox.order_count(), 3);
}

#[tokio::test]
async fn history_skips_this_keys_writes_and_shows_the_managers() {
    let sandbox = quiet().await;
    let crm = sandbox.client().unwrap();
    crm.orders_create(&order("m-1", "SKU-0001"), None)
        .await
        .unwrap();
    let pages: Vec<_> = crm.orders_history(None).try_collect().await.unwrap();
    let own: usize = pages.iter().map(|p| p.own_skipped).sum();
    assert_eq!(own, 1);
    let last = pages.iter().filter_map(|p| p.last_id).max().unwrap();
    assert!(pages.iter().all(|p| p.records.is_empty()));

    assert!(sandbox.manager_sets_status("m-1", "cancel-other"));
    let pages: Vec<_> = crm.orders_history(Some(last)).try_collect().await.unwrap();
    let records: Vec<_> = pages.iter().flat_map(|p| p.records.iter()).collect();
    assert_eq!(records.len(), 1);
    assert_eq!(records[0].field.as_deref(), Some("status"));
    assert_eq!(records[0].new_value, Some(json!({"code": "cancel-other"})));
    assert_eq!(records[0].source.as_deref(), Some("user"));
    assert!(pages.last().unwrap().last_id.unwrap() > last);

    // Another key of the same account sees this key's write.
    let other = Sandbox::start_with(SandboxConfig {
        api_keys: vec![SANDBOX_API_KEY.into(), "second-key".into()],
        rate_limits: false,
        ..SandboxConfig::default()
    })
    .await;
    other
        .client()
        .unwrap()
        .orders_create(&order("x", "SKU-0001"), None)
        .await
        .unwrap();
    let second = Client::builder(other.uri(), "second-key").build().unwrap();
    let pages: Vec<_> = second
        .orders_history(Some(HistoryId(0)))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(pages[0].records.len(), 1);
    assert_eq!(pages[0].own_skipped, 0);
}

#[tokio::test]
async fn an_edit_by_this_key_is_recorded_as_its_own() {
    let sandbox = quiet().await;
    let crm = sandbox.client().unwrap();
    crm.orders_create(&order("e-1", "SKU-0001"), None)
        .await
        .unwrap();
    let change = Order {
        status: Some("assembling".into()),
        ..Order::default()
    };
    crm.orders_edit(&By::external("e-1"), &change, None)
        .await
        .unwrap();
    assert_eq!(sandbox.order_status("e-1").as_deref(), Some("assembling"));
    let pages: Vec<_> = crm.orders_history(None).try_collect().await.unwrap();
    assert_eq!(pages.iter().map(|p| p.own_skipped).sum::<usize>(), 2);
    let statuses = crm.orders_statuses(&[], &["e-1".into()]).await.unwrap();
    assert_eq!(statuses[0].group.as_deref(), Some("assembling"));
}

#[tokio::test]
async fn lists_walk_the_emulators_pages() {
    let sandbox = quiet().await;
    let crm = sandbox.client().unwrap();
    let orders = (0..45)
        .map(|i| order(&format!("p-{i}"), "SKU-0001"))
        .collect();
    assert_eq!(crm.orders_upload(orders, None).await.accepted.len(), 45);
    let listed: Vec<Order> = crm
        .orders_list(&OrderFilter::default(), PageSize::Twenty)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(listed.len(), 45);
    assert_eq!(sandbox.requests().count("GET /api/v5/orders"), 3);
    assert_eq!(sandbox.requests().count("POST /api/v5/orders/upload"), 1);
}

#[tokio::test]
async fn writes_must_be_forms_with_known_fields_and_reads_known_page_sizes() {
    let sandbox = quiet().await;
    let http = reqwest::Client::new();
    let url = format!("{}/api/v5/orders/create", sandbox.uri());
    let json_body = http
        .post(&url)
        .header("x-api-key", SANDBOX_API_KEY)
        .json(&json!({"order": {"externalId": "j"}}))
        .send()
        .await
        .unwrap();
    assert_eq!(json_body.status(), 400);
    let unknown = http
        .post(&url)
        .header("x-api-key", SANDBOX_API_KEY)
        .form(&[("order", "{}"), ("shop", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status(), 400);
    let body: serde_json::Value = unknown.json().await.unwrap();
    assert!(body["errors"]["shop"].is_string(), "{body}");
    let not_json = http
        .post(&url)
        .header("x-api-key", SANDBOX_API_KEY)
        .form(&[("order", "{oops")])
        .send()
        .await
        .unwrap();
    assert_eq!(not_json.status(), 400);
    let page = http
        .get(format!("{}/api/v5/orders?limit=30", sandbox.uri()))
        .header("x-api-key", SANDBOX_API_KEY)
        .send()
        .await
        .unwrap();
    assert_eq!(page.status(), 400);
    assert_eq!(sandbox.order_count(), 0);
}

#[tokio::test]
async fn a_wrong_key_is_refused_as_retailcrm_does() {
    let sandbox = quiet().await;
    let crm = Client::builder(sandbox.uri(), "not-the-key")
        .build()
        .unwrap();
    let err = crm.credentials().await.unwrap_err();
    let api = err.api().unwrap();
    assert_eq!(api.kind, ApiErrorKind::Forbidden);
    assert_eq!(api.message, "Wrong \"apiKey\" value.");
}

#[tokio::test]
async fn reference_books_are_read_and_edited() {
    let sandbox = quiet().await;
    let crm = sandbox.client().unwrap();
    let sites = crm.reference_sites_list().await.unwrap();
    assert!(sites.get("shop").is_some());
    let stores = crm.reference_stores_list().await.unwrap();
    assert_eq!(stores.len(), 2);
    let status = Status {
        code: Some("returned".into()),
        name: Some("Returned".into()),
        group: Some("cancel".into()),
        ..Status::default()
    };
    crm.reference_statuses_edit(&status).await.unwrap();
    let statuses = crm.reference_statuses_list().await.unwrap();
    assert_eq!(
        statuses
            .get("returned")
            .and_then(|s| s.group.clone())
            .as_deref(),
        Some("cancel")
    );
    let groups = crm.reference_status_groups_list().await.unwrap();
    assert!(groups.get("cancel").is_some());
    let no_code = crm
        .reference_statuses_edit(&Status::default())
        .await
        .unwrap_err();
    assert!(matches!(no_code, retailcrm_api::Error::Validation { .. }));
    // The new status is now accepted on an order.
    let mut o = order("r-1", "SKU-0001");
    o.status = Some("returned".into());
    crm.orders_create(&o, None).await.unwrap();
}

#[tokio::test]
async fn stocks_and_prices_are_uploaded_per_offer() {
    let sandbox = quiet().await;
    let crm = sandbox.client().unwrap();
    let report = crm
        .store_inventories_upload(
            vec![
                OfferStocks {
                    offer: OfferKey::ExternalId("SKU-0001".into()),
                    stores: vec![StoreStock {
                        code: "second".into(),
                        available: Decimal::from(7),
                        purchase_price: None,
                    }],
                },
                OfferStocks {
                    offer: OfferKey::ExternalId("NOPE".into()),
                    stores: vec![StoreStock {
                        code: "main".into(),
                        available: Decimal::ONE,
                        purchase_price: None,
                    }],
                },
                OfferStocks {
                    offer: OfferKey::XmlId("xml-SKU-0002".into()),
                    stores: vec![],
                },
            ],
            Some("shop"),
        )
        .await;
    assert_eq!(report.accepted, [OfferKey::ExternalId("SKU-0001".into())]);
    assert_eq!(report.rejected.len(), 2);
    assert_eq!(sandbox.stock("SKU-0001", "second"), Some(Decimal::from(7)));
    let report = crm
        .store_prices_upload(vec![OfferPrices {
            offer: OfferKey::XmlId("xml-SKU-0003".into()),
            site: Some("shop".into()),
            prices: vec![TypedPrice {
                code: "base".into(),
                price: Decimal::new(12345, 2),
            }],
        }])
        .await;
    assert_eq!(report.accepted.len(), 1);
    assert_eq!(
        sandbox.price("SKU-0003", "base"),
        Some(Decimal::new(12345, 2))
    );
    let stocks: Vec<_> = crm
        .store_inventories_list(&Default::default(), PageSize::Hundred)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(stocks.len(), 20);
}

#[tokio::test]
async fn products_are_listed_page_by_page_with_their_offers() {
    let sandbox = Sandbox::start_with(SandboxConfig {
        offers: 45,
        ..Default::default()
    })
    .await;
    let crm = sandbox.client().unwrap();
    let products: Vec<_> = crm
        .store_products_list(&Default::default(), PageSize::Twenty)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(products.len(), 45, "three pages of 20, 20 and 5");
    let first = &products[0];
    assert_eq!(first.external_id.as_deref(), Some("SKU-0001"));
    assert_eq!(first.active, Some(true));
    let offers = first.offers.as_deref().unwrap_or_default();
    assert_eq!(offers.len(), 1);
    let ids: std::collections::HashSet<_> = products.iter().map(|p| p.id).collect();
    assert_eq!(ids.len(), 45, "no product twice");
}

#[tokio::test]
async fn over_ten_requests_a_second_the_emulator_answers_503() {
    let sandbox = Sandbox::start().await;
    let crm = sandbox
        .client_builder()
        .without_rate_limits()
        .retry(RetryPolicy {
            max_attempts: 1,
            ..RetryPolicy::default()
        })
        .build()
        .unwrap();
    let answers = futures::future::join_all((0..20).map(|_| crm.settings())).await;
    let mut refused = 0;
    for answer in answers {
        if let Err(e) = answer {
            assert_eq!(e.api().unwrap().kind, ApiErrorKind::RateLimited);
            assert_eq!(e.status(), Some(503));
            refused += 1;
        }
    }
    assert!((5..=10).contains(&refused), "{refused}");
}

#[tokio::test]
async fn the_clients_limiter_keeps_under_the_emulators_quota() {
    let sandbox = Sandbox::start().await;
    let crm = sandbox
        .client_builder()
        .retry(RetryPolicy {
            max_attempts: 1,
            max_elapsed: Duration::from_secs(10),
            ..RetryPolicy::default()
        })
        .build()
        .unwrap();
    for _ in 0..14 {
        crm.settings().await.unwrap();
    }
    assert_eq!(sandbox.requests().count("GET /api/v5/settings"), 14);
}

#[tokio::test]
async fn customers_are_kept_and_an_upload_reports_each_one() {
    use retailcrm_api::api::customers::CustomerFilter;
    use retailcrm_api::models::Customer;
    let sandbox = quiet().await;
    let crm = sandbox.client().unwrap();
    let ann = Customer {
        external_id: Some("c-1".into()),
        first_name: Some("Ann".into()),
        ..Customer::default()
    };
    crm.customers_create(&ann, Some("shop")).await.unwrap();
    let read = crm.customers_get(&By::external("c-1"), None).await.unwrap();
    assert_eq!(read.first_name.as_deref(), Some("Ann"));
    let change = Customer {
        vip: Some(true),
        ..Customer::default()
    };
    crm.customers_edit(&By::external("c-1"), &change, None)
        .await
        .unwrap();
    assert_eq!(
        crm.customers_get(&By::external("c-1"), None)
            .await
            .unwrap()
            .vip,
        Some(true)
    );
    let upload = vec![
        Customer {
            external_id: Some("c-1".into()),
            ..Customer::default()
        },
        Customer {
            external_id: Some("c-2".into()),
            ..Customer::default()
        },
    ];
    let report = crm.customers_upload(upload, None).await;
    assert_eq!(report.accepted, ["c-2"]);
    assert_eq!(report.rejected[0].key, "c-1");
    assert!(
        report.rejected[0].message.contains("already exists"),
        "{}",
        report.rejected[0].message
    );
    let all: Vec<Customer> = crm
        .customers_list(&CustomerFilter::default(), PageSize::Twenty)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 2);
}
