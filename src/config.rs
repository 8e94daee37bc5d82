//! Deploy-time settings read from `index.html`, so one build serves any host:
//! `<base href="/portal/">` is where the app lives, `<meta name="golmok-api" content="…">`
//! where the API lives (empty: the same origin).

use wasm_bindgen::JsCast;

/// Where the app is mounted.
pub fn mount_point() -> Option<web_sys::HtmlElement> {
    let el = document()?.get_element_by_id("app")?;
    el.dyn_into().ok()
}

pub fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// The router base: the path of `<base href>`, without its trailing slash ("" at the root).
pub fn base_path() -> String {
    let base = document().and_then(|d| d.base_uri().ok().flatten()).unwrap_or_default();
    let path = web_sys::Url::new(&base).map(|u| u.pathname()).unwrap_or_default();
    path.trim_end_matches('/').to_owned()
}

/// The build this page runs: the script `<meta name="golmok-boot">` started (its file
/// name carries the build's content hash). `None` where the app was not booted from
/// index.html (the wasm tests).
pub fn running_build() -> Option<String> {
    let meta = document()?.query_selector("meta[name=golmok-boot]").ok()??;
    let js = meta.get_attribute("data-js")?;
    let name = js.rsplit('/').next()?.to_owned();
    (!name.is_empty()).then_some(name)
}

/// `index.html` as the server has it now, bypassing every cache.
pub async fn fetch_index_html() -> Option<String> {
    let base = document()?.base_uri().ok()??;
    let url = web_sys::Url::new_with_base("index.html", &base).ok()?.href();
    // A stalled connection must not keep the page waiting: then there is no answer.
    let timeout = web_sys::AbortSignal::timeout_with_u32(15_000);
    let response = gloo_net::http::Request::get(&url)
        .cache(web_sys::RequestCache::NoStore)
        .abort_signal(Some(&timeout))
        .send()
        .await
        .ok()?;
    if !response.ok() {
        return None;
    }
    response.text().await.ok()
}

/// Root of the JSON API, e.g. `https://golmok.example.org/api/v1`.
pub fn api_root() -> String {
    let configured = document()
        .and_then(|d| d.query_selector("meta[name=golmok-api]").ok().flatten())
        .and_then(|m| m.get_attribute("content"))
        .unwrap_or_default();
    api_root_from(&configured, &origin())
}

fn origin() -> String {
    web_sys::window().and_then(|w| w.location().origin().ok()).unwrap_or_default()
}

/// `configured` may be empty (same origin), an absolute URL, or a path on this origin.
pub fn api_root_from(configured: &str, origin: &str) -> String {
    let configured = configured.trim().trim_end_matches('/');
    let server = if configured.is_empty() {
        origin.to_owned()
    } else if configured.starts_with('/') {
        format!("{origin}{configured}")
    } else {
        configured.to_owned()
    };
    format!("{server}{}", golmok_api::API_PREFIX)
}

/// The `href` for an app path such as `/d/eungubi-seo`: relative, so it resolves against
/// `<base href>` and works under a sub-path. The router still handles the click.
pub fn link(path: impl AsRef<str>) -> String {
    match path.as_ref().trim_start_matches('/') {
        "" => "./".to_owned(),
        relative => relative.to_owned(),
    }
}
