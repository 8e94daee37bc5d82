//! Link previews: the Open Graph and Twitter card tags a messenger (KakaoTalk above all)
//! reads from a shared link's HTML to draw a card, for a district, a proposal and a shop.
//! The app draws itself in the browser; a messenger's crawler runs no script, so the
//! server writes these into `index.html`. Every value is escaped; what the public cannot
//! see (a hidden proposal, an unlisted shop) gets no card, the same page as any unknown
//! address.

use crate::first_paint::esc;

/// What a shared address shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    District { slug: String },
    Proposal { slug: String, id: i64 },
    Shop { slug: String, id: i64 },
}

impl Target {
    /// `/d/{slug}`, `/d/{slug}/proposals/{id}` or `/d/{slug}/shops/{id}`, as the app's
    /// router reads them (a trailing `/` is the same page).
    pub fn of(path: &str) -> Option<Target> {
        let parts: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        let id = |s: &str| s.parse::<i64>().ok().filter(|n| *n > 0 && s.bytes().all(|b| b.is_ascii_digit()));
        match parts.as_slice() {
            ["d", slug] if is_slug(slug) => Some(Target::District { slug: (*slug).to_owned() }),
            ["d", slug, "proposals", n] if is_slug(slug) => {
                Some(Target::Proposal { slug: (*slug).to_owned(), id: id(n)? })
            }
            ["d", slug, "shops", n] if is_slug(slug) => {
                Some(Target::Shop { slug: (*slug).to_owned(), id: id(n)? })
            }
            _ => None,
        }
    }
}

/// Whether `s` is a district's address as written (`validate::slug`), percent-encoded
/// in no part: what could name a district in a path.
pub fn is_slug(s: &str) -> bool {
    golmok_api::validate::slug(s).is_ok_and(|valid| valid == s)
}

/// A card: what it says, and the page it opens (a path under the portal, no leading `/`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    pub title: String,
    pub description: String,
    /// The district's name: the card's site.
    pub district: String,
    pub path: String,
    pub lang: &'static str,
}

/// Width and height of `og-image.png` (public/), the size messengers draw largest.
const IMAGE: (u32, u32) = (1200, 630);

/// The tags of `card`, absolute against `public_url` (ending in `/`).
pub fn tags(card: &Card, public_url: &str, app_name: &str) -> String {
    let url = esc(&format!("{public_url}{}", card.path));
    let image = esc(&format!("{public_url}og-image.png"));
    let (title, description, site) = (esc(&card.title), esc(&card.description), esc(&card.district));
    let locale = if card.lang == "en" { "en_US" } else { "ko_KR" };
    let app = esc(app_name);
    [
        "<meta property=\"og:type\" content=\"website\">".to_owned(),
        format!("<meta property=\"og:site_name\" content=\"{site} · {app}\">"),
        format!("<meta property=\"og:title\" content=\"{title}\">"),
        format!("<meta property=\"og:description\" content=\"{description}\">"),
        format!("<meta property=\"og:url\" content=\"{url}\">"),
        format!("<meta property=\"og:locale\" content=\"{locale}\">"),
        format!("<meta property=\"og:image\" content=\"{image}\">"),
        format!("<meta property=\"og:image:width\" content=\"{}\">", IMAGE.0),
        format!("<meta property=\"og:image:height\" content=\"{}\">", IMAGE.1),
        format!("<meta property=\"og:image:alt\" content=\"{app}\">"),
        "<meta name=\"twitter:card\" content=\"summary_large_image\">".to_owned(),
        format!("<meta name=\"twitter:title\" content=\"{title}\">"),
        format!("<meta name=\"twitter:description\" content=\"{description}\">"),
        format!("<meta name=\"twitter:image\" content=\"{image}\">"),
        format!("<link rel=\"canonical\" href=\"{url}\">"),
    ]
    .join("\n    ")
}

