//! The addresses the app builds from what it is given: where login sends people
//! afterwards (never off-site), and where the API is (the deploy-time setting).

#![cfg(target_arch = "wasm32")]

use golmok_web::config::{api_root_from, link};
use golmok_web::pages::login::next_path;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn login_returns_only_to_paths_inside_the_app() {
    let next = |s: &str| next_path(Some(s.to_owned()));
    assert_eq!(next("/d/eungubi-seo/proposals/3"), "/d/eungubi-seo/proposals/3");
    assert_eq!(next("/d/eungubi-seo?kind=event"), "/d/eungubi-seo?kind=event");
    assert_eq!(next_path(None), "/");
    // Each of these would leave the site once the browser parses it.
    for off_site in [
        "//evil.example",
        "https://evil.example",
        "evil.example",
        "/\\evil.example",
        "/\t/evil.example",
        "/\n/evil.example",
        "/\r/evil.example",
        " //evil.example",
        "",
    ] {
        assert_eq!(next(off_site), "/", "{off_site:?}");
    }
}

#[wasm_bindgen_test]
fn the_api_root_follows_the_deploy_setting() {
    let origin = "https://golmok.example.org";
    assert_eq!(api_root_from("", origin), "https://golmok.example.org/api/v1");
    assert_eq!(api_root_from("  ", origin), "https://golmok.example.org/api/v1");
    assert_eq!(api_root_from("https://api.example.org/", origin), "https://api.example.org/api/v1");
    assert_eq!(api_root_from("/portal", origin), "https://golmok.example.org/portal/api/v1");
}

#[wasm_bindgen_test]
fn links_are_relative_to_the_base_href() {
    assert_eq!(link("/"), "./");
    assert_eq!(link("/d/eungubi-seo"), "d/eungubi-seo");
    assert_eq!(link("/login?next=%2Fd%2Fx"), "login?next=%2Fd%2Fx");
}
