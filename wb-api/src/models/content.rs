//! Wire types of the content section: categories, subjects and their characteristics, the
//! dictionaries (colours, kinds, countries, seasons, VAT rates, TNVED codes), product cards
//! (list, create, create into an existing card, update, trash, recover, failed cards), barcodes,
//! media and card limits.
//!
//! Most content answers wrap their data in WB's envelope `{data, error, errorText,
//! additionalErrors}`, modelled once as [`Envelope`]; the cards list is the exception (bare
//! `{cards, cursor}`).

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use market_core::{Error, Result};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::ids::{CharcId, ChrtId, NmId, SubjectId};

// ---------------------------------------------------------------------------------------------
// The envelope

/// WB's content envelope `{data, error, errorText, additionalErrors}` around the data of most
/// content answers (schemas `responseCardCreate`, `responsePublicViewerPublicErrorsTableListV2`
/// and the inline ones).
///
/// A `200` answer may still say `error: true`; [`Envelope::into_result`] turns that into an
/// error.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(
    rename_all = "camelCase",
    bound(deserialize = "T: Deserialize<'de> + Default")
)]
pub struct Envelope<T> {
    /// The data (`null` reads as empty).
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub data: T,
    /// True when WB refused the request.
    #[serde(default)]
    pub error: bool,
    /// WB's description of the error.
    #[serde(default, deserialize_with = "market_core::wire::de::null_as_empty")]
    pub error_text: String,
    /// More detail on the error: text or an object, depending on the method.
    #[serde(default)]
    pub additional_errors: Option<serde_json::Value>,
}

impl<T> Envelope<T> {
    /// WB's error text with the additional errors, if any.
    pub fn error_message(&self) -> String {
        let mut text = if self.error_text.trim().is_empty() {
            "WB reported an error without a text".to_owned()
        } else {
            self.error_text.clone()
        };
        match &self.additional_errors {
            None | Some(serde_json::Value::Null) => {}
            Some(serde_json::Value::String(s)) if s.trim().is_empty() || *s == self.error_text => {}
            Some(serde_json::Value::String(s)) => text.push_str(&format!(" ({s})")),
            Some(serde_json::Value::Object(m)) if m.is_empty() => {}
            Some(other) => text.push_str(&format!(" ({other})")),
        }
        text
    }

    /// The data, or [`Error::Validation`] with WB's error text when the envelope says
    /// `error: true` (WB refused the request as sent; `operation` names it).
    pub fn into_result(self, operation: &str) -> Result<T> {
        if self.error {
            return Err(Error::invalid(format!(
                "WB refused {operation}: {}",
                self.error_message()
            )));
        }
        Ok(self.data)
    }
}

/// The language of names in content answers (query parameter `locale`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Locale {
    /// Russian (`ru`).
    Ru,
    /// English (`en`).
    En,
    /// Chinese (`zh`).
    Zh,
}

impl Locale {
    /// The value as sent.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ru => "ru",
            Self::En => "en",
            Self::Zh => "zh",
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Categories, subjects, characteristics

/// `GET /content/v2/object/parent/all` answer.
pub type ParentCategoriesResponse = Envelope<Vec<ParentCategory>>;

/// A parent category (`GET /content/v2/object/parent/all`, inline `data[]`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct ParentCategory {
    /// The parent category id.
    #[serde(default)]
    pub id: i64,
    /// Whether it is visible on the site.
    #[serde(default)]
    pub is_visible: bool,
    /// The category's name, in the language asked for with
    /// [`ContentApi::with_locale`](crate::api::content::ContentApi::with_locale).
    #[serde(default)]
    pub name: String,
}

/// `GET /content/v2/object/all` answer.
pub type SubjectsResponse = Envelope<Vec<Subject>>;

/// A subject, WB's category of cards (`GET /content/v2/object/all`, inline `data[]`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct Subject {
    /// The parent category id.
    #[serde(default, rename = "parentID")]
    pub parent_id: i64,
    /// The parent category name.
    #[serde(default)]
    pub parent_name: String,
    /// The subject id.
    #[serde(default, rename = "subjectID")]
    pub subject_id: SubjectId,
    /// The subject name.
    #[serde(default)]
    pub subject_name: String,
}

/// The query of `GET /content/v2/object/all` (one page).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubjectsQuery {
    /// A substring of the subject name, in any supported language.
    pub name: Option<String>,
    /// Only subjects of this parent category.
    pub parent_id: Option<i64>,
    /// The page size, at most [`crate::api::content::SUBJECTS_PAGE_MAX`].
    pub limit: u32,
    /// How many subjects to skip.
    pub offset: u32,
}

