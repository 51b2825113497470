//! Building blocks for vendor wire models, so that all five crates decode alike.
//!
//! - [`wire_enum!`](crate::wire_enum): a vendor enum that keeps unknown values
//!   (`Unknown(String)`) by default and rejects them under market-core's `strict` feature;
//! - [`numeric_id!`](crate::numeric_id): a vendor's int64 identifier as a newtype, read from a
//!   number or a string;
//! - [`de`]: lenient decoders for what vendors really send (money as `"480.000000"`, `480` or
//!   `480.0`; `""` for "no value").
//!
//! Structs opt into strict decoding with
//! `#[cfg_attr(feature = "strict", serde(deny_unknown_fields))]` and a `strict` feature of
//! their crate that turns on `market-core/strict`.

/// True when market-core was built with the `strict` feature (contract tests): unknown enum
/// values are then decode errors instead of `Unknown(..)`.
pub const STRICT: bool = cfg!(feature = "strict");

/// Declares a vendor's numeric identifier as a newtype over `i64`: read from a JSON number
/// or a string (vendors send int64 ids both ways), written as a number, displayed and parsed
/// as the number.
///
/// ```
/// market_core::numeric_id!(
///     /// A warehouse id.
///     WarehouseId
/// );
/// let w: WarehouseId = serde_json::from_str("\"42\"").unwrap_or_default();
/// assert_eq!(w, WarehouseId(42));
/// assert_eq!(serde_json::to_string(&w).unwrap_or_default(), "42");
/// ```
#[macro_export]
macro_rules! numeric_id {
    ($(#[$meta:meta])* $name:ident) => {
        $(#[$meta])*
        ///
        /// Read from a JSON number or a string; written as a number.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
        pub struct $name(pub i64);

        impl $name {
            /// The number.
            pub fn get(self) -> i64 {
                self.0
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::fmt::Display::fmt(&self.0, f)
            }
        }

        impl ::std::convert::From<i64> for $name {
            fn from(v: i64) -> Self {
                Self(v)
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = ::std::num::ParseIntError;
            fn from_str(s: &str) -> ::std::result::Result<Self, Self::Err> {
                s.trim().parse().map(Self)
            }
        }

        impl $crate::reexports::serde::Serialize for $name {
            fn serialize<S: $crate::reexports::serde::Serializer>(
                &self,
                s: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                s.serialize_i64(self.0)
            }
        }

        impl<'de> $crate::reexports::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::reexports::serde::Deserializer<'de>>(
                d: D,
            ) -> ::std::result::Result<Self, D::Error> {
                $crate::wire::de::int64(d).map(Self)
            }
        }
    };
}

/// Declares a string enum of a vendor's wire format that keeps unknown values.
///
/// ```
/// market_core::wire_enum! {
///     /// Ozon posting status.
///     pub enum PostingStatus {
///         /// Waiting to be packed.
///         AwaitingPackaging = "awaiting_packaging",
///         /// Delivered.
///         Delivered = "delivered",
///     }
/// }
///
/// let s: PostingStatus = serde_json::from_str("\"delivered\"")?;
/// assert_eq!(s, PostingStatus::Delivered);
/// assert_eq!(s.as_str(), "delivered");
/// // Real servers change the case of enum strings: the spelling is not meaningful.
/// let s: PostingStatus = serde_json::from_str("\"Delivered\"")?;
/// assert_eq!(s, PostingStatus::Delivered);
/// let new: Result<PostingStatus, _> = serde_json::from_str("\"teleported\"");
/// if market_core::wire::STRICT {
///     assert!(new.is_err());
/// } else {
///     assert_eq!(new?, PostingStatus::Unknown("teleported".into()));
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[macro_export]
macro_rules! wire_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        $vis enum $name {
            $( $(#[$vmeta])* $variant, )+
            /// A value this version of the library does not know, kept verbatim.
            Unknown(::std::string::String),
        }

        impl $name {
            /// Every known wire value.
            pub const KNOWN: &'static [&'static str] = &[$($wire),+];

            /// The value as the vendor spells it.
            pub fn as_str(&self) -> &str {
                match self {
                    $( Self::$variant => $wire, )+
                    Self::Unknown(s) => s.as_str(),
                }
            }

            /// Parses a wire value; unknown values become `Unknown`. Vendors' real servers
            /// do not always spell a value the way their spec does (`"Ozon"` for `ozon`):
            /// an exact match wins, then a match ignoring ASCII case.
            pub fn from_wire(value: &str) -> Self {
                match value {
                    $( $wire => Self::$variant, )+
                    other => {
                        $( if other.eq_ignore_ascii_case($wire) {
                            return Self::$variant;
                        } )+
                        Self::Unknown(other.to_owned())
                    }
                }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl $crate::reexports::serde::Serialize for $name {
            fn serialize<S: $crate::reexports::serde::Serializer>(
                &self,
                serializer: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> $crate::reexports::serde::Deserialize<'de> for $name {
            fn deserialize<D: $crate::reexports::serde::Deserializer<'de>>(
                deserializer: D,
            ) -> ::std::result::Result<Self, D::Error> {
                let value: ::std::borrow::Cow<'de, str> =
                    $crate::reexports::serde::Deserialize::deserialize(deserializer)?;
                let parsed = Self::from_wire(&value);
                if $crate::wire::STRICT && matches!(parsed, Self::Unknown(_)) {
                    return Err(<D::Error as $crate::reexports::serde::de::Error>::unknown_variant(
                        &value,
                        Self::KNOWN,
                    ));
                }
                Ok(parsed)
            }
        }
    };
}

/// A field whose shape the vendor may change (a list becoming an object, a number becoming a
/// string), where the seller's model does not need it: a changed shape must not cost the whole
/// record, or the page of records around it.
///
/// In tolerant mode (the default), a value that does not decode as `T` is kept as raw JSON and
/// a warning is logged (`tracing`, target `market_core::wire`); under the `strict` feature
/// (contract tests) it is a decode error, and the decoder names the field's path.
///
/// ```
/// use market_core::wire::Lenient;
///
/// #[derive(serde::Deserialize)]
/// struct Posting {
///     posting_number: String,
///     #[serde(default)]
///     tariffication: Lenient<Vec<serde_json::Value>>,
/// }
///
/// let p: Posting = serde_json::from_str(r#"{"posting_number":"1-2-3","tariffication":[]}"#)?;
/// assert_eq!(p.tariffication.typed().map(Vec::len), Some(0));
///
/// let changed = r#"{"posting_number":"1-2-3","tariffication":{"current_tariff_rate":0}}"#;
/// let p: Result<Posting, _> = serde_json::from_str(changed);
/// if market_core::wire::STRICT {
///     assert!(p.is_err());
/// } else {
///     let p = p?;
///     assert_eq!(p.posting_number, "1-2-3");
///     assert!(p.tariffication.typed().is_none());
///     assert!(p.tariffication.raw().is_some());
/// }
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lenient<T> {
    /// The value in the shape this library knows.
    Typed(T),
    /// A value of another shape, kept verbatim (tolerant mode only).
    Raw(serde_json::Value),
}

impl<T> Lenient<T> {
    /// The value, when it had the known shape.
    pub fn typed(&self) -> Option<&T> {
        match self {
            Self::Typed(t) => Some(t),
            Self::Raw(_) => None,
        }
    }

    /// The value, when it had the known shape.
    pub fn into_typed(self) -> Option<T> {
        match self {
            Self::Typed(t) => Some(t),
            Self::Raw(_) => None,
        }
    }

    /// The raw JSON, when the value had another shape.
    pub fn raw(&self) -> Option<&serde_json::Value> {
        match self {
            Self::Typed(_) => None,
            Self::Raw(v) => Some(v),
        }
    }
}

impl<T: Default> Default for Lenient<T> {
    fn default() -> Self {
        Self::Typed(T::default())
    }
}

impl<T> From<T> for Lenient<T> {
    fn from(t: T) -> Self {
        Self::Typed(t)
    }
}

impl<T: serde::Serialize> serde::Serialize for Lenient<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Typed(t) => t.serialize(s),
            Self::Raw(v) => v.serialize(s),
        }
    }
}

