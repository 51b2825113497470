//! Returns: FBO and FBS returns.

use futures::stream::BoxStream;
use market_core::paginate::{Page, paginate};
use market_core::transport::Operation;
use market_core::{Error, Result};

use crate::Client;
use crate::models::returns::*;

/// The largest page of `/v1/returns/list`.
pub const RETURNS_LIST_PAGE_MAX: i32 = 500;
/// The most posting numbers the returns filter takes.
pub const RETURNS_POSTINGS_MAX: usize = 50;

/// `POST /v1/returns/list`.
pub static RETURNS_LIST: Operation = Operation::post("returns_list", "/v1/returns/list");

/// The returns section: `client.returns()`.
#[derive(Debug, Clone, Copy)]
pub struct ReturnsApi<'a> {
    client: &'a Client,
}

impl Client {
    /// Returns: FBO and FBS returns.
    pub fn returns(&self) -> ReturnsApi<'_> {
        ReturnsApi { client: self }
    }
}

/// Checks a returns request before sending.
fn validate(request: &ReturnsListRequest) -> Result<()> {
    let fail = |message: String| {
        Err(Error::Validation {
            item: None,
            message,
        })
    };
    if !(1..=RETURNS_LIST_PAGE_MAX).contains(&request.limit) {
        return fail(format!(
            "limit {} is not in 1..={RETURNS_LIST_PAGE_MAX}",
            request.limit
        ));
    }
    if request.last_id < 0 {
        return fail(format!("last_id {} is negative", request.last_id));
    }
    let Some(filter) = &request.filter else {
        return Ok(());
    };
    if filter.posting_numbers.len() > RETURNS_POSTINGS_MAX {
        return fail(format!(
            "{} posting numbers; the filter takes at most {RETURNS_POSTINGS_MAX}",
            filter.posting_numbers.len()
        ));
    }
    for (name, range) in [
        ("logistic_return_date", &filter.logistic_return_date),
        (
            "storage_tariffication_start_date",
            &filter.storage_tariffication_start_date,
        ),
        (
            "visual_status_change_moment",
            &filter.visual_status_change_moment,
        ),
    ] {
        if let Some(TimeRange {
            time_from: Some(from),
            time_to: Some(to),
        }) = range
            && from > to
        {
            return fail(format!("{name}: time_from {from} is after time_to {to}"));
        }
    }
    Ok(())
}

impl<'a> ReturnsApi<'a> {
    /// `POST /v1/returns/list`: one page of returns.
    pub async fn list(&self, request: &ReturnsListRequest) -> Result<ReturnsListResponse> {
        validate(request)?;
        self.client
            .transport
            .json(RETURNS_LIST.request().json(request)?)
            .await
    }

    /// Every return matching `filter`, page by page (`last_id` paging until `has_next` is
    /// false).
    pub fn list_stream(&self, filter: Option<ReturnsFilter>) -> BoxStream<'a, Result<ReturnItem>> {
        let api = *self;
        paginate(0i64, move |last_id| {
            let request = ReturnsListRequest {
                filter: filter.clone(),
                last_id,
                limit: RETURNS_LIST_PAGE_MAX,
            };
            async move {
                let page = api.list(&request).await?;
                let next = page.returns.last().map(|r| r.id);
                let page = match next {
                    Some(next) if page.has_next => Page::more(page.returns, next),
                    _ => Page::last(page.returns),
                };
                Ok(page.signed_by(|r: &ReturnItem| r.id))
            }
        })
    }
}
