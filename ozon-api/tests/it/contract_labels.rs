//! Contract tests of the labels section against the Ozon spec snapshot.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use crate::common::*;
use market_core::Error;
use ozon_api::PostingNumber;
use ozon_api::api::labels::{LABEL_TASK_CREATE, PACKAGE_LABEL};
use ozon_api::models::labels::*;
use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request as WireRequest, Respond, ResponseTemplate};

const PDF: &[u8] = b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n";

fn postings(n: usize) -> Vec<PostingNumber> {
    (0..n)
        .map(|i| PostingNumber::new(format!("48173252-0034-{i}")))
        .collect()
}

/// The spec files the package-label answer under `application/pdf` (with a JSON schema), so
/// the harness's JSON lookups miss it: read it here.
fn pdf_response(what: &str) -> Value {
    spec().operation("/v2/posting/fbs/package-label")["responses"]["200"]["content"]
        ["application/pdf"][what]
        .clone()
}

#[test]
fn responses_decode_strictly() {
    assert_responses_decode::<CreateLabelTaskResponse>("/v2/posting/fbs/package-label/create");
    assert_responses_decode::<GetLabelTaskResponse>("/v1/posting/fbs/package-label/get");
    let p = "/v2/posting/fbs/package-label";
    let example = pdf_response("example");
    assert!(example.is_object(), "the spec's label example moved");
    let label: PackageLabelResponse = decode(p, "vendor example", &example);
    assert_eq!(label.content_type, "application/pdf");
    let max = spec().maximal(&pdf_response("schema"));
    let label: PackageLabelResponse = decode(p, "maximal instance", &max);
    assert_eq!(label.file_content, "JVBERi0xLjQK");
}

#[test]
fn label_task_statuses_keep_unknown_values_even_when_strict() {
    let p = "/v1/posting/fbs/package-label/get";
    for (wire, want) in [
        ("pending", LabelTaskStatus::Pending),
        ("in_progress", LabelTaskStatus::InProgress),
        ("completed", LabelTaskStatus::Completed),
        ("error", LabelTaskStatus::Error),
        ("archived", LabelTaskStatus::Unknown("archived".into())),
    ] {
        let r: GetLabelTaskResponse = decode(p, wire, &json!({"result": {"status": wire}}));
        assert_eq!(r.result.status, Some(want));
    }
}

#[test]
fn operations_are_declared_as_the_spec_says() {
    assert!(
        !LABEL_TASK_CREATE.idempotent,
        "creating a task is not idempotent"
    );
    assert_eq!(PACKAGE_LABEL.batch_max, Some(20));
    for p in [
        "/v2/posting/fbs/package-label",
        "/v2/posting/fbs/package-label/create",
        "/v1/posting/fbs/package-label/get",
    ] {
        assert!(!spec().is_deprecated(p), "{p}");
    }
}

