//! The `market` facade re-exports every client and market-core's unified layer.
#![allow(clippy::unwrap_used)]

use market::{Capability, Marketplace, MarketplaceKind};

#[test]
fn the_facade_reaches_every_crate() {
    assert_eq!(MarketplaceKind::Ozon.as_str(), "ozon");
    assert!(market::wb::Client::new("token").is_ok());
    assert!(!market::yandex_market::VENDOR.is_empty());
    assert!(!market::megamarket::VENDOR.is_empty());
    assert!(!market::retailcrm::VENDOR.is_empty());
    let ozon = market::ozon::Client::new("1", "key").unwrap();
    assert_eq!(ozon.client_id(), "1");
    let _ = Capability::Stocks;
    fn object_safe(_: Option<&dyn Marketplace>) {}
    object_safe(None);
}
