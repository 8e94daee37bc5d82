//! Validation of what users type, the same on both sides of the wire.
//!
//! Each checker takes the raw input and answers the normalised value (trimmed, emptied
//! optionals turned into `None`) or the problems found. Lengths count Unicode scalar
//! values, so "맹꽁이" is 3 and an emoji is usually 1, matching what a person counts.

use serde::{Deserialize, Serialize};

#[cfg(feature = "openapi")]
use utoipa::ToSchema;

use crate::announcements::{AnnouncementUpdate, NewAnnouncement};
use crate::answers::NewAnswer;
use crate::districts::{DistrictSettingsUpdate, NewDistrict, NewModerator, ranges};
use crate::hours::{self, DayHours, WeeklyHours};
use crate::life::{ProposalEdit, StatusChange, UpdateNote};
use crate::moderation::{NewReport, NewSuspension, Visibility};
use crate::shops::{NewShopClaim, ShopUpdate, Verification, VerificationDecision};
use crate::types::{
    DeleteAccount, LoginRequest, NewComment, NewProposal, Proposal, ProposalKind, RegisterRequest,
};

/// Length limits, in characters, inclusive.
pub mod limits {
    pub const TITLE: (usize, usize) = (2, 80);
    pub const BODY: (usize, usize) = (10, 5000);
    pub const EVENT_PLACE: (usize, usize) = (1, 100);
    pub const COMMENT: (usize, usize) = (1, 1000);
    pub const DISPLAY_NAME: (usize, usize) = (2, 30);
    pub const EMAIL: (usize, usize) = (3, 254);
    pub const PASSWORD: (usize, usize) = (8, 128);
    pub const SHOP_NAME: (usize, usize) = (1, 50);
    /// A claimant's note, a moderator's reason.
    pub const NOTE: (usize, usize) = (1, 500);
    pub const SHOP_DESCRIPTION: (usize, usize) = (1, 300);
    pub const ANSWER_MESSAGE: (usize, usize) = (1, 1000);
    pub const PLEDGE: (usize, usize) = (1, 200);
    pub const ANNOUNCEMENT_BODY: (usize, usize) = (1, 2000);
    /// How long an announcement shows when no end is given.
    pub const ANNOUNCEMENT_DAYS: i64 = 30;
    pub const SHOP_PLACE: (usize, usize) = (1, 100);
    /// Digits in a phone number, area code included.
    pub const PHONE_DIGITS: (usize, usize) = (8, 12);
    /// Digits in a business registration number (사업자등록번호).
    pub const BUSINESS_NUMBER_DIGITS: usize = 10;
    pub const SLUG: (usize, usize) = (2, 40);
    pub const DISTRICT_NAME: (usize, usize) = (2, 60);
    pub const REGION: (usize, usize) = (1, 60);
    pub const DISTRICT_DESCRIPTION: (usize, usize) = (1, 1000);
}

/// What is wrong with one field. `limit` is the minimum for `too_short` and the maximum
/// for `too_long`, so clients can say "at least 2 characters".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
pub struct FieldError {
    pub field: String,
    pub code: FieldErrorCode,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum FieldErrorCode {
    Required,
    TooShort,
    TooLong,
    Invalid,
}

impl FieldError {
    fn new(field: &str, code: FieldErrorCode, limit: Option<usize>) -> Self {
        FieldError {
            field: field.to_owned(),
            code,
            limit: limit.map(|l| u32::try_from(l).unwrap_or(u32::MAX)),
        }
    }

