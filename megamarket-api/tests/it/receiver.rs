//! The push receiver over loopback, with the emulator as Megamarket: each event reaches the
//! callback once however often it is pushed, a failed callback answers the failure form and
//! the repeat is delivered, odd and oversized bodies are refused without a panic.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

use megamarket_api::ShipmentId;
use megamarket_api::push::{self, EventKind, Push};
use megamarket_api::receiver::{self, Receiver};
use megamarket_api::sandbox::{NewShipment, Sandbox};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::sync::oneshot;

/// What the callback was handed, and how many of its next calls fail.
#[derive(Default)]
struct Seller {
    taken: Mutex<Vec<Push>>,
    calls: AtomicUsize,
    fail_next: AtomicUsize,
}

impl Seller {
    fn taken(&self) -> Vec<(EventKind, String)> {
        self.taken
            .lock()
            .unwrap()
            .iter()
            .map(|p| (p.kind(), p.shipment_ids()[0].as_str().to_owned()))
            .collect()
    }

    fn receiver(self: &Arc<Self>) -> Receiver {
        let seller = Arc::clone(self);
        Receiver::new(move |event: Push| {
            let seller = Arc::clone(&seller);
            async move {
                seller.calls.fetch_add(1, Ordering::SeqCst);
                assert_eq!(event.shipment_ids().len(), 1, "one shipment an event");
                let failing = seller
                    .fail_next
                    .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
                    .is_ok();
                if failing {
                    return Err("the seller's database is down".into());
                }
                seller.taken.lock().unwrap().push(event);
                Ok::<(), Box<dyn std::error::Error + Send + Sync>>(())
            }
        })
    }
}

/// A receiver served on a loopback port until the guard drops.
struct Running {
    url: String,
    _stop: oneshot::Sender<()>,
}

async fn run(receiver: Receiver) -> Running {
    run_router(receiver.router()).await
}

async fn run_router(router: axum::Router) -> Running {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let (stop, stopped) = oneshot::channel::<()>();
    tokio::spawn(async move {
        axum::serve(listener, router)
            .with_graceful_shutdown(async move {
                let _ = stopped.await;
            })
            .await
            .unwrap();
    });
    Running { url, _stop: stop }
}

async fn post(url: &str, body: Vec<u8>) -> (u16, Vec<u8>, Option<String>) {
    let response = reqwest::Client::new()
        .post(url)
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap();
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned());
    (
        status,
        response.bytes().await.unwrap().to_vec(),
        content_type,
    )
}

