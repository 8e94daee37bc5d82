//! A district's page as its first paint: `index.html` with the district already drawn in
//! its boot screen, so a phone shows the district with the HTML itself, before any
//! script, API answer or wasm has arrived.
//!
//! `public/boot.js` draws the very same markup from the API answer when the files come
//! from anywhere else (a CDN), and the app then takes over the same page; the three
//! drawings are compared in the browser (`tests/e2e/boot.test.mjs`). The words come from
//! the `golmok-boot-text` the build writes into `index.html`, so they are the app's.
//! Every text from the database is escaped; an `index.html` without the marks this
//! needs is served as it is.

use std::collections::HashMap;

use golmok_api::{District, ProposalStatus};

/// What, beside the district, decides the drawing: the language and the list's filters
/// and order in the address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Visit<'a> {
    pub lang: &'static str,
    pub kind: Option<&'a str>,
    pub status: Option<&'a str>,
    /// `top`, `new` or `discussed`.
    pub sort: &'a str,
    /// The words searched for, as typed.
    pub q: &'a str,
}

impl<'a> Visit<'a> {
    /// The language as the app picks it (`src/state/lang.rs`): `?lang=`, then the
    /// remembered choice (the app keeps it in the `golmok.lang` cookie too), then the
    /// browser's languages, else Korean. Filters and order are the last of their kind in
    /// the query, as the router reads them; an unknown one is none.
    pub fn of(query: &'a [(String, String)], cookie: Option<&str>, accept_language: Option<&str>) -> Self {
        let first = |name: &str| query.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
        let last = |name: &str| query.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v.as_str());
        let remembered = cookie.and_then(|c| {
            c.split(';')
                .filter_map(|pair| pair.trim().split_once('='))
                .find(|(k, _)| *k == "golmok.lang")
                .map(|(_, v)| v)
        });
        let browser = accept_language
            .and_then(|list| list.split(',').find_map(|tag| golmok_api::language(tag.split(';').next()?)));
        let lang = first("lang")
            .and_then(golmok_api::language)
            .or_else(|| remembered.and_then(golmok_api::language))
            .or(browser)
            .unwrap_or("ko");
        let kind = last("kind").filter(|k| matches!(*k, "event" | "improvement"));
        let status = last("status").filter(|s| ProposalStatus::parse(s).is_some());
        let sort = last("sort").filter(|s| matches!(*s, "new" | "discussed")).unwrap_or("top");
        Visit { lang, kind, status, sort, q: last("q").unwrap_or_default() }
    }
}

/// Whether `index` looks like the build's: worth asking the database for a district.
pub fn has_marks(index: &str) -> bool {
    index.contains("id=\"golmok-boot-text\"") && index.contains("class=\"boot-screen\"")
}

