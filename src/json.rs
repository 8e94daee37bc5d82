//! JSON through the browser's own `JSON`: no JSON parser compiled into the bundle
//! (serde_json alone weighs more than this whole module's users).
//!
//! Reading goes through [`Value`], a serde `Deserializer` over what `JSON.parse` made.
//! serde-wasm-bindgen's deserializer would do the same, but it words every mismatch
//! ("invalid type: floating point `1.5`, expected …"), and those words pull serde's
//! message formatting and float printing into the first load: 10 KB of gzip, measured,
//! for messages nobody reads (a mismatch is `None` to every caller). Writing is
//! serde-wasm-bindgen's, and only the pages that send forms carry it.

use std::fmt;

use js_sys::{Array, Object, Reflect};
use serde::de::value::StringDeserializer;
use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, Visitor};
use serde::{Serialize, forward_to_deserialize_any};
use wasm_bindgen::{JsCast, JsValue};

pub fn parse<T: DeserializeOwned>(text: &str) -> Option<T> {
    from_value(js_sys::JSON::parse(text).ok()?)
}

/// A value `JSON.parse` made, as `T`.
pub fn from_value<T: DeserializeOwned>(value: JsValue) -> Option<T> {
    T::deserialize(Value(value)).ok()
}

pub fn stringify<T: Serialize>(value: &T) -> Option<String> {
    let value = value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).ok()?;
    js_sys::JSON::stringify(&value).ok()?.as_string()
}

/// The JSON did not have the shape of the type asked for. Deliberately wordless.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mismatch;

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the JSON does not fit the type")
    }
}

impl std::error::Error for Mismatch {}

impl de::Error for Mismatch {
    fn custom<T: fmt::Display>(_: T) -> Self {
        Mismatch
    }
}

/// Integers beyond this are not exact in a JS number.
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// A value of `JSON.parse`: null, a boolean, a number, a string, an array or an object.
pub struct Value(pub JsValue);

/// What a JSON value is, found once outside the generic code below: `deserialize_any`
/// is compiled again for every type read, so it only dispatches.
enum Kind {
    Null,
    Bool(bool),
    Unsigned(u64),
    Signed(i64),
    Float(f64),
    Text(String),
    Items(Items),
    Fields(Fields),
}

fn kind(value: JsValue) -> Result<Kind, Mismatch> {
    Ok(if value.is_null() || value.is_undefined() {
        Kind::Null
    } else if let Some(b) = value.as_bool() {
        Kind::Bool(b)
    } else if let Some(n) = value.as_f64() {
        // Whole numbers as integers, so integer fields take them (with serde's range
        // checks); everything else as a float.
        match n {
            n if n.fract() != 0.0 || n.abs() > MAX_SAFE_INTEGER => Kind::Float(n),
            n if n >= 0.0 => Kind::Unsigned(n as u64),
            n => Kind::Signed(n as i64),
        }
    } else if let Some(s) = value.as_string() {
        Kind::Text(s)
    } else if Array::is_array(&value) {
        Kind::Items(Items { array: value.unchecked_into(), next: 0 })
    } else if value.is_object() {
        let keys = Object::keys(value.unchecked_ref::<Object>());
        Kind::Fields(Fields { object: value, keys, next: 0 })
    } else {
        return Err(Mismatch);
    })
}

/// `Deserializer` methods that read their integer width as `deserialize_i64` does.
macro_rules! as_whole_number {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Mismatch> {
            self.deserialize_i64(visitor)
        }
    )*};
}

