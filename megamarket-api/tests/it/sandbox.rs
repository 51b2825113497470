//! The emulator, and the `Marketplace` trait over it: the order lifecycle (FBS and DBS),
//! stocks and prices, Megamarket's failure style, faults, and the pushes to a receiver.

use std::sync::{Arc, Mutex};

use futures::TryStreamExt;
use market_core::sandbox::{Fault, FaultPlan};
use market_core::{
    ApiErrorKind, CancelReason, Capability, DeliveryScheme, Error, LabelFormat, Lifecycle,
    Marketplace, OrderId, OrderQuery, Package, PriceUpdate, StockUpdate, TimeWindow,
};
use megamarket_api::models::orders::*;
use megamarket_api::push::{self, Push};
use megamarket_api::sandbox::{NewShipment, Sandbox, SandboxConfig};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn id(s: &megamarket_api::ShipmentId) -> OrderId {
    s.as_str().into()
}

fn window() -> TimeWindow {
    TimeWindow::last(chrono::Duration::hours(1))
}

#[tokio::test]
async fn an_fbs_order_goes_through_its_whole_life_over_the_trait() {
    let sandbox = Sandbox::start(SandboxConfig::default()).await;
    let sid = sandbox.add_shipment(NewShipment::fbs(&[("SKU-1", 2, 1990), ("SKU-2", 1, 500)]));
    let mm = sandbox.client().unwrap();
    assert!(mm.capabilities().supports(Capability::Labels));
    assert!(!mm.capabilities().supports(Capability::Returns));

    let orders: Vec<_> = mm
        .orders(OrderQuery::window(window()))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(orders.len(), 1);
    let o = &orders[0];
    assert_eq!(o.id, id(&sid));
    assert_eq!(o.scheme, DeliveryScheme::Fbs);
    assert_eq!(o.status.lifecycle, Lifecycle::AwaitingConfirmation);
    assert_eq!(o.total(), Some(4480.into()));
    assert_eq!(o.parent_id.as_deref(), Some(sid.as_str()));

    mm.confirm_order(&id(&sid)).await.unwrap();
    assert_eq!(
        mm.order(&id(&sid)).await.unwrap().status.lifecycle,
        Lifecycle::AwaitingPackaging
    );
    // Two boxes: SKU-1 in box 1, SKU-2 in box 2.
    mm.pack_order(
        &id(&sid),
        &[
            Package {
                items: vec![("SKU-1".into(), 2)],
            },
            Package {
                items: vec![("SKU-2".into(), 1)],
            },
        ],
    )
    .await
    .unwrap();
    {
        let state = sandbox.state();
        let s = &state.shipments[&sid];
        let codes: Vec<&str> = s.boxes.iter().map(|b| b.box_code.as_str()).collect();
        assert_eq!(codes, [format!("12345*{sid}*1"), format!("12345*{sid}*2")]);
    }
    let label = mm.label(&id(&sid)).await.unwrap();
    assert_eq!(label.format, LabelFormat::Pdf);
    assert!(label.bytes.starts_with(b"%PDF"));
    mm.ship_order(&id(&sid)).await.unwrap();
    let shipped = mm.order(&id(&sid)).await.unwrap();
    assert_eq!(shipped.status.lifecycle, Lifecycle::InDelivery);
    assert_eq!(shipped.status.raw, "SHIPPED");
}

#[tokio::test]
async fn confirm_and_packing_are_idempotent_and_a_wrong_step_is_refused_the_megamarket_way() {
    let sandbox = Sandbox::start(SandboxConfig::default()).await;
    let sid = sandbox.add_shipment(NewShipment::fbs(&[("SKU-1", 1, 100)]));
    let mm = sandbox.client().unwrap();
    // Shipping a shipment not even confirmed: HTTP 200, success 0.
    let err = mm.ship_order(&id(&sid)).await.unwrap_err();
    let Error::Api(e) = &err else {
        panic!("{err:?}")
    };
    assert_eq!((e.status, e.kind), (200, ApiErrorKind::BadRequest));
    assert_eq!(e.code.as_deref(), Some("NOT_PACKED"));
    mm.confirm_order(&id(&sid)).await.unwrap();
    let again = OrderConfirm {
        shipments: vec![ConfirmShipment {
            shipment_id: sid.clone(),
            order_code: None,
            items: vec![ItemRef {
                item_index: "1".into(),
                offer_id: "SKU-1".into(),
            }],
        }],
    };
    mm.order_confirm(&again).await.unwrap();
    mm.pack_order(&id(&sid), &[]).await.unwrap();
    mm.pack_order(&id(&sid), &[]).await.unwrap();
    // A box code off the rule is refused by the emulator too.
    let bad = OrderPacking {
        shipments: vec![PackingShipment {
            shipment_id: sid.clone(),
            order_code: sid.0.clone(),
            items: vec![PackingItem {
                item_index: "1".into(),
                quantity: 1,
                boxes: vec![BoxRef {
                    box_index: 1,
                    box_code: format!("777*{sid}*1"),
                }],
            }],
        }],
    };
    // A client without the merchant id cannot check the code itself: the emulator does.
    let other = megamarket_api::Client::builder("sandbox-token")
        .base_url(sandbox.uri())
        .build()
        .unwrap();
    let err = other.order_packing(&bad).await.unwrap_err();
    assert_eq!(err.api().unwrap().code.as_deref(), Some("INVALID_BOX_CODE"));
}

