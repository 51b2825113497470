//! What every vendor client is built from: [`ClientSettings`] (server, account label, retries,
//! timeouts, rate limits) and [`client_settings!`](crate::client_settings), which gives each
//! vendor crate's `ClientBuilder` the same setters for them.
//!
//! A vendor crate adds only its own few settings (credentials, section hosts, tier) and builds
//! its transports with [`ClientSettings::transport`] or [`ClientSettings::transports`]:
//!
//! ```
//! use market_core::client::ClientSettings;
//! use market_core::transport::{Transport, Vendor};
//! use market_core::{MarketplaceKind, Result};
//!
//! #[derive(Debug, Clone)]
//! struct Shop;
//!
//! impl Vendor for Shop {
//!     fn kind(&self) -> MarketplaceKind {
//!         MarketplaceKind::Other("shop".into())
//!     }
//!     fn name(&self) -> &'static str {
//!         "shop"
//!     }
//!     fn authorize(&self, _: &mut http::HeaderMap) -> Result<()> {
//!         Ok(())
//!     }
//! }
//!
//! /// The shop's client builder: its credentials plus the shared settings.
//! pub struct ClientBuilder {
//!     settings: ClientSettings,
//! }
//!
//! impl ClientBuilder {
//!     market_core::client_settings!();
//!
//!     /// Builds the transport.
//!     pub fn build(self) -> Result<Transport> {
//!         self.settings
//!             .transport(Shop, "https://shop.example/", "shop-api", "0.1.0")
//!     }
//! }
//!
//! # fn main() -> Result<()> {
//! let transport = ClientBuilder { settings: ClientSettings::new() }
//!     .base_url("http://127.0.0.1:8080/")
//!     .timeouts(Some(std::time::Duration::from_secs(5)), None)
//!     .without_rate_limits()
//!     .build()?;
//! assert_eq!(transport.base_url().as_str(), "http://127.0.0.1:8080/");
//! # Ok(()) }
//! ```

use std::sync::Arc;
use std::time::Duration;

use crate::error::Result;
use crate::transport::{HttpSettings, LimitRegistry, RetryPolicy, Transport, Vendor};

/// The settings every vendor client shares. Holds no secret: credentials stay in the vendor
/// crate's builder.
#[derive(Debug, Clone)]
pub struct ClientSettings {
    base_url: Option<String>,
    account: Option<String>,
    retry: RetryPolicy,
    http: HttpSettings,
    limits: Option<Arc<LimitRegistry>>,
    rate_limits: bool,
}

impl Default for ClientSettings {
    fn default() -> Self {
        Self {
            base_url: None,
            account: None,
            retry: RetryPolicy::default(),
            http: HttpSettings::default(),
            limits: None,
            rate_limits: true,
        }
    }
}

impl ClientSettings {
    /// The defaults: the vendor's production server, [`RetryPolicy::default`],
    /// [`HttpSettings::default`] (10 s to connect, 60 s per attempt), the vendor's documented
    /// rate limits on.
    pub fn new() -> Self {
        Self::default()
    }

    /// The defaults, with the server from `<PREFIX>_BASE_URL` and the account label from
    /// `<PREFIX>_ACCOUNT` where they are set (and not blank).
    pub fn from_env(prefix: &str) -> Self {
        let mut settings = Self::new();
        settings.base_url = env_var(&format!("{prefix}_BASE_URL"));
        settings.account = env_var(&format!("{prefix}_ACCOUNT"));
        settings
    }

    /// Aims the client at another server (a proxy, a local emulator) instead of the vendor's.
    pub fn base_url(mut self, url: impl Into<String>) -> Self {
        self.base_url = Some(url.into());
        self
    }

    /// Labels the seller account (never a secret): clients of one account share a
    /// [`LimitRegistry`] by this label, and it names the account in logs.
    pub fn account(mut self, label: impl Into<String>) -> Self {
        self.account = Some(label.into());
        self
    }