impl<'de, T: serde::de::DeserializeOwned> serde::Deserialize<'de> for Lenient<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = serde_json::Value::deserialize(d)?;
        match serde_json::from_value::<T>(value.clone()) {
            Ok(t) => Ok(Self::Typed(t)),
            Err(e) if STRICT => Err(serde::de::Error::custom(format_args!(
                "the value does not have the shape of {}: {e}",
                std::any::type_name::<T>()
            ))),
            Err(e) => {
                tracing::warn!(
                    target: "market_core::wire",
                    expected = std::any::type_name::<T>(),
                    error = %e,
                    "a field changed shape on the vendor's side; kept as raw JSON"
                );
                Ok(Self::Raw(value))
            }
        }
    }
}

/// Lenient field decoders (`#[serde(deserialize_with = "...")]`).
pub mod de {
    use rust_decimal::Decimal;
    use serde::{Deserialize, Deserializer, de::Error as _};

    /// A number or a string, as the token says: no buffering and no error built on the way
    /// (an untagged enum would buffer the value and try each variant in turn).
    enum Num<'a> {
        Str(std::borrow::Cow<'a, str>),
        Int(i64),
        UInt(u64),
        Float(f64),
    }

    impl<'de> Deserialize<'de> for Num<'de> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            struct Token;
            impl<'de> serde::de::Visitor<'de> for Token {
                type Value = Num<'de>;

                fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                    f.write_str("a number or a string")
                }

                fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Num<'de>, E> {
                    Ok(Num::Int(v))
                }

                fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Num<'de>, E> {
                    Ok(i64::try_from(v).map_or(Num::UInt(v), Num::Int))
                }

                fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Num<'de>, E> {
                    Ok(Num::Float(v))
                }

                fn visit_borrowed_str<E: serde::de::Error>(
                    self,
                    v: &'de str,
                ) -> Result<Num<'de>, E> {
                    Ok(Num::Str(std::borrow::Cow::Borrowed(v)))
                }

                fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Num<'de>, E> {
                    Ok(Num::Str(std::borrow::Cow::Owned(v.to_owned())))
                }

                fn visit_string<E: serde::de::Error>(self, v: String) -> Result<Num<'de>, E> {
                    Ok(Num::Str(std::borrow::Cow::Owned(v)))
                }
            }
            d.deserialize_any(Token)
        }
    }

    fn parse<E: serde::de::Error>(n: Num<'_>) -> Result<Option<Decimal>, E> {
        match n {
            Num::Str(s) => {
                let s = s.trim();
                if s.is_empty() {
                    return Ok(None);
                }
                // A decimal comma (`"1,5"`) is read as a point; only then is a copy made.
                let dotted;
                let s = if s.contains(',') {
                    dotted = s.replace(',', ".");
                    dotted.as_str()
                } else {
                    s
                };
                s.parse::<Decimal>()
                    .or_else(|_| Decimal::from_scientific(s))
                    .map(Some)
                    .map_err(|_| E::custom(format!("invalid decimal {s:?}")))
            }
            Num::Int(i) => Ok(Some(Decimal::from(i))),
            Num::UInt(u) => Ok(Some(Decimal::from(u))),
            Num::Float(f) => {
                if !f.is_finite() {
                    return Err(E::custom("non-finite number"));
                }
                // The shortest representation that reads back as the same float: 480.1, not
                // 480.10000000000002.
                let text = f.to_string();
                text.parse::<Decimal>()
                    .or_else(|_| Decimal::from_scientific(&text))
                    .map(Some)
                    .map_err(|_| E::custom(format!("decimal out of range: {text}")))
            }
        }
    }

    /// Money or a quantity sent as a string (`"480.000000"`, `"1,5"`), an integer or a float.
    pub fn decimal<'de, D: Deserializer<'de>>(d: D) -> Result<Decimal, D::Error> {
        parse(Num::deserialize(d)?)?.ok_or_else(|| D::Error::custom("empty decimal"))
    }

    /// As [`decimal`], with `null`, a missing field (with `#[serde(default)]`) and `""` read as
    /// `None`.
    pub fn opt_decimal<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
        match Option::<Num<'de>>::deserialize(d)? {
            None => Ok(None),
            Some(n) => parse(n),
        }
    }

    /// Any value that may come as `null`: read as its default (empty string, list, 0).
    pub fn nullable<'de, D, T>(d: D) -> Result<T, D::Error>
    where
        D: Deserializer<'de>,
        T: Deserialize<'de> + Default,
    {
        Ok(Option::<T>::deserialize(d)?.unwrap_or_default())
    }

    /// A date-time that may be missing, `null` or `""`: RFC 3339, or without an offset (read
    /// as UTC).
    pub fn opt_time<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<chrono::DateTime<chrono::Utc>>, D::Error> {
        let Some(text) = Option::<std::borrow::Cow<'de, str>>::deserialize(d)? else {
            return Ok(None);
        };
        let text = text.trim();
        if text.is_empty() {
            return Ok(None);
        }
        if let Ok(t) = chrono::DateTime::parse_from_rfc3339(text) {
            return Ok(Some(t.with_timezone(&chrono::Utc)));
        }
        chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f")
            .map(|t| Some(t.and_utc()))
            .map_err(|_| D::Error::custom(format!("invalid date-time {text:?}")))
    }

    /// One value or a list of them (`null` is an empty list): for fields a spec types as one
    /// object while the vendor sends an array, or the other way round.
    pub fn one_or_many<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
    where
        D: Deserializer<'de>,
        T: serde::de::DeserializeOwned,
    {
        match serde_json::Value::deserialize(d)? {
            serde_json::Value::Null => Ok(Vec::new()),
            many @ serde_json::Value::Array(_) => {
                Vec::<T>::deserialize(many).map_err(D::Error::custom)
            }
            one => T::deserialize(one)
                .map(|t| vec![t])
                .map_err(D::Error::custom),
        }
    }

    /// An int64 sent as a number or a string.
    pub fn int64<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
        match Num::deserialize(d)? {
            Num::Int(i) => Ok(i),
            Num::UInt(u) => {
                i64::try_from(u).map_err(|_| D::Error::custom(format!("{u} overflows int64")))
            }
            Num::Str(s) => s
                .trim()
                .parse()
                .map_err(|_| D::Error::custom(format!("invalid int64 {s:?}"))),
            Num::Float(f) => Err(D::Error::custom(format!("expected an int64, got {f}"))),
        }
    }

    /// As [`int64`]; `null` reads as `None`.
    pub fn opt_int64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
        #[derive(Deserialize)]
        struct Int(#[serde(deserialize_with = "int64")] i64);
        Ok(Option::<Int>::deserialize(d)?.map(|i| i.0))
    }

    /// A string that may come as `null`: read as `""`.
    pub fn null_as_empty<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        Ok(Option::<String>::deserialize(d)?.unwrap_or_default())
    }

    /// An identifier that may come as a number or a string: read as a string.
    pub fn string_or_number<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        match Num::deserialize(d)? {
            Num::Str(s) => Ok(s.into_owned()),
            Num::Int(i) => Ok(i.to_string()),
            Num::UInt(u) => Ok(u.to_string()),
            Num::Float(f) => Ok(f.to_string()),
        }
    }

    // ---- moved from wb-api

    /// A field that must be present but may be `null` (`None`): without `default`, an answer
    /// missing the key is a decode error naming it, where a plain `Option` field would read it
    /// as `None`.
    pub fn present<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
    where
        D: Deserializer<'de>,
        T: Deserialize<'de>,
    {
        Option::<T>::deserialize(d)
    }

    /// A value of `T`, or `None` when the field is `null`, missing (with `#[serde(default)]`)
    /// or of a shape `T` does not read (for fields a spec leaves untyped).
    pub fn or_none<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
    where
        D: Deserializer<'de>,
        T: serde::de::DeserializeOwned,
    {
        Ok(T::deserialize(serde_json::Value::deserialize(d)?).ok())
    }

    /// An identifier that may come as a string or a number, read as text; `null`, `""` and
    /// any other shape read as `None`.
    pub fn opt_text<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
    where
        D: Deserializer<'de>,
        T: From<String>,
    {
        Ok(match serde_json::Value::deserialize(d)? {
            serde_json::Value::String(s) if !s.is_empty() => Some(T::from(s)),
            serde_json::Value::Number(n) => Some(T::from(n.to_string())),
            _ => None,
        })
    }

    /// A date-time a vendor may send without an offset, meaning its local time `OFFSET_HOURS`
    /// east of UTC (`"2023-07-05T11:13:35"` at UTC+3; a fraction is allowed), with an offset
    /// (RFC 3339, read as given), or as a bare date (local midnight); `null`, `""` and the
    /// `0001-01-01…` placeholder some vendors send for "never" read as `None`.
    /// Use `deserialize_with = "market_core::wire::de::opt_local_time::<3, _>"`.
    pub fn opt_local_time<'de, const OFFSET_HOURS: i32, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<chrono::DateTime<chrono::Utc>>, D::Error> {
        let Some(text) = Option::<std::borrow::Cow<'de, str>>::deserialize(d)? else {
            return Ok(None);
        };
        let text = text.trim();
        if text.is_empty() || text.starts_with("0001-01-01") {
            return Ok(None);
        }
        if let Ok(t) = chrono::DateTime::parse_from_rfc3339(text) {
            return Ok(Some(t.with_timezone(&chrono::Utc)));
        }
        let local = chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f")
            .ok()
            .or_else(|| {
                chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d")
                    .ok()
                    .map(|d| d.and_time(chrono::NaiveTime::MIN))
            })
            .ok_or_else(|| D::Error::custom(format!("invalid date-time {text:?}")))?;
        let offset = chrono::TimeDelta::hours(i64::from(OFFSET_HOURS));
        Ok(Some(
            local.checked_sub_signed(offset).unwrap_or(local).and_utc(),
        ))
    }

    /// As [`opt_local_time`], for times that are always there (`None` reads as the epoch).
    pub fn local_time<'de, const OFFSET_HOURS: i32, D: Deserializer<'de>>(
        d: D,
    ) -> Result<chrono::DateTime<chrono::Utc>, D::Error> {
        Ok(opt_local_time::<OFFSET_HOURS, D>(d)?.unwrap_or_default())
    }

    // ---- moved from ozon-api

    /// A text the spec types as a string but the vendor also sends as `null` or a list: read
    /// as one string (list elements joined with `"; "`, non-strings as their JSON), empty when
    /// there is none.
    pub fn text_or_list<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Raw {
            Text(String),
            List(Vec<serde_json::Value>),
        }
        Ok(match Option::<Raw>::deserialize(d)? {
            None => String::new(),
            Some(Raw::Text(s)) => s,
            Some(Raw::List(items)) => items
                .iter()
                .map(|v| match v {
                    serde_json::Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join("; "),
        })
    }

    /// A date-time the spec types as `date-time` but that the vendor's own examples fill with
    /// a placeholder (`"string"`): read leniently, under `strict` too, since the vendor's
    /// example itself is inconsistent with its schema. A value that is not a date-time reads
    /// as `None` with a warning (`tracing`, target `market_core::wire`); missing, `null` and
    /// `""` read as `None`.
    pub fn lenient_time<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<chrono::DateTime<chrono::Utc>>, D::Error> {
        let Some(value) = Option::<serde_json::Value>::deserialize(d)? else {
            return Ok(None);
        };
        match opt_time(value.clone()) {
            Ok(t) => Ok(t),
            Err(e) => {
                tracing::warn!(
                    target: "market_core::wire",
                    value = %value,
                    error = %e,
                    "a date-time field holds no date-time; read as absent"
                );
                Ok(None)
            }
        }
    }

    /// A string enum whose values the spec lists only in prose (the schema types the field as
    /// a free string): unknown values are kept, even under `strict`; `null` and `""` read as
    /// `None`. `T` implements [`OpenEnum`](super::OpenEnum) (see
    /// [`impl_open_enum!`](crate::impl_open_enum)).
    pub fn open_enum<'de, D: Deserializer<'de>, T: super::OpenEnum>(
        d: D,
    ) -> Result<Option<T>, D::Error> {
        Ok(Option::<String>::deserialize(d)?
            .filter(|s| !s.is_empty())
            .map(|s| T::from_text(&s)))
    }

    /// A string enum that may be missing, `null` or blank (`None`); otherwise read as `T`
    /// reads a string (so a `wire_enum!` rejects unknown values under `strict`).
    pub fn opt_enum<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
    where
        D: Deserializer<'de>,
        T: serde::de::DeserializeOwned,
    {
        match Option::<String>::deserialize(d)? {
            None => Ok(None),
            Some(s) if s.trim().is_empty() => Ok(None),
            Some(s) => {
                T::deserialize(serde::de::value::StringDeserializer::<D::Error>::new(s)).map(Some)
            }
        }
    }

    /// As [`opt_enum`], with the Cyrillic capital `С` (U+0421), which vendors' documents type
    /// in place of the Latin `C` (`Сustomer`), read as the Latin letter.
    pub fn opt_enum_latin<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
    where
        D: Deserializer<'de>,
        T: serde::de::DeserializeOwned,
    {
        match Option::<String>::deserialize(d)? {
            None => Ok(None),
            Some(s) if s.trim().is_empty() => Ok(None),
            Some(s) => {
                let s = s.replace('\u{421}', "C");
                T::deserialize(serde::de::value::StringDeserializer::<D::Error>::new(s)).map(Some)
            }
        }
    }

    /// A rate as a fraction (`0.2`, `"0.2"`), or as a percentage string (`"20%"`, `"20 %"`,
    /// `"10,5%"`) read as that fraction (`0.2`, `0.105`); missing, `null` and `""` read as
    /// `None`.
    pub fn opt_fraction<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
        let value = Option::<serde_json::Value>::deserialize(d)?;
        if let Some(serde_json::Value::String(s)) = &value
            && let Some(percent) = s.trim().strip_suffix('%')
        {
            let p: Decimal = percent
                .trim()
                .replace(',', ".")
                .parse()
                .map_err(|_| D::Error::custom(format!("invalid rate {s:?}")))?;
            return Ok(Some(p / Decimal::from(100)));
        }
        match value {
            None => Ok(None),
            Some(v) => opt_decimal(v).map_err(D::Error::custom),
        }
    }

    /// An int64 sent as a number or a string; `null` and a blank string read as 0.
    pub fn int64_or_zero<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
        match serde_json::Value::deserialize(d)? {
            serde_json::Value::Null => Ok(0),
            serde_json::Value::Number(n) => n
                .as_i64()
                .ok_or_else(|| D::Error::custom(format!("expected an int64, got {n}"))),
            serde_json::Value::String(s) if s.trim().is_empty() => Ok(0),
            serde_json::Value::String(s) => s
                .trim()
                .parse()
                .map_err(|_| D::Error::custom(format!("invalid int64 {s:?}"))),
            other => Err(D::Error::custom(format!("expected an int64, got {other}"))),
        }
    }

    /// A text identifier sent as a string or a number; `null` reads as `""`.
    pub fn string_or_number_or_empty<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        match Option::<serde_json::Value>::deserialize(d)? {
            None | Some(serde_json::Value::Null) => Ok(String::new()),
            Some(serde_json::Value::String(s)) => Ok(s),
            Some(serde_json::Value::Number(n)) => Ok(n.to_string()),
            Some(other) => Err(D::Error::custom(format!(
                "expected a string or a number, got {other}"
            ))),
        }
    }
}

