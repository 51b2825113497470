//! The fbs section (being written).
