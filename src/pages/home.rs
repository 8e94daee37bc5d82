//! `/`: the districts.

use golmok_api::District;
use leptos::prelude::*;

use crate::api::use_api;
use crate::components::load_error::LoadError;
use crate::components::page_heading::PageHeading;
use crate::components::skeleton::CardSkeletons;
use crate::config::link;
use crate::state::lang;
use crate::state::load::Load;

#[component]
pub fn HomePage() -> impl IntoView {
    let api = use_api();
    let districts = Load::new(move || {
        let api = api.clone();
        async move { api.districts().await }
    });
    view! {
        <section class="hero">
            <PageHeading text=tr!(home_title) />
            <p class="lede">{tr!(home_intro)}</p>
        </section>
        <section aria-labelledby="districts-heading">
            <h2 id="districts-heading" class="section-title">
                {tr!(districts_heading)}
            </h2>
            {move || match districts.get() {
                None => view! { <CardSkeletons count=2 /> }.into_any(),
                Some(Err(error)) => view! { <LoadError error on_retry=move || districts.retry() /> }.into_any(),
                Some(Ok(page)) if page.items.is_empty() => {
                    view! { <p class="empty">{tr!(districts_empty)}</p> }.into_any()
                }
                Some(Ok(page)) => {
                    view! {
                        <ul class="cards" role="list">
                            {page.items.into_iter().map(|d| view! { <DistrictCard district=d /> }).collect_view()}
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
    let locale = lang::current();
    let href = format!("/d/{}", district.slug);
    view! {
        <li class="card district-card">
            <p class="card-region">
                <span aria-hidden="true">"📍 "</span>
                {lang::pick(locale, &district.region, &district.region_en).to_owned()}
            </p>
            <h3 class="card-title">
                <a href=link(href) class="card-link">
                    {lang::pick(locale, &district.name, &district.name_en).to_owned()}
                </a>
            </h3>
            <p class="card-excerpt">{lang::pick(locale, &district.description, &district.description_en).to_owned()}</p>
            <p class="card-counts">
                <span class="count">{tr!(proposal_total, count = district.proposal_count)}</span>
            </p>
        </li>
    }
}
