//! Contract tests of the prices section against the Ozon spec snapshot.

use crate::common::*;
use futures::TryStreamExt;
use market_core::RejectionStage;
use ozon_api::ProductId;
use ozon_api::models::prices::*;
use rust_decimal::Decimal;
use serde_json::{Value, json};
use wiremock::{Mock, MockServer, Request as WireRequest, Respond, ResponseTemplate};

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

#[test]
fn responses_decode_strictly() {
    assert_responses_decode::<ImportPricesResponse>("/v1/product/import/prices");
    assert_responses_decode::<PricesInfoResponse>("/v5/product/info/prices");
}

#[test]
fn enums_match_the_spec() {
    let s = spec();
    for field in [
        "auto_action_enabled",
        "auto_add_to_ozon_actions_list_enabled",
        "price_strategy_enabled",
    ] {
        assert_enum(
            PriceToggle::KNOWN,
            s.property_enum("productImportProductsPricesRequestPrice", field),
            field,
        );
    }
    assert_enum(
        PricesVisibility::KNOWN,
        s.enum_values("productv5GetProductListRequestFilterFilterVisibility"),
        "visibility",
    );
    assert_enum(
        ColorIndex::KNOWN,
        s.property_enum(
            "GetProductInfoPricesResponseItemPriceIndexes",
            "color_index",
        ),
        "color_index",
    );
}

#[test]
fn the_vendor_request_examples_round_trip() {
    let p = "/v1/product/import/prices";
    let ex = spec().request_example(p).unwrap();
    let req: ImportPricesRequest = decode(p, "request example", &ex);
    assert_eq!(serde_json::to_value(&req).unwrap(), ex);
    assert_eq!(req.prices[0].price, dec("1448"));
    assert_eq!(req.prices[0].vat, Some(dec("0.1")));

    let p = "/v5/product/info/prices";
    let mut ex = spec().request_example(p).unwrap();
    let req: PricesInfoRequest = decode(p, "request example", &ex);
    // An empty cursor (the first page) is not sent.
    ex.as_object_mut().unwrap().remove("cursor");
    assert_eq!(serde_json::to_value(&req).unwrap(), ex);
}

#[test]
fn every_price_field_is_sent_as_the_spec_types_it() {
    let item = ImportPricesRequestPrice::by_offer("PH8865", dec("1448.50"))
        .with_old_price(dec("1600"))
        .with_min_price(dec("800"))
        .with_net_price(dec("650"))
        .with_currency("RUB")
        .with_vat(dec("0.2"))
        .with_auto_action(PriceToggle::Enabled)
        .with_auto_add_to_ozon_actions(PriceToggle::Disabled)
        .with_price_strategy(PriceToggle::Unchanged)
        .with_min_price_for_auto_actions(true)
        .with_elastic_boosting(false)
        .with_quant_size(1);
    let body = serde_json::to_value(ImportPricesRequest { prices: vec![item] }).unwrap();
    let problems = spec().check_request("/v1/product/import/prices", &body);
    assert!(problems.is_empty(), "{problems:#?}");
    let p = &body["prices"][0];
    assert_eq!(p["price"], "1448.50");
    assert_eq!(p["old_price"], "1600");
    assert_eq!(p["vat"], "0.2");
    assert_eq!(p["auto_action_enabled"], "ENABLED");
    assert_eq!(p["price_strategy_enabled"], "UNKNOWN");
    // Every field of the item schema is modelled.
    let schema = spec().schema("productImportProductsPricesRequestPrice")["properties"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect::<Vec<_>>();
    let mut with_product = p.clone();
    with_product["product_id"] = json!(1386);
    let sent: Vec<String> = with_product.as_object().unwrap().keys().cloned().collect();
    assert_eq!(sent, schema);
}

/// Answers a price update per item: offers starting with "BAD" get Ozon's error, the rest are
/// updated. Items sent by product id come back with an article Ozon knows.
struct PriceUpdates;

impl Respond for PriceUpdates {
    fn respond(&self, request: &WireRequest) -> ResponseTemplate {
        let body: Value = serde_json::from_slice(&request.body).unwrap();
        let result: Vec<Value> = body["prices"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                let offer = p["offer_id"].as_str().unwrap_or("KNOWN-BY-OZON");
                let bad = offer.starts_with("BAD");
                json!({
                    "offer_id": offer,
                    "product_id": p.get("product_id").cloned().unwrap_or(json!(777)),
                    "updated": !bad,
                    "errors": if bad {
                        json!([{"code": "action_price_enabled_min_price_missing", "message": "set min_price first"}])
                    } else {
                        json!([])
                    },
                })
            })
            .collect();
        ResponseTemplate::new(200).set_body_json(json!({ "result": result }))
    }
}