#[tokio::test(flavor = "multi_thread")]
async fn new_and_cancel_pushes_reach_the_callback_once_each() {
    let sandbox = Sandbox::start(Default::default()).await;
    let fbs = sandbox.add_shipment(NewShipment::fbs(&[("SKU-1", 1, 1990), ("SKU-2", 2, 500)]));
    let dbs = sandbox.add_shipment(NewShipment::dbs(&[("SKU-3", 1, 3000)]));
    let seller = Arc::new(Seller::default());
    let running = run(seller.receiver()).await;

    for _ in 0..3 {
        assert!(sandbox.push_order_new(&running.url, &fbs).await.unwrap());
        assert!(sandbox.push_order_new(&running.url, &dbs).await.unwrap());
    }
    for _ in 0..2 {
        assert!(
            sandbox
                .push_order_cancel(&running.url, &fbs, &["2"])
                .await
                .unwrap()
        );
    }
    // A second cancellation of the same shipment, of another item, is another event.
    assert!(
        sandbox
            .push_order_cancel(&running.url, &fbs, &["1"])
            .await
            .unwrap()
    );

    assert_eq!(
        seller.taken(),
        vec![
            (EventKind::New, fbs.as_str().to_owned()),
            (EventKind::New, dbs.as_str().to_owned()),
            (EventKind::Cancel, fbs.as_str().to_owned()),
            (EventKind::Cancel, fbs.as_str().to_owned()),
        ]
    );
    assert_eq!(
        seller.calls.load(Ordering::SeqCst),
        4,
        "no repeat reached it"
    );
    let taken = seller.taken.lock().unwrap().clone();
    let Push::OrderNew(first) = &taken[0] else {
        panic!("{:?}", taken[0])
    };
    assert_eq!(first.merchant_id, Some(sandbox.merchant_id()));
    assert_eq!(first.shipments[0].items.len(), 2);
    assert!(!first.shipments[0].is_dbs());
    let Push::OrderNew(second) = &taken[1] else {
        panic!("{:?}", taken[1])
    };
    assert!(second.shipments[0].is_dbs(), "{:?}", second.shipments[0]);
    let Push::OrderCancel(cancel) = &taken[2] else {
        panic!("{:?}", taken[2])
    };
    assert_eq!(cancel.shipments[0].items[0].item_index, "2");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_failed_callback_answers_failure_and_the_repeat_is_delivered() {
    let sandbox = Sandbox::start(Default::default()).await;
    let id = sandbox.add_shipment(NewShipment::fbs(&[("SKU-1", 1, 1990)]));
    let seller = Arc::new(Seller::default());
    let running = run(seller.receiver()).await;

    seller.fail_next.store(2, Ordering::SeqCst);
    assert!(!sandbox.push_order_new(&running.url, &id).await.unwrap());
    assert!(!sandbox.push_order_new(&running.url, &id).await.unwrap());
    assert!(seller.taken().is_empty());
    assert!(sandbox.push_order_new(&running.url, &id).await.unwrap());
    assert!(sandbox.push_order_new(&running.url, &id).await.unwrap());
    assert_eq!(
        seller.taken(),
        vec![(EventKind::New, id.as_str().to_owned())]
    );
    assert_eq!(seller.calls.load(Ordering::SeqCst), 3);

    // The reply to a failure is exactly Megamarket's failure form, HTTP 200.
    seller.fail_next.store(1, Ordering::SeqCst);
    let cancel = br#"{"meta":{},"data":{"merchantId":12345,"shipments":[{"shipmentId":"77","items":[{"itemIndex":"1","offerId":"SKU-1"}]}]}}"#;
    let url = format!("{}/order/cancel", running.url);
    let (status, body, content_type) = post(&url, cancel.to_vec()).await;
    assert_eq!((status, body.as_slice()), (200, push::REPLY_FAILED));
    assert_eq!(content_type.as_deref(), Some(push::CONTENT_TYPE));
    let (status, body, _) = post(&url, cancel.to_vec()).await;
    assert_eq!((status, body.as_slice()), (200, push::REPLY_OK));
}

#[tokio::test(flavor = "multi_thread")]
async fn one_failed_shipment_of_a_push_is_the_only_one_delivered_again() {
    // The callback fails its second call only.
    let seller = Arc::new(Seller::default());
    let receiver = {
        let seller = Arc::clone(&seller);
        Receiver::new(move |event: Push| {
            let seller = Arc::clone(&seller);
            async move {
                if seller.calls.fetch_add(1, Ordering::SeqCst) == 1 {
                    return Err(std::io::Error::other("busy"));
                }
                seller.taken.lock().unwrap().push(event);
                Ok(())
            }
        })
    };
    let running = run(receiver).await;
    let url = format!("{}/order/new", running.url);
    let body = br#"{"meta":{},"data":{"merchantId":1,"shipments":[
        {"shipmentId":"A1","items":[{"itemIndex":"1","offerId":"X"}]},
        {"shipmentId":"A2","items":[{"itemIndex":"1","offerId":"Y"}]}]}}"#;

    let first = post(&url, body.to_vec()).await;
    assert_eq!((first.0, first.1.as_slice()), (200, push::REPLY_FAILED));
    assert_eq!(seller.taken(), vec![(EventKind::New, "A1".to_owned())]);
    for _ in 0..2 {
        let again = post(&url, body.to_vec()).await;
        assert_eq!((again.0, again.1.as_slice()), (200, push::REPLY_OK));
    }
    assert_eq!(
        seller.taken(),
        vec![
            (EventKind::New, "A1".to_owned()),
            (EventKind::New, "A2".to_owned())
        ]
    );
    // A1 once, A2 failed then taken: three calls, none after.
    assert_eq!(seller.calls.load(Ordering::SeqCst), 3);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_repeat_while_the_callback_is_busy_is_not_handed_over_twice() {
    let entered = Arc::new(tokio::sync::Notify::new());
    let release = Arc::new(tokio::sync::Notify::new());
    let calls = Arc::new(AtomicUsize::new(0));
    let receiver = {
        let (entered, release, calls) = (entered.clone(), release.clone(), calls.clone());
        Receiver::new(move |_event: Push| {
            let (entered, release, calls) = (entered.clone(), release.clone(), calls.clone());
            async move {
                calls.fetch_add(1, Ordering::SeqCst);
                entered.notify_one();
                release.notified().await;
                Ok::<(), std::io::Error>(())
            }
        })
    };
    let running = run(receiver).await;
    let url = format!("{}/order/new", running.url);
    let body = br#"{"meta":{},"data":{"shipments":[{"shipmentId":"B1","items":[]}]}}"#.to_vec();
    let first = tokio::spawn({
        let (url, body) = (url.clone(), body.clone());
        async move { post(&url, body).await }
    });
    entered.notified().await;
    let repeat = post(&url, body.clone()).await;
    assert_eq!((repeat.0, repeat.1.as_slice()), (200, push::REPLY_FAILED));
    release.notify_one();
    let first = first.await.unwrap();
    assert_eq!((first.0, first.1.as_slice()), (200, push::REPLY_OK));
    let later = post(&url, body).await;
    assert_eq!((later.0, later.1.as_slice()), (200, push::REPLY_OK));
    assert_eq!(calls.load(Ordering::SeqCst), 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_panicking_callback_answers_failure_and_frees_the_event() {
    let calls = Arc::new(AtomicUsize::new(0));
    let receiver = {
        let calls = calls.clone();
        Receiver::new(move |_event: Push| {
            let n = calls.fetch_add(1, Ordering::SeqCst);
            async move {
                if n == 0 {
                    panic!("the seller's bug");
                }
                Ok::<(), std::io::Error>(())
            }
        })
    };
    let running = run(receiver).await;
    let url = format!("{}/order/new", running.url);
    let body = br#"{"meta":{},"data":{"shipments":[{"shipmentId":"P1","items":[]}]}}"#.to_vec();
    let first = post(&url, body.clone()).await;
    assert_eq!((first.0, first.1.as_slice()), (200, push::REPLY_FAILED));
    let again = post(&url, body).await;
    assert_eq!((again.0, again.1.as_slice()), (200, push::REPLY_OK));
    assert_eq!(calls.load(Ordering::SeqCst), 2);
}

#[tokio::test(flavor = "multi_thread")]
async fn malformed_bodies_answer_the_failure_form() {
    let seller = Arc::new(Seller::default());
    let running = run(seller.receiver()).await;
    let odd: Vec<Vec<u8>> = vec![
        b"".to_vec(),
        b"null".to_vec(),
        b"{".to_vec(),
        b"{\"data\":{}}".to_vec(),
        b"{\"data\":{\"shipments\":[{\"items\":[]}]}}".to_vec(),
        b"\xff\xfe\x00".to_vec(),
        vec![b'['; 100_000],
    ];
    for path in ["/order/new", "/order/cancel"] {
        for body in &odd {
            let (status, reply, _) = post(&format!("{}{path}", running.url), body.clone()).await;
            assert_eq!(
                (status, reply.as_slice()),
                (200, push::REPLY_FAILED),
                "{path} {:?}",
                String::from_utf8_lossy(&body[..body.len().min(30)])
            );
        }
    }
    assert_eq!(seller.calls.load(Ordering::SeqCst), 0);
    // Still serving, and a real push after them is taken.
    let sandbox = Sandbox::start(Default::default()).await;
    let id = sandbox.add_shipment(NewShipment::fbs(&[("SKU-1", 1, 100)]));
    assert!(sandbox.push_order_new(&running.url, &id).await.unwrap());
    assert_eq!(seller.taken().len(), 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn other_paths_and_methods_are_not_pushes() {
    let seller = Arc::new(Seller::default());
    let running = run(seller.receiver()).await;
    let (status, _, _) = post(&format!("{}/order/teleport", running.url), b"{}".to_vec()).await;
    assert_eq!(status, 404);
    let get = reqwest::get(format!("{}/order/new", running.url))
        .await
        .unwrap();
    assert_eq!(get.status().as_u16(), 405);
    // A trailing slash is the same path.
    let body = br#"{"meta":{},"data":{"shipments":[{"shipmentId":"S1","items":[]}]}}"#.to_vec();
    let (status, reply, _) = post(&format!("{}/order/new/", running.url), body).await;
    assert_eq!((status, reply.as_slice()), (200, push::REPLY_OK));
    assert_eq!(seller.taken(), vec![(EventKind::New, "S1".to_owned())]);
}

#[tokio::test(flavor = "multi_thread")]
async fn an_oversized_body_is_refused() {
    let seller = Arc::new(Seller::default());
    let running = run(seller.receiver()).await;
    // A valid push padded past the cap: refused for its size, not read.
    let mut big = br#"{"meta":{},"data":{"shipments":[{"shipmentId":"L1","items":[]}]}}"#.to_vec();
    big.resize(push::MAX_BODY_BYTES + 1, b' ');
    let (status, reply, _) = post(&format!("{}/order/new", running.url), big).await;
    assert_eq!((status, reply.as_slice()), (413, push::REPLY_FAILED));
    assert_eq!(seller.calls.load(Ordering::SeqCst), 0);
}

/// A chunked body (no `Content-Length`) is counted as it comes and cut at the cap.
#[tokio::test(flavor = "multi_thread")]
async fn an_oversized_chunked_body_is_refused() {
    let seller = Arc::new(Seller::default());
    let running = run(seller.receiver().max_body_bytes(1_000)).await;
    let addr = running.url.trim_start_matches("http://").to_owned();

    let exchange = |chunks: Vec<Vec<u8>>| {
        let addr = addr.clone();
        async move {
            let mut stream = tokio::net::TcpStream::connect(&addr).await.unwrap();
            let head = format!(
                "POST /order/new HTTP/1.1\r\nhost: {addr}\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\nconnection: close\r\n\r\n"
            );
            stream.write_all(head.as_bytes()).await.unwrap();
            for chunk in chunks {
                let frame = [
                    format!("{:x}\r\n", chunk.len()).into_bytes(),
                    chunk,
                    b"\r\n".to_vec(),
                ]
                .concat();
                // The server may answer and close before the whole body is sent.
                if stream.write_all(&frame).await.is_err() {
                    break;
                }
            }
            let _ = stream.write_all(b"0\r\n\r\n").await;
            let mut answer = Vec::new();
            let _ = stream.read_to_end(&mut answer).await;
            String::from_utf8_lossy(&answer).into_owned()
        }
    };

    let push = br#"{"meta":{},"data":{"shipments":[{"shipmentId":"C1","items":[]}]}}"#;
    let small = exchange(vec![push[..20].to_vec(), push[20..].to_vec()]).await;
    assert!(small.starts_with("HTTP/1.1 200"), "{small}");
    assert!(
        small.ends_with(std::str::from_utf8(push::REPLY_OK).unwrap()),
        "{small}"
    );

    let big = exchange(vec![vec![b' '; 600], vec![b' '; 600], push.to_vec()]).await;
    assert!(big.starts_with("HTTP/1.1 413"), "{big}");
    assert!(
        big.ends_with(std::str::from_utf8(push::REPLY_FAILED).unwrap()),
        "{big}"
    );
    assert_eq!(seller.taken(), vec![(EventKind::New, "C1".to_owned())]);
}

#[tokio::test(flavor = "multi_thread")]
async fn the_router_mounts_below_a_prefix_and_serve_stops_on_shutdown() {
    let seller = Arc::new(Seller::default());
    let app = axum::Router::new().nest("/megamarket/shop1", seller.receiver().router());
    let running = run_router(app).await;
    let sandbox = Sandbox::start(Default::default()).await;
    let id = sandbox.add_shipment(NewShipment::fbs(&[("SKU-1", 1, 100)]));
    let base = format!("{}/megamarket/shop1", running.url);
    assert!(sandbox.push_order_new(&base, &id).await.unwrap());
    assert!(
        !sandbox.push_order_new(&running.url, &id).await.unwrap(),
        "not below the prefix"
    );
    assert_eq!(
        seller.taken(),
        vec![(EventKind::New, id.as_str().to_owned())]
    );

    // `receiver::serve` ends when its shutdown future does.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let (stop, stopped) = oneshot::channel::<()>();
    let taken = Arc::new(Mutex::new(Vec::<ShipmentId>::new()));
    let server = tokio::spawn({
        let taken = taken.clone();
        receiver::serve(
            listener,
            move |event: Push| {
                let taken = taken.clone();
                async move {
                    taken.lock().unwrap().push(event.shipment_ids()[0].clone());
                    Ok::<(), std::io::Error>(())
                }
            },
            async move {
                let _ = stopped.await;
            },
        )
    });
    assert!(sandbox.push_order_new(&url, &id).await.unwrap());
    assert_eq!(*taken.lock().unwrap(), vec![id.clone()]);
    stop.send(()).unwrap();
    server.await.unwrap().unwrap();
    assert!(sandbox.push_order_new(&url, &id).await.is_err(), "stopped");
}

#[test]
fn the_router_function_and_the_receiver_debug_name_no_callback() {
    let r = Receiver::new(|_: Push| async { Ok::<(), std::io::Error>(()) }).seen_capacity(5);
    let debug = format!("{r:?}");
    assert!(debug.contains("seen_capacity: 5"), "{debug}");
    let _router: axum::Router = receiver::router(|_: Push| async { Ok::<(), std::io::Error>(()) });
}

/// Sends the head of a push with `Content-Length: 100` and 10 bytes of its body, then the
/// rest after `pause` (unless `None`); the answer as text.
async fn slow_post(url: &str, pause: Option<std::time::Duration>) -> String {
    let addr = url.trim_start_matches("http://");
    let mut stream = tokio::net::TcpStream::connect(addr).await.unwrap();
    let mut body = br#"{"meta":{},"data":{"shipments":[{"shipmentId":"T1","items":[]}]}}"#.to_vec();
    body.resize(100, b' ');
    let head = format!(
        "POST /order/new HTTP/1.1\r\nhost: {addr}\r\ncontent-type: application/json\r\ncontent-length: 100\r\nconnection: close\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(&body[..10]).await.unwrap();
    if let Some(pause) = pause {
        tokio::time::sleep(pause).await;
        stream.write_all(&body[10..]).await.unwrap();
    }
    let mut answer = Vec::new();
    let _ = stream.read_to_end(&mut answer).await;
    String::from_utf8_lossy(&answer).into_owned()
}

/// A sender that never finishes its body is answered 408 once the body timeout has passed
/// (on tokio's paused clock); one that finishes within it is served.
#[tokio::test(start_paused = true)]
async fn a_body_sent_too_slowly_is_refused_after_the_timeout() {
    let seller = Arc::new(Seller::default());
    let receiver = seller
        .receiver()
        .body_timeout(std::time::Duration::from_secs(30));
    let running = run(receiver).await;

    let started = tokio::time::Instant::now();
    let stalled = tokio::time::timeout(
        std::time::Duration::from_secs(60),
        slow_post(&running.url, None),
    )
    .await
    .expect("answered within the body timeout, not left hanging");
    assert!(stalled.starts_with("HTTP/1.1 408"), "{stalled}");
    assert!(
        stalled.ends_with(std::str::from_utf8(push::REPLY_FAILED).unwrap()),
        "{stalled}"
    );
    assert!(started.elapsed() >= std::time::Duration::from_secs(30));
    assert_eq!(seller.calls.load(Ordering::SeqCst), 0);

    let slow = slow_post(&running.url, Some(std::time::Duration::from_secs(20))).await;
    assert!(slow.starts_with("HTTP/1.1 200"), "{slow}");
    assert!(
        slow.ends_with(std::str::from_utf8(push::REPLY_OK).unwrap()),
        "{slow}"
    );
    assert_eq!(seller.taken(), vec![(EventKind::New, "T1".to_owned())]);
}

/// Megamarket gives up on a slow answer and closes the connection: the callback still runs to
/// its end, the event is remembered, and the repeat is answered as taken without a second
/// call (on tokio's paused clock: the pause only lets the server see the closed connection).
#[tokio::test(start_paused = true)]
async fn a_callback_outlives_a_sender_that_gave_up() {
    let entered = Arc::new(tokio::sync::Notify::new());
    let release = Arc::new(tokio::sync::Notify::new());
    let calls = Arc::new(AtomicUsize::new(0));
    let done = Arc::new(AtomicUsize::new(0));
    let receiver = {
        let (entered, release, calls, done) = (
            entered.clone(),
            release.clone(),
            calls.clone(),
            done.clone(),
        );
        Receiver::new(move |_event: Push| {
            let (entered, release, calls, done) = (
                entered.clone(),
                release.clone(),
                calls.clone(),
                done.clone(),
            );
            async move {
                calls.fetch_add(1, Ordering::SeqCst);
                entered.notify_one();
                release.notified().await;
                done.fetch_add(1, Ordering::SeqCst);
                Ok::<(), std::io::Error>(())
            }
        })
    };
    let running = run(receiver).await;
    let addr = running.url.trim_start_matches("http://").to_owned();
    let body = br#"{"meta":{},"data":{"shipments":[{"shipmentId":"G1","items":[]}]}}"#;
    let mut stream = tokio::net::TcpStream::connect(&addr).await.unwrap();
    let head = format!(
        "POST /order/new HTTP/1.1\r\nhost: {addr}\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(body).await.unwrap();
    entered.notified().await;
    // The sender gives up: the connection closes while the callback works.
    drop(stream);
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    release.notify_one();
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    assert_eq!(
        done.load(Ordering::SeqCst),
        1,
        "the callback ran to its end"
    );

    let mut stream = tokio::net::TcpStream::connect(&addr).await.unwrap();
    let head = head.replace("\r\n\r\n", "\r\nconnection: close\r\n\r\n");
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(body).await.unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await.unwrap();
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    assert!(
        answer.ends_with(std::str::from_utf8(push::REPLY_OK).unwrap()),
        "{answer}"
    );
    assert_eq!(
        calls.load(Ordering::SeqCst),
        1,
        "the repeat was not handed over"
    );
}
