//! Content handlers: subjects, parent categories, the cards list, failed cards, card uploads.

use super::*;

impl State {
    // ---- content ------------------------------------------------------------------------

    pub(super) fn subjects(&self, args: &Args) -> Handled {
        let bad = || content_error(400, "Invalid request parameters", Value::Null);
        let limit = args.int("limit").map_err(|_| bad())?.unwrap_or(30);
        let offset = args.int("offset").map_err(|_| bad())?.unwrap_or(0);
        let parent = args.int("parentID").map_err(|_| bad())?;
        if !(1..=i64::from(SUBJECTS_PAGE_MAX)).contains(&limit) || offset < 0 {
            return Err(bad());
        }
        let name = args.query("name").map(str::to_lowercase);
        let data: Vec<Subject> = SUBJECT_LIST
            .iter()
            .filter(|s| parent.is_none_or(|p| p == s.2))
            .filter(|s| {
                name.as_ref()
                    .is_none_or(|n| s.1.to_lowercase().contains(n.as_str()))
            })
            .skip(usize::try_from(offset).unwrap_or(usize::MAX))
            .take(usize::try_from(limit).unwrap_or(0))
            .map(|s| Subject {
                parent_id: s.2,
                parent_name: s.3.into(),
                subject_id: SubjectId(s.0),
                subject_name: s.1.into(),
            })
            .collect();
        ok(&Envelope {
            data,
            error: false,
            error_text: String::new(),
            additional_errors: None,
        })
    }

    pub(super) fn parent_categories(&self) -> Handled {
        let mut seen = HashSet::new();
        let data: Vec<ParentCategory> = SUBJECT_LIST
            .iter()
            .filter(|s| seen.insert(s.2))
            .map(|s| ParentCategory {
                id: s.2,
                is_visible: true,
                name: s.3.into(),
            })
            .collect();
        ok(&Envelope {
            data,
            error: false,
            error_text: String::new(),
            additional_errors: None,
        })
    }

    pub(super) fn card_model(&self, c: &CardRec) -> Card {
        let photo = |i: usize, size: &str| {
            format!(
                "https://basket-sandbox.wbbasket.ru/vol{}/part{}/{}/images/{size}/{i}.webp",
                c.nm_id.0 / 100_000,
                c.nm_id.0 / 1000,
                c.nm_id
            )
        };
        Card {
            brand: c.brand.clone(),
            characteristics: c.characteristics.clone(),
            created_at: c.created_at.to_rfc3339_opts(SecondsFormat::AutoSi, true),
            description: c.description.clone(),
            dimensions: c.dimensions.clone(),
            imt_id: c.imt_id,
            kiz_marked: false,
            need_kiz: false,
            nm_id: c.nm_id,
            nm_uuid: c.nm_uuid.clone(),
            photos: if c.photos {
                vec![CardPhoto {
                    big: photo(1, "big"),
                    c246x328: photo(1, "c246x328"),
                    c516x688: photo(1, "c516x688"),
                    square: photo(1, "square"),
                    tm: photo(1, "tm"),
                }]
            } else {
                Vec::new()
            },
            sizes: c
                .sizes
                .iter()
                .map(|s| CardSize {
                    chrt_id: s.chrt_id,
                    skus: s.skus.clone(),
                    tech_size: s.tech_size.clone(),
                    wb_size: s.wb_size.clone(),
                })
                .collect(),
            subject_id: c.subject,
            subject_name: subject_of(c.subject)
                .map(|s| s.1.to_owned())
                .unwrap_or_default(),
            tags: Vec::new(),
            title: c.title.clone(),
            updated_at: c.updated_at.to_rfc3339_opts(SecondsFormat::AutoSi, true),
            vendor_code: c.vendor_code.clone(),
            video: String::new(),
            wholesale: Default::default(),
        }
    }

