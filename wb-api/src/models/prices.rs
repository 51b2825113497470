//! Wire types of the prices section (being written).
