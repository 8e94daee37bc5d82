//! Rate limits: how many logins, registrations and writes a client address, an account
//! or an email may make in a window before the answer is 429 `rate_limited` with
//! `Retry-After`.
//!
//! Counts live in the database (`db/limits.rs`), so a limit holds across every server
//! process on one PostgreSQL. Windows are fixed (aligned to multiples of their length):
//! one row per bucket and window, one upsert per counted request.
//!
//! The defaults are loose on purpose. Korean mobile carriers put many phones behind one
//! address, and a street festival's crowd shares the venue's Wi-Fi, so the per-address
//! limits stop a single machine flooding, not a crowd; the per-account and per-email
//! limits are the tight ones. See the README ("Rate limits") for the numbers.
//!
//! Failed logins are counted per email *and* client address, so nobody can lock a known
//! email out from their own machine; a looser count per email across every address
//! ([`EMAIL_FAILURES_PER_ADDRESS_LIMIT`] times the first) still slows a guess spread
//! over many addresses.

use std::{
    net::{IpAddr, SocketAddr},
    str::FromStr,
    time::{Duration, SystemTime, UNIX_EPOCH},
};

use axum::{
    extract::{ConnectInfo, FromRequestParts, Request, State},
    http::{Extensions, HeaderMap, Method, request::Parts},
    middleware::Next,
    response::Response,
};
use ipnet::IpNet;

use crate::{
    AppState,
    db::{StoreError, StoreResult},
    error::{ApiError, ApiResult},
};

/// At most `count` tries per `per`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit {
    pub count: u32,
    pub per: Duration,
}

/// The longest window a limit may have.
pub const LONGEST_WINDOW: Duration = Duration::from_secs(24 * 3600);

impl FromStr for Limit {
    type Err = String;

    /// `COUNT/WINDOW`, the window in seconds, minutes or hours: `60/1m`, `300/1h`, `5/10s`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("{s:?}: expected COUNT/WINDOW such as 60/1m, 300/1h or 5/10s, or off");
        let (count, window) = s.trim().split_once('/').ok_or_else(bad)?;
        let count: u32 = count.trim().parse().map_err(|_| bad())?;
        let window = window.trim();
        let unit = match window.chars().last() {
            Some('s') => 1,
            Some('m') => 60,
            Some('h') => 3600,
            _ => return Err(bad()),
        };
        let n: u64 = window[..window.len() - 1].parse().map_err(|_| bad())?;
        let per = Duration::from_secs(n.checked_mul(unit).ok_or_else(bad)?);
        if count == 0 || per.is_zero() || per > LONGEST_WINDOW {
            return Err(format!("{s:?}: the count must be at least 1 and the window 1s to 24h"));
        }
        Ok(Limit { count, per })
    }
}

/// How many times the failed logins one address may make for an email, all addresses
/// together may make for it. Ten: a person trying from home, from work and on the bus
/// never meets it, while a guesser spread over many addresses gets ten addresses' worth
/// and no more. Derived rather than a flag of its own so that turning the failed-login
/// limit off (as the schemathesis run does) turns both off.
pub const EMAIL_FAILURES_PER_ADDRESS_LIMIT: u32 = 10;

/// A flag's limit: one, or none (`off`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Setting(pub Option<Limit>);

/// A limit, or `off`.
pub fn parse_limit(s: &str) -> Result<Setting, String> {
    if s.trim().eq_ignore_ascii_case("off") { Ok(Setting(None)) } else { s.parse().map(|l| Setting(Some(l))) }
}

/// Which of the limits a request spends from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Spend {
    /// A login try, per client address.
    Login,
    /// A failed login, per email and client address (known email or not: the answer must
    /// not tell them apart).
    LoginFailure,
    /// A failed login, per email from every address together.
    EmailLoginFailure,
    /// A new account, per client address.
    Register,
    /// Any other write, per account.
    Write,
    /// Any other write, per client address.
    AddressWrite,
}

/// The configured limits, and whom to believe about the client's address.
#[derive(Debug, Clone)]
pub struct Limits {
    pub login: Option<Limit>,
    pub login_failures: Option<Limit>,
    pub register: Option<Limit>,
    pub writes: Option<Limit>,
    pub address_writes: Option<Limit>,
    /// Proxies (load balancers) whose `X-Forwarded-For` is believed.
    pub trusted_proxies: Vec<IpNet>,
}

