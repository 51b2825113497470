//! Wire types of the warehouses section (being written).
