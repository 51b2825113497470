//! Wire types of the labels section (being written).
