//! The prices section (see the module's endpoints).
