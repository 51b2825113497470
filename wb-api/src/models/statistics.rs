//! Wire types of the statistics section (being written).
