//! Dates and times in the reader's language and the district's time zone, by the
//! browser's own Intl (no date library in the bundle).

use js_sys::{Array, Date, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

use crate::i18n::Locale;

/// Districts are Korean; their clock is Seoul's whoever reads.
const TIME_ZONE: &str = "Asia/Seoul";

fn intl_tag(locale: Locale) -> &'static str {
    match locale {
        Locale::ko => "ko-KR",
        Locale::en => "en-US",
    }
}

fn options(pairs: &[(&str, &str)]) -> Object {
    let object = Object::new();
    for (key, value) in pairs {
        let _ = Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    object
}

fn parse(iso: &str) -> Option<Date> {
    let date = Date::new(&JsValue::from_str(iso));
    (!date.get_time().is_nan()).then_some(date)
}

fn format_with(date: &Date, locale: Locale, pairs: &[(&str, &str)]) -> String {
    String::from(date.to_locale_string(intl_tag(locale), &options(pairs)))
}

/// "11월 27일 (금) 오후 7:30" / "Fri, Nov 27, 7:30 PM".
pub fn date_time(iso: &str, locale: Locale) -> String {
    let Some(date) = parse(iso) else { return String::new() };
    format_with(
        &date,
        locale,
        &[
            ("timeZone", TIME_ZONE),
            ("weekday", "short"),
            ("month", "short"),
            ("day", "numeric"),
            ("hour", "numeric"),
            ("minute", "2-digit"),
        ],
    )
}

/// An event's day, given as `YYYY-MM-DD`: "12월 5일 (토)" / "Sat, Dec 5, 2026".
pub fn event_day(ymd: &str, locale: Locale) -> String {
    // Noon UTC is the same calendar day everywhere the formatter might look.
    let Some(date) = parse(&format!("{ymd}T12:00:00Z")) else { return ymd.to_owned() };
    format_with(
        &date,
        locale,
        &[
            ("timeZone", TIME_ZONE),
            ("weekday", "short"),
            ("year", "numeric"),
            ("month", "short"),
            ("day", "numeric"),
        ],
    )
}

/// "3시간 전" / "3 hours ago"; older than a week, the date itself.
pub fn relative(iso: &str, locale: Locale, just_now: &str) -> String {
    let Some(date) = parse(iso) else { return String::new() };
    let seconds = ((Date::now() - date.get_time()) / 1000.0).max(0.0);
    let (value, unit) = match seconds {
        s if s < 60.0 => return just_now.to_owned(),
        s if s < 3600.0 => (s / 60.0, "minute"),
        s if s < 86_400.0 => (s / 3600.0, "hour"),
        s if s < 7.0 * 86_400.0 => (s / 86_400.0, "day"),
        _ => {
            return format_with(
                &date,
                locale,
                &[("timeZone", TIME_ZONE), ("year", "numeric"), ("month", "short"), ("day", "numeric")],
            );
        }
    };
    let locales = Array::of1(&JsValue::from_str(intl_tag(locale)));
    let format = Intl::RelativeTimeFormat::new(&locales, &options(&[("numeric", "auto")]));
    String::from(format.format(-value.floor(), unit))
}