// ---- moved from ozon-api

/// A string enum whose values the spec lists only in prose: read by [`de::open_enum`], which
/// keeps unknown values even under `strict`. Implemented for `wire_enum!` types by
/// [`impl_open_enum!`](crate::impl_open_enum).
pub trait OpenEnum: Sized {
    /// Parses a wire value; unknown values become `Unknown`.
    fn from_text(value: &str) -> Self;
}

/// Implements [`OpenEnum`] for `wire_enum!` types (by their `from_wire`).
///
/// ```
/// market_core::wire_enum! {
///     /// A status the spec describes only in prose.
///     pub enum Status {
///         /// Done.
///         Done = "done",
///     }
/// }
/// market_core::impl_open_enum!(Status);
///
/// #[derive(serde::Deserialize)]
/// struct Task {
///     #[serde(default, deserialize_with = "market_core::wire::de::open_enum")]
///     status: Option<Status>,
/// }
/// let t: Task = serde_json::from_str(r#"{"status": "lost"}"#)?;
/// assert_eq!(t.status, Some(Status::Unknown("lost".into())));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[macro_export]
macro_rules! impl_open_enum {
    ($($t:ty),+ $(,)?) => {
        $(impl $crate::wire::OpenEnum for $t {
            fn from_text(value: &str) -> Self {
                Self::from_wire(value)
            }
        })+
    };
}