    /// Short English sentence, used in the server's error message.
    pub fn describe(&self) -> String {
        let limit = self.limit.unwrap_or_default();
        match self.code {
            FieldErrorCode::Required => format!("{} is required", self.field),
            FieldErrorCode::TooShort => format!("{} needs at least {limit} characters", self.field),
            FieldErrorCode::TooLong => format!("{} allows at most {limit} characters", self.field),
            FieldErrorCode::Invalid => format!("{} is not valid", self.field),
        }
    }
}

/// Field names, as they appear in JSON and in `FieldError::field`.
pub mod field {
    pub const TITLE: &str = "title";
    pub const BODY: &str = "body";
    pub const EVENT_DATE: &str = "event_date";
    pub const EVENT_PLACE: &str = "event_place";
    pub const EMAIL: &str = "email";
    pub const PASSWORD: &str = "password";
    pub const DISPLAY_NAME: &str = "display_name";
    pub const NAME: &str = "name";
    pub const BUSINESS_NUMBER: &str = "business_number";
    pub const NOTE: &str = "note";
    pub const REASON: &str = "reason";
    pub const SLUG: &str = "slug";
    pub const REGION: &str = "region";
    pub const REGION_EN: &str = "region_en";
    pub const NAME_EN: &str = "name_en";
    pub const MESSAGE: &str = "message";
    pub const PLEDGE: &str = "pledge";
    pub const STARTS_AT: &str = "starts_at";
    pub const ENDS_AT: &str = "ends_at";
    pub const DESCRIPTION: &str = "description";
    pub const DESCRIPTION_EN: &str = "description_en";
    pub const PLACE: &str = "place";
    pub const PHONE: &str = "phone";
    pub const KAKAO_CHANNEL_URL: &str = "kakao_channel_url";
    pub const SUPPORT_THRESHOLD: &str = "support_threshold";
    pub const PLEDGE_THRESHOLD: &str = "pledge_threshold";
    pub const EXPIRY_DAYS: &str = "expiry_days";
    pub const EMBED_ORIGINS: &str = "embed_origins";
    /// A day's hours: `hours.mon` … `hours.sun`.
    pub const HOURS: [&str; 7] =
        ["hours.mon", "hours.tue", "hours.wed", "hours.thu", "hours.fri", "hours.sat", "hours.sun"];
}

/// Collects field problems while checking several fields.
#[derive(Default)]
struct Problems(Vec<FieldError>);

impl Problems {
    fn take<T: Default>(&mut self, checked: Result<T, FieldError>) -> T {
        checked.unwrap_or_else(|e| {
            self.0.push(e);
            T::default()
        })
    }

    fn finish<T>(self, value: T) -> Result<T, Vec<FieldError>> {
        if self.0.is_empty() { Ok(value) } else { Err(self.0) }
    }
}

/// Trimmed text of `min..=max` characters. Single-line text refuses control characters;
/// multi-line text allows line breaks and tabs.
fn text(field: &str, raw: &str, (min, max): (usize, usize), multiline: bool) -> Result<String, FieldError> {
    let value = raw.trim();
    if value.is_empty() {
        return Err(FieldError::new(field, FieldErrorCode::Required, None));
    }
    let allowed = |c: char| {
        (!c.is_control() || (multiline && (c == '\n' || c == '\t' || c == '\r'))) && !is_invisible_trick(c)
    };
    if !value.chars().all(allowed) {
        return Err(FieldError::new(field, FieldErrorCode::Invalid, None));
    }
    let len = value.chars().count();
    if len < min {
        return Err(FieldError::new(field, FieldErrorCode::TooShort, Some(min)));
    }
    if len > max {
        return Err(FieldError::new(field, FieldErrorCode::TooLong, Some(max)));
    }
    Ok(value.to_owned())
}

/// Invisible characters that can disguise text: bidirectional overrides (which make
/// "txt.exe" read "exe.txt") and zero-width spaces. The zero-width joiner stays: emoji
/// such as 👨‍👩‍👧 are made with it.
fn is_invisible_trick(c: char) -> bool {
    matches!(c,
        '\u{061C}' | '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

pub fn title(raw: &str) -> Result<String, FieldError> {
    text(field::TITLE, raw, limits::TITLE, false)
}

pub fn body(raw: &str) -> Result<String, FieldError> {
    text(field::BODY, raw, limits::BODY, true)
}

pub fn comment_body(raw: &str) -> Result<String, FieldError> {
    text(field::BODY, raw, limits::COMMENT, true)
}

pub fn display_name(raw: &str) -> Result<String, FieldError> {
    text(field::DISPLAY_NAME, raw, limits::DISPLAY_NAME, false)
}

/// Optional place of an event: blank means none.
pub fn event_place(raw: Option<&str>) -> Result<Option<String>, FieldError> {
    match raw.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) => text(field::EVENT_PLACE, v, limits::EVENT_PLACE, false).map(Some),
    }
}

/// Optional day of an event, `YYYY-MM-DD`, a real calendar date: blank means none.
pub fn event_date(raw: Option<&str>) -> Result<Option<String>, FieldError> {
    match raw.map(str::trim) {
        None | Some("") => Ok(None),
        Some(v) if is_calendar_date(v) => Ok(Some(v.to_owned())),
        Some(_) => Err(FieldError::new(field::EVENT_DATE, FieldErrorCode::Invalid, None)),
    }
}

fn is_calendar_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        let part = &s[r];
        if part.bytes().all(|c| c.is_ascii_digit()) { part.parse().ok() } else { None }
    };
    let (Some(year), Some(month), Some(day)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (2000..=2999).contains(&year) && (1..=days_in_month).contains(&day)
}