impl Default for SubjectsQuery {
    fn default() -> Self {
        Self {
            name: None,
            parent_id: None,
            limit: crate::api::content::SUBJECTS_PAGE_MAX,
            offset: 0,
        }
    }
}

/// `GET /content/v2/object/charcs/{subjectId}` answer.
pub type SubjectCharcsResponse = Envelope<Vec<SubjectCharc>>;

/// A characteristic of a subject (`GET /content/v2/object/charcs/{subjectId}`, inline
/// `data[]`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct SubjectCharc {
    /// The characteristic id.
    #[serde(default, rename = "charcID")]
    pub charc_id: CharcId,
    /// The value type to send: `1` a list of strings, `4` a number, `0` unused (see
    /// [`SubjectCharc::kind`]).
    #[serde(default)]
    pub charc_type: i32,
    /// Whether the characteristic has a named field of its own on the card (2026-08).
    #[serde(default)]
    pub exist_named_field: bool,
    /// Whether buyers can filter by it (2026-08).
    #[serde(default)]
    pub has_filter: bool,
    /// Whether its value may differ between the cards of a merged card (2026-08).
    #[serde(default)]
    pub is_variable: bool,
    /// The most values a card may give it (for string lists).
    #[serde(default)]
    pub max_count: i32,
    /// The characteristic name.
    #[serde(default)]
    pub name: String,
    /// Whether buyers use it a lot.
    #[serde(default)]
    pub popular: bool,
    /// Whether a card must give it.
    #[serde(default)]
    pub required: bool,
    /// The subject id.
    #[serde(default, rename = "subjectID")]
    pub subject_id: SubjectId,
    /// The subject name.
    #[serde(default)]
    pub subject_name: String,
    /// The unit of measure.
    #[serde(default)]
    pub unit_name: String,
}

/// What kind of value a characteristic takes (`charcType`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CharcKind {
    /// `1`: a list of strings.
    Strings,
    /// `4`: a number.
    Number,
    /// `0`: not used.
    Unused,
    /// A value this library does not know.
    Other(i32),
}

impl SubjectCharc {
    /// The kind of value the characteristic takes.
    pub fn kind(&self) -> CharcKind {
        match self.charc_type {
            1 => CharcKind::Strings,
            4 => CharcKind::Number,
            0 => CharcKind::Unused,
            other => CharcKind::Other(other),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Dictionaries

/// `GET /content/v2/directory/colors` answer.
pub type ColorsResponse = Envelope<Vec<Color>>;

/// A colour value (`GET /content/v2/directory/colors`, inline `data[]`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct Color {
    /// The colour name.
    #[serde(default)]
    pub name: String,
    /// The parent colour name.
    #[serde(default)]
    pub parent_name: String,
}

/// `GET /content/v2/directory/kinds` answer: the values of the characteristic "gender".
pub type KindsResponse = Envelope<Vec<String>>;

/// `GET /content/v2/directory/countries` answer.
pub type CountriesResponse = Envelope<Vec<Country>>;

/// A country of production (`GET /content/v2/directory/countries`, inline `data[]`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct Country {
    /// The full country name.
    #[serde(default)]
    pub full_name: String,
    /// The country's id (2026-08).
    #[serde(default)]
    pub id: i64,
    /// The value of the characteristic.
    #[serde(default)]
    pub name: String,
}

/// `GET /content/v2/directory/seasons` answer: the values of the characteristic "season".
pub type SeasonsResponse = Envelope<Vec<String>>;

/// `GET /content/v2/directory/vat` answer: the VAT rates as WB spells them (`"20"`,
/// `"Без НДС"`, ...).
pub type VatResponse = Envelope<Vec<String>>;

/// `GET /content/v2/directory/tnved` answer.
pub type TnvedResponse = Envelope<Vec<Tnved>>;

/// A TNVED (customs) code (`GET /content/v2/directory/tnved`, inline `data[]`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct Tnved {
    /// Whether goods under this code need a marking code.
    #[serde(default)]
    pub is_kiz: bool,
    /// The code.
    #[serde(default)]
    pub tnved: String,
}

// ---------------------------------------------------------------------------------------------
// Cards list

/// `POST /content/v2/get/cards/list` request (inline schema).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CardsListRequest {
    /// Cursor, filter and sort.
    pub settings: CardsListSettings,
}

impl CardsListRequest {
    /// The first page of the cards matching `filter`.
    pub fn first(filter: CardsFilter, limit: u32) -> Self {
        Self {
            settings: CardsListSettings {
                cursor: CardsCursor {
                    limit,
                    nm_id: None,
                    updated_at: None,
                },
                filter,
                sort: None,
            },
        }
    }

