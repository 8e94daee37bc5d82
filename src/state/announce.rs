//! One polite live region for the whole app: vote and submit results are read out by
//! screen readers without moving focus.

use leptos::prelude::*;

#[derive(Debug, Clone, Copy)]
pub struct Announcer(RwSignal<String>);

pub fn use_announcer() -> Announcer {
    expect_context::<Announcer>()
}

impl Announcer {
    pub fn new() -> Self {
        Announcer(RwSignal::new(String::new()))
    }

    /// Screen readers only speak a change: the region is emptied first and filled a
    /// moment later, so the same message twice (a second failed vote) is read twice.
    pub fn say(&self, message: impl Into<String>) {
        let (region, message) = (self.0, message.into());
        region.set(String::new());
        set_timeout(move || region.set(message), std::time::Duration::from_millis(60));
    }

    pub fn message(&self) -> String {
        self.0.get()
    }
}

impl Default for Announcer {
    fn default() -> Self {
        Self::new()
    }
}
