//! The shared contract harness (`market_core::contract::harness`) on small inline specs shaped
//! like each vendor's: one document with paths (Ozon), sections reusing schema names (WB), and
//! operationIds with query parameters, aliases and custom formats (Yandex Market). Each check
//! is shown to catch what it claims. No network: wiremock on localhost.
#![cfg(feature = "contract")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::BTreeSet;
use std::sync::OnceLock;

use market_core::contract::harness::{
    Spec, assert_enum, decode, flatten_all_of, http_date, mock, mount, path_matches, sent, serve,
    template_regex,
};
use serde::Deserialize;
use serde_json::{Value, json};
use wiremock::{MockServer, ResponseTemplate};

// ---- the specs

/// Ozon-like: one document, operations by path, POST bodies.
fn ozon() -> &'static Spec {
    static SPEC: OnceLock<Spec> = OnceLock::new();
    SPEC.get_or_init(|| {
        Spec::new(json!({
            "servers": [{"url": "https://api-seller.example"}],
            "paths": {
                "/v2/products/stocks": {"post": {
                    "requestBody": {"required": true, "content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/StocksRequest"},
                        "example": {"stocks": [{"offer_id": "A-1", "product_id": 1, "stock": 3}]}
                    }}},
                    "responses": {"200": {"content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/StocksResponse"},
                        "example": {"result": [{"offer_id": "A-1", "updated": true, "errors": []}]}
                    }}}}
                }},
                "/v1/warehouse/list": {"post": {
                    "responses": {"200": {"content": {"application/json": {
                        "schema": {"type": "object", "properties": {
                            "result": {"type": "array", "items": {"type": "object", "properties": {
                                "warehouse_id": {"type": "integer", "format": "int64"},
                                "name": {"type": "string", "example": "Склад"},
                                "created_at": {"type": "string", "format": "date-time"}
                            }}}
                        }}
                    }}}}
                }},
                "/v1/both": {
                    "get": {"responses": {"200": {"description": "ok"}}},
                    "post": {"responses": {"200": {"description": "ok"}}}
                }
            },
            "components": {"schemas": {
                "StocksRequest": {"type": "object", "required": ["stocks"], "properties": {
                    "stocks": {"type": "array", "maxItems": 2, "minItems": 1, "items": {
                        "type": "object",
                        "required": ["offer_id", "product_id", "stock"],
                        "properties": {
                            "offer_id": {"type": "string", "maxLength": 5},
                            "product_id": {"type": "integer", "format": "int64"},
                            "stock": {"type": "integer", "minimum": 0},
                            "warehouse_type": {"type": "string", "enum": ["FBS", "RFBS"]}
                        }
                    }}
                }},
                "StocksResponse": {"type": "object", "properties": {
                    "result": {"type": "array", "items": {"type": "object", "properties": {
                        "offer_id": {"type": "string"},
                        "updated": {"type": "boolean"},
                        "errors": {"type": "array", "items": {"type": "object", "properties": {
                            "code": {"type": "string"}
                        }}}
                    }}}
                }},
                "WarehouseType": {"type": "string", "enum": ["FBS", "RFBS"]}
            }}
        }))
        .with_required_exceptions(&[("/v2/products/stocks", "stocks[].product_id")])
    })
}

/// WB-like: two sections that both define `Order`, each referring to its own; one wraps a
/// `$ref` in `allOf: [ref, {}]` as WB does beside a description.
fn wb() -> &'static Spec {
    static SPEC: OnceLock<Spec> = OnceLock::new();
    SPEC.get_or_init(|| {
        let marketplace = json!({
            "servers": [{"url": "https://marketplace-api.example"}],
            "paths": {
                "/api/v3/orders": {"get": {
                    "parameters": [
                        {"name": "limit", "in": "query", "required": true,
                         "schema": {"type": "integer", "minimum": 1, "maximum": 1000}},
                        {"name": "next", "in": "query", "schema": {"type": "integer"}}
                    ],
                    "responses": {"200": {"content": {"application/json": {
                        "schema": {"type": "object", "properties": {
                            "orders": {"type": "array", "items": {"$ref": "#/components/schemas/Order"}}
                        }},
                        "examples": {
                            "one": {"value": {"orders": [{"id": 1, "supplyId": "WB-GI-1"}]}},
                            "shared": {"$ref": "#/components/examples/Empty"}
                        }
                    }}}}
                }},
                "/api/v3/orders/{orderId}/meta": {
                    "parameters": [{"name": "orderId", "in": "path", "required": true,
                                    "schema": {"type": "integer"}}],
                    "delete": {
                        "parameters": [{"name": "key", "in": "query", "required": true,
                                        "schema": {"type": "string", "enum": ["imei", "uin"]}}],
                        "responses": {"204": {"description": "deleted"}}
                    }
                },
                "/api/v3/orders/status": {"post": {
                    "servers": [{"url": "https://status-api.example"}],
                    "requestBody": {"required": true, "content": {"application/json": {
                        "schema": {"type": "object", "properties": {
                            "orders": {"type": "array", "items": {"type": "integer"}}
                        }}
                    }}},
                    "responses": {"201": {"content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/Statuses"}
                    }}}}
                }}
            },
            "components": {
                "schemas": {
                    "Order": {"type": "object", "properties": {
                        "id": {"type": "integer"},
                        "supplyId": {"type": "string"},
                        "status": {"allOf": [{"$ref": "#/components/schemas/Status"}, {}]}
                    }},
                    "Status": {"type": "string", "enum": ["new", "confirm"]},
                    "Statuses": {"type": "object", "properties": {
                        "orders": {"type": "array", "items": {"type": "object", "properties": {
                            "id": {"type": "integer"},
                            "status": {"$ref": "#/components/schemas/Status"}
                        }}}
                    }}
                },
                "examples": {"Empty": {"value": {"orders": []}}}
            }
        });
        let analytics = json!({
            "servers": [{"url": "https://analytics-api.example"}],
            "paths": {"/api/v1/orders": {"post": {
                "responses": {"200": {"content": {"application/json": {
                    "schema": {"type": "array", "items": {"$ref": "#/components/schemas/Order"}}
                }}}}
            }}},
            "components": {"schemas": {
                "Order": {"type": "object", "properties": {
                    "srid": {"type": "string"},
                    "date": {"type": "string"}
                }}
            }}
        });
        Spec::sections([
            ("analytics".to_owned(), analytics),
            ("marketplace".to_owned(), marketplace),
        ])
    })
}