impl<'de> de::Deserializer<'de> for Value {
    type Error = Mismatch;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Mismatch> {
        match kind(self.0)? {
            Kind::Null => visitor.visit_unit(),
            Kind::Bool(b) => visitor.visit_bool(b),
            Kind::Unsigned(n) => visitor.visit_u64(n),
            Kind::Signed(n) => visitor.visit_i64(n),
            Kind::Float(n) => visitor.visit_f64(n),
            Kind::Text(s) => visitor.visit_string(s),
            Kind::Items(items) => visitor.visit_seq(items),
            Kind::Fields(fields) => visitor.visit_map(fields),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Mismatch> {
        if self.0.is_null() || self.0.is_undefined() {
            visitor.visit_none()
        } else {
            visitor.visit_some(self)
        }
    }

    /// Enums of the API are unit variants, written as their name.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Mismatch> {
        let name = self.0.as_string().ok_or(Mismatch)?;
        let name: StringDeserializer<Mismatch> = name.into_deserializer();
        visitor.visit_enum(name)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Mismatch> {
        visitor.visit_newtype_struct(self)
    }

    // Each of these asks for one shape and visits only that. Forwarded to
    // `deserialize_any`, a struct's `Deserialize` would be compiled with every visit
    // method reachable, its never-used `visit_seq` too: 9 KB of wasm (3 KB gzip) of the
    // first load, measured.
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Mismatch> {
        self.deserialize_map(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Mismatch> {
        match kind(self.0)? {
            Kind::Fields(fields) => visitor.visit_map(fields),
            _ => Err(Mismatch),
        }
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Mismatch> {
        match kind(self.0)? {
            Kind::Items(items) => visitor.visit_seq(items),
            _ => Err(Mismatch),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Mismatch> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, Mismatch> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Mismatch> {
        visitor.visit_string(self.0.as_string().ok_or(Mismatch)?)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Mismatch> {
        self.deserialize_string(visitor)
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Mismatch> {
        self.deserialize_string(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Mismatch> {
        self.deserialize_string(visitor)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Mismatch> {
        visitor.visit_bool(self.0.as_bool().ok_or(Mismatch)?)
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Mismatch> {
        visitor.visit_f64(self.0.as_f64().ok_or(Mismatch)?)
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Mismatch> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Mismatch> {
        match kind(self.0)? {
            Kind::Unsigned(n) => visitor.visit_u64(n),
            Kind::Signed(n) => visitor.visit_i64(n),
            _ => Err(Mismatch),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Mismatch> {
        match kind(self.0)? {
            Kind::Null => visitor.visit_unit(),
            _ => Err(Mismatch),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Mismatch> {
        self.deserialize_unit(visitor)
    }

    /// A field the app does not know: skipped unread.
    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Mismatch> {
        visitor.visit_unit()
    }

    forward_to_deserialize_any! { bytes byte_buf }

    // Every integer width is read as a whole number; serde's visitors check the range.
    as_whole_number! { deserialize_i8 deserialize_i16 deserialize_i32 deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 }
}

/// An array's items, in order.
struct Items {
    array: Array,
    next: u32,
}

impl<'de> de::SeqAccess<'de> for Items {
    type Error = Mismatch;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Mismatch> {
        if self.next >= self.array.length() {
            return Ok(None);
        }
        let item = self.array.get(self.next);
        self.next += 1;
        seed.deserialize(Value(item)).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some((self.array.length() - self.next) as usize)
    }
}

/// An object's own fields, in the order `Object.keys` gives.
struct Fields {
    object: JsValue,
    keys: Array,
    next: u32,
}

impl<'de> de::MapAccess<'de> for Fields {
    type Error = Mismatch;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Mismatch> {
        if self.next >= self.keys.length() {
            return Ok(None);
        }
        let key = self.keys.get(self.next).as_string().ok_or(Mismatch)?;
        let key: StringDeserializer<Mismatch> = key.into_deserializer();
        seed.deserialize(key).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Mismatch> {
        let key = self.keys.get(self.next);
        self.next += 1;
        let value = Reflect::get(&self.object, &key).map_err(|_| Mismatch)?;
        seed.deserialize(Value(value))
    }

    fn size_hint(&self) -> Option<usize> {
        Some((self.keys.length() - self.next) as usize)
    }
}
