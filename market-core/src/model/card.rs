use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use url::Url;

use super::{BatchReport, ItemKey};
use crate::ids::{AttributeId, Barcode, CategoryId, OfferId, TaskId};

/// A product card: what a buyer sees on the marketplace.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Card {
    /// The seller's article.
    pub offer_id: OfferId,
    /// The product name buyers see (the channel's length limit applies).
    pub name: String,
    /// The marketplace category the card is published in.
    pub category: CategoryRef,
    /// The brand, where the channel has a field for it.
    pub brand: Option<String>,
    /// The long description buyers read on the product page.
    pub description: Option<String>,
    /// Category attributes (characteristics) with typed values.
    pub attributes: Vec<Attribute>,
    /// Image URLs, the main image first.
    pub images: Vec<Url>,
    /// Barcodes of the product.
    pub barcodes: Vec<Barcode>,
    /// Packed dimensions and weight.
    pub dimensions: Option<Dimensions>,
    /// Size and colour variants sold under this card.
    pub variants: Vec<Variant>,
    /// VAT rate as a fraction (0.2 for 20 %), when the channel asks for it.
    pub vat: Option<Decimal>,
    /// The selling price, for channels that take one when the card is created (Ozon); prices
    /// are otherwise kept in step with [`crate::PriceUpdate`].
    pub price: Option<Decimal>,
}

impl Card {
    /// A card with a name and category and nothing else yet.
    pub fn new(
        offer_id: impl Into<OfferId>,
        name: impl Into<String>,
        category: CategoryRef,
    ) -> Self {
        Self {
            offer_id: offer_id.into(),
            name: name.into(),
            category,
            brand: None,
            description: None,
            attributes: Vec::new(),
            images: Vec::new(),
            barcodes: Vec::new(),
            dimensions: None,
            variants: Vec::new(),
            vat: None,
            price: None,
        }
    }

    /// The key this card is reported under in a [`BatchReport`].
    pub fn key(&self) -> ItemKey {
        ItemKey::offer(self.offer_id.clone())
    }
}

/// A marketplace category reference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CategoryRef {
    /// The channel's category id (Ozon `description_category_id`, WB `subjectID`, Yandex
    /// Market `marketCategoryId`).
    pub id: CategoryId,
    /// A second-level type id where the vendor has one (Ozon's `type_id`).
    pub type_id: Option<String>,
    /// The category name, for people.
    pub name: Option<String>,
}

/// One attribute of a card with its values.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Attribute {
    /// The marketplace's attribute id.
    pub id: AttributeId,
    /// The attribute name, for people.
    pub name: Option<String>,
    /// The values (several for multi-valued attributes).
    pub values: Vec<AttributeValue>,
}

/// A typed attribute value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum AttributeValue {
    /// Free text.
    Text(String),
    /// A number (dimension, count, volume).
    Number(Decimal),
    /// Yes or no.
    Bool(bool),
    /// A value from the marketplace's dictionary of this attribute.
    Dictionary {
        /// The channel's id of the dictionary value.
        id: String,
        /// Its text, for people.
        value: Option<String>,
    },
}

/// Packed dimensions in millimetres and weight in grams.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dimensions {
    /// Length, mm.
    pub length_mm: u32,
    /// Width, mm.
    pub width_mm: u32,
    /// Height, mm.
    pub height_mm: u32,
    /// Weight, g.
    pub weight_g: u32,
}

/// A size or colour variant of a card, sold as its own offer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Variant {
    /// The variant's own article.
    pub offer_id: OfferId,
    /// The size label (`42`, `XL`), if the variant is a size.
    pub size: Option<String>,
    /// The colour name, if the variant is a colour.
    pub color: Option<String>,
    /// The variant's barcodes.
    pub barcodes: Vec<Barcode>,
}

/// What publishing cards returned: the vendor tasks to follow up, and the cards turned down
/// before sending.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardSubmission {
    /// Vendor tasks (one per sent chunk) whose outcome [`CardImportStatus`] reports.
    /// Vendors that validate synchronously return none and fill `report` instead.
    pub tasks: Vec<TaskId>,
    /// Items already decided: rejected by validation, or accepted/rejected synchronously.
    pub report: BatchReport,
}

/// The state of a card import task.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CardImportState {
    /// The vendor is still processing the task; ask again later.
    Pending,
    /// Processing finished; the report is final.
    Done,
}

/// The outcome of a card import task.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CardImportStatus {
    /// The vendor's id of the import task ([`crate::Marketplace::publish_cards`] returns it).
    pub task_id: TaskId,
    /// Whether the outcome is final.
    pub state: CardImportState,
    /// Items processed so far, accepted or rejected with the vendor's reason.
    pub report: BatchReport,
}