/// Yandex-Market-like: operationIds, two operations on one path, query parameters with
/// aliases, arrays, bounds, deprecations and dates; nested `allOf`; the vendor's own formats.
fn ym() -> &'static Spec {
    static SPEC: OnceLock<Spec> = OnceLock::new();
    SPEC.get_or_init(|| {
        Spec::new(json!({
            "servers": [{"url": "https://api.partner.example"}],
            "paths": {
                "/v2/campaigns/{campaignId}/returns": {"get": {
                    "operationId": "getReturns",
                    "parameters": [
                        {"$ref": "#/components/parameters/CampaignId"},
                        {"name": "pageToken", "in": "query", "x-aliases": ["page_token"],
                         "schema": {"type": "string"}},
                        {"name": "limit", "in": "query",
                         "schema": {"type": "integer", "minimum": 1, "maximum": 100}},
                        {"name": "statuses", "in": "query", "schema": {"type": "array",
                         "maxItems": 2, "items": {"type": "string",
                         "enum": ["STARTED_BY_USER", "REFUNDED", "CANCELLED"]}}},
                        {"name": "fromDate", "in": "query",
                         "schema": {"type": "string", "format": "date"}},
                        {"name": "from_date", "in": "query", "deprecated": true,
                         "schema": {"type": "string", "format": "date"}}
                    ],
                    "responses": {
                        "200": {"content": {"application/json": {
                            "schema": {"$ref": "#/components/schemas/GetReturnsResponse"}
                        }}},
                        "420": {"$ref": "#/components/responses/420"}
                    }
                }},
                "/v2/campaigns/{campaignId}/offers/stocks": {
                    "put": {
                        "operationId": "updateStocks",
                        "parameters": [{"$ref": "#/components/parameters/CampaignId"}],
                        "requestBody": {"required": true, "content": {"application/json": {
                            "schema": {"$ref": "#/components/schemas/UpdateStocksRequest"}
                        }}},
                        "responses": {"200": {"content": {"application/json": {
                            "schema": {"$ref": "#/components/schemas/ApiResponse"}
                        }}}}
                    },
                    "post": {
                        "operationId": "getStocks",
                        "parameters": [{"$ref": "#/components/parameters/CampaignId"}],
                        "responses": {"200": {"content": {"application/json": {
                            "schema": {"$ref": "#/components/schemas/ApiResponse"}
                        }}}}
                    }
                },
                "/v2/campaigns/{campaignId}/offers/prices": {"post": {
                    "operationId": "updatePrices",
                    "parameters": [{"$ref": "#/components/parameters/CampaignId"}],
                    "requestBody": {"content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/UpdatePriceDTO"}
                    }}},
                    "responses": {"200": {"content": {"application/json": {
                        "schema": {"$ref": "#/components/schemas/ApiResponse"}
                    }}}}
                }}
            },
            "components": {
                "parameters": {"CampaignId": {"name": "campaignId", "in": "path",
                    "required": true, "schema": {"type": "integer", "format": "int64", "minimum": 1}}},
                "responses": {"420": {"content": {"application/json": {
                    "schema": {"$ref": "#/components/schemas/ApiErrorResponse"}
                }}}},
                "schemas": {
                    "ApiResponseStatusType": {"type": "string", "enum": ["OK", "ERROR"]},
                    "ApiResponse": {"type": "object", "properties": {
                        "status": {"$ref": "#/components/schemas/ApiResponseStatusType"}
                    }},
                    "ApiErrorResponse": {"allOf": [{"$ref": "#/components/schemas/ApiResponse"},
                        {"type": "object", "properties": {"errors": {"type": "array", "items": {
                            "type": "object", "required": ["code"], "properties": {
                                "code": {"type": "string"}, "message": {"type": "string"}
                            }}}}}]},
                    "GetReturnsResponse": {"allOf": [{"$ref": "#/components/schemas/ApiResponse"},
                        {"type": "object", "properties": {"result": {"type": "object",
                            "required": ["returns"], "properties": {
                            "returns": {"type": "array", "items": {"$ref": "#/components/schemas/Return"}},
                            "paging": {"type": "object", "properties": {
                                "nextPageToken": {"type": "string"}}}
                        }}}}]},
                    "Return": {"type": "object", "required": ["id", "status"], "properties": {
                        "id": {"type": "integer", "format": "int64"},
                        "status": {"type": "string", "enum": ["STARTED_BY_USER", "REFUNDED"]},
                        "createdAt": {"type": "string", "format": "date-time",
                                      "example": "2020-02-02T14:30:30+03:00"},
                        "pickupTime": {"type": "string", "format": "time"},
                        "pickupDate": {"$ref": "#/components/schemas/DateDdMmYyyy"},
                        "comment": {"type": "string", "nullable": true}
                    }},
                    "DateDdMmYyyy": {"type": "string", "format": "date-dd-MM-yyyy"},
                    "UpdateStocksRequest": {"type": "object", "required": ["skus"], "properties": {
                        "skus": {"type": "array", "minItems": 1, "maxItems": 3, "items": {
                            "type": "object", "required": ["sku", "items"], "properties": {
                                "sku": {"type": "string", "maxLength": 10},
                                "items": {"type": "array", "maxItems": 1, "items": {
                                    "type": "object", "required": ["count"], "properties": {
                                        "count": {"type": "integer", "minimum": 0}
                                    }}}
                            }}}
                    }},
                    "BasePriceDTO": {"type": "object", "required": ["value"], "properties": {
                        "value": {"type": "number", "exclusiveMinimum": true, "minimum": 0},
                        "currencyId": {"type": "string", "enum": ["RUR"]}
                    }},
                    "PriceWithDiscountDTO": {"allOf": [{"$ref": "#/components/schemas/BasePriceDTO"},
                        {"type": "object", "properties": {"discountBase": {"type": "number"}}}]},
                    "UpdatePriceDTO": {"allOf": [{"$ref": "#/components/schemas/PriceWithDiscountDTO"},
                        {"type": "object", "properties": {"minimumForBestseller": {"type": "number"}}}]}
                }
            }
        }))
        .with_formats(|format| match format {
            "time" => Some(json!("09:00")),
            "date-dd-MM-yyyy" => Some(json!("23-11-2026")),
            _ => None,
        })
    })
}

