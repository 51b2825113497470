//! Models of the campaigns section.
