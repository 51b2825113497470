//! Models of the labels section.
