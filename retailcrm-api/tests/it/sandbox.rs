//! The emulator (lands next).
