//! The stocks section (being written).