/// Email, trimmed and lower-cased. Deliberately loose: one `@`, something before it, a
/// dot inside the domain, no spaces. The real check is the person reading their mail.
pub fn email(raw: &str) -> Result<String, FieldError> {
    let value = raw.trim().to_lowercase();
    if value.is_empty() {
        return Err(FieldError::new(field::EMAIL, FieldErrorCode::Required, None));
    }
    // Counted as sent: lower-casing can lengthen a string ('İ' is two characters after).
    if raw.chars().count() > limits::EMAIL.1 {
        return Err(FieldError::new(field::EMAIL, FieldErrorCode::TooLong, Some(limits::EMAIL.1)));
    }
    let well_formed = match value.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !value.chars().any(|c| c.is_whitespace() || c.is_control())
        }
        None => false,
    };
    if well_formed { Ok(value) } else { Err(FieldError::new(field::EMAIL, FieldErrorCode::Invalid, None)) }
}

/// Password for a new account: kept exactly as typed (no trimming), 8 to 128 characters,
/// not only spaces.
pub fn new_password(raw: &str) -> Result<String, FieldError> {
    if raw.trim().is_empty() {
        return Err(FieldError::new(field::PASSWORD, FieldErrorCode::Required, None));
    }
    let len = raw.chars().count();
    if len < limits::PASSWORD.0 {
        return Err(FieldError::new(field::PASSWORD, FieldErrorCode::TooShort, Some(limits::PASSWORD.0)));
    }
    if len > limits::PASSWORD.1 {
        return Err(FieldError::new(field::PASSWORD, FieldErrorCode::TooLong, Some(limits::PASSWORD.1)));
    }
    Ok(raw.to_owned())
}

/// A new proposal, normalised: trimmed text, and the event fields dropped for
/// improvements (they have no date or place). What is given is checked whatever the
/// kind: a date that is no date is refused, not quietly dropped.
pub fn new_proposal(input: &NewProposal) -> Result<NewProposal, Vec<FieldError>> {
    let mut p = Problems::default();
    let title = p.take(title(&input.title));
    let body = p.take(body(&input.body));
    let date = p.take(event_date(input.event_date.as_deref()));
    let place = p.take(event_place(input.event_place.as_deref()));
    let (event_date, event_place) = match input.kind {
        ProposalKind::Event => (date, place),
        ProposalKind::Improvement => (None, None),
    };
    p.finish(NewProposal { kind: input.kind, title, body, event_date, event_place })
}

pub fn register(input: &RegisterRequest) -> Result<RegisterRequest, Vec<FieldError>> {
    let mut p = Problems::default();
    let email = p.take(email(&input.email));
    let password = p.take(new_password(&input.password));
    let display_name = p.take(display_name(&input.display_name));
    p.finish(RegisterRequest { email, password, display_name })
}

/// Appointing a moderator by email: the email rule of [`register`], so an address no
/// account could have is a 422 rather than a 404. Trimmed and lower-cased, as stored.
pub fn new_moderator(input: &NewModerator) -> Result<NewModerator, Vec<FieldError>> {
    let mut p = Problems::default();
    let email = p.take(email(&input.email));
    p.finish(NewModerator { email })
}

