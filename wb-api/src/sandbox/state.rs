//! The fake seller account the emulator keeps: the seed data, the records, and the
//! generator that fills them from a seed.

use super::*;

// ---------------------------------------------------------------------------------------------
// A small seeded generator: SplitMix64.
// ---------------------------------------------------------------------------------------------

pub(super) type Rng = market_core::sandbox::SeededRng;

// ---------------------------------------------------------------------------------------------
// The state of the fake account.
// ---------------------------------------------------------------------------------------------

/// WB subjects the catalogue uses: id, name, parent id, parent name, product name.
pub(super) const SUBJECT_LIST: &[(i64, &str, i64, &str, &str)] = &[
    (105, "Футболки", 1, "Одежда", "Футболка хлопковая"),
    (168, "Кружки", 8, "Дом", "Кружка керамическая"),
    (219, "Рюкзаки", 3, "Аксессуары", "Рюкзак городской"),
    (1424, "Термосы", 8, "Дом", "Термос стальной"),
    (
        2560,
        "Наушники",
        479,
        "Электроника",
        "Наушники беспроводные",
    ),
    (5067, "Зонты", 3, "Аксессуары", "Зонт складной"),
];
pub(super) const COLOURS: &[&str] = &["чёрный", "белый", "синий", "красный", "зелёный", "серый"];
pub(super) const BRANDS: &[&str] = &["Северный ветер", "Домашний уют", "Urban Line"];
pub(super) const DISCOUNTS: &[u32] = &[0, 0, 10, 15, 20, 25, 30, 50];
/// WB offices: id, name, city, address, latitude, longitude, federal district.
pub(super) const OFFICE_LIST: &[(i64, &str, &str, &str, f64, f64, &str)] = &[
    (
        15,
        "Коледино",
        "Москва",
        "Московская обл., г. Подольск, д. Коледино, ул. Троицкая, 20",
        55.37,
        37.55,
        "Центральный федеральный округ",
    ),
    (
        207,
        "Шушары",
        "Санкт-Петербург",
        "г. Санкт-Петербург, п. Шушары, Московское ш., 153",
        59.80,
        30.38,
        "Северо-Западный федеральный округ",
    ),
    (
        300,
        "Казань",
        "Казань",
        "Республика Татарстан, г. Зеленодольск, ул. Промышленная, 5",
        55.84,
        48.51,
        "Приволжский федеральный округ",
    ),
    (
        507,
        "Екатеринбург",
        "Екатеринбург",
        "г. Екатеринбург, ул. Черняховского, 86",
        56.77,
        60.59,
        "Уральский федеральный округ",
    ),
    (
        686,
        "Новосибирск",
        "Новосибирск",
        "г. Новосибирск, ул. Петухова, 71",
        54.94,
        82.89,
        "Сибирский федеральный округ",
    ),
    (
        1733,
        "Краснодар",
        "Краснодар",
        "Краснодарский край, г. Краснодар, ул. Почтовая, 1",
        45.04,
        38.97,
        "Южный федеральный округ",
    ),
];
/// Buyers' regions: federal district, region.
pub(super) const REGIONS: &[(&str, &str)] = &[
    ("Центральный федеральный округ", "Москва"),
    ("Северо-Западный федеральный округ", "Санкт-Петербург"),
    ("Приволжский федеральный округ", "Республика Татарстан"),
    ("Уральский федеральный округ", "Свердловская область"),
    ("Сибирский федеральный округ", "Новосибирская область"),
];
pub(super) const CLAIM_COMMENTS: &[&str] = &[
    "Не подошёл размер",
    "Товар не соответствует описанию",
    "Брак: не включается",
    "Пришёл другой цвет",
];

#[derive(Debug, Clone)]
pub(super) struct WarehouseRec {
    pub(super) id: WarehouseId,
    pub(super) name: String,
    pub(super) office: usize,
}

#[derive(Debug, Clone)]
pub(super) struct SizeRec {
    pub(super) chrt_id: ChrtId,
    pub(super) tech_size: String,
    pub(super) wb_size: String,
    pub(super) skus: Vec<String>,
    /// Units on WB's warehouses (the analytics stock report).
    pub(super) fbo: i64,
}

