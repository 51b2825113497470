//! Wire types of the orders section (being written).