// ---- operations

#[test]
fn operations_are_found_by_id_by_method_and_path_and_by_path_alone() {
    assert_eq!(
        ym().locate("updateStocks"),
        ("PUT", "/v2/campaigns/{campaignId}/offers/stocks")
    );
    assert_eq!(
        ym().locate("getStocks"),
        ("POST", "/v2/campaigns/{campaignId}/offers/stocks")
    );
    assert_eq!(
        ym().operation_id("put /v2/campaigns/{campaignId}/offers/stocks"),
        "updateStocks"
    );
    assert_eq!(
        ym().operation_ids(),
        ["getReturns", "getStocks", "updatePrices", "updateStocks"]
    );
    assert_eq!(
        ozon().locate("/v2/products/stocks"),
        ("POST", "/v2/products/stocks")
    );
    assert_eq!(ozon().operation_id("/v2/products/stocks"), "");
    // A path with two methods needs its method; an unknown name is none.
    assert!(ozon().find("/v1/both").is_none());
    assert_eq!(ozon().locate("GET /v1/both"), ("GET", "/v1/both"));
    assert!(ym().find("getOrders").is_none());
    // Across sections: the operation knows its section and document.
    let op = wb().op("GET /api/v3/orders");
    assert_eq!(op.section.as_deref(), Some("marketplace"));
    assert_eq!(
        wb().docs()[op.doc]["paths"]["/api/v3/orders"]["get"],
        *wb().operation("GET /api/v3/orders")
    );
    assert_eq!(wb().operations().len(), 4);
}

#[test]
#[should_panic(expected = "operation getOrders is not in the spec snapshot")]
fn an_unknown_operation_is_named() {
    ym().operation("getOrders");
}

#[test]
#[should_panic(expected = "has several operations (GET, POST)")]
fn an_ambiguous_path_is_named() {
    ozon().operation("/v1/both");
}

#[test]
fn path_templates_match_and_the_most_literal_operation_wins() {
    assert!(path_matches(
        "/v2/campaigns/{campaignId}/returns",
        "/v2/campaigns/12/returns"
    ));
    assert!(!path_matches(
        "/v2/campaigns/{campaignId}/returns",
        "/v2/campaigns//returns"
    ));
    assert!(!path_matches(
        "/v2/campaigns/{campaignId}/returns",
        "/v2/campaigns/12/returns/1"
    ));
    assert!(!path_matches(
        "/v2/campaigns/{campaignId}/returns",
        "/v2/campaigns/12/settings"
    ));
    assert_eq!(
        template_regex("/api/v3/orders/{orderId}/meta.json"),
        r"^/api/v3/orders/[^/]+/meta\.json$"
    );
    let op = wb().operation_for("POST", "/api/v3/orders/status").unwrap();
    assert_eq!(op.path, "/api/v3/orders/status");
    let op = wb()
        .operation_for("delete", "/api/v3/orders/5/meta")
        .unwrap();
    assert_eq!(op.path, "/api/v3/orders/{orderId}/meta");
    assert!(wb().operation_for("GET", "/api/v3/orders/5").is_none());
    let op = ym()
        .operation_for("PUT", "/v2/campaigns/7/offers/stocks")
        .unwrap();
    assert_eq!(op.operation_id.as_deref(), Some("updateStocks"));
}

#[test]
fn servers_come_from_the_operation_its_path_or_its_document() {
    assert_eq!(
        wb().server("GET /api/v3/orders"),
        "https://marketplace-api.example"
    );
    assert_eq!(
        wb().server("POST /api/v3/orders/status"),
        "https://status-api.example"
    );
    assert_eq!(
        wb().server("POST /api/v1/orders"),
        "https://analytics-api.example"
    );
    assert_eq!(ym().server("getReturns"), "https://api.partner.example");
}

