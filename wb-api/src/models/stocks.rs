//! Wire types of the stocks section (being written).
