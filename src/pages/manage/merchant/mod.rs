//! The merchant's home, for a verified owner on a phone: the district's proposals the
//! shop has not answered (most supported first), each one tap from an answer; posting
//! today's news; the shop's news showing now. Large targets, plain words, no hover.

use golmok_api::validate::{self, field, limits};
use golmok_api::{
    Announcement, AnnouncementKind, NewAnnouncement, NewAnswer, Proposal, ProposalSort, Shop, Stance,
    instants,
};
use leptos::prelude::*;

use crate::api::{ProposalQuery, use_api};
use crate::components::announcement_card::{AnnouncementCard, announcement_kind_label};
use crate::components::field::{Field, Input};
use crate::components::form::{FormFailure, Problems, Submit, SubmitButton};
use crate::components::load_error::LoadError;
use crate::components::shop_answers::stance_label;
use crate::components::shop_card::shop_name;
use crate::config::link;
use crate::state::announce::use_announcer;
use crate::state::lang;
use crate::state::load::Load;
use crate::state::paged::{First, Paged};

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
    let name = shop_name(lang::current(), &shop.name, &shop.name_en);
    let href = format!("/d/{}/shops/{}", shop.district_slug, shop.id);
    let heading_id = format!("merchant-{}", shop.id);
    let labelled_by = heading_id.clone();
    let news = RwSignal::new(0u32);
    view! {
        <section class="merchant-home" aria-labelledby=labelled_by>
            <h2 id=heading_id class="section-title">{tr!(merchant_heading, shop = name)}</h2>
            <p class="muted">{tr!(merchant_intro)}</p>
            <ClosedToday shop=shop.clone() />
            <Waiting shop=shop.clone() />
            <PostNews shop_id=shop.id posted=news />
            <MyNews shop_id=shop.id posted=news />
            <a href=link(href) class="more-link">{tr!(merchant_shop_link)}<span aria-hidden="true">" →"</span></a>
        </section>
    }
}

