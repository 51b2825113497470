//! Contract tests of the products section against the Ozon spec snapshot.

use std::sync::atomic::{AtomicI64, Ordering};

use crate::common::*;
use chrono::{TimeZone, Utc};
use futures::TryStreamExt;
use market_core::RejectionStage;
use ozon_api::ids::{
    AttributeId, DescriptionCategoryId, DictionaryValueId, ImportTaskId, ProductId, Sku, TypeId,
};
use ozon_api::models::products::*;
use rust_decimal::Decimal;
use serde_json::{Value, json};
use wiremock::matchers::{body_partial_json, path};
use wiremock::{Mock, MockServer, Request as WireRequest, Respond, ResponseTemplate};

const LIST: &str = "/v3/product/list";
const INFO_LIST: &str = "/v3/product/info/list";
const IMPORT: &str = "/v3/product/import";
const IMPORT_INFO: &str = "/v1/product/import/info";
const ATTRIBUTES_UPDATE: &str = "/v1/product/attributes/update";
const PICTURES: &str = "/v1/product/pictures/import";
const ARCHIVE: &str = "/v1/product/archive";
const UNARCHIVE: &str = "/v1/product/unarchive";
const DELETE: &str = "/v2/products/delete";
const LIMIT: &str = "/v4/product/info/limit";

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

#[test]
fn responses_decode_strictly() {
    assert_responses_decode::<ProductListResponse>(LIST);
    assert_responses_decode::<ProductImportResponse>(IMPORT);
    assert_responses_decode::<ImportInfoResponse>(IMPORT_INFO);
    assert_responses_decode::<UpdateAttributesResponse>(ATTRIBUTES_UPDATE);
    assert_responses_decode::<ImportPicturesResponse>(PICTURES);
    assert_responses_decode::<BooleanResponse>(ARCHIVE);
    assert_responses_decode::<BooleanResponse>(UNARCHIVE);
    assert_responses_decode::<DeleteProductsResponse>(DELETE);
    assert_responses_decode::<UploadQuotaResponse>(LIMIT);
}

/// Ozon's 2026-06 example of `/v3/product/info/list` breaks its own schema (a VAT in percent
/// and enum values the schema does not list): it is read leniently, in strict mode too, with
/// the values it shows.
#[test]
fn the_product_info_example_decodes_with_its_values() {
    let s = spec();
    let ex = s.response_example(INFO_LIST).unwrap();
    // The example really is outside the schema's enums: this is why those fields are lenient.
    let item = &ex["items"][0];
    assert_eq!(item["vat"], "20%");
    for (value, schema) in [
        (
            &item["price_indexes"]["color_index"],
            "PriceIndexesColorIndex",
        ),
        (
            &item["promotions"][0]["type"],
            "v3GetProductInfoListResponsePromotionType",
        ),
        (&item["sources"][0]["shipment_type"], "SourceShipmentType"),
        (&item["errors"][0]["level"], "ErrorErrorLevel"),
    ] {
        let v = value.as_str().unwrap();
        assert!(!s.enum_values(schema).contains(v), "{schema}: {v}");
    }
    let r: ProductInfoListResponse = decode(INFO_LIST, "vendor example", &ex);
    let p = &r.items[0];
    assert_eq!(p.id, ProductId(100001));
    assert_eq!(p.offer_id, "OFFER_123456789");
    assert_eq!(p.price, Some(dec("1299.99")));
    assert_eq!(p.old_price, Some(dec("1499.99")));
    assert_eq!(p.min_price, Some(dec("999.99")));
    assert_eq!(p.vat, Some(dec("0.2")));
    assert_eq!(
        p.price_indexes.color_index,
        Some(ColorIndex::Unknown("RED".into()))
    );
    assert_eq!(p.availabilities[0].sku, Sku(987654321));
    assert_eq!(p.availabilities[0].reasons[0].id, 12345);
    assert_eq!(
        p.availabilities[0].reasons[0].human_text.text,
        "Товар доступен на складе"
    );
    assert_eq!(p.commissions[0].value, dec("200"));
    assert_eq!(
        p.created_at,
        Utc.with_ymd_and_hms(2023, 1, 15, 10, 30, 0).unwrap()
    );
}

