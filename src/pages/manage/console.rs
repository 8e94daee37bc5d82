//! One district's console for its moderators (운영진), in tabs: the shop claims to
//! decide, the proposals waiting for an answer, the reports to look at, and the
//! district's news (its own announcements, and pins), and its settings.

use leptos::prelude::*;

use super::claims::{ClaimsPanel, pending_queue};
use super::district_news::NewsPanel;
use super::reports::{ReportsPanel, reports_queue};
use super::settings::SettingsPanel;
use super::waiting::{WaitingPanel, waiting_queue};
use crate::api::use_api;
use crate::state::lang;
use crate::state::load::Load;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tab {
    Claims,
    Waiting,
    Reports,
    News,
    Settings,
}

const TABS: [Tab; 5] = [Tab::Claims, Tab::Waiting, Tab::Reports, Tab::News, Tab::Settings];

impl Tab {
    fn name(self) -> &'static str {
        match self {
            Tab::Claims => "claims",
            Tab::Waiting => "waiting",
            Tab::Reports => "reports",
            Tab::News => "news",
            Tab::Settings => "settings",
        }
    }
}

/// How many a queue holds, as its tab says it: "3", or "20+" while more pages wait.
fn counted<T: Clone + Send + Sync + 'static>(queue: crate::state::paged::Paged<T>) -> Signal<String> {
    Signal::derive(move || match queue.count() {
        (n, true) => format!("{n}+"),
        (n, false) => n.to_string(),
    })
}

#[component]
pub fn Console(slug: String) -> impl IntoView {
    let api = use_api();
    let district = Load::new({
        let slug = slug.clone();
        move || {
            let (api, slug) = (api.clone(), slug.clone());
            async move { api.district(&slug).await }
        }
    });
    let name = move || {
        let locale = lang::current();
        district.get().and_then(Result::ok).map(|d| lang::pick(locale, &d.name, &d.name_en).to_owned())
    };
    let queue = pending_queue(slug.clone());
    let waiting = waiting_queue(slug.clone());
    let reports = reports_queue(slug.clone());
    let counts = [counted(queue), counted(waiting), counted(reports)];
    let shown = RwSignal::new(Tab::Claims);
    let tab_id = {
        let slug = slug.clone();
        move |tab: Tab| format!("console-{slug}-{}", tab.name())
    };
    let label = {
        let slug = slug.clone();
        move || tr!(console_label, district = name().unwrap_or_else(|| slug.clone()))
    };
    let heading = label.clone();
    let news_slug = slug.clone();
    view! {
        <section class="console" aria-label=label>
            <h2 class="section-title">{heading}</h2>
            <TabList shown tab_id=tab_id.clone() counts />
            <div role="tabpanel" id=format!("{}-panel", tab_id(Tab::Claims)) aria-labelledby=tab_id(Tab::Claims) class="console-panel" hidden=move || shown.get() != Tab::Claims>
                <ClaimsPanel queue />
            </div>
            <div role="tabpanel" id=format!("{}-panel", tab_id(Tab::Waiting)) aria-labelledby=tab_id(Tab::Waiting) class="console-panel" hidden=move || shown.get() != Tab::Waiting>
                <WaitingPanel queue=waiting />
            </div>
            <div role="tabpanel" id=format!("{}-panel", tab_id(Tab::Reports)) aria-labelledby=tab_id(Tab::Reports) class="console-panel" hidden=move || shown.get() != Tab::Reports>
                <ReportsPanel queue=reports slug=slug.clone() />
            </div>
            <div role="tabpanel" id=format!("{}-panel", tab_id(Tab::News)) aria-labelledby=tab_id(Tab::News) class="console-panel" hidden=move || shown.get() != Tab::News>
                <Show when=move || shown.get() == Tab::News>
                    <NewsPanel slug=news_slug.clone() />
                </Show>
            </div>
            <div role="tabpanel" id=format!("{}-panel", tab_id(Tab::Settings)) aria-labelledby=tab_id(Tab::Settings) class="console-panel" hidden=move || shown.get() != Tab::Settings>
                <Show when=move || shown.get() == Tab::Settings>
                    <SettingsPanel slug=slug.clone() saved=Callback::new(move |()| district.refresh()) />
                </Show>
            </div>
        </section>
    }
}

fn counted_tab(name: &'static str, count: Signal<String>) -> AnyView {
    view! { {name} " " <span class="tab-count">{move || count.get()}</span> }.into_any()
}

/// The tabs, as a screen reader expects them: one in the Tab order, the arrow keys move
/// between them.
#[component]
fn TabList(
    shown: RwSignal<Tab>,
    tab_id: impl Fn(Tab) -> String + Clone + Send + 'static,
    /// How many claims, proposals and reports wait.
    counts: [Signal<String>; 3],
) -> impl IntoView {
    let keys = {
        let tab_id = tab_id.clone();
        move |ev: leptos::ev::KeyboardEvent| {
            let at = TABS.iter().position(|t| *t == shown.get_untracked()).unwrap_or(0);
            let next = match ev.key().as_str() {
                "ArrowRight" => (at + 1) % TABS.len(),
                "ArrowLeft" => (at + TABS.len() - 1) % TABS.len(),
                "Home" => 0,
                "End" => TABS.len() - 1,
                _ => return,
            };
            ev.prevent_default();
            shown.set(TABS[next]);
            crate::components::form::focus_field(&tab_id(TABS[next]));
        }
    };
    view! {
        <div class="chips" role="tablist" on:keydown=keys>
            {TABS
                .into_iter()
                .map(|tab| {
                    let selected = move || shown.get() == tab;
                    view! {
                        <button
                            type="button"
                            role="tab"
                            id=tab_id(tab)
                            class="chip"
                            aria-selected=move || if selected() { "true" } else { "false" }
                            aria-controls=format!("{}-panel", tab_id(tab))
                            tabindex=move || if selected() { "0" } else { "-1" }
                            on:click=move |_| shown.set(tab)
                        >
                            {match tab {
                                Tab::Claims => counted_tab(tr!(tab_claims), counts[0]),
                                Tab::Waiting => counted_tab(tr!(tab_waiting), counts[1]),
                                Tab::Reports => counted_tab(tr!(tab_reports), counts[2]),
                                Tab::News => tr!(tab_news).into_any(),
                                Tab::Settings => tr!(tab_settings).into_any(),
                            }}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
