//! The account state of the emulator: the fake business, its catalogue, orders and returns,
//! generated from a seed.

use super::*;

// ---------------------------------------------------------------------------------------------
// A small seeded generator: SplitMix64.
// ---------------------------------------------------------------------------------------------

pub(super) type Rng = market_core::sandbox::SeededRng;

// ---------------------------------------------------------------------------------------------
// The catalogue's fixed data.
// ---------------------------------------------------------------------------------------------

/// The category tree: id, parent id (0 for the root), Russian name, English name.
pub(super) const CATEGORIES: &[(i64, i64, &str, &str)] = &[
    (90401, 0, "Все товары", "All goods"),
    (198118, 90401, "Электроника", "Electronics"),
    (91491, 198118, "Мобильные телефоны", "Mobile phones"),
    (
        90555,
        198118,
        "Наушники и Bluetooth-гарнитуры",
        "Headphones",
    ),
    (90666, 90401, "Дом и сад", "Home and garden"),
    (90667, 90666, "Посуда", "Tableware"),
    (10785221, 90667, "Кружки и чашки", "Mugs and cups"),
    (13360751, 90667, "Термосы и термокружки", "Vacuum flasks"),
    (
        7877999,
        90401,
        "Одежда, обувь и аксессуары",
        "Clothes and accessories",
    ),
    (7812157, 7877999, "Футболки", "T-shirts"),
    (7812186, 7877999, "Рюкзаки", "Backpacks"),
];

/// The leaf categories offers are seeded in, with the product name used.
pub(super) const PRODUCTS: &[(i64, &str)] = &[
    (91491, "Смартфон"),
    (90555, "Наушники беспроводные"),
    (10785221, "Кружка керамическая"),
    (13360751, "Термос стальной"),
    (7812157, "Футболка хлопковая"),
    (7812186, "Рюкзак городской"),
];

/// The colour parameter's listed values: value id, text.
pub(super) const COLOURS: &[(i64, &str)] = &[
    (14896254, "черный"),
    (14898056, "белый"),
    (14897638, "синий"),
    (14898020, "красный"),
    (14896295, "зеленый"),
    (14898005, "серый"),
];
pub(super) const BRANDS: &[&str] = &["Северный ветер", "Домашний уют", "Urban Line", "Техноряд"];
pub(super) const BUYERS: &[(&str, &str)] = &[
    ("Иванов", "Иван"),
    ("Петрова", "Анна"),
    ("Сидоров", "Павел"),
    ("Кузнецова", "Мария"),
    ("Смирнов", "Олег"),
];
pub(super) const CITIES: &[(i64, &str, &str)] = &[
    (213, "Москва", "Тверская"),
    (2, "Санкт-Петербург", "Невский проспект"),
    (54, "Екатеринбург", "Ленина"),
    (65, "Новосибирск", "Красный проспект"),
    (43, "Казань", "Баумана"),
];

/// The parameter ids every leaf category has.
pub(super) const COLOUR_PARAMETER: i64 = 14871214;
pub(super) const MATERIAL_PARAMETER: i64 = 15341921;
pub(super) const WEIGHT_PARAMETER: i64 = 7351771;
pub(super) const WATERPROOF_PARAMETER: i64 = 27142893;
/// The unit of the weight parameter (grams).
pub(super) const GRAM_UNIT: i64 = 5;

pub(super) fn category_name(id: CategoryId) -> Option<&'static str> {
    CATEGORIES.iter().find(|c| c.0 == id.0).map(|c| c.2)
}

pub(super) fn is_leaf(id: CategoryId) -> bool {
    CATEGORIES.iter().any(|c| c.0 == id.0) && !CATEGORIES.iter().any(|c| c.1 == id.0)
}

/// The category tree from `root` down, names in `language`.
pub(super) fn category_tree(root: i64, english: bool) -> Category {
    let name = CATEGORIES
        .iter()
        .find(|c| c.0 == root)
        .map(|c| if english { c.3 } else { c.2 })
        .unwrap_or_default();
    Category {
        id: CategoryId(root),
        name: name.to_owned(),
        children: CATEGORIES
            .iter()
            .filter(|c| c.1 == root)
            .map(|c| category_tree(c.0, english))
            .collect(),
    }
}