/// Login only checks presence: a wrong password is a credentials problem, not a
/// validation one, and old passwords must keep working if the rules change.
pub fn login(input: &LoginRequest) -> Result<LoginRequest, Vec<FieldError>> {
    let mut p = Problems::default();
    let email = input.email.trim().to_lowercase();
    if email.is_empty() {
        p.0.push(FieldError::new(field::EMAIL, FieldErrorCode::Required, None));
    }
    if input.password.is_empty() {
        p.0.push(FieldError::new(field::PASSWORD, FieldErrorCode::Required, None));
    }
    p.finish(LoginRequest { email, password: input.password.clone() })
}

pub fn new_comment(input: &NewComment) -> Result<NewComment, Vec<FieldError>> {
    let mut p = Problems::default();
    let body = p.take(comment_body(&input.body));
    p.finish(NewComment { body, stance: input.stance })
}

pub fn shop_name(raw: &str) -> Result<String, FieldError> {
    text(field::NAME, raw, limits::SHOP_NAME, false)
}

/// A note that may be left blank (answers `""`), multi-line.
fn optional_note(raw: &str) -> Result<String, FieldError> {
    if raw.trim().is_empty() { Ok(String::new()) } else { text(field::NOTE, raw, limits::NOTE, true) }
}

/// 사업자등록번호, kept as typed (trimmed) for the moderators who check it: ten digits,
/// grouped by hyphens or spaces as people write it (`123-45-67890`).
pub fn business_number(raw: &str) -> Result<String, FieldError> {
    let value = raw.trim();
    if value.is_empty() {
        return Err(FieldError::new(field::BUSINESS_NUMBER, FieldErrorCode::Required, None));
    }
    let only_digits_and_separators = value.chars().all(|c| c.is_ascii_digit() || c == '-' || c == ' ');
    let digits = value.chars().filter(char::is_ascii_digit).count();
    if only_digits_and_separators && digits == limits::BUSINESS_NUMBER_DIGITS {
        Ok(value.to_owned())
    } else {
        Err(FieldError::new(field::BUSINESS_NUMBER, FieldErrorCode::Invalid, None))
    }
}

pub fn new_shop_claim(input: &NewShopClaim) -> Result<NewShopClaim, Vec<FieldError>> {
    let mut p = Problems::default();
    let name = p.take(shop_name(&input.name));
    let business_number = p.take(business_number(&input.business_number));
    let note = p.take(optional_note(&input.note));
    p.finish(NewShopClaim { shop_id: input.shop_id, name, category: input.category, business_number, note })
}

/// A rejection says why; a verification may.
pub fn verification(input: &Verification) -> Result<Verification, Vec<FieldError>> {
    let mut p = Problems::default();
    let note = match input.decision {
        VerificationDecision::Reject => p.take(text(field::NOTE, &input.note, limits::NOTE, true)),
        VerificationDecision::Verify => p.take(optional_note(&input.note)),
    };
    p.finish(Verification { decision: input.decision, note })
}

/// A move's note: the official answer for `accepted` and `declined`, so required there;
/// optional for the other moves. Whether the move itself is allowed is
/// [`ProposalStatus::can_move`](crate::ProposalStatus::can_move), checked by the server
/// against the proposal's current status (a 409, not a field problem).
pub fn status_change(input: &StatusChange) -> Result<StatusChange, Vec<FieldError>> {
    let mut p = Problems::default();
    let note = if input.status.needs_note() {
        p.take(text(field::NOTE, &input.note, limits::NOTE, true))
    } else {
        p.take(optional_note(&input.note))
    };
    p.finish(StatusChange { status: input.status, note })
}

/// `proposal` as its author's edit would leave it, checked as a new proposal is, so an
/// edit cannot store what a new proposal could not.
pub fn proposal_edit(proposal: &Proposal, edit: &ProposalEdit) -> Result<NewProposal, Vec<FieldError>> {
    new_proposal(&edit.applied_to(proposal))
}

/// An author's update note: 1 to 500 characters, lines kept.
pub fn update_note(input: &UpdateNote) -> Result<UpdateNote, Vec<FieldError>> {
    let mut p = Problems::default();
    let note = p.take(text(field::NOTE, &input.note, limits::NOTE, true));
    p.finish(UpdateNote { note })
}

/// A report's reason: 1 to 500 characters, lines kept.
pub fn new_report(input: &NewReport) -> Result<NewReport, Vec<FieldError>> {
    let mut p = Problems::default();
    let reason = p.take(text(field::REASON, &input.reason, limits::NOTE, true));
    p.finish(NewReport { reason, ..input.clone() })
}