#[derive(Debug, Clone)]
pub(super) struct CardRec {
    pub(super) nm_id: NmId,
    pub(super) imt_id: i64,
    pub(super) nm_uuid: String,
    pub(super) vendor_code: String,
    pub(super) title: String,
    pub(super) brand: String,
    pub(super) description: String,
    pub(super) subject: SubjectId,
    pub(super) sizes: Vec<SizeRec>,
    /// The full price, whole roubles.
    pub(super) price: Decimal,
    /// The seller's discount, percent.
    pub(super) discount: u32,
    pub(super) photos: bool,
    pub(super) dimensions: CardDimensions,
    pub(super) characteristics: Vec<CardCharacteristic>,
    pub(super) created_at: DateTime<Utc>,
    pub(super) updated_at: DateTime<Utc>,
}

/// Where a seeded task stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Phase {
    New,
    Confirm,
    Complete,
    Sold,
    Cancelled,
    DeclinedByClient,
    RefusedByClient,
}

#[derive(Debug, Clone)]
pub(super) struct OrderRec {
    pub(super) id: OrderId,
    pub(super) rid: String,
    pub(super) order_uid: String,
    pub(super) created_at: DateTime<Utc>,
    pub(super) warehouse: WarehouseId,
    pub(super) office: usize,
    pub(super) nm_id: NmId,
    pub(super) chrt_id: ChrtId,
    pub(super) article: String,
    pub(super) barcode: String,
    pub(super) tech_size: String,
    /// The card's full price and discount when ordered.
    pub(super) full_price: Decimal,
    pub(super) discount: u32,
    /// What the buyer pays, kopecks.
    pub(super) price: i64,
    pub(super) supplier: SupplierStatus,
    pub(super) wb: WbStatus,
    pub(super) supply: Option<SupplyId>,
    pub(super) sold_at: Option<DateTime<Utc>>,
    pub(super) cancelled_at: Option<DateTime<Utc>>,
    pub(super) last_change: DateTime<Utc>,
    pub(super) region: usize,
}

#[derive(Debug, Clone)]
pub(super) struct SupplyRec {
    pub(super) seq: i64,
    pub(super) id: SupplyId,
    pub(super) name: String,
    pub(super) created_at: DateTime<Utc>,
    pub(super) closed_at: Option<DateTime<Utc>>,
    pub(super) done: bool,
    pub(super) orders: Vec<OrderId>,
    pub(super) warehouse: Option<WarehouseId>,
}

#[derive(Debug, Clone)]
pub(super) struct TaskRec {
    pub(super) id: UploadId,
    pub(super) uploaded_at: DateTime<Utc>,
    pub(super) request: Vec<GoodPrice>,
    pub(super) goods: Vec<GoodHistory>,
}

#[derive(Debug, Clone)]
pub(super) struct ErrorBatchRec {
    pub(super) uuid: String,
    pub(super) updated_at: DateTime<Utc>,
    /// Seller's article, subject, messages.
    pub(super) cards: Vec<(String, SubjectId, Vec<String>)>,
}

#[derive(Debug, Clone)]
pub(super) struct ClaimRec {
    pub(super) claim: Claim,
    pub(super) archived: bool,
}

#[derive(Debug)]
pub(super) struct State {
    pub(super) rng: Rng,
    pub(super) warehouses: Vec<WarehouseRec>,
    pub(super) cards: Vec<CardRec>,
    pub(super) orders: Vec<OrderRec>,
    pub(super) supplies: Vec<SupplyRec>,
    pub(super) tasks: Vec<TaskRec>,
    pub(super) error_batches: Vec<ErrorBatchRec>,
    pub(super) claims: Vec<ClaimRec>,
    pub(super) stocks: HashMap<(ChrtId, WarehouseId), i64>,
    pub(super) chrt_index: HashMap<ChrtId, (usize, usize)>,
    pub(super) barcode_index: HashMap<String, ChrtId>,
    pub(super) next_nm: i64,
    pub(super) next_imt: i64,
    pub(super) next_chrt: i64,
    pub(super) next_barcode: i64,
    pub(super) next_order: i64,
    pub(super) next_supply: i64,
    pub(super) next_supply_seq: i64,
    pub(super) next_task: i64,
    pub(super) new_orders_per_poll: usize,
    /// Stock updates and deletes still to refuse with 409 `StoreIsProcessing`, per warehouse.
    pub(super) store_processing: HashMap<WarehouseId, usize>,
}

