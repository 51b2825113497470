use std::fmt;

use bytes::Bytes;
use serde::{Deserialize, Serialize};

use crate::ids::OrderId;

/// The file format of a shipping label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LabelFormat {
    /// A PDF document.
    Pdf,
    /// A PNG image.
    Png,
    /// An SVG image (WB stickers).
    Svg,
    /// Zebra printer language.
    Zpl,
}

impl LabelFormat {
    /// The MIME type of the format.
    pub fn content_type(self) -> &'static str {
        match self {
            Self::Pdf => "application/pdf",
            Self::Png => "image/png",
            Self::Svg => "image/svg+xml",
            Self::Zpl => "text/plain",
        }
    }

    /// Guesses the format from the leading bytes of a file (PDF, PNG, SVG, ZPL).
    pub fn sniff(bytes: &[u8]) -> Option<Self> {
        let trimmed = bytes.trim_ascii_start();
        if trimmed.starts_with(b"%PDF-") {
            Some(Self::Pdf)
        } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
            Some(Self::Png)
        } else if trimmed.starts_with(b"<svg") || trimmed.starts_with(b"<?xml") {
            Some(Self::Svg)
        } else if trimmed.starts_with(b"^XA") {
            Some(Self::Zpl)
        } else {
            None
        }
    }
}

/// A shipping label for one order.
#[derive(Clone, PartialEq, Eq)]
pub struct Label {
    /// The order the label is for.
    pub order_id: OrderId,
    /// What `bytes` holds (PDF, PNG, SVG, ZPL).
    pub format: LabelFormat,
    /// The file as the vendor sent it (a whole file: a body cut short is an error, never a
    /// label).
    pub bytes: Bytes,
}

impl fmt::Debug for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Label")
            .field("order_id", &self.order_id)
            .field("format", &self.format)
            .field("len", &self.bytes.len())
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_formats() {
        assert_eq!(LabelFormat::sniff(b"%PDF-1.4\n"), Some(LabelFormat::Pdf));
        assert_eq!(
            LabelFormat::sniff(b"\x89PNG\r\n\x1a\n...."),
            Some(LabelFormat::Png)
        );
        assert_eq!(LabelFormat::sniff(b"  <svg xmlns"), Some(LabelFormat::Svg));
        assert_eq!(LabelFormat::sniff(b"^XA^FO50"), Some(LabelFormat::Zpl));
        assert_eq!(LabelFormat::sniff(b"{\"error\":1}"), None);
    }
}