    /// The page after the card (`updatedAt`, `nmID`) the previous answer's cursor named.
    pub fn after(filter: CardsFilter, limit: u32, updated_at: String, nm_id: NmId) -> Self {
        let mut r = Self::first(filter, limit);
        r.settings.cursor.updated_at = Some(updated_at);
        r.settings.cursor.nm_id = Some(nm_id);
        r
    }
}

/// The settings of a cards list request (`settings`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CardsListSettings {
    /// Where the page starts and how long it is.
    pub cursor: CardsCursor,
    /// Which cards.
    pub filter: CardsFilter,
    /// The order (by `updatedAt`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort: Option<CardsSort>,
}

/// The cursor of a cards list request (`settings.cursor`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CardsCursor {
    /// Cards a page, at most [`crate::api::content::CARDS_LIST_PAGE_MAX`].
    pub limit: u32,
    /// The `nmID` of the previous answer's cursor.
    #[serde(default, rename = "nmID", skip_serializing_if = "Option::is_none")]
    pub nm_id: Option<NmId>,
    /// The `updatedAt` of the previous answer's cursor, sent back as WB wrote it.
    #[serde(default, rename = "updatedAt", skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<String>,
}

/// The photo filter of the cards list (`withPhoto`: `-1`, `0`, `1`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PhotoFilter {
    /// `-1`: every card.
    All,
    /// `0`: only cards without photos (WB's default when the field is absent).
    WithoutPhoto,
    /// `1`: only cards with photos.
    WithPhoto,
}

impl PhotoFilter {
    /// The wire value.
    pub fn as_i32(self) -> i32 {
        match self {
            Self::All => -1,
            Self::WithoutPhoto => 0,
            Self::WithPhoto => 1,
        }
    }
}

impl Serialize for PhotoFilter {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.serialize_i32(self.as_i32())
    }
}

impl<'de> Deserialize<'de> for PhotoFilter {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        match i64::deserialize(d)? {
            -1 => Ok(Self::All),
            0 => Ok(Self::WithoutPhoto),
            1 => Ok(Self::WithPhoto),
            other => Err(serde::de::Error::custom(format!(
                "withPhoto {other} is not -1, 0 or 1"
            ))),
        }
    }
}

/// The filter of a cards list request (`settings.filter`).
///
/// [`Default`] asks for every card (`withPhoto: -1`): absent, WB's default is `0`, only cards
/// without photos.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct CardsFilter {
    /// `true`: only cards of the categories allowed to the seller.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allowed_categories_only: Option<bool>,
    /// Only these brands.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub brands: Vec<String>,
    /// Only the cards merged under this `imtID`.
    #[serde(default, rename = "imtID", skip_serializing_if = "Option::is_none")]
    pub imt_id: Option<i64>,
    /// Only these subjects.
    #[serde(default, rename = "objectIDs", skip_serializing_if = "Vec::is_empty")]
    pub object_ids: Vec<SubjectId>,
    /// Only cards with these tags.
    #[serde(default, rename = "tagIDs", skip_serializing_if = "Vec::is_empty")]
    pub tag_ids: Vec<i64>,
    /// Search by seller's article, WB article or barcode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text_search: Option<String>,
    /// Cards with or without photos.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub with_photo: Option<PhotoFilter>,
}

impl Default for CardsFilter {
    fn default() -> Self {
        Self {
            allowed_categories_only: None,
            brands: Vec::new(),
            imt_id: None,
            object_ids: Vec::new(),
            tag_ids: Vec::new(),
            text_search: None,
            with_photo: Some(PhotoFilter::All),
        }
    }
}

impl CardsFilter {
    /// Searches by seller's article, WB article or barcode.
    pub fn with_text_search(mut self, text: impl Into<String>) -> Self {
        self.text_search = Some(text.into());
        self
    }

    /// Only these subjects.
    pub fn with_subjects(mut self, subjects: impl IntoIterator<Item = SubjectId>) -> Self {
        self.object_ids = subjects.into_iter().collect();
        self
    }

    /// Only these brands.
    pub fn with_brands(mut self, brands: impl IntoIterator<Item = String>) -> Self {
        self.brands = brands.into_iter().collect();
        self
    }

    /// Only the cards merged under `imt_id`.
    pub fn with_imt_id(mut self, imt_id: i64) -> Self {
        self.imt_id = Some(imt_id);
        self
    }

    /// Cards with or without photos.
    pub fn with_photo(mut self, filter: PhotoFilter) -> Self {
        self.with_photo = Some(filter);
        self
    }
}

