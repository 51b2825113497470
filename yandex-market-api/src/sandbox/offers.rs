//! The offers section's handlers (`getOfferMappings`, `updateOfferMappings`,
//! `getOfferCardsContentStatus`).

use super::*;

impl State {
    pub(super) fn offer_model(o: &OfferRec) -> OfferMapping {
        let category = o.category;
        OfferMapping {
            offer: Some(Offer {
                offer_id: o.offer_id.clone(),
                name: o.name.clone(),
                market_category_id: category,
                pictures: o.pictures.clone(),
                vendor: o.vendor.clone(),
                barcodes: o.barcodes.clone(),
                description: o.description.clone(),
                weight_dimensions: o.weight_dimensions.clone(),
                vendor_code: o.vendor_code.clone(),
                tags: o.tags.clone(),
                basic_price: o.price.as_ref().map(|p| PriceWithDiscountInfo {
                    value: p.value,
                    currency_id: p.currency.clone(),
                    discount_base: p.discount_base,
                    updated_at: p.updated_at,
                }),
                card_status: Some(o.card_status()),
                campaigns: vec![OfferCampaign {
                    campaign_id: SANDBOX_CAMPAIGN_ID,
                    status: if o.archived {
                        OfferCampaignStatus::Archived
                    } else if o.market_sku.is_none() {
                        OfferCampaignStatus::NoCard
                    } else if o.stock.is_none_or(|(n, _)| n <= 0) {
                        OfferCampaignStatus::NoStocks
                    } else {
                        OfferCampaignStatus::Published
                    },
                }],
                selling_programs: vec![OfferSellingProgram {
                    selling_program: SellingProgram::Fbs,
                    status: OfferSellingProgramStatus::Fine,
                }],
                archived: Some(o.archived),
                ..Offer::default()
            }),
            mapping: o.market_sku.map(|sku| Mapping {
                market_sku: Some(sku),
                market_sku_name: o.name.clone(),
                market_model_name: o.name.clone(),
                market_category_id: category,
                market_category_name: category.and_then(category_name).map(str::to_owned),
            }),
            showcase_urls: Vec::new(),
        }
    }

    pub(super) fn offer_mappings(&mut self, args: &Args, body: &[u8]) -> Handled {
        let limit = args.limit(50, 100, true)?;
        check_language(args)?;
        let offset = args.token("offer-mappings")?.unwrap_or(0);
        let request: GetOfferMappingsRequest = optional_body(body)?;
        self.offers.iter_mut().for_each(OfferRec::settle);
        if request.offer_ids.len() > 100 {
            return Err(bad_request(format!(
                "{} offerIds, at most 100",
                request.offer_ids.len()
            )));
        }
        if !request.offer_ids.is_empty() && request.has_filters() {
            return Err(bad_request(
                "offerIds cannot be combined with the other filters",
            ));
        }
        let wanted: Vec<usize> = (0..self.offers.len())
            .filter(|i| {
                self.offers.get(*i).is_some_and(|o| {
                    if !request.offer_ids.is_empty() {
                        return request.offer_ids.iter().any(|id| id.trim() == o.offer_id);
                    }
                    o.archived == request.archived.unwrap_or(false)
                        && (request.card_statuses.is_empty()
                            || request.card_statuses.contains(&o.card_status()))
                        && (request.category_ids.is_empty()
                            || o.category
                                .is_some_and(|c| request.category_ids.contains(&c)))
                        && (request.vendor_names.is_empty()
                            || o.vendor
                                .as_ref()
                                .is_some_and(|v| request.vendor_names.contains(v)))
                        && (request.tags.is_empty()
                            || o.tags.iter().any(|t| request.tags.contains(t)))
                })
            })
            .collect();
        let (page, next) = if request.offer_ids.is_empty() {
            page_of(&wanted, "offer-mappings", offset, limit)
        } else {
            (wanted, None)
        };
        let mut offer_mappings = Vec::with_capacity(page.len());
        for i in page {
            if let Some(o) = self.offers.get_mut(i) {
                offer_mappings.push(Self::offer_model(o));
                o.shown();
            }
        }
        ok(&GetOfferMappingsResponse {
            status: Some(ApiStatus::Ok),
            result: Some(GetOfferMappingsResult {
                paging: pager(next),
                offer_mappings,
            }),
        })
    }

