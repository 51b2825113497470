//! The content section (being written).