/// The sort of a cards list request (`settings.sort`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CardsSort {
    /// `true`: oldest `updatedAt` first; `false` (WB's default): newest first.
    pub ascending: bool,
}

/// `POST /content/v2/get/cards/list` answer (inline schema; not enveloped).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CardsListResponse {
    /// The cards of this page (required, not `null`).
    pub cards: Vec<Card>,
    /// Where the next page starts, and how many cards this page returned (required).
    pub cursor: CardsCursorAnswer,
}

/// The cursor of a cards list answer (`cursor`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CardsCursorAnswer {
    /// The `nmID` to send in the next request's cursor.
    #[serde(default, rename = "nmID")]
    pub nm_id: Option<NmId>,
    /// How many cards this page returned: fewer than the limit asked means the last page.
    #[serde(default)]
    pub total: i64,
    /// The `updatedAt` to send in the next request's cursor (kept as WB wrote it).
    #[serde(
        default,
        rename = "updatedAt",
        deserialize_with = "market_core::wire::de::null_as_empty"
    )]
    pub updated_at: String,
}

/// A product card (`POST /content/v2/get/cards/list`, inline `cards[]`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct Card {
    /// The brand.
    #[serde(default)]
    pub brand: String,
    /// The characteristics.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub characteristics: Vec<CardCharacteristic>,
    /// When the card was created (RFC 3339 text as WB sends it; see [`Card::created`]).
    #[serde(default)]
    pub created_at: String,
    /// The description.
    #[serde(default)]
    pub description: String,
    /// Packaged dimensions (cm) and weight (kg).
    #[serde(default)]
    pub dimensions: CardDimensions,
    /// The merged card (`imtID`) this card belongs to.
    #[serde(default, rename = "imtID")]
    pub imt_id: i64,
    /// Whether the goods are marked with identification codes (2026-08).
    #[serde(default)]
    pub kiz_marked: bool,
    /// Whether the goods need a marking code.
    #[serde(default)]
    pub need_kiz: bool,
    /// WB's article.
    #[serde(default, rename = "nmID")]
    pub nm_id: NmId,
    /// WB's internal technical id of the card.
    #[serde(default, rename = "nmUUID")]
    pub nm_uuid: String,
    /// The photos.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub photos: Vec<CardPhoto>,
    /// The sizes.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub sizes: Vec<CardSize>,
    /// The subject.
    #[serde(default, rename = "subjectID")]
    pub subject_id: SubjectId,
    /// The subject name.
    #[serde(default)]
    pub subject_name: String,
    /// The seller's tags.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub tags: Vec<CardTag>,
    /// The product name.
    #[serde(default)]
    pub title: String,
    /// When the card was last changed (kept as WB wrote it, for the cursor; see
    /// [`Card::updated`]).
    #[serde(default)]
    pub updated_at: String,
    /// The seller's article.
    #[serde(default)]
    pub vendor_code: String,
    /// The video URL.
    #[serde(default)]
    pub video: String,
    /// Wholesale settings.
    #[serde(default)]
    pub wholesale: Wholesale,
}

fn parse_time(text: &str) -> Option<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text.trim())
        .ok()
        .map(|t| t.with_timezone(&Utc))
}

impl Card {
    /// When the card was created, if WB's text is RFC 3339.
    pub fn created(&self) -> Option<DateTime<Utc>> {
        parse_time(&self.created_at)
    }

    /// When the card was last changed, if WB's text is RFC 3339.
    pub fn updated(&self) -> Option<DateTime<Utc>> {
        parse_time(&self.updated_at)
    }
}

/// A characteristic of a card (`cards[].characteristics[]`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CardCharacteristic {
    /// The characteristic id.
    #[serde(default)]
    pub id: CharcId,
    /// The characteristic name.
    #[serde(default)]
    pub name: String,
    /// The value: a list of strings or a number, by the characteristic's type (the spec gives
    /// it no type).
    #[serde(default)]
    pub value: serde_json::Value,
}

/// Packaged dimensions and weight of a listed card (`cards[].dimensions`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct CardDimensions {
    /// Height, cm.
    #[serde(default)]
    pub height: i64,
    /// `false` when the dimensions differ a lot from the subject's usual ones.
    #[serde(default)]
    pub is_valid: bool,
    /// Length, cm.
    #[serde(default)]
    pub length: i64,
    /// Gross weight, kg (at most 3 decimals).
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub weight_brutto: Decimal,
    /// Width, cm.
    #[serde(default)]
    pub width: i64,
}

