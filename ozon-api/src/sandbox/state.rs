//! The fake seller account: seed data, the records of warehouses, products, postings and
//! returns, and how they are generated from the seed.

use super::*;

pub(super) type Rng = market_core::sandbox::SeededRng;

// ---------------------------------------------------------------------------------------------
// The state of the fake account.
// ---------------------------------------------------------------------------------------------

pub(super) const PRODUCT_NAMES: &[&str] = &[
    "Кружка керамическая",
    "Футболка хлопковая",
    "Рюкзак городской",
    "Термос стальной",
    "Блокнот в клетку",
    "Зонт складной",
    "Шарф вязаный",
    "Лампа настольная",
    "Подушка ортопедическая",
    "Чехол для телефона",
    "Кроссовки беговые",
    "Полотенце махровое",
    "Сковорода антипригарная",
    "Наушники беспроводные",
    "Плед флисовый",
];
pub(super) const COLOURS: &[&str] = &[
    "чёрный",
    "белый",
    "синий",
    "красный",
    "зелёный",
    "серый",
    "бежевый",
];
pub(super) const WAREHOUSE_CITIES: &[&str] = &[
    "Москва",
    "Санкт-Петербург",
    "Казань",
    "Екатеринбург",
    "Новосибирск",
    "Краснодар",
];
pub(super) const CITIES: &[(&str, &str)] = &[
    ("Москва", "Москва"),
    ("Санкт-Петербург", "Санкт-Петербург"),
    ("Казань", "Республика Татарстан"),
    ("Екатеринбург", "Свердловская область"),
    ("Новосибирск", "Новосибирская область"),
    ("Нижний Новгород", "Нижегородская область"),
    ("Самара", "Самарская область"),
];
pub(super) const FBO_WAREHOUSES: &[(i64, &str)] = &[
    (15_431_806_189_000, "ХОРУГВИНО_РФЦ"),
    (1_020_000_115_166_000, "КАЗАНЬ_РФЦ"),
    (1_020_000_089_903_000, "ЕКАТЕРИНБУРГ_РФЦ_НОВЫЙ"),
    (1_020_001_486_093_000, "САНКТ_ПЕТЕРБУРГ_РФЦ"),
];
pub(super) const CATEGORIES: &[(i64, i64)] = &[
    (17_028_922, 91_565),
    (17_027_904, 93_228),
    (15_621_048, 94_765),
];

/// Ozon's cancellation reasons: id, text, who cancels, whether the seller may use it.
pub(super) const CANCEL_REASONS: &[(i64, &str, &str, bool)] = &[
    (352, "Товар закончился на складе продавца", "seller", true),
    (400, "Остался только бракованный товар", "seller", true),
    (401, "Отмена из арбитража", "seller", false),
    (402, "Другое (вина продавца)", "seller", true),
    (507, "Покупатель отменил заказ", "buyer", false),
    (665, "Покупатель не забрал заказ", "buyer", false),
    (667, "Заказ утерян службой доставки", "seller", false),
];

#[derive(Debug, Clone)]
pub(super) struct WarehouseRec {
    pub(super) id: WarehouseId,
    pub(super) name: String,
    pub(super) rfbs: bool,
}

