//! The labels section against the spec snapshot: the label data decodes (strictly under
//! `strict`), requests match the spec, the page format enum equals the spec's, the PDF
//! answers become labels only when their bytes are a PDF, and Yandex Market's error body
//! reaches the error.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common::{
    assert_enum, assert_requests_match_spec, assert_responses_decode,
    assert_sparse_responses_decode, client, error_response, sent, serve, serve_with, spec,
};
use chrono::NaiveDate;
use market_core::{ApiErrorKind, Error, LabelFormat};
use serde_json::json;
use wiremock::ResponseTemplate;
use yandex_market_api::api::labels::*;
use yandex_market_api::limits::{self, Tier};
use yandex_market_api::models::labels::*;
use yandex_market_api::{BoxId, CampaignId, OrderId, ShipmentId};

const CAMPAIGN: CampaignId = CampaignId(21);

/// A small but real-looking PDF.
const PDF: &[u8] =
    b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n";

fn pdf() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_raw(PDF, "application/pdf")
}

#[test]
fn the_label_data_decodes() {
    assert_responses_decode::<GetOrderLabelsDataResponse>("getOrderLabelsData");
    assert_sparse_responses_decode::<GetOrderLabelsDataResponse>("getOrderLabelsData");
}

#[test]
fn the_page_format_equals_the_spec() {
    assert_enum(
        PageFormatType::KNOWN,
        spec().enum_values("PageFormatType"),
        "PageFormatType",
    );
    for op in ["generateOrderLabels", "generateOrderLabel"] {
        let format = spec()
            .parameters(op)
            .into_iter()
            .find(|p| p["name"] == "format")
            .unwrap();
        assert_eq!(format["in"], "query", "{op}");
        let (schema, name) = spec().resolve(&format["schema"]);
        assert_eq!(name, Some("PageFormatType"), "{op}");
        assert!(schema["enum"].is_array());
        // The answer is a PDF file.
        assert!(spec().response(op, "200")["content"]["application/pdf"].is_object());
    }
}

#[test]
fn operations_are_named_and_grouped_by_operation_id() {
    for op in [
        &ORDER_LABELS_GENERATE,
        &ORDER_LABEL_GENERATE,
        &ORDER_LABELS_DATA_GET,
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
        assert!(op.idempotent);
    }
}

#[tokio::test]
async fn the_labels_of_every_box_are_a_pdf() {
    let server = serve_with("generateOrderLabels", pdf()).await;
    let ym = client(&server);
    let label = ym
        .labels()
        .order_labels(CAMPAIGN, OrderId(123), Some(PageFormatType::A9Horizontally))
        .await
        .unwrap();
    assert_eq!(label.format, LabelFormat::Pdf);
    assert_eq!(label.order_id.as_str(), "123");
    assert_eq!(&label.bytes[..], PDF);
    ym.labels()
        .order_labels(CAMPAIGN, OrderId(123), None)
        .await
        .unwrap();
    let requests = sent(&server).await;
    assert_eq!(requests.len(), 2);
    assert_eq!(
        requests[0].0.url.path(),
        "/v2/campaigns/21/orders/123/delivery/labels"
    );
    assert_eq!(requests[0].0.url.query(), Some("format=A9_HORIZONTALLY"));
    assert_eq!(
        requests[1].0.url.query(),
        None,
        "no format: Yandex Market's A7"
    );
    assert!(requests.iter().all(|(r, _)| r.body.is_empty()));
    assert_requests_match_spec(&server, "generateOrderLabels").await;
}

#[tokio::test]
async fn the_label_of_one_box_is_a_pdf() {
    let server = serve_with("generateOrderLabel", pdf()).await;
    let ym = client(&server);
    let label = ym
        .labels()
        .box_label(
            CAMPAIGN,
            OrderId(123),
            ShipmentId(456),
            BoxId(789),
            Some(PageFormatType::A4),
        )
        .await
        .unwrap();
    assert_eq!(label.format, LabelFormat::Pdf);
    assert_eq!(label.order_id.as_str(), "123");
    assert_eq!(label.bytes.len(), PDF.len());
    let (r, _) = &sent(&server).await[0];
    assert_eq!(
        r.url.path(),
        "/v2/campaigns/21/orders/123/delivery/shipments/456/boxes/789/label"
    );
    assert_eq!(r.url.query(), Some("format=A4"));
    assert_requests_match_spec(&server, "generateOrderLabel").await;
}

#[tokio::test]
async fn an_answer_that_is_not_a_pdf_is_a_decode_error_not_a_label() {
    for (body, content_type) in [
        (&br#"{"status":"OK"}"#[..], "application/json"),
        (&b"<html>maintenance</html>"[..], "text/html"),
        (&b""[..], "application/pdf"),
        (&b"\x89PNG\r\n\x1a\n...."[..], "application/pdf"),
    ] {
        let server = serve_with(
            "generateOrderLabels",
            ResponseTemplate::new(200).set_body_raw(body, content_type),
        )
        .await;
        let err = client(&server)
            .labels()
            .order_labels(CAMPAIGN, OrderId(1), None)
            .await
            .unwrap_err();
        match &err {
            Error::Decode {
                operation, message, ..
            } => {
                assert_eq!(*operation, "order_labels_generate");
                assert!(message.contains("not a PDF"), "{message}");
                assert!(message.contains(content_type), "{message}");
            }
            other => panic!("{content_type}: {other}"),
        }
    }
    let server = serve_with(
        "generateOrderLabel",
        ResponseTemplate::new(200).set_body_raw(&b"not a pdf"[..], "application/pdf"),
    )
    .await;
    let err = client(&server)
        .labels()
        .box_label(CAMPAIGN, OrderId(1), ShipmentId(2), BoxId(3), None)
        .await
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Decode {
                operation: "order_label_generate",
                ..
            }
        ),
        "{err}"
    );
}