impl Limits {
    fn of(&self, spend: Spend) -> Option<Limit> {
        match spend {
            Spend::Login => self.login,
            Spend::LoginFailure => self.login_failures,
            Spend::EmailLoginFailure => self.login_failures.map(|l| Limit {
                count: l.count.saturating_mul(EMAIL_FAILURES_PER_ADDRESS_LIMIT),
                per: l.per,
            }),
            Spend::Register => self.register,
            Spend::Write => self.writes,
            Spend::AddressWrite => self.address_writes,
        }
    }

    /// The longest window of the configured limits (none: nothing is counted). Servers
    /// sharing a database are meant to share their limits too; one with shorter windows
    /// would forget the others' counts early.
    pub fn longest(&self) -> Duration {
        [self.login, self.login_failures, self.register, self.writes, self.address_writes]
            .into_iter()
            .flatten()
            .map(|l| l.per)
            .max()
            .unwrap_or_default()
    }

    /// The client's address: the direct peer, unless the peer is a trusted proxy; then
    /// the nearest address in `X-Forwarded-For` that is not one (each proxy appends the
    /// address it got the request from, so entries further left are whatever the client
    /// claimed).
    pub fn client(&self, peer: IpAddr, headers: &HeaderMap) -> IpAddr {
        // A server listening on `[::]` sees IPv4 peers as `::ffff:a.b.c.d`.
        let peer = peer.to_canonical();
        let trusted = |ip: &IpAddr| self.trusted_proxies.iter().any(|net| net.contains(ip));
        if !trusted(&peer) {
            return peer;
        }
        let forwarded = headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(','))
            .map(str::trim)
            .collect::<Vec<_>>();
        let mut client = peer;
        for hop in forwarded.into_iter().rev() {
            match hop.parse::<IpAddr>().map(|ip| ip.to_canonical()) {
                Ok(ip) if trusted(&ip) => client = ip,
                Ok(ip) => return ip,
                // Garbage from the client's side of the chain: stop at the last good hop.
                Err(_) => return client,
            }
        }
        client
    }
}

/// A proxy's address or network: `10.0.0.7`, `10.0.0.0/8`, `::1`.
pub fn parse_proxy(s: &str) -> Result<IpNet, String> {
    let s = s.trim();
    s.parse::<IpNet>()
        .or_else(|_| s.parse::<IpAddr>().map(IpNet::from))
        .map_err(|_| format!("{s:?} is not an IP address or network (10.0.0.7, 10.0.0.0/8)"))
}

fn unix_now() -> u64 {
    SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs())
}

/// The window `now` falls in, and the seconds until it ends (at least 1).
fn window(limit: Limit, now: u64) -> (i64, u64) {
    let per = limit.per.as_secs().max(1);
    let start = now - now % per;
    (i64::try_from(start).unwrap_or(i64::MAX), (start + per - now).max(1))
}

/// Counts one try of `spend` for `who`; 429 once the window's tries are over the limit.
pub async fn spend(state: &AppState, spend: Spend, who: &str) -> ApiResult<()> {
    let Some(limit) = state.limits.of(spend) else { return Ok(()) };
    let now = unix_now();
    let (start, left) = window(limit, now);
    // Every window that began before the longest configured one is over, whatever its
    // limit: those rows count nothing any more.
    let oldest = i64::try_from(now.saturating_sub(state.limits.longest().as_secs())).unwrap_or(0);
    let Some(hits) = unless_busy(spend, state.store.hit(&bucket(spend, who), start, oldest).await)? else {
        return Ok(());
    };
    if hits > i64::from(limit.count) { Err(ApiError::RateLimited { retry_after: left }) } else { Ok(()) }
}

/// Counts a password try for `email` from `client` against both failed-login limits
/// (this address's, then every address's), before the password is checked: a burst of
/// guesses sent at once cannot all pass before any is counted. A right password gives
/// the tries back ([`refund_password_try`]). Unknown emails count the same.
pub async fn spend_password_try(state: &AppState, email: &str, client: IpAddr) -> ApiResult<()> {
    spend(state, Spend::LoginFailure, &from_address(email, client)).await?;
    spend(state, Spend::EmailLoginFailure, email).await
}

