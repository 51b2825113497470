//! The categories section (being written).
