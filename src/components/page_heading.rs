//! The page's one `<h1>`. It names the browser tab, and when the visitor arrives by a link
//! inside the app it takes focus, so a screen reader announces where the link led (a
//! client-side navigation is otherwise silent). On the first page of a visit the reader
//! starts at the top anyway, and focusing there would force a layout in the middle of
//! the app's start on a slow phone.

use std::cell::Cell;

use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

thread_local! {
    static NAVIGATED: Cell<bool> = const { Cell::new(false) };
}

/// Notes the first move to another address. Call once, inside the router.
pub fn watch_navigation() {
    let location = use_location();
    Effect::new(move |before: Option<()>| {
        location.pathname.track();
        if before.is_some() {
            NAVIGATED.with(|n| n.set(true));
        }
    });
}

#[component]
pub fn PageHeading(#[prop(into)] text: String, #[prop(optional)] class: &'static str) -> impl IntoView {
    let heading = NodeRef::<html::H1>::new();
    if let Some(doc) = crate::config::document() {
        let app = crate::tr!(app_name);
        doc.set_title(&if text.is_empty() { app.to_owned() } else { format!("{text} · {app}") });
    }
    Effect::new(move |_| {
        if let Some(h) = heading.get().filter(|_| NAVIGATED.with(Cell::get)) {
            let _ = h.focus();
        }
    });
    view! {
        <h1 node_ref=heading tabindex="-1" class=class>
            {text}
        </h1>
    }
}
