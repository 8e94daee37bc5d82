//! Pages whose code is fetched the first time they are visited, so a resident opening a
//! district from a messenger link downloads the district page and nothing else.
//!
//! The release build (`scripts/build-wasm.mjs`) compiles with `--cfg golmok_split` and
//! cuts the wasm at every [`lazy_page!`](crate::lazy_page): each such page lands in a
//! chunk of its own, fetched when its route first shows. Builds without the split step
//! (`trunk serve`, the wasm tests) keep every page in the one wasm file and run the very
//! same code, with loads that succeed at once.
//!
//! A failed fetch must never be a blank page or a panic (a panic aborts the whole app):
//! the split points are `fallible`, the page shows the usual error with a retry, and a
//! tab that outlived a deploy (whose chunks are gone from the server) reloads into the
//! new build instead.

use std::future::Future;
use std::pin::{Pin, pin};
use std::task::{Context, Poll, Waker};

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::ApiError;
use crate::components::load_error::LoadError;
use crate::components::skeleton::DetailSkeleton;

/// The code of a page could not be fetched: offline, or gone with a deploy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ChunkError;

impl From<leptos::wasm_split::SplitLoaderError> for ChunkError {
    fn from(_: leptos::wasm_split::SplitLoaderError) -> Self {
        ChunkError
    }
}

type Loading<T> = Pin<Box<dyn Future<Output = Result<T, ChunkError>>>>;

/// A page, or a part of one (see [`part`]), that lives in a chunk of its own. Made by
/// [`lazy_page!`](crate::lazy_page).
#[derive(Clone, Copy)]
pub struct LazyPage {
    /// Fetches and starts the chunk; does nothing once it is there.
    pub preload: fn() -> Loading<()>,
    /// Renders the page. Completes at once when the chunk is there.
    pub view: fn() -> Loading<AnyView>,
}

/// Declares a page (or a part of one, a component without props that reads the page's
/// context) kept in a chunk of its own:
/// `lazy_page!(pub const LOGIN in page_login = login::LoginPage);`.
///
/// The chunk name must be unique: it names the chunk file and the split point's symbols.
#[macro_export]
macro_rules! lazy_page {
    ($vis:vis const $name:ident in $chunk:ident = $page:path) => {
        $vis const $name: $crate::lazy::LazyPage = {
            #[cfg(golmok_split)]
            #[::leptos::wasm_split::wasm_split(
                $chunk,
                wasm_split_path = ::leptos::wasm_split,
                fallible,
                preload(preload)
            )]
            fn $chunk() -> ::core::result::Result<::leptos::prelude::AnyView, $crate::lazy::ChunkError> {
                ::core::result::Result::Ok(::leptos::prelude::IntoAny::into_any($page()))
            }

            #[cfg(not(golmok_split))]
            async fn preload() -> ::core::result::Result<(), $crate::lazy::ChunkError> {
                ::core::result::Result::Ok(())
            }

            #[cfg(not(golmok_split))]
            async fn $chunk() -> ::core::result::Result<::leptos::prelude::AnyView, $crate::lazy::ChunkError> {
                ::core::result::Result::Ok(::leptos::prelude::IntoAny::into_any($page()))
            }

            $crate::lazy::LazyPage {
                preload: || {
                    ::std::boxed::Box::pin(async {
                        preload().await.map_err($crate::lazy::ChunkError::from)
                    })
                },
                view: || ::std::boxed::Box::pin($chunk()),
            }
        };
    };
}

/// What a lazy route renders: a skeleton while the page's code loads, then the page;
/// the page's error with a retry if the code cannot be fetched.
pub fn page(page: LazyPage) -> impl IntoView {
    show(page, Box::new(|| view! { <DetailSkeleton /> }.into_any()), true)
}

