use reqwest::StatusCode;

use crate::{TestServer, expect_error};

const INDEX: &str = "<!doctype html><title>Golmok</title>";
const WIDGET: &str = "<!doctype html><title>Golmok widget</title>";

async fn site() -> TestServer {
    TestServer::start_with(|config, dir| {
        let dist = dir.join("dist");
        std::fs::create_dir_all(dist.join("assets")).unwrap();
        std::fs::write(dist.join("index.html"), INDEX).unwrap();
        std::fs::write(dist.join("golmok-web-1a2b3c4d5e6f7a8b_bg.wasm"), b"\0asm\x01\0\0\0").unwrap();
        // What the build precompresses; stand-in bytes show which file was sent.
        std::fs::write(dist.join("golmok-web-1a2b3c4d5e6f7a8b_bg.wasm.br"), b"brotli bytes").unwrap();
        std::fs::write(dist.join("golmok-web-1a2b3c4d5e6f7a8b_bg.wasm.gz"), b"gzip bytes").unwrap();
        std::fs::write(dist.join("main-0123456789abcdef.css"), "body{}").unwrap();
        std::fs::write(dist.join("embed.js"), "console.log(1)").unwrap();
        std::fs::write(dist.join("embed.html"), WIDGET).unwrap();
        config.static_dir = Some(dist);
        config.demo = true;
    })
    .await
}

fn header<'a>(res: &'a reqwest::Response, name: &str) -> &'a str {
    res.headers().get(name).unwrap_or_else(|| panic!("no {name}")).to_str().unwrap()
}

#[tokio::test]
async fn deep_links_get_index_html_uncached() {
    let s = site().await;
    for path in ["/", "/d/eungubi-seo/proposals/3", "/login", "/embed/d/eungubi-seo/", "/portal/"] {
        let res = s.get(path, None).await;
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        assert_eq!(header(&res, "cache-control"), "no-cache", "{path}");
        assert!(header(&res, "content-type").starts_with("text/html"));
        assert!(header(&res, "content-security-policy").contains("'wasm-unsafe-eval'"));
        assert_eq!(header(&res, "x-content-type-options"), "nosniff");
        assert_eq!(header(&res, "referrer-policy"), "strict-origin-when-cross-origin");
        assert!(header(&res, "content-security-policy").ends_with("; frame-ancestors 'self'"), "{path}");
        assert_eq!(res.text().await.unwrap(), INDEX);
    }
    let res = s.get("/index.html", None).await;
    assert_eq!(header(&res, "cache-control"), "no-cache");
}

#[tokio::test]
async fn assets_cache_by_content_hash() {
    let s = site().await;
    let wasm = s.get("/golmok-web-1a2b3c4d5e6f7a8b_bg.wasm", None).await;
    assert_eq!(wasm.status(), StatusCode::OK);
    assert_eq!(header(&wasm, "content-type"), "application/wasm");
    assert_eq!(header(&wasm, "cache-control"), "public, max-age=31536000, immutable");
    let css = s.get("/main-0123456789abcdef.css", None).await;
    assert_eq!(header(&css, "cache-control"), "public, max-age=31536000, immutable");
    assert!(header(&css, "content-type").starts_with("text/css"));
    let embed = s.get("/embed.js", None).await;
    assert_eq!(embed.status(), StatusCode::OK);
    assert_eq!(header(&embed, "cache-control"), "no-cache");
}

#[tokio::test]
async fn missing_files_and_api_paths_are_404() {
    let s = site().await;
    let res = s.get("/missing.js", None).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = s.get("/assets/missing-0123456789abcdef.css", None).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert_eq!(header(&res, "cache-control"), "no-cache");
    expect_error(s.get("/api/unknown", None).await, StatusCode::NOT_FOUND, "not_found").await;
    expect_error(s.get("/api/v1/unknown", None).await, StatusCode::NOT_FOUND, "not_found").await;
    // The API still works next to the files.
    assert_eq!(s.get("/api/v1/proposals/3", None).await.status(), StatusCode::OK);
    // Path traversal stays inside the directory.
    let res = s.get("/..%2fgolmok.db", None).await;
    assert_ne!(res.status(), StatusCode::OK);
}

