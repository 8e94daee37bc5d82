//! The OpenAPI document's patterns say exactly what the validation functions accept: each
//! is run against its function on the edges of its rule and on thousands of strings made
//! of the characters that matter (whitespace of every kind, controls, invisible tricks,
//! letters, digits, the separators of dates, phones and links).

use golmok_api::validate::{self, limits};
use golmok_api::{hours, instants, patterns};
use regex::{Regex, RegexBuilder};

fn compile(pattern: &str) -> Regex {
    // Counted repetition of large classes (a 5000-character body) needs room.
    RegexBuilder::new(pattern).size_limit(1 << 28).build().unwrap_or_else(|e| panic!("{pattern}: {e}"))
}

/// Characters each rule is sensitive to.
const ALPHABET: &[char] = &[
    'a', 'Z', '가', '0', '5', '9', ' ', '\t', '\n', '\r', '\u{0B}', '\u{0C}', '\u{85}', '\u{A0}', '\u{3000}',
    '\u{2028}', '\u{1C}', '\u{00}', '\u{7F}', '\u{9F}', '\u{200B}', '\u{202E}', '\u{FEFF}', '\u{200D}', '-',
    ':', '.', '@', '+', '(', ')', '/', '?', '#', '_', 'T', 'Z', 'p', 'f', 'İ',
];

/// A deterministic stream of strings of 0 to `max_len` characters from `alphabet`, mixed
/// with the `seeds` and with runs of one character around the length limits.
fn samples(seeds: &[&str], alphabet: &[char], max_len: usize, count: usize) -> Vec<String> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut out: Vec<String> = seeds.iter().map(|s| (*s).to_owned()).collect();
    for _ in 0..count {
        let len = (next() % (max_len as u64 + 1)) as usize;
        let mut s: String = (0..len).map(|_| alphabet[(next() % alphabet.len() as u64) as usize]).collect();
        // Often a valid-looking seed with noise around it.
        if !seeds.is_empty() && next() % 3 == 0 {
            let seed = seeds[(next() % seeds.len() as u64) as usize];
            s = if next() % 2 == 0 { format!("{s}{seed}") } else { format!("{seed}{s}") };
        }
        out.push(s);
    }
    out
}

fn agree(name: &str, pattern: &str, inputs: &[String], accepts: impl Fn(&str) -> bool) {
    let re = compile(pattern);
    for input in inputs {
        assert_eq!(re.is_match(input), accepts(input), "{name}: {input:?} (pattern {pattern})");
    }
}

/// Strings of `n` of `c`, padded or not, around `(min, max)`.
fn lengths((min, max): (usize, usize), c: char) -> Vec<String> {
    let mut out = Vec::new();
    for n in [0, 1, 2, min.saturating_sub(1), min, min + 1, max.saturating_sub(1), max, max + 1] {
        let s: String = std::iter::repeat_n(c, n).collect();
        out.push(format!(" {s}\n"));
        out.push(s);
    }
    out
}

