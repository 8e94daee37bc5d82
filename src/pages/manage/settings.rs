//! The district console's settings tab: the district's names and introductions in both
//! languages, its KakaoTalk channel, and what forces an answer (supports, shops
//! pledging, the days an open proposal has), the sites that may show its widget, then
//! its moderators (`moderators.rs`).

use golmok_api::validate::{self, field, limits};
use golmok_api::{DistrictSettings, DistrictSettingsUpdate, ranges};
use leptos::prelude::*;

use crate::api::use_api;
use crate::components::field::{Field, Input};
use crate::components::form::{FormFailure, Problems, Submit, SubmitButton};
use crate::components::load_error::LoadError;
use crate::state::announce::use_announcer;
use crate::state::load::Load;

/// `saved`: after a save, for the console to show the district's new name.
#[component]
pub fn SettingsPanel(slug: String, saved: Callback<()>) -> impl IntoView {
    let api = use_api();
    let settings = Load::new({
        let slug = slug.clone();
        move || {
            let (api, slug) = (api.clone(), slug.clone());
            async move { api.district_settings(&slug).await }
        }
    });
    let slug = StoredValue::new(slug);
    move || match settings.get() {
        None => view! { <p class="muted">{tr!(loading)}</p> }.into_any(),
        Some(Err(error)) => view! { <LoadError error on_retry=move || settings.retry() /> }.into_any(),
        Some(Ok(now)) => view! {
            <SettingsForm slug=slug.get_value() now saved />
            <super::moderators::ModeratorsPanel slug=slug.get_value() />
        }
        .into_any(),
    }
}

/// What the form holds: every field as typed.
#[derive(Clone, Copy)]
struct Typed {
    name: RwSignal<String>,
    name_en: RwSignal<String>,
    description: RwSignal<String>,
    description_en: RwSignal<String>,
    kakao: RwSignal<String>,
    supports: RwSignal<String>,
    pledges: RwSignal<String>,
    days: RwSignal<String>,
    /// The sites that may show the widget, one a line.
    sites: RwSignal<String>,
}

impl Typed {
    fn from(now: DistrictSettings) -> Self {
        let typed = Typed {
            name: RwSignal::default(),
            name_en: RwSignal::default(),
            description: RwSignal::default(),
            description_en: RwSignal::default(),
            kakao: RwSignal::default(),
            supports: RwSignal::default(),
            pledges: RwSignal::default(),
            days: RwSignal::default(),
            sites: RwSignal::default(),
        };
        typed.show(now);
        typed
    }

    fn show(&self, now: DistrictSettings) {
        self.name.set(now.name);
        self.name_en.set(now.name_en);
        self.description.set(now.description);
        self.description_en.set(now.description_en);
        self.kakao.set(now.kakao_channel_url.unwrap_or_default());
        self.supports.set(now.support_threshold.to_string());
        self.pledges.set(now.pledge_threshold.to_string());
        self.days.set(now.expiry_days.to_string());
        self.sites.set(now.embed_origins.join("\n"));
    }

    /// The whole update. A number that does not read as one is out of every range, so
    /// the shared rules call it invalid, as they would a number out of range.
    fn update(&self) -> DistrictSettingsUpdate {
        let number = |text: RwSignal<String>| Some(text.get().trim().parse().unwrap_or(i64::MIN));
        DistrictSettingsUpdate {
            name: Some(self.name.get()),
            name_en: Some(self.name_en.get()),
            description: Some(self.description.get()),
            description_en: Some(self.description_en.get()),
            kakao_channel_url: Some(self.kakao.get()),
            support_threshold: number(self.supports),
            pledge_threshold: number(self.pledges),
            expiry_days: number(self.days),
            embed_origins: Some(self.sites.get().lines().map(str::to_owned).collect()),
        }
    }
}

/// Sends only what was changed since the settings were shown (another moderator may have
/// saved other fields meanwhile), then shows what the server keeps, theirs included.
#[component]
fn SettingsForm(slug: String, now: DistrictSettings, saved: Callback<()>) -> impl IntoView {
    let api = use_api();
    let announcer = use_announcer();
    let shown = StoredValue::new(now.clone());
    let typed = Typed::from(now);
    let form = Submit::new(Problems::new(move || {
        validate::district_settings(&typed.update()).err().unwrap_or_default()
    }));
    let slug = StoredValue::new(slug);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let api = api.clone();
        form.send(
            validate::district_settings(&typed.update()).map(|all| all.changes_from(&shown.get_value())),
            move |changes| async move { api.update_district_settings(&slug.get_value(), &changes).await },
            move |answer| {
                let now = answer?;
                shown.set_value(now.clone());
                typed.show(now);
                form.problems.reset();
                announcer.say(tr!(settings_saved));
                saved.run(());
                Ok(())
            },
        );
    };
    let range = |(min, max): (i64, i64)| tr!(settings_range, min = min, max = max);
    let problems = form.problems;
    view! {
        <form class="form settings-form" on:submit=submit novalidate>
            <Field id=format!("settings-name-{}", slug.get_value()) name=field::NAME label=tr!(settings_name) value=typed.name problems max=limits::DISTRICT_NAME.1 required=true />
            <Field id=format!("settings-name-en-{}", slug.get_value()) name=field::NAME_EN label=tr!(settings_name_en) value=typed.name_en problems max=limits::DISTRICT_NAME.1 required=true />
            <Field id=format!("settings-description-{}", slug.get_value()) name=field::DESCRIPTION label=tr!(settings_description) value=typed.description problems input=Input::Area max=limits::DISTRICT_DESCRIPTION.1 />
            <Field id=format!("settings-description-en-{}", slug.get_value()) name=field::DESCRIPTION_EN label=tr!(settings_description_en) value=typed.description_en problems input=Input::Area max=limits::DISTRICT_DESCRIPTION.1 />
            <Field id=format!("settings-kakao-{}", slug.get_value()) name=field::KAKAO_CHANNEL_URL label=tr!(field_kakao) value=typed.kakao problems input=Input::Url placeholder="https://pf.kakao.com/_xxxx" />
            <h3 class="subheading">{tr!(settings_goals_heading)}</h3>
            <p class="muted">{tr!(settings_goals_intro)}</p>
            <Field id=format!("settings-supports-{}", slug.get_value()) name=field::SUPPORT_THRESHOLD label=tr!(settings_supports) value=typed.supports problems input=Input::Number hint=range(ranges::SUPPORT_THRESHOLD) required=true />
            <Field id=format!("settings-pledges-{}", slug.get_value()) name=field::PLEDGE_THRESHOLD label=tr!(settings_pledges) value=typed.pledges problems input=Input::Number hint=range(ranges::PLEDGE_THRESHOLD) required=true />
            <Field id=format!("settings-days-{}", slug.get_value()) name=field::EXPIRY_DAYS label=tr!(settings_days) value=typed.days problems input=Input::Number hint=range(ranges::EXPIRY_DAYS) required=true />
            <h3 class="subheading">{tr!(settings_embed_heading)}</h3>
            <Field id=format!("settings-embed-{}", slug.get_value()) name=field::EMBED_ORIGINS label=tr!(settings_embed_origins) value=typed.sites problems input=Input::Area hint=tr!(settings_embed_hint, max = ranges::EMBED_ORIGINS) placeholder="https://district.example" />
            <FormFailure failure=form.failure />
            <SubmitButton sending=form.sending label=tr!(settings_save) busy=tr!(sending) />
        </form>
    }
}