/// `html` with the card: its title as the page's, its text as the page's description
/// (where `html` has one), and its tags at the end of the head. `None` if `html` has no
/// title or no head.
pub fn insert(html: &str, card: &Card, public_url: &str, app_name: &str) -> Option<String> {
    let title_start = html.find("<title>")?;
    let title_end = title_start + html[title_start..].find("</title>")? + "</title>".len();
    let head_end = html.find("</head>")?;
    if title_end > head_end {
        return None;
    }
    let titled =
        format!("{}{}{}", &html[..title_start], title_tag(card, app_name), &html[title_end..head_end]);
    const DESCRIPTION: &str = "<meta name=\"description\" content=\"";
    let described = match titled.find(DESCRIPTION) {
        Some(at) => {
            let start = at + DESCRIPTION.len();
            let end = start + titled[start..].find('"')?;
            format!("{}{}{}", &titled[..start], esc(&card.description), &titled[end..])
        }
        None => titled,
    };
    Some(format!("{described}  {}\n  {}", tags(card, public_url, app_name), &html[head_end..]))
}

fn title_tag(card: &Card, app_name: &str) -> String {
    format!("<title>{} · {}</title>", esc(&card.title), esc(app_name))
}

/// At most `max` characters of `text` on one line, cut at a space where one is near, with
/// `…` when cut: a card shows two or three lines.
pub fn short(text: &str, max: usize) -> String {
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= max {
        return line;
    }
    let cut: String = line.chars().take(max).collect();
    let at_space = cut.rfind(' ').filter(|at| cut[..*at].chars().count() > max / 2);
    format!("{}…", at_space.map_or(cut.as_str(), |at| &cut[..at]).trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_with_a_card() {
        let slug = || "eungubi-seo".to_owned();
        assert_eq!(Target::of("/d/eungubi-seo"), Some(Target::District { slug: slug() }));
        assert_eq!(Target::of("/d/eungubi-seo/"), Some(Target::District { slug: slug() }));
        assert_eq!(Target::of("/d/eungubi-seo/proposals/3"), Some(Target::Proposal { slug: slug(), id: 3 }));
        assert_eq!(Target::of("/d/eungubi-seo/shops/12"), Some(Target::Shop { slug: slug(), id: 12 }));
        for none in [
            "/",
            "/d/eungubi-seo/proposals/new",
            "/d/ab/proposals/+3",
            "/d/ab/proposals/0",
            "/d/X",
            "/d/x",
            "/d/ab-/shops/1",
            "/d/ab/shops",
            "/embed/d/x",
        ] {
            assert_eq!(Target::of(none), None, "{none}");
        }
    }

    #[test]
    fn a_card_is_escaped_and_replaces_the_title_and_description() {
        let html = "<html><head><meta name=\"description\" content=\"Golmok\"><title>골목 Golmok</title>\n</head><body></body></html>";
        let card = Card {
            title: "<script>alert('x')</script> & \"more\"".into(),
            description: "a <b>bold</b> text".into(),
            district: "은구비서로".into(),
            path: "d/eungubi-seo/proposals/3".into(),
            lang: "ko",
        };
        let page = insert(html, &card, "https://golmok.example/portal/", "골목").unwrap();
        assert!(!page.contains("<script>"), "{page}");
        assert!(page.contains(
            "<title>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;more&quot; · 골목</title>"
        ));
        assert!(page.contains("<meta name=\"description\" content=\"a &lt;b&gt;bold&lt;/b&gt; text\">"));
        assert!(page.contains(
            "<meta property=\"og:url\" content=\"https://golmok.example/portal/d/eungubi-seo/proposals/3\">"
        ));
        assert!(
            page.contains(
                "<meta property=\"og:image\" content=\"https://golmok.example/portal/og-image.png\">"
            )
        );
        assert!(page.contains("<meta property=\"og:site_name\" content=\"은구비서로 · 골목\">"));
        assert_eq!(page.matches("<title>").count(), 1);
        assert!(page.ends_with("</head><body></body></html>"));
        assert_eq!(insert("<html><head></head></html>", &card, "https://x/", "골목"), None);
        let bare = insert("<head><title>x</title></head>", &card, "https://x/", "골목").unwrap();
        assert!(bare.contains("og:description"), "no description to replace: the tags still come");
    }

    #[test]
    fn a_long_text_is_cut_at_a_space() {
        assert_eq!(short("  짧은\n글  ", 10), "짧은 글");
        assert_eq!(short("one two three four five", 12), "one two…");
        assert_eq!(short(&"가".repeat(30), 10), format!("{}…", "가".repeat(10)));
    }
}
