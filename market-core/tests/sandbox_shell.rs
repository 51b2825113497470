//! The emulator shell (issue 12, item 3): routing by Operation statics, credentials, injected
//! faults, quotas and the request log, around a small emulator.
#![cfg(feature = "sandbox")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::time::Duration;

use market_core::sandbox::{
    Admitted, Answer, Call, Charge, Emulate, FaultPlan, Faults, Limiter, Quota, Refusal, Shell,
    route,
};
use market_core::sandbox::{Fault, wiremock};
use market_core::transport::Operation;
use serde_json::{Value, json};

static ORDER_GET: Operation = Operation::get("order_get", "/v1/orders/{orderId}");
static ORDERS_NEW: Operation = Operation::get("orders_new", "/v1/orders/new");
static STOCKS_UPDATE: Operation =
    Operation::post("stocks_update", "/v1/stocks/{warehouseId}").in_group("stocks");
static OPERATIONS: &[&Operation] = &[&ORDER_GET, &ORDERS_NEW, &STOCKS_UPDATE];

struct Shop;

impl Emulate for Shop {
    type State = Vec<(String, i64)>;

    fn operations(&self) -> &[&'static Operation] {
        OPERATIONS
    }

    fn request_id(&self, n: u64) -> (&'static str, String) {
        ("x-shop-trace", format!("t{n}"))
    }

    fn authorize(&self, request: &wiremock::Request) -> Result<String, Answer> {
        match request.headers.get("api-key").and_then(|v| v.to_str().ok()) {
            Some("good") => Ok("acc-1".into()),
            Some(_) => Err(Answer::json(403, &json!({"error": "bad key"}))),
            None => Err(Answer::json(401, &json!({"error": "no key"}))),
        }
    }

    fn refuse(&self, refusal: &Refusal) -> Answer {
        let answer = Answer::json(refusal.status(), &json!({"error": refusal.to_string()}));
        match refusal {
            Refusal::RateLimited(r) => {
                answer.header("retry-after", r.retry_after.as_secs().max(1).to_string())
            }
            _ => answer,
        }
    }

    fn charges(&self, call: &Call<'_>) -> Vec<Charge> {
        match call.op.limit_group {
            "stocks" => {
                let items = call
                    .json::<Value>()
                    .ok()
                    .and_then(|v| v["stocks"].as_array().map(Vec::len))
                    .unwrap_or(1);
                vec![Charge {
                    key: format!("{}/stocks", call.account),
                    quota: Quota::Window {
                        count: 5,
                        period: Duration::from_secs(3600),
                    },
                    weight: u32::try_from(items).unwrap(),
                }]
            }
            _ => vec![Charge::one(
                format!("{}/default", call.account),
                Quota::Bucket {
                    count: 1,
                    period: Duration::from_secs(3600),
                    burst: 3,
                },
            )],
        }
    }

    fn handle(&self, state: &mut Self::State, call: &Call<'_>) -> Answer {
        if std::ptr::eq(call.op, &STOCKS_UPDATE) {
            let warehouse = call.param("warehouseId").unwrap_or_default().to_owned();
            state.push((warehouse, 1));
            return Answer::json(400, &json!({"error": "refused on purpose"}));
        }
        Answer::json(
            200,
            &json!({"op": call.op.name, "id": call.param("orderId"), "q": call.query_all("x")}),
        )
    }

    fn finish(
        &self,
        _: &Call<'_>,
        answer: Answer,
        limiter: Option<&Limiter>,
        admitted: &[Admitted],
    ) -> Answer {
        let Some(a) = admitted.first() else {
            return answer;
        };
        let mut left = a.remaining;
        if answer.status == 400
            && let Some(l) = limiter
        {
            left = l.charge(&a.key, 1).unwrap_or(left);
        }
        answer.header("x-left", left.to_string())
    }
}

async fn call(
    server: &wiremock::MockServer,
    method: &str,
    path: &str,
    key: Option<&str>,
) -> (u16, Value, reqwest::header::HeaderMap) {
    let client = reqwest::Client::new();
    let url = format!("{}{path}", server.uri());
    let mut rb = match method {
        "POST" => client.post(url).json(&json!({"stocks": [1, 2]})),
        _ => client.get(url),
    };
    if let Some(k) = key {
        rb = rb.header("api-key", k);
    }
    let r = rb.send().await.unwrap();
    let status = r.status().as_u16();
    let headers = r.headers().clone();
    let body = r.json().await.unwrap_or(Value::Null);
    (status, body, headers)
}

#[test]
fn routes_prefer_literal_segments_and_decode_parameters() {
    let (op, params) = route(OPERATIONS, "GET", "/v1/orders/new").unwrap();
    assert_eq!(op.name, "orders_new");
    assert!(params.is_empty());
    let (op, params) = route(OPERATIONS, "get", "/v1/orders/A%2F7").unwrap();
    assert_eq!(op.name, "order_get");
    assert_eq!(params, [("orderId", "A/7".to_owned())]);
    assert!(route(OPERATIONS, "POST", "/v1/orders/7").is_none());
    assert!(route(OPERATIONS, "GET", "/v1/orders/").is_none());
    assert!(route(OPERATIONS, "GET", "/v1/orders/7/items").is_none());
}

