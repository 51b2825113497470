//! The settings every vendor client shares and the setters the macro gives each builder
//! (issue 12, item 2).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::sync::Arc;
use std::time::Duration;

use market_core::client::ClientSettings;
use market_core::transport::{LimitRegistry, RetryPolicy, Transport, Vendor};
use market_core::{MarketplaceKind, Result};

#[derive(Debug, Clone)]
struct Shop;

impl Vendor for Shop {
    fn kind(&self) -> MarketplaceKind {
        MarketplaceKind::Other("shop".into())
    }
    fn name(&self) -> &'static str {
        "shop"
    }
    fn authorize(&self, _: &mut http::HeaderMap) -> Result<()> {
        Ok(())
    }
}

struct ClientBuilder {
    settings: ClientSettings,
}

impl ClientBuilder {
    market_core::client_settings!();
}

#[test]
fn the_macro_setters_reach_the_settings() {
    let registry = LimitRegistry::new();
    let b = ClientBuilder {
        settings: ClientSettings::new(),
    }
    .base_url("http://127.0.0.1:9/")
    .account("acme")
    .retry(RetryPolicy::never())
    .timeouts(Some(Duration::from_secs(3)), None)
    .limits(Arc::clone(&registry))
    .without_rate_limits();
    let s = &b.settings;
    assert_eq!(s.base_url_override(), Some("http://127.0.0.1:9/"));
    assert_eq!(s.account_label(), Some("acme"));
    assert_eq!(
        s.http_settings().connect_timeout,
        Some(Duration::from_secs(3))
    );
    assert_eq!(s.http_settings().request_timeout, None);
    assert!(!s.rate_limited());
    assert_eq!(s.retry_policy().max_attempts, 1);
    let b = b.settings(ClientSettings::new());
    assert_eq!(b.settings.base_url_override(), None);
    assert!(b.settings.rate_limited());
}

#[test]
fn transports_use_the_override_or_the_default_and_one_per_host() -> Result<()> {
    let t: Transport =
        ClientSettings::new().transport(Shop, "https://shop.example/", "shop-api", "1.0.0")?;
    assert_eq!(t.base_url().as_str(), "https://shop.example/");
    let t = ClientSettings::new()
        .base_url("http://127.0.0.1:8/x/")
        .transport(Shop, "https://shop.example/", "shop-api", "1.0.0")?;
    assert_eq!(t.base_url().as_str(), "http://127.0.0.1:8/x/");
    let ts = ClientSettings::new().transports(
        Shop,
        &["https://a.example/", "https://b.example/"],
        "shop-api",
        "1.0.0",
    )?;
    let hosts: Vec<_> = ts
        .iter()
        .map(|t| t.base_url().as_str().to_owned())
        .collect();
    assert_eq!(hosts, ["https://a.example/", "https://b.example/"]);
    assert!(matches!(
        ClientSettings::new().transport(Shop, "not a url", "shop-api", "1.0.0"),
        Err(market_core::Error::Config(_))
    ));
    Ok(())
}
