//! The time, for what changes with it while a page stays open: "open now" on a shop.

use golmok_api::hours::Moment;
use leptos::prelude::*;

/// Now in Seoul, the district's clock, moving on every minute while the caller's page
/// lives.
pub fn seoul_minute() -> Signal<Moment> {
    let now = RwSignal::new(now());
    if let Ok(handle) =
        set_interval_with_handle(move || now.set(self::now()), std::time::Duration::from_secs(30))
    {
        on_cleanup(move || handle.clear());
    }
    now.into()
}

fn now() -> Moment {
    Moment::in_seoul(unix_seconds())
}

/// Seconds since 1970 by the browser's clock.
pub fn unix_seconds() -> i64 {
    (js_sys::Date::now() / 1000.0) as i64
}