/// Truncates a time to microseconds (what WB's texts carry).
pub(super) fn micros(t: DateTime<Utc>) -> DateTime<Utc> {
    DateTime::from_timestamp_micros(t.timestamp_micros()).unwrap_or(t)
}

/// Truncates a time to whole seconds.
pub(super) fn seconds(t: DateTime<Utc>) -> DateTime<Utc> {
    DateTime::from_timestamp(t.timestamp(), 0).unwrap_or(t)
}

/// The price after a whole-percent discount, as WB shows it (exact, to the kopeck).
pub(super) fn discounted(price: Decimal, discount: u32) -> Decimal {
    price
        .checked_mul(Decimal::from(100u32.saturating_sub(discount)))
        .and_then(|v| v.checked_div(Decimal::ONE_HUNDRED))
        .unwrap_or(price)
        .round_dp(2)
}

/// An amount in roubles as kopecks.
pub(super) fn kopecks(amount: Decimal) -> i64 {
    amount
        .checked_mul(Decimal::ONE_HUNDRED)
        .and_then(|v| v.round().to_i64())
        .unwrap_or(i64::MAX)
}

pub(super) fn subject_of(
    id: SubjectId,
) -> Option<&'static (i64, &'static str, i64, &'static str, &'static str)> {
    SUBJECT_LIST.iter().find(|s| s.0 == id.0)
}

impl State {
    pub(super) fn generate(config: &SandboxConfig, now: DateTime<Utc>) -> Self {
        let mut rng = Rng::new(config.seed);
        let warehouses: Vec<WarehouseRec> = (0..config.warehouses)
            .map(|i| {
                let office = i % OFFICE_LIST.len();
                let city = OFFICE_LIST.get(office).map(|o| o.2).unwrap_or("Москва");
                let round = i / OFFICE_LIST.len();
                WarehouseRec {
                    id: WarehouseId(FIRST_WAREHOUSE_ID + i as i64),
                    name: if round == 0 {
                        format!("Склад {city}")
                    } else {
                        format!("Склад {city} {}", round + 1)
                    },
                    office,
                }
            })
            .collect();
        let mut st = State {
            next_order: 1_500_000_000 + rng.below(100_000_000) as i64,
            next_supply: 10_000_000 + rng.below(80_000_000) as i64,
            next_task: 1_000_000 + rng.below(9_000_000) as i64,
            next_supply_seq: 0,
            rng,
            warehouses,
            cards: Vec::new(),
            orders: Vec::new(),
            supplies: Vec::new(),
            tasks: Vec::new(),
            error_batches: Vec::new(),
            claims: Vec::new(),
            stocks: HashMap::new(),
            chrt_index: HashMap::new(),
            barcode_index: HashMap::new(),
            next_nm: FIRST_NM_ID,
            next_imt: FIRST_IMT_ID,
            next_chrt: FIRST_CHRT_ID,
            next_barcode: FIRST_BARCODE,
            new_orders_per_poll: config.new_orders_per_poll,
            store_processing: HashMap::new(),
        };
        let listed_since = now - TimeDelta::days(60);
        for i in 1..=config.cards {
            st.seed_card(i, listed_since);
        }
        // Seeded tasks, oldest first, so that ids grow with time as WB's do.
        let history = HISTORY_DAYS * 86_400;
        let mut ages: Vec<i64> = (0..config.orders)
            .map(|_| 60 + st.rng.below(history as u64) as i64)
            .collect();
        ages.sort_unstable_by(|a, b| b.cmp(a));
        let mut supplies: HashMap<(WarehouseId, i64, bool), usize> = HashMap::new();
        for age in ages {
            let at = now - TimeDelta::seconds(age);
            let phase = st.seeded_phase(age);
            if let Some(id) = st.add_order(at, phase) {
                st.seed_supply(id, phase, age, now, &mut supplies);
            }
        }
        st.seed_claims(now);
        st
    }