#[tokio::test]
async fn the_shell_checks_credentials_routes_logs_and_counts_quotas() {
    let shell = Shell::new(Shop, Vec::new(), Faults::new(FaultPlan::none()), true);
    let server = shell.serve().await;

    let (status, body, headers) = call(&server, "GET", "/v1/orders/42?x=1&x=2", None).await;
    assert_eq!((status, body["error"].as_str()), (401, Some("no key")));
    assert_eq!(headers["x-shop-trace"], "t0");
    assert_eq!(
        call(&server, "GET", "/v1/orders/42", Some("bad")).await.0,
        403
    );

    let (status, body, _) = call(&server, "GET", "/v1/orders/42?x=1&x=2", Some("good")).await;
    assert_eq!(status, 200);
    assert_eq!(
        body,
        json!({"op": "order_get", "id": "42", "q": ["1", "2"]})
    );

    let (status, body, _) = call(&server, "GET", "/v2/nothing", Some("good")).await;
    assert_eq!(status, 404);
    assert!(body["error"].as_str().unwrap().contains("GET /v2/nothing"));

    // A bucket of 3: the fourth request of the group (the 401/403 were not counted) is refused.
    assert_eq!(
        call(&server, "GET", "/v1/orders/new", Some("good")).await.0,
        200
    );
    assert_eq!(
        call(&server, "GET", "/v1/orders/1", Some("good")).await.0,
        200
    );
    let (status, _, headers) = call(&server, "GET", "/v1/orders/2", Some("good")).await;
    assert_eq!(status, 429);
    assert!(
        headers["retry-after"]
            .to_str()
            .unwrap()
            .parse::<u64>()
            .unwrap()
            > 1000
    );

    // A window of 5 units, each request costs 2, and a refusal 1 more.
    let (status, _, headers) = call(&server, "POST", "/v1/stocks/W1", Some("good")).await;
    assert_eq!((status, &headers["x-left"]), (400, &"2".parse().unwrap()));
    let (status, _, headers) = call(&server, "POST", "/v1/stocks/W1", Some("good")).await;
    assert_eq!((status, &headers["x-left"]), (400, &"0".parse().unwrap()));
    assert_eq!(
        call(&server, "POST", "/v1/stocks/W1", Some("good")).await.0,
        429
    );
    assert_eq!(
        shell.state().len(),
        2,
        "a refused request never reaches the handler"
    );

    let log = shell.requests();
    assert_eq!(log.count("GET /v1/orders/{orderId}"), 5);
    assert_eq!(log.count("GET /v2/nothing"), 1);
    assert_eq!(log.count("POST /v1/stocks/{warehouseId}"), 3);
}

#[tokio::test]
async fn injected_faults_come_before_the_handler_and_change_its_answer() {
    let plan = FaultPlan::schedule([
        Some(Fault::RateLimited),
        Some(Fault::ServerError),
        Some(Fault::EmptyOk),
        None,
    ]);
    let shell = Shell::new(Shop, Vec::new(), Faults::new(plan), false);
    let server = shell.serve().await;
    let (status, body, _) = call(&server, "POST", "/v1/stocks/W", Some("good")).await;
    assert_eq!(status, 429);
    assert!(body["error"].as_str().unwrap().contains("injected"));
    assert_eq!(
        call(&server, "POST", "/v1/stocks/W", Some("good")).await.0,
        500
    );
    assert!(shell.state().is_empty());
    let (status, body, _) = call(&server, "GET", "/v1/orders/9", Some("good")).await;
    assert_eq!((status, body), (200, json!({})));
    let (status, body, _) = call(&server, "GET", "/v1/orders/9", Some("good")).await;
    assert_eq!((status, body["id"].as_str()), (200, Some("9")));
    assert_eq!(shell.faults().injected(), 3);
}

#[test]
fn a_bucket_refuses_only_past_its_burst_and_says_when() {
    let limiter = Limiter::new(Duration::ZERO);
    let quota = Quota::Bucket {
        count: 60,
        period: Duration::from_secs(60),
        burst: 2,
    };
    let charge = Charge::one("k", quota);
    assert_eq!(limiter.admit(&charge).unwrap().remaining, 1);
    assert_eq!(limiter.admit(&charge).unwrap().remaining, 0);
    let refused = limiter.admit(&charge).unwrap_err();
    assert_eq!(refused.limit, 2);
    assert!(refused.retry_after <= Duration::from_secs(1));
    assert!(refused.retry_after > Duration::from_millis(900));
    // Another key has its own counter.
    assert!(limiter.admit(&Charge::one("other", quota)).is_ok());
    assert_eq!(limiter.charge("never", 3), None);
}

#[test]
fn a_window_lets_one_oversized_request_through_alone() {
    let limiter = Limiter::new(Duration::ZERO);
    let heavy = Charge {
        key: "k".into(),
        quota: Quota::Window {
            count: 10,
            period: Duration::from_secs(60),
        },
        weight: 25,
    };
    assert_eq!(limiter.admit(&heavy).unwrap().remaining, 0);
    let light = Charge { weight: 1, ..heavy };
    let refused = limiter.admit(&light).unwrap_err();
    assert!(refused.retry_after > Duration::from_secs(59));
}
