//! The supplies section (being written).
