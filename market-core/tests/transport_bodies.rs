//! Response bodies: capped per operation (issue 11, item 9), and a cut body on an idempotent
//! read sent once more (item 13). Raw TCP servers in the tests serve what wiremock cannot
//! (endless, lying or cut bodies).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use common::{TestVendor, transport};
use market_core::Error;
use market_core::transport::{DEFAULT_MAX_RESPONSE_BYTES, Operation};
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;
use wiremock::matchers::method;
use wiremock::{Mock, MockServer, ResponseTemplate};

const MIB: usize = 1024 * 1024;

/// How long a call may take before a test calls it hung (real time).
const GUARD: Duration = Duration::from_secs(30);

static READ: Operation = Operation::post("read", "/v1/read");
static SMALL: Operation = Operation::post("small_read", "/v1/read").max_response_bytes(MIB);
static CREATE: Operation = Operation::post("create", "/v1/create").non_idempotent();

async fn received(server: &MockServer) -> usize {
    server.received_requests().await.unwrap().len()
}

/// A raw HTTP/1.1 server: each connection reads the request and hands the socket to `serve`
/// with the connection's number (from 0). Returns the base URL, the connection count and the
/// bytes written (as `serve` reports them).
async fn raw_server<F, Fut>(serve: F) -> (String, Arc<AtomicUsize>, Arc<AtomicUsize>)
where
    F: Fn(tokio::net::TcpStream, usize, Arc<AtomicUsize>) -> Fut + Send + Sync + 'static,
    Fut: std::future::Future<Output = ()> + Send + 'static,
{
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let connections = Arc::new(AtomicUsize::new(0));
    let written = Arc::new(AtomicUsize::new(0));
    let (c, w) = (connections.clone(), written.clone());
    tokio::spawn(async move {
        loop {
            let Ok((mut sock, _)) = listener.accept().await else {
                return;
            };
            let n = c.fetch_add(1, Ordering::SeqCst);
            let mut buf = vec![0u8; 8192];
            let _ = sock.read(&mut buf).await;
            tokio::spawn(serve(sock, n, w.clone()));
        }
    });
    (format!("http://{addr}"), connections, written)
}

/// Holds a connection open until the client closes it.
async fn hold(mut sock: tokio::net::TcpStream) {
    let mut buf = [0u8; 64];
    while matches!(sock.read(&mut buf).await, Ok(n) if n > 0) {}
}

