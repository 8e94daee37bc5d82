//! The addresses the app builds from what it is given: where login sends people
//! afterwards (never off-site), where the API is (the deploy-time setting), and the
//! widget's code a district's website pastes, and a poster's QR code and text.

#![cfg(target_arch = "wasm32")]

use golmok_web::config::{api_root_from, link};
use golmok_web::pages::district::embed::{DEFAULT_ACCENT, Options, Show, WidgetLang};
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

#[wasm_bindgen_test]
fn every_route_of_the_product_is_its_page() {
    use golmok_web::routes::{Address, Page};
    let of = |path: &str| {
        let a = Address::of(path);
        (a.page, a.slug, a.id)
    };
    let s = |v: &str| Some(v.to_owned());
    assert_eq!(of("/"), (Page::Home, None, None));
    assert_eq!(of(""), (Page::Home, None, None));
    assert_eq!(of("/login"), (Page::Login, None, None));
    assert_eq!(of("/register"), (Page::Register, None, None));
    assert_eq!(of("/alley"), (Page::Alley, None, None));
    assert_eq!(of("/manage"), (Page::Manage, None, None));
    assert_eq!(of("/d/eungubi-seo"), (Page::District, s("eungubi-seo"), None));
    assert_eq!(of("/d/eungubi-seo/"), (Page::District, s("eungubi-seo"), None), "a trailing slash");
    assert_eq!(of("/d/eungubi-seo/proposals/new"), (Page::NewProposal, s("eungubi-seo"), None));
    assert_eq!(of("/d/eungubi-seo/proposals/3"), (Page::Proposal, s("eungubi-seo"), s("3")));
    assert_eq!(of("/d/eungubi-seo/announcements"), (Page::Announcements, s("eungubi-seo"), None));
    assert_eq!(of("/d/eungubi-seo/claim"), (Page::Claim, s("eungubi-seo"), None));
    assert_eq!(of("/d/eungubi-seo/shops"), (Page::Shops, s("eungubi-seo"), None));
    assert_eq!(of("/d/eungubi-seo/shops/4"), (Page::Shop, s("eungubi-seo"), s("4")));
    assert_eq!(of("/d/eungubi-seo/embed"), (Page::Embed, s("eungubi-seo"), None));
    assert_eq!(of("/d/eungubi-seo/poster"), (Page::Poster, s("eungubi-seo"), None));
    assert_eq!(of("/d/eungubi-seo/proposals/3/poster"), (Page::Poster, s("eungubi-seo"), s("3")));
    assert_eq!(of("/d/eungubi-seo/shops/4/poster"), (Page::ShopPoster, s("eungubi-seo"), s("4")));
    for unknown in [
        "/nope",
        "/d",
        "/d/x/proposals",
        "/d/x/shops/4/more",
        "/login/x",
        "/d/x/other",
        "/d/x/announcements/4/poster",
        "/d/x/proposals/3/poster/x",
    ] {
        assert_eq!(of(unknown).0, Page::NotFound, "{unknown}");
    }
}

