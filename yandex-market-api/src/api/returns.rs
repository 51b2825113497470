//! The returns section (see the module's endpoints).
