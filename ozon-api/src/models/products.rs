//! Wire types of the products section (being written).
