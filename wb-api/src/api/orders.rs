//! The orders section (being written).
