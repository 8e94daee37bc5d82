//! The shop's profile as its owner keeps it: names and introductions in Korean and
//! English, category, place, phone, KakaoTalk channel, gift certificates, and the week's
//! hours. Closed until asked for: most days the owner only glances past it.

use golmok_api::validate::{self, field, limits};
use golmok_api::{Shop, ShopCategory, ShopUpdate};
use leptos::prelude::*;

use super::hours::HoursEditor;
use crate::api::use_api;
use crate::components::field::{ChoiceField, Field, Input};
use crate::components::form::{FormFailure, Problems, Submit, SubmitButton};
use crate::components::shop_card::category_label;
use crate::state::announce::use_announcer;

#[component]
pub fn Profile(shop: RwSignal<Shop>) -> impl IntoView {
    let open = RwSignal::new(false);
    let form_id = format!("profile-{}", shop.with_untracked(|s| s.id));
    view! {
        <h3 class="subheading">{tr!(profile_heading)}</h3>
        <button
            type="button"
            class="button button-secondary button-wide"
            aria-expanded=move || if open.get() { "true" } else { "false" }
            aria-controls=form_id.clone()
            on:click=move |_| open.update(|o| *o = !*o)
        >
            <span aria-hidden="true">"✏️ "</span>
            {tr!(profile_cta)}
        </button>
        <div id=form_id>
            <Show when=move || open.get()>
                <ProfileForm shop on_saved=Callback::new(move |()| open.set(false)) />
            </Show>
        </div>
    }
}

/// Every field of the profile, sent whole: what the owner sees is what the shop says.
#[component]
fn ProfileForm(shop: RwSignal<Shop>, on_saved: Callback<()>) -> impl IntoView {
    let api = use_api();
    let announcer = use_announcer();
    let s = shop.get_untracked();
    let id = s.id;
    let text = |v: &str| RwSignal::new(v.to_owned());
    let (name, name_en, place) = (text(&s.name), text(&s.name_en), text(&s.place));
    let (description, description_en) = (text(&s.description), text(&s.description_en));
    let phone = text(s.phone.as_deref().unwrap_or_default());
    let kakao = text(s.kakao_channel_url.as_deref().unwrap_or_default());
    let category = RwSignal::new(s.category);
    let onnuri = RwSignal::new(s.accepts_onnuri);
    let local_card = RwSignal::new(s.accepts_local_card);
    let hours = RwSignal::new(s.hours);
    let update = move || ShopUpdate {
        name: Some(name.get()),
        name_en: Some(name_en.get()),
        category: Some(category.get()),
        description: Some(description.get()),
        description_en: Some(description_en.get()),
        place: Some(place.get()),
        phone: Some(phone.get()),
        kakao_channel_url: Some(kakao.get()),
        accepts_onnuri: Some(onnuri.get()),
        accepts_local_card: Some(local_card.get()),
        hours: Some(hours.get()),
        closed_today: None,
    };
    let form = Submit::new(Problems::new(move || validate::shop_update(&update()).err().unwrap_or_default()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let api = api.clone();
        form.send(
            validate::shop_update(&untrack(update)),
            move |u| async move { api.update_shop(id, &u).await },
            move |saved| {
                shop.set(saved?);
                announcer.say(tr!(profile_saved));
                on_saved.run(());
                Ok(())
            },
        );
    };
    let problems = form.problems;
    let check = |label: &'static str, value: RwSignal<bool>| {
        view! {
            <label class="check">
                <input type="checkbox" prop:checked=move || value.get() on:change=move |ev| value.set(event_target_checked(&ev)) />
                {label}
            </label>
        }
    };
    view! {
        <form class="form profile-form" on:submit=submit novalidate>
            <Field id=format!("shop-{id}-name") name=field::NAME label=tr!(field_shop_name) value=name problems max=limits::SHOP_NAME.1 required=true />
            <Field id=format!("shop-{id}-name-en") name=field::NAME_EN label=tr!(field_shop_name_en) value=name_en problems max=limits::SHOP_NAME.1 />
            <ChoiceField id=format!("shop-{id}-category") label=tr!(field_category) value=category options=&ShopCategory::ALL key=ShopCategory::as_str text=category_label />
            <Field id=format!("shop-{id}-description") name=field::DESCRIPTION label=tr!(field_description) value=description problems input=Input::Area max=limits::SHOP_DESCRIPTION.1 />
            <Field id=format!("shop-{id}-description-en") name=field::DESCRIPTION_EN label=tr!(field_description_en) value=description_en problems input=Input::Area max=limits::SHOP_DESCRIPTION.1 />
            <Field id=format!("shop-{id}-place") name=field::PLACE label=tr!(shop_place) value=place problems hint=tr!(place_hint) max=limits::SHOP_PLACE.1 />
            <Field id=format!("shop-{id}-phone") name=field::PHONE label=tr!(shop_phone) value=phone problems input=Input::Tel hint=tr!(phone_hint) autocomplete="tel" />
            <Field id=format!("shop-{id}-kakao") name=field::KAKAO_CHANNEL_URL label=tr!(field_kakao) value=kakao problems input=Input::Url hint=tr!(kakao_hint) />
            <fieldset class="checks">
                <legend>{tr!(field_gift_cards)}</legend>
                {check(tr!(accepts_onnuri), onnuri)}
                {check(tr!(accepts_local_card), local_card)}
            </fieldset>
            <HoursEditor shop_id=id week=hours problems />
            <FormFailure failure=form.failure />
            <SubmitButton sending=form.sending label=tr!(save) busy=tr!(sending) />
        </form>
    }
}
