//! Wire types of the labels section: the page layout of label PDFs and the data printed on
//! the labels of an order's boxes.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::ids::{BoxId, OrderId};
use crate::models::common::ApiStatus;

market_core::wire_enum! {
    /// How labels are laid out on the pages of the PDF (`PageFormatType`); A7 when not given.
    pub enum PageFormatType {
        /// One 58 × 40 mm label a page, no margins (close to A9, landscape).
        A9Horizontally = "A9_HORIZONTALLY",
        /// One 40 × 58 mm label a page, no margins (close to A9).
        A9 = "A9",
        /// One 75 × 120 mm label a page (close to A7); Yandex Market's default.
        A7 = "A7",
        /// Labels on A4 sheets, in the label format chosen in the seller's cabinet.
        A4 = "A4",
    }
}

/// Response of `getOrderLabelsData` (schema `GetOrderLabelsDataResponse`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct GetOrderLabelsDataResponse {
    /// `OK` or `ERROR`.
    #[serde(default)]
    pub status: Option<ApiStatus>,
    /// The label data.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<OrderLabels>,
}

/// What the labels of an order's boxes show (schema `OrderLabelDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct OrderLabels {
    /// The order.
    #[serde(default)]
    pub order_id: OrderId,
    /// How many boxes the order has.
    #[serde(default)]
    pub places_number: i32,
    /// The URL of the PDF with every box's label (deprecated by Yandex Market).
    #[serde(default)]
    pub url: String,
    /// One label per box (required: an answer without it is an error, not an empty page).
    pub parcel_box_labels: Vec<BoxLabel>,
}

/// What the label of one box shows (schema `ParcelBoxLabelDTO`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]
#[serde(rename_all = "camelCase")]
pub struct BoxLabel {
    /// The URL of this box's label PDF.
    #[serde(default)]
    pub url: String,
    /// The order.
    #[serde(default)]
    pub order_id: OrderId,
    /// The order's number in the seller's system (the order id when Yandex Market has none).
    #[serde(default)]
    pub order_num: String,
    /// The box.
    #[serde(default)]
    pub box_id: BoxId,
    /// The box's id in the seller's system (`order-number`).
    #[serde(default)]
    pub fulfilment_id: String,
    /// The box's place in the order (`number/total`).
    #[serde(default)]
    pub place: String,
    /// The seller's legal name.
    #[serde(default)]
    pub supplier_name: String,
    /// The delivery service's legal name.
    #[serde(default)]
    pub delivery_service_name: String,
    /// The delivery service (as text).
    #[serde(default)]
    pub delivery_service_id: String,
    /// The recipient's last name and initials.
    #[serde(default)]
    pub recipient_name: String,
    /// The recipient's address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_address: Option<String>,
    /// The shipment date as printed (`dd.MM.yyyy`; see [`BoxLabel::shipment_day`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shipment_date: Option<String>,
    /// The weight of the order's goods as printed (`<weight> кг`; deprecated by Yandex
    /// Market).
    #[serde(default)]
    pub weight: String,
}

impl BoxLabel {
    /// The shipment date, when it reads as `dd.MM.yyyy`.
    pub fn shipment_day(&self) -> Option<NaiveDate> {
        let text = self.shipment_date.as_deref()?.trim();
        NaiveDate::parse_from_str(text, "%d.%m.%Y").ok()
    }
}
