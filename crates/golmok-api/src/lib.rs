//! The Golmok JSON contract.
//!
//! Every type that crosses the wire lives here, together with the validation rules for
//! what users type. The SPA validates with these functions before sending and the server
//! validates with the same functions before storing, so the two sides cannot disagree.
//! No web or server dependencies: this crate compiles to wasm and to native alike.

mod announcements;
mod answers;
mod districts;
pub mod hours;
pub mod instants;
mod life;
mod moderation;
pub mod patterns;
mod shops;
mod types;
pub mod validate;

pub use announcements::*;
pub use answers::*;
pub use districts::*;
pub use hours::{DayHours, Span, WeeklyHours};
pub use life::*;
pub use moderation::*;
pub use shops::*;
pub use types::*;
pub use validate::{FieldError, FieldErrorCode};

/// Path prefix of every API endpoint.
pub const API_PREFIX: &str = "/api/v1";

/// The language a tag names, if Golmok speaks it (`ko`, the default, or `en`): `ko`,
/// `ko-KR`, `ko_KR` and `KO` are `ko`; `kok` (Konkani) is none. One rule for the app
/// (`?lang=`, the browser's languages), the server's first paint (`?lang=`, the cookie,
/// `Accept-Language`) and `public/boot.js`, so all three pick the same. A slice pattern,
/// not a string search: this runs in the app's first load, where every byte counts.
pub fn language(tag: &str) -> Option<&'static str> {
    let (a, b) = match tag.trim().as_bytes() {
        [a, b] | [a, b, b'-' | b'_', ..] => (a.to_ascii_lowercase(), b.to_ascii_lowercase()),
        _ => return None,
    };
    match (a, b) {
        (b'k', b'o') => Some("ko"),
        (b'e', b'n') => Some("en"),
        _ => None,
    }
}