#[tokio::test]
async fn cancel_rejects_every_live_item_with_the_reason() {
    let sandbox = Sandbox::start(SandboxConfig::default()).await;
    let sid = sandbox.add_shipment(NewShipment::fbs(&[("SKU-1", 1, 100), ("SKU-2", 1, 100)]));
    let mm = sandbox.client().unwrap();
    mm.cancel_order(&id(&sid), &CancelReason::out_of_stock())
        .await
        .unwrap();
    let o = mm.order(&id(&sid)).await.unwrap();
    assert_eq!(o.status.lifecycle, Lifecycle::Cancelled);
    assert_eq!(o.status.raw, "MERCHANT_CANCELED");
    let err = mm
        .cancel_order(&id(&sid), &CancelReason::out_of_stock())
        .await
        .unwrap_err();
    assert!(err.to_string().contains("already cancelled"), "{err}");
}

#[tokio::test]
async fn a_dbs_order_is_closed_per_item_and_never_shipped() {
    let sandbox = Sandbox::start(SandboxConfig::default()).await;
    let sid = sandbox.add_shipment(NewShipment::dbs(&[("SKU-1", 1, 100), ("SKU-2", 1, 200)]));
    let mm = sandbox.client().unwrap();
    let o = mm.order(&id(&sid)).await.unwrap();
    assert_eq!(o.scheme, DeliveryScheme::Dbs);
    mm.confirm_order(&id(&sid)).await.unwrap();
    mm.pack_order(&id(&sid), &[]).await.unwrap();
    assert!(
        mm.ship_order(&id(&sid))
            .await
            .unwrap_err()
            .to_string()
            .contains("DBS")
    );
    mm.order_close(&OrderClose {
        shipments: vec![CloseShipment {
            shipment_id: sid.clone(),
            close_date: Sandbox::now(),
            items: vec![
                CloseItem {
                    item_index: "1".into(),
                    handover_result: true,
                },
                CloseItem {
                    item_index: "2".into(),
                    handover_result: false,
                },
            ],
        }],
    })
    .await
    .unwrap();
    let o = mm.order(&id(&sid)).await.unwrap();
    assert_eq!(o.status.lifecycle, Lifecycle::Delivered);
    let statuses: Vec<String> = o.raw["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["status"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(statuses, ["DELIVERED", "CUSTOMER_CANCELED"]);
}

#[tokio::test]
async fn the_orders_stream_filters_by_window_status_and_scheme() {
    let sandbox = Sandbox::start(SandboxConfig::default()).await;
    let old = chrono::Utc::now() - chrono::Duration::days(3);
    sandbox.add_shipment(NewShipment::fbs(&[("SKU-1", 1, 100)]).at(old));
    let fbs = sandbox.add_shipment(NewShipment::fbs(&[("SKU-1", 1, 100)]));
    let dbs = sandbox.add_shipment(NewShipment::dbs(&[("SKU-2", 1, 100)]));
    let mm = sandbox.client().unwrap();
    mm.confirm_order(&id(&fbs)).await.unwrap();
    let all: Vec<_> = mm
        .orders(OrderQuery::window(window()))
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 2);
    let mut q = OrderQuery::window(window());
    q.schemes = vec![DeliveryScheme::Dbs];
    let only: Vec<_> = mm.orders(q).try_collect().await.unwrap();
    assert_eq!(
        only.iter().map(|o| o.id.clone()).collect::<Vec<_>>(),
        [id(&dbs)]
    );
    let mut q = OrderQuery::window(window());
    q.statuses = vec![Lifecycle::AwaitingPackaging];
    let only: Vec<_> = mm.orders(q).try_collect().await.unwrap();
    assert_eq!(
        only.iter().map(|o| o.id.clone()).collect::<Vec<_>>(),
        [id(&fbs)]
    );
    let err = mm.order(&"404".into()).await.unwrap_err();
    assert_eq!(err.api().unwrap().kind, ApiErrorKind::NotFound);
}