async fn label_server(answer: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v2/posting/fbs/package-label"))
        .respond_with(answer)
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn package_label_returns_the_pdf_bytes_of_a_raw_pdf_answer() {
    let server =
        label_server(ResponseTemplate::new(200).set_body_raw(PDF.to_vec(), "application/pdf"))
            .await;
    let ozon = client(&server);
    let pdf = ozon.labels().package_label(&postings(20)).await.unwrap();
    assert_eq!(pdf.as_ref(), PDF);
    let requests = sent(&server).await;
    assert_eq!(
        requests[0].1["posting_number"].as_array().unwrap().len(),
        20
    );
    assert_eq!(requests[0].1["posting_number"][0], "48173252-0034-0");
    assert_requests_match_spec(&server, "/v2/posting/fbs/package-label").await;
}

#[tokio::test]
async fn package_label_decodes_a_json_answer_with_base64_or_raw_file_content() {
    let b64 = json!({"content_type": "application/pdf", "file_name": "ticket.pdf", "file_content": "JVBERi0xLjQKJSVFT0YK"});
    let server = label_server(ResponseTemplate::new(200).set_body_json(b64)).await;
    let pdf = client(&server)
        .labels()
        .package_label(&postings(1))
        .await
        .unwrap();
    assert_eq!(pdf.as_ref(), b"%PDF-1.4\n%%EOF\n");

    // The spec's own example carries the file's bytes as text.
    let server =
        label_server(ResponseTemplate::new(200).set_body_json(pdf_response("example"))).await;
    let pdf = client(&server)
        .labels()
        .package_label(&postings(1))
        .await
        .unwrap();
    assert!(pdf.starts_with(b"%PDF-1.7\n%"));
}

#[tokio::test]
async fn a_label_that_is_not_a_pdf_is_a_typed_decode_error() {
    for answer in [
        ResponseTemplate::new(200).set_body_raw(b"<html>maintenance</html>".to_vec(), "text/html"),
        ResponseTemplate::new(200).set_body_json(
            json!({"content_type": "image/png", "file_name": "x.png", "file_content": "iVBORw0KGgo="}),
        ),
    ] {
        let server = label_server(answer).await;
        let err = client(&server)
            .labels()
            .package_label(&postings(1))
            .await
            .unwrap_err();
        match err {
            Error::Decode {
                operation, message, ..
            } => {
                assert_eq!(operation, "package_label");
                assert!(message.contains("not a PDF"), "{message}");
            }
            other => panic!("expected a decode error, got {other:?}"),
        }
    }
}

#[tokio::test]
async fn package_label_takes_1_to_20_postings() {
    let server = MockServer::start().await;
    let ozon = client(&server);
    for bad in [postings(0), postings(21), vec![PostingNumber::new(" ")]] {
        let err = ozon.labels().package_label(&bad).await.unwrap_err();
        assert!(matches!(err, Error::Validation { .. }), "{err:?}");
    }
    assert!(sent(&server).await.is_empty());
}

#[tokio::test]
async fn create_task_returns_the_tasks_and_is_not_repeated_on_a_server_error() {
    let example = spec()
        .response_example("/v2/posting/fbs/package-label/create")
        .unwrap();
    let server = serve("/v2/posting/fbs/package-label/create", example).await;
    let tasks = client(&server)
        .labels()
        .create_task(&[
            PostingNumber::new("4708216109137"),
            PostingNumber::new("3697105098026"),
        ])
        .await
        .unwrap();
    assert_eq!(tasks.len(), 2);
    assert_eq!(tasks[0].task_id, 5819327210248);
    assert_eq!(tasks[0].task_type, Some(LabelTaskType::BigLabel));
    assert_eq!(tasks[1].task_type, Some(LabelTaskType::SmallLabel));
    assert_eq!(
        sent(&server).await[0].1,
        json!({"posting_number": ["4708216109137", "3697105098026"]})
    );
    assert_requests_match_spec(&server, "/v2/posting/fbs/package-label/create").await;

    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(500).set_body_json(json!({"code": 13, "message": "internal"})),
        )
        .mount(&server)
        .await;
    let err = client(&server)
        .labels()
        .create_task(&postings(1))
        .await
        .unwrap_err();
    assert_eq!(err.status(), Some(500));
    assert_eq!(
        sent(&server).await.len(),
        1,
        "a task creation is never repeated"
    );
}

#[tokio::test]
async fn task_status_reads_the_file_url() {
    let example = spec()
        .response_example("/v1/posting/fbs/package-label/get")
        .unwrap();
    let server = serve("/v1/posting/fbs/package-label/get", example).await;
    let state = client(&server)
        .labels()
        .task_status(5819327210248)
        .await
        .unwrap();
    assert_eq!(state.status, Some(LabelTaskStatus::Completed));
    assert_eq!(
        state.file_url,
        "https://cdn1.ozone.ru/s3/ord-tmp-12/small_label/ticket-00-0000-0000.pdf"
    );
    assert_eq!(state.printed_postings_count, 1);
    assert_eq!(state.unprinted_postings_count, 0);
    assert!(state.unprinted_postings.is_empty());
    assert_eq!(
        sent(&server).await[0].1,
        json!({"task_id": 5819327210248i64})
    );
    assert_requests_match_spec(&server, "/v1/posting/fbs/package-label/get").await;
}

/// Answers the task status with the given statuses in turn, then the last one forever.
struct Statuses(&'static [&'static str], AtomicUsize);