/// A part of a page kept in a chunk of its own (declared with [`lazy_page!`](crate::lazy_page)
/// too): `waiting` in its place while its code loads, an error with a retry in its place
/// if the code cannot be fetched. The part reads what it shows from the page's context.
pub fn part(part: LazyPage, waiting: impl Fn() -> AnyView + Send + Sync + 'static) -> impl IntoView {
    show(part, Box::new(waiting), false)
}

/// Not generic over `waiting`: one copy of this for every page and part.
fn show(lazy: LazyPage, waiting: Box<dyn Fn() -> AnyView + Send + Sync>, whole_page: bool) -> impl IntoView {
    let loaded = RwSignal::new(None::<Result<(), ChunkError>>);
    let load = move || {
        spawn_local(async move {
            let outcome = (lazy.preload)().await;
            if outcome.is_err() && reload_if_deployed().await {
                return;
            }
            // The visitor may have gone elsewhere meanwhile (`try_`: no panic then).
            loaded.try_set(Some(outcome));
        })
    };
    load();
    let retry = move || {
        loaded.set(None);
        load();
    };
    let failed =
        move || view! { <LoadError error=ApiError::Network on_retry=retry page=whole_page /> }.into_any();
    move || match loaded.get() {
        None => waiting(),
        // Rendered here, not in the task above, so the view belongs to this owner and
        // sees the page's context.
        Some(Ok(())) => now(lazy.view).unwrap_or_else(failed),
        Some(Err(ChunkError)) => failed(),
    }
}

/// Fetches a page's code once the browser has nothing better to do, for a page the
/// visitor is likely to open next, so it opens at once. Not for someone who asked their
/// browser to save data. A failure is forgotten: the visit itself will try again.
pub fn prefetch_when_idle(page: LazyPage) {
    use wasm_bindgen::JsCast as _;
    use wasm_bindgen::closure::Closure;

    let Some(window) = web_sys::window() else { return };
    let connection = js_sys::Reflect::get(&window.navigator(), &"connection".into()).ok();
    let save_data = connection
        .and_then(|c| js_sys::Reflect::get(&c, &"saveData".into()).ok())
        .is_some_and(|s| s.is_truthy());
    if save_data {
        return;
    }
    let fetch = Closure::once_into_js(move || {
        spawn_local(async move {
            let _ = (page.preload)().await;
        })
    });
    // Safari has no requestIdleCallback: a second's wait stands in for it.
    let idle = js_sys::Reflect::get(&window, &"requestIdleCallback".into()).ok();
    match idle.and_then(|f| f.dyn_into::<js_sys::Function>().ok()) {
        Some(request_idle) => {
            let _ = request_idle.call1(&window, &fetch);
        }
        None => {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(fetch.unchecked_ref(), 1000);
        }
    }
}

/// The page, if its code is loaded: then the split point answers without waiting.
fn now(view: fn() -> Loading<AnyView>) -> Option<AnyView> {
    let mut future = pin!(view());
    match future.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(Ok(view)) => Some(view),
        Poll::Ready(Err(ChunkError)) | Poll::Pending => None,
    }
}

/// A tab opened before a deploy asks for chunks the server no longer has. When
/// `index.html` now starts another build, reload into it (the address stays, drafts are
/// in storage) instead of failing for good. Once per build, so a server that keeps
/// answering differently cannot make the page reload in a loop.
async fn reload_if_deployed() -> bool {
    let Some(running) = crate::config::running_build() else { return false };
    let Some(index) = crate::config::fetch_index_html().await else { return false };
    if index.contains(running.as_str()) {
        return false;
    }
    const KEY: &str = "golmok.reloaded-from";
    let Some(session) = web_sys::window().and_then(|w| w.session_storage().ok().flatten()) else {
        return false;
    };
    if session.get_item(KEY).ok().flatten().as_deref() == Some(running.as_str()) {
        return false;
    }
    let _ = session.set_item(KEY, &running);
    web_sys::window().is_some_and(|w| w.location().reload().is_ok())
}