/// The parameters of every leaf category.
pub(super) fn category_parameters() -> Vec<CategoryParameter> {
    let param = |id: i64, name: &str, kind: ParameterType| CategoryParameter {
        id: ParameterId(id),
        name: Some(name.to_owned()),
        kind,
        unit: None,
        description: None,
        recommendation_types: Vec::new(),
        required: false,
        filtering: false,
        distinctive: false,
        multivalue: false,
        allow_custom_values: false,
        values: Vec::new(),
        constraints: None,
        value_restrictions: Vec::new(),
    };
    vec![
        CategoryParameter {
            required: true,
            filtering: true,
            distinctive: true,
            allow_custom_values: true,
            values: COLOURS
                .iter()
                .map(|(id, v)| ParameterValueOption {
                    id: *id,
                    value: (*v).to_owned(),
                    description: None,
                })
                .collect(),
            description: Some("Основной цвет товара.".into()),
            ..param(COLOUR_PARAMETER, "Цвет товара", ParameterType::Enum)
        },
        CategoryParameter {
            constraints: Some(ParameterValueConstraints {
                max_length: Some(100),
                ..ParameterValueConstraints::default()
            }),
            ..param(MATERIAL_PARAMETER, "Материал", ParameterType::Text)
        },
        CategoryParameter {
            unit: Some(ParameterUnits {
                default_unit_id: GRAM_UNIT,
                units: vec![
                    Unit {
                        id: GRAM_UNIT,
                        name: "г".into(),
                        full_name: "грамм".into(),
                    },
                    Unit {
                        id: 6,
                        name: "кг".into(),
                        full_name: "килограмм".into(),
                    },
                ],
            }),
            constraints: Some(ParameterValueConstraints {
                min_value: Some(0.1),
                max_value: Some(100_000.0),
                ..ParameterValueConstraints::default()
            }),
            filtering: true,
            ..param(WEIGHT_PARAMETER, "Вес товара", ParameterType::Numeric)
        },
        param(
            WATERPROOF_PARAMETER,
            "Водонепроницаемость",
            ParameterType::Boolean,
        ),
    ]
}

// ---------------------------------------------------------------------------------------------
// The state of the fake business.
// ---------------------------------------------------------------------------------------------

#[derive(Debug, Clone)]
pub(super) struct PriceRec {
    pub(super) value: Decimal,
    pub(super) currency: CurrencyType,
    pub(super) discount_base: Option<Decimal>,
    pub(super) minimum_for_bestseller: Option<Decimal>,
    pub(super) updated_at: DateTime<Utc>,
}

/// Where an offer's card stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CardState {
    /// Bound to a card the seller can add to.
    Ready,
    /// Being processed; the next read shows it as processing and finishes it.
    Processing,
    /// Shown as processing once; finished on the next look.
    Shown,
}

#[derive(Debug, Clone)]
pub(super) struct OfferRec {
    pub(super) offer_id: String,
    pub(super) name: Option<String>,
    pub(super) category: Option<CategoryId>,
    pub(super) vendor: Option<String>,
    pub(super) vendor_code: Option<String>,
    pub(super) description: Option<String>,
    pub(super) pictures: Vec<String>,
    pub(super) barcodes: Vec<String>,
    pub(super) tags: Vec<String>,
    pub(super) parameter_values: Vec<ParameterValue>,
    pub(super) weight_dimensions: Option<WeightDimensions>,
    pub(super) price: Option<PriceRec>,
    /// The campaign's available stock and when it was set.
    pub(super) stock: Option<(i64, DateTime<Utc>)>,
    pub(super) market_sku: Option<MarketSku>,
    pub(super) card: CardState,
    /// Whether a card existed before the current processing.
    pub(super) had_card: bool,
    pub(super) archived: bool,
}

impl OfferRec {
    /// The fields a new offer needs and lacks.
    pub(super) fn missing(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        if self.name.as_deref().is_none_or(|n| n.trim().is_empty()) {
            out.push("name");
        }
        if self.category.is_none() {
            out.push("marketCategoryId");
        }
        if self.pictures.is_empty() {
            out.push("pictures");
        }
        if self.vendor.as_deref().is_none_or(|v| v.trim().is_empty()) {
            out.push("vendor");
        }
        if self
            .description
            .as_deref()
            .is_none_or(|d| d.trim().is_empty())
        {
            out.push("description");
        }
        out
    }

    pub(super) fn card_status(&self) -> OfferCardStatus {
        match self.card {
            CardState::Processing | CardState::Shown if self.had_card => {
                OfferCardStatus::HasCardCanUpdateProcessing
            }
            CardState::Processing | CardState::Shown => OfferCardStatus::NoCardProcessing,
            CardState::Ready if self.market_sku.is_some() => OfferCardStatus::HasCardCanUpdate,
            CardState::Ready => OfferCardStatus::NoCardNeedContent,
        }
    }

