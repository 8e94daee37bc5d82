//! Labelled inputs with their hint, their error right under them, and a character count
//! where there is a limit. Errors are linked with `aria-describedby` so screen readers
//! read them with the field.

use golmok_api::{FieldError, FieldErrorCode, validate::field};
use leptos::prelude::*;

use crate::components::form::Problems;

/// The sentence for a field problem, in the current language.
pub fn field_error_text(error: &FieldError) -> String {
    let limit = error.limit.unwrap_or_default();
    match error.code {
        FieldErrorCode::Required => tr!(err_required).to_owned(),
        FieldErrorCode::TooShort => tr!(err_too_short, limit = limit),
        FieldErrorCode::TooLong => tr!(err_too_long, limit = limit),
        FieldErrorCode::Invalid => match error.field.as_str() {
            field::EMAIL => tr!(err_invalid_email),
            field::EVENT_DATE => tr!(err_invalid_date),
            // Any date field gives a real date: what is wrong with an end is its order.
            field::ENDS_AT => tr!(err_ends_before_start),
            field::TITLE | field::DISPLAY_NAME | field::EVENT_PLACE | field::NAME => {
                tr!(err_invalid_single_line)
            }
            field::BUSINESS_NUMBER => tr!(err_invalid_business_number),
            _ => tr!(err_invalid),
        }
        .to_owned(),
    }
}

/// Whether leaving the field should show its problem now. Not for an empty field (asking
/// for what was not typed yet is nagging; the submit asks) and not when focus moves to
/// the submit button: the submit shows every problem anyway, and an error appearing
/// above the button at that moment would move it from under the pointer mid-click.
fn left_with_something_to_say(ev: &leptos::ev::FocusEvent, value: RwSignal<String>) -> bool {
    use wasm_bindgen::JsCast;
    let to_submit = ev
        .related_target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlButtonElement>().ok())
        .is_some_and(|b| b.type_() == "submit");
    !to_submit && value.with(|v| !v.trim().is_empty())
}

/// How the value is typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Input {
    #[default]
    Text,
    Email,
    Password,
    /// A phone number: the phone's dial pad.
    Tel,
    Url,
    Date,
    /// A whole number: the phone's number pad.
    Number,
    /// A multi-line textarea.
    Area,
}

/// `problems`: the field is the form's field named `name` (by default its `id`), and
/// shows that field's problem when the form says so. Otherwise `error` says what to show.
/// A form shown several times on one page gives each field an `id` of its own and the
/// shared `name`.
#[component]
pub fn Field(
    #[prop(into)] id: Oco<'static, str>,
    #[prop(optional)] name: Option<&'static str>,
    label: &'static str,
    value: RwSignal<String>,
    #[prop(optional)] problems: Option<Problems>,
    /// The problem to show, already translated; `None` when fine or not yet shown.
    #[prop(optional, into)]
    error: Option<Signal<Option<String>>>,
    #[prop(optional)] input: Input,
    #[prop(optional, into)] hint: Option<String>,
    #[prop(optional)] placeholder: Option<&'static str>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    /// Shows "n / max" under the field.
    #[prop(optional)]
    max: Option<usize>,
    #[prop(optional)] required: bool,
    #[prop(optional, into)] on_blur: Option<Callback<()>>,
) -> impl IntoView {
    let name = name.or(match &id {
        Oco::Borrowed(id) => Some(*id),
        _ => None,
    });
    let bound = problems.zip(name);
    let error = error.or(bound.map(|(p, name)| p.of(name))).unwrap_or_default();
    let on_blur = on_blur.or(bound.map(|(p, name)| p.on_leave(name)));
    let name = name.map(str::to_owned).unwrap_or_else(|| id.to_string());
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let has_hint = hint.is_some() || max.is_some();
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || match (error.with(Option::is_some), has_hint) {
            (true, true) => Some(format!("{error_id} {hint_id}")),
            (true, false) => Some(error_id.clone()),
            (false, true) => Some(hint_id.clone()),
            (false, false) => None,
        }
    };
    let invalid = move || error.with(Option::is_some).then_some("true");
    let blur = move |ev: leptos::ev::FocusEvent| {
        if let Some(cb) = on_blur
            && left_with_something_to_say(&ev, value)
        {
            cb.run(())
        }
    };
    let input_event = move |ev| value.set(event_target_value(&ev));
    let control = if input == Input::Area {
        view! {
            <textarea
                id=id.clone()
                name=name.clone()
                rows="6"
                prop:value=move || value.get()
                on:input=input_event
                on:blur=blur
                aria-invalid=invalid
                aria-describedby=described_by
                aria-required=required.then_some("true")
                placeholder=placeholder
            ></textarea>
        }
        .into_any()
    } else {
        let kind = match input {
            Input::Email => "email",
            Input::Password => "password",
            Input::Tel => "tel",
            Input::Url => "url",
            Input::Date => "date",
            Input::Number => "number",
            _ => "text",
        };
        view! {
            <input
                id=id.clone()
                name=name.clone()
                type=kind
                prop:value=move || value.get()
                on:input=input_event
                on:blur=blur
                aria-invalid=invalid
                aria-describedby=described_by
                aria-required=required.then_some("true")
                autocomplete=autocomplete
                placeholder=placeholder
            />
        }
        .into_any()
    };
    let count = max.map(|max| {
        let length = Memo::new(move |_| value.with(|v| v.trim().chars().count()));
        view! {
            <span class="field-count" class:over={move || length.get() > max}>
                {move || tr!(char_count, count = length.get(), max = max)}
            </span>
        }
    });
    view! {
        <div class="field" class:field-invalid=move || error.with(Option::is_some)>
            <label for=id.clone()>{label}</label>
            {control}
            {move || {
                error
                    .get()
                    .map(|text| {
                        view! {
                            <p id=error_id.clone() class="field-error">
                                <span aria-hidden="true">"⚠ "</span>
                                {text}
                            </p>
                        }
                    })
            }}
            {has_hint
                .then(|| {
                    view! {
                        <p id=hint_id class="field-hint">
                            <span>{hint}</span>
                            {count}
                        </p>
                    }
                })}
        </div>
    }
}

/// A labelled `<select>` of one of a fixed set of values (a shop's category, a kind of
/// news), each option in words. `key` is what the option sends, `text` what it says.
#[component]
pub fn ChoiceField<T>(
    #[prop(into)] id: String,
    label: &'static str,
    value: RwSignal<T>,
    options: &'static [T],
    key: fn(T) -> &'static str,
    text: fn(T) -> &'static str,
) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
{
    let change = move |ev| {
        let chosen = event_target_value(&ev);
        if let Some(picked) = options.iter().copied().find(|o| key(*o) == chosen) {
            value.set(picked);
        }
    };
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            // The value follows the signal after the first draw too (a draft restored, a
            // form emptied after sending), which an option's `selected` alone does not.
            <select id=id prop:value=move || key(value.get()) on:change=change>
                {options
                    .iter()
                    .copied()
                    .map(|o| view! { <option value=key(o) selected=move || value.get() == o>{text(o)}</option> })
                    .collect_view()}
            </select>
        </div>
    }
}