#[wasm_bindgen_test]
fn the_widget_snippet_says_only_what_differs_from_the_defaults() {
    const PORTAL: &str = "https://golmok.example/portal/";
    let plain =
        Options { show: Show::Both, limit: 5, lang: WidgetLang::Visitor, accent: DEFAULT_ACCENT.to_owned() };
    assert_eq!(
        plain.script(PORTAL, "eungubi-seo", "은구비서로 · 골목"),
        r#"<script src="https://golmok.example/portal/embed.js" data-district="eungubi-seo" data-title="은구비서로 · 골목" async></script>"#
    );
    assert_eq!(plain.widget_url(PORTAL, "eungubi-seo"), "https://golmok.example/portal/embed/d/eungubi-seo");
    let chosen =
        Options { show: Show::Announcements, limit: 3, lang: WidgetLang::En, accent: "#B04A1A".to_owned() };
    assert_eq!(
        chosen.script(PORTAL, "dongmyeong", "Dongmyeong"),
        r##"<script src="https://golmok.example/portal/embed.js" data-district="dongmyeong" data-show="announcements" data-limit="3" data-lang="en" data-accent="#b04a1a" data-title="Dongmyeong" async></script>"##
    );
    assert_eq!(
        chosen.widget_url(PORTAL, "dongmyeong"),
        "https://golmok.example/portal/embed/d/dongmyeong?show=announcements&limit=3&lang=en&accent=%23b04a1a"
    );
    // A frame's attributes are HTML: `&` and quotes escaped, in the address and the title.
    let frame = chosen.iframe(PORTAL, "dongmyeong", r#"A "quoted" & <b>name</b>"#);
    assert!(frame.starts_with(r#"<iframe src="https://golmok.example/portal/embed/d/dongmyeong?show=announcements&amp;limit=3&amp;lang=en&amp;accent=%23b04a1a" title="A &quot;quoted&quot; &amp; &lt;b>name&lt;/b>" "#), "{frame}");
    assert!(frame.contains(r#"height="412""#), "three news: {frame}");
    // Not a colour: left out, as embed.js would ignore it.
    let odd = Options { accent: "red".to_owned(), ..plain.clone() };
    assert_eq!(odd.widget_url(PORTAL, "x"), "https://golmok.example/portal/embed/d/x");
    let both = Options { show: Show::Proposals, limit: 10, ..plain };
    assert_eq!(
        both.widget_url(PORTAL, "x"),
        "https://golmok.example/portal/embed/d/x?show=proposals&limit=10"
    );
}

#[wasm_bindgen_test]
fn a_whole_path_is_read_inside_the_base_path() {
    use golmok_web::routes::{Address, Page};
    let at = |path: &str| Address::at(path, "/portal").page;
    assert_eq!(at("/portal/d/eungubi-seo/shops/4/poster"), Page::ShopPoster);
    assert_eq!(at("/portal/d/eungubi-seo/poster"), Page::Poster);
    assert_eq!(at("/portal"), Page::Home);
    assert_eq!(at("/portal/"), Page::Home);
    // Outside the base, or a path that only starts with its letters, is no page of ours.
    assert_eq!(at("/d/eungubi-seo"), Page::NotFound);
    assert_eq!(at("/portals/d/eungubi-seo"), Page::NotFound);
    assert_eq!(Address::at("/d/eungubi-seo/embed", "").page, Page::Embed);
}

#[wasm_bindgen_test]
fn a_poster_code_draws_the_whole_symbol_with_its_quiet_zone() {
    use golmok_web::components::qr::qr_path;
    let (side, path) = qr_path("https://golmok.example.org/d/eungubi-seo/proposals/3").unwrap();
    // 52 bytes at medium correction: version 4 (33 modules), four light ones each side.
    assert_eq!(side, 33 + 8);
    // The finder pattern's top row, seven dark modules, starts at the quiet zone's corner;
    // the top-right one at the far side.
    assert!(path.starts_with("M4,4h7v1h-7z"), "{}", &path[..40]);
    assert!(path.contains(&format!("M{},4h7v1h-7z", side - 4 - 7)));
    // Nothing drawn in the quiet zone.
    for square in path.split('z').filter(|s| !s.is_empty()) {
        let (x, rest) = square.trim_start_matches('M').split_once(',').unwrap();
        let (y, run) = rest.split_once('h').unwrap();
        let run: i32 = run.split('v').next().unwrap().parse().unwrap();
        let (x, y): (i32, i32) = (x.parse().unwrap(), y.parse().unwrap());
        assert!(x >= 4 && y >= 4 && x + run <= side - 4 && y < side - 4, "{square}");
    }
    // Longer addresses take a larger symbol; none too long for a code is refused.
    assert!(qr_path(&"x".repeat(300)).unwrap().0 > side);
    assert_eq!(qr_path(&"x".repeat(3000)), None);
}

#[wasm_bindgen_test]
fn a_poster_text_is_cut_at_a_word() {
    use golmok_web::pages::district::poster::short;
    assert_eq!(short("  골목 벼룩시장\n열어요  "), "골목 벼룩시장 열어요");
    let long = "주말마다 골목 입구에서 벼룩시장을 열면 좋겠어요. ".repeat(6);
    let cut = short(&long);
    assert!(cut.ends_with('…'), "{cut}");
    assert!(cut.chars().count() <= 85, "{}", cut.chars().count());
    // At a space, so no word is cut in half, and without the sentence's full stop.
    assert!(long.starts_with(cut.trim_end_matches('…')));
    assert!(long[cut.trim_end_matches('…').len()..].starts_with([' ', '.']));
    // One long word has no space to cut at: cut where the length ends.
    assert_eq!(short(&"가".repeat(200)).chars().count(), 85);
    // A space just at the limit still ends the text there.
    let at_the_limit = short(&format!("{} 끝 {}", "가".repeat(84), "나".repeat(50)));
    assert_eq!(at_the_limit, format!("{}…", "가".repeat(84)));
}