/// The money fields of `/v3/product/info/list` are plain strings in the spec; the maximal
/// instance fills them with a word, which no decimal decoder takes. They are given numbers
/// here, and the unpatched instance is shown to fail exactly on them.
#[test]
fn product_info_decodes_strictly_with_money_as_decimals() {
    let s = spec();
    let max = s.maximal(s.response_schema(INFO_LIST));
    let err = market_core::transport::decode_json::<ProductInfoListResponse>(
        "ozon",
        "contract",
        &serde_json::to_vec(&max).unwrap(),
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("min_price"),
        "the first money field is the one refused: {err}"
    );

    let mut patched = max.clone();
    let item = &mut patched["items"][0];
    assert!(
        item.get("marketing_price").is_none(),
        "marketing_price left the spec in 2026"
    );
    for f in ["min_price", "old_price", "price"] {
        assert_eq!(item[f], "text", "{f} is a plain string in the spec");
        item[f] = json!("1234.50");
    }
    item["vat"] = json!("0.2");
    for idx in [
        "external_index_data",
        "ozon_index_data",
        "self_marketplaces_index_data",
    ] {
        item["price_indexes"][idx]["minimal_price"] = json!("99.90");
    }
    let r: ProductInfoListResponse = decode(INFO_LIST, "maximal instance", &patched);
    let p = &r.items[0];
    assert_eq!(p.price, Some(dec("1234.50")));
    assert_eq!(p.vat, Some(dec("0.2")));
    assert_eq!(p.commissions[0].percent, dec("12.5"));
    assert_eq!(
        p.price_indexes.ozon_index_data.minimal_price,
        Some(dec("99.90"))
    );
    assert_eq!(p.price_indexes.color_index, Some(ColorIndex::Unspecified));
    assert_eq!(p.availabilities.len(), 1);
    assert_eq!(
        p.created_at,
        Utc.with_ymd_and_hms(2026, 11, 23, 10, 15, 30).unwrap()
    );
}

#[test]
fn enums_match_the_spec() {
    let s = spec();
    assert_enum(
        ProductVisibility::KNOWN,
        s.enum_values("productv3GetProductListRequestFilterFilterVisibility"),
        "product list visibility",
    );
    assert_enum(
        ProductErrorLevel::KNOWN,
        s.enum_values("ErrorErrorLevel"),
        "ErrorErrorLevel",
    );
    assert_enum(
        ColorIndex::KNOWN,
        s.enum_values("PriceIndexesColorIndex"),
        "PriceIndexesColorIndex",
    );
    assert_enum(
        ProductPromotionType::KNOWN,
        s.enum_values("v3GetProductInfoListResponsePromotionType"),
        "info promotion type",
    );
    assert_enum(
        SourceShipmentType::KNOWN,
        s.enum_values("SourceShipmentType"),
        "SourceShipmentType",
    );
    assert_enum(
        ServiceType::KNOWN,
        s.enum_values("v3ServiceType"),
        "v3ServiceType",
    );
    assert_enum(
        PromotionOperation::KNOWN,
        s.property_enum("ImportProductRequestPromotion", "operation"),
        "import promotion operation",
    );
    assert_enum(
        ImportPromotionType::KNOWN,
        s.property_enum("ImportProductRequestPromotion", "type"),
        "import promotion type",
    );
}

#[test]
fn enums_the_spec_gives_only_in_prose_are_plain_strings_there() {
    // Units, currency and import status are typed `string` without an enum: if the spec ever
    // adds one, the wire enums above must be checked against it.
    let item = spec().schema("v3ImportProductsRequestItem");
    for f in ["dimension_unit", "weight_unit", "currency_code", "vat"] {
        assert_eq!(item["properties"][f], json!({"type": "string"}), "{f}");
    }
    let status = &spec().schema("GetImportProductsInfoResponseResultItem")["properties"]["status"];
    assert_eq!(status, &json!({"type": "string"}));
    assert_eq!(DimensionUnit::KNOWN, ["mm", "cm", "in"]);
    assert_eq!(WeightUnit::KNOWN, ["g", "kg", "lb"]);
    assert_eq!(
        ImportItemStatus::KNOWN,
        ["pending", "imported", "failed", "skipped"]
    );
}

