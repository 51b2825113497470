//! FBS postings: lists and details, shipping (packaging), cancellation, status transitions,
//! tracking numbers.
//!
//! # No "sent by seller" transition
//!
//! `POST /v2/fbs/posting/sent-by-seller` (moving postings to `sent_by_seller`, for first-mile
//! sellers abroad) is not in Ozon's 2026-06 spec: Ozon removed it, and no operation of that
//! spec moves a posting to `sent_by_seller` any more. This crate therefore has no
//! `sent_by_seller()` (a call would only meet a 404). The status itself is still one Ozon
//! reports: [`PostingStatus::SentBySeller`] is read from the lists and the detail, and the
//! lists' `filter.statuses` still accept it.
//!
//! What a seller does instead, with the status methods the 2026-06 spec has:
//! - the posting is packed with [`FbsApi::ship`] / [`FbsApi::ship_package`]
//!   (`/v4/posting/fbs/ship`, `/v4/posting/fbs/ship/package`; `awaiting_deliver`) and, for a
//!   disputed order, handed over with [`FbsApi::awaiting_delivery`]
//!   (`/v2/posting/fbs/awaiting-delivery`);
//! - a seller who delivers through a third-party service (rFBS) reports the journey with
//!   [`FbsApi::set_tracking_numbers`] (`/v2/fbs/posting/tracking-number/set`), then
//!   [`FbsApi::delivering`] (`/v2/fbs/posting/delivering`, "Доставляется"),
//!   [`FbsApi::last_mile`] (`/v2/fbs/posting/last-mile`) and [`FbsApi::delivered`]
//!   (`/v2/fbs/posting/delivered`); the spec asks to check the posting's status with
//!   `/v3/posting/fbs/get` first, as these changes happen asynchronously;
//! - with Ozon's own delivery, Ozon moves the posting on once its courier or drop-off point
//!   takes it; the seller makes no call.

use chrono::{DateTime, Duration, Utc};
use futures::stream::BoxStream;
use market_core::batch::run_batches;
use market_core::paginate::{Page, paginate};
use market_core::transport::Operation;
use market_core::{BatchReport, Error, Rejection, RejectionStage, Result};

use crate::Client;
use crate::ids::PostingNumber;
use crate::models::common::*;
use crate::models::fbs::*;

/// The largest page of the FBS posting lists (`limit` at most 100 since the v4 lists).
pub const POSTING_FBS_LIST_PAGE_MAX: i64 = 100;
/// The longest time window of the FBS posting lists, in days (Ozon says "at most a year"; a
/// leap year's 366 days are let through).
pub const POSTING_FBS_LIST_WINDOW_MAX_DAYS: i64 = 366;
/// The most postings an awaiting-delivery request carries.
pub const POSTING_FBS_AWAITING_DELIVERY_MAX: usize = 100;
/// The most tracking numbers a request carries.
pub const POSTING_FBS_TRACKING_NUMBER_SET_MAX: usize = 20;
/// The cancellation reason ("other") that needs a message.
pub const CANCEL_REASON_OTHER: i64 = 402;

/// `POST /v4/posting/fbs/list`.
pub static POSTING_FBS_LIST: Operation =
    Operation::post("posting_fbs_list", "/v4/posting/fbs/list");
/// `POST /v4/posting/fbs/unfulfilled/list`.
pub static POSTING_FBS_UNFULFILLED_LIST: Operation = Operation::post(
    "posting_fbs_unfulfilled_list",
    "/v4/posting/fbs/unfulfilled/list",
);
/// `POST /v3/posting/fbs/get`.
pub static POSTING_FBS_GET: Operation = Operation::post("posting_fbs_get", "/v3/posting/fbs/get");
/// `POST /v4/posting/fbs/ship`.
pub static POSTING_FBS_SHIP: Operation =
    Operation::post("posting_fbs_ship", "/v4/posting/fbs/ship").non_idempotent();
/// `POST /v4/posting/fbs/ship/package`.
pub static POSTING_FBS_SHIP_PACKAGE: Operation =
    Operation::post("posting_fbs_ship_package", "/v4/posting/fbs/ship/package").non_idempotent();
/// `POST /v2/posting/fbs/cancel`.
pub static POSTING_FBS_CANCEL: Operation =
    Operation::post("posting_fbs_cancel", "/v2/posting/fbs/cancel");
