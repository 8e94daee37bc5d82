//! `/d/{slug}/poster`, `/d/{slug}/proposals/{id}/poster`, `/d/{slug}/shops/{id}/poster`:
//! a sheet to print and put up in the alley (a shop's window, the market's notice board,
//! a counter), with a QR code a phone camera turns into the page. Not everyone in an
//! alley follows links in chats; everyone walks past a poster.
//!
//! The page shows the sheet as it prints. Print styles (`style/main.css`, "Posters") leave
//! only the sheet, on A4 or on an A6 counter card, one page either way; the code is drawn
//! here from the page's own absolute address (`components::qr`).

use golmok_api::{District, Proposal, ProposalStatus, Shop};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use wasm_bindgen::JsCast as _;

use crate::api::use_api;
use crate::components::badges::kind_label;
use crate::components::field::ChoiceField;
use crate::components::load_error::{LoadError, NotFound};
use crate::components::page_heading::PageHeading;
use crate::components::qr::Qr;
use crate::components::share::absolute;
use crate::components::shop_card::{category_label, shop_name};
use crate::components::skeleton::DetailSkeleton;
use crate::config::link;
use crate::i18n::Locale;
use crate::state::lang;
use crate::state::load::Load;

/// What the poster is of, besides its district.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    District,
    Proposal(Proposal),
    Shop(Box<Shop>),
}

/// The paper it is laid out for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sheet {
    A4,
    Card,
}

/// `shop`: the address is a shop's poster (else a proposal's, or with no id the district's).
#[component]
pub fn PosterPage(shop: bool) -> impl IntoView {
    let api = use_api();
    let params = use_params_map();
    let wanted = Memo::new(move |_| {
        let slug = params.with(|p| p.get("slug").unwrap_or_default());
        (slug, params.with(|p| p.get("id")))
    });
    // `None`: no such item under this district (as its own page says).
    let poster = Load::new(move || {
        let (api, (slug, id)) = (api.clone(), wanted.get());
        async move {
            let district = api.district(&slug).await?;
            let Some(id) = id else { return Ok(Some((district, Item::District))) };
            let Ok(id) = id.parse::<i64>() else { return Ok(None) };
            let item = if shop {
                Some(api.shop(id).await?).filter(|s| s.district_slug == slug).map(|s| Item::Shop(Box::new(s)))
            } else {
                Some(api.proposal(id).await?).filter(|p| p.district_slug == slug).map(Item::Proposal)
            };
            Ok(item.map(|item| (district, item)))
        }
    });
    let not_found = || view! { <NotFound title=tr!(not_found_title) body=tr!(not_found_body) /> }.into_any();
    move || match poster.get() {
        None => view! { <DetailSkeleton /> }.into_any(),
        Some(Ok(None)) => not_found(),
        Some(Err(e)) if e.is_not_found() => not_found(),
        Some(Err(error)) => {
            view! { <LoadError error on_retry=move || poster.retry() page=true /> }.into_any()
        }
        Some(Ok(Some((district, item)))) => view! { <PosterMaker district item /> }.into_any(),
    }
}

/// The words and the address on a sheet, in the reader's language.
#[derive(Debug, Clone, PartialEq)]
pub struct Words {
    pub district: String,
    pub kicker: Option<&'static str>,
    pub title: String,
    pub text: String,
    pub count: Option<String>,
    pub call: &'static str,
    /// The page the code opens (an app path).
    pub path: String,
}

impl Words {
    pub fn of(locale: Locale, district: &District, item: &Item) -> Words {
        let district_name = lang::pick(locale, &district.name, &district.name_en).to_owned();
        let slug = &district.slug;
        match item {
            Item::District => Words {
                kicker: None,
                title: district_name.clone(),
                text: short(lang::pick(locale, &district.description, &district.description_en)),
                count: None,
                call: tr!(poster_district_call),
                path: format!("/d/{slug}"),
                district: lang::pick(locale, &district.region, &district.region_en).to_owned(),
            },
            Item::Proposal(p) => Words {
                kicker: Some(kind_label(p.kind)),
                title: p.title.clone(),
                text: short(&p.body),
                count: Some(tr!(support_count, count = p.vote_count).to_string()),
                // Support is asked for only while it can be given.
                call: if p.status == ProposalStatus::Open {
                    tr!(poster_proposal_call)
                } else {
                    tr!(poster_proposal_follow)
                },
                path: format!("/d/{slug}/proposals/{}", p.id),
                district: district_name,
            },
            Item::Shop(s) => Words {
                kicker: Some(category_label(s.category)),
                title: shop_name(locale, &s.name, &s.name_en),
                text: short(lang::pick(locale, &s.description, &s.description_en)),
                count: None,
                call: tr!(poster_shop_call),
                path: format!("/d/{slug}/shops/{}", s.id),
                district: district_name,
            },
        }
    }
}

