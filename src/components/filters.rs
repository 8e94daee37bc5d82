//! The parts every filtered list draws alike (the district's proposals, the shops): a
//! search box sent on submit, choice chips, and "nothing matches" with the way back.

use leptos::prelude::*;

/// The search box and its button. The caller draws the label (`for` = `id`), visible
/// or not; the words go to `typed`, and are sent by the form's submit.
#[component]
pub fn SearchRow(
    id: &'static str,
    placeholder: &'static str,
    max: usize,
    typed: RwSignal<String>,
    #[prop(default = "button button-secondary")] button: &'static str,
) -> impl IntoView {
    view! {
        <div class="search-row">
            <input
                id=id
                name="q"
                type="search"
                maxlength=max.to_string()
                placeholder=placeholder
                prop:value=move || typed.get()
                on:input=move |ev| typed.set(event_target_value(&ev))
            />
            <button type="submit" class=button>{tr!(search_submit)}</button>
        </div>
    }
}

/// One choice of a filter, pressed while the list shows it.
#[component]
pub fn FilterChip(
    #[prop(default = "chip")] class: &'static str,
    label: &'static str,
    #[prop(into)] pressed: Signal<bool>,
    #[prop(into)] on_click: Callback<()>,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class=class
            aria-pressed=move || if pressed.get() { "true" } else { "false" }
            on:click=move |_| on_click.run(())
        >
            {label}
        </button>
    }
}

/// A filtered list that came back empty: says so, and links to the whole list.
#[component]
pub fn NoMatch(text: &'static str, clear: String) -> impl IntoView {
    view! {
        <div class="empty">
            <p>{text}</p>
            <a href=clear class="button button-secondary">{tr!(filters_clear)}</a>
        </div>
    }
}
