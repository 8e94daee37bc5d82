//! Every list the API pages through (proposals, comments, shops, announcements): the
//! first page, loaded again when what it depends on changes, then "show more" along the
//! cursor.
//!
//! A failed first page is the list's error with a retry. A failed "show more" keeps what
//! is shown and offers that very page again: someone who scrolled through forty shops on
//! a weak connection must not be sent back to the top.

use std::future::Future;
use std::pin::Pin;

use golmok_api::Page;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::ApiError;
use crate::components::load_error::{LoadError, error_text};
use crate::components::skeleton::CardSkeletons;

type Fetch<T> =
    Box<dyn Fn(Option<String>) -> Pin<Box<dyn Future<Output = Result<Page<T>, ApiError>>>> + Send + Sync>;

/// Where the first page is.
#[derive(Debug, Clone, PartialEq)]
pub enum First {
    Loading,
    Failed(ApiError),
    Ready,
}

/// What holds a list's place while its first page loads: a line, or card skeletons where
/// the list is the page's main content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placeholder {
    Line,
    Cards,
}

/// Where the next page is, while there is one.
#[derive(Debug, Clone, PartialEq)]
enum More {
    Idle,
    Busy,
    Failed(ApiError),
}

/// Everything in one signal: fewer signal types is less code in the first load.
struct State<T> {
    items: Vec<T>,
    next: Option<String>,
    first: First,
    more: More,
}

pub struct Paged<T: Send + Sync + 'static> {
    state: RwSignal<State<T>>,
    again: RwSignal<u32>,
    // Answers for an older filter, or to a page since reloaded, are dropped.
    generation: StoredValue<u32>,
    fetch: StoredValue<Fetch<T>>,
    key: fn(&T) -> i64,
}

impl<T: Send + Sync + 'static> Clone for Paged<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Paged<T> {}

