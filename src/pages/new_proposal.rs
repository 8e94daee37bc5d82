//! `/d/{slug}/proposals/new`: propose an event or an improvement.
//!
//! What is typed is saved as a draft on this device at every keystroke and only cleared
//! once the proposal is published: a failed submit, a closed tab or a reload loses
//! nothing. Each field shows its problem after it is left or after a submit, checked by
//! the same rules the server applies.

use golmok_api::validate::{self, field, limits};
use golmok_api::{NewProposal, ProposalKind};
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use serde::{Deserialize, Serialize};

use crate::api::use_api;
use crate::components::field::{Field, Input};
use crate::components::form::{FormFailure, Problems, Submit, SubmitButton};
use crate::components::load_error::{LoadError, NotFound};
use crate::components::page_heading::PageHeading;
use crate::components::skeleton::DetailSkeleton;
use crate::config::link;
use crate::pages::login::login_href;
use crate::state::announce::use_announcer;
use crate::state::load::Load;
use crate::state::session::use_session;
use crate::storage::{self, keys};

/// The form as stored in the draft.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct Draft {
    kind: ProposalKind,
    title: String,
    body: String,
    event_date: String,
    event_place: String,
}

impl Draft {
    fn is_blank(&self) -> bool {
        [&self.title, &self.body, &self.event_date, &self.event_place].iter().all(|s| s.trim().is_empty())
    }

    /// The event fields go with events only: what an improvement's hidden fields still
    /// hold from before is not the server's business.
    fn to_request(&self) -> NewProposal {
        let event = self.kind == ProposalKind::Event;
        NewProposal {
            kind: self.kind,
            title: self.title.clone(),
            body: self.body.clone(),
            event_date: event.then(|| self.event_date.clone()),
            event_place: event.then(|| self.event_place.clone()),
        }
    }
}

/// The form, once the district is known to exist: no drafts for districts that are not.
#[component]
pub fn NewProposalPage() -> impl IntoView {
    let api = use_api();
    let slug = use_params_map().with_untracked(|p| p.get("slug").unwrap_or_default());
    let district = {
        let slug = slug.clone();
        Load::new(move || {
            let (api, slug) = (api.clone(), slug.clone());
            async move { api.district(&slug).await }
        })
    };
    move || match district.get() {
        None => view! { <DetailSkeleton /> }.into_any(),
        Some(Err(e)) if e.is_not_found() => {
            view! { <NotFound title=tr!(district_not_found_title) body=tr!(not_found_body) /> }.into_any()
        }
        Some(Err(error)) => {
            view! { <LoadError error on_retry=move || district.retry() page=true /> }.into_any()
        }
        Some(Ok(_)) => view! { <ProposalForm slug=slug.clone() /> }.into_any(),
    }
}

