//! "Closed today" (오늘 쉬어요): an unplanned day off in one tap, and back.

use golmok_api::Shop;
use leptos::prelude::*;

use crate::api::use_api;
use crate::state::announce::use_announcer;

/// "Closed today" (오늘 쉬어요) for an unplanned day off, in one tap, and back.
#[component]
pub fn ClosedToday(shop: Shop) -> impl IntoView {
    let api = use_api();
    let announcer = use_announcer();
    let closed = RwSignal::new(shop.closed_today);
    let busy = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let id = shop.id;
    let hint_id = format!("closed-today-{id}");
    let toggle = move |_| {
        if busy.get_untracked() {
            return;
        }
        let want = !closed.get_untracked();
        busy.set(true);
        failed.set(false);
        let api = api.clone();
        leptos::task::spawn_local(async move {
            let update = golmok_api::ShopUpdate { closed_today: Some(want), ..Default::default() };
            match api.update_shop(id, &update).await {
                Ok(shop) => {
                    closed.try_set(shop.closed_today);
                    announcer.say(if shop.closed_today {
                        tr!(closed_today_on)
                    } else {
                        tr!(closed_today_off)
                    });
                }
                Err(_) => {
                    failed.try_set(true);
                    announcer.say(tr!(save_failed));
                }
            }
            busy.try_set(false);
        });
    };
    view! {
        <div class="closed-today">
            <button
                type="button"
                class="vote-toggle closed-toggle"
                class:on=move || closed.get()
                aria-pressed=move || if closed.get() { "true" } else { "false" }
                aria-busy=move || busy.get().then_some("true")
                aria-describedby=hint_id.clone()
                on:click=toggle
            >
                <span aria-hidden="true">{move || if closed.get() { "🌙" } else { "☀️" }}</span>
                {tr!(closed_today_label)}
            </button>
            <p id=hint_id class="field-hint">{tr!(closed_today_hint)}</p>
            {move || failed.get().then(|| view! { <p class="form-error" role="alert">{tr!(save_failed)}</p> })}
        </div>
    }
}
