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

    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Num<'a> {
        Str(std::borrow::Cow<'a, str>),
        Int(i64),
        UInt(u64),
        Float(f64),
    }

    fn parse<E: serde::de::Error>(n: Num<'_>) -> Result<Option<Decimal>, E> {
        match n {
            Num::Str(s) => {
                let s = s.trim();
                if s.is_empty() {
                    return Ok(None);
                }
                let s = s.replace(',', ".");
                s.parse::<Decimal>()
                    .or_else(|_| Decimal::from_scientific(&s))
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
            Some(s) => T::deserialize(serde::de::value::StringDeserializer::<D::Error>::new(s))
                .map(Some),
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
    pub fn string_or_number_or_empty<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<String, D::Error> {
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

/// Field writers (`#[serde(serialize_with = "...")]`).
pub mod ser {
    use rust_decimal::Decimal;
    use serde::Serializer;
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
