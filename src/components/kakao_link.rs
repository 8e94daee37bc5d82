//! A KakaoTalk channel link (카카오톡 채널), marked as KakaoTalk so people recognise it:
//! the district's and a shop's. The address was checked by the server
//! (`https://pf.kakao.com/…` only); it opens KakaoTalk or a new tab.

use leptos::prelude::*;

/// A plain function, not a component: it is on the district page's first load, where a
/// component's props builder costs more than the markup.
pub fn kakao_link(url: String, label: &'static str) -> impl IntoView {
    view! {
        <a href=url class="kakao-link" rel="noopener noreferrer" target="_blank">
            <span class="kakao-mark" aria-hidden="true">"TALK"</span>
            {label}
        </a>
    }
}
