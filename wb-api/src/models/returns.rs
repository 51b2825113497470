//! Wire types of the returns section (being written).
