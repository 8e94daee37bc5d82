//! The page's one `<h1>`. It names the browser tab and takes focus when the page opens,
//! so a screen reader announces where a link led (a client-side navigation is silent).

use leptos::html;
use leptos::prelude::*;

#[component]
pub fn PageHeading(#[prop(into)] text: String, #[prop(optional)] class: &'static str) -> impl IntoView {
    let heading = NodeRef::<html::H1>::new();
    if let Some(doc) = crate::config::document() {
        let app = crate::tr!(app_name);
        doc.set_title(&if text.is_empty() { app.to_owned() } else { format!("{text} · {app}") });
    }
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    view! {
        <h1 node_ref=heading tabindex="-1" class=class>
            {text}
        </h1>
    }
}
