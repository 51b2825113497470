//! The prices section (being written).
