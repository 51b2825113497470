//! Tests of the seller's helpers: kit stock, channel price, stock policy, order import.

// Test fixtures outside `#[test]` functions unwrap too.
#![allow(clippy::unwrap_used)]

use std::collections::HashSet;
use std::str::FromStr;
use std::sync::{Arc, Mutex};

use chrono::{Duration, TimeZone, Utc};
use futures::StreamExt;
use futures::stream::{self, BoxStream};
use market_core::helpers::{
    ChannelPricing, HelperError, ImportKey, ImportReport, InsertOutcome, Kit, KitComponent, Link,
    LinkState, LinkStore, MemoryLinkStore, OrderImporter, OrderSink, Rounding, RoundingMode,
    StockPolicy, channel_price, kit_stock, next_window,
};
use market_core::{
    Capabilities, Capability, Currency, DeliveryScheme, Error, Lifecycle, LocalId, Marketplace,
    MarketplaceKind, OfferId, Order, OrderId, OrderQuery, OrderStatus, Result, StockUpdate,
    TimeWindow, WindowBasis,
};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

// ---------------------------------------------------------------------------------------------
// Kit stock
// ---------------------------------------------------------------------------------------------

#[test]
fn kit_two_balls_one_basket_with_three_balls_five_baskets_is_one() {
    let components = [
        KitComponent::new("ball", 2, 3),
        KitComponent::new("basket", 1, 5),
    ];
    assert_eq!(kit_stock(&components).unwrap(), 1);

    let components = [
        KitComponent::new("ball", 2, 10),
        KitComponent::new("basket", 1, 3),
    ];
    assert_eq!(kit_stock(&components).unwrap(), 3, "the basket limits");
}

#[test]
fn kit_with_a_component_out_of_stock_is_zero() {
    let components = [
        KitComponent::new("ball", 2, 0),
        KitComponent::new("basket", 1, 5),
    ];
    assert_eq!(kit_stock(&components).unwrap(), 0);
    let components = [KitComponent::new("ball", 2, 1)];
    assert_eq!(kit_stock(&components).unwrap(), 0, "less than one kit");
}

#[test]
fn kit_negative_available_counts_as_zero() {
    let components = [
        KitComponent::new("ball", 1, -5),
        KitComponent::new("basket", 1, 5),
    ];
    assert_eq!(kit_stock(&components).unwrap(), 0);
    let components = [KitComponent::new("ball", 1, i64::MIN)];
    assert_eq!(kit_stock(&components).unwrap(), 0);
}

#[test]
fn kit_extreme_counts_do_not_overflow() {
    let components = [KitComponent::new("ball", 1, i64::MAX)];
    assert_eq!(kit_stock(&components).unwrap(), i64::MAX as u64);
    let components = [KitComponent::new("ball", u32::MAX, i64::MAX)];
    assert_eq!(
        kit_stock(&components).unwrap(),
        i64::MAX as u64 / u64::from(u32::MAX)
    );
}

#[test]
fn kit_empty_component_list_is_an_error() {
    assert_eq!(kit_stock(&[]), Err(HelperError::EmptyKit { kit: None }));
    let err = Kit::new("gift-set").stock().unwrap_err();
    assert_eq!(
        err,
        HelperError::EmptyKit {
            kit: Some(OfferId::from("gift-set"))
        }
    );
    assert!(err.to_string().contains("gift-set"), "{err}");
}

#[test]
fn kit_per_kit_zero_is_an_error_naming_the_component() {
    let components = [
        KitComponent::new("ball", 2, 3),
        KitComponent::new("ribbon", 0, 5),
    ];
    let err = kit_stock(&components).unwrap_err();
    assert_eq!(
        err,
        HelperError::ZeroPerKit {
            component: OfferId::from("ribbon")
        }
    );
    assert!(err.to_string().contains("ribbon"), "{err}");
    // It converts into the library error as a validation error about that item.
    let err = Error::from(err);
    assert!(
        matches!(&err, Error::Validation { item: Some(item), .. } if item == "ribbon"),
        "{err:?}"
    );
}

#[test]
fn kit_component_listed_twice_needs_both_quantities() {
    // One ball as a line, another ball as a second line: two balls per kit from one stock.
    let components = [
        KitComponent::new("ball", 1, 3),
        KitComponent::new("basket", 1, 5),
        KitComponent::new("ball", 1, 3),
    ];
    assert_eq!(kit_stock(&components).unwrap(), 1);
}

#[test]
fn kit_struct_stock_matches_function() {
    let kit = Kit::new("gift-set")
        .with_component("ball", 2, 7)
        .with_component("basket", 1, 5);
    assert_eq!(kit.stock().unwrap(), 3);
    assert_eq!(kit.stock().unwrap(), kit_stock(&kit.components).unwrap());
}

