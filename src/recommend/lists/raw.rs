//! Serde for vectors of plain numbers as one run of bytes (`#[serde(with = "raw")]`): bincode
//! writes a `Vec<f32>` value by value, which for the millions of factors and counts a fit
//! hands to the second worker costs more than a copy of memory. The bytes are the machine's
//! (little-endian in the tab and on every machine the CLI is built for); both ends are this
//! build.

use bytemuck::Pod;
use serde::de::{Deserializer, Error, Visitor};
use serde::Serializer;
use std::fmt;
use std::marker::PhantomData;

/// Writes `values` as their bytes.
pub fn serialize<T: Pod, S: Serializer>(values: &[T], s: S) -> Result<S::Ok, S::Error> {
    s.serialize_bytes(bytemuck::cast_slice(values))
}

/// Reads values written by `serialize`.
pub fn deserialize<'de, T: Pod, D: Deserializer<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    d.deserialize_bytes(Values(PhantomData))
}

struct Values<T>(PhantomData<T>);

impl<T: Pod> Visitor<'_> for Values<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "the bytes of {}-byte values", std::mem::size_of::<T>())
    }

    fn visit_bytes<E: Error>(self, bytes: &[u8]) -> Result<Vec<T>, E> {
        if bytes.len() % std::mem::size_of::<T>() != 0 {
            return Err(E::invalid_length(bytes.len(), &self));
        }
        // a copy: the bytes need not be aligned for T
        Ok(bytemuck::pod_collect_to_vec(bytes))
    }
}

#[cfg(test)]
mod tests {
    #[derive(serde::Serialize, serde::Deserialize, PartialEq, Debug)]
    struct Two {
        #[serde(with = "super")]
        a: Vec<f32>,
        #[serde(with = "super")]
        b: Vec<u32>,
    }

    #[test]
    fn vectors_round_trip_through_bincode_as_bytes() {
        let two = Two {
            a: vec![1.5, -0.0, f32::MIN_POSITIVE, 3e38],
            b: vec![0, 7, u32::MAX],
        };
        let bytes = bincode::serialize(&two).unwrap();
        // two length prefixes and the values: no per-value encoding
        assert_eq!(bytes.len(), 8 + 16 + 8 + 12);
        assert_eq!(bincode::deserialize::<Two>(&bytes).unwrap(), two);
        assert!(bincode::deserialize::<Two>(&bytes[..bytes.len() - 1]).is_err());
    }
}
