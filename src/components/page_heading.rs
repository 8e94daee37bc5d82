//! The page's one `<h1>`. It names the browser tab and takes focus when the page opens,
//! so a screen reader announces where a link led (a client-side navigation is silent).

use leptos::html;
use leptos::prelude::*;

#[component]
pub fn PageHeading(#[prop(into)] text: Signal<String>, #[prop(optional)] class: &'static str) -> impl IntoView {
    let heading = NodeRef::<html::H1>::new();
    let i18n = crate::i18n::use_i18n();
    Effect::new(move |_| {
        let app = crate::i18n::td_string!(i18n.get_locale(), app_name).to_string();
        if let Some(doc) = crate::config::document() {
            let title = text.get();
            doc.set_title(&if title.is_empty() { app } else { format!("{title} · {app}") });
        }
    });
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
