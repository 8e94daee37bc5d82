//! The merchant's home, for a verified owner on a phone, in the order of a working day:
//! closed today or not; the proposals waiting for the shop's answer; the shop's news, out
//! now and to come; its answers; its profile and hours. Large targets, plain words,
//! nothing behind hover.

mod answers;
mod closed_today;
mod hours;
mod profile;

use golmok_api::{Announcement, Shop};
use leptos::prelude::*;

use super::news::{KeptNews, PostNews, Poster};
use crate::api::{NewsWhen, use_api};
use crate::components::load_error::LoadError;
use crate::components::shop_card::shop_name;
use crate::config::link;
use crate::state::lang;
use crate::state::load::Load;
use crate::state::paged::Paged;

/// The home of the owner of `shop_id`.
#[component]
pub fn MerchantHome(shop_id: i64) -> impl IntoView {
    let api = use_api();
    let shop = Load::new(move || {
        let api = api.clone();
        async move { api.shop(shop_id).await }
    });
    move || match shop.get() {
        None => view! { <p class="muted">{tr!(loading)}</p> }.into_any(),
        Some(Err(error)) => view! { <LoadError error on_retry=move || shop.retry() /> }.into_any(),
        Some(Ok(shop)) => view! { <Home shop /> }.into_any(),
    }
}

#[component]
fn Home(shop: Shop) -> impl IntoView {
    // The profile form changes the name in the heading.
    let current = RwSignal::new(shop.clone());
    let name = move || current.with(|s| shop_name(lang::current(), &s.name, &s.name_en).to_owned());
    let href = format!("/d/{}/shops/{}", shop.district_slug, shop.id);
    let heading_id = format!("merchant-{}", shop.id);
    let labelled_by = heading_id.clone();
    let answered = RwSignal::new(0u32);
    view! {
        <section class="merchant-home" aria-labelledby=labelled_by>
            <h2 id=heading_id class="section-title">{move || tr!(merchant_heading, shop = name())}</h2>
            <p class="muted">{tr!(merchant_intro)}</p>
            <closed_today::ClosedToday shop=shop.clone() />
            <answers::Waiting shop=shop.clone() answered />
            <ShopNews shop_id=shop.id />
            <answers::MyAnswers shop_id=shop.id answered />
            <profile::Profile shop=current />
            <a href=link(href) class="more-link">{tr!(merchant_shop_link)}<span aria-hidden="true">" →"</span></a>
        </section>
    }
}

/// Posting today's news in one tap, and the shop's news: out now, and still to come.
#[component]
fn ShopNews(shop_id: i64) -> impl IntoView {
    let api = use_api();
    let list = move |when: NewsWhen| {
        let api = api.clone();
        Paged::new(
            move |cursor| {
                let api = api.clone();
                async move { api.shop_announcements(shop_id, when, cursor.as_deref()).await }
            },
            |a: &Announcement| a.id,
        )
    };
    let (now, coming) = (list(NewsWhen::Current), list(NewsWhen::Upcoming));
    let posted = Callback::new(move |_: Announcement| {
        now.retry();
        coming.retry();
    });
    let poster = Poster::Shop(shop_id);
    view! {
        <h3 class="subheading">{tr!(post_heading)}</h3>
        <PostNews poster=poster.clone() cta=tr!(post_cta) on_posted=posted />
        <section aria-labelledby=format!("news-now-{shop_id}")>
            <h3 id=format!("news-now-{shop_id}") class="subheading">{tr!(my_news_heading)}</h3>
            <KeptNews list=now poster=poster.clone() can_pin=false empty=tr!(shop_news_empty) />
        </section>
        <section aria-labelledby=format!("news-coming-{shop_id}")>
            <h3 id=format!("news-coming-{shop_id}") class="subheading">{tr!(upcoming_news_heading)}</h3>
            <KeptNews list=coming poster can_pin=false empty=tr!(upcoming_news_empty) />
        </section>
    }
}