    /// The errors of one offer of an update (unknown or non-leaf category, parameter values
    /// that do not fit the category).
    pub(super) fn offer_errors(&self, o: &UpdateOffer) -> Vec<OfferMappingError> {
        let mut errors = Vec::new();
        let error = |kind, parameter: Option<ParameterId>, message: String| OfferMappingError {
            kind,
            parameter_id: parameter,
            message,
        };
        let existing = self.offer(o.offer_id.trim());
        let category = o
            .market_category_id
            .or_else(|| existing.and_then(|e| e.category));
        if let Some(c) = o.market_category_id {
            if category_name(c).is_none() {
                errors.push(error(
                    OfferMappingErrorType::UnknownCategory,
                    None,
                    format!("Category {c} does not exist"),
                ));
                return errors;
            }
            if !is_leaf(c) {
                errors.push(error(
                    OfferMappingErrorType::InvalidCategory,
                    None,
                    format!("Category {c} is not a leaf category"),
                ));
                return errors;
            }
        }
        if o.parameter_values.is_empty() {
            return errors;
        }
        if category.is_none() {
            errors.push(error(
                OfferMappingErrorType::EmptyMarketCategory,
                None,
                "Parameter values need the offer's category".into(),
            ));
            return errors;
        }
        let parameters = category_parameters();
        for v in &o.parameter_values {
            let Some(p) = parameters.iter().find(|p| p.id == v.parameter_id) else {
                errors.push(error(
                    OfferMappingErrorType::UnknownParameter,
                    Some(v.parameter_id),
                    format!(
                        "Parameter {} is not a parameter of the category",
                        v.parameter_id
                    ),
                ));
                continue;
            };
            let text = v.value.as_deref().unwrap_or("").trim();
            match p.kind {
                ParameterType::Numeric
                    if !text.is_empty() && text.replace(',', ".").parse::<f64>().is_err() =>
                {
                    errors.push(error(
                        OfferMappingErrorType::NumberFormat,
                        Some(v.parameter_id),
                        format!("{text:?} is not a number"),
                    ));
                }
                ParameterType::Boolean if !text.is_empty() && text != "true" && text != "false" => {
                    errors.push(error(
                        OfferMappingErrorType::UnexpectedBooleanValue,
                        Some(v.parameter_id),
                        format!("{text:?} is not true or false"),
                    ));
                }
                _ => {}
            }
            if let Some(unit) = v.unit_id
                && !p
                    .unit
                    .as_ref()
                    .is_some_and(|u| u.units.iter().any(|x| x.id == unit))
            {
                errors.push(error(
                    OfferMappingErrorType::InvalidUnitId,
                    Some(v.parameter_id),
                    format!("Unit {unit} is not a unit of the parameter"),
                ));
            }
        }
        errors
    }

    pub(super) fn update_offer_mappings(
        &mut self,
        args: &Args,
        body: &[u8],
        now: DateTime<Utc>,
    ) -> Handled {
        check_language(args)?;
        let request: UpdateOfferMappingsRequest = self::body(body)?;
        let n = request.offer_mappings.len();
        if n == 0 || n > 500 {
            return Err(bad_request(format!(
                "offerMappings takes 1 to 500 offers, got {n}"
            )));
        }
        let mut seen = HashSet::new();
        for m in &request.offer_mappings {
            let id = m.offer.offer_id.trim();
            check_offer_id(id)?;
            if !seen.insert(id.to_owned()) {
                return Err(ym_error(
                    400,
                    "DUPLICATE_OFFER",
                    format!("Offer {id} is given more than once"),
                ));
            }
            if let Some(p) = &m.offer.basic_price
                && p.value <= Decimal::ZERO
            {
                return Err(bad_request(format!(
                    "offer {id}: basicPrice.value {} is not above 0",
                    p.value
                )));
            }
        }
        let results: Vec<UpdateOfferMappingResult> = request
            .offer_mappings
            .iter()
            .filter_map(|m| {
                let errors = self.offer_errors(&m.offer);
                (!errors.is_empty()).then(|| UpdateOfferMappingResult {
                    offer_id: m.offer.offer_id.trim().to_owned(),
                    errors,
                    warnings: Vec::new(),
                })
            })
            .collect();
        if !results.is_empty() {
            // Yandex Market saves nothing of a request in which an offer has errors.
            return ok(&UpdateOfferMappingsResponse {
                status: Some(ApiStatus::Error),
                results,
            });
        }
        for m in request.offer_mappings {
            let suggested = m.mapping.and_then(|m| m.market_sku);
            self.save_offer(m.offer, suggested, now);
        }
        ok(&UpdateOfferMappingsResponse {
            status: Some(ApiStatus::Ok),
            results: Vec::new(),
        })
    }

