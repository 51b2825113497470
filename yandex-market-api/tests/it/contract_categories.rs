//! Contract tests of the categories section (getCategoriesTree, getCategoryContentParameters)
//! against the Yandex Market spec snapshot.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::common::*;
use market_core::Error;
use serde_json::json;
use yandex_market_api::api::categories::*;
use yandex_market_api::limits::{self, Counts, Tier};
use yandex_market_api::models::categories::*;
use yandex_market_api::{BusinessId, CategoryId, ParameterId};

const TREE: &str = "getCategoriesTree";
const PARAMS: &str = "getCategoryContentParameters";

fn tree_json() -> serde_json::Value {
    json!({
        "status": "OK",
        "result": {
            "id": 90401,
            "name": "Все товары",
            "children": [
                {
                    "id": 198118,
                    "name": "Бытовая техника",
                    "children": [
                        {"id": 90586, "name": "Холодильники"},
                        {"id": 90594, "name": "Стиральные машины", "children": null},
                    ]
                },
                {
                    "id": 91009,
                    "name": "Электроника",
                    "children": [
                        {
                            "id": 91461,
                            "name": "Телефоны",
                            "children": [{"id": 91491, "name": "Мобильные телефоны"}]
                        }
                    ]
                },
                {"id": 7, "name": "Лист у корня"}
            ]
        }
    })
}

fn parameters_json() -> serde_json::Value {
    json!({
        "status": "OK",
        "result": {
            "categoryId": 91491,
            "parameters": [
                {
                    "id": 7893318,
                    "name": "Бренд",
                    "type": "ENUM",
                    "required": true,
                    "filtering": true,
                    "distinctive": false,
                    "multivalue": false,
                    "allowCustomValues": true,
                    "recommendationTypes": ["MAIN", "RECOGNIZED_VENDOR"],
                    "values": [
                        {"id": 153043, "value": "Apple"},
                        {"id": 10714190, "value": "Xiaomi", "description": "Китай"}
                    ],
                    "valueRestrictions": [
                        {
                            "limitingParameterId": 14871214,
                            "limitedValues": [
                                {"limitingOptionValueId": 14899397, "optionValueIds": [153043]}
                            ]
                        }
                    ]
                },
                {
                    "id": 23674510,
                    "name": "Вес",
                    "type": "NUMERIC",
                    "required": false,
                    "filtering": true,
                    "distinctive": false,
                    "multivalue": false,
                    "allowCustomValues": false,
                    "unit": {
                        "defaultUnitId": 6,
                        "units": [
                            {"id": 6, "name": "г", "fullName": "грамм"},
                            {"id": 7, "name": "кг", "fullName": "килограмм"}
                        ]
                    },
                    "constraints": {"minValue": 0.5, "maxValue": 5000}
                },
                {
                    "id": 15341921,
                    "name": "Описание",
                    "type": "TEXT",
                    "description": "Что это",
                    "required": true,
                    "filtering": false,
                    "distinctive": false,
                    "multivalue": false,
                    "allowCustomValues": false,
                    "constraints": {"maxLength": 3000}
                },
                {
                    "id": 27142893,
                    "type": "BOOLEAN",
                    "required": false,
                    "filtering": false,
                    "distinctive": true,
                    "multivalue": false,
                    "allowCustomValues": false
                }
            ]
        }
    })
}

#[test]
fn responses_decode_strictly() {
    assert_responses_decode::<CategoriesTreeResponse>(TREE);
    assert_sparse_responses_decode::<CategoriesTreeResponse>(TREE);
    assert_responses_decode::<CategoryContentParametersResponse>(PARAMS);
    assert_sparse_responses_decode::<CategoryContentParametersResponse>(PARAMS);
}

