//! The fbo section (being written).
