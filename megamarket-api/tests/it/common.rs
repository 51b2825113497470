//! What the test modules share: the committed examples, a client on a mock server.

use std::path::PathBuf;
use std::time::Duration;

use market_core::transport::RetryPolicy;
use megamarket_api::{Client, MerchantId};

/// The token the tests use.
pub const TOKEN: &str = "tok-5f1e2d3c-secret";

/// The bytes of `spec/examples/<name>`.
pub fn example(name: &str) -> Vec<u8> {
    let path: PathBuf = [env!("CARGO_MANIFEST_DIR"), "spec", "examples", name]
        .iter()
        .collect();
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// An example as JSON.
pub fn example_json(name: &str) -> serde_json::Value {
    serde_json::from_slice(&example(name)).unwrap()
}

/// Every example file name.
pub fn example_names() -> Vec<String> {
    let dir: PathBuf = [env!("CARGO_MANIFEST_DIR"), "spec", "examples"]
        .iter()
        .collect();
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Retries fast enough for tests: 3 attempts, 1 ms apart.
pub fn fast_retry() -> RetryPolicy {
    RetryPolicy {
        max_attempts: 3,
        initial_delay: Duration::from_millis(1),
        max_delay: Duration::from_millis(2),
        max_elapsed: Duration::from_secs(10),
        jitter: false,
    }
}

/// A client of the server at `uri`, fast retries, no client-side rate limits.
pub fn client(uri: &str) -> Client {
    Client::builder(TOKEN)
        .base_url(uri)
        .merchant_id(MerchantId(12345))
        .retry(fast_retry())
        .without_rate_limits()
        .build()
        .unwrap()
}
