//! Everything that is not the JSON API: the built SPA's files, their cache headers, and
//! the security headers every response carries.

use std::{path::PathBuf, sync::Arc};

use axum::{
    body::Body,
    extract::{Request, State},
    http::{HeaderValue, Method, StatusCode, header},
    middleware::Next,
    response::{IntoResponse, Response},
};
use tower::ServiceExt as _;
use tower_http::services::{ServeDir, ServeFile};

use crate::{AppState, error::ApiError, first_paint, link_preview};

pub fn is_api_path(path: &str) -> bool {
    path == "/api" || path.starts_with("/api/")
}

/// `Content-Security-Policy` for the SPA (and harmless on API answers). WebAssembly needs
/// `wasm-unsafe-eval`; nothing else is loosened. `connect_src` adds origins of an API
/// hosted elsewhere; anything that is not an origin is an error, since a `;` in it would
/// add directives of its own. Only the portal itself may frame its pages; the widget's
/// page says otherwise ([`embed_policy`]).
pub fn content_security_policy(connect_src: &[String]) -> anyhow::Result<String> {
    Ok(format!("{}'self'", policy_before_frames(connect_src)?))
}

/// The policy up to the value of `frame-ancestors`, which ends it.
fn policy_before_frames(connect_src: &[String]) -> anyhow::Result<String> {
    let mut connect = String::from("'self'");
    for origin in crate::config::origins("--connect-src", connect_src)? {
        connect.push(' ');
        connect.push_str(&origin);
    }
    Ok(format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; connect-src {connect}; font-src 'self'; object-src 'none'; \
         base-uri 'self'; form-action 'self'; frame-ancestors "
    ))
}

/// The policy of a district's widget: the same, but framed by the sites its moderators
/// allow besides the portal itself (the "put this on your website" preview), or by any
/// site when they list none. `None`: the portal only. The origins are checked ones
/// (`golmok_api::validate::embed_origins`): no `;` or space.
pub fn embed_policy(before_frames: &str, origins: Option<&[String]>) -> String {
    match origins {
        Some([]) => format!("{before_frames}*"),
        Some(list) => format!("{before_frames}'self' {}", list.join(" ")),
        None => format!("{before_frames}'self'"),
    }
}

/// `Cache-Control` of every answer under `/api`. They carry tokens, emails and per-user
/// `voted` flags, so no shared cache may keep them and the browser must not show them
/// again from its back/forward cache after a logout; `no-store` also makes `Vary:
/// Authorization` unnecessary. Only the health check and the OpenAPI document are the
/// same for everyone, and may be kept if revalidated.
pub async fn api_cache_control(req: Request, next: Next) -> Response {
    let path = req.uri().path();
    let is_api = is_api_path(path);
    let public = matches!(*req.method(), Method::GET | Method::HEAD)
        && path
            .strip_prefix(golmok_api::API_PREFIX)
            .is_some_and(|rest| rest == "/health" || rest == "/openapi.json");
    let mut res = next.run(req).await;
    if is_api {
        let value = if public { "no-cache" } else { "no-store" };
        res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    }
    res
}

/// The SPA's build output directory.
#[derive(Clone)]
pub struct StaticSite {
    dir: Arc<PathBuf>,
    /// The security policy up to `frame-ancestors`, for the widget's page.
    policy_before_frames: Arc<str>,
    /// `--public-url`, checked: what link previews name.
    public_url: Option<Arc<str>>,
}

impl StaticSite {
    pub fn new(dir: PathBuf, connect_src: &[String], public_url: Option<String>) -> anyhow::Result<Self> {
        Ok(StaticSite {
            dir: Arc::new(dir),
            policy_before_frames: policy_before_frames(connect_src)?.into(),
            public_url: public_url.map(Into::into),
        })
    }