#[test]
fn responses_and_examples_are_read_from_the_success_status() {
    assert_eq!(wb().success_status("POST /api/v3/orders/status"), "201");
    assert_eq!(
        wb().success_status("DELETE /api/v3/orders/{orderId}/meta"),
        "204"
    );
    assert!(
        wb().response_schema("POST /api/v3/orders/status")
            .is_object()
    );
    assert!(
        wb().response_schema("DELETE /api/v3/orders/{orderId}/meta")
            .is_null()
    );
    // `examples`, one of them by reference.
    assert_eq!(
        wb().response_examples("GET /api/v3/orders", "200"),
        [
            json!({"orders": [{"id": 1, "supplyId": "WB-GI-1"}]}),
            json!({"orders": []})
        ]
    );
    assert_eq!(
        ozon().response_example("/v2/products/stocks").unwrap()["result"][0]["offer_id"],
        "A-1"
    );
    assert_eq!(
        ozon().request_example("/v2/products/stocks").unwrap()["stocks"][0]["stock"],
        3
    );
    assert!(ozon().request_example("/v1/warehouse/list").is_none());
    assert!(ym().body_required("updateStocks"));
    assert!(!ym().body_required("updatePrices"));
    // A response by reference, its schema by reference.
    assert_eq!(
        ym().response_schema_for("getReturns", "420")["$ref"],
        "#/components/schemas/ApiErrorResponse"
    );
    // Path-item parameters count with the operation's own.
    let names: Vec<Value> = wb()
        .parameters("DELETE /api/v3/orders/{orderId}/meta")
        .into_iter()
        .map(|p| p["name"].clone())
        .collect();
    assert_eq!(names, [json!("key"), json!("orderId")]);
}

// ---- schemas across sections, allOf

#[test]
fn a_reference_resolves_in_its_own_section() {
    let max = wb().maximal(wb().response_schema("GET /api/v3/orders"));
    assert_eq!(max["orders"][0]["id"], 7);
    assert!(max["orders"][0].get("supplyId").is_some(), "{max}");
    assert!(max["orders"][0].get("srid").is_none(), "{max}");
    let max = wb().maximal(wb().response_schema("POST /api/v1/orders"));
    assert!(max[0].get("srid").is_some(), "{max}");
    assert_eq!(wb().qualified("Status"), "marketplace::Status");
    assert_eq!(wb().qualified("analytics::Order"), "analytics::Order");
    assert_eq!(
        wb().enum_values("Status"),
        BTreeSet::from(["new".to_owned(), "confirm".to_owned()])
    );
    assert_eq!(
        wb().schema_ref("Statuses"),
        json!({"$ref": "#/components/schemas/marketplace::Statuses"})
    );
}

#[test]
#[should_panic(expected = "schema Order is in several sections")]
fn a_name_two_sections_define_must_be_qualified() {
    wb().schema("Order");
}

#[test]
fn all_of_is_flattened_nested_and_around_a_single_ref() {
    // `allOf: [ref, {}]` is the enum it wraps, not an object.
    let max = wb().maximal(wb().response_schema("GET /api/v3/orders"));
    assert_eq!(max["orders"][0]["status"], "new");
    assert_eq!(
        wb().property_enum("marketplace::Order", "status"),
        BTreeSet::from(["new".to_owned(), "confirm".to_owned()])
    );
    // Nested allOf: three levels merged, each level's required kept.
    let mut doc = json!({"components": {"schemas": {
        "A": {"type": "object", "required": ["a"], "properties": {"a": {"type": "string"}}},
        "B": {"allOf": [{"$ref": "#/components/schemas/A"},
                        {"type": "object", "properties": {"b": {"type": "string"}}}]},
        "C": {"allOf": [{"$ref": "#/components/schemas/B"}, {},
                        {"type": "object", "properties": {"c": {"type": "string"}}}]}
    }}});
    flatten_all_of(&mut doc);
    let members = doc["components"]["schemas"]["C"]["allOf"]
        .as_array()
        .unwrap();
    assert_eq!(members.len(), 3, "{members:?}");
    assert_eq!(members[0]["$ref"], "#/components/schemas/A");
    let max = ym().maximal(&ym().schema_ref("UpdatePriceDTO"));
    for field in [
        "value",
        "currencyId",
        "discountBase",
        "minimumForBestseller",
    ] {
        assert!(max.get(field).is_some(), "{field} in {max}");
    }
    let (props, required) = ym().object_view(&ym().schema_ref("UpdatePriceDTO"));
    assert_eq!(props.len(), 4);
    assert_eq!(required, BTreeSet::from(["value".to_owned()]));
}

// ---- instances

#[test]
fn instances_use_the_vendor_formats_examples_requireds_and_nulls() {
    let schema = ym().response_schema("getReturns");
    let max = ym().maximal(schema);
    assert_eq!(max["status"], "OK");
    let ret = &max["result"]["returns"][0];
    assert_eq!(ret["id"], 7);
    assert_eq!(ret["status"], "STARTED_BY_USER");
    assert_eq!(ret["createdAt"], "2026-11-23T10:15:30Z");
    assert_eq!(ret["pickupTime"], "09:00");
    assert_eq!(ret["pickupDate"], "23-11-2026");
    assert_eq!(ret["comment"], "text");
    assert!(
        max["result"]["paging"]["nextPageToken"].is_string(),
        "{max}"
    );
    // Without the hook, market-core's default string.
    assert_eq!(
        wb().maximal(&json!({"type": "string", "format": "time"})),
        "text"
    );

    let ex = ym().example_instance(schema);
    assert_eq!(
        ex["result"]["returns"][0]["createdAt"],
        "2020-02-02T14:30:30+03:00"
    );
    assert_eq!(ex["result"]["returns"][0]["pickupTime"], "09:00");
    let ex = ozon().example_instance(ozon().response_schema("/v1/warehouse/list"));
    assert_eq!(ex["result"][0]["name"], "Склад");

    let min = ym().minimal(schema);
    assert_eq!(min, json!({}), "nothing at the top is required");
    let min = ym().minimal(&ym().schema_ref("Return"));
    assert_eq!(min, json!({"id": 7, "status": "STARTED_BY_USER"}));

    let nulls = ym().nulls_instance(schema);
    assert!(
        nulls["result"]["returns"][0]["comment"].is_null(),
        "{nulls}"
    );
    assert_eq!(nulls["result"]["returns"][0]["id"], 7);

    let err = ym().error_instance("getReturns", "420");
    assert!(err["errors"][0]["code"].is_string(), "{err}");
}

