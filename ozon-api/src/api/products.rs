//! The products section (being written).
