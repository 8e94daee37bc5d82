//! The browser's localStorage, as JSON. Storage can be missing or full (private mode,
//! quota): every call degrades to "nothing stored" instead of failing.

use serde::{Serialize, de::DeserializeOwned};

fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn load<T: DeserializeOwned>(key: &str) -> Option<T> {
    let raw = local()?.get_item(key).ok().flatten()?;
    crate::json::parse(&raw)
}

pub fn save<T: Serialize>(key: &str, value: &T) {
    if let (Some(storage), Some(raw)) = (local(), crate::json::stringify(value)) {
        let _ = storage.set_item(key, &raw);
    }
}

pub fn remove(key: &str) {
    if let Some(storage) = local() {
        let _ = storage.remove_item(key);
    }
}

/// Storage keys, in one place so two features never share one by accident.
pub mod keys {
    pub const SESSION: &str = "golmok.session";
    pub const LANG: &str = "golmok.lang";

    pub fn proposal_draft(district: &str) -> String {
        format!("golmok.draft.proposal.{district}")
    }

    pub fn comment_draft(proposal_id: i64) -> String {
        format!("golmok.draft.comment.{proposal_id}")
    }
}