// Real time: the guard below only fires if the call hangs (the paused clock would jump to it
// whenever the runtime waits for the socket).
#[tokio::test]
async fn a_content_length_over_the_cap_is_refused_before_the_body_is_read() {
    let (url, connections, _) = raw_server(|mut sock, _, _| async move {
        let _ = sock
            .write_all(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 10000000000\r\n\r\n{\"result\":")
            .await;
        // The rest never comes: a client that waited for it would hang.
        hold(sock).await;
    })
    .await;
    let vendor = TestVendor::new();
    let t = transport(&vendor, &url, 3);
    let err = tokio::time::timeout(GUARD, t.send(READ.request()))
        .await
        .expect("waited for a body it should have refused")
        .unwrap_err();
    match &err {
        Error::ResponseTooLarge {
            vendor,
            operation,
            limit,
        } => {
            assert_eq!((*vendor, *operation), ("test", "read"));
            assert_eq!(*limit, DEFAULT_MAX_RESPONSE_BYTES);
        }
        other => panic!("expected ResponseTooLarge, got {other:?}"),
    }
    let text = err.to_string();
    assert!(
        text.contains("test read") && text.contains(&DEFAULT_MAX_RESPONSE_BYTES.to_string()),
        "{text}"
    );
    assert!(!err.is_retryable());
    assert_eq!(err.code(), "response_too_large");
    assert_eq!(vendor.attempts(), 1, "not retried");
    assert_eq!(connections.load(Ordering::SeqCst), 1);
}

// Real time: the guard below only fires if the call hangs (the paused clock would jump to it
// whenever the runtime waits for the socket).
#[tokio::test]
async fn an_endless_chunked_body_stops_at_the_cap() {
    let (url, connections, written) = raw_server(|mut sock, _, written| async move {
        if sock
            .write_all(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n")
            .await
            .is_err()
        {
            return;
        }
        let chunk = vec![b' '; 64 * 1024];
        let head = format!("{:x}\r\n", chunk.len());
        // Endless: until the client goes away.
        loop {
            if sock.write_all(head.as_bytes()).await.is_err()
                || sock.write_all(&chunk).await.is_err()
                || sock.write_all(b"\r\n").await.is_err()
            {
                return;
            }
            written.fetch_add(chunk.len(), Ordering::SeqCst);
        }
    })
    .await;
    let vendor = TestVendor::new();
    let t = transport(&vendor, &url, 3);
    let err = tokio::time::timeout(GUARD, t.send(SMALL.request()))
        .await
        .expect("an endless body hung the call")
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::ResponseTooLarge {
                operation: "small_read",
                limit: MIB,
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(vendor.attempts(), 1, "not retried");
    assert_eq!(connections.load(Ordering::SeqCst), 1);
    // The client stopped reading at about the cap: what the server managed to write beyond
    // it sits in socket buffers (a few MiB at most), not in the process.
    let sent = written.load(Ordering::SeqCst);
    assert!(sent >= MIB, "{sent}");
    assert!(sent < 16 * MIB, "the client kept reading: {sent} bytes");
}

/// A gzip stream of `1 + 258 * k` zero bytes (fixed-Huffman DEFLATE: a literal 0, then
/// length-258 copies at distance 1), so that a few kilobytes inflate to megabytes.
fn gzip_zeros(k: usize) -> (Vec<u8>, usize) {
    struct Bits {
        out: Vec<u8>,
        acc: u64,
        n: u32,
    }
    impl Bits {
        fn put(&mut self, value: u32, bits: u32) {
            self.acc |= u64::from(value) << self.n;
            self.n += bits;
            while self.n >= 8 {
                self.out.push(self.acc as u8);
                self.acc >>= 8;
                self.n -= 8;
            }
        }
        /// A Huffman code: written most significant bit first.
        fn code(&mut self, code: u32, bits: u32) {
            let reversed = (0..bits).fold(0, |r, i| r | (((code >> i) & 1) << (bits - 1 - i)));
            self.put(reversed, bits);
        }
    }
    let len = 1 + 258 * k;
    let mut b = Bits {
        out: vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 255],
        acc: 0,
        n: 0,
    };
    b.put(1, 1); // the final block
    b.put(1, 2); // fixed Huffman codes
    b.code(0x30, 8); // literal 0
    for _ in 0..k {
        b.code(0xC0 + 5, 8); // length 258 (symbol 285)
        b.code(0, 5); // distance 1
    }
    b.code(0, 7); // end of block
    if b.n > 0 {
        b.out.push(b.acc as u8);
    }
    let mut crc: u32 = 0xFFFF_FFFF;
    for _ in 0..len {
        // A zero byte.
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    b.out.extend_from_slice(&(!crc).to_le_bytes());
    b.out.extend_from_slice(&(len as u32).to_le_bytes());
    (b.out, len)
}

#[tokio::test(start_paused = true)]
async fn a_gzip_bomb_is_counted_after_decompression() {
    // 4 MiB of zeros in about 26 KB.
    let (gz, len) = gzip_zeros(4 * MIB / 258);
    assert!(
        gz.len() < 64 * 1024 && len > 4 * MIB - 258,
        "{} {len}",
        gz.len()
    );
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("content-encoding", "gzip")
                .set_body_raw(gz, "application/octet-stream"),
        )
        .mount(&server)
        .await;
    let vendor = TestVendor::new();
    let t = transport(&vendor, &server.uri(), 3);
    let err = t.send(SMALL.request()).await.unwrap_err();
    assert!(
        matches!(err, Error::ResponseTooLarge { limit: MIB, .. }),
        "{err:?}"
    );
    assert_eq!(received(&server).await, 1, "not retried");

    // The same body under a cap it fits: decompressed whole (the stream is valid, and what is
    // counted is what it inflates to).
    static ROOMY: Operation = Operation::post("roomy", "/v1/read").max_response_bytes(8 * MIB);
    let r = t.send(ROOMY.request()).await.unwrap();
    assert_eq!(r.body.len(), len);
    assert!(r.body.iter().all(|b| *b == 0));
}

#[tokio::test(start_paused = true)]
async fn bodies_up_to_the_cap_are_read_whole_in_one_chunk_or_many() {
    let payload: String = "x".repeat(MIB - 100);
    let body = serde_json::to_vec(&json!({ "result": payload })).unwrap();
    assert!(body.len() <= MIB);
    let served = body.clone();
    // Many small chunks.
    let (url, _, _) = raw_server(move |mut sock, _, _| {
        let served = served.clone();
        async move {
            let _ = sock
                .write_all(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n")
                .await;
            for part in served.chunks(1000) {
                let _ = sock
                    .write_all(format!("{:x}\r\n", part.len()).as_bytes())
                    .await;
                let _ = sock.write_all(part).await;
                let _ = sock.write_all(b"\r\n").await;
            }
            let _ = sock.write_all(b"0\r\n\r\n").await;
            hold(sock).await;
        }
    })
    .await;
    let vendor = TestVendor::new();
    let t = transport(&vendor, &url, 1);
    let r = t.send(SMALL.request()).await.unwrap();
    assert_eq!(r.body.as_ref(), body.as_slice());
    // One chunk with its Content-Length.
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(body.clone(), "application/json"))
        .mount(&server)
        .await;
    let t = transport(&vendor, &server.uri(), 1);
    let r = t.send(SMALL.request()).await.unwrap();
    assert_eq!(r.body.as_ref(), body.as_slice());
}

/// A server whose first `cuts` answers are cut (by `cut`), and whose later ones are whole.
async fn cut_then_whole(cuts: usize, cut: &'static [u8]) -> (String, Arc<AtomicUsize>) {
    let (url, connections, _) = raw_server(move |mut sock, n, _| async move {
        if n < cuts {
            let _ = sock.write_all(cut).await;
            let _ = sock.shutdown().await;
        } else {
            let _ = sock
                .write_all(b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 15\r\nconnection: close\r\n\r\n{\"result\":\"ok\"}")
                .await;
            let _ = sock.shutdown().await;
        }
    })
    .await;
    (url, connections)
}

const CUT_BEFORE_LENGTH: &[u8] =
    b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{\"result\":";
const CUT_CHUNKED: &[u8] = b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\na\r\n{\"result\":\r\n";

#[tokio::test(start_paused = true)]
async fn a_body_cut_before_its_content_length_is_read_again_on_a_read() {
    for cut in [CUT_BEFORE_LENGTH, CUT_CHUNKED] {
        let (url, connections) = cut_then_whole(1, cut).await;
        let vendor = TestVendor::new();
        let t = transport(&vendor, &url, 5);
        let v: serde_json::Value = t.json(READ.request()).await.unwrap();
        assert_eq!(v["result"], "ok");
        assert_eq!(connections.load(Ordering::SeqCst), 2);

        // Never for a write: the server may have acted.
        let (url, connections) = cut_then_whole(1, cut).await;
        let vendor = TestVendor::new();
        let t = transport(&vendor, &url, 5);
        let err = t
            .json::<serde_json::Value>(CREATE.request())
            .await
            .unwrap_err();
        assert!(
            matches!(
                err,
                Error::Transport {
                    not_sent: false,
                    ..
                }
            ),
            "{err:?}"
        );
        assert_eq!(connections.load(Ordering::SeqCst), 1);
    }
}

/// A 200 whose JSON ends early, its framing intact (a proxy cut it and sent what it had).
fn truncated() -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_raw(r#"{"result": ["a", "b"#, "application/json")
}

#[tokio::test(start_paused = true)]
async fn a_truncated_json_answer_to_a_read_is_sent_again_once() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(truncated())
        .up_to_n_times(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"result": ["a", "b"]})))
        .mount(&server)
        .await;
    let vendor = TestVendor::new();
    let t = transport(&vendor, &server.uri(), 5);
    let v: serde_json::Value = t.json(READ.request()).await.unwrap();
    assert_eq!(v["result"], json!(["a", "b"]));
    assert_eq!(received(&server).await, 2);
}

#[tokio::test(start_paused = true)]
async fn a_second_truncated_json_answer_fails_with_the_decode_error() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(truncated())
        .mount(&server)
        .await;
    let vendor = TestVendor::new();
    let t = transport(&vendor, &server.uri(), 5);
    let err = t
        .json::<serde_json::Value>(READ.request())
        .await
        .unwrap_err();
    match &err {
        Error::Decode {
            operation, message, ..
        } => {
            assert_eq!(*operation, "read");
            assert!(message.contains("EOF"), "{message}");
        }
        other => panic!("expected a decode error, got {other:?}"),
    }
    assert_eq!(received(&server).await, 2, "sent again once, not more");

    // A policy without retries sends it once.
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(truncated())
        .mount(&server)
        .await;
    let t = transport(&vendor, &server.uri(), 1);
    let err = t
        .json::<serde_json::Value>(READ.request())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Decode { .. }), "{err:?}");
    assert_eq!(received(&server).await, 1);
}

#[tokio::test(start_paused = true)]
async fn a_truncated_json_answer_to_a_write_is_never_sent_again() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(truncated())
        .mount(&server)
        .await;
    let vendor = TestVendor::new();
    let t = transport(&vendor, &server.uri(), 5);
    let err = t
        .json::<serde_json::Value>(CREATE.request())
        .await
        .unwrap_err();
    assert!(matches!(err, Error::Decode { .. }), "{err:?}");
    assert_eq!(received(&server).await, 1, "the server may have acted");
}
