//! Models of the stocks section.
