//! Contract tests of the content section against the WB spec snapshot (`02-products`).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common::*;
use futures::TryStreamExt;
use market_core::{Error, RejectionStage};
use rust_decimal::Decimal;
use serde_json::{Value, json};
use wb_api::api::content::*;
use wb_api::ids::CharcId;
use wb_api::models::content::*;
use wb_api::{ChrtId, NmId, SubjectId};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request as WireRequest, Respond, ResponseTemplate};

const OK: &str = r#"{"additionalErrors": {}, "data": null, "error": false, "errorText": ""}"#;

fn ok_envelope() -> Value {
    serde_json::from_str(OK).unwrap()
}

fn envelope(data: Value) -> Value {
    json!({"additionalErrors": null, "data": data, "error": false, "errorText": ""})
}

fn query(r: &WireRequest, key: &str) -> Option<String> {
    r.url
        .query_pairs()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.into_owned())
}

// ---------------------------------------------------------------------------------------------
// Decoding and request shapes

#[test]
fn responses_decode_strictly() {
    assert_responses_decode::<ParentCategoriesResponse>("GET /content/v2/object/parent/all");
    assert_responses_decode::<SubjectsResponse>("GET /content/v2/object/all");
    assert_responses_decode::<SubjectCharcsResponse>("GET /content/v2/object/charcs/{subjectId}");
    assert_responses_decode::<ColorsResponse>("GET /content/v2/directory/colors");
    assert_responses_decode::<KindsResponse>("GET /content/v2/directory/kinds");
    assert_responses_decode::<CountriesResponse>("GET /content/v2/directory/countries");
    assert_responses_decode::<SeasonsResponse>("GET /content/v2/directory/seasons");
    assert_responses_decode::<VatResponse>("GET /content/v2/directory/vat");
    assert_responses_decode::<TnvedResponse>("GET /content/v2/directory/tnved");
    assert_responses_decode::<CardsListResponse>("POST /content/v2/get/cards/list");
    assert_responses_decode::<CardErrorsResponse>("POST /content/v2/cards/error/list");
    assert_responses_decode::<CardsWriteResponse>("POST /content/v2/cards/upload");
    assert_responses_decode::<CardsWriteResponse>("POST /content/v2/cards/upload/add");
    assert_responses_decode::<CardsWriteResponse>("POST /content/v2/cards/update");
    assert_responses_decode::<BarcodesResponse>("POST /content/v2/barcodes");
    assert_responses_decode::<MediaSaveResponse>("POST /content/v3/media/save");
    assert_responses_decode::<TrashResponse>("POST /content/v2/cards/delete/trash");
    assert_responses_decode::<TrashResponse>("POST /content/v2/cards/recover");
    assert_responses_decode::<CardsLimitsResponse>("GET /content/v2/cards/limits");
}

#[test]
fn the_400_examples_of_card_writes_decode_as_refusals_with_their_text() {
    for op in [
        "POST /content/v2/cards/upload",
        "POST /content/v2/cards/upload/add",
    ] {
        let examples = spec().response_examples(op, "400");
        assert_eq!(examples.len(), 6, "{op}");
        for ex in examples {
            let e: CardsWriteResponse = decode(op, "400 example", &ex);
            assert!(e.error);
            let err = e.into_result("cards_upload").unwrap_err();
            assert!(matches!(err, Error::Validation { .. }), "{err}");
        }
    }
    let ex = spec()
        .response_examples("POST /content/v2/cards/upload", "400")
        .into_iter()
        .find(|e| e["errorText"] == "This category does not exist")
        .unwrap();
    let e: CardsWriteResponse = decode("upload", "400 example", &ex);
    assert_eq!(
        e.error_message(),
        r#"This category does not exist ({"id":"342342"})"#
    );
}

/// Every example of a request body (WB names several for card creation).
fn request_examples(op: &str) -> Vec<Value> {
    let body = &spec().operation(op)["requestBody"]["content"]["application/json"];
    let mut out = Vec::new();
    if !body["example"].is_null() {
        out.push(body["example"].clone());
    }
    if let Some(map) = body["examples"].as_object() {
        for v in map.values() {
            let (e, _) = spec().resolve(v);
            out.push(e["value"].clone());
        }
    }
    out
}

fn round_trip<T: serde::de::DeserializeOwned + serde::Serialize>(op: &str, n: usize) {
    let examples = request_examples(op);
    assert_eq!(examples.len(), n, "{op}: request examples");
    for ex in examples {
        let req: T = decode(op, "request example", &ex);
        let back = serde_json::to_value(&req).unwrap();
        assert_eq!(back, ex, "{op}: the request example does not round-trip");
        assert!(spec().check_request(op, &back).is_empty());
    }
}

#[test]
fn the_vendor_request_examples_round_trip() {
    round_trip::<CardsListRequest>("POST /content/v2/get/cards/list", 1);
    round_trip::<Vec<CardToCreate>>("POST /content/v2/cards/upload", 3);
    round_trip::<CardsAddRequest>("POST /content/v2/cards/upload/add", 1);
    round_trip::<MediaSaveRequest>("POST /content/v3/media/save", 1);
    round_trip::<NmIdsRequest>("POST /content/v2/cards/delete/trash", 1);
    round_trip::<NmIdsRequest>("POST /content/v2/cards/recover", 1);
    // The error list example has a +08:00 offset: it comes back as the same instant in UTC.
    let op = "POST /content/v2/cards/error/list";
    let ex = spec().request_example(op).unwrap();
    let req: CardErrorsRequest = decode(op, "request example", &ex);
    let c = req.cursor.clone().unwrap();
    assert_eq!(c.limit, Some(31));
    assert_eq!(
        c.updated_at.unwrap().to_rfc3339(),
        "2025-08-05T09:54:40+00:00"
    );
    let back = serde_json::to_value(&req).unwrap();
    assert_eq!(back["cursor"]["updatedAt"], "2025-08-05T09:54:40Z");
    assert!(spec().check_request(op, &back).is_empty());
}

#[test]
fn maximal_requests_decode_into_the_request_types() {
    // Every field of the request schemas has a place in the request types.
    let s = spec();
    let max = |op: &str| s.maximal(s.request_schema(op));
    let _: CardsListRequest = decode("cards list", "maximal request", &{
        let mut m = max("POST /content/v2/get/cards/list");
        m["settings"]["filter"]["withPhoto"] = json!(1);
        m
    });
    let _: CardErrorsRequest = decode("error list", "maximal request", &{
        let mut m = max("POST /content/v2/cards/error/list");
        m["cursor"]["limit"] = json!(100);
        m
    });
    let _: Vec<CardToCreate> = decode(
        "upload",
        "maximal request",
        &max("POST /content/v2/cards/upload"),
    );
    let _: CardsAddRequest = decode(
        "upload/add",
        "maximal request",
        &max("POST /content/v2/cards/upload/add"),
    );
    let _: Vec<CardUpdate> = decode(
        "update",
        "maximal request",
        &max("POST /content/v2/cards/update"),
    );
    let _: BarcodesRequest = decode("barcodes", "maximal", &max("POST /content/v2/barcodes"));
}