    pub(super) fn seed_card(&mut self, i: usize, listed_since: DateTime<Utc>) {
        let rng = &mut self.rng;
        let subject = rng.pick(SUBJECT_LIST).copied().unwrap_or((
            105,
            "Футболки",
            1,
            "Одежда",
            "Футболка хлопковая",
        ));
        let colour = rng.pick(COLOURS).copied().unwrap_or("чёрный");
        let brand = rng.pick(BRANDS).copied().unwrap_or("Urban Line");
        let price = Decimal::from(rng.range(3, 300) * 100 - 10);
        let discount = rng.pick(DISCOUNTS).copied().unwrap_or(0);
        let created = listed_since + TimeDelta::minutes(i as i64 * 37);
        let updated = micros(
            created
                + TimeDelta::hours(rng.range(1, 500) as i64)
                + TimeDelta::microseconds(rng.below(1_000_000) as i64),
        );
        let two = i.is_multiple_of(5);
        let sizes: Vec<(String, String)> = if two {
            vec![("S".into(), "44".into()), ("M".into(), "46".into())]
        } else {
            vec![("0".into(), String::new())]
        };
        let weight = Decimal::new(rng.range(100, 2500) as i64, 3);
        let dimensions = CardDimensions {
            height: rng.range(2, 40) as i64,
            is_valid: true,
            length: rng.range(10, 60) as i64,
            weight_brutto: weight,
            width: rng.range(5, 40) as i64,
        };
        let nm_uuid = rng.uuid();
        let card = CardRec {
            nm_id: NmId(self.next_nm),
            imt_id: self.next_imt,
            nm_uuid,
            vendor_code: format!("SKU-{i:04}"),
            title: format!("{}, {colour}", subject.4),
            brand: brand.into(),
            description: format!("{} от бренда {brand}, цвет {colour}.", subject.4),
            subject: SubjectId(subject.0),
            sizes: Vec::new(),
            price,
            discount,
            photos: !i.is_multiple_of(3),
            dimensions,
            characteristics: vec![CardCharacteristic {
                id: CharcId(14_177_449),
                name: "Цвет".into(),
                value: Value::Array(vec![Value::String(colour.into())]),
            }],
            created_at: micros(created),
            updated_at: updated,
        };
        self.next_nm += 1;
        self.next_imt += 1;
        self.cards.push(card);
        let card_index = self.cards.len() - 1;
        for (tech, wb) in sizes {
            let barcode = self.new_barcode();
            let fbo = self.rng.range(0, 120) as i64;
            let chrt = self.add_size(card_index, tech, wb, vec![barcode]);
            if let Some(size) = self
                .chrt_index
                .get(&chrt)
                .and_then(|(c, s)| self.cards.get_mut(*c)?.sizes.get_mut(*s))
            {
                size.fbo = fbo;
            }
            for w in 0..self.warehouses.len() {
                let amount = self.rng.range(0, 50) as i64;
                if let Some(wh) = self.warehouses.get(w) {
                    self.stocks.insert((chrt, wh.id), amount);
                }
            }
        }
    }

    pub(super) fn new_barcode(&mut self) -> String {
        let b = self.next_barcode.to_string();
        self.next_barcode += 1;
        b
    }

    /// Adds a size to a card and indexes it; returns its id.
    pub(super) fn add_size(
        &mut self,
        card: usize,
        tech: String,
        wb: String,
        skus: Vec<String>,
    ) -> ChrtId {
        let chrt = ChrtId(self.next_chrt);
        self.next_chrt += 1 + self.rng.below(3) as i64;
        if let Some(c) = self.cards.get_mut(card) {
            for sku in &skus {
                self.barcode_index.insert(sku.clone(), chrt);
            }
            c.sizes.push(SizeRec {
                chrt_id: chrt,
                tech_size: tech,
                wb_size: wb,
                skus,
                fbo: 0,
            });
            self.chrt_index.insert(chrt, (card, c.sizes.len() - 1));
        }
        chrt
    }

    /// A phase for a task created `age` seconds ago: recent ones are new or being assembled,
    /// older ones are delivered or sold, some are cancelled.
    pub(super) fn seeded_phase(&mut self, age: i64) -> Phase {
        let roll = self.rng.f64();
        let day = 86_400;
        if age < day {
            if roll < 0.6 {
                Phase::New
            } else if roll < 0.85 {
                Phase::Confirm
            } else if roll < 0.93 {
                Phase::Cancelled
            } else {
                Phase::DeclinedByClient
            }
        } else if age < 3 * day {
            if roll < 0.1 {
                Phase::Confirm
            } else if roll < 0.55 {
                Phase::Complete
            } else if roll < 0.9 {
                Phase::Sold
            } else {
                Phase::Cancelled
            }
        } else if roll < 0.8 {
            Phase::Sold
        } else if roll < 0.9 {
            Phase::RefusedByClient
        } else {
            Phase::Cancelled
        }
    }