#[test]
fn the_vendor_request_examples_round_trip() {
    let ex = spec().request_example(LIST).unwrap();
    let req: ProductListRequest = decode(LIST, "request example", &ex);
    assert_eq!(req.filter.product_id, [ProductId(223681945)]);
    // `last_id: ""` is left out; the rest is as the vendor writes it.
    let mut expected = ex.clone();
    expected.as_object_mut().unwrap().remove("last_id");
    assert_eq!(serde_json::to_value(&req).unwrap(), expected);

    let ex = spec().request_example(DELETE).unwrap();
    let req: DeleteProductsRequest = decode(DELETE, "request example", &ex);
    assert_eq!(serde_json::to_value(&req).unwrap(), ex);

    // The archive example writes ids as strings while the schema says integer: they are read,
    // and sent as numbers (what the schema asks for).
    let ex = spec().request_example(ARCHIVE).unwrap();
    let req: ArchiveRequest = decode(ARCHIVE, "request example", &ex);
    assert_eq!(req.product_id, [ProductId(125529926), ProductId(987654321)]);
    let sent = serde_json::to_value(&req).unwrap();
    assert_eq!(sent, json!({"product_id": [125529926, 987654321]}));
    assert!(spec().check_request(ARCHIVE, &sent).is_empty());
}

#[test]
fn list_quants_are_read_as_one_object_or_a_list() {
    // The 2026-06 schema types `quants` as a list (the 2025-09 one as one object): both read.
    assert_eq!(
        spec().schema("productv3GetProductListResponseItem")["properties"]["quants"]["type"],
        "array"
    );
    let one: ProductListItem =
        serde_json::from_value(json!({"quants": {"quant_code": "q1", "quant_size": 5}})).unwrap();
    let many: ProductListItem = serde_json::from_value(
        json!({"quants": [{"quant_code": "q1", "quant_size": 5}, {"quant_code": "q2", "quant_size": 10}]}),
    )
    .unwrap();
    assert_eq!(one.quants.len(), 1);
    assert_eq!(many.quants[1].quant_size, 10);
    let none: ProductListItem = serde_json::from_value(json!({"quants": null})).unwrap();
    assert!(none.quants.is_empty());
}

fn list_items(offers: &[&str]) -> Value {
    Value::Array(
        offers
            .iter()
            .enumerate()
            .map(|(i, o)| {
                json!({"archived": false, "has_fbo_stocks": true, "has_fbs_stocks": false,
                       "is_discounted": false, "offer_id": o, "product_id": 1000 + i as i64,
                       "quants": []})
            })
            .collect(),
    )
}

#[tokio::test]
async fn product_list_pages_by_last_id_to_the_end() {
    let server = MockServer::start().await;
    Mock::given(body_partial_json(json!({"last_id": "cDI="})))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"result": {"items": list_items(&["C"]), "last_id": "cDM=", "total": 3}}),
        ))
        .mount(&server)
        .await;
    Mock::given(body_partial_json(json!({"last_id": "cDM="})))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"result": {"items": [], "last_id": "", "total": 3}})),
        )
        .mount(&server)
        .await;
    Mock::given(path(LIST))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!({"result": {"items": list_items(&["A", "B"]), "last_id": "cDI=", "total": 3}}),
        ))
        .mount(&server)
        .await;
    let ozon = client(&server);
    let all: Vec<ProductListItem> = ozon
        .products()
        .list_stream(ProductListFilter::visibility(ProductVisibility::Visible))
        .try_collect()
        .await
        .unwrap();
    let offers: Vec<&str> = all.iter().map(|p| p.offer_id.as_str()).collect();
    assert_eq!(offers, ["A", "B", "C"]);
    assert_eq!(all[1].product_id, ProductId(1001));
    assert!(all[0].has_fbo_stocks);

    let requests = sent(&server).await;
    assert_eq!(requests.len(), 3, "stops at the empty page");
    let last_ids: Vec<Value> = requests
        .iter()
        .map(|(_, b)| b.get("last_id").cloned().unwrap_or(Value::Null))
        .collect();
    assert_eq!(last_ids, [json!(null), json!("cDI="), json!("cDM=")]);
    for (_, b) in &requests {
        assert_eq!(b["limit"], 1000);
        assert_eq!(b["filter"], json!({"visibility": "VISIBLE"}));
    }
    assert_requests_match_spec(&server, LIST).await;
}