fn components_strategy() -> impl Strategy<Value = Vec<KitComponent>> {
    prop::collection::vec(
        (
            prop_oneof![1u32..=20, 1u32..=u32::MAX],
            prop_oneof![-100i64..=1_000, any::<i64>()],
        ),
        1..8,
    )
    .prop_map(|parts| {
        parts
            .into_iter()
            .enumerate()
            .map(|(i, (per_kit, available))| KitComponent::new(format!("c{i}"), per_kit, available))
            .collect()
    })
}

proptest! {
    #[test]
    fn kit_stock_is_the_most_whole_kits(components in components_strategy()) {
        let k = kit_stock(&components).unwrap();
        let fits = |kits: u64, c: &KitComponent| {
            i128::from(kits) * i128::from(c.per_kit) <= i128::from(c.available.max(0))
        };
        for c in &components {
            prop_assert!(fits(k, c), "{k} kits do not fit {c:?}");
        }
        prop_assert!(
            components.iter().any(|c| !fits(k + 1, c)),
            "{} kits would fit every component of {components:?}",
            k + 1
        );
    }
}

// ---------------------------------------------------------------------------------------------
// Channel price
// ---------------------------------------------------------------------------------------------

fn pricing(commission: &str, logistics: &str, rounding: Rounding) -> ChannelPricing {
    ChannelPricing::new(dec(commission))
        .with_logistics(dec(logistics))
        .with_rounding(rounding)
}

#[test]
fn price_worked_example_covers_commission_and_logistics() {
    // 1000 / (1 - 0.2) + 100 = 1350
    let p = pricing("0.2", "100", Rounding::whole_roubles());
    assert_eq!(channel_price(dec("1000"), &p).unwrap(), dec("1350"));
    // 100 / 0.97 = 103.0927..., up to kopecks
    let p = pricing("0.03", "0", Rounding::kopecks());
    assert_eq!(channel_price(dec("100"), &p).unwrap(), dec("103.10"));
    // No commission, no logistics: the base itself.
    let p = ChannelPricing::default();
    assert_eq!(channel_price(dec("99.99"), &p).unwrap(), dec("99.99"));
    assert_eq!(channel_price(dec("0"), &p).unwrap(), dec("0"));
}

#[test]
fn price_floor_above_the_result_wins() {
    let p = pricing("0.2", "100", Rounding::whole_roubles()).with_floor(dec("2000"));
    assert_eq!(channel_price(dec("1000"), &p).unwrap(), dec("2000"));
    // A floor below the result changes nothing.
    let p = p.with_floor(dec("1000"));
    assert_eq!(channel_price(dec("1000"), &p).unwrap(), dec("1350"));
    // A floor that is not a multiple of the step is rounded up to one: never below the
    // floor, still a valid price for the channel.
    let p = p.with_floor(dec("1999.5"));
    assert_eq!(channel_price(dec("1000"), &p).unwrap(), dec("2000"));
    // The floor applies after rounding, also when rounding down.
    let down = Rounding::new(dec("10"), RoundingMode::Down);
    let p = pricing("0", "0", down).with_floor(dec("1000"));
    assert_eq!(channel_price(dec("1005"), &p).unwrap(), dec("1000"));
    let p = pricing("0", "0", down).with_floor(dec("1010"));
    assert_eq!(channel_price(dec("1005"), &p).unwrap(), dec("1010"));
}

#[test]
fn price_rounding_modes_differ() {
    let rub = |mode| Rounding::new(Decimal::ONE, mode);
    // 1000 / 0.85 = 1176.47...: nearest goes down.
    let price = |mode| channel_price(dec("1000"), &pricing("0.15", "0", rub(mode))).unwrap();
    assert_eq!(price(RoundingMode::Up), dec("1177"));
    assert_eq!(price(RoundingMode::Nearest), dec("1176"));
    assert_eq!(price(RoundingMode::Down), dec("1176"));
    // 1000 / 0.7 = 1428.57...: nearest goes up.
    let price = |mode| channel_price(dec("1000"), &pricing("0.3", "0", rub(mode))).unwrap();
    assert_eq!(price(RoundingMode::Up), dec("1429"));
    assert_eq!(price(RoundingMode::Nearest), dec("1429"));
    assert_eq!(price(RoundingMode::Down), dec("1428"));
    // A tie goes up; an exact multiple stays.
    let tens = |mode| Rounding::new(dec("10"), mode);
    assert_eq!(
        tens(RoundingMode::Nearest).round(dec("1235")).unwrap(),
        dec("1240")
    );
    assert_eq!(
        tens(RoundingMode::Nearest).round(dec("1234.99")).unwrap(),
        dec("1230")
    );
    for mode in [RoundingMode::Up, RoundingMode::Nearest, RoundingMode::Down] {
        assert_eq!(tens(mode).round(dec("1230")).unwrap(), dec("1230"));
    }
    // Non-decimal steps.
    let fives = Rounding::new(dec("0.05"), RoundingMode::Up);
    assert_eq!(fives.round(dec("10.01")).unwrap(), dec("10.05"));
    let threes = Rounding::new(dec("3"), RoundingMode::Down);
    assert_eq!(threes.round(dec("10")).unwrap(), dec("9"));
    // Negative values round towards the named direction.
    let rub_down = Rounding::new(Decimal::ONE, RoundingMode::Down);
    assert_eq!(rub_down.round(dec("-1.5")).unwrap(), dec("-2"));
    assert_eq!(
        Rounding::whole_roubles().round(dec("-1.5")).unwrap(),
        dec("-1")
    );
}