#[test]
fn operations_have_the_content_host_and_creation_is_not_repeated() {
    // Limit groups are checked against WB's limit table in tests/limits.rs.
    for op in [
        &PARENT_CATEGORIES,
        &SUBJECTS,
        &SUBJECT_CHARCS,
        &DIRECTORY_COLORS,
        &DIRECTORY_KINDS,
        &DIRECTORY_COUNTRIES,
        &DIRECTORY_SEASONS,
        &DIRECTORY_VAT,
        &DIRECTORY_TNVED,
        &CARDS_LIST,
        &BARCODES,
        &MEDIA_SAVE,
        &CARDS_TRASH,
        &CARDS_RECOVER,
        &CARDS_LIMITS,
    ] {
        let m = op.method.as_str();
        assert!(!spec().server(&format!("{m} {}", op.path)).is_empty());
    }
    assert!(!CARDS_UPLOAD.idempotent);
    assert!(!CARDS_UPLOAD_ADD.idempotent);
    assert!(CARDS_UPDATE.idempotent);
    assert_eq!(CARDS_UPLOAD.batch_max, Some(100));
    assert_eq!(CARDS_UPDATE.batch_max, Some(3000));
    assert_eq!(CARDS_TRASH.batch_max, Some(1000));
    // The hosts the spec gives are the content host.
    assert_eq!(
        spec().server("POST /content/v2/get/cards/list"),
        wb_api::Host::Content.production_url()
    );
}

#[test]
fn spec_maxima_are_the_constants() {
    let s = spec();
    let errors = s.schema("swagger.PublicErrorsCursorInput");
    assert_eq!(
        errors["properties"]["limit"]["maximum"],
        json!(CARD_ERRORS_PAGE_MAX)
    );
    let trash = s.request_schema("POST /content/v2/cards/delete/trash");
    assert_eq!(
        trash["properties"]["nmIDs"]["maximum"],
        json!(CARDS_TRASH_MAX)
    );
    let upload = s.request_schema("POST /content/v2/cards/upload");
    let variant = &upload["items"]["properties"]["variants"]["items"]["properties"];
    assert_eq!(variant["title"]["maxLength"], json!(TITLE_MAX_CHARS));
    assert_eq!(
        variant["vendorCode"]["maxLength"],
        json!(VENDOR_CODE_MAX_CHARS)
    );
}

// ---------------------------------------------------------------------------------------------
// Categories, subjects, characteristics, dictionaries

#[tokio::test]
async fn parent_categories_with_a_locale() {
    let server = serve(
        "GET /content/v2/object/parent/all",
        envelope(json!([{"id": 479, "isVisible": true, "name": "Electronics"}])),
    )
    .await;
    let wb = client(&server);
    let got = wb
        .content()
        .with_locale(Locale::En)
        .parent_categories()
        .await
        .unwrap();
    assert_eq!(
        got,
        [ParentCategory {
            id: 479,
            is_visible: true,
            name: "Electronics".into()
        }]
    );
    let requests = sent(&server).await;
    assert_eq!(query(&requests[0].0, "locale").as_deref(), Some("en"));
    assert_requests_match_spec(&server, "GET /content/v2/object/parent/all").await;
}

#[tokio::test]
async fn subjects_one_page_sends_every_query_parameter() {
    let ex = spec()
        .response_example("GET /content/v2/object/all")
        .unwrap();
    let server = serve("GET /content/v2/object/all", ex).await;
    let wb = client(&server);
    let page = wb
        .content()
        .subjects(&SubjectsQuery {
            name: Some("Носки".into()),
            parent_id: Some(479),
            limit: 50,
            offset: 100,
        })
        .await
        .unwrap();
    assert_eq!(page.len(), 2);
    assert_eq!(page[0].subject_id, SubjectId(2560));
    assert_eq!(page[0].parent_id, 479);
    assert_eq!(page[1].subject_name, "3D-принтеры");
    let (r, _) = &sent(&server).await[0];
    assert_eq!(query(r, "name").as_deref(), Some("Носки"));
    assert_eq!(query(r, "parentID").as_deref(), Some("479"));
    assert_eq!(query(r, "limit").as_deref(), Some("50"));
    assert_eq!(query(r, "offset").as_deref(), Some("100"));
    assert_requests_match_spec(&server, "GET /content/v2/object/all").await;

    for limit in [0, 1001] {
        let err = wb
            .content()
            .subjects(&SubjectsQuery {
                limit,
                ..SubjectsQuery::default()
            })
            .await
            .unwrap_err();
        assert!(matches!(err, Error::Validation { .. }), "{err}");
    }
    assert_eq!(sent(&server).await.len(), 1, "invalid limits are not sent");
}

/// Answers the subjects list from a catalogue of `n` subjects by `limit` and `offset`.
struct SubjectCatalogue(usize);

impl Respond for SubjectCatalogue {
    fn respond(&self, r: &WireRequest) -> ResponseTemplate {
        let limit: usize = query(r, "limit").unwrap().parse().unwrap();
        let offset: usize = query(r, "offset").unwrap().parse().unwrap();
        let data: Vec<Value> = (offset..(offset + limit).min(self.0))
            .map(|i| json!({"subjectID": i + 1, "subjectName": format!("S{i}"), "parentID": 1, "parentName": "P"}))
            .collect();
        ResponseTemplate::new(200).set_body_json(envelope(json!(data)))
    }
}

#[tokio::test]
async fn subjects_stream_pages_by_offset_to_the_end() {
    let server = MockServer::start().await;
    Mock::given(path("/content/v2/object/all"))
        .respond_with(SubjectCatalogue(2003))
        .mount(&server)
        .await;
    let wb = client(&server);
    let all: Vec<Subject> = wb
        .content()
        .subjects_stream(Some("a".into()), None)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(all.len(), 2003);
    assert_eq!(all[2002].subject_id, SubjectId(2003));
    let offsets: Vec<String> = sent(&server)
        .await
        .iter()
        .map(|(r, _)| query(r, "offset").unwrap())
        .collect();
    assert_eq!(offsets, ["0", "1000", "2000"]);
    assert_requests_match_spec(&server, "GET /content/v2/object/all").await;
}