// ---- the request body checker

#[test]
fn the_body_checker_accepts_a_good_body_and_the_vendor_example() {
    let op = "/v2/products/stocks";
    let ok = json!({"stocks": [{"offer_id": "A-1", "product_id": 5, "stock": 0, "warehouse_type": "FBS"}]});
    assert_eq!(ozon().check_request(op, &ok), Vec::<String>::new());
    let example = ozon().request_example(op).unwrap();
    assert_eq!(ozon().check_request(op, &example), Vec::<String>::new());
    // The exception: product_id may be left out, offer_id not.
    let without = json!({"stocks": [{"offer_id": "A-1", "stock": 1}]});
    assert_eq!(ozon().check_request(op, &without), Vec::<String>::new());
    assert_eq!(
        ym().check_request("updatePrices", &json!({"value": 10, "currencyId": "RUR", "discountBase": 12, "minimumForBestseller": 9})),
        Vec::<String>::new()
    );
}

#[test]
fn the_body_checker_catches_an_unknown_field() {
    let bad = json!({"stocks": [{"offer_id": "A-1", "stock": 1, "sku": 5}]});
    assert_eq!(
        ozon().check_request("/v2/products/stocks", &bad),
        ["stocks[].sku: not in the request schema"]
    );
    // Under a nested allOf too.
    assert_eq!(
        ym().check_request("updatePrices", &json!({"value": 1, "vat": 2})),
        ["vat: not in the request schema"]
    );
}

#[test]
fn the_body_checker_catches_a_wrong_type() {
    let bad = json!({"stocks": [{"offer_id": 5, "stock": "3"}]});
    assert_eq!(
        ozon().check_request("/v2/products/stocks", &bad),
        [
            "stocks[].offer_id: expected string, sent 5",
            "stocks[].stock: expected integer, sent \"3\""
        ]
    );
    let null = json!({"stocks": [{"offer_id": null, "stock": 1}]});
    assert_eq!(
        ozon().check_request("/v2/products/stocks", &null),
        ["stocks[].offer_id: null sent; omit the field instead"]
    );
    let fraction = json!({"stocks": [{"offer_id": "A", "stock": 1.5}]});
    assert_eq!(
        ozon().check_request("/v2/products/stocks", &fraction).len(),
        1
    );
}

#[test]
fn the_body_checker_catches_a_missing_required_field() {
    let missing = json!({"stocks": [{"product_id": 1, "stock": 1}]});
    assert_eq!(
        ozon().check_request("/v2/products/stocks", &missing),
        ["stocks[].offer_id: required but not sent"]
    );
    assert_eq!(
        ozon().check_request("/v2/products/stocks", &json!({})),
        ["stocks: required but not sent"]
    );
    // Required two allOf levels down.
    assert_eq!(
        ym().check_request("updatePrices", &json!({"discountBase": 12})),
        ["value: required but not sent"]
    );
}

#[test]
fn the_body_checker_catches_oversized_and_out_of_bounds_values() {
    let op = "updateStocks";
    let skus: Vec<Value> = (0..4)
        .map(|i| json!({"sku": format!("S{i}"), "items": [{"count": 1}]}))
        .collect();
    assert_eq!(
        ym().check_request(op, &json!({ "skus": skus })),
        ["skus: 4 items, at most 3"]
    );
    assert_eq!(
        ym().check_request(op, &json!({"skus": []})),
        ["skus: 0 items, at least 1"]
    );
    let two = json!({"skus": [{"sku": "A", "items": [{"count": 1}, {"count": 2}]}]});
    assert_eq!(
        ym().check_request(op, &two),
        ["skus[].items: 2 items, at most 1"]
    );
    let negative = json!({"skus": [{"sku": "A", "items": [{"count": -1}]}]});
    assert_eq!(
        ym().check_request(op, &negative),
        ["skus[].items[].count: -1 is below 0"]
    );
    let long = json!({"skus": [{"sku": "ABCDEFGHIJK", "items": [{"count": 1}]}]});
    assert_eq!(
        ym().check_request(op, &long),
        ["skus[].sku: 11 characters, at most 10"]
    );
    assert_eq!(
        ym().check_request("updatePrices", &json!({"value": 0})),
        ["value: 0 is not above 0"]
    );
    let three = json!({"stocks": [
        {"offer_id": "A", "stock": 1}, {"offer_id": "B", "stock": 1}, {"offer_id": "C", "stock": 1}
    ]});
    assert_eq!(
        ozon().check_request("/v2/products/stocks", &three),
        ["stocks: 3 items, at most 2"]
    );
    let unique = json!({"type": "array", "uniqueItems": true, "items": {"type": "integer"}});
    assert_eq!(
        ozon().check_body(&unique, &json!([1, 2, 1]), &[]),
        [": items repeat, the spec wants them unique"]
    );
}

