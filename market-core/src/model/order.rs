use std::fmt;

use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{Currency, MarketplaceKind};
use crate::ids::{OfferId, OrderId, Sku, WarehouseId};

/// Who stores and delivers the goods of an order.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DeliveryScheme {
    /// Fulfilled by the seller, delivered by the marketplace (Ozon FBS/rFBS via Ozon, WB FBS,
    /// Yandex Market FBS, Megamarket FBS).
    Fbs,
    /// Fulfilled by the marketplace from its own warehouse (Ozon FBO, WB FBW).
    Fbo,
    /// Fulfilled by Yandex: Yandex Market's FBO.
    Fby,
    /// Delivered by the seller (Ozon rFBS, WB DBS, Yandex Market DBS, Megamarket DBS).
    Dbs,
    /// Express delivery by the marketplace's courier from the seller (Yandex Market Express,
    /// WB DBW).
    Express,
    /// Picked up by the buyer at the seller's store (WB "Самовывоз", click and collect).
    Pickup,
    /// A scheme this library does not name yet; the vendor's word is kept.
    Other(String),
}

/// The unified lifecycle of an order across channels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lifecycle {
    /// Created but not actionable yet (unpaid, awaiting registration or checks).
    Pending,
    /// The seller must confirm (accept) the order.
    AwaitingConfirmation,
    /// Confirmed; the seller must pack it.
    AwaitingPackaging,
    /// Packed; waiting to be handed over to the carrier.
    AwaitingShipment,
    /// Handed over; on its way to the buyer.
    InDelivery,
    /// Received by the buyer.
    Delivered,
    /// Cancelled by anyone.
    Cancelled,
    /// Returned by the buyer, or not picked up and sent back.
    Returned,
    /// A vendor status this library does not map; see [`OrderStatus::raw`].
    Unknown,
}

impl Lifecycle {
    /// True for the states an order does not leave.
    pub fn is_final(self) -> bool {
        matches!(self, Self::Delivered | Self::Cancelled | Self::Returned)
    }
}

/// An order status: the unified lifecycle and the vendor's own status, kept verbatim.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct OrderStatus {
    /// Where the order is in the lifecycle every channel maps to.
    pub lifecycle: Lifecycle,
    /// The vendor status as sent (`awaiting_packaging`, `PROCESSING/STARTED`, `confirm`, ...).
    pub raw: String,
}

impl OrderStatus {
    /// A status from its unified state and the vendor's word.
    pub fn new(lifecycle: Lifecycle, raw: impl Into<String>) -> Self {
        Self {
            lifecycle,
            raw: raw.into(),
        }
    }
}

impl fmt::Display for OrderStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} ({})", self.lifecycle, self.raw)
    }
}

/// One line of an order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderLine {
    /// The seller's article.
    pub offer_id: OfferId,
    /// The marketplace's product id, where it has one.
    pub sku: Option<Sku>,
    /// The product name as the channel shows it in the order, when it sends one.
    pub name: Option<String>,
    /// Units ordered.
    pub quantity: u32,
    /// The price of one unit the buyer pays, in the order currency.
    pub unit_price: Decimal,
}

/// An order (Ozon posting, WB assembly task, Yandex Market order, Megamarket shipment).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Order {
    /// The channel the order came from.
    pub marketplace: MarketplaceKind,
    /// The marketplace's id of the order (the posting number on Ozon).
    pub id: OrderId,
    /// The buyer-level order this one belongs to, where the vendor splits orders (Ozon's
    /// `order_number`, Megamarket's `orderCode`).
    pub parent_id: Option<String>,
    /// Who fulfils it.
    pub scheme: DeliveryScheme,
    /// Its status.
    pub status: OrderStatus,
    /// When it was created.
    pub created_at: DateTime<Utc>,
    /// When it last changed, if the vendor says.
    pub updated_at: Option<DateTime<Utc>>,
    /// The deadline to hand it over, if the vendor sets one.
    pub ship_by: Option<DateTime<Utc>>,
    /// The seller's warehouse it ships from (`None` for orders the marketplace fulfils, and
    /// where the vendor does not say).
    pub warehouse_id: Option<WarehouseId>,
    /// The currency of every amount in the order.
    pub currency: Currency,
    /// The products ordered, in the order the channel lists them.
    pub lines: Vec<OrderLine>,
    /// The vendor's own record of the order, for anything the unified model does not carry.
    pub raw: serde_json::Value,
}

