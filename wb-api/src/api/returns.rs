//! Returns: buyers' claims of the last 14 days, and the seller's answer to one.
//!
//! Both methods share one quota ([`groups::CLAIMS`]: 20 requests a minute, burst 10).

use futures::stream::BoxStream;
use market_core::paginate::{Page, paginate};
use market_core::transport::Operation;
use market_core::{Error, Result};

use crate::limits::groups;
use crate::models::returns::*;
use crate::{Client, Host};

/// The largest page of `GET /api/v1/claims`.
pub const CLAIMS_PAGE_MAX: u32 = 200;
/// The shortest comment of a claim answer, in characters.
pub const COMMENT_MIN: usize = 10;
/// The longest comment of a claim answer, in characters.
pub const COMMENT_MAX: usize = 1000;

/// `GET /api/v1/claims`.
pub static CLAIMS: Operation = Operation::get("claims", "/api/v1/claims").in_group(groups::CLAIMS);
/// `PATCH /api/v1/claim`. Not repeated after an unclear outcome: an answered claim changes
/// state, and the same answer sent again may be refused.
pub static CLAIM_ANSWER: Operation = Operation::patch("claim_answer", "/api/v1/claim")
    .in_group(groups::CLAIM_ANSWER)
    .non_idempotent();

/// Checks a claims query before sending.
fn validate_query(query: &ClaimsQuery) -> Result<()> {
    if let Some(limit) = query.limit
        && !(1..=CLAIMS_PAGE_MAX).contains(&limit)
    {
        return Err(Error::invalid(format!(
            "limit {limit} is not in 1..={CLAIMS_PAGE_MAX}"
        )));
    }
    if let Some(id) = &query.id
        && id.trim().is_empty()
    {
        return Err(Error::invalid("the claim id is empty"));
    }
    if let Some(nm) = query.nm_id
        && nm.0 <= 0
    {
        return Err(Error::validation(nm, "nm_id must be positive"));
    }
    Ok(())
}

/// Checks a claim answer before sending.
pub fn validate_answer(answer: &ClaimAnswer) -> Result<()> {
    let fail = |message: String| Err(Error::validation(&answer.id, message));
    if answer.id.trim().is_empty() {
        return Err(Error::invalid("the claim id is empty"));
    }
    match &answer.comment {
        None if answer.action == ClaimAction::RejectCustom => {
            fail("rejectcustom needs a comment".into())
        }
        Some(_) if !answer.action.takes_comment() => fail(format!(
            "{} takes no comment (only rejectcustom and approvecc1 do)",
            answer.action
        )),
        Some(c) if !(COMMENT_MIN..=COMMENT_MAX).contains(&c.chars().count()) => fail(format!(
            "the comment has {} characters, not {COMMENT_MIN} to {COMMENT_MAX}",
            c.chars().count()
        )),
        _ => Ok(()),
    }
}

/// The returns section: `client.returns()`.
#[derive(Debug, Clone, Copy)]
pub struct ReturnsApi<'a> {
    client: &'a Client,
}

impl Client {
    /// Buyers' claims (returns).
    pub fn returns(&self) -> ReturnsApi<'_> {
        ReturnsApi { client: self }
    }
}

impl<'a> ReturnsApi<'a> {
    /// `GET /api/v1/claims`: one page of buyers' claims of the last 14 days.
    pub async fn claims(&self, query: &ClaimsQuery) -> Result<ClaimsResponse> {
        validate_query(query)?;
        let mut request = CLAIMS.request().query("is_archive", query.is_archive);
        if let Some(id) = &query.id {
            request = request.query("id", id);
        }
        if let Some(limit) = query.limit {
            request = request.query("limit", limit);
        }
        if let Some(offset) = query.offset {
            request = request.query("offset", offset);
        }
        if let Some(nm) = query.nm_id {
            request = request.query("nm_id", nm);
        }
        self.client.transport(Host::Returns).json(request).await
    }

    /// Every claim matching `query` (its `limit` and `offset` are ignored), page by page:
    /// pages of 200, until WB's `total` is reached or a page comes back empty.
    pub fn claims_stream(&self, query: ClaimsQuery) -> BoxStream<'a, Result<Claim>> {
        let api = *self;
        paginate(0u32, move |offset| {
            let query = query.clone().with_page(CLAIMS_PAGE_MAX, offset);
            async move {
                let page = api.claims(&query).await?;
                let seen = u64::from(offset) + page.claims.len() as u64;
                let more = !page.claims.is_empty() && seen < page.total.max(0) as u64;
                let page = match u32::try_from(seen) {
                    Ok(next) if more => Page::more(page.claims, next),
                    _ => Page::last(page.claims),
                };
                Ok(page.signed_by(|c| c.id.clone()))
            }
        })
    }

    /// `PATCH /api/v1/claim`: answers a claim with one of its `actions` (validated first:
    /// `rejectcustom` needs a comment of 10 to 1000 characters).
    pub async fn answer(&self, answer: &ClaimAnswer) -> Result<()> {
        validate_answer(answer)?;
        self.client
            .transport(Host::Returns)
            .send(CLAIM_ANSWER.request().json(answer)?)
            .await?;
        Ok(())
    }
}
