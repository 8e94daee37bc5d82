//! Command-line flags and their environment variables.
//!
//! The first four flags are a promise to deployers (see PRODUCT.md): keep their names.

use std::path::PathBuf;

use clap::Parser;

#[derive(Debug, Clone, Parser)]
#[command(name = "golmok-server", version, about = "Golmok: the participation portal for alley districts")]
pub struct Config {
    /// Address to listen on, `HOST:PORT`.
    #[arg(long, env = "GOLMOK_LISTEN", value_name = "ADDR", default_value = "127.0.0.1:8080")]
    pub listen: String,

    /// SQLite database: `sqlite://FILE` or a plain file path. Created if missing.
    #[arg(long, env = "GOLMOK_DATABASE", value_name = "URL", default_value = "sqlite://golmok.db")]
    pub database: String,

    /// Serve the built SPA from this directory, with index.html for deep links.
    #[arg(long = "static", env = "GOLMOK_STATIC", value_name = "DIR")]
    pub static_dir: Option<PathBuf>,

    /// Seed the demo district and demo accounts into an empty database.
    // Boolish so that GOLMOK_DEMO=1 / yes / on work as deployers expect.
    #[arg(long, env = "GOLMOK_DEMO", value_parser = clap::builder::BoolishValueParser::new())]
    pub demo: bool,

    /// Origin allowed to call the API from a browser (repeatable; `*` for any).
    /// Without it only same-origin pages can.
    #[arg(long = "cors-origin", env = "GOLMOK_CORS_ORIGINS", value_name = "ORIGIN", value_delimiter = ',')]
    pub cors_origins: Vec<String>,

    /// Extra origin the served SPA may connect to (its CSP `connect-src`), for an API
    /// hosted on another origin (repeatable).
    #[arg(long = "connect-src", env = "GOLMOK_CONNECT_SRC", value_name = "ORIGIN", value_delimiter = ',')]
    pub connect_src: Vec<String>,
}

impl Config {
    /// Defaults as the command line has them, for a given database; used by tests and
    /// embedders that do not parse arguments.
    pub fn new(database: impl Into<String>) -> Self {
        Config {
            listen: "127.0.0.1:8080".to_owned(),
            database: database.into(),
            static_dir: None,
            demo: false,
            cors_origins: Vec::new(),
            connect_src: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flags_parse() {
        let c = Config::try_parse_from([
            "golmok-server",
            "--listen",
            "0.0.0.0:9000",
            "--database",
            "/tmp/x.db",
            "--static",
            "dist",
            "--demo",
            "--cors-origin",
            "https://a.example",
            "--cors-origin",
            "https://b.example,https://c.example",
        ])
        .unwrap();
        assert_eq!(c.listen, "0.0.0.0:9000");
        assert_eq!(c.database, "/tmp/x.db");
        assert_eq!(c.static_dir, Some(PathBuf::from("dist")));
        assert!(c.demo);
        assert_eq!(c.cors_origins.len(), 3);
    }
}
