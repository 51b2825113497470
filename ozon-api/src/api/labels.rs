//! The labels section (being written).