impl Respond for Statuses {
    fn respond(&self, _: &WireRequest) -> ResponseTemplate {
        let n = self.1.fetch_add(1, Ordering::SeqCst);
        let status = self.0[n.min(self.0.len() - 1)];
        let result = match status {
            "completed" => {
                json!({"status": status, "file_url": "https://cdn1.ozone.ru/s3/labels/1.pdf"})
            }
            "error" => json!({"status": status, "error": "POSTING_NOT_READY"}),
            _ => json!({"status": status}),
        };
        ResponseTemplate::new(200).set_body_json(json!({ "result": result }))
    }
}

async fn task_server(statuses: &'static [&'static str]) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(path("/v1/posting/fbs/package-label/get"))
        .respond_with(Statuses(statuses, AtomicUsize::new(0)))
        .mount(&server)
        .await;
    server
}

#[tokio::test(start_paused = true)]
async fn wait_for_task_polls_until_completed_on_a_paused_clock() {
    let server = task_server(&["pending", "in_progress", "completed"]).await;
    let ozon = client(&server);
    let started = tokio::time::Instant::now();
    let url = ozon
        .labels()
        .wait_for_task(7, Duration::from_secs(2), Duration::from_secs(60))
        .await
        .unwrap();
    assert_eq!(url, "https://cdn1.ozone.ru/s3/labels/1.pdf");
    assert_eq!(sent(&server).await.len(), 3);
    assert_eq!(
        started.elapsed(),
        Duration::from_secs(4),
        "two waits of 2 s, on the paused clock"
    );
    assert_requests_match_spec(&server, "/v1/posting/fbs/package-label/get").await;
}

#[tokio::test(start_paused = true)]
async fn wait_for_task_gives_up_after_max_wait() {
    let server = task_server(&["pending"]).await;
    let ozon = client(&server);
    let started = tokio::time::Instant::now();
    let err = ozon
        .labels()
        .wait_for_task(7, Duration::from_secs(2), Duration::from_secs(5))
        .await
        .unwrap_err();
    match err {
        Error::Timeout {
            operation, elapsed, ..
        } => {
            assert_eq!(operation, "label_task_get");
            assert_eq!(elapsed, Duration::from_secs(5));
        }
        other => panic!("expected a timeout, got {other:?}"),
    }
    // Polled at 0, 2, 4 and 5 s.
    assert_eq!(sent(&server).await.len(), 4);
    assert_eq!(started.elapsed(), Duration::from_secs(5));
}

#[tokio::test(start_paused = true)]
async fn wait_for_task_stops_at_an_error_status_with_ozons_code() {
    let server = task_server(&["pending", "error"]).await;
    let err = client(&server)
        .labels()
        .wait_for_task(7, Duration::from_secs(1), Duration::from_secs(60))
        .await
        .unwrap_err();
    match err {
        Error::TaskFailed {
            vendor,
            operation,
            task,
            code,
            ..
        } => {
            assert_eq!((vendor, operation), ("ozon", "label_task_get"));
            assert_eq!(task, "7");
            assert_eq!(code.as_deref(), Some("POSTING_NOT_READY"));
        }
        other => panic!("expected the task's failure, got {other:?}"),
    }
    assert_eq!(sent(&server).await.len(), 2);
}

async fn file_server(body: &[u8]) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/s3/sc-temporary/e6/0c/e60c.pdf"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(body.to_vec(), "application/pdf"))
        .mount(&server)
        .await;
    server
}

