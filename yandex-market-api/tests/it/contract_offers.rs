//! Contract tests of the offers section (getOfferMappings, updateOfferMappings,
//! getOfferCardsContentStatus, updateOfferContent, addOffersToArchive, deleteOffersFromArchive,
//! deleteOffers) against the Yandex Market spec snapshot.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common::*;
use chrono::{TimeZone, Utc};
use futures::TryStreamExt;
use market_core::transport::Operation;
use market_core::{BatchReport, Error, Rejection, RejectionStage};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use wiremock::matchers::{query_param, query_param_is_missing};
use wiremock::{MockServer, Request as WireRequest, ResponseTemplate};
use yandex_market_api::api::offers::*;
use yandex_market_api::limits::{self, Counts, Tier};
use yandex_market_api::models::campaigns::CurrencyType;
use yandex_market_api::models::categories::OfferCardRecommendationType;
use yandex_market_api::models::offers::*;
use yandex_market_api::{BusinessId, CampaignId, CategoryId, MarketSku, ParameterId};

const MAPPINGS: &str = "getOfferMappings";
const UPDATE: &str = "updateOfferMappings";
const CARDS: &str = "getOfferCardsContentStatus";
const CONTENT: &str = "updateOfferContent";
const ARCHIVE: &str = "addOffersToArchive";
const UNARCHIVE: &str = "deleteOffersFromArchive";
const DELETE: &str = "deleteOffers";

const BUSINESS: BusinessId = BusinessId(900);

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn mapping_json(id: &str) -> Value {
    json!({
        "offer": {
            "offerId": id,
            "name": "Смартфон Acme X1 128 ГБ, чёрный",
            "marketCategoryId": 91491,
            "pictures": ["https://example.com/x1.jpg"],
            "vendor": "Acme",
            "barcodes": ["4601234567890"],
            "description": "Описание",
            "weightDimensions": {"length": 65.55, "width": 50.7, "height": 20, "weight": 1.001},
            "basicPrice": {
                "value": 1499.99,
                "currencyId": "RUR",
                "discountBase": 1999,
                "updatedAt": "2026-11-23T10:15:30+03:00"
            },
            "purchasePrice": {"value": "700.10", "currencyId": "RUR", "updatedAt": "2026-11-20T00:00:00Z"},
            "cardStatus": "HAS_CARD_CAN_UPDATE",
            "campaigns": [{"campaignId": 200, "status": "PUBLISHED"}],
            "sellingPrograms": [{"sellingProgram": "FBS", "status": "FINE"}],
            "archived": false
        },
        "mapping": {
            "marketSku": 101,
            "marketSkuName": "Acme X1",
            "marketCategoryId": 91491,
            "marketCategoryName": "Мобильные телефоны"
        },
        "showcaseUrls": [{"showcaseType": "B2C", "showcaseUrl": "https://market.yandex.ru/card/x1"}]
    })
}

fn mappings_page(ids: &[String], next: Option<&str>) -> Value {
    let mut result = json!({
        "offerMappings": ids.iter().map(|i| mapping_json(i)).collect::<Vec<_>>()
    });
    if let Some(t) = next {
        result["paging"] = json!({"nextPageToken": t});
    }
    json!({"status": "OK", "result": result})
}

fn card_json(id: &str) -> Value {
    json!({
        "offerId": id,
        "mapping": {"marketSku": 101, "marketCategoryId": 91491},
        "parameterValues": [
            {"parameterId": 7893318, "valueId": 153043, "value": "Apple"},
            {"parameterId": 23674510, "unitId": 6, "value": "180"}
        ],
        "cardStatus": "HAS_CARD_CAN_UPDATE_ERRORS",
        "contentRating": 73,
        "averageContentRating": 80,
        "contentRatingStatus": "ACTUAL",
        "recommendations": [{"type": "HAS_VIDEO", "percent": 0, "remainingRatingPoints": 10}],
        "errors": [{"message": "Нет фото", "comment": "Добавьте фото"}],
        "warnings": null
    })
}

fn cards_page(ids: &[String], next: Option<&str>) -> Value {
    let mut result = json!({
        "offerCards": ids.iter().map(|i| card_json(i)).collect::<Vec<_>>()
    });
    if let Some(t) = next {
        result["paging"] = json!({"nextPageToken": t});
    }
    json!({"status": "OK", "result": result})
}

fn ids(prefix: &str, n: usize) -> Vec<String> {
    (1..=n).map(|i| format!("{prefix}-{i:04}")).collect()
}

/// The offer ids of a request body's array.
fn body_ids(body: &Value, array: &str, field: Option<&str>) -> Vec<String> {
    body[array]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| match field {
            Some(f) => x.pointer(f).unwrap().as_str().unwrap().to_owned(),
            None => x.as_str().unwrap().to_owned(),
        })
        .collect()
}

fn rejection<'r>(report: &'r BatchReport<String>, key: &str) -> &'r Rejection<String> {
    report
        .rejected
        .iter()
        .find(|r| r.key == key)
        .unwrap_or_else(|| panic!("{key} is not rejected: {:?}", report.rejected))
}

fn small_offer(id: &str) -> UpdateOfferMapping {
    UpdateOfferMapping::new(
        UpdateOffer::new(id)
            .with_name("Товар")
            .with_category(91491)
            .with_basic_price(PriceWithDiscount::rub(dec("100"))),
    )
}

// -------------------------------------------------------------------------------------------
// Decoding, enums, operations
// -------------------------------------------------------------------------------------------

#[test]
fn responses_decode_strictly() {
    assert_responses_decode::<GetOfferMappingsResponse>(MAPPINGS);
    assert_sparse_responses_decode::<GetOfferMappingsResponse>(MAPPINGS);
    assert_responses_decode::<UpdateOfferMappingsResponse>(UPDATE);
    assert_sparse_responses_decode::<UpdateOfferMappingsResponse>(UPDATE);
    assert_responses_decode::<GetOfferCardsContentStatusResponse>(CARDS);
    assert_sparse_responses_decode::<GetOfferCardsContentStatusResponse>(CARDS);
    assert_responses_decode::<UpdateOfferContentResponse>(CONTENT);
    assert_sparse_responses_decode::<UpdateOfferContentResponse>(CONTENT);
    assert_responses_decode::<AddOffersToArchiveResponse>(ARCHIVE);
    assert_sparse_responses_decode::<AddOffersToArchiveResponse>(ARCHIVE);
    assert_responses_decode::<DeleteOffersFromArchiveResponse>(UNARCHIVE);
    assert_sparse_responses_decode::<DeleteOffersFromArchiveResponse>(UNARCHIVE);
    assert_responses_decode::<DeleteOffersResponse>(DELETE);
    assert_sparse_responses_decode::<DeleteOffersResponse>(DELETE);
}

#[test]
fn the_vendor_examples_read_exactly() {
    let schema = spec().response_schema(MAPPINGS);
    let v: GetOfferMappingsResponse =
        decode(MAPPINGS, "examples", &spec().example_instance(schema));
    let offer = v.result.unwrap().offer_mappings[0].offer.clone().unwrap();
    let wd = offer.weight_dimensions.unwrap();
    // The vendor's examples: 65.55 x 50.7 x 20 cm, 1.001 kg, read exactly.
    assert_eq!(
        (wd.length, wd.width, wd.height, wd.weight),
        (dec("65.55"), dec("50.7"), dec("20"), dec("1.001"))
    );
}

