//! Pagination: turn "fetch the page after this cursor" into a lazy stream of items.

use std::collections::HashSet;
use std::future::Future;
use std::hash::{Hash, Hasher};

use futures::stream::{self, BoxStream, StreamExt, TryStreamExt};

use crate::error::{Error, Result};

/// One page of a list operation.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T, C> {
    /// The items of this page.
    pub items: Vec<T>,
    /// The cursor of the next page; `None` on the last page.
    pub next: Option<C>,
    /// A fingerprint of the page's items (see [`signature`]), when the caller gives one: a
    /// page whose signature was already seen is a server going round in circles (a cursor
    /// that loops through other values, an offset the server ignores).
    pub signature: Option<u64>,
}

impl<T, C> Page<T, C> {
    /// A page followed by another.
    pub fn more(items: Vec<T>, next: C) -> Self {
        Self {
            items,
            next: Some(next),
            signature: None,
        }
    }

    /// The last page.
    pub fn last(items: Vec<T>) -> Self {
        Self {
            items,
            next: None,
            signature: None,
        }
    }

    /// Sets the page's fingerprint, usually [`signature`] over the items' ids.
    pub fn with_signature(mut self, signature: u64) -> Self {
        self.signature = Some(signature);
        self
    }

    /// Sets the page's fingerprint to [`signature`] of `key` over its items (an empty page
    /// gets none: two empty pages are not a loop).
    pub fn signed_by<K: Hash>(self, key: impl Fn(&T) -> K) -> Self {
        if self.items.is_empty() {
            return self;
        }
        let sig = signature(self.items.iter().map(key));
        self.with_signature(sig)
    }
}

/// A fingerprint of a page from its items' keys (ids), in order.
///
/// ```
/// use market_core::paginate::signature;
/// assert_eq!(signature(["a", "b"]), signature(["a", "b"]));
/// assert_ne!(signature(["a", "b"]), signature(["b", "c"]));
/// ```
pub fn signature<K: Hash>(keys: impl IntoIterator<Item = K>) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    let mut count: u64 = 0;
    for key in keys {
        key.hash(&mut hasher);
        count = count.wrapping_add(1);
    }
    count.hash(&mut hasher);
    hasher.finish()
}

/// The error of a listing that goes round in circles.
fn loop_error(message: &str) -> Error {
    Error::Decode {
        vendor: "paginate",
        operation: "next_page",
        path: "cursor".into(),
        message: message.into(),
        excerpt: String::new(),
    }
}

enum State<C> {
    Next(C),
    Fail(Error),
    Done,
}

/// What the stream remembers to detect loops: every cursor followed and every page
/// signature seen (one entry per page, so memory grows with pages, not items).
struct Seen<C> {
    cursors: Vec<C>,
    signatures: HashSet<u64>,
}

/// Streams the items of every page, fetching each page only when the previous one has been
/// consumed. The stream ends after the page whose `next` is `None`; an error ends it after
/// being yielded, and every item read before it is yielded first. A server going round in
/// circles is an error rather than an endless loop: a `next` cursor already followed (the
/// same cursor again, or a cycle such as 111 → 222 → 111), or a page whose
/// [`Page::signature`] was already seen (an offset the server ignores). The repeated page's
/// items are not yielded again.
///
/// ```
/// use futures::TryStreamExt;
/// use market_core::paginate::{paginate, Page};
///
/// # tokio::runtime::Builder::new_current_thread().build()?.block_on(async {
/// // Offsets 0, 2, 4 over five items, two a page.
/// let all: Vec<u32> = paginate(0u32, |offset| async move {
///     let items: Vec<u32> = (offset..(offset + 2).min(5)).collect();
///     let next = offset + 2;
///     Ok(if next < 5 { Page::more(items, next) } else { Page::last(items) })
/// })
/// .try_collect()
/// .await?;
/// assert_eq!(all, [0, 1, 2, 3, 4]);
/// # Ok::<(), market_core::Error>(())
/// # })?;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn paginate<'a, T, C, F, Fut>(first: C, mut fetch: F) -> BoxStream<'a, Result<T>>
where
    T: Send + 'a,
    C: Clone + PartialEq + Send + 'a,
    F: FnMut(C) -> Fut + Send + 'a,
    Fut: Future<Output = Result<Page<T, C>>> + Send + 'a,
{
    let seen = Seen {
        cursors: Vec::new(),
        signatures: HashSet::new(),
    };
    stream::unfold((State::Next(first), seen), move |(state, mut seen)| {
        let cursor = match state {
            State::Next(c) => c,
            State::Fail(e) => {
                return futures::future::Either::Left(futures::future::ready(Some((
                    Err(e),
                    (State::Done, seen),
                ))));
            }
            State::Done => return futures::future::Either::Left(futures::future::ready(None)),
        };
        let fut = fetch(cursor.clone());
        futures::future::Either::Right(async move {
            match fut.await {
                Ok(page) => {
                    if let Some(sig) = page.signature
                        && !seen.signatures.insert(sig)
                    {
                        return Some((
                            Err(loop_error(
                                "the server returned a page it had already returned (a looping cursor or an ignored offset)",
                            )),
                            (State::Done, seen),
                        ));
                    }
                    seen.cursors.push(cursor);
                    let next = match page.next {
                        // Yield this page, then stop with an error instead of looping forever.
                        Some(n) if seen.cursors.contains(&n) => State::Fail(loop_error(
                            "the server returned a cursor it had already returned",
                        )),
                        Some(n) => State::Next(n),
                        None => State::Done,
                    };
                    Some((Ok(page.items), (next, seen)))
                }
                Err(e) => Some((Err(e), (State::Done, seen))),
            }
        })
    })
    .map_ok(|items| stream::iter(items.into_iter().map(Ok)))
    .try_flatten()
    .boxed()
}