/// The longest text a poster carries, in characters: four lines of Korean on the sheet
/// (whose print styles clamp it to four lines too, for wider glyphs).
const SHORT: usize = 84;

/// A title longer than this, in characters, is set smaller (`poster-title long`): two
/// lines of Korean at the large size.
const LONG_TITLE: usize = 16;

/// `text` on one line, whole when short, else cut at a space before `SHORT` characters,
/// with "…"; runs of white space become one space.
pub fn short(text: &str) -> String {
    let mut line = String::with_capacity(text.len());
    let mut chars = 0;
    let mut space = None;
    let mut cut = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !line.is_empty() && !line.ends_with(' ') {
                space = Some(line.len());
                line.push(' ');
                chars += 1;
            }
            continue;
        }
        if chars >= SHORT {
            cut = true;
            break;
        }
        line.push(c);
        chars += 1;
    }
    if !cut {
        let end = line.trim_end().len();
        line.truncate(end);
        return line;
    }
    if let Some(space) = space.filter(|s| *s > line.len() / 2) {
        line.truncate(space);
    }
    while matches!(line.as_bytes().last(), Some(b',' | b'.' | b' ')) {
        line.pop();
    }
    line.push('…');
    line
}

#[component]
fn PosterMaker(district: District, item: Item) -> impl IntoView {
    let words = Words::of(lang::current(), &district, &item);
    let sheet = RwSignal::new(Sheet::A4);
    let url = absolute(&words.path);
    // The address as people read it: no scheme.
    let shown_url = url.split_once("://").map_or(url.as_str(), |(_, rest)| rest).to_owned();
    let title_class =
        if words.title.chars().count() > LONG_TITLE { "poster-title long" } else { "poster-title" };
    // `window.print()` read from the window: web-sys's binding would be one more import
    // in the first load's JS, for one button on one page.
    let print = |_| {
        if let Some(window) = web_sys::window() {
            let print = js_sys::Reflect::get(&window, &"print".into());
            if let Ok(print) = print.and_then(|f| f.dyn_into::<js_sys::Function>()) {
                let _ = print.call0(&window);
            }
        }
    };
    view! {
        <section class="form-page poster-page">
            <div class="poster-tools">
                <a href=link(words.path.clone()) class="back-link">
                    <span aria-hidden="true">"← "</span>
                    {words.title.clone()}
                </a>
                <PageHeading text=tr!(poster_title) />
                <p class="lede">{tr!(poster_intro)}</p>
                <div class="poster-options">
                    <ChoiceField id="poster-sheet" label=tr!(poster_sheet) value=sheet options=&[Sheet::A4, Sheet::Card] key=sheet_key text=sheet_text />
                    <button type="button" class="button button-primary" on:click=print>
                        <span aria-hidden="true">"🖨️ "</span>
                        {tr!(poster_print)}
                    </button>
                </div>
            </div>
            <div class=move || format!("poster-frame sheet-{}", sheet_key(sheet.get()))>
                <article class="poster-sheet">
                    <p class="poster-district">{words.district}</p>
                    {words.kicker.map(|kicker| view! { <p class="poster-kicker">{kicker}</p> })}
                    <h2 class=title_class>{words.title}</h2>
                    {(!words.text.is_empty()).then(|| view! { <p class="poster-text">{words.text}</p> })}
                    {words.count.map(|count| view! { <p class="poster-count">{count}</p> })}
                    <p class="poster-call">{words.call}</p>
                    <div class="poster-code">
                        <Qr text=url.clone() label=tr!(poster_qr_alt) />
                        <p class="poster-scan">
                            {tr!(poster_scan)}
                            <span class="poster-url">{shown_url.clone()}</span>
                        </p>
                    </div>
                    <p class="poster-brand"><span aria-hidden="true">"🐸 "</span>{tr!(app_name)}</p>
                </article>
            </div>
        </section>
    }
}

fn sheet_key(sheet: Sheet) -> &'static str {
    match sheet {
        Sheet::A4 => "a4",
        Sheet::Card => "card",
    }
}

fn sheet_text(sheet: Sheet) -> &'static str {
    match sheet {
        Sheet::A4 => tr!(poster_sheet_a4),
        Sheet::Card => tr!(poster_sheet_card),
    }
}