#[test]
fn card_status_values_match_the_spec() {
    let spec_values = spec().enum_values("OfferCardStatusType");
    assert_eq!(spec_values.len(), 9);
    assert_enum(
        OfferCardStatus::KNOWN,
        spec_values.clone(),
        "OfferCardStatusType",
    );
    for (schema, property) in [
        ("GetOfferDTO", "cardStatus"),
        ("OfferCardDTO", "cardStatus"),
        ("GetOfferMappingsRequest", "cardStatuses"),
        ("GetOfferCardsContentStatusRequest", "cardStatuses"),
    ] {
        let values = if schema == "GetOfferDTO" {
            // An `allOf`: the property is in its second part.
            let (props, _) = spec().object_view(spec().schema(schema));
            let (s, _) = spec().resolve(&props["cardStatus"]);
            s["enum"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().unwrap().to_owned())
                .collect()
        } else {
            spec().property_enum(schema, property)
        };
        assert_eq!(values, spec_values, "{schema}.{property}");
    }
    // Each value reads into its variant and writes back the same.
    for wire in OfferCardStatus::KNOWN {
        let s: OfferCardStatus = serde_json::from_value(json!(wire)).unwrap();
        assert!(!matches!(s, OfferCardStatus::Unknown(_)), "{wire}");
        assert_eq!(serde_json::to_value(&s).unwrap(), json!(wire));
    }
    assert_eq!(
        OfferCardStatus::NoCardNeedContent.as_str(),
        "NO_CARD_NEED_CONTENT"
    );
}

#[test]
fn enums_match_the_spec() {
    let pairs: [(&[&str], &str); 18] = [
        (CatalogLanguage::KNOWN, "CatalogLanguageType"),
        (OfferCardContentStatus::KNOWN, "OfferCardContentStatusType"),
        (AgeUnit::KNOWN, "AgeUnitType"),
        (CommodityCodeType::KNOWN, "CommodityCodeType"),
        (OfferConditionQuality::KNOWN, "OfferConditionQualityType"),
        (OfferConditionType::KNOWN, "OfferConditionType"),
        (TimeUnit::KNOWN, "TimeUnitType"),
        (OfferType::KNOWN, "OfferType"),
        (OfferCampaignStatus::KNOWN, "OfferCampaignStatusType"),
        (MediaFileUploadState::KNOWN, "MediaFileUploadStateType"),
        (SellingProgram::KNOWN, "SellingProgramType"),
        (
            OfferSellingProgramStatus::KNOWN,
            "OfferSellingProgramStatusType",
        ),
        (ShowcaseType::KNOWN, "ShowcaseType"),
        (DeleteOfferParameter::KNOWN, "DeleteOfferParameterType"),
        (OfferMappingErrorType::KNOWN, "OfferMappingErrorType"),
        (OfferContentErrorType::KNOWN, "OfferContentErrorType"),
        (ArchiveErrorType::KNOWN, "AddOffersToArchiveErrorType"),
        (CurrencyType::KNOWN, "CurrencyType"),
    ];
    for (known, name) in pairs {
        assert_enum(known, spec().enum_values(name), name);
    }
    assert_enum(
        OfferCardRecommendationType::KNOWN,
        spec().enum_values("OfferCardRecommendationType"),
        "OfferCardRecommendationType",
    );
    // The `UNKNOWN` reason of the archive is a known value, not a value this library lacks.
    let e: ArchiveErrorType = serde_json::from_value(json!("UNKNOWN")).unwrap();
    assert_eq!(e, ArchiveErrorType::UnknownReason);
}

#[test]
fn operations_match_the_spec_and_its_maxima() {
    let ops: [(&Operation, &str, &str, Option<usize>); 7] = [
        (
            &OFFER_MAPPINGS_GET,
            MAPPINGS,
            "offerIds",
            Some(OFFER_MAPPINGS_GET_MAX),
        ),
        (
            &OFFER_MAPPINGS_UPDATE,
            UPDATE,
            "offerMappings",
            Some(OFFER_MAPPINGS_UPDATE_MAX),
        ),
        (
            &OFFER_CARDS_CONTENT_STATUS_GET,
            CARDS,
            "offerIds",
            Some(OFFER_CARDS_CONTENT_STATUS_GET_MAX),
        ),
        (
            &OFFER_CONTENT_UPDATE,
            CONTENT,
            "offersContent",
            Some(OFFER_CONTENT_UPDATE_MAX),
        ),
        (
            &OFFERS_TO_ARCHIVE_ADD,
            ARCHIVE,
            "offerIds",
            Some(OFFERS_TO_ARCHIVE_ADD_MAX),
        ),
        (
            &OFFERS_FROM_ARCHIVE_DELETE,
            UNARCHIVE,
            "offerIds",
            Some(OFFERS_FROM_ARCHIVE_DELETE_MAX),
        ),
        (&OFFERS_DELETE, DELETE, "offerIds", Some(OFFERS_DELETE_MAX)),
    ];
    for (op, id, array, max) in ops {
        assert_eq!(crate::common::spec_id(op), id);
        assert_eq!(op.name, crate::common::rule_name(op));
        assert_eq!(op.limit_group, id);
        let (m, p) = spec().locate(id);
        assert_eq!(op.method.as_str(), m);
        assert_eq!(op.path, p);
        assert_eq!(op.batch_max, max, "{id}");
        let (props, _) = spec().object_view(spec().request_schema(id));
        let (arr, _) = spec().resolve(&props[array]);
        assert_eq!(
            arr["maxItems"].as_u64(),
            max.map(|m| m as u64),
            "{id}.{array}"
        );
        assert!(limits::limit(id, Tier::Base).is_some(), "{id} has a quota");
        // Upserts, state changes and deletes keyed by offer id are safe to repeat.
        assert!(op.idempotent, "{id}");
    }
    // The write methods' quotas count the offers sent: the client weighs requests by them.
    for (id, path) in [
        (UPDATE, "req.offerMappings"),
        (CONTENT, "req.offersContent"),
        (ARCHIVE, "req.offerIds"),
        (UNARCHIVE, "req.offerIds"),
        (DELETE, "req.offerIds"),
    ] {
        let row = limits::table().iter().find(|l| l.operation == id).unwrap();
        assert_eq!(row.counts, Counts::Items(path), "{id}");
        assert_eq!(spec().limit(id)["resourceLimit"]["path"], json!(path));
    }
    // Page sizes.
    let limit_max = |op: &str| {
        spec()
            .parameters(op)
            .into_iter()
            .find(|p| p["name"] == "limit")
            .unwrap()["schema"]["maximum"]
            .as_u64()
    };
    assert_eq!(
        limit_max(MAPPINGS),
        Some(u64::from(OFFER_MAPPINGS_GET_PAGE_MAX))
    );
    assert_eq!(
        limit_max(CARDS),
        Some(u64::from(OFFER_CARDS_CONTENT_STATUS_GET_PAGE_MAX))
    );
    // The card request's category filter has the same maximum as its offer ids.
    let (props, _) = spec().object_view(spec().request_schema(CARDS));
    assert_eq!(
        props["categoryIds"]["maxItems"].as_u64(),
        Some(OFFER_CARDS_CONTENT_STATUS_GET_MAX as u64)
    );
    // The offer id bounds.
    let sku = spec().schema("ShopSku");
    assert_eq!(sku["maxLength"].as_u64(), Some(OFFER_ID_MAX_CHARS as u64));
    assert_eq!(sku["minLength"].as_u64(), Some(1));
    assert_eq!(
        spec().schema("OfferName")["maxLength"].as_u64(),
        Some(NAME_MAX_CHARS as u64)
    );
    assert_eq!(
        spec().schema("OfferDescription")["maxLength"].as_u64(),
        Some(DESCRIPTION_MAX_CHARS as u64)
    );
}

