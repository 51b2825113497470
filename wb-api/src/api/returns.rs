//! The returns section (being written).