#[tokio::test]
async fn stocks_and_prices_through_the_trait() {
    let sandbox = Sandbox::start(SandboxConfig::default()).await;
    let mm = sandbox.client().unwrap();
    let report = mm
        .update_stocks(&[
            StockUpdate::new("SKU-1", "any", 5),
            StockUpdate::new("SKU-2", "any", -1),
        ])
        .await
        .unwrap();
    assert_eq!(report.accepted.len(), 1);
    assert_eq!(report.rejected.len(), 1);
    assert_eq!(sandbox.state().stocks["SKU-1"], 5);
    let report = mm
        .update_prices(&[
            PriceUpdate::new("SKU-1", 1990.into()),
            PriceUpdate::new("SKU-2", "10.5".parse().unwrap()),
            PriceUpdate::new("GHOST", 100.into()),
            PriceUpdate::new("SKU-3", 700.into()).with_old_price(900.into()),
        ])
        .await
        .unwrap();
    assert_eq!(report.accepted.len(), 3, "{report:?}");
    assert_eq!(report.rejected[0].key.offer_id.as_str(), "SKU-2");
    assert!(report.rejected[0].message.contains("kopecks"));
    let warned: Vec<&str> = report
        .warnings
        .iter()
        .map(|w| w.key.offer_id.as_str())
        .collect();
    assert!(
        warned.contains(&"GHOST") && warned.contains(&"SKU-3"),
        "{warned:?}"
    );
    assert_eq!(sandbox.state().prices["SKU-1"], 1990.into());
    assert!(!sandbox.state().prices.contains_key("SKU-2"));
}

#[tokio::test]
async fn queued_failures_come_back_as_errors_never_silent_success() {
    let sandbox = Sandbox::start(SandboxConfig::default()).await;
    let sid = sandbox.add_shipment(NewShipment::fbs(&[("SKU-1", 1, 100)]));
    let mm = sandbox.client().unwrap();
    sandbox.refuse_next("order_confirm", "SERVICE_BUSY", "try later");
    let err = mm.confirm_order(&id(&sid)).await.unwrap_err();
    assert_eq!(err.api().unwrap().code.as_deref(), Some("SERVICE_BUSY"));
    sandbox.result_zero_next("order_confirm");
    let err = mm.confirm_order(&id(&sid)).await.unwrap_err();
    assert_eq!(err.api().unwrap().code.as_deref(), Some("result_0"));
    mm.confirm_order(&id(&sid)).await.unwrap();
}

#[tokio::test]
async fn injected_server_errors_are_retried_on_reads_only_where_safe() {
    let sandbox = Sandbox::start(SandboxConfig {
        faults: FaultPlan::schedule([Some(Fault::ServerError)]),
        ..SandboxConfig::default()
    })
    .await;
    let sid = sandbox.add_shipment(NewShipment::fbs(&[("SKU-1", 1, 100)]));
    let mm = sandbox.client().unwrap();
    // The first request (order/get) gets a 500 and is repeated.
    mm.order(&id(&sid)).await.unwrap();
    assert_eq!(sandbox.shell().faults().injected(), 1);
    // A reject hit by a 500 is not repeated.
    sandbox
        .shell()
        .faults()
        .set(FaultPlan::schedule([None, Some(Fault::ServerError)]));
    let err = mm
        .cancel_order(&id(&sid), &CancelReason::out_of_stock())
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(500));
    let rejects = sandbox
        .shell()
        .requests()
        .count("POST /api/market/v1/orderService/order/reject");
    assert_eq!(rejects, 1);
}