/// `index` with `district` drawn into its boot screen, or `None` if `index` lacks a mark.
pub fn render(index: &str, district: &District, visit: Visit<'_>) -> Option<String> {
    let words = words(index, visit.lang)?;
    let word = |key: &str| esc(words.get(key).map(String::as_str).unwrap_or_default());
    let base = base_path(index)?;
    const MAIN: &str = "<main class=\"main\">";
    let screen = index.find("class=\"boot-screen\"")?;
    let main_start = screen + index[screen..].find(MAIN)?;
    let main_end = main_start + index[main_start..].find("</main>")?;
    let title_start = index.find("<title>")?;
    let title_end = title_start + index[title_start..].find("</title>")?;
    let html_tag = index.find("<html lang=\"ko\">")?;
    if !(html_tag < title_start && title_end < screen) {
        return None;
    }

    let pick = |ko: &str, en: &str| esc(if visit.lang == "en" && !en.trim().is_empty() { en } else { ko });
    let name = pick(&district.name, &district.name_en);
    let slug = esc(&district.slug);
    let mut out = String::with_capacity(index.len() + 4096);
    out.push_str(&index[..html_tag]);
    out.push_str(&format!("<html lang=\"{}\" data-drawn=\"{slug}\">", visit.lang));
    out.push_str(&index[html_tag + "<html lang=\"ko\">".len()..title_start]);
    out.push_str(&format!("<title>{name} · {}</title>", word("app_name")));
    // The boot screen's header says the app's name in the reader's language, as boot.js
    // makes it say.
    const BRAND: &str = "<span class=\"brand-name\">";
    let head = &index[title_end + "</title>".len()..main_start];
    match head.rfind(BRAND) {
        Some(at) => {
            let end = at + BRAND.len() + head[at + BRAND.len()..].find("</span>")?;
            out.push_str(&head[..at + BRAND.len()]);
            out.push_str(&word("app_name"));
            out.push_str(&head[end..]);
        }
        None => out.push_str(head),
    }
    out.push_str(&format!("<main class=\"main\" data-district=\"{slug}\" data-lang=\"{}\">", visit.lang));

    // The hero: where, the name, the introduction (clamped past 90 characters, as the
    // app does), and the district's links.
    let description = if visit.lang == "en" && !district.description_en.trim().is_empty() {
        &district.description_en
    } else {
        &district.description
    };
    let long = description.chars().count() > 90;
    out.push_str("<section class=\"hero district-hero\"><p class=\"hero-region\"><span aria-hidden=\"true\">📍 </span>");
    out.push_str(&pick(&district.region, &district.region_en));
    out.push_str(&format!(
        "</p><h1>{name}</h1><p class=\"{}\">{}</p>",
        if long { "lede clamped" } else { "lede" },
        esc(description)
    ));
    if long {
        out.push_str(&format!(
            "<button class=\"more-toggle\" type=\"button\">{}</button>",
            word("show_more")
        ));
    }
    let page = |rest: &str| format!("{base}d/{slug}/{rest}");
    out.push_str(&format!("<nav class=\"district-links\" aria-label=\"{}\">", word("district_links")));
    out.push_str(&format!(
        "<a class=\"chip\" href=\"{}\"><span aria-hidden=\"true\">🏪 </span>{}</a>",
        page("shops"),
        word("nav_shops")
    ));
    out.push_str(&format!(
        "<a class=\"chip\" href=\"{}\"><span aria-hidden=\"true\">📣 </span>{}</a>",
        page("announcements"),
        word("nav_news")
    ));
    if let Some(kakao) = &district.kakao_channel_url {
        out.push_str(&format!(
            "<a class=\"kakao-link\" href=\"{}\" rel=\"noopener noreferrer\" target=\"_blank\"><span class=\"kakao-mark\" aria-hidden=\"true\">TALK</span>{}</a>",
            esc(kakao),
            word("district_kakao")
        ));
    }
    out.push_str("</nav></section>");

    // The alley's news, which comes with the district.
    if !district.news.is_empty() {
        let all = page("announcements");
        out.push_str(&format!(
            "<section class=\"district-news\"><h2 class=\"section-title\">{}</h2><ul class=\"headlines\" role=\"list\">",
            word("news_heading")
        ));
        for headline in &district.news {
            out.push_str("<li class=\"headline\">");
            if headline.pinned {
                out.push_str(&format!(
                    "<span class=\"badge badge-pinned\">📌 {}</span>",
                    word("announcement_pinned")
                ));
            }
            out.push_str(&format!(
                "<span class=\"badge badge-news\">{}</span><a class=\"headline-link\" href=\"{all}\">{}</a>",
                word(&format!("announcement_{}", headline.kind.as_str())),
                esc(&headline.title)
            ));
            if let Some(shop) = &headline.shop {
                out.push_str(&format!(
                    "<span class=\"headline-by\">{}</span>",
                    pick(&shop.name, &shop.name_en)
                ));
            }
            out.push_str("</li>");
        }
        out.push_str(&format!(
            "</ul><a class=\"more-link\" href=\"{all}\">{}<span aria-hidden=\"true\"> →</span></a>",
            word("news_all")
        ));
        out.push_str("</section>");
    }

    // The list, as it shows while its proposals load: filter and order as the address says.
    let chip = |class: &str, label: &str, pressed: bool| {
        format!(
            "<button class=\"{class}\" type=\"button\" aria-pressed=\"{pressed}\">{}</button>",
            word(label)
        )
    };
    out.push_str(&format!(
        "<section class=\"feed\"><h2 class=\"section-title\">{}</h2>",
        word("proposals_heading")
    ));
    // No labels: they are for screen readers, which the inert boot screen is hidden from.
    out.push_str(&format!(
        "<form class=\"feed-controls\" role=\"search\"><div class=\"search-row\">\
         <input id=\"proposal-search\" name=\"q\" type=\"search\" placeholder=\"{}\" value=\"{}\">\
         <button class=\"button button-secondary\" type=\"submit\">{}</button></div><div class=\"chips\">",
        word("proposal_search_placeholder"),
        esc(visit.q),
        word("search_submit"),
    ));
    out.push_str(&chip("chip", "filter_all", visit.kind.is_none()));
    out.push_str(&chip("chip", "filter_event", visit.kind == Some("event")));
    out.push_str(&chip("chip", "filter_improvement", visit.kind == Some("improvement")));
    out.push_str("</div><div class=\"chips\">");
    out.push_str(&chip("chip chip-quiet", "sort_top", visit.sort == "top"));
    out.push_str(&chip("chip chip-quiet", "sort_new", visit.sort == "new"));
    out.push_str(&chip("chip chip-quiet", "sort_discussed", visit.sort == "discussed"));
    // One option, the chosen one: the box is as wide as the app's (style/main.css).
    let status = visit.status.map_or_else(|| "status_all".to_owned(), |s| format!("status_{s}"));
    out.push_str(&format!(
        "</div><select class=\"status-filter\" id=\"proposal-status\"><option>{}</option></select></form>\
         <div class=\"skeletons\">",
        word(&status),
    ));
    for _ in 0..3 {
        out.push_str("<div class=\"card skeleton-card\" aria-hidden=\"true\">");
        for part in ["badge", "title", "line", "counts"] {
            out.push_str(&format!("<span class=\"skeleton skeleton-{part}\"></span>"));
        }
        out.push_str("</div>");
    }
    out.push_str(&format!(
        "</div></section><div class=\"sticky-action\"><a class=\"button button-primary button-wide\">✍️ {}</a></div>",
        word("propose_cta")
    ));
    out.push_str(&index[main_end..]);
    Some(out)
}

