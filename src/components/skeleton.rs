//! Placeholders of the same shape as the content, so nothing jumps when data arrives.

use leptos::prelude::*;

#[component]
pub fn CardSkeletons(#[prop(default = 3)] count: usize) -> impl IntoView {
    view! {
        <div class="skeletons" aria-busy="true">
            <span class="sr-only">{tr!(loading)}</span>
            {(0..count)
                .map(|_| {
                    view! {
                        <div class="card skeleton-card" aria-hidden="true">
                            <span class="skeleton skeleton-badge"></span>
                            <span class="skeleton skeleton-title"></span>
                            <span class="skeleton skeleton-line"></span>
                            <span class="skeleton skeleton-counts"></span>
                        </div>
                    }
                })
                .collect_view()}
        </div>
    }
}

#[component]
pub fn DetailSkeleton() -> impl IntoView {
    view! {
        <div class="detail-skeleton" aria-busy="true">
            <span class="sr-only">{tr!(loading)}</span>
            <div aria-hidden="true">
                <span class="skeleton skeleton-badge"></span>
                <span class="skeleton skeleton-heading"></span>
                <span class="skeleton skeleton-line"></span>
                <span class="skeleton skeleton-line"></span>
                <span class="skeleton skeleton-line short"></span>
                <span class="skeleton skeleton-button"></span>
            </div>
        </div>
    }
}