/// `POST /v2/posting/fbs/cancel-reason/list`.
pub static POSTING_FBS_CANCEL_REASON_LIST: Operation = Operation::post(
    "posting_fbs_cancel_reason_list",
    "/v2/posting/fbs/cancel-reason/list",
);
/// `POST /v1/posting/fbs/cancel-reason`.
pub static POSTING_FBS_CANCEL_REASON: Operation =
    Operation::post("posting_fbs_cancel_reason", "/v1/posting/fbs/cancel-reason");
/// `POST /v2/posting/fbs/awaiting-delivery`.
pub static POSTING_FBS_AWAITING_DELIVERY: Operation = Operation::post(
    "posting_fbs_awaiting_delivery",
    "/v2/posting/fbs/awaiting-delivery",
)
.batch_max(POSTING_FBS_AWAITING_DELIVERY_MAX);
/// `POST /v2/fbs/posting/delivering`.
pub static POSTING_FBS_DELIVERING: Operation =
    Operation::post("posting_fbs_delivering", "/v2/fbs/posting/delivering");
/// `POST /v2/fbs/posting/last-mile`.
pub static POSTING_FBS_LAST_MILE: Operation =
    Operation::post("posting_fbs_last_mile", "/v2/fbs/posting/last-mile");
/// `POST /v2/fbs/posting/delivered`.
pub static POSTING_FBS_DELIVERED: Operation =
    Operation::post("posting_fbs_delivered", "/v2/fbs/posting/delivered");
/// `POST /v2/fbs/posting/tracking-number/set`.
pub static POSTING_FBS_TRACKING_NUMBER_SET: Operation = Operation::post(
    "posting_fbs_tracking_number_set",
    "/v2/fbs/posting/tracking-number/set",
)
.non_idempotent()
.batch_max(POSTING_FBS_TRACKING_NUMBER_SET_MAX);

/// Checks a time window: both ends given, start before end, at most `max_days` long.
pub(crate) fn check_window(
    what: &str,
    from: Option<DateTime<Utc>>,
    to: Option<DateTime<Utc>>,
    max_days: i64,
) -> Result<()> {
    let (Some(from), Some(to)) = (from, to) else {
        return Err(Error::invalid(format!(
            "{what}: both ends of the window are required"
        )));
    };
    if from >= to {
        return Err(Error::invalid(format!(
            "{what}: the window start {from} is not before its end {to}"
        )));
    }
    if to - from > Duration::days(max_days) {
        return Err(Error::invalid(format!(
            "{what}: the window {from} to {to} is longer than {max_days} days"
        )));
    }
    Ok(())
}

/// The next page of a cursor-paged list: more while `has_next`; `has_next` with an empty
/// cursor is an error (the next request would start over from the first page). The page is
/// signed with its items' ids (`key`), so that [`paginate`] ends the stream with an error when
/// a server answers a page it already answered (a cursor it ignores, one that loops) instead
/// of listing forever.
pub(crate) fn cursor_page<T, K: std::hash::Hash>(
    op: &'static Operation,
    items: Vec<T>,
    has_next: bool,
    cursor: String,
    key: impl Fn(&T) -> K,
) -> Result<Page<T, String>> {
    if !has_next {
        return Ok(Page::last(items).signed_by(key));
    }
    if cursor.is_empty() {
        return Err(Error::Decode {
            vendor: market_core::MarketplaceKind::Ozon.name(),
            operation: op.name,
            path: "cursor".into(),
            message: "has_next is true but the cursor is empty: the next page cannot be asked for"
                .into(),
            excerpt: String::new(),
        });
    }
    Ok(Page::more(items, cursor).signed_by(key))
}

fn check_posting_number(p: &PostingNumber) -> Result<()> {
    if p.as_str().trim().is_empty() {
        return Err(Error::invalid("posting_number is empty"));
    }
    Ok(())
}

fn validate_posting_number(p: &PostingNumber) -> std::result::Result<(), String> {
    if p.as_str().trim().is_empty() {
        Err("posting_number is empty".into())
    } else {
        Ok(())
    }
}

fn validate_tracking(t: &TrackingNumber) -> std::result::Result<(), String> {
    validate_posting_number(&t.posting_number)?;
    if t.tracking_number.trim().is_empty() {
        return Err("tracking_number is empty".into());
    }
    Ok(())
}

