//! WB's request limits per method group and token type, from the `x-wb-rate-limits` table of
//! each method in WB's spec (the 2026-08 snapshot in `spec/2026-08/`; a test keeps this table
//! equal to it).
//!
//! WB gives each method a limit "per one seller account": period, limit, interval (the period
//! divided by the limit) and burst. Where the spec says the limit is shared ("for all inventory
//! methods", "for all methods in the Content category"), the methods share a group here; a
//! method whose limit is its own ("Request limit per one seller account:") has a group of its
//! own. Some methods give a row per token type (Personal, Service, Base with secret, Base); a
//! row without a type applies to every token. Pick the token type with
//! [`ClientBuilder::token_type`](crate::ClientBuilder::token_type).
//!
//! Some sections add "one request with 4XX response codes is counted as 10 requests": the
//! group's [`GroupLimit::four_xx_cost`] is then 10, and the client charges the extra 9 to the
//! group after such an answer (`Vendor::refusal_cost`), so a run of refused requests is paced
//! instead of running into 429s.

use std::time::Duration;

use market_core::transport::RateLimit;

/// The kind of WB token the client holds: it picks the row of WB's limit table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum TokenType {
    /// A personal token (the default).
    #[default]
    Personal,
    /// A service token.
    Service,
    /// A base token with a secret.
    BaseWithSecret,
    /// A base token (much lower limits on many methods).
    Base,
    /// A test token of WB's sandbox: the [`Personal`](Self::Personal) rows, and at most
    /// [`SANDBOX_PER_SECOND`] request a second for the whole account, since WB's sandbox allows
    /// "a maximum of 1 request per second for all methods" of a category in total.
    Test,
}

impl TokenType {
    /// Every token type.
    pub const ALL: [TokenType; 5] = [
        Self::Personal,
        Self::Service,
        Self::BaseWithSecret,
        Self::Base,
        Self::Test,
    ];

    /// The `type` of the spec's limit row this token reads (`None` for the test token, which
    /// reads the personal row).
    pub fn spec_row(self) -> &'static str {
        match self {
            Self::Personal | Self::Test => "Personal",
            Self::Service => "Service",
            Self::BaseWithSecret => "Base with secret",
            Self::Base => "Base",
        }
    }
}

/// Requests a second WB's sandbox allows per account (for the [`TokenType::Test`] token).
pub const SANDBOX_PER_SECOND: u32 = 1;

/// One row of WB's table: `count` requests per `period`, with a burst.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    /// Requests per period.
    pub count: u32,
    /// The period in seconds.
    pub seconds: u64,
    /// Requests that may be sent at once.
    pub burst: u32,
}

impl Row {
    const fn new(count: u32, seconds: u64, burst: u32) -> Self {
        Self {
            count,
            seconds,
            burst,
        }
    }

    /// As a market-core limit.
    pub fn rate_limit(self) -> RateLimit {
        RateLimit::per(self.count, Duration::from_secs(self.seconds)).with_burst(self.burst)
    }
}

/// The limit of one group of methods.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GroupLimit {
    /// The group's name (the operations' `limit_group`).
    pub group: &'static str,
    /// The row of personal, service and base-with-secret tokens (and of the test token).
    pub full: Row,
    /// The row of base tokens, where WB gives them one of their own.
    pub base: Option<Row>,
    /// What one 4XX answer (other than 429) costs, in requests: 10 where WB says so, else 1.
    pub four_xx_cost: u32,
}

impl GroupLimit {
    /// The row a token type reads.
    pub fn row(&self, token: TokenType) -> Row {
        match token {
            TokenType::Base => self.base.unwrap_or(self.full),
            _ => self.full,
        }
    }
}

