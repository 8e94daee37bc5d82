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

/// Removes every key starting with `prefix`.
pub fn remove_all(prefix: &str) {
    let Some(storage) = local() else { return };
    let count = storage.length().unwrap_or(0);
    let keys: Vec<String> =
        (0..count).filter_map(|i| storage.key(i).ok().flatten()).filter(|k| k.starts_with(prefix)).collect();
    for key in keys {
        let _ = storage.remove_item(&key);
    }
}

/// Keeps `value` under `key`, or removes the key when there is nothing worth keeping.
pub fn save_or_remove<T: Serialize>(key: &str, value: &T, blank: bool) {
    if blank { remove(key) } else { save(key, value) }
}

/// Storage keys, in one place so two features never share one by accident.
pub mod keys {
    pub const SESSION: &str = "golmok.session";
    pub const LANG: &str = "golmok.lang";
    /// Every draft's key starts with this.
    pub const DRAFTS: &str = "golmok.draft.";

    pub fn proposal_draft(district: &str) -> String {
        format!("{DRAFTS}proposal.{district}")
    }

    pub fn comment_draft(proposal_id: i64) -> String {
        format!("{DRAFTS}comment.{proposal_id}")
    }

    /// A shop's or a district's news not posted yet (`poster`: `shop-1`, `district-x`).
    pub fn news_draft(poster: &str) -> String {
        format!("{DRAFTS}news.{poster}")
    }

    pub fn answer_draft(proposal_id: i64, shop_id: i64) -> String {
        format!("{DRAFTS}answer.{proposal_id}.{shop_id}")
    }
}