#[tokio::test]
async fn product_list_sends_product_ids_as_strings_and_checks_the_filter() {
    let server = serve(LIST, spec().response_example(LIST).unwrap()).await;
    let ozon = client(&server);
    let page = ozon
        .products()
        .list(&ProductListRequest {
            filter: ProductListFilter::product_ids([223681945]),
            last_id: String::new(),
            limit: 100,
        })
        .await
        .unwrap();
    // The 2026-06 example: one product, no quants (a list now).
    assert_eq!(page.items[0].product_id, ProductId(3397917680));
    assert_eq!(page.items[0].offer_id, "2026-01-13 16:56:03 PDF");
    assert!(page.items[0].quants.is_empty());
    assert_eq!(page.last_id, "WzMzOTc5MTc2ODAsMzM5NzkxNzY4MF0=");
    assert_eq!(page.total, 1);
    assert_eq!(
        sent(&server).await[0].1["filter"]["product_id"],
        json!(["223681945"])
    );
    assert_requests_match_spec(&server, LIST).await;

    let both = ProductListRequest {
        filter: ProductListFilter {
            offer_id: vec!["A".into()],
            product_id: vec![ProductId(1)],
            visibility: None,
        },
        last_id: String::new(),
        limit: 10,
    };
    assert!(matches!(
        ozon.products().list(&both).await.unwrap_err(),
        market_core::Error::Validation { .. }
    ));
    let too_big = ProductListRequest {
        limit: 1001,
        ..Default::default()
    };
    assert!(ozon.products().list(&too_big).await.is_err());
    assert_eq!(sent(&server).await.len(), 1);
}

/// Answers product info with one item per id asked for.
struct InfoByIds;

impl Respond for InfoByIds {
    fn respond(&self, request: &WireRequest) -> ResponseTemplate {
        let body: Value = serde_json::from_slice(&request.body).unwrap();
        let mut items = Vec::new();
        for o in body["offer_id"].as_array().into_iter().flatten() {
            items.push(
                json!({"offer_id": o, "id": 1, "price": "1000.50", "old_price": "",
                              "created_at": "2025-01-15T08:30:00.123Z", "vat": "0.200000"}),
            );
        }
        for s in body["sku"].as_array().into_iter().flatten() {
            let sku: i64 = s.as_str().unwrap().parse().unwrap();
            items.push(
                json!({"offer_id": format!("S{sku}"), "sku": sku, "price": 480,
                              "min_price": "480.000000"}),
            );
        }
        ResponseTemplate::new(200).set_body_json(json!({"items": items}))
    }
}

#[tokio::test]
async fn info_list_splits_over_1000_one_kind_a_request_and_concatenates() {
    let server = MockServer::start().await;
    Mock::given(path(INFO_LIST))
        .respond_with(InfoByIds)
        .mount(&server)
        .await;
    let ozon = client(&server);
    let mut request = ProductInfoListRequest::offer_ids((0..1500).map(|i| format!("OF-{i}")));
    request.sku = vec![Sku(1826363), Sku(1826364)];
    let items = ozon.products().info_list(request).await.unwrap();
    assert_eq!(items.len(), 1502);
    assert_eq!(items[0].offer_id, "OF-0");
    assert_eq!(items[0].price, Some(dec("1000.50")));
    assert_eq!(items[0].old_price, None, "an empty price is no price");
    assert_eq!(items[0].vat, Some(dec("0.2")));
    assert_eq!(
        items[0].created_at,
        Utc.with_ymd_and_hms(2025, 1, 15, 8, 30, 0).unwrap() + chrono::Duration::milliseconds(123)
    );
    assert_eq!(items[1501].sku, Sku(1826364));
    assert_eq!(items[1501].price, Some(dec("480")));
    assert_eq!(items[1501].min_price, Some(dec("480")));

    let requests = sent(&server).await;
    let shape: Vec<(usize, usize)> = requests
        .iter()
        .map(|(_, b)| {
            (
                b.get("offer_id").map_or(0, |v| v.as_array().unwrap().len()),
                b.get("sku").map_or(0, |v| v.as_array().unwrap().len()),
            )
        })
        .collect();
    assert_eq!(shape, [(1000, 0), (500, 0), (0, 2)]);
    assert_eq!(requests[2].1["sku"], json!(["1826363", "1826364"]));
    assert_requests_match_spec(&server, INFO_LIST).await;
}