#[tokio::test]
async fn subject_charcs_by_path_parameter() {
    let server = serve(
        "GET /content/v2/object/charcs/105",
        envelope(json!([{
            "charcID": 54337, "subjectName": "Кроссовки", "subjectID": 105, "name": "Размер",
            "required": false, "unitName": "см", "maxCount": 0, "popular": false, "charcType": 4
        }, {
            "charcID": 14177449, "subjectName": "Кроссовки", "subjectID": 105, "name": "Цвет",
            "required": true, "unitName": "", "maxCount": 3, "popular": true, "charcType": 1
        }])),
    )
    .await;
    let wb = client(&server);
    let charcs = wb.content().subject_charcs(SubjectId(105)).await.unwrap();
    assert_eq!(charcs[0].charc_id, CharcId(54337));
    assert_eq!(charcs[0].kind(), CharcKind::Number);
    assert_eq!(charcs[1].kind(), CharcKind::Strings);
    assert!(charcs[1].required);
    assert_eq!(charcs[1].max_count, 3);
    assert_requests_match_spec(&server, "GET /content/v2/object/charcs/{subjectId}").await;
    assert!(matches!(
        wb.content().subject_charcs(SubjectId(0)).await,
        Err(Error::Validation { .. })
    ));
    assert_eq!(sent(&server).await.len(), 1);
}

#[tokio::test]
async fn dictionaries() {
    let server = MockServer::start().await;
    for (p, data) in [
        (
            "/content/v2/directory/colors",
            json!([{"name": "персиковый мелок", "parentName": "оранжевый"}]),
        ),
        ("/content/v2/directory/kinds", json!(["Мужской", "Женский"])),
        (
            "/content/v2/directory/countries",
            json!([{"name": "Китай", "fullName": "Китайская Народная Республика"}]),
        ),
        ("/content/v2/directory/seasons", json!(["демисезон"])),
        (
            "/content/v2/directory/vat",
            json!(["0", "10", "20", "Без НДС", "13"]),
        ),
    ] {
        Mock::given(method("GET"))
            .and(path(p))
            .respond_with(ResponseTemplate::new(200).set_body_json(envelope(data)))
            .mount(&server)
            .await;
    }
    let wb = client(&server);
    let api = wb.content().with_locale(Locale::Ru);
    let colors = api.colors().await.unwrap();
    assert_eq!(colors[0].parent_name, "оранжевый");
    assert_eq!(api.kinds().await.unwrap(), ["Мужской", "Женский"]);
    let countries = api.countries().await.unwrap();
    assert_eq!(countries[0].full_name, "Китайская Народная Республика");
    assert_eq!(api.seasons().await.unwrap(), ["демисезон"]);
    assert_eq!(
        api.vat_rates().await.unwrap(),
        ["0", "10", "20", "Без НДС", "13"]
    );
    let requests = sent(&server).await;
    assert_eq!(requests.len(), 5);
    for (r, _) in &requests {
        let op = format!("GET {}", r.url.path());
        let problems = spec().check_query(&op, r.url.query_pairs());
        assert!(problems.is_empty(), "{op}: {problems:?}");
        assert_eq!(query(r, "locale").as_deref(), Some("ru"));
        assert_eq!(r.headers.get("authorization").unwrap(), TOKEN);
    }
    assert_eq!(sent(&server).await.len(), 5);
    assert_requests_to_match_spec(&server, "GET /content/v2/directory/colors").await;
    assert_requests_to_match_spec(&server, "GET /content/v2/directory/kinds").await;
    assert_requests_to_match_spec(&server, "GET /content/v2/directory/countries").await;
    assert_requests_to_match_spec(&server, "GET /content/v2/directory/seasons").await;
    assert_requests_to_match_spec(&server, "GET /content/v2/directory/vat").await;
}

#[tokio::test]
async fn every_dictionary_request_matches_the_spec() {
    for op in [
        "GET /content/v2/directory/colors",
        "GET /content/v2/directory/kinds",
        "GET /content/v2/directory/countries",
        "GET /content/v2/directory/seasons",
        "GET /content/v2/directory/vat",
    ] {
        let server = serve(op, envelope(json!([]))).await;
        let wb = client(&server);
        let api = wb.content();
        match op {
            "GET /content/v2/directory/colors" => assert!(api.colors().await.unwrap().is_empty()),
            "GET /content/v2/directory/kinds" => assert!(api.kinds().await.unwrap().is_empty()),
            "GET /content/v2/directory/countries" => {
                assert!(api.countries().await.unwrap().is_empty())
            }
            "GET /content/v2/directory/seasons" => {
                assert!(api.seasons().await.unwrap().is_empty())
            }
            _ => assert!(api.vat_rates().await.unwrap().is_empty()),
        }
        assert_requests_match_spec(&server, op).await;
    }
}

#[tokio::test]
async fn tnved_by_subject_and_code_fragment() {
    let ex = spec()
        .response_example("GET /content/v2/directory/tnved")
        .unwrap();
    let server = serve("GET /content/v2/directory/tnved", ex).await;
    let wb = client(&server);
    let codes = wb
        .content()
        .tnved(SubjectId(105), Some("0106"))
        .await
        .unwrap();
    assert_eq!(
        codes,
        [Tnved {
            is_kiz: true,
            tnved: "6106903000".into()
        }]
    );
    let (r, _) = &sent(&server).await[0];
    assert_eq!(query(r, "subjectID").as_deref(), Some("105"));
    assert_eq!(
        query(r, "search").as_deref(),
        Some("0106"),
        "leading zeros kept"
    );
    assert_requests_match_spec(&server, "GET /content/v2/directory/tnved").await;
    for bad in ["61-06", ""] {
        assert!(matches!(
            wb.content().tnved(SubjectId(105), Some(bad)).await,
            Err(Error::Validation { .. })
        ));
    }
    assert_eq!(sent(&server).await.len(), 1);
}

#[tokio::test]
async fn an_envelope_with_error_true_is_an_error_with_wbs_text() {
    let server = serve(
        "GET /content/v2/directory/colors",
        json!({"additionalErrors": "subject 7 not found", "data": null, "error": true, "errorText": "Bad request"}),
    )
    .await;
    let wb = client(&server);
    let err = wb.content().colors().await.unwrap_err();
    // WB's refusal on a 200: an API error naming the operation with WB's text, not retried.
    match &err {
        Error::Api(e) => {
            assert_eq!(
                (e.vendor, e.operation, e.status),
                ("wildberries", "directory_colors", 200)
            );
            assert_eq!(e.kind, market_core::ApiErrorKind::BadRequest);
            assert!(e.message.starts_with("Bad request"), "{}", e.message);
            assert!(e.message.contains("subject 7 not found"), "{}", e.message);
        }
        other => panic!("{other}"),
    }
    assert_eq!(sent(&server).await.len(), 1, "not retried");
}

