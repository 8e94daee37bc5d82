//! A QR code as SVG, made in the browser from the address it opens (the posters: a phone
//! camera pointed at a printed sheet opens the proposal, the shop or the district).
//!
//! The encoder is `qrcodegen`; the drawing is one SVG `<path>` of the dark modules, a run
//! of them per row, inside the four-module quiet zone that readers need around a code.
//! Black on white whatever the theme: it is for paper and cameras.

use std::fmt::Write as _;

use leptos::prelude::*;
use qrcodegen::{QrCode, QrCodeEcc};

/// The light margin around the code, in modules, as the standard asks.
const QUIET: i32 = 4;

/// The side of the drawing (in modules, quiet zone included) and the path of its dark
/// modules; `None` for text too long for any QR code (about 2 KB).
pub fn qr_path(text: &str) -> Option<(i32, String)> {
    // Medium correction: a poster taped outside survives some wear and a crease.
    let code = QrCode::encode_text(text, QrCodeEcc::Medium).ok()?;
    let size = code.size();
    let mut path = String::new();
    for y in 0..size {
        let mut x = 0;
        while x < size {
            if !code.get_module(x, y) {
                x += 1;
                continue;
            }
            let start = x;
            while x < size && code.get_module(x, y) {
                x += 1;
            }
            let run = x - start;
            let _ = write!(path, "M{},{}h{run}v1h-{run}z", start + QUIET, y + QUIET);
        }
    }
    Some((size + 2 * QUIET, path))
}

/// The code as an SVG document.
pub fn qr_svg(text: &str) -> Option<String> {
    let (side, path) = qr_path(text)?;
    Some(format!(
        "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 {side} {side}' shape-rendering='crispEdges'>\
         <rect width='{side}' height='{side}' fill='#fff'/><path d='{path}' fill='#000'/></svg>"
    ))
}

/// The code of `text` as an image (an SVG in a `data:` address, which the CSP's
/// `img-src` allows: no SVG elements to build, and it prints as sharp as it shows), named
/// `label` for screen readers.
#[component]
pub fn Qr(#[prop(into)] text: String, #[prop(into)] label: String) -> impl IntoView {
    qr_svg(&text).map(|svg| {
        // Only `#` and `%` could break the address here: a path of digits and letters.
        let src = format!("data:image/svg+xml,{}", svg.replace('%', "%25").replace('#', "%23"));
        view! { <img class="qr" src=src alt=label /> }
    })
}