/// One of the words the build wrote into `index`, in `lang`.
pub fn word(index: &str, lang: &str, key: &str) -> Option<String> {
    words(index, lang)?.remove(key)
}

/// The boot screen's words in `lang`, from the `golmok-boot-text` of `index`.
fn words(index: &str, lang: &str) -> Option<HashMap<String, String>> {
    const OPEN: &str = "<script type=\"application/json\" id=\"golmok-boot-text\">";
    let start = index.find(OPEN)? + OPEN.len();
    let end = start + index[start..].find("</script>")?;
    let mut all: HashMap<String, HashMap<String, String>> = serde_json::from_str(&index[start..end]).ok()?;
    all.remove(lang)
}

/// The path of `<base href>`, ending in `/`: where the app's links start.
pub fn base_path(index: &str) -> Option<String> {
    const OPEN: &str = "<base href=\"";
    let start = index.find(OPEN)? + OPEN.len();
    let href = &index[start..start + index[start..].find('"')?];
    // An absolute URL: its path.
    let path = match href.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("/", |i| &rest[i..]),
        None => href,
    };
    if !path.starts_with('/') {
        return None;
    }
    Some(if path.ends_with('/') { path.to_owned() } else { format!("{path}/") })
}

/// Text as HTML text or attribute value.
pub(crate) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn query(q: &str) -> Vec<(String, String)> {
        q.split('&').filter_map(|p| p.split_once('=')).map(|(k, v)| (k.to_owned(), v.to_owned())).collect()
    }

    #[test]
    fn the_language_is_chosen_as_the_app_does() {
        let none: Vec<(String, String)> = vec![];
        assert_eq!(Visit::of(&none, None, None).lang, "ko");
        assert_eq!(Visit::of(&none, None, Some("en-US,en;q=0.9,ko;q=0.8")).lang, "en");
        assert_eq!(Visit::of(&none, None, Some("fr-FR,ko;q=0.5,en;q=0.4")).lang, "ko");
        assert_eq!(
            Visit::of(&none, Some("a=b; golmok.lang=en"), Some("ko")).lang,
            "en",
            "the remembered choice"
        );
        assert_eq!(
            Visit::of(&query("lang=ko&lang=en"), Some("golmok.lang=en"), None).lang,
            "ko",
            "the address first"
        );
        assert_eq!(Visit::of(&query("lang=xx"), None, Some("en")).lang, "en");
        let v = query("kind=event&sort=top&kind=improvement&sort=new");
        let visit = Visit::of(&v, None, None);
        assert_eq!((visit.kind, visit.sort), (Some("improvement"), "new"), "the last of each");
        assert_eq!(Visit::of(&query("kind=festival"), None, None).kind, None);
        let v = query("status=open&q=mural&sort=discussed&status=under_review");
        let visit = Visit::of(&v, None, None);
        assert_eq!((visit.status, visit.q, visit.sort), (Some("under_review"), "mural", "discussed"));
        let v = query("status=lost&sort=old");
        let visit = Visit::of(&v, None, None);
        assert_eq!((visit.status, visit.q, visit.sort), (None, "", "top"), "unknown ones are none");
    }

    #[test]
    fn base_paths() {
        assert_eq!(base_path(r#"<base href="/">"#).as_deref(), Some("/"));
        assert_eq!(base_path(r#"<base href="/portal/">"#).as_deref(), Some("/portal/"));
        assert_eq!(base_path(r#"<base href="/portal">"#).as_deref(), Some("/portal/"));
        assert_eq!(base_path(r#"<base href="https://x.example/app/">"#).as_deref(), Some("/app/"));
        assert_eq!(base_path(r#"<base href="https://x.example">"#).as_deref(), Some("/"));
        assert_eq!(base_path("<head>"), None);
    }

    #[test]
    fn escapes_every_special_character() {
        assert_eq!(esc(r#"<a href="x">'&'</a>"#), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }
}
