//! Yandex Market's quotas per method, from the spec's `x-resource-limit-config` (the snapshot
//! in `spec/limits.trimmed.json`; a test keeps this table equal to it).
//!
//! Each method has its own quota (its operation id is its limit group). Some count requests,
//! some count items: the offers in the request (`req.offers`) or the items returned
//! (`resp.result.offers`). For item-counted methods the section sends the number of items as
//! the request's weight (for items returned: the page size asked for, an upper bound).
//! A cabinet's tier (`none` for most, `medium` for larger sellers) sets the amounts.

use std::time::Duration;

use market_core::transport::RateLimit;

/// What a quota counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counts {
    /// Requests.
    Requests,
    /// Items, at the path the spec names (`req.offers`, `resp.result.offers`).
    Items(&'static str),
}

/// An amount per period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quota {
    /// Units per period.
    pub amount: u32,
    /// The period in seconds.
    pub seconds: u64,
}

/// The quota of one method.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OperationLimit {
    /// The spec's operation id (also the limit group).
    pub operation: &'static str,
    /// What is counted.
    pub counts: Counts,
    /// The quota of the `none` tier.
    pub none: Quota,
    /// The quota of the `medium` tier.
    pub medium: Quota,
    /// At most this many parallel requests, where the spec says so.
    pub parallel: Option<u32>,
}

/// The cabinet's tier of quotas.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tier {
    /// The base tier (the spec's `none`): the default.
    #[default]
    Base,
    /// The `medium` tier, for cabinets Yandex Market moved to it.
    Medium,
}

/// At most this many parallel requests per login, across all methods (docs: concepts/limits).
pub const PARALLEL_PER_LOGIN: u32 = 2;

/// The largest request body Yandex Market accepts, in bytes.
pub const MAX_BODY_BYTES: usize = 512 * 1024;

/// The quota table of the methods this crate calls by hand (`api::OPERATIONS`).
pub fn table() -> &'static [OperationLimit] {
    LIMITS
}

/// The quota table of the generated operations (`generated::OPERATIONS`), from the spec by
/// `cargo xtask gen yandex-market`.
pub fn generated_table() -> &'static [OperationLimit] {
    crate::generated::limits::GENERATED_LIMITS
}

/// The documented quota of one method in a tier, as a market-core limit: the hand-written
/// table first, then the generated one.
pub fn limit(operation: &str, tier: Tier) -> Option<RateLimit> {
    let l = LIMITS
        .iter()
        .chain(generated_table())
        .find(|l| l.operation == operation)?;
    let q = match tier {
        Tier::Base => l.none,
        Tier::Medium => l.medium,
    };
    let mut r = RateLimit::per(q.amount, Duration::from_secs(q.seconds));
    if let Counts::Items(_) = l.counts {
        r = r.counting_items();
    }
    if let Some(p) = l.parallel {
        r = r.max_concurrent(p);
    }
    Some(r)
}

