//! Who is logged in. The token and user are kept in localStorage so a reload keeps the
//! person logged in; the server can still revoke the token, and a 401 forgets it.

use golmok_api::{AuthResponse, User};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::storage::{self, keys};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Stored {
    token: String,
    user: User,
}

#[derive(Debug, Clone, Copy)]
pub struct Session(RwSignal<Option<Stored>>);

pub fn use_session() -> Session {
    expect_context::<Session>()
}

impl Session {
    /// The session remembered on this device, if any.
    pub fn restore() -> Self {
        Session(RwSignal::new(storage::load::<Stored>(keys::SESSION)))
    }

    /// A session with nobody logged in, for tests.
    pub fn anonymous() -> Self {
        Session(RwSignal::new(None))
    }

    pub fn user(&self) -> Option<User> {
        self.0.with(|s| s.as_ref().map(|s| s.user.clone()))
    }

    pub fn is_logged_in(&self) -> bool {
        self.0.with(Option::is_some)
    }

    pub fn token_untracked(&self) -> Option<String> {
        self.0.with_untracked(|s| s.as_ref().map(|s| s.token.clone()))
    }

    pub fn sign_in(&self, auth: AuthResponse) {
        let stored = Stored { token: auth.token, user: auth.user };
        storage::save(keys::SESSION, &stored);
        self.0.set(Some(stored));
    }

    /// Forgets the token on this device (the server side is `Api::logout`).
    pub fn forget(&self) {
        storage::remove(keys::SESSION);
        if self.0.with_untracked(Option::is_some) {
            self.0.set(None);
        }
    }

    /// Keeps the remembered user in step with the server (a renamed account, say). The
    /// same user again changes nothing, so pages that follow the session do not reload.
    pub fn refresh_user(&self, user: User) {
        if self.0.with_untracked(|s| s.as_ref().is_some_and(|s| s.user == user)) {
            return;
        }
        self.0.update(|s| {
            if let Some(s) = s {
                s.user = user;
                storage::save(keys::SESSION, s);
            }
        });
    }
}