#[derive(Debug, Clone)]
pub(super) struct ProductRec {
    pub(super) product_id: ProductId,
    pub(super) offer_id: String,
    pub(super) sku: Sku,
    pub(super) name: String,
    pub(super) price: Decimal,
    pub(super) old_price: Decimal,
    pub(super) min_price: Decimal,
    pub(super) vat: Decimal,
    /// FBS stock per warehouse, as the seller set it.
    pub(super) stocks: BTreeMap<WarehouseId, i64>,
    pub(super) fbo_stock: i64,
    pub(super) category: DescriptionCategoryId,
    pub(super) type_id: TypeId,
    pub(super) barcode: String,
    pub(super) archived: bool,
    pub(super) created_at: DateTime<Utc>,
    pub(super) updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub(super) struct Line {
    pub(super) product_id: ProductId,
    pub(super) sku: Sku,
    pub(super) offer_id: String,
    pub(super) name: String,
    /// With Ozon's six decimals (`480.000000`).
    pub(super) price: Decimal,
    pub(super) old_price: Decimal,
    pub(super) quantity: i32,
}

#[derive(Debug, Clone)]
pub(super) struct FbsRec {
    pub(super) number: PostingNumber,
    pub(super) order_id: i64,
    pub(super) order_number: String,
    pub(super) parent: String,
    pub(super) status: PostingStatus,
    /// When the status last changed (what `filter.last_changed_status_date` filters on).
    pub(super) status_changed_at: DateTime<Utc>,
    pub(super) in_process_at: DateTime<Utc>,
    pub(super) shipment_date: DateTime<Utc>,
    pub(super) delivering_date: Option<DateTime<Utc>>,
    pub(super) warehouse: usize,
    pub(super) rfbs: bool,
    pub(super) city: usize,
    pub(super) lines: Vec<Line>,
    pub(super) cancellation: Option<Cancellation>,
    /// The last `ship` was answered 200 but the assembly failed (`substatus = ship_failed`).
    pub(super) ship_failed: bool,
}

impl FbsRec {
    pub(super) fn substatus(&self) -> PostingSubstatus {
        if self.ship_failed {
            PostingSubstatus::ShipFailed
        } else {
            substatus(&self.status)
        }
    }
}

#[derive(Debug, Clone)]
pub(super) struct FboRec {
    pub(super) number: PostingNumber,
    pub(super) order_id: i64,
    pub(super) order_number: String,
    pub(super) status: PostingStatus,
    pub(super) created_at: DateTime<Utc>,
    pub(super) warehouse: usize,
    pub(super) city: usize,
    pub(super) lines: Vec<Line>,
    pub(super) cancel_reason_id: i64,
}

#[derive(Debug, Clone)]
pub(super) struct ReturnRec {
    pub(super) id: i64,
    pub(super) fbo: bool,
    pub(super) posting: PostingNumber,
    pub(super) order_id: i64,
    pub(super) order_number: String,
    pub(super) line: Line,
    pub(super) return_date: DateTime<Utc>,
    pub(super) status: (i32, ReturnVisualStatus, &'static str),
    pub(super) reason: &'static str,
}

#[derive(Debug)]
pub(super) struct State {
    pub(super) rng: Rng,
    pub(super) warehouses: Vec<WarehouseRec>,
    pub(super) products: Vec<ProductRec>,
    pub(super) fbs: Vec<FbsRec>,
    pub(super) fbo: Vec<FboRec>,
    pub(super) returns: Vec<ReturnRec>,
    pub(super) tasks: BTreeMap<i64, Vec<ImportInfoItem>>,
    pub(super) next_order: u64,
    pub(super) next_product: i64,
    pub(super) next_sku: i64,
    pub(super) next_task: i64,
    pub(super) new_orders_per_poll: usize,
    /// Postings whose next `ship` Ozon answers 200 without assembling them.
    pub(super) failing_ships: BTreeSet<PostingNumber>,
}

/// `v` with Ozon's six decimals in postings.
pub(super) fn six(v: Decimal) -> Decimal {
    let mut v = v;
    v.rescale(6);
    v
}

pub(super) fn percent_of(v: Decimal, percent: i64) -> Decimal {
    v.saturating_mul(Decimal::new(percent, 2)).round_dp(2)
}

impl State {
    pub(super) fn generate(config: &SandboxConfig, now: DateTime<Utc>) -> Self {
        let mut rng = Rng::new(config.seed);
        let warehouses: Vec<WarehouseRec> = (0..config.warehouses)
            .map(|i| {
                let city = WAREHOUSE_CITIES
                    .get(i % WAREHOUSE_CITIES.len())
                    .copied()
                    .unwrap_or("Москва");
                let round = i / WAREHOUSE_CITIES.len();
                WarehouseRec {
                    id: WarehouseId(FIRST_WAREHOUSE_ID + i as i64),
                    name: if round == 0 {
                        format!("Склад {city}")
                    } else {
                        format!("Склад {city} {}", round + 1)
                    },
                    rfbs: i % 2 == 1,
                }
            })
            .collect();
        let mut st = State {
            next_order: 10_000_000 + rng.below(80_000_000),
            next_product: 100_000_000 + rng.below(800_000_000) as i64,
            next_sku: 1_000_000_000 + rng.below(1_000_000_000) as i64,
            next_task: 1_000_000 + rng.below(9_000_000) as i64,
            rng,
            warehouses,
            products: Vec::new(),
            fbs: Vec::new(),
            fbo: Vec::new(),
            returns: Vec::new(),
            tasks: BTreeMap::new(),
            new_orders_per_poll: config.new_orders_per_poll,
            failing_ships: BTreeSet::new(),
        };
        let created = now - TimeDelta::days(90);
        for i in 1..=config.products {
            let name = format!(
                "{}, цвет {}",
                st.rng.pick(PRODUCT_NAMES).copied().unwrap_or("Товар"),
                st.rng.pick(COLOURS).copied().unwrap_or("чёрный")
            );
            st.seed_product(format!("SKU-{i:04}"), name, created);
        }
        st.seed_product("BALL".into(), "Мяч баскетбольный, размер 7".into(), created);
        st.seed_product(
            "BASKET".into(),
            "Кольцо баскетбольное с сеткой".into(),
            created,
        );
        let history = HISTORY_DAYS * 86_400;
        for _ in 0..config.fbs_orders {
            let age = st.rng.below(history);
            let at = now - TimeDelta::seconds(age as i64);
            let status = st.seeded_status(age);
            st.add_fbs(at, Some(status));
        }
        for _ in 0..config.fbo_orders {
            let age = st.rng.below(history);
            let at = now - TimeDelta::seconds(age as i64);
            let status = st.seeded_status(age);
            st.add_fbo(at, status);
        }
        st.seed_returns(now);
        st
    }