/// Deleting an account asks for its password: something, checked by the server.
pub fn delete_account(input: &DeleteAccount) -> Result<DeleteAccount, Vec<FieldError>> {
    if input.password.is_empty() {
        return Err(vec![FieldError::new(field::PASSWORD, FieldErrorCode::Required, None)]);
    }
    Ok(input.clone())
}

/// Suspending says why: 1 to 500 characters, lines kept.
pub fn new_suspension(input: &NewSuspension) -> Result<NewSuspension, Vec<FieldError>> {
    let mut p = Problems::default();
    let note = p.take(text(field::NOTE, &input.note, limits::NOTE, true));
    p.finish(NewSuspension { note })
}

/// A moderator's decision: hiding says why (the author reads it), keeping may, and so may
/// keeping hidden what was hidden (its first note stays).
pub fn visibility(input: &Visibility) -> Result<Visibility, Vec<FieldError>> {
    let mut p = Problems::default();
    let note = if input.hidden && !input.keeps_hidden() {
        p.take(text(field::NOTE, &input.note, limits::NOTE, true))
    } else {
        p.take(optional_note(&input.note))
    };
    p.finish(Visibility { note, ..input.clone() })
}

/// A district's address: 2 to 40 of `a-z`, `0-9` and single hyphens, starting with a
/// letter and not ending with a hyphen, so it reads well in `/d/{slug}` and needs no
/// escaping anywhere.
pub fn slug(raw: &str) -> Result<String, FieldError> {
    let value = raw.trim();
    let (min, max) = limits::SLUG;
    let n = value.len();
    if n == 0 {
        return Err(FieldError::new(field::SLUG, FieldErrorCode::Required, None));
    }
    let b = value.as_bytes();
    let shaped = b.iter().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
        && b[0].is_ascii_lowercase()
        && b[n - 1] != b'-'
        && !value.contains("--");
    if !shaped {
        Err(FieldError::new(field::SLUG, FieldErrorCode::Invalid, None))
    } else if n < min {
        Err(FieldError::new(field::SLUG, FieldErrorCode::TooShort, Some(min)))
    } else if n > max {
        Err(FieldError::new(field::SLUG, FieldErrorCode::TooLong, Some(max)))
    } else {
        Ok(value.to_owned())
    }
}

/// A new district: its address, both names; region and description may wait.
pub fn new_district(input: &NewDistrict) -> Result<NewDistrict, Vec<FieldError>> {
    let mut p = Problems::default();
    let d = NewDistrict {
        slug: p.take(slug(&input.slug)),
        name: p.take(text(field::NAME, &input.name, limits::DISTRICT_NAME, false)),
        name_en: p.take(text(field::NAME_EN, &input.name_en, limits::DISTRICT_NAME, false)),
        region: p.take(optional_text(field::REGION, &input.region, limits::REGION, false)),
        region_en: p.take(optional_text(field::REGION_EN, &input.region_en, limits::REGION, false)),
        description: p.take(optional_text(
            field::DESCRIPTION,
            &input.description,
            limits::DISTRICT_DESCRIPTION,
            true,
        )),
        description_en: p.take(optional_text(
            field::DESCRIPTION_EN,
            &input.description_en,
            limits::DISTRICT_DESCRIPTION,
            true,
        )),
    };
    p.finish(d)
}