/// The URLs of one photo in its sizes (`cards[].photos[]`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CardPhoto {
    /// 900x1200.
    #[serde(default)]
    pub big: String,
    /// 248x328.
    #[serde(default)]
    pub c246x328: String,
    /// 516x688.
    #[serde(default)]
    pub c516x688: String,
    /// 600x600.
    #[serde(default)]
    pub square: String,
    /// 75x100.
    #[serde(default)]
    pub tm: String,
}

/// A size of a listed card (`cards[].sizes[]`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct CardSize {
    /// The size id.
    #[serde(default, rename = "chrtID")]
    pub chrt_id: ChrtId,
    /// The barcodes.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub skus: Vec<String>,
    /// The seller's size (`XL`, `45`, ...).
    #[serde(default)]
    pub tech_size: String,
    /// The Russian size.
    #[serde(default)]
    pub wb_size: String,
}

/// A seller's tag on a card (`cards[].tags[]`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CardTag {
    /// The colour (`D1CFD7` grey, `FEE0E0` red, ...).
    #[serde(default)]
    pub color: String,
    /// The tag id.
    #[serde(default)]
    pub id: i64,
    /// The tag name.
    #[serde(default)]
    pub name: String,
}

/// Wholesale settings of a card (`wholesale`, in the list and in card writes).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct Wholesale {
    /// Whether the card is meant for wholesale.
    #[serde(default)]
    pub enabled: bool,
    /// Units in a package (typed `number` by the spec).
    #[serde(
        default,
        serialize_with = "market_core::wire::ser::number",
        deserialize_with = "market_core::wire::de::decimal"
    )]
    pub quantum: Decimal,
}

// ---------------------------------------------------------------------------------------------
// Failed cards (error list)

/// `POST /content/v2/cards/error/list` request (schema
/// `requestPublicViewerPublicErrorsTableListV2`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CardErrorsRequest {
    /// Where the page starts and how long it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cursor: Option<CardErrorsCursor>,
    /// The order of the batches.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<CardErrorsOrder>,
}

impl CardErrorsRequest {
    /// The first page of `limit` batches.
    pub fn first(limit: u32, ascending: bool) -> Self {
        Self {
            cursor: Some(CardErrorsCursor {
                batch_uuid: None,
                limit: Some(limit),
                updated_at: None,
            }),
            order: Some(CardErrorsOrder { ascending }),
        }
    }
}

/// The cursor of an error list request (schema `swagger.PublicErrorsCursorInput`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CardErrorsCursor {
    /// The last batch of the previous answer.
    #[serde(default, rename = "batchUUID", skip_serializing_if = "Option::is_none")]
    pub batch_uuid: Option<String>,
    /// Batches a page, at most [`crate::api::content::CARD_ERRORS_PAGE_MAX`] (WB's default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
    /// When the last batch of the previous answer was made.
    #[serde(default, rename = "updatedAt", skip_serializing_if = "Option::is_none")]
    pub updated_at: Option<DateTime<Utc>>,
}

/// The order of an error list request (schema `swagger.PublicErrorsOrderV2`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CardErrorsOrder {
    /// `true` (WB's default): oldest first.
    pub ascending: bool,
}

/// `POST /content/v2/cards/error/list` answer (schema
/// `responsePublicViewerPublicErrorsTableListV2`).
pub type CardErrorsResponse = Envelope<CardErrorsPage>;

/// One page of failed cards (schema `models.ErrorTableListPublicRespV2`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CardErrorsPage {
    /// Where the next page starts, and whether there is one (required).
    pub cursor: CardErrorsCursorAnswer,
    /// The batches: each holds the errors of one merged card of a create request, or of one
    /// create-into or update request (required, not `null`).
    pub items: Vec<CardErrorBatch>,
}

/// The cursor of an error list answer (schema `viewer_contract.PublicErrorsCursorOutput`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CardErrorsCursorAnswer {
    /// The last batch of this page.
    #[serde(
        default,
        rename = "batchUUID",
        deserialize_with = "market_core::wire::de::null_as_empty"
    )]
    pub batch_uuid: String,
    /// Whether more batches follow.
    #[serde(default)]
    pub next: bool,
    /// When the last batch of this page was made.
    #[serde(
        default,
        rename = "updatedAt",
        deserialize_with = "market_core::wire::de::opt_time"
    )]
    pub updated_at: Option<DateTime<Utc>>,
}

