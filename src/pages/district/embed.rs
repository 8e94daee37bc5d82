//! `/d/{slug}/embed`, "Put this on your website": whoever keeps a district's website picks
//! what the widget shows, sees it as visitors will, and copies the one line to paste (or
//! a plain `<iframe>` for site editors that strip scripts). The widget itself is not the
//! app: `public/embed.js` and `public/widget.js`.

use golmok_api::District;
use leptos::html;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use wasm_bindgen::JsValue;

use crate::api::use_api;
use crate::components::field::ChoiceField;
use crate::components::load_error::{LoadError, NotFound};
use crate::components::page_heading::PageHeading;
use crate::components::share::copy_text;
use crate::components::skeleton::DetailSkeleton;
use crate::config::link;
use crate::state::announce::use_announcer;
use crate::state::lang;
use crate::state::load::Load;

#[component]
pub fn EmbedPage() -> impl IntoView {
    let api = use_api();
    let params = use_params_map();
    let slug = Memo::new(move |_| params.with(|p| p.get("slug").unwrap_or_default()));
    let district = Load::new(move || {
        let (api, slug) = (api.clone(), slug.get());
        async move { api.district(&slug).await }
    });
    move || match district.get() {
        None => view! { <DetailSkeleton /> }.into_any(),
        Some(Err(e)) if e.is_not_found() => {
            view! { <NotFound title=tr!(district_not_found_title) body=tr!(not_found_body) /> }.into_any()
        }
        Some(Err(error)) => {
            view! { <LoadError error on_retry=move || district.retry() page=true /> }.into_any()
        }
        Some(Ok(d)) => view! { <EmbedMaker district=d /> }.into_any(),
    }
}

/// What the widget shows, as `embed.js` reads it from the tag's data attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Show {
    Both,
    Proposals,
    Announcements,
}

/// The widget's language: the visitor's browser's, or one for everyone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WidgetLang {
    Visitor,
    Ko,
    En,
}

/// The choices on the page. Defaults are left out of the snippet: the shortest line
/// that does the job, and a widget that follows later defaults.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub show: Show,
    pub limit: u8,
    pub lang: WidgetLang,
    /// `#rrggbb`, as a colour input gives it.
    pub accent: String,
}

pub const DEFAULT_ACCENT: &str = "#1c6b45";

impl Options {
    /// `(name, value)` of each choice that is not the default.
    fn chosen(&self) -> Vec<(&'static str, String)> {
        let mut chosen = Vec::new();
        match self.show {
            Show::Both => {}
            Show::Proposals => chosen.push(("show", "proposals".to_owned())),
            Show::Announcements => chosen.push(("show", "announcements".to_owned())),
        }
        if self.limit != 5 {
            chosen.push(("limit", self.limit.to_string()));
        }
        match self.lang {
            WidgetLang::Visitor => {}
            WidgetLang::Ko => chosen.push(("lang", "ko".to_owned())),
            WidgetLang::En => chosen.push(("lang", "en".to_owned())),
        }
        let accent = self.accent.to_ascii_lowercase();
        let colour = accent.len() == 7
            && accent.starts_with('#')
            && accent[1..].bytes().all(|b| b.is_ascii_hexdigit());
        if colour && accent != DEFAULT_ACCENT {
            chosen.push(("accent", accent));
        }
        chosen
    }

    /// The line a district's website pastes. `portal`: the app's root URL, ending in `/`.
    pub fn script(&self, portal: &str, slug: &str, title: &str) -> String {
        let data: String =
            self.chosen().iter().map(|(name, value)| format!(" data-{name}=\"{value}\"")).collect();
        format!(
            "<script src=\"{}embed.js\" data-district=\"{}\"{data} data-title=\"{}\" async></script>",
            attr(portal),
            attr(slug),
            attr(title)
        )
    }

    /// The widget's own address, for the preview and the plain frame.
    pub fn widget_url(&self, portal: &str, slug: &str) -> String {
        let query: Vec<String> = self
            .chosen()
            .into_iter()
            .map(|(name, value)| format!("{name}={}", query_value(&value)))
            .collect();
        let query = if query.is_empty() { String::new() } else { format!("?{}", query.join("&")) };
        format!("{portal}embed/d/{slug}{query}")
    }