#[test]
fn price_rejects_commission_outside_zero_to_one() {
    for c in ["1", "1.5", "-0.1", "100"] {
        let p = pricing(c, "0", Rounding::kopecks());
        assert_eq!(
            channel_price(dec("1000"), &p),
            Err(HelperError::InvalidCommission { commission: dec(c) }),
            "commission {c}"
        );
    }
    // Just below 1 is valid when the result fits.
    let p = pricing("0.99", "0", Rounding::kopecks());
    assert_eq!(channel_price(dec("1"), &p).unwrap(), dec("100"));
}

#[test]
fn price_rejects_negative_inputs_and_bad_step() {
    let p = pricing("0.1", "0", Rounding::kopecks());
    assert_eq!(
        channel_price(dec("-1"), &p),
        Err(HelperError::NegativeBase { base: dec("-1") })
    );
    let p = pricing("0.1", "-5", Rounding::kopecks());
    assert_eq!(
        channel_price(dec("1"), &p),
        Err(HelperError::NegativeLogistics {
            logistics: dec("-5")
        })
    );
    let p = pricing("0.1", "0", Rounding::kopecks()).with_floor(dec("-0.01"));
    assert_eq!(
        channel_price(dec("1"), &p),
        Err(HelperError::NegativeFloor {
            floor: dec("-0.01")
        })
    );
    for step in ["0", "-1"] {
        let p = pricing("0.1", "0", Rounding::new(dec(step), RoundingMode::Up));
        assert_eq!(
            channel_price(dec("1"), &p),
            Err(HelperError::InvalidStep { step: dec(step) })
        );
    }
}

#[test]
fn price_huge_values_are_an_overflow_error_not_a_panic() {
    let overflow = |r: std::result::Result<Decimal, HelperError>| {
        assert!(matches!(r, Err(HelperError::Overflow { .. })), "{r:?}");
    };
    // The division overflows.
    overflow(channel_price(
        Decimal::MAX,
        &pricing("0.5", "0", Rounding::kopecks()),
    ));
    // A commission a hair below 1 makes the division overflow.
    overflow(channel_price(
        dec("1000000000"),
        &pricing("0.9999999999999999999999999999", "0", Rounding::kopecks()),
    ));
    // Adding the logistics overflows.
    overflow(channel_price(
        Decimal::MAX,
        &ChannelPricing::new(Decimal::ZERO)
            .with_logistics(Decimal::MAX)
            .with_rounding(Rounding::whole_roubles()),
    ));
    // Rounding up to tens overflows (MAX ends in 5).
    let tens_up = Rounding::new(Decimal::TEN, RoundingMode::Up);
    overflow(channel_price(Decimal::MAX, &pricing("0", "0", tens_up)));
    overflow(tens_up.round(Decimal::MAX));
    // A value too large for kopecks.
    overflow(channel_price(
        Decimal::MAX,
        &pricing("0", "0", Rounding::kopecks()),
    ));
    // A floor too large to round.
    overflow(channel_price(
        Decimal::ONE,
        &pricing("0", "0", tens_up).with_floor(Decimal::MAX),
    ));
}

fn decimal_in(max_mantissa: i64, max_scale: u32) -> impl Strategy<Value = Decimal> {
    (0..=max_mantissa, 0..=max_scale).prop_map(|(m, s)| Decimal::new(m, s))
}

fn any_decimal() -> impl Strategy<Value = Decimal> {
    (
        any::<u32>(),
        any::<u32>(),
        any::<u32>(),
        any::<bool>(),
        0u32..=28,
    )
        .prop_map(|(lo, mid, hi, neg, scale)| Decimal::from_parts(lo, mid, hi, neg, scale))
}

fn any_wide_decimal() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        any_decimal(),
        (any::<i64>(), 0u32..=28).prop_map(|(m, s)| Decimal::new(m, s)),
        (-1_000_000i64..=1_000_000, 0u32..=6).prop_map(|(m, s)| Decimal::new(m, s)),
        Just(Decimal::MAX),
        Just(Decimal::MIN),
        Just(Decimal::ZERO),
        Just(Decimal::ONE),
    ]
}

fn mode_strategy() -> impl Strategy<Value = RoundingMode> {
    prop_oneof![
        Just(RoundingMode::Up),
        Just(RoundingMode::Nearest),
        Just(RoundingMode::Down)
    ]
}

fn step_strategy() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        prop::sample::select(vec![
            dec("0.01"),
            dec("0.05"),
            dec("0.1"),
            dec("1"),
            dec("5"),
            dec("10"),
            dec("50"),
            dec("100"),
        ]),
        (1i64..=10_000, 0u32..=3).prop_map(|(m, s)| Decimal::new(m, s)),
    ]
}

