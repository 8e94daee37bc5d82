//! `ready` and `expired`: the one rule the server fills them by and the app explains.

use golmok_api::{DistrictSettings, Goals, Progress, ProposalStatus, progress};

const DAY: i64 = 86_400;

/// The demo district's: 20 supports, 3 pledges, 60 days.
const DEMO: Goals = Goals { supports: 20, pledges: 3, expiry_days: 60 };

#[test]
fn ready_takes_both_goals_and_a_district_that_still_owes_an_answer() {
    let ready = |status, votes, pledges| progress(status, votes, pledges, DEMO, DAY).ready;
    assert!(ready(ProposalStatus::Open, 20, 3), "exactly the goals");
    assert!(ready(ProposalStatus::Open, 500, 9));
    assert!(!ready(ProposalStatus::Open, 19, 3), "one support short");
    assert!(!ready(ProposalStatus::Open, 20, 2), "one pledge short");
    assert!(ready(ProposalStatus::UnderReview, 20, 3), "under review: still waits for the answer");
    for answered in
        [ProposalStatus::Accepted, ProposalStatus::Done, ProposalStatus::Declined, ProposalStatus::Withdrawn]
    {
        assert!(!ready(answered, 20, 3), "{answered:?}: moved on, no longer waiting");
    }
    let no_pledges = Goals { pledges: 0, ..DEMO };
    assert!(progress(ProposalStatus::Open, 20, 0, no_pledges, DAY).ready, "0 pledges asked: none needed");
}

#[test]
fn expired_is_open_not_ready_and_past_the_window() {
    let at = |status, votes, pledges, age| progress(status, votes, pledges, DEMO, age);
    assert_eq!(at(ProposalStatus::Open, 5, 0, 59 * DAY), Progress { ready: false, expired: false });
    assert_eq!(at(ProposalStatus::Open, 5, 0, 60 * DAY), Progress::default(), "on the day: not yet");
    assert_eq!(at(ProposalStatus::Open, 5, 0, 60 * DAY + 1), Progress { ready: false, expired: true });
    assert_eq!(at(ProposalStatus::Open, 5, 0, 61 * DAY), Progress { ready: false, expired: true });
    assert_eq!(
        at(ProposalStatus::Open, 20, 3, 400 * DAY),
        Progress { ready: true, expired: false },
        "ready is never expired: it waits for the district"
    );
    for status in ProposalStatus::ALL.into_iter().filter(|s| *s != ProposalStatus::Open) {
        assert!(!at(status, 0, 0, 400 * DAY).expired, "{status:?}: only an open proposal expires");
    }
    // A clock behind the proposal's creation (a future created_at) never expires it.
    assert!(!at(ProposalStatus::Open, 0, 0, -DAY).expired);
    // Settings out of any range the server keeps do not overflow.
    let forever = Goals { expiry_days: i64::MAX, ..DEMO };
    assert!(!progress(ProposalStatus::Open, 0, 0, forever, i64::MAX).expired);
}

#[test]
fn a_districts_settings_are_its_goals() {
    let settings = DistrictSettings {
        support_threshold: 20,
        pledge_threshold: 3,
        expiry_days: 60,
        ..Default::default()
    };
    assert_eq!(settings.goals(), DEMO);
}
