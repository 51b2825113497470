//! Models of the orders section.
