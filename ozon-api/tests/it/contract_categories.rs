//! Contract tests of the categories section against the Ozon spec snapshot.

use crate::common::*;
use futures::TryStreamExt;
use ozon_api::ids::{AttributeId, DescriptionCategoryId, DictionaryValueId, TypeId};
use ozon_api::models::categories::*;
use serde_json::{Value, json};
use wiremock::matchers::{body_partial_json, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const TREE: &str = "/v1/description-category/tree";
const ATTRIBUTES: &str = "/v1/description-category/attribute";
const VALUES: &str = "/v1/description-category/attribute/values";
const SEARCH: &str = "/v1/description-category/attribute/values/search";

#[test]
fn responses_decode_strictly() {
    assert_responses_decode::<GetTreeResponse>(TREE);
    assert_responses_decode::<GetAttributesResponse>(ATTRIBUTES);
    assert_responses_decode::<GetAttributeValuesResponse>(VALUES);
    assert_responses_decode::<SearchAttributeValuesResponse>(SEARCH);
}

#[test]
fn enums_match_the_spec() {
    assert_enum(
        Language::KNOWN,
        spec().enum_values("languageLanguage"),
        "languageLanguage",
    );
}

#[test]
fn the_vendor_request_examples_round_trip() {
    fn round_trip<T: serde::de::DeserializeOwned + serde::Serialize>(p: &str) {
        let ex = spec().request_example(p).unwrap();
        let req: T = decode(p, "request example", &ex);
        assert_eq!(serde_json::to_value(&req).unwrap(), ex, "{p}");
        assert!(spec().check_request(p, &ex).is_empty());
    }
    round_trip::<GetTreeRequest>(TREE);
    round_trip::<GetAttributesRequest>(ATTRIBUTES);
    round_trip::<GetAttributeValuesRequest>(VALUES);
    round_trip::<SearchAttributeValuesRequest>(SEARCH);
}

#[tokio::test]
async fn the_tree_decodes_recursively_and_lists_product_types() {
    let server = serve(TREE, spec().response_example(TREE).unwrap()).await;
    let ozon = client(&server);
    let tree = ozon.categories().tree(Some(Language::En)).await.unwrap();
    assert_requests_match_spec(&server, TREE).await;
    assert_eq!(sent(&server).await[0].1, json!({"language": "EN"}));

    let top = &tree[0];
    assert_eq!(
        top.description_category_id,
        Some(DescriptionCategoryId(17027492))
    );
    assert_eq!(top.category_name, "Канцелярские товары");
    let leaf = &top.children[0].children[0];
    assert_eq!(leaf.type_id, Some(TypeId(970778135)));
    assert_eq!(leaf.description_category_id, None);
    assert_eq!(leaf.type_name, "Пистолет-маркиратор");

    let types = product_types(&tree);
    assert_eq!(
        types,
        [ProductTypeRef {
            description_category_id: DescriptionCategoryId(17029016),
            category_name: "Печати и штампы".into(),
            type_id: TypeId(970778135),
            type_name: "Пистолет-маркиратор".into(),
            disabled: false,
        }]
    );
}

#[tokio::test]
async fn the_tree_without_a_language_sends_an_empty_object() {
    let server = serve(TREE, json!({"result": []})).await;
    let ozon = client(&server);
    assert!(ozon.categories().tree(None).await.unwrap().is_empty());
    assert_eq!(sent(&server).await[0].1, json!({}));
    assert_requests_match_spec(&server, TREE).await;
}

#[test]
fn a_disabled_category_disables_its_types() {
    let tree: Vec<CategoryTreeNode> = serde_json::from_value(json!([
        {"description_category_id": 1, "category_name": "A", "disabled": true, "children": [
            {"description_category_id": 2, "category_name": "B", "children": [
                {"type_id": 10, "type_name": "T1"},
                {"type_id": 11, "type_name": "T2"}
            ]}
        ]}
    ]))
    .unwrap();
    let types = product_types(&tree);
    assert_eq!(types.len(), 2);
    assert!(types.iter().all(|t| t.disabled));
    assert!(
        types
            .iter()
            .all(|t| t.description_category_id == DescriptionCategoryId(2))
    );
}

#[tokio::test]
async fn attributes_are_read_for_a_category_and_type() {
    let server = serve(ATTRIBUTES, spec().response_example(ATTRIBUTES).unwrap()).await;
    let ozon = client(&server);
    let attrs = ozon
        .categories()
        .attributes(&GetAttributesRequest::new(200000933, 93080).with_language(Language::Ru))
        .await
        .unwrap();
    assert_requests_match_spec(&server, ATTRIBUTES).await;
    assert_eq!(
        sent(&server).await[0].1,
        json!({"description_category_id": 200000933, "language": "RU", "type_id": 93080})
    );
    let a = &attrs[0];
    assert_eq!(a.id, AttributeId(31));
    assert_eq!(a.dictionary_id, 28732849);
    assert!(a.has_dictionary());
    assert!(a.is_required);
    assert!(a.category_dependent);
    assert_eq!(a.kind, "string");
}

#[tokio::test]
async fn bad_ids_are_rejected_before_sending() {
    let server = MockServer::start().await;
    let ozon = client(&server);
    let err = ozon
        .categories()
        .attributes(&GetAttributesRequest::new(0, 93080))
        .await
        .unwrap_err();
    assert!(matches!(err, market_core::Error::Validation { .. }));
    let err = ozon
        .categories()
        .attribute_values(&GetAttributeValuesRequest::new(1, 2, -5))
        .await
        .unwrap_err();
    assert!(matches!(err, market_core::Error::Validation { .. }));
    assert!(sent(&server).await.is_empty());
}

fn values(ids: &[i64]) -> Value {
    Value::Array(
        ids.iter()
            .map(|i| json!({"id": i, "info": "", "picture": "", "value": format!("V{i}")}))
            .collect(),
    )
}

#[tokio::test]
async fn attribute_values_stream_pages_by_last_value_id_until_has_next_is_false() {
    let server = MockServer::start().await;
    Mock::given(body_partial_json(json!({"last_value_id": 5056737})))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"has_next": true, "result": values(&[5060000])})),
        )
        .mount(&server)
        .await;
    Mock::given(body_partial_json(json!({"last_value_id": 5060000})))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"has_next": false, "result": values(&[5070000, 5080000])})),
        )
        .mount(&server)
        .await;
    Mock::given(path(VALUES))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"has_next": true, "result": values(&[5055881, 5056737])})),
        )
        .mount(&server)
        .await;
    let ozon = client(&server);
    let all: Vec<AttributeValue> = ozon
        .categories()
        .attribute_values_stream(GetAttributeValuesRequest::new(17054869, 97311, 85))
        .try_collect()
        .await
        .unwrap();
    let ids: Vec<DictionaryValueId> = all.iter().map(|v| v.id).collect();
    assert_eq!(
        ids,
        [5055881, 5056737, 5060000, 5070000, 5080000].map(DictionaryValueId)
    );
    assert_eq!(all[4].value, "V5080000");

    let requests = sent(&server).await;
    assert_eq!(requests.len(), 3, "stops once has_next is false");
    let cursors: Vec<Value> = requests
        .iter()
        .map(|(_, b)| b.get("last_value_id").cloned().unwrap_or(Value::Null))
        .collect();
    assert_eq!(cursors, [json!(null), json!(5056737), json!(5060000)]);
    for (_, b) in &requests {
        assert_eq!(b["limit"], 2000);
        assert_eq!(b["attribute_id"], 85);
    }
    assert_requests_match_spec(&server, VALUES).await;
}