#[tokio::test]
async fn http_errors_carry_wbs_error_text() {
    let server = MockServer::start().await;
    Mock::given(path("/content/v2/cards/limits"))
        .respond_with(ResponseTemplate::new(403).set_body_json(
            json!({"additionalErrors": "Доступ запрещен", "data": null, "error": true, "errorText": "Доступ запрещен"}),
        ))
        .mount(&server)
        .await;
    let wb = client(&server);
    let err = wb.content().limits().await.unwrap_err();
    assert_eq!(err.status(), Some(403));
    assert!(err.to_string().contains("Доступ запрещен"), "{err}");
}

#[tokio::test]
async fn card_limits() {
    let ex = spec()
        .response_example("GET /content/v2/cards/limits")
        .unwrap();
    let server = serve("GET /content/v2/cards/limits", ex).await;
    let wb = client(&server);
    let limits = wb.content().limits().await.unwrap();
    assert_eq!(limits.free_limits, 1500);
    assert_eq!(limits.paid_limits, 10);
    assert_eq!(limits.total(), 1510);
    assert_requests_match_spec(&server, "GET /content/v2/cards/limits").await;
}

// ---------------------------------------------------------------------------------------------
// Cards list

#[tokio::test]
async fn cards_list_one_page_decodes_the_vendor_example() {
    let ex = spec()
        .response_example("POST /content/v2/get/cards/list")
        .unwrap();
    let server = serve("POST /content/v2/get/cards/list", ex).await;
    let wb = client(&server);
    let request = CardsListRequest::first(CardsFilter::default().with_text_search("wb7f6"), 11);
    let page = wb
        .content()
        .with_locale(Locale::Ru)
        .cards(&request)
        .await
        .unwrap();
    let card = &page.cards[0];
    assert_eq!(card.nm_id, NmId(12345678));
    assert_eq!(card.imt_id, 123654789);
    assert_eq!(card.subject_id, SubjectId(7771));
    assert_eq!(card.vendor_code, "wb7f6mumjr1");
    assert_eq!(card.dimensions.weight_brutto, Decimal::new(624, 2));
    assert!(!card.dimensions.is_valid);
    assert_eq!(card.sizes[0].chrt_id, ChrtId(316399238));
    assert_eq!(card.sizes[0].skus, ["987456321654"]);
    assert_eq!(card.wholesale.quantum, Decimal::from(112));
    assert_eq!(card.characteristics[0].value, json!(["красно-сиреневый"]));
    assert_eq!(
        card.updated().unwrap().to_rfc3339(),
        "2023-12-06T11:17:00.965770+00:00"
    );
    assert_eq!(page.cursor.nm_id, Some(NmId(123654123)));
    assert_eq!(page.cursor.total, 1);
    let body = &sent(&server).await[0].1;
    assert_eq!(
        body,
        &json!({"settings": {"cursor": {"limit": 11}, "filter": {"textSearch": "wb7f6", "withPhoto": -1}}})
    );
    assert_requests_match_spec(&server, "POST /content/v2/get/cards/list").await;

    for limit in [0, 101] {
        let err = wb
            .content()
            .cards(&CardsListRequest::first(CardsFilter::default(), limit))
            .await
            .unwrap_err();
        assert!(matches!(err, Error::Validation { .. }), "{err}");
    }
    assert_eq!(sent(&server).await.len(), 1);
}

/// A catalogue of `n` cards, newest first, paged by (updatedAt, nmID) as WB does: the answer's
/// cursor names the last card of the page; `total` is the number of cards returned.
struct CardCatalogue(usize);

fn card_at(i: usize) -> Value {
    json!({
        "nmID": 1000 + i,
        "imtID": 500,
        "vendorCode": format!("V{i}"),
        "updatedAt": format!("2026-01-01T00:00:{:02}.{:06}Z", i / 1000, 999_999 - i % 1000),
        "sizes": [{"chrtID": 9000 + i, "skus": [format!("46{i:011}")], "techSize": "0", "wbSize": ""}]
    })
}

impl Respond for CardCatalogue {
    fn respond(&self, r: &WireRequest) -> ResponseTemplate {
        let body: Value = serde_json::from_slice(&r.body).unwrap();
        let cursor = &body["settings"]["cursor"];
        let limit = cursor["limit"].as_u64().unwrap() as usize;
        let start = match cursor["nmID"].as_u64() {
            None => 0,
            Some(nm) => {
                let i = nm as usize - 1000;
                // The cursor must be the exact pair of that card.
                assert_eq!(cursor["updatedAt"], card_at(i)["updatedAt"]);
                i + 1
            }
        };
        let cards: Vec<Value> = (start..(start + limit).min(self.0)).map(card_at).collect();
        let last = cards.last().cloned().unwrap_or(json!({}));
        ResponseTemplate::new(200).set_body_json(json!({
            "cards": cards,
            "cursor": {"updatedAt": last["updatedAt"], "nmID": last["nmID"], "total": cards.len()}
        }))
    }
}

#[tokio::test]
async fn cards_stream_sends_each_pages_cursor_and_stops_when_total_is_below_the_limit() {
    let server = MockServer::start().await;
    Mock::given(path("/content/v2/get/cards/list"))
        .respond_with(CardCatalogue(250))
        .mount(&server)
        .await;
    let wb = client(&server);
    let filter = CardsFilter::default().with_subjects([SubjectId(105)]);
    let cards: Vec<Card> = wb
        .content()
        .cards_stream(filter)
        .try_collect()
        .await
        .unwrap();
    assert_eq!(cards.len(), 250);
    let nm: Vec<i64> = cards.iter().map(|c| c.nm_id.0).collect();
    assert_eq!(
        nm,
        (1000..1250).collect::<Vec<i64>>(),
        "no gaps, no repeats"
    );

    let requests = sent(&server).await;
    assert_eq!(requests.len(), 3, "100 + 100 + 50: the third page ends it");
    let cursors: Vec<Value> = requests
        .iter()
        .map(|(_, b)| b["settings"]["cursor"].clone())
        .collect();
    assert_eq!(cursors[0], json!({"limit": 100}));
    assert_eq!(
        cursors[1],
        json!({"limit": 100, "nmID": 1099, "updatedAt": card_at(99)["updatedAt"]})
    );
    assert_eq!(
        cursors[2],
        json!({"limit": 100, "nmID": 1199, "updatedAt": card_at(199)["updatedAt"]})
    );
    for (_, b) in &requests {
        assert_eq!(
            b["settings"]["filter"],
            json!({"objectIDs": [105], "withPhoto": -1})
        );
    }
    assert_requests_match_spec(&server, "POST /content/v2/get/cards/list").await;
}

