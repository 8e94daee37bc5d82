//! The frame around every page: skip link, header with the language switch and account,
//! the main landmark, the live region and a footer.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_location;

use crate::api::use_api;
use crate::config::link;
use crate::i18n::Locale;
use crate::state::announce::use_announcer;
use crate::state::{lang, session::use_session};
use crate::storage::{self, keys};

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let announcer = use_announcer();
    view! {
        <a class="skip-link" href="#main">
            {tr!(skip_to_content)}
        </a>
        <Header />
        <main id="main" class="main">
            {children()}
        </main>
        <footer class="footer">
            <p>{tr!(footer_note)}</p>
        </footer>
        <div class="sr-only" role="status" aria-live="polite" aria-atomic="true">
            {move || announcer.message()}
        </div>
    }
}

#[component]
fn Header() -> impl IntoView {
    let lang = lang::use_lang();
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
            crate::pages::login::login_href(&here)
        }
    };
    let logout = move |_| {
        // Logged out on this device at once, whatever the network does; the server is
        // told in the background (a token it never hears about expires unused).
        let token = session.token_untracked();
        session.forget();
        // A shared phone: the next person should not find this person's drafts.
        storage::remove_all(keys::DRAFTS);
        announcer.say(tr!(logged_out));
        if let Some(token) = token {
            let api = api.clone();
            spawn_local(async move {
                let _ = api.logout(token).await;
            });
        }
    };
    view! {
        <header class="header">
            <a href=link("/") class="brand">
                <span class="brand-mark" aria-hidden="true">"🐸"</span>
                <span class="brand-name">{tr!(app_name)}</span>
            </a>
            <nav class="header-actions" aria-label=tr!(main_nav)>
                <button
                    type="button"
                    class="chip lang-switch"
                    lang=if lang::current() == Locale::ko { "en" } else { "ko" }
                    aria-label=tr!(lang_switch_label)
                    on:click=move |_| lang.toggle()
                >
                    <span class="lang-icon" aria-hidden="true">"🌐 "</span>
                    {tr!(lang_other)}
                </button>
                {move || match session.user() {
                    Some(user) => {
                        let logout = logout.clone();
                        let label = tr!(alley_link_label, name = user.display_name.clone());
                        view! {
                            // Their name leads to "My alley", their own page.
                            <a
                                href=link("/alley")
                                class="account-name"
                                aria-label=label
                            >
                                {tr!(account_greeting, name = user.display_name)}
                            </a>
                            <button type="button" class="chip" on:click=logout>
                                {tr!(logout)}
                            </button>
                        }
                            .into_any()
                    }
                    None => {
                        view! {
                            <a href=move || link(login_href()) class="chip chip-primary">
                                {tr!(login)}
                            </a>
                        }
                            .into_any()
                    }
                }}
            </nav>
        </header>
    }
}