#[tokio::test]
async fn attribute_values_page_decodes_the_vendor_example() {
    let server = serve(VALUES, spec().response_example(VALUES).unwrap()).await;
    let ozon = client(&server);
    let page = ozon
        .categories()
        .attribute_values(&GetAttributeValuesRequest::new(17054869, 97311, 85).with_limit(100))
        .await
        .unwrap();
    assert!(page.has_next);
    assert_eq!(page.result[1].id, DictionaryValueId(5056737));
    assert_eq!(page.result[1].info, "Красота и здоровье");
    assert_requests_match_spec(&server, VALUES).await;
}

#[tokio::test]
async fn a_page_limit_over_2000_is_rejected() {
    let server = MockServer::start().await;
    let ozon = client(&server);
    let err = ozon
        .categories()
        .attribute_values(&GetAttributeValuesRequest::new(1, 2, 3).with_limit(2001))
        .await
        .unwrap_err();
    assert!(matches!(err, market_core::Error::Validation { .. }));
    assert!(sent(&server).await.is_empty());
}

#[tokio::test]
async fn search_finds_values_and_checks_its_input() {
    let server = serve(
        SEARCH,
        json!({"result": [{"id": 5060050, "info": "", "picture": "", "value": "Samsung"}]}),
    )
    .await;
    let ozon = client(&server);
    let found = ozon
        .categories()
        .search_attribute_values(&SearchAttributeValuesRequest::new(
            17054869, 97311, 85, "Sam",
        ))
        .await
        .unwrap();
    assert_eq!(found[0].id, DictionaryValueId(5060050));
    assert_eq!(found[0].value, "Samsung");
    assert_requests_match_spec(&server, SEARCH).await;
    assert_eq!(sent(&server).await[0].1["limit"], 100);

    let short = SearchAttributeValuesRequest::new(17054869, 97311, 85, "S");
    let err = ozon
        .categories()
        .search_attribute_values(&short)
        .await
        .unwrap_err();
    assert!(matches!(err, market_core::Error::Validation { .. }));
    let mut big = SearchAttributeValuesRequest::new(17054869, 97311, 85, "Sam");
    big.limit = 101;
    assert!(
        ozon.categories()
            .search_attribute_values(&big)
            .await
            .is_err()
    );
    assert_eq!(
        sent(&server).await.len(),
        1,
        "invalid searches are not sent"
    );
}