proptest! {
    #[test]
    fn price_respects_floor_step_and_direction(
        base in decimal_in(1_000_000_000, 4),
        commission in (0i64..=9_999).prop_map(|c| Decimal::new(c, 4)),
        logistics in decimal_in(100_000_000, 2),
        step in step_strategy(),
        mode in mode_strategy(),
        floor in prop::option::of(decimal_in(10_000_000_000, 2)),
    ) {
        let rounding = Rounding::new(step, mode);
        let p = ChannelPricing { commission, logistics, rounding, floor };
        let result = channel_price(base, &p).unwrap();
        let exact = base / (Decimal::ONE - commission) + logistics;
        if let Some(floor) = floor {
            prop_assert!(result >= floor, "{result} below floor {floor}");
        }
        prop_assert_eq!(result % step, Decimal::ZERO, "{} is not a multiple of {}", result, step);
        let floor_applied = floor.is_some_and(|f| result < f + step);
        match mode {
            RoundingMode::Up => {
                prop_assert!(result >= exact, "{result} below exact {exact}");
                if !floor_applied {
                    prop_assert!(result < exact + step, "{result} more than a step above {exact}");
                }
            }
            RoundingMode::Down if !floor_applied => {
                prop_assert!(result <= exact && result > exact - step, "{result} vs {exact}");
            }
            RoundingMode::Nearest if !floor_applied => {
                prop_assert!((result - exact).abs() * Decimal::TWO <= step, "{result} vs {exact}");
            }
            _ => {}
        }
    }

    #[test]
    fn price_never_panics(
        base in any_wide_decimal(),
        commission in prop_oneof![
            any_wide_decimal(),
            (0i64..=10_000).prop_map(|c| Decimal::new(c, 4)),
        ],
        logistics in any_wide_decimal(),
        step in prop_oneof![any_wide_decimal(), step_strategy()],
        mode in mode_strategy(),
        floor in prop::option::of(any_wide_decimal()),
    ) {
        let rounding = Rounding::new(step, mode);
        let p = ChannelPricing { commission, logistics, rounding, floor };
        if let Ok(result) = channel_price(base, &p) {
            prop_assert!(result >= Decimal::ZERO);
            prop_assert_eq!(result.checked_rem(step), Some(Decimal::ZERO));
            if let Some(floor) = floor {
                prop_assert!(result >= floor);
            }
        }
        // Rounding alone, on any value including negative ones.
        if let Ok(rounded) = Rounding::new(step, mode).round(base) {
            prop_assert_eq!(rounded.checked_rem(step), Some(Decimal::ZERO));
            match mode {
                RoundingMode::Up => prop_assert!(rounded >= base),
                RoundingMode::Down => prop_assert!(rounded <= base),
                RoundingMode::Nearest => {}
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Stock policy
// ---------------------------------------------------------------------------------------------

#[test]
fn stock_policy_default_publishes_on_hand() {
    let policy = StockPolicy::default();
    let ball = OfferId::from("ball");
    assert_eq!(policy.publishable(&ball, 7), 7);
    assert_eq!(policy.publishable(&ball, 0), 0);
    assert_eq!(policy.publishable(&ball, -3), 0);
    assert_eq!(policy.publishable(&ball, i64::MIN), 0);
    assert_eq!(policy.publishable(&ball, i64::MAX), i64::MAX);
}

#[test]
fn stock_policy_keeps_the_safety_reserve() {
    let policy = StockPolicy::new().with_safety_reserve(2);
    let ball = OfferId::from("ball");
    assert_eq!(policy.publishable(&ball, 10), 8);
    assert_eq!(policy.publishable(&ball, 2), 0);
    assert_eq!(policy.publishable(&ball, 1), 0, "never negative");
    assert_eq!(policy.publishable(&ball, i64::MIN), 0, "no overflow");
}

#[test]
fn stock_policy_publishes_nothing_below_the_minimum() {
    let policy = StockPolicy::new()
        .with_safety_reserve(2)
        .with_min_to_publish(3);
    let ball = OfferId::from("ball");
    assert_eq!(policy.publishable(&ball, 4), 0, "2 left is below 3");
    assert_eq!(policy.publishable(&ball, 5), 3, "3 left is enough");
    assert_eq!(policy.publishable(&ball, 100), 98);
}

#[test]
fn stock_policy_blocked_offers_publish_zero() {
    let mut policy = StockPolicy::new().with_blocked("recalled");
    let recalled = OfferId::from("recalled");
    assert_eq!(policy.publishable(&recalled, 100), 0);
    assert_eq!(policy.publishable(&OfferId::from("ball"), 100), 100);
    assert!(policy.unblock(&recalled));
    assert_eq!(policy.publishable(&recalled, 100), 100);
    assert!(policy.block("recalled"));
    assert!(policy.is_blocked(&recalled));
}

#[test]
fn stock_policy_apply_maps_quantities_only() {
    let policy = StockPolicy::new()
        .with_safety_reserve(1)
        .with_blocked("recalled");
    let out = policy.apply(vec![
        StockUpdate::new("ball", "w1", 5),
        StockUpdate::new("cap", "w2", -3),
        StockUpdate::new("recalled", "w1", 50),
    ]);
    assert_eq!(
        out,
        vec![
            StockUpdate::new("ball", "w1", 4),
            StockUpdate::new("cap", "w2", 0),
            StockUpdate::new("recalled", "w1", 0),
        ]
    );
}

proptest! {
    #[test]
    fn stock_policy_result_is_between_zero_and_on_hand(
        reserve in any::<u32>(),
        min in 0u32..1_000,
        on_hand in any::<i64>(),
        blocked in any::<bool>(),
    ) {
        let mut policy = StockPolicy::new().with_safety_reserve(reserve).with_min_to_publish(min);
        if blocked {
            policy.block("x");
        }
        let q = policy.publishable(&OfferId::from("x"), on_hand);
        prop_assert!(q >= 0);
        prop_assert!(q <= on_hand.max(0));
        if blocked {
            prop_assert_eq!(q, 0);
        } else if q > 0 {
            prop_assert_eq!(i128::from(q), i128::from(on_hand) - i128::from(reserve));
            prop_assert!(q >= i64::from(min));
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Order import
// ---------------------------------------------------------------------------------------------

fn kind() -> MarketplaceKind {
    MarketplaceKind::Other("fake".into())
}

fn status(lifecycle: Lifecycle, raw: &str) -> OrderStatus {
    OrderStatus::new(lifecycle, raw)
}

fn order(id: &str, status: OrderStatus) -> Order {
    Order {
        marketplace: kind(),
        id: OrderId::from(id),
        parent_id: None,
        scheme: DeliveryScheme::Fbs,
        status,
        created_at: Utc.with_ymd_and_hms(2025, 1, 1, 10, 0, 0).unwrap(),
        updated_at: None,
        ship_by: None,
        warehouse_id: None,
        currency: Currency::Rub,
        lines: vec![],
        raw: serde_json::Value::Null,
    }
}

fn new_order(id: &str) -> Order {
    order(
        id,
        status(Lifecycle::AwaitingPackaging, "awaiting_packaging"),
    )
}

fn window() -> TimeWindow {
    TimeWindow::new(
        Utc.with_ymd_and_hms(2025, 1, 1, 0, 0, 0).unwrap(),
        Utc.with_ymd_and_hms(2025, 1, 2, 0, 0, 0).unwrap(),
    )
    .unwrap()
}

/// One item the fake channel streams.
#[derive(Clone)]
enum Item {
    Order(Box<Order>),
    Fail(&'static str),
}

fn item(id: &str) -> Item {
    Item::Order(Box::new(new_order(id)))
}

/// A channel serving orders from a list the test changes between polls.
#[derive(Default)]
struct FakeMarketplace {
    items: Mutex<Vec<Item>>,
    queries: Mutex<Vec<OrderQuery>>,
}

impl FakeMarketplace {
    fn with_orders(orders: Vec<Order>) -> Self {
        let fake = Self::default();
        fake.set(
            orders
                .into_iter()
                .map(|o| Item::Order(Box::new(o)))
                .collect(),
        );
        fake
    }

    fn set(&self, items: Vec<Item>) {
        *self.items.lock().unwrap() = items;
    }

    fn set_status(&self, id: &str, new: OrderStatus) {
        for item in self.items.lock().unwrap().iter_mut() {
            if let Item::Order(o) = item
                && o.id.as_str() == id
            {
                o.status = new.clone();
            }
        }
    }
}

#[async_trait::async_trait]
impl Marketplace for FakeMarketplace {
    fn kind(&self) -> MarketplaceKind {
        kind()
    }

    fn account(&self) -> &str {
        "test"
    }

    fn capabilities(&self) -> Capabilities {
        Capabilities::of(&[Capability::Orders])
    }

    fn orders(&self, query: OrderQuery) -> BoxStream<'_, Result<Order>> {
        self.queries.lock().unwrap().push(query);
        let items = self.items.lock().unwrap().clone();
        stream::iter(items.into_iter().map(|item| match item {
            Item::Order(o) => Ok(*o),
            Item::Fail(message) => Err(Error::Transport {
                vendor: "fake",
                operation: "orders",
                message: message.into(),
                not_sent: false,
                source: None,
            }),
        }))
        .boxed()
    }
}

/// The seller's system, recording every call.
#[derive(Default)]
struct RecordingSink {
    created: Mutex<Vec<OrderId>>,
    keys: Mutex<Vec<(ImportKey, LocalId)>>,
    changes: Mutex<Vec<(LocalId, OrderId, OrderStatus, OrderStatus)>>,
    fail_create: Mutex<HashSet<OrderId>>,
    fail_status: Mutex<HashSet<OrderId>>,
    /// Yield to other tasks inside `create`, so that concurrent importers interleave.
    yields: bool,
    name: &'static str,
}

impl RecordingSink {
    fn failing_for(&self, id: &str) {
        self.fail_create.lock().unwrap().insert(OrderId::from(id));
    }

    fn created(&self) -> Vec<OrderId> {
        self.created.lock().unwrap().clone()
    }

    fn changes(&self) -> Vec<(LocalId, OrderId, OrderStatus, OrderStatus)> {
        self.changes.lock().unwrap().clone()
    }
}

#[async_trait::async_trait]
impl OrderSink for RecordingSink {
    async fn create(&self, order: &Order, key: &ImportKey) -> Result<LocalId> {
        if self.yields {
            tokio::task::yield_now().await;
        }
        if self.fail_create.lock().unwrap().contains(&order.id) {
            return Err(Error::validation(order.id.as_str(), "erp is down"));
        }
        assert_eq!(key, &ImportKey::new(kind(), order.id.clone()));
        self.created.lock().unwrap().push(order.id.clone());
        let local = LocalId::new(format!("{}-{}", self.name, order.id));
        self.keys.lock().unwrap().push((key.clone(), local.clone()));
        Ok(local)
    }

    async fn find(&self, key: &ImportKey) -> Result<Option<LocalId>> {
        let keys = self.keys.lock().unwrap();
        Ok(keys.iter().find(|(k, _)| k == key).map(|(_, l)| l.clone()))
    }

    async fn status_changed(
        &self,
        local: &LocalId,
        order: &Order,
        previous: &OrderStatus,
    ) -> Result<()> {
        if self.fail_status.lock().unwrap().contains(&order.id) {
            return Err(Error::validation(order.id.as_str(), "erp is down"));
        }
        self.changes.lock().unwrap().push((
            local.clone(),
            order.id.clone(),
            previous.clone(),
            order.status.clone(),
        ));
        Ok(())
    }
}

fn ids(list: &[&str]) -> Vec<OrderId> {
    list.iter().map(|s| OrderId::from(*s)).collect()
}

fn created_ids(report: &ImportReport) -> Vec<OrderId> {
    report.created.iter().map(|(id, _)| id.clone()).collect()
}

#[tokio::test]
async fn import_twice_creates_each_order_once() {
    let channel = FakeMarketplace::with_orders(vec![new_order("A"), new_order("B")]);
    let sink = RecordingSink::default();
    let importer = OrderImporter::new(MemoryLinkStore::new());

    let first = importer.import(&channel, window(), &sink).await.unwrap();
    assert_eq!(created_ids(&first), ids(&["A", "B"]));
    assert_eq!(first.created[0].1, LocalId::from("-A"));
    assert!(first.is_complete());
    assert_eq!(importer.store().len(), 2);

    let second = importer.import(&channel, window(), &sink).await.unwrap();
    assert!(second.created.is_empty(), "{second:?}");
    assert_eq!(second.unchanged, 2);
    assert!(second.status_changed.is_empty());
    assert_eq!(
        sink.created(),
        ids(&["A", "B"]),
        "the sink created each once"
    );

    // A new order in an overlapping window is the only one created.
    channel.set(vec![item("B"), item("C")]);
    let third = importer.import(&channel, window(), &sink).await.unwrap();
    assert_eq!(created_ids(&third), ids(&["C"]));
    assert_eq!(third.unchanged, 1);
    assert_eq!(sink.created(), ids(&["A", "B", "C"]));
}

#[tokio::test]
async fn import_reports_a_status_change_once_with_the_previous_status() {
    let channel = FakeMarketplace::with_orders(vec![new_order("A"), new_order("B")]);
    let sink = RecordingSink::default();
    let importer = OrderImporter::new(MemoryLinkStore::new());
    importer.import(&channel, window(), &sink).await.unwrap();

    let shipped = status(Lifecycle::AwaitingShipment, "awaiting_deliver");
    channel.set_status("B", shipped.clone());
    let report = importer.import(&channel, window(), &sink).await.unwrap();
    assert_eq!(report.status_changed, ids(&["B"]));
    assert_eq!(report.unchanged, 1);
    assert!(report.created.is_empty());
    assert_eq!(
        sink.changes(),
        vec![(
            LocalId::from("-B"),
            OrderId::from("B"),
            status(Lifecycle::AwaitingPackaging, "awaiting_packaging"),
            shipped.clone(),
        )]
    );

    // Polling again reports nothing new.
    let report = importer.import(&channel, window(), &sink).await.unwrap();
    assert!(report.status_changed.is_empty());
    assert_eq!(report.unchanged, 2);
    assert_eq!(sink.changes().len(), 1);

    // A change of the vendor's raw status alone (same lifecycle) is a change too.
    let handed = status(Lifecycle::AwaitingShipment, "awaiting_deliver/handed");
    channel.set_status("B", handed.clone());
    let report = importer.import(&channel, window(), &sink).await.unwrap();
    assert_eq!(report.status_changed, ids(&["B"]));
    let changes = sink.changes();
    assert_eq!(changes.len(), 2);
    assert_eq!(changes[1].2, shipped);
    assert_eq!(changes[1].3, handed);
}

#[tokio::test]
async fn import_retries_a_failed_status_change() {
    let channel = FakeMarketplace::with_orders(vec![new_order("A")]);
    let sink = RecordingSink::default();
    let importer = OrderImporter::new(MemoryLinkStore::new());
    importer.import(&channel, window(), &sink).await.unwrap();

    channel.set_status("A", status(Lifecycle::Cancelled, "cancelled"));
    sink.fail_status.lock().unwrap().insert(OrderId::from("A"));
    let report = importer.import(&channel, window(), &sink).await.unwrap();
    assert_eq!(report.failed.len(), 1);
    assert!(report.status_changed.is_empty());

    sink.fail_status.lock().unwrap().clear();
    let report = importer.import(&channel, window(), &sink).await.unwrap();
    assert_eq!(report.status_changed, ids(&["A"]));
    let changes = sink.changes();
    assert_eq!(changes.len(), 1);
    assert_eq!(
        changes[0].2,
        status(Lifecycle::AwaitingPackaging, "awaiting_packaging")
    );
}

#[tokio::test]
async fn import_records_a_failing_order_goes_on_and_retries_it_next_time() {
    let channel =
        FakeMarketplace::with_orders(vec![new_order("A"), new_order("B"), new_order("C")]);
    let sink = RecordingSink::default();
    sink.failing_for("B");
    let importer = OrderImporter::new(MemoryLinkStore::new());

    let first = importer.import(&channel, window(), &sink).await.unwrap();
    assert_eq!(created_ids(&first), ids(&["A", "C"]));
    assert_eq!(first.failed.len(), 1);
    assert_eq!(first.failed[0].0, OrderId::from("B"));
    assert!(first.failed[0].1.contains("erp is down"), "{first:?}");
    assert!(!first.is_complete());
    assert_eq!(first.seen(), 3);

    sink.fail_create.lock().unwrap().clear();
    let second = importer.import(&channel, window(), &sink).await.unwrap();
    assert_eq!(created_ids(&second), ids(&["B"]));
    assert_eq!(second.unchanged, 2);
    assert!(second.failed.is_empty());
    assert_eq!(sink.created(), ids(&["A", "C", "B"]));
}

#[tokio::test]
async fn import_stream_error_is_recorded_and_what_comes_after_it_still_imported() {
    let channel = FakeMarketplace::default();
    channel.set(vec![
        item("A"),
        item("B"),
        Item::Fail("connection reset"),
        item("C"),
    ]);
    let sink = RecordingSink::default();
    let importer = OrderImporter::new(MemoryLinkStore::new());

    let report = importer.import(&channel, window(), &sink).await.unwrap();
    // The stream went on after its error item: nothing it yielded is dropped.
    assert_eq!(created_ids(&report), ids(&["A", "B", "C"]));
    let stream_error = report.stream_error.as_deref().unwrap();
    assert!(stream_error.contains("connection reset"), "{stream_error}");
    assert!(!report.is_complete(), "the window must be read again");
    assert_eq!(importer.store().len(), 3, "what was created is linked");

    // The stream recovers: nothing is created twice.
    channel.set(vec![item("A"), item("B"), item("C")]);
    let report = importer.import(&channel, window(), &sink).await.unwrap();
    assert!(report.created.is_empty());
    assert_eq!(report.unchanged, 3);
    assert!(report.is_complete());
    assert_eq!(sink.created(), ids(&["A", "B", "C"]));
}

#[tokio::test]
async fn import_asks_for_every_status_and_scheme() {
    let query = OrderImporter::<MemoryLinkStore>::query_for(window());
    assert!(query.statuses.is_empty());
    assert!(query.schemes.is_empty());
    assert_eq!(query.window, window());
    assert_eq!(query.basis, WindowBasis::StatusChanged);

    let channel = FakeMarketplace::with_orders(vec![]);
    let importer = OrderImporter::new(MemoryLinkStore::new());
    importer
        .import(&channel, window(), &RecordingSink::default())
        .await
        .unwrap();
    let queries = channel.queries.lock().unwrap().clone();
    assert_eq!(queries, vec![OrderQuery::changes(window())]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn memory_link_store_concurrent_double_insert_links_once() {
    let store = Arc::new(MemoryLinkStore::new());
    let fresh = status(Lifecycle::AwaitingPackaging, "new");
    for round in 0..50 {
        let external = OrderId::from(format!("order-{round}"));
        let barrier = Arc::new(tokio::sync::Barrier::new(2));
        let tasks: Vec<_> = ["first", "second"]
            .into_iter()
            .map(|name| {
                let (store, barrier, external, fresh) = (
                    store.clone(),
                    barrier.clone(),
                    external.clone(),
                    fresh.clone(),
                );
                tokio::spawn(async move {
                    barrier.wait().await;
                    let link = LinkState::Linked(Link::new(name, fresh));
                    store.insert(&kind(), &external, link).await.unwrap()
                })
            })
            .collect();
        let mut outcomes = Vec::new();
        for task in tasks {
            outcomes.push(task.await.unwrap());
        }
        let inserted = outcomes
            .iter()
            .filter(|o| matches!(o, InsertOutcome::Inserted))
            .count();
        assert_eq!(inserted, 1, "{outcomes:?}");
        let stored = store.get(&kind(), &external).await.unwrap().unwrap();
        let already: Vec<_> = outcomes
            .iter()
            .filter_map(|o| match o {
                InsertOutcome::Exists(state) => Some(state.clone()),
                InsertOutcome::Inserted => None,
            })
            .collect();
        assert_eq!(
            already,
            vec![stored.clone()],
            "the loser sees the winner's link"
        );
    }
    assert_eq!(store.len(), 50);
}

#[tokio::test]
async fn concurrent_importers_create_an_order_once() {
    let store = Arc::new(MemoryLinkStore::new());
    let channel = FakeMarketplace::with_orders(vec![new_order("A")]);
    // Each sink yields inside `create`, so the other importer runs while the first is
    // creating: it finds the claim, asks its own sink, and leaves the order alone.
    let one = RecordingSink {
        yields: true,
        name: "one",
        ..Default::default()
    };
    let two = RecordingSink {
        yields: true,
        name: "two",
        ..Default::default()
    };
    let importer_one = OrderImporter::new(store.clone());
    let importer_two = OrderImporter::new(store.clone());
    let (r1, r2) = tokio::join!(
        importer_one.import(&channel, window(), &one),
        importer_two.import(&channel, window(), &two),
    );
    let (r1, r2) = (r1.unwrap(), r2.unwrap());

    assert_eq!(
        one.created().len() + two.created().len(),
        1,
        "one sink created: {r1:?} {r2:?}"
    );
    assert_eq!(r1.created.len() + r2.created.len(), 1, "{r1:?} {r2:?}");
    assert_eq!(
        r1.in_progress.len() + r2.in_progress.len(),
        1,
        "{r1:?} {r2:?}"
    );
    assert!(r1.duplicates.is_empty() && r2.duplicates.is_empty());
    let (winner, other) = if r1.created.is_empty() {
        (&r2, &r1)
    } else {
        (&r1, &r2)
    };
    assert_eq!(other.in_progress, ids(&["A"]));
    assert!(other.is_complete(), "left to its holder, not failed");
    let stored = store.get(&kind(), &OrderId::from("A")).await.unwrap();
    assert_eq!(
        stored.and_then(|s| s.link().map(|l| l.local_id.clone())),
        Some(winner.created[0].1.clone())
    );
}

#[tokio::test]
async fn replace_changes_only_the_expected_entry() {
    let store = MemoryLinkStore::new();
    let id = OrderId::from("A");
    let new = LinkState::Linked(Link::new("L1", status(Lifecycle::AwaitingPackaging, "new")));
    let cancelled = LinkState::Linked(Link::new("L1", status(Lifecycle::Cancelled, "x")));
    // No entry is not the expected one.
    assert!(
        !store
            .replace(&kind(), &id, &new, cancelled.clone())
            .await
            .unwrap()
    );
    assert!(store.is_empty());

    store.insert(&kind(), &id, new.clone()).await.unwrap();
    assert!(
        !store
            .replace(&kind(), &id, &cancelled, new.clone())
            .await
            .unwrap()
    );
    assert_eq!(store.get(&kind(), &id).await.unwrap(), Some(new.clone()));
    assert!(
        store
            .replace(&kind(), &id, &new, cancelled.clone())
            .await
            .unwrap()
    );
    assert_eq!(store.get(&kind(), &id).await.unwrap(), Some(cancelled));
    // A final order is not open any more.
    assert!(store.open_orders(&kind()).await.unwrap().is_empty());
}

#[test]
fn next_window_starts_an_overlap_before_the_previous_end() {
    let t = |h, m| Utc.with_ymd_and_hms(2025, 1, 1, h, m, 0).unwrap();
    let previous = TimeWindow::new(t(10, 0), t(11, 0)).unwrap();

    let next = next_window(&previous, t(12, 0), Duration::minutes(10));
    assert_eq!((next.since, next.until), (t(10, 50), t(12, 0)));

    // A negative overlap is no overlap: never a gap.
    let next = next_window(&previous, t(12, 0), Duration::minutes(-10));
    assert_eq!((next.since, next.until), (t(11, 0), t(12, 0)));

    // A clock stepped back still yields a non-empty window.
    let next = next_window(&previous, t(9, 0), Duration::minutes(10));
    assert_eq!(next.since, t(10, 50));
    assert!(next.since < next.until);
    let next = next_window(&previous, t(11, 0), Duration::zero());
    assert!(next.since < next.until);
    assert!(TimeWindow::new(next.since, next.until).is_some());
}