    /// Creates an offer or changes the fields sent.
    pub(super) fn save_offer(
        &mut self,
        o: UpdateOffer,
        suggested: Option<MarketSku>,
        now: DateTime<Utc>,
    ) {
        let id = o.offer_id.trim().to_owned();
        let index = match self.offer_index(&id) {
            Some(i) => i,
            None => {
                self.offers.push(OfferRec {
                    offer_id: id.clone(),
                    name: None,
                    category: None,
                    vendor: None,
                    vendor_code: None,
                    description: None,
                    pictures: Vec::new(),
                    barcodes: Vec::new(),
                    tags: Vec::new(),
                    parameter_values: Vec::new(),
                    weight_dimensions: None,
                    price: None,
                    stock: None,
                    market_sku: None,
                    card: CardState::Processing,
                    had_card: false,
                    archived: false,
                });
                self.offers.len() - 1
            }
        };
        let Some(rec) = self.offers.get_mut(index) else {
            return;
        };
        if let Some(v) = o.name {
            rec.name = Some(v);
        }
        if let Some(v) = o.market_category_id {
            rec.category = Some(v);
        }
        if let Some(v) = o.vendor {
            rec.vendor = Some(v);
        }
        if let Some(v) = o.vendor_code {
            rec.vendor_code = Some(v);
        }
        if let Some(v) = o.description {
            rec.description = Some(v);
        }
        if !o.pictures.is_empty() {
            rec.pictures = o.pictures;
        }
        if !o.barcodes.is_empty() {
            rec.barcodes = o.barcodes;
        }
        if !o.tags.is_empty() {
            rec.tags = o.tags;
        }
        if let Some(v) = o.weight_dimensions {
            rec.weight_dimensions = Some(v);
        }
        for v in o.parameter_values {
            rec.parameter_values
                .retain(|x| x.parameter_id != v.parameter_id);
            rec.parameter_values.push(v);
        }
        if let Some(p) = o.basic_price {
            rec.price = Some(PriceRec {
                value: p.value,
                currency: p.currency_id,
                discount_base: p.discount_base,
                minimum_for_bestseller: rec.price.as_ref().and_then(|x| x.minimum_for_bestseller),
                updated_at: seconds(now),
            });
        }
        if let Some(sku) = suggested {
            rec.market_sku = Some(sku);
        }
        rec.had_card = rec.market_sku.is_some();
        rec.card = CardState::Processing;
    }

    pub(super) fn offer_cards(&mut self, args: &Args, body: &[u8]) -> Handled {
        let limit = args.limit(100, 200, false)?;
        let offset = args.token("offer-cards")?.unwrap_or(0);
        let request: GetOfferCardsContentStatusRequest = optional_body(body)?;
        self.offers.iter_mut().for_each(OfferRec::settle);
        if request.offer_ids.len() > 200 || request.category_ids.len() > 200 {
            return Err(bad_request(
                "offerIds and categoryIds take at most 200 items",
            ));
        }
        let wanted: Vec<usize> = (0..self.offers.len())
            .filter(|i| {
                self.offers.get(*i).is_some_and(|o| {
                    (request.offer_ids.is_empty()
                        || request.offer_ids.iter().any(|id| id.trim() == o.offer_id))
                        && (request.card_statuses.is_empty()
                            || request.card_statuses.contains(&o.card_status()))
                        && (request.category_ids.is_empty()
                            || o.category
                                .is_some_and(|c| request.category_ids.contains(&c)))
                })
            })
            .collect();
        let (page, next) = page_of(&wanted, "offer-cards", offset, limit);
        let mut offer_cards = Vec::with_capacity(page.len());
        for i in page {
            let Some(o) = self.offers.get_mut(i) else {
                continue;
            };
            let status = o.card_status();
            let missing = o.missing();
            let ready = o.card == CardState::Ready;
            offer_cards.push(OfferCard {
                offer_id: o.offer_id.clone(),
                mapping: o.market_sku.map(|sku| Mapping {
                    market_sku: Some(sku),
                    market_sku_name: o.name.clone(),
                    market_category_id: o.category,
                    market_category_name: o.category.and_then(category_name).map(str::to_owned),
                    ..Mapping::default()
                }),
                parameter_values: o.parameter_values.clone(),
                card_status: Some(status.clone()),
                content_rating: Some(if missing.is_empty() { 80 } else { 20 }),
                average_content_rating: request.with_recommendations.filter(|w| *w).map(|_| 70),
                content_rating_status: Some(if ready {
                    OfferCardContentStatus::Actual
                } else {
                    OfferCardContentStatus::Updating
                }),
                errors: if status == OfferCardStatus::NoCardNeedContent {
                    vec![OfferError {
                        message: Some(format!(
                            "Не заполнены обязательные поля: {}",
                            missing.join(", ")
                        )),
                        comment: None,
                    }]
                } else {
                    Vec::new()
                },
                ..OfferCard::default()
            });
            o.shown();
        }
        ok(&GetOfferCardsContentStatusResponse {
            status: Some(ApiStatus::Ok),
            result: Some(OfferCardsContentStatus {
                offer_cards,
                paging: pager(next),
            }),
        })
    }
}
