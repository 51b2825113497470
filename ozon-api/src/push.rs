//! Push notifications (being written).
