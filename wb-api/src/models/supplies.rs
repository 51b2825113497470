//! Wire types of the supplies section (being written).
