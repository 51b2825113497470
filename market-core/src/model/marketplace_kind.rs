use std::fmt;

use serde::{Deserialize, Serialize};

/// Which channel an object belongs to.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum MarketplaceKind {
    /// Ozon Seller API.
    Ozon,
    /// Wildberries seller APIs.
    Wildberries,
    /// Yandex Market Partner API.
    YandexMarket,
    /// Megamarket (SberMegaMarket) merchant API.
    Megamarket,
    /// RetailCRM API v5 (an order hub rather than a marketplace, treated alike).
    RetailCrm,
    /// Any other channel, by name (a user's own implementation of the trait).
    Other(String),
}

impl MarketplaceKind {
    /// The same short name as a `&'static str` (for errors and logs, which keep a static
    /// vendor name); [`Other`](Self::Other) channels are named `other` here; use
    /// [`as_str`](Self::as_str) for their own name.
    pub const fn name(&self) -> &'static str {
        match self {
            Self::Ozon => "ozon",
            Self::Wildberries => "wildberries",
            Self::YandexMarket => "yandex_market",
            Self::Megamarket => "megamarket",
            Self::RetailCrm => "retailcrm",
            Self::Other(_) => "other",
        }
    }

    /// A short stable name: `ozon`, `wildberries`, `yandex_market`, `megamarket`, `retailcrm`.
    pub fn as_str(&self) -> &str {
        match self {
            Self::Ozon => "ozon",
            Self::Wildberries => "wildberries",
            Self::YandexMarket => "yandex_market",
            Self::Megamarket => "megamarket",
            Self::RetailCrm => "retailcrm",
            Self::Other(name) => name,
        }
    }
}

impl fmt::Display for MarketplaceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