#[tokio::test]
async fn download_fetches_the_pdf_and_sends_credentials_only_to_the_clients_own_host() {
    let api = MockServer::start().await;
    let ozon = client(&api);

    // Another host (Ozon's CDN): no Client-Id or Api-Key.
    let cdn = file_server(PDF).await;
    let url = format!(
        "{}/s3/sc-temporary/e6/0c/e60c.pdf?X-Amz-Credential=a%2Fb&X-Amz-Signature=ff",
        cdn.uri()
    );
    let pdf = ozon.labels().download(&url).await.unwrap();
    assert_eq!(pdf.as_ref(), PDF);
    let got = cdn.received_requests().await.unwrap();
    assert_eq!(got.len(), 1);
    assert_eq!(got[0].url.path(), "/s3/sc-temporary/e6/0c/e60c.pdf");
    assert_eq!(
        got[0].url.query(),
        Some("X-Amz-Credential=a%2Fb&X-Amz-Signature=ff")
    );
    assert!(got[0].headers.get("api-key").is_none());
    assert!(got[0].headers.get("client-id").is_none());

    // The client's own host: authorised as the client.
    let api = file_server(PDF).await;
    let ozon = client(&api);
    let pdf = ozon
        .labels()
        .download(&format!("{}/s3/sc-temporary/e6/0c/e60c.pdf", api.uri()))
        .await
        .unwrap();
    assert_eq!(pdf.as_ref(), PDF);
    let got = api.received_requests().await.unwrap();
    assert_eq!(got[0].headers.get("api-key").unwrap(), API_KEY);
    assert_eq!(got[0].headers.get("client-id").unwrap(), CLIENT_ID);
}

#[tokio::test]
async fn a_downloaded_file_that_is_not_a_pdf_or_a_bad_url_is_an_error() {
    let cdn = file_server(b"<Error><Code>AccessDenied</Code></Error>").await;
    let api = MockServer::start().await;
    let ozon = client(&api);
    let err = ozon
        .labels()
        .download(&format!("{}/s3/sc-temporary/e6/0c/e60c.pdf", cdn.uri()))
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Decode { .. }), "{err:?}");
    for bad in [
        "not a url",
        "ftp://cdn1.ozone.ru/a.pdf",
        "https://cdn1.ozone.ru/",
    ] {
        let err = ozon.labels().download(bad).await.unwrap_err();
        assert!(matches!(err, Error::Validation { .. }), "{bad}: {err:?}");
    }
    assert!(api.received_requests().await.unwrap().is_empty());
}

/// A file server failing `failures` times with 503 before it serves the PDF.
async fn flaky_file_server(failures: u64) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/s3/sc-temporary/e6/0c/e60c.pdf"))
        .respond_with(ResponseTemplate::new(503))
        .up_to_n_times(failures)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path("/s3/sc-temporary/e6/0c/e60c.pdf"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(PDF.to_vec(), "application/pdf"))
        .mount(&server)
        .await;
    server
}

#[tokio::test(start_paused = true)]
async fn download_goes_through_the_clients_transport_retries_and_quota() {
    let api = MockServer::start().await;
    let ozon = client(&api); // Its retry policy: 2 attempts.
    let file = |server: &MockServer| format!("{}/s3/sc-temporary/e6/0c/e60c.pdf", server.uri());

    // A CDN that fails once: the client's second attempt fetches the file.
    let cdn = flaky_file_server(1).await;
    let pdf = ozon.labels().download(&file(&cdn)).await.unwrap();
    assert_eq!(pdf.as_ref(), PDF);
    assert_eq!(cdn.received_requests().await.unwrap().len(), 2);

    // Failing twice spends the client's 2 attempts (a transport of the download's own, with
    // the default policy's 5, would fetch it on the third).
    let cdn = flaky_file_server(2).await;
    let err = ozon.labels().download(&file(&cdn)).await.unwrap_err();
    match &err {
        Error::Api(e) => assert_eq!(e.status, 503),
        other => panic!("expected the CDN's 503, got {other:?}"),
    }
    assert_eq!(cdn.received_requests().await.unwrap().len(), 2);

    // The CDN is not Ozon's API: no quota of the client's was touched. A file on the client's
    // own origin is counted in the account's quota, in the client's own limiter registry.
    let limits = ozon.transport().limits();
    let account = market_core::transport::ACCOUNT_GROUP;
    assert_eq!(limits.current(CLIENT_ID, account), None);
    let api = file_server(PDF).await;
    let ozon = client(&api);
    ozon.labels().download(&file(&api)).await.unwrap();
    assert!(
        ozon.transport()
            .limits()
            .current(CLIENT_ID, account)
            .is_some(),
        "the download did not go through the client's transport"
    );
}