    pub(super) fn seed_product(&mut self, offer_id: String, name: String, created: DateTime<Utc>) {
        let rng = &mut self.rng;
        let price = Decimal::from(rng.range(20, 999) * 10 - 1);
        let stocks = self
            .warehouses
            .iter()
            .map(|w| (w.id, rng.range(0, 50) as i64))
            .collect();
        let (category, type_id) = rng
            .pick(CATEGORIES)
            .copied()
            .unwrap_or((17_028_922, 91_565));
        let product = ProductRec {
            product_id: ProductId(self.next_product),
            sku: Sku(self.next_sku),
            barcode: format!("46{:011}", rng.below(100_000_000_000)),
            offer_id,
            name,
            old_price: price.saturating_mul(Decimal::new(125, 2)).round(),
            min_price: price.saturating_mul(Decimal::new(80, 2)).round(),
            price,
            vat: Decimal::new(2, 1),
            stocks,
            fbo_stock: rng.range(0, 200) as i64,
            category: DescriptionCategoryId(category),
            type_id: TypeId(type_id),
            archived: false,
            created_at: created,
            updated_at: created,
        };
        self.next_product += 1 + self.rng.below(5) as i64;
        self.next_sku += 1 + self.rng.below(50) as i64;
        self.products.push(product);
    }

    /// A status for a posting processed `age` seconds ago: recent ones wait for packaging,
    /// older ones are on their way or delivered, some are cancelled.
    pub(super) fn seeded_status(&mut self, age: u64) -> PostingStatus {
        let roll = self.rng.f64();
        let day = 86_400;
        if roll < 0.1 {
            PostingStatus::Cancelled
        } else if age < day {
            if roll < 0.75 {
                PostingStatus::AwaitingPackaging
            } else {
                PostingStatus::AwaitingDeliver
            }
        } else if age < 3 * day {
            if roll < 0.3 {
                PostingStatus::AwaitingDeliver
            } else if roll < 0.8 {
                PostingStatus::Delivering
            } else {
                PostingStatus::Delivered
            }
        } else if roll < 0.3 {
            PostingStatus::Delivering
        } else {
            PostingStatus::Delivered
        }
    }

    /// A new order number and id.
    pub(super) fn next_order(&mut self) -> (String, i64) {
        self.next_order += 1 + self.rng.below(3);
        let number = format!("{:08}-{:04}", self.next_order, self.rng.below(10_000));
        let id = 30_000_000_000 + self.next_order as i64 * 10 + self.rng.below(10) as i64;
        (number, id)
    }