#[tokio::test]
async fn info_list_of_nothing_sends_nothing_and_bad_ids_are_refused() {
    let server = MockServer::start().await;
    let ozon = client(&server);
    assert!(
        ozon.products()
            .info_list(ProductInfoListRequest::default())
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        ozon.products()
            .info_list(ProductInfoListRequest::skus([Sku(0)]))
            .await
            .is_err()
    );
    assert!(
        ozon.products()
            .info_list(ProductInfoListRequest::offer_ids([" "]))
            .await
            .is_err()
    );
    assert!(sent(&server).await.is_empty());
}

fn card(offer: &str) -> ProductImportItem {
    ProductImportItem::new(
        offer,
        format!("Комплект защитных плёнок {offer}"),
        17028922,
        91565,
        dec("1000.50"),
    )
    .with_old_price(dec("1100"))
    .with_vat(dec("0.10"))
    .with_currency(CurrencyCode::Rub)
    .with_dimensions(10, 150, 250, DimensionUnit::Millimetres)
    .with_weight(100, WeightUnit::Grams)
    .with_barcode("112772873170")
    .with_images(["https://cdn.example/1.jpg"])
    .with_attribute(ProductAttribute::dictionary(85, 5060050, "Samsung"))
    .with_attribute(ProductAttribute::text(9048, "X3 NFC"))
}

/// Answers each import with the next task id.
struct Tasks(AtomicI64);

impl Respond for Tasks {
    fn respond(&self, _: &WireRequest) -> ResponseTemplate {
        let id = self.0.fetch_add(1, Ordering::SeqCst);
        ResponseTemplate::new(200).set_body_json(json!({"result": {"task_id": id}}))
    }
}

#[tokio::test]
async fn import_splits_250_cards_into_3_tasks_and_names_local_rejections() {
    let server = MockServer::start().await;
    Mock::given(path(IMPORT))
        .respond_with(Tasks(AtomicI64::new(172549793)))
        .mount(&server)
        .await;
    let ozon = client(&server);
    let mut items: Vec<ProductImportItem> = (0..250).map(|i| card(&format!("OF-{i}"))).collect();
    let mut no_name = card("NO-NAME");
    no_name.name = "  ".into();
    let mut no_price = card("NO-PRICE");
    no_price.price = None;
    let mut flat = card("FLAT");
    flat.height = Some(0);
    let mut feather = card("FEATHER");
    feather.weight = Some(-1);
    let mut no_unit = card("NO-UNIT");
    no_unit.weight_unit = None;
    items.insert(17, no_name);
    items.extend([no_price, flat, feather, no_unit, card("")]);

    let submission = ozon.products().import(items).await.unwrap();

    let requests = sent(&server).await;
    let sizes: Vec<usize> = requests
        .iter()
        .map(|(_, b)| b["items"].as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, [100, 100, 50]);
    assert_requests_match_spec(&server, IMPORT).await;
    assert_eq!(
        submission.task_ids(),
        [172549793, 172549794, 172549795].map(ImportTaskId)
    );
    assert_eq!(submission.tasks[2].offer_ids.len(), 50);
    assert_eq!(submission.tasks[0].offer_ids[0], "OF-0");
    assert_eq!(submission.report.accepted.len(), 250);

    let rejected: Vec<(&str, RejectionStage, &str)> = submission
        .report
        .rejected
        .iter()
        .map(|r| (r.key.as_str(), r.stage, r.message.as_str()))
        .collect();
    assert_eq!(
        rejected,
        [
            ("NO-NAME", RejectionStage::Validation, "name is empty"),
            ("NO-PRICE", RejectionStage::Validation, "price is missing"),
            (
                "FLAT",
                RejectionStage::Validation,
                "height 0 is not positive"
            ),
            (
                "FEATHER",
                RejectionStage::Validation,
                "weight -1 is not positive"
            ),
            (
                "NO-UNIT",
                RejectionStage::Validation,
                "weight is given without weight_unit"
            ),
            ("", RejectionStage::Validation, "offer_id is empty"),
        ]
    );

    // Money and the VAT rate go as strings, units and attributes as Ozon spells them.
    let first = &requests[0].1["items"][0];
    assert_eq!(first["price"], "1000.50");
    assert_eq!(first["old_price"], "1100");
    assert_eq!(first["vat"], "0.1");
    assert_eq!(first["currency_code"], "RUB");
    assert_eq!(first["dimension_unit"], "mm");
    assert_eq!(first["weight_unit"], "g");
    assert_eq!(first["depth"], 10);
    assert_eq!(first["description_category_id"], 17028922);
    assert_eq!(first["type_id"], 91565);
    assert_eq!(
        first["attributes"][0],
        json!({"complex_id": 0, "id": 85, "values": [{"dictionary_value_id": 5060050, "value": "Samsung"}]})
    );
    assert_eq!(
        first["attributes"][1]["values"],
        json!([{"value": "X3 NFC"}])
    );
}