/// "Closed today" (오늘 쉬어요) for an unplanned day off, in one tap, and back.
#[component]
fn ClosedToday(shop: Shop) -> impl IntoView {
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

/// The district's proposals this shop has not answered, most supported first.
#[component]
fn Waiting(shop: Shop) -> impl IntoView {
    let api = use_api();
    let (shop_id, slug) = (shop.id, shop.district_slug.clone());
    let waiting = Load::new(move || {
        let (api, slug) = (api.clone(), slug.clone());
        async move {
            let answered = api.shop_answers(shop_id, None).await?;
            let answered: Vec<i64> = answered.items.iter().map(|a| a.proposal.id).collect();
            let query = ProposalQuery { sort: ProposalSort::Top, ..Default::default() };
            let page = api.proposals(&slug, &query).await?;
            Ok(page.items.into_iter().filter(|p| !answered.contains(&p.id)).collect::<Vec<_>>())
        }
    });
    let done = RwSignal::new(Vec::<i64>::new());
    view! {
        <h3 class="subheading">{tr!(waiting_heading)}</h3>
        {move || match waiting.get() {
            None => view! { <p class="muted">{tr!(loading)}</p> }.into_any(),
            Some(Err(error)) => view! { <LoadError error on_retry=move || waiting.retry() /> }.into_any(),
            Some(Ok(list)) => {
                let list: Vec<Proposal> = list.into_iter().filter(|p| !done.with(|d| d.contains(&p.id))).collect();
                if list.is_empty() {
                    return view! { <p class="empty">{tr!(waiting_empty)}</p> }.into_any();
                }
                view! {
                    <ul class="cards" role="list">
                        {list.into_iter().map(|proposal| view! { <WaitingProposal proposal shop_id done /> }).collect_view()}
                    </ul>
                }
                .into_any()
            }
        }}
    }
}

#[component]
fn WaitingProposal(proposal: Proposal, shop_id: i64, done: RwSignal<Vec<i64>>) -> impl IntoView {
    let open = RwSignal::new(false);
    let href = format!("/d/{}/proposals/{}", proposal.district_slug, proposal.id);
    let id = proposal.id;
    view! {
        <li class="card waiting-card">
            <h4 class="card-title"><a href=link(href)>{proposal.title}</a></h4>
            <p class="card-counts">{tr!(support_count, count = proposal.vote_count)}</p>
            {move || {
                if open.get() {
                    view! { <AnswerForm proposal_id=id shop_id done /> }.into_any()
                } else {
                    view! {
                        <button type="button" class="button button-primary button-wide" on:click=move |_| open.set(true)>
                            {tr!(answer_cta)}
                        </button>
                    }
                    .into_any()
                }
            }}
        </li>
    }
}

/// A stance, a message and, if the shop makes one, a pledge.
#[component]
fn AnswerForm(proposal_id: i64, shop_id: i64, done: RwSignal<Vec<i64>>) -> impl IntoView {
    let api = use_api();
    let announcer = use_announcer();
    let stance = RwSignal::new(Stance::Support);
    let message = RwSignal::new(String::new());
    let pledge = RwSignal::new(String::new());
    let answer = move || NewAnswer {
        stance: stance.get(),
        message: message.get(),
        pledge: Some(pledge.get()).filter(|p| !p.trim().is_empty()),
    };
    let form = Submit::new(Problems::new(move || validate::new_answer(&answer()).err().unwrap_or_default()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let api = api.clone();
        form.send(
            validate::new_answer(&untrack(answer)),
            move |a| async move { api.answer(proposal_id, shop_id, &a).await },
            move |answered| {
                answered?;
                announcer.say(tr!(answer_posted));
                done.update(|d| d.push(proposal_id));
                Ok(())
            },
        );
    };
    let group = format!("stance-{proposal_id}");
    view! {
        <form class="form answer-form" on:submit=submit novalidate>
            <fieldset class="kind-choice">
                <legend>{tr!(answer_form_label)}</legend>
                {Stance::ALL
                    .into_iter()
                    .map(|s| {
                        view! {
                            <label class="kind-option" class:selected=move || stance.get() == s>
                                <input
                                    type="radio"
                                    name=group.clone()
                                    value=s.as_str()
                                    prop:checked=move || stance.get() == s
                                    on:change=move |_| stance.set(s)
                                />
                                <span class="kind-label">{stance_label(s)}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <Field
                id=format!("message-{proposal_id}")
                name=field::MESSAGE
                label=tr!(field_message)
                value=message
                problems=form.problems
                input=Input::Area
                max=limits::ANSWER_MESSAGE.1
                required=true
            />
            <Field
                id=format!("pledge-{proposal_id}")
                name=field::PLEDGE
                label=tr!(field_pledge)
                value=pledge
                problems=form.problems
                hint=tr!(pledge_hint)
                max=limits::PLEDGE.1
            />
            <FormFailure failure=form.failure />
            <SubmitButton sending=form.sending label=tr!(answer_submit) busy=tr!(sending) />
        </form>
    }
}

/// Today's news, in one tap: a kind, a title, the text; it shows for 30 days.
#[component]
fn PostNews(shop_id: i64, posted: RwSignal<u32>) -> impl IntoView {
    let api = use_api();
    let announcer = use_announcer();
    let open = RwSignal::new(false);
    let kind = RwSignal::new(AnnouncementKind::Sale);
    let title = RwSignal::new(String::new());
    let body = RwSignal::new(String::new());
    let news = move || NewAnnouncement {
        kind: kind.get(),
        title: title.get(),
        body: body.get(),
        ..Default::default()
    };
    let now = || instants::format((js_sys::Date::now() / 1000.0) as i64);
    let form = Submit::new(Problems::new(move || {
        validate::new_announcement(&news(), &now()).err().unwrap_or_default()
    }));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let api = api.clone();
        // The server sets the start and end (now, 30 days on): its clock is the one.
        form.send(
            validate::new_announcement(&untrack(news), &now()).map(|n| NewAnnouncement {
                starts_at: None,
                ends_at: None,
                ..n
            }),
            move |n| async move { api.announce(shop_id, &n).await },
            move |sent| {
                sent?;
                announcer.say(tr!(news_posted));
                title.set(String::new());
                body.set(String::new());
                form.problems.reset();
                open.set(false);
                posted.update(|n| *n += 1);
                Ok(())
            },
        );
    };
    view! {
        <h3 class="subheading">{tr!(post_heading)}</h3>
        {move || {
            if !open.get() {
                return view! {
                    <button type="button" class="button button-primary button-wide" on:click=move |_| open.set(true)>
                        <span aria-hidden="true">"📣 "</span>
                        {tr!(post_cta)}
                    </button>
                }
                .into_any();
            }
            view! {
                <form class="form post-form" on:submit=submit.clone() novalidate>
                    <div class="field">
                        <label for=format!("news-kind-{shop_id}")>{tr!(field_news_kind)}</label>
                        <select
                            id=format!("news-kind-{shop_id}")
                            on:change=move |ev| kind.set(AnnouncementKind::parse(&event_target_value(&ev)).unwrap_or_default())
                        >
                            {AnnouncementKind::ALL
                                .into_iter()
                                .map(|k| view! { <option value=k.as_str() selected=move || kind.get() == k>{announcement_kind_label(k)}</option> })
                                .collect_view()}
                        </select>
                    </div>
                    <Field id=format!("news-title-{shop_id}") name=field::TITLE label=tr!(field_news_title) value=title problems=form.problems max=limits::TITLE.1 required=true />
                    <Field
                        id=format!("news-body-{shop_id}")
                        name=field::BODY
                        label=tr!(field_news_body)
                        value=body
                        problems=form.problems
                        input=Input::Area
                        hint=tr!(post_hint)
                        max=limits::ANNOUNCEMENT_BODY.1
                        required=true
                    />
                    <FormFailure failure=form.failure />
                    <SubmitButton sending=form.sending label=tr!(post_submit) busy=tr!(sending) />
                </form>
            }
            .into_any()
        }}
    }
}

/// The shop's news showing now; loads again after a post.
#[component]
fn MyNews(shop_id: i64, posted: RwSignal<u32>) -> impl IntoView {
    let api = use_api();
    let list = Paged::new(
        move |cursor| {
            let _ = posted.get();
            let api = api.clone();
            async move { api.shop_announcements(shop_id, false, cursor.as_deref()).await }
        },
        |a: &Announcement| a.id,
    );
    view! {
        <h3 class="subheading">{tr!(my_news_heading)}</h3>
        {move || match list.first() {
            First::Loading => view! { <p class="muted">{tr!(loading)}</p> }.into_any(),
            First::Failed(error) => view! { <LoadError error on_retry=move || list.retry() /> }.into_any(),
            First::Ready if list.is_empty() => view! { <p class="empty">{tr!(shop_news_empty)}</p> }.into_any(),
            First::Ready => view! {
                <ul class="announcements" role="list">
                    {move || list.items().into_iter().map(|a| view! { <AnnouncementCard announcement=a /> }).collect_view()}
                </ul>
                {list.show_more()}
            }
            .into_any(),
        }}
    }
}