/// Gives back what [`spend_password_try`] counted: the password was right.
pub async fn refund_password_try(state: &AppState, email: &str, client: IpAddr) -> ApiResult<()> {
    refund(state, Spend::LoginFailure, &from_address(email, client)).await?;
    refund(state, Spend::EmailLoginFailure, email).await
}

/// The key of an email's tries from one address. The address goes first: it has no
/// space, so no email can make another pair's key.
fn from_address(email: &str, client: IpAddr) -> String {
    format!("{client} {email}")
}

/// Gives back the try [`spend`] counted in this window (a login that succeeded).
pub async fn refund(state: &AppState, spend: Spend, who: &str) -> ApiResult<()> {
    let Some(limit) = state.limits.of(spend) else { return Ok(()) };
    let (start, _) = window(limit, unix_now());
    unless_busy(spend, state.store.unhit(&bucket(spend, who), start).await)?;
    Ok(())
}

/// What the counting answered, or `None` when the database was too busy to count (locked
/// past its timeout, no connection free): the request then goes on uncounted. A limit is
/// a guard against floods, not the request's own work; turning a busy moment into 503s
/// for every write, login included, would be worse than letting a few tries through. The
/// request's own work still meets the busy database and answers for itself.
fn unless_busy<T>(spend: Spend, counted: StoreResult<T>) -> ApiResult<Option<T>> {
    match counted {
        Ok(value) => Ok(Some(value)),
        Err(StoreError::Busy) => {
            tracing::warn!(limit = ?spend, "the database is too busy to count a try; letting it through");
            Ok(None)
        }
        Err(e) => Err(e.into()),
    }
}

/// 429 if `who` has no tries of `spend` left in this window, without counting one.
pub async fn check(state: &AppState, spend: Spend, who: &str) -> ApiResult<()> {
    let Some(limit) = state.limits.of(spend) else { return Ok(()) };
    let (start, left) = window(limit, unix_now());
    let Some(hits) = unless_busy(spend, state.store.hits(&bucket(spend, who), start).await)? else {
        return Ok(());
    };
    if hits >= i64::from(limit.count) { Err(ApiError::RateLimited { retry_after: left }) } else { Ok(()) }
}

fn bucket(spend: Spend, who: &str) -> String {
    let kind = match spend {
        Spend::Login => "login",
        Spend::LoginFailure => "login-failure",
        Spend::EmailLoginFailure => "email-login-failure",
        Spend::Register => "register",
        Spend::Write => "write",
        Spend::AddressWrite => "address-write",
    };
    // Hashed: the table keeps no email or address in the clear, and any text makes a key
    // (PostgreSQL refuses a NUL, which a login's email may carry).
    format!("{kind}:{}", &crate::auth::token_hash(who)[..32])
}

/// Middleware on the API: every request that changes something spends from its client
/// address's limit (logins and registrations from their own). Reads are never limited.
pub async fn by_address(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Result<Response, ApiError> {
    if matches!(*request.method(), Method::GET | Method::HEAD | Method::OPTIONS) {
        return Ok(next.run(request).await);
    }
    let client = state.limits.client(peer(request.extensions()), request.headers());
    let path = request.uri().path();
    let kind = if path.ends_with("/auth/login") {
        Spend::Login
    } else if path.ends_with("/auth/register") {
        Spend::Register
    } else {
        Spend::AddressWrite
    };
    spend(&state, kind, &client.to_string()).await?;
    Ok(next.run(request).await)
}

/// The connection's peer; served without connection info (a test calling the router
/// directly), one client.
fn peer(extensions: &Extensions) -> IpAddr {
    extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::from([127, 0, 0, 1]), |ConnectInfo(addr)| addr.ip())
}

/// The client's address as the limits see it ([`Limits::client`]), for a handler that
/// counts tries itself (failed passwords).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClientAddress(pub IpAddr);