// -------------------------------------------------------------------------------------------
// getOfferMappings
// -------------------------------------------------------------------------------------------

#[tokio::test]
async fn list_sends_filters_and_page_size_and_reads_an_offer_exactly() {
    let server = serve(MAPPINGS, mappings_page(&["A-1".into()], Some("next-1"))).await;
    let ym = client(&server);
    let request = GetOfferMappingsRequest::default()
        .with_card_statuses([
            OfferCardStatus::HasCardCanUpdate,
            OfferCardStatus::NoCardErrors,
        ])
        .with_category_ids([91491])
        .with_vendor_names(["Acme"])
        .with_tags(["лето"])
        .with_archived(false);
    let page = ym
        .offers()
        .list(BUSINESS, &request, &PageQuery::first().with_limit(100))
        .await
        .unwrap();
    assert_eq!(page.next.as_deref(), Some("next-1"));
    assert_eq!(page.items.len(), 1);
    let m = &page.items[0];
    assert_eq!(m.offer_id(), "A-1");
    let offer = m.offer.as_ref().unwrap();
    let price = offer.basic_price.as_ref().unwrap();
    assert_eq!(price.value, dec("1499.99"));
    assert_eq!(price.discount_base, Some(dec("1999")));
    assert_eq!(price.currency_id, CurrencyType::Rur);
    assert_eq!(
        price.updated_at,
        Utc.with_ymd_and_hms(2026, 11, 23, 7, 15, 30).unwrap()
    );
    assert_eq!(offer.purchase_price.as_ref().unwrap().value, dec("700.10"));
    assert_eq!(offer.card_status, Some(OfferCardStatus::HasCardCanUpdate));
    assert_eq!(offer.campaigns[0].campaign_id, CampaignId(200));
    assert_eq!(offer.campaigns[0].status, OfferCampaignStatus::Published);
    assert_eq!(offer.market_category_id, Some(CategoryId(91491)));
    let mapping = m.mapping.as_ref().unwrap();
    assert_eq!(mapping.market_sku, Some(MarketSku(101)));
    assert_eq!(m.showcase_urls[0].showcase_type, ShowcaseType::B2c);

    let requests = sent(&server).await;
    assert_eq!(requests.len(), 1);
    let (r, body) = &requests[0];
    assert_eq!(r.url.path(), "/v2/businesses/900/offer-mappings");
    assert_eq!(r.url.query(), Some("limit=100"));
    assert_eq!(
        body,
        &json!({
            "cardStatuses": ["HAS_CARD_CAN_UPDATE", "NO_CARD_ERRORS"],
            "categoryIds": [91491],
            "vendorNames": ["Acme"],
            "tags": ["лето"],
            "archived": false
        })
    );
    assert_requests_match_spec(&server, MAPPINGS).await;
}

#[tokio::test]
async fn list_stream_pages_to_the_end_over_three_pages() {
    let server = MockServer::start().await;
    let pages = [ids("P1", 3), ids("P2", 3), ids("P3", 2)];
    mock(MAPPINGS)
        .and(query_param_is_missing("pageToken"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(mappings_page(&pages[0], Some("t2"))),
        )
        .expect(1)
        .mount(&server)
        .await;
    mock(MAPPINGS)
        .and(query_param("pageToken", "t2"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(mappings_page(&pages[1], Some("t3"))),
        )
        .expect(1)
        .mount(&server)
        .await;
    // The last page: an empty paging block.
    let mut last = mappings_page(&pages[2], None);
    last["result"]["paging"] = json!({});
    mock(MAPPINGS)
        .and(query_param("pageToken", "t3"))
        .respond_with(ResponseTemplate::new(200).set_body_json(last))
        .expect(1)
        .mount(&server)
        .await;

    let ym = client(&server);
    let all: Vec<OfferMapping> = ym
        .offers()
        .list_stream(
            BUSINESS,
            GetOfferMappingsRequest::default().with_archived(true),
            PageQuery::first().with_limit(3),
        )
        .try_collect()
        .await
        .unwrap();
    let got: Vec<&str> = all.iter().map(OfferMapping::offer_id).collect();
    let want: Vec<String> = pages.concat();
    assert_eq!(got, want);

    let requests = sent(&server).await;
    assert_eq!(requests.len(), 3);
    let tokens: Vec<Option<String>> = requests
        .iter()
        .map(|(r, _)| {
            r.url
                .query_pairs()
                .find(|(k, _)| k == "pageToken")
                .map(|(_, v)| v.into_owned())
        })
        .collect();
    assert_eq!(tokens, [None, Some("t2".into()), Some("t3".into())]);
    for (r, body) in &requests {
        assert!(r.url.query().unwrap().contains("limit=3"));
        assert_eq!(body, &json!({"archived": true}));
    }
    assert_requests_match_spec(&server, MAPPINGS).await;
}

#[tokio::test]
async fn offer_ids_over_the_maximum_are_split_and_sent_without_paging() {
    let wanted = ids("ID", 250);
    let server = MockServer::start().await;
    mock(MAPPINGS)
        .respond_with(|r: &WireRequest| {
            let body: Value = serde_json::from_slice(&r.body).unwrap();
            let ids: Vec<String> = body_ids(&body, "offerIds", None);
            // A token the client must not follow in a list by ids.
            ResponseTemplate::new(200).set_body_json(mappings_page(&ids, Some("ignored")))
        })
        .mount(&server)
        .await;
    let ym = client(&server);
    let page = ym
        .offers()
        .list(
            BUSINESS,
            &GetOfferMappingsRequest::by_offer_ids(wanted.clone()),
            &PageQuery::first(),
        )
        .await
        .unwrap();
    assert_eq!(page.next, None);
    let got: Vec<String> = page.items.iter().map(|m| m.offer_id().to_owned()).collect();
    assert_eq!(got, wanted);
    let requests = sent(&server).await;
    let sizes: Vec<usize> = requests
        .iter()
        .map(|(_, b)| b["offerIds"].as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, [100, 100, 50]);
    for (r, _) in &requests {
        assert_eq!(r.url.query(), None, "no page token or size with offer ids");
    }
    assert_requests_match_spec(&server, MAPPINGS).await;

    // The stream goes through the same three requests.
    let before = requests.len();
    let streamed: Vec<OfferMapping> = ym
        .offers()
        .list_stream(
            BUSINESS,
            GetOfferMappingsRequest::by_offer_ids(wanted.clone()),
            PageQuery::first(),
        )
        .try_collect()
        .await
        .unwrap();
    assert_eq!(streamed.len(), 250);
    assert_eq!(sent(&server).await.len() - before, 3);
}

#[tokio::test]
async fn repeated_offer_ids_of_a_read_are_asked_for_once() {
    let server = serve(MAPPINGS, mappings_page(&["A".into(), "B".into()], None)).await;
    client(&server)
        .offers()
        .list(
            BUSINESS,
            &GetOfferMappingsRequest::by_offer_ids(["A", "B", " A "]),
            &PageQuery::first(),
        )
        .await
        .unwrap();
    assert_eq!(sent(&server).await[0].1, json!({"offerIds": ["A", "B"]}));
    assert_requests_match_spec(&server, MAPPINGS).await;
}

#[tokio::test]
async fn invalid_reads_are_refused_before_sending() {
    let server = serve(MAPPINGS, mappings_page(&[], None)).await;
    let ym = client(&server);
    let offers = ym.offers();
    let cases: Vec<(GetOfferMappingsRequest, PageQuery)> = vec![
        // Ids with a filter.
        (
            GetOfferMappingsRequest::by_offer_ids(["A"]).with_archived(true),
            PageQuery::first(),
        ),
        // Ids with a page size or token.
        (
            GetOfferMappingsRequest::by_offer_ids(["A"]),
            PageQuery::first().with_limit(10),
        ),
        (
            GetOfferMappingsRequest::by_offer_ids(["A"]),
            PageQuery::after("t"),
        ),
        // An empty id.
        (
            GetOfferMappingsRequest::by_offer_ids(["A", " "]),
            PageQuery::first(),
        ),
        // Page sizes out of range.
        (
            GetOfferMappingsRequest::default(),
            PageQuery::first().with_limit(0),
        ),
        (
            GetOfferMappingsRequest::default(),
            PageQuery::first().with_limit(101),
        ),
        // A category id not above 0.
        (
            GetOfferMappingsRequest::default().with_category_ids([0]),
            PageQuery::first(),
        ),
    ];
    for (request, page) in cases {
        let err = offers.list(BUSINESS, &request, &page).await.unwrap_err();
        assert!(
            matches!(err, Error::Validation { .. }),
            "{request:?}: {err:?}"
        );
        let err = offers
            .list_stream(BUSINESS, request.clone(), page.clone())
            .try_collect::<Vec<_>>()
            .await
            .unwrap_err();
        assert!(
            matches!(err, Error::Validation { .. }),
            "{request:?}: {err:?}"
        );
    }
    let err = offers
        .list(
            BusinessId(0),
            &GetOfferMappingsRequest::default(),
            &PageQuery::first(),
        )
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Validation { .. }));
    assert!(sent(&server).await.is_empty());
}

