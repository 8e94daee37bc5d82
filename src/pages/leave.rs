//! Deleting one's account (탈퇴), at the foot of "My alley": what happens, then the
//! password, behind a tap, so nobody deletes theirs by a slip of the thumb. The server
//! erases the email and the name, ends every session, and keeps what was written under
//! "탈퇴한 사용자 · former member".

use golmok_api::validate::{self, field};
use golmok_api::{DeleteAccount, error_code};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::api::use_api;
use crate::components::field::{Field, Input};
use crate::components::form::{FormFailure, Problems, Submit, SubmitOrCancel, focus_field};
use crate::state::announce::use_announcer;
use crate::state::session::use_session;

#[component]
pub fn LeaveAccount() -> impl IntoView {
    let open = RwSignal::new(false);
    view! {
        <section class="account-leave" aria-labelledby="leave-heading">
            <h2 id="leave-heading" class="section-title">{tr!(leave_heading)}</h2>
            <p class="muted">{tr!(leave_intro)}</p>
            {move || {
                if open.get() {
                    view! { <LeaveForm open /> }.into_any()
                } else {
                    view! {
                        <button type="button" id="leave-open" class="button button-secondary" on:click=move |_| open.set(true)>
                            {tr!(leave_open)}
                        </button>
                    }
                        .into_any()
                }
            }}
        </section>
    }
}

#[component]
fn LeaveForm(open: RwSignal<bool>) -> impl IntoView {
    let api = use_api();
    let session = use_session();
    let announcer = use_announcer();
    let navigate = use_navigate();
    let password = RwSignal::new(String::new());
    let request = move || DeleteAccount { password: password.get() };
    let form =
        Submit::new(Problems::new(move || validate::delete_account(&request()).err().unwrap_or_default()));
    // Opened by a tap: the cursor goes where the password is typed.
    Effect::new(move |_| focus_field("leave-password"));
    // Given up: back to the button that opened it, rather than to the top of the page.
    let cancel = Callback::new(move |()| {
        open.set(false);
        request_animation_frame(|| focus_field("leave-open"));
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (api, navigate) = (api.clone(), navigate.clone());
        form.send(
            validate::delete_account(&request()),
            move |req| async move { api.delete_account(&req).await },
            move |answer| match answer {
                Ok(()) => {
                    session.forget();
                    announcer.say(tr!(leave_done));
                    navigate("/", Default::default());
                    Ok(())
                }
                Err(e) if e.code() == Some(error_code::INVALID_CREDENTIALS) => {
                    form.failure.set(Some(tr!(leave_wrong_password)));
                    Ok(())
                }
                // Not the password: the session itself is gone (expired, or ended
                // elsewhere). Forgotten, so the header offers a fresh login.
                Err(e) if e.status() == Some(401) => {
                    session.forget();
                    Err(e)
                }
                Err(e) if e.status() == Some(409) => {
                    form.failure.set(Some(tr!(leave_last_moderator)));
                    Ok(())
                }
                Err(e) => Err(e),
            },
        );
    };
    view! {
        <form class="form account-leave-form" on:submit=submit novalidate>
            <Field
                id="leave-password"
                name=field::PASSWORD
                label=tr!(leave_password)
                value=password
                problems=form.problems
                input=Input::Password
                autocomplete="current-password"
                required=true
            />
            <FormFailure failure=form.failure />
            <SubmitOrCancel sending=form.sending label=tr!(leave_submit) busy=tr!(sending) on_cancel=Some(cancel) danger=true />
        </form>
    }
}