#[tokio::test]
async fn a_wrong_token_is_refused_with_success_0() {
    let sandbox = Sandbox::start(SandboxConfig::default()).await;
    let mm = megamarket_api::Client::builder("wrong")
        .base_url(sandbox.uri())
        .build()
        .unwrap();
    let err = mm.order_get(&["1".into()]).await.unwrap_err();
    assert_eq!(
        err.api().unwrap().code.as_deref(),
        Some("AUTHORIZATION_FAILED")
    );
    assert!(!err.to_string().contains("wrong\""));
}

/// The emulator pushes `order/new` and `order/cancel` to a receiver, which decodes them with
/// `push::decode` and answers; the seller then answers the cancellation with
/// `order/cancelResult`.
#[tokio::test]
async fn pushes_reach_a_receiver_and_the_seller_answers_them() {
    let sandbox = Sandbox::start(SandboxConfig::default()).await;
    let sid = sandbox.add_shipment(NewShipment::dbs(&[("SKU-1", 1, 100), ("SKU-2", 1, 100)]));
    let receiver = MockServer::start().await;
    let got: Arc<Mutex<Vec<Push>>> = Arc::default();
    let sink = Arc::clone(&got);
    Mock::given(method("POST"))
        .respond_with(
            move |r: &wiremock::Request| match push::decode(r.url.path(), &r.body) {
                Ok(p) => {
                    sink.lock().unwrap().push(p);
                    ResponseTemplate::new(200).set_body_raw(push::REPLY_OK, push::CONTENT_TYPE)
                }
                Err(_) => {
                    ResponseTemplate::new(200).set_body_raw(push::REPLY_FAILED, push::CONTENT_TYPE)
                }
            },
        )
        .mount(&receiver)
        .await;
    assert!(sandbox.push_order_new(&receiver.uri(), &sid).await.unwrap());
    assert!(
        sandbox
            .push_order_cancel(&receiver.uri(), &sid, &["2"])
            .await
            .unwrap()
    );
    {
        let pushes = got.lock().unwrap();
        let Push::OrderNew(n) = &pushes[0] else {
            panic!()
        };
        assert!(n.shipments[0].is_dbs());
        assert_eq!(n.shipments[0].items.len(), 2);
        let Push::OrderCancel(c) = &pushes[1] else {
            panic!()
        };
        assert_eq!(c.shipments[0].items[0].item_index, "2");
    }
    let mm = sandbox.client().unwrap();
    mm.order_cancel_result(&OrderCancelResult {
        shipments: vec![CancelResultShipment {
            shipment_id: sid.clone(),
            items: vec![CancelResultItem {
                item_index: "2".into(),
                canceled: true,
            }],
        }],
    })
    .await
    .unwrap();
    assert_eq!(
        sandbox.state().shipments[&sid].items[1].status,
        ShipmentStatus::CustomerCanceled
    );
    // A receiver that refuses: the push is reported not taken.
    let refusing = MockServer::start().await;
    Mock::given(path("/order/new"))
        .respond_with(
            ResponseTemplate::new(200).set_body_raw(push::REPLY_FAILED, push::CONTENT_TYPE),
        )
        .mount(&refusing)
        .await;
    assert!(!sandbox.push_order_new(&refusing.uri(), &sid).await.unwrap());
}

/// A search that fills `count` is split until every shipment is found; the shipments are read
/// lazily, a chunk at a time.
#[tokio::test]
async fn the_search_stream_finds_every_shipment_past_count_and_reads_lazily() {
    use futures::StreamExt;
    let sandbox = Sandbox::start(SandboxConfig::default()).await;
    let now = chrono::Utc::now();
    let mut made = Vec::new();
    for k in 0..7 {
        made.push(sandbox.add_shipment(
            NewShipment::fbs(&[("SKU-1", 1, 100)]).at(now - chrono::Duration::minutes(5 * k + 1)),
        ));
    }
    let mm = sandbox
        .client_builder()
        .quotas(
            megamarket_api::Quotas::default()
                .order_search_count(3)
                .order_get_max(2),
        )
        .build()
        .unwrap();
    let mut stream = mm.orders(OrderQuery::window(window()));
    let first = stream.next().await.unwrap().unwrap();
    let gets = |s: &Sandbox| {
        s.shell()
            .requests()
            .count("POST /api/market/v1/orderService/order/get")
    };
    assert_eq!(
        gets(&sandbox),
        1,
        "only the first chunk is read before it is consumed"
    );
    let mut ids = vec![first.id];
    while let Some(o) = stream.next().await {
        ids.push(o.unwrap().id);
    }
    ids.sort();
    let mut want: Vec<OrderId> = made.iter().map(id).collect();
    want.sort();
    assert_eq!(ids, want);
    // At most two ids a request: at least four reads, one per window searched at most.
    let n = gets(&sandbox);
    assert!((4..=7).contains(&n), "{n} order/get requests");
}

