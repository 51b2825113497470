//! The offers section (see the module's endpoints).
