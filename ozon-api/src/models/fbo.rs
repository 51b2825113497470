//! Wire types of the fbo section (being written).
