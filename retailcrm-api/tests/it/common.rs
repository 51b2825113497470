//! What the tests share: the snapshot's examples, a client of a mock server.
#![allow(dead_code)]

use std::time::Duration;

use market_core::transport::RetryPolicy;
use retailcrm_api::Client;

/// The API key the test client sends.
pub const API_KEY: &str = "rc-test-key-0123456789abcdef";

/// The bytes of `spec/examples/<name>.response.json`.
pub fn example(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/spec/examples/{name}.response.json",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// A client of `uri` with quick retries and no timeouts: under tokio's paused clock a
/// timeout would be the next timer, and the clock jumps to it while a request is on the wire.
pub fn client(uri: &str) -> Client {
    Client::builder(uri, API_KEY)
        .timeouts(None, None)
        .retry(RetryPolicy {
            max_attempts: 4,
            initial_delay: Duration::from_millis(10),
            max_delay: Duration::from_millis(50),
            max_elapsed: Duration::from_secs(30),
            ..RetryPolicy::default()
        })
        .build()
        .unwrap()
}

/// The decoded `application/x-www-form-urlencoded` body of a request.
pub fn form(body: &[u8]) -> Vec<(String, String)> {
    url::form_urlencoded::parse(body).into_owned().collect()
}

/// One field of a form body, parsed as JSON when `json`.
pub fn field(body: &[u8], name: &str) -> Option<String> {
    form(body)
        .into_iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v)
}
