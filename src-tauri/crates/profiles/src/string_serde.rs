//! Serde for the parsed string types: they cross IPC and the JSON file as plain strings and are
//! checked by their own `parse` on the way in. Written by hand rather than with
//! `#[serde(try_from)]`, whose attribute ts-rs cannot read.

macro_rules! serde_as_parsed_string {
    ($ty:ty) => {
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <String as serde::Deserialize>::deserialize(deserializer)?;
                Self::parse(&text).map_err(serde::de::Error::custom)
            }
        }
    };
}

pub(crate) use serde_as_parsed_string;