/// The errors of one batch, by seller's article (schema `models.ErrorTableListPublicRespV2Item`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CardErrorBatch {
    /// The batch id.
    #[serde(default, rename = "batchUUID")]
    pub batch_uuid: String,
    /// The brand of each card, by seller's article.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub brands: BTreeMap<String, CardErrorBrand>,
    /// The error messages of each card, by seller's article.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub errors: BTreeMap<String, Vec<String>>,
    /// The subject of each card, by seller's article.
    #[serde(default, deserialize_with = "market_core::wire::de::nullable")]
    pub subjects: BTreeMap<String, CardErrorSubject>,
    /// When the batch was made (required since 2026-08).
    #[serde(
        default,
        rename = "updatedAt",
        deserialize_with = "market_core::wire::de::opt_time"
    )]
    pub updated_at: Option<DateTime<Utc>>,
    /// The seller's articles of the batch.
    #[serde(
        default,
        rename = "vendorCodes",
        deserialize_with = "market_core::wire::de::nullable"
    )]
    pub vendor_codes: Vec<String>,
}

/// A brand in the error list (schema `models.ErrorBrand`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CardErrorBrand {
    /// The brand id (typed `number` by the spec; see [`CardErrorBrand::brand_id`]).
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub id: Decimal,
    /// The brand.
    #[serde(default)]
    pub name: String,
}

impl CardErrorBrand {
    /// The id as an integer, when it is one.
    pub fn brand_id(&self) -> Option<i64> {
        self.id
            .fract()
            .is_zero()
            .then(|| self.id.to_i64())
            .flatten()
    }
}

/// A subject in the error list (schema `models.ErrorSubject`).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CardErrorSubject {
    /// The subject id (typed `number` by the spec; see [`CardErrorSubject::subject_id`]).
    #[serde(default, deserialize_with = "market_core::wire::de::decimal")]
    pub id: Decimal,
    /// The subject name.
    #[serde(default)]
    pub name: String,
}

impl CardErrorSubject {
    /// The id as a [`SubjectId`], when it is an integer.
    pub fn subject_id(&self) -> Option<SubjectId> {
        self.id
            .fract()
            .is_zero()
            .then(|| self.id.to_i64())
            .flatten()
            .map(SubjectId)
    }
}

// ---------------------------------------------------------------------------------------------
// Card writes: create, create into an existing card, update

/// `POST /content/v2/cards/upload` request item: one merged card (inline schema; the body is
/// a list of these).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CardToCreate {
    /// The subject.
    #[serde(rename = "subjectID")]
    pub subject_id: SubjectId,
    /// The cards, merged under one `imtID` (at most
    /// [`crate::api::content::VARIANTS_PER_CARD_MAX`]).
    pub variants: Vec<CardVariant>,
}

impl CardToCreate {
    /// A merged card of `variants` in `subject_id` (one variant: a card of its own).
    pub fn new(subject_id: impl Into<SubjectId>, variants: Vec<CardVariant>) -> Self {
        Self {
            subject_id: subject_id.into(),
            variants,
        }
    }
}

/// A card to create (`POST /content/v2/cards/upload` `variants[]`,
/// `POST /content/v2/cards/upload/add` `cardsToAdd[]`; inline schemas).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct CardVariant {
    /// The brand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brand: Option<String>,
    /// The characteristics (ids from the subject's characteristics).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub characteristics: Vec<CharacteristicValue>,
    /// The description (at most 1000 to 5000 characters, by category).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Packaged dimensions (cm) and weight (kg); WB sets zeros when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dimensions: Option<Dimensions>,
    /// Whether the goods are marked with identification codes (WB takes `false` when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kiz_marked: Option<bool>,
    /// The sizes; WB makes one (with a barcode) when absent.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sizes: Vec<NewSize>,
    /// The product name (at most 60 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The seller's article (at most 72 characters).
    pub vendor_code: String,
    /// Wholesale settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wholesale: Option<Wholesale>,
}

impl CardVariant {
    /// A card with its seller's article; add the rest with `with_*`.
    pub fn new(vendor_code: impl Into<String>) -> Self {
        Self {
            brand: None,
            characteristics: Vec::new(),
            description: None,
            dimensions: None,
            kiz_marked: None,
            sizes: Vec::new(),
            title: None,
            vendor_code: vendor_code.into(),
            wholesale: None,
        }
    }

    /// Sets the brand.
    pub fn with_brand(mut self, brand: impl Into<String>) -> Self {
        self.brand = Some(brand.into());
        self
    }

    /// Sets the product name.
    pub fn with_title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Sets the description.
    pub fn with_description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Sets the packaged dimensions and weight.
    pub fn with_dimensions(mut self, dimensions: Dimensions) -> Self {
        self.dimensions = Some(dimensions);
        self
    }

    /// Marks the goods as carrying identification codes (or not).
    pub fn with_kiz_marked(mut self, marked: bool) -> Self {
        self.kiz_marked = Some(marked);
        self
    }