#[tokio::test]
async fn cards_stream_with_an_exact_multiple_asks_once_more_and_stops_on_an_empty_page() {
    let server = MockServer::start().await;
    Mock::given(path("/content/v2/get/cards/list"))
        .respond_with(CardCatalogue(200))
        .mount(&server)
        .await;
    let wb = client(&server);
    let cards: Vec<Card> = wb
        .content()
        .cards_stream(CardsFilter::default())
        .try_collect()
        .await
        .unwrap();
    assert_eq!(cards.len(), 200);
    assert_eq!(sent(&server).await.len(), 3);
}

#[tokio::test]
async fn a_listed_card_becomes_an_update_that_rewrites_it_as_it_is() {
    let ex = spec()
        .response_example("POST /content/v2/get/cards/list")
        .unwrap();
    let page: CardsListResponse = decode("cards list", "example", &ex);
    let update = CardUpdate::from(&page.cards[0]);
    assert_eq!(update.nm_id, NmId(12345678));
    assert_eq!(update.vendor_code, "wb7f6mumjr1");
    assert_eq!(update.sizes[0].chrt_id, Some(ChrtId(316399238)));
    assert_eq!(update.sizes[0].price, None);
    assert_eq!(
        update.dimensions,
        Some(Dimensions::new(55, 40, 15, Decimal::new(624, 2)))
    );
    assert!(validate_update(&update).is_ok());
    let body = serde_json::to_value(vec![update]).unwrap();
    let problems = spec().check_request("POST /content/v2/cards/update", &body);
    assert!(problems.is_empty(), "{problems:?}");
    assert_eq!(body[0]["dimensions"]["weightBrutto"], json!(6.24));
    assert_eq!(
        body[0]["characteristics"][0]["value"],
        json!(["красно-сиреневый"])
    );
}

// ---------------------------------------------------------------------------------------------
// Failed cards

#[tokio::test]
async fn card_errors_one_page_decodes_the_vendor_example() {
    let ex = spec()
        .response_example("POST /content/v2/cards/error/list")
        .unwrap();
    let server = serve("POST /content/v2/cards/error/list", ex).await;
    let wb = client(&server);
    let page = wb
        .content()
        .with_locale(Locale::En)
        .card_errors(&CardErrorsRequest::first(50, true))
        .await
        .unwrap();
    assert!(page.cursor.next);
    assert_eq!(
        page.cursor.batch_uuid,
        "1cd79751-de1f-46c8-a444-a941d35dde56"
    );
    assert_eq!(
        page.cursor.updated_at.unwrap().to_rfc3339(),
        "2025-12-20T23:59:59+00:00"
    );
    assert_eq!(page.items.len(), 2);
    assert_eq!(
        page.items[0].updated_at.unwrap().to_rfc3339(),
        "2025-12-19T23:59:59+00:00"
    );
    let second = &page.items[1];
    assert_eq!(second.vendor_codes, ["test_pasha1"]);
    assert_eq!(
        second.errors["test_pasha1"],
        [
            "Запрещено использовать E-Mail в поле Наименование",
            "Запрещено использовать E-Mail в поле Описание"
        ]
    );
    assert_eq!(
        second.subjects["test_pasha1"].subject_id(),
        Some(SubjectId(184))
    );
    assert_eq!(second.subjects["test_pasha1"].name, "Рубашки");
    assert_eq!(page.items[0].errors.len(), 5);
    assert!(page.items[0].brands.is_empty());
    let (r, body) = &sent(&server).await[0];
    assert_eq!(
        body,
        &json!({"cursor": {"limit": 50}, "order": {"ascending": true}})
    );
    assert_eq!(query(r, "locale").as_deref(), Some("en"));
    assert_requests_match_spec(&server, "POST /content/v2/cards/error/list").await;
    let err = wb
        .content()
        .card_errors(&CardErrorsRequest::first(101, true))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Validation { .. }), "{err}");
}

/// Three pages of failed-card batches; each page's cursor must come back in the next request.
struct ErrorPages;

impl Respond for ErrorPages {
    fn respond(&self, r: &WireRequest) -> ResponseTemplate {
        let body: Value = serde_json::from_slice(&r.body).unwrap();
        let page = match body["cursor"]["batchUUID"].as_str() {
            None => 0,
            Some("b-1") => {
                assert_eq!(body["cursor"]["updatedAt"], "2025-08-25T10:00:01Z");
                1
            }
            Some("b-2") => {
                assert_eq!(body["cursor"]["updatedAt"], "2025-08-25T10:00:02Z");
                2
            }
            Some(other) => panic!("unexpected cursor {other}"),
        };
        let item = |n: usize| {
            json!({"batchUUID": format!("b-{n}"), "brands": {format!("V{n}"): {"id": 77, "name": "Brand"}},
                   "errors": {format!("V{n}"): ["bad title"]},
                   "subjects": {format!("V{n}"): {"id": 105, "name": "Socks"}}, "vendorCodes": [format!("V{n}")]})
        };
        let n = page + 1;
        ResponseTemplate::new(200).set_body_json(envelope(json!({
            "items": [item(n)],
            "cursor": {"next": page < 2, "batchUUID": format!("b-{n}"), "updatedAt": format!("2025-08-25T10:00:0{n}Z")}
        })))
    }
}

#[tokio::test]
async fn card_errors_stream_follows_the_cursor_until_next_is_false() {
    let server = MockServer::start().await;
    Mock::given(path("/content/v2/cards/error/list"))
        .respond_with(ErrorPages)
        .mount(&server)
        .await;
    let wb = client(&server);
    let batches: Vec<CardErrorBatch> = wb
        .content()
        .card_errors_stream(true)
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<&str> = batches.iter().map(|b| b.batch_uuid.as_str()).collect();
    assert_eq!(ids, ["b-1", "b-2", "b-3"]);
    assert_eq!(batches[2].errors["V3"], ["bad title"]);
    assert_eq!(batches[0].brands["V1"].brand_id(), Some(77));
    let requests = sent(&server).await;
    assert_eq!(requests.len(), 3);
    assert_eq!(requests[0].1["cursor"], json!({"limit": 100}));
    assert_eq!(requests[2].1["cursor"]["batchUUID"], "b-2");
    assert_requests_match_spec(&server, "POST /content/v2/cards/error/list").await;
}

