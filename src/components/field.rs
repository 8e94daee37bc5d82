//! Labelled inputs with their hint, their error right under them, and a character count
//! where there is a limit. Errors are linked with `aria-describedby` so screen readers
//! read them with the field.

use golmok_api::{FieldError, FieldErrorCode, validate::field};
use leptos::prelude::*;

use crate::i18n::*;

/// The sentence for a field problem, in the current language.
pub fn field_error_text(i18n: leptos_i18n::I18nContext<Locale>, error: &FieldError) -> String {
    let limit = error.limit.unwrap_or_default();
    match error.code {
        FieldErrorCode::Required => t_string!(i18n, err_required).to_string(),
        FieldErrorCode::TooShort => t_string!(i18n, err_too_short, limit = limit).to_string(),
        FieldErrorCode::TooLong => t_string!(i18n, err_too_long, limit = limit).to_string(),
        FieldErrorCode::Invalid => match error.field.as_str() {
            field::EMAIL => t_string!(i18n, err_invalid_email).to_string(),
            field::EVENT_DATE => t_string!(i18n, err_invalid_date).to_string(),
            field::TITLE | field::DISPLAY_NAME | field::EVENT_PLACE => {
                t_string!(i18n, err_invalid_single_line).to_string()
            }
            _ => t_string!(i18n, err_invalid).to_string(),
        },
    }
}

/// How the value is typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Input {
    #[default]
    Text,
    Email,
    Password,
    Date,
    /// A multi-line textarea.
    Area,
}

#[component]
pub fn Field(
    id: &'static str,
    #[prop(into)] label: Signal<String>,
    value: RwSignal<String>,
    /// The problem to show, already translated; `None` when fine or not yet shown.
    #[prop(into)]
    error: Signal<Option<String>>,
    #[prop(optional)] input: Input,
    #[prop(optional, into)] hint: Option<Signal<String>>,
    #[prop(optional, into)] placeholder: Option<Signal<String>>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    /// Shows "n / max" under the field.
    #[prop(optional)]
    max: Option<usize>,
    #[prop(optional)] required: bool,
    #[prop(optional, into)] on_blur: Option<Callback<()>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let has_hint = hint.is_some() || max.is_some();
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if error.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            if has_hint {
                ids.push(hint_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let invalid = move || error.with(Option::is_some).then_some("true");
    let blur = move |_| {
        if let Some(cb) = on_blur {
            cb.run(())
        }
    };
    let placeholder = move || placeholder.map(|p| p.get());
    let control = match input {
        Input::Area => view! {
            <textarea
                id=id
                name=id
                rows="6"
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                on:blur=blur
                aria-invalid=invalid
                aria-describedby=described_by
                aria-required=required.then_some("true")
                placeholder=placeholder
            ></textarea>
        }
        .into_any(),
        other => {
            let kind = match other {
                Input::Email => "email",
                Input::Password => "password",
                Input::Date => "date",
                _ => "text",
            };
            view! {
                <input
                    id=id
                    name=id
                    type=kind
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))
                    on:blur=blur
                    aria-invalid=invalid
                    aria-describedby=described_by
                    aria-required=required.then_some("true")
                    autocomplete=autocomplete
                    placeholder=placeholder
                />
            }
            .into_any()
        }
    };
    view! {
        <div class="field" class:field-invalid=move || error.with(Option::is_some)>
            <label for=id>{label}</label>
            {control}
            <Show when=move || error.with(Option::is_some)>
                <p id=error_id.clone() class="field-error">
                    <span aria-hidden="true">"⚠ "</span>
                    {move || error.get().unwrap_or_default()}
                </p>
            </Show>
            {has_hint
                .then(|| {
                    view! {
                        <p id=hint_id.clone() class="field-hint">
                            <span>{move || hint.map(|h| h.get()).unwrap_or_default()}</span>
                            {max
                                .map(|max| {
                                    view! {
                                        <span class="field-count" class:over=move || value.with(|v| v.trim().chars().count() > max)>
                                            {move || {
                                                let count = value.with(|v| v.trim().chars().count());
                                                t_string!(i18n, char_count, count = count, max = max).to_string()
                                            }}
                                        </span>
                                    }
                                })}
                        </p>
                    }
                })}
        </div>
    }
}