    /// A read is about to look at the card: a card shown as processing before is finished.
    pub(super) fn settle(&mut self) {
        if self.card == CardState::Shown {
            self.finish_card();
        }
    }

    /// A read showed the card: a card being processed is finished on the next read.
    pub(super) fn shown(&mut self) {
        if self.card == CardState::Processing {
            self.card = CardState::Shown;
        }
    }

    /// Ends the processing: a card when nothing required is missing.
    pub(super) fn finish_card(&mut self) {
        if self.card == CardState::Ready {
            return;
        }
        self.card = CardState::Ready;
        if self.market_sku.is_none() && self.missing().is_empty() {
            self.market_sku = Some(market_sku_of(&self.offer_id));
        }
        if self.market_sku.is_some() {
            self.had_card = true;
        }
    }
}

/// A stable card id for an offer id.
pub(super) fn market_sku_of(offer_id: &str) -> MarketSku {
    let mut h: u64 = 1_469_598_103_934_665_603;
    for b in offer_id.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(1_099_511_628_211);
    }
    MarketSku(100_000_000_000 + (h % 900_000_000_000) as i64)
}

#[derive(Debug, Clone)]
pub(super) struct ItemRec {
    pub(super) id: OrderItemId,
    pub(super) offer_id: String,
    pub(super) name: String,
    pub(super) count: i64,
    /// The price of one unit, roubles.
    pub(super) price: Decimal,
}

#[derive(Debug, Clone)]
pub(super) struct BoxRec {
    pub(super) id: BoxId,
    pub(super) items: Vec<OrderBoxItem>,
}

/// Where a seeded order stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Phase {
    Started,
    ReadyToShip,
    Delivery,
    Delivered,
    CancelledByBuyer,
    CancelledByShop,
    Returned,
}

#[derive(Debug, Clone)]
pub(super) struct OrderRec {
    pub(super) id: OrderId,
    pub(super) campaign: CampaignId,
    pub(super) created_at: DateTime<Utc>,
    pub(super) updated_at: DateTime<Utc>,
    pub(super) status: OrderStatus,
    pub(super) substatus: OrderSubstatus,
    pub(super) fake: bool,
    pub(super) items: Vec<ItemRec>,
    pub(super) shipment: ShipmentId,
    pub(super) shipment_date: NaiveDate,
    pub(super) boxes: Vec<BoxRec>,
    pub(super) delivered_on: Option<NaiveDate>,
    pub(super) buyer: usize,
    pub(super) city: usize,
}

impl OrderRec {
    pub(super) fn total(&self) -> Decimal {
        self.items
            .iter()
            .map(|i| i.price.saturating_mul(Decimal::from(i.count)))
            .fold(Decimal::ZERO, Decimal::saturating_add)
    }

    pub(super) fn processing(&self) -> bool {
        self.status == OrderStatus::Processing
    }
}

#[derive(Debug, Clone)]
pub(super) struct ReturnRec {
    pub(super) id: ReturnId,
    pub(super) order: OrderId,
    pub(super) created_at: DateTime<Utc>,
    pub(super) updated_at: DateTime<Utc>,
    pub(super) refund: RefundStatus,
    pub(super) shipment: ReturnShipmentStatus,
    pub(super) kind: ReturnType,
    /// Offer id, count, market SKU, unit price.
    pub(super) items: Vec<(String, i64, Option<MarketSku>, Decimal)>,
}

impl ReturnRec {
    pub(super) fn amount(&self) -> Decimal {
        self.items
            .iter()
            .map(|(_, n, _, p)| p.saturating_mul(Decimal::from(*n)))
            .fold(Decimal::ZERO, Decimal::saturating_add)
    }
}

#[derive(Debug)]
pub(super) struct State {
    pub(super) rng: Rng,
    pub(super) base_url: String,
    pub(super) offers: Vec<OfferRec>,
    pub(super) orders: Vec<OrderRec>,
    pub(super) returns: Vec<ReturnRec>,
    pub(super) next_order: i64,
    pub(super) next_item: i64,
    pub(super) next_shipment: i64,
    pub(super) next_box: i64,
    pub(super) next_return: i64,
    pub(super) new_orders_per_poll: usize,
}