#[tokio::test]
async fn a_card_with_every_field_matches_the_request_schema() {
    let server = serve(IMPORT, json!({"result": {"task_id": 1}})).await;
    let ozon = client(&server);
    let mut item = card("FULL");
    item.color_image = Some("https://cdn.example/c.jpg".into());
    item.complex_attributes = vec![ComplexAttribute {
        attributes: vec![
            ProductAttribute::text(21841, "https://www.youtube.com/watch?v=ZwM0iBn03dY")
                .in_complex(100001),
            ProductAttribute::text(21837, "videoName_1").in_complex(100001),
        ],
    }];
    item.geo_names = vec!["Москва".into()];
    item.images360 = vec!["https://cdn.example/360.jpg".into()];
    item.new_description_category_id = Some(DescriptionCategoryId(17028923));
    item.pdf_list = vec![ImportPdf {
        index: Some(0),
        name: Some("manual.pdf".into()),
        src_url: "https://cdn.example/manual.pdf".into(),
    }];
    item.primary_image = Some("https://cdn.example/main.jpg".into());
    item.promotions = vec![ImportPromotion {
        operation: PromotionOperation::Enable,
        kind: ImportPromotionType::ReviewsPromo,
    }];
    item.service_type = Some(ServiceType::IsCodeService);
    let every_field = serde_json::to_value(&item).unwrap();
    let schema_fields = spec().schema("v3ImportProductsRequestItem")["properties"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect::<std::collections::BTreeSet<_>>();
    let sent_fields = every_field
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect::<std::collections::BTreeSet<_>>();
    assert_eq!(
        sent_fields, schema_fields,
        "every field of the item is modelled"
    );

    let submission = ozon.products().import(vec![item]).await.unwrap();
    assert_eq!(submission.task_ids(), [ImportTaskId(1)]);
    assert_requests_match_spec(&server, IMPORT).await;
    let body = &sent(&server).await[0].1;
    assert_eq!(
        body["items"][0]["promotions"],
        json!([{"operation": "ENABLE", "type": "REVIEWS_PROMO"}])
    );
    assert_eq!(
        body["items"][0]["complex_attributes"][0]["attributes"][0]["complex_id"],
        100001
    );
}

#[tokio::test]
async fn a_failed_import_is_not_repeated_and_its_cards_are_reported() {
    let server = MockServer::start().await;
    Mock::given(path(IMPORT))
        .respond_with(
            ResponseTemplate::new(500).set_body_json(json!({"code": 13, "message": "internal"})),
        )
        .mount(&server)
        .await;
    let ozon = client(&server);
    let submission = ozon
        .products()
        .import(vec![card("A"), card("B")])
        .await
        .unwrap();
    assert_eq!(
        sent(&server).await.len(),
        1,
        "a non-idempotent import is sent once"
    );
    assert!(submission.tasks.is_empty());
    assert_eq!(submission.report.rejected.len(), 2);
    assert!(
        submission
            .report
            .rejected
            .iter()
            .all(|r| r.stage == RejectionStage::Request)
    );
}

#[tokio::test]
async fn import_info_decodes_per_item_status_and_errors() {
    let server = serve(
        IMPORT_INFO,
        json!({"result": {"items": [
            {"offer_id": "143210608", "product_id": 137285792, "status": "imported", "errors": []},
            {"offer_id": "143210609", "product_id": 0, "status": "failed", "errors": [
                {"code": "Incorrect_density", "message": "density out of range", "state": "imported",
                 "level": "error", "description": "Товар не прошёл проверку на плотность",
                 "field": "weight", "attribute_id": 4497, "attribute_name": "Вес товара, г"}
            ]},
            {"offer_id": "143210610", "product_id": 0, "status": "pending", "errors": []}
        ], "total": 3}}),
    )
    .await;
    let ozon = client(&server);
    let result = ozon
        .products()
        .import_info(ImportTaskId(172549793))
        .await
        .unwrap();
    assert_requests_match_spec(&server, IMPORT_INFO).await;
    assert_eq!(sent(&server).await[0].1, json!({"task_id": 172549793}));
    assert_eq!(result.total, 3);
    assert_eq!(result.items[0].product_id, ProductId(137285792));
    assert_eq!(result.items[0].status_kind(), ImportItemStatus::Imported);
    let failed = &result.items[1];
    assert_eq!(failed.status_kind(), ImportItemStatus::Failed);
    let e = &failed.errors[0];
    assert_eq!(e.code, "Incorrect_density");
    assert_eq!(e.attribute_id, AttributeId(4497));
    assert_eq!(e.field, "weight");
    assert_eq!(e.attribute_name, "Вес товара, г");
    assert!(!result.is_finished(), "one card is still pending");

    assert!(ozon.products().import_info(ImportTaskId(0)).await.is_err());
    assert_eq!(sent(&server).await.len(), 1);
}

#[tokio::test]
async fn attribute_updates_split_validate_and_return_tasks() {
    let server = MockServer::start().await;
    Mock::given(path(ATTRIBUTES_UPDATE))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"task_id": 5001})))
        .mount(&server)
        .await;
    let ozon = client(&server);
    let mut items: Vec<UpdateAttributesItem> = (0..150)
        .map(|i| {
            UpdateAttributesItem::new(
                format!("OF-{i}"),
                vec![ProductAttribute::dictionary(10096, 61576, "серый")],
            )
        })
        .collect();
    items.push(UpdateAttributesItem::new("EMPTY", vec![]));
    items.push(UpdateAttributesItem::new(
        "NO-VALUE",
        vec![ProductAttribute {
            complex_id: 0,
            id: AttributeId(85),
            values: vec![],
        }],
    ));
    let submission = ozon.products().update_attributes(items).await.unwrap();
    let sizes: Vec<usize> = sent(&server)
        .await
        .iter()
        .map(|(_, b)| b["items"].as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, [100, 50]);
    assert_requests_match_spec(&server, ATTRIBUTES_UPDATE).await;
    assert_eq!(submission.task_ids(), [ImportTaskId(5001); 2]);
    assert_eq!(submission.report.accepted.len(), 150);
    let rejected: Vec<&str> = submission
        .report
        .rejected
        .iter()
        .map(|r| r.key.as_str())
        .collect();
    assert_eq!(rejected, ["EMPTY", "NO-VALUE"]);
    assert_eq!(
        sent(&server).await[0].1["items"][0]["attributes"][0]["values"][0]["dictionary_value_id"],
        61576
    );
}

