//! The rules of [`crate::validate`] as JSON Schema `pattern`s, for the OpenAPI document:
//! what a client may send, stated exactly, so a generated client or a fuzzer knows the
//! server's answer in advance. Plain text (no regex engine here or in the wasm); a test
//! runs every pattern against the functions it describes.
//!
//! The patterns are written for the common ground of ECMA-262, Python's `re` and Rust's
//! `regex`: character classes, `\uXXXX` escapes, counted repetition, no look-around.
//! What a pattern cannot say (an end after a start, a break inside the opening hours)
//! the document says in words.

/// What `str::trim` takes away: `char::is_whitespace`, spelled out (`\s` differs between
/// regex engines).
const WS: &str = r"[\t\n\x0B\x0C\r \x85\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]";

/// `validate::is_invisible_trick`.
const TRICKS: &str = r"\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF";

/// A character single-line text allows: no control character (`char::is_control`), no
/// invisible trick.
fn allowed(multiline: bool) -> String {
    let controls = if multiline { r"\x00-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F" } else { r"\x00-\x1F\x7F-\x9F" };
    format!("[^{controls}{TRICKS}]")
}

/// An allowed character that is not whitespace: where trimmed text starts and ends.
const SOLID: &str = r"[^\x00-\x20\x7F-\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\u061C\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]";

/// Trimmed text of `min..=max` characters, without the surrounding whitespace.
fn core(min: usize, max: usize, multiline: bool) -> String {
    let a = allowed(multiline);
    if min <= 1 {
        format!("{SOLID}(?:{a}{{0,{}}}{SOLID})?", max.saturating_sub(2))
    } else {
        format!("{SOLID}{a}{{{},{}}}{SOLID}", min - 2, max - 2)
    }
}

/// `validate::text`: trimmed, `min..=max` characters, no control characters (but line
/// breaks and tabs when `multiline`), no invisible tricks.
pub fn text((min, max): (usize, usize), multiline: bool) -> String {
    format!("^{WS}*{}{WS}*$", core(min, max, multiline))
}

/// Text that may be left blank, else `text`.
pub fn optional_text((min, max): (usize, usize), multiline: bool) -> String {
    format!("^{WS}*(?:{})?{WS}*$", core(min, max, multiline))
}

/// Contains something besides whitespace (unanchored).
pub const NOT_BLANK: &str = r"[^\t\n\x0B\x0C\r \x85\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]";

/// A calendar date of the years 2000 to 2999, leap days included.
const DATE: &str = concat!(
    r"(?:2[0-9]{3}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12][0-9]|3[01])|(?:0[469]|11)-(?:0[1-9]|[12][0-9]|30)",
    r"|02-(?:0[1-9]|1[0-9]|2[0-8]))|2[0-9](?:0[48]|[2468][048]|[13579][26])-02-29|2[048]00-02-29)"
);

/// `validate::event_date`: blank, or a date.
pub fn optional_date() -> String {
    format!("^{WS}*(?:{DATE})?{WS}*$")
}

/// `instants::normalize`: RFC 3339 with seconds and an offset. Inexact at the edges of
/// the millennium only: the year is checked after conversion to UTC.
fn instant() -> String {
    format!(
        r"{DATE}[Tt](?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]+)?(?:[Zz]|[+-](?:[01][0-9]|2[0-3]):[0-5][0-9])"
    )
}

pub fn required_instant() -> String {
    format!("^{WS}*{}{WS}*$", instant())
}

/// An instant, or blank for the default.
pub fn optional_instant() -> String {
    format!("^{WS}*(?:{})?{WS}*$", instant())
}

/// `validate::business_number`: ten digits, hyphens and spaces between.
pub fn business_number() -> String {
    format!("^{WS}*[- ]*(?:[0-9][- ]*){{10}}{WS}*$")
}

/// `validate::phone`, or blank to remove it.
pub fn optional_phone() -> String {
    format!(r"^{WS}*(?:\+?(?:[-() ]*[0-9]){{8,12}}[-() ]*)?{WS}*$")
}

/// `validate::kakao_channel_url`, or blank to remove it.
pub fn optional_kakao() -> String {
    format!(
        r"^{WS}*(?:(?:[Hh][Tt][Tt][Pp][Ss]?://)?[Pp][Ff]\.[Kk][Aa][Kk][Aa][Oo]\.[Cc][Oo][Mm]/[A-Za-z0-9_-]+(?:/[A-Za-z0-9_-]+)*/*(?:[?#][\s\S]*)?)?{WS}*$"
    )
}

/// One entry of `validate::embed_origins`: blank (skipped), or `http(s)://host[:port]` and
/// perhaps one `/`, in any case, with spaces around.
pub fn optional_embed_origin() -> String {
    const LABEL: &str = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    const PORT: &str =
        "(?:[1-9][0-9]{0,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])";
    format!(r"^{WS}*(?:[Hh][Tt][Tt][Pp][Ss]?://{LABEL}(?:\.{LABEL})*(?::{PORT})?/?)?{WS}*$")
}

/// `hours::clock_minutes`: `HH:MM`, exactly.
pub const CLOCK: &str = r"^(?:[01][0-9]|2[0-3]):[0-5][0-9]$";

/// `validate::email`: something, one `@`, a domain with a dot inside, no whitespace or
/// control characters.
pub fn email() -> String {
    let local = r"[^@\x00-\x20\x7F-\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]";
    let domain = r"[^@.\x00-\x20\x7F-\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]";
    format!(r"^{WS}*{local}+@{domain}+(?:\.+{domain}+)+{WS}*$")
}
