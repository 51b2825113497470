//! Models of the categories section.