/// A change to a district's settings: names as at its founding, an introduction that may
/// be blank, a KakaoTalk channel link (blank removes it), numbers within their ranges.
pub fn district_settings(input: &DistrictSettingsUpdate) -> Result<DistrictSettingsUpdate, Vec<FieldError>> {
    let mut p = Problems::default();
    let mut text_of = |field: &'static str, raw: &Option<String>, limits, required, multiline| {
        raw.as_deref().map(|v| {
            let checked = if required {
                text(field, v, limits, multiline)
            } else {
                optional_text(field, v, limits, multiline)
            };
            p.take(checked)
        })
    };
    let name = text_of(field::NAME, &input.name, limits::DISTRICT_NAME, true, false);
    let name_en = text_of(field::NAME_EN, &input.name_en, limits::DISTRICT_NAME, true, false);
    let description =
        text_of(field::DESCRIPTION, &input.description, limits::DISTRICT_DESCRIPTION, false, true);
    let description_en =
        text_of(field::DESCRIPTION_EN, &input.description_en, limits::DISTRICT_DESCRIPTION, false, true);
    let kakao_channel_url = input
        .kakao_channel_url
        .as_deref()
        .map(|v| if v.trim().is_empty() { String::new() } else { p.take(kakao_channel_url(v)) });
    let mut number = |field: &'static str, value: Option<i64>, (min, max): (i64, i64)| {
        value.map(|n| {
            if (min..=max).contains(&n) {
                n
            } else {
                p.0.push(FieldError::new(field, FieldErrorCode::Invalid, None));
                n
            }
        })
    };
    let support_threshold =
        number(field::SUPPORT_THRESHOLD, input.support_threshold, ranges::SUPPORT_THRESHOLD);
    let pledge_threshold = number(field::PLEDGE_THRESHOLD, input.pledge_threshold, ranges::PLEDGE_THRESHOLD);
    let expiry_days = number(field::EXPIRY_DAYS, input.expiry_days, ranges::EXPIRY_DAYS);
    let embed_origins = input.embed_origins.as_deref().map(|list| p.take(embed_origins(list)));
    p.finish(DistrictSettingsUpdate {
        name,
        name_en,
        description,
        description_en,
        kakao_channel_url,
        support_threshold,
        pledge_threshold,
        expiry_days,
        embed_origins,
    })
}

/// The sites that may frame a district's widget: each an origin as a browser writes it
/// (lower case, no trailing `/`), blanks skipped, each once. Anything more than an origin
/// is refused, not trimmed: the list goes into a `Content-Security-Policy` header, where
/// a path would narrow it silently and a `;` or a space would add directives of its own.
pub fn embed_origins(list: &[String]) -> Result<Vec<String>, FieldError> {
    // Counted as sent, blanks and repeats included: the document's `maxItems`.
    if list.len() > ranges::EMBED_ORIGINS {
        return Err(FieldError::new(field::EMBED_ORIGINS, FieldErrorCode::Invalid, None));
    }
    let mut origins: Vec<String> = Vec::new();
    for raw in list.iter().map(|o| o.trim()).filter(|o| !o.is_empty()) {
        let origin = embed_origin(raw)
            .ok_or_else(|| FieldError::new(field::EMBED_ORIGINS, FieldErrorCode::Invalid, None))?;
        if !origins.contains(&origin) {
            origins.push(origin);
        }
    }
    Ok(origins)
}

/// `scheme://host[:port]`, lower-cased, or `None` (`patterns::optional_embed_origin` says
/// the same). Hosts are DNS names (labels of up to 63 letters, digits and inner hyphens,
/// dots between them) or IPv4 addresses; ports have no leading zero; `http` is allowed for a district
/// site still on it, and for sites on one's own machine.
fn embed_origin(raw: &str) -> Option<String> {
    let lower = raw.to_ascii_lowercase();
    let lower = lower.strip_suffix('/').unwrap_or(&lower);
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"))?;
    let (host, port) = match rest.rsplit_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (rest, None),
    };
    let port_ok = port.is_none_or(|p| {
        !p.is_empty()
            && !p.starts_with('0')
            && p.bytes().all(|b| b.is_ascii_digit())
            && p.parse::<u16>().is_ok_and(|n| n > 0)
    });
    let label_ok = |label: &str| {
        !label.is_empty()
            && label.len() <= 63
            && label.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !label.starts_with('-')
            && !label.ends_with('-')
    };
    let host_ok = host.split('.').all(label_ok);
    (port_ok && host_ok).then(|| lower.to_owned())
}

/// Text that may be left blank (answers `""`).
fn optional_text(
    field: &str,
    raw: &str,
    limits: (usize, usize),
    multiline: bool,
) -> Result<String, FieldError> {
    if raw.trim().is_empty() { Ok(String::new()) } else { text(field, raw, limits, multiline) }
}