    /// Adds an assembly task created at `at` in `phase` (its supply is seeded separately).
    pub(super) fn add_order(&mut self, at: DateTime<Utc>, phase: Phase) -> Option<OrderId> {
        if self.cards.is_empty() || self.warehouses.is_empty() {
            return None;
        }
        let card_index = self.rng.index(self.cards.len());
        let wh_index = self.rng.index(self.warehouses.len());
        let region = self.rng.index(REGIONS.len());
        let rid = self.rng.hex(32);
        let buyer = 100_000_000 + self.rng.below(900_000_000);
        let uid = self.rng.hex(32);
        let size_pick = self.rng.below(8) as usize;
        let card = self.cards.get(card_index)?;
        let size = card.sizes.get(size_pick % card.sizes.len().max(1))?;
        let wh = self.warehouses.get(wh_index)?;
        self.next_order += 1 + self.rng.below(4) as i64;
        let id = OrderId(self.next_order);
        let (supplier, wb) = match phase {
            Phase::New => (SupplierStatus::New, WbStatus::Waiting),
            Phase::Confirm => (SupplierStatus::Confirm, WbStatus::Waiting),
            Phase::Complete => (SupplierStatus::Complete, WbStatus::Sorted),
            Phase::Sold => (SupplierStatus::Complete, WbStatus::Sold),
            Phase::Cancelled => (SupplierStatus::Cancel, WbStatus::Canceled),
            Phase::DeclinedByClient => (SupplierStatus::New, WbStatus::DeclinedByClient),
            Phase::RefusedByClient => (SupplierStatus::Complete, WbStatus::CanceledByClient),
        };
        let now = Utc::now();
        let later = |hours: i64| (at + TimeDelta::hours(hours)).min(now);
        let sold_at = (phase == Phase::Sold).then(|| later(50));
        let cancelled_at = matches!(
            phase,
            Phase::Cancelled | Phase::DeclinedByClient | Phase::RefusedByClient
        )
        .then(|| later(6));
        let order = OrderRec {
            id,
            rid,
            order_uid: format!("{buyer}_{uid}"),
            created_at: seconds(at),
            warehouse: wh.id,
            office: wh.office,
            nm_id: card.nm_id,
            chrt_id: size.chrt_id,
            article: card.vendor_code.clone(),
            barcode: size.skus.first().cloned().unwrap_or_default(),
            tech_size: size.tech_size.clone(),
            full_price: card.price,
            discount: card.discount,
            price: kopecks(discounted(card.price, card.discount)),
            supplier,
            wb,
            supply: None,
            sold_at,
            cancelled_at,
            last_change: sold_at.or(cancelled_at).unwrap_or(at),
            region,
        };
        self.orders.push(order);
        Some(id)
    }

    /// Puts a seeded task being assembled in an open supply of its warehouse, and a delivered
    /// one in a closed supply of its warehouse and day.
    pub(super) fn seed_supply(
        &mut self,
        id: OrderId,
        phase: Phase,
        age: i64,
        now: DateTime<Utc>,
        cache: &mut HashMap<(WarehouseId, i64, bool), usize>,
    ) {
        let done = match phase {
            Phase::Confirm => false,
            Phase::Complete | Phase::Sold | Phase::RefusedByClient => true,
            _ => return,
        };
        let Some(order) = self.orders.iter().find(|o| o.id == id) else {
            return;
        };
        let (warehouse, at) = (order.warehouse, order.created_at);
        let key = (warehouse, if done { age / 86_400 } else { -1 }, done);
        let index = match cache.get(&key) {
            Some(i) => *i,
            None => {
                let name = format!("Поставка {}", at.format("%d.%m.%Y"));
                let i = self.new_supply(name, at);
                cache.insert(key, i);
                i
            }
        };
        if let Some(s) = self.supplies.get_mut(index) {
            s.orders.push(id);
            s.warehouse = Some(warehouse);
            if done {
                s.done = true;
                let closed = (at + TimeDelta::hours(2)).min(now);
                s.closed_at = Some(s.closed_at.map_or(closed, |c| c.max(closed)));
            }
            let supply = s.id.clone();
            if let Some(o) = self.orders.iter_mut().find(|o| o.id == id) {
                o.supply = Some(supply);
            }
        }
    }

