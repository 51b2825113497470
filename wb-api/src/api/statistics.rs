//! The statistics section (being written).
