//! Wire types of the content section (being written).