// ---------------------------------------------------------------------------------------------
// Card creation

fn variant(code: &str) -> CardVariant {
    CardVariant::new(code)
        .with_brand("Бренд")
        .with_title("Носки")
        .with_dimensions(Dimensions::new(12, 7, 5, Decimal::new(1242, 3)))
        .with_size(
            NewSize::barcode(format!("2{code}"))
                .with_price(Decimal::from(5000))
                .with_sizes("S", "42"),
        )
        .with_characteristic(CharacteristicValue::strings(14177449, ["red"]))
        .with_characteristic(CharacteristicValue::number(25471, Decimal::from(1200)))
}

/// Answers card writes: a request carrying the article `REFUSE` gets WB's `error: true`.
struct CardWrites;

impl Respond for CardWrites {
    fn respond(&self, r: &WireRequest) -> ResponseTemplate {
        let text = String::from_utf8_lossy(&r.body);
        if text.contains("\"REFUSE\"") {
            return ResponseTemplate::new(200).set_body_json(json!({
                "additionalErrors": {"id": "342342"}, "data": null, "error": true,
                "errorText": "This category does not exist"
            }));
        }
        ResponseTemplate::new(200).set_body_json(ok_envelope())
    }
}

async fn card_writes_server(p: &str) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(p))
        .respond_with(CardWrites)
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn upload_splits_at_100_merged_cards_and_rejects_invalid_cards_by_vendor_code() {
    let server = card_writes_server("/content/v2/cards/upload").await;
    let wb = client(&server);
    let mut cards: Vec<CardToCreate> = (0..230)
        .map(|i| CardToCreate::new(105, vec![variant(&format!("A{i}"))]))
        .collect();
    // A merged card of three, one of which is invalid: the other two still go.
    let mut bad_weight = variant("M-bad-weight");
    bad_weight.dimensions = Some(Dimensions::new(1, 1, 1, Decimal::ZERO));
    cards.push(CardToCreate::new(
        105,
        vec![variant("M1"), bad_weight, variant("M2")],
    ));
    // Invalid variants and groups.
    cards.push(CardToCreate::new(105, vec![CardVariant::new("  ")]));
    let mut neg = variant("NEG-DIM");
    neg.dimensions = Some(Dimensions::new(10, -1, 5, Decimal::ONE));
    cards.push(CardToCreate::new(105, vec![neg]));
    let mut cents = variant("PRICE-FRACTION");
    cents.sizes[0].price = Some(Decimal::new(49999, 2));
    cards.push(CardToCreate::new(105, vec![cents]));
    let mut zero = variant("PRICE-ZERO");
    zero.sizes[0].price = Some(Decimal::ZERO);
    cards.push(CardToCreate::new(105, vec![zero]));
    cards.push(CardToCreate::new(
        105,
        vec![variant("LONG-TITLE").with_title("x".repeat(61))],
    ));
    cards.push(CardToCreate::new(0, vec![variant("NO-SUBJECT")]));
    cards.push(CardToCreate::new(
        105,
        (0..31).map(|i| variant(&format!("BIG{i}"))).collect(),
    ));
    cards.push(CardToCreate::new(105, vec![variant("A0")]));

    let report = wb.content().upload(cards).await.unwrap();

    let requests = sent(&server).await;
    let sizes: Vec<usize> = requests
        .iter()
        .map(|(_, b)| b.as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, [100, 100, 31], "230 single cards + one merged card");
    let merged = &requests[2].1.as_array().unwrap()[30];
    let codes: Vec<&str> = merged["variants"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["vendorCode"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["M1", "M2"]);
    assert_eq!(
        requests[0].1[0]["variants"][0]["sizes"][0]["price"],
        json!(5000)
    );
    assert_eq!(
        requests[0].1[0]["variants"][0]["dimensions"]["weightBrutto"],
        json!(1.242)
    );
    assert_eq!(
        requests[0].1[0]["variants"][0]["characteristics"][1],
        json!({"id": 25471, "value": 1200})
    );
    assert_requests_match_spec(&server, "POST /content/v2/cards/upload").await;

    assert_eq!(report.accepted.len(), 232);
    let rejected = |code: &str| {
        report
            .rejected
            .iter()
            .find(|r| r.key == code)
            .unwrap_or_else(|| panic!("{code} not rejected: {:?}", report.rejected))
    };
    for code in [
        "M-bad-weight",
        "  ",
        "NEG-DIM",
        "PRICE-FRACTION",
        "PRICE-ZERO",
        "LONG-TITLE",
        "NO-SUBJECT",
        "BIG0",
        "BIG30",
        "A0",
    ] {
        let r = rejected(code);
        assert_eq!(r.stage, RejectionStage::Validation, "{code}");
        assert_eq!(r.code.as_deref(), Some("validation"));
    }
    assert!(rejected("M-bad-weight").message.contains("weightBrutto"));
    assert!(rejected("NEG-DIM").message.contains("width -1"));
    assert!(rejected("PRICE-FRACTION").message.contains("whole roubles"));
    assert!(rejected("NO-SUBJECT").message.contains("subjectID 0"));
    assert!(rejected("BIG7").message.contains("at most 30"));
    assert!(rejected("A0").message.contains("more than once"));
    assert_eq!(report.len(), 232 + 7 + 31 + 1);
}

#[tokio::test]
async fn upload_refused_by_wb_rejects_the_cards_of_that_request_only() {
    let server = card_writes_server("/content/v2/cards/upload").await;
    let wb = client(&server);
    let mut cards: Vec<CardToCreate> = (0..150)
        .map(|i| CardToCreate::new(105, vec![variant(&format!("A{i}"))]))
        .collect();
    cards[120] = CardToCreate::new(105, vec![variant("REFUSE")]);
    let report = wb.content().upload(cards).await.unwrap();
    assert_eq!(sent(&server).await.len(), 2);
    assert_eq!(report.accepted.len(), 100);
    assert_eq!(report.rejected.len(), 50);
    assert!(
        report
            .rejected
            .iter()
            .all(|r| r.stage == RejectionStage::Vendor
                && r.message == r#"This category does not exist ({"id":"342342"})"#)
    );
    assert!(report.rejected.iter().any(|r| r.key == "REFUSE"));
    assert!(report.rejected.iter().any(|r| r.key == "A149"));
}

#[tokio::test]
async fn upload_splits_under_10_mb_and_rejects_a_card_too_big_for_any_request() {
    let server = card_writes_server("/content/v2/cards/upload").await;
    let wb = client(&server);
    let heavy = |code: &str, mb: usize| {
        CardToCreate::new(
            105,
            vec![
                variant(code).with_characteristic(CharacteristicValue::strings(
                    12,
                    ["x".repeat(mb * 1_000_000)],
                )),
            ],
        )
    };
    let report = wb
        .content()
        .upload(vec![
            heavy("H1", 4),
            heavy("H2", 4),
            heavy("H3", 4),
            heavy("HUGE", 11),
        ])
        .await
        .unwrap();
    let requests = sent(&server).await;
    let sizes: Vec<usize> = requests
        .iter()
        .map(|(_, b)| b.as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, [2, 1]);
    assert!(
        requests
            .iter()
            .all(|(r, _)| r.body.len() <= CARDS_REQUEST_BYTES_MAX)
    );
    assert_eq!(report.accepted, ["H1", "H2", "H3"]);
    assert_eq!(report.rejected[0].key, "HUGE");
    assert_eq!(report.rejected[0].stage, RejectionStage::Validation);
}

#[tokio::test]
async fn upload_failing_as_a_whole_is_reported_per_card_and_not_repeated() {
    let server = MockServer::start().await;
    Mock::given(path("/content/v2/cards/upload"))
        .respond_with(ResponseTemplate::new(500).set_body_json(
            json!({"title": "internal", "detail": "boom", "requestId": "r-1", "origin": "content", "status": 500}),
        ))
        .mount(&server)
        .await;
    let wb = client(&server);
    let report = wb
        .content()
        .upload(vec![CardToCreate::new(
            105,
            vec![variant("X1"), variant("X2")],
        )])
        .await
        .unwrap();
    assert_eq!(sent(&server).await.len(), 1, "card creation is not retried");
    assert_eq!(report.rejected.len(), 2);
    assert!(
        report
            .rejected
            .iter()
            .all(|r| r.stage == RejectionStage::Request)
    );
}

#[tokio::test]
async fn upload_add_joins_an_existing_card() {
    let server = card_writes_server("/content/v2/cards/upload/add").await;
    let wb = client(&server);
    let mut bad = variant("V-BAD");
    bad.vendor_code = "x".repeat(73);
    let report = wb
        .content()
        .upload_add(
            987654321,
            vec![variant("myVariant1"), variant("myVariant2"), bad],
        )
        .await
        .unwrap();
    assert_eq!(report.accepted, ["myVariant1", "myVariant2"]);
    assert_eq!(report.rejected.len(), 1);
    assert!(report.rejected[0].message.contains("vendorCode has 73"));
    let requests = sent(&server).await;
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].1["imtID"], json!(987654321));
    assert_eq!(requests[0].1["cardsToAdd"].as_array().unwrap().len(), 2);
    assert_requests_match_spec(&server, "POST /content/v2/cards/upload/add").await;

    let too_many = (0..31).map(|i| variant(&format!("V{i}"))).collect();
    assert!(matches!(
        wb.content().upload_add(987654321, too_many).await,
        Err(Error::Validation { .. })
    ));
    assert!(matches!(
        wb.content().upload_add(0, vec![variant("V")]).await,
        Err(Error::Validation { .. })
    ));
    assert_eq!(sent(&server).await.len(), 1);
}

