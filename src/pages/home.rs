//! `/`: the districts.

use golmok_api::District;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::api::use_api;
use crate::components::load_error::LoadError;
use crate::components::page_heading::PageHeading;
use crate::components::skeleton::CardSkeletons;
use crate::i18n::*;
use crate::state::lang;

#[component]
pub fn HomePage() -> impl IntoView {
    let i18n = use_i18n();
    let api = use_api();
    let districts = LocalResource::new(move || {
        let api = api.clone();
        async move { api.districts().await }
    });
    view! {
        <section class="hero">
            <PageHeading text=Signal::derive(move || t_string!(i18n, home_title).to_string()) />
            <p class="lede">{t!(i18n, home_intro)}</p>
        </section>
        <section aria-labelledby="districts-heading">
            <h2 id="districts-heading" class="section-title">
                {t!(i18n, districts_heading)}
            </h2>
            {move || match districts.get() {
                None => view! { <CardSkeletons count=2 /> }.into_any(),
                Some(Err(error)) => {
                    view! { <LoadError error on_retry=move || districts.refetch() /> }.into_any()
                }
                Some(Ok(page)) if page.items.is_empty() => {
                    view! { <p class="empty">{t!(i18n, districts_empty)}</p> }.into_any()
                }
                Some(Ok(page)) => {
                    view! {
                        <ul class="cards" role="list">
                            {page
                                .items
                                .into_iter()
                                .map(|d| view! { <DistrictCard district=d /> })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

#[component]
fn DistrictCard(district: District) -> impl IntoView {
    let i18n = use_i18n();
    let href = format!("/d/{}", district.slug);
    let count = district.proposal_count;
    let district = StoredValue::new(district);
    let text = move |pick: fn(&District) -> (&str, &str)| {
        move || district.with_value(|d| lang::pick(i18n.get_locale(), pick(d).0, pick(d).1).to_owned())
    };
    let name = text(|d| (&d.name, &d.name_en));
    let region = text(|d| (&d.region, &d.region_en));
    let description = text(|d| (&d.description, &d.description_en));
    view! {
        <li class="card district-card">
            <p class="card-region">
                <span aria-hidden="true">"📍 "</span>
                {region}
            </p>
            <h3 class="card-title">
                <A href=href attr:class="card-link">
                    {name}
                </A>
            </h3>
            <p class="card-excerpt">{description}</p>
            <p class="card-counts">
                <span class="count">{t!(i18n, proposal_total, count = move || count)}</span>
            </p>
        </li>
    }
}
