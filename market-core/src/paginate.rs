//! Pagination: turn "fetch the page after this cursor" into a lazy stream of items.

use std::future::Future;

use futures::stream::{self, BoxStream, StreamExt, TryStreamExt};

use crate::error::{Error, Result};

/// One page of a list operation.
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T, C> {
    /// The items of this page.
    pub items: Vec<T>,
    /// The cursor of the next page; `None` on the last page.
    pub next: Option<C>,
}

impl<T, C> Page<T, C> {
    /// A page followed by another.
    pub fn more(items: Vec<T>, next: C) -> Self {
        Self {
            items,
            next: Some(next),
        }
    }

    /// The last page.
    pub fn last(items: Vec<T>) -> Self {
        Self { items, next: None }
    }
}

enum State<C> {
    Next(C),
    Fail(Error),
    Done,
}

/// Streams the items of every page, fetching each page only when the previous one has been
/// consumed. The stream ends after the page whose `next` is `None`; an error ends it after
/// being yielded. A cursor that does not move (the server answering the same cursor again)
/// is an error rather than an endless loop.
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
    stream::unfold(State::Next(first), move |state| {
        let cursor = match state {
            State::Next(c) => c,
            State::Fail(e) => {
                return futures::future::Either::Left(futures::future::ready(Some((
                    Err(e),
                    State::Done,
                ))));
            }
            State::Done => return futures::future::Either::Left(futures::future::ready(None)),
        };
        let fut = fetch(cursor.clone());
        futures::future::Either::Right(async move {
            match fut.await {
                Ok(page) => {
                    let next = match page.next {
                        // Yield this page, then stop with an error instead of looping forever.
                        Some(n) if n == cursor => State::Fail(Error::Decode {
                            vendor: "paginate",
                            operation: "next_page",
                            path: "cursor".into(),
                            message: "the server returned the same cursor again".into(),
                            excerpt: String::new(),
                        }),
                        Some(n) => State::Next(n),
                        None => State::Done,
                    };
                    Some((Ok(page.items), next))
                }
                Err(e) => Some((Err(e), State::Done)),
            }
        })
    })
    .map_ok(|items| stream::iter(items.into_iter().map(Ok)))
    .try_flatten()
    .boxed()
}