/// Implements `Serialize` and `Deserialize` for structs declared with
/// `#[serde(remote = "Self")]` that may only be read from a JSON object: a list, `null` or a
/// scalar is an error naming the type (so that, inside a [`Lenient`], a changed shape is kept
/// raw instead of being read as an empty default).
///
/// ```
/// #[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
/// #[serde(remote = "Self")]
/// struct Tariff {
///     #[serde(default)]
///     rate: i64,
/// }
/// market_core::object_only!(Tariff);
///
/// assert!(serde_json::from_str::<Tariff>(r#"{"rate": 2}"#).is_ok());
/// let err = serde_json::from_str::<Tariff>("[]").map(|_| ()).unwrap_err().to_string();
/// assert!(err.contains("expected an object for Tariff, got a list"), "{err}");
/// ```
#[macro_export]
macro_rules! object_only {
    ($($t:ty),+ $(,)?) => {$(
        impl $crate::reexports::serde::Serialize for $t {
            fn serialize<S: $crate::reexports::serde::Serializer>(
                &self,
                s: S,
            ) -> ::std::result::Result<S::Ok, S::Error> {
                <$t>::serialize(self, s)
            }
        }

        impl<'de> $crate::reexports::serde::Deserialize<'de> for $t {
            fn deserialize<D: $crate::reexports::serde::Deserializer<'de>>(
                d: D,
            ) -> ::std::result::Result<Self, D::Error> {
                let value: $crate::reexports::serde_json::Value =
                    $crate::reexports::serde::Deserialize::deserialize(d)?;
                if !value.is_object() {
                    return Err(<D::Error as $crate::reexports::serde::de::Error>::custom(
                        format_args!(
                            "expected an object for {}, got {}",
                            stringify!($t),
                            match &value {
                                $crate::reexports::serde_json::Value::Array(_) => "a list",
                                $crate::reexports::serde_json::Value::Null => "null",
                                _ => "a scalar",
                            }
                        ),
                    ));
                }
                <$t>::deserialize(value)
                    .map_err(<D::Error as $crate::reexports::serde::de::Error>::custom)
            }
        }
    )+};
}

/// A list of int64 ids written as strings (for request fields a spec types as strings) and
/// read from strings or numbers as the id type reads them: `#[serde(with =
/// "market_core::wire::id_strings")]`.
pub mod id_strings {
    use serde::{Deserialize, Deserializer, Serializer, ser::SerializeSeq};

    /// Writes each id by its `Display`, as a string.
    pub fn serialize<T: std::fmt::Display, S: Serializer>(
        ids: &[T],
        s: S,
    ) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(ids.len()))?;
        for id in ids {
            seq.serialize_element(&id.to_string())?;
        }
        seq.end()
    }

    /// Reads the list as the id type reads each element.
    pub fn deserialize<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Vec<T>, D::Error> {
        Vec::<T>::deserialize(d)
    }
}

// ---- moved from wb-api