    /// The district widget's page, `embed.html` (public/embed.html: plain HTML and a small
    /// script, no app), for any district: the script reads the district from the address.
    /// What differs per district is who may frame it. A district that does not exist gets
    /// the page too, with a 404, framed anywhere, so the page can say so where it was put.
    /// A list that cannot be read (the database) or fails its check frames it nowhere
    /// but on the portal.
    async fn embed(&self, state: &AppState, slug: &str) -> Response {
        let Ok(page) = tokio::fs::read(self.dir.join("embed.html")).await else {
            return (StatusCode::NOT_FOUND, "This build has no embed.html.\n").into_response();
        };
        let origins = match state.store.embed_origins(slug).await {
            Ok(origins) => origins,
            Err(error) => {
                tracing::warn!(%error, slug, "embed: the district's sites did not load");
                return ApiError::from(error).into_response();
            }
        };
        // An unknown district has nothing to keep from anyone: the page may say so in any
        // frame. The list is checked again as it goes into a header, whatever wrote it.
        let (status, origins) = match origins {
            Some(list) => (StatusCode::OK, golmok_api::validate::embed_origins(&list).ok()),
            None => (StatusCode::NOT_FOUND, Some(Vec::new())),
        };
        let policy = embed_policy(&self.policy_before_frames, origins.as_deref());
        let Ok(policy) = HeaderValue::from_str(&policy) else {
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        };
        let headers = [
            (header::CONTENT_TYPE, HeaderValue::from_static("text/html; charset=utf-8")),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-cache")),
            (header::CONTENT_SECURITY_POLICY, policy),
        ];
        (status, headers, page).into_response()
    }

    /// A file of the build, or index.html for an SPA route. Only names without an
    /// extension are routes: a missing `/app.js` must be a 404, not HTML that the
    /// browser would try to run as script.
    ///
    /// The build writes `.br` and `.gz` beside each hashed file, compressed harder than
    /// is affordable per request (brotli 11 is a fifth smaller than on the fly here); a
    /// browser gets one of those when it accepts it, else the compression layer's.
    async fn serve(&self, req: Request) -> Response {
        let name = req.uri().path().rsplit('/').next().unwrap_or_default().to_owned();
        let has_extension = name.contains('.');
        let files = ServeDir::new(self.dir.as_path()).precompressed_br().precompressed_gzip();
        let res = if has_extension {
            files.oneshot(req).await
        } else {
            files.fallback(ServeFile::new(self.dir.join("index.html"))).oneshot(req).await
        };
        let mut res = match res {
            Ok(res) => res.map(Body::new),
            Err(never) => match never {},
        };
        // The build puts a content hash in asset names (chunks too), so those never
        // change and can be cached for good; everything else (index.html above all) must be revalidated so
        // a deploy is seen at once. A 304 confirms the copy the browser has, so it must
        // not downgrade that copy's policy.
        let found = res.status().is_success() || res.status() == StatusCode::NOT_MODIFIED;
        let cache = if has_extension && found && has_content_hash(&name) {
            "public, max-age=31536000, immutable"
        } else {
            "no-cache"
        };
        res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
        // The same URL answers different bytes by Accept-Encoding: a shared cache must
        // keep them apart. (The compression layer adds this only to what it compresses.)
        res.headers_mut().entry(header::VARY).or_insert(HeaderValue::from_static("accept-encoding"));
        res
    }

    /// `index.html` for a district, a proposal or a shop, as a link to it is shared: with
    /// its link preview (`crate::link_preview`) and, for a district, the district drawn
    /// in (`crate::first_paint`). `None` for what the public cannot see, a database that
    /// does not answer in time, or an `index.html` without the marks: then the plain one
    /// serves, and the page draws itself.
    async fn shared_page(&self, state: &AppState, ask: Shared) -> Option<Response> {
        let index = tokio::fs::read_to_string(self.dir.join("index.html")).await.ok()?;
        if !first_paint::has_marks(&index) {
            return None;
        }
        // The page must never wait on a slow database: then it draws itself.
        let found = match tokio::time::timeout(FIRST_PAINT_WAIT, found(state, &ask.target)).await {
            Ok(Ok(found)) => found?,
            Ok(Err(error)) => {
                tracing::warn!(%error, path = ask.path, "shared page: the database did not answer");
                return None;
            }
            Err(_) => {
                tracing::warn!(path = ask.path, "shared page: the database took too long");
                return None;
            }
        };
        let visit = first_paint::Visit::of(&ask.query, ask.cookie.as_deref(), ask.accept_language.as_deref());
        let lang = visit.lang;
        let pick =
            |ko: &str, en: &str| if lang == "en" && !en.trim().is_empty() { en } else { ko }.to_owned();
        let district = &found.district;
        let district_name = pick(&district.name, &district.name_en);
        let (html, card) = match &found.item {
            Item::District => {
                let html = first_paint::render(&index, district, visit)?;
                let text = pick(&district.description, &district.description_en);
                (
                    html,
                    link_preview::Card {
                        title: district_name.clone(),
                        description: link_preview::short(&text, 120),
                        district: district_name,
                        path: format!("d/{}", district.slug),
                        lang,
                    },
                )
            }
            Item::Proposal(p) => (
                index.clone(),
                link_preview::Card {
                    title: p.title.clone(),
                    description: link_preview::short(&p.body, 120),
                    district: district_name,
                    path: format!("d/{}/proposals/{}", district.slug, p.id),
                    lang,
                },
            ),
            Item::Shop(shop) => (
                index.clone(),
                link_preview::Card {
                    title: pick(&shop.name, &shop.name_en),
                    description: link_preview::short(&pick(&shop.description, &shop.description_en), 120),
                    district: district_name,
                    path: format!("d/{}/shops/{}", district.slug, shop.id),
                    lang,
                },
            ),
        };
        // Without `--public-url`, the address the request names, under the app's
        // `<base href>`; without a usable one, the page goes out without a card.
        let public = match &self.public_url {
            Some(url) => Some(url.to_string()),
            None => ask
                .host
                .as_deref()
                .zip(first_paint::base_path(&index))
                .map(|(host, base)| format!("http://{host}{base}")),
        };
        let app_name = first_paint::word(&index, lang, "app_name").unwrap_or_else(|| "골목".to_owned());
        let html = match public {
            Some(public) => link_preview::insert(&html, &card, &public, &app_name).unwrap_or(html),
            None => html,
        };
        Some(
            (
                [
                    (header::CONTENT_TYPE, "text/html; charset=utf-8"),
                    (header::CACHE_CONTROL, "no-cache"),
                    // Drawn in the language these choose.
                    (header::VARY, "accept-encoding, accept-language, cookie"),
                ],
                html,
            )
                .into_response(),
        )
    }
}