#[test]
fn the_body_checker_catches_a_bad_enum_value() {
    let bad = json!({"stocks": [{"offer_id": "A", "stock": 1, "warehouse_type": "FBO"}]});
    let problems = ozon().check_request("/v2/products/stocks", &bad);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("stocks[].warehouse_type: \"FBO\" is not one of"),
        "{problems:?}"
    );
    assert_eq!(
        ym().check_request("updatePrices", &json!({"value": 1, "currencyId": "USD"}))
            .len(),
        1
    );
}

// ---- the query and path checkers

#[test]
fn the_query_checker_knows_aliases_arrays_bounds_dates_and_deprecations() {
    let check = |pairs: &[(&str, &str)]| ym().check_query("getReturns", pairs.iter().copied());
    assert_eq!(
        check(&[
            ("pageToken", "abc"),
            ("limit", "100"),
            ("statuses", "STARTED_BY_USER,REFUNDED"),
            ("fromDate", "2026-11-01"),
        ]),
        Vec::<String>::new()
    );
    assert_eq!(
        check(&[("statuses", "REFUNDED"), ("statuses", "CANCELLED")]),
        Vec::<String>::new()
    );
    assert_eq!(check(&[("page_token", "abc")]), Vec::<String>::new());
    assert_eq!(
        check(&[("bogus", "1")]),
        ["query bogus: not a parameter of getReturns"]
    );
    assert_eq!(check(&[("limit", "x")]), ["query limit=x: not an integer"]);
    assert_eq!(
        check(&[("limit", "101")]),
        ["query limit=101: 101 is above 100"]
    );
    assert_eq!(check(&[("limit", "0")]), ["query limit=0: 0 is below 1"]);
    assert_eq!(
        check(&[("limit", "1"), ("limit", "2")]),
        ["query limit: sent 2 times"]
    );
    assert_eq!(
        check(&[("pageToken", "")]),
        ["query pageToken: sent empty; omit it instead"]
    );
    assert_eq!(
        check(&[("from_date", "2026-11-01")]),
        ["query from_date: deprecated in the spec"]
    );
    assert_eq!(
        check(&[("fromDate", "01-11-2026")]),
        ["query fromDate=01-11-2026: not a YYYY-MM-DD date"]
    );
    assert_eq!(
        check(&[("statuses", "REFUNDED,CANCELLED,STARTED_BY_USER")]),
        ["query statuses: 3 values, at most 2"]
    );
    let bad = check(&[("statuses", "NOPE")]);
    assert_eq!(bad.len(), 1);
    assert!(
        bad[0].starts_with("query statuses=NOPE: not one of"),
        "{bad:?}"
    );
}

#[test]
fn the_query_checker_wants_the_required_parameters() {
    let url = url::Url::parse("https://x/api/v3/orders?limit=10&next=0").unwrap();
    assert_eq!(
        wb().check_query("GET /api/v3/orders", url.query_pairs()),
        Vec::<String>::new()
    );
    let url = url::Url::parse("https://x/api/v3/orders?next=0").unwrap();
    assert_eq!(
        wb().check_query("GET /api/v3/orders", url.query_pairs()),
        ["query limit: required but not sent"]
    );
    let op = "DELETE /api/v3/orders/{orderId}/meta";
    assert_eq!(
        wb().check_query(op, [("key", "imei")]),
        Vec::<String>::new()
    );
    assert_eq!(
        wb().check_query(op, [("key", "sgtin")]).len(),
        1,
        "an enum parameter"
    );
}

#[test]
fn the_path_checker_checks_literals_and_parameter_types() {
    let op = "getReturns";
    assert_eq!(
        ym().check_path(op, "/v2/campaigns/12/returns"),
        Vec::<String>::new()
    );
    assert_eq!(
        ym().check_path(op, "/v2/campaigns/x/returns"),
        ["path campaignId=x: not an integer"]
    );
    assert_eq!(
        ym().check_path(op, "/v2/campaigns/0/returns"),
        ["path campaignId=0: 0 is below 1"]
    );
    assert_eq!(
        ym().check_path(op, "/v2/campaign/12/returns"),
        ["path /v2/campaign/12/returns is not /v2/campaigns/{campaignId}/returns"]
    );
    // A path-item parameter counts.
    assert_eq!(
        wb().check_path(
            "DELETE /api/v3/orders/{orderId}/meta",
            "/api/v3/orders/x/meta"
        ),
        ["path orderId=x: not an integer"]
    );
}