/// Field writers (`#[serde(serialize_with = "...")]`).
pub mod ser {
    use rust_decimal::Decimal;
    use rust_decimal::prelude::ToPrimitive;
    use serde::Serializer;

    /// A decimal as a JSON number: an integer when it is whole and fits an `i64`, else a float
    /// (for fields a spec types `integer` or `number`).
    pub fn number<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        if d.fract().is_zero()
            && let Some(i) = d.to_i64()
        {
            return s.serialize_i64(i);
        }
        s.serialize_f64(d.to_f64().unwrap_or_default())
    }

    /// As [`number`], for optional fields (`None` is `null`; add `skip_serializing_if`).
    pub fn opt_number<S: Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match d {
            Some(d) => number(d, s),
            None => s.serialize_none(),
        }
    }

    /// A whole decimal as a JSON integer (a spec's `integer` amount); a fraction, or a value
    /// beyond `i64`, is an error rather than a rounded number.
    pub fn whole_number<S: Serializer>(value: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        match value
            .normalize()
            .fract()
            .is_zero()
            .then(|| value.to_i64())
            .flatten()
        {
            Some(n) => s.serialize_i64(n),
            None => Err(serde::ser::Error::custom(format!(
                "{value} is not a whole number that fits the wire"
            ))),
        }
    }

    /// As [`whole_number`], for optional fields (`None` is `null`; add `skip_serializing_if`).
    pub fn opt_whole_number<S: Serializer>(
        value: &Option<Decimal>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => whole_number(v, s),
            None => s.serialize_none(),
        }
    }

    // ---- moved from ozon-api

    /// A time as `2019-08-24T14:15:22Z` (UTC, whole seconds).
    pub fn utc_seconds<S: Serializer>(
        t: &chrono::DateTime<chrono::Utc>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        s.serialize_str(&t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
    }

    /// An optional decimal as a plain string without trailing zeros (`0.1`, `0`); `None` as
    /// `null`.
    pub fn opt_decimal_plain<S: Serializer>(v: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(d) => s.serialize_str(&d.normalize().to_string()),
            None => s.serialize_none(),
        }
    }
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct Price {
        #[serde(deserialize_with = "super::de::decimal")]
        price: Decimal,
        #[serde(default, deserialize_with = "super::de::opt_decimal")]
        old_price: Option<Decimal>,
    }

    fn price(json: &str) -> Result<Price, serde_json::Error> {
        serde_json::from_str(json)
    }

    #[test]
    fn money_in_every_form_vendors_send() {
        for (json, want) in [
            (r#"{"price": "480.000000"}"#, "480.000000"),
            (r#"{"price": 480}"#, "480"),
            (r#"{"price": 480.0}"#, "480"),
            (r#"{"price": 480.1}"#, "480.1"),
            (r#"{"price": "1,5"}"#, "1.5"),
            (r#"{"price": "1e3"}"#, "1000"),
            (r#"{"price": 18446744073709551615}"#, "18446744073709551615"),
        ] {
            let p = price(json).unwrap();
            assert_eq!(p.price, want.parse::<Decimal>().unwrap(), "{json}");
            assert_eq!(p.old_price, None);
        }
        // Exact: no float noise in a string amount.
        assert_eq!(
            price(r#"{"price": "0.1"}"#).unwrap().price.to_string(),
            "0.1"
        );
    }

    #[test]
    fn empty_and_null_are_none_for_optional_money_only() {
        assert_eq!(
            price(r#"{"price": 1, "old_price": ""}"#).unwrap().old_price,
            None
        );
        assert_eq!(
            price(r#"{"price": 1, "old_price": null}"#)
                .unwrap()
                .old_price,
            None
        );
        assert_eq!(
            price(r#"{"price": 1, "old_price": "2.50"}"#)
                .unwrap()
                .old_price,
            Some(Decimal::new(250, 2))
        );
        assert!(price(r#"{"price": ""}"#).is_err());
        assert!(price(r#"{"price": "abc"}"#).is_err());
        assert!(price(r#"{"price": true}"#).is_err());
    }

    #[derive(Deserialize)]
    struct Lenient {
        #[serde(default, deserialize_with = "super::de::nullable")]
        list: Vec<u8>,
        #[serde(default, deserialize_with = "super::de::opt_time")]
        at: Option<chrono::DateTime<chrono::Utc>>,
        #[serde(default, deserialize_with = "super::de::one_or_many")]
        many: Vec<u8>,
        #[serde(default, deserialize_with = "super::de::opt_int64")]
        id: Option<i64>,
    }

    #[test]
    fn lenient_lists_times_and_ids() {
        let l: Lenient =
            serde_json::from_str(r#"{"list": null, "at": "", "many": 3, "id": "42"}"#).unwrap();
        assert!(l.list.is_empty());
        assert_eq!(l.at, None);
        assert_eq!(l.many, [3]);
        assert_eq!(l.id, Some(42));
        let l: Lenient = serde_json::from_str(
            r#"{"list": [1], "at": "2026-11-23T10:00:00+03:00", "many": [1, 2], "id": 7}"#,
        )
        .unwrap();
        assert_eq!(l.list, [1]);
        assert_eq!(l.at.unwrap().to_rfc3339(), "2026-11-23T07:00:00+00:00");
        assert_eq!(l.many, [1, 2]);
        assert_eq!(l.id, Some(7));
        let naive: Lenient = serde_json::from_str(r#"{"at": "2026-11-23T10:00:00.5"}"#).unwrap();
        assert_eq!(
            naive.at.unwrap().to_rfc3339(),
            "2026-11-23T10:00:00.500+00:00"
        );
        assert!(serde_json::from_str::<Lenient>(r#"{"at": "yesterday"}"#).is_err());
        assert!(serde_json::from_str::<Lenient>(r#"{"id": "x"}"#).is_err());
        let none: Lenient = serde_json::from_str(r#"{"many": null, "id": null}"#).unwrap();
        assert!(none.many.is_empty());
        assert_eq!(none.id, None);
    }

    crate::wire_enum! {
        /// Test enum.
        enum Status {
            /// A.
            New = "new",
            /// B.
            Done = "done",
        }
    }

    #[test]
    fn wire_enums_round_trip_and_keep_unknown_values_unless_strict() {
        let s: Status = serde_json::from_str("\"done\"").unwrap();
        assert_eq!(s, Status::Done);
        assert_eq!(serde_json::to_string(&Status::New).unwrap(), "\"new\"");
        let unknown = serde_json::from_str::<Status>("\"lost\"");
        if super::STRICT {
            let err = unknown.unwrap_err().to_string();
            assert!(err.contains("unknown variant `lost`"), "{err}");
        } else {
            let u = unknown.unwrap();
            assert_eq!(u, Status::Unknown("lost".into()));
            assert_eq!(serde_json::to_string(&u).unwrap(), "\"lost\"");
        }
    }
}

// ---- moved from yandex-market-api

/// Money as a JSON number that reads back as exactly the same decimal
/// (`serialize_with = "market_core::wire::exact_number::serialize"`, or `::opt` for an
/// `Option` with `skip_serializing_if`).
///
/// A whole amount is written as an integer (`1300`); any other amount as the shortest number
/// text that parses back to the same decimal (`1299.99`, never `1299.9899999999998`). An
/// amount no JSON number can carry exactly (more than about 15 significant digits) is refused
/// with a serialisation error rather than sent rounded.
pub mod exact_number {
    use rust_decimal::Decimal;
    use serde::{Serialize, Serializer};

    /// The JSON number of an amount, when one carries it exactly.
    pub fn number(value: &Decimal) -> Option<serde_json::Number> {
        let n = value.normalize();
        if n.scale() == 0
            && let Ok(i) = i64::try_from(n.mantissa())
        {
            return Some(serde_json::Number::from(i));
        }
        // The nearest double to the decimal text, then the shortest text of that double: for
        // up to 15 significant digits this is the decimal itself.
        let float: f64 = n.to_string().parse().ok()?;
        let number = serde_json::Number::from_f64(float)?;
        let text = number.to_string();
        let back = text
            .parse::<Decimal>()
            .or_else(|_| Decimal::from_scientific(&text))
            .ok()?;
        (back == n).then_some(number)
    }

    /// Whether an amount can be written exactly as a JSON number.
    pub fn is_exact(value: &Decimal) -> bool {
        number(value).is_some()
    }

    /// Writes an amount as an exact JSON number.
    pub fn serialize<S: Serializer>(value: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        match number(value) {
            Some(n) => n.serialize(s),
            None => Err(serde::ser::Error::custom(format!(
                "the amount {value} cannot be written exactly as a JSON number"
            ))),
        }
    }

    /// Writes an optional amount (with `skip_serializing_if = "Option::is_none"`).
    pub fn opt<S: Serializer>(value: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match value {
            Some(v) => serialize(v, s),
            None => s.serialize_none(),
        }
    }
}

/// Money as a JSON float, always (`1300.0`; a value without a double, never met, as its text):
/// `serialize_with = "market_core::wire::float_number::serialize"`, or `::opt`.
pub mod float_number {
    use rust_decimal::Decimal;
    use rust_decimal::prelude::ToPrimitive;
    use serde::Serializer;

    /// Writes the amount as a JSON float.
    pub fn serialize<S: Serializer>(v: &Decimal, s: S) -> Result<S::Ok, S::Error> {
        match v.to_f64() {
            Some(f) => s.serialize_f64(f),
            None => s.collect_str(v),
        }
    }

    /// Writes an optional amount (with `skip_serializing_if = "Option::is_none"`).
    pub fn opt<S: Serializer>(v: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(v) => serialize(v, s),
            None => s.serialize_none(),
        }
    }
}

/// `DD-MM-YYYY` dates (Yandex Market's format `date-dd-MM-yyyy`) as [`chrono::NaiveDate`]:
/// `#[serde(with = "market_core::wire::dd_mm_yyyy")]`, `dd_mm_yyyy::option` (missing, `null`
/// or `""` read as `None`) and `dd_mm_yyyy::vec` (`null` read as empty).
pub mod dd_mm_yyyy {
    use chrono::NaiveDate;
    use serde::de::Error as _;
    use serde::{Deserialize, Deserializer, Serializer};

    /// The `chrono` format of the dates.
    pub const FORMAT: &str = "%d-%m-%Y";

    /// Parses `DD-MM-YYYY`.
    pub fn parse(text: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(text.trim(), FORMAT).ok()
    }

    /// Writes a date as `DD-MM-YYYY`.
    pub fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(&date.format(FORMAT))
    }

    /// Reads a `DD-MM-YYYY` date.
    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        let text = std::borrow::Cow::<'de, str>::deserialize(d)?;
        parse(&text).ok_or_else(|| D::Error::custom(format!("invalid DD-MM-YYYY date {text:?}")))
    }

    /// An optional `DD-MM-YYYY` date.
    pub mod option {
        use super::*;

        /// Writes the date, or `null`.
        pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
            match date {
                Some(d) => super::serialize(d, s),
                None => s.serialize_none(),
            }
        }

        /// Reads a date; `null` and `""` are `None`.
        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
            match Option::<std::borrow::Cow<'de, str>>::deserialize(d)? {
                None => Ok(None),
                Some(t) if t.trim().is_empty() => Ok(None),
                Some(t) => parse(&t)
                    .map(Some)
                    .ok_or_else(|| D::Error::custom(format!("invalid DD-MM-YYYY date {t:?}"))),
            }
        }
    }

    /// A list of `DD-MM-YYYY` dates.
    pub mod vec {
        use super::*;

        /// Writes the dates.
        pub fn serialize<S: Serializer>(dates: &[NaiveDate], s: S) -> Result<S::Ok, S::Error> {
            s.collect_seq(dates.iter().map(|d| d.format(FORMAT).to_string()))
        }

        /// Reads the dates; `null` is an empty list.
        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<NaiveDate>, D::Error> {
            Option::<Vec<String>>::deserialize(d)?
                .unwrap_or_default()
                .iter()
                .map(|t| {
                    parse(t)
                        .ok_or_else(|| D::Error::custom(format!("invalid DD-MM-YYYY date {t:?}")))
                })
                .collect()
        }
    }
}

/// Moscow-time and time-of-day text formats (Yandex Market's `date-dd-MM-yyyy-HH-mm-ss` and
/// `time`): `#[serde(with = "market_core::wire::moscow::dmy_hms")]`, `moscow::opt_dmy_hms`,
/// `moscow::opt_hm`.
pub mod moscow {
    use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Offset, Utc};
    use serde::{Deserialize, Deserializer};

    /// The `chrono` format of `DD-MM-YYYY HH:MM:SS` times.
    pub const DMY_HMS: &str = "%d-%m-%Y %H:%M:%S";
    /// The `chrono` format of `HH:MM` times of day.
    pub const HM: &str = "%H:%M";

    fn text<'de, D: Deserializer<'de>>(d: D) -> Result<Option<String>, D::Error> {
        Ok(Option::<String>::deserialize(d)?
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty()))
    }

    /// Moscow time (UTC+03:00, no daylight saving).
    pub fn offset() -> FixedOffset {
        FixedOffset::east_opt(3 * 3600).unwrap_or_else(|| Utc.fix())
    }

    fn moscow_time<E: serde::de::Error>(s: &str) -> Result<DateTime<Utc>, E> {
        let naive = NaiveDateTime::parse_from_str(s, DMY_HMS)
            .or_else(|_| {
                NaiveDate::parse_from_str(s, super::dd_mm_yyyy::FORMAT)
                    .map(|d| d.and_time(NaiveTime::MIN))
            })
            .map_err(|_| E::custom(format!("invalid DD-MM-YYYY HH:MM:SS time {s:?}")))?;
        naive
            .and_local_timezone(offset())
            .single()
            .map(|t| t.with_timezone(&Utc))
            .ok_or_else(|| E::custom(format!("invalid Moscow time {s:?}")))
    }

    fn time<E: serde::de::Error>(s: &str) -> Result<NaiveTime, E> {
        NaiveTime::parse_from_str(s, HM)
            .or_else(|_| NaiveTime::parse_from_str(s, "%H:%M:%S"))
            .map_err(|_| E::custom(format!("invalid HH:MM time {s:?}")))
    }

    /// A `DD-MM-YYYY HH:MM:SS` time in Moscow time, read into UTC, written back in Moscow
    /// time. A date alone reads as its midnight.
    pub mod dmy_hms {
        use super::*;
        use serde::Serializer;
        use serde::de::Error as _;

        /// Writes `DD-MM-YYYY HH:MM:SS` in Moscow time.
        pub fn serialize<S: Serializer>(v: &DateTime<Utc>, s: S) -> Result<S::Ok, S::Error> {
            s.collect_str(&v.with_timezone(&offset()).format(DMY_HMS))
        }

        /// Reads `DD-MM-YYYY HH:MM:SS` (or `DD-MM-YYYY`) in Moscow time.
        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
            let t = text(d)?.ok_or_else(|| D::Error::custom("empty date-time"))?;
            moscow_time(&t)
        }
    }

    /// An optional [`dmy_hms`] time; `null` and `""` read as `None`.
    pub mod opt_dmy_hms {
        use super::*;
        use serde::Serializer;

        /// Writes `DD-MM-YYYY HH:MM:SS` in Moscow time (use with `skip_serializing_if`).
        pub fn serialize<S: Serializer>(
            v: &Option<DateTime<Utc>>,
            s: S,
        ) -> Result<S::Ok, S::Error> {
            match v {
                Some(v) => s.collect_str(&v.with_timezone(&offset()).format(DMY_HMS)),
                None => s.serialize_none(),
            }
        }

        /// Reads `DD-MM-YYYY HH:MM:SS` (or `DD-MM-YYYY`) in Moscow time.
        pub fn deserialize<'de, D: Deserializer<'de>>(
            d: D,
        ) -> Result<Option<DateTime<Utc>>, D::Error> {
            text(d)?.map(|t| moscow_time(&t)).transpose()
        }
    }

    /// An optional `HH:MM` time of day (seconds tolerated when read); `null` and `""` read as
    /// `None`.
    pub mod opt_hm {
        use super::*;
        use serde::Serializer;

        /// Writes `HH:MM` (use with `skip_serializing_if = "Option::is_none"`).
        pub fn serialize<S: Serializer>(v: &Option<NaiveTime>, s: S) -> Result<S::Ok, S::Error> {
            match v {
                Some(v) => s.collect_str(&v.format(HM)),
                None => s.serialize_none(),
            }
        }

        /// Reads `HH:MM` or `HH:MM:SS`.
        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveTime>, D::Error> {
            text(d)?.map(|t| time(&t)).transpose()
        }
    }
}