#[tokio::test]
async fn sticker_print_without_pdf_gives_the_print_markup() {
    let sandbox = Sandbox::start(SandboxConfig::default()).await;
    let sid = sandbox.add_shipment(NewShipment::fbs(&[("SKU-1", 1, 100)]));
    let mm = sandbox.client().unwrap();
    mm.confirm_order(&id(&sid)).await.unwrap();
    mm.pack_order(&id(&sid), &[]).await.unwrap();
    let sticker = mm
        .sticker_print(&StickerPrint {
            print_as_pdf: None,
            shipments: vec![StickerShipment {
                shipment_id: sid.clone(),
                box_codes: vec![format!("12345*{sid}*1")],
                items: vec![],
            }],
        })
        .await
        .unwrap();
    assert_eq!(sticker.format, None);
    assert!(String::from_utf8_lossy(&sticker.bytes).contains(&format!("12345*{sid}*1")));
    // A box that was never packed is refused.
    let err = mm
        .sticker_print(&StickerPrint {
            print_as_pdf: Some(true),
            shipments: vec![StickerShipment {
                shipment_id: sid.clone(),
                box_codes: vec![format!("12345*{sid}*9")],
                items: vec![],
            }],
        })
        .await
        .unwrap_err();
    assert_eq!(err.api().unwrap().code.as_deref(), Some("BOX_NOT_FOUND"));
}

#[tokio::test]
async fn a_package_that_does_not_match_the_shipment_is_refused_before_sending() {
    let sandbox = Sandbox::start(SandboxConfig::default()).await;
    let sid = sandbox.add_shipment(NewShipment::fbs(&[("SKU-1", 2, 100), ("SKU-2", 1, 100)]));
    let mm = sandbox.client().unwrap();
    mm.confirm_order(&id(&sid)).await.unwrap();
    let too_many = mm
        .pack_order(
            &id(&sid),
            &[Package {
                items: vec![("SKU-1".into(), 3), ("SKU-2".into(), 1)],
            }],
        )
        .await
        .unwrap_err();
    assert!(too_many.to_string().contains("more units"), "{too_many}");
    let missing = mm
        .pack_order(
            &id(&sid),
            &[Package {
                items: vec![("SKU-1".into(), 2)],
            }],
        )
        .await
        .unwrap_err();
    assert!(missing.to_string().contains("in no package"), "{missing}");
    assert_eq!(
        sandbox
            .shell()
            .requests()
            .count("POST /api/market/v1/orderService/order/packing"),
        0
    );
    // Without the merchant id, no box code can be made.
    let anonymous = megamarket_api::Client::builder("sandbox-token")
        .base_url(sandbox.uri())
        .build()
        .unwrap();
    assert!(matches!(
        anonymous.pack_order(&id(&sid), &[]).await,
        Err(Error::Config(_))
    ));
}

#[tokio::test]
async fn refresh_reads_known_orders_in_chunks_and_skips_unknown_ones() {
    let sandbox = Sandbox::start(SandboxConfig::default()).await;
    let a = sandbox.add_shipment(NewShipment::fbs(&[("SKU-1", 1, 100)]));
    let b = sandbox.add_shipment(NewShipment::fbs(&[("SKU-2", 1, 100)]));
    let c = sandbox.add_shipment(NewShipment::dbs(&[("SKU-3", 1, 100)]));
    let mm = sandbox
        .client_builder()
        .quotas(megamarket_api::Quotas::default().order_get_max(2))
        .build()
        .unwrap();
    let read: Vec<_> = mm
        .refresh_orders(vec![id(&a), "GHOST".into(), id(&b), id(&c)])
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<OrderId> = read.iter().map(|o| o.id.clone()).collect();
    assert_eq!(ids, [id(&a), id(&b), id(&c)]);
    assert_eq!(
        sandbox
            .shell()
            .requests()
            .count("POST /api/market/v1/orderService/order/get"),
        2
    );
}

