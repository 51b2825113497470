//! The orders section (see the module's endpoints).