    /// Sets the retry policy.
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retry = policy;
        self
    }

    /// Sets the connect timeout and the per-attempt timeout (`None`: no limit).
    pub fn timeouts(mut self, connect: Option<Duration>, request: Option<Duration>) -> Self {
        self.http.connect_timeout = connect;
        self.http.request_timeout = request;
        self
    }

    /// Sets every HTTP setting at once (timeouts, idle pool time, User-Agent).
    pub fn http(mut self, settings: HttpSettings) -> Self {
        self.http = settings;
        self
    }

    /// Shares rate limiters with other clients of the same account, so that together they
    /// stay under the vendor's quota.
    pub fn limits(mut self, registry: Arc<LimitRegistry>) -> Self {
        self.limits = Some(registry);
        self
    }

    /// Turns client-side rate limiting off (the vendor's refusals are still retried).
    pub fn without_rate_limits(mut self) -> Self {
        self.rate_limits = false;
        self
    }

    /// The server set with [`base_url`](Self::base_url), if any.
    pub fn base_url_override(&self) -> Option<&str> {
        self.base_url.as_deref()
    }

    /// The account label set with [`account`](Self::account), if any.
    pub fn account_label(&self) -> Option<&str> {
        self.account.as_deref()
    }

    /// The retry policy.
    pub fn retry_policy(&self) -> &RetryPolicy {
        &self.retry
    }

    /// The HTTP settings.
    pub fn http_settings(&self) -> &HttpSettings {
        &self.http
    }

    /// Whether client-side rate limiting is on.
    pub fn rate_limited(&self) -> bool {
        self.rate_limits
    }

    /// Builds the transport of a vendor with one server: the one set with
    /// [`base_url`](Self::base_url), else `default_base_url`. The User-Agent names the vendor
    /// crate (`crate_name/crate_version market-core/…`).
    pub fn transport(
        &self,
        vendor: impl Vendor + Clone,
        default_base_url: &str,
        crate_name: &str,
        crate_version: &str,
    ) -> Result<Transport> {
        let url = self.base_url.as_deref().unwrap_or(default_base_url);
        let mut transports = self.transports(vendor, &[url], crate_name, crate_version)?;
        match transports.pop() {
            Some(t) => Ok(t),
            None => Err(crate::Error::Config("no transport was built".into())),
        }
    }

    /// Builds one transport per server of a vendor whose API sections live on several hosts
    /// (the URLs are used as given: the vendor crate resolves its own overrides). They share
    /// one connection pool and one [`LimitRegistry`], so a quota counts across them.
    pub fn transports<V: Vendor + Clone>(
        &self,
        vendor: V,
        urls: &[&str],
        crate_name: &str,
        crate_version: &str,
    ) -> Result<Vec<Transport>> {
        let client = self
            .http
            .clone()
            .for_crate(crate_name, crate_version)
            .client()?;
        let limits = self.limits.clone().unwrap_or_default();
        urls.iter()
            .map(|url| {
                let mut b = Transport::builder(vendor.clone(), url)?
                    .retry(self.retry.clone())
                    .reqwest_client(client.clone())
                    .limits(limits.clone());
                if !self.rate_limits {
                    b = b.without_rate_limits();
                }
                b.build()
            })
            .collect()
    }
}

/// An environment variable's value, trimmed; `None` when unset, blank or not Unicode.
pub fn env_var(name: &str) -> Option<String> {
    std::env::var(name)
        .ok()
        .map(|v| v.trim().to_owned())
        .filter(|v| !v.is_empty())
}

/// The setters every vendor crate's `ClientBuilder` has, generated inside its `impl` block
/// from one definition. The builder needs a field `settings: ClientSettings`.
///
/// Generates `base_url`, `account`, `retry`, `timeouts`, `http`, `limits`,
/// `without_rate_limits` (each as on [`ClientSettings`]) and `settings` (replaces them all).
#[macro_export]
macro_rules! client_settings {
    () => {
        /// Aims the client at another server (a proxy, a local emulator) instead of the
        /// vendor's.
        pub fn base_url(mut self, url: impl Into<String>) -> Self {
            self.settings = self.settings.base_url(url);
            self
        }

        /// Labels the seller account (never a secret): clients of one account share rate
        /// limiters by this label, and it names the account in logs.
        pub fn account(mut self, label: impl Into<String>) -> Self {
            self.settings = self.settings.account(label);
            self
        }

        /// Sets the retry policy.
        pub fn retry(mut self, policy: $crate::transport::RetryPolicy) -> Self {
            self.settings = self.settings.retry(policy);
            self
        }

        /// Sets the connect timeout and the per-attempt timeout (`None`: no limit).
        pub fn timeouts(
            mut self,
            connect: Option<::std::time::Duration>,
            request: Option<::std::time::Duration>,
        ) -> Self {
            self.settings = self.settings.timeouts(connect, request);
            self
        }

        /// Sets every HTTP setting at once (timeouts, idle pool time, User-Agent).
        pub fn http(mut self, settings: $crate::transport::HttpSettings) -> Self {
            self.settings = self.settings.http(settings);
            self
        }

        /// Shares rate limiters with other clients of the same account, so that together
        /// they stay under the vendor's quota.
        pub fn limits(
            mut self,
            registry: ::std::sync::Arc<$crate::transport::LimitRegistry>,
        ) -> Self {
            self.settings = self.settings.limits(registry);
            self
        }

        /// Turns client-side rate limiting off (the vendor's refusals are still retried).
        pub fn without_rate_limits(mut self) -> Self {
            self.settings = self.settings.without_rate_limits();
            self
        }

        /// Replaces every shared setting at once.
        pub fn settings(mut self, settings: $crate::client::ClientSettings) -> Self {
            self.settings = settings;
            self
        }
    };
}