    /// A frame without the script: it cannot follow its content's height, so it gets one
    /// that fits the choices.
    pub fn iframe(&self, portal: &str, slug: &str, title: &str) -> String {
        let rows = u32::from(self.limit) * if self.show == Show::Both { 2 } else { 1 };
        let height = 160 + rows * 84;
        format!(
            "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{height}\" loading=\"lazy\" style=\"border:0;max-width:40rem\"></iframe>",
            attr(&self.widget_url(portal, slug)),
            attr(title)
        )
    }
}

/// Text as the value of a double-quoted HTML attribute.
fn attr(text: &str) -> String {
    text.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;")
}

fn query_value(value: &str) -> String {
    value.replace('#', "%23")
}

/// The app's root as an absolute URL (its `<base href>`), where `embed.js` lives.
fn portal_root() -> String {
    crate::config::document().and_then(|d| d.base_uri().ok().flatten()).unwrap_or_default()
}

#[component]
fn EmbedMaker(district: District) -> impl IntoView {
    let locale = lang::current();
    let slug = district.slug.clone();
    let name = lang::pick(locale, &district.name, &district.name_en).to_owned();
    let show = RwSignal::new(Show::Both);
    let limit = RwSignal::new(5u8);
    let widget_lang = RwSignal::new(WidgetLang::Visitor);
    let accent = RwSignal::new(DEFAULT_ACCENT.to_owned());
    let options = Memo::new(move |_| Options {
        show: show.get(),
        limit: limit.get(),
        lang: widget_lang.get(),
        accent: accent.get(),
    });
    let portal = portal_root();
    let title = format!("{name} · {}", tr!(app_name));
    let script = Signal::derive({
        let (portal, slug, title) = (portal.clone(), slug.clone(), title.clone());
        move || options.with(|o| o.script(&portal, &slug, &title))
    });
    let iframe = Signal::derive({
        let (portal, slug, title) = (portal.clone(), slug.clone(), title.clone());
        move || options.with(|o| o.iframe(&portal, &slug, &title))
    });
    let preview = Signal::derive({
        let slug = slug.clone();
        move || options.with(|o| o.widget_url(&portal, &slug))
    });
    view! {
        <section class="form-page embed-page">
            <a href=link(format!("/d/{slug}")) class="back-link">
                <span aria-hidden="true">"← "</span>
                {name.clone()}
            </a>
            <PageHeading text=tr!(embed_title) />
            <p class="lede">{tr!(embed_intro)}</p>
            <h2 class="section-title">{tr!(embed_options_heading)}</h2>
            <div class="form embed-options">
                <ChoiceField id="embed-show" label=tr!(embed_show) value=show options=&[Show::Both, Show::Proposals, Show::Announcements] key=show_key text=show_text />
                <ChoiceField id="embed-limit" label=tr!(embed_limit) value=limit options=&[3, 5, 10] key=limit_key text=limit_key />
                <ChoiceField id="embed-lang" label=tr!(embed_lang) value=widget_lang options=&[WidgetLang::Visitor, WidgetLang::Ko, WidgetLang::En] key=lang_key text=lang_text />
                <div class="field">
                    <label for="embed-accent">{tr!(embed_accent)}</label>
                    <input id="embed-accent" type="color" class="colour-input" prop:value=move || accent.get() on:input=move |ev| accent.set(event_target_value(&ev)) />
                </div>
            </div>
            <Preview src=preview title=title />
            <h2 class="section-title">{tr!(embed_code_heading)}</h2>
            <Snippet id="embed-script" label=tr!(embed_script_label) hint=tr!(embed_script_hint) copy=tr!(embed_copy_script) code=script />
            <Snippet id="embed-iframe" label=tr!(embed_iframe_label) hint=tr!(embed_iframe_hint) copy=tr!(embed_copy_iframe) code=iframe />
            <p class="muted">{tr!(embed_sites_note)}</p>
            <h2 class="section-title">{tr!(poster_section)}</h2>
            <a href=link(format!("/d/{slug}/poster")) class="button button-secondary">
                <span aria-hidden="true">"🖨️ "</span>
                {tr!(poster_action)}
            </a>
        </section>
    }
}

