//! One module per Ozon API section: the methods, each naming its endpoint and [`Operation`].
//!
//! [`Operation`]: market_core::transport::Operation

pub mod categories;
pub mod fbo;
pub mod fbs;
pub mod labels;
pub mod prices;
pub mod products;
pub mod returns;
pub mod stocks;
pub mod warehouses;

use market_core::{BatchReport, Rejection, RejectionStage};

/// Records one item of an Ozon per-item answer (`updated` and `errors[]` of code and
/// message): accepted when updated without errors, otherwise rejected with Ozon's first code
/// and every message.
pub(crate) fn record_item<'e, K>(
    report: &mut BatchReport<K>,
    key: K,
    updated: bool,
    errors: impl IntoIterator<Item = (&'e str, &'e str)>,
) {
    let errors: Vec<(&str, &str)> = errors.into_iter().collect();
    if updated && errors.is_empty() {
        report.accept(key);
        return;
    }
    let code = errors
        .first()
        .map(|(c, _)| (*c).to_owned())
        .filter(|c| !c.is_empty());
    let message = if errors.is_empty() {
        "not updated".to_owned()
    } else {
        errors
            .iter()
            .map(|(c, m)| {
                if m.is_empty() {
                    (*c).to_owned()
                } else {
                    format!("{c}: {m}")
                }
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    report.rejected.push(Rejection {
        key,
        stage: RejectionStage::Vendor,
        retry_after: None,
        code,
        message,
    });
}
