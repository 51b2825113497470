//! The campaigns section (see the module's endpoints).