#[tokio::test]
async fn the_catalogue_language_goes_in_the_query() {
    let server = serve(MAPPINGS, mappings_page(&[], None)).await;
    let ym = client(&server);
    ym.offers()
        .in_language(CatalogLanguage::Uz)
        .list(
            BUSINESS,
            &GetOfferMappingsRequest::default(),
            &PageQuery::after("tok"),
        )
        .await
        .unwrap();
    let (r, body) = &sent(&server).await[0];
    let query: Vec<(String, String)> = r.url.query_pairs().into_owned().collect();
    assert_eq!(
        query,
        [
            ("pageToken".into(), "tok".into()),
            ("language".into(), "UZ".into())
        ]
    );
    assert_eq!(body, &json!({}));
    assert_requests_match_spec(&server, MAPPINGS).await;
}

// -------------------------------------------------------------------------------------------
// updateOfferMappings
// -------------------------------------------------------------------------------------------

#[tokio::test]
async fn a_new_offer_is_sent_with_every_field_typed_as_the_spec_says() {
    let server = serve(UPDATE, json!({"status": "OK"})).await;
    let ym = client(&server);
    let mut offer = UpdateOffer::create(
        "X1-BLACK",
        "Смартфон Acme X1 128 ГБ, чёрный",
        91491,
        [
            "https://example.com/x1.jpg",
            "https://example.com/x1-back.jpg",
        ],
        "Acme",
        "Описание смартфона",
    )
    .with_barcodes(["4601234567890"])
    .with_vendor_code("X1-128-BK")
    .with_parameter_values([
        ParameterValue::option(7893318, 153043),
        ParameterValue::text(23674510, "180").with_unit(6),
    ])
    .with_weight_dimensions(WeightDimensions {
        length: dec("65.55"),
        width: dec("50.7"),
        height: dec("20"),
        weight: dec("1.001"),
    })
    .with_basic_price(PriceWithDiscount::rub(dec("1499.99")).with_discount_base(dec("1999.00")));
    offer.purchase_price = Some(BasePrice::rub(dec("700.1")));
    offer.guarantee_period = Some(TimePeriod::new(1, TimeUnit::Year));
    offer.age = Some(Age {
        value: dec("16"),
        age_unit: AgeUnit::Year,
    });
    offer.commodity_codes = vec![CommodityCode {
        code: "8517120000".into(),
        kind: CommodityCodeType::CustomsCommodityCode,
    }];
    offer.condition = Some(OfferCondition {
        kind: Some(OfferConditionType::Preowned),
        quality: Some(OfferConditionQuality::Good),
        reason: Some("Царапина".into()),
    });
    offer.delete_parameters = vec![DeleteOfferParameter::Videos];
    offer.kind = Some(OfferType::Default);
    let report = ym
        .offers()
        .update_with(
            BUSINESS,
            vec![UpdateOfferMapping::new(offer).with_market_sku(101)],
            &UpdateOptions::default().only_partner_media_content(true),
        )
        .await
        .unwrap();
    assert_eq!(report.report.accepted, ["X1-BLACK"]);
    assert!(report.warnings.is_empty());
    let (r, body) = &sent(&server).await[0];
    assert_eq!(r.url.path(), "/v2/businesses/900/offer-mappings/update");
    assert_eq!(
        body,
        &json!({
            "offerMappings": [{
                "offer": {
                    "offerId": "X1-BLACK",
                    "name": "Смартфон Acme X1 128 ГБ, чёрный",
                    "marketCategoryId": 91491,
                    "pictures": ["https://example.com/x1.jpg", "https://example.com/x1-back.jpg"],
                    "vendor": "Acme",
                    "barcodes": ["4601234567890"],
                    "description": "Описание смартфона",
                    "weightDimensions": {"length": 65.55, "width": 50.7, "height": 20, "weight": 1.001},
                    "vendorCode": "X1-128-BK",
                    "guaranteePeriod": {"timePeriod": 1, "timeUnit": "YEAR"},
                    "commodityCodes": [{"code": "8517120000", "type": "CUSTOMS_COMMODITY_CODE"}],
                    "condition": {"type": "PREOWNED", "quality": "GOOD", "reason": "Царапина"},
                    "type": "DEFAULT",
                    "age": {"value": 16, "ageUnit": "YEAR"},
                    "parameterValues": [
                        {"parameterId": 7893318, "valueId": 153043},
                        {"parameterId": 23674510, "unitId": 6, "value": "180"}
                    ],
                    "basicPrice": {"value": 1499.99, "currencyId": "RUR", "discountBase": 1999},
                    "purchasePrice": {"value": 700.1, "currencyId": "RUR"},
                    "deleteParameters": ["VIDEOS"]
                },
                "mapping": {"marketSku": 101}
            }],
            "onlyPartnerMediaContent": true
        })
    );
    assert_requests_match_spec(&server, UPDATE).await;
}