    /// Adds a size.
    pub fn with_size(mut self, size: NewSize) -> Self {
        self.sizes.push(size);
        self
    }

    /// Adds a characteristic.
    pub fn with_characteristic(mut self, value: CharacteristicValue) -> Self {
        self.characteristics.push(value);
        self
    }

    /// Sets the wholesale settings.
    pub fn with_wholesale(mut self, wholesale: Wholesale) -> Self {
        self.wholesale = Some(wholesale);
        self
    }
}

/// A characteristic value sent in a card write (`characteristics[]`: `id`, `value`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CharacteristicValue {
    /// The characteristic id.
    pub id: CharcId,
    /// A list of strings or a number, by the characteristic's `charcType` (the spec gives it
    /// no type).
    pub value: serde_json::Value,
}

impl CharacteristicValue {
    /// A list of strings (`charcType` 1).
    pub fn strings<S: Into<String>>(
        id: impl Into<CharcId>,
        values: impl IntoIterator<Item = S>,
    ) -> Self {
        Self {
            id: id.into(),
            value: serde_json::Value::Array(
                values
                    .into_iter()
                    .map(|s| serde_json::Value::String(s.into()))
                    .collect(),
            ),
        }
    }

    /// A number (`charcType` 4).
    pub fn number(id: impl Into<CharcId>, value: Decimal) -> Self {
        let value = serde_json::to_value(NumberValue(value)).unwrap_or(serde_json::Value::Null);
        Self {
            id: id.into(),
            value,
        }
    }
}

#[derive(Serialize)]
struct NumberValue(#[serde(serialize_with = "market_core::wire::ser::number")] Decimal);

impl From<&CardCharacteristic> for CharacteristicValue {
    fn from(c: &CardCharacteristic) -> Self {
        Self {
            id: c.id,
            value: c.value.clone(),
        }
    }
}

/// Packaged dimensions (cm) and weight (kg) sent in a card write (`dimensions`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct Dimensions {
    /// Height, cm.
    pub height: i64,
    /// Length, cm.
    pub length: i64,
    /// Gross weight, kg (at most 3 decimals).
    #[serde(
        serialize_with = "market_core::wire::ser::number",
        deserialize_with = "market_core::wire::de::decimal"
    )]
    pub weight_brutto: Decimal,
    /// Width, cm.
    pub width: i64,
}

impl Dimensions {
    /// Length, width, height in cm and gross weight in kg.
    pub fn new(length: i64, width: i64, height: i64, weight_kg: Decimal) -> Self {
        Self {
            height,
            length,
            weight_brutto: weight_kg,
            width,
        }
    }
}

/// A size of a card to create (`variants[].sizes[]`, `cardsToAdd[].sizes[]`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct NewSize {
    /// The price, whole roubles (typed `integer` by the spec).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "market_core::wire::ser::opt_number",
        deserialize_with = "market_core::wire::de::opt_decimal"
    )]
    pub price: Option<Decimal>,
    /// The barcodes; WB makes one when absent.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skus: Vec<String>,
    /// The seller's size (`XL`, `45`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tech_size: Option<String>,
    /// The Russian size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wb_size: Option<String>,
}

impl NewSize {
    /// A size with one barcode.
    pub fn barcode(sku: impl Into<String>) -> Self {
        Self {
            skus: vec![sku.into()],
            ..Self::default()
        }
    }

    /// Sets the price (whole roubles).
    pub fn with_price(mut self, price: Decimal) -> Self {
        self.price = Some(price);
        self
    }

    /// Sets the seller's and the Russian size.
    pub fn with_sizes(mut self, tech_size: impl Into<String>, wb_size: impl Into<String>) -> Self {
        self.tech_size = Some(tech_size.into());
        self.wb_size = Some(wb_size.into());
        self
    }
}

/// `POST /content/v2/cards/upload/add` request (inline schema).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct CardsAddRequest {
    /// The cards to create into the merged card.
    #[serde(rename = "cardsToAdd")]
    pub cards_to_add: Vec<CardVariant>,
    /// The existing merged card to join.
    #[serde(rename = "imtID")]
    pub imt_id: i64,
}

/// A card update (`POST /content/v2/cards/update` request item; inline schema). The card is
/// overwritten: send every field to keep, not only the changed ones.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct CardUpdate {
    /// The brand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub brand: Option<String>,
    /// The characteristics.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub characteristics: Vec<CharacteristicValue>,
    /// The description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Packaged dimensions (cm) and weight (kg).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dimensions: Option<Dimensions>,
    /// Whether the goods are marked with identification codes (the update overwrites it:
    /// WB takes `false` when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kiz_marked: Option<bool>,
    /// WB's article of the card.
    #[serde(rename = "nmID")]
    pub nm_id: NmId,
    /// Every size: existing ones with their `chrtID`, new ones without (and with a price).
    pub sizes: Vec<SizeUpdate>,
    /// The product name (at most 60 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The seller's article.
    pub vendor_code: String,
}

