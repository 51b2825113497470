//! Wire types of the returns section: buyers' claims (return requests) and the seller's
//! answer.

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::ids::NmId;

market_core::wire_enum! {
    /// A seller's answer to a claim (`action` of request body `PatchClaimReq`; the values
    /// WB lists for `actions[]` of the claims list).
    pub enum ClaimAction {
        /// Approve; WB checks the returned good for a defect.
        Approve1 = "approve1",
        /// Approve and take the good back.
        Approve2 = "approve2",
        /// Refund without taking the good back.
        Autorefund1 = "autorefund1",
        /// Reject with WB's template "no defect found".
        Reject1 = "reject1",
        /// Reject with WB's template "add photos or video".
        Reject2 = "reject2",
        /// Reject with WB's template "go to a service centre".
        Reject3 = "reject3",
        /// Reject with the seller's own comment (`comment` required).
        RejectCustom = "rejectcustom",
        /// Approve with the good returned to the seller's shop (in-store pickup only).
        ApproveCc1 = "approvecc1",
        /// Confirm the good came back from the buyer (in-store pickup only).
        ConfirmReturnGoodCc1 = "confirmreturngoodcc1",
    }
}

impl ClaimAction {
    /// True when the action takes a `comment` (values this crate does not know are let through).
    pub fn takes_comment(&self) -> bool {
        matches!(
            self,
            Self::RejectCustom | Self::ApproveCc1 | Self::Unknown(_)
        )
    }
}

/// The query of `GET /api/v1/claims` (its parameters `is_archive`, `id`, `limit`, `offset`,
/// `nm_id`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ClaimsQuery {
    /// False: claims under review; true: archived claims.
    pub is_archive: bool,
    /// Only this claim (a UUID).
    pub id: Option<String>,
    /// Claims a page, 1 to [`crate::api::returns::CLAIMS_PAGE_MAX`] (WB's default: 50).
    pub limit: Option<u32>,
    /// Claims to skip (WB's default: 0).
    pub offset: Option<u32>,
    /// Only claims for this article.
    pub nm_id: Option<NmId>,
}

impl ClaimsQuery {
    /// Claims under review (`is_archive=false`).
    pub fn open() -> Self {
        Self::default()
    }

    /// Archived claims (`is_archive=true`).
    pub fn archived() -> Self {
        Self {
            is_archive: true,
            ..Self::default()
        }
    }

    /// Only this claim.
    pub fn with_id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// Only claims for this article.
    pub fn with_nm_id(mut self, nm_id: impl Into<NmId>) -> Self {
        self.nm_id = Some(nm_id.into());
        self
    }

    /// One page: `limit` claims after `offset`.
    pub fn with_page(mut self, limit: u32, offset: u32) -> Self {
        self.limit = Some(limit);
        self.offset = Some(offset);
        self
    }
}

/// `GET /api/v1/claims` response (response `GetClaimsSuccessResponse`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ClaimsResponse {
    /// The claims of the page (required, not `null`).
    pub claims: Vec<Claim>,
    /// Claims matching the query, regardless of `limit` and `offset`.
    #[serde(default)]
    pub total: i64,
}

/// A buyer's claim (`claims[]` of response `GetClaimsSuccessResponse`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Claim {
    /// The claim (a UUID).
    #[serde(default)]
    pub id: String,
    /// Where the claim came from: 1 the buyers' portal, 3 a chat.
    #[serde(default)]
    pub claim_type: i64,
    /// WB's decision for the buyer: 0 under review, 1 refused, 2 approved.
    #[serde(default)]
    pub status: i64,
    /// What happens to the good: 0 under review, 1 stays with the buyer (refused), 2 goes to
    /// WB and is disposed of, 5 stays with the buyer (approved), 8 back on sale after WB's
    /// check, 10 back to the seller.
    #[serde(default)]
    pub status_ex: i64,
    /// WB's article.
    #[serde(default)]
    pub nm_id: NmId,
    /// The good's name.
    #[serde(default, deserialize_with = "market_core::wire::de::null_as_empty")]
    pub imt_name: String,
    /// The buyer's comment.
    #[serde(default)]
    pub user_comment: String,
    /// The answer shown to the buyer; empty when none.
    #[serde(default, deserialize_with = "market_core::wire::de::null_as_empty")]
    pub wb_comment: String,
    /// When the buyer filed the claim (WB sends no offset; read as UTC).
    #[serde(default, deserialize_with = "market_core::wire::de::opt_time")]
    pub dt: Option<DateTime<Utc>>,
    /// When the good was ordered.
    #[serde(default, deserialize_with = "market_core::wire::de::opt_time")]
    pub order_dt: Option<DateTime<Utc>>,
    /// When the claim was decided; for an open claim, when it was filed.
    #[serde(default, deserialize_with = "market_core::wire::de::opt_time")]
    pub dt_update: Option<DateTime<Utc>>,
    /// When the good was delivered to the buyer, when known (2026-08).
    #[serde(default, deserialize_with = "market_core::wire::de::opt_time")]
    pub delivery_dt: Option<DateTime<Utc>>,
    /// WB's note on the identifier the buyer gave (such as an IMEI that does not match the
    /// one sold), when any (2026-08).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_id_info: Option<String>,
    /// Links to the buyer's photos (protocol-relative, `//photos.wbstatic.net/...`).
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub photos: Vec<String>,
    /// Links to the buyer's video.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub video_paths: Vec<String>,
    /// The answers the seller may give, as WB spells them (see [`Claim::claim_actions`]);
    /// empty when the claim cannot be answered.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub actions: Vec<String>,
    /// The price the buyer paid, after every discount.
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub price: Decimal,
    /// The currency of `price` (ISO 4217 numeric code, `643` for roubles).
    #[serde(default)]
    pub currency_code: String,
    /// The order the claim is about.
    #[serde(default)]
    pub srid: String,
}

impl Claim {
    /// The answers the seller may give, typed.
    pub fn claim_actions(&self) -> Vec<ClaimAction> {
        self.actions
            .iter()
            .map(|a| ClaimAction::from_wire(a))
            .collect()
    }
}

/// `PATCH /api/v1/claim` request (request body `PatchClaimReq`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct ClaimAnswer {
    /// The claim (a UUID).
    pub id: String,
    /// The answer: one of the claim's `actions`.
    pub action: ClaimAction,
    /// The seller's comment, 10 to 1000 characters: required with `rejectcustom`, optional
    /// with `approvecc1`, not taken otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

impl ClaimAnswer {
    /// An answer without a comment.
    pub fn new(id: impl Into<String>, action: ClaimAction) -> Self {
        Self {
            id: id.into(),
            action,
            comment: None,
        }
    }

    /// A rejection with the seller's own comment (`rejectcustom`).
    pub fn reject_with(id: impl Into<String>, comment: impl Into<String>) -> Self {
        Self {
            id: id.into(),
            action: ClaimAction::RejectCustom,
            comment: Some(comment.into()),
        }
    }

    /// Adds a comment.
    pub fn with_comment(mut self, comment: impl Into<String>) -> Self {
        self.comment = Some(comment.into());
        self
    }
}
