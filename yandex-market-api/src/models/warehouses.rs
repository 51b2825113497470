//! Models of the warehouses section.