    pub(super) fn cards_list(&self, body: &[u8]) -> Handled {
        let bad = |text: &str| content_error(400, text, Value::Object(Default::default()));
        let request: CardsListRequest =
            serde_json::from_slice(body).map_err(|_| bad("Invalid request format"))?;
        let s = &request.settings;
        let limit = s.cursor.limit;
        if !(1..=CARDS_LIST_PAGE_MAX).contains(&limit) {
            return Err(bad(&format!(
                "cursor.limit must be between 1 and {CARDS_LIST_PAGE_MAX}"
            )));
        }
        let after = match (&s.cursor.updated_at, s.cursor.nm_id) {
            (Some(t), Some(nm)) if !t.is_empty() => Some((
                DateTime::parse_from_rfc3339(t)
                    .map_err(|_| bad("cursor.updatedAt is not a valid time"))?
                    .with_timezone(&Utc),
                nm,
            )),
            _ => None,
        };
        let ascending = s.sort.is_some_and(|s| s.ascending);
        let f = &s.filter;
        let search = f
            .text_search
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty());
        let mut matching: Vec<&CardRec> = self
            .cards
            .iter()
            .filter(
                |c| match f.with_photo.unwrap_or(PhotoFilter::WithoutPhoto) {
                    PhotoFilter::All => true,
                    PhotoFilter::WithPhoto => c.photos,
                    PhotoFilter::WithoutPhoto => !c.photos,
                },
            )
            .filter(|c| f.object_ids.is_empty() || f.object_ids.contains(&c.subject))
            .filter(|c| f.brands.is_empty() || f.brands.contains(&c.brand))
            .filter(|c| f.imt_id.is_none_or(|i| i == c.imt_id))
            .filter(|_| f.tag_ids.is_empty())
            .filter(|c| {
                search.is_none_or(|t| {
                    c.nm_id.to_string() == t
                        || c.sizes.iter().any(|s| s.skus.iter().any(|b| b == t))
                        || c.vendor_code.to_lowercase().contains(&t.to_lowercase())
                })
            })
            .collect();
        matching.sort_by_key(|c| (c.updated_at, c.nm_id));
        if !ascending {
            matching.reverse();
        }
        let page: Vec<&CardRec> = matching
            .into_iter()
            .filter(|c| {
                after.is_none_or(|a| {
                    if ascending {
                        (c.updated_at, c.nm_id) > a
                    } else {
                        (c.updated_at, c.nm_id) < a
                    }
                })
            })
            .take(limit as usize)
            .collect();
        let cursor = match page.last() {
            Some(last) => CardsCursorAnswer {
                nm_id: Some(last.nm_id),
                total: page.len() as i64,
                updated_at: last.updated_at.to_rfc3339_opts(SecondsFormat::AutoSi, true),
            },
            None => CardsCursorAnswer::default(),
        };
        let cards = page.iter().map(|c| self.card_model(c)).collect();
        ok_numbers(
            &CardsListResponse { cards, cursor },
            &["weightBrutto", "quantum"],
        )
    }

    pub(super) fn card_errors(&self, body: &[u8]) -> Handled {
        let bad = || content_error(400, "Invalid request format", Value::Null);
        let request: CardErrorsRequest = if body.iter().all(u8::is_ascii_whitespace) {
            CardErrorsRequest::default()
        } else {
            parse(body, bad)?
        };
        let cursor = request.cursor.unwrap_or_default();
        let limit = cursor.limit.unwrap_or(CARD_ERRORS_PAGE_MAX);
        if !(1..=CARD_ERRORS_PAGE_MAX).contains(&limit) {
            return Err(bad());
        }
        let ascending = request.order.is_none_or(|o| o.ascending);
        let mut batches: Vec<&ErrorBatchRec> = self.error_batches.iter().collect();
        batches.sort_by(|a, b| (a.updated_at, &a.uuid).cmp(&(b.updated_at, &b.uuid)));
        if !ascending {
            batches.reverse();
        }
        let after = match (cursor.updated_at, cursor.batch_uuid) {
            (Some(t), Some(u)) if !u.is_empty() => Some((t, u)),
            _ => None,
        };
        let rest: Vec<&ErrorBatchRec> = batches
            .into_iter()
            .filter(|b| {
                after.as_ref().is_none_or(|(t, u)| {
                    let key = (b.updated_at, &b.uuid);
                    if ascending {
                        key > (*t, u)
                    } else {
                        key < (*t, u)
                    }
                })
            })
            .collect();
        let page: Vec<&ErrorBatchRec> = rest.iter().take(limit as usize).copied().collect();
        let next = rest.len() > page.len();
        let items = page
            .iter()
            .map(|b| {
                let mut batch = CardErrorBatch {
                    batch_uuid: b.uuid.clone(),
                    updated_at: Some(b.updated_at),
                    ..CardErrorBatch::default()
                };
                for (code, subject, messages) in &b.cards {
                    batch.errors.insert(code.clone(), messages.clone());
                    batch.subjects.insert(
                        code.clone(),
                        CardErrorSubject {
                            id: Decimal::from(subject.0),
                            name: subject_of(*subject)
                                .map(|s| s.1.to_owned())
                                .unwrap_or_default(),
                        },
                    );
                    batch.vendor_codes.push(code.clone());
                }
                batch
            })
            .collect();
        let cursor = CardErrorsCursorAnswer {
            batch_uuid: page.last().map(|b| b.uuid.clone()).unwrap_or_default(),
            next,
            updated_at: page.last().map(|b| b.updated_at),
        };
        ok_numbers(
            &Envelope {
                data: CardErrorsPage { cursor, items },
                error: false,
                error_text: String::new(),
                additional_errors: None,
            },
            &["id"],
        )
    }

    pub(super) fn cards_upload(&mut self, body: &[u8]) -> Handled {
        let bad = |text: &str| content_error(400, text, Value::Object(Default::default()));
        let request: Vec<CardToCreate> =
            serde_json::from_slice(body).map_err(|_| bad("Invalid request format"))?;
        if request.is_empty() {
            return Err(bad("Invalid request format"));
        }
        if request.len() > CARDS_UPLOAD_MAX {
            return Err(bad(&format!(
                "A request creates at most {CARDS_UPLOAD_MAX} merged cards"
            )));
        }
        if request
            .iter()
            .any(|c| c.variants.is_empty() || c.variants.len() > VARIANTS_PER_CARD_MAX)
        {
            return Err(bad(&format!(
                "A merged card holds 1 to {VARIANTS_PER_CARD_MAX} cards"
            )));
        }
        let now = micros(Utc::now());
        let mut used: HashSet<String> = self.cards.iter().map(|c| c.vendor_code.clone()).collect();
        for merged in request {
            let subject_known = subject_of(merged.subject_id).is_some();
            let mut failed: Vec<(String, SubjectId, Vec<String>)> = Vec::new();
            let mut imt: Option<i64> = None;
            for v in merged.variants {
                let code = v.vendor_code.trim().to_owned();
                let mut messages = Vec::new();
                if !subject_known {
                    messages.push(format!("Предмет с ID {} не существует", merged.subject_id));
                }
                if code.is_empty() {
                    messages.push("Не указан артикул продавца (vendorCode)".to_owned());
                } else if used.contains(&code) {
                    messages
                        .push("Артикул продавца уже используется в других карточках".to_owned());
                }
                if !messages.is_empty() {
                    failed.push((code, merged.subject_id, messages));
                    continue;
                }
                used.insert(code.clone());
                let imt_id = *imt.get_or_insert_with(|| {
                    let i = self.next_imt;
                    self.next_imt += 1;
                    i
                });
                self.create_card(imt_id, merged.subject_id, code, v, now);
            }
            if !failed.is_empty() {
                let uuid = self.rng.uuid();
                self.error_batches.push(ErrorBatchRec {
                    uuid,
                    updated_at: seconds(now),
                    cards: failed,
                });
            }
        }
        Ok(json_answer(
            200,
            &to_json(&Envelope {
                data: Value::Null,
                error: false,
                error_text: String::new(),
                additional_errors: Some(Value::Object(Default::default())),
            }),
        ))
    }

    pub(super) fn create_card(
        &mut self,
        imt_id: i64,
        subject: SubjectId,
        vendor_code: String,
        v: crate::models::content::CardVariant,
        now: DateTime<Utc>,
    ) {
        // A card created again after its errors leaves the error list.
        for b in &mut self.error_batches {
            b.cards.retain(|(code, _, _)| *code != vendor_code);
        }
        self.error_batches.retain(|b| !b.cards.is_empty());
        let price = v
            .sizes
            .iter()
            .find_map(|s| s.price)
            .filter(|p| *p > Decimal::ZERO)
            .unwrap_or(Decimal::ZERO)
            .round();
        let dimensions = v
            .dimensions
            .as_ref()
            .map(|d| CardDimensions {
                height: d.height,
                is_valid: true,
                length: d.length,
                weight_brutto: d.weight_brutto,
                width: d.width,
            })
            .unwrap_or_default();
        let nm_uuid = self.rng.uuid();
        let card = CardRec {
            nm_id: NmId(self.next_nm),
            imt_id,
            nm_uuid,
            vendor_code,
            title: v.title.clone().unwrap_or_default(),
            brand: v.brand.clone().unwrap_or_default(),
            description: v.description.clone().unwrap_or_default(),
            subject,
            sizes: Vec::new(),
            price,
            discount: 0,
            photos: false,
            dimensions,
            characteristics: v
                .characteristics
                .iter()
                .map(|c| CardCharacteristic {
                    id: c.id,
                    name: String::new(),
                    value: c.value.clone(),
                })
                .collect(),
            created_at: now,
            updated_at: now,
        };
        self.next_nm += 1;
        self.cards.push(card);
        let index = self.cards.len() - 1;
        let sizes = if v.sizes.is_empty() {
            vec![Default::default()]
        } else {
            v.sizes
        };
        for s in sizes {
            let skus: Vec<String> = s
                .skus
                .iter()
                .map(|b| b.trim().to_owned())
                .filter(|b| !b.is_empty() && !self.barcode_index.contains_key(b))
                .collect();
            let skus = if skus.is_empty() {
                vec![self.new_barcode()]
            } else {
                skus
            };
            self.add_size(
                index,
                s.tech_size.unwrap_or_else(|| "0".into()),
                s.wb_size.unwrap_or_default(),
                skus,
            );
        }
    }
}
