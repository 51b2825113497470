//! Wire types of the categories section (being written).