pub(super) use crate::marketplace::moscow_day;

/// Truncates a time to whole seconds.
pub(super) fn seconds(t: DateTime<Utc>) -> DateTime<Utc> {
    DateTime::from_timestamp(t.timestamp(), 0).unwrap_or(t)
}

impl State {
    pub(super) fn generate(config: &SandboxConfig, now: DateTime<Utc>) -> Self {
        let mut rng = Rng::new(config.seed);
        let mut st = State {
            next_order: 48_000_000 + rng.below(2_000_000) as i64,
            next_item: 160_000_000 + rng.below(10_000_000) as i64,
            next_shipment: 9_000_000 + rng.below(1_000_000) as i64,
            next_box: 700_000_000 + rng.below(10_000_000) as i64,
            next_return: 3_100_000 + rng.below(100_000) as i64,
            rng,
            base_url: String::new(),
            offers: Vec::new(),
            orders: Vec::new(),
            returns: Vec::new(),
            new_orders_per_poll: config.new_orders_per_poll,
        };
        let listed_since = now - TimeDelta::days(60);
        for i in 1..=config.offers {
            st.seed_offer(i, listed_since);
        }
        // Orders oldest first, so that ids grow with time as Yandex Market's do.
        let history = HISTORY_DAYS * 86_400;
        let mut ages: Vec<i64> = (0..config.orders)
            .map(|_| 120 + st.rng.below(history as u64) as i64)
            .collect();
        ages.sort_unstable_by(|a, b| b.cmp(a));
        for age in ages {
            let phase = st.seeded_phase(age);
            st.add_order(now - TimeDelta::seconds(age), phase, false);
        }
        for _ in 0..config.fake_orders {
            let age = 60 + st.rng.below(86_400) as i64;
            st.add_order(now - TimeDelta::seconds(age), Phase::Started, true);
        }
        st.orders.sort_by_key(|o| o.id);
        st.seed_returns(now);
        st
    }

    pub(super) fn seed_offer(&mut self, i: usize, listed_since: DateTime<Utc>) {
        let rng = &mut self.rng;
        let (category, product) = rng.pick(PRODUCTS).copied().unwrap_or((91491, "Смартфон"));
        let (colour_id, colour) = rng.pick(COLOURS).copied().unwrap_or((14896254, "черный"));
        let brand = rng.pick(BRANDS).copied().unwrap_or("Urban Line");
        let value = if i.is_multiple_of(3) {
            Decimal::from(rng.range(3, 300) * 100 - 10)
        } else {
            Decimal::new((rng.range(3, 300) * 10_000 - 1) as i64, 2)
        };
        let discount_base = (i.is_multiple_of(4)).then(|| (value * Decimal::new(12, 1)).round());
        let stock = rng.range(0, 50) as i64;
        let grams = rng.range(100, 2500);
        let offer_id = format!("SKU-{i:04}");
        let set_at = listed_since + TimeDelta::minutes(i as i64 * 37);
        let barcode = format!("46{:011}", rng.below(100_000_000_000));
        let offer = OfferRec {
            name: Some(format!("{product} {brand}, {colour}")),
            category: Some(CategoryId(category)),
            vendor: Some(brand.to_owned()),
            vendor_code: Some(format!("{}-{i:03}", brand.len())),
            description: Some(format!("{product} от бренда {brand}, цвет {colour}.")),
            pictures: vec![format!(
                "https://avatars.mds.yandex.net/get-mpic/sandbox/{offer_id}/orig"
            )],
            barcodes: vec![barcode],
            tags: if i.is_multiple_of(5) {
                vec!["новинка".into()]
            } else {
                Vec::new()
            },
            parameter_values: vec![
                ParameterValue {
                    parameter_id: ParameterId(COLOUR_PARAMETER),
                    value_id: Some(colour_id),
                    value: Some(colour.to_owned()),
                    ..ParameterValue::default()
                },
                ParameterValue {
                    parameter_id: ParameterId(WEIGHT_PARAMETER),
                    unit_id: Some(GRAM_UNIT),
                    value: Some(grams.to_string()),
                    ..ParameterValue::default()
                },
            ],
            weight_dimensions: Some(WeightDimensions {
                length: Decimal::from(rng.range(10, 60)),
                width: Decimal::from(rng.range(5, 40)),
                height: Decimal::from(rng.range(2, 30)),
                weight: Decimal::new(grams as i64, 3),
            }),
            price: Some(PriceRec {
                value,
                currency: CurrencyType::Rur,
                discount_base,
                minimum_for_bestseller: None,
                updated_at: seconds(set_at),
            }),
            stock: Some((stock, seconds(set_at))),
            market_sku: Some(market_sku_of(&offer_id)),
            card: CardState::Ready,
            had_card: true,
            archived: false,
            offer_id,
        };
        self.offers.push(offer);
    }