#[tokio::test]
async fn a_refused_label_carries_yandex_markets_code_and_message() {
    let server = serve_with(
        "generateOrderLabels",
        ResponseTemplate::new(400).set_body_json(json!({
            "status": "ERROR",
            "errors": [{"code": "ORDER_NOT_READY", "message": "boxes are not laid out yet"}]
        })),
    )
    .await;
    let err = client(&server)
        .labels()
        .order_labels(CAMPAIGN, OrderId(1), None)
        .await
        .unwrap_err();
    let api = err.api().expect("an API error");
    assert_eq!(api.status, 400);
    assert_eq!(api.kind, ApiErrorKind::BadRequest);
    assert_eq!(api.code.as_deref(), Some("ORDER_NOT_READY"));
    assert!(
        api.message.contains("boxes are not laid out yet"),
        "{}",
        api.message
    );

    let server = serve_with(
        "getOrderLabelsData",
        error_response("getOrderLabelsData", 403),
    )
    .await;
    let err = client(&server)
        .labels()
        .labels_data(CAMPAIGN, OrderId(1))
        .await
        .unwrap_err();
    assert_eq!(err.api().unwrap().kind, ApiErrorKind::Forbidden);
}

#[tokio::test]
async fn the_label_data_is_typed() {
    let server = serve(
        "getOrderLabelsData",
        json!({"status": "OK", "result": {
            "orderId": 7206821,
            "placesNumber": 2,
            "url": "https://api.partner.market.yandex.ru/v2/campaigns/21/orders/7206821/delivery/labels",
            "parcelBoxLabels": [{
                "url": "https://api.partner.market.yandex.ru/v2/campaigns/21/orders/7206821/delivery/shipments/1/boxes/11/label",
                "supplierName": "ООО Ромашка",
                "deliveryServiceName": "Яндекс Маркет",
                "orderId": 7206821,
                "orderNum": "A-100",
                "recipientName": "Иванов И. И.",
                "boxId": 11,
                "fulfilmentId": "7206821-1",
                "place": "1/2",
                "weight": "1.25 кг",
                "deliveryServiceId": "106",
                "deliveryAddress": "Москва, ул. Льва Толстого, 16",
                "shipmentDate": "03.05.2024"
            }, {
                "url": "https://api.partner.market.yandex.ru/v2/campaigns/21/orders/7206821/delivery/shipments/1/boxes/12/label",
                "supplierName": "ООО Ромашка",
                "deliveryServiceName": "Яндекс Маркет",
                "orderId": 7206821,
                "orderNum": "A-100",
                "recipientName": "Иванов И. И.",
                "boxId": 12,
                "fulfilmentId": "7206821-2",
                "place": "2/2",
                "weight": "1.25 кг",
                "deliveryServiceId": "106"
            }]
        }}),
    )
    .await;
    let data = client(&server)
        .labels()
        .labels_data(CAMPAIGN, OrderId(7206821))
        .await
        .unwrap();
    assert_eq!(data.order_id, OrderId(7206821));
    assert_eq!(data.places_number, 2);
    let boxes: Vec<(BoxId, &str)> = data
        .parcel_box_labels
        .iter()
        .map(|b| (b.box_id, b.place.as_str()))
        .collect();
    assert_eq!(boxes, [(BoxId(11), "1/2"), (BoxId(12), "2/2")]);
    let first = &data.parcel_box_labels[0];
    assert_eq!(first.fulfilment_id, "7206821-1");
    assert_eq!(first.shipment_day(), NaiveDate::from_ymd_opt(2024, 5, 3));
    assert_eq!(data.parcel_box_labels[1].shipment_day(), None);
    assert_eq!(data.parcel_box_labels[1].delivery_address, None);
    let (r, _) = &sent(&server).await[0];
    assert_eq!(
        r.url.path(),
        "/v2/campaigns/21/orders/7206821/delivery/labels/data"
    );
    assert_requests_match_spec(&server, "getOrderLabelsData").await;

    // No result is an error, not empty data.
    let server = serve("getOrderLabelsData", json!({"status": "OK"})).await;
    let err = client(&server)
        .labels()
        .labels_data(CAMPAIGN, OrderId(1))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Decode { .. }), "{err}");
}

#[tokio::test]
async fn bad_ids_are_refused_before_sending() {
    let server = serve_with("generateOrderLabels", pdf()).await;
    let ym = client(&server);
    assert!(matches!(
        ym.labels()
            .order_labels(CampaignId(0), OrderId(1), None)
            .await,
        Err(Error::Validation { .. })
    ));
    assert!(matches!(
        ym.labels().order_labels(CAMPAIGN, OrderId(0), None).await,
        Err(Error::Validation { .. })
    ));
    assert!(matches!(
        ym.labels().labels_data(CAMPAIGN, OrderId(-1)).await,
        Err(Error::Validation { .. })
    ));
    assert!(sent(&server).await.is_empty());
}
