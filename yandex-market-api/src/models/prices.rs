//! Models of the prices section.