impl Order {
    /// The sum of the lines (unit price times quantity), or `None` when it does not fit in a
    /// [`Decimal`] (a server's absurd amount, near `Decimal::MAX`): the amounts come from the
    /// vendor, so the sum is computed with checked arithmetic and never panics.
    ///
    /// ```
    /// # use market_core::{Currency, DeliveryScheme, Lifecycle, MarketplaceKind, Order, OrderLine, OrderStatus};
    /// # use rust_decimal::Decimal;
    /// # let line = |price: Decimal, quantity| OrderLine { offer_id: "ball".into(), sku: None, name: None, quantity, unit_price: price };
    /// # let mut order = Order { marketplace: MarketplaceKind::Ozon, id: "1".into(), parent_id: None,
    /// #     scheme: DeliveryScheme::Fbs, status: OrderStatus::new(Lifecycle::Pending, "new"),
    /// #     created_at: chrono::Utc::now(), updated_at: None, ship_by: None, warehouse_id: None,
    /// #     currency: Currency::Rub, lines: vec![line(Decimal::new(1050, 2), 2)], raw: serde_json::Value::Null };
    /// assert_eq!(order.total(), Some(Decimal::new(2100, 2)));
    /// order.lines.push(line(Decimal::MAX, 2));
    /// assert_eq!(order.total(), None);
    /// ```
    pub fn total(&self) -> Option<Decimal> {
        self.lines.iter().try_fold(Decimal::ZERO, |sum, l| {
            l.unit_price
                .checked_mul(Decimal::from(l.quantity))
                .and_then(|amount| sum.checked_add(amount))
        })
    }
}

/// A half-open time interval `[since, until)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeWindow {
    /// Start, inclusive.
    pub since: DateTime<Utc>,
    /// End, exclusive.
    pub until: DateTime<Utc>,
}

impl TimeWindow {
    /// A window; `None` when `since` is not before `until`.
    pub fn new(since: DateTime<Utc>, until: DateTime<Utc>) -> Option<Self> {
        (since < until).then_some(Self { since, until })
    }

    /// The window of the last `duration` up to now.
    ///
    /// Never panics: a duration reaching before the earliest time [`DateTime`] can hold starts
    /// the window there, and a negative duration gives an empty window (`since == until`). See
    /// [`TimeWindow::checked_last`] to be told instead.
    pub fn last(duration: chrono::Duration) -> Self {
        let until = Utc::now();
        let since = if duration <= chrono::Duration::zero() {
            until
        } else {
            until
                .checked_sub_signed(duration)
                .unwrap_or(DateTime::<Utc>::MIN_UTC)
        };
        Self { since, until }
    }

    /// The window of the last `duration` up to now; `None` when `duration` is not above zero
    /// or reaches before the earliest time [`DateTime`] can hold.
    pub fn checked_last(duration: chrono::Duration) -> Option<Self> {
        Self::ending_at(Utc::now(), duration)
    }

    /// The window of `duration` ending at `until`; `None` when `duration` is not above zero or
    /// the start does not fit in a [`DateTime`].
    pub fn ending_at(until: DateTime<Utc>, duration: chrono::Duration) -> Option<Self> {
        let since = until.checked_sub_signed(duration)?;
        Self::new(since, until)
    }
}

/// What the time window of an [`OrderQuery`] filters on.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WindowBasis {
    /// Orders created in the window.
    #[default]
    Created,
    /// Orders whose status last changed in the window (new orders included), so that a poll
    /// sees the cancellation of an order created long before. Channels that can filter so say
    /// [`Capability::OrderChanges`](crate::Capability::OrderChanges); the others filter by
    /// creation, and an importer re-reads their open orders with
    /// [`Marketplace::refresh_orders`](crate::Marketplace::refresh_orders).
    StatusChanged,
}

/// Which orders to stream.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OrderQuery {
    /// The time window, read as `basis` says.
    pub window: TimeWindow,
    /// What the window filters on: creation (the default) or the last status change.
    #[serde(default)]
    pub basis: WindowBasis,
    /// Only these lifecycle states; empty means all, which is what an importer must use so
    /// that an order that moved on between two polls is still seen.
    pub statuses: Vec<Lifecycle>,
    /// Only these schemes; empty means every scheme the client serves.
    pub schemes: Vec<DeliveryScheme>,
}

impl OrderQuery {
    /// All orders of every status and scheme created in the window.
    pub fn window(window: TimeWindow) -> Self {
        Self {
            window,
            basis: WindowBasis::Created,
            statuses: Vec::new(),
            schemes: Vec::new(),
        }
    }

    /// All orders of every status and scheme whose status changed in the window (see
    /// [`WindowBasis::StatusChanged`]): what an incremental poll asks for.
    pub fn changes(window: TimeWindow) -> Self {
        Self {
            basis: WindowBasis::StatusChanged,
            ..Self::window(window)
        }
    }

    /// Restricts to some lifecycle states.
    pub fn with_statuses(mut self, statuses: impl IntoIterator<Item = Lifecycle>) -> Self {
        self.statuses = statuses.into_iter().collect();
        self
    }

    /// Restricts to some delivery schemes.
    pub fn with_schemes(mut self, schemes: impl IntoIterator<Item = DeliveryScheme>) -> Self {
        self.schemes = schemes.into_iter().collect();
        self
    }