// ---------------------------------------------------------------------------------------------
// Card update

fn update(i: i64) -> CardUpdate {
    CardUpdate {
        brand: Some("Бренд".into()),
        characteristics: vec![CharacteristicValue::strings(14177449, ["red"])],
        description: Some("Описание".into()),
        dimensions: Some(Dimensions::new(55, 40, 15, Decimal::new(6, 0))),
        kiz_marked: Some(false),
        nm_id: NmId(10_000 + i),
        sizes: vec![
            SizeUpdate {
                chrt_id: Some(ChrtId(20_000 + i)),
                skus: vec![format!("46{i:011}")],
                tech_size: Some("S".into()),
                wb_size: Some("42".into()),
                ..SizeUpdate::default()
            },
            SizeUpdate {
                price: Some(Decimal::from(2990)),
                skus: vec![format!("47{i:011}")],
                tech_size: Some("M".into()),
                ..SizeUpdate::default()
            },
        ],
        title: Some("Носки".into()),
        vendor_code: format!("U{i}"),
    }
}

#[tokio::test]
async fn update_splits_at_3000_and_rejects_invalid_updates_by_vendor_code() {
    let server = card_writes_server("/content/v2/cards/update").await;
    let wb = client(&server);
    let mut cards: Vec<CardUpdate> = (0..6001).map(update).collect();
    let mut price_on_existing = update(90_001);
    price_on_existing.sizes[0].price = Some(Decimal::from(100));
    let mut no_nm = update(90_002);
    no_nm.nm_id = NmId(0);
    let mut no_sizes = update(90_003);
    no_sizes.sizes.clear();
    let mut heavy = update(90_004);
    heavy.dimensions = Some(Dimensions::new(1, 1, 1, Decimal::new(12345, 4)));
    let mut same_nm = update(90_005);
    same_nm.nm_id = NmId(10_000);
    cards.extend([price_on_existing, no_nm, no_sizes, heavy, same_nm]);

    let report = wb.content().update(cards).await.unwrap();
    let requests = sent(&server).await;
    let sizes: Vec<usize> = requests
        .iter()
        .map(|(_, b)| b.as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, [3000, 3000, 1]);
    assert_eq!(requests[0].1[0]["sizes"][1]["price"], json!(2990));
    assert!(requests[0].1[0]["sizes"][0].get("price").is_none());
    assert_requests_match_spec(&server, "POST /content/v2/cards/update").await;
    assert_eq!(report.accepted.len(), 6001);
    let message = |code: &str| {
        let r = report.rejected.iter().find(|r| r.key == code).unwrap();
        assert_eq!(r.stage, RejectionStage::Validation);
        r.message.clone()
    };
    assert!(message("U90001").contains("price cannot change"));
    assert!(message("U90002").contains("nmID 0"));
    assert!(message("U90003").contains("sizes are required"));
    assert!(message("U90004").contains("3 decimals"));
    assert!(message("U90005").contains("more than once"));
    assert_eq!(report.rejected.len(), 5);
}

// ---------------------------------------------------------------------------------------------
// Barcodes, media, trash, recover

