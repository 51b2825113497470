//! Models of the returns section.
