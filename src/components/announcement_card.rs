//! An announcement (소식) in a list: its kind in words, who announces, the title and
//! text, and how long it shows.

use golmok_api::{Announcement, AnnouncementKind, ReportTarget};
use leptos::prelude::*;

use crate::components::report::ReportButton;
use crate::components::shop_card::shop_name;
use crate::config::link;
use crate::format;
use crate::state::lang;

pub fn announcement_kind_label(kind: AnnouncementKind) -> &'static str {
    match kind {
        AnnouncementKind::Sale => tr!(announcement_sale),
        AnnouncementKind::Hours => tr!(announcement_hours),
        AnnouncementKind::Event => tr!(announcement_event),
        AnnouncementKind::Notice => tr!(announcement_notice),
    }
}

/// `past`: it ended, and says when. `by_shop`: names the shop with a link to it (not on
/// the shop's own page). `reportable`: where everyone reads it, a signed-in reader may
/// report it to the district's moderators (the button is described by its title).
/// `children`: what its poster can do to it, at the bottom.
#[component]
pub fn AnnouncementCard(
    announcement: Announcement,
    #[prop(optional)] past: bool,
    #[prop(optional)] by_shop: bool,
    #[prop(optional)] reportable: bool,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let locale = lang::current();
    let Announcement { id, kind, title, body, ends_at, pinned, shop, district_slug, .. } = announcement;
    let when = if past {
        tr!(announcement_ended, date = format::date_time(&ends_at, locale))
    } else {
        tr!(announcement_until, date = format::date_time(&ends_at, locale))
    };
    let shop = shop.filter(|_| by_shop).map(|s| {
        let href = format!("/d/{district_slug}/shops/{}", s.id);
        view! {
            <a href=link(href) class="announcement-shop">
                <span aria-hidden="true">"🏪 "</span>
                {shop_name(locale, &s.name, &s.name_en)}
            </a>
        }
    });
    let class = format!("badge badge-news news-{}", kind.as_str());
    view! {
        <li class="announcement" class:announcement-pinned=pinned class:announcement-past=past>
            <p class="card-badges">
                {pinned.then(|| view! { <span class="badge badge-pinned"><span aria-hidden="true">"📌 "</span>{tr!(announcement_pinned)}</span> })}
                <span class=class>{announcement_kind_label(kind)}</span>
                {shop}
            </p>
            <h3 class="announcement-title" id=reportable.then(|| format!("announcement-{id}-by"))>{title}</h3>
            <p class="announcement-body">{body}</p>
            <p class="announcement-time">
                <time datetime=ends_at>{when}</time>
            </p>
            {children.map(|actions| view! { <div class="kept-actions">{actions()}</div> })}
            {reportable.then(|| view! { <ReportButton target=ReportTarget::Announcement id /> })}
        </li>
    }
}