fn show_key(show: Show) -> &'static str {
    match show {
        Show::Both => "both",
        Show::Proposals => "proposals",
        Show::Announcements => "announcements",
    }
}

fn show_text(show: Show) -> &'static str {
    match show {
        Show::Both => tr!(embed_show_both),
        Show::Proposals => tr!(embed_show_proposals),
        Show::Announcements => tr!(embed_show_news),
    }
}

fn limit_key(limit: u8) -> &'static str {
    match limit {
        3 => "3",
        10 => "10",
        _ => "5",
    }
}

fn lang_key(lang: WidgetLang) -> &'static str {
    match lang {
        WidgetLang::Visitor => "visitor",
        WidgetLang::Ko => "ko",
        WidgetLang::En => "en",
    }
}

fn lang_text(lang: WidgetLang) -> &'static str {
    match lang {
        WidgetLang::Visitor => tr!(embed_lang_visitor),
        WidgetLang::Ko => "한국어",
        WidgetLang::En => "English",
    }
}

/// The widget as a website will show it, sized by the messages it sends, as `embed.js`
/// sizes it: only from this origin, this frame, this instance.
#[component]
fn Preview(src: Signal<String>, title: String) -> impl IntoView {
    const INSTANCE: &str = "preview";
    let frame = NodeRef::<html::Iframe>::new();
    let height = RwSignal::new(None::<u32>);
    let handle = window_event_listener(leptos::ev::message, move |ev| {
        let ours = frame.get_untracked().and_then(|f| f.content_window());
        let from_ours = match (ev.source(), ours) {
            (Some(source), Some(ours)) => {
                AsRef::<JsValue>::as_ref(&source) == AsRef::<JsValue>::as_ref(&ours)
            }
            _ => false,
        };
        let origin = web_sys::window().and_then(|w| w.location().origin().ok());
        if !from_ours || origin.as_deref() != Some(ev.origin().as_str()) {
            return;
        }
        let field = |name: &str| js_sys::Reflect::get(&ev.data(), &name.into()).ok();
        let said_height = field("golmok").and_then(|v| v.as_string()).as_deref() == Some("height");
        let instance = field("instance").and_then(|v| v.as_string());
        if said_height && instance.as_deref() == Some(INSTANCE) {
            let h = field("height").and_then(|v| v.as_f64()).filter(|h| *h > 0.0 && *h < 20_000.0);
            if let Some(h) = h {
                height.set(Some(h.ceil() as u32));
            }
        }
    });
    on_cleanup(move || handle.remove());
    let src = move || {
        let url = src.get();
        let join = if url.contains('?') { '&' } else { '?' };
        format!("{url}{join}instance={INSTANCE}")
    };
    view! {
        <h2 class="section-title">{tr!(embed_preview_heading)}</h2>
        <div class="embed-preview">
            <iframe node_ref=frame src=src title=title class="embed-frame" style:height=move || height.get().map(|h| format!("{h}px")) />
        </div>
    }
}

/// A snippet to copy: selectable text, and a button that copies it.
#[component]
fn Snippet(
    id: &'static str,
    label: &'static str,
    hint: &'static str,
    copy: &'static str,
    code: Signal<String>,
) -> impl IntoView {
    let announcer = use_announcer();
    let area = NodeRef::<html::Textarea>::new();
    let copy_code = move |_| {
        let text = code.get_untracked();
        leptos::task::spawn_local(async move {
            if copy_text(&text).await {
                announcer.say(tr!(embed_copied));
            } else if let Some(area) = area.get_untracked() {
                // No clipboard (an old browser, a refused permission): the code is
                // selected, for the keyboard's copy.
                area.select();
                let _ = area.focus();
                announcer.say(tr!(embed_copy_select));
            }
        });
    };
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field snippet">
            <label for=id>{label}</label>
            <p id=hint_id.clone() class="field-hint">{hint}</p>
            <textarea id=id node_ref=area class="snippet-code" readonly rows="4" spellcheck="false" aria-describedby=hint_id prop:value=move || code.get()></textarea>
            <button type="button" class="button button-secondary" on:click=copy_code>{copy}</button>
        </div>
    }
}