impl<T: Clone + Send + Sync + 'static> Paged<T> {
    /// `fetch(cursor)` asks for a page; signals it reads for the first page (`None`) are
    /// tracked, and a change loads the list again from the top. `key` tells items apart:
    /// counts move while someone reads, so an item can come back on a later page and
    /// must not show twice.
    pub fn new<Fut>(fetch: impl Fn(Option<String>) -> Fut + Send + Sync + 'static, key: fn(&T) -> i64) -> Self
    where
        Fut: Future<Output = Result<Page<T>, ApiError>> + 'static,
    {
        let paged = Paged {
            state: RwSignal::new(State {
                items: Vec::new(),
                next: None,
                first: First::Loading,
                more: More::Idle,
            }),
            again: RwSignal::new(0),
            generation: StoredValue::new(0),
            fetch: StoredValue::new(Box::new(move |cursor| Box::pin(fetch(cursor)) as Pin<Box<_>>)),
            key,
        };
        Effect::new(move |_| {
            paged.again.track();
            let request = paged.fetch.with_value(|f| f(None));
            paged.generation.update_value(|g| *g += 1);
            let mine = paged.generation.get_value();
            paged.state.update(|s| {
                s.first = First::Loading;
                s.more = More::Idle;
            });
            spawn_local(async move {
                let answer = request.await;
                // Drawing a long list joins whatever long task is running (on a first
                // visit, the one that starts the app): let the browser paint first.
                crate::state::load::next_task().await;
                if !paged.is_current(mine) {
                    return;
                }
                paged.state.update(|s| match answer {
                    Ok(page) => {
                        s.items = page.items;
                        s.next = page.next_cursor;
                        s.first = First::Ready;
                    }
                    Err(e) => s.first = First::Failed(e),
                });
            });
        });
        paged
    }

    /// Whether the request `mine` is still the latest, and the page still there (`try_`:
    /// a disposed value must not panic).
    fn is_current(&self, mine: u32) -> bool {
        self.generation.try_get_value() == Some(mine)
    }

    pub fn first(&self) -> First {
        self.state.with(|s| s.first.clone())
    }

    pub fn items(&self) -> Vec<T> {
        self.state.with(|s| s.items.clone())
    }

    pub fn is_empty(&self) -> bool {
        self.state.with(|s| s.items.is_empty())
    }

    /// Takes the item with this key off the list: it was dealt with here.
    pub fn remove(&self, key: i64) {
        let of = self.key;
        self.state.update(|s| s.items.retain(|item| of(item) != key));
    }

    /// Puts `item` where the item with its key is: it was changed here.
    pub fn replace(&self, item: T) {
        let of = self.key;
        let key = of(&item);
        self.state.update(|s| {
            if let Some(shown) = s.items.iter_mut().find(|shown| of(shown) == key) {
                *shown = item;
            }
        });
    }

    /// How many items are shown, and whether there are more.
    pub fn count(&self) -> (usize, bool) {
        self.state.with(|s| (s.items.len(), s.next.is_some()))
    }

    /// Loads the list again from the top, showing the loading state meanwhile.
    pub fn retry(&self) {
        self.again.update(|n| *n += 1);
    }

    /// The next page, after the last one shown; again after a failure.
    pub fn load_more(&self) {
        let paged = *self;
        let cursor = paged.state.with_untracked(|s| s.next.clone().filter(|_| s.more != More::Busy));
        let Some(cursor) = cursor else { return };
        let mine = paged.generation.get_value();
        paged.state.update(|s| s.more = More::Busy);
        let request = untrack(|| paged.fetch.with_value(|f| f(Some(cursor))));
        spawn_local(async move {
            let answer = request.await;
            if !paged.is_current(mine) {
                return;
            }
            paged.state.update(|s| match answer {
                Ok(page) => {
                    for item in page.items {
                        let key = (paged.key)(&item);
                        if !s.items.iter().any(|shown| (paged.key)(shown) == key) {
                            s.items.push(item);
                        }
                    }
                    s.next = page.next_cursor;
                    s.more = More::Idle;
                }
                Err(e) => s.more = More::Failed(e),
            });
        });
    }

    /// The list as most lists show it: `waiting` while the first page loads, its error
    /// with a retry, `empty` when there is nothing, else each item drawn by `item` in
    /// `<ul class=class role="list">`, and "show more". (The district feed and the shop
    /// directory say more when a filter finds nothing, and the conversation and the
    /// timeline are no plain list: they match on [`Paged::first`] themselves.)
    pub fn view<V: IntoView + 'static>(
        self,
        waiting: Placeholder,
        class: &'static str,
        empty: &'static str,
        item: impl Fn(T) -> V + Clone + Send + Sync + 'static,
    ) -> impl IntoView {
        move || match self.first() {
            First::Loading if waiting == Placeholder::Cards => view! { <CardSkeletons /> }.into_any(),
            First::Loading => view! { <p class="muted">{tr!(loading)}</p> }.into_any(),
            First::Failed(error) => view! { <LoadError error on_retry=move || self.retry() /> }.into_any(),
            First::Ready if self.is_empty() => view! { <p class="empty">{empty}</p> }.into_any(),
            First::Ready => {
                let item = item.clone();
                view! {
                    <ul class=class role="list">
                        {move || self.items().into_iter().map(item.clone()).collect_view()}
                    </ul>
                    {self.show_more()}
                }
                .into_any()
            }
        }
    }

    /// The "show more" button, while there is more, with what went wrong last time.
    pub fn show_more(&self) -> impl IntoView + use<T> {
        let paged = *self;
        let more = Signal::derive(move || paged.state.with(|s| s.next.as_ref().map(|_| s.more.clone())));
        view! { <ShowMore more on_more=Callback::new(move |()| paged.load_more()) /> }
    }
}

/// Not generic, so every list shares one copy of it in the wasm. `more` is `None` when
/// there is nothing more.
#[component]
fn ShowMore(more: Signal<Option<More>>, on_more: Callback<()>) -> impl IntoView {
    move || {
        more.get().map(|state| {
            let failed = match &state {
                More::Failed(e) => Some(view! { <p class="form-error" role="alert">{error_text(e)}</p> }),
                _ => None,
            };
            let label = match state {
                More::Busy => tr!(loading),
                More::Failed(_) => tr!(retry),
                More::Idle => tr!(load_more),
            };
            view! {
                {failed}
                <button
                    type="button"
                    class="button button-secondary button-wide"
                    disabled=state == More::Busy
                    on:click=move |_| on_more.run(())
                >
                    {label}
                </button>
            }
        })
    }
}