/// What a shared address shows, if the public may see it, with its district.
struct Found {
    district: golmok_api::District,
    item: Item,
}

enum Item {
    District,
    Proposal(Box<golmok_api::Proposal>),
    Shop(Box<golmok_api::Shop>),
}

/// The district, proposal or shop `target` names, as anyone may see it: a hidden
/// proposal or an unlisted shop is not found, and so is one named under another
/// district's address.
async fn found(state: &AppState, target: &link_preview::Target) -> crate::db::StoreResult<Option<Found>> {
    use link_preview::Target;
    let store = &state.store;
    let (slug, item) = match target {
        Target::District { slug } => (slug, Item::District),
        Target::Proposal { slug, id } => match store.get_proposal(*id, None).await? {
            Some(p) if p.district_slug == *slug => (slug, Item::Proposal(Box::new(p))),
            _ => return Ok(None),
        },
        Target::Shop { slug, id } => match store.shop(*id, crate::db::clock::seoul_now(), None).await? {
            Some(owned) if owned.shop.district_slug == *slug => (slug, Item::Shop(Box::new(owned.shop))),
            _ => return Ok(None),
        },
    };
    let district = match item {
        // The district's home draws its news too.
        Item::District => crate::routes::districts::home(store, slug).await?,
        _ => store.get_district(slug).await?.map(|(_, district)| district),
    };
    Ok(district.map(|district| Found { district, item }))
}

/// What a GET of a shared address asks for, taken from the request before any await.
struct Shared {
    target: link_preview::Target,
    path: String,
    query: Vec<(String, String)>,
    cookie: Option<String>,
    accept_language: Option<String>,
    host: Option<String>,
}

impl Shared {
    fn of(req: &Request) -> Option<Self> {
        if req.method() != Method::GET {
            return None;
        }
        let path = req.uri().path();
        let target = link_preview::Target::of(path)?;
        let header =
            |name| req.headers().get(name).and_then(|v: &HeaderValue| v.to_str().ok()).map(str::to_owned);
        Some(Shared {
            target,
            path: path.to_owned(),
            query: serde_urlencoded::from_str(req.uri().query().unwrap_or_default()).unwrap_or_default(),
            cookie: header(header::COOKIE),
            accept_language: header(header::ACCEPT_LANGUAGE),
            // Only a plain host[:port] is written into the page.
            host: header(header::HOST).filter(|h| {
                !h.is_empty()
                    && h.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']'))
            }),
        })
    }
}

/// How long a district's first paint may wait for the database before `index.html` goes
/// out as built.
const FIRST_PAINT_WAIT: std::time::Duration = std::time::Duration::from_millis(300);

/// The slug of a district's widget, `/embed/d/{slug}`. No trailing `/`: the page names its
/// files relative to its own address (`../../`), so it works under any sub-path.
fn embed_page(path: &str) -> Option<&str> {
    path.strip_prefix("/embed/d/").filter(|slug| link_preview::is_slug(slug))
}