#[tokio::test]
async fn mappings_are_split_at_500_and_yandex_markets_errors_reported_per_offer() {
    let server = MockServer::start().await;
    mock(UPDATE)
        .respond_with(|r: &WireRequest| {
            let body: Value = serde_json::from_slice(&r.body).unwrap();
            let sent = body_ids(&body, "offerMappings", Some("/offer/offerId"));
            let mut results = Vec::new();
            if sent.iter().any(|i| i == "M-0700") {
                results.push(json!({
                    "offerId": "M-0700",
                    "errors": [{
                        "type": "UNKNOWN_PARAMETER",
                        "parameterId": 555,
                        "message": "Нет такой характеристики"
                    }],
                    "warnings": [{"type": "EMPTY_MARKET_CATEGORY", "message": "Нет категории"}]
                }));
            }
            if sent.iter().any(|i| i == "M-1100") {
                results.push(json!({
                    "offerId": "M-1100",
                    "warnings": [{"type": "INVALID_PICKER_URL", "message": "Миниатюра"}]
                }));
            }
            let mut answer = json!({"status": "OK"});
            if !results.is_empty() {
                answer["results"] = json!(results);
            }
            ResponseTemplate::new(200).set_body_json(answer)
        })
        .mount(&server)
        .await;
    let ym = client(&server);
    let all = ids("M", 1201);
    let mappings: Vec<UpdateOfferMapping> = all.iter().map(|i| small_offer(i)).collect();
    let out = ym.offers().update(BUSINESS, mappings).await.unwrap();

    let requests = sent(&server).await;
    let sizes: Vec<usize> = requests
        .iter()
        .map(|(_, b)| b["offerMappings"].as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, [500, 500, 201]);
    assert_requests_match_spec(&server, UPDATE).await;

    let report = &out.report;
    assert_eq!(report.len(), 1201);
    // The offer with an error: Yandex Market's type and message.
    let bad = rejection(report, "M-0700");
    assert_eq!(bad.stage, RejectionStage::Vendor);
    assert_eq!(bad.code.as_deref(), Some("UNKNOWN_PARAMETER"));
    assert!(bad.message.contains("parameter 555"), "{}", bad.message);
    assert!(bad.message.contains("Нет такой характеристики"));
    // Yandex Market saved nothing of the second request: its other offers are not applied.
    let not_applied: Vec<&Rejection<String>> = report
        .rejected
        .iter()
        .filter(|r| r.code.as_deref() == Some(NOT_APPLIED))
        .collect();
    assert_eq!(not_applied.len(), 499);
    assert!(not_applied.iter().all(|r| {
        let n: usize = r.key[2..].parse().unwrap();
        (501..=1000).contains(&n)
            && r.stage == RejectionStage::Vendor
            && r.message.contains("M-0700")
    }));
    // The first and third requests are saved, the offer with a warning included.
    assert_eq!(report.accepted.len(), 701);
    assert!(report.accepted.contains(&"M-0001".to_owned()));
    assert!(report.accepted.contains(&"M-1100".to_owned()));
    assert!(report.accepted.contains(&"M-1201".to_owned()));
    assert_eq!(out.warnings.len(), 2);
    let picker = out
        .warnings
        .iter()
        .find(|w| w.offer_id == "M-1100")
        .unwrap();
    assert_eq!(picker.warning.kind, OfferMappingErrorType::InvalidPickerUrl);
    assert_eq!(picker.warning.message, "Миниатюра");
}

#[tokio::test]
async fn an_empty_offer_id_is_rejected_locally_and_never_sent() {
    let server = serve(UPDATE, json!({"status": "OK"})).await;
    let ym = client(&server);
    let out = ym
        .offers()
        .update(BUSINESS, vec![small_offer(""), small_offer("OK-1")])
        .await
        .unwrap();
    assert_eq!(out.report.accepted, ["OK-1"]);
    let r = rejection(&out.report, "");
    assert_eq!(r.stage, RejectionStage::Validation);
    assert_eq!(r.code.as_deref(), Some("validation"));
    assert!(r.message.contains("empty"), "{}", r.message);
    let requests = sent(&server).await;
    assert_eq!(requests.len(), 1);
    assert_eq!(
        body_ids(&requests[0].1, "offerMappings", Some("/offer/offerId")),
        ["OK-1"]
    );
    assert_requests_match_spec(&server, UPDATE).await;

    // Nothing valid: nothing sent.
    let out = ym
        .offers()
        .update(BUSINESS, vec![small_offer("  "), small_offer("")])
        .await
        .unwrap();
    assert!(out.report.accepted.is_empty());
    assert_eq!(out.report.rejected.len(), 2);
    assert_eq!(sent(&server).await.len(), 1);
}

#[tokio::test]
async fn offers_that_cannot_be_valid_are_rejected_locally_by_offer_id() {
    let server = serve(UPDATE, json!({"status": "OK"})).await;
    let ym = client(&server);
    let long_id = "x".repeat(256);
    let mut too_many_params = UpdateOffer::new("PARAMS");
    too_many_params.parameter_values = (1..=301).map(|i| ParameterValue::text(i, "1")).collect();
    let mut bad_price = UpdateOffer::new("PRICE");
    bad_price.basic_price = Some(PriceWithDiscount::rub(Decimal::ZERO));
    let mut bad_box = UpdateOffer::new("BOX");
    bad_box.box_count = Some(0);
    let mut bad_dims = UpdateOffer::new("DIMS");
    bad_dims.weight_dimensions = Some(WeightDimensions {
        length: dec("1"),
        width: dec("1"),
        height: dec("-1"),
        weight: dec("1"),
    });
    let mut pictures = UpdateOffer::new("PICS");
    pictures.pictures = (0..31).map(|i| format!("https://e.com/{i}.jpg")).collect();
    let mut twice = UpdateOffer::new("BARCODES");
    twice.barcodes = vec!["1".into(), "1".into()];
    let cases: Vec<(UpdateOffer, &str)> = vec![
        (UpdateOffer::new(long_id.clone()), "256 characters"),
        (UpdateOffer::new("A\nB"), "control character"),
        (
            UpdateOffer::new("EMPTY-NAME").with_name(" "),
            "name is empty",
        ),
        (
            UpdateOffer::new("LONG-NAME").with_name("я".repeat(257)),
            "257 characters",
        ),
        (
            UpdateOffer::new("LONG-DESC").with_description("d".repeat(6001)),
            "6001 characters",
        ),
        (UpdateOffer::new("CATEGORY").with_category(0), "not above 0"),
        (too_many_params, "301 parameter values"),
        (
            UpdateOffer::new("PARAM-ID").with_parameter_values([ParameterValue::text(0, "1")]),
            "parameter id 0",
        ),
        (bad_price, "not above 0"),
        (bad_box, "below 1"),
        (bad_dims, "negative"),
        (pictures, "31 pictures"),
        (twice, "given twice"),
    ];
    let mut batch: Vec<UpdateOfferMapping> = cases
        .iter()
        .map(|(o, _)| UpdateOfferMapping::new(o.clone()))
        .collect();
    batch.push(small_offer("GOOD"));
    // The same offer again (Yandex Market trims the spaces): the second is turned down.
    batch.push(small_offer(" GOOD "));
    // A tab is allowed by the spec's pattern.
    batch.push(small_offer("TAB\tOK"));
    let out = ym.offers().update(BUSINESS, batch).await.unwrap();
    assert_eq!(out.report.accepted, ["GOOD", "TAB\tOK"]);
    for (offer, needle) in &cases {
        let r = rejection(&out.report, &offer.offer_id);
        assert_eq!(r.stage, RejectionStage::Validation, "{}", offer.offer_id);
        assert!(
            r.message.contains(needle),
            "{}: {}",
            offer.offer_id,
            r.message
        );
    }
    assert!(rejection(&out.report, " GOOD ").message.contains("twice"));
    let requests = sent(&server).await;
    assert_eq!(requests.len(), 1);
    assert_eq!(
        body_ids(&requests[0].1, "offerMappings", Some("/offer/offerId")),
        ["GOOD", "TAB\tOK"]
    );
    assert_requests_match_spec(&server, UPDATE).await;
}

