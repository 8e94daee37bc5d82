//! A shop in a list, and the labels every screen of shops shares: its name in the
//! reader's language, its category, whether it is open now, the Onnuri mark.

use golmok_api::hours::{self, Moment};
use golmok_api::{Shop, ShopCategory};
use leptos::prelude::*;

use crate::config::link;
use crate::i18n::Locale;
use crate::state::lang;

pub fn category_label(category: ShopCategory) -> &'static str {
    match category {
        ShopCategory::Restaurant => tr!(category_restaurant),
        ShopCategory::Chicken => tr!(category_chicken),
        ShopCategory::Cafe => tr!(category_cafe),
        ShopCategory::Bakery => tr!(category_bakery),
        ShopCategory::SideDishes => tr!(category_side_dishes),
        ShopCategory::Grocery => tr!(category_grocery),
        ShopCategory::Florist => tr!(category_florist),
        ShopCategory::Hardware => tr!(category_hardware),
        ShopCategory::Fashion => tr!(category_fashion),
        ShopCategory::Beauty => tr!(category_beauty),
        ShopCategory::Health => tr!(category_health),
        ShopCategory::Classes => tr!(category_classes),
        ShopCategory::Services => tr!(category_services),
        ShopCategory::Other => tr!(category_other),
    }
}

/// The English name in English when the merchant gave one, else the Korean.
pub fn shop_name(locale: Locale, name: &str, name_en: &str) -> String {
    lang::pick(locale, name, name_en).to_owned()
}

/// Open or closed at `now`, in words (never colour alone), by the rule the server's
/// `open_now` follows, so a page left open stays right as the hours pass.
#[component]
pub fn OpenBadge(shop: Shop, now: Signal<Moment>) -> impl IntoView {
    let Shop { hours, closed_on, .. } = shop;
    move || {
        let at = now.get();
        let closed_on = closed_on.as_deref();
        if hours::is_open(&hours, closed_on, at) {
            view! { <span class="badge badge-open">{tr!(shop_open)}</span> }.into_any()
        } else if closed_on == Some(hours::date_of_day(hours::opening_day(&hours, at)).as_str()) {
            view! { <span class="badge badge-closed">{tr!(shop_closed_today)}</span> }.into_any()
        } else {
            view! { <span class="badge badge-closed">{tr!(shop_closed)}</span> }.into_any()
        }
    }
}

#[component]
pub fn OnnuriMark() -> impl IntoView {
    view! {
        <span class="badge badge-onnuri">
            <span aria-hidden="true">"🎫 "</span>
            {tr!(shop_onnuri)}
        </span>
    }
}

#[component]
pub fn ShopCard(shop: Shop, now: Signal<Moment>) -> impl IntoView {
    let href = format!("/d/{}/shops/{}", shop.district_slug, shop.id);
    let name = shop_name(lang::current(), &shop.name, &shop.name_en);
    let (onnuri, place, followers) = (shop.accepts_onnuri, shop.place.clone(), shop.follower_count);
    view! {
        <li class="card shop-card">
            <div class="card-badges">
                <span class="badge badge-category">{category_label(shop.category)}</span>
                <OpenBadge shop now />
                {onnuri.then(|| view! { <OnnuriMark /> })}
            </div>
            // The directory's cards come right under its heading.
            <h2 class="card-title">
                <a href=link(href) class="card-link">
                    {name}
                </a>
            </h2>
            {(!place.is_empty()).then(|| view! { <p class="card-excerpt">{place}</p> })}
            <p class="card-counts">
                <span class="count">
                    <span aria-hidden="true">"🧡 "</span>
                    {tr!(follower_count, count = followers)}
                </span>
            </p>
        </li>
    }
}