// ---- decoding

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct StocksResponse {
    result: Vec<StockResult>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct StockResult {
    offer_id: String,
    updated: bool,
    errors: Vec<StockError>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct StockError {
    code: String,
}

/// The same without `errors`: a strict decoder must refuse the maximal instance.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct StocksResponseMissingErrors {
    result: Vec<StockResultMissingErrors>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[allow(dead_code)]
struct StockResultMissingErrors {
    offer_id: String,
    updated: bool,
}

#[test]
fn responses_decode_strictly_from_examples_and_instances() {
    ozon().assert_responses_decode::<StocksResponse>("/v2/products/stocks");
    let v: StocksResponse = decode(
        "/v2/products/stocks",
        "maximal",
        &ozon().maximal(ozon().response_schema("/v2/products/stocks")),
    );
    assert_eq!(v.result[0].errors[0].code, "text");
}

#[test]
#[should_panic(expected = "/v2/products/stocks: the vendor example #0 does not decode")]
fn a_strict_decoder_missing_a_field_fails_on_the_example() {
    ozon().assert_responses_decode::<StocksResponseMissingErrors>("/v2/products/stocks");
}

#[test]
fn sparse_instances_decode_into_optional_fields() {
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Return {
        id: i64,
        status: String,
        #[serde(rename = "createdAt")]
        created_at: Option<String>,
        #[serde(rename = "pickupTime")]
        pickup_time: Option<String>,
        #[serde(rename = "pickupDate")]
        pickup_date: Option<String>,
        comment: Option<String>,
    }
    let schema = ym().schema_ref("Return");
    let _: Return = decode("Return", "minimal", &ym().minimal(&schema));
    let v: Return = decode("Return", "nulls", &ym().nulls_instance(&schema));
    assert!(v.comment.is_none());
}

#[test]
#[should_panic(expected = "getReturns: the maximal instance does not decode")]
fn a_decoder_without_a_field_of_the_maximal_instance_fails() {
    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Envelope {
        status: String,
    }
    decode::<Envelope>(
        "getReturns",
        "maximal instance",
        &ym().maximal(ym().response_schema("getReturns")),
    );
}

#[test]
fn assert_enum_accepts_the_spec_values() {
    assert_enum(
        &["OK", "ERROR"],
        ym().enum_values("ApiResponseStatusType"),
        "status",
    );
    assert_enum(
        &["FBS", "RFBS"],
        ozon().enum_values("WarehouseType"),
        "WarehouseType",
    );
    assert_enum(
        &["STARTED_BY_USER", "REFUNDED"],
        ym().property_enum("Return", "status"),
        "Return.status",
    );
}

#[test]
#[should_panic(expected = "ApiResponseStatusType: enum values differ from the spec")]
fn assert_enum_names_a_difference() {
    assert_enum(
        &["OK"],
        ym().enum_values("ApiResponseStatusType"),
        "ApiResponseStatusType",
    );
}

#[test]
fn http_dates_are_rfc_1123() {
    let t = std::time::UNIX_EPOCH + std::time::Duration::from_secs(784_111_777);
    assert_eq!(http_date(t), "Sun, 06 Nov 1994 08:49:37 GMT");
    let t = std::time::UNIX_EPOCH + std::time::Duration::from_secs(951_782_400);
    assert_eq!(http_date(t), "Tue, 29 Feb 2000 00:00:00 GMT");
}

// ---- wiremock

const KEY: &str = "test-api-key";

#[tokio::test]
async fn mocks_match_templates_and_good_requests_pass() {
    let server = ym()
        .serve(
            "getReturns",
            json!({"status": "OK", "result": {"returns": []}}),
        )
        .await;
    let http = reqwest::Client::new();
    let resp = http
        .get(format!("{}/v2/campaigns/12/returns", server.uri()))
        .header("Api-Key", KEY)
        .query(&[("limit", "50"), ("pageToken", "t1")])
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 200);
    // Another operation's path is not matched.
    let other = http
        .get(format!("{}/v2/campaigns/12/settings", server.uri()))
        .send()
        .await
        .unwrap();
    assert_eq!(other.status().as_u16(), 404);
    assert_eq!(sent(&server).await.len(), 2);
    assert_eq!(ym().sent_to(&server, "getReturns").await.len(), 1);
    ym().assert_requests_match_spec(&server, "getReturns", &[("api-key", KEY)])
        .await;

    // Two operations on one path, told apart by method; the body checked.
    let server = MockServer::start().await;
    ym().mount(
        &server,
        "updateStocks",
        ResponseTemplate::new(200).set_body_json(json!({"status": "OK"})),
    )
    .await;
    ym().mock("getStocks")
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"status": "OK"})))
        .mount(&server)
        .await;
    let body = json!({"skus": [{"sku": "A-1", "items": [{"count": 3}]}]});
    let resp = http
        .put(format!("{}/v2/campaigns/5/offers/stocks", server.uri()))
        .header("Api-Key", KEY)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 200);
    let (r, got) = sent(&server).await.remove(0);
    assert_eq!(got, body);
    assert_eq!(
        ym().check_sent("updateStocks", &r, &got),
        Vec::<String>::new()
    );
    // The same request read as the other operation: wrong method, and a body it takes none of.
    assert_eq!(
        ym().check_sent("getStocks", &r, &got),
        [
            "method PUT, not POST",
            "a body was sent; the operation takes none"
        ]
    );
    ym().assert_all_requests_match_spec(&server, "updateStocks", &[("api-key", KEY)])
        .await;
}

#[tokio::test]
async fn free_helpers_serve_and_mount_by_method_and_template() {
    let server = serve("POST", "/v2/products/stocks", json!({"result": []})).await;
    mount(
        &server,
        "get",
        "/v1/items/{id}",
        ResponseTemplate::new(404).set_body_json(json!({"code": 5})),
    )
    .await;
    let http = reqwest::Client::new();
    let ok = http
        .post(format!("{}/v2/products/stocks", server.uri()))
        .body("not json")
        .send()
        .await
        .unwrap();
    assert_eq!(ok.status().as_u16(), 200);
    let missing = http
        .get(format!("{}/v1/items/9", server.uri()))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status().as_u16(), 404);
    let nothing = http
        .get(format!("{}/v2/products/stocks", server.uri()))
        .send()
        .await
        .unwrap();
    assert_eq!(nothing.status().as_u16(), 404, "the method is matched");
    let requests = sent(&server).await;
    assert_eq!(requests.len(), 3);
    assert!(
        requests[0].1.is_null(),
        "a body that is not JSON reads as Null"
    );
    let _ = mock("GET", "/x");
}

