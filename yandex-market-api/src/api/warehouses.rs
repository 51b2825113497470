//! The warehouses section (see the module's endpoints).
