//! Command-line flags and their environment variables.
//!
//! The first four flags are a promise to deployers (see PRODUCT.md): keep their names.

use std::{path::PathBuf, time::Duration};

use anyhow::Context;
use clap::Parser;
use ipnet::IpNet;

use crate::limits::{self, Limit, Limits, Setting};

/// A default written as on the command line; the defaults are known good.
fn limit(s: &str) -> Limit {
    s.parse().unwrap_or(Limit { count: u32::MAX, per: limits::LONGEST_WINDOW })
}

/// Longest a request may take, reading its body included, before it is answered 408.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

#[derive(Debug, Clone, Parser)]
#[command(name = "golmok-server", version, about = "Golmok: the participation portal for alley districts")]
pub struct Config {
    /// Address to listen on, `HOST:PORT`.
    #[arg(long, env = "GOLMOK_LISTEN", value_name = "ADDR", default_value = "127.0.0.1:8080")]
    pub listen: String,

    /// The database: `sqlite://FILE` or a file path (created if missing), or
    /// `postgres://USER:PASS@HOST/DB`.
    #[arg(
        long,
        env = "GOLMOK_DATABASE",
        value_name = "URL",
        default_value = "sqlite://golmok.db",
        global = true
    )]
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

    /// The portal's public address, with its sub-path (`https://golmok.example.org/`):
    /// link previews name pages and their image by it. Without it, `http://` and the
    /// host a request names.
    #[arg(long = "public-url", env = "GOLMOK_PUBLIC_URL", value_name = "URL")]
    pub public_url: Option<String>,

    /// Logins per client address (`COUNT/WINDOW`, e.g. `300/5m`, or `off`).
    #[arg(long, env = "GOLMOK_LIMIT_LOGIN", value_name = "LIMIT", default_value = "300/5m", value_parser = limits::parse_limit)]
    pub limit_login: Setting,

    /// Failed logins per email (known or not) from one client address; past it, that email
    /// waits there. Every address together gets ten times as many.
    #[arg(long, env = "GOLMOK_LIMIT_LOGIN_FAILURES", value_name = "LIMIT", default_value = "10/15m", value_parser = limits::parse_limit)]
    pub limit_login_failures: Setting,

    /// New accounts per client address.
    #[arg(long, env = "GOLMOK_LIMIT_REGISTER", value_name = "LIMIT", default_value = "300/1h", value_parser = limits::parse_limit)]
    pub limit_register: Setting,

    /// Writes (proposals, supports, comments, answers, reports, …) per account.
    #[arg(long, env = "GOLMOK_LIMIT_WRITES", value_name = "LIMIT", default_value = "60/1m", value_parser = limits::parse_limit)]
    pub limit_writes: Setting,

    /// Writes per client address, all accounts behind it together.
    #[arg(long, env = "GOLMOK_LIMIT_ADDRESS_WRITES", value_name = "LIMIT", default_value = "1200/1m", value_parser = limits::parse_limit)]
    pub limit_address_writes: Setting,

    /// A load balancer or proxy in front of the server whose `X-Forwarded-For` is
    /// believed (an address or a network, repeatable). Without it the peer's address is
    /// the client's.
    #[arg(long = "trusted-proxy", env = "GOLMOK_TRUSTED_PROXIES", value_name = "IP[/BITS]", value_delimiter = ',', value_parser = limits::parse_proxy)]
    pub trusted_proxies: Vec<IpNet>,

    /// Not a flag: [`REQUEST_TIMEOUT`], shortened by tests that exercise it.
    #[arg(skip = REQUEST_TIMEOUT)]
    pub request_timeout: Duration,

    /// Not a flag: the clock a proposal's expiry reads, the system's; tests keep a clone
    /// and move it ahead to see proposals age.
    #[arg(skip)]
    pub clock: crate::db::clock::Clock,
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
            public_url: None,
            limit_login: Setting(Some(limit("300/5m"))),
            limit_login_failures: Setting(Some(limit("10/15m"))),
            limit_register: Setting(Some(limit("300/1h"))),
            limit_writes: Setting(Some(limit("60/1m"))),
            limit_address_writes: Setting(Some(limit("1200/1m"))),
            trusted_proxies: Vec::new(),
            request_timeout: REQUEST_TIMEOUT,
            clock: Default::default(),
        }
    }

    /// The rate limits these flags set.
    pub fn limits(&self) -> Limits {
        Limits {
            login: self.limit_login.0,
            login_failures: self.limit_login_failures.0,
            register: self.limit_register.0,
            writes: self.limit_writes.0,
            address_writes: self.limit_address_writes.0,
            trusted_proxies: self.trusted_proxies.clone(),
        }
    }

    /// Checks what can be checked without opening anything, so a typo in a flag stops the
    /// server before it creates or seeds a database.
    pub fn validate(&self) -> anyhow::Result<()> {
        let cors: Vec<String> = self.cors_origins.iter().filter(|o| o.trim() != "*").cloned().collect();
        origins("--cors-origin", &cors)?;
        origins("--connect-src", &self.connect_src)?;
        self.public_url()?;
        Ok(())
    }

    /// `--public-url`, checked, ending in `/`. It is written into HTML and shared links,
    /// so nothing but an `http` or `https` address passes.
    pub fn public_url(&self) -> anyhow::Result<Option<String>> {
        let Some(raw) = self.public_url.as_deref().map(str::trim).filter(|u| !u.is_empty()) else {
            return Ok(None);
        };
        let rest = raw.strip_prefix("https://").or_else(|| raw.strip_prefix("http://"));
        let plain =
            raw.chars().all(|c| c.is_ascii_graphic() && !matches!(c, '"' | '\'' | '<' | '>' | '?' | '#'));
        anyhow::ensure!(
            rest.is_some_and(|r| !r.is_empty() && !r.starts_with('/')) && plain,
            "--public-url must be an http or https address such as https://golmok.example.org/, not {raw:?}"
        );
        Ok(Some(if raw.ends_with('/') { raw.to_owned() } else { format!("{raw}/") }))
    }
}