#[component]
pub fn ProposalForm(slug: String) -> impl IntoView {
    let api = use_api();
    let session = use_session();
    let announcer = use_announcer();
    let navigate = use_navigate();
    let draft_key = keys::proposal_draft(&slug);

    let saved = storage::load::<Draft>(&draft_key).unwrap_or_default();
    let restored = !saved.is_blank();
    let kind = RwSignal::new(saved.kind);
    let title = RwSignal::new(saved.title);
    let body = RwSignal::new(saved.body);
    let event_date = RwSignal::new(saved.event_date);
    let event_place = RwSignal::new(saved.event_place);
    let draft = Memo::new(move |_| Draft {
        kind: kind.get(),
        title: title.get(),
        body: body.get(),
        event_date: event_date.get(),
        event_place: event_place.get(),
    });
    {
        let draft_key = draft_key.clone();
        Effect::new(move |_| draft.with(|d| storage::save_or_remove(&draft_key, d, d.is_blank())));
    }

    let form = Submit::new(Problems::new(move || {
        validate::new_proposal(&draft.get().to_request()).err().unwrap_or_default()
    }));
    let needs_login = RwSignal::new(false);

    let slug = StoredValue::new(slug);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let checked = validate::new_proposal(&draft.get_untracked().to_request());
        if checked.is_ok() && !session.is_logged_in() {
            needs_login.set(true);
            announcer.say(tr!(login_to_propose));
            return;
        }
        let (api, navigate, draft_key) = (api.clone(), navigate.clone(), draft_key.clone());
        let slug = slug.get_value();
        let to = slug.clone();
        form.send(
            checked,
            move |new| async move { api.create_proposal(&to, &new).await },
            move |answer| match answer {
                Ok(created) => {
                    storage::remove(&draft_key);
                    announcer.say(tr!(published));
                    navigate(&format!("/d/{slug}/proposals/{}", created.id), Default::default());
                    Ok(())
                }
                Err(e) if e.is_unauthorized() => {
                    needs_login.set(true);
                    announcer.say(tr!(login_to_propose));
                    Ok(())
                }
                Err(e) => Err(e),
            },
        );
    };
    let discard = move |_| {
        title.set(String::new());
        body.set(String::new());
        event_date.set(String::new());
        event_place.set(String::new());
        form.problems.reset();
    };
    let login_href = move || login_href(&format!("/d/{}/proposals/new", slug.get_value()));
    let kind_option = move |value: ProposalKind| {
        let (icon, label, hint) = match value {
            ProposalKind::Event => ("🏮", tr!(kind_event), tr!(kind_event_hint)),
            ProposalKind::Improvement => ("🛠️", tr!(kind_improvement), tr!(kind_improvement_hint)),
        };
        view! {
            <label class="kind-option" class:selected=move || kind.get() == value>
                <input
                    type="radio"
                    name="kind"
                    value=value.as_str()
                    prop:checked=move || kind.get() == value
                    on:change=move |_| kind.set(value)
                />
                <span class="kind-icon" aria-hidden="true">{icon}</span>
                <span class="kind-text">
                    <span class="kind-label">{label}</span>
                    <span class="kind-hint">{hint}</span>
                </span>
            </label>
        }
    };

    view! {
        <section class="form-page">
            <a href=link(format!("/d/{}", slug.get_value())) class="back-link">
                <span aria-hidden="true">"← "</span>
                {tr!(back_to_list)}
            </a>
            <PageHeading text=tr!(new_title) />
            <p class="lede">{tr!(new_intro)}</p>
            {restored.then(|| view! { <p class="notice notice-info">{tr!(draft_restored)}</p> })}
            <form class="form" on:submit=submit novalidate>
                <fieldset class="kind-choice">
                    <legend>{tr!(field_kind)}</legend>
                    {kind_option(ProposalKind::Event)}
                    {kind_option(ProposalKind::Improvement)}
                </fieldset>
                <Field
                    id=field::TITLE
                    label=tr!(field_title)
                    value=title
                    problems=form.problems
                    placeholder=tr!(title_placeholder)
                    max=limits::TITLE.1
                    required=true
                />
                <Field
                    id=field::BODY
                    label=tr!(field_body)
                    value=body
                    problems=form.problems
                    input=Input::Area
                    placeholder=tr!(body_placeholder)
                    max=limits::BODY.1
                    required=true
                />
                <div class="field-row" hidden=move || kind.get() != ProposalKind::Event>
                    <Field
                        id=field::EVENT_DATE
                        label=tr!(field_event_date)
                        value=event_date
                        problems=form.problems
                        input=Input::Date
                    />
                    <Field
                        id=field::EVENT_PLACE
                        label=tr!(field_event_place)
                        value=event_place
                        problems=form.problems
                        placeholder=tr!(place_placeholder)
                    />
                </div>
                <p class="field-hint draft-note">
                    <span aria-hidden="true">"💾 "</span>
                    {tr!(draft_note)}
                </p>
                <FormFailure failure=form.failure />
                <div class="notice notice-info" hidden=move || !needs_login.get()>
                    <p>{tr!(login_to_propose)}</p>
                    <a href=link(login_href()) class="button button-secondary">
                        {tr!(login)}
                    </a>
                </div>
                <div class="form-actions">
                    <SubmitButton sending=form.sending label=tr!(publish) busy=tr!(publishing) />
                    <button
                        type="button"
                        class="button button-quiet"
                        on:click=discard
                        hidden=move || draft.with(Draft::is_blank)
                    >
                        {tr!(discard_draft)}
                    </button>
                </div>
            </form>
        </section>
    }
}
