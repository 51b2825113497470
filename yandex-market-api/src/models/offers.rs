//! Models of the offers section.
