//! The categories section (see the module's endpoints).