/// Checks a ship request before sending.
pub fn validate_ship(request: &ShipRequest) -> Result<()> {
    check_posting_number(&request.posting_number)?;
    if request.packages.is_empty() {
        return Err(Error::invalid("ship: no packages"));
    }
    for (i, package) in request.packages.iter().enumerate() {
        if package.products.is_empty() {
            return Err(Error::invalid(format!("ship: package {i} has no products")));
        }
        for p in &package.products {
            if p.product_id.0 <= 0 || p.quantity <= 0 {
                return Err(Error::invalid(format!(
                    "ship: package {i}: product {} quantity {} (both must be positive)",
                    p.product_id, p.quantity
                )));
            }
        }
    }
    Ok(())
}

/// Checks a partial ship request before sending.
pub fn validate_ship_package(request: &ShipPackageRequest) -> Result<()> {
    check_posting_number(&request.posting_number)?;
    if request.products.is_empty() {
        return Err(Error::invalid("ship package: no products"));
    }
    for p in &request.products {
        if p.product_id.0 <= 0 || p.quantity <= 0 {
            return Err(Error::invalid(format!(
                "ship package: product {} quantity {} (both must be positive)",
                p.product_id, p.quantity
            )));
        }
    }
    Ok(())
}

/// The FBS postings section: `client.fbs()`.
#[derive(Debug, Clone, Copy)]
pub struct FbsApi<'a> {
    client: &'a Client,
}

impl Client {
    /// FBS postings: lists, details, shipping, cancellation, status transitions.
    pub fn fbs(&self) -> FbsApi<'_> {
        FbsApi { client: self }
    }
}

impl<'a> FbsApi<'a> {
    async fn call<T: serde::de::DeserializeOwned>(
        &self,
        op: &'static Operation,
        body: &(impl serde::Serialize + ?Sized),
    ) -> Result<T> {
        self.client.transport.json(op.request().json(body)?).await
    }

    /// `POST /v4/posting/fbs/list`: one page of FBS postings in a time window (cursor paging).
    ///
    /// Rejected before sending: a window whose start is not before its end or that is longer
    /// than [`POSTING_FBS_LIST_WINDOW_MAX_DAYS`], a limit outside `1..=100`. A 200 without the
    /// `postings` list is a decode error.
    pub async fn list(&self, request: &FbsPostingListRequest) -> Result<FbsPostingListResponse> {
        check_window(
            "filter.since/to",
            Some(request.filter.since),
            Some(request.filter.to),
            POSTING_FBS_LIST_WINDOW_MAX_DAYS,
        )?;
        crate::api::check_limit(request.limit, POSTING_FBS_LIST_PAGE_MAX)?;
        self.call(&POSTING_FBS_LIST, request).await
    }

