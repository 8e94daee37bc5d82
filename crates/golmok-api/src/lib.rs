//! The Golmok JSON contract.
//!
//! Every type that crosses the wire lives here, together with the validation rules for
//! what users type. The SPA validates with these functions before sending and the server
//! validates with the same functions before storing, so the two sides cannot disagree.
//! No web or server dependencies: this crate compiles to wasm and to native alike.

mod announcements;
mod answers;
pub mod hours;
pub mod instants;
mod life;
pub mod patterns;
mod shops;
mod types;
pub mod validate;

pub use announcements::*;
pub use answers::*;
pub use hours::{DayHours, Span, WeeklyHours};
pub use life::*;
pub use shops::*;
pub use types::*;
pub use validate::{FieldError, FieldErrorCode};

/// Path prefix of every API endpoint.
pub const API_PREFIX: &str = "/api/v1";

/// The languages Golmok speaks, the default first.
pub const LANGUAGES: [&str; 2] = ["ko", "en"];

/// The language a tag names, if Golmok speaks it: `ko`, `ko-KR` and `KO` are `ko`. One
/// rule for the app (`?lang=`, the browser's languages) and the server's first paint
/// (`?lang=`, the cookie, `Accept-Language`), so both pick the same.
pub fn language(tag: &str) -> Option<&'static str> {
    let code = tag.trim().get(..2)?;
    LANGUAGES.into_iter().find(|known| known.eq_ignore_ascii_case(code))
}
