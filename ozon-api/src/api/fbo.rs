//! FBO postings (fulfilled from Ozon's warehouses): the list and a posting's detail.

use futures::stream::BoxStream;
use market_core::paginate::paginate;
use market_core::transport::Operation;
use market_core::{Error, Result};

use crate::Client;
use crate::api::check_limit;
use crate::api::fbs::{check_window, cursor_page};
use crate::models::common::*;
use crate::models::fbo::*;

/// The largest page of `/v3/posting/fbo/list`.
pub const POSTING_FBO_LIST_PAGE_MAX: i64 = 100;
/// The longest time window of `/v3/posting/fbo/list`, in days (Ozon answers
/// `PERIOD_IS_TOO_LONG` beyond a year; a leap year's 366 days are let through).
pub const POSTING_FBO_LIST_WINDOW_MAX_DAYS: i64 = 366;

/// `POST /v3/posting/fbo/list`.
pub static POSTING_FBO_LIST: Operation =
    Operation::post("posting_fbo_list", "/v3/posting/fbo/list");
/// `POST /v2/posting/fbo/get`.
pub static POSTING_FBO_GET: Operation = Operation::post("posting_fbo_get", "/v2/posting/fbo/get");

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
    /// `POST /v3/posting/fbo/list`: one page of FBO postings in a time window (cursor paging).
    ///
    /// Rejected before sending: a window whose start is not before its end or longer than
    /// [`POSTING_FBO_LIST_WINDOW_MAX_DAYS`], a limit outside `1..=100`. A 200 without the `postings`
    /// list is a decode error.
    pub async fn list(&self, request: &FboPostingListRequest) -> Result<FboPostingListResponse> {
        check_window(
            "filter.since/to",
            Some(request.filter.since),
            Some(request.filter.to),
            POSTING_FBO_LIST_WINDOW_MAX_DAYS,
        )?;
        check_limit(request.limit, POSTING_FBO_LIST_PAGE_MAX)?;
        self.client
            .transport
            .json(POSTING_FBO_LIST.request().json(request)?)
            .await
    }

    /// Every FBO posting matching `filter`, page by page (following Ozon's cursor while
    /// `has_next` is true), oldest first. A cursor that does not move ends the stream with an
    /// error instead of looping.
    pub fn list_stream(
        &self,
        filter: FboPostingListFilter,
        with: FboPostingWith,
    ) -> BoxStream<'a, Result<FboListPosting>> {
        let api = *self;
        paginate(String::new(), move |cursor| {
            let request = FboPostingListRequest {
                cursor,
                filter: filter.clone(),
                limit: POSTING_FBO_LIST_PAGE_MAX,
                sort_dir: Some(SortDirection::Asc),
                translit: false,
                with,
            };
            async move {
                let page = api.list(&request).await?;
                cursor_page(
                    &POSTING_FBO_LIST,
                    page.postings,
                    page.has_next,
                    page.cursor,
                    |p: &FboListPosting| p.posting_number.clone(),
                )
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
            .json(POSTING_FBO_GET.request().json(request)?)
            .await?;
        Ok(response.result)
    }
}