/// Shipping a confirmed shipment that was never packed packs it in one box first (the
/// conformance suite's order: confirm, ship, label).
#[tokio::test]
async fn ship_packs_a_confirmed_shipment_first_then_the_label_follows() {
    let sandbox = Sandbox::start(SandboxConfig::default()).await;
    let sid = sandbox.add_shipment(NewShipment::fbs(&[("SKU-1", 2, 100), ("SKU-2", 1, 50)]));
    let mm = sandbox.client().unwrap();
    mm.confirm_order(&id(&sid)).await.unwrap();
    mm.ship_order(&id(&sid)).await.unwrap();
    assert_eq!(
        mm.order(&id(&sid)).await.unwrap().status.lifecycle,
        Lifecycle::InDelivery
    );
    assert_eq!(sandbox.state().shipments[&sid].boxes.len(), 1);
    assert_eq!(
        sandbox
            .shell()
            .requests()
            .count("POST /api/market/v1/orderService/order/packing"),
        1
    );
    let label = mm.label(&id(&sid)).await.unwrap();
    assert_eq!(LabelFormat::sniff(&label.bytes), Some(LabelFormat::Pdf));
}

/// market-core's order importer over the emulator under injected faults (429, 5xx, cut
/// bodies, random ones): every shipment is imported exactly once.
#[tokio::test]
async fn every_shipment_is_imported_exactly_once_under_faults() {
    use market_core::helpers::{ImportKey, MemoryLinkStore, OrderImporter, OrderSink};
    use market_core::{LocalId, Order, OrderStatus};

    #[derive(Default)]
    struct Sink {
        created: Mutex<Vec<OrderId>>,
        keys: Mutex<Vec<(ImportKey, LocalId)>>,
    }
    #[async_trait::async_trait]
    impl OrderSink for Sink {
        async fn create(&self, order: &Order, key: &ImportKey) -> market_core::Result<LocalId> {
            let mut c = self.created.lock().unwrap();
            c.push(order.id.clone());
            let local = LocalId::new(format!("local-{}", c.len()));
            self.keys.lock().unwrap().push((key.clone(), local.clone()));
            Ok(local)
        }
        async fn find(&self, key: &ImportKey) -> market_core::Result<Option<LocalId>> {
            let keys = self.keys.lock().unwrap();
            Ok(keys.iter().find(|(k, _)| k == key).map(|(_, l)| l.clone()))
        }
        async fn status_changed(
            &self,
            _: &LocalId,
            _: &Order,
            _: &OrderStatus,
        ) -> market_core::Result<()> {
            Ok(())
        }
    }

    let plan = FaultPlan {
        schedule: vec![
            Some(Fault::ServerError),
            None,
            Some(Fault::CutBody),
            Some(Fault::EmptyOk),
            Some(Fault::ServerError),
        ],
        ..FaultPlan::random(0.0, 0.15, 0.1, 2026)
    };
    let sandbox = Sandbox::start(SandboxConfig {
        faults: plan,
        ..SandboxConfig::default()
    })
    .await;
    let now = chrono::Utc::now();
    for k in 0..60 {
        sandbox.add_shipment(
            NewShipment::fbs(&[("SKU-1", 1, 100)]).at(now - chrono::Duration::minutes(k * 7 + 1)),
        );
    }
    let mm = sandbox
        .client_builder()
        .retry(market_core::transport::RetryPolicy {
            max_attempts: 4,
            initial_delay: std::time::Duration::from_millis(2),
            max_delay: std::time::Duration::from_millis(10),
            max_elapsed: std::time::Duration::from_secs(20),
            jitter: false,
        })
        .without_rate_limits()
        .quotas(
            megamarket_api::Quotas::default()
                .order_search_count(20)
                .order_get_max(10),
        )
        .build()
        .unwrap();
    let importer = OrderImporter::new(MemoryLinkStore::new());
    let sink = Sink::default();
    let window = TimeWindow::last(chrono::Duration::days(1));
    let mut polls = 0;
    loop {
        polls += 1;
        let report = importer.import(&mm, window, &sink).await.unwrap();
        if report.stream_error.is_none() && report.failed.is_empty() {
            break;
        }
        assert!(polls < 30, "the import never completed: {report:?}");
    }
    assert!(sandbox.shell().faults().injected() >= 4);
    let created = sink.created.lock().unwrap();
    let distinct: std::collections::HashSet<&OrderId> = created.iter().collect();
    assert_eq!(
        distinct.len(),
        created.len(),
        "a shipment was imported twice"
    );
    assert_eq!(created.len(), 60, "every shipment was imported");
}
