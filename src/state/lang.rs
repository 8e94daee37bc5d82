//! Which language the app speaks. Order of preference: `?lang=` in the address, the
//! choice remembered on this device, then the browser's languages (Korean unless the
//! browser prefers English). The choice is remembered and `<html lang>` follows it.
//!
//! The texts and the `Locale` type come from leptos_i18n (locales/*.json, checked at
//! build time); the current language is this module's own signal, because the app
//! re-renders whole on a switch and needs no per-text reactivity.

use std::cell::Cell;

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::i18n::Locale;
use crate::storage::{self, keys};

thread_local! {
    static CURRENT: Cell<Locale> = const { Cell::new(Locale::ko) };
}

/// The language being rendered. Plain state, readable anywhere (also in async tasks,
/// which have no reactive owner); `App` sets it before each full render.
pub fn current() -> Locale {
    CURRENT.with(Cell::get)
}

pub fn set_current(locale: Locale) {
    CURRENT.with(|c| c.set(locale));
}

/// The chosen language, provided by `App`.
#[derive(Debug, Clone, Copy)]
pub struct Lang(RwSignal<Locale>);

pub fn use_lang() -> Lang {
    expect_context::<Lang>()
}

impl Lang {
    pub fn new(locale: Locale) -> Self {
        Lang(RwSignal::new(locale))
    }

    pub fn get(&self) -> Locale {
        self.0.get()
    }

    pub fn set(&self, locale: Locale) {
        if self.0.get_untracked() != locale {
            self.0.set(locale);
        }
    }

    /// Switches to the other language. A `?lang=` left in the address would undo the
    /// choice on reload, so it is rewritten in place (no navigation, no history entry).
    pub fn toggle(&self) {
        let next = match self.0.get_untracked() {
            Locale::ko => Locale::en,
            Locale::en => Locale::ko,
        };
        rewrite_query_lang(next);
        self.set(next);
    }
}

pub fn parse(tag: &str) -> Option<Locale> {
    match golmok_api::language(tag)? {
        "ko" => Some(Locale::ko),
        "en" => Some(Locale::en),
        _ => None,
    }
}

pub fn tag(locale: Locale) -> &'static str {
    match locale {
        Locale::ko => "ko",
        Locale::en => "en",
    }
}

/// The language to start in, before any component runs.
pub fn initial() -> Locale {
    query_lang().or_else(remembered).or_else(browser).unwrap_or(Locale::ko)
}

fn query_lang() -> Option<Locale> {
    let search = web_sys::window()?.location().search().ok()?;
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok()?;
    parse(&params.get("lang")?)
}

fn remembered() -> Option<Locale> {
    storage::load::<String>(keys::LANG).as_deref().and_then(parse)
}

/// The first of the browser's languages that we speak.
fn browser() -> Option<Locale> {
    let navigator = web_sys::window()?.navigator();
    navigator.languages().iter().filter_map(|l| l.as_string()).find_map(|l| parse(&l))
}

/// Keeps storage and `<html lang>` in step with the current language, and applies
/// `?lang=` when a link carries it. Call once inside the router.
pub fn sync() {
    let lang = use_lang();
    let query = use_query_map();
    Effect::new(move |_| {
        if let Some(locale) = query.with(|q| q.get("lang")).as_deref().and_then(parse) {
            lang.set(locale);
        }
    });
    Effect::new(move |_| {
        let locale = lang.get();
        storage::save(keys::LANG, &tag(locale));
        let Some(document) = crate::config::document() else { return };
        if let Some(html) = document.document_element() {
            let _ = html.set_attribute("lang", tag(locale));
        }
        // The server draws a district's first paint in the reader's language, and storage
        // is out of its sight (crates/golmok-server/src/first_paint.rs).
        let cookie = format!("golmok.lang={}; path=/; max-age=31536000; samesite=lax", tag(locale));
        let _ = js_sys::Reflect::set(&document, &"cookie".into(), &cookie.into());
    });
}

fn rewrite_query_lang(locale: Locale) -> Option<()> {
    let window = web_sys::window()?;
    let url = web_sys::Url::new(&window.location().href().ok()?).ok()?;
    if url.search_params().has("lang") {
        url.search_params().set("lang", tag(locale));
        let history = window.history().ok()?;
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url.href())).ok()?;
    }
    Some(())
}

/// Content stored in both languages (district names, say): the reader's, falling back
/// to Korean when no English was written.
pub fn pick<'a>(locale: Locale, ko: &'a str, en: &'a str) -> &'a str {
    match locale {
        Locale::en if !en.trim().is_empty() => en,
        _ => ko,
    }
}