    /// A phase for an order created `age` seconds ago: recent ones are being processed, older
    /// ones are in delivery or delivered, some are cancelled.
    pub(super) fn seeded_phase(&mut self, age: i64) -> Phase {
        let roll = self.rng.f64();
        let day = 86_400;
        if age < day {
            match roll {
                r if r < 0.55 => Phase::Started,
                r if r < 0.8 => Phase::ReadyToShip,
                r if r < 0.92 => Phase::CancelledByBuyer,
                _ => Phase::CancelledByShop,
            }
        } else if age < 3 * day {
            match roll {
                r if r < 0.1 => Phase::ReadyToShip,
                r if r < 0.5 => Phase::Delivery,
                r if r < 0.9 => Phase::Delivered,
                _ => Phase::CancelledByBuyer,
            }
        } else {
            match roll {
                r if r < 0.78 => Phase::Delivered,
                r if r < 0.88 => Phase::Returned,
                _ => Phase::CancelledByBuyer,
            }
        }
    }

    /// Adds an order created at `at` in `phase`; `None` when the catalogue is empty.
    pub(super) fn add_order(
        &mut self,
        at: DateTime<Utc>,
        phase: Phase,
        fake: bool,
    ) -> Option<OrderId> {
        if self.offers.is_empty() {
            return None;
        }
        let lines = self.rng.range(1, 3) as usize;
        let mut picked: Vec<usize> = Vec::new();
        for _ in 0..lines {
            let i = self.rng.index(self.offers.len());
            if !picked.contains(&i) {
                picked.push(i);
            }
        }
        let mut items = Vec::new();
        for i in picked {
            let count = self.rng.range(1, 2) as i64;
            let Some(offer) = self.offers.get(i) else {
                continue;
            };
            let price = offer.price.as_ref().map_or(Decimal::from(990), |p| p.value);
            self.next_item += 1 + self.rng.below(3) as i64;
            items.push(ItemRec {
                id: OrderItemId(self.next_item),
                offer_id: offer.offer_id.clone(),
                name: offer.name.clone().unwrap_or_else(|| offer.offer_id.clone()),
                count,
                price,
            });
        }
        self.next_order += 1 + self.rng.below(5) as i64;
        self.next_shipment += 1 + self.rng.below(3) as i64;
        let (status, substatus) = match phase {
            Phase::Started => (OrderStatus::Processing, OrderSubstatus::Started),
            Phase::ReadyToShip => (OrderStatus::Processing, OrderSubstatus::ReadyToShip),
            Phase::Delivery => (
                OrderStatus::Delivery,
                OrderSubstatus::DeliveryServiceReceived,
            ),
            Phase::Delivered => (
                OrderStatus::Delivered,
                OrderSubstatus::DeliveryServiceDelivered,
            ),
            Phase::CancelledByBuyer => (OrderStatus::Cancelled, OrderSubstatus::UserChangedMind),
            Phase::CancelledByShop => (OrderStatus::Cancelled, OrderSubstatus::ShopFailed),
            Phase::Returned => (
                OrderStatus::Returned,
                OrderSubstatus::DeliveryServiceDelivered,
            ),
        };
        let now = Utc::now();
        let later = |hours: i64| seconds((at + TimeDelta::hours(hours)).min(now));
        let updated_at = match phase {
            Phase::Started => seconds(at),
            Phase::ReadyToShip => later(3),
            Phase::Delivery => later(20),
            Phase::Delivered | Phase::Returned => later(50),
            Phase::CancelledByBuyer | Phase::CancelledByShop => later(2),
        };
        let delivered_on =
            matches!(phase, Phase::Delivered | Phase::Returned).then(|| moscow_day(updated_at));
        let buyer = self.rng.index(BUYERS.len());
        let city = self.rng.index(CITIES.len());
        let mut order = OrderRec {
            id: OrderId(self.next_order),
            campaign: SANDBOX_CAMPAIGN_ID,
            created_at: seconds(at),
            updated_at,
            status,
            substatus,
            fake,
            items,
            shipment: ShipmentId(self.next_shipment),
            shipment_date: moscow_day(at + TimeDelta::days(1)),
            boxes: Vec::new(),
            delivered_on,
            buyer,
            city,
        };
        if !matches!(
            phase,
            Phase::Started | Phase::CancelledByBuyer | Phase::CancelledByShop
        ) {
            self.lay_out(&mut order);
        }
        let id = order.id;
        self.orders.push(order);
        Some(id)
    }

