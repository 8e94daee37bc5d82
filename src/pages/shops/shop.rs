//! `/d/{slug}/shops/{id}`: one shop — open now or not, becoming a regular, how to reach
//! it, its hours, and its news, current and past.

use std::rc::Rc;

use golmok_api::hours::{DayHours, Moment};
use golmok_api::{Announcement, AnsweredProposal, Shop};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::{NewsWhen, use_api};
use crate::components::announcement_card::AnnouncementCard;
use crate::components::kakao_link::kakao_link;
use crate::components::load_error::{LoadError, NotFound};
use crate::components::page_heading::PageHeading;
use crate::components::share::ShareButton;
use crate::components::shop_answers::ShopAnswer;
use crate::components::shop_card::{OnnuriMark, OpenBadge, category_label, shop_name};
use crate::components::skeleton::DetailSkeleton;
use crate::components::vote_toggle::{FollowToggle, SendFollow};
use crate::config::link;
use crate::pages::login::login_href;
use crate::state::clock;
use crate::state::lang;
use crate::state::load::Load;
use crate::state::paged::{Paged, Placeholder};
use crate::state::session::use_session;

#[component]
pub fn ShopPage() -> impl IntoView {
    let api = use_api();
    let session = use_session();
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").and_then(|id| id.parse::<i64>().ok())));
    let slug = Memo::new(move |_| params.with(|p| p.get("slug").unwrap_or_default()));
    let shop = Load::new(move || {
        let (api, id) = (api.clone(), id.get());
        // `following` belongs to whoever is logged in.
        let _ = session.is_logged_in();
        async move {
            match id {
                Some(id) => api.shop(id).await.map(Some),
                None => Ok(None),
            }
        }
    });
    let missing =
        || view! { <NotFound title=tr!(shop_not_found_title) body=tr!(not_found_body) /> }.into_any();
    move || match shop.get() {
        None => view! { <DetailSkeleton /> }.into_any(),
        Some(Ok(None)) => missing(),
        Some(Err(e)) if e.is_not_found() => missing(),
        Some(Err(error)) => view! { <LoadError error on_retry=move || shop.retry() page=true /> }.into_any(),
        // A shop is found under its own district only.
        Some(Ok(Some(s))) if s.district_slug != slug.get() => missing(),
        Some(Ok(Some(s))) => view! { <ShopDetail shop=s /> }.into_any(),
    }
}

#[component]
fn ShopDetail(shop: Shop) -> impl IntoView {
    let locale = lang::current();
    let now = clock::seoul_minute();
    let text = |ko: &str, en: &str| lang::pick(locale, ko, en).to_owned();
    let back = format!("/d/{}/shops", shop.district_slug);
    let description = text(&shop.description, &shop.description_en);
    view! {
        <article class="shop">
            <a href=link(back) class="back-link">
                <span aria-hidden="true">"← "</span>
                {tr!(shops_title)}
            </a>
            <div class="card-badges">
                <span class="badge badge-category">{category_label(shop.category)}</span>
                <OpenBadge shop=shop.clone() now />
                {shop.accepts_onnuri.then(|| view! { <OnnuriMark /> })}
                {shop.accepts_local_card.then(|| view! { <span class="badge badge-onnuri">{tr!(shop_local_card)}</span> })}
            </div>
            <PageHeading text=shop_name(locale, &shop.name, &shop.name_en) />
            {shop.verified.then(|| view! {
                <p class="verified"><span aria-hidden="true">"✔ "</span>{tr!(shop_verified)}</p>
            })}
            {(!description.is_empty()).then(|| view! { <p class="lede">{description}</p> })}
            <Follow shop=shop.clone() />
            <ShareButton path=format!("/d/{}/shops/{}", shop.district_slug, shop.id) id="shop-share" />
            {(!shop.verified).then(|| {
                let href = format!("/d/{}/claim?shop={}", shop.district_slug, shop.id);
                view! { <a href=link(href) class="more-link claim-link">{tr!(claim_link)}</a> }
            })}
            <ShopFacts shop=shop.clone() />
            <Hours shop=shop.clone() now />
        </article>
        <ShopNews shop_id=shop.id />
        <ShopAnswers shop_id=shop.id />
    }
}

/// What the shop answered residents' proposals, newest first.
#[component]
fn ShopAnswers(shop_id: i64) -> impl IntoView {
    let api = use_api();
    let list = Paged::new(
        move |cursor| {
            let api = api.clone();
            async move { api.shop_answers(shop_id, cursor.as_deref()).await }
        },
        |a: &AnsweredProposal| a.answer.id,
    );
    view! {
        <section class="answers" aria-labelledby="shop-answers-heading">
            <h2 id="shop-answers-heading" class="section-title">{tr!(shop_answers_heading)}</h2>
            {list.view(Placeholder::Line, "answer-list", tr!(shop_answers_empty), |a| {
                view! { <ShopAnswer answer=a.answer about=a.proposal without_shop=true /> }
            })}
        </section>
    }
}