    /// Every FBS posting matching `filter`, page by page (following Ozon's cursor while
    /// `has_next` is true), oldest first. A cursor that does not move ends the stream with an
    /// error instead of looping.
    pub fn list_stream(
        &self,
        filter: FbsPostingListFilter,
        with: FbsPostingWith,
    ) -> BoxStream<'a, Result<FbsPosting>> {
        let api = *self;
        paginate(String::new(), move |cursor| {
            let request = FbsPostingListRequest {
                cursor,
                filter: filter.clone(),
                limit: POSTING_FBS_LIST_PAGE_MAX,
                sort_dir: Some(SortDirection::Asc),
                translit: false,
                with,
            };
            async move {
                let page = api.list(&request).await?;
                cursor_page(
                    &POSTING_FBS_LIST,
                    page.postings,
                    page.has_next,
                    page.cursor,
                    |p: &FbsPosting| p.posting_number.clone(),
                )
            }
        })
    }

    /// `POST /v4/posting/fbs/unfulfilled/list`: one page of unfulfilled FBS postings (cursor
    /// paging).
    ///
    /// Rejected before sending: no window or both windows (cut-off and delivering date), a
    /// window whose start is not before its end or longer than [`POSTING_FBS_LIST_WINDOW_MAX_DAYS`], a
    /// limit outside `1..=100`. A 200 without the `postings` list is a decode error.
    pub async fn unfulfilled(
        &self,
        request: &FbsUnfulfilledListRequest,
    ) -> Result<FbsUnfulfilledListResponse> {
        let f = &request.filter;
        let cutoff = f.cutoff_from.is_some() || f.cutoff_to.is_some();
        let delivering = f.delivering_date_from.is_some() || f.delivering_date_to.is_some();
        match (cutoff, delivering) {
            (true, false) => check_window(
                "filter.cutoff_from/cutoff_to",
                f.cutoff_from,
                f.cutoff_to,
                POSTING_FBS_LIST_WINDOW_MAX_DAYS,
            )?,
            (false, true) => check_window(
                "filter.delivering_date_from/delivering_date_to",
                f.delivering_date_from,
                f.delivering_date_to,
                POSTING_FBS_LIST_WINDOW_MAX_DAYS,
            )?,
            (true, true) => {
                return Err(Error::invalid(
                    "filter: give the cut-off window or the delivering-date window, not both",
                ));
            }
            (false, false) => {
                return Err(Error::invalid(
                    "filter: a cut-off or delivering-date window is required",
                ));
            }
        }
        crate::api::check_limit(request.limit, POSTING_FBS_LIST_PAGE_MAX)?;
        self.call(&POSTING_FBS_UNFULFILLED_LIST, request).await
    }

    /// Every unfulfilled FBS posting matching `filter`, page by page (following Ozon's cursor
    /// while `has_next` is true).
    pub fn unfulfilled_stream(
        &self,
        filter: FbsUnfulfilledListFilter,
        with: FbsPostingWith,
    ) -> BoxStream<'a, Result<FbsPosting>> {
        let api = *self;
        paginate(String::new(), move |cursor| {
            let request = FbsUnfulfilledListRequest {
                cursor,
                filter: filter.clone(),
                limit: POSTING_FBS_LIST_PAGE_MAX,
                sort_dir: Some(SortDirection::Asc),
                translit: false,
                with,
            };
            async move {
                let page = api.unfulfilled(&request).await?;
                cursor_page(
                    &POSTING_FBS_UNFULFILLED_LIST,
                    page.postings,
                    page.has_next,
                    page.cursor,
                    |p: &FbsPosting| p.posting_number.clone(),
                )
            }
        })
    }

    /// `POST /v3/posting/fbs/get`: one FBS posting with the extra blocks asked for.
    pub async fn get(&self, request: &FbsPostingGetRequest) -> Result<FbsPostingDetail> {
        check_posting_number(&request.posting_number)?;
        let response: FbsPostingGetResponse = self.call(&POSTING_FBS_GET, request).await?;
        Ok(response.result)
    }

    /// `POST /v4/posting/fbs/ship`: packs a posting into packages (several split the order)
    /// and moves it to `awaiting_deliver`. Not idempotent: not retried once it may have
    /// reached Ozon.
    ///
    /// Ozon's answer 200 "does not guarantee a successful assembly": as the spec asks, every
    /// posting the answer names is read again (`/v3/posting/fbs/get`), and one whose
    /// `substatus` is `ship_failed` makes this an error (pack it again).
    pub async fn ship(&self, request: &ShipRequest) -> Result<ShipResponse> {
        Ok(self.ship_checked(request).await?.0)
    }

    /// [`ship`](Self::ship), also returning the postings as read back after packing (the
    /// first is the posting that was packed).
    pub async fn ship_checked(
        &self,
        request: &ShipRequest,
    ) -> Result<(ShipResponse, Vec<FbsPostingDetail>)> {
        validate_ship(request)?;
        let response: ShipResponse = self.call(&POSTING_FBS_SHIP, request).await?;
        let mut numbers = vec![request.posting_number.clone()];
        numbers.extend(
            response
                .result
                .iter()
                .filter(|n| **n != request.posting_number)
                .cloned(),
        );
        let mut postings = Vec::with_capacity(numbers.len());
        for number in numbers {
            postings.push(self.check_assembled(&POSTING_FBS_SHIP, &number).await?);
        }
        Ok((response, postings))
    }

    /// `POST /v4/posting/fbs/ship/package`: packs part of a posting as one package; the rest
    /// stays in the original posting. Not idempotent. As for [`ship`](Self::ship), the
    /// posting formed (or, when Ozon names none, the one packed) is read again and
    /// `substatus = ship_failed` is an error.
    pub async fn ship_package(&self, request: &ShipPackageRequest) -> Result<ShipPackageResponse> {
        validate_ship_package(request)?;
        let response: ShipPackageResponse = self.call(&POSTING_FBS_SHIP_PACKAGE, request).await?;
        let formed = response.result.trim();
        let number = if formed.is_empty() || formed.contains([',', ' ']) {
            request.posting_number.clone()
        } else {
            PostingNumber::new(formed)
        };
        self.check_assembled(&POSTING_FBS_SHIP_PACKAGE, &number)
            .await?;
        Ok(response)
    }

    /// Reads a posting after packing (`op`, the packing operation): `substatus = ship_failed`
    /// (Ozon answered 200 but could not assemble it) is an [`market_core::ApiError`] of kind
    /// [`ApiErrorKind::Conflict`](market_core::ApiErrorKind::Conflict), code `ship_failed`,
    /// status 200, naming the posting and its status.
    pub async fn check_assembled(
        &self,
        op: &'static Operation,
        posting_number: &PostingNumber,
    ) -> Result<FbsPostingDetail> {
        let posting = self
            .get(&FbsPostingGetRequest::new(posting_number.clone()))
            .await?;
        if posting.substatus == PostingSubstatus::ShipFailed {
            return Err(market_core::ApiError::new(
                market_core::MarketplaceKind::Ozon.name(),
                op.name,
                200,
                market_core::ApiErrorKind::Conflict,
            )
            .with_code(posting.substatus.as_str())
            .with_message(format!(
                "posting {posting_number}: Ozon answered the packing with 200 but could not \
                 assemble it (substatus {}, status {}): pack it again",
                posting.substatus, posting.status
            ))
            .into());
        }
        Ok(posting)
    }

    /// `POST /v2/posting/fbs/cancel`: cancels a posting; true when Ozon accepted.
    ///
    /// Rejected before sending: an empty posting number, a reason id that is not positive,
    /// reason [`CANCEL_REASON_OTHER`] without a message.
    pub async fn cancel(&self, request: &CancelRequest) -> Result<bool> {
        check_posting_number(&request.posting_number)?;
        if request.cancel_reason_id <= 0 {
            return Err(Error::invalid(format!(
                "cancel_reason_id {} is not a reason",
                request.cancel_reason_id
            )));
        }
        if request.cancel_reason_id == CANCEL_REASON_OTHER
            && request.cancel_reason_message.trim().is_empty()
        {
            return Err(Error::invalid(format!(
                "cancel_reason_message is required for reason {CANCEL_REASON_OTHER}"
            )));
        }
        let response: BooleanResponse = self.call(&POSTING_FBS_CANCEL, request).await?;
        Ok(response.result)
    }

    /// `POST /v2/posting/fbs/cancel-reason/list`: every cancellation reason.
    pub async fn cancel_reasons(&self) -> Result<Vec<CancelReason>> {
        let response: CancelReasonListResponse = self
            .call(&POSTING_FBS_CANCEL_REASON_LIST, &serde_json::Map::new())
            .await?;
        Ok(response.result)
    }

    /// `POST /v1/posting/fbs/cancel-reason`: the reasons these postings may be cancelled for.
    pub async fn cancel_reasons_for(
        &self,
        posting_numbers: Vec<PostingNumber>,
    ) -> Result<Vec<RelatedPostingCancelReason>> {
        if posting_numbers.is_empty() {
            return Err(Error::invalid("no posting numbers"));
        }
        for p in &posting_numbers {
            check_posting_number(p)?;
        }
        let request = CancelReasonRequest {
            related_posting_numbers: posting_numbers,
        };
        let response: CancelReasonResponse =
            self.call(&POSTING_FBS_CANCEL_REASON, &request).await?;
        Ok(response.result)
    }

    /// `POST /v2/posting/fbs/awaiting-delivery`: hands disputed postings over to shipping
    /// (`awaiting_deliver`). Any number: split at 100 a request; Ozon answers one yes/no per
    /// request, which is reported for each posting of it.
    pub async fn awaiting_delivery(
        &self,
        posting_numbers: Vec<PostingNumber>,
    ) -> Result<BatchReport<PostingNumber>> {
        let api = *self;
        Ok(run_batches(
            posting_numbers,
            POSTING_FBS_AWAITING_DELIVERY_MAX,
            Clone::clone,
            validate_posting_number,
            |chunk| async move {
                let request = PostingNumbersRequest {
                    posting_number: chunk,
                };
                let response: BooleanResponse = api
                    .client
                    .transport
                    .json(
                        POSTING_FBS_AWAITING_DELIVERY
                            .request()
                            .weight(request.posting_number.len())
                            .json(&request)?,
                    )
                    .await?;
                let mut report = BatchReport::new();
                for p in request.posting_number {
                    if response.result {
                        report.accept(p);
                    } else {
                        report.reject(
                            p,
                            RejectionStage::Vendor,
                            None,
                            "Ozon answered false for the request",
                        );
                    }
                }
                Ok(report)
            },
        )
        .await)
    }

    /// `POST /v2/fbs/posting/delivering`: moves postings of a third-party delivery service to
    /// `delivering`; outcome per posting.
    pub async fn delivering(
        &self,
        posting_numbers: Vec<PostingNumber>,
    ) -> Result<BatchReport<PostingNumber>> {
        self.transition(&POSTING_FBS_DELIVERING, posting_numbers)
            .await
    }

    /// `POST /v2/fbs/posting/last-mile`: moves postings of a third-party delivery service to
    /// the last mile; outcome per posting.
    pub async fn last_mile(
        &self,
        posting_numbers: Vec<PostingNumber>,
    ) -> Result<BatchReport<PostingNumber>> {
        self.transition(&POSTING_FBS_LAST_MILE, posting_numbers)
            .await
    }

    /// `POST /v2/fbs/posting/delivered`: moves postings of a third-party delivery service to
    /// `delivered`; outcome per posting.
    pub async fn delivered(
        &self,
        posting_numbers: Vec<PostingNumber>,
    ) -> Result<BatchReport<PostingNumber>> {
        self.transition(&POSTING_FBS_DELIVERED, posting_numbers)
            .await
    }

    /// A transition with per-posting outcomes and no documented maximum: one request.
    async fn transition(
        &self,
        op: &'static Operation,
        posting_numbers: Vec<PostingNumber>,
    ) -> Result<BatchReport<PostingNumber>> {
        let api = *self;
        let max = posting_numbers.len().max(1);
        Ok(run_batches(
            posting_numbers,
            max,
            Clone::clone,
            validate_posting_number,
            |chunk| async move {
                let request = PostingNumbersRequest {
                    posting_number: chunk,
                };
                let response: MoveStatusResponse = api
                    .client
                    .transport
                    .json(
                        op.request()
                            .weight(request.posting_number.len())
                            .json(&request)?,
                    )
                    .await?;
                Ok(move_report(response))
            },
        )
        .await)
    }

    /// `POST /v2/fbs/posting/tracking-number/set`: sets tracking numbers; outcome per posting.
    /// Any number: split at 20 a request; pairs with an empty posting or tracking number are
    /// rejected locally. Not idempotent.
    pub async fn set_tracking_numbers(
        &self,
        tracking_numbers: Vec<TrackingNumber>,
    ) -> Result<BatchReport<PostingNumber>> {
        let api = *self;
        Ok(run_batches(
            tracking_numbers,
            POSTING_FBS_TRACKING_NUMBER_SET_MAX,
            |t: &TrackingNumber| t.posting_number.clone(),
            validate_tracking,
            |chunk| async move {
                let request = TrackingNumberSetRequest {
                    tracking_numbers: chunk,
                };
                let response: MoveStatusResponse = api
                    .client
                    .transport
                    .json(
                        POSTING_FBS_TRACKING_NUMBER_SET
                            .request()
                            .weight(request.tracking_numbers.len())
                            .json(&request)?,
                    )
                    .await?;
                Ok(move_report(response))
            },
        )
        .await)
    }
}

/// Turns Ozon's per-posting outcomes into a report.
fn move_report(response: MoveStatusResponse) -> BatchReport<PostingNumber> {
    let mut report = BatchReport::new();
    for r in response.result {
        if r.result && r.error.is_empty() {
            report.accept(r.posting_number);
        } else {
            let code = (!r.error.is_empty()).then(|| r.error.clone());
            let message = if r.error.is_empty() {
                "not moved".to_owned()
            } else {
                r.error
            };
            report.rejected.push(Rejection {
                key: r.posting_number,
                stage: RejectionStage::Vendor,
                retry_after: None,
                code,
                message,
            });
        }
    }
    report
}
