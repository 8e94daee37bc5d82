//! JSON through the browser's own `JSON` and serde-wasm-bindgen: no JSON parser compiled
//! into the bundle (serde_json alone weighs more than this whole module's users).

use serde::{Serialize, de::DeserializeOwned};

pub fn parse<T: DeserializeOwned>(text: &str) -> Option<T> {
    serde_wasm_bindgen::from_value(js_sys::JSON::parse(text).ok()?).ok()
}

pub fn stringify<T: Serialize>(value: &T) -> Option<String> {
    let value = value.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).ok()?;
    js_sys::JSON::stringify(&value).ok()?.as_string()
}