#[tokio::test]
async fn a_smaller_request_size_and_the_language_are_honoured() {
    let server = serve(UPDATE, json!({"status": "OK"})).await;
    let ym = client(&server);
    let mappings: Vec<UpdateOfferMapping> = ids("S", 250).iter().map(|i| small_offer(i)).collect();
    let out = ym
        .offers()
        .in_language(CatalogLanguage::Ru)
        .update_with(
            BUSINESS,
            mappings,
            &UpdateOptions::default().per_request(100),
        )
        .await
        .unwrap();
    assert_eq!(out.report.accepted.len(), 250);
    let requests = sent(&server).await;
    let sizes: Vec<usize> = requests
        .iter()
        .map(|(_, b)| b["offerMappings"].as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, [100, 100, 50]);
    assert!(
        requests
            .iter()
            .all(|(r, _)| r.url.query() == Some("language=RU"))
    );
    assert_requests_match_spec(&server, UPDATE).await;
    for n in [0, 501] {
        let err = ym
            .offers()
            .update_with(BUSINESS, vec![], &UpdateOptions::default().per_request(n))
            .await
            .unwrap_err();
        assert!(matches!(err, Error::Validation { .. }), "{n}");
    }
}

#[tokio::test]
async fn large_offers_are_split_to_stay_under_the_body_limit() {
    let server = serve(UPDATE, json!({"status": "OK"})).await;
    let ym = client(&server);
    // 500 offers of about 12 KB each (6000 Cyrillic characters): about 6 MB in one request.
    let mappings: Vec<UpdateOfferMapping> = ids("BIG", 500)
        .iter()
        .map(|i| {
            UpdateOfferMapping::new(UpdateOffer::new(i.as_str()).with_description("ж".repeat(6000)))
        })
        .collect();
    let out = ym.offers().update(BUSINESS, mappings).await.unwrap();
    assert_eq!(
        out.report.accepted.len(),
        500,
        "{:?}",
        out.report.rejected.first()
    );
    let requests = sent(&server).await;
    assert!(requests.len() > 10, "{} requests", requests.len());
    let mut total = 0;
    for (r, b) in &requests {
        assert!(
            r.body.len() <= limits::MAX_BODY_BYTES,
            "{} bytes",
            r.body.len()
        );
        total += b["offerMappings"].as_array().unwrap().len();
    }
    assert_eq!(total, 500);
    assert_requests_match_spec(&server, UPDATE).await;
}

#[tokio::test]
async fn a_failed_request_rejects_its_offers_and_the_next_request_still_goes() {
    let server = MockServer::start().await;
    mock(UPDATE)
        .respond_with(|r: &WireRequest| {
            let body: Value = serde_json::from_slice(&r.body).unwrap();
            if body_ids(&body, "offerMappings", Some("/offer/offerId")).contains(&"F-0001".into()) {
                error_response(UPDATE, 400)
            } else {
                ResponseTemplate::new(200).set_body_json(json!({"status": "OK"}))
            }
        })
        .mount(&server)
        .await;
    let ym = client(&server);
    let mappings: Vec<UpdateOfferMapping> = ids("F", 600).iter().map(|i| small_offer(i)).collect();
    let out = ym.offers().update(BUSINESS, mappings).await.unwrap();
    assert_eq!(out.report.accepted.len(), 100);
    assert_eq!(out.report.rejected.len(), 500);
    let r = rejection(&out.report, "F-0001");
    assert_eq!(r.stage, RejectionStage::Request);
    assert_eq!(r.code.as_deref(), Some("text"));
    assert_eq!(sent(&server).await.len(), 2, "a 400 is not retried");
}

// -------------------------------------------------------------------------------------------
// getOfferCardsContentStatus
// -------------------------------------------------------------------------------------------

#[tokio::test]
async fn cards_read_one_page_with_status_rating_values_and_errors() {
    let server = serve(CARDS, cards_page(&["C-1".into()], Some("c2"))).await;
    let ym = client(&server);
    let request = GetOfferCardsContentStatusRequest::default()
        .with_card_statuses([OfferCardStatus::HasCardCanUpdateErrors])
        .with_category_ids([91491])
        .with_recommendations(true);
    let page = ym
        .offers()
        .cards(BUSINESS, &request, &PageQuery::first().with_limit(200))
        .await
        .unwrap();
    assert_eq!(page.next.as_deref(), Some("c2"));
    let card = &page.items[0];
    assert_eq!(card.offer_id, "C-1");
    assert_eq!(
        card.card_status,
        Some(OfferCardStatus::HasCardCanUpdateErrors)
    );
    assert_eq!(card.content_rating, Some(73));
    assert_eq!(card.average_content_rating, Some(80));
    assert_eq!(
        card.content_rating_status,
        Some(OfferCardContentStatus::Actual)
    );
    assert_eq!(
        card.parameter_values,
        [
            ParameterValue {
                parameter_id: ParameterId(7893318),
                unit_id: None,
                value_id: Some(153043),
                value: Some("Apple".into()),
            },
            ParameterValue::text(23674510, "180").with_unit(6),
        ]
    );
    assert_eq!(
        card.recommendations[0].kind,
        OfferCardRecommendationType::HasVideo
    );
    assert_eq!(card.recommendations[0].remaining_rating_points, Some(10));
    assert_eq!(card.errors[0].message.as_deref(), Some("Нет фото"));
    assert!(card.warnings.is_empty());
    let (r, body) = &sent(&server).await[0];
    assert_eq!(r.url.path(), "/v2/businesses/900/offer-cards");
    assert_eq!(r.url.query(), Some("limit=200"));
    assert_eq!(
        body,
        &json!({
            "cardStatuses": ["HAS_CARD_CAN_UPDATE_ERRORS"],
            "categoryIds": [91491],
            "withRecommendations": true
        })
    );
    assert_requests_match_spec(&server, CARDS).await;
}