/// The configured origins of `flag`, checked and normalised (lower case, no trailing
/// `/`); empty entries, as a trailing comma in an environment variable makes, are
/// skipped. Both CORS and the CSP compare origins as whole strings, and the CSP is a
/// `;`-separated list, so anything but `scheme://host[:port]` is refused at startup
/// rather than silently never matching or injecting a directive.
pub fn origins(flag: &str, values: &[String]) -> anyhow::Result<Vec<String>> {
    values
        .iter()
        .map(|v| v.trim())
        .filter(|v| !v.is_empty())
        .map(|v| {
            origin(v).with_context(|| {
                format!(
                    "{flag} {v:?} is not an origin: expected scheme://host[:port], e.g. https://example.org"
                )
            })
        })
        .collect()
}

fn origin(value: &str) -> anyhow::Result<String> {
    let value = value.strip_suffix('/').unwrap_or(value).to_ascii_lowercase();
    let (scheme, authority) = value.split_once("://").context("no scheme")?;
    anyhow::ensure!(
        scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')),
        "bad scheme {scheme:?}"
    );
    let port = match authority.strip_prefix('[') {
        // An IPv6 literal carries colons of its own.
        Some(rest) => {
            let (ip, after) = rest.split_once(']').context("unclosed [")?;
            anyhow::ensure!(
                !ip.is_empty() && ip.chars().all(|c| c.is_ascii_hexdigit() || matches!(c, ':' | '.')),
                "bad IPv6 address {ip:?}"
            );
            match after {
                "" => None,
                _ => Some(after.strip_prefix(':').context("junk after the IPv6 address")?),
            }
        }
        None => {
            let (host, port) = match authority.split_once(':') {
                Some((host, port)) => (host, Some(port)),
                None => (authority, None),
            };
            anyhow::ensure!(
                !host.is_empty()
                    && host.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.'))
                    && !host.starts_with(['.', '-']),
                "bad host {host:?} (no path, user or query may follow it)"
            );
            port
        }
    };
    if let Some(port) = port {
        anyhow::ensure!(
            port.bytes().all(|b| b.is_ascii_digit()) && port.parse::<u16>().is_ok_and(|p| p > 0),
            "bad port {port:?}"
        );
    }
    Ok(value)
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
        // The defaults parsed from the command line are the ones tests and embedders get.
        let defaults = Config::new("/tmp/x.db");
        assert_eq!(
            (c.limit_login, c.limit_login_failures, c.limit_register, c.limit_writes, c.limit_address_writes),
            (
                defaults.limit_login,
                defaults.limit_login_failures,
                defaults.limit_register,
                defaults.limit_writes,
                defaults.limit_address_writes
            )
        );
        let c = Config::try_parse_from([
            "golmok-server",
            "--limit-writes",
            "off",
            "--limit-login",
            "5/10s",
            "--trusted-proxy",
            "10.0.0.0/8,::1",
        ])
        .unwrap();
        assert_eq!((c.limit_writes.0, c.limit_login.0.map(|l| l.count)), (None, Some(5)));
        assert_eq!(c.trusted_proxies.len(), 2);
        assert!(Config::try_parse_from(["golmok-server", "--limit-writes", "lots"]).is_err());
        assert!(Config::try_parse_from(["golmok-server", "--trusted-proxy", "lb.local"]).is_err());
    }

    #[test]
    fn the_public_address_is_an_http_address_ending_in_a_slash() {
        let public = |v: &str| {
            Config { public_url: Some(v.to_owned()), ..Config::new("sqlite::memory:") }.public_url()
        };
        assert_eq!(
            public("https://golmok.example/portal").unwrap().as_deref(),
            Some("https://golmok.example/portal/")
        );
        assert_eq!(public(" http://127.0.0.1:8080/ ").unwrap().as_deref(), Some("http://127.0.0.1:8080/"));
        assert_eq!(public("  ").unwrap(), None, "blank: from the request");
        for bad in [
            "golmok.example",
            "ftp://golmok.example/",
            "https://",
            "https:///x",
            "https://a.example/\"x",
            "https://a b/",
            "https://a.example/?q",
        ] {
            let err = public(bad).expect_err(bad);
            assert!(format!("{err:#}").contains("--public-url"), "{err:#}");
        }
    }

    #[test]
    fn origins_are_checked_and_normalised() {
        let ok = |v: &str| origins("--connect-src", &[v.to_owned()]).map(|mut o| o.pop().unwrap());
        assert_eq!(ok("https://api.example").unwrap(), "https://api.example");
        assert_eq!(ok(" HTTPS://API.Example:8443/ ").unwrap(), "https://api.example:8443");
        assert_eq!(ok("http://127.0.0.1:8080").unwrap(), "http://127.0.0.1:8080");
        assert_eq!(ok("wss://[::1]:9000").unwrap(), "wss://[::1]:9000");
        assert_eq!(ok("http://localhost").unwrap(), "http://localhost");
        for bad in [
            "https://api.example; script-src *",
            "https://api.example;",
            "https://api.example/path",
            "https://api.example/v1/",
            "https://api.example?x=1",
            "https://user@api.example",
            "https://api.example:99999",
            "https://api.example:",
            "https://api .example",
            "https://",
            "api.example",
            "*",
            "'unsafe-inline'",
            "https://[::1",
            "1https://api.example",
        ] {
            let err = ok(bad).expect_err(bad);
            assert!(format!("{err:#}").contains("--connect-src"), "{err:#}");
        }
        let many =
            origins("--cors-origin", &["https://a.example".into(), " ".into(), "https://b.example/".into()]);
        assert_eq!(many.unwrap(), ["https://a.example", "https://b.example"]);
    }
}