#[test]
fn enums_match_the_spec() {
    assert_enum(
        Language::KNOWN,
        spec().enum_values("LanguageType"),
        "LanguageType",
    );
    assert_enum(
        ParameterType::KNOWN,
        spec().enum_values("ParameterType"),
        "ParameterType",
    );
    assert_enum(
        OfferCardRecommendationType::KNOWN,
        spec().enum_values("OfferCardRecommendationType"),
        "OfferCardRecommendationType",
    );
    assert_eq!(
        spec().property_enum("CategoryParameterDTO", "type"),
        spec().enum_values("ParameterType")
    );
    assert_eq!(
        spec().property_enum("CategoryParameterDTO", "recommendationTypes"),
        spec().enum_values("OfferCardRecommendationType")
    );
    assert_eq!(
        spec().property_enum("GetCategoriesRequest", "language"),
        spec().enum_values("LanguageType")
    );
}

#[test]
fn operations_are_named_grouped_and_limited_by_their_operation_id() {
    for (op, id) in [
        (&CATEGORIES_TREE_GET, TREE),
        (&CATEGORY_CONTENT_PARAMETERS_GET, PARAMS),
    ] {
        assert_eq!(crate::common::spec_id(op), id);
        assert_eq!(op.name, crate::common::rule_name(op));
        assert_eq!(op.limit_group, id);
        assert!(op.idempotent, "{id} only reads");
        let (m, p) = spec().locate(id);
        assert_eq!(op.method.as_str(), m);
        assert_eq!(op.path, p);
        assert!(limits::limit(id, Tier::Base).is_some(), "{id} has a quota");
        let row = limits::table().iter().find(|l| l.operation == id).unwrap();
        assert_eq!(row.counts, Counts::Requests);
    }
    // 50 trees an hour on the base tier: the spec's quota.
    let tree = limits::table()
        .iter()
        .find(|l| l.operation == TREE)
        .unwrap();
    assert_eq!(
        spec().limit(TREE)["resourceLimit"]["none"]["amount"],
        json!(tree.none.amount)
    );
}

#[tokio::test]
async fn tree_sends_the_language_and_returns_the_root() {
    let server = serve(TREE, tree_json()).await;
    let ym = client(&server);
    let root = ym.categories().tree(Some(Language::En)).await.unwrap();
    assert_eq!(root.id, CategoryId(90401));
    assert_eq!(root.name, "Все товары");
    assert_eq!(root.children.len(), 3);
    assert!(!root.is_leaf());
    // `children: null` is a leaf too.
    let washing = root.find(CategoryId(90594)).unwrap();
    assert!(washing.is_leaf());
    assert_eq!(washing.name, "Стиральные машины");
    assert!(root.find(CategoryId(1)).is_none());

    let requests = sent(&server).await;
    assert_eq!(requests.len(), 1);
    assert_eq!(requests[0].1, json!({"language": "EN"}));
    assert_requests_match_spec(&server, TREE).await;
}

#[tokio::test]
async fn tree_without_a_language_sends_an_empty_object() {
    let server = serve(TREE, tree_json()).await;
    let root = client(&server).categories().tree(None).await.unwrap();
    assert_eq!(root.id, CategoryId(90401));
    assert_eq!(sent(&server).await[0].1, json!({}));
    assert_requests_match_spec(&server, TREE).await;
}

#[tokio::test]
async fn tree_without_a_result_is_a_decode_error() {
    let server = serve(TREE, json!({"status": "OK"})).await;
    let err = client(&server).categories().tree(None).await.unwrap_err();
    assert!(
        matches!(&err, Error::Decode { path, .. } if path == "result"),
        "{err:?}"
    );
}

#[test]
fn leaves_flatten_the_tree_in_order_with_their_paths() {
    let response: CategoriesTreeResponse = decode(TREE, "tree", &tree_json());
    let root = response.result.unwrap();
    let leaves = root.leaves();
    let ids: Vec<i64> = leaves.iter().map(|l| l.id.get()).collect();
    assert_eq!(ids, [90586, 90594, 91491, 7]);
    assert_eq!(leaves[0].path, ["Все товары", "Бытовая техника"]);
    assert_eq!(leaves[2].path, ["Все товары", "Электроника", "Телефоны"]);
    assert_eq!(leaves[3].path, ["Все товары"]);
    assert_eq!(
        leaves[2].full_name(),
        "Все товары / Электроника / Телефоны / Мобильные телефоны"
    );
    // A leaf alone is its own only leaf, with no path.
    let leaf = root.find(CategoryId(7)).unwrap();
    assert_eq!(
        leaf.leaves(),
        [LeafCategory {
            id: CategoryId(7),
            name: "Лист у корня".into(),
            path: vec![],
        }]
    );
}

