//! Compiles `locales/*.json` into the typed `i18n` module: a missing or misspelt key is a
//! build error, so no page can show a raw key.

use leptos_i18n_build::{Config, ParseOptions, TranslationsInfos};
use std::error::Error;
use std::path::PathBuf;

fn main() -> Result<(), Box<dyn Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    let out_dir = std::env::var_os("OUT_DIR").ok_or("OUT_DIR is not set")?;
    // `interpolate_display` lets `t_string!` fill in values, for announcements and labels.
    let options = ParseOptions::default().interpolate_display(true);
    let cfg = Config::new("ko")?.add_locale("en")?.parse_options(options);
    let infos = TranslationsInfos::parse(cfg)?;
    infos.emit_diagnostics();
    infos.rerun_if_locales_changed();
    infos.generate_i18n_module(PathBuf::from(out_dir).join("i18n"))?;
    Ok(())
}