    pub(super) fn new_supply(&mut self, name: String, at: DateTime<Utc>) -> usize {
        self.next_supply += 1 + self.rng.below(7) as i64;
        self.next_supply_seq += 1;
        let seq = self.next_supply_seq;
        self.supplies.push(SupplyRec {
            seq,
            id: SupplyId(format!("WB-GI-{}", self.next_supply)),
            name,
            created_at: seconds(at),
            closed_at: None,
            done: false,
            orders: Vec::new(),
            warehouse: None,
        });
        self.supplies.len() - 1
    }

    /// A few claims for sold tasks of the last two weeks: three under review, two archived.
    pub(super) fn seed_claims(&mut self, now: DateTime<Utc>) {
        let since = now - TimeDelta::days(CLAIMS_DAYS);
        let mut sold: Vec<usize> = (0..self.orders.len())
            .filter(|i| {
                self.orders
                    .get(*i)
                    .and_then(|o| o.sold_at)
                    .is_some_and(|t| t >= since)
            })
            .collect();
        sold.reverse();
        sold.truncate(5);
        for (n, i) in sold.into_iter().enumerate() {
            let Some(o) = self.orders.get(i) else {
                continue;
            };
            let (nm_id, srid, ordered, price) = (
                o.nm_id,
                o.rid.clone(),
                o.created_at,
                Decimal::new(o.price, 2),
            );
            let sold_at = o.sold_at.unwrap_or(now);
            let title = self
                .card(nm_id)
                .map(|c| c.title.clone())
                .unwrap_or_default();
            let id = self.rng.uuid();
            let comment = self
                .rng
                .pick(CLAIM_COMMENTS)
                .copied()
                .unwrap_or("Брак")
                .to_owned();
            let filed = micros((sold_at + TimeDelta::hours(self.rng.range(2, 30) as i64)).min(now));
            let archived = n >= 3;
            let decided = micros((filed + TimeDelta::hours(20)).min(now));
            let claim = Claim {
                id: id.clone(),
                claim_type: 1,
                status: if archived { 2 } else { 0 },
                status_ex: if archived { 8 } else { 0 },
                nm_id,
                imt_name: title,
                user_comment: comment,
                wb_comment: if archived {
                    "Продавец одобрил вашу заявку на возврат.".into()
                } else {
                    String::new()
                },
                dt: Some(filed),
                order_dt: Some(ordered),
                dt_update: Some(if archived { decided } else { filed }),
                delivery_dt: Some(sold_at),
                origin_id_info: None,
                photos: vec![format!("//photos.wbstatic.net/claim/{id}/1.webp")],
                video_paths: Vec::new(),
                actions: if archived {
                    Vec::new()
                } else {
                    vec!["autorefund1".into(), "approve1".into(), "reject1".into()]
                },
                price,
                currency_code: RUB.to_string(),
                srid,
            };
            self.claims.push(ClaimRec { claim, archived });
        }
    }

    pub(super) fn card(&self, nm_id: NmId) -> Option<&CardRec> {
        self.cards.iter().find(|c| c.nm_id == nm_id)
    }

    pub(super) fn order(&self, id: OrderId) -> Option<&OrderRec> {
        self.orders.iter().find(|o| o.id == id)
    }

    pub(super) fn warehouse(&self, id: WarehouseId) -> Option<&WarehouseRec> {
        self.warehouses.iter().find(|w| w.id == id)
    }

    pub(super) fn supply_index(&self, id: &str) -> Option<usize> {
        self.supplies.iter().position(|s| s.id.as_str() == id)
    }

    /// Creates the configured number of new tasks (a poll of new orders).
    pub(super) fn poll_new_orders(&mut self) {
        let now = Utc::now();
        for _ in 0..self.new_orders_per_poll {
            self.add_order(now, Phase::New);
        }
    }
}
