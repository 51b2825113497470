//! The stocks section (see the module's endpoints).