    /// Lays an order out in one box when it has no layout.
    pub(super) fn lay_out(&mut self, order: &mut OrderRec) {
        if !order.boxes.is_empty() {
            return;
        }
        self.next_box += 1;
        order.boxes.push(BoxRec {
            id: BoxId(self.next_box),
            items: order
                .items
                .iter()
                .map(|i| OrderBoxItem::whole(i.id, i.count.clamp(1, i64::from(i32::MAX)) as i32))
                .collect(),
        });
    }

    /// A few returns of delivered orders: the newest delivered orders, every third one.
    pub(super) fn seed_returns(&mut self, now: DateTime<Utc>) {
        let delivered: Vec<usize> = (0..self.orders.len())
            .rev()
            .filter(|i| {
                self.orders.get(*i).is_some_and(|o| {
                    !o.fake
                        && matches!(o.status, OrderStatus::Delivered | OrderStatus::Returned)
                        && now - o.updated_at > TimeDelta::hours(12)
                })
            })
            .collect();
        let kinds = [
            (RefundStatus::Refunded, ReturnShipmentStatus::Picked),
            (
                RefundStatus::WaitingForDecision,
                ReturnShipmentStatus::ReadyForPickup,
            ),
            (RefundStatus::StartedByUser, ReturnShipmentStatus::Created),
            (
                RefundStatus::RefundInProgress,
                ReturnShipmentStatus::InTransit,
            ),
            (RefundStatus::Refunded, ReturnShipmentStatus::Picked),
        ];
        for (n, i) in delivered
            .into_iter()
            .step_by(3)
            .take(kinds.len())
            .enumerate()
        {
            let Some(order) = self.orders.get(i) else {
                continue;
            };
            let Some(item) = order.items.first() else {
                continue;
            };
            let sku = self.offer(&item.offer_id).and_then(|o| o.market_sku);
            let created = seconds((order.updated_at + TimeDelta::hours(6)).min(now));
            let updated =
                seconds((created + TimeDelta::hours(self.rng.range(1, 10) as i64)).min(now));
            let (refund, shipment) = kinds
                .get(n)
                .cloned()
                .unwrap_or((RefundStatus::Refunded, ReturnShipmentStatus::Picked));
            self.next_return += 1 + self.rng.below(20) as i64;
            self.returns.push(ReturnRec {
                id: ReturnId(self.next_return),
                order: order.id,
                created_at: created,
                updated_at: updated,
                refund,
                shipment,
                kind: ReturnType::Return,
                items: vec![(item.offer_id.clone(), 1, sku, item.price)],
            });
        }
        self.returns.sort_by_key(|r| r.id);
    }

    pub(super) fn offer(&self, offer_id: &str) -> Option<&OfferRec> {
        self.offers.iter().find(|o| o.offer_id == offer_id)
    }

    pub(super) fn offer_index(&self, offer_id: &str) -> Option<usize> {
        self.offers.iter().position(|o| o.offer_id == offer_id)
    }

    pub(super) fn order(&self, id: OrderId) -> Option<&OrderRec> {
        self.orders.iter().find(|o| o.id == id)
    }

    /// Units of an offer held by the campaign's orders being processed.
    pub(super) fn frozen(&self, offer_id: &str) -> i64 {
        self.orders
            .iter()
            .filter(|o| o.processing() && !o.fake)
            .flat_map(|o| o.items.iter())
            .filter(|i| i.offer_id == offer_id)
            .map(|i| i.count)
            .sum()
    }
}

pub(super) fn business() -> Business {
    Business {
        id: Some(SANDBOX_BUSINESS_ID),
        name: BUSINESS_NAME.into(),
    }
}

pub(super) fn campaign() -> Campaign {
    Campaign {
        domain: SHOP_NAME.into(),
        id: Some(SANDBOX_CAMPAIGN_ID),
        client_id: None,
        business: Some(business()),
        placement_type: Some(PlacementType::Fbs),
        api_availability: Some(ApiAvailabilityStatus::Available),
    }
}