impl From<&Card> for CardUpdate {
    /// The update that rewrites a listed card as it is (change fields, then send it).
    fn from(card: &Card) -> Self {
        let text = |s: &str| (!s.is_empty()).then(|| s.to_owned());
        let d = &card.dimensions;
        let dimensions =
            (d.height != 0 || d.length != 0 || d.width != 0 || !d.weight_brutto.is_zero())
                .then(|| Dimensions::new(d.length, d.width, d.height, d.weight_brutto));
        Self {
            brand: text(&card.brand),
            characteristics: card.characteristics.iter().map(Into::into).collect(),
            description: text(&card.description),
            dimensions,
            kiz_marked: Some(card.kiz_marked),
            nm_id: card.nm_id,
            sizes: card
                .sizes
                .iter()
                .map(|s| SizeUpdate {
                    chrt_id: Some(s.chrt_id),
                    price: None,
                    skus: s.skus.clone(),
                    tech_size: text(&s.tech_size),
                    wb_size: text(&s.wb_size),
                })
                .collect(),
            title: text(&card.title),
            vendor_code: card.vendor_code.clone(),
        }
    }
}

/// A size in a card update (`sizes[]`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct SizeUpdate {
    /// The size id: required for existing sizes, absent for new ones.
    #[serde(default, rename = "chrtID", skip_serializing_if = "Option::is_none")]
    pub chrt_id: Option<ChrtId>,
    /// The price of a new size, whole roubles (prices of existing sizes cannot change here).
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "market_core::wire::ser::opt_number",
        deserialize_with = "market_core::wire::de::opt_decimal"
    )]
    pub price: Option<Decimal>,
    /// The barcodes (existing ones cannot be removed; new ones may be added).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skus: Vec<String>,
    /// The seller's size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tech_size: Option<String>,
    /// The Russian size.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wb_size: Option<String>,
}

/// The answer of the card writes (`POST /content/v2/cards/upload`, `/upload/add`, `/update`;
/// schema `responseCardCreate`): creation is asynchronous, failures show up later in the
/// error list.
pub type CardsWriteResponse = Envelope<serde_json::Value>;

// ---------------------------------------------------------------------------------------------
// Barcodes, media, trash, limits

/// `POST /content/v2/barcodes` request (inline schema).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct BarcodesRequest {
    /// How many barcodes, at most [`crate::api::content::BARCODES_MAX`].
    pub count: u32,
}

/// `POST /content/v2/barcodes` answer: the new barcodes.
pub type BarcodesResponse = Envelope<Vec<String>>;

/// `POST /content/v3/media/save` request (inline schema).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct MediaSaveRequest {
    /// Links to the images, in card order, and to at most one video anywhere in the list;
    /// they replace the card's media.
    pub data: Vec<String>,
    /// WB's article of the card.
    #[serde(rename = "nmId")]
    pub nm_id: NmId,
}

/// `POST /content/v3/media/save` answer (inline schema; `data` is an empty object).
pub type MediaSaveResponse = Envelope<serde_json::Value>;

/// `POST /content/v2/cards/delete/trash` and `POST /content/v2/cards/recover` request (inline
/// schemas).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
pub struct NmIdsRequest {
    /// WB's articles, at most [`crate::api::content::CARDS_TRASH_MAX`].
    #[serde(rename = "nmIDs")]
    pub nm_ids: Vec<NmId>,
}

/// `POST /content/v2/cards/delete/trash` and `POST /content/v2/cards/recover` answer.
pub type TrashResponse = Envelope<serde_json::Value>;

/// `GET /content/v2/cards/limits` answer.
pub type CardsLimitsResponse = Envelope<CardsLimits>;

/// The seller's card creation limits (`GET /content/v2/cards/limits`, inline `data`). Cards
/// that can still be created: `free_limits + paid_limits` minus the cards that exist
/// (including those in the trash).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct CardsLimits {
    /// Free card limits.
    #[serde(default)]
    pub free_limits: i64,
    /// Paid card limits.
    #[serde(default)]
    pub paid_limits: i64,
}

impl CardsLimits {
    /// Free and paid limits together.
    pub fn total(&self) -> i64 {
        self.free_limits.saturating_add(self.paid_limits)
    }
}
