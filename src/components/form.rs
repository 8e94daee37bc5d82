//! The parts every form shares: when each field shows its problem, what a submit does,
//! the failure line, the submit button that says when it is busy.

use std::future::Future;

use golmok_api::FieldError;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::ApiError;
use crate::components::field::field_error_text;
use crate::components::load_error::error_text;
use crate::state::announce::Announcer;

/// Which problem each field of a form shows, and when. A field shows what the shared
/// rules find once it has been left or a submit was tried (not while someone is still
/// typing their first word); what the server refused shows until the next submit.
#[derive(Debug, Clone, Copy)]
pub struct Problems {
    found: Memo<Vec<FieldError>>,
    left: RwSignal<Vec<&'static str>>,
    tried: RwSignal<bool>,
    refused: RwSignal<Vec<FieldError>>,
}

impl Problems {
    /// `check` runs the rules over the form's current values (tracked).
    pub fn new(check: impl Fn() -> Vec<FieldError> + Send + Sync + 'static) -> Self {
        Problems {
            found: Memo::new(move |_| check()),
            left: RwSignal::new(Vec::new()),
            tried: RwSignal::new(false),
            refused: RwSignal::new(Vec::new()),
        }
    }

    /// The translated problem of `field`, for its `Field`.
    pub fn of(&self, field: &'static str) -> Signal<Option<String>> {
        let Problems { found, left, tried, refused } = *self;
        Signal::derive(move || {
            let shown = tried.get() || left.with(|l| l.contains(&field));
            let local = found.with(|p| p.iter().find(|e| e.field == field).cloned()).filter(|_| shown);
            let remote = refused.with(|p| p.iter().find(|e| e.field == field).cloned());
            local.or(remote).map(|e| field_error_text(&e))
        })
    }

    /// For a field's `on_blur`.
    pub fn on_leave(&self, field: &'static str) -> Callback<()> {
        let left = self.left;
        Callback::new(move |()| {
            left.update(|l| {
                if !l.contains(&field) {
                    l.push(field)
                }
            })
        })
    }

    /// A submit was tried: every problem shows from now on; the server's are forgotten.
    pub fn tried(&self) {
        self.tried.set(true);
        self.refused.set(Vec::new());
    }

    /// The server refused these fields.
    pub fn refused(&self, errors: &[FieldError]) {
        self.refused.set(errors.to_vec());
    }

    /// A fresh, empty form: nothing to show until it is left or submitted again.
    pub fn reset(&self) {
        self.left.set(Vec::new());
        self.tried.set(false);
        self.refused.set(Vec::new());
    }
}

/// What every form does when it is submitted: one request at a time; every problem shown
/// from then on; the first field with a problem focused and the screen reader told; field
/// problems from the server shown next to their fields, anything else as one sentence
/// above the button. Nothing typed is cleared by a failure.
#[derive(Debug, Clone, Copy)]
pub struct Submit {
    pub sending: RwSignal<bool>,
    pub failure: RwSignal<Option<&'static str>>,
    pub problems: Problems,
    announcer: Option<Announcer>,
}

impl Submit {
    pub fn new(problems: Problems) -> Self {
        Submit {
            sending: RwSignal::new(false),
            failure: RwSignal::new(None),
            problems,
            announcer: use_context::<Announcer>(),
        }
    }

    /// Sends `checked` (the form's input through the shared rules) with `request`, unless a
    /// submit is under way or the rules found problems. `outcome` gets the answer: it
    /// handles success and any error it knows better, and hands the rest back.
    pub fn send<I, T, Fut>(
        &self,
        checked: Result<I, Vec<FieldError>>,
        request: impl FnOnce(I) -> Fut,
        outcome: impl FnOnce(Result<T, ApiError>) -> Result<(), ApiError> + 'static,
    ) where
        Fut: Future<Output = Result<T, ApiError>> + 'static,
        T: 'static,
    {
        if self.sending.get_untracked() {
            return;
        }
        self.problems.tried();
        self.failure.set(None);
        let input = match checked {
            Ok(input) => input,
            Err(errors) => return self.point_at(&errors),
        };
        self.sending.set(true);
        let answer = request(input);
        let this = *self;
        spawn_local(async move {
            let refused = outcome(answer.await);
            // The form may be gone (a success navigated away): `try_`, no panic.
            if this.sending.try_set(false).is_some() {
                return;
            }
            match refused {
                Err(e) if !e.fields().is_empty() => {
                    // The server has the last word on its rules.
                    this.problems.refused(e.fields());
                    this.point_at(e.fields());
                }
                Err(e) => this.failure.set(Some(error_text(&e))),
                Ok(()) => {}
            }
        });
    }

    /// Says that fields need fixing and puts the cursor in the first of them.
    fn point_at(&self, errors: &[FieldError]) {
        if let Some(a) = self.announcer {
            a.say(tr!(fix_errors));
        }
        if let Some(first) = errors.first() {
            focus_field(&first.field);
        }
    }
}

/// Focuses the control of the field `name` in the form being submitted (the one holding
/// focus: its button or a field), or else the control whose id is `name`. Forms shown
/// several times on a page give their fields ids of their own and the shared name.
pub fn focus_field(name: &str) {
    use wasm_bindgen::JsCast;
    let Some(document) = crate::config::document() else { return };
    let in_form = document
        .active_element()
        .and_then(|e| e.closest("form").ok().flatten())
        .and_then(|form| form.query_selector(&format!("[name=\"{name}\"]")).ok().flatten());
    let element = in_form
        .or_else(|| document.get_element_by_id(name))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(element) = element {
        let _ = element.focus();
    }
}

/// What went wrong with the last submit, when it is not one field's problem.
#[component]
pub fn FormFailure(failure: RwSignal<Option<&'static str>>) -> impl IntoView {
    move || failure.get().map(|text| view! { <p class="form-error" role="alert">{text}</p> })
}

/// `danger`: the submit destroys something (deleting an account, suspending one), and
/// looks it.
#[component]
pub fn SubmitButton(
    sending: RwSignal<bool>,
    label: &'static str,
    busy: &'static str,
    #[prop(optional)] danger: bool,
) -> impl IntoView {
    let class = if danger { "button button-danger button-wide" } else { "button button-primary button-wide" };
    view! {
        <button type="submit" class=class disabled=move || sending.get()>
            {move || if sending.get() { busy } else { label }}
        </button>
    }
}

/// The submit button and, for a form that can be given up (an edit, a form opened by a
/// tap), a cancel button beside it.
#[component]
pub fn SubmitOrCancel(
    sending: RwSignal<bool>,
    label: &'static str,
    busy: &'static str,
    on_cancel: Option<Callback<()>>,
    #[prop(optional)] danger: bool,
) -> impl IntoView {
    view! {
        <div class="form-actions">
            <SubmitButton sending label busy danger />
            {on_cancel.map(|cancel| view! {
                <button type="button" class="button button-secondary" on:click=move |_| cancel.run(())>{tr!(cancel)}</button>
            })}
        </div>
    }
}