#[tokio::test]
async fn without_static_dir_non_api_paths_are_404() {
    let s = TestServer::start().await;
    assert_eq!(s.get("/", None).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(s.get("/d/eungubi-seo", None).await.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn responses_are_compressed_when_asked() {
    let s = site().await;
    let res = s
        .client
        .get(s.url("/api/v1/districts/eungubi-seo/proposals?limit=50"))
        .header("accept-encoding", "gzip")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(header(&res, "content-encoding"), "gzip");
}

#[tokio::test]
async fn precompressed_files_are_sent_to_who_accepts_them() {
    let s = site().await;
    let wasm = "/golmok-web-1a2b3c4d5e6f7a8b_bg.wasm";
    for (accept, encoding, body) in [
        ("gzip, deflate, br", Some("br"), &b"brotli bytes"[..]),
        ("gzip", Some("gzip"), b"gzip bytes"),
        ("identity", None, b"\0asm\x01\0\0\0"),
    ] {
        let res = s.client.get(s.url(wasm)).header("accept-encoding", accept).send().await.unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{accept}");
        assert_eq!(res.headers().get("content-encoding").map(|v| v.to_str().unwrap()), encoding, "{accept}");
        assert_eq!(header(&res, "content-type"), "application/wasm", "{accept}");
        assert_eq!(header(&res, "cache-control"), "public, max-age=31536000, immutable", "{accept}");
        assert_eq!(header(&res, "vary").to_ascii_lowercase(), "accept-encoding", "{accept}");
        assert_eq!(&res.bytes().await.unwrap()[..], body, "{accept}");
    }
    // A file the build did not precompress varies too: it is compressed on the fly.
    let res = s.client.get(s.url("/main-0123456789abcdef.css")).header("accept-encoding", "br").send().await;
    let res = res.unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(header(&res, "vary").to_ascii_lowercase(), "accept-encoding");
}

#[tokio::test]
async fn revalidated_assets_stay_immutable() {
    let s = site().await;
    for (path, cache) in [
        ("/main-0123456789abcdef.css", "public, max-age=31536000, immutable"),
        ("/golmok-web-1a2b3c4d5e6f7a8b_bg.wasm", "public, max-age=31536000, immutable"),
        ("/embed.js", "no-cache"),
        ("/index.html", "no-cache"),
    ] {
        let first = s.get(path, None).await;
        let last_modified = header(&first, "last-modified").to_owned();
        let again =
            s.client.get(s.url(path)).header("if-modified-since", last_modified).send().await.unwrap();
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED, "{path}");
        assert_eq!(header(&again, "cache-control"), cache, "{path}");
    }
}

/// Nagle's algorithm held every static file after the first on a kept-alive connection
/// for up to 40 ms (the client's delayed acknowledgement). Timing that would flake on a
/// busy machine, so this looks at the server's own end of a real connection instead:
/// among this process's sockets (the server runs in it), the one bound to the server's
/// address and connected to our client must have `TCP_NODELAY` set.
#[cfg(target_os = "linux")]
#[tokio::test]
async fn connections_have_nagle_off() {
    use std::io::{Read as _, Write as _};
    use std::os::fd::BorrowedFd;

    let s = site().await;
    let server: std::net::SocketAddr = s.base.trim_start_matches("http://").parse().unwrap();
    let client = tokio::task::spawn_blocking(move || {
        let mut tcp = std::net::TcpStream::connect(server).unwrap();
        // A whole answer back means the server has accepted (and set up) its end.
        tcp.write_all(b"GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
        let mut head = [0u8; 12];
        tcp.read_exact(&mut head).unwrap();
        assert_eq!(&head, b"HTTP/1.1 200");
        tcp
    })
    .await
    .unwrap();
    let ours = client.local_addr().unwrap();

    let mut found = None;
    for entry in std::fs::read_dir("/proc/self/fd").unwrap() {
        let Ok(fd) = entry.unwrap().file_name().to_string_lossy().parse::<i32>() else { continue };
        // SAFETY: only read through; the kernel answers EBADF or ENOTSOCK for a
        // descriptor another test closed meanwhile or one that is no socket.
        let fd = unsafe { BorrowedFd::borrow_raw(fd) };
        let socket = socket2::SockRef::from(&fd);
        let local = socket.local_addr().ok().and_then(|a| a.as_socket());
        let peer = socket.peer_addr().ok().and_then(|a| a.as_socket());
        if local == Some(server) && peer == Some(ours) {
            found = Some(socket.tcp_nodelay().unwrap());
        }
    }
    assert_eq!(found, Some(true), "the server's end of the connection has TCP_NODELAY off");
    // The client's end proves the check can tell the two apart: it has Nagle on.
    assert!(!socket2::SockRef::from(&client).tcp_nodelay().unwrap());
    drop(client);
}

/// Like the build's index.html: the marks the first paint needs.
const BOOT_INDEX: &str = r#"<!doctype html>
<html lang="ko">
  <head>
    <base href="/">
    <title>골목 Golmok</title>
    <link rel="modulepreload" href="./golmok-web-1a2b3c4d5e6f7a8b.js">
    <link rel="preload" href="./golmok-web-1a2b3c4d5e6f7a8b_bg.wasm" as="fetch" type="application/wasm" crossorigin>
    <script type="application/json" id="golmok-boot-text">{"ko":{"app_name":"골목","proposals_heading":"주민 제안","filter_all":"전체","filter_event":"행사","sort_new":"최신순","nav_shops":"골목 가게","status_accepted":"채택"},"en":{"app_name":"Golmok","proposals_heading":"Resident proposals","filter_all":"All","filter_event":"Events","sort_new":"Newest","nav_shops":"Shops \u003cb\u003e"}}</script>
  </head>
  <body>
    <div id="app"><div class="boot-screen" aria-busy="true" inert><header class="header"><span class="brand"><span class="brand-mark" aria-hidden="true">🐸</span><span class="brand-name">골목</span></span></header><main class="main"><p class="sr-only">…</p></main></div></div>
  </body>
</html>"#;

async fn boot_site() -> TestServer {
    TestServer::start_with(|config, dir| {
        let dist = dir.join("dist");
        std::fs::create_dir_all(&dist).unwrap();
        std::fs::write(dist.join("index.html"), BOOT_INDEX).unwrap();
        config.static_dir = Some(dist);
        config.demo = true;
    })
    .await
}

async fn first_paint(s: &TestServer, path: &str, headers: &[(&str, &str)]) -> String {
    let mut req = s.request(reqwest::Method::GET, path, None);
    for (name, value) in headers {
        req = req.header(*name, *value);
    }
    let res = req.send().await.unwrap();
    assert_eq!(res.status(), StatusCode::OK, "{path}");
    assert_eq!(header(&res, "cache-control"), "no-cache", "{path}");
    assert!(header(&res, "vary").contains("accept-language"), "{path}");
    assert!(header(&res, "content-security-policy").contains("script-src 'self'"), "{path}");
    res.text().await.unwrap()
}

#[tokio::test]
async fn a_district_home_comes_drawn_in_its_html() {
    let s = boot_site().await;
    let page = first_paint(&s, "/d/eungubi-seo", &[]).await;
    assert!(page.starts_with("<!doctype html>\n<html lang=\"ko\" data-drawn=\"eungubi-seo\">"), "{page}");
    assert!(page.contains("<title>은구비서로 골목형상점가 · 골목</title>"));
    assert!(page.contains("<main class=\"main\" data-district=\"eungubi-seo\" data-lang=\"ko\"><section class=\"hero district-hero\">"));
    assert!(page.contains("<h1>은구비서로 골목형상점가</h1>"));
    assert!(page.contains(
        "<a class=\"chip\" href=\"/d/eungubi-seo/shops\"><span aria-hidden=\"true\">🏪 </span>골목 가게</a>"
    ));
    assert!(page.contains("<a class=\"kakao-link\" href=\"https://pf.kakao.com/"), "the district's channel");
    assert!(page.contains("<h2 class=\"section-title\">주민 제안</h2>"));
    assert!(page.contains("<button class=\"chip\" type=\"button\" aria-pressed=\"true\">전체</button>"));
    assert_eq!(page.matches("skeleton-card").count(), 3);
    assert!(page.contains("type=\"application/wasm\" crossorigin>"), "the wasm is preloaded as before");
    assert!(page.contains("<script type=\"application/json\" id=\"golmok-boot-text\">"), "the rest is kept");

    // The language, as the app picks it: the address, the remembered choice, the browser.
    for headers in [
        &[("accept-language", "en-US,en;q=0.9")][..],
        &[("cookie", "other=1; golmok.lang=en"), ("accept-language", "ko-KR")][..],
    ] {
        let page = first_paint(&s, "/d/eungubi-seo", headers).await;
        assert!(page.contains("<h1>Eungubi-seo-ro Alley Shopping District</h1>"), "{headers:?}");
        assert!(page.contains("<html lang=\"en\" data-drawn=\"eungubi-seo\">"));
        assert!(page.contains("Shops &lt;b&gt;</a>"), "words are escaped too");
        assert!(page.contains("<span class=\"brand-name\">Golmok</span>"), "the app's name too");
    }
    let page =
        first_paint(&s, "/d/eungubi-seo/?lang=ko&kind=event&sort=new", &[("cookie", "golmok.lang=en")]).await;
    assert!(page.contains("<h1>은구비서로 골목형상점가</h1>"), "?lang= comes first");
    assert!(page.contains("aria-pressed=\"true\">행사</button>"), "the filter of the address");
    assert!(page.contains("aria-pressed=\"true\">최신순</button>"), "the order of the address");
    let page =
        first_paint(&s, "/d/eungubi-seo?q=%22%3E%3Cscript%3Ex%3C%2Fscript%3E&status=accepted", &[]).await;
    assert!(
        page.contains(
            "name=\"q\" type=\"search\" placeholder=\"\" value=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\">"
        ),
        "the words searched for, escaped: {page}"
    );
    assert!(page.contains("<option>채택</option></select>"), "the status of the address");

    // Anything else is index.html as built.
    for path in [
        "/d/nope",
        "/d/eungubi-seo/proposals/999",
        "/d/eungubi-seo/shops",
        "/",
        "/d/Eungubi-seo",
        "/d/%65ungubi-seo",
    ] {
        assert_eq!(s.get(path, None).await.text().await.unwrap(), BOOT_INDEX, "{path}");
    }
    let head = s.request(reqwest::Method::HEAD, "/d/eungubi-seo", None).send().await.unwrap();
    assert_eq!(head.status(), StatusCode::OK);
}

#[tokio::test]
async fn what_people_wrote_is_text_in_the_first_paint() {
    let s = boot_site().await;
    let merchant = s.login_demo("merchant@example.com").await;
    let shop = merchant.user.roles[0].shop_id.unwrap();
    let title = r#"<img src=x onerror="alert(1)"> & 'more'"#;
    let body = serde_json::json!({"kind": "sale", "title": title, "body": "본문"});
    let res = s.post(&format!("/api/v1/shops/{shop}/announcements"), Some(&merchant.token), &body).await;
    assert_eq!(res.status(), StatusCode::CREATED);
    let posted: serde_json::Value = res.json().await.unwrap();
    let moderator = s.login_demo("moderator@example.com").await;
    let pin = format!("/api/v1/announcements/{}/pin", posted["id"]);
    let res = s.request(reqwest::Method::PUT, &pin, Some(&moderator.token)).send().await.unwrap();
    assert!(res.status().is_success(), "{}", res.status());
    let district: serde_json::Value =
        s.get("/api/v1/districts/eungubi-seo", None).await.json().await.unwrap();
    assert!(
        district["news"].as_array().unwrap().iter().any(|n| n["title"] == title),
        "on the district's home"
    );

    let page = first_paint(&s, "/d/eungubi-seo", &[]).await;
    assert!(
        page.contains("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &#39;more&#39;</a>"),
        "{page}"
    );
    assert!(!page.contains("<img"));
}

/// The widget's page is framed by the sites its district allows (any when it lists none),
/// and the app's pages by the portal alone; moderators change the list.
#[tokio::test]
async fn the_widget_is_framed_only_where_its_district_allows() {
    use reqwest::Method;
    use serde_json::json;

    let s = site().await;
    let framed_by = |res: &reqwest::Response| {
        let policy = header(res, "content-security-policy");
        assert!(
            policy.contains("script-src 'self' 'wasm-unsafe-eval'; style-src 'self';"),
            "strict: {policy}"
        );
        policy.rsplit("; ").next().unwrap().to_owned()
    };
    let page = s.get("/embed/d/eungubi-seo?show=proposals&limit=3", None).await;
    assert_eq!(page.status(), StatusCode::OK);
    assert_eq!(
        (framed_by(&page).as_str(), header(&page, "cache-control")),
        ("frame-ancestors *", "no-cache")
    );
    assert!(header(&page, "content-type").starts_with("text/html"));
    assert_eq!(page.text().await.unwrap(), WIDGET, "the widget's page, not the app");
    let dongmyeong = s.get("/embed/d/dongmyeong", None).await;
    assert_eq!(framed_by(&dongmyeong), "frame-ancestors 'self' https://district.example");
    let unknown = s.get("/embed/d/nowhere", None).await;
    assert_eq!(
        (unknown.status(), framed_by(&unknown).as_str()),
        (StatusCode::NOT_FOUND, "frame-ancestors *"),
        "no district, nothing to keep from anyone: the page says so where it was put"
    );
    assert_eq!(unknown.text().await.unwrap(), WIDGET, "the page says what is missing");
    assert_eq!(framed_by(&s.get("/d/dongmyeong", None).await), "frame-ancestors 'self'");

    let moderator = s.login_demo("moderator2@example.com").await.token;
    let settings = "/api/v1/districts/dongmyeong/settings";
    let change = json!({"embed_origins": ["https://Dongmyeong.example/", "http://localhost:8123"]});
    let res = s.send_json(Method::PATCH, settings, Some(&moderator), &change).await;
    assert_eq!(res.status(), StatusCode::OK);
    let saved: golmok_api::DistrictSettings = res.json().await.unwrap();
    assert_eq!(saved.embed_origins, ["https://dongmyeong.example", "http://localhost:8123"]);
    let page = s.get("/embed/d/dongmyeong", None).await;
    assert_eq!(framed_by(&page), "frame-ancestors 'self' https://dongmyeong.example http://localhost:8123");
    let bad = json!({"embed_origins": ["https://a.example; script-src *"]});
    expect_error(
        s.send_json(Method::PATCH, settings, Some(&moderator), &bad).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation_failed",
    )
    .await;
    let res = s.send_json(Method::PATCH, settings, Some(&moderator), &json!({"embed_origins": []})).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(framed_by(&s.get("/embed/d/dongmyeong", None).await), "frame-ancestors *");
}

fn meta<'a>(page: &'a str, property: &str) -> Option<&'a str> {
    let open = format!("<meta property=\"{property}\" content=\"");
    let start = page.find(&open)? + open.len();
    Some(&page[start..start + page[start..].find('"')?])
}

/// A shared link to a district, a proposal or a shop shows a card in a messenger: Open
/// Graph and Twitter tags, escaped, with absolute addresses; none for what the public
/// cannot see.
#[tokio::test]
async fn shared_links_carry_an_escaped_preview() {
    use golmok_api::ProposalKind;

    let s = boot_site().await;
    let own = s.base.trim_end_matches('/').to_owned();
    let district = first_paint(&s, "/d/eungubi-seo", &[]).await;
    assert_eq!(meta(&district, "og:title"), Some("은구비서로 골목형상점가"));
    assert_eq!(meta(&district, "og:site_name"), Some("은구비서로 골목형상점가 · 골목"));
    assert_eq!(
        meta(&district, "og:url"),
        Some(format!("{own}/d/eungubi-seo").as_str()),
        "from the request's host"
    );
    assert_eq!(meta(&district, "og:image"), Some(format!("{own}/og-image.png").as_str()));
    assert!(
        meta(&district, "og:description").is_some_and(|d| d.starts_with("대전 유성구") && d.ends_with('…'))
    );
    assert!(district.contains("<meta name=\"twitter:card\" content=\"summary_large_image\">"));
    assert!(district.contains("<h1>은구비서로 골목형상점가</h1>"), "still drawn in");
    // A host that cannot be written into the page: drawn in all the same, without a card.
    let odd_host = first_paint(&s, "/d/eungubi-seo", &[("host", "golmok_web:8080")]).await;
    assert!(odd_host.contains("<h1>은구비서로 골목형상점가</h1>") && meta(&odd_host, "og:title").is_none());

    let resident = s.login_demo("resident@example.com").await.token;
    let title = r#"<script>alert("x")</script> & 'more'"#;
    let proposal = s.create_proposal(&resident, title, ProposalKind::Event).await;
    let path = format!("/d/eungubi-seo/proposals/{}", proposal.id);
    let page = first_paint(&s, &path, &[]).await;
    assert!(!page.contains("<script>alert"), "{page}");
    let escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;more&#39;";
    assert_eq!(meta(&page, "og:title"), Some(escaped));
    assert!(page.contains(&format!("<title>{escaped} · 골목</title>")));
    assert_eq!(meta(&page, "og:url"), Some(format!("{own}{path}").as_str()));
    assert_eq!(meta(&page, "og:site_name"), Some("은구비서로 골목형상점가 · 골목"));
    assert!(page.contains("<div class=\"boot-screen\""), "the app draws it: index.html otherwise as built");

    let shop = first_paint(&s, "/d/eungubi-seo/shops/1?lang=en", &[]).await;
    assert_eq!(meta(&shop, "og:title"), Some("Eungubi Bakery"));
    assert_eq!(meta(&shop, "og:locale"), Some("en_US"));
    assert_eq!(meta(&shop, "og:site_name"), Some("Eungubi-seo-ro Alley Shopping District · Golmok"));

    // Under another district's address, or hidden: no card, the page as built.
    let elsewhere = format!("/d/dongmyeong/proposals/{}", proposal.id);
    assert_eq!(s.get(&elsewhere, None).await.text().await.unwrap(), BOOT_INDEX);
    let moderator = s.login_demo("moderator@example.com").await.token;
    let hide = serde_json::json!({"hidden": true, "note": "광고"});
    let hidden = format!("/api/v1/proposals/{}/hidden", proposal.id);
    let res = s.send_json(reqwest::Method::PUT, &hidden, Some(&moderator), &hide).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(s.get(&path, None).await.text().await.unwrap(), BOOT_INDEX, "a hidden proposal has no card");
    assert_eq!(s.get("/d/eungubi-seo/shops/999", None).await.text().await.unwrap(), BOOT_INDEX);
}

/// Behind a proxy, or on https, the configured public address is what cards name.
#[tokio::test]
async fn a_configured_public_address_names_the_cards() {
    let s = TestServer::start_with(|config, dir| {
        let dist = dir.join("dist");
        std::fs::create_dir_all(&dist).unwrap();
        std::fs::write(dist.join("index.html"), BOOT_INDEX).unwrap();
        config.static_dir = Some(dist);
        config.demo = true;
        config.public_url = Some("https://golmok.example/portal".to_owned());
    })
    .await;
    let page = first_paint(&s, "/d/eungubi-seo/shops/1", &[]).await;
    assert_eq!(meta(&page, "og:url"), Some("https://golmok.example/portal/d/eungubi-seo/shops/1"));
    assert_eq!(meta(&page, "og:image"), Some("https://golmok.example/portal/og-image.png"));
}
