//! A stateful local emulator of the Ozon Seller API (being written).