#[tokio::test]
async fn barcodes_are_asked_for_5000_at_a_time() {
    struct Barcodes;
    impl Respond for Barcodes {
        fn respond(&self, r: &WireRequest) -> ResponseTemplate {
            let body: Value = serde_json::from_slice(&r.body).unwrap();
            let n = body["count"].as_u64().unwrap();
            let codes: Vec<String> = (0..n).map(|i| format!("50{i:011}")).collect();
            ResponseTemplate::new(200).set_body_json(envelope(json!(codes)))
        }
    }
    let server = MockServer::start().await;
    Mock::given(path("/content/v2/barcodes"))
        .respond_with(Barcodes)
        .mount(&server)
        .await;
    let wb = client(&server);
    let codes = wb.content().barcodes(12_000).await.unwrap();
    assert_eq!(codes.len(), 12_000);
    let counts: Vec<Value> = sent(&server)
        .await
        .into_iter()
        .map(|(_, b)| b["count"].clone())
        .collect();
    assert_eq!(counts, [json!(5000), json!(5000), json!(2000)]);
    assert_requests_match_spec(&server, "POST /content/v2/barcodes").await;
    assert!(matches!(
        wb.content().barcodes(0).await,
        Err(Error::Validation { .. })
    ));
    assert_eq!(sent(&server).await.len(), 3);
}

#[tokio::test]
async fn media_are_saved_by_links() {
    let ex = spec()
        .response_example("POST /content/v3/media/save")
        .unwrap();
    let server = serve("POST /content/v3/media/save", ex).await;
    let wb = client(&server);
    let links = vec![
        "https://example.com/images/big/2.jpg".to_owned(),
        "https://example.com/video/720p.mp4".to_owned(),
    ];
    wb.content()
        .save_media(NmId(213864079), links.clone())
        .await
        .unwrap();
    let body = &sent(&server).await[0].1;
    assert_eq!(body, &json!({"data": links, "nmId": 213864079}));
    assert_requests_match_spec(&server, "POST /content/v3/media/save").await;

    for (nm, links) in [
        (NmId(0), vec!["https://example.com/1.jpg".to_owned()]),
        (NmId(1), vec!["not a link".to_owned()]),
        (NmId(1), vec!["ftp://example.com/1.jpg".to_owned()]),
        (
            NmId(1),
            (0..32).map(|i| format!("https://e.com/{i}.jpg")).collect(),
        ),
    ] {
        let err = wb.content().save_media(nm, links).await.unwrap_err();
        assert!(matches!(err, Error::Validation { .. }), "{err}");
    }
    assert_eq!(sent(&server).await.len(), 1);
}

#[tokio::test]
async fn trash_splits_at_1000_and_rejects_invalid_articles() {
    let server = serve("POST /content/v2/cards/delete/trash", ok_envelope()).await;
    let wb = client(&server);
    let mut ids: Vec<NmId> = (1..=2500).map(NmId).collect();
    ids.push(NmId(0));
    ids.push(NmId(-5));
    let report = wb.content().trash(ids).await.unwrap();
    let requests = sent(&server).await;
    let sizes: Vec<usize> = requests
        .iter()
        .map(|(_, b)| b["nmIDs"].as_array().unwrap().len())
        .collect();
    assert_eq!(sizes, [1000, 1000, 500]);
    assert_eq!(requests[2].1["nmIDs"][499], json!(2500));
    assert_requests_match_spec(&server, "POST /content/v2/cards/delete/trash").await;
    assert_eq!(report.accepted.len(), 2500);
    let rejected: Vec<NmId> = report.rejected.iter().map(|r| r.key).collect();
    assert_eq!(rejected, [NmId(0), NmId(-5)]);
    assert!(
        report
            .rejected
            .iter()
            .all(|r| r.stage == RejectionStage::Validation)
    );
}

#[tokio::test]
async fn recover_splits_at_1000_and_a_refused_chunk_rejects_its_articles() {
    struct Recover;
    impl Respond for Recover {
        fn respond(&self, r: &WireRequest) -> ResponseTemplate {
            let body: Value = serde_json::from_slice(&r.body).unwrap();
            if body["nmIDs"][0] == json!(1001) {
                return ResponseTemplate::new(200).set_body_json(
                    json!({"additionalErrors": null, "data": null, "error": true, "errorText": "cards not in the trash"}),
                );
            }
            ResponseTemplate::new(200).set_body_json(ok_envelope())
        }
    }
    let server = MockServer::start().await;
    Mock::given(path("/content/v2/cards/recover"))
        .respond_with(Recover)
        .mount(&server)
        .await;
    let wb = client(&server);
    let report = wb
        .content()
        .recover((1..=2001).map(NmId).collect())
        .await
        .unwrap();
    assert_eq!(sent(&server).await.len(), 3);
    assert_requests_match_spec(&server, "POST /content/v2/cards/recover").await;
    assert_eq!(report.accepted.len(), 1001);
    assert_eq!(report.rejected.len(), 1000);
    assert!(
        report
            .rejected
            .iter()
            .all(|r| r.stage == RejectionStage::Vendor
                && r.message == "cards not in the trash"
                && (1001..=2000).contains(&r.key.0))
    );
}

#[test]
fn photo_filter_and_locale_wire_values() {
    assert_eq!(serde_json::to_value(PhotoFilter::All).unwrap(), json!(-1));
    assert_eq!(
        serde_json::to_value(PhotoFilter::WithoutPhoto).unwrap(),
        json!(0)
    );
    assert_eq!(
        serde_json::to_value(PhotoFilter::WithPhoto).unwrap(),
        json!(1)
    );
    assert!(serde_json::from_value::<PhotoFilter>(json!(2)).is_err());
    assert_eq!(
        [Locale::Ru, Locale::En, Locale::Zh].map(Locale::as_str),
        ["ru", "en", "zh"]
    );
    // The default filter asks for every card, not WB's default of cards without photos.
    assert_eq!(CardsFilter::default().with_photo, Some(PhotoFilter::All));
}

#[tokio::test(start_paused = true)]
async fn an_upload_deferred_by_wb_keeps_each_cards_wait() {
    // WB's 429 with its wait: nothing was done; each card is to be sent again after it.
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/content/v2/cards/upload"))
        .respond_with(ResponseTemplate::new(429).insert_header("X-Ratelimit-Retry", "7"))
        .mount(&server)
        .await;
    let wb = client(&server);
    let cards: Vec<CardToCreate> = ["D1", "D2", "D3"]
        .iter()
        .map(|c| CardToCreate::new(105, vec![variant(c)]))
        .collect();
    let report = wb.content().upload(cards).await.unwrap();
    assert!(report.accepted.is_empty());
    let later: Vec<_> = report.retry_later().collect();
    assert_eq!(later.len(), 3, "{report:?}");
    for r in later {
        assert!(
            r.retry_after
                .is_some_and(|d| d >= std::time::Duration::from_secs(1)),
            "{} lost WB's wait: {r:?}",
            r.key
        );
    }
}