pub(crate) const LIMITS: &[OperationLimit] = &[
    OperationLimit {
        operation: "acceptOrderCancellation",
        counts: Counts::Requests,
        none: Quota {
            amount: 500,
            seconds: 3600,
        },
        medium: Quota {
            amount: 500,
            seconds: 3600,
        },
        parallel: None,
    },
    OperationLimit {
        operation: "addOffersToArchive",
        counts: Counts::Items("req.offerIds"),
        none: Quota {
            amount: 5000,
            seconds: 60,
        },
        medium: Quota {
            amount: 10000,
            seconds: 60,
        },
        parallel: None,
    },
    OperationLimit {
        operation: "confirmBusinessPrices",
        counts: Counts::Items("req.offerIds"),
        none: Quota {
            amount: 5000,
            seconds: 60,
        },
        medium: Quota {
            amount: 10000,
            seconds: 60,
        },
        parallel: None,
    },
    OperationLimit {
        operation: "confirmCampaignPrices",
        counts: Counts::Items("req.offerIds"),
        none: Quota {
            amount: 5000,
            seconds: 60,
        },
        medium: Quota {
            amount: 10000,
            seconds: 60,
        },
        parallel: None,
    },
    OperationLimit {
        operation: "deleteOffers",
        counts: Counts::Items("req.offerIds"),
        none: Quota {
            amount: 5000,
            seconds: 60,
        },
        medium: Quota {
            amount: 10000,
            seconds: 60,
        },
        parallel: None,
    },
    OperationLimit {
        operation: "deleteOffersFromArchive",
        counts: Counts::Items("req.offerIds"),
        none: Quota {
            amount: 5000,
            seconds: 60,
        },
        medium: Quota {
            amount: 10000,
            seconds: 60,
        },
        parallel: None,
    },
    OperationLimit {
        operation: "generateOrderLabel",
        counts: Counts::Requests,
        none: Quota {
            amount: 10000,
            seconds: 3600,
        },
        medium: Quota {
            amount: 10000,
            seconds: 3600,
        },
        parallel: None,
    },
    OperationLimit {
        operation: "generateOrderLabels",
        counts: Counts::Requests,
        none: Quota {
            amount: 10000,
            seconds: 3600,
        },
        medium: Quota {
            amount: 10000,
            seconds: 3600,
        },
        parallel: None,
    },
    OperationLimit {
        operation: "getBusinessOrders",
        counts: Counts::Requests,
        none: Quota {
            amount: 10000,
            seconds: 3600,
        },
        medium: Quota {
            amount: 10000,
            seconds: 3600,
        },
        parallel: Some(6),
    },
    OperationLimit {
        operation: "getBusinessQuarantineOffers",
        counts: Counts::Requests,
        none: Quota {
            amount: 5000,
            seconds: 60,
        },
        medium: Quota {
            amount: 10000,
            seconds: 60,
        },
        parallel: None,
    },
    OperationLimit {
        operation: "getBusinessSettings",
        counts: Counts::Requests,
        none: Quota {
            amount: 100,
            seconds: 3600,
        },
        medium: Quota {
            amount: 100,
            seconds: 3600,
        },
        parallel: None,
    },
    OperationLimit {
        operation: "getCampaign",
        counts: Counts::Requests,
        none: Quota {
            amount: 5000,
            seconds: 3600,
        },
        medium: Quota {
            amount: 5000,
            seconds: 3600,
        },
        parallel: None,
    },
    OperationLimit {
        operation: "getCampaignQuarantineOffers",
        counts: Counts::Requests,
        none: Quota {
            amount: 5000,
            seconds: 60,
        },
        medium: Quota {
            amount: 10000,
            seconds: 60,
        },
        parallel: None,
    },
    OperationLimit {
        operation: "getCampaignSettings",
        counts: Counts::Requests,
        none: Quota {
            amount: 1000,
            seconds: 3600,
        },
        medium: Quota {
            amount: 1000,
            seconds: 3600,
        },
        parallel: None,
    },
    OperationLimit {
        operation: "getCampaigns",
        counts: Counts::Requests,
        none: Quota {
            amount: 1000,
            seconds: 3600,
        },
        medium: Quota {
            amount: 1000,
            seconds: 3600,
        },
        parallel: None,
    },
    OperationLimit {
        operation: "getCategoriesTree",
        counts: Counts::Requests,
        none: Quota {
            amount: 50,
            seconds: 3600,
        },
        medium: Quota {
            amount: 100,
            seconds: 3600,
        },
        parallel: None,
    },
    OperationLimit {
        operation: "getCategoryContentParameters",
        counts: Counts::Requests,
        none: Quota {
            amount: 100,
            seconds: 60,
        },
        medium: Quota {
            amount: 100,
            seconds: 60,
        },
        parallel: None,
    },
    OperationLimit {
        operation: "getDefaultPrices",
        counts: Counts::Items("resp.result.offers"),
        none: Quota {
            amount: 5000,
            seconds: 60,
        },
        medium: Quota {
            amount: 10000,
            seconds: 60,
        },
        parallel: None,
    },
    OperationLimit {
        operation: "getFulfillmentWarehouses",
        counts: Counts::Requests,
        none: Quota {
            amount: 100,
            seconds: 3600,
        },
        medium: Quota {
            amount: 100,
            seconds: 3600,
        },
        parallel: None,
    },
    OperationLimit {
        operation: "getOfferCardsContentStatus",
        counts: Counts::Requests,
        none: Quota {
            amount: 100,
            seconds: 60,
        },
        medium: Quota {
            amount: 600,
            seconds: 60,
        },
        parallel: None,
    },
    OperationLimit {
        operation: "getOfferMappings",
        counts: Counts::Requests,
        none: Quota {
            amount: 100,
            seconds: 60,
        },
        medium: Quota {
            amount: 600,
            seconds: 60,
        },
        parallel: None,
    },
    OperationLimit {
        operation: "getOrderBuyerInfo",
        counts: Counts::Requests,
        none: Quota {
            amount: 3000,
            seconds: 3600,
        },
        medium: Quota {
            amount: 3000,
            seconds: 3600,
        },
        parallel: None,
    },
    OperationLimit {
        operation: "getOrderLabelsData",
        counts: Counts::Requests,
        none: Quota {
            amount: 10000,
            seconds: 3600,
        },
        medium: Quota {
            amount: 10000,
            seconds: 3600,
        },
        parallel: None,
    },
    OperationLimit {
        operation: "getPagedWarehouses",
        counts: Counts::Requests,
        none: Quota {
            amount: 100,
            seconds: 3600,
        },
        medium: Quota {
            amount: 100,
            seconds: 3600,
        },
        parallel: None,
    },
    OperationLimit {
        operation: "getPricesByOfferIds",
        counts: Counts::Items("resp.result.offers"),
        none: Quota {
            amount: 10000,
            seconds: 60,
        },
        medium: Quota {
            amount: 100000,
            seconds: 60,
        },
        parallel: None,
    },
    OperationLimit {
        operation: "getReturn",
        counts: Counts::Requests,
        none: Quota {
            amount: 7000,
            seconds: 3600,
        },
        medium: Quota {
            amount: 7000,
            seconds: 3600,
        },
        parallel: None,
    },
    OperationLimit {
        operation: "getReturnApplication",
        counts: Counts::Requests,
        none: Quota {
            amount: 5000,
            seconds: 3600,
        },
        medium: Quota {
            amount: 5000,
            seconds: 3600,
        },
        parallel: None,
    },
    OperationLimit {
        operation: "getReturnAvailableDecisions",
        counts: Counts::Requests,
        none: Quota {
            amount: 5000,
            seconds: 3600,
        },
        medium: Quota {
            amount: 5000,
            seconds: 3600,
        },
        parallel: None,
    },
    OperationLimit {
        operation: "getReturns",
        counts: Counts::Requests,
        none: Quota {
            amount: 5000,
            seconds: 3600,
        },
        medium: Quota {
            amount: 5000,
            seconds: 3600,
        },
        parallel: None,
    },
    OperationLimit {
        operation: "getStocks",
        counts: Counts::Items("resp.result.warehouses.offers.offerId"),
        none: Quota {
            amount: 100000,
            seconds: 60,
        },
        medium: Quota {
            amount: 100000,
            seconds: 60,
        },
        parallel: None,
    },
    OperationLimit {
        operation: "provideOrderItemIdentifiers",
        counts: Counts::Requests,
        none: Quota {
            amount: 10000,
            seconds: 3600,
        },
        medium: Quota {
            amount: 10000,
            seconds: 3600,
        },
        parallel: None,
    },
    OperationLimit {
        operation: "setOrderBoxLayout",
        counts: Counts::Requests,
        none: Quota {
            amount: 10000,
            seconds: 3600,
        },
        medium: Quota {
            amount: 10000,
            seconds: 3600,
        },
        parallel: None,
    },
    OperationLimit {
        operation: "setOrderDeliveryDate",
        counts: Counts::Requests,
        none: Quota {
            amount: 10000,
            seconds: 3600,
        },
        medium: Quota {
            amount: 10000,
            seconds: 3600,
        },
        parallel: None,
    },
    OperationLimit {
        operation: "setOrderDeliveryTrackCode",
        counts: Counts::Requests,
        none: Quota {
            amount: 10000,
            seconds: 3600,
        },
        medium: Quota {
            amount: 10000,
            seconds: 3600,
        },
        parallel: None,
    },
    OperationLimit {
        operation: "submitReturnDecision",
        counts: Counts::Requests,
        none: Quota {
            amount: 5000,
            seconds: 3600,
        },
        medium: Quota {
            amount: 5000,
            seconds: 3600,
        },
        parallel: None,
    },
    OperationLimit {
        operation: "updateBusinessPrices",
        counts: Counts::Items("req.offers"),
        none: Quota {
            amount: 10000,
            seconds: 60,
        },
        medium: Quota {
            amount: 10000,
            seconds: 60,
        },
        parallel: None,
    },
    OperationLimit {
        operation: "updateOfferContent",
        counts: Counts::Items("req.offersContent"),
        none: Quota {
            amount: 5000,
            seconds: 60,
        },
        medium: Quota {
            amount: 10000,
            seconds: 60,
        },
        parallel: None,
    },
    OperationLimit {
        operation: "updateOfferMappings",
        counts: Counts::Items("req.offerMappings"),
        none: Quota {
            amount: 5000,
            seconds: 60,
        },
        medium: Quota {
            amount: 10000,
            seconds: 60,
        },
        parallel: None,
    },
    OperationLimit {
        operation: "updateOrderItems",
        counts: Counts::Requests,
        none: Quota {
            amount: 10000,
            seconds: 3600,
        },
        medium: Quota {
            amount: 10000,
            seconds: 3600,
        },
        parallel: Some(6),
    },
    OperationLimit {
        operation: "updateOrderStatus",
        counts: Counts::Requests,
        none: Quota {
            amount: 10000,
            seconds: 3600,
        },
        medium: Quota {
            amount: 10000,
            seconds: 3600,
        },
        parallel: None,
    },
    OperationLimit {
        operation: "updateOrderStatuses",
        counts: Counts::Items("resp.result.orders"),
        none: Quota {
            amount: 10000,
            seconds: 3600,
        },
        medium: Quota {
            amount: 10000,
            seconds: 3600,
        },
        parallel: None,
    },
    OperationLimit {
        operation: "updatePrices",
        counts: Counts::Items("req.offers"),
        none: Quota {
            amount: 10000,
            seconds: 60,
        },
        medium: Quota {
            amount: 10000,
            seconds: 60,
        },
        parallel: Some(12),
    },
    OperationLimit {
        operation: "updateStocks",
        counts: Counts::Items("req.skus"),
        none: Quota {
            amount: 100000,
            seconds: 60,
        },
        medium: Quota {
            amount: 100000,
            seconds: 60,
        },
        parallel: None,
    },
];
