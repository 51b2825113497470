//! The labels section (see the module's endpoints).