/// A phone number as people write it: digits with hyphens, spaces or parentheses, `+`
/// only in front, 8 to 12 digits (`042-123-4567`, `010 1234 5678`).
pub fn phone(raw: &str) -> Result<String, FieldError> {
    let value = raw.trim();
    let digits = value.chars().filter(char::is_ascii_digit).count();
    let shaped = value
        .char_indices()
        .all(|(i, c)| c.is_ascii_digit() || matches!(c, '-' | ' ' | '(' | ')') || (c == '+' && i == 0));
    if shaped && (limits::PHONE_DIGITS.0..=limits::PHONE_DIGITS.1).contains(&digits) {
        Ok(value.to_owned())
    } else {
        Err(FieldError::new(field::PHONE, FieldErrorCode::Invalid, None))
    }
}

/// A KakaoTalk channel link, `pf.kakao.com/…` with or without `http(s)://`, and nothing
/// else; answered as `https://pf.kakao.com/PATH` without a query or a trailing slash.
pub fn kakao_channel_url(raw: &str) -> Result<String, FieldError> {
    let invalid = || FieldError::new(field::KAKAO_CHANNEL_URL, FieldErrorCode::Invalid, None);
    let value = raw.trim();
    let without = |scheme: &str| {
        value.get(..scheme.len()).filter(|s| s.eq_ignore_ascii_case(scheme)).map(|_| &value[scheme.len()..])
    };
    let rest = without("https://").or_else(|| without("http://")).unwrap_or(value);
    let rest = rest.split(['?', '#']).next().unwrap_or_default();
    const HOST: &str = "pf.kakao.com/";
    let path = match rest.get(..HOST.len()) {
        Some(host) if host.eq_ignore_ascii_case(HOST) => rest[HOST.len()..].trim_end_matches('/'),
        _ => return Err(invalid()),
    };
    let well_formed = !path.is_empty()
        && path.split('/').all(|part| !part.is_empty())
        && path.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '/'));
    if well_formed { Ok(format!("https://{HOST}{path}")) } else { Err(invalid()) }
}

/// One day's hours: real clock times, a break inside the opening.
fn day_hours(field: &str, day: &DayHours) -> Result<(), FieldError> {
    let times = [Some(&day.open.starts), Some(&day.open.ends)]
        .into_iter()
        .chain(day.break_time.iter().flat_map(|b| [Some(&b.starts), Some(&b.ends)]))
        .flatten();
    let readable = times.into_iter().all(|t| hours::clock_minutes(t).is_some());
    let break_ok = day.break_time.as_ref().is_none_or(|b| hours::break_fits(&day.open, b));
    if readable && break_ok { Ok(()) } else { Err(FieldError::new(field, FieldErrorCode::Invalid, None)) }
}

fn weekly_hours(week: &WeeklyHours, p: &mut Problems) {
    for (weekday, field) in field::HOURS.iter().enumerate() {
        if let Some(day) = week.day(weekday as u8) {
            p.take(day_hours(field, day));
        }
    }
}

/// A change to a shop's profile: the fields given, normalised. An empty phone or
/// channel stays empty: it removes the one there was.
pub fn shop_update(input: &ShopUpdate) -> Result<ShopUpdate, Vec<FieldError>> {
    let mut p = Problems::default();
    let mut out = ShopUpdate {
        category: input.category,
        accepts_onnuri: input.accepts_onnuri,
        accepts_local_card: input.accepts_local_card,
        closed_today: input.closed_today,
        ..ShopUpdate::default()
    };
    out.name = input.name.as_deref().map(|v| p.take(shop_name(v)));
    out.name_en =
        input.name_en.as_deref().map(|v| p.take(optional_text(field::NAME_EN, v, limits::SHOP_NAME, false)));
    out.description = input
        .description
        .as_deref()
        .map(|v| p.take(optional_text(field::DESCRIPTION, v, limits::SHOP_DESCRIPTION, true)));
    out.description_en = input
        .description_en
        .as_deref()
        .map(|v| p.take(optional_text(field::DESCRIPTION_EN, v, limits::SHOP_DESCRIPTION, true)));
    out.place =
        input.place.as_deref().map(|v| p.take(optional_text(field::PLACE, v, limits::SHOP_PLACE, false)));
    out.phone =
        input.phone.as_deref().map(|v| if v.trim().is_empty() { String::new() } else { p.take(phone(v)) });
    out.kakao_channel_url = input
        .kakao_channel_url
        .as_deref()
        .map(|v| if v.trim().is_empty() { String::new() } else { p.take(kakao_channel_url(v)) });
    if let Some(week) = &input.hours {
        weekly_hours(week, &mut p);
        out.hours = Some(week.clone());
    }
    p.finish(out)
}