#[tokio::test]
async fn pictures_are_imported_and_checked() {
    let server = serve(
        PICTURES,
        json!({"result": {"pictures": [
            {"is_360": false, "is_color": false, "is_primary": true, "product_id": 259410996,
             "state": "imported", "url": "https://cdn.example/1.jpg"}
        ]}}),
    )
    .await;
    let ozon = client(&server);
    let pictures = ozon
        .products()
        .import_pictures(&ImportPicturesRequest {
            images: vec!["https://cdn.example/1.jpg".into()],
            product_id: ProductId(259410996),
            ..Default::default()
        })
        .await
        .unwrap();
    assert!(pictures[0].is_primary);
    assert_eq!(pictures[0].product_id, ProductId(259410996));
    assert_requests_match_spec(&server, PICTURES).await;

    let too_many = ImportPicturesRequest {
        images: (0..16)
            .map(|i| format!("https://cdn.example/{i}.jpg"))
            .collect(),
        product_id: ProductId(1),
        ..Default::default()
    };
    assert!(ozon.products().import_pictures(&too_many).await.is_err());
    assert_eq!(sent(&server).await.len(), 1);
}

#[tokio::test]
async fn archive_splits_at_100_and_sends_numbers() {
    let server = serve(ARCHIVE, json!({"result": true})).await;
    let ozon = client(&server);
    let ok = ozon
        .products()
        .archive((1..=150).map(ProductId).collect())
        .await
        .unwrap();
    assert!(ok);
    let requests = sent(&server).await;
    let sizes: Vec<usize> = requests
        .iter()
        .map(|(_, b)| b["product_id"].as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, [100, 50]);
    assert_eq!(requests[0].1["product_id"][0], 1);
    assert_requests_match_spec(&server, ARCHIVE).await;

    let err = ozon
        .products()
        .archive(vec![ProductId(5), ProductId(0)])
        .await
        .unwrap_err();
    assert!(matches!(err, market_core::Error::Validation { .. }));
    assert_eq!(sent(&server).await.len(), 2, "nothing more was sent");
}