#[tokio::test]
async fn cards_stream_splits_offer_ids_and_pages_each_request_to_its_end() {
    let wanted = ids("C", 250);
    let server = MockServer::start().await;
    let first_half: Vec<String> = wanted[..100].to_vec();
    let second_half: Vec<String> = wanted[100..200].to_vec();
    let rest: Vec<String> = wanted[200..].to_vec();
    mock(CARDS)
        .and(query_param_is_missing("pageToken"))
        .respond_with(move |r: &WireRequest| {
            let body: Value = serde_json::from_slice(&r.body).unwrap();
            let ids = body_ids(&body, "offerIds", None);
            if ids.len() == 200 {
                ResponseTemplate::new(200).set_body_json(cards_page(&first_half, Some("k2")))
            } else {
                ResponseTemplate::new(200).set_body_json(cards_page(&rest, None))
            }
        })
        .mount(&server)
        .await;
    mock(CARDS)
        .and(query_param("pageToken", "k2"))
        .respond_with(ResponseTemplate::new(200).set_body_json(cards_page(&second_half, None)))
        .mount(&server)
        .await;
    let ym = client(&server);
    let cards: Vec<OfferCard> = ym
        .offers()
        .cards_stream(
            BUSINESS,
            GetOfferCardsContentStatusRequest::by_offer_ids(wanted.clone()),
            PageQuery::first().with_limit(100),
        )
        .try_collect()
        .await
        .unwrap();
    let got: Vec<String> = cards.iter().map(|c| c.offer_id.clone()).collect();
    assert_eq!(got, wanted);
    let requests = sent(&server).await;
    let shape: Vec<(usize, Option<String>)> = requests
        .iter()
        .map(|(r, b)| {
            (
                b["offerIds"].as_array().unwrap().len(),
                r.url
                    .query_pairs()
                    .find(|(k, _)| k == "pageToken")
                    .map(|(_, v)| v.into_owned()),
            )
        })
        .collect();
    assert_eq!(shape, [(200, None), (200, Some("k2".into())), (50, None)]);
    assert_requests_match_spec(&server, CARDS).await;
}

#[tokio::test]
async fn invalid_card_reads_are_refused_before_sending() {
    let server = serve(CARDS, cards_page(&[], None)).await;
    let ym = client(&server);
    let offers = ym.offers();
    for (request, page) in [
        (
            GetOfferCardsContentStatusRequest::by_offer_ids(ids("C", 201)),
            PageQuery::first(),
        ),
        (
            GetOfferCardsContentStatusRequest::by_offer_ids(["A"])
                .with_card_statuses([OfferCardStatus::NoCardErrors]),
            PageQuery::first(),
        ),
        (
            GetOfferCardsContentStatusRequest::default().with_category_ids(1..=201),
            PageQuery::first(),
        ),
        (
            GetOfferCardsContentStatusRequest::default(),
            PageQuery::first().with_limit(201),
        ),
        (
            GetOfferCardsContentStatusRequest::by_offer_ids([""]),
            PageQuery::first(),
        ),
    ] {
        let err = offers.cards(BUSINESS, &request, &page).await.unwrap_err();
        assert!(
            matches!(err, Error::Validation { .. }),
            "{request:?}: {err:?}"
        );
    }
    assert!(sent(&server).await.is_empty());
}

// -------------------------------------------------------------------------------------------
// updateOfferContent
// -------------------------------------------------------------------------------------------

#[tokio::test]
async fn content_is_split_at_100_with_errors_and_warnings_per_offer() {
    let server = MockServer::start().await;
    mock(CONTENT)
        .respond_with(|r: &WireRequest| {
            let body: Value = serde_json::from_slice(&r.body).unwrap();
            let sent = body_ids(&body, "offersContent", Some("/offerId"));
            let answer = if sent.contains(&"P-0120".into()) {
                json!({"status": "OK", "results": [
                    {"offerId": "P-0120", "errors": [{"type": "OFFER_NOT_FOUND", "message": "Нет товара"}]},
                    {"offerId": "P-0121", "warnings": [{"type": "NUMBER_FORMAT", "parameterId": 23674510, "message": "Не число"}]}
                ]})
            } else {
                json!({"status": "OK"})
            };
            ResponseTemplate::new(200).set_body_json(answer)
        })
        .mount(&server)
        .await;
    let ym = client(&server);
    let mut offers: Vec<OfferContent> = ids("P", 150)
        .iter()
        .map(|i| OfferContent::new(i.as_str(), 91491, [ParameterValue::text(23674510, "180")]))
        .collect();
    offers.push(OfferContent::new("NO-VALUES", 91491, []));
    offers.push(OfferContent::new(
        "NO-CATEGORY",
        0,
        [ParameterValue::text(1, "x")],
    ));
    let out = ym.offers().update_content(BUSINESS, offers).await.unwrap();
    let requests = sent(&server).await;
    let sizes: Vec<usize> = requests
        .iter()
        .map(|(_, b)| b["offersContent"].as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, [100, 50]);
    assert_eq!(
        requests[0].1["offersContent"][0],
        json!({
            "offerId": "P-0001",
            "categoryId": 91491,
            "parameterValues": [{"parameterId": 23674510, "value": "180"}]
        })
    );
    assert_requests_match_spec(&server, CONTENT).await;

    let report = &out.report;
    assert_eq!(report.len(), 152);
    assert_eq!(report.accepted.len(), 100);
    let bad = rejection(report, "P-0120");
    assert_eq!(bad.code.as_deref(), Some("OFFER_NOT_FOUND"));
    assert_eq!(bad.stage, RejectionStage::Vendor);
    assert_eq!(
        rejection(report, "P-0121").code.as_deref(),
        Some(NOT_APPLIED)
    );
    assert_eq!(
        rejection(report, "P-0150").code.as_deref(),
        Some(NOT_APPLIED)
    );
    for key in ["NO-VALUES", "NO-CATEGORY"] {
        assert_eq!(rejection(report, key).stage, RejectionStage::Validation);
    }
    assert_eq!(out.warnings.len(), 1);
    assert_eq!(out.warnings[0].offer_id, "P-0121");
    assert_eq!(
        out.warnings[0].warning.kind,
        OfferContentErrorType::NumberFormat
    );
    assert_eq!(
        out.warnings[0].warning.parameter_id,
        Some(ParameterId(23674510))
    );
}

// -------------------------------------------------------------------------------------------
// addOffersToArchive, deleteOffersFromArchive, deleteOffers
// -------------------------------------------------------------------------------------------

#[tokio::test]
async fn archive_partial_failure_is_reported_per_offer() {
    let server = serve(
        ARCHIVE,
        json!({"status": "OK", "result": {"notArchivedOffers": [
            {"offerId": "B", "error": "OFFER_HAS_STOCKS"},
            {"offerId": "D", "error": "UNKNOWN"}
        ]}}),
    )
    .await;
    let ym = client(&server);
    let report = ym
        .offers()
        .archive(
            BUSINESS,
            vec!["A".into(), "B".into(), "C".into(), " D ".into(), "".into()],
        )
        .await
        .unwrap();
    assert_eq!(report.accepted, ["A", "C"]);
    let b = rejection(&report, "B");
    assert_eq!(b.stage, RejectionStage::Vendor);
    assert_eq!(b.code.as_deref(), Some("OFFER_HAS_STOCKS"));
    // Yandex Market answers with the trimmed id: the rejection keeps the caller's.
    assert_eq!(rejection(&report, " D ").code.as_deref(), Some("UNKNOWN"));
    assert_eq!(rejection(&report, "").stage, RejectionStage::Validation);
    let requests = sent(&server).await;
    assert_eq!(requests.len(), 1);
    assert_eq!(
        requests[0].0.url.path(),
        "/v2/businesses/900/offer-mappings/archive"
    );
    assert_eq!(requests[0].1, json!({"offerIds": ["A", "B", "C", " D "]}));
    assert_requests_match_spec(&server, ARCHIVE).await;
}

