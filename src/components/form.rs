//! The parts every form shares: which fields were left, the failure line, the submit
//! button that says when it is busy.

use leptos::prelude::*;

/// Fields the person has left at least once (their problems show from then on).
#[derive(Debug, Clone, Copy)]
pub struct Touched(RwSignal<Vec<&'static str>>);

impl Touched {
    pub fn new() -> Self {
        Touched(RwSignal::new(Vec::new()))
    }

    pub fn has(&self, field: &'static str) -> bool {
        self.0.with(|t| t.contains(&field))
    }

    /// For a field's `on_blur`.
    pub fn on_leave(&self, field: &'static str) -> Callback<()> {
        let touched = self.0;
        Callback::new(move |()| {
            touched.update(|t| {
                if !t.contains(&field) {
                    t.push(field)
                }
            })
        })
    }

    pub fn clear(&self) {
        self.0.set(Vec::new());
    }
}

impl Default for Touched {
    fn default() -> Self {
        Self::new()
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
