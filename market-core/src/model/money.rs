use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An ISO 4217 currency. Yandex Market's legacy `RUR` is read as [`Currency::Rub`].
///
/// Unknown codes are kept as [`Currency::Other`], upper-cased.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Currency {
    /// Russian rouble (`RUB`; Yandex Market also says `RUR`).
    #[default]
    Rub,
    /// Belarusian rouble.
    Byn,
    /// Kazakhstani tenge.
    Kzt,
    /// Uzbekistani som.
    Uzs,
    /// Armenian dram.
    Amd,
    /// Kyrgyzstani som.
    Kgs,
    /// Chinese yuan.
    Cny,
    /// US dollar.
    Usd,
    /// Euro.
    Eur,
    /// Any other code, upper-cased.
    Other(String),
}

impl Currency {
    /// Parses a vendor's currency code (case-insensitive; `RUR` means `RUB`).
    pub fn parse(code: &str) -> Self {
        let upper = code.trim().to_ascii_uppercase();
        match upper.as_str() {
            "RUB" | "RUR" => Self::Rub,
            "BYN" => Self::Byn,
            "KZT" => Self::Kzt,
            "UZS" => Self::Uzs,
            "AMD" => Self::Amd,
            "KGS" => Self::Kgs,
            "CNY" => Self::Cny,
            "USD" => Self::Usd,
            "EUR" => Self::Eur,
            _ => Self::Other(upper),
        }
    }

    /// The ISO 4217 code.
    pub fn code(&self) -> &str {
        match self {
            Self::Rub => "RUB",
            Self::Byn => "BYN",
            Self::Kzt => "KZT",
            Self::Uzs => "UZS",
            Self::Amd => "AMD",
            Self::Kgs => "KGS",
            Self::Cny => "CNY",
            Self::Usd => "USD",
            Self::Eur => "EUR",
            Self::Other(code) => code,
        }
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let code = String::deserialize(deserializer)?;
        Ok(Self::parse(&code))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rur_is_rub_and_unknown_codes_are_kept() {
        assert_eq!(Currency::parse("RUR"), Currency::Rub);
        assert_eq!(Currency::parse("rub"), Currency::Rub);
        assert_eq!(Currency::parse("gel"), Currency::Other("GEL".into()));
        let c: Currency = serde_json::from_str("\"RUR\"").unwrap();
        assert_eq!(serde_json::to_string(&c).unwrap(), "\"RUB\"");
    }
}
