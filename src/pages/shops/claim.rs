//! `/d/{slug}/claim` (`?shop={id}` for a listed shop): "this shop is mine". The
//! district's association confirms the owner before they can post or answer.

use golmok_api::validate::{self, field, limits};
use golmok_api::{NewShopClaim, ShopCategory};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

use crate::api::use_api;
use crate::components::field::{ChoiceField, Field, Input};
use crate::components::form::{FormFailure, Problems, Submit, SubmitButton};
use crate::components::page_heading::PageHeading;
use crate::components::shop_card::category_label;
use crate::config::link;
use crate::pages::login::login_href;
use crate::state::announce::use_announcer;
use crate::state::session::use_session;

#[component]
pub fn ClaimPage() -> impl IntoView {
    let session = use_session();
    let params = use_params_map();
    let slug = params.with_untracked(|p| p.get("slug").unwrap_or_default());
    let shop = use_query_map().with_untracked(|q| q.get("shop").and_then(|id| id.parse::<i64>().ok()));
    let here = match shop {
        Some(id) => format!("/d/{slug}/claim?shop={id}"),
        None => format!("/d/{slug}/claim"),
    };
    view! {
        <section class="form-page">
            <PageHeading text=tr!(claim_title) />
            <p class="lede">{tr!(claim_intro)}</p>
            {move || {
                if session.is_logged_in() {
                    view! { <ClaimForm slug=slug.clone() shop /> }.into_any()
                } else {
                    view! {
                        <div class="notice notice-info">
                            <p>{tr!(claim_login)}</p>
                            <a href=link(login_href(&here)) class="button button-primary">{tr!(login)}</a>
                        </div>
                    }
                    .into_any()
                }
            }}
        </section>
    }
}

#[component]
fn ClaimForm(slug: String, shop: Option<i64>) -> impl IntoView {
    let api = use_api();
    let announcer = use_announcer();
    let navigate = use_navigate();
    let name = RwSignal::new(String::new());
    let category = RwSignal::new(ShopCategory::Other);
    let business_number = RwSignal::new(String::new());
    let note = RwSignal::new(String::new());
    // A listed shop: its name and category as the directory has them.
    if let Some(id) = shop {
        let api = api.clone();
        leptos::task::spawn_local(async move {
            if let Ok(listed) = api.shop(id).await {
                // The registered (Korean) name, whatever the language: the moderators
                // check it against their register.
                name.try_set(listed.name);
                category.try_set(listed.category);
            }
        });
    }
    let claim = move || NewShopClaim {
        shop_id: shop,
        name: name.get(),
        category: category.get(),
        business_number: business_number.get(),
        note: note.get(),
    };
    let form =
        Submit::new(Problems::new(move || validate::new_shop_claim(&claim()).err().unwrap_or_default()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (api, navigate, slug) = (api.clone(), navigate.clone(), slug.clone());
        form.send(
            validate::new_shop_claim(&untrack(claim)),
            move |claim| async move { api.claim_shop(&slug, &claim).await },
            move |answer| match answer {
                Ok(_) => {
                    announcer.say(tr!(claim_sent));
                    navigate("/manage", Default::default());
                    Ok(())
                }
                Err(e) if e.status() == Some(409) => {
                    form.failure.set(Some(tr!(claim_conflict)));
                    Ok(())
                }
                Err(e) => Err(e),
            },
        );
    };
    view! {
        <form class="form" on:submit=submit novalidate>
            <Field id=field::NAME label=tr!(field_shop_name) value=name problems=form.problems max=limits::SHOP_NAME.1 required=true />
            <ChoiceField id="category" label=tr!(field_category) value=category options=&ShopCategory::ALL key=ShopCategory::as_str text=category_label />
            <Field
                id=field::BUSINESS_NUMBER
                label=tr!(field_business_number)
                value=business_number
                problems=form.problems
                hint=tr!(business_number_hint)
                autocomplete="off"
                required=true
            />
            <Field id=field::NOTE label=tr!(field_note) value=note problems=form.problems input=Input::Area max=limits::NOTE.1 />
            <FormFailure failure=form.failure />
            <SubmitButton sending=form.sending label=tr!(claim_submit) busy=tr!(sending) />
        </form>
    }
}