/// Whether a file name carries a content hash: `-`, then the hash in lowercase hex (Trunk
/// prints a 64-bit hash without leading zeros, so 10 to 16 digits; scripts/build-wasm.mjs
/// always 16), then the extension or a suffix such as `_bg.wasm`.
pub fn has_content_hash(name: &str) -> bool {
    let bytes = name.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        let hex =
            bytes[i + 1..].iter().take_while(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(c)).count();
        b == b'-' && (10..=16).contains(&hex) && matches!(bytes.get(i + 1 + hex), Some(b'.' | b'_'))
    })
}

/// Whatever no API route matched: a JSON 404 under `/api`, else the SPA if configured.
pub async fn fallback(State(state): State<AppState>, req: Request) -> Response {
    if is_api_path(req.uri().path()) {
        return ApiError::NotFound("route").into_response();
    }
    match &state.static_site {
        Some(site) => {
            let reads = matches!(*req.method(), Method::GET | Method::HEAD);
            if let Some(slug) = embed_page(req.uri().path()).filter(|_| reads) {
                return site.embed(&state, slug).await;
            }
            if let Some(ask) = Shared::of(&req)
                && let Some(page) = site.shared_page(&state, ask).await
            {
                return page;
            }
            site.serve(req).await
        }
        None => (
            StatusCode::NOT_FOUND,
            "Not found. This server runs the API only; start it with --static DIR to serve the app.\n",
        )
            .into_response(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_hashes() {
        assert!(has_content_hash("golmok-web-1a2b3c4d5e6f7a8b_bg.wasm"));
        assert!(has_content_hash("main-0123456789abcdef.css"));
        assert!(has_content_hash("golmok-web-1a2b3c4d5e6f7a8b.js"));
        // What the split build names: a page's chunk, a shared chunk, the chunk loader.
        assert!(has_content_hash("split_page_proposal-f5858a35e1e2a3b4.wasm"));
        assert!(has_content_hash("chunk_8-ac870120dc0c1ed1.wasm"));
        assert!(has_content_hash("wasm-split-4bd473e3041d16e2.js"));
        assert!(!has_content_hash("index.html"));
        assert!(!has_content_hash("main-0123456789ABCDEF.css"));
        assert!(
            has_content_hash("golmok-web-6fb51f2d92c01da_bg.wasm"),
            "15 digits: hash without leading zero"
        );
        assert!(!has_content_hash("main-0123456.css"), "too short to be a hash");
        assert!(!has_content_hash("main-0123456789abcdef0.css"), "too long");
        assert!(!has_content_hash("embed.js"));
        assert!(!has_content_hash("main-0123456789abcdef"));
    }

    #[test]
    fn csp_lists_extra_connect_origins() {
        let csp = content_security_policy(&["https://api.example".to_owned()]).unwrap();
        assert!(csp.contains("connect-src 'self' https://api.example;"));
        assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval'"));
    }

    #[test]
    fn the_widget_is_framed_by_the_districts_sites_and_the_portal() {
        let before = policy_before_frames(&[]).unwrap();
        let list = ["https://district.example".to_owned(), "http://localhost:8123".to_owned()];
        let framed = |origins| embed_policy(&before, origins).rsplit("; ").next().unwrap().to_owned();
        assert_eq!(
            framed(Some(&list[..])),
            "frame-ancestors 'self' https://district.example http://localhost:8123"
        );
        assert_eq!(framed(Some(&[][..])), "frame-ancestors *", "none listed: any site");
        assert_eq!(framed(None), "frame-ancestors 'self'", "a list that could not be read");
        let page = embed_policy(&before, Some(&list[..]));
        let app = content_security_policy(&[]).unwrap();
        assert_eq!(
            page.split("; frame-ancestors").next(),
            app.split("; frame-ancestors").next(),
            "the rest is the app's"
        );
        assert!(app.ends_with("; frame-ancestors 'self'"));
    }

    #[test]
    fn widget_addresses() {
        assert_eq!(embed_page("/embed/d/eungubi-seo"), Some("eungubi-seo"));
        for other in [
            "/embed/d/",
            "/embed/d/eungubi-seo/",
            "/embed/d/a/b",
            "/embed/d/%41",
            "/embed/eungubi-seo",
            "/d/x",
        ] {
            assert_eq!(embed_page(other), None, "{other}");
        }
    }

    #[test]
    fn csp_refuses_what_is_not_an_origin() {
        for bad in ["https://api.example; script-src 'unsafe-inline'", "https://api.example/v1", "*"] {
            let err = content_security_policy(&[bad.to_owned()]).expect_err(bad);
            assert!(format!("{err:#}").contains("--connect-src"), "{err:#}");
        }
    }
}