/// The names of WB's limit groups.
pub mod groups {
    /// Content methods ("all methods in the Content category": categories, subjects, their
    /// characteristics, countries, TNVED codes, barcodes): 100 a minute, burst 5.
    pub const CONTENT: &str = "content";
    /// Characteristics directories (colours, kinds, seasons, VAT rates): 100 a minute, burst 5;
    /// base tokens 2 an hour.
    pub const CONTENT_CHARCS: &str = "content_charcs";
    /// The cards list: 100 a minute, burst 5 (a limit of its own).
    pub const CARDS_LIST: &str = "cards_list";
    /// Failed cards with their errors: 10 a minute, burst 5.
    pub const CARD_ERRORS: &str = "card_errors";
    /// The card limits: 100 a minute, burst 5; base tokens 2 an hour.
    pub const CARDS_LIMITS: &str = "cards_limits";
    /// Card creation: 10 a minute, burst 5.
    pub const CARDS_UPLOAD: &str = "cards_upload";
    /// Card creation with merge: 10 a minute, burst 5; base tokens 1 in 2 hours.
    pub const CARDS_UPLOAD_ADD: &str = "cards_upload_add";
    /// Card editing: 10 a minute, burst 5.
    pub const CARDS_UPDATE: &str = "cards_update";
    /// Media files: 100 a minute, burst 5; base tokens 2 an hour.
    pub const MEDIA: &str = "media";
    /// Moving cards to the trash: 100 a minute, burst 5; base tokens 2 an hour.
    pub const CARDS_TRASH: &str = "cards_trash";
    /// Recovering cards from the trash: 3 a minute, burst 5; base tokens 2 an hour.
    pub const CARDS_RECOVER: &str = "cards_recover";
    /// Prices and discounts: 10 every 6 s, burst 5; base tokens 4 an hour.
    pub const PRICES: &str = "prices";
    /// Inventory methods (stock update and read, not the deletion): 300 a minute, burst 20.
    pub const STOCKS: &str = "stocks";
    /// Stock deletion: 10 a minute, burst 2.
    pub const STOCKS_DELETE: &str = "stocks_delete";
    /// Seller warehouses and WB offices: 300 a minute, burst 20.
    pub const WAREHOUSES: &str = "warehouses";
    /// FBS orders, supplies, passes: 300 a minute, burst 20.
    pub const FBS: &str = "fbs";
    /// Order cancellation: 100 a minute, burst 20.
    pub const FBS_CANCEL: &str = "fbs_cancel";
    /// Reading and deleting label identifiers (order metadata): 300 a minute, burst 20.
    pub const FBS_META: &str = "fbs_meta";
    /// Adding label identifiers (order metadata): 1000 a minute, burst 20.
    pub const FBS_META_ADD: &str = "fbs_meta_add";
    /// Buyer claims list: 20 a minute, burst 10; base tokens 1 an hour.
    pub const CLAIMS: &str = "claims";
    /// Answering a buyer claim: 20 a minute, burst 10; base tokens 1 an hour.
    pub const CLAIM_ANSWER: &str = "claim_answer";
    /// Statistics orders: 1 a minute, burst 10; base tokens 1 in 3 hours.
    pub const STATISTICS_ORDERS: &str = "statistics_orders";
    /// Statistics sales: 1 a minute, burst 1; base tokens 1 in 2 hours.
    pub const STATISTICS_SALES: &str = "statistics_sales";
    /// The stock report of WB's warehouses (analytics): 3 a minute, burst 1.
    pub const STOCKS_REPORT: &str = "stocks_report";
}

const MIN: u64 = 60;
const HOUR: u64 = 3600;

