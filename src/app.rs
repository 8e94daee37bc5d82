//! The app: shared state, the router, and the page of the address (`crate::routes`).

use leptos::prelude::*;
use leptos_router::components::Router;

use crate::api::Api;
use crate::components::layout::Shell;
use crate::routes::Pages;
use crate::state::{announce::Announcer, lang, session::Session};

/// Provides what every component may ask for: language, session, API client, live
/// region. Tests call this too, with their own session and API root.
pub fn provide_app_state(session: Session, api_root: &str) {
    let locale = lang::initial();
    lang::set_current(locale);
    provide_context(lang::Lang::new(locale));
    provide_context(session);
    provide_context(Api::new(api_root, session));
    provide_context(Announcer::new());
}

#[component]
pub fn App() -> impl IntoView {
    let session = Session::restore();
    provide_app_state(session, &crate::config::api_root());
    revalidate_session(session);
    let lang = lang::use_lang();
    // A language switch re-renders everything in the new language (see `tr!`). Proposal
    // and comment drafts live in storage and data is fetched again; only what was typed
    // into the login or sign-up form is cleared.
    move || {
        lang::set_current(lang.get());
        view! {
            <Router base=crate::config::base_path()>
                <LangSync />
                <Shell>
                    <Pages />
                </Shell>
            </Router>
        }
    }
}

/// What must watch the address: the language (`?lang=`) and the first navigation.
#[component]
fn LangSync() -> impl IntoView {
    lang::sync();
    crate::components::page_heading::watch_navigation();
}

/// A remembered token may have been revoked elsewhere: ask once at start. A 401 makes the
/// client forget it; a network failure keeps it (offline is not logged out).
fn revalidate_session(session: Session) {
    if session.token_untracked().is_none() {
        return;
    }
    let api = crate::api::use_api();
    leptos::task::spawn_local(async move {
        if let Ok(user) = api.me().await {
            session.refresh_user(user);
        }
    });
}
