//! The frame around every page: skip link, header with the language switch and account,
//! the main landmark, the live region and a footer.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::api::use_api;
use crate::i18n::*;
use crate::state::announce::use_announcer;
use crate::state::{lang, session::use_session};

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let announcer = use_announcer();
    view! {
        <a class="skip-link" href="#main">
            {t!(i18n, skip_to_content)}
        </a>
        <Header />
        <main id="main" class="main">
            {children()}
        </main>
        <footer class="footer">
            <p>{t!(i18n, footer_note)}</p>
        </footer>
        <div class="sr-only" role="status" aria-live="polite" aria-atomic="true">
            {move || announcer.message()}
        </div>
    }
}

#[component]
fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let api = use_api();
    let announcer = use_announcer();
    let location = use_location();
    // After logging in from here, come back here.
    let login_href = move || {
        let path = location.pathname.get();
        let base = crate::config::base_path();
        let here = path.strip_prefix(base.as_str()).unwrap_or(&path).to_owned();
        if here.is_empty() || here == "/" || here == "/login" || here == "/register" {
            "/login".to_owned()
        } else {
            format!("/login?next={}", String::from(js_sys::encode_uri_component(&here)))
        }
    };
    let logout = move |_| {
        let api = api.clone();
        spawn_local(async move {
            // Forget locally even if the server is unreachable; the token dies with it
            // server-side when it can be told.
            let _ = api.logout().await;
            session.forget();
            announcer.say(t_string!(i18n, logged_out).to_string());
        });
    };
    view! {
        <header class="header">
            <A href="/" attr:class="brand">
                <span class="brand-mark" aria-hidden="true">"🐸"</span>
                <span class="brand-name">{t!(i18n, app_name)}</span>
            </A>
            <nav class="header-actions" aria-label=move || t_string!(i18n, main_nav).to_string()>
                <button
                    type="button"
                    class="chip lang-switch"
                    lang=move || if i18n.get_locale() == Locale::ko { "en" } else { "ko" }
                    aria-label=move || t_string!(i18n, lang_switch_label).to_string()
                    on:click=move |_| lang::toggle(i18n)
                >
                    <span aria-hidden="true">"🌐 "</span>
                    {t!(i18n, lang_other)}
                </button>
                {move || match session.user() {
                    Some(user) => {
                        let logout = logout.clone();
                        view! {
                            <span class="account-name">
                                {t!(i18n, account_greeting, name = move || user.display_name.clone())}
                            </span>
                            <button type="button" class="chip" on:click=logout>
                                {t!(i18n, logout)}
                            </button>
                        }
                            .into_any()
                    }
                    None => {
                        view! {
                            <A href=login_href attr:class="chip chip-primary">
                                {t!(i18n, login)}
                            </A>
                        }
                            .into_any()
                    }
                }}
            </nav>
        </header>
    }
}
