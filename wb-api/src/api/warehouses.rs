//! The warehouses section (being written).
