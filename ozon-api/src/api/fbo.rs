//! FBO postings (fulfilled from Ozon's warehouses): the list and a posting's detail.

use futures::stream::BoxStream;
use market_core::paginate::{Page, paginate};
use market_core::transport::{Operation, Request};
use market_core::{Error, Result};

use crate::Client;
use crate::api::fbs::{check_page, check_window};
use crate::models::fbo::*;

/// The largest page of `/v2/posting/fbo/list`.
pub const FBO_LIST_PAGE_MAX: i64 = 1000;
/// The largest offset `/v2/posting/fbo/list` accepts.
pub const FBO_LIST_OFFSET_MAX: i64 = 20_000;
/// The longest time window of `/v2/posting/fbo/list`, in days (Ozon answers
/// `PERIOD_IS_TOO_LONG` beyond a year; a leap year's 366 days are let through).
pub const FBO_LIST_WINDOW_MAX_DAYS: i64 = 366;

/// `POST /v2/posting/fbo/list`.
pub static FBO_LIST: Operation = Operation::post("fbo_posting_list", "/v2/posting/fbo/list");
/// `POST /v2/posting/fbo/get`.
pub static FBO_GET: Operation = Operation::post("fbo_posting_get", "/v2/posting/fbo/get");

/// The FBO postings section: `client.fbo()`.
#[derive(Debug, Clone, Copy)]
pub struct FboApi<'a> {
    client: &'a Client,
}

impl Client {
    /// FBO postings: the list and a posting's detail.
    pub fn fbo(&self) -> FboApi<'_> {
        FboApi { client: self }
    }
}

impl<'a> FboApi<'a> {
    /// `POST /v2/posting/fbo/list`: one page of FBO postings in a time window.
    ///
    /// Rejected before sending: a window whose start is not before its end or longer than
    /// [`FBO_LIST_WINDOW_MAX_DAYS`], a limit outside `1..=1000`, an offset outside
    /// `0..=20000`.
    pub async fn list(&self, request: &FboPostingListRequest) -> Result<FboPostingListResponse> {
        check_window(
            "filter.since/to",
            Some(request.filter.since),
            Some(request.filter.to),
            FBO_LIST_WINDOW_MAX_DAYS,
        )?;
        check_page(request.limit, request.offset, FBO_LIST_PAGE_MAX)?;
        if request.offset > FBO_LIST_OFFSET_MAX {
            return Err(Error::Validation {
                item: None,
                message: format!(
                    "offset {} is beyond Ozon's maximum {FBO_LIST_OFFSET_MAX}; narrow the time window",
                    request.offset
                ),
            });
        }
        self.client
            .transport
            .json(&FBO_LIST, Request::new(&FBO_LIST).json(request)?)
            .await
    }

    /// Every FBO posting matching `filter`, page by page (offset paging; a page shorter than
    /// the limit is the last), oldest first. A window holding more postings than Ozon pages
    /// out (offset beyond 20000) ends the stream with a validation error rather than
    /// silently truncating it.
    pub fn list_stream(
        &self,
        filter: FboPostingListFilter,
        with: FboPostingWith,
    ) -> BoxStream<'a, Result<FboPosting>> {
        let api = *self;
        paginate(0i64, move |offset| {
            let request = FboPostingListRequest {
                dir: Some(SortDirection::Asc),
                filter: filter.clone(),
                limit: FBO_LIST_PAGE_MAX,
                offset,
                translit: false,
                with,
            };
            async move {
                let postings = api.list(&request).await?.result;
                let full = postings.len() as i64 >= request.limit;
                let next = offset + postings.len() as i64;
                Ok(if full {
                    Page::more(postings, next)
                } else {
                    Page::last(postings)
                })
            }
        })
    }

    /// `POST /v2/posting/fbo/get`: one FBO posting with the extra blocks asked for.
    pub async fn get(&self, request: &FboPostingGetRequest) -> Result<FboPosting> {
        if request.posting_number.as_str().trim().is_empty() {
            return Err(Error::Validation {
                item: None,
                message: "posting_number is empty".into(),
            });
        }
        let response: FboPostingResponse = self
            .client
            .transport
            .json(&FBO_GET, Request::new(&FBO_GET).json(request)?)
            .await?;
        Ok(response.result)
    }
}
