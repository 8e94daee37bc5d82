//! Everything that is not the JSON API: the built SPA's files, their cache headers, and
//! the security headers every response carries.

use std::{path::PathBuf, sync::Arc};

use axum::{
    body::Body,
    extract::{Request, State},
    http::{HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use tower::ServiceExt as _;
use tower_http::services::{ServeDir, ServeFile};

use crate::{AppState, error::ApiError};

pub fn is_api_path(path: &str) -> bool {
    path == "/api" || path.starts_with("/api/")
}

/// `Content-Security-Policy` for the SPA (and harmless on API answers). WebAssembly needs
/// `wasm-unsafe-eval`; nothing else is loosened. `connect_src` adds origins of an API
/// hosted elsewhere.
pub fn content_security_policy(connect_src: &[String]) -> String {
    let mut connect = String::from("'self'");
    for origin in connect_src {
        connect.push(' ');
        connect.push_str(origin.trim());
    }
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; connect-src {connect}; font-src 'self'; object-src 'none'; \
         base-uri 'self'; form-action 'self'; frame-ancestors 'self'"
    )
}

/// The SPA's build output directory.
#[derive(Clone)]
pub struct StaticSite {
    dir: Arc<PathBuf>,
}

impl StaticSite {
    pub fn new(dir: PathBuf) -> Self {
        StaticSite { dir: Arc::new(dir) }
    }

    /// A file of the build, or index.html for an SPA route. Only names without an
    /// extension are routes: a missing `/app.js` must be a 404, not HTML that the
    /// browser would try to run as script.
    async fn serve(&self, req: Request) -> Response {
        let name = req.uri().path().rsplit('/').next().unwrap_or_default().to_owned();
        let has_extension = name.contains('.');
        let files = ServeDir::new(self.dir.as_path());
        let res = if has_extension {
            files.oneshot(req).await
        } else {
            files.fallback(ServeFile::new(self.dir.join("index.html"))).oneshot(req).await
        };
        let mut res = match res {
            Ok(res) => res.map(Body::new),
            Err(never) => match never {},
        };
        // Trunk puts a content hash in asset names, so those never change and can be
        // cached for good; everything else (index.html above all) must be revalidated so
        // a deploy is seen at once.
        let cache = if has_extension && res.status().is_success() && has_content_hash(&name) {
            "public, max-age=31536000, immutable"
        } else {
            "no-cache"
        };
        res.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(cache));
        res
    }
}

/// Whether a file name carries a Trunk content hash: `-`, then the hash in lowercase hex
/// (Trunk prints a 64-bit hash without leading zeros, so 10 to 16 digits), then the
/// extension or a suffix such as `_bg.wasm`.
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
        Some(site) => site.serve(req).await,
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
        let csp = content_security_policy(&["https://api.example".to_owned()]);
        assert!(csp.contains("connect-src 'self' https://api.example;"));
        assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval'"));
    }
}
