//! The lenient decoders read every token vendors send for a number, and name what they cannot
//! read (issue 16: they dispatch on the token instead of trying variants).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use market_core::wire::de;
use rust_decimal::Decimal;
use serde::Deserialize;

#[derive(Deserialize)]
struct Money(#[serde(deserialize_with = "de::decimal")] Decimal);

#[derive(Deserialize)]
struct MaybeMoney(#[serde(deserialize_with = "de::opt_decimal")] Option<Decimal>);

#[derive(Deserialize)]
struct Id(#[serde(deserialize_with = "de::int64")] i64);

#[derive(Deserialize)]
struct Text(#[serde(deserialize_with = "de::string_or_number")] String);

fn money(json: &str) -> Result<Decimal, String> {
    serde_json::from_str::<Money>(json)
        .map(|m| m.0)
        .map_err(|e| e.to_string())
}

#[test]
fn decimals_from_strings_integers_and_floats() {
    assert_eq!(money("\"480.000000\"").unwrap(), Decimal::new(480, 0));
    assert_eq!(money("\" 1,5 \"").unwrap(), Decimal::new(15, 1));
    assert_eq!(money("\"1e3\"").unwrap(), Decimal::new(1000, 0));
    assert_eq!(money("480").unwrap(), Decimal::new(480, 0));
    assert_eq!(money("-7").unwrap(), Decimal::new(-7, 0));
    assert_eq!(money("480.1").unwrap(), Decimal::new(4801, 1));
    assert_eq!(
        money("18446744073709551615").unwrap(),
        Decimal::from(u64::MAX)
    );
    assert!(money("\"\"").unwrap_err().contains("empty decimal"));
    assert!(money("\"12abc\"").unwrap_err().contains("invalid decimal"));
    let e = money("true").unwrap_err();
    assert!(e.contains("a number or a string"), "{e}");
    let e = money("[1]").unwrap_err();
    assert!(e.contains("a number or a string"), "{e}");
}

#[test]
fn optional_decimals_read_null_and_blank_as_none() {
    let read = |json: &str| serde_json::from_str::<MaybeMoney>(json).map(|m| m.0);
    assert_eq!(read("null").unwrap(), None);
    assert_eq!(read("\"  \"").unwrap(), None);
    assert_eq!(read("\"2.50\"").unwrap(), Some(Decimal::new(250, 2)));
    assert_eq!(read("3").unwrap(), Some(Decimal::new(3, 0)));
    assert!(read("{}").is_err());
}

#[test]
fn int64_from_numbers_and_strings_and_no_further() {
    let read = |json: &str| {
        serde_json::from_str::<Id>(json)
            .map(|i| i.0)
            .map_err(|e| e.to_string())
    };
    assert_eq!(read("42").unwrap(), 42);
    assert_eq!(read("-42").unwrap(), -42);
    assert_eq!(read("\" 42 \"").unwrap(), 42);
    assert_eq!(read("9223372036854775807").unwrap(), i64::MAX);
    assert!(
        read("9223372036854775808")
            .unwrap_err()
            .contains("overflows int64")
    );
    assert!(read("4.5").unwrap_err().contains("expected an int64"));
    assert!(read("\"x\"").unwrap_err().contains("invalid int64"));
    assert!(read("null").is_err());
}

#[test]
fn ids_as_text_from_either_token() {
    let read = |json: &str| serde_json::from_str::<Text>(json).map(|t| t.0).unwrap();
    assert_eq!(read("\"A-1\""), "A-1");
    assert_eq!(read("17"), "17");
    assert_eq!(read("18446744073709551615"), "18446744073709551615");
    assert_eq!(read("2.5"), "2.5");
    // An escaped string cannot be borrowed: it is read owned, unchanged.
    assert_eq!(read("\"a\\\"b\""), "a\"b");
}
