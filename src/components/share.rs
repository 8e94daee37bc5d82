//! Passing a proposal or a shop on: the phone's own share sheet (the Web Share API) where
//! there is one, else the link copied, to paste into a KakaoTalk chat; where even the
//! clipboard is refused, the link shown to copy by hand.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::state::announce::use_announcer;

/// Copies `text`; whether it worked (no clipboard API, a refused permission: no).
pub async fn copy_text(text: &str) -> bool {
    match web_sys::window().map(|w| w.navigator().clipboard()) {
        Some(clipboard) => JsFuture::from(clipboard.write_text(text)).await.is_ok(),
        None => false,
    }
}

/// The absolute address of an app path (`/d/eungubi-seo/shops/1`), under `<base href>`.
pub fn absolute(path: &str) -> String {
    let base = crate::config::document().and_then(|d| d.base_uri().ok().flatten()).unwrap_or_default();
    format!("{base}{}", path.trim_start_matches('/'))
}

/// How a share ended.
enum Shared {
    /// The share sheet took it, or the person closed it: nothing more to do.
    Done,
    /// No share sheet here, or it failed.
    NotShared,
}

/// `navigator.share({ title, url })`, which web-sys keeps behind an unstable flag; read
/// from the navigator, so a browser without it is simply one without a share sheet.
async fn share_sheet(title: &str, url: &str) -> Shared {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else { return Shared::NotShared };
    let share = js_sys::Reflect::get(&navigator, &"share".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(share) = share else { return Shared::NotShared };
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    let _ = js_sys::Reflect::set(&data, &"url".into(), &url.into());
    let Some(promise) =
        share.call1(&navigator, &data).ok().and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
    else {
        return Shared::NotShared;
    };
    match JsFuture::from(promise).await {
        Ok(_) => Shared::Done,
        // Closing the sheet is a choice, not a failure.
        Err(e) if error_name(&e).as_deref() == Some("AbortError") => Shared::Done,
        Err(_) => Shared::NotShared,
    }
}

fn error_name(error: &JsValue) -> Option<String> {
    js_sys::Reflect::get(error, &"name".into()).ok()?.as_string()
}

/// "Share" for the page at `path`, named by the page's title, and its poster to print
/// (`pages::district::poster`, at `{path}/poster`).
#[component]
pub fn ShareButton(#[prop(into)] path: String, id: &'static str) -> impl IntoView {
    let announcer = use_announcer();
    let url = StoredValue::new(absolute(&path));
    let by_hand = RwSignal::new(false);
    let share = move |_| {
        let title = crate::config::document().map(|d| d.title()).unwrap_or_default();
        let url = url.get_value();
        leptos::task::spawn_local(async move {
            if let Shared::Done = share_sheet(&title, &url).await {
                return;
            }
            if copy_text(&url).await {
                announcer.say(tr!(share_copied));
            } else {
                by_hand.set(true);
            }
        });
    };
    let field = format!("{id}-link");
    let poster = crate::config::link(format!("{path}/poster"));
    view! {
        <div class="share-row">
            <button type="button" class="button button-secondary share-button" on:click=share>
                <span aria-hidden="true">"🔗 "</span>
                {tr!(share_action)}
            </button>
            <a href=poster class="button button-secondary">
                <span aria-hidden="true">"🖨️ "</span>
                {tr!(poster_action)}
            </a>
            {move || by_hand.get().then(|| view! {
                <div class="field share-link">
                    <label for=field.clone()>{tr!(share_by_hand)}</label>
                    <input id=field.clone() type="url" readonly value=url.get_value() on:focus=|ev| {
                        if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                            input.select();
                        }
                    } />
                </div>
            })}
        </div>
    }
}