    /// One to three lines of distinct products.
    pub(super) fn seeded_lines(&mut self) -> Vec<Line> {
        let roll = self.rng.f64();
        let count = if roll < 0.7 {
            1
        } else if roll < 0.9 {
            2
        } else {
            3
        };
        let mut chosen = BTreeSet::new();
        let mut lines = Vec::new();
        for _ in 0..count {
            let i = self.rng.index(self.products.len());
            if !chosen.insert(i) {
                continue;
            }
            let quantity = if self.rng.f64() < 0.8 {
                1
            } else {
                self.rng.range(2, 3) as i32
            };
            if let Some(p) = self.products.get(i) {
                lines.push(Line {
                    product_id: p.product_id,
                    sku: p.sku,
                    offer_id: p.offer_id.clone(),
                    name: p.name.clone(),
                    price: six(p.price),
                    old_price: six(p.old_price),
                    quantity,
                });
            }
        }
        lines
    }

    /// A seller's warehouse for a new posting: an rFBS one now and then.
    pub(super) fn seeded_warehouse(&mut self) -> usize {
        let (rfbs, fbs): (Vec<usize>, Vec<usize>) = (0..self.warehouses.len())
            .partition(|&i| self.warehouses.get(i).is_some_and(|w| w.rfbs));
        let use_rfbs = !rfbs.is_empty() && (fbs.is_empty() || self.rng.f64() < 0.25);
        let pool = if use_rfbs { rfbs } else { fbs };
        self.rng.pick(&pool).copied().unwrap_or(0)
    }

    /// Adds an FBS posting processed at `at`; `None` means a fresh one awaiting packaging.
    pub(super) fn add_fbs(
        &mut self,
        at: DateTime<Utc>,
        status: Option<PostingStatus>,
    ) -> PostingNumber {
        let (order_number, order_id) = self.next_order();
        let warehouse = self.seeded_warehouse();
        let rfbs = self.warehouses.get(warehouse).is_some_and(|w| w.rfbs);
        let city = self.rng.index(CITIES.len());
        let lines = self.seeded_lines();
        let status = status.unwrap_or(PostingStatus::AwaitingPackaging);
        let cancellation = (status == PostingStatus::Cancelled).then(|| {
            let by_buyer = self.rng.f64() < 0.4;
            let (id, text, kind, _) = if by_buyer {
                CANCEL_REASONS.get(4)
            } else {
                CANCEL_REASONS.first()
            }
            .copied()
            .unwrap_or((352, "", "seller", true));
            Cancellation {
                affect_cancellation_rating: !by_buyer,
                cancel_reason: text.into(),
                cancel_reason_id: id,
                cancellation_initiator: if by_buyer {
                    "Покупатель"
                } else {
                    "Продавец"
                }
                .into(),
                cancellation_type: if by_buyer { "client" } else { kind }.into(),
                cancelled_after_ship: false,
            }
        });
        let delivering_date =
            matches!(status, PostingStatus::Delivering | PostingStatus::Delivered)
                .then(|| at + TimeDelta::hours(20));
        let number = PostingNumber(format!("{order_number}-1"));
        self.fbs.push(FbsRec {
            number: number.clone(),
            order_id,
            order_number,
            parent: String::new(),
            status,
            status_changed_at: delivering_date.unwrap_or(at).min(Utc::now()).max(at),
            in_process_at: at,
            shipment_date: at + TimeDelta::days(1),
            delivering_date,
            warehouse,
            rfbs,
            city,
            lines,
            cancellation,
            ship_failed: false,
        });
        number
    }

    pub(super) fn add_fbo(&mut self, at: DateTime<Utc>, status: PostingStatus) {
        let (order_number, order_id) = self.next_order();
        let warehouse = self.rng.index(FBO_WAREHOUSES.len());
        let city = self.rng.index(CITIES.len());
        let lines = self.seeded_lines();
        let cancel_reason_id = if status == PostingStatus::Cancelled {
            507
        } else {
            0
        };
        self.fbo.push(FboRec {
            number: PostingNumber(format!("{order_number}-1")),
            order_id,
            order_number,
            status,
            created_at: at,
            warehouse,
            city,
            lines,
            cancel_reason_id,
        });
    }