/// The regular's button, or for a visitor the way to log in first.
#[component]
fn Follow(shop: Shop) -> impl IntoView {
    let api = use_api();
    let session = use_session();
    let id = shop.id;
    let here = format!("/d/{}/shops/{id}", shop.district_slug);
    let following = RwSignal::new(shop.following);
    let count = RwSignal::new(shop.follower_count);
    let send: SendFollow = Rc::new(move |follow| {
        let api = api.clone();
        Box::pin(async move { api.follow(id, follow).await })
    });
    // Views re-render from `Send` closures; the sender is not `Send`, so it stays here.
    let send = StoredValue::new_local(send);
    move || {
        if session.is_logged_in() {
            view! { <FollowToggle following count send=send.get_value() /> }.into_any()
        } else {
            view! {
                <p class="follow-visitor">
                    <span class="count">{tr!(follower_count, count = count.get())}</span>
                    <a href=link(login_href(&here)) class="button button-secondary">{tr!(login_to_follow)}</a>
                </p>
            }
            .into_any()
        }
    }
}

/// Where it is and how to reach it. A KakaoTalk channel looks like KakaoTalk.
#[component]
fn ShopFacts(shop: Shop) -> impl IntoView {
    let Shop { place, phone, kakao_channel_url, .. } = shop;
    view! {
        <dl class="facts">
            {(!place.is_empty()).then(|| view! { <div><dt>{tr!(shop_place)}</dt><dd>{place}</dd></div> })}
            {phone.map(|phone| {
                let tel = format!("tel:{}", phone.replace([' ', '-'], ""));
                view! { <div><dt>{tr!(shop_phone)}</dt><dd><a href=tel>{phone}</a></dd></div> }
            })}
        </dl>
        {kakao_channel_url.map(|url| kakao_link(url, tr!(shop_kakao_link)))}
    }
}

/// The week's hours, Monday first, today marked.
#[component]
fn Hours(shop: Shop, now: Signal<Moment>) -> impl IntoView {
    let names =
        [tr!(day_mon), tr!(day_tue), tr!(day_wed), tr!(day_thu), tr!(day_fri), tr!(day_sat), tr!(day_sun)];
    let hours = shop.hours;
    if hours.is_empty() {
        return view! {
            <section class="hours" aria-labelledby="hours-heading">
                <h2 id="hours-heading" class="section-title">{tr!(shop_hours_heading)}</h2>
                <p class="muted">{tr!(hours_unknown)}</p>
            </section>
        }
        .into_any();
    }
    let rows = (0u8..7)
        .map(|day| {
            let today = move || now.get().weekday() == day;
            view! {
                <div class="hours-row" class:today=today>
                    <dt>{names[usize::from(day)]}</dt>
                    <dd>{day_text(hours.day(day))}</dd>
                </div>
            }
        })
        .collect_view();
    view! {
        <section class="hours" aria-labelledby="hours-heading">
            <h2 id="hours-heading" class="section-title">{tr!(shop_hours_heading)}</h2>
            <dl class="hours-list">{rows}</dl>
        </section>
    }
    .into_any()
}

fn day_text(day: Option<&DayHours>) -> String {
    let Some(day) = day else { return tr!(day_closed).to_owned() };
    let open = format!("{}–{}", day.open.starts, day.open.ends);
    match &day.break_time {
        Some(b) => format!("{open} · {}", tr!(break_time, span = format!("{}–{}", b.starts, b.ends))),
        None => open,
    }
}

/// The shop's news showing now; what is over, on demand.
#[component]
fn ShopNews(shop_id: i64) -> impl IntoView {
    let show_past = RwSignal::new(false);
    view! {
        <section class="shop-news" aria-labelledby="news-heading">
            <h2 id="news-heading" class="section-title">{tr!(shop_news_heading)}</h2>
            <NewsList shop_id past=false />
            <button
                type="button"
                class="more-toggle"
                aria-expanded=move || if show_past.get() { "true" } else { "false" }
                on:click=move |_| show_past.update(|s| *s = !*s)
            >
                {tr!(shop_news_past)}
            </button>
            {move || show_past.get().then(|| view! { <NewsList shop_id past=true /> })}
        </section>
    }
}

#[component]
fn NewsList(shop_id: i64, past: bool) -> impl IntoView {
    let api = use_api();
    let list = Paged::new(
        move |cursor| {
            let api = api.clone();
            let when = if past { NewsWhen::Past } else { NewsWhen::Current };
            async move { api.shop_announcements(shop_id, when, cursor.as_deref()).await }
        },
        |a: &Announcement| a.id,
    );
    let empty = if past { tr!(shop_news_past_empty) } else { tr!(shop_news_empty) };
    list.view(Placeholder::Line, "announcements", empty, move |a| {
        view! { <AnnouncementCard announcement=a past reportable=true /> }
    })
}
