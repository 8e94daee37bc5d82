//! Data a page loads from the API: not yet there, there, or failed with a retry.
//!
//! A small effect plus a signal, lighter than a resource for a client-only app. The
//! fetch closure is tracked: when a signal it reads changes, the data loads again, and an
//! answer that arrives after a newer request started is dropped.

use std::future::Future;

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::ApiError;

pub struct Load<T: Send + Sync + 'static> {
    state: RwSignal<Option<Result<T, ApiError>>>,
    again: RwSignal<u32>,
}

impl<T: Send + Sync + 'static> Clone for Load<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Load<T> {}

impl<T: Clone + Send + Sync + 'static> Load<T> {
    pub fn new<Fut>(fetch: impl Fn() -> Fut + 'static) -> Self
    where
        Fut: Future<Output = Result<T, ApiError>> + 'static,
    {
        let state = RwSignal::new(None);
        let again = RwSignal::new(0u32);
        let latest = StoredValue::new(0u32);
        Effect::new(move |_| {
            again.track();
            let request = fetch();
            latest.update_value(|n| *n += 1);
            let mine = latest.get_value();
            spawn_local(async move {
                let answer = request.await;
                // The page may be gone by now (`try_`: a disposed value must not panic).
                if latest.try_get_value() == Some(mine) {
                    state.set(Some(answer));
                }
            });
        });
        Load { state, again }
    }

    /// `None` while loading.
    pub fn get(&self) -> Option<Result<T, ApiError>> {
        self.state.get()
    }

    /// Loads again while what is on screen stays, replaced when the answer comes (after
    /// an edit, say).
    pub fn refresh(&self) {
        self.again.update(|n| *n += 1);
    }

    /// Loads again, showing the loading state meanwhile.
    pub fn retry(&self) {
        self.state.set(None);
        self.again.update(|n| *n += 1);
    }
}

/// Lets the browser paint and take input before going on: what comes after runs in a task
/// of its own. For work that would otherwise join a long task on a slow phone.
pub async fn next_task() {
    let later = js_sys::Promise::new(&mut |resolve, _| {
        let queued = web_sys::window()
            .and_then(|w| w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0).ok());
        if queued.is_none() {
            let _ = resolve.call0(&wasm_bindgen::JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(later).await;
}