/// WB's limit table (2026-08).
pub const TABLE: &[GroupLimit] = &[
    GroupLimit {
        group: groups::CONTENT,
        full: Row::new(100, MIN, 5),
        base: None,
        four_xx_cost: 1,
    },
    GroupLimit {
        group: groups::CONTENT_CHARCS,
        full: Row::new(100, MIN, 5),
        base: Some(Row::new(2, HOUR, 1)),
        four_xx_cost: 1,
    },
    GroupLimit {
        group: groups::CARDS_LIST,
        full: Row::new(100, MIN, 5),
        base: None,
        four_xx_cost: 1,
    },
    GroupLimit {
        group: groups::CARD_ERRORS,
        full: Row::new(10, MIN, 5),
        base: None,
        four_xx_cost: 1,
    },
    GroupLimit {
        group: groups::CARDS_LIMITS,
        full: Row::new(100, MIN, 5),
        base: Some(Row::new(2, HOUR, 1)),
        four_xx_cost: 1,
    },
    GroupLimit {
        group: groups::CARDS_UPLOAD,
        full: Row::new(10, MIN, 5),
        base: None,
        four_xx_cost: 1,
    },
    GroupLimit {
        group: groups::CARDS_UPLOAD_ADD,
        full: Row::new(10, MIN, 5),
        base: Some(Row::new(1, 2 * HOUR, 1)),
        four_xx_cost: 1,
    },
    GroupLimit {
        group: groups::CARDS_UPDATE,
        full: Row::new(10, MIN, 5),
        base: None,
        four_xx_cost: 1,
    },
    GroupLimit {
        group: groups::MEDIA,
        full: Row::new(100, MIN, 5),
        base: Some(Row::new(2, HOUR, 1)),
        four_xx_cost: 1,
    },
    GroupLimit {
        group: groups::CARDS_TRASH,
        full: Row::new(100, MIN, 5),
        base: Some(Row::new(2, HOUR, 1)),
        four_xx_cost: 1,
    },
    GroupLimit {
        group: groups::CARDS_RECOVER,
        full: Row::new(3, MIN, 5),
        base: Some(Row::new(2, HOUR, 1)),
        four_xx_cost: 1,
    },
    GroupLimit {
        group: groups::PRICES,
        full: Row::new(10, 6, 5),
        base: Some(Row::new(4, HOUR, 1)),
        four_xx_cost: 1,
    },
    GroupLimit {
        group: groups::STOCKS,
        full: Row::new(300, MIN, 20),
        base: None,
        four_xx_cost: 10,
    },
    GroupLimit {
        group: groups::STOCKS_DELETE,
        full: Row::new(10, MIN, 2),
        base: None,
        four_xx_cost: 1,
    },
    GroupLimit {
        group: groups::WAREHOUSES,
        full: Row::new(300, MIN, 20),
        base: None,
        four_xx_cost: 10,
    },
    GroupLimit {
        group: groups::FBS,
        full: Row::new(300, MIN, 20),
        base: None,
        four_xx_cost: 10,
    },
    GroupLimit {
        group: groups::FBS_CANCEL,
        full: Row::new(100, MIN, 20),
        base: None,
        four_xx_cost: 10,
    },
    GroupLimit {
        group: groups::FBS_META,
        full: Row::new(300, MIN, 20),
        base: None,
        four_xx_cost: 10,
    },
    GroupLimit {
        group: groups::FBS_META_ADD,
        full: Row::new(1000, MIN, 20),
        base: None,
        four_xx_cost: 10,
    },
    GroupLimit {
        group: groups::CLAIMS,
        full: Row::new(20, MIN, 10),
        base: Some(Row::new(1, HOUR, 1)),
        four_xx_cost: 1,
    },
    GroupLimit {
        group: groups::CLAIM_ANSWER,
        full: Row::new(20, MIN, 10),
        base: Some(Row::new(1, HOUR, 1)),
        four_xx_cost: 1,
    },
    GroupLimit {
        group: groups::STATISTICS_ORDERS,
        full: Row::new(1, MIN, 10),
        base: Some(Row::new(1, 3 * HOUR, 1)),
        four_xx_cost: 1,
    },
    GroupLimit {
        group: groups::STATISTICS_SALES,
        full: Row::new(1, MIN, 1),
        base: Some(Row::new(1, 2 * HOUR, 1)),
        four_xx_cost: 1,
    },
    GroupLimit {
        group: groups::STOCKS_REPORT,
        full: Row::new(3, MIN, 1),
        base: None,
        four_xx_cost: 1,
    },
];

/// The table entry of a group: the hand-written [`TABLE`], then the groups of the generated
/// operations ([`crate::generated::limits::GENERATED_GROUPS`]).
pub fn group(name: &str) -> Option<&'static GroupLimit> {
    TABLE
        .iter()
        .chain(crate::generated::limits::GENERATED_GROUPS)
        .find(|g| g.group == name)
}

/// The documented limit of a group for a token type.
pub fn limit(group_name: &str, token: TokenType) -> Option<RateLimit> {
    group(group_name).map(|g| g.row(token).rate_limit())
}

/// Extra requests WB counts for a refused request of a group: 9 for a 4XX answer other than
/// 429 where WB counts one as 10, else 0.
pub fn refusal_cost(group_name: &str, status: http::StatusCode) -> u32 {
    if !status.is_client_error() || status == http::StatusCode::TOO_MANY_REQUESTS {
        return 0;
    }
    group(group_name).map_or(0, |g| g.four_xx_cost.saturating_sub(1))
}

/// The account-wide limit of a token type: WB's sandbox allows one request a second.
pub fn account_limit(token: TokenType) -> Option<RateLimit> {
    (token == TokenType::Test).then(|| RateLimit::per_second(SANDBOX_PER_SECOND).with_burst(1))
}
