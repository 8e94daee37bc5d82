//! "Report" (신고) under what residents and shops wrote: a reason, sent to the district's
//! moderators, who are not told who sent it.

use golmok_api::validate::{self, field, limits};
use golmok_api::{NewReport, ReportTarget};
use leptos::prelude::*;

use crate::api::use_api;
use crate::components::field::{Field, Input};
use crate::components::form::{FormFailure, Problems, Submit, SubmitOrCancel};
use crate::state::announce::use_announcer;
use crate::state::session::use_session;

/// A quiet button that opens the reason form in place; signed-in people only (the
/// server answers 401 to others anyway). `label` says what is reported.
#[component]
pub fn ReportButton(
    target: ReportTarget,
    id: i64,
    #[prop(optional)] label: Option<&'static str>,
) -> impl IntoView {
    let session = use_session();
    let open = RwSignal::new(false);
    let sent = RwSignal::new(false);
    move || {
        if !session.is_logged_in() {
            return ().into_any();
        }
        if sent.get() {
            return view! { <p class="muted">{tr!(reported)}</p> }.into_any();
        }
        if open.get() {
            return view! { <ReportForm target id open sent /> }.into_any();
        }
        view! {
            <button type="button" class="report-button" aria-expanded="false" on:click=move |_| open.set(true)>
                {label.unwrap_or(tr!(report_action))}
            </button>
        }
        .into_any()
    }
}

#[component]
fn ReportForm(target: ReportTarget, id: i64, open: RwSignal<bool>, sent: RwSignal<bool>) -> impl IntoView {
    let api = use_api();
    let announcer = use_announcer();
    let reason = RwSignal::new(String::new());
    let report = move || NewReport { target, target_id: id, reason: reason.get() };
    let form = Submit::new(Problems::new(move || validate::new_report(&report()).err().unwrap_or_default()));
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let api = api.clone();
        form.send(
            validate::new_report(&untrack(report)),
            move |r| async move { api.report(&r).await },
            move |answer| {
                answer?;
                announcer.say(tr!(reported));
                sent.set(true);
                Ok(())
            },
        );
    };
    let field_id = format!("report-{}-{id}", target.as_str());
    view! {
        <form class="form life-form report-form" on:submit=submit novalidate>
            <Field
                id=field_id
                name=field::REASON
                label=tr!(report_reason_label)
                value=reason
                problems=form.problems
                input=Input::Area
                hint=tr!(report_reason_hint)
                max=limits::NOTE.1
            />
            <FormFailure failure=form.failure />
            <SubmitOrCancel sending=form.sending label=tr!(report_submit) busy=tr!(sending) on_cancel=Some(Callback::new(move |()| open.set(false))) />
        </form>
    }
}