/// A rule's name, its limits, whether line breaks are allowed, and its function.
type TextRule = (&'static str, (usize, usize), bool, fn(&str) -> bool);

#[test]
fn text_patterns_are_the_text_rules() {
    let cases: [TextRule; 6] = [
        ("title", limits::TITLE, false, |s| validate::title(s).is_ok()),
        ("body", limits::BODY, true, |s| validate::body(s).is_ok()),
        ("comment", limits::COMMENT, true, |s| validate::comment_body(s).is_ok()),
        ("display_name", limits::DISPLAY_NAME, false, |s| validate::display_name(s).is_ok()),
        ("shop_name", limits::SHOP_NAME, false, |s| validate::shop_name(s).is_ok()),
        ("pledge", limits::PLEDGE, false, |s| {
            validate::new_answer(&golmok_api::NewAnswer {
                stance: golmok_api::Stance::Support,
                message: "ok".into(),
                pledge: Some(s.to_owned()),
            })
            .is_ok_and(|a| a.pledge.is_some())
        }),
    ];
    for (name, limits, multiline, accepts) in cases {
        let mut inputs = samples(&["골목 장터", "a\tb\nc", " x "], ALPHABET, 12, 3000);
        inputs.extend(lengths(limits, '가'));
        inputs.extend(lengths(limits, 'a'));
        agree(name, &patterns::text(limits, multiline), &inputs, accepts);
    }
}

#[test]
fn optional_text_patterns_take_blank_too() {
    let place = |s: &str| validate::event_place(Some(s)).is_ok();
    let mut inputs = samples(&["두꺼비 벽화 앞", "   "], ALPHABET, 10, 3000);
    inputs.extend(lengths(limits::EVENT_PLACE, 'b'));
    agree("event_place", &patterns::optional_text(limits::EVENT_PLACE, false), &inputs, place);
}

#[test]
fn date_and_instant_patterns_are_the_calendar() {
    let digits = ['0', '1', '2', '9', '-', ':', 'T', 'Z', '+', '.', ' '];
    let mut dates =
        samples(&["2026-11-27", "2028-02-29", "2100-02-29", "2400-02-29", "2026-04-31"], &digits, 12, 4000);
    for year in [2000, 2024, 2100, 2400, 2999] {
        for (month, day) in [(2, 28), (2, 29), (2, 30), (4, 30), (4, 31), (12, 31), (13, 1), (0, 5), (1, 0)] {
            dates.push(format!("{year:04}-{month:02}-{day:02}"));
        }
    }
    agree("event_date", &patterns::optional_date(), &dates, |s| validate::event_date(Some(s)).is_ok());

    let mut instants = samples(
        &[
            "2026-11-27T09:30:00Z",
            "2026-11-27T18:30:00+09:00",
            "2026-11-27t18:30:00.123-01:30",
            "2026-11-27T24:00:00Z",
            "2026-02-29T10:00:00Z",
        ],
        &digits,
        8,
        4000,
    );
    // Away from the millennium's edges, where the year is checked after conversion.
    instants.retain(|s| !s.contains("2000-01-01") && !s.contains("2999-12-31"));
    let ok = |s: &str| instants::normalize(s).is_some();
    agree("instant", &patterns::required_instant(), &instants, ok);
    agree("optional instant", &patterns::optional_instant(), &instants, |s| s.trim().is_empty() || ok(s));

    let clocks = samples(&["00:00", "23:59", "24:00", "09:60", "9:30"], &digits, 6, 3000);
    agree("clock", patterns::CLOCK, &clocks, |s| hours::clock_minutes(s).is_some());
}

#[test]
fn number_and_link_patterns_are_their_rules() {
    let numbers = ['0', '1', '5', '9', '-', ' ', '(', ')', '+', 'a', '\t', '\u{3000}'];
    let inputs = samples(&["123-45-67890", "010 1234 5678", "+82 (42) 123-4567", ""], &numbers, 20, 5000);
    agree("business_number", &patterns::business_number(), &inputs, |s| validate::business_number(s).is_ok());
    agree("phone", &patterns::optional_phone(), &inputs, |s| {
        s.trim().is_empty() || validate::phone(s).is_ok()
    });

    let url = [
        'p', 'f', '.', 'k', 'a', 'o', 'c', 'm', '/', '_', '-', 'x', '?', '#', ':', 'h', 't', 's', ' ', 'P',
        'K',
    ];
    let inputs = samples(
        &[
            "pf.kakao.com/_abc",
            "https://pf.kakao.com/_abc/",
            "HTTP://PF.KAKAO.COM/x?y=1",
            "pf.kakao.com//x",
            "pf.kakao.com",
        ],
        &url,
        10,
        5000,
    );
    agree("kakao", &patterns::optional_kakao(), &inputs, |s| {
        s.trim().is_empty() || validate::kakao_channel_url(s).is_ok()
    });

    let origin = ['h', 't', 'p', 's', ':', '/', '.', '-', 'a', 'B', '0', '6', '5', ' ', '_', '가', ';'];
    let mut inputs = samples(
        &[
            "https://district.example",
            " HTTP://A-b.C1:65535/ ",
            "https://a.example:65536",
            "https://a.example:080",
            "https://-a.example",
            "https://a..example",
            "https://a.example//",
            "https://a.example/x",
            "http://localhost:8123",
            "https://",
        ],
        &origin,
        12,
        5000,
    );
    inputs.push(format!("https://{}.example", "a".repeat(63)));
    inputs.push(format!("https://{}.example", "a".repeat(64)));
    agree("embed origin", &patterns::optional_embed_origin(), &inputs, |s| {
        s.trim().is_empty() || validate::embed_origins(&[s.to_owned()]).is_ok_and(|o| o.len() == 1)
    });

    let mail = ['a', 'B', '.', '@', ' ', '\t', '-', '\u{7F}', '\u{A0}', '가', 'İ'];
    let mut inputs = samples(&["a@b.c", "a.b@c..d", "@b.c", "a@.b", "a@b.", "a@b@c.d"], &mail, 10, 5000);
    inputs.push(format!("{}@example.com", "a".repeat(242)));
    inputs.push(format!("{}@example.com", "a".repeat(243)));
    inputs.push(format!("{}@example.com", "İ".repeat(200)));
    // The document says the length with `maxLength`, the rest with the pattern.
    let re = compile(&patterns::email());
    for input in &inputs {
        let schema = re.is_match(input) && input.chars().count() <= limits::EMAIL.1;
        assert_eq!(schema, validate::email(input).is_ok(), "email: {input:?}");
    }
}
