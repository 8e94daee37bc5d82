//! The parts every form shares: when each field shows its problem, the failure line,
//! the submit button that says when it is busy.

use golmok_api::FieldError;
use leptos::prelude::*;

use crate::components::field::field_error_text;

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

/// What went wrong with the last submit, when it is not one field's problem.
#[component]
pub fn FormFailure(failure: RwSignal<Option<&'static str>>) -> impl IntoView {
    move || failure.get().map(|text| view! { <p class="form-error" role="alert">{text}</p> })
}

#[component]
pub fn SubmitButton(sending: RwSignal<bool>, label: &'static str, busy: &'static str) -> impl IntoView {
    view! {
        <button type="submit" class="button button-primary button-wide" disabled=move || sending.get()>
            {move || if sending.get() { busy } else { label }}
        </button>
    }
}