#[tokio::test]
async fn price_update_splits_at_1000_validates_and_reports_vendor_errors() {
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::path("/v1/product/import/prices"))
        .respond_with(PriceUpdates)
        .mount(&server)
        .await;
    let ozon = client(&server);
    let mut items: Vec<_> = (0..2498)
        .map(|i| ImportPricesRequestPrice::by_offer(format!("OFFER-{i}"), dec("480.50")))
        .collect();
    items.push(
        ImportPricesRequestPrice::by_offer("BAD-1", dec("1000"))
            .with_auto_action(PriceToggle::Enabled),
    );
    items.push(ImportPricesRequestPrice::by_product(1386, dec("1448")).with_old_price(dec("0")));
    // Invalid: rejected locally.
    items.push(ImportPricesRequestPrice::by_offer("", dec("100")));
    items.push(ImportPricesRequestPrice::by_offer("ZERO", dec("0")));
    items.push(ImportPricesRequestPrice::by_offer("OLD", dec("100")).with_old_price(dec("100")));
    items.push(ImportPricesRequestPrice::by_offer("MIN", dec("100")).with_min_price(dec("100.01")));
    let report = ozon.prices().update(items).await.unwrap();

    let requests = sent(&server).await;
    let sizes: Vec<usize> = requests
        .iter()
        .map(|(_, b)| b["prices"].as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, [1000, 1000, 500]);
    assert_requests_match_spec(&server, "/v1/product/import/prices").await;
    assert_eq!(requests[0].1["prices"][0]["price"], "480.50");
    assert_eq!(requests[2].1["prices"][499]["old_price"], "0");

    assert_eq!(report.len(), 2504);
    assert_eq!(report.accepted.len(), 2499);
    let rejected: Vec<(String, RejectionStage, Option<String>)> = report
        .rejected
        .iter()
        .map(|r| (r.key.to_string(), r.stage, r.code.clone()))
        .collect();
    let validation = |k: &str| {
        (
            k.to_owned(),
            RejectionStage::Validation,
            Some("validation".to_owned()),
        )
    };
    for key in [
        "unidentified product",
        "offer ZERO",
        "offer OLD",
        "offer MIN",
    ] {
        assert!(rejected.contains(&validation(key)), "{key}: {rejected:?}");
    }
    let min = report
        .rejected
        .iter()
        .find(|r| r.key.offer_id.as_deref() == Some("MIN"))
        .unwrap();
    assert_eq!(min.message, "min_price 100.01 is above price 100");
    let bad = report
        .rejected
        .iter()
        .find(|r| r.key.offer_id.as_deref() == Some("BAD-1"))
        .unwrap();
    assert_eq!(bad.stage, RejectionStage::Vendor);
    assert_eq!(
        bad.code.as_deref(),
        Some("action_price_enabled_min_price_missing")
    );
    assert_eq!(
        bad.message,
        "action_price_enabled_min_price_missing: set min_price first"
    );
    // Sent by product id, answered with an article: matched back by product id.
    assert!(
        report
            .accepted
            .iter()
            .any(|k| k.product_id == Some(ProductId(1386)))
    );
}

#[test]
fn local_price_rules() {
    let ok = ImportPricesRequestPrice::by_offer("A", dec("100"));
    assert!(ozon_api::api::prices::validate_price(&ok).is_ok());
    assert!(ozon_api::api::prices::validate_price(&ok.clone().with_old_price(dec("0"))).is_ok());
    assert!(ozon_api::api::prices::validate_price(&ok.clone().with_old_price(dec("120"))).is_ok());
    assert!(ozon_api::api::prices::validate_price(&ok.clone().with_min_price(dec("100"))).is_ok());
    assert!(ozon_api::api::prices::validate_price(&ok.clone().with_old_price(dec("99"))).is_err());
    assert!(ozon_api::api::prices::validate_price(&ok.clone().with_min_price(dec("-1"))).is_err());
    assert!(ozon_api::api::prices::validate_price(&ok.clone().with_net_price(dec("-1"))).is_err());
    assert!(
        ozon_api::api::prices::validate_price(&ImportPricesRequestPrice::by_offer("A", dec("-5")))
            .is_err()
    );
    assert!(
        ozon_api::api::prices::validate_price(&ImportPricesRequestPrice::by_product(0, dec("5")))
            .is_err()
    );
}