#[tokio::test]
#[should_panic(expected = "does not match /v2/products/stocks in the spec")]
async fn a_bad_body_fails_the_request_check() {
    let server = ozon()
        .serve("/v2/products/stocks", json!({"result": []}))
        .await;
    reqwest::Client::new()
        .post(format!("{}/v2/products/stocks", server.uri()))
        .header("Client-Id", "1")
        .json(&json!({"stocks": [{"offer_id": "A-1", "stock": 3, "extra": true}]}))
        .send()
        .await
        .unwrap();
    ozon()
        .assert_requests_match_spec(&server, "/v2/products/stocks", &[("client-id", "1")])
        .await;
}

#[tokio::test]
#[should_panic(expected = "query limit: required but not sent")]
async fn a_bad_query_fails_the_request_check() {
    let server = wb()
        .serve("GET /api/v3/orders", json!({"orders": []}))
        .await;
    reqwest::Client::new()
        .get(format!("{}/api/v3/orders?next=0", server.uri()))
        .header("Authorization", KEY)
        .send()
        .await
        .unwrap();
    wb().assert_requests_match_spec(&server, "GET /api/v3/orders", &[("authorization", KEY)])
        .await;
}

#[tokio::test]
#[should_panic(expected = "a required body was not sent")]
async fn a_missing_body_fails_the_request_check() {
    let server = ym().serve("updateStocks", json!({"status": "OK"})).await;
    reqwest::Client::new()
        .put(format!("{}/v2/campaigns/5/offers/stocks", server.uri()))
        .header("Api-Key", KEY)
        .send()
        .await
        .unwrap();
    ym().assert_requests_match_spec(&server, "updateStocks", &[("api-key", KEY)])
        .await;
}

#[tokio::test]
#[should_panic(expected = "getReturns: the api-key header is None")]
async fn a_missing_credential_fails_the_request_check() {
    let server = ym().serve("getReturns", json!({"status": "OK"})).await;
    reqwest::Client::new()
        .get(format!("{}/v2/campaigns/12/returns", server.uri()))
        .send()
        .await
        .unwrap();
    ym().assert_requests_match_spec(&server, "getReturns", &[("api-key", KEY)])
        .await;
}

#[tokio::test]
#[should_panic(expected = "no request reached getReturns")]
async fn an_operation_never_called_fails_the_request_check() {
    let server = ym().serve("getReturns", json!({"status": "OK"})).await;
    ym().assert_requests_match_spec(&server, "getReturns", &[])
        .await;
}

#[tokio::test]
#[should_panic(expected = "is not updateStocks")]
async fn another_operation_fails_the_all_requests_check() {
    let server = MockServer::start().await;
    ym().mount(&server, "getStocks", ResponseTemplate::new(200))
        .await;
    ym().mount(&server, "updateStocks", ResponseTemplate::new(200))
        .await;
    let http = reqwest::Client::new();
    let url = format!("{}/v2/campaigns/5/offers/stocks", server.uri());
    let body = json!({"skus": [{"sku": "A-1", "items": [{"count": 3}]}]});
    http.put(&url).json(&body).send().await.unwrap();
    http.post(&url).send().await.unwrap();
    ym().assert_all_requests_match_spec(&server, "updateStocks", &[])
        .await;
}

#[tokio::test]
async fn error_responses_carry_the_spec_error_body() {
    let server = MockServer::start().await;
    ym().mock("getReturns")
        .respond_with(
            ym().error_response("getReturns", 420)
                .insert_header("Retry-After", "1"),
        )
        .mount(&server)
        .await;
    let resp = reqwest::Client::new()
        .get(format!("{}/v2/campaigns/1/returns", server.uri()))
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 420);
    assert_eq!(resp.headers()["retry-after"], "1");
    let body: Value = resp.json().await.unwrap();
    assert!(body["errors"][0]["code"].is_string(), "{body}");
}

// ---- loading

#[test]
#[should_panic(expected = "operation /v9/gone is not in the spec snapshot")]
fn a_stale_required_exception_is_named() {
    let _ = Spec::new(json!({"paths": {"/v1/x": {"post": {}}}}))
        .with_required_exceptions(&[("/v9/gone", "items[].id")]);
}

#[test]
fn sections_load_from_a_directory_sorted_by_file_name() {
    let dir = std::env::temp_dir().join(format!("contract-harness-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let section = |path: &str| {
        json!({"paths": {path: {"get": {"responses": {"200": {"content": {"application/json": {
            "schema": {"$ref": "#/components/schemas/Item"}
        }}}}}}},
        "components": {"schemas": {"Item": {"type": "object", "properties": {
            path.trim_start_matches('/'): {"type": "integer"}
        }}}}})
    };
    std::fs::write(dir.join("b-orders.json"), section("/orders").to_string()).unwrap();
    std::fs::write(dir.join("a-cards.json"), section("/cards").to_string()).unwrap();
    std::fs::write(dir.join("notes.md"), "not a section").unwrap();
    let read = market_core::contract::harness::read_sections(&dir);
    let names: Vec<&str> = read.iter().map(|(s, _)| s.as_str()).collect();
    assert_eq!(names, ["a-cards", "b-orders"]);
    let spec = Spec::load_sections(&dir);
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(spec.op("GET /orders").section.as_deref(), Some("b-orders"));
    // Each section's `Item` is its own.
    assert_eq!(
        spec.maximal(spec.response_schema("GET /orders")),
        json!({"orders": 7})
    );
    assert_eq!(
        spec.maximal(spec.response_schema("GET /cards")),
        json!({"cards": 7})
    );
    assert_eq!(spec.qualified("b-orders::Item"), "b-orders::Item");
}
