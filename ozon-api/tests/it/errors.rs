//! Ozon's error answers become market-core errors with Ozon's code and message; the key never
//! leaks.

use crate::common::*;
use market_core::{ApiErrorKind, Error};
use ozon_api::Sku;
use serde_json::json;
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

async fn answer(status: u16, body: serde_json::Value) -> (MockServer, Error) {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(status)
                .insert_header("x-o3-trace-id", "trace-1")
                .set_body_json(body),
        )
        .mount(&server)
        .await;
    let ozon = client(&server);
    let err = ozon
        .stocks()
        .by_warehouse_fbs(vec![Sku(1)])
        .await
        .unwrap_err();
    (server, err)
}

#[tokio::test]
async fn error_bodies_map_to_typed_errors_with_ozons_code_and_message() {
    let cases = [
        (
            400,
            3,
            "invalid argument: sku",
            ApiErrorKind::BadRequest,
            false,
            1,
        ),
        (
            403,
            7,
            "Api-Key is not valid",
            ApiErrorKind::Forbidden,
            false,
            1,
        ),
        (404, 5, "not found", ApiErrorKind::NotFound, false, 1),
        (
            409,
            6,
            "posting already shipped",
            ApiErrorKind::Conflict,
            false,
            1,
        ),
        (
            429,
            8,
            "You have reached request rate limit per second",
            ApiErrorKind::RateLimited,
            true,
            2,
        ),
        (500, 13, "internal error", ApiErrorKind::Server, true, 2),
    ];
    for (status, code, message, kind, retryable, attempts) in cases {
        let (server, err) = answer(
            status,
            json!({"code": code, "message": message, "details": []}),
        )
        .await;
        let api = err.api().unwrap_or_else(|| panic!("{status}: {err:?}"));
        assert_eq!(api.status, status);
        assert_eq!(api.vendor, "ozon");
        assert_eq!(api.operation, "stocks_by_warehouse_fbs");
        assert_eq!(api.code.as_deref(), Some(code.to_string().as_str()));
        assert_eq!(api.message, message);
        assert_eq!(api.kind, kind);
        assert_eq!(api.retryable, retryable);
        assert_eq!(api.request_id.as_deref(), Some("trace-1"));
        // The test client makes at most 2 attempts: retryable answers are repeated once.
        assert_eq!(sent(&server).await.len(), attempts, "{status}");
    }
}

#[tokio::test]
async fn a_non_json_error_body_is_quoted_and_bounded() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(502).set_body_string("<html>".repeat(500)))
        .mount(&server)
        .await;
    let err = client(&server)
        .stocks()
        .by_warehouse_fbs(vec![Sku(1)])
        .await
        .unwrap_err();
    let api = err.api().unwrap();
    assert_eq!(api.code, None);
    assert!(api.message.starts_with("<html>"));
    assert!(api.message.len() <= market_core::transport::EXCERPT_LEN + 3);
}

#[tokio::test]
async fn the_api_key_never_reaches_debug_display_or_errors() {
    let (_server, err) = answer(
        403,
        json!({"code": 7, "message": format!("Api-Key {API_KEY} is not valid")}),
    )
    .await;
    let server = MockServer::start().await;
    let ozon = client(&server);
    let builder = ozon_api::Client::builder(CLIENT_ID, API_KEY);
    for text in [
        format!("{err}"),
        format!("{err:?}"),
        format!("{ozon:?}"),
        format!("{builder:?}"),
    ] {
        assert!(!text.contains(API_KEY), "leaked: {text}");
    }
    assert!(format!("{ozon:?}").contains(CLIENT_ID));
}

#[test]
fn empty_credentials_are_a_config_error() {
    assert!(matches!(
        ozon_api::Client::new("", "key"),
        Err(Error::Config(_))
    ));
    assert!(matches!(
        ozon_api::Client::new("1", " "),
        Err(Error::Config(_))
    ));
    assert!(matches!(
        ozon_api::Client::builder("1", "k")
            .base_url("ftp://x")
            .build(),
        Err(Error::Config(_))
    ));
}

#[tokio::test]
async fn requests_carry_the_user_agent_of_this_crate() {
    let server = serve(
        "/v2/product/info/stocks-by-warehouse/fbs",
        json!({"cursor": "", "has_next": false, "products": []}),
    )
    .await;
    client(&server)
        .stocks()
        .by_warehouse_fbs(vec![Sku(1)])
        .await
        .unwrap();
    let (r, _) = sent(&server).await.remove(0);
    let ua = r.headers.get("user-agent").unwrap().to_str().unwrap();
    assert!(
        ua.starts_with(&format!(
            "ozon-api/{} market-core/",
            env!("CARGO_PKG_VERSION")
        )),
        "{ua}"
    );
}