    /// A few returns of delivered postings.
    pub(super) fn seed_returns(&mut self, now: DateTime<Utc>) {
        let mut candidates: Vec<(bool, usize)> = Vec::new();
        for (i, p) in self.fbs.iter().enumerate() {
            if p.status == PostingStatus::Delivered {
                candidates.push((false, i));
            }
        }
        for (i, p) in self.fbo.iter().enumerate() {
            if p.status == PostingStatus::Delivered {
                candidates.push((true, i));
            }
        }
        let count = (candidates.len() / 15).max(candidates.len().min(3));
        // A partial Fisher-Yates shuffle picks `count` of them.
        for k in 0..count {
            let j = k + self.rng.index(candidates.len() - k);
            candidates.swap(k, j);
        }
        candidates.truncate(count);
        let statuses: [(i32, ReturnVisualStatus, &str); 3] = [
            (
                3,
                ReturnVisualStatus::ArrivedAtReturnPlace,
                "В пункте выдачи",
            ),
            (
                7,
                ReturnVisualStatus::ReturnMoneyApproved,
                "Деньги возвращены",
            ),
            (8, ReturnVisualStatus::Approved, "Одобрен"),
        ];
        let reasons = [
            "Не подошёл размер",
            "Товар не соответствует описанию",
            "Брак",
            "Передумал",
        ];
        let mut id = 100_000_000 + self.rng.below(100_000_000) as i64;
        for (fbo, i) in candidates {
            let (posting, order_id, order_number, at, lines) = if fbo {
                let Some(p) = self.fbo.get(i) else { continue };
                (
                    p.number.clone(),
                    p.order_id,
                    p.order_number.clone(),
                    p.created_at,
                    p.lines.clone(),
                )
            } else {
                let Some(p) = self.fbs.get(i) else { continue };
                (
                    p.number.clone(),
                    p.order_id,
                    p.order_number.clone(),
                    p.in_process_at,
                    p.lines.clone(),
                )
            };
            let Some(line) = self.rng.pick(&lines).cloned() else {
                continue;
            };
            let after = TimeDelta::hours(self.rng.range(48, 120) as i64);
            let status = self.rng.pick(&statuses).cloned().unwrap_or((
                8,
                ReturnVisualStatus::Approved,
                "Одобрен",
            ));
            let reason = self.rng.pick(&reasons).copied().unwrap_or("Брак");
            id += 1 + self.rng.below(1000) as i64;
            self.returns.push(ReturnRec {
                id,
                fbo,
                posting,
                order_id,
                order_number,
                line: Line {
                    quantity: 1,
                    ..line
                },
                return_date: (at + after).min(now),
                status,
                reason,
            });
        }
    }

    pub(super) fn product_by_offer(&self, offer_id: &str) -> Option<usize> {
        self.products.iter().position(|p| p.offer_id == offer_id)
    }

    /// The product an item names: by article when given (Ozon's rule), else by product id.
    pub(super) fn product_index(
        &self,
        offer_id: Option<&str>,
        product_id: Option<ProductId>,
    ) -> Option<usize> {
        match offer_id.filter(|o| !o.trim().is_empty()) {
            Some(o) => self.product_by_offer(o),
            None => {
                let pid = product_id?;
                self.products.iter().position(|p| p.product_id == pid)
            }
        }
    }

    pub(super) fn warehouse_index(&self, id: WarehouseId) -> Option<usize> {
        self.warehouses.iter().position(|w| w.id == id)
    }

    /// Units of `sku` held by FBS postings not yet handed over, per warehouse.
    pub(super) fn reserved(&self, sku: Sku, warehouse: usize) -> i64 {
        self.fbs
            .iter()
            .filter(|p| {
                p.warehouse == warehouse
                    && matches!(
                        p.status,
                        PostingStatus::AwaitingPackaging | PostingStatus::AwaitingDeliver
                    )
            })
            .flat_map(|p| &p.lines)
            .filter(|l| l.sku == sku)
            .map(|l| i64::from(l.quantity))
            .sum()
    }

    pub(super) fn fbs_index(&self, number: &PostingNumber) -> Option<usize> {
        self.fbs.iter().position(|p| &p.number == number)
    }
}