#[tokio::test]
async fn price_info_pages_by_cursor_and_reads_money_exactly() {
    let server = MockServer::start().await;
    let item = |o: &str, price: Value| {
        json!({
            "offer_id": o,
            "product_id": "243686911",
            "acquiring": 3,
            "commissions": {"sales_percent_fbo": 15, "sales_percent_rfbs": 17.5, "fbs_deliv_to_customer_amount": "60.5"},
            "marketing_actions": {
                "actions": [{"date_from": "2024-12-13T06:49:37.591Z", "date_to": "2024-12-20T00:00:00Z", "title": "Sale", "value": 12}],
                "current_period_from": "2024-12-13T06:49:37.591Z",
                "current_period_to": null,
                "ozon_actions_exist": true
            },
            "price": {"price": price, "old_price": 579, "currency_code": "RUB", "vat": 0.2, "auto_action_enabled": true},
            "price_indexes": {"color_index": "GREEN", "ozon_index_data": {"min_price": 450.1, "min_price_currency": "RUB", "price_index_value": 0.9}},
            "volume_weight": 0.5
        })
    };
    Mock::given(wiremock::matchers::body_string_contains(
        "\"cursor\":\"c2\"",
    ))
    .respond_with(
        ResponseTemplate::new(200)
            .set_body_json(json!({"cursor": "", "items": [item("C", json!(0.1))], "total": 3})),
    )
    .mount(&server)
    .await;
    Mock::given(wiremock::matchers::path("/v5/product/info/prices"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({
            "cursor": "c2",
            "items": [item("A", json!("480.000000")), item("B", json!(499.99))],
            "total": 3
        })))
        .mount(&server)
        .await;
    let ozon = client(&server);
    let filter = PricesFilter {
        product_id: vec![ProductId(243686911)],
        visibility: Some(PricesVisibility::All),
        ..Default::default()
    };
    let items: Vec<_> = ozon
        .prices()
        .info_stream(filter)
        .try_collect()
        .await
        .unwrap();
    let offers: Vec<&str> = items.iter().map(|i| i.offer_id.as_str()).collect();
    assert_eq!(offers, ["A", "B", "C"]);
    assert_eq!(items[0].price.price, dec("480"));
    assert_eq!(items[1].price.price, dec("499.99"));
    assert_eq!(items[2].price.price, dec("0.1"));
    assert_eq!(items[0].price.old_price, dec("579"));
    assert_eq!(items[0].price.vat, dec("0.2"));
    assert_eq!(items[0].product_id, ProductId(243686911));
    assert_eq!(
        items[0].commissions.fbs_deliv_to_customer_amount,
        dec("60.5")
    );
    assert_eq!(items[0].price_indexes.color_index, Some(ColorIndex::Green));
    assert_eq!(
        items[0].price_indexes.ozon_index_data.min_price,
        dec("450.1")
    );
    assert_eq!(items[0].commissions.sales_percent_rfbs, dec("17.5"));
    let action = &items[0].marketing_actions.actions[0];
    assert_eq!(action.value, dec("12"));
    assert_eq!(
        action.date_to.unwrap().to_rfc3339(),
        "2024-12-20T00:00:00+00:00"
    );
    assert_eq!(items[0].marketing_actions.current_period_to, None);

    let requests = sent(&server).await;
    assert_eq!(requests.len(), 2);
    assert_eq!(requests[0].1["limit"], 1000);
    assert_eq!(requests[0].1["filter"]["product_id"][0], "243686911");
    assert_eq!(requests[1].1["cursor"], "c2");
    assert_requests_match_spec(&server, "/v5/product/info/prices").await;
}

#[tokio::test]
async fn a_bad_price_info_limit_is_rejected_before_sending() {
    let server = MockServer::start().await;
    let ozon = client(&server);
    for limit in [0, 1001] {
        let err = ozon
            .prices()
            .info(&PricesInfoRequest {
                limit,
                ..Default::default()
            })
            .await
            .unwrap_err();
        assert!(matches!(err, market_core::Error::Validation { .. }));
    }
    assert!(sent(&server).await.is_empty());
}