#[tokio::test]
async fn archive_unarchive_and_delete_answered_error_with_200_accept_nothing() {
    let error = json!({"status": "ERROR", "errors": [{"code": "INTERNAL_ERROR", "message": "Internal error"}]});
    for op in [ARCHIVE, UNARCHIVE, DELETE] {
        let server = serve(op, error.clone()).await;
        let ym = client(&server);
        let offers = ym.offers();
        let ids = vec!["A".to_owned(), "B".to_owned()];
        let report = match op {
            ARCHIVE => offers.archive(BUSINESS, ids).await,
            UNARCHIVE => offers.unarchive(BUSINESS, ids).await,
            _ => offers.delete(BUSINESS, ids).await,
        }
        .unwrap();
        assert!(report.accepted.is_empty(), "{op}: {report:?}");
        assert_eq!(report.rejected.len(), 2, "{op}: {report:?}");
    }
}

#[tokio::test]
async fn archive_and_unarchive_split_at_200_and_delete_at_500() {
    for (op, max) in [(ARCHIVE, 200), (UNARCHIVE, 200), (DELETE, 500)] {
        let server = serve(op, json!({"status": "OK", "result": {}})).await;
        let ym = client(&server);
        let all = ids("Z", 2 * max + 1);
        let offers = ym.offers();
        let report = match op {
            ARCHIVE => offers.archive(BUSINESS, all.clone()).await,
            UNARCHIVE => offers.unarchive(BUSINESS, all.clone()).await,
            _ => offers.delete(BUSINESS, all.clone()).await,
        }
        .unwrap();
        assert_eq!(report.accepted, all, "{op}");
        let sizes: Vec<usize> = sent(&server)
            .await
            .iter()
            .map(|(_, b)| b["offerIds"].as_array().unwrap().len())
            .collect();
        assert_eq!(sizes, [max, max, 1], "{op}");
        assert_requests_match_spec(&server, op).await;
    }
}

#[tokio::test]
async fn unarchive_and_delete_report_the_offers_left_as_they_were() {
    let server = serve(
        UNARCHIVE,
        json!({"status": "OK", "result": {"notUnarchivedOfferIds": ["B"]}}),
    )
    .await;
    let report = client(&server)
        .offers()
        .unarchive(BUSINESS, vec!["A".into(), "B".into()])
        .await
        .unwrap();
    assert_eq!(report.accepted, ["A"]);
    let b = rejection(&report, "B");
    assert_eq!(
        (b.stage, b.code.as_deref()),
        (RejectionStage::Vendor, Some(NOT_UNARCHIVED))
    );
    assert_eq!(
        sent(&server).await[0].0.url.path(),
        "/v2/businesses/900/offer-mappings/unarchive"
    );
    assert_requests_match_spec(&server, UNARCHIVE).await;

    let server = serve(
        DELETE,
        json!({"status": "OK", "result": {"notDeletedOfferIds": ["A"]}}),
    )
    .await;
    let report = client(&server)
        .offers()
        .delete(BUSINESS, vec!["A".into(), "B".into(), "B".into()])
        .await
        .unwrap();
    assert_eq!(report.accepted, ["B"]);
    assert_eq!(rejection(&report, "A").code.as_deref(), Some(NOT_DELETED));
    // The repeated "B" is turned down locally; the first is sent once.
    let repeated: Vec<&Rejection<String>> =
        report.rejected.iter().filter(|r| r.key == "B").collect();
    assert_eq!(repeated.len(), 1);
    assert_eq!(repeated[0].stage, RejectionStage::Validation);
    let requests = sent(&server).await;
    assert_eq!(
        requests[0].0.url.path(),
        "/v2/businesses/900/offer-mappings/delete"
    );
    assert_eq!(requests[0].1, json!({"offerIds": ["A", "B"]}));
    assert_requests_match_spec(&server, DELETE).await;
}

#[tokio::test]
async fn a_server_failure_rejects_the_offers_at_the_request_stage() {
    let server = serve_with(ARCHIVE, error_response(ARCHIVE, 500)).await;
    let report = client(&server)
        .offers()
        .archive(BUSINESS, vec!["A".into(), "B".into()])
        .await
        .unwrap();
    assert!(report.accepted.is_empty());
    for key in ["A", "B"] {
        let r = rejection(&report, key);
        assert_eq!(r.stage, RejectionStage::Request);
        assert_eq!(r.code.as_deref(), Some("text"));
    }
    // Retried once (the harness client makes two attempts).
    assert_eq!(sent(&server).await.len(), 2);
}

#[tokio::test]
async fn a_bad_business_id_fails_every_write_before_sending() {
    let server = MockServer::start().await;
    let ym = client(&server);
    let offers = ym.offers();
    let bad = BusinessId(0);
    assert!(offers.update(bad, vec![small_offer("A")]).await.is_err());
    assert!(offers.update_content(bad, vec![]).await.is_err());
    assert!(offers.archive(bad, vec!["A".into()]).await.is_err());
    assert!(offers.unarchive(bad, vec!["A".into()]).await.is_err());
    assert!(offers.delete(bad, vec!["A".into()]).await.is_err());
    assert!(sent(&server).await.is_empty());
}

// ---- An unreachable host (issue 11, item 11) ---------------------------------------------

#[tokio::test(start_paused = true)]
async fn a_refused_port_stops_at_the_first_part_and_every_offer_is_not_sent_once() {
    // A port nothing listens on: bound, read, and released.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    drop(listener);
    let ym = yandex_market_api::Client::builder(API_KEY)
        .base_url(format!("http://127.0.0.1:{port}"))
        .retry(market_core::transport::RetryPolicy {
            max_attempts: 2,
            jitter: false,
            ..Default::default()
        })
        .http(market_core::transport::HttpSettings {
            connect_timeout: None,
            request_timeout: None,
            pool_idle_timeout: None,
            ..Default::default()
        })
        .without_rate_limits()
        .build()
        .unwrap();
    // 1000 offers of about 12 KB: two chunks of 500, each split into many parts by size.
    let mappings: Vec<UpdateOfferMapping> = ids("BIG", 1000)
        .iter()
        .map(|i| {
            UpdateOfferMapping::new(UpdateOffer::new(i.as_str()).with_description("ж".repeat(6000)))
        })
        .collect();
    let out = ym.offers().update(BUSINESS, mappings).await.unwrap();
    let report = out.report;
    let mut seen = std::collections::HashSet::new();
    for k in report
        .accepted
        .iter()
        .chain(report.rejected.iter().map(|r| &r.key))
    {
        assert!(seen.insert(k.clone()), "{k} reported twice");
    }
    assert_eq!(seen.len(), 1000);
    assert_eq!(
        report.not_sent().count(),
        1000,
        "every offer not sent: {:?}",
        report
            .rejected
            .iter()
            .find(|r| r.stage != RejectionStage::NotSent)
    );
    // Only the first part was tried: it carries the transport's error, the rest were never
    // sent because of it.
    let tried: Vec<_> = report
        .rejected
        .iter()
        .filter(|r| r.code.as_deref() == Some("transport"))
        .collect();
    assert!(
        !tried.is_empty() && tried.len() < 100,
        "{} offers carry the transport error",
        tried.len()
    );
    assert!(
        report
            .rejected
            .iter()
            .all(|r| r.message.starts_with("not sent: "))
    );
}