impl FromRequestParts<AppState> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        Ok(ClientAddress(state.limits.client(peer(&parts.extensions), &parts.headers)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits(proxies: &[&str]) -> Limits {
        Limits {
            login: None,
            login_failures: None,
            register: None,
            writes: None,
            address_writes: None,
            trusted_proxies: proxies.iter().map(|p| parse_proxy(p).unwrap()).collect(),
        }
    }

    fn forwarded(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert("x-forwarded-for", value.parse().unwrap());
        headers
    }

    #[test]
    fn limits_read_as_count_per_window() {
        assert_eq!("60/1m".parse(), Ok(Limit { count: 60, per: Duration::from_secs(60) }));
        assert_eq!(" 5/10s ".parse(), Ok(Limit { count: 5, per: Duration::from_secs(10) }));
        assert_eq!("300/24h".parse::<Limit>().map(|l| l.per), Ok(LONGEST_WINDOW));
        assert_eq!(parse_limit("off"), Ok(Setting(None)));
        assert_eq!(parse_limit("2/1s").map(|s| s.0.map(|l| l.count)), Ok(Some(2)));
        for bad in [
            "60",
            "60/",
            "/1m",
            "0/1m",
            "5/0s",
            "5/25h",
            "5/1d",
            "x/1m",
            "5/m",
            "1/99999999999999999999h",
            "1/18446744073709551615h",
        ] {
            assert!(bad.parse::<Limit>().is_err(), "{bad}");
        }
    }

    #[test]
    fn an_email_may_fail_ten_times_as_often_from_every_address_as_from_one() {
        let per = Duration::from_secs(900);
        let mut l = limits(&[]);
        l.login_failures = Some(Limit { count: 10, per });
        assert_eq!(l.of(Spend::LoginFailure), Some(Limit { count: 10, per }));
        assert_eq!(l.of(Spend::EmailLoginFailure), Some(Limit { count: 100, per }));
        l.login_failures = Some(Limit { count: u32::MAX, per });
        assert_eq!(l.of(Spend::EmailLoginFailure).map(|l| l.count), Some(u32::MAX));
        l.login_failures = None;
        assert_eq!(l.of(Spend::EmailLoginFailure), None, "off turns both off");
    }

    #[test]
    fn the_longest_window_is_that_of_the_configured_limits() {
        let mut l = limits(&[]);
        assert_eq!(l.longest(), Duration::ZERO);
        l.writes = Some(Limit { count: 60, per: Duration::from_secs(60) });
        l.login_failures = Some(Limit { count: 10, per: Duration::from_secs(900) });
        assert_eq!(l.longest(), Duration::from_secs(900));
        assert_eq!(crate::Config::new("x.db").limits().longest(), Duration::from_secs(3600), "300/1h");
    }

    #[test]
    fn a_window_is_aligned_and_says_how_long_is_left() {
        let limit = Limit { count: 1, per: Duration::from_secs(60) };
        assert_eq!(window(limit, 120), (120, 60));
        assert_eq!(window(limit, 179), (120, 1));
        assert_eq!(window(limit, 150), (120, 30));
    }

    #[test]
    fn the_client_is_the_peer_unless_the_peer_is_a_trusted_proxy() {
        let peer: IpAddr = "10.0.0.7".parse().unwrap();
        let claim = forwarded("203.0.113.9");
        // Nobody trusted: a client cannot pick its own address.
        assert_eq!(limits(&[]).client(peer, &claim), peer);
        assert_eq!(limits(&["10.0.0.0/8"]).client(peer, &claim).to_string(), "203.0.113.9");
        assert_eq!(limits(&["10.0.0.7"]).client(peer, &claim).to_string(), "203.0.113.9");
        assert_eq!(limits(&["10.0.0.8"]).client(peer, &claim), peer);
        // What the client put in front of the proxies' own entries is not believed.
        let chain = forwarded("1.2.3.4, 203.0.113.9, 10.0.0.5");
        assert_eq!(limits(&["10.0.0.0/8"]).client(peer, &chain).to_string(), "203.0.113.9");
        // Nothing forwarded, or nothing usable: the proxy itself.
        assert_eq!(limits(&["10.0.0.0/8"]).client(peer, &HeaderMap::new()), peer);
        assert_eq!(limits(&["10.0.0.0/8"]).client(peer, &forwarded("garbage")), peer);
        // An IPv4 peer seen through an IPv6 socket is the same peer.
        let mapped: IpAddr = "::ffff:10.0.0.7".parse().unwrap();
        assert_eq!(limits(&["10.0.0.0/8"]).client(mapped, &claim).to_string(), "203.0.113.9");
        assert_eq!(limits(&[]).client(mapped, &claim), peer);
        assert!(parse_proxy("10.0.0.0/33").is_err() && parse_proxy("proxy").is_err());
    }
}