    /// True when an order in state `lifecycle` passes the status filter.
    pub fn wants_status(&self, lifecycle: Lifecycle) -> bool {
        self.statuses.is_empty() || self.statuses.contains(&lifecycle)
    }

    /// True when an order of `scheme` passes the scheme filter.
    pub fn wants_scheme(&self, scheme: &DeliveryScheme) -> bool {
        self.schemes.is_empty() || self.schemes.contains(scheme)
    }
}

/// One package (box) of an order when packing, with the lines it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Package {
    /// Lines in this package: offer and units.
    pub items: Vec<(OfferId, u32)>,
}

/// Why the seller cancels an order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CancelReason {
    /// The vendor's reason code, if the caller knows it (Ozon `cancel_reason_id`, Yandex
    /// Market `substatus`); otherwise the client picks its "out of stock" reason.
    pub code: Option<String>,
    /// A free-text comment, where the vendor takes one.
    pub message: Option<String>,
}

impl CancelReason {
    /// The common case: the product is out of stock.
    pub fn out_of_stock() -> Self {
        Self {
            code: None,
            message: Some("out of stock".into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn order(lines: Vec<(Decimal, u32)>) -> Order {
        Order {
            marketplace: MarketplaceKind::Ozon,
            id: OrderId::from("1"),
            parent_id: None,
            scheme: DeliveryScheme::Fbs,
            status: OrderStatus::new(Lifecycle::Pending, "new"),
            created_at: Utc::now(),
            updated_at: None,
            ship_by: None,
            warehouse_id: None,
            currency: Currency::Rub,
            lines: lines
                .into_iter()
                .map(|(unit_price, quantity)| OrderLine {
                    offer_id: OfferId::from("ball"),
                    sku: None,
                    name: None,
                    quantity,
                    unit_price,
                })
                .collect(),
            raw: serde_json::Value::Null,
        }
    }

    #[test]
    fn total_near_decimal_max_is_none_not_a_panic() {
        // One line whose product overflows.
        assert_eq!(order(vec![(Decimal::MAX, 2)]).total(), None);
        assert_eq!(order(vec![(Decimal::MIN, u32::MAX)]).total(), None);
        // Two lines whose sum overflows.
        assert_eq!(
            order(vec![(Decimal::MAX, 1), (Decimal::ONE, 1)]).total(),
            None
        );
        // What fits is summed exactly.
        assert_eq!(order(vec![(Decimal::MAX, 1)]).total(), Some(Decimal::MAX));
        assert_eq!(
            order(vec![(Decimal::MAX, 1), (Decimal::MIN, 1)]).total(),
            Some(Decimal::ZERO)
        );
        assert_eq!(
            order(vec![(Decimal::new(48_050, 2), 2), (Decimal::new(1, 2), 3)]).total(),
            Some(Decimal::new(96_103, 2))
        );
        assert_eq!(order(vec![]).total(), Some(Decimal::ZERO));
    }

    #[test]
    fn windows_of_extreme_durations_never_panic() {
        // Beyond what a DateTime can hold: clamped (last) or refused (checked_last).
        let w = TimeWindow::last(chrono::Duration::MAX);
        assert_eq!(w.since, DateTime::<Utc>::MIN_UTC);
        assert!(w.since < w.until);
        assert_eq!(TimeWindow::checked_last(chrono::Duration::MAX), None);
        assert_eq!(TimeWindow::checked_last(chrono::Duration::MIN), None);
        // A negative or zero duration: an empty window, not an inverted one.
        let w = TimeWindow::last(chrono::Duration::MIN);
        assert_eq!(w.since, w.until);
        let w = TimeWindow::last(chrono::Duration::seconds(-5));
        assert_eq!(w.since, w.until);
        assert_eq!(TimeWindow::checked_last(chrono::Duration::zero()), None);
        // The earliest and latest representable times.
        assert_eq!(
            TimeWindow::ending_at(DateTime::<Utc>::MIN_UTC, chrono::Duration::seconds(1)),
            None
        );
        let end = DateTime::<Utc>::MAX_UTC;
        let w = TimeWindow::ending_at(end, chrono::Duration::days(1)).unwrap();
        assert_eq!(w.until, end);
        assert_eq!(w.until - w.since, chrono::Duration::days(1));
        // The ordinary case.
        let until = Utc.with_ymd_and_hms(2024, 5, 1, 12, 0, 0).unwrap();
        let w = TimeWindow::ending_at(until, chrono::Duration::hours(1)).unwrap();
        assert_eq!(w.since, Utc.with_ymd_and_hms(2024, 5, 1, 11, 0, 0).unwrap());
        let w = TimeWindow::checked_last(chrono::Duration::hours(1)).unwrap();
        assert_eq!(w.until - w.since, chrono::Duration::hours(1));
    }
}
