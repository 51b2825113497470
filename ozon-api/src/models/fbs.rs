//! Wire types of the fbs section (being written).