#[tokio::test]
async fn parameters_of_a_category_with_types_units_values_and_flags() {
    let server = serve(PARAMS, parameters_json()).await;
    let ym = client(&server);
    let params = ym
        .categories()
        .parameters(91491, Some(BusinessId(100)))
        .await
        .unwrap();
    assert_eq!(params.category_id, CategoryId(91491));
    assert_eq!(params.parameters.len(), 4);
    let kinds: Vec<&ParameterType> = params.parameters.iter().map(|p| &p.kind).collect();
    assert_eq!(
        kinds,
        [
            &ParameterType::Enum,
            &ParameterType::Numeric,
            &ParameterType::Text,
            &ParameterType::Boolean
        ]
    );
    let required: Vec<ParameterId> = params.required().map(|p| p.id).collect();
    assert_eq!(required, [ParameterId(7893318), ParameterId(15341921)]);

    let brand = params.parameter(ParameterId(7893318)).unwrap();
    assert!(brand.allow_custom_values);
    assert_eq!(brand.value_named("Xiaomi").unwrap().id, 10714190);
    assert_eq!(
        brand.value_named("Xiaomi").unwrap().description.as_deref(),
        Some("Китай")
    );
    assert!(brand.value_named("xiaomi").is_none());
    assert_eq!(
        brand.recommendation_types,
        [
            OfferCardRecommendationType::Main,
            OfferCardRecommendationType::RecognizedVendor
        ]
    );
    assert_eq!(
        brand.value_restrictions[0].limiting_parameter_id,
        ParameterId(14871214)
    );
    assert_eq!(
        brand.value_restrictions[0].limited_values[0].option_value_ids,
        [153043]
    );

    let weight = params.parameter(ParameterId(23674510)).unwrap();
    let unit = weight.unit.as_ref().unwrap();
    assert_eq!(unit.default_unit_id, 6);
    assert_eq!(unit.units[1].full_name, "килограмм");
    let c = weight.constraints.as_ref().unwrap();
    assert_eq!((c.min_value, c.max_value), (Some(0.5), Some(5000.0)));
    assert_eq!(
        params
            .parameter(ParameterId(15341921))
            .unwrap()
            .constraints
            .as_ref()
            .unwrap()
            .max_length,
        Some(3000)
    );
    let flag = params.parameter(ParameterId(27142893)).unwrap();
    assert!(flag.distinctive && flag.name.is_none() && flag.values.is_empty());

    let requests = sent(&server).await;
    assert_eq!(requests.len(), 1);
    let (r, body) = &requests[0];
    assert_eq!(r.url.path(), "/v2/category/91491/parameters");
    assert_eq!(r.url.query(), Some("businessId=100"));
    assert!(body.is_null(), "no body: {body}");
    assert_requests_match_spec(&server, PARAMS).await;
}

#[tokio::test]
async fn parameters_without_a_business_send_no_query() {
    let server = serve(PARAMS, parameters_json()).await;
    client(&server)
        .categories()
        .parameters(CategoryId(91491), None)
        .await
        .unwrap();
    assert_eq!(sent(&server).await[0].0.url.query(), None);
    assert_requests_match_spec(&server, PARAMS).await;
}

#[tokio::test]
async fn invalid_ids_are_refused_before_sending() {
    let server = serve(PARAMS, parameters_json()).await;
    let ym = client(&server);
    for (category, business) in [(0, None), (-5, None), (91491, Some(BusinessId(0)))] {
        let err = ym
            .categories()
            .parameters(category, business)
            .await
            .unwrap_err();
        assert!(matches!(err, Error::Validation { .. }), "{err:?}");
    }
    assert!(sent(&server).await.is_empty());
}

#[tokio::test]
async fn an_unknown_category_is_yandex_markets_error() {
    let server = serve_with(PARAMS, error_response(PARAMS, 404)).await;
    let err = client(&server)
        .categories()
        .parameters(12345, None)
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(404));
    assert_eq!(err.api().unwrap().code.as_deref(), Some("text"));
}
