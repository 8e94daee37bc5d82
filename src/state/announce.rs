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

    pub fn say(&self, message: impl Into<String>) {
        self.0.set(message.into());
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