/// A shop's answer: a message, and a pledge that blank leaves out.
pub fn new_answer(input: &NewAnswer) -> Result<NewAnswer, Vec<FieldError>> {
    let mut p = Problems::default();
    let message = p.take(text(field::MESSAGE, &input.message, limits::ANSWER_MESSAGE, true));
    let pledge = match input.pledge.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(v) => Some(p.take(text(field::PLEDGE, v, limits::PLEDGE, false))),
    };
    p.finish(NewAnswer { stance: input.stance, message, pledge })
}

/// An instant as typed, in the API's form (`crate::instants::normalize`).
fn instant(field: &str, raw: &str) -> Result<String, FieldError> {
    crate::instants::normalize(raw).ok_or_else(|| FieldError::new(field, FieldErrorCode::Invalid, None))
}

/// An announcement's span from what was given: the start defaults to `now`, the end to
/// 30 days after the start, and the end must come after the start (an `ends_at` problem).
fn announcement_span(
    starts_at: Option<&str>,
    ends_at: Option<&str>,
    now: &str,
    p: &mut Problems,
) -> (String, String) {
    let starts = match starts_at.map(str::trim).filter(|s| !s.is_empty()) {
        Some(raw) => p.take(instant(field::STARTS_AT, raw)),
        None => now.to_owned(),
    };
    let ends = match ends_at.map(str::trim).filter(|s| !s.is_empty()) {
        Some(raw) => p.take(instant(field::ENDS_AT, raw)),
        None => crate::instants::parse(&starts)
            .map(|s| crate::instants::format(s + limits::ANNOUNCEMENT_DAYS * 86_400))
            .unwrap_or_default(),
    };
    ends_after_start(&starts, &ends, p);
    (starts, ends)
}

/// An end at or before the start is an `ends_at` problem (instants in the API's form,
/// which sort as text); a missing one was reported already.
fn ends_after_start(starts: &str, ends: &str, p: &mut Problems) {
    if !starts.is_empty() && !ends.is_empty() && ends <= starts {
        p.0.push(FieldError::new(field::ENDS_AT, FieldErrorCode::Invalid, None));
    }
}

/// A new announcement, with its span filled in (`now` in the API's form).
pub fn new_announcement(input: &NewAnnouncement, now: &str) -> Result<NewAnnouncement, Vec<FieldError>> {
    let mut p = Problems::default();
    let title = p.take(title(&input.title));
    let body = p.take(text(field::BODY, &input.body, limits::ANNOUNCEMENT_BODY, true));
    let (starts, ends) = announcement_span(input.starts_at.as_deref(), input.ends_at.as_deref(), now, &mut p);
    p.finish(NewAnnouncement { kind: input.kind, title, body, starts_at: Some(starts), ends_at: Some(ends) })
}

/// A change to an announcement whose span is now `current` (start, end): the fields
/// given, normalised, and the span as it will be checked whole.
pub fn announcement_update(
    input: &AnnouncementUpdate,
    current: (&str, &str),
) -> Result<AnnouncementUpdate, Vec<FieldError>> {
    let mut p = Problems::default();
    let title = input.title.as_deref().map(|v| p.take(title(v)));
    let body = input.body.as_deref().map(|v| p.take(text(field::BODY, v, limits::ANNOUNCEMENT_BODY, true)));
    let starts = input.starts_at.as_deref().map(|v| p.take(instant(field::STARTS_AT, v)));
    let ends = input.ends_at.as_deref().map(|v| p.take(instant(field::ENDS_AT, v)));
    ends_after_start(starts.as_deref().unwrap_or(current.0), ends.as_deref().unwrap_or(current.1), &mut p);
    p.finish(AnnouncementUpdate { kind: input.kind, title, body, starts_at: starts, ends_at: ends })
}