#[tokio::test]
async fn unarchive_reports_a_false_answer() {
    let server = serve(UNARCHIVE, json!({"result": false})).await;
    let ozon = client(&server);
    let ok = ozon
        .products()
        .unarchive(vec![ProductId(125529926)])
        .await
        .unwrap();
    assert!(!ok);
    assert_eq!(sent(&server).await[0].1, json!({"product_id": [125529926]}));
    assert_requests_match_spec(&server, UNARCHIVE).await;
}

/// Answers deletions: articles starting with "SKU" cannot be deleted.
struct Deletions;

impl Respond for Deletions {
    fn respond(&self, request: &WireRequest) -> ResponseTemplate {
        let body: Value = serde_json::from_slice(&request.body).unwrap();
        let status: Vec<Value> = body["products"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| {
                let o = p["offer_id"].as_str().unwrap();
                let bad = o.starts_with("SKU");
                json!({"offer_id": o, "is_deleted": !bad,
                       "error": if bad { "product has sku" } else { "" }})
            })
            .collect();
        ResponseTemplate::new(200).set_body_json(json!({ "status": status }))
    }
}

#[tokio::test]
async fn delete_splits_at_500_and_reports_refusals() {
    let server = MockServer::start().await;
    Mock::given(path(DELETE))
        .respond_with(Deletions)
        .mount(&server)
        .await;
    let ozon = client(&server);
    let mut offers: Vec<String> = (0..1000).map(|i| format!("OF-{i}")).collect();
    offers.push("SKU-1".into());
    offers.push(String::new());
    let report = ozon.products().delete(offers).await.unwrap();
    let sizes: Vec<usize> = sent(&server)
        .await
        .iter()
        .map(|(_, b)| b["products"].as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, [500, 500, 1]);
    assert_requests_match_spec(&server, DELETE).await;
    assert_eq!(report.accepted.len(), 1000);
    assert_eq!(report.rejected.len(), 2);
    let sku = report.rejected.iter().find(|r| r.key == "SKU-1").unwrap();
    assert_eq!(sku.stage, RejectionStage::Vendor);
    assert_eq!(sku.message, "product has sku");
    let empty = report.rejected.iter().find(|r| r.key.is_empty()).unwrap();
    assert_eq!(empty.stage, RejectionStage::Validation);
}

#[tokio::test]
async fn limits_are_read_with_an_empty_body() {
    let server = serve(
        LIMIT,
        json!({
            "daily_create": {"limit": 1000, "reset_at": "2026-11-24T00:00:00Z", "usage": 250},
            "daily_update": {"limit": 5000, "reset_at": "2026-11-24T00:00:00Z", "usage": 10},
            "operation_limits": {"limit": 100, "limit_type": "RATE_LIMIT_PER_MINUTE"},
            "total": {"limit": 20000, "usage": 12000}
        }),
    )
    .await;
    let ozon = client(&server);
    let q = ozon.products().limits().await.unwrap();
    assert_eq!(sent(&server).await[0].1, json!({}));
    assert_requests_match_spec(&server, LIMIT).await;
    assert_eq!(q.daily_create.remaining(), 750);
    assert_eq!(
        q.daily_update.reset_at,
        Some(Utc.with_ymd_and_hms(2026, 11, 24, 0, 0, 0).unwrap())
    );
    assert_eq!(q.total.usage, 12000);
    assert_eq!(q.operation_limits.limit, 100);
    assert_eq!(
        q.operation_limits.limit_type,
        Some(OperationLimitType::RateLimitPerMinute)
    );
}

#[test]
fn ids_of_the_section_use_the_newtypes() {
    let item = card("X");
    assert_eq!(
        item.description_category_id,
        DescriptionCategoryId(17028922)
    );
    assert_eq!(item.type_id, TypeId(91565));
    assert_eq!(
        item.attributes[0].values[0].dictionary_value_id,
        Some(DictionaryValueId(5060050))
    );
}
